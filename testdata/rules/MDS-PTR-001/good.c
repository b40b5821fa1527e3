/* MDS-PTR-001: sizeof of arrays, of pointees and of pointers that are meant as pointers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

struct uart_channel {
	uint8_t *rx_buf;
	size_t rx_len;
	char label[24];
};

struct pump_cfg {
	uint32_t max_rate;
	uint32_t max_bolus;
};

static const uint32_t g_limits[] = { 10u, 50u, 120u, 999u };
static const char *g_state_names[4];

void channel_reset(struct uart_channel *ch, size_t buf_len)
{
	memset(ch->label, 0, sizeof ch->label);
	memset(ch->rx_buf, 0, buf_len);
	ch->rx_len = 0u;
}

void cfg_clear(struct pump_cfg *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	memset(cfg, 0, sizeof(struct pump_cfg));
}

size_t limit_count(void)
{
	return ARRAY_LEN(g_limits);
}

void names_clear(void)
{
	memset(g_state_names, 0, sizeof g_state_names);
}

int format_status(char *out, size_t out_len, unsigned int code)
{
	char tmp[32];

	(void)snprintf(tmp, sizeof tmp, "E%03u", code);
	return snprintf(out, out_len, "%s", tmp);
}

/* storing and reading back a pointer value: the pointer itself is the data */
void slot_store(uint8_t *slot, const void *handler)
{
	memcpy(slot, &handler, sizeof(handler));
}

const void *slot_load(const uint8_t *slot)
{
	const void *handler = NULL;

	memcpy(&handler, slot, sizeof handler);
	return handler;
}

void table_clear(const char **table, size_t n)
{
	if (n > 32u) {
		return;
	}
	memset(table, 0, n * sizeof(table[0]));
	memset(table, 0, n * sizeof(const char *));
}

size_t pointer_width_bytes(const void *p)
{
	return sizeof(p) / sizeof(uint8_t);
}

void **slots_new(size_t n)
{
	void **slots = calloc(n, sizeof(void *));

	return slots;
}

char *copy_label(const struct uart_channel *ch)
{
	char *copy = malloc(sizeof ch->label);

	if (copy != NULL) {
		memcpy(copy, ch->label, sizeof ch->label);
	}
	return copy;
}

int read_line(char *line, size_t len)
{
	char local[64];

	if (fgets(local, sizeof local, stdin) == NULL) {
		return -1;
	}
	return snprintf(line, len, "%s", local);
}
