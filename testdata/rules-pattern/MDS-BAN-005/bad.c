int atoi(const char *);
double atof(const char *);

int parse_rate(const char *field, const char *dose)
{
	double d = atof(dose); // expect: MDS-BAN-005
	return atoi(field) + (int)d; // expect: MDS-BAN-005
}
