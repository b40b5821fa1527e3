/*
 * asepsis: dispatch to a subcommand and map its result to the exit status
 * of DESIGN §3 (0 clean, 1 findings at or above --fail-on, 2 usage or
 * configuration error, 3 analysis failure, 130 interrupted). The only place
 * that exits.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int exit_status(int rc)
{
	switch (rc) {
	case 0:
	case 1:
		return rc;
	case ASP_EUSAGE:
	case ASP_ECONFIG:
	case ASP_ENOTFOUND:
		return 2;
	case ASP_EINTR:
		return 130;   /* what a shell reports for SIGINT */
	default:
		return 3;
	}
}

int main(int argc, char **argv)
{
	const struct cli_command *c;
	struct asp_error err;
	int rc;

	error_clear(&err);
	if (argc < 2) {
		cli_usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		cli_usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0)
		return exit_status(cmd_version(argc - 1, argv + 1, &err));
	for (c = cli_commands; c->name; c++)
		if (strcmp(c->name, argv[1]) == 0)
			break;
	if (!c->name) {
		fprintf(stderr, "asepsis: unknown command '%s'\n", argv[1]);
		cli_usage(stderr);
		return 2;
	}
	rc = c->run(argc - 1, argv + 1, &err);
	if (rc < 0) {
		char msg[2048];

		if (err.code == ASP_OK)
			error_set(&err, rc, NULL, 0, 0, "%s", error_code_name(rc));
		error_format(&err, msg, sizeof msg);
		fprintf(stderr, "asepsis: error: %s\n", msg);
		return exit_status(err.code != ASP_OK ? err.code : rc);
	}
	return exit_status(rc);
}
