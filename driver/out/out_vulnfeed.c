/*
 * Reads vulnerability feeds the user provides, offline: OSV advisories (one
 * per file, arrays of them, an OSV API answer, or a folder of such files)
 * and CycloneDX VEX documents. Fills struct soup_feed; never matches, never
 * touches the network. Every field is checked for its type, so a malformed
 * feed is an error naming the file and the advisory, not a silent gap.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "base/sbuf.h"
#include "soup.h"

#define FEED_FILE_MAX (64u << 20)
#define FEED_MAX_FILES 100000

const char *const soup_vuln_ecosystems[] = {
	"AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux",
	"BellSoft Hardened Containers", "Bioconductor", "Bitnami", "Chainguard", "CleanStart",
	"ConanCenter", "CRAN", "crates.io", "Debian", "Docker Hardened Images", "Echo",
	"FreeBSD", "GHC", "GIT", "GitHub Actions", "Go", "Hackage", "Hex", "Julia", "Linux",
	"Mageia", "Maven", "MinimOS", "npm", "NuGet", "opam", "openEuler", "openSUSE",
	"OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat", "Rocky Linux",
	"RubyGems", "SUSE", "SwiftURL", "Ubuntu", "VSCode", "Wolfi", NULL
};

struct reader {
	struct soup_feed *feed;
	const char *file;
	struct asp_error *err;
};

static int bad(struct reader *rd, const char *adv, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(struct reader *rd, const char *adv, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (adv)
		return error_set(rd->err, ASP_ECONFIG, rd->file, 0, 0, "advisory %s: %s", adv, msg);
	return error_set(rd->err, ASP_ECONFIG, rd->file, 0, 0, "%s", msg);
}

static int oom(struct reader *rd)
{
	return error_set(rd->err, ASP_ENOMEM, rd->file, 0, 0, "out of memory");
}

/* An optional string member: absent is fine, another type is an error. */
static int opt_str(struct reader *rd, const char *adv, json_t *obj, const char *key, char **out)
{
	json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return ASP_OK;
	if (!json_is_string(v))
		return bad(rd, adv, "'%s' must be a string", key);
	*out = strdup(json_string_value(v));
	return *out ? ASP_OK : oom(rd);
}

static int push_str(char ***v, size_t *n, const char *s)
{
	char **p = realloc(*v, (*n + 1) * sizeof *p);

	if (!p)
		return ASP_ENOMEM;
	*v = p;
	p[*n] = strdup(s);
	if (!p[*n])
		return ASP_ENOMEM;
	(*n)++;
	return ASP_OK;
}

static int opt_strs(struct reader *rd, const char *adv, json_t *obj, const char *key,
		    char ***out, size_t *n)
{
	json_t *v = json_object_get(obj, key), *e;
	size_t i;

	if (!v || json_is_null(v))
		return ASP_OK;
	if (!json_is_array(v))
		return bad(rd, adv, "'%s' must be a list of strings", key);
	json_array_foreach(v, i, e) {
		if (!json_is_string(e))
			return bad(rd, adv, "'%s' must be a list of strings", key);
		if (push_str(out, n, json_string_value(e)))
			return oom(rd);
	}
	return ASP_OK;
}

static void affected_clear(struct soup_affected *a)
{
	size_t i, j;

	free(a->ecosystem);
	free(a->name);
	free(a->purl);
	free(a->cpe);
	for (i = 0; i < a->nversions; i++)
		free(a->versions[i]);
	free(a->versions);
	for (i = 0; i < a->nranges; i++) {
		for (j = 0; j < a->ranges[i].nev; j++)
			free(a->ranges[i].ev[j].version);
		free(a->ranges[i].ev);
		free(a->ranges[i].type);
		free(a->ranges[i].vers);
	}
	free(a->ranges);
	memset(a, 0, sizeof *a);
}

static void advisory_clear(struct soup_advisory *a)
{
	size_t i;

	free(a->id);
	for (i = 0; i < a->naliases; i++)
		free(a->aliases[i]);
	free(a->aliases);
	free(a->summary);
	free(a->details);
	free(a->severity);
	free(a->cvss);
	for (i = 0; i < a->nrefs; i++)
		free(a->refs[i]);
	free(a->refs);
	for (i = 0; i < a->ncwes; i++)
		free(a->cwes[i]);
	free(a->cwes);
	free(a->published);
	free(a->modified);
	free(a->source);
	for (i = 0; i < a->naff; i++)
		affected_clear(&a->aff[i]);
	free(a->aff);
	memset(a, 0, sizeof *a);
}

