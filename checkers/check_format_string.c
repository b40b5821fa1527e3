/*
 * MDS-FMT-001: a printf-family call (standard, POSIX, syslog, err/warn, or
 * declared with format(printf, F, A)) whose format is not a literal, so data
 * can be read as %s/%x/%n. Accepted: conditionals of literals, const
 * variables and const tables of literals in this file, gettext of a literal,
 * a null format, and the format parameter of an enclosing function whose own
 * format attribute names it (a checked wrapper); other parameters are not.
 */
#include "asepsis/checker.h"

#include <string.h>

struct printf_fn {
	const char *name;
	unsigned fmt;   /* 0-based index of the format argument */
};

static const struct printf_fn table[] = {
	{ "printf", 0 }, { "vprintf", 0 },
	{ "fprintf", 1 }, { "vfprintf", 1 },
	{ "dprintf", 1 }, { "vdprintf", 1 },
	{ "sprintf", 1 }, { "vsprintf", 1 },
	{ "snprintf", 2 }, { "vsnprintf", 2 },
	{ "asprintf", 1 }, { "vasprintf", 1 },
	{ "syslog", 1 }, { "vsyslog", 1 },
	{ "wprintf", 0 }, { "vwprintf", 0 },
	{ "fwprintf", 1 }, { "vfwprintf", 1 },
	{ "swprintf", 2 }, { "vswprintf", 2 },
	{ "err", 1 }, { "verr", 1 }, { "errx", 1 }, { "verrx", 1 },
	{ "warn", 0 }, { "vwarn", 0 }, { "warnx", 0 }, { "vwarnx", 0 },
	{ "error", 2 }, { "error_at_line", 4 },
	/* glibc _FORTIFY_SOURCE spellings */
	{ "__printf_chk", 1 }, { "__vprintf_chk", 1 },
	{ "__fprintf_chk", 2 }, { "__vfprintf_chk", 2 },
	{ "__dprintf_chk", 2 }, { "__vdprintf_chk", 2 },
	{ "__sprintf_chk", 3 }, { "__vsprintf_chk", 3 },
	{ "__builtin___sprintf_chk", 3 }, { "__builtin___vsprintf_chk", 3 },
	{ "__snprintf_chk", 4 }, { "__vsnprintf_chk", 4 },
	{ "__builtin___snprintf_chk", 4 }, { "__builtin___vsnprintf_chk", 4 },
	{ "__asprintf_chk", 2 }, { "__vasprintf_chk", 2 },
	{ "__syslog_chk", 2 }, { "__vsyslog_chk", 2 },
	{ "__fwprintf_chk", 2 }, { "__vfwprintf_chk", 2 },
	{ "__wprintf_chk", 1 }, { "__vwprintf_chk", 1 },
	{ "__swprintf_chk", 4 }, { "__vswprintf_chk", 4 },
};

static const asp_node null_node;

static const char *const gettext_names[] = {
	"gettext", "dgettext", "dcgettext", "ngettext", "dngettext", "dcngettext",
};

/* 0-based index of the format argument of a printf-like callee, or -1. */
static int format_index(struct asp_ctx *ctx, asp_node call, const char *callee)
{
	unsigned f = 0, a = 0;
	int is_scanf = 0;
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		struct asp_type t;

		if (strcmp(table[i].name, callee) != 0)
			continue;
		/* a project's own error() or warn() need not be printf-like */
		if (!strchr(callee, 'v') &&
		    (!asp_node_type(ctx, asp_node_referenced(ctx, call), &t) ||
		     !(t.flags & ASP_TYPE_VARIADIC)))
			break;
		return (int)table[i].fmt;
	}
	if (asp_node_format_attr(ctx, asp_node_referenced(ctx, call), &f, &a, &is_scanf) &&
	    !is_scanf && f > 0)
		return (int)f - 1;
	return -1;
}

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

/* The last expression child of a declaration: its initialiser, if any. */
static asp_node initializer(struct asp_ctx *ctx, asp_node var)
{
	unsigned i = asp_node_child_count(ctx, var);

	while (i-- > 0) {
		asp_node c = asp_node_child(ctx, var, i);
		enum asp_node_kind k = asp_node_kind(c);

		if (k >= ASP_NODE_CALL && k <= ASP_NODE_STMT_EXPR)
			return c;
		if (k == ASP_NODE_TYPE_REF || k == ASP_NODE_ATTR)
			break;
	}
	return null_node;
}

static int is_constant_format(struct asp_ctx *ctx, asp_node e, unsigned depth);

