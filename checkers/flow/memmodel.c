/*
 * The shared memory and resource model: per tracked local pointer (and
 * integer descriptor) its nullness, ownership (allocated, released,
 * escaped), resource kind and acquisition site; copies share the site, so
 * releasing one copy releases all. Solved once per function; the final
 * pass records events that MEM-004/PTR-004/MEM-001/MEM-002/MEM-005/FIO-002
 * read. Never reports by itself.
 */
#include "flow/dataflow.h"
#include "flow/flow_priv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* nullness: may-bits */
#define N_NULL 1u      /* null (or invalid descriptor) on some path */
#define N_ALLOC 2u     /* unchecked allocator result */
#define N_OPEN 4u      /* unchecked fopen-style result */
#define N_NONNULL 8u   /* non-null, or nothing known */
#define N_NULLG 16u    /* null on some path, but a branch on another condition was
			  taken since it merged with non-null paths: possibly correlated */
/* ownership: may-bits */
#define O_OWNED 1u
#define O_FREED 2u
#define O_ESCAPED 4u

enum rkind { RK_NONE = 0, RK_MEM, RK_FILE, RK_FD, RK_DIR, RK_PIPE, RK_CUSTOM };

enum role { R_NONE = 0, R_ALLOC, R_ALLOC_NOOWN, R_OPEN, R_FREE, R_PURE, R_REALLOC };

struct fnrole {
	const char *name;
	unsigned char role, kind, arg;
	unsigned deref;        /* bit i: argument i is dereferenced */
};

