int system(const char *);
void *popen(const char *, const char *);
int execl(const char *, const char *, ...);

void run_update(const char *cmd, char *built)
{
	system(cmd); // expect: MDS-INJ-001
	popen(built, "r"); // expect: MDS-INJ-001
	system("reboot"); // expect: MDS-INJ-001
	execl("/bin/sh", "sh", "-c", cmd, (char *)0); // expect: MDS-INJ-001
}