/* A const variable initialised with an acceptable format. */
static int const_var_format(struct asp_ctx *ctx, asp_node var, unsigned depth)
{
	struct asp_type t;
	asp_node init;

	if (asp_node_kind(var) != ASP_NODE_VAR || !asp_node_type(ctx, var, &t))
		return 0;
	/* for arrays, the front end may hoist the element's const onto the array */
	if (!(t.flags & ASP_TYPE_CONST) &&
	    !((t.flags & ASP_TYPE_ARRAY) && (t.pointee_flags & ASP_TYPE_CONST)))
		return 0;
	init = initializer(ctx, var);
	return !asp_node_is_null(init) && is_constant_format(ctx, init, depth + 1);
}

/* table[i] where table is a const array of const pointers, every one a literal. */
static int const_table_format(struct asp_ctx *ctx, asp_node sub, unsigned depth)
{
	struct asp_type t;
	asp_node base, var, init;
	unsigned i, n;

	if (asp_node_child_count(ctx, sub) < 1)
		return 0;
	base = strip_all(ctx, asp_node_child(ctx, sub, 0));
	if (asp_node_kind(base) != ASP_NODE_DECL_REF)
		return 0;
	var = asp_node_referenced(ctx, base);
	if (asp_node_kind(var) != ASP_NODE_VAR || !asp_node_type(ctx, var, &t) ||
	    !(t.flags & ASP_TYPE_ARRAY) || !(t.pointee_flags & ASP_TYPE_POINTER) ||
	    !((t.flags | t.pointee_flags) & ASP_TYPE_CONST))
		return 0;
	init = initializer(ctx, var);
	if (asp_node_kind(init) != ASP_NODE_INIT_LIST)
		return 0;
	n = asp_node_child_count(ctx, init);
	for (i = 0; i < n; i++) {
		asp_node el = asp_node_child(ctx, init, i);

		if (!is_constant_format(ctx, el, depth + 1))
			return 0;
		n = asp_node_child_count(ctx, init);   /* the child cache may have moved */
	}
	return n > 0;
}

static int is_gettext(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof gettext_names / sizeof gettext_names[0]; i++)
		if (strcmp(gettext_names[i], name) == 0)
			return 1;
	return 0;
}

/* gettext-family call whose message arguments are all literals. */
static int gettext_format(struct asp_ctx *ctx, asp_node call, unsigned depth)
{
	const char *callee = asp_node_callee_name(ctx, call);
	unsigned i, n, lits = 0;

	if (!callee || !is_gettext(callee))
		return 0;
	n = asp_node_arg_count(ctx, call);
	for (i = 0; i < n; i++) {
		asp_node a = strip_all(ctx, asp_node_arg(ctx, call, i));
		struct asp_type t;

		if (!asp_node_type(ctx, a, &t) || !(t.flags & (ASP_TYPE_POINTER | ASP_TYPE_ARRAY)))
			continue;   /* counts, categories */
		if (i == 0 && callee[0] == 'd')
			continue;   /* the domain name */
		if (!is_constant_format(ctx, a, depth + 1))
			return 0;
		lits++;
	}
	return lits > 0;
}

/* Is the expression a format the compiler can see (a literal, in effect)? */
static int is_constant_format(struct asp_ctx *ctx, asp_node e, unsigned depth)
{
	if (depth > 8)
		return 0;
	e = strip_all(ctx, e);
	switch (asp_node_kind(e)) {
	case ASP_NODE_STRING_LITERAL:
		return 1;
	case ASP_NODE_INT_LITERAL:   /* a null format, as in err(1, NULL) */
		return 1;
	case ASP_NODE_CONDITIONAL:
		if (asp_node_child_count(ctx, e) != 3)
			return 0;
		{
			asp_node a = asp_node_child(ctx, e, 1);
			asp_node b = asp_node_child(ctx, e, 2);

			return is_constant_format(ctx, a, depth + 1) &&
			       is_constant_format(ctx, b, depth + 1);
		}
	case ASP_NODE_DECL_REF:
		return const_var_format(ctx, asp_node_referenced(ctx, e), depth);
	case ASP_NODE_SUBSCRIPT:
		return const_table_format(ctx, e, depth);
	case ASP_NODE_CALL:
		return gettext_format(ctx, e, depth);
	default:
		return 0;
	}
}

/* 1-based position of a parameter in its function (0 if not found); *count: all parameters. */
static unsigned param_position(struct asp_ctx *ctx, asp_node fn, asp_node param,
			       unsigned *count)
{
	unsigned i, n = asp_node_child_count(ctx, fn), pos = 0, found = 0;

	for (i = 0; i < n; i++) {
		asp_node c = asp_node_child(ctx, fn, i);

		if (asp_node_kind(c) != ASP_NODE_PARAM)
			continue;
		pos++;
		if (asp_node_equal(c, param))
			found = pos;
	}
	*count = pos;
	return found;
}

