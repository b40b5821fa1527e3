/*
 * Builds the control-flow graph of one function from libclang cursors:
 * statements and expressions become elements in evaluation order, &&, ||,
 * ?: and conditions become branches, calls known not to return end their
 * path. Owns nothing after cfg_build returns (the graph is in the caller's
 * arena). Every growth is bounded; recursion depth is capped.
 */
#include "flow/cfg.h"
#include "core/clang_front.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT_MAX
#define VAR_SLOTS (2 * CFG_MAX_VARS)

struct belem {
	struct cfg_elem e;
	unsigned block;
};

struct label {
	CXCursor stmt;
	unsigned block;
};

struct builder {
	struct asp_ctx *ctx;
	struct arena *a;
	struct belem *elems;
	unsigned nelems, capelems;
	unsigned nblocks;
	struct cfg_edge *edges;
	unsigned nedges, capedges;
	struct label *labels;
	unsigned nlabels, caplabels;
	struct cfg_var *vars;
	CXCursor *var_cursors;
	unsigned nvars;
	int *slots;                  /* hash of declaration cursor -> var index */
	unsigned cur, exit;
	unsigned brk, cont, dispatch;
	int *has_default;
	/* switch on a constant (sizeof in kernel macros): only the matching label */
	int sw_const_valid, sw_matched;
	long long sw_const;
	unsigned sw_default;
	unsigned depth;
	int failed;
	const char *why;
	const char *arg_callee;      /* callee of the call whose arguments are being built */
};

static void fail(struct builder *b, const char *why)
{
	if (!b->failed) {
		b->failed = 1;
		b->why = why;
	}
}

static unsigned new_block(struct builder *b)
{
	if (b->nblocks >= CFG_MAX_BLOCKS) {
		fail(b, "more than 20000 basic blocks");
		return 0;
	}
	return b->nblocks++;
}

static void edge(struct builder *b, unsigned from, unsigned to, int kind, asp_node cond)
{
	static const asp_node none;

	if (b->failed || to == NONE || from == NONE)
		return;
	if (b->nedges == b->capedges) {
		unsigned ncap = b->capedges ? b->capedges * 2 : 64;
		struct cfg_edge *p;

		if (ncap > CFG_MAX_EDGES) {
			fail(b, "more than 60000 edges");
			return;
		}
		p = realloc(b->edges, ncap * sizeof *p);
		if (!p) {
			fail(b, "out of memory");
			return;
		}
		b->edges = p;
		b->capedges = ncap;
	}
	b->edges[b->nedges].from = from;
	b->edges[b->nedges].to = to;
	b->edges[b->nedges].kind = kind;
	b->edges[b->nedges].cond = kind == CFG_EDGE_NORMAL ? none : cond;
	b->nedges++;
}

static void jump(struct builder *b, unsigned to)
{
	static const asp_node none;

	edge(b, b->cur, to, CFG_EDGE_NORMAL, none);
}

static struct cfg_elem *emit(struct builder *b, CXCursor c)
{
	struct belem *be;

	if (b->failed)
		return NULL;
	if (b->nelems == b->capelems) {
		unsigned ncap = b->capelems ? b->capelems * 2 : 256;
		struct belem *p;

		if (b->capelems >= CFG_MAX_ELEMS) {
			fail(b, "more than 100000 expressions");
			return NULL;
		}
		if (ncap > CFG_MAX_ELEMS)
			ncap = CFG_MAX_ELEMS;
		p = realloc(b->elems, ncap * sizeof *p);
		if (!p) {
			fail(b, "out of memory");
			return NULL;
		}
		b->elems = p;
		b->capelems = ncap;
	}
	if (b->cur == NONE)
		b->cur = new_block(b);   /* code after a condition with no block yet */
	be = &b->elems[b->nelems++];
	memset(be, 0, sizeof *be);
	be->block = b->cur;
	be->e.node = node_clang_make(c);
	be->e.var = -1;
	return &be->e;
}

/* --- children ------------------------------------------------------------ */

struct kids {
	CXCursor v[8];
	CXCursor *heap;
	unsigned n, cap;
	int oom;
};

static enum CXChildVisitResult kid(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids *k = d;

	(void)parent;
	if (k->n < 8) {
		k->v[k->n++] = c;
		return CXChildVisit_Continue;
	}
	if (k->n - 8 == k->cap) {
		unsigned ncap = k->cap ? k->cap * 2 : 16;
		CXCursor *p = realloc(k->heap, ncap * sizeof *p);

		if (!p) {
			k->oom = 1;
			return CXChildVisit_Break;
		}
		k->heap = p;
		k->cap = ncap;
	}
	k->heap[k->n - 8] = c;
	k->n++;
	return CXChildVisit_Continue;
}

static void kids_load(struct kids *k, CXCursor c)
{
	memset(k, 0, sizeof *k);
	clang_visitChildren(c, kid, k);
}

static CXCursor kids_at(const struct kids *k, unsigned i)
{
	return i < 8 ? k->v[i] : k->heap[i - 8];
}

static void kids_free(struct kids *k)
{
	free(k->heap);
}

static int is_expr(CXCursor c)
{
	return clang_isExpression(clang_getCursorKind(c));
}

/* Parentheses and implicit conversions (libclang shows those as unexposed). */
static CXCursor strip(CXCursor c)
{
	unsigned guard = 0;

	while (guard++ < 64) {
		enum CXCursorKind k = clang_getCursorKind(c);
		struct kids ks;
		CXCursor inner;

		if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
			break;
		kids_load(&ks, c);
		inner = ks.n == 1 ? ks.v[0] : clang_getNullCursor();
		kids_free(&ks);
		if (clang_Cursor_isNull(inner) || !is_expr(inner))
			break;
		c = inner;
	}
	return c;
}

