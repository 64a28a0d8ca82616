/*
 * test_evfast.c - irm_ev_fast (score_fastev.c) against json-c and
 * irm_ev_parse, field for field: on every line of the event files in the
 * tree, on irm-gen | irm-norm output, on hand-written tricky lines and on
 * every truncation and many one-byte changes of a full event.  For each
 * line either both readers fill the same event, or the fast reader said
 * 1 (json-c's turn).  Ordinary irm-norm lines must take the fast path.
 */
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"
#include "evsame.h"
#include "testhelp.h"

static struct json_tokener *tok;
static struct irm_evfast fs;
static struct irm_ev fev, sev;
static char top[PATH_MAX];

/* Lines compared, read fast (both agreed), and mismatches. */
static unsigned long nlines, nfast, nbad;

/*
 * Read line both ways.  Returns 0 when the fast reader filled the event
 * (and json-c agreed), 1 when it handed the line on, -1 on a mismatch
 * (reported as a TAP comment).
 */
static int
compare(const char *line, size_t len)
{
	const char *what;
	int fr;

	nlines++;
	fr = evsame_check(tok, &fs, &fev, &sev, line, len, &what);
	if (fr == 0)
		nfast++;
	if (fr != -1)
		return fr;
	nbad++;
	printf("# fast reader differs (%s) on: %.*s\n", what, (int)len, line);
	return -1;
}

static int
compare_str(const char *line)
{
	return compare(line, strlen(line));
}

/* Every line of the file path; the counts of lines and fast ones. */
static void
compare_file(FILE *fp, unsigned long *lines, unsigned long *fast)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		(*lines)++;
		if (compare(line, (size_t)n) == 0)
			(*fast)++;
	}
	free(line);
}

static const char base[] =
    "{\"@timestamp\":\"2026-03-04T09:00:00.000Z\",\"ecs\":{\"version\":\"9.4.0\"},"
    "\"event\":{\"kind\":\"event\",\"id\":\"g1\",\"action\":\"Send\",\"outcome\":\"success\",\"category\":[\"email\"],\"severity\":3},"
    "\"user\":{\"name\":\"a@contoso.com\",\"target\":{\"name\":\"b@contoso.com\"}},"
    "\"irm\":{\"activity\":\"email_external\",\"severity\":\"high\",\"label\":\"d9f2\",\"labels\":[\"d9f2\",\"\",null,\"0c8a\"],"
    "\"label_old\":\"x\",\"label_change\":\"downgrade\",\"share\":{\"scope\":\"anyone\",\"target\":\"t@x.com\"},"
    "\"asset\":\"sharepoint\",\"category\":\"cloud\",\"alert_category\":\"dlp\",\"indicator\":\"ind\",\"value\":0.87,\"attachments\":2,"
    "\"hr\":{\"resignation_date\":\"2026-03-01\",\"last_working_date\":\"2026-03-20\",\"effective_date\":\"2026-03-02\",\"rating\":\"poor\",\"old_level\":\"5\",\"new_level\":\"4\"},"
    "\"mail_rule\":{\"folder\":\"RSS\",\"actions\":[\"MoveToFolder\",\"MarkAsRead\"]},\"file\":{\"previous_name\":\"old.docx\"}},"
    "\"file\":{\"name\":\"a.docx\",\"extension\":\"docx\",\"directory\":\"/d\",\"path\":\"/d/a.docx\",\"previous_name\":\"p.docx\"},"
    "\"url\":{\"full\":\"https://x.com/a\",\"domain\":\"x.com\"},\"destination\":{\"domain\":\"gmail.com\"},"
    "\"email\":{\"subject\":\"Q1 \\\"plan\\\" \\u00e9\\ud83d\\ude00\",\"from\":{\"address\":[\"a@contoso.com\",\"z@q.com\"]},"
    "\"cc\":{\"address\":[\"c@gmail.com\"]},\"to\":{\"address\":[\"t1@gmail.com\",\"t2@x.com\"]},\"bcc\":{\"address\":[\"b@y.com\"]}},"
    "\"source\":{\"ip\":\"10.0.0.1\"},\"user_agent\":{\"name\":\"Chrome\",\"original\":\"Mozilla/5.0\"},\"rule\":{\"name\":\"hide\"}}";

