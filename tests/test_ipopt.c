/* test_ipopt.c -- the IPPROTO_IP options of sockref (web/ipopt.w) against
   values measured on Linux 6.18 (facts/ipopt, facts/ipopt2). */
#include "sr_test.h"

enum { K_TCP, K_UDP, K_RAW255, K_ICMP, NK };
static int mk(int k)
{
  static const int t[NK] = {SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_RAW};
  static const int p[NK] = {0, 0, IPPROTO_RAW, IPPROTO_ICMP};
  int fd = sr_socket(AF_INET, t[k], p[k]);
  ck_assert_int_ge(fd, 0);
  return fd;
}
static int geti(int fd, int name) { return sr_test_geti(fd, IPPROTO_IP, name); }
static int seti(int fd, int name, int v) { return sr_test_seti(fd, IPPROTO_IP, name, v); }
static int setb(int fd, int name, unsigned char b, int len)
{
  unsigned char buf[4] = {b, 0, 0, 0};
  return sr_setsockopt(fd, IPPROTO_IP, name, buf, (socklen_t) len);
}

/* ---- defaults ---- */
START_TEST(defaults_all_kinds)
{
  CLAUSES("ip.7:IP_TOS", "ip.7:IP_TTL", "ip.7:IP_HDRINCL", "ip.7:IP_ROUTER_ALERT",
    "ip.7:IP_RECVOPTS", "ip.7:IP_RETOPTS", "ip.7:IP_PKTINFO", "ip.7:IP_MTU_DISCOVER",
    "ip.7:IP_RECVERR", "ip.7:IP_RECVTTL", "ip.7:IP_RECVTOS", "ip.7:IP_FREEBIND",
    "ip.7:IP_PASSSEC", "ip.7:IP_TRANSPARENT", "ip.7:IP_RECVORIGDSTADDR", "ip.7:IP_NODEFRAG",
    "ip.7:IP_BIND_ADDRESS_NO_PORT", "ip.7:IP_MULTICAST_TTL", "ip.7:IP_MULTICAST_LOOP",
    "ip.7:IP_MULTICAST_ALL", "ip.7:IP_MULTICAST_IF", "ip.7:IP_OPTIONS", "ip.7:IP_MTU");
  static const int hdrincl[NK] = {0, 0, 1, 0};
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    ck_assert_int_eq(geti(fd, IP_TOS), 0);
    ck_assert_int_eq(geti(fd, IP_TTL), 64);
    ck_assert_int_eq(geti(fd, IP_HDRINCL), hdrincl[k]);
    ck_assert_int_eq(geti(fd, IP_MTU_DISCOVER), IP_PMTUDISC_WANT);
    ck_assert_int_eq(geti(fd, IP_MULTICAST_TTL), 1);
    ck_assert_int_eq(geti(fd, IP_MULTICAST_LOOP), 1);
    ck_assert_int_eq(geti(fd, IP_MULTICAST_ALL), 1);
    static const int zero[] = {IP_ROUTER_ALERT, IP_RECVOPTS, IP_RETOPTS, IP_PKTINFO,
      IP_RECVERR, IP_RECVTTL, IP_RECVTOS, IP_FREEBIND, IP_PASSSEC, IP_TRANSPARENT,
      IP_RECVORIGDSTADDR, IP_NODEFRAG, IP_BIND_ADDRESS_NO_PORT};
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
      ck_assert_int_eq(geti(fd, zero[i]), 0);
    unsigned char b[8]; memset(b, 0xaa, sizeof b);
    socklen_t len = 12;
    ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, b, &len), 0);
    ck_assert_int_eq(len, 4);
    ck_assert_int_eq(b[0] | b[1] | b[2] | b[3], 0);
    len = 40;
    ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_OPTIONS, b, &len), 0);
    ck_assert_int_eq(len, 0);
    len = 4;
    ck_fails(sr_getsockopt(fd, IPPROTO_IP, IP_MTU, b, &len), ENOTCONN);
    ck_assert_int_eq(len, 4);
    sr_close(fd);
  }
}
END_TEST

START_TEST(ttl_default_follows_sysctl)
{
  CLAUSES("ip.7:IP_TTL");
  int fd = mk(K_UDP);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_default_ttl", "99"), 0);
  ck_assert_int_eq(geti(fd, IP_TTL), 99);
}
END_TEST

/* ---- IP_TTL ---- */
START_TEST(ttl_values)
{
  CLAUSES("ip.7:IP_TTL");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    ck_assert_int_eq(seti(fd, IP_TTL, 1), 0);
    ck_assert_int_eq(geti(fd, IP_TTL), 1);
    ck_assert_int_eq(seti(fd, IP_TTL, 255), 0);
    ck_assert_int_eq(geti(fd, IP_TTL), 255);
    ck_fails(seti(fd, IP_TTL, 0), EINVAL);
    ck_fails(seti(fd, IP_TTL, 256), EINVAL);
    ck_fails(seti(fd, IP_TTL, 1000), EINVAL);
    ck_fails(seti(fd, IP_TTL, -2), EINVAL);
    ck_assert_int_eq(geti(fd, IP_TTL), 255);
    ck_assert_int_eq(seti(fd, IP_TTL, 7), 0);
    ck_assert_int_eq(seti(fd, IP_TTL, -1), 0);
    ck_assert_int_eq(geti(fd, IP_TTL), 64);
    ck_fails(setb(fd, IP_TTL, 0, 1), EINVAL);
    ck_assert_int_eq(setb(fd, IP_TTL, 0xc8, 1), 0);
    ck_assert_int_eq(geti(fd, IP_TTL), 200);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_TTL, NULL, 0), EINVAL);
    ck_fails(setb(fd, IP_TTL, 5, 0), EINVAL);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_TTL, NULL, 4), EFAULT);
    sr_close(fd);
  }
}
END_TEST

