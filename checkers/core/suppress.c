/*
 * asepsis-ignore comments of a file, parsed once per TU (the text comes from
 * the front end that read the file, else from disk) into the arena. A
 * suppression covers findings of its rules on its own lines and the next
 * line. One without a reason suppresses nothing and is itself a finding
 * (MDS-SUP-001); one that matched nothing is stale (MDS-SUP-002). Never
 * prints; never includes a front end's header.
 */
#include "suppress.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUPPRESS_TAG "asepsis-ignore"
#define SUPPRESS_MAX_FILE (32u << 20)
#define SUPPRESS_MAX_IDS 16

const char *const suppress_rule_ids[] = { SUPPRESS_RULE_NO_REASON, SUPPRESS_RULE_STALE, NULL };

struct suppress_entry {
	unsigned line, column, end_line;
	const char *ids[SUPPRESS_MAX_IDS];
	unsigned char used[SUPPRESS_MAX_IDS];
	unsigned nids;
	int malformed;             /* not closed, or no rule named */
	const char *reason;        /* NULL when there is none */
	const char *text;          /* the comment, whitespace collapsed */
	const char *snippet;       /* the line the comment starts on */
};

struct suppress_file {
	struct suppress_file *next;
	const char *path;
	struct suppress_entry *v;
	unsigned n;
};

/* ---- parsing -------------------------------------------------------------- */

static const char *collapse(struct asp_ctx *ctx, const char *p, size_t n)
{
	char *out = arena_alloc(ctx->arena, n + 1);
	size_t i, o = 0;
	int space = 0;

	if (!out)
		return "";
	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)p[i])) {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = p[i];
	}
	out[o] = '\0';
	return out;
}

/* Reads "asepsis-ignore(ID, ...): reason" from one comment body. */
static void parse_comment(struct asp_ctx *ctx, struct suppress_file *sf, const char *body,
			  size_t len, unsigned line, unsigned column, unsigned end_line,
			  const char *bol, size_t bol_len)
{
	const char *end = body + len, *p, *tag = NULL, *q;
	struct suppress_entry *e, *grown;
	size_t tl = strlen(SUPPRESS_TAG);

	/* the tag counts when a '(' follows: prose that names it does not */
	for (p = body; p + tl <= end && !tag; p++)
		if (memcmp(p, SUPPRESS_TAG, tl) == 0) {
			q = p + tl;
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			if (q < end && *q == '(')
				tag = p;
		}
	if (!tag)
		return;
	grown = arena_grow(ctx->arena, sf->v, sf->n * sizeof *sf->v, (sf->n + 1) * sizeof *sf->v);
	if (!grown)
		return;
	sf->v = grown;
	e = &sf->v[sf->n++];
	memset(e, 0, sizeof *e);
	e->line = line;
	e->column = column;
	e->end_line = end_line;
	e->text = collapse(ctx, tag, (size_t)(end - tag));
	if (bol_len && bol[bol_len - 1] == '\r')
		bol_len--;
	e->snippet = arena_strndup(ctx->arena, bol, bol_len > 4096 ? 4096 : bol_len);
	p = tag + tl;
	while (*p != '(')
		p++;
	p++;
	q = memchr(p, ')', (size_t)(end - p));
	if (!q) {
		e->malformed = 1;
		return;
	}
	while (p < q) {
		const char *a, *b;

		while (p < q && (isspace((unsigned char)*p) || *p == ','))
			p++;
		a = p;
		while (p < q && *p != ',' && !isspace((unsigned char)*p))
			p++;
		b = p;
		if (a == b)
			continue;
		if (e->nids < SUPPRESS_MAX_IDS)
			e->ids[e->nids++] = arena_strndup(ctx->arena, a, (size_t)(b - a));
	}
	if (e->nids == 0)
		e->malformed = 1;
	p = q + 1;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p < end && *p == ':') {
		const char *r = p + 1, *re = end;

		while (r < re && isspace((unsigned char)*r))
			r++;
		while (re > r && isspace((unsigned char)re[-1]))
			re--;
		if (re > r)
			e->reason = collapse(ctx, r, (size_t)(re - r));
	}
}

/* Walks the text once: comments are collected, string and character
   literals skipped, so a tag inside a string is not a suppression. */
static void parse_text(struct asp_ctx *ctx, struct suppress_file *sf, const char *s, size_t n)
{
	size_t i = 0, bol = 0;
	unsigned line = 1, col = 1;

	while (i < n) {
		char c = s[i];

		if (c == '/' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '*')) {
			int block = s[i + 1] == '*';
			size_t start = i + 2, j = start, stop, l0_bol = bol;
			unsigned l0 = line, c0 = col;
			const char *eol = memchr(s + bol, '\n', n - bol);
			size_t l0_len = eol ? (size_t)(eol - (s + bol)) : n - bol;

			if (block) {
				while (j + 1 < n && !(s[j] == '*' && s[j + 1] == '/'))
					j++;
				stop = j;
				j = j + 1 < n ? j + 2 : n;
			} else {
				while (j < n && s[j] != '\n')
					j++;
				stop = j;
			}
			for (; i < j; i++) {
				if (s[i] == '\n') {
					line++;
					col = 1;
					bol = i + 1;
				} else {
					col++;
				}
			}
			if (stop > start && memchr(s + start, 'a', stop - start))
				parse_comment(ctx, sf, s + start, stop - start, l0, c0,
					      block ? line : l0, s + l0_bol, l0_len);
			continue;
		}
		if (c == '"' || c == '\'') {
			i++;
			col++;
			while (i < n && s[i] != c && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < n && s[i + 1] != '\n') {
					i++;
					col++;
				}
				i++;
				col++;
			}
			if (i < n && s[i] == c) {
				i++;
				col++;
			}
			continue;
		}
		if (c == '\n') {
			line++;
			col = 1;
			bol = i + 1;
		} else {
			col++;
		}
		i++;
	}
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	*len = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    (unsigned long)size <= SUPPRESS_MAX_FILE && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)size, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

