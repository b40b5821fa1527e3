/*
 * One TU in, findings out: sets up the context and arena, runs the front
 * end's walk, then copies the findings out of the arena onto the heap so the
 * arena can go. Owns the result containers.
 */
#include "analyze.h"
#include "ctx.h"
#include "registry.h"
#include "suppress.h"
#include "walk_clang.h"
#include "flow/dataflow.h"
#include "pattern/pat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct analyze_session {
	const struct analyze_options *opts;
	void *index;                  /* CXIndex */
	struct pat_worker *pat;
};

int analyze_session_new(struct analyze_session **out, const struct analyze_options *opts,
			struct asp_error *err)
{
	struct analyze_session *s = calloc(1, sizeof *s);

	*out = NULL;
	if (!s)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	s->opts = opts;
	if (opts->engine != ANALYZE_PATTERN) {
		s->index = walk_clang_index_new();
		if (!s->index) {
			free(s);
			return error_set(err, ASP_ERR, NULL, 0, 0, "libclang: cannot create an index");
		}
	}
	if (opts->engine != ANALYZE_CLANG && pat_rules_count(opts->pat) > 0) {
		int rc = pat_worker_new(&s->pat, err);

		if (rc) {
			analyze_session_free(s);
			return rc;
		}
	}
	*out = s;
	return ASP_OK;
}

