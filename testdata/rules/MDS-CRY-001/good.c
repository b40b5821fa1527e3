/* MDS-CRY-001: values from the TRNG; time used only as time. */
#define _DEFAULT_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

int hal_trng_read(uint8_t *dst, size_t len);

struct rng_ops {
	/* a driver hook that shares the library function's name */
	uint32_t (*rand)(void *dev);
	void *dev;
};

static time_t g_boot_time;

int session_init(char *token, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	uint8_t raw[16];
	size_t i;

	if (len < 2u * sizeof raw + 1u || hal_trng_read(raw, sizeof raw) != 0)
		return -1;
	for (i = 0u; i < sizeof raw; i++) {
		token[2u * i] = digits[raw[i] >> 4];
		token[2u * i + 1u] = digits[raw[i] & 0x0Fu];
	}
	token[2u * sizeof raw] = '\0';
	g_boot_time = time(NULL);
	return 0;
}

uint32_t hw_random(struct rng_ops *ops)
{
	return ops->rand(ops->dev);
}

void test_pattern_seed(unsigned seed)
{
	/* seeding alone produces no value; a fixed seed is not the clock */
	srand(seed);
	srand48((long)seed);
}
