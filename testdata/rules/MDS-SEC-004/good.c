/* MDS-SEC-004: certificates and public keys only; the private key stays in the secure element. */
#include <stddef.h>

int tls_load_ca(const char *pem, size_t len);
int se_get_key_handle(int slot, void **key);

static const char root_ca_pem[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBtjCCAVugAwIBAgITBmyf1XSXNmY/Owua2eiedgPySjAKBggqhkjOPQQDAjA5\n"
	"-----END CERTIFICATE-----\n";

static const char fw_verify_key_pem[] =
	"-----BEGIN PUBLIC KEY-----\n"
	"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...\n"
	"-----END PUBLIC KEY-----\n";

/* the parser looks for the marker; the text names it without holding a key */
static const char pem_private_marker[] = "PRIVATE KEY-----";

int provision(void **key)
{
	(void)fw_verify_key_pem;
	(void)pem_private_marker;
	if (tls_load_ca(root_ca_pem, sizeof root_ca_pem) != 0)
		return -1;
	return se_get_key_handle(1, key);
}
