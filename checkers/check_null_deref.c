/*
 * MDS-PTR-004: a pointer that is NULL on some path (assigned NULL, the null branch of a check, or an unchecked fopen-style result) is dereferenced.
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

		if (!(e->kind == FLOW_EV_NULL_DEREF && e->src != FLOW_NULL_ALLOC))
			continue;
		if (e->src == FLOW_NULL_OPEN)
			asp_report(ctx, e->node, "MDS-PTR-004",
				   "'%s' may be NULL here: the result of the call at line %u "
				   "is used without a check", e->var ? e->var : "?", e->line);
		else
			asp_report(ctx, e->node, "MDS-PTR-004",
				   "'%s' is NULL on some path reaching this dereference",
				   e->var ? e->var : "?");
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_null_deref = {
	.abi_version = ASP_ABI_VERSION,
	.name = "null_deref",
	.kinds = kinds,
	.func_end = func_end,
};
