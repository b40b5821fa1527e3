/*
 * MDS-CRY-002: calls that select a broken or weak primitive in OpenSSL,
 * mbedTLS/PSA, wolfSSL or BearSSL: MD2/MD4/MD5, SHA-1, DES and 3DES, RC2,
 * RC4, Blowfish, ECB mode, and RSA keys generated with fewer than 2048
 * bits. Only calls are matched, by exact name or a precise name pattern;
 * selector arguments only when constant: name literals, enumerators, PSA
 * identifiers by value. SHA-2, SHA-3 and AES in other modes never match.
 */
#include "asepsis/checker.h"

#include <ctype.h>
#include <string.h>

enum weak {
	WEAK_MD,       /* MD2, MD4, MD5 */
	WEAK_SHA1,
	WEAK_DES,      /* DES, 3DES */
	WEAK_RC4,
	WEAK_BLOCK64,  /* RC2, Blowfish */
	WEAK_ECB,
	WEAK_RSA
};

static const char *const why[] = {
	[WEAK_MD] = "collisions are found in seconds; use SHA-256 or stronger",
	[WEAK_SHA1] = "collisions are practical, so it cannot protect signatures, "
		      "certificates or integrity; use SHA-256 or stronger",
	[WEAK_DES] = "its 56-bit key (112-bit effective for 3DES, with a 64-bit block) "
		     "is too weak; use AES-GCM or AES-CCM",
	[WEAK_RC4] = "its keystream is biased and it is prohibited in TLS; use AES-GCM "
		     "or ChaCha20-Poly1305",
	[WEAK_BLOCK64] = "a 64-bit block repeats after a few gigabytes and the cipher is "
			 "deprecated; use AES-GCM or AES-CCM",
	[WEAK_ECB] = "ECB encrypts equal blocks to equal ciphertext, so patterns in the "
		     "data stay visible; use an authenticated mode (GCM, CCM)",
	[WEAK_RSA] = "RSA keys shorter than 2048 bits can be factored; use at least 2048 "
		     "bits (3072 for use beyond 2030)",
};

/* Name patterns: an optional single '*' matches any run of characters. */
struct weak_fn {
	const char *pattern;
	enum weak kind;
	const char *label;
};

static const struct weak_fn functions[] = {
	/* OpenSSL low-level digests and ciphers */
	{ "MD2", WEAK_MD, "MD2" }, { "MD2_*", WEAK_MD, "MD2" },
	{ "MD4", WEAK_MD, "MD4" }, { "MD4_*", WEAK_MD, "MD4" },
	{ "MD5", WEAK_MD, "MD5" }, { "MD5_*", WEAK_MD, "MD5" },
	{ "SHA1", WEAK_SHA1, "SHA-1" }, { "SHA1_*", WEAK_SHA1, "SHA-1" },
	{ "SHA_Init", WEAK_SHA1, "SHA-0" }, { "SHA_Update", WEAK_SHA1, "SHA-0" },
	{ "SHA_Final", WEAK_SHA1, "SHA-0" },
	{ "DES_*", WEAK_DES, "DES" },
	{ "RC4", WEAK_RC4, "RC4" }, { "RC4_set_key", WEAK_RC4, "RC4" },
	/* OpenSSL EVP selectors */
	{ "EVP_md2", WEAK_MD, "MD2" }, { "EVP_md4", WEAK_MD, "MD4" },
	{ "EVP_md5", WEAK_MD, "MD5" }, { "EVP_md5_sha1", WEAK_MD, "MD5" },
	{ "EVP_sha1", WEAK_SHA1, "SHA-1" },
	{ "EVP_des_*", WEAK_DES, "DES" },
	{ "EVP_rc4*", WEAK_RC4, "RC4" },
	{ "EVP_rc2_*", WEAK_BLOCK64, "RC2" },
	{ "EVP_bf_*", WEAK_BLOCK64, "Blowfish" },
	{ "EVP_*_ecb", WEAK_ECB, "ECB mode" },
	/* mbedTLS */
	{ "mbedtls_md2*", WEAK_MD, "MD2" }, { "mbedtls_md4*", WEAK_MD, "MD4" },
	{ "mbedtls_md5*", WEAK_MD, "MD5" },
	{ "mbedtls_sha1*", WEAK_SHA1, "SHA-1" },
	{ "mbedtls_des*", WEAK_DES, "DES" },
	{ "mbedtls_arc4*", WEAK_RC4, "RC4" },
	{ "mbedtls_blowfish*", WEAK_BLOCK64, "Blowfish" },
	{ "mbedtls_aes_crypt_ecb", WEAK_ECB, "AES in ECB mode" },
	/* wolfSSL (wc_Sha* is handled apart: SHA-2 and SHA-3 share the prefix) */
	{ "wc_InitMd2*", WEAK_MD, "MD2" }, { "wc_Md2*", WEAK_MD, "MD2" },
	{ "wc_InitMd4*", WEAK_MD, "MD4" }, { "wc_Md4*", WEAK_MD, "MD4" },
	{ "wc_InitMd5*", WEAK_MD, "MD5" }, { "wc_Md5*", WEAK_MD, "MD5" },
	{ "wc_InitSha", WEAK_SHA1, "SHA-1" }, { "wc_InitSha_ex", WEAK_SHA1, "SHA-1" },
	{ "wc_Des*", WEAK_DES, "DES" },
	{ "wc_Arc4*", WEAK_RC4, "RC4" },
	{ "wc_AesEcb*", WEAK_ECB, "AES in ECB mode" },
	/* BearSSL */
	{ "br_md5_*", WEAK_MD, "MD5" }, { "br_md5sha1_*", WEAK_MD, "MD5" },
	{ "br_sha1_*", WEAK_SHA1, "SHA-1" },
	{ "br_des_*", WEAK_DES, "DES" },
};

