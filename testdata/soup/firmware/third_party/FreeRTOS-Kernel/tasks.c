/*
 * FreeRTOS Kernel V10.4.3
 * SPDX-License-Identifier: MIT
 */
#include <string.h>
#include "FreeRTOS.h"
#include "task.h"

static char name_buf[16];

void vTaskDelay(unsigned ticks)
{
	char local[4];

	strcpy(local, "idle");
	(void)ticks;
	(void)name_buf;
	(void)local;
}
