/* MDS-MEM-008: realloc results kept apart until they are known to be valid. */
#include <stdint.h>
#include <stdlib.h>

#define LOG_MAX_BYTES 65536u

void *reallocf(void *p, size_t size);

struct event_log {
	char *buf;
	char *spare;
	size_t cap;
};

int log_reserve(struct event_log *log, size_t cap)
{
	char *grown;

	if (cap > LOG_MAX_BYTES) {
		return -1;
	}
	grown = realloc(log->buf, cap);
	if (grown == NULL) {
		return -1;   /* log->buf is still valid */
	}
	log->buf = grown;
	log->cap = cap;
	return 0;
}

/* reallocf frees the old block itself when it fails */
char *text_extend(char *text, size_t len)
{
	if (len > LOG_MAX_BYTES) {
		return NULL;
	}
	text = reallocf(text, len + 1u);
	return text;
}

int log_take_spare(struct event_log *log, size_t cap)
{
	char *spare;

	if (cap > LOG_MAX_BYTES) {
		return -1;
	}
	spare = realloc(log->spare, cap);
	if (spare == NULL) {
		return -1;
	}
	log->spare = NULL;
	free(log->buf);
	log->buf = spare;
	log->cap = cap;
	return 0;
}

int rows_resize(char **rows, size_t i, size_t len)
{
	char *row;

	if (len > LOG_MAX_BYTES) {
		return -1;
	}
	row = realloc(rows[i], len);
	if (row == NULL) {
		return -1;
	}
	rows[i] = row;
	return 0;
}
