#include <stdlib.h>

int once(void)
{
	char *p = malloc(8);

	if (!p)
		return -1;
	free(p);
	p = NULL;
	free(p);
	return 0;
}

int error_then_cleanup(int err)
{
	char *buf = malloc(64);
	int rc = 0;

	if (buf == NULL)
		return -1;
	if (err) {
		rc = -1;
		goto out;
	}
	buf[0] = 0;
out:
	free(buf);
	return rc;
}

int loop_realloc(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		char *p = malloc(8);

		if (!p)
			return -1;
		p[0] = 1;
		free(p);
	}
	return 0;
}
