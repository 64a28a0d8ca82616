/*
 * irm_io.c - writing a whole buffer to a file descriptor, for the files
 * irm makes durable itself (state, store, -o of irm-fetch).
 */
#include <errno.h>
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
