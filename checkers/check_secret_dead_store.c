/*
 * MDS-SEC-002: memset/bzero clearing a local buffer whose name says it holds
 * a secret, when the buffer is not read again before the function returns:
 * the store is dead and the compiler may remove it. Own lattice: per
 * tracked buffer, the clearing call still pending (element + 1) or 0.
 */
#include "asepsis/checker.h"
#include "flow/dataflow.h"

#include <ctype.h>
#include <string.h>

struct sd {
	struct asp_ctx *ctx;
	unsigned char *tracked;      /* per variable */
	int *cleared;                /* per element: variable a clearing call clears, or -1 */
	unsigned char *reported;     /* per element */
	unsigned n;
};

static int secret_part(const char *p, size_t len)
{
	static const char *const whole[] = { "key", "keys", "pin", "pwd", "seed", "priv", "cred",
					     "creds", "psk", "privkey", NULL };
	static const char *const prefix[] = { "secret", "passw", "token", "nonce", "session",
					      "credential", "passphrase", NULL };
	char buf[64];
	size_t i;

	if (len == 0 || len >= sizeof buf)
		return 0;
	for (i = 0; i < len; i++)
		buf[i] = (char)tolower((unsigned char)p[i]);
	buf[len] = '\0';
	for (i = 0; whole[i]; i++)
		if (strcmp(buf, whole[i]) == 0)
			return 1;
	for (i = 0; prefix[i]; i++)
		if (strncmp(buf, prefix[i], strlen(prefix[i])) == 0)
			return 1;
	return 0;
}

/* Splits an identifier at '_', digits and lower-to-upper changes. */
static int secret_name(const char *s)
{
	size_t i = 0, start = 0, n = strlen(s);

	for (i = 0; i <= n; i++) {
		int cut = i == n || s[i] == '_' || isdigit((unsigned char)s[i]) ||
			  (i > start && isupper((unsigned char)s[i]) &&
			   islower((unsigned char)s[i - 1]));

		if (!cut)
			continue;
		if (secret_part(s + start, i - start))
			return 1;
		start = (i < n && isupper((unsigned char)s[i])) ? i : i + 1;
	}
	return 0;
}

static int clearing_call(const char *name)
{
	return name && (strcmp(name, "memset") == 0 || strcmp(name, "bzero") == 0 ||
			strcmp(name, "__builtin_memset") == 0);
}

static void join(void *user, void *dst, const void *src)
{
	int *d = dst;
	const int *s = src;
	unsigned i, n = ((struct sd *)user)->n;

	for (i = 0; i < n; i++)
		if (s[i] && (!d[i] || s[i] < d[i]))
			d[i] = s[i];
}

static void transfer(void *user, void *state, const struct cfg *g, unsigned eid, int report)
{
	struct sd *u = user;
	int *st = state;
	const struct cfg_elem *e = &g->elems[eid];

	(void)report;
	if (u->cleared[eid] >= 0) {
		st[u->cleared[eid]] = (int)eid + 1;
		return;
	}
	if (e->var >= 0 && u->tracked[e->var] && !(e->flags & CFG_EF_DECL))
		st[e->var] = 0;   /* any other use keeps the clearing alive */
}

static void func_end(struct asp_ctx *ctx, asp_node fn)
{
	const struct cfg *g = flow_cfg(ctx, fn);
	struct sd u;
	struct flow_ops ops;
	const int *exit_st = NULL;
	const void *xs = NULL;
	unsigned i, any = 0;

	if (!g || !g->nvars)
		return;
	memset(&u, 0, sizeof u);
	u.ctx = ctx;
	u.n = g->nvars;
	u.tracked = flow_alloc(ctx, g->nvars);
	u.cleared = flow_alloc(ctx, (g->nelems + 1) * sizeof *u.cleared);
	u.reported = flow_alloc(ctx, g->nelems + 1);
	if (!u.tracked || !u.cleared || !u.reported)
		return;
	for (i = 0; i < g->nvars; i++) {
		unsigned f = g->vars[i].flags;

		u.tracked[i] = (f & (CFG_VAR_ARRAY | CFG_VAR_RECORD)) &&
			       !(f & (CFG_VAR_PARAM | CFG_VAR_STATIC | CFG_VAR_VOLATILE)) &&
			       secret_name(g->vars[i].name);
	}
	for (i = 0; i < g->nelems; i++) {
		const struct cfg_elem *e = &g->elems[i];

		u.cleared[i] = -1;
		if (e->callee && clearing_call(e->callee) && asp_node_arg_count(ctx, e->node) > 0) {
			asp_node a = flow_strip(ctx, asp_node_arg(ctx, e->node, 0));
			int v;

			if (asp_node_kind(a) == ASP_NODE_UNARY_OP &&
			    asp_node_operator(ctx, a) == ASP_OP_ADDR_OF)
				a = flow_strip(ctx, asp_node_child(ctx, a, 0));
			v = flow_node_var(ctx, g, i, a);
			if (v >= 0 && u.tracked[v]) {
				u.cleared[i] = v;
				any = 1;
			}
		}
	}
	if (!any)
		return;
	memset(&ops, 0, sizeof ops);
	ops.state_size = g->nvars * sizeof(int);
	ops.join = join;
	ops.transfer = transfer;
	if (flow_solve(ctx, g, &ops, &u, &xs) != 0 || !xs)
		return;
	exit_st = xs;
	for (i = 0; i < g->nvars; i++) {
		int site = exit_st[i];

		if (!site || u.reported[site - 1])
			continue;
		u.reported[site - 1] = 1;
		asp_report(ctx, g->elems[site - 1].node, "MDS-SEC-002",
			   "'%s' is cleared here but never read afterwards: the compiler may "
			   "remove this store; use explicit_bzero, memset_s or memset_explicit",
			   g->vars[i].name);
	}
}

static const int kinds[] = { 0 };

const struct asp_checker check_secret_dead_store = {
	.abi_version = ASP_ABI_VERSION,
	.name = "secret_dead_store",
	.kinds = kinds,
	.func_end = func_end,
};
