/*
 * JSON listings of the store (`asepsis findings --format json`, `asepsis
 * runs --format json`), built with jansson: one array of objects, keys in a
 * fixed order, NULL columns as null. Never changes the rows.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "out.h"
#include "out_ci.h"
#include "out_file.h"

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

/* ---- check --json ------------------------------------------------------ */

static const char *baseline_word(int b)
{
	switch (b) {
	case BASELINE_NEW: return "new";
	case BASELINE_UNCHANGED: return "unchanged";
	case BASELINE_UPDATED: return "updated";
	case BASELINE_ABSENT: return "absent";
	default: return NULL;
	}
}

static const char *file_status_word(int st)
{
	return st == RUN_FILE_ANALYSED ? "analysed" : st == RUN_FILE_PARTIAL ? "partial" : "failed";
}

static json_t *path_json(const struct run *r, const struct out_ci_opts *o, const char *p, int *oom)
{
	char *rel;
	json_t *v;

	if (!p)
		return json_null();
	rel = out_ci_path(r, o, p);
	if (!rel) {
		*oom = 1;
		return NULL;
	}
	v = text(rel);
	free(rel);
	return v;
}

static json_t *finding_json(const struct run *r, const struct run_finding *rf,
			    const struct out_ci_opts *o, int *oom)
{
	const struct asp_finding *f = rf->f;
	json_t *j = json_object(), *links = json_array(), *steps = json_array();
	size_t k;

	if (!j || !links || !steps) {
		json_decref(j);
		json_decref(links);
		json_decref(steps);
		*oom = 1;
		return NULL;
	}
	put(j, "id", rf->trace_id[0] ? json_string(rf->trace_id) : json_null(), oom);
	put(j, "state", rf->state[0] ? json_string(rf->state) : json_null(), oom);
	put(j, "level", json_string(ruleset_level_name(rf->level)), oom);
	put(j, "rule", text(rf->rule->id), oom);
	put(j, "title", text(rf->rule->title ? rf->rule->title : ""), oom);
	put(j, "file", path_json(r, o, f->path, oom), oom);
	put(j, "line", json_integer(f->line), oom);
	put(j, "column", json_integer(f->column), oom);
	put(j, "end_line", json_integer(f->end_line), oom);
	put(j, "end_column", json_integer(f->end_column), oom);
	put(j, "function", str_or_null(f->function), oom);
	put(j, "message", text(f->message ? f->message : ""), oom);
	put(j, "snippet", str_or_null(f->snippet), oom);
	put(j, "fingerprint", json_string(rf->fingerprint), oom);
	put(j, "baseline", str_or_null(baseline_word(rf->baseline)), oom);
	put(j, "suppression", str_or_null(f->suppression), oom);
	put(j, "justification", str_or_null(rf->justification), oom);
	put(j, "blocking", json_boolean(run_finding_gates(rf, o->fail_on, o->new_only)), oom);
	for (k = 0; k < rf->nlinks; k++) {
		json_t *l = json_object();

		put(l, "kind", text(rf->links[k].kind), oom);
		put(l, "ref", text(rf->links[k].ref), oom);
		if (!l || json_array_append_new(links, l) != 0)
			*oom = 1;
	}
	put(j, "links", links, oom);
	for (k = 0; k < f->nsteps; k++) {
		const struct asp_step *st = &f->steps[k];
		json_t *s = json_object();

		put(s, "file", path_json(r, o, st->path, oom), oom);
		put(s, "line", json_integer(st->line), oom);
		put(s, "column", json_integer(st->column), oom);
		put(s, "kind", json_string(analyze_step_kind_name(st->kind)), oom);
		put(s, "message", str_or_null(st->message), oom);
		if (!s || json_array_append_new(steps, s) != 0)
			*oom = 1;
	}
	put(j, "steps", steps, oom);
	return j;
}

