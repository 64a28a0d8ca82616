/*
 * score_store.c - what irm-score reads from the store (-S DIR,
 * irm-store(5)): the users whose case was resolved as a confirmed
 * violation, for the previous_violation booster.  Only the journal's
 * case.resolved entries matter here; the hash chain is irm-case verify's
 * business.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"

static int
cmp_violation(const void *a, const void *b)
{
	const struct irm_violation *x = a, *y = b;
	int c = strcmp(x->user, y->user);

	return c ? c : (x->day > y->day) - (x->day < y->day);
}

/* The user of a resolved-violation entry, lower-cased and trimmed. */
static char *
entry_user(struct json_object *o, int64_t *day)
{
	struct json_object *data = irm_json_get(o, "data");
	const char *type = irm_json_str(o, "type");
	const char *res = irm_json_str(data, "resolution");
	const char *user = irm_json_str(data, "user");
	const char *ts = irm_json_str(o, "@timestamp");
	int flags = IRM_TIME_UTC;
	int64_t ms;
	char *u;
	size_t i;

	if (type == NULL || strcmp(type, "case.resolved") != 0 || res == NULL ||
	    strcmp(res, "violation") != 0 || user == NULL || ts == NULL ||
	    irm_time_parse(ts, strlen(ts), &flags, &ms, NULL))
		return NULL;
	*day = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
	while (*user == ' ')
		user++;
	u = irm_xstrdup(user);
	for (i = 0; u[i]; i++)
		if (u[i] >= 'A' && u[i] <= 'Z')
			u[i] += 'a' - 'A';
	while (i && u[i - 1] == ' ')
		u[--i] = '\0';
	return u;
}

static void
add(struct irm_violation **v, size_t *n, char *user, int64_t day,
    const struct irm_pseudo *pseudo)
{
	char anon[IRM_PSEUDO_LEN];

	if (pseudo && strncmp(user, "anon-", 5) != 0) {
		irm_pseudonym(pseudo, user, strlen(user), anon);
		free(user);
		user = irm_xstrdup(anon);
	}
	*v = irm_xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].user = user;
	(*v)[(*n)++].day = day;
}

int
irm_violations_load(const char *dir, const struct irm_pseudo *pseudo,
    struct irm_violation **out, size_t *n, struct irm_error *e)
{
	char path[4096], *argv[1] = {path}, *line, *user;
	struct json_tokener *tok;
	struct json_object *o;
	struct irm_input *in;
	int64_t day;
	size_t len;
	int rc = 0, rl;

	*out = NULL;
	*n = 0;
	if (snprintf(path, sizeof(path), "%s/journal.jsonl", dir) >=
	    (int)sizeof(path))
		return irm_seterr(e, "%s: name too long", dir);
	if (access(path, F_OK) == -1 && errno == ENOENT)
		return 0;
	in = irm_input_new(1, argv, (size_t)16 << 20);
	tok = json_tokener_new();
	if (irm_input_next_file(in, e) != 1)
		rc = -1;
	while (rc == 0 &&
	    (rl = irm_input_getline(in, &line, &len, e)) != IRM_LINE_EOF) {
		if (rl == IRM_LINE_ERROR)
			rc = -1;
		if (rl != IRM_LINE_OK)
			continue;
		o = irm_json_parse(tok, line, len, NULL);
		if (o && (user = entry_user(o, &day)) != NULL)
			add(out, n, user, day, pseudo);
		json_object_put(o);
	}
	json_tokener_free(tok);
	irm_input_free(in);
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), cmp_violation);
	return rc;
}
