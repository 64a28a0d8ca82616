/*
 * irm.h - the core API shared by every irm tool, grouped by source file.
 *
 * Memory ownership rules, for every function declared here and in the
 * module headers (irm_json.h, irm_csv.h, irm_norm.h):
 * 1. A function returning a pointer says whether it is owned (the caller
 *    frees it with the named function) or borrowed (valid until the named
 *    event, usually the next call on the same object).
 * 2. Each irm_X_new() has an irm_X_free(), and every free function accepts
 *    NULL.
 * 3. Every growable buffer has a size cap.
 * 4. irm_buf_take() hands the allocation to the caller; after a failed
 *    irm_buf_add() the buffer is already freed.
 * 5. Library code never exits and never prints; it reports problems
 *    through return values and a caller-supplied struct irm_error, and
 *    hands warnings to a caller-supplied irm_warn_fn.  The irm_x*
 *    allocators, which die on exhaustion, are the one exception (make
 *    lint checks this).
 */
#ifndef IRM_H
#define IRM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define IRM_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Exit statuses shared by every tool (DESIGN section 1). */
enum {
	IRM_EXIT_OK = 0,
	IRM_EXIT_REJECT = 1,
	IRM_EXIT_USAGE = 2,
	IRM_EXIT_FATAL = 3,
	IRM_EXIT_FINDINGS = 4
};

/* A place in the input: file name ("<stdin>" for stdin) and line. */
struct irm_pos {
	const char *file;
	unsigned long line;
};

/* An error report filled by library functions that can fail. */
struct irm_error {
	char msg[256];
};

/* irm_err.c */

/* Set the program name used as the prefix of every message. */
void irm_setprogname(const char *argv0);
const char *irm_getprogname(void);

/*
 * err(3)-like messages on stderr: "prog: msg[: strerror(errno)]".  Format
 * strings carry no trailing newline.  The _at variants print
 * "prog: FILE:LINE: msg".
 */
void irm_warn(const char *fmt, ...) IRM_PRINTF(1, 2);
void irm_warnx(const char *fmt, ...) IRM_PRINTF(1, 2);
void irm_warnx_at(const struct irm_pos *pos, const char *fmt, ...)
    IRM_PRINTF(2, 3);
_Noreturn void irm_err(int code, const char *fmt, ...) IRM_PRINTF(2, 3)
    __attribute__((noreturn));
_Noreturn void irm_errx(int code, const char *fmt, ...) IRM_PRINTF(2, 3)
    __attribute__((noreturn));

/* Fill e (which may be NULL) and return -1, for one-line error returns. */
int irm_seterr(struct irm_error *e, const char *fmt, ...) IRM_PRINTF(2, 3);

/*
 * A warning that library code hands back instead of printing it: msg is
 * the whole text, without the program name or a newline, and borrowed
 * for the call.  The caller decides whether and how to show it.
 */
typedef void (*irm_warn_fn)(void *arg, const char *msg);

/* An irm_warn_fn for tools: prints msg as irm_warnx("%s", msg) does. */
void irm_warn_print(void *arg, const char *msg);

/*
 * Format a warning and pass it to fn with arg; nothing happens when fn
 * is NULL.  Library code uses this where a tool would call irm_warnx.
 */
void irm_warn_to(irm_warn_fn fn, void *arg, const char *fmt, ...)
    IRM_PRINTF(3, 4);

/*
 * Progress and the end-of-run summary of a filter.  irm_progress_start
 * starts the clock; show (the tool decides: stderr a terminal and stdout
 * not one) lets irm_progress_tick draw, from one second into the run and
 * then twice a second, one line on stderr rewritten in place:
 * "prog: N WHAT, N/s, WHERE".  A message printed meanwhile (irm_warnx
 * and the others) erases the line first; irm_progress_end erases it for
 * good.  The tool counts in, out and rejected itself.
 */
struct irm_progress {
	const char *what; /* what in counts: "records" */
	unsigned long long in, out, rejected;
	double start, last; /* seconds, CLOCK_MONOTONIC */
	unsigned ticks;
	int show;
};
void irm_progress_start(struct irm_progress *p, const char *what, int show);
/* Count one record read from where (a file name, NULL for none). */
void irm_progress_tick(struct irm_progress *p, const char *where);
/*
 * Draw the line now if it is due, p->in counted by the caller: for units
 * that come a few a second or fewer (a day written, a blob fetched), where
 * irm_progress_tick's one clock read in 64 calls would draw too seldom.
 */
