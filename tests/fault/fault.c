/*
 * fault.c - an LD_PRELOAD shim that makes one system call or allocation
 * fail, for the fault-injection tests (tests/0090-faults.t).
 *
 *	IRM_FAULT=op:N	fail the Nth call of op (write, fsync, rename,
 *			ftruncate, malloc: malloc, calloc and realloc called
 *			by the program itself), counting from 1; write writes
 *			half its bytes at the Nth call and fails every call
 *			after it, as a disk that fills up does.
 *	IRM_FAULT_COUNT=file	append "op count" for each op at exit, to
 *			size the matrix.
 *
 * Not part of irm: built by the test with cc -shared.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

enum { OP_WRITE, OP_FSYNC, OP_RENAME, OP_FTRUNCATE, OP_MALLOC, NOPS };
static const char *const names[NOPS] = {
    "write", "fsync", "rename", "ftruncate", "malloc"};
static long calls[NOPS];
static int target = -1;
static long nth;
static int ready, full;
static void *prog_base; /* where the program itself is loaded */

/*
 * Allocations fail only when the program itself asks: json-c does not
 * survive a failed allocation (it crashes inside json_object_object_add),
 * so failing its own calls would test json-c, not irm.
 */
static int
first_object(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	prog_base = (void *)info->dlpi_addr;
	return 1;
}

static int
from_program(void *caller)
{
	Dl_info info;

	if (prog_base == NULL)
		dl_iterate_phdr(first_object, NULL);
	return dladdr(caller, &info) && info.dli_fbase == prog_base;
}

static void
setup(void)
{
	const char *f = getenv("IRM_FAULT");
	const char *colon;
	int i;

	ready = 1;
	if (f == NULL || (colon = strchr(f, ':')) == NULL)
		return;
	for (i = 0; i < NOPS; i++)
		if (strlen(names[i]) == (size_t)(colon - f) &&
		    strncmp(f, names[i], (size_t)(colon - f)) == 0)
			target = i;
	nth = strtol(colon + 1, NULL, 10);
}

/* Count a call of op; 1 when it must fail. */
static int
hit(int op)
{
	if (!ready)
		setup();
	calls[op]++;
	return op == target && calls[op] == nth;
}

static void __attribute__((destructor))
report(void)
{
	const char *path = getenv("IRM_FAULT_COUNT");
	FILE *fp;
	int i;

	if (path == NULL || (fp = fopen(path, "a")) == NULL)
		return;
	for (i = 0; i < NOPS; i++)
		fprintf(fp, "%s %ld\n", names[i], calls[i]);
	fclose(fp);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);

	if (real == NULL)
		real = (ssize_t(*)(int, const void *, size_t))dlsym(
		    RTLD_NEXT, "write");
	if (full) {
		errno = ENOSPC;
		return -1;
	}
	if (hit(OP_WRITE) && fd > 2) {
		full = 1;
		if (n > 1)
			return real(fd, buf, n / 2);
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n);
}

int
fsync(int fd)
{
	static int (*real)(int);

	if (real == NULL)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	if (hit(OP_FSYNC)) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int
rename(const char *a, const char *b)
{
	static int (*real)(const char *, const char *);

	if (real == NULL)
		real = (int (*)(const char *, const char *))dlsym(
		    RTLD_NEXT, "rename");
	if (hit(OP_RENAME)) {
		errno = EIO;
		return -1;
	}
	return real(a, b);
}

int
ftruncate(int fd, off_t len)
{
	static int (*real)(int, off_t);

	if (real == NULL)
		real = (int (*)(int, off_t))dlsym(RTLD_NEXT, "ftruncate");
	if (hit(OP_FTRUNCATE)) {
		errno = EIO;
		return -1;
	}
	return real(fd, len);
}

/* glibc's own allocator under its internal names: no dlsym needed. */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

void *
malloc(size_t n)
{
	if (ready && from_program(__builtin_return_address(0)) &&
	    hit(OP_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	if (!ready)
		setup();
	return __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	if (ready && from_program(__builtin_return_address(0)) &&
	    hit(OP_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	if (ready && n && from_program(__builtin_return_address(0)) &&
	    hit(OP_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}
