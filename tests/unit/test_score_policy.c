/*
 * test_score_policy.c - unit tests for the indicator catalogue
 * (score_indicators.c) and for templates and policy files
 * (score_policy.c): template values, every lint message with its line,
 * overrides, directory order, user scope, and a matching and a
 * non-matching event for every indicator.
 */
#include <sys/stat.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "irm.h"
#include "irm_score.h"
#include "testhelp.h"

static char tmpdir[] = "/tmp/irm-unit-XXXXXX";
static char tpath[512];

/* Write s to NAME in the temp dir; returns the path (static). */
static const char *
write_file(const char *name, const char *s)
{
	FILE *fp;

	snprintf(tpath, sizeof(tpath), "%s/%s", tmpdir, name);
	if ((fp = fopen(tpath, "w")) == NULL) {
		perror(tpath);
		exit(1);
	}
	fputs(s, fp);
	fclose(fp);
	return tpath;
}

static const char *
mkdir_tmp(const char *name)
{
	snprintf(tpath, sizeof(tpath), "%s/%s", tmpdir, name);
	mkdir(tpath, 0700);
	return tpath;
}

/*
 * Load the paths and return every lint message, each after the temp dir
 * prefix, joined with newlines (static).  *n gets the return value.
 */
static const char *
load(char *const *paths, size_t npaths, const struct irm_pseudo *pseudo,
    struct irm_policy **out, int *n)
{
	static char buf[4096];
	struct irm_lint l = {NULL, 0, 0};
	size_t i, len = 0, pl = strlen(tmpdir) + 1;
	const char *m;

	*n = irm_policies_load(paths, npaths, pseudo, out, &l);
	buf[0] = '\0';
	for (i = 0; i < l.n; i++) {
		m = l.msg[i];
		if (strncmp(m, tmpdir, pl - 1) == 0 && m[pl - 1] == '/')
			m += pl;
		len += (size_t)snprintf(
		    buf + len, sizeof(buf) - len, "%s%s", i ? "\n" : "", m);
		if (len >= sizeof(buf))
			len = sizeof(buf) - 1;
	}
	irm_lint_free(&l);
	return buf;
}

/* Lint one policy file written from text. */
static const char *
lint_one(const char *name, const char *text)
{
	struct irm_policy *p;
	char *path;
	const char *r;
	int n;

	path = irm_xstrdup(write_file(name, text));
	r = load(&path, 1, NULL, &p, &n);
	irm_policies_free(p, n > 0 ? (size_t)n : 0);
	free(path);
	return r;
}

static int
nenabled(const struct irm_policy *p)
{
	size_t i;
	int n = 0;

	for (i = 0; i < irm_nindicators; i++)
		n += p->ind[i].enabled;
	return n;
}

static const struct irm_pol_ind *
pind(const struct irm_policy *p, const char *name)
{
	int i = irm_indicator_find(name);

	return i < 0 ? NULL : &p->ind[i];
}

static int
ind_is(
    const struct irm_pol_ind *pi, int enabled, int w, int lo, int mid, int hi)
{
	return pi != NULL && pi->enabled == enabled && pi->weight == w &&
	    pi->thresholds[0] == lo && pi->thresholds[1] == mid &&
	    pi->thresholds[2] == hi;
}

/* ------------------------------------------------------------ catalogue */

static const char *const design_names[] = {"sharepoint_download",
    "onedrive_download", "sync_download", "file_shared_external",
    "anonymous_link", "site_external_member", "label_downgraded",
    "label_removed", "priority_file_accessed", "cloud_file_deleted",
    "email_external_attachments", "email_personal_domain", "email_self",
    "usb_copy", "cloud_upload", "print", "network_share_copy",
    "clipboard_sensitive", "rdp_copy", "browser_download_unallowed",
    "browser_download_third_party", "file_renamed", "file_archived",
    "device_file_deleted", "usb_mount", "after_hours_logon", "defense_evasion",
    "unwanted_software", "browse_risky", "badge_failed_priority_asset",
    "badge_after_termination", "custom", "inbox_rule_hiding", "admin_burst",
    "signin_new_ip", "signin_new_agent", "anonymous_access", "logon_new_host"};

static void
test_catalogue(void)
{
	size_t i, j, nd = sizeof(design_names) / sizeof(design_names[0]);
	int ok = 1, missing = 0, dup = 0, nexfil = 0;
	const struct irm_indicator *c;

	test_cond("catalogue: 42 indicators", irm_nindicators == 42);
	for (i = 0; i < nd; i++)
		missing += irm_indicator_find(design_names[i]) < 0;
	test_cond("catalogue: every DESIGN indicator is there", missing == 0);
	for (i = 0; i < irm_nindicators; i++) {
		c = &irm_indicators[i];
		if (c->weight < 0 || c->weight > 100 || c->thresholds[0] < 1 ||
		    c->thresholds[0] >= c->thresholds[1] ||
		    c->thresholds[1] >= c->thresholds[2] ||
		    c->activities == NULL || c->conditions == NULL ||
		    c->match == NULL)
			ok = 0;
		for (j = 0; j < i; j++)
			dup += strcmp(irm_indicators[j].name, c->name) == 0;
		nexfil += c->exfiltration;
	}
	test_cond("catalogue: weights 0..100, thresholds increasing", ok);
	test_cond("catalogue: names unique", dup == 0);
	test_cond("catalogue: 13 exfiltration indicators", nexfil == 13);
	test_cond("catalogue: find usb_copy",
	    irm_indicator_find("usb_copy") >= 0 &&
	        strcmp(irm_indicators[irm_indicator_find("usb_copy")].name,
	            "usb_copy") == 0);
	test_cond("catalogue: find unknown",
	    irm_indicator_find("USB_copy") == -1 &&
	        irm_indicator_find("") == -1);
	c = &irm_indicators[irm_indicator_find("usb_copy")];
	test_cond("catalogue: usb_copy defaults",
	    c->weight == 20 && c->thresholds[0] == 1 &&
	        c->thresholds[1] == 10 && c->thresholds[2] == 30 &&
	        c->exfiltration == 1);
	c = &irm_indicators[irm_indicator_find("badge_after_termination")];
	test_cond("catalogue: badge_after_termination is engine-qualified",
	    c->engine == 1);
	c = &irm_indicators[irm_indicator_find("browser_download_unallowed")];
	test_cond("catalogue: browser downloads are not exfiltration",
	    c->exfiltration == 0);
}

static void
test_triggers(void)
{
	static const char *const names[] = {"hr_resignation", "hr_review",
	    "hr_job_change", "hr_pip", "account_deleted", "dlp_matched",
	    "security_alert", "exfiltration", "custom", "start_scoring",
	    "risky_user_signal"};
	size_t i;
	int ok = 1;

	for (i = 0; i < 11; i++) {
		if (irm_trigger_parse(names[i]) != 1 << i ||
		    irm_trigger_name((enum irm_trigger)(1 << i)) == NULL ||
		    strcmp(irm_trigger_name((enum irm_trigger)(1 << i)),
		        names[i]) != 0)
			ok = 0;
	}
	test_cond("triggers: names and bits round-trip", ok);
	test_cond("triggers: manual is start_scoring",
	    irm_trigger_parse("start_scoring") == IRM_TRIG_MANUAL);
	test_cond("triggers: unknown and wrong case parse to 0",
	    irm_trigger_parse("payday") == 0 &&
	        irm_trigger_parse("HR_resignation") == 0);
	test_cond("triggers: no name for 0 or two bits",
	    irm_trigger_name(0) == NULL &&
	        irm_trigger_name((enum irm_trigger)3) == NULL);
}

