/*
 * Output files of every writer. "-" is standard output; any other path is
 * written to an exclusively created temporary in the target's folder and
 * renamed over the target on commit, so a reader sees the old file or the
 * whole new one. Only an absent target or a regular file is replaced.
 */
#ifndef ASP_OUT_FILE_H
#define ASP_OUT_FILE_H

#include <stdio.h>

#include "base/error.h"

struct out_file {
	FILE *f;                /* where to write; stdout for "-" */
	char *path;             /* the target; NULL for stdout */
	char *tmp;              /* the temporary; NULL for stdout */
	const char *what;       /* "SARIF file", for messages; borrowed */
	int append_fd;          /* out_file_open_append: the target; -1 otherwise */
	char *buf;              /* out_file_open_append: what was written */
	size_t buflen;
};

/* Opens path for writing. ASP_EUSAGE (exit 2) when the target exists and is
   not a regular file (a symbolic link, FIFO, device or folder); ASP_EIO
   (exit 3) when the temporary cannot be created. of is cleared first. */
int out_file_open(struct out_file *of, const char *path, const char *what,
		  struct asp_error *err);

/* Opens path for appending (a job summary other steps also write to): what
   is written is buffered and appended in one piece on commit. The same
   refusals as out_file_open; a missing target is created. */
int out_file_open_append(struct out_file *of, const char *path, const char *what,
			 struct asp_error *err);

/* Flushes, syncs and renames the temporary over the target (stdout: flushes).
   On failure the temporary is removed and the target left as it was. of is
   released either way. */
int out_file_commit(struct out_file *of, struct asp_error *err);

/* Drops what was written (the target is untouched) and releases of; accepts
   a cleared or already released of. */
void out_file_abort(struct out_file *of);

/* 1 when path names standard output. */
int out_file_is_stdout(const char *path);

#endif
