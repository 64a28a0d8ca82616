/*
 * score_fastev.c - irm-score's reader of an ordinary irm-event(5) line
 * without json-c: a validating parser of strict RFC 8259 JSON that fills
 * struct irm_ev exactly as irm_ev_parse fills it from json-c's object,
 * with the strings unescaped in place in a scratch copy of the line.
 *
 * It gives up (returns 1) on anything where json-c's answer is not
 * plainly the same: a syntax error, nesting near json-c's depth limit, a
 * number or boolean where irm_json_text would format one, "\u0000", a
 * lone surrogate, a key it reads given twice in one object, a top-level
 * "value" (irm_jread hands such objects out as pages), or an event
 * irm_ev_parse rejects.  The caller then parses the line with json-c,
 * which gives the usual event or the usual message.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"

/* json-c's default depth is 32 containers; stay clear of it. */
#define MAXDEPTH 30

/* What a key's value becomes. */
enum kind {
	K_SKIP, /* validated, not read */
	K_OBJ,  /* an object with its own table (anything else: absent) */
	K_STR,  /* irm_json_text: a non-empty string, else NULL */
	K_INT,  /* irm_json_int */
	K_NUM,  /* irm.value: a number, else NAN */
	K_FROM, /* email.from.address: a string or an array's first */
	K_LIST, /* irm_json_strv_add */
	K_BAIL  /* give the line to json-c */
};

/* The strings read, by slot. */
enum {
	S_TS,
	S_ID,
	S_ACTION,
	S_OUTCOME,
	S_USER,
	S_TARGET,
	S_ACTIVITY,
	S_IRM_SEV,
	S_LABEL,
	S_LABEL_OLD,
	S_LABEL_CHANGE,
	S_SHARE_SCOPE,
	S_SHARE_TARGET,
	S_ASSET,
	S_CATEGORY,
	S_ALERT_CAT,
	S_INDICATOR,
	S_HR_RESIGN,
	S_HR_LAST,
	S_HR_EFFECTIVE,
	S_HR_RATING,
	S_HR_OLD,
	S_HR_NEW,
	S_RULE_FOLDER,
	S_IRM_PREV,
	S_FILE_NAME,
	S_FILE_EXT,
	S_FILE_DIR,
	S_FILE_PATH,
	S_FILE_PREV,
	S_URL_FULL,
	S_URL_DOMAIN,
	S_DEST_DOMAIN,
	S_SUBJECT,
	S_FROM,
	S_SOURCE_IP,
	S_UA_ORIGINAL,
	S_UA_NAME,
	S_HOST_NAME,
	S_RULE_NAME,
	NSLOT
};

/* Lists and numbers, by slot. */
enum { L_LABELS, L_ACTIONS, L_TO, L_CC, L_BCC, NLIST };
enum { N_SEVERITY, N_ATTACHMENTS };

struct field {
	const char *key;
	unsigned char kind;
	unsigned char slot;
	const struct field *sub; /* K_OBJ */
};

#define STR(k, s)                                                              \
	{                                                                      \
		k, K_STR, s, NULL                                              \
	}
#define OBJ(k, t)                                                              \
	{                                                                      \
		k, K_OBJ, 0, t                                                 \
	}

static const struct field f_event[] = {STR("id", S_ID), STR("action", S_ACTION),
    STR("outcome", S_OUTCOME), {"severity", K_INT, N_SEVERITY, NULL},
    {NULL, 0, 0, NULL}};
static const struct field f_target[] = {
    STR("name", S_TARGET), {NULL, 0, 0, NULL}};
static const struct field f_user[] = {
    STR("name", S_USER), OBJ("target", f_target), {NULL, 0, 0, NULL}};
static const struct field f_share[] = {STR("scope", S_SHARE_SCOPE),
    STR("target", S_SHARE_TARGET), {NULL, 0, 0, NULL}};
