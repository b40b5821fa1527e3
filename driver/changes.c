/*
 * The changed lines of --staged and --diff: `git diff -U0` parsed into line
 * ranges per file, with the prefixes, quoting and rename detection pinned on
 * the command line so no user configuration changes what is read. Partly
 * staged files are analysed from a copy of their staged content written next
 * to them (same folder, so includes resolve the same way) and removed after.
 */
#include "changes.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "discover.h"
#include "incscan.h"

#define DIFF_MAX (512u << 20)      /* bytes of diff output read */

static int grow(void **v, size_t *cap, size_t n, size_t elem)
{
	void *p;
	size_t ncap;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	p = realloc(*v, ncap * elem);
	if (!p)
		return 1;
	*v = p;
	*cap = ncap;
	return 0;
}

/* A path as git prints it: plain, or in C-style quotes. Caller frees. */
static char *unquote(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;
	size_t i;

	if (!out)
		return NULL;
	if (n < 2 || s[0] != '"') {
		memcpy(out, s, n);
		out[n] = '\0';
		return out;
	}
	for (i = 1; i + 1 < n; i++) {
		if (s[i] != '\\' || i + 2 >= n) {
			*o++ = s[i];
			continue;
		}
		i++;
		switch (s[i]) {
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case 'a': *o++ = '\a'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'r': *o++ = '\r'; break;
		case 'v': *o++ = '\v'; break;
		default:
			if (s[i] >= '0' && s[i] <= '7' && i + 2 < n) {
				int v = (s[i] - '0') * 64 + (s[i + 1] - '0') * 8 + (s[i + 2] - '0');

				*o++ = (char)v;
				i += 2;
			} else {
				*o++ = s[i];
			}
		}
	}
	*o = '\0';
	return out;
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct changes_file *)a)->path, ((const struct changes_file *)b)->path);
}

static struct changes_file *find(const struct changes *c, const char *path)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(c->files[mid].path, path);

		if (d == 0)
			return &c->files[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Parses `git diff -U0` output into c->files (unsorted). */
static int parse_diff(struct changes *c, char *text, size_t *cap)
{
	char *line = text, *next;
	struct changes_file *cur = NULL;
	size_t rcap = 0;

	for (; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strncmp(line, "diff --git ", 11) == 0) {
			cur = NULL;
		} else if (strncmp(line, "+++ ", 4) == 0) {
			const char *p = line + 4;
			char *rel, *abs;
			size_t len = strlen(p);

			cur = NULL;
			if (strcmp(p, "/dev/null") == 0)
				continue;   /* a deleted file: nothing left to analyse */
			if (p[0] == '"' ? strncmp(p + 1, "b/", 2) == 0 : strncmp(p, "b/", 2) == 0) {
				rel = p[0] == '"' ? unquote(p, len) : strdup(p + 2);
				if (rel && p[0] == '"')
					memmove(rel, rel + 2, strlen(rel + 2) + 1);
			} else {
				continue;
			}
			if (!rel)
				return ASP_ENOMEM;
			abs = malloc(strlen(c->top) + strlen(rel) + 2);
			if (!abs) {
				free(rel);
				return ASP_ENOMEM;
			}
			sprintf(abs, "%s/%s", c->top, rel);
			free(rel);
			if (grow((void **)&c->files, cap, c->n, sizeof *c->files)) {
				free(abs);
				return ASP_ENOMEM;
			}
			cur = &c->files[c->n++];
			memset(cur, 0, sizeof *cur);
			cur->path = abs;
			rcap = 0;
		} else if (strncmp(line, "Binary files ", 13) == 0) {
			/* "Binary files a/x and b/y differ": no +++ line comes */
			c->nbinary++;
		} else if (strncmp(line, "@@ -", 4) == 0 && cur) {
			const char *p = strchr(line + 4, '+');
			unsigned long start, count = 1;
			char *end;

			if (!p)
				continue;
			start = strtoul(p + 1, &end, 10);
			if (*end == ',')
				count = strtoul(end + 1, &end, 10);
			if (count == 0)
				continue;   /* lines removed only */
			if (grow((void **)&cur->ranges, &rcap, cur->nranges, sizeof *cur->ranges))
				return ASP_ENOMEM;
			cur->ranges[cur->nranges].first = (unsigned)start;
			cur->ranges[cur->nranges].last = (unsigned)(start + count - 1);
			cur->nranges++;
		}
	}
	return ASP_OK;
}

