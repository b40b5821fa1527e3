/* Syntax alone decides it: every gets() is a defect. */
char *gets(char *);

void read_console(void)
{
	char line[64];

	gets(line); // expect: MDS-BAN-001
	if (gets(line) == 0) // expect: MDS-BAN-001
		return;
}
