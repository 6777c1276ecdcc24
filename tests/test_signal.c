/* test_signal.c -- dispositions, the signal mask, interruption of waits,
   the interval timer and kill (web/signal.w).  Expected values measured on
   Linux 6.18 with a small C program in a fresh network namespace (the
   book's \kernel notes in web/signal.w quote them): a 20 ms ITIMER_REAL
   interrupts a blocking recv after 20.1 ms, and so on.  The model waits in
   virtual time, so its times are exact. */
#include "sr_data_test.h"
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <signal.h>

/* What the handlers saw: the tests' own state, reset by each test. */
static int seen[65], seen_pid, seen_code, resend_fd = -1, resend_on = 0;
static void count(int sig) { seen[sig]++; }
static void count_and_resend(int sig)
{
  seen[sig]++;
  if (resend_fd >= 0 && seen[sig] == resend_on) send_to(resend_fd, "x", 1, "127.0.0.1", 5000);
}
static void info(int sig, siginfo_t *si, void *uc)
{
  (void) uc;
  seen[sig]++;
  seen_pid = si->si_pid;
  seen_code = si->si_code;
}
static void whoami(int sig) { seen[sig]++; seen_pid = sr_getpid(); }

static void reset_seen(void)
{
  memset(seen, 0, sizeof seen);
  seen_pid = seen_code = 0;
  resend_fd = -1;
  resend_on = 0;
}
static void on(int sig, void (*h)(int), int flags)
{
  struct sigaction a;
  memset(&a, 0, sizeof a);
  a.sa_handler = h;
  a.sa_flags = flags;
  sigemptyset(&a.sa_mask);
  ck_assert_int_eq(sr_sigaction(sig, &a, NULL), 0);
}
static void timer_us(long value, long interval)
{
  struct itimerval v = {{interval / 1000000, interval % 1000000}, {value / 1000000, value % 1000000}};
  ck_assert_int_eq(sr_setitimer(ITIMER_REAL, &v, NULL), 0);
}
static void rcvtimeo_ms(int fd, long ms)
{
  struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), 0);
}
static sigset_t just(int sig)
{
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, sig);
  return s;
}

START_TEST(sigaction_errors_and_what_is_kept)
{
  CLAUSES("socket.7:signal:SIGIO");
  struct sigaction a, o;
  static const int bad[] = {0, -1, 65, 32, 33, SIGKILL, SIGSTOP};
  reset_seen();
  memset(&a, 0, sizeof a);
  a.sa_handler = count;
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) ck_fails(sr_sigaction(bad[i], &a, NULL), EINVAL);
  ck_assert_int_eq(sr_sigaction(34, &a, NULL), 0);
  ck_assert_int_eq(sr_sigaction(64, &a, NULL), 0);
  ck_assert_int_eq(sr_sigaction(SIGKILL, NULL, &o), 0);
  a.sa_handler = SIG_DFL;
  ck_fails(sr_sigaction(SIGKILL, &a, NULL), EINVAL);
  a.sa_handler = SIG_IGN;
  ck_fails(sr_sigaction(SIGSTOP, &a, NULL), EINVAL);
  ck_assert_int_eq(sr_sigaction(SIGUSR2, NULL, &o), 0);
  ck_assert_ptr_eq((void *) o.sa_handler, (void *) SIG_DFL);
  ck_assert_int_eq(o.sa_flags, 0);
  a.sa_handler = count;
  a.sa_flags = SA_RESTART | SA_SIGINFO;
  sigfillset(&a.sa_mask);
  ck_assert_int_eq(sr_sigaction(SIGUSR1, &a, NULL), 0);
  ck_assert_int_eq(sr_sigaction(SIGUSR1, NULL, &o), 0);
  ck_assert_int_eq(o.sa_flags, 0x14000004);
  ck_assert_int_eq(sigismember(&o.sa_mask, SIGKILL), 0);
  ck_assert_int_eq(sigismember(&o.sa_mask, SIGSTOP), 0);
  ck_assert_int_eq(sigismember(&o.sa_mask, 32), 0);
  ck_assert_int_eq(sigismember(&o.sa_mask, 33), 0);
  ck_assert_int_eq(sigismember(&o.sa_mask, 64), 1);
  a.sa_flags = (int) 0xffffffff;
  ck_assert_int_eq(sr_sigaction(SIGUSR1, &a, NULL), 0);
  ck_assert_int_eq(sr_sigaction(SIGUSR1, NULL, &o), 0);
  ck_assert_uint_eq((unsigned) o.sa_flags, 0xdc000807u);
  a.sa_handler = SIG_IGN;
  a.sa_flags = SA_RESTART;
  ck_assert_int_eq(sr_sigaction(SIGUSR2, &a, NULL), 0);
  ck_assert_int_eq(sr_sigaction(SIGUSR2, NULL, &o), 0);
  ck_assert_int_eq(o.sa_flags, 0x14000000);
}
END_TEST

