/* test_mcast.c -- multicast membership and source filters (web/mcast.w),
   against values measured on Linux 6.18 (facts/ipopt probe3, facts/ipopt2). */
#include "sr_test.h"
#include <stdio.h>

enum { K_TCP, K_UDP, K_RAW255, K_ICMP, NK };
static int mk(int k)
{
  static const int t[NK] = {SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_RAW};
  static const int p[NK] = {0, 0, IPPROTO_RAW, IPPROTO_ICMP};
  int fd = sr_socket(AF_INET, t[k], p[k]);
  ck_assert_int_ge(fd, 0);
  return fd;
}
/* join or leave with an ip_mreqn written into a 20-byte buffer, length len */
static int mreq(int fd, int op, const char *grp, const char *ifa, int idx, int len)
{
  struct ip_mreqn m;
  unsigned char b[20] = {0};
  m.imr_multiaddr.s_addr = inet_addr(grp);
  m.imr_address.s_addr = inet_addr(ifa);
  m.imr_ifindex = idx;
  memcpy(b, &m, len >= 12 ? sizeof m : sizeof(struct ip_mreq));
  return sr_setsockopt(fd, IPPROTO_IP, op, b, (socklen_t) len);
}
static int join(int fd, const char *grp) { return mreq(fd, IP_ADD_MEMBERSHIP, grp, "0.0.0.0", 0, 8); }
static int leave(int fd, const char *grp) { return mreq(fd, IP_DROP_MEMBERSHIP, grp, "0.0.0.0", 0, 8); }
static int src_op(int fd, int op, const char *grp, const char *ifa, const char *src, int len)
{
  struct ip_mreq_source m;
  unsigned char b[16] = {0};
  m.imr_multiaddr.s_addr = inet_addr(grp);
  m.imr_interface.s_addr = inet_addr(ifa);
  m.imr_sourceaddr.s_addr = inet_addr(src);
  memcpy(b, &m, sizeof m);
  return sr_setsockopt(fd, IPPROTO_IP, op, b, (socklen_t) len);
}
static int src(int fd, int op, const char *grp, const char *s) { return src_op(fd, op, grp, "0.0.0.0", s, 12); }

/* IP_MSFILTER read: returns the call's result; fills mode, count, the sources and len */
struct msf { uint32_t grp, ifa, fmode, numsrc; uint32_t slist[64]; };
static int msf_get(int fd, const char *grp, const char *ifa, uint32_t numsrc_in, socklen_t *len, struct msf *out)
{
  memset(out, 0xaa, sizeof *out);
  out->grp = inet_addr(grp);
  out->ifa = inet_addr(ifa);
  out->fmode = 0x55;
  out->numsrc = numsrc_in;
  return sr_getsockopt(fd, IPPROTO_IP, IP_MSFILTER, out, len);
}
static int msf_set(int fd, const char *grp, uint32_t mode, uint32_t n, const char *const *srcs, int len)
{
  struct msf m;
  memset(&m, 0, sizeof m);
  m.grp = inet_addr(grp);
  m.fmode = mode;
  m.numsrc = n;
  for (uint32_t i = 0; i < n && srcs; i++) m.slist[i] = inet_addr(srcs[i]);
  return sr_setsockopt(fd, IPPROTO_IP, IP_MSFILTER, &m, (socklen_t) len);
}
static int joined(int fd, const char *grp)
{
  struct msf m; socklen_t len = 16;
  int r = msf_get(fd, grp, "0.0.0.0", 0, &len, &m);
  return r == 0;
}

