#include <stdarg.h>
#include <stdio.h>

#define BANNER "pump v1\n"
static const char *const unit_fmt[] = { "%d ml\n", "%d ul\n" };

void log_event(const char *text, int v, const char *fmt, va_list ap)
{
	char buf[64];

	printf("%s\n", text);
	printf(BANNER);
	printf(unit_fmt[v & 1], v);
	/* a wrapper forwarding a checked format */
	vsnprintf(buf, sizeof buf, fmt, ap);
}
