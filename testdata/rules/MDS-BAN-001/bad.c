/* MDS-BAN-001: console and service-port input read with gets(). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Removed from C11 <stdio.h>; old board support packages still declare it. */
char *gets(char *s);

#define CONSOLE_READ(buf) gets(buf)

struct console {
	char line[64];
	unsigned lines_read;
};

int console_poll(struct console *con)
{
	if (gets(con->line) == NULL) // expect: MDS-BAN-001
		return -1;
	con->lines_read++;
	return (int)strlen(con->line);
}

int service_prompt(void)
{
	char cmd[32];

	fputs("svc> ", stdout);
	if (CONSOLE_READ(cmd) == NULL) // expect: MDS-BAN-001
		return -1;
	return cmd[0] == 'q';
}

int read_pair(char *first, char *second)
{
	return gets(first) != NULL && // expect: MDS-BAN-001
	       (gets)(second) != NULL; // expect: MDS-BAN-001
}

size_t read_length(char *buf)
{
	return strlen(gets(buf)); // expect: MDS-BAN-001
}
