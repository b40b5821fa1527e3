/*
 * asp_report: the one exit for findings. Locates the node, drops findings
 * for disabled rules or outside the project, applies inline suppressions
 * (suppress.c: a suppressed finding is kept, with its justification),
 * attaches the enclosing function, the statement text used by fingerprints,
 * and the source line. Never prints; never frees (everything lives in the
 * TU arena).
 */
#include "ctx.h"
#include "suppress.h"

#include <string.h>

static int is_expression(int kind)
{
	return kind >= ASP_NODE_CALL && kind <= ASP_NODE_STMT_EXPR;
}

static int has_body(int kind)
{
	switch (kind) {
	case ASP_NODE_IF: case ASP_NODE_SWITCH: case ASP_NODE_WHILE:
	case ASP_NODE_DO: case ASP_NODE_FOR: case ASP_NODE_FUNCTION:
	case ASP_NODE_COMPOUND: case ASP_NODE_RECORD: case ASP_NODE_ENUM:
		return 1;
	default:
		return 0;
	}
}

/*
 * The statement a finding belongs to: climb from the reported node while the
 * parent is still part of the same expression or declaration, so that the
 * fingerprint names the full statement and not a sub-expression.
 */
static asp_node statement_of(struct asp_ctx *ctx, asp_node n)
{
	unsigned i;

	if (ctx->depth == 0 || !asp_node_equal(ctx->stack[ctx->depth - 1], n))
		return node_statement(ctx, n);
	for (i = ctx->depth - 1; i > 0; i--) {
		int pk = ctx->stack[i - 1].kind;

		if (!is_expression(pk) && pk != ASP_NODE_VAR && pk != ASP_NODE_DECL_STMT)
			break;
		n = ctx->stack[i - 1];
	}
	return n;
}

/* Token text up to the first '{' for statements with bodies. */
static const char *statement_text(struct asp_ctx *ctx, asp_node s)
{
	const char *t = asp_node_text(ctx, s, 64);
	const char *brace;

	if (!has_body(s.kind))
		return t;
	brace = strstr(t, " {");
	if (!brace)
		return t;
	return arena_strndup(ctx->arena, t, (size_t)(brace - t));
}

void asp_report_step(struct asp_ctx *ctx, asp_node n, enum asp_step_kind kind,
		     const char *fmt, ...)
{
	struct asp_loc loc;
	struct ctx_step *st;
	va_list ap;

	if (!ctx || asp_node_is_null(n))
		return;
	if (ctx->nsteps && ctx->steps_owner != ctx->cur)
		ctx->nsteps = 0;   /* left over by another checker */
	ctx->steps_owner = ctx->cur;
	if (!asp_node_location(ctx, n, &loc))
		return;
	/* past the cap the last slot keeps the latest step */
	st = &ctx->steps[ctx->nsteps < CTX_MAX_STEPS ? ctx->nsteps++ : CTX_MAX_STEPS - 1];
	st->path = loc.file;
	st->line = loc.line;
	st->column = loc.column;
	st->kind = (int)kind;
	va_start(ap, fmt);
	st->message = arena_vprintf(ctx->arena, fmt, ap);
	va_end(ap);
}

/* Moves the pending steps of the reporting checker to the finding. */
static void take_steps(struct asp_ctx *ctx, struct ctx_finding *cf)
{
	if (ctx->nsteps && ctx->steps_owner == ctx->cur) {
		cf->steps = arena_alloc(ctx->arena, ctx->nsteps * sizeof *cf->steps);
		if (cf->steps) {
			memcpy(cf->steps, ctx->steps, ctx->nsteps * sizeof *cf->steps);
			cf->nsteps = ctx->nsteps;
		}
	}
	ctx->nsteps = 0;
}

void asp_report(struct asp_ctx *ctx, asp_node n, const char *rule_id,
		const char *fmt, ...)
{
	const char *rule;
	struct asp_loc loc;
	struct ctx_finding *cf;
	const char *path;
	va_list ap;

	if (!ctx)
		return;
	if (!rule_id || asp_node_is_null(n))
		goto drop;
	rule = ctx->opts->rule_lookup(ctx->opts->rule_data, rule_id);
	if (!rule)
		goto drop;
	if (!asp_node_location(ctx, n, &loc))
		goto drop;
	path = loc.file;
	if (!ctx_in_root(ctx, path))
		goto drop;
	if (ctx->nfindings >= (ctx->opts->max_findings ? ctx->opts->max_findings : 10000)) {
		ctx->findings_capped = 1;
		goto drop;
	}
	cf = arena_alloc(ctx->arena, sizeof *cf);
	if (!cf)
		goto drop;
	cf->rule_id = rule;
	cf->path = path;
	cf->line = loc.line;
	cf->column = loc.column;
	cf->end_line = loc.end_line;
	cf->end_column = loc.end_column;
	va_start(ap, fmt);
	cf->message = arena_vprintf(ctx->arena, fmt, ap);
	va_end(ap);
	if (!asp_node_is_null(ctx->function))
		cf->function = asp_node_spelling(ctx, ctx->function);
	cf->stmt_text = statement_text(ctx, statement_of(ctx, n));
	cf->snippet = node_line_text(ctx, n, path, loc.line);
	cf->suppression = suppress_match(ctx, n, path, rule, loc.line);
	take_steps(ctx, cf);
	*ctx->tail = cf;
	ctx->tail = &cf->next;
	ctx->nfindings++;
	return;
drop:
	ctx->nsteps = 0;
}

void report_at(struct asp_ctx *ctx, const char *rule_id, const char *path, unsigned line,
	       unsigned column, const char *stmt, const char *snippet, const char *fmt, ...)
{
	struct ctx_finding *cf;
	const char *rule;
	va_list ap;

	rule = ctx->opts->rule_lookup(ctx->opts->rule_data, rule_id);
	if (!rule || !path || !ctx_in_root(ctx, path))
		return;
	if (ctx->nfindings >= (ctx->opts->max_findings ? ctx->opts->max_findings : 10000)) {
		ctx->findings_capped = 1;
		return;
	}
	cf = arena_alloc(ctx->arena, sizeof *cf);
	if (!cf)
		return;
	cf->rule_id = rule;
	cf->path = path;
	cf->line = cf->end_line = line;
	cf->column = column;
	va_start(ap, fmt);
	cf->message = arena_vprintf(ctx->arena, fmt, ap);
	va_end(ap);
	cf->stmt_text = stmt;
	cf->snippet = snippet;
	*ctx->tail = cf;
	ctx->tail = &cf->next;
	ctx->nfindings++;
}
