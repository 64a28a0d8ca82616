/*
 * irm_gen.h - synthetic tenants for irm-gen(1): users, departments and
 * their daily work, planted insider scenarios, written in the raw source
 * formats (O365 Management Activity API records, Graph security alerts,
 * HR connector CSV, badge JSON) with a directory, settings, policies and
 * an answer key.
 *
 * What irm-gen(1) calls: the scenarios and irm_gen_write().  What the
 * lib/gen_*.c files share is in gen_int.h.  Everything is derived from
 * the seed and the options: the same inputs write the same bytes.
 */
#ifndef IRM_GEN_H
#define IRM_GEN_H

#include <stdint.h>

#include "irm.h"

/*
 * The planted scenarios, in the order of the answer key: the insiders,
 * then the benign look-alikes (users whose harmless habits resemble an
 * insider's, listed with expected "none").
 */
enum {
	GEN_SC_DEPARTING,
	GEN_SC_JOBHUNT,
	GEN_SC_DISGRUNTLED,
	GEN_SC_PRIORITY,
	GEN_SC_SLOW,
	GEN_SC_SEQUENCE,
	GEN_SC_AFTERHOURS,
	GEN_SC_EVASION,
	GEN_SC_SLOWLEAK,    /* just above the user's own norm */
	GEN_SC_THIN,        /* thinly across channels after a trigger */
	GEN_SC_CERT_LEAK,   /* CERT r4.2 scenario 1 */
	GEN_SC_CERT_JOB,    /* CERT r4.2 scenario 2 */
	GEN_SC_CERT_SABOT,  /* CERT r4.2 scenario 3 */
	GEN_SC_LA_HEAVY,    /* look-alike: steady heavy downloader */
	GEN_SC_LA_LEAVER,   /* look-alike: quiet leaver */
	GEN_SC_LA_PARTNER,  /* look-alike: partner sharer */
	GEN_SC_LA_REVIEW,   /* look-alike: good review */
	GEN_SC_COMPROMISED, /* an account taken over (only when asked) */
	GEN_NSCEN
};

/* Output formats of the activity. */
enum { GEN_FMT_O365, GEN_FMT_CERT };

/* A scenario's name (as --scenario takes it) and one line about it. */
const char *irm_gen_scenario_name(int sc);
const char *irm_gen_scenario_about(int sc);

/* The lowest alert severity that catches the scenario (high, medium,
 * low), or "none" for a look-alike. */
const char *irm_gen_scenario_expected(int sc);

/* The scenario of a name, in any case, or -1. */
int irm_gen_scenario_parse(const char *name);

struct irm_gen_stats {
	uint64_t
	    records;    /* raw records written (lines, array elements, rows) */
	uint64_t bytes; /* bytes of the raw/ files */
	unsigned files; /* raw files */
};

struct irm_gen_opts {
	unsigned users; /* 10 to 1,000,000 */
	unsigned days;  /* 1 to 3660 */
	int64_t start;  /* the first day, in days since 1970-01-01 */
	uint64_t seed;
	const char *zone; /* IANA zone of the office, for working hours */
	/* Planted users per scenario: 0 none, -1 from density. */
	int count[GEN_NSCEN];
	double density; /* planted users per 1,000 users, at least 1 */
	/* Per cent of the users without a scenario who now and then mail an
	 * ordinary file to their own Gmail or upload one to their personal
	 * Dropbox (0: none, as before). */
	unsigned personal;
	int format; /* GEN_FMT_* */
	/* Called after each day is written (day 0 first), or NULL: for a
	 * progress line. */
	void (*day_done)(
	    void *arg, unsigned day, const struct irm_gen_stats *st);
	void *arg;
};

/*
 * Write a tenant into dir, which must be absent or empty: raw/ with a file
 * per day and source (with GEN_FMT_CERT, the CERT r4.2 files and a file of
 * HR rows per day), directory.csv, settings.json, policies/ and
 * answers.csv; every file mode 0600, directories 0700.  Returns 0 with
 * *st filled, or -1 with e filled (dir then holds what was written so
 * far).  Uses irm_time_setzone() for o->zone.
 */
int irm_gen_write(const struct irm_gen_opts *o, const char *dir,
    struct irm_gen_stats *st, struct irm_error *e);

#endif /* IRM_GEN_H */
