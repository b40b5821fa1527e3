/*
 * MDS-INIT-001: a local scalar or pointer read before any write on some
 * path (the -Wsometimes-uninitialized idea). Own lattice: one "may be
 * uninitialised" byte per tracked variable; &x counts as a write (the
 * callee may initialise it). Arrays and structs are not reported.
 */
#include "asepsis/checker.h"
#include "flow/dataflow.h"

#include <string.h>

/* per variable: U may be uninitialised, I may be initialised */
#define U 1u
#define I 2u
#define G 4u    /* maybe uninitialised, but a branch on another condition was taken since */

struct ui {
	struct asp_ctx *ctx;
	unsigned char *tracked;
	unsigned char *loop_written;  /* written (not read-modify-write) inside a loop */
	unsigned *first;             /* per variable: earliest reading element + 1 */
	size_t n;
};

static void join(void *user, void *dst, const void *src)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	size_t i, n = ((struct ui *)user)->n;

	for (i = 0; i < n; i++)
		d[i] |= s[i];
}

static void transfer(void *user, void *state, const struct cfg *g, unsigned eid, int report)
{
	struct ui *u = user;
	unsigned char *st = state;
	const struct cfg_elem *e = &g->elems[eid];

	if (e->var < 0 || !u->tracked[e->var])
		return;
	if (e->flags & CFG_EF_DECL) {
		st[e->var] = (e->flags & CFG_EF_INIT) ? I : U;
		return;
	}
	if (asp_node_kind(e->node) != ASP_NODE_DECL_REF)
		return;
	switch (e->use) {
	case CFG_USE_WRITE:
	case CFG_USE_ADDR:
	case CFG_USE_MEMBER:
		st[e->var] = I;
		break;
	default:
		/* definitely uninitialised, or maybe while no loop writes it: values
		   carried round a loop by a flag (`if (first || v < best)`) stay quiet,
		   as with the compiler's -Wsometimes-uninitialized */
		if ((st[e->var] & U) && (!(st[e->var] & I) || !u->loop_written[e->var])) {
			/* one finding per variable, like the compiler: the earliest read */
			if (report && (!u->first[e->var] || eid + 1 < u->first[e->var]))
				u->first[e->var] = eid + 1;
		}
		st[e->var] = I;
		break;
	}
}

/* Blocks between a loop head and the source of a back edge to it (in reverse
   post-order) are taken as the loop's body: exact for structured code. */
static void mark_loop_writes(struct asp_ctx *ctx, const struct cfg *g, unsigned char *out)
{
	unsigned b, k, h, nl = 0;
	unsigned *lo = flow_alloc(ctx, (g->nblocks + 1) * sizeof *lo);
	unsigned *hi = flow_alloc(ctx, (g->nblocks + 1) * sizeof *hi);

	if (!lo || !hi)
		return;
	for (h = 0; h < g->nblocks; h++) {
		const struct cfg_block *hb = &g->blocks[h];

		if (!hb->loop_head || hb->rpo == (unsigned)-1)
			continue;
		lo[nl] = hi[nl] = hb->rpo;
		for (k = 0; k < hb->npred; k++) {
			unsigned r = g->blocks[g->edges[g->pred_edges[hb->pred + k]].from].rpo;

			if (r != (unsigned)-1 && r > hi[nl])
				hi[nl] = r;
		}
		nl++;
	}
	for (b = 0; b < g->nblocks && nl; b++) {
		const struct cfg_block *bl = &g->blocks[b];
		int in_loop = 0;

		if (bl->rpo == (unsigned)-1)
			continue;
		for (h = 0; h < nl && !in_loop; h++)
			in_loop = bl->rpo >= lo[h] && bl->rpo <= hi[h];
		if (!in_loop)
			continue;
		for (k = 0; k < bl->nelems; k++) {
			const struct cfg_elem *e = &g->elems[bl->first + k];

			if (e->var >= 0 && (e->use == CFG_USE_WRITE || e->use == CFG_USE_ADDR))
				out[e->var] = 1;
		}
	}
}

/* `if (c) x = 1; ... if (c) use(x)`: the second branch may be the same
   decision, so a maybe-uninitialised value under it is not reported. */
static int refine(void *user, void *state, const struct cfg *g, const struct cfg_edge *e)
{
	struct ui *u = user;
	unsigned char *st = state;
	size_t i;

	if (g->blocks[e->from].loop_head)
		return 1;
	for (i = 0; i < u->n; i++)
		if ((st[i] & U) && (st[i] & I))
			st[i] = (unsigned char)((st[i] & ~U) | G);
	return 1;
}

static void func_end(struct asp_ctx *ctx, asp_node fn)
{
	const struct cfg *g = flow_cfg(ctx, fn);
	struct ui u;
	struct flow_ops ops;
	unsigned i, any = 0;

	if (!g || !g->nvars)
		return;
	u.ctx = ctx;
	u.n = g->nvars;
	u.tracked = flow_alloc(ctx, g->nvars);
	u.first = flow_alloc(ctx, g->nvars * sizeof *u.first);
	u.loop_written = flow_alloc(ctx, g->nvars);
	if (!u.tracked || !u.first || !u.loop_written)
		return;
	mark_loop_writes(ctx, g, u.loop_written);
	for (i = 0; i < g->nvars; i++) {
		unsigned f = g->vars[i].flags;

		u.tracked[i] = (f & (CFG_VAR_INTEGER | CFG_VAR_POINTER)) &&
				   !(f & (CFG_VAR_PARAM | CFG_VAR_STATIC | CFG_VAR_VOLATILE));
		any |= u.tracked[i];
	}
	if (!any)
		return;
	memset(&ops, 0, sizeof ops);
	ops.state_size = g->nvars;
	ops.join = join;
	ops.transfer = transfer;
	ops.refine = refine;
	if (flow_solve(ctx, g, &ops, &u, NULL) != 0)
		return;
	for (i = 0; i < g->nvars; i++)
		if (u.first[i])
			asp_report(ctx, g->elems[u.first[i] - 1].node, "MDS-INIT-001",
				   "'%s' is read before it is initialised on some path",
				   g->vars[i].name);
}

static const int kinds[] = { 0 };

const struct asp_checker check_uninit_read = {
	.abi_version = ASP_ABI_VERSION,
	.name = "uninit_read",
	.kinds = kinds,
	.func_end = func_end,
};
