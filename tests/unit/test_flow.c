/* The flow engine through analyze_unit: path-aware findings, bounds that
   become "flow-limit" notices, hostile shapes that must not crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/analyze.h"
#include "core/registry.h"

static const char *const flow_checkers[] = {
	"null_deref", "unchecked_alloc_flow", "use_after_free", "double_free",
	"memory_leak", "resource_leak", "uninit_read", "div_zero", "index_range",
	"local_addr_escape", "secret_dead_store", NULL
};

struct fixture {
	char dir[64];
	char file[128];
	struct registry *reg;
	struct analyze_options opts;
	struct analyze_session *s;
	struct analyze_result res;
};

static const char *any_rule(void *data, const char *id)
{
	(void)data;
	return id;
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	unsigned i;

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/asp-flow-XXXXXX");
	if (!mkdtemp(fx->dir) || registry_new(&fx->reg, NULL))
		return -1;
	snprintf(fx->file, sizeof fx->file, "%s/t.c", fx->dir);
	for (i = 0; flow_checkers[i]; i++) {
		int k = registry_find(fx->reg, flow_checkers[i]);

		if (k < 0)
			return -1;
		registry_enable(fx->reg, (unsigned)k);
	}
	if (registry_finalize(fx->reg, NULL))
		return -1;
	fx->opts.engine = ANALYZE_CLANG;
	fx->opts.reg = fx->reg;
	fx->opts.rule_lookup = any_rule;
	fx->opts.root = fx->dir;
	if (analyze_session_new(&fx->s, &fx->opts, NULL))
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	analyze_result_free(&fx->res);
	analyze_session_free(fx->s);
	registry_free(fx->reg);
	unlink(fx->file);
	rmdir(fx->dir);
	free(fx);
	return 0;
}

static void run(struct fixture *fx, const char *text)
{
	FILE *f = fopen(fx->file, "w");
	struct analyze_unit u;
	static const char *const args[] = { "-std=gnu11" };

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	analyze_result_free(&fx->res);
	memset(&fx->res, 0, sizeof fx->res);
	memset(&u, 0, sizeof u);
	u.file = fx->file;
	u.args = args;
	u.nargs = 1;
	assert_int_equal(analyze_unit(fx->s, &u, &fx->res, NULL), 0);
}

static unsigned count(const struct fixture *fx, const char *rule, unsigned line)
{
	size_t i;
	unsigned n = 0;

	for (i = 0; i < fx->res.nfindings; i++)
		if (strcmp(fx->res.findings[i].rule_id, rule) == 0 &&
		    (!line || fx->res.findings[i].line == line))
			n++;
	return n;
}

static unsigned notices(const struct fixture *fx, const char *kind)
{
	size_t i;
	unsigned n = 0;

	for (i = 0; i < fx->res.nnotices; i++)
		n += strcmp(fx->res.notices[i].kind, kind) == 0;
	return n;
}

static void test_guard_decides(void **state)
{
	struct fixture *fx = *state;

	run(fx, "void *malloc(unsigned long);\nvoid free(void *);\n"
		"int bad(void) { char *p = malloc(4);\n p[0] = 1; free(p); return 0; }\n"
		"int good(void) { char *p = malloc(4); if (!p) return -1;\n p[0] = 1; free(p); return 0; }\n");
	assert_int_equal(count(fx, "MDS-MEM-004", 4), 1);
	assert_int_equal(count(fx, "MDS-MEM-004", 0), 1);
	assert_int_equal(fx->res.nfindings, 1);
}

static void test_goto_cleanup_and_alias(void **state)
{
	struct fixture *fx = *state;

	run(fx, "void *malloc(unsigned long);\nvoid free(void *);\n"
		"int f(int e) { char *p = malloc(4); char *q = p; if (!p) return -1;\n"
		" if (e) goto out;\n p[0] = 0;\nout:\n free(q);\n return p[1]; }\n");
	assert_int_equal(count(fx, "MDS-MEM-001", 8), 1);
	assert_int_equal(count(fx, "MDS-MEM-005", 0), 0);
}

static void test_computed_goto_is_a_limit(void **state)
{
	struct fixture *fx = *state;

	run(fx, "int f(int x) { void *t[] = { &&a, &&b }; goto *t[x & 1];\n"
		"a: return 1; b: return 2; }\n");
	assert_int_equal(notices(fx, "flow-limit"), 1);
	assert_int_equal(fx->res.nfindings, 0);
}

static void test_block_bound(void **state)
{
	struct fixture *fx = *state;
	size_t cap = 30000 * 48 + 256, len = 0;
	char *src = malloc(cap);
	int i;

	assert_non_null(src);
	len += (size_t)snprintf(src + len, cap - len, "int f(int x) { int a = 0;\n");
	for (i = 0; i < 25000; i++)
		len += (size_t)snprintf(src + len, cap - len, "if (x == %d) a += 3; else a--;\n", i);
	snprintf(src + len, cap - len, "return a; }\n");
	run(fx, src);
	free(src);
	assert_int_equal(notices(fx, "flow-limit"), 1);
}

static void test_hostile_shapes(void **state)
{
	struct fixture *fx = *state;

	run(fx, "int se(int x) { int r = ({ int q = x * 2; q + 1; }); return r; }\n"
		"int vla(int n) { int a[n]; int i; for (i = 0; i < n; i++) a[i] = i; return a[0]; }\n"
		"int sw(int x) { int r = 0; switch (x) { case 1: r = 1; case 2: r++; break; default: break; } return r; }\n"
		"int loops(void) { int i = 0; for (;;) { if (i++ > 3) break; } do { i--; } while (i > 0);"
		" while (1) { if (i) break; i = 1; } return i; }\n"
		"int spag(int x) { L1: if (x & 1) goto L3; x--; L2: if (x > 9) goto L1; L3: if (x) goto L2; return x; }\n");
	assert_int_equal(fx->res.nfindings, 0);
	assert_int_equal(notices(fx, "flow-limit"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_guard_decides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_goto_cleanup_and_alias, setup, teardown),
		cmocka_unit_test_setup_teardown(test_computed_goto_is_a_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_block_bound, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_shapes, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
