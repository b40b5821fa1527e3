/*
 * asp_node accessors for libclang cursors. Every CXString is copied into the
 * TU arena and disposed here; no checker ever holds one.
 */
#include "clang_front.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(CXCursor) <= sizeof(((asp_node *)0)->opaque),
	       "asp_node must hold a CXCursor");

static const asp_node null_node;

asp_node node_clang_make(CXCursor c)
{
	asp_node n = null_node;

	if (clang_Cursor_isNull(c))
		return n;
	n.engine = ASP_ENGINE_CLANG;
	n.kind = kind_clang_map(clang_getCursorKind(c));
	memcpy(n.opaque, &c, sizeof c);
	return n;
}

CXCursor node_clang_cursor(asp_node n)
{
	CXCursor c;

	memcpy(&c, n.opaque, sizeof c);
	return c;
}

static struct clang_front *front(struct asp_ctx *ctx)
{
	return ctx->front;
}

const char *node_clang_take(struct asp_ctx *ctx, CXString s)
{
	const char *p = clang_getCString(s);
	const char *copy = arena_strdup(ctx->arena, p ? p : "");

	clang_disposeString(s);
	return copy ? copy : "";
}

const char *node_clang_file_path(struct asp_ctx *ctx, CXFile f)
{
	const char *real, *name;

	if (!f)
		return NULL;
	real = node_clang_take(ctx, clang_File_tryGetRealPathName(f));
	if (real[0] == '/')
		return real;
	name = node_clang_take(ctx, clang_getFileName(f));
	return ctx_abspath(ctx, name, front(ctx)->cwd);
}

static int clang_equal(asp_node a, asp_node b)
{
	return clang_equalCursors(node_clang_cursor(a), node_clang_cursor(b)) != 0;
}

static const char *clang_spelling(struct asp_ctx *ctx, asp_node n)
{
	return node_clang_take(ctx, clang_getCursorSpelling(node_clang_cursor(n)));
}

static const char *clang_line_text(struct asp_ctx *ctx, const char *path, unsigned line);

/*
 * Text of a node that comes out of a macro expansion: its tokens live in the
 * macro's definition, so the stable text is the invoking source line, with
 * white space collapsed.
 */
static const char *macro_site_text(struct asp_ctx *ctx, CXSourceLocation start)
{
	CXFile f = NULL;
	unsigned line = 0;
	const char *raw, *p;
	char *out, *o;

	clang_getExpansionLocation(start, &f, &line, NULL, NULL);
	raw = f ? clang_line_text(ctx, node_clang_file_path(ctx, f), line) : NULL;
	if (!raw)
		return "";
	out = arena_alloc(ctx->arena, strlen(raw) + 1);
	if (!out)
		return "";
	for (o = out, p = raw; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
			continue;
		}
		*o++ = *p;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

static const char *clang_text(struct asp_ctx *ctx, asp_node n, unsigned max_tokens)
{
	CXTranslationUnit tu = front(ctx)->tu;
	CXToken *toks = NULL;
	unsigned ntoks = 0, i, soff = 0, eoff = 0;
	size_t len = 0, cap = 0;
	char *out = NULL;
	CXSourceRange extent = clang_getCursorExtent(node_clang_cursor(n));
	CXSourceLocation start = clang_getRangeStart(extent);
	CXFile sf = NULL, ef = NULL;

	clang_getSpellingLocation(start, &sf, NULL, NULL, &soff);
	clang_getExpansionLocation(start, &ef, NULL, NULL, &eoff);
	if (sf && ef && (!clang_File_isEqual(sf, ef) || soff != eoff))
		return macro_site_text(ctx, start);
	clang_tokenize(tu, extent, &toks, &ntoks);
	for (i = 0; i < ntoks && i < max_tokens; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *p = clang_getCString(s);
		size_t l = p ? strlen(p) : 0;

		if (len + l + 2 > cap) {
			size_t ncap = (cap ? cap * 2 : 128) + l;
			out = arena_grow(ctx->arena, out, cap, ncap);
			cap = out ? ncap : 0;
		}
		if (out) {
			if (len)
				out[len++] = ' ';
			memcpy(out + len, p ? p : "", l);
			len += l;
			out[len] = '\0';
		}
		clang_disposeString(s);
	}
	if (toks)
		clang_disposeTokens(tu, toks, ntoks);
	return out ? out : "";
}

static int clang_location(struct asp_ctx *ctx, asp_node n, struct asp_loc *out)
{
	CXSourceRange r = clang_getCursorExtent(node_clang_cursor(n));
	CXFile f = NULL, fe = NULL;
	unsigned line, col, eline, ecol;

	memset(out, 0, sizeof *out);
	clang_getExpansionLocation(clang_getRangeStart(r), &f, &line, &col, NULL);
	clang_getExpansionLocation(clang_getRangeEnd(r), &fe, &eline, &ecol, NULL);
	if (!f)
		return 0;
	out->file = node_clang_file_path(ctx, f);
	out->line = line;
	out->column = col;
	if (fe && clang_File_isEqual(f, fe) && eline >= line) {
		out->end_line = eline;
		out->end_column = ecol;
	} else {
		out->end_line = line;
		out->end_column = col + 1;
	}
	if (out->end_line == out->line && out->end_column <= out->column)
		out->end_column = out->column + 1;
	return out->file != NULL;
}

struct collect {
	CXCursor *items;
	unsigned n, cap;
};

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct collect *col = data;

	(void)parent;
	if (col->n == col->cap) {
		unsigned ncap = col->cap ? col->cap * 2 : 8;
		CXCursor *p = realloc(col->items, ncap * sizeof *p);

		if (!p)
			return CXChildVisit_Break;
		col->items = p;
		col->cap = ncap;
	}
	col->items[col->n++] = c;
	return CXChildVisit_Continue;
}

