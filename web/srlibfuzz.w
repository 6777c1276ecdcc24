% srlibfuzz.w --- the libFuzzer harness: arbitrary bytes as call sequences on sockref alone, with invariants checked after every call.
\def\title{SR-LIBFUZZ}
\def\topofcontents{\null\vfill
  \centerline{\titlefont The libFuzzer harness}
  \vskip 12pt
  \centerline{Arbitrary bytes as socket-call sequences, run on sockref alone}
  \vfill}
\input srmac
@i format.w
@s fg_rand int
@s fg_gen int
@s fg_options int
@s ss_buf int
@s ss_script int
@s ss_outcome int
@s ss_line_hook int
@s snapshot int
@s harness int

@* The libFuzzer harness.
The differential fuzzer asks whether sockref answers as Linux does; it
needs the kernel, and it is as fast as the kernel lets it be.  This
harness asks something that needs no kernel: whether sockref keeps its
own promises, whatever it is asked.  It runs under libFuzzer, which
calls it with arbitrary bytes, millions of times, steering towards bytes
that reach code not reached before; AddressSanitizer and
UndefinedBehaviorSanitizer watch every access and every arithmetic
operation.

The bytes are not decoded by a grammar of their own.  They are the
randomness of the sequence generator of the differential fuzzer (its own
book): each choice the generator makes --- which call, which descriptor,
which option, which value --- reads the next bytes.  So every input is a
well-typed sequence, and a small change of the input is a small change
of the sequence, which is what lets libFuzzer's mutations find their way.
The sequence is written as a sockscript, parsed, and run by the executor
on sockref, which calls back before and after every line.

After each call the harness checks four promises:
\smallskip
\item{1.} the call returned at all: no crash, no sanitizer report;
\item{2.} |errno| is set exactly when the call returned $-1$;
\item{3.} a call that failed changed nothing that can be observed: every
option readable with \.{getsockopt} on every socket of the process, the
descriptor and status flags, the owner and signal of every descriptor,
which descriptors are open, the process's users and capabilities, and
the tunables --- compared before and after the call;
\item{4.} a call that made a descriptor made the lowest free one (at or
above the minimum \.{F\_DUPFD} asks for).
\smallskip\noindent
A broken promise is reported with the script and the line, and the
harness aborts, which libFuzzer treats as a crash: it keeps the input,
and the input, run again, is the same sequence.

The harness is a program only in the sense libFuzzer gives the word: it
defines |LLVMFuzzerInitialize| and |LLVMFuzzerTestOneInput| and is linked
with \.{-fsanitize=fuzzer}, which supplies |main|.

@c
@<Header files@>@;
@<Types@>@;
@<Prototypes@>@;
@<Snapshots@>@;
@<The checks@>@;
@<The entry points@>@;

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "fuzzgen.h"
#include "sockscript.h"
#include "sockref.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/capability.h>

@* What can be observed.
A {\it snapshot\/} is everything of the current process that a program
can read without changing it and that the call at hand could change.
For each descriptor below |NFD|: whether it is open, its descriptor
flags, its status flags, its owner and its signal; for the descriptor the
call names, if it is a socket, every option of levels \.{SOL\_SOCKET} and
\.{IPPROTO\_IP} whose number the system's headers name, read into a buffer
of 64 bytes: the result, the error number, the length and the bytes.
Then the process's real and effective users, its capabilities, and the
tunables the generator writes.  The options of the other sockets are not
read: a call on one socket does not reach another's options, and reading
them all, around every call, would make the harness several times
slower.

One option is left out: \.{SO\_ERROR}, whose reading clears the error it
reads, so that reading it would be a change.  \.{IP\_MSFILTER} and the
multicast-routing options read what the caller's buffer says, and are
read with a zeroed buffer, the same each time.

@<Types@>=
#define NFD 16
#define NOPT 2 /* levels */
#define OPTMAX 80 /* option numbers read at each level */
#define VALLEN 64
typedef struct {
  int ret, err, len;
  unsigned char val[VALLEN];
} optread;
typedef struct {
  int open[NFD], fdflags[NFD], flflags[NFD], owner[NFD], sig[NFD];
  bool sock[NFD];
  int target; /* the descriptor whose options are read, or $-1$ */
  optread opt[NOPT][OPTMAX];
  long long uid, euid;
  unsigned long long caps;
  char tunables[8][64];
} snapshot;

