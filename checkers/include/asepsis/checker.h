/*
 * asepsis checker ABI.
 *
 * A checker is one `const struct asp_checker` with designated initialisers:
 * the node kinds it wants and the callbacks it implements. It sees code only
 * through the asp_node_* accessors below and reports only through
 * asp_report(). This header includes no front-end header, so checkers and
 * plugins do not depend on the LLVM or tree-sitter version.
 *
 * Strings returned by accessors live in the translation unit's arena: they
 * stay valid until tu_end returns and must not be freed.
 */
#ifndef ASEPSIS_CHECKER_H
#define ASEPSIS_CHECKER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ASP_ABI_VERSION 2   /* 2: asp_report_step */
#define ASP_ABI_MIN 1

#if defined(__GNUC__)
#define ASP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ASP_API __attribute__((visibility("default")))
#else
#define ASP_PRINTF(f, a)
#define ASP_API
#endif

enum asp_node_kind {
	ASP_NODE_UNKNOWN = 0,      /* also the terminator of asp_checker.kinds */
	ASP_NODE_TRANSLATION_UNIT,
	/* declarations */
	ASP_NODE_FUNCTION,         /* declaration or definition */
	ASP_NODE_VAR,
	ASP_NODE_PARAM,
	ASP_NODE_FIELD,
	ASP_NODE_RECORD,           /* struct or union */
	ASP_NODE_ENUM,
	ASP_NODE_ENUM_CONSTANT,
	ASP_NODE_TYPEDEF,
	/* statements */
	ASP_NODE_COMPOUND,
	ASP_NODE_IF,
	ASP_NODE_SWITCH,
	ASP_NODE_CASE,
	ASP_NODE_DEFAULT,
	ASP_NODE_WHILE,
	ASP_NODE_DO,
	ASP_NODE_FOR,
	ASP_NODE_GOTO,
	ASP_NODE_LABEL,
	ASP_NODE_CONTINUE,
	ASP_NODE_BREAK,
	ASP_NODE_RETURN,
	ASP_NODE_DECL_STMT,
	ASP_NODE_NULL_STMT,
	ASP_NODE_ASM,
	/* expressions */
	ASP_NODE_CALL,
	ASP_NODE_DECL_REF,         /* use of a variable, function or enumerator */
	ASP_NODE_MEMBER_REF,       /* a.b or a->b */
	ASP_NODE_INT_LITERAL,
	ASP_NODE_FLOAT_LITERAL,
	ASP_NODE_CHAR_LITERAL,
	ASP_NODE_STRING_LITERAL,
	ASP_NODE_PAREN,
	ASP_NODE_UNARY_OP,
	ASP_NODE_BINARY_OP,
	ASP_NODE_COMPOUND_ASSIGN,  /* +=, -=, <<=, ... */
	ASP_NODE_CONDITIONAL,      /* ?: */
	ASP_NODE_SUBSCRIPT,
	ASP_NODE_CAST,             /* explicit cast */
	ASP_NODE_IMPLICIT,         /* implicit conversion or other unexposed expression */
	ASP_NODE_SIZEOF,           /* sizeof, _Alignof */
	ASP_NODE_INIT_LIST,
	ASP_NODE_COMPOUND_LITERAL,
	ASP_NODE_STMT_EXPR,
	ASP_NODE_TYPE_REF,
	ASP_NODE_ATTR,
	ASP_NODE__COUNT
};

/* Operators of ASP_NODE_UNARY_OP, ASP_NODE_BINARY_OP, ASP_NODE_COMPOUND_ASSIGN. */
enum asp_op {
	ASP_OP_NONE = 0,
	ASP_OP_MUL, ASP_OP_DIV, ASP_OP_REM, ASP_OP_ADD, ASP_OP_SUB,
	ASP_OP_SHL, ASP_OP_SHR,
	ASP_OP_LT, ASP_OP_GT, ASP_OP_LE, ASP_OP_GE, ASP_OP_EQ, ASP_OP_NE,
	ASP_OP_AND, ASP_OP_XOR, ASP_OP_OR, ASP_OP_LAND, ASP_OP_LOR,
	ASP_OP_ASSIGN,
	ASP_OP_MUL_ASSIGN, ASP_OP_DIV_ASSIGN, ASP_OP_REM_ASSIGN, ASP_OP_ADD_ASSIGN,
	ASP_OP_SUB_ASSIGN, ASP_OP_SHL_ASSIGN, ASP_OP_SHR_ASSIGN, ASP_OP_AND_ASSIGN,
	ASP_OP_XOR_ASSIGN, ASP_OP_OR_ASSIGN,
	ASP_OP_COMMA,
	ASP_OP_POST_INC, ASP_OP_POST_DEC, ASP_OP_PRE_INC, ASP_OP_PRE_DEC,
	ASP_OP_ADDR_OF, ASP_OP_DEREF, ASP_OP_PLUS, ASP_OP_MINUS, ASP_OP_NOT,
	ASP_OP_LNOT,
	ASP_OP_OTHER,
	ASP_OP_SIZEOF, ASP_OP_ALIGNOF   /* of ASP_NODE_SIZEOF */
};

