/*
 * irm_fetch.h - the library part of irm-fetch: HTTP through libcurl with
 * retries and redacted traces, OAuth2 client-credential tokens, the
 * Office 365 Management Activity API, Microsoft Graph and plain JSON
 * endpoints, and the state file that makes cron runs resume without loss
 * or duplicates.  Only irm-fetch includes this header.
 *
 * The library never writes to stdout: records go to the caller's emit
 * callback, messages to its say callback.
 */
#ifndef IRM_FETCH_H
#define IRM_FETCH_H

#include <json-c/json.h>
#include <stdint.h>

#include "irm.h"

#define IRM_MS_HOUR (3600LL * 1000)
#define IRM_MS_DAY (24 * IRM_MS_HOUR)

/* Message levels for the say callback. */
enum {
	IRM_SAY_TRACE,    /* --verbose: a request or response line */
	IRM_SAY_NOTE,     /* --verbose: a retry, a started subscription */
	IRM_SAY_WARN,     /* always: data lost or rejected */
	IRM_SAY_PROGRESS, /* where the run is, for a progress line: a type
	                     and its blobs done of listed, or a page; the
	                     sink counts the records */
};

/*
 * What the caller sets before irm_fetch_new.  The strings are borrowed and
 * must outlive the client, except secret, which the client copies and
 * wipes.
 */
struct irm_fetch_opts {
	const char *cacert;    /* CA bundle, or NULL for the system's */
	const char *proxy;     /* proxy URL, or NULL (environment applies) */
	int max_retries;       /* retries after the first attempt */
	double scale;          /* factor on every delay and timeout */
	int verbose;           /* trace requests through say */
	int allow_file;        /* file:// URLs may be fetched (url mode) */
	const char *login_url; /* scheme, host and port of the token service */
	const char *tenant;
	const char *client_id;
	const char *secret;
	int token_v2;         /* v2 endpoint with scope, else v1 resource */
	const char *audience; /* resource (v1); scope is audience/.default */
	const char *api_base; /* the origin that receives the bearer token */
	void (*say)(void *arg, int level, const char *msg);
	void *arg;
};

/* A response: status, body, and the headers paging and retries need. */
struct irm_resp {
	long status; /* HTTP status, 0 for file:// */
	struct irm_buf body;
	char *next_page;  /* NextPageUri (or NextPageUrl) header, owned */
	char *link_next;  /* Link: <...>; rel="next" target, owned */
	long retry_after; /* seconds from Retry-After, or -1 */
	char code[64];    /* service error code (AF20051, invalid_client) */
};

/* Flags for irm_fetch_call. */
enum {
	IRM_CALL_AUTH = 1,  /* send the bearer token (fetched as needed) */
	IRM_CALL_JSON = 2,  /* the body must be JSON; a bad body is retried */
	IRM_CALL_SECRET = 4 /* the bodies hold secrets: never traced */
};

struct irm_fetch;

/*
 * A client.  Returns NULL with e filled when libcurl cannot start or a URL
 * in o is refused.  Owned: free with irm_fetch_free (which wipes the
 * secret and the token).
 */
struct irm_fetch *irm_fetch_new(
    const struct irm_fetch_opts *o, struct irm_error *e);
void irm_fetch_free(struct irm_fetch *f);

/*
 * Is url acceptable: https, file:// where allowed, and plain http only to
 * a loopback address?  Returns 0, or -1 with e filled.
 */
int irm_fetch_url_ok(
    const struct irm_fetch *f, const char *url, struct irm_error *e);

/*
 * One request with retries: exponential backoff with jitter on 429
 * (Retry-After honoured), on a 403 whose body says AF429, on 5xx, on
 * transport errors and stalls, and (IRM_CALL_JSON) on a body that is not
 * whole JSON, up to max_retries; a 401 fetches a new token once.  extra
 * is a list of "Name: value" header lines (or NULL); body NULL means GET
 * unless method says otherwise.  Returns 0 on success (r filled, *json
 * the parsed body, owned, when IRM_CALL_JSON and json is not NULL), or -1
 * with e filled ("URL: HTTP 400: AF20055: message") and r->status and
 * r->code set; also -1 with e filled when no request could be made (out
 * of memory, a token too long for a header).  r must be initialised
 * with irm_resp_init and is reset here; free it with irm_resp_free.
 */
