/* MDS-CRY-003: keys loaded at run time; public keys, test vectors, key maps. */
#include <stdint.h>
#include <stddef.h>

typedef struct { uint32_t rk[68]; int nr; } mbedtls_aes_context;
int mbedtls_aes_setkey_enc(mbedtls_aes_context *ctx, const unsigned char *key, unsigned int keybits);
int keystore_read(int slot, uint8_t *out, size_t len);
void secure_zero(void *p, size_t n);

/* the public key that verifies firmware signatures is not a secret */
static const uint8_t fw_sign_pubkey[16] = { 0x04, 0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42,
					    0x47, 0xf8, 0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40 };
/* FIPS 197 known-answer test, run at power-up */
static const uint8_t kat_aes_key[16] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
					 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };
/* keypad scan codes */
static const uint8_t keymap[12] = { 0x16, 0x1e, 0x26, 0x25, 0x2e, 0x36, 0x3d, 0x3e, 0x46, 0x45, 0x4e, 0x55 };
/* filled from the key store at start-up */
static uint8_t session_key[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
/* a short label is not key material */
static const char key_label[] = "records";

/* a test-vector table: the key next to its plaintext and ciphertext */
struct cipher_testvec {
	const char *key;
	const char *ptext;
	const char *ctext;
};
static const struct cipher_testvec aes_tv[] = {
	{
		.key = "\x2b\x7e\x15\x16\x28\xae\xd2\xa6\xab\xf7\x15\x88\x09\xcf\x4f\x3c",
		.ptext = "\x6b\xc1\xbe\xe2\x2e\x40\x9f\x96",
		.ctext = "\x3a\xd7\x7b\xb4\x0d\x7a\x36\x60",
	},
};
/* key schedule round constants of the cipher, not a key */
static const uint32_t key_rc[8] = { 0x517cc1b7, 0x27220a94, 0xfe13abe8, 0xfa9a6ee0,
				    0x6db14acc, 0x9e21c820, 0xff28b1d5, 0xef5de2b0 };
/* a helper path, an alphabet and a sort key */
static const char request_key[] = "/sbin/request-key";
static const char *pem_key = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char *sort_key = "acquired";

int open_records(mbedtls_aes_context *ctx)
{
	uint8_t key[16];
	int rc;

	if (keystore_read(3, key, sizeof key) != 0)
		return -1;
	rc = mbedtls_aes_setkey_enc(ctx, key, 128);
	secure_zero(key, sizeof key);
	(void)fw_sign_pubkey;
	(void)kat_aes_key;
	(void)keymap;
	(void)session_key;
	(void)key_label;
	(void)aes_tv;
	(void)key_rc;
	(void)request_key;
	(void)pem_key;
	(void)sort_key;
	return rc;
}
