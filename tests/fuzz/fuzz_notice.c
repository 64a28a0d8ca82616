/*
 * fuzz_notice.c - irm-case notice's template: the first line of the
 * input is the user (a value from the records, so hostile), the rest the
 * template.  A notice that passes irm_notice_check must have no header
 * that breaks its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_notice.h"

FUZZ_INIT_ONLY

static void
check_header(const char *v)
{
	if (v && strpbrk(v, "\r\n"))
		abort(); /* header injection got through */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	struct irm_notice n = {0};
	struct irm_error e;
	char *user;
	FILE *fp;

	if (nl == NULL)
		return 0;
	user = strndup((const char *)data, (size_t)(nl - (const char *)data));
	if (user == NULL)
		abort();
	n.user = user;
	n.to = user;
	n.case_id = "case-1";
	n.case_name = "case one";
	n.policy = "theft";
	fp = fopen(fuzz_file("template", nl + 1,
	               size - (size_t)(nl + 1 - (const char *)data)),
	    "r");
	if (fp == NULL)
		abort();
	if (irm_notice_read(&n, fp, "template", &e) == 0 && n.from &&
	    n.subject && irm_notice_check(&n, &e) == 0) {
		check_header(n.from);
		check_header(n.subject);
		check_header(n.to);
		check_header(n.cc);
	}
	fclose(fp);
	irm_notice_free(&n);
	free(user);
	return 0;
}
