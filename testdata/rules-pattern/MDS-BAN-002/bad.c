char *strcpy(char *, const char *);
char *strcat(char *, const char *);

struct patient { char name[32]; char ward[16]; };

void set_name(struct patient *p, const char *name, const char *ward)
{
	strcpy(p->name, name); // expect: MDS-BAN-002
	strcat(p->ward, ward); // expect: MDS-BAN-002
	strcat(p->ward, "-ICU"); // expect: MDS-BAN-002
}
