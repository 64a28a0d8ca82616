/*
 * fetch_http.c - HTTP requests for irm-fetch through libcurl: URL policy
 * (https, plain http to loopback only), response headers for paging and
 * Retry-After, traces with Authorization and token bodies redacted, and
 * the retry loop with exponential backoff and jitter.
 */
#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "irm_fetch.h"
#include "irm_json.h"

/* A response body larger than this is refused. */
#define MAX_BODY ((size_t)512 << 20)
/* The most secrets (the client secret, its form encoding, the tokens of
 * the run, header values) kept to be redacted from messages. */
#define MAX_HIDE 32

struct irm_fetch {
	struct irm_fetch_opts o;
	CURL *curl;
	char *secret;
	char *token;
	int64_t token_until; /* monotonic ms after which it is refreshed */
	int secret_call;     /* the current call's bodies are never traced */
	int local_fail;      /* the last call failed before a request */
	struct irm_resp *cur;
	char errbuf[CURL_ERROR_SIZE];
	char api_origin[512];
	char *hide[MAX_HIDE]; /* never shown: see irm_fetch_redact */
	int nhide;
};

static void
wipe(char *s)
{
	volatile char *p = s;

	while (p && *p)
		*p++ = '\0';
}

void
irm_fetch_hide(struct irm_fetch *f, const char *s)
{
	if (s == NULL || strlen(s) < 4)
		return;
	if (f->nhide == MAX_HIDE) {
		/* The oldest token goes; the secret's two forms stay. */
		wipe(f->hide[2]);
		free(f->hide[2]);
		memmove(&f->hide[2], &f->hide[3],
		    (MAX_HIDE - 3) * sizeof(f->hide[0]));
		f->nhide--;
	}
	f->hide[f->nhide++] = irm_xstrdup(s);
}

void
irm_fetch_redact(const struct irm_fetch *f, char *s, size_t n)
{
	size_t k, len, i, m;

	for (k = 0; k < (size_t)f->nhide; k++) {
		len = strlen(f->hide[k]);
		for (i = 0; i + len <= n; i++)
			if (memcmp(s + i, f->hide[k], len) == 0) {
				memset(s + i, '*', len);
				i += len - 1;
			}
		/* A message cut in the middle of a secret. */
		for (m = len - 1; m >= 6; m--)
			if (m <= n && memcmp(s + n - m, f->hide[k], m) == 0) {
				memset(s + n - m, '*', m);
				break;
			}
	}
}

void
irm_fetch_say(struct irm_fetch *f, int level, const char *fmt, ...)
{
	char msg[8192];
	va_list ap;

	if (f->o.say == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	irm_fetch_redact(f, msg, strlen(msg));
	if (strlen(msg) > 1023)
		msg[1023] = '\0';
	f->o.say(f->o.arg, level, msg);
}

/* ------------------------------------------------------------------ */
/* URL policy. */

static int
loopback(const char *host)
{
	return strcmp(host, "localhost") == 0 || strcmp(host, "::1") == 0 ||
	    strcmp(host, "[::1]") == 0 || strncmp(host, "127.", 4) == 0;
}

/* scheme://host:port of url into out, or -1 (e) when url is refused. */
static int
origin(const struct irm_fetch *f, const char *url, char *out, size_t outsz,
    struct irm_error *e)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL;
	int rc = -1;

	if (u == NULL)
		return irm_seterr(e, "out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) {
		irm_seterr(e, "%s: not a URL", url);
		goto out;
	}
	if (strcmp(scheme, "file") == 0 && f->o.allow_file) {
		snprintf(out, outsz, "file://");
		rc = 0;
		goto out;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) !=
	        CURLUE_OK) {
		irm_seterr(e, "%s: no host", url);
		goto out;
	}
	if (strcmp(scheme, "https") != 0 &&
	    !(strcmp(scheme, "http") == 0 && loopback(host))) {
		irm_seterr(e,
		    "%s: refused: only https, or plain http to a loopback address",
		    url);
		goto out;
	}
	snprintf(out, outsz, "%s://%s:%s", scheme, host, port);
	rc = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return rc;
}

int
irm_fetch_url_ok(
    const struct irm_fetch *f, const char *url, struct irm_error *e)
{
	char o[512];

	return origin(f, url, o, sizeof(o), e);
}

