/* A file that does not compile: the analysis must go on and say so. */
#include <string.h>

struct packet {
	char payload[16]
	int len;
};

void copy(struct packet *p, const char *src)
{
	strcpy(p->payload, src);
	if (p->len > 4 {
		p->len = 0;
	}
}

int ok_after_errors(int mode)
{
	switch (mode) {
	case 1:
		return 10;
	}
	return 0;
}
