/* test_shortcut.c -- the loopback device's short cut (web/link.w, "The short
   cut"): a UDP datagram a host sends itself in one piece goes straight to
   local delivery instead of through the event queue; and the short cut
   across a perfect LAN, where such a datagram reaches the neighbour's
   interface at once.  Each scenario runs
   twice in fresh worlds: once with plain sends, which take the short cut,
   and once with every datagram sent with a UDP_SEGMENT control message
   whose segment size exceeds the datagram, which makes the same single
   datagram but is excluded from the short cut (condition 1).  Everything a
   program can observe is written to a trace -- return values, data,
   addresses, flags, control messages (IP_PKTINFO, IP_RECVTTL, IP_RECVTOS,
   SO_TIMESTAMPNS, SO_RXQ_OVFL), what a raw socket reads, the error queue,
   SO_ERROR, SIOCINQ-like counts and the capture file of lo -- and the two
   traces must be the same bytes.  The values themselves are the kernel's
   as the sockscripts of the udp, raw and pcap chapters check them.
   On lo the scenario also runs without its raw socket: the plain sends
   then take the UDP chapter's shorter way to the socket's queue
   (udp_loop_rcv, which a raw socket on the host turns off), and a second
   receiver without receive options checks the fields it writes when
   IP_PKTINFO is off (turning it on before the read, which then reports
   interface 0 and 0.0.0.0). */
#include "sr_data_test.h"
#include <netinet/udp.h>
#include <stdbool.h>
#include <sys/ioctl.h>

typedef struct {
  uint8_t *b;
  size_t n, cap;
} trace;

static void put(trace *t, const void *p, size_t n)
{
  if (t->n + n > t->cap) {
    t->cap = (t->n + n) * 2;
    t->b = realloc(t->b, t->cap);
    ck_assert_ptr_nonnull(t->b);
  }
  memcpy(t->b + t->n, p, n);
  t->n += n;
}
static void put_int(trace *t, long v) { put(t, &v, sizeof v); }

/* One datagram of n bytes to a:port, plainly or in a single segment. */
static ssize_t send_one(int fd, bool plain, const char *a, int port, size_t n)
{
  static char data[2000];
  char cb[CMSG_SPACE(2)] __attribute__((aligned(8)));
  struct sockaddr_in d = sr_test_sin(a, port);
  struct iovec iv = {data, n};
  struct msghdr m;
  uint16_t gs = 1400;
  memset(data, (int) ('a' + n % 26), n);
  if (plain) return sr_sendto(fd, data, n, 0, (struct sockaddr *) &d, sizeof d);
  cmsg_one(cb, SOL_UDP, UDP_SEGMENT, &gs, 2);
  msg_to(&m, &d, &iv, cb, sizeof cb);
  return sr_sendmsg(fd, &m, 0);
}

/* Every message on fd, with its control messages, into the trace; the
   number read. */
static int read_all(trace *t, int fd, int flags)
{
  int n = 0;
  for (;;) {
    char data[2100], ctl[512] __attribute__((aligned(8)));
    struct sockaddr_in from;
    struct iovec iv = {data, sizeof data};
    struct msghdr m;
    ssize_t r;
    memset(&m, 0, sizeof m);
    memset(&from, 0, sizeof from);
    memset(ctl, 0, sizeof ctl);
    m.msg_name = &from;
    m.msg_namelen = sizeof from;
    m.msg_iov = &iv;
    m.msg_iovlen = 1;
    m.msg_control = ctl;
    m.msg_controllen = sizeof ctl;
    r = sr_recvmsg(fd, &m, flags | MSG_DONTWAIT);
    put_int(t, r);
    if (r < 0) { put_int(t, errno); return n; }
    put_int(t, m.msg_flags);
    put_int(t, m.msg_namelen);
    put(t, &from, sizeof from);
    put(t, data, (size_t) r);
    put_int(t, (long) m.msg_controllen);
    put(t, ctl, m.msg_controllen);
    n++;
  }
}

static void put_file(trace *t, const char *path)
{
  FILE *f = fopen(path, "rb");
  char b[4096];
  size_t k;
  ck_assert_ptr_nonnull(f);
  while ((k = fread(b, 1, sizeof b, f)) > 0) put(t, b, k);
  fclose(f);
}

