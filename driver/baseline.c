/*
 * Matching a run against a baseline by fingerprint: new, unchanged, updated,
 * absent (SARIF 2.1.0 §3.27.24). Owns the absent records it adds to the run;
 * never touches the store.
 */
#include "baseline.h"

#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"

static int cmp_item(const void *a, const void *b)
{
	return strcmp(((const struct baseline_item *)a)->fingerprint,
		      ((const struct baseline_item *)b)->fingerprint);
}

static struct baseline_item *lookup(struct baseline *b, const char *fp)
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(b->items[mid].fingerprint, fp);

		if (c == 0)
			return &b->items[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static char *dup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Fills one absent record from a baseline item; 1 when it was added. */
static int add_absent(struct run *r, const struct baseline_item *it, int *oom)
{
	const struct rule *rule = r->rules ? ruleset_find(r->rules, it->rule ? it->rule : "")
					   : NULL;
	struct run_finding *rf = &r->absent[r->nabsent];
	struct asp_finding *f = &r->absent_f[r->nabsent];

	if (!rule || !it->uri)
		return 0;
	memset(rf, 0, sizeof *rf);
	memset(f, 0, sizeof *f);
	f->rule_id = rule->id;
	f->line = it->line;
	f->column = it->column;
	f->end_line = it->end_line;
	f->end_column = it->end_column;
	f->message = strdup(it->message ? it->message : "");
	f->function = dup0(it->function);
	f->stmt_text = strdup("");
	f->snippet = dup0(it->snippet);
	rf->f = f;
	rf->rule = rule;
	rf->uri = strdup(it->uri);
	rf->level = rule->level;
	rf->baseline = BASELINE_ABSENT;
	memcpy(rf->fingerprint, it->fingerprint, sizeof rf->fingerprint);
	fingerprint_correlation(rf->fingerprint, rf->correlation);
	memcpy(rf->trace_id, it->trace_id, sizeof rf->trace_id);
	r->nabsent++;
	if (!f->message || !f->stmt_text || !rf->uri || (it->function && !f->function) ||
	    (it->snippet && !f->snippet))
		*oom = 1;
	return 1;
}

int baseline_apply(struct run *r, struct baseline *b)
{
	size_t i, missing = 0;
	int oom = 0;

	if (b->n)
		qsort(b->items, b->n, sizeof *b->items, cmp_item);
	for (i = 0; i < b->n; i++)
		b->items[i].matched = 0;
	for (i = 0; i < r->nfindings; i++) {
		struct run_finding *rf = &r->findings[i];
		struct baseline_item *it = lookup(b, rf->fingerprint);

		if (!it) {
			rf->baseline = BASELINE_NEW;
			continue;
		}
		it->matched = 1;
		rf->baseline = same_text(it->message, rf->f->message) && it->line == rf->f->line
			? BASELINE_UNCHANGED : BASELINE_UPDATED;
	}
	for (i = 0; i < b->n; i++)
		missing += !b->items[i].matched;
	r->baseline_name = b->name;
	if (!missing)
		return ASP_OK;
	r->absent = calloc(missing, sizeof *r->absent);
	r->absent_f = calloc(missing, sizeof *r->absent_f);
	if (!r->absent || !r->absent_f)
		return ASP_ENOMEM;
	for (i = 0; i < b->n && !oom; i++)
		if (!b->items[i].matched)
			add_absent(r, &b->items[i], &oom);
	return oom ? ASP_ENOMEM : ASP_OK;
}
