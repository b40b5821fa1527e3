/*
 * MDS-INT-001: a malloc/realloc size or memcpy/memmove/memset length that is a
 * product (or a sum of two variables) able to wrap in its type, with no guard
 * earlier in the function. Value ranges come from types and constants, so a
 * product that cannot exceed its type is never flagged; calloc is not examined.
 */
#include "asepsis/checker.h"

#include <string.h>

#define RULE "MDS-INT-001"
#define MAX_GUARDS 256
#define MAX_LEAVES 16
#define MAX_DEPTH 24

struct sized_fn {
	const char *name;
	unsigned arg;
};

static const struct sized_fn fns[] = {
	{ "malloc", 0 }, { "realloc", 1 }, { "aligned_alloc", 1 },
	{ "pvPortMalloc", 0 }, { "k_malloc", 0 },
	{ "memcpy", 2 }, { "memmove", 2 }, { "memset", 2 },
};

struct state {
	asp_node fn;                  /* the function the guards belong to */
	asp_node guards[MAX_GUARDS];  /* variables and members bounded so far */
	unsigned nguards;
	asp_node lengths[MAX_GUARDS]; /* variables holding strlen() of an object */
	unsigned nlengths;
};

static const char *base_name(const char *name, char *buf, size_t cap)
{
	size_t len;

	if (!name)
		return NULL;
	if (strncmp(name, "__builtin___", 12) == 0) {
		name += 12;
		len = strlen(name);
		if (len > 4 && strcmp(name + len - 4, "_chk") == 0 && len - 4 < cap) {
			memcpy(buf, name, len - 4);
			buf[len - 4] = '\0';
			return buf;
		}
		return name;
	}
	if (strncmp(name, "__builtin_", 10) == 0)
		return name + 10;
	return name;
}

static struct state *state_of(struct asp_ctx *ctx)
{
	struct state *s = asp_ctx_state(ctx);
	asp_node fn = asp_ctx_function(ctx);

	if (!s) {
		s = asp_ctx_alloc(ctx, sizeof *s);
		if (!s)
			return NULL;
		asp_ctx_set_state(ctx, s);
	}
	if (!asp_node_equal(s->fn, fn)) {
		s->fn = fn;
		s->nguards = 0;
		s->nlengths = 0;
	}
	return s;
}

static asp_node strip_casts(struct asp_ctx *ctx, asp_node n)
{
	unsigned guard = 0;

	while (guard++ < 64) {
		unsigned c;

		n = asp_node_strip(ctx, n);
		if (asp_node_kind(n) != ASP_NODE_CAST)
			break;
		c = asp_node_child_count(ctx, n);
		if (c == 0)
			break;
		n = asp_node_child(ctx, n, c - 1);
	}
	return n;
}

static int same_object(struct asp_ctx *ctx, asp_node a, asp_node b, unsigned depth)
{
	a = asp_node_strip(ctx, a);
	b = asp_node_strip(ctx, b);
	if (depth > 16 || asp_node_kind(a) != asp_node_kind(b))
		return 0;
	switch (asp_node_kind(a)) {
	case ASP_NODE_DECL_REF:
		return asp_node_equal(asp_node_referenced(ctx, a), asp_node_referenced(ctx, b));
	case ASP_NODE_MEMBER_REF:
		if (!asp_node_equal(asp_node_referenced(ctx, a), asp_node_referenced(ctx, b)))
			return 0;
		if (asp_node_child_count(ctx, a) != 1 || asp_node_child_count(ctx, b) != 1)
			return 0;
		return same_object(ctx, asp_node_child(ctx, a, 0), asp_node_child(ctx, b, 0),
				   depth + 1);
	case ASP_NODE_UNARY_OP:
		if (asp_node_operator(ctx, a) != ASP_OP_DEREF ||
		    asp_node_operator(ctx, b) != ASP_OP_DEREF)
			return 0;
		return same_object(ctx, asp_node_child(ctx, a, 0), asp_node_child(ctx, b, 0),
				   depth + 1);
	default:
		return 0;
	}
}

