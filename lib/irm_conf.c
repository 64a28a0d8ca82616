/*
 * irm_conf.c - JSON configuration files (settings and policies) that may
 * hold comments, with the line on which every value starts, and the lint
 * list that reports problems as FILE:LINE: problem.
 *
 * json-c keeps no positions, so after it has parsed the text a small
 * scanner walks the same text along the JSON grammar and records, for
 * every value, its path ("" the root, "a.b", "a.b[2]", "a.b[2].c") and the
 * line it starts on (for an object member, the line of its key).  Comments
 * are blanked out first, byte for byte with newlines kept, so offsets and
 * lines in the blanked text are those of the file.  The scanner follows
 * json-c's lenient default mode: strings may also be single-quoted, and
 * trailing commas and bare words (NaN, True) pass as json-c lets them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"

#define CONF_MAX (16UL * 1024 * 1024)

/* One recorded position: a path and the line its value starts on. */
struct pos {
	char *path;
	unsigned long line;
};

struct irm_conf {
	char *path;
	char *text; /* comment-free text, NUL-terminated */
	size_t len;
	struct json_object *root;
	struct pos *tab; /* open addressing, size a power of two */
	size_t ntab, cap;
};

/* The scanner's state over the comment-free text. */
struct scan {
	struct irm_conf *c;
	const char *s;
	size_t len, i;
	unsigned long line;
};

/* ------------------------------------------------------- position table */

static void
tab_grow(struct irm_conf *c)
{
	struct pos *old = c->tab;
	size_t oldcap = c->cap, i, j;

	c->cap = oldcap ? oldcap * 2 : 64;
	c->tab = irm_xcalloc(c->cap, sizeof(*c->tab));
	for (i = 0; i < oldcap; i++) {
		if (old[i].path == NULL)
			continue;
		j = irm_fnv1a(old[i].path) & (c->cap - 1);
		while (c->tab[j].path != NULL)
			j = (j + 1) & (c->cap - 1);
		c->tab[j] = old[i];
	}
	free(old);
}

/* Record path at line; a later duplicate key wins, as it does in json-c. */
static void
tab_put(struct irm_conf *c, const char *path, unsigned long line)
{
	size_t j;

	if ((c->ntab + 1) * 2 > c->cap)
		tab_grow(c);
	j = irm_fnv1a(path) & (c->cap - 1);
	while (c->tab[j].path != NULL) {
		if (strcmp(c->tab[j].path, path) == 0) {
			c->tab[j].line = line;
			return;
		}
		j = (j + 1) & (c->cap - 1);
	}
	c->tab[j].path = irm_xstrdup(path);
	c->tab[j].line = line;
	c->ntab++;
}

/* ------------------------------------------------------------ the scanner */

static void
skip_ws(struct scan *sc)
{
	while (sc->i < sc->len) {
		char ch = sc->s[sc->i];

		if (ch == '\n')
			sc->line++;
		else if (ch != ' ' && ch != '\t' && ch != '\r')
			break;
		sc->i++;
	}
}