/* Children of one node are cached: checkers ask for count, then each child. */
static int load_children(struct asp_ctx *ctx, asp_node n)
{
	struct clang_front *fr = front(ctx);
	CXCursor c = node_clang_cursor(n);
	struct collect col = { NULL, 0, 0 };

	if (fr->cache_valid && clang_equalCursors(fr->cached, c))
		return 1;
	clang_visitChildren(c, collect_child, &col);
	free(fr->children);
	fr->children = col.items;
	fr->nchildren = col.n;
	fr->cached = c;
	fr->cache_valid = 1;
	return 1;
}

static unsigned clang_child_count(struct asp_ctx *ctx, asp_node n)
{
	load_children(ctx, n);
	return front(ctx)->nchildren;
}

static asp_node clang_child(struct asp_ctx *ctx, asp_node n, unsigned i)
{
	load_children(ctx, n);
	if (i >= front(ctx)->nchildren)
		return null_node;
	return node_clang_make(front(ctx)->children[i]);
}

static asp_node clang_referenced(struct asp_ctx *ctx, asp_node n)
{
	(void)ctx;
	return node_clang_make(clang_getCursorReferenced(node_clang_cursor(n)));
}

static int clang_is_definition(asp_node n)
{
	return clang_isCursorDefinition(node_clang_cursor(n)) != 0;
}

static enum asp_storage clang_storage(struct asp_ctx *ctx, asp_node n)
{
	CXCursor c = node_clang_cursor(n);
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(c);
	CXCursor parent = clang_getCursorSemanticParent(c);
	int local;

	(void)ctx;
	if (n.kind == ASP_NODE_PARAM)
		return ASP_STORAGE_PARAM;
	if (n.kind != ASP_NODE_VAR && n.kind != ASP_NODE_FUNCTION)
		return ASP_STORAGE_NONE;
	local = clang_getCursorKind(parent) == CXCursor_FunctionDecl;
	if (local) {
		if (sc == CX_SC_Static)
			return ASP_STORAGE_LOCAL_STATIC;
		if (sc == CX_SC_Extern)
			return ASP_STORAGE_EXTERN;
		return ASP_STORAGE_LOCAL;
	}
	if (sc == CX_SC_Static)
		return ASP_STORAGE_FILE_STATIC;
	if (!clang_isCursorDefinition(c) && sc == CX_SC_Extern)
		return ASP_STORAGE_EXTERN;
	return ASP_STORAGE_GLOBAL;
}

