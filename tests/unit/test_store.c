/*
 * The findings store: schema creation, ASF-n assignment and stability,
 * refusal of files that are not ours or too new, and rollback of a run that
 * fails half-way. Runs are built by hand; the database is inspected through
 * its own SQLite connection, as an auditor with sqlite3 would.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"
#include "store.h"

#define MAX_FAKE 8

struct fixture {
	char dir[64];
	char db[128];
};

/* A run built from static data: two rules, up to MAX_FAKE findings. */
struct fake {
	char *cwe[2];
	struct rule rules[2];
	struct ruleset rs;
	struct asp_finding f[MAX_FAKE];
	struct run_finding rf[MAX_FAKE];
	char uri[MAX_FAKE][64];
	struct run_file files[2];
	struct run r;
};

/* ---- helpers ------------------------------------------------------------ */

static void remove_tree(const char *path)
{
	struct stat sb;
	DIR *d;
	struct dirent *e;
	char child[512];

	if (lstat(path, &sb) != 0)
		return;
	if (!S_ISDIR(sb.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(child, sizeof child, "%s/%s", path, e->d_name);
		remove_tree(child);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/asepsis-store-XXXXXX");
	if (!mkdtemp(fx->dir)) {
		free(fx);
		return -1;
	}
	snprintf(fx->db, sizeof fx->db, "%s/asepsis.db", fx->dir);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	remove_tree(fx->dir);
	free(fx);
	return 0;
}

static void fake_init(struct fake *fk)
{
	memset(fk, 0, sizeof *fk);
	fk->cwe[0] = "CWE-478";
	fk->cwe[1] = "CWE-120";
	fk->rules[0].id = "MDS-CTL-001";
	fk->rules[0].title = "switch statement without a default label";
	fk->rules[0].category = "control-flow";
	fk->rules[0].severity = ASP_LEVEL_NOTE;
	fk->rules[0].level = ASP_LEVEL_NOTE;
	fk->rules[0].enabled = 1;
	fk->rules[0].cwe.v = &fk->cwe[0];
	fk->rules[0].cwe.n = 1;
	fk->rules[1].id = "MDS-MEM-003";
	fk->rules[1].title = "unbounded copy into a fixed buffer";
	fk->rules[1].category = "memory";
	fk->rules[1].severity = ASP_LEVEL_ERROR;
	fk->rules[1].level = ASP_LEVEL_ERROR;
	fk->rules[1].enabled = 1;
	fk->rules[1].cwe.v = &fk->cwe[0];
	fk->rules[1].cwe.n = 2;
	fk->rs.rules = fk->rules;
	fk->rs.n = 2;
	snprintf(fk->rs.hash, sizeof fk->rs.hash, "%064d", 7);
	fk->rs.profile = "all";

	fk->files[0].uri = "src/main.c";
	fk->files[0].path = "/project/src/main.c";
	snprintf(fk->files[0].sha256, sizeof fk->files[0].sha256, "%064x", 0xabcu);
	fk->files[0].status = RUN_FILE_ANALYSED;
	fk->files[1].uri = "src/dose.c";
	fk->files[1].path = "/project/src/dose.c";
	fk->files[1].status = RUN_FILE_PARTIAL;

	snprintf(fk->r.started, sizeof fk->r.started, "2026-01-02T03:04:05Z");
	snprintf(fk->r.finished, sizeof fk->r.finished, "2026-01-02T03:04:09Z");
	fk->r.root = "/project";
	fk->r.command_line = "check -p build";
	fk->r.tool_version = "0.1.0";
	fk->r.frontend_version = "clang 19";
	fk->r.vcs_commit = "0123456789abcdef0123456789abcdef01234567";
	fk->r.rules = &fk->rs;
	fk->r.files = fk->files;
	fk->r.nfiles = 2;
	fk->r.findings = fk->rf;
	fk->r.complete = 1;
}

/* Adds a finding whose fingerprint is the number seed in 64 hex digits. */
static struct run_finding *fake_add(struct fake *fk, unsigned seed, const char *uri,
				    unsigned line, int rule)
{
	size_t i = fk->r.nfindings++;
	struct asp_finding *f = &fk->f[i];
	struct run_finding *rf = &fk->rf[i];

	assert_true(i < MAX_FAKE);
	f->rule_id = fk->rules[rule].id;
	f->path = "/project/src/main.c";
	f->line = line;
	f->column = 5;
	f->end_line = line + 2;
	f->end_column = 6;
	f->message = "a message";
	f->function = seed % 2 ? "handle_alarm" : NULL;
	f->snippet = "    switch (alarm) {";
	snprintf(fk->uri[i], sizeof fk->uri[i], "%s", uri);
	rf->f = f;
	rf->rule = &fk->rules[rule];
	rf->uri = fk->uri[i];
	rf->level = fk->rules[rule].level;
	snprintf(rf->fingerprint, sizeof rf->fingerprint, "%064x", seed);
	snprintf(rf->line_hash, sizeof rf->line_hash, "%x:1", seed);
	return rf;
}

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	return db;
}

static long long raw_int(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *st = NULL;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* First column of the first row as text, into out. */
static void raw_text(const char *path, const char *sql, char *out, size_t size)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *st = NULL;
	const unsigned char *t;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	t = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", t ? (const char *)t : "(null)");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);

	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static int exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* Records the fake run in a fresh connection, as one `asepsis check` would;
   the caller frees the state, justification and links it reads back with
   run_free_annotations. */
static int record_keep(const char *db, struct fake *fk, struct asp_error *err)
{
	struct store *s = NULL;
	int rc;

	error_clear(err);
	rc = store_open(&s, db, err);
	if (rc == ASP_OK)
		rc = store_record_run(s, &fk->r, err);
	store_close(s);
	return rc;
}

static int record(const char *db, struct fake *fk, struct asp_error *err)
{
	int rc = record_keep(db, fk, err);

	run_free_annotations(&fk->r);
	return rc;
}

/* Asserts that opening path fails with ASP_EDB naming it, that the message
   has `expect`, and that the file is byte-identical afterwards. */
static void assert_refused(const char *path, const char *expect)
{
	struct store *s = NULL;
	struct asp_error err;
	char wal[160], shm[160];
	size_t n0, n1;
	char *before = slurp(path, &n0), *after;

	error_clear(&err);
	assert_int_equal(store_open(&s, path, &err), ASP_EDB);
	assert_null(s);
	assert_int_equal(err.code, ASP_EDB);
	assert_string_equal(err.input, path);
	if (!strstr(err.message, expect))
		fail_msg("message '%s' lacks '%s'", err.message, expect);
	after = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	assert_false(exists(wal));
	assert_false(exists(shm));
	free(before);
	free(after);
}

/* ---- tests -------------------------------------------------------------- */

static void test_fresh_database(void **state)
{
	struct fixture *fx = *state;
	struct store *s = NULL;
	struct asp_error err;
	char mode[16];

	error_clear(&err);
	assert_int_equal(store_schema_version(), 4);
	assert_int_equal(store_open(&s, fx->db, &err), ASP_OK);
	assert_non_null(s);
	store_close(s);

	assert_int_equal(raw_int(fx->db, "PRAGMA user_version"), 4);
	assert_int_equal(raw_int(fx->db, "PRAGMA application_id"), 0x41535053);
	raw_text(fx->db, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
				 " AND name IN ('meta', 'runs', 'files', 'rules', 'run_rules',"
				 " 'findings', 'occurrences', 'audit_log', 'links', 'occurrence_steps')"), 10);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM meta"
				 " WHERE key = 'created_schema_version' AND value = '4'"), 1);

	/* a second open finds it current and changes nothing */
	assert_int_equal(store_open(&s, fx->db, &err), ASP_OK);
	store_close(s);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM meta"), 3);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM runs"), 0);
}

