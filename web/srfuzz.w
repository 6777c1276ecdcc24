% srfuzz.w --- sr-fuzz: differential fuzzing of sockref against the kernel.
\def\title{SR-FUZZ}
\input srmac
@i format.w
@s ss_script int
@s ss_outcome int
@s ss_buf int
@s ss_arena int
@s ss_env int
@s row int
@s gen int
@s input int

@* Differential fuzzing.
The corpus asks the questions its authors thought of.  \.{sr-fuzz} asks
random ones: it writes sequences of calls --- well typed, drawn from the
option table, with boundary and garbage values, short, long and negative
lengths, null pointers, changes of privilege and of tunables --- as
sockscripts, records each on the kernel, replays the recording on
sockref, and reports every line where the two differ.  A divergence is
made as small as it can be (lines are taken out while it stays) and saved
as a script, ready to become part of the corpus once sockref is fixed.

The generator draws only from what the model implements: the options of
\.{spec/options.tsv}, the \.{fcntl} commands and \.{ioctl} requests of
the book, the tunables of a network namespace, and option numbers that no
Linux knows.  Options Linux has beyond the pages are not the model's
business and are not asked; nor is the one question whose answer is a
policy of the measured machine that the model states it does not
reproduce (a classic filter on a TCP socket, asked after giving up
privileges: see the errata register).

Usage: \.{sr-fuzz [-n N] [--seed S] [--save DIR] [-v] OPTIONS.tsv} runs |N|
sequences (2000 by default), the $i$th from seed $S+i$, so that any
sequence can be run again alone; it needs root and namespaces, like the
recorder.  The exit status is 1 when a divergence was found.

@c
@<Header files@>@;
@<Types@>@;
@<Prototypes@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  @<Read the options@>@;
  @<Run the campaign@>@;
}

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "sockscript.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

@ @<Read the options@>=
long n = 2000;
unsigned long long seed = 1;
const char *save = NULL, *table = NULL;
bool verbose = false;
for (int i = 1; i < argc; i++) {
  if (!strcmp(argv[i], "-n") && i + 1 < argc) n = atol(argv[++i]);
  else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 0);
  else if (!strcmp(argv[i], "--save") && i + 1 < argc) save = argv[++i];
  else if (!strcmp(argv[i], "-v")) verbose = true;
  else if (argv[i][0] != '-' && !table) table = argv[i];
  else {
    fprintf(stderr, "usage: sr-fuzz [-n N] [--seed S] [--save DIR] [-v] OPTIONS.tsv\n");
    @.usage: sr-fuzz...@>
    return 2;
  }
}
if (!table) { fprintf(stderr, "sr-fuzz: no option table\n"); return 2; }
read_rows(table);

@* The option table.
The generator needs, of each row, the level, the name and the type of the
argument; the sockscript library reads \.{spec/options.tsv} for it.

@<Types@>=
typedef ss_optrow row;

@ @<Functions@>=
static row *rows;
static int nrows;

static void read_rows(const char *path)
{
  if ((nrows = ss_read_options(path, &rows)) <= 0) {
    fprintf(stderr, "sr-fuzz: cannot read %s\n", path);
    exit(2);
  }
}

@* The generator.
A sequence is text, built line by line into a buffer.  The random numbers
come from SplitMix64, seeded per sequence.

@<Types@>=
typedef struct {
  unsigned long long state;
  ss_buf b;
  int nsock; /* sockets made so far: descriptors 3, 4, \dots\ (roughly) */
  bool stream, dropped; /* a TCP socket was made; privileges were given up */
} gen;