/* Replace the first from in s by to (into a static buffer). */
static const char *
edit(const char *s, const char *from, const char *to)
{
	static char buf[8192];
	const char *p = strstr(s, from);
	size_t n;

	if (p == NULL) {
		printf("# edit: no %s\n", from);
		abort();
	}
	n = (size_t)(p - s);
	snprintf(buf, sizeof(buf), "%.*s%s%s", (int)n, s, to, p + strlen(from));
	return buf;
}

static void
test_base(void)
{
	test_cond("a full event is read fast", compare_str(base) == 0);
	test_cond("its lists",
	    fev.labels.n == 2 && fev.email_to.n == 4 &&
	        !strcmp(fev.email_to.v[0], "t1@gmail.com") &&
	        !strcmp(fev.email_to.v[2], "c@gmail.com") &&
	        fev.rule_actions.n == 2);
	test_streq("escapes and a surrogate pair", fev.email_subject,
	    "Q1 \"plan\" \xc3\xa9\xf0\x9f\x98\x80");
	test_cond("numbers",
	    fev.value == 0.87 && fev.attachments == 2 && fev.severity == 3);
	test_streq("irm.file.previous_name first", fev.file_prev, "old.docx");
	test_streq("user_agent.original first", fev.user_agent, "Mozilla/5.0");
	test_streq(
	    "email.from.address's first", fev.email_from, "a@contoso.com");
}

