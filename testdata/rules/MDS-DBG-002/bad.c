/* MDS-DBG-002: magic values and fixed service codes that unlock hidden modes. */
#include <stdint.h>
#include <string.h>

struct cmd {
	uint8_t opcode;
	uint32_t arg;
	char text[16];
};

void enter_service_mode(void);
void factory_reset(void);
void set_debug_level(int level);

static int g_mode;
static int unlocked;

void handle_command(const struct cmd *c)
{
	if (c->arg == 0xDEADBEEF) // expect: MDS-DBG-002
		enter_service_mode();
	if (c->opcode == 0x7f && c->arg == 0x5A5A5A5AU) { // expect: MDS-DBG-002
		g_mode = 3;
	}
	switch (c->arg) {
	case 0xCAFEBABE: // expect: MDS-DBG-002
		set_debug_level(9);
		break;
	default:
		break;
	}
	if (strcmp(c->text, "factory") == 0) { // expect: MDS-DBG-002
		factory_reset();
	}
	if (!strncmp(c->text, "unlock", 6)) // expect: MDS-DBG-002
		unlocked = 1;
}

/* a technician menu with a code that is the same on every pump */
int service_menu_login(const char *entered)
{
	if (strcmp(entered, "M3dServ1ce") == 0) // expect: MDS-DBG-002
		return 1;
	return 0;
}

int diag_unlock(const char *input)
{
	return strcmp(input, "2468") == 0; // expect: MDS-DBG-002
}

int pump_mode(void)
{
	return g_mode + unlocked;
}
