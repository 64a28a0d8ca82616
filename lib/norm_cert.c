/*
 * norm_cert.c - the CMU CERT Insider Threat Test Dataset (r4.2 and r6.2
 * column sets; ref: o365-api.md section 6) to events.  The header decides
 * the kind of file (logon, device, file, email, http); the activity column,
 * where a file has one, decides irm.activity row by row through one table.
 * r4.2 logon.csv and device.csv share their columns, so a row of either is
 * told apart by its activity value.  The free-text content columns are
 * never copied: they are large and the events would carry mail bodies and
 * web pages.  Psychometric and decoy files are reference data, not events:
 * every row of them is skipped without a message.  LDAP snapshots
 * (LDAP/YYYY-MM.csv) are not events either, but a user in one snapshot and
 * in none after it has left: the dataset says so in no other way, so the
 * run remembers each account's last snapshot and ends with one
 * account_deleted event per leaver (irm_cert_departure).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "norm_int.h"

/* File kinds, in m->kind. */
enum { K_LOGON, K_DEVICE, K_FILE, K_EMAIL, K_HTTP, K_REFERENCE, K_LDAP };

/* Fields, as indexes into m->cols. */
enum {
	C_ID,
	C_DATE,
	C_USER,
	C_PC,
	C_ACTIVITY,
	C_FILENAME,
	C_TOREMOVABLE,
	C_TO,
	C_CC,
	C_BCC,
	C_FROM,
	C_ATTACHMENTS,
	C_URL,
	C_FILETREE,
	C_USERID,
	C_NFIELDS
};

static const char *const field_names[C_NFIELDS] = {
    [C_ID] = "id",
    [C_DATE] = "date",
    [C_USER] = "user",
    [C_PC] = "pc",
    [C_ACTIVITY] = "activity",
    [C_FILENAME] = "filename",
    [C_TOREMOVABLE] = "to_removable_media",
    [C_TO] = "to",
    [C_CC] = "cc",
    [C_BCC] = "bcc",
    [C_FROM] = "from",
    [C_ATTACHMENTS] = "attachments",
    [C_URL] = "url",
    [C_FILETREE] = "file_tree",
    [C_USERID] = "user_id",
};

static const char *const datasets[] = {
    [K_LOGON] = "cert.logon",
    [K_DEVICE] = "cert.device",
    [K_FILE] = "cert.file",
    [K_EMAIL] = "cert.email",
    [K_HTTP] = "cert.http",
};

/*
 * The action of a row in a file without an activity column (r4.2): every
 * file.csv row is a copy to removable media, every email.csv row a sent
 * mail and every http.csv row a visit.
 */
static const char *const default_actions[] = {
    [K_FILE] = "File Copy",
    [K_EMAIL] = "Send",
    [K_HTTP] = "WWW Visit",
};

/*
 * Activity values to irm.activity, per kind.  dataset is set where a row
 * belongs to another kind than its file's (device rows in the r4.2
 * columns shared with logon.csv).  Values not listed map to "other".
 */
static const struct act {
	int kind;
	const char *value;
	const char *activity;
	int dataset;
} acts[] = {
    {K_LOGON, "Logon", "logon", K_LOGON},
    {K_LOGON, "Logoff", "logoff", K_LOGON},
    {K_LOGON, "Connect", "usb_mounted", K_DEVICE},
    {K_LOGON, "Disconnect", "other", K_DEVICE},
    {K_DEVICE, "Connect", "usb_mounted", K_DEVICE},
    {K_DEVICE, "Disconnect", "other", K_DEVICE},
    {K_FILE, "File Open", "file_accessed", K_FILE},
    {K_FILE, "File Write", "file_modified", K_FILE},
    {K_FILE, "File Copy", "file_copied", K_FILE},
    {K_FILE, "File Delete", "file_deleted", K_FILE},
    {K_EMAIL, "Send", "email_sent", K_EMAIL},
    {K_EMAIL, "View", "other", K_EMAIL},
    {K_HTTP, "WWW Visit", "web_visited", K_HTTP},
    {K_HTTP, "WWW Download", "browser_downloaded", K_HTTP},
    {K_HTTP, "WWW Upload", "cloud_uploaded", K_HTTP},
};

/* ---------------------------------------------------------------- init */

static void
column(struct irm_csvmap *m, const struct irm_row *hdr, int field)
{
	const char *const names[] = {field_names[field], NULL};

	m->cols[field] =
	    irm_csv_column(hdr, m->opts, field_names[field], names);
}

/* Does the header have a column of this name (reference files)? */
static int
has(const struct irm_row *hdr, const char *name)
{
	const char *const names[] = {name, NULL};

	return irm_csv_column(hdr, NULL, NULL, names) >= 0;
}

/* ---------------------------------------------------------------- LDAP */

