/* test_raw.c -- raw and ping sockets (web/raw.w, web/ping.w), against values
   measured on Linux 6.18 in fresh network namespaces (facts/raw, probes p1 to
   p13). */
#include "sr_net_test.h"
#include <linux/errqueue.h>

#ifndef ICMP_FILTER
#define ICMP_FILTER 1
#endif

static int raw(int protocol)
{
  int fd = sr_socket(AF_INET, SOCK_RAW, protocol);
  ck_assert_int_ge(fd, 0);
  return fd;
}

static uint32_t get_filter(int fd)
{
  uint32_t v = 0xdeadbeef;
  socklen_t len = sizeof v;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_RAW, ICMP_FILTER, &v, &len), 0);
  ck_assert_int_eq(len, 4);
  return v;
}

/* ICMP_FILTER: partial writes keep the other bytes; reads cut to four. */
START_TEST(icmp_filter_values)
{
  CLAUSES("ip.7:DESCRIPTION");
  int fd = raw(IPPROTO_ICMP);
  uint32_t v = 0x100;
  uint8_t byte = 0xff, eight[8] = {1, 2, 3, 4, 5, 6, 7, 8}, out[8];
  socklen_t len;
  ck_assert_uint_eq(get_filter(fd), 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_RAW, ICMP_FILTER, &v, 4), 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_RAW, ICMP_FILTER, &byte, 1), 0);
  ck_assert_uint_eq(get_filter(fd), 0x1ff);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_RAW, ICMP_FILTER, eight, 8), 0);
  memset(out, 0xee, sizeof out);
  len = 8;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_RAW, ICMP_FILTER, out, &len), 0);
  ck_assert_int_eq(len, 4);
  ck_assert_int_eq(memcmp(out, eight, 4), 0);
  ck_assert_uint_eq(out[4], 0xee);
  v = 0x55;
  ck_assert_int_eq(sr_setsockopt(fd, SOL_RAW, ICMP_FILTER, &v, 4), 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_RAW, ICMP_FILTER, NULL, 0), 0);
  ck_assert_uint_eq(get_filter(fd), 0x55);
  v = 0xdeadbeef;
  len = 2;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_RAW, ICMP_FILTER, &v, &len), 0);
  ck_assert_int_eq(len, 2);
  ck_assert_uint_eq(v, 0xdead0055);
}
END_TEST

START_TEST(icmp_filter_errors)
{
  CLAUSES("ip.7:DESCRIPTION");
  int fd = raw(IPPROTO_ICMP), udpraw = raw(IPPROTO_UDP), rawraw = raw(IPPROTO_RAW);
  int udp = sr_socket(AF_INET, SOCK_DGRAM, 0), tcp = sr_socket(AF_INET, SOCK_STREAM, 0);
  uint32_t v = 1;
  socklen_t len = 4;
  ck_fails(sr_setsockopt(fd, SOL_RAW, ICMP_FILTER, NULL, 4), EFAULT);
  ck_fails(sr_setsockopt(fd, SOL_RAW, ICMP_FILTER, &v, (socklen_t) -1), EINVAL);
  len = (socklen_t) -1;
  ck_fails(sr_getsockopt(fd, SOL_RAW, ICMP_FILTER, &v, &len), EINVAL);
  len = 4;
  ck_fails(sr_getsockopt(fd, SOL_RAW, ICMP_FILTER, NULL, &len), EFAULT);
  ck_fails(sr_getsockopt(fd, SOL_RAW, ICMP_FILTER, &v, NULL), EFAULT);
  ck_fails(sr_setsockopt(fd, SOL_RAW, 2, &v, 4), ENOPROTOOPT);
  ck_fails(sr_getsockopt(fd, SOL_RAW, 2, &v, &len), ENOPROTOOPT);
  ck_fails(sr_setsockopt(udpraw, SOL_RAW, ICMP_FILTER, &v, 4), EOPNOTSUPP);
  ck_fails(sr_getsockopt(rawraw, SOL_RAW, ICMP_FILTER, &v, &len), EOPNOTSUPP);
  ck_fails(sr_setsockopt(udpraw, SOL_RAW, 2, &v, 4), ENOPROTOOPT);
  ck_fails(sr_setsockopt(udp, SOL_RAW, ICMP_FILTER, &v, 4), ENOPROTOOPT);
  ck_fails(sr_getsockopt(udp, SOL_RAW, ICMP_FILTER, &v, &len), EOPNOTSUPP);
  ck_fails(sr_setsockopt(tcp, SOL_RAW, ICMP_FILTER, &v, 4), ENOPROTOOPT);
  ck_fails(sr_getsockopt(tcp, SOL_RAW, ICMP_FILTER, &v, &len), EOPNOTSUPP);
}
END_TEST


/* ---- helpers for the data path ------------------------------------------ */

