/* test_raw.c -- raw and ping sockets (web/raw.w, web/ping.w), against values
   measured on Linux 6.18 in fresh network namespaces (facts/raw, probes p1 to
   p13). */
#include "sr_net_test.h"

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

Suite *suite_raw(void)
{
  Suite *s = suite_create("raw");
  TCase *tc = sr_tcase(s, "icmp_filter");
  tcase_add_test(tc, icmp_filter_values);
  tcase_add_test(tc, icmp_filter_errors);
  return s;
}
