/*
 * compile_commands.json through libclang's compilation database. The
 * compiler, the source file and output options are dropped from each
 * command; what is left is what the front end needs to see the code as the
 * build does.
 */
#include "compdb.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <clang-c/CXCompilationDatabase.h>
#include <jansson.h>

#include "discover.h"

int work_list_add(struct work_list *l, const char *file, const char *directory,
		  char **args, int nargs)
{
	struct work_item *it;

	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		struct work_item *p = realloc(l->items, ncap * sizeof *p);

		if (!p)
			return ASP_ENOMEM;
		l->items = p;
		l->cap = ncap;
	}
	it = &l->items[l->n];
	memset(it, 0, sizeof *it);
	it->file = strdup(file);
	it->directory = directory ? strdup(directory) : NULL;
	it->args = args;
	it->nargs = nargs;
	l->n++;
	if (!it->file || (directory && !it->directory))
		return ASP_ENOMEM;
	return ASP_OK;
}

void work_list_free_items(struct work_list *l)
{
	size_t i;
	int j;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < l->items[i].nargs; j++)
			free(l->items[i].args[j]);
		free(l->items[i].args);
		free(l->items[i].file);
		free(l->items[i].directory);
	}
}

void work_list_free(struct work_list *l)
{
	work_list_free_items(l);
	free(l->items);
	memset(l, 0, sizeof *l);
}

static int is_c_source(const char *path)
{
	size_t n = strlen(path);
	return n > 2 && strcmp(path + n - 2, ".c") == 0;
}

/* Options that take the next argument and only matter to the compiler's output. */
static int drops_next(const char *a)
{
	static const char *const opts[] = { "-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics", NULL };
	int i;

	for (i = 0; opts[i]; i++)
		if (strcmp(a, opts[i]) == 0)
			return 1;
	return 0;
}

static int drops_self(const char *a)
{
	return strcmp(a, "-c") == 0 || strcmp(a, "-S") == 0 || strcmp(a, "-E") == 0 ||
	       strcmp(a, "-M") == 0 || strcmp(a, "-MM") == 0 || strcmp(a, "-MD") == 0 ||
	       strcmp(a, "-MMD") == 0 || strcmp(a, "-MP") == 0 || strcmp(a, "--") == 0 ||
	       strncmp(a, "-o", 2) == 0 || strncmp(a, "-Wp,-MD", 7) == 0 ||
	       strncmp(a, "-Wp,-MMD", 8) == 0 || strcmp(a, "-pipe") == 0;
}

/*
 * Options that load code into the compiler (clang plugins). A compile
 * database comes from the analysed repository; its code must never run
 * here, whichever front end reads the arguments.
 */
static int loads_code(const char *a)
{
	return strncmp(a, "-fplugin", 8) == 0 || strncmp(a, "-fpass-plugin", 13) == 0 ||
	       strcmp(a, "-load") == 0 || strncmp(a, "-plugin", 7) == 0 ||
	       strncmp(a, "-add-plugin", 11) == 0;
}

/* How many arguments from a[i] on load code: 0 when a[i] does not. */
static unsigned code_loading_args(CXCompileCommand cmd, unsigned i, unsigned n)
{
	CXString s = clang_CompileCommand_getArg(cmd, i), t;
	const char *a = clang_getCString(s);
	unsigned skip = 0;

	if (a && loads_code(a)) {
		skip = strcmp(a, "-load") == 0 || strcmp(a, "-plugin") == 0 ||
		       strcmp(a, "-add-plugin") == 0 ? 2 : 1;
	} else if (a && strcmp(a, "-Xclang") == 0 && i + 1 < n) {
		t = clang_CompileCommand_getArg(cmd, i + 1);
		if (clang_getCString(t) && loads_code(clang_getCString(t))) {
			const char *b = clang_getCString(t);

			/* -Xclang -load -Xclang PATH */
			skip = strcmp(b, "-load") == 0 || strcmp(b, "-plugin") == 0 ||
			       strcmp(b, "-add-plugin") == 0 ? 4 : 2;
		}
		clang_disposeString(t);
	}
	clang_disposeString(s);
	return skip;
}

static int under_filters(const char *file, const char *const *filters, size_t n)
{
	size_t i;

	if (n == 0)
		return 1;
	for (i = 0; i < n; i++) {
		size_t l = strlen(filters[i]);

		while (l > 1 && filters[i][l - 1] == '/')
			l--;
		if (strncmp(file, filters[i], l) == 0 && (file[l] == '/' || file[l] == '\0'))
			return 1;
	}
	return 0;
}

/*
 * libclang accepts a truncated database and prints parser errors of its own,
 * so the file is checked first: valid JSON, an array of objects each with
 * directory, file, and command or arguments.
 */
