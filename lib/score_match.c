/*
 * score_match.c - the rules that match events against the irm-score
 * settings (score_settings.c loads them): domain lists, labels, priority
 * content, exclusions and their path patterns, working hours, priority
 * users, the directory and the HR rules.  Matching is ASCII case-blind
 * throughout.
 *
 * Working hours are judged in their own zone (irm_time_zone_offset).
 */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_regex.h"
#include "irm_score.h"
#include "score_int.h"

#define WILD_MAX 32  /* the largest n of *(n) */
#define COMP_MAX 256 /* path components compared; the rest are ignored */
#define SECS_DAY 86400

/* ---------------------------------------------------------- string help */

static int
lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

void
irm_ci_lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)lower((unsigned char)*s);
}

int
irm_ci_cmp(const char *a, const char *b)
{
	int x, y;

	do {
		x = lower((unsigned char)*a++);
		y = lower((unsigned char)*b++);
	} while (x == y && x != '\0');
	return x - y;
}

int
irm_ci_eq_n(const char *a, const char *b, size_t n)
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
		if (irm_ci_eq_n(hay, needle, n))
			return 1;
	return n == 0;
}

int
irm_ci_cmp_ptr(const void *a, const void *b)
{
	return irm_ci_cmp(*(char *const *)a, *(char *const *)b);
}

const char *
irm_url_skip_scheme(const char *u)
{
	const char *p = u;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return u;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return strncmp(p, "://", 3) == 0 ? p + 3 : u;
}

/* --------------------------------------------------------- path patterns */

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

