/* MDS-PTR-001: sizeof of a pointer where the size of the buffer is meant. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SENSOR_FRAME_LEN 16u
#define BUF_CLEAR(b) memset((b), 0, sizeof(b))

typedef uint8_t *frame_ptr_t;

struct uart_channel {
	uint8_t *rx_buf;
	size_t rx_len;
	char label[24];
};

/* the parameter is declared as an array but is a pointer */
void sensor_frame_reset(uint8_t frame[SENSOR_FRAME_LEN])
{
	memset(frame, 0, sizeof(frame)); // expect: MDS-PTR-001
}

int format_rate(char *out, size_t out_len, unsigned int rate_ml_h)
{
	if (out_len == 0u) {
		return -1;
	}
	return snprintf(out, sizeof out, "RATE=%u", rate_ml_h); // expect: MDS-PTR-001
}

void channel_flush(struct uart_channel *ch)
{
	memset(ch->rx_buf, 0, sizeof(ch->rx_buf)); // expect: MDS-PTR-001
	ch->rx_len = 0u;
}

void copy_pressures(uint16_t *dst, const uint16_t *src)
{
	/* four readings: meant 4 * sizeof *dst */
	memcpy(dst, src, 4u * sizeof(dst)); // expect: MDS-PTR-001
}

size_t count_limits(const uint32_t *limits)
{
	return sizeof(limits) / sizeof(limits[0]); // expect: MDS-PTR-001
}

size_t count_codes(const uint16_t *codes)
{
	return sizeof codes / sizeof *codes; // expect: MDS-PTR-001
}

ssize_t read_command(int fd, char *line)
{
	ssize_t n = read(fd, line, sizeof line - 1u); // expect: MDS-PTR-001

	if (n >= 0) {
		line[n] = '\0';
	}
	return n;
}

int get_operator_line(char *line)
{
	if (fgets(line, sizeof(line), stdin) == NULL) { // expect: MDS-PTR-001
		return -1;
	}
	return 0;
}

void wipe_frame(frame_ptr_t frame)
{
	BUF_CLEAR(frame); // expect: MDS-PTR-001
}

int labels_equal(const char *a, const char *b)
{
	return memcmp(a, b, sizeof(b)) == 0; // expect: MDS-PTR-001
}

char *copy_name(const char *name)
{
	char *copy = malloc(sizeof(name)); // expect: MDS-PTR-001

	if (copy != NULL) {
		copy[0] = '\0';
	}
	return copy;
}

size_t checksum_block(const uint8_t block[32])
{
	size_t i, sum = 0u;

	for (i = 0u; i < sizeof block; i++) { // expect: MDS-PTR-001
		sum += block[i];
	}
	return sum;
}
