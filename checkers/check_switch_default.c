/*
 * MDS-CTL-001: a switch statement without a default label. Out-of-range
 * values (corrupted memory, unvalidated input, a new enumerator) then fall
 * through silently. Only labels that belong to this switch count: a default
 * of a nested switch does not.
 */
#include "asepsis/checker.h"

static int has_own_default(struct asp_ctx *ctx, asp_node n, unsigned depth)
{
	unsigned i, count;

	if (depth > 256)
		return 1;   /* too deep to tell: stay silent */
	count = asp_node_child_count(ctx, n);
	for (i = 0; i < count; i++) {
		asp_node c = asp_node_child(ctx, n, i);

		switch (asp_node_kind(c)) {
		case ASP_NODE_DEFAULT:
			return 1;
		case ASP_NODE_SWITCH:
			break;   /* its labels are its own */
		case ASP_NODE_COMPOUND: case ASP_NODE_CASE: case ASP_NODE_LABEL:
		case ASP_NODE_IF: case ASP_NODE_WHILE: case ASP_NODE_DO:
		case ASP_NODE_FOR:
			if (has_own_default(ctx, c, depth + 1))
				return 1;
			/* asp_node_child may reuse its cache: fetch the count again */
			count = asp_node_child_count(ctx, n);
			break;
		default:
			break;
		}
	}
	return 0;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	if (!has_own_default(ctx, n, 0))
		asp_report(ctx, n, "MDS-CTL-001",
			   "switch statement has no default label; unexpected values are "
			   "silently ignored");
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_SWITCH, 0 };

const struct asp_checker check_switch_default = {
	.abi_version = ASP_ABI_VERSION,
	.name = "switch_default",
	.kinds = kinds,
	.enter = enter,
};
