/* MDS-BAN-003: bounded formatting, and sprintf calls that provably fit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

struct pump_status {
	int state;
	unsigned serial;
	const char *drug;
	char model[12];
};

/* sysfs-style: a bounded literal format into a buffer owned by the caller */
int show_serial(const struct pump_status *st, char *buf)
{
	return sprintf(buf, "%u\n", st->serial);
}

int show_model(const struct pump_status *st, char *buf)
{
	char line[24];   /* "MODEL " + at most 11 characters + "\n" */

	sprintf(line, "MODEL %s\n", st->model);
	return sprintf(buf, "%s", line);
}

int show_reply(char *buf, const unsigned char *frame, unsigned len)
{
	char response[20];

	if (len > sizeof response)
		return -1;
	memcpy(response, frame, len);
	response[sizeof response - 1u] = '\0';
	/* the text after the status byte, at most 18 characters */
	return sprintf(buf, "%s\n", &response[1]);
}

int status_reply(char *reply, size_t len, const struct pump_status *st)
{
	int n = snprintf(reply, len, "STATE=%d DRUG=%s", st->state, st->drug);

	return (n < 0 || (size_t)n >= len) ? -1 : 0;
}

void fixed_fields(const struct pump_status *st, unsigned char a, unsigned char b)
{
	char serial[16];    /* "%u": at most 10 digits */
	char mac[32];       /* two "%02x" and a colon */
	char tag[24];
	char name[16];

	sprintf(serial, "%u", st->serial);
	sprintf(mac, "%02x:%02x", a, b);
	sprintf(tag, "%s-%u", "IP200", st->serial);
	sprintf(name, "%.8s", st->drug);
	puts(serial);
	puts(mac);
	puts(tag);
	puts(name);
}

int log_line(char *out, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

int log_line(char *out, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, len, fmt, ap);
	va_end(ap);
	return n;
}

int wide_label(wchar_t *out, size_t len, int ch)
{
	return swprintf(out, len, L"CH%d", ch);
}
