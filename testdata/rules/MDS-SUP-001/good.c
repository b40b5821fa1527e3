/* MDS-SUP-001: justified suppressions, in both comment styles, on the
   flagged line or the line above, for one rule or several. */
void enter_safe_state(int why);

void same_line(int x)
{
	switch (x & 1) { // asepsis-ignore(MDS-CTL-001): x & 1 is 0 or 1, both handled
	case 0: enter_safe_state(0); break;
	case 1: enter_safe_state(1); break;
	}
}

void line_above(int x)
{
	/* asepsis-ignore(MDS-CTL-001, MDS-XYZ-999): the mode byte is validated by
	   the caller (REQ-41) */
	switch (x) {
	case 1: enter_safe_state(1); break;
	}
}

const char *not_a_comment = "asepsis-ignore(MDS-CTL-001)";
