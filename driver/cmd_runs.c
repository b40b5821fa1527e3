/*
 * `asepsis runs [--db FILE] [--format text|json|csv]`: the stored runs,
 * oldest first, with their coverage and what changed in each.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "out.h"
#include "store.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: asepsis runs [--db FILE] [--format text|json|csv]\n"
		"\n"
		"Lists every stored run: number, start time, commit, files analysed,\n"
		"findings, how many were new, fixed and reopened, and whether every file\n"
		"was analysed with full coverage.\n");
}

int cmd_runs(int argc, char **argv, struct asp_error *err)
{
	enum { O_DB = 256, O_FORMAT, O_HELP };
	static const struct option lo[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL;
	char *path = NULL;
	struct store *s = NULL;
	struct store_run_row *rows = NULL;
	size_t n = 0;
	int c, format = OUT_LIST_TEXT, rc = ASP_OK;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		switch (c) {
		case O_DB: db = optarg; break;
		case O_FORMAT:
			format = out_list_format_parse(optarg);
			if (format < 0)
				return error_set(err, ASP_EUSAGE, "--format", 0, 0,
						 "'%s' is not text, json or csv", optarg);
			break;
		case O_HELP: usage(stdout); return 0;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis runs --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis runs --help')");
		}
	}
	if (optind < argc)
		return error_set(err, ASP_EUSAGE, argv[optind], 0, 0, "unexpected argument");
	path = cli_db_path(db);
	if (!path)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "cannot determine the store");
	rc = store_open_existing(&s, path, err);
	if (!rc)
		rc = store_list_runs(s, &rows, &n, err);
	if (!rc && out_list_runs(stdout, format, rows, n))
		rc = error_set(err, ASP_EIO, "stdout", 0, 0, "cannot write the list");
	store_run_rows_free(rows, n);
	store_close(s);
	free(path);
	return rc;
}
