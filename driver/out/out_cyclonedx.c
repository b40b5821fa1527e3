/*
 * CycloneDX 1.5 JSON from the writer's own model (out.h), for any bill of
 * materials: the product's SOUP list, the tool's own. Licences go out as
 * SPDX identifiers where the identifier is on the SPDX list, else as an
 * expression. The serial number is a UUID derived from the content, so the
 * same input gives the same bytes apart from the timestamp.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "fingerprint.h"
#include "out.h"

struct cdx {
	int oom;
};

static json_t *str(struct cdx *c, const char *s)
{
	json_t *v = json_string(s ? s : "");

	if (!v)
		c->oom = 1;
	return v;
}

static void set(struct cdx *c, json_t *o, const char *k, json_t *v)
{
	if (!v || json_object_set_new(o, k, v))
		c->oom = 1;
}

static void set_str(struct cdx *c, json_t *o, const char *k, const char *s)
{
	if (s && *s)
		set(c, o, k, str(c, s));
}

static void push(struct cdx *c, json_t *a, json_t *v)
{
	if (!v || json_array_append_new(a, v))
		c->oom = 1;
}

static json_t *obj(struct cdx *c)
{
	json_t *o = json_object();

	if (!o)
		c->oom = 1;
	return o;
}

static json_t *arr(struct cdx *c)
{
	json_t *a = json_array();

	if (!a)
		c->oom = 1;
	return a;
}

int out_cyclonedx_spdx_id(const char *id)
{
	/* identifiers of the SPDX licence list that the signature data and
	   declarations commonly use; anything else is written as an expression */
	static const char *const ids[] = {
		"0BSD", "Apache-2.0", "Artistic-2.0", "BSD-1-Clause", "BSD-2-Clause",
		"BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause",
		"BSL-1.0", "CC0-1.0", "CC-BY-4.0", "curl", "EPL-1.0", "EPL-2.0", "GPL-1.0-or-later",
		"GPL-2.0", "GPL-2.0+", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0",
		"GPL-3.0+", "GPL-3.0-only", "GPL-3.0-or-later", "ISC", "LGPL-2.0-only",
		"LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1+", "LGPL-2.1-only", "LGPL-2.1-or-later",
		"LGPL-3.0-only", "LGPL-3.0-or-later", "Libpng", "MIT", "MIT-0", "MPL-1.1",
		"MPL-2.0", "OpenSSL", "Python-2.0", "Unlicense", "UPL-1.0", "WTFPL", "X11",
		"Zlib", "blessing", NULL
	};
	size_t i;

	for (i = 0; id && ids[i]; i++)
		if (strcmp(ids[i], id) == 0)
			return 1;
	return 0;
}

static json_t *licences(struct cdx *c, const char *lic)
{
	json_t *a = arr(c), *e = obj(c);

	if (out_cyclonedx_spdx_id(lic)) {
		json_t *l = obj(c);

		set_str(c, l, "id", lic);
		set(c, e, "license", l);
	} else {
		set_str(c, e, "expression", lic);
	}
	push(c, a, e);
	return a;
}

static json_t *hashes(struct cdx *c, const char *sha256)
{
	json_t *a = arr(c), *h = obj(c);

	set_str(c, h, "alg", "SHA-256");
	set_str(c, h, "content", sha256);
	push(c, a, h);
	return a;
}

static json_t *props(struct cdx *c, const struct out_cdx_prop *p, size_t n)
{
	json_t *a = arr(c);
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *e = obj(c);

		set_str(c, e, "name", p[i].name);
		set(c, e, "value", str(c, p[i].value));
		push(c, a, e);
	}
	return a;
}

