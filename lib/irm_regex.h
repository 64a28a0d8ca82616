/*
 * irm_regex.h - regular expressions from the settings, bounded in time
 * and memory (irm_regex.c).
 */
#ifndef IRM_REGEX_H
#define IRM_REGEX_H

#include <regex.h>
#include <stddef.h>

/* The most atoms a pattern may hold once {} repetition is expanded. */
#define IRM_REGEX_MAX_SIZE 1000
/* The most bytes of a text that irm_regex_match looks at. */
#define IRM_REGEX_MAX_TEXT 1024

/*
 * May the POSIX extended regular expression re be compiled?  It may not
 * hold a back-reference (\1 to \9), counted repetition ({m,n}) of
 * something that already holds counted repetition, more than
 * IRM_REGEX_MAX_SIZE atoms once counted repetition is expanded, or
 * parentheses nested 32 deep.  Returns 0, or -1 with the reason in why
 * (len bytes).  Syntax errors are left to regcomp.
 */
int irm_regex_check(const char *re, char *why, size_t len);

/*
 * Does re (compiled with REG_NOSUB) match text?  Only the first
 * IRM_REGEX_MAX_TEXT bytes of text are looked at, so that regexec's time,
 * which grows faster than the text, stays bounded.  Returns 1 or 0.
 */
int irm_regex_match(const regex_t *re, const char *text);

#endif
