/*
 * MDS-INIT-001: a local scalar or pointer read before any write on some
 * path (the -Wsometimes-uninitialized idea). Own lattice: one "may be
 * uninitialised" byte per tracked variable; &x counts as a write (the
 * callee may initialise it). Arrays and structs are not reported.
 */
#include "asepsis/checker.h"
#include "flow/dataflow.h"

#include <string.h>

struct ui {
	struct asp_ctx *ctx;
	unsigned char *tracked;
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
		st[e->var] = !(e->flags & CFG_EF_INIT);
		return;
	}
	if (asp_node_kind(e->node) != ASP_NODE_DECL_REF)
		return;
	switch (e->use) {
	case CFG_USE_WRITE:
	case CFG_USE_ADDR:
	case CFG_USE_MEMBER:
		st[e->var] = 0;
		break;
	default:
		if (st[e->var]) {
			/* one finding per variable, like the compiler: the earliest read */
			if (report && (!u->first[e->var] || eid + 1 < u->first[e->var]))
				u->first[e->var] = eid + 1;
			st[e->var] = 0;
		}
		break;
	}
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
	if (!u.tracked || !u.first)
		return;
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
