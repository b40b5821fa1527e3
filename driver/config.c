/*
 * Loads .asepsis.yml with libyaml. Every key is known and typed; anything
 * else is refused with the file, line and key, because a misspelt key that
 * is silently ignored would change what an audited run checked.
 */
#include "config.h"

#include <fnmatch.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/sbuf.h"
#include "discover.h"

#define CONFIG_MAX (1024 * 1024)

static int line_of(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int type_error(struct asp_error *err, const char *file, const yaml_node_t *n,
		      const char *key, const char *want)
{
	return error_set(err, ASP_ECONFIG, file, line_of(n), 0, "'%s' must be %s", key, want);
}

static int push(struct strlist *l, const char *s)
{
	char **p = realloc(l->v, (l->n + 1) * sizeof *p);

	if (!p)
		return ASP_ENOMEM;
	l->v = p;
	p[l->n] = strdup(s);
	return p[l->n++] ? ASP_OK : ASP_ENOMEM;
}

static void list_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int get_string(struct asp_error *err, const char *file, const char *key,
		      const yaml_node_t *v, char **out)
{
	const char *s = scalar(v);

	if (!s || !*s)
		return type_error(err, file, v, key, "a non-empty string");
	free(*out);
	*out = strdup(s);
	return *out ? ASP_OK : ASP_ENOMEM;
}

static int get_list(yaml_document_t *doc, struct asp_error *err, const char *file,
		    const char *key, const yaml_node_t *v, struct strlist *out)
{
	yaml_node_item_t *it;

	if (v->type != YAML_SEQUENCE_NODE)
		return type_error(err, file, v, key, "a list of strings");
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const yaml_node_t *e = yaml_document_get_node(doc, *it);
		const char *s = scalar(e);

		if (!s || !*s)
			return type_error(err, file, e, key, "a list of non-empty strings");
		if (push(out, s))
			return ASP_ENOMEM;
	}
	return ASP_OK;
}

static int get_paths(yaml_document_t *doc, struct asp_error *err, const char *file,
		     const char *key, const yaml_node_t *v, const char *root, struct strlist *out)
{
	struct strlist raw = { NULL, 0 };
	size_t i;
	int rc = get_list(doc, err, file, key, v, &raw);

	for (i = 0; !rc && i < raw.n; i++) {
		char *abs = discover_abspath(raw.v[i], root);

		rc = abs ? push(out, abs) : ASP_ENOMEM;
		free(abs);
	}
	list_free(&raw);
	return rc;
}

static int get_severity(yaml_document_t *doc, struct asp_error *err, const char *file,
			const yaml_node_t *v, struct config *cfg)
{
	yaml_node_pair_t *pp;

	if (v->type != YAML_MAPPING_NODE)
		return type_error(err, file, v, "severity", "a mapping of rule ID to level");
	for (pp = v->data.mapping.pairs.start; pp < v->data.mapping.pairs.top; pp++) {
		const yaml_node_t *k = yaml_document_get_node(doc, pp->key);
		const yaml_node_t *l = yaml_document_get_node(doc, pp->value);

		if (!scalar(k) || ruleset_level_parse(scalar(l)) < 0)
			return type_error(err, file, l, "severity",
					  "a mapping of rule ID to error, warning, note or none");
		if (push(&cfg->severity_ids, scalar(k)) || push(&cfg->severity_levels, scalar(l)))
			return ASP_ENOMEM;
	}
	return ASP_OK;
}

