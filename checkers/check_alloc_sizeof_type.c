/*
 * MDS-PTR-002: an allocation stored in a T * but sized by a pointer
 * (malloc(sizeof(T *)), p = malloc(sizeof p)): 4 or 8 bytes per element.
 * Declaration initialisers and plain assignments only; silent for targets that
 * point to pointers, void, char or [u]intptr_t, and for array parameters (PTR-001).
 */
#include "asepsis/checker.h"

#include <string.h>

#define RULE "MDS-PTR-002"
#define MAX_CLIMB 12

struct alloc_fn {
	const char *name;
	unsigned size_mask;   /* bit i: argument i is a size or a count */
};

static const struct alloc_fn allocs[] = {
	{ "malloc", 1u }, { "calloc", 3u }, { "realloc", 1u << 1 },
	{ "reallocarray", 3u << 1 }, { "aligned_alloc", 1u << 1 },
	{ "pvPortMalloc", 1u }, { "k_malloc", 1u }, { "k_calloc", 3u },
	{ "rt_malloc", 1u }, { "rt_calloc", 3u }, { "rt_realloc", 1u << 1 },
};

static const struct alloc_fn *find_alloc(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	if (strncmp(name, "__builtin_", 10) == 0)
		name += 10;
	for (i = 0; i < sizeof allocs / sizeof allocs[0]; i++)
		if (strcmp(allocs[i].name, name) == 0)
			return &allocs[i];
	return NULL;
}

/*
 * Whether sizeof measures a pointer. asp_node_sizeof_type sees the '*' of
 * sizeof(struct rec *); a typedef of a pointer, sizeof(rec_ptr_t), is
 * recognised from the type reference it names.
 */
static int measures_pointer(struct asp_ctx *ctx, asp_node n, struct asp_type *t)
{
	asp_node op = asp_node_sizeof_operand(ctx, n);
	unsigned i, count;

	if (!asp_node_sizeof_type(ctx, n, t))
		return 0;
	if (!asp_node_is_null(op)) {
		asp_node decl;
		struct asp_type dt;

		op = asp_node_strip(ctx, op);
		if (asp_node_kind(op) == ASP_NODE_DECL_REF) {
			decl = asp_node_referenced(ctx, op);
			if (asp_node_kind(decl) == ASP_NODE_PARAM && asp_node_type(ctx, decl, &dt) &&
			    (dt.flags & ASP_TYPE_ARRAY))
				return 0;   /* array parameter: MDS-PTR-001 */
		}
		return (t->flags & ASP_TYPE_POINTER) != 0;
	}
	if (t->flags & ASP_TYPE_POINTER)
		return 1;
	count = asp_node_child_count(ctx, n);
	for (i = 0; i < count; i++) {
		asp_node c = asp_node_child(ctx, n, i);
		struct asp_type rt;

		if (asp_node_kind(c) == ASP_NODE_TYPE_REF && asp_node_type(ctx, c, &rt) &&
		    (rt.flags & ASP_TYPE_POINTER) && t->spelling && rt.spelling &&
		    strcmp(t->spelling, rt.spelling) == 0) {
			*t = rt;
			return 1;
		}
		count = asp_node_child_count(ctx, n);
	}
	return 0;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	asp_node below = n, par, call = { 0, 0, { 0, 0, 0, 0 } };
	const struct alloc_fn *fn = NULL;
	struct asp_type st, target;
	const char *target_name = NULL;
	unsigned i, k, count;

	if (asp_node_operator(ctx, n) == ASP_OP_ALIGNOF)
		return ASP_WALK_CONTINUE;
	/* up to the allocation call: through parentheses, casts and products */
	for (i = 0; i < MAX_CLIMB; i++) {
		par = asp_ctx_parent(ctx, i);
		if (asp_node_kind(par) == ASP_NODE_PAREN || asp_node_kind(par) == ASP_NODE_IMPLICIT ||
		    asp_node_kind(par) == ASP_NODE_CAST ||
		    (asp_node_kind(par) == ASP_NODE_BINARY_OP &&
		     asp_node_operator(ctx, par) == ASP_OP_MUL)) {
			below = par;
			continue;
		}
		if (asp_node_kind(par) != ASP_NODE_CALL)
			return ASP_WALK_CONTINUE;
		fn = find_alloc(asp_node_callee_name(ctx, par));
		if (!fn)
			return ASP_WALK_CONTINUE;
		count = asp_node_arg_count(ctx, par);
		for (k = 0; k < count && k < 8; k++)
			if ((fn->size_mask & (1u << k)) &&
			    asp_node_equal(asp_node_arg(ctx, par, k), below))
				break;
		if (k == count || k == 8)
			return ASP_WALK_CONTINUE;
		call = par;
		break;
	}
	if (asp_node_is_null(call))
		return ASP_WALK_CONTINUE;
	/* from the call to what receives it */
	below = call;
	for (i++; i < MAX_CLIMB * 2; i++) {
		par = asp_ctx_parent(ctx, i);
		if (asp_node_kind(par) == ASP_NODE_PAREN || asp_node_kind(par) == ASP_NODE_IMPLICIT ||
		    asp_node_kind(par) == ASP_NODE_CAST) {
			below = par;
			continue;
		}
		if (asp_node_kind(par) == ASP_NODE_VAR) {
			if (!asp_node_type(ctx, par, &target))
				return ASP_WALK_CONTINUE;
			target_name = asp_node_spelling(ctx, par);
			break;
		}
		if (asp_node_kind(par) == ASP_NODE_BINARY_OP &&
		    asp_node_operator(ctx, par) == ASP_OP_ASSIGN &&
		    asp_node_equal(asp_node_child(ctx, par, 1), below)) {
			asp_node lhs = asp_node_child(ctx, par, 0);

			if (!asp_node_type(ctx, lhs, &target))
				return ASP_WALK_CONTINUE;
			lhs = asp_node_strip(ctx, lhs);
			target_name = asp_node_kind(lhs) == ASP_NODE_DECL_REF ||
				      asp_node_kind(lhs) == ASP_NODE_MEMBER_REF
				      ? asp_node_spelling(ctx, lhs) : "the target";
			break;
		}
		return ASP_WALK_CONTINUE;
	}
	if (!target_name || !(target.flags & ASP_TYPE_POINTER) ||
	    (target.pointee_flags & (ASP_TYPE_POINTER | ASP_TYPE_VOID | ASP_TYPE_CHAR |
				     ASP_TYPE_FUNCTION)))
		return ASP_WALK_CONTINUE;
	/* uintptr_t and intptr_t hold pointer values: sizeof(void *) is their size */
	if (target.spelling && strstr(target.spelling, "intptr_t"))
		return ASP_WALK_CONTINUE;
	if (!measures_pointer(ctx, n, &st))
		return ASP_WALK_CONTINUE;
	asp_report(ctx, n, RULE,
		   "allocation for '%s' is sized by sizeof of a pointer, not of the %s it "
		   "points to", target_name, target.pointee ? target.pointee : "object");
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_SIZEOF, 0 };

const struct asp_checker check_alloc_sizeof_type = {
	.abi_version = ASP_ABI_VERSION,
	.name = "alloc_sizeof_type",
	.kinds = kinds,
	.enter = enter,
};
