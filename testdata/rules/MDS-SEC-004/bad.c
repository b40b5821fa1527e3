/* MDS-SEC-004: device identity keys compiled into the image. */
#include <stddef.h>

int tls_load_own_key(const char *pem, size_t len);

static const char device_key_pem[] =
	"-----BEGIN EC PRIVATE KEY-----\n" // expect: MDS-SEC-004
	"MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJyTBNmXfvBcoAoGCCqGSM49\n"
	"-----END EC PRIVATE KEY-----\n";

#define UPDATE_SIGNING_KEY "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN...\n" // expect: MDS-SEC-004

int provision(void)
{
	const char *backup =
		"-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n"; // expect: MDS-SEC-004

	if (tls_load_own_key(device_key_pem, sizeof device_key_pem) != 0)
		return tls_load_own_key(backup, 64);
	return tls_load_own_key(UPDATE_SIGNING_KEY, sizeof UPDATE_SIGNING_KEY);
}
