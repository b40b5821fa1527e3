/* MDS-DBG-002: magic values and string compares that are not backdoors. */
#include <stdint.h>
#include <string.h>

#define BOOT_MAGIC 0xDEADBEEFu
#define RAM_TEST_PATTERN 0x5A5A5A5Au

struct cmd {
	uint8_t opcode;
	uint32_t arg;
	char text[16];
	const uint8_t *token;
	uint32_t token_len;
};

extern volatile uint32_t boot_flag;
void jump_to_bootloader(void);
void ram_fault(uint32_t addr);
int service_token_verify(const uint8_t *tok, uint32_t len);
void enter_service_mode(void);
void show_status(void);
void set_rate(uint32_t rate);

void early_boot(void)
{
	/* hand-off marker written by the signed update agent before the reset */
	if (boot_flag == BOOT_MAGIC)
		jump_to_bootloader();
	if (boot_flag == 0xDEADBEEF)
		jump_to_bootloader();
}

void ram_test(volatile uint32_t *p, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		p[i] = RAM_TEST_PATTERN;
		if (p[i] != 0x5A5A5A5A)
			ram_fault(i);
	}
}

void handle_command(const struct cmd *c)
{
	/* a user command, no privilege change */
	if (strcmp(c->text, "status") == 0)
		show_status();
	/* service mode needs a signed, device-bound token */
	if (service_token_verify(c->token, c->token_len) == 0)
		enter_service_mode();
	if (c->arg == 0x12345678)
		set_rate(0);
}

void rtnl_lock(void);
void rtnl_unlock(void);
struct acl { int grant_log; };

/* configuration keywords that take a lock or set a logging option */
void parse_option(const char *name, struct acl *entry)
{
	if (strcmp(name, "cpu") == 0) {
		rtnl_lock();
		rtnl_unlock();
	}
	if (!strcmp(name, "yes"))
		entry->grant_log = 1;
}

/* a service handler that compares a command word, not a secret */
int service_menu_select(const char *entered)
{
	if (strcmp(entered, "exit") == 0)
		return 0;
	return 1;
}
