int sprintf(char *, const char *, ...);

void describe(char *out, const char *model, double rate, const char *fmt, __builtin_va_list ap)
{
	sprintf(out, "model %s", model); // expect: MDS-BAN-003
	sprintf(out, "rate %f", rate); // expect: MDS-BAN-003
	sprintf(out, "%*d", 10, 3); // expect: MDS-BAN-003
	sprintf(out, fmt, model); // expect: MDS-BAN-003
	vsprintf(out, fmt, ap); // expect: MDS-BAN-003
}
