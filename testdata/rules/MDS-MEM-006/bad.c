struct cfg { int rate; char name[8]; };

int *counter(void)
{
	int c = 0;
	return &c; // expect: MDS-MEM-006
}

char *label(int id)
{
	char buf[16];

	buf[0] = (char)('0' + id);
	buf[1] = 0;
	return buf; // expect: MDS-MEM-006
}

char *name_of(int dflt)
{
	struct cfg local;
	char *p = "none";

	local.name[0] = 'x';
	if (!dflt)
		p = local.name;
	return p; // expect: MDS-MEM-006
}