static unsigned type_flags(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	unsigned f = 0;

	if (clang_isConstQualifiedType(c))
		f |= ASP_TYPE_CONST;
	if (clang_isVolatileQualifiedType(c))
		f |= ASP_TYPE_VOLATILE;
	switch (c.kind) {
	case CXType_Pointer:
	case CXType_BlockPointer:
		f |= ASP_TYPE_POINTER;
		break;
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_DependentSizedArray:
		f |= ASP_TYPE_ARRAY;
		break;
	case CXType_VariableArray:
		f |= ASP_TYPE_ARRAY | ASP_TYPE_VLA;
		break;
	case CXType_Char_S: case CXType_SChar: case CXType_WChar:
		f |= ASP_TYPE_INTEGER | ASP_TYPE_SIGNED | ASP_TYPE_CHAR;
		break;
	case CXType_Char_U: case CXType_UChar:
		f |= ASP_TYPE_INTEGER | ASP_TYPE_CHAR;
		break;
	case CXType_Short: case CXType_Int: case CXType_Long:
	case CXType_LongLong: case CXType_Int128:
		f |= ASP_TYPE_INTEGER | ASP_TYPE_SIGNED;
		break;
	case CXType_Bool: case CXType_UShort: case CXType_UInt: case CXType_ULong:
	case CXType_ULongLong: case CXType_UInt128: case CXType_Char16:
	case CXType_Char32:
		f |= ASP_TYPE_INTEGER;
		break;
	case CXType_Enum: {
		CXType it = clang_getEnumDeclIntegerType(clang_getTypeDeclaration(c));
		f |= ASP_TYPE_INTEGER | (type_flags(it) & ASP_TYPE_SIGNED);
		break;
	}
	case CXType_Float: case CXType_Double: case CXType_LongDouble:
	case CXType_Float128: case CXType_Half: case CXType_Float16:
		f |= ASP_TYPE_FLOAT;
		break;
	case CXType_Record:
		f |= ASP_TYPE_RECORD;
		break;
	case CXType_FunctionProto:
	case CXType_FunctionNoProto:
		f |= ASP_TYPE_FUNCTION;
		if (clang_isFunctionTypeVariadic(c))
			f |= ASP_TYPE_VARIADIC;
		break;
	case CXType_Void:
		f |= ASP_TYPE_VOID;
		break;
	default:
		break;
	}
	return f;
}

static void fill_type(struct asp_ctx *ctx, CXType t, struct asp_type *out)
{
	CXType canon = clang_getCanonicalType(t);
	CXType inner = { CXType_Invalid, { NULL, NULL } };
	long long sz;

	memset(out, 0, sizeof *out);
	out->flags = type_flags(t);
	sz = clang_Type_getSizeOf(t);
	out->size = sz >= 0 ? sz : -1;
	out->array_len = canon.kind == CXType_ConstantArray ? clang_getArraySize(canon) : -1;
	out->bits = (out->flags & ASP_TYPE_INTEGER) && out->size > 0 ? (unsigned)out->size * 8 : 0;
	out->spelling = node_clang_take(ctx, clang_getTypeSpelling(t));
	out->canonical = node_clang_take(ctx, clang_getTypeSpelling(canon));
	out->pointee_size = -1;
	if (out->flags & ASP_TYPE_POINTER)
		inner = clang_getPointeeType(canon);
	else if (out->flags & ASP_TYPE_ARRAY)
		inner = clang_getArrayElementType(canon);
	if (inner.kind != CXType_Invalid) {
		CXType ic = clang_getCanonicalType(inner);

		out->pointee = node_clang_take(ctx, clang_getTypeSpelling(ic));
		sz = clang_Type_getSizeOf(ic);
		out->pointee_size = sz >= 0 ? sz : -1;
		out->pointee_flags = type_flags(ic);
	}
}

static int clang_type(struct asp_ctx *ctx, asp_node n, struct asp_type *out)
{
	CXType t = clang_getCursorType(node_clang_cursor(n));

	if (t.kind == CXType_Invalid) {
		memset(out, 0, sizeof *out);
		out->size = out->array_len = out->pointee_size = -1;
		return 0;
	}
	fill_type(ctx, t, out);
	return 1;
}

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	*(CXCursor *)d = c;
	return CXChildVisit_Break;
}