START_TEST(ttl_byte_forms)
{
  CLAUSES("ip.7:IP_TTL");
  int fd = mk(K_UDP);
  ck_assert_int_eq(seti(fd, IP_TTL, 200), 0);
  for (socklen_t l = 1; l <= 3; l++) {
    unsigned char b[4] = {0xaa, 0xaa, 0xaa, 0xaa};
    socklen_t len = l;
    ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_TTL, b, &len), 0);
    ck_assert_int_eq(len, 1);
    ck_assert_int_eq(b[0], 0xc8);
    ck_assert_int_eq(b[1], 0xaa);
  }
  int v = 0; socklen_t len = 8;
  ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_TTL, &v, &len), 0);
  ck_assert_int_eq(len, 4);
  len = 0;
  ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_TTL, &v, &len), 0);
  ck_assert_int_eq(len, 0);
  len = 4;
  ck_fails(sr_getsockopt(fd, IPPROTO_IP, IP_TTL, NULL, &len), EFAULT);
  ck_assert_int_eq(len, 4);
  ck_fails(sr_getsockopt(fd, IPPROTO_IP, IP_TTL, &v, NULL), EFAULT);
  len = (socklen_t) -1;
  ck_fails(sr_getsockopt(fd, IPPROTO_IP, IP_TTL, &v, &len), EINVAL);
  v = 9;
  ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_TTL, &v, (socklen_t) -1), EINVAL);
  /* two bytes 00 01: only the first byte counts -> 0 -> EINVAL */
  unsigned char two[2] = {0, 1};
  ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_TTL, two, 2), EINVAL);
}
END_TEST

/* ---- IP_TOS ---- */
START_TEST(tos_values)
{
  CLAUSES("ip.7:IP_TOS");
  int t = mk(K_TCP), u = mk(K_UDP), r = mk(K_RAW255), i = mk(K_ICMP);
  ck_assert_int_eq(seti(t, IP_TOS, 0xff), 0); ck_assert_int_eq(geti(t, IP_TOS), 252);
  ck_assert_int_eq(seti(u, IP_TOS, 0xff), 0); ck_assert_int_eq(geti(u, IP_TOS), 255);
  ck_assert_int_eq(seti(t, IP_TOS, 0x03), 0); ck_assert_int_eq(geti(t, IP_TOS), 0);
  ck_assert_int_eq(seti(u, IP_TOS, 0x03), 0); ck_assert_int_eq(geti(u, IP_TOS), 3);
  ck_assert_int_eq(seti(t, IP_TOS, 0xe3), 0); ck_assert_int_eq(geti(t, IP_TOS), 0xe0);
  ck_assert_int_eq(seti(r, IP_TOS, 0xe3), 0); ck_assert_int_eq(geti(r, IP_TOS), 227);
  ck_assert_int_eq(seti(i, IP_TOS, 0x1c), 0); ck_assert_int_eq(seti(i, IP_TOS, 0x03), 0);
  ck_assert_int_eq(geti(i, IP_TOS), 3);
  ck_assert_int_eq(seti(t, IP_TOS, 0x1c), 0); ck_assert_int_eq(seti(t, IP_TOS, 0x03), 0);
  ck_assert_int_eq(geti(t, IP_TOS), 0);
  ck_assert_int_eq(seti(u, IP_TOS, 256), 0); ck_assert_int_eq(geti(u, IP_TOS), 0);
  ck_assert_int_eq(seti(u, IP_TOS, 511), 0); ck_assert_int_eq(geti(u, IP_TOS), 0xff);
  ck_assert_int_eq(seti(t, IP_TOS, -1), 0); ck_assert_int_eq(geti(t, IP_TOS), 0xfc);
  ck_assert_int_eq(seti(u, IP_TOS, -1), 0); ck_assert_int_eq(geti(u, IP_TOS), 0xff);
  ck_assert_int_eq(setb(t, IP_TOS, 0xe3, 1), 0); ck_assert_int_eq(geti(t, IP_TOS), 0xe0);
  ck_assert_int_eq(setb(u, IP_TOS, 0xe3, 1), 0); ck_assert_int_eq(geti(u, IP_TOS), 0xe3);
  ck_assert_int_eq(sr_setsockopt(u, IPPROTO_IP, IP_TOS, NULL, 0), 0);
  ck_assert_int_eq(geti(u, IP_TOS), 0);
}
END_TEST

