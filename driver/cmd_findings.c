/*
 * `asepsis findings`: stored findings with their state, triage and links.
 * Without --run, --state or --all it lists what the latest run found (every
 * state), which is what "the findings now" means to a reader.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "out.h"
#include "ruleset.h"
#include "store.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: asepsis findings [options]\n"
		"\n"
		"  --run N           findings seen in run N (default: the latest run)\n"
		"  --all             every finding the store has seen, with its last occurrence\n"
		"  --state S         open|fixed|accepted-risk|false-positive|deferred; without\n"
		"                    --run this lists every finding in that state\n"
		"  --rule ID         a rule ID or prefix (MDS-MEM)\n"
		"  --file GLOB       files matching GLOB ('*' also matches '/')\n"
		"  --severity L      at least level L: note|warning|error\n"
		"  --format F        text (default), json or csv\n"
		"  --db FILE         the store (default: .asepsis/asepsis.db under the root)\n");
}

static const char *const states[] = {
	"open", "fixed", "accepted-risk", "false-positive", "deferred", NULL
};

int cmd_findings(int argc, char **argv, struct asp_error *err)
{
	enum { O_DB = 256, O_FORMAT, O_RUN, O_STATE, O_RULE, O_FILE, O_SEV, O_ALL, O_HELP };
	static const struct option lo[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "run", required_argument, NULL, O_RUN },
		{ "state", required_argument, NULL, O_STATE },
		{ "rule", required_argument, NULL, O_RULE },
		{ "file", required_argument, NULL, O_FILE },
		{ "severity", required_argument, NULL, O_SEV },
		{ "all", no_argument, NULL, O_ALL },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	struct store_finding_query q;
	const char *db = NULL;
	char *path = NULL;
	struct store *s = NULL;
	struct store_finding_row *rows = NULL;
	size_t n = 0, i;
	long long run_used = 0;
	int c, format = OUT_LIST_TEXT, rc = ASP_OK, known;

	memset(&q, 0, sizeof q);
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
		case O_RUN: {
			char *end = NULL;

			q.run = strtoll(optarg, &end, 10);
			if (!end || *end || q.run < 1)
				return error_set(err, ASP_EUSAGE, "--run", 0, 0,
						 "'%s' is not a run number (see 'asepsis runs')", optarg);
			break;
		}
		case O_STATE:
			for (i = 0, known = 0; states[i]; i++)
				known |= strcmp(states[i], optarg) == 0;
			if (!known)
				return error_set(err, ASP_EUSAGE, "--state", 0, 0,
						 "'%s' is not open, fixed, accepted-risk, "
						 "false-positive or deferred", optarg);
			q.state = optarg;
			break;
		case O_RULE: q.rule = optarg; break;
		case O_FILE: q.file = optarg; break;
		case O_SEV:
			q.min_level = ruleset_level_parse(optarg);
			if (q.min_level < ASP_LEVEL_NOTE)
				return error_set(err, ASP_EUSAGE, "--severity", 0, 0,
						 "'%s' is not note, warning or error", optarg);
			break;
		case O_ALL: q.all = 1; break;
		case O_HELP: usage(stdout); return 0;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis findings --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis findings --help')");
		}
	}
	if (optind < argc)
		return error_set(err, ASP_EUSAGE, argv[optind], 0, 0, "unexpected argument");
	if (q.all && q.run)
		return error_set(err, ASP_EUSAGE, "--all", 0, 0, "--all and --run exclude each other");
	path = cli_db_path(db);
	if (!path)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "cannot determine the store");
	rc = store_open_existing(&s, path, err);
	if (!rc)
		rc = store_list_findings(s, &q, &rows, &n, &run_used, err);
	if (!rc && out_list_findings(stdout, format, rows, n, run_used))
		rc = error_set(err, ASP_EIO, "stdout", 0, 0, "cannot write the list");
	store_finding_rows_free(rows, n);
	store_close(s);
	free(path);
	return rc;
}
