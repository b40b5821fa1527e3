/*
 * The files of a build for SOUP identification: the translation units of
 * the work list and, recursively, the headers they include. Includes are
 * read from the text and resolved like the compiler's search (quoted: the
 * includer's folder, -iquote, -I, -isystem, -idirafter; angled: from -I on)
 * without evaluating conditionals, so a header under an #if that the build
 * turns off still counts: a SOUP list errs on the side of listing. Files
 * outside the project root are neither listed nor followed.
 */
#include "soup.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sbuf.h"
#include "discover.h"

#define SCAN_FILE_MAX (8u << 20)   /* bytes of one file read for its includes */
#define SCAN_MAX_FILES 500000

/* ---- a string-keyed table (open addressing) ------------------------------ */

struct slot {
	char *key;
	void *val;
};

struct table {
	struct slot *v;
	size_t cap, n;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static struct slot *table_find(const struct table *t, const char *key)
{
	size_t i;

	if (!t->cap)
		return NULL;
	for (i = hash(key) & (t->cap - 1); t->v[i].key; i = (i + 1) & (t->cap - 1))
		if (strcmp(t->v[i].key, key) == 0)
			return &t->v[i];
	return NULL;
}

/* Inserts key (copied) with val unless present; *slot_out gets the slot. */
static int table_put(struct table *t, const char *key, void *val, struct slot **slot_out)
{
	size_t i;

	if ((t->n + 1) * 2 > t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 256, j;
		struct slot *nv = calloc(ncap, sizeof *nv);

		if (!nv)
			return ASP_ENOMEM;
		for (j = 0; j < t->cap; j++) {
			if (!t->v[j].key)
				continue;
			for (i = hash(t->v[j].key) & (ncap - 1); nv[i].key; i = (i + 1) & (ncap - 1))
				;
			nv[i] = t->v[j];
		}
		free(t->v);
		t->v = nv;
		t->cap = ncap;
	}
	for (i = hash(key) & (t->cap - 1); t->v[i].key; i = (i + 1) & (t->cap - 1))
		if (strcmp(t->v[i].key, key) == 0) {
			if (slot_out)
				*slot_out = &t->v[i];
			return ASP_OK;
		}
	t->v[i].key = strdup(key);
	if (!t->v[i].key)
		return ASP_ENOMEM;
	t->v[i].val = val;
	t->n++;
	if (slot_out)
		*slot_out = &t->v[i];
	return ASP_OK;
}

static void table_free(struct table *t, void (*free_val)(void *))
{
	size_t i;

	for (i = 0; i < t->cap; i++) {
		free(t->v[i].key);
		if (t->v[i].key && free_val)
			free_val(t->v[i].val);
	}
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* ---- the include directives of one file ----------------------------------- */

struct incl {
	char *name;
	int quoted;
};

struct incls {
	struct incl *v;
	size_t n;
};

static void incls_free(void *p)
{
	struct incls *l = p;
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	free(l);
}

static int incls_add(struct incls *l, const char *name, size_t len, int quoted)
{
	struct incl *p = realloc(l->v, (l->n + 1) * sizeof *p);

	if (!p)
		return ASP_ENOMEM;
	l->v = p;
	p[l->n].name = strndup(name, len);
	p[l->n].quoted = quoted;
	if (!p[l->n].name)
		return ASP_ENOMEM;
	l->n++;
	return ASP_OK;
}

/* #include "x", #include <x>, #include_next, #import; macro includes are
   not evaluated. */
static int parse_includes(const char *text, size_t len, struct incls *out)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p, *lim = eol ? eol : end;

		while (q < lim && (*q == ' ' || *q == '\t'))
			q++;
		if (q < lim && *q == '#') {
			q++;
			while (q < lim && (*q == ' ' || *q == '\t'))
				q++;
			if ((size_t)(lim - q) > 7 && (strncmp(q, "include", 7) == 0 ||
						      strncmp(q, "import", 6) == 0)) {
				q += strncmp(q, "import", 6) == 0 ? 6 : 7;
				if ((size_t)(lim - q) > 5 && strncmp(q, "_next", 5) == 0)
					q += 5;
				while (q < lim && (*q == ' ' || *q == '\t'))
					q++;
				if (q < lim && (*q == '"' || *q == '<')) {
					char close = *q == '"' ? '"' : '>';
					const char *s = ++q;

					while (q < lim && *q != close)
						q++;
					if (q < lim && q > s && incls_add(out, s, (size_t)(q - s), close == '"'))
						return ASP_ENOMEM;
				}
			}
		}
		p = eol ? eol + 1 : end;
	}
	return ASP_OK;
}

