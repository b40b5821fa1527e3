/*
 * The table of checkers (built-ins from checker_list.h) and, once rules have
 * enabled some of them, the per-node-kind subscriber lists the walk uses.
 */
#ifndef ASP_REGISTRY_H
#define ASP_REGISTRY_H

#include "asepsis/checker.h"
#include "base/error.h"

struct registry {
	const struct asp_checker **checkers;
	unsigned count;
	unsigned char *enabled;
	unsigned *subs[ASP_NODE__COUNT];   /* checker indexes per kind */
	unsigned nsubs[ASP_NODE__COUNT];
	unsigned *active;                  /* enabled checker indexes */
	unsigned nactive;
	void **plugins;                    /* dlopen handles, closed by registry_free */
	unsigned nplugins;
};

int registry_new(struct registry **out, struct asp_error *err);
void registry_free(struct registry *r);
/* Loads a checker plugin: a shared library exporting
   `const struct asp_checker asepsis_checker`. Refuses an ABI version outside
   [ASP_ABI_MIN, ASP_ABI_VERSION] or a name already registered, naming the file. */
int registry_load_plugin(struct registry *r, const char *path, struct asp_error *err);

/* Index of the checker with that name, or -1. */
int registry_find(const struct registry *r, const char *name);
void registry_enable(struct registry *r, unsigned index);
/* Builds the subscriber lists from the enabled set. */
int registry_finalize(struct registry *r, struct asp_error *err);

#endif
