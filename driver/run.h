/*
 * One analysis run as the outputs see it: the files, the findings with their
 * fingerprints and traceability IDs, the notifications and the run metadata.
 * Built by cmd_check.c; read by the store and by every writer in out/.
 */
#ifndef ASP_RUN_H
#define ASP_RUN_H

#include <stddef.h>

#include "core/analyze.h"
#include "ruleset.h"

enum run_file_status {
	RUN_FILE_ANALYSED = 0,    /* full coverage */
	RUN_FILE_PARTIAL = 1,     /* analysed with parse errors */
	RUN_FILE_FAILED = 2       /* not analysed */
};

struct run_file {
	char *path;               /* absolute */
	char *uri;                /* relative to the root, '/'-separated */
	char sha256[65];          /* of the file contents; "" if unreadable */
	int status;               /* enum run_file_status */
};

enum baseline_state { BASELINE_NONE = 0, BASELINE_NEW, BASELINE_UNCHANGED,
		      BASELINE_UPDATED, BASELINE_ABSENT };

/* A tie from a finding to an external ID (requirement, risk control,
   problem report). */
struct run_link {
	char *kind;
	char *ref;
};

/* One finding of a baseline (a stored run or a SARIF file). */
struct baseline_item {
	char fingerprint[65];         /* asepsisFingerprint/v1 */
	char *rule, *uri, *message, *function, *snippet;   /* owned; may be NULL */
	unsigned line, column, end_line, end_column;
	char trace_id[32];            /* "ASF-n" or "" */
	int matched;                  /* found again in the current run */
};

struct baseline {
	char *name;                   /* "run 4" or the SARIF file, for messages */
	struct baseline_item *items;
	size_t n;
};

void baseline_free(struct baseline *b);   /* frees what b owns, not b */

struct run_finding {
	const struct asp_finding *f;  /* borrowed from the run's analyze_result */
	const struct rule *rule;      /* borrowed from the rule set */
	char *uri;                    /* relative to the root, '/'-separated */
	int level;                    /* enum asp_level */
	unsigned occurrence;          /* index among findings with the same key */
	char fingerprint[65];         /* asepsis's own, stable (SHA-256 hex) */
	char line_hash[40];           /* GitHub primaryLocationLineHash */
	char correlation[37];         /* UUID form of the fingerprint */
	long long trace_num;          /* n of ASF-n; 0 when there is no store */
	char trace_id[32];            /* "ASF-n" or "" */
	int baseline;                 /* enum baseline_state */
	char state[16];               /* triage state in the store; "" without one */
	char *justification;          /* of its last state change; owned; may be NULL */
	struct run_link *links;       /* owned */
	size_t nlinks;
	const char *soup_component;   /* the third-party component (SOUP) of its
	                                 file; NULL for the product's own code */
	const char *soup_version;     /* may be NULL */
	int soup_separate;            /* --soup-policy separate: not counted by
	                                 --fail-on, listed in a section of its own */
};

/* 1 when a finding does not count toward --fail-on: suppressed inline or
   dispositioned (accepted-risk, false-positive, deferred). */
int run_finding_dispositioned(const struct run_finding *rf);
/* 1 when SARIF carries it as suppressed: inline, accepted-risk, false-positive. */
int run_finding_suppressed(const struct run_finding *rf);
/* 1 when it fails the gate: at or above fail_on (enum asp_level; NONE never
   fails), not dispositioned, and new against the baseline when new_only. */
int run_finding_gates(const struct run_finding *rf, int fail_on, int new_only);

struct run {
	long long id;                 /* store run id; 0 without a store */
	char started[32];             /* ISO 8601 UTC */
	char finished[32];
	char *root;                   /* project root, absolute */
	char *command_line;
	const struct ruleset *rules;
	char *tool_version;
	char *frontend_version;
	char *vcs_commit;             /* may be NULL */
	char *vcs_branch;             /* may be NULL */
	char *vcs_uri;                /* may be NULL */
	struct run_file *files;
	size_t nfiles;
	struct run_finding *findings; /* sorted: uri, line, column, rule */
	size_t nfindings;
	struct analyze_result result; /* owns findings and notices */
	int complete;                 /* every file analysed with full coverage */
	long long nnew, nfixed, nreopened;   /* set by the store */
	const char *baseline_name;    /* "run 4" or a file; NULL without a baseline */
	struct run_finding *absent;   /* baseline findings not found now (baseline
	                                 absent); f points into absent_f */
	size_t nabsent;
	struct asp_finding *absent_f; /* owned */
};

void run_free(struct run *r);     /* frees everything the run owns, not the struct */
/* Frees and clears what the store filled in each finding (state,
   justification, links). */
void run_free_annotations(struct run *r);

#endif
