/*
 * `asepsis merge`: joins the SARIF files of the shards of one analysis into
 * what a single run writes. Runs are grouped by category; within one, the
 * tool, rules and taxonomies must be identical (same version, same rule
 * set), artifacts are united and sorted as the writer sorts them, results
 * are sorted and de-duplicated by the writer's key with artifact indexes
 * renumbered, baseline-absent results are kept only where no shard found
 * them, and the invocations become one. Works on the JSON alone: the
 * sources need not be present.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "out.h"
#include "out_file.h"

struct in {
	const char *name;
	json_t *doc;
};

/* Percent-decoding of a URI, and "file://" dropped: the form the writer
   sorted by. Caller frees. */
static char *uri_plain(const char *u)
{
	char *o, *p;

	if (!u)
		u = "";
	if (strncmp(u, "file://", 7) == 0)
		u += 7;
	o = p = malloc(strlen(u) + 1);
	if (!o)
		return NULL;
	while (*u) {
		if (u[0] == '%' && isxdigit((unsigned char)u[1]) && isxdigit((unsigned char)u[2])) {
			char h[3] = { u[1], u[2], 0 };

			*p++ = (char)strtol(h, NULL, 16);
			u += 3;
		} else {
			*p++ = *u++;
		}
	}
	*p = '\0';
	return o;
}

static const char *sget(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static const char *category_of(json_t *run)
{
	return sget(json_object_get(run, "automationDetails"), "id");
}

/* ---- artifacts ------------------------------------------------------------ */

struct art {
	char *key;          /* decoded uri */
	const char *uri;    /* as written */
	json_t *v;          /* borrowed */
};

static int cmp_art(const void *a, const void *b)
{
	return strcmp(((const struct art *)a)->key, ((const struct art *)b)->key);
}

static long art_find(const struct art *v, size_t n, const char *uri)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].uri, uri) == 0)
			return (long)i;
	return -1;
}

/* Renumbers every artifactLocation that carries an index. */
static void reindex(json_t *j, const struct art *arts, size_t n)
{
	size_t i;
	const char *k;
	json_t *v;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			reindex(v, arts, n);
		return;
	}
	if (!json_is_object(j))
		return;
	json_object_foreach(j, k, v) {
		if (strcmp(k, "artifactLocation") == 0 && json_is_object(v) &&
		    json_object_get(v, "index")) {
			long at = art_find(arts, n, sget(v, "uri"));

			if (at >= 0)
				json_object_set_new(v, "index", json_integer(at));
		} else {
			reindex(v, arts, n);
		}
	}
}

/* ---- results -------------------------------------------------------------- */

struct res {
	json_t *v;          /* borrowed */
	char *uri;          /* decoded uri of the first location */
	long line, col;
	const char *rule, *msg, *fp;
	size_t seq;         /* input order, for a stable sort */
};

