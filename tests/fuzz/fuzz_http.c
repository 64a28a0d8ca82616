/*
 * fuzz_http.c - what irm-fetch parses from a service: response header
 * lines (NextPageUri, Link rel="next", Retry-After), service error
 * bodies, token responses, and content blobs and pages cut into lines.
 * The first byte picks the parser; the rest is the input.
 */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_fetch.h"

FUZZ_INIT_ONLY

/* Every line (LF-ended, as curl hands headers) into one response. */
static void
headers(const char *p, size_t n)
{
	struct irm_resp r;
	const char *nl;
	size_t len;

	irm_resp_init(&r);
	while (n) {
		nl = memchr(p, '\n', n);
		len = nl ? (size_t)(nl - p) + 1 : n;
		irm_resp_header(&r, p, len);
		p += len;
		n -= len;
	}
	if (r.retry_after < -1 || r.retry_after > 3600)
		abort();
	irm_resp_free(&r);
}

static void
service_error(const char *p, size_t n)
{
	char code[64], msg[256];
	size_t i;

	if (irm_json_service_error(
	        p, n, code, sizeof(code), msg, sizeof(msg)) == 0)
		for (i = 0; msg[i]; i++)
			if ((unsigned char)msg[i] < 0x20)
				abort();
}

/* irm_json_lines wants valid JSON: json-c decides first, as the fetch
 * does.  Each line written must parse again. */
static void
lines(const char *p, size_t n, int whole)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o = json_tokener_parse_ex(tok, p, (int)n);
	struct irm_error e;
	struct irm_buf out;

	if (o && json_tokener_get_error(tok) == json_tokener_success &&
	    tok->char_offset == (int)n) {
		irm_buf_init(&out, 1 << 24);
		irm_json_lines(p, n, whole, &out, &e);
		irm_buf_free(&out);
	}
	json_object_put(o);
	json_tokener_free(tok);
}

/* A token response: the token is a string, its lifetime in range. */
static void
token(const char *p, size_t n)
{
	char *s = malloc(n + 1);
	struct json_object *j;
	struct irm_error e;
	long long secs = 0;

	if (s == NULL)
		return;
	memcpy(s, p, n);
	s[n] = '\0';
	j = json_tokener_parse(s);
	if (j && irm_token_body(j, &secs, &e) != NULL &&
	    (secs < 0 || secs > 86400LL * 365))
		abort();
	json_object_put(j);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1;

	if (size == 0 || size > (1 << 20))
		return 0;
	switch (data[0] % 5) {
	case 0:
		headers(p, size - 1);
		break;
	case 1:
		service_error(p, size - 1);
		break;
	case 4:
		token(p, size - 1);
		break;
	default:
		lines(p, size - 1, data[0] % 5 == 3);
	}
	return 0;
}
