/* Every built-in checker, one line each; registry.c expands this list twice. */
CHECKER(switch_default)
