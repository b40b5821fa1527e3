/*
 * `asepsis check`: rule set → work list → workers → fingerprints → store →
 * outputs → exit status. Findings are final before any writer runs, so text,
 * SARIF and the store are views of the same records.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/analyze.h"
#include "baseline.h"
#include "cli.h"
#include "compdb.h"
#include "config.h"
#include "discover.h"
#include "fingerprint.h"
#include "out.h"
#include "out_file.h"
#include "changes.h"
#include "shard.h"
#include "pattern/pat.h"
#include "core/registry.h"
#include "ruleset.h"
#include "run.h"
#include "soup.h"
#include "workq.h"
#include "store.h"
#include "base/sbuf.h"

struct check_opts {
	const char *build_dir;
	const char *sarif;
	const char *db;
	int no_db;
	int fail_on;
	const char *profile;
	const char *enable, *disable;
	unsigned jobs;
	int no_color, quiet, no_progress;
	char **paths;
	size_t npaths;
	int engine;                 /* enum analyze_engine; -1 unset */
	const char *config;
	const char *rules_dirs[16];
	size_t nrules_dirs;
	const char *baseline;       /* a run number or a SARIF file */
	int new_only;
	int sarif_suppressed;       /* --sarif-include-suppressed */
	int show_suppressed;
	int allow_plugins;          /* the project's own plugins: may be loaded */
	const char *plugins[16];    /* --plugin FILE */
	size_t nplugins;
	const char *json, *gitlab, *junit;   /* more outputs; "-" is stdout */
	const char *github_summary;
	int github_annotations;
	const char *category;       /* SARIF automationDetails.id */
	long sarif_max_results;     /* results in the upload SARIF; 0: GitHub's limit */
	const char *shard;          /* "I/N" */
	unsigned shard_i, shard_n;
	int staged;                 /* --staged */
	const char *diff;           /* --diff REV */
	int soup_policy;            /* enum check_soup; -1 unset */
};

/* Findings in third-party code (SOUP): counted like the product's own
   (report), listed apart and not counted by --fail-on (separate), or left
   out (ignore). */
enum check_soup { CHECK_SOUP_REPORT = 0, CHECK_SOUP_SEPARATE, CHECK_SOUP_IGNORE };

static int soup_policy_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "report") == 0)
		return CHECK_SOUP_REPORT;
	if (strcmp(s, "separate") == 0)
		return CHECK_SOUP_SEPARATE;
	if (strcmp(s, "ignore") == 0)
		return CHECK_SOUP_IGNORE;
	return -1;
}

/* Set by SIGINT; workers stop between files, the store rolls back. */
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: asepsis check [PATH...] [options]\n"
		"\n"
		"  -p, --build-dir DIR   use DIR/compile_commands.json (PATHs then filter it);\n"
		"                        without it: compile_database of .asepsis.yml, else\n"
		"                        compile_commands.json in the current folder, build/,\n"
		"                        or a folder above them up to the project root\n"
		"      --config FILE     settings file (default: .asepsis.yml at the project root)\n"
		"      --sarif FILE      write SARIF 2.1.0 to FILE ('-': standard output, and the\n"
		"                        diagnostics go to standard error)\n"
		"      --json FILE       the findings, notifications and gate as JSON\n"
		"      --gitlab FILE     GitLab Code Quality report\n"
		"      --junit FILE      JUnit XML (a test case per rule and file)\n"
		"      --github-summary FILE  append a markdown job summary (GitHub:\n"
		"                        $GITHUB_STEP_SUMMARY)\n"
		"      --github-annotations  print ::error/::warning workflow commands\n"
		"      --format github   both: annotations, and the summary to\n"
		"                        $GITHUB_STEP_SUMMARY when it is set\n"
		"      --category ID     SARIF automationDetails.id (default asepsis/full/;\n"
		"                        asepsis/diff/ with --staged or --diff)\n"
		"      --sarif-max-results N  results kept in the upload SARIF, highest\n"
		"                        severity first (default 25000, GitHub's limit)\n"
		"      --staged          analyse what is staged in git, as it will be\n"
		"                        committed; report only added or changed lines\n"
		"      --diff REV        the same for the changes since the merge base of\n"
		"                        REV and HEAD (pull requests: --diff origin/main)\n"
		"      --shard I/N       analyse shard I of N (balanced by size); join the\n"
		"                        shards' SARIF files with 'asepsis merge'\n"
		"      --db FILE         findings store (default: .asepsis/asepsis.db under the root)\n"
		"      --no-db           do not use a store (no traceability IDs)\n"
		"      --fail-on LEVEL   none|note|warning|error (default: error); findings\n"
		"                        suppressed inline or triaged accepted-risk,\n"
		"                        false-positive or deferred do not count\n"
		"      --baseline B      compare with run B of the store, or a SARIF file\n"
		"                        asepsis wrote: SARIF baselineState, new findings marked\n"
		"      --new-only        --fail-on counts only findings not in the baseline\n"
		"      --sarif-include-suppressed  keep suppressed results in the SARIF file\n"
		"                        (evidence); the default leaves them out (upload)\n"
		"      --show-suppressed also list findings suppressed in the source\n"
		"      --profile NAME    all|class-a|class-b|class-c|cert-c (default: all)\n"
		"      --engine ENGINE   auto (default): semantic rules where clang parses a file,\n"
		"                        pattern rules everywhere; clang: semantic only;\n"
		"                        pattern: pattern rules only, no build needed\n"
		"      --rules-dir DIR   load pattern rules from DIR (repeatable)\n"
		"      --plugin FILE     load a checker plugin (repeatable)\n"
		"      --allow-plugins   load the plugins that .asepsis.yml names (code from\n"
		"                        the analysed repository: off by default)\n"
		"      --soup-policy P   findings in third-party components (see asepsis soup):\n"
		"                        separate (default): listed apart, not counted by\n"
		"                        --fail-on; report: like the product's own; ignore\n"
		"      --enable IDS      comma-separated rule IDs or prefixes to enable\n"
		"      --disable IDS     comma-separated rule IDs or prefixes to disable\n"
		"  -j, --jobs N          worker threads (default: number of CPUs)\n"
		"      --quiet           findings only, no summary\n"
		"      --no-progress     no progress line on stderr\n"
		"      --no-color        no colours\n"
		"\n"
		"Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
		"2 usage or configuration error, 3 the analysis failed, 130 interrupted\n"
		"(nothing stored).\n");
}