/* The hosts of a scenario: the receiver's (host 1, on the LAN of host 0's
   eth0, when the datagrams cross it) and the sender's (host 0). */
typedef struct {
  bool lan;
  pid_t pid[2];
  const char *rx_addr, *tx_addr;
  int rx_host, rx_if; /* the interface the datagrams arrive on */
} hosts;

static void make_hosts(hosts *w, bool lan)
{
  int h, ifx;
  w->lan = lan;
  w->pid[0] = w->pid[1] = sr_getpid();
  w->rx_addr = lan ? "10.0.0.2" : "127.0.0.1";
  w->tx_addr = lan ? "10.0.0.1" : "127.0.0.2";
  w->rx_host = 0;
  w->rx_if = 1;
  if (!lan) return;
  h = sr_host_new("peer");
  ck_assert_int_ge(h, 0);
  ifx = sr_if_add(h, "eth0", 1500);
  ck_assert_int_ge(ifx, 0);
  ck_assert_int_eq(sr_addr_add(h, ifx, "10.0.0.2/24", "+"), 0);
  ck_assert_int_eq(sr_if_set_up(h, ifx, 1), 0);
  ck_assert_int_eq(sr_lan_attach(1, h, ifx), 0);
  w->pid[1] = sr_proc_new(h, 0);
  ck_assert_int_gt(w->pid[1], 0);
  w->rx_host = h;
  w->rx_if = ifx;
}

static void on(const hosts *w, int host) { ck_assert_int_eq(sr_proc_switch(w->pid[host]), 0); }

/* Receivers with every receive option, a raw socket, a small receive buffer
   that overflows, a sender with IP_TOS and IP_RECVERR whose datagrams to a
   closed port come back as errors, a connected sender, time passing between
   sends, and a capture of the receiver's interface (lo, or the receiving
   host's eth0, which records the arrivals and the errors sent back). */
static void scenario(bool plain, bool lan, bool with_raw, trace *t)
{
  static const int rx_opts[][2] = { {IPPROTO_IP, IP_PKTINFO}, {IPPROTO_IP, IP_RECVTTL},
    {IPPROTO_IP, IP_RECVTOS}, {SOL_SOCKET, SO_TIMESTAMPNS}, {SOL_SOCKET, SO_RXQ_OVFL} };
  char path[64];
  int cap, r, r2, raw = -1, s, c, v;
  int counts[4];
  hosts w;
  struct sockaddr_in peer;
  sr_reset();
  make_hosts(&w, lan);
  peer = sr_test_sin(w.rx_addr, 5000);
  snprintf(path, sizeof path, "/tmp/sr_test_%d_%d_%d.pcap", (int) getpid(), plain, lan);
  cap = sr_pcap_open(path, w.rx_host, w.rx_if);
  ck_assert_int_ge(cap, 0);
  on(&w, 1);
  r = udp_bound(w.rx_addr, 5000);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, 2304), 0);
  for (size_t k = 0; k < sizeof rx_opts / sizeof rx_opts[0]; k++)
    ck_assert_int_eq(seti(r, rx_opts[k][0], rx_opts[k][1], 1), 0);
  r2 = udp_bound(w.rx_addr, 5002);
  if (with_raw) {
    raw = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
    ck_assert_int_ge(raw, 0);
    ck_assert_int_eq(seti(raw, SOL_SOCKET, SO_RCVBUF, 1 << 20), 0);
  }
  on(&w, 0);
  s = udp_bound(w.tx_addr, 6000);
  ck_assert_int_eq(seti(s, IPPROTO_IP, IP_TOS, 0x10), 0);
  ck_assert_int_eq(seti(s, IPPROTO_IP, IP_RECVERR, 1), 0);
  c = udp();
  ck_assert_int_eq(sr_connect(c, (struct sockaddr *) &peer, sizeof peer), 0);
  for (int i = 0; i < 12; i++) {
    sr_advance_ns(1000 + 7 * (uint64_t) i);
    put_int(t, send_one(s, plain, w.rx_addr, 5000, 60 + 90 * (size_t) i));
    put_int(t, send_one(s, plain, w.rx_addr, 5002, 3 + (size_t) i));
    put_int(t, send_one(s, plain, w.rx_addr, 5001, 10));
    put_int(t, send_one(c, plain, w.rx_addr, 5000, 1 + (size_t) i));
    on(&w, 1);
    put_int(t, sr_ioctl(r, FIONREAD, &v) == 0 ? v : -errno);
    on(&w, 0);
  }
  on(&w, 1);
  counts[0] = read_all(t, r, 0);
  counts[1] = with_raw ? read_all(t, raw, 0) : 0;
  ck_assert_int_eq(seti(r2, IPPROTO_IP, IP_PKTINFO, 1), 0); /* too late: 0, 0.0.0.0 */
  counts[3] = read_all(t, r2, 0);
  on(&w, 0);
  counts[2] = read_all(t, s, MSG_ERRQUEUE);
  put_int(t, geti(s, SOL_SOCKET, SO_ERROR));
  put_int(t, geti(c, SOL_SOCKET, SO_ERROR));
  ck_assert_int_eq(sr_pcap_close(cap), 0);
  put_file(t, path);
  unlink(path);
  /* the scenario does what it is meant to: some datagrams are dropped;
     the closed port answers, and the error it leaves on s refuses s's next
     send to 5000 (11 of them), so the raw socket sees 25 datagrams (over
     the LAN, the closed port's host limits its errors to the sender, as
     Linux's |icmpv4_xrlim_allow| does but not for lo, and fewer sends are
     refused), with the 12 datagrams to the second receiver */
  ck_assert_int_gt(counts[0], 0);
  ck_assert_int_lt(counts[0], 13);
  if (!with_raw) ck_assert_int_eq(counts[1], 0);
  else if (lan) ck_assert_int_gt(counts[1], 37);
  else ck_assert_int_eq(counts[1], 37);
  ck_assert_int_gt(counts[2], 0);
  ck_assert_int_eq(counts[3], 12);
}

