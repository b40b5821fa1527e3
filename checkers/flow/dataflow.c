/*
 * The per-function flow cache (CFG, shared model results) and the forward
 * worklist solver. Owns one arena per function, dropped by flow_func_end.
 * Never reports: findings leave through the checkers; limits become one
 * "flow-limit" notification per function.
 */
#include "flow/dataflow.h"
#include "flow/flow_priv.h"
#include "core/ctx.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define FN_ARENA_MAX ((size_t)256 << 20)

static struct flow_fn *fn_cache(struct asp_ctx *ctx, asp_node fn)
{
	struct flow_fn *f = ctx->flow;

	if (f && asp_node_equal(f->fn, fn))
		return f;
	flow_func_end(ctx);
	f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->fn = fn;
	f->arena = arena_new(FN_ARENA_MAX);
	if (!f->arena) {
		free(f);
		return NULL;
	}
	ctx->flow = f;
	return f;
}

void flow_func_end(struct asp_ctx *ctx)
{
	struct flow_fn *f = ctx->flow;

	if (!f)
		return;
	arena_free(f->arena);
	free(f);
	ctx->flow = NULL;
}

void flow_limit(struct asp_ctx *ctx, const char *why)
{
	struct flow_fn *f = ctx->flow;
	struct asp_loc loc;
	const char *name;

	if (!f || f->limited)
		return;
	f->limited = 1;
	name = asp_node_spelling(ctx, f->fn);
	if (!asp_node_location(ctx, f->fn, &loc))
		memset(&loc, 0, sizeof loc);
	analyze_result_notice(ctx->res, ASP_NOTICE_WARNING, "flow-limit", loc.file, loc.line,
			      loc.column, "function '%s' was not analysed by the flow rules: %s",
			      name ? name : "?", why);
}

const struct cfg *flow_cfg(struct asp_ctx *ctx, asp_node fn)
{
	struct flow_fn *f = fn_cache(ctx, fn);
	const char *why = NULL;
	int rc;

	if (!f || f->limited)
		return NULL;
	if (f->built)
		return f->cfg;
	f->built = 1;
	rc = cfg_build(ctx, f->arena, fn, &f->cfg, &why);
	if (rc == ASP_ELIMIT) {
		flow_limit(ctx, why ? why : "too large");
		f->cfg = NULL;
	} else if (rc) {
		flow_limit(ctx, "out of memory");
		f->cfg = NULL;
	}
	return f->cfg;
}

void *flow_alloc(struct asp_ctx *ctx, size_t size)
{
	struct flow_fn *f = ctx->flow;

	return f ? arena_alloc(f->arena, size) : NULL;
}

/* --- solver -------------------------------------------------------------- */

static int st_equal(const struct flow_ops *ops, void *user, const void *a, const void *b)
{
	if (ops->equal)
		return ops->equal(user, a, b);
	return memcmp(a, b, ops->state_size) == 0;
}

