#include <stdlib.h>
#include <string.h>

struct rec { int id; char name[16]; };

int rec_first(int id)
{
	struct rec *r = malloc(sizeof *r);
	r->id = id; // expect: MDS-MEM-004
	free(r);
	return 0;
}

int copy_name(const char *src)
{
	char *p = malloc(16);
	char *q = p;
	memcpy(q, src, 16); // expect: MDS-MEM-004
	free(p);
	return 0;
}

int fill(int n)
{
	int *v = calloc(8, sizeof *v);
	int i;

	for (i = 0; i < 8 && i < n; i++)
		v[i] = i; // expect: MDS-MEM-004
	free(v);
	return 0;
}

int late_check(int mode)
{
	char *buf = malloc(32);

	if (mode > 1)
		buf[0] = 'x'; // expect: MDS-MEM-004
	if (buf == NULL)
		return -1;
	free(buf);
	return 0;
}