/* The two runs of a scenario write the same trace. */
static void same_either_way(bool lan, bool with_raw)
{
  trace a = {NULL, 0, 0}, b = {NULL, 0, 0};
  scenario(true, lan, with_raw, &a);
  scenario(false, lan, with_raw, &b);
  ck_assert_uint_eq(a.n, b.n);
  ck_assert_int_eq(memcmp(a.b, b.b, a.n), 0);
  free(a.b);
  free(b.b);
}

START_TEST(short_cut_changes_nothing_observable)
{
  CLAUSES("socket.7:call:sendto", "socket.7:call:recvmsg", "socket.7:SO_RXQ_OVFL",
    "ip.7:IP_PKTINFO:5", "ip.7:IP_RECVERR:2");
  same_either_way(false, true);
}
END_TEST

/* The same on lo with no raw socket on the host, so that the plain sends
   take udp_loop_rcv (web/udp.w) and the others the general path. */
START_TEST(loop_rcv_changes_nothing_observable)
{
  CLAUSES("socket.7:call:sendto", "socket.7:call:recvmsg", "socket.7:SO_RXQ_OVFL",
    "ip.7:IP_PKTINFO:5", "ip.7:IP_RECVERR:2");
  same_either_way(false, false);
}
END_TEST

/* The same across a perfect LAN to another host (web/link.w, "The short
   cut across a LAN"). */
START_TEST(lan_short_cut_changes_nothing_observable)
{
  CLAUSES("socket.7:call:sendto", "socket.7:call:recvmsg", "socket.7:SO_RXQ_OVFL",
    "ip.7:IP_PKTINFO:5", "ip.7:IP_RECVERR:2");
  same_either_way(true, true);
}
END_TEST

Suite *suite_shortcut(void)
{
  Suite *s = suite_create("shortcut");
  TCase *tc = sr_tcase(s, "loopback");
  tcase_add_test(tc, short_cut_changes_nothing_observable);
  tcase_add_test(tc, loop_rcv_changes_nothing_observable);
  tcase_add_test(tc, lan_short_cut_changes_nothing_observable);
  return s;
}
