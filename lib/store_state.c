/*
 * store_state.c - the state of the store is the fold of its journal:
 * alerts (re-built from the insights their entries carry, so the same
 * rules give the same alerts), their triage, and cases with their notes.
 * An entry that names an unknown alert or case, an alert id that the
 * insight does not give, or a transition irm-case would have refused
 * (dismissing or confirming an alert that does not need review, a case
 * for another user's alert, acting on a closed case) means the journal
 * was not written by these rules: the fold stops and the store is
 * treated as corrupt; irm-case verify names each such entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_store.h"

struct irm_state *
irm_state_new(void)
{
	struct irm_state *st = irm_xcalloc(1, sizeof(*st));

	st->alerts = irm_alerts_new();
	return st;
}

static void
note_free(struct irm_note *n)
{
	free(n->by);
	free(n->actor);
	free(n->kind);
	free(n->text);
}

static void
case_free(struct irm_case *c)
{
	size_t i;

	for (i = 0; i < c->nalerts; i++)
		free(c->alerts[i]);
	for (i = 0; i < c->nnotes; i++)
		note_free(&c->notes[i]);
	free(c->alerts);
	free(c->notes);
	free(c->id);
	free(c->name);
	free(c->user);
	free(c->resolution);
	free(c->action);
	free(c->updated_by);
	free(c->updated_actor);
	free(c);
}

void
irm_state_free(struct irm_state *st)
{
	size_t i;

	if (st == NULL)
		return;
	irm_alerts_free(st->alerts);
	for (i = 0; i < st->ncases; i++)
		case_free(st->cases[i]);
	for (i = 0; i < st->nalert_notes; i++) {
		note_free(&st->alert_notes[i]);
		free(st->alert_note_ids[i]);
	}
	free(st->alert_notes);
	free(st->alert_note_ids);
	free(st->cases);
	free(st);
}

struct irm_case *
irm_state_case(const struct irm_state *st, const char *id)
{
	size_t i;

	for (i = 0; i < st->ncases; i++)
		if (strcmp(st->cases[i]->id, id) == 0)
			return st->cases[i];
	return NULL;
}

void
irm_state_next_case_id(const struct irm_state *st, char *buf)
{
	snprintf(buf, 32, "case-%zu", st->ncases + 1);
}

/* What every entry carries, for notes and case updates. */
struct entry {
	const char *type, *by, *actor;
	int64_t at;
	struct json_object *data;
	unsigned long line;
};

static int
bad(struct irm_error *e, const struct entry *en, const char *why)
{
	return irm_seterr(e, "%s: %s", en->type, why);
}

static void
add_note(struct irm_note **v, size_t *n, const struct entry *en,
    const char *kind, const char *text)
{
	*v = irm_xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n] = (struct irm_note){en->at, irm_xstrdup(en->by),
	    irm_xstrdup(en->actor), irm_xstrdup(kind),
	    irm_xstrdup(text ? text : "")};
	(*n)++;
}

static void
case_touch(struct irm_case *c, const struct entry *en, const char *kind,
    const char *text)
{
	c->updated = en->at;
	free(c->updated_by);
	c->updated_by = irm_xstrdup(en->by);
	free(c->updated_actor);
	c->updated_actor = irm_xstrdup(en->actor);
	if (kind)
		add_note(&c->notes, &c->nnotes, en, kind, text);
}

static int
fold_alert(struct irm_state *st, const struct entry *en, struct irm_error *e)
{
	struct json_object *ins = irm_json_get(en->data, "insight");
	const char *want = irm_json_str(en->data, "alert");
	struct irm_alert *al = NULL;
	int fresh, rc;
	char why[sizeof(e->msg)];

	rc = irm_alerts_add(st->alerts, ins, &al, &fresh, e);
	if (rc == -1) {
		snprintf(why, sizeof(why), "%s", e->msg);
		return bad(e, en, why);
	}
	if (rc == 0 || want == NULL || strcmp(al->id, want) != 0)
		return bad(e, en, "the insight does not give this alert");
	return 0;
}

