/*
 * MDS-BAN-001/002/003/005: gets; strcpy, strcat, wcscpy, wcscat; sprintf,
 * vsprintf; atoi, atol, atoll, atof (also glibc's _FORTIFY_SOURCE names).
 * Not flagged: a literal copied into a fixed-size array it fits; sprintf of
 * a literal format with bounded output, unless it exceeds a fixed-size
 * destination; ato* of a literal; the library's own definitions of these.
 */
#include "asepsis/checker.h"

#include <string.h>

enum ban_kind { BAN_GETS, BAN_COPY, BAN_CAT, BAN_SPRINTF, BAN_VSPRINTF, BAN_ATO };

struct banned {
	const char *callee;   /* as the AST names it */
	const char *name;     /* as the programmer wrote it */
	enum ban_kind kind;
	unsigned fmt;         /* BAN_SPRINTF: 0-based index of the format */
};

static const struct banned table[] = {
	{ "gets", "gets", BAN_GETS, 0 },
	{ "__gets_chk", "gets", BAN_GETS, 0 },
	{ "strcpy", "strcpy", BAN_COPY, 0 },
	{ "__strcpy_chk", "strcpy", BAN_COPY, 0 },
	{ "__builtin___strcpy_chk", "strcpy", BAN_COPY, 0 },
	{ "__builtin_strcpy", "strcpy", BAN_COPY, 0 },
	{ "wcscpy", "wcscpy", BAN_COPY, 0 },
	{ "__wcscpy_chk", "wcscpy", BAN_COPY, 0 },
	{ "strcat", "strcat", BAN_CAT, 0 },
	{ "__strcat_chk", "strcat", BAN_CAT, 0 },
	{ "__builtin___strcat_chk", "strcat", BAN_CAT, 0 },
	{ "__builtin_strcat", "strcat", BAN_CAT, 0 },
	{ "wcscat", "wcscat", BAN_CAT, 0 },
	{ "__wcscat_chk", "wcscat", BAN_CAT, 0 },
	{ "sprintf", "sprintf", BAN_SPRINTF, 1 },
	{ "__sprintf_chk", "sprintf", BAN_SPRINTF, 3 },
	{ "__builtin___sprintf_chk", "sprintf", BAN_SPRINTF, 3 },
	{ "__builtin_sprintf", "sprintf", BAN_SPRINTF, 1 },
	{ "vsprintf", "vsprintf", BAN_VSPRINTF, 1 },
	{ "__vsprintf_chk", "vsprintf", BAN_VSPRINTF, 3 },
	{ "__builtin___vsprintf_chk", "vsprintf", BAN_VSPRINTF, 3 },
	{ "__builtin_vsprintf", "vsprintf", BAN_VSPRINTF, 1 },
	{ "atoi", "atoi", BAN_ATO, 0 },
	{ "atol", "atol", BAN_ATO, 0 },
	{ "atoll", "atoll", BAN_ATO, 0 },
	{ "atof", "atof", BAN_ATO, 0 },
};

static const struct banned *lookup(const char *callee)
{
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].callee, callee) == 0)
			return &table[i];
	return NULL;
}

/* Skips explicit casts as well as parentheses and implicit conversions. */
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

/* Element count of a fixed-size array destination; -1 when not one. */
static long long dest_capacity(struct asp_ctx *ctx, asp_node dst, long long *elem_size)
{
	struct asp_type t;

	dst = strip_all(ctx, dst);
	if (!asp_node_type(ctx, dst, &t) || !(t.flags & ASP_TYPE_ARRAY) ||
	    (t.flags & ASP_TYPE_VLA) || t.array_len <= 0)
		return -1;
	*elem_size = t.pointee_size;
	return t.array_len;
}

/*
 * Elements a string-literal source occupies with its terminator, taking
 * the longest branch of a conditional whose branches are all literals;
 * -1 when the source is anything else.
 */
static long long literal_need(struct asp_ctx *ctx, asp_node src, long long *elem_size,
			      unsigned depth)
{
	struct asp_type t;

	src = strip_all(ctx, src);
	if (asp_node_kind(src) == ASP_NODE_CONDITIONAL && depth < 8 &&
	    asp_node_child_count(ctx, src) == 3) {
		asp_node a = asp_node_child(ctx, src, 1);
		asp_node b = asp_node_child(ctx, src, 2);
		long long ea = 0, eb = 0;
		long long na = literal_need(ctx, a, &ea, depth + 1);
		long long nb = literal_need(ctx, b, &eb, depth + 1);

		if (na < 0 || nb < 0 || ea != eb)
			return -1;
		*elem_size = ea;
		return na > nb ? na : nb;
	}
	if (asp_node_kind(src) != ASP_NODE_STRING_LITERAL || !asp_node_type(ctx, src, &t) ||
	    t.array_len <= 0)
		return -1;
	*elem_size = t.pointee_size;
	return t.array_len;
}

