/*
 * parse_only - the floor irm-norm is measured against
 *
 *	parse_only [file]
 *
 * Reads JSON lines the way irm-norm does (read(2) into a 256 KiB buffer,
 * lines taken in place, a side buffer for a line that spans two reads),
 * parses each with json_tokener_parse_ex under JSON_TOKENER_VALIDATE_UTF8
 * and frees it, and prints "records N" on stderr.  Nothing is looked up
 * or written: what is left of irm-norm's time after this is the cost of
 * mapping and writing events.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#define RDSIZE (256 * 1024)

static struct json_tokener *tok;
static unsigned long long nrec, nbad;

static void
parse(const char *s, size_t len)
{
	struct json_object *o;

	if (len == 0)
		return;
	json_tokener_reset(tok);
	o = json_tokener_parse_ex(tok, s, (int)len);
	if (json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(o);
		nbad++;
		return;
	}
	json_object_put(o);
	nrec++;
}

/* Keep a line that spans reads; the side buffer grows as needed. */
static void
keep(char **side, size_t *slen, size_t *scap, const char *p, size_t n)
{
	if (*slen + n > *scap) {
		*scap = (*slen + n) * 2;
		if ((*side = realloc(*side, *scap)) == NULL) {
			perror("parse_only");
			exit(1);
		}
	}
	memcpy(*side + *slen, p, n);
	*slen += n;
}

int
main(int argc, char *argv[])
{
	static char rd[RDSIZE];
	char *side = NULL, *p, *nl, *end;
	size_t slen = 0, scap = 0;
	ssize_t n;
	int fd = 0;

	if (argc > 1 && strcmp(argv[1], "-") != 0 &&
	    (fd = open(argv[1], O_RDONLY)) == -1) {
		perror(argv[1]);
		return 1;
	}
	tok = json_tokener_new();
	json_tokener_set_flags(tok, JSON_TOKENER_VALIDATE_UTF8);
	for (;;) {
		n = read(fd, rd, sizeof(rd));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			perror("parse_only: read");
			return 1;
		}
		if (n == 0)
			break;
		p = rd;
		end = rd + n;
		while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			if (slen) {
				keep(&side, &slen, &scap, p, (size_t)(nl - p));
				parse(side, slen);
				slen = 0;
			} else {
				parse(p, (size_t)(nl - p));
			}
			p = nl + 1;
		}
		if (p < end)
			keep(&side, &slen, &scap, p, (size_t)(end - p));
	}
	if (slen)
		parse(side, slen);
	json_tokener_free(tok);
	free(side);
	fprintf(stderr, "records %llu bad %llu\n", nrec, nbad);
	return nbad ? 1 : 0;
}
