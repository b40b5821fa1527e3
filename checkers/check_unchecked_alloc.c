/*
 * MDS-MEM-004: a local pointer from malloc/calloc/realloc/strdup (or an RTOS
 * allocator) dereferenced or passed to memcpy/strlen-like functions before any
 * NULL test. Source order stands in for paths: any test in a condition is a
 * check; reassignment or escape ends tracking; an unknown callee is not a use.
 */
#include "asepsis/checker.h"

#include <string.h>

#define RULE "MDS-MEM-004"
#define MAX_TRACKED 64
#define MAX_CLIMB 24

static const char *const allocators[] = {
	"malloc", "calloc", "realloc", "reallocarray", "strdup", "strndup",
	"aligned_alloc", "pvPortMalloc", "k_malloc", "k_calloc", "rt_malloc",
	"rt_calloc", "rt_realloc", NULL
};

/* Functions that dereference a pointer argument: bit i = argument i. */
struct deref_fn {
	const char *name;
	unsigned mask;
};

static const struct deref_fn deref_fns[] = {
	{ "memcpy", 3u }, { "memmove", 3u }, { "memset", 1u }, { "memcmp", 3u },
	{ "memchr", 1u }, { "strcpy", 3u }, { "strncpy", 3u }, { "strcat", 3u },
	{ "strncat", 3u }, { "strcmp", 3u }, { "strncmp", 3u }, { "strlen", 1u },
	{ "strchr", 1u }, { "strrchr", 1u }, { "strstr", 3u }, { "sprintf", 1u },
	{ "snprintf", 1u }, { "vsprintf", 1u }, { "vsnprintf", 1u }, { "fgets", 1u },
	{ "fread", 1u }, { "fwrite", 1u }, { "sscanf", 1u },
};

enum track_state { T_UNCHECKED = 1, T_DONE };

struct tracked {
	asp_node decl;
	const char *allocator;
	int state;
};

struct state {
	asp_node fn;
	struct tracked v[MAX_TRACKED];
	unsigned n;
};

static const char *base_name(const char *name, char *buf, size_t cap)
{
	size_t len;

	if (!name)
		return NULL;
	if (strncmp(name, "__builtin___", 12) == 0) {
		name += 12;
		len = strlen(name);
		if (len > 4 && strcmp(name + len - 4, "_chk") == 0 && len - 4 < cap) {
			memcpy(buf, name, len - 4);
			buf[len - 4] = '\0';
			return buf;
		}
		return name;
	}
	if (strncmp(name, "__builtin_", 10) == 0)
		return name + 10;
	return name;
}

static struct state *state_of(struct asp_ctx *ctx)
{
	struct state *s = asp_ctx_state(ctx);
	asp_node fn = asp_ctx_function(ctx);

	if (!s) {
		s = asp_ctx_alloc(ctx, sizeof *s);
		if (!s)
			return NULL;
		asp_ctx_set_state(ctx, s);
	}
	if (!asp_node_equal(s->fn, fn)) {
		s->fn = fn;
		s->n = 0;
	}
	return s;
}

static asp_node strip_casts(struct asp_ctx *ctx, asp_node n)
{
	unsigned guard = 0;

	while (guard++ < 64) {
		unsigned c;

		n = asp_node_strip(ctx, n);
		if (asp_node_kind(n) != ASP_NODE_CAST)
			break;
		c = asp_node_child_count(ctx, n);
		if (c == 0)
			break;
		n = asp_node_child(ctx, n, c - 1);
	}
	return n;
}

/* The allocator's name if e (casts stripped) calls one; NULL otherwise. */
static const char *allocator_call(struct asp_ctx *ctx, asp_node e)
{
	const char *name;
	unsigned i;

	e = strip_casts(ctx, e);
	if (asp_node_kind(e) != ASP_NODE_CALL)
		return NULL;
	name = asp_node_callee_name(ctx, e);
	if (!name)
		return NULL;
	if (strncmp(name, "__builtin_", 10) == 0)
		name += 10;
	for (i = 0; allocators[i]; i++)
		if (strcmp(allocators[i], name) == 0)
			return allocators[i];
	return NULL;
}

static struct tracked *lookup(struct state *s, asp_node decl)
{
	unsigned i;

	for (i = 0; i < s->n; i++)
		if (asp_node_equal(s->v[i].decl, decl))
			return &s->v[i];
	return NULL;
}

/* A new allocation (allocator set) or the end of tracking (allocator NULL). */
static void set_state(struct state *s, asp_node decl, const char *allocator, int st)
{
	struct tracked *t = lookup(s, decl);

	if (!t) {
		if (!allocator || s->n >= MAX_TRACKED)
			return;
		t = &s->v[s->n++];
		t->decl = decl;
	}
	t->allocator = allocator;
	t->state = allocator ? st : T_DONE;
}

