/*
 * Bounded, heap-backed string builder. Every sbuf has a maximum; appending
 * past it fails with ASP_ELIMIT and leaves the content unchanged.
 */
#ifndef ASP_BASE_SBUF_H
#define ASP_BASE_SBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	char *data;     /* NUL-terminated when len > 0; owned */
	size_t len;
	size_t cap;
	size_t max;
};

#define SBUF_INIT(maxbytes) { NULL, 0, 0, (maxbytes) }

int sbuf_append(struct sbuf *b, const char *s, size_t n);
int sbuf_puts(struct sbuf *b, const char *s);
int sbuf_putc(struct sbuf *b, char c);
int sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *sbuf_str(const struct sbuf *b);  /* "" when empty; borrowed */
void sbuf_reset(struct sbuf *b);             /* keeps the allocation */
char *sbuf_take(struct sbuf *b);             /* caller frees; b becomes empty */
void sbuf_free(struct sbuf *b);

#endif
