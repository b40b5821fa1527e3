#include <stdio.h>
#include <string.h>

struct patient { char name[32]; };

int set_name(struct patient *p, const char *name)
{
	int n = snprintf(p->name, sizeof p->name, "%s", name);

	/* a literal: the semantic rule compares its size with the destination;
	   syntax alone does not report it */
	strcpy(p->name, "unknown");
	strcpy(p->name, DEFAULT_NAME);
	return n < 0 || (size_t)n >= sizeof p->name;
}