static int copy_is_bounded(struct asp_ctx *ctx, asp_node call, unsigned ndst)
{
	long long dsz = 0, ssz = 0, cap, need;

	cap = dest_capacity(ctx, asp_node_arg(ctx, call, ndst), &dsz);
	if (cap < 0)
		return 0;
	need = literal_need(ctx, asp_node_arg(ctx, call, ndst + 1), &ssz, 0);
	return need > 0 && dsz == ssz && need <= cap;
}

/* --- bounded sprintf -------------------------------------------------- */

#define UNBOUNDED (-1L)

static long digits_max(char conv, int wide)
{
	switch (conv) {
	case 'd': case 'i': return wide ? 20 : 11;   /* sign included */
	case 'u': return wide ? 20 : 10;
	case 'x': case 'X': return wide ? 16 : 8;
	case 'o': return wide ? 22 : 11;
	default: return UNBOUNDED;
	}
}

/* Bytes from &array[k] or array + k (k constant) to the end of a fixed array. */
static long long array_tail(struct asp_ctx *ctx, asp_node e, long long *elem_size)
{
	asp_node base, index;
	long long cap, k = -1;

	e = strip_all(ctx, e);
	if (asp_node_kind(e) == ASP_NODE_UNARY_OP && asp_node_operator(ctx, e) == ASP_OP_ADDR_OF &&
	    asp_node_child_count(ctx, e) == 1)
		e = strip_all(ctx, asp_node_child(ctx, e, 0));
	else if (!(asp_node_kind(e) == ASP_NODE_BINARY_OP && asp_node_operator(ctx, e) == ASP_OP_ADD))
		return -1;
	if (asp_node_child_count(ctx, e) != 2 ||
	    (asp_node_kind(e) != ASP_NODE_SUBSCRIPT && asp_node_kind(e) != ASP_NODE_BINARY_OP))
		return -1;
	base = asp_node_child(ctx, e, 0);
	index = asp_node_child(ctx, e, 1);
	if (!asp_node_int_value(ctx, index, &k))
		return -1;
	cap = dest_capacity(ctx, base, elem_size);
	return cap > 0 && k >= 0 && k < cap ? cap - k : -1;
}

/*
 * Length of the longest value one %s argument can print, or UNBOUNDED: a
 * literal, or a string held in a fixed-size char array (from its start or
 * a constant offset; it is assumed to be terminated inside the array).
 */
static long string_arg_max(struct asp_ctx *ctx, asp_node arg)
{
	long long es = 0, need = literal_need(ctx, arg, &es, 0);

	if (need < 0)
		need = dest_capacity(ctx, arg, &es);
	if (need < 0)
		need = array_tail(ctx, arg, &es);
	return need > 0 && es == 1 ? (long)(need - 1) : UNBOUNDED;
}

/*
 * Longest output of a literal printf format, assuming int of at most 32
 * and long/long long/size_t of at most 64 bits; UNBOUNDED for %s of a
 * non-literal without a precision, %f, %n, '*' and anything unusual.
 */
static long format_max(struct asp_ctx *ctx, asp_node call, unsigned fmt_index,
		       const char *f, size_t len)
{
	size_t i = 0;
	unsigned arg = fmt_index + 1;
	long total = 0;

	while (i < len) {
		long width = 0, prec = -1, out;
		int wide = 0, flags = 0;
		char conv;

		if (f[i] != '%') {
			total++;
			i++;
			continue;
		}
		i++;
		if (i < len && f[i] == '%') {
			total++;
			i++;
			continue;
		}
		while (i < len && strchr("-+ #0", f[i])) {
			flags = 1;
			i++;
		}
		if (i < len && (f[i] == '*' || f[i] == '\''))
			return UNBOUNDED;   /* run-time width; locale grouping */
		while (i < len && f[i] >= '0' && f[i] <= '9' && width < 10000)
			width = width * 10 + (f[i++] - '0');
		if (i < len && f[i] == '$')
			return UNBOUNDED;   /* positional arguments: not modelled */
		if (i < len && f[i] == '.') {
			i++;
			if (i < len && f[i] == '*')
				return UNBOUNDED;
			prec = 0;
			while (i < len && f[i] >= '0' && f[i] <= '9' && prec < 10000)
				prec = prec * 10 + (f[i++] - '0');
		}
		while (i < len && strchr("hlLqjzt", f[i])) {
			if (f[i] != 'h')
				wide = 1;
			i++;
		}
		if (i >= len)
			return UNBOUNDED;
		conv = f[i++];
		switch (conv) {
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
			out = digits_max(conv, wide);
			if (prec > out)
				out = prec + 1;
			break;
		case 'c':
			out = wide ? UNBOUNDED : 1;
			break;
		case 'p':
			out = 18;
			break;
		case 's':
			if (wide)
				return UNBOUNDED;
			out = string_arg_max(ctx, asp_node_arg(ctx, call, arg));
			if (prec >= 0 && (out == UNBOUNDED || prec < out))
				out = prec;
			break;
		default:
			return UNBOUNDED;
		}
		if (out == UNBOUNDED)
			return UNBOUNDED;
		if (flags)
			out += 2;
		if (width > out)
			out = width;
		total += out;
		arg++;
		if (total > 1000000)
			return UNBOUNDED;
	}
	return total;
}

