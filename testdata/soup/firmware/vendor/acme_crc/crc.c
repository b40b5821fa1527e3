#include "crc.h"

unsigned char crc8(const unsigned char *p, unsigned n)
{
	unsigned char c = 0;

	while (n--)
		c ^= *p++;
	return c;
}
