/*
 * test_score_conf.c - unit tests for irm-score's configuration files
 * (irm_conf.c: comments, syntax errors and value lines; lint messages)
 * and its settings (score_settings.c: every key of the DESIGN example,
 * lint messages with their lines, defaults and each matching rule).
 */
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "irm.h"
#include "irm_score.h"
#include "testhelp.h"

static char tmpdir[] = "/tmp/irm-unit-XXXXXX";
static char datadir[PATH_MAX];

/* Write s to a file in the temp dir and return its path (static). */
static const char *
file_with(const char *name, const char *s)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	fp = fopen(path, "wb");
	fputs(s, fp);
	fclose(fp);
	return path;
}

/* The path of name in the temp dir (static: two buffers in turn). */
static const char *
tmp(const char *name)
{
	static char path[2][256];
	static int k;

	k = !k;
	snprintf(path[k], sizeof(path[k]), "%s/%s", tmpdir, name);
	return path[k];
}

static int64_t
ts(const char *s)
{
	struct irm_error e;
	int64_t ms = 0;
	int flags = IRM_TIME_UTC;

	if (irm_time_parse(s, strlen(s), &flags, &ms, &e) == -1)
		printf("# bad time %s: %s\n", s, e.msg);
	return ms;
}

/* Compare the lint list with want (NULL-ended), message by message. */
static void
lint_is(const char *descr, const struct irm_lint *l, const char *const *want)
{
	char d[200];
	size_t n = 0, i;

	while (want[n] != NULL)
		n++;
	snprintf(d, sizeof(d), "%s: %zu problems", descr, n);
	test_cond(d, l->n == n);
	for (i = 0; i < l->n || i < n; i++) {
		snprintf(d, sizeof(d), "%s: problem %zu", descr, i + 1);
		test_streq(
		    d, i < l->n ? l->msg[i] : NULL, i < n ? want[i] : NULL);
	}
}

/* ------------------------------------------------------------ irm_conf */

static void
test_conf_lines(void)
{
	struct irm_conf *c;
	struct irm_error e;
	const char *p;

	p = file_with("pos.json",
	    "// a comment with \"quotes\" and /* no block\n"
	    "{\"a\": {\"b\": [1, 2,\n"
	    "  {\"c\": \"http://x/*not a comment*/\"}],\n"
	    "  /* a block\n"
	    "     over lines */ \"d\":\n"
	    "     true},\n"
	    " \"x.y\": 1, \"k\\\"q\": [[0],\n"
	    " [1]], \"u\\u00e9\": null,\n"
	    " 'single': 'say \"hi\" // here'\n"
	    "}\n");
	c = irm_conf_load(p, &e);
	test_cond("conf: loads with comments", c != NULL);
	if (c == NULL) {
		printf("# %s\n", e.msg);
		return;
	}
	test_streq("conf: path", irm_conf_path(c), p);
	test_cond("conf: root line", irm_conf_line(c, "") == 2);
	test_cond("conf: member line", irm_conf_line(c, "a") == 2);
	test_cond("conf: nested member", irm_conf_line(c, "a.b") == 2);
	test_cond("conf: element", irm_conf_line(c, "a.b[1]") == 2);
	test_cond(
	    "conf: element on next line", irm_conf_line(c, "a.b[2]") == 3);
	test_cond("conf: member of element", irm_conf_line(c, "a.b[2].c") == 3);
	test_cond(
	    "conf: key line, not value line", irm_conf_line(c, "a.d") == 5);
	test_cond("conf: dotted key as written", irm_conf_line(c, "x.y") == 7);
	test_cond("conf: unescaped key", irm_conf_line(c, "k\"q") == 7);
	test_cond("conf: nested arrays", irm_conf_line(c, "k\"q[1][0]") == 8);
	test_cond("conf: \\u key", irm_conf_line(c, "u\xc3\xa9") == 8);
	test_cond("conf: single-quoted key", irm_conf_line(c, "single") == 9);
	test_streq("conf: single-quoted string keeps //",
	    json_object_get_string(
	        json_object_object_get(irm_conf_root(c), "single")),
	    "say \"hi\" // here");
	test_cond("conf: unknown path", irm_conf_line(c, "a.z") == 0);
	test_cond("conf: past the end", irm_conf_line(c, "a.b[3]") == 0);
	test_streq("conf: comment marks inside strings stay",
	    json_object_get_string(json_object_object_get(
	        json_object_array_get_idx(
	            json_object_object_get(
	                json_object_object_get(irm_conf_root(c), "a"), "b"),
	            2),
	        "c")),
	    "http://x/*not a comment*/");
	irm_conf_free(c);
	irm_conf_free(NULL);
}

/* Load text as a file and return the error message (static). */
static const char *
conf_error(const char *text)
{
	static struct irm_error e;
	struct irm_conf *c;

	c = irm_conf_load(file_with("err.json", text), &e);
	if (c != NULL) {
		irm_conf_free(c);
		return "(loaded)";
	}
	return e.msg;
}

