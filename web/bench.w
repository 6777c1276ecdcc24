% bench.w --- sr-bench: the same workloads on sockref and on the kernel.
\def\title{SR-BENCH}
\input srmac
@i format.w
@s bench_ops int
@s workload int
@s timing int
@s pollfd int

@* The benchmark.
A test suite that uses sockref as its oracle makes millions of calls, so
the model must be much faster than the system it imitates, and it must
stay fast when a test builds a big world.  \.{sr-bench} measures both
claims.  It runs each workload twice, once on the kernel and once on
sockref, in one process and one run, and prints the time per operation
on each and their ratio.

The workloads are those a test suite is made of: making and closing a
UDP socket; setting and reading an option; binding to an ephemeral
port; a datagram of 64 bytes and one of 8\,KiB sent and received over
loopback; a datagram between two hosts on a LAN.  Then the two costs
that must not grow with the size of the world: binding a socket, and
delivering a datagram to one socket among many, at 1\,000, 10\,000 and
100\,000 bound sockets.  Last, the memory an idle bound UDP socket costs
the model.

The kernel's half needs root: it runs in a network namespace of its own,
so the machine's sockets neither disturb the figures nor are disturbed.
Times are real (the monotonic clock), unlike everything else in the
project, because here the machine's speed is the thing measured.  How the
figures are made trustworthy on a shared, noisy machine is the subject of
the section on timing.

\.{sr-bench [-q] [-k] [-c CPU] [-w WORKLOAD]}: \.{-q} runs short loops and
few rounds (a quick look); \.{-k} skips the kernel's half, for a machine
without namespaces; \.{-c} pins the program to a CPU ($-1$: no pinning;
the default is the CPU it starts on); \.{-w} runs only the rows whose
name contains the given text.

@c
@<Header files@>@;
@<Types@>@;
@<Prototypes@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  bool quick = false, kernel = true;
  int cpu = -2; /* $-2$: the CPU the program starts on */
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-q") == 0) quick = true;
    else if (strcmp(argv[i], "-k") == 0) kernel = false;
    else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) cpu = atoi(argv[++i]);
    else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc) only = argv[++i];
    else {
      fprintf(stderr, "usage: sr-bench [-q] [-k] [-c CPU] [-w WORKLOAD]\n");
      return 2;
    }
  }
  if (kernel && kernel_enter() < 0) return 1;
  quick_mode = quick;
  quiet_machine(cpu);
  @<Run every workload on both and print the table@>@;
  @<Measure the memory of an idle socket@>@;
  return 0;
}

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "sockref.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

@*1 Two backends.
A workload is written once, against a table of the calls it makes; the
kernel's table holds the C library's functions and sockref's the |sr_|
ones.  Besides the calls there are two operations on the world: making
the second host of the LAN workload, and making a call ``on'' a host.
On the kernel the second host is a network namespace and a socket stays
in the namespace it was made in, so |on_host| matters only while
sockets are made: the one process uses the descriptors of both hosts'
sockets, and a workload must not switch namespaces between its calls
(that would time |setns| as well, and flatter the model).  In sockref a
host's sockets belong to its processes, so |on_host| switches the
current process, and a workload must switch between the calls of the
two hosts; |fds_per_host| says which.  The switch is cheap: the start
every public call makes and a look-up among the world's processes, 18
instructions (\.{callgrind}), so the two switches of a round trip are
about 1.5\% of the two-host row's instructions.

@<Types@>=
typedef struct {
  const char *name;
  int (*socket)(int, int, int);
  int (*close)(int);
  int (*setsockopt)(int, int, int, const void *, socklen_t);
  int (*getsockopt)(int, int, int, void *, socklen_t *);
  int (*bind)(int, const struct sockaddr *, socklen_t);
  ssize_t (*sendto)(int, const void *, size_t, int, const struct sockaddr *,
    socklen_t);
  ssize_t (*recv)(int, void *, size_t, int);
  int (*second_host)(void); /* make host 1, joined to host 0 by a LAN */
  int (*on_host)(int host); /* make the calls that follow on a host */
  bool fds_per_host; /* a host's descriptors are usable only on that host */
} bench_ops;

@ The second host of both worlds is the same: a host with an Ethernet
interface \.{eth0} addressed 10.0.0.2/24, on the LAN of host 0's
\.{eth0} (10.0.0.1).  In sockref that LAN is the default world's LAN~1.

@<Constants@>=
#define PEER_ADDR "10.0.0.2"

