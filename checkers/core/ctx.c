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

#define CTX_MAX_UP 4096

/* Inside sizeof, or in the arm of if/?:/&&/|| that a constant condition rules out. */
int asp_ctx_not_evaluated(struct asp_ctx *ctx, asp_node n)
{
	asp_node below = n;
	unsigned i;
	long long v;

	for (i = 0; i < CTX_MAX_UP; i++) {
		asp_node p = asp_ctx_parent(ctx, i);

		switch (asp_node_kind(p)) {
		case ASP_NODE_UNKNOWN: case ASP_NODE_FUNCTION: case ASP_NODE_TRANSLATION_UNIT:
			return 0;
		case ASP_NODE_SIZEOF:
			return 1;
		case ASP_NODE_IF: case ASP_NODE_CONDITIONAL:
			if (asp_node_int_value(ctx, asp_node_child(ctx, p, 0), &v)) {
				if (asp_node_equal(asp_node_child(ctx, p, 1), below) && v == 0)
					return 1;
				if (asp_node_equal(asp_node_child(ctx, p, 2), below) && v != 0)
					return 1;
			}
			break;
		case ASP_NODE_BINARY_OP:
			if ((asp_node_operator(ctx, p) == ASP_OP_LAND ||
			     asp_node_operator(ctx, p) == ASP_OP_LOR) &&
			    asp_node_equal(asp_node_child(ctx, p, 1), below) &&
			    asp_node_int_value(ctx, asp_node_child(ctx, p, 0), &v) &&
			    (asp_node_operator(ctx, p) == ASP_OP_LAND ? v == 0 : v != 0))
				return 1;
			break;
		default:
			break;
		}
		if (asp_node_is_null(p))
			return 0;
		below = p;
	}
	return 0;
}
