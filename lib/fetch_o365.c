/*
 * fetch_o365.c - the Office 365 Management Activity API: subscriptions,
 * content listing in windows of at most 24 hours no older than 7 days
 * with NextPageUri paging, and content blobs written record by record.
 *
 * Order of effects, for no loss: a blob's records are emitted (and made
 * durable by the sink) before its content id enters the state, and the
 * state is saved after every blob and every window.  A crash between the
 * two writes the blob again on the next run; nothing is ever skipped.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "irm_fetch.h"
#include "irm_json.h"

/* The API refuses a startTime older than 7 days; keep a margin for the
 * time between computing a window and asking for it. */
#define FLOOR_MARGIN (5 * 60 * 1000LL)

/* A start the service still finds too old (its clock ahead of ours, or a
 * run longer than the margin) moves on by LATE_STEP, up to LATE_MAX past
 * the 7 days, rather than failing the run. */
#define LATE_STEP (10 * 60 * 1000LL)
#define LATE_MAX IRM_MS_HOUR

struct item {
	char *id, *uri;
	int64_t created, expires;
};

struct items {
	struct item *v;
	size_t n, cap;
};

static void
items_free(struct items *it)
{
	for (size_t i = 0; i < it->n; i++) {
		free(it->v[i].id);
		free(it->v[i].uri);
	}
	free(it->v);
	memset(it, 0, sizeof(*it));
}

static int64_t
time_of(struct json_object *o, const char *key)
{
	const char *s = irm_json_str(o, key);
	int flags = IRM_TIME_UTC;
	int64_t ms;

	if (s == NULL || irm_time_parse(s, strlen(s), &flags, &ms, NULL) == -1)
		return -1;
	return ms;
}

/* "YYYY-MM-DDTHH:MM:SS", the form the API takes. */
static void
api_time(int64_t ms, char out[IRM_TIME_LEN])
{
	irm_time_format(ms, out);
	out[19] = '\0';
}

static int url_printf(struct irm_buf *b, struct irm_error *e, const char *fmt,
    ...) IRM_PRINTF(3, 4);

/* Make b the URL of fmt: 0, or -1 (e) when it is too long. */
static int
url_printf(struct irm_buf *b, struct irm_error *e, const char *fmt, ...)
{
	char tmp[8192];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	irm_buf_reset(b);
	if (n < 0 || (size_t)n >= sizeof(tmp) || irm_buf_adds(b, tmp) == -1)
		return irm_seterr(e, "URL too long");
	return 0;
}

/* Append PublisherIdentifier to a URL the service gave, if it lacks it:
 * 0, or -1 (e). */
static int
with_publisher(
    struct irm_buf *b, const char *url, const char *pub, struct irm_error *e)
{
	if (strstr(url, "PublisherIdentifier=") != NULL)
		return url_printf(b, e, "%s", url);
	return url_printf(b, e, "%s%cPublisherIdentifier=%s", url,
	    strchr(url, '?') ? '&' : '?', pub);
}

/* ------------------------------------------------------------------ */
/* Subscriptions. */

static int
enabled(struct json_object *list, const char *type)
{
	size_t n = json_object_is_type(list, json_type_array)
	    ? json_object_array_length(list)
	    : 0;

	for (size_t i = 0; i < n; i++) {
		struct json_object *s = json_object_array_get_idx(list, i);
		const char *t = irm_json_str(s, "contentType");
		const char *st = irm_json_str(s, "status");

		if (t && strcmp(t, type) == 0 && st &&
		    strcasecmp(st, "enabled") == 0)
			return 1;
	}
	return 0;
}

