/*
 * Identifies third-party components among the files of a build. A component
 * needs evidence in its content (a version macro or a marker of its
 * signature); the folder layout and the typical file names only place it.
 * Folders with a licence file of their own, or below a vendor folder, that
 * no signature claims are listed as unidentified rather than dropped. The
 * project's declarations override what was detected for their files. Reads
 * each file once; writes nothing.
 */
#include "soup.h"

#include <ctype.h>
#include <dirent.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/sbuf.h"
#include "config.h"
#include "discover.h"
#include "fingerprint.h"
#include "pattern/pat_regex.h"

#define READ_MAX (4u << 20)        /* bytes of a file searched for versions */
#define HEAD_MAX (64u << 10)       /* bytes searched for markers */
#define LICENCE_HEAD (16u << 10)   /* bytes of a file searched for licence texts */
#define SPDX_LINES 60              /* SPDX tags are near the top */
#define EV_PER_KIND 8              /* evidence kept per kind and component */
#define EV_TEXT_MAX 160

/* ---- per-file facts -------------------------------------------------------- */

struct hit {
	size_t sig;
	int kind;                      /* SOUP_EV_VERSION or SOUP_EV_MARKER */
	unsigned line;
	char *text;
	char *version;                 /* SOUP_EV_VERSION */
};

struct finfo {
	char *spdx;                    /* SPDX-License-Identifier value */
	unsigned spdx_line;
	const char *lic;               /* licence text found in the head (borrowed id) */
	unsigned lic_line;
	struct hit *hits;
	size_t nhits;
	long owner;                    /* instance index, -1 when none */
	int declared;                  /* taken by a declaration */
};

struct inst {
	size_t sig;                    /* (size_t)-1: unidentified */
	char *root;                    /* root-relative folder; NULL: loose files */
	char *how;                     /* the glob or file suffix that placed it */
	int how_kind;                  /* SOUP_EV_FOLDER or SOUP_EV_FILE */
	int keep;
	char *version;
	long group;                    /* component index after merging */
};

struct folder_lic {
	char *folder;                  /* root-relative, "" for the root */
	char *file;                    /* licence file uri; NULL: none */
	const char *id;                /* detected licence; NULL: not recognised */
	unsigned line;
};

struct ident {
	const struct soup_sigset *sigs;
	const struct soup_files *files;
	const char *root;
	struct finfo *fi;
	struct inst *inst;
	size_t ninst;
	struct folder_lic *fl;
	size_t nfl;
	struct asp_error *err;
};

static char *trimmed(const char *s, size_t n)
{
	struct sbuf b = SBUF_INIT(EV_TEXT_MAX + 8);
	size_t i;
	int space = 0;

	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	for (i = 0; i < n && b.len < EV_TEXT_MAX; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isspace(c)) {
			space = 1;
			continue;
		}
		if (space)
			sbuf_putc(&b, ' ');
		space = 0;
		sbuf_putc(&b, c < 0x20 || c == 0x7f ? '?' : (char)c);
	}
	if (i < n)
		sbuf_puts(&b, "...");
	return sbuf_take(&b);
}

static unsigned line_at(const char *text, size_t off)
{
	unsigned line = 1;
	const char *p = text, *end = text + off;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

static char *line_text(const char *text, size_t len, size_t off)
{
	size_t a = off, b = off;

	while (a > 0 && text[a - 1] != '\n')
		a--;
	while (b < len && text[b] != '\n')
		b++;
	return trimmed(text + a, b - a);
}

static int read_file(const char *path, size_t max, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	*out = NULL;
	*len = 0;
	if (!f)
		return ASP_EIO;
	buf = malloc(max + 1);
	if (!buf) {
		fclose(f);
		return ASP_ENOMEM;
	}
	n = fread(buf, 1, max, f);
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return ASP_OK;
}

/*
 * Licence texts are matched on the words of a comment, not its layout:
 * comment markers and line prefixes go, whitespace runs become one space.
 * map[i] is the byte offset in the original text of normalised byte i.
 */
static char *normalise(const char *text, size_t len, size_t **map, size_t *outlen)
{
	char *o = malloc(len + 1);
	size_t *m = malloc((len + 1) * sizeof *m), i = 0, n = 0;
	int space = 1;

	if (!o || !m) {
		free(o);
		free(m);
		return NULL;
	}
	while (i < len) {
		unsigned char c = (unsigned char)text[i];

		if (c == '\n') {
			/* skip the next line's prefix: blanks, then '*', '//', '#', ';' runs */
			i++;
			while (i < len && (text[i] == ' ' || text[i] == '\t'))
				i++;
			while (i < len && (text[i] == '*' || text[i] == '/' || text[i] == '#' ||
					   text[i] == ';' || text[i] == '!'))
				i++;
			if (!space) {
				o[n] = ' ';
				m[n++] = i;
				space = 1;
			}
			continue;
		}
		if ((c == '/' && i + 1 < len && (text[i + 1] == '*' || text[i + 1] == '/')) ||
		    (c == '*' && i + 1 < len && text[i + 1] == '/')) {
			i += 2;
			continue;
		}
		if (isspace(c)) {
			if (!space) {
				o[n] = ' ';
				m[n++] = i;
				space = 1;
			}
			i++;
			continue;
		}
		o[n] = (char)c;
		m[n++] = i++;
		space = 0;
	}
	o[n] = '\0';
	m[n] = len;
	*map = m;
	*outlen = n;
	return o;
}

/* The licence whose every `all` expression matches and no `none` does;
   *line gets the line of the first `all` match. */
static const char *licence_text(const struct soup_sigset *sigs, const char *text, size_t len,
				unsigned *line)
{
	size_t *map = NULL, nlen = 0, i, j, ov[2];
	char *norm = normalise(text, len, &map, &nlen);
	const char *id = NULL;

	if (!norm)
		return NULL;
	for (i = 0; !id && i < sigs->nlics; i++) {
		const struct soup_licence_sig *l = &sigs->lics[i];
		size_t first = (size_t)-1;
		int ok = 1;

		for (j = 0; ok && j < l->nall; j++) {
			ok = pat_regex_match(l->all[j].re, norm, nlen, 0, ov, 1) == 1;
			if (ok && j == 0)
				first = ov[0];
		}
		for (j = 0; ok && j < l->nnone; j++)
			ok = pat_regex_match(l->none[j].re, norm, nlen, 0, ov, 1) == 0;
		if (ok) {
			id = l->id;
			*line = line_at(text, map[first]);
		}
	}
	free(norm);
	free(map);
	return id;
}

/* SPDX-License-Identifier: EXPR near the top of a file. */
static char *spdx_tag(const char *text, size_t len, unsigned *line)
{
	const char *p = text, *end = text + len;
	unsigned ln = 1;

	while (p < end && ln <= SPDX_LINES) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *lim = eol ? eol : end;
		const char *tag = NULL, *q;

		for (q = p; q + 24 <= lim; q++)
			if (*q == 'S' && strncmp(q, "SPDX-License-Identifier:", 24) == 0) {
				tag = q + 24;
				break;
			}
		if (tag) {
			const char *e = lim;

			while (tag < e && isspace((unsigned char)*tag))
				tag++;
			/* the tag ends the comment or line it is on */
			for (q = tag; q + 1 < e; q++)
				if (q[0] == '*' && q[1] == '/') {
					e = q;
					break;
				}
			if (e - tag >= 3 && strncmp(e - 3, "-->", 3) == 0)
				e -= 3;
			while (e > tag && isspace((unsigned char)e[-1]))
				e--;
			if (e > tag) {
				*line = ln;
				return trimmed(tag, (size_t)(e - tag));
			}
		}
		p = eol ? eol + 1 : end;
		ln++;
	}
	return NULL;
}

