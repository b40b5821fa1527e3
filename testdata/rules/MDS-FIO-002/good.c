#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>

struct dev { FILE *log; };

int read_header(const char *path, char *out, int n)
{
	FILE *f = fopen(path, "rb");
	int rc = 0;

	if (f == NULL)
		return -1;
	if (fread(out, 1, (size_t)n, f) != (size_t)n)
		rc = -2;
	fclose(f);
	return rc;
}

int read_fd(const char *path, char *out)
{
	int fd = open(path, O_RDONLY);
	int rc = -1;

	if (fd == -1)
		return -1;
	if (read(fd, out, 4) != 4)
		goto out;
	rc = 0;
out:
	close(fd);
	return rc;
}

int keep_open(struct dev *d, const char *path)
{
	FILE *f = fopen(path, "a");

	if (!f)
		return -1;
	d->log = f;
	return 0;
}

FILE *open_for_caller(const char *path)
{
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return NULL;
	return f;
}
