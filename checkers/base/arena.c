/*
 * Chunked bump allocator. With ASEPSIS_DEBUG_ARENA each allocation is its
 * own malloc block so AddressSanitizer sees exact bounds.
 */
#include "base/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN 16

struct chunk {
	struct chunk *next;
	size_t size;
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct chunk *head;
	size_t total;
	size_t max;
};

struct arena *arena_new(size_t max_bytes)
{
	struct arena *a = calloc(1, sizeof *a);

	if (!a)
		return NULL;
	a->max = max_bytes ? max_bytes : (size_t)1 << 30;
	return a;
}

void arena_free(struct arena *a)
{
	struct chunk *c, *next;

	if (!a)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

static struct chunk *chunk_new(struct arena *a, size_t size)
{
	struct chunk *c;

	if (size > a->max || a->total > a->max - size)
		return NULL;
	c = malloc(sizeof *c + size);
	if (!c)
		return NULL;
	c->size = size;
	c->used = 0;
	c->next = a->head;
	a->head = c;
	a->total += size;
	return c;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct chunk *c;
	size_t need;
	void *p;

	if (!a)
		return NULL;
	if (size == 0)
		size = 1;
	if (size > a->max)
		return NULL;
	need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
#ifdef ASEPSIS_DEBUG_ARENA
	c = chunk_new(a, size);
	if (!c)
		return NULL;
	c->used = size;
	memset(c->data, 0, size);
	(void)need;
	(void)p;
	return c->data;
#else
	c = a->head;
	if (!c || c->size - c->used < need) {
		/* Large requests get a chunk of their own. */
		c = chunk_new(a, need > ARENA_CHUNK / 4 ? need : ARENA_CHUNK);
		if (!c)
			return NULL;
		if (need > ARENA_CHUNK / 4 && c->next) {
			/* keep the partly used chunk at the head for small requests */
			struct chunk *big = c;
			a->head = big->next;
			big->next = a->head->next;
			a->head->next = big;
		}
	}
	p = c->data + c->used;
	c->used += need;
	memset(p, 0, size);
	return p;
#endif
}

void *arena_grow(struct arena *a, void *old, size_t old_size, size_t new_size)
{
	void *p;

	if (new_size <= old_size)
		return old;
	p = arena_alloc(a, new_size);
	if (p && old && old_size)
		memcpy(p, old, old_size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == (size_t)-1)
		return NULL;
	p = arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return NULL;
	p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t arena_used(const struct arena *a)
{
	return a ? a->total : 0;
}
