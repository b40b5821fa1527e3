/*
 * MDS-INT-004: a divisor that is zero on some path (a constant 0, a variable set to 0 and not changed, or the zero branch of a check).
 * Reads the shared range model of the flow engine (flow/dataflow.h); one
 * finding per event of the completed fixpoint.
 */
#include "asepsis/checker.h"
#include "flow/dataflow.h"

static void func_end(struct asp_ctx *ctx, asp_node fn)
{
	const struct flow_event *ev;
	unsigned n = flow_range_events(ctx, fn, &ev), i;

	for (i = 0; i < n; i++) {
		const struct flow_event *e = &ev[i];

		if (!(e->kind == FLOW_EV_DIV_ZERO))
			continue;
		asp_report(ctx, e->node, "MDS-INT-004",
			   "the divisor is zero on some path reaching this division");
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_div_zero = {
	.abi_version = ASP_ABI_VERSION,
	.name = "div_zero",
	.kinds = kinds,
	.func_end = func_end,
};