static const struct fnrole roles[] = {
	/* allocators: maybe-null, owned */
	{ "malloc", R_ALLOC, RK_MEM, 0, 0 }, { "calloc", R_ALLOC, RK_MEM, 0, 0 },
	{ "realloc", R_REALLOC, RK_MEM, 0, 0 }, { "reallocarray", R_REALLOC, RK_MEM, 0, 0 },
	{ "strdup", R_ALLOC, RK_MEM, 0, 1 }, { "strndup", R_ALLOC, RK_MEM, 0, 1 },
	{ "aligned_alloc", R_ALLOC, RK_MEM, 0, 0 }, { "memalign", R_ALLOC, RK_MEM, 0, 0 },
	{ "valloc", R_ALLOC, RK_MEM, 0, 0 }, { "pvPortMalloc", R_ALLOC, RK_MEM, 0, 0 },
	{ "k_malloc", R_ALLOC, RK_MEM, 0, 0 }, { "k_calloc", R_ALLOC, RK_MEM, 0, 0 },
	{ "kmalloc", R_ALLOC, RK_MEM, 0, 0 }, { "kzalloc", R_ALLOC, RK_MEM, 0, 0 },
	{ "kcalloc", R_ALLOC, RK_MEM, 0, 0 }, { "kmalloc_array", R_ALLOC, RK_MEM, 0, 0 },
	{ "kvmalloc", R_ALLOC, RK_MEM, 0, 0 }, { "kvzalloc", R_ALLOC, RK_MEM, 0, 0 },
	{ "kvcalloc", R_ALLOC, RK_MEM, 0, 0 }, { "kvmalloc_array", R_ALLOC, RK_MEM, 0, 0 },
	{ "vmalloc", R_ALLOC, RK_MEM, 0, 0 }, { "vzalloc", R_ALLOC, RK_MEM, 0, 0 },
	{ "kstrdup", R_ALLOC, RK_MEM, 0, 0 }, { "kmemdup", R_ALLOC, RK_MEM, 0, 0 },
	{ "kmalloc_node", R_ALLOC, RK_MEM, 0, 0 }, { "kzalloc_node", R_ALLOC, RK_MEM, 0, 0 },
	{ "devm_kmalloc", R_ALLOC_NOOWN, RK_MEM, 0, 0 },
	{ "devm_kzalloc", R_ALLOC_NOOWN, RK_MEM, 0, 0 },
	{ "devm_kcalloc", R_ALLOC_NOOWN, RK_MEM, 0, 0 },
	{ "devm_kmalloc_array", R_ALLOC_NOOWN, RK_MEM, 0, 0 },
	{ "devm_kstrdup", R_ALLOC_NOOWN, RK_MEM, 0, 0 },
	{ "devm_kmemdup", R_ALLOC_NOOWN, RK_MEM, 0, 0 },
	/* resources */
	{ "fopen", R_OPEN, RK_FILE, 0, 3 }, { "fdopen", R_OPEN, RK_FILE, 0, 2 },
	{ "freopen", R_OPEN, RK_FILE, 0, 3 }, { "tmpfile", R_OPEN, RK_FILE, 0, 0 },
	{ "fmemopen", R_OPEN, RK_FILE, 0, 0 }, { "popen", R_OPEN, RK_PIPE, 0, 3 },
	{ "opendir", R_OPEN, RK_DIR, 0, 1 }, { "fdopendir", R_OPEN, RK_DIR, 0, 0 },
	{ "open", R_OPEN, RK_FD, 0, 1 }, { "openat", R_OPEN, RK_FD, 0, 2 },
	{ "creat", R_OPEN, RK_FD, 0, 1 }, { "socket", R_OPEN, RK_FD, 0, 0 },
	{ "accept", R_OPEN, RK_FD, 0, 0 }, { "accept4", R_OPEN, RK_FD, 0, 0 },
	{ "dup", R_OPEN, RK_FD, 0, 0 },
	/* releases */
	{ "free", R_FREE, RK_MEM, 0, 0 }, { "kfree", R_FREE, RK_MEM, 0, 0 },
	{ "kvfree", R_FREE, RK_MEM, 0, 0 }, { "vfree", R_FREE, RK_MEM, 0, 0 },
	{ "kfree_sensitive", R_FREE, RK_MEM, 0, 0 }, { "kzfree", R_FREE, RK_MEM, 0, 0 },
	{ "vPortFree", R_FREE, RK_MEM, 0, 0 }, { "k_free", R_FREE, RK_MEM, 0, 0 },
	{ "fclose", R_FREE, RK_FILE, 0, 1 }, { "pclose", R_FREE, RK_PIPE, 0, 1 },
	{ "closedir", R_FREE, RK_DIR, 0, 1 }, { "close", R_FREE, RK_FD, 0, 0 },
	/* neither keep nor release their pointer arguments */
	{ "memcpy", R_PURE, 0, 0, 3 }, { "memmove", R_PURE, 0, 0, 3 },
	{ "memset", R_PURE, 0, 0, 1 }, { "memcmp", R_PURE, 0, 0, 3 },
	{ "memchr", R_PURE, 0, 0, 1 }, { "bzero", R_PURE, 0, 0, 1 },
	{ "explicit_bzero", R_PURE, 0, 0, 1 }, { "strlen", R_PURE, 0, 0, 1 },
	{ "strnlen", R_PURE, 0, 0, 0 }, { "strcmp", R_PURE, 0, 0, 3 },
	{ "strncmp", R_PURE, 0, 0, 3 }, { "strcasecmp", R_PURE, 0, 0, 3 },
	{ "strcpy", R_PURE, 0, 0, 3 }, { "strncpy", R_PURE, 0, 0, 3 },
	{ "strcat", R_PURE, 0, 0, 3 }, { "strncat", R_PURE, 0, 0, 3 },
	{ "strlcpy", R_PURE, 0, 0, 3 }, { "strscpy", R_PURE, 0, 0, 3 },
	{ "strchr", R_PURE, 0, 0, 1 }, { "strrchr", R_PURE, 0, 0, 1 },
	{ "strstr", R_PURE, 0, 0, 3 }, { "strtol", R_PURE, 0, 0, 1 },
	{ "strtoul", R_PURE, 0, 0, 1 }, { "atoi", R_PURE, 0, 0, 1 },
	{ "sprintf", R_PURE, 0, 0, 3 }, { "snprintf", R_PURE, 0, 0, 0 },
	{ "printf", R_PURE, 0, 0, 1 }, { "fprintf", R_PURE, 0, 0, 3 },
	{ "sscanf", R_PURE, 0, 0, 3 }, { "fscanf", R_PURE, 0, 0, 3 },
	{ "puts", R_PURE, 0, 0, 1 }, { "fputs", R_PURE, 0, 0, 3 },
	{ "fputc", R_PURE, 0, 0, 2 }, { "putc", R_PURE, 0, 0, 2 },
	{ "fgets", R_PURE, 0, 0, 5 }, { "fgetc", R_PURE, 0, 0, 1 },
	{ "getc", R_PURE, 0, 0, 1 }, { "fread", R_PURE, 0, 0, 9 },
	{ "fwrite", R_PURE, 0, 0, 9 }, { "fseek", R_PURE, 0, 0, 1 },
	{ "ftell", R_PURE, 0, 0, 1 }, { "rewind", R_PURE, 0, 0, 1 },
	{ "fflush", R_PURE, 0, 0, 0 }, { "feof", R_PURE, 0, 0, 1 },
	{ "ferror", R_PURE, 0, 0, 1 }, { "fileno", R_PURE, 0, 0, 1 },
	{ "readdir", R_PURE, 0, 0, 1 }, { "read", R_PURE, 0, 0, 0 },
	{ "write", R_PURE, 0, 0, 0 }, { "send", R_PURE, 0, 0, 0 },
	{ "recv", R_PURE, 0, 0, 0 }, { "lseek", R_PURE, 0, 0, 0 },
	{ "fstat", R_PURE, 0, 0, 0 }, { "fsync", R_PURE, 0, 0, 0 },
	{ "bind", R_PURE, 0, 0, 0 }, { "connect", R_PURE, 0, 0, 0 },
	{ "listen", R_PURE, 0, 0, 0 }, { "setsockopt", R_PURE, 0, 0, 0 },
	{ "ioctl", R_PURE, 0, 0, 0 }, { "fcntl", R_PURE, 0, 0, 0 },
	{ "perror", R_PURE, 0, 0, 0 }, { "printk", R_PURE, 0, 0, 0 },
	{ "_printk", R_PURE, 0, 0, 0 }, { "memset_s", R_PURE, 0, 0, 1 },
	{ "explicit_memset", R_PURE, 0, 0, 1 }, { "__builtin_memcpy", R_PURE, 0, 0, 3 },
	{ "__builtin_memset", R_PURE, 0, 0, 1 }, { "__builtin_strlen", R_PURE, 0, 0, 1 },
	{ NULL, 0, 0, 0, 0 }
};

