/*
 * Built-in checker table and subscriber lists. Adding a checker touches its
 * own file and one line of checker_list.h.
 */
#include "registry.h"

#include <stdlib.h>
#include <string.h>

#define CHECKER(n) extern const struct asp_checker check_##n;
#include "checker_list.h"
#undef CHECKER

static const struct asp_checker *const builtin[] = {
#define CHECKER(n) &check_##n,
#include "checker_list.h"
#undef CHECKER
};

int registry_new(struct registry **out, struct asp_error *err)
{
	struct registry *r;
	unsigned n = sizeof builtin / sizeof builtin[0], i;

	*out = NULL;
	r = calloc(1, sizeof *r);
	if (!r)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	r->checkers = calloc(n, sizeof *r->checkers);
	r->enabled = calloc(n, 1);
	r->active = calloc(n, sizeof *r->active);
	if (!r->checkers || !r->enabled || !r->active) {
		registry_free(r);
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < n; i++) {
		if (builtin[i]->abi_version < ASP_ABI_MIN ||
		    builtin[i]->abi_version > ASP_ABI_VERSION) {
			error_set(err, ASP_ECONFIG, builtin[i]->name, 0, 0,
				  "checker ABI version %d outside [%d, %d]",
				  builtin[i]->abi_version, ASP_ABI_MIN, ASP_ABI_VERSION);
			registry_free(r);
			return ASP_ECONFIG;
		}
		r->checkers[i] = builtin[i];
	}
	r->count = n;
	*out = r;
	return ASP_OK;
}

void registry_free(struct registry *r)
{
	unsigned k;

	if (!r)
		return;
	for (k = 0; k < ASP_NODE__COUNT; k++)
		free(r->subs[k]);
	free(r->active);
	free(r->enabled);
	free((void *)r->checkers);
	free(r);
}

int registry_find(const struct registry *r, const char *name)
{
	unsigned i;

	for (i = 0; i < r->count; i++)
		if (strcmp(r->checkers[i]->name, name) == 0)
			return (int)i;
	return -1;
}

void registry_enable(struct registry *r, unsigned index)
{
	if (index < r->count)
		r->enabled[index] = 1;
}

int registry_finalize(struct registry *r, struct asp_error *err)
{
	unsigned i, k;
	const int *kp;

	for (k = 0; k < ASP_NODE__COUNT; k++) {
		free(r->subs[k]);
		r->subs[k] = NULL;
		r->nsubs[k] = 0;
	}
	r->nactive = 0;
	for (i = 0; i < r->count; i++) {
		if (!r->enabled[i])
			continue;
		r->active[r->nactive++] = i;
		for (kp = r->checkers[i]->kinds; kp && *kp; kp++) {
			unsigned *p;

			if (*kp <= 0 || *kp >= ASP_NODE__COUNT)
				return error_set(err, ASP_ECONFIG, r->checkers[i]->name, 0, 0,
						 "checker subscribes to unknown node kind %d", *kp);
			p = realloc(r->subs[*kp], (r->nsubs[*kp] + 1) * sizeof *p);
			if (!p)
				return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			p[r->nsubs[*kp]++] = i;
			r->subs[*kp] = p;
		}
	}
	return ASP_OK;
}
