/*
 * MDS-MEM-001: a pointer is dereferenced or passed on after it was released on some path (copies of it count).
 * Reads the shared mem model of the flow engine (flow/dataflow.h); one
 * finding per event of the completed fixpoint.
 */
#include "asepsis/checker.h"
#include "flow/dataflow.h"

static void func_end(struct asp_ctx *ctx, asp_node fn)
{
	const struct flow_event *ev;
	unsigned n = flow_mem_events(ctx, fn, &ev), i;

	for (i = 0; i < n; i++) {
		const struct flow_event *e = &ev[i];

		if (!(e->kind == FLOW_EV_USE_FREED))
			continue;
		asp_report(ctx, e->node, "MDS-MEM-001",
			   "'%s' is used after it was released on some path",
			   e->var ? e->var : "?");
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_use_after_free = {
	.abi_version = ASP_ABI_VERSION,
	.name = "use_after_free",
	.kinds = kinds,
	.func_end = func_end,
};
