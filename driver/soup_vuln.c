/*
 * Known vulnerabilities of the identified components, from a feed read by
 * out/out_vulnfeed.c: a component matches an advisory by package URL, by
 * CPE vendor and product, or by name in the ecosystems that carry C code,
 * and then by version (OSV events, explicit versions, vers: ranges). A
 * component whose version is unknown is matched as "not ruled out", never
 * silently dropped. Pure computation: no files, no network.
 */
#include "soup.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- versions ------------------------------------------------------------ */

static const char *skip_v(const char *s)
{
	return (s[0] == 'v' || s[0] == 'V') && isdigit((unsigned char)s[1]) ? s + 1 : s;
}

static int pre_release(const char *s, size_t n)
{
	static const char *const words[] = { "alpha", "beta", "rc", "pre", "dev", "preview",
					     "snapshot", NULL };
	size_t i;

	for (i = 0; words[i]; i++)
		if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
			return 1;
	return 0;
}

/* One segment: a digit run or a letter run; *sep says a separator preceded it. */
static size_t segment(const char **p, int *numeric, int *sep)
{
	const char *s = *p;
	size_t n = 0;

	*sep = 0;
	while (*s == '.' || *s == '-' || *s == '_' || *s == '~') {
		s++;
		*sep = 1;
	}
	*p = s;
	if (!*s || *s == '+')
		return 0;
	*numeric = isdigit((unsigned char)*s) != 0;
	while (s[n] && s[n] != '+' && (*numeric ? isdigit((unsigned char)s[n])
					: isalpha((unsigned char)s[n])))
		n++;
	if (!n)
		n = 1;   /* any other byte is a segment of its own */
	return n;
}

static int cmp_num(const char *a, size_t na, const char *b, size_t nb)
{
	int c;

	while (na > 1 && *a == '0') {
		a++;
		na--;
	}
	while (nb > 1 && *b == '0') {
		b++;
		nb--;
	}
	if (na != nb)
		return na < nb ? -1 : 1;
	c = memcmp(a, b, na);
	return c < 0 ? -1 : c > 0;
}

/* What a version with a trailing segment s is, relative to the same version
   without it: a pre-release is below (-1), anything else above (1). */
static int tail_sign(const char *s, size_t n, int numeric, int sep)
{
	if (numeric)
		return 1;
	if (pre_release(s, n) || (sep && n > 1))
		return pre_release(s, n) ? -1 : 1;
	return 1;   /* a letter right after digits: 0.14b, 1.1.1k */
}

int soup_vuln_vercmp(const char *a, const char *b)
{
	const char *p = skip_v(a), *q = skip_v(b);

	for (;;) {
		int na_num = 0, nb_num = 0, sa = 0, sb = 0, c;
		size_t na = segment(&p, &na_num, &sa), nb = segment(&q, &nb_num, &sb);

		if (!na && !nb)
			return 0;
		if (!na)
			return -tail_sign(q, nb, nb_num, sb);
		if (!nb)
			return tail_sign(p, na, na_num, sa);
		if (na_num && nb_num) {
			c = cmp_num(p, na, q, nb);
		} else if (na_num != nb_num) {
			/* 1.0.1 > 1.0rc1: a number outranks a pre-release word */
			c = na_num ? (pre_release(q, nb) ? 1 : -1) : (pre_release(p, na) ? -1 : 1);
		} else {
			size_t m = na < nb ? na : nb;

			c = strncasecmp(p, q, m);
			c = c ? (c < 0 ? -1 : 1) : na == nb ? 0 : na < nb ? -1 : 1;
		}
		if (c)
			return c;
		p += na;
		q += nb;
	}
}

/* ---- vers: ranges ------------------------------------------------------------ */

struct vcon {
	char op[3];
	char *ver;
};

static int cmp_vcon(const void *a, const void *b)
{
	return soup_vuln_vercmp(((const struct vcon *)a)->ver, ((const struct vcon *)b)->ver);
}

