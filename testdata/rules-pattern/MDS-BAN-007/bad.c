void *alloca(unsigned long);

void copy_samples(const short *in, unsigned n)
{
	short window[n]; // expect: MDS-BAN-007
	char *tmp = alloca(n * 2); // expect: MDS-BAN-007
	int scratch[n + 1] = { 0 }; // expect: MDS-BAN-007

	(void)in; (void)window; (void)tmp; (void)scratch;
}
