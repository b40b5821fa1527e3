/*
 * SARIF 2.1.0 writer: one run with the rules and their taxonomies (CWE,
 * IEC 62304, IEC 81001-5-1), the artifacts, the results with fingerprints
 * and traceability IDs, and coverage notifications. Everything is sorted, so
 * a run gives the same bytes apart from the two invocation timestamps.
 * Reads source files only for snippets and columns; never changes the run.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdint.h>
#include <unistd.h>

#include <jansson.h>
#include <zlib.h>

#include "base/sbuf.h"
#include "fingerprint.h"
#include "out.h"
#include "out_file.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_PROJECT_URI "https://github.com/asepsis/asepsis"
#define SARIF_CATEGORY "asepsis/full/"
#define SARIF_SRCROOT "%SRCROOT%"
#define SARIF_CWE_VERSION "4.16"
#define SARIF_TAGS_MAX 20          /* GitHub rejects a rule with more */
#define SARIF_SNIPPET_MAX 4096     /* bytes of source per snippet */
#define SARIF_SOURCE_MAX (64u << 20)
#define SARIF_TEXT_MAX (1u << 20)  /* help text of one rule */

enum { TAX_CWE, TAX_IEC62304, TAX_IEC81001, TAX__COUNT };

struct strset {
	char **v;
	size_t n, cap;
};

struct artifact {
	const char *uri;               /* as in the run: relative, or absolute outside the root */
	const struct run_file *file;   /* NULL for a file known only from a finding */
};

/* The file whose lines the current results point into. */
struct source {
	const char *uri;               /* borrowed; NULL when nothing loaded */
	char *text;
	size_t len;
	size_t *line;                  /* byte offset of each line start */
	size_t nlines;
	int ok;                        /* text is the analysed content */
};

struct sarif {
	const struct run *r;
	const char *info_uri;
	int oom;                       /* sticky: some allocation failed */
	const struct rule **rules;     /* emitted rules, sorted by id */
	size_t nrules;
	struct artifact *arts;         /* sorted by uri */
	size_t narts;
	unsigned long *cwe;            /* CWE numbers of the emitted rules, sorted */
	size_t ncwe, capcwe;
	struct strset clauses[TAX__COUNT];  /* IEC clause ids, natural order */
	int tax_index[TAX__COUNT];     /* index in run.taxonomies, -1 when absent */
	struct source src;
	unsigned char *drop;           /* per finding: left out of an upload-sized file */
	int drop_absent;               /* baseline results left out too */
	size_t kept, left_out;         /* results kept and left out for the limits */
	size_t max_results, max_gzip;
};

/* ---- text ------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if invalid.
   As strict as jansson: no overlongs, surrogates or values past U+10FFFF. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

/* UTF-16 column of a 1-based byte column in a line. An invalid byte counts
   as one unit, as the U+FFFD it becomes in the snippet does. */
static unsigned utf16_column(const char *line, size_t len, unsigned bytecol)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t stop = bytecol ? bytecol - 1 : 0, i = 0;
	unsigned units = 1;

	while (i < stop && i < len) {
		size_t k = utf8_seq(p + i, len - i);

		units += k == 4 ? 2 : 1;
		i += k ? k : 1;
	}
	if (stop > i)
		units += (unsigned)(stop - i);   /* past the end of the line */
	return units;
}

static json_t *jstrn(struct sarif *s, const char *p, size_t n)
{
	struct sbuf b = SBUF_INIT((size_t)-1 / 4);
	const unsigned char *u = (const unsigned char *)p;
	json_t *v;
	size_t i = 0;

	v = json_stringn(p, n);
	if (v)
		return v;
	/* not UTF-8 (a Latin-1 comment, a binary path): keep what is valid */
	while (i < n) {
		size_t k = utf8_seq(u + i, n - i);

		if (k ? sbuf_append(&b, p + i, k) : sbuf_puts(&b, "\xEF\xBF\xBD")) {
			sbuf_free(&b);
			s->oom = 1;
			return NULL;
		}
		i += k ? k : 1;
	}
	v = json_stringn(b.data ? b.data : "", b.len);
	sbuf_free(&b);
	if (!v)
		s->oom = 1;
	return v;
}

static json_t *jstr(struct sarif *s, const char *str)
{
	return jstrn(s, str ? str : "", str ? strlen(str) : 0);
}

static json_t *jint(struct sarif *s, long long v)
{
	json_t *j = json_integer(v);

	if (!j)
		s->oom = 1;
	return j;
}

static json_t *jobj(struct sarif *s)
{
	json_t *j = json_object();

	if (!j)
		s->oom = 1;
	return j;
}

static json_t *jarr(struct sarif *s)
{
	json_t *j = json_array();

	if (!j)
		s->oom = 1;
	return j;
}

/* Both steal val; a NULL anywhere marks the document as failed. */
static void set(struct sarif *s, json_t *obj, const char *key, json_t *val)
{
	if (json_object_set_new(obj, key, val) != 0)
		s->oom = 1;
}

static void push(struct sarif *s, json_t *arr, json_t *val)
{
	if (json_array_append_new(arr, val) != 0)
		s->oom = 1;
}

static json_t *message(struct sarif *s, const char *text)
{
	json_t *m = jobj(s);

	set(s, m, "text", jstr(s, text));
	return m;
}

static json_t *strlist_json(struct sarif *s, const struct strlist *l)
{
	json_t *a = jarr(s);
	size_t i;

	for (i = 0; i < l->n; i++)
		push(s, a, jstr(s, l->v[i]));
	return a;
}

static int is_blank(const char *t)
{
	for (; t && *t; t++)
		if (!isspace((unsigned char)*t))
			return 0;
	return 1;
}

/* Appends t without its surrounding whitespace (YAML block scalars end in a
   newline). */
static int put_trimmed(struct sbuf *b, const char *t)
{
	size_t n;

	while (isspace((unsigned char)*t))
		t++;
	n = strlen(t);
	while (n && isspace((unsigned char)t[n - 1]))
		n--;
	return sbuf_append(b, t, n);
}

/* Natural order for clause ids: "5.1.3" < "5.1.12"; ties broken bytewise. */
static int natcmp(const char *a, const char *b)
{
	const char *x = a, *y = b;

	while (*x && *y) {
		if (isdigit((unsigned char)*x) && isdigit((unsigned char)*y)) {
			const char *ex, *ey;
			size_t lx, ly;
			int c;

			while (*x == '0' && isdigit((unsigned char)x[1]))
				x++;
			while (*y == '0' && isdigit((unsigned char)y[1]))
				y++;
			for (ex = x; isdigit((unsigned char)*ex); ex++)
				;
			for (ey = y; isdigit((unsigned char)*ey); ey++)
				;
			lx = (size_t)(ex - x);
			ly = (size_t)(ey - y);
			if (lx != ly)
				return lx < ly ? -1 : 1;
			c = memcmp(x, y, lx);
			if (c)
				return c;
			x = ex;
			y = ey;
		} else if (*x != *y) {
			return (unsigned char)*x < (unsigned char)*y ? -1 : 1;
		} else {
			x++;
			y++;
		}
	}
	if (*x || *y)
		return *x ? 1 : -1;
	return strcmp(a, b);
}

/* ---- URIs ------------------------------------------------------------- */

static int is_unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static int is_pchar_extra(int c)
{
	return c && strchr("!$&'()*+,;=:@/", c) != NULL;
}

/* Percent-encodes s. Relative references keep only unreserved characters and
   '/', so no segment can read as a scheme; paths of absolute URIs also keep
   sub-delimiters, ':' and '@', and escapes that are already there. */
static int pct_encode(struct sbuf *b, const char *s, size_t n, int absolute)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;
	int rc = ASP_OK;

	for (i = 0; i < n && !rc; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_unreserved(c) || c == '/' || (absolute && is_pchar_extra(c)) ||
		    (absolute && c == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		     isxdigit((unsigned char)s[i + 2]))) {
			rc = sbuf_putc(b, (char)c);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };

			rc = sbuf_append(b, e, 3);
		}
	}
	return rc;
}

