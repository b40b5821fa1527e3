-- asepsis findings store: the full current schema (version 4).
--
-- Used as is for a new database; an older database reaches the same result
-- through the steps in store_migrate.c. Every column is explained in
-- docs/database-schema.md. Changing this file means bumping the version at
-- the end, adding a migration step and updating that document.
--
-- STRICT tables (SQLite 3.37+) so a wrong type is an error, not a silent
-- conversion. Runs and findings use AUTOINCREMENT: their ids are published
-- (run N, ASF-n) and must never be handed out twice, even after a delete.

CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE runs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	started_at TEXT NOT NULL,
	finished_at TEXT NOT NULL,
	root TEXT NOT NULL,
	command_line TEXT,
	tool_version TEXT NOT NULL,
	frontend_version TEXT,
	ruleset_hash TEXT NOT NULL,
	profile TEXT,
	vcs_commit TEXT,
	vcs_branch TEXT,
	vcs_uri TEXT,
	complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
	rules_enabled INTEGER NOT NULL,
	files_total INTEGER NOT NULL,
	files_partial INTEGER NOT NULL,
	files_failed INTEGER NOT NULL,
	findings_total INTEGER NOT NULL,
	findings_error INTEGER NOT NULL,
	findings_warning INTEGER NOT NULL,
	findings_note INTEGER NOT NULL,
	notices INTEGER NOT NULL,
	-- schema 2; columns added by a migration go last, here as in old files
	findings_new INTEGER NOT NULL DEFAULT 0,
	findings_fixed INTEGER NOT NULL DEFAULT 0,
	findings_reopened INTEGER NOT NULL DEFAULT 0,
	findings_suppressed INTEGER NOT NULL DEFAULT 0,
	audit_seq INTEGER NOT NULL DEFAULT 0,
	audit_head TEXT
) STRICT;

CREATE TABLE files (
	run_id INTEGER NOT NULL REFERENCES runs (id),
	uri TEXT NOT NULL,
	sha256 TEXT,
	status TEXT NOT NULL CHECK (status IN ('analysed', 'partial', 'failed')),
	PRIMARY KEY (run_id, uri)
) STRICT, WITHOUT ROWID;

CREATE TABLE rules (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	severity TEXT NOT NULL CHECK (severity IN ('none', 'note', 'warning', 'error')),
	category TEXT,
	cwe TEXT NOT NULL DEFAULT '',
	ruleset_hash TEXT NOT NULL,
	first_run INTEGER NOT NULL REFERENCES runs (id),
	last_run INTEGER NOT NULL REFERENCES runs (id)
) STRICT;

CREATE TABLE run_rules (
	run_id INTEGER NOT NULL REFERENCES runs (id),
	rule_id TEXT NOT NULL REFERENCES rules (id),
	level TEXT NOT NULL CHECK (level IN ('none', 'note', 'warning', 'error')),
	PRIMARY KEY (run_id, rule_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE findings (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	fingerprint TEXT NOT NULL UNIQUE,
	rule_id TEXT NOT NULL REFERENCES rules (id),
	uri TEXT NOT NULL,
	function TEXT,
	first_run INTEGER NOT NULL REFERENCES runs (id),
	last_run INTEGER NOT NULL REFERENCES runs (id),
	state TEXT NOT NULL DEFAULT 'open' CHECK (state IN
		('open', 'fixed', 'accepted-risk', 'false-positive', 'deferred')),
	-- schema 2
	fixed_run INTEGER REFERENCES runs (id)
) STRICT;

CREATE INDEX findings_state_idx ON findings (state, last_run);
CREATE INDEX findings_rule_idx ON findings (rule_id);
CREATE INDEX findings_uri_idx ON findings (uri);

CREATE TABLE occurrences (
	run_id INTEGER NOT NULL REFERENCES runs (id),
	finding_id INTEGER NOT NULL REFERENCES findings (id),
	line INTEGER NOT NULL,
	column INTEGER NOT NULL,
	end_line INTEGER NOT NULL,
	end_column INTEGER NOT NULL,
	message TEXT NOT NULL,
	level TEXT NOT NULL CHECK (level IN ('none', 'note', 'warning', 'error')),
	snippet TEXT,
	line_hash TEXT,
	-- schema 2
	suppression TEXT,
	-- schema 4: the third-party component (SOUP) of the finding's file
	component TEXT,
	PRIMARY KEY (run_id, finding_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX occurrences_finding_idx ON occurrences (finding_id);

-- schema 3: the path to a finding in a run (where the value came from, the
-- branches taken), in the order the program runs them
CREATE TABLE occurrence_steps (
	run_id INTEGER NOT NULL,
	finding_id INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	uri TEXT NOT NULL,
	line INTEGER NOT NULL,
	column INTEGER NOT NULL,
	kind TEXT NOT NULL,
	message TEXT NOT NULL,
	PRIMARY KEY (run_id, finding_id, seq),
	FOREIGN KEY (run_id, finding_id) REFERENCES occurrences (run_id, finding_id)
) STRICT, WITHOUT ROWID;

-- schema 2: every state change and link, hash-chained (store_audit.c)
CREATE TABLE audit_log (
	seq INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	author TEXT NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('state', 'link')),
	finding_id INTEGER NOT NULL REFERENCES findings (id),
	run_id INTEGER REFERENCES runs (id),
	old_state TEXT,
	new_state TEXT,
	link_kind TEXT,
	link_ref TEXT,
	justification TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX audit_log_finding_idx ON audit_log (finding_id);

CREATE TABLE links (
	finding_id INTEGER NOT NULL REFERENCES findings (id),
	kind TEXT NOT NULL CHECK (kind IN ('requirement', 'risk-control', 'problem-report')),
	ref TEXT NOT NULL,
	created_at TEXT NOT NULL,
	author TEXT NOT NULL,
	audit_seq INTEGER NOT NULL REFERENCES audit_log (seq),
	PRIMARY KEY (finding_id, kind, ref)
) STRICT, WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES
	('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	('created_schema_version', '4'),
	('created_sqlite_version', sqlite_version());

-- 0x41535053 is "ASPS": lets asepsis refuse another program's database.
PRAGMA application_id = 1095979091;
PRAGMA user_version = 4;
