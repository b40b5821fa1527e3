/*
 * Loads the rule catalogue (embedded built-ins, then user folders) with the
 * same validation for both: unknown keys, missing fields or mappings, bad
 * values and duplicate IDs are errors naming the file and line. Applies
 * profiles and --enable/--disable, and hashes every file it read.
 */
#include "ruleset.h"
#include "fingerprint.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "base/embed.h"
#include "core/registry.h"

extern const struct asp_embedded_file asepsis_rules[];
extern const size_t asepsis_rules_count;

const char *const ruleset_profiles[] = { "all", "class-a", "class-b", "class-c", "cert-c", NULL };

#define MAX_RULE_FILE (1024 * 1024)

struct loader {
	struct ruleset *rs;
	size_t cap;
	struct asp_error *err;
	struct fingerprint_sha256 *hash;
	/* profiles are kept as parsed documents until applied */
	struct profile *profiles;
	size_t nprofiles;
};

struct profile {
	char *name;
	char *source;
	char *safety_class;
	int all, cert_c;
	struct strlist include, exclude;
	struct strlist sev_ids, sev_levels;
};

/* ---- small helpers ------------------------------------------------------ */

static void strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int strlist_push(struct strlist *l, const char *s)
{
	char **p = realloc(l->v, (l->n + 1) * sizeof *p);

	if (!p)
		return ASP_ENOMEM;
	l->v = p;
	p[l->n] = strdup(s);
	if (!p[l->n])
		return ASP_ENOMEM;
	l->n++;
	return ASP_OK;
}

static int strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

const char *ruleset_level_name(int level)
{
	switch (level) {
	case ASP_LEVEL_ERROR: return "error";
	case ASP_LEVEL_WARNING: return "warning";
	case ASP_LEVEL_NOTE: return "note";
	default: return "none";
	}
}

const char *ruleset_engine_name(int engine)
{
	switch (engine) {
	case RULE_ENGINE_CLANG: return "clang";
	case RULE_ENGINE_PATTERN: return "pattern";
	case RULE_ENGINE_BUILTIN: return "builtin";
	default: return "?";
	}
}

int ruleset_level_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "error") == 0) return ASP_LEVEL_ERROR;
	if (strcmp(s, "warning") == 0) return ASP_LEVEL_WARNING;
	if (strcmp(s, "note") == 0) return ASP_LEVEL_NOTE;
	if (strcmp(s, "none") == 0) return ASP_LEVEL_NONE;
	return -1;
}

