/*
 * asp_node accessors: forward to the front end that made the node. Checkers
 * call only these; none of them sees a front-end type.
 */
#include "ctx.h"

static const struct node_ops *const engines[ASP_ENGINE__COUNT] = {
	[ASP_ENGINE_CLANG] = &node_clang_ops,
	[ASP_ENGINE_PATTERN] = &node_pattern_ops,
};

static const struct node_ops *ops(asp_node n)
{
	if (n.engine <= 0 || n.engine >= ASP_ENGINE__COUNT)
		return NULL;
	return engines[n.engine];
}

static const asp_node null_node;

enum asp_node_kind asp_node_kind(asp_node n)
{
	return (enum asp_node_kind)n.kind;
}

int asp_node_is_null(asp_node n)
{
	return n.engine == 0;
}

int asp_node_equal(asp_node a, asp_node b)
{
	const struct node_ops *o = ops(a);

	if (a.engine != b.engine)
		return 0;
	return o ? o->equal(a, b) : 1;
}

const char *asp_node_spelling(struct asp_ctx *ctx, asp_node n)
{
	const struct node_ops *o = ops(n);
	return o ? o->spelling(ctx, n) : "";
}

const char *asp_node_text(struct asp_ctx *ctx, asp_node n, unsigned max_tokens)
{
	const struct node_ops *o = ops(n);
	return o ? o->text(ctx, n, max_tokens ? max_tokens : 256) : "";
}

int asp_node_location(struct asp_ctx *ctx, asp_node n, struct asp_loc *out)
{
	const struct node_ops *o = ops(n);
	return o ? o->location(ctx, n, out) : 0;
}

unsigned asp_node_child_count(struct asp_ctx *ctx, asp_node n)
{
	const struct node_ops *o = ops(n);
	return o ? o->child_count(ctx, n) : 0;
}

asp_node asp_node_child(struct asp_ctx *ctx, asp_node n, unsigned i)
{
	const struct node_ops *o = ops(n);
	return o ? o->child(ctx, n, i) : null_node;
}

asp_node asp_node_strip(struct asp_ctx *ctx, asp_node n)
{
	unsigned guard = 0;

	while ((n.kind == ASP_NODE_PAREN || n.kind == ASP_NODE_IMPLICIT) &&
	       guard++ < 64) {
		if (asp_node_child_count(ctx, n) != 1)
			break;
		n = asp_node_child(ctx, n, 0);
	}
	return n;
}

asp_node asp_node_referenced(struct asp_ctx *ctx, asp_node n)
{
	const struct node_ops *o = ops(n);
	return o ? o->referenced(ctx, n) : null_node;
}

int asp_node_is_definition(asp_node n)
{
	const struct node_ops *o = ops(n);
	return o ? o->is_definition(n) : 0;
}

enum asp_storage asp_node_storage(struct asp_ctx *ctx, asp_node n)
{
	const struct node_ops *o = ops(n);
	return o ? o->storage(ctx, n) : ASP_STORAGE_NONE;
}

int asp_node_type(struct asp_ctx *ctx, asp_node n, struct asp_type *out)
{
	const struct node_ops *o = ops(n);
	return o ? o->type(ctx, n, out) : 0;
}

int asp_node_sizeof_type(struct asp_ctx *ctx, asp_node n, struct asp_type *out)
{
	const struct node_ops *o = ops(n);
	return o ? o->sizeof_type(ctx, n, out) : 0;
}

asp_node asp_node_sizeof_operand(struct asp_ctx *ctx, asp_node n)
{
	const struct node_ops *o = ops(n);
	return o ? o->sizeof_operand(ctx, n) : null_node;
}

int asp_node_int_value(struct asp_ctx *ctx, asp_node n, long long *out)
{
	const struct node_ops *o = ops(n);
	return o ? o->int_value(ctx, n, out) : 0;
}

const char *asp_node_string_value(struct asp_ctx *ctx, asp_node n, size_t *len)
{
	const struct node_ops *o = ops(n);
	return o ? o->string_value(ctx, n, len) : NULL;
}

enum asp_op asp_node_operator(struct asp_ctx *ctx, asp_node n)
{
	const struct node_ops *o = ops(n);
	return o ? o->op(ctx, n) : ASP_OP_NONE;
}

const char *asp_node_callee_name(struct asp_ctx *ctx, asp_node call)
{
	const struct node_ops *o = ops(call);
	return o && call.kind == ASP_NODE_CALL ? o->callee_name(ctx, call) : NULL;
}

unsigned asp_node_arg_count(struct asp_ctx *ctx, asp_node call)
{
	unsigned n = asp_node_child_count(ctx, call);
	return call.kind == ASP_NODE_CALL && n > 0 ? n - 1 : 0;
}

asp_node asp_node_arg(struct asp_ctx *ctx, asp_node call, unsigned i)
{
	if (i >= asp_node_arg_count(ctx, call))
		return null_node;
	return asp_node_child(ctx, call, i + 1);
}

int asp_node_format_attr(struct asp_ctx *ctx, asp_node fn, unsigned *fmt_index,
			 unsigned *first_arg, int *is_scanf)
{
	const struct node_ops *o = ops(fn);
	return o ? o->format_attr(ctx, fn, fmt_index, first_arg, is_scanf) : 0;
}

int asp_node_is_noreturn(struct asp_ctx *ctx, asp_node fn)
{
	const struct node_ops *o = ops(fn);
	return o ? o->is_noreturn(ctx, fn) : 0;
}

const char *node_line_text(struct asp_ctx *ctx, asp_node n, const char *path, unsigned line)
{
	const struct node_ops *o = ops(n);
	return o ? o->line_text(ctx, path, line) : NULL;
}

asp_node node_statement(struct asp_ctx *ctx, asp_node n)
{
	const struct node_ops *o = ops(n);
	return o && o->statement ? o->statement(ctx, n) : n;
}

const char *node_file_text(struct asp_ctx *ctx, asp_node n, const char *path, size_t *len)
{
	const struct node_ops *o = ops(n);

	*len = 0;
	return o && o->file_text ? o->file_text(ctx, path, len) : NULL;
}
