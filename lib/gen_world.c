/*
 * gen_world.c - irm-gen's organization: departments and their habits,
 * users and their managers, the calendar (weekends, public holidays,
 * vacations), the files of each department, and which users carry a
 * planted scenario.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "gen_int.h"
#include "gen_names.h"

/* ------------------------------------------------------- departments */

static const char *const sales_files[] = {"Key Accounts.xlsx",
    "Pricing Model.xlsx", "Pipeline.xlsx", "Customer List.csv",
    "Territory Plan.docx", "Sales Playbook.pptx", "Renewal Terms.docx",
    "Partner Discounts.xlsx", "Quote Template.docx", "Forecast.xlsx",
    "Win Loss Review.pptx", "Übersicht Vertrieb.xlsx", NULL};
static const char *const eng_files[] = {"Architecture Overview.docx",
    "Roadmap.docx", "Design Spec.docx", "Release Notes.docx", "Test Plan.xlsx",
    "Source Export.zip", "API Reference.pdf", "Benchmark Results.xlsx",
    "Threat Model.docx", "Build Guide.md", "Patent Draft.docx",
    "Incident Report.docx", NULL};
static const char *const fin_files[] = {"Budget.xlsx", "Payroll.xlsx",
    "Vendor Payments.xlsx", "Expense Report.xlsx", "Cash Flow.xlsx",
    "Audit Findings.docx", "Board Financials.pptx", "Invoice Register.xlsx",
    "Tax Filing.pdf", "Forecast Model.xlsx", NULL};
static const char *const hr_files[] = {"Salary Bands.xlsx",
    "Onboarding Checklist.docx", "Open Positions.xlsx", "Org Chart.pptx",
    "Offer Letter.docx", "Performance Calibration.xlsx", "Benefits Guide.pdf",
    "Résumé Shortlist.xlsx", NULL};
static const char *const legal_files[] = {"NDA Template.docx",
    "NDA Fabrikam.docx", "Litigation Hold.docx", "Contract Draft.docx",
    "Due Diligence.docx", "Patent Filing.pdf", "Board Minutes.docx",
    "Compliance Review.docx", NULL};
static const char *const mkt_files[] = {"Campaign Calendar.xlsx",
    "Brand Guidelines.pdf", "Campaign Budget.xlsx", "Launch Plan.docx",
    "Press Release.docx", "Product Brochure.pdf", "Event Photos.zip",
    "Market Research.pptx", "Competitor Analysis.pptx", NULL};
static const char *const ops_files[] = {"Shipping Schedule.xlsx",
    "Supplier List.xlsx", "Warehouse Layout.pdf", "Inventory.xlsx",
    "Logistics Contracts.docx", "Quality Report.docx", "Fleet Plan.xlsx",
    "Projektplan.xlsx", NULL};
static const char *const sup_files[] = {"Escalation Matrix.xlsx",
    "Known Issues.docx", "Customer Tickets.csv", "SLA Report.xlsx",
    "Runbook.docx", "Shift Roster.xlsx", "Knowledge Base Export.zip", NULL};
static const char *const it_files[] = {"Network Diagram.vsdx",
    "Asset Inventory.xlsx", "Firewall Rules.xlsx", "Password Policy.docx",
    "Backup Schedule.xlsx", "Disaster Recovery Plan.docx", "License Keys.xlsx",
    "Golden Image Build.docx", NULL};
static const char *const exec_files[] = {"Board Deck.pptx",
    "Strategy 2026.docx", "Merger Timeline.docx", "Leadership Offsite.docx",
    "Investor Update.pptx", "Acquisition Targets.xlsx",
    "Compensation Committee.docx", "会议纪要.docx", NULL};
static const char *const personal_files[] = {"Notes.docx", "Ideas.txt",
    "Draft.docx", "Meeting Notes.docx", "Todo.xlsx", "Travel Expenses.xlsx",
    "Presentation.pptx", "Scan.pdf", NULL};

/*
 * name, site, share, arrival, reads, downloads, sync, sends, dlp, print,
 * usb, guest, anon, weekend, HC %, Confidential %, files, title.  Sales
 * mail customers all day, engineers sync whole libraries, finance and
 * legal print, IT copies to USB media, support works weekends.
 */
