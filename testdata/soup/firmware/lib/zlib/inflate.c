/* inflate.c -- stand-in
 * Copyright (C) 1995-2022 Mark Adler
 * For conditions of distribution and use, see copyright notice in zlib.h
 */
#include "zlib.h"

int inflate_stub(void)
{
	return 0;
}
