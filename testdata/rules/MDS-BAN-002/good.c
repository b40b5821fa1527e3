/* MDS-BAN-002: literal copies that provably fit, and bounded copies. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

typedef char label_t[8];

struct pump_ctx {
	char operator_id[16];
	label_t drug;
	wchar_t unit[4];
};

#define DEFAULT_DRUG "saline"

int set_operator(struct pump_ctx *ctx, const char *id)
{
	int n = snprintf(ctx->operator_id, sizeof ctx->operator_id, "%s", id);

	if (n < 0 || (size_t)n >= sizeof ctx->operator_id)
		return -1;
	return 0;
}

void reset(struct pump_ctx *ctx, int infusing)
{
	char state[12];

	strcpy(ctx->operator_id, "none");
	strcpy(ctx->drug, "dextros");           /* 7 characters + NUL == 8 */
	strcpy(ctx->drug, DEFAULT_DRUG);
	strcpy((ctx->drug), infusing ? "run" : "idle");
	strcpy(state, "");
	wcscpy(ctx->unit, L"mL");
	(void)state;
}

size_t copy_bounded(char *dst, size_t len, const char *src)
{
	size_t n = strlen(src);

	if (len == 0u)
		return 0u;
	if (n >= len)
		n = len - 1u;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return n;
}
