/* Rule catalogue loading and validation, profiles, checker binding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/registry.h"
#include "ruleset.h"
#include "core/suppress.h"

static const char good_rule[] =
	"id: USR-DEMO-001\n"
	"title: A user rule\n"
	"severity: warning\n"
	"category: demo\n"
	"precision: high\n"
	"engine: clang\n"
	"checker: switch_default\n"
	"description: d\n"
	"rationale: r\n"
	"remediation: m\n"
	"mappings:\n"
	"  cwe: [CWE-478]\n"
	"  cert_c: []\n"
	"  misra_c_2012: []\n"
	"  iec62304: [\"5.5.3\"]\n"
	"  iec81001_5_1: [\"5.5.1\"]\n"
	"  fda: []\n"
	"  hipaa: []\n"
	"safety_classes: [B]\n";

struct fixture {
	char dir[64];
	char file[128];
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/asp-ruleset-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->file, sizeof fx->file, "%s/rule.yaml", fx->dir);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	unlink(fx->file);
	rmdir(fx->dir);
	free(fx);
	return 0;
}

static void write_rule(const struct fixture *fx, const char *text)
{
	FILE *f = fopen(fx->file, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Replaces the first occurrence of from with to in the good rule. */
static void write_variant(const struct fixture *fx, const char *from, const char *to)
{
	char buf[4096];
	const char *p = strstr(good_rule, from);

	assert_non_null(p);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(p - good_rule), good_rule, to,
		 p + strlen(from));
	write_rule(fx, buf);
}

static int load_user(const struct fixture *fx, struct ruleset **rs, struct asp_error *err)
{
	const char *dirs[1];

	dirs[0] = fx->dir;
	error_clear(err);
	return ruleset_load(rs, dirs, 1, err);
}

static void test_builtin_catalogue(void **state)
{
	struct ruleset *a = NULL, *b = NULL;
	struct asp_error err;
	size_t i;

	(void)state;
	error_clear(&err);
	assert_int_equal(ruleset_load(&a, NULL, 0, &err), ASP_OK);
	assert_int_equal(ruleset_load(&b, NULL, 0, &err), ASP_OK);
	assert_true(a->n >= 1);
	assert_int_equal(strlen(a->hash), 64);
	assert_string_equal(a->hash, b->hash);
	for (i = 0; i < a->n; i++) {
		const struct rule *r = &a->rules[i];

		assert_true(r->cwe.n >= 1);
		assert_true(r->iec62304.n >= 1);
		assert_true(r->iec81001.n >= 1);
		assert_true(r->safety_classes.n >= 1);
		assert_non_null(r->description);
		if (i)
			assert_true(strcmp(a->rules[i - 1].id, r->id) < 0);
	}
	assert_non_null(ruleset_find(a, "MDS-CTL-001"));
	assert_null(ruleset_find(a, "MDS-XXX-999"));
	ruleset_free(a);
	ruleset_free(b);
}

/* Every registered checker is named by a rule and every clang rule names a
   registered checker (the catalogue and the registry agree). */
static void test_catalogue_matches_registry(void **state)
{
	struct ruleset *rs = NULL;
	struct registry *reg = NULL;
	struct asp_error err;
	unsigned c;
	size_t i;

	(void)state;
	error_clear(&err);
	assert_int_equal(ruleset_load(&rs, NULL, 0, &err), ASP_OK);
	assert_int_equal(registry_new(&reg, &err), ASP_OK);
	assert_int_equal(ruleset_bind(rs, reg, &err), ASP_OK);
	for (c = 0; c < reg->count; c++) {
		int named = 0;

		for (i = 0; i < rs->n; i++)
			if (rs->rules[i].checker && strcmp(rs->rules[i].checker, reg->checkers[c]->name) == 0)
				named = 1;
		if (!named)
			fail_msg("checker %s is named by no rule", reg->checkers[c]->name);
	}
	registry_free(reg);
	ruleset_free(rs);
}

/* The rules of engine builtin are exactly those the suppression machinery
   reports. */
static void test_builtin_rules_match_suppress(void **state)
{
	struct ruleset *rs = NULL;
	struct asp_error err;
	size_t i, k, nbuiltin = 0;

	(void)state;
	error_clear(&err);
	assert_int_equal(ruleset_load(&rs, NULL, 0, &err), ASP_OK);
	for (k = 0; suppress_rule_ids[k]; k++) {
		const struct rule *r = ruleset_find(rs, suppress_rule_ids[k]);

		if (!r || r->engine != RULE_ENGINE_BUILTIN)
			fail_msg("%s is reported by suppress.c but has no builtin rule file",
				 suppress_rule_ids[k]);
	}
	for (i = 0; i < rs->n; i++)
		nbuiltin += rs->rules[i].engine == RULE_ENGINE_BUILTIN;
	assert_int_equal(nbuiltin, k);
	ruleset_free(rs);
}

static void test_user_rule_loads(void **state)
{
	struct fixture *fx = *state;
	struct ruleset *rs = NULL;
	struct asp_error err;
	const struct rule *r;

	write_rule(fx, good_rule);
	assert_int_equal(load_user(fx, &rs, &err), ASP_OK);
	r = ruleset_find(rs, "USR-DEMO-001");
	assert_non_null(r);
	assert_int_equal(r->severity, ASP_LEVEL_WARNING);
	assert_string_equal(r->cwe.v[0], "CWE-478");
	assert_string_equal(r->security_severity, "5.0");
	ruleset_free(rs);
}

