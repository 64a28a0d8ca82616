/*
 * gen_files.c - irm-gen's tenant directory: the raw/ files day by day,
 * and the files around them (directory, settings, policies, answer key).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "gen_int.h"

#define PATHMAX 4096

static int
path(char *b, const char *dir, const char *name, struct irm_error *e)
{
	int n = snprintf(b, PATHMAX, "%s/%s", dir, name);

	if (n < 0 || n >= PATHMAX)
		return irm_seterr(e, "%s: name too long", dir);
	return 0;
}

/* Write a whole small file made by fill(). */
static int
small_file(const char *dir, const char *name,
    void (*fill)(struct gen_out *, const struct gen_world *),
    const struct gen_world *g, struct irm_error *e)
{
	char p[PATHMAX];
	struct gen_out w;

	if (path(p, dir, name, e) == -1 || irm_gen_out_open(&w, p, e) == -1)
		return -1;
	fill(&w, g);
	return irm_gen_out_close(&w, p, e);
}

static void
day_str(struct gen_out *w, const struct gen_world *g, int day)
{
	irm_gen_date(w, (g->o->start + day) * 86400);
}

/* ------------------------------------------------------- directory */

static void
fill_directory(struct gen_out *w, const struct gen_world *g)
{
	unsigned i;

	irm_gen_lit(w, "user,department,manager,title\n");
	for (i = 0; i < g->nusers; i++) {
		const struct gen_user *u = &g->u[i];
		const char *title = irm_gen_depts[u->dept].title;

		irm_gen_room(w);
		if (i == 0)
			title = "Chief Executive Officer";
		else if (u->manager == 0)
			title = "Head of Department";
		irm_gen_lit(w, irm_gen_who(g, u));
		irm_gen_chr(w, ',');
		irm_gen_lit(w, irm_gen_depts[u->dept].name);
		irm_gen_chr(w, ',');
		if (u->manager != UINT32_MAX)
			irm_gen_lit(w, irm_gen_who(g, &g->u[u->manager]));
		irm_gen_chr(w, ',');
		irm_gen_lit(w, title);
		irm_gen_chr(w, '\n');
	}
}

static void
fill_priority(struct gen_out *w, const struct gen_world *g)
{
	unsigned i;

	irm_gen_lit(w, "# The executives and the heads of department.\n");
	for (i = 0; i < g->nusers; i++) {
		irm_gen_room(w);
		if (g->u[i].flags & GEN_U_PRIORITY) {
			irm_gen_lit(w, irm_gen_who(g, &g->u[i]));
			irm_gen_chr(w, '\n');
		}
	}
}

static int
gen_write_directory(
    const struct gen_world *g, const char *dir, struct irm_error *e)
{
	if (small_file(dir, "directory.csv", fill_directory, g, e) == -1)
		return -1;
	return small_file(dir, "priority-users.txt", fill_priority, g, e);
}

/* -------------------------------------------------------- settings */

