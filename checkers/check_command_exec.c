/*
 * MDS-INJ-001: a command interpreter is started: system(), popen(),
 * _wsystem(), or an exec/posix_spawn call that runs a shell ("sh", "bash",
 * ...) with "-c". The shell re-parses the command, so any data in it can
 * run other commands. Not flagged: system(NULL), which only asks whether a
 * shell exists, and exec of a program with an argument vector (no shell).
 */
#include "asepsis/checker.h"

#include <string.h>

enum exec_form { EXEC_SHELL_STRING, EXEC_LIST, EXEC_VECTOR };

struct exec_fn {
	const char *name;
	enum exec_form form;
	unsigned path;   /* 0-based index of the program path */
	unsigned argv;   /* EXEC_LIST: first argument; EXEC_VECTOR: the vector */
};

static const struct exec_fn table[] = {
	{ "system", EXEC_SHELL_STRING, 0, 0 },
	{ "_wsystem", EXEC_SHELL_STRING, 0, 0 },
	{ "popen", EXEC_SHELL_STRING, 0, 0 },
	{ "_popen", EXEC_SHELL_STRING, 0, 0 },
	{ "_wpopen", EXEC_SHELL_STRING, 0, 0 },
	{ "execl", EXEC_LIST, 0, 1 },
	{ "execlp", EXEC_LIST, 0, 1 },
	{ "execle", EXEC_LIST, 0, 1 },
	{ "execv", EXEC_VECTOR, 0, 1 },
	{ "execvp", EXEC_VECTOR, 0, 1 },
	{ "execvpe", EXEC_VECTOR, 0, 1 },
	{ "execve", EXEC_VECTOR, 0, 1 },
	{ "posix_spawn", EXEC_VECTOR, 1, 4 },
	{ "posix_spawnp", EXEC_VECTOR, 1, 4 },
};

static const char *const shells[] = {
	"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "csh", "tcsh",
};

static const asp_node null_node;

static asp_node strip_all(struct asp_ctx *ctx, asp_node n)
{
	unsigned guard = 0;

	n = asp_node_strip(ctx, n);
	while (asp_node_kind(n) == ASP_NODE_CAST && guard++ < 16) {
		unsigned c = asp_node_child_count(ctx, n);

		if (c == 0)
			break;
		n = asp_node_strip(ctx, asp_node_child(ctx, n, c - 1));
	}
	return n;
}

static const char *literal(struct asp_ctx *ctx, asp_node n)
{
	n = strip_all(ctx, n);
	if (asp_node_kind(n) != ASP_NODE_STRING_LITERAL)
		return NULL;
	return asp_node_string_value(ctx, n, NULL);
}

/* "/bin/sh", "sh", "/usr/bin/bash", ... */
static int is_shell(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; i < sizeof shells / sizeof shells[0]; i++)
		if (strcmp(shells[i], base) == 0)
			return 1;
	return 0;
}

static int is_null_pointer(struct asp_ctx *ctx, asp_node n)
{
	long long v = 1;

	n = strip_all(ctx, n);
	return asp_node_kind(n) == ASP_NODE_INT_LITERAL && asp_node_int_value(ctx, n, &v) &&
	       v == 0;
}

static int is_dash_c(const char *s)
{
	size_t i;

	/* "-c", and option clusters that contain c, such as "-ec" or "-lc" */
	if (!s || s[0] != '-' || !strchr(s + 1, 'c'))
		return 0;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

/* The initialiser list of a local or file array the vector names. */
static asp_node vector_init(struct asp_ctx *ctx, asp_node argv)
{
	asp_node var;
	unsigned n;

	argv = strip_all(ctx, argv);
	if (asp_node_kind(argv) != ASP_NODE_DECL_REF)
		return null_node;
	var = asp_node_referenced(ctx, argv);
	if (asp_node_kind(var) != ASP_NODE_VAR)
		return null_node;
	n = asp_node_child_count(ctx, var);
	if (n == 0)
		return null_node;
	var = asp_node_child(ctx, var, n - 1);
	return asp_node_kind(var) == ASP_NODE_INIT_LIST ? var : null_node;
}

/* Does a shell path with "-c" among the arguments start a command string? */
static int runs_shell_command(struct asp_ctx *ctx, asp_node call, const struct exec_fn *e)
{
	const char *path = literal(ctx, asp_node_arg(ctx, call, e->path));
	unsigned i, n;

	if (!path || !is_shell(path))
		return 0;
	if (e->form == EXEC_LIST) {
		n = asp_node_arg_count(ctx, call);
		for (i = e->argv + 1; i < n; i++)
			if (is_dash_c(literal(ctx, asp_node_arg(ctx, call, i))))
				return 1;
		return 0;
	}
	{
		asp_node init = vector_init(ctx, asp_node_arg(ctx, call, e->argv));

		if (asp_node_is_null(init))
			return 0;
		n = asp_node_child_count(ctx, init);
		for (i = 1; i < n; i++) {
			asp_node el = asp_node_child(ctx, init, i);

			if (is_dash_c(literal(ctx, el)))
				return 1;
			n = asp_node_child_count(ctx, init);
		}
	}
	return 0;
}

static int enter(struct asp_ctx *ctx, asp_node call)
{
	const char *callee = asp_node_callee_name(ctx, call);
	const struct exec_fn *e = NULL;
	size_t i;

	if (!callee)
		return ASP_WALK_CONTINUE;
	for (i = 0; i < sizeof table / sizeof table[0] && !e; i++)
		if (strcmp(table[i].name, callee) == 0)
			e = &table[i];
	if (!e || asp_node_arg_count(ctx, call) <= e->path)
		return ASP_WALK_CONTINUE;
	if (e->form == EXEC_SHELL_STRING) {
		asp_node cmd = asp_node_arg(ctx, call, 0);

		if (strstr(callee, "system") && is_null_pointer(ctx, cmd))
			return ASP_WALK_CONTINUE;   /* system(NULL): is there a shell? */
		if (literal(ctx, cmd))
			asp_report(ctx, call, "MDS-INJ-001",
				   "%s() runs a fixed command through the shell, which still "
				   "depends on PATH, IFS and the environment; start the program "
				   "directly (fork/exec, posix_spawn) with an argument vector",
				   callee);
		else
			asp_report(ctx, call, "MDS-INJ-001",
				   "%s() passes a built command string to the shell: any ';', "
				   "'|', '$(...)' or quote in data that reaches it runs other "
				   "commands; start the program directly with an argument vector",
				   callee);
		return ASP_WALK_CONTINUE;
	}
	if (runs_shell_command(ctx, call, e))
		asp_report(ctx, call, "MDS-INJ-001",
			   "%s() starts a shell with -c, which parses its command string "
			   "again; run the program itself with an argument vector", callee);
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_command_exec = {
	.abi_version = ASP_ABI_VERSION,
	.name = "command_exec",
	.kinds = kinds,
	.enter = enter,
};
