#define N 8

int table[N];

void clear_all(void)
{
	int i;

	for (i = 0; i <= N; i++)
		table[i] = 0; // expect: MDS-BND-007
}

int after_loop(const int *src, int n)
{
	int buf[N];
	int i;

	for (i = 0; i < N; i++)
		buf[i] = src[i] + n;
	return buf[i]; // expect: MDS-BND-007
}

int fixed(int sel)
{
	int v[4] = { 1, 2, 3, 4 };
	int idx = 2;

	if (sel)
		idx = 4;
	return v[idx]; // expect: MDS-BND-007
}
