/*
 * fetch_state.c - the irm-fetch state file: cursors and the ids already
 * written, kept as one JSON object, locked for the whole run and replaced
 * atomically (write beside, fsync, rename, fsync the directory).
 *
 *   {"irm_fetch_state":1,"source":"o365","tenant":"...",
 *    "cursors":{"Audit.Exchange":"2026-03-02T12:00:00.000Z",...},
 *    "seen":{"<content id>":"<content created>",...}}
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "irm_fetch.h"
#include "irm_json.h"

/* A state file larger than this is refused as corrupt. */
#define MAX_STATE ((size_t)256 << 20)

struct irm_fstate {
	char *path;
	int lockfd;
	struct json_object *root;           /* owned */
	struct json_object *cursors, *seen; /* borrowed from root */
};

static int64_t
parse_time(const char *s)
{
	int64_t ms;
	int flags = IRM_TIME_UTC;

	if (s == NULL || irm_time_parse(s, strlen(s), &flags, &ms, NULL) == -1)
		return -1;
	return ms;
}

static int
lock(struct irm_fstate *s, int *busy, struct irm_error *e)
{
	struct irm_buf p;

	irm_buf_init(&p, 8192);
	if (irm_buf_printf(&p, "%s.lock", s->path) == -1)
		return irm_seterr(e, "%s: name too long", s->path);
	s->lockfd = irm_lock_open(p.data);
	if (s->lockfd == -1) {
		irm_seterr(e, "%s: %s", p.data, strerror(errno));
		irm_buf_free(&p);
		return -1;
	}
	irm_buf_free(&p);
	if (flock(s->lockfd, LOCK_EX | LOCK_NB) == -1) {
		*busy = errno == EWOULDBLOCK;
		return irm_seterr(e, "%s: %s", s->path,
		    *busy ? "locked by another irm-fetch run"
		          : strerror(errno));
	}
	return 0;
}

/* Read the whole file into b; 0, 1 when it does not exist, or -1. */
static int
slurp(const char *path, struct irm_buf *b, struct irm_error *e)
{
	char chunk[65536];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd == -1 && errno == ENOENT)
		return 1;
	if (fd == -1)
		return irm_seterr(e, "%s: %s", path, strerror(errno));
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		if (irm_buf_add(b, chunk, (size_t)n) == -1) {
			close(fd);
			return irm_seterr(
			    e, "%s: corrupt state: too large", path);
		}
	close(fd);
	if (n == -1)
		return irm_seterr(e, "%s: %s", path, strerror(errno));
	return 0;
}

static int
load(struct irm_fstate *s, const char *source, const char *tenant,
    struct irm_error *e)
{
	struct json_tokener *tok = json_tokener_new();
	struct irm_buf b;
	struct irm_error pe;
	long long v;
	const char *src, *ten;
	int rc;

	irm_buf_init(&b, MAX_STATE);
	rc = slurp(s->path, &b, e);
	if (rc == 0) {
		s->root = irm_json_parse(tok, b.data ? b.data : "", b.len, &pe);
		src = irm_json_str(s->root, "source");
		ten = irm_json_str(s->root, "tenant");
		if (s->root == NULL)
			rc = irm_seterr(
			    e, "%s: corrupt state: %s", s->path, pe.msg);
		else if (irm_json_int(s->root, "irm_fetch_state", &v) == -1 ||
		    v != 1 || src == NULL ||
		    !json_object_object_get_ex(
		        s->root, "cursors", &s->cursors) ||
		    !json_object_object_get_ex(s->root, "seen", &s->seen) ||
		    !json_object_is_type(s->cursors, json_type_object) ||
		    !json_object_is_type(s->seen, json_type_object))
			rc = irm_seterr(e,
			    "%s: corrupt state: not an irm-fetch state of version 1",
			    s->path);
		else if (strcmp(src, source) != 0 ||
		    strcmp(ten ? ten : "", tenant ? tenant : "") != 0)
			rc = irm_seterr(e,
			    "%s: the state of another source or tenant (%s %s)",
			    s->path, src, ten ? ten : "-");
	}
	irm_buf_free(&b);
	json_tokener_free(tok);
	return rc;
}