struct mv {
	uint8_t nul, own, kind, pad;
	uint32_t site;           /* acquiring element + 1; 0: none */
};

enum mop { MA_NONE = 0, MA_SET, MA_USE, MA_FREE, MA_ESCAPE, MA_CLOBBER };
enum mval { V_UNKNOWN = 0, V_ALLOC, V_NULL, V_NONNULL, V_VAR };
enum muse { U_DEREF = 1, U_CALL, U_ESCAPE, U_DEREF_ESCAPE };

struct mact {
	uint8_t op, how, val, kind;
	uint8_t nul_src, owned, pad[2];
	int slot, src;
	const char *what;        /* callee of an acquisition or release */
};

struct etest {
	int slot;
	uint8_t null_if_true;    /* 1: the TRUE edge means null/invalid; 0: non-null */
	uint8_t valid;
};

struct mm {
	struct asp_ctx *ctx;
	const struct cfg *g;
	int *slot_of;            /* var -> slot or -1 */
	int *var_of;             /* slot -> var */
	unsigned nslots;
	struct mact *act;        /* per element */
	struct etest *test;      /* per edge */
	struct flow_evlist ev;
	unsigned char *leaked;   /* per element: leak already reported for this site */
};

static const struct fnrole *role_of(struct asp_ctx *ctx, const char *name, struct fnrole *tmp)
{
	unsigned i, n;
	const char *o = NULL, *c = NULL;

	if (!name)
		return NULL;
	for (i = 0; roles[i].name; i++)
		if (roles[i].name[0] == name[0] && strcmp(roles[i].name, name) == 0)
			return &roles[i];
	n = flow_resource_pair(ctx, 0, &o, &c);
	for (i = 0; i < n; i++) {
		flow_resource_pair(ctx, i, &o, &c);
		memset(tmp, 0, sizeof *tmp);
		tmp->name = name;
		tmp->kind = (unsigned char)(RK_CUSTOM + (i < 200 ? i : 200));
		if (o && strcmp(o, name) == 0) {
			tmp->role = R_OPEN;
			return tmp;
		}
		if (c && strcmp(c, name) == 0) {
			tmp->role = R_FREE;
			return tmp;
		}
	}
	return NULL;
}

static int slot_of_node(struct mm *m, unsigned eid, asp_node n)
{
	int v = flow_node_var(m->ctx, m->g, eid, n);

	return v >= 0 ? m->slot_of[v] : -1;
}