static int takes_va_list(struct asp_ctx *ctx, asp_node fn)
{
	unsigned i, n = asp_node_child_count(ctx, fn);

	for (i = 0; i < n; i++) {
		asp_node c = asp_node_child(ctx, fn, i);
		struct asp_type t;

		if (asp_node_kind(c) == ASP_NODE_PARAM && asp_node_type(ctx, c, &t) &&
		    (strstr(t.spelling, "va_list") || strstr(t.canonical, "__va_list")))
			return 1;
		n = asp_node_child_count(ctx, fn);
	}
	return 0;
}

static void report_param(struct asp_ctx *ctx, asp_node call, const char *callee,
			 asp_node param)
{
	asp_node fn = asp_ctx_function(ctx);
	const char *fname = asp_node_spelling(ctx, fn);
	const char *pname = asp_node_spelling(ctx, param);
	unsigned nparams = 0;
	unsigned pos = param_position(ctx, fn, param, &nparams);
	unsigned f = 0, a = 0;
	int is_scanf = 0;
	struct asp_type t;

	if (pos && asp_node_format_attr(ctx, fn, &f, &a, &is_scanf) && !is_scanf) {
		if (f == pos)
			return;   /* a checked wrapper: its callers' formats are verified */
		asp_report(ctx, call, "MDS-FMT-001",
			   "%s() gets its format from parameter '%s' of %s(), but the format "
			   "attribute of %s() names parameter %u, so the string passed as "
			   "'%s' is never checked", callee, pname, fname, fname, f, pname);
		return;
	}
	if (asp_node_type(ctx, fn, &t) && ((t.flags & ASP_TYPE_VARIADIC) || takes_va_list(ctx, fn)))
		asp_report(ctx, call, "MDS-FMT-001",
			   "%s() gets its format from parameter '%s' of %s(), which has no "
			   "format attribute, so the formats its callers pass are never "
			   "checked; declare %s() with __attribute__((format(printf, %u, %u)))",
			   callee, pname, fname, fname, pos,
			   (t.flags & ASP_TYPE_VARIADIC) ? nparams + 1 : 0);
	else
		asp_report(ctx, call, "MDS-FMT-001",
			   "%s() uses parameter '%s' as its format: any '%%' in the string the "
			   "caller passes is interpreted; print it with \"%%s\" instead",
			   callee, pname);
}

/* "__builtin___sprintf_chk" and "__sprintf_chk" as the programmer wrote them. */
static const char *display_name(struct asp_ctx *ctx, const char *callee)
{
	size_t len = strlen(callee);
	char *out;

	if (len <= 6 || strcmp(callee + len - 4, "_chk") != 0)
		return callee;
	if (strncmp(callee, "__builtin___", 12) == 0)
		callee += 12;
	else if (strncmp(callee, "__", 2) == 0)
		callee += 2;
	len = strlen(callee) - 4;
	out = asp_ctx_alloc(ctx, len + 1);
	if (!out)
		return callee;
	memcpy(out, callee, len);
	return out;
}

static int enter(struct asp_ctx *ctx, asp_node call)
{
	const char *callee = asp_node_callee_name(ctx, call);
	asp_node fmt, ref;
	int fi;

	if (!callee || (fi = format_index(ctx, call, callee)) < 0 ||
	    (unsigned)fi >= asp_node_arg_count(ctx, call))
		return ASP_WALK_CONTINUE;
	fmt = asp_node_arg(ctx, call, (unsigned)fi);
	if (is_constant_format(ctx, fmt, 0))
		return ASP_WALK_CONTINUE;
	callee = display_name(ctx, callee);
	fmt = strip_all(ctx, fmt);
	ref = asp_node_kind(fmt) == ASP_NODE_DECL_REF ? asp_node_referenced(ctx, fmt) : fmt;
	if (asp_node_kind(ref) == ASP_NODE_PARAM && !asp_node_is_null(asp_ctx_function(ctx))) {
		report_param(ctx, call, callee, ref);
		return ASP_WALK_CONTINUE;
	}
	asp_report(ctx, call, "MDS-FMT-001",
		   "the format of %s() is not a string literal: if the string can contain "
		   "'%%', it reads or writes memory; use a literal format such as "
		   "\"%%s\" and pass the text as an argument", callee);
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_format_string = {
	.abi_version = ASP_ABI_VERSION,
	.name = "format_string",
	.kinds = kinds,
	.enter = enter,
};