/* What enter() returns. SKIP and DONE mute only the checker that returns them. */
enum asp_walk {
	ASP_WALK_CONTINUE = 0,
	ASP_WALK_SKIP = 1,   /* do not show me this node's children */
	ASP_WALK_DONE = 2    /* nothing more for me in this translation unit */
};

/* A node, passed by value. Treat every field as opaque. */
typedef struct asp_node {
	int engine;          /* 0: null node */
	int kind;            /* enum asp_node_kind */
	uintptr_t opaque[4];
} asp_node;

struct asp_ctx;

struct asp_loc {
	const char *file;    /* path as the front end names it; arena */
	unsigned line, column;          /* 1-based */
	unsigned end_line, end_column;  /* one past the last character */
};

enum asp_type_flag {
	ASP_TYPE_POINTER  = 1u << 0,
	ASP_TYPE_ARRAY    = 1u << 1,  /* constant, incomplete or variable length */
	ASP_TYPE_VLA      = 1u << 2,
	ASP_TYPE_INTEGER  = 1u << 3,  /* includes char, bool and enums */
	ASP_TYPE_SIGNED   = 1u << 4,
	ASP_TYPE_FLOAT    = 1u << 5,
	ASP_TYPE_RECORD   = 1u << 6,
	ASP_TYPE_FUNCTION = 1u << 7,
	ASP_TYPE_VOID     = 1u << 8,
	ASP_TYPE_CONST    = 1u << 9,
	ASP_TYPE_VOLATILE = 1u << 10,
	ASP_TYPE_CHAR     = 1u << 11, /* char, signed char, unsigned char, wchar_t */
	ASP_TYPE_VARIADIC = 1u << 12  /* function type with ... */
};

struct asp_type {
	unsigned flags;          /* enum asp_type_flag, of the canonical type */
	long long size;          /* sizeof in bytes; -1 when unknown */
	long long array_len;     /* element count of a constant array; -1 otherwise */
	unsigned bits;           /* width of an integer type; 0 otherwise */
	const char *spelling;    /* as written (typedef names kept); arena */
	const char *canonical;   /* canonical spelling; arena */
	const char *pointee;     /* canonical spelling of the pointee or element; arena; NULL if none */
	long long pointee_size;  /* sizeof the pointee or element; -1 when unknown */
	unsigned pointee_flags;  /* enum asp_type_flag of the pointee or element */
};

/* Storage of a declaration (ASP_NODE_VAR, ASP_NODE_PARAM, ASP_NODE_FUNCTION). */
enum asp_storage {
	ASP_STORAGE_NONE = 0,
	ASP_STORAGE_LOCAL,       /* automatic variable */
	ASP_STORAGE_LOCAL_STATIC,
	ASP_STORAGE_PARAM,
	ASP_STORAGE_GLOBAL,      /* file scope, external linkage */
	ASP_STORAGE_FILE_STATIC, /* file scope, internal linkage */
	ASP_STORAGE_EXTERN       /* declared, defined elsewhere */
};

struct asp_checker {
	int abi_version;                 /* ASP_ABI_VERSION */
	const char *name;                /* what rule files name in `checker:` */
	const int *kinds;                /* enum asp_node_kind list, ending in 0 */
	void (*tu_begin)(struct asp_ctx *ctx);
	int (*enter)(struct asp_ctx *ctx, asp_node node);   /* enum asp_walk */
	void (*leave)(struct asp_ctx *ctx, asp_node node);
	void (*func_end)(struct asp_ctx *ctx, asp_node fn); /* after a function definition */
	void (*tu_end)(struct asp_ctx *ctx);
};

/* --- nodes ------------------------------------------------------------- */

