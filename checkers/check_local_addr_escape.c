/*
 * MDS-MEM-006: a function returns the address of one of its automatic
 * objects (&local, a local array, or a pointer variable that holds such an
 * address on some path). Own lattice: one "may point into this frame" byte
 * per pointer variable.
 */
#include "asepsis/checker.h"
#include "flow/dataflow.h"

#include <string.h>

enum { K_NONE = 0, K_LOCAL, K_COPY, K_OTHER };

struct la {
	struct asp_ctx *ctx;
	size_t n;
	unsigned char *kind;     /* per element: what the assigned/returned value is */
	int *dst, *src;          /* per element: written variable, copied variable */
};

/* 1 if n (stripped) designates storage of an automatic object of this frame. */
static int is_local_storage(struct asp_ctx *ctx, asp_node n, int want_array)
{
	unsigned guard = 0;

	n = flow_strip(ctx, n);
	while (guard++ < 32) {
		int k = asp_node_kind(n);

		if (k == ASP_NODE_DECL_REF) {
			asp_node d = asp_node_referenced(ctx, n);
			enum asp_storage s = asp_node_storage(ctx, d);
			struct asp_type t;

			if (s != ASP_STORAGE_LOCAL && s != ASP_STORAGE_PARAM)
				return 0;
			if (!want_array)
				return 1;
			return asp_node_type(ctx, d, &t) && (t.flags & ASP_TYPE_ARRAY) &&
			       s == ASP_STORAGE_LOCAL;
		}
		if (k == ASP_NODE_SUBSCRIPT || k == ASP_NODE_MEMBER_REF) {
			asp_node base = flow_strip(ctx, asp_node_child(ctx, n, 0));
			struct asp_type t;

			if (!asp_node_type(ctx, base, &t) || (t.flags & ASP_TYPE_POINTER))
				return 0;   /* p->f, p[i]: not this frame's storage */
			n = base;
			want_array = 0;
			continue;
		}
		return 0;
	}
	return 0;
}

static int classify(struct la *u, const struct cfg *g, unsigned eid, asp_node v, int *src)
{
	struct asp_ctx *ctx = u->ctx;

	v = flow_strip(ctx, v);
	*src = -1;
	if (asp_node_kind(v) == ASP_NODE_UNARY_OP && asp_node_operator(ctx, v) == ASP_OP_ADDR_OF)
		return is_local_storage(ctx, asp_node_child(ctx, v, 0), 0) ? K_LOCAL : K_OTHER;
	if (asp_node_kind(v) == ASP_NODE_MEMBER_REF || asp_node_kind(v) == ASP_NODE_SUBSCRIPT) {
		struct asp_type t;

		if (asp_node_type(ctx, v, &t) && (t.flags & ASP_TYPE_ARRAY) &&
		    is_local_storage(ctx, v, 0))
			return K_LOCAL;
		return K_OTHER;
	}
	if (asp_node_kind(v) == ASP_NODE_DECL_REF) {
		int var = flow_node_var(ctx, g, eid, v);

		if (is_local_storage(ctx, v, 1))
			return K_LOCAL;
		if (var >= 0 && (g->vars[var].flags & CFG_VAR_POINTER)) {
			*src = var;
			return K_COPY;
		}
	}
	return K_OTHER;
}

static void plan(struct la *u, const struct cfg *g, unsigned eid)
{
	const struct cfg_elem *e = &g->elems[eid];
	struct asp_ctx *ctx = u->ctx;
	int k = asp_node_kind(e->node);
	unsigned c;

	u->dst[eid] = u->src[eid] = -1;
	if ((e->flags & CFG_EF_DECL) && e->var >= 0 && (g->vars[e->var].flags & CFG_VAR_POINTER)) {
		u->dst[eid] = e->var;
		u->kind[eid] = K_OTHER;
		if ((e->flags & CFG_EF_INIT) && (c = asp_node_child_count(ctx, e->node)) > 0)
			u->kind[eid] = (unsigned char)classify(u, g, eid,
							      asp_node_child(ctx, e->node, c - 1),
							      &u->src[eid]);
	} else if (k == ASP_NODE_BINARY_OP && asp_node_operator(ctx, e->node) == ASP_OP_ASSIGN) {
		int d = flow_node_var(ctx, g, eid, asp_node_child(ctx, e->node, 0));

		if (d >= 0 && (g->vars[d].flags & CFG_VAR_POINTER)) {
			u->dst[eid] = d;
			u->kind[eid] = (unsigned char)classify(u, g, eid,
							      asp_node_child(ctx, e->node, 1),
							      &u->src[eid]);
		}
	} else if (k == ASP_NODE_RETURN && (c = asp_node_child_count(ctx, e->node)) > 0) {
		u->kind[eid] = (unsigned char)classify(u, g, eid, asp_node_child(ctx, e->node, c - 1),
						      &u->src[eid]);
	} else if (k == ASP_NODE_DECL_REF && e->var >= 0 && e->use == CFG_USE_ADDR &&
		   (g->vars[e->var].flags & CFG_VAR_POINTER)) {
		u->dst[eid] = e->var;     /* &p handed on: p may change */
		u->kind[eid] = K_OTHER;
	}
}

static void join(void *user, void *dst, const void *src)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	size_t i, n = ((struct la *)user)->n;

	for (i = 0; i < n; i++)
		d[i] |= s[i];
}

static void transfer(void *user, void *state, const struct cfg *g, unsigned eid, int report)
{
	struct la *u = user;
	unsigned char *st = state;
	const struct cfg_elem *e = &g->elems[eid];
	unsigned char v;

	if (!u->kind[eid])
		return;
	v = u->kind[eid] == K_LOCAL || (u->kind[eid] == K_COPY && st[u->src[eid]]);
	if (e->flags & CFG_EF_RETURN) {
		if (report && v)
			asp_report(u->ctx, e->node, "MDS-MEM-006",
				   "the address of a local object is returned; it is invalid "
				   "once the function returns");
		return;
	}
	if (u->dst[eid] >= 0)
		st[u->dst[eid]] = v;
}

static void func_end(struct asp_ctx *ctx, asp_node fn)
{
	const struct cfg *g = flow_cfg(ctx, fn);
	struct asp_type t;
	struct la u;
	struct flow_ops ops;
	unsigned i;

	if (!g || !asp_node_type(ctx, fn, &t))
		return;
	memset(&u, 0, sizeof u);
	u.ctx = ctx;
	u.n = g->nvars ? g->nvars : 1;
	u.kind = flow_alloc(ctx, g->nelems + 1);
	u.dst = flow_alloc(ctx, (g->nelems + 1) * sizeof *u.dst);
	u.src = flow_alloc(ctx, (g->nelems + 1) * sizeof *u.src);
	if (!u.kind || !u.dst || !u.src)
		return;
	for (i = 0; i < g->nelems; i++) {
		int k = asp_node_kind(g->elems[i].node);

		if (k == ASP_NODE_RETURN || k == ASP_NODE_BINARY_OP || k == ASP_NODE_VAR ||
		    k == ASP_NODE_DECL_REF)
			plan(&u, g, i);
	}
	memset(&ops, 0, sizeof ops);
	ops.state_size = u.n;
	ops.join = join;
	ops.transfer = transfer;
	flow_solve(ctx, g, &ops, &u, NULL);
}

static const int kinds[] = { 0 };

const struct asp_checker check_local_addr_escape = {
	.abi_version = ASP_ABI_VERSION,
	.name = "local_addr_escape",
	.kinds = kinds,
	.func_end = func_end,
};