static int add_hit(struct finfo *f, size_t sig, int kind, unsigned line, char *text, char *version)
{
	struct hit *h = realloc(f->hits, (f->nhits + 1) * sizeof *h);

	if (!h || !text || (kind == SOUP_EV_VERSION && !version)) {
		free(text);
		free(version);
		if (h)
			f->hits = h;
		return ASP_ENOMEM;
	}
	f->hits = h;
	h[f->nhits].sig = sig;
	h[f->nhits].kind = kind;
	h[f->nhits].line = line;
	h[f->nhits].text = text;
	h[f->nhits].version = version;
	f->nhits++;
	return ASP_OK;
}

/* Reads the version of rule vr in text; 1 and *version, *line when found. */
static int read_version(const struct soup_version_rule *vr, const char *text, size_t len,
			char **version, unsigned *line, size_t *at)
{
	struct sbuf b = SBUF_INIT(256);
	size_t i, ov[2 * 10];
	unsigned g;

	*version = NULL;
	for (i = 0; i < vr->nparts; i++) {
		unsigned ng = pat_regex_captures(vr->parts[i].re);

		if (ng > 9)
			ng = 9;
		if (pat_regex_match(vr->parts[i].re, text, len, 0, ov, ng + 1) != 1) {
			sbuf_free(&b);
			return 0;
		}
		if (i == 0) {
			/* the first group: a leading ^\s* may start on an earlier line */
			size_t where = ng && ov[2] != (size_t)-1 ? ov[2] : ov[0];

			*line = line_at(text, where);
			*at = where;
		}
		for (g = 1; g <= ng; g++) {
			if (ov[2 * g] == (size_t)-1 || ov[2 * g + 1] == ov[2 * g])
				continue;
			if ((b.len && sbuf_putc(&b, '.')) ||
			    sbuf_append(&b, text + ov[2 * g], ov[2 * g + 1] - ov[2 * g])) {
				sbuf_free(&b);
				return 0;
			}
		}
	}
	if (!b.len) {
		sbuf_free(&b);
		return 0;
	}
	*version = trimmed(sbuf_str(&b), b.len);
	sbuf_free(&b);
	return *version != NULL;
}

static int scan_file(struct ident *id, size_t fidx)
{
	const struct soup_file *sf = &id->files->v[fidx];
	struct finfo *f = &id->fi[fidx];
	char *text = NULL;
	size_t len = 0, s, k, ov[2];
	int rc = read_file(sf->path, READ_MAX, &text, &len);

	if (rc == ASP_EIO)
		return ASP_OK;   /* unreadable files carry no evidence */
	if (rc)
		return rc;
	f->spdx = spdx_tag(text, len, &f->spdx_line);
	f->lic = licence_text(id->sigs, text, len < LICENCE_HEAD ? len : LICENCE_HEAD,
			      &f->lic_line);
	for (s = 0; !rc && s < id->sigs->n; s++) {
		const struct soup_sig *sig = &id->sigs->sigs[s];

		int versioned = 0;

		for (k = 0; !rc && !versioned && k < sig->nversions; k++) {
			const struct soup_version_rule *vr = &sig->versions[k];
			char *version = NULL;
			unsigned line = 0;
			size_t at = 0;

			if (!soup_sig_glob(vr->file_glob, sf->uri))
				continue;
			if (read_version(vr, text, len, &version, &line, &at)) {
				/* the first rule that reads a version speaks for the file */
				rc = add_hit(f, s, SOUP_EV_VERSION, line, line_text(text, len, at),
					     version);
				versioned = 1;
			}
		}
		for (k = 0; !rc && k < sig->nmarkers; k++) {
			const struct soup_re *m = &sig->markers[k];

			if (!soup_sig_glob(m->file_glob, sf->uri))
				continue;
			if (pat_regex_match(m->re, text, len < HEAD_MAX ? len : HEAD_MAX, 0, ov, 1) == 1)
				rc = add_hit(f, s, SOUP_EV_MARKER, line_at(text, ov[0]),
					     line_text(text, len, ov[0]), NULL);
		}
	}
	free(text);
	return rc;
}

/* ---- placing components: folders and typical files ------------------------ */

/* 1 when the last components of folder match glob component by component. */
static int folder_matches(const char *glob, const char *folder)
{
	size_t gparts = 1, fparts = 1, i;
	const char *g, *f;
	char gbuf[512], fbuf[512];

	for (g = glob; *g; g++)
		gparts += *g == '/';
	for (f = folder; *f; f++)
		fparts += *f == '/';
	if (gparts > fparts)
		return 0;
	/* the folder's last gparts components */
	f = folder + strlen(folder);
	for (i = 0; i < gparts; i++) {
		f--;
		while (f > folder && *f != '/')
			f--;
	}
	if (*f == '/')
		f++;
	if (strlen(glob) >= sizeof gbuf || strlen(f) >= sizeof fbuf)
		return 0;
	snprintf(gbuf, sizeof gbuf, "%s", glob);
	snprintf(fbuf, sizeof fbuf, "%s", f);
	return fnmatch(gbuf, fbuf, FNM_PATHNAME) == 0;
}