static void test_folder_created(void **state)
{
	struct fixture *fx = *state;
	struct store *s = NULL;
	struct asp_error err;
	char path[320], dir[256];
	struct stat sb;
	mode_t mask = umask(022);
	FILE *f;

	snprintf(dir, sizeof dir, "%s/a/b/.asepsis", fx->dir);
	snprintf(path, sizeof path, "%s/asepsis.db", dir);
	error_clear(&err);
	assert_int_equal(store_open(&s, path, &err), ASP_OK);
	umask(mask);
	store_close(s);
	assert_int_equal(stat(dir, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0755);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 4);

	/* a file where a folder should be is an I/O error naming it */
	snprintf(path, sizeof path, "%s/plain", fx->dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(path, sizeof path, "%s/plain/sub/asepsis.db", fx->dir);
	error_clear(&err);
	assert_int_equal(store_open(&s, path, &err), ASP_EIO);
	assert_null(s);
	assert_non_null(strstr(err.input, "/plain"));
}

static void test_ids_assigned(void **state)
{
	struct fixture *fx = *state;
	struct fake fk;
	struct asp_error err;
	char text[256];
	struct asp_step steps[2] = {
		{ "/project/src/main.c", 4, 2, 1, "'p' is NULL here" },
		{ "/project/src/dose.c", 8, 3, 2, "taking the false branch" },
	};

	fake_init(&fk);
	fake_add(&fk, 11, "src/main.c", 10, 0);
	fake_add(&fk, 12, "src/main.c", 20, 1);
	fake_add(&fk, 13, "src/dose.c", 30, 1);
	fk.f[1].steps = steps;
	fk.f[1].nsteps = 2;
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);

	/* the path of a finding is kept per occurrence, root-relative, in order */
	raw_text(fx->db, "SELECT group_concat(seq || ' ' || uri || ':' || line || ':' || column"
		 " || ' ' || kind || ' ' || message, '|') FROM (SELECT * FROM occurrence_steps"
		 " WHERE run_id = 1 AND finding_id = 2 ORDER BY seq)", text, sizeof text);
	assert_string_equal(text, "1 src/main.c:4:2 source 'p' is NULL here|"
			    "2 src/dose.c:8:3 branch taking the false branch");
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM occurrence_steps"), 2);

	assert_int_equal(fk.r.id, 1);
	assert_string_equal(fk.rf[0].trace_id, "ASF-1");
	assert_string_equal(fk.rf[1].trace_id, "ASF-2");
	assert_string_equal(fk.rf[2].trace_id, "ASF-3");
	assert_int_equal(fk.rf[2].trace_num, 3);

	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings"), 3);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM occurrences WHERE run_id = 1"), 3);
	assert_int_equal(raw_int(fx->db, "SELECT findings_total * 100 + findings_error * 10"
				 " + findings_note FROM runs WHERE id = 1"), 321);
	assert_int_equal(raw_int(fx->db, "SELECT files_total * 10 + files_partial FROM runs"), 21);
	assert_int_equal(raw_int(fx->db, "SELECT rules_enabled FROM runs"), 2);
	raw_text(fx->db, "SELECT started_at || ' ' || ruleset_hash FROM runs", text, sizeof text);
	assert_string_equal(text, "2026-01-02T03:04:05Z "
			    "0000000000000000000000000000000000000000000000000000000000000007");
	raw_text(fx->db, "SELECT status FROM files WHERE uri = 'src/dose.c'", text, sizeof text);
	assert_string_equal(text, "partial");
	raw_text(fx->db, "SELECT sha256 FROM files WHERE uri = 'src/dose.c'", text, sizeof text);
	assert_string_equal(text, "(null)");
	raw_text(fx->db, "SELECT cwe FROM rules WHERE id = 'MDS-MEM-003'", text, sizeof text);
	assert_string_equal(text, "CWE-478,CWE-120");
	raw_text(fx->db, "SELECT group_concat(rule_id || '=' || level, ' ') FROM"
		 " (SELECT * FROM run_rules ORDER BY rule_id)", text, sizeof text);
	assert_string_equal(text, "MDS-CTL-001=note MDS-MEM-003=error");
	raw_text(fx->db, "SELECT uri || ':' || line || ':' || column || ' ' || function"
		 " FROM occurrences JOIN findings ON findings.id = finding_id WHERE finding_id = 1",
		 text, sizeof text);
	assert_string_equal(text, "src/main.c:10:5 handle_alarm");
	raw_text(fx->db, "SELECT state FROM findings WHERE id = 2", text, sizeof text);
	assert_string_equal(text, "open");
}

