/*
 * Runs the compiled pattern rules over one file: read it (bounded), parse it
 * with tree-sitter, one query-cursor pass for every rule, predicates, then
 * asp_report. Binary, oversized or unreadable files become notices. Nothing
 * here recurses: trees are walked with cursors and parent links.
 */
#include "pat_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PAT_MAX_FILE (32u * 1024 * 1024)
#define PAT_MSG_CAPTURE 80

static const asp_node null_node;

static int read_source(struct asp_ctx *ctx, const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *buf;
	size_t n;

	*out = NULL;
	if (!f) {
		analyze_result_notice(ctx->res, ASP_NOTICE_ERROR, "unreadable", path, 0, 0,
				      "cannot read: %s; not analysed", strerror(errno));
		return 0;
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		analyze_result_notice(ctx->res, ASP_NOTICE_ERROR, "unreadable", path, 0, 0,
				      "not a regular file; not analysed");
		return 0;
	}
	if ((unsigned long long)st.st_size > PAT_MAX_FILE) {
		fclose(f);
		analyze_result_notice(ctx->res, ASP_NOTICE_WARNING, "file-too-large", path, 0, 0,
				      "larger than %u MiB; not analysed by pattern rules",
				      PAT_MAX_FILE >> 20);
		return 0;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		fclose(f);
		return -1;
	}
	n = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 1;
}

static int looks_binary(const char *s, size_t len)
{
	size_t n = len < 65536 ? len : 65536;

	return memchr(s, '\0', n) != NULL;
}

/* First syntax error of the tree, found with a cursor (no recursion). */
static int first_error(TSNode root, TSPoint *at)
{
	TSTreeCursor c;
	int found = 0;

	if (!ts_node_has_error(root))
		return 0;
	c = ts_tree_cursor_new(root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);

		if (strcmp(ts_node_type(n), "ERROR") == 0 || ts_node_is_missing(n)) {
			*at = ts_node_start_point(n);
			found = 1;
			break;
		}
		if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c))
			if (!ts_tree_cursor_goto_parent(&c))
				goto done;
	}
done:
	ts_tree_cursor_delete(&c);
	return found;
}

static TSNode enclosing_function(TSNode n)
{
	unsigned guard = 0;

	while (!ts_node_is_null(n) && guard++ < 4096) {
		if (strcmp(ts_node_type(n), "function_definition") == 0)
			return n;
		n = ts_node_parent(n);
	}
	return n;
}

/* Expands {{capture}} with the (first) captured text, shortened. */
static const char *expand(struct asp_ctx *ctx, const struct pat_rules *pr, const char *tmpl,
			  const TSQueryMatch *m, const char *src)
{
	size_t cap = strlen(tmpl) + 1, len = 0;
	char *out = arena_alloc(ctx->arena, cap);
	const char *p = tmpl;

	while (out && *p) {
		const char *e;
		const char *piece = p;
		size_t plen = 1, need;
		char buf[PAT_MSG_CAPTURE + 8];

		if (p[0] == '{' && p[1] == '{' && (e = strstr(p + 2, "}}")) != NULL) {
			uint16_t c;
			size_t nl = (size_t)(e - p - 2);

			buf[0] = '\0';
			for (c = 0; c < m->capture_count; c++) {
				uint32_t l = 0;
				const char *name = ts_query_capture_name_for_id(pr->query,
						m->captures[c].index, &l);

				if (l == nl && memcmp(name, p + 2, nl) == 0) {
					uint32_t a = ts_node_start_byte(m->captures[c].node);
					uint32_t b = ts_node_end_byte(m->captures[c].node);
					size_t o = 0;
					uint32_t i;

					for (i = a; i < b && o < PAT_MSG_CAPTURE; i++) {
						char ch = src[i];

						if (ch == '\n' || ch == '\r' || ch == '\t')
							ch = ' ';
						if (ch == ' ' && o && buf[o - 1] == ' ')
							continue;
						buf[o++] = ch;
					}
					if (i < b)
						memcpy(buf + o, "...", 3), o += 3;
					buf[o] = '\0';
					break;
				}
			}
			piece = buf;
			plen = strlen(buf);
			p = e + 2;
		} else {
			p++;
		}
		need = len + plen + 1;
		if (need > cap) {
			size_t ncap = need * 2;

			out = arena_grow(ctx->arena, out, cap, ncap);
			cap = ncap;
			if (!out)
				break;
		}
		memcpy(out + len, piece, plen);
		len += plen;
		out[len] = '\0';
	}
	return out ? out : tmpl;
}