/* "file:///abs/path" (with a final '/' when dir); caller frees. */
static char *file_uri(const char *path, int dir)
{
	struct sbuf b = SBUF_INIT(1u << 16);
	size_t n = strlen(path);

	if (sbuf_puts(&b, "file://") || pct_encode(&b, path, n, 1) ||
	    (dir && (n == 0 || path[n - 1] != '/') && sbuf_putc(&b, '/'))) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

/* A run uri: repo-relative ("src/a.c"), or absolute for a file outside the
   root. Leading "./" is dropped; caller frees. */
static char *artifact_uri(const char *uri, int *relative)
{
	struct sbuf b = SBUF_INIT(1u << 16);

	if (uri[0] == '/') {
		*relative = 0;
		return file_uri(uri, 0);
	}
	*relative = 1;
	while (uri[0] == '.' && uri[1] == '/')
		uri += 2;
	if (pct_encode(&b, uri, strlen(uri), 0)) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

static int valid_host(const char *h, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	if (h[0] == '[')
		return n > 2 && h[n - 1] == ']' && strspn(h + 1, "0123456789abcdefABCDEF:.") == n - 2;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)h[i]) && h[i] != '-' && h[i] != '.')
			return 0;
	return 1;
}

/*
 * The repository URI of a git remote as an absolute URI, or NULL when none
 * can be made. Credentials in the authority are dropped (CI remotes carry
 * tokens); ssh remotes, scp-like ones ("git@host:org/repo.git") included,
 * become https on the same host.
 */
static char *repository_uri(const char *remote)
{
	struct sbuf b = SBUF_INIT(1u << 16);
	const char *p = remote, *q;
	int rc;

	if (!remote || !*remote)
		return NULL;
	for (q = p; isalnum((unsigned char)*q) || *q == '+' || *q == '-' || *q == '.'; q++)
		;
	if (isalpha((unsigned char)*p) && q[0] == ':' && q[1] == '/' && q[2] == '/') {
		const char *auth = q + 3, *aend = auth + strcspn(auth, "/?#"), *host = auth;
		const char *hend = aend, *c, *path = aend;
		size_t slen = (size_t)(q - p), i;
		int ssh = (slen == 3 && strncmp(p, "ssh", 3) == 0) ||
			  (slen == 7 && (strncmp(p, "git+ssh", 7) == 0 ||
					 strncmp(p, "ssh+git", 7) == 0));

		for (c = auth; c < aend; c++)
			if (*c == '@')
				host = c + 1;
		if (*host == '[') {
			c = memchr(host, ']', (size_t)(aend - host));
			hend = c ? c + 1 : aend;
		} else {
			c = memchr(host, ':', (size_t)(aend - host));
			if (c)
				hend = c;
		}
		if (slen == 4 && strncmp(p, "file", 4) == 0) {
			rc = sbuf_puts(&b, "file://");
		} else {
			if (!valid_host(host, (size_t)(hend - host)))
				return NULL;
			if (ssh) {
				rc = sbuf_puts(&b, "https://");
			} else {
				for (i = 0, rc = ASP_OK; i < slen && !rc; i++)
					rc = sbuf_putc(&b, (char)tolower((unsigned char)p[i]));
				if (!rc)
					rc = sbuf_puts(&b, "://");
			}
			/* the port of an ssh remote means nothing for https */
			if (!rc)
				rc = sbuf_append(&b, host, (size_t)((ssh ? hend : aend) - host));
		}
		if (!rc)
			rc = pct_encode(&b, path, strcspn(path, "?#"), 1);
	} else if (*p == '/') {
		return file_uri(p, 0);
	} else {
		const char *colon = strchr(p, ':'), *slash = strchr(p, '/'), *host = p, *c;

		/* scp-like "[user@]host:path"; "C:\x" is a Windows path, not a host */
		if (!colon || colon == p || (slash && slash < colon) || colon - p == 1)
			return NULL;
		for (c = p; c < colon; c++)
			if (*c == '@')
				host = c + 1;
		if (!valid_host(host, (size_t)(colon - host)))
			return NULL;
		p = colon + 1;
		while (*p == '/')
			p++;
		if (!*p)
			return NULL;
		rc = sbuf_puts(&b, "https://");
		if (!rc)
			rc = sbuf_append(&b, host, (size_t)(colon - host));
		if (!rc)
			rc = sbuf_putc(&b, '/');
		if (!rc)
			rc = pct_encode(&b, p, strlen(p), 1);
	}
	if (rc) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

/* ---- collections ------------------------------------------------------ */

static int strset_add(struct strset *set, const char *s, size_t n)
{
	size_t i;
	char *c;

	for (i = 0; i < set->n; i++)
		if (strlen(set->v[i]) == n && memcmp(set->v[i], s, n) == 0)
			return ASP_OK;
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 16;
		char **v = realloc(set->v, cap * sizeof *v);

		if (!v)
			return ASP_ENOMEM;
		set->v = v;
		set->cap = cap;
	}
	c = malloc(n + 1);
	if (!c)
		return ASP_ENOMEM;
	memcpy(c, s, n);
	c[n] = '\0';
	set->v[set->n++] = c;
	return ASP_OK;
}

static long strset_find(const struct strset *set, const char *s)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i], s) == 0)
			return (long)i;
	return -1;
}

static int cmp_nat(const void *a, const void *b)
{
	return natcmp(*(char *const *)a, *(char *const *)b);
}

static void strset_free(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		free(set->v[i]);
	free(set->v);
}

/* "CWE-478", "cwe-478" or "478" → 478; 0 when it is not a CWE id. */
static unsigned long cwe_number(const char *s)
{
	unsigned long v = 0;

	if (strncmp(s, "CWE-", 4) == 0 || strncmp(s, "cwe-", 4) == 0)
		s += 4;
	if (!isdigit((unsigned char)*s))
		return 0;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > 99999999ul)
			return 0;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	return *s ? 0 : v;
}

static long cwe_find(const struct sarif *s, unsigned long n)
{
	size_t i;

	for (i = 0; i < s->ncwe; i++)
		if (s->cwe[i] == n)
			return (long)i;
	return -1;
}

static int cwe_add(struct sarif *s, unsigned long n)
{
	if (cwe_find(s, n) >= 0)
		return ASP_OK;
	if (s->ncwe == s->capcwe) {
		size_t cap = s->capcwe ? s->capcwe * 2 : 16;
		unsigned long *v = realloc(s->cwe, cap * sizeof *v);

		if (!v)
			return ASP_ENOMEM;
		s->cwe = v;
		s->capcwe = cap;
	}
	s->cwe[s->ncwe++] = n;
	return ASP_OK;
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/*
 * Part i of a mapped clause, written to buf: a criterion list names several
 * taxa ("5.5.4(g,h)" → "5.5.4(g)", "5.5.4(h)"). Returns 1 for a part, 0
 * past the last one.
 */
static int clause_part(const char *c, size_t i, char *buf, size_t size)
{
	const char *open, *close, *item, *end;
	size_t base, k = 0;

	while (isspace((unsigned char)*c))
		c++;
	open = strchr(c, '(');
	close = open ? strchr(open, ')') : NULL;
	if (!open || !close || !is_blank(close + 1) ||
	    !memchr(open, ',', (size_t)(close - open))) {
		size_t n = strlen(c);

		while (n && isspace((unsigned char)c[n - 1]))
			n--;
		if (i || n == 0 || n >= size)
			return 0;
		memcpy(buf, c, n);
		buf[n] = '\0';
		return 1;
	}
	base = (size_t)(open - c);
	while (base && isspace((unsigned char)c[base - 1]))
		base--;
	for (item = open + 1; item < close; item = end + 1) {
		const char *a = item, *b;
		size_t n;

		end = memchr(item, ',', (size_t)(close - item));
		if (!end)
			end = close;
		b = end;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (a == b || k++ != i)
			continue;
		n = (size_t)(b - a);
		if (base + n + 3 > size)
			return 0;
		memcpy(buf, c, base);
		buf[base] = '(';
		memcpy(buf + base + 1, a, n);
		buf[base + 1 + n] = ')';
		buf[base + 2 + n] = '\0';
		return 1;
	}
	return 0;
}

static int cmp_rule(const void *a, const void *b)
{
	return strcmp((*(const struct rule *const *)a)->id, (*(const struct rule *const *)b)->id);
}

/* Every enabled rule, and any rule a result uses, once each, by id. */
static int collect_rules(struct sarif *s)
{
	const struct run *r = s->r;
	size_t n = (r->rules ? r->rules->n : 0) + r->nfindings + r->nabsent, i, w;

	s->rules = calloc(n ? n : 1, sizeof *s->rules);
	if (!s->rules)
		return ASP_ENOMEM;
	for (i = 0; r->rules && i < r->rules->n; i++)
		if (r->rules->rules[i].enabled)
			s->rules[s->nrules++] = &r->rules->rules[i];
	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].rule)
			s->rules[s->nrules++] = r->findings[i].rule;
	for (i = 0; i < r->nabsent; i++)
		if (r->absent[i].rule)
			s->rules[s->nrules++] = r->absent[i].rule;
	if (s->nrules)
		qsort(s->rules, s->nrules, sizeof *s->rules, cmp_rule);
	for (i = w = 0; i < s->nrules; i++)
		if (w == 0 || strcmp(s->rules[w - 1]->id, s->rules[i]->id) != 0)
			s->rules[w++] = s->rules[i];
	s->nrules = w;
	return ASP_OK;
}

