#define N 8

int table[N];

void clear_all(void)
{
	int i;

	for (i = 0; i < N; i++)
		table[i] = 0;
}

int last(const int *src)
{
	int buf[N];
	int i;

	for (i = 0; i < N; i++)
		buf[i] = src[i];
	return buf[i - 1];
}

int checked(int idx)
{
	int v[4] = { 1, 2, 3, 4 };

	if (idx < 0 || idx >= 4)
		return -1;
	return v[idx];
}

int countdown(void)
{
	int v[4] = { 1, 2, 3, 4 };
	int i, s = 0;

	for (i = 3; i >= 0; i--)
		s += v[i];
	return s;
}
