/*
 * MDS-MEM-004: the result of an allocator is dereferenced on a path where it was not checked against NULL.
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

		if (!(e->kind == FLOW_EV_NULL_DEREF && e->src == FLOW_NULL_ALLOC))
			continue;
		asp_report(ctx, e->node, "MDS-MEM-004",
			   "'%s' comes from the allocation at line %u and may be NULL: "
			   "it is used before a NULL check", e->var ? e->var : "?", e->line);
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_unchecked_alloc_flow = {
	.abi_version = ASP_ABI_VERSION,
	.name = "unchecked_alloc_flow",
	.kinds = kinds,
	.func_end = func_end,
};