static void test_ids_stable(void **state)
{
	struct fixture *fx = *state;
	struct fake fk;
	struct asp_error err;
	char text[64];

	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);   /* A */
	fake_add(&fk, 2, "src/main.c", 20, 0);   /* B */
	fake_add(&fk, 3, "src/main.c", 30, 1);   /* C */
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);

	/* run 2: C and A again (moved, in another order), D new; B is gone */
	fake_init(&fk);
	fake_add(&fk, 3, "src/main.c", 31, 1);
	fake_add(&fk, 1, "src/main.c", 11, 0);
	fake_add(&fk, 4, "src/main.c", 40, 0);
	fk.rules[0].title = "switch without default (renamed)";
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_int_equal(fk.r.id, 2);
	assert_string_equal(fk.rf[0].trace_id, "ASF-3");
	assert_string_equal(fk.rf[1].trace_id, "ASF-1");
	assert_string_equal(fk.rf[2].trace_id, "ASF-4");
	raw_text(fx->db, "SELECT title FROM rules WHERE id = 'MDS-CTL-001'", text, sizeof text);
	assert_string_equal(text, "switch without default (renamed)");
	assert_int_equal(raw_int(fx->db, "SELECT first_run * 10 + last_run FROM findings"
				 " WHERE id = 1"), 12);
	assert_int_equal(raw_int(fx->db, "SELECT first_run * 10 + last_run FROM findings"
				 " WHERE id = 2"), 11);
	assert_int_equal(raw_int(fx->db, "SELECT line FROM occurrences"
				 " WHERE finding_id = 3 AND run_id = 2"), 31);

	/* run 3: B comes back with its old ID and reopens; E is new */
	raw_exec(fx->db, "UPDATE findings SET state = 'fixed' WHERE id = 2;"
		 "UPDATE findings SET state = 'accepted-risk' WHERE id = 1;");
	fake_init(&fk);
	fake_add(&fk, 2, "src/main.c", 20, 0);
	fake_add(&fk, 5, "src/main.c", 50, 1);
	fake_add(&fk, 1, "src/main.c", 11, 0);
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_string_equal(fk.rf[0].trace_id, "ASF-2");
	assert_string_equal(fk.rf[1].trace_id, "ASF-5");
	assert_string_equal(fk.rf[2].trace_id, "ASF-1");
	raw_text(fx->db, "SELECT state FROM findings WHERE id = 2", text, sizeof text);
	assert_string_equal(text, "open");
	raw_text(fx->db, "SELECT state FROM findings WHERE id = 1", text, sizeof text);
	assert_string_equal(text, "accepted-risk");

	/* even a deleted row's number is never handed out again */
	raw_exec(fx->db, "DELETE FROM occurrences WHERE finding_id = 5;"
		 "DELETE FROM findings WHERE id = 5;");
	fake_init(&fk);
	fake_add(&fk, 6, "src/dose.c", 60, 1);
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_string_equal(fk.rf[0].trace_id, "ASF-6");
	assert_int_equal(fk.r.id, 4);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM runs"), 4);
}