static int read_text(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	*out = NULL;
	*len = 0;
	if (!f)
		return ASP_EIO;
	buf = malloc(SCAN_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		return ASP_ENOMEM;
	}
	n = fread(buf, 1, SCAN_FILE_MAX, f);
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return ASP_OK;
}

/* ---- search paths of a compile command ------------------------------------ */

struct search {
	char **quote, **angle;        /* -iquote; then -I, -isystem, -idirafter in order */
	size_t nquote, nangle;
	char **forced;                /* -include FILE */
	size_t nforced;
	char *key;                    /* identifies the set, for the resolution cache */
};

static void search_free(struct search *s)
{
	size_t i;

	for (i = 0; i < s->nquote; i++)
		free(s->quote[i]);
	for (i = 0; i < s->nangle; i++)
		free(s->angle[i]);
	for (i = 0; i < s->nforced; i++)
		free(s->forced[i]);
	free(s->quote);
	free(s->angle);
	free(s->forced);
	free(s->key);
	memset(s, 0, sizeof *s);
}

static int push(char ***v, size_t *n, const char *p, const char *base)
{
	char **g = realloc(*v, (*n + 1) * sizeof *g);

	if (!g)
		return ASP_ENOMEM;
	*v = g;
	g[*n] = discover_abspath(p, base);
	if (!g[*n])
		return ASP_ENOMEM;
	(*n)++;
	return ASP_OK;
}

static int search_build(struct search *s, const struct work_item *it)
{
	char **isys = NULL, **after = NULL, **inc = NULL;
	size_t nsys = 0, nafter = 0, ninc = 0, i;
	struct sbuf key = SBUF_INIT(1u << 20);
	const char *base = it->directory;
	int a, rc = ASP_OK;

	memset(s, 0, sizeof *s);
	for (a = 0; !rc && a < it->nargs; a++) {
		const char *x = it->args[a], *v = NULL;
		int kind = 0;   /* 1 -I, 2 -iquote, 3 -isystem, 4 -idirafter, 5 -include */

		if (strncmp(x, "-I", 2) == 0) {
			kind = 1;
			v = x + 2;
		} else if (strncmp(x, "-iquote", 7) == 0) {
			kind = 2;
			v = x + 7;
		} else if (strncmp(x, "-isystem", 8) == 0) {
			kind = 3;
			v = x + 8;
		} else if (strncmp(x, "-idirafter", 10) == 0) {
			kind = 4;
			v = x + 10;
		} else if (strcmp(x, "-include") == 0) {
			kind = 5;
			v = "";
		} else if (strncmp(x, "--include-directory=", 20) == 0) {
			kind = 1;
			v = x + 20;
		}
		if (!kind)
			continue;
		if (!*v) {
			if (a + 1 >= it->nargs)
				break;
			v = it->args[++a];
		}
		switch (kind) {
		case 1: rc = push(&inc, &ninc, v, base); break;
		case 2: rc = push(&s->quote, &s->nquote, v, base); break;
		case 3: rc = push(&isys, &nsys, v, base); break;
		case 4: rc = push(&after, &nafter, v, base); break;
		default: rc = push(&s->forced, &s->nforced, v, base); break;
		}
	}
	for (i = 0; !rc && i < ninc + nsys + nafter; i++) {
		char **src = i < ninc ? &inc[i] : i < ninc + nsys ? &isys[i - ninc]
			     : &after[i - ninc - nsys];
		char **g = realloc(s->angle, (s->nangle + 1) * sizeof *g);

		if (!g) {
			rc = ASP_ENOMEM;
			break;
		}
		s->angle = g;
		g[s->nangle++] = *src;
		*src = NULL;
	}
	for (i = 0; i < ninc; i++)
		free(inc[i]);
	for (i = 0; i < nsys; i++)
		free(isys[i]);
	for (i = 0; i < nafter; i++)
		free(after[i]);
	free(inc);
	free(isys);
	free(after);
	for (i = 0; !rc && i < s->nquote; i++)
		rc = sbuf_printf(&key, "q%s\n", s->quote[i]);
	for (i = 0; !rc && i < s->nangle; i++)
		rc = sbuf_printf(&key, "a%s\n", s->angle[i]);
	if (!rc)
		s->key = sbuf_take(&key);
	sbuf_free(&key);
	return rc ? rc : s->key ? ASP_OK : ASP_ENOMEM;
}

