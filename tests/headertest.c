/* The public checker ABI compiles on its own, strictly. */
#include "asepsis/checker.h"

const struct asp_checker headertest_checker = {
	.abi_version = ASP_ABI_VERSION,
	.name = "headertest",
};
