/*
 * case_notice.c - the notice of irm-case notice (irm_notice.h): read and
 * check its template, and build the message that is sent.  The values
 * expanded into it come from the records, so they are hostile: a header
 * that would break its line is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include <openssl/evp.h>

#include "irm_notice.h"

/*
 * Expand {{field}} in s into out: 0, -1 with the field name in bad for an
 * unknown field, -2 when out's cap is passed.
 */
static int
expand(const struct irm_notice *n, const char *s, struct irm_buf *out,
    char *bad, size_t badlen)
{
	const char *end, *v;
	size_t len;

	while (*s) {
		if (strncmp(s, "{{", 2) != 0 ||
		    (end = strstr(s, "}}")) == NULL) {
			if (irm_buf_addc(out, *s++) == -1)
				return -2;
			continue;
		}
		len = (size_t)(end - s - 2);
#define FIELD(name, val)                                                       \
	(len == sizeof(name) - 1 && strncmp(s + 2, name, len) == 0) ? (val)
		v = FIELD("user", n->user)
		    : FIELD("case", n->case_id)
		    : FIELD("case_name", n->case_name)
		    : FIELD("policy", n->policy)
		    : FIELD("sender", n->from ? n->from : "")
		    : FIELD("subject", n->subject ? n->subject : "") : NULL;
#undef FIELD
		if (v == NULL) {
			snprintf(bad, badlen, "%.*s", (int)len, s + 2);
			return -1;
		}
		if (irm_buf_adds(out, v) == -1)
			return -2;
		s = end + 2;
	}
	return 0;
}

static char **
header_slot(struct irm_notice *n, const char *line, const char **val)
{
	static const char *const names[] = {"From:", "Subject:", "Cc:"};
	char **slots[] = {&n->from, &n->subject, &n->cc};
	size_t i, k;

	for (i = 0; i < 3; i++) {
		k = strlen(names[i]);
		if (strncasecmp(line, names[i], k) == 0) {
			for (*val = line + k; **val == ' '; (*val)++)
				;
			return slots[i];
		}
	}
	return NULL;
}

/* expand's rc for the line at pos as a message: 0, or -1 with e. */
static int
expand_err(int rc, const char *bad, int in_body, const struct irm_pos *pos,
    struct irm_error *e)
{
	if (rc == -1)
		return irm_seterr(e, "%s:%lu: unknown field {{%s}}", pos->file,
		    pos->line, bad);
	if (rc == -2 && in_body)
		return irm_seterr(e, "%s:%lu: the body is longer than 1 MiB",
		    pos->file, pos->line);
	if (rc == -2)
		return irm_seterr(e, "%s:%lu: the header is longer than 64 KiB",
		    pos->file, pos->line);
	return 0;
}

/* One line of the template: 0, or -1 with e. */
static int
one_line(struct irm_notice *n, const char *line, int *in_body,
    struct irm_buf *x, struct irm_pos *pos, struct irm_error *e)
{
	char bad[64], **slot;
	const char *val;
	int rc;

	if (!*in_body && *line == '\0') {
		*in_body = 1;
		return 0;
	}
	if (*in_body) {
		rc = expand(n, line, &n->body, bad, sizeof(bad));
		if (rc == 0 && irm_buf_addc(&n->body, '\n') == -1)
			rc = -2;
		return expand_err(rc, bad, 1, pos, e);
	}
	if ((slot = header_slot(n, line, &val)) == NULL)
		return irm_seterr(e,
		    "%s:%lu: expected From:, Subject:, Cc: or a blank line before the body",
		    pos->file, pos->line);
	if (*slot)
		return 0; /* set by an option: the option wins */
	irm_buf_reset(x);
	if ((rc = expand(n, val, x, bad, sizeof(bad))) != 0)
		return expand_err(rc, bad, 0, pos, e);
	*slot = irm_xstrdup(x->data ? x->data : "");
	return 0;
}