static asp_node clang_sizeof_operand(struct asp_ctx *ctx, asp_node n)
{
	CXCursor child = clang_getNullCursor();

	(void)ctx;
	if (n.kind != ASP_NODE_SIZEOF)
		return null_node;
	clang_visitChildren(node_clang_cursor(n), first_child, &child);
	if (clang_Cursor_isNull(child) || !clang_isExpression(clang_getCursorKind(child)))
		return null_node;
	return node_clang_make(child);
}

/*
 * libclang has no accessor for the type in sizeof(type-name), so the type is
 * read from the tokens: a '*' at bracket depth 0 makes it a pointer.
 */
static int clang_sizeof_type(struct asp_ctx *ctx, asp_node n, struct asp_type *out)
{
	asp_node op = clang_sizeof_operand(ctx, n);
	CXTranslationUnit tu = front(ctx)->tu;
	CXToken *toks = NULL;
	unsigned ntoks = 0, i, first = 0, last = 0, stars = 0;
	int depth = 0;
	CXEvalResult ev;

	if (n.kind != ASP_NODE_SIZEOF)
		return 0;
	if (!asp_node_is_null(op))
		return clang_type(ctx, op, out);
	memset(out, 0, sizeof *out);
	out->size = out->array_len = out->pointee_size = -1;
	clang_tokenize(tu, clang_getCursorExtent(node_clang_cursor(n)), &toks, &ntoks);
	for (i = 0; i < ntoks; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *p = clang_getCString(s);

		if (p && strcmp(p, "(") == 0) {
			if (depth++ == 0)
				first = i + 1;
		} else if (p && strcmp(p, ")") == 0) {
			if (--depth == 0)
				last = i;
		} else if (p && strcmp(p, "*") == 0 && depth == 1) {
			stars++;
		}
		clang_disposeString(s);
	}
	if (first && last > first) {
		char *buf = NULL;
		size_t len = 0;

		for (i = first; i < last; i++) {
			const char *p = node_clang_take(ctx, clang_getTokenSpelling(tu, toks[i]));
			size_t l = strlen(p);
			char *nb = arena_grow(ctx->arena, buf, len ? len + 1 : 0, len + l + 2);

			if (!nb)
				break;
			buf = nb;
			if (len)
				buf[len++] = ' ';
			memcpy(buf + len, p, l + 1);
			len += l;
		}
		out->spelling = out->canonical = buf ? buf : "";
	}
	if (toks)
		clang_disposeTokens(tu, toks, ntoks);
	if (stars)
		out->flags |= ASP_TYPE_POINTER;
	ev = clang_Cursor_Evaluate(node_clang_cursor(n));
	if (ev) {
		if (clang_EvalResult_getKind(ev) == CXEval_Int)
			out->size = clang_EvalResult_getAsLongLong(ev);
		clang_EvalResult_dispose(ev);
	}
	return 1;
}

static int clang_int_value(struct asp_ctx *ctx, asp_node n, long long *out)
{
	CXCursor c = node_clang_cursor(n);
	CXEvalResult ev;
	int ok = 0;

	(void)ctx;
	if (!clang_isExpression(clang_getCursorKind(c)))
		return 0;
	ev = clang_Cursor_Evaluate(c);
	if (!ev)
		return 0;
	if (clang_EvalResult_getKind(ev) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(ev)) {
			unsigned long long u = clang_EvalResult_getAsUnsigned(ev);
			*out = u > (unsigned long long)LLONG_MAX ? LLONG_MAX : (long long)u;
		} else {
			*out = clang_EvalResult_getAsLongLong(ev);
		}
		ok = 1;
	}
	clang_EvalResult_dispose(ev);
	return ok;
}

