/* MDS-SEC-001: prompts, labels, empty buffers and names that are not credentials. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PW_MAX 16u

struct gpio_map {
	const char *pin;
	uint8_t port;
};

struct parser {
	const char *token;
	size_t pos;
};

int verify_password_hash(const char *pw);

struct form_field {
	const char *name;
	const char *password_label;
	const char *admin_password;
};

static const struct form_field g_login_form = {
	.name = "login",
	.password_label = "Password",
	.admin_password = "",
};

static const char *const password_prompt = "Password: ";
static const char pwd_label[] = "password";
static const char password_mask[] = "********";
static const char *const pass_result = "PASS";
static const char *const secret_file = "/etc/pump/secret.bin";
static char password[PW_MAX] = "";
static char passphrase[PW_MAX] = { 0 };

const char *config_key_for(int field)
{
	return field == 1 ? "wifi.password" : "wifi.ssid";
}

int config_line_is_password(const char *line)
{
	return strncmp(line, "password=", 9u) == 0;
}

int login_check(const char *pw)
{
	if (strcmp(pw, "") == 0) {
		return -1;
	}
	return verify_password_hash(pw);
}

int field_is_password(const char *field)
{
	return strcmp(field, "password") == 0;
}

void gpio_defaults(struct gpio_map *m)
{
	m->pin = "PA5";
	m->port = 0u;
}

int parser_at_keyword(const struct parser *p)
{
	return strcmp(p->token, "RATE") == 0;
}

const char *prompt_text(void)
{
	const char *bypass_mode = "manual";

	return bypass_mode[0] == 'm' ? password_prompt : pwd_label;
}

size_t credential_sizes(void)
{
	return sizeof password + sizeof passphrase + sizeof password_mask +
	       strlen(g_login_form.name) +
	       strlen(pass_result) + strlen(secret_file);
}