/* ------------------------------------------------------------------ */
/* libcurl callbacks. */

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct irm_resp *r = arg;

	if (irm_buf_add(&r->body, p, size * n) == -1)
		return 0;
	return size * n;
}

/* A copy of the value of header line h if its name is name, else NULL. */
static char *
header_value(const char *h, size_t len, const char *name)
{
	size_t nl = strlen(name), end;

	if (len <= nl || h[nl] != ':' || strncasecmp(h, name, nl) != 0)
		return NULL;
	h += nl + 1;
	len -= nl + 1;
	while (len && (*h == ' ' || *h == '\t'))
		h++, len--;
	end = len;
	while (end && isspace((unsigned char)h[end - 1]))
		end--;
	return strndup(h, end);
}

/* The target of rel="next" in a Link header value, or NULL. */
static char *
link_next(const char *v)
{
	const char *lt, *gt, *p;

	for (p = v; (lt = strchr(p, '<')) != NULL; p = gt + 1) {
		if ((gt = strchr(lt, '>')) == NULL)
			return NULL;
		p = gt + 1;
		while (*p && *p != ',' && *p != '<') {
			if (strncasecmp(p, "rel=\"next\"", 10) == 0 ||
			    strncasecmp(p, "rel=next", 8) == 0)
				return strndup(lt + 1, (size_t)(gt - lt - 1));
			p++;
		}
	}
	return NULL;
}

void
irm_resp_header(struct irm_resp *r, const char *p, size_t len)
{
	char *v;

	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		/* A new response (after 100 Continue or a redirect). */
		free(r->next_page);
		free(r->link_next);
		r->next_page = r->link_next = NULL;
		r->retry_after = -1;
	} else if ((v = header_value(p, len, "NextPageUri")) != NULL ||
	    (v = header_value(p, len, "NextPageUrl")) != NULL) {
		free(r->next_page);
		r->next_page = v;
	} else if ((v = header_value(p, len, "Link")) != NULL) {
		if (r->link_next == NULL)
			r->link_next = link_next(v);
		free(v);
	} else if ((v = header_value(p, len, "Retry-After")) != NULL) {
		const char *err;
		long long s = irm_parse_num(v, 0, 3600, &err);

		r->retry_after = err ? -1 : (long)s;
		free(v);
	}
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	irm_resp_header(arg, p, size * n);
	return size * n;
}

/* Trace one block of lines, each prefixed, Authorization redacted. */
static void
trace_lines(struct irm_fetch *f, const char *pfx, const char *d, size_t n)
{
	while (n) {
		const char *nl = memchr(d, '\n', n);
		size_t l = nl ? (size_t)(nl - d) : n, shown = l;

		if (shown && d[shown - 1] == '\r')
			shown--;
		if (shown > 14 && strncasecmp(d, "authorization:", 14) == 0)
			irm_fetch_say(f, IRM_SAY_TRACE,
			    "%s Authorization: [redacted]", pfx);
		else if (shown)
			irm_fetch_say(f, IRM_SAY_TRACE, "%s %.*s", pfx,
			    (int)(shown > 900 ? 900 : shown), d);
		if (nl == NULL)
			break;
		n -= l + 1;
		d = nl + 1;
	}
}

/*
 * --verbose traces: headers (Authorization redacted) and the size of each
 * body, never its content: request bodies can hold the client secret
 * and token responses the token.
 */
