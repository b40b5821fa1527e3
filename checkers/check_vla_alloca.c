/*
 * MDS-BAN-007: stack memory sized at run time: variables of variable-length
 * array type (also through a typedef, and arrays of VLAs) and calls to
 * alloca. A size taken from input or a computation can exhaust the stack,
 * which no code can detect or recover from. Not flagged: VLA parameters
 * (they are pointers), pointers to VLAs, typedefs and sizeof of VLA types:
 * none of them allocates.
 */
#include "asepsis/checker.h"

#include <string.h>

static const char *const alloca_names[] = {
	"alloca", "_alloca", "__alloca", "__builtin_alloca",
	"__builtin_alloca_with_align", "__builtin_alloca_uninitialized",
	"__builtin_alloca_with_align_uninitialized",
};

static int is_alloca(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof alloca_names / sizeof alloca_names[0]; i++)
		if (strcmp(alloca_names[i], name) == 0)
			return 1;
	return 0;
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	if (asp_node_kind(n) == ASP_NODE_VAR) {
		struct asp_type t;

		if (!asp_node_type(ctx, n, &t) || !(t.flags & ASP_TYPE_ARRAY))
			return ASP_WALK_CONTINUE;
		if (!(t.flags & ASP_TYPE_VLA) && !(t.pointee_flags & ASP_TYPE_VLA))
			return ASP_WALK_CONTINUE;
		asp_report(ctx, n, "MDS-BAN-007",
			   "'%s' is a variable-length array: its size is only known at run "
			   "time, so a large value overflows the stack without any error; "
			   "use a fixed maximum size and check the length against it",
			   asp_node_spelling(ctx, n));
	} else {
		const char *callee = asp_node_callee_name(ctx, n);

		if (!callee || !is_alloca(callee))
			return ASP_WALK_CONTINUE;
		asp_report(ctx, n, "MDS-BAN-007",
			   "alloca() takes stack memory that is never checked and is only "
			   "released when the function returns; use a fixed-size buffer "
			   "with a length check");
	}
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_VAR, ASP_NODE_CALL, 0 };

const struct asp_checker check_vla_alloca = {
	.abi_version = ASP_ABI_VERSION,
	.name = "vla_alloca",
	.kinds = kinds,
	.enter = enter,
};