static ssize_t to(int fd, const void *b, size_t n, const char *a)
{
  struct sockaddr_in s = sr_test_sin(a, 0);
  return sr_sendto(fd, b, n, 0, (struct sockaddr *) &s, sizeof s);
}
static ssize_t rcv(int fd, void *b, size_t n)
{
  return sr_recv(fd, b, n, MSG_DONTWAIT);
}
static int sock_error(int fd)
{
  return sr_test_geti(fd, SOL_SOCKET, SO_ERROR);
}
/* An echo request (or another ICMP message) of n data bytes 'a', 'b', ... */
static size_t echo(uint8_t *b, int type, uint16_t ident, uint16_t seq, size_t n)
{
  b[0] = (uint8_t) type; b[1] = 0; nt_put16(b + 2, 0);
  nt_put16(b + 4, ident); nt_put16(b + 6, seq);
  for (size_t i = 0; i < n; i++) b[8 + i] = (uint8_t) ('a' + i % 26);
  nt_put16(b + 2, nt_sum(b, 8 + n, 0));
  return 8 + n;
}
/* Read one entry of the error queue: its data, the extended error, the offender. */
struct errq { ssize_t len; uint8_t data[600]; struct sock_extended_err ee;
  struct sockaddr_in name, offender; int flags; };
static ssize_t read_errq(int fd, struct errq *q)
{
  union { struct cmsghdr c; uint8_t b[256]; } ctl;
  struct iovec v = { q->data, sizeof q->data };
  struct msghdr m;
  struct cmsghdr *c;
  memset(q, 0, sizeof *q);
  memset(&m, 0, sizeof m);
  m.msg_name = &q->name;
  m.msg_namelen = sizeof q->name;
  m.msg_iov = &v;
  m.msg_iovlen = 1;
  m.msg_control = ctl.b;
  m.msg_controllen = sizeof ctl.b;
  q->len = sr_recvmsg(fd, &m, MSG_ERRQUEUE | MSG_DONTWAIT);
  if (q->len < 0) return q->len;
  q->flags = m.msg_flags;
  for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
    if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_RECVERR) {
      memcpy(&q->ee, CMSG_DATA(c), sizeof q->ee);
      memcpy(&q->offender, CMSG_DATA(c) + sizeof q->ee, sizeof q->offender);
    }
  return q->len;
}
static void open_ping(void)
{
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ping_group_range", "0 2147483647"), 0);
}
static int ping(void)
{
  int fd = sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
  ck_assert_int_ge(fd, 0);
  return fd;
}

/* ---- a router between two LANs -------------------------------------------
   host 0 (A, 10.0.0.1, LAN 1, default route via R) -- R (10.0.0.254 on r1,
   LAN 1; 10.2.0.254 on r2, LAN 2 of MTU 1400; ip_forward 1; a "prohibit"
   route to 10.9.0.0/16, an "unreachable" one to 10.8.0.0/16) -- C
   (10.2.0.3, LAN 2).  Each host has a process; on() makes its sockets. */
static int R, C;
static pid_t pa, pr, pc;
static void on(pid_t p) { ck_assert_int_eq(sr_proc_switch(p), 0); }
static void routed(void)
{
  sr_reset();
  pa = sr_getpid();
  R = sr_host_new("R");
  C = sr_host_new("C");
  int r1 = sr_if_add(R, "r1", 1500), r2 = sr_if_add(R, "r2", 1500), c1 = sr_if_add(C, "c1", 1500);
  int lan2 = sr_lan_new(1400);
  ck_assert_int_eq(sr_lan_attach(1, R, r1), 0);
  ck_assert_int_eq(sr_lan_attach(lan2, R, r2), 0);
  ck_assert_int_eq(sr_lan_attach(lan2, C, c1), 0);
  ck_assert_int_eq(sr_if_set_mtu(R, r2, 1400), 0);
  ck_assert_int_eq(sr_if_set_mtu(C, c1, 1400), 0);
  ck_assert_int_eq(sr_addr_add(R, r1, "10.0.0.254/24", "+"), 0);
  ck_assert_int_eq(sr_addr_add(R, r2, "10.2.0.254/24", "+"), 0);
  ck_assert_int_eq(sr_addr_add(C, c1, "10.2.0.3/24", "+"), 0);
  for (int i = 1; i <= 3; i++) ck_assert_int_eq(sr_if_set_up(R, i, 1), 0);
  for (int i = 1; i <= 2; i++) ck_assert_int_eq(sr_if_set_up(C, i, 1), 0);
  ck_assert_int_eq(sr_route_add(C, "default", "10.2.0.254", 0), 0);
  ck_assert_int_eq(sr_route_add_type(R, "10.9.0.0/16", SR_ROUTE_PROHIBIT), 0);
  ck_assert_int_eq(sr_route_add_type(R, "10.8.0.0/16", SR_ROUTE_UNREACHABLE), 0);
  ck_assert_int_eq(sr_host_sysctl_set(R, "net.ipv4.ip_forward", "1"), 0);
  pr = sr_proc_new(R, 0);
  pc = sr_proc_new(C, 0);
  ck_assert_int_gt(pr, 0);
  ck_assert_int_gt(pc, 0);
}
static const uint8_t router_alert[4] = { IPOPT_RA, 4, 0, 0 };
/* A's UDP socket with the router-alert option, and C's receiver on 7000 */
static int ra_sender(void)
{
  int u;
  on(pa);
  u = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, IP_OPTIONS, router_alert, 4), 0);
  return u;
}
static int udp_on(pid_t p, int port)
{
  struct sockaddr_in s = sr_test_sin("0.0.0.0", port);
  int u;
  on(p);
  u = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(sr_bind(u, (struct sockaddr *) &s, sizeof s), 0);
  return u;
}
static ssize_t udp_to(int u, const char *a, int port, const char *data)
{
  struct sockaddr_in s = sr_test_sin(a, port);
  return sr_sendto(u, data, strlen(data), 0, (struct sockaddr *) &s, sizeof s);
}
static int listener(int protocol)
{
  int fd;
  on(pr);
  fd = raw(protocol);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_ROUTER_ALERT, 1), 0);
  return fd;
}

