/*
 * irm_regex.c - what a regular expression from the settings may use.
 * glibc's regcomp and regexec backtrack on back-references (minutes for
 * (a*)*\1\1x against 160 characters), expand counted repetition into
 * copies (20 GB to compile four nested {1,100}), and take time growing
 * with the square of the text.  So a pattern is checked before regcomp:
 * no back-reference, no counted repetition inside another, at most
 * IRM_REGEX_MAX_SIZE atoms once counted repetition is expanded; and
 * the text matched is cut at IRM_REGEX_MAX_TEXT bytes.  A linear-time
 * matcher (RE2) is not available to build against here.
 */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "irm.h"
#include "irm_regex.h"

#define MAX_DEPTH 32

/* One level of parentheses: its size so far, and its last atom. */
struct level {
	unsigned long size;
	unsigned long last; /* size of the last atom, 0 when none */
	int last_counted;   /* the last atom holds counted repetition */
	int counted;        /* the level holds counted repetition */
};

/* The end of the bracket expression starting at p ('['), or NULL. */
static const char *
bracket_end(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p && *p != ']'; p++) {
		if (*p == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.')) {
			char c = p[1];

			for (p += 2; *p && !(*p == c && p[1] == ']'); p++)
				;
			if (*p == '\0')
				return NULL;
			p++;
		}
	}
	return *p ? p : NULL;
}

/* Parse {m}, {m,} or {m,n} at p: the end, the multiplier, or NULL. */
static const char *
bound(const char *p, unsigned long *mult)
{
	unsigned long m = 0, n;
	const char *q = p + 1;

	if (!isdigit((unsigned char)*q))
		return NULL;
	while (isdigit((unsigned char)*q) && m < 100000)
		m = m * 10 + (unsigned long)(*q++ - '0');
	n = m;
	if (*q == ',') {
		q++;
		if (isdigit((unsigned char)*q)) {
			n = 0;
			while (isdigit((unsigned char)*q) && n < 100000)
				n = n * 10 + (unsigned long)(*q++ - '0');
		} else {
			n = m + 1;
		}
	}
	if (*q != '}')
		return NULL;
	*mult = n > m ? n : m;
	if (*mult == 0)
		*mult = 1;
	return q;
}

static void
atom(struct level *l, unsigned long size, int counted)
{
	l->size += size;
	l->last = size;
	l->last_counted = counted;
	l->counted |= counted;
}

int
irm_regex_check(const char *re, char *why, size_t len)
{
	struct level lv[MAX_DEPTH];
	const char *p, *q;
	unsigned long mult;
	int d = 0;

	memset(&lv[0], 0, sizeof(lv[0]));
	for (p = re; *p; p++) {
		struct level *l = &lv[d];

		switch (*p) {
		case '\\':
			if (p[1] >= '1' && p[1] <= '9') {
				snprintf(why, len, "back-reference \\%c", p[1]);
				return -1;
			}
			if (p[1])
				p++;
			atom(l, 1, 0);
			break;
		case '[':
			if ((q = bracket_end(p)) == NULL)
				return 0; /* regcomp says what is wrong */
			p = q;
			atom(l, 1, 0);
			break;
		case '(':
			if (d + 1 == MAX_DEPTH) {
				snprintf(why, len,
				    "parentheses nested more than %d deep",
				    MAX_DEPTH - 1);
				return -1;
			}
			memset(&lv[++d], 0, sizeof(lv[0]));
			break;
		case ')':
			if (d == 0) {
				atom(l, 1, 0);
				break;
			}
			d--;
			atom(&lv[d], l->size + 1, l->counted);
			break;
		case '|':
			l->size++;
			l->last = 0;
			break;
		case '*':
		case '+':
		case '?':
			l->size++;
			break;
		case '{':
			if ((q = bound(p, &mult)) == NULL || l->last == 0) {
				atom(l, 1, 0);
				break;
			}
			if (l->last_counted) {
				snprintf(why, len,
				    "counted repetition {} of a group that holds one");
				return -1;
			}
			if (mult > IRM_REGEX_MAX_SIZE) {
				snprintf(why, len, "repetition count above %d",
				    IRM_REGEX_MAX_SIZE);
				return -1;
			}
			l->size += l->last * (mult - 1);
			l->last *= mult;
			l->last_counted = l->counted = 1;
			p = q;
			break;
		default:
			atom(l, 1, 0);
		}
		if (lv[d].size > IRM_REGEX_MAX_SIZE) {
			snprintf(why, len,
			    "more than %d atoms once {} repetition is expanded",
			    IRM_REGEX_MAX_SIZE);
			return -1;
		}
	}
	return 0;
}

int
irm_regex_match(const regex_t *re, const char *text)
{
	char cut[IRM_REGEX_MAX_TEXT + 1];
	size_t n = strlen(text);

	if (n > IRM_REGEX_MAX_TEXT) {
		memcpy(cut, text, IRM_REGEX_MAX_TEXT);
		cut[IRM_REGEX_MAX_TEXT] = '\0';
		text = cut;
	}
	return regexec(re, text, 0, NULL, 0) == 0;
}
