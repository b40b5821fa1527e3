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
int cmd_runs(int argc, char **argv, struct asp_error *err);
int cmd_findings(int argc, char **argv, struct asp_error *err);
int cmd_triage(int argc, char **argv, struct asp_error *err);
int cmd_link(int argc, char **argv, struct asp_error *err);
int cmd_audit(int argc, char **argv, struct asp_error *err);
int cmd_merge(int argc, char **argv, struct asp_error *err);
int cmd_soup(int argc, char **argv, struct asp_error *err);

void cli_usage(FILE *f);
/* argv joined by spaces with shell-style quoting where needed; caller frees. */
char *cli_join_argv(int argc, char **argv);

/* The store to use: db when given (--db), else .asepsis/asepsis.db under
   the project root. Caller frees; NULL when out of memory or the current
   folder is unknown. */
char *cli_db_path(const char *db);

/* Who is making a change: the git identity ("Name <email>") of the project,
   else $USER; NULL when none is known. Caller frees. */
char *cli_author(void);

/* "ASF-12" or "12" → 12; 0 when s is not a traceability ID. */
long long cli_trace_id(const char *s);

#endif