START_TEST(tcp_eproto)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP", "ip.7:IP_DROP_MEMBERSHIP");
  int t = mk(K_TCP);
  static const int lens[] = {0, 4, 7, 8, 9, 11, 12, 13, 16, 20};
  for (int j = 0; j < 10; j++) {
    ck_fails(mreq(t, IP_ADD_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 0, lens[j]), EPROTO);
    ck_fails(mreq(t, IP_DROP_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 0, lens[j]), EPROTO);
  }
  ck_fails(mreq(t, IP_ADD_MEMBERSHIP, "10.0.0.5", "0.0.0.0", 0, 8), EPROTO);
  ck_fails(mreq(t, IP_ADD_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 99, 12), EPROTO);
  sr_seteuid(65534);
  ck_fails(join(t, "224.1.1.1"), EPROTO);
  sr_seteuid(0);
}
END_TEST

START_TEST(join_lengths)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP");
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 0, 0), EINVAL);
    ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 0, 4), EINVAL);
    ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 0, 7), EINVAL);
    static const int ok[] = {8, 9, 11, 12, 13, 16, 20};
    for (int j = 0; j < 7; j++) {
      ck_assert_int_eq(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 0, ok[j]), 0);
      ck_assert_int_eq(leave(fd, "224.1.1.1"), 0);
    }
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, NULL, 8), EFAULT);
    ck_fails(mreq(fd, IP_DROP_MEMBERSHIP, "224.1.1.1", "0.0.0.0", 0, 7), EINVAL);
  }
}
END_TEST

START_TEST(join_interfaces)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP", "ip.7:IP_DROP_MEMBERSHIP");
  struct { const char *ifa; int idx, len, err; } c[] = {
    {"10.0.0.1", 0, 8, 0}, {"127.0.0.1", 0, 8, 0}, {"1.2.3.4", 0, 8, ENODEV},
    {"10.0.0.255", 0, 8, ENODEV}, {"0.0.0.0", 1, 12, 0}, {"0.0.0.0", 2, 12, 0},
    {"0.0.0.0", 99, 12, ENODEV}, {"127.0.0.1", 2, 12, 0}, {"1.2.3.4", 0, 12, ENODEV},
    {"10.0.0.1", 0, 12, 0}, {"127.0.0.2", 0, 8, 0}};
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    for (size_t j = 0; j < sizeof c / sizeof c[0]; j++) {
      if (c[j].err) {
        ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", c[j].ifa, c[j].idx, c[j].len), c[j].err);
        ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", c[j].ifa, c[j].idx, c[j].len), c[j].err);
        ck_fails(mreq(fd, IP_DROP_MEMBERSHIP, "224.1.1.1", c[j].ifa, c[j].idx, c[j].len), EADDRNOTAVAIL);
      } else {
        ck_assert_int_eq(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", c[j].ifa, c[j].idx, c[j].len), 0);
        ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.1.1.1", c[j].ifa, c[j].idx, c[j].len), EADDRINUSE);
        ck_assert_int_eq(mreq(fd, IP_DROP_MEMBERSHIP, "224.1.1.1", c[j].ifa, c[j].idx, c[j].len), 0);
        ck_fails(mreq(fd, IP_DROP_MEMBERSHIP, "224.1.1.1", c[j].ifa, c[j].idx, c[j].len), EADDRNOTAVAIL);
      }
    }
  }
}
END_TEST

START_TEST(join_groups)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP", "ip.7:IP_DROP_MEMBERSHIP");
  int fd = mk(K_UDP);
  static const char *bad[] = {"10.0.0.5", "255.255.255.255", "240.0.0.1", "0.0.0.0"};
  for (int j = 0; j < 4; j++) {
    ck_fails(join(fd, bad[j]), EINVAL);
    ck_fails(leave(fd, bad[j]), EADDRNOTAVAIL);
  }
  ck_assert_int_eq(join(fd, "224.0.0.1"), 0);
  ck_fails(join(fd, "224.0.0.1"), EADDRINUSE);
  ck_assert_int_eq(join(fd, "239.255.255.255"), 0);
  ck_assert_int_eq(leave(fd, "224.0.0.1"), 0);
  ck_assert_int_eq(leave(fd, "239.255.255.255"), 0);
}
END_TEST

