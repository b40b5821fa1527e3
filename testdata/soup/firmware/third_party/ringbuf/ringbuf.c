#include "ringbuf.h"

static int slots[4];

int ringbuf_put(int v)
{
	slots[0] = v;
	return slots[0];
}
