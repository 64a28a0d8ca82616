/*
 * irm_notice.h - the notice template of irm-case notice (irm-case(1)):
 * From:, Subject: and Cc: headers, a blank line, the body, with
 * {{user}} {{case}} {{case_name}} {{policy}} {{sender}} {{subject}}
 * expanded.  case_notice.c.
 */
#ifndef IRM_NOTICE_H
#define IRM_NOTICE_H

#include <stdio.h>

#include "irm.h"

struct irm_notice {
	/* The values of the fields, set by the caller. */
	const char *user, *to, *case_id, *case_name, *policy;
	/* Set by the caller (--from, --subject) or from the template;
	 * owned, freed by irm_notice_free. */
	char *from, *subject, *cc;
	struct irm_buf body;
};

/*
 * Read the template from fp (path names it in messages) into n: a header
 * the caller did not set is taken from the template.  Returns 0, or -1
 * with e naming the line and the reason.
 */
int irm_notice_read(
    struct irm_notice *n, FILE *fp, const char *path, struct irm_error *e);

/*
 * A header must stay on its line: -1 with e naming the first of sender,
 * subject, recipient or Cc that holds a control character, else 0.
 */
int irm_notice_check(const struct irm_notice *n, struct irm_error *e);

void irm_notice_free(struct irm_notice *n);

#endif /* IRM_NOTICE_H */