const struct gen_dept irm_gen_depts[] = {
    {"Sales", "Sales", 180, 495, 6, 2.5, 0.05, 14, 0.25, 0.4, 0.01, 0.15, 0.01,
        0.05, 15, 40, sales_files, "Account Executive"},
    {"Engineering", "Engineering", 240, 570, 10, 3, 0.35, 3, 0.01, 0.1, 0.02,
        0.02, 0.005, 0.08, 10, 40, eng_files, "Software Engineer"},
    {"Finance", "Finance", 80, 480, 8, 1.5, 0.05, 5, 0.03, 1.2, 0.01, 0.02, 0,
        0.03, 30, 40, fin_files, "Financial Analyst"},
    {"HR", "HR", 40, 500, 6, 1, 0.02, 6, 0.02, 0.6, 0.005, 0.02, 0, 0.02, 35,
        40, hr_files, "HR Business Partner"},
    {"Legal", "Legal", 30, 510, 7, 1.5, 0.02, 6, 0.05, 1.0, 0.005, 0.2, 0, 0.05,
        30, 50, legal_files, "Corporate Counsel"},
    {"Marketing", "Marketing", 80, 540, 6, 2, 0.05, 7, 0.05, 0.2, 0.02, 0.1,
        0.06, 0.04, 5, 25, mkt_files, "Marketing Manager"},
    {"Operations", "Operations", 120, 390, 5, 1, 0.02, 4, 0.04, 0.5, 0.01, 0.05,
        0, 0.1, 5, 35, ops_files, "Operations Coordinator"},
    {"Support", "Support", 120, 450, 5, 0.8, 0.02, 5, 0.02, 0.1, 0.005, 0.01, 0,
        0.3, 5, 30, sup_files, "Support Engineer"},
    {"IT", "IT", 90, 480, 5, 1.5, 0.1, 3, 0.01, 0.1, 0.15, 0.01, 0, 0.1, 20, 40,
        it_files, "Systems Administrator"},
    {"Executive", "Leadership", 20, 480, 6, 1, 0.05, 9, 0.03, 0.2, 0.005, 0.05,
        0, 0.2, 50, 30, exec_files, "Vice President"},
};
const unsigned irm_gen_ndepts =
    sizeof(irm_gen_depts) / sizeof(irm_gen_depts[0]);

/* Labels, highest priority first (the example tenant's GUIDs). */
const char *const irm_gen_label_ids[4] = {
    "d9f23ae3-a239-45ea-bf23-f515f824c57b",
    "4e6a2b91-07c3-4f5e-9a1d-8b2c6e0f7a34",
    "0c3b8f5e-61a2-4d97-b4e0-2f9a7c1d5e86",
    "87ba5c36-b7cf-4793-bbc2-bd5b3a9f95ca"};
const char *const irm_gen_label_names[4] = {
    "Highly Confidential", "Confidential", "General", "Public"};

/* ------------------------------------------------------------- files */

static const char *const suffixes[] = {"v2", "v3", "FY26", "Q1", "Q2", "final",
    "draft", "2026-03", "EMEA", "US", "old", "review", "signed", "copy",
    "internal", "v4", "Q3", "Q4", "FY25", "notes", "summary"};

static const char *const *
stems_of(unsigned dept)
{
	return dept < irm_gen_ndepts ? irm_gen_depts[dept].stems
	                             : personal_files;
}

static unsigned
count(const char *const *v)
{
	unsigned n = 0;

	while (v[n])
		n++;
	return n;
}

void
irm_gen_file_name(uint32_t file, int disguise, char *out, size_t n)
{
	const char *const *st = stems_of(GEN_FILE_DEPT(file));
	unsigned k = GEN_FILE_K(file), ns = count(st), v = k / ns;
	const char *stem = st[k % ns], *dot = strrchr(stem, '.');
	int len = (int)(dot - stem);

	if (file == GEN_FILE_KEYLOGGER)
		snprintf(out, n, "kl_setup_v3.exe");
	else if (GEN_FILE_DEPT(file) == irm_gen_ndepts + 1)
		snprintf(out, n, "%s-%u.%u.%u.zip",
		    k % 3 == 0       ? "firmware"
		        : k % 3 == 1 ? "app-build"
		                     : "sdk",
		    2 + k % 3, k / 3 % 40, k * 7 % 1000);
	else if (disguise)
		snprintf(out, n, "IMG_%04u.jpg",
		    (unsigned)(irm_gen_mix(file) % 9000 + 1000));
	else if (v == 0)
		snprintf(out, n, "%s", stem);
	else
		snprintf(out, n, "%.*s %s%s", len, stem, suffixes[(v - 1) % 21],
		    dot);
}

