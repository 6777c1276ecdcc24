@* Signals.
A process of the model has what a Linux process has for signals: a
{\it disposition\/} for each signal (the default action, ignore, or a
handler with its flags and mask), a {\it mask\/} of blocked signals, a
set of {\it pending\/} signals, and a real-time interval timer.  The
sources of signals are the network (\.{SIGIO} and its \.{F\_SETSIG}
replacements, \.{SIGPIPE}), the timer (\.{SIGALRM}) and |sr_kill|.

Three decisions shape this chapter.

\smallskip
\item{1.} {\it Handlers are called.}  A handler given to |sr_sigaction|
is a function of the program, and the model calls it, in the program's
own thread, at the moment the kernel would: when the call during which
the signal became deliverable returns (before the call's result and
|errno| are given back), or when it interrupts a wait.  A test whose
handler sets a flag sees the flag set after the call, as on Linux.
\item{2.} {\it Handlers run between calls, so they may make calls.}  The
kernel runs a handler in user space after the system call has finished or
been abandoned; the model does the same --- a wait that a signal
interrupts unwinds first, and a call that is to be restarted is made again
from the beginning after the handler has run.  A handler may therefore
call any |sr_| function, as the process the signal was delivered to (for
the time of the handler that process is the current one; the one that was
current before is made current again afterwards), except |sr_reset|,
which would throw away the process the handler runs for.  A handler of a
process other than the caller runs when the caller's call returns, since
the model runs one process at a time.
\item{3.} {\it The default action does not kill.}  On Linux the default
action of \.{SIGIO}, \.{SIGPIPE}, \.{SIGALRM}, \.{SIGUSR1} and the
real-time signals ends the process.  The model does not end processes
(a test would lose the process it is looking at).  In place of that
default it gives the process a stand-in: a handler that does nothing but
count (|sr_signal_count|), installed with \.{SA\_RESTART}.  Like any
such handler it interrupts |poll| and |select| (|EINTR|) and a socket
call that waits with a timeout, and it restarts a socket call that
waits without one.  That is exactly what the recorder of sockscripts
does on the kernel, where it cannot let a process be killed either: its
processes start with counting handlers with \.{SA\_RESTART} for the
same signals --- so every script checks the stand-in against the
kernel.  |sr_sigaction| still reads such a disposition back as
|SIG_DFL|.  A signal whose default action is to ignore it (\.{SIGCHLD},
\.{SIGCONT}, \.{SIGURG}, \.{SIGWINCH}) is discarded, as Linux discards
it.
\smallskip\noindent
So |sr_signal_count(sig)| is the number of times |sig| was {\it
delivered\/} to the current process: to a handler, or to the stand-in
for the default action.  A signal that is ignored is not counted; one that is
blocked is counted when it is unblocked and delivered.
@^model limits@>
@^signals@>

@*1 The state of a process.
Signals 1 to 64 are the bits 0 to 63 of a word, as in the kernel's
|sigset_t|.  A standard signal (below 32) is pending or not; a real-time
one is queued as often as it was sent.  Each pending signal keeps how it
was sent (|si_code|, and the sender for |kill|).

@<Constants of the model@>=
#define SR_SIGBIT(sig) (((uint64_t) 1) << ((sig) - 1))
#define SR_UNBLOCKABLE (SR_SIGBIT(SIGKILL) | SR_SIGBIT(SIGSTOP))
#define SR_DEFAULT_IGNORED (SR_SIGBIT(SIGCHLD) | SR_SIGBIT(SIGCONT) | \
  SR_SIGBIT(SIGURG) | SR_SIGBIT(SIGWINCH))

@ @<Fields of a process@>=
struct sigaction act[SR_NSIG]; /* the dispositions; zero is |SIG_DFL| */
uint64_t blocked, pending;
unsigned rtqueue[SR_NSIG]; /* instances of a real-time signal queued */
struct { int code; pid_t pid; uid_t uid; } sinfo[SR_NSIG]; /* how each was sent */
uint64_t it_real_expiry, it_real_interval, it_real_serial; /* |ITIMER_REAL|, ns */
struct itimerval it_cpu[2]; /* |ITIMER_VIRTUAL| and |ITIMER_PROF| */

