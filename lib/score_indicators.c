/*
 * score_indicators.c - the indicator catalogue of irm-score: what each
 * indicator counts, as a predicate over one event and the settings, with
 * its default weight and daily thresholds.  irm-policy(5) documents every
 * entry; --list-indicators prints the activities and conditions strings.
 *
 * The predicates see events after the engine has dropped excluded ones
 * (irm_excluded), so no predicate looks at exclusions.  An event whose
 * event.outcome is "failure" moved no data and matches only the badge
 * indicators, for which a failed swipe is the point.
 */
#include <stddef.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"

/* The longest domain name kept for classification (RFC 1035 says 253). */
#define DOMAIN_MAX 256

/* -------------------------------------------------------------- helpers */

static int
is(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

static int
done(const struct irm_ev *ev)
{
	return !is(ev->outcome, "failure");
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Copy s[0..n) lower-cased into out (DOMAIN_MAX bytes), dropping blanks
 * and a closing '>' at the end ("Name <a@b.com>").  Returns out, or NULL
 * when nothing is left or the name is too long to be a domain.
 */
static const char *
domain_copy(const char *s, size_t n, char *out)
{
	size_t i;

	while (
	    n > 0 && (s[n - 1] == ' ' || s[n - 1] == '>' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= DOMAIN_MAX)
		return NULL;
	for (i = 0; i < n; i++)
		out[i] = lower(s[i]);
	out[n] = '\0';
	return out;
}

/* The domain of an e-mail address: after the last '@'; NULL without. */
static const char *
addr_domain(const char *addr, char *out)
{
	const char *at;

	if (addr == NULL || (at = strrchr(addr, '@')) == NULL)
		return NULL;
	return domain_copy(at + 1, strlen(at + 1), out);
}

/*
 * The home domain of a share target: a guest account
 * "name_fabrikam.com#ext#@contoso.onmicrosoft.com" is fabrikam.com (the
 * address with '@' turned into '_', so the domain follows the last '_'
 * before "#ext#"); an address "x@fabrikam.com" is fabrikam.com.  NULL
 * when the target names no domain (sharing links, groups).
 */
static const char *
guest_domain(const char *target, char *out)
{
	const char *p, *u;

	if (target == NULL)
		return NULL;
	for (p = target; *p != '\0'; p++) {
		if (p[0] == '#' && lower(p[1]) == 'e' && lower(p[2]) == 'x' &&
		    lower(p[3]) == 't' && p[4] == '#')
			break;
	}
	if (*p == '\0')
		return addr_domain(target, out);
	for (u = p; u > target && u[-1] != '_'; u--)
		;
	if (u == target)
		return NULL;
	return domain_copy(u, (size_t)(p - u), out);
}

/* Is a domain one that is never scored (internal or allowed)? */
static int
trusted(const struct irm_settings *s, const char *domain)
{
	enum irm_domclass c;

	if (domain == NULL)
		return 0;
	c = irm_domain_class(s, domain);
	return c == IRM_DOM_INTERNAL || c == IRM_DOM_ALLOWED;
}

static enum irm_domclass
domclass(const struct irm_settings *s, const char *domain)
{
	char buf[DOMAIN_MAX];
	const char *d;

	d = domain == NULL ? NULL : domain_copy(domain, strlen(domain), buf);
	return d == NULL ? IRM_DOM_NONE : irm_domain_class(s, d);
}

/* The far end of an upload or download: destination.domain, else
 * url.domain. */
static const char *
far_domain(const struct irm_ev *ev)
{
	return ev->dest_domain != NULL ? ev->dest_domain : ev->url_domain;
}

/*
 * The sender's own domain, when the settings name no internal domain:
 * the user's address, else the mail's sender.  Purview knows the
 * tenant's domains; without them every colleague was external, and
 * CERT's mail within the company made alerts by the hundred.
 */
static const char *
home_domain(const struct irm_settings *s, const struct irm_ev *ev, char *out)
{
	if (s->ndom[IRM_DOM_INTERNAL] != 0)
		return NULL;
	if (ev->user != NULL && strchr(ev->user, '@') != NULL)
		return addr_domain(ev->user, out);
	return addr_domain(ev->email_from, out);
}

/* A recipient's domain classified, the sender's home domain internal. */
static enum irm_domclass
to_class(const struct irm_settings *s, const char *d, const char *home)
{
	enum irm_domclass c = irm_domain_class(s, d);

	if (c == IRM_DOM_NONE && home != NULL && strcmp(d, home) == 0)
		return IRM_DOM_INTERNAL;
	return c;
}

/*
 * The recipients of ev classified: 2 when one is in an unallowed domain, 1
 * when one is external and scored (not internal, not allowed), 0 when
 * none is.  Recipients without a domain are not classified.
 */
static int
recipients_class(const struct irm_settings *s, const struct irm_ev *ev)
{
	char buf[DOMAIN_MAX], home[DOMAIN_MAX];
	const char *d, *h = home_domain(s, ev, home);
	enum irm_domclass c;
	size_t i;
	int r = 0;

	for (i = 0; i < ev->email_to.n; i++) {
		if ((d = addr_domain(ev->email_to.v[i], buf)) == NULL)
			continue;
		c = to_class(s, d, h);
		if (c == IRM_DOM_UNALLOWED)
			return 2;
		if (c != IRM_DOM_INTERNAL && c != IRM_DOM_ALLOWED)
			r = 1;
	}
	return r;
}

/* Is ev a mail that names its recipients (a send or a DLP match)? */
static int
is_mail(const struct irm_ev *ev)
{
	return is(ev->activity, "email_sent") ||
	    is(ev->activity, "dlp_matched");
}

/*
 * The letters and digits of s up to stop (or its end), lower-cased, into
 * out (n bytes).  Returns the length written.
 */
static size_t
alnum_copy(const char *s, int stop, char *out, size_t n)
{
	size_t len = 0;
	char c;

	for (; *s != '\0' && *s != stop && len + 1 < n; s++) {
		c = lower(*s);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[len++] = c;
	}
	out[len] = '\0';
	return len;
}

/*
 * Does some recipient look like the user's own mailbox elsewhere?  The
 * letters and digits of the recipient's local part contain those of the
 * user's (at least 3 of them), in an unallowed domain or at a free mail
 * service for persons: megan.bowen@contoso.com writing to
 * megan.bowen.home@outlook.com or meganbowen77@gmail.com.  A namesake at
 * a customer is a contact three colleagues mail too (irm-gen -u 200 -d 60
 * -s 116: hiroshi.wagner@wideworldimporters.com).
 */
static int
self_recipient(const struct irm_settings *s, const struct irm_ev *ev)
{
	char me[128], them[128], buf[DOMAIN_MAX], home[DOMAIN_MAX];
	const char *d, *h = home_domain(s, ev, home);
	enum irm_domclass c;
	size_t i;

	if (ev->user == NULL || alnum_copy(ev->user, '@', me, sizeof(me)) < 3)
		return 0;
	for (i = 0; i < ev->email_to.n; i++) {
		if ((d = addr_domain(ev->email_to.v[i], buf)) == NULL)
			continue;
		c = to_class(s, d, h);
		if (c == IRM_DOM_INTERNAL || c == IRM_DOM_ALLOWED ||
		    (c != IRM_DOM_UNALLOWED && !irm_domain_personal_mail(d)))
			continue;
		alnum_copy(ev->email_to.v[i], '@', them, sizeof(them));
		if (strstr(them, me) != NULL)
			return 1;
	}
	return 0;
}

/*
 * Compare a category name ignoring case and everything but letters and
 * digits, so "DefenseEvasion", "Defense Evasion" and "defense_evasion"
 * are one.  An optional trailing 's' on the value is allowed when plural
 * is set ("Keyloggers").
 */
static int
category_is(const char *value, const char *want, int plural)
{
	char v[64];
	size_t n;

	if (value == NULL)
		return 0;
	n = alnum_copy(value, '\0', v, sizeof(v));
	if (strcmp(v, want) == 0)
		return 1;
	if (plural && n > 1 && v[n - 1] == 's') {
		v[n - 1] = '\0';
		return strcmp(v, want) == 0;
	}
	return 0;
}

/* Risky web categories, after Purview's risky browsing indicators. */
static const char *const risky_categories[] = {"childabuse", "criminalactivity",
    "cult", "gambling", "hacking", "hate", "hateandintolerance",
    "hateintolerance", "illegalsoftware", "keylogger", "malware", "phishing",
    "pornography", "violence"};

static int
risky_category(const char *category)
{
	size_t i;

	for (i = 0; i < sizeof(risky_categories) / sizeof(risky_categories[0]);
	     i++) {
		if (category_is(category, risky_categories[i], 1))
			return 1;
	}
	return 0;
}

/* Is a URL host a OneDrive one (TENANT-my.sharepoint.com)? */
static int
onedrive_host(const char *domain)
{
	return domain != NULL && strstr(domain, "-my.sharepoint.") != NULL;
}

/* ----------------------------------------------------------- predicates */

static int
m_sharepoint_download(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "file_downloaded") && done(ev) &&
	    !onedrive_host(ev->url_domain);
}

static int
m_onedrive_download(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "file_downloaded") && done(ev) &&
	    onedrive_host(ev->url_domain);
}

static int
m_sync_download(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "file_synced") && done(ev);
}