int out_json_run(const struct run *r, const char *path, const struct out_ci_opts *o,
		 struct asp_error *err)
{
	json_t *doc = json_object(), *tool = json_object(), *sum = json_object();
	json_t *fa = json_array(), *na = json_array(), *files = json_array();
	size_t i, counts[4] = { 0, 0, 0, 0 }, blocking = 0, suppressed = 0;
	struct out_file of;
	int oom = !doc || !tool || !sum || !fa || !na || !files, rc;

	for (i = 0; i < r->nfindings && !oom; i++) {
		const struct run_finding *rf = &r->findings[i];

		if (!rf->f || !rf->rule)
			continue;
		if (json_array_append_new(fa, finding_json(r, rf, o, &oom)) != 0)
			oom = 1;
		if (run_finding_dispositioned(rf))
			suppressed++;
		else if (rf->level >= 0 && rf->level <= 3)
			counts[rf->level]++;
		blocking += run_finding_gates(rf, o->fail_on, o->new_only) != 0;
	}
	for (i = 0; i < r->result.nnotices && !oom; i++) {
		const struct asp_notice *n = &r->result.notices[i];
		json_t *j = json_object();

		put(j, "level", json_string(n->level == ASP_NOTICE_ERROR ? "error"
					    : n->level == ASP_NOTICE_WARNING ? "warning" : "note"), &oom);
		put(j, "kind", str_or_null(n->kind), &oom);
		put(j, "file", path_json(r, o, n->path, &oom), &oom);
		put(j, "line", n->line ? json_integer(n->line) : json_null(), &oom);
		put(j, "message", str_or_null(n->message), &oom);
		if (!j || json_array_append_new(na, j) != 0)
			oom = 1;
	}
	for (i = 0; i < r->nfiles && !oom; i++) {
		json_t *j = json_object();

		put(j, "file", path_json(r, o, r->files[i].path, &oom), &oom);
		put(j, "status", json_string(file_status_word(r->files[i].status)), &oom);
		put(j, "sha256", r->files[i].sha256[0] ? json_string(r->files[i].sha256)
		    : json_null(), &oom);
		if (!j || json_array_append_new(files, j) != 0)
			oom = 1;
	}
	put(tool, "name", json_string("asepsis"), &oom);
	put(tool, "version", str_or_null(r->tool_version), &oom);
	put(tool, "rulesetHash", r->rules ? json_string(r->rules->hash) : json_null(), &oom);
	put(tool, "profile", r->rules ? str_or_null(r->rules->profile) : json_null(), &oom);
	put(sum, "files", json_integer((json_int_t)r->nfiles), &oom);
	put(sum, "errors", json_integer((json_int_t)counts[ASP_LEVEL_ERROR]), &oom);
	put(sum, "warnings", json_integer((json_int_t)counts[ASP_LEVEL_WARNING]), &oom);
	put(sum, "notes", json_integer((json_int_t)counts[ASP_LEVEL_NOTE]), &oom);
	put(sum, "dispositioned", json_integer((json_int_t)suppressed), &oom);
	put(sum, "blocking", json_integer((json_int_t)blocking), &oom);
	put(sum, "failOn", json_string(ruleset_level_name(o->fail_on)), &oom);
	put(sum, "passed", json_boolean(blocking == 0), &oom);
	put(sum, "complete", json_boolean(r->complete), &oom);
	put(doc, "version", json_string("1"), &oom);
	put(doc, "tool", tool, &oom);
	put(doc, "run", r->id ? json_integer(r->id) : json_null(), &oom);
	put(doc, "commit", str_or_null(r->vcs_commit), &oom);
	put(doc, "summary", sum, &oom);
	put(doc, "findings", fa, &oom);
	put(doc, "notifications", na, &oom);
	put(doc, "files", files, &oom);
	if (oom) {
		json_decref(doc);
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	rc = out_file_open(&of, path, "JSON file", err);
	if (!rc && (json_dumpf(doc, of.f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 ||
		    fputc('\n', of.f) == EOF)) {
		out_file_abort(&of);
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the JSON file");
	}
	if (!rc)
		rc = out_file_commit(&of, err);
	json_decref(doc);
	return rc;
}