/* Writes the staged blob of path next to it; the copy's name keeps the
   extension, so the file is still read as C. */
static int staged_copy(struct changes *c, struct changes_file *f, struct asp_error *err)
{
	const char *rel = f->path + strlen(c->top) + 1;
	char *spec = malloc(strlen(rel) + 2), *blob = NULL, *dir = NULL, *copy = NULL;
	const char *base = strrchr(f->path, '/') + 1;
	const char *args[] = { "cat-file", "blob", spec, NULL };
	size_t len = 0, off = 0;
	int rc = ASP_OK, fd = -1;

	if (!spec)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	sprintf(spec, ":%s", rel);
	if (discover_git_run(c->top, args, NULL, &blob, &len, DIFF_MAX) != 0) {
		rc = error_set(err, ASP_EIO, rel, 0, 0, "cannot read the staged content from git");
		goto done;
	}
	dir = strdup(f->path);
	copy = malloc(strlen(f->path) + 64);
	if (!dir || !copy) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	*strrchr(dir, '/') = '\0';
	sprintf(copy, "%s/.asepsis-staged.%ld.%s", dir, (long)getpid(), base);
	fd = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		rc = error_set(err, ASP_EIO, copy, 0, 0, "cannot write the staged copy: %s",
			       strerror(errno));
		goto done;
	}
	while (off < len) {
		ssize_t w = write(fd, blob + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = error_set(err, ASP_EIO, copy, 0, 0, "cannot write the staged copy: %s",
				       strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0 && !rc)
		rc = error_set(err, ASP_EIO, copy, 0, 0, "cannot write the staged copy");
	if (rc) {
		unlink(copy);
		goto done;
	}
	f->staged_copy = copy;
	copy = NULL;
done:
	free(copy);
	free(dir);
	free(blob);
	free(spec);
	return rc;
}

int changes_collect(struct changes *c, const char *cwd, int staged, const char *rev,
		    const char *const *paths, size_t npaths, struct asp_error *err)
{
	static const char *const top_args[] = { "rev-parse", "--show-toplevel", NULL };
	static const char *const head_args[] = { "rev-parse", "--verify", "--quiet", "HEAD", NULL };
	const char *what = staged ? "--staged" : "--diff";
	char *top = NULL, *out = NULL, *base = NULL, *revspec = NULL, **abs = NULL;
	const char *diff_args[24];
	size_t len = 0, cap = 0, i, k, w;
	int rc = ASP_OK, n = 0, st;

	memset(c, 0, sizeof *c);
	top = discover_git(cwd, top_args);
	if (!top)
		return error_set(err, ASP_EUSAGE, what, 0, 0,
				 "%s needs a git repository, and %s is not inside one", what, cwd);
	c->top = realpath(top, NULL);
	free(top);
	c->what = malloc(strlen(what) + (rev ? strlen(rev) : 0) + 2);
	if (!c->top || !c->what) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	sprintf(c->what, "%s%s%s", what, rev ? " " : "", rev ? rev : "");
	abs = calloc(npaths + 1, sizeof *abs);
	if (!abs) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < npaths; i++) {
		abs[i] = discover_abspath(paths[i], NULL);
		if (!abs[i]) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		if (!under(abs[i], c->top)) {
			rc = error_set(err, ASP_EUSAGE, paths[i], 0, 0,
				       "outside the git repository %s that %s reads", c->top, what);
			goto done;
		}
	}
	if (!staged) {
		const char *verify[] = { "rev-parse", "--verify", "--quiet", "--end-of-options",
					 NULL, NULL };
		const char *mb[] = { "merge-base", NULL, "HEAD", NULL };
		char *head;

		if (!rev || !*rev || rev[0] == '-') {
			rc = error_set(err, ASP_EUSAGE, "--diff", 0, 0, "'%s' is not a revision",
				       rev ? rev : "");
			goto done;
		}
		revspec = malloc(strlen(rev) + 10);
		if (!revspec) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		sprintf(revspec, "%s^{commit}", rev);
		verify[4] = revspec;
		base = discover_git(c->top, verify);
		if (!base) {
			rc = error_set(err, ASP_EUSAGE, rev, 0, 0,
				       "not a commit in the repository %s (for a pull request, "
				       "fetch the base branch first: git fetch origin main)", c->top);
			goto done;
		}
		/* the pull request's own changes: from where it left the base */
		head = discover_git(c->top, head_args);
		if (head) {
			char *m;

			mb[1] = base;
			m = discover_git(c->top, mb);
			if (m) {
				free(base);
				base = m;
			}
			free(head);
		}
	}
	diff_args[n++] = "diff";
	if (staged)
		diff_args[n++] = "--cached";
	diff_args[n++] = "-U0";
	diff_args[n++] = "--no-color";
	diff_args[n++] = "--no-ext-diff";
	diff_args[n++] = "--no-textconv";
	diff_args[n++] = "--no-relative";
	diff_args[n++] = "--ignore-submodules";
	diff_args[n++] = "--src-prefix=a/";
	diff_args[n++] = "--dst-prefix=b/";
	diff_args[n++] = "-M";
	diff_args[n++] = "--diff-filter=ACMR";
	if (!staged)
		diff_args[n++] = base;
	diff_args[n++] = "--";
	diff_args[n] = NULL;
	st = discover_git_run(c->top, diff_args, NULL, &out, &len, DIFF_MAX);
	if (st != 0 || !out) {
		rc = error_set(err, st < 0 ? ASP_EIO : ASP_EUSAGE, c->what, 0, 0,
			       "git diff failed in %s", c->top);
		goto done;
	}
	if (parse_diff(c, out, &cap)) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	/* restrict to the paths given */
	for (i = 0, w = 0; i < c->n; i++) {
		int keep = npaths == 0;

		for (k = 0; k < npaths && !keep; k++)
			keep = under(c->files[i].path, abs[k]);
		if (keep) {
			c->files[w++] = c->files[i];
		} else {
			free(c->files[i].path);
			free(c->files[i].ranges);
		}
	}
	c->n = w;
	if (c->n)
		qsort(c->files, c->n, sizeof *c->files, cmp_file);
	if (staged && c->n) {
		/* files whose work tree differs from the index: analyse the index */
		static const char *const wt[] = { "diff", "--name-only", "-z", "--no-relative",
						  "--ignore-submodules", NULL };
		char *names = NULL;
		size_t nlen = 0, off = 0;

		if (discover_git_run(c->top, wt, NULL, &names, &nlen, DIFF_MAX) != 0 || !names) {
			free(names);
			rc = error_set(err, ASP_EIO, c->what, 0, 0, "git diff failed in %s", c->top);
			goto done;
		}
		while (off < nlen && !rc) {
			const char *name = names + off;
			char *p = malloc(strlen(c->top) + strlen(name) + 2);
			struct changes_file *f;

			off += strlen(name) + 1;
			if (!p) {
				rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
				break;
			}
			sprintf(p, "%s/%s", c->top, name);
			f = find(c, p);
			if (f && f->nranges)
				rc = staged_copy(c, f, err);
			free(p);
		}
		free(names);
	}
done:
	for (i = 0; abs && i < npaths; i++)
		free(abs[i]);
	free(abs);
	free(out);
	free(base);
	free(revspec);
	if (rc)
		changes_free(c);
	return rc;
}