/* Local pointers only: their whole life is visible in the function. */
static int trackable(struct asp_ctx *ctx, asp_node decl)
{
	enum asp_storage st = asp_node_storage(ctx, decl);
	struct asp_type t;

	if (st != ASP_STORAGE_LOCAL && st != ASP_STORAGE_PARAM)
		return 0;
	return asp_node_type(ctx, decl, &t) && (t.flags & ASP_TYPE_POINTER);
}

/*
 * Whether the node at ancestor level `from` (or the visited node when from is
 * 0) is used as a truth value: if/while/for/do condition, ?: condition,
 * operand of !, &&, ||, == or !=.
 */
static int in_condition(struct asp_ctx *ctx, unsigned from, asp_node below)
{
	unsigned i;

	for (i = from; i < from + MAX_CLIMB; i++) {
		asp_node p = asp_ctx_parent(ctx, i);

		switch (asp_node_kind(p)) {
		case ASP_NODE_PAREN: case ASP_NODE_IMPLICIT: case ASP_NODE_CAST:
			below = p;
			continue;
		case ASP_NODE_UNARY_OP:
			return asp_node_operator(ctx, p) == ASP_OP_LNOT;
		case ASP_NODE_BINARY_OP:
			switch (asp_node_operator(ctx, p)) {
			case ASP_OP_LAND: case ASP_OP_LOR: case ASP_OP_EQ: case ASP_OP_NE:
				return 1;
			default:
				return 0;
			}
		case ASP_NODE_CONDITIONAL:
			return asp_node_equal(asp_node_child(ctx, p, 0), below);
		case ASP_NODE_IF: case ASP_NODE_WHILE: case ASP_NODE_DO: case ASP_NODE_FOR:
		case ASP_NODE_SWITCH:
			return 1;
		default:
			return 0;
		}
	}
	return 0;
}

static void record_alloc(struct asp_ctx *ctx, struct state *s, asp_node decl,
			 const char *allocator, int checked_here)
{
	if (!trackable(ctx, decl))
		return;
	set_state(s, decl, allocator, checked_here ? T_DONE : T_UNCHECKED);
}

enum use { U_NONE, U_USE, U_CHECK, U_ESCAPE };

/*
 * Classifies a read of a tracked pointer by climbing its ancestors. `derived`
 * is set while the value is p + k, &p->f or &p[i]: still a pointer into the
 * block, no longer the pointer itself. *where is the dereferencing node.
 */
static enum use classify(struct asp_ctx *ctx, asp_node ref, asp_node *where, const char **fn)
{
	asp_node below = ref;
	int derived = 0;
	unsigned i, k, count;
	char buf[64];

	for (i = 0; i < MAX_CLIMB; i++) {
		asp_node p = asp_ctx_parent(ctx, i);

		switch (asp_node_kind(p)) {
		case ASP_NODE_PAREN: case ASP_NODE_IMPLICIT: case ASP_NODE_CAST:
			below = p;
			continue;
		case ASP_NODE_SIZEOF:
			return U_NONE;
		case ASP_NODE_UNARY_OP:
			switch (asp_node_operator(ctx, p)) {
			case ASP_OP_DEREF:
				*where = p;
				return U_USE;
			case ASP_OP_LNOT:
				return derived ? U_NONE : U_CHECK;
			case ASP_OP_ADDR_OF:
				return derived ? U_NONE : U_ESCAPE;
			default:
				return U_NONE;
			}
		case ASP_NODE_MEMBER_REF:
		case ASP_NODE_SUBSCRIPT: {
			asp_node up = asp_ctx_parent(ctx, i + 1);
			unsigned j = i + 1;

			if (asp_node_kind(p) == ASP_NODE_SUBSCRIPT &&
			    !asp_node_equal(asp_node_child(ctx, p, 0), below))
				return U_NONE;   /* used as the index */
			while ((asp_node_kind(up) == ASP_NODE_PAREN) && j < i + MAX_CLIMB)
				up = asp_ctx_parent(ctx, ++j);
			if (asp_node_kind(up) == ASP_NODE_UNARY_OP &&
			    asp_node_operator(ctx, up) == ASP_OP_ADDR_OF) {
				derived = 1;
				below = up;
				i = j;
				continue;
			}
			*where = p;
			return U_USE;
		}
		case ASP_NODE_BINARY_OP:
			switch (asp_node_operator(ctx, p)) {
			case ASP_OP_ADD: case ASP_OP_SUB: {
				struct asp_type t;

				if (asp_node_type(ctx, p, &t) && (t.flags & ASP_TYPE_POINTER)) {
					derived = 1;
					below = p;
					continue;
				}
				return U_NONE;
			}
			case ASP_OP_EQ: case ASP_OP_NE: case ASP_OP_LAND: case ASP_OP_LOR:
				return derived ? U_NONE : U_CHECK;
			case ASP_OP_ASSIGN:
				if (asp_node_equal(asp_node_child(ctx, p, 1), below))
					return U_ESCAPE;
				return U_NONE;
			case ASP_OP_COMMA:
				if (asp_node_equal(asp_node_child(ctx, p, 1), below)) {
					below = p;
					continue;
				}
				return U_NONE;
			default:
				return U_NONE;
			}
		case ASP_NODE_CONDITIONAL:
			if (asp_node_equal(asp_node_child(ctx, p, 0), below))
				return derived ? U_NONE : U_CHECK;
			below = p;
			continue;
		case ASP_NODE_IF: case ASP_NODE_WHILE: case ASP_NODE_DO: case ASP_NODE_FOR:
			return derived ? U_NONE : U_CHECK;
		case ASP_NODE_CALL: {
			const struct deref_fn *d = NULL;
			const char *name;
			size_t f;

			count = asp_node_arg_count(ctx, p);
			for (k = 0; k < count; k++)
				if (asp_node_equal(asp_node_arg(ctx, p, k), below))
					break;
			if (k == count)
				return U_NONE;   /* the callee itself */
			name = base_name(asp_node_callee_name(ctx, p), buf, sizeof buf);
			for (f = 0; name && f < sizeof deref_fns / sizeof deref_fns[0]; f++)
				if (strcmp(deref_fns[f].name, name) == 0)
					d = &deref_fns[f];
			if (d && k < 8 && (d->mask & (1u << k))) {
				*where = p;
				*fn = d->name;
				return U_USE;
			}
			/* if (!valid(p)) ... : a predicate over the pointer is a check */
			if (!derived && in_condition(ctx, i + 1, p))
				return U_CHECK;
			return U_NONE;
		}
		case ASP_NODE_RETURN: case ASP_NODE_VAR: case ASP_NODE_INIT_LIST:
		case ASP_NODE_COMPOUND_LITERAL:
			return U_ESCAPE;
		default:
			return U_NONE;
		}
	}
	return U_NONE;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	struct state *s;
	struct tracked *t;
	asp_node decl, where = n;
	const char *fn = NULL;

