/*
 * FreeRTOS Kernel V10.4.3
 * Copyright (C) 2020 Amazon.com, Inc. or its affiliates.  All Rights Reserved.
 *
 * SPDX-License-Identifier: MIT
 *
 * (A stand-in written for asepsis's tests: it copies only the shape of the
 * kernel's header comment.)
 */
#ifndef INC_FREERTOS_H
#define INC_FREERTOS_H
#include "task.h"
#endif