static int known_ecosystem(const char *e)
{
	size_t n = strcspn(e, ":"), i;

	for (i = 0; soup_vuln_ecosystems[i]; i++)
		if (strlen(soup_vuln_ecosystems[i]) == n && strncmp(e, soup_vuln_ecosystems[i], n) == 0)
			return 1;
	return 0;
}

static struct soup_affected *new_affected(struct soup_advisory *a)
{
	struct soup_affected *p = realloc(a->aff, (a->naff + 1) * sizeof *p);

	if (!p)
		return NULL;
	a->aff = p;
	memset(&p[a->naff], 0, sizeof *p);
	return &p[a->naff++];
}

static int osv_ranges(struct reader *rd, const char *adv, json_t *ranges, struct soup_affected *af)
{
	json_t *r;
	size_t i;

	if (!ranges || json_is_null(ranges))
		return ASP_OK;
	if (!json_is_array(ranges))
		return bad(rd, adv, "'ranges' must be a list");
	json_array_foreach(ranges, i, r) {
		json_t *events = json_object_get(r, "events"), *ev;
		struct soup_range *rg, *p;
		size_t j;
		int rc;

		if (!json_is_object(r) || !json_is_array(events))
			return bad(rd, adv, "a range needs 'type' and a list 'events'");
		p = realloc(af->ranges, (af->nranges + 1) * sizeof *p);
		if (!p)
			return oom(rd);
		af->ranges = p;
		rg = &p[af->nranges++];
		memset(rg, 0, sizeof *rg);
		rc = opt_str(rd, adv, r, "type", &rg->type);
		if (rc)
			return rc;
		if (!rg->type)
			return bad(rd, adv, "a range needs 'type' (SEMVER, ECOSYSTEM or GIT)");
		if (strcmp(rg->type, "SEMVER") && strcmp(rg->type, "ECOSYSTEM") &&
		    strcmp(rg->type, "GIT"))
			return bad(rd, adv, "range type '%s' is not SEMVER, ECOSYSTEM or GIT", rg->type);
		rg->ev = calloc(json_array_size(events) + 1, sizeof *rg->ev);
		if (!rg->ev)
			return oom(rd);
		json_array_foreach(events, j, ev) {
			static const char *const kinds[] = { "introduced", "fixed", "last_affected",
							     "limit", NULL };
			const char *key;
			json_t *val;
			int k, found = 0;

			if (!json_is_object(ev) || json_object_size(ev) != 1)
				return bad(rd, adv, "an event must be one of {introduced|fixed|"
					   "last_affected|limit: VERSION}");
			json_object_foreach(ev, key, val) {
				for (k = 0; kinds[k]; k++)
					if (strcmp(key, kinds[k]) == 0)
						break;
				if (!kinds[k] || !json_is_string(val))
					return bad(rd, adv, "event '%s' is not introduced, fixed, "
						   "last_affected or limit with a version string", key);
				rg->ev[rg->nev].kind = k + 1;
				rg->ev[rg->nev].version = strdup(json_string_value(val));
				if (!rg->ev[rg->nev++].version)
					return oom(rd);
				found = 1;
			}
			if (!found)
				return bad(rd, adv, "an empty event");
		}
	}
	return ASP_OK;
}

