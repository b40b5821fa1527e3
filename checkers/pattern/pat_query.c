/*
 * Compiles the pattern rules: each query alone first, so an error names its
 * own rule file, line and offset; then all of them as one TSQuery, so a file
 * is matched against every rule in a single pass of one cursor.
 */
#include "pat_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *query_error_name(TSQueryError e)
{
	switch (e) {
	case TSQueryErrorSyntax: return "syntax error";
	case TSQueryErrorNodeType: return "unknown node type";
	case TSQueryErrorField: return "unknown field";
	case TSQueryErrorCapture: return "unknown capture";
	case TSQueryErrorStructure: return "impossible pattern structure";
	case TSQueryErrorLanguage: return "grammar version mismatch";
	default: return "invalid query";
	}
}

/* Line of the YAML file that holds byte `offset` of the query text. */
static int offset_line(const struct pat_rule_src *r, uint32_t offset)
{
	int line = r->query_line;
	uint32_t i;

	for (i = 0; i < offset && r->query[i]; i++)
		if (r->query[i] == '\n')
			line++;
	return line;
}

/* Compiles one rule's query alone, to name the rule when the combined
   query does not compile. */
static int locate_error(const struct pat_rule_src *r, struct asp_error *err)
{
	uint32_t off = 0;
	TSQueryError qe = TSQueryErrorNone;
	TSQuery *q = ts_query_new(tree_sitter_c(), r->query, (uint32_t)strlen(r->query), &off, &qe);
	char near[40];
	size_t i;

	if (q) {
		ts_query_delete(q);
		return ASP_OK;
	}
	snprintf(near, sizeof near, "%.30s", r->query + (off < strlen(r->query) ? off : 0));
	for (i = 0; near[i]; i++)
		if (near[i] == '\n' || near[i] == '\t')
			near[i] = ' ';
	return error_set(err, ASP_ECONFIG, r->source, offset_line(r, off), 0,
			 "rule %s: query %s at offset %u (near '%s')", r->id,
			 query_error_name(qe), off, near);
}

static int is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/* 1 if the query text names the capture @name (a whole capture name). */
static int query_captures(const char *q, const char *name, size_t len)
{
	const char *p = q;

	while ((p = strchr(p, '@')) != NULL) {
		p++;
		if (strncmp(p, name, len) == 0 && !is_ident(p[len]))
			return 1;
	}
	return 0;
}

/* Every {{name}} of the message must be a capture of the rule's own query. */
static int check_message(const struct pat_rule_src *r, struct asp_error *err)
{
	const char *m = r->message ? r->message : "";

	while ((m = strstr(m, "{{")) != NULL) {
		const char *e = strstr(m + 2, "}}");
		size_t nl;

		if (!e)
			break;
		nl = (size_t)(e - m - 2);
		if (!query_captures(r->query, m + 2, nl))
			return error_set(err, ASP_ECONFIG, r->source, r->query_line, 0,
					 "rule %s: message names {{%.*s}}, which the query "
					 "does not capture", r->id, (int)nl, m + 2);
		m = e + 2;
	}
	return ASP_OK;
}

int pat_rules_compile(struct pat_rules **out, const struct pat_rule_src *rules, size_t n,
		      struct asp_error *err)
{
	struct pat_rules *pr = calloc(1, sizeof *pr);
	size_t total = 1, i, pos = 0;
	uint32_t *starts = NULL, p;
	char *all = NULL;
	uint32_t off = 0;
	TSQueryError qe = TSQueryErrorNone;
	int rc = ASP_OK;

	*out = NULL;
	if (!pr)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	pr->finding_capture = UINT32_MAX;
	for (i = 0; i < n; i++) {
		rc = check_message(&rules[i], err);
		if (rc)
			goto done;
		total += strlen(rules[i].query) + 1;
	}
	pr->rules = calloc(n ? n : 1, sizeof *pr->rules);
	starts = calloc(n + 1, sizeof *starts);
	all = malloc(total);
	if (!pr->rules || !starts || !all) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		size_t l = strlen(rules[i].query);

		starts[i] = (uint32_t)pos;
		memcpy(all + pos, rules[i].query, l);
		pos += l;
		all[pos++] = '\n';
		pr->rules[i].id = strdup(rules[i].id);
		pr->rules[i].message = strdup(rules[i].message ? rules[i].message : rules[i].id);
		pr->rules[i].fallback = rules[i].fallback;
		if (!pr->rules[i].id || !pr->rules[i].message) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		pr->nrules++;
	}
	starts[n] = (uint32_t)pos;
	all[pos] = '\0';
	if (n == 0)
		goto done;
	/* one compilation in the common case; rule by rule only to name a bad one */
	pr->query = ts_query_new(tree_sitter_c(), all, (uint32_t)pos, &off, &qe);
	if (!pr->query) {
		for (i = 0; i < n && !rc; i++)
			rc = locate_error(&rules[i], err);
		if (!rc)
			rc = error_set(err, ASP_ECONFIG, NULL, 0, 0,
				       "the pattern rules do not compile together (%s at offset %u)",
				       query_error_name(qe), off);
		goto done;
	}
	pr->npatterns = ts_query_pattern_count(pr->query);
	pr->patterns = calloc(pr->npatterns ? pr->npatterns : 1, sizeof *pr->patterns);
	if (!pr->patterns) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (p = 0; p < pr->npatterns && !rc; p++) {
		uint32_t sb = ts_query_start_byte_for_pattern(pr->query, p);
		size_t r = 0;

		while (r + 1 < n && starts[r + 1] <= sb)
			r++;
		pr->patterns[p].rule = (uint32_t)r;
		rc = pat_pred_compile(pr->query, p, &pr->patterns[p], rules[r].source,
				      rules[r].query_line, err);
	}
	for (p = 0; p < ts_query_capture_count(pr->query); p++) {
		uint32_t len = 0;
		const char *name = ts_query_capture_name_for_id(pr->query, p, &len);

		if (len == 7 && memcmp(name, "finding", 7) == 0)
			pr->finding_capture = p;
	}
done:
	free(all);
	free(starts);
	if (rc) {
		pat_rules_free(pr);
		return rc;
	}
	*out = pr;
	return ASP_OK;
}

void pat_rules_free(struct pat_rules *pr)
{
	size_t i;

	if (!pr)
		return;
	for (i = 0; i < pr->npatterns && pr->patterns; i++)
		pat_pred_free(&pr->patterns[i]);
	free(pr->patterns);
	for (i = 0; i < pr->nrules; i++) {
		free(pr->rules[i].id);
		free(pr->rules[i].message);
	}
	free(pr->rules);
	if (pr->query)
		ts_query_delete(pr->query);
	free(pr);
}

size_t pat_rules_count(const struct pat_rules *pr)
{
	return pr ? pr->nrules : 0;
}

unsigned pat_language_version(void)
{
	return ts_language_version(tree_sitter_c());
}