START_TEST(sigprocmask_rules)
{
  CLAUSES("socket.7:signal:SIGIO");
  sigset_t all, got, s = just(SIGUSR1);
  reset_seen();
  ck_fails(sr_sigprocmask(7, &s, NULL), EINVAL);
  ck_assert_int_eq(sr_sigprocmask(7, NULL, NULL), 0);
  sigfillset(&all);
  ck_assert_int_eq(sr_sigprocmask(SIG_SETMASK, &all, NULL), 0);
  ck_assert_int_eq(sr_sigprocmask(SIG_SETMASK, NULL, &got), 0);
  ck_assert_int_eq(sigismember(&got, SIGKILL), 0);
  ck_assert_int_eq(sigismember(&got, SIGSTOP), 0);
  ck_assert_int_eq(sigismember(&got, 32), 0);
  ck_assert_int_eq(sigismember(&got, 33), 0);
  ck_assert_int_eq(sigismember(&got, 34), 1);
  /* blocked: pending, delivered when unblocked, before sigprocmask returns */
  on(SIGUSR1, count, 0);
  ck_assert_int_eq(sr_kill(sr_getpid(), SIGUSR1), 0);
  ck_assert_int_eq(seen[SIGUSR1], 0);
  ck_assert_int_eq(sr_signal_count(SIGUSR1), 0);
  ck_assert_int_eq(sr_sigpending(&got), 0);
  ck_assert_int_eq(sigismember(&got, SIGUSR1), 1);
  ck_assert_int_eq(sr_sigprocmask(SIG_UNBLOCK, &s, NULL), 0);
  ck_assert_int_eq(seen[SIGUSR1], 1);
  ck_assert_int_eq(sr_signal_count(SIGUSR1), 1);
  ck_assert_int_eq(sr_sigpending(&got), 0);
  ck_assert_int_eq(sigismember(&got, SIGUSR1), 0);
}
END_TEST

START_TEST(ignored_signals_are_not_kept_unless_blocked)
{
  CLAUSES("socket.7:SO_RCVTIMEO", "socket.7:SO_RCVTIMEO:2");
  int r = udp_bound("127.0.0.1", 5000);
  sigset_t s = just(SIGALRM), got;
  char b[10];
  uint64_t t0 = sr_now_ns();
  reset_seen();
  on(SIGALRM, SIG_IGN, 0);
  rcvtimeo_ms(r, 50);
  timer_us(20000, 0);
  ck_fails(sr_recv(r, b, 10, 0), EAGAIN);
  ck_assert_uint_eq(sr_now_ns() - t0, 52000000u); /* 13 ticks of 4 ms; the kernel took 52.5 ms */
  ck_assert_int_eq(sr_sigpending(&got), 0);
  ck_assert_int_eq(sigismember(&got, SIGALRM), 0);
  ck_assert_int_eq(sr_signal_count(SIGALRM), 0);
  /* blocked and ignored: pending; a handler keeps it, SIG_IGN drops it */
  ck_assert_int_eq(sr_sigprocmask(SIG_BLOCK, &s, NULL), 0);
  timer_us(10000, 0);
  sr_advance_ns(30000000);
  ck_assert_int_eq(sr_sigpending(&got), 0);
  ck_assert_int_eq(sigismember(&got, SIGALRM), 1);
  on(SIGALRM, count, 0);
  ck_assert_int_eq(sr_sigpending(&got), 0);
  ck_assert_int_eq(sigismember(&got, SIGALRM), 1);
  on(SIGALRM, SIG_IGN, 0);
  ck_assert_int_eq(sr_sigpending(&got), 0);
  ck_assert_int_eq(sigismember(&got, SIGALRM), 0);
  ck_assert_int_eq(sr_sigprocmask(SIG_UNBLOCK, &s, NULL), 0);
  ck_assert_int_eq(seen[SIGALRM], 0);
  /* SIG_DFL of a signal whose default is to ignore: discarded */
  ck_assert_int_eq(sr_kill(sr_getpid(), SIGURG), 0);
  ck_assert_int_eq(sr_signal_count(SIGURG), 0);
}
END_TEST

