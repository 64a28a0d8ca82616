/*
 * irm_out.c - a tool's output files: the -o file opened as standard
 * output, the -r reject file, and the checked close of both.  The tools
 * open them once every option has parsed, so that a usage error never
 * truncates or creates a file.  A symbolic link at the path is followed
 * only when nobody else could have planted it (see open_out).
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "irm.h"

/* Is path's directory this process's /proc/PID/fd (as /dev/fd/N is)? */
static int
in_own_fd_dir(const char *path)
{
	char *copy = irm_xstrdup(path), real[PATH_MAX], own[64];
	int yes;

	snprintf(own, sizeof(own), "/proc/%ld/fd", (long)getpid());
	yes = realpath(dirname(copy), real) != NULL && strcmp(real, own) == 0;
	free(copy);
	return yes;
}

/*
 * open(2) for -o and -r, creating mode 0600 and close-on-exec.  A
 * symbolic link as the last component is followed only when root or the
 * caller owns it (the links in /dev to the standard streams) or it is one of
 * the caller's own descriptors (/dev/fd/N): a link another user planted where a
 * root cron job writes is refused with ELOOP, as O_NOFOLLOW does, and its
 * target stays untouched.
 */
static int
open_out(const char *path, int flags)
{
	struct stat st;
	int fd = open(path, flags | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd != -1 || errno != ELOOP)
		return fd;
	if (lstat(path, &st) == -1)
		return -1;
	if (!S_ISLNK(st.st_mode) ||
	    (st.st_uid != 0 && st.st_uid != geteuid() &&
	        !in_own_fd_dir(path))) {
		errno = ELOOP;
		return -1;
	}
	return open(path, flags | O_CREAT | O_CLOEXEC, 0600);
}

int
irm_out_open(const char *path, enum irm_out_mode mode)
{
	int flags =
	    mode == IRM_OUT_APPEND ? O_RDWR | O_APPEND : O_WRONLY | O_TRUNC;

	return open_out(path, flags);
}

int
irm_out_stdout(const char *path, enum irm_out_mode mode)
{
	int fd = irm_out_open(path, mode), saved;

	if (fd == -1 || fd == STDOUT_FILENO) /* fd 1 was closed: it is fd */
		return fd == -1 ? -1 : 0;
	if (dup2(fd, STDOUT_FILENO) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	close(fd);
	return 0;
}

/* End a regular file's partial last line: 0, or -1 with errno set. */
static int
end_partial_line(int fd)
{
	struct stat st;
	char last;

	if (fstat(fd, &st) == -1)
		return -1;
	if (!S_ISREG(st.st_mode) || st.st_size == 0)
		return 0;
	if (pread(fd, &last, 1, st.st_size - 1) != 1)
		return -1;
	return last == '\n' ? 0 : irm_write_all(fd, "\n", 1);
}

FILE *
irm_open_reject(const char *path)
{
	int fd = open_out(path, O_RDWR | O_APPEND);
	FILE *fp = NULL;
	int saved;

	/* Write-only (a pipe's /dev/fd, a file without read permission):
	 * nothing to read back, nothing to repair. */
	if (fd == -1 && errno == EACCES)
		fd = open_out(path, O_WRONLY | O_APPEND);
	else if (fd != -1 && end_partial_line(fd) == -1)
		goto fail;
	if (fd == -1 || (fp = fdopen(fd, "a")) == NULL)
		goto fail;
	return fp;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	errno = saved;
	return NULL;
}

int
irm_out_close(FILE *fp)
{
	int saved = 0;

	/* A write that failed earlier left only the error flag: its errno
	 * is usually still the reason. */
	if (fflush(fp) == EOF || ferror(fp))
		saved = errno ? errno : EIO;
	if (fclose(fp) == EOF && saved == 0)
		saved = errno;
	if (saved == 0)
		return 0;
	errno = saved;
	return -1;
}
