/* MDS-BAN-003: formatted writes whose output is not bounded by the buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define FORMAT_TEMP(buf, t) sprintf((buf), "%.1f C", (t))

struct pump_status {
	int state;
	double rate_ml_h;
	const char *drug;
};

void status_reply(char *reply, const struct pump_status *st)
{
	sprintf(reply, "STATE=%d RATE=%.2f", st->state, st->rate_ml_h); // expect: MDS-BAN-003
}

void state_reply(char *reply, const struct pump_status *st)
{
	/* bounded output (at most 17 bytes) into a buffer of unknown size */
	sprintf(reply, "STATE=%d", st->state); // known-miss: MDS-BAN-003
}

void drug_label(const struct pump_status *st)
{
	char label[24];

	/* %s of a run-time string: its length is unknown */
	sprintf(label, "DRUG %s", st->drug); // expect: MDS-BAN-003
	puts(label);
}

void small_buffer(int code)
{
	char code_txt[4];

	/* "%d" can print "-2147483648": 12 bytes with the terminator */
	(void)sprintf(code_txt, "%d", code); // expect: MDS-BAN-003
	puts(code_txt);
}

void temperature(double t)
{
	char txt[16];

	FORMAT_TEMP(txt, t); // expect: MDS-BAN-003
	puts(txt);
}

void log_line(char *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void log_line(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsprintf(out, fmt, ap); // expect: MDS-BAN-003
	va_end(ap);
}

int width_from_caller(int width, int value)
{
	char txt[32];

	return sprintf(txt, "%*d", width, value); // expect: MDS-BAN-003
}
