/* MDS-BAN-004: string conversions in scanf formats without a field width. */
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

#define PIN_MAX 16
#define PARSE_NAME(line, dst) sscanf((line), "name=%s", (dst))

struct config_entry {
	char key[24];
	char value[64];
};

int cfg_scan(const char *line, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));

int login(const char *arg)
{
	char pw[PIN_MAX];

	if (sscanf(arg, "%s", pw) != 1) // expect: MDS-BAN-004
		return -1;
	return pw[0] != '\0';
}

int read_label(FILE *in, int *channel, char *label)
{
	return fscanf(in, "%d %[^\n]", channel, label); // expect: MDS-BAN-004
}

int read_entry(const char *line, struct config_entry *e)
{
	/* the first conversion is bounded, the second is not */
	return cfg_scan(line, "%23s = %s", e->key, e->value); // expect: MDS-BAN-004
}

int read_name(const char *line, char *name)
{
	return PARSE_NAME(line, name); // expect: MDS-BAN-004
}

int read_unit(const char *line, int hex, unsigned *v, char unit[8])
{
	return sscanf(line, hex ? "%x %s" : "%u %7s", v, unit); // expect: MDS-BAN-004
}

int read_wide(wchar_t *dst)
{
	return scanf("%ls", dst); // expect: MDS-BAN-004
}

int vread(const char *line, va_list ap)
{
	return vsscanf(line, "%*d %[0-9A-F]", ap); // expect: MDS-BAN-004
}