/* An account of the LDAP snapshots and the last month that lists it. */
struct ldap_user {
	char *id;
	int last;  /* year * 12 + month - 1 */
	char *row; /* its row in that snapshot, for the event's id */
};

struct irm_cert_run {
	char domain[64];        /* of the activity rows' users: "DTAA" */
	struct ldap_user *user; /* open addressing by id; id NULL: empty */
	size_t nuser, capuser;
	struct ldap_user **sorted; /* by id, made after the last file */
	int *month;                /* the snapshots' months, sorted, unique */
	size_t nmonth, capmonth;
};

struct irm_cert_run *
irm_cert_run_new(void)
{
	return irm_xcalloc(1, sizeof(struct irm_cert_run));
}

void
irm_cert_run_free(struct irm_cert_run *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->capuser; i++) {
		free(c->user[i].id);
		free(c->user[i].row);
	}
	free(c->user);
	free(c->sorted);
	free(c->month);
	free(c);
}

/*
 * The month of a snapshot from its file's base name, YYYY-MM.csv as the
 * dataset names them, as year * 12 + month - 1; -1 for any other name.
 */
static int
snapshot_month(const char *file)
{
	int y, mo, i;

	if (strlen(file) != 11 || strspn(file, "0123456789") != 4 ||
	    file[4] != '-' || strspn(file + 5, "0123456789") != 2 ||
	    strcmp(file + 7, ".csv") != 0)
		return -1;
	for (y = 0, i = 0; i < 4; i++)
		y = y * 10 + (file[i] - '0');
	mo = (file[5] - '0') * 10 + (file[6] - '0');
	if (y < 1970 || mo < 1 || mo > 12)
		return -1;
	return y * 12 + mo - 1;
}

/* The slot of id in tab (capacity cap, a power of two): its entry, or the
 * empty slot where it goes. */
static struct ldap_user *
slot(struct ldap_user *tab, size_t cap, const char *id)
{
	size_t i, mask = cap - 1;

	for (i = irm_fnv1a(id) & mask; tab[i].id; i = (i + 1) & mask)
		if (strcmp(tab[i].id, id) == 0)
			break;
	return &tab[i];
}

/* Room for one more account: the table at most half full. */
static void
grow(struct irm_cert_run *c)
{
	struct ldap_user *old = c->user;
	size_t i, oldcap = c->capuser;

	if (c->capuser && (c->nuser + 1) * 2 <= c->capuser)
		return;
	c->capuser = oldcap ? 2 * oldcap : 1024;
	c->user = irm_xcalloc(c->capuser, sizeof(*c->user));
	for (i = 0; i < oldcap; i++)
		if (old[i].id)
			*slot(c->user, c->capuser, old[i].id) = old[i];
	free(old);
}

static void
add_month(struct irm_cert_run *c, int month)
{
	size_t i = c->nmonth;

	while (i > 0 && c->month[i - 1] > month)
		i--;
	if (i > 0 && c->month[i - 1] == month)
		return;
	if (c->nmonth == c->capmonth) {
		c->capmonth = c->capmonth ? 2 * c->capmonth : 16;
		c->month = irm_xrealloc(c->month, c->capmonth * sizeof(int));
	}
	memmove(c->month + i + 1, c->month + i, (c->nmonth - i) * sizeof(int));
	c->month[i] = month;
	c->nmonth++;
}

/* A copy of the row's text. */
static char *
row_copy(const struct irm_row *row)
{
	char *s = irm_xmalloc(row->rawlen + 1);

	memcpy(s, row->raw, row->rawlen);
	s[row->rawlen] = '\0';
	return s;
}

/* One row of a snapshot: the account is listed in month. */
static void
ldap_row(struct irm_cert_run *c, const char *id, int month,
    const struct irm_row *row)
{
	struct ldap_user *u;

	add_month(c, month);
	if (id == NULL)
		return;
	grow(c);
	u = slot(c->user, c->capuser, id);
	if (u->id == NULL) {
		*u = (struct ldap_user){irm_xstrdup(id), month, row_copy(row)};
		c->nuser++;
	} else if (u->last <= month) {
		u->last = month;
		free(u->row);
		u->row = row_copy(row);
	}
}

/* The domain part of the activity rows' users: DTAA of DTAA/LAP0338. */
static void
learn_domain(struct irm_cert_run *c, const char *user)
{
	const char *slash = strchr(user, '/');

	if (c->domain[0] || slash == NULL || slash == user ||
	    (size_t)(slash - user) >= sizeof(c->domain))
		return;
	memcpy(c->domain, user, (size_t)(slash - user));
	c->domain[slash - user] = '\0';
}

/* The first snapshot after month, or -1 when there is none. */
static int
next_snapshot(const struct irm_cert_run *c, int month)
{
	size_t i;

	for (i = 0; i < c->nmonth; i++)
		if (c->month[i] > month)
			return c->month[i];
	return -1;
}