static void
fill_settings(struct gen_out *w, const struct gen_world *g)
{
	int i;

	irm_gen_lit(w,
	    "// irm-score settings for the tenant irm-gen wrote "
	    "(irm-policy(5)).\n{\n\t\"labels\": [\n");
	for (i = 0; i < 4; i++) {
		irm_gen_lit(w, "\t\t{\"id\": \"");
		irm_gen_lit(w, irm_gen_label_ids[i]);
		irm_gen_lit(w, "\", \"name\": \"");
		irm_gen_lit(w, irm_gen_label_names[i]);
		irm_gen_lit(w, i < 3 ? "\"},\n" : "\"}\n");
	}
	irm_gen_lit(w,
	    "\t],\n"
	    "\t\"domains\": {\n"
	    "\t\t\"internal\": [\"contoso.com\", \"*.contoso.com\", "
	    "\"contoso.onmicrosoft.com\",\n"
	    "\t\t    \"contoso.sharepoint.com\", "
	    "\"contoso-my.sharepoint.com\"],\n"
	    "\t\t// The partner: mail and shares to it are never scored.\n"
	    "\t\t\"allowed\": [\"fabrikam.com\"],\n"
	    "\t\t\"unallowed\": [\"gmail.com\", \"outlook.com\", "
	    "\"yahoo.com\", \"proton.me\",\n"
	    "\t\t    \"dropbox.com\", \"*.dropbox.com\", \"wetransfer.com\", "
	    "\"mega.nz\"],\n"
	    "\t\t\"third_party\": [\"box.com\", \"*.box.com\"]\n"
	    "\t},\n"
	    "\t\"priority_users\": {\"leadership\": \"priority-users.txt\"},\n"
	    "\t\"priority_content\": {\n"
	    "\t\t\"labels\": [\"Highly Confidential\"],\n"
	    "\t\t\"sites\": [\"https://contoso.sharepoint.com/sites/"
	    "Leadership\"]\n"
	    "\t},\n"
	    "\t// Signature images and profile folders are noise.\n"
	    "\t\"exclusions\": {\"paths\": [\"\\\\Users\\\\*\\\\AppData\"], "
	    "\"file_types\": [\"png\"]},\n"
	    "\t\"working_hours\": {\"zone\": \"");
	irm_gen_esc(w, g->o->zone);
	irm_gen_lit(w,
	    "\", \"days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"],\n"
	    "\t    \"start\": \"07:00\", \"end\": \"19:00\"},\n"
	    "\t\"unusual\": {\"min_daily\": 5, \"factor\": 3},\n"
	    "\t\"directory\": \"directory.csv\",\n"
	    "\t// The web filter's categories of the sites visited.\n"
	    "\t\"web_categories\": {\"keylogger\": [\"*.spectorsoft.com\", "
	    "\"*.refog.com\", \"*.spyrix.com\"]}\n"
	    "}\n");
}

static int
gen_write_settings(
    const struct gen_world *g, const char *dir, struct irm_error *e)
{
	return small_file(dir, "settings.json", fill_settings, g, e);
}

/* -------------------------------------------------------- policies */

