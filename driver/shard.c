/*
 * Shard selection: longest-processing-time-first over the TUs' weights (the
 * bytes of the TU plus its project headers), ties broken by path, so every
 * shard of a matrix computes the same assignment without talking to the
 * others.
 */
#include "shard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incscan.h"

int shard_parse(const char *spec, unsigned *index, unsigned *count, struct asp_error *err)
{
	unsigned long i, n;
	char *end = NULL;
	const char *slash = spec ? strchr(spec, '/') : NULL;

	if (!slash || slash == spec || !slash[1] || strspn(spec, "0123456789") != (size_t)(slash - spec) ||
	    strspn(slash + 1, "0123456789") != strlen(slash + 1))
		return error_set(err, ASP_EUSAGE, "--shard", 0, 0,
				 "'%s' is not I/N (this shard's number and the number of shards, "
				 "e.g. 2/4)", spec ? spec : "");
	i = strtoul(spec, &end, 10);
	n = strtoul(slash + 1, &end, 10);
	if (n < 1 || n > 1024)
		return error_set(err, ASP_EUSAGE, "--shard", 0, 0,
				 "'%s': the number of shards must be 1 to 1024", spec);
	if (i < 1 || i > n)
		return error_set(err, ASP_EUSAGE, "--shard", 0, 0,
				 "'%s': the shard number must be 1 to %lu (shards count from 1)",
				 spec, n);
	*index = (unsigned)i;
	*count = (unsigned)n;
	return ASP_OK;
}

struct weighed {
	size_t item;
	const char *file;
	long long weight;
};

static void add_size(const char *path, long long size, void *data)
{
	(void)path;
	*(long long *)data += size > 0 ? size : 0;
}

static int heavier_first(const void *a, const void *b)
{
	const struct weighed *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	/* by path, so the split does not depend on the order of the list */
	return strcmp(x->file, y->file);
}

int shard_select(struct work_list *l, unsigned index, unsigned count, const char *root,
		 struct asp_error *err)
{
	struct incscan *sc = NULL;
	struct weighed *w = NULL;
	long long *load = NULL;
	unsigned char *mine = NULL;
	size_t i, k;
	int rc = ASP_OK;

	if (count <= 1 || l->n == 0)
		return ASP_OK;
	w = calloc(l->n, sizeof *w);
	load = calloc(count, sizeof *load);
	mine = calloc(l->n, 1);
	if (!w || !load || !mine || incscan_new(&sc, root)) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < l->n; i++) {
		w[i].item = i;
		w[i].file = l->items[i].file;
		if (incscan_walk(sc, &l->items[i], add_size, &w[i].weight)) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
	}
	qsort(w, l->n, sizeof *w, heavier_first);
	for (i = 0; i < l->n; i++) {
		unsigned best = 0, s;

		for (s = 1; s < count; s++)
			if (load[s] < load[best])
				best = s;
		load[best] += w[i].weight + 1;   /* +1: empty files still cost a parse */
		if (best + 1 == index)
			mine[w[i].item] = 1;
	}
	k = 0;
	for (i = 0; i < l->n; i++) {
		if (mine[i]) {
			l->items[k++] = l->items[i];
			continue;
		}
		{
			struct work_list one = { &l->items[i], 1, 1 };

			work_list_free_items(&one);
		}
	}
	l->n = k;
done:
	incscan_free(sc);
	free(mine);
	free(load);
	free(w);
	return rc;
}
