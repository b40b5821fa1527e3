/*
 * MDS-BND-007: a constant-size array indexed by a variable whose range on some path lies outside the array.
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

		if (!(e->kind == FLOW_EV_INDEX))
			continue;
		if (e->hi < FLOW_INF && e->lo > -FLOW_INF)
			asp_report(ctx, e->node, "MDS-BND-007",
				   "the index may be %lld..%lld here, outside the %lld elements of the array",
				   e->lo, e->hi, e->len);
		else
			asp_report(ctx, e->node, "MDS-BND-007",
				   "the index may reach %lld here, outside the %lld elements of the array",
				   e->lo < 0 && e->lo > -FLOW_INF ? e->lo : e->hi, e->len);
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_index_range = {
	.abi_version = ASP_ABI_VERSION,
	.name = "index_range",
	.kinds = kinds,
	.func_end = func_end,
};
