/* The libclang front end as analyze.c sees it (no clang-c types here). */
#ifndef ASP_WALK_CLANG_H
#define ASP_WALK_CLANG_H

#include "ctx.h"

void *walk_clang_index_new(void);
void walk_clang_index_free(void *index);
/* Parses and walks u; findings land in ctx, notices in ctx->res. */
int walk_clang_unit(void *index, struct asp_ctx *ctx, const struct analyze_unit *u,
		    struct asp_error *err);

#endif
