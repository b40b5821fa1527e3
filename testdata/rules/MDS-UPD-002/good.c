/* MDS-UPD-002: the verdict of every verification decides what happens next. */
#include <stddef.h>
#include <stdint.h>

typedef struct { int type; } mbedtls_pk_context;
typedef enum { MBEDTLS_MD_SHA256 = 9 } mbedtls_md_type_t;
int mbedtls_pk_verify(mbedtls_pk_context *ctx, mbedtls_md_type_t md_alg, const unsigned char *hash,
		      size_t hash_len, const unsigned char *sig, size_t sig_len);
typedef struct evp_md_ctx_st EVP_MD_CTX;
int EVP_DigestVerifyFinal(EVP_MD_CTX *ctx, const unsigned char *sig, size_t siglen);
int flash_program(uint32_t addr, const void *data, size_t len);
void update_reject(int why);
void execute_command(const uint8_t *cmd, size_t len);
/* sets up a verification context; returns nothing to check */
void mbedtls_pk_verify_restart_init(void *rs_ctx);

int apply_update(mbedtls_pk_context *pk, const uint8_t hash[32], const uint8_t *sig, size_t sig_len,
		 const uint8_t *image, size_t len)
{
	int rc = mbedtls_pk_verify(pk, MBEDTLS_MD_SHA256, hash, 32, sig, sig_len);

	if (rc != 0) {
		update_reject(rc);
		return -1;
	}
	return flash_program(0x08020000u, image, len);
}

void on_command(EVP_MD_CTX *md, const uint8_t *cmd, size_t len, const uint8_t *sig, size_t sig_len)
{
	uint8_t restart_ctx[16];

	mbedtls_pk_verify_restart_init(restart_ctx);
	if (EVP_DigestVerifyFinal(md, sig, sig_len) == 1)
		execute_command(cmd, len);
}