@ @<Types@>=
@<Constants@>@;

@ Sockref's table.  The second host is built with the world-building
calls of the chapter on worlds; a process on it makes its calls.

@<Functions@>=
static pid_t sr_host_pid[2];

static int sr_second_host(void)
{
  int h = sr_host_new("peer"), ifx;
  if (h < 0 || (ifx = sr_if_add(h, "eth0", 1500)) < 0) return -1;
  if (sr_addr_add(h, ifx, PEER_ADDR "/24", "+") < 0) return -1;
  if (sr_if_set_up(h, ifx, 1) < 0) return -1;
  if (sr_lan_attach(1, h, ifx) < 0) return -1;
  sr_host_pid[0] = sr_getpid();
  if ((sr_host_pid[1] = sr_proc_new(h, 0)) < 0) return -1;
  return 0;
}

static int sr_on_host(int host)
{
  return sr_proc_switch(sr_host_pid[host]);
}

static const bench_ops sockref_ops = {
  "sockref", sr_socket, sr_close, sr_setsockopt, sr_getsockopt, sr_bind,
  sr_sendto, sr_recv, sr_second_host, sr_on_host, true
};

@ The kernel's table.  Its world-building operations are in the next
section.

@<Functions@>=
static const bench_ops kernel_ops = {
  "kernel", socket, close, setsockopt, getsockopt, bind, sendto, recv,
  kernel_second_host, kernel_on_host, false
};

@ @<Prototypes@>=
static int kernel_enter(void);
static int kernel_second_host(void);
static int kernel_on_host(int host);
static int run(const char *fmt, ...);

@*1 The kernel's world.
|kernel_enter| moves the program into a fresh network namespace and
builds there the default world of sockref: \.{lo} up, and an Ethernet
interface \.{eth0} 10.0.0.1/24.  On the kernel that interface is one end
of a veth pair, and the other end is \.{eth0} of the second host, a
second namespace made at once (the LAN workload needs it, and making it
late would disturb nothing, but there is no gain in waiting).  The
namespaces are kept open by descriptors, so that |kernel_on_host| can
enter either with |setns|.  A descriptor limit of 20\,000 does not allow
100\,000 sockets in one process, so the sockets that only fill the
tables are held by child processes (see below).

@<Functions@>=
static int kernel_ns[2] = { -1, -1 };

static int kernel_enter(void)
{
  int pipefd[2];
  pid_t child;
  if (unshare(CLONE_NEWNET) < 0) { perror("sr-bench: unshare (need root)"); return -1; }
  if ((kernel_ns[0] = open("/proc/self/ns/net", O_RDONLY)) < 0) return -1;
  if (pipe(pipefd) < 0) return -1;
  if ((child = fork()) == 0) @<Be the second namespace's first process@>@;
  close(pipefd[0]);
  if (run("ip link set lo up") || run("ip link add eth0 type veth peer name peer0") ||
      run("ip link set peer0 netns /proc/%d/ns/net", (int) child) ||
      run("ip addr add 10.0.0.1/24 brd 10.0.0.255 dev eth0") ||
      run("ip link set eth0 up") ||
      run("nsenter -t %d -n sh -c 'ip link set lo up; ip link set peer0 name eth0; "
          "ip addr add %s/24 brd 10.0.0.255 dev eth0; ip link set eth0 up'",
          (int) child, PEER_ADDR)) return -1;
  {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/ns/net", (int) child);
    if ((kernel_ns[1] = open(path, O_RDONLY)) < 0) return -1;
  }
  close(pipefd[1]); /* the child may go; its namespace stays open */
  waitpid(child, NULL, 0);
  return 0;
}

@ The child makes the namespace and waits until the parent has opened
it.

@<Be the second namespace's first process@>=
{
  char c;
  close(pipefd[1]);
  if (unshare(CLONE_NEWNET) < 0) _exit(1);
  while (read(pipefd[0], &c, 1) > 0) continue;
  _exit(0);
}

@ Commands are run through the shell; the figures do not include them.