static int is_pointer_type(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer || t.kind == CXType_BlockPointer;
}

static int is_array_type(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

/* An integer constant expression (offsetof, __builtin_types_compatible_p, ...). */
static int is_constant(CXCursor c)
{
	CXEvalResult ev = clang_Cursor_Evaluate(c);
	int yes;

	if (!ev)
		return 0;
	yes = clang_EvalResult_getKind(ev) == CXEval_Int;
	clang_EvalResult_dispose(ev);
	return yes;
}

/* --- variables ----------------------------------------------------------- */

static int var_find(struct builder *b, CXCursor decl)
{
	unsigned h = clang_hashCursor(decl) % VAR_SLOTS, i;

	for (i = 0; i < VAR_SLOTS; i++) {
		int v = b->slots[(h + i) % VAR_SLOTS];

		if (v < 0)
			return -1;
		if (clang_equalCursors(b->var_cursors[v], decl))
			return v;
	}
	return -1;
}

static int var_add(struct builder *b, CXCursor decl, int is_param)
{
	unsigned h = clang_hashCursor(decl) % VAR_SLOTS, i;
	struct cfg_var *v;
	CXType t = clang_getCursorType(decl), ct = clang_getCanonicalType(t);
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);

	if (b->nvars >= CFG_MAX_VARS)
		return -1;   /* beyond the bound variables are simply not tracked */
	v = &b->vars[b->nvars];
	memset(v, 0, sizeof *v);
	v->decl = node_clang_make(decl);
	v->name = node_clang_take(b->ctx, clang_getCursorSpelling(decl));
	v->array_len = -1;
	if (is_param)
		v->flags |= CFG_VAR_PARAM;
	if (sc == CX_SC_Static || sc == CX_SC_Extern)
		v->flags |= CFG_VAR_STATIC;
	if (clang_isVolatileQualifiedType(ct))
		v->flags |= CFG_VAR_VOLATILE;
	switch (ct.kind) {
	case CXType_Pointer: case CXType_BlockPointer:
		v->flags |= CFG_VAR_POINTER;
		break;
	case CXType_ConstantArray:
		v->array_len = clang_getArraySize(ct);
		v->flags |= CFG_VAR_ARRAY;
		break;
	case CXType_IncompleteArray: case CXType_VariableArray:
	case CXType_DependentSizedArray:
		v->flags |= CFG_VAR_ARRAY;
		break;
	case CXType_Record:
		v->flags |= CFG_VAR_RECORD;
		break;
	case CXType_Bool: case CXType_UChar: case CXType_Char_U: case CXType_UShort:
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong: case CXType_UInt128:
		v->flags |= CFG_VAR_INTEGER | CFG_VAR_UNSIGNED;
		break;
	case CXType_Char_S: case CXType_SChar: case CXType_Short: case CXType_Int:
	case CXType_Long: case CXType_LongLong: case CXType_Int128: case CXType_Enum:
		v->flags |= CFG_VAR_INTEGER;
		break;
	default:
		break;
	}
	b->var_cursors[b->nvars] = decl;
	for (i = 0; i < VAR_SLOTS; i++) {
		unsigned s = (h + i) % VAR_SLOTS;

		if (b->slots[s] < 0) {
			b->slots[s] = (int)b->nvars;
			break;
		}
	}
	return (int)b->nvars++;
}

/* --- expressions --------------------------------------------------------- */

static void stmt(struct builder *b, CXCursor c);
static int const_value(CXCursor c, long long *v);
static void cond(struct builder *b, CXCursor c, unsigned t, unsigned f);

static int noreturn_call(struct builder *b, CXCursor ref, const char *name)
{
	static const char *const known[] = {
		"exit", "_Exit", "abort", "quick_exit", "longjmp", "siglongjmp", "_longjmp",
		"__assert_fail", "__assert_rtn", "__builtin_unreachable", "__builtin_trap",
		"__builtin_abort", "__stack_chk_fail", "panic", "do_exit", "BUG", NULL
	};
	const char *ts;
	unsigned i;

	for (i = 0; known[i]; i++)
		if (strcmp(name, known[i]) == 0)
			return 1;
	/* _Noreturn and __attribute__((noreturn)) both show in the function type */
	ts = node_clang_take(b->ctx, clang_getTypeSpelling(clang_getCursorType(ref)));
	return strstr(ts, "noreturn") != NULL;
}

static void expr(struct builder *b, CXCursor c, int use, CXCursor parent, unsigned argi,
		 unsigned eflags);

static void expr_kids(struct builder *b, CXCursor c, int use)
{
	struct kids ks;
	unsigned i;

	kids_load(&ks, c);
	for (i = 0; i < ks.n && !b->failed; i++) {
		CXCursor k = kids_at(&ks, i);

		if (is_expr(k))
			expr(b, k, use, c, 0, 0);
		else if (clang_isStatement(clang_getCursorKind(k)))
			stmt(b, k);
	}
	kids_free(&ks);
}

