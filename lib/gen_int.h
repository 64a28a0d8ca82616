/*
 * gen_int.h - what the lib/gen_*.c files share and nothing else includes:
 * the random streams, the JSON writer of one raw file, the departments,
 * users and world of a tenant, and the acts of a day.  irm-gen(1) calls
 * only irm_gen.h.
 */
#ifndef IRM_GEN_INT_H
#define IRM_GEN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "irm.h"
#include "irm_gen.h"

/* splitmix64 streams: the same numbers on every platform. */
uint64_t irm_gen_mix(uint64_t x);
uint64_t irm_gen_next(uint64_t *s);
unsigned irm_gen_below(uint64_t *s, unsigned n);
double irm_gen_unit(uint64_t *s);
unsigned irm_gen_poisson(uint64_t *s, double mean);

/* A buffered writer of one file, formatting JSON directly. */
struct gen_out {
	int fd;
	char *buf;
	size_t len;
	int first;  /* no member written yet in the open object or array */
	int failed; /* a write failed; errno_ is its errno */
	int errno_;
	uint64_t bytes;
	uint64_t records;
	int64_t day; /* the day whose date is cached in date */
	char date[11];
};

int irm_gen_out_open(struct gen_out *w, const char *path, struct irm_error *e);
int irm_gen_out_close(struct gen_out *w, const char *path, struct irm_error *e);
void irm_gen_flush(struct gen_out *w);
/* Make room for one record (at most 32 KiB). */
void irm_gen_room(struct gen_out *w);
void irm_gen_raw(struct gen_out *w, const char *s, size_t n);
void irm_gen_lit(struct gen_out *w, const char *s);
void irm_gen_chr(struct gen_out *w, char c);
void irm_gen_esc(struct gen_out *w, const char *s);
void irm_gen_open(struct gen_out *w, const char *key, char c);
void irm_gen_close(struct gen_out *w, char c);
void irm_gen_str(struct gen_out *w, const char *key, const char *v);
void irm_gen_num(struct gen_out *w, const char *key, int64_t v);
void irm_gen_bool(struct gen_out *w, const char *key, int v);
void irm_gen_elem(struct gen_out *w, const char *v);
void irm_gen_pair(struct gen_out *w, const char *name, const char *value);
/* "YYYY-MM-DDTHH:MM:SS" of t (seconds, UTC), with millis when ms >= 0. */
void irm_gen_time(struct gen_out *w, const char *key, int64_t t, int ms);
void irm_gen_date(struct gen_out *w, int64_t t);
/* The same bare, without quotes or millis. */
void irm_gen_stamp(struct gen_out *w, int64_t t);
/* A GUID from 128 random bits, as a member or bare into the buffer. */
void irm_gen_guid(struct gen_out *w, const char *key, uint64_t a, uint64_t b);
void irm_gen_hex(struct gen_out *w, const char *key, uint64_t r, int n);

/* Departments. */
struct gen_dept {
	const char *name;
	const char *site;
	unsigned share;    /* per mille of users */
	int start_min;     /* usual arrival, minutes after local midnight */
	double access;     /* SharePoint reads a workday */
	double download;   /* downloads a workday */
	double sync;       /* chance of a sync client burst on a workday */
	double sends;      /* mails sent a workday */
	double dlp;        /* share of mails that match DLP (external) */
	double print;      /* prints a workday */
	double usb;        /* chance of a USB copy on a workday */
	double guest;      /* guest shares to the partner a workday */
	double anon;       /* anonymous links a workday */
	double weekend;    /* chance of weekend work */
	unsigned hc, conf; /* per cent of files Highly Confidential, Conf. */
	const char *const *stems;
	const char *title; /* the usual title */
};

extern const struct gen_dept irm_gen_depts[];
extern const unsigned irm_gen_ndepts;
enum { GEN_DEPT_SALES, GEN_DEPT_EXEC = 9, GEN_DEPT_IT = 8 };

enum { /* user flags */
	GEN_U_PRIORITY = 1,
	GEN_U_LEAVER = 2,     /* resigns and takes nothing */
	GEN_U_EVENING = 4,    /* reads mail in the evening */
	GEN_U_REVIEWED = 8,   /* has a performance review */
	GEN_U_POOR = 16,      /* ... with a poor rating */
	GEN_U_JOB = 32,       /* changes job level on the review day */
	GEN_U_DEMOTED = 64,   /* ... to a lower one */
	GEN_U_NIGHT = 128,    /* works the night shift */
	GEN_U_TRAVEL = 256,   /* travels abroad now and then */
	GEN_U_HEAVY = 512,    /* a steady heavy user: always high volume */
	GEN_U_USB = 1024,     /* copies build artefacts to USB media */
	GEN_U_QUIET = 2048,   /* never after hours, never USB media */
	GEN_U_JOBSITE = 4096, /* browses job sites now and then */
	GEN_U_PERSONAL = 8192 /* mails or uploads a file of its own now and
	                        then, to a personal address */
};

