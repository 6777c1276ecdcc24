/* test_beyond.c -- the options beyond the pages (web/beyond.w, rows
   linux:NAME of spec/options.tsv) against values measured on Linux 6.18
   in a fresh network namespace (unshare -n, lo up, eth0 a veth). */
#include "sr_data_test.h"
#include <netinet/udp.h>
#include <linux/sock_diag.h>
#include <linux/net_tstamp.h>
#include <time.h>
#include <linux/filter.h>

#ifndef IP_LOCAL_PORT_RANGE
#define IP_LOCAL_PORT_RANGE 51
#endif
#define SOL_UDPLITE_ 136
#ifndef IP_PROTOCOL
#define IP_PROTOCOL 52
#endif

static int getlen(int fd, int level, int name, void *buf, socklen_t len, socklen_t *out)
{
  int r = sr_getsockopt(fd, level, name, buf, &len);
  *out = len;
  return r;
}

/* ---- the level SOL_UDP ---- */
START_TEST(udp_level_rules)
{
  CLAUSES("linux:UDP_CORK", "linux:UDP_SEGMENT");
  int u = udp(), t = sr_socket(AF_INET, SOCK_STREAM, 0), r = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
  int v = 1;
  unsigned char b[8];
  socklen_t len;
  ck_fails(sr_setsockopt(u, SOL_UDP, UDP_CORK, &v, 3), EINVAL);
  ck_fails(sr_setsockopt(u, SOL_UDP, 999, &v, 3), EINVAL);
  ck_fails(sr_setsockopt(u, SOL_UDP, 999, NULL, 4), EFAULT);
  ck_fails(sr_setsockopt(u, SOL_UDP, 999, &v, 4), ENOPROTOOPT);
  ck_fails(sr_setsockopt(u, SOL_UDP, UDP_CORK, NULL, 4), EFAULT);
  v = 7;
  ck_assert_int_eq(sr_setsockopt(u, SOL_UDP, UDP_CORK, &v, 4), 0);
  ck_assert_int_eq(geti(u, SOL_UDP, UDP_CORK), 1);
  memset(b, 0xaa, sizeof b);
  ck_assert_int_eq(getlen(u, SOL_UDP, UDP_CORK, b, 8, &len), 0);
  ck_assert_int_eq(len, 4);
  ck_assert_int_eq(b[4], 0xaa);
  ck_assert_int_eq(getlen(u, SOL_UDP, UDP_CORK, b, 2, &len), 0);
  ck_assert_int_eq(len, 2);
  ck_assert_int_eq(getlen(u, SOL_UDP, UDP_CORK, b, 0, &len), 0);
  ck_assert_int_eq(len, 0);
  len = 5;
  ck_fails(sr_getsockopt(u, SOL_UDP, UDP_CORK, NULL, &len), EFAULT);
  ck_assert_int_eq(len, 4); /* the length is written first */
  len = (socklen_t) -1;
  ck_fails(sr_getsockopt(u, SOL_UDP, 999, b, &len), EINVAL);
  len = 4;
  ck_fails(sr_getsockopt(u, SOL_UDP, 999, b, &len), ENOPROTOOPT);
  v = 0;
  ck_assert_int_eq(sr_setsockopt(u, SOL_UDPLITE_, UDP_CORK, &v, 4), 0);
  ck_assert_int_eq(geti(u, SOL_UDP, UDP_CORK), 0);
  v = 1;
  for (int fd = t; fd <= r; fd += r - t) {
    len = 4;
    ck_fails(sr_setsockopt(fd, SOL_UDP, UDP_CORK, &v, 4), ENOPROTOOPT);
    ck_fails(sr_getsockopt(fd, SOL_UDP, UDP_CORK, b, &len), EOPNOTSUPP);
  }
}
END_TEST

START_TEST(udp_cork_corks)
{
  CLAUSES("linux:UDP_CORK");
  int rx = udp_bound("127.0.0.1", 5000), tx = udp();
  char buf[16];
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_CORK, 1), 0);
  ck_assert_int_eq(send_to(tx, "ab", 2, "127.0.0.1", 5000), 2);
  ck_assert_int_eq(send_to(tx, "cd", 2, "127.0.0.1", 5000), 2);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_CORK, 0), 0);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 4);
  ck_assert_int_eq(memcmp(buf, "abcd", 4), 0);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_CORK, 0), 0);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
}
END_TEST

START_TEST(udp_segment_on_socket)
{
  CLAUSES("linux:UDP_SEGMENT");
  int rx = udp_bound("127.0.0.1", 5000), tx = udp();
  char data[250], buf[256];
  memset(data, 'a', sizeof data);
  ck_fails(seti(tx, SOL_UDP, UDP_SEGMENT, -1), EINVAL);
  ck_fails(seti(tx, SOL_UDP, UDP_SEGMENT, 65536), EINVAL);
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_SEGMENT, 65535), 0);
  ck_assert_int_eq(geti(tx, SOL_UDP, UDP_SEGMENT), 65535);
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_SEGMENT, 100), 0);
  ck_assert_int_eq(send_to(tx, data, sizeof data, "127.0.0.1", 5000), 250);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 100);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 100);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 50);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_SEGMENT, 0), 0);
  ck_assert_int_eq(send_to(tx, data, sizeof data, "127.0.0.1", 5000), 250);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 250);
}
END_TEST

START_TEST(udp_encap_and_flags)
{
  CLAUSES("linux:UDP_ENCAP", "linux:UDP_GRO", "linux:UDP_NO_CHECK6_TX", "linux:UDP_NO_CHECK6_RX");
  int u = udp();
  static const int ok[] = {0, 2, 3}, bad[] = {1, 4, 5};
  for (int i = 0; i < 3; i++) {
    ck_assert_int_eq(seti(u, SOL_UDP, UDP_ENCAP, ok[i]), 0);
    ck_assert_int_eq(geti(u, SOL_UDP, UDP_ENCAP), ok[i]);
  }
  for (int i = 0; i < 3; i++) ck_fails(seti(u, SOL_UDP, UDP_ENCAP, bad[i]), ENOPROTOOPT);
  ck_assert_int_eq(geti(u, SOL_UDP, UDP_ENCAP), 3);
  ck_assert_int_eq(seti(u, SOL_UDP, UDP_GRO, 5), 0);
  ck_assert_int_eq(geti(u, SOL_UDP, UDP_GRO), 1);
  ck_assert_int_eq(seti(u, SOL_UDP, UDP_NO_CHECK6_TX, 5), 0);
  ck_assert_int_eq(geti(u, SOL_UDP, UDP_NO_CHECK6_TX), 1);
  ck_assert_int_eq(seti(u, SOL_UDP, UDP_NO_CHECK6_RX, 5), 0);
  ck_assert_int_eq(geti(u, SOL_UDP, UDP_NO_CHECK6_RX), 1);
}
END_TEST

