/*
 * The findings store: opens (creating it and its folder) the SQLite file and
 * records each run in one transaction, giving every finding its ASF-n ID by
 * fingerprint. Bound parameters only; never prints. A failed run rolls back
 * whole, so what earlier runs stored is never touched.
 */
#include "store_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/sbuf.h"
#include "discover.h"

int store_schema_version(void)
{
	return STORE_SCHEMA_VERSION;
}

int store_fail(struct store *s, const char *what, struct asp_error *err)
{
	int code = sqlite3_extended_errcode(s->db);
	const char *msg = sqlite3_errmsg(s->db);

	switch (code & 0xff) {
	case SQLITE_NOMEM:
		return error_set(err, ASP_ENOMEM, s->path, 0, 0, "%s: out of memory", what);
	case SQLITE_NOTADB:
		return error_set(err, ASP_EDB, s->path, 0, 0,
				 "not an asepsis database: the file is not a SQLite database; "
				 "it was left unchanged");
	case SQLITE_CORRUPT:
		return error_set(err, ASP_EDB, s->path, 0, 0,
				 "%s: the database is corrupt (%s); move it aside and restore "
				 "a backup", what, msg);
	case SQLITE_BUSY:
		return error_set(err, ASP_EDB, s->path, 0, 0,
				 "%s: another process holds the database (%s; waited %d ms)",
				 what, msg, STORE_BUSY_TIMEOUT_MS);
	default:
		return error_set(err, ASP_EDB, s->path, 0, 0, "%s: %s", what, msg);
	}
}

int store_exec(struct store *s, const char *sql, const char *what, struct asp_error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, what, err);
	return ASP_OK;
}

/* mkdir -p of the folder that will hold path (0755, before the umask). */
static int make_parent(const char *path, struct asp_error *err)
{
	char *dir = strdup(path);
	char *p;
	struct stat sb;
	int rc = ASP_OK;

	if (!dir)
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	p = strrchr(dir, '/');
	if (!p || p == dir)
		goto done;   /* the current folder or the root: nothing to create */
	*p = '\0';
	for (p = dir + 1;; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
			rc = error_set(err, ASP_EIO, dir, 0, 0,
				       "cannot create the folder for the database %s: %s",
				       path, strerror(errno));
			goto done;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		rc = error_set(err, ASP_EIO, dir, 0, 0,
			       "cannot hold the database %s: not a folder", path);
done:
	free(dir);
	return rc;
}

void store_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void store_set_cancel(struct store *s, const volatile sig_atomic_t *flag)
{
	if (s)
		s->cancel = flag;
}

static int open_store(struct store **out, const char *path, int must_exist,
		      struct asp_error *err)
{
	struct store *s = NULL;
	struct stat sb;
	int rc;

	*out = NULL;
	if (!path || !path[0])
		return error_set(err, ASP_EUSAGE, NULL, 0, 0, "no database file given");
	if (must_exist && stat(path, &sb) != 0)
		return error_set(err, ASP_EDB, path, 0, 0,
				 "no findings store here (%s); 'asepsis check' creates it, "
				 "--db FILE names another", strerror(errno));
	if (must_exist && !S_ISREG(sb.st_mode))
		return error_set(err, ASP_EDB, path, 0, 0, "not a findings store: not a file");
	s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	rc = make_parent(path, err);
	if (rc)
		goto done;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		rc = s->db ? store_fail(s, "cannot open the database", err)
			   : error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	if (sqlite3_extended_result_codes(s->db, 1) != SQLITE_OK ||
	    sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS) != SQLITE_OK) {
		rc = store_fail(s, "cannot configure the connection", err);
		goto done;
	}
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		rc = error_set(err, ASP_EDB, path, 0, 0,
			       "the database file is read-only; asepsis needs to write to it");
		goto done;
	}
	rc = store_migrate(s, err);
	/* after the migration, which may rebuild tables with foreign keys off */
	if (!rc)
		rc = store_exec(s, "PRAGMA foreign_keys = ON", "cannot enable foreign keys", err);
	/* WAL plus NORMAL: a power cut may lose the last run, never corrupt the file */
	if (!rc)
		rc = store_exec(s, "PRAGMA synchronous = NORMAL", "cannot set synchronous", err);
	if (rc)
		goto done;
	*out = s;
	s = NULL;