	if (asp_node_kind(n) != ASP_NODE_DECL_REF || asp_node_is_null(asp_ctx_function(ctx)))
		return ASP_WALK_CONTINUE;
	s = state_of(ctx);
	if (!s)
		return ASP_WALK_DONE;
	if (s->n == 0)
		return ASP_WALK_CONTINUE;
	decl = asp_node_referenced(ctx, n);
	t = lookup(s, decl);
	if (!t || t->state != T_UNCHECKED)
		return ASP_WALK_CONTINUE;
	switch (classify(ctx, n, &where, &fn)) {
	case U_USE:
		if (fn)
			asp_report(ctx, where, RULE,
				   "'%s' from %s() is passed to %s() before it is checked for NULL",
				   asp_node_spelling(ctx, n), t->allocator, fn);
		else
			asp_report(ctx, where, RULE,
				   "'%s' from %s() is dereferenced before it is checked for NULL",
				   asp_node_spelling(ctx, n), t->allocator);
		t->state = T_DONE;
		break;
	case U_CHECK: case U_ESCAPE:
		t->state = T_DONE;
		break;
	default:
		break;
	}
	return ASP_WALK_CONTINUE;
}

/* After the right-hand side has been walked: `p = malloc(...)`, `T *p = malloc(...)`. */
static void leave(struct asp_ctx *ctx, asp_node n)
{
	struct state *s;

	if (asp_node_is_null(asp_ctx_function(ctx)))
		return;
	s = state_of(ctx);
	if (!s)
		return;
	if (asp_node_kind(n) == ASP_NODE_VAR) {
		unsigned c = asp_node_child_count(ctx, n);
		const char *a;

		if (c == 0)
			return;
		a = allocator_call(ctx, asp_node_child(ctx, n, c - 1));
		if (a)
			record_alloc(ctx, s, n, a, 0);
		return;
	}
	if (asp_node_operator(ctx, n) == ASP_OP_ASSIGN) {
		asp_node lhs = asp_node_strip(ctx, asp_node_child(ctx, n, 0));
		asp_node decl;

		if (asp_node_kind(lhs) != ASP_NODE_DECL_REF)
			return;
		decl = asp_node_referenced(ctx, lhs);
		record_alloc(ctx, s, decl, allocator_call(ctx, asp_node_child(ctx, n, 1)),
			     in_condition(ctx, 0, n));
	}
}

static const int kinds[] = { ASP_NODE_DECL_REF, ASP_NODE_BINARY_OP, ASP_NODE_VAR, 0 };

const struct asp_checker check_unchecked_alloc = {
	.abi_version = ASP_ABI_VERSION,
	.name = "unchecked_alloc",
	.kinds = kinds,
	.enter = enter,
	.leave = leave,
};