START_TEST(udp_encap_espinudp_takes_esp)
{
  CLAUSES("linux:UDP_ENCAP");
  int rx = udp_bound("127.0.0.1", 4500), tx = udp();
  char buf[64];
  ck_assert_int_eq(seti(rx, SOL_UDP, UDP_ENCAP, UDP_ENCAP_L2TPINUDP), 0);
  ck_assert_int_eq(send_to(tx, "ESP-ish-data-1234567", 20, "127.0.0.1", 4500), 20);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 20);
  ck_assert_int_eq(seti(rx, SOL_UDP, UDP_ENCAP, UDP_ENCAP_ESPINUDP), 0);
  ck_assert_int_eq(send_to(tx, "\xff", 1, "127.0.0.1", 4500), 1);
  ck_assert_int_eq(send_to(tx, "12345678", 8, "127.0.0.1", 4500), 8);
  ck_assert_int_eq(send_to(tx, "ESP-ish-data-1234567", 20, "127.0.0.1", 4500), 20);
  ck_assert_int_eq(send_to(tx, "\0\0\0\0ike-payload", 15, "127.0.0.1", 4500), 15);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 8);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 15);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(rx, SOL_UDP, UDP_ENCAP, UDP_ENCAP_L2TPINUDP), 0);
  ck_assert_int_eq(send_to(tx, "ESP-ish-data-1234567", 20, "127.0.0.1", 4500), 20);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(rx, SOL_UDP, UDP_ENCAP, 0), 0);
  ck_assert_int_eq(send_to(tx, "ESP-ish-data-1234567", 20, "127.0.0.1", 4500), 20);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 20);
}
END_TEST

/* ---- IPPROTO_IP ---- */
START_TEST(minttl_rules_and_udp)
{
  CLAUSES("linux:IP_MINTTL");
  int rx = udp_bound("127.0.0.1", 5000), tx = udp();
  unsigned char byte = 0xff;
  char c;
  ck_assert_int_eq(geti(rx, IPPROTO_IP, IP_MINTTL), 0);
  ck_fails(seti(rx, IPPROTO_IP, IP_MINTTL, 300), EINVAL);
  ck_fails(seti(rx, IPPROTO_IP, IP_MINTTL, -1), EINVAL);
  ck_fails(sr_setsockopt(rx, IPPROTO_IP, IP_MINTTL, &byte, 0), EINVAL);
  ck_assert_int_eq(sr_setsockopt(rx, IPPROTO_IP, IP_MINTTL, &byte, 1), 0);
  ck_assert_int_eq(geti(rx, IPPROTO_IP, IP_MINTTL), 255);
  ck_assert_int_eq(seti(rx, IPPROTO_IP, IP_MINTTL, 100), 0);
  /* UDP does not apply it: a datagram of TTL 64 arrives */
  ck_assert_int_eq(send_to(tx, "x", 1, "127.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_recv(rx, &c, 1, MSG_DONTWAIT), 1);
}
END_TEST

START_TEST(unicast_if_rules_and_route)
{
  CLAUSES("linux:IP_UNICAST_IF");
  int rx = udp_bound("0.0.0.0", 5000), tx = udp();
  int v = (int) htonl(2);
  unsigned char b[4];
  socklen_t len;
  char buf[16];
  ck_fails(sr_setsockopt(tx, IPPROTO_IP, IP_UNICAST_IF, &v, 3), EINVAL);
  ck_fails(sr_setsockopt(tx, IPPROTO_IP, IP_UNICAST_IF, &v, 8), EINVAL);
  ck_fails(sr_setsockopt(tx, IPPROTO_IP, IP_UNICAST_IF, NULL, 4), EFAULT);
  ck_fails(seti(tx, IPPROTO_IP, IP_UNICAST_IF, 2), EADDRNOTAVAIL); /* host order */
  ck_fails(seti(tx, IPPROTO_IP, IP_UNICAST_IF, (int) htonl(99)), EADDRNOTAVAIL);
  ck_assert_int_eq(sr_setsockopt(tx, IPPROTO_IP, IP_UNICAST_IF, &v, 4), 0);
  ck_assert_int_eq(geti(tx, IPPROTO_IP, IP_UNICAST_IF), (int) htonl(2));
  ck_assert_int_eq(getlen(tx, IPPROTO_IP, IP_UNICAST_IF, b, 1, &len), 0);
  ck_assert_int_eq(len, 1);
  ck_assert_int_eq(b[0], 0);
  /* by eth0, 127.0.0.1 is not reached; the host's own 10.0.0.1 is */
  ck_assert_int_eq(send_to(tx, "via eth0", 8, "127.0.0.1", 5000), 8);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(send_to(tx, "local", 5, "10.0.0.1", 5000), 5);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 5);
  ck_assert_int_eq(seti(tx, IPPROTO_IP, IP_UNICAST_IF, 0), 0);
  ck_assert_int_eq(send_to(tx, "via lo", 6, "127.0.0.1", 5000), 6);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 6);
  /* a socket bound to a device refuses every index but 0 */
  ck_assert_int_eq(sr_setsockopt(tx, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), 0);
  ck_fails(seti(tx, IPPROTO_IP, IP_UNICAST_IF, (int) htonl(1)), EINVAL);
  ck_fails(seti(tx, IPPROTO_IP, IP_UNICAST_IF, (int) htonl(2)), EINVAL);
  ck_assert_int_eq(seti(tx, IPPROTO_IP, IP_UNICAST_IF, 0), 0);
}
END_TEST