done:
	store_close(s);
	return rc;
}

int store_open(struct store **out, const char *path, struct asp_error *err)
{
	return open_store(out, path, 0, err);
}

int store_open_existing(struct store **out, const char *path, struct asp_error *err)
{
	return open_store(out, path, 1, err);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	/* every statement is finalized by its user; _v2 still never leaks */
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

/* ---- recording a run ---------------------------------------------------- */

enum {
	ST_RUN, ST_FILE, ST_RULE, ST_RUN_RULE, ST_FIND, ST_ADD, ST_SEEN, ST_OCC,
	ST_GONE, ST_FIX, ST_COUNTS, ST_LAST, ST_LINKS, ST_STEP,
	ST__COUNT
};

static const char *const record_sql[ST__COUNT] = {
	[ST_RUN] =
	"INSERT INTO runs (started_at, finished_at, root, command_line, tool_version,"
	" frontend_version, ruleset_hash, profile, vcs_commit, vcs_branch, vcs_uri,"
	" complete, rules_enabled, files_total, files_partial, files_failed,"
	" findings_total, findings_error, findings_warning, findings_note, notices,"
	" findings_suppressed)"
	" VALUES (coalesce(?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	" coalesce(?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	" ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
	" ?19, ?20, ?21, ?22)",
	/* a uri seen twice (two paths, one name) keeps its worst status */
	[ST_FILE] =
	"INSERT INTO files (run_id, uri, sha256, status) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT (run_id, uri) DO UPDATE SET status ="
	" CASE WHEN 'failed' IN (files.status, excluded.status) THEN 'failed'"
	" WHEN 'partial' IN (files.status, excluded.status) THEN 'partial'"
	" ELSE 'analysed' END",
	[ST_RULE] =
	"INSERT INTO rules (id, title, severity, category, cwe, ruleset_hash,"
	" first_run, last_run) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
	" ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
	" severity = excluded.severity, category = excluded.category,"
	" cwe = excluded.cwe, ruleset_hash = excluded.ruleset_hash,"
	" last_run = excluded.last_run",
	[ST_RUN_RULE] =
	"INSERT INTO run_rules (run_id, rule_id, level) VALUES (?1, ?2, ?3)",
	[ST_FIND] =
	"SELECT id, last_run, state FROM findings WHERE fingerprint = ?1",
	/* AUTOINCREMENT numbers it: never a number any earlier finding had */
	[ST_ADD] =
	"INSERT INTO findings (fingerprint, rule_id, uri, function, first_run, last_run)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
	/* seen again: a finding marked fixed is back, so it is open again */
	[ST_SEEN] =
	"UPDATE findings SET last_run = ?1,"
	" state = CASE state WHEN 'fixed' THEN 'open' ELSE state END,"
	" fixed_run = CASE state WHEN 'fixed' THEN NULL ELSE fixed_run END WHERE id = ?2",
	[ST_OCC] =
	"INSERT INTO occurrences (run_id, finding_id, line, column, end_line, end_column,"
	" message, level, snippet, line_hash, suppression, component)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	/* open findings this run should have seen and did not: their file was
	   analysed with full coverage and their rule was enabled */
	[ST_GONE] =
	"SELECT f.id FROM findings f WHERE f.state = 'open' AND f.last_run < ?1"
	" AND EXISTS (SELECT 1 FROM files WHERE files.run_id = ?1 AND files.uri = f.uri"
	" AND files.status = 'analysed')"
	" AND EXISTS (SELECT 1 FROM run_rules WHERE run_rules.run_id = ?1"
	" AND run_rules.rule_id = f.rule_id) ORDER BY f.id",
	[ST_FIX] =
	"UPDATE findings SET state = 'fixed', fixed_run = ?1 WHERE id = ?2",
	[ST_COUNTS] =
	"UPDATE runs SET findings_new = ?2, findings_fixed = ?3, findings_reopened = ?4,"
	" audit_seq = ?5, audit_head = ?6 WHERE id = ?1",
	/* the justification of a finding's last state change */
	[ST_LAST] =
	"SELECT justification FROM audit_log WHERE finding_id = ?1 AND action = 'state'"
	" ORDER BY seq DESC LIMIT 1",
	[ST_LINKS] =
	"SELECT kind, ref FROM links WHERE finding_id = ?1 ORDER BY kind, ref",
	[ST_STEP] =
	"INSERT INTO occurrence_steps (run_id, finding_id, seq, uri, line, column, kind, message)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
};

/* Binds parameters 1, 2, ... in order and keeps the first failure, so a
   statement's binds read as one list and are checked once. */
struct binder {
	struct store *s;
	sqlite3_stmt *st;
	int n;
	int rc;
};

static struct binder bind_start(struct store *s, sqlite3_stmt *st)
{
	struct binder b;

	b.s = s;
	b.st = st;
	b.n = 0;
	b.rc = SQLITE_OK;
	return b;
}

static void bind_text(struct binder *b, const char *v)
{
	int i = ++b->n;

	if (b->rc == SQLITE_OK)
		b->rc = v ? sqlite3_bind_text(b->st, i, v, -1, SQLITE_TRANSIENT)
			  : sqlite3_bind_null(b->st, i);
}

static void bind_int(struct binder *b, long long v)
{
	int i = ++b->n;

	if (b->rc == SQLITE_OK)
		b->rc = sqlite3_bind_int64(b->st, i, v);
}

static int bind_check(const struct binder *b, const char *what, struct asp_error *err)
{
	if (b->rc == SQLITE_OK)
		return ASP_OK;
	return error_set(err, b->rc == SQLITE_NOMEM ? ASP_ENOMEM : ASP_EDB, b->s->path, 0, 0,
			 "%s: %s", what, sqlite3_errstr(b->rc));
}

/* Steps a statement that returns no row and resets it for the next use. */
static int bind_step(struct binder *b, const char *what, struct asp_error *err)
{
	int rc = bind_check(b, what, err);

	if (!rc && sqlite3_step(b->st) != SQLITE_DONE)
		rc = store_fail(b->s, what, err);
	if (sqlite3_reset(b->st) != SQLITE_OK && !rc)
		rc = store_fail(b->s, what, err);
	return rc;
}

static const char *file_status_name(int status)
{
	switch (status) {
	case RUN_FILE_ANALYSED: return "analysed";
	case RUN_FILE_PARTIAL: return "partial";
	default: return "failed";
	}
}

static int valid_fingerprint(const char *fp)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((fp[i] >= '0' && fp[i] <= '9') || (fp[i] >= 'a' && fp[i] <= 'f')))
			return 0;
	return fp[64] == '\0';
}

