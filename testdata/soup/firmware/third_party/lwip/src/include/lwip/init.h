/**
 * @file
 * lwIP initialization API (stand-in for asepsis's tests)
 */
/*
 * Redistribution and use in source and binary forms, with or without modification,
 * are permitted provided that the following conditions are met:
 * 1. Redistributions of source code must retain the above copyright notice.
 * 2. Redistributions in binary form must reproduce the above copyright notice.
 * 3. The name of the author may not be used to endorse or promote products
 *    derived from this software without specific prior written permission.
 *
 * This file is part of the lwIP TCP/IP stack.
 */
#ifndef LWIP_HDR_INIT_H
#define LWIP_HDR_INIT_H

#define LWIP_VERSION_MAJOR      2
#define LWIP_VERSION_MINOR      1
#define LWIP_VERSION_REVISION   2

void lwip_init(void);
#endif