static void expr_value_branch(struct builder *b, CXCursor c, CXCursor parent, int use)
{
	/* &&, || and ?: outside a condition: evaluate with branches, then the node */
	enum CXCursorKind k = clang_getCursorKind(c);
	struct kids ks;
	unsigned join = new_block(b);

	kids_load(&ks, c);
	if (k == CXCursor_ConditionalOperator && ks.n == 3) {
		unsigned t = new_block(b), f = new_block(b);

		cond(b, ks.v[0], t, f);
		b->cur = t;
		expr(b, ks.v[1], use, c, 0, 0);
		jump(b, join);
		b->cur = f;
		expr(b, ks.v[2], use, c, 0, 0);
		jump(b, join);
	} else if (ks.n == 2) {
		unsigned rhs = new_block(b);
		int land = clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_LAnd;

		cond(b, ks.v[0], land ? rhs : join, land ? join : rhs);
		b->cur = rhs;
		expr(b, ks.v[1], CFG_USE_READ, c, 0, 0);
		jump(b, join);
	} else {
		b->cur = join;
		expr_kids(b, c, CFG_USE_READ);
	}
	kids_free(&ks);
	b->cur = join;
	{
		struct cfg_elem *e = emit(b, c);

		if (e)
			e->parent = node_clang_make(parent);
	}
}

static void call(struct builder *b, CXCursor c, CXCursor parent)
{
	struct kids ks;
	unsigned i, argn = 0;
	CXCursor ref = clang_getCursorReferenced(c);
	const char *name = NULL, *saved = b->arg_callee;
	struct cfg_elem *e;
	int noret = 0;

	if (!clang_Cursor_isNull(ref) && clang_getCursorKind(ref) == CXCursor_FunctionDecl)
		name = node_clang_take(b->ctx, clang_getCursorSpelling(ref));
	kids_load(&ks, c);
	for (i = 0; i < ks.n && !b->failed; i++) {
		CXCursor k = kids_at(&ks, i);

		if (!is_expr(k))
			continue;
		b->arg_callee = name;
		if (i == 0)
			expr(b, k, CFG_USE_READ, c, 0, 0);
		else
			expr(b, k, CFG_USE_ARG, c, argn++, 0);
		b->arg_callee = saved;
	}
	kids_free(&ks);
	if (name)
		noret = noreturn_call(b, ref, name);
	e = emit(b, c);
	if (!e)
		return;
	e->parent = node_clang_make(parent);
	e->callee = name;
	if (noret) {
		e->flags |= CFG_EF_NORETURN;
		b->cur = new_block(b);   /* nothing follows: no edge */
	}
}