void irm_progress_show(struct irm_progress *p, const char *where);
void irm_progress_end(struct irm_progress *p);
/*
 * -v: print "prog: N WHAT in, N OUT out, N rejected, S.SS s" on stderr,
 * out naming what goes out ("events").
 */
void irm_progress_summary(const struct irm_progress *p, const char *out);

/* Allocators that print a message and exit 3 when memory runs out. */
void *irm_xmalloc(size_t n);
void *irm_xcalloc(size_t n, size_t size);
void *irm_xrealloc(void *p, size_t n);
char *irm_xstrdup(const char *s);

/*
 * Print the usage and exit with code.  On a usage error (code not 0) only
 * the synopsis goes to stderr; for --help (code 0) the synopsis, a blank
 * line, one line per option of opts (irm_opt_help) and then more (NULL
 * for nothing) go to stdout, and a failed write exits 3.
 */
struct irm_opt;
_Noreturn void irm_usage(int code, const char *synopsis,
    const struct irm_opt *opts, const char *more) __attribute__((noreturn));

/* irm_buf.c */

/* A growable byte buffer, always NUL-terminated, with a size cap. */
struct irm_buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;
};

/* Initialise b empty, holding at most max bytes. */
void irm_buf_init(struct irm_buf *b, size_t max);

/*
 * Append n bytes.  Returns 0, or -1 when the cap would be passed; the
 * buffer is then freed and every later add fails too, until init.  Out
 * of memory exits 3, as irm_xmalloc does.
 */
int irm_buf_add(struct irm_buf *b, const void *p, size_t n);
int irm_buf_addc(struct irm_buf *b, char c);
int irm_buf_adds(struct irm_buf *b, const char *s);
int irm_buf_printf(struct irm_buf *b, const char *fmt, ...) IRM_PRINTF(2, 3);
int irm_buf_vprintf(struct irm_buf *b, const char *fmt, va_list ap)
    IRM_PRINTF(2, 0);

/* Empty b but keep its allocation. */
void irm_buf_reset(struct irm_buf *b);

/* Hand the data (owned, free with free()) to the caller; b becomes empty. */
char *irm_buf_take(struct irm_buf *b);
void irm_buf_free(struct irm_buf *b);

/* irm_opt.c */

/*
 * One option of a tool, in the table that gives both its getopt_long
 * tables and its --help lines.  A table ends with a zero val.
 */
struct irm_opt {
	int val;          /* the short letter, or a code of 256 and up */
	const char *name; /* the long name, NULL for a short option alone */
	const char *arg;  /* the argument as the synopsis names it, or NULL */
	const char *help; /* one line: what it does, and its default */
};

/* The entries that several tools share. */
#define IRM_OPT_HELP                                                           \
	{                                                                      \
		'h', "help", NULL, "print this help and exit"                  \
	}
#define IRM_OPT_VERSION                                                        \
	{                                                                      \
		'V', "version", NULL, "print the version and exit"             \
	}
#define IRM_OPT_REJECT                                                         \
	{                                                                      \
		'r', "reject", "file",                                         \
		    "append each rejected record to file (default: none)"      \
	}

/* Most options in a table, and the widest left column of the help. */
#define IRM_OPT_MAX 48
#define IRM_OPT_COLUMN 30

struct option;

/*
 * Fill the getopt_long tables of opts: shorts (size bytes) with prefix
 * and the short letters, ":" after those that take an argument; longs
 * (n entries) with the options that have a long name and the closing
 * zero entry.  Returns 0, or -1 when a table is too small.
 */
int irm_opt_getopt(const struct irm_opt *opts, const char *prefix, char *shorts,
    size_t size, struct option *longs, size_t n);

/*
 * Append to out one line per option of opts, "  -f, --format format  what
 * it does", the descriptions in one column.  Returns 0, or -1 when out
 * is full (it is then freed, as irm_buf_add does).
 */
int irm_opt_help(const struct irm_opt *opts, struct irm_buf *out);

/* irm_io.c */

/*
 * Write all n bytes of buf to fd, going on after short writes and EINTR.
 * Returns 0, or -1 with errno set (EIO when write makes no progress); a
 * failure may leave part of buf written.
 */
