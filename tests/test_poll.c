/* test_poll.c -- readiness, waiting in virtual time and I/O signals
   (web/poll.w).  Expected values measured on Linux 6.18
   (/work/facts/udp: pollp.c, poll2.c, fdt2.c, tty.c, sig.c, sig2.c, sig3.c
   and their raw_*.txt outputs); the waits in virtual time are the model's
   own rule (EDEADLK for a wait nothing can end), as the book states. */
#include "sr_data_test.h"
#include <poll.h>
#include <sys/select.h>
#include <signal.h>

#define ALL (POLLIN | POLLPRI | POLLOUT | POLLRDHUP | POLLRDNORM | POLLRDBAND | POLLWRNORM | \
  POLLWRBAND | POLLMSG)

static int revents(int fd, short events)
{
  struct pollfd p = {fd, events, 0};
  ck_assert_int_ge(sr_poll(&p, 1, 0), 0);
  return p.revents;
}
/* select on one descriptor: bit 0 readable, 1 writable, 2 exceptional */
static int sel(int fd)
{
  fd_set r, w, e;
  struct timeval tv = {0, 0};
  FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
  FD_SET(fd, &r); FD_SET(fd, &w); FD_SET(fd, &e);
  ck_assert_int_ge(sr_select(fd + 1, &r, &w, &e, &tv), 0);
  return FD_ISSET(fd, &r) | FD_ISSET(fd, &w) << 1 | FD_ISSET(fd, &e) << 2;
}

/* select for reading on fd alone, with nfds fd + 1 */
static int select_reading(int fd)
{
  fd_set r;
  struct timeval tv = {0, 0};
  FD_ZERO(&r);
  FD_SET(fd, &r);
  return sr_select(fd + 1, &r, NULL, NULL, &tv);
}

/* ---- masks ----------------------------------------------------------------- */
START_TEST(fresh_sockets_of_every_type)
{
  CLAUSES("socket.7:call:poll", "socket.7:call:select", "socket.7:poll:POLLOUT",
    "socket.7:poll:POLLHUP:2");
  int u = sr_socket(AF_INET, SOCK_DGRAM, 0), t = sr_socket(AF_INET, SOCK_STREAM, 0);
  int r1 = sr_socket(AF_INET, SOCK_RAW, 1), r2 = sr_socket(AF_INET, SOCK_RAW, 255);
  int tb = sr_socket(AF_INET, SOCK_STREAM, 0), l = sr_socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = sr_test_sin("127.0.0.1", 7000), a2 = sr_test_sin("127.0.0.1", 7001);
  ck_assert_int_eq(revents(u, ALL), 0x304);
  ck_assert_int_eq(revents(u, 0), 0);
  ck_assert_int_eq(revents(t, ALL), 0x114);
  ck_assert_int_eq(revents(t, 0), 0x10);
  ck_assert_int_eq(revents(r1, ALL), 0x304);
  ck_assert_int_eq(revents(r2, ALL), 0x304);
  ck_assert_int_eq(revents(0, ALL), 0x104);
  ck_assert_int_eq(sr_bind(tb, (struct sockaddr *) &a, sizeof a), 0);
  ck_assert_int_eq(revents(tb, ALL), 0x114);
  ck_assert_int_eq(sr_bind(l, (struct sockaddr *) &a2, sizeof a2), 0);
  ck_assert_int_eq(sr_listen(l, 5), 0);
  ck_assert_int_eq(revents(l, ALL), 0);
  ck_assert_int_eq(sel(u), 2);
  ck_assert_int_eq(sel(t), 3);
  ck_assert_int_eq(sel(l), 0);
  ck_assert_int_eq(sel(0), 2);
}
END_TEST