@ The world knows whether any process may have a signal to deliver
(|SR_SIGNAL_READY| in its |call_flags|, chapter {\it The world\/}), so
that the common case --- none --- costs one test at the start and one at
the end of a call.

@<Fields of the world for waiting and signals@>=
unsigned idle_restarts; /* restarts in a row of the call being made with only timers queued */
int timer_events; /* the events in the queue that are timers */

@ @<Private function prototypes@>=
static bool sig_handled(const sr_proc *p, int sig);
static bool sig_caught(const sr_proc *p, int sig);
static bool sig_ignored(const sr_proc *p, int sig);
static void signal_send(sr_proc *p, int sig, int code, pid_t pid, uid_t uid);
static void proc_send_signal(sr_proc *p, int sig);

@ A signal is {\it handled\/} when its disposition is a function; {\it
ignored\/} when it is |SIG_IGN|, or |SIG_DFL| for a signal whose default
is to ignore; {\it caught\/} when it is not ignored --- by its handler,
or by the counting stand-in for a default action.

@c
static bool sig_handled(const sr_proc *p, int sig)
{
  return p->act[sig].sa_handler != SIG_DFL && p->act[sig].sa_handler != SIG_IGN;
}

static bool sig_caught(const sr_proc *p, int sig)
{
  return !sig_ignored(p, sig);
}

static bool sig_ignored(const sr_proc *p, int sig)
{
  return p->act[sig].sa_handler == SIG_IGN ||
    (p->act[sig].sa_handler == SIG_DFL && (SR_DEFAULT_IGNORED & SR_SIGBIT(sig)));
}

