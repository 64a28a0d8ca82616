/*
 * gen-events - write synthetic irm events (irm-event(5)) in time order
 *
 *	gen-events [--users U] [--days D] [--events N] [--seed S]
 *	    [--directory FILE]
 *
 * Writes N events (default 5,000,000) for U users (default 10,000) over D
 * UTC days (default 30) from 2026-03-01 to stdout, one compact JSON object
 * per line with the keys in the order irm-norm writes them, sorted by
 * @timestamp, then prints "records N bytes M users U days D" on stderr.
 * The output depends only on the arguments: the seed is fixed unless
 * given.  --directory also writes the directory CSV of irm-score's
 * settings (user, department, manager, title) for the same users.
 *
 * The mix follows a tenant after irm-norm: SharePoint and OneDrive file
 * access, downloads and syncs, logons (some at night and at weekends, so
 * after hours), mail with recipients at contoso.com, partners and
 * personal domains and with attachments, USB copies and cloud uploads
 * with sensitivity labels on some, external and anonymous shares, label
 * downgrades, renames, deletions, printing, browsing, badge swipes, a few
 * Defender alerts (DefenseEvasion among them) and custom detections, and
 * a service account.  Half a percent of the users resign during the
 * period (an HR resignation with resignation and last working dates): from
 * two weeks before the resignation until their last day they copy, upload
 * and mail out more, from a small set of files so that sequences form,
 * and some of them swipe badges after leaving and have their account
 * deleted.  A few users get a poor review, a demotion or an improvement
 * plan.  Addresses are RFC 5737 documentation ranges.
 *
 * Time order: the events of each hour are drawn, their times sorted, and
 * the HR events and account deletions, which have fixed times, merged in.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define START_DAY 20513 /* 2026-03-01, days since 1970-01-01 */
#define HOUR_MS 3600000U

#include "names.h"

static const char *const departments[] = {"Finance", "Sales", "Marketing",
    "Engineering", "Legal", "HR", "IT", "Operations", "Research", "Support",
    "Procurement", "Executive"};

static const char *const titles[] = {"Analyst", "Engineer", "Manager",
    "Specialist", "Consultant", "Associate", "Director", "Coordinator"};

/* Sites; "mergers" is priority content in bench/settings.json. */
static const char *const sites[] = {"finance", "hr", "legal", "mergers",
    "engineering", "sales", "marketing", "it", "exec", "procurement",
    "project-x", "research", "support", "operations", "design", "security",
    "partners", "training", "board", "strategy"};

static const char *const dirs[] = {"Shared Documents",
    "Shared Documents/Reports", "Shared Documents/Reports/2026",
    "Shared Documents/Contracts", "Shared Documents/Customers",
    "Shared Documents/General", "Shared Documents/Archive/2025"};

static const char *const odirs[] = {"Documents", "Documents/Projects",
    "Documents/Desktop", "Documents/Personal"};

/* Stems include non-ASCII names, as real tenants have. */
static const char *const stems[] = {"Q3 forecast", "Budget 2026",
    "Customer list", "Board deck", "Roadmap", "Salary review", "Contract draft",
    "Pricing model", "Source code export", "Design spec", "Org chart",
    "Pipeline", "Invoice 4711", "Meeting notes", "Offer letter",
    "Due diligence", "Patent draft", "Übersicht Vertrieb", "Résumé", "会议纪要",
    "Projektplan", "Onboarding checklist", "Sales leads", "Payroll March",
    "Architecture overview", "Incident report", "Vendor list", "Marketing plan",
    "Benchmark results", "Press release"};

/* What a leaver takes: few names, so that downloads and copies meet. */
static const char *const loot[] = {"Customer list.xlsx", "Pricing model.xlsx",
    "Roadmap.pptx", "Source code export.zip", "Sales leads.csv",
    "Contract templates.docx", "Key accounts 2026.xlsx", "Design spec.pdf"};

/* What a leaver renames the loot to before copying it out. */
static const char *const disguise[] = {
    "holiday photos.zip", "old stuff.zip", "personal.xlsx", "recipes.docx"};

static const char *const exts[] = {"docx", "xlsx", "pptx", "pdf", "csv", "txt",
    "png", "zip", "dwg", "pst", "xlsx", "docx", "pdf"};

/* Highly Confidential, Confidential, General, Public: bench/settings.json. */
static const char *const labels[] = {"d9f23ae3-a239-45ea-bf23-f515f824c57b",
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "f42aa342-8706-4288-bd11-ebb85995028c",
    "27451a5b-5823-4853-bcd4-2204d03ab477"};

static const char *const agents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.66",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 "
    "Firefox/123.0"};

static const char *const sync_agent =
    "Microsoft SkyDriveSync 24.030.0211.0002 ship; Windows NT 10.0 (19045)";

static const char *const subjects[] = {"Q3 numbers", "Re: contract review",
    "FW: customer list", "Board meeting prep", "Draft offer",
    "Pricing for Fabrikam", "Weekly status", "Re: Re: invoice 4711",
    "Confidential: merger timeline", "Lunch?", "Updated roadmap",
    "Résumé attached", "training schedule"};

/* Recipient domains: fabrikam.com is allowed, the rest external. */
static const char *const partners[] = {"fabrikam.com", "northwindtraders.com",
    "tailspintoys.com", "adventure-works.com", "fabrikam.com"};

static const char *const personal[] = {
    "gmail.com", "outlook.com", "yahoo.com", "proton.me", "gmail.com"};

static const char *const clouds[] = {"www.dropbox.com", "drive.google.com",
    "wetransfer.com", "mega.nz", "app.box.com", "contoso.sharepoint.com"};

static const char *const webs[] = {"www.bing.com", "learn.microsoft.com",
    "www.linkedin.com", "news.example.com", "github.com", "stackoverflow.com",
    "www.wikipedia.org", "www.reuters.com"};