int irm_fetch_call(struct irm_fetch *f, const char *method, const char *url,
    const char *body, const char *const *extra, int flags, struct irm_resp *r,
    struct json_object **json, struct irm_error *e);

/*
 * Take one response header line (as curl hands it, CRLF included) into
 * r: NextPageUri (or NextPageUrl), the rel="next" target of Link, and
 * Retry-After (seconds, 0 to 3600; anything else -1).  A status line
 * starts a new response and clears them.
 */
void irm_resp_header(struct irm_resp *r, const char *line, size_t len);

void irm_resp_init(struct irm_resp *r);
void irm_resp_free(struct irm_resp *r);

/*
 * The bearer token, fetched or refreshed as needed (force: always a new
 * one).  Returns it (borrowed, valid until the next call) or NULL with e
 * filled, which names the service's error code and message.
 */
const char *irm_fetch_token(
    struct irm_fetch *f, int force, struct irm_error *e);

/*
 * The token of a token response j (borrowed from j) and, in *secs, how
 * long to use it: expires_in less a minute (half of it when short);
 * 3599 less a minute when missing, not positive or over a year.  NULL
 * with e filled when there is no access_token.
 */
const char *irm_token_body(
    struct json_object *j, long long *secs, struct irm_error *e);

/*
 * Pass a message to the caller's say callback (printf style), with every
 * secret redacted (irm_fetch_redact) and cut at 1023 bytes.
 */
void irm_fetch_say(struct irm_fetch *f, int level, const char *fmt, ...)
    IRM_PRINTF(3, 4);

/*
 * Never show s (copied; NULL or shorter than 4 bytes is ignored) in a
 * message: irm_fetch_new adds the client secret and its form encoding,
 * each token received is added, and a tool adds what else it sends that
 * is secret (header values).  The 32 newest are kept.
 */
void irm_fetch_hide(struct irm_fetch *f, const char *s);

/*
 * Overwrite with '*' every copy, in s[0..n), of what irm_fetch_hide was
 * given, and a tail of s of at least 6 bytes that starts one (a message
 * cut in the middle of it), so that a service echoing a request (the
 * token request's body, an Authorization header) cannot make irm-fetch
 * print a secret.  irm_fetch_say and the errors of irm_fetch_call do it
 * themselves; a tool does it to any other message built from e.
 */
void irm_fetch_redact(const struct irm_fetch *f, char *s, size_t n);

/* fetch_json.c */

/*
 * Append each element of the JSON array (or of the "value" array of an
 * object, a Graph page; or the object itself when whole is set) in
 * text[0..len) to out as one line, byte for byte except that white space
 * outside strings is dropped.  The text must already be valid JSON.
 * Returns the number of records, or -1 with e filled when the text is not
 * an array or such an object.
 */
long irm_json_lines(const char *text, size_t len, int whole,
    struct irm_buf *out, struct irm_error *e);

/*
 * The service error of a JSON error body: {"error":{"code","message"}}
 * (Management API, Graph) or {"error","error_description"} (token
 * service).  Fills code and msg (control characters replaced, cut to the
 * sizes given) and returns 0, or -1 when body holds none.
 */
int irm_json_service_error(const char *body, size_t len, char *code,
    size_t codesz, char *msg, size_t msgsz);

/* fetch_state.c */

/*
 * The state of a run (irm-fetch(1) FILES): one cursor per content type or
 * resource (where the last run ended) and the ids already written, each
 * with its time, so overlapping windows write nothing twice.
 */
struct irm_fstate;

