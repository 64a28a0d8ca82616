/*
 * irm_csv.h - a CSV record reader over libcsv (RFC 4180 quoting, LF or
 * CRLF, an optional UTF-8 BOM) that tracks the line each row starts on
 * and keeps the row's raw text for --reject.
 */
#ifndef IRM_CSV_H
#define IRM_CSV_H

#include "irm.h"

/* One CSV row; fields are NUL-terminated and borrowed. */
struct irm_row {
	size_t n;
	char **f;
	const char *raw; /* the row's text as read, without final newline */
	size_t rawlen;
	unsigned long line; /* where the row starts */
};

struct irm_csvread;

/* Owned: free with irm_csvread_free. */
struct irm_csvread *irm_csvread_new(struct irm_input *in);
void irm_csvread_free(struct irm_csvread *r);

/* Start on the file just opened in the input. */
void irm_csvread_reset(struct irm_csvread *r);

enum { IRM_CSV_ROW = 1, IRM_CSV_EOF = 0, IRM_CSV_BAD = -1, IRM_CSV_FATAL = -2 };

/*
 * Read the next row into *row (fields and raw text borrowed until the next
 * call).  IRM_CSV_BAD fills row->raw, row->line and e for a row that is
 * rejected (invalid UTF-8, a NUL byte, an unterminated quote, an overlong
 * line); reading goes on after it.  An unterminated quote is found at the
 * end of the file or when the open row passes the line cap; the lines
 * after the row's first are then read again as rows of their own.
 */
int irm_csvread_next(
    struct irm_csvread *r, struct irm_row *row, struct irm_error *e);

#endif /* IRM_CSV_H */
