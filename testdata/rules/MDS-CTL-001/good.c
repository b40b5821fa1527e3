/* MDS-CTL-001: switch statements that handle every value. */
enum pump_state { PUMP_IDLE, PUMP_RUNNING, PUMP_ALARM };

void enter_safe_state(int why);

int motor_on;

void apply_state(enum pump_state s)
{
	switch (s) {
	case PUMP_IDLE:
		motor_on = 0;
		break;
	case PUMP_RUNNING:
		motor_on = 1;
		break;
	default:
		enter_safe_state((int)s);
		break;
	}
}

int classify(int code)
{
	switch (code) {
	case 1:
	case 2:
		if (code == 2) {
	default:
			return -1;
		}
		return 1;
	}
	return 0;
}
