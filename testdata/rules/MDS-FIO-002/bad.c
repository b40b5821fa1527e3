#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>

int read_header(const char *path, char *out, int n)
{
	FILE *f = fopen(path, "rb"); // expect: MDS-FIO-002

	if (f == NULL)
		return -1;
	if (fread(out, 1, (size_t)n, f) != (size_t)n)
		return -2;
	fclose(f);
	return 0;
}

int read_fd(const char *path, char *out)
{
	int fd = open(path, O_RDONLY); // expect: MDS-FIO-002

	if (fd < 0)
		return -1;
	if (read(fd, out, 4) != 4)
		goto fail;
	close(fd);
	return 0;
fail:
	return -1;
}

int count_entries(const char *path)
{
	DIR *d = opendir(path); // expect: MDS-FIO-002
	int n = 0;

	if (!d)
		return -1;
	while (readdir(d) != NULL) {
		if (n > 100)
			return n;
		n++;
	}
	closedir(d);
	return n;
}
