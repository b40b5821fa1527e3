/* MDS-CRY-001: predictable generators and clock seeds. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define JITTER_MS() (rand() % 50)

static char g_session_token[33];

void session_init(void)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	srand((unsigned)time(NULL)); // expect: MDS-CRY-001
	for (i = 0u; i + 1u < sizeof g_session_token; i++) {
		g_session_token[i] = digits[rand() % 16]; // expect: MDS-CRY-001
	}
	g_session_token[sizeof g_session_token - 1u] = '\0';
}

uint32_t make_nonce(unsigned *state)
{
	srandom((unsigned)time(NULL) ^ (unsigned)getpid()); // expect: MDS-CRY-001
	return (uint32_t)random() ^ (uint32_t)rand_r(state); // expect: MDS-CRY-001
}

long pairing_pin(void)
{
	return lrand48() % 1000000L; // expect: MDS-CRY-001
}

unsigned retry_delay_ms(void)
{
	return 100u + (unsigned)JITTER_MS(); // expect: MDS-CRY-001
}

double sample_offset(unsigned short xsubi[3])
{
	return drand48() + erand48(xsubi); // expect: MDS-CRY-001
}
