/* MDS-BAN-007: fixed-size buffers; VLA types that allocate nothing. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FRAME_MAX 128u

enum { ROW_WORDS = 4 };

struct packet {
	uint16_t len;
	uint8_t payload[96];
};

int send_frame(const struct packet *pkt)
{
	uint8_t frame[FRAME_MAX];
	uint32_t words[ROW_WORDS * 2];

	if (pkt->len > sizeof pkt->payload || pkt->len + 4u > sizeof frame)
		return -1;
	memset(words, 0, sizeof words);
	memcpy(frame, pkt->payload, pkt->len);
	return (int)pkt->len;
}

/* a variable-length array parameter is a pointer */
double sum_row(size_t n, const double row[n])
{
	double s = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		s += row[i];
	}
	return s;
}

/* a pointer to a VLA gives 2-D indexing over caller storage */
double corner(size_t rows, size_t cols, double *storage)
{
	double (*grid)[cols] = (double (*)[cols])storage;

	return rows && cols ? grid[rows - 1][cols - 1] : 0.0;
}

size_t row_bytes(size_t n)
{
	typedef uint16_t row_t[n];

	return sizeof(row_t) + sizeof(uint8_t[n]);
}
