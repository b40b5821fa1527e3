/*
 * What dataflow.c shares with the model files (memmodel.c, rangemodel.c):
 * the per-function cache and the event list. Internal to checkers/flow/.
 */
#ifndef ASP_FLOW_PRIV_H
#define ASP_FLOW_PRIV_H

#include "flow/dataflow.h"
#include "base/arena.h"
#include "core/ctx.h"

struct flow_fn {
	asp_node fn;
	struct arena *arena;        /* everything below; dropped at function end */
	struct cfg *cfg;
	int built, limited;
	int mem_done, range_done;
	struct flow_event *mem_ev, *range_ev;
	unsigned nmem, nrange;
};

struct flow_evlist {
	struct flow_event *v;
	unsigned n, cap;
};

/* Records one "flow-limit" notice for the current function and marks it skipped. */
void flow_limit(struct asp_ctx *ctx, const char *why);
/* Appends to an event list in the function arena; drops events past 4096. */
void flow_ev_push(struct asp_ctx *ctx, struct flow_evlist *l, const struct flow_event *ev);

#endif
