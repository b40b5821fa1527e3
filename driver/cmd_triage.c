/*
 * `asepsis triage ASF-n --state S --justification TEXT [--author NAME]`:
 * a person's decision about a finding, recorded with who, when and why in
 * the hash-chained audit log.
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
		"usage: asepsis triage ASF-n --state S --justification TEXT [--author NAME]\n"
		"                     [--db FILE]\n"
		"\n"
		"  --state S            accepted-risk, false-positive, deferred, or open again\n"
		"  --justification TEXT why; required for every state but open\n"
		"  --author NAME        who decides (default: git user.name <user.email>, else $USER)\n"
		"\n"
		"accepted-risk, false-positive and deferred findings no longer fail --fail-on.\n"
		"Every change is appended to the audit log ('asepsis audit verify').\n");
}

int cmd_triage(int argc, char **argv, struct asp_error *err)
{
	enum { O_DB = 256, O_STATE, O_JUST, O_AUTHOR, O_HELP };
	static const struct option lo[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "state", required_argument, NULL, O_STATE },
		{ "justification", required_argument, NULL, O_JUST },
		{ "author", required_argument, NULL, O_AUTHOR },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL, *state = NULL, *just = NULL, *author = NULL;
	char *path = NULL, *who = NULL, old[32];
	struct store *s = NULL;
	long long id;
	int c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		switch (c) {
		case O_DB: db = optarg; break;
		case O_STATE: state = optarg; break;
		case O_JUST: just = optarg; break;
		case O_AUTHOR: author = optarg; break;
		case O_HELP: usage(stdout); return 0;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis triage --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis triage --help')");
		}
	}
	if (optind + 1 != argc) {
		usage(stderr);
		return error_set(err, ASP_EUSAGE, NULL, 0, 0, "give exactly one finding (ASF-n)");
	}
	id = cli_trace_id(argv[optind]);
	if (!id)
		return error_set(err, ASP_EUSAGE, argv[optind], 0, 0,
				 "not a traceability ID (ASF-n)");
	if (!state)
		return error_set(err, ASP_EUSAGE, "--state", 0, 0, "the new state is required");
	if (!store_state_valid(state))
		return error_set(err, ASP_EUSAGE, "--state", 0, 0,
				 "'%s' is not accepted-risk, false-positive, deferred or open "
				 "(fixed is set by runs)", state);
	who = author ? strdup(author) : cli_author();
	if (!who)
		return error_set(err, ASP_EUSAGE, "--author", 0, 0,
				 "who is triaging? no git user.name and no $USER: give --author");
	path = cli_db_path(db);
	if (!path) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "cannot determine the store");
		goto done;
	}
	rc = store_open_existing(&s, path, err);
	if (!rc)
		rc = store_triage(s, id, state, just, who, old, err);
	if (!rc)
		printf("ASF-%lld: %s -> %s (by %s)\n", id, old, state, who);
done:
	store_close(s);
	free(path);
	free(who);
	return rc;
}
