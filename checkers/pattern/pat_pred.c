/*
 * Query predicates, which the tree-sitter C runtime parses but does not
 * evaluate: #eq?, #not-eq?, #match?, #not-match?, #any-of?. Regular
 * expressions are PCRE2, compiled once with the query.
 */
#include "pat_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void pred_clear(struct pat_pred *pd)
{
	size_t k;

	free(pd->str);
	if (pd->re)
		pcre2_code_free(pd->re);
	for (k = 0; k < pd->nany; k++)
		free(pd->any[k]);
	free(pd->any);
	memset(pd, 0, sizeof *pd);
}

static int bad(const char *source, int line, struct asp_error *err, const char *what,
	       const char *name)
{
	return error_set(err, ASP_ECONFIG, source, line, 0, "query predicate #%s: %s", name, what);
}

int pat_pred_compile(const TSQuery *q, uint32_t pattern, struct pat_pattern *out,
		     const char *source, int line, struct asp_error *err)
{
	uint32_t nsteps = 0, i = 0;
	const TSQueryPredicateStep *st = ts_query_predicates_for_pattern(q, pattern, &nsteps);

	while (i < nsteps) {
		uint32_t j = i, nargs, len = 0;
		const char *name;
		struct pat_pred pd, *grown;

		while (j < nsteps && st[j].type != TSQueryPredicateStepTypeDone)
			j++;
		nargs = j - i;   /* name + arguments */
		memset(&pd, 0, sizeof pd);
		if (nargs == 0 || st[i].type != TSQueryPredicateStepTypeString)
			return error_set(err, ASP_ECONFIG, source, line, 0, "malformed query predicate");
		name = ts_query_string_value_for_id(q, st[i].value_id, &len);
		if (strcmp(name, "eq?") == 0) pd.op = PAT_EQ;
		else if (strcmp(name, "not-eq?") == 0) pd.op = PAT_NOT_EQ;
		else if (strcmp(name, "match?") == 0) pd.op = PAT_MATCH;
		else if (strcmp(name, "not-match?") == 0) pd.op = PAT_NOT_MATCH;
		else if (strcmp(name, "any-of?") == 0) pd.op = PAT_ANY_OF;
		else
			return bad(source, line, err, "unknown (use eq?, not-eq?, match?, "
				   "not-match?, any-of?)", name);
		if (nargs < 3 || st[i + 1].type != TSQueryPredicateStepTypeCapture)
			return bad(source, line, err, "needs a capture and a value", name);
		pd.capture = st[i + 1].value_id;
		if (pd.op == PAT_ANY_OF) {
			uint32_t k;

			pd.any = calloc(nargs - 2, sizeof *pd.any);
			if (!pd.any)
				return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			for (k = i + 2; k < j; k++) {
				if (st[k].type != TSQueryPredicateStepTypeString) {
					pred_clear(&pd);
					return bad(source, line, err, "takes strings after the capture", name);
				}
				pd.any[pd.nany] = strdup(ts_query_string_value_for_id(q, st[k].value_id, &len));
				if (!pd.any[pd.nany++]) {
					pred_clear(&pd);
					return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
				}
			}
		} else {
			if (nargs != 3)
				return bad(source, line, err, "takes exactly two arguments", name);
			if (st[i + 2].type == TSQueryPredicateStepTypeCapture) {
				if (pd.op != PAT_EQ && pd.op != PAT_NOT_EQ)
					return bad(source, line, err, "needs a string pattern", name);
				pd.rhs_capture_set = 1;
				pd.rhs_capture = st[i + 2].value_id;
			} else {
				const char *val = ts_query_string_value_for_id(q, st[i + 2].value_id, &len);

				if (pd.op == PAT_MATCH || pd.op == PAT_NOT_MATCH) {
					int ec = 0;
					PCRE2_SIZE eo = 0;

					pd.re = pcre2_compile((PCRE2_SPTR)val, len, 0, &ec, &eo, NULL);
					if (!pd.re) {
						PCRE2_UCHAR msg[128];

						pcre2_get_error_message(ec, msg, sizeof msg);
						return error_set(err, ASP_ECONFIG, source, line, 0,
								 "query predicate #%s: bad regular expression "
								 "'%s' at offset %zu: %s", name, val,
								 (size_t)eo, (const char *)msg);
					}
					pcre2_jit_compile(pd.re, PCRE2_JIT_COMPLETE);
				} else {
					pd.str = strdup(val);
					if (!pd.str)
						return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
				}
			}
		}
		grown = realloc(out->preds, (out->npreds + 1) * sizeof *grown);
		if (!grown) {
			pred_clear(&pd);
			return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		}
		out->preds = grown;
		out->preds[out->npreds++] = pd;
		i = j + 1;
	}
	return ASP_OK;
}

void pat_pred_free(struct pat_pattern *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->npreds; i++)
		pred_clear(&p->preds[i]);
	free(p->preds);
	p->preds = NULL;
	p->npreds = 0;
}

static int text_eq(const char *src, TSNode n, const char *s, size_t slen)
{
	uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);

	return (size_t)(b - a) == slen && memcmp(src + a, s, slen) == 0;
}

static int node_pred(const struct pat_pred *pd, TSNode n, const TSQueryMatch *m,
		     const char *src, pcre2_match_data *md)
{
	uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
	size_t k;

	switch (pd->op) {
	case PAT_EQ:
	case PAT_NOT_EQ: {
		int eq = 0;

		if (pd->rhs_capture_set) {
			uint16_t c;

			for (c = 0; c < m->capture_count; c++)
				if (m->captures[c].index == pd->rhs_capture) {
					TSNode o = m->captures[c].node;
					uint32_t oa = ts_node_start_byte(o), ob = ts_node_end_byte(o);

					eq = ob - oa == b - a && memcmp(src + a, src + oa, b - a) == 0;
					break;
				}
		} else {
			eq = text_eq(src, n, pd->str, strlen(pd->str));
		}
		return pd->op == PAT_EQ ? eq : !eq;
	}
	case PAT_MATCH:
	case PAT_NOT_MATCH: {
		int rc = pcre2_match(pd->re, (PCRE2_SPTR)(src + a), b - a, 0, 0, md, NULL);
		int hit = rc >= 0;

		return pd->op == PAT_MATCH ? hit : !hit;
	}
	case PAT_ANY_OF:
		for (k = 0; k < pd->nany; k++)
			if (text_eq(src, n, pd->any[k], strlen(pd->any[k])))
				return 1;
		return 0;
	}
	return 0;
}

/* A predicate on a capture holds when it holds for every node captured
   under that name in the match (quantified captures give several). */
int pat_pred_eval(const struct pat_pattern *p, const TSQueryMatch *m, const char *src,
		  pcre2_match_data *md)
{
	size_t i;
	uint16_t c;

	for (i = 0; i < p->npreds; i++) {
		const struct pat_pred *pd = &p->preds[i];

		for (c = 0; c < m->capture_count; c++)
			if (m->captures[c].index == pd->capture &&
			    !node_pred(pd, m->captures[c].node, m, src, md))
				return 0;
	}
	return 1;
}
