/*
 * MDS-SEC-001: a credential in the code: a variable or member named like one
 * (in words: password, pwd, secret, api key, pin code, ...) given a non-empty
 * string literal, or compared with one by strcmp/memcmp. `pin`, `key`, `token`
 * alone never match; prompts, labels, messages, formats, placeholders and
 * names that describe a credential (pwd_prompt) are silent.
 */
#include "asepsis/checker.h"

#include <ctype.h>
#include <string.h>

#define RULE "MDS-SEC-001"
#define MAX_WORDS 16
#define WORD_LEN 32

struct words {
	char w[MAX_WORDS][WORD_LEN];
	unsigned n;
};

/* Words that name a credential in any identifier. */
static const char *const strict_words[] = {
	"password", "passwords", "passwd", "passwrd", "pwd", "passphrase", "secret",
	"secrets", "credential", "credentials", "apikey", "passcode", "pincode",
	"passkey", NULL
};

/* Also credentials when compared with a literal: strcmp(pw, "...") (never `pin`: GPIO) */
static const char *const compare_words[] = { "pw", "pass", NULL };

static const char *const pairs[][2] = {
	{ "api", "key" }, { "access", "token" }, { "auth", "token" },
	{ "private", "key" }, { "pin", "code" }, { "service", "pin" },
	{ "access", "key" }, { "admin", "pin" }, { "master", "pin" },
	{ "unlock", "code" }, { "bearer", "token" },
};

/* Words that make the name describe a credential rather than hold one. */
static const char *const meta_words[] = {
	"prompt", "msg", "message", "label", "hint", "text", "txt", "fmt", "format",
	"name", "field", "path", "file", "filename", "dir", "env", "var", "len",
	"length", "size", "max", "min", "prefix", "suffix", "policy", "error", "err",
	"title", "tag", "type", "mode", "help", "attr", "param", "opt", "option",
	"arg", "usage", "hash", "id", "url", "uri", "endpoint", "regex", "pattern",
	"mask", "char", "chars", "count", "flag", "enabled", "required", "changed",
	"expired", "timeout", "retries", "attempts", "ok", "valid", "invalid", "wrong",
	"bad", "fail", "failed", "str", "desc", "column", "col", "header", "cmd",
	"command", "event", "state", "status", "level", "strength", "rule", "rules",
	NULL
};

static int in_list(const char *w, const char *const *list)
{
	unsigned i;

	for (i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Splits snake_case, camelCase, UPPER_CASE and digits into lower-case words. */
static void split(const char *id, struct words *out)
{
	size_t len = strlen(id), i, start = 0;

	out->n = 0;
	for (i = 0; i <= len && out->n < MAX_WORDS; i++) {
		int boundary = 0;
		unsigned char c = (unsigned char)id[i];

		if (i == len || !isalpha(c)) {
			boundary = 1;
		} else if (i > start) {
			unsigned char p = (unsigned char)id[i - 1];
			unsigned char nx = (unsigned char)id[i + 1];

			if (islower(p) && isupper(c))
				boundary = 2;   /* fooBar */
			else if (isupper(p) && isupper(c) && islower(nx))
				boundary = 2;   /* APIKey */
		}
		if (!boundary)
			continue;
		if (i > start) {
			size_t wl = i - start, k;

			if (wl >= WORD_LEN)
				wl = WORD_LEN - 1;
			for (k = 0; k < wl; k++)
				out->w[out->n][k] = (char)tolower((unsigned char)id[start + k]);
			out->w[out->n][wl] = '\0';
			out->n++;
		}
		start = boundary == 2 ? i : i + 1;
	}
}

/* Whether an identifier names a credential; `loose` adds pw/pass/pin. */
static int credential_name(const char *id, int loose)
{
	struct words ws;
	unsigned i, k;
	int hit = 0;

	if (!id || !id[0])
		return 0;
	split(id, &ws);
	for (i = 0; i < ws.n; i++) {
		const char *w = ws.w[i];

		if (in_list(w, meta_words))
			return 0;
		if (in_list(w, strict_words) || strstr(w, "password") || strstr(w, "passwd") ||
		    strstr(w, "passphrase") || (loose && in_list(w, compare_words)))
			hit = 1;
		for (k = 0; i + 1 < ws.n && k < sizeof pairs / sizeof pairs[0]; k++)
			if (strcmp(w, pairs[k][0]) == 0 && strcmp(ws.w[i + 1], pairs[k][1]) == 0)
				hit = 1;
	}
	return hit;
}

/*
 * Whether a literal can be a credential: not empty, not a format, prompt,
 * message, label or placeholder.
 */
static int credential_value(const char *s, size_t len)
{
	static const char *const about[] = {
		"password", "passwd", "pwd", "passphrase", "secret", "pin", "key",
		"token", "credential", "login", "passcode", NULL
	};
	static const char *const placeholders[] = {
		"none", "null", "unset", "n/a", "todo", "tbd", "default", "empty", NULL
	};
	size_t i, end = len;
	int space = 0, digit = 0, same = 1, label = 1;
	char lower[32];

	if (!s || len == 0 || strlen(s) != len)
		return 0;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end == 0 || s[end - 1] == ':' || s[end - 1] == '=' || s[end - 1] == '?')
		return 0;
	if ((s[0] == '<' && s[end - 1] == '>') || s[0] == '$' || strncmp(s, "{{", 2) == 0)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%' || c == '\n' || c == '\r')
			return 0;
		if (c == ' ')
			space = 1;
		if (isdigit(c))
			digit = 1;
		if (c != (unsigned char)s[0])
			same = 0;
		if (!isalpha(c) && c != '_' && c != '.' && c != '-')
			label = 0;
	}
	if (same && !digit)
		return 0;   /* "****", "xxxxxxxx"; "0000" is a real default PIN */
	if (space || (label && !digit)) {
		struct words ws;

		/* "Enter password", "wifi.password": about a credential, not one */
		split(s, &ws);
		for (i = 0; i < ws.n; i++)
			if (in_list(ws.w[i], about))
				return 0;
	}
	if (len < sizeof lower) {
		for (i = 0; i <= len; i++)
			lower[i] = (char)tolower((unsigned char)s[i]);
		if (in_list(lower, placeholders))
			return 0;
	}
	return 1;
}

