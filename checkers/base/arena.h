/*
 * Per-translation-unit allocator: many small allocations, freed together.
 * Memory from an arena is never freed singly. Total size is capped; an
 * allocation past the cap returns NULL (callers report ASP_ELIMIT).
 */
#ifndef ASP_BASE_ARENA_H
#define ASP_BASE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* Creates an arena that may hold at most max_bytes (0 = 1 GiB). */
struct arena *arena_new(size_t max_bytes);
void arena_free(struct arena *a);           /* accepts NULL */

void *arena_alloc(struct arena *a, size_t size);    /* zeroed; NULL on failure */
void *arena_grow(struct arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
size_t arena_used(const struct arena *a);

#endif
