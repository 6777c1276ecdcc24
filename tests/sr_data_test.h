/* sr_data_test.h -- helpers of the data-path tests (test_udp.c, test_poll.c):
   addresses, bound sockets, sends, received messages and their control
   messages, and a second host on the default world's LAN. */
#ifndef SR_DATA_TEST_H
#define SR_DATA_TEST_H
#include "sr_net_test.h"
#include <sys/uio.h>
#include <linux/errqueue.h>

static inline int udp(void)
{
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_ge(fd, 0);
  return fd;
}
static inline int udp_bound(const char *a, int port)
{
  int fd = udp();
  struct sockaddr_in s = sr_test_sin(a, port);
  ck_assert_int_eq(sr_bind(fd, (struct sockaddr *) &s, sizeof s), 0);
  return fd;
}
static inline ssize_t send_to(int fd, const void *buf, size_t n, const char *a, int port)
{
  struct sockaddr_in d = sr_test_sin(a, port);
  return sr_sendto(fd, buf, n, 0, (struct sockaddr *) &d, sizeof d);
}
static inline int seti(int fd, int level, int name, int v)
{
  return sr_setsockopt(fd, level, name, &v, sizeof v);
}
static inline int geti(int fd, int level, int name) { return sr_test_geti(fd, level, name); }
static inline int drain(int fd)
{
  static char b[70000];
  int n = 0;
  while (sr_recv(fd, b, sizeof b, MSG_DONTWAIT) >= 0) n++;
  return n;
}

/* one control message of the given level and type holding the n bytes at v,
   in cb, which must have CMSG_SPACE(n) bytes (cleared here) */
static inline void cmsg_one(void *cb, int level, int type, const void *v, size_t n)
{
  struct cmsghdr *cm = cb;
  memset(cb, 0, CMSG_SPACE(n));
  cm->cmsg_level = level;
  cm->cmsg_type = type;
  cm->cmsg_len = CMSG_LEN(n);
  memcpy(CMSG_DATA(cm), v, n);
}

/* a msghdr to d with one piece of data and a control buffer */
static inline void msg_to(struct msghdr *m, struct sockaddr_in *d, struct iovec *iv, void *ctl,
  size_t ctllen)
{
  memset(m, 0, sizeof *m);
  m->msg_name = d;
  m->msg_namelen = sizeof *d;
  m->msg_iov = iv;
  m->msg_iovlen = 1;
  m->msg_control = ctl;
  m->msg_controllen = ctllen;
}
/* recvmsg with a control buffer of ctllen bytes (0: none) */
struct rx { struct msghdr m; struct iovec v; char data[100];
  unsigned char ctl[512] __attribute__((aligned(8))); struct sockaddr_in from; };
static inline ssize_t rx_msg(int fd, struct rx *r, size_t len, size_t ctllen, int flags)
{
  memset(r, 0, sizeof *r);
  memset(r->ctl, 0xcc, sizeof r->ctl);
  r->v.iov_base = r->data;
  r->v.iov_len = len;
  r->m.msg_name = &r->from;
  r->m.msg_namelen = sizeof r->from;
  r->m.msg_iov = &r->v;
  r->m.msg_iovlen = 1;
  r->m.msg_control = ctllen ? r->ctl : NULL;
  r->m.msg_controllen = ctllen;
  return sr_recvmsg(fd, &r->m, flags);
}
/* the control messages, in order */
static inline int cmsgs(struct msghdr *m, struct cmsghdr **out, int max)
{
  int n = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c && n < max; c = CMSG_NXTHDR(m, c)) out[n++] = c;
  return n;
}
/* the IP_RECVERR message c: its extended error and offender */
static inline void expect_ee(const struct cmsghdr *c, int err, int origin, int type, int code,
  uint32_t info, int offender_family)
{
  struct { struct sock_extended_err ee; struct sockaddr_in off; } e;
  ck_assert_int_eq(c->cmsg_level, IPPROTO_IP);
  ck_assert_int_eq(c->cmsg_type, IP_RECVERR);
  ck_assert_int_eq(c->cmsg_len, 48);
  memcpy(&e, CMSG_DATA(c), sizeof e);
  ck_assert_uint_eq(e.ee.ee_errno, (unsigned) err);
  ck_assert_uint_eq(e.ee.ee_origin, (unsigned) origin);
  ck_assert_uint_eq(e.ee.ee_type, (unsigned) type);
  ck_assert_uint_eq(e.ee.ee_code, (unsigned) code);
  ck_assert_uint_eq(e.ee.ee_info, info);
  ck_assert_uint_eq(e.ee.ee_data, 0);
  ck_assert_int_eq(e.off.sin_family, offender_family);
  if (offender_family) ck_assert_uint_eq(e.off.sin_addr.s_addr, inet_addr("127.0.0.1"));
  ck_assert_int_eq(e.off.sin_port, 0);
}

/* host 1, "peer", 10.0.0.2/24 on the default world's LAN (1), whose medium
   delays every frame by delay_ns */
static inline int peer_host(uint64_t delay_ns)
{
  struct sr_lan_config cfg;
  int peer = sr_host_new("peer"), e = sr_if_add(peer, "eth0", 1500);
  memset(&cfg, 0, sizeof cfg);
  cfg.delay_ns = delay_ns;
  ck_assert_int_eq(sr_if_set_up(peer, 1, 1), 0);
  ck_assert_int_eq(sr_addr_add(peer, e, "10.0.0.2/24", "+"), 0);
  ck_assert_int_eq(sr_if_set_up(peer, e, 1), 0);
  ck_assert_int_eq(sr_lan_attach(1, peer, e), 0);
  ck_assert_int_eq(sr_lan_configure(1, &cfg), 0);
  return peer;
}
#endif