static int bind_any(int fd, int port)
{
  struct sockaddr_in a = sr_test_sin("0.0.0.0", port);
  return sr_bind(fd, (struct sockaddr *) &a, sizeof a);
}
START_TEST(local_port_range_rules_and_search)
{
  CLAUSES("linux:IP_LOCAL_PORT_RANGE", "ip.7:proc:ip_local_port_range");
  int u = udp(), t = sr_socket(AF_INET, SOCK_STREAM, 0);
  int v = (int) (40000u | (40010u << 16));
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE), 0);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, &v, 3), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, &v, 8), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, NULL, 4), EFAULT);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, NULL, 0), EINVAL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, &v, 4), 0);
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE), v);
  ck_fails(seti(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, (int) (40010u | (40000u << 16))), EINVAL);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, 40010), 0);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, (int) (5u | (7u << 16))), 0);
  /* 40000..40002: UDP and TCP draw from it */
  v = (int) (40000u | (40002u << 16));
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_LOCAL_PORT_RANGE, v), 0);
  ck_assert_int_eq(seti(t, IPPROTO_IP, IP_LOCAL_PORT_RANGE, v), 0);
  ck_assert_int_eq(bind_any(u, 0), 0);
  ck_assert_int_ge(sr_test_port(u), 40000);
  ck_assert_int_le(sr_test_port(u), 40002);
  ck_assert_int_eq(bind_any(t, 0), 0);
  ck_assert_int_ge(sr_test_port(t), 40000);
  ck_assert_int_le(sr_test_port(t), 40002);
  /* 40000..40001: two binds, then none */
  v = (int) (40000u | (40001u << 16));
  int a = udp(), b = udp(), c = udp();
  seti(a, IPPROTO_IP, IP_LOCAL_PORT_RANGE, v);
  seti(b, IPPROTO_IP, IP_LOCAL_PORT_RANGE, v);
  seti(c, IPPROTO_IP, IP_LOCAL_PORT_RANGE, v);
  sr_close(u);
  ck_assert_int_eq(bind_any(a, 0), 0);
  ck_assert_int_eq(bind_any(b, 0), 0);
  ck_assert_int_eq(sr_test_port(a) + sr_test_port(b), 80001);
  ck_fails(bind_any(c, 0), EADDRINUSE);
  ck_fails(send_to(c, "x", 1, "127.0.0.1", 9), EAGAIN);
  /* a bound outside the host's range is ignored */
  int d = udp();
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_port_range", "50000 50001"), 0);
  ck_assert_int_eq(seti(d, IPPROTO_IP, IP_LOCAL_PORT_RANGE, (int) (61000u | (61005u << 16))), 0);
  ck_assert_int_eq(bind_any(d, 0), 0);
  ck_assert_int_ge(sr_test_port(d), 50000);
  ck_assert_int_le(sr_test_port(d), 50001);
}
END_TEST

START_TEST(protocol_and_receive_flags)
{
  CLAUSES("linux:IP_PROTOCOL", "linux:IP_CHECKSUM", "linux:IP_RECVFRAGSIZE", "linux:IP_RECVERR_RFC4884");
  int u = udp(), t = sr_socket(AF_INET, SOCK_STREAM, 0), r = sr_socket(AF_INET, SOCK_RAW, 253);
  unsigned char byte = 0xff, b[4];
  socklen_t len;
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_PROTOCOL), 0);
  ck_assert_int_eq(geti(r, IPPROTO_IP, IP_PROTOCOL), 253);
  ck_assert_int_eq(getlen(r, IPPROTO_IP, IP_PROTOCOL, b, 1, &len), 0);
  ck_assert_int_eq(len, 1);
  ck_assert_int_eq(b[0], 253);
  ck_assert_int_eq(bind_any(u, 5000), 0);
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_PROTOCOL), 5000);
  ck_fails(seti(u, IPPROTO_IP, IP_PROTOCOL, 5), ENOPROTOOPT);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_CHECKSUM, 2), 0);
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_CHECKSUM), 1);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, IP_CHECKSUM, &byte, 0), 0);
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_CHECKSUM), 0);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVFRAGSIZE, 2), 0);
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_RECVFRAGSIZE), 1);
  ck_fails(seti(t, IPPROTO_IP, IP_RECVFRAGSIZE, 0), EINVAL);
  ck_assert_int_eq(geti(t, IPPROTO_IP, IP_RECVFRAGSIZE), 0);
  ck_fails(seti(u, IPPROTO_IP, IP_RECVERR_RFC4884, 2), EINVAL);
  ck_fails(seti(u, IPPROTO_IP, IP_RECVERR_RFC4884, -1), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, IP_RECVERR_RFC4884, &byte, 1), EINVAL);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVERR_RFC4884, 1), 0);
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_RECVERR_RFC4884), 1);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, IP_RECVERR_RFC4884, &byte, 0), 0);
  ck_assert_int_eq(geti(u, IPPROTO_IP, IP_RECVERR_RFC4884), 0);
}
END_TEST

START_TEST(recvfragsize_reports_largest_fragment)
{
  CLAUSES("linux:IP_RECVFRAGSIZE");
  int rx = udp_bound("10.0.0.1", 5000), peer = peer_host(0), tx, fd;
  static char big[3000];
  struct rx r;
  struct cmsghdr *c[4];
  int size;
  ck_assert_int_eq(seti(rx, IPPROTO_IP, IP_RECVFRAGSIZE, 1), 0);
  pid_t p = sr_proc_new(peer, 0);
  ck_assert_int_eq(sr_proc_switch(p), 0);
  tx = udp();
  ck_assert_int_eq(send_to(tx, big, sizeof big, "10.0.0.1", 5000), 3000);
  ck_assert_int_eq(send_to(tx, "whole", 5, "10.0.0.1", 5000), 5);
  ck_assert_int_eq(sr_proc_switch(1000), 0);
  fd = rx;
  ck_assert_int_eq(rx_msg(fd, &r, sizeof r.data, 64, MSG_DONTWAIT), 100);
  ck_assert_int_eq(cmsgs(&r.m, c, 4), 1);
  ck_assert_int_eq(c[0]->cmsg_type, IP_RECVFRAGSIZE);
  memcpy(&size, CMSG_DATA(c[0]), sizeof size);
  ck_assert_int_eq(size, 1500);
  ck_assert_int_eq(rx_msg(fd, &r, sizeof r.data, 64, MSG_DONTWAIT), 5);
  ck_assert_int_eq(cmsgs(&r.m, c, 4), 0);
}
END_TEST