START_TEST(timer_interrupts_a_blocking_recv)
{
  CLAUSES("socket.7:call:recv", "socket.7:SO_RCVTIMEO");
  int r = udp_bound("127.0.0.1", 5000);
  char b[10];
  uint64_t t0 = sr_now_ns();
  reset_seen();
  on(SIGALRM, count, 0);
  timer_us(20000, 0);
  ck_fails(sr_recv(r, b, 10, 0), EINTR);
  ck_assert_uint_eq(sr_now_ns() - t0, 20000000u);
  ck_assert_int_eq(seen[SIGALRM], 1);
  ck_assert_int_eq(sr_signal_count(SIGALRM), 1);
}
END_TEST

START_TEST(sa_restart_restarts_a_socket_call_without_timeout)
{
  CLAUSES("socket.7:call:recv", "socket.7:SO_RCVTIMEO", "socket.7:SO_RCVTIMEO:2");
  int r = udp_bound("127.0.0.1", 5000);
  char b[10];
  uint64_t t0 = sr_now_ns();
  reset_seen();
  resend_fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  resend_on = 2;
  on(SIGALRM, count_and_resend, SA_RESTART);
  timer_us(20000, 20000);
  /* the handler runs between the attempts and may call the library: on the
     second expiry it sends the datagram that the restarted recv returns */
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 1);
  ck_assert_uint_eq(sr_now_ns() - t0, 40000000u);
  ck_assert_int_eq(seen[SIGALRM], 2);
  /* a handler that does nothing, restarted by an interval timer: forever
     on Linux; the model gives up after 1000 idle restarts */
  on(SIGALRM, count, SA_RESTART);
  t0 = sr_now_ns();
  ck_fails(sr_recv(r, b, 10, 0), EDEADLK);
  ck_assert_uint_eq(sr_now_ns() - t0, 1000 * 20000000ull);
  ck_assert_int_eq(seen[SIGALRM], 1002);
  timer_us(0, 0);
  /* with SO_RCVTIMEO the call is not restarted */
  rcvtimeo_ms(r, 100);
  t0 = sr_now_ns();
  timer_us(20000, 0);
  ck_fails(sr_recv(r, b, 10, 0), EINTR);
  ck_assert_uint_eq(sr_now_ns() - t0, 20000000u);
  ck_assert_int_eq(seen[SIGALRM], 1003);
}
END_TEST