static void expr(struct builder *b, CXCursor c, int use, CXCursor parent, unsigned argi,
		 unsigned eflags)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	struct cfg_elem *e;

	if (b->failed)
		return;
	if (++b->depth > CFG_MAX_NEST) {
		fail(b, "expressions nested more than 800 levels");
		b->depth--;
		return;
	}
	switch (k) {
	case CXCursor_DeclRefExpr: {
		CXCursor ref = clang_getCursorReferenced(c);

		e = emit(b, c);
		if (e) {
			e->parent = node_clang_make(parent);
			e->var = clang_Cursor_isNull(ref) ? -1 : var_find(b, ref);
			e->use = (unsigned char)use;
			e->argi = (unsigned short)(argi > 0xffff ? 0xffff : argi);
			e->flags |= (unsigned char)eflags;
			if (use == CFG_USE_ARG)
				e->callee = b->arg_callee;   /* the called function, for arguments */
			if (e->var >= 0 && use == CFG_USE_ADDR)
				b->vars[e->var].flags |= CFG_VAR_ADDRESSED;
		}
		break;
	}
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_UnexposedExpr: {
		/* transparent: the context passes through to the operand */
		struct kids ks;
		unsigned i, nexpr = 0;

		kids_load(&ks, c);
		for (i = 0; i < ks.n; i++)
			nexpr += is_expr(kids_at(&ks, i)) != 0;
		if (k == CXCursor_CStyleCastExpr && nexpr > 1) {
			/* (typeof(*p) *)q: only the last expression is the operand;
			   the others belong to the type and are not evaluated */
			for (i = ks.n; i-- > 0;)
				if (is_expr(kids_at(&ks, i))) {
					expr(b, kids_at(&ks, i), use, parent, argi, eflags);
					break;
				}
			kids_free(&ks);
			e = emit(b, c);
			if (e)
				e->parent = node_clang_make(parent);
			break;
		}
		if (k == CXCursor_UnexposedExpr && ks.n > 1 && is_constant(c))
			nexpr = 0;   /* offsetof(typeof(*p), f) and friends: not evaluated */
		for (i = 0; i < ks.n && !b->failed && nexpr; i++) {
			CXCursor kc = kids_at(&ks, i);

			if (!is_expr(kc))
				continue;
			if (nexpr == 1)
				expr(b, kc, use, parent, argi, eflags);
			else
				expr(b, kc, CFG_USE_READ, c, 0, 0);
		}
		kids_free(&ks);
		if (nexpr != 1 || k == CXCursor_CStyleCastExpr) {
			e = emit(b, c);
			if (e)
				e->parent = node_clang_make(parent);
		}
		break;
	}
	case CXCursor_UnaryExpr:          /* sizeof, _Alignof: not evaluated */
	case CXCursor_GenericSelectionExpr:
		e = emit(b, c);
		if (e)
			e->parent = node_clang_make(parent);
		break;
	case CXCursor_CallExpr:
		call(b, c, parent);
		break;
	case CXCursor_ConditionalOperator:
		expr_value_branch(b, c, parent, CFG_USE_READ);
		break;
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator: {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		struct kids ks;

		if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			expr_value_branch(b, c, parent, CFG_USE_READ);
			break;
		}
		kids_load(&ks, c);
		if (ks.n == 2) {
			if (op == CXBinaryOperator_Assign) {
				expr(b, ks.v[1], CFG_USE_READ, c, 0, 0);
				expr(b, ks.v[0], CFG_USE_WRITE, c, 0, 0);
			} else if (k == CXCursor_CompoundAssignOperator) {
				expr(b, ks.v[1], CFG_USE_READ, c, 0, 0);
				expr(b, ks.v[0], CFG_USE_RMW, c, 0, 0);
			} else if (op == CXBinaryOperator_Comma) {
				expr(b, ks.v[0], CFG_USE_READ, c, 0, 0);
				expr(b, ks.v[1], use, parent, argi, eflags);
			} else if ((op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub) &&
				   (use == CFG_USE_DEREF || use == CFG_USE_ARG)) {
				/* *(p + i), memcpy(p + 4, ...): the pointer operand is used so */
				unsigned i;

				for (i = 0; i < 2; i++) {
					int ptr = is_pointer_type(clang_getCursorType(ks.v[i])) ||
						  is_array_type(clang_getCursorType(strip(ks.v[i])));

					expr(b, ks.v[i], ptr ? use : CFG_USE_READ, c, argi, 0);
				}
			} else {
				expr(b, ks.v[0], CFG_USE_READ, c, 0, 0);
				expr(b, ks.v[1], CFG_USE_READ, c, 0, 0);
			}
		} else {
			expr_kids(b, c, CFG_USE_READ);
		}
		kids_free(&ks);
		if (op != CXBinaryOperator_Comma) {
			e = emit(b, c);
			if (e)
				e->parent = node_clang_make(parent);
		}
		break;
	}
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
		struct kids ks;
		int sub = CFG_USE_READ;

		switch (op) {
		case CXUnaryOperator_AddrOf: sub = CFG_USE_ADDR; break;
		case CXUnaryOperator_Deref: sub = CFG_USE_DEREF; break;
		case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec:
			sub = CFG_USE_RMW;
			break;
		case CXUnaryOperator_Extension:
			sub = use;
			break;
		default:
			break;
		}
		kids_load(&ks, c);
		if (ks.n >= 1 && is_expr(ks.v[0]))
			expr(b, ks.v[0], sub, c, argi, 0);
		kids_free(&ks);
		e = emit(b, c);
		if (e)
			e->parent = node_clang_make(parent);
		break;
	}
	case CXCursor_MemberRefExpr: {
		struct kids ks;

		kids_load(&ks, c);
		if (ks.n >= 1 && is_expr(ks.v[0])) {
			int arrow = is_pointer_type(clang_getCursorType(ks.v[0]));
			int sub = arrow ? CFG_USE_DEREF
					: (use == CFG_USE_ADDR ? CFG_USE_ADDR : CFG_USE_MEMBER);
			unsigned ef = (!arrow && (use == CFG_USE_WRITE || (eflags & CFG_EF_LVALUE_PART)))
					      ? CFG_EF_LVALUE_PART : 0;

			if (arrow && (use == CFG_USE_ADDR || (eflags & CFG_EF_DERIVED)))
				ef = CFG_EF_DERIVED;
			else if (!arrow && (eflags & CFG_EF_DERIVED))
				ef = CFG_EF_DERIVED;

			expr(b, ks.v[0], sub, c, 0, ef);
		}
		kids_free(&ks);
		e = emit(b, c);
		if (e)
			e->parent = node_clang_make(parent);
		break;
	}
	case CXCursor_ArraySubscriptExpr: {
		struct kids ks;

		kids_load(&ks, c);
		if (ks.n == 2) {
			CXCursor base = strip(ks.v[0]);
			int arr = is_array_type(clang_getCursorType(base));
			int sub = !arr ? CFG_USE_DEREF
				       : (use == CFG_USE_ADDR ? CFG_USE_ADDR : CFG_USE_MEMBER);
			unsigned ef = (arr && (use == CFG_USE_WRITE || (eflags & CFG_EF_LVALUE_PART)))
					      ? CFG_EF_LVALUE_PART : 0;

			if (!arr && (use == CFG_USE_ADDR || (eflags & CFG_EF_DERIVED)))
				ef = CFG_EF_DERIVED;
			else if (arr && (eflags & CFG_EF_DERIVED))
				ef = CFG_EF_DERIVED;

			expr(b, ks.v[1], CFG_USE_READ, c, 0, 0);
			expr(b, ks.v[0], sub, c, 0, ef);
		} else {
			expr_kids(b, c, CFG_USE_READ);
		}
		kids_free(&ks);
		e = emit(b, c);
		if (e)
			e->parent = node_clang_make(parent);
		break;
	}
	case CXCursor_StmtExpr: {
		struct kids ks;
		unsigned i;

		kids_load(&ks, c);
		for (i = 0; i < ks.n && !b->failed; i++)
			stmt(b, kids_at(&ks, i));
		kids_free(&ks);
		e = emit(b, c);
		if (e)
			e->parent = node_clang_make(parent);
		break;
	}
	default:
		expr_kids(b, c, CFG_USE_READ);
		e = emit(b, c);
		if (e)
			e->parent = node_clang_make(parent);
		break;
	}
	b->depth--;
}

/* --- conditions ---------------------------------------------------------- */