static int add_inst(struct ident *id, size_t sig, const char *root, const char *how, int kind)
{
	struct inst *p;
	size_t i;

	for (i = 0; i < id->ninst; i++)
		if (id->inst[i].sig == sig && root && id->inst[i].root && strcmp(id->inst[i].root, root) == 0)
			return ASP_OK;
	p = realloc(id->inst, (id->ninst + 1) * sizeof *p);
	if (!p)
		return ASP_ENOMEM;
	id->inst = p;
	p = &p[id->ninst];
	memset(p, 0, sizeof *p);
	p->sig = sig;
	p->root = root ? strdup(root) : NULL;
	p->how = how ? strdup(how) : NULL;
	p->how_kind = kind;
	p->group = -1;
	id->ninst++;
	if ((root && !p->root) || (how && !p->how))
		return ASP_ENOMEM;
	return ASP_OK;
}

static int under(const char *uri, const char *folder)
{
	size_t n = strlen(folder);

	return n == 0 || (strncmp(uri, folder, n) == 0 && uri[n] == '/');
}

static int place(struct ident *id)
{
	size_t f, s, k;
	int rc = ASP_OK;

	for (f = 0; !rc && f < id->files->n; f++) {
		const char *uri = id->files->v[f].uri;
		char folder[4096];
		const char *slash;

		for (s = 0; !rc && s < id->sigs->n; s++) {
			const struct soup_sig *sig = &id->sigs->sigs[s];

			for (k = 0; !rc && k < sig->nfiles; k++) {
				size_t a = strlen(uri), b = strlen(sig->files[k]);

				if (a > b + 1 && uri[a - b - 1] == '/' &&
				    strcmp(uri + a - b, sig->files[k]) == 0 && a - b - 1 < sizeof folder) {
					memcpy(folder, uri, a - b - 1);
					folder[a - b - 1] = '\0';
					rc = add_inst(id, s, folder, sig->files[k], SOUP_EV_FILE);
				}
			}
			for (slash = strchr(uri, '/'); !rc && slash; slash = strchr(slash + 1, '/')) {
				size_t n = (size_t)(slash - uri);

				if (n >= sizeof folder)
					break;
				memcpy(folder, uri, n);
				folder[n] = '\0';
				for (k = 0; !rc && k < sig->nfolders; k++)
					if (folder_matches(sig->folders[k], folder))
						rc = add_inst(id, s, folder, sig->folders[k], SOUP_EV_FOLDER);
			}
		}
	}
	if (rc)
		return rc;
	/* an instance inside another of the same signature is part of it */
	for (s = 0; s < id->ninst; s++)
		for (k = 0; k < id->ninst; k++)
			if (s != k && id->inst[s].sig == id->inst[k].sig && id->inst[k].root &&
			    id->inst[s].root && !id->inst[k].keep &&
			    strlen(id->inst[s].root) > strlen(id->inst[k].root) &&
			    under(id->inst[s].root, id->inst[k].root))
				id->inst[s].keep = -1;   /* nested: dropped */
	return ASP_OK;
}

/* Each file goes to the kept instance with the deepest folder holding it. */
static void assign(struct ident *id)
{
	size_t f, i;

	for (f = 0; f < id->files->n; f++) {
		const char *uri = id->files->v[f].uri;
		size_t best = 0;

		if (id->fi[f].declared)
			continue;
		id->fi[f].owner = -1;
		for (i = 0; i < id->ninst; i++) {
			const struct inst *in = &id->inst[i];

			if (in->keep < 0 || !in->root || !under(uri, in->root))
				continue;
			if (id->fi[f].owner < 0 || strlen(in->root) > best) {
				id->fi[f].owner = (long)i;
				best = strlen(in->root);
			}
		}
	}
}

static int has_evidence(const struct ident *id, size_t inst)
{
	size_t f, h;

	for (f = 0; f < id->files->n; f++) {
		if (id->fi[f].owner != (long)inst)
			continue;
		for (h = 0; h < id->fi[f].nhits; h++)
			if (id->fi[f].hits[h].sig == id->inst[inst].sig)
				return 1;
	}
	return 0;
}

/* Files outside every kept folder whose content names a signature. */
static int loose(struct ident *id)
{
	size_t f, h, i;
	int rc;

	for (f = 0; f < id->files->n; f++) {
		const struct finfo *fi = &id->fi[f];
		long pick = -1;

		if (fi->owner >= 0 || fi->declared || !fi->nhits)
			continue;
		for (h = 0; h < fi->nhits; h++)
			if (pick < 0 || (fi->hits[h].kind == SOUP_EV_VERSION &&
					 fi->hits[(size_t)pick].kind != SOUP_EV_VERSION))
				pick = (long)h;
		for (i = 0; i < id->ninst; i++)
			if (!id->inst[i].root && id->inst[i].sig == fi->hits[pick].sig)
				break;
		if (i == id->ninst) {
			rc = add_inst(id, fi->hits[pick].sig, NULL, NULL, 0);
			if (rc)
				return rc;
			id->inst[i].keep = 1;
		}
		id->fi[f].owner = (long)i;
	}
	return ASP_OK;
}

/* The version an instance's files state: the most frequent, first seen on a tie. */
static int inst_version(struct ident *id, size_t inst)
{
	const char *best = NULL;
	size_t bestn = 0, f, h, f2, h2;

	for (f = 0; f < id->files->n; f++) {
		if (id->fi[f].owner != (long)inst)
			continue;
		for (h = 0; h < id->fi[f].nhits; h++) {
			const struct hit *x = &id->fi[f].hits[h];
			size_t n = 0;

			if (x->kind != SOUP_EV_VERSION || x->sig != id->inst[inst].sig)
				continue;
			for (f2 = 0; f2 < id->files->n; f2++)
				if (id->fi[f2].owner == (long)inst)
					for (h2 = 0; h2 < id->fi[f2].nhits; h2++)
						n += id->fi[f2].hits[h2].kind == SOUP_EV_VERSION &&
						     id->fi[f2].hits[h2].sig == x->sig &&
						     strcmp(id->fi[f2].hits[h2].version, x->version) == 0;
			if (n > bestn) {
				best = x->version;
				bestn = n;
			}
		}
	}
	if (best) {
		id->inst[inst].version = strdup(best);
		return id->inst[inst].version ? ASP_OK : ASP_ENOMEM;
	}
	return ASP_OK;
}

/* ---- licence files and unidentified folders ------------------------------- */