START_TEST(datagram_masks_follow_state)
{
  CLAUSES("socket.7:poll:POLLIN", "socket.7:poll:POLLERR", "socket.7:poll:POLLHUP:4",
    "socket.7:SO_SELECT_ERR_QUEUE", "socket.7:SO_SELECT_ERR_QUEUE:2", "socket.7:SO_RCVLOWAT:7",
    "socket.7:call:shutdown");
  int r = udp_bound("127.0.0.1", 5000), s = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int e = sr_socket(AF_INET, SOCK_DGRAM, 0), u = sr_socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in cl = sr_test_sin("127.0.0.1", 5999);
  char b[10];
  int er;
  socklen_t el = sizeof er;
  ck_assert_int_eq(revents(r, ALL), 0x304);
  send_to(s, "abc", 3, "127.0.0.1", 5000);
  ck_assert_int_eq(revents(r, ALL), 0x345);
  ck_assert_int_eq(sel(r), 3);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVLOWAT, 100), 0);
  ck_assert_int_eq(revents(r, ALL), 0x345);
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 3);
  send_to(s, "", 0, "127.0.0.1", 5000);
  ck_assert_int_eq(revents(r, ALL), 0x345);
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 0);
  /* a pending error; SO_SELECT_ERR_QUEUE adds POLLPRI */
  ck_assert_int_eq(sr_connect(e, (struct sockaddr *) &cl, sizeof cl), 0);
  ck_assert_int_eq(sr_send(e, "x", 1, 0), 1);
  ck_assert_int_eq(revents(e, ALL), 0x30c);
  ck_assert_int_eq(revents(e, 0), 0x8);
  ck_assert_int_eq(sel(e), 3);
  ck_assert_int_eq(seti(e, SOL_SOCKET, SO_SELECT_ERR_QUEUE, 1), 0);
  ck_assert_int_eq(revents(e, ALL), 0x30e);
  ck_assert_int_eq(sel(e), 7);
  /* an entry on the error queue alone does the same */
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(send_to(u, "x", 1, "127.0.0.1", 5999), 1);
  ck_assert_int_eq(revents(u, ALL), 0x30c);
  ck_assert_int_eq(sr_getsockopt(u, SOL_SOCKET, SO_ERROR, &er, &el), 0);
  ck_assert_int_eq(er, ECONNREFUSED);
  ck_assert_int_eq(revents(u, ALL), 0x30c);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_SELECT_ERR_QUEUE, 1), 0);
  ck_assert_int_eq(revents(u, ALL), 0x30e);
  ck_assert_int_eq(sr_recv(u, b, 10, MSG_ERRQUEUE), 1);
  ck_assert_int_eq(revents(u, ALL), 0x304);
  /* shutdown: read side, then both */
  ck_fails(sr_shutdown(s, SHUT_RD), ENOTCONN);
  ck_assert_int_eq(revents(s, ALL), 0x2345);
  ck_fails(sr_shutdown(s, SHUT_WR), ENOTCONN);
  ck_assert_int_eq(revents(s, ALL), 0x2355);
  ck_assert_int_eq(revents(s, POLLIN), 0x11);
  ck_assert_int_eq(revents(s, POLLOUT), 0x14);
  ck_assert_int_eq(revents(s, POLLRDHUP), 0x2010);
}
END_TEST

START_TEST(stream_masks_after_shutdown)
{
  CLAUSES("socket.7:poll:POLLHUP:2", "socket.7:call:shutdown", "socket.7:poll:POLLIN:2");
  int t = sr_socket(AF_INET, SOCK_STREAM, 0), l = sr_socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = sr_test_sin("127.0.0.1", 7001);
  ck_fails(sr_shutdown(t, SHUT_RD), ENOTCONN);
  ck_assert_int_eq(revents(t, ALL), 0x2155);
  ck_assert_int_eq(sel(t), 3);
  ck_fails(sr_shutdown(t, SHUT_WR), ENOTCONN);
  ck_assert_int_eq(revents(t, ALL), 0x2155);
  ck_assert_int_eq(sr_bind(l, (struct sockaddr *) &a, sizeof a), 0);
  ck_assert_int_eq(sr_listen(l, 1), 0);
  ck_assert_int_eq(sr_shutdown(l, SHUT_WR), 0);
  ck_assert_int_eq(revents(l, ALL), 0);
  ck_assert_int_eq(sr_shutdown(l, SHUT_RD), 0);
  ck_assert_int_eq(revents(l, ALL), 0x114);
}
END_TEST