static void
fresh(struct irm_fstate *s, const char *source, const char *tenant)
{
	json_object_put(s->root);
	s->root = json_object_new_object();
	json_object_object_add(
	    s->root, "irm_fetch_state", json_object_new_int(1));
	json_object_object_add(
	    s->root, "source", json_object_new_string(source));
	json_object_object_add(
	    s->root, "tenant", tenant ? json_object_new_string(tenant) : NULL);
	s->cursors = json_object_new_object();
	s->seen = json_object_new_object();
	/* json_object_object_add steals the new objects; s keeps borrows. */
	json_object_object_add(s->root, "cursors", s->cursors);
	json_object_object_add(s->root, "seen", s->seen);
}

struct irm_fstate *
irm_fstate_open(const char *path, const char *source, const char *tenant,
    int *busy, struct irm_error *e)
{
	struct irm_fstate *s = irm_xcalloc(1, sizeof(*s));
	int rc;

	*busy = 0;
	s->path = irm_xstrdup(path);
	s->lockfd = -1;
	if (lock(s, busy, e) == -1 || (rc = load(s, source, tenant, e)) == -1) {
		irm_fstate_free(s);
		return NULL;
	}
	if (rc == 1)
		fresh(s, source, tenant);
	return s;
}

void
irm_fstate_free(struct irm_fstate *s)
{
	if (s == NULL)
		return;
	if (s->lockfd != -1)
		close(s->lockfd);
	json_object_put(s->root);
	free(s->path);
	free(s);
}

int64_t
irm_fstate_cursor(const struct irm_fstate *s, const char *key)
{
	return parse_time(irm_json_str(s->cursors, key));
}

/* Set key of object o to the time ms, as irm_time_format writes it. */
static void
put_time(struct json_object *o, const char *key, int64_t ms)
{
	char t[IRM_TIME_LEN];

	irm_time_format(ms, t);
	/* Steals the new string. */
	json_object_object_add(o, key, json_object_new_string(t));
}

void
irm_fstate_set_cursor(struct irm_fstate *s, const char *key, int64_t ms)
{
	put_time(s->cursors, key, ms);
}

int
irm_fstate_seen(const struct irm_fstate *s, const char *id)
{
	return json_object_object_get_ex(s->seen, id, NULL);
}

void
irm_fstate_mark(struct irm_fstate *s, const char *id, int64_t ms)
{
	put_time(s->seen, id, ms);
}

void
irm_fstate_prune(struct irm_fstate *s, int64_t ms)
{
	struct json_object *old = s->seen;

	/* Copy the ids to keep into a new object: deleting while walking
	 * a json-c object is not allowed. */
	s->seen = json_object_new_object();
	json_object_object_foreach(old, id, v)
	{
		int64_t t = parse_time(json_object_get_string(v));

		if (t >= ms)
			json_object_object_add(s->seen, id, json_object_get(v));
	}
	json_object_object_add(s->root, "seen", s->seen);
}

static void
sync_dir(const char *path)
{
	char *copy = irm_xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd != -1) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

int
irm_fstate_save(struct irm_fstate *s, struct irm_error *e)
{
	const char *text =
	    json_object_to_json_string_ext(s->root, JSON_C_TO_STRING_PLAIN);
	struct irm_buf tmp;
	int fd, rc = -1;

	irm_buf_init(&tmp, 8192);
	if (irm_buf_printf(&tmp, "%s.tmp", s->path) == -1)
		return irm_seterr(e, "%s: name too long", s->path);
	fd = irm_tmp_create(tmp.data);
	if (fd == -1 || irm_write_all(fd, text, strlen(text)) == -1 ||
	    irm_write_all(fd, "\n", 1) == -1 || fsync(fd) == -1) {
		irm_seterr(e, "%s: %s", tmp.data, strerror(errno));
		if (fd != -1)
			close(fd);
		goto out;
	}
	if (close(fd) == -1 || rename(tmp.data, s->path) == -1) {
		irm_seterr(e, "%s: %s", s->path, strerror(errno));
		goto out;
	}
	sync_dir(s->path);
	rc = 0;
out:
	irm_buf_free(&tmp);
	return rc;
}