@*1 Sending.
\clause{socket.7:signal:SIGIO:6}
@^socket.7:signal:SIGIO@>
Sending a signal, |signal_send| (the kernel's |__send_signal_locked|): an
ignored signal that is not blocked is dropped at once --- it never
becomes pending.  A blocked one is kept pending even when ignored (its
disposition may change before it is unblocked).  A standard signal that is
already pending is not queued again: two \.{SIGIO}s before the process
gets to run are one.  A real-time signal queues every time.

\kernel{with \.{SIGALRM} ignored, the timer's expiry during a |recv| with
a 50~ms timeout leaves nothing pending and the |recv| times out with
|EAGAIN|; blocked and ignored, it is pending; |sigaction| to a handler
keeps it pending, to |SIG_IGN| discards it.}

@c
static void signal_send(sr_proc *p, int sig, int code, pid_t pid, uid_t uid)
{
  uint64_t bit = SR_SIGBIT(sig);
  if (!(p->blocked & bit) && sig_ignored(p, sig)) return;
  if (sig >= SR_SIGRTMIN) p->rtqueue[sig]++;
  else if (p->pending & bit) return;
  if (!(p->pending & bit)) {
    p->sinfo[sig].code = code;
    p->sinfo[sig].pid = pid;
    p->sinfo[sig].uid = uid;
  }
  p->pending |= bit;
  if (!(p->blocked & bit)) W->call_flags |= SR_SIGNAL_READY;
}

@ The network's signals come from the kernel (|SI_KERNEL|), except
\.{SIGPIPE}, which the kernel sends the sender as if it had sent it
itself (|SI_USER|, its own process ID).

\kernel{handlers with \.{SA\_SIGINFO}: \.{SIGPIPE} from a TCP |send|
has |si_code| 0 (|SI_USER|) and the process's own ID in |si_pid|;
\.{SIGIO} from an |O_ASYNC| socket and \.{SIGALRM} from |alarm| have 128
(|SI_KERNEL|) and 0; |kill| to itself |SI_USER| and its ID.}

@c
static void proc_send_signal(sr_proc *p, int sig)
{
  if (sig == SIGPIPE) signal_send(p, sig, SI_USER, p->pid, p->ruid);
  else signal_send(p, sig, SI_KERNEL, 0, 0);
}

@*1 Delivering.
A signal is delivered when it is pending and not blocked.  The lowest
numbered goes first, as the kernel's |next_signal| takes it.  Delivery
takes one instance off the pending set and acts on the disposition read
at that moment: a handler is called (and the signal counted); an ignored
signal is dropped; the default action counts it.

@<Private function prototypes@>=
static void signal_deliver_one(sr_proc *p, int sig);
static void signal_deliver_all(bool handlers);
static void signal_call_handler(sr_proc *p, int sig, int code, pid_t pid, uid_t uid);

@ @c
static void signal_deliver_one(sr_proc *p, int sig)
{
  int code = p->sinfo[sig].code;
  pid_t pid = p->sinfo[sig].pid;
  uid_t uid = p->sinfo[sig].uid;
  if (sig < SR_SIGRTMIN || --p->rtqueue[sig] == 0) p->pending &= ~SR_SIGBIT(sig);
  if (sig_ignored(p, sig)) return;
  p->sigcount[sig]++;
  if (sig_handled(p, sig)) signal_call_handler(p, sig, code, pid, uid);
}

@ Delivering everything that can be.  With |handlers| false (inside a
wait) only what needs no code of the program is delivered: ignored
signals are dropped, and other processes' signals that the stand-in
counts are counted, at the time they come, as those processes (which are
not in a call) would count them; handlers may not run in the middle of a
call, and the caller's own signals stay pending --- the wait decides
whether they interrupt it.  With
|handlers| true (at the end of a call) every process's deliverable
signals are delivered, handlers included, each with its process made
current while it runs.  A handler may send more signals; the loop runs
until none is left to deliver.

@c
static void signal_deliver_all(bool handlers)
{
  bool again = true;
  if (!(W->call_flags & SR_SIGNAL_READY)) return;
  while (again) {
    again = false;
    for (int i = 0; i < W->nprocs; i++) {
      sr_proc *p = W->proc[i];
      uint64_t skip = 0; /* handled signals left for later */
      int sig;
      for (;;) {
        uint64_t ready = p->pending & ~p->blocked & ~skip;
        if (!ready) break;
        sig = __builtin_ctzll(ready) + 1;
        if (!handlers && (sig_handled(p, sig) || (p == W->cur && sig_caught(p, sig)))) {
          skip |= SR_SIGBIT(sig);
          continue;
        }
        signal_deliver_one(p, sig);
        again = handlers;
      }
    }
  }
  if (handlers) W->call_flags &= ~(unsigned) SR_SIGNAL_READY;
}

@ Calling a handler, as the kernel's |handle_signal| sets it up: while it
runs, the process blocks what it blocked before, the handler's |sa_mask|,
and the signal itself unless \.{SA\_NODEFER} is set; \.{SA\_RESETHAND}
puts the disposition back to |SIG_DFL| first.  A handler installed with
\.{SA\_SIGINFO} is given a |siginfo_t| with the signal's number, how it
was sent and, from |kill|, the sender's process and user IDs.  When the
handler returns, the mask is what it was, and the process that was
current is current again.  A signal sent from within a handler is
delivered when the call that sent it returns, if the handler's mask lets
it through --- nested in the handler --- and otherwise after the handler,
lowest number first.

\kernel{a \.{SIGUSR1} handler with \.{SIGUSR2} in its mask raises
\.{SIGUSR1} and \.{SIGUSR2} once: without \.{SA\_NODEFER} the handlers
run one after the other, \.{SIGUSR1}, \.{SIGUSR1}, \.{SIGUSR2}; with it
the second \.{SIGUSR1} runs inside the first, and \.{SIGUSR2} after
both.}

@c
static void signal_call_handler(sr_proc *p, int sig, int code, pid_t pid, uid_t uid)
{
  struct sigaction a = p->act[sig];
  uint64_t saved = p->blocked;
  sr_proc *cur = W->cur;
  p->blocked |= sigset_bits(&a.sa_mask);
  if (!(a.sa_flags & SA_NODEFER)) p->blocked |= SR_SIGBIT(sig);
  p->blocked &= ~SR_UNBLOCKABLE;
  if (a.sa_flags & SA_RESETHAND) {
    memset(&p->act[sig], 0, sizeof p->act[sig]);
    sigemptyset(&p->act[sig].sa_mask);
  }
  W->cur = p;
  if (a.sa_flags & SA_SIGINFO) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = sig;
    info.si_code = code;
    info.si_pid = pid;
    info.si_uid = uid;
    a.sa_sigaction(sig, &info, NULL);
  } else a.sa_handler(sig);
  W->cur = cur;
  p->blocked = saved;
  if (p->pending & ~p->blocked) W->call_flags |= SR_SIGNAL_READY;
}

