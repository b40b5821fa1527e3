/* MDS-FMT-001: formats that are not string literals. */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

typedef enum { LOG_LVL_INFO, LOG_LVL_ERROR } log_level_t;

void log_event(log_level_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define PUMP_PRINTF(f, a) __attribute__((format(printf, f, a)))

void pump_trace(int channel, const char *fmt, ...) PUMP_PRINTF(2, 3);

#define PUMP_LOG_ERR(fmt, ...) log_event(LOG_LVL_ERROR, fmt, ##__VA_ARGS__)

struct display {
	const char *banner_fmt;
	int brightness;
};

static const char *g_messages[] = { "rate %d", "volume %d" };

void print_banner(const char *fw)
{
	char banner[64];

	(void)snprintf(banner, sizeof banner, "IP-200 v%s\r\n", fw);
	printf(banner); // expect: MDS-FMT-001
}

void echo_command(const char *line)
{
	log_event(LOG_LVL_INFO, line); // expect: MDS-FMT-001
	PUMP_LOG_ERR(line); // expect: MDS-FMT-001
	syslog(LOG_WARNING, line); // expect: MDS-FMT-001
	pump_trace(2, // expect: MDS-FMT-001
		   line);
}

void show(const struct display *d, int value)
{
	fprintf(stderr, d->banner_fmt, value); // expect: MDS-FMT-001
	printf(g_messages[value & 1], value); // expect: MDS-FMT-001
}

/* a variadic wrapper without the format attribute: its callers go unchecked */
void trace(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap); // expect: MDS-FMT-001
	va_end(ap);
}

/* an ordinary parameter used as a format */
void show_message(const char *msg)
{
	printf(msg); // expect: MDS-FMT-001
}

int format_reading(char *out, size_t len, int use_alt, int v)
{
	const char *fmt = "%d mL";   /* a pointer that could be reassigned */

	if (use_alt)
		fmt = "%d uL";
	return snprintf(out, len, fmt, v); // expect: MDS-FMT-001
}

/* the attribute names parameter 2, but parameter 3 is used as the format */
void log_pair(char *dst, const char *fmt, const char *raw, ...) __attribute__((format(printf, 2, 4)));

void log_pair(char *dst, const char *fmt, const char *raw, ...)
{
	va_list ap;

	va_start(ap, raw);
	(void)vsnprintf(dst, 64, raw, ap); // expect: MDS-FMT-001
	va_end(ap);
	(void)fmt;
}
