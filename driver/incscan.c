/*
 * #include scanning without a preprocessor: each file is read once and its
 * include directives cached; resolution follows the compiler's search order
 * for quoted and angle includes. Never follows a header outside the root.
 */
#include "incscan.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "discover.h"

#define INC_MAX_FILE (16u << 20)   /* bytes of one file read for includes */
#define INC_MAX_DEPTH 64
#define INC_MAX_HEADERS 20000      /* per TU */

struct incfile {
	char *path;
	long long size;
	char **names;          /* include names, '"' or '<' first */
	size_t n;
	int read;
};

struct incscan {
	char *root;
	struct incfile *v;     /* open addressing on path */
	size_t cap, used;
};

static unsigned long hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

int incscan_new(struct incscan **out, const char *root)
{
	struct incscan *s = calloc(1, sizeof *s);

	*out = NULL;
	if (!s)
		return ASP_ENOMEM;
	s->root = strdup(root);
	s->cap = 1024;
	s->v = calloc(s->cap, sizeof *s->v);
	if (!s->root || !s->v) {
		incscan_free(s);
		return ASP_ENOMEM;
	}
	*out = s;
	return ASP_OK;
}

void incscan_free(struct incscan *s)
{
	size_t i, k;

	if (!s)
		return;
	for (i = 0; s->v && i < s->cap; i++) {
		for (k = 0; k < s->v[i].n; k++)
			free(s->v[i].names[k]);
		free(s->v[i].names);
		free(s->v[i].path);
	}
	free(s->v);
	free(s->root);
	free(s);
}

static struct incfile *slot(struct incscan *s, const char *path)
{
	size_t i = hash(path) & (s->cap - 1);

	while (s->v[i].path && strcmp(s->v[i].path, path) != 0)
		i = (i + 1) & (s->cap - 1);
	return &s->v[i];
}

static int grow(struct incscan *s)
{
	struct incfile *old = s->v;
	size_t oldcap = s->cap, i;

	s->v = calloc(oldcap * 2, sizeof *s->v);
	if (!s->v) {
		s->v = old;
		return ASP_ENOMEM;
	}
	s->cap = oldcap * 2;
	for (i = 0; i < oldcap; i++)
		if (old[i].path)
			*slot(s, old[i].path) = old[i];
	free(old);
	return ASP_OK;
}

/* Reads the include directives of a file (once). */
static struct incfile *load(struct incscan *s, const char *path)
{
	struct incfile *f;
	FILE *fp;
	char line[4096];

	if (s->used * 2 >= s->cap && grow(s))
		return NULL;
	f = slot(s, path);
	if (f->path)
		return f;
	f->path = strdup(path);
	if (!f->path)
		return NULL;
	s->used++;
	fp = fopen(path, "rb");
	if (!fp)
		return f;
	{
		struct stat st;

		if (fstat(fileno(fp), &st) == 0)
			f->size = (long long)st.st_size;
	}
	f->read = 1;
	while (f->size <= (long long)INC_MAX_FILE && fgets(line, sizeof line, fp)) {
		char *p = line, *end, **nv, close;

		while (isspace((unsigned char)*p))
			p++;
		if (*p != '#')
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "include", 7) != 0 && strncmp(p, "import", 6) != 0)
			continue;
		p += p[1] == 'n' ? 7 : 6;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '"' && *p != '<')
			continue;
		close = *p == '"' ? '"' : '>';
		end = strchr(p + 1, close);
		if (!end || end == p + 1)
			continue;
		*end = '\0';
		nv = realloc(f->names, (f->n + 1) * sizeof *nv);
		if (!nv)
			break;
		f->names = nv;
		f->names[f->n] = strdup(p);     /* keeps the opening quote or '<' */
		if (f->names[f->n])
			f->n++;
	}
	fclose(fp);
	return f;
}

struct dirs {
	char **quote, **angle;
	size_t nq, na;
};

static void dirs_free(struct dirs *d)
{
	size_t i;

	for (i = 0; i < d->nq; i++)
		free(d->quote[i]);
	for (i = 0; i < d->na; i++)
		free(d->angle[i]);
	free(d->quote);
	free(d->angle);
}

