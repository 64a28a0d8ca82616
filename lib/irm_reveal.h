/*
 * irm_reveal.h - map a pseudonym back to the user of a directory CSV
 * (store_reveal.c).
 */
#ifndef IRM_REVEAL_H
#define IRM_REVEAL_H

#include "irm.h"

/*
 * Look for the user of the directory CSV (a header row; the column named
 * user, upn, userprincipalname, email or mail, else the first) whose
 * pseudonym under the key in keyfile is pseudonym.  Returns 0 with *found
 * the identity (owned) or NULL when no user matches; -1 with e filled
 * when the key or the directory cannot be read.
 */
int irm_reveal(const char *keyfile, const char *directory,
    const char *pseudonym, char **found, struct irm_error *e);

#endif /* IRM_REVEAL_H */