/* Variables and members an expression reads (not inside sizeof). */
static unsigned leaves(struct asp_ctx *ctx, asp_node e, asp_node *out, unsigned n,
		       unsigned depth)
{
	unsigned i, count;

	if (depth > MAX_DEPTH || n >= MAX_LEAVES)
		return n;
	e = asp_node_strip(ctx, e);
	switch (asp_node_kind(e)) {
	case ASP_NODE_DECL_REF: {
		enum asp_node_kind k = asp_node_kind(asp_node_referenced(ctx, e));

		if (k == ASP_NODE_VAR || k == ASP_NODE_PARAM)
			out[n++] = e;
		return n;
	}
	case ASP_NODE_MEMBER_REF:
		out[n++] = e;
		return n;
	case ASP_NODE_SIZEOF: case ASP_NODE_STRING_LITERAL:
		return n;
	default:
		break;
	}
	count = asp_node_child_count(ctx, e);
	for (i = 0; i < count && n < MAX_LEAVES; i++) {
		asp_node c = asp_node_child(ctx, e, i);

		n = leaves(ctx, c, out, n, depth + 1);
		count = asp_node_child_count(ctx, e);
	}
	return n;
}

static int contains_op(struct asp_ctx *ctx, asp_node e, enum asp_op want, unsigned depth)
{
	unsigned i, count;

	if (depth > MAX_DEPTH)
		return 0;
	if ((asp_node_kind(e) == ASP_NODE_BINARY_OP) && asp_node_operator(ctx, e) == want)
		return 1;
	count = asp_node_child_count(ctx, e);
	for (i = 0; i < count; i++) {
		if (contains_op(ctx, asp_node_child(ctx, e, i), want, depth + 1))
			return 1;
		count = asp_node_child_count(ctx, e);
	}
	return 0;
}

static void guard_add(struct asp_ctx *ctx, struct state *s, asp_node e)
{
	unsigned g;

	for (g = 0; g < s->nguards; g++)
		if (asp_node_kind(s->guards[g]) == asp_node_kind(e) &&
		    (asp_node_kind(e) == ASP_NODE_VAR ? asp_node_equal(s->guards[g], e)
						      : same_object(ctx, s->guards[g], e, 0)))
			return;
	if (s->nguards < MAX_GUARDS)
		s->guards[s->nguards++] = e;
}

static void guard_all(struct asp_ctx *ctx, struct state *s, asp_node e)
{
	asp_node buf[MAX_LEAVES];
	unsigned n = leaves(ctx, e, buf, 0, 0), i;

	for (i = 0; i < n; i++)
		guard_add(ctx, s, buf[i]);
}

static int is_guarded(struct asp_ctx *ctx, const struct state *s, asp_node e)
{
	asp_node buf[MAX_LEAVES];
	unsigned n = leaves(ctx, e, buf, 0, 0), i, g;

	for (i = 0; i < n; i++) {
		for (g = 0; g < s->nguards; g++) {
			asp_node gd = s->guards[g];

			if (asp_node_kind(gd) == ASP_NODE_VAR) {
				if (asp_node_kind(buf[i]) == ASP_NODE_DECL_REF &&
				    asp_node_equal(asp_node_referenced(ctx, buf[i]), gd))
					return 1;
			} else if (same_object(ctx, buf[i], gd, 0)) {
				return 1;
			}
		}
	}
	return 0;
}

/* A comparison that is the condition of a loop bounds the counter, not the limit. */
static int in_loop_condition(struct asp_ctx *ctx)
{
	unsigned i;

	for (i = 0; i < MAX_DEPTH; i++) {
		asp_node p = asp_ctx_parent(ctx, i);

		switch (asp_node_kind(p)) {
		case ASP_NODE_PAREN: case ASP_NODE_IMPLICIT:
			continue;
		case ASP_NODE_UNARY_OP:
			if (asp_node_operator(ctx, p) == ASP_OP_LNOT)
				continue;
			return 0;
		case ASP_NODE_BINARY_OP:
			if (asp_node_operator(ctx, p) == ASP_OP_LAND ||
			    asp_node_operator(ctx, p) == ASP_OP_LOR)
				continue;
			return 0;
		case ASP_NODE_FOR: case ASP_NODE_WHILE: case ASP_NODE_DO:
			return 1;
		default:
			return 0;
		}
	}
	return 0;
}

