#include <stdlib.h>
#include <string.h>

struct rec { int id; char name[16]; };

int rec_first(int id)
{
	struct rec *r = malloc(sizeof *r);

	if (r == NULL)
		return -1;
	r->id = id;
	free(r);
	return 0;
}

int copy_name(const char *src)
{
	char *p = malloc(16);
	char *q = p;

	if (!p)
		return -1;
	memcpy(q, src, 16);
	free(p);
	return 0;
}

int fill(int n)
{
	int *v;
	int i, rc = -1;

	if ((v = calloc(8, sizeof *v)) == NULL)
		goto out;
	for (i = 0; i < 8 && i < n; i++)
		v[i] = i;
	rc = 0;
out:
	free(v);
	return rc;
}

int guarded(int mode)
{
	char *buf = malloc(32);

	if (buf != NULL && mode > 1)
		buf[0] = 'x';
	free(buf);
	return 0;
}