/* Four hex digits at s[i], or -1. */
static long
hex4(const struct scan *sc, size_t i)
{
	long v = 0;
	int k, h;

	if (i + 4 > sc->len)
		return -1;
	for (k = 0; k < 4; k++) {
		if ((h = irm_hexval((unsigned char)sc->s[i + k])) < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static void
put_utf8(struct irm_buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	irm_buf_add(b, u, n);
}

/*
 * Decode a \u escape at s[i] (just past the 'u') into b, joining a
 * surrogate pair as json-c does; returns the index past what was used.
 */
static size_t
scan_uescape(struct scan *sc, size_t i, struct irm_buf *b)
{
	long hi = hex4(sc, i), lo;

	if (hi < 0)
		return i;
	i += 4;
	if (hi >= 0xd800 && hi < 0xdc00 && i + 1 < sc->len &&
	    sc->s[i] == '\\' && sc->s[i + 1] == 'u' &&
	    (lo = hex4(sc, i + 2)) >= 0xdc00 && lo < 0xe000) {
		put_utf8(b,
		    0x10000 + (((unsigned long)hi - 0xd800) << 10) +
		        ((unsigned long)lo - 0xdc00));
		return i + 6;
	}
	put_utf8(b, (unsigned long)hi);
	return i;
}

/*
 * Skip a string starting at the quote under the cursor; when b is not
 * NULL, its unescaped content goes there (for keys).
 */
static void
scan_string(struct scan *sc, struct irm_buf *b)
{
	char q = sc->s[sc->i++], ch;

	while (sc->i < sc->len && (ch = sc->s[sc->i]) != q) {
		if (ch == '\n')
			sc->line++;
		sc->i++;
		if (ch != '\\') {
			if (b != NULL)
				irm_buf_addc(b, ch);
			continue;
		}
		if (sc->i >= sc->len)
			break;
		ch = sc->s[sc->i++];
		if (b == NULL)
			continue;
		switch (ch) {
		case 'b':
			ch = '\b';
			break;
		case 'f':
			ch = '\f';
			break;
		case 'n':
			ch = '\n';
			break;
		case 'r':
			ch = '\r';
			break;
		case 't':
			ch = '\t';
			break;
		case 'u':
			sc->i = scan_uescape(sc, sc->i, b);
			continue;
		}
		irm_buf_addc(b, ch);
	}
	if (sc->i < sc->len)
		sc->i++;
}

static void scan_value(
    struct scan *sc, struct irm_buf *path, unsigned long line, int depth);

/* The value under the cursor at path (see scan_value), path cut back to
 * plen after it, and the separator after that: 1 when a comma says
 * another member or element follows. */
static int
scan_member(struct scan *sc, struct irm_buf *path, size_t plen,
    unsigned long line, int depth)
{
	scan_value(sc, path, line, depth);
	path->len = plen;
	path->data[plen] = '\0';
	skip_ws(sc);
	if (sc->i >= sc->len || sc->s[sc->i] != ',')
		return 0;
	sc->i++;
	return 1;
}

static void
scan_object(struct scan *sc, struct irm_buf *path, int depth)
{
	size_t plen = path->len;
	struct irm_buf key;
	unsigned long line;

	sc->i++;
	irm_buf_init(&key, CONF_MAX);
	for (;;) {
		skip_ws(sc);
		if (sc->i >= sc->len || sc->s[sc->i] == '}')
			break;
		if (sc->s[sc->i] != '"' && sc->s[sc->i] != '\'')
			break;
		line = sc->line;
		irm_buf_reset(&key);
		scan_string(sc, &key);
		path->len = plen;
		if (plen > 0)
			irm_buf_addc(path, '.');
		irm_buf_add(path, key.data ? key.data : "", key.len);
		skip_ws(sc);
		if (sc->i < sc->len && sc->s[sc->i] == ':')
			sc->i++;
		if (!scan_member(sc, path, plen, line, depth + 1))
			break;
	}
	if (sc->i < sc->len)
		sc->i++;
	irm_buf_free(&key);
}

static void
scan_array(struct scan *sc, struct irm_buf *path, int depth)
{
	size_t plen = path->len, n = 0;

	sc->i++;
	for (;;) {
		skip_ws(sc);
		if (sc->i >= sc->len || sc->s[sc->i] == ']')
			break;
		path->len = plen;
		irm_buf_printf(path, "[%zu]", n++);
		if (!scan_member(sc, path, plen, 0, depth + 1))
			break;
	}
	if (sc->i < sc->len)
		sc->i++;
}

/*
 * Record the value under the cursor at path (on line, or on the value's
 * own line when line is 0) and skip it.  json-c has already accepted the
 * text, so the walk needs no error handling; depth only guards the stack.
 */
static void
scan_value(struct scan *sc, struct irm_buf *path, unsigned long line, int depth)
{
	char ch;

	skip_ws(sc);
	if (sc->i >= sc->len || depth > 64)
		return;
	tab_put(sc->c, path->data ? path->data : "", line ? line : sc->line);
	ch = sc->s[sc->i];
	if (ch == '{')
		scan_object(sc, path, depth);
	else if (ch == '[')
		scan_array(sc, path, depth);
	else if (ch == '"' || ch == '\'')
		scan_string(sc, NULL);
	else
		while (sc->i < sc->len &&
		    strchr(",:]} \t\r\n", sc->s[sc->i]) == NULL)
			sc->i++;
}

static void
scan_positions(struct irm_conf *c)
{
	struct scan sc = {c, c->text, c->len, 0, 1};
	struct irm_buf path;

	/* Paths are bounded by the text, which is capped. */
	irm_buf_init(&path, 2 * CONF_MAX);
	irm_buf_adds(&path, "");
	scan_value(&sc, &path, 0, 0);
	irm_buf_free(&path);
}

/* ------------------------------------------------------------- loading */

static unsigned long
line_at(const char *s, size_t off)
{
	unsigned long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/*
 * Blank out comments outside strings, keeping newlines.  Returns 0, or the
 * 1-based offset of an unterminated block comment's start.
 */
static size_t
strip_comments(char *s, size_t len)
{
	size_t i = 0, start;
	char q;

	while (i < len) {
		if (s[i] == '"' || s[i] == '\'') {
			q = s[i++];
			while (i < len && s[i] != q)
				i += s[i] == '\\' ? 2 : 1;
			i++;
		} else if (s[i] == '/' && i + 1 < len && s[i + 1] == '/') {
			while (i < len && s[i] != '\n')
				s[i++] = ' ';
		} else if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
			start = i;
			s[i++] = ' ';
			s[i++] = ' ';
			while (i < len &&
			    !(s[i] == '*' && i + 1 < len && s[i + 1] == '/')) {
				if (s[i] != '\n')
					s[i] = ' ';
				i++;
			}
			if (i >= len)
				return start + 1;
			s[i++] = ' ';
			s[i++] = ' ';
		} else {
			i++;
		}
	}
	return 0;
}

static int
read_file(const char *path, struct irm_buf *b, struct irm_error *e)
{
	char chunk[65536];
	size_t n;
	FILE *fp;
	int rc = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		return irm_seterr(e, "%s: %s", path, strerror(errno));
	irm_buf_init(b, CONF_MAX);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (irm_buf_add(b, chunk, n) == -1) {
			rc = irm_seterr(e, "%s: larger than 16 MiB", path);
			break;
		}
	}
	if (rc == 0 && ferror(fp))
		rc = irm_seterr(e, "%s: %s", path, strerror(errno));
	fclose(fp);
	if (rc == 0 && b->data == NULL)
		irm_buf_adds(b, "");
	if (rc == -1)
		irm_buf_free(b);
	return rc;
}

/* The line of the last byte that is not white space, for end-of-file. */
static unsigned long
last_line(const char *s, size_t len)
{
	while (len > 0 && strchr(" \t\r\n", s[len - 1]) != NULL)
		len--;
	return line_at(s, len > 0 ? len - 1 : 0);
}

static int
parse(struct irm_conf *c, struct irm_error *e)
{
	struct json_tokener *tok = json_tokener_new();
	enum json_tokener_error err;
	size_t end;

	c->root = json_tokener_parse_ex(tok, c->text, (int)c->len);
	err = json_tokener_get_error(tok);
	if (err == json_tokener_continue && c->root == NULL) {
		/* A bare number at the very end needs a terminator. */
		c->root = json_tokener_parse_ex(tok, " ", 1);
		err = json_tokener_get_error(tok);
		if (err == json_tokener_continue) {
			json_tokener_free(tok);
			return irm_seterr(e, "%s:%lu: unexpected end of file",
			    c->path, last_line(c->text, c->len));
		}
		end = c->len;
	} else {
		end = json_tokener_get_parse_end(tok);
	}
	json_tokener_free(tok);
	if (err != json_tokener_success)
		return irm_seterr(e, "%s:%lu: %s", c->path,
		    line_at(c->text, end < c->len ? end : c->len),
		    json_tokener_error_desc(err));
	while (end < c->len && strchr(" \t\r\n", c->text[end]) != NULL)
		end++;
	if (end < c->len)
		return irm_seterr(e, "%s:%lu: unexpected text after the value",
		    c->path, line_at(c->text, end));
	return 0;
}

/*
 * Read and parse a configuration file: at most 16 MiB, an optional UTF-8
 * byte order mark, comments, one JSON value and white space.  Returns the
 * file (owned: irm_conf_free) or NULL with e holding "FILE:LINE: reason"
 * (syntax errors, an unterminated comment, a NUL byte) or "FILE: reason"
 * (unreadable or too large).
 */
struct irm_conf *
irm_conf_load(const char *path, struct irm_error *e)
{
	struct irm_conf *c;
	struct irm_buf b;
	size_t bad;
	char *nul;

	if (read_file(path, &b, e) == -1)
		return NULL;
	c = irm_xcalloc(1, sizeof(*c));
	c->path = irm_xstrdup(path);
	c->len = b.len;
	c->text = irm_buf_take(&b);
	if (c->len >= 3 && memcmp(c->text, "\xef\xbb\xbf", 3) == 0)
		memset(c->text, ' ', 3);
	if ((nul = memchr(c->text, '\0', c->len)) != NULL) {
		irm_seterr(e, "%s:%lu: NUL byte", path,
		    line_at(c->text, (size_t)(nul - c->text)));
		goto fail;
	}
	if ((bad = strip_comments(c->text, c->len)) != 0) {
		irm_seterr(e, "%s:%lu: unterminated comment", path,
		    line_at(c->text, bad - 1));
		goto fail;
	}
	if (parse(c, e) == -1)
		goto fail;
	scan_positions(c);
	return c;
fail:
	irm_conf_free(c);
	return NULL;
}

void
irm_conf_free(struct irm_conf *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->cap; i++)
		free(c->tab[i].path);
	free(c->tab);
	json_object_put(c->root);
	free(c->text);
	free(c->path);
	free(c);
}

/* The root value (borrowed, lives as long as c). */
struct json_object *
irm_conf_root(const struct irm_conf *c)
{
	return c ? c->root : NULL;
}

/* The file name as given to irm_conf_load (borrowed). */
const char *
irm_conf_path(const struct irm_conf *c)
{
	return c ? c->path : NULL;
}

/*
 * The line on which the value at path starts, the key's line for a
 * member, or 0 when the path is unknown.  Keys in paths are unescaped
 * (the key as json-c gives it), joined with '.', and array elements are
 * "[N]" from 0.
 */
unsigned long
irm_conf_line(const struct irm_conf *c, const char *path)
{
	size_t j;

	if (c == NULL || path == NULL || c->cap == 0)
		return 0;
	j = irm_fnv1a(path) & (c->cap - 1);
	while (c->tab[j].path != NULL) {
		if (strcmp(c->tab[j].path, path) == 0)
			return c->tab[j].line;
		j = (j + 1) & (c->cap - 1);
	}
	return 0;
}

/*
 * Resolve name, as written in the file, against the file's directory;
 * absolute names stay.  Returns an owned string: free().
 */
char *
irm_conf_relpath(const struct irm_conf *c, const char *name)
{
	const char *slash;
	struct irm_buf b;

	if (name[0] == '/' || c == NULL ||
	    (slash = strrchr(c->path, '/')) == NULL)
		return irm_xstrdup(name);
	irm_buf_init(&b, (size_t)-1 / 2);
	if (irm_buf_add(&b, c->path, (size_t)(slash - c->path) + 1) == -1 ||
	    irm_buf_adds(&b, name) == -1)
		return irm_xstrdup(name);
	return irm_buf_take(&b);
}

/* ----------------------------------------------------------------- lint */

/*
 * Append "FILE:LINE: problem" for the value at path of c, or "FILE:
 * problem" when its line is unknown (path NULL or not in the file).  With
 * c NULL the problem is added as it is, for messages that already carry
 * their place (irm_conf_load's errors).
 */
void
irm_lint_add(struct irm_lint *l, const struct irm_conf *c, const char *path,
    const char *fmt, ...)
{
	unsigned long line = irm_conf_line(c, path);
	struct irm_buf b;
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	msg = irm_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	irm_buf_init(&b, (size_t)-1 / 2);
	if (c != NULL && line > 0)
		irm_buf_printf(&b, "%s:%lu: ", c->path, line);
	else if (c != NULL)
		irm_buf_printf(&b, "%s: ", c->path);
	irm_buf_adds(&b, msg);
	free(msg);
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->msg = irm_xrealloc(l->msg, l->cap * sizeof(*l->msg));
	}
	l->msg[l->n++] = b.data ? irm_buf_take(&b) : irm_xstrdup("");
}

void
irm_lint_free(struct irm_lint *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->msg[i]);
	free(l->msg);
	l->msg = NULL;
	l->n = l->cap = 0;
}