static const char *const policies[][2] = {
    {"departing-data-theft.json",
        "// Departing users: from 90 days before a resignation to 30 days\n"
        "// after the last working day.\n"
        "{\n"
        "\t\"name\": \"departing-data-theft\",\n"
        "\t\"template\": \"data_theft_departing\",\n"
        "\t\"indicators\": {\n"
        "\t\t\"usb_copy\": {\"weight\": 20, \"thresholds\": [1, 10, 30]},\n"
        "\t\t// Finance and legal print all day long.\n"
        "\t\t\"print\": false\n"
        "\t}\n"
        "}\n"},
    {"data-leaks.json",
        "// Data leaks: a high severity DLP match, or exfiltration at or\n"
        "// above an indicator's low threshold on a day.\n"
        "{\n"
        "\t\"name\": \"data-leaks\",\n"
        "\t\"template\": \"data_leaks\",\n"
        "\t\"window\": {\"before_days\": 30, \"after_days\": 30},\n"
        "\t\"indicators\": {\n"
        "\t\t// Sales mail customers all day.\n"
        "\t\t\"email_external_attachments\": {\"weight\": 20,\n"
        "\t\t    \"thresholds\": [3, 15, 40]},\n"
        "\t\t\"sharepoint_download\": {\"thresholds\": [20, 60, 150]},\n"
        "\t\t\"onedrive_download\": {\"thresholds\": [20, 60, 150]},\n"
        "\t\t// Sync clients fetch whole libraries.\n"
        "\t\t\"sync_download\": {\"thresholds\": [60, 150, 400]}\n"
        "\t},\n"
        "\t// The cumulative-exfiltration policy compares everyone.\n"
        "\t\"cumulative_exfiltration\": false\n"
        "}\n"},
    {"data-leaks-priority.json",
        "// Data leaks by the priority users (settings priority_users).\n"
        "{\n"
        "\t\"name\": \"data-leaks-priority\",\n"
        "\t\"template\": \"data_leaks_priority_users\",\n"
        "\t\"indicators\": {\n"
        "\t\t\"email_external_attachments\": {\"thresholds\": [3, 15, "
        "40]},\n"
        "\t\t\"sharepoint_download\": {\"thresholds\": [20, 60, 150]},\n"
        "\t\t\"onedrive_download\": {\"thresholds\": [20, 60, 150]},\n"
        "\t\t\"sync_download\": {\"thresholds\": [60, 150, 400]}\n"
        "\t},\n"
        "\t\"cumulative_exfiltration\": false,\n"
        "\t\"alert\": {\"min_score\": 30}\n"
        "}\n"},
    {"data-leaks-risky-users.json",
        "// Data leaks after an HR stressor: a poor review, a demotion, an\n"
        "// improvement plan.\n"
        "{\n"
        "\t\"name\": \"data-leaks-risky-users\",\n"
        "\t\"template\": \"data_leaks_risky_users\",\n"
        "\t\"window\": {\"before_days\": 7, \"after_days\": 60},\n"
        "\t\"indicators\": {\n"
        "\t\t\"email_external_attachments\": {\"thresholds\": [3, 15, "
        "40]}\n"
        "\t}\n"
        "}\n"},
    {"cumulative-exfiltration.json",
        "// Slow exfiltration: every user, every day, compared with the\n"
        "// department over 30 days.  The indicators count but score\n"
        "// nothing (weight 0): only the cumulative insight can alert.\n"
        "{\n"
        "\t\"name\": \"cumulative-exfiltration\",\n"
        "\t\"template\": \"data_leaks\",\n"
        "\t\"triggers\": [],\n"
        "\t\"indicators\": {\n"
        "\t\t\"file_shared_external\": {\"weight\": 0},\n"
        "\t\t\"anonymous_link\": {\"weight\": 0},\n"
        "\t\t\"site_external_member\": {\"weight\": 0},\n"
        "\t\t\"email_external_attachments\": {\"weight\": 0},\n"
        "\t\t\"email_personal_domain\": {\"weight\": 0},\n"
        "\t\t\"email_self\": {\"weight\": 0},\n"
        "\t\t\"email_forwarding_rule\": {\"weight\": 0},\n"
        "\t\t\"usb_copy\": {\"weight\": 0},\n"
        "\t\t\"cloud_upload\": {\"weight\": 0},\n"
        "\t\t\"print\": {\"weight\": 0},\n"
        "\t\t\"network_share_copy\": {\"weight\": 0},\n"
        "\t\t\"bluetooth_transfer\": {\"weight\": 0},\n"
        "\t\t\"rdp_copy\": {\"weight\": 0},\n"
        "\t\t\"sharepoint_download\": false, \"onedrive_download\": false,\n"
        "\t\t\"sync_download\": false, \"label_downgraded\": false,\n"
        "\t\t\"label_removed\": false, \"priority_file_accessed\": false,\n"
        "\t\t\"cloud_file_deleted\": false, \"clipboard_sensitive\": false,\n"
        "\t\t\"browser_download_unallowed\": false,\n"
        "\t\t\"browser_download_third_party\": false,\n"
        "\t\t\"file_renamed\": false, \"file_archived\": false,\n"
        "\t\t\"device_file_deleted\": false\n"
        "\t},\n"
        "\t\"sequences\": false,\n"
        "\t\"cumulative_exfiltration\": true,\n"
        "\t// The 95th percentile with some priority content, or of\n"
        "\t// the events to unallowed domains (50 x 1.5), or the 99th\n"
        "\t// of a department of 100 or more with priority content\n"
        "\t// (70 x 1.5): the volume alone (50, 70) is a department's\n"
        "\t// busiest at a quarter's end, even when it rose.\n"
        "\t\"alert\": {\"min_score\": 75}\n"
        "}\n"},
    {"security-violations.json",
        "// Security violations: a Defender alert brings the user in.\n"
        "{\n"
        "\t\"name\": \"security-violations\",\n"
        "\t\"template\": \"security_violations\",\n"
        "\t\"indicators\": {\n"
        "\t\t\"defense_evasion\": {\"weight\": 35, \"thresholds\": [1, 2, "
        "4]},\n"
        "\t\t\"after_hours_logon\": false\n"
        "\t}\n"
        "}\n"},
    {"security-departing.json",
        "// Security violations by departing users.\n"
        "{\n"
        "\t\"name\": \"security-departing\",\n"
        "\t\"template\": \"security_violations_departing\",\n"
        "\t\"window\": {\"before_days\": 30, \"after_days\": 60},\n"
        "\t\"indicators\": {\n"
        "\t\t\"defense_evasion\": {\"weight\": 35, \"thresholds\": [1, 2, "
        "4]},\n"
        "\t\t\"badge_after_termination\": {\"weight\": 40, "
        "\"thresholds\": [1, 2, 3]},\n"
        "\t\t\"after_hours_logon\": false\n"
        "\t}\n"
        "}\n"},
    {"security-risky-users.json",
        "// Risky-user signals: hiding inbox rules, bursts of password\n"
        "// resets, sign-ins from new networks with new browsers, anonymous\n"
        "// access to a OneDrive: a compromised account as much as an insider.\n"
        "{\n"
        "\t\"name\": \"security-risky-users\",\n"
        "\t\"template\": \"security_violations_risky_users\",\n"
        "\t\"triggers\": [\"risky_user_signal\"],\n"
        "\t\"window\": {\"before_days\": 1, \"after_days\": 14},\n"
        "\t\"indicators\": {\n"
        "\t\t\"after_hours_logon\": false, \"usb_mount\": false,\n"
        "\t\t\"badge_failed_priority_asset\": false\n"
        "\t}\n"
        "}\n"},
    {"risky-browsing.json",
        "// Risky browsing: every user, every day, on visits to sites of a\n"
        "// risky web category (settings web_categories) or an unallowed\n"
        "// domain, and downloads from unallowed domains.\n"
        "{\n"
        "\t\"name\": \"risky-browsing\",\n"
        "\t\"template\": \"risky_browsing\"\n"
        "}\n"},
    {"after-hours.json",
        "// Night work: every user, every day, on logons outside working\n"
        "// hours alone.\n"
        "{\n"
        "\t\"name\": \"after-hours\",\n"
        "\t\"template\": \"security_violations\",\n"
        "\t\"triggers\": [],\n"
        "\t\"indicators\": {\n"
        "\t\t\"after_hours_logon\": {\"weight\": 15, \"thresholds\": [3, 5, "
        "9]},\n"
        "\t\t\"defense_evasion\": false, \"unwanted_software\": false,\n"
        "\t\t\"browse_risky\": false, \"badge_failed_priority_asset\": "
        "false,\n"
        "\t\t\"usb_mount\": false, \"email_as_other\": false,\n"
        "\t\t\"inbox_rule_hiding\": false, \"admin_burst\": false,\n"
        "\t\t\"signin_new_ip\": false, \"signin_new_agent\": false,\n"
        "\t\t\"anonymous_access\": false\n"
        "\t}\n"
        "}\n"},
};