/*
 * A relational comparison bounds the values it reads when one side is a
 * constant above 1, when it goes through a division, subtraction or sum
 * (n > SIZE_MAX / size, a + b < a), or when it is not a loop condition.
 */
static void record_comparison(struct asp_ctx *ctx, struct state *s, asp_node n)
{
	asp_node l = asp_node_child(ctx, n, 0);
	asp_node r = asp_node_child(ctx, n, 1);
	long long lv = 0, rv = 0;
	int lc = asp_node_int_value(ctx, l, &lv), rc = asp_node_int_value(ctx, r, &rv);

	if (lc && rc)
		return;
	/* n > 0, n < 1: a test for emptiness, not an upper bound */
	if ((lc && lv <= 1) || (rc && rv <= 1))
		return;
	if (lc || rc || contains_op(ctx, l, ASP_OP_DIV, 0) || contains_op(ctx, r, ASP_OP_DIV, 0) ||
	    contains_op(ctx, l, ASP_OP_SUB, 0) || contains_op(ctx, r, ASP_OP_SUB, 0) ||
	    contains_op(ctx, l, ASP_OP_ADD, 0) || contains_op(ctx, r, ASP_OP_ADD, 0) ||
	    !in_loop_condition(ctx))
		guard_all(ctx, s, n);
}

static int is_object_length(struct asp_ctx *ctx, asp_node e)
{
	const char *name;

	if (asp_node_kind(e) != ASP_NODE_CALL)
		return 0;
	name = asp_node_callee_name(ctx, e);
	return name && (strcmp(name, "strlen") == 0 || strcmp(name, "strnlen") == 0 ||
			strcmp(name, "__builtin_strlen") == 0);
}

/* The declaration a variable reference or declaration stands for. */
static asp_node decl_of(struct asp_ctx *ctx, asp_node e)
{
	asp_node none = { 0, 0, { 0, 0, 0, 0 } };

	if (asp_node_kind(e) == ASP_NODE_VAR)
		return e;
	e = asp_node_strip(ctx, e);
	if (asp_node_kind(e) == ASP_NODE_DECL_REF)
		return asp_node_referenced(ctx, e);
	return none;
}

/*
 * `n = expr` or `T n = expr`: n is bounded when expr reads a guarded value,
 * and is an object's length when expr is strlen() of something.
 */
static void record_assignment(struct asp_ctx *ctx, struct state *s, asp_node lhs, asp_node rhs)
{
	asp_node d;

	if (asp_node_is_null(rhs))
		return;
	if (is_guarded(ctx, s, rhs))
		guard_add(ctx, s, lhs);
	d = decl_of(ctx, lhs);
	if (!asp_node_is_null(d) && is_object_length(ctx, strip_casts(ctx, rhs)) &&
	    s->nlengths < MAX_GUARDS)
		s->lengths[s->nlengths++] = d;
}

static int holds_object_length(struct asp_ctx *ctx, const struct state *s, asp_node e)
{
	unsigned i;
	asp_node d = decl_of(ctx, e);

	for (i = 0; !asp_node_is_null(d) && i < s->nlengths; i++)
		if (asp_node_equal(s->lengths[i], d))
			return 1;
	return 0;
}

static unsigned bit_length(unsigned long long v)
{
	unsigned b = 0;

	while (v) {
		b++;
		v >>= 1;
	}
	return b;
}

/* Bits of magnitude a value of this type can hold (signed: one less). */
static unsigned type_value_bits(const struct asp_type *t)
{
	if (!(t->flags & ASP_TYPE_INTEGER) || t->bits == 0)
		return 64;
	return (t->flags & ASP_TYPE_SIGNED) ? t->bits - 1 : t->bits;
}

static unsigned min_u(unsigned a, unsigned b)
{
	return a < b ? a : b;
}

