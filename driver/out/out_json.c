/*
 * JSON listings of the store (`asepsis findings --format json`, `asepsis
 * runs --format json`), built with jansson: one array of objects, keys in a
 * fixed order, NULL columns as null. Never changes the rows.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "out.h"

/* A JSON string of s; text that is not UTF-8 (a Latin-1 comment in a
   snippet) keeps its ASCII and shows '?' for the other bytes. */
static json_t *text(const char *s)
{
	json_t *v = json_string(s);
	char *c;
	size_t i;

	if (v)
		return v;
	c = strdup(s);
	if (!c)
		return NULL;
	for (i = 0; c[i]; i++)
		if ((unsigned char)c[i] >= 0x80)
			c[i] = '?';
	v = json_string(c);
	free(c);
	return v;
}

/* Both steal v; a NULL anywhere marks the document as failed. */
static void put(json_t *o, const char *k, json_t *v, int *oom)
{
	if (!v || json_object_set_new(o, k, v) != 0)
		*oom = 1;
}

static json_t *str_or_null(const char *s)
{
	return s ? text(s) : json_null();
}

static json_t *int_or_null(long long v)
{
	return v ? json_integer(v) : json_null();
}

static int dump(FILE *f, json_t *doc, int oom)
{
	int rc = ASP_OK;

	if (oom || !doc)
		rc = ASP_ENOMEM;
	else if (json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 ||
		 fputc('\n', f) == EOF || fflush(f) != 0)
		rc = ASP_EIO;
	json_decref(doc);
	return rc;
}

int out_json_findings(FILE *f, const struct store_finding_row *rows, size_t n)
{
	json_t *a = json_array();
	size_t i, k;
	int oom = !a;

	for (i = 0; i < n && !oom; i++) {
		const struct store_finding_row *r = &rows[i];
		json_t *o = json_object(), *links = json_array();
		char id[32];

		if (!o || !links) {
			json_decref(o);
			json_decref(links);
			oom = 1;
			break;
		}
		snprintf(id, sizeof id, "ASF-%lld", r->id);
		put(o, "id", json_string(id), &oom);
		put(o, "state", str_or_null(r->state), &oom);
		put(o, "level", str_or_null(r->level), &oom);
		put(o, "rule", str_or_null(r->rule), &oom);
		put(o, "file", str_or_null(r->uri), &oom);
		put(o, "line", json_integer(r->line), &oom);
		put(o, "column", json_integer(r->column), &oom);
		put(o, "function", str_or_null(r->function), &oom);
		put(o, "message", str_or_null(r->message), &oom);
		put(o, "snippet", str_or_null(r->snippet), &oom);
		put(o, "run", json_integer(r->run), &oom);
		put(o, "first_run", json_integer(r->first_run), &oom);
		put(o, "last_run", json_integer(r->last_run), &oom);
		put(o, "fixed_run", int_or_null(r->fixed_run), &oom);
		put(o, "suppression", str_or_null(r->suppression), &oom);
		put(o, "justification", str_or_null(r->justification), &oom);
		put(o, "triaged_by", str_or_null(r->triaged_by), &oom);
		put(o, "triaged_at", str_or_null(r->triaged_at), &oom);
		for (k = 0; k < r->nlinks; k++) {
			json_t *l = json_object();

			if (!l) {
				oom = 1;
				break;
			}
			put(l, "kind", text(r->links[k].kind), &oom);
			put(l, "ref", text(r->links[k].ref), &oom);
			if (json_array_append_new(links, l) != 0)
				oom = 1;
		}
		put(o, "links", links, &oom);
		if (json_array_append_new(a, o) != 0)
			oom = 1;
	}
	return dump(f, a, oom);
}

int out_json_runs(FILE *f, const struct store_run_row *rows, size_t n)
{
	json_t *a = json_array();
	size_t i;
	int oom = !a;

	for (i = 0; i < n && !oom; i++) {
		const struct store_run_row *r = &rows[i];
		json_t *o = json_object();

		if (!o) {
			oom = 1;
			break;
		}
		put(o, "run", json_integer(r->id), &oom);
		put(o, "started", str_or_null(r->started), &oom);
		put(o, "finished", str_or_null(r->finished), &oom);
		put(o, "commit", str_or_null(r->commit), &oom);
		put(o, "branch", str_or_null(r->branch), &oom);
		put(o, "profile", str_or_null(r->profile), &oom);
		put(o, "tool_version", str_or_null(r->tool_version), &oom);
		put(o, "files", json_integer(r->files), &oom);
		put(o, "files_partial", json_integer(r->files_partial), &oom);
		put(o, "files_failed", json_integer(r->files_failed), &oom);
		put(o, "findings", json_integer(r->findings), &oom);
		put(o, "errors", json_integer(r->errors), &oom);
		put(o, "warnings", json_integer(r->warnings), &oom);
		put(o, "notes", json_integer(r->notes), &oom);
		put(o, "new", json_integer(r->nnew), &oom);
		put(o, "fixed", json_integer(r->nfixed), &oom);
		put(o, "reopened", json_integer(r->nreopened), &oom);
		put(o, "suppressed", json_integer(r->nsuppressed), &oom);
		put(o, "complete", json_boolean(r->complete), &oom);
		if (json_array_append_new(a, o) != 0)
			oom = 1;
	}
	return dump(f, a, oom);
}
