/* CWE-401 memory leak, CWE-775 missing release of a file descriptor or handle. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

struct ctx { char *buf; FILE *log; };

void cwe401_bad_1(void)
{
	char *data = malloc(100); // expect: MDS-MEM-005
	if (data == NULL)
		return;
	strcpy(data, "leak"); // expect: MDS-BAN-002
}

int cwe401_bad_2(int len)
{
	char *data = malloc(100); // expect: MDS-MEM-005
	if (data == NULL)
		return -1;
	if (len > 100)
		return -1;
	free(data);
	return 0;
}

int cwe401_bad_3(int a)
{
	char *x = malloc(10); // expect: MDS-MEM-005
	x = malloc(20);
	if (!x)
		return a;
	free(x);
	return 0;
}

int cwe775_bad_1(const char *path)
{
	FILE *f = fopen(path, "r"); // expect: MDS-FIO-002
	if (f == NULL)
		return -1;
	if (fgetc(f) == EOF)
		return -1;
	fclose(f);
	return 0;
}

int cwe775_bad_2(const char *path)
{
	int fd = open(path, O_RDONLY); // expect: MDS-FIO-002
	char b[4];

	if (fd < 0)
		return -1;
	if (read(fd, b, sizeof b) <= 0)
		return -1;
	close(fd);
	return b[0];
}

void cwe401_good_1(void)
{
	char *data = malloc(100);
	if (data == NULL)
		return;
	strcpy(data, "ok"); // expect: MDS-BAN-002
	free(data);
}

int cwe401_good_2(struct ctx *c)
{
	char *data = malloc(100);
	if (data == NULL)
		return -1;
	c->buf = data;
	return 0;
}

char *cwe401_good_3(void)
{
	char *data = malloc(100);
	if (data != NULL)
		data[0] = 0;
	return data;
}

int cwe775_good_1(const char *path)
{
	FILE *f = fopen(path, "r");
	int rc = 0;

	if (f == NULL)
		return -1;
	if (fgetc(f) == EOF)
		rc = -1;
	fclose(f);
	return rc;
}

int cwe775_good_2(struct ctx *c, const char *path)
{
	FILE *f = fopen(path, "a");
	if (!f)
		return -1;
	c->log = f;
	return 0;
}