static int
gen_write_policies(const char *dir, struct irm_error *e)
{
	char p[PATHMAX];
	struct gen_out w;
	size_t i;

	for (i = 0; i < sizeof(policies) / sizeof(policies[0]); i++) {
		if (path(p, dir, policies[i][0], e) == -1 ||
		    irm_gen_out_open(&w, p, e) == -1)
			return -1;
		irm_gen_lit(&w, policies[i][1]);
		if (irm_gen_out_close(&w, p, e) == -1)
			return -1;
	}
	return 0;
}

/* --------------------------------------------------------- answers */

static void
fill_answers(struct gen_out *w, const struct gen_world *g)
{
	unsigned i;
	int sc, from, to;

	irm_gen_lit(w, "user,scenario,start,end,expected\n");
	for (sc = 0; sc < GEN_NSCEN; sc++)
		for (i = 0; i < g->nusers; i++) {
			const struct gen_user *u = &g->u[i];

			if (u->scen != sc)
				continue;
			irm_gen_room(w);
			irm_gen_scen_window(g, u, &from, &to);
			irm_gen_lit(w, irm_gen_who(g, u));
			irm_gen_chr(w, ',');
			irm_gen_lit(w, irm_gen_scenario_name(sc));
			irm_gen_chr(w, ',');
			day_str(w, g, from);
			irm_gen_chr(w, ',');
			day_str(w, g, to);
			irm_gen_chr(w, ',');
			irm_gen_lit(w, irm_gen_scenario_expected(sc));
			irm_gen_chr(w, '\n');
		}
}