@ The options read: at each level, the numbers from 0 below |OPTMAX|
that name an option of the headers.  The list is made once.

@<Types@>=
typedef struct {
  fg_options opts;
  bool enabled[64];
  ss_outcome *o;
  bool named[NOPT][OPTMAX];
  snapshot before, after; /* around the line being run */
  const char *text; /* the script, for reports */
} harness;

@ Taking a snapshot.  Each read is a call of sockref's public interface,
as a program would make it.

@<Snapshots@>=
static const char *const tunable_names[8] = {"net.ipv4.ip_default_ttl",
  "net.ipv4.ip_local_port_range", "net.ipv4.ping_group_range", "net.ipv4.ip_nonlocal_bind",
  "net.ipv4.ip_unprivileged_port_start", "net.core.somaxconn", "net.ipv4.igmp_max_memberships",
  "net.ipv4.ip_local_reserved_ports"};

static void take_snapshot(const harness *H, snapshot *S, int target)
{
  memset(S, 0, sizeof *S);
  S->target = target;
  for (int fd = 0; fd < NFD; fd++) {
    int t;
    socklen_t tl = sizeof t;
    S->open[fd] = sr_fcntl(fd, F_GETFD);
    if (S->open[fd] < 0) continue;
    S->fdflags[fd] = S->open[fd];
    S->flflags[fd] = sr_fcntl(fd, F_GETFL);
    S->owner[fd] = sr_fcntl(fd, F_GETOWN);
    S->sig[fd] = sr_fcntl(fd, F_GETSIG);
    S->sock[fd] = sr_getsockopt(fd, SOL_SOCKET, SO_TYPE, &t, &tl) == 0;
    if (S->sock[fd] && fd == target) @<Read every named option of socket |fd|@>@;
  }
  S->uid = sr_getuid();
  S->euid = sr_geteuid();
  for (int c = 0; c <= CAP_LAST_CAP && c < 64; c++)
    if (sr_cap_has(c) > 0) S->caps |= 1ULL << c;
  for (int i = 0; i < 8; i++)
    if (sr_sysctl_get(tunable_names[i], S->tunables[i], sizeof S->tunables[i]) < 0)
      S->tunables[i][0] = '\0';
}

@ @<Read every named option of socket |fd|@>=
for (int l = 0; l < NOPT; l++)
  for (int n = 0; n < OPTMAX; n++) {
    optread *r = &S->opt[l][n];
    socklen_t len = VALLEN;
    if (!H->named[l][n] || (l == 0 && n == SO_ERROR)) continue;
    errno = 0;
    r->ret = sr_getsockopt(fd, l == 0 ? SOL_SOCKET : IPPROTO_IP, n, r->val, &len);
    r->err = r->ret < 0 ? errno : 0;
    r->len = (int) len;
  }

@ Linux itself breaks the promise in a few places, and sockref, which
follows Linux, must break it there too.  Each is listed here, as the call
and the option whose reading the failing call may change, with what was
measured:
\smallskip
\item{} a datagram socket's \.{connect} drops the route it had cached
before it looks at the new address, so a connect that then fails leaves
a connected socket without a route, and \.{IP\_MTU} answers |ENOTCONN|;
\item{} a socket without a port takes one before a send or a connect looks
at its arguments, so one that then fails leaves the port, which
\.{IP\_PROTOCOL} (an option beyond the pages) reads;
\item{} a send that fails while a datagram is corked (|MSG_MORE|,
\.{UDP\_CORK}) discards the corked datagram (|udp_flush_pending_frames|),
whose charge \.{SO\_MEMINFO} (another option beyond the pages) shows.
\smallskip