/* Shared with or added as someone outside: external scope, and the
 * guest's domain (when the target names one) is not internal or allowed. */
static int
external_guest(const struct irm_settings *s, const struct irm_ev *ev)
{
	char buf[DOMAIN_MAX];

	return is(ev->share_scope, "external") &&
	    !trusted(s, guest_domain(ev->share_target, buf));
}

static int
m_file_shared_external(const struct irm_settings *s, const struct irm_ev *ev)
{
	return is(ev->activity, "shared") && done(ev) && external_guest(s, ev);
}

static int
m_anonymous_link(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "shared") && done(ev) &&
	    is(ev->share_scope, "anonymous");
}

static int
m_site_external_member(const struct irm_settings *s, const struct irm_ev *ev)
{
	return is(ev->activity, "member_added") && done(ev) &&
	    external_guest(s, ev);
}

/*
 * A downgrade as the source says it, or, when the source gives no kind of
 * change, a new label of lower priority than the old one in
 * settings.labels.
 */
static int
m_label_downgraded(const struct irm_settings *s, const struct irm_ev *ev)
{
	int from, to;

	if (!is(ev->activity, "label_changed") || !done(ev))
		return 0;
	if (ev->label_change != NULL)
		return is(ev->label_change, "downgraded");
	if (ev->label == NULL || ev->label_old == NULL)
		return 0;
	from = irm_label_priority(s, ev->label_old);
	to = irm_label_priority(s, ev->label);
	return from >= 0 && to >= 0 && to > from;
}

