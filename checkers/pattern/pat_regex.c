/*
 * PCRE2 behind a small interface for data files outside the pattern engine
 * (component signatures). JIT-compiled when the platform allows it.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern/pat_regex.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pat_regex {
	pcre2_code *code;
	unsigned ncap;
};

struct pat_regex *pat_regex_compile(const char *pattern, unsigned flags, char *msg,
				    size_t msgsize, size_t *offset)
{
	struct pat_regex *re = calloc(1, sizeof *re);
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
	int ec = 0;
	PCRE2_SIZE eo = 0;
	uint32_t ncap = 0;

	if (msgsize)
		msg[0] = '\0';
	if (offset)
		*offset = 0;
	if (!re)
		return NULL;
	if (flags & PAT_REGEX_CASELESS)
		opts |= PCRE2_CASELESS;
	if (flags & PAT_REGEX_MULTILINE)
		opts |= PCRE2_MULTILINE;
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
	if (!re->code) {
		PCRE2_UCHAR buf[256];

		if (pcre2_get_error_message(ec, buf, sizeof buf) < 0)
			snprintf((char *)buf, sizeof buf, "error %d", ec);
		if (msgsize)
			snprintf(msg, msgsize, "%s", (const char *)buf);
		if (offset)
			*offset = (size_t)eo;
		free(re);
		return NULL;
	}
	pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
	re->ncap = ncap;
	return re;
}

void pat_regex_free(struct pat_regex *re)
{
	if (!re)
		return;
	pcre2_code_free(re->code);
	free(re);
}

unsigned pat_regex_captures(const struct pat_regex *re)
{
	return re ? re->ncap : 0;
}

int pat_regex_match(const struct pat_regex *re, const char *subject, size_t len,
		    size_t start, size_t *ov, unsigned n)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
	PCRE2_SIZE *v;
	unsigned i, got;
	int rc;

	if (!md)
		return -1;
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, 0, md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH) {
		pcre2_match_data_free(md);
		return 0;
	}
	if (rc < 0) {
		pcre2_match_data_free(md);
		return -1;
	}
	v = pcre2_get_ovector_pointer(md);
	got = pcre2_get_ovector_count(md);
	for (i = 0; i < n; i++) {
		if (i < got && i < (unsigned)rc && v[2 * i] != PCRE2_UNSET) {
			ov[2 * i] = (size_t)v[2 * i];
			ov[2 * i + 1] = (size_t)v[2 * i + 1];
		} else {
			ov[2 * i] = ov[2 * i + 1] = (size_t)-1;
		}
	}
	pcre2_match_data_free(md);
	return 1;
}