void changes_free(struct changes *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (c->files[i].staged_copy)
			unlink(c->files[i].staged_copy);
		free(c->files[i].staged_copy);
		free(c->files[i].path);
		free(c->files[i].ranges);
	}
	free(c->files);
	free(c->top);
	free(c->what);
	memset(c, 0, sizeof *c);
}

int changes_has_line(const struct changes *c, const char *path, unsigned line)
{
	const struct changes_file *f = find(c, path);
	size_t i;

	for (i = 0; f && i < f->nranges; i++)
		if (line >= f->ranges[i].first && line <= f->ranges[i].last)
			return 1;
	return 0;
}

static int is_ext(const char *p, const char *ext)
{
	size_t n = strlen(p), e = strlen(ext);

	return n > e && strcmp(p + n - e, ext) == 0;
}

struct hit {
	const struct changes *c;
	int found;
};

static void changed_header(const char *path, long long size, void *data)
{
	struct hit *h = data;
	const struct changes_file *f;

	(void)size;
	f = find(h->c, path);
	if (f && f->nranges)
		h->found = 1;
}

/* Points the item at the staged copy of its file, if there is one. */
static int use_staged(const struct changes *c, struct work_item *it)
{
	const struct changes_file *f = find(c, it->file);
	char *p;

	if (!f || !f->staged_copy)
		return ASP_OK;
	p = strdup(f->staged_copy);
	if (!p)
		return ASP_ENOMEM;
	free(it->file);
	it->file = p;
	return ASP_OK;
}

