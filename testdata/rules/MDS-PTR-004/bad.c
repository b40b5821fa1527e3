#include <stdio.h>
#include <stddef.h>

struct node { int value; struct node *next; };

int first_value(struct node *n)
{
	if (n == NULL)
		puts("empty list");
	return n->value; // expect: MDS-PTR-004
}

int read_char(const char *path)
{
	FILE *f = fopen(path, "r");
	int c = fgetc(f); // expect: MDS-PTR-004

	if (f)
		fclose(f);
	return c;
}

int last_value(struct node *head)
{
	struct node *p = head;
	struct node *last = NULL;

	while (p) {
		last = p;
		p = p->next;
	}
	return last->value; // expect: MDS-PTR-004
}

int literal(void)
{
	int *p = NULL;
	return *p; // expect: MDS-PTR-004
}