int
irm_notice_read(
    struct irm_notice *n, FILE *fp, const char *path, struct irm_error *e)
{
	struct irm_pos pos = {path, 0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int in_body = 0, rc = 0;
	struct irm_buf x;

	irm_buf_init(&n->body, 1 << 20);
	irm_buf_init(&x, 1 << 16);
	while (rc == 0 && (len = getline(&line, &cap, fp)) != -1) {
		pos.line++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		rc = one_line(n, line, &in_body, &x, &pos, e);
	}
	free(line);
	irm_buf_free(&x);
	if (rc == 0 && !in_body)
		rc = irm_seterr(
		    e, "%s: no body (a blank line ends the headers)", path);
	return rc;
}

/* Does s hold a control character? */
static int
has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

int
irm_notice_check(const struct irm_notice *n, struct irm_error *e)
{
	const char *name[] = {"sender", "subject", "recipient", "Cc"};
	const char *v[] = {n->from, n->subject, n->to, n->cc};
	size_t i;

	for (i = 0; i < 4; i++)
		if (v[i] && has_control(v[i]))
			return irm_seterr(e,
			    "notice: the %s has a control character", name[i]);
	return 0;
}

/* RFC 2047 for a subject that is not ASCII; a very long one goes as it is. */
static void
add_subject(struct irm_buf *out, const char *s)
{
	const unsigned char *p;
	unsigned char enc[4 * 1024 + 4];
	size_t len = strlen(s);

	for (p = (const unsigned char *)s; *p && *p < 0x80; p++)
		;
	if (*p == '\0' || len > 3 * 1024) {
		irm_buf_printf(out, "Subject: %s\n", s);
		return;
	}
	EVP_EncodeBlock(enc, (const unsigned char *)s, (int)len);
	irm_buf_printf(out, "Subject: =?UTF-8?B?%s?=\n", enc);
}

/* The Date: header (RFC 5322 section 3.3) of ms, in UTC. */
static void
add_date(struct irm_buf *out, int64_t ms)
{
	static const char *const wd[] = {
	    "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char ts[IRM_TIME_LEN];
	int64_t days = ms / 86400000 - (ms % 86400000 < 0);

	irm_time_format(ms, ts);
	irm_buf_printf(out, "Date: %s, %.2s %s %.4s %.8s +0000\n",
	    wd[(days % 7 + 7) % 7], ts + 8,
	    mon[(ts[5] - '0') * 10 + ts[6] - '0' - 1], ts, ts + 11);
}

int
irm_notice_message(const struct irm_notice *n, int64_t date, unsigned long seq,
    struct irm_buf *out, struct irm_error *e)
{
	const char *domain;

	if (n->from == NULL || n->to == NULL || n->subject == NULL)
		return irm_seterr(e, "notice: no sender, recipient or subject");
	if (irm_notice_check(n, e) == -1)
		return -1;
	domain = strchr(n->from, '@');
	irm_buf_printf(out, "From: %s\nTo: %s\n", n->from, n->to);
	if (n->cc)
		irm_buf_printf(out, "Cc: %s\n", n->cc);
	add_subject(out, n->subject);
	add_date(out, date);
	irm_buf_printf(out, "Message-ID: <irm.%s.%lu@%s>\n", n->case_id, seq,
	    domain ? domain + 1 : "irm.invalid");
	irm_buf_adds(out,
	    "MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=utf-8\n"
	    "Content-Transfer-Encoding: 8bit\n\n");
	if (n->body.len)
		irm_buf_add(out, n->body.data, n->body.len);
	if (out->data == NULL) /* a failed add freed it */
		return irm_seterr(e, "notice: the message is too long");
	return 0;
}

void
irm_notice_free(struct irm_notice *n)
{
	free(n->from);
	free(n->subject);
	free(n->cc);
	n->from = n->subject = n->cc = NULL;
	irm_buf_free(&n->body);
}