static int get_pairs(yaml_document_t *doc, struct asp_error *err, const char *file,
		     const yaml_node_t *v, struct config *cfg)
{
	yaml_node_item_t *it;

	if (v->type != YAML_SEQUENCE_NODE)
		return type_error(err, file, v, "resource_pairs",
				  "a list of {open: NAME, close: NAME}");
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const yaml_node_t *e = yaml_document_get_node(doc, *it);
		const char *open = NULL, *close = NULL;
		struct config_pair *p;
		yaml_node_pair_t *pp;

		if (e->type != YAML_MAPPING_NODE)
			return type_error(err, file, e, "resource_pairs",
					  "a list of {open: NAME, close: NAME}");
		for (pp = e->data.mapping.pairs.start; pp < e->data.mapping.pairs.top; pp++) {
			const char *k = scalar(yaml_document_get_node(doc, pp->key));
			const char *s = scalar(yaml_document_get_node(doc, pp->value));

			if (k && strcmp(k, "open") == 0)
				open = s;
			else if (k && strcmp(k, "close") == 0)
				close = s;
			else
				return error_set(err, ASP_ECONFIG, file,
						 line_of(yaml_document_get_node(doc, pp->key)), 0,
						 "unknown key '%s' in resource_pairs (open, close)",
						 k ? k : "?");
		}
		if (!open || !close || !*open || !*close)
			return type_error(err, file, e, "resource_pairs",
					  "a list of {open: NAME, close: NAME}");
		p = realloc(cfg->resource_pairs, (cfg->nresource_pairs + 1) * sizeof *p);
		if (!p)
			return ASP_ENOMEM;
		cfg->resource_pairs = p;
		p[cfg->nresource_pairs].open = strdup(open);
		p[cfg->nresource_pairs].close = strdup(close);
		cfg->nresource_pairs++;
		if (!p[cfg->nresource_pairs - 1].open || !p[cfg->nresource_pairs - 1].close)
			return ASP_ENOMEM;
	}
	return ASP_OK;
}

/* soup: [{name, version, path, licence?, supplier?, purl?, cpe?}] */
static int get_soup(yaml_document_t *doc, struct asp_error *err, const char *file,
		    const yaml_node_t *v, struct config *cfg)
{
	static const char *const keys[] = { "name", "version", "path", "licence", "supplier",
					    "purl", "cpe", NULL };
	yaml_node_item_t *it;

	if (v->type != YAML_SEQUENCE_NODE)
		return type_error(err, file, v, "soup", "a list of {name, version, path}");
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const yaml_node_t *e = yaml_document_get_node(doc, *it);
		struct config_soup *d;
		yaml_node_pair_t *pp;
		char *fields[7] = { NULL };
		char *abs = NULL;
		int rc = ASP_OK, i;

		if (e->type != YAML_MAPPING_NODE)
			return type_error(err, file, e, "soup", "a list of {name, version, path}");
		for (pp = e->data.mapping.pairs.start; !rc && pp < e->data.mapping.pairs.top; pp++) {
			const yaml_node_t *k = yaml_document_get_node(doc, pp->key);
			const char *ks = scalar(k);

			for (i = 0; keys[i]; i++)
				if (ks && strcmp(ks, keys[i]) == 0)
					break;
			if (!keys[i] || fields[i])
				rc = error_set(err, ASP_ECONFIG, file, line_of(k), 0,
					       "unknown or repeated key '%s' in soup (name, version, "
					       "path, licence, supplier, purl, cpe)", ks ? ks : "?");
			else
				rc = get_string(err, file, ks, yaml_document_get_node(doc, pp->value),
						&fields[i]);
		}
		for (i = 0; !rc && i < 3; i++)
			if (!fields[i])
				rc = error_set(err, ASP_ECONFIG, file, line_of(e), 0,
					       "a soup entry needs '%s' (name, version and path are "
					       "required)", keys[i]);
		if (!rc && fields[5] && strncmp(fields[5], "pkg:", 4) != 0)
			rc = type_error(err, file, e, "purl", "a package URL (pkg:TYPE/NAME@VERSION)");
		if (!rc && fields[6] && strncmp(fields[6], "cpe:2.3:", 8) != 0)
			rc = type_error(err, file, e, "cpe", "a CPE 2.3 name (cpe:2.3:...)");
		if (!rc) {
			abs = discover_abspath(fields[2], cfg->root);
			free(fields[2]);
			fields[2] = abs ? discover_relpath(cfg->root, abs) : NULL;
			if (abs && !fields[2])
				rc = error_set(err, ASP_ECONFIG, file, line_of(e), 0,
					       "soup path '%s' is outside the project root", abs);
			else if (fields[2] && !fields[2][0])
				rc = error_set(err, ASP_ECONFIG, file, line_of(e), 0,
					       "soup path '%s' is the project root itself: name the "
					       "component's folder", abs);
			else if (!abs)
				rc = ASP_ENOMEM;
			free(abs);
		}
		d = rc ? NULL : realloc(cfg->soup, (cfg->nsoup + 1) * sizeof *d);
		if (!rc && !d)
			rc = ASP_ENOMEM;
		if (rc) {
			for (i = 0; i < 7; i++)
				free(fields[i]);
			return rc;
		}
		cfg->soup = d;
		d = &d[cfg->nsoup++];
		d->name = fields[0];
		d->version = fields[1];
		d->path = fields[2];
		d->licence = fields[3];
		d->supplier = fields[4];
		d->purl = fields[5];
		d->cpe = fields[6];
		d->line = line_of(e);
	}
	return ASP_OK;
}