/* Value of an expression assigned to a tracked pointer or descriptor. */
static void eval_value(struct mm *m, unsigned eid, asp_node n, struct mact *a)
{
	struct fnrole tmp;
	const struct fnrole *r;
	long long v;

	n = flow_strip(m->ctx, n);
	a->val = V_UNKNOWN;
	switch (asp_node_kind(n)) {
	case ASP_NODE_CALL:
		r = role_of(m->ctx, asp_node_callee_name(m->ctx, n), &tmp);
		if (r && (r->role == R_ALLOC || r->role == R_ALLOC_NOOWN || r->role == R_REALLOC ||
			  r->role == R_OPEN)) {
			a->val = V_ALLOC;
			a->kind = r->kind;
			a->owned = r->role != R_ALLOC_NOOWN;
			a->nul_src = r->role == R_OPEN ? N_OPEN : N_ALLOC;
			a->what = r->name;
		}
		break;
	case ASP_NODE_INT_LITERAL:
		if (asp_node_int_value(m->ctx, n, &v))
			a->val = v == 0 ? V_NULL : V_UNKNOWN;
		break;
	case ASP_NODE_STRING_LITERAL:
		a->val = V_NONNULL;
		break;
	case ASP_NODE_UNARY_OP:
		if (asp_node_operator(m->ctx, n) == ASP_OP_ADDR_OF)
			a->val = V_NONNULL;
		else if (asp_node_operator(m->ctx, n) == ASP_OP_MINUS &&
			 asp_node_int_value(m->ctx, n, &v) && v < 0)
			a->val = V_NULL;   /* a descriptor set to -1 */
		break;
	case ASP_NODE_DECL_REF: {
		int s = slot_of_node(m, eid, n);
		struct asp_type t;

		if (s >= 0) {
			a->val = V_VAR;
			a->src = s;
		} else if (asp_node_type(m->ctx, n, &t) &&
			   (t.flags & (ASP_TYPE_ARRAY | ASP_TYPE_FUNCTION))) {
			a->val = V_NONNULL;
		}
		break;
	}
	default:
		break;
	}
}

static asp_node last_expr_child(struct asp_ctx *ctx, asp_node n)
{
	unsigned c = asp_node_child_count(ctx, n), i;
	asp_node r;

	memset(&r, 0, sizeof r);
	for (i = 0; i < c; i++) {
		asp_node k = asp_node_child(ctx, n, i);
		int kk = asp_node_kind(k);

		if (kk != ASP_NODE_TYPE_REF && kk != ASP_NODE_ATTR && kk != ASP_NODE_UNKNOWN)
			r = k;
	}
	return r;
}

