% srrecord.w --- sr-record: runs sockscripts on the kernel and writes the results in.
\def\title{SR-RECORD}
\input srmac
@i format.w
@s ss_value int
@s ss_script int
@s ss_outcome int
@s ss_buf int
@s ss_arena int
@s ss_env int

@* The recorder.
\.{sr-record} runs sockscripts on the Linux kernel of the machine it runs
on and writes what the kernel answered into them.  Each script runs in a
fresh network namespace built like sockref's default world and a fresh
PID namespace (the kernel runner of the sockscript library); it needs
root.

A recorded line keeps its inputs as they were written and gets the
kernel's outputs, except where the script wrote a pattern that the new
output still fits: a range, \.{...}, a variable or a binding stay as they
are, so that an author who marked a value as varying keeps the mark.
The recorder also knows two kinds of value that vary by themselves and
writes them as patterns: a port the kernel chose from the ephemeral range
(written as the range), and a time stamp (written \.{...}).

Usage:
\smallskip
\item{} \.{sr-record [-n] [-q] [--timeout S] PATH...} records every script
under the paths in place; with \.{-n} it writes nothing and shows what
would change.
\item{} \.{sr-record --drift --sample N --seed S PATH...} re-records |N|
scripts chosen by the seed, in memory, and fails when the kernel no longer
does what the corpus says: when a line's results do not match the
script's as \.{sr-check} matches them (so that what varies from run to
run --- ports, times, a raw datagram's identification --- is no drift).
\smallskip\noindent
The exit status is 0 when every script was recorded (or, with
\.{--drift}, is unchanged), 1 otherwise, 2 for a usage error.

@c
@<Header files@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  @<Read the options@>@;
  @<Record the scripts@>@;
}

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "sockscript.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

@ @<Read the options@>=
bool dry = false, drift = false, quiet = false;
int timeout = 10, sample = 0, npaths = 0, nfiles, nfiles0, failed = 0, changed = 0;
unsigned long long seed = 1;
char **paths = calloc((size_t) argc, sizeof *paths), **files;
ss_outcome *o = ss_outcome_new(true);
if (!paths || !o) { fprintf(stderr, "sr-record: out of memory\n"); return 1; }
for (int i = 1; i < argc; i++) {
  if (!strcmp(argv[i], "-n")) dry = true;
  else if (!strcmp(argv[i], "-q")) quiet = true;
  else if (!strcmp(argv[i], "--drift")) { drift = true; dry = true; }
  else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) timeout = atoi(argv[++i]);
  else if (!strcmp(argv[i], "--sample") && i + 1 < argc) sample = atoi(argv[++i]);
  else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 0);
  else if (argv[i][0] == '-') {
    fprintf(stderr, "usage: sr-record [-n] [-q] [--timeout S] [--drift --sample N --seed S] PATH...\n");
    @.usage: sr-record...@>
    return 2;
  } else paths[npaths++] = argv[i];
}
nfiles = nfiles0 = ss_collect(paths, npaths, &files);

@ The sample: the files in a shuffled order drawn from the seed, and the
first |sample| of them.  The generator is SplitMix64, which is a few
lines and the same on every machine.