static int parse_opts(int argc, char **argv, struct check_opts *o, struct asp_error *err)
{
	enum { O_SARIF = 256, O_DB, O_NODB, O_FAILON, O_PROFILE, O_ENABLE, O_DISABLE,
	       O_QUIET, O_NOPROG, O_NOCOLOR, O_HELP, O_ENGINE, O_RULESDIR, O_CONFIG,
	       O_BASELINE, O_NEWONLY, O_SARIFSUP, O_SHOWSUP, O_PLUGIN, O_ALLOWPLUG,
	       O_JSON, O_GITLAB, O_JUNIT, O_GHSUM, O_GHANN, O_FORMAT, O_CATEGORY, O_SARIFMAX,
	       O_SHARD, O_STAGED, O_DIFF, O_SOUP };
	static const struct option lo[] = {
		{ "build-dir", required_argument, NULL, 'p' },
		{ "sarif", required_argument, NULL, O_SARIF },
		{ "db", required_argument, NULL, O_DB },
		{ "no-db", no_argument, NULL, O_NODB },
		{ "fail-on", required_argument, NULL, O_FAILON },
		{ "profile", required_argument, NULL, O_PROFILE },
		{ "enable", required_argument, NULL, O_ENABLE },
		{ "disable", required_argument, NULL, O_DISABLE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, O_QUIET },
		{ "no-progress", no_argument, NULL, O_NOPROG },
		{ "no-color", no_argument, NULL, O_NOCOLOR },
		{ "help", no_argument, NULL, O_HELP },
		{ "engine", required_argument, NULL, O_ENGINE },
		{ "rules-dir", required_argument, NULL, O_RULESDIR },
		{ "config", required_argument, NULL, O_CONFIG },
		{ "baseline", required_argument, NULL, O_BASELINE },
		{ "new-only", no_argument, NULL, O_NEWONLY },
		{ "sarif-include-suppressed", no_argument, NULL, O_SARIFSUP },
		{ "show-suppressed", no_argument, NULL, O_SHOWSUP },
		{ "plugin", required_argument, NULL, O_PLUGIN },
		{ "allow-plugins", no_argument, NULL, O_ALLOWPLUG },
		{ "json", required_argument, NULL, O_JSON },
		{ "gitlab", required_argument, NULL, O_GITLAB },
		{ "junit", required_argument, NULL, O_JUNIT },
		{ "github-summary", required_argument, NULL, O_GHSUM },
		{ "github-annotations", no_argument, NULL, O_GHANN },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "category", required_argument, NULL, O_CATEGORY },
		{ "sarif-max-results", required_argument, NULL, O_SARIFMAX },
		{ "shard", required_argument, NULL, O_SHARD },
		{ "staged", no_argument, NULL, O_STAGED },
		{ "diff", required_argument, NULL, O_DIFF },
		{ "soup-policy", required_argument, NULL, O_SOUP },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	o->fail_on = -1;      /* unset: .asepsis.yml or the default decides */
	o->engine = -1;
	o->soup_policy = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":p:j:", lo, NULL)) != -1) {
		switch (c) {
		case 'p': o->build_dir = optarg; break;
		case O_SARIF: o->sarif = optarg; break;
		case O_DB: o->db = optarg; break;
		case O_NODB: o->no_db = 1; break;
		case O_FAILON:
			o->fail_on = ruleset_level_parse(optarg);
			if (o->fail_on < 0)
				return error_set(err, ASP_EUSAGE, "--fail-on", 0, 0,
						 "'%s' is not none, note, warning or error", optarg);
			break;
		case O_PROFILE: o->profile = optarg; break;
		case O_ENABLE: o->enable = optarg; break;
		case O_DISABLE: o->disable = optarg; break;
		case 'j': {
			char *end = NULL;
			long v = strtol(optarg, &end, 10);

			if (!end || *end || v < 1 || v > 256)
				return error_set(err, ASP_EUSAGE, "-j", 0, 0,
						 "'%s' is not a number of jobs in 1..256", optarg);
			o->jobs = (unsigned)v;
			break;
		}
		case O_QUIET: o->quiet = 1; break;
		case O_NOPROG: o->no_progress = 1; break;
		case O_NOCOLOR: o->no_color = 1; break;
		case O_HELP: usage(stdout); return 1;
		case O_ENGINE:
			if (strcmp(optarg, "auto") == 0)
				o->engine = ANALYZE_AUTO;
			else if (strcmp(optarg, "clang") == 0)
				o->engine = ANALYZE_CLANG;
			else if (strcmp(optarg, "pattern") == 0)
				o->engine = ANALYZE_PATTERN;
			else
				return error_set(err, ASP_EUSAGE, "--engine", 0, 0,
						 "'%s' is not auto, clang or pattern", optarg);
			break;
		case O_CONFIG: o->config = optarg; break;
		case O_BASELINE: o->baseline = optarg; break;
		case O_NEWONLY: o->new_only = 1; break;
		case O_SARIFSUP: o->sarif_suppressed = 1; break;
		case O_SHOWSUP: o->show_suppressed = 1; break;
		case O_ALLOWPLUG: o->allow_plugins = 1; break;
		case O_SOUP:
			o->soup_policy = soup_policy_parse(optarg);
			if (o->soup_policy < 0)
				return error_set(err, ASP_EUSAGE, "--soup-policy", 0, 0,
						 "'%s' is not report, separate or ignore", optarg);
			break;
		case O_PLUGIN:
			if (o->nplugins == sizeof o->plugins / sizeof o->plugins[0])
				return error_set(err, ASP_EUSAGE, "--plugin", 0, 0, "at most 16 plugins");
			o->plugins[o->nplugins++] = optarg;
			break;
		case O_JSON: o->json = optarg; break;
		case O_GITLAB: o->gitlab = optarg; break;
		case O_JUNIT: o->junit = optarg; break;
		case O_GHSUM: o->github_summary = optarg; break;
		case O_GHANN: o->github_annotations = 1; break;
		case O_FORMAT:
			if (strcmp(optarg, "github") != 0)
				return error_set(err, ASP_EUSAGE, "--format", 0, 0,
						 "'%s' is not a format of check (github)", optarg);
			o->github_annotations = 1;
			if (!o->github_summary && getenv("GITHUB_STEP_SUMMARY") &&
			    *getenv("GITHUB_STEP_SUMMARY"))
				o->github_summary = getenv("GITHUB_STEP_SUMMARY");
			break;
		case O_CATEGORY: o->category = optarg; break;
		case O_SARIFMAX: {
			char *end = NULL;
			long v = strtol(optarg, &end, 10);

			if (!end || *end || v < 1 || v > 100000000)
				return error_set(err, ASP_EUSAGE, "--sarif-max-results", 0, 0,
						 "'%s' is not a number of results", optarg);
			o->sarif_max_results = v;
			break;
		}
		case O_SHARD:
			if (shard_parse(optarg, &o->shard_i, &o->shard_n, err))
				return ASP_EUSAGE;
			o->shard = optarg;
			break;
		case O_STAGED: o->staged = 1; break;
		case O_DIFF: o->diff = optarg; break;
		case O_RULESDIR:
			if (o->nrules_dirs == sizeof o->rules_dirs / sizeof o->rules_dirs[0])
				return error_set(err, ASP_EUSAGE, "--rules-dir", 0, 0,
						 "at most 16 rule folders");
			o->rules_dirs[o->nrules_dirs++] = optarg;
			break;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis check --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis check --help')");
		}
	}
	if (o->db && o->no_db)
		return error_set(err, ASP_EUSAGE, "--no-db", 0, 0, "--db and --no-db exclude each other");
	if (o->new_only && !o->baseline)
		return error_set(err, ASP_EUSAGE, "--new-only", 0, 0,
				 "needs --baseline (a run number or a SARIF file)");
	if (o->staged && o->diff)
		return error_set(err, ASP_EUSAGE, "--staged", 0, 0, "--staged and --diff exclude each other");
	if ((o->staged || o->diff) && o->shard)
		return error_set(err, ASP_EUSAGE, "--shard", 0, 0,
				 "--shard splits a full analysis; it does not go with %s",
				 o->staged ? "--staged" : "--diff");
	{
		const char *outs[] = { o->sarif, o->json, o->gitlab, o->junit, o->github_summary };
		size_t i, dash = 0;

		for (i = 0; i < sizeof outs / sizeof outs[0]; i++)
			dash += out_file_is_stdout(outs[i]);
		if (dash > 1)
			return error_set(err, ASP_EUSAGE, "-", 0, 0,
					 "only one output can go to standard output");
	}
	o->paths = argv + optind;
	o->npaths = (size_t)(argc - optind);
	return ASP_OK;
}

