/* The error record: first error wins, formatting is bounded. */
#include "base/error.h"

#include <stdio.h>
#include <string.h>

int error_set(struct asp_error *err, int code, const char *input, int line,
	      int column, const char *fmt, ...)
{
	va_list ap;

	if (!err || err->code != ASP_OK)
		return code;
	err->code = code;
	snprintf(err->input, sizeof err->input, "%s", input ? input : "");
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return code;
}

void error_clear(struct asp_error *err)
{
	if (err)
		memset(err, 0, sizeof *err);
}

void error_format(const struct asp_error *err, char *buf, unsigned long size)
{
	if (!size)
		return;
	if (!err->input[0])
		snprintf(buf, size, "%s", err->message);
	else if (err->line > 0 && err->column > 0)
		snprintf(buf, size, "%s:%d:%d: %s", err->input, err->line,
			 err->column, err->message);
	else if (err->line > 0)
		snprintf(buf, size, "%s:%d: %s", err->input, err->line,
			 err->message);
	else
		snprintf(buf, size, "%s: %s", err->input, err->message);
}

const char *error_code_name(int code)
{
	switch (code) {
	case ASP_OK: return "ok";
	case ASP_ENOTFOUND: return "not found";
	case ASP_EPARSE: return "parse error";
	case ASP_ECONFIG: return "configuration error";
	case ASP_EIO: return "I/O error";
	case ASP_EDB: return "database error";
	case ASP_ENOMEM: return "out of memory";
	case ASP_ELIMIT: return "limit reached";
	case ASP_EUSAGE: return "usage error";
	case ASP_EINTR: return "interrupted";
	default: return "error";
	}
}
