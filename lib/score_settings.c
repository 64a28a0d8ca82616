/*
 * score_settings.c - the irm-score settings file (DESIGN section 4,
 * irm-policy(5)): labels, domain lists, priority users and content,
 * exclusions, working hours, HR rules, unusual-activity limits and the
 * directory, every key optional.  The rules that match events against
 * them are in score_match.c.
 *
 * Loading checks every key and reports problems to a lint list with the
 * line they are on; a bad value leaves its default in place, so the
 * settings stay usable.  Keys are case-sensitive and JSON null stands
 * for an absent key.
 */

#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_csv.h"
#include "irm_json.h"
#include "irm_regex.h"
#include "irm_score.h"
#include "score_int.h"

/*
 * The default hr.poor_rating: the DESIGN example ^\s*[12]\b|... written
 * in POSIX extended syntax, which has no \s or \b.
 */
#define POOR_DEFAULT                                                           \
	"^[[:space:]]*[12]([^[:alnum:]_]|$)|below|poor|unsatisfactory"
#define RE_FLAGS (REG_EXTENDED | REG_ICASE | REG_NOSUB)

#define USERS_MAXLINE (64 * 1024)
#define DIR_MAXLINE (1024 * 1024)

/* What a settings load carries around. */
struct ld {
	struct irm_settings *s;
	const struct irm_conf *c;
	const struct irm_pseudo *pseudo;
	struct irm_lint *lint;
};

/* How the strings of a list are kept. */
enum how {
	AS_IS,
	LOWER,  /* keywords */
	IDENT,  /* identities: trimmed, lower-cased, pseudonymized */
	EXT,    /* extensions: without a leading '.', lower-cased */
	SITE,   /* URLs: lower-cased, without trailing '/' */
	DOMAIN, /* domain patterns */
	PATHPAT /* exclusion path patterns */
};

/* ---------------------------------------------------------- string help */

/* Append x to a list whose capacity doubles at powers of two. */
static void
push(char ***v, size_t *n, char *x)
{
	if ((*n & (*n - 1)) == 0)
		*v = irm_xrealloc(*v, (*n ? *n * 2 : 1) * sizeof(**v));
	(*v)[(*n)++] = x;
}

static void
free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* A path one level down: "a.b" for a member, "a[2]" for an element. */
static char *
pkey(const char *path, const char *key)
{
	struct irm_buf b;

	irm_buf_init(&b, (size_t)-1 / 2);
	irm_buf_printf(&b, "%s%s%s", path, *path ? "." : "", key);
	return irm_buf_take(&b);
}

static char *
pidx(const char *path, size_t i)
{
	struct irm_buf b;

	irm_buf_init(&b, (size_t)-1 / 2);
	irm_buf_printf(&b, "%s[%zu]", path, i);
	return irm_buf_take(&b);
}

/* Quote a path or value for a message (irm_str_quote). */
static const char *
q(const char *s, char *out)
{
	irm_str_quote(s, strlen(s), out);
	return out;
}

/*
 * An identity as irm-norm writes it: blanks trimmed, ASCII lower-cased,
 * then pseudonymized when a key is loaded.  Owned.
 */
