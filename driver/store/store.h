/*
 * The findings store (SQLite): runs, files, rules and findings with stable
 * ASF-n traceability IDs. Opaque handle; bound parameters only; one
 * transaction per run, so a failed or interrupted run leaves earlier runs
 * intact.
 */
#ifndef ASP_STORE_H
#define ASP_STORE_H

#include <signal.h>

#include "run.h"

struct store;

/* Opens (creating the file and its folder if needed) and migrates the schema.
   ASP_EDB naming the file when it is not an asepsis store or has a newer
   schema (then nothing is written to it), or is corrupt or stays locked. */
int store_open(struct store **out, const char *path, struct asp_error *err);
/* As store_open, but a missing file is ASP_EDB naming it ("no findings
   store"), never created: for the commands that read or triage. */
int store_open_existing(struct store **out, const char *path, struct asp_error *err);
void store_close(struct store *s);   /* accepts NULL */

/* While *flag is non-zero store_record_run stops before its commit and rolls
   back (ASP_EINTR): SIGINT during the write stores nothing. flag may be NULL. */
void store_set_cancel(struct store *s, const volatile sig_atomic_t *flag);

/* Records r in one transaction: the run, its files, the rules, and every
   finding. A finding whose fingerprint the store knows keeps its ASF ID; a
   new one gets the next. A fixed finding seen again reopens; an open finding
   missing from a file this run analysed with full coverage, under a rule it
   enabled, becomes fixed; both changes go to the audit log. Sets r->id,
   r->nnew/nfixed/nreopened and each finding's trace ID, state, triage
   justification and links. On failure nothing of r is stored, the IDs stay
   0 and "". */
int store_record_run(struct store *s, struct run *r, struct asp_error *err);

/* Read only: gives each finding of r the traceability ID, triage state and
   last justification the store has for its fingerprint (changed-lines runs
   see the same triage as a full run without recording one). */
int store_lookup_run(struct store *s, struct run *r, struct asp_error *err);

/* Triage states a user may set (fixed is only ever set by a run). */
int store_state_valid(const char *state);

/* Sets the state of ASF-<finding> and appends the change to the audit log,
   in one transaction. justification is required unless state is "open".
   old_state receives the previous state. ASP_ENOTFOUND when there is no
   such finding, ASP_EUSAGE for a state users cannot set. */
int store_triage(struct store *s, long long finding, const char *state,
		 const char *justification, const char *author, char old_state[32],
		 struct asp_error *err);

/* Links ASF-<finding> to ref (kind requirement, risk-control or
   problem-report) and logs it; *added is 0 when the link already existed
   (then nothing is written). */
int store_link(struct store *s, long long finding, const char *kind, const char *ref,
	       const char *author, int *added, struct asp_error *err);

struct store_verify {
	int ok;                   /* 1 when the log and the findings agree */
	long long entries;        /* entries in the log */
	long long bad_seq;        /* first entry found changed, deleted or inserted */
	char head[65];            /* hash of the last entry (zeros when empty) */
	char what[512];           /* what is wrong, naming the entry */
};

/* Recomputes the audit chain, checks the heads runs recorded and that every
   finding's state and link is the one the log gives. A broken log is a
   result (v->ok = 0), not an error; errors mean the store cannot be read. */
int store_audit_verify(struct store *s, struct store_verify *v, struct asp_error *err);

/* ---- reading the store ------------------------------------------------ */

struct store_run_row {
	long long id;
	char *started, *finished, *commit, *branch, *profile, *tool_version;
	long long files, files_partial, files_failed;
	long long findings, errors, warnings, notes;
	long long nnew, nfixed, nreopened, nsuppressed;
	int complete;
};

/* Every run, oldest first. Caller frees with store_run_rows_free. */
int store_list_runs(struct store *s, struct store_run_row **out, size_t *n,
		    struct asp_error *err);
void store_run_rows_free(struct store_run_row *rows, size_t n);

struct store_finding_row {
	long long id;             /* n of ASF-n */
	char *rule, *uri, *function, *state;
	char *level, *message, *snippet;     /* of the occurrence shown */
	unsigned line, column;
	long long run;            /* run of the occurrence shown */
	long long first_run, last_run, fixed_run;
	char *suppression;        /* inline justification in that run, or NULL */
	char *justification;      /* of the last state change, or NULL */
	char *triaged_by, *triaged_at;
	struct run_link *links;
	size_t nlinks;
};

struct store_finding_query {
	long long run;            /* findings seen in this run; 0: see all */
	int all;                  /* every finding (run ignored) */
	const char *state;        /* NULL: any */
	const char *rule;         /* ID or prefix (MDS-MEM); NULL: any */
	const char *file;         /* glob on the URI ('*' spans '/'); NULL: any */
	int min_level;            /* enum asp_level; 0: any */
};

/* Findings matching q, by ID. With neither run nor all: those seen in the
   latest run, or every finding when state is given. *run_used tells which
   run was listed (0 for none). Caller frees with store_finding_rows_free. */
int store_list_findings(struct store *s, const struct store_finding_query *q,
			struct store_finding_row **out, size_t *n, long long *run_used,
			struct asp_error *err);
void store_finding_rows_free(struct store_finding_row *rows, size_t n);

/* The findings of a stored run as a baseline. ASP_ENOTFOUND when there is
   no such run. Caller frees with baseline_free. */
int store_load_baseline(struct store *s, long long run, struct baseline *out,
			struct asp_error *err);

/* Schema version this binary writes (PRAGMA user_version). */
int store_schema_version(void);

#endif
