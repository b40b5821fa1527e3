struct cfg { int rate; char name[8]; };

static int counter_value;
static char label_buf[16];

int *counter(void)
{
	return &counter_value;
}

char *label(int id)
{
	static char buf[16];

	buf[0] = (char)('0' + id);
	buf[1] = 0;
	return buf;
}

char *name_of(struct cfg *c, int dflt)
{
	char *p = label_buf;

	if (!dflt)
		p = c->name;
	return p;
}

char *copy_out(char *out)
{
	char tmp[4];

	tmp[0] = 'a';
	out[0] = tmp[0];
	return out;
}
