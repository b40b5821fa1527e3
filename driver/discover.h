/*
 * Finding what to analyse without a compile database, the project root, and
 * facts from git (run with an argument vector, never through a shell).
 */
#ifndef ASP_DISCOVER_H
#define ASP_DISCOVER_H

#include <stddef.h>

#include "compdb.h"

/* Absolute, normalised path of p (relative to cwd, or to base if given);
   symbolic links resolved when the path exists. Caller frees. */
char *discover_abspath(const char *p, const char *base);

/* Adds every C source under the given files and folders with default flags.
   A path that does not exist is an ASP_ENOTFOUND error naming it; the paths
   after it are still added. */
int discover_paths(struct work_list *out, const char *const *paths, size_t n,
		   int headers, struct asp_error *err);

/* The project root: the folder of .asepsis.yml above cwd, else the git top
   level, else cwd. Caller frees. */
char *discover_root(void);

/* Runs git -C dir with args; returns its first output line (caller frees)
   or NULL when git fails. */
char *discover_git(const char *dir, const char *const *args);

/* Runs git -C dir (with core.quotePath off) and args, stdin from the file
   input (NULL: /dev/null), stderr discarded. On return *out holds all of its
   output, NUL-terminated (caller frees), unless it exceeded max bytes or git
   could not be started. Returns git's exit status, or -1 when it did not run
   or its output was too large (then *out is NULL). */
int discover_git_run(const char *dir, const char *const *args, const char *input,
		     char **out, size_t *len, size_t max);

/* Path of file relative to root with '/' separators, or NULL when file is
   outside root. Caller frees. */
char *discover_relpath(const char *root, const char *file);

#endif