static void
test_conf_errors(void)
{
	char want[512];
	struct irm_conf *c;
	struct irm_error e;

	snprintf(want, sizeof(want), "%s:4: array value separator ',' expected",
	    tmp("err.json"));
	test_streq("conf: syntax error line",
	    conf_error(
	        "{\n  \"a\": 1, // c\n  /* \"b\": */\n  \"c\": [1 2]\n}\n"),
	    want);
	snprintf(
	    want, sizeof(want), "%s:3: unterminated comment", tmp("err.json"));
	test_streq("conf: unterminated comment",
	    conf_error("{\n\"a\": 1\n/* open\n}\n"), want);
	snprintf(want, sizeof(want), "%s:3: unexpected text after the value",
	    tmp("err.json"));
	test_streq(
	    "conf: trailing text", conf_error("{\"a\": 1}\n\nx\n"), want);
	snprintf(want, sizeof(want), "%s:2: unexpected end of file",
	    tmp("err.json"));
	test_streq("conf: end of file", conf_error("{\n \"a\": [1,\n\n"), want);
	snprintf(want, sizeof(want), "%s:1: unexpected end of file",
	    tmp("err.json"));
	test_streq("conf: empty file", conf_error(""), want);
	snprintf(want, sizeof(want),
	    "%s:2: quoted object property name expected", tmp("err.json"));
	test_streq("conf: bare key", conf_error("{\n a: 1}"), want);
	test_streq("conf: comment after the value",
	    conf_error("{\"a\": 1} // done\n/* end */\n"), "(loaded)");
	test_streq("conf: byte order mark",
	    conf_error("\xef\xbb\xbf{\"a\": 1}"), "(loaded)");
	test_streq("conf: bare number", conf_error("12"), "(loaded)");
	snprintf(want, sizeof(want), "%s: No such file or directory",
	    tmp("none.json"));
	c = irm_conf_load(tmp("none.json"), &e);
	test_cond("conf: missing file fails", c == NULL);
	test_streq("conf: missing file message", e.msg, want);
}

static void
test_conf_relpath_lint(void)
{
	struct irm_lint l = {NULL, 0, 0};
	struct irm_conf *c;
	struct irm_error e;
	char want[512], *r;

	c = irm_conf_load(file_with("rel.json", "{\n\"a\":\n 1}"), &e);
	r = irm_conf_relpath(c, "list.txt");
	test_streq("relpath: beside the file", r, tmp("list.txt"));
	free(r);
	r = irm_conf_relpath(c, "/etc/list.txt");
	test_streq("relpath: absolute stays", r, "/etc/list.txt");
	free(r);
	irm_lint_add(&l, c, "a", "bad %s", "thing");
	irm_lint_add(&l, c, "zz", "no line %d", 7);
	irm_lint_add(&l, c, NULL, "whole file");
	irm_lint_add(&l, NULL, NULL, "as is");
	test_cond("lint: four", l.n == 4);
	snprintf(want, sizeof(want), "%s:2: bad thing", tmp("rel.json"));
	test_streq("lint: FILE:LINE: problem", l.msg[0], want);
	snprintf(want, sizeof(want), "%s: no line 7", tmp("rel.json"));
	test_streq("lint: unknown path has no line", l.msg[1], want);
	snprintf(want, sizeof(want), "%s: whole file", tmp("rel.json"));
	test_streq("lint: NULL path", l.msg[2], want);
	test_streq("lint: no file", l.msg[3], "as is");
	irm_lint_free(&l);
	test_cond("lint: freed", l.n == 0 && l.msg == NULL);
	irm_lint_free(NULL);
	irm_conf_free(c);

	if (chdir(tmpdir) == -1)
		return;
	c = irm_conf_load("rel.json", &e);
	r = irm_conf_relpath(c, "list.txt");
	test_streq("relpath: file in the working directory", r, "list.txt");
	free(r);
	irm_conf_free(c);
	if (chdir("/") == -1)
		printf("# chdir /: failed\n");
}

/* ------------------------------------------------------------ settings */

static void
test_defaults(void)
{
	struct irm_lint l = {NULL, 0, 0};
	struct irm_settings s;

	test_cond(
	    "defaults: load NULL", irm_settings_load(&s, NULL, NULL, &l) == 0);
	test_cond("defaults: no lint", l.n == 0);
	test_streq("defaults: zone", s.wh_zone, "UTC");
	test_cond("defaults: Monday to Friday", s.wh_days == 0x3e);
	test_cond(
	    "defaults: 08:00-18:00", s.wh_start == 480 && s.wh_end == 1080);
	test_cond("defaults: unusual",
	    s.unusual_min_daily == 5 && s.unusual_factor == 3.0);
	test_cond("defaults: lower_number", s.demotion_lower_number == 1);
	test_cond("defaults: empty lists",
	    s.nlabels == 0 && s.ndom[IRM_DOM_INTERNAL] == 0 && s.ngroups == 0 &&
	        s.npeople == 0 && s.nex_paths == 0);
	test_cond("poor: \"2\"", irm_hr_poor_rating(&s, "2"));
	test_cond("poor: \" 1 - Needs work\"",
	    irm_hr_poor_rating(&s, " 1 - Needs work"));
	test_cond("poor: \"1.\"", irm_hr_poor_rating(&s, "1."));
	test_cond("poor: not \"12\"", !irm_hr_poor_rating(&s, "12"));
	test_cond("poor: not \"1a\"", !irm_hr_poor_rating(&s, "1a"));
	test_cond(
	    "poor: not \"3 - Meets\"", !irm_hr_poor_rating(&s, "3 - Meets"));
	test_cond("poor: \"Below expectations\"",
	    irm_hr_poor_rating(&s, "Below expectations"));
	test_cond("poor: \"UNSATISFACTORY\"",
	    irm_hr_poor_rating(&s, "UNSATISFACTORY"));
	test_cond(
	    "poor: \"poor\" inside", irm_hr_poor_rating(&s, "rated poorly"));
	test_cond("poor: not \"Exceeds (5)\"",
	    !irm_hr_poor_rating(&s, "Exceeds (5)"));
	test_cond("poor: NULL", !irm_hr_poor_rating(&s, NULL));
	test_cond("after hours: Monday 07:59Z",
	    irm_after_hours(&s, ts("2026-03-02T07:59:59Z")));
	test_cond("working: Monday 08:00Z",
	    !irm_after_hours(&s, ts("2026-03-02T08:00:00Z")));
	test_cond("working: Friday 17:59Z",
	    !irm_after_hours(&s, ts("2026-03-06T17:59:59Z")));
	test_cond("after hours: Friday 18:00Z",
	    irm_after_hours(&s, ts("2026-03-06T18:00:00Z")));
	test_cond("after hours: Sunday noon",
	    irm_after_hours(&s, ts("2026-03-01T12:00:00Z")));
	test_cond("working: 1969-12-31 (Wednesday) noon",
	    !irm_after_hours(&s, ts("1969-12-31T12:00:00Z")));
	irm_settings_free(&s);
	irm_settings_free(NULL);
}