ASP_API enum asp_node_kind asp_node_kind(asp_node n);
ASP_API int asp_node_is_null(asp_node n);
ASP_API int asp_node_equal(asp_node a, asp_node b);
/* Name of a declaration, reference, member or callee; literal text otherwise. */
ASP_API const char *asp_node_spelling(struct asp_ctx *ctx, asp_node n);
/* Source tokens joined by single spaces, at most max_tokens (0: 256). */
ASP_API const char *asp_node_text(struct asp_ctx *ctx, asp_node n, unsigned max_tokens);
ASP_API int asp_node_location(struct asp_ctx *ctx, asp_node n, struct asp_loc *out);
ASP_API unsigned asp_node_child_count(struct asp_ctx *ctx, asp_node n);
ASP_API asp_node asp_node_child(struct asp_ctx *ctx, asp_node n, unsigned i);
/* Skips parentheses and implicit conversions. */
ASP_API asp_node asp_node_strip(struct asp_ctx *ctx, asp_node n);
/* The declaration a reference, call or member expression refers to. */
ASP_API asp_node asp_node_referenced(struct asp_ctx *ctx, asp_node n);
ASP_API int asp_node_is_definition(asp_node n);
ASP_API enum asp_storage asp_node_storage(struct asp_ctx *ctx, asp_node n);
/* Type of an expression or declaration; returns 0 when it has none. */
ASP_API int asp_node_type(struct asp_ctx *ctx, asp_node n, struct asp_type *out);
/* For ASP_NODE_SIZEOF: the type measured (of the operand expression or type name). */
ASP_API int asp_node_sizeof_type(struct asp_ctx *ctx, asp_node n, struct asp_type *out);
/* For ASP_NODE_SIZEOF: the operand expression, or a null node for sizeof(type). */
ASP_API asp_node asp_node_sizeof_operand(struct asp_ctx *ctx, asp_node n);
/* Integer value if the expression is an integer constant expression. */
ASP_API int asp_node_int_value(struct asp_ctx *ctx, asp_node n, long long *out);
/* Bytes of a string literal after escapes, without the terminating NUL. */
ASP_API const char *asp_node_string_value(struct asp_ctx *ctx, asp_node n, size_t *len);
ASP_API enum asp_op asp_node_operator(struct asp_ctx *ctx, asp_node n);

/* Calls. */
ASP_API const char *asp_node_callee_name(struct asp_ctx *ctx, asp_node call); /* NULL if indirect */
ASP_API unsigned asp_node_arg_count(struct asp_ctx *ctx, asp_node call);
ASP_API asp_node asp_node_arg(struct asp_ctx *ctx, asp_node call, unsigned i);
/* For a function declaration with __attribute__((format(printf|scanf, F, A))):
   1-based format and first-argument indexes, and whether it is a scanf kind. */
ASP_API int asp_node_format_attr(struct asp_ctx *ctx, asp_node fn, unsigned *fmt_index,
			 unsigned *first_arg, int *is_scanf);
ASP_API int asp_node_is_noreturn(struct asp_ctx *ctx, asp_node fn);

/* --- context ----------------------------------------------------------- */

/* The function definition being walked, or a null node. */
ASP_API asp_node asp_ctx_function(struct asp_ctx *ctx);
/* Ancestor of the node being visited: 0 = parent, 1 = grandparent, ... */
ASP_API asp_node asp_ctx_parent(struct asp_ctx *ctx, unsigned up);
/* 1 when n, a node of the current walk, is never evaluated: inside sizeof,
   or in the arm of if, ?:, && or || that a constant condition rules out. */
ASP_API int asp_ctx_not_evaluated(struct asp_ctx *ctx, asp_node n);
/* This checker's state for the translation unit (NULL until set). */
ASP_API void *asp_ctx_state(struct asp_ctx *ctx);
ASP_API void asp_ctx_set_state(struct asp_ctx *ctx, void *state);
/* Zeroed memory from the translation unit's arena; NULL when the cap is hit. */
ASP_API void *asp_ctx_alloc(struct asp_ctx *ctx, size_t size);

/* --- reporting ---------------------------------------------------------- */

/* The only way to emit a finding: locates it, attaches the enclosing
   function and statement text, and drops it if the rule is disabled or the
   location lies outside the analysed project. Never prints. */
ASP_API void asp_report(struct asp_ctx *ctx, asp_node n, const char *rule_id,
		const char *fmt, ...) ASP_PRINTF(4, 5);

/* What a step of a finding's path is (SARIF threadFlowLocation kinds). */
enum asp_step_kind {
	ASP_STEP_NOTE = 0,         /* anything else worth saying */
	ASP_STEP_SOURCE,           /* where the value came from (NULL, an allocation) */
	ASP_STEP_BRANCH,           /* a condition and the way taken */
	ASP_STEP_ACQUIRE,          /* a resource or lock taken */
	ASP_STEP_RELEASE,          /* a resource or lock released, memory freed */
	ASP_STEP_CALL,             /* a call that matters to the path */
	ASP_STEP_ASSIGN,           /* a value copied or overwritten */
	ASP_STEP_EXIT              /* the function returns or the scope ends */
};

/* Adds a step to the path of the next finding this checker reports, in the
   order the program runs them; asp_report attaches the pending steps (the
   reported node is the last step) and clears them, also when the finding is
   dropped. At most 64 steps per finding: the first 63 and the last are
   kept. Since ABI 2. */
ASP_API void asp_report_step(struct asp_ctx *ctx, asp_node n, enum asp_step_kind kind,
			     const char *fmt, ...) ASP_PRINTF(4, 5);

#ifdef __cplusplus
}
#endif

#endif
