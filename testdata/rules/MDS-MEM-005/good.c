#include <stdlib.h>
#include <string.h>

struct holder { char *data; };

extern void consume(char *p);

int cleanup_label(int len)
{
	char *buf = malloc(64);
	int rc = -1;

	if (buf == NULL)
		return -1;
	if (len > 64)
		goto out;
	memset(buf, 0, 64);
	rc = 0;
out:
	free(buf);
	return rc;
}

char *returned(void)
{
	char *p = malloc(16);

	if (!p)
		return NULL;
	p[0] = 0;
	return p;
}

int stored(struct holder *h)
{
	char *p = malloc(16);
	char *q = p;

	if (!q)
		return -1;
	h->data = q;
	return 0;
}

int handed_over(void)
{
	char *p = malloc(16);

	if (!p)
		return -1;
	consume(p);
	return 0;
}
