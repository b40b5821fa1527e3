/*
 * FreeRTOS Kernel V10.4.3
 * SPDX-License-Identifier: MIT
 */
#ifndef INC_TASK_H
#define INC_TASK_H

#define tskKERNEL_VERSION_NUMBER "V10.4.3"
#define tskKERNEL_VERSION_MAJOR 10
#define tskKERNEL_VERSION_MINOR 4
#define tskKERNEL_VERSION_BUILD 3

void vTaskDelay(unsigned ticks);
#endif
