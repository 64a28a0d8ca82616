/*
 * report_evidence.c - the events behind alerts, joined by the evidence
 * ids of their insights (irm.evidence.ids, irm-insight(5)) with an events
 * file (irm-event(5)).
 *
 * Memory grows with the alerts' evidence, not with the events: the ids
 * wanted are listed first (at most 20 per insight), then one pass over the
 * events keeps a short summary of each wanted event and drops the rest.
 * Every string of a summary is cut to EV_STR_MAX bytes at a UTF-8
 * boundary, so a crafted event cannot grow the index either.
 */
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_report.h"

#define EV_STR_MAX 200

/* What one pass over an events file read. */
struct irm_evidence_stats {
	unsigned long events, bad; /* records read, of them not JSON */
	unsigned long first_bad;   /* the line of the first bad one */
	size_t wanted, found;      /* distinct evidence ids, events found */
};

struct irm_evidence {
	char **ids; /* wanted, sorted and distinct once frozen */
	struct irm_evidence_event **ev; /* parallel to ids, NULL until read */
	size_t n, cap;
	int frozen;
	size_t found;
};

struct irm_evidence *
irm_evidence_new(void)
{
	return irm_xcalloc(1, sizeof(struct irm_evidence));
}

static void
event_free(struct irm_evidence_event *ev)
{
	if (ev == NULL)
		return;
	free(ev->id);
	free(ev->user);
	free(ev->activity);
	free(ev->object);
	free(ev->ip);
	free(ev->device);
	free(ev);
}

void
irm_evidence_free(struct irm_evidence *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->n; i++) {
		free(x->ids[i]);
		event_free(x->ev ? x->ev[i] : NULL);
	}
	free(x->ids);
	free(x->ev);
	free(x);
}

void
irm_evidence_want(struct irm_evidence *x, const char *id)
{
	if (id == NULL || *id == '\0')
		return;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 256;
		x->ids = irm_xrealloc(x->ids, x->cap * sizeof(*x->ids));
	}
	x->ids[x->n++] = irm_xstrdup(id);
	x->frozen = 0;
}

void
irm_evidence_want_alerts(
    struct irm_evidence *x, struct irm_alert *const *v, size_t n)
{
	size_t i, k, j;

	for (i = 0; i < n; i++)
		for (k = 0; k < v[i]->nins; k++)
			for (j = 0; j < v[i]->ins[k].nev; j++)
				irm_evidence_want(x, v[i]->ins[k].ev[j]);
}

/* Sort and make distinct the ids wanted; no event is kept yet. */
static void
freeze(struct irm_evidence *x)
{
	size_t i, k = 0;

	if (x->frozen)
		return;
	if (x->n)
		qsort(x->ids, x->n, sizeof(*x->ids), irm_strp_cmp);
	for (i = 0; i < x->n; i++) {
		if (k && strcmp(x->ids[k - 1], x->ids[i]) == 0) {
			free(x->ids[i]);
			continue;
		}
		x->ids[k++] = x->ids[i];
	}
	x->n = k;
	free(x->ev);
	x->ev = irm_xcalloc(x->n + 1, sizeof(*x->ev));
	x->found = 0;
	x->frozen = 1;
}

