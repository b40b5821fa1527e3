#define WINDOW_MAX 64

int table[16];

void copy_samples(const short *in, unsigned n)
{
	short window[WINDOW_MAX];
	char name[sizeof "ventilator"];
	int pair[2 * 4];
	long slots[sizeof(struct { int a; }) * 2];

	if (n > WINDOW_MAX)
		return;
	(void)in; (void)window; (void)name; (void)pair; (void)slots;
}
