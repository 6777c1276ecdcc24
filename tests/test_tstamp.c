/* test_tstamp.c -- SO_TIMESTAMPING (web/udp.w "Time stamps", "Time stamps of
   sending"; web/solsocket.w): receive stamps in virtual time, and send
   stamps on the error queue over loopback and a LAN.  Every expected value
   was measured on Linux 6.18 (probes /tmp/ts/m.c, v.c, v2.c, v3.c, sg.c, sio.c of the
   session of 2026-11-21): lo up in a fresh namespace; a veth pair with a
   static neighbour for the fragment and unresolved cases; a veth pair to
   a second namespace whose address appears 1.5 s after the send for the
   late neighbour. */
#include "sr_data_test.h"
#include <linux/errqueue.h>
#include <fcntl.h>
#include <signal.h>

#define TS_RX_SW_REPORT 0x18   /* RX_SOFTWARE | SOFTWARE */
#define TS_TX_SW_REPORT 0x12   /* TX_SOFTWARE | SOFTWARE */
#define TS_TX_BOTH_ID 0x192    /* TX_SCHED | OPT_ID | TX_SOFTWARE | SOFTWARE */

static uint64_t ns_of(const struct timespec *t)
{
  return (uint64_t) t->tv_sec * 1000000000u + (uint64_t) t->tv_nsec;
}

/* the entry r holds: its SCM_TIMESTAMPING time and its extended error */
static void entry_of(struct rx *r, uint64_t *when, struct sock_extended_err *ee)
{
  struct cmsghdr *c[8];
  int n = cmsgs(&r->m, c, 8);
  struct timespec ts[3];
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(c[0]->cmsg_level, SOL_SOCKET);
  ck_assert_int_eq(c[0]->cmsg_type, SO_TIMESTAMPING);
  ck_assert_int_eq(c[0]->cmsg_len, CMSG_LEN(sizeof ts));
  memcpy(ts, CMSG_DATA(c[0]), sizeof ts);
  ck_assert_int_eq(ts[1].tv_sec | ts[1].tv_nsec | ts[2].tv_sec | ts[2].tv_nsec, 0);
  *when = ns_of(&ts[0]);
  ck_assert_int_eq(c[1]->cmsg_type, IP_RECVERR);
  memcpy(ee, CMSG_DATA(c[1]), sizeof *ee);
  ck_assert_uint_eq(ee->ee_errno, ENOMSG);
  ck_assert_uint_eq(ee->ee_origin, SO_EE_ORIGIN_TIMESTAMPING);
  ck_assert_int_eq(r->m.msg_flags, MSG_ERRQUEUE);
  ck_assert_int_eq(r->m.msg_namelen, 0);
}

START_TEST(receive_stamps_are_the_arrival_time)
{
  CLAUSES("socket.7:SO_TIMESTAMPING", "socket.7:SO_TIMESTAMPNS:2");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  struct rx m;
  struct cmsghdr *c[4];
  struct timespec ns, ts[3];
  uint64_t sent;
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_TIMESTAMPING, TS_RX_SW_REPORT), 0);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_TIMESTAMPNS, 1), 0);
  sr_advance_ns(1500000000);
  sent = sr_now_ns();
  ck_assert_int_eq(send_to(s, "x", 1, "127.0.0.1", 5000), 1);
  sr_advance_ns(250000000);
  ck_assert_int_eq(rx_msg(r, &m, 16, 512, 0), 1);
  ck_assert_int_eq(cmsgs(&m.m, c, 4), 2);
  ck_assert_int_eq(c[0]->cmsg_type, SO_TIMESTAMPNS);
  ck_assert_int_eq(c[1]->cmsg_type, SO_TIMESTAMPING);
  ck_assert_int_eq(c[1]->cmsg_len, 64);
  memcpy(&ns, CMSG_DATA(c[0]), sizeof ns);
  memcpy(ts, CMSG_DATA(c[1]), sizeof ts);
  ck_assert_uint_eq(ns_of(&ns), sent);
  ck_assert_uint_eq(ns_of(&ts[0]), sent);
  /* SO_TIMESTAMPNS asked for arrival times for the socket's life: once it
     is closed, SOFTWARE alone reports nothing; once another socket asks
     with RX_SOFTWARE, it reports the stamps */
  ck_assert_int_eq(sr_close(r), 0);
  r = udp_bound("127.0.0.1", 5001);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_TIMESTAMPING, 0x10), 0);
  ck_assert_int_eq(send_to(s, "y", 1, "127.0.0.1", 5001), 1);
  ck_assert_int_eq(rx_msg(r, &m, 16, 512, 0), 1);
  ck_assert_int_eq(m.m.msg_controllen, 0);
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_TIMESTAMPING, 0x8), 0);
  ck_assert_int_eq(send_to(s, "z", 1, "127.0.0.1", 5001), 1);
  ck_assert_int_eq(rx_msg(r, &m, 16, 512, 0), 1);
  ck_assert_int_eq(m.m.msg_controllen, 64);
  /* and clearing RX_SOFTWARE withdraws the ask */
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_TIMESTAMPING, 0), 0);
  ck_assert_int_eq(send_to(s, "w", 1, "127.0.0.1", 5001), 1);
  ck_assert_int_eq(rx_msg(r, &m, 16, 512, 0), 1);
  ck_assert_int_eq(m.m.msg_controllen, 0);
}
END_TEST