static long rule_index(const struct sarif *s, const struct rule *rule)
{
	size_t lo = 0, hi = s->nrules;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->rules[mid]->id, rule->id);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Taxa of the emitted rules: CWE numbers and IEC clauses. */
static int collect_taxa(struct sarif *s)
{
	size_t i, j, k;
	int t, next = 0;

	for (i = 0; i < s->nrules; i++) {
		const struct rule *rule = s->rules[i];
		const struct strlist *lists[TAX__COUNT] = { &rule->cwe, &rule->iec62304,
							     &rule->iec81001 };

		for (j = 0; j < rule->cwe.n; j++) {
			unsigned long n = cwe_number(rule->cwe.v[j]);

			if (n && cwe_add(s, n))
				return ASP_ENOMEM;
		}
		for (t = TAX_IEC62304; t < TAX__COUNT; t++) {
			for (j = 0; j < lists[t]->n; j++) {
				char part[128];

				for (k = 0; clause_part(lists[t]->v[j], k, part, sizeof part); k++)
					if (strset_add(&s->clauses[t], part, strlen(part)))
						return ASP_ENOMEM;
			}
		}
	}
	if (s->ncwe)
		qsort(s->cwe, s->ncwe, sizeof *s->cwe, cmp_ulong);
	for (t = TAX_IEC62304; t < TAX__COUNT; t++)
		if (s->clauses[t].n)
			qsort(s->clauses[t].v, s->clauses[t].n, sizeof *s->clauses[t].v, cmp_nat);
	for (t = 0; t < TAX__COUNT; t++) {
		size_t n = t == TAX_CWE ? s->ncwe : s->clauses[t].n;

		s->tax_index[t] = n ? next++ : -1;
	}
	return ASP_OK;
}

static int cmp_artifact(const void *a, const void *b)
{
	const struct artifact *x = a, *y = b;
	int c = strcmp(x->uri, y->uri);

	if (c)
		return c;
	return (x->file == NULL) - (y->file == NULL);   /* a run file first */
}

/* The run's files plus any file a finding names, once each, by uri. */
static int collect_artifacts(struct sarif *s)
{
	const struct run *r = s->r;
	size_t n = r->nfiles + r->nfindings + r->nabsent, i, w;

	s->arts = calloc(n ? n : 1, sizeof *s->arts);
	if (!s->arts)
		return ASP_ENOMEM;
	for (i = 0; i < r->nfiles; i++) {
		s->arts[s->narts].uri = r->files[i].uri;
		s->arts[s->narts++].file = &r->files[i];
	}
	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].uri)
			s->arts[s->narts++].uri = r->findings[i].uri;
	for (i = 0; i < r->nabsent; i++)
		if (r->absent[i].uri)
			s->arts[s->narts++].uri = r->absent[i].uri;
	if (s->narts)
		qsort(s->arts, s->narts, sizeof *s->arts, cmp_artifact);
	for (i = w = 0; i < s->narts; i++)
		if (w == 0 || strcmp(s->arts[w - 1].uri, s->arts[i].uri) != 0)
			s->arts[w++] = s->arts[i];
	s->narts = w;
	return ASP_OK;
}

static long artifact_index(const struct sarif *s, const char *uri)
{
	size_t lo = 0, hi = s->narts;

	while (uri && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->arts[mid].uri, uri);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---- source text ------------------------------------------------------ */

static void source_reset(struct source *src)
{
	free(src->text);
	free(src->line);
	memset(src, 0, sizeof *src);
}

/* Loads the file of rf unless it is already loaded. A file that cannot be
   read, or that changed since it was hashed, is not used: the snippets then
   come from the finding's own copy of its line. */
static void source_load(struct sarif *s, const struct run_finding *rf)
{
	struct source *src = &s->src;
	long ai = artifact_index(s, rf->uri);
	const struct run_file *file = ai >= 0 ? s->arts[ai].file : NULL;
	FILE *f = NULL;
	size_t i, k;
	long size;

	if (src->uri && strcmp(src->uri, rf->uri) == 0)
		return;
	source_reset(src);
	src->uri = rf->uri;
	if (!rf->f || !rf->f->path)
		return;
	f = fopen(rf->f->path, "rb");
	if (!f)
		return;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    (unsigned long)size > SARIF_SOURCE_MAX || fseek(f, 0, SEEK_SET) != 0)
		goto done;
	src->text = malloc((size_t)size + 1);
	if (!src->text) {
		s->oom = 1;
		goto done;
	}
	src->len = fread(src->text, 1, (size_t)size, f);
	if (src->len != (size_t)size || ferror(f))
		goto done;
	src->text[src->len] = '\0';
	if (file && file->sha256[0]) {
		char sum[65];

		fingerprint_sha256_hex(src->text, src->len, sum);
		if (strcmp(sum, file->sha256) != 0)
			goto done;
	}
	for (i = 0, src->nlines = 1; i < src->len; i++)
		src->nlines += src->text[i] == '\n';
	src->line = malloc(src->nlines * sizeof *src->line);
	if (!src->line) {
		s->oom = 1;
		goto done;
	}
	src->line[0] = 0;
	for (i = 0, k = 1; i < src->len; i++)
		if (src->text[i] == '\n')
			src->line[k++] = i + 1;
	src->ok = 1;
done:
	fclose(f);
}

/* Text of a 1-based line without its line end; 0 when unknown. */
static int line_text(const struct sarif *s, const struct run_finding *rf, unsigned line,
		     const char **p, size_t *n)
{
	const struct source *src = &s->src;

	if (src->ok && line >= 1 && line <= src->nlines) {
		size_t start = src->line[line - 1];
		const char *nl = memchr(src->text + start, '\n', src->len - start);
		size_t len = nl ? (size_t)(nl - (src->text + start)) : src->len - start;

		if (len && src->text[start + len - 1] == '\r')
			len--;
		*p = src->text + start;
		*n = len;
		return 1;
	}
	if (rf->f && line == rf->f->line && rf->f->snippet) {
		*p = rf->f->snippet;
		*n = strlen(rf->f->snippet);
		return 1;
	}
	return 0;
}

/* ---- rules and taxonomies --------------------------------------------- */

/* PascalCase of the title's words, letters and digits only, articles left
   out: "switch statement without a default label" →
   "SwitchStatementWithoutDefaultLabel". */
static json_t *rule_name(struct sarif *s, const struct rule *rule)
{
	struct sbuf b = SBUF_INIT(256);
	const char *t = !is_blank(rule->title) ? rule->title : rule->id;
	json_t *v;

	while (*t) {
		size_t n = 0, i;

		while (*t && !isalnum((unsigned char)*t))
			t++;
		while (isalnum((unsigned char)t[n]))
			n++;
		if ((n == 1 && tolower((unsigned char)t[0]) == 'a') ||
		    (n == 2 && strncasecmp(t, "an", 2) == 0) ||
		    (n == 3 && strncasecmp(t, "the", 3) == 0)) {
			t += n;
			continue;
		}
		/* a long title makes a long name: the cap keeps the first 256 */
		for (i = 0; i < n; i++)
			(void)sbuf_putc(&b, (char)(i ? tolower((unsigned char)t[i])
						     : toupper((unsigned char)t[i])));
		t += n;
	}
	v = jstr(s, b.len ? b.data : "Rule");
	sbuf_free(&b);
	return v;
}

static const char *problem_severity(int level)
{
	switch (level) {
	case ASP_LEVEL_ERROR: return "error";
	case ASP_LEVEL_WARNING: return "warning";
	default: return "recommendation";
	}
}

static const char *sarif_level(int level)
{
	switch (level) {
	case ASP_LEVEL_ERROR: return "error";
	case ASP_LEVEL_WARNING: return "warning";
	case ASP_LEVEL_NOTE: return "note";
	default: return "none";
	}
}

