/*
 * What the libclang front end shares between walk_clang.c, node_clang.c and
 * kind_clang.c. Only these files (and flow/cfg.c) include clang-c headers.
 */
#ifndef ASP_CLANG_FRONT_H
#define ASP_CLANG_FRONT_H

#include <clang-c/Index.h>

#include "ctx.h"

struct clang_front {
	CXTranslationUnit tu;
	const char *cwd;            /* working directory of the compile command */
	/* one-entry cache of a node's children */
	CXCursor cached;
	int cache_valid;
	CXCursor *children;
	unsigned nchildren;
};

enum asp_node_kind kind_clang_map(enum CXCursorKind k);
asp_node node_clang_make(CXCursor c);
CXCursor node_clang_cursor(asp_node n);
/* Copies a CXString into the arena and disposes it; never NULL. */
const char *node_clang_take(struct asp_ctx *ctx, CXString s);
/* Real, absolute path of a file; arena. */
const char *node_clang_file_path(struct asp_ctx *ctx, CXFile f);

#endif
