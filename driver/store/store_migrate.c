/*
 * Schema versions of the store, keyed on PRAGMA user_version. A new file gets
 * the embedded store_schema.sql; an older store goes through the steps in
 * `migrations` in one transaction. Never writes to a file it has not first
 * recognised as an asepsis store (application_id) of a version it can read.
 */
#include "store_priv.h"

#include <stdio.h>
#include <string.h>

#include "base/embed.h"

extern const struct asp_embedded_file asepsis_schema[];
extern const size_t asepsis_schema_count;

/* One step from schema version `to - 1` to `to`. It runs inside the upgrade
   transaction with foreign keys off (store_open turns them on afterwards),
   so table rebuilds are possible; the framework sets user_version. */
struct migration {
	int to;
	int (*apply)(struct store *s, struct asp_error *err);
};

/*
 * Schema 2: per-run counts of new, fixed, reopened and suppressed findings
 * and the audit log head; findings.fixed_run; the inline suppression of an
 * occurrence; the audit log and links. Columns are added at the end, where
 * store_schema.sql declares them too, so upgraded and new files match
 * (test_store compares them column by column).
 */
static const char migrate_2_sql[] =
	"ALTER TABLE runs ADD COLUMN findings_new INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE runs ADD COLUMN findings_fixed INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE runs ADD COLUMN findings_reopened INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE runs ADD COLUMN findings_suppressed INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE runs ADD COLUMN audit_seq INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE runs ADD COLUMN audit_head TEXT;"
	"ALTER TABLE findings ADD COLUMN fixed_run INTEGER REFERENCES runs (id);"
	"ALTER TABLE occurrences ADD COLUMN suppression TEXT;"
	"CREATE TABLE audit_log ("
	" seq INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" author TEXT NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('state', 'link')),"
	" finding_id INTEGER NOT NULL REFERENCES findings (id),"
	" run_id INTEGER REFERENCES runs (id),"
	" old_state TEXT,"
	" new_state TEXT,"
	" link_kind TEXT,"
	" link_ref TEXT,"
	" justification TEXT NOT NULL,"
	" prev_hash TEXT NOT NULL,"
	" hash TEXT NOT NULL UNIQUE"
	") STRICT;"
	"CREATE INDEX audit_log_finding_idx ON audit_log (finding_id);"
	"CREATE TABLE links ("
	" finding_id INTEGER NOT NULL REFERENCES findings (id),"
	" kind TEXT NOT NULL CHECK (kind IN ('requirement', 'risk-control', 'problem-report')),"
	" ref TEXT NOT NULL,"
	" created_at TEXT NOT NULL,"
	" author TEXT NOT NULL,"
	" audit_seq INTEGER NOT NULL REFERENCES audit_log (seq),"
	" PRIMARY KEY (finding_id, kind, ref)"
	") STRICT, WITHOUT ROWID;"
	/* what schema 1 can tell: the findings each run saw first */
	"UPDATE runs SET findings_new ="
	" (SELECT count(*) FROM findings WHERE findings.first_run = runs.id);";

/* Schema 1 kept no history, so a finding that is not open gets one entry
   saying what state the upgrade found; `audit verify` then holds for it. */