@<Functions@>=
static int run(const char *fmt, ...)
{
  char cmd[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(cmd, sizeof cmd, fmt, ap);
  va_end(ap);
  if (system(cmd) != 0) { fprintf(stderr, "sr-bench: failed: %s\n", cmd); return 1; }
  return 0;
}

static int kernel_second_host(void) { return 0; }

static int kernel_on_host(int host)
{
  return setns(kernel_ns[host], CLONE_NEWNET);
}

@*1 Timing.
The machine the figures come from is shared: other programs compile and
test beside the benchmark, on two processors, and a figure taken at one
moment can be twice the figure taken at the next.  Four rules keep the
comparison honest.
\smallskip
\item{1.} {\it Interleaving.}  The kernel's and sockref's runs of a
workload alternate, round after round (the kernel first in even rounds,
sockref first in odd ones), so that a slow spell of the machine falls on
both and not on one.
\item{2.} {\it Repetition, spread out.}  Each side of a row runs 63
rounds (3 with \.{-q}), each a batch of operations long enough to be
read precisely: the batch size is calibrated once per side, doubling
until a batch lasts 1~ms, so a round is hundreds to thousands of
operations and short enough to fall, often, between two interruptions of
the processor (the kernel's clock ticks every 4~ms).  The rounds of a row
are not run together: the table is measured in seven passes of nine
rounds a row (the rows at a size alternate within their fill), so that a
busy second of the machine spoils a part of a row's rounds, not all of
them.  What no method can remove is a machine loaded for the whole run:
then both sides slow down, sockref (all memory, no system calls) more
than the kernel, and the run should be repeated.
\item{3.} {\it Minimum.}  Interference only ever adds time, so the
fastest round of a side is the best estimate of what the operation costs;
the table shows each side's minimum and the ratio of the two minima.  Beside
it, the ratio of the two sides' medians, the typical round: where the two
ratios agree, the machine was quiet enough; where they differ, the run
should be repeated.
\item{4.} {\it A quiet processor.}  The program pins itself to one processor
(the one it starts on, or the one \.{-c} names), so that no round migrates
and starts with cold caches, and raises its scheduling priority to the
highest (nice $-20$, as root may), so that a compiler beside it takes its
turn less often.  Neither changes what is measured: both sides run on the
same processor, in the same process.
\smallskip\noindent
A workload is a function that performs |n| operations and answers how
many succeeded.  A workload that fails aborts the program: a benchmark that
measured failing calls would flatter the model.  Most workloads are timed
from outside, whole; one that must leave untimed work out of the figure
(binding, below, makes and closes its sockets untimed) keeps its own clock
and leaves the seconds it measured in |*clock|.

@<Types@>=
typedef long (*workload)(const bench_ops *b, void *ctx, long n);
typedef struct {
  const char *what;
  workload w;
  void *ctx[2]; /* the context for the kernel (0) and for sockref (1) */
  double *clock[2]; /* where a self-timed workload leaves its seconds, or |NULL| */
} timing;
typedef struct {
  const char *what;
  long n[2]; /* the calibrated batch sizes; 0: not yet */
  double ns[2]; /* the minimum ns/op of the kernel and of sockref; 0: not run */
  double round[2][PASSES * ROUNDS]; /* every round's ns/op, each side */
  int nrounds;
} result;

@ @<Constants@>=
#define PASSES 7
#define ROUNDS 9
#define QUICK_PASSES 1
#define QUICK_ROUNDS 3
#define BATCH_S 0.001
#define QUICK_BATCH_S 0.001 /* the same: only the rounds are fewer */

@ @<Functions@>=
static double now_s(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + t.tv_nsec / 1e9;
}

static bool quick_mode;
static const char *only; /* \.{-w}: run only the rows whose name contains this */

static const bench_ops *backend(int side)
{
  return side ? &sockref_ops : &kernel_ops;
}

@ One batch of |n| operations on one side, in nanoseconds per operation.

@<Functions@>=
static double batch(const timing *t, int side, long n)
{
  double t0 = now_s(), secs;
  if (t->clock[side]) *t->clock[side] = 0;
  if (t->w(backend(side), t->ctx[side], n) != n) {
    fprintf(stderr, "sr-bench: %s failed on %s: %s\n", t->what, backend(side)->name,
      strerror(errno));
    exit(1);
  }
  secs = t->clock[side] ? *t->clock[side] : now_s() - t0;
  return secs / (double) n * 1e9;
}

@ Calibration: the batch size for a side doubles until a batch lasts the
goal.  The batches it runs also warm the caches and the allocator.

@<Functions@>=
static long calibrate(const timing *t, int side)
{
  double goal = (quick_mode ? QUICK_BATCH_S : BATCH_S) * 1e9;
  long n = 16;
  while (n < (1L << 26) && batch(t, side, n) * (double) n < goal) n *= 2;
  return n;
}

@ The rounds of one pass, interleaved, added to the row's result.  The
first pass of a row calibrates its batches.

@<Functions@>=
static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void measure(const timing *t, bool kernel, result *r)
{
  int rounds = quick_mode ? QUICK_ROUNDS : ROUNDS;
  r->what = t->what;
  for (int side = kernel ? 0 : 1; side < 2; side++)
    if (!r->n[side]) r->n[side] = calibrate(t, side);
  for (int i = 0; i < rounds; i++) {
    for (int k = 0; k < 2; k++) {
      int side = (i + k) % 2;
      double ns;
      if (side == 0 && !kernel) continue;
      ns = batch(t, side, r->n[side]);
      r->round[side][r->nrounds] = ns;
      if (r->ns[side] == 0 || ns < r->ns[side]) r->ns[side] = ns;
    }
    r->nrounds++;
  }
}

static double median(double *v, int n)
{
  qsort(v, (size_t) n, sizeof v[0], cmp_double);
  return n ? v[n / 2] : 0;
}

@ Quieting the processor: the priority first (a failure only means a
noisier figure), then the pinning.

@<Functions@>=
static void quiet_machine(int cpu)
{
  if (setpriority(PRIO_PROCESS, 0, -20) < 0)
    fprintf(stderr, "sr-bench: cannot raise priority (%s); figures may be noisier\n",
      strerror(errno));
  if (cpu == -2) cpu = sched_getcpu();
  if (cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) < 0) {
      fprintf(stderr, "sr-bench: cannot pin to CPU %d: %s\n", cpu, strerror(errno));
      cpu = -1;
    }
  }
  printf("# %s; nice -20; %d pass(es) of %d rounds a row, kernel and sockref interleaved,"
    " batches of %g ms;\n"
    "# ns/op: the fastest round; ratio: of the fastest rounds (of the medians in"
    " brackets)\n", cpu >= 0 ? "pinned to one CPU" : "not pinned",
    quick_mode ? QUICK_PASSES : PASSES, quick_mode ? QUICK_ROUNDS : ROUNDS,
    (quick_mode ? QUICK_BATCH_S : BATCH_S) * 1e3);
}

