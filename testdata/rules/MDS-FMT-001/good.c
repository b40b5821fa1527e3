/* MDS-FMT-001: literal formats, constant formats and checked wrappers. */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#define FW_VERSION "2.4.1"
#define BANNER "IP-200 infusion controller v" FW_VERSION "\r\n"

typedef enum { LOG_LVL_INFO, LOG_LVL_ERROR } log_level_t;

void log_event(log_level_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vevent(log_level_t level, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
char *gettext(const char *msgid);

#define PUMP_PRINTF(f, a) __attribute__((format(printf, f, a)))

void pump_trace(int channel, const char *fmt, ...) PUMP_PRINTF(2, 3);

#define PUMP_LOG_ERR(fmt, ...) log_event(LOG_LVL_ERROR, fmt, ##__VA_ARGS__)
#define _(s) gettext(s)

static const char rate_fmt[] = "RATE %d mL/h\r\n";
static const char *const unit_fmt[] = { "%d mL", "%d uL" };
static const char *const volume_fmt = "VOL %d\r\n";

void print_banner(const char *line, int v, int alt)
{
	printf(BANNER);
	printf("%s\n", line);
	printf(alt ? "ALT %d\n" : "STD %d\n", v);
	printf((rate_fmt), v);
	printf(unit_fmt[alt & 1], v);
	printf(volume_fmt, v);
	printf(_("Rate %d\n"), v);
	log_event(LOG_LVL_INFO, "%s", line);
	PUMP_LOG_ERR("pressure %d kPa", v);
	syslog(LOG_WARNING, "%s", line);
	fputs(line, stdout);
	warn(NULL);   /* a null format: only the errno text is printed */
	warnx("%s", line);
}

/* wrappers that carry the attribute: the compiler checks their callers */
void log_vevent(log_level_t level, const char *fmt, va_list ap)
{
	char buf[48];

	(void)vsnprintf(buf, sizeof buf, fmt, ap);
	fprintf(stderr, "%d %s\n", (int)level, buf);
}

void log_event(log_level_t level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vevent(level, fmt, ap);
	va_end(ap);
}

/* the attribute comes through a macro: still a checked wrapper */
void pump_trace(int channel, const char *fmt, ...)
{
	char buf[48];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	fprintf(stderr, "ch%d %s\n", channel, buf);
}
