/*
 * score_seen.c - the ids of the events each user's day counted, so that
 * an event is counted once per user and day: while the day is open, the
 * 64-bit FNV-1a hashes of every event id seen (open addressing, dropped
 * when the day is final); for the whole look-back, a sorted list of
 * 32-bit short ids of the events an indicator counted, at most KEPT_MAX
 * a day, which --state keeps (score_state.c), so that a late event
 * replayed after its day is final is not counted again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "score_int.h"

/* Add an id hash to the day's set; 0 when it was there already. */
int
irm_eng_seen_add(struct uday *d, uint64_t h)
{
	size_t i, mask, j;
	uint64_t *old;

	if (h == 0)
		h = 1;
	if (d->seen == NULL || d->nseen * 2 >= d->capseen) {
		old = d->seen;
		j = d->capseen;
		d->capseen = j ? j * 2 : 64;
		d->seen = irm_xcalloc(d->capseen, sizeof(*d->seen));
		d->nseen = 0;
		while (j--)
			if (old[j])
				irm_eng_seen_add(d, old[j]);
		free(old);
	}
	mask = d->capseen - 1;
	for (i = h & mask; d->seen[i]; i = (i + 1) & mask)
		if (d->seen[i] == h)
			return 0;
	d->seen[i] = h;
	d->nseen++;
	return 1;
}

uint32_t
irm_eng_short_id(uint64_t h)
{
	return (uint32_t)(h ^ (h >> 32));
}

/* Where k is in the day's kept ids, or where it would go (*found). */
static uint32_t
kept_find(const struct uday *d, uint32_t k, int *found)
{
	uint32_t lo = 0, hi = d->nkept, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->kept[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < d->nkept && d->kept[lo] == k;
	return lo;
}

int
irm_eng_kept_has(const struct uday *d, uint32_t k)
{
	int found;

	kept_find(d, k, &found);
	return found;
}

int
irm_eng_kept_add(struct uday *d, uint32_t k)
{
	uint32_t at;
	int found;

	at = kept_find(d, k, &found);
	if (found)
		return 0;
	if (d->nkept >= KEPT_MAX) {
		d->full = 1;
		return -1;
	}
	if (d->nkept == d->capkept) {
		d->capkept = d->capkept ? d->capkept * 2 : 16;
		d->kept = irm_xrealloc(
		    d->kept, (size_t)d->capkept * sizeof(*d->kept));
	}
	memmove(d->kept + at + 1, d->kept + at,
	    (size_t)(d->nkept - at) * sizeof(*d->kept));
	d->kept[at] = k;
	d->nkept++;
	return 1;
}