@ @<Functions@>=
static unsigned long long next(gen *g)
{
  unsigned long long z = (g->state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static int pick(gen *g, int n) { return (int) (next(g) % (unsigned long long) n); }

#define ONE_OF(g, a) (a)[pick((g), (int) (sizeof (a) / sizeof (a)[0]))]

@ The pieces: descriptors (mostly sockets of the sequence, sometimes a
descriptor that is no socket or is not open), integers (the edges and the
small numbers that options treat specially), lengths.  Descriptors 0 to
2 are only given to the option calls, which answer |ENOTSOCK| for them:
what they are open on (\.{/dev/null} for the recorder, a terminal in the
model) is the environment's, not the socket layer's.  Process IDs are
written as variables, never as numbers, for the same reason.

@<Functions@>=
static int fd_any(gen *g, bool std)
{
  static const int odd[] = {0, 2, 99, -1};
  int k;
  if (pick(g, 10) == 0 || g->nsock == 0) {
    do k = ONE_OF(g, odd); while (!std && k >= 0 && k <= 2);
    return k;
  }
  return 3 + pick(g, g->nsock);
}

static int fd_of(gen *g) { return fd_any(g, true); }
static int fd_nonstd(gen *g) { return fd_any(g, false); }

static const char *int_of(gen *g)
{
  static const char *const v[] = {"0", "1", "2", "-1", "3", "6", "7", "64", "255", "256",
    "1000", "65535", "65536", "2147483647", "-2147483648", "0x80", "0xe0", "0xff"};
  return ONE_OF(g, v);
}

static int len_of(gen *g, int natural)
{
  static const int v[] = {0, 1, 2, 3, 5, 7, 8, 11, 12, 13, 15, 16, 17, 20, 24, 40, 41, -1};
  return pick(g, 10) < 7 ? natural : ONE_OF(g, v);
}

static const char *group_of(gen *g)
{
  static const char *const v[] = {"224.1.1.1", "224.1.1.2", "232.1.1.1", "239.255.255.255",
    "10.0.0.1", "0.0.0.0"};
  return ONE_OF(g, v);
}

static const char *local_of(gen *g)
{
  static const char *const v[] = {"0.0.0.0", "10.0.0.1", "127.0.0.1", "1.2.3.4", "10.0.0.255"};
  return ONE_OF(g, v);
}

@ A value of an option, by the row's type, and its natural length.  Now and
then a value of another shape is given instead, as a program with a bug
would.

@<Functions@>=
static int value_of(gen *g, const row *r, ss_buf *v)
{
  const char *t = r->f[SS_OPT_TYPE];
  int shape = pick(g, 12);
  v->n = 0;
  if (shape == 0) { ss_puts(v, "NULL", 4); return 4; }
  if (shape == 1 || !strcmp(t, "bytes") || !strcmp(t, "string")) @<Write random bytes@>@;
  if (!strcmp(t, "linger"))
    { ss_printf(v, "{l_onoff=%s, l_linger=%s}", int_of(g), int_of(g)); return 8; }
  if (!strcmp(t, "timeval"))
    { ss_printf(v, "{tv_sec=%s, tv_usec=%s}", int_of(g), pick(g, 2) ? "999999" : int_of(g)); return 16; }
  if (!strcmp(t, "mreq")) @<Write an |ip_mreqn| or an |ip_mreq|@>@;
  if (!strcmp(t, "mreq_source")) {
    ss_printf(v, "{imr_multiaddr=inet_addr(\"%s\"), imr_interface=inet_addr(\"%s\"), "
      "imr_sourceaddr=inet_addr(\"%s\")}", group_of(g), local_of(g), pick(g, 2) ? "1.2.3.4" : "5.6.7.8");
    return 12;
  }
  if (!strcmp(r->f[SS_OPT_NAME], "IP_MSFILTER")) @<Write an |ip_msfilter|@>@;
  if (!strcmp(t, "custom") || !strcmp(t, "fprog")) @<Write a classic program@>@;
  ss_printf(v, "[%s]", int_of(g));
  return !strcmp(t, "u64") && pick(g, 2) ? 8 : 4;
}

@ @<Write random bytes@>=
{
  int len = pick(g, 44);
  ss_putc(v, '"');
  if (!strcmp(r->f[SS_OPT_NAME], "SO_BINDTODEVICE") && pick(g, 2)) {
    const char *dev = pick(g, 2) ? "lo" : "eth0";
    len = (int) strlen(dev);
    ss_puts(v, dev, (size_t) len);
  } else for (int k = 0; k < len; k++)
    ss_printf(v, "\\x%02x", pick(g, 3) ? (int) ONE_OF(g, ((const int[]) {0, 1, 7, 0x44, 0x83, 0x94, 4, 8})) : pick(g, 256));
  ss_putc(v, '"');
  return len;
}

@ @<Write an |ip_mreqn| or an |ip_mreq|@>=
{
  if (pick(g, 3)) {
    ss_printf(v, "{imr_multiaddr=inet_addr(\"%s\"), imr_address=inet_addr(\"%s\"), imr_ifindex=%d}",
      group_of(g), local_of(g), ONE_OF(g, ((const int[]) {0, 0, 1, 2, 99})));
    return 12;
  }
  ss_printf(v, "{imr_multiaddr=inet_addr(\"%s\"), imr_interface=inet_addr(\"%s\")}", group_of(g),
    local_of(g));
  return 8;
}

@ @<Write an |ip_msfilter|@>=
{
  int ns = pick(g, 4), numsrc = pick(g, 5) ? ns : pick(g, 13);
  ss_printf(v, "{imsf_multiaddr=inet_addr(\"%s\"), imsf_interface=inet_addr(\"%s\"), "
    "imsf_fmode=%d, imsf_numsrc=%d, imsf_slist=[", group_of(g), local_of(g),
    pick(g, 8) ? pick(g, 2) : 2, numsrc);
  for (int k = 0; k < ns; k++) ss_printf(v, "%sinet_addr(\"1.2.3.%d\")", k ? ", " : "", 1 + pick(g, 3));
  ss_puts(v, "]}", 2);
  return 16 + 4 * ns;
}

@ @<Write a classic program@>=
{
  static const char *const insn[] = {"BPF_RET|BPF_K", "BPF_RET|BPF_A", "BPF_LD|BPF_W|BPF_LEN",
    "BPF_ALU|BPF_ADD|BPF_K", "BPF_ALU|BPF_DIV|BPF_K", "BPF_JMP|BPF_JA", "BPF_LD|BPF_MEM",
    "BPF_ST", "BPF_MISC|BPF_TAX", "BPF_LD|BPF_W|BPF_ABS"};
  int len = 1 + pick(g, 4);
  ss_printf(v, "{len=%d, filter=[", pick(g, 6) ? len : pick(g, 3));
  for (int k = 0; k < len; k++)
    ss_printf(v, "%s{code=%s, jt=%d, jf=%d, k=%d}", k ? ", " : "",
      k == len - 1 && pick(g, 4) ? "BPF_RET|BPF_K" : ONE_OF(g, insn), pick(g, 3), pick(g, 3),
      ONE_OF(g, ((const int[]) {0, 1, 15, 16, 31, 32})));
  ss_puts(v, "]}", 2);
  return 16;
}

@ The lines.  Each kind of call is written with its own habits; the
weights favour the option calls, which are most of the model.

@<Functions@>=
static void line_socket(gen *g)
{
  static const char *const s[] = {"SOCK_DGRAM, 0", "SOCK_STREAM, 0", "SOCK_RAW, IPPROTO_ICMP",
    "SOCK_RAW, IPPROTO_RAW", "SOCK_DGRAM, IPPROTO_UDPLITE", "SOCK_DGRAM, IPPROTO_ICMP",
    "SOCK_DGRAM|SOCK_NONBLOCK, 0", "SOCK_STREAM|SOCK_CLOEXEC, 0", "SOCK_SEQPACKET, 0",
    "SOCK_RAW, 0", "SOCK_DGRAM, IPPROTO_TCP"};
  const char *t = ONE_OF(g, s);
  ss_printf(&g->b, "socket(AF_INET, %s) = ?\n", t);
  if (!strncmp(t, "SOCK_STREAM", 11)) g->stream = true;
  g->nsock++;
}

static void line_option(gen *g, bool set)
{
  ss_buf v = {NULL, 0, 0};
  const row *r = &rows[pick(g, nrows)];
  while (g->stream && g->dropped && (!strcmp(r->f[SS_OPT_NAME], "SO_ATTACH_FILTER") ||
      !strcmp(r->f[SS_OPT_NAME], "SO_ATTACH_REUSEPORT_CBPF")))
    r = &rows[pick(g, nrows)];
  char level[32], name[48];
  int len;
  snprintf(level, sizeof level, "%s", !strcmp(r->f[SS_OPT_LEVEL], "SOL_SOCKET") ? "SOL_SOCKET" : "SOL_IP");
  snprintf(name, sizeof name, "%s", r->f[SS_OPT_NAME]);
  if (pick(g, 25) == 0) snprintf(name, sizeof name, "%d", pick(g, 2) ? 120 + pick(g, 80) : 1000 + pick(g, 100));
  if (pick(g, 40) == 0) snprintf(level, sizeof level, "%s", pick(g, 2) ? "9999" : "1000");
  len = value_of(g, r, &v);
  if (set) ss_printf(&g->b, "setsockopt(%d, %s, %s, %s, %d) = ?\n", fd_of(g), level, name, v.p, len_of(g, len));
  else if (!strcmp(r->f[SS_OPT_NAME], "IP_MSFILTER") && strncmp(v.p, "NULL", 4))
    ss_printf(&g->b, "getsockopt(%d, %s, %s, %s => ?, [%d]) = ?\n", fd_of(g), level, name, v.p, len_of(g, 56));
  else if (pick(g, 30) == 0) ss_printf(&g->b, "getsockopt(%d, %s, %s, ?, NULL) = ?\n", fd_of(g), level, name);
  else ss_printf(&g->b, "getsockopt(%d, %s, %s, %s, [%d]) = ?\n", fd_of(g), level, name,
    pick(g, 30) ? "?" : "NULL", len_of(g, len < 4 ? 4 : len));
  free(v.p);
}

@ @<Functions@>=
static void line_fcntl(gen *g)
{
  static const char *const get[] = {"F_GETFL", "F_GETFD", "F_GETOWN", "F_GETSIG"};
  static const char *const fl[] = {"O_NONBLOCK", "O_ASYNC", "O_APPEND", "O_NOATIME", "O_DIRECT",
    "O_RDONLY", "0", "O_NONBLOCK|O_ASYNC", "0x7fffffff"};
  static const char *const own[] = {"$pid", "-$pgrp", "99999", "-99999", "0", "-2147483648"};
  switch (pick(g, 8)) {
  case 0: case 1: ss_printf(&g->b, "fcntl(%d, %s) = ?\n", fd_nonstd(g), ONE_OF(g, get)); break;
  case 2: ss_printf(&g->b, "fcntl(%d, F_SETFL, %s) = ?\n", fd_nonstd(g), ONE_OF(g, fl)); break;
  case 3: ss_printf(&g->b, "fcntl(%d, F_SETFD, %s) = ?\n", fd_nonstd(g), int_of(g)); break;
  case 4: ss_printf(&g->b, "fcntl(%d, F_SETOWN, %s) = ?\n", fd_nonstd(g), ONE_OF(g, own)); break;
  case 5: ss_printf(&g->b, "fcntl(%d, F_SETSIG, %s) = ?\n", fd_nonstd(g), int_of(g)); break;
  case 6: ss_printf(&g->b, "fcntl(%d, %s, %d) = ?\n", fd_nonstd(g), pick(g, 2) ? "F_DUPFD" : "F_DUPFD_CLOEXEC",
    ONE_OF(g, ((const int[]) {0, 10, 100, 1023, 1024, -1}))); break;
  default: ss_printf(&g->b, "fcntl(%d, 9999) = ?\n", fd_nonstd(g));
  }
}

static void line_ioctl(gen *g)
{
  static const char *const rq[] = {"FIONBIO", "FIOASYNC", "SIOCSPGRP", "SIOCGPGRP", "FIOSETOWN",
    "FIOGETOWN", "SIOCINQ", "SIOCOUTQ", "SIOCATMARK", "SIOCOUTQNSD", "0x12345678"};
  static const char *const arg[] = {"[0]", "[$pid]", "[-$pgrp]", "[99999]", "[-99999]"};
  static const char *const flag[] = {"[0]", "[1]", "[256]", "[-1]"};
  int k = pick(g, 14);
  if (k < 11) ss_printf(&g->b, "ioctl(%d, %s, %s) = ?\n", fd_nonstd(g), rq[k], !pick(g, 12) ? "NULL" :
    k < 2 ? ONE_OF(g, flag) : ONE_OF(g, arg));
  else if (k == 11) ss_printf(&g->b, "ioctl(%d, %s) = ?\n", fd_nonstd(g), pick(g, 2) ? "FIOCLEX" : "FIONCLEX");
  else ss_printf(&g->b, "ioctl(%d, %s, %s) = ?\n", fd_nonstd(g), pick(g, 2) ? "SIOCGSTAMP" : "SIOCGSTAMPNS",
    pick(g, 2) ? "NULL" : "[0, 0, 0, 0]");
}

@ Tunables of the namespace only: the machine-wide ones are a stated limit
of the model.  \.{optmem\_max} is left out too, for now: Linux charges
filters, memberships and source lists against it, and the model does not
yet keep that account (a shrunken \.{optmem\_max} makes the kernel refuse
a filter with |ENOMEM| where the model accepts it: seed 301322).

@<Functions@>=
static void line_sysctl(gen *g)
{
  static const char *const name[] = {"net.ipv4.ip_default_ttl", "net.ipv4.ip_no_pmtu_disc",
    "net.ipv4.igmp_max_memberships", "net.ipv4.igmp_max_msf", "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.core.somaxconn",
    "net.ipv4.ipfrag_time", "net.ipv4.ip_forward"};
  static const char *const val[] = {"0", "1", "2", "-1", "5", "255", "256", "0 0", "1 0",
    "1024 65535", "abc", "", "0x10", "2147483648", "40000 50000"};
  if (pick(g, 3)) ss_printf(&g->b, "sysctl_set(\"%s\", \"%s\") = ?\n", ONE_OF(g, name), ONE_OF(g, val));
  else ss_printf(&g->b, "sysctl_get(\"%s\", ?) = ?\n", ONE_OF(g, name));
}

static void line_process(gen *g)
{
  static const char *const cap[] = {"CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_SETUID", "CAP_FOWNER"};
  g->dropped = true;
  switch (pick(g, 4)) {
  case 0: ss_printf(&g->b, "setuid(65534) = ?\n"); break;
  case 1: ss_printf(&g->b, "seteuid(%d) = ?\n", pick(g, 2) ? 0 : 1000); break;
  default: ss_printf(&g->b, "cap_drop(%s) = ?\n", ONE_OF(g, cap));
  }
}

@ A sequence: one to three sockets, then up to thirty calls.

@<Functions@>=
static char *generate(unsigned long long seed)
{
  gen g;
  int len;
  memset(&g, 0, sizeof g);
  g.state = seed;
  ss_printf(&g.b, "# sr-fuzz sequence %llu\n", seed);
  if (pick(&g, 2)) ss_printf(&g.b, "sysctl_set(\"net.ipv4.ping_group_range\", \"0 0\") = ?\n");
  for (int k = 1 + pick(&g, 3); k > 0; k--) line_socket(&g);
  len = 5 + pick(&g, 26);
  for (int k = 0; k < len; k++) {
    int w = pick(&g, 100);
    if (w < 36) line_option(&g, true);
    else if (w < 70) line_option(&g, false);
    else if (w < 78) line_fcntl(&g);
    else if (w < 85) line_ioctl(&g);
    else if (w < 89) line_socket(&g);
    else if (w < 92) ss_printf(&g.b, "close(%d) = ?\n", fd_of(&g));
    else if (w < 97) line_sysctl(&g);
    else line_process(&g);
  }
  return g.b.p;
}

@* Running a sequence.
Recording a sequence is what \.{sr-record} does, in memory: run it on
the kernel and print every line with the kernel's results.  Checking the
recording is what \.{sr-check} does.  The answer is the first line that
diverges, or $-1$; $-2$ when the kernel could not run the sequence (it
blocked, or the namespaces could not be made), which is no divergence.

@<Functions@>=
static char *record(const char *text, ss_outcome *ko)
{
  ss_script *s = ss_parse("fuzz", text, strlen(text), stderr);
  ss_buf b = {NULL, 0, 0};
  ss_arena a = {NULL, 0, 0};
  if (!s) return NULL;
  if (ss_run_kernel(s, ko, 5) < 0) { ss_free(s); return NULL; }
  for (int li = 0; li < s->nlines; li++) {
    ss_env e = ko->env;
    ss_print_line(&b, s, li, ko, &a, &e);
    ss_putc(&b, '\n');
  }
  ss_arena_free(&a);
  ss_free(s);
  return b.p;
}

static int diverges(const char *recorded, ss_outcome *so)
{
  ss_script *s = ss_parse("fuzz", recorded, strlen(recorded), stderr);
  ss_arena a = {NULL, 0, 0};
  int first = -1;
  if (!s) return -2;
  ss_run_sockref(s, so);
  for (int li = 0; li < s->nlines && first < 0; li++) {
    ss_env e = so->env;
    int what;
    if (s->line[li].kind == SL_CALL && ss_check_line(s, li, so, &a, &e, &what) != SS_PASS) first = li;
  }
  ss_arena_free(&a);
  ss_free(s);
  return first;
}

@ Making a divergence small: take out one line at a time, from the last,
and keep it out when the shorter sequence, recorded again, still
diverges.  Lines are taken out of the generated text, not the recording,
so every trial is a fresh recording.

@<Functions@>=
static char *without_line(const char *text, int drop)
{
  ss_buf b = {NULL, 0, 0};
  int li = 0;
  for (const char *p = text; *p; li++) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t) (nl - p + 1) : strlen(p);
    if (li != drop) ss_puts(&b, p, len);
    p += len;
  }
  if (!b.p) ss_puts(&b, "", 0);
  return b.p;
}