/* Lines the fast reader must read (0) or hand on (1); both agree. */
static const struct {
	const char *descr, *from, *to;
	int want;
} edits[] = {
    {"escapes \\n \\/ \\\\ \\t", "\"ind\"", "\"a\\nb\\/c\\\\d\\te\\b\\f\\r\"",
        0},
    {"\\u00e9 and \\u20ac", "\"ind\"", "\"\\u00e9\\u20AC\\u0041\"", 0},
    {"raw UTF-8", "\"ind\"", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"", 0},
    {"an empty string is absent", "\"ind\"", "\"\"", 0},
    {"null is absent", "\"ind\"", "null", 0},
    {"an object where a string is read", "\"ind\"", "{\"a\":[1,{}]}", 0},
    {"an array where a string is read", "\"ind\"", "[\"x\"]", 0},
    {"a number where a string is read", "\"ind\"", "12", 1},
    {"a boolean where a string is read", "\"ind\"", "true", 1},
    {"a number in a list", "\"0c8a\"]", "7]", 1},
    {"a boolean in a list", "\"0c8a\"]", "false]", 1},
    {"nested arrays in a list", "\"0c8a\"]", "[\"x\"],{}]", 0},
    {"labels not an array", "[\"d9f2\",\"\",null,\"0c8a\"]", "\"d9f2\"", 0},
    {"a number in an ignored field", "\"9.4.0\"", "-12.5e+3", 0},
    {"a huge number in an ignored field", "\"9.4.0\"",
        "123456789012345678901234567890e999", 0},
    {"booleans and null in an ignored field", "\"9.4.0\"", "[true,false,null]",
        0},
    {"severity as a string", "\"severity\":3", "\"severity\":\"4\"", 0},
    {"severity as a bad string", "\"severity\":3", "\"severity\":\"4x\"", 0},
    {"severity as a double", "\"severity\":3", "\"severity\":3.5", 1},
    {"severity huge", "\"severity\":3", "\"severity\":99999999999999999999", 1},
    {"severity negative", "\"severity\":3", "\"severity\":-7", 0},
    {"severity null", "\"severity\":3", "\"severity\":null", 0},
    {"severity true", "\"severity\":3", "\"severity\":true", 0},
    {"attachments as a string", "\"attachments\":2", "\"attachments\":\"12\"",
        0},
    {"attachments huge string", "\"attachments\":2",
        "\"attachments\":\"9999999999999999999\"", 0},
    {"value an integer", "\"value\":0.87", "\"value\":42", 0},
    {"value -0", "\"value\":0.87", "\"value\":-0", 0},
    {"value -0.0", "\"value\":0.87", "\"value\":-0.0", 0},
    {"value an exponent", "\"value\":0.87", "\"value\":1.5e-3", 0},
    {"value huge", "\"value\":0.87", "\"value\":1e999", 1},
    {"value a string", "\"value\":0.87", "\"value\":\"3\"", 0},
    {"value NaN", "\"value\":0.87", "\"value\":NaN", 1},
    {"from a string", "[\"a@contoso.com\",\"z@q.com\"]", "\"f@x.com\"", 0},
    {"from an empty string", "[\"a@contoso.com\",\"z@q.com\"]", "\"\"", 0},
    {"from an empty array", "[\"a@contoso.com\",\"z@q.com\"]", "[]", 0},
    {"from a number", "[\"a@contoso.com\",\"z@q.com\"]", "5", 0},
    {"from an array of a number", "[\"a@contoso.com\",\"z@q.com\"]",
        "[5,\"x\"]", 0},
    {"from an array of an empty string", "[\"a@contoso.com\",\"z@q.com\"]",
        "[\"\"]", 0},
    {"no original user agent", "\"original\":\"Mozilla/5.0\"",
        "\"original\":\"\"", 0},
    {"no irm.file", ",\"file\":{\"previous_name\":\"old.docx\"}}", "}", 0},
    {"event not an object", "\"event\":{", "\"event\":[1],\"x\":{", 1},
    {"a duplicate key read", "\"asset\":\"sharepoint\"",
        "\"asset\":\"sharepoint\",\"asset\":\"onedrive\"", 1},
    {"a duplicate object read", "\"rule\":{\"name\":\"hide\"}",
        "\"rule\":{\"name\":\"hide\"},\"rule\":{}", 1},
    {"a duplicate key ignored", "\"kind\":\"event\"",
        "\"kind\":\"event\",\"kind\":1", 0},
    {"an escaped key", "\"asset\"", "\"\\u0061sset\"", 0},
    {"\\u0000 in a string", "\"ind\"", "\"a\\u0000b\"", 1},
    {"\\u0000 in a key", "\"kind\"", "\"ki\\u0000nd\"", 1},
    {"a lone high surrogate", "\"ind\"", "\"\\ud800x\"", 1},
    {"a lone low surrogate", "\"ind\"", "\"\\udc00\"", 1},
    {"a high surrogate and no low", "\"ind\"", "\"\\ud800\\u0041\"", 1},
    {"a bad escape", "\"ind\"", "\"\\x\"", 1},
    {"a short \\u", "\"ind\"", "\"\\u12\"", 1},
    {"a control character", "\"ind\"", "\"a\tb\"", 1},
    {"an overlong UTF-8", "\"ind\"", "\"\xc0\xaf\"", 1},
    {"a UTF-8 surrogate", "\"ind\"", "\"\xed\xa0\x80\"", 1},
    {"bad UTF-8", "\"ind\"", "\"\xff\"", 1},
    {"a trailing comma in an object", "\"hide\"}", "\"hide\",}", 1},
    {"a trailing comma in an array", "\"MarkAsRead\"]", "\"MarkAsRead\",]", 1},
    {"single quotes", "\"ind\"", "'ind'", 1},
    {"a leading zero", "\"9.4.0\"", "01", 1},
    {"a bare minus", "\"9.4.0\"", "-", 1},
    {"a dot without digits", "\"9.4.0\"", "1.", 1},
    {"an exponent without digits", "\"9.4.0\"", "1e+", 1},
    {"NaN", "\"9.4.0\"", "NaN", 1},
    {"Infinity", "\"9.4.0\"", "-Infinity", 1},
    {"True", "\"9.4.0\"", "True", 1},
    {"a comment", "\"9.4.0\"", "/* c */1", 1},
    {"a missing colon", "\"version\":", "\"version\" ", 1},
    {"a missing comma", "},\"event\"", "} \"event\"", 1},
    {"blanks everywhere", "{\"name\":\"hide\"}",
        " \t{ \"name\" \r: \"hide\" , \"x\" : [ 1 , 2 ] } ", 0},
    {"a form feed", "{\"name\":\"hide\"}", "{\"name\":\"hide\"}\f", 1},
    {"a top-level value", "{\"@timestamp\"", "{\"value\":[],\"@timestamp\"", 1},
    {"a bad timestamp", "2026-03-04T09:00:00.000Z", "yesterday", 1},
    {"no timestamp", "\"@timestamp\"", "\"@stamp\"", 1},
    {"a number timestamp", "\"2026-03-04T09:00:00.000Z\"", "1772614800", 1},
    {"no event.id", "\"id\":\"g1\"", "\"id\":\"\"", 1},
    {"no user.name", "\"name\":\"a@contoso.com\"", "\"name\":null", 1},
    {"no irm.activity", "\"activity\"", "\"activity_\"", 1},
    {"a day before 1970", "2026-03-04T09:00:00.000Z",
        "1969-12-31T23:59:59.999Z", 0},
    {"a timestamp with an offset", "2026-03-04T09:00:00.000Z",
        "2026-03-04T09:00:00+05:30", 0},
};

