/*
 * test_lib.c - unit tests for lib/: buffers, numbers, the input iterator,
 * UTF-8 checks, pseudonyms, the event writer and the JSON and CSV readers.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "irm.h"
#include "irm_csv.h"
#include "irm_event.h"
#include "irm_json.h"
#include "irm_norm.h"
#include "irm_regex.h"
#include "testhelp.h"

static char tmpdir[] = "/tmp/irm-unit-XXXXXX";

/* Write s to a file in the temp dir and return its path (static). */
static const char *
file_with(const char *name, const char *s, size_t n)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	fp = fopen(path, "wb");
	fwrite(s, 1, n, fp);
	fclose(fp);
	return path;
}

static void
test_buf(void)
{
	struct irm_buf b;
	char *p;

	irm_buf_init(&b, 8);
	test_cond("buf: add within cap", irm_buf_adds(&b, "abcd") == 0);
	test_cond("buf: printf within cap", irm_buf_printf(&b, "%d", 12) == 0);
	test_streq("buf: content", b.data, "abcd12");
	test_cond("buf: over cap fails", irm_buf_adds(&b, "xyz") == -1);
	test_cond("buf: freed after failure", b.data == NULL && b.len == 0);
	test_cond("buf: a failure is sticky", irm_buf_adds(&b, "ok") == -1);
	irm_buf_init(&b, 8);
	irm_buf_adds(&b, "ok");
	p = irm_buf_take(&b);
	test_streq("buf: take", p, "ok");
	test_cond("buf: empty after take", b.data == NULL);
	free(p);
	irm_buf_free(&b);
	irm_buf_free(NULL);
}

static void
test_num(void)
{
	const char *err;

	test_cond("num: 42", irm_parse_num("42", 0, 100, &err) == 42 && !err);
	irm_parse_num("101", 0, 100, &err);
	test_streq("num: too large", err, "too large");
	irm_parse_num("-1", 0, 100, &err);
	test_streq("num: too small", err, "too small");
	irm_parse_num("4x", 0, 100, &err);
	test_streq("num: invalid", err, "invalid");
	test_cond("size: 16M",
	    irm_parse_size("16M", 0, 1LL << 40, &err) == 16LL << 20 && !err);
	irm_parse_size("2G", 0, 1LL << 30, &err);
	test_streq("size: too large", err, "too large");
}

static void
test_input(void)
{
	const char *a = file_with("a", "one\r\ntwo\n\nlong-line\nlast", 24);
	char *argv[3] = {NULL, NULL, "/nonexistent/x"};
	struct irm_input *in;
	struct irm_error e;
	char *line;
	size_t len;
	int rc;

	argv[0] = irm_xstrdup(a);
	argv[1] = irm_xstrdup(a);
	in = irm_input_new(3, argv, 8);
	test_cond("input: opens first", irm_input_next_file(in, &e) == 1);
	test_cond("input: peek", irm_input_peek(in, &e) == 'o');
	rc = irm_input_getline(in, &line, &len, &e);
	test_cond("input: line 1 keeps CR",
	    rc == IRM_LINE_OK && len == 4 && !memcmp(line, "one\r", 4) &&
	        irm_input_lineno(in) == 1);
	irm_input_getline(in, &line, &len, &e);
	test_streq("input: line 2", line, "two");
	rc = irm_input_getline(in, &line, &len, &e);
	test_cond("input: blank line", rc == IRM_LINE_OK && len == 0);
	rc = irm_input_getline(in, &line, &len, &e);
	test_cond("input: over cap",
	    rc == IRM_LINE_TOOLONG && len == 9 && irm_input_lineno(in) == 4);
	rc = irm_input_getline(in, &line, &len, &e);
	test_cond("input: last line without newline",
	    rc == IRM_LINE_OK && !strcmp(line, "last") &&
	        irm_input_lineno(in) == 5);
	test_cond("input: EOF",
	    irm_input_getline(in, &line, &len, &e) == IRM_LINE_EOF);
	test_cond("input: second operand",
	    irm_input_next_file(in, &e) == 1 && irm_input_lineno(in) == 0);
	test_cond("input: missing file reported",
	    irm_input_next_file(in, &e) == -1 &&
	        strstr(e.msg, "/nonexistent/x"));
	test_cond("input: no more operands", irm_input_next_file(in, &e) == 0);
	irm_input_free(in);
	free(argv[0]);
	free(argv[1]);
}

