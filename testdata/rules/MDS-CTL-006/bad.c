/* MDS-CTL-006: error recovery by non-local jumps. */
#include <setjmp.h>
#include <stdint.h>

static jmp_buf parse_recover;

void enter_safe_state(void);

static uint8_t next_byte(const uint8_t *buf, unsigned *pos, unsigned len)
{
	if (*pos >= len)
		longjmp(parse_recover, 1); // expect: MDS-CTL-006
	return buf[(*pos)++];
}

int parse_frame(const uint8_t *buf, unsigned len)
{
	unsigned pos = 0;

	if (setjmp(parse_recover) != 0) { // expect: MDS-CTL-006
		enter_safe_state();
		return -1;
	}
	return next_byte(buf, &pos, len) + next_byte(buf, &pos, len);
}