static int migrate_to_2(struct store *s, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = store_exec(s, migrate_2_sql, "cannot upgrade the schema to version 2", err);
	int step = SQLITE_DONE;

	if (rc)
		return rc;
	if (sqlite3_prepare_v2(s->db, "SELECT id, state FROM findings WHERE state <> 'open'"
			       " ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, "cannot upgrade the schema to version 2", err);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_audit_entry e;
		char state[32];

		snprintf(state, sizeof state, "%s", (const char *)sqlite3_column_text(st, 1));
		memset(&e, 0, sizeof e);
		e.author = "asepsis (upgrade to schema 2)";
		e.action = "state";
		e.finding_id = sqlite3_column_int64(st, 0);
		e.new_state = state;
		e.justification = "state found when the store was upgraded to schema 2; "
				  "schema 1 kept no history of state changes";
		rc = store_audit_append(s, &e, NULL, err);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, "cannot upgrade the schema to version 2", err);
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	return rc;
}

/* Schema 3: the steps of each occurrence's path. */
static int migrate_to_3(struct store *s, struct asp_error *err)
{
	return store_exec(s,
		"CREATE TABLE occurrence_steps ("
		" run_id INTEGER NOT NULL,"
		" finding_id INTEGER NOT NULL,"
		" seq INTEGER NOT NULL,"
		" uri TEXT NOT NULL,"
		" line INTEGER NOT NULL,"
		" column INTEGER NOT NULL,"
		" kind TEXT NOT NULL,"
		" message TEXT NOT NULL,"
		" PRIMARY KEY (run_id, finding_id, seq),"
		" FOREIGN KEY (run_id, finding_id) REFERENCES occurrences (run_id, finding_id)"
		") STRICT, WITHOUT ROWID;",
		"cannot upgrade the schema to version 3", err);
}

/* Schema 4: the third-party component (SOUP) an occurrence's file belongs
   to, so SOUP findings stay apart from the product's own in every report. */
static int migrate_to_4(struct store *s, struct asp_error *err)
{
	return store_exec(s, "ALTER TABLE occurrences ADD COLUMN component TEXT;",
			  "cannot upgrade the schema to version 4", err);
}

static const struct migration migrations[] = {
	{ 2, migrate_to_2 },
	{ 3, migrate_to_3 },
	{ 4, migrate_to_4 },
	{ 0, NULL }
};

struct db_state {
	int app_id;               /* PRAGMA application_id */
	int version;              /* PRAGMA user_version */
	int objects;              /* rows of sqlite_master: 0 for a new file */
};

enum db_action { DB_CURRENT, DB_CREATE, DB_UPGRADE };

/* Reads one integer from a parameterless statement. */
static int query_int(struct store *s, const char *sql, int *out, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot read the database header", err);
		goto done;
	}
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = store_fail(s, "cannot read the database header", err);
		goto done;
	}
	*out = sqlite3_column_int(st, 0);
done:
	/* finalize only repeats the step's error, already reported */
	sqlite3_finalize(st);
	return rc;
}

static int read_state(struct store *s, struct db_state *st, struct asp_error *err)
{
	int rc = query_int(s, "PRAGMA application_id", &st->app_id, err);

	if (!rc)
		rc = query_int(s, "PRAGMA user_version", &st->version, err);
	if (!rc)
		rc = query_int(s, "SELECT count(*) FROM sqlite_master", &st->objects, err);
	return rc;
}

/* Decides what the file needs; refuses what is not ours or too new. */
static int check_state(struct store *s, const struct db_state *st, enum db_action *action,
		       struct asp_error *err)
{
	if (st->objects == 0 && st->version == 0 &&
	    (st->app_id == 0 || st->app_id == STORE_APPLICATION_ID)) {
		*action = DB_CREATE;
		return ASP_OK;
	}
	if (st->app_id != STORE_APPLICATION_ID)
		return error_set(err, ASP_EDB, s->path, 0, 0,
				 "not an asepsis database: a SQLite database of another program "
				 "(application_id 0x%08x); it was left unchanged",
				 (unsigned)st->app_id);
	if (st->version > STORE_SCHEMA_VERSION)
		return error_set(err, ASP_EDB, s->path, 0, 0,
				 "written by a newer asepsis (schema %d); this one reads up to %d",
				 st->version, STORE_SCHEMA_VERSION);
	if (st->version < 1)
		return error_set(err, ASP_EDB, s->path, 0, 0,
				 "an asepsis database without a schema version (user_version %d); "
				 "it was left unchanged", st->version);
	*action = st->version == STORE_SCHEMA_VERSION ? DB_CURRENT : DB_UPGRADE;
	return ASP_OK;
}

