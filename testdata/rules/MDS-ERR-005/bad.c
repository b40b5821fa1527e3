/* MDS-ERR-005: work done inside assertions disappears from the release build. */
#include <assert.h>
#include <stdint.h>

typedef void *QueueHandle_t;
typedef long BaseType_t;
#define pdPASS 1
BaseType_t xQueueReceive(QueueHandle_t q, void *item, uint32_t ticks);
void vAssertCalled(const char *file, int line);
#define configASSERT(x) do { if (!(x)) vAssertCalled(__FILE__, __LINE__); } while (0)

int fifo_pop(uint8_t *out);
int dose_set_rate(uint32_t rate);

static unsigned samples;

void consume(QueueHandle_t q)
{
	uint8_t msg[8];
	uint8_t b;
	int rc;

	configASSERT(xQueueReceive(q, msg, 0) == pdPASS); // expect: MDS-ERR-005
	assert(fifo_pop(&b) == 0); // expect: MDS-ERR-005
	assert(++samples < 1000u); // expect: MDS-ERR-005
	assert((rc = dose_set_rate(25)) == 0); // expect: MDS-ERR-005
	(void)rc;
}
