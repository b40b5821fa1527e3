/*
 * `asepsis audit verify [--db FILE]`: recomputes the audit log's hash chain
 * and compares the findings with it. Exit 0 intact, 1 tampered (the first
 * entry found changed, deleted or inserted is named), 3 the store cannot be
 * read.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: asepsis audit verify [--db FILE]\n"
		"\n"
		"Recomputes the SHA-256 chain of the audit log, checks the log heads the\n"
		"runs recorded, and that every finding's state and link is the one the\n"
		"log gives. Prints the head hash: keep it outside the store (release\n"
		"notes, the evidence package) to detect a rewritten chain later.\n"
		"Exit status: 0 intact, 1 changed (the first bad entry is named),\n"
		"3 the store cannot be read.\n");
}

int cmd_audit(int argc, char **argv, struct asp_error *err)
{
	enum { O_DB = 256, O_HELP };
	static const struct option lo[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL;
	char *path = NULL;
	struct store *s = NULL;
	struct store_verify v;
	int c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		switch (c) {
		case O_DB: db = optarg; break;
		case O_HELP: usage(stdout); return 0;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis audit --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis audit --help')");
		}
	}
	if (optind + 1 != argc || strcmp(argv[optind], "verify") != 0) {
		usage(stderr);
		return error_set(err, ASP_EUSAGE, optind < argc ? argv[optind] : NULL, 0, 0,
				 "the audit command is 'asepsis audit verify'");
	}
	path = cli_db_path(db);
	if (!path)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "cannot determine the store");
	rc = store_open_existing(&s, path, err);
	if (!rc)
		rc = store_audit_verify(s, &v, err);
	if (!rc && v.ok) {
		printf("audit log intact: %lld entr%s, head %s\n", v.entries,
		       v.entries == 1 ? "y" : "ies", v.head);
	} else if (!rc) {
		printf("audit log BROKEN in %s: %s\n", path, v.what);
		rc = 1;
	}
	store_close(s);
	free(path);
	return rc;
}
