/* MDS-BAN-001: bounded line input and lookalikes that are not gets(). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct line_source {
	/* a driver hook that happens to be called gets */
	char *(*gets)(void *dev, char *buf, size_t len);
	void *dev;
};

static int gets_count;

static char *gets_line(char *buf, size_t len, FILE *in)
{
	gets_count++;
	return fgets(buf, (int)len, in);
}

int console_poll(char *line, size_t len)
{
	size_t n;

	if (line == NULL || len < 2u || len > 4096u)
		return -1;
	if (fgets(line, (int)len, stdin) == NULL)
		return -1;
	n = strcspn(line, "\n");
	if (line[n] != '\n')
		return -1;   /* longer than the buffer: reject */
	line[n] = '\0';
	return (int)n;
}

int read_from(struct line_source *src, char *buf, size_t len)
{
	if (src->gets(src->dev, buf, len) == NULL)
		return -1;
	return gets_line(buf, len, stdin) != NULL;
}