static int const_value(CXCursor c, long long *v)
{
	CXEvalResult ev;
	int ok = 0;
	enum CXCursorKind k = clang_getCursorKind(c);

	/* evaluation of arbitrary expressions is slow: literals and simple forms only */
	if (k != CXCursor_IntegerLiteral && k != CXCursor_CharacterLiteral &&
	    k != CXCursor_UnaryExpr && k != CXCursor_BinaryOperator &&
	    k != CXCursor_UnaryOperator && k != CXCursor_DeclRefExpr)
		return 0;
	if (k == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(c);
		enum CXCursorKind dk = clang_getCursorKind(d);

		/* enumerators, and const variables with a constant initialiser */
		if (dk != CXCursor_EnumConstantDecl &&
		    (dk != CXCursor_VarDecl ||
		     !clang_isConstQualifiedType(clang_getCursorType(d))))
			return 0;
	}
	ev = clang_Cursor_Evaluate(c);
	if (!ev)
		return 0;
	if (clang_EvalResult_getKind(ev) == CXEval_Int) {
		*v = clang_EvalResult_getAsLongLong(ev);
		ok = 1;
	}
	clang_EvalResult_dispose(ev);
	return ok;
}

static int is_expect_call(CXCursor c)
{
	CXCursor ref;
	CXString s;
	int yes;

	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return 0;
	ref = clang_getCursorReferenced(c);
	if (clang_Cursor_isNull(ref))
		return 0;
	s = clang_getCursorSpelling(ref);
	yes = clang_getCString(s) && strcmp(clang_getCString(s), "__builtin_expect") == 0;
	clang_disposeString(s);
	return yes;
}

static void cond(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
	enum CXCursorKind k;
	long long v;

	if (b->failed)
		return;
	if (++b->depth > CFG_MAX_NEST) {
		fail(b, "conditions nested more than 800 levels");
		b->depth--;
		return;
	}
	c = strip(c);
	k = clang_getCursorKind(c);
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		struct kids ks;

		kids_load(&ks, c);
		if (ks.n == 2 && (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr)) {
			unsigned mid = new_block(b);

			if (op == CXBinaryOperator_LAnd)
				cond(b, ks.v[0], mid, f);
			else
				cond(b, ks.v[0], t, mid);
			b->cur = mid;
			cond(b, ks.v[1], t, f);
			kids_free(&ks);
			b->depth--;
			return;
		}
		if (ks.n == 2 && op == CXBinaryOperator_Comma) {
			expr(b, ks.v[0], CFG_USE_READ, c, 0, 0);
			cond(b, ks.v[1], t, f);
			kids_free(&ks);
			b->depth--;
			return;
		}
		kids_free(&ks);
	} else if (k == CXCursor_UnaryOperator &&
		   clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
		struct kids ks;

		kids_load(&ks, c);
		if (ks.n == 1) {
			cond(b, ks.v[0], f, t);
			kids_free(&ks);
			b->depth--;
			return;
		}
		kids_free(&ks);
	} else if (is_expect_call(c)) {
		struct kids ks;

		kids_load(&ks, c);
		if (ks.n == 3) {
			cond(b, ks.v[1], t, f);   /* the expected value is a constant */
			kids_free(&ks);
			b->depth--;
			return;
		}
		kids_free(&ks);
	}
	if (const_value(c, &v)) {
		jump(b, v ? t : f);
	} else {
		unsigned from;
		CXCursor none = clang_getNullCursor();

		expr(b, c, CFG_USE_READ, none, 0, 0);
		from = b->cur;
		edge(b, from, t, CFG_EDGE_TRUE, node_clang_make(c));
		edge(b, from, f, CFG_EDGE_FALSE, node_clang_make(c));
	}
	b->cur = NONE;
	b->depth--;
}

/* --- statements ---------------------------------------------------------- */

static unsigned label_block(struct builder *b, CXCursor label)
{
	unsigned i;

	/* a goto's referenced label and the walked label statement are distinct
	   cursors for the same statement: compare where they are */
	for (i = 0; i < b->nlabels; i++)
		if (clang_equalLocations(clang_getCursorLocation(b->labels[i].stmt),
					 clang_getCursorLocation(label)))
			return b->labels[i].block;
	if (b->nlabels == b->caplabels) {
		unsigned ncap = b->caplabels ? b->caplabels * 2 : 8;
		struct label *p;

		if (ncap > 4096) {
			fail(b, "more than 4096 labels");
			return NONE;
		}
		p = realloc(b->labels, ncap * sizeof *p);
		if (!p) {
			fail(b, "out of memory");
			return NONE;
		}
		b->labels = p;
		b->caplabels = ncap;
	}
	b->labels[b->nlabels].stmt = label;
	b->labels[b->nlabels].block = new_block(b);
	return b->labels[b->nlabels++].block;
}

static void decl(struct builder *b, CXCursor v)
{
	CXCursor init = clang_Cursor_getVarDeclInitializer(v);
	int idx = var_add(b, v, 0);
	struct cfg_elem *e;

	if (!clang_Cursor_isNull(init) && is_expr(init))
		expr(b, init, CFG_USE_READ, v, 0, 0);
	e = emit(b, v);
	if (!e)
		return;
	e->var = idx;
	e->flags |= CFG_EF_DECL;
	if (!clang_Cursor_isNull(init))
		e->flags |= CFG_EF_INIT;
}

/* Which of a for statement's 1-4 children are init, cond, inc: by the
   positions of the two ';' of its header when the tokens are at hand. */