static const char *rule_lookup(void *data, const char *id)
{
	const struct rule *r = ruleset_find(data, id);
	return r && r->enabled ? r->id : NULL;
}

static int rule_engine_of(void *data, const char *id)
{
	const struct rule *r = ruleset_find(data, id);

	if (!r)
		return ANALYZE_RULE_UNKNOWN;
	switch (r->engine) {
	case RULE_ENGINE_CLANG: return ANALYZE_RULE_CLANG;
	case RULE_ENGINE_PATTERN: return ANALYZE_RULE_PATTERN;
	default: return ANALYZE_RULE_BUILTIN;
	}
}

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

struct progress {
	int on;
};

static void show_progress(size_t done, size_t total, const char *file, void *data)
{
	const char *base = strrchr(file, '/');

	(void)data;
	fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total, base ? base + 1 : file);
	if (done == total)
		fprintf(stderr, "\r\033[K");
	fflush(stderr);
}

/* Default names of identifiers that hold patient data (HIPAA identifiers and
   clinical values), as a PCRE2 pattern; .asepsis.yml may replace it. */
#define PATIENT_DATA_DEFAULT \
	"(?i)(patient|mrn|medical_?rec|ssn|social_?sec|dob|birth_?date|date_?of_?birth|" \
	"diagnos|insurance|health_?plan|phi)"

/* Queries may name configurable vocabularies: $PATIENT_DATA becomes the
   patient-data pattern (escaped for a query string). Caller frees. */
static char *expand_query(const char *q, const char *patient)
{
	struct sbuf b = SBUF_INIT(1 << 20);
	const char *p = q, *hit;

	while ((hit = strstr(p, "$PATIENT_DATA")) != NULL) {
		const char *s;

		sbuf_append(&b, p, (size_t)(hit - p));
		for (s = patient; *s; s++) {
			if (*s == '"' || *s == '\\')
				sbuf_putc(&b, '\\');
			sbuf_putc(&b, *s);
		}
		p = hit + strlen("$PATIENT_DATA");
	}
	sbuf_puts(&b, p);
	return sbuf_take(&b);
}

/* Compiles the queries of the enabled rules: pattern rules, and the pattern
   versions of semantic rules (used where clang cannot parse a file). */
static int compile_patterns(const struct ruleset *rs, int engine, const char *patient,
			    struct pat_rules **out, struct asp_error *err)
{
	struct pat_rule_src *src;
	char **expanded;
	size_t i, n = 0, total = rs->n, k;
	int rc;

	*out = NULL;
	if (engine == ANALYZE_CLANG)
		return ASP_OK;
	for (i = 0; i < rs->n; i++)
		total += rs->rules[i].npatterns;
	src = calloc(total ? total : 1, sizeof *src);
	expanded = calloc(total ? total : 1, sizeof *expanded);
	if (!src || !expanded) {
		free(src);
		free(expanded);
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->rules[i];

		if (!r->enabled || !r->query)
			continue;
		expanded[n] = expand_query(r->query, patient ? patient : PATIENT_DATA_DEFAULT);
		if (!expanded[n]) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		src[n].id = r->id;
		src[n].query = expanded[n];
		src[n].message = r->message;
		src[n].source = r->source;
		src[n].query_line = r->query_line;
		src[n].fallback = r->engine == RULE_ENGINE_CLANG;
		n++;
		for (k = 0; k < r->npatterns; k++) {
			expanded[n] = expand_query(r->patterns[k].query,
						   patient ? patient : PATIENT_DATA_DEFAULT);
			if (!expanded[n]) {
				rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
				goto done;
			}
			src[n].id = r->id;
			src[n].query = expanded[n];
			src[n].message = r->patterns[k].message;
			src[n].source = r->source;
			src[n].query_line = r->patterns[k].query_line;
			src[n].fallback = 1;
			n++;
		}
	}
	rc = pat_rules_compile(out, src, n, err);
done:
	for (i = 0; i < n; i++)
		free(expanded[i]);
	free(expanded);
	free(src);
	return rc;
}

/* The enabled semantic rules with no pattern version, for the notices of
   files that only the pattern engine read. */
