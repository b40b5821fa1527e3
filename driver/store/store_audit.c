/*
 * The audit log: every state change of a finding and every link, appended in
 * the caller's transaction and chained by SHA-256, so an entry that is later
 * changed, deleted or inserted is named by `asepsis audit verify`. Owns the
 * canonical serialisation (docs/database-schema.md); never rewrites an entry.
 */
#include "store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "base/sbuf.h"

#define AUDIT_MAGIC "asepsis-audit/1\n"
#define AUDIT_ZERO "0000000000000000000000000000000000000000000000000000000000000000"

/* The fields an entry's hash covers; strings borrowed. */
struct fields {
	long long seq;
	const char *at, *author, *action;
	long long finding_id;
	long long run_id;          /* 0: none */
	const char *old_state, *new_state, *link_kind, *link_ref, *justification;
	const char *prev_hash;
};

/* One entry as read back; strings owned. */
struct row {
	long long seq;
	char *at, *author, *action;
	long long finding_id;
	long long run_id;          /* 0: none */
	char *old_state, *new_state, *link_kind, *link_ref, *justification;
	char *prev_hash, *hash;
};

static int put_field(struct sbuf *b, const char *name, const char *v)
{
	if (!v)
		return sbuf_printf(b, "%s=-\n", name);
	return sbuf_printf(b, "%s=%zu:", name, strlen(v)) || sbuf_puts(b, v) ||
	       sbuf_putc(b, '\n');
}

/* SHA-256 hex of the canonical serialisation: a magic line, then each field
   as name=LENGTH:bytes or name=- for NULL, the previous hash last. Lengths
   make it unambiguous whatever the text holds. */
static int entry_hash(const struct fields *r, char out[65])
{
	struct sbuf b = SBUF_INIT(1u << 24);
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0, i;
	char num[32], fid[32], rid[32];
	int rc;

	snprintf(num, sizeof num, "%lld", r->seq);
	snprintf(fid, sizeof fid, "%lld", r->finding_id);
	snprintf(rid, sizeof rid, "%lld", r->run_id);
	rc = sbuf_puts(&b, AUDIT_MAGIC) || put_field(&b, "seq", num) ||
	     put_field(&b, "at", r->at) || put_field(&b, "author", r->author) ||
	     put_field(&b, "action", r->action) || put_field(&b, "finding", fid) ||
	     put_field(&b, "run", r->run_id ? rid : NULL) ||
	     put_field(&b, "old_state", r->old_state) ||
	     put_field(&b, "new_state", r->new_state) ||
	     put_field(&b, "link_kind", r->link_kind) ||
	     put_field(&b, "link_ref", r->link_ref) ||
	     put_field(&b, "justification", r->justification) ||
	     put_field(&b, "prev_hash", r->prev_hash);
	if (!rc && !EVP_Digest(b.data, b.len, d, &n, EVP_sha256(), NULL))
		rc = ASP_ERR;
	sbuf_free(&b);
	if (rc || n != 32)
		return rc ? rc : ASP_ERR;
	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return ASP_OK;
}

