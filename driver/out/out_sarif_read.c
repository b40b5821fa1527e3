/*
 * Reads SARIF back: the results of a file asepsis wrote, as a baseline
 * (--baseline FILE.sarif), matched by partialFingerprints
 * "asepsisFingerprint/v1". Results of other tools, and results that were
 * already "absent" in that file, are skipped. Never writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "baseline.h"

static const char *str_at(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static unsigned uint_at(json_t *o, const char *key)
{
	json_int_t v = json_integer_value(json_object_get(o, key));

	return v > 0 && v < 0x7fffffff ? (unsigned)v : 0;
}

static int valid_fp(const char *fp)
{
	size_t i;

	if (!fp || strlen(fp) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((fp[i] >= '0' && fp[i] <= '9') || (fp[i] >= 'a' && fp[i] <= 'f')))
			return 0;
	return 1;
}

static char *dup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Adds the result to b when it carries our fingerprint; 1 on out of memory. */
static int add_result(struct baseline *b, size_t *cap, json_t *res)
{
	json_t *fps = json_object_get(res, "partialFingerprints");
	const char *fp = str_at(fps, "asepsisFingerprint/v1");
	const char *state = str_at(res, "baselineState");
	json_t *loc = json_array_get(json_object_get(res, "locations"), 0);
	json_t *phys = json_object_get(loc, "physicalLocation");
	json_t *region = json_object_get(phys, "region");
	json_t *logical = json_array_get(json_object_get(loc, "logicalLocations"), 0);
	json_t *props = json_object_get(res, "properties");
	struct baseline_item *it;

	if (!valid_fp(fp) || (state && strcmp(state, "absent") == 0))
		return 0;
	if (b->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		struct baseline_item *p = realloc(b->items, ncap * sizeof *p);

		if (!p)
			return 1;
		b->items = p;
		*cap = ncap;
	}
	it = &b->items[b->n++];
	memset(it, 0, sizeof *it);
	memcpy(it->fingerprint, fp, 65);
	it->rule = dup0(str_at(res, "ruleId"));
	it->uri = dup0(str_at(json_object_get(phys, "artifactLocation"), "uri"));
	it->message = dup0(str_at(json_object_get(res, "message"), "text"));
	it->function = dup0(str_at(logical, "name"));
	it->line = uint_at(region, "startLine");
	it->column = uint_at(region, "startColumn");
	it->end_line = uint_at(region, "endLine");
	it->end_column = uint_at(region, "endColumn");
	snprintf(it->trace_id, sizeof it->trace_id, "%s",
		 str_at(props, "traceabilityId") ? str_at(props, "traceabilityId") : "");
	return (str_at(res, "ruleId") && !it->rule) || !it->message;
}

int out_sarif_read_baseline(const char *path, struct baseline *out, struct asp_error *err)
{
	json_error_t jerr;
	json_t *doc, *runs;
	size_t i, j, cap = 0;
	int oom = 0;

	memset(out, 0, sizeof *out);
	doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc) {
		FILE *f = fopen(path, "rb");

		if (!f)
			return error_set(err, ASP_ENOTFOUND, path, 0, 0,
					 "cannot read the baseline: no such file");
		fclose(f);
		return error_set(err, ASP_EPARSE, path, jerr.line, jerr.column,
				 "the baseline is not valid JSON: %s", jerr.text);
	}
	runs = json_object_get(doc, "runs");
	if (!json_is_array(runs) || !json_is_string(json_object_get(doc, "version"))) {
		json_decref(doc);
		return error_set(err, ASP_EPARSE, path, 0, 0,
				 "the baseline is not a SARIF log (no version or runs)");
	}
	out->name = strdup(path);
	oom = !out->name;
	for (i = 0; i < json_array_size(runs) && !oom; i++) {
		json_t *run = json_array_get(runs, i);
		json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
		json_t *results = json_object_get(run, "results");
		const char *name = str_at(driver, "name");

		if (!name || strcmp(name, "asepsis") != 0)
			continue;   /* another tool's run: its fingerprints are not ours */
		for (j = 0; j < json_array_size(results) && !oom; j++)
			oom = add_result(out, &cap, json_array_get(results, j));
	}
	json_decref(doc);
	if (oom) {
		baseline_free(out);
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	return ASP_OK;
}
