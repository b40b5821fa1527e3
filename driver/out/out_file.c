/*
 * Output files: "-" or an exclusive temporary renamed over a regular target.
 * Never follows a symbolic link at the target, never writes into a FIFO or
 * a device, never leaves a partial file or a temporary behind, and never
 * creates a world-writable file whatever the umask.
 */
#include "out_file.h"


#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int out_file_is_stdout(const char *path)
{
	return path && strcmp(path, "-") == 0;
}

static const char *kind_of(mode_t m)
{
	if (S_ISLNK(m))
		return "a symbolic link";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

int out_file_open(struct out_file *of, const char *path, const char *what,
		  struct asp_error *err)
{
	static unsigned counter;
	struct stat st;
	const char *slash, *base;
	size_t n;
	int fd = -1, tries;

	memset(of, 0, sizeof *of);
	of->append_fd = -1;
	of->what = what ? what : "output file";
	if (!path || !*path)
		return error_set(err, ASP_EUSAGE, NULL, 0, 0, "no file name for the %s", of->what);
	if (out_file_is_stdout(path)) {
		of->f = stdout;
		return ASP_OK;
	}
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return error_set(err, ASP_EUSAGE, path, 0, 0,
				 "refusing to write the %s: the target is %s, not a regular file",
				 of->what, kind_of(st.st_mode));
	of->path = strdup(path);
	n = strlen(path) + 64;
	of->tmp = malloc(n);
	if (!of->path || !of->tmp) {
		out_file_abort(of);
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	slash = strrchr(path, '/');
	base = slash ? slash + 1 : path;
	for (tries = 0; tries < 100; tries++) {
		/* a hidden name in the target's folder, so rename stays on one file system */
		snprintf(of->tmp, n, "%.*s.%s.%ld.%u.%lx.tmp", slash ? (int)(base - path) : 0, path,
			 base, (long)getpid(), counter++, (unsigned long)time(NULL) ^ (unsigned long)tries);
		fd = open(of->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int e = errno;

		free(of->tmp);
		of->tmp = NULL;
		out_file_abort(of);
		return error_set(err, ASP_EIO, path, 0, 0, "cannot write the %s: %s", what ? what : "output file",
				 strerror(e));
	}
	/* the mode comes from the umask, but a permissive umask must not make
	   the report writable by everyone */
	if (fstat(fd, &st) == 0 && (st.st_mode & S_IWOTH))
		(void)fchmod(fd, st.st_mode & 0666 & ~(mode_t)S_IWOTH);
	of->f = fdopen(fd, "w");
	if (!of->f) {
		int e = errno;

		close(fd);
		out_file_abort(of);
		return error_set(err, ASP_EIO, path, 0, 0, "cannot write the %s: %s",
				 what ? what : "output file", strerror(e));
	}
	return ASP_OK;
}

int out_file_open_append(struct out_file *of, const char *path, const char *what,
			 struct asp_error *err)
{
	struct stat st;
	int fd;

	memset(of, 0, sizeof *of);
	of->append_fd = -1;
	of->what = what ? what : "output file";
	if (!path || !*path)
		return error_set(err, ASP_EUSAGE, NULL, 0, 0, "no file name for the %s", of->what);
	if (out_file_is_stdout(path))
		return out_file_open(of, path, what, err);
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return error_set(err, ASP_EUSAGE, path, 0, 0,
				 "refusing to write the %s: the target is %s, not a regular file",
				 of->what, kind_of(st.st_mode));
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0666);
	if (fd < 0)
		return error_set(err, errno == ELOOP ? ASP_EUSAGE : ASP_EIO, path, 0, 0,
				 "cannot write the %s: %s", of->what, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, ASP_EUSAGE, path, 0, 0,
				 "refusing to write the %s: the target is not a regular file", of->what);
	}
	if (st.st_mode & S_IWOTH)
		(void)fchmod(fd, st.st_mode & 0666 & ~(mode_t)S_IWOTH);
	of->path = strdup(path);
	of->f = open_memstream(&of->buf, &of->buflen);
	if (!of->path || !of->f) {
		close(fd);
		out_file_abort(of);
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	of->append_fd = fd;
	return ASP_OK;
}

/* Appends the buffered text in as few writes as the kernel allows. */
static int append_commit(struct out_file *of, struct asp_error *err)
{
	size_t off = 0;
	int rc = ASP_OK;

	if (fclose(of->f) != 0) {
		of->f = NULL;
		rc = error_set(err, ASP_ENOMEM, of->path, 0, 0, "out of memory");
		goto done;
	}
	of->f = NULL;
	while (off < of->buflen) {
		ssize_t w = write(of->append_fd, of->buf + off, of->buflen - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = error_set(err, ASP_EIO, of->path, 0, 0, "cannot write the %s: %s",
				       of->what, w < 0 ? strerror(errno) : "write failed");
			goto done;
		}
		off += (size_t)w;
	}
done:
	out_file_abort(of);
	return rc;
}

int out_file_commit(struct out_file *of, struct asp_error *err)
{
	struct stat st;
	int rc = ASP_OK;

	if (!of->f)
		return error_set(err, ASP_EIO, of->path, 0, 0, "the %s is not open", of->what);
	if (of->append_fd >= 0)
		return append_commit(of, err);
	errno = 0;
	if (!of->path) {
		if (fflush(of->f) != 0 || ferror(of->f))
			rc = error_set(err, ASP_EIO, "-", 0, 0, "cannot write the %s to standard output: %s",
				       of->what, errno ? strerror(errno) : "write failed");
		of->f = NULL;
		return rc;
	}
	if (fflush(of->f) != 0 || ferror(of->f) || fsync(fileno(of->f)) != 0) {
		rc = error_set(err, ASP_EIO, of->path, 0, 0, "cannot write the %s: %s", of->what,
			       errno ? strerror(errno) : "write failed");
		goto done;
	}
	if (fclose(of->f) != 0) {
		of->f = NULL;
		rc = error_set(err, ASP_EIO, of->path, 0, 0, "cannot write the %s: %s", of->what,
			       strerror(errno));
		goto done;
	}
	of->f = NULL;
	/* checked again: the target may have changed while we wrote */
	if (lstat(of->path, &st) == 0 && !S_ISREG(st.st_mode)) {
		rc = error_set(err, ASP_EUSAGE, of->path, 0, 0,
			       "refusing to write the %s: the target is %s, not a regular file",
			       of->what, kind_of(st.st_mode));
		goto done;
	}
	if (rename(of->tmp, of->path) != 0) {
		rc = error_set(err, ASP_EIO, of->path, 0, 0, "cannot write the %s: %s", of->what,
			       strerror(errno));
		goto done;
	}
	free(of->tmp);
	of->tmp = NULL;
done:
	out_file_abort(of);
	return rc;
}

void out_file_abort(struct out_file *of)
{
	if (of->f && of->f != stdout)
		fclose(of->f);
	else if (of->f == stdout)
		fflush(stdout);
	if (of->tmp)
		unlink(of->tmp);
	if (of->append_fd >= 0)
		close(of->append_fd);
	free(of->buf);
	of->buf = NULL;
	of->buflen = 0;
	of->append_fd = -1;
	free(of->tmp);
	free(of->path);
	of->f = NULL;
	of->tmp = NULL;
	of->path = NULL;
}
