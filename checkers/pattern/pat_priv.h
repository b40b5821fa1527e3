/* Internals shared by the files of checkers/pattern/. */
#ifndef ASP_PAT_PRIV_H
#define ASP_PAT_PRIV_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "core/ctx.h"
#include "pat.h"

const TSLanguage *tree_sitter_c(void);

enum pat_pred_op { PAT_EQ, PAT_NOT_EQ, PAT_MATCH, PAT_NOT_MATCH, PAT_ANY_OF };

struct pat_pred {
	enum pat_pred_op op;
	uint32_t capture;
	int rhs_capture_set;        /* #eq? @a @b */
	uint32_t rhs_capture;
	char *str;                  /* literal for #eq?/#not-eq? */
	pcre2_code *re;             /* #match?/#not-match? */
	char **any;                 /* #any-of? values */
	size_t nany;
};

struct pat_pattern {
	uint32_t rule;              /* index into pat_rules.rules */
	struct pat_pred *preds;
	size_t npreds;
};

struct pat_rule {
	char *id;
	char *message;
	int fallback;
};

struct pat_rules {
	TSQuery *query;             /* every rule's patterns in one query */
	struct pat_rule *rules;
	size_t nrules;
	struct pat_pattern *patterns;
	uint32_t npatterns;
	uint32_t finding_capture;   /* id of @finding, or UINT32_MAX */
};

struct pat_worker {
	TSParser *parser;
	TSQueryCursor *cursor;
	pcre2_match_data *md;
};

/* The tree being examined, for the node accessors (ctx->front). */
struct pat_front {
	TSTree *tree;
	const char *src;
	size_t len;
	const char *path;           /* absolute; arena */
};

/* Predicates: compile from the query's steps, evaluate against a match. */
int pat_pred_compile(const TSQuery *q, uint32_t pattern, struct pat_pattern *out,
		     const char *source, int line, struct asp_error *err);
void pat_pred_free(struct pat_pattern *p);
int pat_pred_eval(const struct pat_pattern *p, const TSQueryMatch *m, const char *src,
		  pcre2_match_data *md);

asp_node pat_node_make(TSNode n);
TSNode pat_node_ts(asp_node n);

#endif
