/* MDS-SUP-001: asepsis-ignore comments that give no justification. They
   suppress nothing: the finding they meant to hide is still reported. */
void enter_safe_state(int why);

void no_reason(int x)
{
	/* asepsis-ignore(MDS-CTL-001) */ // expect: MDS-SUP-001
	switch (x) { // expect: MDS-CTL-001
	case 1: enter_safe_state(1); break;
	}
}

void empty_reason(int x)
{
	switch (x) { /* asepsis-ignore(MDS-CTL-001):   */ // expect: MDS-SUP-001 MDS-CTL-001
	case 1: enter_safe_state(1); break;
	}
}

void not_closed(int x)
{
	/* asepsis-ignore(MDS-CTL-001: the parenthesis was forgotten */ // expect: MDS-SUP-001
	switch (x) { // expect: MDS-CTL-001
	case 1: enter_safe_state(1); break;
	}
}

void no_rule(int x)
{
	/* asepsis-ignore(): which rule? */ // expect: MDS-SUP-001
	switch (x) { // expect: MDS-CTL-001
	case 1: enter_safe_state(1); break;
	}
}
