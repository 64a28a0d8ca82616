/*
 * fuzz_settings.c - irm-score's settings file (irm-policy(5)):
 * irm_settings_load and the questions the engine then asks of it.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_score.h"

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irm_settings s;
	struct irm_lint lint = {0};
	struct irm_ev ev = {0};

	irm_settings_load(
	    &s, fuzz_file("settings.json", data, size), NULL, &lint);
	ev.user = "alice@contoso.com";
	ev.label = "Confidential";
	ev.file_path = "/sites/finance/q3/report.xlsx";
	ev.file_ext = "xlsx";
	ev.url_domain = "contoso.sharepoint.com";
	ev.email_subject = "project x budget";
	irm_domain_class(&s, "mail.contoso.com");
	irm_label_priority(&s, "Highly Confidential");
	irm_priority_content(&s, &ev);
	irm_excluded(&s, &ev);
	irm_after_hours(&s, 1772445600000LL);
	irm_priority_user(&s, "alice@contoso.com");
	irm_directory_find(&s, "alice@contoso.com");
	irm_hr_poor_rating(&s, "1 - below expectations");
	irm_hr_demotion(&s, "L5", "L4");
	irm_ev_unallowed(&s, &ev);
	irm_settings_free(&s);
	irm_lint_free(&lint);
	return 0;
}