/* ------------------------------------------------------------ templates */

static void
test_templates(void)
{
	static const char *const want[] = {"data_theft_departing", "data_leaks",
	    "data_leaks_priority_users", "data_leaks_risky_users",
	    "security_violations", "security_violations_departing",
	    "security_violations_priority_users",
	    "security_violations_risky_users", "risky_browsing", "custom"};
	struct irm_policy p, *h;
	size_t i;
	int ok = 1;

	for (i = 0; i < 10; i++)
		ok = ok && irm_templates[i] != NULL &&
		    strcmp(irm_templates[i], want[i]) == 0;
	test_cond("templates: the ten of DESIGN, in order",
	    ok && irm_templates[10] == NULL);

	memset(&p, 0, sizeof(p));
	test_cond("templates: unknown fails",
	    irm_template_fill(&p, "data_theft") == -1 && p.template == NULL);

	test_cond("data_theft_departing: fills",
	    irm_template_fill(&p, "data_theft_departing") == 0);
	test_streq("data_theft_departing: template", p.template,
	    "data_theft_departing");
	test_cond("data_theft_departing: triggers",
	    p.triggers ==
	        (IRM_TRIG_RESIGNATION | IRM_TRIG_DELETED | IRM_TRIG_JOB_SEARCH |
	            IRM_TRIG_MANUAL));
	test_cond("data_theft_departing: window 90/30",
	    p.before_days == 90 && p.after_days == 30);
	test_cond("data_theft_departing: users *",
	    p.ninclude == 1 && strcmp(p.include[0], "*") == 0 &&
	        p.nexclude == 0);
	test_cond("data_theft_departing: usb_copy 20 [1,10,30]",
	    ind_is(pind(&p, "usb_copy"), 1, 20, 1, 10, 30));
	test_cond("data_theft_departing: sharepoint_download 10 [5,20,50]",
	    ind_is(pind(&p, "sharepoint_download"), 1, 10, 5, 20, 50));
	test_cond("data_theft_departing: badge_after_termination on",
	    pind(&p, "badge_after_termination")->enabled == 1);
	test_cond("data_theft_departing: defense_evasion off, defaults kept",
	    ind_is(pind(&p, "defense_evasion"), 0, 30, 1, 2, 5));
	test_cond("data_theft_departing: 27 indicators", nenabled(&p) == 27);
	test_cond("data_theft_departing: flags",
	    p.sequences == 1 && p.cumulative == 1 && p.priority_only == 0 &&
	        p.priority_users_only == 0 && p.min_score == 34);
	test_cond("data_theft_departing: boosters on",
	    p.boost_unusual && p.boost_priority_user && p.boost_previous &&
	        p.boost_after);

	irm_template_fill(&p, "data_leaks");
	test_cond("data_leaks: triggers",
	    p.triggers == (IRM_TRIG_DLP | IRM_TRIG_EXFIL | IRM_TRIG_MANUAL));
	test_cond("data_leaks: 26 indicators, no badge",
	    nenabled(&p) == 26 &&
	        pind(&p, "badge_after_termination")->enabled == 0);
	test_cond("data_leaks: sequences, cumulative",
	    p.sequences == 1 && p.cumulative == 1);

	irm_template_fill(&p, "data_leaks_priority_users");
	test_cond("data_leaks_priority_users: priority users only",
	    p.priority_users_only == 1 &&
	        p.triggers ==
	            (IRM_TRIG_DLP | IRM_TRIG_EXFIL | IRM_TRIG_MANUAL) &&
	        nenabled(&p) == 26);

	irm_template_fill(&p, "data_leaks_risky_users");
	test_cond("data_leaks_risky_users: HR stressors, risky-user signals",
	    p.triggers ==
	            (IRM_TRIG_REVIEW | IRM_TRIG_JOB_CHANGE | IRM_TRIG_PIP |
	                IRM_TRIG_RISKY_SIGNAL | IRM_TRIG_MANUAL) &&
	        p.priority_users_only == 0 && p.cumulative == 1);

	irm_template_fill(&p, "security_violations");
	test_cond("security_violations: triggers",
	    p.triggers ==
	        (IRM_TRIG_ALERT | IRM_TRIG_IMPERSONATION | IRM_TRIG_MANUAL));
	test_cond("security_violations: 13 indicators",
	    nenabled(&p) == 13 && pind(&p, "logon_new_host")->enabled &&
	        pind(&p, "email_as_other")->enabled &&
	        pind(&p, "inbox_rule_hiding")->enabled &&
	        pind(&p, "signin_new_ip")->enabled &&
	        pind(&p, "defense_evasion")->enabled &&
	        pind(&p, "unwanted_software")->enabled &&
	        pind(&p, "badge_failed_priority_asset")->enabled &&
	        !pind(&p, "usb_copy")->enabled);
	test_cond("security_violations: no sequences or cumulative",
	    p.sequences == 0 && p.cumulative == 0);

	irm_template_fill(&p, "security_violations_departing");
	test_cond("security_violations_departing: departing triggers, badge",
	    p.triggers ==
	            (IRM_TRIG_RESIGNATION | IRM_TRIG_DELETED |
	                IRM_TRIG_JOB_SEARCH | IRM_TRIG_MANUAL) &&
	        nenabled(&p) == 14 &&
	        pind(&p, "badge_after_termination")->enabled);

	irm_template_fill(&p, "security_violations_priority_users");
	test_cond("security_violations_priority_users",
	    p.priority_users_only == 1 &&
	        p.triggers ==
	            (IRM_TRIG_ALERT | IRM_TRIG_IMPERSONATION |
	                IRM_TRIG_MANUAL) &&
	        nenabled(&p) == 13);

	irm_template_fill(&p, "security_violations_risky_users");
	test_cond("security_violations_risky_users",
	    p.triggers ==
	            (IRM_TRIG_REVIEW | IRM_TRIG_JOB_CHANGE | IRM_TRIG_PIP |
	                IRM_TRIG_RISKY_SIGNAL | IRM_TRIG_MANUAL) &&
	        p.priority_users_only == 0 && nenabled(&p) == 13);

	irm_template_fill(&p, "risky_browsing");
	test_cond(
	    "risky_browsing: no trigger (everyone in scope)", p.triggers == 0);
	test_cond("risky_browsing: browse_risky, browser_download_unallowed",
	    nenabled(&p) == 2 && pind(&p, "browse_risky")->enabled &&
	        pind(&p, "browser_download_unallowed")->enabled);

	irm_template_fill(&p, "custom");
	test_cond("custom: custom and manual triggers",
	    p.triggers == (IRM_TRIG_CUSTOM | IRM_TRIG_MANUAL));
	test_cond("custom: the custom indicator alone",
	    nenabled(&p) == 1 && ind_is(pind(&p, "custom"), 1, 20, 1, 5, 15));
	test_cond("custom: name and file kept (NULL)",
	    p.name == NULL && p.file == NULL);
	h = irm_xmalloc(sizeof(*h));
	*h = p;
	irm_policies_free(h, 1);
}