static int
gen_write_answers(
    const struct gen_world *g, const char *dir, struct irm_error *e)
{
	return small_file(dir, "answers.csv", fill_answers, g, e);
}

/* ----------------------------------------------------------- days */

struct dayfiles {
	struct gen_out out[4];
	char path[4][PATHMAX];
	int open[4];
};

static const char *const suffix[4] = {
    "audit.jsonl", "alerts.jsonl", "badge.json", "hr.csv"};

static int
kind_file(int kind)
{
	return kind == GEN_K_ALERT ? 1
	    : kind == GEN_K_BADGE  ? 2
	    : kind == GEN_K_HR     ? 3
	                           : 0;
}

static int
open_day(struct dayfiles *f, int k, const struct gen_world *g, int day,
    const char *raw, struct irm_error *e)
{
	struct gen_out *w = &f->out[k];
	char name[64];
	int64_t y;
	unsigned m, d;

	irm_civil_from_days(g->o->start + day, &y, &m, &d);
	snprintf(
	    name, sizeof(name), "%04d-%02u-%02u-%s", (int)y, m, d, suffix[k]);
	if (path(f->path[k], raw, name, e) == -1 ||
	    irm_gen_out_open(w, f->path[k], e) == -1)
		return -1;
	f->open[k] = 1;
	if (k == 2)
		irm_gen_lit(w, "[\n");
	if (k == 3)
		irm_gen_lit(w,
		    "HRScenario,EmailAddress,ResignationDate,"
		    "LastWorkingDate,EffectiveDate,Remarks,Rating,"
		    "OldLevel,NewLevel\n");
	return 0;
}

static int
close_day(struct dayfiles *f, struct irm_gen_stats *st, struct irm_error *e)
{
	int k, rc = 0;

	for (k = 0; k < 4; k++) {
		if (!f->open[k])
			continue;
		if (k == 2)
			irm_gen_lit(&f->out[k], "\n]\n");
		st->records += f->out[k].records;
		irm_gen_flush(&f->out[k]);
		st->bytes += f->out[k].bytes;
		st->files++;
		if (irm_gen_out_close(&f->out[k], f->path[k], e) == -1)
			rc = -1;
		f->open[k] = 0;
	}
	return rc;
}

static int
write_day(const struct gen_world *g, unsigned day, struct gen_acts *v,
    const char *raw, const struct gen_writers *cw, struct irm_gen_stats *st,
    struct irm_error *e)
{
	struct dayfiles f;
	struct gen_writers w;
	int cert = g->o->format == GEN_FMT_CERT;
	size_t i;
	int k;