int config_load(struct config *cfg, const char *path, struct asp_error *err)
{
	static const char *const keys[] = {
		"profile", "engine", "fail_on", "compile_database", "enable", "disable",
		"severity", "include", "exclude", "rules_dirs", "plugins", "patient_data",
		"resource_pairs", "soup_dirs", "soup", "soup_policy", NULL
	};
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	yaml_node_pair_t *pp;
	FILE *f = NULL;
	char *slash;
	unsigned seen = 0;
	int rc = ASP_OK, have_doc = 0, have_parser = 0, i;

	memset(cfg, 0, sizeof *cfg);
	cfg->fail_on = -1;
	cfg->path = discover_abspath(path, NULL);
	if (!cfg->path)
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	cfg->root = strdup(cfg->path);
	if (!cfg->root)
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	slash = strrchr(cfg->root, '/');
	if (slash)
		*(slash == cfg->root ? slash + 1 : slash) = '\0';
	f = fopen(path, "rb");
	if (!f)
		return error_set(err, ASP_ENOTFOUND, path, 0, 0, "cannot read the configuration");
	if (!yaml_parser_initialize(&parser)) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	have_parser = 1;
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = error_set(err, ASP_ECONFIG, path, (int)parser.problem_mark.line + 1,
			       (int)parser.problem_mark.column + 1, "invalid YAML: %s",
			       parser.problem ? parser.problem : "syntax error");
		goto done;
	}
	have_doc = 1;
	root = yaml_document_get_root_node(&doc);
	if (!root)
		goto done;   /* an empty file configures nothing */
	if (root->type != YAML_MAPPING_NODE) {
		rc = error_set(err, ASP_ECONFIG, path, line_of(root), 0,
			       "the configuration must be a mapping of keys to values");
		goto done;
	}
	for (pp = root->data.mapping.pairs.start; !rc && pp < root->data.mapping.pairs.top; pp++) {
		const yaml_node_t *k = yaml_document_get_node(&doc, pp->key);
		const yaml_node_t *v = yaml_document_get_node(&doc, pp->value);
		const char *ks = scalar(k);

		for (i = 0; keys[i]; i++)
			if (ks && strcmp(ks, keys[i]) == 0)
				break;
		if (!keys[i]) {
			rc = error_set(err, ASP_ECONFIG, path, line_of(k), 0,
				       "unknown key '%s' (see docs/configuration.md)", ks ? ks : "?");
			break;
		}
		if (seen & (1u << i)) {
			rc = error_set(err, ASP_ECONFIG, path, line_of(k), 0, "key '%s' given twice", ks);
			break;
		}
		seen |= 1u << i;
		switch (i) {
		case 0: rc = get_string(err, path, ks, v, &cfg->profile); break;
		case 1:
			rc = get_string(err, path, ks, v, &cfg->engine);
			if (!rc && strcmp(cfg->engine, "auto") && strcmp(cfg->engine, "clang") &&
			    strcmp(cfg->engine, "pattern"))
				rc = type_error(err, path, v, ks, "auto, clang or pattern");
			break;
		case 2:
			cfg->fail_on = ruleset_level_parse(scalar(v));
			if (cfg->fail_on < 0)
				rc = type_error(err, path, v, ks, "none, note, warning or error");
			break;
		case 3: {
			char *tmp = NULL;

			rc = get_string(err, path, ks, v, &tmp);
			if (!rc) {
				cfg->compile_database = discover_abspath(tmp, cfg->root);
				rc = cfg->compile_database ? ASP_OK : ASP_ENOMEM;
			}
			free(tmp);
			break;
		}
		case 4: rc = get_list(&doc, err, path, ks, v, &cfg->enable); break;
		case 5: rc = get_list(&doc, err, path, ks, v, &cfg->disable); break;
		case 6: rc = get_severity(&doc, err, path, v, cfg); break;
		case 7: rc = get_list(&doc, err, path, ks, v, &cfg->include); break;
		case 8: rc = get_list(&doc, err, path, ks, v, &cfg->exclude); break;
		case 9: rc = get_paths(&doc, err, path, ks, v, cfg->root, &cfg->rules_dirs); break;
		case 10:
			cfg->plugins_line = line_of(k);
			rc = get_paths(&doc, err, path, ks, v, cfg->root, &cfg->plugins);
			break;
		case 11: rc = get_list(&doc, err, path, ks, v, &cfg->patient_data); break;
		case 12: rc = get_pairs(&doc, err, path, v, cfg); break;
		case 13: rc = get_paths(&doc, err, path, ks, v, cfg->root, &cfg->soup_dirs); break;
		case 14: rc = get_soup(&doc, err, path, v, cfg); break;
		default:
			rc = get_string(err, path, ks, v, &cfg->soup_policy);
			if (!rc && strcmp(cfg->soup_policy, "report") &&
			    strcmp(cfg->soup_policy, "separate") && strcmp(cfg->soup_policy, "ignore"))
				rc = type_error(err, path, v, ks, "report, separate or ignore");
			break;
		}
	}
	if (rc == ASP_ENOMEM)
		error_set(err, rc, path, 0, 0, "out of memory");
