int average(const int *v, int n)
{
	int count = 0;
	int total = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (v[i] > 0) {
			total += v[i];
			count++;
		}
	}
	if (n > 100)
		count = 0;
	return total / count; // expect: MDS-INT-004
}

int scale(int value, int divisor)
{
	if (divisor == 0) {
		value = 0;
	}
	return value % divisor; // expect: MDS-INT-004
}

int rate(int ticks)
{
	int period = 0;

	if (ticks > 10)
		period = ticks;
	return 1000 / period; // expect: MDS-INT-004
}
