/*
 * Inside the store: the handle and the helpers store.c and store_migrate.c
 * share. Only files in driver/store/ include this (and sqlite3.h).
 */
#ifndef ASP_STORE_PRIV_H
#define ASP_STORE_PRIV_H

#include <sqlite3.h>

#include "store.h"

/* Schema version this binary writes; store_schema.sql must declare the same. */
#define STORE_SCHEMA_VERSION 4
/* PRAGMA application_id of every asepsis store: "ASPS". */
#define STORE_APPLICATION_ID 0x41535053
/* How long a statement waits for another process's lock. */
#define STORE_BUSY_TIMEOUT_MS 5000

struct store {
	sqlite3 *db;
	char *path;               /* as given to store_open, for messages */
	const volatile sig_atomic_t *cancel;   /* see store_set_cancel */
};

/* One audit log entry to append; strings are borrowed. */
struct store_audit_entry {
	const char *author;
	const char *action;       /* "state" or "link" */
	long long finding_id;
	long long run_id;         /* the run that made the change; 0 for a person */
	const char *old_state, *new_state;     /* action state */
	const char *link_kind, *link_ref;      /* action link */
	const char *justification;
};

/* Appends e to the audit log, chained to the current head. Must run inside
   the caller's transaction, so the entry and the change it records commit
   together. *seq receives its number (may be NULL). */
int store_audit_append(struct store *s, const struct store_audit_entry *e, long long *seq,
		       struct asp_error *err);
/* The last entry's number and hash (0 and zeros for an empty log). */
int store_audit_head(struct store *s, long long *seq, char hash[65], struct asp_error *err);

/* The current time as ISO 8601 UTC, as every table stores it. */
void store_now(char out[32]);

/* Sets err from the connection's last error: ASP_ENOMEM for SQLITE_NOMEM,
   otherwise ASP_EDB naming the file, with what failed and SQLite's message.
   Call it right after the failing call, before any reset. Returns the code. */
int store_fail(struct store *s, const char *what, struct asp_error *err);

/* Runs SQL without parameters (pragmas, BEGIN/COMMIT, the embedded schema);
   never for SQL that carries data. */
int store_exec(struct store *s, const char *sql, const char *what, struct asp_error *err);

/* Checks the file is an asepsis store this binary can read, then creates the
   schema (new file) or applies the migrations (older schema) in one
   transaction. Refuses other databases and newer schemas without writing. */
int store_migrate(struct store *s, struct asp_error *err);

#endif
