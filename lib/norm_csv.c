/*
 * norm_csv.c - Purview audit-search exports: the classic four columns
 * (CreationDate, UserIds, Operations, AuditData) and the newer export
 * (RecordId, CreationDate, RecordType, Operation, UserId, AuditData, ...).
 * AuditData is a full Management Activity API record, so the o365 mapper
 * does the work; the columns only fill what AuditData lacks.
 */
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "norm_int.h"

enum { P_AUDIT, P_DATE, P_USER, P_OP, P_ID };

int
irm_purview_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e)
{
	static const char *const audit[] = {"AuditData", NULL};
	static const char *const date[] = {"CreationDate", NULL};
	static const char *const user[] = {"UserIds", "UserId", NULL};
	static const char *const op[] = {"Operations", "Operation", NULL};
	static const char *const id[] = {"RecordId", "Identity", NULL};
	const struct irm_norm_opts *o = m->opts;

	m->cols[P_AUDIT] = irm_csv_column(hdr, o, "auditdata", audit);
	m->cols[P_DATE] = irm_csv_column(hdr, o, "creationdate", date);
	m->cols[P_USER] = irm_csv_column(hdr, o, "user", user);
	m->cols[P_OP] = irm_csv_column(hdr, o, "operation", op);
	m->cols[P_ID] = irm_csv_column(hdr, o, "id", id);
	if (m->cols[P_AUDIT] < 0)
		return irm_seterr(e, "no AuditData column");
	m->tok = json_tokener_new();
	if (m->tok == NULL)
		return irm_seterr(e, "out of memory");
	json_tokener_set_flags(m->tok, JSON_TOKENER_VALIDATE_UTF8);
	return 0;
}

int
irm_map_purview(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e)
{
	const char *audit = irm_row_get(row, m->cols[P_AUDIT]);
	struct irm_error pe;
	int rc;

	json_object_put(m->obj);
	m->obj = NULL;
	if (audit == NULL)
		return irm_seterr(e, "empty AuditData"), IRM_MAP_REJECT;
	m->obj = irm_json_parse(m->tok, audit, strlen(audit), &pe);
	if (m->obj == NULL)
		return irm_seterr(e, "AuditData: %s", pe.msg), IRM_MAP_REJECT;
	if (!json_object_is_type(m->obj, json_type_object))
		return irm_seterr(e, "AuditData is not a JSON object"),
		       IRM_MAP_REJECT;
	ev->action = irm_row_get(row, m->cols[P_OP]);
	ev->user = irm_row_get(row, m->cols[P_USER]);
	ev->id = irm_row_get(row, m->cols[P_ID]);
	if (irm_json_get(m->obj, "CreationTime") == NULL &&
	    irm_event_time_local(
	        ev, "CreationDate", irm_row_get(row, m->cols[P_DATE]), e) == -1)
		return IRM_MAP_REJECT;
	rc = irm_map_o365(m->obj, ev, e);
	return rc;
}
