/* test_bind.c -- binding, connecting, listening and names (web/bind.w)
   against values measured on Linux 6.18 in a fresh network namespace set up
   as the default world (facts/bind/raw_p*.txt). */
#include "sr_test.h"
#include <stdbool.h>
#include <stdio.h>
#include <linux/capability.h>
#include <linux/filter.h>

enum { K_UDP, K_TCP, K_RAW, K_RAW255, K_PING, K_UDPLITE, NKINDS };
static int mk(int k)
{
  static const int type[NKINDS] = {SOCK_DGRAM, SOCK_STREAM, SOCK_RAW, SOCK_RAW, SOCK_DGRAM, SOCK_DGRAM};
  static const int proto[NKINDS] = {0, 0, IPPROTO_ICMP, IPPROTO_RAW, IPPROTO_ICMP, IPPROTO_UDPLITE};
  int fd;
  if (k == K_PING) (void) sr_sysctl_set("net.ipv4.ping_group_range", "0 2147483647");
  fd = sr_socket(AF_INET, type[k], proto[k]);
  ck_assert_int_ge(fd, 0);
  return fd;
}
static int bnd(int fd, const char *a, int port)
{
  struct sockaddr_in s = sr_test_sin(a, port);
  return sr_bind(fd, (struct sockaddr *) &s, sizeof s);
}
static int con(int fd, const char *a, int port)
{
  struct sockaddr_in s = sr_test_sin(a, port);
  return sr_connect(fd, (struct sockaddr *) &s, sizeof s);
}
static int unspec(int fd)
{
  struct sockaddr s;
  memset(&s, 0, sizeof s);
  s.sa_family = AF_UNSPEC;
  return sr_connect(fd, &s, sizeof s);
}
/* a socket with options: r SO_REUSEADDR, p SO_REUSEPORT, l/e bound to lo/eth0 */
static int mko(int type, const char *o)
{
  int fd = sr_socket(AF_INET, type, 0);
  ck_assert_int_ge(fd, 0);
  if (strchr(o, 'r')) ck_assert_int_eq(sr_test_seti(fd, SOL_SOCKET, SO_REUSEADDR, 1), 0);
  if (strchr(o, 'p')) ck_assert_int_eq(sr_test_seti(fd, SOL_SOCKET, SO_REUSEPORT, 1), 0);
  if (strchr(o, 'l')) ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 2), 0);
  if (strchr(o, 'e')) ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "eth0", 4), 0);
  return fd;
}
/* getsockname/getpeername as "a.b.c.d:port", or "-1 ERRNO" */
static const char *name(int fd, int peer)
{
  static char buf[4][64];
  static int ix;
  char *b = buf[ix++ & 3];
  struct sockaddr_in s;
  socklen_t len = sizeof s;
  memset(&s, 0xaa, sizeof s);
  int r = peer ? sr_getpeername(fd, (struct sockaddr *) &s, &len) :
    sr_getsockname(fd, (struct sockaddr *) &s, &len);
  if (r) { snprintf(b, 64, "-1 %d", errno); return b; }
  ck_assert_int_eq(len, 16);
  ck_assert_int_eq(s.sin_family, AF_INET);
  snprintf(b, 64, "%s:%d", inet_ntoa(s.sin_addr), ntohs(s.sin_port));
  return b;
}
#define NAME_IS(fd, str) ck_assert_str_eq(name(fd, 0), str)
#define PEER_IS(fd, str) ck_assert_str_eq(name(fd, 1), str)
#define NOPEER(fd) ck_assert_str_eq(name(fd, 1), "-1 107")
/* the address part of getsockname */
static const char *addr_of(int fd)
{
  static char b[4][32];
  static int ix;
  char *r = b[ix++ & 3];
  struct sockaddr_in s;
  socklen_t len = sizeof s;
  ck_assert_int_eq(sr_getsockname(fd, (struct sockaddr *) &s, &len), 0);
  snprintf(r, 32, "%s", inet_ntoa(s.sin_addr));
  return r;
}
static int mtu(int fd)
{
  int v = -1;
  socklen_t len = 4;
  if (sr_getsockopt(fd, IPPROTO_IP, IP_MTU, &v, &len)) return -errno;
  return v;
}
static void range(const char *r)
{
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_port_range", r), 0);
}

/* ---- bind: lengths and families ---- */
START_TEST(bind_lengths)
{
  CLAUSES("socket.7:call:bind", "ip.7:addr:sockaddr_in", "ip.7:addr:sin_family:2");
  static const int lens[] = {0, 1, 2, 15, 16, 17, 128, 129, -1};
  static const int ok[] = {0, 0, 0, 0, 1, 1, 1, 0, 0};
  for (int k = 0; k < NKINDS; k++) {
    struct sockaddr_storage ss;
    struct sockaddr_in *si = (struct sockaddr_in *) &ss;
    memset(&ss, 0, sizeof ss);
    si->sin_family = AF_INET;
    si->sin_port = htons(4000);
    si->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < 9; i++) {
      int fd = mk(k);
      if (ok[i]) ck_assert_int_eq(sr_bind(fd, (struct sockaddr *) &ss, (socklen_t) lens[i]), 0);
      else ck_fails(sr_bind(fd, (struct sockaddr *) &ss, (socklen_t) lens[i]), EINVAL);
      if (k == K_RAW) NAME_IS(fd, ok[i] ? "127.0.0.1:1" : "0.0.0.0:1");
      else if (k == K_RAW255) NAME_IS(fd, ok[i] ? "127.0.0.1:255" : "0.0.0.0:255");
      else NAME_IS(fd, ok[i] ? "127.0.0.1:4000" : "0.0.0.0:0");
      sr_close(fd);
    }
    int fd = mk(k);
    ck_fails(sr_bind(fd, NULL, 16), EFAULT);
    ck_fails(sr_bind(fd, NULL, 0), EINVAL);
    sr_close(fd);
  }
  ck_fails(sr_bind(-1, NULL, 0), EBADF);
  ck_fails(sr_bind(0, NULL, 0), ENOTSOCK);
}
END_TEST

START_TEST(bind_families)
{
  CLAUSES("ip.7:addr:sin_family", "ip.7:addr:sin_family:2", "socket.7:addr:sa_family_t:3",
    "ip.7:addr:sockaddr_in:3");
  static const int fams[] = {AF_UNSPEC, AF_INET6, AF_UNIX, 255, 0xffff};
  for (int k = 0; k < NKINDS; k++) {
    bool raw = k == K_RAW || k == K_RAW255;
    for (int a = 0; a < 2; a++)
      for (int i = 0; i < 5; i++) {
        int fd = mk(k);
        struct sockaddr_in s = sr_test_sin(a ? "127.0.0.1" : "0.0.0.0", 4100 + k);
        s.sin_family = (sa_family_t) fams[i];
        if (raw || (a == 0 && fams[i] == AF_UNSPEC)) {
          ck_assert_int_eq(sr_bind(fd, (struct sockaddr *) &s, sizeof s), 0);
          if (!raw) ck_assert_int_eq(sr_test_port(fd), 4100 + k);
        } else ck_fails(sr_bind(fd, (struct sockaddr *) &s, sizeof s), EAFNOSUPPORT);
        sr_close(fd);
      }
    int fd = mk(k);
    struct sockaddr_in s = sr_test_sin("10.0.0.77", 5);
    s.sin_family = AF_INET6;
    ck_fails(sr_bind(fd, (struct sockaddr *) &s, 8), EINVAL);
    ck_fails(sr_bind(fd, (struct sockaddr *) &s, sizeof s), raw ? EADDRNOTAVAIL : EAFNOSUPPORT);
    sr_close(fd);
  }
}
END_TEST

/* ---- bind: which addresses ---- */
START_TEST(bind_addresses)
{
  CLAUSES("ip.7:addr:INADDR_ANY", "ip.7:addr:INADDR_ANY:2", "ip.7:addr:INADDR_LOOPBACK",
    "ip.7:addr:INADDR_BROADCAST", "ip.7:addr:address_classes", "ip.7:addr:bind_local",
    "ip.7:addr:sin_addr", "ip.7:addr:sin_addr:2", "ip.7:addr:network_byte_order");
  static const char *good[] = {"0.0.0.0", "127.0.0.1", "127.5.5.5", "10.0.0.1", "10.0.0.255",
    "255.255.255.255", "224.0.0.1", "239.1.2.3"};
  static const char *bad[] = {"10.0.0.0", "10.0.0.2", "8.8.8.8", "0.1.2.3", "240.0.0.1",
    "169.254.1.1"};
  static const int kinds[] = {K_UDP, K_TCP, K_UDPLITE, K_RAW, K_RAW255};
  char want[64];
  for (int ki = 0; ki < 5; ki++) {
    int k = kinds[ki];
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
      int fd = mk(k);
      ck_assert_int_eq(bnd(fd, good[i], 5000), 0);
      snprintf(want, sizeof want, "%s:%d", good[i], k == K_RAW ? 1 : k == K_RAW255 ? 255 : 5000);
      NAME_IS(fd, want);
      sr_close(fd);
      fd = mk(k);
      ck_assert_int_eq(bnd(fd, good[i], 0), 0);
      if (k != K_RAW && k != K_RAW255) {
        int p = sr_test_port(fd);
        ck_assert(p >= 32768 && p <= 60999);
      }
      sr_close(fd);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
      int fd = mk(k);
      ck_fails(bnd(fd, bad[i], 5000), EADDRNOTAVAIL);
      ck_fails(bnd(fd, bad[i], 0), EADDRNOTAVAIL);
      NAME_IS(fd, k == K_RAW ? "0.0.0.0:1" : k == K_RAW255 ? "0.0.0.0:255" : "0.0.0.0:0");
      sr_close(fd);
    }
  }
}
END_TEST

START_TEST(ping_bind_addresses)
{
  CLAUSES("ip.7:addr:bind_local", "ip.7:addr:privileged_ports:3");
  static const char *good[] = {"0.0.0.0", "127.0.0.1", "127.5.5.5", "10.0.0.1"};
  static const char *bad[] = {"10.0.0.255", "255.255.255.255", "224.0.0.1", "239.1.2.3",
    "10.0.0.0", "10.0.0.2", "0.1.2.3"};
  char want[64];
  for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
    int fd = mk(K_PING);
    ck_assert_int_eq(bnd(fd, good[i], 5004), 0);
    snprintf(want, sizeof want, "%s:5004", good[i]);
    NAME_IS(fd, want);
  }
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    int fd = mk(K_PING);
    ck_fails(bnd(fd, bad[i], 5004), EADDRNOTAVAIL);
    NAME_IS(fd, "0.0.0.0:0");
  }
  /* identifiers need no privilege */
  ck_assert_int_eq(sr_setuid(65534), 0);
  int fd = mk(K_PING);
  ck_assert_int_eq(bnd(fd, "0.0.0.0", 80), 0);
  fd = mk(K_PING);
  ck_assert_int_eq(bnd(fd, "0.0.0.0", 1023), 0);
}
END_TEST

START_TEST(bind_twice)
{
  CLAUSES("socket.7:call:bind");
  for (int k = 0; k < NKINDS; k++) {
    int fd = mk(k);
    bool raw = k == K_RAW || k == K_RAW255;
    ck_assert_int_eq(bnd(fd, "127.0.0.1", 6000), 0);
    if (raw) {
      ck_assert_int_eq(bnd(fd, "127.0.0.1", 6000), 0);
      ck_assert_int_eq(bnd(fd, "127.0.0.1", 6100), 0);
    } else {
      ck_fails(bnd(fd, "127.0.0.1", 6000), EINVAL);
      ck_fails(bnd(fd, "127.0.0.1", 6100), EINVAL);
    }
    ck_fails(bnd(fd, "10.9.9.9", 6100), EADDRNOTAVAIL);
    struct sockaddr_in s = sr_test_sin("127.0.0.1", 1);
    ck_fails(sr_bind(fd, (struct sockaddr *) &s, 4), EINVAL);
    NAME_IS(fd, k == K_RAW ? "127.0.0.1:1" : k == K_RAW255 ? "127.0.0.1:255" : "127.0.0.1:6000");
  }
}
END_TEST