@*1 The workloads.
Each workload sets up what it needs before its loop and tears it down
after; only the loop is timed, which is why the setup lives in the
context argument built by the caller where that matters.

The first three are single calls, or pairs of calls, on one socket.

@<Functions@>=
static long w_socket_close(const bench_ops *b, void *ctx, long n)
{
  long ok = 0;
  (void) ctx;
  for (long i = 0; i < n; i++) {
    int fd = b->socket(AF_INET, SOCK_DGRAM, 0);
    if (fd >= 0 && b->close(fd) == 0) ok++;
  }
  return ok;
}

static long w_setget(const bench_ops *b, void *ctx, long n)
{
  int fd = *(int *) ctx;
  long ok = 0;
  for (long i = 0; i < n; i++) {
    int v = 1000 + (int) (i & 1023), got;
    socklen_t len = sizeof got;
    if (b->setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, sizeof v) == 0 &&
        b->getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &got, &len) == 0) ok++;
  }
  return ok;
}

static struct sockaddr_in sin_of(const char *addr, int port)
{
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t) port);
  a.sin_addr.s_addr = inet_addr(addr);
  return a;
}

static long w_socket_bind_close(const bench_ops *b, void *ctx, long n)
{
  struct sockaddr_in a = sin_of("127.0.0.1", 0);
  long ok = 0;
  (void) ctx;
  for (long i = 0; i < n; i++) {
    int fd = b->socket(AF_INET, SOCK_DGRAM, 0);
    if (fd >= 0 && b->bind(fd, (struct sockaddr *) &a, sizeof a) == 0) ok++;
    if (fd >= 0) b->close(fd);
  }
  return ok;
}

@ A datagram there and back again is one operation: a |sendto| from one
socket and a |recv| on the other.  The pair is in the context, with the
host each lives on and the size.  The receiving |recv| blocks, so that
on the kernel a datagram still in the device's backlog is waited for
rather than missed; on sockref it is already there.

@<Types@>=
typedef struct {
  int tx, rx; /* descriptors */
  int tx_host, rx_host;
  struct sockaddr_in to;
  size_t size;
  char buf[65536];
} dgram_ctx;

