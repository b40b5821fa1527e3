/* Cases beyond an intraprocedural, path-insensitive analysis. */
#include <stdlib.h>
#include <string.h>

struct holder { char *p; };

static void release(char *p)
{
	free(p);
}

int cwe416_bad_4(void)
{
	char *buf = malloc(16);
	if (buf == NULL)
		return -1;
	release(buf);
	return buf[0]; // expect: MDS-MEM-001
}

void cwe415_bad_4(void)
{
	char *buf = malloc(16);
	if (buf == NULL)
		return;
	release(buf);
	free(buf); // expect: MDS-MEM-002
}

void cwe401_bad_4(void)
{
	struct holder h;
	h.p = malloc(16); // expect: MDS-MEM-005
	if (h.p == NULL)
		return;
	h.p[0] = 0;
}

int cwe476_good_4(int flag)
{
	int v = 1;
	int *p = NULL;

	if (flag)
		p = &v;
	if (flag)
		return *p;
	return 0;
}

int cwe457_good_3(int flag)
{
	int x;

	if (flag)
		x = 1;
	if (flag)
		return x;
	return 0;
}

int cwe369_good_3(int n)
{
	int d = 0;

	if (n > 0)
		d = n;
	if (n > 0)
		return 100 / d;
	return 0;
}