static struct irm_alert *
entry_alert(struct irm_state *st, const struct entry *en)
{
	const char *id = irm_json_str(en->data, "alert");

	return id ? irm_alerts_find(st->alerts, id) : NULL;
}

static void
alert_note(struct irm_state *st, const struct irm_alert *al,
    const struct entry *en, const char *kind, const char *text)
{
	st->alert_note_ids = irm_xrealloc(st->alert_note_ids,
	    (st->nalert_notes + 1) * sizeof(*st->alert_note_ids));
	st->alert_note_ids[st->nalert_notes] = irm_xstrdup(al->id);
	add_note(&st->alert_notes, &st->nalert_notes, en, kind, text);
}

/* An alert that does not need review cannot be dismissed or confirmed. */
static int
not_review(struct irm_error *e, const struct entry *en,
    const struct irm_alert *al, const char *what)
{
	char why[160];

	snprintf(why, sizeof(why),
	    "%s is %s%s%s: only an alert that needs review can be %s", al->id,
	    irm_alert_status_name(al->status), al->case_id ? " in " : "",
	    al->case_id ? al->case_id : "", what);
	return bad(e, en, why);
}

/* data.user, when given, must be want (the alert's or case's user). */
static int
same_user(const struct entry *en, const char *want)
{
	const char *user = irm_json_str(en->data, "user");

	return user == NULL || strcmp(user, want) == 0;
}

static int
fold_status(struct irm_state *st, const struct entry *en, struct irm_error *e)
{
	struct irm_alert *al = entry_alert(st, en);
	const char *status = irm_json_str(en->data, "status");
	const char *reason = irm_json_str(en->data, "reason");
	int s = status ? irm_alert_status_parse(status) : -1;

	if (al == NULL || s == -1)
		return bad(e, en, "unknown alert or status");
	if (s != IRM_ALERT_DISMISSED)
		return bad(e, en, "only dismissed is set by alert.status");
	if (al->status != IRM_ALERT_NEEDS_REVIEW)
		return not_review(e, en, al, "dismissed");
	irm_alert_set_status(al, (enum irm_alert_status)s, NULL);
	alert_note(st, al, en, status, reason);
	return 0;
}

static void
case_add_alert(struct irm_case *c, struct irm_alert *al)
{
	c->alerts =
	    irm_xrealloc(c->alerts, (c->nalerts + 1) * sizeof(*c->alerts));
	c->alerts[c->nalerts++] = irm_xstrdup(al->id);
	irm_alert_set_status(al, IRM_ALERT_CONFIRMED, c->id);
}

static int
fold_case_opened(
    struct irm_state *st, const struct entry *en, struct irm_error *e)
{
	const char *id = irm_json_str(en->data, "case");
	const char *name = irm_json_str(en->data, "name");
	struct irm_alert *al = entry_alert(st, en);
	struct irm_case *c;

	char next[32];

	if (id == NULL || al == NULL || irm_state_case(st, id))
		return bad(e, en, "case id missing or taken, or unknown alert");
	irm_state_next_case_id(st, next);
	if (strcmp(id, next) != 0)
		return bad(e, en, "not the next case id");
	if (al->status != IRM_ALERT_NEEDS_REVIEW)
		return not_review(e, en, al, "confirmed");
	if (!same_user(en, al->user))
		return bad(e, en, "the case's user is not the alert's user");
	c = irm_xcalloc(1, sizeof(*c));
	c->id = irm_xstrdup(id);
	c->name = irm_xstrdup(name ? name : id);
	c->user = irm_xstrdup(al->user);
	c->opened = en->at;
	st->cases =
	    irm_xrealloc(st->cases, (st->ncases + 1) * sizeof(*st->cases));
	st->cases[st->ncases++] = c;
	case_add_alert(c, al);
	case_touch(c, en, "confirm", al->id);
	return 0;
}

static int
fold_case_entry(
    struct irm_state *st, const struct entry *en, struct irm_error *e)
{
	const char *id = irm_json_str(en->data, "case");
	struct irm_case *c = id ? irm_state_case(st, id) : NULL;
	const char *text = irm_json_str(en->data, "text");
	struct irm_alert *al;
	size_t i;