@ @<Functions@>=
static long w_dgram(const bench_ops *b, void *ctx, long n)
{
  dgram_ctx *c = ctx;
  long ok = 0;
  bool two = c->tx_host != c->rx_host && b->fds_per_host;
  for (long i = 0; i < n; i++) {
    if (two) b->on_host(c->tx_host);
    if (b->sendto(c->tx, c->buf, c->size, 0, (struct sockaddr *) &c->to,
        sizeof c->to) != (ssize_t) c->size) continue;
    if (two) b->on_host(c->rx_host);
    if (b->recv(c->rx, c->buf, sizeof c->buf, 0) == (ssize_t) c->size) ok++;
  }
  if (two) b->on_host(0);
  return ok;
}

@ Making a pair: a receiver bound to a port on |rx_addr| of host
|rx_host|, a sender on host |tx_host|.  The receive buffer is made
large, so that a burst of datagrams never fills it.

@<Functions@>=
static int dgram_pair(const bench_ops *b, dgram_ctx *c, int rx_host,
  const char *rx_addr, int port)
{
  int big = 1 << 20;
  struct sockaddr_in a = sin_of(rx_addr, port);
  c->tx_host = 0, c->rx_host = rx_host;
  if (b->on_host(rx_host) < 0) return -1;
  if ((c->rx = b->socket(AF_INET, SOCK_DGRAM, 0)) < 0) return -1;
  b->setsockopt(c->rx, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
  if (b->bind(c->rx, (struct sockaddr *) &a, sizeof a) < 0) return -1;
  if (b->on_host(0) < 0) return -1;
  if ((c->tx = b->socket(AF_INET, SOCK_DGRAM, 0)) < 0) return -1;
  c->to = a;
  memset(c->buf, 'x', sizeof c->buf);
  return 0;
}

static void dgram_unpair(const bench_ops *b, dgram_ctx *c)
{
  b->on_host(c->rx_host);
  b->close(c->rx);
  b->on_host(0);
  b->close(c->tx);
}

@*1 Costs in a big world.
The tables of bound sockets are filled with |n| sockets bound to
distinct addresses: ports 20000 up to 59999 on 127.0.0.1, then the same
ports on 127.0.0.2 and so on (every address of 127/8 is local).  Then
two costs are timed at that size: binding a socket (a batch of sockets
is made untimed, bound timed, closed untimed), and a datagram delivered
to one of 64 receivers spread among the filled ports.

The kernel allows this process only 20\,000 descriptors and root here
cannot raise the hard limit, so on the kernel the filling sockets are
made by child processes of up to 15\,000 sockets each, which bind and
then wait; they are in the same namespace, so they fill the same
tables.  Sockref's process raises its own limit, as root may.

@<Constants@>=
#define FILL_PORT0 20000
#define FILL_PORTS 40000
#define FILL_PER_CHILD 15000
#define RECEIVERS 64

@ The address and port of the |i|th filling socket.

@<Functions@>=
static struct sockaddr_in fill_addr(long i)
{
  char addr[32];
  snprintf(addr, sizeof addr, "127.0.0.%ld", 1 + i / FILL_PORTS);
  return sin_of(addr, FILL_PORT0 + (int) (i % FILL_PORTS));
}

static int fill_range(const bench_ops *b, long from, long to, int *fds)
{
  for (long i = from; i < to; i++) {
    struct sockaddr_in a = fill_addr(i);
    int fd = b->socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || b->bind(fd, (struct sockaddr *) &a, sizeof a) < 0) return -1;
    if (fds) fds[i - from] = fd;
  }
  return 0;
}

@ Filling on sockref: one process, its limit raised.

@<Functions@>=
static int sr_fill(long n, int **fds)
{
  struct rlimit rl = { (rlim_t) n + 1024, (rlim_t) n + 1024 };
  if (sr_setrlimit(RLIMIT_NOFILE, &rl) < 0) return -1;
  *fds = malloc(sizeof **fds * (size_t) n);
  return fill_range(&sockref_ops, 0, n, *fds);
}

@ Filling on the kernel: children hold the sockets.  Each child binds its
share, reports through a pipe, and waits for the pipe's other end to
close; killing them empties the tables again.

@<Functions@>=
static int kernel_fill(long n, pid_t *kids, int *nkids)
{
  *nkids = 0;
  for (long from = 0; from < n; from += FILL_PER_CHILD) {
    long to = from + FILL_PER_CHILD < n ? from + FILL_PER_CHILD : n;
    int p[2];
    char c = 0;
    if (pipe(p) < 0) return -1;
    if ((kids[*nkids] = fork()) == 0) {
      close(p[0]);
      c = fill_range(&kernel_ops, from, to, NULL) == 0 ? 'y' : 'n';
      if (write(p[1], &c, 1) != 1) _exit(1);
      pause();
      _exit(0);
    }
    close(p[1]);
    (*nkids)++;
    if (read(p[0], &c, 1) != 1 || c != 'y') { close(p[0]); return -1; }
    close(p[0]);
  }
  return 0;
}

