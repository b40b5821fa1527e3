/* Includes a vendor header that is not there; the rest is still analysed. */
#include "vendor_hal_does_not_exist.h"

int route(int channel)
{
	switch (channel) {
	case 0:
		return 1;
	}
	return 0;
}