static const char *const webcats[] = {"news", "search", "socialnetworking",
    "business", "technology", "reference", "education", "shopping"};

static const char *const riskycats[] = {
    "gambling", "hacking", "malware", "phishing", "illegalsoftware"};

static const char *const assets[] = {"HQ-MAIN-1", "HQ-MAIN-2", "HQ-GARAGE",
    "HQ-DATACENTER", "HQ-FLOOR3", "LAB-B", "LAB-SERVER"};

static const char *const alerts[][2] = {
    {"DefenseEvasion", "Suspicious execution of hidden file"},
    {"DefenseEvasion", "Attempt to turn off Microsoft Defender Antivirus"},
    {"UnwantedSoftware", "'Presenoker' unwanted software was detected"},
    {"Malware", "'Wacatac' malware was prevented"},
    {"CredentialAccess", "Suspicious access to LSASS service"},
    {"ThreatManagement", "Unusual volume of file deletion"}};

static const char *const customs[] = {
    "LeaverPrediction_M1", "Watchlist hit", "Unusual print volume (CASB)"};

/* ------------------------------------------------------------ random */

static uint64_t seed = 20260301;

/* splitmix64: fast, and the same on every platform. */
static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
next(void)
{
	return mix(seed += 0x9e3779b97f4a7c15ULL);
}

static unsigned
rnd(unsigned n)
{
	return (unsigned)(next() % n);
}

#define PICK(a) ((a)[rnd(NELEM(a))])

/* realloc, or exit: the generator has no use for a partial output. */
static void *
grow(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (q == NULL) {
		perror("gen-events");
		exit(1);
	}
	return q;
}

/* ------------------------------------------------------------- users */

struct user {
	char name[56]; /* user.name: lower case, as irm-norm writes it */
	char od[96];   /* OneDrive personal site */
	char ip[16];
	char host[24];
	char local[40]; /* the name before the '@' */
	int dept;
	int agent;
	int resign;          /* day of the resignation, -1 for stayers */
	int last;            /* last working day */
	unsigned char badge; /* swipes after leaving */
};

static struct user *users;
static unsigned nusers, ndays;

static void
make_users(void)
{
	struct user *u;
	const char *f, *l;
	unsigned i, k;
	char suffix[12];

	users = grow(NULL, nusers * sizeof(*users));
	memset(users, 0, nusers * sizeof(*users));
	for (i = 0; i < nusers; i++) {
		u = &users[i];
		f = firsts[i % 50];
		l = irm_gen_lasts[i / 50 % 100];
		suffix[0] = '\0';
		if (i >= 5000)
			snprintf(suffix, sizeof(suffix), "%u", i / 5000 + 1);
		snprintf(u->local, sizeof(u->local), "%s.%s%s", f, l, suffix);
		snprintf(u->name, sizeof(u->name), "%s@contoso.com", u->local);
		snprintf(u->od, sizeof(u->od),
		    "https://contoso-my.sharepoint.com/personal/"
		    "%s_%s%s_contoso_com/",
		    f, l, suffix);
		snprintf(u->ip, sizeof(u->ip), "%s.%u",
		    i % 3 == 0       ? "192.0.2"
		        : i % 3 == 1 ? "198.51.100"
		                     : "203.0.113",
		    1 + i % 254);
		snprintf(u->host, sizeof(u->host), "LAPTOP-%06u", i);
		k = (unsigned)mix(i + 7);
		u->dept = (int)(k % NELEM(departments));
		u->agent = (int)(k / 16 % NELEM(agents));
		u->resign = -1;
	}
}

/*
 * One user in 200 resigns, on a day that leaves room for the run-up;
 * the last working day is two to four weeks later.  Users 0-19 are the
 * priority users of bench/settings.json and stay.
 */
static void
make_leavers(void)
{
	unsigned i, n = nusers / 200, tries;
	struct user *u;

	if (ndays < 3)
		return;
	for (i = 0, tries = 0; i < n && tries < 10 * n; tries++) {
		u = &users[rnd(nusers)];
		if (u - users < 20 || u->resign >= 0)
			continue;
		u->resign = 1 + (int)rnd(ndays - 2);
		u->last = u->resign + 14 + (int)rnd(15);
		u->badge = rnd(3) == 0 ? (unsigned char)(1 + rnd(4)) : 0;
		i++;
	}
}

/* Most activity comes from a minority of users. */
static struct user *
some_user(void)
{
	unsigned a = rnd(nusers), b = rnd(nusers);

	return &users[rnd(4) ? (a < b ? a : b) : a];
}

static int
leaving(const struct user *u, unsigned day)
{
	return u->resign >= 0 && (int)day + 14 >= u->resign &&
	    (int)day <= u->last;
}

/* ------------------------------------------------------------ events */

/* One event, the fields of irm-event(5) that the mix fills. */
struct ev {
	unsigned day, ms; /* ms since the start of the day */
	char id[80];
	const char *action, *category, *type, *outcome;
	int severity;
	const char *provider, *module, *dataset;
	const char *user, *target;
	const char *activity, *irm_severity, *label, *label_old, *label_change;
	const char *share_scope, *share_target, *asset, *irm_category;
	const char *alert_category, *indicator, *value;
	int attachments;
	const char *resignation, *last_working, *effective, *rating;
	const char *old_level, *new_level;
	const char *rule;
	const char *file_name, *file_ext, *file_dir, *file_path, *file_prev;
	long long file_size;
	const char *url, *domain;
	const char *from;
	const char *to[4];
	int nto;
	const char *cc[2];
	int ncc;
	const char *subject, *destination, *ip, *host, *agent;
};

