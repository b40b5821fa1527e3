/*
 * Project headers of a translation unit, found by reading #include lines
 * (no preprocessing): for balancing shards by size and for finding the TUs
 * that a changed header affects. Conditional includes count as included.
 */
#ifndef ASP_INCSCAN_H
#define ASP_INCSCAN_H

#include <stddef.h>

#include "compdb.h"

struct incscan;

/* A scanner for headers under root (others are system or third-party and
   are not followed). The cache of read files lives with it. */
int incscan_new(struct incscan **out, const char *root);
void incscan_free(struct incscan *s);   /* accepts NULL */

/* Calls fn(path, size, data) for the TU's file and every project header it
   includes directly or indirectly, each once, resolved with the item's -I,
   -iquote and the including file's folder. Returns ASP_OK or ASP_ENOMEM. */
int incscan_walk(struct incscan *s, const struct work_item *it,
		 void (*fn)(const char *path, long long size, void *data), void *data);

#endif
