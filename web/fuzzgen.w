% fuzzgen.w --- the sequence generator of the fuzzers: random, well-typed socket-call sequences as sockscripts.
\def\title{FUZZGEN}
\def\topofcontents{\null\vfill
  \centerline{\titlefont The sequence generator}
  \vskip 12pt
  \centerline{Random, well-typed socket-call sequences, written as sockscripts}
  \vfill}
\input srmac
@i format.w
@s fg_rand int
@s fg_gen int
@s fg_option int
@s fg_options int
@s fg_file int
@s fg_tunable int
@s ss_buf int
@s ss_script int
@s ss_outcome int

@* The sequence generator.
Two fuzzers test sockref.  The differential fuzzer, \.{sr-fuzz}, runs
random call sequences on the Linux kernel and on sockref and compares
what they answer; the libFuzzer harness runs sequences decoded from
arbitrary bytes on sockref alone and checks that sockref keeps its own
promises.  Both need the same thing: a sequence of socket calls that is
random, yet {\it well typed\/} --- every argument has the shape the call
expects, so that the calls get past the C library's types and reach the
code that decides.  Within the types, anything goes: boundary values,
garbage values, lengths too short and too long, negative lengths, null
pointers, descriptors that are closed or were never open, calls after the
process gave up root.

This library writes such sequences.  It writes them as sockscripts, the
text every other tool of the project reads: each line a call with every
result left as \.{?}, for the kernel to fill in.  A sequence is therefore
something a person can read, a recorder can record, and a checker can
replay --- the differential fuzzer does all three.

The generator never decides what a call should return.  It only chooses
calls worth making, and for that it keeps a rough {\it prediction\/} of
the process's state: which descriptors are open and on what kind of
socket, which are non-blocking, whether the process is still root.  A
wrong prediction costs nothing but interest (a call on a descriptor the
generator believed open fails with \.{EBADF} on both systems alike).

Randomness comes from a {\it source\/} that is either a seeded
pseudo-random generator or a string of bytes.  The differential fuzzer
uses the first, so that a seed names a campaign; the libFuzzer harness
uses the second, so that libFuzzer's mutations of its input become
changes of the sequence.

@c
@<Header files@>@;
@<Private types@>@;
@<Prototypes@>@;
@<State data@>@;
@<The source of randomness@>@;
@<The option table@>@;
@<The state of the generator@>@;
@<Arguments@>@;
@<Calls@>@;
@<Sequences@>@;

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "fuzzgen.h"
#include "sockscript.h"
#include "sockref.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/capability.h>
#include <linux/sockios.h>

@ The public header.