/* Storage the event's strings point into, rebuilt for every event. */
static char b_name[96], b_prev[128], b_dir[160], b_path[256], b_url[400];
static char b_to[4][96], b_cc[2][96], b_target[160];
static char b_dates[4][32];

/* ------------------------------------------------------------ output */

static char rec[8192];
static size_t rlen;
static const char *pending[4]; /* objects begun but not yet written */
static int npending, nopen, first;

static void
put(const char *s, size_t n)
{
	memcpy(rec + rlen, s, n);
	rlen += n;
}

static void
lit(const char *s)
{
	put(s, strlen(s));
}

/* A JSON string; quotes, backslashes and controls are escaped. */
static void
qstr(const char *s)
{
	rec[rlen++] = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			rec[rlen++] = '\\';
			rec[rlen++] = *s;
		} else if ((unsigned char)*s < 0x20) {
			rlen += (size_t)snprintf(
			    rec + rlen, 8, "\\u%04x", (unsigned)*s);
		} else {
			rec[rlen++] = *s;
		}
	}
	rec[rlen++] = '"';
}

/* A key; the objects begun above it are opened first. */
static void
key(const char *k)
{
	int i;

	for (i = 0; i < npending; i++) {
		if (!first)
			rec[rlen++] = ',';
		rec[rlen++] = '"';
		lit(pending[i]);
		put("\":{", 3);
		first = 1;
		nopen++;
	}
	npending = 0;
	if (!first)
		rec[rlen++] = ',';
	first = 0;
	rec[rlen++] = '"';
	lit(k);
	rec[rlen++] = '"';
	rec[rlen++] = ':';
}

/* An object is written with its first member, so empty ones vanish. */
static void
begin(const char *k)
{
	pending[npending++] = k;
}

static void
end(void)
{
	if (npending > 0) {
		npending--;
		return;
	}
	rec[rlen++] = '}';
	nopen--;
	first = 0;
}

static void
jstr(const char *k, const char *v)
{
	if (v == NULL)
		return;
	key(k);
	qstr(v);
}

static void
jnum(const char *k, long long v)
{
	key(k);
	rlen += (size_t)snprintf(rec + rlen, 24, "%lld", v);
}

static void
jarr(const char *k, const char *const *v, int n)
{
	int i;

	if (n == 0)
		return;
	key(k);
	rec[rlen++] = '[';
	for (i = 0; i < n; i++) {
		if (i)
			rec[rlen++] = ',';
		qstr(v[i]);
	}
	rec[rlen++] = ']';
}

static void
addresses(const char *k, const char *const *v, int n)
{
	begin(k);
	jarr("address", v, n);
	end();
}

/* YYYY-MM-DD of a day of the run, from days_from_civil's inverse. */
static void
civil(unsigned day, int *y, unsigned *m, unsigned *d)
{
	long z = START_DAY + (long)day + 719468;
	long era = z / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400) + (*m <= 2);
}

static void
digits(char *b, unsigned v, int n)
{
	while (n-- > 0) {
		b[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* An RFC 3339 timestamp with milliseconds, always 24 characters. */
static void
stamp(char *b, unsigned day, unsigned ms)
{
	unsigned m, d, s = ms / 1000;
	int y;

	civil(day, &y, &m, &d);
	memcpy(b, "0000-00-00T00:00:00.000Z", 25);
	digits(b, (unsigned)y, 4);
	digits(b + 5, m, 2);
	digits(b + 8, d, 2);
	digits(b + 11, s / 3600 % 100, 2);
	digits(b + 14, s / 60 % 60, 2);
	digits(b + 17, s % 60, 2);
	digits(b + 20, ms % 1000, 3);
}

static void
write_event(const struct ev *e)
{
	const char *one[1];
	char ts[25];

	rlen = 0;
	npending = 0;
	nopen = 0;
	first = 1;
	stamp(ts, e->day, e->ms);
	lit("{\"@timestamp\":\"");
	put(ts, 24);
	rec[rlen++] = '"';
	first = 0;
	begin("event");
	jstr("id", e->id);
	jstr("action", e->action);
	if (e->category) {
		one[0] = e->category;
		jarr("category", one, 1);
		one[0] = e->type;
		jarr("type", one, 1);
	}
	jstr("outcome", e->outcome);
	if (e->severity)
		jnum("severity", e->severity);
	jstr("provider", e->provider);
	jstr("module", e->module);
	jstr("dataset", e->dataset);
	end();
	begin("user");
	jstr("name", e->user);
	begin("target");
	jstr("name", e->target);
	end();
	end();
	begin("irm");
	jstr("activity", e->activity);
	jstr("severity", e->irm_severity);
	jstr("label", e->label);
	jstr("label_old", e->label_old);
	jstr("label_change", e->label_change);
	begin("share");
	jstr("scope", e->share_scope);
	jstr("target", e->share_target);
	end();
	jstr("asset", e->asset);
	jstr("category", e->irm_category);
	jstr("alert_category", e->alert_category);
	jstr("indicator", e->indicator);
	if (e->value) {
		key("value");
		lit(e->value);
	}
	if (e->attachments >= 0)
		jnum("attachments", e->attachments);
	begin("hr");
	jstr("resignation_date", e->resignation);
	jstr("last_working_date", e->last_working);
	jstr("effective_date", e->effective);
	jstr("rating", e->rating);
	jstr("old_level", e->old_level);
	jstr("new_level", e->new_level);
	end();
	begin("file");
	jstr("previous_name", e->file_prev);
	end();
	end();
	begin("rule");
	jstr("name", e->rule);
	end();
	begin("file");
	jstr("name", e->file_name);
	jstr("extension", e->file_ext);
	jstr("directory", e->file_dir);
	jstr("path", e->file_path);
	if (e->file_size >= 0)
		jnum("size", e->file_size);
	end();
	begin("url");
	jstr("full", e->url);
	jstr("domain", e->domain);
	end();
	begin("email");
	if (e->from) {
		one[0] = e->from;
		addresses("from", one, 1);
	}
	addresses("to", e->to, e->nto);
	addresses("cc", e->cc, e->ncc);
	jstr("subject", e->subject);
	end();
	begin("destination");
	jstr("domain", e->destination);
	end();
	begin("source");
	jstr("ip", e->ip);
	end();
	begin("host");
	jstr("name", e->host);
	end();
	begin("user_agent");
	jstr("original", e->agent);
	end();
	put("}\n", 2);
}

/* ------------------------------------------------------------ the mix */

static void
guid(char *b)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = next(), l = next();
	int i, j = 0;

	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			b[i] = '-';
			continue;
		}
		if (i == 14)
			b[i] = '4';
		else if (j < 16)
			b[i] = hex[(h >> (4 * j++)) & 15];
		else
			b[i] = hex[(l >> (4 * (j++ - 16))) & 15];
	}
	b[36] = '\0';
}

