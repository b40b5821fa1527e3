/* MDS-MEM-003: free() of memory no allocator returned. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RELEASE(p) free(p)

struct pump_settings {
	uint32_t rate_ml_h;
	uint32_t vtbi_ml;
};

struct pump_state {
	struct pump_settings settings;
	char operator_id[16];
	char *note;
};

struct message {
	uint16_t len;
	char text[64];
};

static struct pump_state g_pump;

void digest_report(const uint8_t *digest, size_t len)
{
	char digest_hex[65];
	size_t i;

	for (i = 0u; i < len && i < 32u; i++) {
		digest_hex[2u * i] = "0123456789abcdef"[digest[i] >> 4];
		digest_hex[2u * i + 1u] = "0123456789abcdef"[digest[i] & 0x0Fu];
	}
	digest_hex[2u * i] = '\0';
	free(digest_hex); // expect: MDS-MEM-003
}

void settings_drop(void)
{
	struct pump_settings cfg;

	memset(&cfg, 0, sizeof cfg);
	free(&cfg); // expect: MDS-MEM-003
}

void pump_reset(void)
{
	free(&g_pump.settings); // expect: MDS-MEM-003
	free(g_pump.operator_id); // expect: MDS-MEM-003
	free(g_pump.note);
	g_pump.note = NULL;
}

void message_release(struct message *msg)
{
	free(msg->text); // expect: MDS-MEM-003
	free(msg);
}

void status_release(void)
{
	free((void *)"idle"); // expect: MDS-MEM-003
}

void frame_release(uint8_t *frame)
{
	/* the caller allocated the frame; the payload starts one byte later */
	free(frame + 1); // expect: MDS-MEM-003
}

void records_release(uint32_t *records)
{
	free(&records[2]); // expect: MDS-MEM-003
}

void operator_clear(void)
{
	RELEASE(g_pump.operator_id); // expect: MDS-MEM-003
}
