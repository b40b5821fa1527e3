/*
 * MDS-MEM-008: `p = realloc(p, n)`. When realloc fails it returns NULL and
 * leaves the old block allocated; the assignment has just overwritten the
 * only pointer to it, so the block leaks (and the data is lost). Flags the
 * assignment when its target and realloc's first argument are the same
 * variable or member expression; reallocf, which frees on failure, is fine.
 */
#include "asepsis/checker.h"

#include <string.h>

#define RULE "MDS-MEM-008"

static const char *const reallocs[] = {
	"realloc", "reallocarray", "rt_realloc", "k_realloc", NULL
};

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
	/* rows[i], *slot: the array or pointer underneath (an element of rows[]) */
	for (guard = 0; guard < 8; guard++) {
		if (asp_node_kind(e) != ASP_NODE_UNARY_OP && asp_node_kind(e) != ASP_NODE_SUBSCRIPT)
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

/* Two lvalues naming the same object: p, s.f, s->f, *p, a[2], a.b[1].c. */
static int same_object(struct asp_ctx *ctx, asp_node a, asp_node b, unsigned depth)
{
	a = strip_casts(ctx, a);
	b = strip_casts(ctx, b);
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
	case ASP_NODE_SUBSCRIPT: {
		long long ia, ib;
		asp_node xa = asp_node_child(ctx, a, 1), xb = asp_node_child(ctx, b, 1);

		if (asp_node_int_value(ctx, xa, &ia) && asp_node_int_value(ctx, xb, &ib)) {
			if (ia != ib)
				return 0;
		} else if (!same_object(ctx, xa, xb, depth + 1)) {
			return 0;   /* a[i] and a[i]: same index variable */
		}
		return same_object(ctx, asp_node_child(ctx, a, 0), asp_node_child(ctx, b, 0),
				   depth + 1);
	}
	default:
		return 0;
	}
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	asp_node rhs, first, lhs;
	const char *name;
	unsigned i;

	if (asp_node_operator(ctx, n) != ASP_OP_ASSIGN)
		return ASP_WALK_CONTINUE;
	rhs = strip_casts(ctx, asp_node_child(ctx, n, 1));
	if (asp_node_kind(rhs) != ASP_NODE_CALL)
		return ASP_WALK_CONTINUE;
	name = asp_node_callee_name(ctx, rhs);
	if (!name)
		return ASP_WALK_CONTINUE;
	if (strncmp(name, "__builtin_", 10) == 0)
		name += 10;
	for (i = 0; reallocs[i]; i++)
		if (strcmp(reallocs[i], name) == 0)
			break;
	if (!reallocs[i])
		return ASP_WALK_CONTINUE;
	first = asp_node_arg(ctx, rhs, 0);
	if (asp_node_is_null(first) || !same_object(ctx, asp_node_child(ctx, n, 0), first, 0))
		return ASP_WALK_CONTINUE;
	lhs = strip_casts(ctx, asp_node_child(ctx, n, 0));
	asp_report(ctx, n, RULE,
		   "%s'%s' is overwritten with the result of %s(): when it fails and "
		   "returns NULL the original block leaks; assign to a temporary first",
		   asp_node_kind(lhs) == ASP_NODE_SUBSCRIPT ? "an element of " : "",
		   name_of(ctx, lhs, "pointer"), reallocs[i]);
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_BINARY_OP, 0 };

const struct asp_checker check_realloc_self = {
	.abi_version = ASP_ABI_VERSION,
	.name = "realloc_self",
	.kinds = kinds,
	.enter = enter,
};
