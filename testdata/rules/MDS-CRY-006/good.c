/* MDS-CRY-006: constant-time comparisons; memcmp only for public data. */
#include <stdint.h>
#include <string.h>

int mbedtls_ct_memcmp(const void *a, const void *b, size_t n);

struct frame {
	uint8_t hdr[4];
	uint8_t payload[48];
	uint8_t mac[16];
};

int frame_authentic(const struct frame *f, const uint8_t expected_mac[16])
{
	return mbedtls_ct_memcmp(expected_mac, f->mac, 16) == 0;
}

/* a magic header is public */
int is_update_image(const struct frame *f)
{
	return memcmp(f->hdr, "PMP1", 4) == 0;
}

#define SPEC_SIG "Spec ID Event03"
struct event_hdr {
	uint8_t signature[16];
	uint8_t digest[32];
};

/* a signature field holding a magic value, and a digest of public data */
int is_spec_event(const struct event_hdr *e, const uint8_t zero_digest[32])
{
	return memcmp(e->signature, SPEC_SIG, 16) == 0 && memcmp(e->digest, zero_digest, 32) != 0;
}

/* hardware addresses, name tags and command keywords */
#define CMD_ENABLE_TAG "enable"
int same_peer(const uint8_t peer_mac[6], const uint8_t sender_mac[6])
{
	return memcmp(sender_mac, peer_mac, 6) == 0;
}

int is_tag(const char *tag, const char *mount_tag, const char *cmd)
{
	return strcmp(mount_tag, tag) == 0 || strncmp(cmd, CMD_ENABLE_TAG, 6) == 0;
}

/* payload bytes are not secret */
int same_payload(const struct frame *a, const struct frame *b)
{
	return memcmp(a->payload, b->payload, sizeof a->payload) == 0;
}
