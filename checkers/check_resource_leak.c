/*
 * MDS-FIO-002: a file, stream, directory, socket or configured resource is not closed, returned or stored before some exit.
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

		if (!(e->kind == FLOW_EV_LEAK && e->resource))
			continue;
		asp_report(ctx, e->node, "MDS-FIO-002",
			   "the handle from %s() in '%s' is not released on some path to the "
			   "function's exit", e->what ? e->what : "an open call",
			   e->var ? e->var : "?");
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_resource_leak = {
	.abi_version = ASP_ABI_VERSION,
	.name = "resource_leak",
	.kinds = kinds,
	.func_end = func_end,
};
