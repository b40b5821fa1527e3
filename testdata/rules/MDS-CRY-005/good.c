/* MDS-CRY-005: version-flexible methods with a TLS 1.2 floor. */
typedef struct ssl_method_st SSL_METHOD;
typedef struct ssl_ctx_st SSL_CTX;
const SSL_METHOD *TLS_client_method(void);
const SSL_METHOD *TLSv1_2_client_method(void);
const SSL_METHOD *SSLv23_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *method);
int SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
int SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version);
#define TLS1_2_VERSION 0x0303
#define TLS1_3_VERSION 0x0304

typedef struct WOLFSSL_CTX WOLFSSL_CTX;
int wolfSSL_CTX_SetMinVersion(WOLFSSL_CTX *ctx, int version);
enum { WOLFSSL_TLSV1_2 = 3 };

typedef struct { int endpoint; } mbedtls_ssl_config;
void mbedtls_ssl_conf_min_version(mbedtls_ssl_config *conf, int major, int minor);
#define MBEDTLS_SSL_MAJOR_VERSION_3 3
#define MBEDTLS_SSL_MINOR_VERSION_3 3

SSL_CTX *client_ctx(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
	return ctx;
}

SSL_CTX *pinned_ctx(void)
{
	return SSL_CTX_new(TLSv1_2_client_method());
}

SSL_CTX *compat_ctx(void)
{
	SSL_CTX *ctx = SSL_CTX_new(SSLv23_method());

	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	return ctx;
}

void other_stacks(WOLFSSL_CTX *w, mbedtls_ssl_config *conf)
{
	wolfSSL_CTX_SetMinVersion(w, WOLFSSL_TLSV1_2);
	mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
}