/* A removal as the source says it, or an old label and no new one. */
static int
m_label_removed(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	if (!is(ev->activity, "label_changed") || !done(ev))
		return 0;
	if (ev->label_change != NULL)
		return is(ev->label_change, "removed");
	return ev->label_old != NULL && ev->label == NULL;
}

static int
m_priority_file_accessed(const struct irm_settings *s, const struct irm_ev *ev)
{
	return (is(ev->activity, "file_accessed") ||
	           is(ev->activity, "file_read")) &&
	    done(ev) && irm_priority_content(s, ev);
}

static int
m_cloud_file_deleted(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return (is(ev->activity, "file_deleted") ||
	           is(ev->activity, "file_purged")) &&
	    done(ev) && ev->url_domain != NULL;
}

/*
 * Attachments count when irm.attachments is above 0; a DLP match without
 * the count stands for the mail it matched (Exchange DLP records name the
 * recipients but not the attachments, Send records the other way round).
 */
static int
m_email_external_attachments(
    const struct irm_settings *s, const struct irm_ev *ev)
{
	int attached;

	if (!is_mail(ev) || !done(ev))
		return 0;
	attached = ev->attachments > 0 ||
	    (ev->attachments < 0 && is(ev->activity, "dlp_matched"));
	return attached && recipients_class(s, ev) >= 1;
}

static int
m_email_personal_domain(const struct irm_settings *s, const struct irm_ev *ev)
{
	return is_mail(ev) && done(ev) && recipients_class(s, ev) == 2;
}

static int
m_email_self(const struct irm_settings *s, const struct irm_ev *ev)
{
	return is_mail(ev) && done(ev) && self_recipient(s, ev);
}

static int
m_email_forwarding_rule(const struct irm_settings *s, const struct irm_ev *ev)
{
	return is(ev->activity, "email_rule") && done(ev) &&
	    recipients_class(s, ev) >= 1;
}

static int
m_usb_copy(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "usb_copied") && done(ev);
}

