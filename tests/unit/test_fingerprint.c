/* Fingerprints and GitHub line hashes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fingerprint.h"

static void check_hashes(const char *text, const char *const *want, long nwant)
{
	char **got = NULL;
	long n = fingerprint_line_hashes(text, strlen(text), &got), i;

	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++) {
		assert_non_null(got[i]);
		assert_string_equal(got[i], want[i]);
		free(got[i]);
	}
	free(got);
}

/* Expected values computed with the algorithm github/codeql-action uses. */
static void test_line_hash_plain(void **state)
{
	static const char *const want[] = {
		"f810fa58e925b821:1", "2e8fb80a607cceec:1", "1faea435564ce3cb:1",
		"32dce9ccfdbc9d3e:1", "c129715d7a2bc9a3:1"
	};

	(void)state;
	check_hashes("int main(void)\n{\n\treturn 0;\n}\n", want, 5);
}

static void test_line_hash_crlf(void **state)
{
	static const char *const want[] = {
		"66dccf0a21aa6ee0:1", "b36855975b9e241:1", "bf4c4d48992e2ca5:1",
		"ade70578248be16f:1", "c129715d7a2bc9a3:1"
	};

	(void)state;
	check_hashes("a\r\nb\r\n\r\nb\n", want, 5);
}

static void test_line_hash_utf8(void **state)
{
	static const char *const want[] = {
		"6dcc46659b0ece04:1", "828973aa50c68d6d:1", "c129715d7a2bc9a3:1"
	};

	(void)state;
	/* é is one UTF-16 unit, the emoji two */
	check_hashes("x = \"h\xc3\xa9llo \xf0\x9f\x98\x80\";\nx\n", want, 3);
}

static void test_normalise(void **state)
{
	char *s = fingerprint_normalise("  strcpy ( a ,\n\t b )  ");

	(void)state;
	assert_string_equal(s, "strcpy ( a , b )");
	free(s);
}

static char rule_id[] = "MDS-BAN-002";
static char fn_name[] = "parse";
static char uri[] = "src/a.c";
static struct rule rule_a = { .id = rule_id };

static void make_finding(struct asp_finding *f, struct run_finding *rf, unsigned line,
			 char *stmt)
{
	memset(f, 0, sizeof *f);
	memset(rf, 0, sizeof *rf);
	f->line = line;
	f->function = fn_name;
	f->stmt_text = stmt;
	rf->f = f;
	rf->rule = &rule_a;
	rf->uri = uri;
}

/* Moving a finding to another line keeps its fingerprint; a second identical
   statement gets another one through the occurrence index. */
static void test_fingerprint_stable(void **state)
{
	struct asp_finding f1[2], f2[3];
	struct run_finding a[2], b[3];
	struct run r1, r2;

	(void)state;
	memset(&r1, 0, sizeof r1);
	memset(&r2, 0, sizeof r2);
	char s1[] = "strcpy ( d , s )", s2[] = "strcpy ( d , s )", s3[] = "strcat ( d , s )";
	char s4[] = "strcpy ( d , s )", s5[] = "strcpy  ( d ,  s )";

	make_finding(&f1[0], &a[0], 10, s1);
	make_finding(&f1[1], &a[1], 20, s2);
	r1.findings = a;
	r1.nfindings = 2;
	assert_int_equal(fingerprint_run(&r1), ASP_OK);
	assert_int_equal(a[0].occurrence, 0);
	assert_int_equal(a[1].occurrence, 1);
	assert_string_not_equal(a[0].fingerprint, a[1].fingerprint);
	assert_int_equal(strlen(a[0].fingerprint), 64);
	assert_int_equal(strlen(a[0].correlation), 36);

	/* same code 5 lines lower, plus a new statement above it */
	make_finding(&f2[0], &b[0], 3, s3);
	make_finding(&f2[1], &b[1], 15, s4);
	make_finding(&f2[2], &b[2], 25, s5);
	r2.findings = b;
	r2.nfindings = 3;
	assert_int_equal(fingerprint_run(&r2), ASP_OK);
	assert_string_equal(a[0].fingerprint, b[1].fingerprint);
	assert_string_equal(a[1].fingerprint, b[2].fingerprint);
	assert_string_equal(a[0].correlation, b[1].correlation);
}

static void test_sha256(void **state)
{
	char out[65];

	(void)state;
	fingerprint_sha256_hex("abc", 3, out);
	assert_string_equal(out,
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_hash_plain),
		cmocka_unit_test(test_line_hash_crlf),
		cmocka_unit_test(test_line_hash_utf8),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_fingerprint_stable),
		cmocka_unit_test(test_sha256),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