static void plan_element(struct mm *m, unsigned eid)
{
	const struct cfg_elem *e = &m->g->elems[eid];
	struct mact *a = &m->act[eid];
	struct asp_ctx *ctx = m->ctx;
	int kind = asp_node_kind(e->node);

	a->slot = a->src = -1;
	if ((e->flags & CFG_EF_DECL) && e->var >= 0 && m->slot_of[e->var] >= 0) {
		a->op = MA_SET;
		a->slot = m->slot_of[e->var];
		if (e->flags & CFG_EF_INIT)
			eval_value(m, eid, last_expr_child(ctx, e->node), a);
		else
			a->val = V_UNKNOWN;
		return;
	}
	if (kind == ASP_NODE_BINARY_OP && asp_node_operator(ctx, e->node) == ASP_OP_ASSIGN) {
		asp_node lhs = asp_node_child(ctx, e->node, 0), rhs = asp_node_child(ctx, e->node, 1);
		int s = slot_of_node(m, eid, lhs);

		if (s >= 0) {
			a->op = MA_SET;
			a->slot = s;
			eval_value(m, eid, rhs, a);
		} else {
			int r = slot_of_node(m, eid, rhs);

			if (r >= 0) {       /* stored to non-local memory */
				a->op = MA_ESCAPE;
				a->slot = r;
			}
		}
		return;
	}
	if (kind == ASP_NODE_CALL && e->callee) {
		struct fnrole tmp;
		const struct fnrole *r = role_of(ctx, e->callee, &tmp);

		if (r && r->role == R_FREE && asp_node_arg_count(ctx, e->node) > r->arg) {
			a->op = MA_FREE;
			a->slot = slot_of_node(m, eid, asp_node_arg(ctx, e->node, r->arg));
			a->what = r->name;
			if (a->slot < 0)
				a->op = MA_NONE;
		} else if (r && r->role == R_REALLOC && asp_node_arg_count(ctx, e->node) > 0) {
			a->op = MA_ESCAPE;   /* the old block now belongs to realloc's result */
			a->slot = slot_of_node(m, eid, asp_node_arg(ctx, e->node, 0));
			if (a->slot < 0)
				a->op = MA_NONE;
		}
		return;
	}
	if (kind == ASP_NODE_RETURN) {
		asp_node v = last_expr_child(ctx, e->node);

		if (!asp_node_is_null(v) && (a->slot = slot_of_node(m, eid, v)) >= 0)
			a->op = MA_ESCAPE;
		return;
	}
	if (kind != ASP_NODE_DECL_REF || e->var < 0 || m->slot_of[e->var] < 0)
		return;
	a->slot = m->slot_of[e->var];
	switch (e->use) {
	case CFG_USE_DEREF:
		a->op = MA_USE;
		/* &p->f keeps a pointer into *p: whoever gets it may own the block */
		a->how = (e->flags & CFG_EF_DERIVED) ? U_DEREF_ESCAPE : U_DEREF;
		break;
	case CFG_USE_ARG: {
		struct fnrole tmp;
		const struct fnrole *r = role_of(ctx, e->callee, &tmp);

		a->op = MA_USE;
		if (r && (r->role == R_FREE || r->role == R_REALLOC) && e->argi == r->arg) {
			a->op = MA_NONE;     /* the call element releases */
		} else if (r && r->role != R_FREE && r->role != R_REALLOC) {
			a->how = (e->argi < 31 && (r->deref >> e->argi) & 1u) ? U_DEREF : U_CALL;
		} else {
			a->how = U_ESCAPE;   /* an unknown function may keep it */
		}
		break;
	}
	case CFG_USE_ADDR:
		a->op = MA_CLOBBER;
		break;
	case CFG_USE_READ: {
		int pk = asp_node_kind(e->parent);
		enum asp_op op = asp_node_operator(ctx, e->parent);

		if (asp_node_is_null(e->parent) || pk == ASP_NODE_RETURN || pk == ASP_NODE_VAR)
			break;       /* conditions; returns and copies are handled above */
		if (pk == ASP_NODE_BINARY_OP &&
		    (op == ASP_OP_ASSIGN || op == ASP_OP_EQ || op == ASP_OP_NE || op == ASP_OP_LT ||
		     op == ASP_OP_GT || op == ASP_OP_LE || op == ASP_OP_GE || op == ASP_OP_LAND ||
		     op == ASP_OP_LOR))
			break;
		if (pk == ASP_NODE_UNARY_OP && op == ASP_OP_LNOT)
			break;
		if (pk == ASP_NODE_CALL)
			break;       /* a call through a local function pointer */
		a->op = MA_USE;
		a->how = U_ESCAPE;   /* arithmetic, initialisers, ...: assume it is kept */
		break;
	}
	default:
		break;
	}
}