START_TEST(tos_unprivileged)
{
  CLAUSES("ip.7:IP_TOS", "ip.7:IP_FREEBIND", "ip.7:IP_TTL", "ip.7:IP_MTU_DISCOVER",
    "ip.7:IP_PASSSEC", "ip.7:IP_MULTICAST_LOOP", "ip.7:IP_HDRINCL", "ip.7:IP_NODEFRAG",
    "ip.7:IP_ROUTER_ALERT");
  int t = mk(K_TCP), r = mk(K_RAW255), i = mk(K_ICMP);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  static const int tos[] = {0xe0, 0xc0, 0xa0, 0x1c};
  for (int k = 0; k < 4; k++) {
    ck_assert_int_eq(seti(t, IP_TOS, tos[k]), 0);
    ck_assert_int_eq(geti(t, IP_TOS), tos[k]);
  }
  ck_assert_int_eq(seti(t, IP_FREEBIND, 1), 0);
  ck_assert_int_eq(geti(t, IP_FREEBIND), 1);
  ck_assert_int_eq(seti(t, IP_TTL, 200), 0);
  ck_assert_int_eq(seti(t, IP_MTU_DISCOVER, 2), 0);
  ck_assert_int_eq(seti(t, IP_PASSSEC, 1), 0);
  ck_assert_int_eq(seti(t, IP_MULTICAST_LOOP, 0), 0);
  ck_assert_int_eq(seti(r, IP_HDRINCL, 0), 0);
  ck_assert_int_eq(seti(r, IP_NODEFRAG, 1), 0);
  ck_assert_int_eq(seti(i, IP_ROUTER_ALERT, 1), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
}
END_TEST

START_TEST(tos_sets_priority)
{
  CLAUSES("ip.7:IP_TOS");
  static const int tos[] = {0x10, 0x08, 0x18, 0x04, 0x1e, 0xff, 256};
  static const int prio[] = {6, 2, 4, 0, 4, 4, 0};
  for (int k = K_TCP; k <= K_UDP; k++) {
    int fd = mk(k);
    for (int j = 0; j < 7; j++) {
      ck_assert_int_eq(seti(fd, IP_TOS, tos[j]), 0);
      ck_assert_int_eq(sr_test_geti(fd, SOL_SOCKET, SO_PRIORITY), prio[j]);
    }
    ck_assert_int_eq(sr_test_seti(fd, SOL_SOCKET, SO_PRIORITY, 3), 0);
    ck_assert_int_eq(seti(fd, IP_TOS, 0), 0);
    ck_assert_int_eq(sr_test_geti(fd, SOL_SOCKET, SO_PRIORITY), 3);
    ck_assert_int_eq(seti(fd, IP_TOS, 0x10), 0);
    ck_assert_int_eq(sr_test_seti(fd, SOL_SOCKET, SO_PRIORITY, 3), 0);
    ck_assert_int_eq(seti(fd, IP_TOS, 0x11), 0);
    ck_assert_int_eq(sr_test_geti(fd, SOL_SOCKET, SO_PRIORITY), k == K_TCP ? 3 : 6);
  }
}
END_TEST

/* ---- flags ---- */
static const int plain_flags[] = {IP_RECVOPTS, IP_RETOPTS, IP_PKTINFO, IP_RECVERR,
  IP_RECVTTL, IP_RECVTOS, IP_PASSSEC, IP_RECVORIGDSTADDR, IP_BIND_ADDRESS_NO_PORT};

START_TEST(plain_flags_all_kinds)
{
  CLAUSES("ip.7:IP_RECVOPTS", "ip.7:IP_RETOPTS", "ip.7:IP_PKTINFO", "ip.7:IP_RECVERR",
    "ip.7:IP_RECVTTL", "ip.7:IP_RECVTOS", "ip.7:IP_PASSSEC", "IP_PASSSEC.2const:DESCRIPTION",
    "ip.7:IP_RECVORIGDSTADDR", "ip.7:IP_BIND_ADDRESS_NO_PORT");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    for (size_t i = 0; i < sizeof plain_flags / sizeof plain_flags[0]; i++) {
      int o = plain_flags[i];
      ck_assert_int_eq(seti(fd, o, 2), 0); ck_assert_int_eq(geti(fd, o), 1);
      ck_assert_int_eq(seti(fd, o, 0), 0); ck_assert_int_eq(geti(fd, o), 0);
      ck_assert_int_eq(seti(fd, o, 256), 0); ck_assert_int_eq(geti(fd, o), 1);
      ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, o, NULL, 0), 0);
      ck_assert_int_eq(geti(fd, o), 0);
      ck_assert_int_eq(seti(fd, o, -1), 0); ck_assert_int_eq(geti(fd, o), 1);
      ck_assert_int_eq(seti(fd, o, 1), 0); /* twice is fine */
      ck_assert_int_eq(setb(fd, o, 0, 1), 0); ck_assert_int_eq(geti(fd, o), 0);
      ck_assert_int_eq(setb(fd, o, 0xff, 1), 0); ck_assert_int_eq(geti(fd, o), 1);
      unsigned char two[2] = {0, 1};
      ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, o, two, 2), 0);
      ck_assert_int_eq(geti(fd, o), 0);
      ck_fails(sr_setsockopt(fd, IPPROTO_IP, o, NULL, 1), EFAULT);
    }
    sr_close(fd);
  }
}
END_TEST

START_TEST(flag_read_as_byte)
{
  CLAUSES("ip.7:IP_PKTINFO");
  int fd = mk(K_UDP);
  ck_assert_int_eq(seti(fd, IP_PKTINFO, 7), 0);
  unsigned char b[4] = {0xaa, 0xaa, 0xaa, 0xaa};
  socklen_t len = 2;
  ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_PKTINFO, b, &len), 0);
  ck_assert_int_eq(len, 1);
  ck_assert_int_eq(b[0], 1);
  ck_assert_int_eq(b[1], 0xaa);
}
END_TEST

START_TEST(freebind_transparent)
{
  CLAUSES("ip.7:IP_FREEBIND", "ip.7:IP_TRANSPARENT");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_FREEBIND, NULL, 0), EINVAL);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_TRANSPARENT, NULL, 0), EINVAL);
    ck_assert_int_eq(seti(fd, IP_FREEBIND, 5), 0); ck_assert_int_eq(geti(fd, IP_FREEBIND), 1);
    ck_assert_int_eq(seti(fd, IP_TRANSPARENT, 5), 0); ck_assert_int_eq(geti(fd, IP_TRANSPARENT), 1);
    ck_assert_int_eq(setb(fd, IP_TRANSPARENT, 0, 1), 0);
    ck_assert_int_eq(geti(fd, IP_TRANSPARENT), 0);
    sr_close(fd);
  }
}
END_TEST