static const char *
ext_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : NULL;
}

static void
some_file(struct ev *e, const struct user *u)
{
	unsigned v = rnd(4), k = rnd(8);

	if (leaving(u, e->day) && k < 5)
		snprintf(b_name, sizeof(b_name), "%s",
		    k < 4 ? PICK(loot) : PICK(disguise));
	else if (v)
		snprintf(b_name, sizeof(b_name), "%s v%u.%s", PICK(stems), v,
		    PICK(exts));
	else
		snprintf(
		    b_name, sizeof(b_name), "%s.%s", PICK(stems), PICK(exts));
	e->file_name = b_name;
	e->file_ext = ext_of(b_name);
	e->file_size = 1000 + rnd(5000000);
}

/* A file on SharePoint or, one time in three, the user's OneDrive. */
static void
cloud_file(struct ev *e, const struct user *u)
{
	const char *dir;
	char site[128];

	some_file(e, u);
	if (rnd(3) == 0) {
		snprintf(site, sizeof(site), "%s", u->od);
		dir = PICK(odirs);
		e->provider = "OneDrive";
		e->domain = "contoso-my.sharepoint.com";
	} else {
		snprintf(site, sizeof(site),
		    "https://contoso.sharepoint.com/sites/%s/", PICK(sites));
		dir = PICK(dirs);
		e->provider = "SharePoint";
		e->domain = "contoso.sharepoint.com";
	}
	snprintf(b_dir, sizeof(b_dir), "%s", dir);
	snprintf(b_url, sizeof(b_url), "%s%s/%s", site, dir, b_name);
	e->file_dir = b_dir;
	e->url = b_url;
	e->ip = u->ip;
	e->agent = agents[u->agent];
	if (rnd(6) == 0)
		e->label = PICK(labels);
}

/* A file on the user's laptop, as Endpoint DLP reports it. */
static void
device_file(struct ev *e, const struct user *u)
{
	some_file(e, u);
	snprintf(b_dir, sizeof(b_dir), "C:\\Users\\%s\\%s", u->local,
	    rnd(3) ? "Documents" : "Downloads");
	snprintf(b_path, sizeof(b_path), "%s\\%s", b_dir, b_name);
	e->file_dir = b_dir;
	e->file_path = b_path;
	e->provider = "Endpoint";
	e->ip = u->ip;
	e->host = u->host;
	if (rnd(3) == 0 || (leaving(u, e->day) && rnd(2)))
		e->label = labels[rnd(2)];
}

static void
o365(struct ev *e, const char *action, const char *activity, const char *cat,
    const char *type)
{
	guid(e->id);
	e->action = action;
	e->activity = activity;
	e->category = cat;
	e->type = type;
	e->module = "o365";
	e->dataset = "o365.audit";
}

static const char *
address(char *b, size_t n, int kind)
{
	const struct user *r;

	switch (kind) {
	case 0:
		r = &users[rnd(nusers)];
		snprintf(b, n, "%s", r->name);
		break;
	case 1:
		snprintf(b, n, "%c.%s@%s", firsts[rnd(50)][0], irm_gen_lasts[rnd(100)],
		    PICK(partners));
		break;
	default:
		snprintf(b, n, "%s.%s@%s", firsts[rnd(50)], irm_gen_lasts[rnd(100)],
		    PICK(personal));
		break;
	}
	return b;
}

/*
 * Mail with recipients, as CERT and DLP give them: mostly colleagues,
 * partners often, personal domains now and then; leavers mail
 * themselves at home.
 */
static void
mail(struct ev *e, struct user *u, int dlp)
{
	int i, leaver = leaving(u, e->day) && rnd(3) == 0;

	if (dlp) {
		o365(e, "DlpRuleMatch", "dlp_matched", "threat", "indicator");
		e->provider = "Exchange";
		e->severity = rnd(4) == 0 ? 3 : 2;
		e->irm_severity = e->severity == 3 ? "high" : "medium";
		e->rule = "Financial data sent outside the organization";
	} else {
		o365(e, "Send", "email_sent", "email", "info");
		e->outcome = "success";
		e->provider = "Exchange";
		e->attachments = (int)(rnd(3) ? 0 : 1 + rnd(3));
		e->ip = u->ip;
	}
	e->from = u->name;
	e->nto = 1 + (int)rnd(3);
	for (i = 0; i < e->nto; i++) {
		unsigned k = rnd(20);

		e->to[i] = address(b_to[i], sizeof(b_to[i]),
		    k < 13       ? 0
		        : k < 19 ? 1
		                 : 2);
	}
	e->ncc = (int)rnd(3);
	for (i = 0; i < e->ncc; i++)
		e->cc[i] = address(b_cc[i], sizeof(b_cc[i]), rnd(4) ? 0 : 1);
	if (leaver) {
		snprintf(b_to[0], sizeof(b_to[0]), "%s.home@%s", u->local,
		    PICK(personal));
		if (!dlp)
			e->attachments = 1 + (int)rnd(3);
	}
	e->subject = PICK(subjects);
}