const char *
irm_gen_file_folder(uint32_t file)
{
	static const char *const folders[] = {"Shared Documents",
	    "Shared Documents/Reports", "Shared Documents/Contracts",
	    "Shared Documents/General", "Shared Documents/Archive/2025"};

	if (GEN_FILE_DEPT(file) >= irm_gen_ndepts)
		return "Documents";
	return folders[GEN_FILE_K(file) % 5];
}

int
irm_gen_file_label(uint32_t file)
{
	unsigned d = GEN_FILE_DEPT(file), h;

	if (d >= irm_gen_ndepts)
		return -1;
	h = (unsigned)(irm_gen_mix(file * 31 + 7) % 100);
	if (h < irm_gen_depts[d].hc)
		return 0;
	if (h < irm_gen_depts[d].hc + irm_gen_depts[d].conf)
		return 1;
	if (h < 85)
		return 2;
	return h < 90 ? 3 : -1;
}

/* ------------------------------------------------------------ people */

static const char *const firsts[100] = {"alice", "bob", "carol", "dave", "erin",
    "frank", "grace", "heidi", "ivan", "judy", "karl", "laura", "mallory",
    "nina", "oscar", "peggy", "quentin", "rupert", "sybil", "trent", "ursula",
    "victor", "wendy", "xavier", "yvonne", "zoe", "adam", "beatriz", "chen",
    "dmitri", "elif", "fatima", "gunnar", "hiroshi", "ingrid", "jamal", "kenji",
    "lucia", "mateo", "noor", "olga", "pablo", "priya", "rafael", "sanjay",
    "tomas", "ulrike", "vikram", "wei", "yusuf", "adele", "megan", "isaiah",
    "diego", "grady", "johanna", "lee", "nestor", "patti", "lidia", "henrietta",
    "irvin", "joni", "lynne", "miriam", "pradeep", "alex", "emily", "christie",
    "debra", "enrico", "allan", "brian", "cameron", "delia", "eduardo", "farah",
    "gemma", "hassan", "imani", "jonas", "kiara", "liam", "maya", "nils",
    "omar", "petra", "quinn", "rosa", "stefan", "tara", "uma", "valentin",
    "willem", "ximena", "yara", "zeynep", "anders", "bianca", "cyrus"};

static unsigned
pick_dept(uint64_t *s)
{
	unsigned r = irm_gen_below(s, 1000), i, acc = 0;

	for (i = 0; i < irm_gen_ndepts; i++) {
		acc += irm_gen_depts[i].share;
		if (r < acc)
			return i;
	}
	return 0;
}

static void
name_user(struct gen_user *u, unsigned i)
{
	/* 7919 is prime to 10000: every name once before any repeats. */
	unsigned j = (unsigned)(((uint64_t)i * 7919 + 4711) % 10000);
	unsigned rep = i / 10000;

	if (rep)
		snprintf(u->local, sizeof(u->local), "%s.%s%u", firsts[j % 100],
		    irm_gen_lasts[j / 100], rep + 1);
	else
		snprintf(u->local, sizeof(u->local), "%s.%s", firsts[j % 100],
		    irm_gen_lasts[j / 100]);
	snprintf(u->upn, sizeof(u->upn), "%s@contoso.com", u->local);
	/* CERT's ids are three capitals and four digits (ACM2278): the
	 * initials, a letter and the index keep them unique. */
	snprintf(u->certid, sizeof(u->certid), "%c%c%c%04u",
	    u->local[0] & ~0x20, irm_gen_lasts[j / 100][0] & ~0x20,
	    'A' + (int)(i / 10000 % 26), i % 10000);
	snprintf(u->certkey, sizeof(u->certkey), "dtaa/%c%c%c%04u",
	    u->certid[0] | 0x20, u->certid[1] | 0x20, u->certid[2] | 0x20,
	    i % 10000);
}

const char *
irm_gen_who(const struct gen_world *g, const struct gen_user *u)
{
	return g->o->format == GEN_FMT_CERT ? u->certkey : u->upn;
}

/* ---------------------------------------------------------- calendar */

static int
weekday(int64_t days)
{
	return (int)(((days % 7) + 11) % 7); /* 0 Sunday; 1970-01-01 Thu */
}

