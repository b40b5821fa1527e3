/* MDS-DBG-003: markers about other topics, and security notes without markers. */
#include <stdint.h>

/* TODO: merge with the rate table once the pharmacy library lands */
static const uint16_t max_rate[4] = { 999, 500, 250, 100 };

/* The length is validated against the buffer size by the caller (PR-1234). */
uint16_t rate_limit(uint8_t drug)
{
	// FIXME: use a binary search when the table grows
	return max_rate[drug & 3u];
}

/* FIXME: the link configuration is hardcoded to 115200 baud */
/* TODO: as the spec allows, we bypass the FIFO for short frames */
/**
 * struct pump_dev - a pump
 * FIXME -- complete doc
 * @authenticated: the operator has logged in
 */
struct pump_dev {
	int authenticated;
};

/* Decrypt the frame in place. TODO: decrypt straight into the DMA buffer */
/* XXX: the header size depends on the auth type */
/* TODO: support other key types than the passphrase */

/* todo list of the UI: key repeat, certificate viewer icon */
/* Authored by the pump team; TODO: rename to rate_cap */
uint16_t rate_cap(uint8_t drug)
{
	return rate_limit(drug);
}
