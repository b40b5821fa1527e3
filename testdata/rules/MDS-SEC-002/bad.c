#include <string.h>

extern int derive(unsigned char *out, int n);
extern int send_auth(const char *s);

int authenticate(void)
{
	unsigned char session_key[32];
	int rc;

	rc = derive(session_key, 32);
	memset(session_key, 0, sizeof session_key); // expect: MDS-SEC-002
	return rc;
}

int login(const char *user)
{
	char password[64];
	int rc;

	if (derive((unsigned char *)password, 64) != 0)
		return -1;
	rc = send_auth(password);
	if (rc < 0) {
		memset(password, 0, sizeof password); // expect: MDS-SEC-002
		return rc;
	}
	return send_auth(user);
}