/* Easter Sunday (anonymous Gregorian algorithm), in days. */
static int64_t
easter(int64_t y)
{
	int64_t a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int64_t f = (b + 8) / 25, g = (b - f + 1) / 3;
	int64_t h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int64_t l = (32 + 2 * e + 2 * i - h - k) % 7;
	int64_t m = (a + 11 * h + 22 * l) / 451;
	unsigned month = (unsigned)((h + l - 7 * m + 114) / 31);
	unsigned day = (unsigned)((h + l - 7 * m + 114) % 31 + 1);

	return irm_days_from_civil(y, month, day);
}

/* German federal holidays: the office is in Berlin by default. */
static int
holiday(int64_t days)
{
	static const unsigned fixed[][2] = {
	    {1, 1}, {5, 1}, {10, 3}, {12, 24}, {12, 25}, {12, 26}, {12, 31}};
	int64_t y, e;
	unsigned m, d, i;

	irm_civil_from_days(days, &y, &m, &d);
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (fixed[i][0] == m && fixed[i][1] == d)
			return 1;
	e = easter(y);
	return days == e - 2 || days == e + 1 || days == e + 39 ||
	    days == e + 50;
}

static int
calendar(struct gen_world *g, struct irm_error *e)
{
	unsigned d, n = g->o->days;
	char b[32];
	int64_t y, ms;
	unsigned m, dd;
	int flags;

	if (irm_time_setzone(g->o->zone, e) == -1)
		return -1;
	g->day0 = irm_xcalloc(n, sizeof(*g->day0));
	g->offset = irm_xcalloc(n, sizeof(*g->offset));
	g->workday = irm_xcalloc(n, 1);
	for (d = 0; d < n; d++) {
		int64_t day = g->o->start + d;
		int wd = weekday(day);

		g->day0[d] = day * 86400;
		g->workday[d] = wd != 0 && wd != 6 && !holiday(day);
		irm_civil_from_days(day, &y, &m, &dd);
		snprintf(
		    b, sizeof(b), "%04d-%02u-%02uT12:00:00", (int)y, m, dd);
		flags = 0;
		if (irm_time_parse(b, strlen(b), &flags, &ms, e) == -1)
			return -1;
		g->offset[d] = (int32_t)(g->day0[d] + 43200 - ms / 1000);
	}
	return 0;
}

/* ---------------------------------------------------------- scenarios */

static const struct {
	const char *name, *expected, *about;
	unsigned weight; /* density multiplier (0: one user when asked) */
} scens[GEN_NSCEN] = {
    {"departing-exfil", "high",
        "departing user copies labelled files to USB and Dropbox around the resignation",
        1},
    {"job-hunting", "high",
        "job-hunting user whose USB copies rise markedly before resigning", 1},
    {"disgruntled", "high",
        "user with a poor review who downgrades labels, shares with a personal account and deletes",
        1},
    {"priority-leak", "high",
        "priority user leaking by anonymous links and mail to a personal address",
        1},
    {"slow-exfil", "high",
        "slow exfiltration by print, network share and mail, under every daily threshold",
        1},
    {"obfuscate-exfil", "high",
        "download, rename to photos, upload to Dropbox, then delete", 1},
    {"after-hours", "high", "logons and USB copies in the middle of the night",
        1},
    {"departing-evasion", "high",
        "departing user with defense evasion alerts and badge swipes after the last day",
        1},
    {"slow-leak", "medium",
        "uploads to personal cloud storage that were rare grow to a few labelled files a day, just above the user's own norm",
        2},
    {"thin-multichannel", "medium",
        "after resigning, a few labelled files a day by USB, personal cloud and personal mail, none of them much",
        2},
    {"cert-leaker", "high",
        "CERT r4.2 scenario 1: a user who never worked after hours nor used USB media does both, uploads to a leak site, then leaves",
        2},
    {"cert-jobsite-usb", "medium",
        "CERT r4.2 scenario 2: weeks of job-site browsing, then USB copies at several times the user's own rate, then leaves",
        2},
    {"cert-sabotage", "high",
        "CERT r4.2 scenario 3: an administrator after a poor review fetches a keylogger, copies it to USB, logs on as the supervisor, sends a mass mail as the supervisor, then leaves",
        2},
    {"lookalike-heavy-downloader", "none",
        "benign: downloads dozens of files every working day, always", 2},
    {"lookalike-quiet-leaver", "none",
        "benign: resigns and works normally to the last day", 2},
    {"lookalike-partner-sharer", "none",
        "benign: shares files and mails attachments to the partner every day",
        2},
    {"lookalike-good-review", "none",
        "benign: a good performance review and a promotion, then normal work",
        2},
    {"compromised-account", "medium",
        "an administrator's account taken over: sign-ins from a foreign address and a new browser, inbox rules that hide mail, password resets of several others, an anonymous link to the user's file opened from abroad (only with -c)",
        0},
};

