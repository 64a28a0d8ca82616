/*
 * score_policy.c - policy templates and policy files of irm-score.  A
 * template fills every field of a policy; a policy file (JSON with
 * comments, irm-policy(5)) names its template and overrides fields.  Every
 * problem in a file becomes a lint message with the file and the line of
 * the value, and a file with problems yields no policy.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"

/* The length of a JSON path built for a line lookup or a message. */
#define PATH_MAX_LEN 512

/* ------------------------------------------------------------- triggers */

static const struct {
	enum irm_trigger bit;
	const char *name;
} triggers[] = {
    {IRM_TRIG_RESIGNATION, "hr_resignation"},
    {IRM_TRIG_REVIEW, "hr_review"},
    {IRM_TRIG_JOB_CHANGE, "hr_job_change"},
    {IRM_TRIG_PIP, "hr_pip"},
    {IRM_TRIG_DELETED, "account_deleted"},
    {IRM_TRIG_DLP, "dlp_matched"},
    {IRM_TRIG_ALERT, "security_alert"},
    {IRM_TRIG_EXFIL, "exfiltration"},
    {IRM_TRIG_CUSTOM, "custom"},
    {IRM_TRIG_MANUAL, "start_scoring"},
    {IRM_TRIG_RISKY_SIGNAL, "risky_user_signal"},
    {IRM_TRIG_JOB_SEARCH, "job_search"},
    {IRM_TRIG_IMPERSONATION, "impersonation"},
};

#define NTRIGGERS (sizeof(triggers) / sizeof(triggers[0]))

/*
 * The policy-file name of one trigger bit ("hr_resignation", ...), or
 * NULL when t is not exactly one known bit.  The string is static.
 */
const char *
irm_trigger_name(enum irm_trigger t)
{
	size_t i;

	for (i = 0; i < NTRIGGERS; i++) {
		if (triggers[i].bit == t)
			return triggers[i].name;
	}
	return NULL;
}

/* The trigger bit called name (exact, case included), or 0. */
int
irm_trigger_parse(const char *name)
{
	size_t i;

	for (i = 0; i < NTRIGGERS; i++) {
		if (strcmp(triggers[i].name, name) == 0)
			return (int)triggers[i].bit;
	}
	return 0;
}

/* ------------------------------------------------------------ templates */

/* What the data templates watch: Office and device activity. */
static const char *const data_set[] = {"sharepoint_download",
    "onedrive_download", "sync_download", "file_shared_external",
    "anonymous_link", "site_external_member", "label_downgraded",
    "label_removed", "priority_file_accessed", "cloud_file_deleted",
    "email_external_attachments", "email_personal_domain", "email_self",
    "email_forwarding_rule", "usb_copy", "cloud_upload", "print",
    "network_share_copy", "bluetooth_transfer", "clipboard_sensitive",
    "rdp_copy", "browser_download_unallowed", "browser_download_third_party",
    "file_renamed", "file_archived", "device_file_deleted", NULL};

/* What the security templates watch. */
static const char *const security_set[] = {"defense_evasion",
    "unwanted_software", "email_as_other", "usb_mount", "after_hours_logon",
    "browse_risky", "badge_failed_priority_asset", "inbox_rule_hiding",
    "admin_burst", "signin_new_ip", "signin_new_agent", "logon_new_host",
    "anonymous_access", NULL};

static const char *const browsing_set[] = {
    "browse_risky", "browser_download_unallowed", NULL};

static const char *const departing_set[] = {"badge_after_termination", NULL};

static const char *const custom_set[] = {"custom", NULL};

#define TRIG_DEPARTING                                                         \
	(IRM_TRIG_RESIGNATION | IRM_TRIG_DELETED | IRM_TRIG_JOB_SEARCH |       \
	    IRM_TRIG_MANUAL)
#define TRIG_RISKY                                                             \
	(IRM_TRIG_REVIEW | IRM_TRIG_JOB_CHANGE | IRM_TRIG_PIP |                \
	    IRM_TRIG_RISKY_SIGNAL | IRM_TRIG_MANUAL)