static json_t *rule_tags(struct sarif *s, const struct rule *rule)
{
	json_t *tags = jarr(s);
	size_t i, room = SARIF_TAGS_MAX - 1 - (rule->category && *rule->category);
	unsigned long seen[SARIF_TAGS_MAX];
	size_t nseen = 0;

	/* security-severity only counts on GitHub with this tag */
	push(s, tags, jstr(s, "security"));
	for (i = 0; i < rule->cwe.n && nseen < room; i++) {
		unsigned long n = cwe_number(rule->cwe.v[i]), k;
		char tag[48];

		for (k = 0; k < nseen && n; k++)
			if (seen[k] == n)
				n = 0;
		if (!n)
			continue;
		seen[nseen++] = n;
		snprintf(tag, sizeof tag, "external/cwe/cwe-%lu", n);
		push(s, tags, jstr(s, tag));
	}
	if (rule->category && *rule->category && strcmp(rule->category, "security") != 0 &&
	    strncmp(rule->category, "external/cwe/", 13) != 0)
		push(s, tags, jstr(s, rule->category));
	return tags;
}

static int put_list(struct sbuf *b, const char *label, const struct strlist *l, int md)
{
	size_t i;
	int rc;

	if (l->n == 0)
		return ASP_OK;
	rc = sbuf_printf(b, md ? "- **%s**: " : "- %s: ", label);
	for (i = 0; i < l->n && !rc; i++)
		rc = sbuf_printf(b, "%s%s", i ? ", " : "", l->v[i]);
	return rc ? rc : sbuf_putc(b, '\n');
}

static int put_cwe_links(struct sbuf *b, const struct strlist *l)
{
	size_t i;
	int rc;

	if (l->n == 0)
		return ASP_OK;
	rc = sbuf_puts(b, "- **CWE**: ");
	for (i = 0; i < l->n && !rc; i++) {
		unsigned long n = cwe_number(l->v[i]);

		if (n)
			rc = sbuf_printf(b, "%s[CWE-%lu](https://cwe.mitre.org/data/definitions/%lu.html)",
					 i ? ", " : "", n, n);
		else
			rc = sbuf_printf(b, "%s%s", i ? ", " : "", l->v[i]);
	}
	return rc ? rc : sbuf_putc(b, '\n');
}

/* help.text (md = 0) or help.markdown (md = 1): what, why, how to fix, and
   the mappings a reviewer looks for on the alert page. */
