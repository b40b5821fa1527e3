/*
 * The shared integer range model: an interval per tracked local integer,
 * plus a "zero was seen" mark that survives joins (a divisor set to 0 on
 * one path). Constants, copies, var +/- constant, ++/--, and comparisons on
 * branches; loop heads are widened. Records divisor and index events for
 * MDS-INT-004 and MDS-BND-007. Never reports by itself.
 */
#include "flow/dataflow.h"
#include "flow/flow_priv.h"

#include <stdint.h>
#include <string.h>

#define INF FLOW_INF

struct iv {
	long long lo, hi;
	uint8_t has0, pad[7];
};

enum rval { RV_TOP = 0, RV_CONST, RV_VAR };

struct rexpr {
	uint8_t kind;
	int slot;
	long long c;             /* constant, or offset added to the variable */
};

enum rop { RA_NONE = 0, RA_SET, RA_ADD, RA_TOP, RA_DIV, RA_INDEX };

struct ract {
	uint8_t op;
	int slot;
	struct rexpr x;
	long long len;
};

struct rtest {
	uint8_t valid;
	int slot;
	enum asp_op op;          /* slot OP rhs, already negated for FALSE edges */
	struct rexpr rhs;
};

struct rm {
	struct asp_ctx *ctx;
	const struct cfg *g;
	int *slot_of, *var_of;
	unsigned nslots;
	struct ract *act;
	struct rtest *test;
	struct flow_evlist ev;
};

static long long sat_add(long long a, long long b)
{
	if (a <= -INF || a >= INF)
		return a;
	a += b;
	if (a >= INF)
		return INF;
	if (a <= -INF)
		return -INF;
	return a;
}

static void rexpr_of(struct rm *m, unsigned eid, asp_node n, struct rexpr *x)
{
	long long v;
	int kind;

	memset(x, 0, sizeof *x);
	x->slot = -1;
	n = flow_strip(m->ctx, n);
	kind = asp_node_kind(n);
	if (kind == ASP_NODE_DECL_REF) {
		int var = flow_node_var(m->ctx, m->g, eid, n);

		if (var >= 0 && m->slot_of[var] >= 0) {
			x->kind = RV_VAR;
			x->slot = m->slot_of[var];
			return;
		}
	}
	if ((kind == ASP_NODE_INT_LITERAL || kind == ASP_NODE_CHAR_LITERAL ||
	     kind == ASP_NODE_DECL_REF || kind == ASP_NODE_UNARY_OP ||
	     kind == ASP_NODE_BINARY_OP || kind == ASP_NODE_SIZEOF) &&
	    asp_node_int_value(m->ctx, n, &v)) {
		x->kind = RV_CONST;
		x->c = v;
		return;
	}
	if (kind == ASP_NODE_BINARY_OP) {
		enum asp_op op = asp_node_operator(m->ctx, n);
		struct rexpr l, r;

		if (op != ASP_OP_ADD && op != ASP_OP_SUB)
			return;
		rexpr_of(m, eid, asp_node_child(m->ctx, n, 0), &l);
		rexpr_of(m, eid, asp_node_child(m->ctx, n, 1), &r);
		if (l.kind == RV_VAR && r.kind == RV_CONST && r.c > -INF && r.c < INF) {
			*x = l;
			x->c = op == ASP_OP_ADD ? r.c : -r.c;
		} else if (op == ASP_OP_ADD && r.kind == RV_VAR && l.kind == RV_CONST &&
			   l.c > -INF && l.c < INF) {
			*x = r;
			x->c = l.c;
		}
	}
}

static struct iv eval(const struct rm *m, const struct iv *st, const struct rexpr *x)
{
	struct iv r;

	memset(&r, 0, sizeof r);
	(void)m;
	if (x->kind == RV_CONST) {
		r.lo = r.hi = x->c;
		r.has0 = x->c == 0;
	} else if (x->kind == RV_VAR) {
		r = st[x->slot];
		if (x->c) {
			r.lo = sat_add(r.lo, x->c);
			r.hi = sat_add(r.hi, x->c);
			r.has0 = r.lo == 0 && r.hi == 0;
		}
	} else {
		r.lo = -INF;
		r.hi = INF;
	}
	return r;
}

