/*
 * Fingerprints, line hashes and SHA-256. The only file of driver/ besides
 * the audit log and the evidence package that includes OpenSSL.
 */
#include "fingerprint.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

struct fingerprint_sha256 {
	EVP_MD_CTX *md;
};

static void hex(const unsigned char *d, unsigned n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

struct fingerprint_sha256 *fingerprint_sha256_begin(void)
{
	struct fingerprint_sha256 *h = calloc(1, sizeof *h);

	if (!h)
		return NULL;
	h->md = EVP_MD_CTX_new();
	if (!h->md || !EVP_DigestInit_ex(h->md, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(h->md);
		free(h);
		return NULL;
	}
	return h;
}

void fingerprint_sha256_update(struct fingerprint_sha256 *h, const void *data, size_t len)
{
	if (h && len)
		EVP_DigestUpdate(h->md, data, len);
}

void fingerprint_sha256_end(struct fingerprint_sha256 *h, char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0;

	out[0] = '\0';
	if (!h)
		return;
	if (EVP_DigestFinal_ex(h->md, d, &n) && n == 32)
		hex(d, n, out);
	EVP_MD_CTX_free(h->md);
	free(h);
}

void fingerprint_sha256_hex(const void *data, size_t len, char out[65])
{
	struct fingerprint_sha256 *h = fingerprint_sha256_begin();

	fingerprint_sha256_update(h, data, len);
	fingerprint_sha256_end(h, out);
}

int fingerprint_file_sha256(const char *path, char out[65])
{
	struct fingerprint_sha256 *h;
	unsigned char buf[65536];
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc = ASP_OK;

	out[0] = '\0';
	if (!f)
		return ASP_EIO;
	h = fingerprint_sha256_begin();
	if (!h) {
		fclose(f);
		return ASP_ENOMEM;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fingerprint_sha256_update(h, buf, n);
	if (ferror(f))
		rc = ASP_EIO;
	fclose(f);
	fingerprint_sha256_end(h, out);
	if (rc)
		out[0] = '\0';
	return rc;
}

char *fingerprint_normalise(const char *text)
{
	size_t n = strlen(text), o = 0, i;
	char *out = malloc(n + 1);
	int space = 0;

	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return out;
}

static int hexval(char c)
{
	return c >= 'a' ? c - 'a' + 10 : c - '0';
}

static int same_key(const struct run_finding *a, const char *na,
		    const struct run_finding *b, const char *nb)
{
	const char *fa = a->f->function ? a->f->function : "";
	const char *fb = b->f->function ? b->f->function : "";

	return strcmp(a->rule->id, b->rule->id) == 0 && strcmp(a->uri, b->uri) == 0 &&
	       strcmp(fa, fb) == 0 && strcmp(na, nb) == 0;
}

void fingerprint_correlation(const char *fp, char out[37])
{
	/* the fingerprint's first 128 bits as a name-based UUID (version and
	   variant bits set, as SARIF's GUID pattern wants) */
	snprintf(out, 37, "%.8s-%.4s-5%.3s-%c%.3s-%.12s", fp, fp + 8, fp + 13,
		 "89ab"[hexval(fp[16]) & 3], fp + 17, fp + 20);
}

int fingerprint_run(struct run *r)
{
	char **norm;
	size_t i, j;
	int rc = ASP_OK;

	if (!r->nfindings)
		return ASP_OK;
	norm = calloc(r->nfindings, sizeof *norm);
	if (!norm)
		return ASP_ENOMEM;
	for (i = 0; i < r->nfindings; i++) {
		norm[i] = fingerprint_normalise(r->findings[i].f->stmt_text ?
						r->findings[i].f->stmt_text : "");
		if (!norm[i]) {
			rc = ASP_ENOMEM;
			goto done;
		}
	}
	for (i = 0; i < r->nfindings; i++) {
		struct run_finding *rf = &r->findings[i];
		struct fingerprint_sha256 *h;
		char occ[32];
		const char *fn = rf->f->function ? rf->f->function : "";

		/* findings are sorted by position: the occurrence index counts
		   earlier findings with the same key, so it survives moves */
		rf->occurrence = 0;
		for (j = 0; j < i; j++)
			if (same_key(&r->findings[j], norm[j], rf, norm[i]))
				rf->occurrence++;
		h = fingerprint_sha256_begin();
		if (!h) {
			rc = ASP_ENOMEM;
			goto done;
		}
		snprintf(occ, sizeof occ, "%u", rf->occurrence);
		fingerprint_sha256_update(h, "asepsis-fp-v1", 14);
		fingerprint_sha256_update(h, rf->rule->id, strlen(rf->rule->id) + 1);
		fingerprint_sha256_update(h, rf->uri, strlen(rf->uri) + 1);
		fingerprint_sha256_update(h, fn, strlen(fn) + 1);
		fingerprint_sha256_update(h, norm[i], strlen(norm[i]) + 1);
		fingerprint_sha256_update(h, occ, strlen(occ) + 1);
		fingerprint_sha256_end(h, rf->fingerprint);
		fingerprint_correlation(rf->fingerprint, rf->correlation);
	}
done:
	for (i = 0; i < r->nfindings; i++)
		free(norm[i]);
	free(norm);
	return rc;
}

/*
 * GitHub's primaryLocationLineHash (as upload-sarif computes it): a rolling
 * hash, base 37 modulo 2^64, over the 100 characters (UTF-16 code units)
 * starting at each line, skipping spaces and tabs, reading CR and CRLF as LF,
 * closed by an end marker 65535 and zero padding. The value is the hash in
 * hex plus ":n", n counting earlier lines with the same hash.
 */
#define LH_WINDOW 100

struct lh_state {
	uint64_t h, first;
	uint32_t win[LH_WINDOW];
	long lines[LH_WINDOW];
	unsigned idx;
	long ln;
	int start, prev_cr;
	char **out;
	long nout, cap;
	/* counts of hash values seen, for the ":n" suffix */
	struct lh_count { uint64_t h; unsigned n; } *counts;
	size_t ncounts, capcounts;
	int oom;
};

static unsigned lh_bump(struct lh_state *s, uint64_t h)
{
	size_t i;

	/* linear probe table keyed by h */
	if (s->ncounts * 2 >= s->capcounts) {
		size_t ncap = s->capcounts ? s->capcounts * 2 : 1024;
		struct lh_count *nc = calloc(ncap, sizeof *nc);

		if (!nc) {
			s->oom = 1;
			return 1;
		}
		for (i = 0; i < s->capcounts; i++)
			if (s->counts[i].n) {
				size_t k = (size_t)(s->counts[i].h * 0x9E3779B97F4A7C15ull) & (ncap - 1);

				while (nc[k].n)
					k = (k + 1) & (ncap - 1);
				nc[k] = s->counts[i];
			}
		free(s->counts);
		s->counts = nc;
		s->capcounts = ncap;
	}
	i = (size_t)(h * 0x9E3779B97F4A7C15ull) & (s->capcounts - 1);
	while (s->counts[i].n && s->counts[i].h != h)
		i = (i + 1) & (s->capcounts - 1);
	if (!s->counts[i].n) {
		s->counts[i].h = h;
		s->ncounts++;
	}
	return ++s->counts[i].n;
}

static void lh_emit(struct lh_state *s)
{
	long line = s->lines[s->idx];
	char buf[40];
	unsigned n = lh_bump(s, s->h);

	snprintf(buf, sizeof buf, "%llx:%u", (unsigned long long)s->h, n);
	if (line >= 1) {
		if (line > s->cap) {
			long ncap = s->cap ? s->cap * 2 : 256;
			char **p;

			while (ncap < line)
				ncap *= 2;
			p = realloc(s->out, (size_t)ncap * sizeof *p);
			if (!p) {
				s->oom = 1;
				return;
			}
			memset(p + s->cap, 0, (size_t)(ncap - s->cap) * sizeof *p);
			s->out = p;
			s->cap = ncap;
		}
		free(s->out[line - 1]);
		s->out[line - 1] = strdup(buf);
		if (line > s->nout)
			s->nout = line;
	}
	s->lines[s->idx] = -1;
}

static void lh_update(struct lh_state *s, uint32_t c)
{
	uint32_t b = s->win[s->idx];

	s->win[s->idx] = c;
	s->h = 37 * s->h + c - s->first * b;
	s->idx = (s->idx + 1) % LH_WINDOW;
}

static void lh_process(struct lh_state *s, uint32_t c)
{
	if (c == ' ' || c == '\t' || (s->prev_cr && c == '\n')) {
		s->prev_cr = 0;
		return;
	}
	if (c == '\r') {
		c = '\n';
		s->prev_cr = 1;
	} else {
		s->prev_cr = 0;
	}
	if (s->lines[s->idx] != -1)
		lh_emit(s);
	if (s->start) {
		s->start = 0;
		s->lines[s->idx] = ++s->ln;
	}
	if (c == '\n')
		s->start = 1;
	lh_update(s, c);
}

/* Decodes UTF-8 as node's decoder does, feeding UTF-16 code units. */
static void lh_feed_utf8(struct lh_state *s, const unsigned char *p, size_t len)
{
	size_t i = 0;

	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;   /* readFileSync(..., "utf8") strips the BOM */
	while (i < len) {
		unsigned char c = p[i];
		uint32_t cp;
		size_t need, k;

		if (c < 0x80) {
			lh_process(s, c);
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
		else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
		else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; }
		else { lh_process(s, 0xFFFD); i++; continue; }
		for (k = 1; k <= need; k++) {
			unsigned char cc;

			if (i + k >= len)
				break;
			cc = p[i + k];
			if (k == 1) {
				unsigned lo = 0x80, hi = 0xBF;

				if (c == 0xE0) lo = 0xA0;
				if (c == 0xED) hi = 0x9F;
				if (c == 0xF0) lo = 0x90;
				if (c == 0xF4) hi = 0x8F;
				if (cc < lo || cc > hi)
					break;
			} else if ((cc & 0xC0) != 0x80) {
				break;
			}
			cp = (cp << 6) | (cc & 0x3F);
		}
		if (k <= need) {
			/* maximal subpart replaced by one U+FFFD */
			lh_process(s, 0xFFFD);
			i += k;
			continue;
		}
		i += need + 1;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			lh_process(s, 0xD800 + (cp >> 10));
			lh_process(s, 0xDC00 + (cp & 0x3FF));
		} else {
			lh_process(s, cp);
		}
	}
}

long fingerprint_line_hashes(const char *text, size_t len, char ***out)
{
	struct lh_state *s = calloc(1, sizeof *s);
	unsigned i;
	long n;

	*out = NULL;
	if (!s)
		return -1;
	s->first = 1;
	for (i = 0; i < LH_WINDOW; i++) {
		s->first *= 37;
		s->lines[i] = -1;
	}
	s->start = 1;
	lh_feed_utf8(s, (const unsigned char *)text, len);
	lh_process(s, 65535);
	for (i = 0; i < LH_WINDOW; i++) {
		if (s->lines[s->idx] != -1)
			lh_emit(s);
		lh_update(s, 0);
	}
	free(s->counts);
	n = s->nout;
	if (s->oom) {
		long k;

		for (k = 0; k < s->cap; k++)
			free(s->out[k]);
		free(s->out);
		free(s);
		return -1;
	}
	*out = s->out;
	free(s);
	return n;
}

static int read_all(const char *path, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long sz;
	size_t n;

	*buf = NULL;
	if (!f)
		return ASP_EIO;
	if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return ASP_EIO;
	}
	*buf = malloc((size_t)sz + 1);
	if (!*buf) {
		fclose(f);
		return ASP_ENOMEM;
	}
	n = fread(*buf, 1, (size_t)sz, f);
	fclose(f);
	(*buf)[n] = '\0';
	*len = n;
	return ASP_OK;
}

int fingerprint_line_hash_run(struct run *r)
{
	size_t i = 0;

	/* findings are sorted by uri: each file is read once */
	while (i < r->nfindings) {
		const char *path = r->findings[i].f->path;
		size_t j = i, len = 0;
		char *buf = NULL, **lines = NULL;
		long n = -1, k;

		while (j < r->nfindings && strcmp(r->findings[j].f->path, path) == 0)
			j++;
		if (read_all(path, &buf, &len) == ASP_OK)
			n = fingerprint_line_hashes(buf, len, &lines);
		for (k = (long)i; k < (long)j; k++) {
			struct run_finding *rf = &r->findings[k];
			long line = (long)rf->f->line;

			rf->line_hash[0] = '\0';
			if (n > 0 && line >= 1 && line <= n && lines[line - 1])
				snprintf(rf->line_hash, sizeof rf->line_hash, "%s", lines[line - 1]);
		}
		for (k = 0; k < n; k++)
			free(lines[k]);
		free(lines);
		free(buf);
		i = j;
	}
	return ASP_OK;
}
