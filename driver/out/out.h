/*
 * Writers of a finished run: compiler-style text, SARIF 2.1.0. They run once
 * the run's findings are final and never change the run.
 */
#ifndef ASP_OUT_H
#define ASP_OUT_H

#include <stdio.h>

#include "run.h"
#include "store.h"

struct out_text_opts {
	int color;              /* ANSI colours */
	int quiet;              /* findings only, no summary */
	const char *cwd;        /* paths are shown relative to it when below it */
	int show_suppressed;    /* list findings suppressed inline too */
	size_t soup_ignored;    /* findings in SOUP left out (--soup-policy ignore) */
};

/* Diagnostics with source line and caret, then a summary, to f. */
int out_text_write(FILE *f, const struct run *r, const struct out_text_opts *o);

struct out_sarif_opts {
	int include_suppressed; /* evidence file: keep suppressed results */
	const char *category;   /* automationDetails.id; NULL: "asepsis/full/"; a
				   missing final '/' is added (GitHub reads the part
				   after the last '/' as a run id) */
	const char *info_uri;   /* tool.driver.informationUri and the base of rule
				   helpUri; NULL: the project's URI */
	size_t max_results;     /* at most this many results (0: no limit); the
				   highest levels are kept and a notification
				   counts the rest */
	size_t max_gzip;        /* and at most this many bytes gzipped (0: no limit) */
	size_t *kept, *left_out;   /* receive the counts when not NULL */
};

/* What GitHub code scanning accepts in one upload. */
#define OUT_SARIF_GITHUB_MAX_RESULTS 25000u
#define OUT_SARIF_GITHUB_MAX_GZIP (10u << 20)

/* Writes SARIF 2.1.0 to path atomically (temporary file, then rename): the
   same run gives the same bytes apart from the two invocation timestamps.
   o may be NULL. ASP_EIO names path when it cannot be written; ASP_ENOMEM.
   Never leaves a partial file at path. */
int out_sarif_write(const struct run *r, const char *path, const struct out_sarif_opts *o,
		    struct asp_error *err);

/* What the writers for CI (JSON, GitLab, JUnit, GitHub) need besides the run. */
struct out_ci_opts {
	int fail_on;            /* enum asp_level of the gate */
	int new_only;           /* the gate counts only findings new against the baseline */
	const char *base_dir;   /* paths relative to it when the file is below it (the
				   CI checkout, $CI_PROJECT_DIR or $GITHUB_WORKSPACE);
				   NULL: relative to the project root */
	const char *link_base;  /* "https://host/owner/repo/blob/SHA", for links to lines
				   in the job summary; NULL: no links */
	int max_annotations;    /* per level (GitHub shows 10 per step); 0: 10 */
};

/* `check --json`: the run's findings (all of them, suppressed ones marked),
   notifications, files and the gate, as one JSON object. path "-" is stdout. */
int out_json_run(const struct run *r, const char *path, const struct out_ci_opts *o,
		 struct asp_error *err);

/* GitLab Code Quality report: a JSON array with one issue per finding that is
   not dispositioned (description, check_name, fingerprint, severity in
   GitLab's five levels, location.path and location.lines.begin). */
int out_gitlab_write(const struct run *r, const char *path, const struct out_ci_opts *o,
		     struct asp_error *err);

/* JUnit XML: one test suite per enabled rule, one test case per rule and
   analysed file; a failure for each finding that fails the gate, an error
   for a file that was not analysed. */
int out_junit_write(const struct run *r, const char *path, const struct out_ci_opts *o,
		    struct asp_error *err);

/* Markdown job summary (appended to path, as GitHub's $GITHUB_STEP_SUMMARY
   expects): the verdict, counts by severity and by rule, the new (or open)
   findings with their IDs and links, the rule-set hash. */
int out_github_summary(const struct run *r, const char *path, const struct out_ci_opts *o,
		       struct asp_error *err);

/* GitHub workflow commands (::error file=...,line=...::message) for the open
   findings, highest severity first, at most o->max_annotations per level;
   returns how many were left out. */
size_t out_github_annotations(FILE *f, const struct run *r, const struct out_ci_opts *o);

/* Joins the SARIF files that the shards of one analysis wrote (--shard I/N)
   into what one run writes: one run per category, artifacts united, results
   sorted and de-duplicated, one invocation. ASP_EUSAGE naming the file when
   an input is not asepsis SARIF, or comes from another tool version, rule
   set or commit. *blocking (may be NULL) receives the number of results
   that fail a gate at fail_on (enum asp_level): not suppressed, not
   dispositioned, not absent. */
int out_sarif_merge(const char *const *inputs, size_t n, const char *output, int fail_on,
		    size_t *blocking, struct asp_error *err);