static const struct field f_hr[] = {STR("resignation_date", S_HR_RESIGN),
    STR("last_working_date", S_HR_LAST), STR("effective_date", S_HR_EFFECTIVE),
    STR("rating", S_HR_RATING), STR("old_level", S_HR_OLD),
    STR("new_level", S_HR_NEW), {NULL, 0, 0, NULL}};
static const struct field f_rule_irm[] = {STR("folder", S_RULE_FOLDER),
    {"actions", K_LIST, L_ACTIONS, NULL}, {NULL, 0, 0, NULL}};
static const struct field f_irm_file[] = {
    STR("previous_name", S_IRM_PREV), {NULL, 0, 0, NULL}};
static const struct field f_irm[] = {STR("activity", S_ACTIVITY),
    STR("severity", S_IRM_SEV), STR("label", S_LABEL),
    {"labels", K_LIST, L_LABELS, NULL}, STR("label_old", S_LABEL_OLD),
    STR("label_change", S_LABEL_CHANGE), OBJ("share", f_share),
    STR("asset", S_ASSET), STR("category", S_CATEGORY),
    STR("alert_category", S_ALERT_CAT), STR("indicator", S_INDICATOR),
    {"value", K_NUM, 0, NULL}, {"attachments", K_INT, N_ATTACHMENTS, NULL},
    OBJ("hr", f_hr), OBJ("mail_rule", f_rule_irm), OBJ("file", f_irm_file),
    {NULL, 0, 0, NULL}};
static const struct field f_file[] = {STR("name", S_FILE_NAME),
    STR("extension", S_FILE_EXT), STR("directory", S_FILE_DIR),
    STR("path", S_FILE_PATH), STR("previous_name", S_FILE_PREV),
    {NULL, 0, 0, NULL}};
static const struct field f_url[] = {
    STR("full", S_URL_FULL), STR("domain", S_URL_DOMAIN), {NULL, 0, 0, NULL}};
static const struct field f_dest[] = {
    STR("domain", S_DEST_DOMAIN), {NULL, 0, 0, NULL}};
static const struct field f_from[] = {
    {"address", K_FROM, S_FROM, NULL}, {NULL, 0, 0, NULL}};
static const struct field f_to[] = {
    {"address", K_LIST, L_TO, NULL}, {NULL, 0, 0, NULL}};
static const struct field f_cc[] = {
    {"address", K_LIST, L_CC, NULL}, {NULL, 0, 0, NULL}};
static const struct field f_bcc[] = {
    {"address", K_LIST, L_BCC, NULL}, {NULL, 0, 0, NULL}};
static const struct field f_email[] = {STR("subject", S_SUBJECT),
    OBJ("from", f_from), OBJ("to", f_to), OBJ("cc", f_cc), OBJ("bcc", f_bcc),
    {NULL, 0, 0, NULL}};
static const struct field f_source[] = {
    STR("ip", S_SOURCE_IP), {NULL, 0, 0, NULL}};
static const struct field f_agent[] = {
    STR("original", S_UA_ORIGINAL), STR("name", S_UA_NAME), {NULL, 0, 0, NULL}};
static const struct field f_host[] = {
    STR("name", S_HOST_NAME), {NULL, 0, 0, NULL}};
static const struct field f_rule[] = {
    STR("name", S_RULE_NAME), {NULL, 0, 0, NULL}};
static const struct field f_top[] = {STR("@timestamp", S_TS),
    OBJ("event", f_event), OBJ("user", f_user), OBJ("irm", f_irm),
    OBJ("file", f_file), OBJ("url", f_url), OBJ("destination", f_dest),
    OBJ("email", f_email), OBJ("source", f_source), OBJ("user_agent", f_agent),
    OBJ("host", f_host), OBJ("rule", f_rule), {"value", K_BAIL, 0, NULL},
    {NULL, 0, 0, NULL}};

/* One line being read. */
struct fp {
	char *p, *end; /* the scratch copy, NUL at end */
	int depth;
	const char *s[NSLOT];
	struct irm_strv *list[NLIST];
	long long num[2];
	int has_num[2];
	double value;
};

