/*
 * Intraprocedural dataflow for flow checkers: the per-function CFG (built
 * once, shared, dropped at function end), a forward worklist solver over a
 * lattice the checker supplies, and two shared models solved once per
 * function and read by several rules: memory/resources (nullness,
 * allocation, release, escape) and integer ranges (bounds, divisors).
 * Findings come only from a completed fixpoint: when a bound is hit the
 * function gets a "flow-limit" notification and no findings.
 */
#ifndef ASP_FLOW_DATAFLOW_H
#define ASP_FLOW_DATAFLOW_H

#include "asepsis/checker.h"
#include "flow/cfg.h"

/* Work bound per solve: element transfers. */
#define FLOW_MAX_WORK 3000000u
/* Loop heads visited more than this many times are widened. */
#define FLOW_WIDEN_AFTER 3u

/* The graph of function definition fn, built on first use and shared by all
   flow checkers of that function. NULL when the function is skipped (a
   bound was hit: one "flow-limit" notice is recorded) or not analysable. */
const struct cfg *flow_cfg(struct asp_ctx *ctx, asp_node fn);

/* Memory that lives until the current function's flow data is dropped. */
void *flow_alloc(struct asp_ctx *ctx, size_t size);

/* What a checker supplies to run its own analysis. States are state_size
   bytes, zeroed before entry()/use; join, widen and transfer update in place. */
struct flow_ops {
	size_t state_size;
	void (*entry)(void *user, void *state);
	void (*join)(void *user, void *dst, const void *src);
	int (*equal)(void *user, const void *a, const void *b);     /* NULL: memcmp */
	void (*widen)(void *user, void *dst, const void *prev);     /* NULL: none */
	/* report is 1 only in the final pass over the fixpoint (once per element) */
	void (*transfer)(void *user, void *state, const struct cfg *g, unsigned eid,
			 int report);
	/* Narrows the state on a TRUE/FALSE edge; returns 0 if the edge cannot be
	   taken in that state. NULL: no refinement. */
	int (*refine)(void *user, void *state, const struct cfg *g, const struct cfg_edge *e);
};

/* Runs ops to a fixpoint over g, then replays each reachable block once with
   report = 1. *exit_state (may be NULL) receives the state reaching the
   exit block, or NULL when no path returns. Returns ASP_OK, ASP_ELIMIT
   (work bound hit: notice recorded, nothing replayed) or ASP_ENOMEM. */
int flow_solve(struct asp_ctx *ctx, const struct cfg *g, const struct flow_ops *ops,
	       void *user, const void **exit_state);

/* --- shared models ------------------------------------------------------- */

enum flow_event_kind {
	FLOW_EV_NULL_DEREF = 1,  /* src: enum flow_null_src */
	FLOW_EV_USE_FREED,       /* line: where it was released */
	FLOW_EV_DOUBLE_FREE,     /* line: the first release */
	FLOW_EV_LEAK,            /* node: the acquisition; resource: 0 memory, 1 other */
	FLOW_EV_DIV_ZERO,        /* lo, hi: divisor range (FLOW_INF when unbounded) */
	FLOW_EV_INDEX            /* lo, hi: index range; len: array length */
};

enum flow_null_src {
	FLOW_NULL_ALLOC = 1,     /* unchecked result of an allocator */
	FLOW_NULL_OPEN,          /* unchecked result of fopen-style calls */
	FLOW_NULL_EXPLICIT       /* NULL assigned, or the null branch of a check */
};

#define FLOW_INF (1LL << 62)

struct flow_event {
	int kind;                /* enum flow_event_kind */
	asp_node node;           /* what to report */
	const char *var;         /* the variable's name, or NULL */
	const char *what;        /* allocator, opener or releaser name, or NULL */
	int src;                 /* enum flow_null_src */
	int resource;            /* LEAK: 0 memory, 1 file, socket, stream or configured */
	unsigned line;           /* related line (release, acquisition), 0 if unknown */
	long long lo, hi, len;
};

/* Events of the memory and resource model for fn: null dereferences,
   use after release, double release, leaks. Cached per function; *out is
   valid until function end. Returns the count (0 when skipped). */
unsigned flow_mem_events(struct asp_ctx *ctx, asp_node fn, const struct flow_event **out);

/* Events of the integer range model for fn: divisors that are zero on some
   path, constant-size array indexes out of bounds on some path. */
unsigned flow_range_events(struct asp_ctx *ctx, asp_node fn, const struct flow_event **out);

/* --- helpers for checkers ------------------------------------------------- */

/* Parentheses, implicit conversions and explicit casts removed. */
asp_node flow_strip(struct asp_ctx *ctx, asp_node n);
/* The tracked variable a node names (after flow_strip), or -1. eid is the
   element being transferred: the search looks at nearby elements. */
int flow_node_var(struct asp_ctx *ctx, const struct cfg *g, unsigned eid, asp_node n);
/* Line where a node begins, 0 if unknown. */
unsigned flow_line(struct asp_ctx *ctx, asp_node n);
/* Project resource pairs from .asepsis.yml (open, close); returns the count. */
unsigned flow_resource_pair(struct asp_ctx *ctx, unsigned i, const char **open,
			    const char **close);

/* Called by the walk after every function definition: drops the cache. */
void flow_func_end(struct asp_ctx *ctx);

#endif
