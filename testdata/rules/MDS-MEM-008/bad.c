/* MDS-MEM-008: realloc results stored over the only pointer to the old block. */
#include <stdint.h>
#include <stdlib.h>

#define LOG_MAX_BYTES 65536u
#define GROW(p, n) ((p) = realloc((p), (n)))

struct event_log {
	char *buf;
	size_t cap;
};

struct sample_set {
	uint16_t *samples;
	size_t count;
};

int log_reserve(struct event_log *log, size_t cap)
{
	if (cap > LOG_MAX_BYTES) {
		return -1;
	}
	log->buf = realloc(log->buf, cap); // expect: MDS-MEM-008
	if (log->buf == NULL) {
		return -1;
	}
	log->cap = cap;
	return 0;
}

char *text_extend(char *text, size_t len)
{
	if (len > LOG_MAX_BYTES) {
		return NULL;
	}
	text = realloc(text, len + 1u); // expect: MDS-MEM-008
	return text;
}

int samples_resize(struct sample_set *set, size_t count)
{
	if (count > 1024u) {
		return -1;
	}
	set->samples = (uint16_t *)realloc(set->samples, // expect: MDS-MEM-008
					   count * sizeof *set->samples);
	if (set->samples == NULL) {
		return -1;
	}
	set->count = count;
	return 0;
}

int table_resize(char **rows, size_t i, size_t len)
{
	if (len > LOG_MAX_BYTES) {
		return -1;
	}
	rows[i] = realloc(rows[i], len); // expect: MDS-MEM-008
	return rows[i] == NULL ? -1 : 0;
}

int samples_resize_array(struct sample_set *set, size_t count)
{
	set->samples = reallocarray(set->samples, count, sizeof *set->samples); // expect: MDS-MEM-008
	return set->samples == NULL ? -1 : 0;
}

int log_grow_macro(struct event_log *log)
{
	if (log->cap > LOG_MAX_BYTES / 2u) {
		return -1;
	}
	GROW(log->buf, log->cap * 2u); // expect: MDS-MEM-008
	if (log->buf == NULL) {
		return -1;
	}
	log->cap *= 2u;
	return 0;
}
