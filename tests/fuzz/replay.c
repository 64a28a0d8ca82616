/*
 * replay.c - a main for the fuzz targets without libFuzzer: run
 * LLVMFuzzerTestOneInput once on each file named, so the kept crashing
 * inputs replay in any build (gcc, the sanitizer build of make check).
 * Exits 0 when every input ran; a crash is the sanitizer's or the
 * kernel's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "irm.h"

static int
replay(const char *path)
{
	struct irm_buf b;
	char chunk[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;
	int rc = 0;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	irm_buf_init(&b, 64L << 20);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (irm_buf_add(&b, chunk, n) == -1)
			rc = -1;
	if (ferror(fp) || rc == -1) {
		fprintf(stderr, "%s: cannot read\n", path);
		rc = -1;
	} else {
		/* An exact copy, so a read past the end is caught. */
		uint8_t *copy = irm_xmalloc(b.len ? b.len : 1);

		if (b.len)
			memcpy(copy, b.data, b.len);
		LLVMFuzzerTestOneInput(copy, b.len);
		free(copy);
	}
	fclose(fp);
	irm_buf_free(&b);
	return rc;
}

int
main(int argc, char *argv[])
{
	int i, rc = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		if (replay(argv[i]) == -1)
			rc = 1;
	return rc;
}