@*1 Interrupting a wait.
\clause{socket.7:SO_RCVTIMEO:2}
@^socket.7:SO\_RCVTIMEO@>
@^EINTR@>
A call that waits stops waiting when a signal that is caught (by a
handler, or by the stand-in for a default action) becomes deliverable to
its process --- blocked signals and ignored ones do not wake it.  A
pending signal that the call itself unblocks (the mask of |ppoll| or
|pselect|) ends it at once, when no descriptor is ready: the kernel's
|do_poll| looks for a pending signal before it looks at the timeout, so
even a timeout of 0 gives |EINTR|.  What the call
returns then depends on the call, and on the handler's
\.{SA\_RESTART}, as \.{signal(7)} sets out:

\smallskip
\item{$\bullet$} a socket call (|recv|, |send| and their relatives) is
made again after the handler when the handler has \.{SA\_RESTART} and the
socket has no timeout for the direction it waits in; with a timeout
(\.{SO\_RCVTIMEO}, \.{SO\_SNDTIMEO}) or without \.{SA\_RESTART} it fails
with |EINTR| (the kernel's |sock_intr_errno| gives |ERESTARTSYS| only to a
wait without timeout);
\item{$\bullet$} |poll|, |ppoll|, |select| and |pselect| fail with
|EINTR| whatever the flags, leaving the caller's arrays and sets as they
were; |select| still writes the time left.
\smallskip\noindent
A datagram is sent or received whole, so no call of the model is ever
interrupted half done.

\kernel{a blocking |recv|, \.{SIGALRM} from a 20~ms timer: |EINTR| after
20.1~ms without \.{SA\_RESTART}; with it the |recv| goes on (a handler
that sends a datagram to the socket on the second expiry makes it return
1 after 40~ms); with it and \.{SO\_RCVTIMEO} 100~ms, |EINTR| after 20~ms;
|poll| with $-1$ or 100~ms and |select| with 100~ms: |EINTR| after 20~ms
with \.{SA\_RESTART}, the set unchanged and 0.079957~s left in the
|timeval|.}

\scriptfile{signal/eintr-recv.sr}

@<Constants of the model@>=
#define SR_ERESTARTSYS 512 /* the kernel's: restart, or |EINTR| if the handler says not */

@ @<Private function prototypes@>=
static bool signal_interrupts(void);
static bool signal_restart(ssize_t *r);
static bool signal_restart_decide(ssize_t *r);

@ Whether the current process's wait is interrupted: it has a pending
signal, not blocked, that it catches.

@c
static bool signal_interrupts(void)
{
  sr_proc *p = W->cur;
  uint64_t ready;
  if (!(W->call_flags & SR_SIGNAL_READY)) return false;
  ready = p->pending & ~p->blocked;
  while (ready) {
    int sig = __builtin_ctzll(ready) + 1;
    if (sig_caught(p, sig)) return true;
    ready &= ready - 1;
  }
  return false;
}

@ After a socket call: when its wait ended with |SR_ERESTARTSYS|, the
handler that is delivered first decides --- with \.{SA\_RESTART} the
call is to be made again (the result is true), without it the call
fails with |EINTR|.  The handlers run here, before the call is made
again, as they would on the way back to user space.

A restart made when nothing but timers is left in the queue is {\it
idle\/}: unless the handler itself did something to end the wait, the
call waits for the next tick, is interrupted and made again, forever ---
on Linux too.  The model cannot see what a handler did to the program,
so it allows |SR_IDLE_RESTARTS| idle restarts in a row (a handler may
count ticks before it acts) and then treats the wait as one nothing can
end: |EDEADLK|.  A restart with other events in flight starts the count
again.  The count belongs to the call being made; calls a handler makes
have their own.
@^EDEADLK@>
@^model limits@>

@<Constants of the model@>=
#define SR_IDLE_RESTARTS 1000

@ @c
static bool signal_restart(ssize_t *r)
{
  return *r == -SR_ERESTARTSYS && signal_restart_decide(r);
}

