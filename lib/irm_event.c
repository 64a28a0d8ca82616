/*
 * irm_event.c - the normalized event: an arena for the strings a mapper
 * derives, helpers that fill file, URL and e-mail fields, and the writer
 * that emits one JSON line with the keys in the order of irm-event(5).
 *
 * The writer is hand-written rather than built with json-c objects: it is
 * the hot path of irm-norm and the key order is part of the contract.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"

#define ARENA_BLK 16384

struct irm_arena_blk {
	struct irm_arena_blk *next;
	size_t used, size;
	char data[];
};

/* ---------------------------------------------------------------- arena */

static char *
arena_alloc(struct irm_event *ev, size_t n)
{
	struct irm_arena_blk *b = ev->arena;
	size_t size;

	if (b == NULL || b->size - b->used < n) {
		size = n > ARENA_BLK ? n : ARENA_BLK;
		b = irm_xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = ev->arena;
		ev->arena = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

const char *
irm_event_strndup(struct irm_event *ev, const char *s, size_t n)
{
	char *p;

	if (s == NULL)
		return NULL;
	p = arena_alloc(ev, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

const char *
irm_event_strdup(struct irm_event *ev, const char *s)
{
	return s ? irm_event_strndup(ev, s, strlen(s)) : NULL;
}

const char *
irm_event_printf(struct irm_event *ev, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = arena_alloc(ev, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* ------------------------------------------------------------ lifecycle */

void
irm_event_init(struct irm_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	irm_event_reset(ev);
}

void
irm_event_reset(struct irm_event *ev)
{
	struct irm_arena_blk *b = ev->arena, *next;
	struct irm_strv sv[8] = {ev->labels, ev->email_to, ev->email_cc,
	    ev->email_bcc, ev->rule_actions, ev->rule_conditions,
	    ev->mail_folders, ev->members};

	/* Keep one block and the vectors' storage for the next record. */
	if (b) {
		for (next = b->next; next; next = b) {
			b = next->next;
			free(next);
		}
		ev->arena->next = NULL;
		ev->arena->used = 0;
	}
	b = ev->arena;
	memset(ev, 0, sizeof(*ev));
	ev->arena = b;
	ev->ts = INT64_MIN;
	ev->attachments = -1;
	ev->file_size = -1;
	ev->mail_items = -1;
	ev->labels.v = sv[0].v, ev->labels.cap = sv[0].cap;
	ev->email_to.v = sv[1].v, ev->email_to.cap = sv[1].cap;
	ev->email_cc.v = sv[2].v, ev->email_cc.cap = sv[2].cap;
	ev->email_bcc.v = sv[3].v, ev->email_bcc.cap = sv[3].cap;
	ev->rule_actions.v = sv[4].v, ev->rule_actions.cap = sv[4].cap;
	ev->rule_conditions.v = sv[5].v, ev->rule_conditions.cap = sv[5].cap;
	ev->mail_folders.v = sv[6].v, ev->mail_folders.cap = sv[6].cap;
	ev->members.v = sv[7].v, ev->members.cap = sv[7].cap;
}

void
irm_event_free(struct irm_event *ev)
{
	struct irm_arena_blk *b, *next;

	if (ev == NULL)
		return;
	for (b = ev->arena; b; b = next) {
		next = b->next;
		free(b);
	}
	free(ev->labels.v);
	free(ev->email_to.v);
	free(ev->email_cc.v);
	free(ev->email_bcc.v);
	free(ev->rule_actions.v);
	free(ev->rule_conditions.v);
	free(ev->mail_folders.v);
	free(ev->members.v);
	memset(ev, 0, sizeof(*ev));
}

/* -------------------------------------------------------------- setters */

static const char *
lower_dup(struct irm_event *ev, const char *s, size_t n)
{
	char *p = (char *)irm_event_strndup(ev, s, n);
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] += 'a' - 'A';
	return p;
}

void
irm_event_set_name(struct irm_event *ev, const char *name)
{
	const char *dot;

	if (name == NULL || *name == '\0')
		return;
	ev->file_name = name;
	dot = strrchr(name, '.');
	if (dot && dot != name && dot[1] != '\0')
		ev->file_extension = lower_dup(ev, dot + 1, strlen(dot + 1));
}

void
irm_event_set_path(struct irm_event *ev, const char *path)
{
	const char *sep = NULL, *p;

	if (path == NULL || *path == '\0')
		return;
	ev->file_path = path;
	for (p = path; *p; p++)
		if (*p == '/' || *p == '\\')
			sep = p;
	if (sep == NULL) {
		irm_event_set_name(ev, path);
		return;
	}
	irm_event_set_name(ev, sep + 1);
	if (sep > path)
		ev->file_directory =
		    irm_event_strndup(ev, path, (size_t)(sep - path));
}

void
irm_event_set_url(struct irm_event *ev, const char *url)
{
	const char *h, *end;

	if (url == NULL || *url == '\0')
		return;
	ev->url_full = url;
	h = strstr(url, "://");
	if (h == NULL)
		return;
	h += 3;
	end = h + strcspn(h, "/?#");
	/* Drop user info and port. */
	for (const char *at = h; at < end; at++)
		if (*at == '@')
			h = at + 1;
	for (const char *c = h; c < end; c++)
		if (*c == ':') {
			end = c;
			break;
		}
	if (end > h)
		ev->url_domain = lower_dup(ev, h, (size_t)(end - h));
}

const char *
irm_event_email_domain(struct irm_event *ev, const char *addr)
{
	const char *at, *end;

	if (addr == NULL || (at = strrchr(addr, '@')) == NULL || !at[1])
		return NULL;
	at++;
	end = at + strcspn(at, ">; \t");
	if (end == at)
		return NULL;
	return lower_dup(ev, at, (size_t)(end - at));
}

/* --------------------------------------------------------------- writer */

/*
 * Does identity s hold a control character (C0, DEL, C1, a bidi override
 * or isolate) once trimmed as identity() trims it?  A tab or newline
 * would split the "user<TAB>" key of -k, an override would show another
 * name than the one stored.
 */
static int
has_control(const char *s)
{
	size_t n, i;

	if (s == NULL)
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (i = 0; i < n; i++)
		if (irm_utf8_control(s + i, n - i))
			return 1;
	return 0;
}

int
irm_event_check(const struct irm_event *ev, struct irm_error *e)
{
	if (ev->ts == INT64_MIN)
		return irm_seterr(e, "missing timestamp");
	if (ev->user == NULL || *ev->user == '\0')
		return irm_seterr(e, "missing user");
	if (has_control(ev->user))
		return irm_seterr(e, "control character in user");
	if (has_control(ev->target_user))
		return irm_seterr(e, "control character in target user");
	if (strnlen(ev->user, IRM_IDENT_MAX + 1) > IRM_IDENT_MAX)
		return irm_seterr(
		    e, "user longer than %d bytes", IRM_IDENT_MAX);
	if (ev->target_user != NULL &&
	    strnlen(ev->target_user, IRM_IDENT_MAX + 1) > IRM_IDENT_MAX)
		return irm_seterr(
		    e, "target user longer than %d bytes", IRM_IDENT_MAX);
	if (ev->action == NULL || *ev->action == '\0')
		return irm_seterr(e, "missing operation");
	if (ev->id == NULL || *ev->id == '\0')
		return irm_seterr(e, "missing record id");
	return 0;
}

/*
 * The writer opens objects lazily: begin() only records the name, and the
 * "{" is written with the first member, so empty objects vanish.
 */
struct jw {
	struct irm_buf *b;
	int depth;
	int open[6];
	int first[6];
	const char *name[6];
	int err;
};

static void
jw_add(struct jw *w, const char *s, size_t n)
{
	if (!w->err && irm_buf_add(w->b, s, n) == -1)
		w->err = 1;
}

#define JW_LIT(w, s) jw_add(w, s, sizeof(s) - 1)

static void
jw_rawkey(struct jw *w, int level, const char *key)
{
	if (!w->first[level])
		JW_LIT(w, ",");
	w->first[level] = 0;
	JW_LIT(w, "\"");
	jw_add(w, key, strlen(key));
	JW_LIT(w, "\":");
}

static void
jw_key(struct jw *w, const char *key)
{
	int i;

	for (i = 1; i <= w->depth; i++) {
		if (w->open[i])
			continue;
		jw_rawkey(w, i - 1, w->name[i]);
		JW_LIT(w, "{");
		w->open[i] = 1;
		w->first[i] = 1;
	}
	jw_rawkey(w, w->depth, key);
}

static void
jw_begin(struct jw *w, const char *name)
{
	w->depth++;
	w->name[w->depth] = name;
	w->open[w->depth] = 0;
}

static void
jw_end(struct jw *w)
{
	if (w->open[w->depth])
		JW_LIT(w, "}");
	w->depth--;
}

static void
jw_str(struct jw *w, const char *key, const char *val)
{
	if (val == NULL)
		return;
	jw_key(w, key);
	if (!w->err && irm_json_quote(w->b, val) == -1)
		w->err = 1;
}

static void
jw_num(struct jw *w, const char *key, long long v)
{
	char num[32];
	int n;

	jw_key(w, key);
	n = snprintf(num, sizeof(num), "%lld", v);
	jw_add(w, num, (size_t)n);
}

static void
jw_raw(struct jw *w, const char *key, const char *val)
{
	if (val == NULL)
		return;
	jw_key(w, key);
	jw_add(w, val, strlen(val));
}

static void
jw_arr(struct jw *w, const char *key, const char *const *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	jw_key(w, key);
	JW_LIT(w, "[");
	for (i = 0; i < n; i++) {
		if (i)
			JW_LIT(w, ",");
		if (!w->err && irm_json_quote(w->b, v[i]) == -1)
			w->err = 1;
	}
	JW_LIT(w, "]");
}

static size_t
count3(const char *const *v)
{
	size_t n = 0;

	while (n < 3 && v[n])
		n++;
	return n;
}

/* ------------------------------------------------------- pseudonymizing */

/* Trim blanks and lower-case in ASCII (DESIGN section 1). */
static const char *
identity(struct irm_event *ev, const char *s)
{
	const char *end;

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return lower_dup(ev, s, (size_t)(end - s));
}

static const char *
pseudo(struct irm_event *ev, const struct irm_writer *w, const char *id)
{
	char out[IRM_PSEUDO_LEN];

	if (id == NULL || w->pseudo == NULL)
		return id;
	irm_pseudonym(w->pseudo, id, strlen(id), out);
	return irm_event_strdup(ev, out);
}

/* Is dom an internal domain or a subdomain of one (at any depth)?  A
 * leading "*." of a configured domain is the same as none. */
static int
internal_domain(const struct irm_writer *w, const char *dom)
{
	const char **d, *base;
	size_t n, m;

	if (dom == NULL || w->internal == NULL)
		return 0;
	n = strlen(dom);
	for (d = w->internal; *d; d++) {
		base = strncmp(*d, "*.", 2) == 0 ? *d + 2 : *d;
		m = strlen(base);
		if (irm_strcaseeq(base, dom) ||
		    (n > m && dom[n - m - 1] == '.' &&
		        irm_strcaseeq(base, dom + n - m)))
			return 1;
	}
	return 0;
}

/* An address at an internal domain is an identity; others are kept. */
static const char *
pseudo_addr(struct irm_event *ev, const struct irm_writer *w, const char *a)
{
	if (w->pseudo == NULL || a == NULL)
		return a;
	if (!internal_domain(w, irm_event_email_domain(ev, a)))
		return a;
	return pseudo(ev, w, identity(ev, a));
}

static void
pseudo_list(
    struct irm_event *ev, const struct irm_writer *w, struct irm_strv *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		sv->v[i] = pseudo_addr(ev, w, sv->v[i]);
}

/* Where the user segment after mark starts in s: after the first
 * "/personal/"-like mark, or at the start for a mark that may also start
 * the string without its leading separator ("personal/"); NULL if none. */
static const char *
segment(const char *s, const char *mark)
{
	const char *p = strstr(s, mark);

	if (p != NULL)
		return p + strlen(mark);
	if ((mark[0] == '/' || mark[0] == '\\') &&
	    strncmp(s, mark + 1, strlen(mark + 1)) == 0)
		return s + strlen(mark + 1);
	return NULL;
}

/*
 * Replace the user segment of OneDrive personal URLs and paths
 * (/personal/SEG/, or personal/SEG/ at the start), of Windows or Unix
 * profile paths (\Users\SEG\, /Users/SEG/, /home/SEG/) and of home shares
 * (\\server\home$\SEG\, \home\SEG\, /home$/SEG/).
 */
static const char *
pseudo_path(struct irm_event *ev, const struct irm_writer *w, const char *s)
{
	static const char *const marks[] = {"/personal/", "\\Users\\",
	    "/Users/", "/home/", "\\home$\\", "\\home\\", "/home$/", NULL};
	const char *const *m;
	const char *seg, *end, *id;
	char out[IRM_PSEUDO_LEN];
	struct irm_buf b;

	if (w->pseudo == NULL || s == NULL)
		return s;
	for (m = marks; *m; m++) {
		seg = segment(s, *m);
		if (seg == NULL)
			continue;
		end = seg + strcspn(seg, "/\\");
		if (end == seg)
			continue;
		id = identity(
		    ev, irm_event_strndup(ev, seg, (size_t)(end - seg)));
		irm_pseudonym(w->pseudo, id, strlen(id), out);
		irm_buf_init(&b, (size_t)-1 / 2);
		if (irm_buf_add(&b, s, (size_t)(seg - s)) == -1 ||
		    irm_buf_adds(&b, out) == -1 || irm_buf_adds(&b, end) == -1)
			return s;
		s = irm_event_strdup(ev, b.data);
		irm_buf_free(&b);
	}
	return s;
}

/* Bytes of an address's local part, for finding one in a URL. */
static int
local_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
	    c == '+';
}

/*
 * Addresses at internal domains written into a URL (a query string's
 * user=first.last%40contoso.com, or with a plain '@'): each becomes its
 * pseudonym, as the same address elsewhere in the event would.
 */
static const char *
pseudo_url_addrs(
    struct irm_event *ev, const struct irm_writer *w, const char *s)
{
	const char *p, *at, *lp, *dom, *end, *id;
	char out[IRM_PSEUDO_LEN];
	struct irm_buf b, addr;
	size_t atlen;

	if (w->pseudo == NULL || s == NULL || !strpbrk(s, "@%"))
		return s;
	irm_buf_init(&b, (size_t)-1 / 2);
	for (p = s; *p;) {
		at = p + strcspn(p, "@%");
		atlen = *at == '@' ? 1 : strncasecmp(at, "%40", 3) == 0 ? 3 : 0;
		if (*at == '\0' || atlen == 0) {
			irm_buf_add(&b, p, (size_t)(at - p) + (*at ? 1 : 0));
			p = *at ? at + 1 : at;
			continue;
		}
		for (lp = at; lp > p && local_char(lp[-1]); lp--)
			;
		dom = at + atlen;
		for (end = dom; local_char(*end) && *end != '+'; end++)
			;
		irm_buf_init(&addr, (size_t)-1 / 2);
		irm_buf_add(&addr, lp, (size_t)(at - lp));
		irm_buf_addc(&addr, '@');
		irm_buf_add(&addr, dom, (size_t)(end - dom));
		irm_buf_add(&b, p, (size_t)(lp - p));
		if (lp < at && end > dom && addr.data &&
		    internal_domain(w, irm_event_email_domain(ev, addr.data))) {
			id = identity(ev, addr.data);
			irm_pseudonym(w->pseudo, id, strlen(id), out);
			irm_buf_adds(&b, out);
		} else
			irm_buf_add(&b, lp, (size_t)(end - lp));
		irm_buf_free(&addr);
		p = end;
	}
	if (b.data == NULL)
		return s;
	s = irm_event_strdup(ev, b.data);
	irm_buf_free(&b);
	return s;
}

static void
pseudonymize(struct irm_event *ev, const struct irm_writer *w)
{
	ev->user = pseudo(ev, w, ev->user);
	ev->target_user = pseudo(ev, w, ev->target_user);
	ev->share_target = pseudo_addr(ev, w, ev->share_target);
	ev->email_from = pseudo_addr(ev, w, ev->email_from);
	pseudo_list(ev, w, &ev->email_to);
	pseudo_list(ev, w, &ev->email_cc);
	pseudo_list(ev, w, &ev->email_bcc);
	pseudo_list(ev, w, &ev->members);
	/*
	 * Rule conditions are free text ("From=..."), changed properties
	 * hold identities in any shape: none under -p.
	 */
	if (w->pseudo) {
		ev->rule_conditions.n = 0;
		ev->changes = NULL;
	}
	ev->url_full =
	    pseudo_url_addrs(ev, w, pseudo_path(ev, w, ev->url_full));
	ev->file_path = pseudo_path(ev, w, ev->file_path);
	ev->file_directory = pseudo_path(ev, w, ev->file_directory);
}

/* --------------------------------------------------------------- writer */

/*
 * ECS event.kind: "alert" for what a detection elsewhere raised (a
 * Defender or Purview alert, a DLP rule match, a custom detection),
 * "event" for everything else (irm-event(5)).
 */
static const char *
kind_of(const struct irm_event *ev)
{
	static const char *const alerts[] = {
	    "security_alert", "dlp_matched", "custom", NULL};
	const char *const *a;

	for (a = alerts; ev->activity && *a; a++)
		if (strcmp(ev->activity, *a) == 0)
			return "alert";
	return "event";
}

/* Is s one IPv4 or IPv6 address, as an ECS ip field takes it? */
static int
is_ip(const char *s)
{
	unsigned char buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, s, buf) == 1 ||
	    inet_pton(AF_INET6, s, buf) == 1;
}

/*
 * source.ip holds only an address Elasticsearch's ip type takes: the
 * source's value when it is one, else the first of a list ("203.0.113.9,
 * 10.0.0.1", the client first) when that is one, else nothing.  Any other
 * value stays as it came in source.address (ECS: the raw address).
 */
static void
set_source(struct irm_event *ev, const char **ip, const char **addr)
{
	size_t n;
	const char *first;

	*ip = *addr = NULL;
	if (ev->source_ip == NULL || *ev->source_ip == '\0')
		return;
	if (is_ip(ev->source_ip)) {
		*ip = ev->source_ip;
		return;
	}
	*addr = ev->source_ip;
	n = strcspn(ev->source_ip, ", ;");
	if (n > 0 && ev->source_ip[n] != '\0' &&
	    is_ip(first = irm_event_strndup(ev, ev->source_ip, n)))
		*ip = first;
}

/*
 * The domain of an identity that is an address (one '@' with something
 * either side), for ECS user.email and user.domain: a pointer into name,
 * NULL when it is none.
 */
static const char *
user_domain(const char *name)
{
	const char *at;

	if (name == NULL || (at = strchr(name, '@')) == NULL || at == name ||
	    at[1] == '\0' || strchr(at + 1, '@'))
		return NULL;
	return at + 1;
}

static void
write_user(struct jw *w, const char *name)
{
	const char *dom = user_domain(name);

	jw_str(w, "name", name);
	jw_str(w, "email", dom ? name : NULL);
	jw_str(w, "domain", dom);
}

static void
write_event(struct jw *w, const struct irm_event *ev)
{
	jw_begin(w, "ecs");
	jw_str(w, "version", IRM_ECS_VERSION);
	jw_end(w);
	jw_begin(w, "event");
	jw_str(w, "kind", kind_of(ev));
	jw_str(w, "id", ev->id);
	jw_str(w, "action", ev->action);
	jw_arr(w, "category", ev->category, count3(ev->category));
	jw_arr(w, "type", ev->type, count3(ev->type));
	jw_str(w, "outcome", ev->outcome);
	if (ev->severity)
		jw_num(w, "severity", ev->severity);
	jw_str(w, "provider", ev->provider);
	jw_str(w, "module", ev->module);
	jw_str(w, "dataset", ev->dataset);
	jw_end(w);
	jw_begin(w, "user");
	write_user(w, ev->user);
	jw_begin(w, "target");
	write_user(w, ev->target_user);
	jw_end(w);
	jw_end(w);
}

static void
write_irm(struct jw *w, const struct irm_event *ev)
{
	jw_begin(w, "irm");
	jw_str(w, "activity", ev->activity);
	jw_str(w, "severity", ev->irm_severity);
	jw_str(w, "label", ev->label);
	jw_arr(w, "labels", ev->labels.v, ev->labels.n);
	jw_str(w, "label_old", ev->label_old);
	jw_str(w, "label_change", ev->label_change);
	jw_begin(w, "share");
	jw_str(w, "scope", ev->share_scope);
	jw_str(w, "target", ev->share_target);
	jw_str(w, "permission", ev->share_permission);
	jw_end(w);
	jw_str(w, "asset", ev->asset);
	jw_str(w, "category", ev->irm_category);
	jw_str(w, "alert_category", ev->alert_category);
	jw_str(w, "indicator", ev->indicator);
	jw_raw(w, "value", ev->value);
	if (ev->attachments >= 0)
		jw_num(w, "attachments", ev->attachments);
	jw_begin(w, "hr");
	jw_str(w, "resignation_date", ev->hr_resignation_date);
	jw_str(w, "last_working_date", ev->hr_last_working_date);
	jw_str(w, "effective_date", ev->hr_effective_date);
	jw_str(w, "rating", ev->hr_rating);
	jw_str(w, "remarks", ev->hr_remarks);
	jw_str(w, "old_level", ev->hr_old_level);
	jw_str(w, "new_level", ev->hr_new_level);
	jw_end(w);
	jw_begin(w, "mail_rule");
	jw_arr(w, "actions", ev->rule_actions.v, ev->rule_actions.n);
	jw_arr(w, "conditions", ev->rule_conditions.v, ev->rule_conditions.n);
	jw_str(w, "folder", ev->rule_folder);
	jw_end(w);
	jw_begin(w, "mail");
	jw_arr(w, "folders", ev->mail_folders.v, ev->mail_folders.n);
	if (ev->mail_items >= 0)
		jw_num(w, "items", ev->mail_items);
	jw_str(w, "access_type", ev->mail_access);
	jw_end(w);
	jw_arr(w, "members", ev->members.v, ev->members.n);
	jw_raw(w, "changes", ev->changes);
	jw_begin(w, "dlp");
	jw_raw(w, "rules", ev->dlp_rules);
	jw_end(w);
	jw_str(w, "session_id", ev->session_id);
	jw_str(w, "correlation_id", ev->correlation_id);
	jw_str(w, "request_type", ev->request_type);
	jw_begin(w, "app");
	jw_str(w, "id", ev->app_id);
	jw_str(w, "name", ev->app_name);
	jw_end(w);
	jw_begin(w, "file");
	jw_str(w, "previous_name", ev->file_previous_name);
	jw_end(w);
	jw_end(w);
	jw_begin(w, "rule");
	jw_str(w, "name", ev->rule_name);
	jw_end(w);
	jw_begin(w, "error");
	jw_str(w, "code", ev->error_code);
	jw_str(w, "message", ev->error_message);
	jw_end(w);
}

static void
write_addr(struct jw *w, const char *key, const struct irm_strv *sv)
{
	jw_begin(w, key);
	jw_arr(w, "address", sv->v, sv->n);
	jw_end(w);
}

static void
write_objects(struct jw *w, struct irm_event *ev)
{
	const char *ip, *addr;

	set_source(ev, &ip, &addr);
	jw_begin(w, "file");
	jw_str(w, "name", ev->file_name);
	jw_str(w, "extension", ev->file_extension);
	jw_str(w, "directory", ev->file_directory);
	jw_str(w, "path", ev->file_path);
	if (ev->file_size >= 0)
		jw_num(w, "size", ev->file_size);
	jw_begin(w, "hash");
	jw_str(w, "sha256", ev->file_sha256);
	jw_end(w);
	jw_end(w);
	jw_begin(w, "url");
	jw_str(w, "full", ev->url_full);
	jw_str(w, "domain", ev->url_domain);
	jw_end(w);
	jw_begin(w, "email");
	jw_begin(w, "from");
	jw_arr(w, "address", &ev->email_from, ev->email_from ? 1 : 0);
	jw_end(w);
	write_addr(w, "to", &ev->email_to);
	write_addr(w, "cc", &ev->email_cc);
	write_addr(w, "bcc", &ev->email_bcc);
	jw_str(w, "subject", ev->email_subject);
	jw_str(w, "message_id", ev->email_message_id);
	jw_end(w);
	jw_begin(w, "destination");
	jw_str(w, "domain", ev->destination_domain);
	jw_end(w);
	jw_begin(w, "source");
	jw_str(w, "ip", ip);
	jw_str(w, "address", addr);
	jw_end(w);
	jw_begin(w, "host");
	jw_str(w, "name",
	    ev->host_name ? lower_dup(ev, ev->host_name, strlen(ev->host_name))
	                  : NULL);
	jw_end(w);
	jw_begin(w, "user_agent");
	jw_str(w, "original", ev->user_agent);
	jw_str(w, "name", ev->ua_name);
	jw_begin(w, "os");
	jw_str(w, "name", ev->ua_os_name);
	jw_end(w);
	jw_end(w);
}

/*
 * The source's other facts.  Left out under pseudonymization: they hold
 * identities in free form (UserKey, MailboxOwnerUPN, SIDs, URLs) that no
 * rule could find all of.
 */
static void
write_source(
    struct jw *w, const struct irm_event *ev, const struct irm_writer *wr)
{
	if (ev->o365_audit == NULL || wr->mapped_only || wr->pseudo)
		return;
	jw_begin(w, "o365");
	jw_raw(w, "audit", ev->o365_audit);
	jw_end(w);
}

int
irm_event_write(
    struct irm_event *ev, const struct irm_writer *w, struct irm_buf *out)
{
	struct jw jw = {.b = out, .open = {1}, .first = {1}};
	char ts[IRM_TIME_LEN];

	ev->user = identity(ev, ev->user);
	ev->target_user = identity(ev, ev->target_user);
	pseudonymize(ev, w);
	size_t body;
	unsigned part = 0, tpart = 0;
	char key[16];

	if (w->partitions) {
		part = irm_partition(ev->user, w->partitions);
		snprintf(key, sizeof(key), "%u\t", part);
		jw_add(&jw, key, strlen(key));
	} else if (w->key_user) {
		jw_add(&jw, ev->user, strlen(ev->user));
		JW_LIT(&jw, "\t");
	}
	body = out->len;
	irm_time_format(ev->ts, ts);
	JW_LIT(&jw, "{\"@timestamp\":\"");
	jw_add(&jw, ts, IRM_TIME_LEN - 1);
	JW_LIT(&jw, "\"");
	jw.first[0] = 0;
	write_event(&jw, ev);
	write_irm(&jw, ev);
	write_objects(&jw, ev);
	write_source(&jw, ev, w);
	JW_LIT(&jw, "}\n");
	/*
	 * A deletion is the trigger of the deleted account (irm-score(1)):
	 * the target's partition gets the event too.
	 */
	if (w->partitions && !jw.err && ev->target_user && ev->activity &&
	    strcmp(ev->activity, "account_deleted") == 0 &&
	    (tpart = irm_partition(ev->target_user, w->partitions)) != part) {
		size_t n = out->len - body;
		char *line = irm_xmalloc(n);

		memcpy(line, out->data + body, n);
		snprintf(key, sizeof(key), "%u\t", tpart);
		jw_add(&jw, key, strlen(key));
		jw_add(&jw, line, n);
		free(line);
	}
	return jw.err ? -1 : 0;
}
