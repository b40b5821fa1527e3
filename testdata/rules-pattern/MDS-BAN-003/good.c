#include <stdio.h>

void describe(char *out, size_t len, const char *model, unsigned serial)
{
	char tag[16];

	sprintf(tag, "%04u", serial % 10000);
	sprintf(tag, "%.8s", model);
	sprintf(tag, "100%%");
	snprintf(out, len, "model %s", model);
}
