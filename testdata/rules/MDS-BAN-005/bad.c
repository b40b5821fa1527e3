/* MDS-BAN-005: numbers parsed from text without any error detection. */
#include <stdlib.h>

#define PARSE_COUNT(s) atoll(s)

struct command {
	const char *keyword;
	const char *arg;
};

int dose_set_rate(double rate_ml_h);

int cmd_rate(const struct command *cmd)
{
	return dose_set_rate(atof(cmd->arg)); // expect: MDS-BAN-005
}

int cmd_silence(const char *arg)
{
	int minutes = atoi(arg); // expect: MDS-BAN-005

	return minutes > 0 && minutes <= 2;
}

long parse_timeout(char *const *fields)
{
	return atol(fields[2]) * 1000L; // expect: MDS-BAN-005
}

long long total_steps(const char *s)
{
	return PARSE_COUNT(s); // expect: MDS-BAN-005
}

int parenthesised(const char *s)
{
	return (atoi)(s); // expect: MDS-BAN-005
}
