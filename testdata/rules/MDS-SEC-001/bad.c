/* MDS-SEC-001: credentials written into the firmware. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int CRYPTO_memcmp(const void *a, const void *b, size_t len);

struct wifi_cfg {
	const char *ssid;
	const char *admin_password;
	char access_token[32];
};

static const char service_password[] = "pump-svc-2019"; // expect: MDS-SEC-001
const char *wifi_passphrase = "Infus10nNet!"; // expect: MDS-SEC-001
static char pinCode[] = "4711"; // expect: MDS-SEC-001

static int g_authenticated;

int login_check(const char *pw)
{
	if (strcmp(pw, "letmein") == 0) { // expect: MDS-SEC-001
		g_authenticated = 1;
		return 0;
	}
	return -1;
}

int service_unlock(const char *entered_pass)
{
	return strncmp(entered_pass, "0000", 4u) == 0; // expect: MDS-SEC-001
}

int secret_matches(const uint8_t *secret)
{
	return CRYPTO_memcmp(secret, "s3cr3t-v2", 9u) == 0; // expect: MDS-SEC-001
}

void wifi_defaults(struct wifi_cfg *cfg)
{
	cfg->ssid = "pump-net";
	cfg->admin_password = "admin123"; // expect: MDS-SEC-001
	memcpy(cfg->access_token, "tk-prod-7781", 13u); // expect: MDS-SEC-001
}

static const struct wifi_cfg g_factory_wifi = {
	.ssid = "pump-net",
	.admin_password = "factory1", // expect: MDS-SEC-001
};

/* positional initialisers are not matched to field names */
static const struct wifi_cfg g_legacy_wifi = { "pump-net", "factory2" }; // known-miss: MDS-SEC-001

int pin_code_len(void)
{
	return (int)strlen(pinCode) + (int)sizeof service_password + g_authenticated +
	       (g_factory_wifi.ssid != g_legacy_wifi.ssid);
}