/* The variable a condition tests against NULL / an invalid descriptor. */
static void plan_edge(struct mm *m, unsigned ei)
{
	const struct cfg_edge *e = &m->g->edges[ei];
	struct etest *t = &m->test[ei];
	struct asp_ctx *ctx = m->ctx;
	asp_node c = flow_strip(ctx, e->cond);
	int kind = asp_node_kind(c);
	unsigned eid = m->g->blocks[e->from].first + m->g->blocks[e->from].nelems;

	t->slot = -1;
	if (eid)
		eid--;
	if (kind == ASP_NODE_DECL_REF || kind == ASP_NODE_BINARY_OP) {
		asp_node var = c;
		enum asp_op op = ASP_OP_NONE;
		long long k = 0;
		int have_k = 0, s;

		if (kind == ASP_NODE_BINARY_OP) {
			asp_node l = flow_strip(ctx, asp_node_child(ctx, c, 0));
			asp_node r = flow_strip(ctx, asp_node_child(ctx, c, 1));

			op = asp_node_operator(ctx, c);
			if (op == ASP_OP_ASSIGN) {
				var = l;
				op = ASP_OP_NONE;
			} else {
				if (asp_node_kind(l) == ASP_NODE_BINARY_OP &&
				    asp_node_operator(ctx, l) == ASP_OP_ASSIGN)
					l = flow_strip(ctx, asp_node_child(ctx, l, 0));
				if (asp_node_kind(r) != ASP_NODE_DECL_REF &&
				    asp_node_int_value(ctx, r, &k)) {
					var = l;
					have_k = 1;
				} else if (asp_node_int_value(ctx, l, &k)) {
					var = r;
					have_k = 1;
					switch (op) {  /* mirror: 0 > fd is fd < 0 */
					case ASP_OP_LT: op = ASP_OP_GT; break;
					case ASP_OP_GT: op = ASP_OP_LT; break;
					case ASP_OP_LE: op = ASP_OP_GE; break;
					case ASP_OP_GE: op = ASP_OP_LE; break;
					default: break;
					}
				} else {
					return;
				}
			}
		}
		s = slot_of_node(m, eid, var);
		if (s < 0)
			return;
		t->slot = s;
		if (op == ASP_OP_NONE) {
			if (!(m->g->vars[m->var_of[s]].flags & CFG_VAR_POINTER))
				return;
			t->null_if_true = 0;
		} else {
			int ptr = !!(m->g->vars[m->var_of[s]].flags & CFG_VAR_POINTER);
			long long bad = ptr ? 0 : -1;

			if (!have_k)
				return;
			if (op == ASP_OP_EQ && k == bad)
				t->null_if_true = 1;
			else if (op == ASP_OP_NE && k == bad)
				t->null_if_true = 0;
			else if (!ptr && ((op == ASP_OP_LT && k == 0) || (op == ASP_OP_LE && k == -1)))
				t->null_if_true = 1;
			else if (!ptr && ((op == ASP_OP_GE && k == 0) || (op == ASP_OP_GT && k == -1)))
				t->null_if_true = 0;
			else
				return;
		}
		if (e->kind == CFG_EDGE_FALSE)
			t->null_if_true = !t->null_if_true;
		t->valid = 1;
	}
}

static void for_site(struct mm *m, struct mv *st, int slot, void (*fn)(struct mv *, void *),
		     void *arg)
{
	unsigned i;
	uint32_t site = st[slot].site;

	if (!site) {
		fn(&st[slot], arg);
		return;
	}
	for (i = 0; i < m->nslots; i++)
		if (st[i].site == site)
			fn(&st[i], arg);
}

static void set_nonnull(struct mv *v, void *arg)
{
	(void)arg;
	v->nul = N_NONNULL;
}

static void set_null(struct mv *v, void *arg)
{
	(void)arg;
	v->nul = N_NULL;
	v->own = 0;
}

static void set_freed(struct mv *v, void *arg)
{
	(void)arg;
	v->own = O_FREED;
}

static void set_escaped(struct mv *v, void *arg)
{
	(void)arg;
	if (v->own & O_OWNED)
		v->own = (uint8_t)((v->own & ~O_OWNED) | O_ESCAPED);
}

static void clear_freed(struct mv *v, void *arg)
{
	(void)arg;
	v->own &= (uint8_t)~O_FREED;
}

static void event(struct mm *m, int kind, asp_node n, int slot, const char *what, int src,
		  unsigned line)
{
	struct flow_event ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = kind;
	ev.node = n;
	ev.var = slot >= 0 ? m->g->vars[m->var_of[slot]].name : NULL;
	ev.what = what;
	ev.src = src;
	ev.line = line;
	flow_ev_push(m->ctx, &m->ev, &ev);
}

static void mm_entry(void *user, void *state)
{
	struct mm *m = user;
	struct mv *st = state;
	unsigned i;

	for (i = 0; i < m->nslots; i++)
		st[i].nul = N_NONNULL;
}

static void mm_join(void *user, void *dst, const void *src)
{
	struct mm *m = user;
	struct mv *d = dst;
	const struct mv *s = src;
	unsigned i;

	for (i = 0; i < m->nslots; i++) {
		d[i].nul |= s[i].nul;
		d[i].own |= s[i].own;
		if (s[i].kind > d[i].kind)
			d[i].kind = s[i].kind;
		if (s[i].site && (!d[i].site || s[i].site < d[i].site))
			d[i].site = s[i].site;
	}
}

static unsigned site_line(struct mm *m, uint32_t site)
{
	return site ? flow_line(m->ctx, m->g->elems[site - 1].node) : 0;
}