static int glob_match(const char *pat, const char *s)
{
	const char *star = strchr(pat, '*');
	size_t pre, post, len = strlen(s);

	if (!star)
		return strcmp(pat, s) == 0;
	pre = (size_t)(star - pat);
	post = strlen(star + 1);
	return len >= pre + post && strncmp(pat, s, pre) == 0 &&
	       strcmp(s + len - post, star + 1) == 0;
}

/* wolfSSL SHA-1: wc_ShaUpdate, wc_ShaFinal, ... but not wc_Sha256*, wc_Sha3_*. */
static int is_wolf_sha1(const char *s)
{
	return strncmp(s, "wc_Sha", 6) == 0 &&
	       (s[6] == '\0' || s[6] == '_' || isupper((unsigned char)s[6]));
}

/* --- selector arguments --------------------------------------------------- */

enum sel_form { SEL_NAME, SEL_ENUM, SEL_PSA, SEL_RSA_BITS };

struct selector {
	const char *callee;
	unsigned arg;          /* 0-based */
	enum sel_form form;
};

static const struct selector selectors[] = {
	{ "EVP_get_digestbyname", 0, SEL_NAME },
	{ "EVP_get_cipherbyname", 0, SEL_NAME },
	{ "EVP_MD_fetch", 1, SEL_NAME },
	{ "EVP_CIPHER_fetch", 1, SEL_NAME },
	{ "mbedtls_md_info_from_string", 0, SEL_NAME },
	{ "mbedtls_cipher_info_from_string", 0, SEL_NAME },
	{ "mbedtls_md_info_from_type", 0, SEL_ENUM },
	{ "mbedtls_cipher_info_from_type", 0, SEL_ENUM },
	{ "psa_hash_setup", 1, SEL_PSA },
	{ "psa_hash_compute", 0, SEL_PSA },
	{ "psa_hash_compare", 0, SEL_PSA },
	{ "psa_cipher_encrypt_setup", 2, SEL_PSA },
	{ "psa_cipher_decrypt_setup", 2, SEL_PSA },
	{ "psa_cipher_encrypt", 1, SEL_PSA },
	{ "psa_cipher_decrypt", 1, SEL_PSA },
	{ "psa_set_key_algorithm", 1, SEL_PSA },
	{ "psa_set_key_type", 1, SEL_PSA },
	{ "RSA_generate_key", 0, SEL_RSA_BITS },
	{ "RSA_generate_key_ex", 1, SEL_RSA_BITS },
	{ "EVP_PKEY_CTX_set_rsa_keygen_bits", 1, SEL_RSA_BITS },
	{ "mbedtls_rsa_gen_key", 3, SEL_RSA_BITS },
	{ "wc_MakeRsaKey", 1, SEL_RSA_BITS },
};

