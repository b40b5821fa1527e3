#include <errno.h>
#include <stdlib.h>

int parse_rate(const char *field, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(field, &end, 10);
	/* a literal argument cannot be invalid input */
	return errno || *end || atoi("12") != 12;
}