static void leak_event(struct mm *m, int slot, uint32_t site, int kind)
{
	struct flow_event ev;

	if (m->leaked[site - 1])
		return;
	m->leaked[site - 1] = 1;
	memset(&ev, 0, sizeof ev);
	ev.kind = FLOW_EV_LEAK;
	ev.node = m->g->elems[site - 1].node;
	ev.var = m->g->vars[m->var_of[slot]].name;
	ev.what = m->act[site - 1].what;
	ev.resource = kind != RK_MEM;
	flow_ev_push(m->ctx, &m->ev, &ev);
}

/* The last copy of an owned value is overwritten: nothing can release it. */
static void overwrite_leak(struct mm *m, const struct mv *st, int slot)
{
	unsigned i;

	for (i = 0; i < m->nslots; i++)
		if ((int)i != slot && st[i].site == st[slot].site)
			return;
	leak_event(m, slot, st[slot].site, st[slot].kind);
}

static void mm_transfer(void *user, void *state, const struct cfg *g, unsigned eid, int report)
{
	struct mm *m = user;
	struct mv *st = state;
	const struct mact *a = &m->act[eid];
	const struct cfg_elem *e = &g->elems[eid];

	switch (a->op) {
	case MA_SET: {
		struct mv *v = &st[a->slot];

		if (report && (v->own & O_OWNED) && v->site && v->nul != N_NULL &&
		    !(a->val == V_VAR && st[a->src].site == v->site))
			overwrite_leak(m, st, a->slot);
		switch (a->val) {
		case V_ALLOC:
			v->nul = a->nul_src;
			v->own = a->owned ? O_OWNED : 0;
			v->kind = a->kind;
			v->site = eid + 1;
			break;
		case V_NULL:
			v->nul = N_NULL;
			v->own = 0;
			v->kind = 0;
			v->site = 0;
			break;
		case V_VAR:
			if (a->src != a->slot)
				*v = st[a->src];
			break;
		default:
			v->nul = N_NONNULL;
			v->own = 0;
			v->kind = 0;
			v->site = 0;
			break;
		}
		break;
	}
	case MA_USE: {
		struct mv *v = &st[a->slot];

		if (v->own & O_FREED) {
			if (report)
				event(m, FLOW_EV_USE_FREED, e->node, a->slot, NULL, 0, 0);
			for_site(m, st, a->slot, clear_freed, NULL);
		}
		if (a->how == U_DEREF || a->how == U_DEREF_ESCAPE) {
			if (report && (v->nul & (N_NULL | N_ALLOC | N_OPEN))) {
				int src = (v->nul & N_ALLOC) ? FLOW_NULL_ALLOC
					  : (v->nul & N_OPEN) ? FLOW_NULL_OPEN : FLOW_NULL_EXPLICIT;

				event(m, FLOW_EV_NULL_DEREF, e->node, a->slot, NULL, src,
				      site_line(m, v->site));
			}
			for_site(m, st, a->slot, set_nonnull, NULL);
			if (a->how == U_DEREF_ESCAPE)
				for_site(m, st, a->slot, set_escaped, NULL);
		} else if (a->how == U_ESCAPE) {
			for_site(m, st, a->slot, set_escaped, NULL);
		}
		break;
	}
	case MA_FREE: {
		struct mv *v = &st[a->slot];

		if (v->nul == N_NULL)
			break;           /* releasing NULL does nothing */
		if (report && (v->own & O_FREED))
			event(m, FLOW_EV_DOUBLE_FREE, e->node, a->slot, a->what, 0, 0);
		for_site(m, st, a->slot, set_freed, NULL);
		break;
	}
	case MA_ESCAPE:
		for_site(m, st, a->slot, set_escaped, NULL);
		break;
	case MA_CLOBBER: {
		struct mv *v = &st[a->slot];

		set_escaped(v, NULL);
		v->nul = N_NONNULL;
		v->own &= (uint8_t)~O_FREED;
		v->site = 0;
		break;
	}
	default:
		break;
	}
}

static int mm_refine(void *user, void *state, const struct cfg *g, const struct cfg_edge *e)
{
	struct mm *m = user;
	struct mv *st = state;
	const struct etest *t = &m->test[e - g->edges];

	if (e->kind != CFG_EDGE_NORMAL && !g->blocks[e->from].loop_head) {
		unsigned i;

		/* `p = NULL; if (c) p = q; ... if (c) *p`: the second branch may be the
		   same decision; later dereferences of p under it are not reported */
		for (i = 0; i < m->nslots; i++)
			if ((int)i != (t->valid ? t->slot : -1) && (st[i].nul & N_NULL) &&
			    (st[i].nul & N_NONNULL))
				st[i].nul = (uint8_t)((st[i].nul & ~N_NULL) | N_NULLG);
	}
	if (!t->valid)
		return 1;
	if (t->null_if_true) {
		for_site(m, st, t->slot, set_null, NULL);
	} else {
		if (st[t->slot].nul == N_NULL)
			return 0;    /* known null: the non-null branch is not taken */
		for_site(m, st, t->slot, set_nonnull, NULL);
	}
	return 1;
}