int irm_write_all(int fd, const void *buf, size_t n);

/*
 * Cut a last line without its newline off the file open on fd (O_RDWR),
 * as a run killed or failed in the middle of an append leaves it, sync,
 * and say so through warn (with arg; may be NULL), naming path.  Returns
 * 0 (also when there was nothing to cut), or -1 with errno set.
 */
int irm_cut_partial_line(int fd, const char *path, irm_warn_fn warn, void *arg);

/*
 * Open (creating it mode 0600) the lock file path of a state, read-write
 * and close-on-exec, never through a symbolic link (ELOOP) and only when
 * it is a regular file (EINVAL).  Returns the descriptor (owned), or -1
 * with errno set.
 */
int irm_lock_open(const char *path);

/*
 * Create path afresh, write-only, mode 0600, close-on-exec, for a
 * temporary file that is then renamed over a state: whatever is at path
 * (the temporary file of a killed run, a planted symbolic link) is
 * unlinked, never followed, and the file is created with O_EXCL and
 * O_NOFOLLOW, so a link planted in between makes it fail (EEXIST) rather
 * than write through.  Call it holding the state's lock.  Returns the
 * descriptor (owned), or -1 with errno set.
 */
int irm_tmp_create(const char *path);

/*
 * As ssh does with a private key: refuse a secret file (open as fd) that
 * group or others may read or write.  Returns 0 (also for what is not a
 * regular file, such as a pipe: nothing to check), or -1 with e filled:
 * "PATH: mode 0644 is too open: ...".
 */
int irm_secret_check(int fd, const char *path, struct irm_error *e);

/*
 * Warn through warn (with arg; may be NULL) when a directory holding
 * files irm keeps (what: "state", "store") is writable by group or others
 * or belongs to a user other than the caller and root: whoever can write
 * it can replace the files.  The directory is path itself, or with parent
 * set the directory path is in.  A directory that cannot be examined is
 * not warned about (opening the files reports it).
 */
void irm_dir_check(const char *path, int parent, const char *what,
    irm_warn_fn warn, void *arg);

/* irm_out.c */

/* How irm_out_open opens a file. */
enum irm_out_mode {
	IRM_OUT_TRUNC, /* write-only, emptied first */
	IRM_OUT_APPEND /* read-write and appending, so that a partial last
	                  line can be cut (irm_cut_partial_line) */
};

/*
 * Open path for a tool's -o option, created mode 0600, close-on-exec.
 * Call it only after every option has parsed and been checked, so that a
 * usage error leaves the file alone.  Returns the descriptor (owned: the
 * caller closes it), or -1 with errno set.
 */
int irm_out_open(const char *path, enum irm_out_mode mode);

/*
 * irm_out_open, then make the file standard output (dup2).  Returns 0,
 * or -1 with errno set and standard output unchanged.
 */
int irm_out_stdout(const char *path, enum irm_out_mode mode);

/*
 * Open path to append rejected records to, created mode 0600.  When a
 * killed run left its last line without a newline the line is ended
 * there, so the next record is not glued to it.  Like irm_out_open, call
 * it only after every option has parsed.  Returns the stream, or NULL
 * with errno set.
 */
FILE *irm_open_reject(const char *path);

/*
 * Flush and close fp (standard output at the end of a run, a reject
 * file), so that a write that failed now or earlier (ferror) is not lost
 * in an exit status of 0.  fp is closed in any case.  Returns 0, or -1
 * with errno set: the caller names the stream in its message.
 */
int irm_out_close(FILE *fp);

/* irm_num.c */

/*
 * Parse a decimal integer in [min, max] (strtonum idiom).  On failure
 * returns 0 and sets *errstr to "invalid", "too small" or "too large".
 */
long long irm_parse_num(
    const char *s, long long min, long long max, const char **errstr);

/*
 * Parse a size with an optional K, M or G suffix (powers of 1024), as for
 * --max-line.  Same error convention as irm_parse_num.
 */
long long irm_parse_size(
    const char *s, long long min, long long max, const char **errstr);

/* irm_input.c */

/*
 * A cat-like iterator over file operands ("-" or none means stdin) with a
 * line reader that tracks file and line and enforces a line-length cap.
 */
struct irm_input;

enum {
	IRM_LINE_OK = 1,
	IRM_LINE_EOF = 0,
	IRM_LINE_TOOLONG = -1,
	IRM_LINE_ERROR = -2
};

