/* MDS-SUP-002: suppressions whose rule reports nothing where they point. */
void enter_safe_state(int why);

int gone(int x)
{
	// asepsis-ignore(MDS-CTL-001): there was a switch here once // expect: MDS-SUP-002
	return x + 1;
}

void moved(int x)
{
	/* asepsis-ignore(MDS-CTL-001): for the switch below */ // expect: MDS-SUP-002

	switch (x) { // expect: MDS-CTL-001
	case 1: enter_safe_state(1); break;
	}
}
