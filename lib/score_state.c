/*
 * score_state.c - irm-score --state: the engine's state saved to a file
 * at the end of a run and loaded at the start of the next.
 *
 * The state file: JSON lines.  The first line names the format version,
 * the time reached and the policies (so their indexes can be matched by
 * name when the policy set changes); then one line per user, sorted by
 * name, with its triggers and days (a day: the day, final, the policies
 * that scored it, the counts, the insights written, the ids seen while
 * open, the short ids counted as one string of 8 hex digits each, and
 * whether it counted more than it keeps).  Written to a temporary file,
 * synced and renamed over the old one, so a killed run leaves the old
 * state.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"
#include "score_int.h"

#define STATE_VERSION 1

static void
put_day(struct irm_buf *b, const struct uday *d)
{
	size_t k;
	int i;

	irm_buf_printf(b, "[%lld,%d,%llu,[", (long long)d->day, d->final,
	    (unsigned long long)d->scored);
	for (i = 0; i < d->nind; i++) {
		const struct iday *id = &d->ind[i];

		irm_buf_printf(b, "%s[\"%s\",%u,%u,%u,%u,", i ? "," : "",
		    irm_indicators[id->idx].name, id->n, id->prio,
		    id->unallowed, id->after);
		irm_eng_write_list(b, id->ev ? &id->ev->ids : NULL);
		irm_buf_addc(b, ',');
		irm_eng_write_list(b, id->ev ? &id->ev->files : NULL);
		irm_buf_addc(b, ',');
		irm_eng_write_list(b, id->ev ? &id->ev->targets : NULL);
		irm_buf_printf(b, ",%d,%" PRIu32 "]", id->rk, id->hours);
	}
	irm_buf_adds(b, "],[");
	for (i = 0; i < d->nem; i++)
		irm_buf_printf(b, "%s[%u,\"%s\",%u,%u]", i ? "," : "",
		    d->em[i].pol, irm_indicators[d->em[i].idx].name,
		    d->em[i].rev, d->em[i].n);
	irm_buf_adds(b, "],[");
	for (k = 0, i = 0; d->seen && k < d->capseen; k++)
		if (d->seen[k])
			irm_buf_printf(
			    b, "%s%lld", i++ ? "," : "", (long long)d->seen[k]);
	irm_buf_adds(b, "],\"");
	for (k = 0; k < d->nkept; k++)
		irm_buf_printf(b, "%08" PRIx32, d->kept[k]);
	irm_buf_printf(b, "\",%d,%" PRIu32 "]", d->full, d->hours);
}

static void
put_user(struct irm_buf *b, const struct user *u)
{
	int i;

	irm_buf_adds(b, "{\"user\":");
	irm_json_quote(b, u->name);
	irm_buf_adds(b, ",\"trig\":[");
	for (i = 0; i < u->ntrig; i++)
		irm_buf_printf(b, "%s[%d,%lld,%lld,%lld,%d,%d]", i ? "," : "",
		    u->trig[i].type, (long long)u->trig[i].from,
		    (long long)u->trig[i].to, (long long)u->trig[i].ts,
		    u->trig[i].exact, u->trig[i].business);
	irm_buf_adds(b, "],\"cum\":[");
	for (i = 0; i < u->ncum; i++)
		irm_buf_printf(b, "%s[%d,%d,%lld,%d]", i ? "," : "",
		    u->cum[i].pol, u->cum[i].level, (long long)u->cum[i].day,
		    u->cum[i].risk);
	irm_buf_adds(b, "]");
	irm_sig_put(b, u->signin);
	irm_buf_adds(b, ",\"seq\":");
	irm_seq_put(b, u->seq);
	irm_buf_adds(b, ",\"days\":[");
	for (i = 0; i < u->ndays; i++) {
		if (i)
			irm_buf_addc(b, ',');
		put_day(b, &u->days[i]);
	}
	irm_buf_adds(b, "]}\n");
}

int
irm_engine_save(
    const struct irm_engine *g, const char *path, struct irm_error *e)
{
	struct irm_buf b;
	struct user **v;
	char tmp[4096];
	size_t n, i;
	int fd, rc = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return irm_seterr(e, "%s: name too long", path);
	irm_buf_init(&b, (size_t)1 << 40);
	irm_buf_printf(&b,
	    "{\"irm_score_state\":%d,\"newest\":%lld,"
	    "\"final_before\":%lld,\"policies\":[",
	    STATE_VERSION, (long long)g->newest, (long long)g->final_before);
	for (i = 0; i < g->o.npolicies; i++) {
		if (i)
			irm_buf_addc(&b, ',');
		irm_json_quote(&b, g->o.policies[i].name);
	}
	irm_buf_adds(&b, "]}\n");
	v = irm_eng_users_sorted(g, &n);
	fd = irm_tmp_create(tmp);
	if (fd == -1) {
		rc = irm_seterr(e, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	for (i = 0; i < n && rc == 0; i++) {
		put_user(&b, v[i]);
		if (b.len > (1 << 20) || i + 1 == n) {
			if (irm_write_all(fd, b.data, b.len) == -1)
				rc = -1;
			irm_buf_reset(&b);
		}
	}
	if (n == 0 && irm_write_all(fd, b.data, b.len) == -1)
		rc = -1;
	if (rc == 0 && fsync(fd) == -1)
		rc = -1;
	if (close(fd) == -1)
		rc = -1;
	if (rc == 0 && rename(tmp, path) == -1)
		rc = -1;
	if (rc == -1) {
		irm_seterr(e, "%s: %s", path, strerror(errno));
		unlink(tmp);
	}
out:
	free(v);
	irm_buf_free(&b);
	return rc;
}

/* Index of a policy name of the state in today's policy list, or -1. */
static int
policy_index(const struct irm_engine *g, const char *name)
{
	size_t i;

	for (i = 0; i < g->o.npolicies; i++)
		if (name && strcmp(g->o.policies[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int64_t
jint(struct json_object *a, size_t i)
{
	return json_object_get_int64(irm_json_at(a, i));
}

static void
get_list(struct irm_strv *l, struct json_object *a)
{
	size_t i, n = irm_json_len(a);

	for (i = 0; i < n; i++)
		irm_eng_evid_add(l, json_object_get_string(irm_json_at(a, i)));
}

/* User risk's mark as written: a kind (none, new, rise) and the
 * RISK_SHORT, RISK_COMMON and RISK_DEST bits; 3 is a rise, as irm-score
 * wrote it before 2026-12.  Anything else is none. */
static int
get_rk(int64_t v)
{
	const int64_t bits = RISK_KIND | RISK_SHORT | RISK_COMMON | RISK_DEST;

	if (v == 3)
		return RISK_RISE;
	if (v < 0 || (v & ~bits) != 0 || (v & RISK_KIND) == RISK_HOURS)
		return RISK_NONE;
	return (int)v;
}

/* One [idx-name, n, prio, unallowed, after, ids, files, targets, rk,
 * hours]; rk (user risk's mark) and hours (a bit per local hour) may be
 * missing (none).  An 11th element, DLP matches of high severity, was
 * written apart from prio for a while: they are priority content. */
static void
get_iday(struct uday *d, struct json_object *a)
{
	int idx = irm_indicator_find(json_object_get_string(irm_json_at(a, 0)));
	struct iday *id;

	if (idx < 0 || irm_json_len(a) < 8)
		return;
	id = irm_eng_iday(d, idx);
	id->n = (uint32_t)jint(a, 1);
	id->prio = (uint32_t)jint(a, 2);
	id->unallowed = (uint32_t)jint(a, 3);
	id->after = (uint32_t)jint(a, 4);
	if (irm_json_len(a) > 8)
		id->rk = get_rk(jint(a, 8));
	if (irm_json_len(a) > 9)
		id->hours = (uint32_t)jint(a, 9) & 0xffffff;
	if (irm_json_len(a) > 10)
		id->prio += (uint32_t)jint(a, 10);
	if (id->prio > id->n)
		id->prio = id->n;
	if (irm_json_len(irm_json_at(a, 5)) == 0)
		return;
	get_list(&irm_eng_evid(&id->ev)->ids, irm_json_at(a, 5));
	get_list(&id->ev->files, irm_json_at(a, 6));
	get_list(&id->ev->targets, irm_json_at(a, 7));
}

/* The day's short ids: 8 hex digits each (a state file of an older
 * version has none); what is not hex is skipped. */
static void
get_kept(struct uday *d, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	uint32_t k;
	int i, c;

	for (; n >= 8; n -= 8, s += 8) {
		k = 0;
		for (i = 0; i < 8; i++) {
			c = (unsigned char)s[i];
			if (c >= '0' && c <= '9')
				c -= '0';
			else if (c >= 'a' && c <= 'f')
				c -= 'a' - 10;
			else
				break;
			k = k << 4 | (uint32_t)c;
		}
		if (i == 8)
			irm_eng_kept_add(d, k);
	}
}

static void
get_day(struct user *u, struct json_object *a, const int *map)
{
	struct json_object *inds, *ems, *seen, *x;
	uint64_t scored;
	struct uday *d;
	size_t i;
	int pol, idx;

	if (irm_json_len(a) < 6)
		return;
	d = irm_eng_uday(u, jint(a, 0), 1);
	d->final = (int)jint(a, 1);
	scored = (uint64_t)jint(a, 2);
	for (i = 0; i < MAX_POLICIES; i++)
		if ((scored & (1ULL << i)) && map[i] >= 0)
			d->scored |= 1ULL << map[i];
	inds = irm_json_at(a, 3);
	for (i = 0; i < irm_json_len(inds); i++)
		get_iday(d, irm_json_at(inds, i));
	ems = irm_json_at(a, 4);
	for (i = 0; i < irm_json_len(ems); i++) {
		x = irm_json_at(ems, i);
		pol = jint(x, 0) >= 0 && jint(x, 0) < MAX_POLICIES
		    ? map[jint(x, 0)]
		    : -1;
		idx = irm_indicator_find(
		    json_object_get_string(irm_json_at(x, 1)));
		if (pol < 0 || idx < 0)
			continue;
		d->em =
		    irm_xrealloc(d->em, (size_t)(d->nem + 1) * sizeof(*d->em));
		d->em[d->nem++] = (struct emitted){(uint16_t)pol, (uint16_t)idx,
		    (uint16_t)jint(x, 2), (uint32_t)jint(x, 3)};
	}
	seen = irm_json_at(a, 5);
	for (i = 0; i < irm_json_len(seen); i++)
		irm_eng_seen_add(d, (uint64_t)jint(seen, i));
	get_kept(d, json_object_get_string(irm_json_at(a, 6)));
	if (jint(a, 7))
		d->full = 1;
	d->hours = (uint32_t)jint(a, 8) & 0xffffff; /* 0 in older files */
}

static void
get_user(struct irm_engine *g, struct json_object *o, const int *map)
{
	struct json_object *trig = irm_json_get(o, "trig");
	struct json_object *days = irm_json_get(o, "days"), *t, *cum;
	const char *name = irm_json_str(o, "user");
	struct user *u;
	struct cum *c;
	int64_t pol;
	size_t i;
	int mark;

	if (name == NULL)
		return;
	u = irm_eng_user(g, name, 1);
	for (i = 0; i < irm_json_len(trig); i++) {
		t = irm_json_at(trig, i);
		u->trig = irm_xrealloc(
		    u->trig, (size_t)(u->ntrig + 1) * sizeof(*u->trig));
		u->trig[u->ntrig++] = (struct trig){(int)jint(t, 0), jint(t, 1),
		    jint(t, 2), jint(t, 3), (int)jint(t, 4), (int)jint(t, 5)};
	}
	for (i = 0; i < irm_json_len(days); i++)
		get_day(u, irm_json_at(days, i), map);
	irm_seq_get(&u->seq, irm_json_get(o, "seq"));
	irm_sig_get(u, irm_json_get(o, "signin"));
	cum = irm_json_get(o, "cum");
	for (i = 0; i < irm_json_len(cum); i++) {
		t = irm_json_at(cum, i);
		pol = jint(t, 0);
		if (pol < 0 || pol >= MAX_POLICIES || map[pol] < 0)
			continue;
		mark = (int)jint(t, 3);
		if (mark < 0 || mark >= CUM_MARKS)
			continue;
		c = irm_eng_cum_get(u, map[pol], mark);
		c->level = (int)jint(t, 1);
		c->day = jint(t, 2);
	}
}

static int
get_header(
    struct irm_engine *g, struct json_object *o, int *map, struct irm_error *e)
{
	struct json_object *pols = irm_json_get(o, "policies");
	long long v;
	size_t i;

	if (irm_json_int(o, "irm_score_state", &v) == -1)
		return irm_seterr(e, "not an irm-score state file");
	if (v != STATE_VERSION)
		return irm_seterr(
		    e, "state version %lld, expected %d", v, STATE_VERSION);
	irm_json_int(o, "newest", &v);
	g->newest = v;
	irm_json_int(o, "final_before", &v);
	g->final_before = v;
	for (i = 0; i < MAX_POLICIES; i++)
		map[i] = i < irm_json_len(pols)
		    ? policy_index(
		          g, json_object_get_string(irm_json_at(pols, i)))
		    : -1;
	return 0;
}

int
irm_engine_load(struct irm_engine *g, const char *path, struct irm_error *e)
{
	char *argv[1] = {(char *)path};
	struct irm_input *in;
	struct json_tokener *tok;
	struct json_object *o;
	struct irm_error pe;
	int map[MAX_POLICIES], rc = 0, rl;
	char *line;
	size_t len;

	if (access(path, F_OK) == -1 && errno == ENOENT)
		return 0;
	in = irm_input_new(1, argv, (size_t)1 << 30);
	tok = json_tokener_new();
	if (irm_input_next_file(in, e) != 1) {
		rc = -1;
		goto out;
	}
	while (rc == 0 &&
	    (rl = irm_input_getline(in, &line, &len, e)) == IRM_LINE_OK) {
		o = irm_json_parse(tok, line, len, &pe);
		if (o == NULL || !json_object_is_type(o, json_type_object))
			rc = irm_seterr(e, "%s:%lu: corrupt state: %s", path,
			    irm_input_lineno(in), o ? "not an object" : pe.msg);
		else if (irm_input_lineno(in) == 1) {
			if (get_header(g, o, map, &pe) == -1)
				rc = irm_seterr(e, "%s: %s", path, pe.msg);
		} else
			get_user(g, o, map);
		json_object_put(o);
	}
	if (rc == 0 && rl == IRM_LINE_ERROR)
		rc = -1;
out:
	json_tokener_free(tok);
	irm_input_free(in);
	return rc;
}
