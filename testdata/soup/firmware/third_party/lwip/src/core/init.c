/*
 * Redistribution and use in source and binary forms, with or without modification,
 * are permitted provided that the following conditions are met:
 * 3. The name of the author may not be used to endorse or promote products.
 *
 * This file is part of the lwIP TCP/IP stack.
 */
#include "lwip/init.h"

void lwip_init(void)
{
}