/* ---- the walk -------------------------------------------------------------- */

struct scan {
	const char *root;
	size_t rootlen;
	struct table parsed;          /* absolute path → struct incls * */
	struct table resolved;        /* search key, dir, name → path or "" (char *) */
	struct table listed;          /* absolute path → index + 1 in out */
	struct table outside;         /* files seen outside the root */
	struct soup_files *out;
	struct table seen;            /* this TU's visited files */
	char **stack;                 /* files still to read in this TU */
	size_t nstack, capstack;
};

static int under_root(const struct scan *sc, const char *path)
{
	return strncmp(path, sc->root, sc->rootlen) == 0 &&
	       (path[sc->rootlen] == '/' || (sc->rootlen == 1 && sc->root[0] == '/'));
}

static int list_file(struct scan *sc, const char *path, int compiled)
{
	struct slot *sl = table_find(&sc->listed, path);
	struct soup_file *f;

	if (sl) {
		if (compiled)
			sc->out->v[(size_t)(uintptr_t)sl->val - 1].compiled = 1;
		return ASP_OK;
	}
	if (sc->out->n >= SCAN_MAX_FILES)
		return ASP_ELIMIT;
	if (sc->out->n == sc->out->cap) {
		size_t ncap = sc->out->cap ? sc->out->cap * 2 : 256;

		f = realloc(sc->out->v, ncap * sizeof *f);
		if (!f)
			return ASP_ENOMEM;
		sc->out->v = f;
		sc->out->cap = ncap;
	}
	f = &sc->out->v[sc->out->n];
	f->path = strdup(path);
	f->uri = discover_relpath(sc->root, path);
	f->compiled = compiled;
	if (!f->path || !f->uri) {
		free(f->path);
		free(f->uri);
		return ASP_ENOMEM;
	}
	sc->out->n++;
	return table_put(&sc->listed, path, (void *)(uintptr_t)sc->out->n, NULL);
}

static const struct incls *includes_of(struct scan *sc, const char *path, int *rc)
{
	struct slot *sl = table_find(&sc->parsed, path);
	struct incls *l;
	char *text = NULL;
	size_t len = 0;

	*rc = ASP_OK;
	if (sl)
		return sl->val;
	l = calloc(1, sizeof *l);
	if (!l) {
		*rc = ASP_ENOMEM;
		return NULL;
	}
	if (read_text(path, &text, &len) == ASP_ENOMEM)
		*rc = ASP_ENOMEM;
	else if (text)
		*rc = parse_includes(text, len, l);
	free(text);
	if (!*rc)
		*rc = table_put(&sc->parsed, path, l, NULL);
	if (*rc) {
		incls_free(l);
		return NULL;
	}
	return l;
}

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The file an include names, or "" when none; borrowed from the cache. */
static const char *resolve(struct scan *sc, const struct search *s, const char *includer,
			   const struct incl *inc, int *rc)
{
	struct sbuf key = SBUF_INIT(1u << 20), cand = SBUF_INIT(1u << 16);
	const char *slash = strrchr(includer, '/');
	size_t dirlen = slash ? (size_t)(slash - includer) : 0;
	struct slot *sl = NULL;
	char *found = NULL;
	size_t i;

	/* an absolute name is its own key; others depend on the search paths
	   and, when quoted, on the includer's folder */
	if (inc->name[0] == '/')
		*rc = sbuf_puts(&key, inc->name);
	else
		*rc = sbuf_printf(&key, "%s\n%.*s\n%s", s->key, inc->quoted ? (int)dirlen : 0,
				  includer, inc->name);
	if (*rc)
		goto done;
	sl = table_find(&sc->resolved, sbuf_str(&key));
	if (sl)
		goto done;
	if (inc->name[0] == '/') {
		if (is_file(inc->name))
			found = discover_abspath(inc->name, NULL);
	} else if (inc->quoted) {
		if (!sbuf_append(&cand, includer, dirlen) && !sbuf_putc(&cand, '/') &&
		    !sbuf_puts(&cand, inc->name) && is_file(sbuf_str(&cand)))
			found = discover_abspath(sbuf_str(&cand), NULL);
		for (i = 0; !found && i < s->nquote; i++) {
			sbuf_reset(&cand);
			if (!sbuf_printf(&cand, "%s/%s", s->quote[i], inc->name) &&
			    is_file(sbuf_str(&cand)))
				found = discover_abspath(sbuf_str(&cand), NULL);
		}
	}
	for (i = 0; !found && inc->name[0] != '/' && i < s->nangle; i++) {
		sbuf_reset(&cand);
		if (!sbuf_printf(&cand, "%s/%s", s->angle[i], inc->name) && is_file(sbuf_str(&cand)))
			found = discover_abspath(sbuf_str(&cand), NULL);
	}
	if (!found)
		found = strdup("");
	*rc = found ? table_put(&sc->resolved, sbuf_str(&key), found, &sl) : ASP_ENOMEM;
	if (*rc) {
		free(found);
		sl = NULL;
	}
done:
	sbuf_free(&key);
	sbuf_free(&cand);
	return sl ? sl->val : NULL;
}