#define TRIG_LEAKS (IRM_TRIG_DLP | IRM_TRIG_EXFIL | IRM_TRIG_MANUAL)
#define TRIG_ALERTS (IRM_TRIG_ALERT | IRM_TRIG_IMPERSONATION | IRM_TRIG_MANUAL)

static const struct tmpl {
	const char *name;
	int triggers;
	const char *const *set, *const *extra;
	int priority_users_only;
	int sequences; /* and cumulative exfiltration */
} tmpls[] = {
    {"data_theft_departing", TRIG_DEPARTING, data_set, departing_set, 0, 1},
    {"data_leaks", TRIG_LEAKS, data_set, NULL, 0, 1},
    {"data_leaks_priority_users", TRIG_LEAKS, data_set, NULL, 1, 1},
    {"data_leaks_risky_users", TRIG_RISKY, data_set, NULL, 0, 1},
    {"security_violations", TRIG_ALERTS, security_set, NULL, 0, 0},
    {"security_violations_departing", TRIG_DEPARTING, security_set,
        departing_set, 0, 0},
    {"security_violations_priority_users", TRIG_ALERTS, security_set, NULL, 1,
        0},
    {"security_violations_risky_users", TRIG_RISKY, security_set, NULL, 0, 0},
    {"risky_browsing", 0, browsing_set, NULL, 0, 0},
    {"custom", IRM_TRIG_CUSTOM | IRM_TRIG_MANUAL, custom_set, NULL, 0, 0},
};

#define NTMPLS (sizeof(tmpls) / sizeof(tmpls[0]))

const char *const irm_templates[] = {"data_theft_departing", "data_leaks",
    "data_leaks_priority_users", "data_leaks_risky_users",
    "security_violations", "security_violations_departing",
    "security_violations_priority_users", "security_violations_risky_users",
    "risky_browsing", "custom", NULL};

static const struct tmpl *
tmpl_find(const char *name)
{
	size_t i;

	for (i = 0; i < NTMPLS; i++) {
		if (irm_strcaseeq(tmpls[i].name, name))
			return &tmpls[i];
	}
	return NULL;
}

