/*
 * case_show.c - the text of irm-case show: an alert with its insights'
 * timeline, factors and evidence (and, with --events, the events behind
 * them) and its history, or a case with its alerts and notes; strings
 * from the logs with their control characters made '?'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_report.h"
#include "irm_store.h"

/*
 * Text for a terminal: control characters (escapes included, C1 controls
 * and bidi overrides and isolates too) become '?'.
 */
void
irm_case_put_safe(FILE *out, const char *s)
{
	size_t k;

	for (; s && *s; s++) {
		k = irm_utf8_control(s, strnlen(s, 3));
		fputc(k ? '?' : *s, out);
		if (k)
			s += k - 1;
	}
}

static const char *
day_of(int64_t ms, char *buf)
{
	irm_time_format(ms, buf);
	buf[10] = '\0';
	return buf;
}

static void
show_factors(FILE *out, struct json_object *irm)
{
	struct json_object *f = irm_json_get(irm, "factors"), *x;
	size_t i,
	    n = json_object_is_type(f, json_type_array)
	    ? json_object_array_length(f)
	    : 0;

	for (i = 0; i < n; i++) {
		x = json_object_array_get_idx(f, i);
		fprintf(out, "      %-18s ", irm_json_str(x, "name"));
		if (irm_json_get(x, "x"))
			fprintf(out, "x%-6s ", irm_json_str(x, "x"));
		else
			fprintf(out, "+%-6s ", irm_json_str(x, "points"));
		irm_case_put_safe(out, irm_json_str(x, "detail"));
		fputc('\n', out);
	}
}

/* One line per string of the array o.key. */
static void
show_list(FILE *out, struct json_object *o, const char *key, const char *label)
{
	struct json_object *a = irm_json_get(o, key);
	size_t i,
	    n = json_object_is_type(a, json_type_array)
	    ? json_object_array_length(a)
	    : 0;

	for (i = 0; i < n; i++) {
		fprintf(out, "      %s: ", label);
		irm_case_put_safe(out,
		    json_object_get_string(json_object_array_get_idx(a, i)));
		fputc('\n', out);
	}
}

/* One event behind an insight: time, activity, object, IP, device. */
static void
show_event(FILE *out, const struct irm_evidence_event *ev)
{
	char when[IRM_TIME_LEN];

	irm_evidence_time(ev->at, when);
	fprintf(out, "      event %s  ", when);
	irm_case_put_safe(out, *ev->activity ? ev->activity : "-");
	fprintf(out, "  ");
	irm_case_put_safe(out, *ev->object ? ev->object : "-");
	fprintf(out, "  ");
	irm_case_put_safe(out, *ev->ip ? ev->ip : "-");
	fprintf(out, "  ");
	irm_case_put_safe(out, *ev->device ? ev->device : "-");
	fputc('\n', out);
}

static void
show_evidence(FILE *out, struct json_object *irm, const struct irm_evidence *x)
{
	struct json_object *ev = irm_json_get(irm, "evidence");
	struct json_object *ids = irm_json_get(ev, "ids");
	const struct irm_evidence_event *e;
	size_t i, n;

	if (ev == NULL)
		return;
	fprintf(out, "      evidence: %s events:", irm_json_str(ev, "count"));
	n = json_object_is_type(ids, json_type_array)
	    ? json_object_array_length(ids)
	    : 0;
	for (i = 0; i < n; i++) {
		fputc(' ', out);
		irm_case_put_safe(out,
		    json_object_get_string(json_object_array_get_idx(ids, i)));
	}
	fputc('\n', out);
	show_list(out, ev, "files", "file");
	show_list(out, ev, "targets", "target");
	for (i = 0; x && i < n; i++)
		if ((e = irm_evidence_find(x,
		         json_object_get_string(
		             json_object_array_get_idx(ids, i)))) != NULL)
			show_event(out, e);
}

/* One insight: its line on the timeline, factors and evidence. */
static void
show_insight(FILE *out, struct json_object *o, const struct irm_evidence *x)
{
	struct json_object *irm = irm_json_get(o, "irm");
	const char *what = irm_json_str(irm, "indicator");
	const char *ts = irm_json_str(o, "@timestamp");
	long long score = 0;
	int bar;

	irm_json_int(irm, "score", &score);
	bar = (int)(score / 5);
	fprintf(out, "  %.10s  %3lld %-20.*s ", ts ? ts : "?", score, bar,
	    "####################");
	irm_case_put_safe(out, what ? what : irm_json_str(irm, "insight"));
	fprintf(out, "  (%s, revision %s)\n",
	    irm_json_str(irm_json_get(o, "event"), "id"),
	    irm_json_str(irm, "revision"));
	if (irm_json_get(irm, "trigger")) {
		fprintf(out, "      trigger: ");
		irm_case_put_safe(out,
		    irm_json_str(irm_json_get(irm, "trigger"), "activity"));
		fprintf(out, " at %s\n",
		    irm_json_str(irm_json_get(irm, "trigger"), "@timestamp"));
	}
	show_factors(out, irm);
	show_evidence(out, irm, x);
}

