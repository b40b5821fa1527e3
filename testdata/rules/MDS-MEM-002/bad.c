#include <stdlib.h>

int twice(void)
{
	char *p = malloc(8);

	if (!p)
		return -1;
	free(p);
	free(p); // expect: MDS-MEM-002
	return 0;
}

int through_copy(void)
{
	char *p = malloc(8);
	char *q = p;

	if (!p)
		return -1;
	free(p);
	free(q); // expect: MDS-MEM-002
	return 0;
}

int error_then_cleanup(int err)
{
	char *buf = malloc(64);
	int rc = 0;

	if (buf == NULL)
		return -1;
	if (err) {
		free(buf);
		rc = -1;
		goto out;
	}
	buf[0] = 0;
out:
	free(buf); // expect: MDS-MEM-002
	return rc;
}