static asp_node strip_casts(struct asp_ctx *ctx, asp_node n)
{
	unsigned guard = 0;

	while (guard++ < 64) {
		unsigned c;

		n = asp_node_strip(ctx, n);
		if (asp_node_kind(n) != ASP_NODE_CAST)
			break;
		c = asp_node_child_count(ctx, n);
		if (c == 0)
			break;
		n = asp_node_child(ctx, n, c - 1);
	}
	return n;
}

/* The string literal e is (through casts, or a braced single literal), or NULL. */
static const char *literal_of(struct asp_ctx *ctx, asp_node e, size_t *len)
{
	e = strip_casts(ctx, e);
	if (asp_node_kind(e) == ASP_NODE_INIT_LIST && asp_node_child_count(ctx, e) == 1)
		e = strip_casts(ctx, asp_node_child(ctx, e, 0));
	if (asp_node_kind(e) != ASP_NODE_STRING_LITERAL)
		return NULL;
	return asp_node_string_value(ctx, e, len);
}

/* The name an argument refers to: p, s->pw, pw[0], *pw, &cfg.password. */
static const char *name_of(struct asp_ctx *ctx, asp_node e)
{
	unsigned guard;

	for (guard = 0; guard < 8; guard++) {
		e = strip_casts(ctx, e);
		switch (asp_node_kind(e)) {
		case ASP_NODE_DECL_REF: case ASP_NODE_MEMBER_REF:
			return asp_node_spelling(ctx, e);
		case ASP_NODE_SUBSCRIPT: case ASP_NODE_UNARY_OP:
			e = asp_node_child(ctx, e, 0);
			continue;
		default:
			return NULL;
		}
	}
	return NULL;
}

static const char *const compare_fns[] = {
	"strcmp", "strncmp", "strcasecmp", "strncasecmp", "memcmp", "bcmp",
	"CRYPTO_memcmp", "mbedtls_ct_memcmp", "timingsafe_bcmp", "timingsafe_memcmp",
	"consttime_memequal", "wolfSSL_ConstantCompare", "ConstantCompare", NULL
};

static const char *const copy_fns[] = {
	"strcpy", "strncpy", "strlcpy", "memcpy", "stpcpy", NULL
};

