/* MDS-BAN-007: stack allocations sized at run time. */
#include <alloca.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SCRATCH(n) alloca(n)

struct packet {
	uint16_t len;
	uint8_t payload[96];
};

size_t send_frame(const struct packet *pkt, size_t digest_len)
{
	size_t frame_len = 4u + pkt->len + digest_len;
	uint8_t frame[frame_len]; // expect: MDS-BAN-007

	memcpy(frame, pkt->payload, pkt->len);
	return sizeof frame;
}

double average(size_t rows, size_t cols, const double *samples)
{
	double grid[rows][cols]; // expect: MDS-BAN-007
	double sum = 0.0;
	size_t r, c;

	for (r = 0; r < rows; r++) {
		for (c = 0; c < cols; c++) {
			grid[r][c] = samples[r * cols + c];
			sum += grid[r][c];
		}
	}
	return rows && cols ? sum / (double)(rows * cols) : 0.0;
}

void fill_rows(size_t n)
{
	typedef uint8_t row_t[n];
	row_t row; // expect: MDS-BAN-007

	memset(row, 0, sizeof row);
}

size_t copy_name(const char *name)
{
	size_t n = strlen(name) + 1u;
	char *tmp = alloca(n); // expect: MDS-BAN-007
	char *tmp2 = SCRATCH(n); // expect: MDS-BAN-007
	char *tmp3 = __builtin_alloca(n); // expect: MDS-BAN-007

	memcpy(tmp, name, n);
	memcpy(tmp2, tmp, n);
	memcpy(tmp3, tmp2, n);
	return strlen(tmp3);
}
