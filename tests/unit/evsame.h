/*
 * evsame.h - irm_ev_fast against json-c and irm_ev_parse on one line,
 * field for field: shared by tests/unit/test_evfast.c and the fuzz
 * target tests/fuzz/fuzz_evfast.c.  Static functions: include it once.
 */
#ifndef IRM_EVSAME_H
#define IRM_EVSAME_H

#include <json-c/json.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"

#define F(x)                                                                   \
	{                                                                      \
#x, offsetof(struct irm_ev, x)                                 \
	}
static const struct {
	const char *name;
	size_t off;
} strs[] = {F(id), F(user), F(target_user), F(activity), F(action), F(outcome),
    F(irm_severity), F(label), F(label_old), F(label_change), F(share_scope),
    F(share_target), F(asset), F(category), F(alert_category), F(indicator),
    F(file_name), F(file_ext), F(file_dir), F(file_path), F(file_prev),
    F(url_full), F(url_domain), F(dest_domain), F(email_subject), F(email_from),
    F(hr_resignation_date), F(hr_last_working_date), F(hr_effective_date),
    F(hr_rating), F(hr_old_level), F(hr_new_level), F(source_ip), F(user_agent),
    F(host_name), F(rule_name), F(rule_folder)};

static const char *
sfield(const struct irm_ev *ev, size_t off)
{
	return *(const char *const *)(const void *)((const char *)ev + off);
}

static int
same_str(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static int
same_list(const struct irm_strv *a, const struct irm_strv *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!same_str(a->v[i], b->v[i]))
			return 0;
	return 1;
}

/* The first field in which a and b differ, or NULL. */
static const char *
differ(const struct irm_ev *a, const struct irm_ev *b)
{
	size_t i;

	for (i = 0; i < sizeof(strs) / sizeof(*strs); i++)
		if (!same_str(sfield(a, strs[i].off), sfield(b, strs[i].off)))
			return strs[i].name;
	if (a->ts != b->ts)
		return "ts";
	if (a->day != b->day)
		return "day";
	if (a->severity != b->severity)
		return "severity";
	if (a->attachments != b->attachments)
		return "attachments";
	if (isnan(a->value) != isnan(b->value) ||
	    (!isnan(a->value) &&
	        memcmp(&a->value, &b->value, sizeof(a->value)) != 0))
		return "value";
	if (!same_list(&a->labels, &b->labels))
		return "labels";
	if (!same_list(&a->email_to, &b->email_to))
		return "email_to";
	if (!same_list(&a->rule_actions, &b->rule_actions))
		return "rule_actions";
	return NULL;
}

/*
 * Read line[0..len) with irm_ev_fast into fev and, when it says 0, with
 * json-c (tok, set up as irm_jread does) and irm_ev_parse into sev.
 * Returns the fast reader's 0 or 1, or -1 with *what naming the first
 * difference (a field, json-c's message, ...).
 */
static int
evsame_check(struct json_tokener *tok, struct irm_evfast *fs,
    struct irm_ev *fev, struct irm_ev *sev, const char *line, size_t len,
    const char **what)
{
	struct json_object *o;
	struct irm_error e;
	int fr = irm_ev_fast(line, len, fev, fs);

	*what = NULL;
	if (fr != 0 && fr != 1)
		*what = "return value";
	if (fr != 0)
		return *what ? -1 : fr;
	o = irm_json_parse(tok, line, len, &e);
	if (o == NULL)
		*what = "json-c: not JSON";
	else if (!json_object_is_type(o, json_type_object) ||
	    irm_json_get(o, "value") != NULL)
		*what = "not a record object for irm_jread";
	else if (irm_ev_parse(o, sev, &e) == -1)
		*what = "irm_ev_parse rejects it";
	else
		*what = differ(fev, sev);
	json_object_put(o);
	return *what ? -1 : 0;
}

#endif /* IRM_EVSAME_H */
