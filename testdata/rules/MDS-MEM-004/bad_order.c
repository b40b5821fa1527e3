/* MDS-MEM-004: allocation results used before any NULL check. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *pvPortMalloc(size_t size);
void vPortFree(void *p);
void register_buffer(uint8_t *buf);

struct alarm {
	uint16_t code;
	uint16_t priority;
	uint8_t payload[8];
};

struct ring {
	uint8_t *data;
	size_t used;
};

char *dup_line(const char *line)
{
	size_t n = strlen(line) + 1u;
	char *copy = malloc(n);

	memcpy(copy, line, n); // expect: MDS-MEM-004
	return copy;
}

struct alarm *alarm_new(uint16_t code)
{
	struct alarm *a = calloc(1u, sizeof *a);

	a->code = code; // expect: MDS-MEM-004
	return a;
}

void frame_send(size_t n)
{
	uint8_t *buf;

	buf = malloc(n);
	buf[0] = 0x7Eu; // expect: MDS-MEM-004
	register_buffer(buf);
}

uint32_t *counter_new(void)
{
	uint32_t *counter = (uint32_t *)malloc(sizeof *counter);

	*counter = 0u; // expect: MDS-MEM-004
	return counter;
}

size_t label_length(const char *name)
{
	char *label = strdup(name);
	size_t n = strlen(label); // expect: MDS-MEM-004

	free(label);
	return n;
}

void ring_append(struct ring *r, const uint8_t *src, size_t len, size_t cap)
{
	uint8_t *grown = realloc(r->data, cap);

	memcpy(grown + r->used, src, len); // expect: MDS-MEM-004
	r->data = grown;
	r->used += len;
}

void alarm_clear_payload(uint16_t code)
{
	struct alarm *a = pvPortMalloc(sizeof(struct alarm));

	memset(&a->payload, 0, sizeof a->payload); // expect: MDS-MEM-004
	a->code = code;
	vPortFree(a);
}

/* handing the pointer to another function is not a check */
void buffer_prime(size_t n)
{
	uint8_t *buf = malloc(n);

	register_buffer(buf);
	buf[1] = 0u; // expect: MDS-MEM-004
}

/* the check comes too late */
struct alarm *alarm_late_check(void)
{
	struct alarm *a = malloc(sizeof *a);

	a->priority = 1u; // expect: MDS-MEM-004
	if (a == NULL) {
		return NULL;
	}
	return a;
}
