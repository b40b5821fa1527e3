/* MDS-INJ-001: programs started without a shell; system(NULL). */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdlib.h>
#include <unistd.h>

extern char **environ;

struct board_ops {
	/* a board hook that shares the library function's name */
	int (*system)(int reset_kind);
};

int shell_available(void)
{
	return system(NULL) != 0;
}

int run_diag(const char *arg)
{
	char *argv[] = { "/opt/ip200/bin/pumpdiag", (char *)arg, NULL };
	pid_t pid;

	if (arg == NULL || arg[0] == '-')
		return -1;
	return posix_spawn(&pid, argv[0], NULL, NULL, argv, environ);
}

void child_exec(const char *image)
{
	char *const argv[] = { "flashtool", "--verify", (char *)image, NULL };

	/* a shell running a script file is not parsing a command string */
	execl("/bin/sh", "sh", "/opt/ip200/bin/selftest.sh", (char *)NULL);
	execlp("sh", "sh", "-x", "/opt/ip200/bin/selftest.sh", (char *)NULL);
	execv("/opt/ip200/bin/flashtool", argv);
	_exit(127);
}

int reset_board(struct board_ops *ops)
{
	return ops->system(1);
}