static int
cmp_id(const void *a, const void *b)
{
	return strcmp((*(struct ldap_user *const *)a)->id,
	    (*(struct ldap_user *const *)b)->id);
}

/* The accounts by id, so that the departures come in one order. */
static void
sort_users(struct irm_cert_run *c)
{
	size_t i, n = 0;

	c->sorted = irm_xcalloc(c->nuser, sizeof(*c->sorted));
	for (i = 0; i < c->capuser; i++)
		if (c->user[i].id)
			c->sorted[n++] = &c->user[i];
	qsort(c->sorted, n, sizeof(*c->sorted), cmp_id);
}

int
irm_cert_departure(struct irm_cert_run *c, size_t *i, struct irm_event *ev,
    struct irm_error *e)
{
	const struct ldap_user *u;
	const char *day, *raw;
	int gone = -1;

	if (c && c->sorted == NULL && c->nuser)
		sort_users(c);
	while (c && *i < c->nuser && gone < 0)
		gone = next_snapshot(c, c->sorted[(*i)++]->last);
	if (gone < 0)
		return IRM_MAP_SKIP;
	u = c->sorted[*i - 1];
	ev->user = strchr(u->id, '/') || !c->domain[0]
	    ? u->id
	    : irm_event_printf(ev, "%s/%s", c->domain, u->id);
	ev->target_user = ev->user;
	ev->action = "Absent from LDAP";
	ev->module = "cert";
	ev->dataset = "cert.ldap";
	day = irm_event_printf(ev, "%04d-%02d-01", gone / 12, gone % 12 + 1);
	/* Hashed as the records of sources without ids are: the account id
	 * itself would outlive pseudonymization (-p) in event.id. */
	raw = irm_event_printf(ev, "%s,%s", day, u->row);
	irm_event_id_hash(ev, raw, strlen(raw));
	irm_event_set_activity(ev, "account_deleted");
	if (irm_event_time_local(ev, "date", day, e) == -1)
		return IRM_MAP_REJECT;
	return IRM_MAP_EVENT;
}

/*
 * The kind of file comes from the first of these columns it has: url
 * (http), to or from (email), filename (file), file_tree (r6.2 device),
 * activity (logon, or r4.2 device).
 */
int
irm_cert_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e)
{
	int f;

	for (f = 0; f < C_NFIELDS; f++)
		column(m, hdr, f);
	if (m->cols[C_DATE] < 0 &&
	    (has(hdr, "user_id") || has(hdr, "decoy_filename"))) {
		m->kind = K_REFERENCE;
		if (has(hdr, "email") && m->cols[C_USERID] >= 0 &&
		    (m->month = snapshot_month(m->file)) >= 0)
			m->kind = K_LDAP;
		return 0;
	}
	if (m->cols[C_DATE] < 0)
		return irm_seterr(e, "no date column");
	if (m->cols[C_USER] < 0)
		return irm_seterr(e, "no user column");
	if (m->cols[C_URL] >= 0)
		m->kind = K_HTTP;
	else if (m->cols[C_TO] >= 0 || m->cols[C_FROM] >= 0)
		m->kind = K_EMAIL;
	else if (m->cols[C_FILENAME] >= 0)
		m->kind = K_FILE;
	else if (m->cols[C_FILETREE] >= 0)
		m->kind = K_DEVICE;
	else if (m->cols[C_ACTIVITY] >= 0)
		m->kind = K_LOGON;
	else
		return irm_seterr(e,
		    "unknown CERT file: no activity, filename, to, url or file_tree column");
	return 0;
}

/* ------------------------------------------------------------- helpers */

