@* Readiness, waiting and signals.
A program that does not want to block asks first: |poll| and |select| say
which descriptors are ready for what.  A program that does block waits
until the network makes the socket ready or a timeout expires.  And a
program that wants to be told gets a signal when a socket has something
to report.  This chapter is about those three things.  It needs the
notion of waiting, which in the model is waiting in {\it virtual\/} time:
nothing runs while a call waits except the network, whose events the call
runs in order, moving the clock to each; a call whose wait nothing in the
world can ever end fails instead of hanging (below).

@*1 Waiting in virtual time.
A call waits for a condition, until an absolute deadline in virtual time
or forever.  While the condition is false, the next event of the network
is run, the clock moved to its time --- unless the next event lies beyond
the deadline, when the clock moves to the deadline and the wait ends with
|EAGAIN|.  When there is no event at all and the wait has no deadline,
nothing can ever make the condition true: the process would sleep
forever.  The model answers such a call with the error |EDEADLK|
(``resource deadlock avoided''), which no socket call of Linux returns, so
that a test notices.  The one exception is a process that another process
of the world could wake --- the model runs one process at a time, so no
other process can act while a call waits, and the rule holds for every
wait.
@^virtual time@>
@^EDEADLK@>
@^model limits@>

@<Constants of the model@>=
#define SR_EWAITFOREVER (-EDEADLK)
#define SR_FOREVER UINT64_MAX

@ @<Private function prototypes@>=
static int world_wait(uint64_t deadline);
static uint64_t sock_deadline(long timeo);
typedef bool sr_wait_cond(sr_sock *s, const void *arg);
static int sock_wait(sr_sock *s, sr_wait_cond *cond, const void *arg, uint64_t deadline);

@ One step of a wait: run the next event, or reach the deadline.  After
the event, the signals it raised that need no code of the caller are
delivered (see the chapter on signals); the callers look for those that
interrupt them before each step.  A wait without deadline whose queue holds nothing but
timers that cannot interrupt it is a wait forever (see the chapter on
signals).

@c
static int world_wait(uint64_t deadline)
{
  uint64_t t;
  if (!net_next_event(&t) || t > deadline ||
      (deadline == SR_FOREVER && timers_only_tick())) {
    if (deadline == SR_FOREVER) return SR_EWAITFOREVER;
    if (deadline > W->now_ns) W->now_ns = deadline;
    return -EAGAIN;
  }
  if (t > W->now_ns) W->now_ns = t;
  net_run();
  signal_deliver_all(false);
  return 0;
}

@ A socket's wait ends when its condition holds, or when a signal with a
handler interrupts it: |SR_ERESTARTSYS| when the socket has no timeout
(the call may be restarted), |EINTR| when it has one.

@c
static int sock_wait(sr_sock *s, sr_wait_cond *cond, const void *arg, uint64_t deadline)
{
  for (;;) {
    int w;
    if (cond(s, arg)) return 0;
    if (signal_interrupts()) return deadline == SR_FOREVER ? -SR_ERESTARTSYS : -EINTR;
    if ((w = world_wait(deadline)) != 0) return w;
  }
}

@ A socket timeout is kept in ticks (\.{SO\_RCVTIMEO}, \.{SO\_SNDTIMEO});
0 ticks means ``do not wait'' and |SR_MAX_TIMEOUT| ``forever''.  A wait of
$n$ ticks lasts exactly $n$ ticks of virtual time, where the kernel sleeps
until the $n$th tick boundary has passed and a little more.
@^model limits@>

\kernel{with \.{HZ} 250, a |recv| with \.{SO\_RCVTIMEO} of one tick
(4~ms) timed out after 6.5~ms.}

@c
static uint64_t sock_deadline(long timeo)
{
  uint64_t tick;
  if (timeo == SR_MAX_TIMEOUT) return SR_FOREVER;
  if (timeo <= 0) return W->now_ns;
  tick = 1000000000u / (uint64_t) W->hz; /* a division: only when needed */
  if ((uint64_t) timeo > (SR_FOREVER - W->now_ns) / tick) return SR_FOREVER;
  return W->now_ns + (uint64_t) timeo * tick;
}