/* The file's suppressions, parsed on first use. */
static struct suppress_file *file_get(struct asp_ctx *ctx, asp_node n, const char *path)
{
	struct suppress_file *sf;
	const char *text = NULL;
	char *owned = NULL;
	size_t len = 0;

	for (sf = ctx->suppress; sf; sf = sf->next)
		if (strcmp(sf->path, path) == 0)
			return sf;
	sf = arena_alloc(ctx->arena, sizeof *sf);
	if (!sf)
		return NULL;
	sf->path = arena_strdup(ctx->arena, path);
	if (!sf->path)
		return NULL;
	if (!asp_node_is_null(n))
		text = node_file_text(ctx, n, path, &len);
	if (!text)
		text = owned = read_file(path, &len);
	/* cheap test first: most files have no suppression at all */
	if (text && len) {
		size_t i, tl = strlen(SUPPRESS_TAG);

		for (i = 0; i + tl <= len; i++)
			if (text[i] == 'a' && memcmp(text + i, SUPPRESS_TAG, tl) == 0) {
				parse_text(ctx, sf, text, len);
				break;
			}
	}
	free(owned);
	sf->next = ctx->suppress;
	ctx->suppress = sf;
	return sf;
}

static int covers(const struct suppress_entry *e, unsigned line)
{
	return line >= e->line && line <= e->end_line + 1;
}

const char *suppress_match(struct asp_ctx *ctx, asp_node n, const char *path,
			   const char *rule, unsigned line)
{
	struct suppress_file *sf;
	unsigned i, k;

	for (k = 0; suppress_rule_ids[k]; k++)
		if (strcmp(rule, suppress_rule_ids[k]) == 0)
			return NULL;   /* the machinery's own findings stand */
	sf = file_get(ctx, n, path);
	for (i = 0; sf && i < sf->n; i++) {
		struct suppress_entry *e = &sf->v[i];

		if (!covers(e, line) || e->malformed || !e->reason)
			continue;
		for (k = 0; k < e->nids; k++)
			if (strcmp(e->ids[k], rule) == 0) {
				e->used[k] = 1;
				return e->reason;
			}
	}
	return NULL;
}

/* 1 when the rule ran over the whole file, so a miss means something. */
static int rule_ran(struct asp_ctx *ctx, const char *rule, unsigned ran)
{
	int engine;

	if (!ctx->opts->rule_lookup(ctx->opts->rule_data, rule))
		return 0;   /* not enabled in this run (or not a rule at all) */
	if (!ctx->opts->rule_engine)
		return ran != 0;
	engine = ctx->opts->rule_engine(ctx->opts->rule_data, rule);
	if (engine == ANALYZE_RULE_CLANG)
		return (ran & SUPPRESS_RAN_CLANG) != 0;
	if (engine == ANALYZE_RULE_PATTERN)
		return (ran & SUPPRESS_RAN_PATTERN) != 0;
	return 0;
}

void suppress_finish(struct asp_ctx *ctx, const char *main_file, unsigned ran)
{
	static const asp_node none;
	struct suppress_file *sf;
	char *real;
	unsigned i, k;

	if (!main_file)
		return;
	real = realpath(main_file, NULL);
	if (!real)
		return;
	if (!ctx_in_root(ctx, real)) {
		free(real);
		return;
	}
	sf = file_get(ctx, none, real);
	free(real);
	for (i = 0; sf && i < sf->n; i++) {
		const struct suppress_entry *e = &sf->v[i];

		if (e->malformed) {
			report_at(ctx, SUPPRESS_RULE_NO_REASON, sf->path, e->line, e->column,
				  e->text, e->snippet, "asepsis-ignore comment names no rule or is "
				  "not closed, so it suppresses nothing; write "
				  "'asepsis-ignore(RULE-ID): reason'");
			continue;
		}
		if (!e->reason) {
			report_at(ctx, SUPPRESS_RULE_NO_REASON, sf->path, e->line, e->column,
				  e->text, e->snippet, "suppression of %s has no justification, so "
				  "it suppresses nothing; add one: 'asepsis-ignore(%s): reason'",
				  e->ids[0], e->ids[0]);
			continue;
		}
		for (k = 0; k < e->nids; k++)
			if (!e->used[k] && rule_ran(ctx, e->ids[k], ran))
				report_at(ctx, SUPPRESS_RULE_STALE, sf->path, e->line, e->column,
					  e->text, e->snippet, "stale suppression: %s reports nothing "
					  "on this line or the next; remove it from the comment",
					  e->ids[k]);
	}
}
