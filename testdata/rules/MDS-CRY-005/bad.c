/* MDS-CRY-005: TLS contexts that still speak SSL 3.0, TLS 1.0 or TLS 1.1. */
typedef struct ssl_method_st SSL_METHOD;
typedef struct ssl_ctx_st SSL_CTX;
const SSL_METHOD *TLSv1_client_method(void);
const SSL_METHOD *TLSv1_1_method(void);
const SSL_METHOD *SSLv3_server_method(void);
const SSL_METHOD *TLS_client_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *method);
int SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
#define TLS1_VERSION 0x0301
#define TLS1_1_VERSION 0x0302

typedef struct WOLFSSL_METHOD WOLFSSL_METHOD;
typedef struct WOLFSSL_CTX WOLFSSL_CTX;
WOLFSSL_METHOD *wolfTLSv1_1_client_method(void);
WOLFSSL_CTX *wolfSSL_CTX_new(WOLFSSL_METHOD *m);
int wolfSSL_CTX_SetMinVersion(WOLFSSL_CTX *ctx, int version);
enum { WOLFSSL_SSLV3 = 0, WOLFSSL_TLSV1 = 1, WOLFSSL_TLSV1_1 = 2, WOLFSSL_TLSV1_2 = 3 };

typedef struct { int endpoint; } mbedtls_ssl_config;
void mbedtls_ssl_conf_min_version(mbedtls_ssl_config *conf, int major, int minor);
#define MBEDTLS_SSL_MAJOR_VERSION_3 3
#define MBEDTLS_SSL_MINOR_VERSION_1 1

SSL_CTX *legacy_ctx(void)
{
	return SSL_CTX_new(TLSv1_client_method()); // expect: MDS-CRY-005
}

SSL_CTX *gateway_ctx(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION); // expect: MDS-CRY-005
	return ctx;
}

SSL_CTX *service_ctx(void)
{
	return SSL_CTX_new(SSLv3_server_method()); // expect: MDS-CRY-005
}

const SSL_METHOD *old_method(void)
{
	return TLSv1_1_method(); // expect: MDS-CRY-005
}

WOLFSSL_CTX *wolf_ctx(void)
{
	WOLFSSL_CTX *ctx = wolfSSL_CTX_new(wolfTLSv1_1_client_method()); // expect: MDS-CRY-005

	wolfSSL_CTX_SetMinVersion(ctx, WOLFSSL_TLSV1); // expect: MDS-CRY-005
	return ctx;
}

void mbed_conf(mbedtls_ssl_config *conf)
{
	mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_1); // expect: MDS-CRY-005
}