static void top_of(const struct rm *m, int slot, struct iv *v)
{
	memset(v, 0, sizeof *v);
	v->lo = (m->g->vars[m->var_of[slot]].flags & CFG_VAR_UNSIGNED) ? 0 : -INF;
	v->hi = INF;
}

static void plan_element(struct rm *m, unsigned eid)
{
	const struct cfg_elem *e = &m->g->elems[eid];
	struct ract *a = &m->act[eid];
	struct asp_ctx *ctx = m->ctx;
	int kind = asp_node_kind(e->node);
	enum asp_op op = ASP_OP_NONE;

	a->slot = -1;
	if ((e->flags & CFG_EF_DECL) && e->var >= 0 && m->slot_of[e->var] >= 0) {
		a->op = RA_SET;
		a->slot = m->slot_of[e->var];
		a->x.kind = RV_TOP;
		if (e->flags & CFG_EF_INIT) {
			unsigned c = asp_node_child_count(ctx, e->node);

			if (c)
				rexpr_of(m, eid, asp_node_child(ctx, e->node, c - 1), &a->x);
		}
		return;
	}
	if (kind == ASP_NODE_DECL_REF && e->var >= 0 && m->slot_of[e->var] >= 0 &&
	    e->use == CFG_USE_ADDR) {
		a->op = RA_TOP;
		a->slot = m->slot_of[e->var];
		return;
	}
	if (kind == ASP_NODE_BINARY_OP || kind == ASP_NODE_COMPOUND_ASSIGN ||
	    kind == ASP_NODE_UNARY_OP)
		op = asp_node_operator(ctx, e->node);
	if (kind == ASP_NODE_BINARY_OP && op == ASP_OP_ASSIGN) {
		struct rexpr l;

		rexpr_of(m, eid, asp_node_child(ctx, e->node, 0), &l);
		if (l.kind == RV_VAR && l.c == 0) {
			a->op = RA_SET;
			a->slot = l.slot;
			rexpr_of(m, eid, asp_node_child(ctx, e->node, 1), &a->x);
		}
		return;
	}
	if (kind == ASP_NODE_UNARY_OP && (op == ASP_OP_PRE_INC || op == ASP_OP_POST_INC ||
					  op == ASP_OP_PRE_DEC || op == ASP_OP_POST_DEC)) {
		struct rexpr l;

		rexpr_of(m, eid, asp_node_child(ctx, e->node, 0), &l);
		if (l.kind == RV_VAR && l.c == 0) {
			a->op = RA_ADD;
			a->slot = l.slot;
			a->x.kind = RV_CONST;
			a->x.c = (op == ASP_OP_PRE_INC || op == ASP_OP_POST_INC) ? 1 : -1;
		}
		return;
	}
	if (kind == ASP_NODE_COMPOUND_ASSIGN) {
		struct rexpr l, r;
		struct asp_type t;

		rexpr_of(m, eid, asp_node_child(ctx, e->node, 0), &l);
		if (op == ASP_OP_DIV_ASSIGN || op == ASP_OP_REM_ASSIGN) {
			rexpr_of(m, eid, asp_node_child(ctx, e->node, 1), &a->x);
			if (!asp_node_type(ctx, e->node, &t) || !(t.flags & ASP_TYPE_FLOAT))
				a->op = RA_DIV;
			if (l.kind == RV_VAR && l.c == 0)
				a->slot = l.slot;   /* the result is unknown afterwards */
			return;
		}
		if (l.kind == RV_VAR && l.c == 0) {
			rexpr_of(m, eid, asp_node_child(ctx, e->node, 1), &r);
			a->slot = l.slot;
			if ((op == ASP_OP_ADD_ASSIGN || op == ASP_OP_SUB_ASSIGN) && r.kind == RV_CONST &&
			    r.c > -INF && r.c < INF) {
				a->op = RA_ADD;
				a->x = r;
				if (op == ASP_OP_SUB_ASSIGN)
					a->x.c = -r.c;
			} else {
				a->op = RA_TOP;
			}
		}
		return;
	}
	if (kind == ASP_NODE_BINARY_OP && (op == ASP_OP_DIV || op == ASP_OP_REM)) {
		struct asp_type t;

		if (asp_node_type(ctx, e->node, &t) && (t.flags & ASP_TYPE_FLOAT))
			return;
		rexpr_of(m, eid, asp_node_child(ctx, e->node, 1), &a->x);
		if (a->x.kind != RV_TOP)
			a->op = RA_DIV;
		return;
	}
	if (kind == ASP_NODE_SUBSCRIPT) {
		asp_node base = flow_strip(ctx, asp_node_child(ctx, e->node, 0));
		struct asp_type t;

		if (asp_node_kind(e->parent) == ASP_NODE_UNARY_OP &&
		    asp_node_operator(ctx, e->parent) == ASP_OP_ADDR_OF)
			return;          /* &a[N] is a valid one-past address */
		if (asp_node_kind(base) != ASP_NODE_DECL_REF || !asp_node_type(ctx, base, &t) ||
		    t.array_len <= 1)
			return;
		rexpr_of(m, eid, asp_node_child(ctx, e->node, 1), &a->x);
		/* constant indexes belong to MDS-BND-001; i + c is left alone because
		   strided loops (i += 2 ... a[i + 1]) need congruences to be exact */
		if (a->x.kind == RV_VAR && a->x.c == 0) {
			a->op = RA_INDEX;
			a->len = t.array_len;
		}
	}
}

