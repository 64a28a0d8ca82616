/*
 * irm_format.h - alerts (struct irm_alert) in the output formats of
 * irm-alert(5): jsonl, csv, table, html, o365 and ocsf.
 * report_format.c and report_html.c.
 *
 * Two kinds of format.  The streaming ones (jsonl, o365, ocsf) write one
 * record per alert change as it happens, so the last record of an alert
 * is its current state (o365 mirrors Purview's export: "as alert status
 * changes, a new log with the same AlertId is generated").  The document
 * ones (csv, table, html) are written once, at the end of the input: one
 * row or section per alert, in its final state, in queue order
 * (irm_alert_cmp_queue).  Nothing here reads the wall clock, so the same
 * alerts give the same bytes.  Nothing here depends on irm-report: the
 * same calls list alerts from the store.
 */
#ifndef IRM_FORMAT_H
#define IRM_FORMAT_H

#include <stddef.h>

#include "irm.h"
#include "irm_report.h"

enum irm_out {
	IRM_OUT_JSONL,
	IRM_OUT_CSV,
	IRM_OUT_TABLE,
	IRM_OUT_HTML,
	IRM_OUT_O365,
	IRM_OUT_OCSF
};

/* The format named name ("jsonl", "csv", ... in any case), or -1. */
int irm_out_parse(const char *name);

/* The name of f, for messages. */
const char *irm_out_name(enum irm_out f);

/* 1 when f writes a record per change (jsonl, o365, ocsf), else 0. */
int irm_out_streams(enum irm_out f);

/*
 * The tenant's GUID that o365 records carry as OrganizationId (borrowed:
 * it must outlive the writing); NULL puts back the default, the nil GUID.
 * Returns 0, or -1 and changes nothing when guid is not a GUID
 * (8-4-4-4-12 hexadecimal digits).
 */
int irm_out_set_organization(const char *guid);

/*
 * Append one record of a streaming format for al to out: change is
 * "new", "updated" or NULL (a state listing, taken as an update).  A
 * document format appends nothing.  When out's cap is passed, out is
 * freed (irm_buf rules) and the record is lost.
 */
void irm_out_record(enum irm_out f, const struct irm_alert *al,
    const char *change, struct irm_buf *out);

/*
 * Append the whole document for the n alerts v[0..n-1] (already in queue
 * order; borrowed) to out: the csv header and rows, the aligned table
 * (with ANSI colours when color is set), or the html page.  A streaming
 * format appends one record per alert, as a state listing.
 */
void irm_out_report(enum irm_out f, struct irm_alert *const *v, size_t n,
    int color, struct irm_buf *out);

/*
 * irm_out_report with the events behind each alert (x: NULL for none):
 * table lists them after the alerts, html in each alert's section and in
 * each user's timeline; the other formats ignore x.
 */
void irm_out_report_ev(enum irm_out f, struct irm_alert *const *v, size_t n,
    int color, const struct irm_evidence *x, struct irm_buf *out);

/* The html page alone (report_html.c); same rules as irm_out_report. */
void irm_out_html(struct irm_alert *const *v, size_t n, struct irm_buf *out);
void irm_out_html_ev(struct irm_alert *const *v, size_t n,
    const struct irm_evidence *x, struct irm_buf *out);

/*
 * Shared by the formats: "ind:scorexcount;..." of the alert's top
 * insights, appended to out.
 */
void irm_out_top(const struct irm_alert *al, struct irm_buf *out);

/*
 * The per-user view (irm_user_risks, in its order; borrowed) in format
 * f, appended to out: jsonl one record per user (irm-alert(5), USER
 * RISK RECORD), csv and table one row per user, html the alert page
 * with a users section first and a section per alert of the users.  o365
 * and ocsf have no user record: nothing is appended.  report_user.c.
 */
void irm_out_users(enum irm_out f, const struct irm_user_risk *u, size_t n,
    int color, struct irm_buf *out);

/* irm_out_users with the events x (NULL for none) in the html page. */
void irm_out_users_ev(enum irm_out f, const struct irm_user_risk *u, size_t n,
    int color, const struct irm_evidence *x, struct irm_buf *out);

/* The html page of the per-user view (report_html.c), events x or NULL. */
void irm_out_html_users(const struct irm_user_risk *u, size_t n,
    const struct irm_evidence *x, struct irm_buf *out);

/*
 * Shared by the formats.  One csv cell (RFC 4180 quoting, formula
 * injection neutralised), preceded by a comma unless first.
 */
void irm_out_csv_cell(struct irm_buf *out, const char *s, int first);

/*
 * An aligned text table: cells holds 1 + nrows rows of ncols strings,
 * row-major, the header first (borrowed; NULL is empty).  Each cell is
 * cleaned for a terminal and cut at max[col] code points (at least 4);
 * the columns whose bit is set in right (ncols <= 32) are aligned
 * right; two spaces between columns, no trailing blanks.  With sev (the
 * severity 1-3 of each row, NULL for none) the first cell of a high row
 * is red, of a medium row yellow.
 */
void irm_out_table(const char *const *cells, size_t nrows, int ncols,
    const size_t *max, unsigned right, const int *sev, struct irm_buf *out);

#endif /* IRM_FORMAT_H */