const char *
irm_gen_scenario_name(int sc)
{
	return sc >= 0 && sc < GEN_NSCEN ? scens[sc].name : "?";
}

const char *
irm_gen_scenario_about(int sc)
{
	return sc >= 0 && sc < GEN_NSCEN ? scens[sc].about : "?";
}

const char *
irm_gen_scenario_expected(int sc)
{
	return sc >= 0 && sc < GEN_NSCEN ? scens[sc].expected : "?";
}

int
irm_gen_scenario_parse(const char *name)
{
	int i;

	for (i = 0; i < GEN_NSCEN; i++)
		if (irm_strcaseeq(name, scens[i].name))
			return i;
	return -1;
}

int
irm_gen_workday_from(const struct gen_world *g, int d)
{
	int n = (int)g->o->days;

	if (d < 0)
		d = 0;
	while (d < n - 1 && !g->workday[d])
		d++;
	return d < n ? d : n - 1;
}

/* A working day between fractions lo and hi of the period. */
static int
day_between(const struct gen_world *g, uint64_t *s, double lo, double hi)
{
	int n = (int)g->o->days, a = (int)(lo * n), b = (int)(hi * n);

	return irm_gen_workday_from(
	    g, a + (int)irm_gen_below(s, (unsigned)(b - a + 1)));
}

/* The first day a scenario may show: three weeks of quiet history where
 * the period allows, else half of it. */
static int
quiet_days(const struct gen_world *g)
{
	int n = (int)g->o->days;

	return n >= 42 ? 21 : n / 2;
}

/* A scenario's working day, lead days after the quiet history and tail
 * days before the end where the period allows. */
static int
anchor_day(const struct gen_world *g, uint64_t *s, int lead, int tail)
{
	int n = (int)g->o->days, lo = quiet_days(g) + lead, hi = n - 1 - tail;

	if (lo > n - 1)
		lo = n - 1;
	if (hi < lo)
		hi = lo;
	return irm_gen_workday_from(
	    g, lo + (int)irm_gen_below(s, (unsigned)(hi - lo + 1)));
}

/* May u carry scenario sc?  One scenario a user, and none for the
 * night shift, travellers, heavy users and new hires, whose habits would
 * blur it.  Priority leaks need a priority user, slow exfiltration a
 * department that is not sales or IT (whose volumes would hide it), the
 * sabotage an administrator, and no other scenario is IT's. */
static int
fits(const struct gen_user *u, int sc)
{
	if (u->scen >= 0 || (u->flags & (GEN_U_LEAVER | GEN_U_REVIEWED)) ||
	    (u->flags & (GEN_U_NIGHT | GEN_U_TRAVEL | GEN_U_HEAVY)) ||
	    u->hire >= 0)
		return 0;
	if (sc == GEN_SC_PRIORITY)
		return (u->flags & GEN_U_PRIORITY) != 0;
	if (u->flags & GEN_U_PRIORITY)
		return 0;
	if (sc == GEN_SC_SLOW)
		return u->dept != GEN_DEPT_SALES && u->dept != GEN_DEPT_IT;
	if (sc == GEN_SC_CERT_SABOT)
		return u->dept == GEN_DEPT_IT && u->manager != 0;
	if (sc == GEN_SC_COMPROMISED)
		return u->dept == GEN_DEPT_IT;
	if (sc == GEN_SC_LA_PARTNER)
		return u->dept == GEN_DEPT_SALES || u->dept == 5;
	return u->dept != GEN_DEPT_IT;
}

/* Resign on day r and leave after k days. */
static void
resign(struct gen_world *g, struct gen_user *u, int r, int k)
{
	u->resign = (int16_t)r;
	u->last = (int16_t)irm_gen_workday_from(g, r + k);
}