static void
share(struct ev *e, const struct user *u)
{
	unsigned k = rnd(20);

	cloud_file(e, u);
	if (k < 11) {
		o365(e, "SharingSet", "shared", "file", "change");
		e->share_scope = "internal";
		e->share_target = users[rnd(nusers)].name;
	} else if (k < 16) {
		o365(e, "SharingInvitationCreated", "shared", "file", "change");
		e->share_scope = "external";
		snprintf(b_target, sizeof(b_target),
		    "%s_%s#ext#@contoso.onmicrosoft.com", firsts[rnd(50)],
		    rnd(2) ? PICK(partners) : PICK(personal));
		e->share_target = b_target;
	} else if (k < 19) {
		o365(e, "AnonymousLinkCreated", "shared", "file", "change");
		e->share_scope = "anonymous";
		snprintf(b_target, sizeof(b_target),
		    "SharingLinks.%08x.AnonymousView.%08x", (unsigned)next(),
		    (unsigned)next());
		e->share_target = b_target;
	} else {
		o365(e, "CompanyLinkCreated", "shared", "file", "change");
		e->share_scope = "organization";
	}
}

static void
label_change(struct ev *e, const struct user *u)
{
	unsigned k = rnd(10), hi = rnd(2);

	cloud_file(e, u);
	o365(e, "SensitivityLabelUpdated", "label_changed", "file", "change");
	e->provider = "Aip";
	if (k < 4 || leaving(u, e->day)) {
		e->label_old = labels[hi];
		e->label = labels[2 + rnd(2)];
		e->label_change = "downgraded";
	} else if (k < 8) {
		e->label_old = labels[2 + hi];
		e->label = labels[hi];
		e->label_change = "upgraded";
	} else {
		e->label_old = labels[rnd(4)];
		e->label = NULL;
		e->label_change = "removed";
		e->action = "SensitivityLabelRemoved";
	}
}

static void
exfil(struct ev *e, const struct user *u, int usb)
{
	const char *d;

	device_file(e, u);
	e->file_size = 1000 + rnd(20000000);
	if (usb) {
		o365(e, "FileCopiedToRemovableMedia", "usb_copied", "file",
		    "creation");
		return;
	}
	o365(e, "FileUploadedToCloud", "cloud_uploaded", "file", "access");
	e->provider = "Endpoint";
	d = leaving(u, e->day) ? clouds[rnd(2)] : PICK(clouds);
	snprintf(b_url, sizeof(b_url), "https://%s/upload/%u", d, rnd(1000000));
	e->url = b_url;
	e->domain = d;
	e->destination = d;
}

static void
logon(struct ev *e, const struct user *u)
{
	int failed = rnd(25) == 0;

	o365(e, failed ? "UserLoginFailed" : "UserLoggedIn",
	    failed ? "logon_failed" : "logon", "authentication", "start");
	e->outcome = failed ? "failure" : "success";
	e->provider = "AzureActiveDirectory";
	e->ip = u->ip;
	e->agent = agents[u->agent];
}

/* A sha256: id, as irm-norm gives records without one. */
static void
hash_id(char *b, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t r = 0;
	size_t i;

	memcpy(b, "sha256:", 7);
	for (i = 0; i < 64 && 7 + i + 1 < n; i++) {
		if (i % 16 == 0)
			r = next();
		b[7 + i] = hex[r & 15];
		r >>= 4;
	}
	b[7 + i] = '\0';
}

static void
other_source(struct ev *e, const char *module, const char *dataset,
    const char *action, const char *activity, const char *cat, const char *type)
{
	hash_id(e->id, sizeof(e->id));
	e->module = module;
	e->dataset = dataset;
	e->action = action;
	e->activity = activity;
	e->category = cat;
	e->type = type;
}

/* Browsing, as the CERT http files have it: mostly harmless. */
static void
browse(struct ev *e, const struct user *u)
{
	const char *d = PICK(webs);

	other_source(e, "cert", "cert.http", "WWW Visit", "web_visited", "web",
	    "access");
	snprintf(
	    e->id, sizeof(e->id), "cert:http.csv:{%08X}", (unsigned)next());
	e->irm_category = rnd(40) ? PICK(webcats) : PICK(riskycats);
	snprintf(b_url, sizeof(b_url), "https://%s/%s/%u", d, e->irm_category,
	    rnd(100000));
	e->url = b_url;
	e->domain = d;
	e->host = u->host;
}

static void
browser_download(struct ev *e, const struct user *u)
{
	const char *d = rnd(4) ? PICK(webs) : PICK(clouds);

	device_file(e, u);
	o365(e, "FileDownloadedFromBrowser", "browser_downloaded", "file",
	    "creation");
	snprintf(
	    b_url, sizeof(b_url), "https://%s/download/%u", d, rnd(100000));
	e->url = b_url;
	e->domain = d;
	e->destination = d;
}

static void
badge(struct ev *e, const struct user *u, int failed)
{
	other_source(e, "badge", "badge.access", "PhysicalAccess",
	    "badge_access", "physical_access", "access");
	e->outcome = failed ? "failure" : "success";
	e->user = u->name;
	e->asset = PICK(assets);
}