struct gen_user {
	char upn[56];
	char local[40];   /* the part before @ */
	char certid[8];   /* CERT's account id: ABC1234 */
	char certkey[16]; /* as irm-norm names the user: dtaa/abc1234 */
	uint32_t manager;
	uint16_t dept;
	uint16_t flags;
	float act;      /* activity factor */
	int16_t start;  /* arrival, minutes after local midnight */
	int16_t vac;    /* first day of a vacation week, or -1 */
	int16_t vac2;   /* first day of a second absence, or -1 */
	int16_t hire;   /* first working day of a new hire, or -1 */
	int16_t trip;   /* first day of a week abroad, or -1 */
	int16_t resign; /* day of resignation, or -1 */
	int16_t last;   /* last working day, or -1 */
	int16_t anchor; /* the scenario's day */
	int16_t review; /* day of a performance review, or -1 */
	int8_t scen;    /* planted scenario, or -1 */
	uint8_t ip;
	uint8_t country; /* where the trips go */
};

struct gen_world {
	const struct irm_gen_opts *o;
	struct gen_user *u;
	unsigned nusers;
	int64_t *day0;    /* UTC seconds of each day's 00:00 */
	int32_t *offset;  /* the zone's offset each day, seconds */
	uint8_t *workday; /* 1 working day, 0 weekend or holiday */
	uint32_t admin;   /* who deletes accounts: the head of IT */
	uint64_t seed;
};

/* The name the tenant's files give the user by (the directory, the HR
 * rows, the answer key): the UPN, or with -f cert the account id as
 * irm-norm writes it (dtaa/abc1234), as the CERT files name users. */
const char *irm_gen_who(const struct gen_world *g, const struct gen_user *u);

int irm_gen_world_init(
    struct gen_world *g, const struct irm_gen_opts *o, struct irm_error *e);
void irm_gen_world_free(struct gen_world *g);

/* One thing a user does, formatted later into a record. */
struct gen_act {
	int64_t t;  /* UTC seconds */
	uint64_t r; /* random bits for the details */
	uint32_t user;
	uint16_t kind; /* GEN_K_* */
	uint16_t arg;  /* kind-specific */
	uint32_t file; /* file id (GEN_FILE_*) */
	uint32_t flags;
};

enum {
	GEN_K_LOGON,
	GEN_K_LOGON_FAIL,
	GEN_K_SP,     /* SharePoint or OneDrive file operation: arg GEN_OP_* */
	GEN_K_SHARE,  /* arg GEN_SH_* */
	GEN_K_SEND,   /* arg attachments, flags GEN_F_SIG */
	GEN_K_DLP,    /* arg GEN_TO_*; flags severity */
	GEN_K_EP,     /* endpoint: arg GEN_EP_* */
	GEN_K_LABEL,  /* arg 1 applied, 2 downgraded, 3 removed */
	GEN_K_ALERT,  /* Graph alert: arg GEN_AL_* */
	GEN_K_BADGE,  /* arg asset; flags GEN_F_FAILED */
	GEN_K_HR,     /* arg GEN_HR_* */
	GEN_K_DELETE, /* the account deleted by the IT admin */
	GEN_K_ADMIN,  /* an Entra ID admin operation: arg GEN_AD_* */
	GEN_K_WEB,    /* a web visit (Endpoint BrowseToUrl): arg GEN_WEB_* */
	GEN_K_SENDAS, /* mail as user file to arg recipients */
	GEN_K_INTRUDE /* an intruder's act (gen_intrude.c): arg GEN_IN_* */
};

enum {
	GEN_IN_RULE_DELETE, /* an inbox rule deleting mail about the intrusion
	                     */
	GEN_IN_RULE_RSS,    /* an inbox rule moving mail to RSS Feeds, read */
	GEN_IN_ANON_USED    /* an anonymous link to file opened */
};

enum { GEN_AD_ROLE, GEN_AD_RESET, GEN_AD_UPDATE, GEN_AD_GROUP, GEN_NAD };

enum {
	GEN_WEB_NEWS,  /* news and reference, unmonitored */
	GEN_WEB_JOB,   /* job sites */
	GEN_WEB_LEAK,  /* leak sites */
	GEN_WEB_SPY,   /* keylogger vendors */
	GEN_WEB_CLOUD, /* personal cloud storage */
	GEN_NWEB
};

enum {
	GEN_OP_ACCESS,
	GEN_OP_MODIFY,
	GEN_OP_DOWNLOAD,
	GEN_OP_UPLOAD,
	GEN_OP_SYNC,
	GEN_OP_RECYCLE,
	GEN_NOPS
};

enum {
	GEN_SH_MEMBER,
	GEN_SH_PARTNER,
	GEN_SH_PERSONAL, /* a guest at a personal mail domain */
	GEN_SH_ANON,
	GEN_SH_COMPANY
};

enum {
	GEN_TO_CUSTOMER,
	GEN_TO_PARTNER,
	GEN_TO_PERSONAL, /* the user's own personal address */
	GEN_TO_COMPETITOR
};

