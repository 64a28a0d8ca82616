/*
 * irm_io.c - writing a whole buffer to a file descriptor, for the files
 * irm makes durable itself (state, store, -o of irm-fetch and irm-score),
 * and the partial line an interrupted append leaves.
 */
#include <errno.h>
#include <stdio.h>
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
