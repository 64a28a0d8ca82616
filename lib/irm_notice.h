/*
 * irm_notice.h - the notice of irm-case notice (irm-case(1)): its
 * template (From:, Subject: and Cc: headers, a blank line, the body, with
 * {{user}} {{case}} {{case_name}} {{policy}} {{sender}} {{subject}}
 * expanded) and the message built from it.  case_notice.c.
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

/*
 * Build the message of the notice n, the bytes irm-case notice sends
 * (RFC 5322), into out: From:, To:, Cc: (when set), Subject: (an RFC 2047
 * encoded word when it is not ASCII), Date: (date, in ms, in UTC),
 * Message-ID: <irm.CASE.SEQ@DOMAIN> (seq, the sender's domain, else
 * irm.invalid), the MIME headers, a blank line and the body.  Appends to
 * out, which the caller initialised and frees.  Returns 0, or -1 with e
 * when n has no sender, recipient or subject, a header would break its line
 * (irm_notice_check), or the message passes out's cap (out is then freed).
 */
int irm_notice_message(const struct irm_notice *n, int64_t date,
    unsigned long seq, struct irm_buf *out, struct irm_error *e);

void irm_notice_free(struct irm_notice *n);

#endif /* IRM_NOTICE_H */