@ What ends the waits of the data path.  A receive waits for an arrival
(the queue's arrival count moves past what it saw), a pending error or a
shutdown of the reading side; a send waits for room in the send buffer,
an error or a shutdown of the writing side.

@<Private function prototypes@>=
static bool sock_recv_woken(sr_sock *s, const void *arg);
static bool sock_may_send(sr_sock *s, const void *arg);

@ @c
static bool sock_recv_woken(sr_sock *s, const void *arg)
{
  const uint64_t *seen = arg;
  return s->err || s->rq_seq != *seen || (s->shutdown & SR_RCV_SHUTDOWN);
}

static bool sock_may_send(sr_sock *s, const void *arg)
{
  (void) arg;
  return s->err || (s->shutdown & SR_SEND_SHUTDOWN) || s->wmem < s->sndbuf;
}

@*1 Readiness of a descriptor.
What |poll| reports for one descriptor is a mask of events computed from
the state of its file; the caller sees the events it asked for, plus
|POLLERR| and |POLLHUP| always.  The sections below give the masks of the
model's kinds of descriptor.

\clause{socket.7:poll:POLLIN}
\clause{socket.7:poll:POLLOUT}
\clause{socket.7:poll:POLLERR}
\clause{socket.7:poll:POLLHUP:4}
\clause{socket.7:SO_SELECT_ERR_QUEUE:2}
@^socket.7:poll:POLLIN@>
@^socket.7:poll:POLLOUT@>
@^socket.7:poll:POLLERR@>
@^socket.7:poll:POLLHUP@>
@^socket.7:SO\_SELECT\_ERR\_QUEUE@>
A datagram socket (UDP, raw, ping), |datagram_poll|:
\smallskip
\item{$\bullet$} |POLLERR| while an error is pending or the error queue is
not empty --- with |POLLPRI| too when \.{SO\_SELECT\_ERR\_QUEUE} is set;
\item{$\bullet$} |POLLIN|$\vert$|POLLRDNORM|$\vert$|POLLRDHUP| when the
socket is shut for reading, and |POLLHUP| when it is shut both ways;
\item{$\bullet$} |POLLIN|$\vert$|POLLRDNORM| while a datagram is queued;
\item{$\bullet$} |POLLOUT|$\vert$|POLLWRNORM|$\vert$|POLLWRBAND| while
less than half the send buffer is in use (otherwise the socket is marked
as having found no space, for the signal of the chapter on UDP).
\smallskip\noindent
There is no |POLLHUP| for a datagram socket that is merely not connected:
it has no connection to lose.

\kernel{fresh UDP, raw (protocols 1 and 255) sockets, and a bound UDP
socket: \.{0x304}; with data \.{0x345}; with an error pending
\.{0x30c}, and \.{0x30e} with \.{SO\_SELECT\_ERR\_QUEUE}; with only an
entry on the error queue the same; after the entry is read \.{0x304};
after \.{SHUT\_RD} \.{0x2345}, after both \.{0x2355}; asking for
|POLLIN| alone after both gives \.{0x11}, for |POLLRDHUP| alone
\.{0x2010}.}

@<Private function prototypes@>=
static unsigned datagram_poll(sr_sock *s);
static unsigned udp_poll(sr_sock *s, const sr_file *f);
static unsigned tcp_poll(sr_sock *s);
static unsigned file_poll(const sr_file *f);

@ @c
static unsigned datagram_poll(sr_sock *s)
{
  unsigned mask = 0;
  if (s->err || s->eq_head)
    mask |= POLLERR | ((s->flags & SK_SELECT_ERR_QUEUE) ? POLLPRI : 0);
  if (s->shutdown & SR_RCV_SHUTDOWN) mask |= POLLRDHUP | POLLIN | POLLRDNORM;
  if (s->shutdown == SR_SHUTDOWN_MASK) mask |= POLLHUP;
  if (s->rq_len) mask |= POLLIN | POLLRDNORM;
  if (s->wmem < s->sndbuf >> 1) mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
  else s->nospace = true;
  return mask;
}

@ \clause{socket.7:SO_RCVLOWAT:7}
@^socket.7:SO\_RCVLOWAT@>
UDP adds one rule, |udp_poll|: on a blocking socket, a queue that holds
nothing but datagrams whose checksum fails is not readable, and looking
discards them (|first_packet_length|), so that a read after |poll| does
not block.  The page's promise that |poll| reports readable only once
\.{SO\_RCVLOWAT} bytes are queued holds for TCP; a datagram socket ignores
the low-water mark, for |poll| as for reading.

\kernel{a UDP socket with \.{SO\_RCVLOWAT} 100 and a 3-byte datagram, or
an empty one, queued: \.{0x345}, and |recv| returns it.}

@c
static unsigned udp_poll(sr_sock *s, const sr_file *f)
{
  unsigned mask = datagram_poll(s);
  if ((mask & POLLRDNORM) && !(f->flags & O_NONBLOCK) &&
      !(s->shutdown & SR_RCV_SHUTDOWN) && first_packet_length(s) == -1)
    mask &= ~(unsigned) (POLLIN | POLLRDNORM);
  return mask;
}

@ \clause{socket.7:poll:POLLHUP:2}
A TCP socket of the model is closed or listening, |tcp_poll|.  A closed
one reports |POLLHUP| --- a stream socket that is not connected counts as
hung up --- and is writable: |POLLOUT|$\vert$|POLLWRNORM|, without
|POLLWRBAND|; shut for reading it adds
|POLLIN|$\vert$|POLLRDNORM|$\vert$|POLLRDHUP|.  A listener reports
|POLLIN|$\vert$|POLLRDNORM| when a connection waits to be accepted, which
in the model never happens, and nothing else.

\kernel{fresh and bound TCP sockets: \.{0x114}, and \.{0x10} when no
event is asked for; after \.{SHUT\_RD} or both, \.{0x2155}; a listener
0, and after \.{SHUT\_RD} (it stops listening) \.{0x114}; |select| counts
a fresh TCP socket readable and writable.}

@c
static unsigned tcp_poll(sr_sock *s)
{
  unsigned mask = POLLHUP;
  if (s->listening) return 0;
  if (s->shutdown & SR_RCV_SHUTDOWN) mask |= POLLIN | POLLRDNORM | POLLRDHUP;
  mask |= POLLOUT | POLLWRNORM;
  if (s->err || s->eq_head) mask |= POLLERR;
  return mask;
}

@ Any open file.  The terminal on descriptors 0 to 2 is writable and, the
model giving it no input, never readable.

\kernel{|poll| on a pseudo-terminal with no input: \.{0x104}.}

@c
static unsigned file_poll(const sr_file *f)
{
  sr_sock *s = f->sock;
  if (f->kind != SR_FILE_SOCKET) return POLLOUT | POLLWRNORM;
  if (s->type == SOCK_STREAM) return tcp_poll(s);
  if (s->type == SOCK_DGRAM && s->protocol != IPPROTO_ICMP) return udp_poll(s, f);
  return datagram_poll(s);
}

@*1 Poll.
\clause{socket.7:call:poll}
@^socket.7:call:poll@>
|poll| checks its arguments --- more descriptors than \.{RLIMIT\_NOFILE}
allows is |EINVAL|, a null array |EFAULT| --- and then scans: a negative
descriptor is skipped and its |revents| is 0; one that is not open gets
|POLLNVAL|; any other gets its mask, limited to the events asked for and
|POLLERR| and |POLLHUP|.  The result is the number of entries with
|revents| not zero.  When that is zero the call waits, in virtual time, for
the timeout in milliseconds (negative: forever), scanning again after
every event of the network and once more at the deadline.  |ppoll| takes a
|timespec| instead (|EINVAL| when it is negative or its nanoseconds are out
of range) and leaves it as it was; its signal mask is in force while it
runs (see the chapter on signals).  A signal with a handler that comes
while the call waits ends it with |EINTR|.

\kernel{descriptors $-1$, 999 and a socket with data: 1, with |revents|
0, \.{0x20} and 1; |poll(NULL, 0, 0)| is 0, |poll(NULL, 1, 0)| |EFAULT|;
1025 entries with \.{RLIMIT\_NOFILE} 1024 |EINVAL|, 1024 fine; a timeout
of $-5$ waits as $-1$ does; |ppoll| with 1000000000 nanoseconds or $-1$
seconds is |EINVAL|.}

@<Public declarations@>=
int sr_poll(struct pollfd *fds, nfds_t nfds, int timeout);
int sr_ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo,
  const sigset_t *sigmask);