\kernel{UDP connected to \.{127.0.0.1}: \.{IP\_MTU} is 65535; a
\.{connect} with an address length of 128 is |EINVAL|; \.{IP\_MTU} is
then |ENOTCONN| and \.{getpeername} still gives \.{127.0.0.1}.  A
|sendto| to port 0 and a |connect| with an address of 8 bytes are
|EINVAL|, a |write| of an unconnected socket |EDESTADDRREQ|, and each
leaves \.{IP\_PROTOCOL} reading an ephemeral port.  A connected UDP
socket's |send| of 5 bytes with |MSG_MORE|: \.{SO\_MEMINFO} shows a send
charge of 832; a |send| of 65507 bytes then is |EMSGSIZE| and the charge
is 0 (found by the harness in CI).}

@<Snapshots@>=
#define SR_IP_PROTOCOL 52 /* \.{IP\_PROTOCOL}, which glibc's headers lack */
static const struct { const char *call; int level, name; } may_change[] = {
  {"connect", IPPROTO_IP, IP_MTU},
  {"connect", IPPROTO_IP, SR_IP_PROTOCOL}, {"send", IPPROTO_IP, SR_IP_PROTOCOL},
  {"sendto", IPPROTO_IP, SR_IP_PROTOCOL}, {"sendmsg", IPPROTO_IP, SR_IP_PROTOCOL},
  {"write", IPPROTO_IP, SR_IP_PROTOCOL}, {"writev", IPPROTO_IP, SR_IP_PROTOCOL},
  {"send", SOL_SOCKET, SO_MEMINFO}, {"sendto", SOL_SOCKET, SO_MEMINFO},
  {"sendmsg", SOL_SOCKET, SO_MEMINFO}, {"write", SOL_SOCKET, SO_MEMINFO},
  {"writev", SOL_SOCKET, SO_MEMINFO}
};

static bool exempt(const char *call, int l, int n)
{
  for (size_t i = 0; i < sizeof may_change / sizeof may_change[0]; i++)
    if (!strcmp(may_change[i].call, call) && may_change[i].level == (l ? IPPROTO_IP : SOL_SOCKET) &&
        may_change[i].name == n)
      return true;
  return false;
}

@ Finding the first difference of two snapshots, described in words; a
null answer means there is none.  |call| is the call that ran between
them, for the exemptions above.

@<Snapshots@>=
static const char *difference(const snapshot *a, const snapshot *b, const char *call, char *buf, size_t len)
{
  for (int fd = 0; fd < NFD; fd++) {
    if (a->open[fd] != b->open[fd]) return fmt(buf, len, "descriptor %d: open %d, then %d", fd, a->open[fd], b->open[fd]);
    if (a->flflags[fd] != b->flflags[fd]) return fmt(buf, len, "descriptor %d: F_GETFL %#x, then %#x", fd, a->flflags[fd], b->flflags[fd]);
    if (a->owner[fd] != b->owner[fd]) return fmt(buf, len, "descriptor %d: F_GETOWN %d, then %d", fd, a->owner[fd], b->owner[fd]);
    if (a->sig[fd] != b->sig[fd]) return fmt(buf, len, "descriptor %d: F_GETSIG %d, then %d", fd, a->sig[fd], b->sig[fd]);
  }
  for (int l = 0; l < NOPT; l++)
    for (int n = 0; n < OPTMAX; n++)
      if (memcmp(&a->opt[l][n], &b->opt[l][n], sizeof a->opt[l][n]) && !exempt(call, l, n))
        return fmt(buf, len, "descriptor %d: option %d of level %s: result %d/%d length %d, then %d/%d length %d",
          a->target, n, l ? "IPPROTO_IP" : "SOL_SOCKET", a->opt[l][n].ret, a->opt[l][n].err,
          a->opt[l][n].len, b->opt[l][n].ret, b->opt[l][n].err, b->opt[l][n].len);
  if (a->uid != b->uid || a->euid != b->euid) return fmt(buf, len, "the users changed");
  if (a->caps != b->caps) return fmt(buf, len, "the capabilities changed");
  for (int i = 0; i < 8; i++)
    if (strcmp(a->tunables[i], b->tunables[i])) return fmt(buf, len, "%s changed", tunable_names[i]);
  return NULL;
}

static const char *fmt(char *buf, size_t len, const char *f, ...)
{
  va_list ap;
  va_start(ap, f);
  vsnprintf(buf, len, f, ap);
  va_end(ap);
  return buf;
}

@ @<Header files@>=
#include <stdarg.h>