static bool signal_restart_decide(ssize_t *r)
{
  sr_proc *p = W->cur;
  uint64_t ready;
  bool restart = true;
  unsigned idle = W->idle_restarts;
  ready = p->pending & ~p->blocked;
  while (ready) {
    int sig = __builtin_ctzll(ready) + 1;
    if (sig_caught(p, sig)) {
      restart = !sig_handled(p, sig) || (p->act[sig].sa_flags & SA_RESTART) != 0;
      break;
    }
    ready &= ready - 1;
  }
  signal_deliver_all(true);
  W->idle_restarts = (size_t) W->timer_events == W->nev ? idle + 1 : 0;
  if (!restart) *r = -EINTR;
  else if (W->idle_restarts >= SR_IDLE_RESTARTS) {
    *r = SR_EWAITFOREVER;
    restart = false;
  }
  return restart;
}

@*1 Dispositions.
\clause{socket.7:signal:SIGIO}
|sr_sigaction| is the C library's |sigaction|.  The C library refuses
signal numbers outside 1 to 64 and the two it keeps for itself, 32 and
33, with |EINVAL|; the kernel refuses any new action for \.{SIGKILL} and
\.{SIGSTOP}, even |SIG_DFL|, but reads theirs.  The old action is read
before the new one is set.  What is kept is what the kernel keeps: the
flags it knows (others are dropped), with \.{SA\_RESTORER}, which the C
library always adds; the mask without \.{SIGKILL}, \.{SIGSTOP}, 32 and
33, and only its first 64 signals.  A disposition that makes the signal
ignored discards its pending instances, blocked or not.

\kernel{|sigaction| with a handler for 0, $-1$, 65, 32, 33, \.{SIGKILL}
and \.{SIGSTOP}: |EINVAL|; for 34 and 64: 0; \.{SIGKILL} with a null
action: 0, with |SIG_DFL| or |SIG_IGN|: |EINVAL|; \.{SA\_RESTART}$\vert$%
\.{SA\_SIGINFO} reads back as \.{0x14000004}, all 32 bits as
\.{0xdc000807}, |SIG_IGN| with \.{SA\_RESTART} as \.{0x14000000}; a full
mask reads back without \.{SIGKILL}, \.{SIGSTOP}, 32 and 33; a fresh
disposition is |SIG_DFL|, flags 0, empty mask.}

@<Constants of the model@>=
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000 /* \.{<asm/signal.h>}; the C library hides it */
#endif
#ifndef SA_EXPOSE_TAGBITS
#define SA_EXPOSE_TAGBITS 0x00000800
#endif
#define SR_SA_KNOWN (SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_EXPOSE_TAGBITS | \
  SA_ONSTACK | SA_RESTART | SA_NODEFER | SA_RESETHAND | SA_RESTORER)
#define SR_SIGCANCEL 32 /* the C library's own signals */
#define SR_SIGSETXID 33

@ @<Public declarations@>=
int sr_sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);

@ Between the C library's |sigset_t| and the kernel's 64 bits.  The C
library's |sigaddset| refuses its own two signals (and would set
|errno|), so they are never put in a set.

@<Private function prototypes@>=
static uint64_t sigset_bits(const sigset_t *set);
static void bits_sigset(uint64_t bits, sigset_t *set);

@ @c
static uint64_t sigset_bits(const sigset_t *set)
{
  uint64_t bits = 0;
  for (int s = 1; s < SR_NSIG; s++)
    if (sigismember(set, s) == 1) bits |= SR_SIGBIT(s);
  return bits & ~(SR_SIGBIT(SR_SIGCANCEL) | SR_SIGBIT(SR_SIGSETXID));
}

static void bits_sigset(uint64_t bits, sigset_t *set)
{
  sigemptyset(set);
  for (int s = 1; s < SR_NSIG; s++)
    if ((bits & SR_SIGBIT(s)) && s != SR_SIGCANCEL && s != SR_SIGSETXID) sigaddset(set, s);
}

int sr_sigaction(int sig, const struct sigaction *act, struct sigaction *oldact)
{
  sr_proc *p;
  struct sigaction a;
  world_ready();
  p = W->cur;
  if (sig < 1 || sig >= SR_NSIG || sig == SR_SIGCANCEL || sig == SR_SIGSETXID)
    return sys_return(-EINVAL);
  if (act && (sig == SIGKILL || sig == SIGSTOP)) return sys_return(-EINVAL);
  if (act) {
    a = *act;
    a.sa_flags = (a.sa_flags | SA_RESTORER) & SR_SA_KNOWN;
    bits_sigset(sigset_bits(&act->sa_mask) & ~SR_UNBLOCKABLE, &a.sa_mask);
  }
  if (oldact) {
    *oldact = p->act[sig];
    if (!p->act[sig].sa_handler && !p->act[sig].sa_flags) sigemptyset(&oldact->sa_mask);
  }
  if (act) {
    p->act[sig] = a;
    if (sig_ignored(p, sig)) {
      p->pending &= ~SR_SIGBIT(sig);
      p->rtqueue[sig] = 0;
    }
  }
  return sys_return(0);
}