static void for_parts(struct builder *b, CXCursor c, const struct kids *ks, CXCursor *init,
		      CXCursor *cnd, CXCursor *inc)
{
	CXTranslationUnit tu = ((struct clang_front *)b->ctx->front)->tu;
	CXToken *toks = NULL;
	unsigned nt = 0, i, semis = 0, nparts = ks->n - 1;
	unsigned semi_off[2] = { 0, 0 };
	int depth = 0;

	*init = *cnd = *inc = clang_getNullCursor();
	if (nparts == 3) {
		*init = ks->v[0];
		*cnd = ks->v[1];
		*inc = ks->v[2];
		return;
	}
	if (nparts == 0)
		return;
	clang_tokenize(tu, clang_getCursorExtent(c), &toks, &nt);
	for (i = 0; i < nt && semis < 2; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *p = clang_getCString(s);

		if (p && strcmp(p, "(") == 0)
			depth++;
		else if (p && strcmp(p, ")") == 0)
			depth--;
		else if (p && depth == 1 && strcmp(p, ";") == 0)
			clang_getSpellingLocation(clang_getTokenLocation(tu, toks[i]), NULL, NULL,
						  NULL, &semi_off[semis++]);
		clang_disposeString(s);
	}
	if (toks)
		clang_disposeTokens(tu, toks, nt);
	for (i = 0; i < nparts; i++) {
		CXCursor k = ks->v[i];
		unsigned off = 0;

		if (semis == 2) {
			clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(k)),
						  NULL, NULL, NULL, &off);
			if (off < semi_off[0])
				*init = k;
			else if (off < semi_off[1])
				*cnd = k;
			else
				*inc = k;
		} else if (clang_getCursorKind(k) == CXCursor_DeclStmt && i == 0) {
			*init = k;
		} else if (clang_Cursor_isNull(*cnd)) {
			*cnd = k;      /* a guess: macro-made loops usually have all parts */
		} else {
			*inc = k;
		}
	}
}

static void loop_body(struct builder *b, CXCursor body, unsigned brk, unsigned cont)
{
	unsigned sb = b->brk, sc = b->cont;

	b->brk = brk;
	b->cont = cont;
	stmt(b, body);
	b->brk = sb;
	b->cont = sc;
}

static void stmt_switch(struct builder *b, const struct kids *ks)
{
	unsigned sb = b->brk, sd = b->dispatch, x = new_block(b), sdef = b->sw_default;
	int *shd = b->has_default, hd = 0;
	int scv = b->sw_const_valid, smt = b->sw_matched;
	long long sc = b->sw_const, v = 0;
	CXCursor none = clang_getNullCursor();
	unsigned i;
	int cv = 0;

	for (i = 0; i + 1 < ks->n; i++) {
		CXCursor k = kids_at(ks, i);

		if (is_expr(k)) {
			cv = const_value(strip(k), &v);
			expr(b, k, CFG_USE_READ, none, 0, 0);
		} else if (clang_getCursorKind(k) == CXCursor_DeclStmt) {
			stmt(b, k);
		}
	}
	b->sw_const_valid = cv;
	b->sw_const = v;
	b->sw_matched = 0;
	b->sw_default = NONE;
	b->dispatch = b->cur;
	b->brk = x;
	b->has_default = &hd;
	b->cur = new_block(b);      /* code before the first label is unreachable */
	if (ks->n >= 1)
		stmt(b, kids_at(ks, ks->n - 1));
	jump(b, x);
	if (b->sw_const_valid && !b->sw_matched) {
		b->cur = b->dispatch;
		jump(b, b->sw_default != NONE ? b->sw_default : x);
	} else if (!hd) {
		b->cur = b->dispatch;
		jump(b, x);
	}
	b->brk = sb;
	b->dispatch = sd;
	b->has_default = shd;
	b->sw_const_valid = scv;
	b->sw_matched = smt;
	b->sw_const = sc;
	b->sw_default = sdef;
	b->cur = x;
}

