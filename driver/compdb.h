/*
 * Work items for the analysis: from a compile database (through libclang's
 * CXCompilationDatabase) or from files and folders found on disk.
 */
#ifndef ASP_COMPDB_H
#define ASP_COMPDB_H

#include <stddef.h>

#include "base/error.h"

struct work_item {
	char *file;          /* absolute, normalised */
	char *directory;     /* working directory of the compile; may be NULL */
	char **args;         /* arguments for the front end (no compiler, no file) */
	int nargs;
};

struct work_list {
	struct work_item *items;
	size_t n, cap;
};

/* Loads BUILD_DIR/compile_commands.json; keeps only C sources, first entry per
   file, and (when nfilters > 0) files under one of the filter paths. */
int compdb_load(struct work_list *out, const char *build_dir, const char *const *filters,
		size_t nfilters, struct asp_error *err);

int work_list_add(struct work_list *l, const char *file, const char *directory,
		  char **args, int nargs);
void work_list_free(struct work_list *l);
/* Frees the items' contents but not the array (for lists that borrow it). */
void work_list_free_items(struct work_list *l);

#endif