static int is_licence_name(const char *n)
{
	static const char *const stems[] = { "LICENSE", "LICENCE", "COPYING", "COPYRIGHT",
					     "UNLICENSE", NULL };
	static const char *const exts[] = { "", ".txt", ".md", ".rst", ".markdown", NULL };
	size_t i, j, l;

	for (i = 0; stems[i]; i++) {
		l = strlen(stems[i]);
		if (strncasecmp(n, stems[i], l) != 0)
			continue;
		/* LICENSE, LICENSE.txt, LICENSE-MIT, COPYING.LIB; never license.h */
		for (j = 0; exts[j]; j++)
			if (strcasecmp(n + l, exts[j]) == 0)
				return 1;
		if (n[l] == '.' && n[l + 1]) {
			/* COPYING.LIB, LICENSE.GPL: an upper-case tag */
			const char *p = n + l + 1;

			while (*p && isupper((unsigned char)*p))
				p++;
			if (!*p)
				return 1;
		} else if ((n[l] == '-' || n[l] == '_') && n[l + 1]) {
			/* LICENSE-MIT, LICENSE_APACHE.txt */
			const char *p = n + l + 1;

			while (*p && (isalnum((unsigned char)*p) || *p == '-'))
				p++;
			for (j = 0; exts[j]; j++)
				if (strcasecmp(p, exts[j]) == 0)
					return 1;
		}
	}
	return 0;
}

/* The licence file of a folder (first by name), read and recognised once. */
static const struct folder_lic *folder_licence(struct ident *id, const char *folder, int *rc)
{
	struct folder_lic *p, *fl;
	char path[4096], *best = NULL;
	struct dirent *e;
	DIR *d;
	size_t i;

	*rc = ASP_OK;
	for (i = 0; i < id->nfl; i++)
		if (strcmp(id->fl[i].folder, folder) == 0)
			return &id->fl[i];
	p = realloc(id->fl, (id->nfl + 1) * sizeof *p);
	if (!p) {
		*rc = ASP_ENOMEM;
		return NULL;
	}
	id->fl = p;
	fl = &p[id->nfl];
	memset(fl, 0, sizeof *fl);
	fl->folder = strdup(folder);
	if (!fl->folder) {
		*rc = ASP_ENOMEM;
		return NULL;
	}
	id->nfl++;
	snprintf(path, sizeof path, "%s%s%s", id->root, *folder ? "/" : "", folder);
	d = opendir(path);
	while (d && (e = readdir(d)) != NULL) {
		if (is_licence_name(e->d_name) && (!best || strcmp(e->d_name, best) < 0)) {
			free(best);
			best = strdup(e->d_name);
			if (!best)
				*rc = ASP_ENOMEM;
		}
	}
	if (d)
		closedir(d);
	if (best) {
		char *text = NULL;
		size_t len = 0;

		snprintf(path, sizeof path, "%s%s%s", folder, *folder ? "/" : "", best);
		fl->file = strdup(path);
		snprintf(path, sizeof path, "%s/%s%s%s", id->root, folder, *folder ? "/" : "", best);
		if (!fl->file)
			*rc = ASP_ENOMEM;
		else if (read_file(path, 64u << 10, &text, &len) == ASP_OK)
			fl->id = licence_text(id->sigs, text, len, &fl->line);
		free(text);
		free(best);
	}
	return fl;
}

static int is_vendor_dir(const char *name, size_t n)
{
	static const char *const names[] = { "third_party", "third-party", "thirdparty",
		"3rdparty", "3rd_party", "3rd-party", "vendor", "vendors", "external", "extern",
		"externals", "deps", "contrib", NULL };
	size_t i;

	for (i = 0; names[i]; i++)
		if (strlen(names[i]) == n && strncasecmp(name, names[i], n) == 0)
			return 1;
	return 0;
}

/* The folder of unidentified third-party code holding uri, or NULL: the
   innermost folder with a licence file of its own, else the folder right
   below a vendor folder (third_party/, vendor/, ...). Caller frees. */
static char *unidentified_folder(struct ident *id, const char *uri, int *rc)
{
	char folder[4096];
	const char *p;
	size_t n = strlen(uri);

	*rc = ASP_OK;
	if (n >= sizeof folder)
		return NULL;
	memcpy(folder, uri, n + 1);
	for (;;) {
		char *slash = strrchr(folder, '/');
		const struct folder_lic *fl;

		if (!slash)
			break;
		*slash = '\0';
		fl = folder_licence(id, folder, rc);
		if (*rc)
			return NULL;
		if (fl->file)
			return strdup(folder);
	}
	for (p = uri; (p = strchr(p, '/')) != NULL; p++) {
		const char *start = p;

		while (start > uri && start[-1] != '/')
			start--;
		if (is_vendor_dir(start, (size_t)(p - start))) {
			const char *next = strchr(p + 1, '/');

			if (next)
				return strndup(uri, (size_t)(next - uri));
		}
	}
	return NULL;
}

static int unidentified(struct ident *id)
{
	size_t f, i;
	int rc = ASP_OK;

	for (f = 0; !rc && f < id->files->n; f++) {
		char *folder;

		if (id->fi[f].owner >= 0 || id->fi[f].declared)
			continue;
		folder = unidentified_folder(id, id->files->v[f].uri, &rc);
		if (!folder)
			continue;
		for (i = 0; i < id->ninst; i++)
			if (id->inst[i].sig == (size_t)-1 && strcmp(id->inst[i].root, folder) == 0)
				break;
		if (i == id->ninst) {
			rc = add_inst(id, (size_t)-1, folder, NULL, 0);
			if (!rc)
				id->inst[i].keep = 1;
		}
		id->fi[f].owner = (long)i;
		free(folder);
	}
	return rc;
}

/* ---- building the component records --------------------------------------- */

