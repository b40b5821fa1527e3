/*
 * Runs the analysis of a work list on N worker threads, each with its own
 * front-end session. Results are merged in work-list order, so the output
 * does not depend on thread timing.
 */
#ifndef ASP_WORKQ_H
#define ASP_WORKQ_H

#include <signal.h>

#include "core/analyze.h"
#include "compdb.h"

struct workq_file_result {
	int parsed;          /* the front end produced an AST */
	int parse_errors;    /* error diagnostics */
	int failed;          /* the tool failed on this file (err below) */
	int pattern_only;    /* semantic rules did not run on it */
	char message[1100];
};

/* progress(done, total, file, data) is called from worker threads, serialised. */
typedef void (*workq_progress_fn)(size_t done, size_t total, const char *file, void *data);

/* Analyses every item; per-item outcomes go to files[] (size list->n), all
   findings and notices into res. Workers stop taking items once *stop is
   non-zero (stop may be NULL); the caller then discards the partial result.
   Returns ASP_OK unless setting up failed. */
int workq_run(const struct work_list *list, const struct analyze_options *opts,
	      unsigned jobs, struct analyze_result *res, struct workq_file_result *files,
	      workq_progress_fn progress, void *progress_data,
	      const volatile sig_atomic_t *stop, struct asp_error *err);

#endif
