/*
 * util.c - the scratch directory and the irm-norm driver shared by
 * the fuzz targets (fuzz.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_event.h"
#include "irm_json.h"
#include "irm_norm.h"
#include "irm_score.h"

#define NAMES 16

static char dir[256];
static struct {
	char name[32];
	char path[320];
} files[NAMES];
static struct irm_pseudo *pseudo;

static void
cleanup(void)
{
	size_t i;

	for (i = 0; i < NAMES && files[i].name[0]; i++)
		unlink(files[i].path);
	irm_pseudo_free(pseudo);
	pseudo = NULL;
	if (dir[0])
		rmdir(dir);
}

const char *
fuzz_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (dir[0])
		return dir;
	if (tmp == NULL || *tmp == '\0')
		tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(dir, sizeof(dir), "%s/irm-fuzz.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	atexit(cleanup);
	return dir;
}

static void
put(const char *path, const void *data, size_t size)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL || fwrite(data, 1, size, fp) != size || fclose(fp)) {
		perror(path);
		abort();
	}
}

const char *
fuzz_file(const char *name, const void *data, size_t size)
{
	size_t i;

	for (i = 0; i < NAMES && files[i].name[0]; i++)
		if (strcmp(files[i].name, name) == 0)
			break;
	if (i == NAMES)
		abort();
	if (files[i].name[0] == '\0') {
		snprintf(files[i].name, sizeof(files[i].name), "%s", name);
		snprintf(files[i].path, sizeof(files[i].path), "%s/%s",
		    fuzz_dir(), name);
	}
	put(files[i].path, data, size);
	return files[i].path;
}

void
fuzz_init(void)
{
	static int done;
	static const char key[] = "fuzzing-key-0123456789abcdef\n";
	struct irm_error e;
	const char *kp;

	if (done)
		return;
	done = 1;
	irm_setprogname("fuzz");
	if (irm_time_setzone("Europe/Berlin", &e) == -1)
		irm_time_setzone("UTC", &e);
	/* A key group or others may read is refused (irm_secret_check). */
	kp = fuzz_file("key", key, sizeof(key) - 1);
	chmod(kp, 0600);
	pseudo = irm_pseudo_load(kp, &e);
}

void
fuzz_warn(void *arg, const char *msg)
{
	(void)arg;
	if (*msg == '\0' || strchr(msg, '\n') != NULL)
		abort();
}

void
fuzz_lines(const uint8_t *data, size_t size, fuzz_line_fn fn, void *ctx)
{
	struct json_tokener *tok = json_tokener_new();
	const char *p = (const char *)data, *end = p + size, *nl;
	struct json_object *o;
	struct irm_error e;
	unsigned long line = 0;
	int rc = 0;

	while (rc == 0 && p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		line++;
		o = irm_json_parse(tok, p, (size_t)(nl - p), &e);
		if (o) {
			rc = fn(ctx, o, line);
			json_object_put(o);
		}
		p = nl + 1;
	}
	json_tokener_free(tok);
}

/* ------------------------------------------- settings and policies */

static struct irm_settings config_settings;
static struct irm_policy *config_pol;
static size_t config_npol;

static void
config_free(void)
{
	irm_settings_free(&config_settings);
	irm_policies_free(config_pol, config_npol);
}

void
fuzz_events(
    struct irm_engine *g, const char *path, struct irm_buf *out, int strict)
{
	char *argv[1] = {(char *)path};
	struct irm_input *in = irm_input_new(1, argv, 1 << 16);
	struct irm_jread *jr = irm_jread_new(in);
	struct json_object *o;
	struct irm_jrec r;
	struct irm_ev ev = {0};
	struct irm_evfast fast = {0};
	struct irm_error e;
	int rc;

