/*
 * Component signatures: rules/soup/ compiled into the binary, then the
 * project's soup_dirs, through one loader with the same validation as the
 * rule catalogue (unknown keys, missing fields, bad regular expressions and
 * duplicate names are errors naming the file and line). Owns the compiled
 * expressions; never reads source files.
 */
#include "soup.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "base/embed.h"
#include "base/sbuf.h"
#include "fingerprint.h"
#include "pattern/pat_regex.h"

extern const struct asp_embedded_file asepsis_soup_sigs[];
extern const size_t asepsis_soup_sigs_count;

#define SIG_FILE_MAX (1024 * 1024)
#define SIG_MAX_FILES 4096

struct loader {
	struct soup_sigset *set;
	struct asp_error *err;
	yaml_document_t *doc;
	const char *src;
};

static int line_of(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

static int col_of(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.column + 1 : 0;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int fail(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(ld->err, ASP_ECONFIG, ld->src, line_of(n), col_of(n), "%s", msg);
}

static int oom(struct loader *ld)
{
	return error_set(ld->err, ASP_ENOMEM, ld->src, 0, 0, "out of memory");
}

static yaml_node_t *node(struct loader *ld, int id)
{
	return yaml_document_get_node(ld->doc, id);
}

static int want_string(struct loader *ld, const yaml_node_t *k, const yaml_node_t *v, char **out)
{
	const char *s = scalar(v);

	if (!s || !*s)
		return fail(ld, v, "'%s' must be a non-empty string", scalar(k));
	free(*out);
	*out = strdup(s);
	return *out ? ASP_OK : oom(ld);
}

/* A string or a list of strings. */
static int want_strings(struct loader *ld, const yaml_node_t *k, const yaml_node_t *v,
			char ***out, size_t *n)
{
	yaml_node_item_t *it;
	const char *s = scalar(v);

	if (s) {
		if (!*s)
			return fail(ld, v, "'%s' must not be empty", scalar(k));
		*out = calloc(1, sizeof **out);
		if (!*out || !((*out)[0] = strdup(s)))
			return oom(ld);
		*n = 1;
		return ASP_OK;
	}
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "'%s' must be a string or a list of strings", scalar(k));
	*out = calloc((size_t)(v->data.sequence.items.top - v->data.sequence.items.start) + 1,
		      sizeof **out);
	if (!*out)
		return oom(ld);
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = node(ld, *it);

		s = scalar(e);
		if (!s || !*s)
			return fail(ld, e, "'%s' entries must be non-empty strings", scalar(k));
		(*out)[*n] = strdup(s);
		if (!(*out)[*n])
			return oom(ld);
		(*n)++;
	}
	return ASP_OK;
}

static void strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static void re_clear(struct soup_re *r)
{
	free(r->pattern);
	free(r->file_glob);
	pat_regex_free(r->re);
	memset(r, 0, sizeof *r);
}

/* Compiles the expression of node v; what names the field for messages.
   min_groups: the groups the expression must have. */
static int compile_re(struct loader *ld, const yaml_node_t *v, const char *what,
		      unsigned min_groups, unsigned flags, struct soup_re *out)
{
	const char *s = scalar(v);
	char msg[256];
	size_t off = 0;

	if (!s || !*s)
		return fail(ld, v, "%s must be a non-empty regular expression", what);
	out->pattern = strdup(s);
	if (!out->pattern)
		return oom(ld);
	out->line = line_of(v);
	out->re = pat_regex_compile(s, flags, msg, sizeof msg, &off);
	if (!out->re)
		return msg[0] ? fail(ld, v, "%s: bad regular expression '%s' at offset %zu: %s",
				     what, s, off, msg) : oom(ld);
	if (pat_regex_captures(out->re) < min_groups)
		return fail(ld, v, "%s '%s' needs %s capture group", what, s,
			    min_groups == 1 ? "a" : "more than one");
	return ASP_OK;
}

/* {regex: RE, file: GLOB} or RE alone. */
static int load_marker(struct loader *ld, const yaml_node_t *v, struct soup_re *out,
		       const char *what, unsigned flags)
{
	yaml_node_pair_t *pp;
	const yaml_node_t *re = NULL;

	if (scalar(v))
		return compile_re(ld, v, what, 0, flags, out);
	if (v->type != YAML_MAPPING_NODE)
		return fail(ld, v, "%s must be a regular expression or {regex, file}", what);
	for (pp = v->data.mapping.pairs.start; pp < v->data.mapping.pairs.top; pp++) {
		yaml_node_t *k = node(ld, pp->key), *e = node(ld, pp->value);
		const char *ks = scalar(k);

		if (ks && strcmp(ks, "regex") == 0 && !re)
			re = e;
		else if (ks && strcmp(ks, "file") == 0 && !out->file_glob) {
			if (want_string(ld, k, e, &out->file_glob))
				return ASP_ECONFIG;
		} else
			return fail(ld, k, "unknown or repeated key '%s' in %s (regex, file)",
				    ks ? ks : "?", what);
	}
	if (!re)
		return fail(ld, v, "%s needs 'regex'", what);
	return compile_re(ld, re, what, 0, flags, out);
}

