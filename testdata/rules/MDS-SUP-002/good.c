/* MDS-SUP-002: suppressions that still hold, and ones for rules this run
   does not know, are not stale. */
void enter_safe_state(int why);

void holds(int x)
{
	// asepsis-ignore(MDS-CTL-001): x is checked by validate_mode() (REQ-12)
	switch (x) {
	case 1: enter_safe_state(1); break;
	}
}

int other_rule(int x)
{
	// asepsis-ignore(MDS-XYZ-999): a rule of another rule set
	return x;
}