/* A Defender alert through Graph alerts_v2; half are DefenseEvasion. */
static void
alert(struct ev *e, const struct user *u)
{
	unsigned k = rnd(4) ? rnd(2) : rnd(NELEM(alerts));

	snprintf(e->id, sizeof(e->id), "da63800000%08u_%u", rnd(100000000),
	    rnd(1000000000));
	e->module = "graph";
	e->dataset = "graph.alerts_v2";
	e->provider = "microsoftDefenderForEndpoint";
	e->action = alerts[k][1];
	e->rule = alerts[k][1];
	e->activity = "security_alert";
	e->category = "threat";
	e->type = "indicator";
	e->alert_category = alerts[k][0];
	e->severity = 1 + (int)rnd(3);
	e->irm_severity = e->severity == 3 ? "high"
	    : e->severity == 2             ? "medium"
	                                   : "low";
	e->host = u->host;
}

static void
custom(struct ev *e)
{
	static const char *const values[] = {"1", "3", "6", "0.5", "12"};
	static unsigned row;

	snprintf(e->id, sizeof(e->id), "custom:detections.csv:%u", ++row);
	e->module = "custom";
	e->dataset = "custom.indicator";
	e->action = PICK(customs);
	e->indicator = e->action;
	e->activity = "custom";
	e->category = "threat";
	e->type = "indicator";
	e->value = PICK(values);
}

static void
inbox_rule(struct ev *e, const struct user *u)
{
	o365(e, "New-InboxRule", "email_rule", "email", "info");
	e->provider = "Exchange";
	e->ip = u->ip;
	snprintf(
	    b_to[0], sizeof(b_to[0]), "%s.fwd@%s", u->local, PICK(personal));
	e->to[0] = b_to[0];
	e->nto = 1;
	e->destination = strchr(b_to[0], '@') + 1;
}

static void
member_added(struct ev *e, const struct user *u)
{
	o365(e, "AddedToGroup", "member_added", "iam", "group");
	e->provider = "SharePoint";
	e->ip = u->ip;
	if (rnd(3) == 0) {
		e->share_scope = "external";
		snprintf(b_target, sizeof(b_target),
		    "%s_%s#ext#@contoso.onmicrosoft.com", firsts[rnd(50)],
		    PICK(partners));
		e->share_target = b_target;
	} else {
		e->share_scope = "internal";
		e->share_target = users[rnd(nusers)].name;
	}
}

static void
rename_file(struct ev *e, const struct user *u)
{
	if (leaving(u, e->day) && rnd(2)) {
		device_file(e, u);
		snprintf(b_prev, sizeof(b_prev), "%s", PICK(loot));
		snprintf(b_name, sizeof(b_name), "%s", PICK(disguise));
		e->file_ext = ext_of(b_name);
		snprintf(b_path, sizeof(b_path), "%s\\%s", b_dir, b_name);
	} else if (rnd(2)) {
		device_file(e, u);
		snprintf(
		    b_prev, sizeof(b_prev), "%s.%s", PICK(stems), PICK(exts));
	} else {
		cloud_file(e, u);
		snprintf(b_prev, sizeof(b_prev), "Draft %s", b_name);
	}
	o365(e, "FileRenamed", "file_renamed", "file", "change");
	e->file_prev = b_prev;
}

static void
delete_file(struct ev *e, const struct user *u)
{
	if (rnd(3) == 0 || leaving(u, e->day))
		device_file(e, u);
	else
		cloud_file(e, u);
	o365(e, rnd(2) ? "FileDeleted" : "FileRecycled", "file_deleted", "file",
	    "deletion");
}

static void
device(struct ev *e, const struct user *u, const char *action,
    const char *activity, const char *type)
{
	device_file(e, u);
	o365(e, action, activity, "file", type);
}

static void
cloud(struct ev *e, const struct user *u, const char *action,
    const char *activity, const char *type)
{
	cloud_file(e, u);
	o365(e, action, activity, "file", type);
	if (strcmp(activity, "file_synced") == 0)
		e->agent = sync_agent;
}

/* The share of each activity in ten thousand events. */
enum {
	A_ACCESSED,
	A_MODIFIED,
	A_DOWNLOADED,
	A_SYNCED,
	A_UPLOADED,
	A_LOGON,
	A_MAIL,
	A_DLP,
	A_SHARED,
	A_LABEL,
	A_RENAMED,
	A_DELETED,
	A_USB,
	A_CLOUD,
	A_PRINTED,
	A_BADGE,
	A_WEB,
	A_BROWSER,
	A_ARCHIVED,
	A_MOUNTED,
	A_CLIPBOARD,
	A_MEMBER,
	A_ALERT,
	A_CUSTOM,
	A_RULE,
	A_OTHER,
	A_N
};

static const unsigned shares[A_N] = {2800, 800, 1100, 600, 250, 1200, 1000, 100,
    200, 80, 200, 300, 150, 150, 100, 300, 300, 60, 30, 30, 30, 20, 5, 5, 2,
    188};

/* What a leaver does more of, in a hundred. */
static int
leaver_activity(void)
{
	unsigned k = rnd(100);

	return k < 30 ? A_USB
	    : k < 55  ? A_CLOUD
	    : k < 75  ? A_DOWNLOADED
	    : k < 90  ? A_MAIL
	    : k < 95  ? A_RENAMED
	              : A_DELETED;
}

static int
pick_activity(void)
{
	unsigned k = rnd(10000), a;

	for (a = 0; a < A_N - 1 && k >= shares[a]; a++)
		k -= shares[a];
	return (int)a;
}

