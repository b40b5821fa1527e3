/* MDS-CRY-002: current primitives, and names that only look weak. */
#include <stddef.h>
#include <stdint.h>

typedef struct evp_md_st EVP_MD;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct rsa_st RSA;
typedef struct bignum_st BIGNUM;
const EVP_MD *EVP_sha256(void);
const EVP_MD *EVP_sha3_256(void);
const EVP_MD *EVP_get_digestbyname(const char *name);
const EVP_CIPHER *EVP_aes_256_gcm(void);
const EVP_CIPHER *EVP_aes_128_cbc(void);
int RSA_generate_key_ex(RSA *rsa, int bits, BIGNUM *e, void *cb);
int digest_buffer(const EVP_MD *md, const uint8_t *data, size_t len, uint8_t *out);
int cipher_init(const EVP_CIPHER *c, const uint8_t *key);

typedef enum { MBEDTLS_MD_NONE, MBEDTLS_MD_MD5, MBEDTLS_MD_SHA1, MBEDTLS_MD_SHA256 } mbedtls_md_type_t;
typedef enum { MBEDTLS_CIPHER_AES_128_ECB = 2, MBEDTLS_CIPHER_AES_128_GCM = 8 } mbedtls_cipher_type_t;
typedef struct mbedtls_md_info_t mbedtls_md_info_t;
typedef struct mbedtls_cipher_info_t mbedtls_cipher_info_t;
typedef struct { uint32_t state[8]; } mbedtls_sha256_context;
const mbedtls_md_info_t *mbedtls_md_info_from_type(mbedtls_md_type_t md_type);
const mbedtls_cipher_info_t *mbedtls_cipher_info_from_type(mbedtls_cipher_type_t t);
int mbedtls_sha256_starts(mbedtls_sha256_context *ctx, int is224);

typedef struct { uint32_t digest[8]; } wc_Sha256;
typedef struct { uint64_t digest[8]; } wc_Sha512;
typedef struct { uint64_t s[25]; } wc_Sha3;
int wc_InitSha256(wc_Sha256 *sha);
int wc_Sha256Update(wc_Sha256 *sha, const uint8_t *data, uint32_t len);
int wc_Sha512Final(wc_Sha512 *sha, uint8_t *hash);
int wc_Sha3_256_Update(wc_Sha3 *sha, const uint8_t *data, uint32_t len);

struct legacy_info {
	/* fields named after old algorithms are data, not calls */
	uint8_t md5[16];
	int sha1_disabled;
};

static int md5_feature_enabled(const struct legacy_info *li)
{
	return li->sha1_disabled == 0 && li->md5[0] == 0u;
}

int modern_paths(const uint8_t *data, size_t len, uint8_t *out, const uint8_t *key,
		 RSA *rsa, BIGNUM *e, const struct legacy_info *li)
{
	if (md5_feature_enabled(li))
		return -1;
	if (digest_buffer(EVP_sha256(), data, len, out) != 0 ||
	    digest_buffer(EVP_sha3_256(), data, len, out) != 0 ||
	    digest_buffer(EVP_get_digestbyname("SHA256"), data, len, out) != 0)
		return -1;
	if (cipher_init(EVP_aes_256_gcm(), key) != 0 || cipher_init(EVP_aes_128_cbc(), key) != 0)
		return -1;
	return RSA_generate_key_ex(rsa, 3072, e, NULL);
}

int library_paths(mbedtls_sha256_context *s, wc_Sha256 *w, wc_Sha512 *w5, wc_Sha3 *w3,
		  const uint8_t *data, uint32_t len, uint8_t *hash)
{
	if (mbedtls_md_info_from_type(MBEDTLS_MD_SHA256) == NULL ||
	    mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_GCM) == NULL)
		return -1;
	if (mbedtls_sha256_starts(s, 0) != 0 || wc_InitSha256(w) != 0)
		return -1;
	(void)wc_Sha256Update(w, data, len);
	(void)wc_Sha3_256_Update(w3, data, len);
	return wc_Sha512Final(w5, hash);
}