@*1 The mask.
|sr_sigprocmask| blocks (|SIG_BLOCK|), unblocks (|SIG_UNBLOCK|) or sets
(|SIG_SETMASK|) the blocked signals and gives the old mask; another |how|
is |EINVAL| --- but only when a set is given.  \.{SIGKILL} and
\.{SIGSTOP} cannot be blocked and are left out silently, and so are the C
library's 32 and 33.  A blocked signal stays pending; unblocking it
delivers it before the call returns.  |sr_sigpending| gives the signals
that are pending and blocked.

\kernel{|sigprocmask(7, set, NULL)|: |EINVAL|; |sigprocmask(7, NULL,
NULL)|: 0; a full mask leaves \.{SIGKILL}, \.{SIGSTOP}, 32 and 33
unblocked; \.{SIGALRM} blocked during a |recv| with a 50~ms timeout: no
interruption, |EAGAIN| after 50~ms, \.{SIGALRM} pending, and the handler
runs once when it is unblocked.}

@<Public declarations@>=
int sr_sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sr_sigpending(sigset_t *set);

@ @c
int sr_sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
  sr_proc *p;
  uint64_t bits;
  world_ready();
  p = W->cur;
  if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
    return sys_return(-EINVAL);
  if (oldset) bits_sigset(p->blocked, oldset);
  if (!set) return sys_return(0);
  bits = sigset_bits(set) & ~SR_UNBLOCKABLE;
  if (how == SIG_BLOCK) p->blocked |= bits;
  else if (how == SIG_UNBLOCK) p->blocked &= ~bits;
  else p->blocked = bits;
  if (p->pending & ~p->blocked) W->call_flags |= SR_SIGNAL_READY;
  return sys_return(0);
}

int sr_sigpending(sigset_t *set)
{
  world_ready();
  if (!set) return sys_return(-EFAULT);
  bits_sigset(W->cur->pending & W->cur->blocked, set);
  return sys_return(0);
}

@ The mask of |ppoll| and |pselect|: the call runs with the mask given
(\.{SIGKILL} and \.{SIGSTOP} left out) and puts the old one back when it
returns.  When the call was interrupted, the handlers run first, with the
call's mask still in force, as the kernel delivers them before restoring
the saved mask; otherwise the old mask comes back first, and a signal
that only the call's mask let through stays pending.

\kernel{\.{SIGALRM} blocked, |ppoll| with an empty mask: |EINTR| after
20~ms; \.{SIGPIPE} blocked and pending, |ppoll| with a timeout of 0 and a
mask that lets it through: |EINTR| (found by the differential fuzzer); not blocked, |ppoll| with a mask that blocks it and 50~ms: 0 after
50~ms, and the handler has run once when |ppoll| returns.}

@<Private function prototypes@>=
static uint64_t sigmask_enter(const sigset_t *mask);
static void sigmask_leave(const sigset_t *mask, uint64_t saved, int r);

@ @c
static uint64_t sigmask_enter(const sigset_t *mask)
{
  sr_proc *p = W->cur;
  uint64_t saved = p->blocked;
  if (mask) {
    p->blocked = sigset_bits(mask) & ~SR_UNBLOCKABLE;
    if (p->pending & ~p->blocked) W->call_flags |= SR_SIGNAL_READY;
  }
  return saved;
}

static void sigmask_leave(const sigset_t *mask, uint64_t saved, int r)
{
  sr_proc *p = W->cur;
  if (!mask) return;
  if (r == -EINTR) signal_deliver_all(true);
  p->blocked = saved;
  if (p->pending & ~p->blocked) W->call_flags |= SR_SIGNAL_READY;
}