@ @<Prototypes@>=
static const char *fmt(char *buf, size_t len, const char *f, ...);

@* The checks.
The hook the executor calls around each line.  Before a line it takes
the snapshot the line finds; after it, the snapshot the line leaves, and
checks the promises against the two.  A process switch changes whose
state a snapshot is; a switch that fails changes nothing, and one that
succeeds promises nothing about the state (it is another process's).
The descriptor a line names is its first argument, when that is a number
and the call takes a descriptor there.

@<The checks@>=
static int target_of(const ss_script *s, int li)
{
  const ss_line *ln = &s->line[li];
  const char *c = ss_call_name(ln->call);
  static const char *const nofd[] = {"socket", "socketpair", "poll", "select", "setuid",
    "seteuid", "cap_drop", "sysctl_set", "sysctl_get", "advance", "proc_new", "proc_switch",
    "signal_count", "sigaction", "sigprocmask", "sigpending", "kill", "setitimer", "alarm", "ppoll"};
  for (size_t i = 0; i < sizeof nofd / sizeof nofd[0]; i++) if (!strcmp(c, nofd[i])) return -1;
  return ln->nargs > 0 && ln->arg[0]->kind == SV_INT ? (int) ln->arg[0]->i : -1;
}

static void hook(void *arg, const ss_script *s, int li, const ss_outcome *o, bool after)
{
  harness *H = arg;
  int saved = errno;
  if (!after) {
    take_snapshot(H, &H->before, target_of(s, li));
    errno = 0;
    return;
  }
  take_snapshot(H, &H->after, target_of(s, li));
  check_line(H, s, li, &o->raw[li], saved);
}

@ The promises, for one line that ran.  A line the executor could not
give to sockref (a buffer it could not build) did not run and promises
nothing.

@<The checks@>=
static void check_line(harness *H, const ss_script *s, int li, const ss_raw *r, int err_after)
{
  const ss_line *ln = &s->line[li];
  char why[512];
  const char *d;
  if (r->status != RS_DONE) return;
  if (r->ret == -1 && r->err == 0) broken(H, s, li, "the call returned -1 and left errno 0");
  if (r->ret != -1 && err_after != 0 && ln->call != call_number("advance"))
    broken(H, s, li, fmt(why, sizeof why, "the call succeeded and set errno to %d", err_after));
  if (r->ret == -1 && ln->call != call_number("proc_switch") &&
      (d = difference(&H->before, &H->after, ss_call_name(ln->call), why, sizeof why)) != NULL)
    broken(H, s, li, d);
  if (r->ret >= 0) @<Check that a new descriptor is the lowest free one@>@;
}

@ The calls that make a descriptor: \.{socket}, and \.{fcntl} with
\.{F\_DUPFD} or \.{F\_DUPFD\_CLOEXEC} (whose third argument is the
lowest descriptor it may take).  The lowest free descriptor is read from
the snapshot before the call; a descriptor at or above |NFD| is not in
the snapshot, so it is checked only when the snapshot has no free one.

@<Check that a new descriptor is the lowest free one@>=
{
  int min = -1;
  if (ln->call == call_number("socket")) min = 0;
  else if (ln->call == call_number("fcntl") && ln->nargs == 3 && ln->arg[1]->kind == SV_INT &&
      (ln->arg[1]->i == F_DUPFD || ln->arg[1]->i == F_DUPFD_CLOEXEC) && ln->arg[2]->kind == SV_INT)
    min = (int) ln->arg[2]->i;
  if (min >= 0 && min < NFD) {
    int want = -1;
    for (int fd = min; fd < NFD && want < 0; fd++) if (H->before.open[fd] < 0) want = fd;
    if (want >= 0 && r->ret != want)
      broken(H, s, li, fmt(why, sizeof why, "the new descriptor is %lld, the lowest free one %d", r->ret, want));
  }
}

@ A broken promise: the report, then |abort|.

@<The checks@>=
static void broken(const harness *H, const ss_script *s, int li, const char *why)
{
  fprintf(stderr, "sr-libfuzz: line %d broke a promise: %s\n  %.*s\nthe script:\n%s", li + 1, why,
    s->line[li].len, s->line[li].text, H->text);
  abort();
}

static int call_number(const char *name)
{
  for (int c = 0; c < ss_ncalls(); c++) if (!strcmp(ss_call_name(c), name)) return c;
  return -1;
}

@ @<Prototypes@>=
static void check_line(harness *H, const ss_script *s, int li, const ss_raw *r, int err_after);
static void broken(const harness *H, const ss_script *s, int li, const char *why);
static int call_number(const char *name);

@* The entry points.
The harness's state lives in one structure made when libFuzzer starts
it: the option table (read from \.{spec/options.tsv}, or from the file
\.{SRFUZZ\_OPTIONS} names), the calls sockref has, the outcome the
executor fills, and which option numbers the headers name.  libFuzzer
gives the entry points no argument to carry it, so it is the one static
variable of the program.

@<The entry points@>=
static harness *the_harness;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  harness *H = calloc(1, sizeof *H);
  const char *path = getenv("SRFUZZ_OPTIONS");
  (void) argc; (void) argv;
  if (!H) abort();
  if (fg_load_options(path ? path : "spec/options.tsv", &H->opts) <= 0) {
    fprintf(stderr, "sr-libfuzz: cannot read the option table (set SRFUZZ_OPTIONS)\n");
    @.sr-libfuzz: cannot read the option table@>
    exit(2);
  }
  fg_probe_sockref(&H->opts, H->enabled);
  H->o = ss_outcome_new(false);
  for (int n = 0; n < OPTMAX; n++) {
    H->named[0][n] = ss_symbol_name("so", n) != NULL;
    H->named[1][n] = ss_symbol_name("ip", n) != NULL;
  }
  the_harness = H;
  return 0;
}