START_TEST(poll_and_select_are_never_restarted)
{
  CLAUSES("socket.7:call:poll", "socket.7:call:select", "socket.7:SO_RCVTIMEO:5");
  int r = udp_bound("127.0.0.1", 5000);
  struct pollfd p = {r, POLLIN, 0x7};
  fd_set rs;
  struct timeval tv = {0, 100000};
  struct timespec ts = {0, 50000000};
  uint64_t t0 = sr_now_ns();
  reset_seen();
  on(SIGALRM, count, SA_RESTART);
  timer_us(20000, 0);
  ck_fails(sr_poll(&p, 1, -1), EINTR);
  ck_assert_uint_eq(sr_now_ns() - t0, 20000000u);
  timer_us(20000, 0);
  ck_fails(sr_poll(&p, 1, 100), EINTR);
  ck_assert_uint_eq(sr_now_ns() - t0, 40000000u);
  FD_ZERO(&rs);
  FD_SET(r, &rs);
  timer_us(20000, 0);
  ck_fails(sr_select(r + 1, &rs, NULL, NULL, &tv), EINTR);
  ck_assert_int_eq(FD_ISSET(r, &rs), 1);
  ck_assert_int_eq(tv.tv_sec, 0);
  ck_assert_int_eq(tv.tv_usec, 80000);
  timer_us(20000, 0);
  ck_fails(sr_pselect(r + 1, &rs, NULL, NULL, &ts, NULL), EINTR);
  ck_assert_int_eq(ts.tv_nsec, 50000000);
  ck_assert_int_eq(seen[SIGALRM], 4);
}
END_TEST

START_TEST(ppoll_runs_with_its_mask)
{
  CLAUSES("socket.7:call:poll");
  int r = udp_bound("127.0.0.1", 5000);
  struct pollfd p = {r, POLLIN, 0};
  sigset_t s = just(SIGALRM), none;
  struct timespec ts = {0, 50000000};
  uint64_t t0 = sr_now_ns();
  reset_seen();
  sigemptyset(&none);
  on(SIGALRM, count, 0);
  ck_assert_int_eq(sr_sigprocmask(SIG_BLOCK, &s, NULL), 0);
  timer_us(20000, 0);
  ck_fails(sr_ppoll(&p, 1, NULL, &none), EINTR);
  ck_assert_uint_eq(sr_now_ns() - t0, 20000000u);
  ck_assert_int_eq(seen[SIGALRM], 1);
  ck_assert_int_eq(sr_sigprocmask(SIG_SETMASK, &none, NULL), 0);
  timer_us(20000, 0);
  ck_assert_int_eq(sr_ppoll(&p, 1, &ts, &s), 0);
  ck_assert_uint_eq(sr_now_ns() - t0, 70000000u);
  ck_assert_int_eq(seen[SIGALRM], 2); /* delivered as ppoll returned */
  /* a blocked signal does not interrupt */
  ck_assert_int_eq(sr_sigprocmask(SIG_BLOCK, &s, NULL), 0);
  timer_us(20000, 0);
  ck_assert_int_eq(sr_poll(&p, 1, 50), 0);
  ck_assert_int_eq(seen[SIGALRM], 2);
  ck_assert_int_eq(sr_sigprocmask(SIG_UNBLOCK, &s, NULL), 0);
  ck_assert_int_eq(seen[SIGALRM], 3);
}
END_TEST

START_TEST(default_action_is_a_counting_restarting_stand_in)
{
  CLAUSES("socket.7:signal:SIGIO", "socket.7:SO_RCVTIMEO");
  int r = udp_bound("127.0.0.1", 5000);
  struct pollfd p = {r, POLLIN, 0};
  sigset_t s = just(SIGPIPE), none;
  struct timespec zero = {0, 0};
  char b[10];
  uint64_t t0 = sr_now_ns();
  reset_seen();
  sigemptyset(&none);
  /* SIGALRM left to its default: counted, and poll is interrupted */
  timer_us(20000, 0);
  ck_fails(sr_poll(&p, 1, 50), EINTR);
  ck_assert_uint_eq(sr_now_ns() - t0, 20000000u);
  ck_assert_int_eq(sr_signal_count(SIGALRM), 1);
  /* a socket call with a timeout: EINTR; without one it is restarted, and
     a wait that only the timer's ticks end is a wait forever */
  rcvtimeo_ms(r, 100);
  timer_us(20000, 0);
  ck_fails(sr_recv(r, b, 10, 0), EINTR);
  ck_assert_int_eq(sr_signal_count(SIGALRM), 2);
  rcvtimeo_ms(r, 0);
  timer_us(20000, 0);
  ck_fails(sr_recv(r, b, 10, 0), EDEADLK);
  ck_assert_int_eq(sr_signal_count(SIGALRM), 3);
  /* a blocked SIGPIPE that ppoll's mask lets through: EINTR even with a
     timeout of 0 (measured: the fuzzer's sequence ppoll-s12-4441) */
  ck_assert_int_eq(sr_sigprocmask(SIG_BLOCK, &s, NULL), 0);
  ck_assert_int_eq(sr_kill(0, SIGPIPE), 0);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 0);
  ck_fails(sr_ppoll(&p, 1, &zero, &none), EINTR);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 1);
  /* ignored, an interval timer cannot end a wait */
  on(SIGALRM, SIG_IGN, 0);
  timer_us(20000, 20000);
  ck_fails(sr_poll(&p, 1, -1), EDEADLK);
}
END_TEST

