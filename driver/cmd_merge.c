/*
 * `asepsis merge IN.sarif... -o OUT.sarif`: the SARIF files of the shards of
 * one analysis (check --shard I/N) joined into what one unsharded run writes.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "out.h"
#include "ruleset.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: asepsis merge IN.sarif... -o OUT.sarif [--fail-on LEVEL]\n"
		"\n"
		"Joins the SARIF files written by the shards of one analysis\n"
		"(asepsis check --shard I/N) into the file one unsharded run writes:\n"
		"the same results in the same order, one run per category, the\n"
		"artifacts, invocations and notifications merged. Files from another\n"
		"asepsis version, another rule set or another commit are refused.\n"
		"OUT may be '-' for standard output. --fail-on LEVEL (none, note,\n"
		"warning, error; default none) applies the gate to the merged results:\n"
		"suppressed, dispositioned and absent results do not count.\n"
		"\n"
		"Exit status: 0 merged (and nothing at or above --fail-on), 1 results\n"
		"at or above --fail-on, 2 usage error or inputs that do not belong\n"
		"together, 3 the output could not be written.\n");
}

int cmd_merge(int argc, char **argv, struct asp_error *err)
{
	enum { O_HELP = 256, O_FAILON };
	static const struct option lo[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, O_FAILON },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL;
	size_t blocking = 0;
	int c, rc, fail_on = ASP_LEVEL_NONE;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:", lo, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case O_HELP: usage(stdout); return 0;
		case O_FAILON:
			fail_on = ruleset_level_parse(optarg);
			if (fail_on < 0)
				return error_set(err, ASP_EUSAGE, "--fail-on", 0, 0,
						 "'%s' is not none, note, warning or error", optarg);
			break;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis merge --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis merge --help')");
		}
	}
	if (!output) {
		usage(stderr);
		return error_set(err, ASP_EUSAGE, NULL, 0, 0, "merge needs -o OUT.sarif");
	}
	if (optind >= argc) {
		usage(stderr);
		return error_set(err, ASP_EUSAGE, NULL, 0, 0, "merge needs at least one SARIF file");
	}
	rc = out_sarif_merge((const char *const *)(argv + optind), (size_t)(argc - optind),
			     output, fail_on, &blocking, err);
	if (rc)
		return rc;
	if (blocking)
		fprintf(stderr, "asepsis: %zu merged result%s at or above %s\n", blocking,
			blocking == 1 ? "" : "s", ruleset_level_name(fail_on));
	return blocking ? 1 : 0;
}
