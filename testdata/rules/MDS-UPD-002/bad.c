/* MDS-UPD-002: verification calls whose verdict is thrown away. */
#include <stddef.h>
#include <stdint.h>

typedef struct { int type; } mbedtls_pk_context;
typedef enum { MBEDTLS_MD_SHA256 = 9 } mbedtls_md_type_t;
int mbedtls_pk_verify(mbedtls_pk_context *ctx, mbedtls_md_type_t md_alg, const unsigned char *hash,
		      size_t hash_len, const unsigned char *sig, size_t sig_len);
typedef struct evp_md_ctx_st EVP_MD_CTX;
int EVP_DigestVerifyFinal(EVP_MD_CTX *ctx, const unsigned char *sig, size_t siglen);
int psa_mac_verify(uint32_t key, uint32_t alg, const uint8_t *in, size_t in_len,
		   const uint8_t *mac, size_t mac_len);
int flash_program(uint32_t addr, const void *data, size_t len);
void execute_command(const uint8_t *cmd, size_t len);

int apply_update(mbedtls_pk_context *pk, const uint8_t hash[32], const uint8_t *sig, size_t sig_len,
		 const uint8_t *image, size_t len)
{
	mbedtls_pk_verify(pk, MBEDTLS_MD_SHA256, hash, 32, sig, sig_len); // expect: MDS-UPD-002
	return flash_program(0x08020000u, image, len);
}

void on_command(EVP_MD_CTX *md, const uint8_t *cmd, size_t len, const uint8_t *sig, size_t sig_len)
{
	(void)EVP_DigestVerifyFinal(md, sig, sig_len); // expect: MDS-UPD-002
	execute_command(cmd, len);
}

void on_record(uint32_t key, const uint8_t *rec, size_t len, const uint8_t *tag)
{
	psa_mac_verify(key, 0x03800009u, rec, len, tag, 32); // expect: MDS-UPD-002
}