static int load_list(struct loader *ld, const yaml_node_t *k, const yaml_node_t *v,
		     struct soup_re **out, size_t *n, const char *what, unsigned flags)
{
	yaml_node_item_t *it;
	size_t cap;

	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "'%s' must be a list", scalar(k));
	cap = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	*out = calloc(cap + 1, sizeof **out);
	if (!*out)
		return oom(ld);
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		int rc = load_marker(ld, node(ld, *it), &(*out)[*n], what, flags);

		(*n)++;
		if (rc)
			return rc;
	}
	return ASP_OK;
}

/* versions: [{file: GLOB, regex: RE} | {file: GLOB, parts: [RE, RE, ...]}] */
static int load_versions(struct loader *ld, const yaml_node_t *k, const yaml_node_t *v,
			 struct soup_sig *s)
{
	yaml_node_item_t *it;

	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "'%s' must be a list of {file, regex} or {file, parts}", scalar(k));
	s->versions = calloc((size_t)(v->data.sequence.items.top - v->data.sequence.items.start) + 1,
			     sizeof *s->versions);
	if (!s->versions)
		return oom(ld);
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = node(ld, *it);
		struct soup_version_rule *vr = &s->versions[s->nversions++];
		const yaml_node_t *re = NULL, *parts = NULL;
		yaml_node_pair_t *pp;

		vr->line = line_of(e);
		if (e->type != YAML_MAPPING_NODE)
			return fail(ld, e, "a version entry must be {file, regex} or {file, parts}");
		for (pp = e->data.mapping.pairs.start; pp < e->data.mapping.pairs.top; pp++) {
			yaml_node_t *ek = node(ld, pp->key), *ev = node(ld, pp->value);
			const char *ks = scalar(ek);

			if (ks && strcmp(ks, "file") == 0 && !vr->file_glob) {
				if (want_string(ld, ek, ev, &vr->file_glob))
					return ASP_ECONFIG;
			} else if (ks && strcmp(ks, "regex") == 0 && !re && !parts) {
				re = ev;
			} else if (ks && strcmp(ks, "parts") == 0 && !re && !parts) {
				parts = ev;
			} else {
				return fail(ld, ek, "unknown or repeated key '%s' in a version entry "
					    "(file, and regex or parts)", ks ? ks : "?");
			}
		}
		if (!vr->file_glob)
			return fail(ld, e, "a version entry needs 'file' (the header that holds it)");
		if (re) {
			vr->parts = calloc(1, sizeof *vr->parts);
			if (!vr->parts)
				return oom(ld);
			vr->nparts = 1;
			if (compile_re(ld, re, "version regex", 1, PAT_REGEX_MULTILINE, vr->parts))
				return ASP_ECONFIG;
		} else if (parts && parts->type == YAML_SEQUENCE_NODE &&
			   parts->data.sequence.items.top > parts->data.sequence.items.start) {
			yaml_node_item_t *pi;

			vr->parts = calloc((size_t)(parts->data.sequence.items.top -
						    parts->data.sequence.items.start),
					   sizeof *vr->parts);
			if (!vr->parts)
				return oom(ld);
			for (pi = parts->data.sequence.items.start; pi < parts->data.sequence.items.top;
			     pi++) {
				int rc = compile_re(ld, node(ld, *pi), "version part regex", 1,
						    PAT_REGEX_MULTILINE, &vr->parts[vr->nparts]);

				vr->nparts++;
				if (rc)
					return rc;
			}
		} else {
			return fail(ld, parts ? parts : e,
				    "a version entry needs 'regex' or a non-empty list 'parts'");
		}
	}
	return ASP_OK;
}