static void leaks_at_exit(struct mm *m, const struct mv *st)
{
	unsigned i;

	for (i = 0; i < m->nslots; i++)
		if ((st[i].own & O_OWNED) && st[i].site && st[i].nul != N_NULL)
			leak_event(m, (int)i, st[i].site, st[i].kind);
}

unsigned flow_mem_events(struct asp_ctx *ctx, asp_node fn, const struct flow_event **out)
{
	const struct cfg *g = flow_cfg(ctx, fn);
	struct flow_fn *f = ctx->flow;
	struct mm m;
	struct flow_ops ops;
	const void *exit_state = NULL;
	unsigned i;
	int want_int = 0;

	*out = NULL;
	if (!g || !f)
		return 0;
	if (f->mem_done) {
		*out = f->mem_ev;
		return f->nmem;
	}
	f->mem_done = 1;
	memset(&m, 0, sizeof m);
	m.ctx = ctx;
	m.g = g;
	m.slot_of = flow_alloc(ctx, (g->nvars + 1) * sizeof *m.slot_of);
	m.var_of = flow_alloc(ctx, (g->nvars + 1) * sizeof *m.var_of);
	m.act = flow_alloc(ctx, (g->nelems + 1) * sizeof *m.act);
	m.test = flow_alloc(ctx, (g->nedges + 1) * sizeof *m.test);
	m.leaked = flow_alloc(ctx, g->nelems + 1);
	if (!m.slot_of || !m.var_of || !m.act || !m.test || !m.leaked)
		return 0;
	/* integers matter only as descriptors: track them when something opens one */
	for (i = 0; i < g->nelems && !want_int; i++) {
		struct fnrole tmp;
		const struct fnrole *r;

		if (!g->elems[i].callee || asp_node_kind(g->elems[i].node) != ASP_NODE_CALL)
			continue;
		r = role_of(ctx, g->elems[i].callee, &tmp);
		want_int = r && r->role == R_OPEN && (r->kind == RK_FD || r->kind >= RK_CUSTOM);
	}
	for (i = 0; i < g->nvars; i++) {
		unsigned fl = g->vars[i].flags;

		m.slot_of[i] = -1;
		if ((fl & CFG_VAR_STATIC) ||
		    !(fl & (CFG_VAR_POINTER | (want_int ? CFG_VAR_INTEGER : 0))))
			continue;
		m.slot_of[i] = (int)m.nslots;
		m.var_of[m.nslots++] = (int)i;
	}
	if (!m.nslots)
		return 0;
	for (i = 0; i < g->nelems; i++) {
		const struct cfg_elem *e = &g->elems[i];
		int k = asp_node_kind(e->node);

		/* only declarations, assignments, calls, returns and tracked references */
		if ((e->flags & CFG_EF_DECL) || k == ASP_NODE_BINARY_OP || k == ASP_NODE_CALL ||
		    k == ASP_NODE_RETURN || (k == ASP_NODE_DECL_REF && e->var >= 0 &&
					     m.slot_of[e->var] >= 0))
			plan_element(&m, i);
		else
			m.act[i].slot = m.act[i].src = -1;
	}
	for (i = 0; i < g->nedges; i++)
		if (g->edges[i].kind != CFG_EDGE_NORMAL)
			plan_edge(&m, i);
	memset(&ops, 0, sizeof ops);
	ops.state_size = m.nslots * sizeof(struct mv);
	ops.entry = mm_entry;
	ops.join = mm_join;
	ops.transfer = mm_transfer;
	ops.refine = mm_refine;
	if (flow_solve(ctx, g, &ops, &m, &exit_state) != ASP_OK) {
		f->nmem = 0;
		return 0;
	}
	if (exit_state)
		leaks_at_exit(&m, exit_state);
	f->mem_ev = m.ev.v;
	f->nmem = m.ev.n;
	*out = f->mem_ev;
	return f->nmem;
}