@(generated/fuzzgen.h@>=
#ifndef FUZZGEN_H
#define FUZZGEN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "sockscript.h"
@<Public types@>@;
@<Public declarations@>@;
#endif

@* The source of randomness.
A source answers one question: a number below |n|.  Seeded, it draws
from SplitMix64, which is a few lines and gives the same numbers on every
machine.  Given bytes, it reads the next byte (or the next two or four,
when |n| needs them) and reduces it; when the bytes run out it answers 0
for ever after, so that every input, however short, is a complete
sequence.  A source can also hand out a raw 32-bit integer: four bytes of
the input as they are, so that libFuzzer's dictionary of interesting
integers lands in an argument unchanged.

@<Public types@>=
typedef struct {
  uint64_t state; /* SplitMix64's state, when |bytes| is null */
  const uint8_t *bytes; /* the input to decode, or null */
  size_t len, pos;
} fg_rand;

@ @<Public declarations@>=
void fg_seed(fg_rand *r, uint64_t seed);
void fg_from_bytes(fg_rand *r, const uint8_t *bytes, size_t len);
uint32_t fg_below(fg_rand *r, uint32_t n);
uint32_t fg_bits32(fg_rand *r);
bool fg_exhausted(const fg_rand *r);

@ @<The source of randomness@>=
void fg_seed(fg_rand *r, uint64_t seed)
{
  memset(r, 0, sizeof *r);
  r->state = seed;
}

void fg_from_bytes(fg_rand *r, const uint8_t *bytes, size_t len)
{
  memset(r, 0, sizeof *r);
  r->bytes = bytes;
  r->len = len;
}

bool fg_exhausted(const fg_rand *r) { return r->bytes && r->pos >= r->len; }

static uint64_t splitmix(uint64_t *s)
{
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static uint32_t take_bytes(fg_rand *r, int n)
{
  uint32_t v = 0;
  for (int i = 0; i < n; i++)
    v = v << 8 | (r->pos < r->len ? r->bytes[r->pos++] : 0);
  return v;
}

uint32_t fg_bits32(fg_rand *r)
{
  if (r->bytes) return take_bytes(r, 4);
  return (uint32_t) (splitmix(&r->state) >> 32);
}

uint32_t fg_below(fg_rand *r, uint32_t n)
{
  if (n <= 1) return 0;
  if (r->bytes) return take_bytes(r, n <= 256 ? 1 : n <= 65536 ? 2 : 4) % n;
  return (uint32_t) (splitmix(&r->state) % n);
}

@ Two shorthands: a choice with probability |pct| percent, and an item
of an array.

@<The source of randomness@>=
static bool chance(fg_rand *r, unsigned pct) { return fg_below(r, 100) < pct; }
#define PICK(r, arr) ((arr)[fg_below((r), (uint32_t) (sizeof (arr) / sizeof (arr)[0]))])

@* The option table.
The options the generator writes and reads are those of sockref's option
table, \.{spec/options.tsv}: one row per option of {\it socket\/}(7) and
{\it ip\/}(7), with its level, its name, the type of its argument, the
access it allows and its range.  The generator reads the table when it
starts, so a row added to the table is fuzzed from then on.  A name is
turned into its number with the symbol table of sockscripts, which the
compiler filled in from the system's headers.

@<Public types@>=
typedef struct {
  char name[40]; /* \.{SO\_RCVBUF} */
  char level[12]; /* \.{SOL\_SOCKET} or \.{SOL\_IP}, as scripts write it */
  char type[16]; /* \.{int}, \.{bool}, \.{linger}, \dots */
  char clause[160]; /* the row's clauses, separated by semicolons */
  bool get, set; /* the access the row allows */
  long long lo, hi; /* the row's range, when it has one */
  bool ranged;
} fg_option;
#define FG_NTUNABLES 40
typedef struct {
  fg_option *opt;
  int n;
  char defaults[FG_NTUNABLES][64]; /* the tunables' values in a new world */
  bool have_default[FG_NTUNABLES]; /* the tunable exists */
} fg_options;

@ @<Public declarations@>=
int fg_load_options(const char *path, fg_options *t);
void fg_free_options(fg_options *t);
const fg_option *fg_find_option(const fg_options *t, bool sol_socket, long long value);

@ Reading the table.  The sockscript library reads its rows
(|ss_read_options|); the generator keeps, of each, the clause, the
level, the name, the type, the access and the range.  A range is
\.{LO..HI:ACTION}; the bounds may be names (\.{IP\_PMTUDISC\_DONT}) or
numbers (\.{INT\_MAX} is spelled out).

@<The option table@>=
static bool range_bound(const char *s, size_t n, long long *v)
{
  char buf[48], *end;
  if (n == 0 || n >= sizeof buf) return false;
  memcpy(buf, s, n);
  buf[n] = '\0';
  if (!strcmp(buf, "INT_MAX")) { *v = INT_MAX; return true; }
  *v = strtoll(buf, &end, 10);
  if (*end == '\0') return true;
  return ss_symbol(buf, v);
}

int fg_load_options(const char *path, fg_options *t)
{
  ss_optrow *rows;
  int n = ss_read_options(path, &rows);
  memset(t, 0, sizeof *t);
  if (n < 0) return -1;
  t->opt = calloc((size_t) (n ? n : 1), sizeof *t->opt);
  if (!t->opt) abort();
  for (int i = 0; i < n; i++) @<Keep row |i| in |t|@>@;
  ss_free_options(rows, n);
  @<Read the defaults of the tunables from a new world@>@;
  return t->n;
}

@ @<Keep row |i| in |t|@>=
{
  char **f = rows[i].f;
  fg_option *o = &t->opt[t->n++];
  const char *dots;
  snprintf(o->clause, sizeof o->clause, "%s", f[SS_OPT_CLAUSE]);
  snprintf(o->level, sizeof o->level, "%s", !strcmp(f[SS_OPT_LEVEL], "SOL_SOCKET") ? "SOL_SOCKET" :
    !strcmp(f[SS_OPT_LEVEL], "SOL_UDP") ? "SOL_UDP" : "SOL_IP");
  snprintf(o->name, sizeof o->name, "%s", f[SS_OPT_NAME]);
  snprintf(o->type, sizeof o->type, "%s", f[SS_OPT_TYPE]);
  o->get = strcmp(f[SS_OPT_ACCESS], "set") != 0;
  o->set = strcmp(f[SS_OPT_ACCESS], "get") != 0;
  if ((dots = strstr(f[SS_OPT_RANGE], "..")) != NULL) {
    const char *colon = strchr(dots, ':');
    o->ranged = colon && range_bound(f[SS_OPT_RANGE], (size_t) (dots - f[SS_OPT_RANGE]), &o->lo) &&
      range_bound(dots + 2, (size_t) (colon - dots - 2), &o->hi);
  }
}

@ The defaults of the tunables (next chapter) are read once, with the
table, from a fresh sockref world.

@<Read the defaults of the tunables from a new world@>=
sr_reset();
for (int i = 0; i < NTUNABLES && i < FG_NTUNABLES; i++) {
  t->have_default[i] = sr_sysctl_get(tunables[i].name, t->defaults[i], sizeof t->defaults[i]) >= 0;
  if (!t->have_default[i]) t->defaults[i][0] = '\0';
}
sr_reset();

@ @<The option table@>=
void fg_free_options(fg_options *t)
{
  free(t->opt);
  t->opt = NULL;
  t->n = 0;
}

@ Finding the row of an option by its number, for the programs that name
the clauses of a script: of level \.{SOL\_SOCKET} or \.{IPPROTO\_IP} (the
rows of \.{SOL\_UDP} share numbers with the latter, and are skipped).

@<The option table@>=
const fg_option *fg_find_option(const fg_options *t, bool sol_socket, long long value)
{
  for (int i = 0; i < t->n; i++) {
    long long v;
    if (sol_socket != !strcmp(t->opt[i].level, "SOL_SOCKET")) continue;
    if (!strcmp(t->opt[i].level, "SOL_UDP")) continue;
    if (ss_symbol(t->opt[i].name, &v) && v == value) return &t->opt[i];
  }
  return NULL;
}

@* The state of the generator.
The generator keeps what it predicts about the process that will run the
sequence: its descriptors and the open files they refer to, its user,
and the tunables the sequence wrote, which must be put back afterwards.

A descriptor refers to an open file; two descriptors share one after
\.{F\_DUPFD}, and then they share its status flags, so the files are kept
apart from the descriptors.  A file is the terminal of descriptors 0 to
2 or a socket of some type and protocol.

@<Private types@>=
enum { FG_TTY, FG_SOCKET };
struct fg_file {
  int kind;
  int type, protocol; /* a socket's */
  bool nonblock;
  int refs;
};
typedef struct fg_file fg_file;

@ The tunables the generator writes are the ones of the pages that a
network namespace has of its own; the others (\.{net.core.rmem\_max} and
the rest of the machine-wide ones) it only reads.  The reason is the
kernel runner: it runs a script in a new namespace, where the
machine-wide files cannot be written, while sockref's first host stands
for the initial namespace, where root may write them.  The two worlds
differ there by construction (the tunables chapter of sockref says so),
and writing those files would only find that difference again and again.
For the same reason the global tunables a new namespace does not show at
all (\.{message\_cost}, \.{netdev\_max\_backlog}, \.{busy\_poll}, \dots)
are not even read; \.{rmem\_max} and its kin, which it shows read-only,
are.
@^model limits@>

Each tunable comes with the value sockref gives it when the world is
new, which is the value the kernel gives it in a new namespace (a
difference would show as a divergence on the first \.{sysctl\_get}).  The
value is read from sockref when the generator starts, and a sequence that
wrote a tunable is followed by a line that writes the value back.

@<Private types@>=
typedef struct { const char *name; bool writable; } fg_tunable;

@ @<State data@>=
static const fg_tunable tunables[] = {
  {"net.core.optmem_max", true}, {"net.core.somaxconn", true},
  {"net.ipv4.ip_default_ttl", true}, {"net.ipv4.ip_dynaddr", true},
  {"net.ipv4.ip_forward", true}, {"net.ipv4.ip_local_port_range", true},
  {"net.ipv4.ip_local_reserved_ports", true}, {"net.ipv4.ip_unprivileged_port_start", true},
  {"net.ipv4.ip_autobind_reuse", true}, {"net.ipv4.ip_no_pmtu_disc", true},
  {"net.ipv4.route.min_pmtu", true}, {"net.ipv4.route.mtu_expires", true},
  {"net.ipv4.route.min_adv_mss", true}, {"net.ipv4.ip_nonlocal_bind", true},
  {"net.ipv4.ipfrag_high_thresh", true}, {"net.ipv4.ipfrag_low_thresh", true},
  {"net.ipv4.ipfrag_time", true}, {"net.ipv4.ipfrag_max_dist", true},
  {"net.ipv6.ip6frag_high_thresh", true}, {"net.ipv6.ip6frag_low_thresh", true},
  {"net.ipv6.ip6frag_time", true}, {"net.ipv4.igmp_max_memberships", true},
  {"net.ipv4.igmp_max_msf", true}, {"net.ipv4.ping_group_range", true},
  {"net.core.rmem_default", false}, {"net.core.rmem_max", false},
  {"net.core.wmem_default", false}, {"net.core.wmem_max", false},
  {"net.ipv4.ip_always_defrag", false},
  {"net.ipv4.no_such_tunable", true}, {"net.ipv4", false}, {"", false}
};
#define NTUNABLES ((int) (sizeof tunables / sizeof tunables[0]))

@ The generator.  It follows every descriptor below |FG_NFD|, the limit of
descriptors a process has (\.{RLIMIT\_NOFILE}, 1024), so that a copy made
with \.{F\_DUPFD} at 1023 is known for what it is.

@<Public types@>=
#define FG_NFD 1024 /* every descriptor below the limit a process has */
#define FG_NFILES 64
typedef struct fg_gen fg_gen;
struct fg_gen {
  fg_rand *r;
  const fg_options *opts;
  const bool *enabled; /* by the executor's call number */
  ss_buf *out;
  int fd[FG_NFD]; /* the file of each descriptor, or $-1$ */
  bool used[FG_NFD]; /* was ever open in this sequence */
  struct fg_file *file;
  int highest; /* the highest descriptor a call may have made */
  int bound[8], nbound; /* ports the sequence's \.{bind}s named */
  int last_port; /* the port of the last address written, or $-1$ */
  bool root; /* the process may still do what root does */
  bool saved_root; /* it may become root again with \.{seteuid(0)} */
  bool cap_raw; /* \.{CAP\_NET\_RAW} kept */
  bool cap_admin; /* \.{CAP\_NET\_ADMIN} kept */
  bool cap_setuid; /* \.{CAP\_SETUID} kept: the users may change */
  bool ping_ok; /* the ping group range holds group 0 */
  long ping_range[2]; /* the ping group range, as the generator believes it */
  bool optmem_written; /* the sequence wrote \.{optmem\_max} */
  bool wrote[FG_NTUNABLES]; /* tunables to put back */
  int lines; /* call lines written */
};

@ @<Public declarations@>=
void fg_init(fg_gen *g, fg_rand *r, const fg_options *opts, const bool *enabled, ss_buf *out);
void fg_free(fg_gen *g);
void fg_begin(fg_gen *g, bool root);

@ Starting.  A new sequence begins with descriptors 0 to 2 open on the
terminal and the others closed.

@<The state of the generator@>=
void fg_init(fg_gen *g, fg_rand *r, const fg_options *opts, const bool *enabled, ss_buf *out)
{
  memset(g, 0, sizeof *g);
  g->r = r;
  g->opts = opts;
  g->enabled = enabled;
  g->out = out;
  g->file = calloc(FG_NFILES, sizeof *g->file);
  if (!g->file) abort();
}

void fg_free(fg_gen *g) { free(g->file); g->file = NULL; }

void fg_begin(fg_gen *g, bool root)
{
  for (int i = 0; i < FG_NFD; i++) { g->fd[i] = -1; g->used[i] = false; }
  memset(g->file, 0, FG_NFILES * sizeof *g->file);
  g->file[0].kind = FG_TTY;
  g->file[0].refs = 3;
  for (int i = 0; i < 3; i++) { g->fd[i] = 0; g->used[i] = true; }
  g->highest = 2;
  g->nbound = 0;
  g->root = g->saved_root = root;
  g->cap_raw = g->cap_admin = g->cap_setuid = root;
  g->ping_ok = g->optmem_written = false;
  g->ping_range[0] = 1; g->ping_range[1] = 0;
  memset(g->wrote, 0, sizeof g->wrote);
  g->lines = 0;
}

@ Opening and closing in the prediction.  A new descriptor is the lowest
free one at or above |min|, as the kernel gives it.

@<The state of the generator@>=
static int lowest_free(const fg_gen *g, int min)
{
  for (int fd = min < 0 ? 0 : min; fd < FG_NFD; fd++) if (g->fd[fd] < 0) return fd;
  return -1;
}

static int new_file(fg_gen *g, int kind, int type, int protocol, bool nonblock)
{
  for (int i = 1; i < FG_NFILES; i++)
    if (!g->file[i].refs) {
      g->file[i].kind = kind;
      g->file[i].type = type;
      g->file[i].protocol = protocol;
      g->file[i].nonblock = nonblock;
      return i;
    }
  return -1;
}

static void open_fd(fg_gen *g, int fd, int file)
{
  if (fd < 0 || fd >= FG_NFD || file < 0) return;
  g->fd[fd] = file;
  g->file[file].refs++;
  g->used[fd] = true;
  if (fd > g->highest) g->highest = fd;
}

static void close_fd(fg_gen *g, int fd)
{
  if (fd < 0 || fd >= FG_NFD || g->fd[fd] < 0) return;
  g->file[g->fd[fd]].refs--;
  g->fd[fd] = -1;
}

static int sockets_open(const fg_gen *g)
{
  int n = 0;
  for (int fd = 0; fd < FG_NFD; fd++) if (g->fd[fd] >= 0 && g->file[g->fd[fd]].kind == FG_SOCKET) n++;
  return n;
}

static const fg_file *file_of(const fg_gen *g, int fd)
{
  return fd >= 0 && fd < FG_NFD && g->fd[fd] >= 0 ? &g->file[g->fd[fd]] : NULL;
}

@* Arguments.
Every argument is written as text.  The helpers in this chapter choose
one argument of a kind --- a descriptor, an integer, an address, an
option value --- and write it into a small buffer that the caller puts
into the line.

@<Private types@>=
typedef struct { char s[1024]; } fg_text;

@ @<Arguments@>=
static const char *text(fg_text *t, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(t->s, sizeof t->s, fmt, ap);
  va_end(ap);
  return t->s;
}

@ Descriptors.  Most calls get a socket the process has open; some a
descriptor that was open and is closed now, some one that was never
open, and some a number no process has: negative, at or past the limit
of 1024 descriptors, or the largest |int|.  Descriptors 0 to 2 are open
on a terminal in sockref and on \.{/dev/null} in the kernel runner, so a
call is given them --- or a copy of them made with \.{F\_DUPFD} --- only
when the caller says that it cannot tell a terminal from \.{/dev/null}
(it refuses anything that is not a socket, or acts on the descriptor
alone).
@^model limits@>

@<Arguments@>=
static int pick_fd(fg_gen *g, bool std_ok)
{
  static const int garbage[] = {-1, -2, 63, 64, 1023, 1024, 4096, 65536, INT_MAX, INT_MIN};
  unsigned k = fg_below(g->r, 100);
  int open[FG_NFD], closed[FG_NFD], no = 0, nc = 0;
  for (int fd = 0; fd < FG_NFD; fd++) {
    const fg_file *f = file_of(g, fd);
    if (f && f->kind == FG_SOCKET) open[no++] = fd;
    else if (!f && g->used[fd]) closed[nc++] = fd;
  }
  if (k < 75 && no) return open[fg_below(g->r, (uint32_t) no)];
  if (k < 85 && nc) return closed[fg_below(g->r, (uint32_t) nc)];
  if (k < 88 && std_ok) return (int) fg_below(g->r, 3);
  if (k < 94) {
    int fd = 3 + (int) fg_below(g->r, 8);
    const fg_file *f = file_of(g, fd);
    if (std_ok || !f || f->kind == FG_SOCKET) return fd;
  }
  {
    int fd = PICK(g->r, garbage);
    const fg_file *f = file_of(g, fd);
    return std_ok || !f || f->kind == FG_SOCKET ? fd : -1;
  }
}

@ A descriptor for the data path --- a send, a receive, a readiness
question (\.{poll}, \.{select}, the queue \.{ioctl}s) --- is any
descriptor, raw and ping sockets included: a raw socket also receives a
copy of every datagram of its protocol that the other sockets of the
sequence exchange, and what it reads begins with the IP header, whose
identification the matcher knows to be random.

@<Arguments@>=
static bool is_raw(const fg_file *f)
{
  return f && f->kind == FG_SOCKET && f->type == SOCK_RAW;
}

static int data_fd(fg_gen *g, bool std_ok)
{
  return pick_fd(g, std_ok);
}

@ Integers.  The interesting |int|s are the edges of the type, the
small numbers every call treats specially, the edges of bytes and
shorts, and the buffer sizes the kernel knows; a tenth are any 32 bits at
all.

@<Arguments@>=
static long long any_int(fg_gen *g)
{
  static const long long ints[] = {0, 1, 2, 3, -1, -2, 7, 8, 15, 16, 64, 127, 128, 255, 256,
    1023, 1024, 2303, 2304, 4608, 65535, 65536, 131072, 212992, 1 << 20, INT_MAX, INT_MIN,
    INT_MAX - 1, INT_MIN + 1, 0x7fffffffLL / 2 + 1};
  if (chance(g->r, 10)) return (int32_t) fg_bits32(g->r);
  return PICK(g->r, ints);
}

@ Lengths.  A length is usually the natural one for the argument,
sometimes one that is short by a little, long by a little, zero,
negative, or large; never above 64~KiB, which keeps every byte the kernel
may read inside the buffer the executor makes (it makes a buffer as long
as the length, up to 16~MiB).

@<Arguments@>=
static long long any_len(fg_gen *g, long long natural)
{
  static const long long lens[] = {0, 1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 20, 24, 32, 40, 41,
    64, 128, 255, 256, 4096, 65536, -1, -4};
  unsigned k = fg_below(g->r, 100);
  if (k < 60) return natural;
  if (k < 70) return natural > 0 ? natural - 1 : 0;
  if (k < 75) return natural + 1;
  return PICK(g->r, lens);
}

@ Addresses and ports.  The addresses are the ones the default world
makes meaningful: the host's own (\.{10.0.0.1}), loopback, the wildcard,
the broadcast address of the link and the limited one, multicast groups,
an address on the link that no host has, one behind the gateway, and one
no route reaches.  The ports are few, so that two calls of a sequence
meet on the same port often.

@<Arguments@>=
static const char *any_addr(fg_gen *g)
{
  static const char *const addrs[] = {"127.0.0.1", "127.0.0.1", "10.0.0.1", "10.0.0.1",
    "0.0.0.0", "0.0.0.0", "127.0.0.2", "10.0.0.255", "255.255.255.255", "224.0.0.1",
    "239.1.2.3", "224.0.0.251", "10.0.0.2", "192.0.2.1", "240.0.0.1", "127.255.255.255"};
  return PICK(g->r, addrs);
}

static int any_port(fg_gen *g)
{
  static const int ports[] = {0, 0, 5000, 5000, 5001, 7, 53, 1023, 1024, 32768, 60999, 65535};
  return PICK(g->r, ports);
}

static const char *any_mcast(fg_gen *g)
{
  static const char *const groups[] = {"224.0.0.1", "239.1.2.3", "239.1.2.3", "224.0.0.251",
    "232.1.1.1", "10.0.0.1", "0.0.0.0", "255.255.255.255"};
  return PICK(g->r, groups);
}

@ A socket address: mostly a proper |sockaddr_in| of 16 bytes;
sometimes another family (\.{AF\_UNSPEC} disconnects a datagram socket, a
foreign family is refused), a length that is too short or too long, or no
address at all.  The length goes in |*len|.  Data is only interesting when
it arrives somewhere, so an address to send to or connect to is, a third
of the time, a port some socket of the sequence was bound to, on an
address of this host: the generator remembers the ports of the
\.{bind}s it wrote.

@<Arguments@>=
static const char *sockaddr_to(fg_gen *g, fg_text *t, long long *len, bool toward_bound)
{
  static const char *const fams[] = {"AF_UNSPEC", "AF_INET6", "AF_UNIX", "1000"};
  static const char *const here[] = {"127.0.0.1", "10.0.0.1", "127.0.0.1", "0.0.0.0"};
  unsigned k = fg_below(g->r, 100);
  int port;
  *len = any_len(g, 16);
  if (toward_bound && g->nbound && chance(g->r, 33)) {
    *len = 16;
    return text(t, "{sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr(\"%s\")}",
      g->bound[fg_below(g->r, (uint32_t) g->nbound)], PICK(g->r, here));
  }
  if (k < 80) {
    port = any_port(g);
    g->last_port = port;
    return text(t, "{sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr(\"%s\")}",
      port, any_addr(g));
  }
  g->last_port = -1;
  if (k < 92)
    return text(t, "{sa_family=%s, sin_port=htons(%d), sin_addr=inet_addr(\"%s\")}",
      PICK(g->r, fams), any_port(g), any_addr(g));
  if (k < 96) { *len = chance(g->r, 50) ? 0 : 16; return "NULL"; }
  return text(t, "\"\\x02\\x00\\x13\\x88\"");
}

static const char *any_sockaddr(fg_gen *g, fg_text *t, long long *len)
{
  return sockaddr_to(g, t, len, true);
}

@ Bytes to send: short text, an empty string, or a long run (the
executor fills the buffer up to the length with zeros, so \.{"x"} with a
length of 70000 sends 70000 bytes).

@<Arguments@>=
static const char *any_data(fg_gen *g, long long *len)
{
  static const char *const data[] = {"\"\"", "\"a\"", "\"hello\"", "\"0123456789abcdef\"",
    "\"\\x00\\xff\\x01\""};
  static const long long big[] = {100, 1472, 1473, 8192, 65507, 65508, 65536, 70000};
  const char *d = PICK(g->r, data);
  long long n = (long long) strlen(d) - 2;
  for (const char *p = d; *p; p++) if (*p == '\\') n -= 3;
  *len = chance(g->r, 80) ? n : PICK(g->r, big);
  return d;
}

@ Flags.  A set of flags is some of the names of a class, or'ed, and now
and then a bit no name of the class has --- never one of the four lowest,
which in a socket's type are the type itself (\.{SOCK\_DGRAM}$\vert$8 is
\.{SOCK\_PACKET}), and never one of the named bits written as a number
(0x800 is \.{SOCK\_NONBLOCK}), which would fool the prediction, and never
a flag the generator leaves out on purpose (0x20000000 is
\.{MSG\_FASTOPEN}).

@<Arguments@>=
static const char *any_flags(fg_gen *g, fg_text *t, const char *const *names, int n, unsigned pct,
  const char *cls)
{
  size_t used = 0;
  t->s[0] = '\0';
  for (int i = 0; i < n; i++)
    if (chance(g->r, pct)) used += (size_t) snprintf(t->s + used, sizeof t->s - used, "%s%s", used ? "|" : "", names[i]);
  if (chance(g->r, 3)) {
    unsigned long long named = 0, bit = 1ULL << (4 + fg_below(g->r, 27));
    long long v;
    for (int i = 0; i < n; i++) if (ss_symbol(names[i], &v)) named |= (unsigned long long) v;
    if (!(bit & named) && !ss_symbol_name(cls, (long long) bit))
      used += (size_t) snprintf(t->s + used, sizeof t->s - used, "%s0x%llx", used ? "|" : "", bit);
  }
  if (!used) snprintf(t->s, sizeof t->s, "0");
  return t->s;
}

@* Option values.
What \.{setsockopt} is given depends on the type of the option's
argument, from its row: an |int|, one or two bytes, a 64-bit number, a
|linger| or |timeval| structure, an interface name, raw option bytes, a
multicast request, a source filter or a classic BPF program.  Most values
have the type's natural shape and length; some have the shape of another
type; some are garbage bytes.  The length chosen goes in |*len|.

@<Arguments@>=
static const char *option_value(fg_gen *g, const fg_option *o, fg_text *t, long long *len)
{
  const char *ty = o->type;
  if (chance(g->r, 8)) { *len = any_len(g, 4); return "NULL"; }
  if (chance(g->r, 6) && !holds_pointer(o)) @<Write garbage bytes as the value@>@;
  if (!strcmp(ty, "linger")) @<Write a |linger|@>@;
  if (!strcmp(ty, "timeval")) @<Write a |timeval|@>@;
  if (!strcmp(ty, "string")) @<Write an interface name@>@;
  if (!strcmp(ty, "bytes")) @<Write IP options@>@;
  if (!strcmp(ty, "mreq") || !strcmp(ty, "mreq_source")) return mreq_value(g, o, t, len);
  if (!strcmp(ty, "custom")) return custom_value(g, o, t, len);
  if (!strncmp(ty, "group_", 6)) return group_value(g, o, t, len);
  if (!strcmp(ty, "u64")) @<Write a 64-bit value@>@;
  if ((!strcmp(ty, "byte") || !strcmp(ty, "bytebool")) && chance(g->r, 30)) {
    *len = any_len(g, 1);
    return text(t, "\"\\x%02x\"", (unsigned) PICK(g->r, ((const int[]) {0, 1, 2, 5, 64, 127, 128, 255})));
  }
  *len = any_len(g, 4);
  return text(t, "[%lld]", int_value(g, o));
}

@ Garbage bytes are never the value of an option whose value holds a
pointer --- a classic program's |sock_fprog| points at its instructions.
The kernel copies from a bad pointer and answers |EFAULT|; the model,
which lives in the caller's memory, can tell only a null pointer from a
good one, and would follow a bad one.  The pointers a script gives are
the executor's, made from the values the script writes.
@^model limits@>

@<Arguments@>=
static bool holds_pointer(const fg_option *o)
{
  return !strcmp(o->name, "SO_ATTACH_FILTER") || !strcmp(o->name, "SO_ATTACH_REUSEPORT_CBPF");
}

@ An |int| for an option: near the row's range when it has one, else an
interesting integer; booleans get 0 and 1 most often.

@<Arguments@>=
static long long int_value(fg_gen *g, const fg_option *o)
{
  if (o->ranged && chance(g->r, 50)) {
    long long edge[] = {o->lo - 1, o->lo, o->lo + 1, o->hi - 1, o->hi, o->hi + 1};
    long long v = PICK(g->r, edge);
    if (v > INT_MAX) v = INT_MAX;
    if (v < INT_MIN) v = INT_MIN;
    return v;
  }
  if ((!strcmp(o->type, "bool") || !strcmp(o->type, "bytebool")) && chance(g->r, 60))
    return (long long) fg_below(g->r, 2);
  return any_int(g);
}

@ @<Write garbage bytes as the value@>=
{
  size_t n = 1 + fg_below(g->r, 24), used = 0;
  used += (size_t) snprintf(t->s, sizeof t->s, "\"");
  for (size_t i = 0; i < n; i++) used += (size_t) snprintf(t->s + used, sizeof t->s - used, "\\x%02x", fg_below(g->r, 256));
  snprintf(t->s + used, sizeof t->s - used, "\"");
  *len = any_len(g, (long long) n);
  return t->s;
}

@ @<Write a |linger|@>=
{
  static const int secs[] = {0, 1, 5, -1, 65535, INT_MAX, INT_MIN};
  *len = any_len(g, 8);
  return text(t, "{l_onoff=%d, l_linger=%d}", PICK(g->r, ((const int[]) {0, 1, 2, -1})), PICK(g->r, secs));
}

@ A time: zero (no time-out), a microsecond, the largest |tv_usec|, one
past it (the kernel says \.{EDOM}), a negative second, a huge one.

@<Write a |timeval|@>=
{
  static const long long sec[] = {0, 0, 1, 5, -1, 2147483647LL, 9223372036854775807LL};
  static const long long usec[] = {0, 1, 1000, 999999, 1000000, -1};
  *len = any_len(g, 16);
  return text(t, "{tv_sec=%lld, tv_usec=%lld}", PICK(g->r, sec), PICK(g->r, usec));
}

@ Interface names: the two the world has, none, one no host has, one
with a byte after its end, one longer than |IFNAMSIZ|.  The length
counts the name with or without its terminating zero.

@<Write an interface name@>=
{
  static const char *const names[] = {"eth0", "lo", "", "nosuch0", "eth0\\x00junk",
    "abcdefghijklmnopqrstuvwxyz"};
  const char *nm = PICK(g->r, names);
  long long n = (long long) strlen(nm);
  if (strstr(nm, "\\x00")) n -= 3;
  *len = chance(g->r, 50) ? n : any_len(g, n + 1);
  return text(t, "\"%s\"", nm);
}

@ IP options in their wire form: padding, the end of the list, a record
route, a time stamp, a source route, a router alert, security, and an
option whose length runs past the end.

@<Write IP options@>=
{
  static const char *const opts[] = {"", "\\x01", "\\x00", "\\x01\\x01\\x01\\x01",
    "\\x07\\x07\\x04\\x00\\x00\\x00\\x00\\x00", "\\x44\\x0c\\x05\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00",
    "\\x83\\x07\\x04\\x0a\\x00\\x00\\x01\\x00", "\\x89\\x07\\x04\\x7f\\x00\\x00\\x01\\x00",
    "\\x94\\x04\\x00\\x00", "\\x82\\x0b\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00",
    "\\x07\\x28\\x04", "\\x44\\x02", "\\x07\\x03\\x03\\x00"};
  const char *op = PICK(g->r, opts);
  long long n = 0;
  for (const char *p = op; *p; p++) if (*p == '\\') n++;
  *len = chance(g->r, 70) ? n : any_len(g, n);
  return text(t, "\"%s\"", op);
}

@ A 64-bit value is eight bytes; written with four, the kernel takes a
32-bit number.

@<Write a 64-bit value@>=
{
  static const char *const v64[] = {"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00",
    "\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00", "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff",
    "\\x00\\x10\\x00\\x00\\x01\\x00\\x00\\x00", "\\xff\\xff\\xff\\xff\\x00\\x00\\x00\\x00"};
  if (chance(g->r, 30)) { *len = any_len(g, 4); return text(t, "[%lld]", any_int(g)); }
  *len = any_len(g, 8);
  return text(t, "\"%s\"", PICK(g->r, v64));
}

@ Multicast requests.  \.{IP\_MULTICAST\_IF} takes an address, an
|ip_mreq| or an |ip_mreqn|; the membership options an |ip_mreq| or
|ip_mreqn|; the source options an |ip_mreq_source|.  The interfaces are
named by address (the host's, loopback's, none, one no interface has) or
by index (1 and 2 exist, 3 does not).

@<Arguments@>=
static const char *mreq_value(fg_gen *g, const fg_option *o, fg_text *t, long long *len)
{
  static const char *const ifaddr[] = {"0.0.0.0", "0.0.0.0", "10.0.0.1", "127.0.0.1", "10.0.0.2"};
  static const int ifindex[] = {0, 0, 1, 2, 3, -1};
  unsigned k = fg_below(g->r, 100);
  if (!strcmp(o->type, "mreq_source")) {
    *len = any_len(g, 12);
    return text(t, "{imr_multiaddr=inet_addr(\"%s\"), imr_interface=inet_addr(\"%s\"), imr_sourceaddr=inet_addr(\"%s\")}",
      any_mcast(g), PICK(g->r, ifaddr), PICK(g->r, ((const char *const[]) {"10.0.0.2", "192.0.2.1", "127.0.0.1", "0.0.0.0"})));
  }
  if (k < 20 && !strcmp(o->name, "IP_MULTICAST_IF")) {
    *len = any_len(g, 4);
    return text(t, "{s_addr=inet_addr(\"%s\")}", PICK(g->r, ifaddr));
  }
  if (k < 60) {
    *len = any_len(g, 8);
    return text(t, "{imr_multiaddr=inet_addr(\"%s\"), imr_interface=inet_addr(\"%s\")}",
      any_mcast(g), PICK(g->r, ifaddr));
  }
  *len = any_len(g, 12);
  return text(t, "{imr_multiaddr=inet_addr(\"%s\"), imr_address=inet_addr(\"%s\"), imr_ifindex=%d}",
    any_mcast(g), PICK(g->r, ifaddr), PICK(g->r, ifindex));
}

@ The options of type \.{custom}: a source filter (\.{IP\_MSFILTER}) and
the classic BPF programs (\.{SO\_ATTACH\_FILTER},
\.{SO\_ATTACH\_REUSEPORT\_CBPF}).  A source filter has a mode, a count
and a list of sources; the count may disagree with the list.  A program
is a list of instructions, with a length that may disagree with it; the
instructions are an accept-all, a reject-all, a load of a packet byte,
and an instruction that is not one.

@<Arguments@>=
static const char *msfilter_text(fg_gen *g, fg_text *t, int nsrc, const char *mode)
{
  static const char *const srcs[] = {"10.0.0.2", "192.0.2.1", "127.0.0.1"};
  size_t used = (size_t) snprintf(t->s, sizeof t->s,
    "{imsf_multiaddr=inet_addr(\"%s\"), imsf_interface=inet_addr(\"%s\"), imsf_fmode=%s, imsf_numsrc=%d, imsf_slist=[",
    any_mcast(g), PICK(g->r, ((const char *const[]) {"0.0.0.0", "10.0.0.1", "127.0.0.1", "10.0.0.2"})), mode, nsrc);
  for (int i = 0; i < nsrc && i < 3; i++)
    used += (size_t) snprintf(t->s + used, sizeof t->s - used, "%sinet_addr(\"%s\")", i ? ", " : "", srcs[i]);
  snprintf(t->s + used, sizeof t->s - used, "]}");
  return t->s;
}

static const char *custom_value(fg_gen *g, const fg_option *o, fg_text *t, long long *len)
{
  static const char *const insns[] = {"{code=BPF_RET|BPF_K, jt=0, jf=0, k=0xffff}",
    "{code=BPF_RET|BPF_K, jt=0, jf=0, k=0}", "{code=BPF_LD|BPF_B|BPF_ABS, jt=0, jf=0, k=0}",
    "{code=0xffff, jt=0, jf=0, k=0}", "{code=BPF_JMP|BPF_JA, jt=0, jf=0, k=5}"};
  if (!strcmp(o->name, "IP_MSFILTER")) {
    int nsrc = (int) fg_below(g->r, 4);
    msfilter_text(g, t, nsrc, PICK(g->r, ((const char *const[]) {"MCAST_INCLUDE", "MCAST_EXCLUDE", "2"})));
    *len = any_len(g, 16 + 4 * (nsrc ? nsrc : 1));
    return t->s;
  } else {
    int n = (int) fg_below(g->r, 3), cnt = chance(g->r, 80) ? n : (int) PICK(g->r, ((const int[]) {0, 1, 4096, 65535}));
    size_t used = (size_t) snprintf(t->s, sizeof t->s, "{len=%d, filter=", cnt);
    if (chance(g->r, 10)) used += (size_t) snprintf(t->s + used, sizeof t->s - used, "NULL");
    else {
      used += (size_t) snprintf(t->s + used, sizeof t->s - used, "[");
      for (int i = 0; i < n; i++)
        used += (size_t) snprintf(t->s + used, sizeof t->s - used, "%s%s", i ? ", " : "", PICK(g->r, insns));
      used += (size_t) snprintf(t->s + used, sizeof t->s - used, "]");
    }
    snprintf(t->s + used, sizeof t->s - used, "}");
    *len = any_len(g, 16);
    return t->s;
  }
}

@ RFC 3678's structures (options beyond the pages), which the script
language writes as bytes: an interface index (0, 1, 2, or 3, which no
interface has), a group of the family \.{AF\_INET} or not, and for a
source request a source, for a filter a mode and no source or one.

@<Arguments@>=
static void put_group_sin(unsigned char *p, fg_gen *g, const char *addr)
{
  struct sockaddr_in sin;
  memset(&sin, 0, sizeof sin);
  sin.sin_family = (sa_family_t) PICK(g->r, ((const int[]) {AF_INET, AF_INET, AF_INET, AF_INET6, 0}));
  sin.sin_addr.s_addr = inet_addr(addr);
  memcpy(p, &sin, sizeof sin);
}

static const char *group_value(fg_gen *g, const fg_option *o, fg_text *t, long long *len)
{
  unsigned char b[GROUP_FILTER_SIZE(1)];
  uint32_t ifindex = (uint32_t) PICK(g->r, ((const int[]) {0, 0, 1, 2, 3}));
  static const char *const srcs[] = {"10.0.0.1", "10.0.0.2", "192.0.2.1", "127.0.0.1"};
  size_t n, size, used = 0;
  memset(b, 0, sizeof b);
  memcpy(b, &ifindex, sizeof ifindex);
  put_group_sin(b + offsetof(struct group_req, gr_group), g, any_mcast(g));
  if (!strcmp(o->type, "group_req")) size = sizeof(struct group_req);
  else if (!strcmp(o->type, "group_source_req")) {
    put_group_sin(b + offsetof(struct group_source_req, gsr_source), g, PICK(g->r, srcs));
    size = sizeof(struct group_source_req);
  } else {
    uint32_t mode = (uint32_t) PICK(g->r, ((const int[]) {MCAST_INCLUDE, MCAST_EXCLUDE, 2}));
    uint32_t nsrc = fg_below(g->r, 3);
    memcpy(b + offsetof(struct group_filter, gf_fmode), &mode, sizeof mode);
    memcpy(b + offsetof(struct group_filter, gf_numsrc), &nsrc, sizeof nsrc);
    if (nsrc) put_group_sin(b + GROUP_FILTER_SIZE(0), g, PICK(g->r, srcs));
    size = GROUP_FILTER_SIZE(nsrc ? 1 : 0);
  }
  *len = any_len(g, (long long) size);
  for (n = sizeof b; n > 0 && !b[n - 1]; n--) ;
  used += (size_t) snprintf(t->s, sizeof t->s, "\"");
  for (size_t i = 0; i < n; i++) used += (size_t) snprintf(t->s + used, sizeof t->s - used, "\\x%02x", b[i]);
  snprintf(t->s + used, sizeof t->s - used, "\"");
  return t->s;
}

@ @<Prototypes@>=
static const char *group_value(fg_gen *g, const fg_option *o, fg_text *t, long long *len);
static long long int_value(fg_gen *g, const fg_option *o);
static const char *mreq_value(fg_gen *g, const fg_option *o, fg_text *t, long long *len);
static const char *custom_value(fg_gen *g, const fg_option *o, fg_text *t, long long *len);
static void read_option(fg_gen *g, int fd, const fg_option *o);
static long long name_len(fg_gen *g);
static bool holds_pointer(const fg_option *o);

@ The length a read of an option asks for: the size of the option's
value, or something else.  \.{SO\_GET\_FILTER} counts instructions, not
bytes.

@<Arguments@>=
static long long read_len(fg_gen *g, const fg_option *o)
{
  long long natural = 4;
  const char *ty = o->type;
  if (!strcmp(ty, "u64") || !strcmp(ty, "linger")) natural = 8;
  else if (!strcmp(ty, "timeval") || !strcmp(ty, "string")) natural = 16;
  else if (!strcmp(ty, "bytes")) natural = 40;
  else if (!strcmp(ty, "mreq")) natural = 12;
  else if (!strcmp(ty, "custom")) natural = !strcmp(o->name, "IP_MSFILTER") ? 20 : 4;
  else if (!strcmp(ty, "group_filter")) natural = (long long) GROUP_FILTER_SIZE(1);
  if (!strcmp(ty, "byte") || !strcmp(ty, "bytebool")) natural = chance(g->r, 20) ? 1 : 4;
  if (!strcmp(o->name, "SO_PEERNAME")) return name_len(g);
  return any_len(g, natural);
}

@* Calls.
One function per call writes one line: it chooses the arguments, writes
the call with its result left as \.{?}, and updates the prediction.
The table at the end of the chapter gives each call its function and its
weight --- how often, relative to the others, a sequence makes it.  A
call is made only when the executor knows it and the caller enabled it:
the differential fuzzer enables exactly the calls sockref has.

@<Calls@>=
static void line(fg_gen *g, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  ss_vprintf(g->out, fmt, ap);
  va_end(ap);
  ss_puts(g->out, " = ?\n", 5);
  g->lines++;
}

@ \.{socket}.  Most sockets are good ones of the kinds \.{AF\_INET}
has: UDP, UDP-Lite, TCP, raw sockets of a few protocols, and the ping
socket; a flag or two may be or'ed into the type.  The rest are bad in one
place: the family, the type, the flags or the protocol (a protocol of the
wrong type, \.{IPPROTO\_UDP} for a stream, or one no type carries).  The model has
one family, and other families the kernel has (\.{AF\_UNIX},
\.{AF\_INET6}, \dots) would answer differently by design; so a bad
family is one no kernel has.  For the same reason the generator does not
ask for \.{SOCK\_PACKET}, which the kernel turns into an \.{AF\_PACKET}
socket, nor for Multipath TCP.
@^model limits@>

@<Calls@>=
static void gen_socket(fg_gen *g)
{
  static const struct { const char *type, *proto; int t, p; } good[] = {
    {"SOCK_DGRAM", "0", SOCK_DGRAM, IPPROTO_UDP}, {"SOCK_DGRAM", "0", SOCK_DGRAM, IPPROTO_UDP},
    {"SOCK_DGRAM", "IPPROTO_UDP", SOCK_DGRAM, IPPROTO_UDP},
    {"SOCK_DGRAM", "IPPROTO_UDPLITE", SOCK_DGRAM, IPPROTO_UDPLITE},
    {"SOCK_STREAM", "0", SOCK_STREAM, IPPROTO_TCP}, {"SOCK_STREAM", "IPPROTO_TCP", SOCK_STREAM, IPPROTO_TCP},
    {"SOCK_RAW", "IPPROTO_RAW", SOCK_RAW, IPPROTO_RAW}, {"SOCK_RAW", "IPPROTO_ICMP", SOCK_RAW, IPPROTO_ICMP},
    {"SOCK_RAW", "IPPROTO_UDP", SOCK_RAW, IPPROTO_UDP},
    {"SOCK_DGRAM", "IPPROTO_ICMP", SOCK_DGRAM, IPPROTO_ICMP}};
  static const char *const badfam[] = {"AF_UNSPEC", "-1", "46", "47", "255", "1000", "2147483647"};
  static const char *const badtype[] = {"0", "SOCK_SEQPACKET", "SOCK_RDM", "7", "8", "9", "11",
    "15", "-1", "SOCK_DGRAM|0x100", "SOCK_DGRAM|0x40000000"};
  static const char *const badproto[] = {"263", "-1", "256", "1000", "IPPROTO_RAW", "IPPROTO_ICMP"};
  fg_text fl;
  int i = (int) fg_below(g->r, (uint32_t) (sizeof good / sizeof good[0]));
  unsigned k = fg_below(g->r, 100);
  const char *flags = any_flags(g, &fl, (const char *const[]) {"SOCK_NONBLOCK", "SOCK_CLOEXEC"}, 2, 25, "sockflag");
  if (k < 84) @<Make a good socket of kind |i|@>@;
  else if (k < 89) line(g, "socket(%s, %s, 0)", PICK(g->r, badfam), good[i].type);
  else if (k < 95) line(g, "socket(AF_INET, %s, 0)", PICK(g->r, badtype));
  else if (good[i].t == SOCK_RAW) line(g, "socket(AF_INET, SOCK_RAW, 0)");
  else if (chance(g->r, 30)) line(g, "socket(AF_INET, %s, %s)", good[i].type,
    good[i].t == SOCK_STREAM ? "IPPROTO_UDP" : "IPPROTO_TCP");
  else line(g, "socket(AF_INET, %s, %s)", good[i].type, PICK(g->r, badproto));
}

@ A good socket is predicted to open when the process may make it: a raw
socket needs \.{CAP\_NET\_RAW}, a ping socket a group in
\.{ping\_group\_range}, which is empty until the sequence writes it as
root (the generator follows such writes below).  The new descriptor is the lowest free one.

@<Make a good socket of kind |i|@>=
{
  bool ok = (good[i].t != SOCK_RAW || g->cap_raw) &&
    !(good[i].t == SOCK_DGRAM && good[i].p == IPPROTO_ICMP && !g->ping_ok);
  bool nb = strstr(flags, "SOCK_NONBLOCK") != NULL;
  if (sockets_open(g) >= 8) return;
  if (!strcmp(flags, "0")) line(g, "socket(AF_INET, %s, %s)", good[i].type, good[i].proto);
  else line(g, "socket(AF_INET, %s|%s, %s)", good[i].type, flags, good[i].proto);
  if (ok && strchr(flags, 'x') == NULL) open_fd(g, lowest_free(g, 0), new_file(g, FG_SOCKET, good[i].t, good[i].p, nb));
}

@ \.{socketpair}: \.{AF\_INET} has no pairs, so every call fails; the
interest is in the order of the checks.  The pair goes into an array of
two descriptors, or into no array.

@<Calls@>=
static void gen_socketpair(fg_gen *g)
{
  static const char *const types[] = {"SOCK_DGRAM", "SOCK_STREAM", "SOCK_RAW", "SOCK_SEQPACKET", "-1"};
  line(g, "socketpair(AF_INET, %s, 0, %s)", PICK(g->r, types), chance(g->r, 85) ? "?" : "NULL");
}

@ \.{close}: any descriptor, 0 to 2 included.

@<Calls@>=
static void gen_close(fg_gen *g)
{
  int fd = pick_fd(g, true);
  line(g, "close(%d)", fd);
  close_fd(g, fd);
}

@ \.{fcntl}.  The commands are those the pages name for sockets --- the
status flags, the owner and signal of \.{SIGIO} --- and those every
program uses on any descriptor: the descriptor flags and duplication.
Other commands of {\it fcntl\/}(2) (locks, leases, directory
notification, pipe sizes, seals, write hints, the extended owner) are
outside the pages and the model, and so are not made; a command number no
version of Linux has given a meaning is.  Descriptors 0 to 2 are only
read and given descriptor flags and copies, never new status flags: in
the kernel runner they are one \.{/dev/null} opened once and shared by
every process of a script, so a status flag set by one sequence's
process would show in the next sequence's.
@^model limits@>

@<Calls@>=
static void gen_fcntl(fg_gen *g)
{
  static const char *const setfl[] = {"O_NONBLOCK", "O_APPEND", "O_ASYNC", "O_NOATIME", "O_DIRECT",
    "O_RDONLY", "O_WRONLY", "O_CREAT", "O_TRUNC", "O_DSYNC"};
  static const char *const owners[] = {"$pid", "$pid", "-$pgrp", "0", "99999", "-99999", "-2147483648", "2147483647"};
  static const long long dupmin[] = {0, 0, 3, 5, 10, 63, 100, 1023, 1024, -1, 2147483647};
  unsigned k = fg_below(g->r, 100);
  int fd = pick_fd(g, k < 50);
  const fg_file *f = file_of(g, fd);
  fg_text t;
  if (k < 15) line(g, "fcntl(%d, F_GETFD)", fd);
  else if (k < 25) line(g, "fcntl(%d, F_SETFD, %s)", fd, PICK(g->r, ((const char *const[]) {"FD_CLOEXEC", "0", "3", "-1"})));
  else if (k < 40) @<Duplicate descriptor |fd|@>@;
  else if (k < 50) line(g, "fcntl(%d, F_GETFL)", fd);
  else if (k < 65) @<Set the status flags of |fd|@>@;
  else if (k < 72) line(g, "fcntl(%d, F_GETOWN)", fd);
  else if (k < 82) line(g, "fcntl(%d, F_SETOWN, %s)", fd, PICK(g->r, owners));
  else if (k < 86) line(g, "fcntl(%d, F_GETSIG)", fd);
  else if (k < 93) line(g, "fcntl(%d, F_SETSIG, %d)", fd, PICK(g->r, ((const int[]) {0, 1, 29, 64, 65, -1, 10})));
  else line(g, "fcntl(%d, %d, 0)", fd, PICK(g->r, ((const int[]) {-1, 999, 1200, 2000, 12345})));
}

@ Duplicating: the new descriptor is the lowest free one at or above the
argument, on the same open file.

@<Duplicate descriptor |fd|@>=
{
  long long min = PICK(g->r, dupmin);
  bool cloexec = chance(g->r, 30);
  line(g, "fcntl(%d, %s, %lld)", fd, cloexec ? "F_DUPFD_CLOEXEC" : "F_DUPFD", min);
  if (f && min >= 0 && min < 1024) {
    int nfd = lowest_free(g, (int) min);
    if (nfd >= 0) open_fd(g, nfd, g->fd[fd]);
    else if (min > g->highest) g->highest = (int) min;
  }
}

@ Setting the status flags: the prediction follows |O_NONBLOCK|.  The
flags are set on the file, so every descriptor of the file sees them.
The prediction errs on the safe side: when the call might fail (an
|O_DIRECT|, an unnamed bit, an |O_NOATIME| that only the file's owner
may set), the file is taken to be blocking, whatever it was --- a file
wrongly believed non-blocking would make a later \.{read} wait for
ever.

@<Set the status flags of |fd|@>=
{
  const char *fl = any_flags(g, &t, setfl, (int) (sizeof setfl / sizeof setfl[0]), 20, "oflags");
  line(g, "fcntl(%d, F_SETFL, %s)", fd, fl);
  if (f) g->file[g->fd[fd]].nonblock = strstr(fl, "O_NONBLOCK") && !strstr(fl, "O_DIRECT") &&
    !strstr(fl, "0x") && !strstr(fl, "O_NOATIME");
}

@ \.{ioctl}.  The requests are those of {\it socket\/}(7) --- the owner
and process group, asynchronous mode, time stamps, queue sizes --- and
the generic ones every descriptor takes.  The interface requests of
{\it netdevice\/}(7) are outside the pages, and some of them would change
the namespace's interfaces under the sequences that follow; they are not
made.  An unknown request is.  The argument is an |int| or no pointer.
Only \.{FIOCLEX} and \.{FIONCLEX}, which change the descriptor alone, are
given descriptors 0 to 2: \.{FIOASYNC} asks the file for asynchronous
notification, which a terminal gives and \.{/dev/null} refuses with
|ENOTTY|, and \.{FIONBIO} changes the open file, which in the kernel
runner every process shares (see \.{fcntl}).
A time stamp is read into four |int|s, the size of the
|timeval| or |timespec| it is (a buffer of one |int| would be overrun
by the kernel), or into no buffer.
An owner is the process itself, its group, nobody, or a process or group
that does not exist in either world; never a small number, because the
two worlds number their processes differently (in the kernel runner, 1
is the runner's own process).
@^model limits@>

@<Calls@>=
static void gen_ioctl(fg_gen *g)
{
  static const char *const reqs[] = {"FIONREAD", "SIOCINQ", "SIOCOUTQ", "FIONBIO", "FIONBIO",
    "FIOASYNC", "FIOCLEX", "FIONCLEX", "FIOSETOWN", "SIOCSPGRP", "FIOGETOWN", "SIOCGPGRP",
    "SIOCGSTAMP", "SIOCGSTAMPNS", "SIOCATMARK", "SIOCOUTQNSD", "0x1234", "0"};
  static const char *const owners[] = {"[$pid]", "[-$pgrp]", "[0]", "[99999]", "[-99999]",
    "[-2147483648]", "NULL"};
  static const char *const flags[] = {"[0]", "[1]", "[2]", "[-1]", "NULL"};
  const char *req = PICK(g->r, reqs);
  bool generic = !strcmp(req, "FIOCLEX") || !strcmp(req, "FIONCLEX");
  bool owner = strstr(req, "OWN") || strstr(req, "PGRP");
  bool queue = !generic && !owner && strcmp(req, "FIONBIO") && strcmp(req, "FIOASYNC");
  int fd = queue ? data_fd(g, false) : pick_fd(g, generic);
  bool stamp = !strncmp(req, "SIOCGSTAMP", 10);
  const char *v = owner ? PICK(g->r, owners) : stamp ? (chance(g->r, 85) ? "[0, 0, 0, 0]" : "NULL") :
    PICK(g->r, flags);
  const fg_file *f = file_of(g, fd);
  line(g, "ioctl(%d, %s, %s)", fd, req, v);
  if (f && !strcmp(req, "FIONBIO") && strcmp(v, "NULL"))
    g->file[g->fd[fd]].nonblock = strcmp(v, "[0]") != 0;
}

@ \.{pread} and \.{pwrite}: sockets cannot seek, whatever the position.

@<Calls@>=
static void gen_pread(fg_gen *g)
{
  line(g, "pread(%d, ?, %d, %d)", pick_fd(g, false), PICK(g->r, ((const int[]) {0, 1, 16})), PICK(g->r, ((const int[]) {0, 1, -1})));
}

static void gen_pwrite(fg_gen *g)
{
  line(g, "pwrite(%d, \"abc\", %d, %d)", pick_fd(g, false), PICK(g->r, ((const int[]) {0, 3})), PICK(g->r, ((const int[]) {0, 1, -1})));
}

@ \.{getsockopt} and \.{setsockopt}.  The level is usually that of an
option of the table; the name is the option's.  A tenth of the calls
use a name the table does not have (a number no option of the level
has, or one of the multicast-routing range) and a few use another level.
Another level is one no socket of \.{AF\_INET} answers (41 is
\.{IPPROTO\_IPV6}, which the headers define only as an enumeration
constant, where the symbol table does not look) --- never a
transport protocol's, which on a socket of that protocol would reach the
options of {\it tcp\/}(7), {\it udp\/}(7) or {\it raw\/}(7), outside the
pages (the prediction of a descriptor's protocol is not sure enough to
rely on).
Options the kernel has but no page names (\.{SO\_COOKIE},
\.{IP\_LOCAL\_PORT\_RANGE}, \dots) are outside the model too, and since
the generator takes its names from the table, it never asks for them.
@^model limits@>

@<Calls@>=
static const char *other_level(fg_gen *g)
{
  static const char *const levels[] = {"41", "SOL_PACKET", "SOL_TLS", "SOL_NETLINK", "-1",
    "9999", "2147483647"};
  return PICK(g->r, levels);
}

static const fg_option *any_option(fg_gen *g)
{
  return g->opts->n ? &g->opts->opt[fg_below(g->r, (uint32_t) g->opts->n)] : NULL;
}

static const char *unknown_name(fg_gen *g, const char *level)
{
  if (!strcmp(level, "SOL_SOCKET")) return PICK(g->r, ((const char *const[]) {"0", "100", "200", "9999", "-1", "2147483647"}));
  return PICK(g->r, ((const char *const[]) {"0", "100", "199", "200", "205", "209", "210", "1000", "-1", "2147483647"}));
}

@ A write.  Half the time the option is read back on the next line, so
that what the write stored is seen.

Classic BPF programs are attached only by a process that is root with
\.{CAP\_NET\_ADMIN}.  On the machine whose kernel the fuzzer was built
against, a process that gave up root with \.{setuid} gets |EPERM| for any
\.{SO\_ATTACH\_FILTER} or \.{SO\_ATTACH\_REUSEPORT\_CBPF}, valid or not;
root without \.{CAP\_NET\_ADMIN} gets |EPERM| for a program that does not
pass the checker (where root with it gets |EINVAL|) and attaches a good
one; a process that only changed its effective user attaches a good one.
Upstream Linux has no such rule (|sk_attach_filter| checks only the
filter lock, and a bad program is |EINVAL| for everyone); that kernel is
a vendor's, built with the BPF security module.  It is a policy of that
machine, not a behaviour of Linux, and the model does not follow it.
@^model limits@>

\kernel{as uid 1000 after \.{setuid}, \.{SO\_ATTACH\_FILTER} with
\.{BPF\_RET$\vert$BPF\_K} is |EPERM|; as root after dropping
\.{CAP\_SYS\_ADMIN} and \.{CAP\_BPF}, or \.{CAP\_NET\_ADMIN}, or after
\.{seteuid(1000)}, it is 0; root without \.{CAP\_NET\_ADMIN} and a program
with the opcode 0xffff: |EPERM|, root with it: |EINVAL|;
\.{CONFIG\_BPF\_LSM=y}.}

\.{SO\_TIMESTAMPING} is not written either.  Its sending flags put a
copy of every datagram sent on the error queue, and the copy carries the
kernel's IP identification, which for a datagram that may be fragmented
is drawn at random; and its \.{RX\_SOFTWARE} turns on the machine's
arrival times a moment after the call (a deferred work item), so that
whether the next datagram has a time is a race.  The scripts of the error
queue hold those still (\.{IP\_PMTUDISC\_DO}, a wait); random sequences
cannot.
@^model limits@>

Nor are classic programs attached after the sequence wrote
\.{optmem\_max}.  The
kernel charges a filter to the socket's option memory by the size of the
program it runs, which is the classic program translated into eBPF
(|bpf_prog_size| of the translated length); the model does not translate
programs and charges nothing for them, so a small \.{optmem\_max} that
the kernel enforces (|ENOMEM|) the model would not.
@^model limits@>

\kernel{with \.{optmem\_max} 100 a one-instruction program is |ENOMEM|,
with 200 it attaches; replacing it with a two-instruction program needs
between 400 and 500 (a script found by \.{sr-fuzz}).}

@<Calls@>=
static bool policy_forbids(const fg_gen *g, const fg_option *o)
{
  if (!strncmp(o->name, "SO_TIMESTAMPING", 15)) return true;
  return (!g->root || !g->cap_admin || g->optmem_written) &&
    (!strcmp(o->name, "SO_ATTACH_FILTER") || !strcmp(o->name, "SO_ATTACH_REUSEPORT_CBPF"));
}

static void gen_setsockopt(fg_gen *g)
{
  const fg_option *o = any_option(g);
  int fd = pick_fd(g, true);
  unsigned k = fg_below(g->r, 100);
  fg_text t;
  long long len;
  if (!o || policy_forbids(g, o)) return;
  if (k < 88) {
    const char *v = option_value(g, o, &t, &len);
    line(g, "setsockopt(%d, %s, %s, %s, %lld)", fd, o->level, o->name, v, len);
    if (o->get && chance(g->r, 50)) read_option(g, fd, o);
  } else if (k < 96) {
    const char *lvl = chance(g->r, 50) ? "SOL_SOCKET" : "SOL_IP";
    line(g, "setsockopt(%d, %s, %s, [%lld], %lld)", fd, lvl, unknown_name(g, lvl), any_int(g), any_len(g, 4));
  } else line(g, "setsockopt(%d, %s, %s, [1], 4)", fd, other_level(g), o->name);
}

static void gen_getsockopt(fg_gen *g)
{
  const fg_option *o = any_option(g);
  int fd = pick_fd(g, true);
  unsigned k = fg_below(g->r, 100);
  if (!o) return;
  if (k < 88) read_option(g, fd, o);
  else if (k < 96) {
    const char *lvl = chance(g->r, 50) ? "SOL_SOCKET" : "SOL_IP";
    line(g, "getsockopt(%d, %s, %s, ?, [%lld])", fd, lvl, unknown_name(g, lvl), any_len(g, 4));
  } else line(g, "getsockopt(%d, %s, %s, ?, [4])", fd, other_level(g), o->name);
}

@ A read.  The value is \.{?} (the call fills it), or no buffer; the
length is a |socklen_t| or no pointer.  \.{IP\_MSFILTER} reads into a
filter whose header says which group and how many sources the buffer
holds, so it gets one.

@<Calls@>=
static void read_option(fg_gen *g, int fd, const fg_option *o)
{
  long long len = read_len(g, o);
  const char *val = chance(g->r, 6) ? "NULL" : "?";
  fg_text t;
  if (!strcmp(o->name, "IP_MSFILTER") && !strcmp(val, "?")) {
    int nsrc = (int) fg_below(g->r, 3);
    msfilter_text(g, &t, nsrc, "MCAST_INCLUDE");
    len = any_len(g, 16 + 4 * (nsrc ? nsrc : 1));
    line(g, "getsockopt(%d, SOL_IP, IP_MSFILTER, %s => ?, [%lld])", fd, t.s, len);
    return;
  }
  if (chance(g->r, 4)) line(g, "getsockopt(%d, %s, %s, %s, NULL)", fd, o->level, o->name, val);
  else line(g, "getsockopt(%d, %s, %s, %s, [%lld])", fd, o->level, o->name, val, len);
}

@ \.{bind}, \.{connect} and \.{listen}.  A stream socket is never
connected: a connection on the kernel is a real TCP handshake, and a
blocking connect to an address nobody answers waits for minutes.  The
data path of {\it tcp\/}(7) is outside the pages.
@^model limits@>

@<Calls@>=
static void gen_bind(fg_gen *g)
{
  fg_text t;
  long long len;
  const char *sa = sockaddr_to(g, &t, &len, false);
  line(g, "bind(%d, %s, %lld)", pick_fd(g, true), sa, len);
  if (g->last_port > 0 && g->nbound < 8) g->bound[g->nbound++] = g->last_port;
}

static void gen_connect(fg_gen *g)
{
  fg_text t;
  long long len;
  int fd = pick_fd(g, true);
  const fg_file *f = file_of(g, fd);
  const char *sa = any_sockaddr(g, &t, &len);
  if (f && f->kind == FG_SOCKET && f->type == SOCK_STREAM) return;
  line(g, "connect(%d, %s, %lld)", fd, sa, len);
}

static void gen_listen(fg_gen *g)
{
  line(g, "listen(%d, %d)", pick_fd(g, true), PICK(g->r, ((const int[]) {0, 1, 5, 128, -1, 4096, 4097, INT_MAX})));
}

@ \.{getsockname} and \.{getpeername}: an address buffer of some length,
or none.  A length that cuts the port in two, or keeps the port and not
the whole address (3 to 15), is not asked: the bytes come back as bytes,
not as an address, and a port the kernel chose at random would then be
compared as a plain number.  The lengths that cut an address before its
port, and those that hold all of it, are asked.
@^model limits@>

@<Arguments@>=
static long long name_len(fg_gen *g)
{
  static const long long lens[] = {16, 16, 16, 0, 1, 2, 17, 20, 128, -1};
  return PICK(g->r, lens);
}

@ @<Calls@>=
static void name_call(fg_gen *g, const char *call)
{
  long long len = name_len(g);
  if (chance(g->r, 5)) line(g, "%s(%d, NULL, [%lld])", call, pick_fd(g, true), len);
  else if (chance(g->r, 5)) line(g, "%s(%d, ?, NULL)", call, pick_fd(g, true));
  else line(g, "%s(%d, ?, [%lld])", call, pick_fd(g, true), len);
}

static void gen_getsockname(fg_gen *g) { name_call(g, "getsockname"); }
static void gen_getpeername(fg_gen *g) { name_call(g, "getpeername"); }

@ Sending.  The flags are some of those that mean something to a
datagram socket, and always \.{MSG\_DONTWAIT}, so that a sequence never
waits: a datagram for an address on the link that nobody answers waits
in the kernel for the neighbour, which takes seconds of real time to give
up, and the model's virtual seconds would not match them.  A stream
socket is never connected, so sending on it fails at once; and
\.{MSG\_FASTOPEN}, which would connect it, is never sent.  Nor is
\.{MSG\_MORE} on a raw socket, which Linux corks and the model does not
(the chapter on raw sockets says so).
@^model limits@>

@<Calls@>=
static const char *send_flags(fg_gen *g, fg_text *t, int fd)
{
  static const char *const names[] = {"MSG_DONTROUTE", "MSG_CONFIRM", "MSG_NOSIGNAL",
    "MSG_OOB", "MSG_EOR", "MSG_ZEROCOPY", "MSG_MORE"};
  int n = (int) (sizeof names / sizeof names[0]) - (is_raw(file_of(g, fd)) ? 1 : 0);
  size_t used = 0;
  const char *rest = any_flags(g, t, names, n, 6, "msgflags");
  char tmp[512];
  snprintf(tmp, sizeof tmp, "%s", rest);
  used = (size_t) snprintf(t->s, sizeof t->s, "%s", "MSG_DONTWAIT");
  if (strcmp(tmp, "0") || !used) snprintf(t->s + used, sizeof t->s - used, "%s%s", used ? "|" : "", tmp);
  return t->s;
}

static void gen_send(fg_gen *g)
{
  fg_text t;
  long long len;
  const char *d = any_data(g, &len);
  int fd = data_fd(g, true);
  line(g, "send(%d, %s, %lld, %s)", fd, d, len, send_flags(g, &t, fd));
}

static void gen_sendto(fg_gen *g)
{
  fg_text t, a;
  long long len, alen;
  const char *d = any_data(g, &len);
  const char *sa = any_sockaddr(g, &a, &alen);
  int fd = data_fd(g, true);
  line(g, "sendto(%d, %s, %lld, %s, %s, %lld)", fd, d, len, send_flags(g, &t, fd), sa, alen);
}

static void gen_write(fg_gen *g)
{
  long long len;
  const char *d = any_data(g, &len);
  line(g, "write(%d, %s, %lld)", data_fd(g, false), d, len);
}

@ A message to send: an address or none, one to three pieces of data,
and control messages of the kinds a datagram socket takes --- a TTL, a
TOS, a packet-info structure, IP options --- or one of a kind it does not
take, or one whose length is wrong.

@<Calls@>=
static void gen_sendmsg(fg_gen *g)
{
  static const char *const cmsgs[] = {"{cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[5]}",
    "{cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[0]}", "{cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[256]}",
    "{cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[16]}", "{cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=\"\\x10\"}",
    "{cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=0, ipi_spec_dst=inet_addr(\"10.0.0.1\"), ipi_addr=inet_addr(\"0.0.0.0\")}}",
    "{cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=3, ipi_spec_dst=inet_addr(\"0.0.0.0\"), ipi_addr=inet_addr(\"0.0.0.0\")}}",
    "{cmsg_level=SOL_IP, cmsg_type=IP_RETOPTS, cmsg_data=\"\\x01\\x01\\x01\\x00\"}",
    "{cmsg_level=SOL_SOCKET, cmsg_type=SO_MARK, cmsg_data=[1]}", "{cmsg_level=SOL_IP, cmsg_type=IP_RECVERR, cmsg_data=[1]}",
    "{cmsg_len=8, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[5]}",
    "{cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}"};
  fg_text t, a;
  long long len, alen;
  char msg[1536];
  size_t used;
  int fd, niov = 1 + (int) fg_below(g->r, 3);
  const char *sa = any_sockaddr(g, &a, &alen);
  used = (size_t) snprintf(msg, sizeof msg, "{msg_name=%s, msg_iov=[", chance(g->r, 70) ? sa : "NULL");
  for (int i = 0; i < niov; i++)
    used += (size_t) snprintf(msg + used, sizeof msg - used, "%s{iov_base=%s}", i ? ", " : "", any_data(g, &len));
  used += (size_t) snprintf(msg + used, sizeof msg - used, "]");
  if (chance(g->r, 50))
    used += (size_t) snprintf(msg + used, sizeof msg - used, ", msg_control=[%s]", PICK(g->r, cmsgs));
  snprintf(msg + used, sizeof msg - used, "}");
  fd = data_fd(g, true);
  line(g, "sendmsg(%d, %s, %s)", fd, msg, send_flags(g, &t, fd));
}

@ @<Calls@>=
static void gen_writev(fg_gen *g)
{
  long long len;
  int n = (int) fg_below(g->r, 3);
  char iov[512];
  size_t used = (size_t) snprintf(iov, sizeof iov, "[");
  for (int i = 0; i < n; i++)
    used += (size_t) snprintf(iov + used, sizeof iov - used, "%s{iov_base=%s}", i ? ", " : "", any_data(g, &len));
  snprintf(iov + used, sizeof iov - used, "]");
  line(g, "writev(%d, %s, %d)", data_fd(g, false), iov, chance(g->r, 85) ? n : PICK(g->r, ((const int[]) {-1, 0, 1025})));
}

@ Receiving.  Every receive that could wait is made so that it cannot:
\.{recv}, \.{recvfrom} and \.{recvmsg} always carry \.{MSG\_DONTWAIT};
\.{read} and \.{readv}, which have no flags, are made only on a
descriptor the generator believes non-blocking, or on one that is not a
socket at all.  Receiving from the error queue, peeking and truncating
are among the other flags.  A \.{readv} of two buffers from a raw socket
gives the first at least 128 bytes: the matcher recognizes the varying
fields of the IP header and of an ICMP error's quoted datagram only in
bytes that begin with the header, not in a second buffer holding the rest
of it.

@<Calls@>=
static const char *recv_flags(fg_gen *g, fg_text *t)
{
  static const char *const names[] = {"MSG_PEEK", "MSG_TRUNC", "MSG_ERRQUEUE", "MSG_WAITALL",
    "MSG_OOB", "MSG_CMSG_CLOEXEC"};
  char tmp[512];
  snprintf(tmp, sizeof tmp, "%s", any_flags(g, t, names, (int) (sizeof names / sizeof names[0]), 8, "msgflags"));
  if (!strcmp(tmp, "0")) snprintf(t->s, sizeof t->s, "MSG_DONTWAIT");
  else snprintf(t->s, sizeof t->s, "MSG_DONTWAIT|%s", tmp);
  return t->s;
}

static int recv_size(fg_gen *g)
{
  return PICK(g->r, ((const int[]) {0, 1, 2, 5, 16, 64, 1500, 2048, 65536}));
}

static void gen_recv(fg_gen *g)
{
  fg_text t;
  line(g, "recv(%d, ?, %d, %s)", data_fd(g, true), recv_size(g), recv_flags(g, &t));
}

static void gen_recvfrom(fg_gen *g)
{
  fg_text t;
  long long len = name_len(g);
  if (chance(g->r, 10)) line(g, "recvfrom(%d, ?, %d, %s, NULL, NULL)", data_fd(g, true), recv_size(g), recv_flags(g, &t));
  else line(g, "recvfrom(%d, ?, %d, %s, ?, [%lld])", data_fd(g, true), recv_size(g), recv_flags(g, &t), len);
}

static void gen_recvmsg(fg_gen *g)
{
  fg_text t;
  line(g, "recvmsg(%d, {msg_name=%s, msg_namelen=%lld, msg_iov=[{iov_base=?, iov_len=%d}], msg_control=%s, msg_controllen=%d}, %s)",
    data_fd(g, true), chance(g->r, 80) ? "?" : "NULL", name_len(g), recv_size(g),
    chance(g->r, 70) ? "?" : "NULL", PICK(g->r, ((const int[]) {0, 16, 20, 64, 256, 1024})), recv_flags(g, &t));
}

@ A descriptor for \.{read} or \.{readv}: one of a non-blocking socket,
a closed one, or a garbage number --- never a blocking socket, never
0 to 2.

@<Calls@>=
static int nonblocking_fd(fg_gen *g)
{
  int cand[FG_NFD], n = 0;
  for (int fd = 3; fd < FG_NFD; fd++) {
    const fg_file *f = file_of(g, fd);
    if ((f && f->nonblock) || (!f && g->used[fd])) cand[n++] = fd;
  }
  if (n && chance(g->r, 85)) return cand[fg_below(g->r, (uint32_t) n)];
  return PICK(g->r, ((const int[]) {-1, 1024, INT_MAX}));
}

static void gen_read(fg_gen *g)
{
  line(g, "read(%d, ?, %d)", nonblocking_fd(g), recv_size(g));
}

static void gen_readv(fg_gen *g)
{
  int n = 1 + (int) fg_below(g->r, 2), fd = nonblocking_fd(g), size = recv_size(g);
  if (n == 2 && is_raw(file_of(g, fd)) && size < 128) size = 1500;
  line(g, "readv(%d, [{iov_base=?, iov_len=%d}%s], %d)", fd, size,
    n == 2 ? ", {iov_base=?, iov_len=3}" : "", chance(g->r, 85) ? n : PICK(g->r, ((const int[]) {-1, 0, 1025})));
}

@ \.{shutdown}.

@<Calls@>=
static void gen_shutdown(fg_gen *g)
{
  line(g, "shutdown(%d, %s)", pick_fd(g, true), PICK(g->r, ((const char *const[]) {"SHUT_RD", "SHUT_WR", "SHUT_RDWR", "3", "-1"})));
}

@ \.{poll} and \.{select} never wait: the time-out is zero.  A set of
\.{select} holds descriptors below 1024 only, so where the descriptor
chosen is a number no set can hold, a descriptor that is not open takes
its place.  A \.{poll}
asks about one to three descriptors, with some of the events (or none),
and a count that is sometimes short; a \.{select} asks about one or two
descriptors in each set, with a count that covers them, or a count that
does not, or a bad count.

@<Calls@>=
static void gen_poll(fg_gen *g)
{
  static const char *const ev[] = {"POLLIN", "POLLOUT", "POLLPRI", "POLLERR", "POLLHUP", "POLLRDNORM", "POLLWRNORM", "POLLRDHUP"};
  fg_text t;
  char list[512];
  int n = 1 + (int) fg_below(g->r, 3);
  size_t used = (size_t) snprintf(list, sizeof list, "[");
  for (int i = 0; i < n; i++)
    used += (size_t) snprintf(list + used, sizeof list - used, "%s{fd=%d, events=%s}", i ? ", " : "",
      data_fd(g, false), any_flags(g, &t, ev, (int) (sizeof ev / sizeof ev[0]), 30, "pollev"));
  snprintf(list + used, sizeof list - used, "]");
  line(g, "poll(%s, %d, 0)", list, chance(g->r, 85) ? n : (int) fg_below(g->r, (uint32_t) n));
}

static void gen_select(fg_gen *g)
{
  int a = data_fd(g, false), b = data_fd(g, false), hi;
  if (a < 0 || a >= 1024) a = lowest_free(g, 3);
  if (b < 0 || b >= 1024) b = lowest_free(g, 3);
  if (a < 0) a = 1023;
  if (b < 0) b = 1023;
  hi = a > b ? a : b;
  line(g, "select(%d, [%d], [%d], %s, {tv_sec=0, tv_usec=0})",
    chance(g->r, 85) ? hi + 1 : PICK(g->r, ((const int[]) {0, -1, 1, 1024})), a, b, chance(g->r, 50) ? "[]" : "NULL");
}

@ The actions on the process: giving up root, dropping a capability,
writing and reading tunables, letting a little time pass, counting
signals.  Giving up root is a change the generator follows: after it,
no raw socket is predicted to open.  \.{setuid} gives root up for good;
\.{seteuid} only until a \.{seteuid(0)} or a \.{setuid(0)} (the real
user is still root), which a process that was never root, or gave root
up for good, cannot make.  A process that dropped
\.{CAP\_SETUID} cannot change its users at all, and stays root.

@<Calls@>=
static void gen_setuid(fg_gen *g)
{
  int uid = PICK(g->r, ((const int[]) {65534, 65534, 1000, 0, -1}));
  line(g, "setuid(%d)", uid);
  if (uid > 0 && g->root && g->cap_setuid) g->root = g->saved_root = g->cap_raw = g->cap_admin = false;
  else if (uid == 0 && g->saved_root) g->root = g->cap_raw = g->cap_admin = true;
}

static void gen_seteuid(fg_gen *g)
{
  int uid = PICK(g->r, ((const int[]) {65534, 1000, 0}));
  line(g, "seteuid(%d)", uid);
  if (uid > 0 && g->root && g->cap_setuid) g->root = g->cap_raw = g->cap_admin = false;
  else if (uid == 0 && g->saved_root) g->root = g->cap_raw = g->cap_admin = true;
}

static void gen_cap_drop(fg_gen *g)
{
  static const char *const caps[] = {"CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BIND_SERVICE", "CAP_SETUID",
    "CAP_SETGID", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_SYS_ADMIN", "-1", "64"};
  const char *c = PICK(g->r, caps);
  line(g, "cap_drop(%s)", c);
  if (!strcmp(c, "CAP_NET_RAW")) g->cap_raw = false;
  if (!strcmp(c, "CAP_NET_ADMIN")) g->cap_admin = false;
  if (!strcmp(c, "CAP_SETUID")) g->cap_setuid = false;
}

@ Tunables.  A write is of a good value, a boundary value, or text that
is not a number; the written tunable is remembered for the end of the
sequence.  A write of the ping group range is followed, since it decides
whether ping sockets open.

@<Calls@>=
static void write_ping_range(fg_gen *g, const char *v);

static void gen_sysctl_set(fg_gen *g)
{
  static const char *const vals[] = {"0", "1", "2", "-1", "64", "255", "256", "65535", "65536",
    "2147483647", "2147483648", "0 0", "0 2147483647", "1 0", "100 200", "200 100", "1024 65535",
    "5000-5005", "5000,6000", "abc", "", " 5", "5 ", "\\n", "99999999999999999999", "1 2 3"};
  int i = (int) fg_below(g->r, NTUNABLES);
  const char *v = PICK(g->r, vals);
  if (!tunables[i].writable) return;
  line(g, "sysctl_set(\"%s\", \"%s\")", tunables[i].name, v);
  g->wrote[i] = true;
  if (!strcmp(tunables[i].name, "net.ipv4.ping_group_range") && g->root) write_ping_range(g, v);
  if (!strcmp(tunables[i].name, "net.core.optmem_max")) g->optmem_written = true;
}

@ The ping group range is written as the kernel reads a vector of two
integers: blanks separate them (a written \.{\\n} is a newline), a
number must end at a blank or at the end, up to two are read and the
rest is ignored; no number at all, a bad ending, or a value outside
$[0, 2^{31}-1]$ refuses the write.  A single number sets the low end
only.  A range whose high end is below its low end becomes the empty
range $[1, 0]$.  The sequence's processes keep group 0, so ping sockets
open when the range starts at 0.

@<Calls@>=
static void write_ping_range(fg_gen *g, const char *v)
{
  long r[2] = {g->ping_range[0], g->ping_range[1]};
  int n = 0;
  for (const char *p = v;;) {
    while (*p == ' ' || *p == '\t' || (p[0] == '\\' && p[1] == 'n')) p += *p == '\\' ? 2 : 1;
    if (!*p || n == 2) break;
    char *end;
    errno = 0;
    long x = strtol(p, &end, 10);
    if (end == p || errno || x < 0 || x > 2147483647L) return;
    if (*end && *end != ' ' && *end != '\t' && *end != '\\') return;
    r[n++] = x;
    p = end;
  }
  if (n == 0) return;
  if (r[1] < r[0]) { r[0] = 1; r[1] = 0; }
  g->ping_range[0] = r[0];
  g->ping_range[1] = r[1];
  g->ping_ok = r[0] == 0;
}

static void gen_sysctl_get(fg_gen *g)
{
  line(g, "sysctl_get(\"%s\", ?)", tunables[fg_below(g->r, NTUNABLES)].name);
}

static void gen_advance(fg_gen *g)
{
  line(g, "advance(%d)", PICK(g->r, ((const int[]) {0, 1000, 1000000})));
}

static void gen_signal_count(fg_gen *g)
{
  line(g, "signal_count(%d)", PICK(g->r, ((const int[]) {29, 23, 13, 0, 65})));
}

@ The signal calls, kept to what runs the same on both systems: a
disposition (never \.{SA\_RESETHAND}, which would leave the kernel's
process to the real default action, and die of the next \.{SIGPIPE}),
the mask, the pending set, |kill| to the sequence's own process group
(each sequence's process leads its own; never \.{SIGKILL}, which the
model counts and the kernel obeys), and timers only disarmed or
refused --- a timer that runs would fire at a real time on the kernel and
a virtual one on sockref.  The signals are those the network raises
(\.{SIGIO}, \.{SIGPIPE}, \.{SIGURG} through \.{F\_SETSIG}), one of
the user's, a real-time one, and numbers that are refused.

@<Calls@>=
static const int fuzz_signals[] = {29, 13, 23, 10, 34, 0, 32, 65, 9};

static void gen_sigaction(fg_gen *g)
{
  line(g, "sigaction(%d, \"%s\", %s)", PICK(g->r, fuzz_signals),
    PICK(g->r, ((const char *const[]) {"count", "ign", "dfl"})),
    PICK(g->r, ((const char *const[]) {"0", "SA_RESTART", "SA_NODEFER", "SA_SIGINFO|SA_RESTART"})));
}

static void gen_sigprocmask(fg_gen *g)
{
  line(g, "sigprocmask(%s, %d)",
    PICK(g->r, ((const char *const[]) {"SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK", "7"})),
    chance(g->r, 10) ? -1 : PICK(g->r, fuzz_signals));
}

static void gen_sigpending(fg_gen *g)
{
  line(g, "sigpending(%d)", PICK(g->r, fuzz_signals));
}

static void gen_kill(fg_gen *g)
{
  line(g, "kill(0, %d)", PICK(g->r, ((const int[]) {0, 29, 13, 23, 10, 34, 65})));
}

static void gen_setitimer(fg_gen *g)
{
  static const char *const bad[] = {"0, 0, 0, 0", "0, 1000000, 0, 0", "-1, 0, 0, 0", "0, 0, 0, -1"};
  line(g, "setitimer(%s, %s)", PICK(g->r, ((const char *const[]) {"ITIMER_REAL", "ITIMER_VIRTUAL", "3"})),
    PICK(g->r, bad));
}

static void gen_alarm(fg_gen *g) { line(g, "alarm(0)"); }

static void gen_ppoll(fg_gen *g)
{
  line(g, "ppoll([{fd=%d, events=POLLIN|POLLOUT}], 1, 0, %d)", data_fd(g, false),
    chance(g->r, 30) ? -1 : PICK(g->r, fuzz_signals));
}

@ The table of calls.  The weights favour the calls whose arguments
have most to explore: the options first, then the descriptor calls and
the data path.  \.{proc\_new} and \.{proc\_switch} are not here: the
differential fuzzer uses them itself, to give each sequence a process of
its own.

@<Calls@>=
static const struct { const char *name; void (*gen)(fg_gen *); int weight; } calls[] = {
  {"socket", gen_socket, 10}, {"socketpair", gen_socketpair, 1}, {"close", gen_close, 3},
  {"fcntl", gen_fcntl, 6}, {"ioctl", gen_ioctl, 4}, {"pread", gen_pread, 1}, {"pwrite", gen_pwrite, 1},
  {"getsockopt", gen_getsockopt, 14}, {"setsockopt", gen_setsockopt, 22}, {"bind", gen_bind, 5},
  {"connect", gen_connect, 3}, {"listen", gen_listen, 2}, {"getsockname", gen_getsockname, 2},
  {"getpeername", gen_getpeername, 1}, {"send", gen_send, 2}, {"sendto", gen_sendto, 4},
  {"sendmsg", gen_sendmsg, 3}, {"recv", gen_recv, 2}, {"recvfrom", gen_recvfrom, 2},
  {"recvmsg", gen_recvmsg, 3}, {"read", gen_read, 1}, {"write", gen_write, 1},
  {"readv", gen_readv, 1}, {"writev", gen_writev, 1}, {"shutdown", gen_shutdown, 1},
  {"poll", gen_poll, 2}, {"select", gen_select, 1}, {"setuid", gen_setuid, 1},
  {"seteuid", gen_seteuid, 1}, {"cap_drop", gen_cap_drop, 1}, {"sysctl_set", gen_sysctl_set, 2},
  {"sysctl_get", gen_sysctl_get, 1}, {"advance", gen_advance, 1}, {"signal_count", gen_signal_count, 1},
  {"sigaction", gen_sigaction, 1}, {"sigprocmask", gen_sigprocmask, 1}, {"sigpending", gen_sigpending, 1},
  {"kill", gen_kill, 1}, {"setitimer", gen_setitimer, 1}, {"alarm", gen_alarm, 1}, {"ppoll", gen_ppoll, 1}
};
#define NCALLS ((int) (sizeof calls / sizeof calls[0]))

@ Whether the caller enabled a call, found by its name in the executor's
table.

@<Calls@>=
static bool call_enabled(const fg_gen *g, const char *name)
{
  for (int c = 0; c < ss_ncalls(); c++)
    if (!strcmp(ss_call_name(c), name)) return g->enabled ? g->enabled[c] : true;
  return false;
}

@* Sequences.
A sequence is a number of call lines for one process.  It usually opens
a socket first, so that the calls after it have something to act on; the
rest are drawn from the table by weight.

@<Public declarations@>=
void fg_sequence(fg_gen *g, int nlines);
void fg_close_all(fg_gen *g);
void fg_restore(fg_gen *g);

@ @<Sequences@>=
void fg_sequence(fg_gen *g, int nlines)
{
  int total = 0;
  for (int i = 0; i < NCALLS; i++) if (call_enabled(g, calls[i].name)) total += calls[i].weight;
  if (!total) return;
  if (call_enabled(g, "socket") && chance(g->r, 90)) gen_socket(g);
  while (g->lines < nlines && !fg_exhausted(g->r)) {
    int w = (int) fg_below(g->r, (uint32_t) total);
    for (int i = 0; i < NCALLS; i++) {
      if (!call_enabled(g, calls[i].name)) continue;
      if (w < calls[i].weight) { calls[i].gen(g); break; }
      w -= calls[i].weight;
    }
  }
}

@ The end of a sequence, when another follows in the same namespace.
The sequence's process closes every descriptor above 2 it may have
opened, and any of 0 to 2 that became a socket, which releases its ports
and its group memberships; then (in another, root
process, which the caller chooses) every tunable the sequence wrote is
written back with its value in a new world and a newline, as
\.{sysctl -w} writes it --- the newline is what empties a list such as
\.{ip\_local\_reserved\_ports}, where writing nothing would change
nothing.

@<Sequences@>=
void fg_close_all(fg_gen *g)
{
  int hi = g->highest < FG_NFD ? g->highest : FG_NFD - 1;
  for (int fd = 0; fd <= hi; fd++) {
    bool open = g->fd[fd] >= 0;
    if ((fd > 2 && (open || g->used[fd])) || (open && g->file[g->fd[fd]].kind == FG_SOCKET))
      line(g, "close(%d)", fd);
  }
  if (g->highest >= FG_NFD) line(g, "close(%d)", g->highest);
}

void fg_restore(fg_gen *g)
{
  for (int i = 0; i < NTUNABLES && i < FG_NTUNABLES; i++)
    if (g->wrote[i] && g->opts->have_default[i]) {
      char v[160];
      size_t n = 0;
      for (const char *p = g->opts->defaults[i]; *p && n + 3 < sizeof v; p++) {
        if (*p == '\t') { v[n++] = '\\'; v[n++] = 't'; }
        else v[n++] = *p;
      }
      v[n] = '\0';
      line(g, "sysctl_set(\"%s\", \"%s\\n\")", tunables[i].name, v);
    }
}

@ A sequence that closed all it opened may still have left a socket
open on a descriptor the generator did not predict; that costs only the
independence of the sequences that follow, which the differential fuzzer
checks before it blames a sequence for a divergence.

@ Which calls sockref has.  A caller that runs sequences on sockref asks
the executor: a line of a call sockref lacks is reported as missing.
One line of each call the generator knows is written (with a fixed
source, so that it is a line the generator would write), run on a fresh
world, and the call is enabled unless the line was missing.

@<Public declarations@>=
void fg_probe_sockref(const fg_options *opts, bool *enabled);

@ @<Sequences@>=
void fg_probe_sockref(const fg_options *opts, bool *enabled)
{
  ss_outcome *o = ss_outcome_new(false);
  for (int c = 0; c < ss_ncalls(); c++) {
    int i;
    enabled[c] = false;
    for (i = 0; i < NCALLS && strcmp(calls[i].name, ss_call_name(c)); i++) ;
    if (i == NCALLS) continue;
    @<Write one line of call |i| and run it on sockref@>@;
  }
  ss_outcome_free(o, false);
}

@ @<Write one line of call |i| and run it on sockref@>=
{
  fg_rand r;
  fg_gen g;
  ss_buf b = {NULL, 0, 0};
  ss_script *s;
  fg_seed(&r, 1);
  fg_init(&g, &r, opts, NULL, &b);
  fg_begin(&g, true);
  calls[i].gen(&g);
  if (b.n && (s = ss_parse("probe", b.p, b.n, NULL)) != NULL) {
    ss_run_sockref(s, o);
    enabled[c] = o->nlines > 0 && o->raw[0].status != RS_MISSING;
    ss_free(s);
  }
  fg_free(&g);
  free(b.p);
}

@* Index.
