/*
 * An example checker plugin, built and tested with the suite (and walked
 * through in docs/internals/writing-a-checker.md): calls to a blocking
 * HAL delay from an interrupt handler. A plugin includes only the public
 * ABI and exports one `const struct asp_checker asepsis_checker`.
 */
#include <string.h>

#include "asepsis/checker.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int in_interrupt_handler(struct asp_ctx *ctx)
{
	asp_node fn = asp_ctx_function(ctx);

	return !asp_node_is_null(fn) && ends_with(asp_node_spelling(ctx, fn), "_IRQHandler");
}

static int enter(struct asp_ctx *ctx, asp_node call)
{
	const char *callee = asp_node_callee_name(ctx, call);

	if (callee && strcmp(callee, "HAL_Delay") == 0 && in_interrupt_handler(ctx))
		asp_report(ctx, call, "ACME-ISR-001",
			   "HAL_Delay() blocks inside interrupt handler '%s'",
			   asp_node_spelling(ctx, asp_ctx_function(ctx)));
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

__attribute__((visibility("default")))
const struct asp_checker asepsis_checker = {
	.abi_version = ASP_ABI_VERSION,
	.name = "acme_hal_delay_in_isr",
	.kinds = kinds,
	.enter = enter,
};