static TSNode finding_node(const struct pat_rules *pr, const TSQueryMatch *m)
{
	TSNode best = m->captures[0].node;
	uint16_t c;

	for (c = 0; c < m->capture_count; c++)
		if (m->captures[c].index == pr->finding_capture)
			return m->captures[c].node;
	/* no @finding: the outermost captured node stands for the whole match */
	for (c = 1; c < m->capture_count; c++) {
		TSNode n = m->captures[c].node;

		if (ts_node_start_byte(n) < ts_node_start_byte(best) ||
		    (ts_node_start_byte(n) == ts_node_start_byte(best) &&
		     ts_node_end_byte(n) > ts_node_end_byte(best)))
			best = n;
	}
	return best;
}

int pat_run(struct pat_worker *w, const struct pat_rules *pr, struct asp_ctx *ctx,
	    const char *path, unsigned select, struct asp_error *err)
{
	struct pat_front pf;
	char *src = NULL;
	size_t len = 0;
	TSTree *tree = NULL;
	TSNode root;
	TSQueryMatch m;
	TSPoint at;
	int rc = ASP_OK, got;

	memset(&pf, 0, sizeof pf);
	got = read_source(ctx, path, &src, &len);
	if (got < 0)
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	if (got == 0)
		return ASP_OK;
	if (looks_binary(src, len)) {
		analyze_result_notice(ctx->res, ASP_NOTICE_WARNING, "binary-file", path, 0, 0,
				      "contains NUL bytes: not C source; not analysed by pattern rules");
		goto done;
	}
	tree = ts_parser_parse_string(w->parser, NULL, src, (uint32_t)len);
	if (!tree) {
		analyze_result_notice(ctx->res, ASP_NOTICE_ERROR, "parse-failed", path, 0, 0,
				      "tree-sitter could not parse this file; not analysed by "
				      "pattern rules");
		goto done;
	}
	root = ts_tree_root_node(tree);
	ctx->res->parsed = 1;
	if (first_error(root, &at))
		analyze_result_notice(ctx->res, ASP_NOTICE_NOTE, "syntax-not-recognised", path,
				      at.row + 1, at.column + 1,
				      "the C grammar did not recognise the syntax here (vendor "
				      "extension or macro); pattern rules skip that part");
	if (!pr || !pr->query)
		goto done;
	pf.tree = tree;
	pf.src = src;
	pf.len = len;
	pf.path = path;
	ctx->front = &pf;
	ts_query_cursor_exec(w->cursor, pr->query, root);
	while (ts_query_cursor_next_match(w->cursor, &m)) {
		const struct pat_pattern *pat;
		const struct pat_rule *rule;
		TSNode n, fn;

		if (m.pattern_index >= pr->npatterns || m.capture_count == 0)
			continue;
		pat = &pr->patterns[m.pattern_index];
		rule = &pr->rules[pat->rule];
		if (!(select & (rule->fallback ? PAT_RUN_FALLBACK : PAT_RUN_PRIMARY)))
			continue;
		if (!pat_pred_eval(pat, &m, src, w->md))
			continue;
		n = finding_node(pr, &m);
		fn = enclosing_function(n);
		ctx->function = ts_node_is_null(fn) ? null_node : pat_node_make(fn);
		asp_report(ctx, pat_node_make(n), rule->id, "%s",
			   expand(ctx, pr, rule->message, &m, src));
		ctx->function = null_node;
	}
	if (ts_query_cursor_did_exceed_match_limit(w->cursor))
		analyze_result_notice(ctx->res, ASP_NOTICE_WARNING, "match-limit", path, 0, 0,
				      "too many pattern matches in progress at once; some "
				      "matches in this file may be missing");
	ctx->front = NULL;
done:
	if (tree)
		ts_tree_delete(tree);
	free(src);
	return rc;
}