static json_t *component(struct cdx *c, const struct out_cdx_component *k)
{
	json_t *o = obj(c);
	size_t i;

	set_str(c, o, "type", k->type ? k->type : "library");
	set_str(c, o, "bom-ref", k->bom_ref);
	if (k->supplier && *k->supplier) {
		json_t *s = obj(c);

		set_str(c, s, "name", k->supplier);
		set(c, o, "supplier", s);
	}
	set(c, o, "name", str(c, k->name));
	set_str(c, o, "version", k->version);
	set_str(c, o, "description", k->description);
	if (k->sha256 && *k->sha256)
		set(c, o, "hashes", hashes(c, k->sha256));
	if (k->licence && *k->licence)
		set(c, o, "licenses", licences(c, k->licence));
	set_str(c, o, "cpe", k->cpe);
	set_str(c, o, "purl", k->purl);
	if (k->website && *k->website) {
		json_t *refs = arr(c), *r = obj(c);

		set_str(c, r, "type", "website");
		set_str(c, r, "url", k->website);
		push(c, refs, r);
		set(c, o, "externalReferences", refs);
	}
	if (k->nprops)
		set(c, o, "properties", props(c, k->props, k->nprops));
	if (k->nfiles) {
		json_t *files = arr(c);

		for (i = 0; i < k->nfiles; i++) {
			json_t *f = obj(c);
			char ref[600];

			set_str(c, f, "type", "file");
			snprintf(ref, sizeof ref, "%s:file:%s", k->bom_ref ? k->bom_ref : "",
				 k->files[i].name);
			set_str(c, f, "bom-ref", ref);
			set(c, f, "name", str(c, k->files[i].name));
			if (k->files[i].sha256 && *k->files[i].sha256)
				set(c, f, "hashes", hashes(c, k->files[i].sha256));
			push(c, files, f);
		}
		set(c, o, "components", files);
	}
	if (k->nmethods || k->nfiles) {
		json_t *ev = obj(c);

		if (k->nmethods) {
			json_t *id = obj(c), *ms = arr(c);
			double best = 0;

			for (i = 0; i < k->nmethods; i++) {
				json_t *m = obj(c);

				set_str(c, m, "technique", k->methods[i].technique);
				set(c, m, "confidence", json_real(k->methods[i].confidence));
				set_str(c, m, "value", k->methods[i].value);
				push(c, ms, m);
				if (k->methods[i].confidence > best)
					best = k->methods[i].confidence;
			}
			set_str(c, id, "field", k->identity_field ? k->identity_field : "name");
			set(c, id, "confidence", json_real(best));
			set(c, id, "methods", ms);
			set(c, ev, "identity", id);
		}
		if (k->nfiles) {
			json_t *occ = arr(c);

			for (i = 0; i < k->nfiles; i++) {
				json_t *l = obj(c);

				set_str(c, l, "location", k->files[i].name);
				push(c, occ, l);
			}
			set(c, ev, "occurrences", occ);
		}
		set(c, o, "evidence", ev);
	}
	return o;
}

static json_t *vulnerability(struct cdx *c, const struct out_cdx_vuln *v)
{
	json_t *o = obj(c), *src = obj(c), *affects = arr(c), *af = obj(c);
	size_t i;

	set_str(c, o, "bom-ref", v->bom_ref);
	set(c, o, "id", str(c, v->id));
	set_str(c, src, "name", v->source_name);
	set_str(c, src, "url", v->source_url);
	set(c, o, "source", src);
	if (v->naliases) {
		json_t *refs = arr(c);

		for (i = 0; i < v->naliases; i++) {
			json_t *r = obj(c), *rs = obj(c);

			set(c, r, "id", str(c, v->aliases[i]));
			set_str(c, rs, "name", strncmp(v->aliases[i], "CVE-", 4) == 0 ? "NVD"
					      : v->source_name);
			set(c, r, "source", rs);
			push(c, refs, r);
		}
		set(c, o, "references", refs);
	}
	if (v->nratings) {
		json_t *rs = arr(c);

		for (i = 0; i < v->nratings; i++) {
			const struct out_cdx_rating *r = &v->ratings[i];
			json_t *e = obj(c);

			if (r->source) {
				json_t *s = obj(c);

				set_str(c, s, "name", r->source);
				set(c, e, "source", s);
			}
			if (r->score > 0)
				set(c, e, "score", json_real(r->score));
			set_str(c, e, "severity", r->severity);
			set_str(c, e, "method", r->method);
			set_str(c, e, "vector", r->vector);
			push(c, rs, e);
		}
		set(c, o, "ratings", rs);
	}
	if (v->ncwes) {
		json_t *cw = arr(c);

		for (i = 0; i < v->ncwes; i++)
			push(c, cw, json_integer((json_int_t)v->cwes[i]));
		set(c, o, "cwes", cw);
	}
	set_str(c, o, "description", v->description);
	set_str(c, o, "detail", v->detail);
	set_str(c, o, "recommendation", v->recommendation);
	if (v->nadvisories) {
		json_t *ad = arr(c);

		for (i = 0; i < v->nadvisories; i++) {
			json_t *e = obj(c);

			set_str(c, e, "url", v->advisories[i]);
			push(c, ad, e);
		}
		set(c, o, "advisories", ad);
	}
	set_str(c, o, "published", v->published);
	set_str(c, o, "updated", v->updated);
	if (v->analysis_state) {
		json_t *an = obj(c);

		set_str(c, an, "state", v->analysis_state);
		set_str(c, an, "detail", v->analysis_detail);
		set(c, o, "analysis", an);
	}
	set_str(c, af, "ref", v->affects_ref);
	if (v->affects_version) {
		json_t *vs = arr(c), *e = obj(c);

		set_str(c, e, "version", v->affects_version);
		set_str(c, e, "status", v->affects_status ? v->affects_status : "affected");
		push(c, vs, e);
		set(c, af, "versions", vs);
	}
	push(c, affects, af);
	set(c, o, "affects", affects);
	return o;
}