@*1 Sending signals with kill.
|sr_kill(pid, sig)| sends |sig| to the process |pid|, to every process of
the caller's group (|pid| 0), to the group $-|pid|$, or to every process
but the caller ($-1$).  Signal 0 sends nothing and only checks.  A number
above 64 or below 0 is |EINVAL|; no process at all, |ESRCH|.  The caller
may signal a process when it has \.{CAP\_KILL} or when its real or
effective user ID is the target's real or saved one; otherwise |EPERM|.
Of several targets, one that may be signalled is enough for success.
The signal carries |SI_USER| with the caller's process and real user
ID.

\kernel{|kill(getpid(), 0)|: 0; signal 65: |EINVAL|; process 99999:
|ESRCH|; |kill(-1, 0)| among other processes: 0 (with none, the kernel's
|kill_something_info| gives |ESRCH|).}

@<Public declarations@>=
int sr_kill(pid_t pid, int sig);

@ @<Private function prototypes@>=
static bool kill_permitted(const sr_proc *from, const sr_proc *to);

@ @c
static bool kill_permitted(const sr_proc *from, const sr_proc *to)
{
  return proc_capable(from, CAP_KILL) || from->euid == to->suid ||
    from->euid == to->ruid || from->ruid == to->suid || from->ruid == to->ruid;
}

int sr_kill(pid_t pid, int sig)
{
  sr_proc *me;
  int found = 0, sent = 0;
  world_ready();
  me = W->cur;
  if (sig < 0 || sig >= SR_NSIG) return sys_return(-EINVAL);
  for (int i = 0; i < W->nprocs; i++) {
    sr_proc *p = W->proc[i];
    bool target = pid > 0 ? p->pid == pid : pid == 0 ? p->pgrp == me->pgrp :
      pid == -1 ? p != me : p->pgrp == -pid;
    if (!target) continue;
    found++;
    if (!kill_permitted(me, p)) continue;
    sent++;
    if (sig) signal_send(p, sig, SI_USER, me->pid, me->ruid);
  }
  if (!found) return sys_return(-ESRCH);
  return sys_return(sent ? 0 : -EPERM);
}

@*1 The real-time interval timer.
|sr_setitimer(ITIMER_REAL, new, old)| arms a timer in virtual time: after
|it_value| the process gets \.{SIGALRM}, and then every |it_interval|
if that is not zero.  A value of zero disarms it, and so does a null
|new|, which Linux still accepts.  Microseconds outside 0 to 999999 or
negative seconds are |EINVAL|, and so is a timer other than the three of
Linux.  |old| and |sr_getitimer| give the time left, truncated to the
microsecond --- a timer that is armed but due now shows 1 microsecond, as
the kernel's |itimer_get_remtime| makes sure --- and the interval.

A process of the model spends no processor time, so the virtual and
profiling timers (|ITIMER_VIRTUAL|, |ITIMER_PROF|) are kept and read back
as set but never expire.
@^model limits@>

\kernel{1.5~s set, read at once: 1.499994~s left (so the real kernel's
values are not stable enough for a recorded script, except zero);
microseconds 1000000 or $-1$ or seconds $-1$ in the value or the
interval, or timer 3 or $-1$: |EINVAL|; a null new value disarms and
gives the old one.}

@<Public declarations@>=
int sr_setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);
int sr_getitimer(int which, struct itimerval *curr_value);
unsigned sr_alarm(unsigned seconds);

@ @<Private function prototypes@>=
static void itimer_get(const sr_proc *p, int which, struct itimerval *v);
static bool timeval_bad(const struct timeval *tv);
static uint64_t timeval_ns(const struct timeval *tv);
static void ns_timeval(uint64_t ns, struct timeval *tv);
static void itimer_arm(sr_proc *p, uint64_t value, uint64_t interval);
static void itimer_fire(pid_t pid, uint64_t serial);

@ @c
static bool timeval_bad(const struct timeval *tv)
{
  return tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000;
}

static uint64_t timeval_ns(const struct timeval *tv)
{
  return (uint64_t) tv->tv_sec * 1000000000u + (uint64_t) tv->tv_usec * 1000u;
}

static void ns_timeval(uint64_t ns, struct timeval *tv)
{
  tv->tv_sec = (time_t) (ns / 1000000000u);
  tv->tv_usec = (suseconds_t) (ns % 1000000000u / 1000u);
}

