/*
 * score_settings.c - the irm-score settings file (DESIGN section 4,
 * irm-policy(5)): labels, domain lists, priority users and content,
 * exclusions, working hours, HR rules, unusual-activity limits and the
 * directory, every key optional, with the rules that match events
 * against them.
 *
 * Loading checks every key and reports problems to a lint list with the
 * line they are on; a bad value leaves its default in place, so the
 * settings stay usable.  Keys are case-sensitive and JSON null stands
 * for an absent key.  Matching is ASCII case-blind throughout.
 * Working hours are judged in their own zone by switching TZ for a moment
 * and caching each UTC hour's offset; this is process state, like the
 * zone of irm_time.c, and not thread-safe.
 */

#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "irm.h"
#include "irm_csv.h"
#include "irm_json.h"
#include "irm_score.h"

/*
 * The default hr.poor_rating: the DESIGN example ^\s*[12]\b|... written
 * in POSIX extended syntax, which has no \s or \b.
 */
#define POOR_DEFAULT                                                           \
	"^[[:space:]]*[12]([^[:alnum:]_]|$)|below|poor|unsatisfactory"
#define RE_FLAGS (REG_EXTENDED | REG_ICASE | REG_NOSUB)

#define USERS_MAXLINE (64 * 1024)
#define DIR_MAXLINE (1024 * 1024)
#define WILD_MAX 32  /* the largest n of *(n) */
#define COMP_MAX 256 /* path components compared; the rest are ignored */
#define SECS_DAY 86400

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

static int
lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

static void
lower_in_place(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)lower((unsigned char)*s);
}

/* ASCII case-blind ordering, for sorting and bsearch. */
static int
cicmp(const char *a, const char *b)
{
	int x, y;

	do {
		x = lower((unsigned char)*a++);
		y = lower((unsigned char)*b++);
	} while (x == y && x != '\0');
	return x - y;
}

static int
cieq_n(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Does hay contain needle, ASCII case-blind? */
static int
cicontains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (hay == NULL)
		return 0;
	for (; *hay != '\0'; hay++)
		if (cieq_n(hay, needle, n))
			return 1;
	return n == 0;
}

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
	lower_in_place(id);
	if (pseudo == NULL)
		return id;
	irm_pseudonym(pseudo, id, len, out);
	free(id);
	return irm_xstrdup(out);
}