/* ----------------------------------------------------------------- lint */

static void
test_lint(void)
{
	test_streq("lint: keys, types and ranges",
	    lint_one("a.json",
	        "{\n"
	        "\t\"name\": \"a\",\n"
	        "\t\"template\": \"data_leaks\",\n"
	        "\t\"colour\": \"red\",\n"
	        "\t\"users\": {\"include\": \"alice\", \"other\": []},\n"
	        "\t\"triggers\": [\"hr_resignation\", \"payday\", 3],\n"
	        "\t\"window\": {\"before_days\": 400, \"after_days\": \"x\"},\n"
	        "\t\"priority_only\": 1,\n"
	        "\t\"boosters\": {\"unusual_activity\": \"yes\", \"loud\": "
	        "1},\n"
	        "\t\"sequences\": 0,\n"
	        "\t\"alert\": {\"min_score\": 101},\n"
	        "\t\"cumulative_exfiltration\": true\n"
	        "}\n"),
	    "a.json:4: unknown key: colour\n"
	    "a.json:5: users.include: expected an array\n"
	    "a.json:5: unknown key: users.other\n"
	    "a.json:6: triggers[1]: unknown trigger: \"payday\"\n"
	    "a.json:6: triggers[2]: expected a string\n"
	    "a.json:7: window.before_days: not in 0..365: 400\n"
	    "a.json:7: window.after_days: expected an integer\n"
	    "a.json:8: priority_only: expected a boolean\n"
	    "a.json:9: boosters.unusual_activity: expected a boolean\n"
	    "a.json:9: unknown key: boosters.loud\n"
	    "a.json:10: sequences: expected a boolean\n"
	    "a.json:11: alert.min_score: not in 0..100: 101");

	test_streq("lint: indicators",
	    lint_one("b.json",
	        "{\"name\": \"b\", \"template\": \"data_theft_departing\",\n"
	        " \"indicators\": {\n"
	        "  \"usb_copy\": {\"weight\": 101, \"thresholds\": [1, 10, "
	        "30]},\n"
	        "  \"print\": {\"thresholds\": [5, 5, 9]},\n"
	        "  \"cloud_upload\": {\"thresholds\": [1, 2]},\n"
	        "  \"sync_download\": {\"thresholds\": [0, 2, 3]},\n"
	        "  \"file_renamed\": {\"thresholds\": [1, 2.5, 3]},\n"
	        "  \"usb_mount\": \"yes\",\n"
	        "  \"teleport\": true,\n"
	        "  \"file_archived\": {\"weight\": 5, \"colour\": 1},\n"
	        "  \"rdp_copy\": {\"weight\": -1},\n"
	        "  \"anonymous_link\": {\"thresholds\": \"1,2,3\"}\n"
	        " }}\n"),
	    "b.json:3: indicators.usb_copy.weight: not in 0..100: 101\n"
	    "b.json:4: indicators.print.thresholds: not strictly increasing "
	    "(low < medium < high)\n"
	    "b.json:5: indicators.cloud_upload.thresholds: expected 3 "
	    "positive integers\n"
	    "b.json:6: indicators.sync_download.thresholds: expected 3 "
	    "positive integers\n"
	    "b.json:7: indicators.file_renamed.thresholds: expected 3 "
	    "positive integers\n"
	    "b.json:8: indicators.usb_mount: expected a boolean or an object\n"
	    "b.json:9: indicators: unknown indicator: \"teleport\"\n"
	    "b.json:10: unknown key: indicators.file_archived.colour\n"
	    "b.json:11: indicators.rdp_copy.weight: not in 0..100: -1\n"
	    "b.json:12: indicators.anonymous_link.thresholds: expected 3 "
	    "positive integers");

	test_streq("lint: unknown template, missing name",
	    lint_one("c.json",
	        "// no name\n"
	        "{\n"
	        "  \"template\": \"data_stealing\"\n"
	        "}\n"),
	    "c.json:3: template: unknown template: \"data_stealing\"\n"
	    "c.json:2: missing key: name");
	test_streq("lint: missing template",
	    lint_one("d.json", "\n{\"name\": \"d\"}\n"),
	    "d.json:2: missing key: template");
	test_streq("lint: null is absent",
	    lint_one("d2.json",
	        "{\"name\": null, \"template\": null,\n"
	        "\"window\": null}\n"),
	    "d2.json:1: missing key: name\n"
	    "d2.json:1: missing key: template");
	test_streq("lint: not an object", lint_one("e.json", "[1, 2]\n"),
	    "e.json:1: expected an object");
	test_streq("lint: name types",
	    lint_one("e2.json",
	        "{\"name\": 5, \"template\": \"custom\",\n"
	        "\"triggers\": {}}\n"),
	    "e2.json:1: name: expected a string\n"
	    "e2.json:2: triggers: expected an array");
	test_streq("lint: empty name",
	    lint_one("e3.json", "{\"name\": \"\", \"template\": \"custom\"}"),
	    "e3.json:1: name: empty");
	test_streq("lint: empty include",
	    lint_one("f.json",
	        "{\"name\": \"f\", \"template\": \"custom\",\n"
	        " \"users\": {\"include\": []}}\n"),
	    "f.json:2: users.include: empty scope");
	test_streq("lint: include cancelled by exclude",
	    lint_one("g.json",
	        "{\"name\": \"g\", \"template\": \"custom\",\n"
	        " \"users\": {\"include\": [\"*@contoso.com\", "
	        "\"bob@x.com\"],\n"
	        "           \"exclude\": [\"*\"]}}\n"),
	    "g.json:3: users.exclude: empty scope (every included user is "
	    "excluded)");
	test_streq("lint: include partly excluded is fine",
	    lint_one("g2.json",
	        "{\"name\": \"g2\", \"template\": \"custom\",\n"
	        " \"users\": {\"include\": [\"*@contoso.com\", "
	        "\"bob@x.com\"],\n"
	        "           \"exclude\": [\"*@Contoso.com\", "
	        "\"alice@x.com\"]}}\n"),
	    "");
	test_streq("lint: wildcard include cancelled by a wider exclude",
	    lint_one("g3.json",
	        "{\"name\": \"g3\", \"template\": \"custom\",\n"
	        " \"users\": {\"include\": [\"a*@contoso.com\"],\n"
	        "           \"exclude\": [\"*@contoso.com\"]}}\n"),
	    "g3.json:3: users.exclude: empty scope (every included user is "
	    "excluded)");
	test_streq("lint: empty pattern, not a string",
	    lint_one("g4.json",
	        "{\"name\": \"g4\", \"template\": \"custom\",\n"
	        " \"users\": {\"include\": [\"*\",\n"
	        "  \"\", 7]}}\n"),
	    "g4.json:3: users.include[1]: empty pattern\n"
	    "g4.json:3: users.include[2]: expected a string");
	test_streq("lint: unknown key quoted",
	    lint_one("g5.json",
	        "{\"name\": \"g5\", \"template\": \"custom\",\n"
	        " \"us\\u0001ers\": 1}\n"),
	    "g5.json:2: unknown key: us?ers (did you mean \"users\"?)");
}