/* ---- privileged ports ---- */
START_TEST(privileged_ports)
{
  CLAUSES("ip.7:addr:privileged_ports", "ip.7:addr:privileged_ports:2");
  static const int kinds[] = {K_UDP, K_TCP, K_UDPLITE};
  for (int i = 0; i < 3; i++) {
    int fd = mk(kinds[i]);
    ck_assert_int_eq(bnd(fd, "0.0.0.0", 80), 0);
  }
  ck_assert_int_eq(sr_cap_drop(CAP_NET_BIND_SERVICE), 0);
  for (int i = 0; i < 3; i++) {
    int fd = mk(kinds[i]);
    ck_fails(bnd(fd, "0.0.0.0", 80), EACCES);
    NAME_IS(fd, "0.0.0.0:0");
  }
}
END_TEST

START_TEST(privileged_ports_unprivileged)
{
  CLAUSES("ip.7:addr:privileged_ports", "ip.7:addr:privileged_ports:2");
  static const int kinds[] = {K_UDP, K_TCP, K_UDPLITE};
  ck_assert_int_eq(sr_setuid(65534), 0);
  for (int i = 0; i < 3; i++) {
    int k = kinds[i], fd;
    fd = mk(k); ck_fails(bnd(fd, "0.0.0.0", 80), EACCES);
    fd = mk(k); ck_fails(bnd(fd, "0.0.0.0", 1023), EACCES);
    fd = mk(k); ck_assert_int_eq(bnd(fd, "0.0.0.0", 1024 + i), 0);
    fd = mk(k); ck_fails(bnd(fd, "10.0.0.2", 80), EADDRNOTAVAIL);
    fd = mk(k);
    struct sockaddr_in s = sr_test_sin("0.0.0.0", 80);
    s.sin_family = AF_INET6;
    ck_fails(sr_bind(fd, (struct sockaddr *) &s, sizeof s), EAFNOSUPPORT);
    fd = mk(k); ck_assert_int_eq(bnd(fd, "127.0.0.1", 0), 0);
  }
}
END_TEST

START_TEST(unprivileged_port_start)
{
  CLAUSES("ip.7:addr:privileged_ports:2");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "80"), 0);
  ck_assert_int_eq(sr_setuid(65534), 0);
  int fd = mk(K_UDP);
  ck_assert_int_eq(bnd(fd, "0.0.0.0", 80), 0);
  fd = mk(K_TCP);
  ck_fails(bnd(fd, "0.0.0.0", 79), EACCES);
}
END_TEST

START_TEST(unprivileged_port_start_zero)
{
  CLAUSES("ip.7:addr:privileged_ports:2");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "0"), 0);
  ck_assert_int_eq(sr_setuid(65534), 0);
  int fd = mk(K_UDP);
  ck_assert_int_eq(bnd(fd, "0.0.0.0", 1), 0);
}
END_TEST

/* ---- nonlocal binds ---- */
START_TEST(nonlocal_bind)
{
  CLAUSES("ip.7:IP_FREEBIND", "ip.7:IP_FREEBIND:2", "ip.7:IP_FREEBIND:3",
    "ip.7:proc:ip_nonlocal_bind", "ip.7:IP_TRANSPARENT");
  int fd = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_FREEBIND, 1), 0);
  ck_assert_int_eq(bnd(fd, "10.9.9.9", 40800), 0);
  NAME_IS(fd, "10.9.9.9:40800");
  fd = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_FREEBIND, 1), 0);
  ck_assert_int_eq(bnd(fd, "0.1.2.3", 40801), 0);
  NAME_IS(fd, "0.1.2.3:40801");
  fd = mk(K_TCP);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_TRANSPARENT, 1), 0);
  ck_assert_int_eq(bnd(fd, "8.8.8.8", 40802), 0);
  ck_assert_int_eq(sr_listen(fd, 1), 0);
  fd = mk(K_RAW);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_FREEBIND, 1), 0);
  ck_assert_int_eq(bnd(fd, "10.9.9.9", 0), 0);
  fd = mk(K_PING);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_FREEBIND, 1), 0);
  ck_assert_int_eq(bnd(fd, "10.9.9.9", 0), 0);
  fd = mk(K_PING);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_FREEBIND, 1), 0);
  ck_fails(bnd(fd, "10.0.0.255", 0), EADDRNOTAVAIL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_nonlocal_bind", "1"), 0);
  fd = mk(K_UDP);
  ck_assert_int_eq(bnd(fd, "10.9.9.9", 40803), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_nonlocal_bind", "2"), 0);
  fd = mk(K_UDP);
  ck_assert_int_eq(bnd(fd, "10.9.9.9", 40804), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_nonlocal_bind", "0"), 0);
  fd = mk(K_UDP);
  ck_fails(bnd(fd, "10.9.9.9", 40805), EADDRNOTAVAIL);
}
END_TEST

START_TEST(nonlocal_bind_keeps_port_privilege)
{
  CLAUSES("ip.7:proc:ip_nonlocal_bind", "ip.7:addr:privileged_ports:2");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_nonlocal_bind", "1"), 0);
  ck_assert_int_eq(sr_setuid(65534), 0);
  int fd = mk(K_UDP);
  ck_fails(bnd(fd, "10.9.9.9", 80), EACCES);
  fd = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_FREEBIND, 1), 0);
  ck_fails(bnd(fd, "10.9.9.9", 80), EACCES);
}
END_TEST

/* ---- sharing a port: the measured matrix ----
   A binds (and listens, for the +listen rows), then B binds the same port.
   Options: r SO_REUSEADDR, p SO_REUSEPORT, l/e SO_BINDTODEVICE lo/eth0. */
static const struct {
  int type;
  const char *o1, *a1;
  int listen1;
  const char *o2, *a2;
  int err;
} conflicts[] = {
  {SOCK_DGRAM, "", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "r", "0.0.0.0", 0},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "rp", "0.0.0.0", 0},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "p", "0.0.0.0", 0},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "rp", "0.0.0.0", 0},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "r", "0.0.0.0", 0},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "p", "0.0.0.0", 0},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "rp", "0.0.0.0", 0},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "r", "127.0.0.1", 0},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "r", "0.0.0.0", 0, "rp", "127.0.0.1", 0},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "p", "127.0.0.1", 0},
  {SOCK_DGRAM, "p", "0.0.0.0", 0, "rp", "127.0.0.1", 0},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "r", "127.0.0.1", 0},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "p", "127.0.0.1", 0},
  {SOCK_DGRAM, "rp", "0.0.0.0", 0, "rp", "127.0.0.1", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "r", "0.0.0.0", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "rp", "0.0.0.0", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "p", "0.0.0.0", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "rp", "0.0.0.0", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "r", "0.0.0.0", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "p", "0.0.0.0", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "rp", "0.0.0.0", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "r", "127.0.0.1", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "rp", "127.0.0.1", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "p", "127.0.0.1", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "rp", "127.0.0.1", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "r", "127.0.0.1", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "p", "127.0.0.1", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "rp", "127.0.0.1", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_DGRAM, "r", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_DGRAM, "p", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_DGRAM, "rp", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "0.0.0.0", 0, "e", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "l", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "l", "0.0.0.0", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "l", "0.0.0.0", 0, "e", "0.0.0.0", 0},
  {SOCK_DGRAM, "e", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "e", "0.0.0.0", 0, "l", "0.0.0.0", 0},
  {SOCK_DGRAM, "e", "0.0.0.0", 0, "e", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "", "127.0.0.1", 0, "e", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "l", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "l", "127.0.0.1", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "l", "127.0.0.1", 0, "e", "0.0.0.0", 0},
  {SOCK_DGRAM, "e", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_DGRAM, "e", "127.0.0.1", 0, "l", "0.0.0.0", 0},
  {SOCK_DGRAM, "e", "127.0.0.1", 0, "e", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "r", "0.0.0.0", 0},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "r", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "r", "127.0.0.1", 0},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 0, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "p", "0.0.0.0", 0, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "r", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 0, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "r", "0.0.0.0", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "r", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "r", "127.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "r", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 0, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "", "0.0.0.0", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 1, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 1, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "", "0.0.0.0", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 1, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 1, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "0.0.0.0", 1, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "p", "0.0.0.0", 1, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "0.0.0.0", 1, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 1, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 1, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "p", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "rp", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "r", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "p", "0.0.0.0", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "rp", "0.0.0.0", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 1, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 1, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "p", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "rp", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "r", "127.0.0.1", EADDRINUSE},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "p", "127.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "rp", "127.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "r", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "p", "10.0.0.1", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "rp", "10.0.0.1", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "", "127.0.0.2", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "", "127.0.0.1", 1, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "r", "127.0.0.1", 1, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "p", "127.0.0.1", 1, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "r", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "p", "127.0.0.2", 0},
  {SOCK_STREAM, "rp", "127.0.0.1", 1, "rp", "127.0.0.2", 0},
  {SOCK_STREAM, "", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "0.0.0.0", 0, "e", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "l", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "l", "0.0.0.0", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "l", "0.0.0.0", 0, "e", "0.0.0.0", 0},
  {SOCK_STREAM, "e", "0.0.0.0", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "e", "0.0.0.0", 0, "l", "0.0.0.0", 0},
  {SOCK_STREAM, "e", "0.0.0.0", 0, "e", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "", "127.0.0.1", 0, "e", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "l", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "l", "127.0.0.1", 0, "l", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "l", "127.0.0.1", 0, "e", "0.0.0.0", 0},
  {SOCK_STREAM, "e", "127.0.0.1", 0, "", "0.0.0.0", EADDRINUSE},
  {SOCK_STREAM, "e", "127.0.0.1", 0, "l", "0.0.0.0", 0},
  {SOCK_STREAM, "e", "127.0.0.1", 0, "e", "0.0.0.0", EADDRINUSE},
};

START_TEST(port_sharing_matrix)
{
  CLAUSES("ip.7:addr:one_socket_per_address_port", "socket.7:SO_REUSEADDR",
    "socket.7:SO_REUSEADDR:2", "socket.7:SO_REUSEADDR:3", "socket.7:SO_REUSEPORT",
    "socket.7:SO_REUSEPORT:2", "socket.7:SO_REUSEPORT:4", "socket.7:SO_BINDTODEVICE");
  for (size_t i = 0; i < sizeof conflicts / sizeof conflicts[0]; i++) {
    int port = 7000 + (int) i;
    int a = mko(conflicts[i].type, conflicts[i].o1);
    ck_assert_int_eq(bnd(a, conflicts[i].a1, port), 0);
    if (conflicts[i].listen1) ck_assert_int_eq(sr_listen(a, 5), 0);
    int b = mko(conflicts[i].type, conflicts[i].o2);
    errno = 0;
    int r = bnd(b, conflicts[i].a2, port);
    ck_assert_msg(conflicts[i].err ? r == -1 && errno == conflicts[i].err : r == 0,
      "row %zu: %s A[%s]%s%s B[%s]%s gave %d errno %d, expected %d", i,
      conflicts[i].type == SOCK_STREAM ? "TCP" : "UDP", conflicts[i].o1, conflicts[i].a1,
      conflicts[i].listen1 ? "+listen" : "", conflicts[i].o2, conflicts[i].a2, r, errno,
      conflicts[i].err);
    sr_close(a);
    sr_close(b);
  }
}
END_TEST

START_TEST(protocols_have_separate_tables)
{
  CLAUSES("ip.7:addr:one_socket_per_address_port");
  int u = mk(K_UDP), l = mk(K_UDPLITE), t = mk(K_TCP), p = mk(K_PING), p2 = mk(K_PING);
  ck_assert_int_eq(bnd(u, "0.0.0.0", 7500), 0);
  ck_assert_int_eq(bnd(l, "0.0.0.0", 7500), 0);
  ck_assert_int_eq(bnd(t, "0.0.0.0", 7500), 0);
  ck_assert_int_eq(bnd(p, "0.0.0.0", 7500), 0);
  ck_assert_int_eq(bnd(p2, "127.0.0.1", 7500), 0);
  /* ping identifiers are shared through SO_REUSEADDR, which ping sockets start with */
  int p3 = mk(K_PING);
  ck_assert_int_eq(sr_test_geti(p3, SOL_SOCKET, SO_REUSEADDR), 1);
  ck_assert_int_eq(sr_test_seti(p3, SOL_SOCKET, SO_REUSEADDR, 0), 0);
  ck_fails(bnd(p3, "10.0.0.1", 7500), EADDRINUSE);
  int p4 = mk(K_PING);
  ck_assert_int_eq(sr_test_seti(p2, SOL_SOCKET, SO_REUSEADDR, 0), 0);
  ck_fails(bnd(p4, "10.0.0.1", 7500), EADDRINUSE);
}
END_TEST

