/* MDS-ERR-005: assertions that only observe. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

typedef void *QueueHandle_t;
typedef long BaseType_t;
#define pdPASS 1
BaseType_t xQueueReceive(QueueHandle_t q, void *item, uint32_t ticks);
void vAssertCalled(const char *file, int line);
#define configASSERT(x) do { if (!(x)) vAssertCalled(__FILE__, __LINE__); } while (0)
uint32_t HAL_GetTick(void);
int is_valid_rate(uint32_t rate);
int fifo_pop(uint8_t *out);

static unsigned samples;

void consume(QueueHandle_t q, uint32_t rate, const char *name, uint32_t t0)
{
	uint8_t msg[8];
	uint8_t b;
	BaseType_t got = xQueueReceive(q, msg, 0);
	int popped = fifo_pop(&b);

	configASSERT(got == pdPASS);
	assert(popped == 0);
	samples++;
	assert(samples < 1000u);
	assert(is_valid_rate(rate));
	assert(strlen(name) < 16u);
	assert(HAL_GetTick() >= t0);
	assert(rate == 25u || rate == 50u);
}