static void
plant(struct gen_world *g, struct gen_user *u, int sc, uint64_t *s)
{
	int n = (int)g->o->days, a;

	u->scen = (int8_t)sc;
	u->vac = u->vac2 = -1;
	u->flags &= (uint16_t) ~(GEN_U_EVENING | GEN_U_JOBSITE | GEN_U_USB);
	switch (sc) {
	case GEN_SC_DEPARTING:
		resign(g, u, anchor_day(g, s, 5, 7), 14);
		break;
	case GEN_SC_JOBHUNT:
		resign(g, u, anchor_day(g, s, 14, 1), 14);
		break;
	case GEN_SC_EVASION:
		u->resign = (int16_t)anchor_day(g, s, 0, 11);
		u->last = (int16_t)irm_gen_workday_from(g, u->resign + 7);
		if (u->last > n - 4)
			u->last = (int16_t)(n > 4 ? n - 4 : 0);
		break;
	case GEN_SC_DISGRUNTLED:
		u->review = (int16_t)anchor_day(g, s, 0, 8);
		u->flags |= GEN_U_REVIEWED | GEN_U_POOR;
		break;
	case GEN_SC_SLOW:
		u->anchor = (int16_t)quiet_days(g);
		break;
	case GEN_SC_THIN:
		resign(g, u, anchor_day(g, s, 0, 8), 14);
		break;
	case GEN_SC_CERT_LEAK:
		u->flags |= GEN_U_QUIET;
		a = anchor_day(g, s, 0, 12);
		u->anchor = (int16_t)a;
		resign(g, u, a + 6, 5);
		break;
	case GEN_SC_CERT_JOB:
		/* Job sites from three weeks before the resignation (two
		 * in a short period), USB copies in the last two. */
		u->flags |= GEN_U_USB;
		a = anchor_day(g, s, n >= 60 ? 21 : 14, 6);
		resign(g, u, a, 5);
		break;
	case GEN_SC_CERT_SABOT:
		a = anchor_day(g, s, 0, 7);
		u->anchor = (int16_t)a;
		u->review = (int16_t)(a >= 7 ? a - 7 : 0);
		u->flags |= GEN_U_REVIEWED | GEN_U_POOR;
		resign(g, u, a + 3, 3);
		break;
	case GEN_SC_LA_HEAVY:
		u->flags |= GEN_U_HEAVY;
		u->anchor = 0;
		break;
	case GEN_SC_LA_LEAVER:
		resign(g, u, anchor_day(g, s, 0, 14), 14);
		break;
	case GEN_SC_LA_PARTNER:
		u->anchor = 0;
		break;
	case GEN_SC_LA_REVIEW:
		u->review = (int16_t)anchor_day(g, s, 0, 10);
		u->flags |= GEN_U_REVIEWED | GEN_U_JOB;
		break;
	default:
		u->anchor = (int16_t)anchor_day(g, s, 0,
		    sc == GEN_SC_AFTERHOURS     ? 9
		        : sc == GEN_SC_SLOWLEAK ? 14
		                                : 6);
	}
	if (sc != GEN_SC_CERT_LEAK && sc != GEN_SC_CERT_SABOT)
		u->anchor = u->resign >= 0 ? u->resign
		    : u->review >= 0       ? u->review
		                           : u->anchor;
}

static void
plant_all(struct gen_world *g, uint64_t *s)
{
	const struct irm_gen_opts *o = g->o;
	unsigned want, got, tries;
	int sc;

	for (sc = 0; sc < GEN_NSCEN; sc++) {
		want = o->count[sc] >= 0 ? (unsigned)o->count[sc]
		                         : (unsigned)(g->nusers * o->density *
		                                   scens[sc].weight / 1000 +
		                               0.5);
		if (o->count[sc] < 0 && want == 0)
			want = 1;
		for (got = tries = 0; got < want && tries < 100 * g->nusers;
		     tries++) {
			struct gen_user *u = &g->u[irm_gen_below(s, g->nusers)];

			if (fits(u, sc)) {
				plant(g, u, sc, s);
				got++;
			}
		}
	}
}

