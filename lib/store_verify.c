/*
 * store_verify.c - irm-case verify: walk the whole journal and name every
 * break in the hash chain, going on after each so that one edit does not
 * hide another.  A gap in the sequence numbers is a removal, a step back
 * a reordering, and a "prev" that does not match the line before, with
 * the sequence intact, an edit of that line.  Cuts at the end leave no
 * trace in the chain: only a head hash kept elsewhere shows them.
 */
#include <errno.h>
#include <fcntl.h>
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

static void
check_line(struct walk *w, const char *line, size_t len)
{
	struct irm_error e;
	struct json_object *o = irm_json_parse(w->tok, line, len, &e);
	const char *prev = irm_json_str(o, "prev");
	long long seq = -1, v = 0;

	w->line++;
	if (o == NULL || irm_json_int(o, "seq", &seq) == -1 ||
	    irm_json_int(o, "v", &v) == -1 || v != 1 || prev == NULL ||
	    irm_json_str(o, "type") == NULL)
		problem(w, "not a valid journal entry: edited");
	else if (seq > w->seq + 1)
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
	json_object_put(o);
	if (seq > 0)
		w->seq = seq;
	irm_sha256_hex(line, len, w->head);
	if (w->want_head && strcmp(w->head, w->want_head) == 0)
		w->head_seen = 1;
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
}

unsigned long
irm_store_verify(struct irm_store *s, const char *head, char *headout,
    irm_warn_fn warn, void *warn_arg)
{
	struct walk w = {0};
	int fd = open(irm_store_path(s), O_RDONLY | O_CLOEXEC);

	w.path = irm_store_path(s);
	w.want_head = head;
	w.warn = warn;
	w.warn_arg = warn_arg;
	memset(w.head, '0', 64);
	w.head_seen = head && strcmp(head, w.head) == 0;
	if (fd == -1) {
		irm_warn_to(warn, warn_arg, "%s: %s", w.path, strerror(errno));
		return 1;
	}
	while (flock(fd, LOCK_SH) == -1 && errno == EINTR)
		;
	w.tok = json_tokener_new();
	walk_file(&w, fd);
	json_tokener_free(w.tok);
	close(fd);
	if (head && !w.head_seen) {
		irm_warn_to(warn, warn_arg,
		    "%s: head %.64s is not the hash of any entry: entries were cut from the end, or the hash is not of this journal",
		    w.path, head);
		w.problems++;
	}
	memcpy(headout, w.head, IRM_STORE_HASH_LEN);
	return w.problems;
}
