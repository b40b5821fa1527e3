/* zlib.h -- stand-in for asepsis's tests, shaped like the real header

  Copyright (C) 1995-2022 Jean-loup Gailly and Mark Adler

  This software is provided 'as-is', without any express or implied
  warranty.
  2. Altered source versions must be plainly marked as such, and must not be
     misrepresented as being the original software.
*/
#ifndef ZLIB_H
#define ZLIB_H

#define ZLIB_VERSION "1.2.11"
#define ZLIB_VERNUM 0x12b0

int inflate_stub(void);
#endif