static int
subscriptions(struct irm_fetch *f, struct irm_pull *p, struct irm_error *e)
{
	struct irm_buf url;
	struct irm_resp r;
	struct json_object *list = NULL;
	int rc = -1;

	irm_buf_init(&url, 8192);
	irm_resp_init(&r);
	if (url_printf(&url, e,
	        "%s/api/v1.0/%s/activity/feed/subscriptions/list"
	        "?PublisherIdentifier=%s",
	        p->base, p->tenant, p->publisher) == -1 ||
	    irm_fetch_call(f, "GET", url.data, NULL, NULL,
	        IRM_CALL_AUTH | IRM_CALL_JSON, &r, &list, e) == -1)
		goto out;
	for (int i = 0; i < p->nkeys; i++) {
		if (enabled(list, p->keys[i]))
			continue;
		if (url_printf(&url, e,
		        "%s/api/v1.0/%s/activity/feed/subscriptions/start"
		        "?contentType=%s&PublisherIdentifier=%s",
		        p->base, p->tenant, p->keys[i], p->publisher) == -1 ||
		    irm_fetch_call(f, "POST", url.data, NULL, NULL,
		        IRM_CALL_AUTH, &r, NULL, e) == -1)
			goto out;
		irm_fetch_say(f, IRM_SAY_NOTE,
		    "%s: subscription started; the first content can take up to 12 hours to appear",
		    p->keys[i]);
	}
	rc = 0;
out:
	json_object_put(list);
	irm_resp_free(&r);
	irm_buf_free(&url);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Listing. */

static int
add_items(struct items *it, struct json_object *arr, const char *url,
    struct irm_error *e)
{
	size_t n;

	if (!json_object_is_type(arr, json_type_array))
		return irm_seterr(
		    e, "%s: the content list is not an array", url);
	n = json_object_array_length(arr);
	for (size_t i = 0; i < n; i++) {
		struct json_object *c = json_object_array_get_idx(arr, i);
		const char *id = irm_json_str(c, "contentId");
		const char *uri = irm_json_str(c, "contentUri");

		if (id == NULL || uri == NULL)
			return irm_seterr(e,
			    "%s: a content entry without contentId or contentUri",
			    url);
		if (it->n == it->cap) {
			it->cap = it->cap ? it->cap * 2 : 64;
			it->v = irm_xrealloc(it->v, it->cap * sizeof(*it->v));
		}
		it->v[it->n].id = irm_xstrdup(id);
		it->v[it->n].uri = irm_xstrdup(uri);
		it->v[it->n].created = time_of(c, "contentCreated");
		it->v[it->n].expires = time_of(c, "contentExpiration");
		it->n++;
	}
	return 0;
}

/* Every content entry of type in [ws, we), over all pages: 0, -1 (e), or
 * -2 (e) when the service refuses the start (AF20055). */
static int
list_window(struct irm_fetch *f, struct irm_pull *p, const char *type,
    int64_t ws, int64_t we, struct items *it, struct irm_error *e)
{
	char s[IRM_TIME_LEN], t[IRM_TIME_LEN];
	struct irm_buf url;
	struct irm_resp r;
	struct json_object *arr = NULL;
	int rc = -1, pages = 0;

	api_time(ws, s);
	api_time(we, t);
	irm_buf_init(&url, 8192);
	irm_resp_init(&r);
	if (url_printf(&url, e,
	        "%s/api/v1.0/%s/activity/feed/subscriptions/content"
	        "?contentType=%s&startTime=%s&endTime=%s&PublisherIdentifier=%s",
	        p->base, p->tenant, type, s, t, p->publisher) == -1)
		goto out;
	for (;;) {
		if (irm_fetch_call(f, "GET", url.data, NULL, NULL,
		        IRM_CALL_AUTH | IRM_CALL_JSON, &r, &arr, e) == -1) {
			if (pages == 0 && strcmp(r.code, "AF20055") == 0)
				rc = -2;
			goto out;
		}
		if (add_items(it, arr, url.data, e) == -1)
			goto out;
		json_object_put(arr);
		arr = NULL;
		if (r.next_page == NULL || *r.next_page == '\0')
			break;
		if (++pages > 100000) {
			irm_seterr(e, "%s: more than 100000 pages", type);
			goto out;
		}
		if (with_publisher(&url, r.next_page, p->publisher, e) == -1)
			goto out;
	}
	rc = 0;
out:
	json_object_put(arr);
	irm_resp_free(&r);
	irm_buf_free(&url);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Blobs. */

static void
progress(struct irm_fetch *f, const char *key, struct irm_sink *k)
{
	irm_fetch_say(f, IRM_SAY_PROGRESS, "%s: content %ld/%ld", key,
	    k->blobs_done, k->blobs_total);
}

static void
expired(struct irm_fetch *f, const char *type, const struct item *c, int64_t ws,
    int64_t we)
{
	char t[IRM_TIME_LEN], s[IRM_TIME_LEN], u[IRM_TIME_LEN];

	irm_time_format(c->created, t);
	irm_time_format(ws, s);
	irm_time_format(we, u);
	irm_fetch_say(f, IRM_SAY_WARN,
	    "%s: content created %s expired before it was fetched (window %s to %s)",
	    type, c->created >= 0 ? t : "(unknown)", s, u);
}

int
irm_pull_commit(
    struct irm_pull *p, struct irm_buf *lines, long n, struct irm_error *e)
{
	if (lines->len &&
	    p->sink->emit(p->sink->arg, lines->data, lines->len) == -1)
		return irm_seterr(e, "output: %s", strerror(errno));
	p->sink->records += n;
	return p->state ? irm_fstate_save(p->state, e) : 0;
}

/* Fetch one blob and write it: 0, 1 when it expired, -1 (e). */
static int
fetch_blob(struct irm_fetch *f, struct irm_pull *p, const struct item *c,
    struct irm_buf *lines, struct irm_error *e)
{
	struct irm_buf url;
	struct irm_resp r;
	long n;
	int rc = -1;

	if (c->expires >= 0 && c->expires <= p->now)
		return 1;
	irm_buf_init(&url, 8192);
	irm_resp_init(&r);
	irm_buf_reset(lines);
	if (with_publisher(&url, c->uri, p->publisher, e) == -1)
		goto out;
	if (irm_fetch_call(f, "GET", url.data, NULL, NULL,
	        IRM_CALL_AUTH | IRM_CALL_JSON, &r, NULL, e) == -1) {
		if (strcmp(r.code, "AF20051") == 0)
			rc = 1;
		goto out;
	}
	if ((n = irm_json_lines(r.body.data, r.body.len, 0, lines, e)) == -1)
		goto out;
	if (p->state)
		irm_fstate_mark(p->state, c->id, c->created);
	rc = irm_pull_commit(p, lines, n, e);
out:
	irm_resp_free(&r);
	irm_buf_free(&url);
	return rc;
}

/*
 * List [ws, we) into it, moving a start the service refuses as too old
 * on by LATE_STEP while it is within LATE_MAX of the 7 days: 0, 1 (the
 * start moved: what lay before it is gone), -1 (e).
 */
static int
list_late(struct irm_fetch *f, struct irm_pull *p, const char *type, int64_t ws,
    int64_t we, struct items *it, struct irm_error *e)
{
	int64_t s = ws, limit = p->now - 7 * IRM_MS_DAY + LATE_MAX;
	char a[IRM_TIME_LEN], b[IRM_TIME_LEN];
	int rc;

	while ((rc = list_window(f, p, type, s, we, it, e)) == -2 &&
	    s < limit && s + LATE_STEP < we) {
		items_free(it);
		s += LATE_STEP;
	}
	if (rc < 0)
		return -1;
	if (s == ws)
		return 0;
	irm_time_format(ws, a);
	irm_time_format(s, b);
	irm_fetch_say(f, IRM_SAY_WARN,
	    "%s: content from %s to %s expired before it was listed (the service's 7 days ended later than this machine's clock says)",
	    type, a, b);
	return 1;
}

/* One window of one content type: 0, 1 (some expired), -1 (e). */
static int
window(struct irm_fetch *f, struct irm_pull *p, const char *type, int64_t ws,
    int64_t we, struct irm_error *e)
{
	struct items it = {0};
	struct irm_buf lines;
	int rc, rval = 0;

	irm_buf_init(&lines, (size_t)1 << 30);
	if ((rval = list_late(f, p, type, ws, we, &it, e)) == -1)
		goto out;
	p->sink->blobs_total += (long)it.n;
	for (size_t i = 0; i < it.n; i++) {
		if (p->state && irm_fstate_seen(p->state, it.v[i].id)) {
			p->sink->blobs_total--;
			continue;
		}
		if ((rc = fetch_blob(f, p, &it.v[i], &lines, e)) == -1) {
			rval = -1;
			goto out;
		}
		if (rc == 1) {
			expired(f, type, &it.v[i], ws, we);
			rval = 1;
		}
		p->sink->blobs_done++;
		progress(f, type, p->sink);
	}
out:
	irm_buf_free(&lines);
	items_free(&it);
	return rval;
}

/* One content type, from its cursor (or the start) to the end. */
static int
one_type(struct irm_fetch *f, struct irm_pull *p, const char *type,
    struct irm_error *e)
{
	int64_t cur = p->state ? irm_fstate_cursor(p->state, type) : -1;
	int64_t floor = p->now - 7 * IRM_MS_DAY + FLOOR_MARGIN;
	int64_t from, to = p->end >= 0 ? p->end : p->now, ws, we;
	int rc, rval = 0;

	if (cur >= 0)
		from = cur - p->overlap;
	else
		from = p->start >= 0 ? p->start : p->now - IRM_MS_DAY;
	if (cur >= 0 && cur < floor) {
		char a[IRM_TIME_LEN], b[IRM_TIME_LEN];

		irm_time_format(cur, a);
		irm_time_format(floor, b);
		irm_fetch_say(f, IRM_SAY_WARN,
		    "%s: content from %s to %s expired before it was fetched (the API keeps 7 days)",
		    type, a, b);
		rval = 1;
	}
	/* The margin is ours: only a start before the API's 7 days is
	 * something the user asked for and cannot have. */
	if (cur < 0 && p->start >= 0 && p->start < p->now - 7 * IRM_MS_DAY) {
		char a[IRM_TIME_LEN], b[IRM_TIME_LEN];

		irm_time_format(p->start, a);
		irm_time_format(floor, b);
		irm_fetch_say(f, IRM_SAY_WARN,
		    "%s: content from %s to %s is no longer available (the API keeps 7 days); starting at %s",
		    type, a, b, b);
		rval = 1;
	}
	if (from < floor)
		from = floor;
	for (ws = from; ws < to; ws = we) {
		we = ws + IRM_MS_DAY < to ? ws + IRM_MS_DAY : to;
		if ((rc = window(f, p, type, ws, we, e)) == -1)
			return -1;
		if (rc == 1)
			rval = 1;
		if (p->state) {
			irm_fstate_set_cursor(p->state, type, we);
			if (irm_fstate_save(p->state, e) == -1)
				return -1;
		}
	}
	return rval;
}

int
irm_o365_run(struct irm_fetch *f, struct irm_pull *p, struct irm_error *e)
{
	int rc, rval = 0;

	if (p->state)
		irm_fstate_prune(p->state, p->now - 8 * IRM_MS_DAY);
	if (subscriptions(f, p, e) == -1)
		return -1;
	for (int i = 0; i < p->nkeys; i++) {
		if ((rc = one_type(f, p, p->keys[i], e)) == -1)
			return -1;
		if (rc == 1)
			rval = 1;
	}
	return rval;
}
