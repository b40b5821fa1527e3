/* MDS-FIO-003: temporary files created atomically with private permissions. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int export_records(const char *csv, size_t len)
{
	char name[] = "/var/lib/pump/export-XXXXXX";
	int fd = mkstemp(name);
	FILE *f;

	if (fd < 0)
		return -1;
	f = fdopen(fd, "w");
	if (f == NULL) {
		close(fd);
		return -1;
	}
	fwrite(csv, 1, len, f);
	return fclose(f);
}

FILE *scratch(void)
{
	return tmpfile();
}

/* a member named like the function is not a call to it */
struct names {
	const char *tmpnam;
};

const char *pick(const struct names *n)
{
	return n->tmpnam;
}