static int octal_digit(char c)
{
	return c >= '0' && c <= '7';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * libclang spells a string literal cursor as the literal's value, already
 * concatenated and macro-expanded, re-escaped by clang (simple escapes,
 * three-digit octal for other bytes, \x or \u for wide characters).
 * Decoding that spelling gives the bytes; clang_Cursor_Evaluate does not
 * evaluate literals that are not variable initialisers. Characters that do
 * not fit a byte (wide literals) become '?'.
 */
static const char *clang_string_value(struct asp_ctx *ctx, asp_node n, size_t *len)
{
	const char *sp, *p;
	char *out;
	size_t o = 0;

	if (n.kind != ASP_NODE_STRING_LITERAL)
		return NULL;
	sp = clang_spelling(ctx, n);
	p = strchr(sp, '"');
	if (!p || strspn(sp, "LuU8") != (size_t)(p - sp))
		return NULL;
	out = arena_alloc(ctx->arena, strlen(p) + 1);
	if (!out)
		return NULL;
	for (p++; *p && *p != '"'; p++) {
		unsigned v;
		int h;

		if (*p != '\\') {
			out[o++] = *p;
			continue;
		}
		p++;
		switch (*p) {
		case 'a': out[o++] = '\a'; break;
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'v': out[o++] = '\v'; break;
		case 'x': case 'u': case 'U':
			for (v = 0; (h = hex_value(p[1])) >= 0; p++)
				if (v < 0x1000000u)
					v = v * 16 + (unsigned)h;
			out[o++] = v < 256 ? (char)v : '?';
			break;
		case '\0':
			return NULL;
		default:
			if (octal_digit(*p)) {
				v = (unsigned)(*p - '0');
				if (octal_digit(p[1]))
					v = v * 8 + (unsigned)(*++p - '0');
				if (octal_digit(p[1]))
					v = v * 8 + (unsigned)(*++p - '0');
				out[o++] = (char)(v & 0xffu);
			} else {
				out[o++] = *p;   /* \\ \" \' \? */
			}
			break;
		}
	}
	out[o] = '\0';
	if (len)
		*len = o;
	return out;
}

/* sizeof or _Alignof: read the keyword where it is spelled (in a macro's
   definition when the expression comes from one). */
static enum asp_op trait_keyword(struct asp_ctx *ctx, CXCursor c)
{
	CXTranslationUnit tu = front(ctx)->tu;
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
	CXFile f = NULL;
	unsigned off = 0, n = 0;
	CXToken *toks = NULL;
	enum asp_op op = ASP_OP_SIZEOF;

	clang_getSpellingLocation(start, &f, NULL, NULL, &off);
	if (!f)
		return op;
	start = clang_getLocationForOffset(tu, f, off);
	clang_tokenize(tu, clang_getRange(start, start), &toks, &n);
	if (n > 0) {
		CXString s = clang_getTokenSpelling(tu, toks[0]);
		const char *p = clang_getCString(s);

		if (p && strstr(p, "lignof"))
			op = ASP_OP_ALIGNOF;
		clang_disposeString(s);
	}
	if (toks)
		clang_disposeTokens(tu, toks, n);
	return op;
}

static enum asp_op clang_op(struct asp_ctx *ctx, asp_node n)
{
	CXCursor c = node_clang_cursor(n);

	if (n.kind == ASP_NODE_SIZEOF)
		return trait_keyword(ctx, c);
	if (n.kind == ASP_NODE_BINARY_OP || n.kind == ASP_NODE_COMPOUND_ASSIGN) {
		switch (clang_getCursorBinaryOperatorKind(c)) {
		case CXBinaryOperator_Mul: return ASP_OP_MUL;
		case CXBinaryOperator_Div: return ASP_OP_DIV;
		case CXBinaryOperator_Rem: return ASP_OP_REM;
		case CXBinaryOperator_Add: return ASP_OP_ADD;
		case CXBinaryOperator_Sub: return ASP_OP_SUB;
		case CXBinaryOperator_Shl: return ASP_OP_SHL;
		case CXBinaryOperator_Shr: return ASP_OP_SHR;
		case CXBinaryOperator_LT: return ASP_OP_LT;
		case CXBinaryOperator_GT: return ASP_OP_GT;
		case CXBinaryOperator_LE: return ASP_OP_LE;
		case CXBinaryOperator_GE: return ASP_OP_GE;
		case CXBinaryOperator_EQ: return ASP_OP_EQ;
		case CXBinaryOperator_NE: return ASP_OP_NE;
		case CXBinaryOperator_And: return ASP_OP_AND;
		case CXBinaryOperator_Xor: return ASP_OP_XOR;
		case CXBinaryOperator_Or: return ASP_OP_OR;
		case CXBinaryOperator_LAnd: return ASP_OP_LAND;
		case CXBinaryOperator_LOr: return ASP_OP_LOR;
		case CXBinaryOperator_Assign: return ASP_OP_ASSIGN;
		case CXBinaryOperator_MulAssign: return ASP_OP_MUL_ASSIGN;
		case CXBinaryOperator_DivAssign: return ASP_OP_DIV_ASSIGN;
		case CXBinaryOperator_RemAssign: return ASP_OP_REM_ASSIGN;
		case CXBinaryOperator_AddAssign: return ASP_OP_ADD_ASSIGN;
		case CXBinaryOperator_SubAssign: return ASP_OP_SUB_ASSIGN;
		case CXBinaryOperator_ShlAssign: return ASP_OP_SHL_ASSIGN;
		case CXBinaryOperator_ShrAssign: return ASP_OP_SHR_ASSIGN;
		case CXBinaryOperator_AndAssign: return ASP_OP_AND_ASSIGN;
		case CXBinaryOperator_XorAssign: return ASP_OP_XOR_ASSIGN;
		case CXBinaryOperator_OrAssign: return ASP_OP_OR_ASSIGN;
		case CXBinaryOperator_Comma: return ASP_OP_COMMA;
		default: return ASP_OP_OTHER;
		}
	}
	if (n.kind == ASP_NODE_UNARY_OP) {
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_PostInc: return ASP_OP_POST_INC;
		case CXUnaryOperator_PostDec: return ASP_OP_POST_DEC;
		case CXUnaryOperator_PreInc: return ASP_OP_PRE_INC;
		case CXUnaryOperator_PreDec: return ASP_OP_PRE_DEC;
		case CXUnaryOperator_AddrOf: return ASP_OP_ADDR_OF;
		case CXUnaryOperator_Deref: return ASP_OP_DEREF;
		case CXUnaryOperator_Plus: return ASP_OP_PLUS;
		case CXUnaryOperator_Minus: return ASP_OP_MINUS;
		case CXUnaryOperator_Not: return ASP_OP_NOT;
		case CXUnaryOperator_LNot: return ASP_OP_LNOT;
		default: return ASP_OP_OTHER;
		}
	}
	return ASP_OP_NONE;
}

