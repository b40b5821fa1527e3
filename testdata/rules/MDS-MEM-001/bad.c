#include <stdlib.h>
#include <string.h>

int after_free(void)
{
	char *p = malloc(8);

	if (!p)
		return -1;
	free(p);
	return p[0]; // expect: MDS-MEM-001
}

int alias(void)
{
	char *p = malloc(8);
	char *q;

	if (!p)
		return -1;
	q = p;
	free(q);
	memset(p, 0, 8); // expect: MDS-MEM-001
	return 0;
}

int on_error_path(int err)
{
	int *v = calloc(4, sizeof *v);

	if (v == NULL)
		return -1;
	if (err)
		free(v);
	v[0] = 1; // expect: MDS-MEM-001
	free(v);
	return 0;
}

int in_loop(int n)
{
	char *p = malloc(8); // expect: MDS-MEM-005
	int i;

	if (!p)
		return -1;
	for (i = 0; i < n; i++) {
		p[0] = (char)i; // expect: MDS-MEM-001
		if (i == 3)
			free(p);
	}
	return 0;
}