START_TEST(transparent_needs_capability)
{
  CLAUSES("ip.7:IP_TRANSPARENT");
  for (int k = K_TCP; k <= K_UDP; k++) {
    int fd = mk(k);
    ck_assert_int_eq(sr_seteuid(65534), 0);
    ck_fails(seti(fd, IP_TRANSPARENT, 1), EPERM);
    ck_assert_int_eq(geti(fd, IP_TRANSPARENT), 0);
    ck_assert_int_eq(seti(fd, IP_TRANSPARENT, 0), 0);
    ck_assert_int_eq(seti(fd, IP_FREEBIND, 1), 0);
    ck_assert_int_eq(sr_seteuid(0), 0);
    ck_assert_int_eq(seti(fd, IP_TRANSPARENT, 1), 0);
    ck_assert_int_eq(geti(fd, IP_TRANSPARENT), 1);
  }
}
END_TEST

START_TEST(hdrincl_nodefrag)
{
  CLAUSES("ip.7:IP_HDRINCL", "ip.7:IP_NODEFRAG");
  for (int k = K_TCP; k <= K_UDP; k++) {
    int fd = mk(k);
    ck_fails(seti(fd, IP_HDRINCL, 1), ENOPROTOOPT);
    ck_fails(seti(fd, IP_HDRINCL, 0), ENOPROTOOPT);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_HDRINCL, NULL, 0), ENOPROTOOPT);
    ck_fails(seti(fd, IP_NODEFRAG, 1), ENOPROTOOPT);
    ck_assert_int_eq(geti(fd, IP_HDRINCL), 0);
    ck_assert_int_eq(geti(fd, IP_NODEFRAG), 0);
  }
  int r = mk(K_RAW255), i = mk(K_ICMP);
  ck_assert_int_eq(seti(r, IP_HDRINCL, 0), 0); ck_assert_int_eq(geti(r, IP_HDRINCL), 0);
  ck_assert_int_eq(seti(r, IP_HDRINCL, 9), 0); ck_assert_int_eq(geti(r, IP_HDRINCL), 1);
  ck_assert_int_eq(sr_setsockopt(r, IPPROTO_IP, IP_HDRINCL, NULL, 0), 0);
  ck_assert_int_eq(geti(r, IP_HDRINCL), 0);
  ck_assert_int_eq(seti(i, IP_HDRINCL, 1), 0); ck_assert_int_eq(geti(i, IP_HDRINCL), 1);
  ck_assert_int_eq(seti(i, IP_NODEFRAG, 3), 0); ck_assert_int_eq(geti(i, IP_NODEFRAG), 1);
  ck_assert_int_eq(sr_setsockopt(i, IPPROTO_IP, IP_NODEFRAG, NULL, 0), 0);
  ck_assert_int_eq(geti(i, IP_NODEFRAG), 0);
  ck_assert_int_eq(seti(r, IP_NODEFRAG, 1), 0); ck_assert_int_eq(geti(r, IP_NODEFRAG), 1);
}
END_TEST

START_TEST(router_alert)
{
  CLAUSES("ip.7:IP_ROUTER_ALERT");
  for (int k = K_TCP; k <= K_RAW255; k++) {
    int fd = mk(k);
    ck_fails(seti(fd, IP_ROUTER_ALERT, 1), EINVAL);
    ck_fails(seti(fd, IP_ROUTER_ALERT, 0), EINVAL);
    ck_assert_int_eq(geti(fd, IP_ROUTER_ALERT), 0);
  }
  int i = mk(K_ICMP);
  ck_fails(sr_setsockopt(i, IPPROTO_IP, IP_ROUTER_ALERT, NULL, 0), ENOBUFS);
  ck_assert_int_eq(seti(i, IP_ROUTER_ALERT, 1), 0);
  ck_assert_int_eq(geti(i, IP_ROUTER_ALERT), 1);
  ck_fails(seti(i, IP_ROUTER_ALERT, 1), EADDRINUSE);
  ck_fails(seti(i, IP_ROUTER_ALERT, 256), EADDRINUSE);
  ck_assert_int_eq(seti(i, IP_ROUTER_ALERT, 0), 0);
  ck_assert_int_eq(geti(i, IP_ROUTER_ALERT), 0);
  ck_fails(seti(i, IP_ROUTER_ALERT, 0), ENOBUFS);
  unsigned char two[2] = {0, 1};
  ck_fails(sr_setsockopt(i, IPPROTO_IP, IP_ROUTER_ALERT, two, 2), ENOBUFS);
  /* a second raw socket has its own place on the host's chain */
  int j = mk(K_ICMP);
  ck_assert_int_eq(seti(i, IP_ROUTER_ALERT, 1), 0);
  ck_assert_int_eq(seti(j, IP_ROUTER_ALERT, 1), 0);
  ck_assert_int_eq(sr_close(i), 0);
}
END_TEST

/* ---- MTU ---- */
START_TEST(mtu_discover)
{
  CLAUSES("ip.7:IP_MTU_DISCOVER");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    for (int v = 0; v <= 5; v++) {
      ck_assert_int_eq(seti(fd, IP_MTU_DISCOVER, v), 0);
      ck_assert_int_eq(geti(fd, IP_MTU_DISCOVER), v);
    }
    static const int bad[] = {6, 7, 100, -1, 256};
    for (int j = 0; j < 5; j++) ck_fails(seti(fd, IP_MTU_DISCOVER, bad[j]), EINVAL);
    ck_assert_int_eq(setb(fd, IP_MTU_DISCOVER, 3, 1), 0);
    ck_assert_int_eq(geti(fd, IP_MTU_DISCOVER), 3);
    ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, NULL, 0), 0);
    ck_assert_int_eq(geti(fd, IP_MTU_DISCOVER), IP_PMTUDISC_DONT);
  }
}
END_TEST