static void
test_matchers(void)
{
	test_cond(
	    "domain: *.x.com a.x.com", irm_domain_match("*.x.com", "a.x.com"));
	test_cond("domain: *.x.com a.b.x.com",
	    irm_domain_match("*.x.com", "a.b.x.com"));
	test_cond(
	    "domain: *.x.com not x.com", !irm_domain_match("*.x.com", "x.com"));
	test_cond("domain: *.x.com not ax.com",
	    !irm_domain_match("*.x.com", "ax.com"));
	test_cond("domain: case", irm_domain_match("*.X.com", "A.x.COM"));
	test_cond("domain: bare", irm_domain_match("x.com", "X.com"));
	test_cond(
	    "domain: bare not sub", !irm_domain_match("x.com", "a.x.com"));
	test_cond("domain: NULL", !irm_domain_match("x.com", NULL));

	test_cond(
	    "path: prefix file", irm_path_match("C:\\temp", "C:\\temp\\a.txt"));
	test_cond(
	    "path: prefix itself", irm_path_match("C:\\temp", "C:\\temp"));
	test_cond("path: not a longer name",
	    !irm_path_match("C:\\temp", "C:\\temporary"));
	test_cond("path: case and separators",
	    irm_path_match("C:\\temp\\", "c:/TEMP//x"));
	test_cond("path: anchored at the start",
	    !irm_path_match("temp", "C:\\temp\\x"));
	test_cond("path: * one level (contains)",
	    irm_path_match("\\Users\\*\\AppData",
	        "C:\\Users\\alice\\AppData\\Local\\t.tmp"));
	test_cond("path: * not two levels",
	    !irm_path_match("\\Users\\*\\AppData", "C:\\Users\\a\\b\\AppData"));
	test_cond("path: * not zero levels",
	    !irm_path_match("C:\\Users\\*\\Desktop", "C:\\Users\\Desktop"));
	test_cond("path: *(2) two levels",
	    irm_path_match("C:\\Users\\*(2)\\Desktop",
	        "C:\\Users\\user2\\Shared\\Desktop"));
	test_cond("path: *(2) one level",
	    irm_path_match(
	        "C:\\Users\\*(2)\\Desktop", "C:\\Users\\u\\Desktop\\f"));
	test_cond("path: *(2) not three",
	    !irm_path_match(
	        "C:\\Users\\*(2)\\Desktop", "C:\\Users\\a\\b\\c\\Desktop"));
	test_cond("path: *(2) not zero",
	    !irm_path_match("C:\\Users\\*(2)\\Desktop", "C:\\Users\\Desktop"));
	test_cond("path: contains",
	    irm_path_match("\\public\\local\\", "D:\\x\\public\\local\\f.txt"));
	test_cond("path: contains, Unix",
	    irm_path_match("/home/*/tmp", "/srv/home/alice/tmp/x"));
	test_cond("path: contains needs whole components",
	    !irm_path_match("\\public\\local", "D:\\x\\public\\locals\\f"));
	test_cond("path: empty pattern", !irm_path_match("\\\\", "C:\\x"));
	test_cond("path: NULL path", !irm_path_match("C:\\x", NULL));
}