static void
regular(struct ev *e)
{
	struct user *u = some_user();
	int a = pick_activity();

	e->user = u->name;
	if (rnd(100) == 0) {
		/* The backup account: excluded by the settings. */
		cloud(e, u, "FileSyncDownloadedFull", "file_synced", "access");
		e->user = "svc-backup@contoso.com";
		return;
	}
	if (leaving(u, e->day) && rnd(10) < 4)
		a = leaver_activity();
	switch (a) {
	case A_ACCESSED:
		cloud(e, u, "FileAccessed", "file_accessed", "access");
		break;
	case A_MODIFIED:
		cloud(e, u, "FileModified", "file_modified", "change");
		break;
	case A_DOWNLOADED:
		cloud(e, u, "FileDownloaded", "file_downloaded", "access");
		break;
	case A_SYNCED:
		cloud(e, u, "FileSyncDownloadedFull", "file_synced", "access");
		break;
	case A_UPLOADED:
		cloud(e, u, "FileUploaded", "file_uploaded", "access");
		break;
	case A_LOGON:
		logon(e, u);
		break;
	case A_MAIL:
		mail(e, u, 0);
		break;
	case A_DLP:
		mail(e, u, 1);
		break;
	case A_SHARED:
		share(e, u);
		break;
	case A_LABEL:
		label_change(e, u);
		break;
	case A_RENAMED:
		rename_file(e, u);
		break;
	case A_DELETED:
		delete_file(e, u);
		break;
	case A_USB:
		exfil(e, u, 1);
		break;
	case A_CLOUD:
		exfil(e, u, 0);
		break;
	case A_PRINTED:
		device(e, u, "FilePrinted", "printed", "access");
		break;
	case A_BADGE:
		badge(e, u, rnd(30) == 0);
		break;
	case A_WEB:
		browse(e, u);
		break;
	case A_BROWSER:
		browser_download(e, u);
		break;
	case A_ARCHIVED:
		device(e, u, "FileArchived", "file_archived", "access");
		break;
	case A_MOUNTED:
		o365(e, "RemovableMediaMount", "usb_mounted", "host",
		    "connection");
		e->provider = "Endpoint";
		e->host = u->host;
		break;
	case A_CLIPBOARD:
		device(e, u, "FileCopiedToClipboard", "clipboard_copied",
		    "access");
		break;
	case A_MEMBER:
		member_added(e, u);
		break;
	case A_ALERT:
		alert(e, u);
		break;
	case A_CUSTOM:
		custom(e);
		break;
	case A_RULE:
		inbox_rule(e, u);
		break;
	default:
		o365(e, "MailItemsAccessed", "other", NULL, NULL);
		e->provider = "Exchange";
		e->outcome = "success";
		e->ip = u->ip;
		break;
	}
}

/* ---------------------------------------------------------- specials */

/* Events at fixed times: HR rows, account deletions, late swipes. */
enum {
	S_RESIGN,
	S_DELETE,
	S_BADGE,
	S_REVIEW_POOR,
	S_REVIEW_GOOD,
	S_DEMOTION,
	S_PROMOTION,
	S_PIP
};

struct special {
	unsigned day, ms;
	int kind;
	unsigned user;
};

static struct special *specials;
static size_t nspecials, capspecials, nextspecial;

static void
add_special(unsigned day, unsigned ms, int kind, unsigned user)
{
	if (day >= ndays)
		return;
	if (nspecials == capspecials) {
		capspecials = capspecials ? 2 * capspecials : 256;
		specials = grow(specials, capspecials * sizeof(*specials));
	}
	specials[nspecials++] = (struct special){day, ms, kind, user};
}

static int
cmp_special(const void *a, const void *b)
{
	const struct special *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->ms != y->ms)
		return x->ms < y->ms ? -1 : 1;
	return x->user < y->user ? -1 : x->user > y->user;
}

static unsigned
office_ms(unsigned from_hour, unsigned hours)
{
	return from_hour * HOUR_MS + rnd(hours * HOUR_MS);
}

static void
make_specials(void)
{
	unsigned i, n, k;
	const struct user *u;

	for (i = 0; i < nusers; i++) {
		u = &users[i];
		if (u->resign < 0)
			continue;
		add_special((unsigned)u->resign, office_ms(8, 2), S_RESIGN, i);
		add_special(
		    (unsigned)u->last + 1, office_ms(9, 2), S_DELETE, i);
		for (k = 0; k < u->badge; k++)
			add_special((unsigned)u->last + 1 + rnd(5),
			    office_ms(6, 3), S_BADGE, i);
	}
	n = nusers / 300;
	for (i = 0; i < n; i++)
		add_special(
		    rnd(ndays), office_ms(8, 8), S_REVIEW_POOR, rnd(nusers));
	for (i = 0; i < nusers / 100; i++)
		add_special(
		    rnd(ndays), office_ms(8, 8), S_REVIEW_GOOD, rnd(nusers));
	for (i = 0; i < nusers / 1000; i++)
		add_special(
		    rnd(ndays), office_ms(8, 8), S_DEMOTION, rnd(nusers));
	for (i = 0; i < nusers / 500; i++)
		add_special(
		    rnd(ndays), office_ms(8, 8), S_PROMOTION, rnd(nusers));
	for (i = 0; i < nusers / 2000; i++)
		add_special(rnd(ndays), office_ms(8, 8), S_PIP, rnd(nusers));
	qsort(specials, nspecials, sizeof(*specials), cmp_special);
}

static void
hr(struct ev *e, const char *dataset, const char *action, const char *activity)
{
	other_source(e, "hr", dataset, action, activity, "iam", "info");
	stamp(b_dates[0], e->day, e->ms);
	e->effective = b_dates[0];
}

