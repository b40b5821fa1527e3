/*
 * MDS-CTL-003: recursion, which makes stack use depend on the data. Direct:
 * at a function's first call to itself. Indirect: on the unit's call graph,
 * once the last member of a cycle is defined, at its call into the (shortest)
 * cycle, which the message names. Calls through pointers are not edges.
 */
#include "asepsis/checker.h"

#include <stdio.h>
#include <string.h>

#define RULE "MDS-CTL-003"
#define MAX_FUNCS 16384
#define MAX_CYCLE 64

struct edge {
	unsigned to;
	asp_node call;          /* first call of `to` in the caller */
	struct edge *next;
};

struct func {
	const char *name;
	struct edge *out;
	int called_before;      /* an earlier function calls it: a cycle can close here */
};

struct state {
	struct func *f;
	unsigned n;
	unsigned *slots;        /* open addressing: index + 1, 0 empty */
	unsigned nslots;
	unsigned *queue, *prev; /* BFS scratch */
	asp_node self_reported; /* last function reported for direct recursion */
	int full;               /* the call graph is off: table full or out of memory */
};

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct state *state_of(struct asp_ctx *ctx)
{
	struct state *s = asp_ctx_state(ctx);

	if (s)
		return s;
	s = asp_ctx_alloc(ctx, sizeof *s);
	if (!s)
		return NULL;
	s->nslots = MAX_FUNCS * 2;
	s->f = asp_ctx_alloc(ctx, MAX_FUNCS * sizeof *s->f);
	s->slots = asp_ctx_alloc(ctx, s->nslots * sizeof *s->slots);
	s->queue = asp_ctx_alloc(ctx, MAX_FUNCS * sizeof *s->queue);
	s->prev = asp_ctx_alloc(ctx, MAX_FUNCS * sizeof *s->prev);
	if (!s->f || !s->slots || !s->queue || !s->prev)
		s->full = 1;
	asp_ctx_set_state(ctx, s);
	return s;
}

/* Index of the function called `name`; creates it. -1 when the table is full. */
static long intern(struct state *s, const char *name)
{
	unsigned h = hash(name) % s->nslots;

	while (s->slots[h]) {
		unsigned i = s->slots[h] - 1;

		if (strcmp(s->f[i].name, name) == 0)
			return i;
		h = (h + 1) % s->nslots;
	}
	if (s->n >= MAX_FUNCS) {
		s->full = 1;
		return -1;
	}
	s->f[s->n].name = name;
	s->slots[h] = ++s->n;
	return (long)s->n - 1;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	asp_node fn = asp_ctx_function(ctx);
	const char *callee, *caller;
	struct state *s;
	struct edge *e;
	long from, to;

	if (asp_node_is_null(fn))
		return ASP_WALK_CONTINUE;
	callee = asp_node_callee_name(ctx, n);
	if (!callee)
		return ASP_WALK_CONTINUE;   /* through a pointer */
	s = state_of(ctx);
	if (!s)
		return ASP_WALK_DONE;
	caller = asp_node_spelling(ctx, fn);
	if (strcmp(callee, caller) == 0) {
		/* one finding per function: its first recursive call */
		if (!asp_node_equal(s->self_reported, fn))
			asp_report(ctx, n, RULE, "'%s' calls itself (direct recursion); its stack "
				   "use depends on the data", caller);
		s->self_reported = fn;
		return ASP_WALK_CONTINUE;
	}
	if (s->full)
		return ASP_WALK_CONTINUE;   /* direct recursion is still reported */
	from = intern(s, caller);
	to = intern(s, callee);
	if (from < 0 || to < 0)
		return ASP_WALK_CONTINUE;
	for (e = s->f[from].out; e; e = e->next)
		if (e->to == (unsigned)to)
			return ASP_WALK_CONTINUE;
	e = asp_ctx_alloc(ctx, sizeof *e);
	if (!e) {
		s->full = 1;
		return ASP_WALK_CONTINUE;
	}
	e->to = (unsigned)to;
	e->call = n;
	e->next = s->f[from].out;
	s->f[from].out = e;
	s->f[to].called_before = 1;
	return ASP_WALK_CONTINUE;
}

/* Appends " -> name" (or name first) to a cycle description; truncates quietly. */
static size_t append(char *buf, size_t cap, size_t used, const char *name)
{
	int n = snprintf(buf + used, cap - used, "%s%s", used ? " -> " : "", name);

	if (n < 0)
		return used;
	if ((size_t)n >= cap - used)
		return cap - 1;
	return used + (size_t)n;
}

static struct edge *edge_to(struct state *s, unsigned from, unsigned to)
{
	struct edge *e, *first = NULL;

	/* edges are prepended: the last one found is the first call in the source */
	for (e = s->f[from].out; e; e = e->next)
		if (e->to == to)
			first = e;
	return first;
}

/*
 * Breadth-first search from `root` back to itself over the calls recorded so
 * far; prev[] holds the path. Successors are tried in source order of the
 * calls, so the cycle chosen does not depend on anything but the code.
 */
static void func_end(struct asp_ctx *ctx, asp_node fn)
{
	struct state *s = asp_ctx_state(ctx);
	unsigned head = 0, tail = 0, i, root, last = 0, path[MAX_CYCLE], len = 0;
	long r;
	int found = 0;

	if (!s || s->full)
		return;
	r = intern(s, asp_node_spelling(ctx, fn));
	if (r < 0 || !s->f[r].called_before || !s->f[r].out)
		return;
	root = (unsigned)r;
	for (i = 0; i < s->n; i++)
		s->prev[i] = ~0u;
	s->queue[tail++] = root;
	while (head < tail && !found) {
		unsigned u = s->queue[head++];
		struct edge *order[256], *e;
		unsigned k = 0;

		for (e = s->f[u].out; e && k < 256; e = e->next)
			order[k++] = e;
		while (k-- > 0) {
			unsigned v = order[k]->to;

			if (v == root) {
				last = u;
				found = 1;
				break;
			}
			if (s->prev[v] != ~0u || tail >= MAX_FUNCS)
				continue;
			s->prev[v] = u;
			s->queue[tail++] = v;
		}
	}
	if (!found)
		return;
	/* path: root -> ... -> last -> root */
	for (i = last; i != root && len < MAX_CYCLE; i = s->prev[i])
		path[len++] = i;
	if (len == MAX_CYCLE || len == 0)
		return;
	{
		char msg[512];
		size_t used;
		struct edge *first = edge_to(s, root, path[len - 1]);

		msg[0] = '\0';
		used = append(msg, sizeof msg, 0, s->f[root].name);
		for (i = len; i-- > 0;)
			used = append(msg, sizeof msg, used, s->f[path[i]].name);
		used = append(msg, sizeof msg, used, s->f[root].name);
		if (first)
			asp_report(ctx, first->call, RULE,
				   "indirect recursion: %s; stack use depends on the data", msg);
	}
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_recursion = {
	.abi_version = ASP_ABI_VERSION,
	.name = "recursion",
	.kinds = kinds,
	.enter = enter,
	.func_end = func_end,
};