static enum asp_op negate(enum asp_op op)
{
	switch (op) {
	case ASP_OP_LT: return ASP_OP_GE;
	case ASP_OP_GE: return ASP_OP_LT;
	case ASP_OP_GT: return ASP_OP_LE;
	case ASP_OP_LE: return ASP_OP_GT;
	case ASP_OP_EQ: return ASP_OP_NE;
	case ASP_OP_NE: return ASP_OP_EQ;
	default: return ASP_OP_NONE;
	}
}

static enum asp_op mirror(enum asp_op op)
{
	switch (op) {
	case ASP_OP_LT: return ASP_OP_GT;
	case ASP_OP_GT: return ASP_OP_LT;
	case ASP_OP_LE: return ASP_OP_GE;
	case ASP_OP_GE: return ASP_OP_LE;
	default: return op;
	}
}

static void plan_edge(struct rm *m, unsigned ei)
{
	const struct cfg_edge *e = &m->g->edges[ei];
	struct rtest *t = &m->test[ei];
	struct asp_ctx *ctx = m->ctx;
	asp_node c = flow_strip(ctx, e->cond);
	const struct cfg_block *bl = &m->g->blocks[e->from];
	unsigned eid = bl->nelems ? bl->first + bl->nelems - 1 : bl->first;
	struct rexpr l, r;
	enum asp_op op;

	t->slot = -1;
	if (asp_node_kind(c) == ASP_NODE_DECL_REF) {
		rexpr_of(m, eid, c, &l);
		if (l.kind != RV_VAR)
			return;
		t->slot = l.slot;
		t->op = ASP_OP_NE;
		t->rhs.kind = RV_CONST;
		t->rhs.c = 0;
	} else if (asp_node_kind(c) == ASP_NODE_BINARY_OP) {
		op = asp_node_operator(ctx, c);
		if (op != ASP_OP_LT && op != ASP_OP_LE && op != ASP_OP_GT && op != ASP_OP_GE &&
		    op != ASP_OP_EQ && op != ASP_OP_NE)
			return;
		rexpr_of(m, eid, asp_node_child(ctx, c, 0), &l);
		rexpr_of(m, eid, asp_node_child(ctx, c, 1), &r);
		if (l.kind == RV_VAR && l.c == 0 && r.kind != RV_TOP) {
			t->slot = l.slot;
			t->op = op;
			t->rhs = r;
		} else if (r.kind == RV_VAR && r.c == 0 && l.kind != RV_TOP) {
			t->slot = r.slot;
			t->op = mirror(op);
			t->rhs = l;
		} else {
			return;
		}
	} else {
		return;
	}
	if (e->kind == CFG_EDGE_FALSE)
		t->op = negate(t->op);
	t->valid = t->op != ASP_OP_NONE;
}

static void rm_entry(void *user, void *state)
{
	struct rm *m = user;
	struct iv *st = state;
	unsigned i;

	for (i = 0; i < m->nslots; i++)
		top_of(m, (int)i, &st[i]);
}

