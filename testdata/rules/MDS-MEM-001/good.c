#include <stdlib.h>
#include <string.h>

int before_free(void)
{
	char *p = malloc(8);
	int c;

	if (!p)
		return -1;
	p[0] = 1;
	c = p[0];
	free(p);
	return c;
}

int reassigned(void)
{
	char *p = malloc(8);

	if (!p)
		return -1;
	free(p);
	p = malloc(16);
	if (!p)
		return -1;
	memset(p, 0, 16);
	free(p);
	return 0;
}

int on_error_path(int err)
{
	int *v = calloc(4, sizeof *v);

	if (v == NULL)
		return -1;
	if (err) {
		free(v);
		return -1;
	}
	v[0] = 1;
	free(v);
	return 0;
}

int in_loop(int n)
{
	char *p = malloc(8);
	int i;

	if (!p)
		return -1;
	for (i = 0; i < n; i++) {
		p[0] = (char)i;
		if (i == 3) {
			free(p);
			p = NULL;
			break;
		}
	}
	free(p);
	return 0;
}