@ @<Private function prototypes@>=
static int poll_scan(struct pollfd *fds, nfds_t nfds);
static int do_poll(struct pollfd *fds, nfds_t nfds, uint64_t deadline);

@ @c
static int poll_scan(struct pollfd *fds, nfds_t nfds)
{
  int count = 0;
  for (nfds_t i = 0; i < nfds; i++) {
    sr_file *f;
    fds[i].revents = 0;
    if (fds[i].fd < 0) continue;
    if (!(f = fd_file(W->cur, fds[i].fd))) fds[i].revents = POLLNVAL;
    else fds[i].revents = (short) (file_poll(f) &
      ((unsigned short) fds[i].events | POLLERR | POLLHUP));
    if (fds[i].revents) count++;
  }
  return count;
}

static int do_poll(struct pollfd *fds, nfds_t nfds, uint64_t deadline)
{
  if (nfds > (nfds_t) W->cur->nofile.rlim_cur) return -EINVAL;
  if (nfds && !fds) return -EFAULT;
  for (;;) {
    int n = poll_scan(fds, nfds), w;
    if (n) return n;
    if (signal_interrupts()) return -EINTR;
    if (deadline <= W->now_ns) return 0;
    w = world_wait(deadline);
    if (w == -EAGAIN) return poll_scan(fds, nfds);
    if (w) return w;
  }
}