/* ---- arguments --------------------------------------------------------------------- */
START_TEST(poll_arguments)
{
  CLAUSES("socket.7:call:poll");
  int r = udp_bound("127.0.0.1", 5000), s = sr_socket(AF_INET, SOCK_DGRAM, 0);
  struct pollfd p[3] = {{-1, ALL, 0x7777}, {999, ALL, 0}, {r, POLLIN, 0}};
  static struct pollfd many[1100];
  struct rlimit rl = {1024, 4096};
  struct timespec ts = {0, 1000000000L};
  send_to(s, "a", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_poll(p, 3, 0), 2);
  ck_assert_int_eq(p[0].revents, 0);
  ck_assert_int_eq(p[1].revents, POLLNVAL);
  ck_assert_int_eq(p[2].revents, POLLIN);
  ck_assert_int_eq(sr_poll(NULL, 0, 0), 0);
  ck_fails(sr_poll(NULL, 1, 0), EFAULT);
  for (int i = 0; i < 1100; i++) many[i].fd = -1;
  ck_assert_int_eq(sr_setrlimit(RLIMIT_NOFILE, &rl), 0);
  ck_assert_int_eq(sr_poll(many, 1024, 0), 0);
  ck_fails(sr_poll(many, 1025, 0), EINVAL);
  ck_assert_int_eq(sr_poll(&p[2], 1, -5), 1);
  ck_fails(sr_ppoll(&p[2], 1, &ts, NULL), EINVAL);
  ts.tv_sec = -1;
  ts.tv_nsec = 0;
  ck_fails(sr_ppoll(&p[2], 1, &ts, NULL), EINVAL);
  ts.tv_sec = 0;
  ck_assert_int_eq(sr_ppoll(&p[2], 1, &ts, NULL), 1);
  ck_assert_int_eq(p[2].revents, POLLIN);
}
END_TEST

START_TEST(select_arguments_and_table_size)
{
  CLAUSES("socket.7:call:select");
  int a = sr_socket(AF_INET, SOCK_DGRAM, 0), b = sr_socket(AF_INET, SOCK_DGRAM, 0);
  fd_set rs;
  struct timeval tv = {0, 0};
  ck_assert_int_eq(sr_close(b), 0);
  FD_ZERO(&rs);
  FD_SET(b, &rs);
  ck_fails(sr_select(b + 1, &rs, NULL, NULL, &tv), EBADF);
  FD_ZERO(&rs);
  FD_SET(b, &rs);
  ck_assert_int_eq(sr_select(b, &rs, NULL, NULL, &tv), 0);
  /* a fresh process's table holds 64: descriptor 64 is not looked at; the
     table grows to a power of two as descriptors are placed higher */
  ck_fails(select_reading(63), EBADF);
  ck_assert_int_eq(select_reading(64), 0);
  ck_assert_int_eq(sr_fcntl(a, F_DUPFD, 128), 128);
  ck_fails(select_reading(255), EBADF);
  ck_assert_int_eq(select_reading(256), 0);
  ck_assert_int_eq(sr_fcntl(a, F_DUPFD, 1000), 1000);
  ck_fails(select_reading(1023), EBADF);
  ck_fails(sr_select(-1, NULL, NULL, NULL, &tv), EINVAL);
  tv.tv_sec = -1;
  ck_fails(sr_select(1, NULL, NULL, NULL, &tv), EINVAL);
  tv.tv_sec = 0;
  tv.tv_usec = -1;
  ck_fails(sr_select(1, NULL, NULL, NULL, &tv), EINVAL);
}
END_TEST