	memset(&f, 0, sizeof(f));
	irm_gen_day_acts(g, day, v);
	for (i = 0; i < v->n; i++) {
		k = kind_file(v->a[i].kind);
		if (cert && k != 3)
			continue;
		if (!f.open[k] && open_day(&f, k, g, (int)day, raw, e) == -1) {
			close_day(&f, st, NULL);
			return -1;
		}
	}
	w = *cw;
	w.audit = &f.out[0];
	w.alerts = &f.out[1];
	w.badge = &f.out[2];
	w.hr = &f.out[3];
	for (i = 0; i < v->n; i++) {
		uint64_t id = irm_gen_mix(g->seed ^ (uint64_t)day << 32 ^ i);

		if (cert && v->a[i].kind != GEN_K_HR)
			irm_gen_format_cert(g, &v->a[i], id, &w);
		else
			irm_gen_format(g, &v->a[i], id, &w);
	}
	return close_day(&f, st, e);
}

/* ------------------------------------------------------------ CERT */

/* Open or close the five activity files of a CERT tenant in raw/. */
static int
cert_files(struct gen_out *out, const char *raw, int open,
    struct irm_gen_stats *st, struct irm_error *e)
{
	char p[PATHMAX];
	int k, rc = 0;

	for (k = 0; k < GEN_NCERT; k++) {
		if (path(p, raw, irm_gen_cert_files[k], e) == -1)
			return -1;
		if (open) {
			if (irm_gen_out_open(&out[k], p, e) == -1)
				return -1;
			irm_gen_lit(&out[k], irm_gen_cert_headers[k]);
			continue;
		}
		if (st) {
			st->records += out[k].records;
			irm_gen_flush(&out[k]);
			st->bytes += out[k].bytes;
			st->files++;
		}
		if (irm_gen_out_close(&out[k], p, st ? e : NULL) == -1)
			rc = -1;
	}
	return rc;
}

/* "Nina Green" of nina.green. */
static void
full_name(struct gen_out *w, const struct gen_user *u)
{
	char b[40];
	size_t i;
	int up = 1;

	for (i = 0; u->local[i] && i + 1 < sizeof(b); i++) {
		char c = u->local[i];

		b[i] = c == '.'                  ? ' '
		    : up && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A')
		                                 : c;
		up = c == '.';
	}
	b[i] = '\0';
	irm_gen_lit(w, b);
}

static void
fill_psychometric(struct gen_out *w, const struct gen_world *g)
{
	unsigned i, k;
	char b[48];

	irm_gen_lit(w, "employee_name,user_id,O,C,E,A,N\n");
	for (i = 0; i < g->nusers; i++) {
		uint64_t r = irm_gen_mix(g->seed ^ i ^ 0x50c1ULL);

		irm_gen_room(w);
		full_name(w, &g->u[i]);
		irm_gen_chr(w, ',');
		irm_gen_lit(w, g->u[i].certid);
		for (k = 0; k < 5; k++) {
			snprintf(b, sizeof(b), ",%u", 10 + (unsigned)(r % 41));
			irm_gen_lit(w, b);
			r /= 41;
		}
		irm_gen_chr(w, '\n');
	}
}

/* LDAP/YYYY-MM.csv: who is employed in each month of the period. */
static int
cert_ldap(const struct gen_world *g, const char *dir, struct irm_error *e)
{
	char p[PATHMAX], name[32];
	struct gen_out w;
	int64_t y;
	unsigned m, d, i;
	int day = 0, n = (int)g->o->days, end;

	if (path(p, dir, "LDAP", e) == -1)
		return -1;
	if (mkdir(p, 0700) == -1)
		return irm_seterr(e, "%s: %s", p, strerror(errno));
	while (day < n) {
		/* The month's last day in the period. */
		for (end = day; end + 1 < n; end++) {
			irm_civil_from_days(g->o->start + end + 1, &y, &m, &d);
			if (d == 1)
				break;
		}
		irm_civil_from_days(g->o->start + day, &y, &m, &d);
		snprintf(name, sizeof(name), "LDAP/%04d-%02u.csv", (int)y, m);
		if (path(p, dir, name, e) == -1 ||
		    irm_gen_out_open(&w, p, e) == -1)
			return -1;
		irm_gen_lit(&w,
		    "employee_name,user_id,email,role,business_unit,"
		    "functional_unit,department,team,supervisor\n");
		for (i = 0; i < g->nusers; i++) {
			const struct gen_user *u = &g->u[i];

			if ((u->hire >= 0 && u->hire > end) ||
			    (u->last >= 0 && u->last < day))
				continue;
			irm_gen_room(&w);
			full_name(&w, u);
			irm_gen_chr(&w, ',');
			irm_gen_lit(&w, u->certid);
			irm_gen_chr(&w, ',');
			irm_gen_lit(&w, u->upn);
			irm_gen_chr(&w, ',');
			irm_gen_lit(&w, irm_gen_depts[u->dept].title);
			irm_gen_lit(&w, ",1,");
			irm_gen_lit(&w, irm_gen_depts[u->dept].name);
			irm_gen_chr(&w, ',');
			irm_gen_lit(&w, irm_gen_depts[u->dept].name);
			irm_gen_raw(&w, ",,", 2);
			if (u->manager != UINT32_MAX)
				full_name(&w, &g->u[u->manager]);
			irm_gen_chr(&w, '\n');
		}
		if (irm_gen_out_close(&w, p, e) == -1)
			return -1;
		day = end + 1;
	}
	return 0;
}