START_TEST(port_free_after_close)
{
  CLAUSES("ip.7:addr:reuse_after_close", "ip.7:addr:one_socket_per_address_port");
  int a = mk(K_UDP);
  ck_assert_int_eq(bnd(a, "0.0.0.0", 7600), 0);
  sr_close(a);
  a = mk(K_UDP);
  ck_assert_int_eq(bnd(a, "0.0.0.0", 7600), 0);
  int t = mk(K_TCP);
  ck_assert_int_eq(bnd(t, "0.0.0.0", 7601), 0);
  ck_assert_int_eq(sr_listen(t, 1), 0);
  sr_close(t);
  t = mk(K_TCP);
  ck_assert_int_eq(bnd(t, "0.0.0.0", 7601), 0);
}
END_TEST

/* flags and devices changed after bind count with their new values, except
   TCP's SO_REUSEPORT, whose per-port cache keeps the old one */
START_TEST(changes_after_bind)
{
  CLAUSES("socket.7:SO_REUSEADDR", "socket.7:SO_REUSEPORT", "socket.7:SO_REUSEPORT:2",
    "socket.7:SO_BINDTODEVICE");
  static const char *addrs[] = {"0.0.0.0", "127.0.0.1"};
  for (int t = 0; t < 2; t++)
    for (int x = 0; x < 2; x++) {
      int ty = t ? SOCK_STREAM : SOCK_DGRAM, port = 9000 + 10 * (2 * t + x);
      const char *A = addrs[x];
      int a = mko(ty, "r"), b = mko(ty, "r");
      ck_assert_int_eq(bnd(a, A, port), 0);
      ck_assert_int_eq(sr_test_seti(a, SOL_SOCKET, SO_REUSEADDR, 0), 0);
      ck_fails(bnd(b, A, port), EADDRINUSE);
      a = mko(ty, "p"); b = mko(ty, "p");
      ck_assert_int_eq(bnd(a, A, port + 1), 0);
      ck_assert_int_eq(sr_test_seti(a, SOL_SOCKET, SO_REUSEPORT, 0), 0);
      if (t) ck_assert_int_eq(bnd(b, A, port + 1), 0);
      else ck_fails(bnd(b, A, port + 1), EADDRINUSE);
      /* the newest socket on the port decides for UDP */
      a = mko(ty, "p"); b = mko(ty, "p");
      int c = mko(ty, "p");
      ck_assert_int_eq(bnd(a, A, port + 2), 0);
      ck_assert_int_eq(bnd(b, A, port + 2), 0);
      ck_assert_int_eq(sr_test_seti(a, SOL_SOCKET, SO_REUSEPORT, 0), 0);
      ck_assert_int_eq(bnd(c, A, port + 2), 0);
      a = mko(ty, ""); b = mko(ty, "r");
      ck_assert_int_eq(bnd(a, A, port + 3), 0);
      ck_assert_int_eq(sr_test_seti(a, SOL_SOCKET, SO_REUSEADDR, 1), 0);
      ck_assert_int_eq(bnd(b, A, port + 3), 0);
      a = mko(ty, ""); b = mko(ty, "p");
      ck_assert_int_eq(bnd(a, A, port + 4), 0);
      ck_assert_int_eq(sr_test_seti(a, SOL_SOCKET, SO_REUSEPORT, 1), 0);
      ck_assert_int_eq(bnd(b, A, port + 4), 0);
      a = mko(ty, "l"); b = mko(ty, "e");
      ck_assert_int_eq(bnd(a, "0.0.0.0", port + 5), 0);
      ck_assert_int_eq(sr_setsockopt(a, SOL_SOCKET, SO_BINDTODEVICE, "", 0), 0);
      ck_fails(bnd(b, "0.0.0.0", port + 5), EADDRINUSE);
      a = mko(ty, ""); b = mko(ty, "e");
      ck_assert_int_eq(bnd(a, "0.0.0.0", port + 6), 0);
      ck_assert_int_eq(sr_setsockopt(a, SOL_SOCKET, SO_BINDTODEVICE, "lo", 2), 0);
      ck_assert_int_eq(bnd(b, "0.0.0.0", port + 6), 0);
    }
}
END_TEST

START_TEST(tcp_listen_takes_the_port_again)
{
  CLAUSES("socket.7:SO_REUSEADDR:2", "socket.7:SO_REUSEADDR:3", "socket.7:call:listen",
    "socket.7:SO_REUSEPORT:4");
  int a = mko(SOCK_STREAM, "r"), b = mko(SOCK_STREAM, "r"), c;
  ck_assert_int_eq(bnd(a, "0.0.0.0", 9100), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 9100), 0);
  ck_assert_int_eq(sr_listen(a, 1), 0);
  ck_fails(sr_listen(b, 1), EADDRINUSE);
  ck_assert_int_eq(sr_test_geti(b, SOL_SOCKET, SO_ACCEPTCONN), 0);
  NAME_IS(b, "0.0.0.0:9100");
  c = mko(SOCK_STREAM, "r");
  ck_fails(bnd(c, "10.0.0.1", 9100), EADDRINUSE);
  /* a specific listener does not block other addresses */
  a = mko(SOCK_STREAM, "r"); b = mko(SOCK_STREAM, "r");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 9101), 0);
  ck_assert_int_eq(bnd(b, "127.0.0.1", 9101), 0);
  ck_assert_int_eq(sr_listen(b, 1), 0);
  ck_fails(sr_listen(a, 1), EADDRINUSE);
  c = mko(SOCK_STREAM, "r");
  ck_assert_int_eq(bnd(c, "10.0.0.1", 9101), 0);
  /* SO_REUSEPORT listeners share */
  a = mko(SOCK_STREAM, "p"); b = mko(SOCK_STREAM, "p");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 9102), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 9102), 0);
  ck_assert_int_eq(sr_listen(a, 1), 0);
  ck_assert_int_eq(sr_listen(b, 1), 0);
  c = mko(SOCK_STREAM, "rp");
  ck_assert_int_eq(bnd(c, "0.0.0.0", 9102), 0);
  ck_assert_int_eq(sr_listen(c, 1), 0);
}
END_TEST

START_TEST(reuseport_same_user)
{
  CLAUSES("socket.7:SO_REUSEPORT:3", "socket.7:SO_REUSEADDR");
  static const char *opts[] = {"p", "rp", "r"};
  for (int t = 0; t < 2; t++)
    for (int k = 0; k < 3; k++) {
      int ty = t ? SOCK_STREAM : SOCK_DGRAM, port = 9200 + 3 * t + k;
      int a = mko(ty, opts[k]);
      ck_assert_int_eq(bnd(a, "0.0.0.0", port), 0);
      ck_assert_int_eq(sr_seteuid(1000), 0);
      int b = mko(ty, opts[k]), c = mko(ty, opts[k]);
      ck_assert_int_eq(sr_seteuid(0), 0);
      if (k == 0) {
        ck_fails(bnd(b, "0.0.0.0", port), EADDRINUSE);
        ck_fails(bnd(c, "127.0.0.1", port), EADDRINUSE);
      } else {
        ck_assert_int_eq(bnd(b, "0.0.0.0", port), 0);
        ck_assert_int_eq(bnd(c, "127.0.0.1", port), 0);
      }
    }
  /* the user is the one who created the socket, not the one who binds it */
  int a = mko(SOCK_DGRAM, "p"), b = mko(SOCK_DGRAM, "p");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 9210), 0);
  ck_assert_int_eq(sr_seteuid(1000), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 9210), 0);
  int c = mko(SOCK_DGRAM, "p");
  ck_fails(bnd(c, "0.0.0.0", 9210), EADDRINUSE);
}
END_TEST

/* ---- ephemeral ports ---- */
START_TEST(ephemeral_parity_and_halves)
{
  CLAUSES("ip.7:proc:ip_local_port_range");
  int odd = 0, low = 0, udp_odd = 0;
  for (int i = 0; i < 200; i++) {
    int s = mko(SOCK_STREAM, "");
    ck_assert_int_eq(bnd(s, "0.0.0.0", 0), 0);
    odd += sr_test_port(s) & 1;
    sr_close(s);
    s = mko(SOCK_STREAM, "r");
    ck_assert_int_eq(bnd(s, "0.0.0.0", 0), 0);
    low += sr_test_port(s) < 32768 + (((61000 - 32768) >> 2) << 1);
    odd += sr_test_port(s) & 1;
    sr_close(s);
    s = mko(SOCK_STREAM, "");
    ck_assert_int_eq(sr_listen(s, 1), 0);
    odd += sr_test_port(s) & 1;
    sr_close(s);
    s = mko(SOCK_DGRAM, "");
    ck_assert_int_eq(bnd(s, "0.0.0.0", 0), 0);
    ck_assert(sr_test_port(s) >= 32768 && sr_test_port(s) <= 60999);
    udp_odd += sr_test_port(s) & 1;
    sr_close(s);
  }
  ck_assert_int_eq(odd, 600);
  ck_assert_int_eq(low, 200);
  ck_assert(udp_odd > 50 && udp_odd < 150);
}
END_TEST

START_TEST(ephemeral_exhaustion_udp)
{
  CLAUSES("ip.7:proc:ip_local_port_range", "ip.7:addr:autobind_connect");
  int s[3], seen = 0;
  range("40000 40002");
  for (int i = 0; i < 3; i++) {
    s[i] = mk(K_UDP);
    ck_assert_int_eq(bnd(s[i], "0.0.0.0", 0), 0);
    ck_assert(sr_test_port(s[i]) >= 40000 && sr_test_port(s[i]) <= 40002);
    seen |= 1 << (sr_test_port(s[i]) - 40000);
  }
  ck_assert_int_eq(seen, 7);
  int x = mk(K_UDP);
  ck_fails(bnd(x, "0.0.0.0", 0), EADDRINUSE);
  ck_fails(bnd(x, "127.0.0.1", 0), EADDRINUSE);
  NAME_IS(x, "0.0.0.0:0");
  ck_fails(sr_listen(x, 1), EOPNOTSUPP);
  ck_fails(con(x, "127.0.0.1", 9), EAGAIN);
  NAME_IS(x, "0.0.0.0:0");
  ck_assert_int_eq(sr_test_seti(x, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1), 0);
  ck_assert_int_eq(bnd(x, "127.0.0.1", 0), 0);
  NAME_IS(x, "127.0.0.1:0");
  ck_fails(con(x, "127.0.0.1", 9), EAGAIN);
  NAME_IS(x, "127.0.0.1:0");
}
END_TEST

START_TEST(ephemeral_exhaustion_tcp)
{
  CLAUSES("ip.7:proc:ip_local_port_range", "ip.7:addr:autobind_listen");
  int s[2];
  range("40000 40002");
  for (int i = 0; i < 2; i++) {
    s[i] = mk(K_TCP);
    ck_assert_int_eq(bnd(s[i], "0.0.0.0", 0), 0);
  }
  ck_assert_int_eq(sr_test_port(s[0]) + sr_test_port(s[1]), 80001);  /* 40000 and 40001; never 40002 */
  int x = mk(K_TCP);
  ck_fails(bnd(x, "0.0.0.0", 0), EADDRINUSE);
  ck_fails(bnd(x, "127.0.0.1", 0), EADDRINUSE);
  NAME_IS(x, "0.0.0.0:0");
  ck_fails(sr_listen(x, 1), EADDRINUSE);
  NAME_IS(x, "0.0.0.0:0");
  ck_assert_int_eq(sr_test_geti(x, SOL_SOCKET, SO_ACCEPTCONN), 0);
  ck_assert_int_eq(bnd(x, "0.0.0.0", 40002), 0);
  ck_fails(con(mk(K_TCP), "127.0.0.1", 9), EADDRNOTAVAIL);
  int y = mk(K_TCP);
  ck_assert_int_eq(sr_test_seti(y, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1), 0);
  ck_assert_int_eq(bnd(y, "127.0.0.1", 0), 0);
  NAME_IS(y, "127.0.0.1:0");
  ck_fails(con(y, "127.0.0.1", 9), EADDRNOTAVAIL);
  NAME_IS(y, "127.0.0.1:0");
}
END_TEST

