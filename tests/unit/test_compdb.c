/* The compile-database reader: what reaches the front end, and what never does. */
#define _XOPEN_SOURCE 700
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
#include <ftw.h>

#include "compdb.h"

struct fixture {
	char dir[64];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/asepsis-compdb-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	*state = f;
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	nftw(f->dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int has_arg(const struct work_item *it, const char *a)
{
	int i;

	for (i = 0; i < it->nargs; i++)
		if (strcmp(it->args[i], a) == 0)
			return 1;
	return 0;
}

static int has_prefix(const struct work_item *it, const char *p)
{
	int i;

	for (i = 0; i < it->nargs; i++)
		if (strncmp(it->args[i], p, strlen(p)) == 0)
			return 1;
	return 0;
}

/* Arguments that would load code into a compiler never reach a front end. */
static void test_plugin_args_dropped(void **state)
{
	struct fixture *f = *state;
	struct work_list l = { NULL, 0, 0 };
	struct asp_error err;
	char db[1024];

	write_file(f->dir, "a.c", "int a;\n");
	snprintf(db, sizeof db,
		 "[{\"directory\":\"%s\",\"file\":\"a.c\",\"arguments\":[\"cc\","
		 "\"-fplugin=/x/evil.so\",\"-DKEEP1\",\"-Xclang\",\"-load\",\"-Xclang\",\"/x/evil.so\","
		 "\"-fpass-plugin=/x/p.so\",\"-Xclang\",\"-plugin\",\"-Xclang\",\"evil\","
		 "\"-Xclang\",\"-add-plugin\",\"-Xclang\",\"evil\",\"-DKEEP2\","
		 "\"-Xclang\",\"-fno-builtin\",\"-c\",\"a.c\",\"-o\",\"a.o\"]}]",
		 f->dir);
	write_file(f->dir, "compile_commands.json", db);
	error_clear(&err);
	assert_int_equal(compdb_load(&l, f->dir, NULL, 0, &err), ASP_OK);
	assert_int_equal(l.n, 1);
	assert_true(has_arg(&l.items[0], "-DKEEP1"));
	assert_true(has_arg(&l.items[0], "-DKEEP2"));
	/* an unrelated -Xclang pair is kept */
	assert_true(has_arg(&l.items[0], "-fno-builtin"));
	assert_false(has_prefix(&l.items[0], "-fplugin"));
	assert_false(has_prefix(&l.items[0], "-fpass-plugin"));
	assert_false(has_arg(&l.items[0], "-load"));
	assert_false(has_arg(&l.items[0], "-plugin"));
	assert_false(has_arg(&l.items[0], "-add-plugin"));
	assert_false(has_arg(&l.items[0], "/x/evil.so"));
	assert_false(has_arg(&l.items[0], "evil"));
	assert_false(has_arg(&l.items[0], "-o"));
	assert_false(has_arg(&l.items[0], "-c"));
	assert_int_equal(l.items[0].nargs, 4);
	work_list_free(&l);
}

/* A relative "directory" is relative to the database's folder, not to '/'. */
static void test_relative_directory(void **state)
{
	struct fixture *f = *state;
	struct work_list l = { NULL, 0, 0 };
	struct asp_error err;
	char sub[128], want[256];
	char *real;

	snprintf(sub, sizeof sub, "%s/src", f->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file(sub, "b.c", "int b;\n");
	write_file(f->dir, "compile_commands.json",
		   "[{\"directory\":\"src\",\"file\":\"b.c\",\"command\":\"cc -c b.c\"}]");
	real = realpath(sub, NULL);
	assert_non_null(real);
	snprintf(want, sizeof want, "%s/b.c", real);
	error_clear(&err);
	assert_int_equal(compdb_load(&l, f->dir, NULL, 0, &err), ASP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].file, want);
	assert_string_equal(l.items[0].directory, real);
	free(real);
	work_list_free(&l);
}

/* Wrong types are an error naming the database and the entry. */
static void test_wrong_types(void **state)
{
	struct fixture *f = *state;
	struct work_list l = { NULL, 0, 0 };
	struct asp_error err;

	write_file(f->dir, "compile_commands.json",
		   "[{\"directory\":\"/\",\"file\":\"a.c\",\"command\":\"cc a.c\"},"
		   "{\"directory\":7,\"file\":\"b.c\",\"command\":\"cc b.c\"}]");
	error_clear(&err);
	assert_int_equal(compdb_load(&l, f->dir, NULL, 0, &err), ASP_ECONFIG);
	assert_non_null(strstr(err.input, "compile_commands.json"));
	assert_non_null(strstr(err.message, "entry 2"));
	work_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plugin_args_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_relative_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_types, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