int soup_vuln_in_vers(const char *vers, const char *version)
{
	const char *slash = strchr(vers, '/');
	struct vcon *cons = NULL;
	char *copy, *tok, *save = NULL;
	size_t n = 0, i;
	int in = 0, decided = 0;

	if (strncmp(vers, "vers:", 5) != 0 || !slash)
		return 0;
	copy = strdup(slash + 1);
	if (!copy)
		return 0;
	cons = calloc(strlen(copy) + 1, sizeof *cons);
	if (!cons) {
		free(copy);
		return 0;
	}
	for (tok = strtok_r(copy, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		size_t k = 0;

		while (*tok == ' ')
			tok++;
		if (strcmp(tok, "*") == 0) {
			in = decided = 1;
			break;
		}
		while (k < 2 && strchr("<>=!", tok[k]))
			k++;
		memcpy(cons[n].op, tok, k);
		cons[n].op[k] = '\0';
		if (!k)
			strcpy(cons[n].op, "=");
		cons[n].ver = tok + k;
		n++;
	}
	for (i = 0; !decided && i < n; i++) {
		int c = soup_vuln_vercmp(version, cons[i].ver);

		if (strcmp(cons[i].op, "!=") == 0 && c == 0) {
			in = 0;
			decided = 1;
		} else if ((strcmp(cons[i].op, "=") == 0 || strcmp(cons[i].op, ">=") == 0 ||
			    strcmp(cons[i].op, "<=") == 0) && c == 0) {
			in = decided = 1;
		}
	}
	if (!decided) {
		struct vcon *r = calloc(n + 1, sizeof *r);
		size_t m = 0;

		for (i = 0; r && i < n; i++)
			if (cons[i].op[0] == '<' || cons[i].op[0] == '>')
				r[m++] = cons[i];
		if (m)
			qsort(r, m, sizeof *r, cmp_vcon);
		if (m && r[0].op[0] == '<' && soup_vuln_vercmp(version, r[0].ver) < 0)
			in = 1;
		if (m && r[m - 1].op[0] == '>' && soup_vuln_vercmp(version, r[m - 1].ver) > 0)
			in = 1;
		for (i = 0; !in && m && i + 1 < m; i++)
			if (r[i].op[0] == '>' && r[i + 1].op[0] == '<' &&
			    soup_vuln_vercmp(version, r[i].ver) > 0 &&
			    soup_vuln_vercmp(version, r[i + 1].ver) < 0)
				in = 1;
		free(r);
	}
	free(cons);
	free(copy);
	return in;
}

/* ---- CVSS v3 --------------------------------------------------------------- */

static double roundup(double x)
{
	long long i = llround(x * 100000.0);

	if (i % 10000 == 0)
		return (double)i / 100000.0;
	return (double)(i / 10000 + 1) / 10.0;
}

double soup_vuln_cvss3(const char *vector)
{
	double av = -1, ac = -1, pr = -1, ui = -1, c = -1, in = -1, a = -1, iss, impact, expl;
	int scope = -1;
	char pr_letter = 0;
	const char *p;

	if (!vector || (strncmp(vector, "CVSS:3.0/", 9) && strncmp(vector, "CVSS:3.1/", 9)))
		return -1;
	for (p = vector + 9; *p;) {
		const char *colon = strchr(p, ':'), *end = strchr(p, '/');
		size_t klen;
		char v;

		if (!colon || (end && colon > end))
			return -1;
		klen = (size_t)(colon - p);
		v = colon[1];
		if (!v || (colon[2] && colon[2] != '/'))
			return -1;
#define IS(k) (klen == strlen(k) && strncmp(p, k, klen) == 0)
		if (IS("AV"))
			av = v == 'N' ? 0.85 : v == 'A' ? 0.62 : v == 'L' ? 0.55 : v == 'P' ? 0.2 : -2;
		else if (IS("AC"))
			ac = v == 'L' ? 0.77 : v == 'H' ? 0.44 : -2;
		else if (IS("PR"))
			pr_letter = v;
		else if (IS("UI"))
			ui = v == 'N' ? 0.85 : v == 'R' ? 0.62 : -2;
		else if (IS("S"))
			scope = v == 'U' ? 0 : v == 'C' ? 1 : -2;
		else if (IS("C") || IS("I") || IS("A")) {
			double x = v == 'H' ? 0.56 : v == 'L' ? 0.22 : v == 'N' ? 0 : -2;

			if (IS("C"))
				c = x;
			else if (IS("I"))
				in = x;
			else
				a = x;
		}
#undef IS
		p = end ? end + 1 : p + strlen(p);
	}
	if (pr_letter == 'N')
		pr = 0.85;
	else if (pr_letter == 'L')
		pr = scope == 1 ? 0.68 : 0.62;
	else if (pr_letter == 'H')
		pr = scope == 1 ? 0.5 : 0.27;
	if (av < 0 || ac < 0 || pr < 0 || ui < 0 || c < 0 || in < 0 || a < 0 || scope < 0)
		return -1;
	iss = 1 - (1 - c) * (1 - in) * (1 - a);
	impact = scope ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss;
	expl = 8.22 * av * ac * pr * ui;
	if (impact <= 0)
		return 0;
	return scope ? roundup(fmin(1.08 * (impact + expl), 10)) : roundup(fmin(impact + expl, 10));
}

/* ---- identities ----------------------------------------------------------- */

/* The part of a purl before its version, qualifiers and subpath. */
static size_t purl_base(const char *p)
{
	size_t n = strcspn(p, "@?#");

	while (n && p[n - 1] == '/')
		n--;
	return n;
}

static int same_purl(const char *a, const char *b)
{
	size_t na = purl_base(a), nb = purl_base(b);

	return na == nb && strncasecmp(a, b, na) == 0;
}

/* Field i (0-based) of a CPE 2.3 name; n gets its length. */
static const char *cpe_field(const char *cpe, int i, size_t *n)
{
	const char *p = cpe;
	int k;

	for (k = 0; k < i && p; k++) {
		p = strchr(p, ':');
		if (p)
			p++;
	}
	if (!p)
		return NULL;
	*n = strcspn(p, ":");
	return p;
}

static int same_cpe(const char *a, const char *b)
{
	int f;

	for (f = 2; f <= 4; f++) {   /* part, vendor, product */
		size_t na = 0, nb = 0;
		const char *x = cpe_field(a, f, &na), *y = cpe_field(b, f, &nb);

		if (!x || !y || na != nb || strncasecmp(x, y, na) != 0)
			return 0;
	}
	return 1;
}

static void squash(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

/* The name part of a purl (pkg:type/ns/NAME@v). */
static void purl_name(const char *purl, char *out, size_t size)
{
	size_t n = purl_base(purl);
	const char *slash = purl + n;

	while (slash > purl && slash[-1] != '/')
		slash--;
	snprintf(out, size, "%.*s", (int)(purl + n - slash), slash);
}

static int c_ecosystem(const char *e)
{
	return !e || strncmp(e, "ConanCenter", 11) == 0 || strncmp(e, "OSS-Fuzz", 8) == 0;
}

static int same_name(const struct soup_component *c, const struct soup_affected *af)
{
	char a[128], b[128], p[128];

	if (!af->name || !c_ecosystem(af->ecosystem))
		return 0;
	squash(af->name, a, sizeof a);
	squash(c->name, b, sizeof b);
	if (*a && strcmp(a, b) == 0)
		return 1;
	if (c->purl) {
		purl_name(c->purl, p, sizeof p);
		squash(p, b, sizeof b);
		return *a && strcmp(a, b) == 0;
	}
	return 0;
}

static const char *identity(const struct soup_component *c, const struct soup_affected *af)
{
	if (af->purl && c->purl && same_purl(af->purl, c->purl))
		return "purl";
	if (af->cpe && c->cpe && same_cpe(af->cpe, c->cpe))
		return "cpe";
	if (same_name(c, af))
		return "name";
	return NULL;
}

/* ---- versions in an affected entry --------------------------------------- */

static int cmp_event(const void *a, const void *b)
{
	const struct soup_event *x = a, *y = b;
	int zx = strcmp(x->version, "0") == 0, zy = strcmp(y->version, "0") == 0;

	if (zx || zy)
		return zy - zx;
	return soup_vuln_vercmp(x->version, y->version);
}

/* OSV evaluation: events in version order; introduced opens, fixed and
   (past it) last_affected close. */
static int in_osv_range(const struct soup_range *rg, const char *v, const char **fixed)
{
	struct soup_event *ev = malloc((rg->nev + 1) * sizeof *ev);
	size_t i;
	int in = 0;

	if (!ev)
		return 0;
	memcpy(ev, rg->ev, rg->nev * sizeof *ev);
	if (rg->nev)
		qsort(ev, rg->nev, sizeof *ev, cmp_event);
	for (i = 0; i < rg->nev; i++) {
		const char *x = ev[i].version;
		int zero = strcmp(x, "0") == 0;

		switch (ev[i].kind) {
		case SOUP_INTRODUCED:
			if (zero || soup_vuln_vercmp(v, x) >= 0)
				in = 1;
			break;
		case SOUP_FIXED:
			if (soup_vuln_vercmp(v, x) >= 0)
				in = 0;
			else if (in && fixed && (!*fixed || soup_vuln_vercmp(x, *fixed) < 0))
				*fixed = x;
			break;
		case SOUP_LAST_AFFECTED:
			if (soup_vuln_vercmp(v, x) > 0)
				in = 0;
			break;
		default:
			break;
		}
		if (ev[i].kind == SOUP_FIXED && in && fixed && !*fixed)
			*fixed = x;
	}
	free(ev);
	return in;
}

static int affects_version(const struct soup_affected *af, const char *v, const char **fixed)
{
	size_t i;
	int in = 0;

	for (i = 0; i < af->nversions; i++)
		if (soup_vuln_vercmp(af->versions[i], v) == 0)
			in = 1;
	for (i = 0; i < af->nranges; i++) {
		const struct soup_range *rg = &af->ranges[i];

		if (rg->vers)
			in |= soup_vuln_in_vers(rg->vers, v);
		else if (strcmp(rg->type, "GIT") != 0)   /* commits cannot be compared */
			in |= in_osv_range(rg, v, fixed);
	}
	return in;
}

/* ---- matching --------------------------------------------------------------- */

static int add_match(struct soup_match **v, size_t *n, size_t comp,
		     const struct soup_advisory *adv, const char *fixed, const char *by, int unknown)
{
	struct soup_match *p = realloc(*v, (*n + 1) * sizeof *p);

	if (!p)
		return ASP_ENOMEM;
	*v = p;
	p = &p[*n];
	p->comp = comp;
	p->adv = adv;
	p->fixed = fixed ? strdup(fixed) : NULL;
	p->by = by;
	p->unknown_version = unknown;
	if (fixed && !p->fixed)
		return ASP_ENOMEM;
	(*n)++;
	return ASP_OK;
}

static int cmp_match(const void *a, const void *b)
{
	const struct soup_match *x = a, *y = b;

	if (x->comp != y->comp)
		return x->comp < y->comp ? -1 : 1;
	return strcmp(x->adv->id, y->adv->id);
}

int soup_vuln_match(const struct soup_result *r, const struct soup_feed *feed,
		    struct soup_match **out, size_t *n, struct asp_error *err)
{
	size_t c, a, k, j;
	int rc = ASP_OK;

	*out = NULL;
	*n = 0;
	for (c = 0; !rc && c < r->n; c++) {
		const struct soup_component *comp = &r->comps[c];

		for (a = 0; !rc && a < feed->n; a++) {
			const struct soup_advisory *adv = &feed->v[a];
			const char *by = NULL, *fixed = NULL;
			int hit = 0, excluded = 0;

			for (k = 0; k < adv->naff; k++) {
				const struct soup_affected *af = &adv->aff[k];
				const char *how = identity(comp, af);

				if (!how || af->unaffected)
					continue;
				by = by ? by : how;
				if (!comp->version || affects_version(af, comp->version, &fixed))
					hit = 1;
				/* a CPE with a version and nothing else names that version */
				if (!hit && !af->nversions && !af->nranges && af->cpe && comp->version) {
					size_t vn = 0;
					const char *vf = cpe_field(af->cpe, 5, &vn);

					if (vf && vn && !(vn == 1 && (*vf == '*' || *vf == '-')) &&
					    strlen(comp->version) == vn &&
					    strncmp(vf, comp->version, vn) == 0)
						hit = 1;
				}
			}
			if (!hit)
				continue;
			for (j = 0; comp->version && j < adv->naff; j++)
				if (adv->aff[j].unaffected && identity(comp, &adv->aff[j]) &&
				    affects_version(&adv->aff[j], comp->version, NULL))
					excluded = 1;
			if (!excluded)
				rc = add_match(out, n, c, adv, fixed, by, comp->version == NULL);
		}
	}
	if (rc) {
		soup_matches_free(*out, *n);
		*out = NULL;
		*n = 0;
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if (*n)
		qsort(*out, *n, sizeof **out, cmp_match);
	return ASP_OK;
}

void soup_matches_free(struct soup_match *m, size_t n)
{
	size_t i;

	for (i = 0; m && i < n; i++)
		free(m[i].fixed);
	free(m);
}