/*
 * Create an iterator over argv[0..argc-1] (no operands: stdin).  maxline
 * caps the length of one line.  Owned: free with irm_input_free().
 */
struct irm_input *irm_input_new(int argc, char **argv, size_t maxline);
void irm_input_free(struct irm_input *in);

/*
 * Open the next operand.  Returns 1 when a file is open, 0 when none are
 * left, -1 when the operand could not be opened (e holds the reason, with
 * the name; call again to go on with the next one).
 */
int irm_input_next_file(struct irm_input *in, struct irm_error *e);

/*
 * Read the next line of the open file into *line (borrowed, valid until
 * the next call; NUL-terminated, without the newline) and its length into
 * *len.  Returns IRM_LINE_OK, IRM_LINE_EOF, IRM_LINE_TOOLONG (the line was
 * skipped up to its newline; *len is its length so far) or IRM_LINE_ERROR
 * (a read error; e holds it).
 */
int irm_input_getline(
    struct irm_input *in, char **line, size_t *len, struct irm_error *e);

/*
 * Copy lines that pass the cap, whole and with a newline, to fp (the
 * reject file); NULL turns this off.
 */
void irm_input_set_spill(struct irm_input *in, FILE *fp);

/*
 * The first byte of the open file that is not a blank or a UTF-8 BOM,
 * looking only at the first read; -1 when there is none there, -2 on a
 * read error (e).  Nothing is consumed.
 */
int irm_input_peek(struct irm_input *in, struct irm_error *e);

/* The current file name ("<stdin>" for stdin) and line number. */
const char *irm_input_name(const struct irm_input *in);
unsigned long irm_input_lineno(const struct irm_input *in);
size_t irm_input_maxline(const struct irm_input *in);

/* irm_time.c */

/* Flags for irm_time_parse. */
enum {
	IRM_TIME_UTC = 1, /* a value without a zone is UTC (O365, Graph) */
	IRM_TIME_DATE = 2 /* set on return when the value had no time */
};

/*
 * Select the zone for zone-less values: an IANA name such as
 * "Europe/Berlin", or "UTC".  Returns 0, or -1 with e filled when the zone
 * is unknown.
 */
int irm_time_setzone(const char *zone, struct irm_error *e);

/* Is zone "UTC" or a sane name of a zone file (TZif) under $TZDIR or
 * /usr/share/zoneinfo?  Changes nothing. */
int irm_time_zone_ok(const char *zone);

/*
 * The offset east of UTC, in seconds, of zone (a name irm_time_zone_ok
 * accepts) at the instant t (seconds since the epoch); 0 for "UTC" or
 * when the zone cannot be loaded.  The selected zone is left as it was.
 */
int64_t irm_time_zone_offset(const char *zone, int64_t t);

/*
 * Parse a timestamp of any form seen in the sources into milliseconds
 * since the epoch (UTC): ISO 8601 / RFC 3339 with or without zone, offset
 * or fraction (any number of digits, truncated to milliseconds), with T or
 * a space; a date alone; US M/D/YYYY [H:MM[:SS]] [AM|PM] (the Purview
 * export and CERT).  Surrounding blanks are ignored.  A zone-less value is
 * UTC when *flags has IRM_TIME_UTC, otherwise local to the zone chosen by
 * irm_time_setzone(); a local time that does not exist there is an error.
 * On return *flags has IRM_TIME_DATE when the value had no time of day.
 * Returns 0, or -1 with e filled.
 */
int irm_time_parse(
    const char *s, size_t len, int *flags, int64_t *ms, struct irm_error *e);

/*
 * Write ms as "YYYY-MM-DDTHH:MM:SS.mmmZ" (24 characters and a NUL) into
 * out, which has room for IRM_TIME_LEN bytes.
 */
#define IRM_TIME_LEN 25
void irm_time_format(int64_t ms, char *out);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t irm_days_from_civil(int64_t y, unsigned m, unsigned d);
void irm_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d);

/* irm_severity.c */

/* The severities of insights and alerts. */
enum { IRM_SEV_LOW = 1, IRM_SEV_MEDIUM = 2, IRM_SEV_HIGH = 3 };

/* The severity of a score (0-100): high from 67, medium from 34, else
 * low. */
int irm_severity_of(int score);

/* "low", "medium" or "high"; "low" for a value out of range. */
const char *irm_severity_name(int severity);

