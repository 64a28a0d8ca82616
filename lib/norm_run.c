/*
 * norm_run.c - irm-norm's reading loop: files in, records mapped to
 * events, events and rejects out through a sink (irm_norm.h).  It lives
 * here so the fuzz targets run the very loop irm-norm runs.
 */
#include <stdio.h>
#include <string.h>

#include "irm_csv.h"
#include "irm_json.h"
#include "norm_int.h"

struct run {
	struct irm_input *in;
	const struct irm_norm_opts *opts;
	struct irm_event *ev;
	const struct irm_norm_sink *sink;
	enum irm_format format; /* of the current file, once known */
	struct irm_cert_run *cert;
};

static void
bad(struct run *r, unsigned long line, const char *raw, size_t len,
    const char *why)
{
	r->sink->reject(r->sink->arg, line, raw, len, why);
}

/* Check and hand on one mapped record. */
static void
emit(struct run *r, int rc, unsigned long line, const char *raw, size_t len,
    struct irm_error *e)
{
	if (rc == IRM_MAP_SKIP)
		return;
	r->ev->format = irm_format_name(r->format);
	if (rc == IRM_MAP_EVENT && r->ev->id == NULL && raw)
		irm_event_id_hash(r->ev, raw, len);
	if (rc == IRM_MAP_EVENT && irm_event_check(r->ev, e) == -1)
		rc = IRM_MAP_REJECT;
	if (rc == IRM_MAP_REJECT)
		bad(r, line, raw, len, e->msg);
	else
		r->sink->event(r->sink->arg, r->ev);
}

static int
do_json(struct run *r, struct irm_jread *jr, struct irm_error *fatal)
{
	enum irm_format f = r->opts->format;
	struct json_object *o;
	struct irm_jrec rec;
	struct irm_error e;
	int rc;

	irm_jread_reset(jr);
	for (;;) {
		rc = irm_jread_next(jr, &o, &rec, &e);
		if (rc == IRM_JREAD_EOF)
			return 0;
		if (rc == IRM_JREAD_FATAL) {
			*fatal = e;
			return -1;
		}
		if (rc == IRM_JREAD_BAD) {
			bad(r, rec.line, rec.raw, rec.rawlen, e.msg);
			continue;
		}
		if (f == IRM_FMT_AUTO &&
		    (f = irm_detect_json(o)) == IRM_FMT_AUTO) {
			bad(r, rec.line, NULL, 0,
			    "unknown record format (use --format)");
			return 0;
		}
		irm_event_reset(r->ev);
		r->format = f;
		rc = irm_map_json(f, o, rec.raw, rec.rawlen, r->ev, &e);
		emit(r, rc, rec.line, rec.raw, rec.rawlen, &e);
	}
}

/* The header row: detect the format, prepare m.  -1 after a reject. */
static int
csv_header(struct run *r, struct irm_csvmap *m, const struct irm_row *row)
{
	enum irm_format f = r->opts->format;
	struct irm_error e;

	if (f == IRM_FMT_AUTO)
		f = irm_detect_csv(row);
	if (f == IRM_FMT_AUTO) {
		bad(r, row->line, NULL, 0, "unknown CSV header (use --format)");
		return -1;
	}
	if (irm_csvmap_init(m, f, row, irm_input_name(r->in), r->opts, &e) ==
	    -1) {
		bad(r, row->line, NULL, 0, e.msg);
		irm_csvmap_free(m);
		return -1;
	}
	m->cert = r->cert;
	return 0;
}

static int
do_csv(struct run *r, struct irm_csvread *cr, struct irm_error *fatal)
{
	struct irm_csvmap m;
	struct irm_row row;
	struct irm_error e;
	int rc, have_map = 0, status = 0;

	irm_csvread_reset(cr);
	for (;;) {
		rc = irm_csvread_next(cr, &row, &e);
		if (rc == IRM_CSV_EOF)
			break;
		if (rc == IRM_CSV_FATAL) {
			*fatal = e;
			status = -1;
			break;
		}
		if (rc == IRM_CSV_BAD && !have_map) {
			/* Without a header no row can be read: say so once. */
			char why[sizeof(e.msg) + 16];

			snprintf(why, sizeof(why), "CSV header: %s", e.msg);
			bad(r, row.line, NULL, 0, why);
			return 0;
		}
		if (rc == IRM_CSV_BAD) {
			bad(r, row.line, row.raw, row.rawlen, e.msg);
			continue;
		}
		if (!have_map) {
			if (csv_header(r, &m, &row) == -1)
				return 0;
			have_map = 1;
			continue;
		}
		irm_event_reset(r->ev);
		r->format = m.format;
		rc = irm_map_csv(&m, &row, r->ev, &e);
		emit(r, rc, row.line, row.raw, row.rawlen, &e);
	}
	if (have_map)
		irm_csvmap_free(&m);
	return status;
}

/* The CERT accounts that left, known only once every snapshot was read. */
static void
cert_departures(struct run *r)
{
	struct irm_error e;
	size_t i = 0;

	for (;;) {
		int rc;

		irm_event_reset(r->ev);
		r->format = IRM_FMT_CERT;
		if ((rc = irm_cert_departure(r->cert, &i, r->ev, &e)) ==
		    IRM_MAP_SKIP)
			return;
		emit(r, rc, 0, NULL, 0, &e);
	}
}

int
irm_norm_run(struct irm_input *in, const struct irm_norm_opts *opts,
    struct irm_event *ev, const struct irm_norm_sink *sink, struct irm_error *e)
{
	struct run r = {in, opts, ev, sink, IRM_FMT_AUTO, irm_cert_run_new()};
	struct irm_jread *jr = irm_jread_new(in);
	struct irm_csvread *cr = irm_csvread_new(in);
	int rc, first, status = 0;

	while (status == 0 && (rc = irm_input_next_file(in, e)) != 0) {
		if (rc == -1) {
			bad(&r, 0, NULL, 0, e->msg);
			continue;
		}
		first = irm_input_peek(in, e);
		if (first == -2)
			status = -1;
		else if (first == -1)
			continue;
		else if (opts->format ? irm_is_json_format(opts->format)
		                      : (first == '{' || first == '['))
			status = do_json(&r, jr, e);
		else
			status = do_csv(&r, cr, e);
	}
	if (status == 0)
		cert_departures(&r);
	irm_cert_run_free(r.cert);
	irm_jread_free(jr);
	irm_csvread_free(cr);
	return status;
}
