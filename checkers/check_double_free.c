/*
 * MDS-MEM-002: a pointer (or a copy of it) is released twice along one path.
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

		if (!(e->kind == FLOW_EV_DOUBLE_FREE))
			continue;
		asp_report(ctx, e->node, "MDS-MEM-002",
			   "'%s' may already have been released on a path reaching this %s()",
			   e->var ? e->var : "?", e->what ? e->what : "release");
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_double_free = {
	.abi_version = ASP_ABI_VERSION,
	.name = "double_free",
	.kinds = kinds,
	.func_end = func_end,
};