START_TEST(mtu_discover_default_sysctl)
{
  CLAUSES("ip.7:IP_MTU_DISCOVER");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_no_pmtu_disc", "1"), 0);
  int fd = mk(K_UDP);
  ck_assert_int_eq(geti(fd, IP_MTU_DISCOVER), IP_PMTUDISC_DONT);
}
END_TEST

START_TEST(mtu_readonly_unconnected)
{
  CLAUSES("ip.7:IP_MTU");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k), v = 1500;
    ck_fails(seti(fd, IP_MTU, 1500), ENOPROTOOPT);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MTU, &v, 0), ENOPROTOOPT);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MTU, &v, (socklen_t) -1), EINVAL);
    for (socklen_t l = 0; l <= 4; l++) {
      socklen_t len = l;
      ck_fails(sr_getsockopt(fd, IPPROTO_IP, IP_MTU, &v, &len), ENOTCONN);
      ck_assert_int_eq(len, l);
    }
  }
}
END_TEST

/* ---- multicast sending ---- */
START_TEST(multicast_ttl)
{
  CLAUSES("ip.7:IP_MULTICAST_TTL");
  int t = mk(K_TCP);
  ck_fails(seti(t, IP_MULTICAST_TTL, 5), EINVAL);
  ck_fails(sr_setsockopt(t, IPPROTO_IP, IP_MULTICAST_TTL, NULL, 0), EINVAL);
  ck_assert_int_eq(geti(t, IP_MULTICAST_TTL), 1);
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    ck_assert_int_eq(seti(fd, IP_MULTICAST_TTL, 0), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_TTL), 0);
    ck_assert_int_eq(seti(fd, IP_MULTICAST_TTL, 255), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_TTL), 255);
    ck_assert_int_eq(seti(fd, IP_MULTICAST_TTL, 9), 0);
    ck_assert_int_eq(seti(fd, IP_MULTICAST_TTL, -1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_TTL), 1);
    ck_fails(seti(fd, IP_MULTICAST_TTL, 256), EINVAL);
    ck_fails(seti(fd, IP_MULTICAST_TTL, -2), EINVAL);
    ck_assert_int_eq(setb(fd, IP_MULTICAST_TTL, 0xff, 1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_TTL), 255);
    ck_assert_int_eq(setb(fd, IP_MULTICAST_TTL, 0, 1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_TTL), 0);
    ck_assert_int_eq(setb(fd, IP_MULTICAST_TTL, 7, 3), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_TTL), 7);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, NULL, 0), EINVAL);
  }
}
END_TEST

START_TEST(multicast_loop_all)
{
  CLAUSES("ip.7:IP_MULTICAST_LOOP", "ip.7:IP_MULTICAST_ALL");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    static const int nz[] = {2, -1, 256};
    for (int j = 0; j < 3; j++) {
      ck_assert_int_eq(seti(fd, IP_MULTICAST_LOOP, 0), 0);
      ck_assert_int_eq(geti(fd, IP_MULTICAST_LOOP), 0);
      ck_assert_int_eq(seti(fd, IP_MULTICAST_LOOP, nz[j]), 0);
      ck_assert_int_eq(geti(fd, IP_MULTICAST_LOOP), 1);
    }
    ck_assert_int_eq(setb(fd, IP_MULTICAST_LOOP, 0, 1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_LOOP), 0);
    ck_assert_int_eq(setb(fd, IP_MULTICAST_LOOP, 2, 1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_LOOP), 1);
    unsigned char two[2] = {0, 1};
    ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, two, 2), 0);
    ck_assert_int_eq(geti(fd, IP_MULTICAST_LOOP), 0);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, NULL, 0), EINVAL);

    ck_assert_int_eq(seti(fd, IP_MULTICAST_ALL, 0), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_ALL), 0);
    ck_assert_int_eq(seti(fd, IP_MULTICAST_ALL, 1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_ALL), 1);
    static const int bad[] = {2, 5, -1, 256};
    for (int j = 0; j < 4; j++) ck_fails(seti(fd, IP_MULTICAST_ALL, bad[j]), EINVAL);
    ck_assert_int_eq(setb(fd, IP_MULTICAST_ALL, 0, 1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_ALL), 0);
    ck_assert_int_eq(setb(fd, IP_MULTICAST_ALL, 1, 1), 0); ck_assert_int_eq(geti(fd, IP_MULTICAST_ALL), 1);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_ALL, NULL, 0), EINVAL);
  }
}
END_TEST

static int mcif(int fd, const char *multi, const char *addr, int idx, int len)
{
  struct ip_mreqn m;
  m.imr_multiaddr.s_addr = inet_addr(multi);
  m.imr_address.s_addr = inet_addr(addr);
  m.imr_ifindex = idx;
  unsigned char b[16] = {0};
  memcpy(b, &m, sizeof m);
  return sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, b, (socklen_t) len);
}
static uint32_t mcif_get(int fd)
{
  uint32_t a = 0xaaaaaaaa; socklen_t len = 12;
  ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, &len), 0);
  ck_assert_int_eq(len, 4);
  return a;
}
static int mcif_addr(int fd, const char *a)
{
  struct in_addr in; in.s_addr = inet_addr(a);
  return sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &in, sizeof in);
}

