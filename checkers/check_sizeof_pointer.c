/*
 * MDS-PTR-001: sizeof of a pointer where the buffer's size is meant
 * (memset(p, 0, sizeof p), sizeof of an array parameter, sizeof(p) / sizeof(p[0]),
 * malloc(sizeof str)): the length silently becomes 4 or 8 bytes. Silent for type
 * names, pointers to pointers, and pointers that are not the call's buffer.
 */
#include "asepsis/checker.h"

#include <string.h>

#define RULE "MDS-PTR-001"
#define MAX_CLIMB 12

/* A call whose size argument(s) measure the buffer(s) it is given. */
struct sized_call {
	const char *name;
	unsigned size_mask;   /* bit i: argument i is a size */
	unsigned ptr_mask;    /* bit i: argument i is the measured buffer */
};

static const struct sized_call calls[] = {
	{ "memcpy", 1u << 2, 3u }, { "memmove", 1u << 2, 3u },
	{ "memcmp", 1u << 2, 3u }, { "memset", 1u << 2, 1u },
	{ "strncpy", 1u << 2, 3u }, { "strncat", 1u << 2, 3u },
	{ "strncmp", 1u << 2, 3u }, { "strlcpy", 1u << 2, 1u },
	{ "strlcat", 1u << 2, 1u }, { "snprintf", 1u << 1, 1u },
	{ "vsnprintf", 1u << 1, 1u }, { "fgets", 1u << 1, 1u },
	{ "bzero", 1u << 1, 1u }, { "explicit_bzero", 1u << 1, 1u },
	{ "fread", 3u << 1, 1u }, { "fwrite", 3u << 1, 1u },
	{ "read", 1u << 2, 1u << 1 }, { "write", 1u << 2, 1u << 1 },
	{ "recv", 1u << 2, 1u << 1 }, { "send", 1u << 2, 1u << 1 },
};

/* Allocators: the size argument(s); the target is the assigned pointer. */
static const struct sized_call allocs[] = {
	{ "malloc", 1u, 0 }, { "calloc", 1u << 1, 0 }, { "realloc", 1u << 1, 0 },
};

/* memcpy, __builtin_memcpy and __builtin___memcpy_chk are the same call. */
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

static const struct sized_call *find(const struct sized_call *tab, size_t n,
				     const char *name)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (strcmp(tab[i].name, name) == 0)
			return &tab[i];
	return NULL;
}

/* Strips parentheses, implicit conversions and explicit casts. */
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

/*
 * A name for messages: the variable, member or literal an expression is.
 * Token text is avoided: inside a macro expansion it is not the code's text.
 */
static const char *name_of(struct asp_ctx *ctx, asp_node e, const char *fallback)
{
	e = strip_casts(ctx, e);
	switch (asp_node_kind(e)) {
	case ASP_NODE_DECL_REF: case ASP_NODE_MEMBER_REF: case ASP_NODE_STRING_LITERAL:
		return asp_node_spelling(ctx, e);
	default:
		return fallback;
	}
}

/* Two expressions that designate the same object: p, s.f, s->f, *p, a[2]. */
static int same_object(struct asp_ctx *ctx, asp_node a, asp_node b, unsigned depth)
{
	a = asp_node_strip(ctx, a);
	b = asp_node_strip(ctx, b);
	if (depth > 16 || asp_node_kind(a) != asp_node_kind(b))
		return 0;
	switch (asp_node_kind(a)) {
	case ASP_NODE_DECL_REF:
		return asp_node_equal(asp_node_referenced(ctx, a), asp_node_referenced(ctx, b));
	case ASP_NODE_MEMBER_REF:
		if (!asp_node_equal(asp_node_referenced(ctx, a), asp_node_referenced(ctx, b)))
			return 0;
		if (asp_node_child_count(ctx, a) != 1 || asp_node_child_count(ctx, b) != 1)
			return 0;
		return same_object(ctx, asp_node_child(ctx, a, 0), asp_node_child(ctx, b, 0),
				   depth + 1);
	case ASP_NODE_UNARY_OP:
		if (asp_node_operator(ctx, a) != ASP_OP_DEREF ||
		    asp_node_operator(ctx, b) != ASP_OP_DEREF)
			return 0;
		return same_object(ctx, asp_node_child(ctx, a, 0), asp_node_child(ctx, b, 0),
				   depth + 1);
	case ASP_NODE_SUBSCRIPT: {
		long long ia, ib;

		if (!asp_node_int_value(ctx, asp_node_child(ctx, a, 1), &ia) ||
		    !asp_node_int_value(ctx, asp_node_child(ctx, b, 1), &ib) || ia != ib)
			return 0;
		return same_object(ctx, asp_node_child(ctx, a, 0), asp_node_child(ctx, b, 0),
				   depth + 1);
	}
	default:
		return 0;
	}
}

