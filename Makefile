# sockref — build, test, book, coverage.
# All hand-written code is in web/; generated/ holds what the tools write
# from web/ and spec/ (committed; `make` regenerates it byte for byte).

SEEDS    ?= ../shared/seeds
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
SANITIZE ?=
COVERAGE ?=

export CWEBINPUTS := .:web:generated
SHELL := /bin/bash
SCRIPTS := tests/scripts

WARN     := -std=c11 -Wall -Wextra -Werror
OPT      := -O2 -g
ifeq ($(SANITIZE),1)
  B      := build/san
  OPT    := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else ifeq ($(COVERAGE),1)
  B      := build/cov
  OPT    := -O0 -g --coverage
else
  B      := build
endif
# The library is what make bench measures and programs link: it is built
# at -O3, which inlines more of the data path (a tenth fewer instructions
# a datagram); sanitizer and coverage builds keep their own levels.
CFLAGS_LIB := $(WARN) $(patsubst -O2,-O3,$(OPT)) -fPIC -Igenerated
CHECK_LIBS  = $$(pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)

DEB_PKGS := texlive-binaries texlive-base texlive-plain-generic texlive-extra-utils check lcov pkg-config clang
WEBS     := $(wildcard web/*.w)
LIBWEBS  := web/sockref.w web/format.w web/world.w web/proc.w web/fd.w web/socket.w \
            web/ioctl.w web/sysctl.w web/sockopt.w web/solsocket.w web/ipopt.w web/mcast.w \
            web/wire.w web/link.w web/ip.w web/pcap.w web/bind.w web/udp.w web/poll.w web/signal.w \
            web/raw.w web/ping.w web/beyond.w
HAVE_SEEDS := $(wildcard $(SEEDS)/INDEX.md)

.PHONY: all deps lib tools pdf check install coverage clean regen-check lint \
        record check-scripts scripts-drift bench examples check-examples fuzz-diff fuzz check-fuzz

all: deps lib tools pdf

# ---- set-up: install what a fresh Debian 12 lacks ---------------------------
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# ---- tangling ---------------------------------------------------------------
# ctangle 4.7 garbles the file names of #line directives in a large
# multi-file web; linefix (web/linefix.w) restores them from the sections.
# $(call tangle_fixed,NAME): web/NAME.w to generated/NAME.c and NAME.h.
define tangle_fixed
	@mkdir -p build
	ctangle web/$(1).w - build/$(1).raw.c >/dev/null
	build/linefix web/$(1).w build/$(1).raw.c build/$(1).c.fixed
	build/linefix web/$(1).w generated/$(1).h build/$(1).h.fixed
	cmp -s build/$(1).c.fixed generated/$(1).c || cp build/$(1).c.fixed generated/$(1).c
	cmp -s build/$(1).h.fixed generated/$(1).h || cp build/$(1).h.fixed generated/$(1).h
endef
generated/sockref.c generated/sockref.h &: $(LIBWEBS) build/linefix
	$(call tangle_fixed,sockref)

generated/linefix.c: web/linefix.w web/format.w
	ctangle +c web/linefix.w - generated/linefix.c >/dev/null

build/linefix: generated/linefix.c
	@mkdir -p build
	$(CC) $(WARN) -O2 -o $@ $<

# The tools that are one web each, tangled whole.
TOOL_WEBS := optgen covclause clauses symgen srcheck srrecord srgen srfuzz srlibfuzz bench
$(TOOL_WEBS:%=generated/%.c): generated/%.c: web/%.w web/format.w
	ctangle +c $< - $@ >/dev/null

# The sockscript library: one web with two chapters, tangled like the
# library (ctangle, then linefix), into generated/sockscript.[ch].
SSWEBS := web/sockscript.w web/sscalls.w web/ssexec.w web/format.w
generated/sockscript.c generated/sockscript.h &: $(SSWEBS) build/linefix
	$(call tangle_fixed,sockscript)

# The sequence generator of the fuzzers (web/fuzzgen.w), tangled like the
# sockscript library; the differential fuzzer (web/srfuzz.w) and the
# libFuzzer harness (web/srlibfuzz.w) are tool webs.
generated/fuzzgen.c generated/fuzzgen.h &: web/fuzzgen.w web/format.w build/linefix
	$(call tangle_fixed,fuzzgen)

# ---- the tools that generate ------------------------------------------------
build/optgen: generated/optgen.c
	@mkdir -p build
	$(CC) $(WARN) -O2 -o $@ $<

build/covclause: generated/covclause.c
	@mkdir -p build
	$(CC) $(WARN) -O2 -o $@ $<

build/clauses: generated/clauses.c
	@mkdir -p build
	$(CC) $(WARN) -O2 -o $@ $<

build/symgen: generated/symgen.c
	@mkdir -p build
	$(CC) $(WARN) -O2 -o $@ $<


# The names of the constants scripts use, from the system headers.
SYSINC := /usr/include/$(shell $(CC) -print-multiarch 2>/dev/null) /usr/include
generated/ss_symbols.h: build/symgen spec/symbols.tsv
	build/symgen spec/symbols.tsv $(SYSINC) > $@.tmp && mv $@.tmp $@

# The catalogue is regenerated from the seeds when they are present; a
# clone without them builds from the committed copy.
ifneq ($(HAVE_SEEDS),)
generated/catalogue.tsv: build/clauses spec/seeds.manifest spec/recovered.tsv $(wildcard $(SEEDS)/*)
	build/clauses extract --seeds $(SEEDS) --manifest spec/seeds.manifest \
	  --recovered spec/recovered.tsv > $@.tmp && mv $@.tmp $@
endif

build/statements.ok: build/clauses generated/catalogue.tsv spec/statements.tsv
	build/clauses check --catalogue generated/catalogue.tsv --statements spec/statements.tsv
	@touch $@

OPTION_TABLES := spec/options.tsv
generated/sr_options.h: build/optgen $(OPTION_TABLES) generated/catalogue.tsv
	build/optgen $(OPTION_TABLES) generated/catalogue.tsv > $@.tmp && mv $@.tmp $@

# ---- the library ------------------------------------------------------------
$(B)/sockref.o: generated/sockref.c generated/sockref.h generated/sr_options.h build/statements.ok
	@mkdir -p $(B)
	$(CC) $(CFLAGS_LIB) -c -o $@ generated/sockref.c

$(B)/libsockref.a: $(B)/sockref.o
	rm -f $@; ar rcs $@ $^

$(B)/libsockref.so: $(B)/sockref.o
	$(CC) $(OPT) -shared -Wl,-soname,libsockref.so -o $@ $^

lib: $(B)/libsockref.a $(B)/libsockref.so
tools: build/optgen build/clauses build/covclause build/linefix build/symgen $(B)/sr-gen $(B)/sr-check $(B)/sr-record $(B)/sr-fuzz $(B)/sr-bench

# ---- sockscripts: the checker and the recorder -------------------------------
$(B)/sockscript.o: generated/sockscript.c generated/sockscript.h generated/ss_symbols.h generated/sockref.h
	@mkdir -p $(B)
	$(CC) $(WARN) $(OPT) -Igenerated -c -o $@ generated/sockscript.c

$(B)/sr-check: generated/srcheck.c $(B)/sockscript.o $(B)/libsockref.a
	$(CC) $(WARN) $(OPT) -Igenerated -o $@ generated/srcheck.c $(B)/sockscript.o $(B)/libsockref.a

$(B)/sr-record: generated/srrecord.c $(B)/sockscript.o $(B)/libsockref.a
	$(CC) $(WARN) $(OPT) -Igenerated -o $@ generated/srrecord.c $(B)/sockscript.o $(B)/libsockref.a

$(B)/sr-gen: generated/srgen.c $(B)/sockscript.o $(B)/libsockref.a
	$(CC) $(WARN) $(OPT) -Igenerated -o $@ generated/srgen.c $(B)/sockscript.o $(B)/libsockref.a

# ---- the benchmark and the example ---------------------------------------------
$(B)/sr-bench: generated/bench.c $(B)/libsockref.a
	$(CC) $(WARN) $(OPT) -Igenerated -o $@ generated/bench.c $(B)/libsockref.a

# make bench: every workload on the kernel (in a namespace of its own) and on
# sockref; BENCH_FLAGS=-q for short loops, -k to skip the kernel.
bench: $(B)/sr-bench
	@if [ "$$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then $(B)/sr-bench $(BENCH_FLAGS); \
	else echo "bench: no namespaces here; sockref only"; $(B)/sr-bench -k $(BENCH_FLAGS); fi

$(B)/examples/twohosts: examples/twohosts.c $(B)/libsockref.a
	@mkdir -p $(B)/examples
	$(CC) $(WARN) $(OPT) -Igenerated -o $@ examples/twohosts.c $(B)/libsockref.a

examples: $(B)/examples/twohosts

# ---- the fuzzers ---------------------------------------------------------------
$(B)/fuzzgen.o: generated/fuzzgen.c generated/fuzzgen.h generated/sockscript.h generated/sockref.h
	@mkdir -p $(B)
	$(CC) $(WARN) $(OPT) -Igenerated -c -o $@ generated/fuzzgen.c

$(B)/sr-fuzz: generated/srfuzz.c $(B)/fuzzgen.o $(B)/sockscript.o $(B)/libsockref.a
	$(CC) $(WARN) $(OPT) -Igenerated -o $@ generated/srfuzz.c $(B)/fuzzgen.o $(B)/sockscript.o $(B)/libsockref.a

# make fuzz-diff N=... SEED=... JOBS=...: N sequences on the kernel and on
# sockref (root and network namespaces); divergences are shrunk and saved
# under tests/scripts/fuzz.  make check runs a short seeded campaign that
# saves into build/fuzz instead (check-fuzz).
N    ?= 2000
SEED ?= 1
JOBS ?= 2
HAVE_NETNS = [ "$$(id -u)" = 0 ] && unshare -n true 2>/dev/null
fuzz-diff: $(B)/sr-fuzz
	@if $(HAVE_NETNS); then \
	  $(B)/sr-fuzz -n $(N) --seed $(SEED) --jobs $(JOBS) --save tests/scripts/fuzz; \
	else echo "fuzz-diff: SKIPPED: needs root and network namespaces"; fi

# make fuzz FUZZ_SECONDS=N: the libFuzzer harness (web/srlibfuzz.w, clang)
# drives sockref alone under ASan and UBSan; new inputs go to
# build/libfuzz/corpus, crashes to build/libfuzz/.  fuzz/ holds the seed
# corpus and the dictionary.
FUZZ_SECONDS ?= 60
LIBFUZZ      := build/libfuzz/sr-libfuzz
LIBFUZZ_SRCS := generated/srlibfuzz.c generated/fuzzgen.c generated/sockscript.c generated/sockref.c
LIBFUZZ_RUN   = SRFUZZ_OPTIONS=spec/options.tsv $(LIBFUZZ) -dict=fuzz/srlibfuzz.dict \
  -artifact_prefix=build/libfuzz/ -print_final_stats=1
$(LIBFUZZ): $(LIBFUZZ_SRCS) generated/fuzzgen.h generated/sockscript.h generated/sockref.h generated/sr_options.h generated/ss_symbols.h
	@mkdir -p build/libfuzz/corpus
	clang -std=c11 -Wall -Wextra -Werror -g -O1 -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -Igenerated -o $@ $(LIBFUZZ_SRCS)
fuzz: $(LIBFUZZ)
	$(LIBFUZZ_RUN) -max_total_time=$(FUZZ_SECONDS) build/libfuzz/corpus fuzz/corpus

# What make check runs of the fuzzers: a seeded differential campaign of
# CHECK_FUZZ_N sequences (root and namespaces, else skipped; divergences
# go to build/fuzz, not into the corpus), and, when clang is there, the
# libFuzzer harness for CHECK_LIBFUZZ_RUNS inputs (at most 20 s) from a
# fixed seed, starting from the seed corpus (new inputs go to build/).
# Under the sanitizers every fork of the kernel runner copies ASan's large
# mappings, and the campaign is the minimum of 2000 sequences.
CHECK_FUZZ_N       ?= $(if $(filter 1,$(SANITIZE)),2000,3000)
CHECK_LIBFUZZ_RUNS ?= 4000
$(B)/check_fuzzgen: tests/fuzz/test_fuzzgen.c $(B)/fuzzgen.o $(B)/sockscript.o $(B)/libsockref.a
	$(CC) $(WARN) $(OPT) -Igenerated -o $@ tests/fuzz/test_fuzzgen.c $(B)/fuzzgen.o \
	  $(B)/sockscript.o $(B)/libsockref.a $(CHECK_LIBS)

# The harness without libFuzzer: the seed corpus run once, with the build's
# compiler and sanitizers (web/srlibfuzz.w, SR_LIBFUZZ_STANDALONE).
$(B)/sr-libfuzz-corpus: generated/srlibfuzz.c $(B)/fuzzgen.o $(B)/sockscript.o $(B)/libsockref.a
	$(CC) $(WARN) $(OPT) -DSR_LIBFUZZ_STANDALONE -Igenerated -o $@ generated/srlibfuzz.c \
	  $(B)/fuzzgen.o $(B)/sockscript.o $(B)/libsockref.a

check-fuzz: $(B)/sr-fuzz $(B)/check_fuzzgen $(B)/sr-libfuzz-corpus
	CK_FORK=yes $(B)/check_fuzzgen
	SRFUZZ_OPTIONS=spec/options.tsv $(B)/sr-libfuzz-corpus fuzz/corpus/*
	@if $(HAVE_NETNS); then \
	  $(B)/sr-fuzz -n $(CHECK_FUZZ_N) --seed 1 --jobs $(JOBS) --save build/fuzz; \
	else echo "check-fuzz: differential campaign SKIPPED: needs root and network namespaces"; fi
	@if command -v clang >/dev/null; then $(MAKE) --no-print-directory $(LIBFUZZ) && \
	  rm -rf build/libfuzz/check && mkdir -p build/libfuzz/check && \
	  $(LIBFUZZ_RUN) -runs=$(CHECK_LIBFUZZ_RUNS) -max_total_time=20 -seed=1 build/libfuzz/check fuzz/corpus 2>&1 | grep -E 'DONE|Done|ERROR|broke|SUMMARY'; \
	  exit $${PIPESTATUS[0]}; \
	else echo "check-fuzz: libFuzzer harness SKIPPED: no clang"; fi

# make record: regenerate the families from the option table and record
# every script of the corpus on this machine's kernel (root, namespaces).
record: $(B)/sr-gen $(B)/sr-record
	$(B)/sr-gen $(OPTION_TABLES) $(SCRIPTS)
	$(B)/sr-record -q $(SCRIPTS)


# ---- the book ---------------------------------------------------------------
CLAUSETEX_SEEDS := $(if $(HAVE_SEEDS),--seeds $(SEEDS),)
build/book/clausetext.tex: build/clauses generated/catalogue.tsv spec/statements.tsv
	@mkdir -p build/book
	build/clauses tex --catalogue generated/catalogue.tsv --statements spec/statements.tsv \
	  $(CLAUSETEX_SEEDS) > $@.tmp && mv $@.tmp $@

# The errata chapter is typeset from the register, and the sockscripts
# chapter quotes recorded scripts of the corpus.
build/book/errata.tex: $(B)/sr-check spec/errata.tsv
	@mkdir -p build/book
	$(B)/sr-check --errata-tex spec/errata.tsv > $@.tmp && mv $@.tmp $@

build/sockref.pdf: $(WEBS) web/srmac.tex build/book/clausetext.tex build/book/errata.tex $(wildcard tests/scripts/*/*.sr)
	@mkdir -p build/book
	cd build/book && CWEBINPUTS=../../web:../../generated cweave -bhp ../../web/sockref.w - sockref.tex >/dev/null
	cd build/book && rm -f sockref.toc && TEXINPUTS=../../web: pdftex -interaction=batchmode sockref >/dev/null \
	  && TEXINPUTS=../../web: pdftex -interaction=batchmode sockref >/dev/null \
	  || { grep -A5 '^!' sockref.log | head -40; exit 1; }
	cp build/book/sockref.pdf $@