static int line_of(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

static int col_of(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.column + 1 : 0;
}

static int fail(struct loader *ld, const char *src, const yaml_node_t *n,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int fail(struct loader *ld, const char *src, const yaml_node_t *n,
		const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(ld->err, ASP_ECONFIG, src, line_of(n), col_of(n), "%s", msg);
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int want_scalar(struct loader *ld, const char *src, yaml_document_t *doc,
		       const yaml_node_t *key, const yaml_node_t *v, char **out)
{
	const char *s = scalar(v);

	(void)doc;
	if (!s)
		return fail(ld, src, v, "'%s' must be a string", scalar(key));
	free(*out);
	*out = strdup(s);
	return *out ? ASP_OK : ASP_ENOMEM;
}

static int want_list(struct loader *ld, const char *src, yaml_document_t *doc,
		     const yaml_node_t *key, const yaml_node_t *v, struct strlist *out)
{
	yaml_node_item_t *it;

	if (!v || v->type != YAML_SEQUENCE_NODE)
		return fail(ld, src, v, "'%s' must be a list (use [] for none)", scalar(key));
	strlist_free(out);
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = yaml_document_get_node(doc, *it);
		const char *s = scalar(e);

		if (!s || !*s)
			return fail(ld, src, e, "'%s' entries must be non-empty strings", scalar(key));
		if (strlist_push(out, s))
			return ASP_ENOMEM;
	}
	return ASP_OK;
}

static int parse_yaml(struct loader *ld, const char *src, const char *data, size_t len,
		      yaml_document_t *doc)
{
	yaml_parser_t p;
	int ok;

	if (!yaml_parser_initialize(&p))
		return error_set(ld->err, ASP_ENOMEM, src, 0, 0, "out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	ok = yaml_parser_load(&p, doc);
	if (!ok) {
		error_set(ld->err, ASP_ECONFIG, src, (int)p.problem_mark.line + 1,
			  (int)p.problem_mark.column + 1, "invalid YAML: %s%s%s",
			  p.problem ? p.problem : "syntax error",
			  p.context ? " " : "", p.context ? p.context : "");
		yaml_parser_delete(&p);
		return ASP_ECONFIG;
	}
	yaml_parser_delete(&p);
	if (!yaml_document_get_root_node(doc)) {
		yaml_document_delete(doc);
		return error_set(ld->err, ASP_ECONFIG, src, 1, 1, "empty rule file");
	}
	return ASP_OK;
}

/* ---- rules --------------------------------------------------------------- */

static void rule_clear(struct rule *r)
{
	free(r->id); free(r->title); free(r->category); free(r->description);
	free(r->rationale); free(r->remediation); free(r->precision); free(r->status);
	free(r->checker); free(r->query); free(r->message); free(r->security_severity);
	free(r->source);
	while (r->npatterns > 0) {
		r->npatterns--;
		free(r->patterns[r->npatterns].query);
		free(r->patterns[r->npatterns].message);
	}
	free(r->patterns);
	strlist_free(&r->cwe); strlist_free(&r->cert_c); strlist_free(&r->misra);
	strlist_free(&r->iec62304); strlist_free(&r->iec81001); strlist_free(&r->fda);
	strlist_free(&r->hipaa); strlist_free(&r->safety_classes);
	memset(r, 0, sizeof *r);
}

static int valid_id(const char *id, int builtin)
{
	const char *p = id;
	size_t n = 0;

	if (builtin) {
		/* MDS-<CAT>-NNN */
		if (strncmp(p, "MDS-", 4) != 0)
			return 0;
		p += 4;
		while (isupper((unsigned char)*p)) {
			p++;
			n++;
		}
		if (n < 2 || *p++ != '-')
			return 0;
		for (n = 0; isdigit((unsigned char)*p); p++)
			n++;
		return n == 3 && *p == '\0';
	}
	if (!isupper((unsigned char)*p))
		return 0;
	for (; *p; p++)
		if (!isupper((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-' && *p != '_')
			return 0;
	return strlen(id) <= 64;
}

static int valid_cwe(const char *s)
{
	if (strncmp(s, "CWE-", 4) != 0 || !s[4])
		return 0;
	for (s += 4; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static const char *const mapping_keys[] = {
	"cwe", "cert_c", "misra_c_2012", "iec62304", "iec81001_5_1", "fda", "hipaa", NULL
};

static int load_mappings(struct loader *ld, const char *src, yaml_document_t *doc,
			 const yaml_node_t *key, const yaml_node_t *map, struct rule *r)
{
	yaml_node_pair_t *pp;
	unsigned seen = 0;
	int i, rc;

	if (!map || map->type != YAML_MAPPING_NODE)
		return fail(ld, src, map, "'%s' must be a mapping of standard to IDs", scalar(key));
	for (pp = map->data.mapping.pairs.start; pp < map->data.mapping.pairs.top; pp++) {
		yaml_node_t *k = yaml_document_get_node(doc, pp->key);
		yaml_node_t *v = yaml_document_get_node(doc, pp->value);
		const char *ks = scalar(k);
		struct strlist *dst = NULL;

		for (i = 0; mapping_keys[i]; i++)
			if (ks && strcmp(ks, mapping_keys[i]) == 0)
				break;
		if (!ks || !mapping_keys[i])
			return fail(ld, src, k, "unknown mapping '%s' (expected one of cwe, cert_c, "
				    "misra_c_2012, iec62304, iec81001_5_1, fda, hipaa)",
				    ks ? ks : "?");
		if (seen & (1u << i))
			return fail(ld, src, k, "mapping '%s' given twice", ks);
		seen |= 1u << i;
		switch (i) {
		case 0: dst = &r->cwe; break;
		case 1: dst = &r->cert_c; break;
		case 2: dst = &r->misra; break;
		case 3: dst = &r->iec62304; break;
		case 4: dst = &r->iec81001; break;
		case 5: dst = &r->fda; break;
		default: dst = &r->hipaa; break;
		}
		rc = want_list(ld, src, doc, k, v, dst);
		if (rc)
			return rc;
	}
	for (i = 0; mapping_keys[i]; i++)
		if (!(seen & (1u << i)))
			return fail(ld, src, key, "missing mapping '%s' (use [] when the rule has none)",
				    mapping_keys[i]);
	if (r->cwe.n == 0)
		return fail(ld, src, key, "mapping 'cwe' must name at least one CWE");
	for (i = 0; i < (int)r->cwe.n; i++)
		if (!valid_cwe(r->cwe.v[i]))
			return fail(ld, src, key, "'%s' is not a CWE ID (expected CWE-<number>)",
				    r->cwe.v[i]);
	if (r->iec62304.n == 0 || r->iec81001.n == 0)
		return fail(ld, src, key, "mappings 'iec62304' and 'iec81001_5_1' must not be empty");
	return ASP_OK;
}

static const char *const rule_keys[] = {
	"id", "title", "status", "severity", "category", "precision", "description",
	"rationale", "remediation", "engine", "checker", "query", "message",
	"security_severity", "mappings", "safety_classes", "patterns", NULL
};

/* patterns: more pattern versions of a clang rule, each a mapping with its
   own query and message (one rule can report several messages). */
static int load_patterns(struct loader *ld, const char *src, yaml_document_t *doc,
			 const yaml_node_t *key, const yaml_node_t *v, struct rule *r)
{
	yaml_node_item_t *it;

	if (!v || v->type != YAML_SEQUENCE_NODE)
		return fail(ld, src, v, "'%s' must be a list of {query, message}", scalar(key));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = yaml_document_get_node(doc, *it);
		struct rule_pattern *np, *p;
		yaml_node_pair_t *pp;

		if (!e || e->type != YAML_MAPPING_NODE)
			return fail(ld, src, e, "'patterns' entries must be mappings with 'query' "
				    "and 'message'");
		np = realloc(r->patterns, (r->npatterns + 1) * sizeof *np);
		if (!np)
			return ASP_ENOMEM;
		r->patterns = np;
		p = &np[r->npatterns++];
		memset(p, 0, sizeof *p);
		for (pp = e->data.mapping.pairs.start; pp < e->data.mapping.pairs.top; pp++) {
			yaml_node_t *pk = yaml_document_get_node(doc, pp->key);
			yaml_node_t *pv = yaml_document_get_node(doc, pp->value);
			const char *ks = scalar(pk);
			int rc;

			if (ks && strcmp(ks, "query") == 0) {
				rc = want_scalar(ld, src, doc, pk, pv, &p->query);
				p->query_line = line_of(pv) +
					(pv->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
					 pv->data.scalar.style == YAML_FOLDED_SCALAR_STYLE);
			} else if (ks && strcmp(ks, "message") == 0) {
				rc = want_scalar(ld, src, doc, pk, pv, &p->message);
			} else {
				rc = fail(ld, src, pk, "unknown key '%s' in 'patterns'", ks ? ks : "?");
			}
			if (rc)
				return rc;
		}
		if (!p->query || !p->message)
			return fail(ld, src, e, "a 'patterns' entry needs 'query' and 'message'");
	}
	return ASP_OK;
}

static int rule_from_doc(struct loader *ld, const char *src, yaml_document_t *doc,
			 struct rule *r)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	yaml_node_pair_t *pp;
	unsigned long seen = 0;
	char *sev = NULL, *engine = NULL;
	int i, rc = ASP_OK;

	if (root->type != YAML_MAPPING_NODE)
		return fail(ld, src, root, "a rule file must be a mapping");
	r->source_line = 1;
	for (pp = root->data.mapping.pairs.start; pp < root->data.mapping.pairs.top; pp++) {
		yaml_node_t *k = yaml_document_get_node(doc, pp->key);
		yaml_node_t *v = yaml_document_get_node(doc, pp->value);
		const char *ks = scalar(k);

		for (i = 0; rule_keys[i]; i++)
			if (ks && strcmp(ks, rule_keys[i]) == 0)
				break;
		if (!ks || !rule_keys[i]) {
			rc = fail(ld, src, k, "unknown key '%s'", ks ? ks : "?");
			goto done;
		}
		if (seen & (1ul << i)) {
			rc = fail(ld, src, k, "key '%s' given twice", ks);
			goto done;
		}
		seen |= 1ul << i;
		switch (i) {
		case 0: rc = want_scalar(ld, src, doc, k, v, &r->id); break;
		case 1: rc = want_scalar(ld, src, doc, k, v, &r->title); break;
		case 2: rc = want_scalar(ld, src, doc, k, v, &r->status); break;
		case 3: rc = want_scalar(ld, src, doc, k, v, &sev); break;
		case 4: rc = want_scalar(ld, src, doc, k, v, &r->category); break;
		case 5: rc = want_scalar(ld, src, doc, k, v, &r->precision); break;
		case 6: rc = want_scalar(ld, src, doc, k, v, &r->description); break;
		case 7: rc = want_scalar(ld, src, doc, k, v, &r->rationale); break;
		case 8: rc = want_scalar(ld, src, doc, k, v, &r->remediation); break;
		case 9: rc = want_scalar(ld, src, doc, k, v, &engine); break;
		case 10:
			rc = want_scalar(ld, src, doc, k, v, &r->checker);
			r->checker_line = line_of(v);
			break;
		case 11:
			rc = want_scalar(ld, src, doc, k, v, &r->query);
			/* a block scalar's text starts on the line after the indicator */
			r->query_line = line_of(v) +
				(v->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
				 v->data.scalar.style == YAML_FOLDED_SCALAR_STYLE);
			break;
		case 12: rc = want_scalar(ld, src, doc, k, v, &r->message); break;
		case 13: rc = want_scalar(ld, src, doc, k, v, &r->security_severity); break;
		case 14: rc = load_mappings(ld, src, doc, k, v, r); break;
		case 16: rc = load_patterns(ld, src, doc, k, v, r); break;
		default: rc = want_list(ld, src, doc, k, v, &r->safety_classes); break;
		}
		if (rc)
			goto done;
	}
	{
		static const int required[] = { 0, 1, 3, 4, 5, 6, 7, 8, 9, 14, 15, -1 };

		for (i = 0; required[i] >= 0; i++)
			if (!(seen & (1ul << required[i]))) {
				rc = fail(ld, src, root, "missing required key '%s'",
					  rule_keys[required[i]]);
				goto done;
			}
	}
	if (!valid_id(r->id, r->builtin)) {
		rc = fail(ld, src, root, r->builtin
			  ? "rule id '%s' is not of the form MDS-<CATEGORY>-<NNN>"
			  : "rule id '%s' must be upper-case letters, digits and '-'", r->id);
		goto done;
	}
	if (!r->builtin && strncmp(r->id, "MDS-", 4) == 0) {
		rc = fail(ld, src, root, "rule id '%s': the MDS- prefix is reserved for "
			  "built-in rules", r->id);
		goto done;
	}
	r->severity = ruleset_level_parse(sev);
	if (r->severity < ASP_LEVEL_NOTE) {
		rc = fail(ld, src, root, "severity '%s' must be error, warning or note", sev);
		goto done;
	}
	r->level = r->severity;
	if (strcmp(r->precision, "very-high") && strcmp(r->precision, "high") &&
	    strcmp(r->precision, "medium") && strcmp(r->precision, "low")) {
		rc = fail(ld, src, root, "precision '%s' must be very-high, high, medium or low",
			  r->precision);
		goto done;
	}
	if (!r->status)
		r->status = strdup("active");
	if (!r->status || (strcmp(r->status, "active") && strcmp(r->status, "retired"))) {
		rc = fail(ld, src, root, "status '%s' must be active or retired",
			  r->status ? r->status : "?");
		goto done;
	}
	for (i = 0; i < (int)r->safety_classes.n; i++) {
		const char *c = r->safety_classes.v[i];

		if (strcmp(c, "A") && strcmp(c, "B") && strcmp(c, "C")) {
			rc = fail(ld, src, root, "safety class '%s' must be A, B or C", c);
			goto done;
		}
	}
	if (strcmp(engine, "clang") == 0) {
		r->engine = RULE_ENGINE_CLANG;
		if (!r->checker) {
			rc = fail(ld, src, root, "a clang rule needs 'checker'");
			goto done;
		}
		if (!r->query != !r->message) {
			rc = fail(ld, src, root, "a clang rule's pattern version needs both "
				  "'query' and 'message'");
			goto done;
		}
		if (r->npatterns && !r->query) {
			rc = fail(ld, src, root, "'patterns' adds to 'query' and 'message'; give "
				  "those first");
			goto done;
		}
	} else if (strcmp(engine, "pattern") == 0) {
		r->engine = RULE_ENGINE_PATTERN;
		if (!r->query || !r->message) {
			rc = fail(ld, src, root, "a pattern rule needs 'query' and 'message'");
			goto done;
		}
		if (r->checker) {
			rc = fail(ld, src, root, "a pattern rule has no 'checker'");
			goto done;
		}
	} else if (strcmp(engine, "builtin") == 0 && r->builtin) {
		/* reported by asepsis itself; suppress.c lists the IDs it reports,
		   and the rule self-check compares the two */
		r->engine = RULE_ENGINE_BUILTIN;
		if (r->checker || r->query || r->message) {
			rc = fail(ld, src, root, "a builtin rule has no 'checker', 'query' or "
				  "'message'");
			goto done;
		}
	} else {
		rc = fail(ld, src, root, "engine '%s' must be clang or pattern", engine);
		goto done;
	}
	if (r->security_severity) {
		char *end = NULL;
		double d = strtod(r->security_severity, &end);

		if (!end || *end || !(d > 0.0 && d <= 10.0)) {
			rc = fail(ld, src, root, "security_severity '%s' must be a number in (0, 10]",
				  r->security_severity);
			goto done;
		}
	} else {
		r->security_severity = strdup(r->severity == ASP_LEVEL_ERROR ? "8.0"
					      : r->severity == ASP_LEVEL_WARNING ? "5.0" : "2.0");
		if (!r->security_severity)
			rc = ASP_ENOMEM;
	}
done:
	free(sev);
	free(engine);
	return rc;
}

static int add_rule(struct loader *ld, const char *src, const char *data, size_t len,
		    int builtin)
{
	yaml_document_t doc;
	struct rule r;
	size_t i;
	int rc;

	memset(&r, 0, sizeof r);
	r.builtin = builtin;
	rc = parse_yaml(ld, src, data, len, &doc);
	if (rc)
		return rc;
	rc = rule_from_doc(ld, src, &doc, &r);
	yaml_document_delete(&doc);
	if (rc)
		goto fail;
	for (i = 0; i < ld->rs->n; i++)
		if (strcmp(ld->rs->rules[i].id, r.id) == 0) {
			rc = error_set(ld->err, ASP_ECONFIG, src, 1, 1,
				       "duplicate rule id '%s' (also in %s)", r.id,
				       ld->rs->rules[i].source);
			goto fail;
		}
	r.source = strdup(src);
	if (!r.source) {
		rc = ASP_ENOMEM;
		goto fail;
	}
	if (ld->rs->n == ld->cap) {
		size_t ncap = ld->cap ? ld->cap * 2 : 64;
		struct rule *p = realloc(ld->rs->rules, ncap * sizeof *p);

		if (!p) {
			rc = ASP_ENOMEM;
			goto fail;
		}
		ld->rs->rules = p;
		ld->cap = ncap;
	}
	r.enabled = strcmp(r.status, "active") == 0;
	ld->rs->rules[ld->rs->n++] = r;
	return ASP_OK;
fail:
	rule_clear(&r);
	if (rc == ASP_ENOMEM)
		error_set(ld->err, rc, src, 0, 0, "out of memory");
	return rc;
}

/* ---- profiles -------------------------------------------------------------- */

static void profile_clear(struct profile *p)
{
	free(p->name);
	free(p->source);
	free(p->safety_class);
	strlist_free(&p->include);
	strlist_free(&p->exclude);
	strlist_free(&p->sev_ids);
	strlist_free(&p->sev_levels);
	memset(p, 0, sizeof *p);
}

static int add_profile(struct loader *ld, const char *src, const char *data, size_t len)
{
	static const char *const keys[] = { "name", "description", "all", "safety_class",
					    "cert_c", "include", "exclude", "severity", NULL };
	yaml_document_t doc;
	yaml_node_t *root;
	yaml_node_pair_t *pp;
	struct profile p;
	int rc, i;

	memset(&p, 0, sizeof p);
	rc = parse_yaml(ld, src, data, len, &doc);
	if (rc)
		return rc;
	root = yaml_document_get_root_node(&doc);
	if (root->type != YAML_MAPPING_NODE) {
		rc = fail(ld, src, root, "a profile must be a mapping");
		goto done;
	}
	for (pp = root->data.mapping.pairs.start; pp < root->data.mapping.pairs.top; pp++) {
		yaml_node_t *k = yaml_document_get_node(&doc, pp->key);
		yaml_node_t *v = yaml_document_get_node(&doc, pp->value);
		const char *ks = scalar(k), *vs = scalar(v);
		char *tmp = NULL;

		for (i = 0; keys[i]; i++)
			if (ks && strcmp(ks, keys[i]) == 0)
				break;
		if (!keys[i]) {
			rc = fail(ld, src, k, "unknown key '%s'", ks ? ks : "?");
			goto done;
		}
		switch (i) {
		case 0: rc = want_scalar(ld, src, &doc, k, v, &p.name); break;
		case 1: rc = want_scalar(ld, src, &doc, k, v, &tmp); free(tmp); break;
		case 2: p.all = vs && strcmp(vs, "true") == 0; break;
		case 3: rc = want_scalar(ld, src, &doc, k, v, &p.safety_class); break;
		case 4: p.cert_c = vs && strcmp(vs, "true") == 0; break;
		case 5: rc = want_list(ld, src, &doc, k, v, &p.include); break;
		case 6: rc = want_list(ld, src, &doc, k, v, &p.exclude); break;
		default:
			if (v->type != YAML_MAPPING_NODE) {
				rc = fail(ld, src, v, "'severity' must map rule IDs to levels");
				break;
			} else {
				yaml_node_pair_t *sp;

				for (sp = v->data.mapping.pairs.start;
				     sp < v->data.mapping.pairs.top && !rc; sp++) {
					yaml_node_t *sk = yaml_document_get_node(&doc, sp->key);
					yaml_node_t *sv = yaml_document_get_node(&doc, sp->value);

					if (!scalar(sk) || ruleset_level_parse(scalar(sv)) < 0)
						rc = fail(ld, src, sv, "severity must be error, warning, note or none");
					else if (strlist_push(&p.sev_ids, scalar(sk)) ||
						 strlist_push(&p.sev_levels, scalar(sv)))
						rc = ASP_ENOMEM;
				}
			}
			break;
		}
		if (rc)
			goto done;
	}
	if (!p.name) {
		rc = fail(ld, src, root, "missing required key 'name'");
		goto done;
	}
	p.source = strdup(src);
	{
		struct profile *np = realloc(ld->profiles, (ld->nprofiles + 1) * sizeof *np);

		if (!np || !p.source) {
			rc = ASP_ENOMEM;
			goto done;
		}
		ld->profiles = np;
		np[ld->nprofiles++] = p;
		memset(&p, 0, sizeof p);
	}
done:
	profile_clear(&p);
	yaml_document_delete(&doc);
	return rc;
}

/* ---- loading ---------------------------------------------------------------- */

struct ruleset_priv {
	struct ruleset pub;
	struct profile *profiles;
	size_t nprofiles;
};

static int load_one(struct loader *ld, const char *src, const char *rel, const char *data,
		    size_t len, int builtin)
{
	fingerprint_sha256_update(ld->hash, rel, strlen(rel) + 1);
	fingerprint_sha256_update(ld->hash, data, len);
	fingerprint_sha256_update(ld->hash, "", 1);
	if (strncmp(rel, "profiles/", 9) == 0) {
		if (!builtin)
			return error_set(ld->err, ASP_ECONFIG, src, 0, 0,
					 "user rule folders cannot define profiles");
		return add_profile(ld, src, data, len);
	}
	if (strncmp(rel, "standards/", 10) == 0)
		return ASP_OK;
	return add_rule(ld, src, data, len, builtin);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Collects *.yaml / *.yml under dir (recursively, sorted) into files. */
static int collect_dir(struct loader *ld, const char *dir, struct strlist *files, int depth)
{
	DIR *d;
	struct dirent *e;
	int rc = ASP_OK;

	if (depth > 16)
		return ASP_OK;
	d = opendir(dir);
	if (!d)
		return error_set(ld->err, errno == ENOENT ? ASP_ENOTFOUND : ASP_EIO, dir, 0, 0,
				 "cannot open rule folder: %s", strerror(errno));
	while (!rc && (e = readdir(d)) != NULL) {
		char path[4096];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = collect_dir(ld, path, files, depth + 1);
		else if (S_ISREG(st.st_mode) &&
			 (has_suffix(e->d_name, ".yaml") || has_suffix(e->d_name, ".yml")))
			rc = strlist_push(files, path);
	}
	closedir(d);
	return rc;
}

static int read_file(struct loader *ld, const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n;

	*out = NULL;
	if (!f)
		return error_set(ld->err, ASP_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
	buf = malloc(MAX_RULE_FILE + 1);
	if (!buf) {
		fclose(f);
		return error_set(ld->err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	n = fread(buf, 1, MAX_RULE_FILE + 1, f);
	fclose(f);
	if (n > MAX_RULE_FILE) {
		free(buf);
		return error_set(ld->err, ASP_ELIMIT, path, 0, 0, "rule file larger than 1 MiB");
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return ASP_OK;
}

static int cmp_rule(const void *a, const void *b)
{
	return strcmp(((const struct rule *)a)->id, ((const struct rule *)b)->id);
}

int ruleset_load(struct ruleset **out, const char *const *dirs, size_t ndirs,
		 struct asp_error *err)
{
	struct ruleset_priv *rp = calloc(1, sizeof *rp);
	struct loader ld;
	size_t i, j;
	int rc = ASP_OK;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	if (!rp)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	ld.rs = &rp->pub;
	ld.err = err;
	ld.hash = fingerprint_sha256_begin();
	if (!ld.hash) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < asepsis_rules_count && !rc; i++) {
		char src[512];

		snprintf(src, sizeof src, "rules/%s", asepsis_rules[i].path);
		rc = load_one(&ld, src, asepsis_rules[i].path, asepsis_rules[i].data,
			      asepsis_rules[i].len, 1);
	}
	for (i = 0; i < ndirs && !rc; i++) {
		struct strlist files = { NULL, 0 };

		rc = collect_dir(&ld, dirs[i], &files, 0);
		if (!rc && files.n)
			qsort(files.v, files.n, sizeof *files.v, cmp_str);
		for (j = 0; j < files.n && !rc; j++) {
			char *data = NULL;
			size_t len = 0;

			rc = read_file(&ld, files.v[j], &data, &len);
			if (!rc)
				rc = load_one(&ld, files.v[j], files.v[j] + strlen(dirs[i]), data, len, 0);
			free(data);
		}
		strlist_free(&files);
	}
	if (rc)
		goto done;
	if (ld.rs->n)
		qsort(ld.rs->rules, ld.rs->n, sizeof *ld.rs->rules, cmp_rule);
	rp->profiles = ld.profiles;
	rp->nprofiles = ld.nprofiles;
	ld.profiles = NULL;
	ld.nprofiles = 0;
done:
	if (ld.hash)
		fingerprint_sha256_end(ld.hash, rp->pub.hash);
	for (i = 0; i < ld.nprofiles; i++)
		profile_clear(&ld.profiles[i]);
	free(ld.profiles);
	if (rc) {
		ruleset_free(&rp->pub);
		return rc;
	}
	*out = &rp->pub;
	return ASP_OK;
}

void ruleset_free(struct ruleset *rs)
{
	struct ruleset_priv *rp = (struct ruleset_priv *)rs;
	size_t i;

	if (!rs)
		return;
	for (i = 0; i < rs->n; i++)
		rule_clear(&rs->rules[i]);
	free(rs->rules);
	free(rs->profile);
	for (i = 0; i < rp->nprofiles; i++)
		profile_clear(&rp->profiles[i]);
	free(rp->profiles);
	free(rp);
}

static struct rule *find(struct rule *rules, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(rules[mid].id, id);

		if (c == 0)
			return &rules[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct rule *ruleset_find(const struct ruleset *rs, const char *id)
{
	return find(rs->rules, rs->n, id);
}

size_t ruleset_count_enabled(const struct ruleset *rs)
{
	size_t i, n = 0;

	for (i = 0; i < rs->n; i++)
		n += rs->rules[i].enabled != 0;
	return n;
}

int ruleset_apply_profile(struct ruleset *rs, const char *name, struct asp_error *err)
{
	struct ruleset_priv *rp = (struct ruleset_priv *)rs;
	const struct profile *p = NULL;
	size_t i, j;

	for (i = 0; i < rp->nprofiles; i++)
		if (strcmp(rp->profiles[i].name, name) == 0)
			p = &rp->profiles[i];
	if (!p)
		return error_set(err, ASP_EUSAGE, name, 0, 0,
				 "unknown profile (known: all, class-a, class-b, class-c, cert-c)");
	for (i = 0; i < rs->n; i++) {
		struct rule *r = &rs->rules[i];
		int on = p->all;

		if (strcmp(r->status, "active") != 0) {
			r->enabled = 0;
			continue;
		}
		if (p->safety_class && strlist_has(&r->safety_classes, p->safety_class))
			on = 1;
		if (p->cert_c && r->cert_c.n > 0)
			on = 1;
		if (strlist_has(&p->include, r->id))
			on = 1;
		if (strlist_has(&p->exclude, r->id))
			on = 0;
		r->enabled = on;
		r->level = r->severity;
		for (j = 0; j < p->sev_ids.n; j++)
			if (strcmp(p->sev_ids.v[j], r->id) == 0) {
				r->level = ruleset_level_parse(p->sev_levels.v[j]);
				if (r->level == ASP_LEVEL_NONE)
					r->enabled = 0;
			}
	}
	free(rs->profile);
	rs->profile = strdup(name);
	return rs->profile ? ASP_OK : error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
}

int ruleset_enable_list(struct ruleset *rs, const char *list, int on, struct asp_error *err)
{
	char *copy = strdup(list), *tok, *save = NULL;
	int rc = ASP_OK;

	if (!copy)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i, len, hits = 0;

		while (*tok == ' ')
			tok++;
		len = strlen(tok);
		while (len && tok[len - 1] == ' ')
			tok[--len] = '\0';
		if (!len)
			continue;
		for (i = 0; i < rs->n; i++) {
			struct rule *r = &rs->rules[i];
			/* an exact ID, or a prefix ending before '-' such as MDS-MEM */
			int match = strcmp(r->id, tok) == 0 ||
				    (strncmp(r->id, tok, len) == 0 && r->id[len] == '-');

			if (!match)
				continue;
			hits++;
			if (on && strcmp(r->status, "active") != 0)
				continue;
			r->enabled = on;
		}
		if (!hits) {
			rc = error_set(err, ASP_EUSAGE, tok, 0, 0,
				       "no rule has this ID or prefix (see 'asepsis rules list')");
			break;
		}
	}
	free(copy);
	return rc;
}

int ruleset_bind(const struct ruleset *rs, struct registry *reg, struct asp_error *err)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->rules[i];
		int idx;

		if (r->engine != RULE_ENGINE_CLANG)
			continue;
		idx = registry_find(reg, r->checker);
		if (idx < 0)
			return error_set(err, ASP_ECONFIG, r->source, r->checker_line, 0,
					 "rule %s names checker '%s', which is not registered",
					 r->id, r->checker);
		if (r->enabled)
			registry_enable(reg, (unsigned)idx);
	}
	return registry_finalize(reg, err);
}

int ruleset_set_level(struct ruleset *rs, const char *id, int level, struct asp_error *err)
{
	struct rule *r = find(rs->rules, rs->n, id);

	if (!r)
		return error_set(err, ASP_ECONFIG, id, 0, 0, "no rule has this ID");
	if (level < 0)
		return error_set(err, ASP_ECONFIG, id, 0, 0, "unknown severity");
	r->level = level;
	if (level == ASP_LEVEL_NONE)
		r->enabled = 0;
	return ASP_OK;
}