/* The CVSS v3 vector and severity an OSV entry gives, if any. */
static int osv_severity(struct reader *rd, const char *adv, json_t *o, struct soup_advisory *a)
{
	json_t *sev = json_object_get(o, "severity"), *s, *db;
	size_t i;

	if (sev && !json_is_null(sev)) {
		if (!json_is_array(sev))
			return bad(rd, adv, "'severity' must be a list of {type, score}");
		json_array_foreach(sev, i, s) {
			const char *type = json_string_value(json_object_get(s, "type"));
			const char *score = json_string_value(json_object_get(s, "score"));

			if (!type || !score)
				return bad(rd, adv, "'severity' entries need 'type' and 'score' strings");
			if (!a->cvss && strncmp(type, "CVSS_V3", 7) == 0) {
				a->cvss = strdup(score);
				if (!a->cvss)
					return oom(rd);
			}
		}
	}
	db = json_object_get(o, "database_specific");
	if (json_is_object(db)) {
		const char *word = json_string_value(json_object_get(db, "severity"));
		json_t *cwes = json_object_get(db, "cwe_ids");

		if (word && !a->severity && !(a->severity = strdup(word)))
			return oom(rd);
		if (json_is_array(cwes) && opt_strs(rd, adv, db, "cwe_ids", &a->cwes, &a->ncwes))
			return ASP_ECONFIG;
	}
	if (a->cvss) {
		double sc = soup_vuln_cvss3(a->cvss);

		if (sc < 0)
			return bad(rd, adv, "'%s' is not a CVSS v3 vector", a->cvss);
		a->score = sc;
	}
	return ASP_OK;
}

static int add_advisory(struct reader *rd, struct soup_advisory *a)
{
	struct soup_advisory *p = realloc(rd->feed->v, (rd->feed->n + 1) * sizeof *p);

	if (!p)
		return oom(rd);
	rd->feed->v = p;
	a->source = strdup(rd->file);
	if (!a->source)
		return oom(rd);
	p[rd->feed->n++] = *a;
	memset(a, 0, sizeof *a);
	return ASP_OK;
}

static int osv_one(struct reader *rd, json_t *o, size_t index)
{
	struct soup_advisory a;
	json_t *aff, *refs, *e;
	char where[64];
	const char *adv;
	size_t i;
	int rc;

	memset(&a, 0, sizeof a);
	snprintf(where, sizeof where, "#%zu", index + 1);
	if (!json_is_object(o))
		return bad(rd, where, "an advisory must be a JSON object");
	rc = opt_str(rd, where, o, "id", &a.id);
	if (!rc && !a.id)
		rc = bad(rd, where, "missing 'id'");
	if (rc)
		goto done;
	adv = a.id;
	rc = opt_str(rd, adv, o, "summary", &a.summary);
	if (!rc)
		rc = opt_str(rd, adv, o, "details", &a.details);
	if (!rc)
		rc = opt_str(rd, adv, o, "published", &a.published);
	if (!rc)
		rc = opt_str(rd, adv, o, "modified", &a.modified);
	if (!rc)
		rc = opt_strs(rd, adv, o, "aliases", &a.aliases, &a.naliases);
	if (!rc)
		rc = osv_severity(rd, adv, o, &a);
	if (rc)
		goto done;
	if (json_object_get(o, "withdrawn") && !json_is_null(json_object_get(o, "withdrawn")))
		goto done;   /* a withdrawn advisory affects nothing */
	refs = json_object_get(o, "references");
	if (refs && !json_is_array(refs)) {
		rc = bad(rd, adv, "'references' must be a list of {type, url}");
		goto done;
	}
	json_array_foreach(refs, i, e) {
		const char *url = json_string_value(json_object_get(e, "url"));

		if (!url) {
			rc = bad(rd, adv, "a reference needs 'url'");
			goto done;
		}
		if (push_str(&a.refs, &a.nrefs, url)) {
			rc = oom(rd);
			goto done;
		}
	}
	aff = json_object_get(o, "affected");
	if (!json_is_array(aff)) {
		rc = bad(rd, adv, "missing list 'affected'");
		goto done;
	}
	json_array_foreach(aff, i, e) {
		json_t *pkg = json_object_get(e, "package");
		struct soup_affected *af;

		if (!json_is_object(e)) {
			rc = bad(rd, adv, "'affected' entries must be objects");
			goto done;
		}
		af = new_affected(&a);
		if (!af) {
			rc = oom(rd);
			goto done;
		}
		if (pkg && !json_is_object(pkg)) {
			rc = bad(rd, adv, "'package' must be {ecosystem, name, purl}");
			goto done;
		}
		rc = opt_str(rd, adv, pkg, "ecosystem", &af->ecosystem);
		if (!rc)
			rc = opt_str(rd, adv, pkg, "name", &af->name);
		if (!rc)
			rc = opt_str(rd, adv, pkg, "purl", &af->purl);
		if (!rc && pkg && !af->ecosystem)
			rc = bad(rd, adv, "'package' needs 'ecosystem'");
		if (!rc && af->ecosystem && !known_ecosystem(af->ecosystem))
			rc = bad(rd, adv, "unknown ecosystem '%s' (OSV ecosystems: ConanCenter, "
				 "OSS-Fuzz, Debian, GIT, ...; see docs/soup.md)", af->ecosystem);
		if (!rc && af->purl && strncmp(af->purl, "pkg:", 4) != 0)
			rc = bad(rd, adv, "purl '%s' is not a package URL", af->purl);
		if (!rc)
			rc = opt_strs(rd, adv, e, "versions", &af->versions, &af->nversions);
		if (!rc)
			rc = osv_ranges(rd, adv, json_object_get(e, "ranges"), af);
		if (rc)
			goto done;
	}
	rc = add_advisory(rd, &a);
done:
	advisory_clear(&a);
	return rc;
}