static void
enable_set(struct irm_policy *p, const char *const *set)
{
	int i;

	for (; set != NULL && *set != NULL; set++) {
		if ((i = irm_indicator_find(*set)) >= 0)
			p->ind[i].enabled = 1;
	}
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * Fill every field of p from the template called template, except name
 * and file, which are kept.  p must be zeroed or filled before; its
 * template and users lists are replaced (the old ones freed).  Every
 * indicator gets the catalogue's weight and thresholds, and the template's
 * own are enabled.  Returns 0, or -1 (p untouched) when there is no such
 * template.
 */
int
irm_template_fill(struct irm_policy *p, const char *template)
{
	const struct tmpl *t;
	size_t i;

	if ((t = tmpl_find(template)) == NULL)
		return -1;
	free(p->template);
	p->template = irm_xstrdup(t->name);
	strv_free(p->include, p->ninclude);
	strv_free(p->exclude, p->nexclude);
	p->include = irm_xmalloc(sizeof(*p->include));
	p->include[0] = irm_xstrdup("*");
	p->ninclude = 1;
	p->exclude = NULL;
	p->nexclude = 0;
	p->triggers = t->triggers;
	p->before_days = 90;
	p->after_days = 30;
	memset(p->ind, 0, sizeof(p->ind));
	for (i = 0; i < irm_nindicators; i++) {
		p->ind[i].weight = irm_indicators[i].weight;
		memcpy(p->ind[i].thresholds, irm_indicators[i].thresholds,
		    sizeof(p->ind[i].thresholds));
	}
	enable_set(p, t->set);
	enable_set(p, t->extra);
	p->priority_only = 0;
	p->priority_users_only = t->priority_users_only;
	p->boost_unusual = 1;
	p->boost_priority_user = 1;
	p->boost_previous = 1;
	p->boost_after = 1;
	p->sequences = t->sequences;
	p->cumulative = t->sequences;
	p->user_risk = strcmp(t->name, "custom") != 0;
	p->min_score = 34;
	return 0;
}

/* ------------------------------------------------------------- patterns */

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Does pattern match s?  '*' matches any run of characters; the rest
 * compares ignoring ASCII case. */
static int
glob_match(const char *p, const char *s)
{
	const char *star = NULL, *back = NULL;

	while (*s != '\0') {
		if (*p == '*') {
			star = p++;
			back = s;
		} else if (*p != '\0' && lower(*p) == lower(*s)) {
			p++;
			s++;
		} else if (star != NULL) {
			p = star + 1;
			s = ++back;
		} else {
			return 0;
		}
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

static int
any_match(char *const *pats, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (glob_match(pats[i], s))
			return 1;
	}
	return 0;
}

/*
 * Is user in the users scope of p: matched by an include pattern and by no
 * exclude pattern?  Patterns ignore ASCII case.  priority_users_only is
 * not looked at here (it needs the settings).
 */
int
irm_policy_covers(const struct irm_policy *p, const char *user)
{
	return any_match(p->include, p->ninclude, user) &&
	    !any_match(p->exclude, p->nexclude, user);
}

size_t
irm_policies_lint_scope(const struct irm_policy *p, size_t n,
    const struct irm_settings *s, struct irm_lint *lint)
{
	size_t i, j, k, added = 0;
	char q[IRM_QUOTE_LEN];

	if (s->npeople == 0)
		return 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < p[i].ninclude; j++) {
			for (k = 0; k < s->npeople; k++)
				if (glob_match(
				        p[i].include[j], s->people[k].user))
					break;
			if (k < s->npeople)
				continue;
			irm_str_quote(
			    p[i].include[j], strlen(p[i].include[j]), q);
			irm_lint_add(lint, NULL, NULL,
			    "%s: users.include[%zu]: \"%s\" matches no user of the directory",
			    p[i].file, j, q);
			added++;
		}
	return added;
}

/* ---------------------------------------------------------------- lint */

/* The state of one file being read. */
struct ctx {
	const struct irm_conf *c;
	struct irm_lint *l;
	const struct irm_pseudo *pseudo;
	struct irm_policy *p;
};

/*
 * Paths name members as irm_conf records them: "a.b", "a[2]".  A path too
 * long for the buffer is cut; its message then has no line.
 */
static void
path_key(char *out, const char *parent, const char *key)
{
	int n;

	if (*parent == '\0')
		n = snprintf(out, PATH_MAX_LEN, "%s", key);
	else
		n = snprintf(out, PATH_MAX_LEN, "%s.%s", parent, key);
	if (n < 0)
		out[0] = '\0';
}

static void
path_idx(char *out, const char *parent, size_t i)
{
	if (snprintf(out, PATH_MAX_LEN, "%s[%zu]", parent, i) < 0)
		out[0] = '\0';
}

/* Check the type of v; lint "PATH: expected WHAT" when it is wrong. */
static int
want(struct ctx *x, const char *path, struct json_object *v, json_type t,
    const char *what)
{
	if (json_object_is_type(v, t))
		return 0;
	if (*path == '\0')
		irm_lint_add(x->l, x->c, path, "expected %s", what);
	else
		irm_lint_add(x->l, x->c, path, "%s: expected %s", path, what);
	return -1;
}

static int
get_bool(struct ctx *x, const char *path, struct json_object *v, int *out)
{
	if (want(x, path, v, json_type_boolean, "a boolean") == -1)
		return -1;
	*out = json_object_get_boolean(v) ? 1 : 0;
	return 0;
}

static int
get_int(struct ctx *x, const char *path, struct json_object *v, int lo, int hi,
    int *out)
{
	int64_t n;

	if (want(x, path, v, json_type_int, "an integer") == -1)
		return -1;
	n = json_object_get_int64(v);
	if (n < lo || n > hi) {
		irm_lint_add(x->l, x->c, path, "%s: not in %d..%d: %lld", path,
		    lo, hi, (long long)n);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* ------------------------------------------------------- scalar objects */

enum { F_BOOL, F_INT };

/* A member that sets one int field of struct irm_policy. */
struct field {
	const char *key;
	int kind, lo, hi;
	size_t off;
};

#define FIELD(k, kind, lo, hi, f)                                              \
	{                                                                      \
		k, kind, lo, hi, offsetof(struct irm_policy, f)                \
	}

static const struct field root_fields[] = {
    FIELD("priority_only", F_BOOL, 0, 1, priority_only),
    FIELD("sequences", F_BOOL, 0, 1, sequences),
    FIELD("cumulative_exfiltration", F_BOOL, 0, 1, cumulative),
    FIELD("user_risk", F_BOOL, 0, 1, user_risk),
    {NULL, 0, 0, 0, 0},
};

static const struct field window_fields[] = {
    FIELD("before_days", F_INT, 0, 365, before_days),
    FIELD("after_days", F_INT, 0, 365, after_days),
    {NULL, 0, 0, 0, 0},
};

static const struct field booster_fields[] = {
    FIELD("unusual_activity", F_BOOL, 0, 1, boost_unusual),
    FIELD("priority_user", F_BOOL, 0, 1, boost_priority_user),
    FIELD("previous_violation", F_BOOL, 0, 1, boost_previous),
    FIELD("after_hours", F_BOOL, 0, 1, boost_after),
    {NULL, 0, 0, 0, 0},
};

static const struct field alert_fields[] = {
    FIELD("min_score", F_INT, 0, 100, min_score),
    {NULL, 0, 0, 0, 0},
};

static const struct field *
field_find(const struct field *f, const char *key)
{
	for (; f->key != NULL; f++) {
		if (strcmp(f->key, key) == 0)
			return f;
	}
	return NULL;
}

static const char *const user_keys[] = {"include", "exclude", NULL};
static const char *const indicator_keys[] = {"weight", "thresholds", NULL};

/* " (did you mean \"NAME\"?)" for a suggestion, "" for none (static). */
static const char *
did_you_mean(const struct irm_suggest *g, char *buf, size_t n)
{
	if (g->best == NULL)
		return "";
	snprintf(buf, n, " (did you mean \"%s\"?)", g->best);
	return buf;
}

/* Lint an unknown key of parent; names lists the known ones (NULL-ended)
 * and fields more of them, for a did-you-mean (either may be NULL). */
static void
unknown_key(struct ctx *x, const char *parent, const char *key,
    const char *const *names, const struct field *fields)
{
	char path[PATH_MAX_LEN], q[IRM_QUOTE_LEN], hint[96];
	struct irm_suggest g;

	irm_suggest_init(&g, key);
	for (; names && *names; names++)
		irm_suggest_add(&g, *names);
	for (; fields && fields->key; fields++)
		irm_suggest_add(&g, fields->key);
	path_key(path, parent, key);
	irm_str_quote(key, strlen(key), q);
	irm_lint_add(x->l, x->c, path, "unknown key: %s%s%s%s", parent,
	    *parent == '\0' ? "" : ".", q,
	    did_you_mean(&g, hint, sizeof(hint)));
}

static void
set_field(struct ctx *x, const struct field *f, const char *path,
    struct json_object *v)
{
	int *dst = (int *)(void *)((char *)x->p + f->off);

	if (f->kind == F_BOOL)
		get_bool(x, path, v, dst);
	else
		get_int(x, path, v, f->lo, f->hi, dst);
}

/* An object whose members are all scalar fields (window, boosters,
 * alert). */
static void
parse_fields(struct ctx *x, const char *path, struct json_object *v,
    const struct field *fields)
{
	struct json_object_iterator it, end;
	const struct field *f;
	char sub[PATH_MAX_LEN];
	const char *key;

	if (want(x, path, v, json_type_object, "an object") == -1)
		return;
	it = json_object_iter_begin(v);
	end = json_object_iter_end(v);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		key = json_object_iter_peek_name(&it);
		if ((f = field_find(fields, key)) == NULL) {
			unknown_key(x, path, key, NULL, fields);
			continue;
		}
		path_key(sub, path, key);
		if (json_object_iter_peek_value(&it) != NULL)
			set_field(x, f, sub, json_object_iter_peek_value(&it));
	}
}

/* ---------------------------------------------------------------- users */

/* A pattern as stored: lower-cased, and pseudonymized when it names one
 * user (no '*') and pseudo is set. */
static char *
pattern_take(const struct irm_pseudo *pseudo, const char *s)
{
	char out[IRM_PSEUDO_LEN], *r;
	size_t i;

	if (pseudo != NULL && strchr(s, '*') == NULL) {
		irm_pseudonym(pseudo, s, strlen(s), out);
		return irm_xstrdup(out);
	}
	r = irm_xstrdup(s);
	for (i = 0; r[i] != '\0'; i++)
		r[i] = lower(r[i]);
	return r;
}

static void
parse_patterns(struct ctx *x, const char *path, struct json_object *v,
    char ***outv, size_t *outn)
{
	struct json_object *e;
	char sub[PATH_MAX_LEN];
	size_t i, n;

	if (want(x, path, v, json_type_array, "an array") == -1)
		return;
	strv_free(*outv, *outn);
	n = json_object_array_length(v);
	*outv = irm_xcalloc(n ? n : 1, sizeof(**outv));
	*outn = 0;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		path_idx(sub, path, i);
		if (want(x, sub, e, json_type_string, "a string") == -1)
			continue;
		if (json_object_get_string_len(e) == 0) {
			irm_lint_add(x->l, x->c, sub, "%s: empty pattern", sub);
			continue;
		}
		(*outv)[(*outn)++] =
		    pattern_take(x->pseudo, json_object_get_string(e));
	}
}

/* Is every include pattern covered by an exclude pattern?  An exclude
 * pattern that matches an include pattern's text matches every user it
 * matches, since '*' in the include text can only meet a '*'. */
static int
scope_cancelled(const struct irm_policy *p)
{
	size_t i;

	for (i = 0; i < p->ninclude; i++) {
		if (!any_match(p->exclude, p->nexclude, p->include[i]))
			return 0;
	}
	return 1;
}

static void
parse_users(struct ctx *x, struct json_object *v)
{
	struct json_object_iterator it, end;
	struct json_object *uv;
	const char *key;
	size_t errs = x->l->n;

	if (want(x, "users", v, json_type_object, "an object") == -1)
		return;
	it = json_object_iter_begin(v);
	end = json_object_iter_end(v);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		key = json_object_iter_peek_name(&it);
		uv = json_object_iter_peek_value(&it);
		if (strcmp(key, "include") == 0 && uv != NULL)
			parse_patterns(x, "users.include", uv, &x->p->include,
			    &x->p->ninclude);
		else if (strcmp(key, "exclude") == 0 && uv != NULL)
			parse_patterns(x, "users.exclude", uv, &x->p->exclude,
			    &x->p->nexclude);
		else if (strcmp(key, "include") != 0 &&
		    strcmp(key, "exclude") != 0)
			unknown_key(x, "users", key, user_keys, NULL);
	}
	if (x->l->n != errs)
		return;
	if (x->p->ninclude == 0)
		irm_lint_add(
		    x->l, x->c, "users.include", "users.include: empty scope");
	else if (scope_cancelled(x->p))
		irm_lint_add(x->l, x->c, "users.exclude",
		    "users.exclude: empty scope (every included user is excluded)");
}

