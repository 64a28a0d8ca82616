/*
 * irm_io.c - writing a whole buffer to a file descriptor, for the files
 * irm makes durable itself (state, store, -o of irm-fetch and irm-score),
 * the partial line an interrupted append leaves, and creating the lock
 * and temporary files of a state without following a symbolic link.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "irm.h"

int
irm_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO; /* no progress: never loop */
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
irm_cut_partial_line(int fd, const char *path, irm_warn_fn warn, void *arg)
{
	char buf[4096];
	struct stat st;
	off_t end, pos;
	ssize_t n;

	if (fstat(fd, &st) == -1)
		return -1;
	for (end = st.st_size; end > 0; end = pos) {
		pos = end > (off_t)sizeof(buf) ? end - (off_t)sizeof(buf) : 0;
		if ((n = pread(fd, buf, (size_t)(end - pos), pos)) <= 0) {
			if (n == 0)
				errno = EIO; /* the file shrank under us */
			return -1;
		}
		while (n > 0 && buf[n - 1] != '\n')
			n--;
		if (n > 0) {
			end = pos + n;
			break;
		}
	}
	if (end == st.st_size)
		return 0;
	if (ftruncate(fd, end) == -1 || fsync(fd) == -1)
		return -1;
	irm_warn_to(warn, arg,
	    "%s: removed an incomplete last line (%lld bytes) left by an interrupted run",
	    path, (long long)(st.st_size - end));
	return 0;
}

int
irm_lock_open(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	struct stat st;

	if (fd == -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

int
irm_tmp_create(const char *path)
{
	/* What is there is a temporary file a killed run left, or
	 * something planted: remove it (unlink never follows a link). */
	if (unlink(path) == -1 && errno != ENOENT)
		return -1;
	return open(
	    path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
}

int
irm_secret_check(int fd, const char *path, struct irm_error *e)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077))
		return irm_seterr(e,
		    "%s: mode %04o is too open: a secret file must not be readable or writable by group or others (chmod 600)",
		    path, (unsigned)(st.st_mode & 07777));
	return 0;
}

void
irm_dir_check(
    const char *path, int parent, const char *what, irm_warn_fn warn, void *arg)
{
	char *copy = irm_xstrdup(path);
	const char *dir = parent ? dirname(copy) : copy;
	struct stat st;

	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (st.st_mode & (S_IWGRP | S_IWOTH))
			irm_warn_to(warn, arg,
			    "%s directory %s is writable by group or others: they can replace its files",
			    what, dir);
		else if (st.st_uid != geteuid() && st.st_uid != 0)
			irm_warn_to(warn, arg,
			    "%s directory %s belongs to another user: they can replace its files",
			    what, dir);
	}
	free(copy);
}