START_TEST(multicast_if_tcp)
{
  CLAUSES("ip.7:IP_MULTICAST_IF");
  int t = mk(K_TCP);
  ck_fails(mcif_addr(t, "10.0.0.1"), EINVAL);
  ck_fails(mcif_addr(t, "0.0.0.0"), EINVAL);
  ck_fails(mcif(t, "0.0.0.0", "0.0.0.0", 2, 12), EINVAL);
  ck_fails(mcif(t, "0.0.0.0", "0.0.0.0", 0, 3), EINVAL);
  ck_assert_uint_eq(mcif_get(t), 0);
}
END_TEST

START_TEST(multicast_if_forms)
{
  CLAUSES("ip.7:IP_MULTICAST_IF");
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    ck_assert_int_eq(mcif_addr(fd, "10.0.0.1"), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("10.0.0.1"));
    ck_assert_int_eq(mcif_addr(fd, "127.0.0.1"), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("127.0.0.1"));
    ck_assert_int_eq(mcif_addr(fd, "127.0.0.2"), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("127.0.0.2"));
    ck_assert_int_eq(mcif_addr(fd, "0.0.0.0"), 0); ck_assert_uint_eq(mcif_get(fd), 0);
    static const char *bad[] = {"1.2.3.4", "10.0.0.255", "224.1.1.1", "10.0.0.254"};
    for (int j = 0; j < 4; j++) {
      ck_fails(mcif_addr(fd, bad[j]), EADDRNOTAVAIL);
      ck_assert_uint_eq(mcif_get(fd), 0);
    }
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "0.0.0.0", 2, 12), 0); ck_assert_uint_eq(mcif_get(fd), 0);
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "0.0.0.0", 1, 12), 0); ck_assert_uint_eq(mcif_get(fd), 0);
    ck_fails(mcif(fd, "0.0.0.0", "0.0.0.0", 99, 12), EADDRNOTAVAIL);
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "10.0.0.1", 0, 12), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("10.0.0.1"));
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "127.0.0.1", 2, 12), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("127.0.0.1"));
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "1.2.3.4", 2, 12), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("1.2.3.4"));
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "10.0.0.1", 0, 8), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("10.0.0.1"));
    ck_fails(mcif(fd, "0.0.0.0", "1.2.3.4", 0, 8), EADDRNOTAVAIL);
    ck_assert_int_eq(mcif(fd, "1.2.3.4", "10.0.0.1", 0, 8), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("10.0.0.1"));
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "10.0.0.1", 0, 9), 0);
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "10.0.0.1", 2, 16), 0); ck_assert_uint_eq(mcif_get(fd), inet_addr("10.0.0.1"));
    ck_assert_int_eq(mcif(fd, "0.0.0.0", "10.0.0.1", 0, 5), 0); ck_assert_uint_eq(mcif_get(fd), 0);
    ck_fails(mcif(fd, "0.0.0.0", "0.0.0.0", 0, 3), EINVAL);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, NULL, 0), EINVAL);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, NULL, 4), EFAULT);
  }
}
END_TEST

START_TEST(multicast_if_read_lengths)
{
  CLAUSES("ip.7:IP_MULTICAST_IF");
  int fd = mk(K_UDP);
  ck_assert_int_eq(mcif_addr(fd, "10.0.0.1"), 0);
  static const unsigned char want[4] = {10, 0, 0, 1};
  for (socklen_t l = 0; l <= 44; l += (l < 4 ? 1 : 4)) {
    unsigned char b[48]; memset(b, 0xaa, sizeof b);
    socklen_t len = l;
    ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, b, &len), 0);
    socklen_t n = l < 4 ? l : 4;
    ck_assert_int_eq(len, n);
    ck_assert_int_eq(memcmp(b, want, n), 0);
    ck_assert_int_eq(b[n], 0xaa);
  }
}
END_TEST

/* ---- IP_OPTIONS ---- */
static int opt_set(int fd, const unsigned char *b, int len)
{
  return sr_setsockopt(fd, IPPROTO_IP, IP_OPTIONS, b, (socklen_t) len);
}
static void opt_expect(int fd, const unsigned char *want, int n)
{
  unsigned char b[48]; memset(b, 0xaa, sizeof b);
  socklen_t len = 40;
  ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_OPTIONS, b, &len), 0);
  ck_assert_int_eq(len, n);
  if (n) ck_assert_int_eq(memcmp(b, want, (size_t) n), 0);
}

START_TEST(options_padding)
{
  CLAUSES("ip.7:IP_OPTIONS");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    unsigned char nop[44]; memset(nop, 1, sizeof nop);
    ck_assert_int_eq(opt_set(fd, nop, 4), 0);
    opt_expect(fd, (const unsigned char[]){1, 1, 1, 1}, 4);
    ck_assert_int_eq(opt_set(fd, NULL, 0), 0);
    opt_expect(fd, NULL, 0);
    ck_assert_int_eq(opt_set(fd, nop, 1), 0); opt_expect(fd, (const unsigned char[]){1, 0, 0, 0}, 4);
    ck_assert_int_eq(opt_set(fd, nop, 3), 0); opt_expect(fd, (const unsigned char[]){1, 1, 1, 0}, 4);
    ck_assert_int_eq(opt_set(fd, nop, 2), 0); opt_expect(fd, (const unsigned char[]){1, 1, 0, 0}, 4);
    ck_assert_int_eq(opt_set(fd, nop, 5), 0);
    opt_expect(fd, (const unsigned char[]){1, 1, 1, 1, 1, 0, 0, 0}, 8);
    ck_assert_int_eq(opt_set(fd, (const unsigned char[]){0}, 1), 0);
    opt_expect(fd, (const unsigned char[]){0, 0, 0, 0}, 4);
    ck_assert_int_eq(opt_set(fd, (const unsigned char[]){1, 0, 0x55, 0x66}, 4), 0);
    opt_expect(fd, (const unsigned char[]){1, 0, 0, 0}, 4);
    ck_assert_int_eq(opt_set(fd, nop, 40), 0); opt_expect(fd, nop, 40);
    ck_fails(opt_set(fd, nop, 41), EINVAL);
    ck_fails(opt_set(fd, nop, 44), EINVAL);
    opt_expect(fd, nop, 40);
    ck_fails(opt_set(fd, NULL, 4), EFAULT);
  }
}
END_TEST

