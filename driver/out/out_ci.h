/*
 * Helpers shared by the writers for CI systems (JSON, GitLab, JUnit, GitHub):
 * paths relative to the CI checkout, and the order "highest severity first".
 */
#ifndef ASP_OUT_CI_H
#define ASP_OUT_CI_H

#include "out.h"

/* The path CI shows for an absolute path: relative to o->base_dir when below
   it, else relative to the project root, else the path itself. Caller frees;
   NULL when out of memory. */
char *out_ci_path(const struct run *r, const struct out_ci_opts *o, const char *abs);

/* Indexes of the run's findings that are not dispositioned, highest level
   first, then in run order. *n receives their number. Caller frees; NULL
   with *n = 0 when there are none or memory ran out (*oom = 1). */
size_t *out_ci_open_by_level(const struct run *r, size_t *n, int *oom);

#endif
