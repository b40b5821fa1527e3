/* MDS-CTL-003: direct and indirect recursion. */
#include <stddef.h>
#include <string.h>

#define WALK_CHILD(n) menu_walk((n)->child, depth + 1u)

struct menu_item {
	const char *label;
	struct menu_item *child;
	struct menu_item *next;
};

int dispatch(const char *cmd);
static int parse_value(const char **p, unsigned depth);

/* chained commands "A;B;C" handled by calling itself on the rest */
int cmd_handle_line(char *line)
{
	char *next = strchr(line, ';');
	int rc;

	if (next != NULL) {
		*next++ = '\0';
	}
	rc = dispatch(line);
	if (rc == 0 && next != NULL && *next != '\0') {
		rc = cmd_handle_line(next); // expect: MDS-CTL-003
	}
	return rc;
}

unsigned menu_walk(const struct menu_item *m, unsigned depth)
{
	unsigned n = 0u;

	for (; m != NULL; m = m->next) {
		n++;
		if (m->child != NULL) {
			n += WALK_CHILD(m); // expect: MDS-CTL-003
		}
	}
	return n + depth;
}

/* a nested-list parser: value -> list -> value */
static int parse_list(const char **p, unsigned depth)
{
	int count = 0;

	(*p)++;
	while (**p != '\0' && **p != ']') {
		if (parse_value(p, depth + 1u) != 0) {
			return -1;
		}
		count++;
		if (**p == ',') {
			(*p)++;
		}
	}
	if (**p == ']') {
		(*p)++;
	}
	return count;
}

static int parse_value(const char **p, unsigned depth)
{
	if (**p == '[') {
		/* the cycle is complete here, in the member defined last */
		return parse_list(p, depth) < 0 ? -1 : 0; // expect: MDS-CTL-003
	}
	while (**p >= '0' && **p <= '9') {
		(*p)++;
	}
	return 0;
}

int parse_config(const char *text)
{
	return parse_value(&text, 0u);
}

/* three functions in a ring: alarm -> escalate -> notify -> alarm */
void alarm_raise(int code);
static void alarm_notify(int code);

static void alarm_escalate(int code)
{
	if (code > 10) {
		alarm_notify(code - 1);
	}
}

static void alarm_notify(int code)
{
	if (code > 0) {
		alarm_raise(code - 1);
	}
}

void alarm_raise(int code)
{
	alarm_escalate(code); // expect: MDS-CTL-003
}

/* recursion through a function pointer is not an edge of the call graph */
typedef unsigned (*walker_fn)(const struct menu_item *m);
static unsigned walk_indirect(const struct menu_item *m);
static const walker_fn g_walker = walk_indirect;

static unsigned walk_indirect(const struct menu_item *m)
{
	return m != NULL && m->child != NULL ? 1u + g_walker(m->child) : 0u; // known-miss: MDS-CTL-003
}

unsigned menu_depth(const struct menu_item *m)
{
	return walk_indirect(m);
}

struct tree_node {
	unsigned value;
	struct tree_node *left, *right;
};

/* one finding per function, at its first call to itself */
unsigned tree_sum(const struct tree_node *t)
{
	if (t == NULL) {
		return 0u;
	}
	return t->value + tree_sum(t->left) + // expect: MDS-CTL-003
	       tree_sum(t->right);
}