static void
test_lint_files(void)
{
	struct irm_policy *p;
	char *paths[3];
	const char *r;
	char want[1024];
	int n;

	paths[0] = irm_xstrdup(mkdir_tmp("dup"));
	write_file("dup/1.json", "{\"name\": \"x\", \"template\": \"custom\"}");
	write_file(
	    "dup/2.json", "{\"template\": \"custom\",\n \"name\": \"x\"}");
	r = load(paths, 1, NULL, &p, &n);
	snprintf(want, sizeof(want),
	    "dup/2.json:2: name: duplicate policy name: \"x\" (first in "
	    "%s/1.json)",
	    paths[0]);
	test_streq("files: duplicate name", r, want);
	test_cond("files: a problem returns -1 and no policies",
	    n == -1 && p == NULL);
	free(paths[0]);

	paths[0] = irm_xstrdup(mkdir_tmp("empty"));
	write_file("empty/README", "not a policy");
	write_file("empty/.hidden.json", "{}");
	mkdir_tmp("empty/sub.json");
	r = load(paths, 1, NULL, &p, &n);
	test_streq("files: no policies in a directory", r,
	    "empty: no policies (no *.json file)");
	test_cond("files: empty directory is -1", n == -1);
	free(paths[0]);

	snprintf(want, sizeof(want), "%s/missing.json", tmpdir);
	paths[0] = want;
	r = load(paths, 1, NULL, &p, &n);
	test_streq("files: missing file", r,
	    "missing.json: No such file or directory");

	paths[0] = irm_xstrdup(write_file("syntax.json",
	    "{\"name\": \"s\",\n \"template\": \"custom\"\n \"x\": 1}\n"));
	r = load(paths, 1, NULL, &p, &n);
	test_cond("files: syntax error has a line",
	    n == -1 && strncmp(r, "syntax.json:", 12) == 0 &&
	        strchr(r, '\n') == NULL);
	free(paths[0]);

	/* Problems in several files all come out, in order. */
	paths[0] = irm_xstrdup(write_file("m1.json", "{\"name\": \"m1\"}"));
	paths[1] = irm_xstrdup(write_file(
	    "m2.json", "{\"name\": \"m2\", \"template\": \"custom\"}"));
	paths[2] = irm_xstrdup(write_file("m3.json", "{\"template\": \"x\"}"));
	r = load(paths, 3, NULL, &p, &n);
	test_streq("files: every file linted", r,
	    "m1.json:1: missing key: template\n"
	    "m3.json:1: template: unknown template: \"x\"\n"
	    "m3.json:1: missing key: name");
	test_cond("files: -1 even though m2 is fine", n == -1 && p == NULL);
	free(paths[0]);
	free(paths[1]);
	free(paths[2]);
}

/* ------------------------------------------------------------ overrides */

static void
test_overrides(void)
{
	struct irm_policy *p;
	char *path;
	const char *r;
	int n;

	path = irm_xstrdup(write_file("o.json",
	    "/* Every kind of override. */\n"
	    "{\"name\": \"o\", \"template\": \"data_theft_departing\",\n"
	    " \"users\": {\"exclude\": [\"SVC-*@Contoso.com\", "
	    "\"Eve@X.com\"]},\n"
	    " \"triggers\": [\"hr_resignation\", \"hr_resignation\"],\n"
	    " \"window\": {\"after_days\": 7},\n"
	    " \"indicators\": {\"usb_copy\": {\"thresholds\": [2, 4, 8]},\n"
	    "   \"print\": false, \"defense_evasion\": true,\n"
	    "   \"cloud_upload\": {\"weight\": 0}, \"file_renamed\": {},\n"
	    "   \"usb_mount\": null},\n"
	    " \"boosters\": {\"after_hours\": false},\n"
	    " \"sequences\": false, \"alert\": {\"min_score\": 0},\n"
	    " \"priority_only\": true}\n"));
	r = load(&path, 1, NULL, &p, &n);
	test_streq("override: no problems", r, "");
	test_cond("override: one policy", n == 1 && p != NULL);
	if (n != 1) {
		free(path);
		return;
	}
	test_streq("override: name", p->name, "o");
	test_streq("override: file", p->file, path);
	test_streq("override: template", p->template, "data_theft_departing");
	test_cond("override: triggers replace the template's",
	    p->triggers == IRM_TRIG_RESIGNATION);
	test_cond("override: window member by member",
	    p->before_days == 90 && p->after_days == 7);
	test_cond("override: include stays *",
	    p->ninclude == 1 && strcmp(p->include[0], "*") == 0);
	test_cond("override: exclude lower-cased",
	    p->nexclude == 2 &&
	        strcmp(p->exclude[0], "svc-*@contoso.com") == 0 &&
	        strcmp(p->exclude[1], "eve@x.com") == 0);
	test_cond("override: thresholds only",
	    ind_is(pind(p, "usb_copy"), 1, 20, 2, 4, 8));
	test_cond("override: false disables",
	    ind_is(pind(p, "print"), 0, 10, 5, 20, 50));
	test_cond("override: true enables with catalogue defaults",
	    ind_is(pind(p, "defense_evasion"), 1, 30, 1, 2, 5));
	test_cond("override: weight only",
	    ind_is(pind(p, "cloud_upload"), 1, 0, 1, 10, 30));
	test_cond("override: {} enables",
	    ind_is(pind(p, "file_renamed"), 1, 5, 5, 20, 50));
	test_cond("override: null leaves the template's",
	    pind(p, "usb_mount")->enabled == 0);
	test_cond(
	    "override: 27 - print + defense_evasion = 27", nenabled(p) == 27);
	test_cond("override: boosters member by member",
	    p->boost_after == 0 && p->boost_unusual == 1 &&
	        p->boost_priority_user == 1 && p->boost_previous == 1);
	test_cond("override: flags",
	    p->sequences == 0 && p->cumulative == 1 && p->min_score == 0 &&
	        p->priority_only == 1 && p->priority_users_only == 0);
	irm_policies_free(p, (size_t)n);
	free(path);

	/* The template applies first wherever its key is. */
	path = irm_xstrdup(write_file("o2.json",
	    "{\"indicators\": {\"print\": false}, \"triggers\": [],\n"
	    " \"name\": \"o2\", \"template\": \"data_leaks_priority_users\"}"));
	r = load(&path, 1, NULL, &p, &n);
	test_cond("override: template key last",
	    n == 1 && *r == '\0' && pind(p, "print")->enabled == 0 &&
	        nenabled(p) == 25 && p->priority_users_only == 1);
	test_cond("override: [] triggers is every user in scope",
	    n == 1 && p->triggers == 0);
	irm_policies_free(p, n > 0 ? (size_t)n : 0);
	free(path);
}