/* ------------------------------------------------------------- triggers */

static void
parse_triggers(struct ctx *x, struct json_object *v)
{
	struct json_object *e;
	char sub[PATH_MAX_LEN], q[IRM_QUOTE_LEN], hint[96];
	const char *s;
	size_t i, n, k;
	int t, bits = 0;
	struct irm_suggest g;

	if (want(x, "triggers", v, json_type_array, "an array") == -1)
		return;
	n = json_object_array_length(v);
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		path_idx(sub, "triggers", i);
		if (want(x, sub, e, json_type_string, "a string") == -1)
			continue;
		s = json_object_get_string(e);
		if ((t = irm_trigger_parse(s)) == 0) {
			irm_suggest_init(&g, s);
			for (k = 0; k < NTRIGGERS; k++)
				irm_suggest_add(&g, triggers[k].name);
			irm_str_quote(s, strlen(s), q);
			irm_lint_add(x->l, x->c, sub,
			    "%s: unknown trigger: \"%s\"%s", sub, q,
			    did_you_mean(&g, hint, sizeof(hint)));
			continue;
		}
		bits |= t;
	}
	x->p->triggers = bits;
}

/* ----------------------------------------------------------- indicators */

static void
parse_thresholds(
    struct ctx *x, const char *path, struct json_object *v, int *out)
{
	struct json_object *e;
	int64_t n[3];
	size_t i;