/* p[0] or *p, with p the same object as ptr. */
static int is_first_element_of(struct asp_ctx *ctx, asp_node e, asp_node ptr)
{
	long long idx;

	e = asp_node_strip(ctx, e);
	if (asp_node_kind(e) == ASP_NODE_UNARY_OP && asp_node_operator(ctx, e) == ASP_OP_DEREF)
		return same_object(ctx, asp_node_child(ctx, e, 0), ptr, 0);
	if (asp_node_kind(e) == ASP_NODE_SUBSCRIPT &&
	    asp_node_int_value(ctx, asp_node_child(ctx, e, 1), &idx) && idx == 0)
		return same_object(ctx, asp_node_child(ctx, e, 0), ptr, 0);
	return 0;
}

static int is_array_param(struct asp_ctx *ctx, asp_node op)
{
	asp_node decl;
	struct asp_type t;

	if (asp_node_kind(op) != ASP_NODE_DECL_REF)
		return 0;
	decl = asp_node_referenced(ctx, op);
	if (asp_node_kind(decl) != ASP_NODE_PARAM || !asp_node_type(ctx, decl, &t))
		return 0;
	/* libclang shows the parameter as written; the compiler adjusts it to a pointer */
	return (t.flags & ASP_TYPE_ARRAY) != 0;
}

/* sizeof(p) / sizeof(p[0]) with the sizeof node as the left operand. */
static int is_count_division(struct asp_ctx *ctx, asp_node n, asp_node op)
{
	asp_node below = n, par;
	unsigned i;

	for (i = 0; i < MAX_CLIMB; i++) {
		par = asp_ctx_parent(ctx, i);
		if (asp_node_kind(par) == ASP_NODE_PAREN || asp_node_kind(par) == ASP_NODE_IMPLICIT) {
			below = par;
			continue;
		}
		break;
	}
	if (i == MAX_CLIMB || asp_node_kind(par) != ASP_NODE_BINARY_OP ||
	    asp_node_operator(ctx, par) != ASP_OP_DIV ||
	    !asp_node_equal(asp_node_child(ctx, par, 0), below))
		return 0;
	{
		asp_node rhs = asp_node_strip(ctx, asp_node_child(ctx, par, 1));
		asp_node rop;

		if (asp_node_kind(rhs) != ASP_NODE_SIZEOF)
			return 0;
		rop = asp_node_sizeof_operand(ctx, rhs);
		return !asp_node_is_null(rop) && is_first_element_of(ctx, rop, op);
	}
}

/*
 * Climbs from the sizeof through parentheses, casts and + - * to the call
 * whose argument it is part of. Returns the call and the argument index.
 */
static asp_node enclosing_call(struct asp_ctx *ctx, asp_node n, unsigned *arg, int *direct)
{
	asp_node below = n, par, none = { 0, 0, { 0, 0, 0, 0 } };
	unsigned i, k, count;

	*direct = 1;
	for (i = 0; i < MAX_CLIMB; i++) {
		par = asp_ctx_parent(ctx, i);
		switch (asp_node_kind(par)) {
		case ASP_NODE_PAREN: case ASP_NODE_IMPLICIT: case ASP_NODE_CAST:
			below = par;
			continue;
		case ASP_NODE_BINARY_OP:
			switch (asp_node_operator(ctx, par)) {
			case ASP_OP_ADD: case ASP_OP_SUB: case ASP_OP_MUL:
				*direct = 0;
				below = par;
				continue;
			default:
				return none;
			}
		case ASP_NODE_CALL:
			count = asp_node_arg_count(ctx, par);
			for (k = 0; k < count; k++) {
				if (asp_node_equal(asp_node_arg(ctx, par, k), below)) {
					*arg = k;
					return par;
				}
			}
			return none;
		default:
			return none;
		}
	}
	return none;
}