START_TEST(options_parse_root)
{
  CLAUSES("ip.7:IP_OPTIONS");
  int fd = mk(K_UDP);
  static const unsigned char unk[] = {0x55, 4, 0, 0}, badlen[] = {0x55, 9, 0, 0},
    rr[] = {7, 7, 4, 0, 0, 0, 0, 1}, ts[] = {68, 12, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    ra[] = {148, 4, 0, 0}, ssrr[] = {137, 7, 4, 10, 0, 0, 2, 1},
    lsrr[] = {131, 7, 4, 10, 0, 0, 2, 1}, sec[] = {130, 4, 0, 0},
    cipso[] = {134, 8, 0, 0, 0, 1, 0, 0}, single[] = {5};
  ck_assert_int_eq(opt_set(fd, unk, 4), 0); opt_expect(fd, unk, 4);
  ck_assert_int_eq(opt_set(fd, rr, 8), 0); opt_expect(fd, rr, 8);
  ck_assert_int_eq(opt_set(fd, ts, 12), 0); opt_expect(fd, ts, 12);
  ck_assert_int_eq(opt_set(fd, ra, 4), 0); opt_expect(fd, ra, 4);
  ck_assert_int_eq(opt_set(fd, ssrr, 8), 0); opt_expect(fd, ssrr, 8);
  ck_assert_int_eq(opt_set(fd, lsrr, 8), 0); opt_expect(fd, lsrr, 8);
  ck_assert_int_eq(opt_set(fd, sec, 4), 0); opt_expect(fd, sec, 4);
  ck_fails(opt_set(fd, badlen, 4), EINVAL);
  ck_fails(opt_set(fd, cipso, 8), EINVAL);
  ck_fails(opt_set(fd, single, 1), EINVAL);
  opt_expect(fd, sec, 4);
  ck_fails(opt_set(fd, (const unsigned char[]){131, 3, 4, 1, 1, 1, 1, 1}, 8), EINVAL);
  ck_assert_int_eq(opt_set(fd, (const unsigned char[]){68, 12, 5, 2, 0, 0, 0, 0, 0, 0, 0, 0}, 12), 0);
  /* the first free slot of RR and TS reads back as zeros */
  ck_assert_int_eq(opt_set(fd, (const unsigned char[]){7, 7, 4, 9, 9, 9, 9, 1}, 8), 0);
  opt_expect(fd, (const unsigned char[]){7, 7, 4, 0, 0, 0, 0, 1}, 8);
  ck_assert_int_eq(opt_set(fd, (const unsigned char[]){7, 7, 8, 9, 9, 9, 9, 1}, 8), 0);
  opt_expect(fd, (const unsigned char[]){7, 7, 8, 9, 9, 9, 9, 1}, 8);
  ck_assert_int_eq(opt_set(fd, (const unsigned char[]){68, 12, 5, 0, 9, 9, 9, 9, 9, 9, 9, 9}, 12), 0);
  opt_expect(fd, (const unsigned char[]){68, 12, 5, 0, 0, 0, 0, 0, 9, 9, 9, 9}, 12);
  ck_assert_int_eq(opt_set(fd, (const unsigned char[]){68, 12, 5, 1, 9, 9, 9, 9, 9, 9, 9, 9}, 12), 0);
  opt_expect(fd, (const unsigned char[]){68, 12, 5, 1, 0, 0, 0, 0, 0, 0, 0, 0}, 12);
  static const unsigned char ssrr2[] = {137, 11, 4, 10, 0, 0, 2, 10, 0, 0, 3, 1};
  ck_assert_int_eq(opt_set(fd, ssrr2, 12), 0); opt_expect(fd, ssrr2, 12);
}
END_TEST

START_TEST(options_unprivileged)
{
  CLAUSES("ip.7:IP_OPTIONS");
  for (int k = K_TCP; k <= K_UDP; k++) {
    int fd = mk(k);
    ck_assert_int_eq(sr_seteuid(65534), 0);
    ck_fails(opt_set(fd, (const unsigned char[]){0x55, 4, 0, 0}, 4), EINVAL);
    ck_fails(opt_set(fd, (const unsigned char[]){130, 4, 0, 0}, 4), EINVAL);
    ck_fails(opt_set(fd, (const unsigned char[]){131, 7, 4, 10, 0, 0, 2, 1}, 8), EPERM);
    ck_fails(opt_set(fd, (const unsigned char[]){137, 7, 4, 10, 0, 0, 2, 1}, 8), EPERM);
    ck_fails(opt_set(fd, (const unsigned char[]){131, 7, 5, 10, 0, 0, 2, 1}, 8), EINVAL);
    ck_fails(opt_set(fd, (const unsigned char[]){131, 7, 4, 10, 0, 0, 2, 0x55, 4, 0, 0, 0}, 12), EINVAL);
    ck_fails(opt_set(fd, (const unsigned char[]){0x55, 4, 0, 0, 131, 7, 4, 10}, 8), EINVAL);
    ck_fails(opt_set(fd, (const unsigned char[]){68, 12, 5, 2, 0, 0, 0, 0, 0, 0, 0, 0}, 12), EINVAL);
    opt_expect(fd, NULL, 0);
    ck_assert_int_eq(opt_set(fd, (const unsigned char[]){148, 4, 0, 0}, 4), 0);
    ck_assert_int_eq(opt_set(fd, (const unsigned char[]){1, 1, 1, 1}, 4), 0);
    ck_assert_int_eq(opt_set(fd, (const unsigned char[]){7, 7, 4, 0, 0, 0, 0, 1}, 8), 0);
    ck_assert_int_eq(opt_set(fd, (const unsigned char[]){68, 12, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 12), 0);
    ck_assert_int_eq(sr_seteuid(0), 0);
  }
}
END_TEST

START_TEST(options_read_lengths)
{
  CLAUSES("ip.7:IP_OPTIONS");
  int fd = mk(K_ICMP);
  static const unsigned char five[] = {1, 1, 1, 1, 1}, want[] = {1, 1, 1, 1, 1, 0, 0, 0};
  ck_assert_int_eq(opt_set(fd, five, 5), 0);
  static const socklen_t ls[] = {0, 1, 2, 3, 4, 8, 12, 40, 41, 44};
  for (int j = 0; j < 10; j++) {
    unsigned char b[48]; memset(b, 0xaa, sizeof b);
    socklen_t len = ls[j], n = ls[j] < 8 ? ls[j] : 8;
    ck_assert_int_eq(sr_getsockopt(fd, IPPROTO_IP, IP_OPTIONS, b, &len), 0);
    ck_assert_int_eq(len, n);
    ck_assert_int_eq(memcmp(b, want, n), 0);
    ck_assert_int_eq(b[n], 0xaa);
  }
  int fresh = mk(K_UDP);
  socklen_t len = 4;
  ck_assert_int_eq(sr_getsockopt(fresh, IPPROTO_IP, IP_OPTIONS, NULL, &len), 0);
  ck_assert_int_eq(len, 0);
}
END_TEST

START_TEST(unknown_and_getonly)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP", "ip.7:IP_DROP_MEMBERSHIP", "ip.7:IP_BLOCK_SOURCE",
    "ip.7:IP_UNBLOCK_SOURCE", "ip.7:IP_ADD_SOURCE_MEMBERSHIP", "ip.7:IP_DROP_SOURCE_MEMBERSHIP");
  int fd = mk(K_UDP), v = 0;
  static const int setonly[] = {IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, IP_BLOCK_SOURCE,
    IP_UNBLOCK_SOURCE, IP_ADD_SOURCE_MEMBERSHIP, IP_DROP_SOURCE_MEMBERSHIP};
  for (int j = 0; j < 6; j++) {
    socklen_t len = 4;
    ck_fails(sr_getsockopt(fd, IPPROTO_IP, setonly[j], &v, &len), ENOPROTOOPT);
    ck_assert_int_eq(len, 4);
  }
  socklen_t len = 4;
  ck_fails(sr_getsockopt(fd, IPPROTO_IP, 0, &v, &len), ENOPROTOOPT);
  ck_fails(sr_getsockopt(fd, IPPROTO_IP, 27, &v, &len), ENOPROTOOPT);
  ck_fails(seti(fd, 0, 1), ENOPROTOOPT);
  ck_fails(seti(fd, 27, 1), ENOPROTOOPT);
  ck_fails(seti(fd, 200, 1), EOPNOTSUPP);
  ck_fails(sr_getsockopt(fd, IPPROTO_IP, 200, &v, NULL), EOPNOTSUPP);
}
END_TEST