void analyze_session_free(struct analyze_session *s)
{
	if (!s)
		return;
	walk_clang_index_free(s->index);
	pat_worker_free(s->pat);
	free(s);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int push_finding(struct analyze_result *res, const struct ctx_finding *f)
{
	struct asp_finding *d;

	if (res->nfindings == res->capfindings) {
		size_t ncap = res->capfindings ? res->capfindings * 2 : 64;
		struct asp_finding *p = realloc(res->findings, ncap * sizeof *p);

		if (!p)
			return ASP_ENOMEM;
		res->findings = p;
		res->capfindings = ncap;
	}
	d = &res->findings[res->nfindings];
	memset(d, 0, sizeof *d);
	d->rule_id = f->rule_id;
	d->line = f->line;
	d->column = f->column;
	d->end_line = f->end_line;
	d->end_column = f->end_column;
	d->path = dup_or_null(f->path);
	d->message = dup_or_null(f->message ? f->message : "");
	d->function = dup_or_null(f->function);
	d->stmt_text = dup_or_null(f->stmt_text ? f->stmt_text : "");
	d->snippet = dup_or_null(f->snippet);
	d->suppression = dup_or_null(f->suppression);
	res->nfindings++;
	if (!d->path || !d->message || !d->stmt_text ||
	    (f->suppression && !d->suppression))
		return ASP_ENOMEM;
	if (f->nsteps) {
		unsigned i;

		d->steps = calloc(f->nsteps, sizeof *d->steps);
		if (!d->steps)
			return ASP_ENOMEM;
		for (i = 0; i < f->nsteps; i++) {
			struct asp_step *st = &d->steps[d->nsteps++];

			st->path = dup_or_null(f->steps[i].path);
			st->message = dup_or_null(f->steps[i].message ? f->steps[i].message : "");
			st->line = f->steps[i].line;
			st->column = f->steps[i].column;
			st->kind = f->steps[i].kind;
			if (!st->path || !st->message)
				return ASP_ENOMEM;
		}
	}
	return ASP_OK;
}

static void drop_repeats(struct asp_ctx *ctx, unsigned nclang);

int analyze_unit(struct analyze_session *s, const struct analyze_unit *u,
		 struct analyze_result *res, struct asp_error *err)
{
	struct asp_ctx ctx;
	struct ctx_finding *cf;
	int rc = ASP_OK, clang_parsed = 0;

	memset(&ctx, 0, sizeof ctx);
	ctx.opts = s->opts;
	ctx.res = res;
	ctx.tail = &ctx.findings;
	ctx.arena = arena_new(s->opts->max_arena);
	ctx.states = calloc(s->opts->reg->count ? s->opts->reg->count : 1, sizeof *ctx.states);
	if (!ctx.arena || !ctx.states) {
		rc = error_set(err, ASP_ENOMEM, u->file, 0, 0, "out of memory");
		goto done;
	}
	if (s->opts->engine != ANALYZE_PATTERN) {
		rc = walk_clang_unit(s->index, &ctx, u, err);
		if (rc)
			goto done;
		clang_parsed = res->parsed;
	}
	if (s->pat) {
		unsigned select = PAT_RUN_PRIMARY, nclang = ctx.nfindings;
		int clang_errors = clang_parsed && res->parse_errors;

		/* the pattern version of a semantic rule runs where clang did not:
		   on files it could not parse, and on those it parsed with errors
		   (the code it skipped), without repeating what a checker found */
		if (!clang_parsed || clang_errors)
			select |= PAT_RUN_FALLBACK;
		res->parsed = 0;
		ctx.depth = 0;
		rc = pat_run(s->pat, s->opts->pat, &ctx, u->file, select, err);
		if (rc)
			goto done;
		res->parsed = res->parsed || clang_parsed;
		if (clang_errors)
			drop_repeats(&ctx, nclang);
	}
	if (!clang_parsed && res->parsed && s->opts->semantic_rules &&
	    s->opts->semantic_rules[0]) {
		res->pattern_only = 1;
		analyze_result_notice(res, ASP_NOTICE_NOTE, "pattern-only", u->file, 0, 0,
				      "analysed by pattern rules only; semantic rules did not "
				      "run: %s", s->opts->semantic_rules);
	}
	/* suppressions without a reason, and stale ones where the file was
	   analysed with full coverage */
	{
		unsigned ran = 0;

		if (clang_parsed && res->parse_errors == 0)
			ran |= SUPPRESS_RAN_CLANG;
		if (s->opts->engine != ANALYZE_CLANG && res->parsed && !res->parse_errors)
			ran |= SUPPRESS_RAN_PATTERN;
		suppress_finish(&ctx, u->file, ran);
	}
	for (cf = ctx.findings; cf; cf = cf->next) {
		rc = push_finding(res, cf);
		if (rc) {
			error_set(err, rc, u->file, 0, 0, "out of memory");
			goto done;
		}
	}
	if (ctx.findings_capped)
		analyze_result_notice(res, ASP_NOTICE_WARNING, "findings-limit", u->file, 0, 0,
				      "more than %u findings in this translation unit; "
				      "the rest were dropped", ctx.nfindings);
done:
	flow_func_end(&ctx);
	free(ctx.stack);
	free(ctx.states);
	arena_free(ctx.arena);
	return rc;
}

/* Drops the findings after the first nclang that repeat one of them (the
   same rule on the same line of the same file): one defect, one finding. */
static void drop_repeats(struct asp_ctx *ctx, unsigned nclang)
{
	struct ctx_finding **pp = &ctx->findings;
	unsigned i;

	for (i = 0; i < nclang && *pp; i++)
		pp = &(*pp)->next;
	while (*pp) {
		struct ctx_finding *nf = *pp, *cf = ctx->findings;
		int dup = 0;

		for (i = 0; i < nclang && cf && !dup; i++, cf = cf->next)
			dup = cf->line == nf->line && strcmp(cf->rule_id, nf->rule_id) == 0 &&
			      strcmp(cf->path, nf->path) == 0;
		if (dup) {
			*pp = nf->next;     /* arena memory: nothing to free */
			ctx->nfindings--;
			continue;
		}
		pp = &nf->next;
	}
	ctx->tail = pp;
}

int analyze_result_notice(struct analyze_result *res, int level, const char *kind,
			  const char *path, unsigned line, unsigned column,
			  const char *fmt, ...)
{
	struct asp_notice *n;
	char msg[2048];
	va_list ap;

	if (res->nnotices == res->capnotices) {
		size_t ncap = res->capnotices ? res->capnotices * 2 : 16;
		struct asp_notice *p = realloc(res->notices, ncap * sizeof *p);

		if (!p)
			return ASP_ENOMEM;
		res->notices = p;
		res->capnotices = ncap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	n = &res->notices[res->nnotices++];
	n->level = level;
	n->kind = strdup(kind);
	n->path = dup_or_null(path);
	n->line = line;
	n->column = column;
	n->message = strdup(msg);
	return n->kind && n->message ? ASP_OK : ASP_ENOMEM;
}

static int grow(void **items, size_t *cap, size_t need, size_t size)
{
	void *p;
	size_t ncap = *cap ? *cap : 16;

	if (need <= *cap)
		return ASP_OK;
	while (ncap < need)
		ncap *= 2;
	p = realloc(*items, ncap * size);
	if (!p)
		return ASP_ENOMEM;
	*items = p;
	*cap = ncap;
	return ASP_OK;
}

int analyze_result_move(struct analyze_result *dst, struct analyze_result *src)
{
	if (grow((void **)&dst->findings, &dst->capfindings,
		 dst->nfindings + src->nfindings, sizeof *dst->findings) ||
	    grow((void **)&dst->notices, &dst->capnotices,
		 dst->nnotices + src->nnotices, sizeof *dst->notices))
		return ASP_ENOMEM;
	if (src->nfindings)
		memcpy(dst->findings + dst->nfindings, src->findings,
		       src->nfindings * sizeof *src->findings);
	if (src->nnotices)
		memcpy(dst->notices + dst->nnotices, src->notices,
		       src->nnotices * sizeof *src->notices);
	dst->nfindings += src->nfindings;
	dst->nnotices += src->nnotices;
	dst->parse_errors += src->parse_errors;
	src->nfindings = src->nnotices = 0;
	src->parse_errors = 0;
	return ASP_OK;
}

const char *analyze_step_kind_name(int kind)
{
	switch (kind) {
	case ASP_STEP_SOURCE: return "source";
	case ASP_STEP_BRANCH: return "branch";
	case ASP_STEP_ACQUIRE: return "acquire";
	case ASP_STEP_RELEASE: return "release";
	case ASP_STEP_CALL: return "call";
	case ASP_STEP_ASSIGN: return "assign";
	case ASP_STEP_EXIT: return "exit";
	default: return "note";
	}
}

int analyze_step_kind_parse(const char *name)
{
	int k;

	for (k = ASP_STEP_NOTE; k <= ASP_STEP_EXIT; k++)
		if (name && strcmp(name, analyze_step_kind_name(k)) == 0)
			return k;
	return ASP_STEP_NOTE;
}

void analyze_steps_free(struct asp_step *steps, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(steps[i].path);
		free(steps[i].message);
	}
	free(steps);
}

void analyze_result_free(struct analyze_result *res)
{
	size_t i;

	if (!res)
		return;
	for (i = 0; i < res->nfindings; i++) {
		struct asp_finding *f = &res->findings[i];

		free(f->path);
		free(f->message);
		free(f->function);
		free(f->stmt_text);
		free(f->snippet);
		free(f->suppression);
		analyze_steps_free(f->steps, f->nsteps);
	}
	for (i = 0; i < res->nnotices; i++) {
		free(res->notices[i].kind);
		free(res->notices[i].path);
		free(res->notices[i].message);
	}
	free(res->findings);
	free(res->notices);
	memset(res, 0, sizeof *res);
}