/* The mark a datagram reads with SO_RCVMARK: the sender's SO_MARK over lo,
   0 across a LAN (a veth pair between namespaces scrubs it), whether the
   frame crosses at once (the LAN short cut) or after a delay.  Measured:
   sender SO_MARK 5 -> 5 over lo, 0 across a veth pair. */
static unsigned mark_read(int fd)
{
  struct rx r;
  struct cmsghdr *c[4];
  unsigned mark;
  ck_assert_int_eq(rx_msg(fd, &r, sizeof r.data, 64, MSG_DONTWAIT), 1);
  ck_assert_int_eq(cmsgs(&r.m, c, 4), 1);
  ck_assert_int_eq(c[0]->cmsg_level, SOL_SOCKET);
  ck_assert_int_eq(c[0]->cmsg_type, SO_MARK);
  memcpy(&mark, CMSG_DATA(c[0]), sizeof mark);
  return mark;
}

static void rcvmark_across(uint64_t delay_ns)
{
  int rx = udp_bound("0.0.0.0", 5000), peer = peer_host(delay_ns), tx;
  pid_t home = sr_getpid(), there = sr_proc_new(peer, 0);
  ck_assert_int_eq(seti(rx, SOL_SOCKET, SO_RCVMARK, 1), 0);
  tx = udp();
  ck_assert_int_eq(seti(tx, SOL_SOCKET, SO_MARK, 5), 0);
  ck_assert_int_eq(send_to(tx, "l", 1, "127.0.0.1", 5000), 1);
  ck_assert_uint_eq(mark_read(rx), 5);
  ck_assert_int_eq(sr_proc_switch(there), 0);
  tx = udp();
  ck_assert_int_eq(seti(tx, SOL_SOCKET, SO_MARK, 5), 0);
  ck_assert_int_eq(send_to(tx, "w", 1, "10.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_proc_switch(home), 0);
  sr_advance_ns(delay_ns + 1);
  ck_assert_uint_eq(mark_read(rx), 0);
}

START_TEST(rcvmark_keeps_lo_mark_and_loses_it_across_a_lan)
{
  CLAUSES("linux:SO_RCVMARK", "socket.7:SO_MARK");
  rcvmark_across((uint64_t) _i * 1000000);
}
END_TEST

/* ---- RFC 3678 ---- */
static struct group_req greq(unsigned ifindex, const char *g, int family)
{
  struct group_req r;
  struct sockaddr_in s = sr_test_sin(g, 0);
  memset(&r, 0, sizeof r);
  s.sin_family = (sa_family_t) family;
  r.gr_interface = ifindex;
  memcpy(&r.gr_group, &s, sizeof s);
  return r;
}
static struct group_source_req gsreq(unsigned ifindex, const char *g, const char *src)
{
  struct group_source_req r;
  struct sockaddr_in a = sr_test_sin(g, 0), b = sr_test_sin(src, 0);
  memset(&r, 0, sizeof r);
  r.gsr_interface = ifindex;
  memcpy(&r.gsr_group, &a, sizeof a);
  memcpy(&r.gsr_source, &b, sizeof b);
  return r;
}
/* the filter of (g, ifindex): mode and the number of sources, or -errno */
static int filter_of(int fd, unsigned ifindex, const char *g, uint32_t *mode, uint32_t *first)
{
  unsigned char buf[GROUP_FILTER_SIZE(4)];
  struct group_filter f;
  struct sockaddr_in s = sr_test_sin(g, 0);
  socklen_t len = sizeof buf;
  memset(buf, 0, sizeof buf);
  memset(&f, 0, sizeof f);
  f.gf_interface = ifindex;
  memcpy(&f.gf_group, &s, sizeof s);
  f.gf_numsrc = 4;
  memcpy(buf, &f, GROUP_FILTER_SIZE(0));
  if (sr_getsockopt(fd, IPPROTO_IP, MCAST_MSFILTER, buf, &len) < 0) return -errno;
  memcpy(&f, buf, GROUP_FILTER_SIZE(0));
  ck_assert_int_eq(len, GROUP_FILTER_SIZE(f.gf_numsrc < 4 ? f.gf_numsrc : 4));
  *mode = f.gf_fmode;
  if (f.gf_numsrc) {
    memcpy(&s, buf + GROUP_FILTER_SIZE(0), sizeof s);
    ck_assert_int_eq(s.sin_family, AF_INET);
    *first = s.sin_addr.s_addr;
  }
  return (int) f.gf_numsrc;
}

START_TEST(mcast_join_leave)
{
  CLAUSES("linux:MCAST_JOIN_GROUP", "linux:MCAST_LEAVE_GROUP");
  int u = udp(), t = sr_socket(AF_INET, SOCK_STREAM, 0);
  struct group_req g = greq(0, "224.1.1.1", AF_INET), g6 = greq(0, "224.1.1.1", AF_INET6),
    gu = greq(0, "10.0.0.5", AF_INET), g99 = greq(99, "224.1.1.1", AF_INET),
    g99u = greq(99, "10.0.0.5", AF_INET), ge = greq(2, "224.1.1.1", AF_INET),
    gl = greq(1, "224.1.1.1", AF_INET);
  uint32_t mode, first;
  ck_assert_int_eq(sr_setsockopt(t, IPPROTO_IP, MCAST_JOIN_GROUP, &g, sizeof g), 0);
  ck_fails(sr_setsockopt(t, IPPROTO_IP, MCAST_JOIN_GROUP, &g, 0), EINVAL);
  ck_assert_int_eq(sr_setsockopt(t, IPPROTO_IP, MCAST_LEAVE_GROUP, &g, sizeof g), 0);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &g, 135), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, NULL, 136), EFAULT);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, NULL, 135), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &g6, sizeof g6), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &gu, sizeof gu), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &g99, sizeof g99), ENODEV);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &g99u, sizeof g99u), EINVAL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &g, sizeof g), 0);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &g, sizeof g), EADDRINUSE);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &ge, sizeof ge), EADDRINUSE);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &gl, sizeof gl), 0);
  /* read back by the index the join found, never by 0 */
  ck_assert_int_eq(filter_of(u, 0, "224.1.1.1", &mode, &first), -EADDRNOTAVAIL);
  ck_assert_int_eq(filter_of(u, 2, "224.1.1.1", &mode, &first), 0);
  ck_assert_int_eq(mode, MCAST_EXCLUDE);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_GROUP, &g6, sizeof g6), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_GROUP, &gu, sizeof gu), EADDRNOTAVAIL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_GROUP, &g99, sizeof g99), EADDRNOTAVAIL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_GROUP, &g, sizeof g), 0);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_GROUP, &g, sizeof g), EADDRNOTAVAIL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_GROUP, &gl, sizeof gl), 0);
  socklen_t len = sizeof g;
  ck_fails(sr_getsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &g, &len), ENOPROTOOPT);
}
END_TEST