/* Past "scheme://", when the URL starts with one. */
static const char *
skip_scheme(const char *u)
{
	const char *p = u;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return u;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return strncmp(p, "://", 3) == 0 ? p + 3 : u;
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

	json_object_object_foreach(o, key, val)
	{
		(void)val;
		for (k = known; *k != NULL; k++)
			if (strcmp(*k, key) == 0)
				break;
		if (*k != NULL)
			continue;
		p = pkey(path, key);
		irm_lint_add(l->lint, l->c, p, "unknown key: %s", q(p, qb));
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

/* One component of a path pattern or path. */
struct comp {
	const char *p;
	size_t n;
	int wild; /* 0 literal, else the most levels it stands for */
};

/* "*" is one level, "*(n)" one to n; -1 for any other use of '*'. */
static int
wild_levels(const char *p, size_t n)
{
	size_t i;
	int v = 0;

	if (memchr(p, '*', n) == NULL)
		return 0;
	if (n == 1)
		return 1;
	if (n < 4 || p[0] != '*' || p[1] != '(' || p[n - 1] != ')')
		return -1;
	for (i = 2; i < n - 1; i++) {
		if (p[i] < '0' || p[i] > '9' || v > WILD_MAX)
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v >= 1 && v <= WILD_MAX ? v : -1;
}

/* Split at '/' and '\'; empty components are dropped. */
static size_t
split(const char *s, struct comp *c, size_t max, int pattern)
{
	size_t n = 0, len;

	while (*s != '\0' && n < max) {
		len = strcspn(s, "/\\");
		if (len > 0) {
			c[n].p = s;
			c[n].n = len;
			c[n].wild = pattern ? wild_levels(s, len) : 0;
			if (c[n].wild < 0)
				c[n].wild = 0;
			n++;
		}
		s += len;
		if (*s != '\0')
			s++;
	}
	return n;
}

/* Is a path pattern well formed?  Returns NULL or the problem. */
static const char *
pathpat_problem(const char *s)
{
	size_t len, n = 0;

	while (*s != '\0') {
		len = strcspn(s, "/\\");
		if (len > 0) {
			if (wild_levels(s, len) < 0)
				return "bad wildcard (use * or *(n), n 1 to "
				       "32)";
			n++;
		}
		s += len;
		if (*s != '\0')
			s++;
	}
	return n == 0 ? "empty path pattern" : NULL;
}

/* The problem with a list entry, or NULL. */
static const char *
entry_problem(const char *v, enum how how)
{
	if (v[strspn(v, " \t")] == '\0')
		return "empty string";
	if (how == DOMAIN && !domain_ok(v))
		return "bad domain pattern";
	if (how == PATHPAT)
		return pathpat_problem(v);
	if (how == SITE && *skip_scheme(v) == '\0')
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
	x = irm_xstrdup(how == EXT && *v == '.' ? v + 1 : v);
	if (how != AS_IS && how != PATHPAT)
		lower_in_place(x);
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

static int
cmp_str(const void *a, const void *b)
{
	return cicmp(*(char *const *)a, *(char *const *)b);
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
			qsort(g->users, g->n, sizeof(*g->users), cmp_str);
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
		if ((strlen(s) == 3 && cieq_n(s, days[i], 3)) ||
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
	int c = cicmp(x->p.user, y->p.user);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* For bsearch: the key is a user name. */
static int
cmp_user_person(const void *key, const void *elem)
{
	return cicmp(key, ((const struct irm_person *)elem)->user);
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
		    cicmp(s->people[s->npeople - 1].user, rows->v[i].p.user) ==
		        0)
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
			    "%s: %s: no user column (user, UserPrincipalName "
			    "or EmailAddress)",
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
	s->unusual_min_daily = 10;
	s->unusual_factor = 3;
}

static const struct {
	const char *key;
	void (*fn)(struct ld *, struct json_object *, const char *);
} sections[] = {
    {"labels", do_labels},
    {"domains", do_domains},
    {"priority_users", do_priority_users},
    {"priority_content", do_priority_content},
    {"exclusions", do_exclusions},
    {"working_hours", do_working_hours},
    {"hr", do_hr},
    {"unusual", do_unusual},
    {"directory", do_directory},
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
			for (i = 0; i < n; i++)
				if (strcmp(key, sections[i].key) == 0)
					break;
			if (i == n)
				irm_lint_add(lint, l.c, key, "unknown key: %s",
				    q(key, qb));
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

/* ------------------------------------------------------------ matching */

/*
 * Does pattern match domain?  "*.x.com" matches any name ending in
 * ".x.com" with at least one more level before it (a.x.com, a.b.x.com),
 * not x.com itself; any other pattern matches the same name only.  ASCII
 * case-blind.  NULL matches nothing.
 */
int
irm_domain_match(const char *pattern, const char *domain)
{
	size_t ls, ld;

	if (pattern == NULL || domain == NULL)
		return 0;
	if (pattern[0] == '*' && pattern[1] == '.') {
		ls = strlen(pattern + 1);
		ld = strlen(domain);
		return ld > ls && cieq_n(domain + ld - ls, pattern + 1, ls);
	}
	return irm_strcaseeq(pattern, domain);
}

/*
 * Classify domain by the first list with a matching pattern, in the
 * order allowed, internal, unallowed, third_party; IRM_DOM_NONE when none
 * matches (an external domain) or domain is NULL.
 */
enum irm_domclass
irm_domain_class(const struct irm_settings *s, const char *domain)
{
	static const enum irm_domclass order[] = {IRM_DOM_ALLOWED,
	    IRM_DOM_INTERNAL, IRM_DOM_UNALLOWED, IRM_DOM_THIRD_PARTY};
	size_t i, k;

	if (domain == NULL)
		return IRM_DOM_NONE;
	for (k = 0; k < 4; k++)
		for (i = 0; i < s->ndom[order[k]]; i++)
			if (irm_domain_match(s->dom[order[k]][i], domain))
				return order[k];
	return IRM_DOM_NONE;
}

/*
 * The priority of a label (its index in settings.labels, 0 the highest),
 * found by id or name, ASCII case-blind; -1 when absent or NULL.
 */
int
irm_label_priority(const struct irm_settings *s, const char *label)
{
	size_t i;

	if (label == NULL)
		return -1;
	for (i = 0; i < s->nlabels; i++)
		if ((s->labels[i].id &&
		        irm_strcaseeq(s->labels[i].id, label)) ||
		    (s->labels[i].name &&
		        irm_strcaseeq(s->labels[i].name, label)))
			return s->labels[i].priority;
	return -1;
}

/*
 * Does the label ref (from priority_content.labels) stand for the event's
 * label?  Either they are equal, or both are the id or name of one entry
 * of settings.labels.
 */
static int
label_is(const struct irm_settings *s, const char *ref, const char *label)
{
	const struct irm_label *x;
	size_t i;

	if (irm_strcaseeq(ref, label))
		return 1;
	for (i = 0; i < s->nlabels; i++) {
		x = &s->labels[i];
		if (((x->id && irm_strcaseeq(x->id, ref)) ||
		        (x->name && irm_strcaseeq(x->name, ref))) &&
		    ((x->id && irm_strcaseeq(x->id, label)) ||
		        (x->name && irm_strcaseeq(x->name, label))))
			return 1;
	}
	return 0;
}

static int
priority_label(const struct irm_settings *s, const char *label)
{
	size_t i;

	if (label == NULL)
		return 0;
	for (i = 0; i < s->npc_labels; i++)
		if (label_is(s, s->pc_labels[i], label))
			return 1;
	return 0;
}

/*
 * Is url under site?  The site (kept lower-case, without a trailing '/')
 * is a prefix of the URL ending at a path boundary; the schemes are not
 * compared, so a scheme-less URL matches too.
 */
static int
site_match(const char *site, const char *url)
{
	size_t n;

	site = skip_scheme(site);
	url = skip_scheme(url);
	n = strlen(site);
	return strlen(url) >= n && cieq_n(url, site, n) &&
	    (url[n] == '\0' || url[n] == '/' || url[n] == '?' || url[n] == '#');
}

static int
any_site(char *const *v, size_t n, const char *url)
{
	size_t i;

	if (url == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (site_match(v[i], url))
			return 1;
	return 0;
}

/* The event's extension: file.extension, else after the name's last dot. */
static const char *
ev_ext(const struct irm_ev *ev)
{
	const char *dot;

	if (ev->file_ext != NULL)
		return ev->file_ext[0] == '.' ? ev->file_ext + 1 : ev->file_ext;
	if (ev->file_name != NULL && (dot = strrchr(ev->file_name, '.')))
		return dot + 1;
	return NULL;
}

static int
any_ext(char *const *v, size_t n, const struct irm_ev *ev)
{
	const char *ext = ev_ext(ev);
	size_t i;

	if (ext == NULL || *ext == '\0')
		return 0;
	for (i = 0; i < n; i++)
		if (irm_strcaseeq(v[i], ext))
			return 1;
	return 0;
}

/* A keyword in the file name, path or directory, or the email subject. */
static int
any_keyword(char *const *v, size_t n, const struct irm_ev *ev)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cicontains(ev->file_name, v[i]) ||
		    cicontains(ev->file_path, v[i]) ||
		    cicontains(ev->file_dir, v[i]) ||
		    cicontains(ev->email_subject, v[i]))
			return 1;
	return 0;
}

/*
 * Did ev touch priority content?  Its label or any of its labels is a
 * priority label, url.full is under a priority site, its extension is a
 * priority extension, or a priority keyword is in the file name, path,
 * directory or email subject.
 */
int
irm_priority_content(const struct irm_settings *s, const struct irm_ev *ev)
{
	size_t i;

	if (priority_label(s, ev->label))
		return 1;
	for (i = 0; i < ev->labels.n; i++)
		if (priority_label(s, ev->labels.v[i]))
			return 1;
	return any_site(s->pc_sites, s->npc_sites, ev->url_full) ||
	    any_ext(s->pc_ext, s->npc_ext, ev) ||
	    any_keyword(s->pc_keywords, s->npc_keywords, ev);
}

static int
comps_match(const struct comp *pc, size_t np, const struct comp *xc, size_t nx)
{
	int k;

	if (np == 0)
		return 1;
	if (pc->wild == 0)
		return nx > 0 && pc->n == xc->n &&
		    cieq_n(pc->p, xc->p, pc->n) &&
		    comps_match(pc + 1, np - 1, xc + 1, nx - 1);
	for (k = 1; k <= pc->wild && (size_t)k <= nx; k++)
		if (comps_match(pc + 1, np - 1, xc + k, nx - (size_t)k))
			return 1;
	return 0;
}

/*
 * Does an exclusion path pattern match path?  Both are split into
 * components at '\' and '/' (empty ones dropped) and compared ASCII
 * case-blind, component by component: "*" stands for exactly one
 * component, "*(n)" for one to n.  The pattern must match the path's
 * first components (a prefix: "C:\temp" matches "C:\temp" and
 * "C:\temp\a.txt", not "C:\temporary"); a pattern that starts with a
 * separator may match at any component (a contains match:
 * "\Users\*\AppData").  A pattern with no components matches nothing.
 */
int
irm_path_match(const char *pattern, const char *path)
{
	struct comp pc[COMP_MAX], xc[COMP_MAX];
	size_t np, nx, i;

	if (pattern == NULL || path == NULL)
		return 0;
	np = split(pattern, pc, COMP_MAX, 1);
	nx = split(path, xc, COMP_MAX, 0);
	if (np == 0)
		return 0;
	if (pattern[0] != '/' && pattern[0] != '\\')
		return comps_match(pc, np, xc, nx);
	for (i = 0; i < nx; i++)
		if (comps_match(pc, np, xc + i, nx - i))
			return 1;
	return 0;
}

/*
 * Is ev excluded?  Its user is in exclusions.users, its file path or
 * directory matches an exclusion path, url.full is under an excluded
 * site, an excluded keyword is in its file name, path, directory or
 * email subject, or its extension is an excluded file type.
 */
int
irm_excluded(const struct irm_settings *s, const struct irm_ev *ev)
{
	size_t i;

	for (i = 0; ev->user != NULL && i < s->nex_users; i++)
		if (irm_strcaseeq(s->ex_users[i], ev->user))
			return 1;
	for (i = 0; i < s->nex_paths; i++)
		if (irm_path_match(s->ex_paths[i], ev->file_path) ||
		    irm_path_match(s->ex_paths[i], ev->file_dir))
			return 1;
	return any_site(s->ex_sites, s->nex_sites, ev->url_full) ||
	    any_keyword(s->ex_keywords, s->nex_keywords, ev) ||
	    any_ext(s->ex_types, s->nex_types, ev);
}

/* ------------------------------------------------------- working hours */

static int64_t
floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The offset east of UTC at t under the current TZ, or -1. */
static int
tz_offset(int64_t t, int64_t *off)
{
	time_t tt = (time_t)t;
	struct tm tm;
	int64_t days;

	if ((int64_t)tt != t || localtime_r(&tt, &tm) == NULL)
		return -1;
	days = irm_days_from_civil(
	    tm.tm_year + 1900LL, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday);
	*off = days * SECS_DAY + tm.tm_hour * 3600 + tm.tm_min * 60 +
	    tm.tm_sec - t;
	return 0;
}

/*
 * The offset of zone at t (seconds).  TZ is set to the zone for the
 * conversion and put back at once, so that irm_time.c's zone (the
 * process's TZ) is left as it was.  Offsets are cached per UTC hour when
 * both ends of the hour agree (zones change at most once in an hour), so
 * input in time order switches zones about once an hour of events.
 */
static int64_t
zone_offset(const char *zone, int64_t t)
{
	static struct {
		char zone[64];
		int64_t hour, off;
	} cache[64];
	int64_t h = floordiv(t, 3600), a = 0, b = 0;
	size_t slot = (size_t)((uint64_t)h & 63);
	const char *old;
	char *saved;

	if (cache[slot].hour == h && strcmp(cache[slot].zone, zone) == 0)
		return cache[slot].off;
	old = getenv("TZ");
	saved = old ? irm_xstrdup(old) : NULL;
	if (setenv("TZ", zone, 1) == -1) {
		free(saved);
		return 0;
	}
	tzset();
	if (tz_offset(h * 3600, &a) == 0 &&
	    tz_offset(h * 3600 + 3599, &b) == 0 && a == b) {
		snprintf(
		    cache[slot].zone, sizeof(cache[slot].zone), "%s", zone);
		cache[slot].hour = h;
		cache[slot].off = a;
	} else if (tz_offset(t, &a) == -1) {
		a = 0;
	}
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	return a;
}

/*
 * Is the instant ts (ms since the epoch) outside working hours?  The
 * local time in working_hours.zone is working time on a listed day from
 * start up to, not including, end.  When end is not after start the
 * shift runs past midnight and belongs to the day it starts on (22:00 to
 * 06:00 on Monday covers Monday 22:00 to Tuesday 06:00; equal start and
 * end make it 24 hours).
 */
int
irm_after_hours(const struct irm_settings *s, int64_t ts)
{
	int64_t t = floordiv(ts, 1000), local, day;
	int wd, prev, min, working;

	local = t;
	if (strcmp(s->wh_zone, "UTC") != 0)
		local += zone_offset(s->wh_zone, t);
	day = floordiv(local, SECS_DAY);
	wd = (int)(((day + 4) % 7 + 7) % 7);
	prev = (wd + 6) % 7;
	min = (int)((local - day * SECS_DAY) / 60);
	if (s->wh_start < s->wh_end)
		working = (s->wh_days >> wd & 1) && min >= s->wh_start &&
		    min < s->wh_end;
	else
		working = ((s->wh_days >> wd & 1) && min >= s->wh_start) ||
		    ((s->wh_days >> prev & 1) && min < s->wh_end);
	return !working;
}

/* ------------------------------------------------ users and directory */

/* Is user (as in events: lower-cased, maybe pseudonymized) in a group? */
int
irm_priority_user(const struct irm_settings *s, const char *user)
{
	size_t i;

	if (user == NULL)
		return 0;
	for (i = 0; i < s->ngroups; i++)
		if (s->groups[i].n > 0 &&
		    bsearch(&user, s->groups[i].users, s->groups[i].n,
		        sizeof(char *), cmp_str) != NULL)
			return 1;
	return 0;
}

/* The directory entry of user (borrowed from s), or NULL. */
const struct irm_person *
irm_directory_find(const struct irm_settings *s, const char *user)
{
	if (user == NULL || s->npeople == 0)
		return NULL;
	return bsearch(
	    user, s->people, s->npeople, sizeof(*s->people), cmp_user_person);
}

/* Is a review rating poor by hr.poor_rating?  NULL is not. */
int
irm_hr_poor_rating(const struct irm_settings *s, const char *rating)
{
	if (rating == NULL)
		return 0;
	return regexec(&s->poor_rating, rating, 0, NULL, 0) == 0;
}

/* The first run of digits in s without leading zeros, or NULL. */
static const char *
first_number(const char *s, size_t *n)
{
	s = s + strcspn(s, "0123456789");
	if (*s == '\0')
		return NULL;
	while (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
		s++;
	*n = strspn(s, "0123456789");
	return s;
}

/*
 * Is a job change from old_level to new_level a demotion?  By
 * lower_number, when the first run of digits in the new level is a
 * smaller number than the first in the old one ("Level 61 - Sr. Manager"
 * to "Level 60- Manager"); a level without digits is never a demotion.
 * Numbers of any length compare exactly.
 */
int
irm_hr_demotion(
    const struct irm_settings *s, const char *old_level, const char *new_level)
{
	const char *a, *b;
	size_t na, nb;

	if (!s->demotion_lower_number || old_level == NULL || new_level == NULL)
		return 0;
	if ((a = first_number(old_level, &na)) == NULL ||
	    (b = first_number(new_level, &nb)) == NULL)
		return 0;
	if (na != nb)
		return nb < na;
	return memcmp(b, a, na) < 0;
}