static size_t
slot(const struct irm_evidence *x, const char *id)
{
	size_t lo = 0, hi = x->n, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(x->ids[mid], id);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

/* The member at a dotted path, or NULL. */
static struct json_object *
path(struct json_object *o, const char *a, const char *b, const char *c)
{
	o = irm_json_get(o, a);
	if (b)
		o = irm_json_get(o, b);
	if (c)
		o = irm_json_get(o, c);
	return o;
}

static const char *
path_str(struct json_object *o, const char *a, const char *b, const char *c)
{
	return irm_json_text(path(o, a, b, c));
}

/* Append s to b, after sep when b is not empty; nothing for NULL. */
static void
part(struct irm_buf *b, const char *sep, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	if (b->len)
		irm_buf_adds(b, sep);
	irm_buf_adds(b, s);
}

/* The strings of an array, or the text of a value, joined with ", ". */
static void
part_list(struct irm_buf *b, const char *sep, struct json_object *v)
{
	size_t i, n = irm_json_len(v);

	if (!json_object_is_type(v, json_type_array)) {
		part(b, sep, irm_json_text(v));
		return;
	}
	for (i = 0; i < n; i++)
		part(b, i ? ", " : sep, irm_json_text(irm_json_at(v, i)));
}

/* A copy of the text of b (or "") cut to EV_STR_MAX bytes. */
static char *
take_cut(struct irm_buf *b)
{
	const char *s = b->data ? b->data : "";
	size_t len = strlen(s), cut = len;
	char *t;

	if (len > EV_STR_MAX) {
		cut = EV_STR_MAX - 3;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
	}
	t = irm_xmalloc(cut + 4);
	memcpy(t, s, cut);
	memcpy(t + cut, cut < len ? "..." : "", cut < len ? 4 : 1);
	irm_buf_reset(b);
	return t;
}

/*
 * The object of an event: what it acted on (a file, an inbox rule, a
 * target account, a message's subject, a badge reader) and where it went
 * (recipients, a share target, a domain).  url.domain is where the file lives,
 * not where it went: left out.
 */
static char *
object_of(struct json_object *o, struct irm_buf *b)
{
	struct irm_buf to;
	const char *rule = path_str(o, "rule", "name", NULL);

	irm_buf_init(&to, 1 << 16);
	part(b, "; ", path_str(o, "file", "name", NULL));
	if (rule) {
		part(b, "; ", "rule ");
		irm_buf_adds(b, rule);
		part_list(b, ": ", path(o, "irm", "mail_rule", "actions"));
		part(b, "; folder ", path_str(o, "irm", "mail_rule", "folder"));
	}
	part(b, "; ", path_str(o, "user", "target", "name"));
	part(b, "; ", path_str(o, "email", "subject", NULL));
	part(b, "; ", path_str(o, "irm", "asset", NULL));
	part_list(&to, ", ", path(o, "email", "to", "address"));
	part_list(&to, ", ", path(o, "email", "cc", "address"));
	part_list(&to, ", ", path(o, "email", "bcc", "address"));
	part(&to, ", ", path_str(o, "irm", "share", "target"));
	if (to.len == 0)
		part(&to, ", ", path_str(o, "destination", "domain", NULL));
	if (to.len)
		part(b, " ", "to ");
	part(b, "", to.data);
	irm_buf_free(&to);
	return take_cut(b);
}

/* The device or application: host, client application, user agent. */
static char *
device_of(struct json_object *o, struct irm_buf *b)
{
	const char *ua = path_str(o, "user_agent", "name", NULL);
	const char *os = path_str(o, "user_agent", "os", "name");

	part(b, ", ", path_str(o, "host", "name", NULL));
	part(b, ", ", path_str(o, "irm", "app", "name"));
	part(b, ", ", ua);
	part(b, ", ", os);
	if (ua == NULL && os == NULL)
		part(b, ", ", path_str(o, "user_agent", "original", NULL));
	return take_cut(b);
}

static char *
field(struct json_object *o, const char *a, const char *b, struct irm_buf *t)
{
	part(t, "", path_str(o, a, b, NULL));
	return take_cut(t);
}

static struct irm_evidence_event *
summary(struct json_object *o, const char *id)
{
	struct irm_evidence_event *ev = irm_xcalloc(1, sizeof(*ev));
	const char *ts = irm_json_str(o, "@timestamp"), *out;
	int flags = IRM_TIME_UTC;
	struct irm_buf b;

	irm_buf_init(&b, 1 << 16);
	ev->id = irm_xstrdup(id);
	if (ts == NULL ||
	    irm_time_parse(ts, strlen(ts), &flags, &ev->at, NULL) != 0)
		ev->at = INT64_MIN;
	ev->user = field(o, "user", "name", &b);
	part(&b, "", path_str(o, "irm", "activity", NULL));
	if (b.len == 0)
		part(&b, "", path_str(o, "event", "action", NULL));
	if ((out = path_str(o, "event", "outcome", NULL)) != NULL &&
	    strcmp(out, "failure") == 0)
		part(&b, " ", "(failure)");
	ev->activity = take_cut(&b);
	ev->object = object_of(o, &b);
	ev->ip = field(o, "source", "ip", &b);
	ev->device = device_of(o, &b);
	irm_buf_free(&b);
	return ev;
}

int
irm_evidence_add(struct irm_evidence *x, struct json_object *event)
{
	const char *id = path_str(event, "event", "id", NULL);
	size_t i;

	freeze(x);
	if (id == NULL || (i = slot(x, id)) == SIZE_MAX || x->ev[i])
		return 0;
	x->ev[i] = summary(event, x->ids[i]);
	x->found++;
	return 1;
}

int
irm_evidence_read(struct irm_evidence *x, const char *file, irm_warn_fn warn,
    void *arg, struct irm_error *e)
{
	struct irm_evidence_stats sts, *st = &sts;
	char *argv[1];
	struct irm_input *in;
	struct irm_jread *jr;
	struct json_object *obj;
	struct irm_jrec rec;
	int rc, rval = 0;

	memset(st, 0, sizeof(*st));
	argv[0] = (char *)file;
	in = irm_input_new(1, argv, 16L << 20);
	jr = irm_jread_new(in);
	freeze(x);
	if ((rc = irm_input_next_file(in, e)) == 1) {
		irm_jread_reset(jr);
		while (
		    (rc = irm_jread_next(jr, &obj, &rec, e)) != IRM_JREAD_EOF) {
			if (rc == IRM_JREAD_FATAL) {
				rval = -1;
				break;
			}
			st->events++;
			if (rc == IRM_JREAD_BAD) {
				if (st->bad++ == 0)
					st->first_bad = rec.line;
				continue;
			}
			irm_evidence_add(x, obj);
		}
	} else
		rval = -1;
	st->wanted = x->n;
	st->found = x->found;
	irm_jread_free(jr);
	irm_input_free(in);
	if (rval == 0 && warn && st->bad)
		irm_warn_to(warn, arg,
		    "%s: %lu record%s not JSON, skipped (the first at line %lu)",
		    file, st->bad, st->bad == 1 ? "" : "s", st->first_bad);
	if (rval == 0 && warn && st->found < st->wanted)
		irm_warn_to(warn, arg,
		    "%s: %zu of %zu evidence events not found", file,
		    st->wanted - st->found, st->wanted);
	return rval;
}

const struct irm_evidence_event *
irm_evidence_find(const struct irm_evidence *x, const char *id)
{
	size_t i;

	if (x == NULL || !x->frozen || id == NULL ||
	    (i = slot(x, id)) == SIZE_MAX)
		return NULL;
	return x->ev[i];
}

static int
event_cmp(const void *pa, const void *pb)
{
	const struct irm_evidence_event *a =
	    *(const struct irm_evidence_event *const *)pa;
	const struct irm_evidence_event *b =
	    *(const struct irm_evidence_event *const *)pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return strcmp(a->id, b->id);
}

size_t
irm_evidence_of(const struct irm_evidence *x, struct irm_alert *const *v,
    size_t n, const struct irm_evidence_event ***out)
{
	const struct irm_evidence_event **r = NULL, *ev;
	size_t i, k, j, m = 0, cap = 0;

	*out = NULL;
	for (i = 0; x && i < n; i++)
		for (k = 0; k < v[i]->nins; k++)
			for (j = 0; j < v[i]->ins[k].nev; j++) {
				ev = irm_evidence_find(x, v[i]->ins[k].ev[j]);
				if (ev == NULL)
					continue;
				if (m == cap) {
					cap = cap ? cap * 2 : 16;
					r = irm_xrealloc(r, cap * sizeof(*r));
				}
				r[m++] = ev;
			}
	if (m == 0)
		return 0;
	qsort(r, m, sizeof(*r), event_cmp);
	for (i = 0, k = 0; i < m; i++)
		if (k == 0 || r[k - 1] != r[i])
			r[k++] = r[i];
	*out = r;
	return k;
}

void
irm_evidence_time(int64_t ms, char *out)
{
	if (ms == INT64_MIN) {
		memcpy(out, "?", 2);
		return;
	}
	irm_time_format(ms, out);
	out[10] = ' ';
	out[19] = '\0';
}
