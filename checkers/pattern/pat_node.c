/*
 * asp_node accessors for tree-sitter nodes. The syntax tree has no types or
 * declarations: type questions answer "unknown", and names come from the
 * text. Every string returned lives in the TU arena.
 */
#include "pat_priv.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(TSNode) <= sizeof(((asp_node *)0)->opaque),
	       "asp_node must hold a TSNode");

static const asp_node null_node;

static int kind_of(TSNode n)
{
	static const struct { const char *type; int kind; } map[] = {
		{ "translation_unit", ASP_NODE_TRANSLATION_UNIT },
		{ "function_definition", ASP_NODE_FUNCTION },
		{ "declaration", ASP_NODE_VAR },
		{ "init_declarator", ASP_NODE_VAR },
		{ "parameter_declaration", ASP_NODE_PARAM },
		{ "field_declaration", ASP_NODE_FIELD },
		{ "struct_specifier", ASP_NODE_RECORD },
		{ "union_specifier", ASP_NODE_RECORD },
		{ "enum_specifier", ASP_NODE_ENUM },
		{ "type_definition", ASP_NODE_TYPEDEF },
		{ "compound_statement", ASP_NODE_COMPOUND },
		{ "if_statement", ASP_NODE_IF },
		{ "switch_statement", ASP_NODE_SWITCH },
		{ "case_statement", ASP_NODE_CASE },
		{ "while_statement", ASP_NODE_WHILE },
		{ "do_statement", ASP_NODE_DO },
		{ "for_statement", ASP_NODE_FOR },
		{ "goto_statement", ASP_NODE_GOTO },
		{ "labeled_statement", ASP_NODE_LABEL },
		{ "return_statement", ASP_NODE_RETURN },
		{ "call_expression", ASP_NODE_CALL },
		{ "identifier", ASP_NODE_DECL_REF },
		{ "field_expression", ASP_NODE_MEMBER_REF },
		{ "number_literal", ASP_NODE_INT_LITERAL },
		{ "char_literal", ASP_NODE_CHAR_LITERAL },
		{ "string_literal", ASP_NODE_STRING_LITERAL },
		{ "concatenated_string", ASP_NODE_STRING_LITERAL },
		{ "parenthesized_expression", ASP_NODE_PAREN },
		{ "unary_expression", ASP_NODE_UNARY_OP },
		{ "pointer_expression", ASP_NODE_UNARY_OP },
		{ "binary_expression", ASP_NODE_BINARY_OP },
		{ "assignment_expression", ASP_NODE_BINARY_OP },
		{ "conditional_expression", ASP_NODE_CONDITIONAL },
		{ "subscript_expression", ASP_NODE_SUBSCRIPT },
		{ "cast_expression", ASP_NODE_CAST },
		{ "sizeof_expression", ASP_NODE_SIZEOF },
		{ "initializer_list", ASP_NODE_INIT_LIST },
	};
	const char *t = ts_node_type(n);
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].type, t) == 0)
			return map[i].kind;
	return ASP_NODE_UNKNOWN;
}

asp_node pat_node_make(TSNode n)
{
	asp_node a = null_node;

	if (ts_node_is_null(n))
		return a;
	a.engine = ASP_ENGINE_PATTERN;
	a.kind = kind_of(n);
	memcpy(a.opaque, &n, sizeof n);
	return a;
}

TSNode pat_node_ts(asp_node a)
{
	TSNode n;

	memcpy(&n, a.opaque, sizeof n);
	return n;
}

static struct pat_front *front(struct asp_ctx *ctx)
{
	return ctx->front;
}

static const char *raw_text(struct asp_ctx *ctx, TSNode n, size_t cap)
{
	struct pat_front *f = front(ctx);
	uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);

	if (b > f->len)
		b = (uint32_t)f->len;
	if (a > b)
		a = b;
	if (b - a > cap)
		b = a + (uint32_t)cap;
	return arena_strndup(ctx->arena, f->src + a, b - a);
}

/* The name a declarator chain declares: the identifier at its core. */
static TSNode declared_name(TSNode n)
{
	unsigned guard = 0;

	while (!ts_node_is_null(n) && guard++ < 64) {
		const char *t = ts_node_type(n);

		if (strcmp(t, "identifier") == 0 || strcmp(t, "field_identifier") == 0)
			return n;
		n = ts_node_child_by_field_name(n, "declarator", 10);
	}
	return n;
}

