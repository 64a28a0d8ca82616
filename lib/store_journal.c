/*
 * store_journal.c - the journal of the store: one JSON entry a line, each
 * naming the SHA-256 of the line before it ("prev"; 64 zeros for the
 * first), so an edited, removed or reordered entry breaks the chain.
 * Writers append whole lines under flock(2) and fsync before unlocking;
 * readers take a shared lock so they never see half a line.  A line
 * without its newline at the end is a torn append (power loss): readers
 * skip it, the next writer cuts it and records what it cut.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_json.h"
#include "irm_store.h"

#define LINE_MAX_BYTES (64L << 20)
#define REPAIR_TEXT_MAX 4096
static const char zero_hash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct irm_store {
	char *path;
	int fd;
	int write;
	off_t off;          /* bytes of complete lines consumed */
	unsigned long line; /* lines consumed */
	unsigned long seq;
	char head[IRM_STORE_HASH_LEN];
	struct json_tokener *tok;
	off_t torn_off; /* the torn tail found by the last read */
	size_t torn;
};

static int
open_dir(const char *dir, int write, struct irm_error *e)
{
	struct stat st;

	if (write && mkdir(dir, 0700) == -1 && errno != EEXIST)
		return irm_seterr(e, "store %s: %s", dir, strerror(errno));
	if (stat(dir, &st) == -1)
		return irm_seterr(e, "store %s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return irm_seterr(e, "store %s: not a directory", dir);
	if (write && access(dir, W_OK | X_OK) == -1)
		return irm_seterr(
		    e, "store %s: not writable: %s", dir, strerror(errno));
	return 0;
}

struct irm_store *
irm_store_open(const char *dir, int write, struct irm_error *e)
{
	struct irm_store *s;
	struct irm_buf b;
	struct stat st;
	int flags = write ? O_RDWR | O_CREAT | O_APPEND : O_RDONLY;

	if (open_dir(dir, write, e) == -1)
		return NULL;
	irm_buf_init(&b, 8192);
	if (irm_buf_printf(&b, "%s/journal.jsonl", dir) == -1) {
		irm_seterr(e, "store: path too long");
		return NULL;
	}
	s = irm_xcalloc(1, sizeof(*s));
	s->path = irm_buf_take(&b);
	s->write = write;
	memcpy(s->head, zero_hash, sizeof(zero_hash));
	s->fd = open(s->path, flags | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (s->fd == -1 || fstat(s->fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		irm_seterr(e, "%s: %s", s->path,
		    s->fd == -1 ? strerror(errno) : "not a regular file");
		irm_store_close(s);
		return NULL;
	}
	s->tok = json_tokener_new();
	return s;
}

void
irm_store_close(struct irm_store *s)
{
	if (s == NULL)
		return;
	if (s->fd != -1)
		close(s->fd);
	if (s->tok)
		json_tokener_free(s->tok);
	free(s->path);
	free(s);
}

const char *
irm_store_head(const struct irm_store *s)
{
	return s->head;
}

unsigned long
irm_store_seq(const struct irm_store *s)
{
	return s->seq;
}

const char *
irm_store_path(const struct irm_store *s)
{
	return s->path;
}

int64_t
irm_store_now(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH"), *err;
	struct timespec ts;
	long long v;

	if (sde && *sde) {
		v = irm_parse_num(sde, 0, 253402300799LL, &err);
		if (err == NULL)
			return (int64_t)v * 1000;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *
irm_store_login(void)
{
	const char *name = getlogin();
	struct passwd *pw;

	if (name && *name)
		return name;
	pw = getpwuid(geteuid());
	return pw && pw->pw_name ? pw->pw_name : "unknown";
}

/*
 * Check one complete line against the chain so far; on success the chain
 * advances and *entry holds the parsed entry (owned by the caller).
 */
static int
check_entry(struct irm_store *s, const char *line, size_t len,
    struct json_object **entry, struct irm_error *e)
{
	struct json_object *o;
	const char *prev;
	long long v, seq;
	unsigned long n = s->line + 1;

	*entry = NULL;
	o = irm_json_parse(s->tok, line, len, e);
	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    irm_json_int(o, "v", &v) == -1 ||
	    irm_json_int(o, "seq", &seq) == -1 ||
	    (prev = irm_json_str(o, "prev")) == NULL ||
	    irm_json_str(o, "type") == NULL ||
	    !json_object_is_type(irm_json_get(o, "data"), json_type_object)) {
		json_object_put(o);
		return irm_seterr(
		    e, "%s:%lu: not a journal entry (edited?)", s->path, n);
	}
	if (v != 1 || seq != (long long)s->seq + 1 ||
	    strcmp(prev, s->head) != 0) {
		json_object_put(o);
		return irm_seterr(e,
		    "%s:%lu: the hash chain breaks here (entry seq %lld; irm-case verify tells more)",
		    s->path, n, seq);
	}
	irm_sha256_hex(line, len, s->head);
	s->seq = (unsigned long)seq;
	s->line = n;
	*entry = o;
	return 0;
}

/* Pass one complete line through the chain check to fn. */
static int
take_line(struct irm_store *s, const char *line, size_t len, irm_store_fn fn,
    void *ctx, struct irm_error *e)
{
	struct json_object *o;
	int rc;

	if (check_entry(s, line, len, &o, e) == -1)
		return -1;
	rc = fn ? fn(ctx, o, s->line, e) : 0;
	json_object_put(o);
	return rc;
}

/*
 * Read the lines after s->off.  A last line without its newline is left
 * unconsumed and described by torn_off and torn.
 */
static int
read_new(struct irm_store *s, irm_store_fn fn, void *ctx, struct irm_error *e)
{
	char chunk[65536];
	struct irm_buf line;
	off_t pos = s->off;
	ssize_t n;
	int rc = 0;

	irm_buf_init(&line, LINE_MAX_BYTES);
	while (rc == 0 && (n = pread(s->fd, chunk, sizeof(chunk), pos)) > 0) {
		const char *p = chunk, *end = chunk + n, *nl;

		pos += n;
		while (rc == 0 && p < end) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (irm_buf_add(&line, p, (nl ? nl : end) - p) == -1) {
				rc = irm_seterr(e,
				    "%s:%lu: entry over %ld bytes", s->path,
				    s->line + 1, LINE_MAX_BYTES);
				break;
			}
			if (nl == NULL)
				break;
			rc = take_line(s, line.data, line.len, fn, ctx, e);
			if (rc == 0)
				s->off += (off_t)line.len + 1;
			irm_buf_reset(&line);
			p = nl + 1;
		}
	}
	if (n == -1 && rc == 0)
		rc = irm_seterr(e, "%s: %s", s->path, strerror(errno));
	s->torn_off = s->off;
	s->torn = rc == 0 ? line.len : 0;
	irm_buf_free(&line);
	return rc;
}

static int
lock(struct irm_store *s, int how, struct irm_error *e)
{
	while (flock(s->fd, how) == -1)
		if (errno != EINTR)
			return irm_seterr(
			    e, "%s: lock: %s", s->path, strerror(errno));
	return 0;
}

/* The torn tail as JSON data for journal.repaired. */
static int
repair_data(struct irm_store *s, struct irm_buf *data, struct irm_error *e)
{
	size_t n = s->torn, keep = n < REPAIR_TEXT_MAX ? n : REPAIR_TEXT_MAX;
	char *cut = irm_xmalloc(n + 1), hex[IRM_STORE_HASH_LEN];
	ssize_t got = pread(s->fd, cut, n, s->torn_off);

	if (got != (ssize_t)n) {
		free(cut);
		return irm_seterr(e, "%s: %s", s->path,
		    got == -1 ? strerror(errno) : "short read");
	}
	cut[n] = '\0';
	irm_sha256_hex(cut, n, hex);
	irm_buf_printf(data,
	    "{\"offset\":%lld,\"line\":%lu,\"bytes\":%zu,\"sha256\":\"%s\"",
	    (long long)s->torn_off, s->line + 1, n, hex);
	cut[keep] = '\0';
	if (strlen(cut) == keep && irm_utf8_check(cut, keep) == 0) {
		irm_buf_adds(data, ",\"text\":");
		irm_json_quote(data, cut);
	}
	irm_buf_adds(data, "}");
	free(cut);
	return 0;
}

/* Cut the torn tail and record what was cut. */
static int
repair(struct irm_store *s, const char *by, irm_warn_fn warn, void *warn_arg,
    struct irm_error *e)
{
	struct irm_buf data;
	int rc;

	irm_buf_init(&data, 1 << 20);
	if (repair_data(s, &data, e) == -1) {
		irm_buf_free(&data);
		return -1;
	}
	irm_warn_to(warn, warn_arg,
	    "%s:%lu: torn last line (%zu bytes without a newline): cut, and recorded as journal.repaired",
	    s->path, s->line + 1, s->torn);
	if (ftruncate(s->fd, s->torn_off) == -1 || fsync(s->fd) == -1) {
		irm_buf_free(&data);
		return irm_seterr(e, "%s: %s", s->path, strerror(errno));
	}
	s->torn = 0;
	rc = irm_store_append(
	    s, irm_store_now(), "journal.repaired", by, data.data, e);
	irm_buf_free(&data);
	return rc;
}

int
irm_store_begin(struct irm_store *s, const char *by, irm_store_fn fn, void *ctx,
    irm_warn_fn warn, void *warn_arg, struct irm_error *e)
{
	if (lock(s, LOCK_EX, e) == -1)
		return -1;
	if (read_new(s, fn, ctx, e) == -1 ||
	    (s->torn && repair(s, by, warn, warn_arg, e) == -1)) {
		flock(s->fd, LOCK_UN);
		return -1;
	}
	return 0;
}

int
irm_store_append(struct irm_store *s, int64_t ms, const char *type,
    const char *by, const char *data, struct irm_error *e)
{
	char ts[IRM_TIME_LEN];
	struct irm_buf b;

	irm_time_format(ms, ts);
	irm_buf_init(&b, LINE_MAX_BYTES);
	irm_buf_printf(&b,
	    "{\"v\":1,\"seq\":%lu,\"@timestamp\":\"%s\",\"type\":", s->seq + 1,
	    ts);
	irm_json_quote(&b, type);
	irm_buf_adds(&b, ",\"by\":");
	irm_json_quote(&b, by);
	irm_buf_printf(&b, ",\"data\":%s,\"prev\":\"%s\"}", data, s->head);
	if (b.data == NULL || irm_buf_addc(&b, '\n') == -1)
		return irm_seterr(e, "%s: entry too long", s->path);
	if (irm_write_all(s->fd, b.data, b.len) == -1) {
		irm_buf_free(&b);
		return irm_seterr(e, "%s: write: %s", s->path, strerror(errno));
	}
	irm_sha256_hex(b.data, b.len - 1, s->head);
	s->seq++;
	s->line++;
	s->off += (off_t)b.len;
	irm_buf_free(&b);
	return 0;
}

int
irm_store_commit(struct irm_store *s, struct irm_error *e)
{
	int rc = 0;

	if (fsync(s->fd) == -1)
		rc = irm_seterr(e, "%s: fsync: %s", s->path, strerror(errno));
	flock(s->fd, LOCK_UN);
	return rc;
}

int
irm_store_read(struct irm_store *s, irm_store_fn fn, void *ctx, size_t *torn,
    struct irm_error *e)
{
	int rc;

	if (lock(s, LOCK_SH, e) == -1)
		return -1;
	rc = read_new(s, fn, ctx, e);
	flock(s->fd, LOCK_UN);
	*torn = s->torn;
	return rc;
}
