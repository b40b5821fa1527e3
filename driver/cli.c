/* The subcommands of DESIGN §3 that this build provides, and usage text. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

const struct cli_command cli_commands[] = {
	{ "check", cmd_check, "analyse C sources and report findings" },
	{ "rules", cmd_rules, "list, show or export the rule catalogue" },
	{ "version", cmd_version, "print the versions of asepsis and its components" },
	{ NULL, NULL, NULL }
};

void cli_usage(FILE *f)
{
	const struct cli_command *c;

	fprintf(f, "usage: asepsis <command> [options]\n\ncommands:\n");
	for (c = cli_commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fprintf(f, "\n'asepsis <command> --help' describes a command's options.\n");
}

static int needs_quotes(const char *s)
{
	if (!*s)
		return 1;
	for (; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%", *s))
			return 1;
	return 0;
}

char *cli_join_argv(int argc, char **argv)
{
	size_t len = 1;
	int i;
	char *out, *p;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) * 4 + 3;
	out = malloc(len);
	if (!out)
		return NULL;
	p = out;
	for (i = 0; i < argc; i++) {
		const char *s = argv[i];

		if (i)
			*p++ = ' ';
		if (!needs_quotes(s)) {
			size_t l = strlen(s);

			memcpy(p, s, l);
			p += l;
			continue;
		}
		*p++ = '\'';
		for (; *s; s++) {
			if (*s == '\'') {
				memcpy(p, "'\\''", 4);
				p += 4;
			} else {
				*p++ = *s;
			}
		}
		*p++ = '\'';
	}
	*p = '\0';
	return out;
}
