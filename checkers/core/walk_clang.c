/*
 * Parses one translation unit with libclang and walks it once, calling only
 * the checkers subscribed to each node's kind. Parse errors become
 * notifications; the walk goes on over whatever AST clang recovered.
 * Depth is capped so hostile input cannot exhaust the stack.
 */
#include "clang_front.h"
#include "registry.h"
#include "walk_clang.h"
#include "flow/dataflow.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARSE_NOTICES 20

struct walk {
	struct asp_ctx *ctx;
	const struct registry *reg;
	unsigned *mute;          /* per checker: muted at depth >= mute[i] */
	unsigned max_depth;
	int depth_hit;
};

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d);

static int in_project(struct walk *w, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile f = NULL;

	if (clang_Location_isInSystemHeader(loc))
		return 0;
	clang_getExpansionLocation(loc, &f, NULL, NULL, NULL);
	if (!f)
		return 1;   /* builtins and command-line macros: harmless */
	return ctx_in_root(w->ctx, node_clang_file_path(w->ctx, f));
}

static void dispatch_enter(struct walk *w, asp_node n, unsigned depth)
{
	const struct registry *r = w->reg;
	unsigned i;

	for (i = 0; i < r->nsubs[n.kind]; i++) {
		unsigned ci = r->subs[n.kind][i];
		const struct asp_checker *ch = r->checkers[ci];
		int rc;

		if (!ch->enter || w->mute[ci] <= depth)
			continue;
		w->ctx->cur = ci;
		rc = ch->enter(w->ctx, n);
		if (rc == ASP_WALK_SKIP)
			w->mute[ci] = depth + 1;
		else if (rc == ASP_WALK_DONE)
			w->mute[ci] = 0;
	}
}

static void dispatch_leave(struct walk *w, asp_node n, unsigned depth)
{
	const struct registry *r = w->reg;
	unsigned i;

	for (i = 0; i < r->nsubs[n.kind]; i++) {
		unsigned ci = r->subs[n.kind][i];
		const struct asp_checker *ch = r->checkers[ci];

		if (w->mute[ci] == depth + 1)
			w->mute[ci] = UINT_MAX;   /* SKIP ends with its node */
		if (!ch->leave || w->mute[ci] <= depth)
			continue;
		w->ctx->cur = ci;
		ch->leave(w->ctx, n);
	}
}

static void dispatch_func_end(struct walk *w, asp_node fn)
{
	const struct registry *r = w->reg;
	unsigned i;

	for (i = 0; i < r->nactive; i++) {
		unsigned ci = r->active[i];

		if (!r->checkers[ci]->func_end || w->mute[ci] == 0)
			continue;
		w->ctx->cur = ci;
		r->checkers[ci]->func_end(w->ctx, fn);
	}
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct walk *w = d;
	struct asp_ctx *ctx = w->ctx;
	unsigned depth = ctx->depth;
	asp_node n, saved_fn;
	int is_fn_def;

	(void)parent;
	if (depth == 1 && !in_project(w, c))
		return CXChildVisit_Continue;
	if (depth >= w->max_depth) {
		if (!w->depth_hit) {
			CXFile f = NULL;
			unsigned line = 0, col = 0;

			clang_getExpansionLocation(clang_getCursorLocation(c), &f, &line, &col, NULL);
			analyze_result_notice(ctx->res, ASP_NOTICE_WARNING, "depth-limit",
					      node_clang_file_path(ctx, f), line, col,
					      "syntax tree deeper than %u levels; the rest of "
					      "this construct was not analysed", w->max_depth);
			w->depth_hit = 1;
		}
		return CXChildVisit_Continue;
	}
	n = node_clang_make(c);
	ctx->stack[depth] = n;
	ctx->depth = depth + 1;

	dispatch_enter(w, n, depth);
	saved_fn = ctx->function;
	is_fn_def = n.kind == ASP_NODE_FUNCTION && clang_isCursorDefinition(c);
	if (is_fn_def)
		ctx->function = n;

	clang_visitChildren(c, visit, w);

	ctx->depth = depth + 1;
	ctx->stack[depth] = n;
	dispatch_leave(w, n, depth);
	if (is_fn_def) {
		dispatch_func_end(w, n);
		flow_func_end(ctx);
		ctx->function = saved_fn;
	}
	ctx->depth = depth;
	return CXChildVisit_Continue;
}

