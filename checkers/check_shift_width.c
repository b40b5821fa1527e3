/*
 * MDS-INT-003: a shift by a constant count that is negative or not below the
 * width of the promoted left operand (1u << 32, x >> -1): undefined in C, and
 * ARM and x86 give different results. Only constant counts are judged; shifts
 * in sizeof or in a branch a constant condition disables are ignored.
 */
#include "asepsis/checker.h"

#define RULE "MDS-INT-003"

static int enter(struct asp_ctx *ctx, asp_node n)
{
	enum asp_op op = asp_node_operator(ctx, n);
	struct asp_type t, rt;
	unsigned width;
	long long v;

	if (op != ASP_OP_SHL && op != ASP_OP_SHR && op != ASP_OP_SHL_ASSIGN &&
	    op != ASP_OP_SHR_ASSIGN)
		return ASP_WALK_CONTINUE;
	if (!asp_node_int_value(ctx, asp_node_child(ctx, n, 1), &v))
		return ASP_WALK_CONTINUE;
	if (asp_node_kind(n) == ASP_NODE_BINARY_OP) {
		/* the type of a shift is its promoted left operand */
		if (!asp_node_type(ctx, n, &t) || !(t.flags & ASP_TYPE_INTEGER) || !t.bits)
			return ASP_WALK_CONTINUE;
		width = t.bits;
	} else {
		unsigned int_bits = 32;

		if (!asp_node_type(ctx, asp_node_child(ctx, n, 0), &t) ||
		    !(t.flags & ASP_TYPE_INTEGER) || !t.bits)
			return ASP_WALK_CONTINUE;
		/* the count is promoted too: its width is at least that of int */
		if (asp_node_type(ctx, asp_node_child(ctx, n, 1), &rt) && rt.bits &&
		    rt.bits < int_bits)
			int_bits = rt.bits;
		width = t.bits > int_bits ? t.bits : int_bits;
	}
	if (v >= 0 && v < (long long)width)
		return ASP_WALK_CONTINUE;
	if (asp_ctx_not_evaluated(ctx, n))
		return ASP_WALK_CONTINUE;
	if (v < 0)
		asp_report(ctx, n, RULE, "shift by a negative count (%lld) is undefined", v);
	else
		asp_report(ctx, n, RULE,
			   "shift by %lld is undefined for a %u-bit operand (%s); the count "
			   "must be below %u", v, width, t.spelling ? t.spelling : "integer", width);
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_BINARY_OP, ASP_NODE_COMPOUND_ASSIGN, 0 };

const struct asp_checker check_shift_width = {
	.abi_version = ASP_ABI_VERSION,
	.name = "shift_width",
	.kinds = kinds,
	.enter = enter,
};
