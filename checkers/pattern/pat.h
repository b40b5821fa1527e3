/*
 * The pattern engine: tree-sitter queries compiled once per run (immutable,
 * shared by the workers) and run over files that need no build. Only
 * checkers/pattern/ includes tree-sitter and PCRE2 headers.
 */
#ifndef ASP_PAT_H
#define ASP_PAT_H

#include <stddef.h>

#include "base/error.h"

struct asp_ctx;

/* One pattern rule as the rule catalogue gives it. */
struct pat_rule_src {
	const char *id;           /* rule ID reported */
	const char *query;        /* tree-sitter S-expression query */
	const char *message;      /* template; {{capture}} names a capture */
	const char *source;       /* rule file, for errors */
	int query_line;           /* line in source where the query text starts */
	int query_column;         /* column of that first query character (1-based) */
	int fallback;             /* 1: runs only where the clang engine did not */
};

struct pat_rules;             /* compiled; read-only after pat_rules_compile */
struct pat_worker;            /* one per thread: parser, query cursor, match data */

/* Compiles every rule's query; a bad query is ASP_ECONFIG naming the rule
   file, the line and the byte offset tree-sitter reported. */
int pat_rules_compile(struct pat_rules **out, const struct pat_rule_src *rules, size_t n,
		      struct asp_error *err);
void pat_rules_free(struct pat_rules *pr);
size_t pat_rules_count(const struct pat_rules *pr);

int pat_worker_new(struct pat_worker **out, struct asp_error *err);
void pat_worker_free(struct pat_worker *w);

enum pat_select {
	PAT_RUN_PRIMARY = 1,      /* rules that are pattern rules in their own right */
	PAT_RUN_FALLBACK = 2      /* pattern versions of semantic rules */
};

/* Parses path's contents and reports the matches of the selected rules into
   ctx (notices about the file go to ctx->res). */
int pat_run(struct pat_worker *w, const struct pat_rules *pr, struct asp_ctx *ctx,
	    const char *path, unsigned select, struct asp_error *err);

/* Version of the tree-sitter grammar ABI in use, for the tool identity. */
unsigned pat_language_version(void);

#endif
