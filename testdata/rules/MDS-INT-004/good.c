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
	if (count == 0)
		return 0;
	return total / count;
}

int scale(int value, int divisor)
{
	if (divisor == 0)
		return 0;
	return value % divisor;
}

int rate(int ticks)
{
	int period = 1;

	if (ticks > 10)
		period = ticks;
	return 1000 / period;
}

int param(int a, int b)
{
	return a / b;
}