/* s sends a byte to b (port 5000 of 127.0.0.1) at *sent; 400 ms later b
   reads it, 300 ms after that SIOCGSTAMP on b answers: in nanoseconds. */
static uint64_t stamp_after_read(int s, int b, uint64_t *sent)
{
  struct timeval tv;
  char c;
  *sent = sr_now_ns();
  ck_assert_int_eq(send_to(s, "x", 1, "127.0.0.1", 5000), 1);
  sr_advance_ns(400000000);
  ck_assert_int_eq(sr_recv(b, &c, 1, 0), 1);
  sr_advance_ns(300000000);
  ck_assert_int_eq(sr_ioctl(b, SIOCGSTAMP, &tv), 0);
  return (uint64_t) tv.tv_sec * 1000000000u + (uint64_t) tv.tv_usec * 1000u;
}

START_TEST(siocgstamp_after_the_short_way)
{
  CLAUSES("socket.7:ioctl:SIOCGSTAMP", "socket.7:SO_TIMESTAMPING");
  int a = udp(), b = udp_bound("127.0.0.1", 5000), s = udp();
  uint64_t t0, stamp;
  /* another socket asks for arrival times; b wants no message: its first
     read leaves "no time", and SIOCGSTAMP answers with its own time */
  ck_assert_int_eq(seti(a, SOL_SOCKET, SO_TIMESTAMP, 1), 0);
  stamp = stamp_after_read(s, b, &t0);
  ck_assert_uint_eq(stamp, t0 + 700000000u);
  /* having called SIOCGSTAMP, with RX_SOFTWARE alone: the arrival time */
  ck_assert_int_eq(seti(b, SOL_SOCKET, SO_TIMESTAMPING, 0x8), 0);
  stamp = stamp_after_read(s, b, &t0);
  ck_assert_uint_eq(stamp, t0);
}
END_TEST

START_TEST(send_stamps_on_loopback)
{
  CLAUSES("socket.7:SO_TIMESTAMPING", "ip.7:IP_RECVERR:3");
  int r = udp_bound("127.0.0.1", 5000), s = udp_bound("127.0.0.1", 6000);
  struct rx m;
  struct sock_extended_err ee;
  uint64_t sent, when;
  struct pollfd p = {s, POLLIN | POLLOUT, 0};
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_TIMESTAMPING, TS_TX_BOTH_ID), 0);
  sr_advance_ns(700000000);
  sent = sr_now_ns();
  ck_assert_int_eq(send_to(s, "hello", 5, "127.0.0.1", 5000), 5);
  ck_assert_int_eq(sr_poll(&p, 1, 0), 1);
  ck_assert_int_eq(p.revents, POLLOUT | POLLERR);
  ck_assert_int_eq(geti(s, SOL_SOCKET, SO_ERROR), 0);
  sr_advance_ns(100000000);
  for (int k = 0; k < 2; k++) {
    ck_assert_int_eq(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), 47);
    entry_of(&m, &when, &ee);
    ck_assert_uint_eq(when, sent);
    ck_assert_uint_eq(ee.ee_info, k == 0 ? SCM_TSTAMP_SCHED : SCM_TSTAMP_SND);
    ck_assert_uint_eq(ee.ee_data, 0);
    ck_assert_int_eq(m.data[12], 0x08);
    ck_assert_int_eq(m.data[14], 0x45);
    ck_assert_mem_eq(m.data + 42, "hello", 5);
  }
  ck_fails(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), EAGAIN);
  ck_assert_int_eq(sr_recv(r, m.data, 16, 0), 5);
  /* the next datagram is number 1 */
  ck_assert_int_eq(send_to(s, "again", 5, "127.0.0.1", 5000), 5);
  ck_assert_int_eq(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), 47);
  entry_of(&m, &when, &ee);
  ck_assert_uint_eq(ee.ee_data, 1);
}
END_TEST