	irm_jread_lines(jr, 1);
	while (irm_input_next_file(in, &e) == 1) {
		irm_jread_reset(jr);
		while ((rc = irm_jread_next(jr, &o, &r, &e)) != IRM_JREAD_EOF &&
		    rc != IRM_JREAD_FATAL) {
			/* As irm-score: the fast reader, else json-c. */
			if (rc == IRM_JREAD_LINE) {
				if (irm_ev_fast(r.raw, r.rawlen, &ev, &fast) ==
				    0)
					goto add;
				rc = irm_jread_parse(jr, &o, &r, &e);
				if (rc == IRM_JREAD_EOF ||
				    rc == IRM_JREAD_FATAL)
					break;
			}
			if (rc != IRM_JREAD_RECORD ||
			    irm_ev_parse(o, &ev, &e) == -1) {
				if (strict)
					abort();
				continue;
			}
		add:
			irm_engine_add(g, &ev, out);
			irm_buf_reset(out);
		}
	}
	irm_ev_free(&ev);
	irm_evfast_free(&fast);
	irm_jread_free(jr);
	irm_input_free(in);
}

void
fuzz_config(const char *settings_text, const char *const *policy_text, size_t n,
    struct irm_settings **settings, struct irm_policy **pol)
{
	char name[32], **paths = calloc(n, sizeof(*paths));
	struct irm_lint lint = {0};
	int got;
	size_t i;

	if (paths == NULL)
		abort();
	irm_settings_load(&config_settings,
	    settings_text ? fuzz_file("settings.json", settings_text,
	                        strlen(settings_text))
	                  : NULL,
	    NULL, &lint);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "p%zu.json", i + 1);
		paths[i] = (char *)fuzz_file(
		    name, policy_text[i], strlen(policy_text[i]));
	}
	got = irm_policies_load(paths, n, NULL, &config_pol, &lint);
	free(paths);
	if (lint.n || got != (int)n) {
		for (i = 0; i < lint.n; i++)
			fprintf(stderr, "%s\n", lint.msg[i]);
		abort();
	}
	config_npol = n;
	irm_lint_free(&lint);
	atexit(config_free);
	*settings = &config_settings;
	*pol = config_pol;
}

/* ------------------------------------------------------ the norm driver */

struct norm {
	struct irm_writer writer;
	struct irm_buf out;
};

/* What irm-norm does with an event, with the output thrown away. */
static void
event(void *arg, struct irm_event *ev)
{
	struct norm *c = arg;

	irm_buf_reset(&c->out);
	if (irm_event_write(ev, &c->writer, &c->out) == -1)
		abort(); /* irm-norm exits 3 here: the cap must hold */
}

static void
reject(
    void *arg, unsigned long line, const char *raw, size_t len, const char *why)
{
	(void)arg, (void)line, (void)raw, (void)len, (void)why;
}

void
fuzz_norm(const uint8_t *data, size_t size, enum irm_format fmt,
    const struct irm_colmap *map, size_t nmap)
{
	static const char *internal[] = {"contoso.com", "*.contoso.net", NULL};
	struct irm_norm_opts opts = {fmt, IRM_HR_NONE, map, nmap};
	struct norm c = {{.pseudo = pseudo, .internal = internal}, {0}};
	struct irm_norm_sink sink = {event, reject, &c};
	struct irm_input *in;
	struct irm_event ev;
	struct irm_error e;
	char *argv[1];
	int opt;

	fuzz_init();
	/* The first byte picks options, as irm-norm's flags do. */
	if (size == 0)
		return;
	opt = data[0];
	c.writer.key_user = opt & 1;
	if (opt & 2)
		c.writer.pseudo = NULL;
	if ((opt & 0x1c) == 0x1c)
		opts.hr_scenario = (enum irm_hr_scenario)((opt >> 5) % 6);
	if ((opt & 0x80) == 0)
		opts.nmap = 0;
	argv[0] = (char *)fuzz_file("input", data + 1, size - 1);
	/* A small line cap, so over-long lines are reached too. */
	in = irm_input_new(1, argv, 4096);
	irm_event_init(&ev);
	irm_buf_init(&c.out, 4096 * 8 + 65536);
	irm_norm_run(in, &opts, &ev, &sink, &e);
	irm_event_free(&ev);
	irm_buf_free(&c.out);
	irm_input_free(in);
}