/* ---- CycloneDX VEX ------------------------------------------------------ */

static json_t *vex_component(json_t *doc, const char *ref)
{
	json_t *comps = json_object_get(doc, "components"), *c, *meta;
	size_t i;

	json_array_foreach(comps, i, c) {
		const char *r = json_string_value(json_object_get(c, "bom-ref"));

		if (r && strcmp(r, ref) == 0)
			return c;
	}
	meta = json_object_get(json_object_get(doc, "metadata"), "component");
	if (meta) {
		const char *r = json_string_value(json_object_get(meta, "bom-ref"));

		if (r && strcmp(r, ref) == 0)
			return meta;
	}
	return NULL;
}

static int vex_one(struct reader *rd, json_t *doc, json_t *v, size_t index)
{
	struct soup_advisory a;
	json_t *affects, *e, *ratings, *cwes;
	char where[64];
	const char *adv;
	size_t i;
	int rc;

	memset(&a, 0, sizeof a);
	snprintf(where, sizeof where, "#%zu", index + 1);
	if (!json_is_object(v))
		return bad(rd, where, "a vulnerability must be a JSON object");
	rc = opt_str(rd, where, v, "id", &a.id);
	if (!rc && !a.id)
		rc = bad(rd, where, "missing 'id'");
	if (rc)
		goto done;
	adv = a.id;
	rc = opt_str(rd, adv, v, "description", &a.summary);
	if (!rc)
		rc = opt_str(rd, adv, v, "detail", &a.details);
	if (!rc)
		rc = opt_str(rd, adv, v, "published", &a.published);
	if (!rc)
		rc = opt_str(rd, adv, v, "updated", &a.modified);
	if (rc)
		goto done;
	ratings = json_object_get(v, "ratings");
	json_array_foreach(ratings, i, e) {
		const char *vec = json_string_value(json_object_get(e, "vector"));
		const char *sev = json_string_value(json_object_get(e, "severity"));
		json_t *score = json_object_get(e, "score");

		if (sev && !a.severity && !(a.severity = strdup(sev))) {
			rc = oom(rd);
			goto done;
		}
		if (vec && !a.cvss && strncmp(vec, "CVSS:3", 6) == 0 && !(a.cvss = strdup(vec))) {
			rc = oom(rd);
			goto done;
		}
		if (json_is_number(score) && a.score == 0)
			a.score = json_number_value(score);
	}
	cwes = json_object_get(v, "cwes");
	json_array_foreach(cwes, i, e) {
		char buf[32];

		if (!json_is_integer(e)) {
			rc = bad(rd, adv, "'cwes' must be a list of numbers");
			goto done;
		}
		snprintf(buf, sizeof buf, "CWE-%lld", (long long)json_integer_value(e));
		if (push_str(&a.cwes, &a.ncwes, buf)) {
			rc = oom(rd);
			goto done;
		}
	}
	{
		const char *url = json_string_value(json_object_get(json_object_get(v, "source"), "url"));
		json_t *advs = json_object_get(v, "advisories"), *refs = json_object_get(v, "references");

		if (url && push_str(&a.refs, &a.nrefs, url)) {
			rc = oom(rd);
			goto done;
		}
		json_array_foreach(advs, i, e) {
			const char *u = json_string_value(json_object_get(e, "url"));

			if (u && push_str(&a.refs, &a.nrefs, u)) {
				rc = oom(rd);
				goto done;
			}
		}
		json_array_foreach(refs, i, e) {
			const char *id = json_string_value(json_object_get(e, "id"));

			if (id && push_str(&a.aliases, &a.naliases, id)) {
				rc = oom(rd);
				goto done;
			}
		}
	}
	affects = json_object_get(v, "affects");
	if (!json_is_array(affects)) {
		rc = bad(rd, adv, "missing list 'affects'");
		goto done;
	}
	json_array_foreach(affects, i, e) {
		const char *ref = json_string_value(json_object_get(e, "ref"));
		json_t *versions = json_object_get(e, "versions"), *ver, *comp;
		size_t j;
		struct soup_affected *af, *un = NULL;

		if (!ref) {
			rc = bad(rd, adv, "an 'affects' entry needs 'ref'");
			goto done;
		}
		af = new_affected(&a);
		if (!af) {
			rc = oom(rd);
			goto done;
		}
		comp = strncmp(ref, "pkg:", 4) == 0 ? NULL : vex_component(doc, ref);
		if (strncmp(ref, "pkg:", 4) == 0) {
			af->purl = strdup(ref);
		} else if (comp) {
			rc = opt_str(rd, adv, comp, "purl", &af->purl);
			if (!rc)
				rc = opt_str(rd, adv, comp, "cpe", &af->cpe);
			if (!rc)
				rc = opt_str(rd, adv, comp, "name", &af->name);
			if (!rc && !af->purl && !af->cpe && !af->name)
				rc = bad(rd, adv, "component '%s' has no purl, cpe or name", ref);
			if (!rc && json_is_string(json_object_get(comp, "version")) && !versions) {
				if (push_str(&af->versions, &af->nversions,
					     json_string_value(json_object_get(comp, "version"))))
					rc = oom(rd);
			}
		} else {
			rc = bad(rd, adv, "'affects' names '%s', which is neither a purl nor a "
				 "component of the document", ref);
		}
		if (rc)
			goto done;
		json_array_foreach(versions, j, ver) {
			const char *status = json_string_value(json_object_get(ver, "status"));
			const char *one = json_string_value(json_object_get(ver, "version"));
			const char *range = json_string_value(json_object_get(ver, "range"));
			struct soup_affected *dst = af;

			if (status && strcmp(status, "affected") && strcmp(status, "unaffected") &&
			    strcmp(status, "unknown")) {
				rc = bad(rd, adv, "version status '%s' is not affected, unaffected or "
					 "unknown", status);
				goto done;
			}
			if (!one && !range) {
				rc = bad(rd, adv, "a version entry needs 'version' or 'range'");
				goto done;
			}
			if (status && strcmp(status, "unaffected") == 0) {
				/* kept apart: they exclude versions from the affected ones */
				if (!un) {
					size_t at = (size_t)(af - a.aff);

					un = new_affected(&a);
					if (!un) {
						rc = oom(rd);
						goto done;
					}
					af = &a.aff[at];
					un->unaffected = 1;
					if ((af->purl && !(un->purl = strdup(af->purl))) ||
					    (af->cpe && !(un->cpe = strdup(af->cpe))) ||
					    (af->name && !(un->name = strdup(af->name)))) {
						rc = oom(rd);
						goto done;
					}
				}
				dst = un;
			}
			if (one && push_str(&dst->versions, &dst->nversions, one)) {
				rc = oom(rd);
				goto done;
			}
			if (range) {
				struct soup_range *p;

				if (strncmp(range, "vers:", 5) != 0 || !strchr(range + 5, '/')) {
					rc = bad(rd, adv, "range '%s' is not a vers: range "
						 "(vers:generic/>=1.0|<1.2)", range);
					goto done;
				}
				p = realloc(dst->ranges, (dst->nranges + 1) * sizeof *p);
				if (!p) {
					rc = oom(rd);
					goto done;
				}
				dst->ranges = p;
				memset(&p[dst->nranges], 0, sizeof *p);
				p[dst->nranges].type = strdup("vers");
				p[dst->nranges].vers = strdup(range);
				if (!p[dst->nranges].type || !p[dst->nranges++].vers) {
					rc = oom(rd);
					goto done;
				}
			}
		}
	}
	if (a.cvss) {
		double sc = soup_vuln_cvss3(a.cvss);

		if (sc >= 0 && a.score == 0)
			a.score = sc;
	}
	rc = add_advisory(rd, &a);
done:
	advisory_clear(&a);
	return rc;
}

