/*
 * store_verify.c - irm-case verify: walk the whole journal and name every
 * break in the hash chain, every MAC that is not the store's key's and
 * every transition the rules do not allow, going on after each so that
 * one finding does not hide another.  A gap in the sequence numbers is a
 * removal, a step back a reordering, and a "prev" that does not match the
 * line before, with the sequence intact, an edit of that line.  A wrong
 * or missing MAC is an entry edited or written without the key (the last
 * one too); journal.head, with its MAC, names the last entry committed,
 * so a cut at the end shows.  The entries are folded as the writers fold
 * them (store_state.c), and one the fold refuses is named and skipped.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_store.h"

struct walk {
	struct irm_store *s;
	struct irm_state *st;
	unsigned long legacy; /* entries without a MAC before journal.keyed */
	int keyed;
	unsigned long hf_seq; /* journal.head's entry, when hf */
	char hf_head[IRM_STORE_HASH_LEN];
	int hf, hf_seen;
	const char *path;
	unsigned long line, problems;
	long long seq; /* the last good sequence number */
	char head[IRM_STORE_HASH_LEN];
	const char *want_head;
	int head_seen;
	struct json_tokener *tok;
	irm_warn_fn warn; /* where problems go, with warn_arg */
	void *warn_arg;
};

static IRM_PRINTF(2, 3) void problem(struct walk *w, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	irm_warn_to(w->warn, w->warn_arg, "%s:%lu: %s", w->path, w->line, msg);
	w->problems++;
}

/* The entry's MAC: the store's key's, after journal.keyed. */
static void
check_mac(struct walk *w, const char *line, size_t len, const char *type)
{
	int mac = irm_store_mac_check(w->s, line, len);
	int keyed = type && strcmp(type, "journal.keyed") == 0;

	if (mac == IRM_MAC_BAD)
		problem(w,
		    "the entry's mac does not match: edited, or written without the store's key");
	else if (mac == IRM_MAC_NONE && (w->keyed || keyed))
		problem(w,
		    "an entry without a mac after journal.keyed: written without the store's key");
	else if (mac == IRM_MAC_NONE)
		w->legacy++;
	if (keyed)
		w->keyed = 1;
}

/* Fold the entry as the writers do; a refusal is a finding. */
static void
check_fold(struct walk *w, struct json_object *o)
{
	struct irm_error e;

	if (irm_state_fold(w->st, o, w->line, &e) == -1)
		problem(w, "%s", e.msg);
}

static void
check_line(struct walk *w, const char *line, size_t len)
{
	struct irm_error e;
	struct json_object *o = irm_json_parse(w->tok, line, len, &e);
	const char *prev = irm_json_str(o, "prev");
	const char *type = irm_json_str(o, "type");
	long long seq = -1, v = 0;
	int valid = 0;

	w->line++;
	if (o == NULL || irm_json_int(o, "seq", &seq) == -1 ||
	    irm_json_int(o, "v", &v) == -1 || v != 1 || prev == NULL ||
	    type == NULL ||
	    !json_object_is_type(irm_json_get(o, "data"), json_type_object))
		problem(w, "not a valid journal entry: edited");
	else if (w->seq < LLONG_MAX && seq > w->seq + 1)
		problem(w, "entries %lld to %lld are missing: removed",
		    w->seq + 1, seq - 1);
	else if (seq <= w->seq)
		problem(w,
		    "entry %lld comes after entry %lld: reordered or duplicated",
		    seq, w->seq);
	else if (strcmp(prev, w->head) != 0)
		problem(w,
		    "prev does not match the line before (entry %lld): that entry was edited",
		    w->seq);
	else
		valid = 1;
	if (type != NULL)
		check_mac(w, line, len, type);
	if (valid)
		check_fold(w, o);
	json_object_put(o);
	if (seq > 0)
		w->seq = seq;
	irm_sha256_hex(line, len, w->head);
	if (w->want_head && strcmp(w->head, w->want_head) == 0)
		w->head_seen = 1;
	if (w->hf && seq > 0 && (unsigned long)seq == w->hf_seq) {
		w->hf_seen = 1;
		if (strcmp(w->head, w->hf_head) != 0)
			problem(w,
			    "entry %lld is not the one journal.head names: edited or replaced",
			    seq);
	}
}

