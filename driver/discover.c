/*
 * Files, folders, the project root and git facts. git is started with
 * posix_spawnp and an argument vector: no shell ever sees a path.
 */
#include "discover.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define MAX_DEPTH 64

static char *lexical_abs(const char *p, const char *base)
{
	char cwd[PATH_MAX];
	const char *b = base;
	size_t cap;
	char *buf, *out;
	size_t olen = 0;
	const char *seg;

	if (p[0] != '/' && !b) {
		if (!getcwd(cwd, sizeof cwd))
			return NULL;
		b = cwd;
	}
	cap = strlen(p) + (b ? strlen(b) : 0) + 3;
	buf = malloc(cap);
	out = malloc(cap);
	if (!buf || !out) {
		free(buf);
		free(out);
		return NULL;
	}
	if (p[0] == '/')
		snprintf(buf, cap, "%s", p);
	else
		snprintf(buf, cap, "%s/%s", b, p);
	seg = buf;
	while (*seg) {
		const char *end;
		size_t len;

		while (*seg == '/')
			seg++;
		if (!*seg)
			break;
		end = strchr(seg, '/');
		len = end ? (size_t)(end - seg) : strlen(seg);
		if (len == 1 && seg[0] == '.') {
			/* nothing */
		} else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (olen > 0 && out[olen - 1] != '/')
				olen--;
			if (olen > 0)
				olen--;
		} else {
			out[olen++] = '/';
			memcpy(out + olen, seg, len);
			olen += len;
		}
		seg += len;
	}
	if (!olen)
		out[olen++] = '/';
	out[olen] = '\0';
	free(buf);
	return out;
}

char *discover_abspath(const char *p, const char *base)
{
	char *lex = lexical_abs(p, base);
	char *real;

	if (!lex)
		return NULL;
	real = realpath(lex, NULL);
	if (real) {
		free(lex);
		return real;
	}
	return lex;
}

char *discover_relpath(const char *root, const char *file)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '/')
		return strdup(file + 1);
	if (strncmp(file, root, n) != 0 || (file[n] != '/' && file[n] != '\0'))
		return NULL;
	return strdup(file[n] == '/' ? file + n + 1 : file + n);
}

/* Sources found in folders: .c files, and with `headers` also .h files
   (which the pattern engine reads on their own; clang reads them through
   the sources that include them). */
static int is_c_source(const char *name, int headers)
{
	size_t n = strlen(name);
	return n > 2 && (strcmp(name + n - 2, ".c") == 0 ||
			 (headers && strcmp(name + n - 2, ".h") == 0));
}

static int add_default(struct work_list *out, const char *file)
{
	char *dir = strdup(file), *slash, **args;
	int rc;

	if (!dir)
		return ASP_ENOMEM;
	slash = strrchr(dir, '/');
	if (slash && slash != dir)
		*slash = '\0';
	args = calloc(3, sizeof *args);
	if (!args) {
		free(dir);
		return ASP_ENOMEM;
	}
	/* Without a build: the C dialect most firmware uses, and the file's own
	   folder and its sibling include/ folder for project headers. */
	args[0] = strdup("-std=gnu11");
	args[1] = malloc(strlen(dir) + 3);
	args[2] = malloc(strlen(dir) + 16);
	if (!args[0] || !args[1] || !args[2]) {
		free(args[0]); free(args[1]); free(args[2]); free(args);
		free(dir);
		return ASP_ENOMEM;
	}
	snprintf(args[1], strlen(dir) + 3, "-I%s", dir);
	snprintf(args[2], strlen(dir) + 16, "-I%s/../include", dir);
	rc = work_list_add(out, file, dir, args, 3);
	free(dir);
	return rc;
}

static int walk(struct work_list *out, const char *dir, int depth, int headers,
		struct asp_error *err)
{
	struct dirent **names = NULL;
	int n, i, rc = ASP_OK;

	if (depth > MAX_DEPTH)
		return ASP_OK;
	n = scandir(dir, &names, NULL, alphasort);   /* sorted: deterministic order */
	if (n < 0)
		return error_set(err, ASP_EIO, dir, 0, 0, "cannot read folder: %s", strerror(errno));
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		char path[PATH_MAX];
		struct stat st;

		if (!rc && name[0] != '.' &&
		    snprintf(path, sizeof path, "%s/%s", dir, name) < (int)sizeof path &&
		    lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc = walk(out, path, depth + 1, headers, err);
			else if (S_ISREG(st.st_mode) && is_c_source(name, headers))
				rc = add_default(out, path);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Drops the items [from, out->n) that git ignores (.gitignore, info/exclude,
   the global excludes file); tracked files are kept. Outside a git work tree,
   or when git is missing, nothing is dropped. */
static int drop_ignored(struct work_list *out, size_t from, const char *dir)
{
	static const char *const args[] = { "check-ignore", "--stdin", "-z", NULL };
	char tmpl[] = "/tmp/asepsis-paths.XXXXXX";
	char *ign = NULL;
	size_t len = 0, i, w;
	FILE *f;
	int fd, st;

	if (out->n == from)
		return ASP_OK;
	fd = mkstemp(tmpl);
	if (fd < 0)
		return ASP_OK;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmpl);
		return ASP_OK;
	}
	for (i = from; i < out->n; i++)
		fwrite(out->items[i].file, 1, strlen(out->items[i].file) + 1, f);
	if (fclose(f) != 0) {
		unlink(tmpl);
		return ASP_OK;
	}
	st = discover_git_run(dir, args, tmpl, &ign, &len, 64u << 20);
	unlink(tmpl);
	if ((st != 0 && st != 1) || !ign) {
		free(ign);
		return ASP_OK;
	}
	for (i = from, w = from; i < out->n; i++) {
		size_t off = 0;
		int ignored = 0;

		while (off < len && !ignored) {
			ignored = strcmp(ign + off, out->items[i].file) == 0;
			off += strlen(ign + off) + 1;
		}
		if (!ignored) {
			out->items[w++] = out->items[i];
			continue;
		}
		{
			struct work_list one = { &out->items[i], 1, 1 };

			work_list_free_items(&one);
		}
	}
	out->n = w;
	free(ign);
	return ASP_OK;
}

