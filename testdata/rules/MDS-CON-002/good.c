/* MDS-CON-002: handlers that only record the event; the work runs in a task. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef void *QueueHandle_t;
typedef long BaseType_t;
#define pdFALSE 0
BaseType_t xQueueSendFromISR(QueueHandle_t q, const void *item, BaseType_t *woken);
BaseType_t xQueueReceive(QueueHandle_t q, void *item, uint32_t ticks);
void portYIELD_FROM_ISR(BaseType_t woken);
typedef struct { volatile uint32_t SR, DR; } USART_TypeDef;
extern USART_TypeDef *const USART2;

extern QueueHandle_t rx_queue;
static volatile int stop_requested;

void USART2_IRQHandler(void)
{
	BaseType_t woken = pdFALSE;
	uint8_t b = (uint8_t)USART2->DR;

	xQueueSendFromISR(rx_queue, &b, &woken);
	portYIELD_FROM_ISR(woken);
}

void on_sigterm_signal_handler(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* a task, not an ISR: blocking and printing are fine here */
void uart_rx_task(void *arg)
{
	uint8_t b;

	(void)arg;
	while (!stop_requested) {
		if (xQueueReceive(rx_queue, &b, 100) == 1)
			printf("rx %u\n", b);
	}
}