static int
m_cloud_upload(const struct irm_settings *s, const struct irm_ev *ev)
{
	char buf[DOMAIN_MAX];
	const char *d;

	if (!is(ev->activity, "cloud_uploaded") || !done(ev))
		return 0;
	d = far_domain(ev);
	d = d == NULL ? NULL : domain_copy(d, strlen(d), buf);
	return !trusted(s, d);
}

static int
m_print(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "printed") && done(ev);
}

static int
m_network_share_copy(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "network_share_copied") && done(ev);
}

static int
m_bluetooth_transfer(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "bluetooth_sent") && done(ev);
}

/* Sensitive: the file carries a sensitivity label, or is priority
 * content. */
static int
m_clipboard_sensitive(const struct irm_settings *s, const struct irm_ev *ev)
{
	return is(ev->activity, "clipboard_copied") && done(ev) &&
	    (ev->label != NULL || ev->labels.n > 0 ||
	        irm_priority_content(s, ev));
}

static int
m_rdp_copy(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "rdp_copied") && done(ev);
}

static int
m_browser_download_unallowed(
    const struct irm_settings *s, const struct irm_ev *ev)
{
	return is(ev->activity, "browser_downloaded") && done(ev) &&
	    domclass(s, far_domain(ev)) == IRM_DOM_UNALLOWED;
}

static int
m_browser_download_third_party(
    const struct irm_settings *s, const struct irm_ev *ev)
{
	return is(ev->activity, "browser_downloaded") && done(ev) &&
	    domclass(s, far_domain(ev)) == IRM_DOM_THIRD_PARTY;
}

static int
m_file_renamed(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "file_renamed") && done(ev);
}

static int
m_file_archived(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "file_archived") && done(ev);
}

static int
m_device_file_deleted(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "file_deleted") && done(ev) &&
	    ev->url_domain == NULL;
}

static int
m_usb_mount(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "usb_mounted") && done(ev);
}

static int
m_after_hours_logon(const struct irm_settings *s, const struct irm_ev *ev)
{
	return is(ev->activity, "logon") && done(ev) &&
	    irm_after_hours(s, ev->ts);
}

static int
m_defense_evasion(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "security_alert") &&
	    category_is(ev->alert_category, "defenseevasion", 0);
}

/*
 * Mail sent as, or on behalf of, another mailbox: email.from is not the
 * user (O365 SendAs, SendOnBehalf, or Send from a mailbox not the
 * actor's).  An assistant does it for the boss every day, and then it is
 * no first time; an administrator mailing all staff in a supervisor's
 * name does it once.
 */
static int
m_email_as_other(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	/* A user named by an account id (CERT's dtaa/lap0338) has a
	 * mailbox the event does not name: the engine tells a sender the
	 * user has not sent from (IRM_EV_NEW_FROM). */
	if (!is(ev->activity, "email_sent") || !done(ev) ||
	    ev->email_from == NULL || ev->email_from[0] == '\0')
		return 0;
	if (strchr(ev->user, '@') == NULL)
		return (ev->signal & IRM_EV_NEW_FROM) != 0;
	return !irm_strcaseeq(ev->email_from, ev->user);
}

/*
 * A low or informational detection (adware, a PUA blocked on the spot) is
 * Defender's hygiene, not the user's act: irm-gen's background has one a
 * user in 2,000 days, and under the security templates' defaults a
 * leaver's first one with a first USB mount made a medium risk (seeds
 * 42 and 52 at 200 users).  An alert without a severity counts.
 */
static int
low_alert(const struct irm_ev *ev)
{
	const char *v = ev->irm_severity;

	return ev->severity == IRM_SEV_LOW ||
	    (v &&
	        (irm_strcaseeq(v, "low") || irm_strcaseeq(v, "informational")));
}

static int
m_unwanted_software(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "security_alert") &&
	    (category_is(ev->alert_category, "unwantedsoftware", 0) ||
	        category_is(ev->alert_category, "malware", 0)) &&
	    !low_alert(ev);
}

/* Does the rule act on mail so that the user does not see it: delete,
 * move to a folder, mark as read, stop processing the rules after it?
 * Forwarding, copying, categories and flags alone hide nothing. */
