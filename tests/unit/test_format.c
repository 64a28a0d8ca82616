/*
 * test_format.c - unit tests for the alert formats (irm_format.h): the
 * coloured table, which irm-report only writes on a terminal, and a
 * state listing in the streaming formats, which irm-case will use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_format.h"
#include "irm_json.h"
#include "irm_report.h"
#include "testhelp.h"

/* Fold one insight of user with score into a. */
static void
add(struct irm_alerts *a, const char *id, const char *user, int score)
{
	struct irm_alert *al;
	struct json_object *o;
	char text[512];
	int fresh;

	snprintf(text, sizeof(text),
	    "{\"@timestamp\":\"2026-03-02T00:00:00Z\",\"event\":{\"id\":"
	    "\"%s\"},\"user\":{\"name\":\"%s\"},\"rule\":{\"name\":\"p\"},"
	    "\"irm\":{\"indicator\":\"usb_copy\",\"count\":1,\"score\":%d}}",
	    id, user, score);
	o = json_tokener_parse(text);
	irm_alerts_add(a, o, &al, &fresh, NULL);
	json_object_put(o);
}

int
main(void)
{
	struct irm_alerts *a = irm_alerts_new();
	struct irm_alert *v[3];
	struct irm_buf out;
	size_t i;

	add(a, "i1", "hi", 90);
	add(a, "i2", "mid", 50);
	add(a, "i3", "lo", 10);
	for (i = 0; i < 3; i++)
		v[i] = irm_alerts_at(a, i);
	irm_buf_init(&out, 1 << 20);

	irm_out_report(IRM_OUT_TABLE, v, 3, 1, &out);
	test_cond("color: high in red",
	    strstr(out.data, "  \033[31mhigh\033[0m    ") != NULL);
	test_cond("color: medium in yellow",
	    strstr(out.data, "  \033[33mmedium\033[0m  ") != NULL);
	test_cond("color: low plain", strstr(out.data, "  low     ") != NULL);
	test_cond("color: the header plain",
	    strncmp(out.data, "ID                        SEVERITY", 34) == 0);
	irm_buf_reset(&out);
	irm_out_report(IRM_OUT_TABLE, v, 3, 0, &out);
	test_cond("no color: no escape", strchr(out.data, '\033') == NULL);

	irm_buf_reset(&out);
	irm_out_report(IRM_OUT_OCSF, v, 1, 0, &out);
	test_cond("a listing in ocsf is an update",
	    strstr(out.data, "\"activity_id\":2,") != NULL);
	irm_alert_set_status(v[0], IRM_ALERT_DISMISSED, NULL);
	irm_buf_reset(&out);
	irm_out_report(IRM_OUT_OCSF, v, 1, 0, &out);
	test_cond("a dismissed alert closes its finding",
	    strstr(out.data, "\"activity_id\":3,") != NULL &&
	        strstr(out.data, "\"status_id\":3,\"status\":\"Suppressed\"") !=
	            NULL);
	irm_buf_reset(&out);
	irm_out_report(IRM_OUT_O365, v, 1, 0, &out);
	test_cond("o365: a dismissed alert",
	    strstr(out.data, "\"Operation\":\"AlertUpdated\"") != NULL &&
	        strstr(out.data, "\"Status\":\"Dismissed\"") != NULL);

	test_cond("parse: names",
	    irm_out_parse("html") == IRM_OUT_HTML &&
	        irm_out_parse("HTML") == IRM_OUT_HTML &&
	        irm_out_parse("") == -1);
	test_cond("streams: jsonl, o365, ocsf",
	    irm_out_streams(IRM_OUT_JSONL) && irm_out_streams(IRM_OUT_O365) &&
	        irm_out_streams(IRM_OUT_OCSF) &&
	        !irm_out_streams(IRM_OUT_CSV) &&
	        !irm_out_streams(IRM_OUT_TABLE) &&
	        !irm_out_streams(IRM_OUT_HTML));
	irm_buf_free(&out);
	irm_alerts_free(a);
	test_report();
}