START_TEST(join_matching)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP", "ip.7:IP_DROP_MEMBERSHIP");
  int fd = mk(K_ICMP);
  /* joined through the address, left through the index */
  ck_assert_int_eq(mreq(fd, IP_ADD_MEMBERSHIP, "224.9.9.9", "10.0.0.1", 0, 8), 0);
  ck_assert_int_eq(mreq(fd, IP_DROP_MEMBERSHIP, "224.9.9.9", "0.0.0.0", 2, 12), 0);
  /* the wildcard joins on eth0, so index 2 sees it as a duplicate */
  ck_assert_int_eq(join(fd, "224.9.9.9"), 0);
  ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.9.9.9", "0.0.0.0", 2, 12), EADDRINUSE);
  /* the same group on lo is another membership */
  ck_assert_int_eq(mreq(fd, IP_ADD_MEMBERSHIP, "224.9.9.9", "0.0.0.0", 1, 12), 0);
  ck_fails(mreq(fd, IP_ADD_MEMBERSHIP, "224.9.9.9", "127.0.0.2", 0, 8), EADDRINUSE);
  ck_assert_int_eq(mreq(fd, IP_DROP_MEMBERSHIP, "224.9.9.9", "127.0.0.1", 0, 8), 0);
  ck_assert_int_eq(leave(fd, "224.9.9.9"), 0);
  ck_fails(leave(fd, "224.9.9.9"), EADDRNOTAVAIL);
  ck_fails(mreq(fd, IP_DROP_MEMBERSHIP, "224.9.9.9", "0.0.0.0", 99, 12), EADDRNOTAVAIL);
}
END_TEST

START_TEST(join_limit)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP");
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    char g[32];
    for (int i = 1; i <= 20; i++) {
      snprintf(g, sizeof g, "224.7.0.%d", i);
      ck_assert_int_eq(join(fd, g), 0);
    }
    ck_fails(join(fd, "224.7.1.1"), ENOBUFS);
    ck_assert_int_eq(leave(fd, "224.7.0.1"), 0);
    ck_assert_int_eq(join(fd, "224.7.1.1"), 0);
    ck_assert_int_eq(sr_close(fd), 0);
  }
}
END_TEST

START_TEST(join_limit_sysctl_and_ssm)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP", "ip.7:IP_ADD_SOURCE_MEMBERSHIP");
  int fd = mk(K_UDP);
  char g[32];
  for (int i = 1; i <= 20; i++) {
    snprintf(g, sizeof g, "224.9.0.%d", i);
    ck_assert_int_eq(src(fd, IP_ADD_SOURCE_MEMBERSHIP, g, "10.0.0.9"), 0);
  }
  ck_fails(join(fd, "224.9.1.1"), ENOBUFS);
  ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.9.1.1", "10.0.0.9"), ENOBUFS);
  ck_assert_int_eq(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.9.0.1", "10.0.0.10"), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.igmp_max_memberships", "21"), 0);
  ck_assert_int_eq(join(fd, "224.9.1.1"), 0);
  ck_fails(join(fd, "224.9.1.2"), ENOBUFS);
}
END_TEST

