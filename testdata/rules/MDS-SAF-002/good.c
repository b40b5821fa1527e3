/* MDS-SAF-002: the watchdog configured, refreshed, and stopped only by its own driver. */
#include <stdint.h>

#define USE_WATCHDOG 1
#define WATCHDOG_TIMEOUT_MS 500
#ifdef BENCH_TEST_BUILD
#define DISABLE_WATCHDOG
#endif

extern volatile uint16_t WDTCTL;
#define WDTPW 0x5A00u
#define WDTCNTCL 0x0008u
#define WDTSSEL__ACLK 0x0020u
#define WDTIS__32K 0x0003u

void wdt_enable(uint16_t timeout_ms);
void wdt_reset(void);
int all_tasks_alive(void);

int main(void)
{
	WDTCTL = WDTPW | WDTCNTCL | WDTSSEL__ACLK | WDTIS__32K;
	wdt_enable(WATCHDOG_TIMEOUT_MS);
	for (;;) {
		if (all_tasks_alive())
			wdt_reset();
	}
}

/* a project wrapper whose name only resembles the vendor call */
void pump_wdt_disable_warning(void)
{
	wdt_reset();
}
