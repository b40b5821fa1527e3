const void *EVP_sha256(void);
int mbedtls_sha256(const unsigned char *, unsigned long, unsigned char *, int);

void digest(const unsigned char *d, unsigned long n, unsigned char *out)
{
	const void *md = EVP_sha256();
	int MD5_LEN = 16;

	mbedtls_sha256(d, n, out, 0);
	(void)md; (void)MD5_LEN;
}