struct weak_token {
	const char *pattern;
	enum weak kind;
	const char *label;
};

/* mbedTLS enumerators, by name (their values changed between releases). */
static const struct weak_token enumerators[] = {
	{ "MBEDTLS_MD_MD2", WEAK_MD, "MD2" }, { "MBEDTLS_MD_MD4", WEAK_MD, "MD4" },
	{ "MBEDTLS_MD_MD5", WEAK_MD, "MD5" }, { "MBEDTLS_MD_SHA1", WEAK_SHA1, "SHA-1" },
	{ "MBEDTLS_CIPHER_DES_EDE*", WEAK_DES, "3DES" },
	{ "MBEDTLS_CIPHER_DES*", WEAK_DES, "DES" },
	{ "MBEDTLS_CIPHER_ARC4*", WEAK_RC4, "RC4" },
	{ "MBEDTLS_CIPHER_BLOWFISH*", WEAK_BLOCK64, "Blowfish" },
	{ "MBEDTLS_CIPHER_*_ECB", WEAK_ECB, "ECB mode" },
};

struct weak_value {
	long long value;
	enum weak kind;
	const char *label;
};

/*
 * PSA Crypto API algorithm and key type identifiers: macros, so they are
 * matched by value, which the PSA specification fixes.
 */
static const struct weak_value psa_values[] = {
	{ 0x02000001, WEAK_MD, "MD2 (PSA_ALG_MD2)" },
	{ 0x02000002, WEAK_MD, "MD4 (PSA_ALG_MD4)" },
	{ 0x02000003, WEAK_MD, "MD5 (PSA_ALG_MD5)" },
	{ 0x02000005, WEAK_SHA1, "SHA-1 (PSA_ALG_SHA_1)" },
	{ 0x04404400, WEAK_ECB, "ECB mode (PSA_ALG_ECB_NO_PADDING)" },
	{ 0x2301, WEAK_DES, "DES (PSA_KEY_TYPE_DES)" },
	{ 0x2002, WEAK_RC4, "RC4 (PSA_KEY_TYPE_ARC4)" },
};

/* Algorithm names as OpenSSL and mbedTLS spell them, compared case-blind. */
static const struct weak_token names[] = {
	{ "md2", WEAK_MD, "MD2" }, { "md4", WEAK_MD, "MD4" }, { "md5", WEAK_MD, "MD5" },
	{ "md5-sha1", WEAK_MD, "MD5" }, { "sha1", WEAK_SHA1, "SHA-1" },
	{ "sha-1", WEAK_SHA1, "SHA-1" }, { "ssl3-md5", WEAK_MD, "MD5" },
	{ "ssl3-sha1", WEAK_SHA1, "SHA-1" },
	{ "des-ede*", WEAK_DES, "3DES" }, { "des3*", WEAK_DES, "3DES" },
	{ "des*", WEAK_DES, "DES" }, { "rc4*", WEAK_RC4, "RC4" }, { "arc4*", WEAK_RC4, "RC4" },
	{ "rc2*", WEAK_BLOCK64, "RC2" }, { "bf", WEAK_BLOCK64, "Blowfish" },
	{ "bf-*", WEAK_BLOCK64, "Blowfish" },
	{ "blowfish*", WEAK_BLOCK64, "Blowfish" },
	{ "*-ecb", WEAK_ECB, "ECB mode" },
};

static asp_node strip_all(struct asp_ctx *ctx, asp_node n)
{
	unsigned guard = 0;

	n = asp_node_strip(ctx, n);
	while (asp_node_kind(n) == ASP_NODE_CAST && guard++ < 16) {
		unsigned c = asp_node_child_count(ctx, n);

		if (c == 0)
			break;
		n = asp_node_strip(ctx, asp_node_child(ctx, n, c - 1));
	}
	return n;
}

