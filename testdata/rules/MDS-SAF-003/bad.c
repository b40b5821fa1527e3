/* MDS-SAF-003: fault handlers that freeze the pump in its last state. */
static inline void __disable_irq(void) { }
static inline void __NOP(void) { }

void HardFault_Handler(void) // expect: MDS-SAF-003
{
	while (1) {
	}
}

void MemManage_Handler(void) { for (;;); } // expect: MDS-SAF-003

void BusFault_Handler(void) // expect: MDS-SAF-003
{
	/* TODO: decode BFAR */
}

void UsageFault_Handler(void) // expect: MDS-SAF-003
{
	do {
		__NOP();
	} while (1);
}

void Error_Handler(void) // expect: MDS-SAF-003
{
	/* USER CODE BEGIN Error_Handler_Debug */
	__disable_irq();
	while (1)
	{
	}
	/* USER CODE END Error_Handler_Debug */
}

void NMI_Handler(void) // expect: MDS-SAF-003
{
}