static void
test_str(void)
{
	test_cond(
	    "utf8: valid", irm_utf8_check("a\xc3\xa9\xe2\x82\xac", 6) == 0);
	test_cond("utf8: bad continuation", irm_utf8_check("ab\xc3(", 4) == 3);
	test_cond("utf8: truncated", irm_utf8_check("a\xe2\x82", 3) == 2);
	test_cond("utf8: overlong", irm_utf8_check("\xc0\xaf", 2) == 1);
	test_cond("utf8: surrogate", irm_utf8_check("\xed\xa0\x80", 3) == 1);
	test_cond("strcaseeq",
	    irm_strcaseeq("UserId", "userid") &&
	        !irm_strcaseeq("User", "UserId"));
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void
test_sort_distinct(void)
{
	const char *s[] = {"b", "a", "c", "a", "b", "a"};
	int v[] = {3, 1, 3, 3, 2, 1, 7};

	test_cond("sort_distinct: strings",
	    irm_sort_distinct(s, 6, sizeof(*s), irm_strp_cmp) == 3 &&
	        !strcmp(s[0], "a") && !strcmp(s[1], "b") && !strcmp(s[2], "c"));
	test_cond("sort_distinct: ints",
	    irm_sort_distinct(v, 7, sizeof(*v), int_cmp) == 4 && v[0] == 1 &&
	        v[1] == 2 && v[2] == 3 && v[3] == 7);
	test_cond("sort_distinct: one and none",
	    irm_sort_distinct(v, 1, sizeof(*v), int_cmp) == 1 &&
	        irm_sort_distinct(NULL, 0, sizeof(*v), int_cmp) == 0);
}

static void
test_pseudo(void)
{
	const char *kf = file_with("key", "k3y-for-tests-0123456789\n", 25);
	struct irm_pseudo *p;
	struct irm_error e;
	char out[IRM_PSEUDO_LEN], hex[65];

	/* A key others may read is refused, as irm-fetch's secret file. */
	chmod(kf, 0640);
	test_cond("pseudo: a key readable by group refused",
	    irm_pseudo_load(kf, &e) == NULL &&
	        strstr(e.msg, "mode 0640 is too open") != NULL);
	chmod(kf, 0602);
	test_cond("pseudo: a key writable by others refused",
	    irm_pseudo_load(kf, &e) == NULL &&
	        strstr(e.msg, "mode 0602 is too open") != NULL);
	chmod(kf, 0600);
	p = irm_pseudo_load(kf, &e);
	test_cond("pseudo: key loads", p != NULL);
	irm_pseudonym(p, "Alice@Contoso.com", 17, out);
	/* openssl dgst -sha256 -hmac KEY of "alice@contoso.com". */
	test_streq(
	    "pseudo: HMAC-SHA256 of lower-cased id", out, "anon-a2ab535039dd");
	irm_pseudo_free(p);
	kf = file_with("short", "short\n", 6);
	chmod(kf, 0600);
	test_cond("pseudo: short key refused",
	    irm_pseudo_load(kf, &e) == NULL && strstr(e.msg, "shorter"));
	irm_sha256_hex("abc", 3, hex);
	test_streq("sha256", hex,
	    "ba7816bf8f01cfea414140de5dae2223b00361a3"
	    "96177a9cb410ff61f20015ad");
}

static void
test_event(void)
{
	struct irm_writer w = {0};
	struct irm_event ev;
	struct irm_buf out;
	struct irm_error e;

	irm_event_init(&ev);
	irm_buf_init(&out, 1 << 20);
	test_cond("event: empty fails check",
	    irm_event_check(&ev, &e) == -1 &&
	        !strcmp(e.msg, "missing timestamp"));
	ev.ts = 1772460453000LL;
	ev.id = "id-1";
	ev.action = "FileDownloaded";
	ev.user = "  Alice@Contoso.COM ";
	irm_event_set_activity(&ev, "file_downloaded");
	irm_event_set_path(&ev, "C:\\Users\\alice\\Q3 \"final\".XLSX");
	irm_strv_add(&ev.email_to, "b@x.com");
	ev.attachments = 2;
	ev.user_agent = "tab\there\x01";
	test_cond("event: check passes", irm_event_check(&ev, &e) == 0);
	test_cond("event: writes", irm_event_write(&ev, &w, &out) == 0);
	test_streq("event: key order, escaping, lower-cased user", out.data,
	    "{\"@timestamp\":\"2026-03-02T14:07:33.000Z\",\"ecs\":{"
	    "\"version\":\"9.4.0\"},\"event\":{\"kind\":\"event\",\"id\":"
	    "\"id-1\",\"action\":\"FileDownloaded\",\"category\":[\"file\"],"
	    "\"type\":[\"access\"]},\"user\":{\"name\":\"alice@contoso.com\","
	    "\"email\":\"alice@contoso.com\",\"domain\":\"contoso.com\"},"
	    "\"irm\":{\"activity\":\"file_downloaded\",\"attachments\":2},"
	    "\"file\":{\"name\":\"Q3 \\\"final\\\".XLSX\",\"extension\":"
	    "\"xlsx\",\"directory\":\"C:\\\\Users\\\\alice\",\"path\":"
	    "\"C:\\\\Users\\\\alice\\\\Q3 \\\"final\\\".XLSX\"},\"email\":"
	    "{\"to\":{\"address\":[\"b@x.com\"]}},\"user_agent\":{\"original\":"
	    "\"tab\\there\\u0001\"}}\n");
	irm_event_reset(&ev);
	test_cond("event: reset clears",
	    ev.user == NULL && ev.email_to.n == 0 && ev.attachments == -1);
	irm_event_set_url(&ev, "https://user@Contoso.SharePoint.com:443/a?b");
	test_streq(
	    "event: url domain", ev.url_domain, "contoso.sharepoint.com");
	test_streq("event: email domain",
	    irm_event_email_domain(&ev, "Bob <bob@Gmail.com>"), "gmail.com");
	irm_event_free(&ev);
	irm_buf_free(&out);
}

static void
test_pseudo_writer(void)
{
	const char *kf = file_with("key", "k3y-for-tests-0123456789\n", 25);
	const char *internal[] = {"contoso.com", NULL};
	struct irm_writer w = {0};
	struct irm_event ev;
	struct irm_buf out;
	struct irm_error e;

	w.pseudo = irm_pseudo_load(kf, &e);
	w.internal = internal;
	w.key_user = 1;
	irm_event_init(&ev);
	irm_buf_init(&out, 1 << 20);
	ev.ts = 0;
	ev.id = "x";
	ev.action = "Send";
	ev.user = "alice@contoso.com";
	irm_strv_add(&ev.email_to, "ALICE@contoso.com");
	irm_strv_add(&ev.email_to, "friend@gmail.com");
	irm_event_set_url(&ev,
	    "https://contoso-my.sharepoint.com/personal/"
	    "alice_contoso_com/Documents/a.docx");
	irm_event_write(&ev, &w, &out);
	test_cond("pseudo: key prefix",
	    !strncmp(out.data, "anon-a2ab535039dd\t{", 19));
	test_cond("pseudo: internal address replaced, external kept",
	    strstr(out.data, "[\"anon-a2ab535039dd\",\"friend@gmail.com\"]") !=
	        NULL);
	test_cond("pseudo: OneDrive segment replaced",
	    strstr(out.data, "/personal/anon-") != NULL &&
	        strstr(out.data, "alice_contoso_com") == NULL);
	irm_pseudo_free((struct irm_pseudo *)w.pseudo);
	irm_event_free(&ev);
	irm_buf_free(&out);
}

/* Read every JSON record of a file: "R" per record, "B<line>" per bad. */
static void
jread_all(const char *path, char *trace, size_t n)
{
	char *argv[1] = {(char *)path};
	struct irm_input *in = irm_input_new(1, argv, 4096);
	struct irm_jread *r = irm_jread_new(in);
	struct json_object *o;
	struct irm_jrec rec;
	struct irm_error e;
	size_t len = 0;
	int rc;

	irm_input_next_file(in, &e);
	irm_jread_reset(r);
	trace[0] = '\0';
	while ((rc = irm_jread_next(r, &o, &rec, &e)) != IRM_JREAD_EOF &&
	    rc != IRM_JREAD_FATAL && len + 16 < n)
		len += (size_t)snprintf(trace + len, n - len,
		    rc == IRM_JREAD_RECORD ? "R%lu " : "B%lu ", rec.line);
	irm_jread_free(r);
	irm_input_free(in);
}

static void
test_jread(void)
{
	char t[256];
	const char *s;

	s = "{\"a\":1}\n\n{\"b\":\n[1,2]\n{\"c\":3}\n42\n";
	jread_all(file_with("l.json", s, strlen(s)), t, sizeof(t));
	test_streq(
	    "jread: lines, truncated and non-object", t, "R1 B3 B4 B4 R5 B6 ");
	s = "[\n {\"a\":\"x]}\"},\n {\"b\":[{}]}\n ,3\n]\n";
	jread_all(file_with("a.json", s, strlen(s)), t, sizeof(t));
	test_streq("jread: multi-line array streamed", t, "R2 R3 B4 ");
	s = "[{\"a\":1},{\"b\":2}]\n{\"value\":[{\"c\":1},{\"d\":2}]}\n";
	jread_all(file_with("v.json", s, strlen(s)), t, sizeof(t));
	test_streq("jread: one-line array and value page", t, "R1 R1 R2 R2 ");
	s = "{\n \"a\": 1\n}\n{\n \"b\": 2\n}\n";
	jread_all(file_with("d.json", s, strlen(s)), t, sizeof(t));
	test_streq("jread: pretty-printed documents", t, "R1 R4 ");
	s = "{\"a\":\"\xff\"}\n";
	jread_all(file_with("u.json", s, strlen(s)), t, sizeof(t));
	test_streq("jread: invalid UTF-8", t, "B1 ");
	s = "{\n \"a\": [1,\n";
	jread_all(file_with("t.json", s, strlen(s)), t, sizeof(t));
	test_streq("jread: truncated document", t, "B1 ");
}

/* Read every CSV row: "<line>:<nfields> " per row, "B<line> " per bad. */
static void
csv_all(const char *path, char *trace, size_t n)
{
	char *argv[1] = {(char *)path};
	struct irm_input *in = irm_input_new(1, argv, 4096);
	struct irm_csvread *r = irm_csvread_new(in);
	struct irm_row row;
	struct irm_error e;
	size_t len = 0;
	int rc;

	irm_input_next_file(in, &e);
	irm_csvread_reset(r);
	trace[0] = '\0';
	while ((rc = irm_csvread_next(r, &row, &e)) != IRM_CSV_EOF &&
	    rc != IRM_CSV_FATAL && len + 16 < n)
		len += rc == IRM_CSV_ROW
		    ? (size_t)snprintf(
		          trace + len, n - len, "%lu:%zu ", row.line, row.n)
		    : (size_t)snprintf(trace + len, n - len, "B%lu ", row.line);
	irm_csvread_free(r);
	irm_input_free(in);
}

static void
test_csv(void)
{
	char t[256];
	const char *s;

	s = "\xef\xbb\xbfh1,h2\r\na,\"b\r\nc, d\"\r\n\r\ne,f\r\n";
	csv_all(file_with("c.csv", s, strlen(s)), t, sizeof(t));
	test_streq(
	    "csv: BOM, CRLF, quoted newline, blank line", t, "1:2 2:2 5:2 ");
	s = "h1,h2\na,b\n\"open,x\nc,d\ne,f\n";
	csv_all(file_with("q.csv", s, strlen(s)), t, sizeof(t));
	test_streq("csv: unterminated quote rejected, rest re-read", t,
	    "1:2 2:2 B3 4:2 5:2 ");
	s = "h1,h2\na,\xc3(\nc,d\n";
	csv_all(file_with("u.csv", s, strlen(s)), t, sizeof(t));
	test_streq("csv: invalid UTF-8 row", t, "1:2 B2 3:2 ");
	s = "h1,h2\na,b";
	csv_all(file_with("n.csv", s, strlen(s)), t, sizeof(t));
	test_streq("csv: last row without newline", t, "1:2 2:2 ");
}

static void
test_tables(void)
{
	test_cond("o365: operation table sorted for bsearch",
	    irm_o365_table_sorted());
	test_cond("format names round-trip",
	    irm_format_parse("hr-csv") == IRM_FMT_HR_CSV &&
	        !strcmp(irm_format_name(IRM_FMT_BADGE), "badge-json"));
	test_cond("hr scenarios",
	    irm_hr_scenario_parse("Job level change") == IRM_HR_JOB_CHANGE &&
	        irm_hr_scenario_parse("x") == IRM_HR_NONE);
}

/* Does irm_regex_check accept re? */
static int
re_ok(const char *re)
{
	char why[160];

	return irm_regex_check(re, why, sizeof(why)) == 0;
}

static void
test_regex(void)
{
	static char text[IRM_REGEX_MAX_TEXT + 10];
	regex_t re;

	test_cond("regex: the default and plain patterns pass",
	    re_ok("^[[:space:]]*[12]([^[:alnum:]_]|$)|below|poor") &&
	        re_ok("^\\s*[12]\\b|x") && re_ok("(a|aa)*b") &&
	        re_ok("a{1,100}(b{2})*") && re_ok("[\\1]x") &&
	        re_ok("[]{]{3}") && re_ok("x{1000}"));
	test_cond("regex: back-references are refused",
	    !re_ok("(a*)*\\1\\1x") && !re_ok("(a)\\9"));
	test_cond("regex: nested counted repetition is refused",
	    !re_ok("((((a{1,100}){1,100}){1,100}){1,100})") &&
	        !re_ok("a{2}{3}") && !re_ok("((a{2})*b){3}"));
	test_cond("regex: the expanded size is capped",
	    !re_ok("x{1001}") && !re_ok("(abcdefghij){101}") &&
	        !re_ok(
	            "((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))"));
	memset(text, 'a', sizeof(text) - 1);
	memcpy(text + IRM_REGEX_MAX_TEXT - 4, "poor", 4);
	test_cond("regex: matches within the first 1024 bytes",
	    regcomp(&re, "poor", REG_EXTENDED | REG_NOSUB) == 0 &&
	        irm_regex_match(&re, text));
	memcpy(text + IRM_REGEX_MAX_TEXT - 4, "aapoor", 6);
	test_cond("regex: nothing after the first 1024 bytes",
	    !irm_regex_match(&re, text));
	regfree(&re);
}

/* Did-you-mean: the closest name within the typo distance, or none. */
static const char *
suggest(const char *word, const char *const *names)
{
	struct irm_suggest g;

	irm_suggest_init(&g, word);
	for (; *names; names++)
		irm_suggest_add(&g, *names);
	return g.best;
}

static void
test_suggest(void)
{
	static const char *const n[] = {"weight", "thresholds", "usb_copy",
	    "usb_mount", "min_score", "print", NULL};
	const char *b;

	test_cond("suggest: one substitution",
	    (b = suggest("wieght", n)) && strcmp(b, "weight") == 0);
	test_cond("suggest: a swap counts one, case ignored",
	    (b = suggest("USB_COYP", n)) && strcmp(b, "usb_copy") == 0);
	test_cond("suggest: a deletion",
	    (b = suggest("min_scor", n)) && strcmp(b, "min_score") == 0);
	test_cond("suggest: the closest of two",
	    (b = suggest("usb_mont", n)) && strcmp(b, "usb_mount") == 0);
	test_cond("suggest: short names allow one edit only",
	    suggest("prn", n) == NULL && suggest("pint", n) != NULL);
	test_cond("suggest: nothing close", suggest("zzzzzz", n) == NULL);
	test_cond("suggest: the word itself is not suggested",
	    suggest("print", n) == NULL);
}

/* One option table gives getopt_long's tables and the --help lines. */
static void
test_opt(void)
{
	static const struct irm_opt opts[] = {
	    {'f', "format", "format", "the format (default: jsonl)"},
	    {'h', "help", NULL, "print this help and exit"},
	    {'S', NULL, "dir", "the store (default: none)"},
	    {300, "max-line", "size", "the longest line (default: 16M)"},
	    {0, NULL, NULL, NULL},
	};
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	struct irm_buf b;

	test_cond("opt: tables built",
	    irm_opt_getopt(opts, "+", so, sizeof(so), lo, IRM_OPT_MAX) == 0);
	test_streq("opt: the short options, prefix first", so, "+f:hS:");
	test_cond("opt: long options with a name only",
	    strcmp(lo[0].name, "format") == 0 &&
	        lo[0].has_arg == required_argument && lo[0].val == 'f' &&
	        lo[1].has_arg == no_argument && lo[2].val == 300 &&
	        lo[3].name == NULL);
	test_cond("opt: a table too small is refused",
	    irm_opt_getopt(opts, "", so, 4, lo, IRM_OPT_MAX) == -1 &&
	        irm_opt_getopt(opts, "", so, sizeof(so), lo, 3) == -1);
	irm_buf_init(&b, 4096);
	test_cond("opt: help", irm_opt_help(opts, &b) == 0);
	test_streq("opt: one line per option, descriptions in a column", b.data,
	    "  -f, --format format  the format (default: jsonl)\n"
	    "  -h, --help           print this help and exit\n"
	    "  -S dir               the store (default: none)\n"
	    "      --max-line size  the longest line (default: 16M)\n");
	irm_buf_free(&b);
}

int
main(void)
{
	char cmd[300];

	if (mkdtemp(tmpdir) == NULL)
		return 2;
	test_buf();
	test_num();
	test_input();
	test_str();
	test_sort_distinct();
	test_pseudo();
	test_event();
	test_pseudo_writer();
	test_jread();
	test_csv();
	test_tables();
	test_regex();
	test_opt();
	test_suggest();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	if (system(cmd) != 0)
		return 2;
	test_report();
}
