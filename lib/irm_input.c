/*
 * irm_input.c - cat-like iteration over file operands with a line reader
 * that tracks file and line and never holds more than one capped line.
 *
 * Reads go through read(2) into a fixed buffer; a line is returned in
 * place when it lies inside the buffer, or assembled in a capped side
 * buffer when it spans reads.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "irm.h"

#define RDSIZE (256 * 1024)

struct irm_input {
	char **argv;
	int argc;
	int next; /* index of the next operand */
	int fd;   /* open file, or -1 */
	const char *name;
	unsigned long line;
	size_t maxline;
	char *rd; /* read buffer, RDSIZE + 1 */
	size_t rpos, rlen;
	int eof;
	struct irm_buf line_buf;
	FILE *spill; /* receives overlong lines, or NULL */
	int spilling;
};

static char *stdin_args[] = {"-"};

struct irm_input *
irm_input_new(int argc, char **argv, size_t maxline)
{
	struct irm_input *in = irm_xcalloc(1, sizeof(*in));

	if (argc <= 0) {
		argc = 1;
		argv = stdin_args;
	}
	in->argc = argc;
	in->argv = argv;
	in->fd = -1;
	in->maxline = maxline;
	in->rd = irm_xmalloc(RDSIZE + 1);
	irm_buf_init(&in->line_buf, maxline);
	return in;
}

static void
close_current(struct irm_input *in)
{
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
}

void
irm_input_free(struct irm_input *in)
{
	if (in == NULL)
		return;
	close_current(in);
	irm_buf_free(&in->line_buf);
	free(in->rd);
	free(in);
}

int
irm_input_next_file(struct irm_input *in, struct irm_error *e)
{
	const char *path;
	struct stat st;

	close_current(in);
	if (in->next >= in->argc)
		return 0;
	path = in->argv[in->next++];
	in->line = 0;
	in->rpos = in->rlen = 0;
	in->eof = 0;
	if (strcmp(path, "-") == 0) {
		in->name = "<stdin>";
		in->fd = 0;
		return 1;
	}
	in->name = path;
	in->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (in->fd == -1)
		return irm_seterr(e, "%s: %s", path, strerror(errno));
	/* A directory opens but cannot be read: refuse it like cat does. */
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close_current(in);
		return irm_seterr(e, "%s: %s", path, strerror(EISDIR));
	}
	return 1;
}

static int
fill(struct irm_input *in, struct irm_error *e)
{
	ssize_t n;

	do
		n = read(in->fd, in->rd, RDSIZE);
	while (n == -1 && errno == EINTR);
	if (n == -1)
		return irm_seterr(e, "%s: %s", in->name, strerror(errno));
	in->rpos = 0;
	in->rlen = (size_t)n;
	if (n == 0)
		in->eof = 1;
	return 0;
}

/*
 * Append to the side buffer; once the line passes the cap, copy it to the
 * spill file instead, so an overlong line can still be rejected whole.
 */
static void
keep(struct irm_input *in, const char *p, size_t n, size_t *total)
{
	*total += n;
	if (*total <= in->maxline) {
		irm_buf_add(&in->line_buf, p, n);
		return;
	}
	if (in->spill == NULL)
		return;
	if (!in->spilling && in->line_buf.len)
		fwrite(in->line_buf.data, 1, in->line_buf.len, in->spill);
	in->spilling = 1;
	fwrite(p, 1, n, in->spill);
}

void
irm_input_set_spill(struct irm_input *in, FILE *fp)
{
	in->spill = fp;
}

int
irm_input_peek(struct irm_input *in, struct irm_error *e)
{
	size_t i;

	if (in->rpos == in->rlen && !in->eof && fill(in, e) == -1)
		return -2;
	i = in->rpos;
	if (in->line == 0 && in->rlen - i >= 3 &&
	    !memcmp(in->rd + i, "\xef\xbb\xbf", 3))
		i += 3;
	for (; i < in->rlen; i++)
		if (!strchr(" \t\r\n", in->rd[i]))
			return (unsigned char)in->rd[i];
	return -1;
}

int
irm_input_getline(
    struct irm_input *in, char **line, size_t *len, struct irm_error *e)
{
	size_t total = 0;
	char *p, *nl;
	int partial = 0;

	irm_buf_reset(&in->line_buf);
	in->spilling = 0;
	for (;;) {
		if (in->rpos == in->rlen) {
			if (in->eof || in->fd == -1)
				break;
			if (fill(in, e) == -1)
				return IRM_LINE_ERROR;
			if (in->eof)
				break;
		}
		p = in->rd + in->rpos;
		nl = memchr(p, '\n', in->rlen - in->rpos);
		if (nl == NULL) {
			keep(in, p, in->rlen - in->rpos, &total);
			in->rpos = in->rlen;
			partial = 1;
			continue;
		}
		in->rpos = (size_t)(nl - in->rd) + 1;
		in->line++;
		if (!partial && (size_t)(nl - p) <= in->maxline) {
			*nl = '\0';
			*line = p;
			*len = (size_t)(nl - p);
			return IRM_LINE_OK;
		}
		keep(in, p, (size_t)(nl - p), &total);
		goto done;
	}
	if (!partial)
		return IRM_LINE_EOF;
	in->line++;
done:
	*len = total;
	if (in->spilling)
		fputc('\n', in->spill);
	if (total > in->maxline) {
		irm_buf_reset(&in->line_buf);
		*line = in->line_buf.data ? in->line_buf.data : (char *)"";
		return IRM_LINE_TOOLONG;
	}
	if (in->line_buf.data == NULL)
		irm_buf_add(&in->line_buf, "", 0);
	*line = in->line_buf.data;
	return IRM_LINE_OK;
}

const char *
irm_input_name(const struct irm_input *in)
{
	return in->name ? in->name : "<stdin>";
}

unsigned long
irm_input_lineno(const struct irm_input *in)
{
	return in->line;
}

size_t
irm_input_maxline(const struct irm_input *in)
{
	return in->maxline;
}