START_TEST(ephemeral_sharing)
{
  CLAUSES("ip.7:proc:ip_local_port_range", "socket.7:SO_REUSEADDR", "socket.7:SO_REUSEPORT");
  range("40000 40000");
  for (int t = 0; t < 2; t++) {
    int ty = t ? SOCK_STREAM : SOCK_DGRAM;
    int a = mko(ty, ""), b = mko(ty, ""), c = mko(ty, "");
    ck_assert_int_eq(bnd(a, "127.0.0.1", 0), 0);
    ck_assert_int_eq(bnd(b, "10.0.0.1", 0), 0);
    ck_assert_int_eq(sr_test_port(a), 40000);
    ck_assert_int_eq(sr_test_port(b), 40000);
    ck_fails(bnd(c, "0.0.0.0", 0), EADDRINUSE);
    sr_close(a); sr_close(b); sr_close(c);
    static const char *opts[] = {"r", "p"};
    for (int o = 0; o < 2; o++) {
      int d = mko(ty, opts[o]), e = mko(ty, opts[o]);
      ck_assert_int_eq(bnd(d, "0.0.0.0", 0), 0);
      ck_assert_int_eq(sr_test_port(d), 40000);
      if (t) ck_fails(bnd(e, "0.0.0.0", 0), EADDRINUSE);
      else {
        ck_assert_int_eq(bnd(e, "0.0.0.0", 0), 0);
        ck_assert_int_eq(sr_test_port(e), 40000);
      }
      sr_close(d); sr_close(e);
    }
  }
}
END_TEST

START_TEST(reserved_ports)
{
  CLAUSES("ip.7:proc_interfaces", "ip.7:proc:ip_local_port_range");
  range("40000 40003");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", "40000-40002"), 0);
  for (int t = 0; t < 2; t++) {
    int ty = t ? SOCK_STREAM : SOCK_DGRAM;
    int a = mko(ty, ""), b = mko(ty, ""), c = mko(ty, "");
    ck_assert_int_eq(bnd(a, "0.0.0.0", 0), 0);
    ck_assert_int_eq(sr_test_port(a), 40003);
    ck_fails(bnd(b, "0.0.0.0", 0), EADDRINUSE);
    ck_assert_int_eq(bnd(c, "0.0.0.0", 40001), 0);
  }
}
END_TEST

START_TEST(ping_identifiers)
{
  CLAUSES("ip.7:addr:privileged_ports:3");
  int a = mk(K_PING), b = mk(K_PING), c = mk(K_PING);
  ck_assert_int_eq(bnd(a, "0.0.0.0", 0), 0);
  int first = sr_test_port(a);
  ck_assert_int_gt(first, 0);
  ck_assert_int_eq(bnd(b, "127.0.0.1", 0), 0);
  ck_assert_int_eq(sr_test_port(b), first + 1);
  ck_assert_int_eq(con(c, "127.0.0.1", 9), 0);
  ck_assert_int_eq(sr_test_port(c), first + 2);
  /* an identifier held elsewhere is skipped */
  int d = mk(K_PING), e = mk(K_PING);
  ck_assert_int_eq(bnd(d, "0.0.0.0", first + 3), 0);
  ck_assert_int_eq(bnd(e, "0.0.0.0", 0), 0);
  ck_assert_int_eq(sr_test_port(e), first + 4);
}
END_TEST

/* ---- IP_BIND_ADDRESS_NO_PORT ---- */
START_TEST(bind_address_no_port)
{
  CLAUSES("ip.7:IP_BIND_ADDRESS_NO_PORT", "ip.7:IP_BIND_ADDRESS_NO_PORT:2",
    "ip.7:addr:autobind_connect", "ip.7:addr:autobind_listen");
  int a = mk(K_UDP), b = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(a, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1), 0);
  ck_assert_int_eq(bnd(a, "127.0.0.1", 0), 0);
  NAME_IS(a, "127.0.0.1:0");
  ck_assert_int_eq(bnd(b, "127.0.0.1", 40500), 0);
  ck_fails(bnd(a, "127.0.0.1", 40500), EADDRINUSE);
  ck_assert_int_eq(bnd(a, "10.0.0.1", 40501), 0);
  NAME_IS(a, "10.0.0.1:40501");
  int c = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(c, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1), 0);
  ck_assert_int_eq(bnd(c, "10.0.0.1", 0), 0);
  ck_assert_int_eq(con(c, "127.0.0.1", 9), 0);
  ck_assert_str_eq(addr_of(c), "10.0.0.1");
  ck_assert_int_ge(sr_test_port(c), 32768);
  ck_assert_int_eq(unspec(c), 0);
  NAME_IS(c, "10.0.0.1:0");
  int d = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(d, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1), 0);
  ck_assert_int_eq(bnd(d, "0.0.0.0", 5558), 0);
  NAME_IS(d, "0.0.0.0:5558");
  int t = mk(K_TCP);
  ck_assert_int_eq(sr_test_seti(t, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1), 0);
  ck_assert_int_eq(bnd(t, "127.0.0.1", 0), 0);
  ck_assert_int_eq(sr_listen(t, 1), 0);
  ck_assert_str_eq(addr_of(t), "127.0.0.1");
  ck_assert_int_ge(sr_test_port(t), 32768);
  t = mk(K_TCP);
  ck_assert_int_eq(sr_test_seti(t, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1), 0);
  ck_assert_int_eq(bnd(t, "127.0.0.1", 0), 0);
  ck_assert_int_eq(bnd(t, "127.0.0.1", 5556), 0);
  NAME_IS(t, "127.0.0.1:5556");
}
END_TEST

/* ---- listen ---- */
START_TEST(listen_basics)
{
  CLAUSES("socket.7:call:listen", "ip.7:addr:autobind_listen", "socket.7:SO_ACCEPTCONN",
    "socket.7:SO_ACCEPTCONN:2");
  int s = mk(K_TCP);
  ck_assert_int_eq(sr_test_geti(s, SOL_SOCKET, SO_ACCEPTCONN), 0);
  ck_assert_int_eq(sr_listen(s, 5), 0);
  ck_assert_int_eq(sr_test_geti(s, SOL_SOCKET, SO_ACCEPTCONN), 1);
  ck_assert_str_eq(addr_of(s), "0.0.0.0");
  ck_assert_int_eq(sr_test_port(s) & 1, 1);
  NOPEER(s);
  ck_assert_int_eq(sr_listen(s, -1), 0);
  ck_fails(bnd(s, "0.0.0.0", 0), EINVAL);
  ck_fails(con(s, "127.0.0.1", 9), EISCONN);
  struct sockaddr_in p;
  socklen_t len = sizeof p;
  ck_fails(sr_getsockopt(s, SOL_SOCKET, SO_PEERNAME, &p, &len), ENOTCONN);
  ck_assert_int_eq(mtu(s), -ENOTCONN);
  static const int others[] = {K_UDP, K_RAW, K_PING, K_UDPLITE};
  for (int i = 0; i < 4; i++) ck_fails(sr_listen(mk(others[i]), 1), EOPNOTSUPP);
  ck_fails(sr_listen(-1, 1), EBADF);
  ck_fails(sr_listen(0, 1), ENOTSOCK);
  s = mk(K_TCP);
  ck_assert_int_eq(bnd(s, "224.1.1.1", 5559), 0);
  ck_assert_int_eq(sr_listen(s, 1), 0);
  NAME_IS(s, "224.1.1.1:5559");
}
END_TEST

START_TEST(listen_disconnect)
{
  CLAUSES("socket.7:call:listen", "socket.7:call:connect", "socket.7:SO_ACCEPTCONN");
  int s = mk(K_TCP), t;
  ck_assert_int_eq(sr_listen(s, 1), 0);
  int p = sr_test_port(s);
  ck_assert_int_eq(unspec(s), 0);
  ck_assert_int_eq(sr_test_geti(s, SOL_SOCKET, SO_ACCEPTCONN), 0);
  ck_assert_int_eq(sr_test_port(s), p);  /* still reported ... */
  t = mk(K_TCP);
  ck_assert_int_eq(bnd(t, "0.0.0.0", p), 0);  /* ... but free */
  ck_assert_int_eq(unspec(s), 0);
  ck_assert_int_eq(bnd(s, "0.0.0.0", 0), 0);
  ck_assert_int_ne(sr_test_port(s), p);
  s = mk(K_TCP);
  ck_assert_int_eq(bnd(s, "127.0.0.1", 5555), 0);
  ck_assert_int_eq(sr_listen(s, 1), 0);
  ck_assert_int_eq(unspec(s), 0);
  NAME_IS(s, "127.0.0.1:5555");
  t = mk(K_TCP);
  ck_fails(bnd(t, "127.0.0.1", 5555), EADDRINUSE);
  s = mk(K_TCP);
  ck_assert_int_eq(bnd(s, "0.0.0.0", 0), 0);
  p = sr_test_port(s);
  ck_assert_int_eq(unspec(s), 0);
  ck_assert_int_eq(sr_test_port(s), p);
  t = mk(K_TCP);
  ck_fails(bnd(t, "0.0.0.0", p), EADDRINUSE);
  ck_fails(bnd(s, "0.0.0.0", 0), EINVAL);
  s = mk(K_TCP);
  ck_assert_int_eq(unspec(s), 0);
  NAME_IS(s, "0.0.0.0:0");
}
END_TEST

/* ---- connect: datagram sockets ---- */
START_TEST(connect_destinations)
{
  CLAUSES("socket.7:call:connect", "ip.7:addr:autobind_connect", "ip.7:addr:broadcast",
    "socket.7:call:getsockname", "socket.7:call:getpeername", "ip.7:IP_MTU");
  static const struct { const char *dst, *src; int mtu; } d[] = {
    {"127.0.0.1", "127.0.0.1", 65535}, {"127.0.0.2", "127.0.0.1", 65535},
    {"10.0.0.1", "10.0.0.1", 65535}, {"10.0.0.2", "10.0.0.1", 1500},
    {"8.8.8.8", "10.0.0.1", 1500}, {"224.1.1.1", "10.0.0.1", 1500},
    {"10.0.0.0", "10.0.0.1", 1500}};
  static const int kinds[] = {K_UDP, K_RAW, K_PING, K_UDPLITE};
  char want[64];
  for (int ki = 0; ki < 4; ki++)
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
      int k = kinds[ki], s = mk(k);
      ck_assert_int_eq(con(s, d[i].dst, 9), 0);
      ck_assert_str_eq(addr_of(s), d[i].src);
      if (k == K_RAW) ck_assert_int_eq(sr_test_port(s), 1);
      else ck_assert_int_gt(sr_test_port(s), 0);
      snprintf(want, sizeof want, "%s:9", d[i].dst);
      PEER_IS(s, want);
      ck_assert_int_eq(mtu(s), d[i].mtu);
      sr_close(s);
    }
}
END_TEST

START_TEST(connect_broadcast_needs_so_broadcast)
{
  CLAUSES("ip.7:addr:broadcast", "socket.7:SO_BROADCAST");
  static const char *b[] = {"10.0.0.255", "255.255.255.255"};
  static const int kinds[] = {K_UDP, K_RAW, K_PING};
  for (int ki = 0; ki < 3; ki++)
    for (int i = 0; i < 2; i++) {
      int k = kinds[ki], s = mk(k);
      ck_fails(con(s, b[i], 9), EACCES);
      ck_assert_str_eq(addr_of(s), "0.0.0.0");
      if (k != K_RAW) ck_assert_int_gt(sr_test_port(s), 0);  /* bound before the refusal */
      NOPEER(s);
      ck_assert_int_eq(mtu(s), -ENOTCONN);
      ck_assert_int_eq(sr_test_seti(s, SOL_SOCKET, SO_BROADCAST, 1), 0);
      ck_assert_int_eq(con(s, b[i], 9), 0);
    }
}
END_TEST

