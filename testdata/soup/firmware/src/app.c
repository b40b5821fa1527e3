#include "app.h"

int app_start(const char *name)
{
	return name[0] == 'p';
}
