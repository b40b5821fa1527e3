/* MDS-MEM-004: allocation results tested before use. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void register_buffer(uint8_t *buf);
int buffer_usable(const uint8_t *buf);

struct alarm {
	uint16_t code;
	uint16_t priority;
};

struct link {
	uint8_t *tx;
	struct link *next;
};

char *dup_line(const char *line)
{
	size_t n = strlen(line) + 1u;
	char *copy = malloc(n);

	if (copy == NULL) {
		return NULL;
	}
	memcpy(copy, line, n);
	return copy;
}

struct alarm *alarm_new(uint16_t code)
{
	struct alarm *a;

	if ((a = malloc(sizeof *a)) == NULL) {
		return NULL;
	}
	a->code = code;
	a->priority = 0u;
	return a;
}

int frame_send(size_t n)
{
	uint8_t *buf = malloc(n);

	if (!buf) {
		return -1;
	}
	buf[0] = 0x7Eu;
	register_buffer(buf);
	return 0;
}

uint16_t alarm_priority_or_default(uint16_t code)
{
	struct alarm *a = calloc(1u, sizeof *a);
	uint16_t prio = a != NULL ? a->priority : 0u;

	if (a != NULL) {
		a->code = code;
	}
	free(a);
	return prio;
}

/* stored in a structure: the member is checked, not the local */
int link_init(struct link *l, size_t n)
{
	l->tx = malloc(n);
	if (l->tx == NULL) {
		return -1;
	}
	l->tx[0] = 0u;
	return 0;
}

struct link *links_build(size_t count)
{
	struct link *head = NULL, *node;
	size_t i;

	for (i = 0u; i < count; i++) {
		node = malloc(sizeof *node);
		if (NULL == node) {
			break;
		}
		node->tx = NULL;
		node->next = head;
		head = node;
	}
	return head;
}

size_t buffer_reset(size_t n)
{
	uint8_t *buf = malloc(n);

	if (buf != NULL && n > 0u) {
		memset(buf, 0, n);
	}
	free(buf);
	return n;
}

void *zeroed(size_t n)
{
	void *p = malloc(n);

	if (p) {
		memset(p, 0, n);
	}
	return p;
}