START_TEST(router_alert_tapped)
{
  CLAUSES("ip.7:IP_ROUTER_ALERT", "ip.7:IP_ROUTER_ALERT:4");
  uint8_t b[200];
  int ra = listener(IPPROTO_UDP), ricmp = listener(IPPROTO_ICMP), plain = raw(IPPROTO_UDP);
  int rc = udp_on(pc, 7000), u = ra_sender();
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "ra1"), 3);
  on(pr);
  ck_assert_int_eq(rcv(ra, b, sizeof b), 35);
  ck_assert_uint_eq(b[0], 0x46);
  ck_assert_uint_eq(NT_TTL(b), 64);
  ck_assert_uint_eq(NT_SRC(b), inet_addr("10.0.0.1"));
  ck_assert_uint_eq(NT_DST(b), inet_addr("10.2.0.3"));
  ck_assert_int_eq(memcmp(b + 20, router_alert, 4), 0);
  ck_assert_int_eq(memcmp(b + 32, "ra1", 3), 0);
  ck_fails(rcv(ricmp, b, sizeof b), EAGAIN);
  ck_fails(rcv(plain, b, sizeof b), EAGAIN);
  on(pc);
  ck_fails(rcv(rc, b, sizeof b), EAGAIN);
  /* without the option the datagram is forwarded */
  on(pa);
  u = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "plain"), 5);
  on(pc);
  ck_assert_int_eq(rcv(rc, b, sizeof b), 5);
  on(pr);
  ck_fails(rcv(ra, b, sizeof b), EAGAIN);
}
END_TEST

START_TEST(router_alert_before_ttl)
{
  CLAUSES("ip.7:IP_ROUTER_ALERT", "ip.7:IP_ROUTER_ALERT:4");
  uint8_t b[200];
  int ra = listener(IPPROTO_UDP), u = ra_sender(), mon;
  on(pa);
  mon = raw(IPPROTO_ICMP);
  ck_assert_int_eq(sr_test_seti(u, IPPROTO_IP, IP_TTL, 1), 0);
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "ttl1"), 4);
  ck_fails(rcv(mon, b, sizeof b), EAGAIN);
  on(pr);
  ck_assert_int_eq(rcv(ra, b, sizeof b), 36);
  ck_assert_uint_eq(NT_TTL(b), 1);
}
END_TEST

START_TEST(router_alert_bindings)
{
  CLAUSES("ip.7:IP_ROUTER_ALERT:5");
  uint8_t b[200];
  struct sockaddr_in s = sr_test_sin("10.2.0.254", 0);
  int bound, conn, dev, rc, u;
  on(pr);
  bound = raw(IPPROTO_UDP);
  ck_assert_int_eq(sr_bind(bound, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(sr_test_seti(bound, IPPROTO_IP, IP_ROUTER_ALERT, 1), 0);
  conn = raw(IPPROTO_UDP);
  s = sr_test_sin("10.0.0.99", 0);
  ck_assert_int_eq(sr_connect(conn, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(sr_test_seti(conn, IPPROTO_IP, IP_ROUTER_ALERT, 1), 0);
  rc = udp_on(pc, 7000);
  u = ra_sender();
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "ra-bound"), 8);
  on(pr);
  ck_assert_int_eq(rcv(bound, b, sizeof b), 40);
  ck_assert_int_eq(rcv(conn, b, sizeof b), 40);
  ck_assert_int_eq(sr_close(bound), 0);
  ck_assert_int_eq(sr_close(conn), 0);
  /* a device binding counts: r2 is not where it arrives, r1 is */
  dev = raw(IPPROTO_UDP);
  ck_assert_int_eq(sr_setsockopt(dev, SOL_SOCKET, SO_BINDTODEVICE, "r2", 3), 0);
  ck_assert_int_eq(sr_test_seti(dev, IPPROTO_IP, IP_ROUTER_ALERT, 1), 0);
  on(pa);
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "ra-dev"), 6);
  on(pc);
  ck_assert_int_eq(rcv(rc, b, sizeof b), 6);
  on(pr);
  ck_fails(rcv(dev, b, sizeof b), EAGAIN);
  ck_assert_int_eq(sr_setsockopt(dev, SOL_SOCKET, SO_BINDTODEVICE, "r1", 3), 0);
  on(pa);
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "ra-dev1"), 7);
  on(pr);
  ck_assert_int_eq(rcv(dev, b, sizeof b), 39);
  on(pc);
  ck_fails(rcv(rc, b, sizeof b), EAGAIN);
}
END_TEST