static int validate_json(const char *json, struct asp_error *err)
{
	json_error_t je;
	json_t *root = json_load_file(json, JSON_REJECT_DUPLICATES, &je);
	size_t i;
	int rc = ASP_OK;

	if (!root)
		return error_set(err, ASP_ECONFIG, json, je.line, je.column,
				 "invalid JSON: %s", je.text);
	if (!json_is_array(root)) {
		rc = error_set(err, ASP_ECONFIG, json, 1, 1,
			       "a compile database is a JSON array of compile commands");
		goto done;
	}
	for (i = 0; i < json_array_size(root); i++) {
		json_t *e = json_array_get(root, i);

		if (!json_is_object(e) || !json_is_string(json_object_get(e, "directory")) ||
		    !json_is_string(json_object_get(e, "file")) ||
		    (!json_is_string(json_object_get(e, "command")) &&
		     !json_is_array(json_object_get(e, "arguments")))) {
			rc = error_set(err, ASP_ECONFIG, json, 0, 0,
				       "entry %zu needs \"directory\", \"file\" and "
				       "\"command\" or \"arguments\"", i + 1);
			goto done;
		}
	}
done:
	json_decref(root);
	return rc;
}

int compdb_load(struct work_list *out, const char *build_dir, const char *const *filters,
		size_t nfilters, struct asp_error *err)
{
	CXCompilationDatabase_Error dberr = CXCompilationDatabase_NoError;
	CXCompilationDatabase db = NULL;
	CXCompileCommands cmds = NULL;
	char json[PATH_MAX + 32];
	struct stat st;
	unsigned i, n;
	int rc = ASP_OK;

	snprintf(json, sizeof json, "%s/compile_commands.json", build_dir);
	if (stat(build_dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return error_set(err, ASP_ENOTFOUND, build_dir, 0, 0,
				 "build folder does not exist (-p names the folder that "
				 "holds compile_commands.json)");
	if (stat(json, &st) != 0)
		return error_set(err, ASP_ENOTFOUND, json, 0, 0, "no compile database here");
	rc = validate_json(json, err);
	if (rc)
		return rc;
	db = clang_CompilationDatabase_fromDirectory(build_dir, &dberr);
	if (dberr != CXCompilationDatabase_NoError || !db) {
		rc = error_set(err, ASP_ECONFIG, json, 0, 0,
			       "not a valid compile database (expected a JSON array of "
			       "{directory, file, command|arguments} objects)");
		goto done;
	}
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	for (i = 0; i < n && !rc; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
		CXString dirs = clang_CompileCommand_getDirectory(cmd);
		CXString files = clang_CompileCommand_getFilename(cmd);
		const char *file = clang_getCString(files);
		unsigned na = clang_CompileCommand_getNumArgs(cmd), a;
		char *abs = NULL, **args = NULL, *dir;
		int nargs = 0;
		size_t k;

		/* a relative "directory" is relative to the database's folder */
		dir = discover_abspath(clang_getCString(dirs) ? clang_getCString(dirs) : "",
				       build_dir);
		abs = dir ? discover_abspath(file ? file : "", dir) : NULL;
		if (!abs) {
			rc = ASP_ENOMEM;
			goto next;
		}
		if (!is_c_source(abs) || !under_filters(abs, filters, nfilters))
			goto next;
		for (k = 0; k < out->n; k++)
			if (strcmp(out->items[k].file, abs) == 0)
				break;
		if (k < out->n)
			goto next;   /* first command per file wins */
		args = calloc(na + 1, sizeof *args);
		if (!args) {
			rc = ASP_ENOMEM;
			goto next;
		}
		for (a = 1; a < na; a++) {   /* argv[0] is the compiler */
			CXString s;
			const char *arg;
			char *argabs;
			unsigned skip = code_loading_args(cmd, a, na);

			if (skip) {
				a += skip - 1;
				continue;
			}
			s = clang_CompileCommand_getArg(cmd, a);
			arg = clang_getCString(s);

			if (!arg) {
				clang_disposeString(s);
				continue;
			}
			if (drops_next(arg)) {
				a++;
			} else if (!drops_self(arg)) {
				argabs = discover_abspath(arg, dir);
				/* the source file itself is passed separately */
				if (arg[0] != '-' && argabs && strcmp(argabs, abs) == 0) {
					free(argabs);
				} else {
					free(argabs);
					args[nargs] = strdup(arg);
					if (!args[nargs]) {
						clang_disposeString(s);
						rc = ASP_ENOMEM;
						break;
					}
					nargs++;
				}
			}
			clang_disposeString(s);
		}
		if (!rc) {
			rc = work_list_add(out, abs, dir, args, nargs);
			args = NULL;
		}
next:
		if (args) {
			int j;

			for (j = 0; j < nargs; j++)
				free(args[j]);
			free(args);
		}
		free(abs);
		free(dir);
		clang_disposeString(dirs);
		clang_disposeString(files);
	}
	if (rc == ASP_ENOMEM)
		error_set(err, rc, json, 0, 0, "out of memory");
done:
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	if (db)
		clang_CompilationDatabase_dispose(db);
	return rc;
}
