/* sr_test.h -- shared helpers of sockref's Check tests.
   Every test names the clause IDs it checks (CLAUSES(...)), and every
   expected value in a test was measured on Linux 6.18 (see the book's
   \kernel notes for the evidence). */
#ifndef SR_TEST_H
#define SR_TEST_H
#define _GNU_SOURCE 1
#include <check.h>
#include <errno.h>
#include <string.h>
#include <stdint.h>
#include <limits.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <netinet/ip.h>
#include <arpa/inet.h>
#include <net/if.h>
#include "sockref.h"

/* The clause IDs a test checks; the coverage report reads them. */
#define CLAUSES(...) static const char *const sr_clauses_of_test[] __attribute__((unused)) = { __VA_ARGS__ }

/* A call that must fail with errno e. */
#define ck_fails(call, e) do { errno = 0; long r_ = (long) (call); \
    ck_assert_msg(r_ == -1, "%s returned %ld, expected -1", #call, r_); \
    ck_assert_msg(errno == (e), "%s: errno %d (%s), expected %d (%s)", #call, errno, \
                  strerror(errno), (e), strerror(e)); } while (0)
/* A call that must succeed (return >= 0). */
#define ck_ok(call) do { errno = 0; long r_ = (long) (call); \
    ck_assert_msg(r_ >= 0, "%s failed: %s", #call, strerror(errno)); } while (0)

/* Read an int option, asserting success and a 4-byte answer. */
static inline int sr_test_geti(int fd, int level, int name)
{
  int v = -12345;
  socklen_t len = sizeof v;
  ck_assert_int_eq(sr_getsockopt(fd, level, name, &v, &len), 0);
  ck_assert_int_eq(len, 4);
  return v;
}
/* Write an int option; returns the call's result (errno set). */
static inline int sr_test_seti(int fd, int level, int name, int v)
{
  return sr_setsockopt(fd, level, name, &v, sizeof v);
}

/* An AF_INET address, network order inside. */
static inline struct sockaddr_in sr_test_sin(const char *addr, int port)
{
  struct sockaddr_in s;
  memset(&s, 0, sizeof s);
  s.sin_family = AF_INET;
  s.sin_port = htons((uint16_t) port);
  s.sin_addr.s_addr = inet_addr(addr);
  return s;
}

/* The port a socket is bound to, in host order. */
static inline int sr_test_port(int fd)
{
  struct sockaddr_in a;
  socklen_t l = sizeof a;
  ck_assert_int_eq(sr_getsockname(fd, (struct sockaddr *) &a, &l), 0);
  return ntohs(a.sin_port);
}

/* A test case whose every test starts from a fresh default world. */
static inline TCase *sr_tcase(Suite *s, const char *name)
{
  TCase *tc = tcase_create(name);
  tcase_add_checked_fixture(tc, sr_reset, NULL);
  suite_add_tcase(s, tc);
  return tc;
}
#endif