START_TEST(mcast_sources_and_filter)
{
  CLAUSES("linux:MCAST_JOIN_SOURCE_GROUP", "linux:MCAST_LEAVE_SOURCE_GROUP",
    "linux:MCAST_BLOCK_SOURCE", "linux:MCAST_UNBLOCK_SOURCE", "linux:MCAST_MSFILTER");
  int u = udp();
  struct group_source_req s1 = gsreq(0, "224.2.2.2", "1.2.3.4"), s1e = gsreq(2, "224.2.2.2", "1.2.3.4"),
    s2 = gsreq(2, "224.2.2.2", "5.6.7.8"), s99 = gsreq(99, "224.2.2.2", "5.6.7.8"),
    snm = gsreq(0, "10.2.2.2", "5.6.7.8"), s6 = s1;
  uint32_t mode, first;
  s6.gsr_source.ss_family = AF_INET6;
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_BLOCK_SOURCE, &s1, sizeof s1), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_BLOCK_SOURCE, &s1, sizeof s1 - 1), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_BLOCK_SOURCE, &s1, sizeof s1 + 1), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_BLOCK_SOURCE, &s6, sizeof s6), EADDRNOTAVAIL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_SOURCE_GROUP, &s1, sizeof s1), 0);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_SOURCE_GROUP, &s1, sizeof s1), EADDRNOTAVAIL);
  ck_assert_int_eq(filter_of(u, 2, "224.2.2.2", &mode, &first), 1);
  ck_assert_int_eq(mode, MCAST_INCLUDE);
  ck_assert_int_eq(first, inet_addr("1.2.3.4"));
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_BLOCK_SOURCE, &s1e, sizeof s1e), EINVAL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_SOURCE_GROUP, &s2, sizeof s2), 0);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_SOURCE_GROUP, &s1e, sizeof s1e), 0);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_SOURCE_GROUP, &s1e, sizeof s1e), EADDRNOTAVAIL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_SOURCE_GROUP, &s99, sizeof s99), ENODEV);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_SOURCE_GROUP, &snm, sizeof snm), EINVAL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_LEAVE_SOURCE_GROUP, &s2, sizeof s2), 0);
  ck_assert_int_eq(filter_of(u, 2, "224.2.2.2", &mode, &first), -EADDRNOTAVAIL);
  /* MCAST_MSFILTER writes */
  unsigned char b[GROUP_FILTER_SIZE(2)];
  struct group_filter f;
  struct sockaddr_in gs = sr_test_sin("224.3.3.3", 0), a1 = sr_test_sin("1.1.1.1", 0), a2 = sr_test_sin("2.2.2.2", 0);
  struct group_req gg = greq(0, "224.3.3.3", AF_INET);
  memset(&f, 0, sizeof f);
  memset(b, 0, sizeof b);
  memcpy(&f.gf_group, &gs, sizeof gs);
  f.gf_fmode = MCAST_INCLUDE;
  f.gf_numsrc = 2;
  memcpy(b, &f, GROUP_FILTER_SIZE(0));
  memcpy(b + GROUP_FILTER_SIZE(0), &a1, sizeof a1);
  memcpy(b + GROUP_FILTER_SIZE(1), &a2, sizeof a2);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, sizeof b), EINVAL); /* not joined */
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, GROUP_FILTER_SIZE(0) - 1), EINVAL);
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, GROUP_FILTER_SIZE(1)), EINVAL);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_JOIN_GROUP, &gg, sizeof gg), 0);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, sizeof b), 0);
  ck_assert_int_eq(filter_of(u, 2, "224.3.3.3", &mode, &first), 2);
  ck_assert_int_eq(mode, MCAST_INCLUDE);
  ck_assert_int_eq(first, inet_addr("1.1.1.1"));
  b[GROUP_FILTER_SIZE(1)] = AF_INET6; /* the second source's family */
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, sizeof b), EADDRNOTAVAIL);
  b[GROUP_FILTER_SIZE(1)] = AF_INET;
  f.gf_fmode = 2;
  memcpy(b, &f, GROUP_FILTER_SIZE(0));
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, sizeof b), EINVAL);
  f.gf_fmode = MCAST_INCLUDE;
  f.gf_numsrc = 11;
  memcpy(b, &f, GROUP_FILTER_SIZE(0));
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, sizeof b), ENOBUFS);
  f.gf_numsrc = 2;
  f.gf_interface = 99;
  memcpy(b, &f, GROUP_FILTER_SIZE(0));
  ck_fails(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, sizeof b), ENODEV);
  f.gf_interface = 2;
  f.gf_fmode = MCAST_EXCLUDE;
  f.gf_numsrc = 0;
  memcpy(b, &f, GROUP_FILTER_SIZE(0));
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, GROUP_FILTER_SIZE(0)), 0);
  ck_assert_int_eq(filter_of(u, 2, "224.3.3.3", &mode, &first), 0);
  ck_assert_int_eq(mode, MCAST_EXCLUDE);
  f.gf_fmode = MCAST_INCLUDE;
  memcpy(b, &f, GROUP_FILTER_SIZE(0));
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, GROUP_FILTER_SIZE(0)), 0);
  ck_assert_int_eq(filter_of(u, 2, "224.3.3.3", &mode, &first), -EADDRNOTAVAIL);
  socklen_t len = GROUP_FILTER_SIZE(0) - 1;
  ck_fails(sr_getsockopt(u, IPPROTO_IP, MCAST_MSFILTER, b, &len), EINVAL);
  len = GROUP_FILTER_SIZE(0);
  ck_fails(sr_getsockopt(u, IPPROTO_IP, MCAST_MSFILTER, NULL, &len), EFAULT);
}
END_TEST