static void
test_lint_messages(void)
{
	struct irm_lint l = {NULL, 0, 0};
	struct irm_settings s;
	static char w[32][512];
	const char *want[33], *p;
	char rx[160];
	regex_t re;
	int i = 0, rc;

	file_with("nouser.csv", "name,department\nx,y\n");
	p = file_with("bad.json",
	    "{\n"
	    "  // a comment with \"quotes\" and /* stuff\n"
	    "  \"labels\": [{\"id\": \"a\", \"colour\": \"red\"}, {\"x\": "
	    "1}],\n"
	    "  /* block\n"
	    "     comment */ \"domains\": {\"internal\": \"contoso.com\",\n"
	    "    \"unallowed\": [\"gmail.com\", 7, \"*x.com\", \"\"]},\n"
	    "  \"working_hours\": {\"zone\": \"Europe/Berln\",\n"
	    "    \"days\": [\"mon\", \"tues\"], \"start\": \"07:60\", \"end\": "
	    "7},\n"
	    "  \"hr\": {\"poor_rating\": \"([\", \"demotion\": "
	    "\"fewer_stars\"},\n"
	    "  \"unusual\": {\"min_daily\": -1, \"factor\": 0},\n"
	    "  \"exclusions\": {\"paths\": [\"C:\\\\a*b\", \"\\\\\"], "
	    "\"sites\": "
	    "[\"https://\"],\n"
	    "    \"more\": []},\n"
	    "  \"priority_users\": {\"finance\": \"missing.txt\", \"x\": 5},\n"
	    "  \"directory\": \"nouser.csv\",\n"
	    "  \"bogus\": true\n"
	    "}\n");
	rc = regcomp(&re, "([", REG_EXTENDED | REG_ICASE | REG_NOSUB);
	regerror(rc, &re, rx, sizeof(rx));
	regfree(&re);
#define W(...)                                                                 \
	do {                                                                   \
		snprintf(w[i], sizeof(w[i]), __VA_ARGS__);                     \
		want[i] = w[i];                                                \
		i++;                                                           \
	} while (0)
	W("%s:3: unknown key: labels[0].colour", p);
	W("%s:3: unknown key: labels[1].x", p);
	W("%s:3: labels[1]: needs an id or a name", p);
	W("%s:5: domains.internal: expected an array of strings", p);
	W("%s:6: domains.unallowed[1]: expected a string", p);
	W("%s:6: domains.unallowed[2]: bad domain pattern: \"*x.com\"", p);
	W("%s:6: domains.unallowed[3]: empty string", p);
	W("%s:7: working_hours.zone: unknown time zone: \"Europe/Berln\"", p);
	W("%s:8: working_hours.days[1]: unknown day: \"tues\"", p);
	W("%s:8: working_hours.start: bad time (HH:MM): \"07:60\"", p);
	W("%s:8: working_hours.end: expected a string", p);
	W("%s:9: hr.poor_rating: bad regular expression: %s", p, rx);
	W("%s:9: hr.demotion: unknown rule: \"fewer_stars\" "
	  "(only lower_number)",
	    p);
	W("%s:10: unusual.min_daily: must be 0 or more", p);
	W("%s:10: unusual.factor: must be greater than 0", p);
	W("%s:12: unknown key: exclusions.more", p);
	W("%s:11: exclusions.paths[0]: bad wildcard (use * or *(n), n 1 to "
	  "32): \"C:\\a*b\"",
	    p);
	W("%s:11: exclusions.paths[1]: empty path pattern: \"\\\"", p);
	W("%s:11: exclusions.sites[0]: bad site URL: \"https://\"", p);
	W("%s:13: priority_users.finance: %s: No such file or directory", p,
	    tmp("missing.txt"));
	W("%s:13: priority_users.x: expected an array of users or a file "
	  "name",
	    p);
	W("%s:14: directory: %s: no user column (user, UserPrincipalName or "
	  "EmailAddress)",
	    p, tmp("nouser.csv"));
	W("%s:15: unknown key: bogus", p);
#undef W
	want[i] = NULL;
	rc = irm_settings_load(&s, p, NULL, &l);
	test_cond("lint: load says -1", rc == -1);
	lint_is("lint", &l, want);
	test_streq("lint: bad zone leaves UTC", s.wh_zone, "UTC");
	test_cond("lint: good day kept", s.wh_days == 1 << 1);
	test_cond("lint: bad start leaves 08:00", s.wh_start == 480);
	test_cond("lint: bad values leave defaults",
	    s.unusual_min_daily == 5 && s.unusual_factor == 3.0);
	test_cond(
	    "lint: default regex stays", irm_hr_poor_rating(&s, "below par"));
	test_cond("lint: good list entries kept",
	    s.ndom[IRM_DOM_UNALLOWED] == 1 &&
	        strcmp(s.dom[IRM_DOM_UNALLOWED][0], "gmail.com") == 0);
	test_cond("lint: label with id kept",
	    s.nlabels == 1 && strcmp(s.labels[0].id, "a") == 0);
	irm_settings_free(&s);
	irm_lint_free(&l);
}

/* Load text as settings; return the lint count; s stays loaded. */
static size_t
load_text(struct irm_settings *s, const char *name, const char *text,
    struct irm_lint *l)
{
	irm_lint_free(l);
	irm_settings_load(s, file_with(name, text), NULL, l);
	return l->n;
}