/*
 * An upper bound on the number of magnitude bits of an integer expression:
 * constants by value, arithmetic by its operands, anything else by its type.
 * A negative operand converted to size_t becomes huge: that is a sign defect,
 * not a wrap, so signed types count for their magnitude bits only.
 */
static unsigned value_bits(struct asp_ctx *ctx, const struct state *s, asp_node e,
			   unsigned depth)
{
	struct asp_type t;
	long long v;
	unsigned tb, a, b;

	e = asp_node_strip(ctx, e);
	if (asp_node_int_value(ctx, e, &v))
		return v < 0 ? 64 : bit_length((unsigned long long)v);
	if (!asp_node_type(ctx, e, &t))
		return 64;
	tb = type_value_bits(&t);
	if (depth > MAX_DEPTH)
		return tb;
	if (is_object_length(ctx, e) || holds_object_length(ctx, s, e))
		return tb > 0 ? tb - 1 : 0;   /* an object's length is below SIZE_MAX / 2 */
	switch (asp_node_kind(e)) {
	case ASP_NODE_CAST: {
		unsigned c = asp_node_child_count(ctx, e);

		if (c == 0)
			return tb;
		return min_u(tb, value_bits(ctx, s, asp_node_child(ctx, e, c - 1), depth + 1));
	}
	case ASP_NODE_BINARY_OP: {
		asp_node l = asp_node_child(ctx, e, 0), r = asp_node_child(ctx, e, 1);
		long long rv;

		switch (asp_node_operator(ctx, e)) {
		case ASP_OP_MUL:
			a = value_bits(ctx, s, l, depth + 1);
			b = value_bits(ctx, s, r, depth + 1);
			return min_u(tb, a + b);
		case ASP_OP_ADD:
			a = value_bits(ctx, s, l, depth + 1);
			b = value_bits(ctx, s, r, depth + 1);
			return min_u(tb, (a > b ? a : b) + 1);
		case ASP_OP_AND:
			a = value_bits(ctx, s, l, depth + 1);
			b = value_bits(ctx, s, r, depth + 1);
			return min_u(tb, min_u(a, b));
		case ASP_OP_SHR:
			if (asp_node_int_value(ctx, r, &rv) && rv >= 0 && rv < 64) {
				a = value_bits(ctx, s, l, depth + 1);
				return a > (unsigned)rv ? a - (unsigned)rv : 0;
			}
			return tb;
		case ASP_OP_REM:
			if (asp_node_int_value(ctx, r, &rv) && rv > 0)
				return min_u(tb, bit_length((unsigned long long)rv));
			return tb;
		case ASP_OP_DIV:
			if (asp_node_int_value(ctx, r, &rv) && rv > 0) {
				a = value_bits(ctx, s, l, depth + 1);
				b = bit_length((unsigned long long)rv) - 1;
				return a > b ? a - b : 0;
			}
			return tb;
		default:
			return tb;
		}
	}
	default:
		return tb;
	}
}

static int is_constant(struct asp_ctx *ctx, asp_node e)
{
	long long v;

	return asp_node_int_value(ctx, e, &v);
}

/*
 * The first product (or sum of two non-constants) in the size expression that
 * can exceed its type, outermost first.
 */