static const char *clang_callee_name(struct asp_ctx *ctx, asp_node call)
{
	CXCursor ref = clang_getCursorReferenced(node_clang_cursor(call));

	if (clang_Cursor_isNull(ref)) {
		/* (f)(x): libclang resolves no declaration through the parentheses */
		CXCursor c = clang_getNullCursor();
		unsigned guard = 0;

		clang_visitChildren(node_clang_cursor(call), first_child, &c);
		while ((clang_getCursorKind(c) == CXCursor_ParenExpr ||
			clang_getCursorKind(c) == CXCursor_UnexposedExpr) && guard++ < 8) {
			CXCursor inner = clang_getNullCursor();

			clang_visitChildren(c, first_child, &inner);
			c = inner;
		}
		if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
			ref = clang_getCursorReferenced(c);
	}
	if (clang_Cursor_isNull(ref) || clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return NULL;
	return node_clang_take(ctx, clang_getCursorSpelling(ref));
}

struct attr_scan {
	struct asp_ctx *ctx;
	unsigned fmt, first;
	int is_scanf, found;
};

static int tok_is(const char *p, const char *a, const char *b)
{
	return strcmp(p, a) == 0 || (b && strcmp(p, b) == 0);
}

static int tok_is_number(const char *p)
{
	return p[0] >= '0' && p[0] <= '9';
}

static int tok_is_archetype(const char *p)
{
	return strstr(p, "printf") != NULL || strstr(p, "scanf") != NULL;
}

#define ATTR_TOKENS 24

/*
 * Tokens of a file from offset off up to the parenthesis closing the first
 * '(' (at most ATTR_TOKENS, 512 bytes); arena. Returns the count.
 */
static unsigned tokens_at(struct asp_ctx *ctx, CXFile f, unsigned off, const char **t)
{
	CXTranslationUnit tu = front(ctx)->tu;
	CXToken *toks = NULL;
	size_t size = 0;
	unsigned n = 0, i, count = 0;
	int depth = 0;
	CXSourceRange r;

	if (!f || !clang_getFileContents(tu, f, &size) || off >= size)
		return 0;
	r = clang_getRange(clang_getLocationForOffset(tu, f, off),
			   clang_getLocationForOffset(tu, f, size - off > 512 ? off + 512
									      : (unsigned)size));
	clang_tokenize(tu, r, &toks, &n);
	for (i = 0; i < n && count < ATTR_TOKENS; i++) {
		const char *p = node_clang_take(ctx, clang_getTokenSpelling(tu, toks[i]));

		t[count++] = p;
		if (strcmp(p, "(") == 0)
			depth++;
		else if (strcmp(p, ")") == 0 && --depth <= 0)
			break;
	}
	if (toks)
		clang_disposeTokens(tu, toks, n);
	return count;
}

/*
 * format(...) written through a macro, e.g. `#define __printf(a, b)
 * __attribute__((__format__(printf, a, b)))` used as `__printf(1, 2)`: the
 * attribute's own tokens are read at its spelling location (the macro body),
 * and parameters that are not numbers are taken, in order, from the integer
 * arguments of the macro invocation at the expansion location; the archetype
 * likewise when the body names it through a parameter.
 */
static void scan_attr_macro(struct attr_scan *s, CXCursor c)
{
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
	CXFile sf = NULL, ef = NULL;
	unsigned soff = 0, eoff = 0, sn, en, i, nints = 0, used = 0;
	const char *st[ATTR_TOKENS], *et[ATTR_TOKENS], *ints[4], *arch, *fmt, *first;
	int depth = 0;

	clang_getSpellingLocation(start, &sf, NULL, NULL, &soff);
	clang_getExpansionLocation(start, &ef, NULL, NULL, &eoff);
	if (!sf || !ef || (clang_File_isEqual(sf, ef) && soff == eoff))
		return;
	sn = tokens_at(s->ctx, sf, soff, st);
	if (sn < 8 || !tok_is(st[0], "format", "__format__") || strcmp(st[1], "(") ||
	    strcmp(st[3], ",") || strcmp(st[5], ","))
		return;
	arch = tok_is_archetype(st[2]) ? st[2] : NULL;
	en = 0;
	if (!arch || !tok_is_number(st[4]) || !tok_is_number(st[6])) {
		en = tokens_at(s->ctx, ef, eoff, et);
		if (en < 3 || strcmp(et[1], "("))
			return;
	}
	for (i = 1; i < en; i++) {
		if (strcmp(et[i], "(") == 0) {
			depth++;
			continue;
		}
		if (strcmp(et[i], ")") == 0) {
			depth--;
			continue;
		}
		if (depth != 1 || strcmp(et[i], ",") == 0)
			continue;
		if (tok_is_number(et[i]) && nints < 4)
			ints[nints++] = et[i];
		else if (!arch && tok_is_archetype(et[i]))
			arch = et[i];
	}
	if (!arch)
		return;
	fmt = tok_is_number(st[4]) ? st[4] : used < nints ? ints[used++] : NULL;
	first = tok_is_number(st[6]) ? st[6] : used < nints ? ints[used++] : NULL;
	if (!fmt || !first)
		return;
	s->fmt = (unsigned)strtoul(fmt, NULL, 0);
	s->first = (unsigned)strtoul(first, NULL, 0);
	s->is_scanf = strstr(arch, "scanf") != NULL;
	s->found = 1;
}

/* Reads format(archetype, F, A) from an attribute's tokens. */
static enum CXChildVisitResult scan_attr(CXCursor c, CXCursor parent, CXClientData d)
{
	struct attr_scan *s = d;
	CXTranslationUnit tu = front(s->ctx)->tu;
	CXToken *toks = NULL;
	unsigned n = 0;

	(void)parent;
	if (!clang_isAttribute(clang_getCursorKind(c)))
		return CXChildVisit_Continue;
	clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
	if (n >= 8) {
		const char *t[8];
		unsigned i;

		for (i = 0; i < 8; i++)
			t[i] = node_clang_take(s->ctx, clang_getTokenSpelling(tu, toks[i]));
		if (tok_is(t[0], "format", "__format__") && strcmp(t[1], "(") == 0 &&
		    strcmp(t[3], ",") == 0 && strcmp(t[5], ",") == 0 &&
		    tok_is_archetype(t[2]) && tok_is_number(t[4]) && tok_is_number(t[6])) {
			s->is_scanf = strstr(t[2], "scanf") != NULL;
			s->fmt = (unsigned)strtoul(t[4], NULL, 0);
			s->first = (unsigned)strtoul(t[6], NULL, 0);
			s->found = 1;
		}
	}
	if (toks)
		clang_disposeTokens(tu, toks, n);
	if (!s->found)
		scan_attr_macro(s, c);
	return s->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

static int clang_format_attr(struct asp_ctx *ctx, asp_node fn, unsigned *fmt_index,
			     unsigned *first_arg, int *is_scanf)
{
	CXCursor c = node_clang_cursor(fn);
	struct attr_scan s = { ctx, 0, 0, 0, 0 };

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return 0;
	clang_visitChildren(c, scan_attr, &s);
	if (!s.found) {
		CXCursor canon = clang_getCanonicalCursor(c);

		if (!clang_equalCursors(canon, c))
			clang_visitChildren(canon, scan_attr, &s);
	}
	if (!s.found || s.fmt == 0)
		return 0;
	*fmt_index = s.fmt;
	*first_arg = s.first;
	*is_scanf = s.is_scanf;
	return 1;
}

/* noreturn is not exposed by libclang: read the declaration's leading tokens. */
static int clang_is_noreturn(struct asp_ctx *ctx, asp_node fn)
{
	static const char *const known[] = {
		"exit", "_Exit", "abort", "quick_exit", "longjmp", "siglongjmp",
		"__assert_fail", "__builtin_unreachable", "__builtin_trap", NULL
	};
	CXCursor c = node_clang_cursor(fn);
	CXTranslationUnit tu = front(ctx)->tu;
	CXToken *toks = NULL;
	unsigned n = 0, i;
	const char *name;
	int found = 0;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return 0;
	name = node_clang_take(ctx, clang_getCursorSpelling(c));
	for (i = 0; known[i]; i++)
		if (strcmp(name, known[i]) == 0)
			return 1;
	clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
	for (i = 0; i < n && !found; i++) {
		const char *t = node_clang_take(ctx, clang_getTokenSpelling(tu, toks[i]));

		if (strcmp(t, "{") == 0)
			break;
		found = tok_is(t, "_Noreturn", "noreturn") || strcmp(t, "__noreturn__") == 0;
	}
	if (toks)
		clang_disposeTokens(tu, toks, n);
	return found;
}

static const char *clang_line_text(struct asp_ctx *ctx, const char *path, unsigned line)
{
	CXFile f = clang_getFile(front(ctx)->tu, path);
	size_t size = 0;
	const char *buf, *p, *end, *eol;
	unsigned cur = 1;

	if (!f || line == 0)
		return NULL;
	buf = clang_getFileContents(front(ctx)->tu, f, &size);
	if (!buf)
		return NULL;
	end = buf + size;
	for (p = buf; p < end && cur < line; p++)
		if (*p == '\n')
			cur++;
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

static const char *clang_file_text(struct asp_ctx *ctx, const char *path, size_t *len)
{
	CXFile f = clang_getFile(front(ctx)->tu, path);

	*len = 0;
	return f ? clang_getFileContents(front(ctx)->tu, f, len) : NULL;
}

const struct node_ops node_clang_ops = {
	.spelling = clang_spelling,
	.text = clang_text,
	.location = clang_location,
	.child_count = clang_child_count,
	.child = clang_child,
	.referenced = clang_referenced,
	.is_definition = clang_is_definition,
	.storage = clang_storage,
	.type = clang_type,
	.sizeof_type = clang_sizeof_type,
	.sizeof_operand = clang_sizeof_operand,
	.int_value = clang_int_value,
	.string_value = clang_string_value,
	.op = clang_op,
	.callee_name = clang_callee_name,
	.format_attr = clang_format_attr,
	.is_noreturn = clang_is_noreturn,
	.equal = clang_equal,
	.line_text = clang_line_text,
	.file_text = clang_file_text,
};
