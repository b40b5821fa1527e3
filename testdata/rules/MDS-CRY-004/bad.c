/* MDS-CRY-004: TLS connections that accept any certificate. */
#include <stdint.h>
#include <stddef.h>

/* OpenSSL / wolfSSL */
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;
typedef struct x509_store_ctx_st X509_STORE_CTX;
#define SSL_VERIFY_NONE 0x00
#define SSL_VERIFY_PEER 0x01
typedef int (*SSL_verify_cb)(int preverify_ok, X509_STORE_CTX *x509_ctx);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, SSL_verify_cb cb);
void SSL_set_verify(SSL *s, int mode, SSL_verify_cb cb);
typedef struct WOLFSSL_CTX WOLFSSL_CTX;
#define WOLFSSL_VERIFY_NONE 0
void wolfSSL_CTX_set_verify(WOLFSSL_CTX *ctx, int mode, void *cb);

/* mbedTLS */
typedef struct { int endpoint; } mbedtls_ssl_config;
typedef struct { int version; } mbedtls_x509_crt;
#define MBEDTLS_SSL_VERIFY_NONE 0
#define MBEDTLS_SSL_VERIFY_OPTIONAL 1
#define MBEDTLS_SSL_VERIFY_REQUIRED 2
void mbedtls_ssl_conf_authmode(mbedtls_ssl_config *conf, int authmode);

/* libcurl */
typedef void CURL;
typedef enum { CURLOPT_URL = 10002, CURLOPT_SSL_VERIFYPEER = 64, CURLOPT_SSL_VERIFYHOST = 81 } CURLoption;
int curl_easy_setopt(CURL *curl, CURLoption option, ...);

static int accept_any(int preverify_ok, X509_STORE_CTX *store)
{
	(void)preverify_ok;
	(void)store;
	return 1; // expect: MDS-CRY-004
}

static int trust_everything(void *data, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
	(void)data;
	(void)crt;
	(void)depth;
	*flags = 0; // expect: MDS-CRY-004
	return 0;
}

void tls_setup(SSL_CTX *ctx, SSL *ssl, WOLFSSL_CTX *wctx, mbedtls_ssl_config *conf)
{
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL); // expect: MDS-CRY-004
	SSL_set_verify(ssl, SSL_VERIFY_PEER, accept_any);
	wolfSSL_CTX_set_verify(wctx, WOLFSSL_VERIFY_NONE, NULL); // expect: MDS-CRY-004
	mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_OPTIONAL); // expect: MDS-CRY-004
	mbedtls_ssl_conf_authmode(conf, // expect: MDS-CRY-004
				  MBEDTLS_SSL_VERIFY_NONE);
	(void)trust_everything;
}

void upload_logs(CURL *h)
{
	curl_easy_setopt(h, CURLOPT_URL, "https://telemetry.example-med.com/upload");
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L); // expect: MDS-CRY-004
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0); // expect: MDS-CRY-004
}