int store_audit_head(struct store *s, long long *seq, char hash[65], struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK, step;

	*seq = 0;
	snprintf(hash, 65, "%s", AUDIT_ZERO);
	if (sqlite3_prepare_v2(s->db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the audit log", err);
		goto done;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const unsigned char *h = sqlite3_column_text(st, 1);

		*seq = sqlite3_column_int64(st, 0);
		snprintf(hash, 65, "%s", h ? (const char *)h : "");
	} else if (step != SQLITE_DONE) {
		rc = store_fail(s, "cannot read the audit log", err);
	}
done:
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	return rc;
}

int store_audit_append(struct store *s, const struct store_audit_entry *e, long long *seq_out,
		       struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	struct fields r;
	char prev[65], hash[65], at[32];
	long long last = 0;
	int rc;

	if (sqlite3_get_autocommit(s->db))
		return error_set(err, ASP_ERR, s->path, 0, 0,
				 "an audit entry must be written inside a transaction");
	if (!e->author || !*e->author || !e->justification || !e->action)
		return error_set(err, ASP_ERR, s->path, 0, 0,
				 "an audit entry needs an author, an action and a justification");
	rc = store_audit_head(s, &last, prev, err);
	if (rc)
		return rc;
	store_now(at);
	memset(&r, 0, sizeof r);
	r.seq = last + 1;
	r.at = at;
	r.author = e->author;
	r.action = e->action;
	r.finding_id = e->finding_id;
	r.run_id = e->run_id;
	r.old_state = e->old_state;
	r.new_state = e->new_state;
	r.link_kind = e->link_kind;
	r.link_ref = e->link_ref;
	r.justification = e->justification;
	r.prev_hash = prev;
	if (entry_hash(&r, hash))
		return error_set(err, ASP_ENOMEM, s->path, 0, 0, "cannot hash an audit entry");
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO audit_log (seq, at, author, action, finding_id, run_id,"
			       " old_state, new_state, link_kind, link_ref, justification,"
			       " prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
			       " ?11, ?12, ?13)", -1, &st, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot append to the audit log", err);
		goto done;
	}
	if (sqlite3_bind_int64(st, 1, r.seq) || sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 3, e->author, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 4, e->action, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 5, e->finding_id) ||
	    (e->run_id ? sqlite3_bind_int64(st, 6, e->run_id) : sqlite3_bind_null(st, 6)) ||
	    sqlite3_bind_text(st, 7, e->old_state, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 8, e->new_state, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 9, e->link_kind, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 10, e->link_ref, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 11, e->justification, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 12, prev, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 13, hash, -1, SQLITE_STATIC) ||
	    sqlite3_step(st) != SQLITE_DONE) {
		rc = store_fail(s, "cannot append to the audit log", err);
		goto done;
	}
	if (seq_out)
		*seq_out = r.seq;
done:
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	return rc;
}

/* ---- verification --------------------------------------------------- */

static char *col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	char *d;

	if (!t)
		return NULL;
	d = strdup((const char *)t);
	if (!d)
		*oom = 1;
	return d;
}

static void row_free(struct row *r)
{
	free(r->at); free(r->author); free(r->action); free(r->old_state);
	free(r->new_state); free(r->link_kind); free(r->link_ref);
	free(r->justification); free(r->prev_hash); free(r->hash);
}

static int load_rows(struct store *s, struct row **out, size_t *n, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	struct row *v = NULL;
	size_t cap = 0, k = 0;
	int rc = ASP_OK, step, oom = 0;

	if (sqlite3_prepare_v2(s->db,
			       "SELECT seq, at, author, action, finding_id, run_id, old_state,"
			       " new_state, link_kind, link_ref, justification, prev_hash, hash"
			       " FROM audit_log ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the audit log", err);
		goto done;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct row *r;

		if (k == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct row *p = realloc(v, ncap * sizeof *p);

			if (!p) {
				oom = 1;
				break;
			}
			v = p;
			cap = ncap;
		}
		r = &v[k++];
		memset(r, 0, sizeof *r);
		r->seq = sqlite3_column_int64(st, 0);
		r->at = col_dup(st, 1, &oom);
		r->author = col_dup(st, 2, &oom);
		r->action = col_dup(st, 3, &oom);
		r->finding_id = sqlite3_column_int64(st, 4);
		r->run_id = sqlite3_column_int64(st, 5);
		r->old_state = col_dup(st, 6, &oom);
		r->new_state = col_dup(st, 7, &oom);
		r->link_kind = col_dup(st, 8, &oom);
		r->link_ref = col_dup(st, 9, &oom);
		r->justification = col_dup(st, 10, &oom);
		r->prev_hash = col_dup(st, 11, &oom);
		r->hash = col_dup(st, 12, &oom);
		if (oom)
			break;
	}
	if (oom)
		rc = error_set(err, ASP_ENOMEM, s->path, 0, 0, "out of memory");
	else if (step != SQLITE_DONE)
		rc = store_fail(s, "cannot read the audit log", err);
done:
	sqlite3_finalize(st);
	*out = v;
	*n = k;
	return rc;
}

