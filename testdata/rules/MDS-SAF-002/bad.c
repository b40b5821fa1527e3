/* MDS-SAF-002: the watchdog switched off in code that always runs. */
#include <stdint.h>

#define USE_WATCHDOG 0 // expect: MDS-SAF-002

/* MSP430 */
extern volatile uint16_t WDTCTL;
#define WDTPW 0x5A00u
#define WDTHOLD 0x0080u
/* Kinetis */
typedef struct { volatile uint16_t STCTRLH; } WDOG_Type;
extern WDOG_Type *const WDOG;
#define WDOG_STCTRLH_WDOGEN_MASK 0x1u
/* AVR */
extern volatile uint8_t WDTCSR;

void wdt_disable(void);
int esp_task_wdt_deinit(void);
void clocks_init(void);
int selftest_slow(void);

int main(void)
{
	WDTCTL = WDTPW | WDTHOLD; // expect: MDS-SAF-002
	clocks_init();
	for (;;) {
	}
}

void board_init(void)
{
	WDOG->STCTRLH &= ~WDOG_STCTRLH_WDOGEN_MASK; // expect: MDS-SAF-002
	WDTCSR = 0x00; // expect: MDS-SAF-002
	if (selftest_slow()) {
		wdt_disable(); // expect: MDS-SAF-002
	}
}

void app_start(void)
{
	esp_task_wdt_deinit(); // expect: MDS-SAF-002
}
