/*
 * fetch_graph.c - Microsoft Graph audit resources (a time $filter and
 * @odata.nextLink paging) and plain JSON endpoints (Link rel="next" or a
 * next-link member), one record a line.
 */
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "irm_fetch.h"
#include "irm_json.h"

static const struct {
	const char *name, *path, *field;
} resources[] = {
    {"directoryAudits", "/v1.0/auditLogs/directoryAudits", "activityDateTime"},
    {"signIns", "/v1.0/auditLogs/signIns", "createdDateTime"},
    {"alerts_v2", "/v1.0/security/alerts_v2", "createdDateTime"},
};

static int
resource(const char *name)
{
	for (size_t i = 0; i < sizeof(resources) / sizeof(resources[0]); i++)
		if (strcmp(resources[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
irm_graph_path(const char *name)
{
	int i = resource(name);

	return i < 0 ? NULL : resources[i].path;
}

static int
set_url(struct irm_buf *b, const char *s, struct irm_error *e)
{
	irm_buf_reset(b);
	if (irm_buf_adds(b, s) == -1)
		return irm_seterr(e, "URL too long");
	return 0;
}

/*
 * Keep the lines of all whose id is new (marking them), dropping the
 * others.  Returns how many were kept, or -1 (e) when out is full.
 */
static long
keep_new(struct irm_pull *p, const char *field, struct irm_buf *all,
    struct irm_buf *out, struct irm_error *e)
{
	struct json_tokener *tok = json_tokener_new();
	char *line = all->data, *nl;
	long n = 0;

	irm_buf_reset(out);
	for (; line && *line; line = nl + 1) {
		struct json_object *o;
		const char *id, *t;
		int64_t ms = p->now;
		int flags = IRM_TIME_UTC;

		nl = strchr(line, '\n');
		o = irm_json_parse(tok, line, (size_t)(nl - line), NULL);
		id = irm_json_str(o, "id");
		t = irm_json_str(o, field);
		if (t)
			irm_time_parse(t, strlen(t), &flags, &ms, NULL);
		if (id == NULL || p->state == NULL ||
		    !irm_fstate_seen(p->state, id)) {
			if (id && p->state)
				irm_fstate_mark(p->state, id, ms);
			if (irm_buf_add(out, line, (size_t)(nl - line + 1)) ==
			    -1) {
				json_object_put(o);
				n = irm_seterr(e, "out of memory");
				break;
			}
			n++;
		}
		json_object_put(o);
	}
	json_tokener_free(tok);
	return n;
}

/* Walk the pages from url; each page's new records are committed. */
static int
pages(struct irm_fetch *f, struct irm_pull *p, const char *url, const char *key,
    const char *field, struct irm_error *e)
{
	struct irm_buf u, all, out;
	struct irm_resp r;
	struct json_object *j = NULL;
	const char *next;
	long n, page = 0;
	int rc = -1;

	irm_buf_init(&u, 65536);
	irm_buf_init(&all, (size_t)1 << 30);
	irm_buf_init(&out, (size_t)1 << 30);
	irm_resp_init(&r);
	if (set_url(&u, url, e) == -1)
		goto out;
	for (;;) {
		irm_buf_reset(&all);
		if (irm_fetch_call(f, "GET", u.data, NULL, NULL,
		        IRM_CALL_AUTH | IRM_CALL_JSON, &r, &j, e) == -1 ||
		    irm_json_lines(r.body.data, r.body.len, 0, &all, e) == -1)
			goto out;
		if ((n = keep_new(p, field, &all, &out, e)) == -1 ||
		    irm_pull_commit(p, &out, n, e) == -1)
			goto out;
		irm_fetch_say(f, IRM_SAY_PROGRESS, "%s: page %ld", key, ++page);
		if ((next = irm_json_str(j, "@odata.nextLink")) == NULL)
			break;
		if (set_url(&u, next, e) == -1)
			goto out;
		json_object_put(j);
		j = NULL;
	}
	rc = 0;
out:
	json_object_put(j);
	irm_resp_free(&r);
	irm_buf_free(&out);
	irm_buf_free(&all);
	irm_buf_free(&u);
	return rc;
}

static int
one_resource(
    struct irm_fetch *f, struct irm_pull *p, int ri, struct irm_error *e)
{
	const char *key = resources[ri].name, *field = resources[ri].field;
	int64_t cur = p->state ? irm_fstate_cursor(p->state, key) : -1;
	int64_t from, to = p->end >= 0 ? p->end : p->now;
	char a[IRM_TIME_LEN], b[IRM_TIME_LEN], filter[256];
	struct irm_buf url;
	char *esc;
	int rc;

	if (cur >= 0)
		from = cur - p->overlap;
	else
		from = p->start >= 0 ? p->start : p->now - IRM_MS_DAY;
	if (from >= to)
		return 0;
	irm_time_format(from, a);
	irm_time_format(to, b);
	snprintf(filter, sizeof(filter), "%s ge %s and %s lt %s", field, a,
	    field, b);
	if ((esc = curl_easy_escape(NULL, filter, 0)) == NULL)
		return irm_seterr(e, "out of memory");
	irm_buf_init(&url, 8192);
	if (irm_buf_printf(&url, "%s%s?$filter=%s", p->base, resources[ri].path,
	        esc) == -1)
		rc = irm_seterr(e, "URL too long");
	else
		rc = pages(f, p, url.data, key, field, e);
	curl_free(esc);
	irm_buf_free(&url);
	if (rc == 0 && p->state) {
		irm_fstate_set_cursor(p->state, key, to);
		rc = irm_fstate_save(p->state, e);
	}
	return rc;
}

int
irm_graph_run(struct irm_fetch *f, struct irm_pull *p, struct irm_error *e)
{
	for (int i = 0; i < p->nkeys; i++) {
		int ri = resource(p->keys[i]);

		if (ri < 0)
			return irm_seterr(
			    e, "%s: unknown resource", p->keys[i]);
		if (one_resource(f, p, ri, e) == -1)
			return -1;
	}
	if (p->state == NULL)
		return 0;
	/* Ids before the next run's first window are not needed; not
	 * before the last resource is done, as they share the set. */
	irm_fstate_prune(
	    p->state, (p->end >= 0 ? p->end : p->now) - p->overlap);
	return irm_fstate_save(p->state, e);
}

/* ------------------------------------------------------------------ */
/* Any JSON endpoint. */

/* Resolve ref against base into b.  0, or -1 (e). */
static int
resolve(
    struct irm_buf *b, const char *base, const char *ref, struct irm_error *e)
{
	CURLU *u = curl_url();
	char *full = NULL;
	int rc = -1;

	if (u && curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, ref, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
		rc = set_url(b, full, e);
	else
		irm_seterr(e, "next link is not a URL");
	curl_free(full);
	curl_url_cleanup(u);
	return rc;
}

int
irm_url_run(struct irm_fetch *f, const char *url, const char *next,
    const char *const *headers, struct irm_sink *sink, struct irm_error *e)
{
	struct irm_pull p = {0};
	struct irm_buf u, lines;
	struct irm_resp r;
	struct json_object *j = NULL;
	const char *nx;
	long n, count = 0;
	int rc = -1;

	p.sink = sink;
	irm_buf_init(&u, 65536);
	irm_buf_init(&lines, (size_t)1 << 30);
	irm_resp_init(&r);
	if (set_url(&u, url, e) == -1)
		goto out;
	for (;;) {
		irm_buf_reset(&lines);
		if (irm_fetch_call(f, "GET", u.data, NULL, headers,
		        IRM_CALL_JSON, &r, &j, e) == -1 ||
		    (n = irm_json_lines(
		         r.body.data, r.body.len, 0, &lines, e)) == -1 ||
		    irm_pull_commit(&p, &lines, n, e) == -1)
			goto out;
		irm_fetch_say(f, IRM_SAY_PROGRESS, "page %ld", count + 1);
		nx = next ? irm_json_str(j, next) : r.link_next;
		if (nx == NULL || strcmp(nx, u.data) == 0)
			break;
		if (++count > 1000000) {
			irm_seterr(e, "more than 1000000 pages");
			goto out;
		}
		if (resolve(&u, u.data, nx, e) == -1)
			goto out;
		json_object_put(j);
		j = NULL;
	}
	rc = 0;
out:
	json_object_put(j);
	irm_resp_free(&r);
	irm_buf_free(&lines);
	irm_buf_free(&u);
	return rc;
}