static void check_call(struct asp_ctx *ctx, asp_node n)
{
	const char *fn = asp_node_callee_name(ctx, n), *lit, *name;
	unsigned i;
	size_t len;

	if (!fn)
		return;
	if (strncmp(fn, "__builtin_", 10) == 0)
		fn += 10;
	if (in_list(fn, compare_fns) && asp_node_arg_count(ctx, n) >= 2) {
		for (i = 0; i < 2; i++) {
			lit = literal_of(ctx, asp_node_arg(ctx, n, i), &len);
			name = name_of(ctx, asp_node_arg(ctx, n, 1 - i));
			if (lit && name && credential_value(lit, len) && credential_name(name, 1)) {
				asp_report(ctx, n, RULE,
					   "'%s' is compared with a hard-coded credential in %s()",
					   name, fn);
				return;
			}
		}
		return;
	}
	if (in_list(fn, copy_fns) && asp_node_arg_count(ctx, n) >= 2) {
		lit = literal_of(ctx, asp_node_arg(ctx, n, 1), &len);
		name = name_of(ctx, asp_node_arg(ctx, n, 0));
		if (lit && name && credential_value(lit, len) && credential_name(name, 0))
			asp_report(ctx, n, RULE,
				   "a hard-coded credential is copied into '%s' by %s()", name, fn);
	}
}

/* { .admin_password = "admin" }: a designator is an unexposed node naming the field. */
static void check_init_list(struct asp_ctx *ctx, asp_node n)
{
	unsigned i, count = asp_node_child_count(ctx, n);

	for (i = 0; i < count; i++) {
		asp_node d = asp_node_child(ctx, n, i), field;
		const char *lit, *name;
		unsigned k = asp_node_child_count(ctx, d);
		size_t len;

		if (asp_node_kind(d) != ASP_NODE_IMPLICIT || k < 2)
			goto next;
		field = asp_node_child(ctx, d, k - 2);
		if (asp_node_kind(field) != ASP_NODE_UNKNOWN)
			goto next;
		name = asp_node_spelling(ctx, field);
		if (!credential_name(name, 0))
			goto next;
		lit = literal_of(ctx, asp_node_child(ctx, d, k - 1), &len);
		if (lit && credential_value(lit, len))
			asp_report(ctx, d, RULE, "'%s' is initialised with a hard-coded credential",
				   name);
next:
		count = asp_node_child_count(ctx, n);
	}
}

static int enter(struct asp_ctx *ctx, asp_node n)
{
	const char *lit, *name;
	size_t len;

	switch (asp_node_kind(n)) {
	case ASP_NODE_VAR: {
		unsigned c = asp_node_child_count(ctx, n);

		if (c == 0)
			return ASP_WALK_CONTINUE;
		name = asp_node_spelling(ctx, n);
		if (!credential_name(name, 0))
			return ASP_WALK_CONTINUE;
		lit = literal_of(ctx, asp_node_child(ctx, n, c - 1), &len);
		if (lit && credential_value(lit, len))
			asp_report(ctx, n, RULE, "'%s' is initialised with a hard-coded credential",
				   name);
		break;
	}
	case ASP_NODE_BINARY_OP: {
		asp_node lhs;

		if (asp_node_operator(ctx, n) != ASP_OP_ASSIGN)
			return ASP_WALK_CONTINUE;
		lhs = asp_node_strip(ctx, asp_node_child(ctx, n, 0));
		if (asp_node_kind(lhs) != ASP_NODE_DECL_REF && asp_node_kind(lhs) != ASP_NODE_MEMBER_REF)
			return ASP_WALK_CONTINUE;
		name = asp_node_spelling(ctx, lhs);
		if (!credential_name(name, 0))
			return ASP_WALK_CONTINUE;
		lit = literal_of(ctx, asp_node_child(ctx, n, 1), &len);
		if (lit && credential_value(lit, len))
			asp_report(ctx, n, RULE, "'%s' is assigned a hard-coded credential", name);
		break;
	}
	case ASP_NODE_CALL:
		check_call(ctx, n);
		break;
	case ASP_NODE_INIT_LIST:
		check_init_list(ctx, n);
		break;
	default:
		break;
	}
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = {
	ASP_NODE_VAR, ASP_NODE_BINARY_OP, ASP_NODE_CALL, ASP_NODE_INIT_LIST, 0
};

const struct asp_checker check_hardcoded_credential = {
	.abi_version = ASP_ABI_VERSION,
	.name = "hardcoded_credential",
	.kinds = kinds,
	.enter = enter,
};