/* Refuses a run the schema would reject, before anything is written, with a
   message about the run rather than a constraint name. */
static int check_run(const struct store *s, const struct run *r, struct asp_error *err)
{
	size_t i;

	if (!r->root || !r->tool_version || !r->rules)
		return error_set(err, ASP_ERR, s->path, 0, 0,
				 "cannot record a run without root, tool version and rule set");
	for (i = 0; i < r->nfiles; i++)
		if (!r->files[i].uri)
			return error_set(err, ASP_ERR, s->path, 0, 0,
					 "cannot record file %zu of the run: it has no URI", i);
	for (i = 0; i < r->nfindings; i++) {
		const struct run_finding *rf = &r->findings[i];

		if (!rf->f || !rf->rule || !rf->uri || !rf->f->message ||
		    !rf->rule->id || !rf->rule->title)
			return error_set(err, ASP_ERR, s->path, 0, 0,
					 "cannot record finding %zu of the run: it is incomplete", i);
		if (!valid_fingerprint(rf->fingerprint))
			return error_set(err, ASP_ERR, rf->uri, (int)rf->f->line,
					 (int)rf->f->column,
					 "cannot record a %s finding without a fingerprint",
					 rf->rule->id);
	}
	return ASP_OK;
}

static void clear_ids(struct run *r)
{
	size_t i;

	r->id = 0;
	r->nnew = r->nfixed = r->nreopened = 0;
	run_free_annotations(r);
	for (i = 0; i < r->nfindings; i++) {
		r->findings[i].trace_num = 0;
		r->findings[i].trace_id[0] = '\0';
	}
}

