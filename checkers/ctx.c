/*
 * The per-TU context as checkers see it (asp_ctx_*), and path helpers shared
 * by the front ends.
 */
#include "ctx.h"

#include <string.h>

static const asp_node null_node;

asp_node asp_ctx_function(struct asp_ctx *ctx)
{
	return ctx->function;
}

asp_node asp_ctx_parent(struct asp_ctx *ctx, unsigned up)
{
	/* stack[depth-1] is the node being visited */
	if (ctx->depth < up + 2)
		return null_node;
	return ctx->stack[ctx->depth - 2 - up];
}

void *asp_ctx_state(struct asp_ctx *ctx)
{
	return ctx->states[ctx->cur];
}

void asp_ctx_set_state(struct asp_ctx *ctx, void *state)
{
	ctx->states[ctx->cur] = state;
}

void *asp_ctx_alloc(struct asp_ctx *ctx, size_t size)
{
	return arena_alloc(ctx->arena, size);
}

/* Lexical normalisation: joins with cwd, removes ".", "..", and repeated '/'. */
const char *ctx_abspath(struct asp_ctx *ctx, const char *path, const char *cwd)
{
	size_t cap;
	char *buf, *out;
	const char *seg;
	size_t olen = 0;

	if (!path)
		return NULL;
	cap = strlen(path) + (cwd ? strlen(cwd) : 0) + 3;
	buf = arena_alloc(ctx->arena, cap);
	out = arena_alloc(ctx->arena, cap);
	if (!buf || !out)
		return path;
	if (path[0] == '/' || !cwd) {
		memcpy(buf, path, strlen(path) + 1);
	} else {
		size_t cl = strlen(cwd);

		memcpy(buf, cwd, cl);
		buf[cl] = '/';
		memcpy(buf + cl + 1, path, strlen(path) + 1);
	}
	seg = buf;
	while (*seg) {
		const char *end;
		size_t len;

		while (*seg == '/')
			seg++;
		if (!*seg)
			break;
		end = strchr(seg, '/');
		len = end ? (size_t)(end - seg) : strlen(seg);
		if (len == 1 && seg[0] == '.') {
			/* skip */
		} else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (olen > 0 && out[olen - 1] != '/')
				olen--;
			if (olen > 0)
				olen--;
		} else {
			out[olen++] = '/';
			memcpy(out + olen, seg, len);
			olen += len;
		}
		seg += len;
	}
	if (olen == 0)
		out[olen++] = '/';
	out[olen] = '\0';
	return out;
}

int ctx_in_root(const struct asp_ctx *ctx, const char *path)
{
	const char *root = ctx->opts->root;
	size_t n;

	if (!root || !root[0])
		return 1;
	if (!path)
		return 0;
	n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '/')
		return 1;
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}