/* Standards of the clause taxonomies; see out_sarif_clause_title. */
enum out_sarif_standard { OUT_SARIF_IEC62304 = 1, OUT_SARIF_IEC81001 = 2 };

/* Listings of the store (`asepsis findings`, `asepsis runs`). */
enum out_list_format { OUT_LIST_TEXT = 0, OUT_LIST_JSON, OUT_LIST_CSV };

/* Parses "text", "json" or "csv"; -1 otherwise. */
int out_list_format_parse(const char *s);

/* Writes the rows to f in the format. run is the run listed (0: none),
   for the text header. ASP_EIO when f cannot be written, ASP_ENOMEM. */
int out_list_findings(FILE *f, int format, const struct store_finding_row *rows, size_t n,
		      long long run);
int out_list_runs(FILE *f, int format, const struct store_run_row *rows, size_t n);

/* The same rows as JSON (jansson), for out_list_*. */
int out_json_findings(FILE *f, const struct store_finding_row *rows, size_t n);
int out_json_runs(FILE *f, const struct store_run_row *rows, size_t n);

/* Our short title of a clause ("5.5.4(g)", "5.5.2(c)") of a standard, or NULL
   when the clause is not in the list; static storage. */
const char *out_sarif_clause_title(int standard, const char *clause);

/*
 * CycloneDX 1.5 JSON. The model is the writer's own, so any bill of
 * materials (the firmware's SOUP, the tool's own components) can use it;
 * every string is borrowed and may be NULL when optional.
 */
struct out_cdx_prop {
	const char *name, *value;
};

/* How a component was identified (evidence.identity.methods). */
struct out_cdx_method {
	const char *technique;      /* source-code-analysis, filename, attestation, ... */
	double confidence;          /* 0..1 */
	const char *value;          /* what was found, with its file and line */
};

struct out_cdx_file {
	const char *name;           /* path relative to the product's root */
	const char *sha256;         /* hex; NULL or "" when unknown */
};

struct out_cdx_component {
	const char *bom_ref;        /* unique in the document */
	const char *type;           /* library, application, firmware, file, ... */
	const char *name;
	const char *version;
	const char *supplier;
	const char *description;
	const char *website;
	const char *licence;        /* an SPDX identifier or expression */
	const char *purl, *cpe;
	const char *sha256;         /* of the component's own artifact */
	const struct out_cdx_file *files;   /* nested "file" components with hashes */
	size_t nfiles;
	const char *identity_field; /* name, version, purl, cpe: what methods establish */
	const struct out_cdx_method *methods;
	size_t nmethods;
	const struct out_cdx_prop *props;
	size_t nprops;
};

struct out_cdx_rating {
	const char *source;         /* who rated it; NULL: the advisory's source */
	double score;               /* 0: unknown */
	const char *severity;       /* critical, high, medium, low, none, unknown */
	const char *method;         /* CVSSv3, CVSSv31, other */
	const char *vector;
};

struct out_cdx_vuln {
	const char *bom_ref;
	const char *id;
	const char *source_name, *source_url;
	const char *const *aliases; /* other IDs (CVE-...) as references */
	size_t naliases;
	const struct out_cdx_rating *ratings;
	size_t nratings;
	const unsigned long *cwes;
	size_t ncwes;
	const char *description, *detail, *recommendation;
	const char *const *advisories;   /* URLs */
	size_t nadvisories;
	const char *published, *updated;
	const char *analysis_state; /* in_triage, exploitable, ...; NULL: none */
	const char *analysis_detail;
	const char *affects_ref;    /* the component's bom_ref */
	const char *affects_version;
	const char *affects_status; /* affected, unaffected, unknown */
};

struct out_cdx_dep {
	const char *ref;
	const char *const *depends_on;
	size_t n;
};

struct out_cdx_bom {
	const char *timestamp;      /* ISO 8601; NULL: none */
	const struct out_cdx_component *tool;      /* metadata.tools.components[0] */
	const struct out_cdx_component *subject;   /* metadata.component: the product */
	const struct out_cdx_component *components;
	size_t ncomponents;
	const struct out_cdx_dep *deps;
	size_t ndeps;
	const struct out_cdx_vuln *vulns;
	size_t nvulns;
	const struct out_cdx_prop *props;          /* metadata.properties */
	size_t nprops;
};

/* Writes bom to path atomically. The serial number is derived from the
   content, so equal input gives equal bytes (timestamp aside). ASP_EIO
   names path when it cannot be written; ASP_ENOMEM. */
int out_cyclonedx_write(const struct out_cdx_bom *bom, const char *path, struct asp_error *err);

/* 1 when id is an SPDX licence identifier the writer emits as license.id
   (others become an expression). */
int out_cyclonedx_spdx_id(const char *id);

#endif