START_TEST(mcast_filter_delivery)
{
  CLAUSES("linux:MCAST_JOIN_GROUP", "linux:MCAST_BLOCK_SOURCE", "linux:MCAST_UNBLOCK_SOURCE");
  int rx = udp_bound("0.0.0.0", 5000), tx = udp();
  struct group_req g = greq(2, "239.1.2.3", AF_INET);
  struct group_source_req blk = gsreq(2, "239.1.2.3", "10.0.0.1");
  char buf[16];
  ck_assert_int_eq(sr_setsockopt(rx, IPPROTO_IP, MCAST_JOIN_GROUP, &g, sizeof g), 0);
  ck_assert_int_eq(send_to(tx, "joined", 6, "239.1.2.3", 5000), 6);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 6);
  ck_assert_int_eq(sr_setsockopt(rx, IPPROTO_IP, MCAST_BLOCK_SOURCE, &blk, sizeof blk), 0);
  ck_assert_int_eq(send_to(tx, "blocked", 7, "239.1.2.3", 5000), 7);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_setsockopt(rx, IPPROTO_IP, MCAST_UNBLOCK_SOURCE, &blk, sizeof blk), 0);
  ck_assert_int_eq(send_to(tx, "again", 5, "239.1.2.3", 5000), 5);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 5);
}
END_TEST

/* ---- SOL_SOCKET ---- */
START_TEST(cookies)
{
  CLAUSES("linux:SO_COOKIE", "linux:SO_NETNS_COOKIE");
  int a = udp(), b = sr_socket(AF_INET, SOCK_STREAM, 0);
  uint64_t ca, cb, x;
  socklen_t len;
  ck_assert_int_eq(getlen(a, SOL_SOCKET, SO_COOKIE, &ca, 8, &len), 0);
  ck_assert_int_eq(len, 8);
  ck_assert_int_eq(getlen(b, SOL_SOCKET, SO_COOKIE, &cb, 8, &len), 0);
  ck_assert(ca != 0 && cb != 0 && ca != cb);
  ck_assert_int_eq(getlen(a, SOL_SOCKET, SO_COOKIE, &x, 8, &len), 0);
  ck_assert(x == ca);
  ck_fails(getlen(a, SOL_SOCKET, SO_COOKIE, &x, 7, &len), EINVAL);
  ck_assert_int_eq(getlen(a, SOL_SOCKET, SO_COOKIE, &x, 8, &len), 0);
  ck_fails(sr_setsockopt(a, SOL_SOCKET, SO_COOKIE, &x, 8), ENOPROTOOPT);
  ck_assert_int_eq(getlen(a, SOL_SOCKET, SO_NETNS_COOKIE, &ca, 8, &len), 0);
  ck_assert_int_eq(getlen(b, SOL_SOCKET, SO_NETNS_COOKIE, &cb, 8, &len), 0);
  ck_assert(ca == cb && ca != 0);
  ck_fails(getlen(a, SOL_SOCKET, SO_NETNS_COOKIE, &x, 4, &len), EINVAL);
}
END_TEST

static void meminfo(int fd, uint32_t m[SK_MEMINFO_VARS])
{
  socklen_t len;
  ck_assert_int_eq(getlen(fd, SOL_SOCKET, SO_MEMINFO, m, SK_MEMINFO_VARS * 4, &len), 0);
  ck_assert_int_eq(len, SK_MEMINFO_VARS * 4);
}

START_TEST(meminfo_accounting)
{
  CLAUSES("linux:SO_MEMINFO");
  int rx = udp_bound("127.0.0.1", 5000), tx = udp();
  uint32_t m[SK_MEMINFO_VARS];
  char buf[100];
  meminfo(rx, m);
  ck_assert_int_eq(m[SK_MEMINFO_RMEM_ALLOC], 0);
  ck_assert_int_eq(m[SK_MEMINFO_RCVBUF], 212992);
  ck_assert_int_eq(m[SK_MEMINFO_SNDBUF], 212992);
  ck_assert_int_eq(m[SK_MEMINFO_FWD_ALLOC], 0);
  send_to(tx, "hello", 5, "127.0.0.1", 5000);
  meminfo(rx, m);
  ck_assert_int_eq(m[SK_MEMINFO_RMEM_ALLOC], 832);
  ck_assert_int_eq(m[SK_MEMINFO_FWD_ALLOC], 3264);
  send_to(tx, "hello", 5, "127.0.0.1", 5000);
  meminfo(rx, m);
  ck_assert_int_eq(m[SK_MEMINFO_RMEM_ALLOC], 1664);
  ck_assert_int_eq(m[SK_MEMINFO_FWD_ALLOC], 2432);
  sr_recv(rx, buf, sizeof buf, 0);
  meminfo(rx, m);
  ck_assert_int_eq(m[SK_MEMINFO_RMEM_ALLOC], 1664);
  ck_assert_int_eq(m[SK_MEMINFO_FWD_ALLOC], 2432);
  sr_recv(rx, buf, sizeof buf, 0);
  meminfo(rx, m);
  ck_assert_int_eq(m[SK_MEMINFO_RMEM_ALLOC], 0);
  ck_assert_int_eq(m[SK_MEMINFO_FWD_ALLOC], 4096);
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000);
  ck_assert_int_eq(sr_sendto(tx, "x", 1, MSG_MORE, (struct sockaddr *) &d, sizeof d), 1);
  meminfo(tx, m);
  ck_assert_int_eq(m[SK_MEMINFO_WMEM_ALLOC], 832);
  struct ip_mreq mr = {.imr_multiaddr.s_addr = inet_addr("224.1.1.1")};
  ck_assert_int_eq(sr_setsockopt(tx, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof mr), 0);
  meminfo(tx, m);
  ck_assert_int_eq(m[SK_MEMINFO_OPTMEM], 48);
}
END_TEST