static int count_lines(const char *text)
{
  int n = 0;
  for (const char *p = text; *p; p++) if (*p == '\n') n++;
  return n;
}

static char *minimise(char *text, ss_outcome *ko, ss_outcome *so)
{
  bool changed = true;
  while (changed) {
    changed = false;
    for (int li = count_lines(text) - 1; li >= 1; li--) {
      char *shorter = without_line(text, li), *rec = record(shorter, ko);
      if (rec && diverges(rec, so) >= 0) { free(text); text = shorter; changed = true; }
      else free(shorter);
      free(rec);
    }
  }
  return text;
}

@ @<Prototypes@>=
static void read_rows(const char *path);
static char *generate(unsigned long long seed);
static char *record(const char *text, ss_outcome *ko);
static int diverges(const char *recorded, ss_outcome *so);
static char *minimise(char *text, ss_outcome *ko, ss_outcome *so);

@* The campaign.
Each sequence is generated, recorded and checked; a divergence is
minimised, printed and, with \.{--save}, written to
\.{DIR/fuzz-SEED.sr} as its recording.

@<Run the campaign@>=
{
  ss_outcome *ko = ss_outcome_new(true), *so = ss_outcome_new(false);
  long found = 0, skipped = 0, lines = 0;
  struct timespec t0, t1;
  double secs;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long i = 0; i < n; i++) {
    char *text = generate(seed + (unsigned long long) i), *rec = record(text, ko);
    int d;
    lines += count_lines(text);
    if (!rec) { skipped++; free(text); continue; }
    d = diverges(rec, so);
    if (verbose) printf("%s", rec);
    if (d >= 0) @<Report and save a divergence@>@;
    free(text);
    free(rec);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  secs = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
  ss_free_options(rows, nrows);
  printf("sr-fuzz: %ld sequences (%ld lines, seeds %llu to %llu) on the kernel and sockref in %.1f s: "
    "%ld divergences, %ld not run\n", n, lines, seed, seed + (unsigned long long) n - 1, secs, found, skipped);
  ss_outcome_free(ko, true);
  ss_outcome_free(so, false);
  return found ? 1 : 0;
}

