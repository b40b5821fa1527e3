#ifndef CRC_H
#define CRC_H
/* ACME CRC library, release 1.0.2 */
unsigned char crc8(const unsigned char *p, unsigned n);
#endif