static int
hides_mail(const struct irm_ev *ev)
{
	static const char *const hiding[] = {"delete", "move_to_folder",
	    "mark_as_read", "stop_processing_rules"};
	size_t i, k;

	for (i = 0; i < ev->rule_actions.n; i++)
		for (k = 0; k < sizeof(hiding) / sizeof(hiding[0]); k++)
			if (is(ev->rule_actions.v[i], hiding[k]))
				return 1;
	return 0;
}

static int
m_inbox_rule_hiding(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "email_rule") && done(ev) && hides_mail(ev);
}

/* The engine tells the owner of the item (IRM_EV_OWNER) and counts the
 * event for the owner. */
static int
m_anonymous_access(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "anonymous_link_used") && done(ev) &&
	    (ev->signal & IRM_EV_OWNER) != 0;
}

/* Same identity, ignoring ASCII case. */
static int
same_id(const char *a, const char *b)
{
	for (; *a != '\0' && lower(*a) == lower(*b); a++, b++)
		;
	return lower(*a) == lower(*b);
}

/* An administrator's operation on another account; the engine counts
 * each target once a day (distinct). */
static int
m_admin_burst(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return (is(ev->activity, "password_reset") ||
	           is(ev->activity, "role_assigned") ||
	           is(ev->activity, "mailbox_permission_added")) &&
	    done(ev) && ev->target_user != NULL && *ev->target_user != '\0' &&
	    !same_id(ev->user, ev->target_user);
}

/* The engine marks sign-ins new for the user (IRM_EV_NEW_IP,
 * IRM_EV_NEW_AGENT) from its memory of the user's sign-ins. */
static int
m_signin_new_ip(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "logon") && done(ev) &&
	    (ev->signal & IRM_EV_NEW_IP) != 0;
}

static int
m_signin_new_agent(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "logon") && done(ev) &&
	    (ev->signal & IRM_EV_NEW_AGENT) != 0;
}

static int
m_logon_new_host(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "logon") && done(ev) &&
	    (ev->signal & IRM_EV_NEW_HOST) != 0;
}

static int
m_browse_risky(const struct irm_settings *s, const struct irm_ev *ev)
{
	const char *category;

	if (!is(ev->activity, "web_visited") || !done(ev))
		return 0;
	if (domclass(s, ev->url_domain) == IRM_DOM_UNALLOWED)
		return 1;
	/* The event's own category first, then the settings', then the
	 * known keylogger vendors. */
	category =
	    ev->category ? ev->category : irm_web_category(s, ev->url_domain);
	if (category)
		return risky_category(category);
	return irm_web_keylogger(ev->url_domain);
}

static int
job_category(const char *category)
{
	return category_is(category, "jobsearch", 0);
}

static int
m_browse_job_search(const struct irm_settings *s, const struct irm_ev *ev)
{
	size_t k;

	if (!is(ev->activity, "web_visited") || !done(ev))
		return 0;
	if (ev->category)
		return job_category(ev->category);
	for (k = 0; k < s->nwebcats; k++)
		if (job_category(s->webcats[k].name))
			return job_category(
			    irm_web_category(s, ev->url_domain));
	return irm_web_job_board(ev->url_domain, ev->url_full);
}

static int
m_badge_failed(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "badge_access") && is(ev->outcome, "failure");
}

/* Every swipe; the engine keeps those after the user's last day. */
static int
m_badge_after_termination(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "badge_access");
}

static int
m_custom(const struct irm_settings *s, const struct irm_ev *ev)
{
	(void)s;
	return is(ev->activity, "custom");
}

/* ------------------------------------------------------------ catalogue */

/*
 * In the order --list-indicators prints: Office (SharePoint, OneDrive,
 * Exchange), device, security, browsing, physical, custom.
 */