static void rm_join(void *user, void *dst, const void *src)
{
	struct rm *m = user;
	struct iv *d = dst;
	const struct iv *s = src;
	unsigned i;

	for (i = 0; i < m->nslots; i++) {
		if (s[i].lo < d[i].lo)
			d[i].lo = s[i].lo;
		if (s[i].hi > d[i].hi)
			d[i].hi = s[i].hi;
		d[i].has0 |= s[i].has0;
	}
}

static void rm_widen(void *user, void *dst, const void *prev)
{
	struct rm *m = user;
	struct iv *d = dst;
	const struct iv *p = prev;
	unsigned i;

	for (i = 0; i < m->nslots; i++) {
		if (d[i].lo < p[i].lo)
			d[i].lo = -INF;
		if (d[i].hi > p[i].hi)
			d[i].hi = INF;
	}
}

static void range_event(struct rm *m, int kind, asp_node n, const struct iv *v, long long len)
{
	struct flow_event ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = kind;
	ev.node = n;
	ev.lo = v->lo;
	ev.hi = v->hi;
	ev.len = len;
	flow_ev_push(m->ctx, &m->ev, &ev);
}

static void rm_transfer(void *user, void *state, const struct cfg *g, unsigned eid, int report)
{
	struct rm *m = user;
	struct iv *st = state;
	const struct ract *a = &m->act[eid];
	struct iv v;

	switch (a->op) {
	case RA_SET:
		v = eval(m, st, &a->x);
		if (a->x.kind == RV_TOP)
			top_of(m, a->slot, &v);
		st[a->slot] = v;
		break;
	case RA_ADD:
		v = st[a->slot];
		v.lo = sat_add(v.lo, a->x.c);
		v.hi = sat_add(v.hi, a->x.c);
		v.has0 = v.lo == 0 && v.hi == 0;
		if ((m->g->vars[m->var_of[a->slot]].flags & CFG_VAR_UNSIGNED) && v.lo < 0)
			top_of(m, a->slot, &v);
		st[a->slot] = v;
		break;
	case RA_TOP:
		top_of(m, a->slot, &st[a->slot]);
		break;
	case RA_DIV:
		v = eval(m, st, &a->x);
		if (report && (v.has0 || (v.lo == 0 && v.hi == 0)))
			range_event(m, FLOW_EV_DIV_ZERO, g->elems[eid].node, &v, 0);
		if (a->slot >= 0)
			top_of(m, a->slot, &st[a->slot]);
		break;
	case RA_INDEX:
		v = eval(m, st, &a->x);
		if (report && ((v.hi < INF && v.hi >= a->len) || (v.lo > -INF && v.lo >= a->len) ||
			       (v.lo > -INF && v.lo < 0)))
			range_event(m, FLOW_EV_INDEX, g->elems[eid].node, &v, a->len);
		break;
	default:
		break;
	}
}

static int rm_refine(void *user, void *state, const struct cfg *g, const struct cfg_edge *e)
{
	struct rm *m = user;
	struct iv *st = state;
	const struct rtest *t = &m->test[e - g->edges];
	struct iv *v, r;

	if (!g->blocks[e->from].loop_head) {
		unsigned i;

		/* "zero on some path" that merged with other paths, then a branch on
		   another condition: possibly the same decision; forget the mark */
		for (i = 0; i < m->nslots; i++)
			if ((int)i != (t->valid ? t->slot : -1) && st[i].has0 &&
			    !(st[i].lo == 0 && st[i].hi == 0))
				st[i].has0 = 0;
	}
	if (!t->valid)
		return 1;
	v = &st[t->slot];
	r = eval(m, st, &t->rhs);
	switch (t->op) {
	case ASP_OP_LT:
		if (r.hi < INF && r.hi - 1 < v->hi)
			v->hi = r.hi - 1;
		break;
	case ASP_OP_LE:
		if (r.hi < v->hi)
			v->hi = r.hi;
		break;
	case ASP_OP_GT:
		if (r.lo > -INF && r.lo + 1 > v->lo)
			v->lo = r.lo + 1;
		break;
	case ASP_OP_GE:
		if (r.lo > v->lo)
			v->lo = r.lo;
		break;
	case ASP_OP_EQ:
		if (r.lo == r.hi) {
			if (r.lo < v->lo || r.lo > v->hi)
				return 0;
			v->lo = v->hi = r.lo;
			v->has0 = r.lo == 0;
			return 1;
		}
		break;
	case ASP_OP_NE:
		if (r.lo == r.hi) {
			if (v->lo == r.lo)
				v->lo = sat_add(v->lo, 1);
			if (v->hi == r.lo)
				v->hi = sat_add(v->hi, -1);
			if (r.lo == 0)
				v->has0 = 0;
		}
		break;
	default:
		break;
	}
	if (v->lo > v->hi)
		return 0;
	if (v->lo > 0 || v->hi < 0)
		v->has0 = 0;
	return 1;
}