static void
walk_file(struct walk *w, int fd)
{
	char chunk[65536];
	struct irm_buf line;
	ssize_t n;

	irm_buf_init(&line, 64L << 20);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		const char *p = chunk, *end = chunk + n, *nl;

		while (p < end) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (irm_buf_add(&line, p, (nl ? nl : end) - p) == -1)
				irm_buf_init(&line, 64L << 20);
			if (nl == NULL)
				break;
			check_line(w, line.data ? line.data : "", line.len);
			irm_store_line(w->s, 0);
			irm_buf_reset(&line);
			p = nl + 1;
		}
	}
	if (n == -1) {
		irm_warn_to(
		    w->warn, w->warn_arg, "%s: %s", w->path, strerror(errno));
		w->problems++;
	}
	if (line.len) {
		w->line++;
		problem(w,
		    "torn last line (%zu bytes without a newline): an interrupted append or a cut; the next writer removes it",
		    line.len);
	}
	irm_buf_free(&line);
	irm_store_line(w->s, 1);
}

/*
 * The key and journal.head, before the walk: without the key nothing can
 * be authenticated; with it, journal.head must be there and its own.
 */
static void
check_key(struct walk *w)
{
	const char *why = irm_store_key_problem(w->s);
	struct irm_error e;
	int rc;

	if (why != NULL) {
		irm_warn_to(w->warn, w->warn_arg,
		    "%s: no key: the entries cannot be authenticated, and an edit of the last entry or a cut would not show",
		    why);
		w->problems++;
		return;
	}
	rc = irm_store_head_load(w->s, &w->hf_seq, w->hf_head, &e);
	if (rc == 1)
		irm_warn_to(w->warn, w->warn_arg,
		    "%s: journal.head is missing: a cut cannot be ruled out",
		    w->path);
	else if (rc == -1)
		irm_warn_to(w->warn, w->warn_arg, "%s", e.msg);
	if (rc != 0)
		w->problems++;
	w->hf = rc == 0;
}

/* After the walk: what journal.head names was read; the key was used. */
static void
check_end(struct walk *w)
{
	if (w->hf && w->hf_seq > 0 && !w->hf_seen) {
		irm_warn_to(w->warn, w->warn_arg,
		    "%s: journal.head names entry %lu but the journal ends at entry %lld: entries were cut from the end",
		    w->path, w->hf_seq, w->seq);
		w->problems++;
	}
	if (irm_store_key_problem(w->s) == NULL && !w->keyed) {
		irm_warn_to(w->warn, w->warn_arg,
		    "%s: the store has a key but no journal.keyed entry: the journal was emptied or replaced",
		    w->path);
		w->problems++;
	}
	if (w->legacy && w->keyed)
		irm_warn_to(w->warn, w->warn_arg,
		    "%s: note: entries 1 to %lu were written before the store had a key: their chain is checked, they are not authenticated",
		    w->path, w->legacy);
}

unsigned long
irm_store_verify(struct irm_store *s, const char *head, char *headout,
    irm_warn_fn warn, void *warn_arg)
{
	struct walk w = {0};
	int fd = open(irm_store_path(s), O_RDONLY | O_CLOEXEC);

	w.s = s;
	w.path = irm_store_path(s);
	w.want_head = head;
	w.warn = warn;
	w.warn_arg = warn_arg;
	memset(w.head, '0', 64);
	w.head_seen = head && strcmp(head, w.head) == 0;
	if (fd == -1) {
		irm_warn_to(warn, warn_arg, "%s: %s", w.path, strerror(errno));
		irm_store_line(s, 1);
		return 1;
	}
	while (flock(fd, LOCK_SH) == -1 && errno == EINTR)
		;
	check_key(&w);
	w.st = irm_state_new();
	w.tok = json_tokener_new();
	walk_file(&w, fd);
	json_tokener_free(w.tok);
	irm_state_free(w.st);
	close(fd);
	check_end(&w);
	if (head && !w.head_seen) {
		irm_warn_to(warn, warn_arg,
		    "%s: head %.64s is not the hash of any entry: entries were cut from the end, or the hash is not of this journal",
		    w.path, head);
		w.problems++;
	}
	memcpy(headout, w.head, IRM_STORE_HASH_LEN);
	return w.problems;
}
