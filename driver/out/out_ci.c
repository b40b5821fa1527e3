/* Paths and ordering shared by the CI writers; never changes the run. */
#include "out_ci.h"

#include <stdlib.h>
#include <string.h>

#include "discover.h"

char *out_ci_path(const struct run *r, const struct out_ci_opts *o, const char *abs)
{
	char *rel = NULL;

	if (o && o->base_dir && *o->base_dir && abs[0] == '/')
		rel = discover_relpath(o->base_dir, abs);
	if (!rel && r->root && abs[0] == '/')
		rel = discover_relpath(r->root, abs);
	return rel ? rel : strdup(abs);
}

size_t *out_ci_open_by_level(const struct run *r, size_t *n, int *oom)
{
	size_t *v, i, k = 0;
	int level;

	*n = 0;
	v = malloc((r->nfindings ? r->nfindings : 1) * sizeof *v);
	if (!v) {
		*oom = 1;
		return NULL;
	}
	for (level = ASP_LEVEL_ERROR; level >= ASP_LEVEL_NOTE; level--)
		for (i = 0; i < r->nfindings; i++)
			if (r->findings[i].level == level && !run_finding_dispositioned(&r->findings[i]))
				v[k++] = i;
	*n = k;
	return v;
}
