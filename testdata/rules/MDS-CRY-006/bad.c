/* MDS-CRY-006: authenticators compared byte by byte with early exit. */
#include <stdint.h>
#include <string.h>

struct frame {
	uint8_t payload[48];
	uint8_t mac[16];
};

void hmac_sha256_trunc(const uint8_t *key, const uint8_t *msg, size_t len, uint8_t out[16]);
extern const uint8_t *link_key;

int frame_authentic(const struct frame *f)
{
	uint8_t expected_mac[16];

	hmac_sha256_trunc(link_key, f->payload, sizeof f->payload, expected_mac);
	return memcmp(expected_mac, f->mac, sizeof expected_mac) == 0; // expect: MDS-CRY-006
}

int tag_ok(const uint8_t *tag_calc, const uint8_t *rx_tag)
{
	if (memcmp(rx_tag, tag_calc, 16) != 0) // expect: MDS-CRY-006
		return 0;
	return 1;
}

int service_pin_ok(const uint8_t pin_hash[32], const uint8_t stored[32])
{
	return !memcmp(stored, pin_hash, 32); // expect: MDS-CRY-006
}
