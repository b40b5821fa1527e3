/*
 * Triage and links: the changes people make to findings. Each change and
 * its audit entry commit in one transaction, so the log never misses a
 * change and never records one that did not happen. Bound parameters only.
 */
#include "store_priv.h"

#include <stdio.h>
#include <string.h>

static const char *const user_states[] = {
	"open", "accepted-risk", "false-positive", "deferred", NULL
};

static const char *const link_kinds[] = {
	"requirement", "risk-control", "problem-report", NULL
};

static int in_list(const char *const *l, const char *s)
{
	for (; s && *l; l++)
		if (strcmp(*l, s) == 0)
			return 1;
	return 0;
}

int store_state_valid(const char *state)
{
	return in_list(user_states, state);
}

static int is_blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* The finding's current state into state[32]; ASP_ENOTFOUND naming ASF-n. */
static int finding_state(struct store *s, long long id, char state[32], struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK, step;
	char name[32];

	snprintf(name, sizeof name, "ASF-%lld", id);
	if (sqlite3_prepare_v2(s->db, "SELECT state FROM findings WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK || sqlite3_bind_int64(st, 1, id) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the finding", err);
		goto done;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		snprintf(state, 32, "%s", (const char *)sqlite3_column_text(st, 0));
	else if (step == SQLITE_DONE)
		rc = error_set(err, ASP_ENOTFOUND, name, 0, 0,
			       "no such finding in %s (see 'asepsis findings --all')", s->path);
	else
		rc = store_fail(s, "cannot read the finding", err);
done:
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	return rc;
}

/* Runs sql with one text and one integer parameter, expecting no row. */
static int exec_bound(struct store *s, const char *sql, const char *text, long long id,
		      const char *what, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, id) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE)
		rc = store_fail(s, what, err);
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	return rc;
}

static int rollback(struct store *s, int rc)
{
	if (rc && !sqlite3_get_autocommit(s->db))
		store_exec(s, "ROLLBACK", "cannot roll back", NULL);
	return rc;
}

int store_triage(struct store *s, long long finding, const char *state,
		 const char *justification, const char *author, char old_state[32],
		 struct asp_error *err)
{
	struct store_audit_entry e;
	int rc;

	old_state[0] = '\0';
	if (!store_state_valid(state))
		return error_set(err, ASP_EUSAGE, state ? state : "", 0, 0,
				 "not a triage state: use open, accepted-risk, false-positive "
				 "or deferred (fixed is set by runs)");
	if (strcmp(state, "open") != 0 && is_blank(justification))
		return error_set(err, ASP_EUSAGE, "--justification", 0, 0,
				 "a justification is required to set '%s'", state);
	if (is_blank(author))
		return error_set(err, ASP_EUSAGE, "--author", 0, 0, "the author must not be empty");
	rc = store_exec(s, "BEGIN IMMEDIATE", "cannot lock the database", err);
	if (rc)
		return rc;
	rc = finding_state(s, finding, old_state, err);
	if (!rc)
		rc = exec_bound(s, "UPDATE findings SET state = ?1 WHERE id = ?2", state, finding,
				"cannot change the finding's state", err);
	memset(&e, 0, sizeof e);
	e.author = author;
	e.action = "state";
	e.finding_id = finding;
	e.old_state = old_state;
	e.new_state = state;
	e.justification = justification && !is_blank(justification) ? justification : "";
	if (!rc)
		rc = store_audit_append(s, &e, NULL, err);
	if (!rc)
		rc = store_exec(s, "COMMIT", "cannot commit the triage", err);
	return rollback(s, rc);
}

int store_link(struct store *s, long long finding, const char *kind, const char *ref,
	       const char *author, int *added, struct asp_error *err)
{
	struct store_audit_entry e;
	sqlite3_stmt *st = NULL;
	long long seq = 0;
	char state[32], why[600];
	int rc, step;

	*added = 0;
	if (!in_list(link_kinds, kind))
		return error_set(err, ASP_EUSAGE, kind ? kind : "", 0, 0,
				 "not a link kind: use requirement, risk-control or problem-report");
	if (is_blank(ref) || strlen(ref) > 256)
		return error_set(err, ASP_EUSAGE, ref ? ref : "", 0, 0,
				 "a reference must be 1 to 256 characters");
	if (is_blank(author))
		return error_set(err, ASP_EUSAGE, "--author", 0, 0, "the author must not be empty");
	rc = store_exec(s, "BEGIN IMMEDIATE", "cannot lock the database", err);
	if (rc)
		return rc;
	rc = finding_state(s, finding, state, err);
	if (rc)
		goto done;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM links WHERE finding_id = ?1 AND kind = ?2"
			       " AND ref = ?3", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, finding) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, ref, -1, SQLITE_STATIC) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the links", err);
		goto done;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		goto done;   /* already there: nothing to log */
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "cannot read the links", err);
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	snprintf(why, sizeof why, "linked to %s %s", kind, ref);
	memset(&e, 0, sizeof e);
	e.author = author;
	e.action = "link";
	e.finding_id = finding;
	e.link_kind = kind;
	e.link_ref = ref;
	e.justification = why;
	rc = store_audit_append(s, &e, &seq, err);
	if (rc)
		goto done;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO links (finding_id, kind, ref, created_at,"
			       " author, audit_seq) SELECT ?1, ?2, ?3, at, author, seq"
			       " FROM audit_log WHERE seq = ?4", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, finding) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, ref, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, seq) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE) {
		rc = store_fail(s, "cannot record the link", err);
		goto done;
	}
	*added = 1;
done:
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	if (!rc)
		rc = store_exec(s, "COMMIT", "cannot commit the link", err);
	if (rc)
		*added = 0;
	return rollback(s, rc);
}
