/*
 * score_write.c - the parts every insight is written with: its id and
 * head, the trigger, the factors and evidence lists (irm-insight(5)).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_json.h"
#include "irm_score.h"
#include "score_int.h"

static const char *
trig_activity(int type)
{
	switch (type) {
	case IRM_TRIG_RESIGNATION:
		return "hr_resignation";
	case IRM_TRIG_REVIEW:
		return "hr_review";
	case IRM_TRIG_JOB_CHANGE:
		return "hr_job_change";
	case IRM_TRIG_PIP:
		return "hr_pip";
	case IRM_TRIG_DELETED:
		return "account_deleted";
	case IRM_TRIG_DLP:
		return "dlp_matched";
	case IRM_TRIG_ALERT:
		return "security_alert";
	case IRM_TRIG_EXFIL:
		return "exfiltration";
	case IRM_TRIG_CUSTOM:
		return "custom";
	case IRM_TRIG_RISKY_SIGNAL:
		return "risky_user_signal";
	case IRM_TRIG_JOB_SEARCH:
		return "job_search";
	case IRM_TRIG_IMPERSONATION:
		return "impersonation";
	default:
		return "start_scoring";
	}
}

void
irm_eng_write_list(struct irm_buf *out, const struct irm_strv *l)
{
	size_t i;

	irm_buf_addc(out, '[');
	for (i = 0; l != NULL && i < l->n; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_eng_quote_cut(out, l->v[i]);
	}
	irm_buf_addc(out, ']');
}

/* ",KEY:" and the list (NULL: empty). */
void
irm_eng_add_list(struct irm_buf *out, const char *key, const struct irm_strv *l)
{
	irm_buf_printf(out, ",\"%s\":", key);
	irm_eng_write_list(out, l);
}

static void
insight_id(const struct irm_policy *p, const char *user, int64_t day,
    const char *key, char *out)
{
	struct irm_buf b;
	char hex[65];

	irm_buf_init(&b, 1 << 20);
	irm_buf_printf(&b, "%s%c%s%c%lld%c%s", p->name, 0, user, 0,
	    (long long)day, 0, key);
	irm_sha256_hex(b.data, b.len, hex);
	irm_buf_free(&b);
	memcpy(out, "ins-", 4);
	memcpy(out + 4, hex, 20);
	out[24] = '\0';
}

/* The keys every insight starts with, up to the irm object's first. */
static void
write_head(struct irm_buf *out, const struct irm_policy *p, const char *user,
    const char *day, const char *iid, int sev)
{
	irm_buf_printf(out,
	    "{\"@timestamp\":\"%s\",\"ecs\":{\"version\":\"" IRM_ECS_VERSION
	    "\"},\"event\":{\"kind\":\"enrichment\",\"id\":\"%s\","
	    "\"severity\":%d},\"user\":{\"name\":",
	    day, iid, sev);
	irm_json_quote(out, user);
	irm_buf_adds(out, "},\"rule\":{\"name\":");
	irm_json_quote(out, p->name);
	irm_buf_adds(out, ",\"ruleset\":");
	irm_json_quote(out, p->template);
}

int
irm_eng_insight_head(struct irm_buf *out, const struct irm_policy *p,
    const char *user, int64_t day, const char *key, int score, char *daytext)
{
	char iid[32];
	int sev = irm_severity_of(score);

	insight_id(p, user, day, key, iid);
	irm_time_format(day * DAY_MS, daytext);
	write_head(out, p, user, daytext, iid, sev);
	return sev;
}

void
irm_eng_write_trigger(struct irm_buf *out, const struct trig *t)
{
	char ts[IRM_TIME_LEN];

	if (t == NULL)
		return;
	irm_time_format(t->ts, ts);
	irm_buf_printf(out,
	    ",\"trigger\":{\"activity\":\"%s\",\"@timestamp\":\"%s\"}",
	    trig_activity(t->type), ts);
}

void
irm_eng_write_factors(struct irm_buf *out, const struct factor *f, int nf)
{
	int i;

	irm_buf_adds(out, ",\"factors\":[");
	for (i = 0; i < nf; i++) {
		irm_buf_printf(out,
		    "%s{\"name\":\"%s\",\"detail\":", i ? "," : "", f[i].name);
		irm_json_quote(out, f[i].detail);
		if (f[i].x == 0)
			irm_buf_printf(out, ",\"points\":%.17g}", f[i].points);
		else
			irm_buf_printf(out, ",\"x\":%g}", f[i].x);
	}
	irm_buf_addc(out, ']');
}
