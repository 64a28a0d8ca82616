/*
 * testhelp.h - a minimal TAP unit-test helper (Redis testhelp.h idea).
 * Each test_*.c is one binary; prove runs it like a shell test.
 */
#ifndef IRM_TESTHELP_H
#define IRM_TESTHELP_H

#include <stdio.h>
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

#define test_report()                                                          \
	do {                                                                   \
		printf("1..%d\n", th_n);                                       \
		return th_failed ? 1 : 0;                                      \
	} while (0)

#endif
