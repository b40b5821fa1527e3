/* MDS-INT-003: shifts inside the operand width, and lookalikes. */
#include <stdint.h>

#define BIT(n) (1u << (n))
#define BIT64(n) (1ull << (n))

typedef uint32_t bus_addr_t;

static uint64_t g_event_bits;

uint32_t irq_mask_all(void)
{
	return BIT(31) | (BIT(31) - 1u);
}

void event_set_high(void)
{
	g_event_bits |= BIT64(40);
	g_event_bits |= (uint64_t)1u << 63;
}

uint32_t word_high(uint64_t v)
{
	return (uint32_t)(v >> 32);
}

/* uint8_t and uint16_t are promoted to int before the shift */
uint16_t bytes_join(uint8_t hi, uint8_t lo)
{
	return (uint16_t)((hi << 8) | lo);
}

uint32_t halfwords_join(uint16_t hi, uint16_t lo)
{
	return ((uint32_t)hi << 16) | lo;
}

uint32_t shift_by(uint32_t v, unsigned int n)
{
	return n < 32u ? v << n : 0u;
}

void byte_scale(uint8_t *b)
{
	*b <<= 4;
}

/* code for the 64-bit bus variant; bus_addr_t is 32 bits in this build */
uint32_t addr_high(bus_addr_t addr)
{
	if (sizeof(bus_addr_t) > 4u) {
		return (uint32_t)(addr >> 32);
	}
	return 0u;
}