/* ---- files ---------------------------------------------------------------- */

static int load_file(struct soup_feed *feed, const char *path, struct asp_error *err)
{
	struct reader rd = { feed, path, err };
	json_error_t je;
	json_t *doc, *list, *e;
	struct stat st;
	size_t i;
	int rc = ASP_OK;

	if (stat(path, &st) == 0 && st.st_size > (off_t)FEED_FILE_MAX)
		return error_set(err, ASP_ELIMIT, path, 0, 0, "feed file larger than 64 MiB");
	doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		if (je.position == 0 && access(path, R_OK) != 0)
			return error_set(err, ASP_ENOTFOUND, path, 0, 0, "cannot read the feed: %s",
					 strerror(errno));
		return error_set(err, ASP_ECONFIG, path, je.line, je.column,
				 "malformed feed (not JSON): %s", je.text);
	}
	feed->files++;
	if (json_is_object(doc) && json_is_string(json_object_get(doc, "bomFormat"))) {
		if (strcmp(json_string_value(json_object_get(doc, "bomFormat")), "CycloneDX") != 0) {
			rc = bad(&rd, NULL, "bomFormat is not CycloneDX");
			goto done;
		}
		list = json_object_get(doc, "vulnerabilities");
		if (!json_is_array(list)) {
			rc = bad(&rd, NULL, "a CycloneDX feed needs a list 'vulnerabilities'");
			goto done;
		}
		json_array_foreach(list, i, e)
			if ((rc = vex_one(&rd, doc, e, i)) != ASP_OK)
				break;
		goto done;
	}
	if (json_is_object(doc) && json_is_array(json_object_get(doc, "vulns")))
		list = json_object_get(doc, "vulns");
	else if (json_is_array(doc))
		list = doc;
	else if (json_is_object(doc) && json_object_get(doc, "id"))
		list = NULL;
	else {
		rc = bad(&rd, NULL, "neither an OSV advisory (an object with 'id' and "
			 "'affected'), a list of them, nor a CycloneDX document");
		goto done;
	}
	if (!list)
		rc = osv_one(&rd, doc, 0);
	else
		json_array_foreach(list, i, e)
			if ((rc = osv_one(&rd, e, i)) != ASP_OK)
				break;
