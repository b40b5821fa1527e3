/* MDS-FIO-001: a path is checked, then used by name. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

void log_info(const char *msg);

FILE *open_export(const char *path)
{
	FILE *f = NULL;

	if (access(path, W_OK) == 0) {
		f = fopen(path, "w"); // expect: MDS-FIO-001
	}
	return f;
}

int save_config(const char *cfg_path, const char *buf, size_t len)
{
	struct stat st;
	int fd;
	ssize_t n;

	if (stat(cfg_path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	fd = open(cfg_path, O_WRONLY | O_TRUNC); // expect: MDS-FIO-001
	if (fd < 0)
		return -1;
	n = write(fd, buf, len);
	close(fd);
	return (int)n;
}

int purge_log(const char *log)
{
	struct stat st;

	if (lstat(log, &st) == 0 && !S_ISLNK(st.st_mode))
		return unlink(log); // expect: MDS-FIO-001
	return 0;
}

FILE *open_far(const char *p, int rc)
{
	rc = access(p, R_OK);
	if (rc != 0)
		return NULL;
	// known-miss: MDS-FIO-001 (the check result is stored first)
	return fopen(p, "a");
}

int rotate(const char *old_name, const char *new_name)
{
	if (access(old_name, F_OK) != 0)
		return -1;
	/* keep the previous log */
	(void)new_name;
	return rename(old_name, new_name); // expect: MDS-FIO-001
}