	if (!json_object_is_type(v, json_type_array) ||
	    json_object_array_length(v) != 3)
		goto bad;
	for (i = 0; i < 3; i++) {
		e = json_object_array_get_idx(v, i);
		if (!json_object_is_type(e, json_type_int))
			goto bad;
		n[i] = json_object_get_int64(e);
		if (n[i] < 1 || n[i] > 1000000000)
			goto bad;
	}
	if (!(n[0] < n[1] && n[1] < n[2])) {
		irm_lint_add(x->l, x->c, path,
		    "%s: not strictly increasing (low < medium < high)", path);
		return;
	}
	for (i = 0; i < 3; i++)
		out[i] = (int)n[i];
	return;
bad:
	irm_lint_add(
	    x->l, x->c, path, "%s: expected 3 positive integers", path);
}

static void
parse_indicator(struct ctx *x, const char *path, int idx, struct json_object *v)
{
	struct irm_pol_ind *pi = &x->p->ind[idx];
	struct json_object_iterator it, end;
	struct json_object *mv;
	char sub[PATH_MAX_LEN];
	const char *key;

	if (json_object_is_type(v, json_type_boolean)) {
		pi->enabled = json_object_get_boolean(v) ? 1 : 0;
		return;
	}
	if (!json_object_is_type(v, json_type_object)) {
		irm_lint_add(x->l, x->c, path,
		    "%s: expected a boolean or an object", path);
		return;
	}
	pi->enabled = 1;
	it = json_object_iter_begin(v);
	end = json_object_iter_end(v);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		key = json_object_iter_peek_name(&it);
		mv = json_object_iter_peek_value(&it);
		path_key(sub, path, key);
		if (strcmp(key, "weight") == 0 && mv != NULL)
			get_int(x, sub, mv, 0, 100, &pi->weight);
		else if (strcmp(key, "thresholds") == 0 && mv != NULL)
			parse_thresholds(x, sub, mv, pi->thresholds);
		else if (strcmp(key, "weight") != 0 &&
		    strcmp(key, "thresholds") != 0)
			unknown_key(x, path, key, indicator_keys, NULL);
	}
}

