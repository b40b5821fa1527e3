/*
 * CXCursorKind to asp_node_kind. Differences between LLVM versions belong
 * here and nowhere else.
 */
#include "clang_front.h"

enum asp_node_kind kind_clang_map(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_TranslationUnit: return ASP_NODE_TRANSLATION_UNIT;
	case CXCursor_FunctionDecl: return ASP_NODE_FUNCTION;
	case CXCursor_VarDecl: return ASP_NODE_VAR;
	case CXCursor_ParmDecl: return ASP_NODE_PARAM;
	case CXCursor_FieldDecl: return ASP_NODE_FIELD;
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl: return ASP_NODE_RECORD;
	case CXCursor_EnumDecl: return ASP_NODE_ENUM;
	case CXCursor_EnumConstantDecl: return ASP_NODE_ENUM_CONSTANT;
	case CXCursor_TypedefDecl: return ASP_NODE_TYPEDEF;
	case CXCursor_CompoundStmt: return ASP_NODE_COMPOUND;
	case CXCursor_IfStmt: return ASP_NODE_IF;
	case CXCursor_SwitchStmt: return ASP_NODE_SWITCH;
	case CXCursor_CaseStmt: return ASP_NODE_CASE;
	case CXCursor_DefaultStmt: return ASP_NODE_DEFAULT;
	case CXCursor_WhileStmt: return ASP_NODE_WHILE;
	case CXCursor_DoStmt: return ASP_NODE_DO;
	case CXCursor_ForStmt: return ASP_NODE_FOR;
	case CXCursor_GotoStmt:
	case CXCursor_IndirectGotoStmt: return ASP_NODE_GOTO;
	case CXCursor_LabelStmt: return ASP_NODE_LABEL;
	case CXCursor_ContinueStmt: return ASP_NODE_CONTINUE;
	case CXCursor_BreakStmt: return ASP_NODE_BREAK;
	case CXCursor_ReturnStmt: return ASP_NODE_RETURN;
	case CXCursor_DeclStmt: return ASP_NODE_DECL_STMT;
	case CXCursor_NullStmt: return ASP_NODE_NULL_STMT;
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt: return ASP_NODE_ASM;
	case CXCursor_CallExpr: return ASP_NODE_CALL;
	case CXCursor_DeclRefExpr: return ASP_NODE_DECL_REF;
	case CXCursor_MemberRefExpr: return ASP_NODE_MEMBER_REF;
	case CXCursor_IntegerLiteral: return ASP_NODE_INT_LITERAL;
	case CXCursor_FloatingLiteral: return ASP_NODE_FLOAT_LITERAL;
	case CXCursor_CharacterLiteral: return ASP_NODE_CHAR_LITERAL;
	case CXCursor_StringLiteral: return ASP_NODE_STRING_LITERAL;
	case CXCursor_ParenExpr: return ASP_NODE_PAREN;
	case CXCursor_UnaryOperator: return ASP_NODE_UNARY_OP;
	case CXCursor_BinaryOperator: return ASP_NODE_BINARY_OP;
	case CXCursor_CompoundAssignOperator: return ASP_NODE_COMPOUND_ASSIGN;
	case CXCursor_ConditionalOperator: return ASP_NODE_CONDITIONAL;
	case CXCursor_ArraySubscriptExpr: return ASP_NODE_SUBSCRIPT;
	case CXCursor_CStyleCastExpr: return ASP_NODE_CAST;
	case CXCursor_UnexposedExpr: return ASP_NODE_IMPLICIT;
	case CXCursor_UnaryExpr: return ASP_NODE_SIZEOF;
	case CXCursor_InitListExpr: return ASP_NODE_INIT_LIST;
	case CXCursor_CompoundLiteralExpr: return ASP_NODE_COMPOUND_LITERAL;
	case CXCursor_StmtExpr: return ASP_NODE_STMT_EXPR;
	case CXCursor_TypeRef: return ASP_NODE_TYPE_REF;
	default:
		if (clang_isAttribute(k))
			return ASP_NODE_ATTR;
		return ASP_NODE_UNKNOWN;
	}
}