@ @<Report and save a divergence@>=
{
  char *small = minimise(strdup(text), ko, so), *srec = record(small, ko);
  found++;
  printf("DIVERGENCE seed %llu (minimised):\n%s", seed + (unsigned long long) i, srec ? srec : small);
  if (save && srec) {
    char path[4096];
    FILE *f;
    mkdir(save, 0755);
    snprintf(path, sizeof path, "%s/fuzz-%llu.sr", save, seed + (unsigned long long) i);
    if ((f = fopen(path, "w"))) { fputs(srec, f); fclose(f); }
  }
  free(small);
  free(srec);
}

@* A libFuzzer harness for sockref alone.
The differential fuzzer needs the kernel and asks well-typed questions.
The harness below asks sockref anything: libFuzzer (clang's
\.{-fsanitize=fuzzer}) hands it arbitrary bytes, which it reads as a
sequence of calls --- the call, its descriptor, level, option, length and
the bytes of its value all come from the input --- on a fresh world each
time, under AddressSanitizer and UndefinedBehaviorSanitizer.  It looks for
crashes, memory errors and undefined behaviour, and checks the invariants
every call must keep: a result of $-1$ comes with an error number, any
other result is not negative, and a failed call leaves |errno| in the
range of the kernel's error numbers.  \.{make fuzz FUZZ\_SECONDS=N} builds
and runs it.

