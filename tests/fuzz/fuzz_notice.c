/*
 * fuzz_notice.c - irm-case notice: the first line of the input is the
 * user (a value from the records, so hostile), the rest the template.
 * The message is built as irm-case sends it (irm_notice_message, with a
 * date and sequence number taken from the input), and a message that is
 * built must have exactly the expected headers, each on its own line
 * with its value (the subject's RFC 2047 encoded word decoding back to
 * it), then the body.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_notice.h"

FUZZ_INIT_ONLY

/*
 * The next header line of the message at *p must be NAME: want (any value
 * when want is NULL).  Returns the value's length.
 */
static size_t
expect(const char **p, const char *name, const char *want)
{
	size_t k = strlen(name), len;
	const char *nl = strchr(*p, '\n');

	if (nl == NULL || strncmp(*p, name, k) != 0 || (*p)[k] != ':' ||
	    (*p)[k + 1] != ' ')
		abort(); /* a header missing, or one broke its line */
	*p += k + 2;
	len = (size_t)(nl - *p);
	if (memchr(*p, '\r', len))
		abort();
	if (want && (strlen(want) != len || memcmp(*p, want, len) != 0))
		abort();
	*p = nl + 1;
	return len;
}

/* The Subject: line must give back s. */
static void
expect_subject(const char **p, const char *s)
{
	const unsigned char *u;
	unsigned char *dec;
	const char *enc, *end;
	size_t len = strlen(s), elen;
	int n;

	for (u = (const unsigned char *)s; *u && *u < 0x80; u++)
		;
	if (*u == '\0' || len > 3 * 1024) {
		expect(p, "Subject", s);
		return;
	}
	enc = *p + strlen("Subject: =?UTF-8?B?");
	expect(p, "Subject", NULL);
	if (strncmp(enc - 10, "=?UTF-8?B?", 10) != 0)
		abort();
	end = *p - 3; /* "?=\n" */
	if (end < enc || strncmp(end, "?=\n", 3) != 0)
		abort();
	elen = (size_t)(end - enc);
	if ((dec = malloc(elen + 1)) == NULL)
		abort();
	n = EVP_DecodeBlock(dec, (const unsigned char *)enc, (int)elen);
	/* EVP_DecodeBlock counts the padding as zero bytes. */
	while (n > 0 && elen && enc[elen - 1] == '=') {
		n--;
		elen--;
	}
	if (n < 0 || (size_t)n != len || memcmp(dec, s, len) != 0)
		abort();
	free(dec);
}

static void
check_message(const struct irm_notice *n, const struct irm_buf *m)
{
	const char *p = m->data;

	if (p == NULL || strlen(p) != m->len)
		abort();
	expect(&p, "From", n->from);
	expect(&p, "To", n->to);
	if (n->cc)
		expect(&p, "Cc", n->cc);
	expect_subject(&p, n->subject);
	/* Thu, 01 Jan 1970 00:00:00 +0000 */
	if (expect(&p, "Date", NULL) != 31 || strncmp(p - 6, "+0000\n", 6))
		abort();
	if (strncmp(p, "Message-ID: <irm.case-1.", 24) != 0)
		abort();
	expect(&p, "Message-ID", NULL);
	if (p[-2] != '>')
		abort();
	expect(&p, "MIME-Version", "1.0");
	expect(&p, "Content-Type", "text/plain; charset=utf-8");
	expect(&p, "Content-Transfer-Encoding", "8bit");
	if (*p++ != '\n')
		abort(); /* the blank line */
	if ((size_t)(p - m->data) + n->body.len != m->len ||
	    (n->body.len && memcmp(p, n->body.data, n->body.len) != 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	struct irm_notice n = {0};
	struct irm_error e;
	struct irm_buf m;
	uint64_t h = 14695981039346656037ULL;
	char *user;
	FILE *fp;
	size_t i;

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
	/* A date from 1970 to 9999 and a sequence number, from the input. */
	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 1099511628211ULL;
	irm_buf_init(&m, (size_t)4 << 20);
	if (irm_notice_read(&n, fp, "template", &e) == 0 &&
	    irm_notice_message(&n, (int64_t)(h % 253402300800000ULL),
	        (unsigned long)(h >> 40), &m, &e) == 0) {
		if (irm_notice_check(&n, &e) != 0)
			abort(); /* built a message the check refuses */
		check_message(&n, &m);
	}
	irm_buf_free(&m);
	fclose(fp);
	irm_notice_free(&n);
	free(user);
	return 0;
}