static void stmt(struct builder *b, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	struct kids ks;
	unsigned i;

	if (b->failed)
		return;
	if (b->cur == NONE)
		b->cur = new_block(b);
	if (++b->depth > CFG_MAX_NEST) {
		fail(b, "statements nested more than 800 levels");
		b->depth--;
		return;
	}
	if (is_expr(c)) {
		expr(b, c, CFG_USE_READ, clang_getNullCursor(), 0, 0);
		b->depth--;
		return;
	}
	kids_load(&ks, c);
	if (ks.oom)
		fail(b, "out of memory");
	switch (k) {
	case CXCursor_CompoundStmt:
		for (i = 0; i < ks.n && !b->failed; i++)
			stmt(b, kids_at(&ks, i));
		break;
	case CXCursor_DeclStmt:
		for (i = 0; i < ks.n && !b->failed; i++)
			if (clang_getCursorKind(kids_at(&ks, i)) == CXCursor_VarDecl)
				decl(b, kids_at(&ks, i));
		break;
	case CXCursor_IfStmt: {
		unsigned t = new_block(b), j = new_block(b), f = ks.n >= 3 ? new_block(b) : j;

		if (ks.n < 2)
			break;
		cond(b, ks.v[0], t, f);
		b->cur = t;
		stmt(b, ks.v[1]);
		jump(b, j);
		if (ks.n >= 3) {
			b->cur = f;
			stmt(b, ks.v[2]);
			jump(b, j);
		}
		b->cur = j;
		break;
	}
	case CXCursor_WhileStmt: {
		unsigned h = new_block(b), body = new_block(b), x = new_block(b);

		if (ks.n < 2)
			break;
		jump(b, h);
		b->cur = h;
		cond(b, ks.v[0], body, x);
		b->cur = body;
		loop_body(b, ks.v[1], x, h);
		jump(b, h);
		b->cur = x;
		break;
	}
	case CXCursor_DoStmt: {
		unsigned body = new_block(b), c2 = new_block(b), x = new_block(b);

		if (ks.n < 2)
			break;
		jump(b, body);
		b->cur = body;
		loop_body(b, ks.v[0], x, c2);
		jump(b, c2);
		b->cur = c2;
		cond(b, ks.v[1], body, x);
		b->cur = x;
		break;
	}
	case CXCursor_ForStmt: {
		CXCursor init, cnd, inc;
		unsigned h, body, x, next;

		if (ks.n < 1)
			break;
		for_parts(b, c, &ks, &init, &cnd, &inc);
		if (!clang_Cursor_isNull(init))
			stmt(b, init);
		h = new_block(b);
		body = new_block(b);
		x = new_block(b);
		next = new_block(b);
		jump(b, h);
		b->cur = h;
		if (!clang_Cursor_isNull(cnd))
			cond(b, cnd, body, x);
		else
			jump(b, body);
		b->cur = body;
		loop_body(b, kids_at(&ks, ks.n - 1), x, next);
		jump(b, next);
		b->cur = next;
		if (!clang_Cursor_isNull(inc))
			expr(b, inc, CFG_USE_READ, c, 0, 0);
		jump(b, h);
		b->cur = x;
		break;
	}
	case CXCursor_SwitchStmt:
		stmt_switch(b, &ks);
		break;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt: {
		unsigned nb = new_block(b);

		jump(b, nb);
		if (b->dispatch != NONE) {
			long long cv = 0;
			int take = 1;

			if (b->sw_const_valid) {
				/* a constant switch: only the label that matches */
				take = k == CXCursor_CaseStmt && ks.n >= 2 &&
				       const_value(strip(ks.v[0]), &cv) && cv == b->sw_const;
				if (take)
					b->sw_matched = 1;
				if (k == CXCursor_DefaultStmt)
					b->sw_default = nb;
			}
			b->cur = b->dispatch;
			if (take)
				jump(b, nb);
			if (k == CXCursor_DefaultStmt && b->has_default)
				*b->has_default = 1;
		}
		b->cur = nb;
		if (ks.n >= 1)
			stmt(b, kids_at(&ks, ks.n - 1));
		break;
	}
	case CXCursor_LabelStmt: {
		unsigned l = label_block(b, c);

		jump(b, l);
		b->cur = l;
		for (i = 0; i < ks.n && !b->failed; i++)
			if (clang_getCursorKind(kids_at(&ks, i)) != CXCursor_LabelRef)
				stmt(b, kids_at(&ks, i));
		break;
	}
	case CXCursor_GotoStmt:
		for (i = 0; i < ks.n; i++)
			if (clang_getCursorKind(kids_at(&ks, i)) == CXCursor_LabelRef) {
				CXCursor l = clang_getCursorReferenced(kids_at(&ks, i));

				if (!clang_Cursor_isNull(l))
					jump(b, label_block(b, l));
			}
		b->cur = new_block(b);
		break;
	case CXCursor_IndirectGotoStmt:
		fail(b, "computed goto");
		break;
	case CXCursor_ReturnStmt: {
		struct cfg_elem *e;

		for (i = 0; i < ks.n; i++)
			if (is_expr(kids_at(&ks, i)))
				expr(b, kids_at(&ks, i), CFG_USE_READ, c, 0, 0);
		e = emit(b, c);
		if (e)
			e->flags |= CFG_EF_RETURN;
		jump(b, b->exit);
		b->cur = new_block(b);
		break;
	}
	case CXCursor_BreakStmt:
		jump(b, b->brk);
		b->cur = new_block(b);
		break;
	case CXCursor_ContinueStmt:
		jump(b, b->cont);
		b->cur = new_block(b);
		break;
	case CXCursor_NullStmt:
		break;
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		/* operands: outputs are written, inputs read; which is which is not
		   exposed, so all count as "address taken" (may be written) */
		for (i = 0; i < ks.n && !b->failed; i++)
			if (is_expr(kids_at(&ks, i)))
				expr(b, kids_at(&ks, i), CFG_USE_ADDR, c, 0, 0);
		emit(b, c);
		break;
	default:
		if (clang_isStatement(k))
			for (i = 0; i < ks.n && !b->failed; i++)
				stmt(b, kids_at(&ks, i));
		break;
	}
	kids_free(&ks);
	b->depth--;
}

/* --- finishing ----------------------------------------------------------- */

