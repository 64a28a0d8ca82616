/*
 * store_journal.c - the journal of the store: one JSON entry a line, each
 * naming the SHA-256 of the line before it ("prev"; 64 zeros for the
 * first), so an edited, removed or reordered entry breaks the chain.
 * Each entry ends with "mac", the HMAC-SHA256 of the line before it under
 * the store's key (DIR/journal.key), so an entry edited or written
 * without the key, the last one included, is found; DIR/journal.head
 * names the last entry committed (with a MAC), so a cut is found too.
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
#include <sys/random.h>
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

#define KEY_BYTES 32
#define MAC_TAIL 74 /* ,"mac":" 64 hex digits "} */

struct irm_store {
	char *path, *keypath, *headpath;
	int fd;
	int write;
	off_t off;          /* bytes of complete lines consumed */
	unsigned long line; /* lines consumed */
	unsigned long seq;
	char head[IRM_STORE_HASH_LEN];
	struct json_tokener *tok;
	off_t torn_off; /* the torn tail found by the last read */
	size_t torn;
	unsigned char key[KEY_BYTES];
	int haskey;
	char keyerr[256];     /* why there is no key, when there is none */
	int keyed;            /* the journal.keyed entry was read or written */
	unsigned long hf_seq; /* what journal.head names */
	char hf_head[IRM_STORE_HASH_LEN];
	int hf_check; /* hf_seq is ahead: check its entry when read */
	int hf_stale; /* journal.head is to be written at commit */
	int appended; /* entries appended since begin */
	char actor[128];
	irm_store_line_fn on_line; /* progress: irm_store_on_line */
	void *on_line_arg;
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

static int
lock(struct irm_store *s, int how, struct irm_error *e)
{
	while (flock(s->fd, how) == -1)
		if (errno != EINTR)
			return irm_seterr(
			    e, "%s: lock: %s", s->path, strerror(errno));
	return 0;
}

/* DIR/name (sep "/") or PATH.tmp (sep ""), or NULL when too long.  Owned
 * by the caller. */
static char *
dir_file(const char *dir, const char *sep, const char *name)
{
	struct irm_buf b;

	irm_buf_init(&b, 8192);
	if (irm_buf_printf(&b, "%s%s%s", dir, sep, name) == -1)
		return NULL;
	return irm_buf_take(&b);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int
unhex(const char *h, unsigned char *out, size_t n)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < n; i++) {
		hi = hexval((unsigned char)h[2 * i]);
		lo = hexval((unsigned char)h[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

static void
keyerr(struct irm_store *s, const char *why)
{
	snprintf(s->keyerr, sizeof(s->keyerr), "%s: %s", s->keypath, why);
}

/*
 * Read DIR/journal.key (64 hex digits and a newline).  Returns 0, 1 when
 * there is none, or -1 (keyerr says why: unreadable, too open, damaged).
 */
static int
key_load(struct irm_store *s)
{
	char buf[2 * KEY_BYTES + 2], why[64];
	struct stat st;
	ssize_t n;
	int fd = open(s->keypath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), rc = -1;

	if (fd == -1) {
		keyerr(s, strerror(errno));
		return errno == ENOENT ? 1 : -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		keyerr(s, "not a regular file");
	} else if (st.st_mode & 0007) {
		snprintf(why, sizeof(why),
		    "mode %04o is too open (others may use it)",
		    (unsigned)(st.st_mode & 07777));
		keyerr(s, why);
	} else if ((n = read(fd, buf, sizeof(buf))) != 2 * KEY_BYTES + 1 ||
	    buf[2 * KEY_BYTES] != '\n' || unhex(buf, s->key, KEY_BYTES) == -1) {
		keyerr(
		    s, n == -1 ? strerror(errno) : "not a key (64 hex digits)");
	} else {
		s->haskey = 1;
		s->keyerr[0] = '\0';
		rc = 0;
	}
	explicit_bzero(buf, sizeof(buf));
	close(fd);
	return rc;
}

/* The canonical journal.head line of seq and head, without its MAC. */
static void
head_text(const struct irm_store *s, unsigned long seq, const char *head,
    char *out, size_t n)
{
	char mac[IRM_STORE_HASH_LEN];
	int len =
	    snprintf(out, n, "{\"seq\":%lu,\"head\":\"%.64s\"", seq, head);

	irm_hmac_sha256_hex(s->key, KEY_BYTES, out, (size_t)len, mac);
	snprintf(out + len, n - (size_t)len, ",\"mac\":\"%s\"}\n", mac);
}

int
irm_store_head_load(
    struct irm_store *s, unsigned long *seq, char *head, struct irm_error *e)
{
	char buf[256], want[256];
	int fd = open(s->headpath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n;

	if (fd == -1) {
		if (errno == ENOENT)
			return 1;
		return irm_seterr(e, "%s: %s", s->headpath, strerror(errno));
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n == -1)
		return irm_seterr(e, "%s: %s", s->headpath, strerror(errno));
	buf[n] = '\0';
	if (sscanf(buf, "{\"seq\":%lu,\"head\":\"%64[0-9a-f]\"", seq, head) !=
	        2 ||
	    strlen(head) != 64)
		return irm_seterr(e, "%s: damaged", s->headpath);
	head_text(s, *seq, head, want, sizeof(want));
	if (strcmp(buf, want) != 0)
		return irm_seterr(e,
		    "%s: its mac does not match: edited, or written without the store's key",
		    s->headpath);
	return 0;
}

/* Write journal.head naming the last entry (the journal's mode). */
static int
head_write(struct irm_store *s, struct irm_error *e)
{
	char line[256], *tmp = dir_file(s->headpath, "", ".tmp");
	struct stat st;
	int fd = -1, rc = 0;

	if (tmp == NULL)
		return irm_seterr(e, "store: path too long");
	head_text(s, s->seq, s->head, line, sizeof(line));
	if ((fd = irm_tmp_create(tmp)) == -1 ||
	    (fstat(s->fd, &st) == 0 && fchmod(fd, st.st_mode & 0660) == -1) ||
	    irm_write_all(fd, line, strlen(line)) == -1 || fsync(fd) == -1 ||
	    rename(tmp, s->headpath) == -1)
		rc = irm_seterr(e, "%s: %s", s->headpath, strerror(errno));
	if (fd != -1)
		close(fd);
	if (rc == -1)
		unlink(tmp);
	free(tmp);
	if (rc == 0) {
		s->hf_seq = s->seq;
		memcpy(s->hf_head, s->head, IRM_STORE_HASH_LEN);
	}
	return rc;
}

/*
 * A new key for the store, under the journal's lock: journal.head first
 * (naming nothing yet, so an interrupted creation leaves no key and is
 * done again), then journal.key, mode 0600, renamed into place.
 */
static int
key_create(struct irm_store *s, struct irm_error *e)
{
	char hex[2 * KEY_BYTES + 2], *tmp = NULL;
	unsigned char k[KEY_BYTES];
	int fd = -1, rc = 0;
	size_t i;

	if (getrandom(k, sizeof(k), 0) != (ssize_t)sizeof(k))
		return irm_seterr(
		    e, "%s: no random bytes: %s", s->keypath, strerror(errno));
	for (i = 0; i < KEY_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", k[i]);
	hex[2 * KEY_BYTES] = '\n';
	hex[2 * KEY_BYTES + 1] = '\0';
	memcpy(s->key, k, sizeof(k));
	explicit_bzero(k, sizeof(k));
	s->haskey = 1;
	s->seq = 0;
	memcpy(s->head, zero_hash, sizeof(zero_hash));
	if (head_write(s, e) == -1)
		rc = -1;
	else if ((tmp = dir_file(s->keypath, "", ".tmp")) == NULL)
		rc = irm_seterr(e, "store: path too long");
	if (rc == 0) {
		if ((fd = irm_tmp_create(tmp)) == -1 ||
		    irm_write_all(fd, hex, strlen(hex)) == -1 ||
		    fsync(fd) == -1 || rename(tmp, s->keypath) == -1) {
			rc = irm_seterr(
			    e, "%s: %s", s->keypath, strerror(errno));
			unlink(tmp);
		}
	}
	if (fd != -1)
		close(fd);
	free(tmp);
	explicit_bzero(hex, sizeof(hex));
	if (rc == -1)
		s->haskey = 0;
	return rc;
}

/* A writer's key: read, or created with the store under its lock. */
static int
writer_key(struct irm_store *s, struct irm_error *e)
{
	int rc = key_load(s);

	if (rc == 1) {
		if (lock(s, LOCK_EX, e) == -1)
			return -1;
		rc = key_load(s); /* another writer may have made it */
		if (rc == 1)
			rc = key_create(s, e);
		else if (rc == -1)
			irm_seterr(e, "%s", s->keyerr);
		flock(s->fd, LOCK_UN);
		return rc;
	}
	if (rc == -1)
		return irm_seterr(e,
		    "%s (only who can read the store's key may append)",
		    s->keyerr);
	return 0;
}

struct irm_store *
irm_store_open(const char *dir, int write, struct irm_error *e)
{
	struct irm_store *s;
	struct passwd *pw;
	struct stat st;
	int flags = write ? O_RDWR | O_CREAT | O_APPEND : O_RDONLY;

	if (open_dir(dir, write, e) == -1)
		return NULL;
	s = irm_xcalloc(1, sizeof(*s));
	s->fd = -1;
	s->path = dir_file(dir, "/", "journal.jsonl");
	s->keypath = dir_file(dir, "/", "journal.key");
	s->headpath = dir_file(dir, "/", "journal.head");
	if (s->path == NULL || s->keypath == NULL || s->headpath == NULL) {
		irm_seterr(e, "store: path too long");
		irm_store_close(s);
		return NULL;
	}
	s->write = write;
	memcpy(s->head, zero_hash, sizeof(zero_hash));
	s->fd = open(s->path, flags | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (s->fd == -1 || fstat(s->fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		irm_seterr(e, "%s: %s", s->path,
		    s->fd == -1 ? strerror(errno) : "not a regular file");
		irm_store_close(s);
		return NULL;
	}
	pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(s->actor, sizeof(s->actor), "%s", pw->pw_name);
	else
		snprintf(s->actor, sizeof(s->actor), "uid:%lu",
		    (unsigned long)geteuid());
	if (!write)
		key_load(s); /* readers check the MACs when they may */
	else if (writer_key(s, e) == -1) {
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
	explicit_bzero(s->key, sizeof(s->key));
	free(s->path);
	free(s->keypath);
	free(s->headpath);
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

int
irm_store_mac_check(const struct irm_store *s, const char *line, size_t len)
{
	char mac[IRM_STORE_HASH_LEN];
	const char *got;
	unsigned diff = 0;
	size_t i;

	if (len <= MAC_TAIL ||
	    memcmp(line + len - MAC_TAIL, ",\"mac\":\"", 8) ||
	    memcmp(line + len - 2, "\"}", 2))
		return IRM_MAC_NONE;
	if (!s->haskey)
		return IRM_MAC_UNCHECKED;
	irm_hmac_sha256_hex(s->key, KEY_BYTES, line, len - MAC_TAIL, mac);
	got = line + len - MAC_TAIL + 8;
	for (i = 0; i < 64; i++)
		diff |= (unsigned char)(mac[i] ^ got[i]);
	return diff ? IRM_MAC_BAD : IRM_MAC_OK;
}

const char *
irm_store_key_problem(const struct irm_store *s)
{
	return s->haskey ? NULL : s->keyerr;
}

/*
 * The MAC of an entry and what it says of the key: after journal.keyed
 * every entry must carry a MAC made with the store's key (checked when
 * the key could be read); journal.keyed itself starts that.
 */
static int
check_mac(struct irm_store *s, const char *line, size_t len, const char *type,
    unsigned long n, struct irm_error *e)
{
	int mac = irm_store_mac_check(s, line, len);
	int keyed = strcmp(type, "journal.keyed") == 0;

	if (mac == IRM_MAC_BAD)
		return irm_seterr(e,
		    "%s:%lu: the entry's mac does not match: edited, or written without the store's key",
		    s->path, n);
	if (mac == IRM_MAC_NONE && (s->keyed || keyed))
		return irm_seterr(e,
		    "%s:%lu: an entry without a mac after journal.keyed: written without the store's key",
		    s->path, n);
	if (keyed)
		s->keyed = 1;
	return 0;
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
	const char *prev, *type;
	long long v, seq;
	unsigned long n = s->line + 1;

	*entry = NULL;
	o = irm_json_parse(s->tok, line, len, e);
	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    irm_json_int(o, "v", &v) == -1 ||
	    irm_json_int(o, "seq", &seq) == -1 ||
	    (prev = irm_json_str(o, "prev")) == NULL ||
	    (type = irm_json_str(o, "type")) == NULL ||
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
	if (check_mac(s, line, len, type, n, e) == -1) {
		json_object_put(o);
		return -1;
	}
	irm_sha256_hex(line, len, s->head);
	s->seq = (unsigned long)seq;
	s->line = n;
	if (s->hf_check && s->seq == s->hf_seq) {
		s->hf_check = 0;
		if (strcmp(s->head, s->hf_head) != 0) {
			json_object_put(o);
			return irm_seterr(e,
			    "%s:%lu: entry %lu is not the one journal.head names: edited or replaced",
			    s->path, n, s->seq);
		}
	}
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

	char msg[sizeof(e->msg)];

	if (check_entry(s, line, len, &o, e) == -1)
		return -1;
	rc = fn ? fn(ctx, o, s->line, e) : 0;
	json_object_put(o);
	if (rc == -1) {
		snprintf(msg, sizeof(msg), "%s", e->msg);
		irm_seterr(e, "%s:%lu: %s", s->path, s->line, msg);
	}
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
			irm_store_line(s, 0);
			irm_buf_reset(&line);
			p = nl + 1;
		}
	}
	if (n == -1 && rc == 0)
		rc = irm_seterr(e, "%s: %s", s->path, strerror(errno));
	s->torn_off = s->off;
	s->torn = rc == 0 ? line.len : 0;
	irm_buf_free(&line);
	irm_store_line(s, 1);
	return rc;
}

void
irm_store_on_line(struct irm_store *s, irm_store_line_fn fn, void *arg)
{
	s->on_line = fn;
	s->on_line_arg = arg;
}

void
irm_store_line(struct irm_store *s, int end)
{
	if (s->on_line)
		s->on_line(s->on_line_arg, end);
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

/*
 * Before a writer reads on: what journal.head names must be read (or have
 * been), else entries were cut.
 */
static int
head_begin(struct irm_store *s, struct irm_error *e)
{
	int rc = irm_store_head_load(s, &s->hf_seq, s->hf_head, e);
	struct stat st;

	if (rc == 1 && fstat(s->fd, &st) == 0 && st.st_size == 0) {
		/* A key put in place before the first write: a new store. */
		s->hf_seq = 0;
		memcpy(s->hf_head, zero_hash, sizeof(zero_hash));
		return 0;
	}
	if (rc == 1)
		return irm_seterr(e,
		    "%s: missing, while the store has a key and entries: a cut cannot be ruled out",
		    s->headpath);
	if (rc == -1)
		return -1;
	if (s->hf_seq > s->seq)
		s->hf_check = 1;
	else if (s->hf_seq == s->seq && strcmp(s->hf_head, s->head) != 0)
		return irm_seterr(e,
		    "%s: names another entry %lu than the journal's: edited or replaced",
		    s->headpath, s->seq);
	return 0;
}

/* The journal.keyed entry: the store's key id (not the key). */
static int
append_keyed(struct irm_store *s, const char *by, struct irm_error *e)
{
	char id[IRM_STORE_HASH_LEN], data[64];

	irm_sha256_hex(s->key, KEY_BYTES, id);
	snprintf(data, sizeof(data), "{\"key\":\"%.16s\"}", id);
	return irm_store_append(
	    s, irm_store_now(), "journal.keyed", by, data, e);
}

int
irm_store_begin(struct irm_store *s, const char *by, irm_store_fn fn, void *ctx,
    irm_warn_fn warn, void *warn_arg, struct irm_error *e)
{
	if (lock(s, LOCK_EX, e) == -1)
		return -1;
	s->appended = 0;
	if (head_begin(s, e) == -1 || read_new(s, fn, ctx, e) == -1)
		goto fail;
	if (s->hf_check) {
		irm_seterr(e,
		    "%s: journal.head names entry %lu but the journal ends at entry %lu: entries were cut",
		    s->path, s->hf_seq, s->seq);
		goto fail;
	}
	s->hf_stale = s->hf_seq != s->seq;
	if ((s->torn && repair(s, by, warn, warn_arg, e) == -1) ||
	    (!s->keyed && append_keyed(s, by, e) == -1))
		goto fail;
	return 0;
fail:
	s->hf_check = 0;
	flock(s->fd, LOCK_UN);
	return -1;
}

int
irm_store_append(struct irm_store *s, int64_t ms, const char *type,
    const char *by, const char *data, struct irm_error *e)
{
	char ts[IRM_TIME_LEN], mac[IRM_STORE_HASH_LEN];
	struct irm_buf b;

	irm_time_format(ms, ts);
	irm_buf_init(&b, LINE_MAX_BYTES);
	irm_buf_printf(&b,
	    "{\"v\":1,\"seq\":%lu,\"@timestamp\":\"%s\",\"type\":", s->seq + 1,
	    ts);
	irm_json_quote(&b, type);
	irm_buf_adds(&b, ",\"actor\":");
	irm_json_quote(&b, s->actor);
	irm_buf_adds(&b, ",\"by\":");
	irm_json_quote(&b, by);
	irm_buf_printf(&b, ",\"data\":%s,\"prev\":\"%s\"", data, s->head);
	if (b.data != NULL && s->haskey) {
		irm_hmac_sha256_hex(s->key, KEY_BYTES, b.data, b.len, mac);
		irm_buf_printf(&b, ",\"mac\":\"%s\"", mac);
	}
	if (b.data == NULL || irm_buf_adds(&b, "}\n") == -1)
		return irm_seterr(e, "%s: entry too long", s->path);
	if (irm_write_all(s->fd, b.data, b.len) == -1) {
		irm_buf_free(&b);
		return irm_seterr(e, "%s: write: %s", s->path, strerror(errno));
	}
	irm_sha256_hex(b.data, b.len - 1, s->head);
	if (strcmp(type, "journal.keyed") == 0)
		s->keyed = 1;
	s->seq++;
	s->line++;
	s->off += (off_t)b.len;
	s->appended = 1;
	irm_buf_free(&b);
	return 0;
}

int
irm_store_commit(struct irm_store *s, struct irm_error *e)
{
	int rc = 0;

	if (fsync(s->fd) == -1)
		rc = irm_seterr(e, "%s: fsync: %s", s->path, strerror(errno));
	else if (s->haskey && s->write && (s->appended || s->hf_stale))
		rc = head_write(s, e);
	if (rc == 0)
		s->appended = s->hf_stale = 0;
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