static void test_not_sqlite(void **state)
{
	struct fixture *fx = *state;
	char garbage[8192];
	size_t i;
	FILE *f;

	for (i = 0; i < sizeof garbage; i++)
		garbage[i] = (char)(i * 7 + 3);
	memcpy(garbage, "not a database, just text\n", 26);
	f = fopen(fx->db, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(garbage, 1, sizeof garbage, f), sizeof garbage);
	fclose(f);
	assert_refused(fx->db, "not a SQLite database");
}

static void test_other_sqlite(void **state)
{
	struct fixture *fx = *state;

	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE patients (name TEXT);"
				      "INSERT INTO patients VALUES ('x');",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_refused(fx->db, "another program");
}

static void test_newer_schema(void **state)
{
	struct fixture *fx = *state;
	struct store *s = NULL;
	struct asp_error err;

	error_clear(&err);
	assert_int_equal(store_open(&s, fx->db, &err), ASP_OK);
	store_close(s);
	/* a checkpointed file without -wal, so byte comparison means something */
	raw_exec(fx->db, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
	assert_refused(fx->db, "written by a newer asepsis (schema 99); this one reads up to 4");

	/* ours, but without a version: refused as well */
	raw_exec(fx->db, "PRAGMA user_version = 0");
	assert_refused(fx->db, "without a schema version");
}

static void test_failed_run_rolls_back(void **state)
{
	struct fixture *fx = *state;
	struct fake fk;
	struct asp_error err;
	char text[32];
	size_t i;

	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 2, "src/main.c", 20, 1);
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);

	/* the third finding of run 2 hits a real SQLite error mid-transaction */
	raw_exec(fx->db, "CREATE TRIGGER poison BEFORE INSERT ON findings"
		 " WHEN NEW.uri = 'src/poison.c'"
		 " BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 3, "src/main.c", 30, 0);
	fake_add(&fk, 4, "src/poison.c", 40, 1);
	fake_add(&fk, 5, "src/main.c", 50, 1);
	assert_int_equal(record(fx->db, &fk, &err), ASP_EDB);
	assert_string_equal(err.input, fx->db);
	assert_non_null(strstr(err.message, "injected failure"));
	assert_int_equal(fk.r.id, 0);
	for (i = 0; i < fk.r.nfindings; i++) {
		assert_string_equal(fk.rf[i].trace_id, "");
		assert_int_equal(fk.rf[i].trace_num, 0);
	}

	raw_text(fx->db, "PRAGMA integrity_check", text, sizeof text);
	assert_string_equal(text, "ok");
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM runs"), 1);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM files"), 2);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM run_rules"), 2);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings"), 2);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM occurrences"), 2);
	assert_int_equal(raw_int(fx->db, "SELECT max(last_run) FROM findings"), 1);

	/* once the cause is gone the same run records, without a gap in IDs */
	raw_exec(fx->db, "DROP TRIGGER poison");
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_int_equal(fk.r.id, 2);
	assert_string_equal(fk.rf[0].trace_id, "ASF-1");
	assert_string_equal(fk.rf[1].trace_id, "ASF-3");
	assert_string_equal(fk.rf[2].trace_id, "ASF-4");
	assert_string_equal(fk.rf[3].trace_id, "ASF-5");
}

