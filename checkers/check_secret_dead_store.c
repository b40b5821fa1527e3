/*
 * MDS-SEC-002: memset/bzero clearing a local buffer whose name says it holds
 * a secret, when the buffer is not read again before the function returns:
 * the store is dead and the compiler may remove it. Own lattice: per
 * clearing call, whether it is still pending (no use of its buffer since).
 */
#include "asepsis/checker.h"
#include "flow/dataflow.h"

#include <ctype.h>
#include <string.h>

struct sd {
	struct asp_ctx *ctx;
	unsigned char *tracked;      /* per variable */
	int *cleared;                /* per element: its clearing-site index, or -1 */
	unsigned *site_eid;          /* per site: the clearing call */
	int *site_var;               /* per site: the buffer */
	unsigned n;                  /* sites */
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
	unsigned char *d = dst;
	const unsigned char *s = src;
	unsigned i, n = ((struct sd *)user)->n;

	for (i = 0; i < n; i++)
		d[i] |= s[i];
}

static void transfer(void *user, void *state, const struct cfg *g, unsigned eid, int report)
{
	struct sd *u = user;
	unsigned char *st = state;
	const struct cfg_elem *e = &g->elems[eid];
	unsigned i;

	(void)report;
	if (u->cleared[eid] >= 0) {
		st[u->cleared[eid]] = 1;
		return;
	}
	if (e->var >= 0 && u->tracked[e->var] && !(e->flags & CFG_EF_DECL))
		for (i = 0; i < u->n; i++)
			if (u->site_var[i] == e->var)
				st[i] = 0;   /* a later use keeps the clearing alive */
}

static void func_end(struct asp_ctx *ctx, asp_node fn)
{
	const struct cfg *g = flow_cfg(ctx, fn);
	struct sd u;
	struct flow_ops ops;
	const unsigned char *exit_st = NULL;
	const void *xs = NULL;
	unsigned i;

	if (!g || !g->nvars)
		return;
	memset(&u, 0, sizeof u);
	u.ctx = ctx;
	u.tracked = flow_alloc(ctx, g->nvars);
	u.cleared = flow_alloc(ctx, (g->nelems + 1) * sizeof *u.cleared);
	u.site_eid = flow_alloc(ctx, 64 * sizeof *u.site_eid);
	u.site_var = flow_alloc(ctx, 64 * sizeof *u.site_var);
	if (!u.tracked || !u.cleared || !u.site_eid || !u.site_var)
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
			if (v >= 0 && u.tracked[v] && u.n < 64) {
				u.site_eid[u.n] = i;
				u.site_var[u.n] = v;
				u.cleared[i] = (int)u.n++;
			}
		}
	}
	if (!u.n)
		return;
	memset(&ops, 0, sizeof ops);
	ops.state_size = u.n;
	ops.join = join;
	ops.transfer = transfer;
	if (flow_solve(ctx, g, &ops, &u, &xs) != 0 || !xs)
		return;
	exit_st = xs;
	for (i = 0; i < u.n; i++)
		if (exit_st[i])
			asp_report(ctx, g->elems[u.site_eid[i]].node, "MDS-SEC-002",
				   "'%s' is cleared here but never read afterwards: the compiler may "
				   "remove this store; use explicit_bzero, memset_s or memset_explicit",
				   g->vars[u.site_var[i]].name);
}

static const int kinds[] = { 0 };

const struct asp_checker check_secret_dead_store = {
	.abi_version = ASP_ABI_VERSION,
	.name = "secret_dead_store",
	.kinds = kinds,
	.func_end = func_end,
};
