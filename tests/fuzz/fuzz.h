/*
 * fuzz.h - what the fuzz targets (tests/fuzz/fuzz_*.c) share: the
 * libFuzzer entry points, a scratch directory for parsers that read
 * files, and the irm-norm driver that the format targets run.
 *
 * Each target is built twice: with clang -fsanitize=fuzzer for `make
 * fuzz`, and with replay.c as main (any compiler) so the kept crashing
 * inputs under tests/fuzz/crashes/ run in every `make check`.
 */
#ifndef IRM_FUZZ_H
#define IRM_FUZZ_H

#include <json-c/json.h>
#include <stddef.h>
#include <stdint.h>

#include "irm_norm.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Set the program name and the zone once per process. */
void fuzz_init(void);

/* The LLVMFuzzerInitialize of a target that needs only fuzz_init. */
#define FUZZ_INIT_ONLY                                                         \
	int LLVMFuzzerInitialize(int *argc, char ***argv)                      \
	{                                                                      \
		(void)argc;                                                    \
		(void)argv;                                                    \
		fuzz_init();                                                   \
		return 0;                                                      \
	}

/*
 * Write data to NAME in the process's scratch directory (made on first
 * use, removed at exit) and return its path (static storage per name,
 * valid until the next call with the same name).
 */
const char *fuzz_file(const char *name, const void *data, size_t size);

/* The scratch directory itself. */
const char *fuzz_dir(void);

/*
 * An irm_warn_fn that drops the message after checking it: a warning is
 * one line and never empty (abort otherwise).
 */
void fuzz_warn(void *arg, const char *msg);

/*
 * Load the settings (settings_text, or the defaults when NULL) and the n
 * policies of policy_text, as files in the scratch directory, once per
 * process; abort on any lint message.  Freed at exit.
 */
struct irm_settings;
struct irm_policy;
void fuzz_config(const char *settings_text, const char *const *policy_text,
    size_t n, struct irm_settings **settings, struct irm_policy **pol);

/*
 * The statics settings, pol and npol of a target that scores, and its
 * LLVMFuzzerInitialize: fuzz_init, then fuzz_config of settings_text
 * (NULL: the defaults) and the policies of the array policy_text.
 */
#define FUZZ_INIT_CONFIG(settings_text, policy_text)                           \
	static struct irm_settings *settings;                                  \
	static struct irm_policy *pol;                                         \
	static const size_t npol = sizeof(policy_text) / sizeof(*policy_text); \
	int LLVMFuzzerInitialize(int *argc, char ***argv)                      \
	{                                                                      \
		(void)argc;                                                    \
		(void)argv;                                                    \
		fuzz_init();                                                   \
		fuzz_config(                                                   \
		    settings_text, policy_text, npol, &settings, &pol);        \
		return 0;                                                      \
	}

/*
 * Count the irm-event(5) lines of the file path with engine g (read by
 * irm_jread, each JSON line by irm_ev_fast else json-c and irm_ev_parse
 * as irm-score reads them, added by irm_engine_add; out is
 * reset after each event).  A line that is not an event is skipped, or
 * aborts when strict is set.
 */
struct irm_engine;
struct irm_buf;
void fuzz_events(
    struct irm_engine *g, const char *path, struct irm_buf *out, int strict);

/*
 * Run the bytes through irm-norm's reading loop as the file of one
 * operand.  The first byte holds options (bit 0 -k user, bit 1 no
 * pseudonyms, bits 2-4 all set: -s from bits 5-7, bit 7 the --map
 * entries map[0..nmap-1]); the rest is the file: format detection (fmt
 * IRM_FMT_AUTO) or the forced format, the mapper, the event check and the
 * writer.  Never exits.
 */
void fuzz_norm(const uint8_t *data, size_t size, enum irm_format fmt,
    const struct irm_colmap *map, size_t nmap);

/*
 * Parse each line of data as JSON and call fn with the value (borrowed
 * for the call) and the line number; lines that do not parse are
 * skipped.  Stops when fn returns -1.
 */
typedef int (*fuzz_line_fn)(
    void *ctx, struct json_object *o, unsigned long line);
void fuzz_lines(const uint8_t *data, size_t size, fuzz_line_fn fn, void *ctx);

#endif /* IRM_FUZZ_H */