static int ev_add(struct soup_component *c, int kind, const char *uri, unsigned line,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int ev_add(struct soup_component *c, int kind, const char *uri, unsigned line,
		  const char *fmt, ...)
{
	struct soup_evidence *p;
	size_t i, same = 0;
	char buf[512];
	va_list ap;

	for (i = 0; i < c->nev; i++)
		same += c->ev[i].kind == kind;
	if (same >= EV_PER_KIND)
		return ASP_OK;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	p = realloc(c->ev, (c->nev + 1) * sizeof *p);
	if (!p)
		return ASP_ENOMEM;
	c->ev = p;
	p[c->nev].kind = kind;
	p[c->nev].uri = uri ? strdup(uri) : NULL;
	p[c->nev].line = line;
	p[c->nev].text = strdup(buf);
	c->nev++;
	if ((uri && !p[c->nev - 1].uri) || !p[c->nev - 1].text)
		return ASP_ENOMEM;
	return ASP_OK;
}

static int dup_opt(char **dst, const char *src)
{
	*dst = src ? strdup(src) : NULL;
	return src && !*dst ? ASP_ENOMEM : ASP_OK;
}

static int add_folder(struct soup_component *c, const char *folder)
{
	char **p;
	size_t i;

	for (i = 0; i < c->nfolders; i++)
		if (strcmp(c->folders[i], folder) == 0)
			return ASP_OK;
	p = realloc(c->folders, (c->nfolders + 1) * sizeof *p);
	if (!p)
		return ASP_ENOMEM;
	c->folders = p;
	p[c->nfolders] = strdup(folder);
	return p[c->nfolders++] ? ASP_OK : ASP_ENOMEM;
}

static int add_member(struct soup_component *c, const struct soup_file *sf)
{
	struct soup_member *p = realloc(c->files, (c->nfiles + 1) * sizeof *p);

	if (!p)
		return ASP_ENOMEM;
	c->files = p;
	p = &p[c->nfiles++];
	memset(p, 0, sizeof *p);
	p->uri = strdup(sf->uri);
	p->path = strdup(sf->path);
	p->compiled = sf->compiled;
	if (fingerprint_file_sha256(sf->path, p->sha256) != ASP_OK)
		p->sha256[0] = '\0';
	return p->uri && p->path ? ASP_OK : ASP_ENOMEM;
}

struct lic_count {
	const char *expr;
	size_t n;
	const char *uri;
	unsigned line;
	int kind;
};

static int lic_tally(struct lic_count **v, size_t *n, const char *expr, const char *uri,
		     unsigned line, int kind)
{
	struct lic_count *p;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].expr, expr) == 0) {
			(*v)[i].n++;
			return ASP_OK;
		}
	p = realloc(*v, (*n + 1) * sizeof *p);
	if (!p)
		return ASP_ENOMEM;
	*v = p;
	p[*n].expr = expr;
	p[*n].n = 1;
	p[*n].uri = uri;
	p[*n].line = line;
	p[*n].kind = kind;
	(*n)++;
	return ASP_OK;
}

static int cmp_lic(const void *a, const void *b)
{
	const struct lic_count *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->expr, y->expr);
}

/* Joins licence expressions with AND (each applies to some files). */
static char *lic_join(const struct lic_count *v, size_t n)
{
	struct sbuf b = SBUF_INIT(4096);
	size_t i;

	if (n == 1)
		return strdup(v[0].expr);
	for (i = 0; i < n; i++) {
		int compound = strchr(v[i].expr, ' ') != NULL;

		sbuf_printf(&b, "%s%s%s%s", i ? " AND " : "", compound ? "(" : "", v[i].expr,
			    compound ? ")" : "");
	}
	return sbuf_take(&b);
}

/* The licence of a component: its files' SPDX tags, else its folders'
   licence files, else licence texts in its files, else its signature's. */
static int resolve_licence(struct ident *id, struct soup_component *c, const struct soup_sig *sig,
			   long comp)
{
	struct lic_count *tags = NULL, *files = NULL, *texts = NULL;
	size_t ntags = 0, nfiles = 0, ntexts = 0, f, i;
	int rc = ASP_OK;

	for (f = 0; !rc && f < id->files->n; f++) {
		const struct finfo *fi = &id->fi[f];

		if (fi->owner < 0 || id->inst[fi->owner].group != comp)
			continue;
		if (fi->spdx)
			rc = lic_tally(&tags, &ntags, fi->spdx, id->files->v[f].uri, fi->spdx_line,
				       SOUP_EV_SPDX);
		if (!rc && fi->lic)
			rc = lic_tally(&texts, &ntexts, fi->lic, id->files->v[f].uri, fi->lic_line,
				       SOUP_EV_LICENCE_TEXT);
	}
	for (i = 0; !rc && i < c->nfolders; i++) {
		const struct folder_lic *fl = folder_licence(id, c->folders[i], &rc);

		if (!rc && fl->file)
			rc = fl->id ? lic_tally(&files, &nfiles, fl->id, fl->file, fl->line,
						SOUP_EV_LICENCE_FILE)
				    : ev_add(c, SOUP_EV_LICENCE_FILE, fl->file, 0,
					     "licence file (text not recognised)");
	}
	if (rc)
		goto done;
	if (ntags)
		qsort(tags, ntags, sizeof *tags, cmp_lic);
	if (ntexts)
		qsort(texts, ntexts, sizeof *texts, cmp_lic);
	for (i = 0; !rc && i < ntags; i++)
		rc = ev_add(c, SOUP_EV_SPDX, tags[i].uri, tags[i].line,
			    "SPDX-License-Identifier: %s (%zu file%s)", tags[i].expr, tags[i].n,
			    tags[i].n == 1 ? "" : "s");
	for (i = 0; !rc && i < nfiles; i++)
		rc = ev_add(c, SOUP_EV_LICENCE_FILE, files[i].uri, files[i].line,
			    "licence file: %s text", files[i].expr);
	for (i = 0; !rc && i < ntexts; i++)
		rc = ev_add(c, SOUP_EV_LICENCE_TEXT, texts[i].uri, texts[i].line,
			    "%s licence text (%zu file%s)", texts[i].expr, texts[i].n,
			    texts[i].n == 1 ? "" : "s");
	if (rc)
		goto done;
	if (ntags) {
		c->licence = lic_join(tags, ntags);
		c->licence_basis = "SPDX tags";
	} else if (nfiles) {
		c->licence = lic_join(files, nfiles);
		c->licence_basis = "licence file";
	} else if (ntexts) {
		c->licence = lic_join(texts, ntexts);
		c->licence_basis = "licence text";
	} else if (sig && sig->licence) {
		c->licence = strdup(sig->licence);
		c->licence_basis = "signature";
	}
	if (c->licence_basis && !c->licence)
		rc = ASP_ENOMEM;
done:
	free(tags);
	free(files);
	free(texts);
	return rc;
}

/* "name-1.2.3" or "name_v1.2": the version a folder name carries. */
static char *folder_version(const char *folder)
{
	const char *base = strrchr(folder, '/'), *p;

	base = base ? base + 1 : folder;
	for (p = base; *p; p++) {
		const char *q = p + 1;
		int dots = 0;

		if (*p != '-' && *p != '_')
			continue;
		if (*q == 'v' || *q == 'V')
			q++;
		if (!isdigit((unsigned char)*q))
			continue;
		for (p = q; *p; p++) {
			if (*p == '.' && isdigit((unsigned char)p[1]))
				dots++;
			else if (!isdigit((unsigned char)*p) && *p != '.')
				break;
		}
		if (dots && !*p)
			return strdup(q);
		p = q - 1;
	}
	return NULL;
}

