int rand(void);
void srand(unsigned);
long time(long *);

unsigned make_token(void)
{
	srand((unsigned)time(0)); // expect: MDS-CRY-001
	return (unsigned)rand() ^ (unsigned)random(); // expect: MDS-CRY-001
}