int sr_poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
  world_ready();
  return sys_return(do_poll(fds, nfds,
    timeout < 0 ? SR_FOREVER : W->now_ns + (uint64_t) timeout * 1000000u));
}

int sr_ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo,
  const sigset_t *sigmask)
{
  uint64_t deadline, saved;
  int r;
  world_ready();
  if (timespec_deadline(tmo, &deadline)) return sys_return(-EINVAL);
  saved = sigmask_enter(sigmask);
  r = do_poll(fds, nfds, deadline);
  sigmask_leave(sigmask, saved, r);
  return sys_return(r);
}

@ A |timespec| timeout: null is forever; negative seconds or nanoseconds
outside $0\ldots999999999$ are invalid.  A timeout too long for the clock
is forever.

@<Private function prototypes@>=
static int timespec_deadline(const struct timespec *ts, uint64_t *deadline);

@ @c
static int timespec_deadline(const struct timespec *ts, uint64_t *deadline)
{
  uint64_t ns;
  *deadline = SR_FOREVER;
  if (!ts) return 0;
  if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L) return -EINVAL;
  if ((uint64_t) ts->tv_sec > (SR_FOREVER - W->now_ns) / 1000000000u - 1) return 0;
  ns = (uint64_t) ts->tv_sec * 1000000000u + (uint64_t) ts->tv_nsec;
  *deadline = W->now_ns + ns;
  return 0;
}

@*1 Select.
\clause{socket.7:call:select}
\clause{socket.7:SO_SELECT_ERR_QUEUE}
@^socket.7:call:select@>
|select| asks the same questions through three bitmaps.  A descriptor is
readable when its mask has any of |POLLIN|, |POLLRDNORM|, |POLLRDBAND|,
|POLLHUP| or |POLLERR|; writable with |POLLOUT|, |POLLWRNORM|, |POLLWRBAND|
or |POLLERR|; exceptional with |POLLPRI| --- so \.{SO\_SELECT\_ERR\_QUEUE}
puts a socket with an error in the third set.  The result is the number of
bits set in the three sets together.

The kernel looks only at descriptors below the size of the process's
descriptor table as the kernel keeps it (|max_fds|): 64 for a process whose
descriptors are all below 64, then the next power of two above the
highest descriptor ever open.  Bits at or above it are ignored; a bit
below it for a descriptor that is not open is |EBADF|, found before any
waiting.  A negative count is |EINVAL|, and so is a negative timeout;
microseconds of a million or more count as seconds.  The |timeval|
receives the time left, 0 after a timeout, and also when a signal
interrupts the wait (|EINTR|, the sets left as they were).  |pselect| takes a |timespec|,
checks it as |ppoll| does, and leaves it as it was.

\kernel{a closed descriptor 4 is |EBADF|; with a table of 256 (a parent
held descriptor 251), descriptor 999 is ignored and |select| returns 0;
after |dup2| to 128, 255 is |EBADF| and 256 ignored; after |dup2| to 1000,
1023 is |EBADF| and 1024 ignored; $-1$ descriptors, $-1$ seconds or $-1$
microseconds |EINVAL|; $\{0, 1000000\}$ waits a second; a 50~ms select
leaves $\{0,0\}$; a socket that is readable at once leaves nearly the whole
second.}
@^max\_fds@>