void
irm_gen_scen_window(
    const struct gen_world *g, const struct gen_user *u, int *from, int *to)
{
	int n = (int)g->o->days, a = u->anchor;

	switch (u->scen) {
	case GEN_SC_DEPARTING:
		*from = a - 5;
		*to = u->last;
		break;
	case GEN_SC_JOBHUNT:
		*from = a - 14;
		*to = a;
		break;
	case GEN_SC_DISGRUNTLED:
		*from = a;
		*to = a + 10;
		break;
	case GEN_SC_PRIORITY:
		*from = a;
		*to = a + 7;
		break;
	case GEN_SC_SLOW:
	case GEN_SC_LA_HEAVY:
	case GEN_SC_LA_PARTNER:
		*from = a;
		*to = n - 1;
		break;
	case GEN_SC_SEQUENCE:
		*from = a;
		*to = a + 2;
		break;
	case GEN_SC_AFTERHOURS:
		*from = a;
		*to = a + 10;
		break;
	case GEN_SC_SLOWLEAK:
		*from = a;
		*to = a + 20;
		break;
	case GEN_SC_THIN:
	case GEN_SC_CERT_LEAK:
	case GEN_SC_CERT_SABOT:
	case GEN_SC_LA_LEAVER:
		*from = a;
		*to = u->last;
		break;
	case GEN_SC_CERT_JOB:
		*from = a - (n >= 60 ? 21 : 14);
		*to = u->last;
		break;
	case GEN_SC_LA_REVIEW:
		*from = a;
		*to = a + 14;
		break;
	case GEN_SC_COMPROMISED:
		*from = a;
		*to = a + 3;
		break;
	default:
		*from = a;
		*to = u->last + 3;
	}
	if (*from < 0)
		*from = 0;
	if (*to > n - 1)
		*to = n - 1;
}

/* ------------------------------------------------------------- users */

/* A standard normal draw (Box-Muller). */
static double
normal(uint64_t *s)
{
	double u1 = irm_gen_unit(s), u2 = irm_gen_unit(s);

	return sqrt(-2 * log(u1 + 1e-12)) * cos(6.283185307179586 * u2);
}

/* Per cent of a department's users with a habit: night shift, travel,
 * routine USB copies. */
static unsigned
share_of(unsigned dept, int habit)
{
	static const unsigned night[] = {0, 2, 0, 0, 0, 0, 15, 25, 15, 0};
	static const unsigned travel[] = {35, 8, 5, 5, 10, 15, 5, 3, 5, 40};
	static const unsigned usb[] = {0, 40, 0, 0, 0, 5, 5, 5, 30, 0};

	if (dept >= 10)
		return 0;
	return habit == 0 ? night[dept] : habit == 1 ? travel[dept] : usb[dept];
}

/*
 * A user: department, a lognormal activity factor (most near the median,
 * a few at five to ten times it), arrival, absences, and the habits of
 * the role: night shift, trips abroad, routine USB copies, evening mail,
 * job sites; some are new hires, some leave and take nothing.
 */
static void
make_user(struct gen_world *g, unsigned i, uint64_t *s)
{
	struct gen_user *u = &g->u[i];
	int n = (int)g->o->days;

	name_user(u, i);
	u->dept = (uint16_t)(i == 0 ? GEN_DEPT_EXEC : pick_dept(s));
	u->act = (float)exp(0.7 * normal(s) - 0.1);
	if (irm_gen_below(s, 100) < 2) {
		u->flags |= GEN_U_HEAVY; /* always busy, every day */
		u->act = (float)(u->act * 5 + 3);
	}
	u->start = (int16_t)(irm_gen_depts[u->dept].start_min +
	    (int)irm_gen_below(s, 120) - 60);
	u->vac = irm_gen_below(s, 100) < 35
	    ? (int16_t)((int)irm_gen_below(s, (unsigned)n + 10) - 5)
	    : -1;
	u->vac2 = irm_gen_below(s, 100) < 40
	    ? (int16_t)irm_gen_below(s, (unsigned)n)
	    : -1;
	u->resign = u->last = u->review = u->anchor = u->hire = u->trip = -1;
	u->scen = -1;
	u->ip = (uint8_t)(1 + i % 250);
	u->country = (uint8_t)irm_gen_below(s, 8);
	if (irm_gen_below(s, 100) < 15)
		u->flags |= GEN_U_EVENING;
	if (irm_gen_below(s, 100) < share_of(u->dept, 0)) {
		u->flags |= GEN_U_NIGHT;
		u->start = (int16_t)(1290 + irm_gen_below(s, 90));
	}
	if (irm_gen_below(s, 100) < share_of(u->dept, 1)) {
		u->flags |= GEN_U_TRAVEL;
		u->trip = (int16_t)irm_gen_below(s, (unsigned)n);
	}
	if (irm_gen_below(s, 100) < share_of(u->dept, 2))
		u->flags |= GEN_U_USB;
	if (irm_gen_below(s, 100) < 6)
		u->flags |= GEN_U_JOBSITE;
	/* New hires, from the second week on. */
	if (i > 0 && n >= 20 && irm_gen_below(s, 100) < 3)
		u->hire = (int16_t)irm_gen_workday_from(
		    g, 7 + (int)irm_gen_below(s, (unsigned)(n * 2 / 3 - 7)));
	/* Leavers who take nothing. */
	if (i > 0 && n >= 10 && irm_gen_below(s, 1000) < 12 && u->hire < 0) {
		u->flags |= GEN_U_LEAVER;
		u->resign = (int16_t)(5 + irm_gen_below(s, (unsigned)n - 7));
		u->last = (int16_t)(u->resign + 14);
	}
}

