/* MDS-FIO-004: device files and folders that every process may write. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int save_dose_table(const char *path, const void *tbl, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR | S_IWOTH); // expect: MDS-FIO-004
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, tbl, len);
	if (fchmod(fd, 0666) != 0) // expect: MDS-FIO-004
		n = -1;
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

int prepare_dirs(void)
{
	umask(0); // expect: MDS-FIO-004
	if (mkdir("/data/records", 0777) != 0)
		return -1;
	if (chmod("/data/records", 0777) != 0) // expect: MDS-FIO-004
		return -1;
	if (chmod("/data/records/index", S_IRUSR | S_IWUSR | S_IRGRP | S_IWOTH) != 0) // expect: MDS-FIO-004
		return -1;
	return mkfifo("/run/pump/cmd", S_IRWXU | S_IRWXO); // expect: MDS-FIO-004
}
