/*
 * MDS-MEM-003: free() of what no allocator returned: &x, &s.f, an array, a
 * string literal, p + k or &p[k]; the heap is corrupted far from the call.
 * Silent for free(p), free(NULL), &p[0], p - k (hidden-header allocators) and
 * &p->f (the block itself when f is the first member).
 */
#include "asepsis/checker.h"

#include <string.h>

#define RULE "MDS-MEM-003"

static const char *const frees[] = { "free", "vPortFree", "k_free", "rt_free", NULL };

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

/*
 * A name for messages: the variable, member or literal an expression is.
 * Token text is avoided: inside a macro expansion it is not the code's text.
 */
static const char *name_of(struct asp_ctx *ctx, asp_node e, const char *fallback)
{
	unsigned guard;

	e = strip_casts(ctx, e);
	/* &x, &s.f, &p[2], p + 1: the object underneath */
	for (guard = 0; guard < 8; guard++) {
		if (asp_node_kind(e) != ASP_NODE_UNARY_OP && asp_node_kind(e) != ASP_NODE_SUBSCRIPT &&
		    asp_node_kind(e) != ASP_NODE_BINARY_OP)
			break;
		e = strip_casts(ctx, asp_node_child(ctx, e, 0));
	}
	switch (asp_node_kind(e)) {
	case ASP_NODE_DECL_REF: case ASP_NODE_MEMBER_REF: case ASP_NODE_STRING_LITERAL:
		return asp_node_spelling(ctx, e);
	default:
		return fallback;
	}
}

/* A named object (variable or parameter), not a pointer to one. */
static int is_object(struct asp_ctx *ctx, asp_node e)
{
	enum asp_node_kind k;

	if (asp_node_kind(e) != ASP_NODE_DECL_REF)
		return 0;
	k = asp_node_kind(asp_node_referenced(ctx, e));
	return k == ASP_NODE_VAR || k == ASP_NODE_PARAM;
}

/* An array object: a variable or member of array type. Parameters are pointers. */
static int is_array(struct asp_ctx *ctx, asp_node e)
{
	struct asp_type t;

	e = asp_node_strip(ctx, e);
	if (asp_node_kind(e) == ASP_NODE_DECL_REF) {
		if (asp_node_kind(asp_node_referenced(ctx, e)) != ASP_NODE_VAR)
			return 0;
	} else if (asp_node_kind(e) != ASP_NODE_MEMBER_REF) {
		return 0;
	}
	return asp_node_type(ctx, e, &t) && (t.flags & ASP_TYPE_ARRAY);
}

/* What is wrong with the argument, or NULL when it may come from an allocator. */
static const char *problem(struct asp_ctx *ctx, asp_node a)
{
	long long v;

	a = strip_casts(ctx, a);
	switch (asp_node_kind(a)) {
	case ASP_NODE_STRING_LITERAL:
		return "a string literal";
	case ASP_NODE_DECL_REF: case ASP_NODE_MEMBER_REF:
		return is_array(ctx, a) ? "an array" : NULL;
	case ASP_NODE_UNARY_OP: {
		asp_node o;

		if (asp_node_operator(ctx, a) != ASP_OP_ADDR_OF)
			return NULL;
		o = asp_node_strip(ctx, asp_node_child(ctx, a, 0));
		if (is_object(ctx, o))
			return "the address of a variable";
		if (asp_node_kind(o) == ASP_NODE_MEMBER_REF) {
			asp_node base = asp_node_strip(ctx, asp_node_child(ctx, o, 0));
			struct asp_type bt;

			/* s.f of a named struct; p->f may be the block itself */
			if (is_object(ctx, base) && asp_node_type(ctx, base, &bt) &&
			    (bt.flags & ASP_TYPE_RECORD))
				return "the address of a member of a variable";
			return NULL;
		}
		if (asp_node_kind(o) == ASP_NODE_SUBSCRIPT) {
			asp_node base = asp_node_child(ctx, o, 0);

			if (is_array(ctx, base))
				return "the address of an array element";
			if (asp_node_int_value(ctx, asp_node_child(ctx, o, 1), &v) && v > 0)
				return "a pointer past the start of the block";
		}
		return NULL;
	}
	case ASP_NODE_BINARY_OP: {
		enum asp_op op = asp_node_operator(ctx, a);
		asp_node l = asp_node_child(ctx, a, 0), r = asp_node_child(ctx, a, 1);

		if (op != ASP_OP_ADD && op != ASP_OP_SUB)
			return NULL;
		if (is_array(ctx, l) || (op == ASP_OP_ADD && is_array(ctx, r)))
			return "a pointer into an array";
		if (op == ASP_OP_ADD && ((asp_node_int_value(ctx, r, &v) && v > 0) ||
					 (asp_node_int_value(ctx, l, &v) && v > 0)))
			return "a pointer past the start of the block";
		return NULL;
	}
	default:
		return NULL;
	}
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	const char *name = asp_node_callee_name(ctx, n), *why;
	unsigned i;

	if (!name)
		return ASP_WALK_CONTINUE;
	if (strncmp(name, "__builtin_", 10) == 0)
		name += 10;
	for (i = 0; frees[i]; i++)
		if (strcmp(frees[i], name) == 0)
			break;
	if (!frees[i] || asp_node_arg_count(ctx, n) != 1)
		return ASP_WALK_CONTINUE;
	why = problem(ctx, asp_node_arg(ctx, n, 0));
	if (why)
		asp_report(ctx, n, RULE,
			   "%s() is given %s ('%s'), which no allocator returned",
			   frees[i], why, name_of(ctx, asp_node_arg(ctx, n, 0), "?"));
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_free_nonheap = {
	.abi_version = ASP_ABI_VERSION,
	.name = "free_nonheap",
	.kinds = kinds,
	.enter = enter,
};
