/* MDS-CRY-003: keys, IVs and salts compiled into the firmware. */
#include <stdint.h>
#include <stddef.h>

typedef struct { uint32_t rk[68]; int nr; } mbedtls_aes_context;
int mbedtls_aes_setkey_enc(mbedtls_aes_context *ctx, const unsigned char *key, unsigned int keybits);
int PKCS5_PBKDF2_HMAC_SHA256(const char *pass, int passlen, const unsigned char *salt, int saltlen,
			     int iter, int keylen, unsigned char *out);

static const uint8_t aes_key[16] = { 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, // expect: MDS-CRY-003
				     0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c };
static const uint8_t fw_iv[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }; // expect: MDS-CRY-003
static const char hmacKey[] = "pump-fleet-hmac-2019"; // expect: MDS-CRY-003

struct link_cfg {
	uint16_t port;
	uint8_t psk[16];
};

static const struct link_cfg uplink = {
	.port = 5684,
	.psk = { 0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87, // expect: MDS-CRY-003
		 0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f },
};

int open_records(mbedtls_aes_context *ctx)
{
	(void)fw_iv;
	(void)hmacKey;
	(void)uplink;
	return mbedtls_aes_setkey_enc(ctx, aes_key, 128);
}

int derive(const char *pin, int pin_len, unsigned char out[32])
{
	return PKCS5_PBKDF2_HMAC_SHA256(pin, pin_len,
					(const unsigned char *)"fixed-salt-v1", 13, // expect: MDS-CRY-003
					100000, 32, out);
}

int legacy_key(mbedtls_aes_context *ctx)
{
	return mbedtls_aes_setkey_enc(ctx, (const unsigned char *)"0123456789abcdef", 128); // expect: MDS-CRY-003
}