START_TEST(router_alert_off_closed_and_not_forwarding)
{
  CLAUSES("ip.7:IP_ROUTER_ALERT", "ip.7:IP_ROUTER_ALERT:4");
  uint8_t b[200];
  int ra = listener(IPPROTO_UDP), rc = udp_on(pc, 7000), u = ra_sender();
  on(pr);
  ck_assert_int_eq(sr_test_seti(ra, IPPROTO_IP, IP_ROUTER_ALERT, 0), 0);
  on(pa);
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "off"), 3);
  on(pc);
  ck_assert_int_eq(rcv(rc, b, sizeof b), 3);
  on(pr);
  ck_fails(rcv(ra, b, sizeof b), EAGAIN);
  ck_assert_int_eq(sr_test_seti(ra, IPPROTO_IP, IP_ROUTER_ALERT, 1), 0);
  ck_assert_int_eq(sr_close(ra), 0);
  on(pa);
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "closed"), 6);
  on(pc);
  ck_assert_int_eq(rcv(rc, b, sizeof b), 6);
  ra = listener(IPPROTO_UDP);
  ck_assert_int_eq(sr_host_sysctl_set(R, "net.ipv4.ip_forward", "0"), 0);
  on(pa);
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, "nofwd"), 5);
  on(pr);
  ck_fails(rcv(ra, b, sizeof b), EAGAIN);
  on(pc);
  ck_fails(rcv(rc, b, sizeof b), EAGAIN);
}
END_TEST

START_TEST(router_alert_fragments_and_filter)
{
  CLAUSES("ip.7:IP_ROUTER_ALERT");
  static uint8_t b[4000];
  char big[3001];
  int ra1 = listener(IPPROTO_UDP), ra2 = listener(IPPROTO_UDP), ricmp = listener(IPPROTO_ICMP);
  uint32_t f = 1u << ICMP_ECHO;
  int u = ra_sender(), ia;
  memset(big, 'x', 3000);
  big[3000] = 0;
  ck_assert_int_eq(udp_to(u, "10.2.0.3", 7000, big), 3000);
  on(pr);
  ck_assert_int_eq(rcv(ra1, b, sizeof b), 3032);
  ck_assert_int_eq(rcv(ra2, b, sizeof b), 3032);
  ck_assert_uint_eq(NT_FRAG(b), 0);
  ck_assert_int_eq(sr_setsockopt(ricmp, SOL_RAW, ICMP_FILTER, &f, 4), 0);
  on(pa);
  ia = raw(IPPROTO_ICMP);
  ck_assert_int_eq(sr_setsockopt(ia, IPPROTO_IP, IP_OPTIONS, router_alert, 4), 0);
  ck_assert_int_eq(to(ia, b, echo(b, ICMP_ECHO, 5, 1, 4), "10.2.0.3"), 12);
  on(pr);
  ck_assert_int_eq(rcv(ricmp, b, sizeof b), 36);
  ck_assert_uint_eq(b[24], ICMP_ECHO);
  on(pa);
  ck_fails(rcv(ia, b, sizeof b), EAGAIN);
}
END_TEST

START_TEST(router_alert_local)
{
  CLAUSES("ip.7:IP_ROUTER_ALERT");
  uint8_t b[200];
  int ra = listener(IPPROTO_UDP), plain = raw(IPPROTO_UDP), ur = udp_on(pr, 7000);
  int u = ra_sender();
  ck_assert_int_eq(udp_to(u, "10.0.0.254", 7000, "ralocal"), 7);
  on(pr);
  ck_assert_int_eq(rcv(ra, b, sizeof b), 39);
  ck_assert_int_eq(rcv(plain, b, sizeof b), 39);
  ck_assert_int_eq(rcv(ur, b, sizeof b), 7);
}
END_TEST

/* ---- errors across the router -------------------------------------------- */