/*
 * Open and lock path (a sibling path.lock, flock, never waited for) and
 * load it; a missing file is an empty state.  source and tenant must match
 * a loaded state.  Returns NULL with e filled; *busy is set when another
 * run holds the lock.  Owned: free with irm_fstate_free (which unlocks).
 */
struct irm_fstate *irm_fstate_open(const char *path, const char *source,
    const char *tenant, int *busy, struct irm_error *e);
void irm_fstate_free(struct irm_fstate *s);

/* The cursor of key in ms, or -1 when there is none. */
int64_t irm_fstate_cursor(const struct irm_fstate *s, const char *key);
void irm_fstate_set_cursor(struct irm_fstate *s, const char *key, int64_t ms);

/* Has id been written?  Mark it written, with its time in ms. */
int irm_fstate_seen(const struct irm_fstate *s, const char *id);
void irm_fstate_mark(struct irm_fstate *s, const char *id, int64_t ms);

/* Forget ids whose time is before ms. */
void irm_fstate_prune(struct irm_fstate *s, int64_t ms);

/*
 * Write the state to a temporary file beside it, fsync it, rename it over
 * the old one and fsync the directory.  Returns 0, or -1 with e filled
 * (the old state is then intact).
 */
int irm_fstate_save(struct irm_fstate *s, struct irm_error *e);

/* fetch_o365.c and fetch_graph.c */

/*
 * Where records go.  emit writes data[0..len) (whole lines) and makes it
 * durable (fsync for a file); it returns 0, or -1 with errno set.  After
 * it returns 0 the state may advance past those records.
 */
struct irm_sink {
	int (*emit)(void *arg, const char *data, size_t len);
	void *arg;
	long blobs_done, blobs_total; /* progress, for the say callback */
	long records;
};

/* What an o365 or graph run does. */
struct irm_pull {
	const char *base; /* API origin, e.g. https://manage.office.com */
	const char *tenant;
	const char *publisher; /* PublisherIdentifier */
	const char **keys;     /* content types or Graph resources */
	int nkeys;
	int64_t now;        /* ms */
	int64_t start, end; /* ms; start -1: from the state or 24 h back */
	int64_t overlap;    /* ms re-listed before a cursor */
	struct irm_fstate *state; /* or NULL */
	struct irm_sink *sink;
};

/*
 * Emit n records held as lines in lines through the sink, then save the
 * state (whose marks the caller has made).  Returns 0, or -1 with e
 * filled; the state is then not saved.
 */
int irm_pull_commit(
    struct irm_pull *p, struct irm_buf *lines, long n, struct irm_error *e);

/*
 * Office 365 Management Activity API: start missing subscriptions, list
 * each content type in windows of at most 24 hours and no older than 7
 * days, fetch every blob not yet written and emit its records; the state
 * advances after each blob and each window.  Returns 0, 1 when some
 * content expired before it was fetched (each reported as a warning with
 * its window), or -1 with e filled on a fatal error (nothing after the
 * last emitted blob is in the state).
 */
int irm_o365_run(struct irm_fetch *f, struct irm_pull *p, struct irm_error *e);

/*
 * Microsoft Graph: each resource (directoryAudits, signIns, alerts_v2)
 * with a time $filter and @odata.nextLink paging; record ids written in
 * the overlap are skipped.  Returns 0, or -1 with e filled.
 */
int irm_graph_run(struct irm_fetch *f, struct irm_pull *p, struct irm_error *e);

/* The path under the Graph origin of a resource, or NULL if unknown. */
const char *irm_graph_path(const char *resource);

/*
 * Any JSON endpoint: url, then each next page, found in the Link header
 * (next NULL) or in the JSON member next of the body.  headers are extra
 * request header lines.  Returns 0, or -1 with e filled.
 */
int irm_url_run(struct irm_fetch *f, const char *url, const char *next,
    const char *const *headers, struct irm_sink *sink, struct irm_error *e);

#endif /* IRM_FETCH_H */