int flow_solve(struct asp_ctx *ctx, const struct cfg *g, const struct flow_ops *ops,
	       void *user, const void **exit_state)
{
	size_t sz = ops->state_size ? ops->state_size : 1;
	unsigned nb = g->nblocks, i, work = 0;
	unsigned char **in = NULL, *cur = NULL, *tmp = NULL, *prev = NULL;
	unsigned *visits = NULL, *queue = NULL;
	unsigned char *queued = NULL;
	unsigned qn = 0;
	int rc = ASP_OK;

	if (exit_state)
		*exit_state = NULL;
	in = calloc(nb, sizeof *in);
	visits = calloc(nb, sizeof *visits);
	queued = calloc(nb, 1);
	queue = calloc((size_t)nb + 1, sizeof *queue);
	cur = malloc(sz);
	tmp = malloc(sz);
	prev = malloc(sz);
	if (!in || !visits || !queued || !queue || !cur || !tmp || !prev) {
		rc = ASP_ENOMEM;
		goto done;
	}
	in[g->entry] = flow_alloc(ctx, sz);
	if (!in[g->entry]) {
		rc = ASP_ENOMEM;
		goto done;
	}
	if (ops->entry)
		ops->entry(user, in[g->entry]);
	/* the queue is kept as a set; blocks are taken in reverse post-order */
	queued[g->entry] = 1;
	qn = 1;
	while (qn) {
		unsigned b = UINT_MAX, best = UINT_MAX, k;
		const struct cfg_block *bl;

		for (k = 0; k < g->norder; k++) {
			unsigned v = g->order[k];

			if (queued[v]) {
				b = v;
				best = k;
				break;
			}
		}
		if (b == UINT_MAX)
			break;
		(void)best;
		queued[b] = 0;
		qn--;
		bl = &g->blocks[b];
		memcpy(cur, in[b], sz);
		for (k = 0; k < bl->nelems; k++)
			ops->transfer(user, cur, g, bl->first + k, 0);
		work += bl->nelems + 1;
		if (work > FLOW_MAX_WORK) {
			rc = ASP_ELIMIT;
			flow_limit(ctx, "the dataflow work bound was reached");
			goto done;
		}
		for (k = 0; k < bl->nsucc; k++) {
			const struct cfg_edge *e = &g->edges[bl->succ + k];
			unsigned t = e->to;

			memcpy(tmp, cur, sz);
			if (e->kind != CFG_EDGE_NORMAL && ops->refine && !ops->refine(user, tmp, g, e))
				continue;
			if (!in[t]) {
				in[t] = flow_alloc(ctx, sz);
				if (!in[t]) {
					rc = ASP_ENOMEM;
					goto done;
				}
				memcpy(in[t], tmp, sz);
			} else {
				memcpy(prev, in[t], sz);
				ops->join(user, in[t], tmp);
				if (g->blocks[t].loop_head && ops->widen &&
				    visits[t] > FLOW_WIDEN_AFTER)
					ops->widen(user, in[t], prev);
				if (st_equal(ops, user, prev, in[t]))
					continue;
			}
			visits[t]++;
			if (!queued[t]) {
				queued[t] = 1;
				qn++;
			}
		}
	}
	/* the final pass: each reachable element once, from the fixpoint */
	for (i = 0; i < g->norder; i++) {
		unsigned b = g->order[i], k;
		const struct cfg_block *bl = &g->blocks[b];

		if (!in[b] || b == g->exit)
			continue;
		memcpy(cur, in[b], sz);
		for (k = 0; k < bl->nelems; k++)
			ops->transfer(user, cur, g, bl->first + k, 1);
	}
	if (exit_state)
		*exit_state = in[g->exit];
done:
	free(in);
	free(visits);
	free(queued);
	free(queue);
	free(cur);
	free(tmp);
	free(prev);
	return rc;
}

/* --- helpers ------------------------------------------------------------- */

asp_node flow_strip(struct asp_ctx *ctx, asp_node n)
{
	unsigned guard = 0;

	n = asp_node_strip(ctx, n);
	while (guard++ < 32 && (asp_node_kind(n) == ASP_NODE_CAST ||
				asp_node_kind(n) == ASP_NODE_IMPLICIT ||
				asp_node_kind(n) == ASP_NODE_PAREN)) {
		unsigned c = asp_node_child_count(ctx, n), i;
		asp_node inner;

		memset(&inner, 0, sizeof inner);
		for (i = 0; i < c; i++) {
			asp_node k = asp_node_child(ctx, n, i);

			if (asp_node_kind(k) != ASP_NODE_TYPE_REF &&
			    asp_node_kind(k) != ASP_NODE_UNKNOWN)
				inner = k;
		}
		if (asp_node_is_null(inner) || (asp_node_kind(n) != ASP_NODE_CAST && c != 1))
			break;
		n = asp_node_strip(ctx, inner);
	}
	return n;
}

int flow_node_var(struct asp_ctx *ctx, const struct cfg *g, unsigned eid, asp_node n)
{
	unsigned k, lo;

	n = flow_strip(ctx, n);
	if (asp_node_kind(n) != ASP_NODE_DECL_REF)
		return -1;
	lo = eid > 256 ? eid - 256 : 0;
	for (k = eid + 1; k-- > lo;)
		if (g->elems[k].var >= 0 && asp_node_kind(g->elems[k].node) == ASP_NODE_DECL_REF &&
		    asp_node_equal(g->elems[k].node, n))
			return g->elems[k].var;
	return -1;
}

unsigned flow_line(struct asp_ctx *ctx, asp_node n)
{
	struct asp_loc loc;

	if (!asp_node_location(ctx, n, &loc))
		return 0;
	return loc.line;
}

unsigned flow_resource_pair(struct asp_ctx *ctx, unsigned i, const char **open,
			    const char **close)
{
	const struct analyze_options *o = ctx->opts;

	if (!o || !o->resource_open || !o->resource_close)
		return 0;
	if (i < o->nresource_pairs) {
		*open = o->resource_open[i];
		*close = o->resource_close[i];
	}
	return o->nresource_pairs;
}

void flow_ev_push(struct asp_ctx *ctx, struct flow_evlist *l, const struct flow_event *ev)
{
	if (l->n == l->cap) {
		unsigned ncap = l->cap ? l->cap * 2 : 16;
		struct flow_event *p;

		if (ncap > 4096)
			return;
		p = flow_alloc(ctx, ncap * sizeof *p);
		if (!p)
			return;
		if (l->n)
			memcpy(p, l->v, l->n * sizeof *p);
		l->v = p;
		l->cap = ncap;
	}
	l->v[l->n++] = *ev;
}