Suite *suite_ipopt(void)
{
  Suite *s = suite_create("ipopt");
  TCase *tc = sr_tcase(s, "defaults");
  tcase_add_test(tc, defaults_all_kinds);
  tcase_add_test(tc, ttl_default_follows_sysctl);
  tc = sr_tcase(s, "ttl_tos");
  tcase_add_test(tc, ttl_values);
  tcase_add_test(tc, ttl_byte_forms);
  tcase_add_test(tc, tos_values);
  tcase_add_test(tc, tos_unprivileged);
  tc = sr_tcase(s, "tos_priority");
  tcase_add_test(tc, tos_sets_priority);
  tc = sr_tcase(s, "flags");
  tcase_add_test(tc, plain_flags_all_kinds);
  tcase_add_test(tc, flag_read_as_byte);
  tcase_add_test(tc, freebind_transparent);
  tcase_add_test(tc, transparent_needs_capability);
  tcase_add_test(tc, hdrincl_nodefrag);
  tcase_add_test(tc, router_alert);
  tc = sr_tcase(s, "mtu");
  tcase_add_test(tc, mtu_discover);
  tcase_add_test(tc, mtu_discover_default_sysctl);
  tcase_add_test(tc, mtu_readonly_unconnected);
  tc = sr_tcase(s, "multicast_send");
  tcase_add_test(tc, multicast_ttl);
  tcase_add_test(tc, multicast_loop_all);
  tcase_add_test(tc, multicast_if_tcp);
  tcase_add_test(tc, multicast_if_forms);
  tcase_add_test(tc, multicast_if_read_lengths);
  tc = sr_tcase(s, "options");
  tcase_add_test(tc, options_padding);
  tcase_add_test(tc, options_parse_root);
  tcase_add_test(tc, options_unprivileged);
  tcase_add_test(tc, options_read_lengths);
  tcase_add_test(tc, unknown_and_getonly);
  return s;
}