START_TEST(connect_special_destinations)
{
  CLAUSES("socket.7:call:connect", "socket.7:call:getpeername", "socket.7:SO_PEERNAME");
  int s = mk(K_UDP);
  ck_assert_int_eq(con(s, "0.0.0.0", 9), 0);
  ck_assert_str_eq(addr_of(s), "127.0.0.1");
  PEER_IS(s, "127.0.0.1:9");
  s = mk(K_UDP);
  ck_assert_int_eq(bnd(s, "10.0.0.1", 0), 0);
  ck_assert_int_eq(con(s, "0.0.0.0", 9), 0);
  PEER_IS(s, "10.0.0.1:9");
  static const int kinds[] = {K_UDP, K_RAW, K_PING};
  for (int i = 0; i < 3; i++) {
    struct sockaddr_in p;
    socklen_t len = sizeof p;
    s = mk(kinds[i]);
    ck_assert_int_eq(con(s, "127.0.0.1", 0), 0);
    ck_assert_str_eq(addr_of(s), "127.0.0.1");
    NOPEER(s);
    ck_fails(sr_getsockopt(s, SOL_SOCKET, SO_PEERNAME, &p, &len), ENOTCONN);
    ck_assert_int_eq(mtu(s), 65535);
  }
}
END_TEST

START_TEST(connect_lengths_and_families)
{
  CLAUSES("socket.7:call:connect", "ip.7:addr:sin_family:2", "ip.7:addr:autobind_connect");
  static const int kinds[] = {K_UDP, K_PING, K_RAW};
  for (int ki = 0; ki < 3; ki++) {
    int k = kinds[ki];
    const char *fresh = k == K_RAW ? "0.0.0.0:1" : "0.0.0.0:0";
    static const int lens[] = {0, 1, 2, 8, 15};
    for (int i = 0; i < 5; i++) {
      int s = mk(k);
      struct sockaddr_in d = sr_test_sin("127.0.0.1", 9);
      ck_fails(sr_connect(s, (struct sockaddr *) &d, (socklen_t) lens[i]), EINVAL);
      if (lens[i] < 2 || k == K_RAW) NAME_IS(s, fresh);
      else {
        ck_assert_str_eq(addr_of(s), "0.0.0.0");
        ck_assert_int_gt(sr_test_port(s), 0);
      }
      NOPEER(s);
      d.sin_family = AF_UNSPEC;
      ck_assert_int_eq(sr_connect(s, (struct sockaddr *) &d, (socklen_t) (lens[i] < 2 ? 2 : lens[i])), 0);
      if (lens[i] < 2) ck_fails(sr_connect(s, (struct sockaddr *) &d, (socklen_t) lens[i]), EINVAL);
    }
    int s = mk(k);
    struct sockaddr_in d = sr_test_sin("127.0.0.1", 9);
    d.sin_family = AF_INET6;
    ck_fails(sr_connect(s, (struct sockaddr *) &d, sizeof d), EAFNOSUPPORT);
    if (k != K_RAW) ck_assert_int_gt(sr_test_port(s), 0);
    ck_fails(sr_connect(s, NULL, 16), EFAULT);
    ck_fails(sr_connect(s, NULL, 0), EINVAL);
  }
  ck_fails(sr_connect(-1, NULL, 0), EBADF);
  ck_fails(sr_connect(0, NULL, 0), ENOTSOCK);
}
END_TEST

START_TEST(connect_sources)
{
  CLAUSES("socket.7:call:connect", "ip.7:IP_FREEBIND", "ip.7:IP_TRANSPARENT");
  static const int kinds[] = {K_UDP, K_RAW, K_PING};
  for (int i = 0; i < 3; i++) {
    int k = kinds[i], s = mk(k);
    ck_assert_int_eq(bnd(s, "127.0.0.1", 0), 0);
    ck_fails(con(s, "10.0.0.2", 9), EINVAL);
    ck_assert_str_eq(addr_of(s), "127.0.0.1");
    NOPEER(s);
    s = mk(k);
    ck_assert_int_eq(bnd(s, "10.0.0.1", 0), 0);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    ck_assert_str_eq(addr_of(s), "10.0.0.1");
    ck_assert_int_eq(mtu(s), 65535);
    s = mk(k);
    ck_assert_int_eq(sr_test_seti(s, IPPROTO_IP, IP_FREEBIND, 1), 0);
    ck_assert_int_eq(bnd(s, "10.0.0.99", 0), 0);
    ck_fails(con(s, "10.0.0.2", 9), ENETUNREACH);
    ck_assert_str_eq(addr_of(s), "10.0.0.99");
    s = mk(k);
    ck_assert_int_eq(sr_test_seti(s, IPPROTO_IP, IP_TRANSPARENT, 1), 0);
    ck_assert_int_eq(bnd(s, "10.0.0.99", 0), 0);
    ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
    PEER_IS(s, "10.0.0.2:9");
    ck_assert_int_eq(mtu(s), 1500);
  }
  int r = mk(K_RAW255);
  ck_assert_int_eq(sr_test_seti(r, IPPROTO_IP, IP_FREEBIND, 1), 0);
  ck_assert_int_eq(bnd(r, "10.0.0.99", 0), 0);
  ck_fails(con(r, "10.0.0.2", 9), ENETUNREACH);
  NAME_IS(r, "10.0.0.99:255");
  static const char *rx[] = {"224.1.1.1", "10.0.0.255"};
  for (int i = 0; i < 2; i++) {
    int s = mk(K_UDP);
    ck_assert_int_eq(bnd(s, rx[i], 0), 0);
    ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
    ck_assert_str_eq(addr_of(s), rx[i]);
    ck_assert_int_eq(mtu(s), 1500);
  }
}
END_TEST

START_TEST(reconnect)
{
  CLAUSES("socket.7:call:connect", "ip.7:IP_MTU");
  static const int kinds[] = {K_UDP, K_RAW, K_PING};
  for (int i = 0; i < 3; i++) {
    int s = mk(kinds[i]);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    int p = sr_test_port(s);
    ck_fails(con(s, "10.0.0.2", 7), EINVAL);
    ck_assert_str_eq(addr_of(s), "127.0.0.1");
    ck_assert_int_eq(sr_test_port(s), p);
    PEER_IS(s, "127.0.0.1:9");
    ck_assert_int_eq(mtu(s), -ENOTCONN);
    ck_fails(bnd(s, "0.0.0.0", 0), EINVAL);
    ck_assert_int_eq(con(s, "127.0.0.2", 7), 0);
    PEER_IS(s, "127.0.0.2:7");
    ck_assert_int_eq(mtu(s), 65535);
  }
  int s = mk(K_UDP);
  ck_assert_int_eq(con(s, "10.0.0.1", 9), 0);
  ck_assert_int_eq(con(s, "8.8.8.8", 53), 0);
  ck_assert_str_eq(addr_of(s), "10.0.0.1");
  ck_assert_int_eq(mtu(s), 1500);
}
END_TEST

START_TEST(disconnect_rules)
{
  CLAUSES("socket.7:call:connect", "socket.7:SO_BINDTODEVICE:2");
  static const int kinds[] = {K_UDP, K_PING, K_RAW};
  for (int i = 0; i < 3; i++) {
    int k = kinds[i], s;
    bool raw = k == K_RAW;
    char want[64], dev[16];
    socklen_t dl = sizeof dev;
    s = mk(k);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    ck_assert_int_eq(unspec(s), 0);
    NAME_IS(s, "0.0.0.0:0");
    NOPEER(s);
    ck_assert_int_eq(mtu(s), -ENOTCONN);
    s = mk(k);
    ck_assert_int_eq(bnd(s, "0.0.0.0", 4444 + i), 0);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    ck_assert_str_eq(addr_of(s), "127.0.0.1");
    ck_assert_int_eq(unspec(s), 0);
    snprintf(want, sizeof want, "0.0.0.0:%d", raw ? 0 : 4444 + i);
    NAME_IS(s, want);
    s = mk(k);
    ck_assert_int_eq(bnd(s, "127.0.0.1", 0), 0);
    ck_assert_int_eq(con(s, "10.0.0.1", 9), 0);
    ck_assert_int_eq(unspec(s), 0);
    NAME_IS(s, raw ? "0.0.0.0:0" : "127.0.0.1:0");
    s = mk(k);
    ck_assert_int_eq(bnd(s, "127.0.0.1", 4450 + i), 0);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    ck_assert_int_eq(unspec(s), 0);
    snprintf(want, sizeof want, "%s:%d", raw ? "0.0.0.0" : "127.0.0.1", raw ? 0 : 4450 + i);
    NAME_IS(s, want);
    s = mk(k);
    ck_assert_int_eq(sr_setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, "lo", 2), 0);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    ck_assert_int_eq(unspec(s), 0);
    ck_assert_int_eq(sr_getsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, dev, &dl), 0);
    ck_assert_int_eq(dl, 0);
    s = mk(k);
    ck_assert_int_eq(sr_setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, "lo", 2), 0);
    ck_assert_int_eq(unspec(s), 0);
    dl = sizeof dev;
    ck_assert_int_eq(sr_getsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, dev, &dl), 0);
    ck_assert_int_eq(dl, 0);
    s = mk(k);
    ck_assert_int_eq(bnd(s, "127.0.0.1", 4460 + i), 0);
    ck_assert_int_eq(unspec(s), 0);
    if (raw) {
      NAME_IS(s, "0.0.0.0:0");
      ck_assert_int_eq(bnd(s, "127.0.0.1", 4470), 0);
      NAME_IS(s, "127.0.0.1:0");
    } else {
      snprintf(want, sizeof want, "127.0.0.1:%d", 4460 + i);
      NAME_IS(s, want);
      ck_fails(bnd(s, "127.0.0.1", 4470 + i), EINVAL);
    }
    s = mk(k);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    ck_assert_int_eq(unspec(s), 0);
    ck_assert_int_eq(bnd(s, "127.0.0.1", 4480 + i), 0);
    snprintf(want, sizeof want, "127.0.0.1:%d", raw ? 0 : 4480 + i);
    NAME_IS(s, want);
  }
}
END_TEST

/* ---- names ---- */
START_TEST(name_lengths)
{
  CLAUSES("socket.7:call:getsockname", "socket.7:call:getpeername", "socket.7:SO_PEERNAME");
  static const int kinds[] = {K_UDP, K_RAW, K_PING};
  for (int i = 0; i < 3; i++) {
    int s = mk(kinds[i]);
    unsigned char b[32];
    socklen_t l;
    ck_assert_int_eq(bnd(s, "127.0.0.1", 4490 + i), 0);
    memset(b, 0xee, sizeof b);
    l = 4;
    ck_assert_int_eq(sr_getsockname(s, (struct sockaddr *) b, &l), 0);
    ck_assert_int_eq(l, 16);
    ck_assert_int_eq(b[0] | b[1] << 8, AF_INET);
    ck_assert_int_eq(b[4], 0xee);
    l = 0;
    ck_assert_int_eq(sr_getsockname(s, NULL, &l), 0);
    ck_assert_int_eq(l, 16);
    l = 16;
    ck_fails(sr_getsockname(s, NULL, &l), EFAULT);
    ck_assert_int_eq(l, 16);
    l = (socklen_t) -1;
    ck_fails(sr_getsockname(s, (struct sockaddr *) b, &l), EINVAL);
    ck_assert_int_eq((int) l, -1);
    l = 200;
    ck_assert_int_eq(sr_getsockname(s, (struct sockaddr *) b, &l), 0);
    ck_assert_int_eq(l, 16);
    ck_fails(sr_getsockname(s, (struct sockaddr *) b, NULL), EFAULT);
    ck_fails(sr_getpeername(s, NULL, NULL), ENOTCONN);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    memset(b, 0xee, sizeof b);
    l = 4;
    ck_assert_int_eq(sr_getpeername(s, (struct sockaddr *) b, &l), 0);
    ck_assert_int_eq(l, 16);
    ck_assert_int_eq(b[2], 0);
    ck_assert_int_eq(b[3], 9);
    ck_assert_int_eq(b[4], 0xee);
    l = 16;
    ck_fails(sr_getpeername(s, NULL, &l), EFAULT);
    ck_assert_int_eq(l, 16);
    l = 8;
    ck_assert_int_eq(sr_getsockopt(s, SOL_SOCKET, SO_PEERNAME, b, &l), 0);
    ck_assert_int_eq(l, 8);
    l = 16;
    ck_assert_int_eq(sr_getsockopt(s, SOL_SOCKET, SO_PEERNAME, b, &l), 0);
    ck_assert_int_eq(l, 16);
    ck_assert_int_eq(b[4], 127);
    l = 17;
    ck_fails(sr_getsockopt(s, SOL_SOCKET, SO_PEERNAME, b, &l), EINVAL);
    ck_assert_int_eq(l, 17);
    l = 0;
    ck_assert_int_eq(sr_getsockopt(s, SOL_SOCKET, SO_PEERNAME, b, &l), 0);
    ck_assert_int_eq(l, 0);
    l = 16;
    ck_fails(sr_getsockopt(s, SOL_SOCKET, SO_PEERNAME, NULL, &l), EFAULT);
    ck_assert_int_eq(l, 16);
  }
  ck_fails(sr_getsockname(-1, NULL, NULL), EBADF);
  ck_fails(sr_getsockname(0, NULL, NULL), ENOTSOCK);
  ck_fails(sr_getpeername(-1, NULL, NULL), EBADF);
}
END_TEST

