#include <string.h>

extern int derive(unsigned char *out, int n);
extern int send_auth(const char *s);

int authenticate(void)
{
	unsigned char session_key[32];
	int rc;

	rc = derive(session_key, 32);
	explicit_bzero(session_key, sizeof session_key);
	return rc;
}

int reuse(void)
{
	unsigned char buffer[32];

	memset(buffer, 0, sizeof buffer);
	return derive(buffer, 32);
}

int cleared_then_used(void)
{
	char token[16];

	memset(token, 0, sizeof token);
	return send_auth(token);
}