const char *
irm_path_pattern_problem(const char *s)
{
	size_t len, n = 0;

	while (*s != '\0') {
		len = strcspn(s, "/\\");
		if (len > 0) {
			if (wild_levels(s, len) < 0)
				return "bad wildcard (use * or *(n), n 1 to 32)";
			n++;
		}
		s += len;
		if (*s != '\0')
			s++;
	}
	return n == 0 ? "empty path pattern" : NULL;
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
		return ld > ls &&
		    irm_ci_eq_n(domain + ld - ls, pattern + 1, ls);
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
 * Free mail services for persons: where one keeps a mailbox of one's own.
 * A colleague's namesake at a customer is not the user.
 */
static const char *const personal_mail[] = {"163.com", "aol.com",
    "fastmail.com", "gmail.com", "gmx.at", "gmx.com", "gmx.de", "gmx.net",
    "googlemail.com", "hotmail.co.uk", "hotmail.com", "hotmail.de",
    "hotmail.fr", "icloud.com", "libero.it", "live.com", "mac.com", "mail.com",
    "mail.ru", "me.com", "msn.com", "naver.com", "orange.fr", "outlook.com",
    "outlook.de", "pm.me", "proton.me", "protonmail.com", "qq.com",
    "t-online.de", "tuta.io", "tutanota.com", "web.de", "yahoo.co.uk",
    "yahoo.com", "yahoo.de", "yahoo.fr", "yandex.com", "yandex.ru", "ymail.com",
    "zoho.com"};

int
irm_domain_personal_mail(const char *domain)
{
	size_t i;

	if (domain == NULL)
		return 0;
	for (i = 0; i < sizeof(personal_mail) / sizeof(*personal_mail); i++)
		if (irm_domain_match(personal_mail[i], domain))
			return 1;
	return 0;
}

/*
 * Job boards: the job search category when the settings name none.  Only
 * sites for finding a job; of LinkedIn, a salesperson's daily tool, only
 * its jobs section.
 */
static const char *const job_boards[] = {"careerbuilder.com", "dice.com",
    "flexjobs.com", "glassdoor.com", "hotjobs.yahoo.com", "indeed.com",
    "job-hunt.org", "jobhuntersbible.com", "monster.com", "naukri.com",
    "reed.co.uk", "seek.com.au", "simplyhired.com", "snagajob.com",
    "stepstone.de", "totaljobs.com", "usajobs.gov", "ziprecruiter.com"};

/*
 * Vendors of keyloggers and spyware: the keylogger category of a domain
 * that neither the event nor the settings categorize, as a web filter's
 * own list would (the CERT r4.2 saboteur fetches his keylogger from
 * spectorsoft.com, and no settings come with the dataset).
 */
static const char *const keylogger_sites[] = {"actualkeylogger.com",
    "ardamax.com", "kidlogger.net", "refog.com", "softactivity.com",
    "spectorsoft.com", "spyrix.com", "spytech-web.com"};

/* Is domain name or a name under it (www.monster.com)? */
static int
domain_under(const char *domain, const char *name)
{
	size_t n = strlen(name), ld = strlen(domain);

	return ld >= n && irm_strcaseeq(domain + ld - n, name) &&
	    (ld == n || domain[ld - n - 1] == '.');
}

/* Is domain one of the n names of list or under one of them? */
static int
domain_listed(const char *domain, const char *const *list, size_t n)
{
	size_t i;

	if (domain == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (domain_under(domain, list[i]))
			return 1;
	return 0;
}

/* Is url's path /jobs or under it (https://www.linkedin.com/jobs/...)? */
static int
jobs_path(const char *url)
{
	const char *p;

	if (url == NULL)
		return 0;
	p = strstr(url, "://");
	p = strchr(p ? p + 3 : url, '/');
	return p != NULL && strncmp(p, "/jobs", 5) == 0 &&
	    (p[5] == '\0' || p[5] == '/' || p[5] == '?');
}

/* Is domain a known job board, or url LinkedIn's jobs section? */
int
irm_web_job_board(const char *domain, const char *url)
{
	if (domain_listed(
	        domain, job_boards, sizeof(job_boards) / sizeof(*job_boards)))
		return 1;
	return domain != NULL && domain_under(domain, "linkedin.com") &&
	    jobs_path(url);
}

/* Is domain a known keylogger vendor's? */
int
irm_web_keylogger(const char *domain)
{
	return domain_listed(domain, keylogger_sites,
	    sizeof(keylogger_sites) / sizeof(*keylogger_sites));
}

const char *
irm_web_category(const struct irm_settings *s, const char *domain)
{
	size_t i, k;

	if (domain == NULL)
		return NULL;
	for (k = 0; k < s->nwebcats; k++)
		for (i = 0; i < s->webcats[k].n; i++)
			if (irm_domain_match(s->webcats[k].users[i], domain))
				return s->webcats[k].name;
	return NULL;
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

	site = irm_url_skip_scheme(site);
	url = irm_url_skip_scheme(url);
	n = strlen(site);
	return strlen(url) >= n && irm_ci_eq_n(url, site, n) &&
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

/* Is ev a DLP match of high severity (event.severity or irm.severity)? */
int
irm_dlp_high(const struct irm_ev *ev)
{
	return ev->activity != NULL &&
	    strcmp(ev->activity, "dlp_matched") == 0 &&
	    (ev->severity >= IRM_SEV_HIGH ||
	        irm_severity_parse(ev->irm_severity) == IRM_SEV_HIGH);
}

/*
 * Did ev touch priority content?  Its label or any of its labels is a
 * priority label, url.full is under a priority site, its extension is a
 * priority extension, a priority keyword is in the file name, path,
 * directory or email subject, or a DLP rule of high severity matched it:
 * Purview's priority content includes sensitive information types, and
 * the organization's own rules found them in what it carried.
 */
int
irm_priority_content(const struct irm_settings *s, const struct irm_ev *ev)
{
	size_t i;

	if (priority_label(s, ev->label) || irm_dlp_high(ev))
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
		    irm_ci_eq_n(pc->p, xc->p, pc->n) &&
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
 * The identities Microsoft 365 acts as on its own behalf: SharePoint's
 * app and system accounts, Windows' local service accounts, the DLP and
 * alert engines, and applications' service principals.  None is a
 * person an analyst can open a case on, and their volume would stand
 * out in any population.
 */
static const char *const service_names[] = {"app@sharepoint", "DlpAgent",
    "SecurityComplianceAlerts", "S-1-5-18", "S-1-5-19", "S-1-5-20", NULL};
static const char *const service_prefixes[] = {
    "SHAREPOINT\\", "NT AUTHORITY\\", "ServicePrincipal_", NULL};

static int
has_prefix_case(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	char head[64];

	if (strlen(s) < n || n >= sizeof(head))
		return 0;
	memcpy(head, s, n);
	head[n] = '\0';
	return irm_strcaseeq(head, prefix);
}

int
irm_service_identity(const char *user)
{
	size_t i;

	if (user == NULL)
		return 0;
	for (i = 0; service_names[i] != NULL; i++)
		if (irm_strcaseeq(user, service_names[i]))
			return 1;
	for (i = 0; service_prefixes[i] != NULL; i++)
		if (has_prefix_case(user, service_prefixes[i]))
			return 1;
	return 0;
}

/*
 * Is ev excluded?  Its user is a service identity or in exclusions.users, its
 * file path or directory matches an exclusion path, url.full is under an
 * excluded site, an excluded keyword is in its file name, path, directory or
 * email subject, or its extension is an excluded file type.
 */
int
irm_excluded(const struct irm_settings *s, const struct irm_ev *ev)
{
	size_t i;

	if (irm_service_identity(ev->user))
		return 1;
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

/*
 * Is minute min of local day day (days since the epoch) working time?  The
 * local time in working_hours.zone is working time on a listed day from
 * start up to, not including, end.  When end is not after start the
 * shift runs past midnight and belongs to the day it starts on (22:00 to
 * 06:00 on Monday covers Monday 22:00 to Tuesday 06:00; equal start and
 * end make it 24 hours).
 */
static int
working(const struct irm_settings *s, int64_t day, int min)
{
	int wd = (int)(((day + 4) % 7 + 7) % 7), prev = (wd + 6) % 7;

	if (s->wh_start < s->wh_end)
		return (s->wh_days >> wd & 1) && min >= s->wh_start &&
		    min < s->wh_end;
	return ((s->wh_days >> wd & 1) && min >= s->wh_start) ||
	    ((s->wh_days >> prev & 1) && min < s->wh_end);
}

int
irm_after_hours(const struct irm_settings *s, int64_t ts)
{
	int64_t t = floordiv(ts, 1000), local, day;

	local = t + irm_time_zone_offset(s->wh_zone, t);
	day = floordiv(local, SECS_DAY);
	return !working(s, day, (int)((local - day * SECS_DAY) / 60));
}

int
irm_after_hour(const struct irm_settings *s, int64_t day, int hour)
{
	return !working(s, day, hour * 60 + 30);
}

int
irm_local_hour(const struct irm_settings *s, int64_t ts)
{
	int64_t t = floordiv(ts, 1000);

	t += irm_time_zone_offset(s->wh_zone, t);
	return (int)((t - floordiv(t, SECS_DAY) * SECS_DAY) / 3600);
}

/* ------------------------------------------------ users and directory */

/* For bsearch: the key is a user name. */
static int
cmp_user_person(const void *key, const void *elem)
{
	return irm_ci_cmp(key, ((const struct irm_person *)elem)->user);
}

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
		        sizeof(char *), irm_ci_cmp_ptr) != NULL)
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
	return irm_regex_match(&s->poor_rating, rating);
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