static int build_component(struct ident *id, struct soup_result *out, long comp)
{
	struct soup_component *c = &out->comps[comp];
	const struct soup_sig *sig = NULL;
	size_t i, f, h, n = 0;
	int rc = ASP_OK;

	for (i = 0; i < id->ninst; i++)
		n += id->inst[i].group == comp;
	if (!n)
		return ASP_OK;   /* merged into another group: left empty, dropped */
	for (i = 0; i < id->ninst; i++) {
		const struct inst *in = &id->inst[i];

		if (in->group != comp)
			continue;
		if (in->sig != (size_t)-1)
			sig = &id->sigs->sigs[in->sig];
		if (in->root && !rc)
			rc = add_folder(c, in->root);
		if (!rc && in->root && in->how)
			rc = ev_add(c, in->how_kind, in->root, 0, in->how_kind == SOUP_EV_FOLDER
				    ? "folder matches '%s'" : "holds '%s'", in->how);
		if (!rc && !c->version && in->version)
			rc = dup_opt(&c->version, in->version);
	}
	for (f = 0; !rc && f < id->files->n; f++) {
		const struct finfo *fi = &id->fi[f];

		if (fi->owner < 0 || id->inst[fi->owner].group != comp)
			continue;
		rc = add_member(c, &id->files->v[f]);
		for (h = 0; !rc && sig && h < fi->nhits; h++) {
			const struct hit *x = &fi->hits[h];

			if (&id->sigs->sigs[x->sig] != sig)
				continue;
			rc = ev_add(c, x->kind, id->files->v[f].uri, x->line, "%s", x->text);
		}
	}
	if (rc)
		return rc;
	if (sig) {
		c->origin = SOUP_IDENTIFIED;
		rc = dup_opt(&c->name, sig->name);
		if (!rc)
			rc = dup_opt(&c->supplier, sig->supplier);
		if (!rc)
			rc = dup_opt(&c->description, sig->description);
		if (!rc)
			rc = dup_opt(&c->website, sig->website);
		if (!rc)
			rc = dup_opt(&c->source, sig->source);
	} else {
		const char *base = strrchr(c->folders[0], '/');

		c->origin = SOUP_UNIDENTIFIED;
		rc = dup_opt(&c->name, base ? base + 1 : c->folders[0]);
	}
	for (i = 0; !rc && !c->version && i < c->nfolders; i++) {
		c->version = folder_version(c->folders[i]);
		if (c->version)
			rc = ev_add(c, SOUP_EV_FOLDER, c->folders[i], 0,
				    "folder name carries version %s", c->version);
	}
	if (!rc)
		rc = resolve_licence(id, c, sig, comp);
	if (!rc && sig) {
		c->purl = soup_sig_expand(sig->purl, c->version);
		c->cpe = soup_sig_expand(sig->cpe, c->version);
	}
	return rc;
}

static int cmp_member(const void *a, const void *b)
{
	return strcmp(((const struct soup_member *)a)->uri, ((const struct soup_member *)b)->uri);
}

static void component_clear(struct soup_component *c)
{
	size_t i;

	free(c->name);
	free(c->version);
	free(c->licence);
	free(c->supplier);
	free(c->description);
	free(c->website);
	free(c->purl);
	free(c->cpe);
	free(c->source);
	for (i = 0; i < c->nfolders; i++)
		free(c->folders[i]);
	free(c->folders);
	for (i = 0; i < c->nfiles; i++) {
		free(c->files[i].uri);
		free(c->files[i].path);
	}
	free(c->files);
	for (i = 0; i < c->nev; i++) {
		free(c->ev[i].uri);
		free(c->ev[i].text);
	}
	free(c->ev);
	memset(c, 0, sizeof *c);
}

static int cmp_component(const void *a, const void *b)
{
	const struct soup_component *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	c = strcmp(x->version ? x->version : "", y->version ? y->version : "");
	if (c)
		return c;
	return strcmp(x->nfolders ? x->folders[0] : "", y->nfolders ? y->folders[0] : "");
}

/* Instances of one signature with one version are one component; those
   with no version join the only versioned one, if there is exactly one. */
static long group_instances(struct ident *id)
{
	size_t i, j;
	long n = 0;

	for (i = 0; i < id->ninst; i++) {
		struct inst *a = &id->inst[i];

		if (a->keep <= 0 || a->group >= 0)
			continue;
		a->group = n;
		for (j = i + 1; j < id->ninst; j++) {
			struct inst *b = &id->inst[j];

			if (b->keep > 0 && b->group < 0 && b->sig == a->sig && a->sig != (size_t)-1 &&
			    strcmp(a->version ? a->version : "", b->version ? b->version : "") == 0)
				b->group = n;
		}
		n++;
	}
	for (i = 0; i < id->ninst; i++) {
		struct inst *a = &id->inst[i];
		long target = -1;
		int versions = 0;

		if (a->keep <= 0 || a->version || a->sig == (size_t)-1)
			continue;
		for (j = 0; j < id->ninst; j++) {
			const struct inst *b = &id->inst[j];

			if (b->keep > 0 && b->sig == a->sig && b->version &&
			    (target < 0 || b->group != target)) {
				target = b->group;
				versions++;
			}
		}
		if (versions == 1) {
			long old = a->group;

			for (j = 0; j < id->ninst; j++)
				if (id->inst[j].group == old)
					id->inst[j].group = target;
		}
	}
	return n;
}

/* ---- declarations -------------------------------------------------------- */

static int check_decls(const struct soup_decl *d, size_t n, struct asp_error *err)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++) {
			if (strcmp(d[i].path, d[j].path) == 0)
				return error_set(err, ASP_ECONFIG, d[i].source, d[i].line, 0,
						 "soup: '%s' and '%s' (line %d) both declare the "
						 "path '%s'", d[i].name, d[j].name, d[j].line, d[i].path);
			if (strcmp(d[i].name, d[j].name) == 0 &&
			    strcmp(d[i].version, d[j].version) == 0 &&
			    (strcmp(d[i].licence ? d[i].licence : "", d[j].licence ? d[j].licence : "") ||
			     strcmp(d[i].supplier ? d[i].supplier : "",
				    d[j].supplier ? d[j].supplier : "")))
				return error_set(err, ASP_ECONFIG, d[i].source, d[i].line, 0,
						 "soup: '%s' %s is declared again with another "
						 "licence or supplier than on line %d", d[i].name,
						 d[i].version, d[j].line);
		}
	return ASP_OK;
}