static void test_bad_findings_refused(void **state)
{
	struct fixture *fx = *state;
	struct fake fk;
	struct asp_error err;

	/* no fingerprint: refused before anything is written */
	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 2, "src/main.c", 20, 0)->fingerprint[0] = '\0';
	assert_int_equal(record(fx->db, &fk, &err), ASP_ERR);
	assert_non_null(strstr(err.message, "without a fingerprint"));
	assert_string_equal(err.input, "src/main.c");
	assert_int_equal(err.line, 20);
	assert_string_equal(fk.rf[0].trace_id, "");

	/* two findings of one run with one fingerprint would share an ID */
	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 1, "src/main.c", 20, 0);
	assert_int_equal(record(fx->db, &fk, &err), ASP_ERR);
	assert_non_null(strstr(err.message, "share the fingerprint"));
	assert_int_equal(fk.r.id, 0);

	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM runs"), 0);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings"), 0);
}

static void test_corrupt_database(void **state)
{
	struct fixture *fx = *state;
	struct fake fk;
	struct asp_error err;
	char junk[4096];
	struct stat sb;
	off_t len;
	FILE *f;
	int rc;

	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	raw_exec(fx->db, "PRAGMA journal_mode = DELETE");
	assert_int_equal(stat(fx->db, &sb), 0);
	len = sb.st_size;
	assert_true(len > 2 * (off_t)sizeof junk);

	/* keep the header page, wreck every page after it */
	memset(junk, 0x5a, sizeof junk);
	f = fopen(fx->db, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)sizeof junk, SEEK_SET), 0);
	for (; len > (off_t)sizeof junk; len -= (off_t)sizeof junk)
		assert_int_equal(fwrite(junk, 1, sizeof junk, f), sizeof junk);
	fclose(f);

	fake_init(&fk);
	fake_add(&fk, 2, "src/main.c", 20, 0);
	rc = record(fx->db, &fk, &err);
	assert_int_equal(rc, ASP_EDB);
	assert_string_equal(err.input, fx->db);
	if (!strstr(err.message, "corrupt") && !strstr(err.message, "malformed"))
		fail_msg("message '%s' does not say the file is corrupt", err.message);
	assert_int_equal(fk.r.id, 0);
}


/* Opens the store, verifies the audit log, and returns whether it held;
   the finding of a break goes to what. */
static int verify(const char *db, char *what, size_t size, long long *bad)
{
	struct store *s = NULL;
	struct store_verify v;
	struct asp_error err;

	error_clear(&err);
	assert_int_equal(store_open_existing(&s, db, &err), ASP_OK);
	assert_int_equal(store_audit_verify(s, &v, &err), ASP_OK);
	store_close(s);
	if (what)
		snprintf(what, size, "%s", v.what);
	if (bad)
		*bad = v.bad_seq;
	return v.ok;
}