@<Public declarations@>=
int sr_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
  struct timeval *timeout);
int sr_pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
  const struct timespec *timeout, const sigset_t *sigmask);

@ @<Constants of the model@>=
#define SR_POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define SR_POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define SR_POLLEX_SET POLLPRI

@ @<Private function prototypes@>=
static int do_select(int nfds, fd_set *sets[3], uint64_t deadline);
static int select_scan(int n, fd_set *const in[3], fd_set out[3]);

@ One scan fills |out| from the sets asked; the caller's sets are
rewritten only when the call returns.

@c
static int select_scan(int n, fd_set *const in[3], fd_set out[3])
{
  static const unsigned want[3] = { SR_POLLIN_SET, SR_POLLOUT_SET, SR_POLLEX_SET };
  int count = 0;
  for (int k = 0; k < 3; k++) FD_ZERO(&out[k]);
  for (int fd = 0; fd < n; fd++) {
    unsigned mask;
    sr_file *f;
    if (!((in[0] && FD_ISSET(fd, in[0])) || (in[1] && FD_ISSET(fd, in[1])) ||
        (in[2] && FD_ISSET(fd, in[2]))))
      continue;
    f = fd_file(W->cur, fd);
    mask = file_poll(f);
    for (int k = 0; k < 3; k++)
      if (in[k] && FD_ISSET(fd, in[k]) && (mask & want[k])) {
        FD_SET(fd, &out[k]);
        count++;
      }
  }
  return count;
}

static int do_select(int nfds, fd_set *sets[3], uint64_t deadline)
{
  fd_set out[3];
  int n, count;
  if (nfds < 0) return -EINVAL;
  n = nfds < W->cur->fds.kmax ? nfds : W->cur->fds.kmax;
  if (n > FD_SETSIZE) n = FD_SETSIZE;
  for (int fd = 0; fd < n; fd++)
    for (int k = 0; k < 3; k++)
      if (sets[k] && FD_ISSET(fd, sets[k]) && !fd_file(W->cur, fd)) return -EBADF;
  for (;;) {
    int w;
    count = select_scan(n, sets, out);
    if (count) break;
    if (signal_interrupts()) return -EINTR;
    if (deadline <= W->now_ns) break;
    w = world_wait(deadline);
    if (w == -EAGAIN) { count = select_scan(n, sets, out); break; }
    if (w) return w;
  }
  for (int k = 0; k < 3; k++) {
    if (!sets[k]) continue;
    for (int fd = 0; fd < n; fd++) {
      if (FD_ISSET(fd, &out[k])) FD_SET(fd, sets[k]);
      else FD_CLR(fd, sets[k]);
    }
  }
  return count;
}

@ @c
int sr_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
  struct timeval *timeout)
{
  fd_set *sets[3] = { readfds, writefds, exceptfds };
  uint64_t deadline = SR_FOREVER;
  int r;
  world_ready();
  if (timeout) {
    struct timespec ts;
    if (timeout->tv_sec < 0 || timeout->tv_usec < 0) return sys_return(-EINVAL);
    ts.tv_sec = timeout->tv_sec + timeout->tv_usec / 1000000;
    ts.tv_nsec = (long) (timeout->tv_usec % 1000000) * 1000;
    if (timespec_deadline(&ts, &deadline)) return sys_return(-EINVAL);
  }
  r = do_select(nfds, sets, deadline);
  if (timeout && (r >= 0 || r == -EINTR) && deadline != SR_FOREVER) {
    uint64_t left = deadline > W->now_ns ? deadline - W->now_ns : 0;
    timeout->tv_sec = (time_t) (left / 1000000000u);
    timeout->tv_usec = (suseconds_t) (left % 1000000000u / 1000u);
  }
  return sys_return(r);
}

int sr_pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
  const struct timespec *timeout, const sigset_t *sigmask)
{
  fd_set *sets[3] = { readfds, writefds, exceptfds };
  uint64_t deadline, saved;
  int r;
  world_ready();
  if (timespec_deadline(timeout, &deadline)) return sys_return(-EINVAL);
  saved = sigmask_enter(sigmask);
  r = do_select(nfds, sets, deadline);
  sigmask_leave(sigmask, saved, r);
  return sys_return(r);
}

@ The kernel's size of a descriptor table, kept beside the model's own
(which grows in larger steps): 64 to begin with, and when a descriptor at
or above it is installed, the next power of two above that descriptor
(|alloc_fdtable| on a 64-bit machine).  It never shrinks.

