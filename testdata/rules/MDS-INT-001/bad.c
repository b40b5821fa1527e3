/* MDS-INT-001: allocation and copy sizes that can wrap around. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEPS 64u
#define ALLOC_ARRAY(type, n) malloc((n) * sizeof(type))

struct rate_step {
	uint32_t duration_s;
	uint32_t rate_ul_h;
};

struct sample_buf {
	uint16_t *samples;
	size_t count;
	size_t cap;
};

struct rate_step *steps_alloc(size_t count)
{
	struct rate_step *steps = malloc(count * sizeof(struct rate_step)); // expect: MDS-INT-001

	return steps;
}

/* 32-bit dimensions multiplied in 32 bits wrap before the conversion to size_t */
uint8_t *frame_alloc(uint32_t width, uint32_t height)
{
	return malloc(width * height * 3u); // expect: MDS-INT-001
}

/* uint16_t operands are promoted to int: 65535 * 65535 does not fit */
uint8_t *mask_alloc(uint16_t cols, uint16_t rows)
{
	return malloc(cols * rows); // expect: MDS-INT-001
}

int samples_grow(struct sample_buf *b)
{
	size_t new_cap = b->cap * 2u;
	uint16_t *tmp = realloc(b->samples, new_cap * sizeof *b->samples); // expect: MDS-INT-001

	if (tmp == NULL) {
		return -1;
	}
	b->samples = tmp;
	b->cap = new_cap;
	return 0;
}

void samples_copy(uint16_t *dst, const uint16_t *src, size_t n_samples)
{
	memcpy(dst, src, n_samples * sizeof(uint16_t)); // expect: MDS-INT-001
}

uint8_t *packet_alloc(size_t hdr_len, size_t payload_len)
{
	return malloc(hdr_len + payload_len); // expect: MDS-INT-001
}

struct rate_step *steps_alloc_macro(size_t count)
{
	return ALLOC_ARRAY(struct rate_step, count); // expect: MDS-INT-001
}

/* a bound on another value, or a loop over the count, is not a guard */
struct rate_step *steps_fill(size_t count, size_t first)
{
	struct rate_step *steps;
	size_t i;

	if (first > MAX_STEPS) {
		return NULL;
	}
	for (i = 0u; i < count; i++) {
		first += i;
	}
	steps = malloc(count * sizeof *steps); // expect: MDS-INT-001
	if (steps != NULL) {
		steps[0].duration_s = (uint32_t)first;
	}
	return steps;
}
