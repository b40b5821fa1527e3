/*
 * The driver's entry into the analysis: one translation unit in, its
 * findings and notifications out. Each worker thread owns one session.
 */
#ifndef ASP_ANALYZE_H
#define ASP_ANALYZE_H

#include <stddef.h>

#include "base/error.h"

struct registry;

/* One step of a finding's path (enum asp_step_kind in checker.h). */
struct asp_step {
	char *path;               /* absolute, normalised */
	unsigned line, column;
	int kind;                 /* enum asp_step_kind */
	char *message;
};

/* One finding; every string is owned by the record (see analyze_result_free). */
struct asp_finding {
	const char *rule_id;      /* borrowed from the rule filter's catalogue */
	char *path;               /* absolute, normalised */
	unsigned line, column, end_line, end_column;
	char *message;
	char *function;           /* enclosing function, NULL at file scope */
	char *stmt_text;          /* normalised text of the flagged statement */
	char *snippet;            /* the source line, without its newline */
	char *suppression;        /* justification of the asepsis-ignore comment
	                             that suppressed it; NULL when not suppressed */
	struct asp_step *steps;   /* the path to it, in execution order; owned */
	size_t nsteps;
};

enum asp_notice_level { ASP_NOTICE_NOTE, ASP_NOTICE_WARNING, ASP_NOTICE_ERROR };

/* A notification about coverage: parse errors, limits, files not analysed. */
struct asp_notice {
	int level;                /* enum asp_notice_level */
	char *kind;               /* stable id, e.g. "parse-error", "depth-limit" */
	char *path;               /* may be NULL */
	unsigned line, column;
	char *message;
};

struct analyze_result {
	struct asp_finding *findings;
	size_t nfindings, capfindings;
	struct asp_notice *notices;
	size_t nnotices, capnotices;
	int parsed;               /* 1 when the TU produced an AST at all */
	int pattern_only;         /* semantic rules did not run on it */
	int parse_errors;         /* number of error diagnostics */
};

/* Decides which rule IDs a checker may report (the enabled rule set). */
typedef const char *(*analyze_rule_fn)(void *data, const char *rule_id);

/* The engine of a rule, for telling a stale suppression from one whose
   rule did not run on the file. */
enum analyze_rule_engine { ANALYZE_RULE_UNKNOWN = 0, ANALYZE_RULE_CLANG = 1,
			   ANALYZE_RULE_PATTERN = 2, ANALYZE_RULE_BUILTIN = 3 };
typedef int (*analyze_engine_fn)(void *data, const char *rule_id);

struct pat_rules;

enum analyze_engine {
	ANALYZE_AUTO = 0,         /* semantic where clang parses, pattern rules always */
	ANALYZE_CLANG,            /* semantic rules only */
	ANALYZE_PATTERN           /* pattern rules only, no build needed */
};

struct analyze_options {
	int engine;                   /* enum analyze_engine */
	const struct pat_rules *pat;  /* compiled pattern rules; may be NULL */
	const char *semantic_rules;   /* IDs of enabled semantic rules, for notices */
	const struct registry *reg;   /* enabled checkers and subscriptions */
	analyze_rule_fn rule_lookup;  /* returns the canonical ID if enabled, else NULL */
	analyze_engine_fn rule_engine; /* enum analyze_rule_engine; may be NULL */
	void *rule_data;
	const char *root;             /* project root: findings outside it are dropped */
	unsigned max_depth;           /* AST depth cap (0: 1500) */
	unsigned max_findings;        /* per TU (0: 10000) */
	size_t max_arena;             /* per TU arena cap in bytes (0: 1 GiB) */
	/* project resource pairs (.asepsis.yml resource_pairs) for the flow rules */
	const char *const *resource_open, *const *resource_close;
	size_t nresource_pairs;
};

struct analyze_unit {
	const char *file;             /* the source file to analyse */
	const char *directory;        /* working directory of the compile command; may be NULL */
	const char *const *args;      /* compiler arguments without the compiler and file; may be NULL */
	int nargs;
};

struct analyze_session;

int analyze_session_new(struct analyze_session **out, const struct analyze_options *opts,
			struct asp_error *err);
void analyze_session_free(struct analyze_session *s);

/* Analyses one TU and appends to res. A TU that does not parse is reported
   through notices and returns ASP_OK; errors are for failures of the tool. */
int analyze_unit(struct analyze_session *s, const struct analyze_unit *u,
		 struct analyze_result *res, struct asp_error *err);

/* Moves everything from src to the end of dst (src becomes empty). */
int analyze_result_move(struct analyze_result *dst, struct analyze_result *src);
int analyze_result_notice(struct analyze_result *res, int level, const char *kind,
			  const char *path, unsigned line, unsigned column,
			  const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void analyze_result_free(struct analyze_result *res);
/* The stable name of a step kind ("source", "branch", ... "note"), as SARIF
   threadFlowLocation kinds and the store use it; and back (unknown: note). */
const char *analyze_step_kind_name(int kind);
int analyze_step_kind_parse(const char *name);
/* Frees an array of n steps and their strings. */
void analyze_steps_free(struct asp_step *steps, size_t n);

/* Version of the front end, e.g. "Debian clang version 19.1.7"; static storage. */
const char *analyze_frontend_version(void);

#endif