/* Who acted: the display name, then the Unix user (irm-store(5)). */
static void
put_who(FILE *out, const char *by, const char *actor)
{
	irm_case_put_safe(out, by);
	fprintf(out, " (");
	irm_case_put_safe(out, actor && *actor ? actor : "no actor");
	fputc(')', out);
}

/* A note: when, who, its kind (printed with kindfmt), the text. */
static void
put_note(FILE *out, const struct irm_note *n, const char *kindfmt)
{
	char ts[IRM_TIME_LEN];

	irm_time_format(n->at, ts);
	fprintf(out, "  %s  ", ts);
	put_who(out, n->by, n->actor);
	fprintf(out, kindfmt, n->kind);
	irm_case_put_safe(out, n->text);
	fputc('\n', out);
}

static void
show_history(FILE *out, const struct irm_state *st, const char *id)
{
	size_t i;

	for (i = 0; i < st->nalert_notes; i++)
		if (strcmp(st->alert_note_ids[i], id) == 0)
			put_note(out, &st->alert_notes[i], "  %s  ");
}

/* Timeline order: by @timestamp (RFC 3339 UTC sorts as text), then as
 * journaled: an insertion sort, which is stable. */
static void
sort_ins(struct json_object **v, size_t n)
{
	struct json_object *x;
	const char *tx, *ty;
	size_t i, j;

	for (i = 1; i < n; i++) {
		x = v[i];
		tx = irm_json_str(x, "@timestamp");
		for (j = i; j > 0; j--) {
			ty = irm_json_str(v[j - 1], "@timestamp");
			if (strcmp(ty ? ty : "", tx ? tx : "") <= 0)
				break;
			v[j] = v[j - 1];
		}
		v[j] = x;
	}
}

/*
 * The events behind the collected insights, from the events file, in one
 * pass that keeps only them; what could not be joined is said once.
 */
void
irm_case_show_alert(FILE *out, const struct irm_state *st,
    struct json_object **ins, size_t n, const struct irm_alert *al,
    const struct irm_evidence *x)
{
	char a[IRM_TIME_LEN], b[IRM_TIME_LEN];
	size_t i;

	fprintf(out, "alert %s  %s %d  %s\nuser      ", al->id,
	    irm_severity_name(irm_alert_severity(al)), irm_alert_score(al),
	    irm_alert_status_name(al->status));
	irm_case_put_safe(out, al->user);
	fprintf(out, "\npolicy    ");
	irm_case_put_safe(out, al->policy);
	fprintf(out, "\nepisode   %d\nseen      %s to %s\n", al->episode,
	    day_of(al->first, a), day_of(al->last, b));
	if (al->case_id)
		fprintf(out, "case      %s\n", al->case_id);
	fprintf(out, "factors   ");
	for (i = 0; i < al->nfactors; i++) {
		fprintf(out, "%s", i ? ", " : "");
		irm_case_put_safe(out, al->factors[i]);
	}
	sort_ins(ins, n);
	fprintf(out,
	    "\n\ntimeline (day, score, insight), factors and evidence%s:\n",
	    x ? " with its events (time, activity, object, source IP, device)"
	      : "");
	for (i = 0; i < n; i++)
		show_insight(out, ins[i], x);
	fprintf(out, "\nhistory:\n");
	show_history(out, st, al->id);
}

void
irm_case_show_case(
    FILE *out, const struct irm_state *st, const struct irm_case *k)
{
	char ts[IRM_TIME_LEN];
	struct irm_alert *al;
	size_t i;

	fprintf(out, "case %s  %s", k->id,
	    k->status == IRM_CASE_ACTIVE ? "active" : "closed");
	if (k->resolution)
		fprintf(out, " (%s)", k->resolution);
	fprintf(out, "\nname      ");
	irm_case_put_safe(out, k->name);
	fprintf(out, "\nuser      ");
	irm_case_put_safe(out, k->user);
	irm_time_format(k->opened, ts);
	fprintf(out, "\nopened    %s\n", ts);
	irm_time_format(k->updated, ts);
	fprintf(out, "updated   %s by ", ts);
	put_who(out, k->updated_by, k->updated_actor);
	fprintf(out, "\n\nalerts:\n");
	for (i = 0; i < k->nalerts; i++)
		if ((al = irm_alerts_find(st->alerts, k->alerts[i])) != NULL) {
			fprintf(out, "  %s  %-6s %3d  %-12s ", al->id,
			    irm_severity_name(irm_alert_severity(al)),
			    irm_alert_score(al),
			    irm_alert_status_name(al->status));
			irm_case_put_safe(out, al->policy);
			fputc('\n', out);
		}
	fprintf(out, "\nnotes:\n");
	for (i = 0; i < k->nnotes; i++)
		put_note(out, &k->notes[i], "  %-8s ");
}
