int printf(const char *, ...);
int snprintf(char *, unsigned long, const char *, ...);
int fprintf(void *, const char *, ...);
void syslog(int, const char *, ...);

struct msg { char *text; };

void log_event(void *out, const char *text, struct msg *m, char **lines)
{
	char buf[64];

	printf(text); // expect: MDS-FMT-001
	fprintf(out, m->text); // expect: MDS-FMT-001
	snprintf(buf, sizeof buf, lines[0]); // expect: MDS-FMT-001
	syslog(3, *lines); // expect: MDS-FMT-001
}