static int insert_run(struct store *s, sqlite3_stmt *st, const struct run *r,
		      long long *run_id, struct asp_error *err)
{
	struct binder b = bind_start(s, st);
	long long partial = 0, failed = 0, suppressed = 0, lv[4] = { 0, 0, 0, 0 };
	size_t i;
	int rc;

	for (i = 0; i < r->nfiles; i++) {
		partial += r->files[i].status == RUN_FILE_PARTIAL;
		failed += r->files[i].status == RUN_FILE_FAILED;
	}
	for (i = 0; i < r->nfindings; i++) {
		if (r->findings[i].level >= 0 && r->findings[i].level <= 3)
			lv[r->findings[i].level]++;
		suppressed += r->findings[i].f->suppression != NULL;
	}
	bind_text(&b, r->started[0] ? r->started : NULL);
	bind_text(&b, r->finished[0] ? r->finished : NULL);
	bind_text(&b, r->root);
	bind_text(&b, r->command_line);
	bind_text(&b, r->tool_version);
	bind_text(&b, r->frontend_version);
	bind_text(&b, r->rules->hash);
	bind_text(&b, r->rules->profile);
	bind_text(&b, r->vcs_commit);
	bind_text(&b, r->vcs_branch);
	bind_text(&b, r->vcs_uri);
	bind_int(&b, r->complete != 0);
	bind_int(&b, (long long)ruleset_count_enabled(r->rules));
	bind_int(&b, (long long)r->nfiles);
	bind_int(&b, partial);
	bind_int(&b, failed);
	bind_int(&b, (long long)r->nfindings);
	bind_int(&b, lv[ASP_LEVEL_ERROR]);
	bind_int(&b, lv[ASP_LEVEL_WARNING]);
	bind_int(&b, lv[ASP_LEVEL_NOTE]);
	bind_int(&b, (long long)r->result.nnotices);
	bind_int(&b, suppressed);
	rc = bind_step(&b, "cannot record the run", err);
	if (!rc)
		*run_id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static int insert_file(struct store *s, sqlite3_stmt *st, long long run_id,
		       const struct run_file *f, struct asp_error *err)
{
	struct binder b = bind_start(s, st);

	bind_int(&b, run_id);
	bind_text(&b, f->uri);
	bind_text(&b, f->sha256[0] ? f->sha256 : NULL);
	bind_text(&b, file_status_name(f->status));
	return bind_step(&b, "cannot record a file of the run", err);
}

static int upsert_rule(struct store *s, sqlite3_stmt *st, long long run_id,
		       const struct rule *rule, const char *ruleset_hash, struct asp_error *err)
{
	struct binder b = bind_start(s, st);
	struct sbuf cwe = SBUF_INIT(4096);
	size_t i;
	int rc = ASP_OK;

	for (i = 0; i < rule->cwe.n && !rc; i++)
		rc = sbuf_printf(&cwe, "%s%s", i ? "," : "", rule->cwe.v[i]);
	if (rc) {
		rc = error_set(err, rc, rule->id, 0, 0, "cannot list the rule's CWE IDs");
		goto done;
	}
	bind_text(&b, rule->id);
	bind_text(&b, rule->title);
	bind_text(&b, ruleset_level_name(rule->severity));
	bind_text(&b, rule->category);
	bind_text(&b, sbuf_str(&cwe));
	bind_text(&b, ruleset_hash);
	bind_int(&b, run_id);
	rc = bind_step(&b, "cannot record a rule", err);
done:
	sbuf_free(&cwe);
	return rc;
}

/* Every rule enabled in the run goes into rules and run_rules (so a later
   full run can tell "fixed" from "no longer checked"); a finding's rule that
   is not enabled, which the checkers should never produce, still gets its
   rules row so the finding can refer to it. */
static int record_rules(struct store *s, sqlite3_stmt *const *st, long long run_id,
			const struct run *r, struct asp_error *err)
{
	const struct ruleset *rs = r->rules;
	size_t i;
	int rc = ASP_OK;

	for (i = 0; i < rs->n && !rc; i++) {
		const struct rule *rule = &rs->rules[i];
		struct binder b = bind_start(s, st[ST_RUN_RULE]);

		if (!rule->enabled)
			continue;
		rc = upsert_rule(s, st[ST_RULE], run_id, rule, rs->hash, err);
		bind_int(&b, run_id);
		bind_text(&b, rule->id);
		bind_text(&b, ruleset_level_name(rule->level));
		if (!rc)
			rc = bind_step(&b, "cannot record a rule of the run", err);
	}
	for (i = 0; i < r->nfindings && !rc; i++)
		if (!r->findings[i].rule->enabled)
			rc = upsert_rule(s, st[ST_RULE], run_id, r->findings[i].rule,
					 rs->hash, err);
	return rc;
}

/* Finds the finding's ID by fingerprint (0 when new) and the last run that
   saw it. */
static int find_finding(struct store *s, sqlite3_stmt *st, const char *fingerprint,
			long long *id, long long *last_run, char state[16], struct asp_error *err)
{
	struct binder b = bind_start(s, st);
	int rc, step;

	*id = *last_run = 0;
	state[0] = '\0';
	bind_text(&b, fingerprint);
	rc = bind_check(&b, "cannot look up a finding", err);
	if (rc)
		return rc;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 2);

		*id = sqlite3_column_int64(st, 0);
		*last_run = sqlite3_column_int64(st, 1);
		snprintf(state, 16, "%s", t ? (const char *)t : "");
	} else if (step != SQLITE_DONE) {
		rc = store_fail(s, "cannot look up a finding", err);
	}
	if (sqlite3_reset(st) != SQLITE_OK && !rc)
		rc = store_fail(s, "cannot look up a finding", err);
	return rc;
}

