/* Every built-in checker, one line each; registry.c expands this list twice. */
CHECKER(switch_default)
CHECKER(banned_api)
CHECKER(scanf_width)
CHECKER(vla_alloca)
CHECKER(format_string)
CHECKER(command_exec)
CHECKER(weak_random)
CHECKER(weak_crypto)
