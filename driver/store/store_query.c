/*
 * Reading the store for people and for baselines: runs, findings with their
 * occurrence, triage and links, and a past run's findings. Read-only, bound
 * parameters only; everything returned is owned by the caller.
 */
#include "store_priv.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset.h"

static int dup_col(sqlite3_stmt *st, int i, char **out)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	*out = NULL;
	if (!t)
		return 0;
	*out = strdup((const char *)t);
	return *out == NULL;
}

/* Grows *v (of size elem) so that index n fits; 1 on failure. */
static int grow(void **v, size_t *cap, size_t n, size_t elem)
{
	void *p;
	size_t ncap;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 32;
	p = realloc(*v, ncap * elem);
	if (!p)
		return 1;
	memset((char *)p + *cap * elem, 0, (ncap - *cap) * elem);
	*v = p;
	*cap = ncap;
	return 0;
}

/* ---- runs ---------------------------------------------------------------- */

void store_run_rows_free(struct store_run_row *rows, size_t n)
{
	size_t i;

	for (i = 0; rows && i < n; i++) {
		free(rows[i].started);
		free(rows[i].finished);
		free(rows[i].commit);
		free(rows[i].branch);
		free(rows[i].profile);
		free(rows[i].tool_version);
	}
	free(rows);
}

int store_list_runs(struct store *s, struct store_run_row **out, size_t *n,
		    struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	struct store_run_row *v = NULL;
	size_t cap = 0, k = 0;
	int rc = ASP_OK, step, oom = 0;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, started_at, finished_at, vcs_commit, vcs_branch, profile,"
			       " tool_version, files_total, files_partial, files_failed,"
			       " findings_total, findings_error, findings_warning, findings_note,"
			       " findings_new, findings_fixed, findings_reopened,"
			       " findings_suppressed, complete FROM runs ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the runs", err);
		goto done;
	}
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_run_row *r;

		if (grow((void **)&v, &cap, k, sizeof *v)) {
			oom = 1;
			break;
		}
		r = &v[k++];
		r->id = sqlite3_column_int64(st, 0);
		oom |= dup_col(st, 1, &r->started) | dup_col(st, 2, &r->finished) |
		       dup_col(st, 3, &r->commit) | dup_col(st, 4, &r->branch) |
		       dup_col(st, 5, &r->profile) | dup_col(st, 6, &r->tool_version);
		r->files = sqlite3_column_int64(st, 7);
		r->files_partial = sqlite3_column_int64(st, 8);
		r->files_failed = sqlite3_column_int64(st, 9);
		r->findings = sqlite3_column_int64(st, 10);
		r->errors = sqlite3_column_int64(st, 11);
		r->warnings = sqlite3_column_int64(st, 12);
		r->notes = sqlite3_column_int64(st, 13);
		r->nnew = sqlite3_column_int64(st, 14);
		r->nfixed = sqlite3_column_int64(st, 15);
		r->nreopened = sqlite3_column_int64(st, 16);
		r->nsuppressed = sqlite3_column_int64(st, 17);
		r->complete = sqlite3_column_int(st, 18);
	}
	if (oom)
		rc = error_set(err, ASP_ENOMEM, s->path, 0, 0, "out of memory");
	else if (step != SQLITE_DONE)
		rc = store_fail(s, "cannot read the runs", err);
done:
	sqlite3_finalize(st);
	if (rc) {
		store_run_rows_free(v, k);
		return rc;
	}
	*out = v;
	*n = k;
	return ASP_OK;
}

/* ---- findings ------------------------------------------------------------ */

void store_finding_rows_free(struct store_finding_row *rows, size_t n)
{
	size_t i, j;

	for (i = 0; rows && i < n; i++) {
		struct store_finding_row *r = &rows[i];

		free(r->rule); free(r->uri); free(r->function); free(r->state);
		free(r->level); free(r->message); free(r->snippet); free(r->suppression);
		free(r->justification); free(r->triaged_by); free(r->triaged_at);
		for (j = 0; j < r->nlinks; j++) {
			free(r->links[j].kind);
			free(r->links[j].ref);
		}
		free(r->links);
	}
	free(rows);
}

static int rule_matches(const char *id, const char *want)
{
	size_t n;

	if (!want)
		return 1;
	n = strlen(want);
	return strcmp(id, want) == 0 || (strncmp(id, want, n) == 0 && id[n] == '-');
}

