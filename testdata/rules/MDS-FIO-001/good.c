/* MDS-FIO-001: open first, then check the open descriptor. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int load_config(const char *cfg_path, char *buf, size_t len)
{
	struct stat st;
	int fd = open(cfg_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	n = read(fd, buf, len);
	close(fd);
	return (int)n;
}

/* checking, then reading: the worst case is reading another file */
FILE *open_calibration(const char *path)
{
	if (access(path, R_OK) != 0)
		return NULL;
	return fopen(path, "r");
}

/* a different path is checked than the one opened */
FILE *open_spool(const char *dir, const char *file)
{
	if (access(dir, W_OK) != 0)
		return NULL;
	return fopen(file, "a");
}