const struct irm_indicator irm_indicators[] = {
    {.name = "sharepoint_download",
        .activities = "file_downloaded",
        .conditions = "url.domain is not a OneDrive host (-my.sharepoint.)",
        .weight = 10,
        .thresholds = {5, 20, 50},
        .match = m_sharepoint_download},
    {.name = "onedrive_download",
        .activities = "file_downloaded",
        .conditions = "url.domain is a OneDrive host (-my.sharepoint.)",
        .weight = 10,
        .thresholds = {5, 20, 50},
        .match = m_onedrive_download},
    {.name = "sync_download",
        .activities = "file_synced",
        .conditions = "-",
        .weight = 10,
        .thresholds = {10, 50, 100},
        .match = m_sync_download},
    {.name = "file_shared_external",
        .activities = "shared",
        .conditions =
            "share scope external; guest domain not internal or allowed",
        .weight = 20,
        .thresholds = {1, 5, 15},
        .exfiltration = 1,
        .match = m_file_shared_external},
    {.name = "anonymous_link",
        .activities = "shared",
        .conditions = "share scope anonymous",
        .weight = 20,
        .thresholds = {1, 5, 15},
        .exfiltration = 1,
        .match = m_anonymous_link},
    {.name = "anonymous_access",
        .activities = "anonymous_link_used",
        .conditions =
            "an item of a OneDrive (/personal/OWNER/) whose owner is a known user; counted for the owner (engine)",
        .weight = 35,
        .thresholds = {1, 3, 10},
        .engine = 1,
        .risky = 1,
        .match = m_anonymous_access},
    {.name = "site_external_member",
        .activities = "member_added",
        .conditions =
            "share scope external; guest domain not internal or allowed",
        .weight = 15,
        .thresholds = {1, 3, 10},
        .exfiltration = 1,
        .match = m_site_external_member},
    {.name = "label_downgraded",
        .activities = "label_changed",
        .conditions =
            "label change downgraded; without one, a new label of lower priority in settings.labels",
        .weight = 15,
        .thresholds = {1, 5, 15},
        .match = m_label_downgraded},
    {.name = "label_removed",
        .activities = "label_changed",
        .conditions =
            "label change removed; without one, an old label and no new one",
        .weight = 15,
        .thresholds = {1, 5, 15},
        .match = m_label_removed},
    {.name = "priority_file_accessed",
        .activities = "file_accessed file_read",
        .conditions = "priority content",
        .weight = 5,
        .thresholds = {10, 30, 100},
        .match = m_priority_file_accessed},
    {.name = "cloud_file_deleted",
        .activities = "file_deleted file_purged",
        .conditions = "has url.domain (SharePoint or OneDrive)",
        .weight = 10,
        .thresholds = {5, 20, 50},
        .match = m_cloud_file_deleted},
    {.name = "email_external_attachments",
        .activities = "email_sent dlp_matched",
        .conditions =
            "a recipient not internal or allowed; attachments above 0 (dlp_matched without a count counts)",
        .weight = 20,
        .thresholds = {1, 10, 30},
        .exfiltration = 1,
        .match = m_email_external_attachments},
    {.name = "email_personal_domain",
        .activities = "email_sent dlp_matched",
        .conditions = "a recipient in an unallowed domain",
        .weight = 25,
        .thresholds = {1, 5, 15},
        .exfiltration = 1,
        .match = m_email_personal_domain},
    {.name = "email_self",
        .activities = "email_sent dlp_matched",
        .conditions =
            "a recipient not internal or allowed whose local part contains the user's (letters and digits)",
        .weight = 25,
        .thresholds = {1, 5, 15},
        .exfiltration = 1,
        .match = m_email_self},
    {.name = "email_forwarding_rule",
        .activities = "email_rule",
        .conditions = "a forwarding address not internal or allowed",
        .weight = 25,
        .thresholds = {1, 2, 5},
        .exfiltration = 1,
        .match = m_email_forwarding_rule},
    {.name = "inbox_rule_hiding",
        .activities = "email_rule",
        .conditions =
            "irm.mail_rule.actions has delete, move_to_folder, mark_as_read or stop_processing_rules",
        .weight = 25,
        .thresholds = {1, 2, 4},
        .risky = 2,
        .match = m_inbox_rule_hiding},
    {.name = "usb_copy",
        .activities = "usb_copied",
        .conditions = "-",
        .weight = 20,
        .thresholds = {1, 10, 30},
        .exfiltration = 1,
        .match = m_usb_copy},
    {.name = "cloud_upload",
        .activities = "cloud_uploaded",
        .conditions =
            "destination.domain (else url.domain) not internal or allowed",
        .weight = 20,
        .thresholds = {1, 10, 30},
        .exfiltration = 1,
        .match = m_cloud_upload},
    {.name = "print",
        .activities = "printed",
        .conditions = "-",
        .weight = 10,
        .thresholds = {5, 20, 50},
        .exfiltration = 1,
        .match = m_print},
    {.name = "network_share_copy",
        .activities = "network_share_copied",
        .conditions = "-",
        .weight = 10,
        .thresholds = {5, 20, 50},
        .exfiltration = 1,
        .match = m_network_share_copy},
    {.name = "bluetooth_transfer",
        .activities = "bluetooth_sent",
        .conditions = "-",
        .weight = 20,
        .thresholds = {1, 10, 30},
        .exfiltration = 1,
        .match = m_bluetooth_transfer},
    {.name = "clipboard_sensitive",
        .activities = "clipboard_copied",
        .conditions = "a sensitivity label, or priority content",
        .weight = 10,
        .thresholds = {5, 20, 50},
        .match = m_clipboard_sensitive},
    {.name = "rdp_copy",
        .activities = "rdp_copied",
        .conditions = "-",
        .weight = 15,
        .thresholds = {1, 10, 30},
        .exfiltration = 1,
        .match = m_rdp_copy},
    {.name = "browser_download_unallowed",
        .activities = "browser_downloaded",
        .conditions = "destination.domain (else url.domain) unallowed",
        .weight = 15,
        .thresholds = {1, 5, 15},
        .match = m_browser_download_unallowed},
    {.name = "browser_download_third_party",
        .activities = "browser_downloaded",
        .conditions = "destination.domain (else url.domain) third_party",
        .weight = 10,
        .thresholds = {3, 10, 30},
        .match = m_browser_download_third_party},
    {.name = "file_renamed",
        .activities = "file_renamed",
        .conditions = "-",
        .weight = 5,
        .thresholds = {5, 20, 50},
        .match = m_file_renamed},
    {.name = "file_archived",
        .activities = "file_archived",
        .conditions = "-",
        .weight = 10,
        .thresholds = {3, 10, 30},
        .match = m_file_archived},
    {.name = "device_file_deleted",
        .activities = "file_deleted",
        .conditions = "no url.domain (a device or CERT file)",
        .weight = 5,
        .thresholds = {10, 30, 100},
        .match = m_device_file_deleted},
    {.name = "usb_mount",
        .activities = "usb_mounted",
        .conditions = "-",
        .weight = 5,
        .thresholds = {1, 3, 10},
        .match = m_usb_mount},
    {.name = "after_hours_logon",
        .activities = "logon",
        .conditions = "outside working_hours",
        .weight = 5,
        .thresholds = {1, 3, 10},
        .match = m_after_hours_logon},
    {.name = "defense_evasion",
        .activities = "security_alert",
        .conditions = "alert category DefenseEvasion",
        .weight = 30,
        .thresholds = {1, 2, 5},
        .match = m_defense_evasion},
    {.name = "unwanted_software",
        .activities = "security_alert",
        .conditions =
            "alert category UnwantedSoftware or Malware, severity not low or informational",
        .weight = 25,
        .thresholds = {1, 2, 5},
        .match = m_unwanted_software},
    {.name = "email_as_other",
        .activities = "email_sent",
        .conditions =
            "email.from.address is not the user; for a user named by an account id, not sent from in the look-back after 5 days of mail (engine)",
        .weight = 25,
        .thresholds = {1, 3, 10},
        .match = m_email_as_other},
    {.name = "admin_burst",
        .activities = "password_reset role_assigned mailbox_permission_added",
        .conditions =
            "user.target.name is another account; each target counted once a day (engine)",
        .weight = 25,
        .thresholds = {10, 20, 40},
        .engine = 1,
        .risky = 2,
        .distinct = 1,
        .match = m_admin_burst},
    {.name = "signin_new_ip",
        .activities = "logon",
        .conditions =
            "source.ip's network (IPv4 /24, IPv6 /64) not used by the user in the look-back, after 5 days of sign-ins (engine)",
        .weight = 10,
        .thresholds = {1, 3, 6},
        .engine = 1,
        .risky = 1,
        .match = m_signin_new_ip},
    {.name = "signin_new_agent",
        .activities = "logon",
        .conditions =
            "user_agent not used by the user in the look-back, after 5 days of sign-ins (engine)",
        .weight = 10,
        .thresholds = {1, 3, 6},
        .engine = 1,
        .risky = 1,
        .match = m_signin_new_agent},
    {.name = "logon_new_host",
        .activities = "logon",
        .conditions =
            "host.name not logged on to by the user in the look-back, after 5 days of sign-ins (engine)",
        .weight = 10,
        .thresholds = {1, 3, 6},
        .engine = 1,
        .match = m_logon_new_host},
    {.name = "browse_risky",
        .activities = "web_visited",
        .conditions =
            "a risky irm.category or web category of url.domain, or url.domain unallowed",
        .weight = 10,
        .thresholds = {1, 10, 30},
        .match = m_browse_risky},
    {.name = "browse_job_search",
        .activities = "web_visited",
        .conditions =
            "irm.category or web category of url.domain job search, else a known job board",
        .weight = 5,
        .thresholds = {1, 10, 30},
        .match = m_browse_job_search},
    {.name = "badge_failed_priority_asset",
        .activities = "badge_access",
        .conditions = "outcome failure (any asset)",
        .weight = 10,
        .thresholds = {2, 5, 10},
        .match = m_badge_failed},
    {.name = "badge_after_termination",
        .activities = "badge_access",
        .conditions = "after the last working day of a resignation (engine)",
        .weight = 30,
        .thresholds = {1, 2, 5},
        .engine = 1,
        .match = m_badge_after_termination},
    {.name = "custom",
        .activities = "custom",
        .conditions = "-",
        .weight = 20,
        .thresholds = {1, 5, 15},
        .engine = 1,
        .match = m_custom},
};