/* ---- waiting in virtual time ------------------------------------------------------------ */
START_TEST(timeouts_in_virtual_time)
{
  CLAUSES("socket.7:SO_RCVTIMEO", "socket.7:nonblock", "socket.7:nonblock:2",
    "socket.7:call:poll", "socket.7:call:select");
  int r = udp_bound("127.0.0.1", 5000);
  struct pollfd p = {r, POLLIN, 0};
  struct timeval tv = {0, 1000000}, rt = {0, 10000};
  struct timespec ts = {0, 30000000};
  char b[10];
  uint64_t t0 = sr_now_ns();
  ck_assert_int_eq(sr_poll(&p, 1, 100), 0);
  ck_assert_uint_eq(sr_now_ns() - t0, 100000000u);
  t0 = sr_now_ns();
  ck_assert_int_eq(sr_select(0, NULL, NULL, NULL, &tv), 0);
  ck_assert_uint_eq(sr_now_ns() - t0, 1000000000u);
  ck_assert_int_eq(tv.tv_sec, 0);
  ck_assert_int_eq(tv.tv_usec, 0);
  t0 = sr_now_ns();
  ck_assert_int_eq(sr_pselect(0, NULL, NULL, NULL, &ts, NULL), 0);
  ck_assert_int_eq(ts.tv_nsec, 30000000);
  ck_assert_uint_eq(sr_now_ns() - t0, 30000000u);
  /* SO_RCVTIMEO of 10 ms is three ticks of 4 ms */
  ck_assert_int_eq(sr_setsockopt(r, SOL_SOCKET, SO_RCVTIMEO, &rt, sizeof rt), 0);
  t0 = sr_now_ns();
  ck_fails(sr_recv(r, b, 10, 0), EAGAIN);
  ck_assert_uint_eq(sr_now_ns() - t0, 12000000u);
  /* O_NONBLOCK and MSG_DONTWAIT take no time */
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, O_NONBLOCK), 0);
  t0 = sr_now_ns();
  ck_fails(sr_recv(r, b, 10, 0), EAGAIN);
  ck_fails(sr_read(r, b, 10), EAGAIN);
  ck_assert_uint_eq(sr_now_ns(), t0);
}
END_TEST

START_TEST(waits_nothing_can_end)
{
  CLAUSES("socket.7:call:recv", "socket.7:call:poll");
  int r = udp_bound("127.0.0.1", 5000);
  struct pollfd p = {r, POLLIN, 0};
  fd_set rs;
  char b[10];
  ck_fails(sr_recv(r, b, 10, 0), EDEADLK);
  ck_fails(sr_poll(&p, 1, -1), EDEADLK);
  FD_ZERO(&rs);
  FD_SET(r, &rs);
  ck_fails(sr_select(r + 1, &rs, NULL, NULL, NULL), EDEADLK);
  ck_fails(sr_read(0, b, 10), EDEADLK);
}
END_TEST

/* two hosts on LAN 1 with a 5 ms delay */
static int peer;
static void two_hosts(void)
{
  sr_reset();
  peer = peer_host(5000000);
}
static void peer_sends(int port, const char *data)
{
  pid_t p = sr_proc_new(peer, 0);
  int s;
  ck_assert_int_eq(sr_proc_switch(p), 0);
  s = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(send_to(s, data, strlen(data), "10.0.0.1", port), (ssize_t) strlen(data));
  ck_assert_int_eq(sr_proc_switch(1000), 0);
}

START_TEST(blocking_calls_wake_on_arrival)
{
  CLAUSES("socket.7:call:recv", "socket.7:call:poll", "socket.7:call:select");
  int r = udp_bound("10.0.0.1", 5000);
  struct pollfd p = {r, POLLIN, 0};
  fd_set rs;
  struct timeval tv = {1, 0};
  char b[10];
  uint64_t t0 = sr_now_ns();
  peer_sends(5000, "one");
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 3);
  ck_assert_uint_eq(sr_now_ns() - t0, 5000000u);
  t0 = sr_now_ns();
  peer_sends(5000, "two");
  ck_assert_int_eq(sr_poll(&p, 1, 1000), 1);
  ck_assert_uint_eq(sr_now_ns() - t0, 5000000u);
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 3);
  t0 = sr_now_ns();
  peer_sends(5000, "three");
  FD_ZERO(&rs);
  FD_SET(r, &rs);
  ck_assert_int_eq(sr_select(r + 1, &rs, NULL, NULL, &tv), 1);
  ck_assert_uint_eq(sr_now_ns() - t0, 5000000u);
  ck_assert_int_eq(tv.tv_sec, 0);
  ck_assert_int_eq(tv.tv_usec, 995000);
  /* a timeout shorter than the delay ends first */
  peer_sends(5000, "four");
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 5);
  peer_sends(5000, "five");
  t0 = sr_now_ns();
  ck_assert_int_eq(sr_poll(&p, 1, 2), 0);
  ck_assert_uint_eq(sr_now_ns() - t0, 2000000u);
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 4);
}
END_TEST