START_TEST(fresh_names)
{
  CLAUSES("socket.7:call:getsockname", "socket.7:call:getpeername", "ip.7:addr:sockaddr_in:3");
  for (int k = 0; k < NKINDS; k++) {
    int s = mk(k);
    NAME_IS(s, k == K_RAW ? "0.0.0.0:1" : k == K_RAW255 ? "0.0.0.0:255" : "0.0.0.0:0");
    NOPEER(s);
  }
}
END_TEST

/* ---- routes cached by connect ---- */
START_TEST(cached_route)
{
  CLAUSES("ip.7:IP_MTU", "socket.7:SO_MARK", "socket.7:SO_DONTROUTE", "ip.7:IP_TOS",
    "socket.7:SO_BINDTODEVICE");
  static const struct { int level, name, val; bool drops; } o[] = {
    {SOL_SOCKET, SO_PRIORITY, 3, false}, {SOL_SOCKET, SO_MARK, 5, true},
    {SOL_SOCKET, SO_DONTROUTE, 1, true}, {SOL_SOCKET, SO_BROADCAST, 1, false},
    {SOL_SOCKET, SO_REUSEADDR, 1, false}, {SOL_SOCKET, SO_RCVBUF, 5000, false},
    {IPPROTO_IP, IP_TOS, 0x10, true}, {IPPROTO_IP, IP_TTL, 9, false},
    {IPPROTO_IP, IP_MTU_DISCOVER, 2, false}, {IPPROTO_IP, IP_MULTICAST_TTL, 3, false},
    {IPPROTO_IP, IP_RECVERR, 1, false}, {IPPROTO_IP, IP_FREEBIND, 1, false},
    {IPPROTO_IP, IP_PKTINFO, 1, false}};
  for (size_t i = 0; i < sizeof o / sizeof o[0]; i++) {
    int s = mk(K_UDP);
    ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
    ck_assert_int_eq(mtu(s), 1500);
    ck_assert_int_eq(sr_test_seti(s, o[i].level, o[i].name, o[i].val), 0);
    ck_assert_int_eq(mtu(s), o[i].drops ? -ENOTCONN : 1500);
  }
  int s = mk(K_UDP);
  ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
  ck_assert_int_eq(sr_setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, "eth0", 4), 0);
  ck_assert_int_eq(mtu(s), -ENOTCONN);
  s = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(s, SOL_SOCKET, SO_MARK, 5), 0);
  ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
  ck_assert_int_eq(sr_test_seti(s, SOL_SOCKET, SO_MARK, 5), 0);
  ck_assert_int_eq(mtu(s), 1500);
  s = mk(K_UDP);
  ck_assert_int_eq(bnd(s, "0.0.0.0", 0), 0);
  ck_assert_int_eq(mtu(s), -ENOTCONN);
}
END_TEST

/* ---- group programs ---- */
START_TEST(reuseport_program_needs_a_group)
{
  CLAUSES("socket.7:SO_ATTACH_REUSEPORT_CBPF", "socket.7:SO_ATTACH_REUSEPORT_CBPF:4",
    "socket.7:SO_REUSEPORT");
  struct sock_filter ret0[] = {{BPF_RET | BPF_K, 0, 0, 0}};
  struct sock_fprog p = {1, ret0};
#define ATTACH(fd) sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p, sizeof p)
  int a = mko(SOCK_DGRAM, "p"), b = mko(SOCK_DGRAM, "p");
  ck_assert_int_eq(ATTACH(a), 0);
  ck_assert_int_eq(bnd(b, "127.0.0.1", 40600), 0);
  ck_fails(bnd(a, "127.0.0.1", 40600), EADDRINUSE);
  int c = mko(SOCK_DGRAM, "p");
  ck_assert_int_eq(bnd(c, "127.0.0.1", 40601), 0);
  ck_assert_int_eq(ATTACH(c), 0);
  int d = mko(SOCK_DGRAM, "");
  ck_assert_int_eq(bnd(d, "127.0.0.1", 40602), 0);
  ck_fails(ATTACH(d), EINVAL);
  ck_assert_int_eq(sr_test_seti(d, SOL_SOCKET, SO_REUSEPORT, 1), 0);
  ck_fails(ATTACH(d), EINVAL);
  int e = mko(SOCK_DGRAM, "p"), f = mko(SOCK_DGRAM, "p");
  ck_assert_int_eq(ATTACH(e), 0);
  ck_assert_int_eq(bnd(e, "127.0.0.1", 40603), 0);
  ck_assert_int_eq(bnd(f, "127.0.0.1", 40603), 0);
  int g = mko(SOCK_DGRAM, "p");
  ck_assert_int_eq(con(g, "127.0.0.1", 9), 0);
  ck_fails(ATTACH(g), EINVAL);
  int t = mko(SOCK_STREAM, "p");
  ck_assert_int_eq(bnd(t, "127.0.0.1", 40604), 0);
  ck_assert_int_eq(ATTACH(t), 0);
  t = mko(SOCK_STREAM, "p");
  ck_assert_int_eq(bnd(t, "127.0.0.1", 40605), 0);
  ck_assert_int_eq(sr_listen(t, 1), 0);
  ck_assert_int_eq(ATTACH(t), 0);
  t = mko(SOCK_STREAM, "");
  ck_assert_int_eq(sr_listen(t, 1), 0);
  ck_fails(ATTACH(t), EINVAL);
#undef ATTACH
}
END_TEST

/* ---- TCP connect: what happens before a connection ---- */
START_TEST(tcp_connect_errors)
{
  CLAUSES("socket.7:call:connect", "ip.7:addr:connection_unicast");
  int s = mk(K_TCP);
  ck_assert_int_eq(unspec(s), 0);
  NAME_IS(s, "0.0.0.0:0");
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 9);
  ck_fails(sr_connect(s, (struct sockaddr *) &d, 8), EINVAL);
  ck_fails(sr_connect(s, (struct sockaddr *) &d, 1), EINVAL);
  d.sin_family = AF_INET6;
  ck_fails(sr_connect(s, (struct sockaddr *) &d, sizeof d), EAFNOSUPPORT);
  ck_fails(con(s, "10.0.0.255", 9), ENETUNREACH);
  ck_fails(con(s, "224.1.1.1", 9), ENETUNREACH);
  NAME_IS(s, "0.0.0.0:0");
  NOPEER(s);
}
END_TEST

/* ---- which socket receives a datagram ---- */
static int rcv(const char *from, int sport, const char *to, int dport, int ifindex)
{
  struct sockaddr_in f = sr_test_sin(from, sport), t = sr_test_sin(to, dport);
  return sr_udp_receiver(&f, &t, ifindex);
}
static int rcvs(const char *from, int sport, const char *to, int dport, int ifindex, int *fds)
{
  struct sockaddr_in f = sr_test_sin(from, sport), t = sr_test_sin(to, dport);
  return sr_udp_receivers(&f, &t, ifindex, fds, 8);
}
#define LO 1
#define ETH0 2

START_TEST(demux_address_and_order)
{
  CLAUSES("ip.7:addr:INADDR_ANY", "socket.7:SO_REUSEADDR");
  int a = mko(SOCK_DGRAM, "r"), b = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20001), 0);
  ck_assert_int_eq(bnd(b, "127.0.0.1", 20001), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20001, LO), b);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "10.0.0.1", 20001, ETH0), a);
  b = mko(SOCK_DGRAM, "r"); a = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(b, "127.0.0.1", 20002), 0);
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20002), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20002, LO), b);
  static const char *addrs[] = {"127.0.0.1", "0.0.0.0"};
  for (int i = 0; i < 2; i++) {
    int s[3];
    for (int k = 0; k < 3; k++) {
      s[k] = mko(SOCK_DGRAM, "r");
      ck_assert_int_eq(bnd(s[k], addrs[i], 20003 + i), 0);
    }
    ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20003 + i, LO), s[2]);
  }
  ck_fails(rcv("127.0.0.1", 5000, "127.0.0.1", 20009, LO), ENOENT);
}
END_TEST

START_TEST(demux_connected)
{
  CLAUSES("socket.7:call:connect");
  int s[3];
  s[0] = mko(SOCK_DGRAM, "r"); s[1] = mko(SOCK_DGRAM, "r"); s[2] = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(s[0], "127.0.0.1", 20010), 0);
  ck_assert_int_eq(bnd(s[1], "127.0.0.1", 20010), 0);
  ck_assert_int_eq(con(s[1], "127.0.0.1", 20510), 0);
  ck_assert_int_eq(bnd(s[2], "127.0.0.1", 20010), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 20510, "127.0.0.1", 20010, LO), s[1]);
  ck_assert_int_eq(rcv("127.0.0.1", 20511, "127.0.0.1", 20010, LO), s[2]);
  int a = mko(SOCK_DGRAM, "r"), b = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20011), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 20011), 0);
  ck_assert_int_eq(con(b, "127.0.0.1", 20511), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 20511, "127.0.0.1", 20011, LO), b);
  ck_assert_int_eq(rcv("127.0.0.1", 20511, "10.0.0.1", 20011, ETH0), a);
}
END_TEST

/* among sockets connected to one four-tuple, the most recently connected
   wins, even over a device-bound one */
START_TEST(demux_connected_tie)
{
  CLAUSES("socket.7:call:connect", "socket.7:SO_BINDTODEVICE:4");
  static const char *opt0[] = {"rl", "rl", "r", "r"};
  static const char *bind_addr[] = {"127.0.0.1", "127.0.0.1", "127.0.0.1", "0.0.0.0"};
  for (int c = 0; c < 4; c++)
    for (int last = 0; last < 2; last++) {
      int port = 20020 + 2 * c + last;
      int a = mko(SOCK_DGRAM, opt0[c]), b = mko(SOCK_DGRAM, "r");
      ck_assert_int_eq(bnd(a, bind_addr[c], port), 0);
      ck_assert_int_eq(bnd(b, bind_addr[c], port), 0);
      if (last) { ck_assert_int_eq(con(b, "127.0.0.1", 20520), 0); ck_assert_int_eq(con(a, "127.0.0.1", 20520), 0); }
      else { ck_assert_int_eq(con(a, "127.0.0.1", 20520), 0); ck_assert_int_eq(con(b, "127.0.0.1", 20520), 0); }
      ck_assert_int_eq(rcv("127.0.0.1", 20520, "127.0.0.1", port, LO), last ? a : b);
    }
}
END_TEST

START_TEST(demux_device)
{
  CLAUSES("socket.7:SO_BINDTODEVICE", "socket.7:SO_BINDTODEVICE:4");
  int a = mko(SOCK_DGRAM, "rl"), b = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20030), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 20030), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20030, LO), a);
  b = mko(SOCK_DGRAM, "r"); a = mko(SOCK_DGRAM, "rl");
  ck_assert_int_eq(bnd(b, "0.0.0.0", 20031), 0);
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20031), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20031, LO), a);
  a = mko(SOCK_DGRAM, "re"); b = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20032), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 20032), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20032, LO), b);
  a = mko(SOCK_DGRAM, "e");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20033), 0);
  ck_fails(rcv("127.0.0.1", 5000, "127.0.0.1", 20033, LO), ENOENT);
  ck_assert_int_eq(rcv("10.0.0.1", 5000, "10.0.0.1", 20033, ETH0), a);
  a = mko(SOCK_DGRAM, "rl"); b = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(a, "127.0.0.1", 20034), 0);
  ck_assert_int_eq(bnd(b, "127.0.0.1", 20034), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20034, LO), a);
}
END_TEST

