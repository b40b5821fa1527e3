/* Demo firmware entry point: the product's own code. */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "lwip/init.h"
#include "mbedtls/build_info.h"
#include "zlib.h"
#include "ringbuf.h"
#include "crc.h"
#include "app.h"

int main(void)
{
	char buf[8];

	strcpy(buf, APP_NAME);
	return app_start(buf) + (int)crc8((const unsigned char *)buf, 3);
}
