/* MDS-SAF-003: fault handlers that make the pump safe and record the fault. */
#include <stdint.h>

typedef struct { volatile uint32_t CFSR, HFSR, BFAR; } SCB_Type;
typedef struct { volatile uint32_t BSRR; } GPIO_TypeDef;
extern SCB_Type *const SCB;
extern GPIO_TypeDef *const MOTOR_EN_GPIO;
#define MOTOR_EN_RESET (1u << 21)
void NVIC_SystemReset(void);
void fault_record_save(uint32_t cfsr, uint32_t hfsr, uint32_t bfar);
void pump_enter_safe_state(int reason);

void HardFault_Handler(void)
{
	MOTOR_EN_GPIO->BSRR = MOTOR_EN_RESET;
	fault_record_save(SCB->CFSR, SCB->HFSR, SCB->BFAR);
	NVIC_SystemReset();
}

void Default_Handler(void)
{
	pump_enter_safe_state(1);
	while (1) {
	}
}

/* only declared: the startup file's weak alias */
void BusFault_Handler(void) __attribute__((weak, alias("Default_Handler")));

/* not an exception handler */
void idle_loop(void)
{
	while (1) {
	}
}