static int
on_debug(CURL *c, curl_infotype type, char *d, size_t n, void *arg)
{
	struct irm_fetch *f = arg;

	(void)c;
	switch (type) {
	case CURLINFO_TEXT:
		trace_lines(f, "*", d, n);
		break;
	case CURLINFO_HEADER_OUT:
		trace_lines(f, ">", d, n);
		break;
	case CURLINFO_HEADER_IN:
		trace_lines(f, "<", d, n);
		break;
	case CURLINFO_DATA_OUT:
		irm_fetch_say(f, IRM_SAY_TRACE, "> [%zu bytes of body%s]", n,
		    f->secret_call ? ", redacted" : "");
		break;
	case CURLINFO_DATA_IN:
		irm_fetch_say(f, IRM_SAY_TRACE, "< [%zu bytes of body%s]", n,
		    f->secret_call ? ", redacted" : "");
		break;
	default:
		break;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The client. */

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long
scaled(double ms, const struct irm_fetch *f, long min)
{
	double v = ms * f->o.scale;

	return v < min ? min : (long)v;
}

static void
setup_curl(struct irm_fetch *f)
{
	CURL *c = f->curl;

	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, f->errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "irm-fetch/" IRM_VERSION);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR,
	    f->o.allow_file ? "http,https,file" : "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, scaled(30000, f, 2000));
	/* A transfer that moves no byte for this long is stalled. */
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, scaled(60, f, 1));
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(c, CURLOPT_DEBUGDATA, f);
	if (f->o.verbose && f->o.say)
		curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
	if (f->o.cacert)
		curl_easy_setopt(c, CURLOPT_CAINFO, f->o.cacert);
	if (f->o.proxy) {
		/* An explicit proxy carries every request: no_proxy in the
		 * environment would otherwise still bypass it. */
		curl_easy_setopt(c, CURLOPT_PROXY, f->o.proxy);
		curl_easy_setopt(c, CURLOPT_NOPROXY, "");
	}
}

struct irm_fetch *
irm_fetch_new(const struct irm_fetch_opts *o, struct irm_error *e)
{
	struct irm_fetch *f;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		irm_seterr(e, "libcurl failed to start");
		return NULL;
	}
	f = irm_xcalloc(1, sizeof(*f));
	f->o = *o;
	if (f->o.scale <= 0)
		f->o.scale = 1;
	f->secret = o->secret ? irm_xstrdup(o->secret) : NULL;
	f->o.secret = NULL;
	irm_fetch_hide(f, f->secret);
	if ((o->api_base &&
	        origin(f, o->api_base, f->api_origin, sizeof(f->api_origin),
	            e) == -1) ||
	    (o->login_url && irm_fetch_url_ok(f, o->login_url, e) == -1) ||
	    (f->curl = curl_easy_init()) == NULL) {
		if (f->curl == NULL && e && !*e->msg)
			irm_seterr(e, "libcurl failed to start");
		irm_fetch_free(f);
		return NULL;
	}
	setup_curl(f);
	if (f->secret) {
		/* As it goes in a token request's form body. */
		char *v = curl_easy_escape(f->curl, f->secret, 0);

		irm_fetch_hide(f, v);
		wipe(v);
		curl_free(v);
	}
	return f;
}

void
irm_fetch_free(struct irm_fetch *f)
{
	if (f == NULL)
		return;
	if (f->curl)
		curl_easy_cleanup(f->curl);
	wipe(f->secret);
	free(f->secret);
	wipe(f->token);
	free(f->token);
	for (int i = 0; i < f->nhide; i++) {
		wipe(f->hide[i]);
		free(f->hide[i]);
	}
	free(f);
	curl_global_cleanup();
}

void
irm_resp_init(struct irm_resp *r)
{
	memset(r, 0, sizeof(*r));
	irm_buf_init(&r->body, MAX_BODY);
	r->retry_after = -1;
}

static void
resp_reset(struct irm_resp *r)
{
	irm_buf_free(&r->body);
	irm_buf_init(&r->body, MAX_BODY);
	free(r->next_page);
	free(r->link_next);
	r->next_page = r->link_next = NULL;
	r->retry_after = -1;
	r->status = 0;
	r->code[0] = '\0';
}

void
irm_resp_free(struct irm_resp *r)
{
	resp_reset(r);
	irm_buf_free(&r->body);
}

/* ------------------------------------------------------------------ */
/* One attempt. */

/* Append h to *l: 0, or -1 (e) when memory runs out. */
static int
add_header(struct curl_slist **l, const char *h, struct irm_error *e)
{
	struct curl_slist *n = curl_slist_append(*l, h);

	if (n == NULL)
		return irm_seterr(e, "out of memory");
	*l = n;
	return 0;
}