done:
	if (have_doc)
		yaml_document_delete(&doc);
	if (have_parser)
		yaml_parser_delete(&parser);
	if (f)
		fclose(f);
	return rc;
}

void config_free(struct config *cfg)
{
	size_t i;

	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->root);
	free(cfg->profile);
	free(cfg->engine);
	free(cfg->compile_database);
	list_free(&cfg->enable);
	list_free(&cfg->disable);
	list_free(&cfg->severity_ids);
	list_free(&cfg->severity_levels);
	list_free(&cfg->include);
	list_free(&cfg->exclude);
	list_free(&cfg->rules_dirs);
	list_free(&cfg->plugins);
	list_free(&cfg->patient_data);
	for (i = 0; i < cfg->nresource_pairs; i++) {
		free(cfg->resource_pairs[i].open);
		free(cfg->resource_pairs[i].close);
	}
	free(cfg->resource_pairs);
	list_free(&cfg->soup_dirs);
	for (i = 0; i < cfg->nsoup; i++) {
		free(cfg->soup[i].name);
		free(cfg->soup[i].version);
		free(cfg->soup[i].path);
		free(cfg->soup[i].licence);
		free(cfg->soup[i].supplier);
		free(cfg->soup[i].purl);
		free(cfg->soup[i].cpe);
	}
	free(cfg->soup);
	free(cfg->soup_policy);
	memset(cfg, 0, sizeof *cfg);
}