done:
	json_decref(doc);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int out_vulnfeed_load(struct soup_feed *feed, const char *path, struct asp_error *err)
{
	struct stat st;
	char **files = NULL;
	size_t n = 0, i;
	struct dirent *e;
	DIR *d;
	int rc = ASP_OK;

	if (stat(path, &st) != 0)
		return error_set(err, ASP_ENOTFOUND, path, 0, 0, "no such feed: %s", strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return load_file(feed, path, err);
	d = opendir(path);
	if (!d)
		return error_set(err, ASP_EIO, path, 0, 0, "cannot read the feed folder: %s",
				 strerror(errno));
	while (!rc && (e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		struct sbuf p = SBUF_INIT(8192);

		if (e->d_name[0] == '.' || l < 6 || strcmp(e->d_name + l - 5, ".json") != 0)
			continue;
		if (n >= FEED_MAX_FILES)
			rc = error_set(err, ASP_ELIMIT, path, 0, 0, "more than %d feed files",
				       FEED_MAX_FILES);
		else if (sbuf_printf(&p, "%s/%s", path, e->d_name) || push_str(&files, &n, sbuf_str(&p)))
			rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		sbuf_free(&p);
	}
	closedir(d);
	if (!rc && n)
		qsort(files, n, sizeof *files, cmp_str);
	for (i = 0; !rc && i < n; i++)
		rc = load_file(feed, files[i], err);
	if (!rc && n == 0)
		rc = error_set(err, ASP_ECONFIG, path, 0, 0, "the feed folder holds no *.json file");
	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
	return rc;
}

void soup_feed_free(struct soup_feed *feed)
{
	size_t i;

	if (!feed)
		return;
	for (i = 0; i < feed->n; i++)
		advisory_clear(&feed->v[i]);
	free(feed->v);
	memset(feed, 0, sizeof *feed);
}