static void sig_clear(struct soup_sig *s)
{
	size_t i, j;

	free(s->name);
	free(s->supplier);
	free(s->licence);
	free(s->description);
	free(s->website);
	free(s->purl);
	free(s->cpe);
	free(s->source);
	strings_free(s->folders, s->nfolders);
	strings_free(s->files, s->nfiles);
	for (i = 0; i < s->nmarkers; i++)
		re_clear(&s->markers[i]);
	free(s->markers);
	for (i = 0; i < s->nversions; i++) {
		for (j = 0; j < s->versions[i].nparts; j++)
			re_clear(&s->versions[i].parts[j]);
		free(s->versions[i].parts);
		free(s->versions[i].file_glob);
	}
	free(s->versions);
	memset(s, 0, sizeof *s);
}

static void lic_clear(struct soup_licence_sig *l)
{
	size_t i;

	for (i = 0; i < l->nall; i++)
		re_clear(&l->all[i]);
	for (i = 0; i < l->nnone; i++)
		re_clear(&l->none[i]);
	free(l->all);
	free(l->none);
	free(l->id);
	free(l->source);
	memset(l, 0, sizeof *l);
}

/* A purl template: pkg:TYPE/...; a CPE template: cpe:2.3:PART:VENDOR:PRODUCT:... */
static int valid_purl(const char *p)
{
	const char *slash;

	if (strncmp(p, "pkg:", 4) != 0)
		return 0;
	slash = strchr(p + 4, '/');
	return slash && slash > p + 4 && slash[1];
}

static int valid_cpe(const char *c)
{
	size_t colons = 0;

	if (strncmp(c, "cpe:2.3:", 8) != 0 || !strchr("aho", c[8]) || c[9] != ':')
		return 0;
	for (; *c; c++)
		colons += *c == ':';
	return colons == 12;
}

static const char *const sig_keys[] = {
	"component", "supplier", "licence", "description", "website", "purl", "cpe",
	"folders", "files", "markers", "versions", NULL
};

static int load_component(struct loader *ld, const yaml_node_t *root)
{
	struct soup_sig s;
	yaml_node_pair_t *pp;
	unsigned seen = 0;
	size_t i;
	int rc = ASP_OK, k;

	memset(&s, 0, sizeof s);
	s.line = line_of(root);
	for (pp = root->data.mapping.pairs.start; !rc && pp < root->data.mapping.pairs.top; pp++) {
		yaml_node_t *kn = node(ld, pp->key), *v = node(ld, pp->value);
		const char *ks = scalar(kn);

		for (k = 0; sig_keys[k]; k++)
			if (ks && strcmp(ks, sig_keys[k]) == 0)
				break;
		if (!sig_keys[k]) {
			rc = fail(ld, kn, "unknown key '%s' (component, supplier, licence, description, "
				  "website, purl, cpe, folders, files, markers, versions)", ks ? ks : "?");
			break;
		}
		if (seen & (1u << k)) {
			rc = fail(ld, kn, "key '%s' given twice", ks);
			break;
		}
		seen |= 1u << k;
		switch (k) {
		case 0: rc = want_string(ld, kn, v, &s.name); break;
		case 1: rc = want_string(ld, kn, v, &s.supplier); break;
		case 2: rc = want_string(ld, kn, v, &s.licence); break;
		case 3: rc = want_string(ld, kn, v, &s.description); break;
		case 4: rc = want_string(ld, kn, v, &s.website); break;
		case 5:
			rc = want_string(ld, kn, v, &s.purl);
			if (!rc && !valid_purl(s.purl))
				rc = fail(ld, v, "purl '%s' must be pkg:TYPE/[NAMESPACE/]NAME[@{version}]",
					  s.purl);
			break;
		case 6:
			rc = want_string(ld, kn, v, &s.cpe);
			if (!rc && !valid_cpe(s.cpe))
				rc = fail(ld, v, "cpe '%s' must be a CPE 2.3 name "
					  "(cpe:2.3:a:VENDOR:PRODUCT:{version}:*:*:*:*:*:*:*)", s.cpe);
			break;
		case 7: rc = want_strings(ld, kn, v, &s.folders, &s.nfolders); break;
		case 8: rc = want_strings(ld, kn, v, &s.files, &s.nfiles); break;
		case 9:
			rc = load_list(ld, kn, v, &s.markers, &s.nmarkers, "marker regex",
				       PAT_REGEX_MULTILINE);
			break;
		default: rc = load_versions(ld, kn, v, &s); break;
		}
	}
	if (!rc && !s.name)
		rc = fail(ld, root, "missing required key 'component' (the component's name)");
	if (!rc && !s.nmarkers && !s.nversions)
		rc = fail(ld, root, "component '%s' needs 'markers' or 'versions': a folder name "
			  "alone does not identify code", s.name);
	for (i = 0; !rc && i < ld->set->n; i++)
		if (strcmp(ld->set->sigs[i].name, s.name) == 0)
			rc = fail(ld, root, "component '%s' is already defined in %s:%d", s.name,
				  ld->set->sigs[i].source, ld->set->sigs[i].line);
	if (!rc) {
		struct soup_sig *p = realloc(ld->set->sigs, (ld->set->n + 1) * sizeof *p);

		s.source = strdup(ld->src);
		if (!p || !s.source) {
			if (p)
				ld->set->sigs = p;
			rc = oom(ld);
		} else {
			ld->set->sigs = p;
			p[ld->set->n++] = s;
			return ASP_OK;
		}
	}
	sig_clear(&s);
	return rc;
}