START_TEST(timer_values)
{
  CLAUSES("socket.7:signal:SIGIO");
  struct itimerval v = {{0, 0}, {1, 500000}}, o;
  reset_seen();
  ck_assert_int_eq(sr_setitimer(ITIMER_REAL, &v, NULL), 0);
  sr_advance_ns(6000);
  ck_assert_int_eq(sr_getitimer(ITIMER_REAL, &o), 0);
  ck_assert_int_eq(o.it_value.tv_sec, 1);
  ck_assert_int_eq(o.it_value.tv_usec, 499994);
  ck_assert_uint_eq(sr_alarm(5), 1);
  ck_assert_uint_eq(sr_alarm(0), 5);
  v.it_value.tv_sec = 0;
  v.it_value.tv_usec = 400000;
  ck_assert_int_eq(sr_setitimer(ITIMER_REAL, &v, NULL), 0);
  ck_assert_uint_eq(sr_alarm(0), 1);
  v.it_value.tv_usec = 600000;
  ck_assert_int_eq(sr_setitimer(ITIMER_REAL, &v, NULL), 0);
  ck_assert_uint_eq(sr_alarm(0), 1);
  v.it_value.tv_usec = 1000000;
  ck_fails(sr_setitimer(ITIMER_REAL, &v, NULL), EINVAL);
  v.it_value.tv_usec = -1;
  ck_fails(sr_setitimer(ITIMER_REAL, &v, NULL), EINVAL);
  v.it_value.tv_usec = 0;
  v.it_value.tv_sec = -1;
  ck_fails(sr_setitimer(ITIMER_REAL, &v, NULL), EINVAL);
  v.it_value.tv_sec = 0;
  v.it_interval.tv_usec = 1000000;
  ck_fails(sr_setitimer(ITIMER_REAL, &v, NULL), EINVAL);
  v.it_interval.tv_usec = 0;
  ck_fails(sr_setitimer(3, &v, NULL), EINVAL);
  ck_fails(sr_setitimer(-1, &v, NULL), EINVAL);
  ck_fails(sr_getitimer(3, &o), EINVAL);
  v.it_value.tv_sec = 2;
  v.it_interval.tv_usec = 1;
  ck_assert_int_eq(sr_setitimer(ITIMER_REAL, &v, NULL), 0);
  ck_assert_int_eq(sr_setitimer(ITIMER_REAL, NULL, &o), 0);
  ck_assert_int_eq(o.it_value.tv_sec, 2);
  ck_assert_int_eq(o.it_interval.tv_usec, 1);
  ck_assert_int_eq(sr_getitimer(ITIMER_REAL, &o), 0);
  ck_assert_int_eq(o.it_value.tv_sec, 0);
  ck_assert_int_eq(o.it_value.tv_usec, 0);
  sr_advance_ns(5000000000u);
  ck_assert_int_eq(sr_signal_count(SIGALRM), 0);
}
END_TEST