START_TEST(errors_raw_icmp_prohibited)
{
  CLAUSES("ip.7:IP_RECVERR:23", "ip.7:IP_RECVERR:13", "ip.7:IP_RECVERR:15");
  uint8_t b[100];
  uint32_t all = 0xffffffff;
  struct sockaddr_in s = sr_test_sin("10.9.1.1", 0);
  struct errq q;
  int p2, pc2, r1, r2, r3;
  on(pa);
  open_ping();
  p2 = ping();
  ck_assert_int_eq(sr_test_seti(p2, IPPROTO_IP, IP_RECVERR, 1), 0);
  s = sr_test_sin("0.0.0.0", 4321);
  ck_assert_int_eq(sr_bind(p2, (struct sockaddr *) &s, sizeof s), 0);
  pc2 = ping();
  s = sr_test_sin("0.0.0.0", 4322);
  ck_assert_int_eq(sr_bind(pc2, (struct sockaddr *) &s, sizeof s), 0);
  s = sr_test_sin("10.9.1.1", 0);
  ck_assert_int_eq(sr_connect(pc2, (struct sockaddr *) &s, sizeof s), 0);
  r1 = raw(IPPROTO_ICMP);
  ck_assert_int_eq(sr_test_seti(r1, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(sr_setsockopt(r1, SOL_RAW, ICMP_FILTER, &all, 4), 0);
  r2 = raw(IPPROTO_ICMP);
  ck_assert_int_eq(sr_connect(r2, (struct sockaddr *) &s, sizeof s), 0);
  r3 = raw(IPPROTO_ICMP);
  ck_assert_int_eq(sr_test_seti(r3, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(sr_test_seti(r3, IPPROTO_IP, IP_HDRINCL, 1), 0);
  ck_assert_int_eq(to(r1, b, echo(b, ICMP_ECHO, 4321, 77, 4), "10.9.1.1"), 12);
  ck_assert_int_eq(sock_error(r1), EHOSTUNREACH);
  ck_assert_int_eq(sock_error(r2), EHOSTUNREACH);
  ck_assert_int_eq(sock_error(r3), EHOSTUNREACH);
  ck_assert_int_eq(sock_error(p2), EHOSTUNREACH);
  ck_assert_int_eq(sock_error(pc2), 0);
  ck_assert_int_eq(read_errq(r1, &q), 12);
  ck_assert_uint_eq(q.data[0], ICMP_ECHO);
  ck_assert_uint_eq(nt_get16(q.data + 4), 4321);
  ck_assert_uint_eq(q.ee.ee_errno, EHOSTUNREACH);
  ck_assert_uint_eq(q.ee.ee_origin, SO_EE_ORIGIN_ICMP);
  ck_assert_uint_eq(q.ee.ee_type, ICMP_DEST_UNREACH);
  ck_assert_uint_eq(q.ee.ee_code, ICMP_PKT_FILTERED);
  ck_assert_uint_eq(q.offender.sin_addr.s_addr, inet_addr("10.0.0.254"));
  ck_assert_uint_eq(q.name.sin_addr.s_addr, inet_addr("10.9.1.1"));
  ck_assert_uint_eq(q.name.sin_port, 0);
  ck_assert_int_eq(read_errq(r3, &q), 32);
  ck_assert_uint_eq(q.data[0], 0x45);
  ck_assert_int_eq(read_errq(p2, &q), 12);
  ck_assert_uint_eq(q.ee.ee_code, ICMP_PKT_FILTERED);
  ck_fails(rcv(r1, b, sizeof b), EAGAIN);
}
END_TEST

START_TEST(errors_raw_protocol_unreachable)
{
  CLAUSES("ip.7:IP_RECVERR:23");
  struct sockaddr_in s;
  struct errq q;
  int x, y, z;
  on(pa);
  x = raw(253);
  ck_assert_int_eq(sr_test_seti(x, IPPROTO_IP, IP_RECVERR, 1), 0);
  y = raw(253);
  s = sr_test_sin("10.2.0.3", 0);
  ck_assert_int_eq(sr_connect(y, (struct sockaddr *) &s, sizeof s), 0);
  z = raw(253);
  s = sr_test_sin("10.2.0.4", 0);
  ck_assert_int_eq(sr_connect(z, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(to(x, "abcdefghij", 10, "10.2.0.3"), 10);
  ck_assert_int_eq(sock_error(x), ENOPROTOOPT);
  ck_assert_int_eq(sock_error(y), ENOPROTOOPT);
  ck_assert_int_eq(sock_error(z), 0);
  ck_assert_int_eq(read_errq(x, &q), 10);
  ck_assert_int_eq(memcmp(q.data, "abcdefghij", 10), 0);
  ck_assert_uint_eq(q.offender.sin_addr.s_addr, inet_addr("10.2.0.3"));
  ck_assert_uint_eq(q.ee.ee_code, ICMP_PROT_UNREACH);
  /* three bytes quoted behind the header are too few: nobody hears */
  ck_assert_int_eq(to(x, "abc", 3, "10.2.0.3"), 3);
  ck_assert_int_eq(sock_error(y), 0);
  ck_fails(read_errq(x, &q), EAGAIN);
}
END_TEST

START_TEST(errors_ping_time_exceeded)
{
  CLAUSES("ip.7:IP_RECVERR", "ip.7:IP_RECVERR:3");
  uint8_t b[100];
  struct sockaddr_in s = sr_test_sin("10.2.0.3", 0);
  struct errq q;
  int p1, p2, p3;
  on(pa);
  open_ping();
  p1 = ping(); p2 = ping(); p3 = ping();
  ck_assert_int_eq(sr_test_seti(p2, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(sr_connect(p3, (struct sockaddr *) &s, sizeof s), 0);
  for (int i = 0; i < 3; i++) {
    int p = i == 0 ? p1 : i == 1 ? p2 : p3;
    ck_assert_int_eq(sr_test_seti(p, IPPROTO_IP, IP_TTL, 1), 0);
    ck_assert_int_eq(i == 2 ? sr_send(p, b, echo(b, ICMP_ECHO, 0, 1, 4), 0) :
      to(p, b, echo(b, ICMP_ECHO, 0, 1, 4), "10.2.0.3"), 12);
  }
  ck_assert_int_eq(sock_error(p1), 0);
  ck_assert_int_eq(sock_error(p2), EHOSTUNREACH);
  ck_assert_int_eq(sock_error(p3), 0);
  ck_assert_int_eq(read_errq(p2, &q), 12);
  ck_assert_uint_eq(q.data[0], ICMP_ECHO);
  ck_assert_uint_eq(q.ee.ee_type, ICMP_TIME_EXCEEDED);
  ck_assert_uint_eq(q.ee.ee_errno, EHOSTUNREACH);
  ck_assert_uint_eq(q.offender.sin_addr.s_addr, inet_addr("10.0.0.254"));
  ck_assert_uint_eq(q.name.sin_addr.s_addr, inet_addr("10.2.0.3"));
  ck_fails(rcv(p1, b, sizeof b), EAGAIN);
}
END_TEST

START_TEST(errors_ping_hard_and_soft)
{
  CLAUSES("ip.7:IP_RECVERR");
  uint8_t b[100];
  struct sockaddr_in s = sr_test_sin("10.9.1.1", 0);
  int p4, p5;
  on(pa);
  open_ping();
  p4 = ping();
  ck_assert_int_eq(sr_connect(p4, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(sr_send(p4, b, echo(b, ICMP_ECHO, 0, 2, 4), 0), 12);
  /* the pending hard error comes back from the next send */
  ck_fails(sr_send(p4, b, echo(b, ICMP_ECHO, 0, 3, 4), 0), EHOSTUNREACH);
  p5 = ping();
  s = sr_test_sin("10.8.1.1", 0);
  ck_assert_int_eq(sr_connect(p5, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(sr_send(p5, b, echo(b, ICMP_ECHO, 0, 2, 4), 0), 12);
  ck_assert_int_eq(sock_error(p5), 0);
}
END_TEST

START_TEST(errors_ping_frag_needed)
{
  CLAUSES("ip.7:IP_RECVERR", "ip.7:IP_MTU");
  static uint8_t b[1500];
  struct sockaddr_in s = sr_test_sin("10.2.0.3", 0);
  struct errq q;
  int p6, p7;
  on(pa);
  open_ping();
  p6 = ping();
  ck_assert_int_eq(sr_connect(p6, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(sr_send(p6, b, echo(b, ICMP_ECHO, 0, 3, 1442), 0), 1450);
  ck_assert_int_eq(sock_error(p6), EMSGSIZE);
  ck_assert_int_eq(sr_test_geti(p6, IPPROTO_IP, IP_MTU), 1400);
  /* the next request leaves in fragments, and the reply comes back */
  ck_assert_int_eq(sr_send(p6, b, echo(b, ICMP_ECHO, 0, 4, 1442), 0), 1450);
  ck_assert_int_eq(rcv(p6, b, sizeof b), 1450);
  ck_assert_uint_eq(b[0], ICMP_ECHOREPLY);
  p7 = ping();
  ck_assert_int_eq(sr_connect(p7, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(sr_test_seti(p7, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO), 0);
  ck_assert_int_eq(sr_test_seti(p7, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_fails(sr_send(p7, b, echo(b, ICMP_ECHO, 0, 5, 1442), 0), EMSGSIZE);
  ck_assert_int_eq(read_errq(p7, &q), 0);
  ck_assert_uint_eq(q.ee.ee_origin, SO_EE_ORIGIN_LOCAL);
  ck_assert_uint_eq(q.ee.ee_info, 1400);
}
END_TEST

START_TEST(ping_across_router)
{
  CLAUSES("ip.7:DESCRIPTION");
  uint8_t b[100];
  struct sockaddr_in from;
  socklen_t fl = sizeof from;
  struct sockaddr_in s = sr_test_sin("0.0.0.0", 3333);
  int p;
  on(pa);
  open_ping();
  p = ping();
  ck_assert_int_eq(sr_bind(p, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(to(p, b, echo(b, ICMP_ECHO, 9, 1, 6), "10.2.0.3"), 14);
  ck_assert_int_eq(sr_recvfrom(p, b, sizeof b, MSG_DONTWAIT, (struct sockaddr *) &from, &fl), 14);
  ck_assert_uint_eq(b[0], ICMP_ECHOREPLY);
  ck_assert_uint_eq(nt_get16(b + 4), 3333);
  ck_assert_uint_eq(nt_sum(b, 14, 0), 0);
  ck_assert_uint_eq(from.sin_addr.s_addr, inet_addr("10.2.0.3"));
  ck_assert_uint_eq(from.sin_port, 0);
}
END_TEST

/* ---- the wire ------------------------------------------------------------- */

static char cap_path[64];
/* a raw socket on A sends; a capture on A's interface shows what leaves */
START_TEST(hdrincl_on_the_wire)
{
  CLAUSES("ip.7:IP_HDRINCL");
  uint8_t d[64];
  nt_cap c;
  int cap, fd;
  size_t n = nt_ip(d, "0.0.0.0", "10.0.0.77", 253, 7, 0x20, 0, 0, 8, NULL, 0);
  memcpy(d + n, "hdrincl!", 8);
  nt_put16(d + 2, 1234);
  nt_put16(d + 10, 0x5555);
  on(pa);
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), 0, 2);
  ck_assert_int_gt(cap, 0);
  fd = raw(IPPROTO_RAW);
  /* to the router's address: the header keeps its own destination
     (tcpdump on the sender's veth: 10.0.0.1 > 10.0.0.77: ip-proto-253 8,
     tos 0x20, ttl 7, a fresh id, length 28) */
  ck_assert_int_eq(to(fd, d, n + 8, "10.0.0.254"), 28);
  ck_assert_int_eq(sr_pcap_close(cap), 0);
  nt_read(cap_path, &c);
  unlink(cap_path);
  ck_assert_int_eq(c.n, 1);
  nt_check_sums(c.f[0].d, c.f[0].len);
  ck_assert_uint_eq(NT_SRC(c.f[0].d), inet_addr("10.0.0.1"));
  ck_assert_uint_eq(NT_DST(c.f[0].d), inet_addr("10.0.0.77"));
  ck_assert_uint_eq(NT_TTL(c.f[0].d), 7);
  ck_assert_uint_eq(NT_TOS(c.f[0].d), 0x20);
  ck_assert_uint_ne(NT_ID(c.f[0].d), 0);
  ck_assert_int_eq(memcmp(c.f[0].d + 20, "hdrincl!", 8), 0);
  nt_free(&c);
}
END_TEST

/* a datagram of an unknown protocol offered to host 0: "protocol unreachable"
   unless a raw socket of that protocol matches, which then receives it */
START_TEST(raw_socket_suppresses_protocol_unreachable)
{
  CLAUSES("ip.7:DESCRIPTION");
  uint8_t d[64], b[64];
  nt_cap c;
  int cap, fd;
  size_t n = nt_ip(d, "10.0.0.254", "10.0.0.1", 253, 64, 0, 99, 0, 10, NULL, 0);
  memcpy(d + n, "0123456789", 10);
  on(pa);
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), 0, 2);
  ck_assert_int_eq(sr_inject(0, 2, d, n + 10), 0);
  fd = raw(253);
  ck_assert_int_eq(sr_inject(0, 2, d, n + 10), 0);
  ck_assert_int_eq(rcv(fd, b, sizeof b), 30);
  ck_assert_int_eq(memcmp(b, d, 30), 0);
  ck_assert_int_eq(sr_pcap_close(cap), 0);
  nt_read(cap_path, &c);
  unlink(cap_path);
  ck_assert_int_eq(c.n, 3); /* the two offered datagrams and one answer */
  ck_assert_uint_eq(NT_PROTO(c.f[1].d), IPPROTO_ICMP);
  ck_assert_uint_eq(c.f[1].d[20], ICMP_DEST_UNREACH);
  ck_assert_uint_eq(c.f[1].d[21], ICMP_PROT_UNREACH);
  nt_free(&c);
}
END_TEST

/* fragments written by a program leave as written and are received whole,
   with or without IP_NODEFRAG */
START_TEST(nodefrag_changes_nothing)
{
  CLAUSES("ip.7:IP_NODEFRAG");
  uint8_t d[64], b[64];
  int r = raw(253), r2 = raw(253), s = raw(IPPROTO_RAW);
  size_t n;
  ck_assert_int_eq(sr_test_seti(r, IPPROTO_IP, IP_NODEFRAG, 1), 0);
  ck_assert_int_eq(sr_test_seti(s, IPPROTO_IP, IP_NODEFRAG, 1), 0);
  n = nt_ip(d, "127.0.0.1", "127.0.0.1", 253, 64, 0, 0x1234, IP_MF, 16, NULL, 0);
  memset(d + n, 'a', 16);
  ck_assert_int_eq(to(s, d, n + 16, "127.0.0.1"), 36);
  ck_fails(rcv(r, b, sizeof b), EAGAIN);
  n = nt_ip(d, "127.0.0.1", "127.0.0.1", 253, 64, 0, 0x1234, 2, 8, NULL, 0);
  memset(d + n, 'b', 8);
  ck_assert_int_eq(to(s, d, n + 8, "127.0.0.1"), 28);
  ck_assert_int_eq(rcv(r, b, sizeof b), 44);
  ck_assert_uint_eq(NT_ID(b), 0x1234);
  ck_assert_uint_eq(NT_FRAG(b), 0);
  ck_assert_int_eq(rcv(r2, b, sizeof b), 44);
}
END_TEST

/* a raw socket's send neither returns a pending error nor stops after
   SHUT_WR; with IP_HDRINCL it does both */
START_TEST(raw_send_pending_error_and_shutdown)
{
  CLAUSES("socket.7:SO_ERROR", "ip.7:IP_HDRINCL");
  uint8_t d[64];
  struct sockaddr_in s = sr_test_sin("10.0.0.1", 0);
  int x = raw(253), y;
  ck_assert_int_eq(sr_bind(x, (struct sockaddr *) &s, sizeof s), 0);
  s = sr_test_sin("127.0.0.1", 0);
  ck_assert_int_eq(sr_connect(x, (struct sockaddr *) &s, sizeof s), 0);
  ck_assert_int_eq(sr_send(x, "0123456789", 10, 0), 10);
  ck_assert_int_eq(sr_send(x, "0123456789", 10, 0), 10);
  ck_assert_int_eq(sr_test_seti(x, IPPROTO_IP, IP_HDRINCL, 1), 0);
  memset(d, 0, sizeof d);
  d[0] = 0x45; d[8] = 64; d[9] = 253;
  ck_fails(sr_send(x, d, 30, 0), ENOPROTOOPT);
  y = raw(253);
  ck_fails(sr_shutdown(y, SHUT_WR), ENOTCONN);
  ck_assert_int_eq(to(y, "0123456789", 10, "127.0.0.1"), 10);
  ck_assert_int_eq(sr_test_seti(y, IPPROTO_IP, IP_HDRINCL, 1), 0);
  ck_fails(to(y, d, 30, "127.0.0.1"), EPIPE);
}
END_TEST

/* ENOBUFS: a raw socket's fragments are charged against twice SO_SNDBUF */
START_TEST(raw_send_enobufs)
{
  CLAUSES("socket.7:SO_SNDBUF");
  static uint8_t d[9000];
  int x = raw(253), zero = 0;
  ck_assert_int_eq(sr_setsockopt(x, SOL_SOCKET, SO_SNDBUF, &zero, 4), 0);
  ck_assert_int_eq(sr_test_geti(x, SOL_SOCKET, SO_SNDBUF), 4608);
  ck_assert_int_eq(to(x, d, 1480 * 4, "10.0.0.2"), 5920);
  ck_assert_int_eq(sr_close(x), 0);
  x = raw(253);
  ck_assert_int_eq(sr_setsockopt(x, SOL_SOCKET, SO_SNDBUF, &zero, 4), 0);
  ck_fails(to(x, d, 1480 * 5, "10.0.0.2"), ENOBUFS);
}
END_TEST

Suite *suite_raw(void)
{
  Suite *s = suite_create("raw");
  TCase *tc = sr_tcase(s, "icmp_filter");
  tcase_add_test(tc, icmp_filter_values);
  tcase_add_test(tc, icmp_filter_errors);
  tc = sr_tcase(s, "wire");
  tcase_add_test(tc, nodefrag_changes_nothing);
  tcase_add_test(tc, raw_send_pending_error_and_shutdown);
  tcase_add_test(tc, raw_send_enobufs);
  tc = tcase_create("router");
  tcase_add_checked_fixture(tc, routed, NULL);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, router_alert_tapped);
  tcase_add_test(tc, router_alert_before_ttl);
  tcase_add_test(tc, router_alert_bindings);
  tcase_add_test(tc, router_alert_off_closed_and_not_forwarding);
  tcase_add_test(tc, router_alert_fragments_and_filter);
  tcase_add_test(tc, router_alert_local);
  tcase_add_test(tc, errors_raw_icmp_prohibited);
  tcase_add_test(tc, errors_raw_protocol_unreachable);
  tcase_add_test(tc, errors_ping_time_exceeded);
  tcase_add_test(tc, errors_ping_hard_and_soft);
  tcase_add_test(tc, errors_ping_frag_needed);
  tcase_add_test(tc, ping_across_router);
  tcase_add_test(tc, hdrincl_on_the_wire);
  tcase_add_test(tc, raw_socket_suppresses_protocol_unreachable);
  return s;
}