	if (c == NULL)
		return bad(e, en, "unknown case");
	if (c->status != IRM_CASE_ACTIVE)
		return bad(e, en, "the case is closed");
	if (strcmp(en->type, "case.alert_added") == 0) {
		if ((al = entry_alert(st, en)) == NULL)
			return bad(e, en, "unknown alert");
		if (al->status != IRM_ALERT_NEEDS_REVIEW)
			return not_review(e, en, al, "confirmed");
		if (strcmp(al->user, c->user) != 0)
			return bad(e, en,
			    "the alert is of another user (one user per case)");
		case_add_alert(c, al);
		case_touch(c, en, "confirm", al->id);
	} else if (strcmp(en->type, "case.note") == 0) {
		case_touch(c, en, "note", text);
	} else if (strcmp(en->type, "case.notice") == 0) {
		case_touch(c, en, "notice", irm_json_str(en->data, "subject"));
	} else {
		const char *res = irm_json_str(en->data, "resolution");
		const char *act = irm_json_str(en->data, "action");

		if (res == NULL || act == NULL)
			return bad(e, en, "resolution or action missing");
		if (strcmp(res, "benign") != 0 && strcmp(res, "violation") != 0)
			return bad(e, en,
			    "resolution is neither benign nor violation");
		if (!same_user(en, c->user))
			return bad(e, en, "the user is not the case's user");
		c->status = IRM_CASE_CLOSED;
		c->resolution = irm_xstrdup(res);
		c->action = irm_xstrdup(act);
		case_touch(c, en, "resolve", act);
		for (i = 0; i < c->nalerts; i++)
			if ((al = irm_alerts_find(st->alerts, c->alerts[i])))
				irm_alert_set_status(
				    al, IRM_ALERT_RESOLVED, NULL);
	}
	return 0;
}

/* A reveal of a case is a note of it; of an alert, a line of its
 * history. */
static int
fold_revealed(struct irm_state *st, const struct entry *en, struct irm_error *e)
{
	const char *id = irm_json_str(en->data, "id");
	const char *user = irm_json_str(en->data, "user");
	struct irm_case *c = id ? irm_state_case(st, id) : NULL;
	struct irm_alert *al = id ? irm_alerts_find(st->alerts, id) : NULL;

	if (c == NULL && al == NULL)
		return bad(e, en, "unknown alert or case");
	if (!same_user(en, c ? c->user : al->user))
		return bad(e, en,
		    "the pseudonym is not the user of the alert or case");
	if (c)
		case_touch(c, en, "reveal", user);
	else
		alert_note(st, al, en, "reveal", user);
	return 0;
}

int
irm_state_fold(
    void *ctx, struct json_object *o, unsigned long line, struct irm_error *e)
{
	struct irm_state *st = ctx;
	const char *ts = irm_json_str(o, "@timestamp");
	struct entry en = {irm_json_str(o, "type"), irm_json_str(o, "by"),
	    irm_json_str(o, "actor"), 0, irm_json_get(o, "data"), line};
	int flags = IRM_TIME_UTC;

	if (en.by == NULL)
		en.by = "";
	if (en.actor == NULL)
		en.actor = "";
	if (ts == NULL || irm_time_parse(ts, strlen(ts), &flags, &en.at, NULL))
		return bad(e, &en, "no valid @timestamp");
	if (strcmp(en.type, "alert.opened") == 0 ||
	    strcmp(en.type, "alert.updated") == 0)
		return fold_alert(st, &en, e);
	if (strcmp(en.type, "alert.status") == 0)
		return fold_status(st, &en, e);
	if (strcmp(en.type, "case.opened") == 0)
		return fold_case_opened(st, &en, e);
	if (strcmp(en.type, "case.alert_added") == 0 ||
	    strcmp(en.type, "case.note") == 0 ||
	    strcmp(en.type, "case.notice") == 0 ||
	    strcmp(en.type, "case.resolved") == 0)
		return fold_case_entry(st, &en, e);
	if (strcmp(en.type, "case.revealed") == 0)
		return fold_revealed(st, &en, e);
	/* journal.repaired, and types of later versions: nothing to fold. */
	return 0;
}
