/*
 * Writers of a finished run: compiler-style text, SARIF 2.1.0. They run once
 * the run's findings are final and never change the run.
 */
#ifndef ASP_OUT_H
#define ASP_OUT_H

#include <stdio.h>

#include "run.h"

struct out_text_opts {
	int color;              /* ANSI colours */
	int quiet;              /* findings only, no summary */
	const char *cwd;        /* paths are shown relative to it when below it */
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
};

/* Writes SARIF 2.1.0 to path atomically (temporary file, then rename): the
   same run gives the same bytes apart from the two invocation timestamps.
   o may be NULL. ASP_EIO names path when it cannot be written; ASP_ENOMEM.
   Never leaves a partial file at path. */
int out_sarif_write(const struct run *r, const char *path, const struct out_sarif_opts *o,
		    struct asp_error *err);

/* Standards of the clause taxonomies; see out_sarif_clause_title. */
enum out_sarif_standard { OUT_SARIF_IEC62304 = 1, OUT_SARIF_IEC81001 = 2 };

/* Our short title of a clause ("5.5.4(g)", "5.5.2(c)") of a standard, or NULL
   when the clause is not in the list; static storage. */
const char *out_sarif_clause_title(int standard, const char *clause);

#endif
