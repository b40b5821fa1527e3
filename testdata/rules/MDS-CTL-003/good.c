/* MDS-CTL-003: iteration, call chains without cycles, calls through pointers. */
#include <stddef.h>
#include <string.h>

struct menu_item {
	const char *label;
	struct menu_item *child;
	struct menu_item *next;
};

struct device;

struct device_ops {
	int (*reset)(struct device *dev);
};

struct device {
	const struct device_ops *ops;
	struct device *parent;
};

int dispatch(const char *cmd);
static unsigned count_siblings(const struct menu_item *m);

int cmd_handle_line(char *line)
{
	char *cmd = line;
	int rc = 0;

	while (cmd != NULL && rc == 0) {
		char *next = strchr(cmd, ';');

		if (next != NULL) {
			*next++ = '\0';
		}
		rc = dispatch(cmd);
		cmd = next;
	}
	return rc;
}

unsigned menu_count(const struct menu_item *m)
{
	unsigned n = count_siblings(m);

	if (m != NULL && m->child != NULL) {
		n += count_siblings(m->child);
	}
	return n;
}

static unsigned count_siblings(const struct menu_item *m)
{
	unsigned n = 0u;

	for (; m != NULL; m = m->next) {
		n++;
	}
	return n;
}

/* the parent's reset is reached through its ops table, not by name */
int reset(struct device *dev)
{
	if (dev->parent != NULL && dev->parent->ops->reset != NULL) {
		return dev->parent->ops->reset(dev->parent);
	}
	return 0;
}

int device_reset_all(struct device *dev)
{
	return reset(dev);
}