static void
special(struct ev *e, const struct special *s)
{
	const struct user *u = &users[s->user];

	e->user = u->name;
	switch (s->kind) {
	case S_RESIGN:
		hr(e, "hr.resignation", "Resignation", "hr_resignation");
		e->effective = NULL;
		stamp(b_dates[0], s->day, s->ms);
		stamp(b_dates[1], (unsigned)u->last, 17 * HOUR_MS);
		e->resignation = b_dates[0];
		e->last_working = b_dates[1];
		break;
	case S_DELETE:
		o365(e, "Delete user.", "account_deleted", "iam", "deletion");
		e->provider = "AzureActiveDirectory";
		e->outcome = "success";
		e->user = "admin@contoso.com";
		e->target = u->name;
		break;
	case S_BADGE:
		badge(e, u, 1);
		break;
	case S_REVIEW_POOR:
	case S_REVIEW_GOOD:
		hr(e, "hr.review", "Performance review", "hr_review");
		e->rating = s->kind == S_REVIEW_GOOD ? "4"
		    : rnd(2)                         ? "2"
		                                     : "Below expectations";
		break;
	case S_DEMOTION:
	case S_PROMOTION:
		hr(e, "hr.job_change", "Job level change", "hr_job_change");
		e->old_level = "L61";
		e->new_level = s->kind == S_DEMOTION ? "L60" : "L62";
		break;
	default:
		hr(e, "hr.pip", "Performance improvement plan", "hr_pip");
		e->rating = "Needs improvement";
		break;
	}
}

/* ------------------------------------------------------------- main */

static unsigned long long nout, bytes;

static void
emit(struct ev *e)
{
	write_event(e);
	if (fwrite(rec, 1, rlen, stdout) != rlen) {
		perror("gen-events: stdout");
		exit(1);
	}
	nout++;
	bytes += rlen;
}

static void
reset(struct ev *e, unsigned day, unsigned ms)
{
	memset(e, 0, sizeof(*e));
	e->day = day;
	e->ms = ms;
	e->attachments = -1;
	e->file_size = -1;
}

/*
 * The weight of an hour (UTC; the working day of bench/settings.json is
 * 07:00-19:00 Europe/Berlin): busy office hours, a quiet night, quiet
 * weekends.  Day 0, 2026-03-01, is a Sunday.
 */
static unsigned
hour_weight(unsigned day, unsigned h)
{
	static const unsigned wd[24] = {1, 1, 1, 1, 1, 3, 8, 12, 12, 12, 12, 12,
	    12, 12, 12, 12, 10, 6, 3, 2, 2, 2, 1, 1};
	unsigned dow = day % 7; /* 0 Sunday */

	if (dow == 0 || dow == 6)
		return h >= 8 && h < 18 ? 2 : 1;
	return wd[h];
}

static int
cmp_uint(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

/* The regular events of one hour, with the specials that fall in it. */
static void
hour(unsigned day, unsigned h, unsigned long long n)
{
	static unsigned *ms;
	static size_t cap;
	struct ev e;
	size_t i;
	const struct special *s;

	if (n > cap) {
		cap = (size_t)n;
		ms = grow(ms, cap * sizeof(*ms));
	}
	for (i = 0; i < n; i++)
		ms[i] = h * HOUR_MS + rnd(HOUR_MS);
	qsort(ms, (size_t)n, sizeof(*ms), cmp_uint);
	for (i = 0; i <= n; i++) {
		while (nextspecial < nspecials &&
		    (s = &specials[nextspecial])->day == day &&
		    (i == n ? s->ms < (h + 1) * HOUR_MS : s->ms <= ms[i])) {
			reset(&e, day, s->ms);
			special(&e, s);
			emit(&e);
			nextspecial++;
		}
		if (i == n)
			break;
		reset(&e, day, ms[i]);
		regular(&e);
		emit(&e);
	}
}

static void
write_directory(const char *path)
{
	FILE *fp = fopen(path, "w");
	unsigned i;

	if (fp == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(fp, "user,department,manager,title\n");
	for (i = 0; i < nusers; i++)
		fprintf(fp, "%s,%s,%s,%s\n", users[i].name,
		    departments[users[i].dept], users[i - i % 25].name,
		    titles[mix(i) % NELEM(titles)]);
	if (fclose(fp) == EOF) {
		perror(path);
		exit(1);
	}
}

static _Noreturn void
usage(void)
{
	fprintf(stderr,
	    "usage: gen-events [--users U] [--days D] "
	    "[--events N] [--seed S]\n"
	    "                  [--directory FILE]\n");
	exit(2);
}

static unsigned long long
number(const char *s, unsigned long long max)
{
	unsigned long long v;
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		usage();
	v = strtoull(s, &end, 10);
	if (*end != '\0' || v == 0 || v > max)
		usage();
	return v;
}

int
main(int argc, char *argv[])
{
	static char obuf[1 << 20];
	unsigned long long want = 5000000, w, total = 0, cum = 0, done = 0, n;
	const char *directory = NULL;
	unsigned day, h;
	int i;

	nusers = 10000;
	ndays = 30;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--users") == 0)
			nusers = (unsigned)number(argv[++i], 10000000);
		else if (strcmp(argv[i], "--days") == 0)
			ndays = (unsigned)number(argv[++i], 3650);
		else if (strcmp(argv[i], "--events") == 0)
			want = number(argv[++i], 1ULL << 40);
		else if (strcmp(argv[i], "--seed") == 0)
			seed = number(argv[++i], UINT64_MAX);
		else if (strcmp(argv[i], "--directory") == 0 && i + 1 < argc)
			directory = argv[++i];
		else
			usage();
	}
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	make_users();
	make_leavers();
	make_specials();
	if (directory)
		write_directory(directory);
	if (want < nspecials)
		nspecials = (size_t)want;
	want -= nspecials;
	for (day = 0; day < ndays; day++)
		for (h = 0; h < 24; h++)
			total += hour_weight(day, h);
	/* Hour i gets want * (weights up to i) / total, less those before. */
	for (day = 0; day < ndays; day++) {
		for (h = 0; h < 24; h++) {
			cum += hour_weight(day, h);
			w = (unsigned long long)((unsigned __int128)want * cum /
			    total);
			n = w - done;
			done = w;
			hour(day, h, n);
		}
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("gen-events: stdout");
		return 1;
	}
	fprintf(stderr, "records %llu bytes %llu users %u days %u\n", nout,
	    bytes, nusers, ndays);
	return 0;
}
