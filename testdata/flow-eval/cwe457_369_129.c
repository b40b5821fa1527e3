/* CWE-457 uninitialised variable, CWE-369 divide by zero, CWE-129/787 index. */
#include <stdio.h>

int cwe457_bad_1(void)
{
	int data;
	printf("%d\n", data); // expect: MDS-INIT-001
	return 0;
}

int cwe457_bad_2(int c)
{
	int data;
	if (c > 0)
		data = c;
	return data; // expect: MDS-INIT-001
}

int cwe457_bad_3(int n)
{
	int i, sum;
	for (i = 0; i < n; i++)
		sum += i; // expect: MDS-INIT-001
	return n;
}

int cwe369_bad_1(int x)
{
	int data = 0;
	return x / data; // expect: MDS-INT-004
}

int cwe369_bad_2(int x, int d)
{
	if (d == 0)
		printf("zero divisor\n");
	return x % d; // expect: MDS-INT-004
}

int cwe369_bad_3(int x, int n)
{
	int d;
	for (d = 0; d < n; d++)
		x += 100 / d; // expect: MDS-INT-004
	return x;
}

int cwe129_bad_1(void)
{
	int buf[10];
	int i;
	for (i = 0; i <= 10; i++)
		buf[i] = i; // expect: MDS-BND-007
	return buf[0];
}

int cwe129_bad_2(int sel)
{
	int buf[10] = { 0 };
	int idx = 3;
	if (sel)
		idx = 10;
	return buf[idx]; // expect: MDS-BND-007
}

int cwe457_good_1(void)
{
	int data = 5;
	printf("%d\n", data);
	return 0;
}

int cwe457_good_2(int c)
{
	int data;
	if (c > 0)
		data = c;
	else
		data = 0;
	return data;
}

int cwe369_good_1(int x, int d)
{
	if (d == 0)
		return 0;
	return x % d;
}

int cwe369_good_2(int x, int n)
{
	int d;
	for (d = 1; d < n; d++)
		x += 100 / d;
	return x;
}

int cwe129_good_1(void)
{
	int buf[10];
	int i;
	for (i = 0; i < 10; i++)
		buf[i] = i;
	return buf[0];
}

int cwe129_good_2(int idx)
{
	int buf[10] = { 0 };
	if (idx < 0 || idx >= 10)
		return -1;
	return buf[idx];
}