/* dir must be absent or an empty directory. */
static int
make_dir(const char *dir, struct irm_error *e)
{
	DIR *d;
	struct dirent *de;

	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno != EEXIST)
		return irm_seterr(e, "%s: %s", dir, strerror(errno));
	if ((d = opendir(dir)) == NULL)
		return irm_seterr(e, "%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0) {
			closedir(d);
			return irm_seterr(e, "%s: not empty", dir);
		}
	closedir(d);
	return 0;
}

int
irm_gen_write(const struct irm_gen_opts *o, const char *dir,
    struct irm_gen_stats *st, struct irm_error *e)
{
	struct gen_world g;
	struct gen_acts v = {0};
	struct gen_writers ws;
	struct gen_out cert[GEN_NCERT];
	char raw[PATHMAX], pol[PATHMAX], hr[PATHMAX];
	unsigned day;
	int rc = -1, k, is_cert = o->format == GEN_FMT_CERT;

	memset(st, 0, sizeof(*st));
	memset(&ws, 0, sizeof(ws));
	if (make_dir(dir, e) == -1 || path(raw, dir, "raw", e) == -1 ||
	    path(pol, dir, "policies", e) == -1 || path(hr, dir, "hr", e) == -1)
		return -1;
	if (mkdir(raw, 0700) == -1 || mkdir(pol, 0700) == -1 ||
	    (is_cert && mkdir(hr, 0700) == -1))
		return irm_seterr(e, "%s: %s", dir, strerror(errno));
	if (irm_gen_world_init(&g, o, e) == -1)
		return -1;
	if (is_cert && cert_files(cert, raw, 1, NULL, e) == -1)
		goto out;
	for (k = 0; k < GEN_NCERT; k++)
		ws.cert[k] = is_cert ? &cert[k] : NULL;
	for (day = 0; day < o->days; day++) {
		if (write_day(&g, day, &v, is_cert ? hr : raw, &ws, st, e) ==
		    -1) {
			if (is_cert)
				cert_files(cert, raw, 0, NULL, NULL);
			goto out;
		}
		if (o->day_done)
			o->day_done(o->arg, day, st);
	}
	if (is_cert &&
	    (cert_files(cert, raw, 0, st, e) == -1 ||
	        small_file(raw, "psychometric.csv", fill_psychometric, &g, e) ==
	            -1 ||
	        cert_ldap(&g, dir, e) == -1))
		goto out;
	if (gen_write_directory(&g, dir, e) == -1 ||
	    gen_write_settings(&g, dir, e) == -1 ||
	    gen_write_policies(pol, e) == -1 ||
	    gen_write_answers(&g, dir, e) == -1)
		goto out;
	rc = 0;
out:
	free(v.a);
	irm_gen_world_free(&g);
	return rc;
}
