/* MDS-CRY-004: TLS connections that verify the peer. */
#include <stdint.h>
#include <stddef.h>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct x509_store_ctx_st X509_STORE_CTX;
#define SSL_VERIFY_PEER 0x01
#define SSL_VERIFY_FAIL_IF_NO_PEER_CERT 0x02
typedef int (*SSL_verify_cb)(int preverify_ok, X509_STORE_CTX *x509_ctx);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, SSL_verify_cb cb);
int X509_STORE_CTX_get_error_depth(X509_STORE_CTX *ctx);

typedef struct { int endpoint; } mbedtls_ssl_config;
typedef struct { int version; } mbedtls_x509_crt;
#define MBEDTLS_SSL_VERIFY_REQUIRED 2
#define MBEDTLS_X509_BADCERT_EXPIRED 0x01
void mbedtls_ssl_conf_authmode(mbedtls_ssl_config *conf, int authmode);
int cert_is_pinned(const mbedtls_x509_crt *crt);
void audit_cert_error(int depth);

typedef void CURL;
typedef enum { CURLOPT_SSL_VERIFYPEER = 64, CURLOPT_SSL_VERIFYHOST = 81, CURLOPT_VERBOSE = 41 } CURLoption;
int curl_easy_setopt(CURL *curl, CURLoption option, ...);

/* logs, then keeps OpenSSL's verdict */
static int log_and_keep(int preverify_ok, X509_STORE_CTX *store)
{
	if (!preverify_ok)
		audit_cert_error(X509_STORE_CTX_get_error_depth(store));
	return preverify_ok;
}

/* pinning: rejects unless the leaf is the pinned certificate */
static int pin_leaf(int preverify_ok, X509_STORE_CTX *store)
{
	if (X509_STORE_CTX_get_error_depth(store) == 0 && !preverify_ok)
		return 0;
	return 1;
}

/* clears only the expiry flag for the pinned device certificate */
static int tolerate_expiry(void *data, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
	(void)data;
	if (depth == 0 && cert_is_pinned(crt))
		*flags &= ~(uint32_t)MBEDTLS_X509_BADCERT_EXPIRED;
	return 0;
}

/* not a verify callback: no certificate parameter */
static int always_one(int x)
{
	(void)x;
	return 1;
}

void tls_setup(SSL_CTX *ctx, mbedtls_ssl_config *conf, CURL *h)
{
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, log_and_keep);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, pin_leaf);
	mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_REQUIRED);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 0L);
	(void)tolerate_expiry;
	(void)always_one;
}