START_TEST(buf_lock_bits)
{
  CLAUSES("linux:SO_BUF_LOCK", "socket.7:SO_SNDBUF", "socket.7:SO_RCVBUF");
  int u = udp();
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_BUF_LOCK), 0);
  ck_fails(seti(u, SOL_SOCKET, SO_BUF_LOCK, -1), EINVAL);
  ck_fails(seti(u, SOL_SOCKET, SO_BUF_LOCK, 4), EINVAL);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_SNDBUF, 5000), 0);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_BUF_LOCK), SOCK_SNDBUF_LOCK);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_BUF_LOCK, 0), 0);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_BUF_LOCK), 0);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_RCVBUF, 5000), 0);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_BUF_LOCK), SOCK_RCVBUF_LOCK);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_BUF_LOCK, 3), 0);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_BUF_LOCK), 3);
}
END_TEST

START_TEST(bindtoifindex_and_no_check)
{
  CLAUSES("linux:SO_BINDTOIFINDEX", "linux:SO_NO_CHECK");
  int rx = udp_bound("127.0.0.1", 5000), raw = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP), tx = udp();
  unsigned char pk[64];
  char name[16];
  socklen_t len = sizeof name;
  ck_assert_int_eq(seti(tx, SOL_SOCKET, SO_BINDTOIFINDEX, 99), 0);
  ck_assert_int_eq(geti(tx, SOL_SOCKET, SO_BINDTOIFINDEX), 99);
  ck_fails(sr_getsockopt(tx, SOL_SOCKET, SO_BINDTODEVICE, name, &len), ENODEV);
  ck_fails(seti(tx, SOL_SOCKET, SO_BINDTOIFINDEX, -1), EINVAL);
  ck_assert_int_eq(seti(tx, SOL_SOCKET, SO_BINDTOIFINDEX, 0), 0);
  ck_assert_int_eq(geti(tx, SOL_SOCKET, SO_BINDTOIFINDEX), 0);
  ck_assert_int_eq(seti(tx, SOL_SOCKET, SO_NO_CHECK, 2), 0);
  ck_assert_int_eq(geti(tx, SOL_SOCKET, SO_NO_CHECK), 1);
  ck_assert_int_eq(send_to(tx, "hi", 2, "127.0.0.1", 5000), 2);
  ck_assert_int_eq(sr_recv(raw, pk, sizeof pk, MSG_DONTWAIT), 30);
  ck_assert_int_eq(pk[26] | pk[27], 0);
  ck_assert_int_eq(sr_recv(rx, pk, sizeof pk, MSG_DONTWAIT), 2);
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_SEGMENT, 10), 0);
  ck_fails(send_to(tx, "01234", 5, "127.0.0.1", 5000), EINVAL);
  ck_assert_int_eq(seti(tx, SOL_UDP, UDP_SEGMENT, 0), 0);
  ck_assert_int_eq(seti(tx, SOL_SOCKET, SO_NO_CHECK, 0), 0);
  ck_assert_int_eq(send_to(tx, "hi", 2, "127.0.0.1", 5000), 2);
  ck_assert_int_eq(sr_recv(raw, pk, sizeof pk, MSG_DONTWAIT), 30);
  ck_assert_int_ne(pk[26] | pk[27], 0);
}
END_TEST

START_TEST(detach_reuseport_bpf)
{
  CLAUSES("linux:SO_DETACH_REUSEPORT_BPF", "socket.7:SO_ATTACH_REUSEPORT_CBPF");
  int u = udp();
  struct sock_filter ret0 = BPF_STMT(BPF_RET | BPF_K, 0);
  struct sock_fprog fp = {.len = 1, .filter = &ret0};
  ck_fails(seti(u, SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, 0), EINVAL);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_REUSEPORT, 1), 0);
  ck_fails(seti(u, SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, 0), ENOENT);
  ck_assert_int_eq(bind_any(u, 5000), 0);
  ck_fails(seti(u, SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, 0), ENOENT);
  ck_assert_int_eq(sr_setsockopt(u, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &fp, sizeof fp), 0);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, 7), 0);
  ck_fails(seti(u, SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, 0), ENOENT);
}
END_TEST

START_TEST(txtime_message_and_udplite_segments)
{
  CLAUSES("linux:SO_TXTIME", "linux:UDP_SEGMENT");
  int rx = udp_bound("127.0.0.1", 5000), tx = udp(), lite = sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE);
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000);
  struct iovec iv = {"at once", 7};
  union { struct cmsghdr c; unsigned char b[CMSG_SPACE(8)]; } ctl;
  struct msghdr m;
  uint64_t when = 1000000000000ull;
  struct sock_txtime tt = {.clockid = CLOCK_MONOTONIC, .flags = 0};
  char buf[16];
  memset(&ctl, 0, sizeof ctl);
  ctl.c.cmsg_level = SOL_SOCKET;
  ctl.c.cmsg_type = SCM_TXTIME;
  ctl.c.cmsg_len = CMSG_LEN(8);
  memcpy(CMSG_DATA(&ctl.c), &when, 8);
  msg_to(&m, &d, &iv, &ctl, sizeof ctl);
  ck_fails(sr_sendmsg(tx, &m, 0), EINVAL);
  ck_assert_int_eq(sr_setsockopt(tx, SOL_SOCKET, SO_TXTIME, &tt, sizeof tt), 0);
  ck_assert_int_eq(sr_sendmsg(tx, &m, 0), 7);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 7);
  ctl.c.cmsg_len = CMSG_LEN(4);
  ck_fails(sr_sendmsg(tx, &m, 0), EINVAL);
  ck_assert_int_eq(seti(lite, SOL_UDP, UDP_SEGMENT, 1), 0);
  ck_fails(send_to(lite, "0123456789", 10, "127.0.0.1", 5000), EIO);
}
END_TEST

