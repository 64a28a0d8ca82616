/*
 * testhelp.h - a minimal TAP unit-test helper (Redis testhelp.h idea).
 * Each test_*.c is one binary; prove runs it like a shell test.
 */
#ifndef IRM_TESTHELP_H
#define IRM_TESTHELP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int th_n, th_failed;

#define test_cond(descr, cond)                                                 \
	do {                                                                   \
		th_n++;                                                        \
		if (cond) {                                                    \
			printf("ok %d - %s\n", th_n, descr);                   \
		} else {                                                       \
			th_failed++;                                           \
			printf("not ok %d - %s (%s:%d)\n", th_n, descr,        \
			    __FILE__, __LINE__);                               \
		}                                                              \
	} while (0)

#define test_streq(descr, got, want)                                           \
	do {                                                                   \
		const char *th_g = (got), *th_w = (want);                      \
		test_cond(descr, th_g &&th_w && !strcmp(th_g, th_w));          \
		if (!(th_g && th_w && !strcmp(th_g, th_w)))                    \
			printf("#   got:  %s\n#   want: %s\n",                 \
			    th_g ? th_g : "(null)", th_w ? th_w : "(null)");   \
	} while (0)

/*
 * The real path of rel (e.g. "/../data/score") after the directory of
 * the test binary argv0, into out (PATH_MAX bytes); 0, or -1 with a
 * "Bail out!" line printed.
 */
static inline int
th_datapath(const char *argv0, const char *rel, char *out)
{
	char dir[4096], *slash;

	snprintf(dir, sizeof(dir) - 64, "%s", argv0);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	else
		memcpy(dir, ".", 2);
	snprintf(dir + strlen(dir), 64, "%s", rel);
	if (realpath(dir, out) == NULL) {
		printf("Bail out! nothing at %s\n", dir);
		return -1;
	}
	return 0;
}

#define test_report()                                                          \
	do {                                                                   \
		printf("1..%d\n", th_n);                                       \
		return th_failed ? 1 : 0;                                      \
	} while (0)

#endif