static void test_history(void **state)
{
	struct fixture *fx = *state;
	struct fake fk;
	struct asp_error err;
	char text[256];

	/* run 1: A and B in main.c (analysed), C in dose.c (partial), D under rule 1 */
	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 2, "src/main.c", 20, 0);
	fake_add(&fk, 3, "src/dose.c", 30, 0);
	fake_add(&fk, 4, "src/main.c", 40, 1);
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_int_equal(fk.r.nnew, 4);

	/* run 2 sees only A, and has rule 1 off: B is fixed; C (file not fully
	   analysed) and D (rule not enabled) stay open */
	fake_init(&fk);
	fk.rules[1].enabled = 0;
	fake_add(&fk, 1, "src/main.c", 10, 0);
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_int_equal(fk.r.nnew, 0);
	assert_int_equal(fk.r.nfixed, 1);
	raw_text(fx->db, "SELECT group_concat(id || '=' || state || '@' || coalesce(fixed_run, 0),"
		 " ' ') FROM (SELECT * FROM findings ORDER BY id)", text, sizeof text);
	assert_string_equal(text, "1=open@0 2=fixed@2 3=open@0 4=open@0");
	assert_int_equal(raw_int(fx->db, "SELECT findings_fixed * 10 + findings_new FROM runs"
				 " WHERE id = 2"), 10);

	/* a file outside the run's scope proves nothing either */
	fake_init(&fk);
	fk.r.nfiles = 1;
	fk.files[0].uri = "src/other.c";
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_int_equal(fk.r.nfixed, 0);

	/* run 4: B is back under its old ID, reopened; the history says so */
	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 2, "src/main.c", 22, 0);
	assert_int_equal(record_keep(fx->db, &fk, &err), ASP_OK);
	assert_string_equal(fk.rf[1].trace_id, "ASF-2");
	assert_string_equal(fk.rf[1].state, "open");
	assert_string_equal(fk.rf[1].justification, "found again in run 4");
	assert_int_equal(fk.r.nreopened, 1);
	raw_text(fx->db, "SELECT group_concat(old_state || '>' || new_state || ' run ' || run_id,"
		 "', ') FROM (SELECT * FROM audit_log WHERE finding_id = 2 ORDER BY seq)",
		 text, sizeof text);
	assert_string_equal(text, "open>fixed run 2, fixed>open run 4");
	assert_int_equal(raw_int(fx->db, "SELECT findings_reopened FROM runs WHERE id = 4"), 1);
	/* with rule 1 on again and main.c analysed, D is now fixed */
	assert_int_equal(fk.r.nfixed, 1);
	raw_text(fx->db, "SELECT state || ' ' || fixed_run FROM findings WHERE id = 4", text,
		 sizeof text);
	assert_string_equal(text, "fixed 4");
	assert_int_equal(raw_int(fx->db, "SELECT audit_seq FROM runs WHERE id = 4"), 3);
	assert_true(verify(fx->db, NULL, 0, NULL));
	run_free_annotations(&fk.r);
}

/* A store with three findings, a triage, a link and a reopen: five entries. */
static void triaged_store(const char *db)
{
	struct fake fk;
	struct asp_error err;
	struct store *s = NULL;
	char old[32];
	int added = 0;

	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 2, "src/main.c", 20, 0);
	fake_add(&fk, 3, "src/main.c", 30, 1);
	assert_int_equal(record(db, &fk, &err), ASP_OK);
	assert_int_equal(store_open_existing(&s, db, &err), ASP_OK);
	assert_int_equal(store_triage(s, 1, "accepted-risk", "guarded by the watchdog (RC-12)",
				      "Ada <ada@example.org>", old, &err), ASP_OK);
	assert_string_equal(old, "open");
	assert_int_equal(store_link(s, 1, "risk-control", "RC-12", "Ada", &added, &err), ASP_OK);
	assert_int_equal(added, 1);
	assert_int_equal(store_link(s, 1, "risk-control", "RC-12", "Ada", &added, &err), ASP_OK);
	assert_int_equal(added, 0);
	assert_int_equal(store_triage(s, 2, "false-positive", "the value is masked to 0..3",
				      "Ada", old, &err), ASP_OK);
	assert_int_equal(store_triage(s, 2, "open", NULL, "Bob", old, &err), ASP_OK);
	assert_string_equal(old, "false-positive");
	store_close(s);
}