static void
parse_indicators(struct ctx *x, struct json_object *v)
{
	struct json_object_iterator it, end;
	char path[PATH_MAX_LEN], q[IRM_QUOTE_LEN], hint[96];
	const char *key;
	int idx;
	size_t k;
	struct irm_suggest g;

	if (want(x, "indicators", v, json_type_object, "an object") == -1)
		return;
	it = json_object_iter_begin(v);
	end = json_object_iter_end(v);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		key = json_object_iter_peek_name(&it);
		path_key(path, "indicators", key);
		if ((idx = irm_indicator_find(key)) < 0) {
			irm_suggest_init(&g, key);
			for (k = 0; k < irm_nindicators; k++)
				irm_suggest_add(&g, irm_indicators[k].name);
			irm_str_quote(key, strlen(key), q);
			irm_lint_add(x->l, x->c, path,
			    "indicators: unknown indicator: \"%s\"%s", q,
			    did_you_mean(&g, hint, sizeof(hint)));
			continue;
		}
		if (json_object_iter_peek_value(&it) != NULL)
			parse_indicator(
			    x, path, idx, json_object_iter_peek_value(&it));
	}
}

/* ----------------------------------------------------------------- root */

static void
check_name(struct ctx *x, struct json_object *v)
{
	if (want(x, "name", v, json_type_string, "a string") == -1)
		return;
	if (json_object_get_string_len(v) == 0) {
		irm_lint_add(x->l, x->c, "name", "name: empty");
		return;
	}
	free(x->p->name);
	x->p->name = irm_xstrdup(json_object_get_string(v));
}