static void
test_lint_more(void)
{
	struct irm_lint l = {NULL, 0, 0};
	struct irm_settings s;
	char want[512];
	const char *one[2] = {want, NULL};

	snprintf(want, sizeof(want), "%s:2: expected an object", tmp("a.json"));
	load_text(&s, "a.json", "\n[1]\n", &l);
	lint_is("lint: root", &l, one);
	irm_settings_free(&s);

	snprintf(want, sizeof(want), "%s: No such file or directory",
	    tmp("nothere.json"));
	irm_lint_free(&l);
	test_cond("lint: missing settings file",
	    irm_settings_load(&s, tmp("nothere.json"), NULL, &l) == -1);
	lint_is("lint: missing settings file", &l, one);
	irm_settings_free(&s);

	snprintf(
	    want, sizeof(want), "%s:3: unknown key: hr.foo", tmp("a.json"));
	load_text(&s, "a.json",
	    "{\"hr\": {\n\"demotion\": \"lower_number\",\n"
	    "\"foo\": 1}}",
	    &l);
	lint_is("lint: nested unknown key", &l, one);
	irm_settings_free(&s);

	snprintf(
	    want, sizeof(want), "%s:2: unterminated comment", tmp("a.json"));
	load_text(&s, "a.json", "{}\n/* x\n", &l);
	lint_is("lint: syntax errors are lint", &l, one);
	irm_settings_free(&s);

	test_cond("lint: null means absent",
	    load_text(&s, "a.json",
	        "{\"directory\": null, \"hr\": {\"poor_rating\": null},\n"
	        " \"labels\": null}",
	        &l) == 0);
	test_cond("lint: null keeps defaults", s.wh_start == 480);
	irm_settings_free(&s);

	snprintf(want, sizeof(want),
	    "%s:2: unusual.min_daily: expected a whole number", tmp("a.json"));
	load_text(&s, "a.json",
	    "{\"unusual\":\n{\"min_daily\": 1.5, "
	    "\"factor\": 1.5}}",
	    &l);
	lint_is("lint: min_daily whole", &l, one);
	test_cond("lint: factor 1.5 taken", s.unusual_factor == 1.5);
	irm_settings_free(&s);

	snprintf(want, sizeof(want),
	    "%s:1: hr.poor_rating: empty regular "
	    "expression",
	    tmp("a.json"));
	load_text(&s, "a.json", "{\"hr\": {\"poor_rating\": \"\"}}", &l);
	lint_is("lint: empty regex", &l, one);
	irm_settings_free(&s);

	snprintf(want, sizeof(want), "%s:1: labels: expected an array",
	    tmp("a.json"));
	load_text(&s, "a.json", "{\"labels\": {}}", &l);
	lint_is("lint: labels type", &l, one);
	irm_settings_free(&s);

	snprintf(want, sizeof(want), "%s:2: labels[1].name: expected a string",
	    tmp("a.json"));
	load_text(&s, "a.json",
	    "{\"labels\": [{\"name\": \"A\"},\n"
	    "{\"id\": \"b\", \"name\": 3}]}",
	    &l);
	lint_is("lint: label name type", &l, one);
	test_cond("lint: label with bad name kept by id",
	    s.nlabels == 2 && s.labels[1].name == NULL &&
	        s.labels[1].priority == 1);
	irm_settings_free(&s);

	snprintf(want, sizeof(want),
	    "%s:1: directory: %s: No such file or "
	    "directory",
	    tmp("a.json"), tmp("gone.csv"));
	load_text(&s, "a.json", "{\"directory\": \"gone.csv\"}", &l);
	lint_is("lint: directory missing", &l, one);
	irm_settings_free(&s);

	file_with("badrow.csv", "user,title\na@x.com,ok\nb@x.com,\xff\n");
	snprintf(want, sizeof(want),
	    "%s:1: directory: %s:3: invalid UTF-8 "
	    "at byte 9",
	    tmp("a.json"), tmp("badrow.csv"));
	load_text(&s, "a.json", "{\"directory\": \"badrow.csv\"}", &l);
	lint_is("lint: directory bad row", &l, one);
	test_cond("lint: good rows kept", s.npeople == 1);
	irm_settings_free(&s);

	file_with("empty.csv", "");
	snprintf(want, sizeof(want), "%s:1: directory: %s: no header row",
	    tmp("a.json"), tmp("empty.csv"));
	load_text(&s, "a.json", "{\"directory\": \"empty.csv\"}", &l);
	lint_is("lint: directory empty", &l, one);
	irm_settings_free(&s);

	snprintf(want, sizeof(want), "%s:2: priority_users.g: empty file name",
	    tmp("a.json"));
	load_text(&s, "a.json", "{\"priority_users\":\n{\"g\": \"\"}}", &l);
	lint_is("lint: empty group file name", &l, one);
	irm_settings_free(&s);

	snprintf(want, sizeof(want), "%s:3: exclusions.users[1]: empty string",
	    tmp("a.json"));
	load_text(&s, "a.json",
	    "{\"exclusions\": {\"users\":\n[\"A@x.com \",\n \" \"]}}", &l);
	lint_is("lint: blank user", &l, one);
	test_streq("lint: user trimmed and lower-cased",
	    s.nex_users == 1 ? s.ex_users[0] : NULL, "a@x.com");
	irm_settings_free(&s);

	snprintf(want, sizeof(want), "%s:2: unusual.factor: too large",
	    tmp("a.json"));
	load_text(&s, "a.json", "{\"unusual\": {\n\"factor\": 1e12}}", &l);
	lint_is("lint: factor too large", &l, one);
	irm_settings_free(&s);
	irm_lint_free(&l);
}

/* An event with just the fields a rule looks at. */
static struct irm_ev
ev_blank(void)
{
	struct irm_ev ev;

	memset(&ev, 0, sizeof(ev));
	ev.user = "alice@contoso.com";
	return ev;
}

