/*
 * Rule conformance runner: runs the real asepsis binary over a case folder
 * and compares the set of (file, line, rule) it reports with the
 * `// expect: RULE-ID...` annotations in the sources, exactly: a missing
 * finding and an extra one both fail. `// known-miss: RULE-ID` documents a
 * false negative and is not expected.
 *
 * usage: rulecheck ASEPSIS DIR [ARG...]   (ARGs replace the default paths ".")
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

struct entry {
	char file[512];
	unsigned line;
	char rule[64];
};

struct set {
	struct entry *v;
	size_t n, cap;
};

static int set_add(struct set *s, const char *file, unsigned line, const char *rule)
{
	struct entry *e;

	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 64;
		struct entry *p = realloc(s->v, ncap * sizeof *p);

		if (!p)
			return -1;
		s->v = p;
		s->cap = ncap;
	}
	e = &s->v[s->n++];
	snprintf(e->file, sizeof e->file, "%s", file);
	e->line = line;
	snprintf(e->rule, sizeof e->rule, "%s", rule);
	return 0;
}

static int set_has(const struct set *s, const struct entry *x)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].line == x->line && strcmp(s->v[i].file, x->file) == 0 &&
		    strcmp(s->v[i].rule, x->rule) == 0)
			return 1;
	return 0;
}

static int is_source(const char *name)
{
	size_t n = strlen(name);
	return n > 2 && (strcmp(name + n - 2, ".c") == 0 || strcmp(name + n - 2, ".h") == 0);
}

/* Reads the annotations of every .c/.h file under dir (paths relative to base). */
static int scan(struct set *want, const char *base, const char *rel, int depth)
{
	char path[1024];
	struct dirent **names = NULL;
	int n, i;

	if (depth > 8)
		return 0;
	snprintf(path, sizeof path, "%s%s%s", base, rel[0] ? "/" : "", rel);
	n = scandir(path, &names, NULL, alphasort);
	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		char child[1024], full[1100];
		struct stat st;

		if (names[i]->d_name[0] == '.' || strcmp(names[i]->d_name, "build") == 0)
			goto next;
		snprintf(child, sizeof child, "%s%s%s", rel, rel[0] ? "/" : "", names[i]->d_name);
		snprintf(full, sizeof full, "%s/%s", base, child);
		if (stat(full, &st) != 0)
			goto next;
		if (S_ISDIR(st.st_mode)) {
			scan(want, base, child, depth + 1);
		} else if (is_source(names[i]->d_name)) {
			FILE *f = fopen(full, "r");
			char line[4096];
			unsigned ln = 0;

			while (f && fgets(line, sizeof line, f)) {
				char *p = strstr(line, "// expect:");

				ln++;
				if (!p)
					continue;
				p += strlen("// expect:");
				for (;;) {
					char id[64];
					int used = 0;

					if (sscanf(p, " %63[A-Z0-9_-]%n", id, &used) != 1)
						break;
					set_add(want, child, ln, id);
					p += used;
				}
			}
			if (f)
				fclose(f);
		}
next:
		free(names[i]);
	}
	free(names);
	return 0;
}

int main(int argc, char **argv)
{
	struct set want = { NULL, 0, 0 }, got = { NULL, 0, 0 };
	regex_t re;
	char *cmd[64];
	int nc = 0, i, pipefd[2], status = 0, failures = 0;
	posix_spawn_file_actions_t fa;
	pid_t pid;
	FILE *out;
	char line[8192];
	size_t k;

	if (argc < 3) {
		fprintf(stderr, "usage: rulecheck ASEPSIS DIR [ARG...]\n");
		return 2;
	}
	if (scan(&want, argv[2], "", 0) != 0) {
		fprintf(stderr, "rulecheck: cannot read %s: %s\n", argv[2], strerror(errno));
		return 2;
	}
	cmd[nc++] = argv[1];
	cmd[nc++] = "check";
	cmd[nc++] = "--no-db";
	cmd[nc++] = "--quiet";
	cmd[nc++] = "--no-color";
	cmd[nc++] = "--no-progress";
	cmd[nc++] = "--fail-on";
	cmd[nc++] = "none";
	if (argc > 3)
		for (i = 3; i < argc && nc < 62; i++)
			cmd[nc++] = argv[i];
	else
		cmd[nc++] = ".";
	cmd[nc] = NULL;

	if (pipe(pipefd) != 0)
		return 2;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addchdir_np(&fa, argv[2]);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	posix_spawn_file_actions_addclose(&fa, pipefd[0]);
	if (posix_spawn(&pid, argv[1], &fa, NULL, cmd, environ) != 0) {
		fprintf(stderr, "rulecheck: cannot run %s\n", argv[1]);
		return 2;
	}
	posix_spawn_file_actions_destroy(&fa);
	close(pipefd[1]);
	regcomp(&re, "^([^ :][^:]*):([0-9]+):([0-9]+): (error|warning|note): .* \\[([A-Z0-9_-]+)\\]( ASF-[0-9]+)?$",
		REG_EXTENDED);
	out = fdopen(pipefd[0], "r");
	while (out && fgets(line, sizeof line, out)) {
		regmatch_t m[6];
		size_t len = strlen(line);

		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (regexec(&re, line, 6, m, 0) == 0) {
			char file[512], rule[64];

			snprintf(file, sizeof file, "%.*s", (int)(m[1].rm_eo - m[1].rm_so), line + m[1].rm_so);
			snprintf(rule, sizeof rule, "%.*s", (int)(m[5].rm_eo - m[5].rm_so), line + m[5].rm_so);
			set_add(&got, file, (unsigned)strtoul(line + m[2].rm_so, NULL, 10), rule);
		}
	}
	if (out)
		fclose(out);
	regfree(&re);
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "rulecheck: asepsis exited with status %d\n",
			WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		failures++;
	}
	for (k = 0; k < want.n; k++)
		if (!set_has(&got, &want.v[k])) {
			printf("MISSING %s:%u: %s\n", want.v[k].file, want.v[k].line, want.v[k].rule);
			failures++;
		}
	for (k = 0; k < got.n; k++)
		if (!set_has(&want, &got.v[k])) {
			printf("UNEXPECTED %s:%u: %s\n", got.v[k].file, got.v[k].line, got.v[k].rule);
			failures++;
		}
	printf("%s: %zu expected, %zu reported, %d mismatch(es)\n", argv[2], want.n, got.n, failures);
	free(want.v);
	free(got.v);
	return failures ? 1 : 0;
}