static int finish(struct builder *b, asp_node fn, struct cfg **out)
{
	struct cfg *g = arena_alloc(b->a, sizeof *g);
	unsigned i, *cnt, *stack, *next, nst = 0, post = 0;
	unsigned char *state;

	if (!g)
		return ASP_ENOMEM;
	g->fn = fn;
	g->nblocks = b->nblocks;
	g->entry = 0;
	g->exit = b->exit;
	g->blocks = arena_alloc(b->a, (g->nblocks + 1) * sizeof *g->blocks);
	g->elems = arena_alloc(b->a, (b->nelems + 1) * sizeof *g->elems);
	g->edges = arena_alloc(b->a, (b->nedges + 1) * sizeof *g->edges);
	g->pred_edges = arena_alloc(b->a, (b->nedges + 1) * sizeof *g->pred_edges);
	g->order = arena_alloc(b->a, (g->nblocks + 1) * sizeof *g->order);
	g->vars = arena_alloc(b->a, (b->nvars + 1) * sizeof *g->vars);
	cnt = calloc((size_t)g->nblocks + 1, sizeof *cnt);
	stack = calloc((size_t)g->nblocks + 1, sizeof *stack);
	next = calloc((size_t)g->nblocks + 1, sizeof *next);
	state = calloc((size_t)g->nblocks + 1, 1);
	if (!g->blocks || !g->elems || !g->edges || !g->pred_edges || !g->order || !g->vars ||
	    !cnt || !stack || !next || !state) {
		free(cnt);
		free(stack);
		free(next);
		free(state);
		return ASP_ENOMEM;
	}
	g->nelems = b->nelems;
	g->nedges = b->nedges;
	g->nvars = b->nvars;
	memcpy(g->vars, b->vars, b->nvars * sizeof *g->vars);

	/* elements grouped by block, in emission order (a stable counting sort) */
	for (i = 0; i < b->nelems; i++)
		g->blocks[b->elems[i].block].nelems++;
	for (i = 1; i < g->nblocks; i++)
		g->blocks[i].first = g->blocks[i - 1].first + g->blocks[i - 1].nelems;
	for (i = 0; i < b->nelems; i++) {
		struct cfg_block *bl = &g->blocks[b->elems[i].block];

		g->elems[bl->first + cnt[b->elems[i].block]++] = b->elems[i].e;
	}
	/* edges grouped by source; predecessor lists by target */
	memset(cnt, 0, ((size_t)g->nblocks + 1) * sizeof *cnt);
	for (i = 0; i < b->nedges; i++)
		g->blocks[b->edges[i].from].nsucc++;
	for (i = 1; i < g->nblocks; i++)
		g->blocks[i].succ = g->blocks[i - 1].succ + g->blocks[i - 1].nsucc;
	for (i = 0; i < b->nedges; i++) {
		unsigned f = b->edges[i].from;

		g->edges[g->blocks[f].succ + cnt[f]++] = b->edges[i];
	}
	memset(cnt, 0, ((size_t)g->nblocks + 1) * sizeof *cnt);
	for (i = 0; i < g->nedges; i++)
		g->blocks[g->edges[i].to].npred++;
	for (i = 1; i < g->nblocks; i++)
		g->blocks[i].pred = g->blocks[i - 1].pred + g->blocks[i - 1].npred;
	for (i = 0; i < g->nedges; i++) {
		unsigned t = g->edges[i].to;

		g->pred_edges[g->blocks[t].pred + cnt[t]++] = i;
	}
	/* iterative DFS: post-order numbers, back edges mark loop heads */
	for (i = 0; i < g->nblocks; i++)
		g->blocks[i].rpo = UINT_MAX;
	stack[nst++] = g->entry;
	state[g->entry] = 1;
	while (nst) {
		unsigned v = stack[nst - 1];
		struct cfg_block *bl = &g->blocks[v];

		if (next[v] < bl->nsucc) {
			unsigned w = g->edges[bl->succ + next[v]++].to;

			if (state[w] == 0) {
				state[w] = 1;
				stack[nst++] = w;
			} else if (state[w] == 1) {
				g->blocks[w].loop_head = 1;
			}
		} else {
			state[v] = 2;
			cnt[post++] = v;
			nst--;
		}
	}
	for (i = 0; i < post; i++) {
		unsigned v = cnt[post - 1 - i];

		g->order[i] = v;
		g->blocks[v].rpo = i;
	}
	g->norder = post;
	free(cnt);
	free(stack);
	free(next);
	free(state);
	*out = g;
	return ASP_OK;
}

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CompoundStmt)
		*(CXCursor *)d = c;
	return CXChildVisit_Continue;
}

int cfg_build(struct asp_ctx *ctx, struct arena *a, asp_node fn, struct cfg **out,
	      const char **why)
{
	struct builder b;
	CXCursor f = node_clang_cursor(fn), body = clang_getNullCursor();
	int rc = ASP_OK, i, nargs;

	*out = NULL;
	*why = NULL;
	memset(&b, 0, sizeof b);
	b.ctx = ctx;
	b.a = a;
	b.brk = b.cont = b.dispatch = NONE;
	b.vars = calloc(CFG_MAX_VARS, sizeof *b.vars);
	b.var_cursors = calloc(CFG_MAX_VARS, sizeof *b.var_cursors);
	b.slots = malloc(VAR_SLOTS * sizeof *b.slots);
	if (!b.vars || !b.var_cursors || !b.slots) {
		rc = ASP_ENOMEM;
		goto done;
	}
	memset(b.slots, 0xff, VAR_SLOTS * sizeof *b.slots);
	clang_visitChildren(f, find_body, &body);
	nargs = clang_Cursor_getNumArguments(f);
	for (i = 0; i < nargs; i++)
		var_add(&b, clang_Cursor_getArgument(f, (unsigned)i), 1);
	b.cur = new_block(&b);     /* entry: 0 */
	b.exit = new_block(&b);    /* exit: 1 */
	if (!clang_Cursor_isNull(body))
		stmt(&b, body);
	jump(&b, b.exit);
	if (b.failed) {
		rc = strcmp(b.why, "out of memory") == 0 ? ASP_ENOMEM : ASP_ELIMIT;
		*why = b.why;
		goto done;
	}
	rc = finish(&b, fn, out);
done:
	free(b.elems);
	free(b.edges);
	free(b.labels);
	free(b.vars);
	free(b.var_cursors);
	free(b.slots);
	return rc;
}
