/* MDS-BND-001: constant indexes outside fixed-size arrays. */
#include <stdint.h>
#include <string.h>

#define CAL_POINTS 4
#define LAST_BYTE(a) ((a)[sizeof(a)])

enum alarm_id { ALARM_OCCLUSION, ALARM_AIR, ALARM_DOOR, ALARM_COUNT };

typedef uint8_t mac_addr_t[6];

struct calibration {
	int16_t offsets[CAL_POINTS];
	uint16_t gain;
};

static uint32_t g_alarm_counts[ALARM_COUNT];
static const char *const g_alarm_names[ALARM_COUNT] = { "OCCL", "AIR", "DOOR" };

size_t frame_trailer(uint8_t *frame, uint16_t crc)
{
	uint8_t trailer[4];

	trailer[0] = (uint8_t)(crc >> 8);
	trailer[1] = (uint8_t)(crc & 0xFFu);
	trailer[2] = 0x03u;
	trailer[3] = 0x04u;
	trailer[4] = 0x00u; // expect: MDS-BND-001
	memcpy(frame, trailer, sizeof trailer);
	return sizeof trailer;
}

void calibration_reset(struct calibration *cal)
{
	cal->offsets[CAL_POINTS] = 0; // expect: MDS-BND-001
	cal->gain = 1000u;
}

uint32_t alarm_total(void)
{
	return g_alarm_counts[ALARM_COUNT]; // expect: MDS-BND-001
}

const char *alarm_unknown_name(void)
{
	return g_alarm_names[ALARM_COUNT]; // expect: MDS-BND-001
}

uint32_t alarm_before_first(void)
{
	return g_alarm_counts[-1]; // expect: MDS-BND-001
}

int16_t matrix_corner(void)
{
	static int16_t m[3][4];

	return m[2][4]; // expect: MDS-BND-001
}

uint8_t mac_last(void)
{
	mac_addr_t mac = { 0x02u, 0x00u, 0x00u, 0x12u, 0x34u, 0x56u };

	return mac[6]; // expect: MDS-BND-001
}

uint8_t frame_guard(void)
{
	static uint8_t frame[8];

	return LAST_BYTE(frame); // expect: MDS-BND-001
}

const int16_t *offsets_beyond(const struct calibration *cal)
{
	return &cal->offsets[CAL_POINTS + 1]; // expect: MDS-BND-001
}