/* The request's header lines into *l: 0, or -1 (e). */
static int
headers(struct curl_slist **l, const char *const *extra, const char *token,
    const char *body, struct irm_buf *auth, struct irm_error *e)
{
	if (add_header(l, "Accept: application/json", e) == -1)
		return -1;
	for (; extra && *extra; extra++)
		if (add_header(l, *extra, e) == -1)
			return -1;
	if (token) {
		if (irm_buf_printf(auth, "Authorization: Bearer %s", token) ==
		    -1)
			return irm_seterr(e, "token too long");
		if (add_header(l, auth->data, e) == -1)
			return -1;
	}
	if (body)
		return add_header(
		    l, "Content-Type: application/x-www-form-urlencoded", e);
	return 0;
}

/*
 * Perform one request.  Returns 0 with the libcurl code in *cc (r holds
 * what arrived), or -1 (e) when the request could not be made (out of
 * memory, a token too long for a header).  The bearer header is built
 * here and wiped after.
 */
static int
perform(struct irm_fetch *f, const char *method, const char *url,
    const char *body, const char *const *extra, const char *token,
    struct irm_resp *r, CURLcode *cc, struct irm_error *e)
{
	struct curl_slist *h = NULL;
	struct irm_buf auth;
	int rc = -1;

	resp_reset(r);
	irm_buf_init(&auth, 16384);
	if (headers(&h, extra, token, body, &auth, e) == -1)
		goto out;
	curl_easy_setopt(f->curl, CURLOPT_URL, url);
	curl_easy_setopt(f->curl, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(f->curl, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(f->curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(f->curl, CURLOPT_HTTPGET, 1L);
	if (body) {
		curl_easy_setopt(f->curl, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(
		    f->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	} else if (strcmp(method, "POST") == 0) {
		curl_easy_setopt(f->curl, CURLOPT_POSTFIELDS, "");
		curl_easy_setopt(f->curl, CURLOPT_POSTFIELDSIZE, 0L);
	}
	f->errbuf[0] = '\0';
	*cc = curl_easy_perform(f->curl);
	curl_easy_getinfo(f->curl, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_setopt(f->curl, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(f->curl, CURLOPT_POSTFIELDS, NULL);
	rc = 0;
out:
	for (struct curl_slist *p = h; p; p = p->next)
		wipe(p->data);
	curl_slist_free_all(h);
	wipe(auth.data);
	irm_buf_free(&auth);
	return rc;
}

/* Transport errors worth another attempt. */
static int
transient(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_BAD_CONTENT_ENCODING:
		return 1;
	default:
		return 0;
	}
}

/* Sleep before retry n (0-based): 1 s doubling to 60 s, jittered down by
 * up to half, never shorter than Retry-After; all times the scale. */
static void
backoff(struct irm_fetch *f, int n, long retry_after, const char *url,
    const char *why)
{
	double base = 1000.0 * (double)(1L << (n > 6 ? 6 : n)), ms;
	struct timespec ts;

	if (base > 60000)
		base = 60000;
	ms = base / 2 + base / 2 * ((double)random() / RAND_MAX);
	if (retry_after >= 0 && ms < retry_after * 1000.0)
		ms = retry_after * 1000.0;
	ms *= f->o.scale;
	irm_fetch_say(f, IRM_SAY_NOTE, "%s: %s; retry %d of %d in %.3f s", url,
	    why, n + 1, f->o.max_retries, ms / 1000);
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000) * 1e6);
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* The service's error of a failed response, into r->code and e. */
static int
http_error(const struct irm_fetch *f, struct irm_resp *r, const char *url,
    struct irm_error *e)
{
	char msg[4096];

	if (irm_json_service_error(r->body.data, r->body.len, r->code,
	        sizeof(r->code), msg, sizeof(msg)) == 0) {
		/* A service may echo the request: whole, then cut. */
		irm_fetch_redact(f, r->code, strlen(r->code));
		irm_fetch_redact(f, msg, strlen(msg));
		return irm_seterr(e, "%s: HTTP %ld: %s: %.200s", url, r->status,
		    r->code, msg);
	}
	return irm_seterr(e, "%s: HTTP %ld", url, r->status);
}

/* Fills r->code from the body of a failed response. */
static int
retryable_status(struct irm_resp *r)
{
	char msg[8];

	if (r->status >= 400)
		irm_json_service_error(r->body.data, r->body.len, r->code,
		    sizeof(r->code), msg, sizeof(msg));
	if (r->status == 429 || r->status >= 500)
		return 1;
	return r->status == 403 && strcmp(r->code, "AF429") == 0;
}

/* The URL as shown in messages: without its query (paging tokens). */
static void
shown_url(const char *url, char *out, size_t outsz)
{
	size_t n = strcspn(url, "?");

	snprintf(out, outsz, "%.*s", (int)(n > 400 ? 400 : n), url);
}

static int
may_send_token(struct irm_fetch *f, const char *url, struct irm_error *e)
{
	char o[512];

	if (origin(f, url, o, sizeof(o), e) == -1)
		return -1;
	if (strcmp(o, f->api_origin) != 0)
		return irm_seterr(e,
		    "%s: refused: the service named another origin than %s",
		    url, f->api_origin);
	return 0;
}

int
irm_fetch_call(struct irm_fetch *f, const char *method, const char *url,
    const char *body, const char *const *extra, int flags, struct irm_resp *r,
    struct json_object **json, struct irm_error *e)
{
	const char *token = NULL;
	struct json_tokener *tok = NULL;
	struct json_object *j;
	char su[512], why[320];
	int n = 0, refreshed = 0, rc = -1, prc;
	CURLcode cc;

	shown_url(url, su, sizeof(su));
	f->local_fail = 0;
	if (json)
		*json = NULL;
	if (flags & IRM_CALL_AUTH ? may_send_token(f, url, e) == -1
	                          : irm_fetch_url_ok(f, url, e) == -1)
		return -1;
	for (;;) {
		if ((flags & IRM_CALL_AUTH) &&
		    (token = irm_fetch_token(f, 0, e)) == NULL)
			goto out;
		f->secret_call = (flags & IRM_CALL_SECRET) != 0;
		prc = perform(f, method, url, body, extra, token, r, &cc, e);
		f->secret_call = 0;
		if (prc == -1) {
			f->local_fail = 1;
			goto out;
		}
		if (cc != CURLE_OK) {
			snprintf(why, sizeof(why), "(%d) %.256s", (int)cc,
			    *f->errbuf ? f->errbuf : curl_easy_strerror(cc));
			if (!transient(cc) || n >= f->o.max_retries) {
				irm_seterr(e, "%s: %s", su, why);
				r->status = 0;
				goto out;
			}
			backoff(f, n++, -1, su, why);
			continue;
		}
		if (r->status == 401 && (flags & IRM_CALL_AUTH) && !refreshed) {
			/* An expired or revoked token: one fresh one. */
			refreshed = 1;
			irm_fetch_say(f, IRM_SAY_NOTE,
			    "%s: HTTP 401; fetching a new token", su);
			if (irm_fetch_token(f, 1, e) == NULL)
				goto out;
			continue;
		}
		if (retryable_status(r)) {
			if (n >= f->o.max_retries) {
				http_error(f, r, su, e);
				goto out;
			}
			snprintf(why, sizeof(why), "HTTP %ld%s%s", r->status,
			    *r->code ? " " : "", r->code);
			backoff(f, n++, r->retry_after, su, why);
			continue;
		}
		if (r->status >= 400) {
			http_error(f, r, su, e);
			goto out;
		}
		if (!(flags & IRM_CALL_JSON))
			break;
		if (tok == NULL &&
		    (tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH)) ==
		        NULL) {
			f->local_fail = 1;
			irm_seterr(e, "out of memory");
			goto out;
		}
		if ((j = irm_json_parse(tok, r->body.data ? r->body.data : "",
		         r->body.len, e)) != NULL) {
			if (json)
				*json = j;
			else
				json_object_put(j);
			break;
		}
		/* A truncated or garbled body: fetch it again. */
		snprintf(why, sizeof(why), "body is not whole JSON (%.200s)",
		    e ? e->msg : "");
		if (n >= f->o.max_retries) {
			irm_seterr(e, "%s: %s", su, why);
			goto out;
		}
		backoff(f, n++, -1, su, why);
	}
	rc = 0;
out:
	if (tok)
		json_tokener_free(tok);
	if (rc == -1 && e)
		irm_fetch_redact(f, e->msg, strlen(e->msg));
	return rc;
}

/* ------------------------------------------------------------------ */
/* Tokens. */

/* Append name=val to a form body: 0, or -1 (e). */
static int
form_add(struct irm_buf *b, CURL *c, const char *name, const char *val,
    struct irm_error *e)
{
	char *v = curl_easy_escape(c, val, 0);
	int rc = 0;

	if (v == NULL ||
	    irm_buf_printf(b, "%s%s=%s", b->len ? "&" : "", name, v) == -1)
		rc = irm_seterr(e, "out of memory");
	wipe(v);
	curl_free(v);
	return rc;
}

const char *
irm_token_body(struct json_object *j, long long *secs, struct irm_error *e)
{
	const char *tok = irm_json_str(j, "access_token");

	if (tok == NULL || *tok == '\0') {
		irm_seterr(e, "token: no access_token in the response");
		return NULL;
	}
	if (irm_json_int(j, "expires_in", secs) == -1 || *secs <= 0 ||
	    *secs > 86400 * 365)
		*secs = 3599;
	/* Renew a minute early (never later than half the lifetime). */
	*secs = *secs > 120 ? *secs - 60 : *secs / 2;
	return tok;
}

static int
token_parse(struct irm_fetch *f, struct json_object *j, struct irm_error *e)
{
	long long secs;
	const char *tok = irm_token_body(j, &secs, e);

	if (tok == NULL)
		return -1;
	wipe(f->token);
	free(f->token);
	f->token = irm_xstrdup(tok);
	irm_fetch_hide(f, tok);
	f->token_until = mono_ms() + secs * 1000;
	return 0;
}

/* The token request: its URL and form body.  0, or -1 (e). */
static int
token_request(struct irm_fetch *f, struct irm_buf *url, struct irm_buf *body,
    struct irm_error *e)
{
	const char *aud = f->o.audience ? f->o.audience : f->o.api_base;
	struct irm_buf scope;
	int rc;

	if (irm_buf_printf(url, "%s/%s/oauth2/%stoken", f->o.login_url,
	        f->o.tenant, f->o.token_v2 ? "v2.0/" : "") == -1)
		return irm_seterr(e, "login URL too long");
	if (form_add(body, f->curl, "grant_type", "client_credentials", e) ==
	        -1 ||
	    form_add(body, f->curl, "client_id", f->o.client_id, e) == -1 ||
	    form_add(body, f->curl, "client_secret", f->secret, e) == -1)
		return -1;
	if (!f->o.token_v2)
		return form_add(body, f->curl, "resource", aud, e);
	irm_buf_init(&scope, 4096);
	if (irm_buf_printf(&scope, "%s/.default", aud) == -1)
		return irm_seterr(e, "scope too long");
	rc = form_add(body, f->curl, "scope", scope.data, e);
	irm_buf_free(&scope);
	return rc;
}

const char *
irm_fetch_token(struct irm_fetch *f, int force, struct irm_error *e)
{
	struct irm_buf url, body;
	struct irm_resp r;
	struct json_object *j = NULL;
	int rc;

	if (f->token && !force && mono_ms() < f->token_until)
		return f->token;
	if (f->o.login_url == NULL || f->secret == NULL) {
		irm_seterr(e, "no credentials for a token");
		return NULL;
	}
	irm_buf_init(&url, 4096);
	irm_buf_init(&body, 65536);
	irm_resp_init(&r);
	/* The service's refusals are named as the token's; a failure here
	 * (out of memory, a URL too long) is not the service's. */
	if ((rc = token_request(f, &url, &body, e)) == 0 &&
	    (rc = irm_fetch_call(f, "POST", url.data, body.data, NULL,
	         IRM_CALL_JSON | IRM_CALL_SECRET, &r, &j, e)) == -1 &&
	    e && !f->local_fail) {
		char m[sizeof(e->msg)];

		snprintf(m, sizeof(m), "%s", e->msg);
		snprintf(e->msg, sizeof(e->msg), "token: %.240s", m);
	}
	if (rc == 0)
		rc = token_parse(f, j, e);
	json_object_put(j);
	wipe(r.body.data);
	irm_resp_free(&r);
	wipe(body.data);
	irm_buf_free(&body);
	irm_buf_free(&url);
	return rc == 0 ? f->token : NULL;
}