/* licences: [{id: SPDX, all: [RE...], none: [RE...]}] */
static int load_licences(struct loader *ld, const yaml_node_t *k, const yaml_node_t *v)
{
	yaml_node_item_t *it;

	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "'%s' must be a list of {id, all, none}", scalar(k));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = node(ld, *it);
		struct soup_licence_sig l, *p;
		yaml_node_pair_t *pp;
		int rc = ASP_OK;

		memset(&l, 0, sizeof l);
		l.line = line_of(e);
		if (e->type != YAML_MAPPING_NODE)
			return fail(ld, e, "a licence entry must be {id, all, none}");
		for (pp = e->data.mapping.pairs.start; !rc && pp < e->data.mapping.pairs.top; pp++) {
			yaml_node_t *ek = node(ld, pp->key), *ev = node(ld, pp->value);
			const char *ks = scalar(ek);

			if (ks && strcmp(ks, "id") == 0 && !l.id)
				rc = want_string(ld, ek, ev, &l.id);
			else if (ks && strcmp(ks, "all") == 0 && !l.all)
				rc = load_list(ld, ek, ev, &l.all, &l.nall, "licence text regex",
					       PAT_REGEX_CASELESS);
			else if (ks && strcmp(ks, "none") == 0 && !l.none)
				rc = load_list(ld, ek, ev, &l.none, &l.nnone, "licence text regex",
					       PAT_REGEX_CASELESS);
			else
				rc = fail(ld, ek, "unknown or repeated key '%s' in a licence entry "
					  "(id, all, none)", ks ? ks : "?");
		}
		if (!rc && (!l.id || !l.nall))
			rc = fail(ld, e, "a licence entry needs 'id' and a non-empty list 'all'");
		if (!rc) {
			l.source = strdup(ld->src);
			p = realloc(ld->set->lics, (ld->set->nlics + 1) * sizeof *p);
			if (p)
				ld->set->lics = p;
			if (!p || !l.source)
				rc = oom(ld);
			else
				p[ld->set->nlics++] = l;
		}
		if (rc) {
			lic_clear(&l);
			return rc;
		}
	}
	return ASP_OK;
}

static int load_one(struct loader *ld, const char *src, const char *data, size_t len)
{
	yaml_parser_t p;
	yaml_document_t doc;
	yaml_node_t *root;
	int rc = ASP_OK;

	ld->src = src;
	if (!yaml_parser_initialize(&p))
		return oom(ld);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	if (!yaml_parser_load(&p, &doc)) {
		rc = error_set(ld->err, ASP_ECONFIG, src, (int)p.problem_mark.line + 1,
			       (int)p.problem_mark.column + 1, "invalid YAML: %s",
			       p.problem ? p.problem : "syntax error");
		yaml_parser_delete(&p);
		return rc;
	}
	yaml_parser_delete(&p);
	ld->doc = &doc;
	root = yaml_document_get_root_node(&doc);
	if (!root) {
		rc = error_set(ld->err, ASP_ECONFIG, src, 1, 1, "empty signature file");
	} else if (root->type != YAML_MAPPING_NODE) {
		rc = fail(ld, root, "a signature file is a mapping: 'component: NAME' and its "
			  "keys, or 'licences: [...]'");
	} else {
		yaml_node_t *k = node(ld, root->data.mapping.pairs.start->key);
		const char *ks = scalar(k);

		if (ks && strcmp(ks, "licences") == 0) {
			if (root->data.mapping.pairs.top - root->data.mapping.pairs.start != 1)
				rc = fail(ld, root, "a licence file holds only 'licences'");
			else
				rc = load_licences(ld, k, node(ld, root->data.mapping.pairs.start->value));
		} else {
			rc = load_component(ld, root);
		}
	}
	yaml_document_delete(&doc);
	ld->doc = NULL;
	return rc;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);

	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int push_path(char ***v, size_t *n, const char *s)
{
	char **p;

	if (*n >= SIG_MAX_FILES)
		return ASP_ELIMIT;
	p = realloc(*v, (*n + 1) * sizeof *p);
	if (!p)
		return ASP_ENOMEM;
	*v = p;
	p[*n] = strdup(s);
	if (!p[*n])
		return ASP_ENOMEM;
	(*n)++;
	return ASP_OK;
}

