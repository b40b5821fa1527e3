/* CWE-476 / CWE-690: NULL pointer dereference. Juliet-style: *_bad_* functions
   contain one defect, *_good_* none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct twoints { int a; int b; };

int cwe476_bad_1(void)
{
	struct twoints *p = NULL;
	return p->a; // expect: MDS-PTR-004
}

int cwe476_bad_2(int flag)
{
	int *p = NULL;
	int v = 5;

	if (flag)
		p = &v;
	return *p; // expect: MDS-PTR-004
}

int cwe476_bad_3(struct twoints *p)
{
	if (p == NULL)
		printf("null\n");
	return p->b; // expect: MDS-PTR-004
}

int cwe690_bad_1(void)
{
	int *data = malloc(10 * sizeof(int));
	data[0] = 5; // expect: MDS-MEM-004
	free(data);
	return 0;
}

size_t cwe690_bad_2(const char *s)
{
	char *copy = strdup(s);
	size_t n = strlen(copy); // expect: MDS-MEM-004
	free(copy);
	return n;
}

int cwe690_bad_3(const char *path)
{
	FILE *f = fopen(path, "r");
	int c = fgetc(f); // expect: MDS-PTR-004
	if (f)
		fclose(f);
	return c;
}

int cwe476_good_1(void)
{
	struct twoints s = { 1, 2 };
	struct twoints *p = &s;
	return p->a;
}

int cwe476_good_2(int flag)
{
	int *p = NULL;
	int v = 5;

	if (flag)
		p = &v;
	if (p != NULL)
		return *p;
	return 0;
}

int cwe476_good_3(struct twoints *p)
{
	if (p == NULL) {
		printf("null\n");
		return -1;
	}
	return p->b;
}

int cwe690_good_1(void)
{
	int *data = malloc(10 * sizeof(int));
	if (data == NULL)
		exit(1);
	data[0] = 5;
	free(data);
	return 0;
}

size_t cwe690_good_2(const char *s)
{
	char *copy = strdup(s);
	size_t n;

	if (!copy)
		return 0;
	n = strlen(copy);
	free(copy);
	return n;
}

int cwe690_good_3(const char *path)
{
	FILE *f = fopen(path, "r");
	int c = -1;

	if (f != NULL) {
		c = fgetc(f);
		fclose(f);
	}
	return c;
}
