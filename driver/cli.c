/* The subcommands of DESIGN §3 that this build provides, and usage text. */
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discover.h"

const struct cli_command cli_commands[] = {
	{ "check", cmd_check, "analyse C sources and report findings" },
	{ "findings", cmd_findings, "list stored findings with their state and links" },
	{ "runs", cmd_runs, "list the stored runs" },
	{ "triage", cmd_triage, "set a finding's state, with a justification" },
	{ "link", cmd_link, "tie a finding to a requirement, risk control or problem report" },
	{ "audit", cmd_audit, "verify the hash-chained audit log (audit verify)" },
	{ "soup", cmd_soup, "list the third-party components (SOUP), SBOM, known vulnerabilities" },
	{ "rules", cmd_rules, "list, show or export the rule catalogue" },
	{ "merge", cmd_merge, "join the SARIF files of --shard runs into one" },
	{ "version", cmd_version, "print the versions of asepsis and its components" },
	{ NULL, NULL, NULL }
};

char *cli_db_path(const char *db)
{
	char *root, *p;
	size_t n;

	if (db)
		return strdup(db);
	root = discover_root();
	if (!root)
		return NULL;
	n = strlen(root) + 32;
	p = malloc(n);
	if (p)
		snprintf(p, n, "%s/.asepsis/asepsis.db", root);
	free(root);
	return p;
}

char *cli_author(void)
{
	static const char *const name_args[] = { "config", "user.name", NULL };
	static const char *const mail_args[] = { "config", "user.email", NULL };
	char *root = discover_root(), *name = NULL, *mail = NULL, *out = NULL;
	const char *user = getenv("USER");

	if (root) {
		name = discover_git(root, name_args);
		mail = discover_git(root, mail_args);
	}
	if (name && *name) {
		size_t n = strlen(name) + (mail ? strlen(mail) : 0) + 4;

		out = malloc(n);
		if (out && mail && *mail)
			snprintf(out, n, "%s <%s>", name, mail);
		else if (out)
			snprintf(out, n, "%s", name);
	} else if (user && *user) {
		out = strdup(user);
	}
	free(name);
	free(mail);
	free(root);
	return out;
}

long long cli_trace_id(const char *s)
{
	long long v = 0;

	if (!s)
		return 0;
	if ((s[0] == 'A' || s[0] == 'a') && (s[1] == 'S' || s[1] == 's') &&
	    (s[2] == 'F' || s[2] == 'f') && s[3] == '-')
		s += 4;
	if (!isdigit((unsigned char)*s))
		return 0;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > 100000000000000LL)
			return 0;
		v = v * 10 + (*s - '0');
	}
	return *s ? 0 : v;
}

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