/* The kinds of value, as found. */
enum { T_STR, T_NUM, T_TRUE, T_FALSE, T_NULL, T_OBJ, T_ARR };

/* A number as found: its text and whether it is a plain integer. */
struct numtok {
	const char *s;
	size_t len;
	int integer;
	long long v; /* when integer and 18 digits or fewer */
	int small;
};

static int value(struct fp *f, const struct field *fd, int *type, char **str,
    struct numtok *num);

static void
ws(struct fp *f)
{
	while (*f->p == ' ' || *f->p == '\t' || *f->p == '\n' || *f->p == '\r')
		f->p++;
}

static int
hex4(const char *s, unsigned *cp)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*cp = v;
	return 0;
}

/* The bytes a string holds as they are: printable ASCII but '"' and
 * '\\' (the line's terminating NUL is not one, so a scan stops there). */
/* clang-format off */
static const unsigned char plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

/* The length of the strictly valid UTF-8 sequence at s (lead >= 0x80),
 * or 0. */
static size_t
utf8_len(const unsigned char *s)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

static char *
put_utf8(char *w, unsigned cp)
{
	if (cp < 0x80) {
		*w++ = (char)cp;
	} else if (cp < 0x800) {
		*w++ = (char)(0xc0 | (cp >> 6));
		*w++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*w++ = (char)(0xe0 | (cp >> 12));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*w++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*w++ = (char)(0xf0 | (cp >> 18));
		*w++ = (char)(0x80 | ((cp >> 12) & 0x3f));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*w++ = (char)(0x80 | (cp & 0x3f));
	}
	return w;
}

/*
 * The string whose opening quote f->p is past: unescaped in place and
 * NUL-terminated, *out its start.  -1 for anything strict JSON refuses
 * and for what json-c reads differently (\u0000, lone surrogates).
 */
static int
string(struct fp *f, char **out)
{
	unsigned char *p = (unsigned char *)f->p, *w;
	unsigned cp, lo;
	size_t n;

	*out = f->p;
	/* The common case: nothing to unescape, four bytes a step. */
	while (plain[p[0]] && plain[p[1]] && plain[p[2]] && plain[p[3]])
		p += 4;
	while (plain[*p])
		p++;
	w = p;
	for (;;) {
		if (*p == '"')
			break;
		if (*p < 0x20)
			return -1; /* a control character, or the end */
		if (*p >= 0x80) {
			if ((n = utf8_len(p)) == 0)
				return -1;
			if (w != p)
				memmove(w, p, n);
			w += n, p += n;
			continue;
		}
		if (*p != '\\') {
			*w++ = *p++;
			continue;
		}
		switch (p[1]) {
		case '"':
		case '\\':
		case '/':
			*w++ = p[1];
			break;
		case 'b':
			*w++ = '\b';
			break;
		case 'f':
			*w++ = '\f';
			break;
		case 'n':
			*w++ = '\n';
			break;
		case 'r':
			*w++ = '\r';
			break;
		case 't':
			*w++ = '\t';
			break;
		case 'u':
			if (hex4((char *)p + 2, &cp) == -1 || cp == 0 ||
			    (cp >= 0xdc00 && cp <= 0xdfff))
				return -1;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (p[6] != '\\' || p[7] != 'u' ||
				    hex4((char *)p + 8, &lo) == -1 ||
				    lo < 0xdc00 || lo > 0xdfff)
					return -1;
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				p += 6;
			}
			w = (unsigned char *)put_utf8((char *)w, cp);
			p += 6;
			continue;
		default:
			return -1;
		}
		p += 2;
	}
	*w = '\0';
	f->p = (char *)p + 1;
	return 0;
}

