/* MDS-BAN-004: every stored string conversion has a maximum width. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

#define PIN_MAX 16
#define STR_(x) #x
#define STR(x) STR_(x)
#define PIN_LEN 15

struct config_entry {
	char key[24];
	char value[64];
};

int cfg_scan(const char *line, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));

int login(const char *arg)
{
	char pw[PIN_MAX];

	if (sscanf(arg, "%15s", pw) != 1)
		return -1;
	if (sscanf(arg, "%" STR(PIN_LEN) "s", pw) != 1)
		return -1;
	return pw[0] != '\0';
}

int read_entry(const char *line, struct config_entry *e)
{
	/* %*[^=] skips the key without storing it */
	if (cfg_scan(line, "%*[^=]= %63s", e->value) == 1)
		return 0;
	return cfg_scan(line, "%23s = %63[^\n]", e->key, e->value) == 2 ? 0 : -1;
}

int read_percent(const char *line, int *pct, char *sign)
{
	/* "%%s" is a literal percent sign followed by the letter s */
	return sscanf(line, "%d%%s%c", pct, sign);
}

int read_set(const char *line, char flags[8], char bracket[4])
{
	/* a scanset that contains ']' and 's' */
	return sscanf(line, "%7[sS-] %3[]x]", flags, bracket);
}

int read_alloc(const char *line)
{
	char *word = NULL;
	int rc = sscanf(line, "%ms", &word);   /* POSIX: scanf allocates */

	free(word);
	return rc;
}

int read_chars(const char *line, char *c, char two[2])
{
	return sscanf(line, "%c %2c", c, two);
}