static int cmp_res(const void *a, const void *b)
{
	const struct res *x = a, *y = b;
	int c = strcmp(x->uri, y->uri);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	c = strcmp(x->rule, y->rule);
	if (c)
		return c;
	c = strcmp(x->msg, y->msg);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int same_res(const struct res *x, const struct res *y)
{
	return strcmp(x->uri, y->uri) == 0 && x->line == y->line && x->col == y->col &&
	       strcmp(x->rule, y->rule) == 0 && strcmp(x->msg, y->msg) == 0;
}

static int res_fill(struct res *r, json_t *v, size_t seq)
{
	json_t *loc = json_array_get(json_object_get(v, "locations"), 0);
	json_t *phys = json_object_get(loc, "physicalLocation");
	json_t *reg = json_object_get(phys, "region");

	r->v = v;
	r->seq = seq;
	r->uri = uri_plain(sget(json_object_get(phys, "artifactLocation"), "uri"));
	r->line = (long)json_integer_value(json_object_get(reg, "startLine"));
	r->col = (long)json_integer_value(json_object_get(reg, "startColumn"));
	r->rule = sget(v, "ruleId");
	r->msg = sget(json_object_get(v, "message"), "text");
	r->fp = sget(json_object_get(v, "partialFingerprints"), "asepsisFingerprint/v1");
	return r->uri ? 0 : -1;
}

/* ---- notifications -------------------------------------------------------- */

struct note {
	json_t *v;
	char *path;         /* absolute, as the writer sorted by; "" for none */
	long line, col;
	const char *kind, *msg;
	int level;
	const char *uri;    /* as written, "" for none */
};

static int level_rank(const char *l)
{
	return strcmp(l, "error") == 0 ? 2 : strcmp(l, "warning") == 0 ? 1 : 0;
}

static int cmp_note(const void *a, const void *b)
{
	const struct note *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	c = strcmp(x->kind, y->kind);
	if (c)
		return c;
	c = strcmp(x->msg, y->msg);
	if (c)
		return c;
	return (x->level > y->level) - (x->level < y->level);
}

/* The file-status notifications the writer appends after the sorted ones,
   in artifact order. */
static int is_status_note(json_t *n)
{
	const char *id = sget(json_object_get(n, "descriptor"), "id");
	const char *m = sget(json_object_get(n, "message"), "text");

	return (strcmp(id, "partial-coverage") == 0 && strstr(m, ": analysed with reduced coverage")) ||
	       (strcmp(id, "not-analysed") == 0 && strstr(m, ": not analysed"));
}

static int note_fill(struct note *nt, json_t *n, const char *root)
{
	json_t *phys = json_object_get(json_array_get(json_object_get(n, "locations"), 0),
				       "physicalLocation");
	const char *uri = sget(json_object_get(phys, "artifactLocation"), "uri");
	char *plain = uri_plain(uri);

	nt->v = n;
	nt->uri = uri;
	nt->line = (long)json_integer_value(json_object_get(json_object_get(phys, "region"),
							    "startLine"));
	nt->col = 0;
	nt->kind = sget(json_object_get(n, "descriptor"), "id");
	nt->msg = sget(json_object_get(n, "message"), "text");
	nt->level = level_rank(sget(n, "level"));
	if (!plain)
		return -1;
	if (plain[0] && plain[0] != '/' && root && *root) {
		size_t len = strlen(root) + strlen(plain) + 2;

		nt->path = malloc(len);
		if (nt->path)
			snprintf(nt->path, len, "%s%s%s", root,
				 root[strlen(root) - 1] == '/' ? "" : "/", plain);
		free(plain);
		return nt->path ? 0 : -1;
	}
	nt->path = plain;
	return 0;
}

/* ---- the merge of one category --------------------------------------------- */

/* The command line without the --shard option. */
static char *unsharded_command(const char *cmd)
{
	char *o = strdup(cmd ? cmd : ""), *p;

	if (!o)
		return NULL;
	if ((p = strstr(o, " --shard=")) != NULL) {
		char *e = strchr(p + 1, ' ');

		memmove(p, e ? e : p + strlen(p), strlen(e ? e : p + strlen(p)) + 1);
	} else if ((p = strstr(o, " --shard ")) != NULL) {
		char *e = strchr(p + 9, ' ');

		memmove(p, e ? e : p + strlen(p), strlen(e ? e : p + strlen(p)) + 1);
	}
	return o;
}

static int refuse(struct asp_error *err, const char *a, const char *b, const char *what)
{
	return error_set(err, ASP_EUSAGE, b, 0, 0,
			 "cannot merge it with %s: %s (merge joins the shards of one analysis)",
			 a, what);
}

static int merge_group(json_t **runs, const char **names, size_t n, json_t **out,
		       struct asp_error *err)
{
	json_t *base = json_deep_copy(runs[0]);
	json_t *arts_out = json_array(), *res_out = json_array(), *inv = NULL, *notes_out = json_array();
	struct art *arts = NULL;
	struct res *res = NULL, *absent = NULL;
	struct note *notes = NULL;
	size_t narts = 0, nres = 0, nabs = 0, nnotes = 0, i, k, capa = 0, capr = 0, capn = 0;
	const char *root = NULL;
	char *rootplain = NULL, *cmd = NULL;
	const char *start = NULL, *end = NULL;
	int ok = 0, rc = ASP_OK, oom = !base || !arts_out || !res_out || !notes_out;

	/* the same tool, rules and revision, or the files are not shards of one run */
	for (i = 1; i < n && !oom; i++) {
		json_t *d0 = json_object_get(json_object_get(runs[0], "tool"), "driver");
		json_t *di = json_object_get(json_object_get(runs[i], "tool"), "driver");
		json_t *p0 = json_object_get(d0, "properties"), *pi = json_object_get(di, "properties");
		json_t *v0 = json_array_get(json_object_get(runs[0], "versionControlProvenance"), 0);
		json_t *vi = json_array_get(json_object_get(runs[i], "versionControlProvenance"), 0);

		if (strcmp(sget(d0, "version"), sget(di, "version")) != 0) {
			char what[256];

			snprintf(what, sizeof what, "it was written by asepsis %s, not %s",
				 sget(di, "version"), sget(d0, "version"));
			rc = refuse(err, names[0], names[i], what);
			goto done;
		}
		if (strcmp(sget(p0, "rulesetHash"), sget(pi, "rulesetHash")) != 0) {
			rc = refuse(err, names[0], names[i], "it comes from a different rule set "
				    "(rulesetHash differs)");
			goto done;
		}
		if (!json_equal(json_object_get(runs[0], "tool"), json_object_get(runs[i], "tool")) ||
		    !json_equal(json_object_get(runs[0], "taxonomies"),
				json_object_get(runs[i], "taxonomies"))) {
			rc = refuse(err, names[0], names[i], "its rules differ (profile, --enable or "
				    "--disable, or severities)");
			goto done;
		}
		if (strcmp(sget(v0, "revisionId"), sget(vi, "revisionId")) != 0) {
			rc = refuse(err, names[0], names[i], "it analysed a different commit");
			goto done;
		}
	}
	root = sget(json_object_get(json_object_get(runs[0], "originalUriBaseIds"), "%SRCROOT%"),
		    "uri");
	rootplain = uri_plain(root);
	if (!rootplain)
		oom = 1;
	/* artifacts: united by uri, sorted as the writer sorts them */
	for (i = 0; i < n && !oom; i++) {
		json_t *a = json_object_get(runs[i], "artifacts"), *v;

		json_array_foreach(a, k, v) {
			const char *u = sget(json_object_get(v, "location"), "uri");

			if (art_find(arts, narts, u) >= 0)
				continue;
			if (narts == capa) {
				struct art *p = realloc(arts, (capa = capa ? capa * 2 : 64) * sizeof *p);

				if (!p) {
					oom = 1;
					break;
				}
				arts = p;
			}
			arts[narts].uri = u;
			arts[narts].v = v;
			arts[narts].key = uri_plain(u);
			if (!arts[narts++].key)
				oom = 1;
		}
	}
	if (narts)
		qsort(arts, narts, sizeof *arts, cmp_art);
	for (i = 0; i < narts && !oom; i++)
		if (json_array_append(arts_out, arts[i].v) != 0)
			oom = 1;
	/* results */
	for (i = 0; i < n && !oom; i++) {
		json_t *a = json_object_get(runs[i], "results"), *v;

		json_array_foreach(a, k, v) {
			int abs = strcmp(sget(v, "baselineState"), "absent") == 0;

			if (abs && i > 0)
				continue;   /* every shard lists the same baseline; the first will do */
			if (nres + nabs == capr) {
				struct res *p = realloc(res, (capr = capr ? capr * 2 : 256) * sizeof *p);
				struct res *q;

				if (!p) {
					oom = 1;
					break;
				}
				res = p;
				q = realloc(absent, capr * sizeof *q);
				if (!q) {
					oom = 1;
					break;
				}
				absent = q;
			}
			if (abs ? res_fill(&absent[nabs], v, nabs) : res_fill(&res[nres], v, nres)) {
				oom = 1;
				break;
			}
			if (abs)
				nabs++;
			else
				nres++;
		}
	}
	if (nres)
		qsort(res, nres, sizeof *res, cmp_res);
	for (i = 0; i < nres && !oom; i++) {
		if (i && same_res(&res[i - 1], &res[i]))
			continue;   /* a header seen by TUs of several shards */
		if (json_array_append(res_out, res[i].v) != 0)
			oom = 1;
	}
	/* a baseline finding is absent only when no shard found it */
	for (i = 0; i < nabs && !oom; i++) {
		int found = 0;

		for (k = 0; k < nres && !found; k++)
			found = absent[i].fp[0] && strcmp(absent[i].fp, res[k].fp) == 0;
		if (!found && json_array_append(res_out, absent[i].v) != 0)
			oom = 1;
	}
	/* notifications: sorted ones, then file status in artifact order */
	for (i = 0; i < n && !oom; i++) {
		json_t *in = json_array_get(json_object_get(runs[i], "invocations"), 0);
		json_t *a = json_object_get(in, "toolExecutionNotifications"), *v;
		const char *s0 = sget(in, "startTimeUtc"), *e0 = sget(in, "endTimeUtc");

		if (*s0 && (!start || strcmp(s0, start) < 0))
			start = s0;
		if (*e0 && (!end || strcmp(e0, end) > 0))
			end = e0;
		if (json_is_true(json_object_get(in, "executionSuccessful")))
			ok = 1;
		json_array_foreach(a, k, v) {
			if (strcmp(sget(json_object_get(v, "descriptor"), "id"), "results-truncated") == 0)
				continue;   /* said of one shard's file, not of the merge */
			if (nnotes == capn) {
				struct note *p = realloc(notes, (capn = capn ? capn * 2 : 64) * sizeof *p);

				if (!p) {
					oom = 1;
					break;
				}
				notes = p;
			}
			if (note_fill(&notes[nnotes++], v, rootplain)) {
				oom = 1;
				break;
			}
		}
	}
	if (!oom) {
		size_t m = 0;

		for (i = 0; i < nnotes; i++)
			if (!is_status_note(notes[i].v)) {
				struct note t = notes[m];

				notes[m++] = notes[i];
				notes[i] = t;
			}
		if (m)
			qsort(notes, m, sizeof *notes, cmp_note);
		for (i = 0; i < m && !oom; i++) {
			if (i && cmp_note(&notes[i - 1], &notes[i]) == 0)
				continue;
			if (json_array_append(notes_out, notes[i].v) != 0)
				oom = 1;
		}
		for (k = 0; k < narts && !oom; k++)
			for (i = m; i < nnotes; i++)
				if (strcmp(notes[i].uri, arts[k].uri) == 0) {
					if (json_array_append(notes_out, notes[i].v) != 0)
						oom = 1;
					break;
				}
	}
	if (oom) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	inv = json_deep_copy(json_array_get(json_object_get(base, "invocations"), 0));
	cmd = unsharded_command(sget(inv, "commandLine"));
	if (!inv || !cmd) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	if (json_object_get(inv, "commandLine"))
		json_object_set_new(inv, "commandLine", json_string(cmd));
	if (start)
		json_object_set_new(inv, "startTimeUtc", json_string(start));
	if (end)
		json_object_set_new(inv, "endTimeUtc", json_string(end));
	json_object_set_new(inv, "executionSuccessful", json_boolean(ok));
	json_object_set(inv, "toolExecutionNotifications", notes_out);
	json_object_set_new(base, "invocations", json_pack("[o]", inv));
	inv = NULL;
	/* the copies in arts_out/res_out still share objects with the inputs:
	   copy before renumbering */
	{
		json_t *a2 = json_deep_copy(arts_out), *r2 = json_deep_copy(res_out);

		if (!a2 || !r2) {
			json_decref(a2);
			json_decref(r2);
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		reindex(r2, arts, narts);
		json_object_set_new(base, "artifacts", a2);
		json_object_set_new(base, "results", r2);
	}
	*out = base;
	base = NULL;
done:
	json_decref(inv);
	json_decref(base);
	json_decref(arts_out);
	json_decref(res_out);
	json_decref(notes_out);
	for (i = 0; i < narts; i++)
		free(arts[i].key);
	for (i = 0; i < nres; i++)
		free(res[i].uri);
	for (i = 0; i < nabs; i++)
		free(absent[i].uri);
	for (i = 0; i < nnotes; i++)
		free(notes[i].path);
	free(arts);
	free(res);
	free(absent);
	free(notes);
	free(rootplain);
	free(cmd);
	return rc;
}

/* Results of the merged document that fail a gate at fail_on: not
   suppressed, not dispositioned, not absent. */
static size_t count_blocking(json_t *runs, int fail_on)
{
	size_t i, k, n = 0;
	json_t *r, *v;

	if (fail_on <= ASP_LEVEL_NONE)
		return 0;
	json_array_foreach(runs, i, r) {
		json_array_foreach(json_object_get(r, "results"), k, v) {
			const char *lv = sget(v, "level"), *st;
			int level = strcmp(lv, "error") == 0 ? ASP_LEVEL_ERROR
				: strcmp(lv, "warning") == 0 ? ASP_LEVEL_WARNING
				: strcmp(lv, "note") == 0 ? ASP_LEVEL_NOTE : ASP_LEVEL_NONE;

			st = sget(json_object_get(v, "properties"), "triageState");
			if (level < fail_on || json_array_size(json_object_get(v, "suppressions")) ||
			    strcmp(sget(v, "baselineState"), "absent") == 0 ||
			    strcmp(st, "accepted-risk") == 0 || strcmp(st, "false-positive") == 0 ||
			    strcmp(st, "deferred") == 0)
				continue;
			n++;
		}
	}
	return n;
}

int out_sarif_merge(const char *const *inputs, size_t n, const char *output, int fail_on,
		    size_t *blocking, struct asp_error *err)
{
	struct in *in = calloc(n ? n : 1, sizeof *in);
	json_t *doc = NULL, *runs_out = NULL;
	json_t **group = NULL;
	const char **gnames = NULL;
	const char **cats = NULL;
	size_t ncats = 0, total = 0, i, k, c;
	struct out_file of;
	int rc = ASP_OK;

	memset(&of, 0, sizeof of);
	of.append_fd = -1;
	if (!in)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		json_error_t je;
		json_t *runs, *r;

		in[i].name = inputs[i];
		in[i].doc = json_load_file(inputs[i], 0, &je);
		if (!in[i].doc) {
			rc = error_set(err, ASP_EUSAGE, inputs[i], je.line > 0 ? je.line : 0,
				       je.column > 0 ? je.column : 0, "not a JSON file: %s", je.text);
			goto done;
		}
		runs = json_object_get(in[i].doc, "runs");
		if (strcmp(sget(in[i].doc, "version"), "2.1.0") != 0 || !json_is_array(runs)) {
			rc = error_set(err, ASP_EUSAGE, inputs[i], 0, 0, "not a SARIF 2.1.0 file");
			goto done;
		}
		json_array_foreach(runs, k, r) {
			json_t *drv = json_object_get(json_object_get(r, "tool"), "driver");

			if (strcmp(sget(drv, "name"), "asepsis") != 0) {
				rc = error_set(err, ASP_EUSAGE, inputs[i], 0, 0,
					       "run %zu was written by '%s', not asepsis", k + 1,
					       sget(drv, "name"));
				goto done;
			}
			if (!json_is_array(json_object_get(r, "results")) ||
			    !json_is_array(json_object_get(r, "artifacts")) ||
			    json_array_size(json_object_get(r, "invocations")) != 1) {
				rc = error_set(err, ASP_EUSAGE, inputs[i], 0, 0,
					       "run %zu lacks the results, artifacts or invocation "
					       "asepsis writes", k + 1);
				goto done;
			}
			total++;
		}
	}
	cats = calloc(total ? total : 1, sizeof *cats);
	group = calloc(total ? total : 1, sizeof *group);
	gnames = calloc(total ? total : 1, sizeof *gnames);
	runs_out = json_array();
	doc = json_deep_copy(in[0].doc);
	if (!cats || !group || !gnames || !runs_out || !doc) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		json_t *r;

		json_array_foreach(json_object_get(in[i].doc, "runs"), k, r) {
			const char *cat = category_of(r);

			for (c = 0; c < ncats && strcmp(cats[c], cat) != 0; c++)
				;
			if (c == ncats)
				cats[ncats++] = cat;
		}
	}
	/* one run per category, in the order the categories first appear */
	for (c = 0; c < ncats; c++) {
		size_t ng = 0;
		json_t *merged = NULL, *r;

		for (i = 0; i < n; i++)
			json_array_foreach(json_object_get(in[i].doc, "runs"), k, r)
				if (strcmp(category_of(r), cats[c]) == 0) {
					gnames[ng] = in[i].name;
					group[ng++] = r;
				}
		rc = merge_group(group, gnames, ng, &merged, err);
		if (rc)
			goto done;
		if (json_array_append_new(runs_out, merged) != 0) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
	}
	json_object_set(doc, "runs", runs_out);
	if (blocking)
		*blocking = count_blocking(runs_out, fail_on);
	rc = out_file_open(&of, output, "SARIF file", err);
	if (rc)
		goto done;
	if (json_dumpf(doc, of.f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 ||
	    fputc('\n', of.f) == EOF) {
		rc = error_set(err, ASP_EIO, output, 0, 0, "cannot write the SARIF file");
		goto done;
	}
	rc = out_file_commit(&of, err);
done:
	out_file_abort(&of);
	for (i = 0; i < n; i++)
		json_decref(in[i].doc);
	free(in);
	json_decref(doc);
	json_decref(runs_out);
	free(cats);
	free(group);
	free(gnames);
	return rc;
}
