/* MDS-BND-001: indexes that stay inside their arrays, and lookalikes. */
#include <stddef.h>
#include <stdint.h>

#define CAL_POINTS 4
#define REG_COUNT 8u
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

struct calibration {
	int16_t offsets[CAL_POINTS];
	uint16_t gain;
};

/* variable-length records: the trailing one-element array is a header idiom */
struct tlv {
	uint8_t type;
	uint8_t len;
	uint8_t value[1];
};

struct frame {
	uint16_t len;
	uint8_t data[];
};

static uint32_t g_regs[REG_COUNT];

int16_t calibration_last(const struct calibration *cal)
{
	return cal->offsets[CAL_POINTS - 1];
}

const int16_t *calibration_end(const struct calibration *cal)
{
	return &cal->offsets[CAL_POINTS];
}

uint8_t tlv_third(const struct tlv *t)
{
	return t->value[2];
}

uint8_t frame_byte(const struct frame *f)
{
	return f->data[5];
}

uint8_t packet_byte(const uint8_t *packet)
{
	return packet[40];
}

size_t element_size(void)
{
	return sizeof(g_regs[REG_COUNT]);
}

void regs_clear_high(void)
{
	/* written for the variant with more registers */
	if (ARRAY_LEN(g_regs) > 8u) {
		g_regs[8] = 0u;
	}
}

char hex_digit(unsigned int nibble)
{
	return "0123456789ABCDEF"[nibble & 0x0Fu];
}

char terminator(void)
{
	return "OK"[2];
}
