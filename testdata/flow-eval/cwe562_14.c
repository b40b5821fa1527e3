/* CWE-562 return of stack variable address, CWE-14 removed clearing of a secret. */
#include <string.h>

extern int get_password(char *out, int n);
extern int check(const char *pw);

char *cwe562_bad_1(void)
{
	char buf[16] = "stack";
	return buf; // expect: MDS-MEM-006
}

int *cwe562_bad_2(void)
{
	int v = 3;
	int *p = &v;
	return p; // expect: MDS-MEM-006
}

int cwe14_bad_1(void)
{
	char password[64];
	int ok;

	if (get_password(password, 64) != 0)
		return 0;
	ok = check(password);
	memset(password, 0, sizeof password); // expect: MDS-SEC-002
	return ok;
}

char *cwe562_good_1(void)
{
	static char buf[16] = "static";
	return buf;
}

int cwe562_good_2(void)
{
	int v = 3;
	int *p = &v;
	return *p;
}

int cwe14_good_1(void)
{
	char password[64];
	int ok;

	if (get_password(password, 64) != 0)
		return 0;
	ok = check(password);
	explicit_bzero(password, sizeof password);
	return ok;
}
