/* MDS-CTL-006: errors returned up the call chain. */
#include <stdint.h>

void enter_safe_state(void);

/* named like the library functions, but not calls to them */
struct recovery {
	int setjmp;
	int longjmp;
};

static int next_byte(const uint8_t *buf, unsigned *pos, unsigned len, uint8_t *out)
{
	if (*pos >= len)
		return -1;
	*out = buf[(*pos)++];
	return 0;
}

int parse_frame(const uint8_t *buf, unsigned len, struct recovery *r)
{
	unsigned pos = 0;
	uint8_t a, b;

	if (next_byte(buf, &pos, len, &a) != 0 || next_byte(buf, &pos, len, &b) != 0) {
		r->longjmp = 0;
		enter_safe_state();
		return -1;
	}
	return a + b;
}