static void kernel_unfill(pid_t *kids, int nkids)
{
  for (int i = 0; i < nkids; i++) { kill(kids[i], SIGKILL); waitpid(kids[i], NULL, 0); }
}

@ The bind cost at a size: a batch of sockets bound to 127.0.0.200 at
consecutive ports, which no filling socket uses.  Only the binds count:
the workload keeps its own clock (its context), which runs while it binds
and stands still while it makes and closes the sockets.  The addresses
are made once, before anything is timed: converting them from text would
cost a tenth of a microsecond a call, on both sides alike, and shrink the
ratio.

@<Functions@>=
#define BIND_BATCH 512
static long w_bind_batch(const bench_ops *b, void *ctx, long n)
{
  static struct sockaddr_in to[BIND_BATCH];
  int fds[BIND_BATCH];
  long ok = 0;
  double *timed = ctx;
  if (!to[0].sin_family)
    for (int i = 0; i < BIND_BATCH; i++) to[i] = sin_of("127.0.0.200", 10000 + i);
  for (long done = 0; done < n; done += BIND_BATCH) {
    int k = n - done < BIND_BATCH ? (int) (n - done) : BIND_BATCH;
    double t0;
    for (int i = 0; i < k; i++) fds[i] = b->socket(AF_INET, SOCK_DGRAM, 0);
    t0 = now_s();
    for (int i = 0; i < k; i++)
      if (b->bind(fds[i], (struct sockaddr *) &to[i], sizeof to[i]) == 0) ok++;
    *timed += now_s() - t0;
    for (int i = 0; i < k; i++) b->close(fds[i]);
  }
  return ok;
}

@ The demultiplexing cost at a size: 64 receivers bound on 127.0.0.201
at ports among the filled ones (so their port's hash chain is as long
as the table makes it), one sender, and each operation a datagram to
the next receiver.

@<Types@>=
typedef struct {
  int tx, rx[RECEIVERS];
  struct sockaddr_in to[RECEIVERS];
  char buf[64];
} demux_ctx;

