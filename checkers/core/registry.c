/*
 * Built-in checker table and subscriber lists. Adding a checker touches its
 * own file and one line of checker_list.h.
 */
#include "registry.h"

#include <dlfcn.h>
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
	for (k = 0; k < r->nplugins; k++)
		dlclose(r->plugins[k]);
	free(r->plugins);
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

int registry_load_plugin(struct registry *r, const char *path, struct asp_error *err)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	const struct asp_checker *c;
	const struct asp_checker **checkers;
	unsigned char *enabled;
	unsigned *active;
	void **plugins;
	const char *why;
	size_t k;

	if (!h) {
		why = dlerror();
		return error_set(err, ASP_ECONFIG, path, 0, 0, "cannot load checker plugin: %s",
				 why ? why : "unknown error");
	}
	for (k = 0; k < r->nplugins; k++)
		if (r->plugins[k] == h) {   /* named twice (user configuration and --plugin) */
			dlclose(h);
			return ASP_OK;
		}
	c = dlsym(h, "asepsis_checker");
	if (!c) {
		dlclose(h);
		return error_set(err, ASP_ECONFIG, path, 0, 0,
				 "not a checker plugin: no 'asepsis_checker' symbol");
	}
	if (c->abi_version < ASP_ABI_MIN || c->abi_version > ASP_ABI_VERSION) {
		dlclose(h);
		return error_set(err, ASP_ECONFIG, path, 0, 0,
				 "checker ABI version %d; this asepsis supports %d to %d",
				 c->abi_version, ASP_ABI_MIN, ASP_ABI_VERSION);
	}
	if (!c->name || !c->name[0] || registry_find(r, c->name) >= 0) {
		dlclose(h);
		return error_set(err, ASP_ECONFIG, path, 0, 0,
				 "checker name '%s' is empty or already registered",
				 c->name ? c->name : "");
	}
	checkers = realloc((void *)r->checkers, (r->count + 1) * sizeof *checkers);
	if (checkers)
		r->checkers = checkers;
	enabled = realloc(r->enabled, r->count + 1);
	if (enabled)
		r->enabled = enabled;
	active = realloc(r->active, (r->count + 1) * sizeof *active);
	if (active)
		r->active = active;
	plugins = realloc(r->plugins, (r->nplugins + 1) * sizeof *plugins);
	if (plugins)
		r->plugins = plugins;
	if (!checkers || !enabled || !active || !plugins) {
		dlclose(h);
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	r->checkers[r->count] = c;
	r->enabled[r->count] = 0;
	r->count++;
	r->plugins[r->nplugins++] = h;
	return ASP_OK;
}