static int record_finding(struct store *s, sqlite3_stmt *const *st, struct run *r,
			  struct run_finding *rf, struct asp_error *err)
{
	const struct asp_finding *f = rf->f;
	long long run_id = r->id;
	struct binder b;
	long long id = 0, last_run = 0;
	char state[16];
	size_t k;
	int rc;

	rc = find_finding(s, st[ST_FIND], rf->fingerprint, &id, &last_run, state, err);
	if (rc)
		return rc;
	if (id && last_run == run_id)
		return error_set(err, ASP_ERR, rf->uri, (int)f->line, (int)f->column,
				 "two %s findings of this run share the fingerprint %s",
				 rf->rule->id, rf->fingerprint);
	if (id) {
		b = bind_start(s, st[ST_SEEN]);
		bind_int(&b, run_id);
		bind_int(&b, id);
		rc = bind_step(&b, "cannot update a finding", err);
		if (!rc && strcmp(state, "fixed") == 0) {
			struct store_audit_entry e;
			char why[128];

			snprintf(why, sizeof why, "found again in run %lld", run_id);
			memset(&e, 0, sizeof e);
			e.author = "asepsis";
			e.action = "state";
			e.finding_id = id;
			e.run_id = run_id;
			e.old_state = "fixed";
			e.new_state = "open";
			e.justification = why;
			rc = store_audit_append(s, &e, NULL, err);
			r->nreopened++;
		}
	} else {
		b = bind_start(s, st[ST_ADD]);
		bind_text(&b, rf->fingerprint);
		bind_text(&b, rf->rule->id);
		bind_text(&b, rf->uri);
		bind_text(&b, f->function);
		bind_int(&b, run_id);
		rc = bind_step(&b, "cannot record a new finding", err);
		if (!rc)
			id = sqlite3_last_insert_rowid(s->db);
		r->nnew++;
	}
	if (rc)
		return rc;

