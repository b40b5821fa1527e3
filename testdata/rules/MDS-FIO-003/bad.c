/* MDS-FIO-003: temporary file names that another process can claim first. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *mktemp(char *template);

int export_records(const char *csv, size_t len)
{
	char name[L_tmpnam];
	FILE *f;

	if (tmpnam(name) == NULL) // expect: MDS-FIO-003
		return -1;
	f = fopen(name, "w");
	if (f == NULL)
		return -1;
	fwrite(csv, 1, len, f);
	return fclose(f);
}

char *spool_name(void)
{
	return tempnam("/tmp", "pump"); // expect: MDS-FIO-003
}

int stage_update(char *path_template)
{
	char *p = mktemp(path_template); // expect: MDS-FIO-003

	return p == NULL || p[0] == '\0' ? -1 : 0;
}