/* ------------------------------------------------ directories and scope */

static void
test_dirs(void)
{
	struct irm_policy *p;
	char *paths[2];
	const char *r;
	int n;

	paths[0] = irm_xstrdup(mkdir_tmp("order"));
	write_file("order/b.json",
	    "{\"name\": \"second\", \"template\": "
	    "\"custom\"}");
	write_file("order/9.json",
	    "{\"name\": \"first-9\", \"template\": "
	    "\"custom\"}");
	write_file("order/10.json",
	    "{\"name\": \"first-10\", \"template\": "
	    "\"custom\"}");
	write_file("order/a.JSON", "not loaded");
	write_file("order/c.json~", "not loaded");
	write_file("order/.x.json", "not loaded");
	mkdir_tmp("order/d.json");
	paths[1] = irm_xstrdup(write_file("solo.json",
	    "{\"name\": \"solo\", \"template\": \"risky_browsing\"}"));
	r = load(paths, 2, NULL, &p, &n);
	test_streq("dirs: no problems", r, "");
	test_cond("dirs: strcmp order, then the next operand",
	    n == 4 && strcmp(p[0].name, "first-10") == 0 &&
	        strcmp(p[1].name, "first-9") == 0 &&
	        strcmp(p[2].name, "second") == 0 &&
	        strcmp(p[3].name, "solo") == 0);
	if (n == 4) {
		test_cond("dirs: file names joined",
		    strlen(p[0].file) == strlen(paths[0]) + 8 &&
		        strcmp(p[0].file + strlen(paths[0]), "/10.json") == 0);
	}
	irm_policies_free(p, n > 0 ? (size_t)n : 0);
	free(paths[0]);
	free(paths[1]);

	r = load(NULL, 0, NULL, &p, &n);
	test_cond("dirs: no operands, no policies", n == 0 && *r == '\0');
	irm_policies_free(p, 0);
}

static void
test_covers(void)
{
	struct irm_policy *p;
	struct irm_pseudo *ps;
	struct irm_error e;
	char *path, alice[IRM_PSEUDO_LEN], bob[IRM_PSEUDO_LEN];
	const char *r;
	int n;

	path = irm_xstrdup(write_file("cov.json",
	    "{\"name\": \"cov\", \"template\": \"custom\",\n"
	    " \"users\": {\"include\": [\"*@Contoso.com\", \"x*y@f.com\"],\n"
	    "  \"exclude\": [\"svc-*\", \"Eve@contoso.com\"]}}\n"));
	r = load(&path, 1, NULL, &p, &n);
	test_cond("covers: loads", n == 1 && *r == '\0');
	if (n == 1) {
		test_cond("covers: include by suffix",
		    irm_policy_covers(p, "alice@contoso.com"));
		test_cond("covers: case-blind",
		    irm_policy_covers(p, "ALICE@Contoso.COM"));
		test_cond("covers: not included",
		    !irm_policy_covers(p, "alice@fabrikam.com"));
		test_cond("covers: exclude by prefix",
		    !irm_policy_covers(p, "svc-backup@contoso.com"));
		test_cond("covers: exclude exact",
		    !irm_policy_covers(p, "eve@contoso.com") &&
		        irm_policy_covers(p, "eve2@contoso.com"));
		test_cond("covers: * in the middle, empty run",
		    irm_policy_covers(p, "xy@f.com") &&
		        irm_policy_covers(p, "x-and-y@f.com") &&
		        !irm_policy_covers(p, "x-and-z@f.com") &&
		        !irm_policy_covers(p, "xy@f.com.evil"));
	}
	irm_policies_free(p, n > 0 ? (size_t)n : 0);
	free(path);

	write_file("key", "0123456789abcdef0123");
	chmod(tpath, 0600);
	ps = irm_pseudo_load(tpath, &e);
	test_cond("covers: key loads", ps != NULL);
	if (ps == NULL)
		return;
	irm_pseudonym(ps, "alice@contoso.com", 17, alice);
	irm_pseudonym(ps, "bob@contoso.com", 15, bob);
	path = irm_xstrdup(write_file("pseudo.json",
	    "{\"name\": \"ps\", \"template\": \"custom\",\n"
	    " \"users\": {\"include\": [\"Alice@Contoso.com\", \"*\"],\n"
	    "  \"exclude\": [\"bob@contoso.com\", \"*@contoso.com\"]}}\n"));
	r = load(&path, 1, ps, &p, &n);
	test_cond("pseudo: loads", n == 1 && *r == '\0');
	if (n == 1) {
		test_streq(
		    "pseudo: include pseudonymized", p->include[0], alice);
		test_streq("pseudo: * kept", p->include[1], "*");
		test_streq("pseudo: exclude pseudonymized", p->exclude[0], bob);
		test_streq(
		    "pseudo: wildcard kept", p->exclude[1], "*@contoso.com");
		test_cond("pseudo: covers pseudonyms",
		    irm_policy_covers(p, alice) && !irm_policy_covers(p, bob));
	}
	irm_policies_free(p, n > 0 ? (size_t)n : 0);
	irm_pseudo_free(ps);
	free(path);
}

/* The example policies: one per template, no problems. */
static void
test_examples(void)
{
	struct irm_policy *p;
	char *path = "examples/policies";
	const char *r;
	size_t i, j;
	int n, seen[10] = {0}, ok = 1;

	r = load(&path, 1, NULL, &p, &n);
	test_streq("examples: no problems", r, "");
	test_cond("examples: 10 policies", n == 10);
	for (i = 0; n > 0 && i < (size_t)n; i++) {
		for (j = 0; j < 10; j++) {
			if (strcmp(p[i].template, irm_templates[j]) == 0)
				seen[j]++;
		}
	}
	for (j = 0; j < 10; j++)
		ok = ok && seen[j] == 1;
	test_cond("examples: one per template", ok);
	irm_policies_free(p, n > 0 ? (size_t)n : 0);
}

/* ----------------------------------------------------------- indicators */

static struct irm_settings st;

/* Monday 2 March 2026, at hour h UTC; Saturday is day + 5. */
static int64_t
at(int day, int h)
{
	return (irm_days_from_civil(2026, 3, 2) + day) * 86400000 +
	    (int64_t)h * 3600000;
}

static void test_risky_ind(void);

static struct irm_ev
ev_new(const char *activity)
{
	struct irm_ev ev;

	memset(&ev, 0, sizeof(ev));
	ev.ts = at(0, 10);
	ev.day = irm_days_from_civil(2026, 3, 2);
	ev.id = "id-1";
	ev.user = "megan.bowen@contoso.com";
	ev.activity = activity;
	ev.attachments = -1;
	ev.value = NAN;
	return ev;
}

static void
set_to(struct irm_ev *ev, const char **to, size_t n)
{
	ev->email_to.v = to;
	ev->email_to.n = n;
}

static int
m(const char *name, const struct irm_ev *ev)
{
	int i = irm_indicator_find(name);

	return i >= 0 && irm_indicators[i].match(&st, ev);
}

