/*
 * store_reveal.c - irm-case reveal: find the real identity behind a
 * pseudonym by computing the pseudonym of every user of a directory CSV
 * with the key.  Nothing is kept: the caller prints the answer and
 * journals only that a reveal happened.
 */
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_csv.h"
#include "irm_reveal.h"

/* The column of identities: a header naming a user, else the first. */
static size_t
user_column(const struct irm_row *hdr)
{
	static const char *const names[] = {"user", "upn", "userprincipalname",
	    "email", "emailaddress", "mail", NULL};
	size_t i, k;

	for (k = 0; names[k]; k++)
		for (i = 0; i < hdr->n; i++)
			if (irm_strcaseeq(hdr->f[i], names[k]))
				return i;
	return 0;
}

static int
match(const struct irm_pseudo *key, const struct irm_row *row, size_t col,
    const char *pseudonym, char **found)
{
	char anon[IRM_PSEUDO_LEN];

	if (col >= row->n || row->f[col][0] == '\0')
		return 0;
	irm_pseudonym(key, row->f[col], strlen(row->f[col]), anon);
	if (strcmp(anon, pseudonym) != 0)
		return 0;
	*found = irm_xstrdup(row->f[col]);
	return 1;
}

int
irm_reveal(const char *keyfile, const char *directory, const char *pseudonym,
    char **found, struct irm_error *e)
{
	char *argv[1] = {(char *)directory};
	struct irm_pseudo *key = irm_pseudo_load(keyfile, e);
	struct irm_input *in;
	struct irm_csvread *cr;
	struct irm_row row;
	size_t col = 0;
	int rc, first = 1, done = 0;

	*found = NULL;
	if (key == NULL)
		return -1;
	in = irm_input_new(1, argv, 1L << 20);
	cr = irm_csvread_new(in);
	if ((rc = irm_input_next_file(in, e)) == 1) {
		irm_csvread_reset(cr);
		while (!done &&
		    (rc = irm_csvread_next(cr, &row, e)) != IRM_CSV_EOF) {
			if (rc != IRM_CSV_ROW)
				break;
			if (first)
				col = user_column(&row);
			else
				done = match(key, &row, col, pseudonym, found);
			first = 0;
		}
		rc = rc == IRM_CSV_ROW || rc == IRM_CSV_EOF ? 0 : -1;
	} else
		rc = -1;
	if (rc == -1 && e->msg[0] == '\0')
		irm_seterr(e, "%s: cannot read", directory);
	irm_csvread_free(cr);
	irm_input_free(in);
	irm_pseudo_free(key);
	return rc;
}
