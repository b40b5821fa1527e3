#include <stdint.h>

int hal_trng_read(uint8_t *buf, unsigned len);
void srand(unsigned);

struct dice { int (*rand)(void); };

int make_token(uint8_t out[16], unsigned seed)
{
	srand(seed);
	return hal_trng_read(out, 16);
}