/* Index of the declaration with the longest path holding uri, or -1. */
static long decl_of(const struct soup_decl *d, size_t n, const char *uri)
{
	size_t i, best = 0;
	long pick = -1;

	for (i = 0; i < n; i++) {
		size_t l = strlen(d[i].path);

		if ((strcmp(uri, d[i].path) == 0 || under(uri, d[i].path)) &&
		    (pick < 0 || l > best)) {
			pick = (long)i;
			best = l;
		}
	}
	return pick;
}

static int build_declared(struct ident *id, struct soup_result *out, const struct soup_decl *d,
			  size_t di, long *fowner_decl)
{
	struct soup_component *c = &out->comps[out->n];
	size_t f, h;
	int rc;

	memset(c, 0, sizeof *c);
	out->n++;
	c->origin = SOUP_DECLARED;
	rc = dup_opt(&c->name, d->name);
	if (!rc)
		rc = dup_opt(&c->version, d->version);
	if (!rc)
		rc = dup_opt(&c->supplier, d->supplier);
	if (!rc)
		rc = dup_opt(&c->purl, d->purl);
	if (!rc)
		rc = dup_opt(&c->cpe, d->cpe);
	if (!rc)
		rc = dup_opt(&c->source, d->source);
	if (!rc)
		rc = add_folder(c, d->path);
	if (!rc)
		rc = ev_add(c, SOUP_EV_DECLARED, d->source, (unsigned)d->line,
			    "declared in the configuration: %s %s at '%s'", d->name, d->version,
			    d->path);
	for (f = 0; !rc && f < id->files->n; f++) {
		const struct finfo *fi = &id->fi[f];

		if (fowner_decl[f] != (long)di)
			continue;
		rc = add_member(c, &id->files->v[f]);
		/* what detection saw in these files stays as supporting evidence */
		for (h = 0; !rc && h < fi->nhits; h++) {
			const struct hit *x = &fi->hits[h];

			if (x->kind == SOUP_EV_VERSION && strcmp(x->version, d->version) != 0)
				rc = ev_add(c, x->kind, id->files->v[f].uri, x->line,
					    "%s (states %s %s; the declaration says %s)", x->text,
					    id->sigs->sigs[x->sig].name, x->version, d->version);
			else
				rc = ev_add(c, x->kind, id->files->v[f].uri, x->line, "%s", x->text);
		}
	}
	if (rc)
		return rc;
	if (d->licence) {
		c->licence = strdup(d->licence);
		c->licence_basis = "declared";
		return c->licence ? ASP_OK : ASP_ENOMEM;
	}
	/* no declared licence: declared_licence() reads the files' tags */
	for (f = 0; f < id->files->n; f++)
		if (fowner_decl[f] == (long)di)
			id->fi[f].owner = -2 - (long)di;
	return ASP_OK;
}

/* ---- entry --------------------------------------------------------------- */

static int cmp_owner(const void *a, const void *b)
{
	return strcmp(((const struct soup_owner *)a)->uri, ((const struct soup_owner *)b)->uri);
}

static int declared_licence(struct ident *id, struct soup_component *c, size_t di)
{
	struct lic_count *tags = NULL;
	size_t n = 0, f;
	int rc = ASP_OK;

	for (f = 0; !rc && f < id->files->n; f++)
		if (id->fi[f].owner == -2 - (long)di && id->fi[f].spdx)
			rc = lic_tally(&tags, &n, id->fi[f].spdx, id->files->v[f].uri,
				       id->fi[f].spdx_line, SOUP_EV_SPDX);
	if (!rc && n) {
		qsort(tags, n, sizeof *tags, cmp_lic);
		c->licence = lic_join(tags, n);
		c->licence_basis = "SPDX tags";
		rc = c->licence ? ev_add(c, SOUP_EV_SPDX, tags[0].uri, tags[0].line,
					 "SPDX-License-Identifier: %s", tags[0].expr) : ASP_ENOMEM;
	}
	free(tags);
	return rc;
}

int soup_identify(struct soup_result *out, const struct soup_sigset *sigs,
		  const struct soup_files *files, const char *root,
		  const struct soup_decl *decls, size_t ndecls, struct asp_error *err)
{
	struct ident id;
	long *fdecl = NULL, ngroups = 0, g;
	size_t i, f;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&id, 0, sizeof id);
	id.sigs = sigs;
	id.files = files;
	id.root = root;
	id.err = err;
	rc = check_decls(decls, ndecls, err);
	if (rc)
		return rc;
	id.fi = calloc(files->n ? files->n : 1, sizeof *id.fi);
	fdecl = calloc(files->n ? files->n : 1, sizeof *fdecl);
	if (!id.fi || !fdecl) {
		rc = ASP_ENOMEM;
		goto done;
	}
	for (f = 0; f < files->n; f++) {
		id.fi[f].owner = -1;
		fdecl[f] = decl_of(decls, ndecls, files->v[f].uri);
		id.fi[f].declared = fdecl[f] >= 0;
	}
	for (f = 0; !rc && f < files->n; f++)
		rc = scan_file(&id, f);
	if (!rc)
		rc = place(&id);
	if (rc)
		goto done;
	/* kept: placed instances with evidence in their files; once those
	   without are gone, their files may fall to an outer instance */
	for (i = 0; i < id.ninst; i++)
		if (id.inst[i].keep == 0)
			id.inst[i].keep = 1;
	for (g = 0; g < 3; g++) {
		int changed = 0;

		assign(&id);
		for (i = 0; i < id.ninst; i++)
			if (id.inst[i].keep > 0 && !has_evidence(&id, i)) {
				id.inst[i].keep = -1;
				changed = 1;
			}
		if (!changed)
			break;
	}
	assign(&id);
	rc = loose(&id);
	for (i = 0; !rc && i < id.ninst; i++)
		if (id.inst[i].keep > 0)
			rc = inst_version(&id, i);
	if (!rc)
		rc = unidentified(&id);
	if (rc)
		goto done;
	ngroups = group_instances(&id);
	out->comps = calloc((size_t)ngroups + ndecls + 1, sizeof *out->comps);
	if (!out->comps) {
		rc = ASP_ENOMEM;
		goto done;
	}
	for (g = 0; !rc && g < ngroups; g++) {
		rc = build_component(&id, out, g);
		out->n++;
	}
	/* a group whose files all went elsewhere leaves an empty record */
	for (i = 0; !rc && i < ndecls; i++) {
		rc = build_declared(&id, out, &decls[i], i, fdecl);
		if (!rc && !out->comps[out->n - 1].licence)
			rc = declared_licence(&id, &out->comps[out->n - 1], i);
	}
	if (rc)
		goto done;
	{
		size_t w = 0;

		for (i = 0; i < out->n; i++) {
			if (out->comps[i].origin != SOUP_DECLARED && out->comps[i].nfiles == 0) {
				component_clear(&out->comps[i]);
				continue;
			}
			out->comps[w++] = out->comps[i];
		}
		out->n = w;
	}
	for (i = 0; i < out->n; i++)
		if (out->comps[i].nfiles)
			qsort(out->comps[i].files, out->comps[i].nfiles, sizeof *out->comps[i].files,
			      cmp_member);
	if (out->n)
		qsort(out->comps, out->n, sizeof *out->comps, cmp_component);
	/* owners index, stable references */
	for (i = 0; i < out->n; i++)
		out->nowners += out->comps[i].nfiles;
	out->owners = calloc(out->nowners ? out->nowners : 1, sizeof *out->owners);
	if (!out->owners) {
		rc = ASP_ENOMEM;
		goto done;
	}
	out->nowners = 0;
	for (i = 0; !rc && i < out->n; i++) {
		struct soup_component *c = &out->comps[i];
		size_t k, same = 0;

		for (k = 0; k < i; k++)
			same += strcmp(out->comps[k].name, c->name) == 0 &&
				strcmp(out->comps[k].version ? out->comps[k].version : "",
				       c->version ? c->version : "") == 0;
		if (same)
			snprintf(c->bom_ref, sizeof c->bom_ref, "soup:%.32s@%.24s#%zu", c->name,
				 c->version ? c->version : "unknown", same + 1);
		else
			snprintf(c->bom_ref, sizeof c->bom_ref, "soup:%.32s@%.24s", c->name,
				 c->version ? c->version : "unknown");
		for (k = 0; k < c->nfiles; k++) {
			out->owners[out->nowners].uri = strdup(c->files[k].uri);
			out->owners[out->nowners].comp = i;
			if (!out->owners[out->nowners++].uri)
				rc = ASP_ENOMEM;
		}
		out->files_soup += c->nfiles;
		if (c->origin == SOUP_UNIDENTIFIED)
			out->files_unidentified += c->nfiles;
	}
	if (out->nowners)
		qsort(out->owners, out->nowners, sizeof *out->owners, cmp_owner);
	out->files_total = files->n;
