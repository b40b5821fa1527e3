/*
 * MDS-BND-001: a constant index outside a fixed-size array (a[N], a[-1]).
 * Silent for pointers, parameters, struct members of length 0 or 1 (flexible
 * member idiom), &a[N] (one past the end), and indexes in sizeof or in a
 * branch that a constant condition disables.
 */
#include "asepsis/checker.h"

#define RULE "MDS-BND-001"

static int is_address_taken(struct asp_ctx *ctx)
{
	unsigned i;

	for (i = 0; i < 16; i++) {
		asp_node p = asp_ctx_parent(ctx, i);

		if (asp_node_kind(p) == ASP_NODE_PAREN)
			continue;
		return asp_node_kind(p) == ASP_NODE_UNARY_OP &&
		       asp_node_operator(ctx, p) == ASP_OP_ADDR_OF;
	}
	return 0;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	asp_node base, index;
	struct asp_type t;
	long long v;

	if (asp_node_child_count(ctx, n) != 2)
		return ASP_WALK_CONTINUE;
	base = asp_node_strip(ctx, asp_node_child(ctx, n, 0));
	index = asp_node_child(ctx, n, 1);
	if (!asp_node_type(ctx, base, &t))
		return ASP_WALK_CONTINUE;
	if (t.flags & ASP_TYPE_INTEGER) {
		/* 2[a] */
		asp_node tmp = asp_node_child(ctx, n, 0);

		base = asp_node_strip(ctx, index);
		index = tmp;
		if (!asp_node_type(ctx, base, &t))
			return ASP_WALK_CONTINUE;
	}
	if (!(t.flags & ASP_TYPE_ARRAY) || (t.flags & ASP_TYPE_VLA) || t.array_len <= 0)
		return ASP_WALK_CONTINUE;
	if (asp_node_kind(base) == ASP_NODE_DECL_REF &&
	    asp_node_kind(asp_node_referenced(ctx, base)) != ASP_NODE_VAR)
		return ASP_WALK_CONTINUE;   /* parameters are pointers */
	if (asp_node_kind(base) == ASP_NODE_MEMBER_REF && t.array_len <= 1)
		return ASP_WALK_CONTINUE;   /* struct hack: trailing x[1] */
	if (!asp_node_int_value(ctx, index, &v))
		return ASP_WALK_CONTINUE;
	if (v >= 0 && v < t.array_len)
		return ASP_WALK_CONTINUE;
	if (v == t.array_len && is_address_taken(ctx))
		return ASP_WALK_CONTINUE;
	if (asp_ctx_not_evaluated(ctx, n))
		return ASP_WALK_CONTINUE;
	if (asp_node_kind(base) == ASP_NODE_DECL_REF || asp_node_kind(base) == ASP_NODE_MEMBER_REF)
		asp_report(ctx, n, RULE,
			   "index %lld is outside '%s', which has %lld element%s (valid: 0 to %lld)",
			   v, asp_node_spelling(ctx, base), t.array_len,
			   t.array_len == 1 ? "" : "s", t.array_len - 1);
	else
		asp_report(ctx, n, RULE,
			   "index %lld is outside an array of %lld element%s (valid: 0 to %lld)",
			   v, t.array_len, t.array_len == 1 ? "" : "s", t.array_len - 1);
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_SUBSCRIPT, 0 };

const struct asp_checker check_const_index = {
	.abi_version = ASP_ABI_VERSION,
	.name = "const_index",
	.kinds = kinds,
	.enter = enter,
};