static void
check_template(struct ctx *x, struct json_object *v)
{
	char q[IRM_QUOTE_LEN], hint[96];
	const char *s;
	size_t k;
	struct irm_suggest g;

	if (want(x, "template", v, json_type_string, "a string") == -1)
		return;
	s = json_object_get_string(v);
	if (tmpl_find(s) == NULL) {
		irm_suggest_init(&g, s);
		for (k = 0; k < NTMPLS; k++)
			irm_suggest_add(&g, tmpls[k].name);
		irm_str_quote(s, strlen(s), q);
		irm_lint_add(x->l, x->c, "template",
		    "template: unknown template: \"%s\"%s", q,
		    did_you_mean(&g, hint, sizeof(hint)));
	}
}

static const char *const root_keys[] = {"name", "template", "users", "triggers",
    "window", "indicators", "boosters", "alert", NULL};

/* Is key a member a policy may have?  JSON null there means absent. */
static int
is_known(const char *key)
{
	const char *const *k;

	for (k = root_keys; *k != NULL; k++) {
		if (strcmp(*k, key) == 0)
			return 1;
	}
	return field_find(root_fields, key) != NULL;
}

static void
parse_member(struct ctx *x, const char *key, struct json_object *v)
{
	const struct field *f;

	if (v == NULL && is_known(key))
		return;
	if (strcmp(key, "name") == 0)
		check_name(x, v);
	else if (strcmp(key, "template") == 0)
		check_template(x, v);
	else if (strcmp(key, "users") == 0)
		parse_users(x, v);
	else if (strcmp(key, "triggers") == 0)
		parse_triggers(x, v);
	else if (strcmp(key, "window") == 0)
		parse_fields(x, "window", v, window_fields);
	else if (strcmp(key, "indicators") == 0)
		parse_indicators(x, v);
	else if (strcmp(key, "boosters") == 0)
		parse_fields(x, "boosters", v, booster_fields);
	else if (strcmp(key, "alert") == 0)
		parse_fields(x, "alert", v, alert_fields);
	else if ((f = field_find(root_fields, key)) != NULL)
		set_field(x, f, key, v);
	else
		unknown_key(x, "", key, root_keys, root_fields);
}

/*
 * Read the policy in c into p (zeroed).  The template is applied first,
 * whatever the order of the keys, then every member overrides in file
 * order.  Problems go to x->l.
 */
static void
parse_policy(struct ctx *x)
{
	struct json_object *root = irm_conf_root(x->c), *tv = NULL, *nv = NULL;
	struct json_object_iterator it, end;
	const char *tname = NULL;

	if (!json_object_is_type(root, json_type_object)) {
		irm_lint_add(x->l, x->c, "", "expected an object");
		return;
	}
	json_object_object_get_ex(root, "template", &tv);
	json_object_object_get_ex(root, "name", &nv);
	if (json_object_is_type(tv, json_type_string))
		tname = json_object_get_string(tv);
	if (tname == NULL || irm_template_fill(x->p, tname) == -1)
		irm_template_fill(x->p, "custom");
	it = json_object_iter_begin(root);
	end = json_object_iter_end(root);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it))
		parse_member(x, json_object_iter_peek_name(&it),
		    json_object_iter_peek_value(&it));
	if (nv == NULL)
		irm_lint_add(x->l, x->c, "", "missing key: name");
	if (tv == NULL)
		irm_lint_add(x->l, x->c, "", "missing key: template");
}

/* ---------------------------------------------------------------- files */

/* The policies read so far. */
struct polv {
	struct irm_policy *v;
	size_t n, cap;
};

static void
policy_clear(struct irm_policy *p)
{
	free(p->name);
	free(p->file);
	free(p->template);
	strv_free(p->include, p->ninclude);
	strv_free(p->exclude, p->nexclude);
	memset(p, 0, sizeof(*p));
}

/*
 * Free n policies and the array that holds them.  NULL is fine.
 */
void
irm_policies_free(struct irm_policy *p, size_t n)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < n; i++)
		policy_clear(&p[i]);
	free(p);
}

static const struct irm_policy *
policy_named(const struct polv *pv, const char *name)
{
	size_t i;

	for (i = 0; i < pv->n; i++) {
		if (strcmp(pv->v[i].name, name) == 0)
			return &pv->v[i];
	}
	return NULL;
}