static void
test_full(void)
{
	struct irm_lint l = {NULL, 0, 0};
	const struct irm_person *pp;
	struct irm_settings s;
	struct irm_ev ev;
	const char *lab[2];
	char path[PATH_MAX + 32];
	size_t i;

	snprintf(path, sizeof(path), "%s/settings-full.json", datadir);
	test_cond("full: loads", irm_settings_load(&s, path, NULL, &l) == 0);
	for (i = 0; i < l.n; i++)
		printf("# %s\n", l.msg[i]);
	test_cond("full: no lint", l.n == 0);

	/* labels */
	test_cond("full: two labels", s.nlabels == 2);
	test_cond("label: first by name",
	    irm_label_priority(&s, "Highly Confidential") == 0);
	test_cond("label: by id, any case",
	    irm_label_priority(&s, "D9F23AE3-A239-45EA-BF23-F515F824C57B") ==
	        0);
	test_cond("label: second", irm_label_priority(&s, "confidential") == 1);
	test_cond("label: second by id",
	    irm_label_priority(&s, "0e4f5c6a-1111-2222-3333-444455556666") ==
	        1);
	test_cond("label: unknown", irm_label_priority(&s, "Public") == -1);
	test_cond("label: NULL", irm_label_priority(&s, NULL) == -1);

	/* domains */
	test_cond("class: internal",
	    irm_domain_class(&s, "contoso.com") == IRM_DOM_INTERNAL);
	test_cond("class: internal not a subdomain",
	    irm_domain_class(&s, "mail.contoso.com") == IRM_DOM_NONE);
	test_cond("class: allowed",
	    irm_domain_class(&s, "partner.com") == IRM_DOM_ALLOWED);
	test_cond("class: unallowed",
	    irm_domain_class(&s, "gmail.com") == IRM_DOM_UNALLOWED);
	test_cond("class: unallowed wildcard",
	    irm_domain_class(&s, "dl.Dropbox.com") == IRM_DOM_UNALLOWED);
	test_cond("class: wildcard not the bare domain",
	    irm_domain_class(&s, "dropbox.com") == IRM_DOM_NONE);
	test_cond("class: third party",
	    irm_domain_class(&s, "a.b.box.com") == IRM_DOM_THIRD_PARTY);
	test_cond("class: external",
	    irm_domain_class(&s, "yahoo.com") == IRM_DOM_NONE);
	test_cond("class: NULL", irm_domain_class(&s, NULL) == IRM_DOM_NONE);

	/* priority users */
	test_cond("groups: two", s.ngroups == 2);
	test_streq("groups: first name", s.groups[0].name, "executives");
	test_cond("groups: file has three users",
	    s.ngroups == 2 && s.groups[1].n == 3);
	test_cond("priority user: inline, lower-cased",
	    irm_priority_user(&s, "ceo@contoso.com"));
	test_cond("priority user: from file",
	    irm_priority_user(&s, "cfo@contoso.com"));
	test_cond("priority user: trailing comment cut",
	    irm_priority_user(&s, "controller@contoso.com"));
	test_cond("priority user: after a blank line",
	    irm_priority_user(&s, "treasurer@contoso.com"));
	test_cond("priority user: not others",
	    !irm_priority_user(&s, "bob@contoso.com"));
	test_cond("priority user: not the comment",
	    !irm_priority_user(&s, "# finance vips, one user per line."));
	test_cond("priority user: NULL", !irm_priority_user(&s, NULL));

	/* priority content */
	ev = ev_blank();
	test_cond("content: plain event", !irm_priority_content(&s, &ev));
	ev.label = "d9f23ae3-a239-45ea-bf23-f515f824c57b";
	test_cond(
	    "content: label id for a name", irm_priority_content(&s, &ev));
	ev.label = "HIGHLY confidential";
	test_cond("content: label name", irm_priority_content(&s, &ev));
	ev.label = "0e4f5c6a-1111-2222-3333-444455556666";
	test_cond("content: other label", !irm_priority_content(&s, &ev));
	lab[0] = "x";
	lab[1] = "d9f23ae3-a239-45ea-bf23-f515f824c57b";
	ev.labels.v = lab;
	ev.labels.n = 2;
	test_cond("content: any of labels", irm_priority_content(&s, &ev));
	ev = ev_blank();
	ev.url_full = "https://contoso.sharepoint.com/sites/mergers/x.docx";
	test_cond("content: under site", irm_priority_content(&s, &ev));
	ev.url_full = "https://contoso.sharepoint.com/sites/mergers";
	test_cond("content: the site", irm_priority_content(&s, &ev));
	ev.url_full = "HTTPS://Contoso.SharePoint.com/Sites/Mergers/";
	test_cond("content: site any case", irm_priority_content(&s, &ev));
	ev.url_full = "contoso.sharepoint.com/sites/mergers/a";
	test_cond(
	    "content: site without scheme", irm_priority_content(&s, &ev));
	ev.url_full = "https://contoso.sharepoint.com/sites/mergersold/a";
	test_cond("content: not a longer site", !irm_priority_content(&s, &ev));
	ev = ev_blank();
	ev.file_ext = "DWG";
	test_cond("content: extension", irm_priority_content(&s, &ev));
	ev.file_ext = "pst";
	test_cond("content: extension given with a dot",
	    irm_priority_content(&s, &ev));
	ev.file_ext = "dwgx";
	test_cond(
	    "content: not another extension", !irm_priority_content(&s, &ev));
	ev.file_ext = NULL;
	ev.file_name = "plan.Dwg";
	test_cond(
	    "content: extension from the name", irm_priority_content(&s, &ev));
	ev = ev_blank();
	ev.file_name = "Project-X plan.docx";
	test_cond("content: keyword in name", irm_priority_content(&s, &ev));
	ev = ev_blank();
	ev.file_path = "C:\\work\\PROJECT-x\\a.txt";
	test_cond("content: keyword in path", irm_priority_content(&s, &ev));
	ev = ev_blank();
	ev.email_subject = "Re: project-X numbers";
	test_cond("content: keyword in subject", irm_priority_content(&s, &ev));
	ev.email_subject = "Re: project x numbers";
	test_cond(
	    "content: keyword is a substring", !irm_priority_content(&s, &ev));

	/* exclusions */
	ev = ev_blank();
	test_cond("excluded: plain event", !irm_excluded(&s, &ev));
	ev.user = "svc-backup@contoso.com";
	test_cond("excluded: user", irm_excluded(&s, &ev));
	ev = ev_blank();
	ev.file_path = "C:\\Users\\alice\\AppData\\Local\\x.tmp";
	test_cond("excluded: path", irm_excluded(&s, &ev));
	ev.file_path = "C:\\Users\\alice\\Documents\\AppData.txt";
	test_cond("excluded: not another path", !irm_excluded(&s, &ev));
	ev = ev_blank();
	ev.file_dir = "/Users/bob/AppData/Roaming";
	test_cond("excluded: directory", irm_excluded(&s, &ev));
	ev = ev_blank();
	ev.email_subject = "Mandatory Training";
	test_cond("excluded: keyword in subject", irm_excluded(&s, &ev));
	ev = ev_blank();
	ev.file_name = "song.MP3";
	test_cond("excluded: file type from name", irm_excluded(&s, &ev));
	ev.file_ext = "png";
	test_cond("excluded: file type", irm_excluded(&s, &ev));

	/* working hours: Berlin is UTC+1 in March, UTC+2 in July */
	test_streq("hours: zone", s.wh_zone, "Europe/Berlin");
	test_cond("hours: 06:59:59 Monday after hours",
	    irm_after_hours(&s, ts("2026-03-02T05:59:59Z")));
	test_cond("hours: 07:00 Monday working",
	    !irm_after_hours(&s, ts("2026-03-02T06:00:00Z")));
	test_cond("hours: 18:59:59 working",
	    !irm_after_hours(&s, ts("2026-03-02T17:59:59Z")));
	test_cond("hours: 19:00 after hours",
	    irm_after_hours(&s, ts("2026-03-02T18:00:00Z")));
	test_cond("hours: 07:00 CEST working",
	    !irm_after_hours(&s, ts("2026-07-06T05:00:00Z")));
	test_cond("hours: 06:59 CEST after hours",
	    irm_after_hours(&s, ts("2026-07-06T04:59:59Z")));
	test_cond(
	    "hours: Saturday", irm_after_hours(&s, ts("2026-03-07T10:00:00Z")));
	test_cond("hours: Sunday 23:30Z is Monday 00:30 local",
	    irm_after_hours(&s, ts("2026-03-01T23:30:00Z")));
	test_cond("hours: Friday 23:30Z is Saturday local",
	    irm_after_hours(&s, ts("2026-03-06T23:30:00Z")));
	test_cond("hours: TZ left alone",
	    getenv("TZ") != NULL && strcmp(getenv("TZ"), "UTC") == 0);

	/* hr */
	test_cond("hr: example regex, \"2 - Below\"",
	    irm_hr_poor_rating(&s, "2 - Below"));
	test_cond("hr: example regex, \" 1\"", irm_hr_poor_rating(&s, " 1"));
	test_cond(
	    "hr: example regex, not \"12\"", !irm_hr_poor_rating(&s, "12"));
	test_cond("hr: example regex, not \"4 - Strong\"",
	    !irm_hr_poor_rating(&s, "4 - Strong"));
	test_cond("demotion: Level 61 to 60",
	    irm_hr_demotion(&s, "Level 61 - Sr. Manager", "Level 60- Manager"));
	test_cond("demotion: not 60 to 61",
	    !irm_hr_demotion(
	        &s, "Level 60- Manager", "Level 61 - Sr. Manager"));
	test_cond("demotion: not equal", !irm_hr_demotion(&s, "L5", "M5"));
	test_cond("demotion: no digits", !irm_hr_demotion(&s, "Manager", "L1"));
	test_cond(
	    "demotion: no digits new", !irm_hr_demotion(&s, "L1", "Staff"));
	test_cond(
	    "demotion: leading zeros", !irm_hr_demotion(&s, "L007", "L10"));
	test_cond("demotion: 10 to 007", irm_hr_demotion(&s, "L10", "L007"));
	test_cond("demotion: long numbers",
	    irm_hr_demotion(
	        &s, "100000000000000000000", "99999999999999999999"));
	test_cond("demotion: NULL", !irm_hr_demotion(&s, NULL, "L1"));

	/* unusual */
	test_cond("unusual: 10 and 3",
	    s.unusual_min_daily == 10 && s.unusual_factor == 3.0);

	/* directory */
	test_cond("directory: four users, repeat dropped", s.npeople == 3);
	pp = irm_directory_find(&s, "alice@contoso.com");
	test_cond("directory: alice", pp != NULL);
	if (pp != NULL) {
		test_streq(
		    "directory: first row wins", pp->department, "Finance");
		test_streq("directory: manager lower-cased", pp->manager,
		    "cfo@contoso.com");
		test_streq("directory: title", pp->title, "Analyst");
	}
	pp = irm_directory_find(&s, "carol@contoso.com");
	test_cond("directory: empty fields are NULL",
	    pp != NULL && pp->department == NULL && pp->manager == NULL);
	test_cond("directory: sorted",
	    s.npeople == 3 &&
	        strcmp(s.people[0].user, "alice@contoso.com") == 0 &&
	        strcmp(s.people[2].user, "carol@contoso.com") == 0);
	test_cond("directory: unknown",
	    irm_directory_find(&s, "dave@contoso.com") == NULL);
	irm_settings_free(&s);
	irm_lint_free(&l);
}