START_TEST(demux_incoming_cpu)
{
  CLAUSES("socket.7:SO_INCOMING_CPU");
  for (int cpu = 0; cpu < 2; cpu++) {
    int a = mko(SOCK_DGRAM, "r"), b = mko(SOCK_DGRAM, "r");
    ck_assert_int_eq(sr_test_seti(a, SOL_SOCKET, SO_INCOMING_CPU, cpu), 0);
    ck_assert_int_eq(bnd(a, "127.0.0.1", 20040 + cpu), 0);
    ck_assert_int_eq(bnd(b, "127.0.0.1", 20040 + cpu), 0);
    ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20040 + cpu, LO), cpu ? b : a);
  }
}
END_TEST

START_TEST(demux_reuseport_group)
{
  CLAUSES("socket.7:SO_REUSEPORT:7", "socket.7:SO_REUSEPORT");
  int s[4], got[4] = {0};
  for (int i = 0; i < 4; i++) {
    s[i] = mko(SOCK_DGRAM, "p");
    ck_assert_int_eq(bnd(s[i], "127.0.0.1", 20050), 0);
  }
  for (int sp = 30000; sp < 30064; sp++) {
    int r = rcv("127.0.0.1", sp, "127.0.0.1", 20050, LO);
    ck_assert_int_eq(rcv("127.0.0.1", sp, "127.0.0.1", 20050, LO), r);
    for (int i = 0; i < 4; i++) got[i] += r == s[i];
  }
  for (int i = 0; i < 4; i++) ck_assert_int_gt(got[i], 0);
  ck_assert_int_eq(got[0] + got[1] + got[2] + got[3], 64);
  /* a connected member takes its peer's datagrams and leaves the group */
  ck_assert_int_eq(con(s[1], "127.0.0.1", 20550), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 20550, "127.0.0.1", 20050, LO), s[1]);
  for (int sp = 30000; sp < 30256; sp++)
    ck_assert_int_ne(rcv("127.0.0.1", sp, "127.0.0.1", 20050, LO), s[1]);
  ck_assert_int_eq(unspec(s[1]), 0);
  for (int sp = 30000; sp < 30256; sp++)
    ck_assert_int_ne(rcv("127.0.0.1", sp, "127.0.0.1", 20050, LO), s[1]);
}
END_TEST

START_TEST(demux_reuseport_leaving)
{
  CLAUSES("socket.7:SO_REUSEPORT:7", "socket.7:SO_BINDTODEVICE");
  int s[3], got[3] = {0};
  for (int i = 0; i < 3; i++) {
    s[i] = mko(SOCK_DGRAM, "p");
    ck_assert_int_eq(bnd(s[i], "0.0.0.0", 20060), 0);
  }
  ck_assert_int_eq(con(s[1], "127.0.0.1", 5), 0);
  for (int sp = 30000; sp < 30256; sp++) {
    int r = rcv("127.0.0.1", sp, "127.0.0.1", 20060, LO);
    for (int i = 0; i < 3; i++) got[i] += r == s[i];
  }
  ck_assert_int_eq(got[1], 0);
  ck_assert_int_eq(got[0] + got[2], 256);
  ck_assert_int_gt(got[0], 0);
  ck_assert_int_gt(got[2], 0);
  ck_assert_int_eq(unspec(s[1]), 0);  /* back on the wildcard, at the head */
  for (int sp = 30000; sp < 30256; sp++)
    ck_assert_int_eq(rcv("127.0.0.1", sp, "127.0.0.1", 20060, LO), s[1]);
  int t[3];
  for (int i = 0; i < 3; i++) {
    t[i] = mko(SOCK_DGRAM, "p");
    ck_assert_int_eq(bnd(t[i], "0.0.0.0", 20061), 0);
  }
  ck_assert_int_eq(sr_setsockopt(t[1], SOL_SOCKET, SO_BINDTODEVICE, "lo", 2), 0);
  for (int sp = 30000; sp < 30256; sp++)
    ck_assert_int_ne(rcv("127.0.0.1", sp, "127.0.0.1", 20061, LO), t[1]);
  /* a wildcard group meets a specific socket */
  int a = mko(SOCK_DGRAM, "rp"), b = mko(SOCK_DGRAM, "rp"), c = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 20062), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 20062), 0);
  ck_assert_int_eq(bnd(c, "127.0.0.1", 20062), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 20062, LO), c);
  int r = rcv("127.0.0.1", 5000, "10.0.0.1", 20062, ETH0);
  ck_assert(r == a || r == b);
}
END_TEST

START_TEST(demux_broadcast_and_multicast)
{
  CLAUSES("ip.7:addr:broadcast", "socket.7:SO_BINDTODEVICE:4", "socket.7:SO_REUSEPORT:7");
  int fds[8], s[4];
  static const char *a[] = {"0.0.0.0", "10.0.0.255", "10.0.0.1", "127.0.0.1"};
  for (int i = 0; i < 4; i++) {
    s[i] = mko(SOCK_DGRAM, "r");
    ck_assert_int_eq(bnd(s[i], a[i], 20070), 0);
  }
  ck_assert_int_eq(rcvs("10.0.0.1", 5000, "10.0.0.255", 20070, ETH0, fds), 2);
  ck_assert((fds[0] == s[0] && fds[1] == s[1]) || (fds[0] == s[1] && fds[1] == s[0]));
  ck_assert_int_eq(rcvs("10.0.0.1", 5000, "255.255.255.255", 20070, ETH0, fds), 1);
  ck_assert_int_eq(fds[0], s[0]);
  for (int i = 0; i < 3; i++) {
    s[i] = mko(SOCK_DGRAM, "rp");
    ck_assert_int_eq(bnd(s[i], "0.0.0.0", 20071), 0);
  }
  ck_assert_int_eq(con(s[2], "10.0.0.9", 1), 0);
  ck_assert_int_eq(rcvs("10.0.0.1", 5000, "10.0.0.255", 20071, ETH0, fds), 2);
  int x = mko(SOCK_DGRAM, "r"), y = mko(SOCK_DGRAM, "re");
  ck_assert_int_eq(bnd(x, "0.0.0.0", 20072), 0);
  ck_assert_int_eq(bnd(y, "0.0.0.0", 20072), 0);
  ck_assert_int_eq(rcvs("10.0.0.1", 5000, "10.0.0.255", 20072, ETH0, fds), 2);
  int m = mko(SOCK_DGRAM, "r"), n = mko(SOCK_DGRAM, "r");
  struct ip_mreqn mr;
  memset(&mr, 0, sizeof mr);
  mr.imr_multiaddr.s_addr = inet_addr("224.1.1.1");
  mr.imr_ifindex = ETH0;
  ck_assert_int_eq(bnd(m, "0.0.0.0", 20073), 0);
  ck_assert_int_eq(bnd(n, "224.1.1.1", 20073), 0);
  ck_assert_int_eq(sr_setsockopt(n, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof mr), 0);
  ck_assert_int_eq(rcvs("10.0.0.1", 5000, "224.1.1.1", 20073, ETH0, fds), 2);
  /* IP_MULTICAST_ALL off: only sockets that joined */
  ck_assert_int_eq(sr_test_seti(m, IPPROTO_IP, IP_MULTICAST_ALL, 0), 0);
  ck_assert_int_eq(rcvs("10.0.0.1", 5000, "224.1.1.1", 20073, ETH0, fds), 1);
  ck_assert_int_eq(fds[0], n);
  /* a socket bound to a broadcast address hears no unicast */
  int z = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(z, "10.0.0.255", 20074), 0);
  ck_fails(rcv("10.0.0.1", 5000, "10.0.0.1", 20074, ETH0), ENOENT);
}
END_TEST

/* ---- connect through the routing tables ---- */
START_TEST(connect_route_errors)
{
  CLAUSES("socket.7:call:connect", "ip.7:addr:autobind_connect", "socket.7:SO_DONTROUTE");
  ck_assert_int_eq(sr_route_add_type(0, "10.9.0.0/16", SR_ROUTE_UNREACHABLE), 0);
  ck_assert_int_eq(sr_route_add_type(0, "10.8.0.0/16", SR_ROUTE_PROHIBIT), 0);
  ck_assert_int_eq(sr_route_add_type(0, "10.7.0.0/16", SR_ROUTE_BLACKHOLE), 0);
  static const struct { const char *dst; int err; } d[] = {
    {"10.9.1.1", EHOSTUNREACH}, {"10.8.1.1", EACCES}, {"10.7.1.1", EINVAL}};
  for (int i = 0; i < 3; i++) {
    int s = mk(K_UDP), t = mk(K_TCP);
    ck_fails(con(s, d[i].dst, 9), d[i].err);
    ck_assert_str_eq(addr_of(s), "0.0.0.0");
    ck_assert_int_gt(sr_test_port(s), 0);
    NOPEER(s);
    ck_fails(con(t, d[i].dst, 9), d[i].err);
    NAME_IS(t, "0.0.0.0:0");
  }
  int s = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(s, SOL_SOCKET, SO_DONTROUTE, 1), 0);
  ck_fails(con(s, "8.8.8.8", 9), ENETUNREACH);
  ck_assert_int_gt(sr_test_port(s), 0);
  s = mk(K_UDP);
  ck_assert_int_eq(sr_test_seti(s, SOL_SOCKET, SO_DONTROUTE, 1), 0);
  ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
  ck_assert_str_eq(addr_of(s), "10.0.0.1");
  ck_assert_int_eq(mtu(s), 1500);
  ck_assert_int_eq(sr_test_seti(s, SOL_SOCKET, SO_DONTROUTE, 0), 0);
  ck_assert_int_eq(mtu(s), -ENOTCONN);
  /* a cached route outlives the routing table's */
  s = mk(K_UDP);
  ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
  ck_assert_int_eq(sr_route_del(0, "default"), 0);
  ck_assert_int_eq(sr_route_del(0, "10.0.0.0/24"), 0);
  ck_assert_int_eq(mtu(s), 1500);
  s = mk(K_UDP);
  int t = mk(K_TCP);
  ck_fails(con(s, "8.8.8.8", 9), ENETUNREACH);
  ck_assert_int_gt(sr_test_port(s), 0);
  ck_fails(con(t, "8.8.8.8", 9), ENETUNREACH);
  NAME_IS(t, "0.0.0.0:0");
}
END_TEST

START_TEST(connect_through_devices)
{
  CLAUSES("socket.7:call:connect", "socket.7:SO_BINDTODEVICE", "ip.7:IP_MULTICAST_IF",
    "ip.7:IP_MTU");
  static const int kinds[] = {K_UDP, K_RAW, K_PING};
  for (int i = 0; i < 3; i++) {
    int s = mk(kinds[i]);
    ck_assert_int_eq(sr_setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, "lo", 2), 0);
    ck_assert_int_eq(con(s, "10.0.0.2", 9), 0);
    ck_assert_str_eq(addr_of(s), "10.0.0.1");
    ck_assert_int_eq(mtu(s), 65535);
    s = mk(kinds[i]);
    ck_assert_int_eq(sr_setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, "eth0", 4), 0);
    ck_assert_int_eq(con(s, "127.0.0.1", 9), 0);
    ck_assert_str_eq(addr_of(s), "10.0.0.1");
    ck_assert_int_eq(mtu(s), 1500);
    s = mk(kinds[i]);
    struct ip_mreqn mr;
    memset(&mr, 0, sizeof mr);
    mr.imr_ifindex = LO;
    ck_assert_int_eq(sr_setsockopt(s, IPPROTO_IP, IP_MULTICAST_IF, &mr, sizeof mr), 0);
    ck_assert_int_eq(con(s, "224.1.1.1", 9), 0);
    ck_assert_str_eq(addr_of(s), "10.0.0.1");
    ck_assert_int_eq(mtu(s), 65535);
  }
}
END_TEST

