#include <string.h>

#include "app.h"

int app_start(const char *name)
{
	char label[4];

	strcpy(label, name);
	return label[0] == 'p';
}
