/* MDS-CTL-001: switch statements that ignore unexpected values. */
enum pump_state { PUMP_IDLE, PUMP_RUNNING, PUMP_ALARM };

int motor_on;

void apply_state(enum pump_state s)
{
	switch (s) { // expect: MDS-CTL-001
	case PUMP_IDLE:
		motor_on = 0;
		break;
	case PUMP_RUNNING:
		motor_on = 1;
		break;
	case PUMP_ALARM:
		motor_on = 0;
		break;
	}
}

int decode(int opcode, int sub)
{
	int r = 0;

	switch (opcode) {
	case 1:
		/* the inner switch's default does not cover the outer one */
		switch (sub) { // expect: MDS-CTL-001
		case 0:
			r = 10;
			break;
		}
		break;
	default:
		r = -1;
		break;
	}
	switch (opcode) { // expect: MDS-CTL-001
	case 2:
		switch (sub) {
		default:
			r = 5;
			break;
		}
		break;
	}
	return r;
}