/* The severity called name ("low", "medium" or "high", in any case), or 0
 * for any other name or NULL. */
int irm_severity_parse(const char *name);

/* irm_pseudo.c */

/*
 * HMAC-SHA256 pseudonyms.  irm_pseudo_load reads the key from a file
 * (trailing newline ignored; at least 16 bytes) that group and others
 * cannot read or write (irm_secret_check).  Returns the key, or NULL with
 * e filled.  The key never appears in messages.
 */
struct irm_pseudo;
struct irm_pseudo *irm_pseudo_load(const char *path, struct irm_error *e);
void irm_pseudo_free(struct irm_pseudo *p);

/*
 * Write "anon-" and the first 12 hex digits of HMAC-SHA256(key, the
 * ASCII-lower-cased identity) into out (IRM_PSEUDO_LEN bytes with NUL).
 */
#define IRM_PSEUDO_LEN 18
void irm_pseudonym(
    const struct irm_pseudo *p, const char *id, size_t len, char *out);

/* Write the lower-case hex HMAC-SHA256 of data under key (65 bytes with
 * NUL) into out. */
void irm_hmac_sha256_hex(
    const void *key, size_t keylen, const void *data, size_t len, char *out);

/* Write the lower-case hex SHA-256 of data (65 bytes with NUL) into out. */
void irm_sha256_hex(const void *data, size_t len, char *out);

/* Helpers on strings. */

/* Validate UTF-8; returns 0 when valid, else the 1-based offset of the
 * first bad byte. */
size_t irm_utf8_check(const char *s, size_t len);

/*
 * The length of the control character that s[0..len) starts with: 1 for
 * a C0 control or DEL, 2 for a C1 control (U+0080 to U+009F in UTF-8),
 * 3 for a bidirectional override or isolate (U+202A to U+202E, U+2066 to
 * U+2069); 0 when it starts with anything else (or len is 0).  With
 * irm_utf8_control_cp the code point is stored in *cp.
 */
size_t irm_utf8_control(const char *s, size_t len);
size_t irm_utf8_control_cp(const char *s, size_t len, unsigned *cp);

/* The 64-bit FNV-1a hash of s, for hash tables (and the event ids of
 * irm-score's state file, so it must not change). */
uint64_t irm_fnv1a(const char *s);

/* The value of a hex digit, or -1. */
int irm_hexval(int c);

/*
 * The partition of key among n (irm(7) SCALE): the standard 64-bit
 * FNV-1a hash of key's bytes (offset basis 14695981039346656037, prime
 * 1099511628211) mod n, so that any engine can reproduce it; 0 when n is
 * 0.  It must not change.
 */
unsigned irm_partition(const char *key, unsigned n);

/*
 * Copy at most IRM_QUOTE_MAX bytes of s[0..len) into out (IRM_QUOTE_LEN
 * bytes) for a message: control and non-ASCII bytes become '?', and "..."
 * marks a cut.  Input values never reach stderr unfiltered.
 */
#define IRM_QUOTE_MAX 40
#define IRM_QUOTE_LEN (IRM_QUOTE_MAX + 4)
void irm_str_quote(const char *s, size_t len, char *out);

/* ASCII-only case-insensitive comparisons. */
int irm_strcaseeq(const char *a, const char *b);

/* A qsort/bsearch comparison of two char * elements by strcmp. */
int irm_strp_cmp(const void *a, const void *b);

/*
 * Sort the n elements of size size at base with cmp, then keep the first
 * of each run that cmp finds equal, in order, at the front: returns how
 * many are kept.  The elements past that are left as they were.
 */
size_t irm_sort_distinct(
    void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/*
 * Did-you-mean for an unknown name: start with irm_suggest_init(&g, word),
 * offer every known name with irm_suggest_add, then g.best is the closest
 * (ASCII case-blind edit distance, a swap of neighbours counting one) when
 * it is near enough to be a typo (1 edit up to 4 characters, 2 up to 8,
 * else 3), or NULL.  The first of equally close names wins.  Nothing is
 * copied: word and the names must outlive g.
 */
struct irm_suggest {
	const char *word;
	const char *best;
	int dist;
};
void irm_suggest_init(struct irm_suggest *g, const char *word);
void irm_suggest_add(struct irm_suggest *g, const char *name);

#endif /* IRM_H */