@(generated/srlibfuzz.c@>=
#define _GNU_SOURCE 1
#include "sockref.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
@<The harness's input reader@>@;
@<The harness's calls@>@;
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  input in = {data, size};
  sr_reset();
  for (int k = 0; k < 64 && in.n > 0; k++) one_call(&in);
  return 0;
}

@ Reading the input: a byte, an integer of a few bytes, or a run of bytes;
when the input is used up every read gives zeros.

@<The harness's input reader@>=
typedef struct { const uint8_t *p; size_t n; } input;
static unsigned byte(input *in)
{
  unsigned b = 0;
  if (in->n) { b = *in->p++; in->n--; }
  return b;
}
static int32_t i32(input *in)
{
  uint32_t v = 0;
  for (int k = 0; k < 4; k++) v = v << 8 | byte(in);
  return (int32_t) v;
}
static int small_int(input *in)
{
  static const int v[] = {0, 1, 2, 3, 4, 5, 7, 8, 12, 16, 20, 24, 40, 41, 255, 256,
    65535, -1, 2147483647, (int) 0x80000000u};
  unsigned b = byte(in);
  return b < 128 ? v[b % (sizeof v / sizeof v[0])] : i32(in);
}

@ One call.  The descriptor is one of the first few, where the sockets are;
the level one of the two the model knows or another; the buffers are
large enough for any length the input chose up to 512 bytes, and the
length may be larger, smaller or negative.

