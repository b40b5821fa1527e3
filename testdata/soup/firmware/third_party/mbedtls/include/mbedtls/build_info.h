/**
 * \file mbedtls/build_info.h (stand-in for asepsis's tests)
 */
/*
 *  Copyright The Mbed TLS Contributors
 *  SPDX-License-Identifier: Apache-2.0 OR GPL-2.0-or-later
 */
#ifndef MBEDTLS_BUILD_INFO_H
#define MBEDTLS_BUILD_INFO_H

#define MBEDTLS_VERSION_MAJOR  3
#define MBEDTLS_VERSION_MINOR  4
#define MBEDTLS_VERSION_PATCH  0
#define MBEDTLS_VERSION_NUMBER         0x03040000
#define MBEDTLS_VERSION_STRING         "3.4.0"
#define MBEDTLS_VERSION_STRING_FULL    "Mbed TLS 3.4.0"

#endif