static void test_triage(void **state)
{
	struct fixture *fx = *state;
	struct store *s = NULL;
	struct asp_error err;
	struct fake fk;
	char old[32], text[256];

	triaged_store(fx->db);
	raw_text(fx->db, "SELECT group_concat(seq || ':' || action || ':' || author, ' ')"
		 " FROM (SELECT * FROM audit_log ORDER BY seq)", text, sizeof text);
	assert_string_equal(text, "1:state:Ada <ada@example.org> 2:link:Ada 3:state:Ada 4:state:Bob");
	assert_true(verify(fx->db, NULL, 0, NULL));

	/* bad input changes nothing and says why */
	error_clear(&err);
	assert_int_equal(store_open_existing(&s, fx->db, &err), ASP_OK);
	assert_int_equal(store_triage(s, 99, "deferred", "later", "Ada", old, &err), ASP_ENOTFOUND);
	assert_string_equal(err.input, "ASF-99");
	error_clear(&err);
	assert_int_equal(store_triage(s, 3, "fixed", "it is", "Ada", old, &err), ASP_EUSAGE);
	error_clear(&err);
	assert_int_equal(store_triage(s, 3, "deferred", "  ", "Ada", old, &err), ASP_EUSAGE);
	assert_non_null(strstr(err.message, "justification is required"));
	error_clear(&err);
	{
		int added = 1;

		assert_int_equal(store_link(s, 3, "wish", "X-1", "Ada", &added, &err), ASP_EUSAGE);
		assert_int_equal(added, 0);
	}
	store_close(s);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM audit_log"), 4);

	/* a dispositioned finding stays so across runs, and carries its why */
	fake_init(&fk);
	fake_add(&fk, 1, "src/main.c", 10, 0);
	fake_add(&fk, 2, "src/main.c", 20, 0);
	fake_add(&fk, 3, "src/main.c", 30, 1);
	assert_int_equal(record_keep(fx->db, &fk, &err), ASP_OK);
	assert_string_equal(fk.rf[0].state, "accepted-risk");
	assert_string_equal(fk.rf[0].justification, "guarded by the watchdog (RC-12)");
	assert_int_equal(fk.rf[0].nlinks, 1);
	assert_string_equal(fk.rf[0].links[0].kind, "risk-control");
	assert_string_equal(fk.rf[0].links[0].ref, "RC-12");
	assert_true(run_finding_dispositioned(&fk.rf[0]));
	assert_false(run_finding_dispositioned(&fk.rf[1]));
	run_free_annotations(&fk.r);

	/* the store without a file is an error naming it, and is not created */
	{
		char missing[160];

		snprintf(missing, sizeof missing, "%s/none.db", fx->dir);
		error_clear(&err);
		assert_int_equal(store_open_existing(&s, missing, &err), ASP_EDB);
		assert_string_equal(err.input, missing);
		assert_false(exists(missing));
	}
}

static void test_tamper(void **state)
{
	struct fixture *fx = *state;
	char what[512];
	long long bad = 0;

	/* an edited justification names its entry */
	triaged_store(fx->db);
	raw_exec(fx->db, "UPDATE audit_log SET justification = 'nothing to see' WHERE seq = 3");
	assert_false(verify(fx->db, what, sizeof what, &bad));
	assert_int_equal(bad, 3);
	assert_non_null(strstr(what, "entry 3 was changed"));
	remove_tree(fx->dir);
	assert_int_equal(mkdir(fx->dir, 0700), 0);

	/* a deleted entry: the next one links to nothing */
	triaged_store(fx->db);
	raw_exec(fx->db, "DELETE FROM audit_log WHERE seq = 2");
	assert_false(verify(fx->db, what, sizeof what, &bad));
	assert_non_null(strstr(what, "entry 2 was deleted"));
	remove_tree(fx->dir);
	assert_int_equal(mkdir(fx->dir, 0700), 0);

	/* a forged entry with a made-up hash */
	triaged_store(fx->db);
	raw_exec(fx->db, "INSERT INTO audit_log (seq, at, author, action, finding_id, old_state,"
		 " new_state, justification, prev_hash, hash) SELECT 5, at, 'Mallory', 'state', 3,"
		 " 'open', 'false-positive', 'trust me', hash, 'f00d' FROM audit_log WHERE seq = 4;"
		 "UPDATE findings SET state = 'false-positive' WHERE id = 3;");
	assert_false(verify(fx->db, what, sizeof what, &bad));
	assert_int_equal(bad, 5);
	assert_non_null(strstr(what, "entry 5"));
	remove_tree(fx->dir);
	assert_int_equal(mkdir(fx->dir, 0700), 0);

	/* a state changed behind the log's back */
	triaged_store(fx->db);
	raw_exec(fx->db, "UPDATE findings SET state = 'deferred' WHERE id = 3");
	assert_false(verify(fx->db, what, sizeof what, &bad));
	assert_non_null(strstr(what, "ASF-3 is 'deferred'"));
}

/* Column lists, indexes and foreign keys of every table, as text. */
static void schema_shape(const char *path, char *out, size_t size)
{
	raw_text(path,
		 "SELECT group_concat(x, char(10)) FROM (SELECT m.name || '.' || p.name || ' '"
		 " || p.type || ' ' || p.\"notnull\" || ' ' || coalesce(p.dflt_value, '-') || ' '"
		 " || p.pk AS x FROM sqlite_master m, pragma_table_info(m.name) p"
		 " WHERE m.type = 'table' UNION ALL SELECT m.name || ' index ' || i.name || ' '"
		 " || i.\"unique\" FROM sqlite_master m, pragma_index_list(m.name) i"
		 " WHERE m.type = 'table' UNION ALL SELECT m.name || ' fk ' || f.\"from\" || '>'"
		 " || f.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
		 " WHERE m.type = 'table' ORDER BY 1)", out, size);
}