@<The harness's calls@>=
static void check_result(long r)
{
  if (r == -1 ? (errno <= 0 || errno > 133) : r < 0) abort();
}

static void one_call(input *in)
{
  static const int levels[] = {SOL_SOCKET, IPPROTO_IP, IPPROTO_TCP, 9999};
  static const int types[] = {SOCK_DGRAM, SOCK_STREAM, SOCK_RAW, SOCK_SEQPACKET, 0, 15};
  static const unsigned long reqs[] = {FIONBIO, FIOASYNC, FIOCLEX, FIONCLEX, SIOCSPGRP,
    SIOCGPGRP, FIOSETOWN, FIOGETOWN, SIOCINQ, SIOCOUTQ, SIOCATMARK, SIOCOUTQNSD, SIOCGSTAMP,
    SIOCGSTAMPNS, 0x8999};
  static const char *const tun[] = {"net.ipv4.ip_default_ttl", "net.ipv4.ping_group_range",
    "net.ipv4.igmp_max_memberships", "net.ipv4.igmp_max_msf", "net.core.optmem_max",
    "net.ipv4.ip_local_port_range", "net.core.rmem_max", "net.ipv4.ip_local_reserved_ports"};
  uint8_t buf[512 + 64];
  unsigned op = byte(in) % 14;
  int fd = (int) (byte(in) % 8), len;
  socklen_t sl;
  long r = 0;
  memset(buf, 0, sizeof buf);
  errno = 0;
  switch (op) {
  case 0: r = sr_socket(AF_INET, types[byte(in) % 6] | (byte(in) & 1 ? SOCK_NONBLOCK : 0),
    (int) (byte(in) % 4 == 0 ? small_int(in) : (int) byte(in))); break;
  case 1: case 2: case 3:
    len = small_int(in);
    for (int k = 0; k < (len > 0 && len < 512 ? len : 16); k++) buf[k] = (uint8_t) byte(in);
    r = sr_setsockopt(fd, levels[byte(in) % 4], (int) byte(in), byte(in) % 16 ? buf : NULL,
      (socklen_t) len);
    break;
  case 4: case 5:
    len = small_int(in);
    sl = (socklen_t) (len > 512 ? 512 : len);
    for (int k = 0; k < 16; k++) buf[k] = (uint8_t) byte(in);
    r = sr_getsockopt(fd, levels[byte(in) % 4], (int) byte(in), byte(in) % 16 ? buf : NULL,
      byte(in) % 16 ? &sl : NULL);
    break;
  case 6: r = sr_fcntl(fd, (int) (byte(in) % 16), (long) small_int(in)); break;
  case 7:
    memcpy(buf, &(int) {small_int(in)}, sizeof(int));
    r = sr_ioctl(fd, reqs[byte(in) % 15], byte(in) % 8 ? buf : NULL);
    break;
  case 8: r = sr_close(fd); break;
  case 9: {
    char text[16];
    snprintf(text, sizeof text, "%d", small_int(in));
    r = sr_sysctl_set(tun[byte(in) % 8], text);
    break;
  }
  case 10: {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = (sa_family_t) (byte(in) % 4 ? AF_INET : byte(in));
    a.sin_port = (in_port_t) (byte(in) << 8 | byte(in));
    a.sin_addr.s_addr = (in_addr_t) i32(in);
    memcpy(buf, &a, sizeof a);
    len = small_int(in);
    if (len > 128) len = 16;
    r = byte(in) & 1 ? sr_bind(fd, (struct sockaddr *) buf, (socklen_t) len)
                     : sr_connect(fd, (struct sockaddr *) buf, (socklen_t) len);
    break;
  }
  case 11: r = sr_listen(fd, small_int(in)); break;
  case 12:
    sl = (socklen_t) (byte(in) % 32);
    r = byte(in) & 1 ? sr_getsockname(fd, (struct sockaddr *) buf, &sl)
                     : sr_getpeername(fd, (struct sockaddr *) buf, &sl);
    break;
  default:
    switch (byte(in) % 4) {
    case 0: r = sr_setuid((uid_t) (byte(in) % 2 ? 65534 : 0)); break;
    case 1: r = sr_cap_drop((int) (byte(in) % 42)); break;
    case 2: r = sr_proc_new(0, (uid_t) (byte(in) % 2 ? 65534 : 0)); break;
    default: r = sr_proc_switch((pid_t) (1000 + byte(in) % 4)); break;
    }
  }
  check_result(r);
}

@* Index.
