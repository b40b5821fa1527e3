/* CWE-415 double free, CWE-416 use after free. */
#include <stdlib.h>
#include <string.h>

void cwe415_bad_1(void)
{
	char *data = malloc(100);
	if (data == NULL)
		return;
	free(data);
	free(data); // expect: MDS-MEM-002
}

void cwe415_bad_2(int err)
{
	char *data = malloc(100);
	char *alias = data;

	if (data == NULL)
		return;
	if (err)
		free(alias);
	free(data); // expect: MDS-MEM-002
}

void cwe415_bad_3(int n)
{
	char *data = malloc(100); // expect: MDS-MEM-005
	int i;

	if (data == NULL)
		return;
	for (i = 0; i < n; i++)
		free(data); // expect: MDS-MEM-002
}

int cwe416_bad_1(void)
{
	char *data = malloc(100);
	if (data == NULL)
		return -1;
	strcpy(data, "hello"); // expect: MDS-BAN-002
	free(data);
	return data[0]; // expect: MDS-MEM-001
}

int cwe416_bad_2(void)
{
	int *data = calloc(10, sizeof(int));
	int *copy;

	if (data == NULL)
		return -1;
	copy = data;
	free(data);
	copy[1] = 3; // expect: MDS-MEM-001
	return 0;
}

void cwe416_bad_3(int err)
{
	char *buf = malloc(32);

	if (!buf)
		return;
	if (err)
		goto cleanup;
	buf[0] = 'a';
cleanup:
	free(buf);
	memset(buf, 0, 32); // expect: MDS-MEM-001
}

void cwe415_good_1(void)
{
	char *data = malloc(100);
	if (data == NULL)
		return;
	free(data);
	data = NULL;
	free(data);
}

void cwe415_good_2(int err)
{
	char *data = malloc(100);

	if (data == NULL)
		return;
	if (err) {
		free(data);
		return;
	}
	free(data);
}

int cwe416_good_1(void)
{
	char *data = malloc(100);
	int c;

	if (data == NULL)
		return -1;
	strcpy(data, "hello"); // expect: MDS-BAN-002
	c = data[0];
	free(data);
	return c;
}

void cwe416_good_2(int err)
{
	char *buf = malloc(32);

	if (!buf)
		return;
	if (err)
		goto cleanup;
	buf[0] = 'a';
cleanup:
	memset(buf, 0, 32);
	free(buf);
}
