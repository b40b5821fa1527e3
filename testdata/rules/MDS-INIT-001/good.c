extern int read_sensor(int *out);

int pick(int mode)
{
	int rate;

	if (mode == 1)
		rate = 10;
	else if (mode == 2)
		rate = 20;
	else
		rate = 0;
	return rate;
}

int sum(const int *v, int n)
{
	int total = 0;
	int i;

	for (i = 0; i < n; i++)
		total += v[i];
	return total;
}

int by_address(void)
{
	int value;

	if (read_sensor(&value) != 0)
		return -1;
	return value;
}

int arrays(int n)
{
	int buf[4];
	struct { int a, b; } s;

	buf[0] = n;
	s.a = n;
	return buf[0] + s.a;
}
