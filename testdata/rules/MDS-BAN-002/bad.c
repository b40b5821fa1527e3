/* MDS-BAN-002: copies and appends that do not know the destination size. */
#include <stddef.h>
#include <string.h>
#include <wchar.h>

#define OPERATOR_ID_MAX 16u
#define SET_LABEL(dst, src) strcpy((dst), (src))

typedef char label_t[8];

struct pump_ctx {
	char operator_id[OPERATOR_ID_MAX];
	char status[32];
	label_t drug;
};

void set_operator(struct pump_ctx *ctx, const char *id)
{
	strcpy(ctx->operator_id, id); // expect: MDS-BAN-002
}

void append_alarm(char *reply, int alarm)
{
	if (alarm != 0)
		strcat(reply, " ALARM"); // expect: MDS-BAN-002
}

void status_text(struct pump_ctx *ctx, int ok)
{
	strcpy(ctx->status, "RUN");
	strcat(ctx->status, " OK"); // expect: MDS-BAN-002
	SET_LABEL(ctx->drug, ok ? "saline" : "heparin-sodium"); // expect: MDS-BAN-002
	strcpy(ctx->drug, "dextrose"); // expect: MDS-BAN-002
}

void copy_to_pointer(char *dst)
{
	/* the literal is short, but the destination size is unknown */
	strcpy(dst, "OK"); // expect: MDS-BAN-002
}

void wide_names(wchar_t *title, const wchar_t *name)
{
	wchar_t local[8];

	wcscpy(local, name); // expect: MDS-BAN-002
	wcscat(title, local); // expect: MDS-BAN-002
}

size_t copy_and_measure(char *dst, const char *src)
{
	return strlen(strcpy(dst, src)); // expect: MDS-BAN-002
}
