/* MDS-INT-001: sizes that are bounded first, or cannot wrap in their type. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEPS 64u

struct rate_step {
	uint32_t duration_s;
	uint32_t rate_ul_h;
};

struct step_queue {
	struct rate_step *items;
	size_t capacity;
};

struct rate_step *steps_alloc(size_t count)
{
	if (count == 0u || count > MAX_STEPS) {
		return NULL;
	}
	return malloc(count * sizeof(struct rate_step));
}

void *table_alloc(size_t count, size_t size)
{
	if (size != 0u && count > SIZE_MAX / size) {
		return NULL;
	}
	return malloc(count * size);
}

void *table_alloc_checked(size_t count, size_t size)
{
	size_t bytes = 0u;

	if (__builtin_mul_overflow(count, size, &bytes)) {
		return NULL;
	}
	return malloc(bytes);
}

struct rate_step *steps_zeroed(size_t count)
{
	return calloc(count, sizeof(struct rate_step));
}

/* an 8-bit or 32-bit count times a small size cannot exceed a 64-bit size_t */
struct rate_step *steps_small(uint8_t count)
{
	return malloc(count * sizeof(struct rate_step));
}

uint8_t *frame_alloc(uint32_t width, uint32_t height)
{
	return malloc((size_t)width * height);
}

uint8_t *icon_alloc(uint8_t w, uint8_t h)
{
	return malloc(w * h);
}

char *join_words(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *out = malloc(la + lb + 1u);

	if (out != NULL) {
		memcpy(out, a, la);
		memcpy(out + la, b, lb + 1u);
	}
	return out;
}

char *dup_text(const char *s, size_t len)
{
	char *out = malloc(len + 1u);

	if (out != NULL) {
		memcpy(out, s, len);
		out[len] = '\0';
	}
	return out;
}

int queue_load(struct step_queue *q, const struct rate_step *src, size_t count)
{
	if (count > q->capacity) {
		return -1;
	}
	memcpy(q->items, src, count * sizeof *src);
	return 0;
}

struct rate_step *steps_clamped(size_t requested)
{
	size_t n = requested < MAX_STEPS ? requested : MAX_STEPS;

	return malloc(n * sizeof(struct rate_step));
}

void *fixed_pool(void)
{
	return malloc(16u * sizeof(struct rate_step));
}

void steps_clear(struct rate_step *steps, uint16_t count)
{
	memset(steps, 0, count * sizeof *steps);
}