static void
test_rules(void)
{
	struct irm_lint l = {NULL, 0, 0};
	struct irm_settings s;
	struct irm_ev ev;

	test_cond("order: loads",
	    load_text(&s, "o.json",
	        "{\"domains\": {\"internal\": [\"contoso.com\", \"x.com\"],\n"
	        " \"allowed\": [\"contoso.com\"], \"unallowed\": [\"x.com\", "
	        "\"*.box.com\", \"ext.com\"],\n"
	        " \"third_party\": [\"*.box.com\"]},\n"
	        " \"exclusions\": {\"sites\": "
	        "[\"https://c.sharepoint.com/sites/"
	        "hr/\"]},\n"
	        " \"working_hours\": {\"days\": [\"Monday\"], \"start\": "
	        "\"22:00\", \"end\": \"6:00\"}}\n",
	        &l) == 0);
	test_cond("order: allowed beats internal",
	    irm_domain_class(&s, "contoso.com") == IRM_DOM_ALLOWED);
	test_cond("order: internal beats unallowed",
	    irm_domain_class(&s, "x.com") == IRM_DOM_INTERNAL);
	test_cond("order: unallowed beats third_party",
	    irm_domain_class(&s, "a.box.com") == IRM_DOM_UNALLOWED);
	ev = ev_blank();
	ev.url_full = "https://c.sharepoint.com/sites/hr";
	test_cond("site: trailing slash ignored", irm_excluded(&s, &ev));
	ev.url_full = "https://c.sharepoint.com/sites/hr?x=1";
	test_cond("site: query", irm_excluded(&s, &ev));
	ev.url_full = "https://c.sharepoint.com/sites/hrx";
	test_cond("site: not a longer name", !irm_excluded(&s, &ev));
	test_cond("overnight: Monday 23:00",
	    !irm_after_hours(&s, ts("2026-03-02T23:00:00Z")));
	test_cond("overnight: Tuesday 05:59",
	    !irm_after_hours(&s, ts("2026-03-03T05:59:00Z")));
	test_cond("overnight: Tuesday 06:00",
	    irm_after_hours(&s, ts("2026-03-03T06:00:00Z")));
	test_cond("overnight: Monday 21:59",
	    irm_after_hours(&s, ts("2026-03-02T21:59:00Z")));
	test_cond("overnight: Monday 03:00 (Sunday's shift)",
	    irm_after_hours(&s, ts("2026-03-02T03:00:00Z")));
	test_cond("overnight: Tuesday 23:00",
	    irm_after_hours(&s, ts("2026-03-03T23:00:00Z")));
	irm_settings_free(&s);

	test_cond("24h: loads",
	    load_text(&s, "o.json",
	        "{\"working_hours\": {\"zone\": \"UTC\", \"days\": [\"sat\", "
	        "\"SUN\"], \"start\": \"00:00\", \"end\": \"24:00\"}}",
	        &l) == 0);
	test_cond("24h: Saturday 00:00",
	    !irm_after_hours(&s, ts("2026-03-07T00:00:00Z")));
	test_cond("24h: Sunday 23:59",
	    !irm_after_hours(&s, ts("2026-03-08T23:59:59Z")));
	test_cond("24h: Monday 00:00",
	    irm_after_hours(&s, ts("2026-03-09T00:00:00Z")));
	irm_settings_free(&s);

	test_cond("no days: loads",
	    load_text(
	        &s, "o.json", "{\"working_hours\": {\"days\": []}}", &l) == 0);
	test_cond("no days: always after hours",
	    irm_after_hours(&s, ts("2026-03-02T12:00:00Z")));
	irm_settings_free(&s);

	test_cond("pacific: loads",
	    load_text(&s, "o.json",
	        "{\"working_hours\": {\"zone\": \"America/Los_Angeles\"}}",
	        &l) == 0);
	test_cond("pacific: 08:00 PST Monday is 16:00Z",
	    !irm_after_hours(&s, ts("2026-03-02T16:00:00Z")));
	test_cond("pacific: 07:59 PST",
	    irm_after_hours(&s, ts("2026-03-02T15:59:00Z")));
	test_cond("pacific: DST day, 08:00 PDT is 15:00Z",
	    !irm_after_hours(&s, ts("2026-03-09T15:00:00Z")));
	test_cond("pacific: Monday 01:00Z is Sunday local",
	    irm_after_hours(&s, ts("2026-03-02T01:00:00Z")));
	irm_settings_free(&s);
	irm_lint_free(&l);
}