static int
number(struct fp *f, struct numtok *num)
{
	const char *p = f->p;
	long long v = 0;
	int digits = 0, neg = 0;

	num->s = p;
	num->integer = 1;
	if (*p == '-')
		neg = 1, p++;
	if (*p == '0') {
		p++;
		digits = 1;
	} else if (*p >= '1' && *p <= '9') {
		while (*p >= '0' && *p <= '9') {
			if (++digits <= 18)
				v = v * 10 + (*p - '0');
			p++;
		}
	} else
		return -1;
	if (*p == '.') {
		num->integer = 0;
		if (*++p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		num->integer = 0;
		if (*++p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	num->len = (size_t)(p - num->s);
	num->small = num->integer && digits <= 18;
	num->v = neg ? -v : v;
	f->p = (char *)p;
	return 0;
}

static int
literal(struct fp *f, const char *word, size_t n)
{
	if (strncmp(f->p, word, n) != 0)
		return -1;
	f->p += n;
	return 0;
}

/* The member of table t named key, or NULL. */
static const struct field *
lookup(const struct field *t, const char *key, int *idx)
{
	int i;

	for (i = 0; t[i].key; i++)
		if (t[i].key[0] == key[0] && strcmp(t[i].key, key) == 0) {
			*idx = i;
			return &t[i];
		}
	return NULL;
}

/* Apply the value just read for fd. */
static int
apply(struct fp *f, const struct field *fd, int type, char *str,
    const struct numtok *num)
{
	const char *errstr;
	char buf[64];
	long long v;
	double d;

	switch (fd->kind) {
	case K_STR:
		if (type == T_NUM || type == T_TRUE || type == T_FALSE)
			return -1; /* irm_json_text would format it */
		f->s[fd->slot] = type == T_STR && *str ? str : NULL;
		return 0;
	case K_FROM:
		if (type == T_STR)
			f->s[fd->slot] = str;
		return 0;
	case K_INT:
		if (type == T_STR) {
			v = irm_parse_num(
			    str, LLONG_MIN / 2, LLONG_MAX / 2, &errstr);
			if (errstr == NULL) {
				f->num[fd->slot] = v;
				f->has_num[fd->slot] = 1;
			}
		} else if (type == T_NUM) {
			if (!num->small)
				return -1;
			f->num[fd->slot] = num->v;
			f->has_num[fd->slot] = 1;
		}
		return 0;
	case K_NUM:
		if (type != T_NUM)
			return 0;
		if (num->small) {
			f->value = (double)num->v;
			return 0;
		}
		if (num->integer || num->len >= sizeof(buf))
			return -1;
		memcpy(buf, num->s, num->len);
		buf[num->len] = '\0';
		errno = 0;
		d = strtod(buf, NULL);
		if (errno != 0 || !isfinite(d))
			return -1;
		f->value = d;
		return 0;
	case K_BAIL:
		return -1;
	default:
		return 0;
	}
}

/* Just inside a container: 1 when it closes at once with close (eaten),
 * else 0 with f->p at the first member. */
static int
first_in(struct fp *f, char close)
{
	ws(f);
	if (*f->p != close)
		return 0;
	f->p++;
	return 1;
}

/* After a member: 1 at close (eaten), 0 past a comma, -1 otherwise. */
static int
next_in(struct fp *f, char close)
{
	ws(f);
	if (*f->p == close) {
		f->p++;
		return 1;
	}
	if (*f->p++ != ',')
		return -1;
	ws(f);
	return 0;
}

/* An array whose '[' f->p is past; the elements of a K_LIST go to its
 * list, the first of a K_FROM to its slot. */
static int
array(struct fp *f, const struct field *fd)
{
	struct numtok num;
	char *str;
	int type, rc, first = 1;

	if (first_in(f, ']'))
		return 0;
	for (;;) {
		if (value(f, NULL, &type, &str, &num) == -1)
			return -1;
		if (fd && fd->kind == K_LIST) {
			if (type == T_NUM || type == T_TRUE || type == T_FALSE)
				return -1;
			if (type == T_STR && *str)
				irm_strv_add(f->list[fd->slot], str);
		} else if (fd && fd->kind == K_FROM && first) {
			f->s[fd->slot] = type == T_STR ? str : NULL;
		}
		first = 0;
		if ((rc = next_in(f, ']')) != 0)
			return rc == 1 ? 0 : -1;
	}
}

/* An object whose '{' f->p is past, read by table t (NULL: skipped). */
static int
object(struct fp *f, const struct field *t)
{
	const struct field *fd;
	struct numtok num;
	unsigned long long seen = 0;
	char *key, *str;
	int type, idx, rc;

	if (first_in(f, '}'))
		return 0;
	for (;;) {
		if (*f->p++ != '"' || string(f, &key) == -1)
			return -1;
		ws(f);
		if (*f->p++ != ':')
			return -1;
		ws(f);
		fd = t ? lookup(t, key, &idx) : NULL;
		if (fd) {
			/* json-c keeps the last; reading the first is wrong. */
			if (seen & (1ULL << idx))
				return -1;
			seen |= 1ULL << idx;
		}
		if (value(f, fd, &type, &str, &num) == -1)
			return -1;
		if (fd && apply(f, fd, type, str, &num) == -1)
			return -1;
		if ((rc = next_in(f, '}')) != 0)
			return rc == 1 ? 0 : -1;
	}
}

/*
 * A value at f->p (no blanks before it).  *type says what it was; *str
 * is a string's text, *num a number's.  A container is read by fd (an
 * object by fd's table when fd is K_OBJ, an array for K_LIST and K_FROM).
 */
static int
value(struct fp *f, const struct field *fd, int *type, char **str,
    struct numtok *num)
{
	int rc;

	switch (*f->p) {
	case '"':
		*type = T_STR;
		f->p++;
		return string(f, str);
	case '{':
	case '[':
		if (++f->depth > MAXDEPTH)
			return -1;
		*type = *f->p == '{' ? T_OBJ : T_ARR;
		f->p++;
		if (*type == T_OBJ)
			rc =
			    object(f, fd && fd->kind == K_OBJ ? fd->sub : NULL);
		else
			rc = array(f, fd);
		f->depth--;
		return rc;
	case 't':
		*type = T_TRUE;
		return literal(f, "true", 4);
	case 'f':
		*type = T_FALSE;
		return literal(f, "false", 5);
	case 'n':
		*type = T_NULL;
		return literal(f, "null", 4);
	default:
		*type = T_NUM;
		return number(f, num);
	}
}

static void
reset(struct irm_ev *ev)
{
	struct irm_strv keep[3] = {ev->labels, ev->email_to, ev->rule_actions};

	memset(ev, 0, sizeof(*ev));
	ev->labels = keep[0];
	ev->email_to = keep[1];
	ev->rule_actions = keep[2];
	ev->labels.n = ev->email_to.n = ev->rule_actions.n = 0;
	ev->value = NAN;
	ev->attachments = -1;
}

static void
append(struct irm_strv *to, const struct irm_strv *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		irm_strv_add(to, from->v[i]);
}

/* The fields of ev from the slots of a line read whole. */
static int
fill(struct fp *f, struct irm_ev *ev, struct irm_evfast *fs)
{
	const char *const *s = f->s;
	struct irm_error te;
	int flags = IRM_TIME_UTC;

	if (s[S_TS] == NULL || s[S_ID] == NULL || s[S_USER] == NULL ||
	    s[S_ACTIVITY] == NULL ||
	    strnlen(s[S_USER], IRM_IDENT_MAX + 1) > IRM_IDENT_MAX ||
	    irm_time_parse(s[S_TS], strlen(s[S_TS]), &flags, &ev->ts, &te) ==
	        -1)
		return -1;
	ev->day = ev->ts >= 0 ? ev->ts / 86400000
	                      : -((-ev->ts + 86399999) / 86400000);
	ev->id = s[S_ID];
	ev->user = s[S_USER];
	ev->target_user = s[S_TARGET];
	ev->activity = s[S_ACTIVITY];
	ev->action = s[S_ACTION];
	ev->outcome = s[S_OUTCOME];
	if (f->has_num[N_SEVERITY])
		ev->severity = (int)f->num[N_SEVERITY];
	ev->irm_severity = s[S_IRM_SEV];
	ev->label = s[S_LABEL];
	ev->label_old = s[S_LABEL_OLD];
	ev->label_change = s[S_LABEL_CHANGE];
	ev->share_scope = s[S_SHARE_SCOPE];
	ev->share_target = s[S_SHARE_TARGET];
	ev->asset = s[S_ASSET];
	ev->category = s[S_CATEGORY];
	ev->alert_category = s[S_ALERT_CAT];
	ev->indicator = s[S_INDICATOR];
	ev->value = f->value;
	if (f->has_num[N_ATTACHMENTS])
		ev->attachments = f->num[N_ATTACHMENTS];
	ev->file_name = s[S_FILE_NAME];
	ev->file_ext = s[S_FILE_EXT];
	ev->file_dir = s[S_FILE_DIR];
	ev->file_path = s[S_FILE_PATH];
	ev->file_prev = s[S_IRM_PREV] ? s[S_IRM_PREV] : s[S_FILE_PREV];
	ev->url_full = s[S_URL_FULL];
	ev->url_domain = s[S_URL_DOMAIN];
	ev->dest_domain = s[S_DEST_DOMAIN];
	ev->email_subject = s[S_SUBJECT];
	ev->email_from = s[S_FROM];
	append(&ev->email_to, &fs->to);
	append(&ev->email_to, &fs->cc);
	append(&ev->email_to, &fs->bcc);
	ev->hr_resignation_date = s[S_HR_RESIGN];
	ev->hr_last_working_date = s[S_HR_LAST];
	ev->hr_effective_date = s[S_HR_EFFECTIVE];
	ev->hr_rating = s[S_HR_RATING];
	ev->hr_old_level = s[S_HR_OLD];
	ev->hr_new_level = s[S_HR_NEW];
	ev->source_ip = s[S_SOURCE_IP];
	ev->user_agent = s[S_UA_ORIGINAL] ? s[S_UA_ORIGINAL] : s[S_UA_NAME];
	ev->host_name = s[S_HOST_NAME];
	ev->rule_name = s[S_RULE_NAME];
	ev->rule_folder = s[S_RULE_FOLDER];
	return 0;
}

int
irm_ev_fast(
    const char *line, size_t len, struct irm_ev *ev, struct irm_evfast *fs)
{
	struct fp f;

	reset(ev);
	fs->to.n = fs->cc.n = fs->bcc.n = 0;
	if (len + 1 > fs->cap) {
		fs->cap = len + 1 > 4096 ? len + 1 : 4096;
		free(fs->buf);
		fs->buf = irm_xmalloc(fs->cap);
	}
	memcpy(fs->buf, line, len);
	fs->buf[len] = '\0';
	memset(&f, 0, sizeof(f));
	f.p = fs->buf;
	f.end = fs->buf + len;
	f.value = NAN;
	f.list[L_LABELS] = &ev->labels;
	f.list[L_ACTIONS] = &ev->rule_actions;
	f.list[L_TO] = &fs->to;
	f.list[L_CC] = &fs->cc;
	f.list[L_BCC] = &fs->bcc;
	ws(&f);
	if (*f.p != '{')
		return 1;
	f.p++;
	f.depth = 1;
	if (object(&f, f_top) == -1)
		return 1;
	ws(&f);
	if (f.p != f.end || fill(&f, ev, fs) == -1)
		return 1;
	fs->fast++;
	return 0;
}

void
irm_evfast_free(struct irm_evfast *fs)
{
	if (fs == NULL)
		return;
	free(fs->buf);
	free(fs->to.v);
	free(fs->cc.v);
	free(fs->bcc.v);
	memset(fs, 0, sizeof(*fs));
}