static int dirs_add(char ***v, size_t *n, const char *dir, const char *base)
{
	char **nv = realloc(*v, (*n + 1) * sizeof *nv);

	if (!nv)
		return ASP_ENOMEM;
	*v = nv;
	nv[*n] = discover_abspath(dir, base);
	if (!nv[*n])
		return ASP_ENOMEM;
	(*n)++;
	return ASP_OK;
}

/* -I dirs serve both forms; -iquote only quoted ones. System folders are
   not project headers and are left out. */
static int dirs_of(const struct work_item *it, struct dirs *d)
{
	int i, rc = ASP_OK;

	for (i = 0; i < it->nargs && !rc; i++) {
		const char *a = it->args[i], *v = NULL;
		int quote_only = 0;

		if (strncmp(a, "-I", 2) == 0)
			v = a[2] ? a + 2 : (i + 1 < it->nargs ? it->args[++i] : NULL);
		else if (strncmp(a, "-iquote", 7) == 0) {
			v = a[7] ? a + 7 : (i + 1 < it->nargs ? it->args[++i] : NULL);
			quote_only = 1;
		}
		if (!v)
			continue;
		rc = quote_only ? dirs_add(&d->quote, &d->nq, v, it->directory)
			: dirs_add(&d->angle, &d->na, v, it->directory);
	}
	return rc;
}

static int exists(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Resolves name as the compiler would; caller frees; NULL when not found. */
static char *resolve(const struct dirs *d, const char *from, const char *name)
{
	char buf[8192], *dir, *slash;
	size_t i;

	if (name[0] == '"') {
		dir = strdup(from);
		if (!dir)
			return NULL;
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		snprintf(buf, sizeof buf, "%s/%s", dir, name + 1);
		free(dir);
		if (exists(buf))
			return discover_abspath(buf, NULL);
		for (i = 0; i < d->nq; i++) {
			snprintf(buf, sizeof buf, "%s/%s", d->quote[i], name + 1);
			if (exists(buf))
				return discover_abspath(buf, NULL);
		}
	}
	for (i = 0; i < d->na; i++) {
		snprintf(buf, sizeof buf, "%s/%s", d->angle[i], name + 1);
		if (exists(buf))
			return discover_abspath(buf, NULL);
	}
	return NULL;
}

struct seen {
	char **v;
	size_t n;
};

static int seen_has(const struct seen *s, const char *p)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], p) == 0)
			return 1;
	return 0;
}

static int visit(struct incscan *s, const struct dirs *d, const char *path, int depth,
		 struct seen *seen, void (*fn)(const char *, long long, void *), void *data)
{
	struct incfile *f;
	size_t i;
	char **nv;
	int rc = ASP_OK;

	if (depth > INC_MAX_DEPTH || seen->n >= INC_MAX_HEADERS || seen_has(seen, path))
		return ASP_OK;
	nv = realloc(seen->v, (seen->n + 1) * sizeof *nv);
	if (!nv)
		return ASP_ENOMEM;
	seen->v = nv;
	seen->v[seen->n] = strdup(path);
	if (!seen->v[seen->n])
		return ASP_ENOMEM;
	seen->n++;
	f = load(s, path);
	if (!f)
		return ASP_ENOMEM;
	fn(path, f->size, data);
	for (i = 0; i < f->n && !rc; i++) {
		char *h = resolve(d, path, f->names[i]);
		char *rel = h ? discover_relpath(s->root, h) : NULL;

		/* only the project's own headers: the rest is the same for every TU */
		if (rel)
			rc = visit(s, d, h, depth + 1, seen, fn, data);
		free(rel);
		free(h);
		/* load() may have moved the table */
		f = load(s, path);
		if (!f)
			rc = ASP_ENOMEM;
	}
	return rc;
}

int incscan_walk(struct incscan *s, const struct work_item *it,
		 void (*fn)(const char *path, long long size, void *data), void *data)
{
	struct dirs d = { NULL, NULL, 0, 0 };
	struct seen seen = { NULL, 0 };
	size_t i;
	int rc = dirs_of(it, &d);

	if (!rc)
		rc = visit(s, &d, it->file, 0, &seen, fn, data);
	for (i = 0; i < seen.n; i++)
		free(seen.v[i]);
	free(seen.v);
	dirs_free(&d);
	return rc;
}
