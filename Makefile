# irm - insider risk management as Unix filters.
# GNU make.  `make demo` and `make check` install missing Debian packages
# first (see DEPS below), then build.

VERSION = 0.1.0

CC ?= cc
CFLAGS ?= -g -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2
# Warnings are errors in make check (and so in CI, which runs it), not in
# a plain build, so that another compiler's warnings do not stop a user:
# `make check WERROR=` checks without, `make WERROR=-Werror` builds with.
WERROR = $(if $(filter check,$(MAKECMDGOALS)),-Werror)
override CFLAGS += -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wpointer-arith \
    -Wstrict-prototypes -Wmissing-prototypes -D_DEFAULT_SOURCE \
    -D_POSIX_C_SOURCE=200809L -DIRM_VERSION='"$(VERSION)"' -Ilib
LDFLAGS ?=

# Compiler and linker flags of the libraries from pkg-config; where it
# does not know a module, the plain -l flag (libcsv has no .pc file).
PKG_CONFIG ?= pkg-config
pc_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pc_libs = $(or $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null),$(2))
JSON_CFLAGS := $(call pc_cflags,json-c)
JSON_LIBS := $(call pc_libs,json-c,-ljson-c)
CURL_CFLAGS := $(call pc_cflags,libcurl)
CURL_LIBS := $(call pc_libs,libcurl,-lcurl)
CRYPTO_CFLAGS := $(call pc_cflags,libcrypto)
CRYPTO_LIBS := $(call pc_libs,libcrypto,-lcrypto)
CSV_LIBS ?= -lcsv
override CFLAGS += $(JSON_CFLAGS) $(CURL_CFLAGS) $(CRYPTO_CFLAGS)

ifneq ($(SANITIZE),)
override CFLAGS += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all \
    -fno-omit-frame-pointer
override LDFLAGS += -fsanitize=$(SANITIZE)
endif

# man-db's man finds the pages under MANDIR without MANPATH: it searches
# /usr/local/share/man always, and for any other PREFIX the share/man
# next to each bin directory of PATH (see manpath(1)), so PREFIX/bin on
# PATH is enough.  bash-completion loads BASHCOMPDIR's files on the
# first TAB after a tool's name: it searches
# $$XDG_DATA_DIRS/bash-completion/completions, by default under
# /usr/local/share and /usr/share.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

# One package list.  Each entry is package:kind:probe, where kind is pc
# (pkg-config module), h (header under /usr/include), f (a file) or bin
# (a command), or name@version:npm:dir, a package of the npm registry
# installed as any user into dir/node_modules (gitignored).
# An entry is installed only when its probe fails.
DEPS = gcc:bin:cc libc6-dev:h:stdio.h libcurl4-openssl-dev:pc:libcurl \
    libjson-c-dev:pc:json-c libcsv-dev:h:csv.h libssl-dev:h:openssl/hmac.h \
    pkg-config:bin:pkg-config tzdata:f:/usr/share/zoneinfo/Europe/Berlin
# make check needs TEST_DEPS (prove; jq and openssl, which tests and the
# fuzz seeds use without a fallback; GNU parallel, which 0081 runs
# examples/scale/irm-parallel with).  The tests of TEST_OPT_DEPS skip
# without them: mandoc (0001's SYNOPSIS and lint checks), clang-format and
# cppcheck (0003), chromium (0052), slurm-wlm and munge (0082's
# single-node Slurm cluster), node with ECS's field list, the npm
# package @elastic/ecs (0031).  As root make check installs both; as
# another user it names the missing optional ones and goes on.
TEST_DEPS = perl:bin:prove jq:bin:jq openssl:bin:openssl
TEST_OPT_DEPS = mandoc:bin:mandoc clang-format:bin:clang-format \
    cppcheck:bin:cppcheck chromium:bin:chromium parallel:bin:parallel \
    slurm-wlm:f:/usr/sbin/slurmctld munge:f:/usr/sbin/munged \
    nodejs:bin:node npm:bin:npm @elastic/ecs@9.4.0:npm:tests