int changes_select(const struct changes *c, struct work_list *l, int from_db, int headers,
		   const char *root, struct asp_error *err)
{
	struct incscan *sc = NULL;
	size_t i, w = 0;
	int rc = ASP_OK;

	if (!from_db) {
		const char **files = calloc(c->n + 1, sizeof *files);
		size_t n = 0;

		if (!files)
			return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		for (i = 0; i < c->n; i++)
			if (c->files[i].nranges && (is_ext(c->files[i].path, ".c") ||
						    (headers && is_ext(c->files[i].path, ".h"))))
				files[n++] = c->files[i].path;
		rc = n ? discover_paths(l, files, n, headers, err) : ASP_OK;
		free(files);
		for (i = 0; !rc && i < l->n; i++)
			if (use_staged(c, &l->items[i]))
				rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		return rc;
	}
	if (incscan_new(&sc, root))
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < l->n; i++) {
		const struct changes_file *f = find(c, l->items[i].file);
		struct hit h = { c, f && f->nranges };

		/* a TU is analysed again when it or a project header it includes changed */
		if (!h.found && incscan_walk(sc, &l->items[i], changed_header, &h)) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			break;
		}
		if (h.found) {
			if (use_staged(c, &l->items[i])) {
				rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
				break;
			}
			l->items[w++] = l->items[i];
		} else {
			struct work_list one = { &l->items[i], 1, 1 };

			work_list_free_items(&one);
		}
	}
	if (rc) {
		for (; i < l->n; i++) {
			struct work_list one = { &l->items[i], 1, 1 };

			work_list_free_items(&one);
		}
	}
	l->n = w;
	incscan_free(sc);
	return rc;
}

static int remap(const struct changes *c, char **path)
{
	size_t i;

	for (i = 0; *path && i < c->n; i++) {
		if (c->files[i].staged_copy && strcmp(*path, c->files[i].staged_copy) == 0) {
			char *p = strdup(c->files[i].path);

			if (!p)
				return ASP_ENOMEM;
			free(*path);
			*path = p;
			return ASP_OK;
		}
	}
	return ASP_OK;
}

int changes_map_result(const struct changes *c, struct analyze_result *res)
{
	size_t i, k;
	int rc = ASP_OK;

	for (i = 0; i < res->nfindings && !rc; i++) {
		rc = remap(c, &res->findings[i].path);
		for (k = 0; k < res->findings[i].nsteps && !rc; k++)
			rc = remap(c, &res->findings[i].steps[k].path);
	}
	for (i = 0; i < res->nnotices && !rc; i++)
		rc = remap(c, &res->notices[i].path);
	return rc;
}

int changes_has_file(const struct changes *c, const char *path)
{
	return find(c, path) != NULL;
}

const char *changes_original(const struct changes *c, const char *path)
{
	size_t i;

	for (i = 0; c && i < c->n; i++)
		if (c->files[i].staged_copy && strcmp(path, c->files[i].staged_copy) == 0)
			return c->files[i].path;
	return path;
}