/* ---- signals ---------------------------------------------------------------------------------- */
START_TEST(sigio_on_arrival)
{
  CLAUSES("socket.7:signal:SIGIO", "socket.7:signal:SIGIO:3", "socket.7:signal:SIGIO:6",
    "socket.7:ioctl:FIOASYNC", "socket.7:ioctl:SIOCSPGRP");
  int r = udp_bound("127.0.0.1", 5000), s = sr_socket(AF_INET, SOCK_DGRAM, 0), on = 1;
  char b[10];
  pid_t me = sr_getpid();
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, O_ASYNC), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETOWN, me), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 1);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 2);
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 2);
  ck_assert_int_eq(sr_fcntl(r, F_SETSIG, SIGUSR1), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGUSR1), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 2);
  ck_assert_int_eq(sr_fcntl(r, F_SETSIG, 0), 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETOWN, -sr_getpgrp()), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 3);
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, 0), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 3);
  ck_assert_int_eq(sr_ioctl(r, FIOASYNC, &on), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 4);
  ck_assert_int_eq(sr_ioctl(r, SIOCSPGRP, &me), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 5);
}
END_TEST

START_TEST(sigio_only_for_what_is_queued_or_reported)
{
  CLAUSES("socket.7:signal:SIGIO");
  int r = udp_bound("127.0.0.1", 5000), s = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int e = sr_socket(AF_INET, SOCK_DGRAM, 0), u = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int q = udp_bound("127.0.0.1", 5003), k = udp_bound("127.0.0.1", 5002);
  struct sockaddr_in cl = sr_test_sin("127.0.0.1", 5999), d = sr_test_sin("127.0.0.1", 5000), un;
  pid_t me = sr_getpid();
  char b[10];
  /* five datagrams, two fit: two signals */
  ck_assert_int_eq(sr_fcntl(r, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, 1), 0);
  for (int i = 0; i < 5; i++) send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 2);
  while (sr_recv(r, b, 10, MSG_DONTWAIT) >= 0) ;
  /* an asynchronous sender gets nothing for sending */
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, 0), 0);
  ck_assert_int_eq(sr_fcntl(s, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(s, F_SETFL, O_ASYNC), 0);
  for (int i = 0; i < 3; i++) send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 2);
  /* an error reported to a connected socket: one */
  ck_assert_int_eq(sr_connect(e, (struct sockaddr *) &cl, sizeof cl), 0);
  ck_assert_int_eq(sr_fcntl(e, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(e, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_send(e, "x", 1, 0), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 3);
  ck_fails(sr_send(e, "x", 1, 0), ECONNREFUSED);
  ck_assert_int_eq(sr_signal_count(SIGIO), 3);
  /* with IP_RECVERR the error is reported twice in one instant: one SIGIO */
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(sr_fcntl(u, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(u, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_sendto(u, "x", 1, 0, (struct sockaddr *) &cl, sizeof cl), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 4);
  /* shutdown, connect and disconnect send nothing */
  ck_assert_int_eq(sr_fcntl(k, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(k, F_SETFL, O_ASYNC), 0);
  ck_fails(sr_shutdown(k, SHUT_RD), ENOTCONN);
  ck_assert_int_eq(sr_connect(k, (struct sockaddr *) &d, sizeof d), 0);
  memset(&un, 0, sizeof un);
  un.sin_family = AF_UNSPEC;
  ck_assert_int_eq(sr_connect(k, (struct sockaddr *) &un, sizeof un), 0);
  ck_assert_int_eq(sr_signal_count(SIGIO), 4);
  /* a datagram queued before O_ASYNC: nothing until the next */
  send_to(s, "x", 1, "127.0.0.1", 5003);
  ck_assert_int_eq(sr_fcntl(q, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(q, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_signal_count(SIGIO), 4);
  send_to(s, "x", 1, "127.0.0.1", 5003);
  ck_assert_int_eq(sr_signal_count(SIGIO), 5);
}
END_TEST

START_TEST(sigio_realtime_and_error_queue)
{
  CLAUSES("socket.7:signal:SIGIO:3", "ip.7:IP_RECVERR:3");
  int u = sr_socket(AF_INET, SOCK_DGRAM, 0), c = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int r = udp_bound("127.0.0.1", 5000), s = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int w = sr_socket(AF_INET, SOCK_DGRAM, 0), rt = 35, er;
  struct sockaddr_in cl = sr_test_sin("127.0.0.1", 5999);
  socklen_t el = sizeof er;
  pid_t me = sr_getpid();
  char b[10];
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(sr_fcntl(u, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(u, F_SETSIG, rt), 0);
  ck_assert_int_eq(sr_fcntl(u, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_sendto(u, "x", 1, 0, (struct sockaddr *) &cl, sizeof cl), 1);
  ck_assert_int_eq(sr_signal_count(rt), 2);
  ck_assert_int_eq(sr_connect(c, (struct sockaddr *) &cl, sizeof cl), 0);
  ck_assert_int_eq(sr_fcntl(c, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(c, F_SETSIG, rt), 0);
  ck_assert_int_eq(sr_fcntl(c, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_send(c, "x", 1, 0), 1);
  ck_assert_int_eq(sr_signal_count(rt), 3);
  ck_assert_int_eq(sr_fcntl(r, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETSIG, rt), 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, O_ASYNC), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(rt), 4);
  /* reading one of two queued errors reports the other */
  ck_assert_int_eq(seti(w, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(sr_sendto(w, "x", 1, 0, (struct sockaddr *) &cl, sizeof cl), 1);
  ck_assert_int_eq(sr_getsockopt(w, SOL_SOCKET, SO_ERROR, &er, &el), 0);
  ck_assert_int_eq(sr_sendto(w, "y", 1, 0, (struct sockaddr *) &cl, sizeof cl), 1);
  ck_assert_int_eq(sr_getsockopt(w, SOL_SOCKET, SO_ERROR, &er, &el), 0);
  ck_assert_int_eq(sr_fcntl(w, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(w, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_recv(w, b, 10, MSG_ERRQUEUE), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 1);
  ck_assert_int_eq(sr_getsockopt(w, SOL_SOCKET, SO_ERROR, &er, &el), 0);
  ck_assert_int_eq(er, ECONNREFUSED);
  ck_assert_int_eq(sr_recv(w, b, 10, MSG_ERRQUEUE), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 1);
}
END_TEST

START_TEST(sigio_to_other_processes)
{
  CLAUSES("socket.7:signal:SIGIO", "socket.7:fcntl:FIOSETOWN");
  int r = udp_bound("127.0.0.1", 5000), s = sr_socket(AF_INET, SOCK_DGRAM, 0);
  pid_t other = sr_proc_new(0, 0), me = sr_getpid(), low;
  ck_assert_int_gt(other, 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETOWN, other), 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, O_ASYNC), 0);
  send_to(s, "x", 1, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_signal_count(SIGIO), 0);
  ck_assert_int_eq(sr_proc_switch(other), 0);
  ck_assert_int_eq(sr_signal_count(SIGIO), 1);
  /* an unprivileged process makes a root process the owner: refused at
     delivery */
  low = sr_proc_new(0, 65534);
  ck_assert_int_eq(sr_proc_switch(low), 0);
  int q = udp_bound("127.0.0.1", 5100), t = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(sr_fcntl(q, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(q, F_SETFL, O_ASYNC), 0);
  send_to(t, "x", 1, "127.0.0.1", 5100);
  ck_assert_int_eq(sr_proc_switch(me), 0);
  ck_assert_int_eq(sr_signal_count(SIGIO), 0);
}
END_TEST

Suite *suite_poll(void)
{
  Suite *s = suite_create("poll");
  TCase *tc = sr_tcase(s, "masks");
  tcase_add_test(tc, fresh_sockets_of_every_type);
  tcase_add_test(tc, datagram_masks_follow_state);
  tcase_add_test(tc, stream_masks_after_shutdown);
  tcase_add_test(tc, poll_arguments);
  tcase_add_test(tc, select_arguments_and_table_size);
  tc = sr_tcase(s, "waiting");
  tcase_add_test(tc, timeouts_in_virtual_time);
  tcase_add_test(tc, waits_nothing_can_end);
  tc = tcase_create("lan");
  tcase_add_checked_fixture(tc, two_hosts, NULL);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, blocking_calls_wake_on_arrival);
  tc = sr_tcase(s, "signals");
  tcase_add_test(tc, sigio_on_arrival);
  tcase_add_test(tc, sigio_only_for_what_is_queued_or_reported);
  tcase_add_test(tc, sigio_realtime_and_error_queue);
  tcase_add_test(tc, sigio_to_other_processes);
  return s;
}
