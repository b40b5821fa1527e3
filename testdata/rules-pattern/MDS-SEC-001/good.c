#include <string.h>

static const char password_prompt[] = "Password:";
static const char *password_label = "wifi.password";
static const char *default_password = "";
static int pin_count = 3;

int check(const char *pw, const char *stored)
{
	const char *secret_file = "/etc/pump/secret";

	(void)secret_file;
	return strcmp(pw, stored) == 0 && strcmp(pw, "****") != 0;
}