static json_t *rule_help(struct sarif *s, const struct rule *rule, const char *desc, int md)
{
	struct sbuf b = SBUF_INIT(SARIF_TEXT_MAX);
	int rc = put_trimmed(&b, desc);
	json_t *v;

	if (!rc && !is_blank(rule->rationale))
		rc = sbuf_puts(&b, md ? "\n\n## Rationale\n\n" : "\n\nRationale:\n");
	if (!rc && !is_blank(rule->rationale))
		rc = put_trimmed(&b, rule->rationale);
	if (!rc && !is_blank(rule->remediation))
		rc = sbuf_puts(&b, md ? "\n\n## Remediation\n\n" : "\n\nRemediation:\n");
	if (!rc && !is_blank(rule->remediation))
		rc = put_trimmed(&b, rule->remediation);
	if (!rc && (rule->cwe.n || rule->cert_c.n || rule->misra.n || rule->iec62304.n ||
		    rule->iec81001.n || rule->fda.n || rule->hipaa.n || rule->safety_classes.n))
		rc = sbuf_puts(&b, md ? "\n\n## Traceability\n\n" : "\n\nTraceability:\n");
	if (!rc)
		rc = md ? put_cwe_links(&b, &rule->cwe) : put_list(&b, "CWE", &rule->cwe, 0);
	if (!rc)
		rc = put_list(&b, "SEI CERT C", &rule->cert_c, md);
	if (!rc)
		rc = put_list(&b, "MISRA C:2012", &rule->misra, md);
	if (!rc)
		rc = put_list(&b, "IEC 62304", &rule->iec62304, md);
	if (!rc)
		rc = put_list(&b, "IEC 81001-5-1", &rule->iec81001, md);
	if (!rc)
		rc = put_list(&b, "FDA premarket cybersecurity", &rule->fda, md);
	if (!rc)
		rc = put_list(&b, "HIPAA 45 CFR", &rule->hipaa, md);
	if (!rc)
		rc = put_list(&b, "IEC 62304 safety classes (on by default)", &rule->safety_classes, md);
	while (!rc && b.len && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	if (rc) {
		/* a rule text past the cap is cut: the catalogue is the full source */
		if (rc != ASP_ELIMIT)
			s->oom = 1;
	}
	v = jstrn(s, b.data ? b.data : "", b.len);
	sbuf_free(&b);
	return v;
}

static json_t *taxon_ref(struct sarif *s, const char *id, long index, const char *tax_name)
{
	json_t *rel = jobj(s), *target = jobj(s), *comp = jobj(s), *kinds = jarr(s);

	set(s, target, "id", jstr(s, id));
	set(s, target, "index", jint(s, index));
	/* by name only: readers (the SARIF SDK among them) resolve a
	   toolComponent index against tool.extensions, not run.taxonomies */
	set(s, comp, "name", jstr(s, tax_name));
	set(s, target, "toolComponent", comp);
	set(s, rel, "target", target);
	/* the rule finds instances relevant to the weakness or clause; it is
	   neither all of it nor only it */
	push(s, kinds, jstr(s, "relevant"));
	set(s, rel, "kinds", kinds);
	return rel;
}

static const char *const tax_names[TAX__COUNT] = { "CWE", "IEC 62304", "IEC 81001-5-1" };

static json_t *rule_relationships(struct sarif *s, const struct rule *rule)
{
	json_t *rels = jarr(s);
	const struct strlist *lists[TAX__COUNT] = { &rule->cwe, &rule->iec62304, &rule->iec81001 };
	struct strset done = { NULL, 0, 0 };
	size_t j, k;
	int t;

	for (j = 0; j < rule->cwe.n; j++) {
		unsigned long n = cwe_number(rule->cwe.v[j]);
		char id[32];

		if (!n)
			continue;
		snprintf(id, sizeof id, "%lu", n);
		if (strset_find(&done, id) >= 0)
			continue;
		if (strset_add(&done, id, strlen(id)))
			s->oom = 1;
		push(s, rels, taxon_ref(s, id, cwe_find(s, n), tax_names[TAX_CWE]));
	}
	for (t = TAX_IEC62304; t < TAX__COUNT; t++) {
		strset_free(&done);
		memset(&done, 0, sizeof done);
		for (j = 0; j < lists[t]->n; j++) {
			char part[128];

			for (k = 0; clause_part(lists[t]->v[j], k, part, sizeof part); k++) {
				if (strset_find(&done, part) >= 0)
					continue;
				if (strset_add(&done, part, strlen(part)))
					s->oom = 1;
				push(s, rels, taxon_ref(s, part, strset_find(&s->clauses[t], part),
							tax_names[t]));
			}
		}
	}
	strset_free(&done);
	return rels;
}

static json_t *rule_json(struct sarif *s, const struct rule *rule)
{
	json_t *o = jobj(s), *cfg = jobj(s), *help = jobj(s), *props = jobj(s);
	const char *title = !is_blank(rule->title) ? rule->title : rule->id;
	const char *desc = !is_blank(rule->description) ? rule->description : title;
	struct sbuf uri = SBUF_INIT(1u << 16);
	struct sbuf full = SBUF_INIT(SARIF_TEXT_MAX);

	set(s, o, "id", jstr(s, rule->id));
	set(s, o, "name", rule_name(s, rule));
	set(s, o, "shortDescription", message(s, title));
	if (put_trimmed(&full, desc) || full.len == 0) {
		sbuf_reset(&full);
		if (sbuf_puts(&full, title))
			s->oom = 1;   /* a title past the cap is no rule file */
	}
	set(s, o, "fullDescription", message(s, sbuf_str(&full)));
	set(s, cfg, "level", jstr(s, sarif_level(rule->level)));
	set(s, o, "defaultConfiguration", cfg);
	if (rule->help_uri) {
		if (sbuf_puts(&uri, rule->help_uri))
			s->oom = 1;
	} else if (sbuf_puts(&uri, s->info_uri) || sbuf_puts(&uri, "/blob/main/docs/rules/") ||
		   pct_encode(&uri, rule->id, strlen(rule->id), 0) || sbuf_puts(&uri, ".md")) {
		s->oom = 1;
	}
	set(s, o, "helpUri", jstr(s, sbuf_str(&uri)));
	set(s, help, "text", rule_help(s, rule, sbuf_str(&full), 0));
	set(s, help, "markdown", rule_help(s, rule, sbuf_str(&full), 1));
	set(s, o, "help", help);
	set(s, o, "relationships", rule_relationships(s, rule));

	set(s, props, "tags", rule_tags(s, rule));
	if (!is_blank(rule->precision))
		set(s, props, "precision", jstr(s, rule->precision));
	set(s, props, "problem.severity", jstr(s, problem_severity(rule->level)));
	if (!is_blank(rule->security_severity))
		set(s, props, "security-severity", jstr(s, rule->security_severity));
	if (!is_blank(rule->category))
		set(s, props, "category", jstr(s, rule->category));
	set(s, props, "cwe", strlist_json(s, &rule->cwe));
	set(s, props, "cert_c", strlist_json(s, &rule->cert_c));
	set(s, props, "misra_c_2012", strlist_json(s, &rule->misra));
	set(s, props, "iec62304", strlist_json(s, &rule->iec62304));
	set(s, props, "iec81001_5_1", strlist_json(s, &rule->iec81001));
	set(s, props, "fda", strlist_json(s, &rule->fda));
	set(s, props, "hipaa", strlist_json(s, &rule->hipaa));
	set(s, props, "safety_classes", strlist_json(s, &rule->safety_classes));
	set(s, o, "properties", props);
	sbuf_free(&uri);
	sbuf_free(&full);
	return o;
}

static json_t *taxonomy_cwe(struct sarif *s)
{
	json_t *t = jobj(s), *taxa = jarr(s);
	size_t i;

	set(s, t, "name", jstr(s, "CWE"));
	set(s, t, "version", jstr(s, SARIF_CWE_VERSION));
	set(s, t, "organization", jstr(s, "MITRE"));
	set(s, t, "shortDescription", message(s, "The MITRE Common Weakness Enumeration"));
	set(s, t, "informationUri", jstr(s, "https://cwe.mitre.org/"));
	set(s, t, "isComprehensive", json_false());
	for (i = 0; i < s->ncwe; i++) {
		json_t *x = jobj(s);
		char id[32], name[40], uri[96];

		snprintf(id, sizeof id, "%lu", s->cwe[i]);
		snprintf(name, sizeof name, "CWE-%lu", s->cwe[i]);
		snprintf(uri, sizeof uri, "https://cwe.mitre.org/data/definitions/%lu.html", s->cwe[i]);
		set(s, x, "id", jstr(s, id));
		set(s, x, "name", jstr(s, name));
		set(s, x, "shortDescription", message(s, name));
		set(s, x, "helpUri", jstr(s, uri));
		push(s, taxa, x);
	}
	set(s, t, "taxa", taxa);
	return t;
}

static json_t *taxonomy_iec(struct sarif *s, int tax)
{
	json_t *t = jobj(s), *taxa = jarr(s);
	const struct strset *set_ = &s->clauses[tax];
	int std = tax == TAX_IEC62304 ? OUT_SARIF_IEC62304 : OUT_SARIF_IEC81001;
	size_t i;

	set(s, t, "name", jstr(s, tax_names[tax]));
	set(s, t, "version", jstr(s, tax == TAX_IEC62304 ? "2006+A1:2015" : "2021"));
	set(s, t, "organization", jstr(s, "IEC"));
	set(s, t, "shortDescription", message(s, tax == TAX_IEC62304
		? "Medical device software: software life cycle processes"
		: "Health software and health IT systems safety, effectiveness and security: "
		  "security activities in the product life cycle"));
	set(s, t, "informationUri", jstr(s, "https://webstore.iec.ch/"));
	set(s, t, "isComprehensive", json_false());
	for (i = 0; i < set_->n; i++) {
		const char *id = set_->v[i], *title = out_sarif_clause_title(std, id);
		json_t *x = jobj(s);
		char buf[512];

		if (!title) {
			/* an item of a listed clause: "5.3.2(g)" */
			const char *open = strchr(id, '(');
			char base[128];
			size_t n = open ? (size_t)(open - id) : 0;

			if (n && n < sizeof base) {
				memcpy(base, id, n);
				base[n] = '\0';
				title = out_sarif_clause_title(std, base);
				if (title) {
					snprintf(buf, sizeof buf, "%s, item %s", title, open);
					title = buf;
				}
			}
		}
		set(s, x, "id", jstr(s, id));
		set(s, x, "shortDescription", message(s, title ? title : id));
		push(s, taxa, x);
	}
	set(s, t, "taxa", taxa);
	return t;
}

/* ---- results ---------------------------------------------------------- */

static json_t *artifact_location(struct sarif *s, const char *run_uri)
{
	json_t *al = jobj(s);
	int relative = 0;
	char *uri = artifact_uri(run_uri, &relative);
	long idx = artifact_index(s, run_uri);

	if (!uri)
		s->oom = 1;
	set(s, al, "uri", jstr(s, uri));
	if (relative && s->r->root)
		set(s, al, "uriBaseId", jstr(s, SARIF_SRCROOT));
	if (idx >= 0)
		set(s, al, "index", jint(s, idx));
	free(uri);
	return al;
}

/* The exact source of the region; NULL-free: sets *n = 0 when unknown. */
static int region_text(const struct sarif *s, const struct run_finding *rf, unsigned eline,
		       unsigned ecol, const char **p, size_t *n)
{
	const struct asp_finding *f = rf->f;
	const char *a, *b;
	size_t na, nb, from, to;

	if (!line_text(s, rf, f->line, &a, &na))
		return 0;
	from = f->column ? f->column - 1 : 0;
	if (from > na)
		from = na;
	if (eline == f->line) {
		to = ecol ? ecol - 1 : na;
		if (to > na)
			to = na;
		if (to < from)
			to = from;
		*p = a + from;
		*n = to - from;
		return 1;
	}
	/* several lines: only from the loaded file, where they are contiguous */
	if (!s->src.ok || !line_text(s, rf, eline, &b, &nb))
		return 0;
	to = ecol ? ecol - 1 : nb;
	if (to > nb)
		to = nb;
	*p = a + from;
	*n = (size_t)(b + to - (a + from));
	return 1;
}

/* Lines first..last in full, without the last line end. */
static int full_lines(const struct sarif *s, const struct run_finding *rf, unsigned first,
		      unsigned last, const char **p, size_t *n)
{
	const char *b;
	size_t nb;

	if (!line_text(s, rf, first, p, n))
		return 0;
	if (last == first)
		return 1;
	if (!s->src.ok || !line_text(s, rf, last, &b, &nb))
		return 0;
	*n = (size_t)(b + nb - *p);
	return 1;
}

static json_t *result_region(struct sarif *s, const struct run_finding *rf, json_t **context)
{
	const struct asp_finding *f = rf->f;
	json_t *reg = jobj(s);
	unsigned eline = f->end_line >= f->line ? f->end_line : f->line;
	unsigned ecol = f->end_line >= f->line ? f->end_column : 0;
	unsigned scol = 0, ucol = 0;
	const char *p;
	size_t n;

	*context = NULL;
	set(s, reg, "startLine", jint(s, f->line));
	if (f->column) {
		scol = line_text(s, rf, f->line, &p, &n) ? utf16_column(p, n, f->column) : f->column;
		set(s, reg, "startColumn", jint(s, scol));
	}
	set(s, reg, "endLine", jint(s, eline));
	if (ecol) {
		ucol = line_text(s, rf, eline, &p, &n) ? utf16_column(p, n, ecol) : ecol;
		if (eline == f->line && ucol < scol)
			ucol = scol;
		set(s, reg, "endColumn", jint(s, ucol));
	}
	if (region_text(s, rf, eline, ecol, &p, &n) && n <= SARIF_SNIPPET_MAX) {
		json_t *snip = jobj(s);

		set(s, snip, "text", jstrn(s, p, n));
		set(s, reg, "snippet", snip);
	}
	/* the whole lines around the region, when they add something */
	if ((f->column > 1 || (ecol && line_text(s, rf, eline, &p, &n) && ecol - 1 < n)) &&
	    full_lines(s, rf, f->line, eline, &p, &n) && n <= SARIF_SNIPPET_MAX) {
		json_t *ctx = jobj(s), *snip = jobj(s);

		set(s, ctx, "startLine", jint(s, f->line));
		set(s, ctx, "endLine", jint(s, eline));
		set(s, snip, "text", jstrn(s, p, n));
		set(s, ctx, "snippet", snip);
		*context = ctx;
	}
	return reg;
}

static const char *baseline_name(int state)
{
	switch (state) {
	case BASELINE_NEW: return "new";
	case BASELINE_UNCHANGED: return "unchanged";
	case BASELINE_UPDATED: return "updated";
	case BASELINE_ABSENT: return "absent";
	default: return NULL;
	}
}

/* correlationGuid must read as an RFC 4122 GUID (schema pattern): the
   fingerprint's bits get the version (5, name-based) and variant marks. A
   correlation that already has them passes unchanged. */
static json_t *correlation_guid(struct sarif *s, const char *c)
{
	static const char variant[] = "89ab";
	char g[37];
	size_t i;

	if (strlen(c) != 36)
		return NULL;
	for (i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? c[i] != '-' : !isxdigit((unsigned char)c[i]))
			return NULL;
		g[i] = (char)tolower((unsigned char)c[i]);
	}
	g[36] = '\0';
	if (g[14] < '1' || g[14] > '5')
		g[14] = '5';
	if (!strchr(variant, g[19])) {
		int v = isdigit((unsigned char)g[19]) ? g[19] - '0' : g[19] - 'a' + 10;

		g[19] = variant[v & 3];
	}
	return jstr(s, g);
}

