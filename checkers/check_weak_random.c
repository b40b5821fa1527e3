/*
 * MDS-CRY-001: calls to rand, random, rand_r and the drand48 family, and
 * srand/srandom seeded from time(): the values can be predicted, so they must
 * not make keys, nonces, tokens or IDs (CERT MSC30-C, MSC32-C). Not flagged:
 * seeds that do not involve time(), and srand48/seed48/lcong48, which only
 * set a seed.
 */
#include "asepsis/checker.h"

#include <string.h>

static const char *const generators[] = {
	"rand", "random", "rand_r", "drand48", "erand48", "lrand48", "nrand48",
	"mrand48", "jrand48",
};

static const char *const seeders[] = { "srand", "srandom" };

static int in_list(const char *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

/* Does the expression call time() anywhere inside it? */
static int calls_time(struct asp_ctx *ctx, asp_node n, unsigned depth)
{
	unsigned i, count;

	if (depth > 32)
		return 0;
	if (asp_node_kind(n) == ASP_NODE_CALL) {
		const char *callee = asp_node_callee_name(ctx, n);

		if (callee && strcmp(callee, "time") == 0)
			return 1;
	}
	count = asp_node_child_count(ctx, n);
	for (i = 0; i < count; i++) {
		if (calls_time(ctx, asp_node_child(ctx, n, i), depth + 1))
			return 1;
		count = asp_node_child_count(ctx, n);   /* the child cache may have moved */
	}
	return 0;
}

static int enter(struct asp_ctx *ctx, asp_node call)
{
	const char *callee = asp_node_callee_name(ctx, call);

	if (!callee)
		return ASP_WALK_CONTINUE;
	if (in_list(callee, generators, sizeof generators / sizeof generators[0])) {
		asp_report(ctx, call, "MDS-CRY-001",
			   "%s() is a predictable pseudo-random generator: its output can be "
			   "reconstructed from a few values, so it must not produce keys, "
			   "nonces, tokens or IDs; use the hardware TRNG or a cryptographic "
			   "DRBG", callee);
	} else if (in_list(callee, seeders, sizeof seeders / sizeof seeders[0]) &&
		   asp_node_arg_count(ctx, call) == 1 &&
		   calls_time(ctx, asp_node_arg(ctx, call, 0), 0)) {
		asp_report(ctx, call, "MDS-CRY-001",
			   "%s() is seeded from the clock: anyone who knows roughly when the "
			   "device started can reproduce every value; take random values "
			   "from the hardware TRNG or a cryptographic DRBG", callee);
	}
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_weak_random = {
	.abi_version = ASP_ABI_VERSION,
	.name = "weak_random",
	.kinds = kinds,
	.enter = enter,
};
