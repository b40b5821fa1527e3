/*
 * Per-translation-unit context handed to every checker callback, and the
 * accessor table each front end (libclang, tree-sitter) provides for its
 * nodes. Internal to checkers/.
 */
#ifndef ASP_CTX_H
#define ASP_CTX_H

#include "asepsis/checker.h"
#include "analyze.h"
#include "base/arena.h"

enum asp_engine { ASP_ENGINE_NONE = 0, ASP_ENGINE_CLANG = 1, ASP_ENGINE_PATTERN = 2,
		  ASP_ENGINE__COUNT };

/* What node.c forwards to, by the node's engine tag. */
struct node_ops {
	const char *(*spelling)(struct asp_ctx *, asp_node);
	const char *(*text)(struct asp_ctx *, asp_node, unsigned);
	int (*location)(struct asp_ctx *, asp_node, struct asp_loc *);
	unsigned (*child_count)(struct asp_ctx *, asp_node);
	asp_node (*child)(struct asp_ctx *, asp_node, unsigned);
	asp_node (*referenced)(struct asp_ctx *, asp_node);
	int (*is_definition)(asp_node);
	enum asp_storage (*storage)(struct asp_ctx *, asp_node);
	int (*type)(struct asp_ctx *, asp_node, struct asp_type *);
	int (*sizeof_type)(struct asp_ctx *, asp_node, struct asp_type *);
	asp_node (*sizeof_operand)(struct asp_ctx *, asp_node);
	int (*int_value)(struct asp_ctx *, asp_node, long long *);
	const char *(*string_value)(struct asp_ctx *, asp_node, size_t *);
	enum asp_op (*op)(struct asp_ctx *, asp_node);
	const char *(*callee_name)(struct asp_ctx *, asp_node);
	int (*format_attr)(struct asp_ctx *, asp_node, unsigned *, unsigned *, int *);
	int (*is_noreturn)(struct asp_ctx *, asp_node);
	int (*equal)(asp_node, asp_node);
	/* The text of a line of a file the TU read; arena; NULL if unknown. */
	const char *(*line_text)(struct asp_ctx *, const char *file, unsigned line);
	/* The statement a node belongs to, for engines whose walk keeps no
	   ancestor stack; NULL when the walk's stack answers it. */
	asp_node (*statement)(struct asp_ctx *, asp_node);
	/* The whole text of a file the TU read, borrowed from the front end for
	   as long as the TU lives; NULL if unknown (then suppress.c reads it). */
	const char *(*file_text)(struct asp_ctx *, const char *file, size_t *len);
};

extern const struct node_ops node_clang_ops;
extern const struct node_ops node_pattern_ops;

/* A step of a path while the TU is open; in the arena. */
struct ctx_step {
	const char *path, *message;
	unsigned line, column;
	int kind;
};

#define CTX_MAX_STEPS 64

/* A finding while the TU is open; every string is in the arena. */
struct ctx_finding {
	struct ctx_finding *next;
	const char *rule_id, *path, *message, *function, *stmt_text, *snippet;
	const char *suppression;      /* justification of its asepsis-ignore */
	unsigned line, column, end_line, end_column;
	struct ctx_step *steps;       /* arena */
	unsigned nsteps;
};

struct asp_ctx {
	struct arena *arena;
	const struct analyze_options *opts;
	struct analyze_result *res;   /* notices go straight here */
	void *front;                  /* the front end's own TU state */
	asp_node function;            /* current function definition */
	asp_node *stack;              /* ancestors of the current node, root first */
	unsigned depth;
	void **states;                /* one slot per registered checker */
	unsigned cur;                 /* checker being called */
	struct ctx_finding *findings, **tail;
	unsigned nfindings;
	int findings_capped;
	struct suppress_file *suppress;   /* asepsis-ignore comments per file (suppress.c) */
	void *flow;                   /* flow/ cache of the current function */
	struct ctx_step steps[CTX_MAX_STEPS];   /* pending steps of the next report */
	unsigned nsteps;
	unsigned steps_owner;         /* the checker (cur) that added them */
};

/* The statement node n belongs to when the engine knows better than the stack. */
asp_node node_statement(struct asp_ctx *ctx, asp_node n);
/* The text of a line of a file the node's front end read; arena; may be NULL. */
const char *node_line_text(struct asp_ctx *ctx, asp_node n, const char *path, unsigned line);

/* The text of a whole file through n's front end; borrowed; NULL if unknown. */
const char *node_file_text(struct asp_ctx *ctx, asp_node n, const char *path, size_t *len);

/* Appends a finding the machinery reports without a node (suppressions):
   rule enabled, path in the root, within the cap; stmt is the text its
   fingerprint uses. Never prints. */
void report_at(struct asp_ctx *ctx, const char *rule_id, const char *path, unsigned line,
	       unsigned column, const char *stmt, const char *snippet, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* Resolves a path to an absolute normalised one; arena. */
const char *ctx_abspath(struct asp_ctx *ctx, const char *path, const char *cwd);
/* 1 if path (absolute, normalised) lies under the project root. */
int ctx_in_root(const struct asp_ctx *ctx, const char *path);

#endif
