/*
 * irm_num.c - checked parsing of numeric option arguments (the strtonum
 * idiom), so every tool words range errors the same way.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "irm.h"

long long
irm_parse_num(const char *s, long long min, long long max, const char **errstr)
{
	long long v;
	char *end;

	*errstr = NULL;
	errno = 0;
	if (s == NULL || *s == '\0' || isspace((unsigned char)*s)) {
		*errstr = "invalid";
		return 0;
	}
	v = strtoll(s, &end, 10);
	if (*end != '\0') {
		*errstr = "invalid";
		return 0;
	}
	if ((errno == ERANGE && v == LLONG_MIN) || v < min) {
		*errstr = "too small";
		return 0;
	}
	if (errno == ERANGE || v > max) {
		*errstr = "too large";
		return 0;
	}
	return v;
}

long long
irm_parse_size(const char *s, long long min, long long max, const char **errstr)
{
	long long v, mult = 1;
	char *end;

	*errstr = NULL;
	errno = 0;
	if (s == NULL || !isdigit((unsigned char)*s)) {
		*errstr = "invalid";
		return 0;
	}
	v = strtoll(s, &end, 10);
	switch (*end) {
	case 'k':
	case 'K':
		mult = 1LL << 10;
		end++;
		break;
	case 'm':
	case 'M':
		mult = 1LL << 20;
		end++;
		break;
	case 'g':
	case 'G':
		mult = 1LL << 30;
		end++;
		break;
	default:
		break;
	}
	if (*end != '\0') {
		*errstr = "invalid";
		return 0;
	}
	if (errno == ERANGE || v > max / mult) {
		*errstr = "too large";
		return 0;
	}
	v *= mult;
	if (v < min) {
		*errstr = "too small";
		return 0;
	}
	return v;
}