static const struct weak_token *match_name(struct asp_ctx *ctx, asp_node arg)
{
	char low[64];
	const char *s;
	size_t i;

	arg = strip_all(ctx, arg);
	if (asp_node_kind(arg) != ASP_NODE_STRING_LITERAL)
		return NULL;
	s = asp_node_string_value(ctx, arg, NULL);
	if (!s || strlen(s) >= sizeof low)
		return NULL;
	for (i = 0; s[i]; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[i] = '\0';
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (glob_match(names[i].pattern, low))
			return &names[i];
	return NULL;
}

/* The argument names an enumerator (directly, or through a macro). */
static const struct weak_token *match_enum(struct asp_ctx *ctx, asp_node arg)
{
	asp_node e = strip_all(ctx, arg);
	const char *name;
	size_t i;

	if (asp_node_kind(e) != ASP_NODE_DECL_REF)
		return NULL;
	e = asp_node_referenced(ctx, e);
	if (asp_node_kind(e) != ASP_NODE_ENUM_CONSTANT)
		return NULL;
	name = asp_node_spelling(ctx, e);
	for (i = 0; i < sizeof enumerators / sizeof enumerators[0]; i++)
		if (glob_match(enumerators[i].pattern, name))
			return &enumerators[i];
	return NULL;
}

static const struct weak_value *match_psa(struct asp_ctx *ctx, asp_node arg)
{
	long long v = 0;
	size_t i;

	if (!asp_node_int_value(ctx, arg, &v))
		return NULL;
	for (i = 0; i < sizeof psa_values / sizeof psa_values[0]; i++)
		if (psa_values[i].value == v)
			return &psa_values[i];
	return NULL;
}

static void report(struct asp_ctx *ctx, asp_node call, const char *callee,
		   const char *label, enum weak kind)
{
	if (kind == WEAK_DES && strcmp(label, "DES") == 0 &&
	    (strstr(callee, "ede") || strstr(callee, "des3") || strstr(callee, "Des3") ||
	     strstr(callee, "EDE")))
		label = "3DES";
	asp_report(ctx, call, "MDS-CRY-002", "%s() selects %s: %s", callee, label, why[kind]);
}

static void check_selector(struct asp_ctx *ctx, asp_node call, const char *callee,
			   const struct selector *s)
{
	asp_node arg = asp_node_arg(ctx, call, s->arg);
	const struct weak_token *w = NULL;
	const struct weak_value *pv;
	long long bits = 0;

	switch (s->form) {
	case SEL_NAME:
		w = match_name(ctx, arg);
		break;
	case SEL_ENUM:
		w = match_enum(ctx, arg);
		break;
	case SEL_PSA:
		pv = match_psa(ctx, arg);
		if (pv)
			report(ctx, call, callee, pv->label, pv->kind);
		return;
	case SEL_RSA_BITS:
		if (asp_node_int_value(ctx, arg, &bits) && bits > 0 && bits < 2048)
			asp_report(ctx, call, "MDS-CRY-002",
				   "%s() generates a %lld-bit RSA key: %s", callee, bits,
				   why[WEAK_RSA]);
		return;
	}
	if (w)
		report(ctx, call, callee, w->label, w->kind);
}

static int enter(struct asp_ctx *ctx, asp_node call)
{
	const char *callee = asp_node_callee_name(ctx, call);
	size_t i;

	if (!callee)
		return ASP_WALK_CONTINUE;
	for (i = 0; i < sizeof selectors / sizeof selectors[0]; i++) {
		if (strcmp(selectors[i].callee, callee) == 0) {
			if (asp_node_arg_count(ctx, call) > selectors[i].arg)
				check_selector(ctx, call, callee, &selectors[i]);
			return ASP_WALK_CONTINUE;
		}
	}
	if (is_wolf_sha1(callee)) {
		report(ctx, call, callee, "SHA-1", WEAK_SHA1);
		return ASP_WALK_CONTINUE;
	}
	for (i = 0; i < sizeof functions / sizeof functions[0]; i++) {
		if (glob_match(functions[i].pattern, callee)) {
			report(ctx, call, callee, functions[i].label, functions[i].kind);
			break;
		}
	}
	return ASP_WALK_CONTINUE;
}

static const int kinds[] = { ASP_NODE_CALL, 0 };

const struct asp_checker check_weak_crypto = {
	.abi_version = ASP_ABI_VERSION,
	.name = "weak_crypto",
	.kinds = kinds,
	.enter = enter,
};