static json_t *document(struct cdx *c, const struct out_cdx_bom *b)
{
	json_t *doc = obj(c), *meta = obj(c), *comps = arr(c), *deps = arr(c);
	size_t i, j;

	set_str(c, doc, "$schema", "http://cyclonedx.org/schema/bom-1.5.schema.json");
	set_str(c, doc, "bomFormat", "CycloneDX");
	set_str(c, doc, "specVersion", "1.5");
	set(c, doc, "version", json_integer(1));
	set_str(c, meta, "timestamp", b->timestamp);
	if (b->tool) {
		json_t *tools = obj(c), *tc = arr(c);

		push(c, tc, component(c, b->tool));
		set(c, tools, "components", tc);
		set(c, meta, "tools", tools);
	}
	if (b->subject)
		set(c, meta, "component", component(c, b->subject));
	if (b->nprops)
		set(c, meta, "properties", props(c, b->props, b->nprops));
	set(c, doc, "metadata", meta);
	for (i = 0; i < b->ncomponents; i++)
		push(c, comps, component(c, &b->components[i]));
	set(c, doc, "components", comps);
	for (i = 0; i < b->ndeps; i++) {
		json_t *d = obj(c), *on = arr(c);

		set_str(c, d, "ref", b->deps[i].ref);
		for (j = 0; j < b->deps[i].n; j++)
			push(c, on, str(c, b->deps[i].depends_on[j]));
		set(c, d, "dependsOn", on);
		push(c, deps, d);
	}
	set(c, doc, "dependencies", deps);
	if (b->nvulns) {
		json_t *vs = arr(c);

		for (i = 0; i < b->nvulns; i++)
			push(c, vs, vulnerability(c, &b->vulns[i]));
		set(c, doc, "vulnerabilities", vs);
	}
	return doc;
}

/* urn:uuid: of the document's content without timestamp and serial (a
   name-based UUID: version 5 layout over SHA-256). */
static int serial(struct cdx *c, json_t *doc)
{
	json_t *meta = json_object_get(doc, "metadata"), *ts = json_object_get(meta, "timestamp");
	char *text, hex[65], uuid[64];

	if (ts)
		json_incref(ts);
	json_object_del(meta, "timestamp");
	text = json_dumps(doc, JSON_SORT_KEYS | JSON_COMPACT);
	if (ts)
		set(c, meta, "timestamp", ts);
	if (!text)
		return ASP_ENOMEM;
	fingerprint_sha256_hex(text, strlen(text), hex);
	free(text);
	hex[12] = '5';
	hex[16] = "89ab"[(hex[16] - '0') & 3];
	snprintf(uuid, sizeof uuid, "urn:uuid:%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12,
		 hex + 16, hex + 20);
	set(c, doc, "serialNumber", str(c, uuid));
	return c->oom ? ASP_ENOMEM : ASP_OK;
}

int out_cyclonedx_write(const struct out_cdx_bom *bom, const char *path, struct asp_error *err)
{
	struct cdx c = { 0 };
	json_t *doc = document(&c, bom);
	size_t n = strlen(path) + 32;
	char *tmp = malloc(n);
	FILE *f = NULL;
	int rc = ASP_OK;

	if (!doc || c.oom || !tmp || serial(&c, doc)) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	/* serialNumber right after specVersion, as the specification lists it */
	snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f) {
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the SBOM: %s", strerror(errno));
		goto done;
	}
	errno = 0;
	if (json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 || fputc('\n', f) == EOF ||
	    fflush(f) != 0 || fsync(fileno(f)) != 0) {
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the SBOM: %s",
			       errno ? strerror(errno) : "write failed");
		fclose(f);
		f = NULL;
		unlink(tmp);
		goto done;
	}
	if (fclose(f) != 0) {
		f = NULL;
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the SBOM: %s", strerror(errno));
		unlink(tmp);
		goto done;
	}
	f = NULL;
	if (rename(tmp, path) != 0) {
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the SBOM: %s", strerror(errno));
		unlink(tmp);
	}
done:
	json_decref(doc);
	free(tmp);
	return rc;
}
