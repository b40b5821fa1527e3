/* MDS-MEM-003: free() of exactly what an allocator returned. */
#include <stdint.h>
#include <stdlib.h>

struct node {
	struct node *next;
	char *name;
};

struct hdr_block {
	size_t size;
};

void node_free(struct node *n)
{
	if (n == NULL) {
		return;
	}
	free(n->name);
	free(n);
}

void names_free(char **names, size_t count)
{
	size_t i;

	for (i = 0u; i < count; i++) {
		free(names[i]);
	}
	free(names);
}

void slot_free(void **slot)
{
	free(*slot);
	*slot = NULL;
}

void nothing_to_free(void)
{
	free(NULL);
}

void first_free(uint32_t *records)
{
	free(&records[0]);
}

/* an allocator that keeps its header in front of the block it hands out */
void *sized_alloc(size_t n)
{
	struct hdr_block *h = malloc(sizeof *h + n);

	if (h == NULL) {
		return NULL;
	}
	h->size = n;
	return h + 1;
}

void sized_free(void *p)
{
	if (p != NULL) {
		free((struct hdr_block *)p - 1);
	}
}

/* an array parameter is a pointer the caller allocated */
void line_free(char line[])
{
	free(line);
}