static void
test_pseudo(void)
{
	struct irm_lint l = {NULL, 0, 0};
	const struct irm_person *pp;
	struct irm_pseudo *ps;
	struct irm_settings s;
	struct irm_error e;
	struct irm_ev ev;
	const char *kf;
	char path[PATH_MAX + 32], ceo[IRM_PSEUDO_LEN], alice[IRM_PSEUDO_LEN],
	    cfo[IRM_PSEUDO_LEN], svc[IRM_PSEUDO_LEN];

	kf = file_with("key", "0123456789abcdef0123\n");
	chmod(kf, 0600);
	ps = irm_pseudo_load(kf, &e);
	test_cond("pseudo: key", ps != NULL);
	if (ps == NULL)
		return;
	irm_pseudonym(ps, "ceo@contoso.com", 15, ceo);
	irm_pseudonym(ps, "alice@contoso.com", 17, alice);
	irm_pseudonym(ps, "cfo@contoso.com", 15, cfo);
	irm_pseudonym(ps, "svc-backup@contoso.com", 22, svc);
	snprintf(path, sizeof(path), "%s/settings-full.json", datadir);
	test_cond("pseudo: loads", irm_settings_load(&s, path, ps, &l) == 0);
	test_cond("pseudo: priority user", irm_priority_user(&s, ceo));
	test_cond(
	    "pseudo: priority user from file", irm_priority_user(&s, cfo));
	test_cond("pseudo: not the clear name",
	    !irm_priority_user(&s, "ceo@contoso.com"));
	pp = irm_directory_find(&s, alice);
	test_cond("pseudo: directory user", pp != NULL);
	if (pp != NULL)
		test_streq("pseudo: directory manager", pp->manager, cfo);
	ev = ev_blank();
	ev.user = svc;
	test_cond("pseudo: excluded user", irm_excluded(&s, &ev));
	irm_settings_free(&s);
	irm_lint_free(&l);
	irm_pseudo_free(ps);
}

int
main(int argc, char **argv)
{
	(void)argc;
	if (th_datapath(argv[0], "/../data/score", datadir) == -1)
		return 1;
	setenv("TZ", "UTC", 1);
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_conf_lines();
	test_conf_errors();
	test_conf_relpath_lint();
	test_defaults();
	test_matchers();
	test_lint_messages();
	test_lint_more();
	test_full();
	test_rules();
	test_pseudo();
	{
		char cmd[300];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", tmpdir);
	}
	test_report();
}