START_TEST(other_socket_options)
{
  CLAUSES("linux:SO_ZEROCOPY", "linux:SO_TXTIME", "linux:SO_BUSY_POLL_BUDGET",
    "linux:SO_PREFER_BUSY_POLL", "linux:SO_RESERVE_MEM", "linux:SO_TXREHASH",
    "linux:SO_PEERGROUPS", "linux:SO_CNX_ADVICE", "linux:SO_RCVMARK");
  int u = udp(), t = sr_socket(AF_INET, SOCK_STREAM, 0), r = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
  unsigned char b[16];
  socklen_t len;
  ck_fails(seti(u, SOL_SOCKET, SO_ZEROCOPY, 2), EINVAL);
  ck_fails(seti(u, SOL_SOCKET, SO_ZEROCOPY, -1), EINVAL);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_ZEROCOPY, 1), 0);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_ZEROCOPY), 1);
  ck_fails(seti(r, SOL_SOCKET, SO_ZEROCOPY, 2), EOPNOTSUPP);
  ck_fails(seti(u, SOL_SOCKET, SO_TXTIME, 0), EINVAL);
  memset(b, 0xaa, sizeof b);
  ck_assert_int_eq(getlen(u, SOL_SOCKET, SO_TXTIME, b, 16, &len), 0);
  ck_assert_int_eq(len, 8);
  ck_assert_int_eq(b[0] | b[7], 0);
  struct sock_txtime tt = {.clockid = CLOCK_TAI, .flags = SOF_TXTIME_REPORT_ERRORS};
  ck_assert_int_eq(sr_setsockopt(u, SOL_SOCKET, SO_TXTIME, &tt, sizeof tt), 0);
  tt.clockid = CLOCK_BOOTTIME;
  ck_fails(sr_setsockopt(u, SOL_SOCKET, SO_TXTIME, &tt, sizeof tt), EINVAL);
  tt.clockid = CLOCK_MONOTONIC;
  tt.flags = 4;
  ck_fails(sr_setsockopt(u, SOL_SOCKET, SO_TXTIME, &tt, sizeof tt), EINVAL);
  ck_fails(seti(u, SOL_SOCKET, SO_BUSY_POLL_BUDGET, -1), EINVAL);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_BUSY_POLL_BUDGET, 2), 0);
  len = 4;
  ck_fails(sr_getsockopt(u, SOL_SOCKET, SO_BUSY_POLL_BUDGET, b, &len), ENOPROTOOPT);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_PREFER_BUSY_POLL, -1), 0);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_PREFER_BUSY_POLL), 1);
  ck_fails(seti(u, SOL_SOCKET, SO_RESERVE_MEM, -1), EINVAL);
  ck_fails(seti(u, SOL_SOCKET, SO_RESERVE_MEM, 1), EOPNOTSUPP);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_RESERVE_MEM), 0);
  ck_fails(seti(u, SOL_SOCKET, SO_TXREHASH, 0), EOPNOTSUPP);
  ck_assert_int_eq(geti(t, SOL_SOCKET, SO_TXREHASH), 1);
  ck_fails(seti(t, SOL_SOCKET, SO_TXREHASH, 2), EINVAL);
  ck_assert_int_eq(seti(t, SOL_SOCKET, SO_TXREHASH, 0), 0);
  ck_assert_int_eq(geti(t, SOL_SOCKET, SO_TXREHASH), 0);
  len = 16;
  ck_fails(sr_getsockopt(t, SOL_SOCKET, SO_PEERGROUPS, b, &len), ENODATA);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_CNX_ADVICE, 1), 0);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_RCVMARK, 2), 0);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_RCVMARK), 1);
  /* without CAP_NET_ADMIN */
  ck_assert_int_eq(sr_setuid(1000), 0);
  ck_fails(seti(u, SOL_SOCKET, SO_PREFER_BUSY_POLL, 1), EPERM);
  ck_fails(seti(u, SOL_SOCKET, SO_BUSY_POLL_BUDGET, 3), EPERM);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_BUSY_POLL_BUDGET, 1), 0);
  tt.clockid = CLOCK_TAI;
  tt.flags = 0;
  ck_fails(sr_setsockopt(u, SOL_SOCKET, SO_TXTIME, &tt, sizeof tt), EPERM);
  tt.clockid = CLOCK_MONOTONIC;
  ck_assert_int_eq(sr_setsockopt(u, SOL_SOCKET, SO_TXTIME, &tt, sizeof tt), 0);
}
END_TEST

Suite *suite_beyond(void)
{
  Suite *s = suite_create("beyond");
  TCase *tc = sr_tcase(s, "sol_udp");
  tcase_add_test(tc, udp_level_rules);
  tcase_add_test(tc, udp_cork_corks);
  tcase_add_loop_test(tc, rcvmark_keeps_lo_mark_and_loses_it_across_a_lan, 0, 2);
  tcase_add_test(tc, udp_segment_on_socket);
  tcase_add_test(tc, udp_encap_and_flags);
  tcase_add_test(tc, udp_encap_espinudp_takes_esp);
  tc = sr_tcase(s, "ip");
  tcase_add_test(tc, minttl_rules_and_udp);
  tcase_add_test(tc, unicast_if_rules_and_route);
  tcase_add_test(tc, local_port_range_rules_and_search);
  tcase_add_test(tc, protocol_and_receive_flags);
  tcase_add_test(tc, recvfragsize_reports_largest_fragment);
  tc = sr_tcase(s, "mcast");
  tcase_add_test(tc, mcast_join_leave);
  tcase_add_test(tc, mcast_sources_and_filter);
  tcase_add_test(tc, mcast_filter_delivery);
  tc = sr_tcase(s, "sol_socket");
  tcase_add_test(tc, cookies);
  tcase_add_test(tc, meminfo_accounting);
  tcase_add_test(tc, buf_lock_bits);
  tcase_add_test(tc, bindtoifindex_and_no_check);
  tcase_add_test(tc, detach_reuseport_bpf);
  tcase_add_test(tc, txtime_message_and_udplite_segments);
  tcase_add_test(tc, other_socket_options);
  return s;
}
