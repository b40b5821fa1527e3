/* MDS-INT-003: shifts by a negative count or by the operand width or more. */
#include <stdint.h>

#define BIT(n) (1u << (n))
#define IRQ_LINES 32

static uint32_t g_irq_enable_mask;
static uint64_t g_event_bits;

void irq_enable_all(void)
{
	g_irq_enable_mask = (1u << 32) - 1u; // expect: MDS-INT-003
}

void irq_enable_line_macro(void)
{
	g_irq_enable_mask |= BIT(IRQ_LINES); // expect: MDS-INT-003
}

void event_set_high(void)
{
	/* the constant 1 is an int: the shift happens in 32 bits */
	g_event_bits |= 1 << 40; // expect: MDS-INT-003
}

uint32_t status_high_word(uint32_t status)
{
	return status >> 32; // expect: MDS-INT-003
}

uint8_t pack_flag(uint8_t flags)
{
	/* promoted to int, but 32 is still the width of int */
	return (uint8_t)(flags << 32); // expect: MDS-INT-003
}

void counter_scale(uint32_t *counter)
{
	*counter <<= 40; // expect: MDS-INT-003
}

void reading_scale(uint16_t *reading)
{
	*reading >>= 33; // expect: MDS-INT-003
}

int32_t gain_apply(int32_t v)
{
	return v << -2; // expect: MDS-INT-003
}