static void
test_edits(void)
{
	char descr[200];
	size_t i;

	for (i = 0; i < sizeof(edits) / sizeof(*edits); i++) {
		int rc = compare_str(edit(base, edits[i].from, edits[i].to));

		snprintf(descr, sizeof(descr), "%s: %s", edits[i].descr,
		    edits[i].want ? "json-c" : "fast");
		test_cond(descr, rc == edits[i].want);
	}
}

static void
test_whole_lines(void)
{
	char deep[400], *p;
	const char *s;
	int d, i, rc;

	test_cond("a BOM: json-c",
	    compare_str(s = edit(base, "{", "\xef\xbb\xbf{")) == 1);
	test_cond("CRLF: fast",
	    compare_str(edit(base, "\"hide\"}}", "\"hide\"}}\r\n")) == 0);
	test_cond("trailing garbage: json-c",
	    compare_str(edit(base, "\"hide\"}}", "\"hide\"}}x")) == 1);
	test_cond("two objects: json-c",
	    compare_str(edit(base, "\"hide\"}}", "\"hide\"}}{}")) == 1);
	test_cond("an array: json-c", compare_str("[{\"a\":1}]") == 1);
	test_cond("a string: json-c", compare_str("\"x\"") == 1);
	test_cond("empty: json-c", compare_str("") == 1);
	test_cond("blank: json-c", compare_str("  ") == 1);
	test_cond("{}: json-c", compare_str("{}") == 1);
	test_cond("a NUL byte: json-c", compare(base, sizeof(base)) == 1);
	/* Nesting: fast well below json-c's 32, json-c above. */
	for (d = 2; d <= 40; d++) {
		memcpy(deep, "\"ecs\":", 6);
		p = deep + 6;
		for (i = 1; i < d; i++)
			*p++ = '[';
		for (i = 1; i < d; i++)
			*p++ = ']';
		*p = '\0';
		rc = compare_str(
		    edit(base, "\"ecs\":{\"version\":\"9.4.0\"}", deep));
		if (d <= 30 && rc != 0)
			break;
		if (d > 30 && rc != 1)
			break;
	}
	test_cond("nesting: fast to 30 levels, json-c from 31 (its limit: 32)",
	    d == 41);
	/* A user.name longer than IRM_IDENT_MAX, and one at it. */
	p = malloc(IRM_IDENT_MAX + 20);
	memcpy(p, "\"name\":\"", 8);
	memset(p + 8, 'u', IRM_IDENT_MAX + 1);
	memcpy(p + 8 + IRM_IDENT_MAX + 1, "\"", 2);
	test_cond("a long user.name: json-c",
	    compare_str(edit(base, "\"name\":\"a@contoso.com\"", p)) == 1);
	memcpy(p + 8 + IRM_IDENT_MAX, "\"", 2);
	test_cond("user.name at the limit: fast",
	    compare_str(edit(base, "\"name\":\"a@contoso.com\"", p)) == 0);
	free(p);
}

