/*
 * MDS-BAN-004: a scanf-family call (the standard ones, and any function
 * declared with __attribute__((format(scanf, F, A)))) whose literal format
 * has a %s or %[ conversion without a maximum field width: input longer
 * than the destination overflows it. Not flagged: %*s and %*[ (assignment
 * suppressed, nothing is stored), %ms (POSIX: scanf allocates), formats
 * that are not literals (nothing can be decided), wide-character formats.
 */
#include "asepsis/checker.h"

#include <string.h>

struct scanf_fn {
	const char *name;
	unsigned fmt;   /* 0-based index of the format argument */
};

static const struct scanf_fn table[] = {
	{ "scanf", 0 }, { "vscanf", 0 },
	{ "fscanf", 1 }, { "vfscanf", 1 },
	{ "sscanf", 1 }, { "vsscanf", 1 },
	{ "__isoc99_scanf", 0 }, { "__isoc99_fscanf", 1 }, { "__isoc99_sscanf", 1 },
	{ "__isoc99_vscanf", 0 }, { "__isoc99_vfscanf", 1 }, { "__isoc99_vsscanf", 1 },
};

/* 0-based index of the format argument of a scanf-like callee, or -1. */
static int format_index(struct asp_ctx *ctx, asp_node call, const char *callee)
{
	unsigned f = 0, a = 0;
	int is_scanf = 0;
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].name, callee) == 0)
			return (int)table[i].fmt;
	if (asp_node_format_attr(ctx, asp_node_referenced(ctx, call), &f, &a, &is_scanf) &&
	    is_scanf && f > 0)
		return (int)f - 1;
	return -1;
}

struct conv_bad {
	unsigned ordinal;    /* 1-based count of conversions in the format */
	unsigned arg;        /* 0-based index of the argument it stores into */
	char spec[24];       /* the conversion, printable, e.g. "%s" or "%[^\\n]" */
};

/*
 * Finds the first %s / %[ that stores without a field width. Returns 1 and
 * fills *bad when one is found, 0 otherwise (also for malformed formats).
 */
static int find_unbounded(const char *f, size_t len, struct conv_bad *bad)
{
	size_t i = 0;
	unsigned ordinal = 0, stored = 0;

	while (i < len) {
		size_t start;
		int suppress = 0, alloc = 0, width = 0;
		char conv;

		if (f[i++] != '%')
			continue;
		if (i < len && f[i] == '%') {
			i++;
			continue;
		}
		start = i - 1;
		ordinal++;
		/* POSIX positional form %n$ */
		{
			size_t j = i;

			while (j < len && f[j] >= '0' && f[j] <= '9')
				j++;
			if (j > i && j < len && f[j] == '$')
				i = j + 1;
		}
		if (i < len && f[i] == '*') {
			suppress = 1;
			i++;
		}
		while (i < len && f[i] >= '0' && f[i] <= '9') {
			width = 1;
			i++;
		}
		if (i < len && f[i] == 'm') {
			alloc = 1;
			i++;
		}
		while (i < len && strchr("hlLqjzt", f[i]))
			i++;
		if (i >= len)
			return 0;
		conv = f[i++];
		if (conv == '[') {
			if (i < len && f[i] == '^')
				i++;
			if (i < len && f[i] == ']')
				i++;
			while (i < len && f[i] != ']')
				i++;
			if (i >= len)
				return 0;   /* unterminated scanset: malformed */
			i++;
		}
		if ((conv == 's' || conv == '[' || conv == 'S') && !suppress && !alloc &&
		    !width) {
			size_t k, n = 0;

			for (k = start; k < i && n + 3 < sizeof bad->spec; k++) {
				unsigned char ch = (unsigned char)f[k];

				if (ch >= 0x20 && ch < 0x7f) {
					bad->spec[n++] = (char)ch;
				} else {
					bad->spec[n++] = '\\';
					bad->spec[n++] = ch == '\n' ? 'n' : ch == '\t' ? 't' : 'x';
				}
			}
			bad->spec[n] = '\0';
			bad->ordinal = ordinal;
			bad->arg = stored;
			return 1;
		}
		if (!suppress && conv != '%')
			stored++;
	}
	return 0;
}

/* Bytes of a fixed-size char array the argument points into; -1 otherwise. */
static long long dest_bytes(struct asp_ctx *ctx, asp_node arg)
{
	struct asp_type t;

	arg = asp_node_strip(ctx, arg);
	if (asp_node_kind(arg) == ASP_NODE_UNARY_OP &&
	    asp_node_operator(ctx, arg) == ASP_OP_ADDR_OF)
		return -1;
	if (!asp_node_type(ctx, arg, &t) || !(t.flags & ASP_TYPE_ARRAY) ||
	    (t.flags & ASP_TYPE_VLA) || t.array_len <= 1 || t.pointee_size != 1)
		return -1;
	return t.array_len;
}

/* Looks through parentheses and literal-only conditionals for a bad conversion. */
static int literal_bad(struct asp_ctx *ctx, asp_node fmt, struct conv_bad *bad, unsigned depth)
{
	const char *f;
	size_t len = 0;

	fmt = asp_node_strip(ctx, fmt);
	if (asp_node_kind(fmt) == ASP_NODE_CONDITIONAL && depth < 8 &&
	    asp_node_child_count(ctx, fmt) == 3) {
		asp_node a = asp_node_child(ctx, fmt, 1);
		asp_node b = asp_node_child(ctx, fmt, 2);

		return literal_bad(ctx, a, bad, depth + 1) || literal_bad(ctx, b, bad, depth + 1);
	}
	if (asp_node_kind(fmt) != ASP_NODE_STRING_LITERAL)
		return 0;
	f = asp_node_string_value(ctx, fmt, &len);
	return f && find_unbounded(f, len, bad);
}

static void check_call(struct asp_ctx *ctx, asp_node call, unsigned fmt_index,
		       const char *callee)
{
	struct conv_bad bad;
	long long cap;

	if (!literal_bad(ctx, asp_node_arg(ctx, call, fmt_index), &bad, 0))
		return;
	cap = dest_bytes(ctx, asp_node_arg(ctx, call, fmt_index + 1 + bad.arg));
	if (cap > 0 && bad.spec[1] == 's')
		asp_report(ctx, call, "MDS-BAN-004",
			   "%s(): conversion %u '%s' has no field width, so input longer than "
			   "the %lld-byte destination overflows it; write %%%llds",
			   callee, bad.ordinal, bad.spec, cap, cap - 1);
	else
		asp_report(ctx, call, "MDS-BAN-004",
			   "%s(): conversion %u '%s' has no field width, so input longer than "
			   "the destination overflows it; give a maximum width of the "
			   "destination size minus one", callee, bad.ordinal, bad.spec);
}

static int enter(struct asp_ctx *ctx, asp_node call)
{
	const char *callee = asp_node_callee_name(ctx, call);
	int fi;

	if (!callee || (fi = format_index(ctx, call, callee)) < 0 ||
	    (unsigned)fi >= asp_node_arg_count(ctx, call))
		return ASP_WALK_CONTINUE;
	if (strncmp(callee, "__isoc99_", 9) == 0)
		callee += 9;
	check_call(ctx, call, (unsigned)fi, callee);
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_scanf_width = {
	.abi_version = ASP_ABI_VERSION,
	.name = "scanf_width",
	.kinds = kinds,
	.enter = enter,
};