BENCH_DEPS = time:bin:/usr/bin/time jq:bin:jq
VALGRIND_DEPS = valgrind:bin:valgrind
# clang brings the compiler; libFuzzer's runtime is only recommended by it.
FUZZ_RT = /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a
FUZZ_DEPS = clang:bin:clang libclang-rt-14-dev:f:$(FUZZ_RT)

# Every cmd/irm-*.c is a program; every man/*.[157] is installed.
PROGS = $(patsubst %.c,%,$(wildcard cmd/irm-*.c))
LIBOBJ = $(patsubst %.c,%.o,$(wildcard lib/*.c))
MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)
MAN7 = $(wildcard man/*.7)
HDRS = $(wildcard lib/*.h)

all: $(PROGS)

lib/libirm.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

lib/%.o: lib/%.c $(HDRS)
	$(CC) $(CFLAGS) -c -o $@ $<

cmd/%.o: cmd/%.c $(HDRS)
	$(CC) $(CFLAGS) -c -o $@ $<

# Each program links the libraries its code (its main and the objects it
# pulls from lib/libirm.a) calls, and no other: irm-norm never loads
# libcurl, with or without the linker's --as-needed.  irm-fetch and
# irm-report call no libcrypto themselves; lib/irm_json.o pulls
# lib/irm_event.o (irm_strv_add, irm_json_quote) and with it
# lib/irm_pseudo.o.  LDLIBS adds to every link.
LIBS_irm-case = $(JSON_LIBS) $(CSV_LIBS) $(CRYPTO_LIBS)
LIBS_irm-fetch = $(JSON_LIBS) $(CURL_LIBS)
LIBS_irm-gen = -lm
LIBS_irm-norm = $(JSON_LIBS) $(CSV_LIBS) $(CRYPTO_LIBS)
LIBS_irm-report = $(JSON_LIBS) $(CSV_LIBS) $(CRYPTO_LIBS)
LIBS_irm-score = $(JSON_LIBS) $(CSV_LIBS) $(CRYPTO_LIBS) -lm
# The tests link everything.
ALL_LIBS = $(JSON_LIBS) $(CSV_LIBS) $(CURL_LIBS) $(CRYPTO_LIBS) -lm $(LDLIBS)

cmd/irm-%: cmd/irm-%.o lib/libirm.a
	$(if $(filter undefined,$(origin LIBS_irm-$*)),\
	    $(error $@: no LIBS_irm-$* (the libraries it links) in the Makefile))
	$(CC) $(LDFLAGS) -o $@ $< lib/libirm.a $(LIBS_irm-$*) $(LDLIBS)

UNIT = $(patsubst %.c,%,$(wildcard tests/unit/test_*.c))

$(UNIT): %: %.c lib/libirm.a $(HDRS) tests/unit/testhelp.h tests/unit/evsame.h
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< lib/libirm.a $(ALL_LIBS)

# Every tests/fuzz/fuzz_NAME.c is a fuzz target.  replay_NAME is the same
# target with a plain main (any compiler) that tests/0095 runs on the kept
# crashing inputs; build/fuzz/fuzz_NAME is the libFuzzer build.
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
REPLAY = $(patsubst tests/fuzz/fuzz_%.c,tests/fuzz/replay_%,$(FUZZ_SRC))
FUZZ_HELP = tests/fuzz/util.c tests/fuzz/fuzz.h tests/unit/evsame.h

$(REPLAY): tests/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
    $(FUZZ_HELP) lib/libirm.a $(HDRS)
	$(CC) $(CFLAGS) $(LDFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c \
	    tests/fuzz/util.c lib/libirm.a $(ALL_LIBS)

FUZZ_CC = clang
FUZZ_SECONDS = 60
FUZZ_SMOKE_SECONDS = 2
FUZZ_MAX_LEN = 16384
FUZZ_JOBS = 1
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer
FUZZ_CFLAGS = -g -O1 $(FUZZ_SAN) $(filter-out -O2 -g -D_FORTIFY_SOURCE=2 \
    -fstack-protector-strong -fsanitize=% -fno-sanitize-recover=all,$(CFLAGS))
FUZZ_LIBOBJ = $(patsubst lib/%.c,build/fuzz/lib/%.o,$(wildcard lib/*.c))
FUZZ_BIN = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
# make fuzz FUZZ_TARGETS='pop state' FUZZ_SECONDS=600: some targets only.
FUZZ_TARGETS = $(patsubst tests/fuzz/fuzz_%.c,%,$(FUZZ_SRC))
FUZZ_RUN = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

build/fuzz/lib/%.o: lib/%.c $(HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/libirm.a: $(FUZZ_LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_LIBOBJ)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_HELP) build/fuzz/libirm.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
	    tests/fuzz/util.c build/fuzz/libirm.a $(ALL_LIBS)

# fuzz runs every target (or FUZZ_TARGETS) for FUZZ_SECONDS, FUZZ_JOBS at
# once, and fails when one crashes; fuzz-smoke (make check FUZZ=1 runs it
# too) a few seconds each.  Seeds come from tests/data, tests/golden and
# examples; each run is added to build/fuzz/runs.log.
fuzz:
	@sh .ci/deps $(DEPS) $(FUZZ_DEPS)
	@$(MAKE) --no-print-directory all $(FUZZ_RUN)
	@FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_MAX_LEN) $(FUZZ_RUN)

fuzz-smoke: fuzz-bin
	@sh tests/fuzz/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZ_MAX_LEN) $(FUZZ_BIN)

fuzz-bin: $(FUZZ_BIN)

# deps installs what DEPS, TEST_DEPS and TEST_OPT_DEPS name and the
# machine lacks (as another user than root: see TEST_OPT_DEPS).
deps:
	@sh .ci/deps $(DEPS) $(TEST_DEPS) --optional $(TEST_OPT_DEPS)

build-deps:
	@sh .ci/deps $(DEPS)

valgrind-deps:
	@sh .ci/deps $(VALGRIND_DEPS)

fuzz-deps:
	@sh .ci/deps $(FUZZ_DEPS)

demo: build-deps
	@$(MAKE) --no-print-directory all
	@PATH="$(CURDIR)/cmd:$$PATH" sh examples/demo.sh

# check runs the tests twice: a plain build and a sanitizer build in
# build/asan (a copy of the sources, so the two never mix objects).
# VALGRIND=1 adds a third run: the golden tests under valgrind.  FUZZ=1
# installs clang and libFuzzer, builds the fuzz targets and has
# tests/0096-fuzz-smoke.t run each for a second (without it 0096 skips:
# the build and the run took a minute of make check's 10 on 2 cores;
# tests/0095 replays the fuzz corpus in both trees either way).  Every
# build is made with $(WERROR) (-Werror); objects a plain `make` left are
# kept, but build/asan compiles every file afresh.  The builds use
# CHECK_JOBS jobs, one per core.
CHECK_JOBS = $(shell nproc 2>/dev/null || echo 2)
check: deps $(if $(VALGRIND),valgrind-deps) $(if $(FUZZ),fuzz-deps)
	@$(MAKE) -j$(CHECK_JOBS) --no-print-directory WERROR='$(WERROR)' \
	    all $(UNIT) $(REPLAY)
	@rm -rf build/asan && mkdir -p build/asan && \
	    cp -R Makefile cmd lib tests build/asan/ && \
	    $(MAKE) --no-print-directory -C build/asan clean-objs && \
	    $(MAKE) -j$(CHECK_JOBS) --no-print-directory -C build/asan \
	    WERROR='$(WERROR)' SANITIZE=address,undefined all $(UNIT) \
	    $(REPLAY) >/dev/null
	@if [ -n "$(FUZZ)" ]; then \
	    $(MAKE) -j$(CHECK_JOBS) --no-print-directory WERROR='$(WERROR)' \
	    fuzz-bin >/dev/null; fi
	@IRM_FUZZ_SMOKE=$(if $(FUZZ),1) sh tests/run.sh "$(CURDIR)" \
	    "$(CURDIR)/build/asan" \
	    $(if $(VALGRIND),valgrind:$(CURDIR))

unit: $(UNIT)
	prove $(UNIT)

# lib/ never exits and never prints: it returns errors and hands warnings
# to cmd/ (irm_warn_fn).  Only lib/irm_err.c, the messages and the irm_x*
# allocators that die when memory runs out, may.  tests/0003 holds the
# same pattern.
LIB_QUIET = \b(irm_errx?|irm_warnx?(_at)?|v?errx?|v?warnx?|exit|_exit|abort|v?printf|puts|putchar|perror)\(|\bstd(out|err)\b

lint:
	clang-format --dry-run -Werror cmd/*.c lib/*.c lib/*.h tests/unit/*.[ch] \
	    tests/fuzz/*.[ch]
	cppcheck -q --enable=warning,portability --error-exitcode=1 \
	    --inline-suppr -Ilib cmd lib
	! grep -nE '\b(sprintf|strcpy|strcat|strtok|atoi|gets)\(' cmd/*.c lib/*.c
	! grep -nE '$(LIB_QUIET)' $(filter-out lib/irm_err.c,$(wildcard lib/*.c))
	mandoc -Tlint -Wwarning man/*

# eval prints detection quality, as an analyst would see it, on tenants
# from irm-gen (bench/eval.sh) and keeps it, dated, in
# bench/eval-results.md: eval-quick on irm-gen's default tenant (100
# users, 40 days, seed 1); eval EVAL_SEEDS (seeds 1, 2 and 3 at 200 users
# over 60 days, one in ten of the users without a scenario now and then
# taking a file of their own home, irm-gen --personal 10, as people do;
# scored at the same time: about 30 s on 2 idle cores, as
# a reviewer's time limit stopped the larger runs, the last one at 300
# users with eval-quick first, about 45 s in); eval-full EVAL_FULL (seeds
# 1, 2 and 3 at 1,000 users over 60 days, each tenant about 2 GB on disk:
# about 2.5 minutes).  Progress goes to stderr, the tables when all seeds
# are done, precision and recall last.  EVAL_FLAGS=--check exits 1 when a
# goal fails.
EVAL_SEEDS = --seeds 1,2,3 -u 200 -d 60 --personal 10
EVAL_FULL = --seeds 1,2,3 -u 1000 -d 60 --personal 10
EVAL_FLAGS =
eval: eval-bin
	@sh bench/eval.sh $(EVAL_FLAGS) --results bench/eval-results.md \
	    $(EVAL_SEEDS)

eval-full: eval-bin
	@sh bench/eval.sh $(EVAL_FLAGS) --results bench/eval-results.md \
	    $(EVAL_FULL)

eval-quick: eval-bin
	@sh bench/eval.sh $(EVAL_FLAGS) --results bench/eval-results.md

eval-bin: build-deps
	@$(MAKE) -j$(CHECK_JOBS) --no-print-directory all

bench:
	@sh .ci/deps $(DEPS) $(BENCH_DEPS)
	@$(MAKE) --no-print-directory all
	@sh bench/run.sh

# install puts the binaries, the man pages and, under each tool's name,
# the bash completion (completion/irm.bash); uninstall removes exactly
# those files and leaves the directories, which other packages share.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(BASHCOMPDIR)
	install -m0755 $(PROGS) $(DESTDIR)$(BINDIR)/
	install -m0644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m0644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m0644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	for p in $(PROGS); do install -m0644 completion/irm.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/$${p#cmd/} || exit 1; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$${p#cmd/} \
	    $(DESTDIR)$(BASHCOMPDIR)/$${p#cmd/}; done
	for m in $(MAN1) $(MAN5) $(MAN7); do \
	    s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m#man/}; done

clean-objs:
	rm -f lib/*.o lib/*.a cmd/*.o $(PROGS) $(UNIT) $(REPLAY)

clean: clean-objs
	rm -rf build

dist:
	git archive --prefix=irm-$(VERSION)/ -o irm-$(VERSION).tar.gz HEAD

.PHONY: all deps build-deps valgrind-deps fuzz-deps demo check unit lint eval eval-full \
    eval-quick eval-bin bench \
    install uninstall clean clean-objs dist fuzz fuzz-smoke fuzz-bin