	b = bind_start(s, st[ST_OCC]);
	bind_int(&b, run_id);
	bind_int(&b, id);
	bind_int(&b, f->line);
	bind_int(&b, f->column);
	bind_int(&b, f->end_line);
	bind_int(&b, f->end_column);
	bind_text(&b, f->message);
	bind_text(&b, ruleset_level_name(rf->level));
	bind_text(&b, f->snippet);
	bind_text(&b, rf->line_hash[0] ? rf->line_hash : NULL);
	bind_text(&b, f->suppression);
	bind_text(&b, rf->soup_component);
	rc = bind_step(&b, "cannot record a finding's occurrence", err);
	for (k = 0; !rc && k < f->nsteps; k++) {
		const struct asp_step *sp = &f->steps[k];
		char *uri = discover_relpath(r->root, sp->path);

		b = bind_start(s, st[ST_STEP]);
		bind_int(&b, run_id);
		bind_int(&b, id);
		bind_int(&b, (long long)k + 1);
		bind_text(&b, uri ? uri : sp->path);
		bind_int(&b, sp->line);
		bind_int(&b, sp->column);
		bind_text(&b, analyze_step_kind_name(sp->kind));
		bind_text(&b, sp->message);
		rc = bind_step(&b, "cannot record a finding's path", err);
		free(uri);
	}
	if (rc)
		return rc;
	rf->trace_num = id;
	snprintf(rf->trace_id, sizeof rf->trace_id, "ASF-%lld", id);
	return ASP_OK;
}

/* Open findings this run should have seen and did not become fixed, each
   with an audit entry saying why. */
static int mark_fixed(struct store *s, sqlite3_stmt *const *st, struct run *r,
		      struct asp_error *err)
{
	struct binder b = bind_start(s, st[ST_GONE]);
	long long *ids = NULL;
	size_t n = 0, cap = 0, i;
	int rc, step = SQLITE_DONE;
	char why[256];

	bind_int(&b, r->id);
	rc = bind_check(&b, "cannot find the fixed findings", err);
	while (!rc && (step = sqlite3_step(st[ST_GONE])) == SQLITE_ROW) {
		if (n == cap) {
			long long *p = realloc(ids, (cap ? cap * 2 : 64) * sizeof *p);

			if (!p) {
				rc = error_set(err, ASP_ENOMEM, s->path, 0, 0, "out of memory");
				break;
			}
			ids = p;
			cap = cap ? cap * 2 : 64;
		}
		ids[n++] = sqlite3_column_int64(st[ST_GONE], 0);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, "cannot find the fixed findings", err);
	if (sqlite3_reset(st[ST_GONE]) != SQLITE_OK && !rc)
		rc = store_fail(s, "cannot find the fixed findings", err);
	snprintf(why, sizeof why, "not found in run %lld, which analysed its file with full "
		 "coverage and had its rule enabled", r->id);
	for (i = 0; i < n && !rc; i++) {
		struct store_audit_entry e;

		b = bind_start(s, st[ST_FIX]);
		bind_int(&b, r->id);
		bind_int(&b, ids[i]);
		rc = bind_step(&b, "cannot mark a finding fixed", err);
		memset(&e, 0, sizeof e);
		e.author = "asepsis";
		e.action = "state";
		e.finding_id = ids[i];
		e.run_id = r->id;
		e.old_state = "open";
		e.new_state = "fixed";
		e.justification = why;
		if (!rc)
			rc = store_audit_append(s, &e, NULL, err);
	}
	r->nfixed = (long long)n;
	free(ids);
	return rc;
}

/* Copies the column as a new string into *out (NULL for NULL). */
static int column_dup(sqlite3_stmt *st, int i, char **out)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	*out = NULL;
	if (!t)
		return ASP_OK;
	*out = strdup((const char *)t);
	return *out ? ASP_OK : ASP_ENOMEM;
}

/* State, last justification and links of a finding of the run, for the
   writers (SARIF properties, the gate). */
static int annotate(struct store *s, sqlite3_stmt *const *st, struct run_finding *rf,
		    struct asp_error *err)
{
	struct binder b = bind_start(s, st[ST_FIND]);
	int rc, step;

	bind_text(&b, rf->fingerprint);
	rc = bind_check(&b, "cannot read a finding's state", err);
	if (!rc && (step = sqlite3_step(st[ST_FIND])) == SQLITE_ROW)
		snprintf(rf->state, sizeof rf->state, "%s",
			 (const char *)sqlite3_column_text(st[ST_FIND], 2));
	else if (!rc)
		rc = store_fail(s, "cannot read a finding's state", err);
	sqlite3_reset(st[ST_FIND]);