static int collect(const char *dir, char ***v, size_t *n, int depth, struct asp_error *err)
{
	DIR *d;
	struct dirent *e;
	int rc = ASP_OK;

	if (depth > 16)
		return ASP_OK;
	d = opendir(dir);
	if (!d)
		return error_set(err, errno == ENOENT ? ASP_ENOTFOUND : ASP_EIO, dir, 0, 0,
				 "cannot open the signature folder: %s", strerror(errno));
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
			rc = collect(path, v, n, depth + 1, err);
		else if (S_ISREG(st.st_mode) &&
			 (has_suffix(e->d_name, ".yaml") || has_suffix(e->d_name, ".yml")))
			rc = push_path(v, n, path);
	}
	closedir(d);
	if (rc == ASP_ELIMIT)
		return error_set(err, rc, dir, 0, 0, "more than %d signature files", SIG_MAX_FILES);
	if (rc == ASP_ENOMEM)
		return error_set(err, rc, dir, 0, 0, "out of memory");
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_all(const char *path, char **out, size_t *len, struct asp_error *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	*out = NULL;
	if (!f)
		return error_set(err, ASP_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
	buf = malloc(SIG_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	n = fread(buf, 1, SIG_FILE_MAX + 1, f);
	fclose(f);
	if (n > SIG_FILE_MAX) {
		free(buf);
		return error_set(err, ASP_ELIMIT, path, 0, 0, "signature file larger than 1 MiB");
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return ASP_OK;
}

int soup_sig_load(struct soup_sigset **out, const char *const *dirs, size_t ndirs,
		  struct asp_error *err)
{
	struct soup_sigset *set = calloc(1, sizeof *set);
	struct fingerprint_sha256 *h = fingerprint_sha256_begin();
	struct loader ld;
	size_t i, j;
	int rc = ASP_OK;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.set = set;
	ld.err = err;
	if (!set || !h) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; !rc && i < asepsis_soup_sigs_count; i++) {
		char src[512];

		snprintf(src, sizeof src, "rules/soup/%s", asepsis_soup_sigs[i].path);
		fingerprint_sha256_update(h, src, strlen(src) + 1);
		fingerprint_sha256_update(h, asepsis_soup_sigs[i].data, asepsis_soup_sigs[i].len);
		rc = load_one(&ld, src, asepsis_soup_sigs[i].data, asepsis_soup_sigs[i].len);
	}
	for (i = 0; !rc && i < ndirs; i++) {
		char **files = NULL;
		size_t n = 0;

		rc = collect(dirs[i], &files, &n, 0, err);
		if (!rc && n)
			qsort(files, n, sizeof *files, cmp_str);
		for (j = 0; !rc && j < n; j++) {
			char *data = NULL;
			size_t len = 0;

			rc = read_all(files[j], &data, &len, err);
			if (!rc) {
				fingerprint_sha256_update(h, files[j], strlen(files[j]) + 1);
				fingerprint_sha256_update(h, data, len);
				rc = load_one(&ld, files[j], data, len);
			}
			free(data);
		}
		strings_free(files, n);
	}
done:
	if (h)
		fingerprint_sha256_end(h, set ? set->hash : (char[65]){ 0 });
	if (rc) {
		soup_sig_free(set);
		return rc;
	}
	*out = set;
	return ASP_OK;
}

void soup_sig_free(struct soup_sigset *set)
{
	size_t i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++)
		sig_clear(&set->sigs[i]);
	for (i = 0; i < set->nlics; i++)
		lic_clear(&set->lics[i]);
	free(set->sigs);
	free(set->lics);
	free(set);
}

char *soup_sig_expand(const char *t, const char *version)
{
	struct sbuf b = SBUF_INIT(4096);
	const char *p, *hit;

	if (!t)
		return NULL;
	if (strstr(t, "{version}") && (!version || !*version))
		return NULL;
	for (p = t; (hit = strstr(p, "{version}")) != NULL; p = hit + 9) {
		sbuf_append(&b, p, (size_t)(hit - p));
		sbuf_puts(&b, version);
	}
	if (sbuf_puts(&b, p)) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

int soup_sig_glob(const char *glob, const char *path)
{
	const char *base = strrchr(path, '/');

	if (!glob)
		return 1;
	return fnmatch(glob, base ? base + 1 : path, 0) == 0;
}