char *config_user_path(void)
{
	const char *env = getenv("ASEPSIS_USER_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct sbuf b = SBUF_INIT(8192);

	if (env && *env)
		return strdup(env);
	if (xdg && *xdg == '/') {
		sbuf_printf(&b, "%s/asepsis/config.yml", xdg);
	} else {
		if (!home || !*home) {
			struct passwd *pw = getpwuid(getuid());

			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || !*home)
			return NULL;
		sbuf_printf(&b, "%s/.config/asepsis/config.yml", home);
	}
	return sbuf_take(&b);
}

static int under(const char *path, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

int config_user_load(struct config_user *u, const char *path, const char *root,
		     struct asp_error *err)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *top;
	yaml_node_pair_t *pp;
	struct stat st;
	FILE *f = NULL;
	char *abs = NULL, *dir = NULL, *slash;
	int rc = ASP_OK, have_doc = 0, have_parser = 0;

	memset(u, 0, sizeof *u);
	if (!path || stat(path, &st) != 0)
		return ASP_OK;   /* no user configuration */
	abs = discover_abspath(path, NULL);
	dir = abs ? strdup(abs) : NULL;
	if (!abs || !dir) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	if (root && under(abs, root)) {
		rc = error_set(err, ASP_ECONFIG, path, 0, 0,
			       "the user configuration lies inside the analysed project (%s); "
			       "it must live outside any repository", root);
		goto done;
	}
	if (!S_ISREG(st.st_mode) || (st.st_mode & (S_IWGRP | S_IWOTH)) ||
	    (st.st_uid != getuid() && st.st_uid != 0)) {
		rc = error_set(err, ASP_ECONFIG, path, 0, 0,
			       "the user configuration must be a regular file owned by you "
			       "and writable by nobody else (it can load code)");
		goto done;
	}
	f = fopen(abs, "rb");
	if (!f) {
		rc = error_set(err, ASP_ENOTFOUND, path, 0, 0, "cannot read the user configuration");
		goto done;
	}
	if (!yaml_parser_initialize(&parser)) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	have_parser = 1;
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = error_set(err, ASP_ECONFIG, path, (int)parser.problem_mark.line + 1,
			       (int)parser.problem_mark.column + 1, "invalid YAML: %s",
			       parser.problem ? parser.problem : "syntax error");
		goto done;
	}
	have_doc = 1;
	u->path = abs;
	abs = NULL;
	top = yaml_document_get_root_node(&doc);
	if (!top)
		goto done;
	if (top->type != YAML_MAPPING_NODE) {
		rc = error_set(err, ASP_ECONFIG, path, line_of(top), 0,
			       "the user configuration must be a mapping of keys to values");
		goto done;
	}
	for (pp = top->data.mapping.pairs.start; !rc && pp < top->data.mapping.pairs.top; pp++) {
		const yaml_node_t *k = yaml_document_get_node(&doc, pp->key);
		const yaml_node_t *v = yaml_document_get_node(&doc, pp->value);
		const char *ks = scalar(k);

		if (ks && strcmp(ks, "plugins") == 0)
			rc = get_paths(&doc, err, path, ks, v, dir, &u->plugins);
		else if (ks && strcmp(ks, "trusted_projects") == 0)
			rc = get_paths(&doc, err, path, ks, v, dir, &u->trusted_roots);
		else
			rc = error_set(err, ASP_ECONFIG, path, line_of(k), 0,
				       "unknown key '%s' in the user configuration "
				       "(plugins, trusted_projects)", ks ? ks : "?");
	}
	if (rc == ASP_ENOMEM)
		error_set(err, rc, path, 0, 0, "out of memory");
done:
	if (have_doc)
		yaml_document_delete(&doc);
	if (have_parser)
		yaml_parser_delete(&parser);
	if (f)
		fclose(f);
	free(abs);
	free(dir);
	return rc;
}

void config_user_free(struct config_user *u)
{
	if (!u)
		return;
	free(u->path);
	list_free(&u->plugins);
	list_free(&u->trusted_roots);
	memset(u, 0, sizeof *u);
}

int config_user_trusts(const struct config_user *u, const char *root)
{
	size_t i;

	for (i = 0; i < u->trusted_roots.n; i++)
		if (strcmp(u->trusted_roots.v[i], root) == 0)
			return 1;
	return 0;
}

/* Globs match root-relative paths; '*' also matches '/', so "vendor/" followed
   by '*' selects the whole tree. */
static int matches(const struct strlist *l, const char *rel)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (fnmatch(l->v[i], rel, 0) == 0)
			return 1;
	return 0;
}

int config_path_selected(const struct config *cfg, const char *relpath)
{
	if (cfg->include.n && !matches(&cfg->include, relpath))
		return 0;
	return !matches(&cfg->exclude, relpath);
}

char *config_patient_pattern(const struct config *cfg)
{
	struct sbuf b = SBUF_INIT(1 << 16);
	size_t i;
	int rc;

	if (!cfg->patient_data.n)
		return NULL;
	rc = sbuf_puts(&b, "(?i)(");
	for (i = 0; !rc && i < cfg->patient_data.n; i++)
		rc = sbuf_printf(&b, "%s(?:%s)", i ? "|" : "", cfg->patient_data.v[i]);
	if (!rc)
		rc = sbuf_putc(&b, ')');
	if (rc) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}