static char *semantic_list(const struct ruleset *rs)
{
	size_t i, n = 0, shown = 0;
	struct sbuf b = SBUF_INIT(4096);

	for (i = 0; i < rs->n; i++)
		if (rs->rules[i].enabled && rs->rules[i].engine == RULE_ENGINE_CLANG &&
		    !rs->rules[i].query)
			n++;
	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->rules[i];

		if (!r->enabled || r->engine != RULE_ENGINE_CLANG || r->query)
			continue;
		if (shown == 12) {
			sbuf_printf(&b, " and %zu more", n - shown);
			break;
		}
		sbuf_printf(&b, "%s%s", shown ? ", " : "", r->id);
		shown++;
	}
	return sbuf_take(&b);
}

/* Reads the configuration (--config, else .asepsis.yml at the root if there
   is one) and fills the options the command line left unset. */
static int load_config(struct check_opts *o, const char *root, struct config *cfg,
		       struct asp_error *err)
{
	char path[4096];
	const char *file = o->config;
	int rc;

	if (!file) {
		snprintf(path, sizeof path, "%s/.asepsis.yml", root);
		if (access(path, F_OK) == 0)
			file = path;
	}
	cfg->fail_on = -1;
	if (file) {
		rc = config_load(cfg, file, err);
		if (rc)
			return rc;
	}
	if (!o->profile)
		o->profile = cfg->profile ? cfg->profile : "all";
	if (o->fail_on < 0)
		o->fail_on = cfg->fail_on >= 0 ? cfg->fail_on : ASP_LEVEL_ERROR;
	if (o->engine < 0) {
		o->engine = ANALYZE_AUTO;
		if (cfg->engine && strcmp(cfg->engine, "clang") == 0)
			o->engine = ANALYZE_CLANG;
		else if (cfg->engine && strcmp(cfg->engine, "pattern") == 0)
			o->engine = ANALYZE_PATTERN;
	}
	if (!o->build_dir && o->npaths == 0 && cfg->compile_database)
		o->build_dir = cfg->compile_database;
	if (o->soup_policy < 0)
		o->soup_policy = cfg->soup_policy ? soup_policy_parse(cfg->soup_policy)
						  : CHECK_SOUP_SEPARATE;
	return ASP_OK;
}

/* Tags each finding with the component of its file; under ignore, drops
   the tagged ones (their count goes to *ignored). */
static void tag_soup(struct run *r, const struct soup_result *soup, int policy, size_t *ignored)
{
	size_t i, w = 0;

	*ignored = 0;
	for (i = 0; i < r->nfindings; i++) {
		struct run_finding *rf = &r->findings[i];
		const struct soup_component *c = soup_component_of(soup, rf->uri);

		if (c && policy == CHECK_SOUP_IGNORE) {
			free(rf->uri);
			(*ignored)++;
			continue;
		}
		if (c) {
			rf->soup_component = c->name;
			rf->soup_version = c->version;
			rf->soup_separate = policy == CHECK_SOUP_SEPARATE;
		}
		r->findings[w++] = *rf;
	}
	r->nfindings = w;
	if (policy != CHECK_SOUP_IGNORE)
		return;
	/* ignored files are not looked at: the store must not take their
	   findings for fixed */
	for (i = w = 0; i < r->nfiles; i++) {
		if (soup_component_of(soup, r->files[i].uri)) {
			free(r->files[i].path);
			free(r->files[i].uri);
			continue;
		}
		r->files[w++] = r->files[i];
	}
	r->nfiles = w;
}

/*
 * Checker plugins are code. A repository's .asepsis.yml may name plugins,
 * but analysing a repository must never run its code unless the person who
 * runs asepsis says so: --allow-plugins, or trusted_projects in the user's
 * own configuration. Plugins the user names (--plugin, user configuration)
 * are always loaded.
 */
static int load_plugins(const struct check_opts *o, const struct config *cfg,
			struct registry *reg, const char *root, struct asp_error *err)
{
	struct config_user u;
	char *upath = config_user_path();
	size_t i;
	int rc;

	rc = config_user_load(&u, upath, root, err);
	for (i = 0; !rc && i < u.plugins.n; i++)
		rc = registry_load_plugin(reg, u.plugins.v[i], err);
	for (i = 0; !rc && i < o->nplugins; i++)
		rc = registry_load_plugin(reg, o->plugins[i], err);
	if (!rc && cfg->plugins.n && !o->allow_plugins && !config_user_trusts(&u, cfg->root))
		rc = error_set(err, ASP_ECONFIG, cfg->path, cfg->plugins_line, 0,
			       "not loading the checker plugins this project's configuration "
			       "names: a plugin is code, and analysing a repository never runs "
			       "its code unless you allow it (--allow-plugins, or list %s under "
			       "trusted_projects in %s)", cfg->root,
			       upath ? upath : "~/.config/asepsis/config.yml");
	for (i = 0; !rc && i < cfg->plugins.n; i++)
		rc = registry_load_plugin(reg, cfg->plugins.v[i], err);
	config_user_free(&u);
	free(upath);
	return rc;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct run_finding *x = a, *y = b;
	int c = strcmp(x->uri, y->uri);

	if (c)
		return c;
	if (x->f->line != y->f->line)
		return x->f->line < y->f->line ? -1 : 1;
	if (x->f->column != y->f->column)
		return x->f->column < y->f->column ? -1 : 1;
	c = strcmp(x->rule->id, y->rule->id);
	if (c)
		return c;
	return strcmp(x->f->message, y->f->message);
}

static int add_file(struct run *r, const char *path, int status)
{
	size_t i;
	struct run_file *f;
	char *uri;

	for (i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i].path, path) == 0) {
			if (status > r->files[i].status)
				r->files[i].status = status;
			return ASP_OK;
		}
	uri = discover_relpath(r->root, path);
	if (!uri)
		uri = strdup(path);
	f = realloc(r->files, (r->nfiles + 1) * sizeof *f);
	if (!f || !uri) {
		free(uri);
		if (f)
			r->files = f;
		return ASP_ENOMEM;
	}
	r->files = f;
	f = &r->files[r->nfiles++];
	memset(f, 0, sizeof *f);
	f->path = strdup(path);
	f->uri = uri;
	f->status = status;
	if (!f->path)
		return ASP_ENOMEM;
	if (fingerprint_file_sha256(path, f->sha256) != ASP_OK)
		f->sha256[0] = '\0';
	return ASP_OK;
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct run_file *)a)->uri, ((const struct run_file *)b)->uri);
}

/* Builds the run's finding list: one per (rule, place, message) even when a
   header is seen by several TUs, sorted, fingerprinted. */