START_TEST(stamps_signal_an_async_owner)
{
  CLAUSES("socket.7:SO_TIMESTAMPING", "socket.7:ioctl:FIOASYNC:2");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  char b[100];
  (void) r;
  ck_assert_int_eq(sr_fcntl(s, F_SETOWN, sr_getpid()), 0);
  ck_assert_int_eq(sr_fcntl(s, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(send_to(s, "x", 1, "127.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 0);
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_TIMESTAMPING, TS_TX_SW_REPORT), 0);
  ck_assert_int_eq(send_to(s, "x", 1, "127.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 1);
  /* two entries made in one call: one delivery, the signal being pending */
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_TIMESTAMPING, 0x112), 0);
  ck_assert_int_eq(send_to(s, "x", 1, "127.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_signal_count(SIGIO), 2);
  /* reading one while others wait tells the owner again */
  ck_assert_int_eq(sr_recv(s, b, sizeof b, MSG_ERRQUEUE), 43);
  ck_assert_int_eq(sr_signal_count(SIGIO), 3);
}
END_TEST

static int peer;
static void two_hosts(void)
{
  sr_reset();
  peer = peer_host(0);
}

START_TEST(only_the_first_fragment_is_stamped)
{
  CLAUSES("socket.7:SO_TIMESTAMPING");
  int s = udp();
  static char big[3000];
  struct rx m;
  struct sock_extended_err ee;
  uint64_t when;
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_TIMESTAMPING, TS_TX_BOTH_ID), 0);
  ck_assert_int_eq(send_to(s, big, sizeof big, "10.0.0.2", 7000), 3000);
  for (int k = 0; k < 2; k++) {
    memset(&m, 0, sizeof m);
    static char frame[2000];
    m.v.iov_base = frame;
    m.v.iov_len = sizeof frame;
    m.m.msg_iov = &m.v;
    m.m.msg_iovlen = 1;
    m.m.msg_control = m.ctl;
    m.m.msg_controllen = sizeof m.ctl;
    ck_assert_int_eq(sr_recvmsg(s, &m.m, MSG_ERRQUEUE), 1514);
    entry_of(&m, &when, &ee);
    ck_assert_uint_eq(ee.ee_info, k == 0 ? SCM_TSTAMP_SCHED : SCM_TSTAMP_SND);
    ck_assert_int_eq(frame[12], 0x08);
    ck_assert_int_eq((uint8_t) frame[16] << 8 | (uint8_t) frame[17], 1500);
    ck_assert_int_eq((uint8_t) frame[20] << 8 | (uint8_t) frame[21], 0x2000); /* MF, offset 0 */
  }
  ck_fails(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), EAGAIN);
}
END_TEST

START_TEST(stamps_wait_for_the_neighbour)
{
  CLAUSES("socket.7:SO_TIMESTAMPING");
  int s = udp(), late = sr_host_new("late"), e = sr_if_add(late, "eth0", 1500);
  struct rx m;
  struct sock_extended_err ee;
  uint64_t sent, when;
  ck_assert_int_eq(sr_if_set_up(late, e, 1), 0);
  ck_assert_int_eq(sr_lan_attach(1, late, e), 0);
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_TIMESTAMPING, 0x112), 0);
  sent = sr_now_ns();
  ck_assert_int_eq(send_to(s, "x", 1, "10.0.0.9", 7000), 1);
  ck_fails(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), EAGAIN);
  sr_advance_ns(1500000000);
  ck_assert_int_eq(sr_addr_add(late, e, "10.0.0.9/24", "+"), 0);
  ck_fails(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), EAGAIN);
  sr_advance_ns(1000000000);
  for (int k = 0; k < 2; k++) {
    ck_assert_int_eq(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), 43);
    entry_of(&m, &when, &ee);
    ck_assert_uint_eq(ee.ee_info, k == 0 ? SCM_TSTAMP_SCHED : SCM_TSTAMP_SND);
    ck_assert_uint_eq(when, sent + 2000000000u); /* the answer to the probe at 2 s */
  }
  /* a neighbour that never answers: the frame never leaves, no stamp; and a
     socket closed while its frame waits gets none either */
  ck_assert_int_eq(send_to(s, "y", 1, "10.0.0.77", 7000), 1);
  {
    int t = udp();
    ck_assert_int_eq(seti(t, SOL_SOCKET, SO_TIMESTAMPING, 0x112), 0);
    ck_assert_int_eq(send_to(t, "z", 1, "10.0.0.77", 7000), 1);
    ck_assert_int_eq(sr_close(t), 0);
  }
  sr_advance_ns(4000000000u);
  ck_fails(rx_msg(s, &m, 100, 512, MSG_ERRQUEUE), EAGAIN);
}
END_TEST

Suite *suite_tstamp(void)
{
  Suite *s = suite_create("tstamp");
  TCase *tc = sr_tcase(s, "loopback");
  tcase_add_test(tc, receive_stamps_are_the_arrival_time);
  tcase_add_test(tc, siocgstamp_after_the_short_way);
  tcase_add_test(tc, send_stamps_on_loopback);
  tcase_add_test(tc, stamps_signal_an_async_owner);
  tc = tcase_create("lan");
  tcase_add_checked_fixture(tc, two_hosts, NULL);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, only_the_first_fragment_is_stamped);
  tcase_add_test(tc, stamps_wait_for_the_neighbour);
  return s;
}