@ One input: the user of the process (as in the differential fuzzer),
then the sequence, written, parsed and run with the hook.  A sequence
that does not parse is the generator's bug, and a crash like any other.

@<The entry points@>=
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  harness *H = the_harness;
  static const int uids[] = {0, 0, 0, 0, 0, 0, 0, 1000, 65534, 0};
  fg_rand r;
  fg_gen g;
  ss_buf b = {NULL, 0, 0};
  ss_script *s;
  int uid;
  fg_from_bytes(&r, data, size);
  uid = uids[fg_below(&r, 10)];
  fg_init(&g, &r, &H->opts, H->enabled, &b);
  fg_begin(&g, uid == 0);
  if (uid) ss_printf(&b, "proc_new(%d) = ?\nproc_switch(2) = ?\n", uid);
  fg_sequence(&g, 40);
  fg_free(&g);
  if (!b.p) return 0;
  if (!(s = ss_parse("input", b.p, b.n, stderr))) {
    fprintf(stderr, "sr-libfuzz: the generator wrote a script that does not parse:\n%s", b.p);
    abort();
  }
  H->text = b.p;
  ss_run_sockref_hooked(s, H->o, hook, H);
  ss_free(s);
  free(b.p);
  return 0;
}

@ @<Prototypes@>=
static void hook(void *arg, const ss_script *s, int li, const ss_outcome *o, bool after);
static int target_of(const ss_script *s, int li);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

@* Without libFuzzer.
Compiled with |SR_LIBFUZZ_STANDALONE| defined, the harness has a |main|
of its own that runs the inputs named on its command line, one file
each, and nothing else: no search, no coverage.  \.{make check} runs the
seed corpus (\.{fuzz/corpus}) through it with the C compiler of the
build, sanitizers included under \.{SANITIZE=1}, so that the promises
are checked on every build, with or without clang.

@<The entry points@>=
#ifdef SR_LIBFUZZ_STANDALONE
int main(int argc, char **argv)
{
  int n = 0;
  LLVMFuzzerInitialize(&argc, &argv);
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    unsigned char buf[1 << 16];
    size_t len;
    if (!f) { fprintf(stderr, "sr-libfuzz: cannot read %s\n", argv[i]); return 2; }
    len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, len);
    n++;
  }
  printf("sr-libfuzz: %d inputs run, every promise kept\n", n);
  ss_outcome_free(the_harness->o, false);
  fg_free_options(&the_harness->opts);
  free(the_harness);
  return 0;
}
#endif

@* Index.
