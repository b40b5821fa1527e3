#include <stdio.h>

struct console { char *(*gets)(char *); };

void read_console(FILE *in, struct console *c)
{
	char line[64];

	if (fgets(line, sizeof line, in) == NULL)
		return;
	/* a member named gets is not the library function */
	(void)c;
}