static void record_diagnostics(struct asp_ctx *ctx, CXTranslationUnit tu)
{
	unsigned i, n = clang_getNumDiagnostics(tu), shown = 0;

	for (i = 0; i < n; i++) {
		CXDiagnostic dg = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(dg);

		if (sev >= CXDiagnostic_Error) {
			CXFile f = NULL;
			unsigned line = 0, col = 0;
			const char *msg = node_clang_take(ctx, clang_getDiagnosticSpelling(dg));
			const char *kind = strstr(msg, "file not found") ? "missing-header"
									 : "parse-error";

			ctx->res->parse_errors++;
			clang_getExpansionLocation(clang_getDiagnosticLocation(dg), &f, &line,
						   &col, NULL);
			if (shown++ < MAX_PARSE_NOTICES)
				analyze_result_notice(ctx->res, ASP_NOTICE_WARNING, kind,
						      f ? node_clang_file_path(ctx, f) : NULL,
						      line, col, "%s", msg);
		}
		clang_disposeDiagnostic(dg);
	}
	if (shown > MAX_PARSE_NOTICES)
		analyze_result_notice(ctx->res, ASP_NOTICE_WARNING, "parse-error", NULL, 0, 0,
				      "%u more errors not shown", shown - MAX_PARSE_NOTICES);
}

int walk_clang_unit(void *index, struct asp_ctx *ctx, const struct analyze_unit *u,
		    struct asp_error *err)
{
	const struct registry *reg = ctx->opts->reg;
	struct clang_front fr;
	struct walk w;
	const char **args = NULL;
	int nargs = 0, i, rc = ASP_OK;
	enum CXErrorCode ec;
	unsigned opts = CXTranslationUnit_KeepGoing |
			CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;

	memset(&fr, 0, sizeof fr);
	memset(&w, 0, sizeof w);
	fr.cwd = u->directory;
	ctx->front = &fr;

	args = calloc((size_t)u->nargs + 2, sizeof *args);
	w.mute = calloc(reg->count ? reg->count : 1, sizeof *w.mute);
	w.max_depth = ctx->opts->max_depth ? ctx->opts->max_depth : 1500;
	ctx->stack = calloc(w.max_depth + 1, sizeof *ctx->stack);
	if (!args || !w.mute || !ctx->stack) {
		rc = error_set(err, ASP_ENOMEM, u->file, 0, 0, "out of memory");
		goto done;
	}
	if (u->directory)
		args[nargs++] = arena_printf(ctx->arena, "-working-directory=%s", u->directory);
	for (i = 0; i < u->nargs; i++)
		args[nargs++] = u->args[i];

	ec = clang_parseTranslationUnit2(index, u->file, args, nargs, NULL, 0, opts, &fr.tu);
	if (ec != CXError_Success || !fr.tu) {
		analyze_result_notice(ctx->res, ASP_NOTICE_ERROR, "parse-failed", u->file, 0, 0,
				      "libclang could not parse this file (error %d); "
				      "it was not analysed", (int)ec);
		goto done;
	}
	ctx->res->parsed = 1;
	record_diagnostics(ctx, fr.tu);

	for (i = 0; i < (int)reg->count; i++)
		w.mute[i] = UINT_MAX;
	w.ctx = ctx;
	w.reg = reg;
	for (i = 0; i < (int)reg->nactive; i++) {
		unsigned ci = reg->active[i];

		if (reg->checkers[ci]->tu_begin) {
			ctx->cur = ci;
			reg->checkers[ci]->tu_begin(ctx);
		}
	}
	{
		CXCursor root = clang_getTranslationUnitCursor(fr.tu);

		ctx->stack[0] = node_clang_make(root);
		ctx->depth = 1;
		clang_visitChildren(root, visit, &w);
		ctx->depth = 0;
	}
	for (i = 0; i < (int)reg->nactive; i++) {
		unsigned ci = reg->active[i];

		if (reg->checkers[ci]->tu_end) {
			ctx->cur = ci;
			reg->checkers[ci]->tu_end(ctx);
		}
	}
done:
	/* findings still point into the TU's files: analyze.c copies them before this returns */
	ctx->front = NULL;
	free(fr.children);
	fr.children = NULL;
	free(w.mute);
	free(args);
	if (fr.tu)
		clang_disposeTranslationUnit(fr.tu);
	return rc;
}

const char *analyze_frontend_version(void)
{
	static char buf[128];
	static int done;

	if (!done) {
		CXString s = clang_getClangVersion();
		const char *p = clang_getCString(s);

		snprintf(buf, sizeof buf, "%s", p ? p : "libclang");
		clang_disposeString(s);
		done = 1;
	}
	return buf;
}

void *walk_clang_index_new(void)
{
	return clang_createIndex(0, 0);
}

void walk_clang_index_free(void *index)
{
	if (index)
		clang_disposeIndex(index);
}