/* Which indicators had a matching and a non-matching event. */
static int yes_seen[64], no_seen[64];

static int
seen(const char *name, int *v, int r)
{
	int i = irm_indicator_find(name);

	if (i >= 0)
		v[i] = 1;
	return r;
}

#define YES(d, name, ev)                                                       \
	test_cond(name ": " d, seen(name, yes_seen, m(name, &(ev))))
#define NO(d, name, ev)                                                        \
	test_cond(name ": not " d, seen(name, no_seen, !m(name, &(ev))))

/* browse_job_search: a web visit's domain, url and own category, and
 * whether it is job search. */
static void
job_search_ind(void)
{
	static const struct {
		const char *what, *domain, *url, *category;
		int want;
	} v[] = {
	    {"a known job board, a name under it", "www.Monster.com", NULL,
	        NULL, 1},
	    {"a name that only ends the same", "notmonster.com", NULL, NULL, 0},
	    {"LinkedIn's jobs section", "www.linkedin.com",
	        "https://www.linkedin.com/jobs/view/42", NULL, 1},
	    {"a path that only starts with /jobs", "www.linkedin.com",
	        "https://www.linkedin.com/jobsearch-tips", NULL, 0},
	    {"the rest of LinkedIn", "www.linkedin.com",
	        "https://www.linkedin.com/feed/", NULL, 0},
	    {"the event's category", "careers.example", NULL, "Job Search", 1},
	    {"another category of the event's own", "www.indeed.com", NULL,
	        "News", 0},
	};
	struct irm_ev ev;
	char msg[128];
	size_t i;
	int r;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		ev = ev_new("web_visited");
		ev.url_domain = v[i].domain;
		ev.url_full = v[i].url;
		ev.category = v[i].category;
		r = m("browse_job_search", &ev);
		seen("browse_job_search", r ? yes_seen : no_seen, 1);
		snprintf(msg, sizeof(msg), "browse_job_search: %s%s",
		    v[i].want ? "" : "not ", v[i].what);
		test_cond(msg, r == v[i].want);
	}
}

static void
test_files_ind(void)
{
	struct irm_ev ev;

	ev = ev_new("file_downloaded");
	ev.url_domain = "contoso.sharepoint.com";
	YES("SharePoint download", "sharepoint_download", ev);
	NO("SharePoint download", "onedrive_download", ev);
	ev.outcome = "failure";
	NO("a failed download", "sharepoint_download", ev);
	ev = ev_new("file_downloaded");
	ev.url_domain = "contoso-my.sharepoint.com";
	YES("OneDrive download", "onedrive_download", ev);
	NO("OneDrive download", "sharepoint_download", ev);
	ev = ev_new("file_synced");
	YES("sync", "sync_download", ev);
	NO("sync", "sharepoint_download", ev);
	ev = ev_new("file_downloaded");
	NO("download", "sync_download", ev);

	ev = ev_new("shared");
	ev.share_scope = "external";
	ev.share_target = "counsel_fabrikam.com#ext#@contoso.onmicrosoft.com";
	YES("guest of fabrikam.com", "file_shared_external", ev);
	ev.share_target = "bob_partner.com#EXT#@contoso.onmicrosoft.com";
	NO("guest of an allowed domain", "file_shared_external", ev);
	ev.share_target = "bob@Partner.com";
	NO("address in an allowed domain", "file_shared_external", ev);
	ev.share_target = "bob@fabrikam.com";
	YES("address at fabrikam.com", "file_shared_external", ev);
	ev.share_target = NULL;
	YES("external without a target", "file_shared_external", ev);
	NO("external", "anonymous_link", ev);
	ev.share_scope = "internal";
	ev.share_target = "patti.fernandez@contoso.com";
	NO("internal share", "file_shared_external", ev);

	ev = ev_new("shared");
	ev.share_scope = "anonymous";
	YES("anonymous link", "anonymous_link", ev);
	ev.share_scope = "organization";
	NO("organization link", "anonymous_link", ev);

	ev = ev_new("member_added");
	ev.share_scope = "external";
	ev.share_target = "guest_fabrikam.com#ext#@contoso.onmicrosoft.com";
	YES("external member", "site_external_member", ev);
	NO("member added", "file_shared_external", ev);
	ev.share_scope = "internal";
	ev.share_target = "lee.gu@contoso.com";
	NO("internal member", "site_external_member", ev);

	ev = ev_new("label_changed");
	ev.label_change = "downgraded";
	YES("source says downgraded", "label_downgraded", ev);
	NO("downgraded", "label_removed", ev);
	ev.label_change = "upgraded";
	NO("upgraded", "label_downgraded", ev);
	ev.label_change = NULL;
	ev.label_old = "L-HC";
	ev.label = "General";
	YES("lower priority in settings.labels", "label_downgraded", ev);
	ev.label_old = "L-G";
	ev.label = "L-HC";
	NO("higher priority", "label_downgraded", ev);
	ev.label_old = "L-HC";
	ev.label = "Secret";
	NO("a label not in settings", "label_downgraded", ev);
	ev.label_change = "removed";
	YES("source says removed", "label_removed", ev);
	ev.label_change = NULL;
	ev.label = NULL;
	YES("old label and no new one", "label_removed", ev);
	NO("removal", "label_downgraded", ev);

	ev = ev_new("file_accessed");
	ev.file_ext = "dwg";
	YES("priority extension", "priority_file_accessed", ev);
	ev.activity = "file_read";
	YES("read on a device", "priority_file_accessed", ev);
	ev.file_ext = "docx";
	NO("ordinary file", "priority_file_accessed", ev);

	ev = ev_new("file_deleted");
	ev.url_domain = "contoso.sharepoint.com";
	YES("SharePoint delete", "cloud_file_deleted", ev);
	NO("SharePoint delete", "device_file_deleted", ev);
	ev.activity = "file_purged";
	YES("recycle bin purge", "cloud_file_deleted", ev);
	NO("purge", "device_file_deleted", ev);
	ev = ev_new("file_deleted");
	ev.file_path = "C:\\Users\\a\\Downloads\\x.xlsx";
	YES("device delete", "device_file_deleted", ev);
	NO("device delete", "cloud_file_deleted", ev);

	ev = ev_new("file_renamed");
	YES("rename", "file_renamed", ev);
	NO("rename", "file_archived", ev);
	ev = ev_new("file_archived");
	YES("archive", "file_archived", ev);
	NO("archive", "file_renamed", ev);
}