static char *
ident_dup(const struct irm_pseudo *pseudo, const char *s, size_t len)
{
	char out[IRM_PSEUDO_LEN], *id;

	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 &&
	    (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	id = irm_xmalloc(len + 1);
	memcpy(id, s, len);
	id[len] = '\0';
	irm_ci_lower(id);
	if (pseudo == NULL)
		return id;
	irm_pseudonym(pseudo, id, len, out);
	free(id);
	return irm_xstrdup(out);
}

/* ------------------------------------------------------- value checking */

/*
 * Is v of type t?  Otherwise lint "PATH: expected WHAT".  JSON null is
 * taken as absent by the callers, before this.
 */
static int
want(struct ld *l, struct json_object *v, const char *path, json_type t,
    const char *what)
{
	char qb[IRM_QUOTE_LEN];

	if (json_object_is_type(v, t))
		return 1;
	if (*path == '\0')
		irm_lint_add(l->lint, l->c, path, "expected %s", what);
	else
		irm_lint_add(
		    l->lint, l->c, path, "%s: expected %s", q(path, qb), what);
	return 0;
}

/* Lint the members of object o that are not in known (NULL-ended). */
static void
check_keys(struct ld *l, struct json_object *o, const char *path,
    const char *const *known)
{
	const char *const *k;
	char qb[IRM_QUOTE_LEN], *p;
	struct irm_suggest g;

	json_object_object_foreach(o, key, val)
	{
		(void)val;
		irm_suggest_init(&g, key);
		for (k = known; *k != NULL; k++) {
			if (strcmp(*k, key) == 0)
				break;
			irm_suggest_add(&g, *k);
		}
		if (*k != NULL)
			continue;
		p = pkey(path, key);
		irm_lint_add(l->lint, l->c, p, "unknown key: %s%s%s%s",
		    q(p, qb), g.best ? " (did you mean \"" : "",
		    g.best ? g.best : "", g.best ? "\"?)" : "");
		free(p);
	}
}

static int
domain_ok(const char *d)
{
	const char *p;

	if (d[0] == '*' && d[1] == '.')
		d += 2;
	if (*d == '\0' || *d == '.' || d[strlen(d) - 1] == '.' ||
	    strstr(d, "..") != NULL)
		return 0;
	for (p = d; *p != '\0'; p++)
		if (!((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		        (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		        *p == '-' || *p == '.' || *p == '_'))
			return 0;
	return 1;
}

/* The problem with a list entry, or NULL. */
static const char *
entry_problem(const char *v, enum how how)
{
	if (v[strspn(v, " \t")] == '\0')
		return "empty string";
	if (how == DOMAIN && (strstr(v, "://") || strchr(v, '/')))
		return "a domain, not a URL: leave out the scheme and the path";
	if (how == DOMAIN && !domain_ok(v))
		return "bad domain pattern";
	if (how == EXT &&
	    strpbrk(v[0] == '*' && v[1] == '.' ? v + 2 : v, "*?/\\ \t") != NULL)
		return "an extension such as \"png\" (\".png\" and \"*.png\" are taken as \"png\"): this one can never match";
	if (how == PATHPAT)
		return irm_path_pattern_problem(v);
	if (how == SITE && *irm_url_skip_scheme(v) == '\0')
		return "bad site URL";
	return NULL;
}

/* An entry as it is kept (owned). */
static char *
entry_dup(struct ld *l, const char *v, enum how how)
{
	char *x;
	size_t n;

	if (how == IDENT)
		return ident_dup(l->pseudo, v, strlen(v));
	if (how == EXT && v[0] == '*' && v[1] == '.')
		v++;
	x = irm_xstrdup(how == EXT && *v == '.' ? v + 1 : v);
	if (how != AS_IS && how != PATHPAT)
		irm_ci_lower(x);
	if (how == SITE)
		for (n = strlen(x); n > 0 && x[n - 1] == '/'; n--)
			x[n - 1] = '\0';
	return x;
}

/*
 * Add the strings of array v to the list (*out, *n), kept as how says.
 * Bad entries are linted at their own line and left out.
 */
static void
strlist(struct ld *l, struct json_object *v, const char *path, enum how how,
    char ***out, size_t *n)
{
	struct json_object *el;
	const char *str, *why;
	char qb[IRM_QUOTE_LEN], qv[IRM_QUOTE_LEN], *p;
	size_t i;

	if (v == NULL ||
	    !want(l, v, path, json_type_array, "an array of strings"))
		return;
	for (i = 0; i < json_object_array_length(v); i++) {
		el = json_object_array_get_idx(v, i);
		p = pidx(path, i);
		if (!want(l, el, p, json_type_string, "a string")) {
			free(p);
			continue;
		}
		str = json_object_get_string(el);
		if ((why = entry_problem(str, how)) == NULL)
			push(out, n, entry_dup(l, str, how));
		else if (str[strspn(str, " \t")] == '\0')
			irm_lint_add(l->lint, l->c, p, "%s: %s", q(p, qb), why);
		else
			irm_lint_add(l->lint, l->c, p, "%s: %s: \"%s\"",
			    q(p, qb), why, q(str, qv));
		free(p);
	}
}

/* A string member, or NULL (null counts as absent; others are linted). */
static const char *
str_value(struct ld *l, struct json_object *v, const char *path)
{
	if (v == NULL || !want(l, v, path, json_type_string, "a string"))
		return NULL;
	return json_object_get_string(v);
}

/* ----------------------------------------------------------- the keys */

static void
do_labels(struct ld *l, struct json_object *v, const char *path)
{
	static const char *const known[] = {"id", "name", NULL};
	struct irm_settings *s = l->s;
	struct json_object *el;
	const char *id, *name;
	char qb[IRM_QUOTE_LEN], *p, *pi, *pn;
	size_t i, n;

	if (!want(l, v, path, json_type_array, "an array"))
		return;
	n = json_object_array_length(v);
	s->labels = irm_xcalloc(n, sizeof(*s->labels));
	for (i = 0; i < n; i++) {
		el = json_object_array_get_idx(v, i);
		p = pidx(path, i);
		if (!want(l, el, p, json_type_object,
		        "an object with an id and a name")) {
			free(p);
			continue;
		}
		check_keys(l, el, p, known);
		pi = pkey(p, "id");
		pn = pkey(p, "name");
		id = str_value(l, irm_json_get(el, "id"), pi);
		name = str_value(l, irm_json_get(el, "name"), pn);
		if ((id == NULL || *id == '\0') &&
		    (name == NULL || *name == '\0'))
			irm_lint_add(l->lint, l->c, p,
			    "%s: needs an id or a name", q(p, qb));
		else {
			s->labels[s->nlabels].id =
			    id && *id ? irm_xstrdup(id) : NULL;
			s->labels[s->nlabels].name =
			    name && *name ? irm_xstrdup(name) : NULL;
			s->labels[s->nlabels].priority = (int)s->nlabels;
			s->nlabels++;
		}
		free(pi);
		free(pn);
		free(p);
	}
}

static void
do_domains(struct ld *l, struct json_object *v, const char *path)
{
	static const char *const known[] = {
	    "internal", "allowed", "unallowed", "third_party", NULL};
	static const int cls[] = {IRM_DOM_INTERNAL, IRM_DOM_ALLOWED,
	    IRM_DOM_UNALLOWED, IRM_DOM_THIRD_PARTY};
	char *p;
	int i;

	if (!want(l, v, path, json_type_object, "an object"))
		return;
	check_keys(l, v, path, known);
	for (i = 0; i < 4; i++) {
		p = pkey(path, known[i]);
		strlist(l, irm_json_get(v, known[i]), p, DOMAIN,
		    &l->s->dom[cls[i]], &l->s->ndom[cls[i]]);
		free(p);
	}
}

/*
 * Open a file named by the settings at path, relative to the settings
 * file ("-" is a file here, not stdin).  Returns the input with the file
 * open, or NULL after a lint message.  argv[0] receives the name (owned:
 * free); argv must outlive the input (owned: irm_input_free).
 */
static struct irm_input *
open_named(struct ld *l, const char *name, const char *path, size_t maxline,
    char **argv)
{
	char qb[IRM_QUOTE_LEN];
	struct irm_input *in;
	struct irm_error e;

	argv[0] = NULL;
	if (*name == '\0') {
		irm_lint_add(
		    l->lint, l->c, path, "%s: empty file name", q(path, qb));
		return NULL;
	}
	argv[0] = irm_conf_relpath(l->c, name);
	if (strcmp(argv[0], "-") == 0) {
		free(argv[0]);
		argv[0] = irm_xstrdup("./-");
	}
	in = irm_input_new(1, argv, maxline);
	if (irm_input_next_file(in, &e) != 1) {
		irm_lint_add(l->lint, l->c, path, "%s: %s", q(path, qb), e.msg);
		irm_input_free(in);
		return NULL;
	}
	return in;
}

/*
 * Read a priority user file: one user per line; blank lines and
 * comments ('#' at the start of a line or after a blank) are skipped.
 */
static void
read_users(
    struct ld *l, struct irm_group *g, const char *name, const char *path)
{
	char qb[IRM_QUOTE_LEN], *argv[1], *line, *hash;
	struct irm_input *in;
	struct irm_error e;
	size_t len;
	int rc;

	if ((in = open_named(l, name, path, USERS_MAXLINE, argv)) == NULL)
		goto out;
	while ((rc = irm_input_getline(in, &line, &len, &e)) != IRM_LINE_EOF) {
		if (rc == IRM_LINE_ERROR) {
			irm_lint_add(
			    l->lint, l->c, path, "%s: %s", q(path, qb), e.msg);
			break;
		}
		if (rc == IRM_LINE_TOOLONG) {
			irm_lint_add(l->lint, l->c, path,
			    "%s: %s:%lu: line too long", q(path, qb), argv[0],
			    irm_input_lineno(in));
			continue;
		}
		for (hash = line; (hash = strchr(hash, '#')) != NULL; hash++)
			if (hash == line || hash[-1] == ' ' || hash[-1] == '\t')
				break;
		if (hash != NULL)
			len = (size_t)(hash - line);
		line[len] = '\0';
		len = strlen(line);
		if (strspn(line, " \t\r") == len)
			continue;
		push(&g->users, &g->n, ident_dup(l->pseudo, line, len));
	}
out:
	irm_input_free(in);
	free(argv[0]);
}

static void
do_priority_users(struct ld *l, struct json_object *v, const char *path)
{
	struct irm_settings *s = l->s;
	struct irm_group *g;
	char *p;
	size_t n = 0;

	if (!want(l, v, path, json_type_object, "an object"))
		return;
	n = (size_t)json_object_object_length(v);
	s->groups = irm_xcalloc(n, sizeof(*s->groups));
	json_object_object_foreach(v, key, val)
	{
		p = pkey(path, key);
		g = &s->groups[s->ngroups];
		if (json_object_is_type(val, json_type_string)) {
			g->name = irm_xstrdup(key);
			read_users(l, g, json_object_get_string(val), p);
			s->ngroups++;
		} else if (want(l, val, p, json_type_array,
		               "an array of users or a file name")) {
			g->name = irm_xstrdup(key);
			strlist(l, val, p, IDENT, &g->users, &g->n);
			s->ngroups++;
		}
		if (g->n > 1)
			qsort(
			    g->users, g->n, sizeof(*g->users), irm_ci_cmp_ptr);
		free(p);
	}
}

/* web_categories: {"category": ["domain pattern", ...], ...}. */
static void
do_web_categories(struct ld *l, struct json_object *v, const char *path)
{
	struct irm_settings *s = l->s;
	struct irm_group *g;
	char *p;

	if (!want(l, v, path, json_type_object, "an object"))
		return;
	s->webcats = irm_xcalloc(
	    (size_t)json_object_object_length(v), sizeof(*s->webcats));
	json_object_object_foreach(v, key, val)
	{
		p = pkey(path, key);
		if (want(l, val, p, json_type_array,
		        "an array of domain patterns")) {
			g = &s->webcats[s->nwebcats++];
			g->name = irm_xstrdup(key);
			strlist(l, val, p, DOMAIN, &g->users, &g->n);
		}
		free(p);
	}
}

static void
do_lists(struct ld *l, struct json_object *v, const char *path,
    const char *const *known, const enum how *how, char ***const *lists,
    size_t *const *counts)
{
	char *p;
	size_t i;

	if (!want(l, v, path, json_type_object, "an object"))
		return;
	check_keys(l, v, path, known);
	for (i = 0; known[i] != NULL; i++) {
		p = pkey(path, known[i]);
		strlist(l, irm_json_get(v, known[i]), p, how[i], lists[i],
		    counts[i]);
		free(p);
	}
}

static void
do_priority_content(struct ld *l, struct json_object *v, const char *path)
{
	static const char *const known[] = {
	    "labels", "sites", "extensions", "keywords", NULL};
	static const enum how how[] = {AS_IS, SITE, EXT, LOWER};
	struct irm_settings *s = l->s;
	char ***lists[] = {
	    &s->pc_labels, &s->pc_sites, &s->pc_ext, &s->pc_keywords};
	size_t *counts[] = {
	    &s->npc_labels, &s->npc_sites, &s->npc_ext, &s->npc_keywords};

	do_lists(l, v, path, known, how, lists, counts);
}

static void
do_exclusions(struct ld *l, struct json_object *v, const char *path)
{
	static const char *const known[] = {
	    "users", "paths", "sites", "keywords", "file_types", NULL};
	static const enum how how[] = {IDENT, PATHPAT, SITE, LOWER, EXT};
	struct irm_settings *s = l->s;
	char ***lists[] = {&s->ex_users, &s->ex_paths, &s->ex_sites,
	    &s->ex_keywords, &s->ex_types};
	size_t *counts[] = {&s->nex_users, &s->nex_paths, &s->nex_sites,
	    &s->nex_keywords, &s->nex_types};

	do_lists(l, v, path, known, how, lists, counts);
}

/* ------------------------------------------------------- working hours */

/* "H:MM" or "HH:MM", 00:00 to 23:59 (24:00 too when end); or -1. */
static int
parse_hhmm(const char *s, int end)
{
	int h = 0, m, i = 0;

	while (i < 2 && s[i] >= '0' && s[i] <= '9')
		h = h * 10 + (s[i++] - '0');
	if (i == 0 || s[i] != ':' || s[i + 1] < '0' || s[i + 1] > '5' ||
	    s[i + 2] < '0' || s[i + 2] > '9' || s[i + 3] != '\0')
		return -1;
	m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	if (h < 24 || (end && h == 24 && m == 0))
		return h * 60 + m;
	return -1;
}

/* Sunday 0 .. Saturday 6 by three-letter or full English name, or -1. */
static int
parse_day(const char *s)
{
	static const char *const days[] = {"sunday", "monday", "tuesday",
	    "wednesday", "thursday", "friday", "saturday"};
	int i;

	for (i = 0; i < 7; i++)
		if ((strlen(s) == 3 && irm_ci_eq_n(s, days[i], 3)) ||
		    irm_strcaseeq(s, days[i]))
			return i;
	return -1;
}

static void
do_time(
    struct ld *l, struct json_object *v, const char *path, int end, int *out)
{
	const char *str = str_value(l, v, path);
	char qb[IRM_QUOTE_LEN], qv[IRM_QUOTE_LEN];
	int t;

	if (str == NULL)
		return;
	if ((t = parse_hhmm(str, end)) < 0)
		irm_lint_add(l->lint, l->c, path,
		    "%s: bad time (HH:MM): \"%s\"", q(path, qb), q(str, qv));
	else
		*out = t;
}

static void
do_days(struct ld *l, struct json_object *v, const char *path)
{
	struct json_object *el;
	char qb[IRM_QUOTE_LEN], qv[IRM_QUOTE_LEN], *p;
	int days = 0, d;
	size_t i;

	if (!want(l, v, path, json_type_array, "an array of strings"))
		return;
	for (i = 0; i < json_object_array_length(v); i++) {
		el = json_object_array_get_idx(v, i);
		p = pidx(path, i);
		if (!want(l, el, p, json_type_string, "a string")) {
			free(p);
			continue;
		}
		if ((d = parse_day(json_object_get_string(el))) < 0)
			irm_lint_add(l->lint, l->c, p,
			    "%s: unknown day: \"%s\"", q(p, qb),
			    q(json_object_get_string(el), qv));
		else
			days |= 1 << d;
		free(p);
	}
	l->s->wh_days = days;
}

static void
do_working_hours(struct ld *l, struct json_object *v, const char *path)
{
	static const char *const known[] = {
	    "zone", "days", "start", "end", NULL};
	struct irm_settings *s = l->s;
	struct json_object *x;
	char qb[IRM_QUOTE_LEN], qv[IRM_QUOTE_LEN], *p;
	const char *zone;

	if (!want(l, v, path, json_type_object, "an object"))
		return;
	check_keys(l, v, path, known);
	s->wh_given = 1;
	p = pkey(path, "zone");
	if ((zone = str_value(l, irm_json_get(v, "zone"), p)) != NULL) {
		if (irm_time_zone_ok(zone))
			snprintf(s->wh_zone, sizeof(s->wh_zone), "%s", zone);
		else
			irm_lint_add(l->lint, l->c, p,
			    "%s: unknown time zone: \"%s\"", q(p, qb),
			    q(zone, qv));
	}
	free(p);
	p = pkey(path, "days");
	if ((x = irm_json_get(v, "days")) != NULL)
		do_days(l, x, p);
	free(p);
	p = pkey(path, "start");
	do_time(l, irm_json_get(v, "start"), p, 0, &s->wh_start);
	free(p);
	p = pkey(path, "end");
	do_time(l, irm_json_get(v, "end"), p, 1, &s->wh_end);
	free(p);
}

/* ------------------------------------------------------ hr and unusual */

static void
do_hr(struct ld *l, struct json_object *v, const char *path)
{
	static const char *const known[] = {"poor_rating", "demotion", NULL};
	struct irm_settings *s = l->s;
	char qb[IRM_QUOTE_LEN], qv[IRM_QUOTE_LEN], msg[160], *p;
	const char *str;
	regex_t re;
	int rc;

	if (!want(l, v, path, json_type_object, "an object"))
		return;
	check_keys(l, v, path, known);
	p = pkey(path, "poor_rating");
	if ((str = str_value(l, irm_json_get(v, "poor_rating"), p)) != NULL) {
		if (*str == '\0')
			irm_lint_add(l->lint, l->c, p,
			    "%s: empty regular expression", q(p, qb));
		else if (irm_regex_check(str, msg, sizeof(msg)) == -1)
			irm_lint_add(l->lint, l->c, p,
			    "%s: refused regular expression: %s", q(p, qb),
			    msg);
		else if ((rc = regcomp(&re, str, RE_FLAGS)) != 0) {
			regerror(rc, &re, msg, sizeof(msg));
			irm_lint_add(l->lint, l->c, p,
			    "%s: bad regular expression: %s", q(p, qb), msg);
		} else {
			regfree(&s->poor_rating);
			s->poor_rating = re;
		}
	}
	free(p);
	p = pkey(path, "demotion");
	if ((str = str_value(l, irm_json_get(v, "demotion"), p)) != NULL) {
		if (strcmp(str, "lower_number") == 0)
			s->demotion_lower_number = 1;
		else
			irm_lint_add(l->lint, l->c, p,
			    "%s: unknown rule: \"%s\" (only lower_number)",
			    q(p, qb), q(str, qv));
	}
	free(p);
}

static void
do_unusual(struct ld *l, struct json_object *v, const char *path)
{
	static const char *const known[] = {"min_daily", "factor", NULL};
	struct irm_settings *s = l->s;
	struct json_object *x;
	char qb[IRM_QUOTE_LEN], *p;
	double d;

	if (!want(l, v, path, json_type_object, "an object"))
		return;
	check_keys(l, v, path, known);
	p = pkey(path, "min_daily");
	if ((x = irm_json_get(v, "min_daily")) != NULL &&
	    want(l, x, p, json_type_int, "a whole number")) {
		int64_t n = json_object_get_int64(x);

		if (n < 0)
			irm_lint_add(l->lint, l->c, p, "%s: must be 0 or more",
			    q(p, qb));
		else if (n > 1000000000)
			irm_lint_add(
			    l->lint, l->c, p, "%s: too large", q(p, qb));
		else
			s->unusual_min_daily = (int)n;
	}
	free(p);
	p = pkey(path, "factor");
	if ((x = irm_json_get(v, "factor")) != NULL &&
	    (json_object_is_type(x, json_type_int) ||
	        want(l, x, p, json_type_double, "a number"))) {
		d = json_object_get_double(x);
		if (!(d > 0))
			irm_lint_add(l->lint, l->c, p,
			    "%s: must be greater than 0", q(p, qb));
		else if (d > 1e9)
			irm_lint_add(
			    l->lint, l->c, p, "%s: too large", q(p, qb));
		else
			s->unusual_factor = d;
	}
	free(p);
}

/* ----------------------------------------------------------- directory */

/* A directory row while reading: the entry and its place in the file. */
struct drow {
	struct irm_person p;
	size_t seq;
};

struct drows {
	struct drow *v;
	size_t n;
};

/* By user, then by file order, so that the first row of a user wins. */
static int
cmp_drow(const void *a, const void *b)
{
	const struct drow *x = a, *y = b;
	int c = irm_ci_cmp(x->p.user, y->p.user);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Column indexes of the directory's header; -1 when absent. */
struct dircols {
	int user, department, manager, title;
};

static void
dir_header(const struct irm_row *row, struct dircols *dc)
{
	const char *f;
	size_t i;

	dc->user = dc->department = dc->manager = dc->title = -1;
	for (i = 0; i < row->n && i < 1024; i++) {
		f = row->f[i];
		f += strspn(f, " \t");
		if (dc->user < 0 &&
		    (irm_strcaseeq(f, "user") ||
		        irm_strcaseeq(f, "UserPrincipalName") ||
		        irm_strcaseeq(f, "EmailAddress")))
			dc->user = (int)i;
		else if (dc->department < 0 && irm_strcaseeq(f, "department"))
			dc->department = (int)i;
		else if (dc->manager < 0 && irm_strcaseeq(f, "manager"))
			dc->manager = (int)i;
		else if (dc->title < 0 && irm_strcaseeq(f, "title"))
			dc->title = (int)i;
	}
}

/* Field col of row, trimmed (owned), or NULL when absent or empty. */
static char *
dir_field(const struct irm_row *row, int col)
{
	const char *f;
	size_t n;
	char *x;

	if (col < 0 || (size_t)col >= row->n)
		return NULL;
	f = row->f[col];
	f += strspn(f, " \t");
	n = strlen(f);
	while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '\t'))
		n--;
	if (n == 0)
		return NULL;
	x = irm_xmalloc(n + 1);
	memcpy(x, f, n);
	x[n] = '\0';
	return x;
}

/* Keep a data row; a row without a user is skipped. */
static void
dir_row(struct ld *l, const struct irm_row *row, const struct dircols *dc,
    struct drows *rows)
{
	struct irm_person *pp;
	char *user, *mgr;

	if ((user = dir_field(row, dc->user)) == NULL)
		return;
	if ((rows->n & (rows->n - 1)) == 0)
		rows->v = irm_xrealloc(
		    rows->v, (rows->n ? rows->n * 2 : 1) * sizeof(*rows->v));
	rows->v[rows->n].seq = rows->n;
	pp = &rows->v[rows->n++].p;
	pp->user = ident_dup(l->pseudo, user, strlen(user));
	free(user);
	pp->department = dir_field(row, dc->department);
	pp->title = dir_field(row, dc->title);
	pp->manager = NULL;
	if ((mgr = dir_field(row, dc->manager)) != NULL) {
		pp->manager = ident_dup(l->pseudo, mgr, strlen(mgr));
		free(mgr);
	}
}

static void
free_person(struct irm_person *p)
{
	free(p->user);
	free(p->department);
	free(p->manager);
	free(p->title);
}

/* Sort by user into the settings, the first row of a repeated user kept. */
static void
dir_finish(struct irm_settings *s, struct drows *rows)
{
	size_t i;

	if (rows->n > 1)
		qsort(rows->v, rows->n, sizeof(*rows->v), cmp_drow);
	s->people = irm_xcalloc(rows->n, sizeof(*s->people));
	for (i = 0; i < rows->n; i++) {
		if (s->npeople > 0 &&
		    irm_ci_cmp(
		        s->people[s->npeople - 1].user, rows->v[i].p.user) == 0)
			free_person(&rows->v[i].p);
		else
			s->people[s->npeople++] = rows->v[i].p;
	}
	free(rows->v);
}

static void
do_directory(struct ld *l, struct json_object *v, const char *path)
{
	const char *name = str_value(l, v, path);
	char qb[IRM_QUOTE_LEN], *argv[1];
	struct irm_csvread *cr = NULL;
	struct irm_input *in;
	struct drows rows = {NULL, 0};
	struct dircols dc;
	struct irm_row row;
	struct irm_error e;
	int rc, header = 1;

	if (name == NULL)
		return;
	if ((in = open_named(l, name, path, DIR_MAXLINE, argv)) == NULL)
		goto out;
	cr = irm_csvread_new(in);
	irm_csvread_reset(cr);
	while ((rc = irm_csvread_next(cr, &row, &e)) != IRM_CSV_EOF) {
		if (rc == IRM_CSV_FATAL) {
			irm_lint_add(
			    l->lint, l->c, path, "%s: %s", q(path, qb), e.msg);
			break;
		}
		if (rc == IRM_CSV_BAD) {
			irm_lint_add(l->lint, l->c, path, "%s: %s:%lu: %s",
			    q(path, qb), argv[0], row.line, e.msg);
			if (header)
				break;
			continue;
		}
		if (header) {
			dir_header(&row, &dc);
			header = 0;
			if (dc.user >= 0)
				continue;
			irm_lint_add(l->lint, l->c, path,
			    "%s: %s: no user column (user, UserPrincipalName or EmailAddress)",
			    q(path, qb), argv[0]);
			break;
		}
		dir_row(l, &row, &dc, &rows);
	}
	if (rc == IRM_CSV_EOF && header)
		irm_lint_add(l->lint, l->c, path, "%s: %s: no header row",
		    q(path, qb), argv[0]);
	dir_finish(l->s, &rows);
out:
	irm_csvread_free(cr);
	irm_input_free(in);
	free(argv[0]);
}

/* -------------------------------------------------------------- loading */

static void
defaults(struct irm_settings *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->wh_zone, sizeof(s->wh_zone), "UTC");
	s->wh_days = 0x3e; /* Monday to Friday */
	s->wh_start = 8 * 60;
	s->wh_end = 18 * 60;
	/* A constant that the unit tests compile: it cannot fail. */
	(void)regcomp(&s->poor_rating, POOR_DEFAULT, RE_FLAGS);
	s->demotion_lower_number = 1;
	s->unusual_min_daily = 5;
	s->unusual_factor = 3;
}

/* alert_volume: Purview's knob, a shift of every policy's min_score. */
static void
do_alert_volume(struct ld *l, struct json_object *v, const char *path)
{
	static const struct {
		const char *name;
		int shift;
	} vol[] = {{"fewer", IRM_VOLUME_FEWER}, {"default", 0},
	    {"more", IRM_VOLUME_MORE}};
	char qb[IRM_QUOTE_LEN];
	const char *str;
	size_t i;

	if (!want(l, v, path, json_type_string, "a string"))
		return;
	str = json_object_get_string(v);
	for (i = 0; i < sizeof(vol) / sizeof(vol[0]); i++)
		if (irm_ci_cmp(str, vol[i].name) == 0) {
			l->s->volume_shift = vol[i].shift;
			return;
		}
	irm_lint_add(l->lint, l->c, path,
	    "%s: must be \"fewer\", \"default\" or \"more\"", q(path, qb));
}

static const struct {
	const char *key;
	void (*fn)(struct ld *, struct json_object *, const char *);
} sections[] = {
    {"alert_volume", do_alert_volume},
    {"labels", do_labels},
    {"domains", do_domains},
    {"priority_users", do_priority_users},
    {"priority_content", do_priority_content},
    {"exclusions", do_exclusions},
    {"working_hours", do_working_hours},
    {"hr", do_hr},
    {"unusual", do_unusual},
    {"directory", do_directory},
    {"web_categories", do_web_categories},
};

/*
 * Load a settings file, or only the defaults when path is NULL: no
 * labels, empty lists, working hours Monday to Friday 08:00-18:00 UTC,
 * the default poor rating expression, demotion lower_number, unusual
 * min_daily 10 and factor 3.  Every problem goes to lint as FILE:LINE:
 * problem and leaves that value at its default.  Returns 0 when lint
 * gained nothing, else -1; s is usable either way and must be freed with
 * irm_settings_free.
 */
int
irm_settings_load(struct irm_settings *s, const char *path,
    const struct irm_pseudo *pseudo, struct irm_lint *lint)
{
	struct ld l = {s, NULL, pseudo, lint};
	size_t before = lint->n, i, n = sizeof(sections) / sizeof(sections[0]);
	struct json_object *root;
	struct irm_conf *c;
	struct irm_error e;
	char qb[IRM_QUOTE_LEN];
	struct irm_suggest g;

	defaults(s);
	if (path == NULL)
		return 0;
	if ((l.c = c = irm_conf_load(path, &e)) == NULL) {
		irm_lint_add(lint, NULL, NULL, "%s", e.msg);
		return -1;
	}
	root = irm_conf_root(l.c);
	if (want(&l, root, "", json_type_object, "an object")) {
		json_object_object_foreach(root, key, val)
		{
			irm_suggest_init(&g, key);
			for (i = 0; i < n; i++) {
				if (strcmp(key, sections[i].key) == 0)
					break;
				irm_suggest_add(&g, sections[i].key);
			}
			if (i == n)
				irm_lint_add(lint, l.c, key,
				    "unknown key: %s%s%s%s", q(key, qb),
				    g.best ? " (did you mean \"" : "",
				    g.best ? g.best : "", g.best ? "\"?)" : "");
			else if (val != NULL)
				sections[i].fn(&l, val, key);
		}
	}
	irm_conf_free(c);
	return lint->n == before ? 0 : -1;
}

/* Free what s holds (NULL-safe); s must have been loaded. */
void
irm_settings_free(struct irm_settings *s)
{
	size_t i;
	int k;

	if (s == NULL)
		return;
	for (i = 0; i < s->nlabels; i++) {
		free(s->labels[i].id);
		free(s->labels[i].name);
	}
	free(s->labels);
	for (k = 0; k < 5; k++)
		free_list(s->dom[k], s->ndom[k]);
	for (i = 0; i < s->ngroups; i++) {
		free(s->groups[i].name);
		free_list(s->groups[i].users, s->groups[i].n);
	}
	free(s->groups);
	for (i = 0; i < s->nwebcats; i++) {
		free(s->webcats[i].name);
		free_list(s->webcats[i].users, s->webcats[i].n);
	}
	free(s->webcats);
	free_list(s->pc_labels, s->npc_labels);
	free_list(s->pc_sites, s->npc_sites);
	free_list(s->pc_ext, s->npc_ext);
	free_list(s->pc_keywords, s->npc_keywords);
	free_list(s->ex_users, s->nex_users);
	free_list(s->ex_paths, s->nex_paths);
	free_list(s->ex_sites, s->nex_sites);
	free_list(s->ex_keywords, s->nex_keywords);
	free_list(s->ex_types, s->nex_types);
	regfree(&s->poor_rating);
	for (i = 0; i < s->npeople; i++)
		free_person(&s->people[i]);
	free(s->people);
	memset(s, 0, sizeof(*s));
}
