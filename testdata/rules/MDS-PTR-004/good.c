#include <stdio.h>
#include <stddef.h>

struct node { int value; struct node *next; };

int first_value(struct node *n)
{
	if (n == NULL) {
		puts("empty list");
		return -1;
	}
	return n->value;
}

int read_char(const char *path)
{
	FILE *f = fopen(path, "r");
	int c;

	if (!f)
		return -1;
	c = fgetc(f);
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
	if (last == NULL)
		return -1;
	return last->value;
}

int assigned(int x)
{
	int v = 0;
	int *p = NULL;

	if (x)
		p = &v;
	else
		p = &x;
	return *p;
}
