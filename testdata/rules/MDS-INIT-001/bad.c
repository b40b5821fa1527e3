int pick(int mode)
{
	int rate;

	if (mode == 1)
		rate = 10;
	else if (mode == 2)
		rate = 20;
	return rate; // expect: MDS-INIT-001
}

int sum(const int *v, int n)
{
	int total;
	int i;

	for (i = 0; i < n; i++)
		total += v[i]; // expect: MDS-INIT-001
	return total;
}

int lookup(int key)
{
	const char *name;

	switch (key) {
	case 1:
		name = "one";
		break;
	case 2:
		goto done;
	default:
		name = "other";
		break;
	}
	return name[0];
done:
	return name[0]; // expect: MDS-INIT-001
}