/*
 * Suppressions (DESIGN §6): an asepsis-ignore comment gives kind "inSource";
 * a triage decision that the finding is acceptable (accepted-risk,
 * false-positive) gives kind "external". Both are "accepted", with their
 * justification. Such results are left out of the file unless
 * o->include_suppressed (GitHub ignores the property and would show them as
 * open alerts); the evidence file keeps them.
 */
static int finding_suppressed(const struct run_finding *rf)
{
	return run_finding_suppressed(rf);
}

static json_t *suppression(struct sarif *s, const char *kind, const char *why)
{
	json_t *o = jobj(s);

	set(s, o, "kind", jstr(s, kind));
	set(s, o, "status", jstr(s, "accepted"));
	set(s, o, "justification", jstr(s, why));
	return o;
}

static void add_suppressions(struct sarif *s, json_t *res, const struct run_finding *rf)
{
	json_t *a;

	if (!finding_suppressed(rf))
		return;
	a = jarr(s);
	if (rf->f && rf->f->suppression)
		push(s, a, suppression(s, "inSource", rf->f->suppression));
	if (strcmp(rf->state, "accepted-risk") == 0 || strcmp(rf->state, "false-positive") == 0) {
		struct sbuf b = SBUF_INIT(1u << 20);

		if (sbuf_printf(&b, "%s: %s", rf->state, rf->justification ? rf->justification : ""))
			s->oom = 1;
		push(s, a, suppression(s, "external", sbuf_str(&b)));
		sbuf_free(&b);
	}
	set(s, res, "suppressions", a);
}

static json_t *links_json(struct sarif *s, const struct run_finding *rf)
{
	json_t *a = jarr(s);
	size_t i;

	for (i = 0; i < rf->nlinks; i++) {
		json_t *l = jobj(s);

		set(s, l, "kind", jstr(s, rf->links[i].kind));
		set(s, l, "ref", jstr(s, rf->links[i].ref));
		push(s, a, l);
	}
	return a;
}