static int build_findings(struct run *r, const struct ruleset *rs)
{
	const struct analyze_result *res = &r->result;
	size_t i, n = 0;

	r->findings = calloc(res->nfindings ? res->nfindings : 1, sizeof *r->findings);
	if (!r->findings)
		return ASP_ENOMEM;
	for (i = 0; i < res->nfindings; i++) {
		const struct asp_finding *f = &res->findings[i];
		struct run_finding *rf = &r->findings[n];

		rf->f = f;
		rf->rule = ruleset_find(rs, f->rule_id);
		if (!rf->rule)
			continue;
		rf->level = rf->rule->level;
		rf->uri = discover_relpath(r->root, f->path);
		if (!rf->uri)
			return ASP_ENOMEM;
		n++;
	}
	r->nfindings = n;
	if (n)
		qsort(r->findings, n, sizeof *r->findings, cmp_finding);
	/* drop duplicates from headers analysed in several TUs */
	if (n) {
		size_t w = 1;

		for (i = 1; i < n; i++) {
			if (cmp_finding(&r->findings[i], &r->findings[w - 1]) == 0) {
				free(r->findings[i].uri);
				continue;
			}
			r->findings[w++] = r->findings[i];
		}
		r->nfindings = w;
	}
	for (i = 0; i < r->nfindings; i++)
		if (add_file(r, r->findings[i].f->path, RUN_FILE_ANALYSED))
			return ASP_ENOMEM;
	if (fingerprint_run(r) || fingerprint_line_hash_run(r))
		return ASP_ENOMEM;
	return ASP_OK;
}

/* A baseline argument of digits only names a stored run. */
static long long baseline_run(const char *b)
{
	char *end = NULL;
	long long v;

	if (!b || !*b || strspn(b, "0123456789") != strlen(b))
		return 0;
	v = strtoll(b, &end, 10);
	return end && !*end && v > 0 ? v : 0;
}

static int load_baseline(const struct check_opts *o, const char *db_path, struct baseline *bl,
			 struct asp_error *err)
{
	long long run = baseline_run(o->baseline);
	struct store *s = NULL;
	int rc;

	if (!run)
		return out_sarif_read_baseline(o->baseline, bl, err);
	if (o->no_db)
		return error_set(err, ASP_EUSAGE, "--baseline", 0, 0,
				 "run %lld is in the store, which --no-db turns off; give a "
				 "SARIF file instead", run);
	rc = store_open_existing(&s, db_path, err);
	if (!rc)
		rc = store_load_baseline(s, run, bl, err);
	store_close(s);
	return rc;
}

/* compile_commands.json as clang-tidy finds it: the current folder, its
   build/, then each folder above, up to the project root. Caller frees. */