/* Read one policy file; keep the policy when it has no problem. */
static void
load_file(struct polv *pv, const char *path, const struct irm_pseudo *pseudo,
    struct irm_lint *l)
{
	struct irm_policy p;
	const struct irm_policy *dup;
	struct irm_conf *c;
	struct irm_error e;
	struct ctx x;
	char q[IRM_QUOTE_LEN];
	size_t errs = l->n;

	memset(&p, 0, sizeof(p));
	memset(&e, 0, sizeof(e));
	if ((c = irm_conf_load(path, &e)) == NULL) {
		irm_lint_add(l, NULL, NULL, "%s", e.msg);
		return;
	}
	x.c = c;
	x.l = l;
	x.pseudo = pseudo;
	x.p = &p;
	parse_policy(&x);
	if (l->n == errs && (dup = policy_named(pv, p.name)) != NULL) {
		irm_str_quote(p.name, strlen(p.name), q);
		irm_lint_add(l, x.c, "name",
		    "name: duplicate policy name: \"%s\" (first in %s)", q,
		    dup->file);
	}
	irm_conf_free(c);
	if (l->n != errs) {
		policy_clear(&p);
		return;
	}
	p.file = irm_xstrdup(path);
	if (pv->n == pv->cap) {
		pv->cap = pv->cap ? pv->cap * 2 : 8;
		pv->v = irm_xrealloc(pv->v, pv->cap * sizeof(*pv->v));
	}
	pv->v[pv->n++] = p;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does a directory entry name a policy file: NAME.json, not hidden? */
static int
policy_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* Read every regular NAME.json file of dir, in strcmp order of names. */
static void
load_dir(struct polv *pv, const char *dir, const struct irm_pseudo *pseudo,
    struct irm_lint *l)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	char **names = NULL, *path;
	size_t n = 0, cap = 0, i, len;
	const char *sep;

	if ((d = opendir(dir)) == NULL) {
		irm_lint_add(l, NULL, NULL, "%s: %s", dir, strerror(errno));
		return;
	}
	len = strlen(dir);
	sep = len > 0 && dir[len - 1] == '/' ? "" : "/";
	while ((de = readdir(d)) != NULL) {
		if (!policy_name(de->d_name))
			continue;
		path = irm_xmalloc(len + strlen(de->d_name) + 2);
		snprintf(path, len + strlen(de->d_name) + 2, "%s%s%s", dir, sep,
		    de->d_name);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = irm_xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = path;
	}
	closedir(d);
	if (n == 0)
		irm_lint_add(
		    l, NULL, NULL, "%s: no policies (no *.json file)", dir);
	else
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++)
		load_file(pv, names[i], pseudo, l);
	strv_free(names, n);
}

/*
 * Load the policies of paths, each a policy file or a directory of them
 * (every NAME.json that is a regular file, names in strcmp order, hidden
 * files skipped).  User patterns are lower-cased, and pseudonymized when
 * pseudo is set and they have no '*'.  Every problem goes to lint as
 * "FILE:LINE: problem" (or "PATH: problem" without a line).  Returns the
 * number of policies with *out holding them (owned: irm_policies_free), or
 * -1 with *out NULL when lint gained a problem.
 */
int
irm_policies_load(char *const *paths, size_t npaths,
    const struct irm_pseudo *pseudo, struct irm_policy **out,
    struct irm_lint *lint)
{
	struct polv pv = {NULL, 0, 0};
	struct stat st;
	size_t i, errs = lint->n;

	for (i = 0; i < npaths; i++) {
		if (stat(paths[i], &st) == -1)
			irm_lint_add(lint, NULL, NULL, "%s: %s", paths[i],
			    strerror(errno));
		else if (S_ISDIR(st.st_mode))
			load_dir(&pv, paths[i], pseudo, lint);
		else
			load_file(&pv, paths[i], pseudo, lint);
	}
	if (lint->n != errs) {
		irm_policies_free(pv.v, pv.n);
		*out = NULL;
		return -1;
	}
	*out = pv.v;
	return (int)pv.n;
}