static const char *
get(const struct irm_csvmap *m, const struct irm_row *row, int field)
{
	return irm_row_get(row, m->cols[field]);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s without trailing blanks (a copy in the arena only when it has some). */
static const char *
trim(struct irm_event *ev, const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (n == 0 || !is_blank(s[n - 1]))
		return s;
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	return irm_event_strndup(ev, s, n);
}

/* Is a to_removable_media value true ("True", as the dataset writes)? */
static int
is_true(const char *s)
{
	return s &&
	    (irm_strcaseeq(s, "True") || irm_strcaseeq(s, "1") ||
	        irm_strcaseeq(s, "yes"));
}

/*
 * Append each ';'-separated piece of s, trimmed, to sv (copies in the
 * arena); empty pieces are dropped.  Returns how many were added.
 */
static long long
split(struct irm_event *ev, struct irm_strv *sv, const char *s)
{
	const char *p, *end;
	long long n = 0;

	while (s && *s) {
		p = s + strcspn(s, ";");
		end = p;
		while (s < end && is_blank(*s))
			s++;
		while (end > s && is_blank(end[-1]))
			end--;
		if (end > s) {
			if (sv)
				irm_strv_add(sv,
				    irm_event_strndup(
				        ev, s, (size_t)(end - s)));
			n++;
		}
		s = *p ? p + 1 : p;
	}
	return n;
}

/*
 * The number of attachments: r4.2 gives the count, r6.2 a list of
 * "path(size)" entries separated by ';'.  A value of digits only is a
 * count (-1, none, when it is too large to be one); anything else counts
 * its entries.  Empty is 0.
 */
static long long
attachments(struct irm_event *ev, const char *s)
{
	const char *errstr;
	long long n;

	if (s == NULL)
		return 0;
	if (s[strspn(s, "0123456789")] != '\0')
		return split(ev, NULL, s);
	n = irm_parse_num(s, 0, 1000000000, &errstr);
	return errstr ? -1 : n;
}

/*
 * Set url.full and url.domain.  CERT urls may lack a scheme; the host is
 * then read as if "http://" came first, and url.full stays verbatim.
 */
static void
set_url(struct irm_event *ev, const char *url)
{
	if (url == NULL || strstr(url, "://") != NULL) {
		irm_event_set_url(ev, url);
		return;
	}
	irm_event_set_url(ev, irm_event_printf(ev, "http://%s", url));
	ev->url_full = url;
}

static const struct act *
find_act(int kind, const char *value)
{
	size_t i;

	for (i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
		if (acts[i].kind == kind && irm_strcaseeq(acts[i].value, value))
			return &acts[i];
	return NULL;
}

/* ------------------------------------------------------------ per kind */

/*
 * A copy or a write to removable media is a USB copy (r4.2 file.csv has
 * no to_removable_media column: each of its rows is one).
 */
static void
map_file(struct irm_csvmap *m, const struct irm_row *row, struct irm_event *ev)
{
	int removable =
	    m->cols[C_TOREMOVABLE] < 0 || is_true(get(m, row, C_TOREMOVABLE));

	irm_event_set_path(ev, get(m, row, C_FILENAME));
	if (removable &&
	    (strcmp(ev->activity, "file_copied") == 0 ||
	        strcmp(ev->activity, "file_modified") == 0))
		irm_event_set_activity(ev, "usb_copied");
}

static void
map_email(struct irm_csvmap *m, const struct irm_row *row, struct irm_event *ev)
{
	split(ev, &ev->email_to, get(m, row, C_TO));
	split(ev, &ev->email_cc, get(m, row, C_CC));
	split(ev, &ev->email_bcc, get(m, row, C_BCC));
	ev->email_from = trim(ev, get(m, row, C_FROM));
	if (m->cols[C_ATTACHMENTS] >= 0)
		ev->attachments = attachments(ev, get(m, row, C_ATTACHMENTS));
}

static void
map_http(struct irm_csvmap *m, const struct irm_row *row, struct irm_event *ev)
{
	set_url(ev, get(m, row, C_URL));
	if (strcmp(ev->activity, "browser_downloaded") == 0 ||
	    strcmp(ev->activity, "cloud_uploaded") == 0)
		ev->destination_domain = ev->url_domain;
}

/* -------------------------------------------------------------- mapper */

int
irm_map_cert(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e)
{
	const struct act *a;
	const char *id;

	if (m->kind == K_LDAP && m->cert)
		ldap_row(m->cert, get(m, row, C_USERID), m->month, row);
	if (m->kind == K_REFERENCE || m->kind == K_LDAP)
		return IRM_MAP_SKIP;
	if (irm_event_time_local(ev, "date", get(m, row, C_DATE), e) == -1)
		return IRM_MAP_REJECT;
	if ((ev->user = get(m, row, C_USER)) == NULL)
		return irm_seterr(e, "missing user"), IRM_MAP_REJECT;
	if (m->cert)
		learn_domain(m->cert, ev->user);
	ev->action = m->cols[C_ACTIVITY] >= 0
	    ? trim(ev, get(m, row, C_ACTIVITY))
	    : default_actions[m->kind];
	if (ev->action == NULL)
		return irm_seterr(e, "missing activity"), IRM_MAP_REJECT;
	if ((id = get(m, row, C_ID)) != NULL)
		ev->id = irm_event_printf(ev, "cert:%s:%s", m->file, id);
	ev->host_name = get(m, row, C_PC);
	ev->module = "cert";
	a = find_act(m->kind, ev->action);
	ev->dataset = datasets[a ? a->dataset : m->kind];
	irm_event_set_activity(ev, a ? a->activity : "other");
	if (m->kind == K_FILE)
		map_file(m, row, ev);
	else if (m->kind == K_EMAIL)
		map_email(m, row, ev);
	else if (m->kind == K_HTTP)
		map_http(m, row, ev);
	return IRM_MAP_EVENT;
}
