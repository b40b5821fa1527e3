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
};

int registry_new(struct registry **out, struct asp_error *err);
void registry_free(struct registry *r);
/* Index of the checker with that name, or -1. */
int registry_find(const struct registry *r, const char *name);
void registry_enable(struct registry *r, unsigned index);
/* Builds the subscriber lists from the enabled set. */
int registry_finalize(struct registry *r, struct asp_error *err);

#endif
