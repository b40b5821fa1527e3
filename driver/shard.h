/*
 * --shard I/N: the CI matrix as the distributed engine. Every shard computes
 * the same split of the work list, balanced by size (bytes of the TU and its
 * project headers), and keeps its own part.
 */
#ifndef ASP_SHARD_H
#define ASP_SHARD_H

#include "compdb.h"

/* Parses "I/N" with 1 <= I <= N <= 1024; ASP_EUSAGE naming the spec
   otherwise. */
int shard_parse(const char *spec, unsigned *index, unsigned *count, struct asp_error *err);

/* Keeps in l only the items of shard index (1-based) of count, in their
   original order. Deterministic: depends only on the list, the files'
   sizes and root. */
int shard_select(struct work_list *l, unsigned index, unsigned count, const char *root,
		 struct asp_error *err);

#endif