static int stack_push(struct scan *sc, const char *path)
{
	if (sc->nstack == sc->capstack) {
		size_t ncap = sc->capstack ? sc->capstack * 2 : 64;
		char **p = realloc(sc->stack, ncap * sizeof *p);

		if (!p)
			return ASP_ENOMEM;
		sc->stack = p;
		sc->capstack = ncap;
	}
	sc->stack[sc->nstack] = strdup(path);
	if (!sc->stack[sc->nstack])
		return ASP_ENOMEM;
	sc->nstack++;
	return ASP_OK;
}

/* Visits path (once per TU); files under the root are listed and followed. */
static int visit(struct scan *sc, const char *path)
{
	int rc;

	if (table_find(&sc->seen, path))
		return ASP_OK;
	rc = table_put(&sc->seen, path, NULL, NULL);
	if (rc)
		return rc;
	if (!under_root(sc, path)) {
		if (!table_find(&sc->outside, path)) {
			sc->out->outside++;
			rc = table_put(&sc->outside, path, NULL, NULL);
		}
		return rc;
	}
	rc = list_file(sc, path, 0);
	return rc ? rc : stack_push(sc, path);
}

static int scan_unit(struct scan *sc, const struct work_item *it)
{
	struct search s;
	size_t i;
	int rc = search_build(&s, it);

	if (rc)
		return rc;
	table_free(&sc->seen, NULL);
	rc = list_file(sc, it->file, 1);
	if (!rc)
		rc = table_put(&sc->seen, it->file, NULL, NULL);
	if (!rc)
		rc = stack_push(sc, it->file);
	for (i = 0; !rc && i < s.nforced; i++)
		if (is_file(s.forced[i]))
			rc = visit(sc, s.forced[i]);
	while (!rc && sc->nstack) {
		char *cur = sc->stack[--sc->nstack];
		const struct incls *l = includes_of(sc, cur, &rc);

		for (i = 0; !rc && l && i < l->n; i++) {
			const char *to = resolve(sc, &s, cur, &l->v[i], &rc);

			if (rc)
				break;
			if (to && *to)
				rc = visit(sc, to);
			else if (l->v[i].quoted)
				sc->out->unresolved++;
		}
		free(cur);
		if (!rc && sc->nstack > SCAN_MAX_FILES)
			rc = ASP_ELIMIT;
	}
	while (sc->nstack)
		free(sc->stack[--sc->nstack]);
	search_free(&s);
	return rc;
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct soup_file *)a)->uri, ((const struct soup_file *)b)->uri);
}

int soup_scan(struct soup_files *out, const struct work_list *work, const char *root,
	      struct asp_error *err)
{
	struct scan sc;
	size_t i;
	int rc = ASP_OK;

	memset(out, 0, sizeof *out);
	memset(&sc, 0, sizeof sc);
	sc.root = root;
	sc.rootlen = strlen(root);
	while (sc.rootlen > 1 && root[sc.rootlen - 1] == '/')
		sc.rootlen--;
	sc.out = out;
	for (i = 0; !rc && i < work->n; i++)
		if (under_root(&sc, work->items[i].file))
			rc = scan_unit(&sc, &work->items[i]);
	table_free(&sc.seen, NULL);
	table_free(&sc.parsed, incls_free);
	table_free(&sc.resolved, free);
	table_free(&sc.listed, NULL);
	table_free(&sc.outside, NULL);
	free(sc.stack);
	if (rc) {
		soup_files_free(out);
		if (rc == ASP_ELIMIT)
			return error_set(err, rc, root, 0, 0, "more than %d files to scan for "
					 "components", SCAN_MAX_FILES);
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, cmp_file);
	return ASP_OK;
}

void soup_files_free(struct soup_files *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->v[i].path);
		free(f->v[i].uri);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}