@<Fields of a descriptor table@>=
int kmax; /* the kernel's |max_fds| */

@ @<Note descriptor |fd| in the kernel's table size of |t|@>=
if (fd >= t->kmax) {
  int nr = 1;
  while (nr < fd + 1) nr <<= 1;
  t->kmax = nr;
}

@*1 Signals for I/O.
\clause{socket.7:signal:SIGIO}
\clause{socket.7:signal:SIGIO:3}
\clause{socket.7:signal:SIGIO:6}
@^socket.7:signal:SIGIO@>
A socket whose open file has |O_ASYNC| (set by \.{F\_SETFL} or
\.{FIOASYNC}) and an owner (\.{F\_SETOWN}, \.{FIOSETOWN} or \.{SIOCSPGRP})
sends its owner a signal --- \.{SIGIO}, or the one chosen with
\.{F\_SETSIG} --- each time a datagram is queued and each time an error is
reported (a pending error, an entry of the error queue).  A datagram that
was dropped sends nothing, and neither does sending, shutting down,
connecting or data already queued when the flag was set.  An owner that is
a process group gets it in every member.  An owner that the file's owner
may not signal is skipped: the user IDs recorded when the owner was set
must match the target's real or saved ID, or be root's (|sigio_perm|).

What the process does with the signal is its disposition's business
(chapter on signals): a standard signal (below 32) that is already
pending is not queued again, and a signal stays pending at least until
the event that raised it has been handled --- so two \.{SIGIO}s raised
at one instant count once, as the kernel's two reports of an ICMP error
with \.{IP\_RECVERR} do.  Real-time signals chosen with \.{F\_SETSIG}
queue every time.  A \.{SIGIO} with a handler interrupts a wait of its
process, on this socket or any other.  With \.{F\_SETSIG} Linux also
tells a handler installed with \.{SA\_SIGINFO} the descriptor and the
band in |si_fd| and |si_band|; the model gives |si_code| |SI_KERNEL| and
leaves them zero.
@^model limits@>
@^SIGIO@>

\kernel{|O_ASYNC| without an owner: nothing; with the process as owner,
one \.{SIGIO} per datagram; \.{F\_SETSIG} \.{SIGUSR1}: \.{SIGUSR1}
instead; owner $-$|getpgrp()|: \.{SIGIO} to the group; \.{FIOASYNC} as
|O_ASYNC|; five datagrams of which two fit the buffer: two signals; an
asynchronous sender: none; a connected socket's |send| to a closed port:
one; an unconnected one with \.{IP\_RECVERR}: one; |shutdown|,
|connect|, disconnect: none; a datagram queued before |O_ASYNC| was set:
none until the next.}

@<Private function prototypes@>=
static inline void sk_wake_async(sr_sock *s);
static void sk_send_sigio(const sr_file *f);
static void sock_data_ready(sr_sock *s);
static void sock_error_report(sr_sock *s);
static bool sigio_perm(const sr_proc *p, const sr_file *f);

@ @c
static void sock_data_ready(sr_sock *s) { sk_wake_async(s); }
static void sock_error_report(sr_sock *s) { sk_wake_async(s); }

static inline void sk_wake_async(sr_sock *s)
{
  sr_file *f = s->file;
  if (f && (f->flags & O_ASYNC) && f->owner) sk_send_sigio(f);
}

static void sk_send_sigio(const sr_file *f)
{
  int sig = f->sig ? f->sig : SIGIO;
  if (f->owner > 0) {
    sr_proc *p = proc_by_pid(f->owner);
    if (p && sigio_perm(p, f)) proc_send_signal(p, sig);
    return;
  }
  for (int i = 0; i < W->nprocs; i++)
    if (W->proc[i]->pgrp == -f->owner && sigio_perm(W->proc[i], f))
      proc_send_signal(W->proc[i], sig);
}

static bool sigio_perm(const sr_proc *p, const sr_file *f)
{
  return f->fown_euid == 0 || f->fown_euid == p->suid || f->fown_euid == p->ruid ||
    f->fown_uid == p->suid || f->fown_uid == p->ruid;
}

@ The first real-time signal, as the kernel numbers it.

@<Constants of the model@>=
#define SR_SIGRTMIN 32 /* the kernel's |SIGRTMIN| */

