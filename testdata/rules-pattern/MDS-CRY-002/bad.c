const void *EVP_md5(void);
const void *EVP_sha1(void);
unsigned char *MD5(const unsigned char *, unsigned long, unsigned char *);
int mbedtls_sha1_ret(const unsigned char *, unsigned long, unsigned char *);

void digest(const unsigned char *d, unsigned long n, unsigned char *out)
{
	const void *md = EVP_md5(); // expect: MDS-CRY-002
	const void *sha = EVP_sha1(); // expect: MDS-CRY-002

	MD5(d, n, out); // expect: MDS-CRY-002
	mbedtls_sha1_ret(d, n, out); // expect: MDS-CRY-002
	(void)md; (void)sha;
}
