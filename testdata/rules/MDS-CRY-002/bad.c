/* MDS-CRY-002: broken or weak primitives selected through crypto libraries. */
#include <stddef.h>
#include <stdint.h>

/* OpenSSL (declared here so the case needs no library headers) */
typedef struct evp_md_st EVP_MD;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct rsa_st RSA;
typedef struct bignum_st BIGNUM;
typedef struct { unsigned int h[5]; } SHA_CTX;
typedef struct { unsigned char ks[128]; } DES_key_schedule;
typedef unsigned char DES_cblock[8];
const EVP_MD *EVP_md5(void);
const EVP_MD *EVP_sha1(void);
const EVP_MD *EVP_get_digestbyname(const char *name);
const EVP_CIPHER *EVP_des_ede3_cbc(void);
const EVP_CIPHER *EVP_aes_128_ecb(void);
const EVP_CIPHER *EVP_rc4(void);
unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md);
int SHA1_Init(SHA_CTX *c);
int DES_set_key_checked(const DES_cblock *key, DES_key_schedule *schedule);
int RSA_generate_key_ex(RSA *rsa, int bits, BIGNUM *e, void *cb);
int digest_buffer(const EVP_MD *md, const uint8_t *data, size_t len, uint8_t *out);
int cipher_init(const EVP_CIPHER *c, const uint8_t *key);

/* mbedTLS and PSA */
typedef enum { MBEDTLS_MD_NONE, MBEDTLS_MD_MD5, MBEDTLS_MD_SHA1, MBEDTLS_MD_SHA256 } mbedtls_md_type_t;
typedef enum { MBEDTLS_CIPHER_AES_128_ECB = 2, MBEDTLS_CIPHER_AES_128_GCM = 8,
	       MBEDTLS_CIPHER_DES_EDE3_CBC = 37 } mbedtls_cipher_type_t;
typedef struct mbedtls_md_info_t mbedtls_md_info_t;
typedef struct mbedtls_cipher_info_t mbedtls_cipher_info_t;
typedef struct { uint32_t state[4]; } mbedtls_md5_context;
typedef struct { uint32_t rk[68]; } mbedtls_aes_context;
typedef struct { uint32_t alg; } psa_hash_operation_t;
#define PSA_ALG_SHA_1 ((uint32_t)0x02000005)
int mbedtls_md5_starts(mbedtls_md5_context *ctx);
const mbedtls_md_info_t *mbedtls_md_info_from_type(mbedtls_md_type_t md_type);
const mbedtls_cipher_info_t *mbedtls_cipher_info_from_type(mbedtls_cipher_type_t t);
int mbedtls_aes_crypt_ecb(mbedtls_aes_context *ctx, int mode, const unsigned char in[16],
			  unsigned char out[16]);
int psa_hash_setup(psa_hash_operation_t *operation, uint32_t alg);

/* wolfSSL */
typedef struct { uint32_t digest[5]; } wc_Sha;
typedef struct { uint32_t digest[4]; } wc_Md5;
typedef struct { uint32_t key[96]; } Des3;
int wc_InitSha(wc_Sha *sha);
int wc_ShaUpdate(wc_Sha *sha, const uint8_t *data, uint32_t len);
int wc_Md5Update(wc_Md5 *md5, const uint8_t *data, uint32_t len);
int wc_Des3_SetKey(Des3 *des, const uint8_t *key, const uint8_t *iv, int dir);

#define TLM_DIGEST() EVP_md5()

int openssl_paths(const uint8_t *data, size_t len, uint8_t *out, RSA *rsa, BIGNUM *e,
		  const uint8_t *key)
{
	SHA_CTX sha;
	DES_key_schedule ks;

	if (digest_buffer(EVP_md5(), data, len, out) != 0) // expect: MDS-CRY-002
		return -1;
	(void)digest_buffer(TLM_DIGEST(), data, len, out); // expect: MDS-CRY-002
	(void)digest_buffer(EVP_sha1(), data, len, out); // expect: MDS-CRY-002
	(void)digest_buffer(EVP_get_digestbyname("MD5"), data, len, out); // expect: MDS-CRY-002
	(void)MD5(data, len, out); // expect: MDS-CRY-002
	(void)SHA1_Init(&sha); // expect: MDS-CRY-002
	(void)DES_set_key_checked((const DES_cblock *)key, &ks); // expect: MDS-CRY-002
	(void)cipher_init(EVP_des_ede3_cbc(), key); // expect: MDS-CRY-002
	(void)cipher_init(EVP_aes_128_ecb(), key); // expect: MDS-CRY-002
	(void)cipher_init(EVP_rc4(), key); // expect: MDS-CRY-002
	return RSA_generate_key_ex(rsa, 1024, e, NULL); // expect: MDS-CRY-002
}

int mbedtls_paths(mbedtls_md5_context *md5, mbedtls_aes_context *aes,
		  const unsigned char in[16], unsigned char out[16])
{
	psa_hash_operation_t op = { 0u };

	if (mbedtls_md5_starts(md5) != 0) // expect: MDS-CRY-002
		return -1;
	if (mbedtls_md_info_from_type(MBEDTLS_MD_SHA1) == NULL) // expect: MDS-CRY-002
		return -1;
	if (mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB) == NULL || // expect: MDS-CRY-002
	    mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_DES_EDE3_CBC) == NULL) // expect: MDS-CRY-002
		return -1;
	(void)psa_hash_setup(&op, PSA_ALG_SHA_1); // expect: MDS-CRY-002
	return mbedtls_aes_crypt_ecb(aes, 1, in, out); // expect: MDS-CRY-002
}

int wolfssl_paths(wc_Sha *sha, wc_Md5 *md5, Des3 *des, const uint8_t *data, uint32_t len)
{
	if (wc_InitSha(sha) != 0) // expect: MDS-CRY-002
		return -1;
	(void)wc_ShaUpdate(sha, data, len); // expect: MDS-CRY-002
	(void)wc_Md5Update(md5, data, len); // expect: MDS-CRY-002
	return wc_Des3_SetKey(des, data, NULL, 0); // expect: MDS-CRY-002
}
