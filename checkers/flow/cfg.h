/*
 * Control-flow graph of one function definition, built from libclang
 * cursors. Blocks hold the function's expressions in evaluation order
 * (post-order: operands before their operator); edges are normal, or the
 * true/false outcome of a condition node. Everything lives in the
 * function's flow arena (see dataflow.h) and is dropped at function end.
 * Internal to checkers/: checkers reach it through flow/dataflow.h.
 */
#ifndef ASP_FLOW_CFG_H
#define ASP_FLOW_CFG_H

#include "asepsis/checker.h"

struct arena;

/* Limits: past any of them cfg_build fails with ASP_ELIMIT. */
#define CFG_MAX_BLOCKS 20000u
#define CFG_MAX_ELEMS 100000u
#define CFG_MAX_EDGES 60000u
#define CFG_MAX_VARS 1024u
#define CFG_MAX_NEST 800u

enum cfg_edge_kind {
	CFG_EDGE_NORMAL = 0,
	CFG_EDGE_TRUE,       /* cond evaluated non-zero */
	CFG_EDGE_FALSE       /* cond evaluated zero */
};

struct cfg_edge {
	unsigned from, to;
	int kind;            /* enum cfg_edge_kind */
	asp_node cond;       /* the condition (parentheses stripped) for TRUE/FALSE */
};

/* How an element that refers to a tracked variable uses it. */
enum cfg_use {
	CFG_USE_NONE = 0,
	CFG_USE_READ,        /* value read (operand, initialiser, condition, return, ...) */
	CFG_USE_DEREF,       /* pointer value dereferenced: *p, p->f, p[i], *(p + i) */
	CFG_USE_WRITE,       /* left side of '=' (written, not read) */
	CFG_USE_RMW,         /* compound assignment, ++, -- */
	CFG_USE_ADDR,        /* &x, or an array naming its own storage */
	CFG_USE_ARG,         /* argument argi of the call `parent` */
	CFG_USE_MEMBER       /* x.f or x[i] of a local aggregate: partial access */
};

enum cfg_elem_flag {
	CFG_EF_DECL = 1u << 0,      /* node is a local VAR declaration */
	CFG_EF_INIT = 1u << 1,      /* ... with an initialiser (evaluated just before) */
	CFG_EF_RETURN = 1u << 2,    /* node is a return statement */
	CFG_EF_NORETURN = 1u << 3,  /* node is a call that does not return */
	CFG_EF_LVALUE_PART = 1u << 4, /* MEMBER use on the written side of an assignment */
	CFG_EF_DERIVED = 1u << 5     /* DEREF under &: &p->f, &p[i] derive a pointer from p */
};

struct cfg_elem {
	asp_node node;
	asp_node parent;     /* nearest enclosing operator or statement (parens/casts skipped) */
	int var;             /* tracked variable of a DECL_REF or VAR element; -1 otherwise */
	unsigned char use;   /* enum cfg_use, for var >= 0 */
	unsigned char flags; /* enum cfg_elem_flag */
	unsigned short argi; /* argument index for CFG_USE_ARG */
	const char *callee;  /* calls, and arguments (CFG_USE_ARG): the direct callee's name; NULL otherwise */
};

enum cfg_var_flag {
	CFG_VAR_PARAM = 1u << 0,
	CFG_VAR_POINTER = 1u << 1,
	CFG_VAR_ARRAY = 1u << 2,
	CFG_VAR_RECORD = 1u << 3,
	CFG_VAR_INTEGER = 1u << 4,
	CFG_VAR_UNSIGNED = 1u << 5,
	CFG_VAR_STATIC = 1u << 6,   /* local static or extern: not automatic */
	CFG_VAR_VOLATILE = 1u << 7,
	CFG_VAR_ADDRESSED = 1u << 8 /* its address is taken somewhere in the function */
};

struct cfg_var {
	asp_node decl;
	const char *name;    /* flow arena */
	unsigned flags;      /* enum cfg_var_flag */
	long long array_len; /* element count of a constant array; -1 otherwise */
};

struct cfg_block {
	unsigned first, nelems;      /* range in cfg.elems */
	unsigned succ, nsucc;        /* range in cfg.edges (sorted by from) */
	unsigned pred, npred;        /* range in cfg.pred_edges: indexes into cfg.edges */
	unsigned rpo;                /* reverse post-order number; UINT_MAX if unreachable */
	unsigned char loop_head;     /* target of a back edge */
};

struct cfg {
	asp_node fn;
	struct cfg_block *blocks;
	unsigned nblocks, entry, exit;
	struct cfg_elem *elems;
	unsigned nelems;
	struct cfg_edge *edges;
	unsigned nedges;
	unsigned *pred_edges;
	unsigned *order;             /* reachable blocks in reverse post-order */
	unsigned norder;
	struct cfg_var *vars;
	unsigned nvars;
};

/* Builds the graph of function definition fn into arena a. Returns ASP_OK,
   ASP_ELIMIT when a bound is passed or the function uses a computed goto
   (*why names the limit, static storage), or ASP_ENOMEM. */
int cfg_build(struct asp_ctx *ctx, struct arena *a, asp_node fn, struct cfg **out,
	      const char **why);

#endif
