/*
 * Subcommand table and shared option helpers. A handler returns 0 (nothing
 * at or above the gate), 1 (findings at or above it) or a negative asp_rc
 * with err set; only main() turns that into an exit status.
 */
#ifndef ASP_CLI_H
#define ASP_CLI_H

#include <stdio.h>

#include "base/error.h"

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv, struct asp_error *err);
	const char *summary;
};

extern const struct cli_command cli_commands[];

int cmd_check(int argc, char **argv, struct asp_error *err);
int cmd_rules(int argc, char **argv, struct asp_error *err);
int cmd_version(int argc, char **argv, struct asp_error *err);

void cli_usage(FILE *f);
/* argv joined by spaces with shell-style quoting where needed; caller frees. */
char *cli_join_argv(int argc, char **argv);

#endif