/* Department heads report to the CEO (user 0), everyone else to a head,
 * and the heads and the executives are the priority users. */
static void
managers(struct gen_world *g)
{
	uint32_t head[32];
	unsigned i;

	g->admin = 0;
	for (i = 0; i < irm_gen_ndepts; i++)
		head[i] = UINT32_MAX;
	for (i = 0; i < g->nusers; i++) {
		struct gen_user *u = &g->u[i];

		if (head[u->dept] == UINT32_MAX) {
			head[u->dept] = i;
			if (u->dept == GEN_DEPT_IT)
				g->admin = i;
			u->flags |= GEN_U_PRIORITY;
			u->flags &= (uint16_t) ~(GEN_U_LEAVER | GEN_U_NIGHT);
			u->resign = u->last = u->hire = -1;
			u->start = (int16_t)irm_gen_depts[u->dept].start_min;
		}
		if (u->dept == GEN_DEPT_EXEC)
			u->flags |= GEN_U_PRIORITY;
		u->manager = i == 0      ? UINT32_MAX
		    : head[u->dept] == i ? 0
		                         : head[u->dept];
	}
}

/* One review cycle: a quarter of the users, a few rated poorly. */
static void
reviews(struct gen_world *g, uint64_t *s)
{
	int day = day_between(g, s, 0.4, 0.4);
	unsigned i;

	if (g->o->days < 10)
		return;
	for (i = 0; i < g->nusers; i++) {
		struct gen_user *u = &g->u[i];

		if (u->scen >= 0 || irm_gen_below(s, 100) >= 25)
			continue;
		u->flags |= GEN_U_REVIEWED;
		u->review = (int16_t)day;
		if (irm_gen_below(s, 100) < 5)
			u->flags |= GEN_U_POOR;
		/* Promotions, and now and then a demotion. */
		if (irm_gen_below(s, 100) < 12)
			u->flags |= GEN_U_JOB |
			    (irm_gen_below(s, 100) < 15 ? GEN_U_DEMOTED : 0);
	}
}

/* o->personal per cent of the users without a scenario have the
 * personal habit; chosen by a hash, not the world's stream, so that
 * everything else in the tenant stays as it was without it. */
static void
personal_habit(struct gen_world *g)
{
	unsigned i;

	for (i = 0; i < g->nusers; i++)
		if (g->u[i].scen < 0 &&
		    irm_gen_mix(g->seed ^ 0x7065727330ULL ^ i) % 100 <
		        g->o->personal)
			g->u[i].flags |= GEN_U_PERSONAL;
}

int
irm_gen_world_init(
    struct gen_world *g, const struct irm_gen_opts *o, struct irm_error *e)
{
	uint64_t s;
	unsigned i;

	memset(g, 0, sizeof(*g));
	g->o = o;
	g->seed = irm_gen_mix(o->seed ^ 0x69726d67ULL);
	g->nusers = o->users;
	if (calendar(g, e) == -1)
		return -1;
	g->u = irm_xcalloc(g->nusers, sizeof(*g->u));
	s = g->seed;
	for (i = 0; i < g->nusers; i++)
		make_user(g, i, &s);
	managers(g);
	s = irm_gen_mix(g->seed + 1);
	plant_all(g, &s);
	reviews(g, &s);
	personal_habit(g);
	return 0;
}

void
irm_gen_world_free(struct gen_world *g)
{
	free(g->u);
	free(g->day0);
	free(g->offset);
	free(g->workday);
	memset(g, 0, sizeof(*g));
}
