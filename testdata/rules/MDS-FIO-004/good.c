/* MDS-FIO-004: owner-only and group-readable modes; umask-filtered defaults. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int save_dose_table(const char *path, const void *tbl, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, tbl, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

int prepare_dirs(void)
{
	umask(027);
	if (mkdir("/data/records", 0750) != 0)
		return -1;
	if (chmod("/data/records/index", S_IRUSR | S_IWUSR | S_IRGRP) != 0)
		return -1;
	/* world-readable but not writable */
	if (chmod("/data/records/README", 0644) != 0)
		return -1;
	return mkfifo("/run/pump/cmd", S_IRUSR | S_IWUSR);
}

/* the conventional defaults: the process umask (027 above) restricts them */
int export_report(const char *path)
{
	if (mkdir("/data/export", 0777) != 0)
		return -1;
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
}

/* the copy keeps the permissions of the original */
int copy_mode(int out_fd, const struct stat *st)
{
	return fchmod(out_fd, st->st_mode & (S_IRWXU | S_IRWXG | S_IRWXO));
}

/* O_RDWR written as a number is a flag, not a mode */
int open_rw(const char *path)
{
	return open(path, 02);
}