@<Functions@>=
static unsigned long long splitmix(unsigned long long *s)
{
  unsigned long long z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

@ @<Record the scripts@>=
if (sample > 0 && sample < nfiles) {
  unsigned long long st = seed;
  for (int i = nfiles - 1; i > 0; i--) {
    int j = (int) (splitmix(&st) % (unsigned long long) (i + 1));
    char *t = files[i]; files[i] = files[j]; files[j] = t;
  }
  nfiles = sample;
}
{
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int f = 0; f < nfiles; f++) {
    int r = record(files[f], o, timeout, dry, quiet || drift, drift);
    if (r < 0) failed++;
    else if (r > 0) changed++;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  @<Report the recording@>@;
}
for (int f = 0; f < nfiles0; f++) free(files[f]);
free(files);
free(paths);
ss_outcome_free(o, true);
return failed || (drift && changed) ? 1 : 0;

@ @<Report the recording@>=
{
  double s = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
  if (drift)
    printf("sr-record: drift check of %d scripts (seed %llu) on the kernel: %d changed, %d failed, %.1f s\n",
      nfiles, seed, changed, failed, s);
  else
    printf("sr-record: %d scripts recorded on the kernel in %.1f s: %d changed%s, %d failed\n",
      nfiles, s, changed, dry ? " (not written)" : "", failed);
}

@ Recording one script: parse it, run it on the kernel, print it again
with the results, and compare with the file.  The answer is $-1$ for a
failure, 1 for a change, 0 for none.  For the drift check a change is a
line the script's results no longer match, by the matcher's rules
(|ss_check_line|): bytes that vary from run to run on the kernel --- the
identification of an IP header read from a raw socket, a port the
kernel chose --- print differently each time and are no drift.

@<Functions@>=
static void show_changes(const char *path, const ss_script *s, const char *text, size_t n);
static bool drifted(const ss_script *s, const ss_outcome *o, ss_arena *a);
static int record(const char *path, ss_outcome *o, int timeout, bool dry, bool quiet,
  bool match)
{
  ss_script *s = ss_load(path, stderr);
  ss_buf b = {NULL, 0, 0};
  ss_arena a = {NULL, 0, 0};
  int rc = 0;
  if (!s) return -1;
  if (ss_run_kernel(s, o, timeout) < 0) {
    fprintf(stderr, "%s: %s\n", path, o->note[0] ? o->note : "the kernel run failed");
    ss_free(s);
    return -1;
  }
  @<Print the recorded script into |b|@>@;
  if (match) rc = drifted(s, o, &a) ? 1 : 0;
  if (match && rc) show_changes(path, s, b.p, b.n);
  else if (!match && (b.n != s->textlen || memcmp(b.p, s->text, b.n))) {
    rc = 1;
    if (!quiet || dry) show_changes(path, s, b.p, b.n);
    if (!dry) @<Write the recorded script@>@;
  }
  free(b.p);
  ss_arena_free(&a);
  ss_free(s);
  return rc;
}

@ Every call line is printed from the outcome; the other lines as they
are.  The text ends with a newline when the file's did.

@<Print the recorded script into |b|@>=
for (int li = 0; li < s->nlines; li++) {
  ss_env e = o->env;
  ss_print_line(&b, s, li, o, &a, &e);
  if (li + 1 < s->nlines || (s->textlen && s->text[s->textlen - 1] == '\n')) ss_putc(&b, '\n');
}

@ @<Write the recorded script@>=
{
  FILE *f = fopen(path, "w");
  if (!f || fwrite(b.p, 1, b.n, f) != b.n || fclose(f) != 0) {
    fprintf(stderr, "%s: cannot write\n", path);
    rc = -1;
  }
}

@ Drift: a call line whose results the kernel's no longer match.

@<Functions@>=
static bool drifted(const ss_script *s, const ss_outcome *o, ss_arena *a)
{
  ss_env e = o->env;
  for (int li = 0; li < s->nlines; li++) {
    int what;
    if (s->line[li].kind != SL_CALL) continue;
    if (ss_check_line(s, li, o, a, &e, &what) != SS_PASS) return true;
  }
  return false;
}

@ Showing what changed: each line that differs, before and after.

@<Functions@>=
static void show_changes(const char *path, const ss_script *s, const char *text, size_t n)
{
  const char *p = text, *end = text + n;
  for (int li = 0; li < s->nlines && p < end; li++) {
    const char *nl = memchr(p, '\n', (size_t) (end - p));
    size_t len = nl ? (size_t) (nl - p) : (size_t) (end - p);
    if (len != (size_t) s->line[li].len || memcmp(p, s->line[li].text, len))
      printf("%s:%d:\n  was: %.*s\n  now: %.*s\n", path, li + 1, s->line[li].len,
        s->line[li].text, (int) len, p);
    p = nl ? nl + 1 : end;
  }
}

@* Index.