/* Root-relative form of an absolute path, or the path itself outside the root. */
static const char *root_relative(const struct sarif *s, const char *path)
{
	const char *root = s->r->root;
	size_t n = root ? strlen(root) : 0;

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n && strncmp(path, root, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

/* A location of a step; the column in UTF-16 units when the step lies in the
   result's own file (whose text is loaded), else left out. */
static json_t *step_location(struct sarif *s, const struct run_finding *rf,
			     const struct asp_step *st)
{
	json_t *loc = jobj(s), *phys = jobj(s), *reg = jobj(s);
	const char *p;
	size_t n;

	set(s, phys, "artifactLocation", artifact_location(s, root_relative(s, st->path)));
	set(s, reg, "startLine", jint(s, st->line ? st->line : 1));
	if (st->column && strcmp(st->path, rf->f->path) == 0 &&
	    line_text(s, rf, st->line, &p, &n) && n)
		set(s, reg, "startColumn", jint(s, utf16_column(p, n, st->column)));
	set(s, phys, "region", reg);
	set(s, loc, "physicalLocation", phys);
	set(s, loc, "message", message(s, st->message));
	return loc;
}

/*
 * The path to a finding (DESIGN §5): one codeFlow with one threadFlow whose
 * locations are the steps, then the finding itself; the steps are also
 * relatedLocations so viewers without code-flow support still show them.
 */
static void add_code_flow(struct sarif *s, json_t *res, const struct run_finding *rf,
			  json_t *result_loc)
{
	const struct asp_finding *f = rf->f;
	json_t *flows, *flow, *threads, *thread, *locs, *related;
	size_t i;

	if (!f->nsteps)
		return;
	flows = jarr(s);
	flow = jobj(s);
	threads = jarr(s);
	thread = jobj(s);
	locs = jarr(s);
	related = jarr(s);
	for (i = 0; i <= f->nsteps; i++) {
		json_t *tfl = jobj(s), *loc;
		const char *kind = NULL;

		if (i < f->nsteps) {
			json_t *rel = step_location(s, rf, &f->steps[i]);

			set(s, rel, "id", jint(s, (long long)i + 1));
			push(s, related, rel);
			loc = step_location(s, rf, &f->steps[i]);
			kind = analyze_step_kind_name(f->steps[i].kind);
			if (strcmp(kind, "note") == 0)
				kind = NULL;   /* no SARIF kind says "just a note" */
		} else {
			loc = json_deep_copy(result_loc);
			if (!loc)
				s->oom = 1;
			else
				set(s, loc, "message", message(s, f->message));
			kind = "usage";
		}
		set(s, tfl, "location", loc);
		if (kind) {
			json_t *kinds = jarr(s);

			push(s, kinds, jstr(s, kind));
			set(s, tfl, "kinds", kinds);
		}
		set(s, tfl, "executionOrder", jint(s, (long long)i + 1));
		push(s, locs, tfl);
	}
	set(s, thread, "locations", locs);
	push(s, threads, thread);
	set(s, flow, "threadFlows", threads);
	push(s, flows, flow);
	set(s, res, "codeFlows", flows);
	set(s, res, "relatedLocations", related);
}

static json_t *result_json(struct sarif *s, const struct run_finding *rf)
{
	const struct asp_finding *f = rf->f;
	json_t *o = jobj(s), *locs = jarr(s), *loc = jobj(s), *phys = jobj(s);
	json_t *fps = jobj(s), *props = jobj(s), *context = NULL, *guid;
	long ri = rule_index(s, rf->rule);
	const char *bs = baseline_name(rf->baseline);

	source_load(s, rf);
	set(s, o, "ruleId", jstr(s, rf->rule->id));
	if (ri >= 0)
		set(s, o, "ruleIndex", jint(s, ri));
	set(s, o, "level", jstr(s, sarif_level(rf->level)));
	set(s, o, "message", message(s, f->message));

	set(s, phys, "artifactLocation", artifact_location(s, rf->uri));
	if (f->line) {
		set(s, phys, "region", result_region(s, rf, &context));
		if (context)
			set(s, phys, "contextRegion", context);
	}
	set(s, loc, "physicalLocation", phys);
	if (f->function && *f->function) {
		json_t *logs = jarr(s), *lg = jobj(s);

		set(s, lg, "name", jstr(s, f->function));
		set(s, lg, "kind", jstr(s, "function"));
		push(s, logs, lg);
		set(s, loc, "logicalLocations", logs);
	}
	push(s, locs, loc);
	set(s, o, "locations", locs);
	add_code_flow(s, o, rf, loc);

	if (rf->line_hash[0])
		set(s, fps, "primaryLocationLineHash", jstr(s, rf->line_hash));
	if (rf->fingerprint[0])
		set(s, fps, "asepsisFingerprint/v1", jstr(s, rf->fingerprint));
	set(s, o, "partialFingerprints", fps);
	guid = correlation_guid(s, rf->correlation);
	if (guid)
		set(s, o, "correlationGuid", guid);
	if (bs)
		set(s, o, "baselineState", jstr(s, bs));
	add_suppressions(s, o, rf);
	if (rf->trace_id[0])
		set(s, props, "traceabilityId", jstr(s, rf->trace_id));
	if (rf->state[0])
		set(s, props, "triageState", jstr(s, rf->state));
	if (rf->nlinks)
		set(s, props, "links", links_json(s, rf));
	if (rf->soup_component) {
		/* third-party code (SOUP): evaluated apart from the product's own */
		set(s, props, "soupComponent", jstr(s, rf->soup_component));
		if (rf->soup_version)
			set(s, props, "soupVersion", jstr(s, rf->soup_version));
		set(s, props, "soupPolicy", jstr(s, rf->soup_separate ? "separate" : "report"));
	}
	if (json_object_size(props))
		set(s, o, "properties", props);
	else
		json_decref(props);
	return o;
}

/* ---- invocation ------------------------------------------------------- */

static int cmp_str0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int cmp_notice(const void *a, const void *b)
{
	const struct asp_notice *x = *(const struct asp_notice *const *)a;
	const struct asp_notice *y = *(const struct asp_notice *const *)b;
	int c = cmp_str0(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	c = cmp_str0(x->kind, y->kind);
	if (c)
		return c;
	c = cmp_str0(x->message, y->message);
	if (c)
		return c;
	return (x->level > y->level) - (x->level < y->level);
}

/* The location of a path: repo-relative when under the root. */
static json_t *path_location(struct sarif *s, const char *path, unsigned line)
{
	json_t *locs = jarr(s), *loc = jobj(s), *phys = jobj(s);
	const char *root = s->r->root, *rel = path;
	size_t n = root ? strlen(root) : 0;

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n && strncmp(path, root, n) == 0 && path[n] == '/')
		rel = path + n + 1;
	set(s, phys, "artifactLocation", artifact_location(s, rel));
	if (line) {
		json_t *reg = jobj(s);

		/* columns stay out: converting them would need the line's text */
		set(s, reg, "startLine", jint(s, line));
		set(s, phys, "region", reg);
	}
	set(s, loc, "physicalLocation", phys);
	push(s, locs, loc);
	return locs;
}

/* where: an absolute path or a run uri; NULL for none. */
static json_t *notification(struct sarif *s, const char *id, const char *level,
			    const char *text, const char *where, unsigned line)
{
	json_t *n = jobj(s), *desc = jobj(s);

	set(s, desc, "id", jstr(s, id));
	set(s, n, "descriptor", desc);
	set(s, n, "level", jstr(s, level));
	set(s, n, "message", message(s, text));
	if (where && *where)
		set(s, n, "locations", path_location(s, where, line));
	return n;
}

static json_t *notifications(struct sarif *s)
{
	const struct analyze_result *res = &s->r->result;
	const struct asp_notice **v = NULL;
	json_t *a = jarr(s);
	size_t i;

	if (res->nnotices) {
		v = malloc(res->nnotices * sizeof *v);
		if (!v) {
			s->oom = 1;
			return a;
		}
		for (i = 0; i < res->nnotices; i++)
			v[i] = &res->notices[i];
		/* workers finish in any order; a header's notice may come twice */
		qsort(v, res->nnotices, sizeof *v, cmp_notice);
	}
	for (i = 0; i < res->nnotices; i++) {
		const struct asp_notice *x = v[i];
		const char *lv = x->level == ASP_NOTICE_ERROR ? "error"
			: x->level == ASP_NOTICE_WARNING ? "warning" : "note";

		if (i && cmp_notice(&v[i - 1], &v[i]) == 0)
			continue;
		push(s, a, notification(s, x->kind && *x->kind ? x->kind : "notice", lv,
					x->message ? x->message : "", x->path, x->line));
	}
	free(v);
	if (s->left_out) {
		struct sbuf b = SBUF_INIT(4096);

		if (sbuf_printf(&b, "%zu of %zu results are left out of this file to stay within "
				"what GitHub code scanning accepts in one upload (%zu results, %zu MB "
				"gzipped); the lowest severities went first. The store and an evidence "
				"SARIF (--sarif-include-suppressed) keep every result.", s->left_out,
				s->kept + s->left_out, s->max_results, s->max_gzip >> 20))
			s->oom = 1;
		push(s, a, notification(s, "results-truncated", "warning", sbuf_str(&b), NULL, 0));
		sbuf_free(&b);
	}
	for (i = 0; i < s->narts; i++) {
		const struct run_file *f = s->arts[i].file;
		struct sbuf b = SBUF_INIT(1u << 16);

		if (!f || f->status == RUN_FILE_ANALYSED)
			continue;
		if (sbuf_printf(&b, f->status == RUN_FILE_PARTIAL
				? "%s: analysed with reduced coverage (it has errors the front end "
				  "recovered from; findings may be missing)"
				: "%s: not analysed", f->uri))
			s->oom = 1;
		push(s, a, notification(s, f->status == RUN_FILE_PARTIAL ? "partial-coverage"
					: "not-analysed",
					f->status == RUN_FILE_PARTIAL ? "warning" : "error",
					sbuf_str(&b), f->uri, 0));
		sbuf_free(&b);
	}
	return a;
}

static json_t *invocation(struct sarif *s)
{
	const struct run *r = s->r;
	json_t *inv = jobj(s);
	size_t i, analysed = 0;

	for (i = 0; i < r->nfiles; i++)
		analysed += r->files[i].status != RUN_FILE_FAILED;
	if (r->command_line)
		set(s, inv, "commandLine", jstr(s, r->command_line));
	if (r->started[0])
		set(s, inv, "startTimeUtc", jstr(s, r->started));
	if (r->finished[0])
		set(s, inv, "endTimeUtc", jstr(s, r->finished));
	set(s, inv, "executionSuccessful", json_boolean(analysed > 0));
	set(s, inv, "toolExecutionNotifications", notifications(s));
	return inv;
}

/* ---- the document ----------------------------------------------------- */

static int semver_like(const char *v)
{
	int dots = 0;

	if (!v || !isdigit((unsigned char)*v))
		return 0;
	for (; *v && *v != '-' && *v != '+'; v++) {
		if (*v == '.')
			dots++;
		else if (!isdigit((unsigned char)*v))
			return 0;
	}
	return dots == 2;
}

static json_t *tool_json(struct sarif *s)
{
	const struct run *r = s->r;
	json_t *tool = jobj(s), *drv = jobj(s), *rules = jarr(s), *sup = jarr(s), *props = jobj(s);
	size_t i;
	int t;

	set(s, drv, "name", jstr(s, "asepsis"));
	set(s, drv, "fullName", jstr(s, "asepsis static analyzer for medical-device C"));
	set(s, drv, "organization", jstr(s, "asepsis"));
	set(s, drv, "version", jstr(s, r->tool_version ? r->tool_version : "0.0.0"));
	if (semver_like(r->tool_version))
		set(s, drv, "semanticVersion", jstr(s, r->tool_version));
	set(s, drv, "informationUri", jstr(s, s->info_uri));
	for (t = 0; t < TAX__COUNT; t++) {
		if (s->tax_index[t] >= 0) {
			json_t *ref = jobj(s);

			set(s, ref, "name", jstr(s, tax_names[t]));
			push(s, sup, ref);
		}
	}
	if (json_array_size(sup))
		set(s, drv, "supportedTaxonomies", sup);
	else
		json_decref(sup);
	for (i = 0; i < s->nrules; i++)
		push(s, rules, rule_json(s, s->rules[i]));
	set(s, drv, "rules", rules);
	if (r->rules && r->rules->profile)
		set(s, props, "profile", jstr(s, r->rules->profile));
	if (r->rules && r->rules->hash[0])
		set(s, props, "rulesetHash", jstr(s, r->rules->hash));
	if (r->frontend_version)
		set(s, props, "frontend", jstr(s, r->frontend_version));
	if (json_object_size(props))
		set(s, drv, "properties", props);
	else
		json_decref(props);
	set(s, tool, "driver", drv);
	return tool;
}

static json_t *provenance(struct sarif *s)
{
	const struct run *r = s->r;
	json_t *a, *v;
	char *uri;

	if (!r->vcs_commit || !*r->vcs_commit)
		return NULL;
	/* without a usable remote the repository is the local one at the root */
	uri = repository_uri(r->vcs_uri);
	if (!uri && r->root && r->root[0] == '/')
		uri = file_uri(r->root, 1);
	if (!uri)
		return NULL;   /* repositoryUri is required and must be absolute */
	a = jarr(s);
	v = jobj(s);
	set(s, v, "repositoryUri", jstr(s, uri));
	set(s, v, "revisionId", jstr(s, r->vcs_commit));
	if (r->vcs_branch && *r->vcs_branch && strcmp(r->vcs_branch, "HEAD") != 0)
		set(s, v, "branch", jstr(s, r->vcs_branch));
	if (r->root) {
		json_t *m = jobj(s);

		set(s, m, "uriBaseId", jstr(s, SARIF_SRCROOT));
		set(s, v, "mappedTo", m);
	}
	push(s, a, v);
	free(uri);
	return a;
}

static json_t *category(struct sarif *s, const char *c)
{
	struct sbuf b = SBUF_INIT(4096);
	json_t *v;

	if (!c || !*c)
		c = SARIF_CATEGORY;
	if (sbuf_puts(&b, c) || (c[strlen(c) - 1] != '/' && sbuf_putc(&b, '/')))
		s->oom = 1;
	v = jstr(s, sbuf_str(&b));
	sbuf_free(&b);
	return v;
}

static json_t *document(struct sarif *s, const struct out_sarif_opts *o)
{
	const struct run *r = s->r;
	json_t *doc = jobj(s), *runs = jarr(s), *run = jobj(s), *taxonomies = jarr(s);
	json_t *invs = jarr(s), *arts = jarr(s), *results = jarr(s), *auto_ = jobj(s), *vcs;
	size_t i;

	set(s, doc, "$schema", jstr(s, SARIF_SCHEMA));
	set(s, doc, "version", jstr(s, "2.1.0"));
	set(s, run, "tool", tool_json(s));
	if (s->tax_index[TAX_CWE] >= 0)
		push(s, taxonomies, taxonomy_cwe(s));
	if (s->tax_index[TAX_IEC62304] >= 0)
		push(s, taxonomies, taxonomy_iec(s, TAX_IEC62304));
	if (s->tax_index[TAX_IEC81001] >= 0)
		push(s, taxonomies, taxonomy_iec(s, TAX_IEC81001));
	if (json_array_size(taxonomies))
		set(s, run, "taxonomies", taxonomies);
	else
		json_decref(taxonomies);
	push(s, invs, invocation(s));
	set(s, run, "invocations", invs);
	vcs = provenance(s);
	if (vcs)
		set(s, run, "versionControlProvenance", vcs);
	if (r->root && r->root[0] == '/') {
		json_t *bases = jobj(s), *base = jobj(s);
		char *uri = file_uri(r->root, 1);

		if (!uri)
			s->oom = 1;
		set(s, base, "uri", jstr(s, uri));
		set(s, base, "description", message(s, "The project root: the folder of "
						    ".asepsis.yml, else the git top level."));
		set(s, bases, SARIF_SRCROOT, base);
		set(s, run, "originalUriBaseIds", bases);
		free(uri);
	}
	set(s, auto_, "id", category(s, o ? o->category : NULL));
	set(s, run, "automationDetails", auto_);
	/* libclang counts columns in bytes; they are converted per line */
	set(s, run, "columnKind", jstr(s, "utf16CodeUnits"));
	for (i = 0; i < s->narts; i++) {
		const struct artifact *a = &s->arts[i];
		json_t *art = jobj(s), *al = artifact_location(s, a->uri);

		json_object_del(al, "index");
		set(s, art, "location", al);
		if (a->file && a->file->sha256[0]) {
			json_t *h = jobj(s);

			set(s, h, "sha-256", jstr(s, a->file->sha256));
			set(s, art, "hashes", h);
		}
		set(s, art, "sourceLanguage", jstr(s, "c"));
		push(s, arts, art);
	}
	set(s, run, "artifacts", arts);
	for (i = 0; i < r->nfindings; i++) {
		const struct run_finding *rf = &r->findings[i];

		if (!rf->f || !rf->rule || !rf->uri)
			continue;
		if (finding_suppressed(rf) && !(o && o->include_suppressed))
			continue;
		if (s->drop && s->drop[i])
			continue;
		push(s, results, result_json(s, rf));
	}
	/* baseline results not found in this run (baselineState "absent") */
	for (i = 0; i < r->nabsent && !s->drop_absent; i++)
		if (r->absent[i].rule && r->absent[i].uri)
			push(s, results, result_json(s, &r->absent[i]));
	set(s, run, "results", results);
	push(s, runs, run);
	set(s, doc, "runs", runs);
	return doc;
}

/* Bytes of text once gzipped (what GitHub measures); (size_t)-1 on failure. */
static size_t gzip_size(const char *text, size_t len)
{
	z_stream z;
	unsigned char buf[65536];
	size_t total = 0;
	int zr;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		return (size_t)-1;
	z.next_in = (unsigned char *)(uintptr_t)text;
	z.avail_in = (uInt)len;
	do {
		z.next_out = buf;
		z.avail_out = sizeof buf;
		zr = deflate(&z, Z_FINISH);
		total += sizeof buf - z.avail_out;
	} while (zr == Z_OK);
	deflateEnd(&z);
	return zr == Z_STREAM_END ? total : (size_t)-1;
}

/* Keeps the `limit` results of the highest levels (run order within a
   level); the baseline's absent results go first. */
static int choose(struct sarif *s, const struct out_sarif_opts *o, size_t limit)
{
	const struct run *r = s->r;
	size_t i, total = 0, taken = 0, absent = 0;
	int level;

	for (i = 0; i < r->nabsent; i++)
		absent += r->absent[i].rule && r->absent[i].uri;
	memset(s->drop, 1, r->nfindings ? r->nfindings : 1);
	for (i = 0; i < r->nfindings; i++) {
		const struct run_finding *rf = &r->findings[i];

		if (rf->f && rf->rule && rf->uri &&
		    !(finding_suppressed(rf) && !(o && o->include_suppressed)))
			total++;
	}
	for (level = ASP_LEVEL_ERROR; level >= ASP_LEVEL_NONE; level--)
		for (i = 0; i < r->nfindings; i++) {
			const struct run_finding *rf = &r->findings[i];

			if (rf->level != level || !rf->f || !rf->rule || !rf->uri ||
			    (finding_suppressed(rf) && !(o && o->include_suppressed)))
				continue;
			if (taken < limit) {
				s->drop[i] = 0;
				taken++;
			}
		}
	/* the baseline's absent results are the first to go */
	s->drop_absent = absent && taken + absent > limit;
	s->kept = taken + (s->drop_absent ? 0 : absent);
	s->left_out = total - taken + (s->drop_absent ? absent : 0);
	return ASP_OK;
}

int out_sarif_write(const struct run *r, const char *path, const struct out_sarif_opts *o,
		    struct asp_error *err)
{
	struct sarif s;
	json_t *doc = NULL;
	char *text = NULL;
	struct out_file of;
	size_t limit = o && o->max_results ? o->max_results : (size_t)-1, gz;
	int rc = ASP_OK, t, tries;

	memset(&s, 0, sizeof s);
	s.r = r;
	s.info_uri = o && o->info_uri && *o->info_uri ? o->info_uri : SARIF_PROJECT_URI;
	s.max_results = o ? o->max_results : 0;
	s.max_gzip = o ? o->max_gzip : 0;
	s.drop = calloc(r->nfindings ? r->nfindings : 1, 1);
	if (!s.drop || collect_rules(&s) || collect_artifacts(&s) || collect_taxa(&s)) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	for (tries = 0; tries < 40; tries++) {
		choose(&s, o, limit);
		json_decref(doc);
		free(text);
		text = NULL;
		doc = document(&s, o);
		if (s.oom || !doc) {
			rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
			goto done;
		}
		text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		if (!text) {
			rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
			goto done;
		}
		if (!s.max_gzip || s.kept == 0)
			break;
		gz = gzip_size(text, strlen(text));
		if (gz == (size_t)-1) {
			rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
			goto done;
		}
		if (gz <= s.max_gzip)
			break;
		/* shrink in proportion, with a margin for the parts that stay */
		limit = (size_t)((double)s.kept * ((double)s.max_gzip / (double)gz) * 0.95);
	}
	rc = out_file_open(&of, path, "SARIF file", err);
	if (rc)
		goto done;
	if (fputs(text, of.f) == EOF || fputc('\n', of.f) == EOF) {
		out_file_abort(&of);
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the SARIF file: %s",
			       errno ? strerror(errno) : "write failed");
		goto done;
	}
	rc = out_file_commit(&of, err);
	if (!rc && o && o->kept)
		*o->kept = s.kept;
	if (!rc && o && o->left_out)
		*o->left_out = s.left_out;
done:
	free(text);
	json_decref(doc);
	free(s.drop);
	source_reset(&s.src);
	for (t = 0; t < TAX__COUNT; t++)
		strset_free(&s.clauses[t]);
	free(s.cwe);
	free(s.arts);
	free(s.rules);
	return rc;
}
