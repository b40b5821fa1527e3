/* MDS-INJ-001: commands handed to a shell. */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define UPLOAD_CMD "curl -s -X POST --data-binary @- https://gw.example.invalid/v2"
#define RUN_TOOL(cmd) system(cmd)
#define SHELL "/bin/sh"

extern char **environ;

int run_diag(const char *arg)
{
	char cmd[96];
	int n = snprintf(cmd, sizeof cmd, "/opt/ip200/bin/pumpdiag %s", arg);

	if (n < 0 || (size_t)n >= sizeof cmd)
		return -1;
	return system(cmd); // expect: MDS-INJ-001
}

int upload(const unsigned char *frame, size_t len)
{
	FILE *pipe = popen(UPLOAD_CMD, "w"); // expect: MDS-INJ-001
	int rc;

	if (pipe == NULL)
		return -1;
	rc = fwrite(frame, 1u, len, pipe) == len ? 0 : -1;
	return (pclose(pipe) == 0) ? rc : -1;
}

int sync_clock(const char *server)
{
	return RUN_TOOL(server); // expect: MDS-INJ-001
}

void child_exec(const char *script_line)
{
	execl(SHELL, "sh", "-c", script_line, (char *)NULL); // expect: MDS-INJ-001
	execlp("bash", "bash", "-ec", script_line, (char *)NULL); // expect: MDS-INJ-001
	_exit(127);
}

int spawn_shell(const char *line)
{
	char *argv[] = { "sh", "-c", (char *)line, NULL };
	pid_t pid;

	if (posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ) != 0) // expect: MDS-INJ-001
		return -1;
	execv("/bin/sh", argv); // expect: MDS-INJ-001
	return 0;
}
