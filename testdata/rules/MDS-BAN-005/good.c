/* MDS-BAN-005: conversions that detect bad input, and lookalikes. */
#include <errno.h>
#include <stdlib.h>

struct parser {
	/* a hook named like the library function */
	int (*atoi)(const char *s, int *out);
};

static int atoi_checked(const char *s, long min, long max, long *out)
{
	char *end = NULL;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno == ERANGE || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int cmd_silence(const char *arg, long *minutes)
{
	return atoi_checked(arg, 1L, 2L, minutes);
}

int cmd_rate(const char *arg, double *rate)
{
	char *end = NULL;

	errno = 0;
	*rate = strtod(arg, &end);
	return (end == arg || errno == ERANGE) ? -1 : 0;
}

int via_hook(struct parser *p, const char *s, int *out)
{
	return p->atoi(s, out);
}

int default_channel(void)
{
	/* a literal has nothing to detect */
	return atoi("3");
}