enum {
	GEN_EP_PRINT,
	GEN_EP_USB,
	GEN_EP_MOUNT,
	GEN_EP_CLOUD_INTERNAL,
	GEN_EP_CLOUD_THIRD,
	GEN_EP_CLOUD_PERSONAL,
	GEN_EP_BROWSER,
	GEN_EP_RENAME,
	GEN_EP_DELETE,
	GEN_EP_SHARE_COPY,
	GEN_EP_ARCHIVE,
	GEN_EP_BROWSE /* a web visit, for GEN_K_WEB only */
};

enum { GEN_AL_UNWANTED, GEN_AL_EVASION };
enum { GEN_HR_RESIGN, GEN_HR_REVIEW, GEN_HR_JOB };

enum {
	GEN_F_SIG = 1,         /* a mail with a signature image */
	GEN_F_FAILED = 2,      /* a refused badge swipe */
	GEN_F_HIGH = 4,        /* DLP or alert severity high */
	GEN_F_MEDIUM = 8,      /* DLP or alert severity medium */
	GEN_F_DISGUISE = 16,   /* the file under its disguised name */
	GEN_F_ONEDRIVE = 32,   /* the user's OneDrive, not a site */
	GEN_F_LABELLED = 64,   /* the file carries its label */
	GEN_F_ABROAD = 128,    /* from the user's trip abroad */
	GEN_F_UPLOAD = 2048,   /* a web act uploads the file */
	GEN_F_DOWNLOAD = 4096, /* a web act downloads a program */
	GEN_F_AS = 8192,       /* a logon as another user (file: that user) */
	GEN_F_INTRUDER = 16384 /* from an intruder's address and user agent */
};

/* The tenant id of every O365 record. */
#define GEN_TENANT "7a1f3c52-9d0e-4b6a-8c21-5e4f0a9b3d17"
/* An intruder's user agent and address (RFC 3849 documentation range),
 * r picking the host. */
extern const char irm_gen_intruder_agent[];
void irm_gen_intruder_ip(uint64_t r, char *out, size_t n);
/* An intruder's act (GEN_K_INTRUDE) as its O365 record on w; ip is the
 * address the record names. */
void irm_gen_intrude(const struct gen_world *g, const struct gen_act *a,
    uint64_t id, struct gen_out *w, const char *ip);

/* A mail's recipient (a GEN_TO_* + 1; 0 a colleague) in its act flags. */
#define GEN_F_TO(k) ((uint32_t)((k) + 1) << 8)
#define GEN_TO_OF(flags) ((int)((flags) >> 8 & 7) - 1)

/* File ids: department site files, personal OneDrive files (department
 * irm_gen_ndepts) and build artefacts (irm_gen_ndepts + 1). */
#define GEN_FILE(dept, k) ((uint32_t)(dept) << 16 | (uint32_t)(k))
#define GEN_FILE_DEPT(f) ((f) >> 16)
#define GEN_FILE_K(f) ((f)&0xffff)
#define GEN_FILES_PER_DEPT 240
#define GEN_FILE_KEYLOGGER GEN_FILE(irm_gen_ndepts + 1, 0xffff)

/* A file's name, folder and label (an index in gen_labels, or -1). */
void irm_gen_file_name(uint32_t file, int disguise, char *out, size_t n);
const char *irm_gen_file_folder(uint32_t file);
int irm_gen_file_label(uint32_t file);
extern const char *const irm_gen_label_ids[4];
extern const char *const irm_gen_label_names[4];

/* The day's acts of every user, appended to a growing array. */
struct gen_acts {
	struct gen_act *a;
	size_t n, cap;
};

void irm_gen_day_acts(
    const struct gen_world *g, unsigned day, struct gen_acts *v);

/* Write one act as its record: O365 line, alert line, badge element or
 * HR row, each on its writer; with GEN_FMT_CERT, a CERT row on one of
 * the cert writers (logon, device, file, email, http), or nothing. */
enum {
	GEN_CERT_LOGON,
	GEN_CERT_DEVICE,
	GEN_CERT_FILE,
	GEN_CERT_EMAIL,
	GEN_CERT_HTTP,
	GEN_NCERT
};
struct gen_writers {
	struct gen_out *audit, *alerts, *badge, *hr;
	struct gen_out *cert[GEN_NCERT];
};
void irm_gen_format(const struct gen_world *g, const struct gen_act *a,
    uint64_t id, struct gen_writers *w);
void irm_gen_format_cert(const struct gen_world *g, const struct gen_act *a,
    uint64_t id, struct gen_writers *w);
/* Does act kind k make a CERT row (1), an HR row (2) or nothing (0)? */
int irm_gen_cert_kind(const struct gen_act *a);
extern const char *const irm_gen_cert_files[GEN_NCERT];
extern const char *const irm_gen_cert_headers[GEN_NCERT];

/* A customer's mail domain, picked by r. */
const char *irm_gen_customer(uint64_t r);
/* A web site of a GEN_WEB_* kind, picked by r. */
const char *irm_gen_web_site(int kind, uint64_t r);
/* The first working day at or after d, within the period. */
int irm_gen_workday_from(const struct gen_world *g, int d);

/* A scenario's answer window, days from the start, both inclusive. */
void irm_gen_scen_window(
    const struct gen_world *g, const struct gen_user *u, int *from, int *to);

#endif /* IRM_GEN_INT_H */