@ @<Functions@>=
static int demux_setup(const bench_ops *b, demux_ctx *c)
{
  int big = 1 << 20;
  if ((c->tx = b->socket(AF_INET, SOCK_DGRAM, 0)) < 0) return -1;
  for (int i = 0; i < RECEIVERS; i++) {
    c->to[i] = sin_of("127.0.0.201", FILL_PORT0 + i * (FILL_PORTS / RECEIVERS));
    if ((c->rx[i] = b->socket(AF_INET, SOCK_DGRAM, 0)) < 0) return -1;
    b->setsockopt(c->rx[i], SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    if (b->bind(c->rx[i], (struct sockaddr *) &c->to[i], sizeof c->to[i]) < 0) return -1;
  }
  memset(c->buf, 'd', sizeof c->buf);
  return 0;
}

static void demux_teardown(const bench_ops *b, demux_ctx *c)
{
  b->close(c->tx);
  for (int i = 0; i < RECEIVERS; i++) b->close(c->rx[i]);
}

static long w_demux(const bench_ops *b, void *ctx, long n)
{
  demux_ctx *c = ctx;
  long ok = 0;
  for (long i = 0; i < n; i++) {
    int r = (int) (i % RECEIVERS);
    if (b->sendto(c->tx, c->buf, sizeof c->buf, 0, (struct sockaddr *) &c->to[r],
        sizeof c->to[r]) == (ssize_t) sizeof c->buf &&
        b->recv(c->rx[r], c->buf, sizeof c->buf, 0) == (ssize_t) sizeof c->buf) ok++;
  }
  return ok;
}

@*1 The table.
Each row is a workload measured on the kernel and on sockref, with the
ratio kernel/sockref: how many times faster the model is.  The rows at
a size are measured with the tables filled to that size, on both.  A
row is printed when its passes are done.

@<Run every workload on both and print the table@>=
sr_reset();
if (sr_second_host() < 0) { perror("sr-bench: building sockref's world"); return 1; }
printf("%-34s %12s %13s %8s %8s\n", "workload", "kernel ns/op", "sockref ns/op", "ratio",
  "(median)");
fflush(stdout);
@<The small workloads@>@;
@<The workloads at 1k, 10k and 100k sockets@>@;

@ |wanted| says whether \.{-w} selected a row; |print_row| prints one.

@<Functions@>=
static bool wanted(const char *what)
{
  return !only || strstr(what, only) != NULL;
}

static void print_row(result *r, bool kernel)
{
  if (!r->what) return;
  if (kernel)
    printf("%-34s %12.1f %13.1f %7.1fx (%5.1fx)\n", r->what, r->ns[0], r->ns[1],
      r->ns[0] / r->ns[1], median(r->round[0], r->nrounds) / median(r->round[1], r->nrounds));
  else printf("%-34s %12s %13.1f %8s\n", r->what, "-", r->ns[1], "-");
  fflush(stdout);
}

static int passes(void)
{
  return quick_mode ? QUICK_PASSES : PASSES;
}

@ The small workloads, pass after pass.  A datagram pair is made for each
pass and closed after it.

@<The small workloads@>=
{
  static dgram_ctx dk, ds;
  static result res[6];
  int fk = -1, fs;
  static const struct { const char *what; int host; size_t size; } dg[] = {
    { "UDP send+recv 64 B, loopback", 0, 64 },
    { "UDP send+recv 8 KiB, loopback", 0, 8192 },
    { "UDP send+recv 64 B, two hosts", 1, 64 },
  };
  timing t;
  if (kernel) fk = socket(AF_INET, SOCK_DGRAM, 0);
  fs = sr_socket(AF_INET, SOCK_DGRAM, 0);
  for (int pass = 0; pass < passes(); pass++) {
    t = (timing) { "UDP socket+close", w_socket_close, { NULL, NULL }, { NULL, NULL } };
    if (wanted(t.what)) measure(&t, kernel, &res[0]);
    t = (timing) { "setsockopt+getsockopt SO_RCVBUF", w_setget, { &fk, &fs },
      { NULL, NULL } };
    if (wanted(t.what)) measure(&t, kernel, &res[1]);
    t = (timing) { "UDP socket+bind(port 0)+close", w_socket_bind_close, { NULL, NULL },
      { NULL, NULL } };
    if (wanted(t.what)) measure(&t, kernel, &res[2]);
    for (size_t i = 0; i < sizeof dg / sizeof dg[0]; i++) {
      const char *addr = dg[i].host ? PEER_ADDR : "127.0.0.1";
      if (!wanted(dg[i].what)) continue;
      dk.size = ds.size = dg[i].size;
      if ((kernel && dgram_pair(&kernel_ops, &dk, dg[i].host, addr, 9000) < 0) ||
          dgram_pair(&sockref_ops, &ds, dg[i].host, addr, 9000) < 0) {
        perror("pair");
        return 1;
      }
      t = (timing) { dg[i].what, w_dgram, { &dk, &ds }, { NULL, NULL } };
      measure(&t, kernel, &res[3 + i]);
      if (kernel) dgram_unpair(&kernel_ops, &dk);
      dgram_unpair(&sockref_ops, &ds);
    }
  }
  if (kernel) close(fk);
  sr_close(fs);
  for (int i = 0; i < 6; i++) print_row(&res[i], kernel);
}

@ At each size the kernel's tables are filled by children and sockref's by
the process itself, both before the rounds begin, so that the two
interleave as everywhere else; the passes alternate the size's two rows;
both tables are emptied before the next size.  The last lines compare
each cost at 100\,000 sockets with its cost at 1\,000: the model's must
stay within one and a half times.

@<The workloads at 1k, 10k and 100k sockets@>=
{
  static const long sizes[] = { 1000, 10000, 100000 };
  double sb[3] = { 0, 0, 0 }, sd[3] = { 0, 0, 0 };
  for (int si = 0; si < 3; si++) {
    long n = sizes[si];
    char bwhat[64], dwhat[64];
    pid_t kids[16];
    int nkids = 0, *fds = NULL;
    double clock[2];
    static demux_ctx ck, cs;
    result rb, rd;
    timing tb, td;
    memset(&rb, 0, sizeof rb);
    memset(&rd, 0, sizeof rd);
    snprintf(bwhat, sizeof bwhat, "bind at %ldk sockets", n / 1000);
    snprintf(dwhat, sizeof dwhat, "demux send+recv at %ldk sockets", n / 1000);
    if (!wanted(bwhat) && !wanted(dwhat)) continue;
    if (kernel && kernel_fill(n, kids, &nkids) < 0) {
      perror("sr-bench: filling the kernel");
      return 1;
    }
    sr_reset();
    if (sr_fill(n, &fds) < 0) { perror("sr-bench: filling sockref"); return 1; }
    if ((kernel && demux_setup(&kernel_ops, &ck) < 0) || demux_setup(&sockref_ops, &cs) < 0) {
      perror("demux");
      return 1;
    }
    tb = (timing) { bwhat, w_bind_batch, { &clock[0], &clock[1] }, { &clock[0], &clock[1] } };
    td = (timing) { dwhat, w_demux, { &ck, &cs }, { NULL, NULL } };
    for (int pass = 0; pass < passes(); pass++) {
      if (wanted(bwhat)) measure(&tb, kernel, &rb);
      if (wanted(dwhat)) measure(&td, kernel, &rd);
    }
    print_row(&rb, kernel);
    print_row(&rd, kernel);
    sb[si] = rb.ns[1];
    sd[si] = rd.ns[1];
    if (kernel) {
      demux_teardown(&kernel_ops, &ck);
      kernel_unfill(kids, nkids);
    }
    sr_reset();
    free(fds);
  }
  if (sb[0] > 0 && sb[2] > 0 && sd[0] > 0 && sd[2] > 0)
    printf("sockref cost at 100k / cost at 1k: bind %.2f, demux %.2f (target <= 1.5)\n",
      sb[2] / sb[0], sd[2] / sd[0]);
}

@*1 Memory.
The memory an idle bound UDP socket costs the model is what the heap
grows by when 10\,000 of them are made and bound, divided by 10\,000:
the socket, its file, its descriptor slot and its entries in the port
tables, with whatever the allocator adds to each.  (The tables grow by
doubling, so the figure includes their share of slack.)

@<Measure the memory of an idle socket@>=
{
  struct mallinfo2 before, after;
  int *fds = NULL;
  long n = 10000;
  sr_reset();
  before = mallinfo2();
  if (sr_fill(n, &fds) < 0) { perror("sr-bench: memory"); return 1; }
  after = mallinfo2();
  printf("sockref memory per idle bound UDP socket: %.0f bytes (target <= 1024)\n",
    ((double) after.uordblks - (double) before.uordblks -
     (double) sizeof *fds * (double) n) / (double) n);
  free(fds);
  sr_reset();
}

@*1 The 8\,KiB row.
The datagram of 8\,KiB is the row with the least room, and the arithmetic
says why.  Each datagram is copied twice, as in the kernel: from the
sender's buffer into the packet before |sendto| returns, and from the
packet into the reader's buffer.  A copy of 8\,KiB held in the cache is
256 stores of 32 bytes, and the processor the figures come from (AMD
Zen~3, 3.1\,GHz) makes at most one such store a cycle: alone, a copy takes
86\,ns with the UDP chapter's loop (|data_copy|), 90 with \.{rep movsb},
160 with 16-byte stores.  The two copies thus cost about 172\,ns, and
twenty times the kernel's 5.0\,$\mu$s is 250\,ns: everything else a round
trip does must fit in some 80\,ns.  Nor can it hide beside the copies.
The rest of the journey writes memory too, through the same single port,
so the two barely overlap: measured against a build of the library whose
payload copy does nothing (for the measurement only), the journey without
its copies took 207\,ns and with them 341 at the last report, and now
takes 87 and 242.

So the work that brought the row from 15 to 20 times was counted in
stores as well as instructions (\.{callgrind}'s data writes), over the
round trip without its copies: from 2\,276 instructions and 419 stores to
about 1\,270 and 220.  Each step is told, with its figure, in the section
it changed: big buffers kept for reuse by size, as small ones were (UDP
chapter); a big payload placed at the sender's buffer's offset modulo 32,
so that both copies move aligned vectors (|udp_pkt_new|: 254 to
242\,ns, the one step that made the copies themselves cheaper); a socket's last route remembered while the host's routing state
stands (chapter on routing); the send buffer charged in one step for a
datagram that fits; a datagram that fits handed from IP output straight to
its device; a datagram looped back on \.{lo} queued by |udp_loop_rcv|,
which writes each field of the entry once; fewer frames at both ends of
the calls.  None of these changes anything a program can see; the Check
tests of the short cuts compare every observable with the general path.
With them the row stands at 20.6 to 20.9 times in the runs whose kernel
rounds were quiet (README, ``Performance'', has all eight runs): the target
is met, with a margin of some four per cent.

@* Index.