/* WAL lets readers (findings, evidence) work during a run. The mode is kept
   in the file, and cannot change inside a transaction. A file system
   without shared memory answers with another mode; the rollback journal
   it keeps is as safe, so that is not an error. */
static int set_wal(struct store *s, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = ASP_OK;

	if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		rc = store_fail(s, "cannot switch the database to WAL mode", err);
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	return rc;
}

static int create_schema(struct store *s, struct asp_error *err)
{
	size_t i;

	for (i = 0; i < asepsis_schema_count; i++)
		if (strcmp(asepsis_schema[i].path, "store_schema.sql") == 0)
			return store_exec(s, asepsis_schema[i].data,
					  "cannot create the schema", err);
	return error_set(err, ASP_ERR, s->path, 0, 0,
			 "this asepsis was built without its database schema");
}

static int set_version(struct store *s, int version, struct asp_error *err)
{
	char sql[64];

	/* PRAGMA takes no parameters; the value is our own constant, never data */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
	return store_exec(s, sql, "cannot set the schema version", err);
}

/* Notes when a step ran, for the store's history in the evidence package. */
static int note_migration(struct store *s, int version, struct asp_error *err)
{
	sqlite3_stmt *st = NULL;
	char key[48];
	int rc = ASP_OK;

	snprintf(key, sizeof key, "migrated_to_%d_at", version);
	if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta (key, value) "
			       "VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
			       -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_DONE)
		rc = store_fail(s, "cannot record the migration", err);
	sqlite3_finalize(st);   /* repeats the step's error, already reported */
	return rc;
}

static int apply_migrations(struct store *s, int from, struct asp_error *err)
{
	const struct migration *m;
	int at = from, rc = ASP_OK;

	for (m = migrations; m->apply && !rc; m++) {
		if (m->to <= at)
			continue;
		if (m->to != at + 1)
			return error_set(err, ASP_ERR, s->path, 0, 0,
					 "no migration from schema %d to %d", at, m->to);
		rc = m->apply(s, err);
		if (!rc)
			rc = set_version(s, m->to, err);
		if (!rc)
			rc = note_migration(s, m->to, err);
		at = m->to;
	}
	if (!rc && at != STORE_SCHEMA_VERSION)
		rc = error_set(err, ASP_ERR, s->path, 0, 0,
			       "no migration from schema %d to %d", at, STORE_SCHEMA_VERSION);
	return rc;
}

int store_migrate(struct store *s, struct asp_error *err)
{
	struct db_state st;
	enum db_action action = DB_CURRENT;
	int rc;

	memset(&st, 0, sizeof st);
	rc = read_state(s, &st, err);
	if (!rc)
		rc = check_state(s, &st, &action, err);
	if (!rc)
		rc = set_wal(s, err);
	if (rc || action == DB_CURRENT)
		goto done;

	rc = store_exec(s, "BEGIN IMMEDIATE", "cannot lock the database", err);
	if (rc)
		goto done;
	/* another asepsis may have created or upgraded it while we waited */
	rc = read_state(s, &st, err);
	if (!rc)
		rc = check_state(s, &st, &action, err);
	if (!rc && action == DB_CREATE)
		rc = create_schema(s, err);
	else if (!rc && action == DB_UPGRADE)
		rc = apply_migrations(s, st.version, err);
	if (!rc)
		rc = read_state(s, &st, err);
	if (!rc && (st.version != STORE_SCHEMA_VERSION || st.app_id != STORE_APPLICATION_ID))
		rc = error_set(err, ASP_ERR, s->path, 0, 0,
			       "the schema came out as version %d (application_id 0x%08x); "
			       "this asepsis expects %d", st.version, (unsigned)st.app_id,
			       STORE_SCHEMA_VERSION);
	if (!rc)
		rc = store_exec(s, "COMMIT", "cannot commit the schema", err);
done:
	if (rc && !sqlite3_get_autocommit(s->db))
		store_exec(s, "ROLLBACK", "cannot roll back the schema change", err);
	return rc;
}
