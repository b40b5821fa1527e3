/*
 * Return codes and the single error record every fallible function fills.
 * The first error set wins; later ones are dropped so the root cause stays.
 */
#ifndef ASP_BASE_ERROR_H
#define ASP_BASE_ERROR_H

#include <stdarg.h>

enum asp_rc {
	ASP_OK = 0,
	ASP_ERR = -1,       /* unexpected failure */
	ASP_ENOTFOUND = -2, /* a named input does not exist */
	ASP_EPARSE = -3,    /* an input could not be parsed */
	ASP_ECONFIG = -4,   /* configuration or rule file is invalid */
	ASP_EIO = -5,       /* reading or writing a file failed */
	ASP_EDB = -6,       /* the store failed */
	ASP_ENOMEM = -7,    /* out of memory */
	ASP_ELIMIT = -8,    /* a size or depth limit was reached */
	ASP_EUSAGE = -9,    /* bad command-line usage */
	ASP_EINTR = -10     /* stopped by the user (SIGINT); nothing was stored */
};

struct asp_error {
	int code;           /* enum asp_rc; ASP_OK when unset */
	char input[512];    /* file or object the error is about; may be empty */
	int line;           /* 1-based, 0 when unknown */
	int column;         /* 1-based, 0 when unknown */
	char message[1024];
};

/* Sets err (if not NULL and not already set) and returns code. */
int error_set(struct asp_error *err, int code, const char *input, int line,
	      int column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

void error_clear(struct asp_error *err);

/* Formats "input:line:col: message" into buf. */
void error_format(const struct asp_error *err, char *buf, unsigned long size);

const char *error_code_name(int code);

#endif