static void itimer_get(const sr_proc *p, int which, struct itimerval *v)
{
  if (which != ITIMER_REAL) { *v = p->it_cpu[which - 1]; return; }
  memset(v, 0, sizeof *v);
  if (!p->it_real_expiry) return;
  ns_timeval(p->it_real_expiry > W->now_ns ? p->it_real_expiry - W->now_ns : 1000u,
    &v->it_value);
  ns_timeval(p->it_real_interval, &v->it_interval);
}

@ Arming puts an event in the network's queue; the event carries the
timer's serial number, so that an event of a timer since re-armed or
disarmed does nothing when it comes.

@c
static void itimer_arm(sr_proc *p, uint64_t value, uint64_t interval)
{
  sr_event e;
  p->it_real_serial++;
  p->it_real_interval = interval;
  p->it_real_expiry = 0;
  if (!value) return;
  p->it_real_expiry = value > UINT64_MAX - W->now_ns ? UINT64_MAX : W->now_ns + value;
  memset(&e, 0, sizeof e);
  e.t = p->it_real_expiry;
  e.kind = EV_ITIMER;
  e.host = p->host->id;
  e.k0 = (uint64_t) p->pid;
  e.serial = p->it_real_serial;
  ev_push(&e);
  W->timer_events++;
}

static void itimer_fire(pid_t pid, uint64_t serial)
{
  sr_proc *p = proc_by_pid(pid);
  W->timer_events--;
  if (!p || p->it_real_serial != serial) return;
  proc_send_signal(p, SIGALRM);
  itimer_arm(p, p->it_real_interval, p->it_real_interval);
}

@ @c
int sr_setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value)
{
  sr_proc *p;
  struct itimerval zero;
  world_ready();
  p = W->cur;
  if (which != ITIMER_REAL && which != ITIMER_VIRTUAL && which != ITIMER_PROF)
    return sys_return(-EINVAL);
  if (!new_value) {
    memset(&zero, 0, sizeof zero);
    new_value = &zero;
  }
  if (timeval_bad(&new_value->it_value) || timeval_bad(&new_value->it_interval))
    return sys_return(-EINVAL);
  if (old_value) itimer_get(p, which, old_value);
  if (which != ITIMER_REAL) p->it_cpu[which - 1] = *new_value;
  else itimer_arm(p, timeval_ns(&new_value->it_value), timeval_ns(&new_value->it_interval));
  return sys_return(0);
}

int sr_getitimer(int which, struct itimerval *curr_value)
{
  world_ready();
  if (which != ITIMER_REAL && which != ITIMER_VIRTUAL && which != ITIMER_PROF)
    return sys_return(-EINVAL);
  if (!curr_value) return sys_return(-EFAULT);
  itimer_get(W->cur, which, curr_value);
  return sys_return(0);
}

@ |alarm| is the real timer in whole seconds, without interval.  It
returns the seconds that were left, rounded to the nearest --- but a
timer with any time left gives at least 1, so that 0 means none
(|alarm_setitimer|).

\kernel{|alarm(5)| after a 1.5~s timer: 1; |alarm(0)| after it: 5; after
a 0.4~s, 0.6~s or 1~$\mu$s timer: 1.}

@c
unsigned sr_alarm(unsigned seconds)
{
  sr_proc *p;
  struct itimerval old;
  world_ready();
  p = W->cur;
  itimer_get(p, ITIMER_REAL, &old);
  itimer_arm(p, (uint64_t) seconds * 1000000000u, 0);
  if ((!old.it_value.tv_sec && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
    old.it_value.tv_sec++;
  return (unsigned) old.it_value.tv_sec;
}

@ A wait that has no deadline and nothing in the queue but timers can
still end if a timer's signal would interrupt it.  Otherwise the timers
would only tick forever (an interval timer whose signal is ignored or
blocked), and the wait is a wait forever.

@<Private function prototypes@>=
static bool timers_only_tick(void);

@ @c
static bool timers_only_tick(void)
{
  const sr_proc *p = W->cur;
  if ((size_t) W->timer_events != W->nev) return false;
  return !(p->it_real_expiry && sig_caught(p, SIGALRM) &&
    !(p->blocked & SR_SIGBIT(SIGALRM)));
}

@ The signal calls that change nothing of the network return through
|sys_return|, which delivers what became deliverable; the others do too.
That is the one place where the end of a call is: |sys_return| in the
chapter on descriptors calls |signal_deliver_all(true)| first.