/* The pointer an allocation is stored in: `T *p = call` or `lhs = call`. */
static int alloc_target(struct asp_ctx *ctx, unsigned from, asp_node call, struct asp_type *t)
{
	asp_node below = call, par;
	unsigned i;

	for (i = from; i < from + MAX_CLIMB; i++) {
		par = asp_ctx_parent(ctx, i);
		switch (asp_node_kind(par)) {
		case ASP_NODE_PAREN: case ASP_NODE_IMPLICIT: case ASP_NODE_CAST:
			below = par;
			continue;
		case ASP_NODE_VAR:
			return asp_node_type(ctx, par, t);
		case ASP_NODE_BINARY_OP:
			if (asp_node_operator(ctx, par) != ASP_OP_ASSIGN ||
			    !asp_node_equal(asp_node_child(ctx, par, 1), below))
				return 0;
			return asp_node_type(ctx, asp_node_child(ctx, par, 0), t);
		default:
			return 0;
		}
	}
	return 0;
}

static unsigned call_depth(struct asp_ctx *ctx, asp_node call)
{
	unsigned i;

	for (i = 0; i < MAX_CLIMB; i++)
		if (asp_node_equal(asp_ctx_parent(ctx, i), call))
			return i;
	return MAX_CLIMB;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	asp_node op, call;
	struct asp_type t;
	const struct sized_call *sc;
	char buf[64];
	const char *name;
	unsigned arg = 0, k, count;
	int direct;

	if (asp_node_operator(ctx, n) == ASP_OP_ALIGNOF)
		return ASP_WALK_CONTINUE;
	op = asp_node_sizeof_operand(ctx, n);
	if (asp_node_is_null(op))
		return ASP_WALK_CONTINUE;
	op = asp_node_strip(ctx, op);
	if (is_array_param(ctx, op)) {
		asp_report(ctx, n, RULE,
			   "sizeof(%s) is the size of a pointer: array parameter '%s' is "
			   "adjusted to a pointer, so its declared length is lost",
			   asp_node_spelling(ctx, op), asp_node_spelling(ctx, op));
		return ASP_WALK_CONTINUE;
	}
	if (!asp_node_type(ctx, op, &t) || !(t.flags & ASP_TYPE_POINTER) ||
	    (t.pointee_flags & (ASP_TYPE_POINTER | ASP_TYPE_FUNCTION)))
		return ASP_WALK_CONTINUE;
	if (is_count_division(ctx, n, op)) {
		asp_report(ctx, n, RULE,
			   "element count computed with sizeof on pointer '%s': the result is "
			   "the size of a pointer divided by the element size, not the length",
			   name_of(ctx, op, "pointer"));
		return ASP_WALK_CONTINUE;
	}
	call = enclosing_call(ctx, n, &arg, &direct);
	if (asp_node_is_null(call))
		return ASP_WALK_CONTINUE;
	name = base_name(asp_node_callee_name(ctx, call), buf, sizeof buf);
	sc = find(calls, sizeof calls / sizeof calls[0], name);
	if (sc && (sc->size_mask & (1u << arg))) {
		count = asp_node_arg_count(ctx, call);
		for (k = 0; k < count && k < 8; k++) {
			if (!(sc->ptr_mask & (1u << k)))
				continue;
			if (same_object(ctx, strip_casts(ctx, asp_node_arg(ctx, call, k)), op, 0)) {
				asp_report(ctx, n, RULE,
					   "sizeof(%s) is the size of the pointer, not of the buffer "
					   "%s() works on", name_of(ctx, op, "pointer"), name);
				break;
			}
		}
		return ASP_WALK_CONTINUE;
	}
	sc = find(allocs, sizeof allocs / sizeof allocs[0], name);
	if (sc && direct && (sc->size_mask & (1u << arg)) && (t.pointee_flags & ASP_TYPE_CHAR) &&
	    (asp_node_kind(op) == ASP_NODE_DECL_REF || asp_node_kind(op) == ASP_NODE_MEMBER_REF)) {
		struct asp_type target;

		if (alloc_target(ctx, call_depth(ctx, call) + 1, call, &target) &&
		    (target.flags & ASP_TYPE_POINTER) && !(target.pointee_flags & ASP_TYPE_POINTER))
			asp_report(ctx, n, RULE,
				   "%s(sizeof(%s)) allocates the size of a pointer, not of the "
				   "string it points to", name, name_of(ctx, op, "pointer"));
	}
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_SIZEOF, 0 };

const struct asp_checker check_sizeof_pointer = {
	.abi_version = ASP_ABI_VERSION,
	.name = "sizeof_pointer",
	.kinds = kinds,
	.enter = enter,
};