START_TEST(kill_targets_and_permission)
{
  CLAUSES("socket.7:signal:SIGIO");
  pid_t me = sr_getpid(), other;
  reset_seen();
  ck_assert_int_eq(sr_kill(me, 0), 0);
  ck_fails(sr_kill(me, 65), EINVAL);
  ck_fails(sr_kill(99999, SIGUSR1), ESRCH);
  ck_fails(sr_kill(-1, 0), ESRCH); /* nobody but the caller */
  other = sr_proc_new(0, 1001);
  ck_assert_int_eq(sr_kill(-1, 0), 0);
  ck_assert_int_eq(sr_proc_switch(other), 0);
  ck_fails(sr_kill(me, SIGUSR1), EPERM);
  ck_fails(sr_kill(me, 0), EPERM);
  {
    struct sigaction a;
    memset(&a, 0, sizeof a);
    a.sa_handler = whoami;
    ck_assert_int_eq(sr_sigaction(SIGUSR2, &a, NULL), 0);
  }
  ck_assert_int_eq(sr_proc_switch(me), 0);
  /* root may signal the other process; its handler runs, as that process,
     when the caller's call returns */
  ck_assert_int_eq(sr_kill(other, SIGUSR2), 0);
  ck_assert_int_eq(seen[SIGUSR2], 1);
  ck_assert_int_eq(seen_pid, other);
  ck_assert_int_eq(sr_getpid(), me);
  /* SA_SIGINFO: who sent it; SA_RESETHAND: the next one takes the default */
  {
    struct sigaction a;
    memset(&a, 0, sizeof a);
    a.sa_sigaction = info;
    a.sa_flags = SA_SIGINFO | SA_RESETHAND;
    ck_assert_int_eq(sr_sigaction(SIGUSR1, &a, NULL), 0);
  }
  ck_assert_int_eq(sr_kill(0, SIGUSR1), 0);
  ck_assert_int_eq(seen[SIGUSR1], 1);
  ck_assert_int_eq(seen_pid, me);
  ck_assert_int_eq(seen_code, SI_USER);
  ck_assert_int_eq(sr_kill(me, SIGUSR1), 0);
  ck_assert_int_eq(seen[SIGUSR1], 1);
  ck_assert_int_eq(sr_signal_count(SIGUSR1), 2);
}
END_TEST

/* The order handlers run in: +sig as one starts, -sig as it ends. */
static int order[16], norder, depth, maxdepth;
static void nested(int sig)
{
  if (++depth > maxdepth) maxdepth = depth;
  order[norder++] = sig;
  if (++seen[sig] == 1) {
    sr_kill(0, SIGUSR1);
    sr_kill(0, SIGUSR2);
  }
  order[norder++] = -sig;
  depth--;
}
static void plain(int sig) { order[norder++] = sig; order[norder++] = -sig; }
static void nesting_run(int flags, const int *want, int nwant, int wantdepth)
{
  struct sigaction a;
  memset(&a, 0, sizeof a);
  a.sa_handler = nested;
  a.sa_flags = flags;
  sigemptyset(&a.sa_mask);
  sigaddset(&a.sa_mask, SIGUSR2);
  ck_assert_int_eq(sr_sigaction(SIGUSR1, &a, NULL), 0);
  on(SIGUSR2, plain, 0);
  reset_seen();
  norder = depth = maxdepth = 0;
  ck_assert_int_eq(sr_kill(sr_getpid(), SIGUSR1), 0);
  ck_assert_int_eq(norder, nwant);
  for (int i = 0; i < nwant; i++) ck_assert_int_eq(order[i], want[i]);
  ck_assert_int_eq(maxdepth, wantdepth);
}

START_TEST(handler_mask_and_sa_nodefer)
{
  CLAUSES("socket.7:signal:SIGIO");
  /* measured: without SA_NODEFER 10 -10 10 -10 12 -12, depth 1; with it
     10 10 -10 -10 12 -12, depth 2 (SIGUSR2 in sa_mask both times) */
  static const int deferred[] = {SIGUSR1, -SIGUSR1, SIGUSR1, -SIGUSR1, SIGUSR2, -SIGUSR2},
    nodefer[] = {SIGUSR1, SIGUSR1, -SIGUSR1, -SIGUSR1, SIGUSR2, -SIGUSR2};
  nesting_run(0, deferred, 6, 1);
  nesting_run(SA_NODEFER, nodefer, 6, 2);
}
END_TEST