static asp_node find_wrap(struct asp_ctx *ctx, const struct state *s, asp_node e,
			  unsigned depth)
{
	asp_node none = { 0, 0, { 0, 0, 0, 0 } };
	enum asp_op op;

	e = strip_casts(ctx, e);
	if (depth > MAX_DEPTH || asp_node_kind(e) != ASP_NODE_BINARY_OP)
		return none;
	op = asp_node_operator(ctx, e);
	if (op == ASP_OP_MUL || op == ASP_OP_ADD) {
		asp_node l = asp_node_child(ctx, e, 0), r = asp_node_child(ctx, e, 1);
		int lc = is_constant(ctx, l), rc = is_constant(ctx, r);
		struct asp_type t;

		if (!(lc && rc) && (op == ASP_OP_MUL || (!lc && !rc)) &&
		    asp_node_type(ctx, e, &t) && (t.flags & ASP_TYPE_INTEGER)) {
			unsigned a = value_bits(ctx, s, l, 0), b = value_bits(ctx, s, r, 0);
			unsigned need = op == ASP_OP_MUL ? a + b : (a > b ? a : b) + 1;

			if (need > type_value_bits(&t))
				return e;
		}
		{
			asp_node inner = find_wrap(ctx, s, l, depth + 1);

			if (!asp_node_is_null(inner))
				return inner;
			return find_wrap(ctx, s, r, depth + 1);
		}
	}
	if (op == ASP_OP_SUB || op == ASP_OP_DIV || op == ASP_OP_SHL)
		return find_wrap(ctx, s, asp_node_child(ctx, e, 0), depth + 1);
	return none;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	struct state *s;
	enum asp_op op;

	if (asp_node_is_null(asp_ctx_function(ctx)))
		return ASP_WALK_CONTINUE;
	s = state_of(ctx);
	if (!s)
		return ASP_WALK_DONE;
	switch (asp_node_kind(n)) {
	case ASP_NODE_BINARY_OP:
		op = asp_node_operator(ctx, n);
		if (op == ASP_OP_LT || op == ASP_OP_LE || op == ASP_OP_GT || op == ASP_OP_GE)
			record_comparison(ctx, s, n);
		break;
	case ASP_NODE_CALL: {
		const char *name = asp_node_callee_name(ctx, n);

		if (!name)
			name = asp_node_spelling(ctx, n);
		if (strstr(name, "_overflow") || strncmp(name, "ckd_", 4) == 0) {
			unsigned i, count = asp_node_arg_count(ctx, n);

			for (i = 0; i < count && i < 2; i++)
				guard_all(ctx, s, asp_node_arg(ctx, n, i));
		}
		break;
	}
	default:
		break;
	}
	return ASP_WALK_CONTINUE;
}

static void leave(struct asp_ctx *ctx, asp_node n)
{
	struct state *s;
	char buf[64];
	const char *name;
	size_t i;

	if (asp_node_is_null(asp_ctx_function(ctx)))
		return;
	s = state_of(ctx);
	if (!s)
		return;
	if (asp_node_kind(n) == ASP_NODE_BINARY_OP) {
		if (asp_node_operator(ctx, n) == ASP_OP_ASSIGN)
			record_assignment(ctx, s, asp_node_child(ctx, n, 0), asp_node_child(ctx, n, 1));
		return;
	}
	if (asp_node_kind(n) == ASP_NODE_VAR) {
		unsigned c = asp_node_child_count(ctx, n);

		if (c > 0) {
			asp_node init = asp_node_child(ctx, n, c - 1);

			if (asp_node_kind(init) != ASP_NODE_TYPE_REF)
				record_assignment(ctx, s, n, init);
		}
		return;
	}
	name = base_name(asp_node_callee_name(ctx, n), buf, sizeof buf);
	if (!name)
		return;
	for (i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		asp_node size, wrap;

		if (strcmp(fns[i].name, name) != 0)
			continue;
		size = asp_node_arg(ctx, n, fns[i].arg);
		if (asp_node_is_null(size))
			return;
		wrap = find_wrap(ctx, s, size, 0);
		if (asp_node_is_null(wrap) || is_guarded(ctx, s, wrap))
			return;
		{
			asp_node leaf[MAX_LEAVES];
			unsigned nl = leaves(ctx, wrap, leaf, 0, 0);

			asp_report(ctx, wrap, RULE,
				   "%s in the size of %s() can wrap around: '%s' is not bounded "
				   "before it; check it against a maximum first, or use "
				   "calloc/reallocarray",
				   asp_node_operator(ctx, wrap) == ASP_OP_MUL ? "product" : "sum",
				   name, nl ? asp_node_spelling(ctx, leaf[0]) : "operand");
		}
		return;
	}
}

static const int kinds[] = { ASP_NODE_CALL, ASP_NODE_BINARY_OP, ASP_NODE_VAR, 0 };

const struct asp_checker check_alloc_size_overflow = {
	.abi_version = ASP_ABI_VERSION,
	.name = "alloc_size_overflow",
	.kinds = kinds,
	.enter = enter,
	.leave = leave,
};
