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
	const char *category;   /* automationDetails.id; NULL: "asepsis/full" */
};

/* Writes SARIF 2.1.0 to path atomically (temporary file, then rename). */
int out_sarif_write(const struct run *r, const char *path, const struct out_sarif_opts *o,
		    struct asp_error *err);

#endif