static void
test_email_ind(void)
{
	const char *fab[] = {"r.kim@fabrikam.com"};
	const char *partner[] = {"x@partner.com", "y@contoso.com"};
	const char *gmail[] = {"a@GMAIL.com"};
	const char *cc[] = {
	    "r.kim@fabrikam.com", "Megan Bowen <megan.bowen.home@Outlook.com>"};
	const char *self[] = {
	    "megan.bowen@contoso.com", "MeganBowen77@gmail.com"};
	const char *other[] = {"someone@gmail.com"};
	const char *fwd[] = {"isaiah.langer77@gmail.com"};
	const char *nodomain[] = {"x500:/o=contoso/cn=megan"};
	struct irm_ev ev;

	ev = ev_new("email_sent");
	set_to(&ev, fab, 1);
	ev.attachments = 2;
	YES("attachments to fabrikam.com", "email_external_attachments", ev);
	NO("fabrikam.com", "email_personal_domain", ev);
	NO("fabrikam.com", "email_self", ev);
	ev.attachments = 0;
	NO("no attachments", "email_external_attachments", ev);
	ev.attachments = -1;
	NO("a send without a count", "email_external_attachments", ev);
	ev.activity = "dlp_matched";
	YES("a DLP match without a count", "email_external_attachments", ev);
	ev.attachments = 0;
	NO("a DLP match with 0 attachments", "email_external_attachments", ev);
	ev = ev_new("email_sent");
	ev.attachments = 2;
	set_to(&ev, partner, 2);
	NO("allowed and internal recipients", "email_external_attachments", ev);
	set_to(&ev, gmail, 1);
	YES("attachments to gmail.com", "email_external_attachments", ev);
	YES("gmail.com", "email_personal_domain", ev);
	set_to(&ev, nodomain, 1);
	NO("a recipient without a domain", "email_external_attachments", ev);
	ev.activity = "email_rule";
	set_to(&ev, fab, 1);
	NO("a rule", "email_external_attachments", ev);

	ev = ev_new("dlp_matched");
	set_to(&ev, cc, 2);
	YES("outlook.com in cc, display form", "email_personal_domain", ev);
	YES("megan.bowen.home@outlook.com", "email_self", ev);
	set_to(&ev, fab, 1);
	NO("fabrikam.com only", "email_personal_domain", ev);

	ev = ev_new("email_sent");
	set_to(&ev, self, 2);
	YES("MeganBowen77@gmail.com", "email_self", ev);
	set_to(&ev, self, 1);
	NO("the user's own internal address", "email_self", ev);
	set_to(&ev, other, 1);
	NO("someone else at gmail.com", "email_self", ev);
	YES("someone else at gmail.com", "email_personal_domain", ev);
	ev.user = "al@contoso.com";
	set_to(&ev, gmail, 1);
	NO("a local part under 3 letters", "email_self", ev);

	ev = ev_new("email_rule");
	set_to(&ev, fwd, 1);
	YES("forwarding to gmail.com", "email_forwarding_rule", ev);
	NO("a rule", "email_personal_domain", ev);
	set_to(&ev, partner, 2);
	NO("forwarding inside", "email_forwarding_rule", ev);
}

static void
test_device_ind(void)
{
	struct irm_ev ev;

	ev = ev_new("usb_copied");
	YES("USB copy", "usb_copy", ev);
	NO("USB copy", "usb_mount", ev);
	ev.activity = "file_copied";
	NO("a local copy", "usb_copy", ev);
	ev = ev_new("usb_mounted");
	YES("mount", "usb_mount", ev);
	NO("mount", "usb_copy", ev);

	ev = ev_new("cloud_uploaded");
	ev.dest_domain = "www.dropbox.com";
	YES("upload to dropbox", "cloud_upload", ev);
	ev.dest_domain = "Partner.com";
	ev.url_domain = "www.dropbox.com";
	NO("upload to an allowed domain", "cloud_upload", ev);
	ev.dest_domain = NULL;
	ev.url_domain = "contoso.com";
	NO("upload to an internal domain (url.domain)", "cloud_upload", ev);
	ev.url_domain = NULL;
	YES("upload to an unknown place", "cloud_upload", ev);

	ev = ev_new("printed");
	YES("print", "print", ev);
	ev.activity = "file_accessed";
	NO("access", "print", ev);
	ev = ev_new("network_share_copied");
	YES("network share", "network_share_copy", ev);
	NO("network share", "usb_copy", ev);
	ev.activity = "file_copied";
	NO("a local copy", "network_share_copy", ev);
	ev = ev_new("bluetooth_sent");
	YES("bluetooth", "bluetooth_transfer", ev);
	NO("bluetooth", "usb_copy", ev);
	ev.activity = "usb_copied";
	NO("USB copy", "bluetooth_transfer", ev);
	ev = ev_new("rdp_copied");
	YES("remote desktop", "rdp_copy", ev);
	NO("remote desktop", "clipboard_sensitive", ev);

	ev = ev_new("clipboard_copied");
	ev.label = "L-G";
	YES("labelled file", "clipboard_sensitive", ev);
	ev.label = NULL;
	ev.file_ext = "docx";
	NO("unlabelled ordinary file", "clipboard_sensitive", ev);
	ev.file_ext = "dwg";
	YES("priority extension", "clipboard_sensitive", ev);
	NO("clipboard", "rdp_copy", ev);

	ev = ev_new("browser_downloaded");
	ev.url_domain = "dl.dropbox.com";
	YES("unallowed *.dropbox.com", "browser_download_unallowed", ev);
	NO("unallowed", "browser_download_third_party", ev);
	ev.url_domain = "www.box.com";
	YES("third party *.box.com", "browser_download_third_party", ev);
	NO("third party", "browser_download_unallowed", ev);
	ev.dest_domain = "dl.dropbox.com";
	YES("destination.domain first", "browser_download_unallowed", ev);
	ev = ev_new("browser_downloaded");
	ev.url_domain = "dropbox.com";
	NO("dropbox.com is not *.dropbox.com", "browser_download_unallowed",
	    ev);
}

static void
test_other_ind(void)
{
	struct irm_ev ev;

	ev = ev_new("logon");
	ev.ts = at(0, 22);
	YES("Monday 22:00", "after_hours_logon", ev);
	ev.ts = at(0, 10);
	NO("Monday 10:00", "after_hours_logon", ev);
	ev.ts = at(5, 10);
	YES("Saturday 10:00", "after_hours_logon", ev);
	ev.activity = "logon_failed";
	NO("a failed logon", "after_hours_logon", ev);

	ev = ev_new("security_alert");
	ev.alert_category = "DefenseEvasion";
	YES("DefenseEvasion", "defense_evasion", ev);
	NO("DefenseEvasion", "unwanted_software", ev);
	ev.alert_category = "defense evasion";
	YES("defense evasion", "defense_evasion", ev);
	ev.alert_category = "Malware";
	YES("Malware", "unwanted_software", ev);
	NO("Malware", "defense_evasion", ev);
	ev.alert_category = "unwanted_software";
	YES("unwanted_software", "unwanted_software", ev);
	ev.activity = "custom";
	NO("not an alert", "unwanted_software", ev);

	ev = ev_new("email_sent");
	ev.email_from = "boss@contoso.com";
	YES("sent as the boss", "email_as_other", ev);
	ev.email_from = "Megan.Bowen@contoso.com";
	NO("sent as oneself, case aside", "email_as_other", ev);
	ev.email_from = NULL;
	NO("no sender", "email_as_other", ev);
	ev.email_from = "Lynn.Adena.Pratt@dtaa.com";
	ev.user = "LAP0338";
	NO("an account id's usual sender (CERT)", "email_as_other", ev);
	ev.signal = IRM_EV_NEW_FROM;
	YES("an account id's new sender (CERT)", "email_as_other", ev);
	ev.signal = 0;

	ev = ev_new("web_visited");
	ev.category = "Gambling";
	YES("Gambling", "browse_risky", ev);
	ev.category = "Keyloggers";
	YES("Keyloggers", "browse_risky", ev);
	ev.category = "Hate & Intolerance";
	YES("Hate & Intolerance", "browse_risky", ev);
	ev.category = "News";
	NO("News", "browse_risky", ev);
	ev.category = NULL;
	ev.url_domain = "mail.gmail.com";
	NO("a domain not in the lists", "browse_risky", ev);
	ev.url_domain = "Gmail.com";
	YES("an unallowed domain", "browse_risky", ev);
	ev.activity = "browser_downloaded";
	NO("a download", "browse_risky", ev);

	job_search_ind();

	ev = ev_new("badge_access");
	ev.outcome = "failure";
	YES("failed swipe", "badge_failed_priority_asset", ev);
	YES("failed swipe (engine decides the day)", "badge_after_termination",
	    ev);
	ev.outcome = "success";
	NO("success", "badge_failed_priority_asset", ev);
	YES("any swipe", "badge_after_termination", ev);
	ev.activity = "logon";
	NO("a logon", "badge_after_termination", ev);

	ev = ev_new("custom");
	ev.indicator = "PrinterOveruse";
	YES("custom row", "custom", ev);
	ev.activity = "other";
	NO("other", "custom", ev);
	test_risky_ind();
}

