/*
 * irm_norm.h - what irm-norm calls: the source formats and HR scenarios
 * by name, the options, and irm_norm_run(), which reads files of any
 * source format and hands back events and rejects.  The mappers behind it
 * (lib/norm_*.c) share norm_int.h.
 */
#ifndef IRM_NORM_H
#define IRM_NORM_H

#include "irm.h"
#include "irm_event.h"

enum irm_format {
	IRM_FMT_AUTO = 0,
	IRM_FMT_O365,
	IRM_FMT_PURVIEW_CSV,
	IRM_FMT_GRAPH,
	IRM_FMT_HR_CSV,
	IRM_FMT_BADGE,
	IRM_FMT_CERT,
	IRM_FMT_CUSTOM_CSV
};

/* Format names as on the command line ("o365", "hr-csv", ...). */
const char *irm_format_name(enum irm_format f);

/* The format of a name, or IRM_FMT_AUTO (0) when unknown. */
enum irm_format irm_format_parse(const char *name);

/* HR scenarios, for --hr-scenario and the HRScenario column. */
enum irm_hr_scenario {
	IRM_HR_NONE = 0,
	IRM_HR_RESIGNATION,
	IRM_HR_JOB_CHANGE,
	IRM_HR_REVIEW,
	IRM_HR_PIP,
	IRM_HR_PROFILE
};

/* The scenario of a name ("resignation", "Job level change", ...). */
enum irm_hr_scenario irm_hr_scenario_parse(const char *name);

/* A --map FIELD=COLUMN entry. */
struct irm_colmap {
	const char *field;
	const char *column;
};

/* Options shared by the mappers. */
struct irm_norm_opts {
	enum irm_format format;           /* forced, or IRM_FMT_AUTO */
	enum irm_hr_scenario hr_scenario; /* forced, or IRM_HR_NONE */
	const struct irm_colmap *map;     /* --map entries */
	size_t nmap;
};

/*
 * What irm_norm_run hands back.  event gets each record that maps to an
 * event and passes irm_event_check (its id made from the raw text when the
 * source has none); reject gets each bad record or file with the reason:
 * line 0 when the problem has no line, raw NULL when there is no record
 * to keep.
 */
struct irm_norm_sink {
	void (*event)(void *arg, struct irm_event *ev);
	void (*reject)(void *arg, unsigned long line, const char *raw,
	    size_t len, const char *why);
	void *arg;
};

/*
 * Read every file of in, detecting each file's format unless opts forces
 * one, and map its records into ev for the sink.  Returns 0, or -1 with
 * e when reading cannot go on (out of memory, a read error).
 */
int irm_norm_run(struct irm_input *in, const struct irm_norm_opts *opts,
    struct irm_event *ev, const struct irm_norm_sink *sink,
    struct irm_error *e);

/* Is the O365 operation table sorted (for bsearch)?  For the unit test. */
int irm_o365_table_sorted(void);

#endif /* IRM_NORM_H */