START_TEST(siginfo_says_how_a_signal_was_sent)
{
  CLAUSES("socket.7:signal:SIGPIPE", "socket.7:signal:SIGIO");
  struct sigaction a;
  int t = sr_socket(AF_INET, SOCK_STREAM, 0);
  reset_seen();
  memset(&a, 0, sizeof a);
  a.sa_sigaction = info;
  a.sa_flags = SA_SIGINFO;
  ck_assert_int_eq(sr_sigaction(SIGPIPE, &a, NULL), 0);
  ck_assert_int_eq(sr_sigaction(SIGALRM, &a, NULL), 0);
  ck_fails(sr_send(t, "a", 1, 0), EPIPE);
  ck_assert_int_eq(seen[SIGPIPE], 1);
  ck_assert_int_eq(seen_code, SI_USER);
  ck_assert_int_eq(seen_pid, sr_getpid());
  ck_assert_uint_eq(sr_alarm(1), 0);
  sr_advance_ns(1000000000u);
  ck_assert_int_eq(seen[SIGALRM], 1);
  ck_assert_int_eq(seen_code, SI_KERNEL);
  ck_assert_int_eq(seen_pid, 0);
}
END_TEST

static int peer;
static void two_hosts(void)
{
  sr_reset();
  peer = peer_host(5000000);
}
static int poll_in_handler_fd = -1, poll_in_handler_ready;
static void which_socket(int sig)
{
  struct pollfd p = {poll_in_handler_fd, POLLIN, 0};
  seen[sig]++;
  poll_in_handler_ready = sr_poll(&p, 1, 0);
}

START_TEST(sigio_interrupts_a_wait_on_another_socket)
{
  CLAUSES("socket.7:signal:SIGIO", "socket.7:signal:SIGIO:4", "socket.7:call:recv");
  int a = udp_bound("10.0.0.1", 5000), b = udp_bound("10.0.0.1", 5001), s;
  pid_t me = sr_getpid(), p = sr_proc_new(peer, 0);
  char buf[10];
  uint64_t t0;
  reset_seen();
  poll_in_handler_fd = a;
  on(SIGIO, which_socket, SA_RESTART);
  ck_assert_int_eq(sr_fcntl(a, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(a, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_proc_switch(p), 0);
  s = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(send_to(s, "x", 1, "10.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_proc_switch(me), 0);
  t0 = sr_now_ns();
  rcvtimeo_ms(b, 1000);
  ck_fails(sr_recv(b, buf, 10, 0), EINTR);
  ck_assert_uint_eq(sr_now_ns() - t0, 5000000u);
  ck_assert_int_eq(seen[SIGIO], 1);
  ck_assert_int_eq(poll_in_handler_ready, 1); /* the handler's poll found it */
}
END_TEST

Suite *suite_signal(void);
Suite *suite_signal(void)
{
  Suite *s = suite_create("signal");
  TCase *tc = sr_tcase(s, "dispositions");
  tcase_add_test(tc, sigaction_errors_and_what_is_kept);
  tcase_add_test(tc, sigprocmask_rules);
  tcase_add_test(tc, ignored_signals_are_not_kept_unless_blocked);
  tcase_add_test(tc, default_action_is_a_counting_restarting_stand_in);
  tcase_add_test(tc, kill_targets_and_permission);
  tcase_add_test(tc, handler_mask_and_sa_nodefer);
  tcase_add_test(tc, siginfo_says_how_a_signal_was_sent);
  tc = sr_tcase(s, "interruption");
  tcase_add_test(tc, timer_interrupts_a_blocking_recv);
  tcase_add_test(tc, sa_restart_restarts_a_socket_call_without_timeout);
  tcase_add_test(tc, poll_and_select_are_never_restarted);
  tcase_add_test(tc, ppoll_runs_with_its_mask);
  tcase_add_test(tc, timer_values);
  tc = tcase_create("lan");
  tcase_add_checked_fixture(tc, two_hosts, NULL);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, sigio_interrupts_a_wait_on_another_socket);
  return s;
}
