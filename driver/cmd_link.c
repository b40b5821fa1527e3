/*
 * `asepsis link ASF-n REF [--kind requirement|risk-control|problem-report]`:
 * ties a finding to a requirement, an ISO 14971 risk control or an
 * IEC 62304 clause 9 problem report; logged like every other change.
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
		"usage: asepsis link ASF-n REF [--kind KIND] [--author NAME] [--db FILE]\n"
		"\n"
		"  --kind KIND    requirement (default), risk-control or problem-report\n"
		"  --author NAME  who links (default: git user.name <user.email>, else $USER)\n");
}

int cmd_link(int argc, char **argv, struct asp_error *err)
{
	enum { O_DB = 256, O_KIND, O_AUTHOR, O_HELP };
	static const struct option lo[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "kind", required_argument, NULL, O_KIND },
		{ "author", required_argument, NULL, O_AUTHOR },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL, *kind = "requirement", *author = NULL;
	char *path = NULL, *who = NULL;
	struct store *s = NULL;
	long long id;
	int c, rc, added = 0;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		switch (c) {
		case O_DB: db = optarg; break;
		case O_KIND: kind = optarg; break;
		case O_AUTHOR: author = optarg; break;
		case O_HELP: usage(stdout); return 0;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis link --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis link --help')");
		}
	}
	if (optind + 2 != argc) {
		usage(stderr);
		return error_set(err, ASP_EUSAGE, NULL, 0, 0, "give a finding (ASF-n) and a reference");
	}
	id = cli_trace_id(argv[optind]);
	if (!id)
		return error_set(err, ASP_EUSAGE, argv[optind], 0, 0,
				 "not a traceability ID (ASF-n)");
	who = author ? strdup(author) : cli_author();
	if (!who)
		return error_set(err, ASP_EUSAGE, "--author", 0, 0,
				 "who is linking? no git user.name and no $USER: give --author");
	path = cli_db_path(db);
	if (!path) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "cannot determine the store");
		goto done;
	}
	rc = store_open_existing(&s, path, err);
	if (!rc)
		rc = store_link(s, id, kind, argv[optind + 1], who, &added, err);
	if (!rc)
		printf("ASF-%lld: %s %s %s\n", id, added ? "linked to" : "already linked to", kind,
		       argv[optind + 1]);
done:
	store_close(s);
	free(path);
	free(who);
	return rc;
}
