/*
 * fuzz_conf.c - irm_conf_load (JSON with comments and line numbers) and
 * the line lookup of every member and element path of what it parsed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_score.h"

FUZZ_INIT_ONLY

/* Look up the line of every path below v, to a small depth. */
static void
walk(const struct irm_conf *c, struct json_object *v, const char *path,
    int depth)
{
	char sub[512];
	size_t i, n;

	irm_conf_line(c, path);
	if (depth == 4)
		return;
	if (json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, key, val)
		{
			snprintf(sub, sizeof(sub), "%s%s%s", path,
			    *path ? "." : "", key);
			walk(c, val, sub, depth + 1);
		}
	} else if (json_object_is_type(v, json_type_array)) {
		n = json_object_array_length(v);
		for (i = 0; i < n && i < 16; i++) {
			snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
			walk(
			    c, json_object_array_get_idx(v, i), sub, depth + 1);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irm_error e;
	struct irm_conf *c;
	char *rel;

	c = irm_conf_load(fuzz_file("conf.json", data, size), &e);
	if (c == NULL)
		return 0;
	walk(c, irm_conf_root(c), "", 0);
	irm_conf_line(c, "no.such[3].path");
	rel = irm_conf_relpath(c, "other.json");
	free(rel);
	irm_conf_free(c);
	return 0;
}