static const char *pat_spelling(struct asp_ctx *ctx, asp_node a)
{
	TSNode n = pat_node_ts(a);
	const char *t = ts_node_type(n);

	if (strcmp(t, "function_definition") == 0 || strcmp(t, "init_declarator") == 0 ||
	    strcmp(t, "parameter_declaration") == 0) {
		TSNode id = declared_name(ts_node_child_by_field_name(n, "declarator", 10));

		if (!ts_node_is_null(id))
			return raw_text(ctx, id, 256);
	}
	if (strcmp(t, "call_expression") == 0)
		return raw_text(ctx, ts_node_child_by_field_name(n, "function", 8), 256);
	return raw_text(ctx, n, 256);
}

/* Source text with runs of white space (and comments' line breaks) collapsed. */
static const char *pat_text(struct asp_ctx *ctx, asp_node a, unsigned max_tokens)
{
	const char *raw = raw_text(ctx, pat_node_ts(a), (size_t)max_tokens * 8);
	char *out;
	size_t i, o = 0;
	int space = 0;

	if (!raw)
		return "";
	out = arena_alloc(ctx->arena, strlen(raw) + 1);
	if (!out)
		return raw;
	for (i = 0; raw[i]; i++) {
		char c = raw[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

static int pat_location(struct asp_ctx *ctx, asp_node a, struct asp_loc *out)
{
	TSNode n = pat_node_ts(a);
	TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);

	memset(out, 0, sizeof *out);
	out->file = front(ctx)->path;
	out->line = s.row + 1;
	out->column = s.column + 1;
	out->end_line = e.row + 1;
	out->end_column = e.column + 1;
	if (out->end_line == out->line && out->end_column <= out->column)
		out->end_column = out->column + 1;
	return 1;
}

static unsigned pat_child_count(struct asp_ctx *ctx, asp_node a)
{
	(void)ctx;
	return ts_node_named_child_count(pat_node_ts(a));
}

static asp_node pat_child(struct asp_ctx *ctx, asp_node a, unsigned i)
{
	(void)ctx;
	return pat_node_make(ts_node_named_child(pat_node_ts(a), i));
}

static asp_node pat_referenced(struct asp_ctx *ctx, asp_node a)
{
	(void)ctx;
	(void)a;
	return null_node;
}

static int pat_is_definition(asp_node a)
{
	return strcmp(ts_node_type(pat_node_ts(a)), "function_definition") == 0;
}

static enum asp_storage pat_storage(struct asp_ctx *ctx, asp_node a)
{
	(void)ctx;
	(void)a;
	return ASP_STORAGE_NONE;
}

static int pat_type(struct asp_ctx *ctx, asp_node a, struct asp_type *out)
{
	(void)ctx;
	(void)a;
	memset(out, 0, sizeof *out);
	out->size = out->array_len = out->pointee_size = -1;
	return 0;
}

static asp_node pat_sizeof_operand(struct asp_ctx *ctx, asp_node a)
{
	(void)ctx;
	(void)a;
	return null_node;
}

static int pat_int_value(struct asp_ctx *ctx, asp_node a, long long *out)
{
	TSNode n = pat_node_ts(a);
	const char *t;
	char *end = NULL;

	if (strcmp(ts_node_type(n), "number_literal") != 0)
		return 0;
	t = raw_text(ctx, n, 64);
	if (!t)
		return 0;
	*out = strtoll(t, &end, 0);
	while (end && (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L'))
		end++;
	return end && *end == '\0';
}

static const char *pat_string_value(struct asp_ctx *ctx, asp_node a, size_t *len)
{
	TSNode n = pat_node_ts(a);
	const char *t;
	size_t l;

	if (strcmp(ts_node_type(n), "string_literal") != 0)
		return NULL;
	t = raw_text(ctx, n, 1 << 20);
	if (!t)
		return NULL;
	l = strlen(t);
	if (l >= 2 && t[l - 1] == '"') {
		const char *q = strchr(t, '"');

		if (q && q < t + l - 1) {
			const char *v = arena_strndup(ctx->arena, q + 1, (size_t)(t + l - 1 - q - 1));

			if (v && len)
				*len = strlen(v);
			return v;
		}
	}
	return NULL;
}

static enum asp_op pat_op(struct asp_ctx *ctx, asp_node a)
{
	(void)ctx;
	(void)a;
	return ASP_OP_NONE;
}

static const char *pat_callee_name(struct asp_ctx *ctx, asp_node a)
{
	TSNode fn = ts_node_child_by_field_name(pat_node_ts(a), "function", 8);

	if (ts_node_is_null(fn) || strcmp(ts_node_type(fn), "identifier") != 0)
		return NULL;
	return raw_text(ctx, fn, 256);
}

static int pat_format_attr(struct asp_ctx *ctx, asp_node a, unsigned *f, unsigned *first,
			   int *is_scanf)
{
	(void)ctx; (void)a; (void)f; (void)first; (void)is_scanf;
	return 0;
}

static int pat_is_noreturn(struct asp_ctx *ctx, asp_node a)
{
	(void)ctx;
	(void)a;
	return 0;
}

static int pat_equal(asp_node a, asp_node b)
{
	return ts_node_eq(pat_node_ts(a), pat_node_ts(b));
}

static const char *pat_line_text(struct asp_ctx *ctx, const char *path, unsigned line)
{
	struct pat_front *f = front(ctx);
	const char *p = f->src, *end = f->src + f->len, *eol;
	unsigned cur = 1;

	(void)path;
	while (p < end && cur < line) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			return NULL;
		p = nl + 1;
		cur++;
	}
	if (cur != line)
		return NULL;
	eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol)
		eol = end;
	if (eol > p && eol[-1] == '\r')
		eol--;
	if (eol - p > 4096)
		eol = p + 4096;
	return arena_strndup(ctx->arena, p, (size_t)(eol - p));
}

static const char *pat_file_text(struct asp_ctx *ctx, const char *path, size_t *len)
{
	struct pat_front *f = front(ctx);

	*len = 0;
	if (!f->path || strcmp(f->path, path) != 0)
		return NULL;
	*len = f->len;
	return f->src;
}

static int is_statement_parent(const char *t)
{
	return strcmp(t, "compound_statement") == 0 || strcmp(t, "translation_unit") == 0 ||
	       strcmp(t, "case_statement") == 0 || strcmp(t, "labeled_statement") == 0 ||
	       strcmp(t, "if_statement") == 0 || strcmp(t, "while_statement") == 0 ||
	       strcmp(t, "do_statement") == 0 || strcmp(t, "for_statement") == 0 ||
	       strcmp(t, "switch_statement") == 0 || strcmp(t, "return_statement") == 0 ||
	       strcmp(t, "function_definition") == 0 || strcmp(t, "preproc_if") == 0 ||
	       strcmp(t, "preproc_ifdef") == 0 || strcmp(t, "preproc_else") == 0 ||
	       strcmp(t, "ERROR") == 0;
}

/* The statement a node belongs to, as the clang engine names it: climb while
   the parent is part of the same expression; an expression statement counts
   as its expression. */
static asp_node pat_statement(struct asp_ctx *ctx, asp_node a)
{
	TSNode n = pat_node_ts(a);
	unsigned guard = 0;

	(void)ctx;
	for (;;) {
		TSNode p = ts_node_parent(n);

		if (ts_node_is_null(p) || guard++ > 256 || is_statement_parent(ts_node_type(p)))
			break;
		if (strcmp(ts_node_type(p), "expression_statement") == 0)
			break;
		n = p;
	}
	return pat_node_make(n);
}

const struct node_ops node_pattern_ops = {
	.spelling = pat_spelling,
	.text = pat_text,
	.location = pat_location,
	.child_count = pat_child_count,
	.child = pat_child,
	.referenced = pat_referenced,
	.is_definition = pat_is_definition,
	.storage = pat_storage,
	.type = pat_type,
	.sizeof_type = pat_type,
	.sizeof_operand = pat_sizeof_operand,
	.int_value = pat_int_value,
	.string_value = pat_string_value,
	.op = pat_op,
	.callee_name = pat_callee_name,
	.format_attr = pat_format_attr,
	.is_noreturn = pat_is_noreturn,
	.equal = pat_equal,
	.line_text = pat_line_text,
	.statement = pat_statement,
	.file_text = pat_file_text,
};