static int read_links(struct store *s, struct store_finding_row *r, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK, step, oom = 0;
	size_t cap = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT kind, ref FROM links WHERE finding_id = ?1"
			       " ORDER BY kind, ref", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, r->id) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the links", err);
		goto done;
	}
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow((void **)&r->links, &cap, r->nlinks, sizeof *r->links)) {
			oom = 1;
			break;
		}
		oom |= dup_col(st, 0, &r->links[r->nlinks].kind) |
		       dup_col(st, 1, &r->links[r->nlinks].ref);
		r->nlinks++;
	}
	if (oom)
		rc = error_set(err, ASP_ENOMEM, s->path, 0, 0, "out of memory");
	else if (step != SQLITE_DONE)
		rc = store_fail(s, "cannot read the links", err);
done:
	sqlite3_finalize(st);
	return rc;
}

static int latest_run(struct store *s, long long *run, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK;

	*run = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT coalesce(max(id), 0) FROM runs", -1, &st,
			       NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		rc = store_fail(s, "cannot read the runs", err);
	else
		*run = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

static int run_exists(struct store *s, long long run, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK, step;
	char name[32];

	snprintf(name, sizeof name, "run %lld", run);
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM runs WHERE id = ?1", -1, &st, NULL) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 1, run) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the runs", err);
		goto done;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		rc = error_set(err, ASP_ENOTFOUND, name, 0, 0, "no such run in %s (see 'asepsis runs')",
			       s->path);
	else if (step != SQLITE_ROW)
		rc = store_fail(s, "cannot read the runs", err);
done:
	sqlite3_finalize(st);
	return rc;
}

int store_list_findings(struct store *s, const struct store_finding_query *q,
			struct store_finding_row **out, size_t *n, long long *run_used,
			struct asp_error *err)
{
	/* the occurrence shown is the one of the run asked for, else the last */
	static const char sql[] =
		"SELECT f.id, f.rule_id, f.uri, f.function, f.state, o.level, o.message,"
		" o.snippet, o.line, o.column, o.run_id, f.first_run, f.last_run, f.fixed_run,"
		" o.suppression, a.justification, a.author, a.at"
		" FROM findings f JOIN occurrences o ON o.finding_id = f.id"
		" AND o.run_id = CASE WHEN ?1 > 0 THEN ?1 ELSE f.last_run END"
		" LEFT JOIN audit_log a ON a.seq = (SELECT max(seq) FROM audit_log"
		" WHERE finding_id = f.id AND action = 'state')"
		" WHERE (?2 IS NULL OR f.state = ?2) ORDER BY f.id";
	sqlite3_stmt *st = NULL;
	struct store_finding_row *v = NULL;
	size_t cap = 0, k = 0, i;
	long long run = q->all ? 0 : q->run;
	int rc = ASP_OK, step, oom = 0;

	*out = NULL;
	*n = 0;
	*run_used = 0;
	if (run > 0)
		rc = run_exists(s, run, err);
	else if (!q->all && !q->state)
		rc = latest_run(s, &run, err);
	if (rc)
		return rc;
	if (!q->all && !q->state && run == 0)
		return ASP_OK;   /* no run yet: nothing to list */
	*run_used = run;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, run) != SQLITE_OK ||
	    (q->state ? sqlite3_bind_text(st, 2, q->state, -1, SQLITE_STATIC)
		      : sqlite3_bind_null(st, 2)) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the findings", err);
		goto done;
	}
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_finding_row *r;
		const char *rule = (const char *)sqlite3_column_text(st, 1);
		const char *uri = (const char *)sqlite3_column_text(st, 2);
		const char *level = (const char *)sqlite3_column_text(st, 5);

		if (!rule_matches(rule, q->rule) ||
		    (q->file && fnmatch(q->file, uri, 0) != 0) ||
		    (q->min_level > 0 && ruleset_level_parse(level) < q->min_level))
			continue;
		if (grow((void **)&v, &cap, k, sizeof *v)) {
			oom = 1;
			break;
		}
		r = &v[k++];
		r->id = sqlite3_column_int64(st, 0);
		oom |= dup_col(st, 1, &r->rule) | dup_col(st, 2, &r->uri) |
		       dup_col(st, 3, &r->function) | dup_col(st, 4, &r->state) |
		       dup_col(st, 5, &r->level) | dup_col(st, 6, &r->message) |
		       dup_col(st, 7, &r->snippet);
		r->line = (unsigned)sqlite3_column_int(st, 8);
		r->column = (unsigned)sqlite3_column_int(st, 9);
		r->run = sqlite3_column_int64(st, 10);
		r->first_run = sqlite3_column_int64(st, 11);
		r->last_run = sqlite3_column_int64(st, 12);
		r->fixed_run = sqlite3_column_int64(st, 13);
		oom |= dup_col(st, 14, &r->suppression) | dup_col(st, 15, &r->justification) |
		       dup_col(st, 16, &r->triaged_by) | dup_col(st, 17, &r->triaged_at);
	}
	if (oom)
		rc = error_set(err, ASP_ENOMEM, s->path, 0, 0, "out of memory");
	else if (step != SQLITE_DONE)
		rc = store_fail(s, "cannot read the findings", err);
	for (i = 0; i < k && !rc; i++)
		rc = read_links(s, &v[i], err);