/* Every truncation of base, and one-byte changes everywhere. */
static void
test_mutations(void)
{
	static const char subst[] = "\"\\{}[],:0-.eE x\x80\xc3\t";
	size_t n = strlen(base), i, j;
	unsigned long bad = nbad, fast = 0;
	char *s = malloc(n + 1);

	for (i = 0; i < n; i++)
		if (compare(base, i) == 0)
			fast++;
	test_cond("no truncation is read fast", fast == 0 && nbad == bad);
	for (i = 0; i < n; i++)
		for (j = 0; j < sizeof(subst) - 1; j++) {
			memcpy(s, base, n + 1);
			s[i] = subst[j];
			compare(s, n);
			memcpy(s, base, i);
			memcpy(s + i, base + i + 1, n - i);
			if (j == 0)
				compare(s, n - 1); /* a byte dropped */
		}
	test_cond("one-byte changes: fast agrees with json-c", nbad == bad);
	free(s);
}

static void
test_files(void)
{
	static const char *pat[] = {"tests/golden/norm/*.out",
	    "tests/golden/norm/*.err", "examples/*.out", "tests/data/*/*.jsonl",
	    "tests/data/*/*/*.jsonl", "tests/data/*/*.json"};
	char path[PATH_MAX + 200], cmd[3 * PATH_MAX];
	unsigned long lines = 0, fast = 0, bad = nbad;
	glob_t g;
	size_t i, k;
	FILE *fp;

	for (k = 0; k < sizeof(pat) / sizeof(*pat); k++) {
		snprintf(path, sizeof(path), "%s/%s", top, pat[k]);
		if (glob(path, 0, NULL, &g) != 0)
			continue;
		for (i = 0; i < g.gl_pathc; i++) {
			if ((fp = fopen(g.gl_pathv[i], "r")) == NULL)
				continue;
			compare_file(fp, &lines, &fast);
			fclose(fp);
		}
		globfree(&g);
	}
	printf("# tree files: %lu lines, %lu read fast\n", lines, fast);
	test_cond("the tree's event files: fast agrees with json-c",
	    nbad == bad && lines > 500);
	test_cond("the tree's events are mostly read fast", fast > 200);

	/* irm-gen | irm-norm: every event the fast way. */
	snprintf(cmd, sizeof(cmd),
	    "d=$(mktemp -d) && %s/cmd/irm-gen -u 20 -d 10 -s 7 \"$d/t\" >/dev/null 2>&1 && %s/cmd/irm-norm \"$d\"/t/raw/* 2>/dev/null; rm -rf \"$d\"",
	    top, top);
	lines = fast = 0;
	if ((fp = popen(cmd, "r")) != NULL) {
		compare_file(fp, &lines, &fast);
		pclose(fp);
	}
	printf("# irm-gen | irm-norm: %lu lines, %lu read fast\n", lines, fast);
	test_cond("irm-gen | irm-norm: fast agrees with json-c",
	    nbad == bad && lines > 1000);
	test_cond("irm-gen | irm-norm: every event read fast", fast == lines);
}

int
main(int argc, char **argv)
{
	(void)argc;
	if (th_datapath(argv[0], "/../..", top) == -1)
		return 1;
	setenv("TZ", "UTC", 1);
	tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
	json_tokener_set_flags(tok, JSON_TOKENER_VALIDATE_UTF8);
	test_base();
	test_edits();
	test_whole_lines();
	test_mutations();
	test_files();
	printf("# %lu lines compared, %lu read fast, %lu mismatches\n", nlines,
	    nfast, nbad);
	test_cond("no mismatch anywhere", nbad == 0);
	json_tokener_free(tok);
	irm_evfast_free(&fs);
	irm_ev_free(&fev);
	irm_ev_free(&sev);
	test_report();
}
