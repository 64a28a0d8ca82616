/*
 * irm_report.h - alerts from insights (irm-alert(5)): one open alert per
 * (user, policy), updated by later insights.  report_alert.c.
 */
#ifndef IRM_REPORT_H
#define IRM_REPORT_H

#include <json-c/json.h>
#include <stdint.h>

#include "irm.h"

struct irm_alerts;

/* Owned: irm_alerts_free. */
struct irm_alerts *irm_alerts_new(void);
void irm_alerts_free(struct irm_alerts *a);

/*
 * Fold one insight (an irm-insight(5) object) into its alert.  When the
 * alert changed, its record (one JSON line, with "change" new or updated)
 * is appended to out and 1 is returned; 0 when nothing changed (a replayed
 * insight); -1 with e filled when the object is not an insight.
 */
int irm_alerts_add(struct irm_alerts *a, struct json_object *insight,
    struct irm_buf *out, struct irm_error *e);

/* The highest severity (1-3) of the alerts, 0 when there are none. */
int irm_alerts_max_severity(const struct irm_alerts *a);

/* How many insights were read (replays included). */
unsigned long irm_alerts_insights(const struct irm_alerts *a);

#endif /* IRM_REPORT_H */