done:
	sqlite3_finalize(st);
	if (rc) {
		store_finding_rows_free(v, k);
		return rc;
	}
	*out = v;
	*n = k;
	return ASP_OK;
}

/* ---- baselines ----------------------------------------------------------- */

int store_load_baseline(struct store *s, long long run, struct baseline *out,
			struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc, step, oom = 0;
	char name[32];

	memset(out, 0, sizeof *out);
	rc = run_exists(s, run, err);
	if (rc)
		return rc;
	snprintf(name, sizeof name, "run %lld", run);
	out->name = strdup(name);
	if (!out->name)
		return error_set(err, ASP_ENOMEM, s->path, 0, 0, "out of memory");
	if (sqlite3_prepare_v2(s->db,
			       "SELECT f.fingerprint, f.rule_id, f.uri, o.message, f.function,"
			       " o.snippet, o.line, o.column, o.end_line, o.end_column, f.id"
			       " FROM occurrences o JOIN findings f ON f.id = o.finding_id"
			       " WHERE o.run_id = ?1 ORDER BY f.uri, o.line, o.column, f.rule_id",
			       -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, run) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the baseline run", err);
		goto done;
	}
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct baseline_item *it;

		if (grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			oom = 1;
			break;
		}
		it = &out->items[out->n++];
		snprintf(it->fingerprint, sizeof it->fingerprint, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		oom |= dup_col(st, 1, &it->rule) | dup_col(st, 2, &it->uri) |
		       dup_col(st, 3, &it->message) | dup_col(st, 4, &it->function) |
		       dup_col(st, 5, &it->snippet);
		it->line = (unsigned)sqlite3_column_int(st, 6);
		it->column = (unsigned)sqlite3_column_int(st, 7);
		it->end_line = (unsigned)sqlite3_column_int(st, 8);
		it->end_column = (unsigned)sqlite3_column_int(st, 9);
		snprintf(it->trace_id, sizeof it->trace_id, "ASF-%lld",
			 (long long)sqlite3_column_int64(st, 10));
	}
	if (oom)
		rc = error_set(err, ASP_ENOMEM, s->path, 0, 0, "out of memory");
	else if (step != SQLITE_DONE)
		rc = store_fail(s, "cannot read the baseline run", err);
done:
	sqlite3_finalize(st);
	if (rc)
		baseline_free(out);
	return rc;
}

/* ---- changed-lines runs ------------------------------------------------ */

int store_lookup_run(struct store *s, struct run *r, struct asp_error *err)
{
	sqlite3_stmt *st = NULL, *why = NULL;
	size_t i;
	int rc = ASP_OK;

	if (sqlite3_prepare_v2(s->db, "SELECT id, state FROM findings WHERE fingerprint = ?1",
			       -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "SELECT justification FROM audit_log WHERE finding_id = ?1"
			       " AND action = 'state' ORDER BY seq DESC LIMIT 1",
			       -1, &why, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the findings", err);
		goto done;
	}
	for (i = 0; i < r->nfindings && !rc; i++) {
		struct run_finding *rf = &r->findings[i];
		int step;

		sqlite3_reset(st);
		if (sqlite3_bind_text(st, 1, rf->fingerprint, -1, SQLITE_STATIC) != SQLITE_OK) {
			rc = store_fail(s, "cannot read the findings", err);
			break;
		}
		step = sqlite3_step(st);
		if (step == SQLITE_DONE)
			continue;   /* not seen by a stored run: new */
		if (step != SQLITE_ROW) {
			rc = store_fail(s, "cannot read the findings", err);
			break;
		}
		rf->trace_num = sqlite3_column_int64(st, 0);
		snprintf(rf->trace_id, sizeof rf->trace_id, "ASF-%lld", rf->trace_num);
		snprintf(rf->state, sizeof rf->state, "%s",
			 (const char *)sqlite3_column_text(st, 1));
		/* a fixed finding that is back is open again as far as the gate goes */
		if (strcmp(rf->state, "fixed") == 0)
			snprintf(rf->state, sizeof rf->state, "open");
		sqlite3_reset(why);
		if (sqlite3_bind_int64(why, 1, rf->trace_num) == SQLITE_OK &&
		    sqlite3_step(why) == SQLITE_ROW && sqlite3_column_text(why, 0)) {
			free(rf->justification);
			rf->justification = strdup((const char *)sqlite3_column_text(why, 0));
		}
	}
done:
	sqlite3_finalize(st);
	sqlite3_finalize(why);
	return rc;
}
