int strcmp(const char *, const char *);

struct cfg { const char *admin_password; };

static const char service_password[] = "pump-svc-2019"; // expect: MDS-SEC-001
const char *apiKey = "k3y-9f8e7d"; // expect: MDS-SEC-001

int login(struct cfg *c, const char *pw)
{
	c->admin_password = "Adm1n!"; // expect: MDS-SEC-001
	return strcmp(pw, "letmein") == 0; // expect: MDS-SEC-001
}