START_TEST(loopback_broadcast)
{
  CLAUSES("ip.7:addr:broadcast", "ip.7:addr:INADDR_BROADCAST");
  static const int kinds[] = {K_UDP, K_RAW, K_PING};
  for (int i = 0; i < 3; i++) {
    int s = mk(kinds[i]);
    ck_fails(con(s, "127.255.255.255", 9), EACCES);
    ck_assert_int_eq(sr_test_seti(s, SOL_SOCKET, SO_BROADCAST, 1), 0);
    ck_assert_int_eq(con(s, "127.255.255.255", 9), 0);
    ck_assert_str_eq(addr_of(s), "127.0.0.1");
    ck_assert_int_eq(mtu(s), 65535);
  }
  int s = mk(K_PING);
  ck_fails(bnd(s, "127.255.255.255", 5004), EADDRNOTAVAIL);
  s = mk(K_UDP);
  ck_assert_int_eq(bnd(s, "127.255.255.255", 5000), 0);
  NAME_IS(s, "127.255.255.255:5000");
  s = mk(K_TCP);
  ck_assert_int_eq(bnd(s, "127.255.255.255", 5001), 0);
  s = mk(K_RAW);
  ck_assert_int_eq(bnd(s, "127.255.255.255", 0), 0);
  NAME_IS(s, "127.255.255.255:1");
}
END_TEST

START_TEST(ephemeral_tcp_halves_and_autobind_reuse)
{
  CLAUSES("ip.7:proc:ip_local_port_range", "socket.7:SO_REUSEADDR");
  range("40000 40007");
  int low = 0, high = 0;
  for (int i = 0; i < 8; i++) {
    int s = mko(SOCK_STREAM, "r");
    ck_assert_int_eq(bnd(s, "0.0.0.0", 0), 0);
    if (i < 4) low |= 1 << (sr_test_port(s) - 40000);
    else high |= 1 << (sr_test_port(s) - 40004);
    if (i < 2 || (i >= 4 && i < 6)) ck_assert_int_eq(sr_test_port(s) & 1, 1);
  }
  ck_assert_int_eq(low, 15);
  ck_assert_int_eq(high, 15);
  ck_fails(bnd(mko(SOCK_STREAM, "r"), "0.0.0.0", 0), EADDRINUSE);
  range("40010 40011");
  int a = mko(SOCK_STREAM, "r"), b = mko(SOCK_STREAM, "r");
  ck_assert_int_eq(bnd(a, "0.0.0.0", 0), 0);
  ck_assert_int_eq(bnd(b, "0.0.0.0", 0), 0);
  ck_fails(bnd(mko(SOCK_STREAM, "r"), "0.0.0.0", 0), EADDRINUSE);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_autobind_reuse", "1"), 0);
  int c = mko(SOCK_STREAM, "r");
  ck_assert_int_eq(bnd(c, "0.0.0.0", 0), 0);
  ck_assert(sr_test_port(c) == 40010 || sr_test_port(c) == 40011);
  ck_fails(bnd(mko(SOCK_STREAM, ""), "0.0.0.0", 0), EADDRINUSE);
  ck_assert_int_eq(sr_listen(a, 1), 0);
  ck_assert_int_eq(sr_close(c), 0);
  ck_assert_int_eq(sr_listen(b, 1), 0);
  ck_fails(bnd(mko(SOCK_STREAM, "r"), "0.0.0.0", 0), EADDRINUSE);
}
END_TEST

/* a socket connected to port 0 takes what its peer address sends from any port */
START_TEST(demux_connected_to_port_zero)
{
  CLAUSES("socket.7:call:connect");
  int a = mko(SOCK_DGRAM, "r"), b = mko(SOCK_DGRAM, "r");
  ck_assert_int_eq(bnd(a, "127.0.0.1", 44000), 0);
  ck_assert_int_eq(bnd(b, "127.0.0.1", 44000), 0);
  ck_assert_int_eq(con(a, "127.0.0.1", 0), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 44000, LO), a);
  ck_assert_int_eq(rcv("127.0.0.2", 5001, "127.0.0.1", 44000, LO), b);
}
END_TEST

START_TEST(demux_reuseport_incoming_cpu)
{
  CLAUSES("socket.7:SO_REUSEPORT:7", "socket.7:SO_INCOMING_CPU");
  for (int when = 0; when < 2; when++) {
    int s[3], port = 44010 + when;
    for (int i = 0; i < 3; i++) {
      s[i] = mko(SOCK_DGRAM, "p");
      if (i == 1 && !when) ck_assert_int_eq(sr_test_seti(s[i], SOL_SOCKET, SO_INCOMING_CPU, 0), 0);
      ck_assert_int_eq(bnd(s[i], "127.0.0.1", port), 0);
    }
    if (when) ck_assert_int_eq(sr_test_seti(s[1], SOL_SOCKET, SO_INCOMING_CPU, 0), 0);
    for (int sp = 30000; sp < 30030; sp++)
      ck_assert_int_eq(rcv("127.0.0.1", sp, "127.0.0.1", port, LO), s[1]);
  }
  int s[3], got[3] = {0};
  for (int i = 0; i < 3; i++) {
    s[i] = mko(SOCK_DGRAM, "p");
    if (i == 1) ck_assert_int_eq(sr_test_seti(s[i], SOL_SOCKET, SO_INCOMING_CPU, 1), 0);
    ck_assert_int_eq(bnd(s[i], "127.0.0.1", 44012), 0);
  }
  for (int sp = 30000; sp < 30300; sp++) {
    int r = rcv("127.0.0.1", sp, "127.0.0.1", 44012, LO);
    for (int i = 0; i < 3; i++) got[i] += r == s[i];
  }
  for (int i = 0; i < 3; i++) ck_assert_int_gt(got[i], 50);
  /* a larger group: every member takes some flows */
  int t[6], tg[6] = {0};
  for (int i = 0; i < 6; i++) {
    t[i] = mko(SOCK_DGRAM, "p");
    ck_assert_int_eq(bnd(t[i], "127.0.0.1", 44013), 0);
  }
  for (int sp = 30000; sp < 30300; sp++) {
    int r = rcv("127.0.0.1", sp, "127.0.0.1", 44013, LO);
    for (int i = 0; i < 6; i++) tg[i] += r == t[i];
  }
  for (int i = 0; i < 6; i++) ck_assert_int_gt(tg[i], 0);
}
END_TEST

START_TEST(demux_multicast_source_filters)
{
  CLAUSES("ip.7:IP_ADD_SOURCE_MEMBERSHIP", "ip.7:IP_BLOCK_SOURCE", "ip.7:IP_MULTICAST_ALL");
  int s[3], fds[8];
  for (int i = 0; i < 3; i++) {
    s[i] = mko(SOCK_DGRAM, "r");
    ck_assert_int_eq(bnd(s[i], "0.0.0.0", 44020), 0);
    ck_assert_int_eq(sr_test_seti(s[i], IPPROTO_IP, IP_MULTICAST_ALL, 0), 0);
  }
  struct ip_mreq_source ms;
  memset(&ms, 0, sizeof ms);
  ms.imr_multiaddr.s_addr = inet_addr("224.1.1.1");
  ms.imr_interface.s_addr = inet_addr("10.0.0.1");
  ms.imr_sourceaddr.s_addr = inet_addr("10.0.0.1");
  ck_assert_int_eq(sr_setsockopt(s[0], IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, &ms, sizeof ms), 0);
  ms.imr_sourceaddr.s_addr = inet_addr("10.0.0.9");
  ck_assert_int_eq(sr_setsockopt(s[1], IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, &ms, sizeof ms), 0);
  struct ip_mreq m = { ms.imr_multiaddr, ms.imr_interface };
  ck_assert_int_eq(sr_setsockopt(s[2], IPPROTO_IP, IP_ADD_MEMBERSHIP, &m, sizeof m), 0);
  ms.imr_sourceaddr.s_addr = inet_addr("10.0.0.1");
  ck_assert_int_eq(sr_setsockopt(s[2], IPPROTO_IP, IP_BLOCK_SOURCE, &ms, sizeof ms), 0);
  ck_assert_int_eq(rcvs("10.0.0.1", 5000, "224.1.1.1", 44020, ETH0, fds), 1);
  ck_assert_int_eq(fds[0], s[0]);
}
END_TEST

START_TEST(receiver_of_another_process)
{
  CLAUSES("socket.7:call:bind");
  pid_t me = sr_getpid(), other = sr_proc_new(0, 0);
  ck_assert_int_gt(other, 0);
  ck_assert_int_eq(sr_proc_switch(other), 0);
  int s = mk(K_UDP);
  ck_assert_int_eq(bnd(s, "127.0.0.1", 44030), 0);
  ck_assert_int_eq(rcv("127.0.0.1", 5000, "127.0.0.1", 44030, LO), s);
  ck_assert_int_eq(sr_proc_switch(me), 0);
  ck_fails(rcv("127.0.0.1", 5000, "127.0.0.1", 44030, LO), ENOENT);
  int t = mk(K_UDP);
  ck_fails(bnd(t, "127.0.0.1", 44030), EADDRINUSE);
}
END_TEST

Suite *suite_bind(void)
{
  Suite *s = suite_create("bind");
  TCase *tc;
  tc = sr_tcase(s, "bind");
  tcase_add_test(tc, bind_lengths);
  tcase_add_test(tc, bind_families);
  tcase_add_test(tc, bind_addresses);
  tcase_add_test(tc, ping_bind_addresses);
  tcase_add_test(tc, bind_twice);
  tcase_add_test(tc, privileged_ports);
  tcase_add_test(tc, privileged_ports_unprivileged);
  tcase_add_test(tc, unprivileged_port_start);
  tcase_add_test(tc, unprivileged_port_start_zero);
  tcase_add_test(tc, nonlocal_bind);
  tcase_add_test(tc, nonlocal_bind_keeps_port_privilege);
  tc = sr_tcase(s, "sharing");
  tcase_add_test(tc, port_sharing_matrix);
  tcase_add_test(tc, protocols_have_separate_tables);
  tcase_add_test(tc, port_free_after_close);
  tcase_add_test(tc, changes_after_bind);
  tcase_add_test(tc, tcp_listen_takes_the_port_again);
  tcase_add_test(tc, reuseport_same_user);
  tcase_add_test(tc, reuseport_program_needs_a_group);
  tc = sr_tcase(s, "ephemeral");
  tcase_add_test(tc, ephemeral_parity_and_halves);
  tcase_add_test(tc, ephemeral_exhaustion_udp);
  tcase_add_test(tc, ephemeral_exhaustion_tcp);
  tcase_add_test(tc, ephemeral_sharing);
  tcase_add_test(tc, reserved_ports);
  tcase_add_test(tc, ephemeral_tcp_halves_and_autobind_reuse);
  tcase_add_test(tc, ping_identifiers);
  tcase_add_test(tc, bind_address_no_port);
  tc = sr_tcase(s, "listen");
  tcase_add_test(tc, listen_basics);
  tcase_add_test(tc, listen_disconnect);
  tc = sr_tcase(s, "connect");
  tcase_add_test(tc, connect_destinations);
  tcase_add_test(tc, connect_broadcast_needs_so_broadcast);
  tcase_add_test(tc, connect_special_destinations);
  tcase_add_test(tc, connect_lengths_and_families);
  tcase_add_test(tc, connect_sources);
  tcase_add_test(tc, reconnect);
  tcase_add_test(tc, disconnect_rules);
  tcase_add_test(tc, cached_route);
  tcase_add_test(tc, tcp_connect_errors);
  tcase_add_test(tc, connect_route_errors);
  tcase_add_test(tc, connect_through_devices);
  tcase_add_test(tc, loopback_broadcast);
  tc = sr_tcase(s, "demux");
  tcase_add_test(tc, demux_address_and_order);
  tcase_add_test(tc, demux_connected);
  tcase_add_test(tc, demux_connected_tie);
  tcase_add_test(tc, demux_device);
  tcase_add_test(tc, demux_incoming_cpu);
  tcase_add_test(tc, demux_reuseport_group);
  tcase_add_test(tc, demux_reuseport_leaving);
  tcase_add_test(tc, demux_broadcast_and_multicast);
  tcase_add_test(tc, demux_connected_to_port_zero);
  tcase_add_test(tc, demux_reuseport_incoming_cpu);
  tcase_add_test(tc, demux_multicast_source_filters);
  tcase_add_test(tc, receiver_of_another_process);
  tc = sr_tcase(s, "names");
  tcase_add_test(tc, name_lengths);
  tcase_add_test(tc, fresh_names);
  return s;
}
