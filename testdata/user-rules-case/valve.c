/* Case for the example user rule ACME-TIME-001 (testdata/user-rules/). */
#include <stdint.h>

void HAL_Delay(uint32_t ms);
void timer_start_ms(int *timer, uint32_t ms);
void valve_open(int which);

static int valve_settle;

void prime_line(void)
{
	valve_open(1);
	HAL_Delay(50); // expect: ACME-TIME-001
	valve_open(2);
	timer_start_ms(&valve_settle, 50);
}

/* a variable named like the function is not a call */
uint32_t settle_time(void)
{
	uint32_t HAL_Delay_ms = 50;

	return HAL_Delay_ms;
}