/* The risky-user indicators; the engine's part (owner, sign-in memory,
 * distinct targets) is tested end to end by tests/0025. */
static void
test_risky_ind(void)
{
	const char *hide[] = {"forward", "mark_as_read"};
	const char *fwd[] = {"forward"};
	struct irm_ev ev;

	ev = ev_new("email_rule");
	ev.rule_actions.v = hide;
	ev.rule_actions.n = 2;
	YES("a rule that marks mail read", "inbox_rule_hiding", ev);
	ev.rule_actions.v = fwd;
	ev.rule_actions.n = 1;
	NO("a rule that only forwards", "inbox_rule_hiding", ev);

	ev = ev_new("password_reset");
	ev.target_user = "Bob@Contoso.com";
	YES("a reset of another account", "admin_burst", ev);
	ev.target_user = ev.user;
	NO("a reset of one's own", "admin_burst", ev);

	ev = ev_new("logon");
	ev.signal = IRM_EV_NEW_IP | IRM_EV_NEW_AGENT;
	YES("a logon from a new network", "signin_new_ip", ev);
	YES("a logon with a new agent", "signin_new_agent", ev);
	ev.outcome = "failure";
	NO("a failed logon", "signin_new_ip", ev);
	ev.outcome = NULL;
	ev.signal = 0;
	NO("a logon from a known agent", "signin_new_agent", ev);
	ev.signal = IRM_EV_NEW_HOST;
	YES("a logon to a new host", "logon_new_host", ev);
	NO("a new host is not a new network", "signin_new_ip", ev);
	ev.signal = IRM_EV_NEW_IP;
	NO("a logon to a known host", "logon_new_host", ev);

	ev = ev_new("anonymous_link_used");
	ev.signal = IRM_EV_OWNER;
	YES("an owner's item opened anonymously", "anonymous_access", ev);
	ev.signal = 0;
	NO("no owner told", "anonymous_access", ev);
}

static void
test_unallowed(void)
{
	const char *gmail[] = {"r.kim@fabrikam.com", "a@gmail.com"};
	const char *fab[] = {"r.kim@fabrikam.com"};
	struct irm_ev ev;

	ev = ev_new("email_sent");
	set_to(&ev, gmail, 2);
	test_cond("unallowed: a recipient at gmail.com",
	    irm_ev_unallowed(&st, &ev) == 1);
	set_to(&ev, fab, 1);
	test_cond("unallowed: fabrikam.com is external, not unallowed",
	    irm_ev_unallowed(&st, &ev) == 0);
	ev = ev_new("shared");
	ev.share_scope = "external";
	ev.share_target = "me_gmail.com#ext#@contoso.onmicrosoft.com";
	test_cond("unallowed: a guest from gmail.com",
	    irm_ev_unallowed(&st, &ev) == 1);
	ev = ev_new("cloud_uploaded");
	ev.url_domain = "www.dropbox.com";
	test_cond(
	    "unallowed: upload url.domain", irm_ev_unallowed(&st, &ev) == 1);
	ev.activity = "file_downloaded";
	test_cond("unallowed: url.domain of other activities not looked at",
	    irm_ev_unallowed(&st, &ev) == 0);
	ev = ev_new("email_rule");
	ev.dest_domain = "gmail.com";
	test_cond(
	    "unallowed: destination.domain", irm_ev_unallowed(&st, &ev) == 1);
}

/* Every indicator is exercised by the tests above: none is left out. */
static void
test_indicators(void)
{
	struct irm_lint l = {NULL, 0, 0};
	const char *path;
	size_t i;
	int ok = 1;

	path = write_file("settings.json",
	    "{\"labels\": [{\"id\": \"L-HC\", \"name\": \"Highly "
	    "Confidential\"},\n"
	    "  {\"id\": \"L-C\", \"name\": \"Confidential\"},\n"
	    "  {\"id\": \"L-G\", \"name\": \"General\"}],\n"
	    " \"domains\": {\"internal\": [\"contoso.com\"],\n"
	    "  \"allowed\": [\"partner.com\"],\n"
	    "  \"unallowed\": [\"gmail.com\", \"outlook.com\", "
	    "\"*.dropbox.com\"],\n"
	    "  \"third_party\": [\"*.box.com\"]},\n"
	    " \"priority_content\": {\"extensions\": [\"dwg\"]},\n"
	    " \"working_hours\": {\"zone\": \"UTC\", \"days\": [\"mon\", "
	    "\"tue\",\n"
	    "  \"wed\", \"thu\", \"fri\"], \"start\": \"08:00\", \"end\": "
	    "\"18:00\"}}\n");
	test_cond("indicators: settings load",
	    irm_settings_load(&st, path, NULL, &l) == 0 && l.n == 0);
	irm_lint_free(&l);
	test_files_ind();
	test_email_ind();
	test_device_ind();
	test_other_ind();
	test_unallowed();
	irm_settings_free(&st);
	for (i = 0; i < irm_nindicators; i++) {
		if (!yes_seen[i] || !no_seen[i]) {
			printf("# %s: no %s case\n", irm_indicators[i].name,
			    yes_seen[i] ? "non-matching" : "matching");
			ok = 0;
		}
	}
	test_cond(
	    "indicators: each has a matching and a non-matching event", ok);
}

int
main(void)
{
	char cmd[600];

	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_catalogue();
	test_triggers();
	test_templates();
	test_lint();
	test_lint_files();
	test_overrides();
	test_dirs();
	test_covers();
	test_examples();
	test_indicators();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	test_report();
}
