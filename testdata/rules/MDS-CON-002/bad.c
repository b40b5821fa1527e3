/* MDS-CON-002: interrupt handlers that block, allocate or print. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>

typedef void *QueueHandle_t;
typedef void *SemaphoreHandle_t;
typedef long BaseType_t;
BaseType_t xQueueSend(QueueHandle_t q, const void *item, uint32_t ticks);
BaseType_t xSemaphoreTake(SemaphoreHandle_t s, uint32_t ticks);
void HAL_Delay(uint32_t ms);
typedef struct { volatile uint32_t SR, DR; } USART_TypeDef;
typedef struct { USART_TypeDef *Instance; } UART_HandleTypeDef;
extern USART_TypeDef *const USART2;
#define ISR(vector) void vector(void); void vector(void)

extern QueueHandle_t rx_queue;
extern SemaphoreHandle_t bus_lock;
static uint8_t *frame;
static volatile uint8_t tick;

void USART2_IRQHandler(void)
{
	uint8_t b = (uint8_t)USART2->DR;

	printf("rx %u\n", b); // expect: MDS-CON-002
	if (b == 0x7e) {
		frame = malloc(64); // expect: MDS-CON-002
		if (frame != NULL)
			xQueueSend(rx_queue, &frame, 10); // expect: MDS-CON-002
	}
}

void HAL_UART_RxCpltCallback(UART_HandleTypeDef *huart)
{
	if (huart->Instance == USART2 && xSemaphoreTake(bus_lock, 5) == 1) { // expect: MDS-CON-002
		HAL_Delay(2); // expect: MDS-CON-002
	}
}

void on_sigterm_signal_handler(int sig)
{
	(void)sig;
	free(frame); // expect: MDS-CON-002
	exit(1); // expect: MDS-CON-002
}

ISR(TIMER1_COMPA_vect)
{
	tick++;
	puts("tick"); // expect: MDS-CON-002
}
