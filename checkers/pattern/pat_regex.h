/*
 * Regular expressions (PCRE2 syntax) for the driver's data files, so that
 * PCRE2 stays behind checkers/pattern/. A compiled expression is immutable;
 * matching allocates its own match data, so threads may share one.
 */
#ifndef ASP_PAT_REGEX_H
#define ASP_PAT_REGEX_H

#include <stddef.h>

struct pat_regex;

enum { PAT_REGEX_CASELESS = 1, PAT_REGEX_MULTILINE = 2 };

/* Compiles pattern; on failure returns NULL and fills msg (the reason) and
   *offset (byte offset in pattern). NULL with msg "" means out of memory. */
struct pat_regex *pat_regex_compile(const char *pattern, unsigned flags, char *msg,
				    size_t msgsize, size_t *offset);
void pat_regex_free(struct pat_regex *re);

/* Number of capture groups. */
unsigned pat_regex_captures(const struct pat_regex *re);

/* Searches subject[start..len). On a match returns 1 and fills ov[0..2n)
   with byte offsets of the whole match and of the first n-1 groups (an
   unset group gets (size_t)-1 twice); 0 when there is no match; -1 on an
   error (resource limit, out of memory). */
int pat_regex_match(const struct pat_regex *re, const char *subject, size_t len,
		    size_t start, size_t *ov, unsigned n);

#endif