pdf: build/sockref.pdf

# The fuzzers are books of their own, typeset beside the main one.
FUZZ_BOOKS := $(patsubst %,build/tools/%.pdf,fuzzgen srfuzz srlibfuzz)
build/tools/%.pdf: web/%.w web/format.w web/srmac.tex
	@mkdir -p build/tools
	cd build/tools && CWEBINPUTS=../../web:../../generated cweave -bhp ../../web/$*.w - $*.tex >/dev/null
	cd build/tools && rm -f $*.toc && TEXINPUTS=../../web: pdftex -interaction=batchmode $* >/dev/null \
	  && TEXINPUTS=../../web: pdftex -interaction=batchmode $* >/dev/null \
	  || { grep -A5 '^!' $*.log | head -40; exit 1; }
pdf: $(FUZZ_BOOKS)

# ---- tests ------------------------------------------------------------------
TEST_SRCS := $(wildcard tests/test_*.c)
$(B)/tests/suites.inc: $(TEST_SRCS)
	@mkdir -p $(B)/tests
	grep -ho '^Suite \*suite_[a-z0-9_]*(void)' $(TEST_SRCS) | sed 's/^Suite \*\(suite_[a-z0-9_]*\)(void)/X(\1)/' > $@

$(B)/check_sockref: tests/main.c tests/sr_test.h $(TEST_SRCS) $(B)/tests/suites.inc $(B)/libsockref.a
	$(CC) -std=c11 -Wall -Wextra -Werror $(OPT) -Igenerated -Itests -I$(B)/tests -o $@ \
	  tests/main.c $(TEST_SRCS) $(B)/libsockref.a $(CHECK_LIBS)