static char *find_compdb(const char *cwd, const char *root)
{
	char *dir = strdup(cwd);
	char probe[8192];

	while (dir) {
		char *slash;

		snprintf(probe, sizeof probe, "%s/compile_commands.json", dir);
		if (access(probe, R_OK) == 0)
			return dir;
		snprintf(probe, sizeof probe, "%s/build/compile_commands.json", dir);
		if (access(probe, R_OK) == 0) {
			snprintf(probe, sizeof probe, "%s/build", dir);
			free(dir);
			return strdup(probe);
		}
		{
			char *rel = discover_relpath(root, dir);

			free(rel);
			if (strcmp(dir, root) == 0 || !rel)
				break;
		}
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return NULL;
}

/* Files found on disk take their flags from a compile database that was
   found rather than given, when it lists them. */
static int merge_db_flags(struct work_list *work, const struct work_list *db)
{
	size_t i, k;

	for (i = 0; i < work->n; i++) {
		for (k = 0; k < db->n && strcmp(db->items[k].file, work->items[i].file) != 0; k++)
			;
		if (k == db->n)
			continue;
		{
			struct work_item *w = &work->items[i];
			const struct work_item *d = &db->items[k];
			char **args = calloc((size_t)d->nargs + 1, sizeof *args);
			char *dir = d->directory ? strdup(d->directory) : NULL;
			int j;

			if (!args || (d->directory && !dir)) {
				free(args);
				free(dir);
				return ASP_ENOMEM;
			}
			for (j = 0; j < d->nargs; j++)
				if (!(args[j] = strdup(d->args[j]))) {
					while (j-- > 0)
						free(args[j]);
					free(args);
					free(dir);
					return ASP_ENOMEM;
				}
			for (j = 0; j < w->nargs; j++)
				free(w->args[j]);
			free(w->args);
			free(w->directory);
			w->args = args;
			w->nargs = d->nargs;
			w->directory = dir;
		}
	}
	return ASP_OK;
}

/* A file outside the project root is analysed, but its findings are not
   reported: say so instead of staying silent. */
static int notice_outside_root(struct run *run, const struct work_list *work)
{
	size_t i;

	for (i = 0; i < work->n; i++) {
		char *rel = discover_relpath(run->root, work->items[i].file);

		if (rel) {
			free(rel);
			continue;
		}
		if (analyze_result_notice(&run->result, ASP_NOTICE_WARNING, "outside-root",
					  work->items[i].file, 0, 0,
					  "%s is outside the project root %s: it is analysed, but its "
					  "findings are not reported (run asepsis from the project, or "
					  "put .asepsis.yml in a folder above both)",
					  work->items[i].file, run->root))
			return ASP_ENOMEM;
	}
	return ASP_OK;
}

/* Changed-lines modes report only findings on added or changed lines, and
   of the baseline's findings no longer found, those in changed files. */
static void keep_changed_lines(struct run *run, const struct changes *chg)
{
	size_t i, w = 0;

	for (i = 0; i < run->nabsent; i++) {
		struct run_finding *rf = &run->absent[i];
		size_t n = strlen(run->root) + strlen(rf->uri ? rf->uri : "") + 2;
		char *abs = malloc(n);
		int keep;

		if (abs)
			snprintf(abs, n, "%s/%s", run->root, rf->uri ? rf->uri : "");
		keep = abs && changes_has_file(chg, abs);
		free(abs);
		if (keep) {
			run->absent_f[w] = run->absent_f[i];
			run->absent[w] = *rf;
			run->absent[w].f = &run->absent_f[w];
			w++;
			continue;
		}
		free(rf->uri);
		free(run->absent_f[i].message);
		free(run->absent_f[i].function);
		free(run->absent_f[i].stmt_text);
		free(run->absent_f[i].snippet);
		free(run->absent_f[i].path);
	}
	run->nabsent = w;
	w = 0;

	for (i = 0; i < run->nfindings; i++) {
		struct run_finding *rf = &run->findings[i];

		if (changes_has_line(chg, rf->f->path, rf->f->line)) {
			run->findings[w++] = *rf;
			continue;
		}
		free(rf->uri);
		free(rf->justification);
		free(rf->links);
	}
	run->nfindings = w;
}

/* The outputs besides text and SARIF, in a fixed order. */
static int write_ci_outputs(const struct run *run, const struct check_opts *o,
			    struct asp_error *err)
{
	struct out_ci_opts co;
	char link[4096];
	const char *server = getenv("GITHUB_SERVER_URL"), *repo = getenv("GITHUB_REPOSITORY");
	const char *sha = getenv("GITHUB_SHA");
	int rc = ASP_OK;

	memset(&co, 0, sizeof co);
	co.fail_on = o->fail_on;
	co.new_only = o->new_only;
	if (o->gitlab && getenv("CI_PROJECT_DIR") && *getenv("CI_PROJECT_DIR"))
		co.base_dir = getenv("CI_PROJECT_DIR");
	if (o->json)
		rc = out_json_run(run, o->json, &co, err);
	if (!rc && o->gitlab)
		rc = out_gitlab_write(run, o->gitlab, &co, err);
	if (!rc && o->junit)
		rc = out_junit_write(run, o->junit, &co, err);
	if (getenv("GITHUB_WORKSPACE") && *getenv("GITHUB_WORKSPACE"))
		co.base_dir = getenv("GITHUB_WORKSPACE");
	if (server && repo && sha && *server && *repo && *sha &&
	    (size_t)snprintf(link, sizeof link, "%s/%s/blob/%s", server, repo, sha) < sizeof link)
		co.link_base = link;
	if (!rc && o->github_summary)
		rc = out_github_summary(run, o->github_summary, &co, err);
	if (!rc && o->github_annotations)
		out_github_annotations(stdout, run, &co);
	return rc;
}

static char *default_db(const char *root)
{
	size_t n = strlen(root) + 32;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/.asepsis/asepsis.db", root);
	return p;
}

int cmd_check(int argc, char **argv, struct asp_error *err)
{
	struct check_opts o;
	struct ruleset *rs = NULL;
	struct registry *reg = NULL;
	struct work_list work = { NULL, 0, 0 };
	struct workq_file_result *fres = NULL;
	struct analyze_options aopts;
	struct store *store = NULL;
	struct pat_rules *pat = NULL;
	char *semantic = NULL;
	struct run run;
	struct baseline bl;
	struct sigaction sa, old_sa;
	int have_old_sa = 0;
	struct config cfg;
	const char **rule_dirs = NULL;
	const char **res_open = NULL, **res_close = NULL;
	char *patient = NULL;
	char *db_path = NULL, *cwd = NULL;
	char **filters = NULL;
	int rc, input_rc = ASP_OK, status = 0;
	size_t i, analysed = 0;
	struct asp_error input_err;
	struct changes chg;
	int changed_mode = 0, db_found = 0;
	char *found_db = NULL;
	FILE *text_out = stdout;
	struct soup_result soup;
	size_t soup_ignored = 0;

	memset(&chg, 0, sizeof chg);
	memset(&soup, 0, sizeof soup);
	memset(&o, 0, sizeof o);
	memset(&cfg, 0, sizeof cfg);
	memset(&run, 0, sizeof run);
	memset(&aopts, 0, sizeof aopts);
	memset(&bl, 0, sizeof bl);
	error_clear(&input_err);

	rc = parse_opts(argc, argv, &o, err);
	if (rc == 1)
		return 0;
	if (rc)
		goto done;
	/* SIGINT: finish the file at hand, store nothing, exit 130 */
	interrupted = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	have_old_sa = sigaction(SIGINT, &sa, &old_sa) == 0;

	run.root = discover_root();
	cwd = getcwd(NULL, 0);
	if (!run.root || !cwd) {
		rc = error_set(err, ASP_EIO, ".", 0, 0, "cannot determine the current folder");
		goto done;
	}

	/* .asepsis.yml, then the command line over it */
	rc = load_config(&o, run.root, &cfg, err);
	if (rc)
		goto done;
	changed_mode = o.staged || o.diff;
	if (!o.build_dir && o.engine != ANALYZE_PATTERN) {
		found_db = find_compdb(cwd, run.root);
		o.build_dir = found_db;
		if (o.build_dir) {
			db_found = 1;
			if (!o.quiet)
				fprintf(stderr, "asepsis: using the compile database %s/compile_commands.json\n",
					o.build_dir);
		}
	}
	rule_dirs = calloc(cfg.rules_dirs.n + o.nrules_dirs + 1, sizeof *rule_dirs);
	if (!rule_dirs) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < cfg.rules_dirs.n; i++)
		rule_dirs[i] = cfg.rules_dirs.v[i];
	for (i = 0; i < o.nrules_dirs; i++)
		rule_dirs[cfg.rules_dirs.n + i] = o.rules_dirs[i];

	rc = ruleset_load(&rs, rule_dirs, cfg.rules_dirs.n + o.nrules_dirs, err);
	if (!rc)
		rc = ruleset_apply_profile(rs, o.profile, err);
	for (i = 0; !rc && i < cfg.enable.n; i++)
		rc = ruleset_enable_list(rs, cfg.enable.v[i], 1, err);
	for (i = 0; !rc && i < cfg.disable.n; i++)
		rc = ruleset_enable_list(rs, cfg.disable.v[i], 0, err);
	for (i = 0; !rc && i < cfg.severity_ids.n; i++)
		rc = ruleset_set_level(rs, cfg.severity_ids.v[i],
				       ruleset_level_parse(cfg.severity_levels.v[i]), err);
	if (rc && cfg.path && err->input[0] && strcmp(err->input, cfg.path) != 0) {
		/* name the configuration, not the rule, for what it asked */
		char what[sizeof err->input + 2];

		snprintf(what, sizeof what, "%s", err->input);
		err->code = ASP_OK;
		rc = error_set(err, ASP_ECONFIG, cfg.path, 0, 0, "'%s': %s", what, err->message);
	}
	if (!rc && o.enable)
		rc = ruleset_enable_list(rs, o.enable, 1, err);
	if (!rc && o.disable)
		rc = ruleset_enable_list(rs, o.disable, 0, err);
	if (!rc)
		rc = registry_new(&reg, err);
	if (!rc)
		rc = load_plugins(&o, &cfg, reg, run.root, err);
	if (!rc)
		rc = ruleset_bind(rs, reg, err);
	if (!rc) {
		patient = config_patient_pattern(&cfg);
		rc = compile_patterns(rs, o.engine, patient, &pat, err);
	}
	if (!rc)
		semantic = semantic_list(rs);
	if (rc)
		goto done;
	now_iso(run.started);
	{
		char *args = cli_join_argv(argc, argv);
		size_t n = args ? strlen(args) + 9 : 0;

		run.command_line = args ? malloc(n) : NULL;
		if (run.command_line)
			snprintf(run.command_line, n, "asepsis %s", args);
		free(args);
	}
	run.tool_version = strdup(ASEPSIS_VERSION);
	run.frontend_version = strdup(analyze_frontend_version());
	run.rules = rs;
	{
		static const char *const head[] = { "rev-parse", "HEAD", NULL };
		static const char *const branch[] = { "rev-parse", "--abbrev-ref", "HEAD", NULL };
		static const char *const remote[] = { "config", "--get", "remote.origin.url", NULL };

		run.vcs_commit = discover_git(run.root, head);
		if (run.vcs_commit) {
			run.vcs_branch = discover_git(run.root, branch);
			run.vcs_uri = discover_git(run.root, remote);
		}
	}

	/* the work list: a compile database, or files found on disk */
	if (changed_mode) {
		rc = changes_collect(&chg, cwd, o.staged, o.diff, (const char *const *)o.paths,
				     o.npaths, err);
		if (!rc && o.build_dir)
			rc = compdb_load(&work, o.build_dir, NULL, 0, err);
		if (!rc)
			rc = changes_select(&chg, &work, o.build_dir != NULL,
					    o.engine == ANALYZE_PATTERN, run.root, err);
		if (rc)
			goto done;
		if (chg.nbinary && !o.quiet)
			fprintf(stderr, "asepsis: note: %zu binary file%s in %s not analysed\n",
				chg.nbinary, chg.nbinary == 1 ? "" : "s", chg.what);
	} else if (o.build_dir && db_found && o.npaths) {
		/* a database that was found, not given: it supplies the flags of the
		   files it lists; the paths decide what is analysed */
		struct work_list db = { NULL, 0, 0 };

		input_rc = discover_paths(&work, (const char *const *)o.paths, o.npaths,
					  o.engine == ANALYZE_PATTERN, &input_err);
		if (input_rc == ASP_ENOMEM ||
		    (compdb_load(&db, o.build_dir, NULL, 0, NULL) == ASP_OK &&
		     merge_db_flags(&work, &db))) {
			work_list_free(&db);
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		work_list_free(&db);
	} else if (o.build_dir) {
		filters = calloc(o.npaths + 1, sizeof *filters);
		if (!filters) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		for (i = 0; i < o.npaths; i++) {
			filters[i] = discover_abspath(o.paths[i], NULL);
			if (!filters[i]) {
				rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
				goto done;
			}
			if (access(filters[i], F_OK) != 0 && !input_rc)
				input_rc = error_set(&input_err, ASP_ENOTFOUND, o.paths[i], 0, 0,
						     "%s", strerror(errno));
		}
		rc = compdb_load(&work, o.build_dir, (const char *const *)filters, o.npaths, err);
		if (rc)
			goto done;
		if (work.n == 0 && !input_rc) {
			rc = error_set(err, ASP_EUSAGE, o.build_dir, 0, 0,
				       "the compile database lists no C sources%s",
				       o.npaths ? " under the given paths" : "");
			goto done;
		}
	} else {
		if (o.npaths == 0) {
			usage(stderr);
			rc = error_set(err, ASP_EUSAGE, NULL, 0, 0,
				       "nothing to analyse: give files or folders, or -p BUILD_DIR");
			goto done;
		}
		input_rc = discover_paths(&work, (const char *const *)o.paths, o.npaths,
					  o.engine == ANALYZE_PATTERN, &input_err);
		if (input_rc == ASP_ENOMEM) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
	}
	/* include/exclude of .asepsis.yml */
	if (cfg.include.n || cfg.exclude.n) {
		size_t w = 0;

		for (i = 0; i < work.n; i++) {
			char *rel = discover_relpath(run.root, work.items[i].file);
			int keep = !rel || config_path_selected(&cfg, rel);

			free(rel);
			if (keep) {
				work.items[w++] = work.items[i];
				continue;
			}
			{
				struct work_list one = { &work.items[i], 1, 1 };

				work_list_free_items(&one);
			}
		}
		work.n = w;
	}

	if (o.shard) {
		rc = shard_select(&work, o.shard_i, o.shard_n, run.root, err);
		if (rc)
			goto done;
	}
	if (notice_outside_root(&run, &work)) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}

	/* the analysis */
	aopts.engine = o.engine;
	aopts.pat = pat;
	aopts.semantic_rules = semantic;
	aopts.reg = reg;
	aopts.rule_lookup = rule_lookup;
	aopts.rule_engine = rule_engine_of;
	aopts.rule_data = rs;
	aopts.root = run.root;
	if (cfg.nresource_pairs) {
		res_open = calloc(cfg.nresource_pairs, sizeof *res_open);
		res_close = calloc(cfg.nresource_pairs, sizeof *res_close);
		if (!res_open || !res_close) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		for (i = 0; i < cfg.nresource_pairs; i++) {
			res_open[i] = cfg.resource_pairs[i].open;
			res_close[i] = cfg.resource_pairs[i].close;
		}
		aopts.resource_open = res_open;
		aopts.resource_close = res_close;
		aopts.nresource_pairs = cfg.nresource_pairs;
	}
	fres = calloc(work.n ? work.n : 1, sizeof *fres);
	if (!fres) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	if (!o.jobs) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o.jobs = n > 0 ? (unsigned)(n > 64 ? 64 : n) : 1;
	}
	if (o.baseline) {
		/* before the analysis, so a bad baseline costs nothing */
		db_path = o.db ? strdup(o.db) : default_db(run.root);
		if (!db_path) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		rc = load_baseline(&o, db_path, &bl, err);
		if (rc)
			goto done;
	}
	/* third-party components: before the analysis, so a bad signature file
	   or declaration costs nothing */
	rc = soup_identify_work(&soup, &work, run.root, cfg.path ? &cfg : NULL, NULL, 0, err);
	if (rc)
		goto done;
	rc = workq_run(&work, &aopts, o.jobs, &run.result, fres,
		       !o.no_progress && isatty(2) ? show_progress : NULL, NULL, &interrupted, err);
	if (rc)
		goto done;
	if (interrupted) {
		rc = error_set(err, ASP_EINTR, NULL, 0, 0,
			       "interrupted: the analysis was stopped and nothing was stored");
		goto done;
	}
	if (changed_mode && changes_map_result(&chg, &run.result)) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	run.complete = 1;
	for (i = 0; i < work.n; i++) {
		int st = RUN_FILE_ANALYSED;

		if (fres[i].failed || !fres[i].parsed) {
			st = RUN_FILE_FAILED;
			if (fres[i].failed)
				analyze_result_notice(&run.result, ASP_NOTICE_ERROR, "analysis-failed",
						      changes_original(&chg, work.items[i].file), 0, 0,
						      "%s", fres[i].message);
		} else if (fres[i].parse_errors || fres[i].pattern_only) {
			st = RUN_FILE_PARTIAL;
		}
		if (st == RUN_FILE_ANALYSED || st == RUN_FILE_PARTIAL)
			analysed++;
		if (st != RUN_FILE_ANALYSED)
			run.complete = 0;
		if (add_file(&run, changes_original(&chg, work.items[i].file), st)) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
	}
	if (input_rc)
		run.complete = 0;
	if (build_findings(&run, rs)) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	if (run.nfiles)
		qsort(run.files, run.nfiles, sizeof *run.files, cmp_file);
	tag_soup(&run, &soup, o.soup_policy, &soup_ignored);
	now_iso(run.finished);

	/* changed-lines runs read the store's triage and record nothing: they
	   see a change that is not committed yet */
	if (changed_mode && !o.no_db && analysed > 0) {
		db_path = db_path ? db_path : o.db ? strdup(o.db) : default_db(run.root);
		if (!db_path) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		if (access(db_path, F_OK) == 0) {
			rc = store_open_existing(&store, db_path, err);
			if (!rc)
				rc = store_lookup_run(store, &run, err);
			store_close(store);
			store = NULL;
			if (rc) {
				rc = rc == ASP_ENOMEM ? rc : ASP_EDB;
				goto done;
			}
		}
	}
	/* the store: one transaction, before any output */
	if (!changed_mode && !o.no_db && analysed > 0) {
		if (!db_path)
			db_path = o.db ? strdup(o.db) : default_db(run.root);
		if (!db_path) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		rc = store_open(&store, db_path, err);
		store_set_cancel(store, &interrupted);
		if (!rc)
			rc = store_record_run(store, &run, err);
		if (rc) {
			rc = rc == ASP_ENOMEM || rc == ASP_EINTR ? rc : ASP_EDB;
			goto done;
		}
	}
	if (o.baseline && baseline_apply(&run, &bl)) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	if (changed_mode)
		keep_changed_lines(&run, &chg);
	/* machine output on stdout: the diagnostics move to stderr */
	if (out_file_is_stdout(o.sarif) || out_file_is_stdout(o.json) ||
	    out_file_is_stdout(o.gitlab) || out_file_is_stdout(o.junit) ||
	    out_file_is_stdout(o.github_summary))
		text_out = stderr;

	/* outputs */
	{
		struct out_text_opts to;

		to.color = !o.no_color && isatty(fileno(text_out)) && !getenv("NO_COLOR");
		to.quiet = o.quiet;
		to.cwd = cwd;
		to.show_suppressed = o.show_suppressed;
		to.soup_ignored = soup_ignored;
		out_text_write(text_out, &run, &to);
		if (!o.quiet && store)
			fprintf(text_out, "asepsis: run %lld stored in %s\n", run.id, db_path);
		if (!o.quiet && changed_mode)
			fprintf(text_out, "asepsis: %s: %zu changed file%s, %zu translation unit%s "
				"analysed; only findings on added or changed lines are shown\n",
				chg.what, chg.n, chg.n == 1 ? "" : "s", work.n, work.n == 1 ? "" : "s");
		fflush(text_out);
	}
	if (o.sarif) {
		struct out_sarif_opts so;
		size_t kept = 0, left_out = 0;

		memset(&so, 0, sizeof so);
		so.include_suppressed = o.sarif_suppressed;
		so.category = o.category ? o.category : changed_mode ? "asepsis/diff/" : NULL;
		so.max_results = o.sarif_suppressed ? 0 : o.sarif_max_results ? (size_t)o.sarif_max_results
			: OUT_SARIF_GITHUB_MAX_RESULTS;
		so.max_gzip = o.sarif_suppressed ? 0 : OUT_SARIF_GITHUB_MAX_GZIP;
		so.kept = &kept;
		so.left_out = &left_out;
		rc = out_sarif_write(&run, o.sarif, &so, err);
		if (rc)
			goto done;
		if (left_out)
			fprintf(stderr, "asepsis: warning: the SARIF file %s keeps %zu of %zu results "
				"(GitHub accepts %zu results and %zu MB gzipped per upload); the %zu "
				"left out are the lowest in severity and are still in the store, the "
				"text output and --sarif-include-suppressed evidence files\n",
				o.sarif, kept, kept + left_out, so.max_results,
				so.max_gzip >> 20, left_out);
	}
	rc = write_ci_outputs(&run, &o, err);
	if (rc)
		goto done;

	if (analysed == 0 && work.n > 0) {
		rc = error_set(err, ASP_EPARSE, NULL, 0, 0,
			       "no file could be analysed (%zu tried)", work.n);
		goto done;
	}
	if (input_rc) {
		*err = input_err;
		rc = input_rc;
		goto done;
	}
	/* the gate: dispositioned findings are decided; --new-only looks at new ones */
	for (i = 0; i < run.nfindings; i++)
		if (run_finding_gates(&run.findings[i], o.fail_on, o.new_only))
			status = 1;
done:
	if (have_old_sa)
		sigaction(SIGINT, &old_sa, NULL);
	store_close(store);
	config_free(&cfg);
	free(rule_dirs);
	free(res_open);
	free(res_close);
	free(patient);
	pat_rules_free(pat);
	free(semantic);
	free(db_path);
	free(cwd);
	if (filters) {
		for (i = 0; i < o.npaths; i++)
			free(filters[i]);
		free(filters);
	}
	free(fres);
	run_free(&run);
	changes_free(&chg);
	free(found_db);
	baseline_free(&bl);
	soup_result_free(&soup);
	work_list_free(&work);
	registry_free(reg);
	ruleset_free(rs);
	return rc ? rc : status;
}