static void test_migrate_v1(void **state)
{
	struct fixture *fx = *state;
	struct store *s = NULL;
	struct asp_error err;
	struct fake fk;
	char fresh[160], text[256];
	char *v1, *a = malloc(65536), *b = malloc(65536);
	size_t len;
	sqlite3 *db = NULL;

	assert_non_null(a);
	assert_non_null(b);
	/* a schema 1 store with two runs, as asepsis 0.1 left it */
	v1 = slurp(ASEPSIS_SOURCE_DIR "/testdata/store/schema-v1.sql", &len);
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v1, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO runs VALUES (1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:01Z', '/p',"
		" 'check', '0.1.0', 'clang', 'h', 'all', NULL, NULL, NULL, 1, 1, 1, 0, 0, 2, 0, 0, 2, 0);"
		"INSERT INTO runs VALUES (2, '2025-01-02T00:00:00Z', '2025-01-02T00:00:01Z', '/p',"
		" 'check', '0.1.0', 'clang', 'h', 'all', NULL, NULL, NULL, 1, 1, 1, 0, 0, 1, 0, 0, 1, 0);"
		"INSERT INTO rules VALUES ('MDS-CTL-001', 't', 'note', 'c', 'CWE-478', 'h', 1, 2);"
		"INSERT INTO findings VALUES (1, printf('%064d', 1), 'MDS-CTL-001', 'src/main.c',"
		" 'f', 1, 2, 'open');"
		"INSERT INTO findings VALUES (2, printf('%064d', 2), 'MDS-CTL-001', 'src/main.c',"
		" NULL, 1, 1, 'fixed');"
		"INSERT INTO occurrences VALUES (1, 1, 3, 5, 3, 9, 'm', 'note', 's', NULL);"
		"INSERT INTO occurrences VALUES (1, 2, 7, 5, 7, 9, 'm', 'note', 's', NULL);"
		"INSERT INTO occurrences VALUES (2, 1, 3, 5, 3, 9, 'm', 'note', 's', NULL);",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(v1);
	assert_int_equal(raw_int(fx->db, "PRAGMA user_version"), 1);

	/* opened by this asepsis: upgraded in place, every row kept */
	error_clear(&err);
	assert_int_equal(store_open(&s, fx->db, &err), ASP_OK);
	store_close(s);
	assert_int_equal(raw_int(fx->db, "PRAGMA user_version"), 4);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM meta WHERE key = 'migrated_to_2_at'"), 1);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM runs"), 2);
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM occurrences"), 3);
	raw_text(fx->db, "SELECT group_concat(id || '=' || state, ' ') FROM"
		 " (SELECT * FROM findings ORDER BY id)", text, sizeof text);
	assert_string_equal(text, "1=open 2=fixed");
	raw_text(fx->db, "SELECT group_concat(id || ':' || findings_new, ' ') FROM"
		 " (SELECT * FROM runs ORDER BY id)", text, sizeof text);
	assert_string_equal(text, "1:2 2:0");
	raw_text(fx->db, "PRAGMA integrity_check", text, sizeof text);
	assert_string_equal(text, "ok");
	/* the state it found is on record, so the log verifies */
	assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM audit_log WHERE finding_id = 2"
				 " AND new_state = 'fixed'"), 1);
	assert_true(verify(fx->db, NULL, 0, NULL));

	/* the same shape as a store created new */
	snprintf(fresh, sizeof fresh, "%s/fresh.db", fx->dir);
	assert_int_equal(store_open(&s, fresh, &err), ASP_OK);
	store_close(s);
	schema_shape(fx->db, a, 65536);
	schema_shape(fresh, b, 65536);
	assert_string_equal(a, b);

	/* and it keeps working: the next run continues the numbering */
	fake_init(&fk);
	fk.rules[0].id = "MDS-CTL-001";
	fake_add(&fk, 1, "src/main.c", 3, 0);
	fake_add(&fk, 9, "src/main.c", 9, 0);
	assert_int_equal(record(fx->db, &fk, &err), ASP_OK);
	assert_int_equal(fk.r.id, 3);
	assert_string_equal(fk.rf[1].trace_id, "ASF-3");
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_created, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ids_assigned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ids_stable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_sqlite, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_sqlite, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_run_rolls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_findings_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_triage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tamper, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