const size_t irm_nindicators =
    sizeof(irm_indicators) / sizeof(irm_indicators[0]);

_Static_assert(sizeof(irm_indicators) / sizeof(irm_indicators[0]) <=
        sizeof(((struct irm_policy *)0)->ind) /
            sizeof(((struct irm_policy *)0)->ind[0]),
    "struct irm_policy has room for every indicator");

/*
 * The catalogue index of the indicator called name, or -1 when there is
 * none.  The catalogue is small, so a scan does.
 */
int
irm_indicator_find(const char *name)
{
	size_t i;

	if (name == NULL) /* a state file's element that is no string */
		return -1;
	for (i = 0; i < irm_nindicators; i++) {
		if (strcmp(irm_indicators[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * The channel of indicator idx: the index of the indicator that stands
 * for it.  The mail indicators are one channel, as one mail to the
 * user's own Gmail is a mail outside, to an unallowed domain and to the
 * user's own name; every other indicator is its own.
 */
int
irm_indicator_channel(int idx)
{
	static int mail = -2, personal, self;

	if (mail == -2) {
		mail = irm_indicator_find("email_external_attachments");
		personal = irm_indicator_find("email_personal_domain");
		self = irm_indicator_find("email_self");
	}
	return idx == personal || idx == self ? mail : idx;
}

/*
 * Does ev name an unallowed domain as its far end: a recipient, the guest
 * domain of a share or member target, destination.domain, or url.domain
 * of a cloud upload, browser download or web visit?  Returns 1 or 0; the
 * unallowed-domain booster applies at 1.
 */
int
irm_ev_unallowed(const struct irm_settings *s, const struct irm_ev *ev)
{
	char buf[DOMAIN_MAX];

	if (recipients_class(s, ev) == 2)
		return 1;
	if (domclass(s, guest_domain(ev->share_target, buf)) ==
	    IRM_DOM_UNALLOWED)
		return 1;
	if (domclass(s, ev->dest_domain) == IRM_DOM_UNALLOWED)
		return 1;
	return (is(ev->activity, "cloud_uploaded") ||
	           is(ev->activity, "browser_downloaded") ||
	           is(ev->activity, "web_visited")) &&
	    domclass(s, ev->url_domain) == IRM_DOM_UNALLOWED;
}

/*
 * Is ev mail to business recipients only: none in an unallowed domain,
 * none at a free mail service for persons?  Without settings every
 * domain is merely external, and a match of mail to one's own Gmail is
 * no business of the organization's.
 */
int
irm_ev_business_mail(const struct irm_settings *s, const struct irm_ev *ev)
{
	char buf[DOMAIN_MAX];
	const char *d;
	size_t i;

	if (ev->email_to.n == 0 || irm_ev_unallowed(s, ev))
		return 0;
	for (i = 0; i < ev->email_to.n; i++)
		if ((d = addr_domain(ev->email_to.v[i], buf)) != NULL &&
		    irm_domain_personal_mail(d))
			return 0;
	return 1;
}
