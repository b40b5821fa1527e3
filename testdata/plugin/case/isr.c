/* Example input for the example checker plugin. */
void HAL_Delay(unsigned ms);

volatile int rx_ready;

void USART1_IRQHandler(void)
{
	rx_ready = 1;
	HAL_Delay(2); // expect: ACME-ISR-001
}

void uart_task(void)
{
	while (!rx_ready)
		HAL_Delay(1);
}