check: deps $(B)/check_sockref check-scripts scripts-drift check-fuzz check-examples
	CK_FORK=yes $(B)/check_sockref

# The example runs and its capture is a pcap file (magic number checked).
check-examples: $(B)/examples/twohosts
	$(B)/examples/twohosts $(B)/twohosts.pcap >/dev/null
	@test "$$(od -An -tx4 -N4 $(B)/twohosts.pcap | tr -d ' ')" = a1b23c4d || { echo 'twohosts: bad capture'; exit 1; }

# The corpus of sockscripts (tests/scripts, recorded on Linux) replayed on
# sockref: no divergence but those the errata register expects; the
# coverage of the catalogue by scripts is printed and written to
# build/script-coverage.tsv.
ERRATA      := spec/errata.tsv
NOBEHAVIOUR := spec/nobehaviour.tsv
check-scripts: $(B)/sr-check
	$(B)/sr-check --errata $(ERRATA) --catalogue generated/catalogue.tsv \
	  --nobehaviour $(NOBEHAVIOUR) --report build/script-coverage.tsv $(SCRIPTS) | grep -v '^EXPECTED'; \
	  exit $${PIPESTATUS[0]}

# A sample of the corpus re-recorded on this machine's kernel: any change
# is drift (the kernel no longer does what the corpus says).  Needs root
# and network namespaces, which CI has; elsewhere it says it was skipped.
DRIFT_SAMPLE ?= 40
DRIFT_SEED   ?= 1
scripts-drift: $(B)/sr-record
	@if [ "$$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then \
	  $(B)/sr-record --drift --sample $(DRIFT_SAMPLE) --seed $(DRIFT_SEED) $(SCRIPTS); \
	else echo "scripts-drift: SKIPPED: needs root and network namespaces"; fi

# ---- coverage ---------------------------------------------------------------
coverage: deps build/covclause build/sockref.pdf
	rm -rf build/cov coverage/html coverage/*.info
	$(MAKE) COVERAGE=1 build/cov/check_sockref
	CK_FORK=yes build/cov/check_sockref
	lcov --quiet --capture --directory build/cov -b . --rc lcov_branch_coverage=1 -o coverage/all.info
	lcov --quiet --extract coverage/all.info '*.w' --rc lcov_branch_coverage=1 -o coverage/web.info
	genhtml --quiet --branch-coverage -o coverage/html coverage/web.info
	build/covclause generated/sockref.c build/book/sockref.tex coverage/web.info tests \
	  $(SCRIPTS) $(ERRATA) > coverage/clauses.tsv
	@echo "per-clause table: coverage/clauses.tsv ($$(($$(wc -l < coverage/clauses.tsv) - 1)) clauses)"
	lcov --summary coverage/web.info 2>&1 | tail -3

# ---- install ----------------------------------------------------------------
install: lib pdf build/sr-check build/sr-record build/sr-gen build/sr-fuzz
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/doc/sockref \
	  $(DESTDIR)$(PREFIX)/bin
	install -m 755 build/sr-check build/sr-record build/sr-gen build/sr-fuzz $(DESTDIR)$(PREFIX)/bin/
	install -m 644 generated/sockref.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 build/libsockref.a build/libsockref.so $(DESTDIR)$(PREFIX)/lib/
	printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: sockref\nDescription: literate reference model of the Linux socket layer and IPv4\nVersion: 0.1\nLibs: -L$${libdir} -lsockref\nCflags: -I$${includedir}\n' '$(PREFIX)' \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/sockref.pc
	install -m 644 build/sockref.pdf $(FUZZ_BOOKS) $(DESTDIR)$(PREFIX)/share/doc/sockref/
	install -d $(DESTDIR)$(PREFIX)/share/sockref
	install -m 644 spec/options.tsv generated/catalogue.tsv $(DESTDIR)$(PREFIX)/share/sockref/

# ---- lint: cweave is stricter than ctangle ------------------------------------
lint:
	@mkdir -p build/lint
	for w in sockref optgen clauses covclause linefix symgen sockscript srcheck srrecord srgen fuzzgen srfuzz srlibfuzz bench; do \
	  (cd build/lint && CWEBINPUTS=../../web:../../generated cweave -bhp ../../web/$$w.w - $$w.tex >/dev/null) || exit 1; done

# CI: generated/ must be what the generators write now.
regen-check:
	git diff --exit-code --stat -- generated/ || { echo "generated/ is stale: run make and commit"; exit 1; }

clean:
	rm -rf build