START_TEST(source_ops_not_joined)
{
  CLAUSES("ip.7:IP_BLOCK_SOURCE", "ip.7:IP_UNBLOCK_SOURCE", "ip.7:IP_DROP_SOURCE_MEMBERSHIP",
    "ip.7:IP_ADD_SOURCE_MEMBERSHIP");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    ck_fails(src(fd, IP_BLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), EINVAL);
    ck_fails(src(fd, IP_UNBLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), EINVAL);
    ck_fails(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.4.4.4", "10.0.0.9"), EINVAL);
    ck_fails(src(fd, IP_BLOCK_SOURCE, "10.3.3.3", "10.0.0.9"), EINVAL);
    ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "10.3.3.3", "10.0.0.9"), EINVAL);
    ck_fails(src_op(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.3.3.3", "1.2.3.4", "10.0.0.9", 12), ENODEV);
    ck_fails(src_op(fd, IP_BLOCK_SOURCE, "224.3.3.3", "1.2.3.4", "10.0.0.9", 12), ENODEV);
    ck_fails(src_op(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.3.3.3", "0.0.0.0", "10.0.0.9", 11), EINVAL);
    ck_fails(src_op(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.3.3.3", "0.0.0.0", "10.0.0.9", 16), EINVAL);
    ck_fails(src_op(fd, IP_BLOCK_SOURCE, "224.3.3.3", "0.0.0.0", "10.0.0.9", 0), EINVAL);
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_BLOCK_SOURCE, NULL, 12), EFAULT);
  }
}
END_TEST

START_TEST(exclude_mode)
{
  CLAUSES("ip.7:IP_BLOCK_SOURCE", "ip.7:IP_UNBLOCK_SOURCE", "ip.7:IP_ADD_SOURCE_MEMBERSHIP",
    "ip.7:IP_DROP_SOURCE_MEMBERSHIP", "ip.7:IP_MSFILTER", "ip.7:IP_DROP_MEMBERSHIP");
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    struct msf m; socklen_t len;
    ck_assert_int_eq(join(fd, "224.4.4.4"), 0);
    ck_fails(src(fd, IP_UNBLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), EADDRNOTAVAIL);
    ck_assert_int_eq(src(fd, IP_BLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), 0);
    ck_fails(src(fd, IP_BLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), EADDRNOTAVAIL);
    ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.4.4.4", "10.0.0.9"), EINVAL);
    ck_fails(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.4.4.4", "10.0.0.9"), EINVAL);
    len = 20;
    ck_assert_int_eq(msf_get(fd, "224.4.4.4", "0.0.0.0", 1, &len, &m), 0);
    ck_assert_int_eq(len, 20);
    ck_assert_uint_eq(m.fmode, MCAST_EXCLUDE);
    ck_assert_uint_eq(m.numsrc, 1);
    ck_assert_uint_eq(m.slist[0], inet_addr("10.0.0.9"));
    char s[32];
    for (int i = 2; i <= 10; i++) {
      snprintf(s, sizeof s, "10.0.2.%d", i);
      ck_assert_int_eq(src(fd, IP_BLOCK_SOURCE, "224.4.4.4", s), 0);
    }
    ck_fails(src(fd, IP_BLOCK_SOURCE, "224.4.4.4", "10.0.3.1"), ENOBUFS);
    ck_assert_int_eq(src(fd, IP_UNBLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), 0);
    ck_fails(src(fd, IP_UNBLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), EADDRNOTAVAIL);
    ck_assert_int_eq(leave(fd, "224.4.4.4"), 0);
    ck_assert_int_eq(joined(fd, "224.4.4.4"), 0);
  }
}
END_TEST

START_TEST(mode_switch_rules)
{
  CLAUSES("ip.7:IP_ADD_SOURCE_MEMBERSHIP", "ip.7:IP_DROP_SOURCE_MEMBERSHIP",
    "ip.7:IP_BLOCK_SOURCE", "ip.7:IP_UNBLOCK_SOURCE", "ip.7:IP_MSFILTER");
  int fd = mk(K_UDP);
  struct msf m; socklen_t len = 64;
  /* an ordinary join has no list yet: ADD_SOURCE turns it into include */
  ck_assert_int_eq(join(fd, "224.2.2.2"), 0);
  ck_assert_int_eq(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.2.2.2", "10.0.0.9"), 0);
  ck_assert_int_eq(msf_get(fd, "224.2.2.2", "0.0.0.0", 4, &len, &m), 0);
  ck_assert_int_eq(len, 20);
  ck_assert_uint_eq(m.fmode, MCAST_INCLUDE);
  ck_assert_uint_eq(m.numsrc, 1);
  ck_assert_int_eq(leave(fd, "224.2.2.2"), 0);
  /* a failed DROP_SOURCE still switches the mode */
  ck_assert_int_eq(join(fd, "224.2.2.2"), 0);
  ck_fails(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.2.2.2", "10.0.0.9"), EADDRNOTAVAIL);
  len = 64;
  ck_assert_int_eq(msf_get(fd, "224.2.2.2", "0.0.0.0", 4, &len, &m), 0);
  ck_assert_int_eq(len, 16);
  ck_assert_uint_eq(m.fmode, MCAST_INCLUDE);
  ck_assert_uint_eq(m.numsrc, 0);
  ck_assert_int_eq(src(fd, IP_BLOCK_SOURCE, "224.2.2.2", "10.0.0.9"), 0);
  ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.2.2.2", "10.0.0.9"), EINVAL);
  len = 64;
  ck_assert_int_eq(msf_get(fd, "224.2.2.2", "0.0.0.0", 4, &len, &m), 0);
  ck_assert_uint_eq(m.fmode, MCAST_EXCLUDE);
  ck_assert_int_eq(leave(fd, "224.2.2.2"), 0);
  /* an emptied list still exists; MSFILTER EXCLUDE {} removes it */
  ck_assert_int_eq(join(fd, "224.2.2.2"), 0);
  ck_assert_int_eq(src(fd, IP_BLOCK_SOURCE, "224.2.2.2", "10.0.0.9"), 0);
  ck_assert_int_eq(src(fd, IP_UNBLOCK_SOURCE, "224.2.2.2", "10.0.0.9"), 0);
  ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.2.2.2", "10.0.0.9"), EINVAL);
  ck_assert_int_eq(msf_set(fd, "224.2.2.2", MCAST_EXCLUDE, 0, NULL, 16), 0);
  ck_assert_int_eq(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.2.2.2", "10.0.0.9"), 0);
  len = 64;
  ck_assert_int_eq(msf_get(fd, "224.2.2.2", "0.0.0.0", 4, &len, &m), 0);
  ck_assert_uint_eq(m.fmode, MCAST_INCLUDE);
  ck_assert_uint_eq(m.slist[0], inet_addr("10.0.0.9"));
}
END_TEST

START_TEST(include_mode)
{
  CLAUSES("ip.7:IP_ADD_SOURCE_MEMBERSHIP", "ip.7:IP_DROP_SOURCE_MEMBERSHIP",
    "ip.7:IP_BLOCK_SOURCE", "ip.7:IP_UNBLOCK_SOURCE", "ip.7:IP_MSFILTER", "ip.7:IP_ADD_MEMBERSHIP");
  for (int k = 0; k < NK; k++) {
    int fd = mk(k);
    struct msf m; socklen_t len;
    ck_assert_int_eq(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.6.6.6", "10.0.0.9"), 0);
    ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.6.6.6", "10.0.0.9"), EADDRNOTAVAIL);
    ck_fails(join(fd, "224.6.6.6"), k == K_TCP ? EPROTO : EADDRINUSE);
    ck_fails(src(fd, IP_BLOCK_SOURCE, "224.6.6.6", "10.0.0.9"), EINVAL);
    ck_fails(src(fd, IP_UNBLOCK_SOURCE, "224.6.6.6", "10.0.0.9"), EINVAL);
    len = 20;
    ck_assert_int_eq(msf_get(fd, "224.6.6.6", "0.0.0.0", 1, &len, &m), 0);
    ck_assert_int_eq(len, 20);
    ck_assert_uint_eq(m.fmode, MCAST_INCLUDE);
    ck_assert_uint_eq(m.numsrc, 1);
    ck_assert_uint_eq(m.slist[0], inet_addr("10.0.0.9"));
    ck_fails(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.6.6.6", "10.0.0.8"), EADDRNOTAVAIL);
    char s[32];
    for (int i = 1; i <= 9; i++) {
      snprintf(s, sizeof s, "10.0.1.%d", i);
      ck_assert_int_eq(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.6.6.6", s), 0);
    }
    ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.6.6.6", "10.0.1.10"), ENOBUFS);
    ck_fails(src(fd, IP_ADD_SOURCE_MEMBERSHIP, "224.6.6.6", "10.0.1.1"), ENOBUFS);
    ck_assert_int_eq(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.6.6.6", "10.0.0.9"), 0);
    len = 16;
    ck_assert_int_eq(msf_get(fd, "224.6.6.6", "0.0.0.0", 0, &len, &m), 0);
    ck_assert_int_eq(len, 16);
    ck_assert_uint_eq(m.numsrc, 9);
    for (int i = 1; i <= 8; i++) {
      snprintf(s, sizeof s, "10.0.1.%d", i);
      ck_assert_int_eq(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.6.6.6", s), 0);
    }
    ck_assert_int_eq(joined(fd, "224.6.6.6"), 1);
    ck_assert_int_eq(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.6.6.6", "10.0.1.9"), 0);
    len = 16;
    ck_fails(msf_get(fd, "224.6.6.6", "0.0.0.0", 0, &len, &m), EADDRNOTAVAIL);
    ck_assert_int_eq(len, 16);
  }
}
END_TEST

START_TEST(tcp_source_ops)
{
  CLAUSES("ip.7:IP_ADD_SOURCE_MEMBERSHIP", "ip.7:IP_DROP_MEMBERSHIP", "ip.7:IP_MSFILTER");
  int t = mk(K_TCP);
  ck_fails(join(t, "224.4.4.4"), EPROTO);
  ck_fails(src(t, IP_UNBLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), EINVAL);
  ck_fails(src(t, IP_BLOCK_SOURCE, "224.4.4.4", "10.0.0.9"), EINVAL);
  ck_assert_int_eq(src(t, IP_ADD_SOURCE_MEMBERSHIP, "224.4.4.4", "10.0.0.8"), 0);
  ck_fails(src(t, IP_DROP_SOURCE_MEMBERSHIP, "224.4.4.4", "10.0.0.9"), EADDRNOTAVAIL);
  ck_fails(leave(t, "224.4.4.4"), EPROTO);
  ck_fails(msf_set(t, "224.8.8.8", MCAST_EXCLUDE, 10, NULL, 56), EINVAL);
  ck_fails(msf_set(t, "224.8.8.8", MCAST_INCLUDE, 0, NULL, 16), EADDRNOTAVAIL);
  ck_assert_int_eq(sr_close(t), 0);
}
END_TEST

START_TEST(msfilter_get)
{
  CLAUSES("ip.7:IP_MSFILTER");
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    struct msf m; socklen_t len;
    len = 16;
    ck_fails(msf_get(fd, "224.8.8.8", "0.0.0.0", 0, &len, &m), EADDRNOTAVAIL);
    ck_assert_int_eq(len, 16);
    ck_assert_int_eq(join(fd, "224.8.8.8"), 0);
    len = 15;
    ck_fails(msf_get(fd, "224.8.8.8", "0.0.0.0", 0, &len, &m), EINVAL);
    ck_assert_int_eq(len, 15);
    len = 16;
    ck_assert_int_eq(msf_get(fd, "224.8.8.8", "10.0.0.1", 0, &len, &m), 0);
    ck_assert_uint_eq(m.ifa, inet_addr("10.0.0.1"));
    ck_assert_uint_eq(m.fmode, MCAST_EXCLUDE);
    ck_assert_uint_eq(m.numsrc, 0);
    static const char *two[] = {"10.0.3.1", "10.0.3.2"};
    ck_fails(msf_set(fd, "224.8.8.8", MCAST_INCLUDE, 2, two, 20), EINVAL);
    ck_assert_int_eq(msf_set(fd, "224.8.8.8", MCAST_INCLUDE, 2, two, 24), 0);
    struct { uint32_t nin; socklen_t len, rlen; } c[] = {
      {0, 16, 16}, {1, 16, 20}, {2, 20, 24}, {1, 20, 20}, {10, 64, 24}, {10, 18, 24}};
    for (int j = 0; j < 6; j++) {
      len = c[j].len;
      ck_assert_int_eq(msf_get(fd, "224.8.8.8", "0.0.0.0", c[j].nin, &len, &m), 0);
      ck_assert_int_eq(len, c[j].rlen);
      ck_assert_uint_eq(m.fmode, MCAST_INCLUDE);
      ck_assert_uint_eq(m.numsrc, 2);
      if (c[j].rlen >= 20) ck_assert_uint_eq(m.slist[0], inet_addr("10.0.3.1"));
      if (c[j].rlen >= 24) ck_assert_uint_eq(m.slist[1], inet_addr("10.0.3.2"));
      if (c[j].rlen == 20) ck_assert_uint_eq(m.slist[1], 0xaaaaaaaa);
    }
    len = 16;
    ck_fails(msf_get(fd, "10.0.0.5", "0.0.0.0", 0, &len, &m), EINVAL);
    ck_fails(msf_get(fd, "224.8.8.8", "1.2.3.4", 0, &len, &m), ENODEV);
    ck_fails(msf_get(fd, "224.8.8.8", "127.0.0.1", 0, &len, &m), EADDRNOTAVAIL);
    ck_fails(sr_getsockopt(fd, IPPROTO_IP, IP_MSFILTER, NULL, &len), EFAULT);
  }
}
END_TEST

START_TEST(msfilter_set)
{
  CLAUSES("ip.7:IP_MSFILTER");
  for (int k = K_UDP; k < NK; k++) {
    int fd = mk(k);
    static const char *ten[] = {"10.0.4.1", "10.0.4.2", "10.0.4.3", "10.0.4.4", "10.0.4.5",
      "10.0.4.6", "10.0.4.7", "10.0.4.8", "10.0.4.9", "10.0.4.10", "10.0.4.11"};
    ck_fails(msf_set(fd, "224.8.8.8", MCAST_INCLUDE, 2, ten, 24), EINVAL);
    ck_fails(msf_set(fd, "224.8.8.8", MCAST_EXCLUDE, 11, ten, 60), ENOBUFS);
    ck_fails(msf_set(fd, "224.8.8.8", MCAST_EXCLUDE, 11, ten, 16), ENOBUFS);
    ck_assert_int_eq(join(fd, "224.8.8.8"), 0);
    ck_fails(msf_set(fd, "224.8.8.8", MCAST_INCLUDE, 0, NULL, 15), EINVAL);
    ck_assert_int_eq(msf_set(fd, "224.8.8.8", MCAST_EXCLUDE, 10, ten, 56), 0);
    ck_fails(msf_set(fd, "224.8.8.8", MCAST_EXCLUDE, 11, ten, 60), ENOBUFS);
    ck_fails(msf_set(fd, "224.8.8.8", 7, 1, ten, 20), EINVAL);
    ck_fails(msf_set(fd, "10.8.8.8", MCAST_INCLUDE, 1, ten, 20), EINVAL);
    struct msf m; socklen_t len = sizeof m;
    ck_assert_int_eq(msf_get(fd, "224.8.8.8", "0.0.0.0", 64, &len, &m), 0);
    ck_assert_int_eq(len, 56);
    ck_assert_uint_eq(m.numsrc, 10);
    ck_assert_uint_eq(m.slist[9], inet_addr("10.0.4.10"));
    ck_assert_int_eq(msf_set(fd, "224.8.8.8", MCAST_INCLUDE, 0, NULL, 16), 0);
    ck_assert_int_eq(joined(fd, "224.8.8.8"), 0);
    ck_fails(msf_set(fd, "224.8.8.8", MCAST_INCLUDE, 0, NULL, 16), EADDRNOTAVAIL);
    ck_assert_int_eq(join(fd, "224.8.8.8"), 0);
    /* duplicates are kept as given */
    static const char *dup[] = {"10.0.0.7", "10.0.0.7", "10.0.0.3"};
    ck_assert_int_eq(msf_set(fd, "224.8.8.8", MCAST_INCLUDE, 3, dup, 28), 0);
    len = sizeof m;
    ck_assert_int_eq(msf_get(fd, "224.8.8.8", "0.0.0.0", 4, &len, &m), 0);
    ck_assert_int_eq(len, 28);
    ck_assert_uint_eq(m.slist[1], inet_addr("10.0.0.7"));
    ck_assert_int_eq(src(fd, IP_DROP_SOURCE_MEMBERSHIP, "224.8.8.8", "10.0.0.7"), 0);
    len = sizeof m;
    ck_assert_int_eq(msf_get(fd, "224.8.8.8", "0.0.0.0", 4, &len, &m), 0);
    ck_assert_int_eq(len, 24);
    ck_assert_uint_eq(m.slist[0], inet_addr("10.0.0.7"));
    ck_assert_uint_eq(m.slist[1], inet_addr("10.0.0.3"));
    ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MSFILTER, NULL, 16), EFAULT);
  }
}
END_TEST

START_TEST(msfilter_sysctl_limit)
{
  CLAUSES("ip.7:IP_MSFILTER", "ip.7:IP_BLOCK_SOURCE");
  int fd = mk(K_UDP);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.igmp_max_msf", "2"), 0);
  ck_assert_int_eq(join(fd, "224.8.8.8"), 0);
  ck_assert_int_eq(src(fd, IP_BLOCK_SOURCE, "224.8.8.8", "10.0.0.1"), 0);
  ck_assert_int_eq(src(fd, IP_BLOCK_SOURCE, "224.8.8.8", "10.0.0.2"), 0);
  ck_fails(src(fd, IP_BLOCK_SOURCE, "224.8.8.8", "10.0.0.3"), ENOBUFS);
  static const char *three[] = {"10.0.0.1", "10.0.0.2", "10.0.0.3"};
  ck_fails(msf_set(fd, "224.8.8.8", MCAST_EXCLUDE, 3, three, 28), ENOBUFS);
}
END_TEST

START_TEST(close_frees_memberships)
{
  CLAUSES("ip.7:IP_ADD_MEMBERSHIP", "ip.7:IP_MSFILTER");
  for (int n = 0; n < 3; n++) {
    int fd = mk(K_UDP);
    char g[32], s[32];
    for (int i = 1; i <= 20; i++) {
      snprintf(g, sizeof g, "224.5.0.%d", i);
      ck_assert_int_eq(join(fd, g), 0);
      for (int j = 1; j <= 10; j++) {
        snprintf(s, sizeof s, "10.1.%d.%d", i, j);
        ck_assert_int_eq(src(fd, IP_BLOCK_SOURCE, g, s), 0);
      }
    }
    ck_assert_int_eq(sr_close(fd), 0);
  }
}
END_TEST

Suite *suite_mcast(void)
{
  Suite *s = suite_create("mcast");
  TCase *tc = sr_tcase(s, "join");
  tcase_add_test(tc, tcp_eproto);
  tcase_add_test(tc, join_lengths);
  tcase_add_test(tc, join_interfaces);
  tcase_add_test(tc, join_groups);
  tcase_add_test(tc, join_matching);
  tcase_add_test(tc, join_limit);
  tcase_add_test(tc, join_limit_sysctl_and_ssm);
  tc = sr_tcase(s, "sources");
  tcase_add_test(tc, source_ops_not_joined);
  tcase_add_test(tc, exclude_mode);
  tcase_add_test(tc, mode_switch_rules);
  tcase_add_test(tc, include_mode);
  tcase_add_test(tc, tcp_source_ops);
  tc = sr_tcase(s, "msfilter");
  tcase_add_test(tc, msfilter_get);
  tcase_add_test(tc, msfilter_set);
  tcase_add_test(tc, msfilter_sysctl_limit);
  tcase_add_test(tc, close_frees_memberships);
  return s;
}
