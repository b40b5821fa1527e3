#include <stdlib.h>
#include <string.h>

int early_return(int len)
{
	char *buf = malloc(64); // expect: MDS-MEM-005

	if (buf == NULL)
		return -1;
	if (len > 64)
		return -2;
	memset(buf, 0, 64);
	free(buf);
	return 0;
}

int goto_wrong_label(int a, int b)
{
	char *x = malloc(16);
	char *y = NULL;

	if (!x)
		return -1;
	y = malloc(16); // expect: MDS-MEM-005
	if (!y)
		goto fail_x;
	if (a > b)
		goto fail_x;
	free(y);
	free(x);
	return 0;
fail_x:
	free(x);
	return -1;
}

void never_freed(int n)
{
	int *v = calloc(4, sizeof *v); // expect: MDS-MEM-005
	int i;

	if (!v)
		return;
	for (i = 0; i < 4 && i < n; i++)
		v[i] = i;
}