static int streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The first break in the chain, described in v->what; 0 when intact. */
static int check_chain(struct row *rows, size_t n, struct store_verify *v)
{
	const char *expect = AUDIT_ZERO;
	long long prev_seq = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		struct row *r = &rows[i];
		struct fields f;
		char h[65];
		int self_ok;

		f.seq = r->seq;
		f.at = r->at;
		f.author = r->author;
		f.action = r->action;
		f.finding_id = r->finding_id;
		f.run_id = r->run_id;
		f.old_state = r->old_state;
		f.new_state = r->new_state;
		f.link_kind = r->link_kind;
		f.link_ref = r->link_ref;
		f.justification = r->justification;
		f.prev_hash = r->prev_hash;
		self_ok = entry_hash(&f, h) == ASP_OK && streq(h, r->hash);
		int linked = streq(r->prev_hash, expect);

		v->bad_seq = r->seq;
		if (!self_ok) {
			/* the next entry chaining over this one means it was put in */
			if (i + 1 < n && streq(rows[i + 1].prev_hash, expect))
				snprintf(v->what, sizeof v->what, "entry %lld was inserted: it is not "
					 "part of the chain (entry %lld links to the entry before it) "
					 "and its hash does not match its fields", r->seq, rows[i + 1].seq);
			else if (linked && i + 1 == n)
				snprintf(v->what, sizeof v->what, "entry %lld was changed or inserted: "
					 "its fields do not match its hash", r->seq);
			else if (linked)
				snprintf(v->what, sizeof v->what, "entry %lld was changed: its fields "
					 "no longer match its hash", r->seq);
			else
				snprintf(v->what, sizeof v->what, "entry %lld was changed or inserted: "
					 "its fields do not match its hash and it does not link to "
					 "entry %lld", r->seq, prev_seq);
			return 1;
		}
		if (!linked || r->seq != prev_seq + 1) {
			if (r->seq == prev_seq + 2)
				snprintf(v->what, sizeof v->what, "entry %lld was deleted: entry %lld "
					 "links to an entry that is no longer in the log",
					 prev_seq + 1, r->seq);
			else if (r->seq > prev_seq + 2)
				snprintf(v->what, sizeof v->what, "entries %lld to %lld were deleted: "
					 "entry %lld links to an entry that is no longer in the log",
					 prev_seq + 1, r->seq - 1, r->seq);
			else
				snprintf(v->what, sizeof v->what, "entry %lld does not link to entry "
					 "%lld: an entry was deleted or inserted before it, or the chain "
					 "was rewritten", r->seq, prev_seq);
			return 1;
		}
		expect = r->hash;
		prev_seq = r->seq;
	}
	v->bad_seq = 0;
	return 0;
}

/* Runs remember the chain's head when they were recorded: an entry removed
   from the end of the log since then shows here. */
static int check_anchors(struct store *s, const struct row *rows, size_t n,
			 struct store_verify *v, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK, step, broken = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT id, audit_seq, audit_head FROM runs"
			       " WHERE audit_seq > 0 ORDER BY id", -1, &st, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the runs", err);
		goto done;
	}
	while (!broken && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long long run = sqlite3_column_int64(st, 0), seq = sqlite3_column_int64(st, 1);
		const char *head = (const char *)sqlite3_column_text(st, 2);
		size_t i;
		int found = 0;

		for (i = 0; i < n && !found; i++)
			if (rows[i].seq == seq) {
				found = 1;
				if (!streq(rows[i].hash, head)) {
					snprintf(v->what, sizeof v->what, "entry %lld differs from the "
						 "one run %lld recorded as the head of the log", seq, run);
					v->bad_seq = seq;
					broken = 1;
				}
			}
		if (!found) {
			snprintf(v->what, sizeof v->what, "entry %lld was deleted: run %lld "
				 "recorded it as the head of the log", seq, run);
			v->bad_seq = seq;
			broken = 1;
		}
	}
	if (!broken && step != SQLITE_DONE)
		rc = store_fail(s, "cannot read the runs", err);