/*
 * Can the sprintf overflow for some input? Not when its literal format has
 * a bounded output that fits a fixed-size destination; and not reported
 * when the output is bounded but the destination size is unknown (the
 * length then depends on no data). *max gets the bound, or UNBOUNDED.
 */
static int sprintf_may_overflow(struct asp_ctx *ctx, asp_node call, unsigned fmt_index,
				long *max, long long *cap)
{
	long long esz = 0;
	asp_node fmt = strip_all(ctx, asp_node_arg(ctx, call, fmt_index));
	const char *f;
	size_t len = 0;

	*max = UNBOUNDED;
	*cap = dest_capacity(ctx, asp_node_arg(ctx, call, 0), &esz);
	if (asp_node_kind(fmt) != ASP_NODE_STRING_LITERAL)
		return 1;
	f = asp_node_string_value(ctx, fmt, &len);
	if (!f)
		return 1;
	*max = format_max(ctx, call, fmt_index, f, len);
	if (*max == UNBOUNDED)
		return 1;
	if (*cap < 0)
		return 0;
	return esz != 1 || *max + 1 > *cap;
}

/* --------------------------------------------------------------------- */

static int enter(struct asp_ctx *ctx, asp_node call)
{
	const char *callee = asp_node_callee_name(ctx, call);
	const struct banned *b;
	unsigned nargs;
	long long cap = -1;
	long max = UNBOUNDED;

	if (!callee || !(b = lookup(callee)))
		return ASP_WALK_CONTINUE;
	if (!asp_node_is_null(asp_ctx_function(ctx)) &&
	    strcmp(asp_node_spelling(ctx, asp_ctx_function(ctx)), b->name) == 0)
		return ASP_WALK_CONTINUE;   /* a (fortified) definition of the function itself */
	nargs = asp_node_arg_count(ctx, call);
	switch (b->kind) {
	case BAN_GETS:
		if (nargs < 1)
			break;
		asp_report(ctx, call, "MDS-BAN-001",
			   "gets() cannot limit how much it reads: any line longer than the "
			   "buffer overflows it; use fgets() with the buffer size");
		break;
	case BAN_COPY:
		if (nargs < 2 || copy_is_bounded(ctx, call, 0))
			break;
		asp_report(ctx, call, "MDS-BAN-002",
			   "%s() copies until the terminator without knowing the destination "
			   "size; use a bounded copy that checks for truncation", b->name);
		break;
	case BAN_CAT:
		if (nargs < 2)
			break;
		asp_report(ctx, call, "MDS-BAN-002",
			   "%s() appends without knowing the destination size; use a "
			   "bounded append that checks for truncation", b->name);
		break;
	case BAN_SPRINTF:
		if (nargs <= b->fmt || !sprintf_may_overflow(ctx, call, b->fmt, &max, &cap))
			break;
		if (max != UNBOUNDED)
			asp_report(ctx, call, "MDS-BAN-003",
				   "sprintf() can write up to %ld bytes, but the destination "
				   "holds %lld; use snprintf() with the buffer size and check "
				   "its result", max + 1, cap);
		else
			asp_report(ctx, call, "MDS-BAN-003",
				   "sprintf() output has no fixed bound (%%s of a run-time "
				   "string, floating point, a run-time width or a format that is "
				   "not a literal) and is not limited to the destination size; "
				   "use snprintf() and check its result for truncation");
		break;
	case BAN_VSPRINTF:
		if (nargs <= b->fmt)
			break;
		asp_report(ctx, call, "MDS-BAN-003",
			   "vsprintf() output is not bounded by the destination size; use "
			   "vsnprintf() and check its result for truncation");
		break;
	case BAN_ATO:
		if (nargs != 1 ||
		    asp_node_kind(strip_all(ctx, asp_node_arg(ctx, call, 0))) ==
			    ASP_NODE_STRING_LITERAL)
			break;
		asp_report(ctx, call, "MDS-BAN-005",
			   "%s() cannot report invalid or out-of-range input (it returns 0 or "
			   "an undefined value); use %s() with an end pointer, errno and a "
			   "range check", b->name, strcmp(b->name, "atof") == 0 ? "strtod" : "strtol");
		break;
	}
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_banned_api = {
	.abi_version = ASP_ABI_VERSION,
	.name = "banned_api",
	.kinds = kinds,
	.enter = enter,
};