done:
	for (f = 0; id.fi && f < files->n; f++) {
		size_t h;

		free(id.fi[f].spdx);
		for (h = 0; h < id.fi[f].nhits; h++) {
			free(id.fi[f].hits[h].text);
			free(id.fi[f].hits[h].version);
		}
		free(id.fi[f].hits);
	}
	free(id.fi);
	free(fdecl);
	for (i = 0; i < id.ninst; i++) {
		free(id.inst[i].root);
		free(id.inst[i].how);
		free(id.inst[i].version);
	}
	free(id.inst);
	for (i = 0; i < id.nfl; i++) {
		free(id.fl[i].folder);
		free(id.fl[i].file);
	}
	free(id.fl);
	if (rc) {
		soup_result_free(out);
		if (rc == ASP_ENOMEM)
			return error_set(err, rc, NULL, 0, 0, "out of memory");
		return rc;
	}
	return ASP_OK;
}

void soup_result_free(struct soup_result *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		component_clear(&r->comps[i]);
	free(r->comps);
	for (i = 0; i < r->nowners; i++)
		free(r->owners[i].uri);
	free(r->owners);
	memset(r, 0, sizeof *r);
}

const struct soup_component *soup_component_of(const struct soup_result *r, const char *uri)
{
	size_t lo = 0, hi = r ? r->nowners : 0;

	while (uri && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->owners[mid].uri, uri);

		if (c == 0)
			return &r->comps[r->owners[mid].comp];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *soup_ev_kind_name(int kind)
{
	switch (kind) {
	case SOUP_EV_FOLDER: return "folder";
	case SOUP_EV_FILE: return "file";
	case SOUP_EV_VERSION: return "version";
	case SOUP_EV_MARKER: return "marker";
	case SOUP_EV_SPDX: return "spdx";
	case SOUP_EV_LICENCE_TEXT: return "licence-text";
	case SOUP_EV_LICENCE_FILE: return "licence-file";
	case SOUP_EV_DECLARED: return "declared";
	default: return "?";
	}
}

const char *soup_origin_name(int origin)
{
	switch (origin) {
	case SOUP_IDENTIFIED: return "identified";
	case SOUP_UNIDENTIFIED: return "unidentified";
	case SOUP_DECLARED: return "declared";
	default: return "?";
	}
}

int soup_identify_work(struct soup_result *out, const struct work_list *work, const char *root,
		       const struct config *cfg, const char *const *dirs, size_t ndirs,
		       struct asp_error *err)
{
	struct soup_sigset *sigs = NULL;
	struct soup_files files;
	struct soup_decl *decls = NULL;
	const char **all = NULL;
	char *cfgrel = cfg && cfg->path ? discover_relpath(root, cfg->path) : NULL;
	size_t i, ncfg = cfg ? cfg->soup_dirs.n : 0, ndecl = cfg ? cfg->nsoup : 0;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&files, 0, sizeof files);
	all = calloc(ncfg + ndirs + 1, sizeof *all);
	decls = calloc(ndecl + 1, sizeof *decls);
	if (!all || !decls) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < ncfg; i++)
		all[i] = cfg->soup_dirs.v[i];
	for (i = 0; i < ndirs; i++)
		all[ncfg + i] = dirs[i];
	for (i = 0; i < ndecl; i++) {
		const struct config_soup *c = &cfg->soup[i];

		decls[i].name = c->name;
		decls[i].version = c->version;
		decls[i].path = c->path;
		decls[i].licence = c->licence;
		decls[i].supplier = c->supplier;
		decls[i].purl = c->purl;
		decls[i].cpe = c->cpe;
		decls[i].source = cfgrel ? cfgrel : cfg->path;
		decls[i].line = c->line;
	}
	rc = soup_sig_load(&sigs, all, ncfg + ndirs, err);
	if (!rc)
		rc = soup_scan(&files, work, root, err);
	if (!rc)
		rc = soup_identify(out, sigs, &files, root, decls, ndecl, err);
done:
	soup_files_free(&files);
	soup_sig_free(sigs);
	free(all);
	free(decls);
	free(cfgrel);
	return rc;
}