unsigned flow_range_events(struct asp_ctx *ctx, asp_node fn, const struct flow_event **out)
{
	const struct cfg *g = flow_cfg(ctx, fn);
	struct flow_fn *f = ctx->flow;
	struct rm m;
	struct flow_ops ops;
	unsigned i, nact = 0;

	*out = NULL;
	if (!g || !f)
		return 0;
	if (f->range_done) {
		*out = f->range_ev;
		return f->nrange;
	}
	f->range_done = 1;
	memset(&m, 0, sizeof m);
	m.ctx = ctx;
	m.g = g;
	m.slot_of = flow_alloc(ctx, (g->nvars + 1) * sizeof *m.slot_of);
	m.var_of = flow_alloc(ctx, (g->nvars + 1) * sizeof *m.var_of);
	m.act = flow_alloc(ctx, (g->nelems + 1) * sizeof *m.act);
	m.test = flow_alloc(ctx, (g->nedges + 1) * sizeof *m.test);
	if (!m.slot_of || !m.var_of || !m.act || !m.test)
		return 0;
	for (i = 0; i < g->nvars; i++) {
		unsigned fl = g->vars[i].flags;

		m.slot_of[i] = -1;
		if ((fl & (CFG_VAR_STATIC | CFG_VAR_VOLATILE)) || !(fl & CFG_VAR_INTEGER))
			continue;
		m.slot_of[i] = (int)m.nslots;
		m.var_of[m.nslots++] = (int)i;
	}
	/* nothing to check without a division or a subscript: skip the planning */
	for (i = 0; i < g->nelems && !nact; i++) {
		int k = asp_node_kind(g->elems[i].node);
		enum asp_op op;

		if (k == ASP_NODE_SUBSCRIPT)
			nact = 1;
		else if (k == ASP_NODE_BINARY_OP || k == ASP_NODE_COMPOUND_ASSIGN) {
			op = asp_node_operator(ctx, g->elems[i].node);
			nact = op == ASP_OP_DIV || op == ASP_OP_REM || op == ASP_OP_DIV_ASSIGN ||
			       op == ASP_OP_REM_ASSIGN;
		}
	}
	if (!nact)
		return 0;
	nact = 0;
	for (i = 0; i < g->nelems; i++) {
		const struct cfg_elem *e = &g->elems[i];
		int k = asp_node_kind(e->node);

		/* only nodes that can matter are looked at closely */
		if ((e->flags & CFG_EF_DECL) || k == ASP_NODE_BINARY_OP || k == ASP_NODE_UNARY_OP ||
		    k == ASP_NODE_COMPOUND_ASSIGN || k == ASP_NODE_SUBSCRIPT ||
		    (k == ASP_NODE_DECL_REF && e->use == CFG_USE_ADDR))
			plan_element(&m, i);
		else
			m.act[i].slot = -1;
		nact += m.act[i].op == RA_DIV || m.act[i].op == RA_INDEX;
	}
	if (!nact)
		return 0;    /* nothing to check: skip the solve */
	for (i = 0; i < g->nedges; i++)
		if (g->edges[i].kind != CFG_EDGE_NORMAL && m.nslots)
			plan_edge(&m, i);
	memset(&ops, 0, sizeof ops);
	ops.state_size = (m.nslots ? m.nslots : 1) * sizeof(struct iv);
	ops.entry = rm_entry;
	ops.join = rm_join;
	ops.widen = rm_widen;
	ops.transfer = rm_transfer;
	ops.refine = rm_refine;
	if (flow_solve(ctx, g, &ops, &m, NULL) != ASP_OK)
		return 0;
	f->range_ev = m.ev.v;
	f->nrange = m.ev.n;
	*out = f->range_ev;
	return f->nrange;
}