	b = bind_start(s, st[ST_LAST]);
	bind_int(&b, rf->trace_num);
	if (!rc)
		rc = bind_check(&b, "cannot read the audit log", err);
	if (!rc) {
		step = sqlite3_step(st[ST_LAST]);
		if (step == SQLITE_ROW)
			rc = column_dup(st[ST_LAST], 0, &rf->justification);
		else if (step != SQLITE_DONE)
			rc = store_fail(s, "cannot read the audit log", err);
		sqlite3_reset(st[ST_LAST]);
	}

	b = bind_start(s, st[ST_LINKS]);
	bind_int(&b, rf->trace_num);
	if (!rc)
		rc = bind_check(&b, "cannot read a finding's links", err);
	while (!rc && (step = sqlite3_step(st[ST_LINKS])) == SQLITE_ROW) {
		struct run_link *l = realloc(rf->links, (rf->nlinks + 1) * sizeof *l);

		if (!l) {
			rc = ASP_ENOMEM;
			break;
		}
		rf->links = l;
		l = &rf->links[rf->nlinks++];
		l->kind = l->ref = NULL;
		rc = column_dup(st[ST_LINKS], 0, &l->kind);
		if (!rc)
			rc = column_dup(st[ST_LINKS], 1, &l->ref);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, "cannot read a finding's links", err);
	sqlite3_reset(st[ST_LINKS]);
	if (rc == ASP_ENOMEM)
		error_set(err, rc, s->path, 0, 0, "out of memory");
	return rc;
}

static int finish_run(struct store *s, sqlite3_stmt *const *st, struct run *r,
		      struct asp_error *err)
{
	struct binder b = bind_start(s, st[ST_COUNTS]);
	long long seq = 0;
	char head[65];
	int rc = store_audit_head(s, &seq, head, err);

	bind_int(&b, r->id);
	bind_int(&b, r->nnew);
	bind_int(&b, r->nfixed);
	bind_int(&b, r->nreopened);
	bind_int(&b, seq);
	bind_text(&b, seq ? head : NULL);
	if (!rc)
		rc = bind_step(&b, "cannot record the run's counts", err);
	return rc;
}

int store_record_run(struct store *s, struct run *r, struct asp_error *err)
{
	sqlite3_stmt *st[ST__COUNT];
	long long run_id = 0;
	size_t i;
	int rc;

	memset(st, 0, sizeof st);
	clear_ids(r);
	rc = check_run(s, r, err);
	if (rc)
		goto done;
	rc = store_exec(s, "BEGIN IMMEDIATE", "cannot lock the database for the run", err);
	if (rc)
		goto done;
	for (i = 0; i < ST__COUNT && !rc; i++)
		if (sqlite3_prepare_v3(s->db, record_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
				       &st[i], NULL) != SQLITE_OK)
			rc = store_fail(s, "cannot prepare the run's statements", err);
	if (!rc)
		rc = insert_run(s, st[ST_RUN], r, &run_id, err);
	r->id = run_id;
	for (i = 0; i < r->nfiles && !rc; i++)
		rc = insert_file(s, st[ST_FILE], run_id, &r->files[i], err);
	if (!rc)
		rc = record_rules(s, st, run_id, r, err);
	for (i = 0; i < r->nfindings && !rc; i++)
		rc = record_finding(s, st, r, &r->findings[i], err);
	if (!rc)
		rc = mark_fixed(s, st, r, err);
	if (!rc)
		rc = finish_run(s, st, r, err);
	for (i = 0; i < r->nfindings && !rc; i++)
		rc = annotate(s, st, &r->findings[i], err);
	/* the last moment a SIGINT can still undo the run */
	if (!rc && s->cancel && *s->cancel)
		rc = error_set(err, ASP_EINTR, s->path, 0, 0,
			       "interrupted; the run was rolled back and nothing was stored");
	if (!rc)
		rc = store_exec(s, "COMMIT", "cannot commit the run", err);
done:
	/* finalize only repeats a step's error, already reported */
	for (i = 0; i < ST__COUNT; i++)
		sqlite3_finalize(st[i]);
	if (rc) {
		if (!sqlite3_get_autocommit(s->db))
			store_exec(s, "ROLLBACK", "cannot roll back the run", err);
		clear_ids(r);
	}
	return rc;
}
