/*
 * score_signal.c - what irm-score remembers for the risky-user signals
 * beyond one event: the networks, user agents and hosts each user signed
 * in from or to (signin_new_ip, signin_new_agent, logon_new_host), and
 * the owner of a OneDrive
 * item opened through an anonymous link (anonymous_access).
 *
 * A user's sign-in memory is bounded: at most SIGNIN_MAX 32-bit hashes
 * of networks (IPv4 /24, IPv6 /64), user agents and hosts, each with the day it
 * was last used; a full memory forgets the one used longest ago, and an
 * entry older than the look-back counts as never seen.  So memory grows
 * with users, never with events.  The owners are a hash table from the
 * OneDrive slug of every user's name (megan.bowen@contoso.com is
 * megan_bowen_contoso_com) to the name: the engine's users and the
 * settings' directory.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"
#include "score_int.h"

/* ---------------------------------------------------------- sign-ins */

/* Days with a sign-in kept count of (enough for any look-back). */
#define DAYS_CAP 100000

static int
is(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/*
 * The network of an address: the first 3 bytes of IPv4 (an IPv4-mapped
 * IPv6 address is IPv4), the first 8 of IPv6, as a 32-bit hash with the
 * low bit clear; an address that does not parse is hashed as written.
 */
static uint32_t
net_key(const char *ip)
{
	unsigned char a[16];
	static const unsigned char mapped[12] = {
	    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	char text[64];
	uint64_t h = 1469598103934665603ULL;
	const unsigned char *p = NULL;
	size_t n = 0, i;

	if (inet_pton(AF_INET, ip, a) == 1) {
		p = a;
		n = 3;
	} else if (inet_pton(AF_INET6, ip, a) == 1) {
		p = memcmp(a, mapped, sizeof(mapped)) == 0 ? a + 12 : a;
		n = p == a ? 8 : 3;
	}
	if (p == NULL) {
		snprintf(text, sizeof(text), "%s", ip);
		h = irm_fnv1a(text);
	} else {
		for (i = 0; i < n; i++) {
			h ^= p[i];
			h *= 1099511628211ULL;
		}
		h ^= n; /* IPv4 and IPv6 networks never collide by length */
	}
	return (uint32_t)(h ^ h >> 32) & ~1U;
}

static uint32_t
agent_key(const char *agent)
{
	uint64_t h = irm_fnv1a(agent);

	return (uint32_t)(h ^ h >> 32) | 1U;
}

/* A host (salt "host") or a sender address (salt "from"), case folded
 * (CERT writes PC-0232, Windows pc-0232), salted so that a host named
 * like a user agent is another key. */
static uint32_t
folded_key(uint32_t salt, const char *s)
{
	uint64_t h = 1469598103934665603ULL ^ salt;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		h ^= (unsigned char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		h *= 1099511628211ULL;
	}
	return (uint32_t)(h ^ h >> 32) | 1U;
}

#define SALT_HOST 0x686f7374U /* "host" */
#define SALT_FROM 0x66726f6dU /* "from" */

static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

/*
 * Remember key as used on day; 1 when it was not in memory (or only from
 * before the look-back that starts at oldest).
 */
static int
remember(struct irm_signin *m, uint32_t key, int64_t day, int64_t oldest)
{
	int i, worst = 0;

	for (i = 0; i < m->n; i++)
		if (m->key[i] == key) {
			int fresh = m->last[i] >= oldest;

			if (day > m->last[i])
				m->last[i] = (int32_t)day;
			return !fresh;
		}
	if (m->n < SIGNIN_MAX) {
		i = m->n++;
	} else {
		for (i = 1; i < m->n; i++)
			if (m->last[i] < m->last[worst])
				worst = i;
		i = worst;
	}
	m->key[i] = key;
	m->last[i] = (int32_t)day;
	return 1;
}

static struct irm_signin *
memory(struct user *u)
{
	if (u->signin == NULL) {
		u->signin = irm_xcalloc(1, sizeof(*u->signin));
		u->signin->lastday = INT32_MIN;
		u->signin->mailday = INT32_MIN;
	}
	return u->signin;
}

static int
letter(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * The letters of an account id shaped like CERT's (dtaa/lap0338: letters,
 * then digits, after the last '/' or '\\'), lower case, in out[n]; 0 when
 * the id has another shape.
 */
static int
id_letters(const char *user, char *out, size_t n)
{
	const char *p = user, *q;
	size_t i = 0;

	for (q = user; *q; q++)
		if (*q == '/' || *q == '\\')
			p = q + 1;
	while (letter(*p)) {
		if (i + 1 >= n)
			return 0;
		out[i++] = (char)(*p++ | 0x20);
	}
	out[i] = '\0';
	if (i < 2 || *p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0';
}

/*
 * Whose name a sender address bears, for a user named by an account id:
 * CERT's ids are the initials of the name its mail is sent from
 * (dtaa/lap0338, Lynn.Adena.Pratt@dtaa.com, or Lynn_A_Pratt@aol.com at
 * home).  1 when the initials of the local part's words (split at '.',
 * '_' and '-') begin the id's letters, -1 when two or more words do not,
 * 0 when the address or the id has another shape.
 */
static int
own_name(const char *user, const char *from)
{
	char id[16], ini[16];
	size_t n = 0, len;
	const char *p;

	if (!id_letters(user, id, sizeof(id)))
		return 0;
	for (p = from; *p && *p != '@'; p++) {
		if (*p == '.' || *p == '_' || *p == '-')
			continue;
		if (p == from || p[-1] == '.' || p[-1] == '_' || p[-1] == '-') {
			if (!letter(*p) || n + 1 >= sizeof(ini))
				return 0;
			ini[n++] = (char)(*p | 0x20);
		}
	}
	if (*p != '@' || n < 2)
		return 0;
	len = strlen(id);
	return n <= len && memcmp(ini, id, n) == 0 ? 1 : -1;
}

/*
 * A mail sent by a user named by an account id (CERT's dtaa/lap0338),
 * whose own address the event does not name: its sender is another
 * mailbox when the user has not sent from it in the look-back and it
 * bears another's name, or bears no name and the user has
 * SIGNIN_HISTORY days of sent mail (the first address is the user's
 * own).  An address in the user's own name is never another's.
 */
static int
mail_from(struct irm_engine *g, struct user *u, const struct irm_ev *ev)
{
	struct irm_signin *m;
	int history, fresh, named;

	if (!is(ev->activity, "email_sent") || !given(ev->email_from) ||
	    strchr(ev->user, '@') != NULL)
		return 0;
	m = memory(u);
	named = own_name(ev->user, ev->email_from);
	history = named < 0 || (named == 0 && m->maildays >= SIGNIN_HISTORY);
	fresh = remember(m, folded_key(SALT_FROM, ev->email_from), ev->day,
	    ev->day - g->o.lookback_days);
	if (ev->day > m->mailday) {
		m->mailday = (int32_t)ev->day;
		if (m->maildays < DAYS_CAP)
			m->maildays++;
	}
	return fresh && history ? IRM_EV_NEW_FROM : 0;
}

int
irm_sig_event(struct irm_engine *g, struct user *u, const struct irm_ev *ev)
{
	struct irm_signin *m;
	int64_t oldest = ev->day - g->o.lookback_days;
	int flags = 0, history;

	if (is(ev->activity, "email_sent"))
		return mail_from(g, u, ev);
	if (!is(ev->activity, "logon") || is(ev->outcome, "failure") ||
	    !(given(ev->source_ip) || given(ev->user_agent) ||
	        given(ev->host_name)))
		return 0;
	m = memory(u);
	history = m->days >= SIGNIN_HISTORY;
	if (given(ev->source_ip) &&
	    remember(m, net_key(ev->source_ip), ev->day, oldest) && history)
		flags |= IRM_EV_NEW_IP;
	if (given(ev->user_agent) &&
	    remember(m, agent_key(ev->user_agent), ev->day, oldest) && history)
		flags |= IRM_EV_NEW_AGENT;
	if (given(ev->host_name) &&
	    remember(
	        m, folded_key(SALT_HOST, ev->host_name), ev->day, oldest) &&
	    history)
		flags |= IRM_EV_NEW_HOST;
	if (ev->day > m->lastday) {
		m->lastday = (int32_t)ev->day;
		if (m->days < DAYS_CAP)
			m->days++;
	}
	return flags;
}

void
irm_sig_put(struct irm_buf *b, const struct irm_signin *m)
{
	int i;

	if (m == NULL)
		return;
	irm_buf_printf(
	    b, ",\"signin\":[%d,%d,[", (int)m->days, (int)m->lastday);
	for (i = 0; i < m->n; i++)
		irm_buf_printf(b, "%s[%u,%d]", i ? "," : "",
		    (unsigned)m->key[i], (int)m->last[i]);
	irm_buf_printf(b, "],%d,%d]", (int)m->maildays, (int)m->mailday);
}

void
irm_sig_get(struct user *u, struct json_object *a)
{
	struct json_object *keys = irm_json_at(a, 2), *k;
	struct irm_signin *m;
	size_t i;

	if (irm_json_len(a) < 3)
		return;
	free(u->signin);
	m = u->signin = irm_xcalloc(1, sizeof(*u->signin));
	m->days = json_object_get_int(irm_json_at(a, 0));
	if (m->days < 0 || m->days > DAYS_CAP)
		m->days = m->days < 0 ? 0 : DAYS_CAP;
	m->lastday = json_object_get_int(irm_json_at(a, 1));
	m->mailday = INT32_MIN;
	/* Sent-mail days came later: a state without them has none. */
	if (irm_json_len(a) >= 5) {
		m->maildays = json_object_get_int(irm_json_at(a, 3));
		if (m->maildays < 0 || m->maildays > DAYS_CAP)
			m->maildays = m->maildays < 0 ? 0 : DAYS_CAP;
		m->mailday = json_object_get_int(irm_json_at(a, 4));
	}
	for (i = 0; i < irm_json_len(keys) && m->n < SIGNIN_MAX; i++) {
		k = irm_json_at(keys, i);
		m->key[m->n] =
		    (uint32_t)json_object_get_int64(irm_json_at(k, 0));
		m->last[m->n++] = json_object_get_int(irm_json_at(k, 1));
	}
}

/* ------------------------------------------------------------- owners */

struct irm_owners {
	uint64_t *hash; /* 0: empty */
	const char **name;
	size_t n, cap;
};

/* The slug of a name or of a OneDrive path component (stopping at '/'):
 * lower-cased, every character but a letter or digit as '_', hashed
 * (never 0). */
static uint64_t
slug_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	unsigned char c;

	for (; *s != '\0' && *s != '/' && *s != '?'; s++) {
		c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '_';
		h ^= c;
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

static void
owners_put(struct irm_owners *o, uint64_t h, const char *name)
{
	size_t i, mask, j, oldcap = o->cap;
	uint64_t *oh = o->hash;
	const char **on = o->name;

	if (o->cap == 0 || o->n * 2 >= o->cap) {
		o->cap = oldcap ? oldcap * 2 : 256;
		o->hash = irm_xcalloc(o->cap, sizeof(*o->hash));
		o->name = irm_xcalloc(o->cap, sizeof(*o->name));
		o->n = 0;
		for (j = 0; j < oldcap; j++)
			if (oh[j])
				owners_put(o, oh[j], on[j]);
		free(oh);
		free(on);
	}
	mask = o->cap - 1;
	for (i = h & mask; o->hash[i]; i = (i + 1) & mask)
		if (o->hash[i] == h)
			return; /* the first name with the slug stays */
	o->hash[i] = h;
	o->name[i] = name;
	o->n++;
}

void
irm_sig_owner_add(struct irm_engine *g, const char *name)
{
	size_t i;

	if (g->owners == NULL) {
		g->owners = irm_xcalloc(1, sizeof(*g->owners));
		for (i = 0; i < g->o.settings->npeople; i++)
			owners_put(g->owners,
			    slug_hash(g->o.settings->people[i].user),
			    g->o.settings->people[i].user);
	}
	if (name != NULL)
		owners_put(g->owners, slug_hash(name), name);
}

const char *
irm_sig_owner(struct irm_engine *g, const struct irm_ev *ev)
{
	static const char mark[] = "/personal/";
	const char *url = ev->url_full, *p;
	uint64_t h;
	size_t i, mask;

	if (url == NULL || (p = strstr(url, mark)) == NULL)
		return NULL;
	p += sizeof(mark) - 1;
	if (*p == '\0' || *p == '/')
		return NULL;
	irm_sig_owner_add(g, NULL);
	if (g->owners->cap == 0)
		return NULL;
	h = slug_hash(p);
	mask = g->owners->cap - 1;
	for (i = h & mask; g->owners->hash[i]; i = (i + 1) & mask)
		if (g->owners->hash[i] == h)
			return g->owners->name[i];
	return NULL;
}

void
irm_sig_free(struct irm_engine *g)
{
	if (g->owners == NULL)
		return;
	free(g->owners->hash);
	free(g->owners->name);
	free(g->owners);
	g->owners = NULL;
}