done:
	sqlite3_finalize(st);
	return rc ? rc : broken;
}

/* Every finding's state and every link must be what the log says. */
static int check_state(struct store *s, struct store_verify *v, struct asp_error *err)
{
	static const char *const sql[2] = {
		/* a finding whose state is not its last state entry's */
		"SELECT f.id, f.state, (SELECT new_state FROM audit_log a WHERE a.finding_id = f.id"
		" AND a.action = 'state' ORDER BY a.seq DESC LIMIT 1) AS logged FROM findings f"
		" WHERE f.state IS NOT coalesce(logged, 'open') ORDER BY f.id LIMIT 1",
		/* a link without its entry, or an entry whose link is gone */
		"SELECT l.finding_id, l.kind || ' ' || l.ref, 'missing' FROM links l"
		" WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.seq = l.audit_seq AND"
		" a.action = 'link' AND a.finding_id = l.finding_id AND a.link_kind = l.kind AND"
		" a.link_ref = l.ref) UNION ALL"
		" SELECT a.finding_id, a.link_kind || ' ' || a.link_ref, 'gone' FROM audit_log a"
		" WHERE a.action = 'link' AND NOT EXISTS (SELECT 1 FROM links l WHERE"
		" l.audit_seq = a.seq) LIMIT 1",
	};
	sqlite3_stmt *st = NULL;
	int i, rc = ASP_OK, step, broken = 0;

	for (i = 0; i < 2 && !rc && !broken; i++) {
		if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK) {
			rc = store_fail(s, "cannot compare findings with the audit log", err);
			break;
		}
		step = sqlite3_step(st);
		if (step == SQLITE_ROW) {
			long long id = sqlite3_column_int64(st, 0);
			const char *a = (const char *)sqlite3_column_text(st, 1);
			const char *b = (const char *)sqlite3_column_text(st, 2);

			broken = 1;
			if (i == 0)
				snprintf(v->what, sizeof v->what, "ASF-%lld is '%s' but the audit log "
					 "says '%s': its state was changed outside asepsis", id,
					 a ? a : "?", b ? b : "open");
			else if (b && strcmp(b, "gone") == 0)
				snprintf(v->what, sizeof v->what, "the link of ASF-%lld to %s was "
					 "removed outside asepsis", id, a ? a : "?");
			else
				snprintf(v->what, sizeof v->what, "the link of ASF-%lld to %s has no "
					 "audit entry: it was added outside asepsis", id, a ? a : "?");
		} else if (step != SQLITE_DONE) {
			rc = store_fail(s, "cannot compare findings with the audit log", err);
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	return rc ? rc : broken;
}

int store_audit_verify(struct store *s, struct store_verify *v, struct asp_error *err)
{
	struct row *rows = NULL;
	size_t n = 0, i;
	int rc;

	memset(v, 0, sizeof *v);
	snprintf(v->head, sizeof v->head, "%s", AUDIT_ZERO);
	rc = store_exec(s, "BEGIN", "cannot read the audit log", err);
	if (rc)
		return rc;
	rc = load_rows(s, &rows, &n, err);
	if (rc)
		goto done;
	v->entries = (long long)n;
	if (n)
		snprintf(v->head, sizeof v->head, "%s", rows[n - 1].hash ? rows[n - 1].hash : "");
	if (check_chain(rows, n, v))
		goto done;
	rc = check_anchors(s, rows, n, v, err);
	if (rc)
		goto done;
	rc = check_state(s, v, err);
	if (rc)
		goto done;
	v->ok = 1;
done:
	if (rc > 0)
		rc = ASP_OK;   /* a break is a result, not an error */
	store_exec(s, "COMMIT", "cannot finish reading the audit log", NULL);
	for (i = 0; i < n; i++)
		row_free(&rows[i]);
	free(rows);
	return rc;
}
