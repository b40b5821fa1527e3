/*
 * Changed-lines modes: --staged (the index against HEAD, analysed as it will
 * be committed) and --diff REV (the work tree against the merge base of REV
 * and HEAD). git is run with an argument vector, never through a shell.
 */
#ifndef ASP_CHANGES_H
#define ASP_CHANGES_H

#include <stddef.h>

#include "core/analyze.h"
#include "compdb.h"

struct changes_range {
	unsigned first, last;     /* added or changed lines, 1-based, inclusive */
};

struct changes_file {
	char *path;               /* absolute */
	struct changes_range *ranges;
	size_t nranges;
	int binary;               /* a binary file in the diff: nothing to analyse */
	char *staged_copy;        /* the staged content, when the work tree differs
	                             from it (a partly staged file); NULL otherwise */
};

struct changes {
	char *top;                /* git top level */
	char *what;               /* "--staged" or "--diff REV", for messages */
	struct changes_file *files;   /* sorted by path */
	size_t n;
	size_t nbinary;
};

/* Reads the diff. cwd must be inside a git work tree (ASP_EUSAGE otherwise);
   rev (--diff) must name a commit (ASP_EUSAGE naming it). paths, when
   given, restrict the files; a path outside the repository is ASP_EUSAGE.
   With staged, the partly staged files get a copy of their staged content
   next to them (removed by changes_free). */
int changes_collect(struct changes *c, const char *cwd, int staged, const char *rev,
		    const char *const *paths, size_t npaths, struct asp_error *err);
void changes_free(struct changes *c);

/* 1 when line of path (absolute) was added or changed. */
int changes_has_line(const struct changes *c, const char *path, unsigned line);

/* 1 when path (absolute) is among the changed files. */
int changes_has_file(const struct changes *c, const char *path);

/* The real file of a staged copy; any other path as it is. */
const char *changes_original(const struct changes *c, const char *path);

/* Narrows l (from a compile database: from_db) to the TUs to analyse: the
   changed sources and the TUs that include a changed header under root.
   Without a database, l is built from the changed C files (headers too
   when headers is set). Partly staged sources are analysed from their
   staged copy. */
int changes_select(const struct changes *c, struct work_list *l, int from_db, int headers,
		   const char *root, struct asp_error *err);

/* Gives findings and notices in staged copies the path of the real file. */
int changes_map_result(const struct changes *c, struct analyze_result *res);

#endif