static void expect_error(struct fixture *fx, int line, const char *needle)
{
	struct ruleset *rs = NULL;
	struct asp_error err;

	assert_int_equal(load_user(fx, &rs, &err), ASP_ECONFIG);
	assert_null(rs);
	assert_string_equal(err.input, fx->file);
	if (line)
		assert_int_equal(err.line, line);
	if (!strstr(err.message, needle))
		fail_msg("message '%s' lacks '%s'", err.message, needle);
}

static void test_unknown_key(void **state)
{
	struct fixture *fx = *state;

	write_variant(fx, "category: demo\n", "category: demo\nseverty: error\n");
	expect_error(fx, 5, "unknown key 'severty'");
}

static void test_missing_mapping(void **state)
{
	struct fixture *fx = *state;

	write_variant(fx, "  hipaa: []\n", "");
	expect_error(fx, 0, "missing mapping 'hipaa'");
}

static void test_bad_cwe(void **state)
{
	struct fixture *fx = *state;

	write_variant(fx, "[CWE-478]", "[478]");
	expect_error(fx, 0, "not a CWE ID");
}

static void test_reserved_prefix(void **state)
{
	struct fixture *fx = *state;

	write_variant(fx, "USR-DEMO-001", "MDS-CTL-001");
	expect_error(fx, 0, "reserved");
}

static void test_duplicate_id(void **state)
{
	struct fixture *fx = *state;
	char second[160];
	struct ruleset *rs = NULL;
	struct asp_error err;
	FILE *f;

	write_rule(fx, good_rule);
	snprintf(second, sizeof second, "%s/again.yaml", fx->dir);
	f = fopen(second, "w");
	assert_non_null(f);
	fputs(good_rule, f);
	fclose(f);
	assert_int_equal(load_user(fx, &rs, &err), ASP_ECONFIG);
	assert_non_null(strstr(err.message, "duplicate rule id 'USR-DEMO-001'"));
	/* files load sorted: again.yaml first, so the error names rule.yaml */
	assert_string_equal(err.input, fx->file);
	unlink(second);
}

/* builtin is for the embedded catalogue only */
static void test_user_builtin_refused(void **state)
{
	struct fixture *fx = *state;

	write_variant(fx, "engine: clang\n", "engine: builtin\n");
	expect_error(fx, 0, "engine 'builtin' must be clang or pattern");
}

static void test_invalid_yaml(void **state)
{
	struct fixture *fx = *state;

	write_variant(fx, "title: A user rule\n", "title: [unclosed\n");
	expect_error(fx, 0, "invalid YAML");
}

static void test_bad_severity(void **state)
{
	struct fixture *fx = *state;

	write_variant(fx, "severity: warning", "severity: fatal");
	expect_error(fx, 0, "severity 'fatal'");
}

static void test_unregistered_checker(void **state)
{
	struct fixture *fx = *state;
	struct ruleset *rs = NULL;
	struct registry *reg = NULL;
	struct asp_error err;

	write_variant(fx, "checker: switch_default", "checker: no_such_checker");
	assert_int_equal(load_user(fx, &rs, &err), ASP_OK);
	assert_int_equal(registry_new(&reg, &err), ASP_OK);
	assert_int_equal(ruleset_bind(rs, reg, &err), ASP_ECONFIG);
	assert_string_equal(err.input, fx->file);
	assert_int_equal(err.line, 7);
	assert_non_null(strstr(err.message, "no_such_checker"));
	registry_free(reg);
	ruleset_free(rs);
}

static void test_profiles(void **state)
{
	struct ruleset *rs = NULL;
	struct asp_error err;
	const struct rule *r;

	(void)state;
	error_clear(&err);
	assert_int_equal(ruleset_load(&rs, NULL, 0, &err), ASP_OK);
	r = ruleset_find(rs, "MDS-CTL-001");
	assert_non_null(r);
	assert_int_equal(ruleset_apply_profile(rs, "class-a", &err), ASP_OK);
	assert_false(r->enabled);   /* a B,C robustness rule */
	assert_int_equal(ruleset_apply_profile(rs, "class-c", &err), ASP_OK);
	assert_true(r->enabled);
	assert_int_equal(r->level, ASP_LEVEL_WARNING);   /* raised for class C */
	assert_int_equal(ruleset_apply_profile(rs, "all", &err), ASP_OK);
	assert_int_equal(r->level, ASP_LEVEL_NOTE);
	assert_int_equal(ruleset_enable_list(rs, "MDS-CTL", 0, &err), ASP_OK);
	assert_false(r->enabled);
	assert_int_equal(ruleset_enable_list(rs, "MDS-CTL-001", 1, &err), ASP_OK);
	assert_true(r->enabled);
	assert_int_equal(ruleset_enable_list(rs, "MDS-NOPE-001", 1, &err), ASP_EUSAGE);
	error_clear(&err);
	assert_int_equal(ruleset_apply_profile(rs, "class-z", &err), ASP_EUSAGE);
	ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_catalogue),
		cmocka_unit_test(test_catalogue_matches_registry),
		cmocka_unit_test(test_profiles),
		cmocka_unit_test_setup_teardown(test_user_rule_loads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_mapping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_cwe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserved_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_yaml, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_severity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unregistered_checker, setup, teardown),
		cmocka_unit_test(test_builtin_rules_match_suppress),
		cmocka_unit_test_setup_teardown(test_user_builtin_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