int discover_paths(struct work_list *out, const char *const *paths, size_t n,
		   int headers, struct asp_error *err)
{
	size_t i;
	int first = ASP_OK;

	for (i = 0; i < n; i++) {
		char *abs = discover_abspath(paths[i], NULL);
		struct stat st;
		int rc = ASP_OK;

		if (!abs)
			return error_set(err, ASP_ENOMEM, paths[i], 0, 0, "out of memory");
		if (stat(abs, &st) != 0)
			rc = error_set(err, ASP_ENOTFOUND, paths[i], 0, 0, "%s", strerror(errno));
		else if (S_ISDIR(st.st_mode)) {
			size_t from = out->n;

			rc = walk(out, abs, 0, headers, err);
			/* a folder scan skips what git ignores (build output, vendored
			   trees); a file named on the command line is always analysed */
			if (!rc)
				rc = drop_ignored(out, from, abs);
		}
		else if (S_ISREG(st.st_mode))
			rc = add_default(out, abs);
		else
			rc = error_set(err, ASP_EUSAGE, paths[i], 0, 0, "not a file or folder");
		free(abs);
		if (rc == ASP_ENOMEM)
			return error_set(err, rc, paths[i], 0, 0, "out of memory");
		if (rc && !first)
			first = rc;
	}
	return first;
}

int discover_git_run(const char *dir, const char *const *args, const char *input,
		     char **out, size_t *len, size_t max)
{
	char *argv[40] = { NULL };
	int pipefd[2] = { -1, -1 }, status = 0, devnull = -1, in = -1, i = 0, k, rc = -1;
	posix_spawn_file_actions_t fa;
	int have_fa = 0;
	pid_t pid;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t r;

	*out = NULL;
	*len = 0;
	argv[i++] = strdup("git");
	argv[i++] = strdup("-C");
	argv[i++] = strdup(dir);
	/* paths come out unquoted (except for tabs, newlines, quotes) */
	argv[i++] = strdup("-c");
	argv[i++] = strdup("core.quotePath=false");
	for (k = 0; args[k] && i < 39; k++)
		argv[i++] = strdup(args[k]);
	argv[i] = NULL;
	for (k = 0; k < i; k++)
		if (!argv[k])
			goto done;
	if (pipe(pipefd) != 0)
		goto done;
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (input)
		in = open(input, O_RDONLY | O_CLOEXEC);
	if (devnull < 0 || (input && in < 0))
		goto done;
	posix_spawn_file_actions_init(&fa);
	have_fa = 1;
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	posix_spawn_file_actions_adddup2(&fa, devnull, 2);
	posix_spawn_file_actions_adddup2(&fa, in >= 0 ? in : devnull, 0);
	posix_spawn_file_actions_addclose(&fa, pipefd[0]);
	if (posix_spawnp(&pid, "git", &fa, NULL, argv, environ) != 0)
		goto done;
	close(pipefd[1]);
	pipefd[1] = -1;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			size_t ncap = cap ? cap * 2 : 65536;
			char *p = realloc(buf, ncap);

			if (!p)
				break;
			buf = p;
			cap = ncap;
		}
		r = read(pipefd[0], buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
		if (n > max)
			break;
	}
	close(pipefd[0]);
	pipefd[0] = -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (buf && n <= max) {
		buf[n] = '\0';
		*out = buf;
		*len = n;
		buf = NULL;
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	}
done:
	if (have_fa)
		posix_spawn_file_actions_destroy(&fa);
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	if (pipefd[1] >= 0)
		close(pipefd[1]);
	if (devnull >= 0)
		close(devnull);
	if (in >= 0)
		close(in);
	free(buf);
	for (k = 0; k < i; k++)
		free(argv[k]);
	return rc;
}

char *discover_git(const char *dir, const char *const *args)
{
	char *out = NULL, *nl, *line = NULL;
	size_t len = 0;

	if (discover_git_run(dir, args, NULL, &out, &len, 1u << 20) != 0 || !out) {
		free(out);
		return NULL;
	}
	nl = strchr(out, '\n');
	if (nl)
		*nl = '\0';
	if (out[0])
		line = strdup(out);
	free(out);
	return line;
}

char *discover_root(void)
{
	char cwd[PATH_MAX], probe[PATH_MAX + 16];
	char *dir, *git;
	static const char *const top[] = { "rev-parse", "--show-toplevel", NULL };

	if (!getcwd(cwd, sizeof cwd))
		return NULL;
	dir = strdup(cwd);
	while (dir) {
		char *slash;

		snprintf(probe, sizeof probe, "%s/.asepsis.yml", dir);
		if (access(probe, F_OK) == 0)
			return dir;
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	git = discover_git(cwd, top);
	if (git) {
		char *real = realpath(git, NULL);

		free(git);
		if (real)
			return real;
	}
	return realpath(cwd, NULL);
}
