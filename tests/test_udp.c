/* test_udp.c -- the UDP data path (web/udp.w): sending, receiving, the
   receive buffer, control messages, the error queue, shutdown.  Every
   expected value was measured on Linux 6.18 in a fresh network namespace
   (lo up; veth pairs for the Ethernet cases): /work/facts/udp (probes
   rx.c, tx.c, cmsg.c, fill.c, drain.c, errq.c, errq2.c, misc.c, misc2.c,
   stamp.c, sig.c, vethlist.c, badsum.c, mcast.c, wmem.c, wmem2.c, cork.c, cork2.c and their raw_*.txt outputs). */
#include "sr_data_test.h"
#include <linux/filter.h>
#include <netinet/udp.h>
#include <signal.h>
#include <stdio.h>

/* ---- sending and receiving on loopback ----------------------------------- */
START_TEST(send_receive_and_truncate)
{
  CLAUSES("socket.7:call:send", "socket.7:call:sendto", "socket.7:call:recv",
    "socket.7:call:recvfrom", "socket.7:call:recvmsg");
  int r = udp_bound("127.0.0.1", 5000), s = udp_bound("127.0.0.1", 6000);
  struct rx x;
  struct sockaddr_in from;
  socklen_t fl;
  char b[100];
  ck_assert_int_eq(send_to(s, "0123456789", 10, "127.0.0.1", 5000), 10);
  ck_assert_int_eq(rx_msg(r, &x, 3, 0, 0), 3);
  ck_assert_int_eq(x.m.msg_flags, MSG_TRUNC);
  ck_assert_int_eq(x.m.msg_namelen, 16);
  ck_assert_int_eq(ntohs(x.from.sin_port), 6000);
  ck_assert_int_eq(send_to(s, "0123456789", 10, "127.0.0.1", 5000), 10);
  ck_assert_int_eq(rx_msg(r, &x, 3, 0, MSG_TRUNC), 10);
  ck_assert_int_eq(x.m.msg_flags, MSG_TRUNC);
  ck_assert_int_eq(send_to(s, "0123456789", 10, "127.0.0.1", 5000), 10);
  ck_assert_int_eq(sr_recv(r, b, 3, MSG_PEEK | MSG_TRUNC), 10);
  ck_assert_int_eq(sr_recv(r, b, 100, 0), 10);
  /* recvfrom: the address length is cut and set to 16 */
  ck_assert_int_eq(send_to(s, "ab", 2, "127.0.0.1", 5000), 2);
  memset(&from, 0xee, sizeof from);
  fl = 4;
  ck_assert_int_eq(sr_recvfrom(r, b, 100, 0, (struct sockaddr *) &from, &fl), 2);
  ck_assert_int_eq(fl, 16);
  ck_assert_int_eq(from.sin_family, AF_INET);
  ck_assert_int_eq(ntohs(from.sin_port), 6000);
  ck_assert_uint_eq(from.sin_addr.s_addr, 0xeeeeeeeeu);
  /* a negative length fails after the datagram was read */
  ck_assert_int_eq(send_to(s, "ab", 2, "127.0.0.1", 5000), 2);
  fl = (socklen_t) -1;
  ck_fails(sr_recvfrom(r, b, 100, 0, (struct sockaddr *) &from, &fl), EINVAL);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(send_to(s, "ab", 2, "127.0.0.1", 5000), 2);
  ck_fails(sr_recvfrom(r, b, 100, 0, (struct sockaddr *) &from, NULL), EFAULT);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
}
END_TEST

START_TEST(receive_flags_and_faults)
{
  CLAUSES("socket.7:call:recv", "socket.7:call:recvmsg", "ip.7:ERRORS");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  char b[100];
  /* EFAULT consumes the datagram and counts a drop */
  ck_assert_int_eq(send_to(s, "abcdef", 6, "127.0.0.1", 5000), 6);
  ck_fails(sr_recv(r, NULL, 6, 0), EFAULT);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
  /* an empty recv consumes, an empty read does not */
  ck_assert_int_eq(send_to(s, "abcdef", 6, "127.0.0.1", 5000), 6);
  ck_assert_int_eq(sr_recv(r, NULL, 0, 0), 0);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(send_to(s, "abcdef", 6, "127.0.0.1", 5000), 6);
  ck_assert_int_eq(sr_read(r, b, 0), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 6);
  /* MSG_OOB, MSG_WAITALL and unknown bits are ignored */
  ck_fails(sr_recv(r, b, 100, MSG_OOB | MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(send_to(s, "x", 1, "127.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_OOB), 1);
  ck_fails(sr_recv(r, b, 100, MSG_ERRQUEUE), EAGAIN);
  ck_assert_int_eq(send_to(s, "xy", 2, "127.0.0.1", 5000), 2);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_WAITALL), 2);
  ck_assert_int_eq(send_to(s, "x", 1, "127.0.0.1", 5000), 1);
  ck_assert_int_eq(sr_recv(r, b, 100, 0x40000000 | 0x80000), 1);
  /* scatter over three pieces; readv of two pieces truncates */
  char p1[3], p2[4], p3[10];
  struct iovec v[3] = {{p1, 3}, {p2, 4}, {p3, 10}};
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = v;
  m.msg_iovlen = 3;
  ck_assert_int_eq(send_to(s, "0123456789", 10, "127.0.0.1", 5000), 10);
  ck_assert_int_eq(sr_recvmsg(r, &m, 0), 10);
  ck_assert_int_eq(memcmp(p1, "012", 3), 0);
  ck_assert_int_eq(memcmp(p2, "3456", 4), 0);
  ck_assert_int_eq(memcmp(p3, "789", 3), 0);
  ck_assert_int_eq(send_to(s, "0123456789", 10, "127.0.0.1", 5000), 10);
  ck_assert_int_eq(sr_readv(r, v, 2), 7);
  m.msg_iovlen = 1025;
  ck_fails(sr_recvmsg(r, &m, MSG_DONTWAIT), EMSGSIZE);
  ck_fails(sr_readv(r, v, 1025), EINVAL);
  ck_fails(sr_readv(99, v, 1025), EBADF);
  ck_fails(sr_recv(0, b, 1, 0), ENOTSOCK);
}
END_TEST

START_TEST(recvmsg_outputs)
{
  CLAUSES("socket.7:call:recvmsg");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  char b[8];
  struct iovec v = {b, 8};
  struct sockaddr_storage a;
  struct msghdr m;
  ck_assert_int_eq(send_to(s, "hi", 2, "127.0.0.1", 5000), 2);
  memset(&m, 0, sizeof m);
  m.msg_iov = &v;
  m.msg_iovlen = 1;
  m.msg_namelen = 16;
  m.msg_flags = 0x7fffffff;
  ck_assert_int_eq(sr_recvmsg(r, &m, MSG_CMSG_CLOEXEC), 2);
  ck_assert_int_eq(m.msg_namelen, 16);
  ck_assert_int_eq(m.msg_flags, MSG_CMSG_CLOEXEC);
  ck_assert_int_eq(m.msg_controllen, 0);
  /* a negative name length fails before reading */
  ck_assert_int_eq(send_to(s, "hi", 2, "127.0.0.1", 5000), 2);
  m.msg_name = &a;
  m.msg_namelen = (socklen_t) -1;
  ck_fails(sr_recvmsg(r, &m, MSG_DONTWAIT), EINVAL);
  m.msg_namelen = 200;
  ck_assert_int_eq(sr_recvmsg(r, &m, MSG_DONTWAIT), 2);
  ck_assert_int_eq(m.msg_namelen, 16);
  /* a name buffer of length 0 receives nothing, of length 4 the first 4
     bytes; the length comes back 16 either way (measured: the same for
     raw and ping sockets) */
  int raw = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
  struct sockaddr_in me;
  socklen_t melen = sizeof me;
  ck_assert_int_eq(sr_getsockname(s, (struct sockaddr *) &me, &melen), 0);
  in_port_t sport = me.sin_port;
  for (socklen_t len = 0; len <= 4; len += 4) {
    ck_assert_int_eq(send_to(s, "hi", 2, "127.0.0.1", 5000), 2);
    for (int k = 0; k < 2; k++) {
      memset(&a, 0xaa, sizeof a);
      m.msg_namelen = len;
      ck_assert_int_eq(sr_recvmsg(k ? raw : r, &m, MSG_DONTWAIT), (k ? 8 : 2)); /* raw: 8 of the 30 bytes */
      ck_assert_int_eq(m.msg_namelen, 16);
      struct sockaddr_in *in = (struct sockaddr_in *) &a;
      ck_assert_uint_eq(in->sin_family, len ? AF_INET : 0xaaaa);
      ck_assert_uint_eq(in->sin_port, len ? (k ? 0 : sport) : 0xaaaa);
      ck_assert_uint_eq(in->sin_addr.s_addr, 0xaaaaaaaau);
    }
  }
}
END_TEST

/* ---- sizes, addresses, flags of sends -------------------------------------- */
START_TEST(datagram_sizes)
{
  CLAUSES("ip.7:ERRORS", "ip.7:IP_OPTIONS");
  static char big[70000];
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  unsigned char nop4[4] = {1, 1, 1, 0};
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, 1 << 20), 0);
  ck_assert_int_eq(send_to(s, big, 65507, "127.0.0.1", 5000), 65507);
  ck_fails(send_to(s, big, 65508, "127.0.0.1", 5000), EMSGSIZE);
  ck_fails(send_to(s, big, 65535, "127.0.0.1", 5000), EMSGSIZE);
  ck_fails(send_to(s, big, 65536, "127.0.0.1", 5000), EMSGSIZE);
  ck_fails(send_to(s, big, 70000, "127.0.0.1", 5000), EMSGSIZE);
  ck_assert_int_eq(sr_setsockopt(s, IPPROTO_IP, IP_OPTIONS, nop4, 4), 0);
  ck_assert_int_eq(send_to(s, big, 65503, "127.0.0.1", 5000), 65503);
  ck_fails(send_to(s, big, 65504, "127.0.0.1", 5000), EMSGSIZE);
  ck_assert_int_eq(sr_recv(r, big, sizeof big, 0), 65507);
  ck_assert_int_eq(sr_recv(r, big, sizeof big, 0), 65503);
}
END_TEST

/* Buffers of big datagrams are kept for reuse by size (web/udp.w, "Which
   buffers a read may keep"); every byte must survive the reuse, including
   a buffer cut short by a filter and then handed out for a datagram of the
   size it was cut to.  Measured: a filter returning 1008 gives 1000 bytes of
   an 8192-byte datagram, 208 gives 200, 4 gives an empty datagram. */
static void fill_pattern(unsigned char *b, size_t n, unsigned seed)
{
  for (size_t i = 0; i < n; i++) b[i] = (unsigned char) (i * 7 + seed);
}

static void check_pattern(const unsigned char *b, size_t n, unsigned seed)
{
  size_t i = 0;
  while (i < n && b[i] == (unsigned char) (i * 7 + seed)) i++;
  ck_assert_msg(i == n, "byte %zu of a %zu-byte datagram differs", i, n);
}

START_TEST(reused_buffers_keep_data)
{
  CLAUSES("socket.7:call:sendto", "socket.7:call:recv", "socket.7:SO_ATTACH_FILTER");
  static const size_t sizes[] = { 8192, 5000, 9000, 300, 257, 65507, 40000, 8192, 12000, 65507 };
  static unsigned char b[70000], c[70000];
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  unsigned seed = 1;
  struct sock_filter f[] = { { BPF_RET | BPF_K, 0, 0, 1008 } };
  struct sock_fprog prog = { 1, f };
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, 1 << 20), 0);
  for (int round = 0; round < 3; round++)
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i += 5) {
      for (size_t k = i; k < i + 5; k++) { /* five queued: more than a size keeps */
        fill_pattern(b, sizes[k], seed + (unsigned) k);
        ck_assert_int_eq(send_to(s, b, sizes[k], "127.0.0.1", 5000), (int) sizes[k]);
      }
      for (size_t k = i; k < i + 5; k++) {
        memset(c, 0, sizes[k]);
        ck_assert_int_eq(sr_recv(r, c, sizeof c, MSG_DONTWAIT), (int) sizes[k]);
        check_pattern(c, sizes[k], seed + (unsigned) k);
      }
      seed += 11;
    }
  ck_assert_int_eq(sr_setsockopt(r, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog), 0);
  fill_pattern(b, 8192, 5);
  ck_assert_int_eq(send_to(s, b, 8192, "127.0.0.1", 5000), 8192);
  ck_assert_int_eq(sr_recv(r, c, sizeof c, MSG_TRUNC), 1000);
  check_pattern(c, 1000, 5);
  f[0].k = 208;
  ck_assert_int_eq(sr_setsockopt(r, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog), 0);
  ck_assert_int_eq(send_to(s, b, 8192, "127.0.0.1", 5000), 8192);
  ck_assert_int_eq(sr_recv(r, c, sizeof c, MSG_TRUNC), 200);
  check_pattern(c, 200, 5);
  f[0].k = 4;
  ck_assert_int_eq(sr_setsockopt(r, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog), 0);
  ck_assert_int_eq(send_to(s, b, 8192, "127.0.0.1", 5000), 8192);
  ck_assert_int_eq(sr_recv(r, c, sizeof c, MSG_TRUNC | MSG_DONTWAIT), 0);
  f[0].k = 0xffff;
  ck_assert_int_eq(sr_setsockopt(r, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog), 0);
  for (unsigned src = 0; src < 40; src += 7) /* payloads shifted to the sender's alignment */
    for (unsigned dst = 0; dst < 40; dst += 13) {
      fill_pattern(b + src, 8192, src + dst);
      ck_assert_int_eq(send_to(s, b + src, 8192, "127.0.0.1", 5000), 8192);
      ck_assert_int_eq(sr_recv(r, c + dst, 100, MSG_PEEK), 100);
      check_pattern(c + dst, 100, src + dst);
      ck_assert_int_eq(sr_recv(r, c + dst, 8192, 0), 8192);
      check_pattern(c + dst, 8192, src + dst);
    }
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, 0), 0); /* peeking into a shifted entry */
  fill_pattern(b + 3, 8192, 4);
  ck_assert_int_eq(send_to(s, b + 3, 8192, "127.0.0.1", 5000), 8192);
  ck_assert_int_eq(sr_recv(r, c, 100, MSG_PEEK), 100);
  check_pattern(c, 100, 4);
  ck_assert_int_eq(sr_recv(r, c, 100, MSG_PEEK), 100);
  check_pattern(c, 100, 4 + 700);
  ck_assert_int_eq(sr_recv(r, c + 1, 8192, 0), 8192);
  check_pattern(c + 1, 8192, 4);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, -1), 0);
  for (size_t n = 1000; n <= 1800; n += 200) { /* the sizes the cut buffers now serve */
    fill_pattern(b, n, 9);
    ck_assert_int_eq(send_to(s, b, n, "127.0.0.1", 5000), (int) n);
    ck_assert_int_eq(sr_recv(r, c, sizeof c, MSG_DONTWAIT), (int) n);
    check_pattern(c, n, 9);
  }
}
END_TEST

START_TEST(send_addresses_and_flags)
{
  CLAUSES("socket.7:call:sendto", "socket.7:SO_BROADCAST:2", "ip.7:addr:broadcast",
    "ip.7:ERRORS");
  int r = udp_bound("127.0.0.1", 5000), s = udp(), u;
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000), d0 = d;
  struct sockaddr_storage big;
  memset(&big, 0, sizeof big);
  memcpy(&big, &d, sizeof d);
  ck_fails(sr_sendto(s, "a", 1, 0, (struct sockaddr *) &d, 15), EINVAL);
  ck_assert_int_eq(sr_sendto(s, "a", 1, 0, (struct sockaddr *) &big, 100), 1);
  ck_fails(sr_sendto(s, "a", 1, 0, NULL, 16), EDESTADDRREQ);
  ck_fails(sr_sendto(s, "a", 1, 0, (struct sockaddr *) &d, 0), EINVAL);
  d.sin_family = AF_UNSPEC;
  ck_assert_int_eq(sr_sendto(s, "a", 1, 0, (struct sockaddr *) &d, sizeof d), 1);
  d.sin_family = AF_INET6;
  ck_fails(sr_sendto(s, "a", 1, 0, (struct sockaddr *) &d, sizeof d), EAFNOSUPPORT);
  d = d0;
  d.sin_port = 0;
  ck_fails(sr_sendto(s, "a", 1, 0, (struct sockaddr *) &d, sizeof d), EINVAL);
  d = d0;
  d.sin_addr.s_addr = 0; /* the host itself */
  ck_assert_int_eq(sr_sendto(s, "a", 1, 0, (struct sockaddr *) &d, sizeof d), 1);
  ck_assert_int_eq(drain(r), 3);
  ck_fails(send_to(s, "a", 1, "10.0.0.255", 5000), EACCES);
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_BROADCAST, 1), 0);
  ck_assert_int_eq(send_to(s, "a", 1, "10.0.0.255", 5000), 1);
  ck_fails(sr_sendto(s, "a", 1, MSG_OOB, (struct sockaddr *) &d0, sizeof d0), EOPNOTSUPP);
  ck_assert_int_eq(sr_sendto(s, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT | MSG_CONFIRM | MSG_EOR |
    MSG_WAITALL | MSG_ERRQUEUE | MSG_TRUNC | MSG_PEEK | MSG_FASTOPEN,
    (struct sockaddr *) &d0, sizeof d0), 1);
  ck_assert_int_eq(sr_sendto(s, "a", 1, MSG_PROXY, (struct sockaddr *) &d0, sizeof d0), 1);
  ck_fails(sr_sendto(s, NULL, 1, 0, (struct sockaddr *) &d0, sizeof d0), EFAULT);
  ck_assert_int_eq(sr_sendto(s, NULL, 0, 0, (struct sockaddr *) &d0, sizeof d0), 0);
  ck_assert_int_eq(drain(r), 2); /* the flags one and the empty one */
  /* sends that fail in the protocol still bind the socket */
  u = udp();
  ck_fails(sr_send(u, "a", 1, 0), EDESTADDRREQ);
  ck_assert_int_ne(sr_test_port(u), 0);
  u = udp();
  ck_fails(sr_send(u, "a", 1, MSG_OOB), EOPNOTSUPP);
  ck_assert_int_ne(sr_test_port(u), 0);
  u = udp();
  ck_fails(sr_sendto(u, "a", 1, 0, (struct sockaddr *) &d0, 3), EINVAL);
  ck_assert_int_ne(sr_test_port(u), 0);
  u = udp();
  ck_fails(sr_sendto(u, "a", 0, 0, (struct sockaddr *) &big, 200), EINVAL);
  ck_assert_int_eq(sr_test_port(u), 0);
  ck_fails(sr_write(u, "a", 1), EDESTADDRREQ);
  ck_fails(sr_send(0, "a", 1, 0), ENOTSOCK);
  ck_fails(sr_send(99, "a", 1, 0), EBADF);
}
END_TEST

START_TEST(sendmsg_and_vectors)
{
  CLAUSES("socket.7:call:sendmsg", "socket.7:call:send");
  int r = udp_bound("127.0.0.1", 5000), s = udp(), c = udp(), u = udp();
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000);
  struct iovec iv[2] = {{"ab", 2}, {"cd", 2}}, z[2] = {{"x", 0}, {NULL, 0}};
  struct msghdr m;
  char b[100], cb[64];
  memset(&m, 0, sizeof m);
  m.msg_name = &d;
  m.msg_namelen = sizeof d;
  m.msg_iov = iv;
  m.msg_iovlen = 2;
  ck_assert_int_eq(sr_sendmsg(s, &m, 0), 4);
  ck_assert_int_eq(sr_recv(r, b, 100, 0), 4);
  ck_assert_int_eq(memcmp(b, "abcd", 4), 0);
  m.msg_iovlen = 1025;
  ck_fails(sr_sendmsg(s, &m, 0), EMSGSIZE);
  m.msg_iovlen = 0;
  ck_assert_int_eq(sr_sendmsg(s, &m, 0), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, 0), 0);
  m.msg_iovlen = 2;
  m.msg_namelen = 0;
  ck_fails(sr_sendmsg(s, &m, 0), EDESTADDRREQ);
  m.msg_namelen = sizeof d;
  memset(cb, 0, sizeof cb);
  m.msg_control = cb;
  m.msg_controllen = 8;
  ck_assert_int_eq(sr_sendmsg(s, &m, 0), 4);
  m.msg_controllen = 15;
  ck_assert_int_eq(sr_sendmsg(s, &m, 0), 4);
  m.msg_control = NULL;
  m.msg_controllen = 16;
  ck_fails(sr_sendmsg(s, &m, 0), EFAULT);
  ck_fails(sr_writev(s, iv, 2), EDESTADDRREQ);
  ck_assert_int_eq(drain(r), 2);
  /* writev of nothing sends nothing; write of nothing sends an empty datagram */
  ck_assert_int_eq(sr_connect(c, (struct sockaddr *) &d, sizeof d), 0);
  ck_assert_int_eq(sr_writev(c, z, 2), 0);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_write(c, b, 0), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 0);
  ck_assert_int_eq(sr_writev(u, z, 2), 0);
  ck_assert_int_eq(sr_writev(u, z, 0), 0);
  ck_fails(sr_writev(c, iv, 1025), EINVAL);
  ck_fails(sr_writev(c, iv, -1), EINVAL);
  ck_fails(sr_writev(99, iv, 1025), EBADF);
  ck_fails(sr_writev(c, NULL, 1), EFAULT);
  ck_assert_int_eq(sr_writev(c, NULL, 0), 0);
  ck_assert_int_eq(sr_write(1, "hello", 5), 5);
}
END_TEST

START_TEST(connected_socket_sends)
{
  CLAUSES("socket.7:call:send", "ip.7:addr:autobind_connect");
  int r = udp_bound("127.0.0.1", 5000), r2 = udp_bound("127.0.0.1", 5001), c = udp();
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000), o = sr_test_sin("127.0.0.1", 5001);
  char b[100];
  ck_assert_int_eq(sr_connect(c, (struct sockaddr *) &d, sizeof d), 0);
  ck_assert_int_eq(sr_send(c, "abc", 3, 0), 3);
  ck_assert_int_eq(sr_write(c, "abc", 3), 3);
  ck_assert_int_eq(drain(r), 2);
  ck_assert_int_eq(sr_sendto(c, "x", 1, 0, (struct sockaddr *) &o, sizeof o), 1);
  ck_assert_int_eq(sr_recv(r2, b, 100, MSG_DONTWAIT), 1);
  ck_fails(sr_sendto(c, "x", 1, 0, (struct sockaddr *) &o, 3), EINVAL);
}
END_TEST

/* ---- the receive buffer ------------------------------------------------------ */
/* 400 datagrams of n bytes to port, more than any buffer here holds */
static void fill(int s, int port, size_t n)
{
  static char big[70000];
  for (int i = 0; i < 400; i++) ck_assert_int_eq(send_to(s, big, n, "127.0.0.1", port), (int) n);
}
static int count_after_fill(int rcvbuf_req, size_t n)
{
  int r = udp_bound("127.0.0.1", 5000), s = udp(), got;
  if (rcvbuf_req) ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, rcvbuf_req), 0);
  fill(s, 5000, n);
  got = drain(r);
  sr_close(r);
  sr_close(s);
  return got;
}

START_TEST(receive_buffer_counts)
{
  CLAUSES("socket.7:SO_RCVBUF");
  /* default buffer, 212992 bytes */
  ck_assert_int_eq(count_after_fill(0, 0), 256);
  ck_assert_int_eq(count_after_fill(0, 100), 256);
  ck_assert_int_eq(count_after_fill(0, 197), 256);
  ck_assert_int_eq(count_after_fill(0, 198), 166);
  ck_assert_int_eq(count_after_fill(0, 1000), 92);
  ck_assert_int_eq(count_after_fill(0, 2000), 48);
  ck_assert_int_eq(count_after_fill(0, 4000), 25);
  ck_assert_int_eq(count_after_fill(0, 8000), 12);
  ck_assert_int_eq(count_after_fill(0, 16004), 12);
  ck_assert_int_eq(count_after_fill(0, 16005), 12);
  ck_assert_int_eq(count_after_fill(0, 30000), 6);
  ck_assert_int_eq(count_after_fill(0, 65507), 3);
  /* small buffers: the first datagram always fits */
  ck_assert_int_eq(count_after_fill(1000, 0), 2);
  ck_assert_int_eq(count_after_fill(1000, 198), 1);
  ck_assert_int_eq(count_after_fill(1000, 65507), 1);
  ck_assert_int_eq(count_after_fill(2000, 198), 3);
  ck_assert_int_eq(count_after_fill(4096, 0), 9);
  ck_assert_int_eq(count_after_fill(4096, 1000), 3);
  ck_assert_int_eq(count_after_fill(10000, 4000), 2);
  ck_assert_int_eq(count_after_fill(65536, 30000), 4);
  ck_assert_int_eq(count_after_fill(65536, 16005), 7);
}
END_TEST

START_TEST(receive_buffer_given_back_in_batches)
{
  CLAUSES("socket.7:SO_RCVBUF:2");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  char b[200];
  fill(s, 5000, 100);
  for (int i = 0; i < 12; i++) ck_assert_int_eq(sr_recv(r, b, sizeof b, 0), 100);
  /* 244 left; the 12 read are still charged, so a new one is dropped */
  ck_assert_int_eq(send_to(s, b, 100, "127.0.0.1", 5000), 100);
  ck_assert_int_eq(drain(r), 244);
}
END_TEST

START_TEST(rxq_ovfl_counts_drops)
{
  CLAUSES("socket.7:SO_RXQ_OVFL", "socket.7:SO_TIMESTAMP:2", "ip.7:IP_PKTINFO:5");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  struct rx x;
  struct cmsghdr *c[8];
  uint32_t v;
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RXQ_OVFL, 1), 0);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, 1), 0);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_TIMESTAMP, 1), 0);
  ck_assert_int_eq(seti(r, IPPROTO_IP, IP_PKTINFO, 1), 0);
  for (int i = 0; i < 5; i++) ck_assert_int_eq(send_to(s, "hello", 5, "127.0.0.1", 5000), 5);
  for (int i = 0; i < 2; i++) {
    ck_assert_int_eq(rx_msg(r, &x, 10, 512, MSG_DONTWAIT), 5);
    ck_assert_int_eq(x.m.msg_controllen, 64);
    ck_assert_int_eq(cmsgs(&x.m, c, 8), 2);
  }
  ck_fails(rx_msg(r, &x, 10, 512, MSG_DONTWAIT), EAGAIN);
  for (int i = 0; i < 2; i++) ck_assert_int_eq(send_to(s, "hello", 5, "127.0.0.1", 5000), 5);
  for (int i = 0; i < 2; i++) {
    ck_assert_int_eq(rx_msg(r, &x, 10, 512, MSG_DONTWAIT), 5);
    ck_assert_int_eq(x.m.msg_controllen, 88);
    ck_assert_int_eq(cmsgs(&x.m, c, 8), 3);
    ck_assert_int_eq(c[0]->cmsg_type, SO_TIMESTAMP);
    ck_assert_int_eq(c[1]->cmsg_level, SOL_SOCKET);
    ck_assert_int_eq(c[1]->cmsg_type, SO_RXQ_OVFL);
    ck_assert_int_eq(c[1]->cmsg_len, 20);
    memcpy(&v, CMSG_DATA(c[1]), 4);
    ck_assert_uint_eq(v, 3);
    ck_assert_int_eq(c[2]->cmsg_type, IP_PKTINFO);
  }
}
END_TEST

/* ---- peeking ----------------------------------------------------------------- */
START_TEST(peek_offset)
{
  CLAUSES("socket.7:SO_PEEK_OFF:3", "socket.7:SO_PEEK_OFF:4", "socket.7:SO_PEEK_OFF:5",
    "socket.7:SO_PEEK_OFF:6", "socket.7:SO_PEEK_OFF:7");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  struct rx x;
  char b[100];
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, 0), 0);
  send_to(s, "hello", 5, "127.0.0.1", 5000);
  send_to(s, "world!", 6, "127.0.0.1", 5000);
  send_to(s, "xyz", 3, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_recv(r, b, 2, MSG_PEEK), 2);
  ck_assert_int_eq(memcmp(b, "he", 2), 0);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 2);
  ck_assert_int_eq(rx_msg(r, &x, 2, 0, MSG_PEEK), 2);
  ck_assert_int_eq(memcmp(x.data, "ll", 2), 0);
  ck_assert_int_eq(x.m.msg_flags, MSG_TRUNC);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 4);
  ck_assert_int_eq(rx_msg(r, &x, 100, 0, MSG_PEEK), 1);
  ck_assert_int_eq(x.data[0], 'o');
  ck_assert_int_eq(x.m.msg_flags, 0);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 5);
  ck_assert_int_eq(rx_msg(r, &x, 100, 0, MSG_PEEK), 6);
  ck_assert_int_eq(memcmp(x.data, "world!", 6), 0);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 11);
  ck_assert_int_eq(rx_msg(r, &x, 1, 0, MSG_PEEK | MSG_TRUNC), 3);
  ck_assert_int_eq(x.data[0], 'x');
  ck_assert_int_eq(x.m.msg_flags, MSG_TRUNC);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 14);
  ck_fails(rx_msg(r, &x, 100, 0, MSG_PEEK | MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_recv(r, b, 100, 0), 5);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 9);
  ck_assert_int_eq(sr_recv(r, b, 2, 0), 2);
  ck_assert_int_eq(memcmp(b, "wo", 2), 0);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 7);
  ck_assert_int_eq(sr_recv(r, b, 2, MSG_TRUNC), 3);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 4);
  /* offsets that skip datagrams */
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, 7), 0);
  send_to(s, "abc", 3, "127.0.0.1", 5000);
  send_to(s, "defgh", 5, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_PEEK), 1);
  ck_assert_int_eq(b[0], 'h');
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 8);
  ck_fails(sr_recv(r, b, 100, MSG_PEEK | MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, 3), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_PEEK), 5);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 8);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, 5), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_PEEK), 3);
  ck_assert_int_eq(memcmp(b, "fgh", 3), 0);
  drain(r);
  /* a negative offset other than -1 is kept and peeks at the head */
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, -5), 0);
  send_to(s, "abc", 3, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_PEEK), 3);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), -5);
}
END_TEST

START_TEST(peek_empty_datagram)
{
  CLAUSES("socket.7:SO_PEEK_OFF:3", "socket.7:call:recv");
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  char b[100];
  int v;
  send_to(s, "", 0, "127.0.0.1", 5000);
  send_to(s, "abc", 3, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_ioctl(r, FIONREAD, &v), 0);
  ck_assert_int_eq(v, 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_PEEK), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_PEEK), 0);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_PEEK_OFF, 0), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_PEEK), 3);
  ck_fails(sr_recv(r, b, 100, MSG_PEEK | MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 3);
  ck_assert_int_eq(sr_recv(r, b, 100, 0), 0);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 3);
  ck_assert_int_eq(sr_ioctl(r, FIONREAD, &v), 0);
  ck_assert_int_eq(v, 3);
  ck_assert_int_eq(sr_recv(r, b, 100, 0), 3);
  ck_assert_int_eq(geti(r, SOL_SOCKET, SO_PEEK_OFF), 0);
}
END_TEST

START_TEST(queue_ioctls)
{
  CLAUSES("socket.7:call:ioctl");
  int r = udp_bound("127.0.0.1", 5000), s = udp(), v = -1;
  ck_assert_int_eq(sr_ioctl(r, FIONREAD, &v), 0);
  ck_assert_int_eq(v, 0);
  send_to(s, "abcde", 5, "127.0.0.1", 5000);
  send_to(s, "xyz", 3, "127.0.0.1", 5000);
  ck_assert_int_eq(sr_ioctl(r, SIOCINQ, &v), 0);
  ck_assert_int_eq(v, 5);
  ck_assert_int_eq(sr_ioctl(r, SIOCOUTQ, &v), 0);
  ck_assert_int_eq(v, 0);
  ck_fails(sr_ioctl(r, SIOCINQ, NULL), EFAULT);
}
END_TEST

/* ---- control messages on receive ------------------------------------------------ */
START_TEST(receive_options_each_and_order)
{
  CLAUSES("ip.7:IP_PKTINFO:5", "ip.7:IP_PKTINFO:6", "ip.7:IP_RECVTTL", "ip.7:IP_RECVTOS:2",
    "ip.7:IP_RECVOPTS", "ip.7:IP_RECVOPTS:2", "ip.7:IP_RETOPTS", "ip.7:IP_RECVORIGDSTADDR",
    "ip.7:IP_RECVORIGDSTADDR:2", "socket.7:SO_TIMESTAMPNS:2", "socket.7:SO_TIMESTAMPNS:3",
    "ip.7:IP_TTL", "ip.7:IP_TOS");
  static const int opts[][2] = {{IPPROTO_IP, IP_PKTINFO}, {IPPROTO_IP, IP_RECVTTL},
    {IPPROTO_IP, IP_RECVTOS}, {IPPROTO_IP, IP_RECVOPTS}, {IPPROTO_IP, IP_RETOPTS},
    {IPPROTO_IP, IP_RECVORIGDSTADDR}, {SOL_SOCKET, SO_TIMESTAMPNS}, {IPPROTO_IP, IP_PASSSEC},
    {SOL_SOCKET, SO_RXQ_OVFL}};
  static const struct { int level, type, len; const char *hex; } want[] = {
    {IPPROTO_IP, IP_PKTINFO, 28, "010000007f0000017f000001"},
    {IPPROTO_IP, IP_TTL, 20, "21000000"},
    {IPPROTO_IP, IP_TOS, 17, "10"},
    {IPPROTO_IP, IP_RECVOPTS, 24, "0707087f00000101"},
    {IPPROTO_IP, IP_RETOPTS, 24, "0707087f00000100"},
    {IPPROTO_IP, IP_ORIGDSTADDR, 32, "020013887f0000010000000000000000"},
    {SOL_SOCKET, SO_TIMESTAMPNS, 32, NULL}, {0, 0, 0, NULL}, {0, 0, 0, NULL}};
  unsigned char rr[8] = {7, 7, 4, 0, 0, 0, 0, 1};
  int s = udp_bound("127.0.0.1", 6000), r;
  struct rx x;
  struct cmsghdr *c[16];
  char hex[100];
  ck_assert_int_eq(seti(s, IPPROTO_IP, IP_TTL, 33), 0);
  ck_assert_int_eq(seti(s, IPPROTO_IP, IP_TOS, 0x10), 0);
  ck_assert_int_eq(sr_setsockopt(s, IPPROTO_IP, IP_OPTIONS, rr, 8), 0);
  for (int i = 0; i < 9; i++) {
    r = udp_bound("127.0.0.1", 5000);
    ck_assert_int_eq(seti(r, opts[i][0], opts[i][1], 1), 0);
    ck_assert_int_eq(send_to(s, "hello", 5, "127.0.0.1", 5000), 5);
    ck_assert_int_eq(rx_msg(r, &x, 100, 512, 0), 5);
    ck_assert_int_eq(x.m.msg_flags, 0);
    if (!want[i].len) {
      ck_assert_int_eq(x.m.msg_controllen, 0);
    } else {
      ck_assert_int_eq(cmsgs(&x.m, c, 16), 1);
      ck_assert_int_eq(c[0]->cmsg_level, want[i].level);
      ck_assert_int_eq(c[0]->cmsg_type, want[i].type);
      ck_assert_int_eq(c[0]->cmsg_len, want[i].len);
      ck_assert_int_eq(x.m.msg_controllen, CMSG_ALIGN(want[i].len));
      if (want[i].hex) {
        for (size_t k = 0; k < c[0]->cmsg_len - CMSG_LEN(0); k++)
          sprintf(hex + 2 * k, "%02x", CMSG_DATA(c[0])[k]);
        ck_assert_str_eq(hex, want[i].hex);
      }
    }
    sr_close(r);
  }
  /* all together, set in reverse order: one fixed order */
  r = udp_bound("127.0.0.1", 5000);
  for (int i = 8; i >= 0; i--) ck_assert_int_eq(seti(r, opts[i][0], opts[i][1], 1), 0);
  ck_assert_int_eq(send_to(s, "hello", 5, "127.0.0.1", 5000), 5);
  ck_assert_int_eq(rx_msg(r, &x, 100, 512, 0), 5);
  ck_assert_int_eq(x.m.msg_controllen, 192);
  ck_assert_int_eq(cmsgs(&x.m, c, 16), 7);
  ck_assert_int_eq(c[0]->cmsg_type, SO_TIMESTAMPNS);
  for (int i = 0; i < 6; i++) ck_assert_int_eq(c[i + 1]->cmsg_type, want[i].type);
}
END_TEST

START_TEST(control_buffer_truncation)
{
  CLAUSES("socket.7:call:recvmsg", "ip.7:IP_PKTINFO:5");
  static const struct { size_t room; int flags; size_t used; int n; size_t len0, len1; } t[] = {
    {0, MSG_CTRUNC, 0, 0, 0, 0}, {1, MSG_CTRUNC, 0, 0, 0, 0}, {8, MSG_CTRUNC, 0, 0, 0, 0},
    {15, MSG_CTRUNC, 0, 0, 0, 0}, {16, MSG_CTRUNC, 16, 1, 16, 0},
    {17, MSG_CTRUNC, 17, 1, 17, 0}, {20, MSG_CTRUNC, 20, 1, 20, 0},
    {24, MSG_CTRUNC, 24, 1, 24, 0}, {27, MSG_CTRUNC, 27, 1, 27, 0},
    {28, MSG_CTRUNC, 28, 1, 28, 0}, {31, MSG_CTRUNC, 31, 1, 28, 0},
    {32, MSG_CTRUNC, 32, 1, 28, 0}, {33, MSG_CTRUNC, 32, 1, 28, 0},
    {47, MSG_CTRUNC, 32, 1, 28, 0}, {48, MSG_CTRUNC, 48, 2, 28, 16},
    {56, 0, 56, 2, 28, 20}};
  int r = udp_bound("127.0.0.1", 5000), s = udp();
  struct rx x;
  ck_assert_int_eq(seti(r, IPPROTO_IP, IP_PKTINFO, 1), 0);
  ck_assert_int_eq(seti(r, IPPROTO_IP, IP_RECVTTL, 1), 0);
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    struct cmsghdr h0, h1;
    send_to(s, "hello", 5, "127.0.0.1", 5000);
    ck_assert_int_eq(rx_msg(r, &x, 100, t[i].room, 0), 5);
    ck_assert_msg(x.m.msg_flags == t[i].flags, "room %zu: flags %#x", t[i].room, x.m.msg_flags);
    ck_assert_msg(x.m.msg_controllen == t[i].used, "room %zu: used %zu", t[i].room,
      x.m.msg_controllen);
    if (t[i].n >= 1) {
      memcpy(&h0, x.ctl, sizeof h0);
      ck_assert_int_eq(h0.cmsg_len, t[i].len0);
      ck_assert_int_eq(h0.cmsg_type, IP_PKTINFO);
    }
    if (t[i].n >= 2) {
      memcpy(&h1, x.ctl + 32, sizeof h1);
      ck_assert_int_eq(h1.cmsg_len, t[i].len1);
      ck_assert_int_eq(h1.cmsg_type, IP_TTL);
    }
    if (t[i].room < 16) ck_assert_uint_eq(x.ctl[0], 0xcc);
  }
  /* a null control buffer with a length */
  {
    char b[100];
    struct iovec v = {b, 100};
    struct msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_iov = &v;
    m.msg_iovlen = 1;
    m.msg_controllen = 100;
    send_to(s, "hello", 5, "127.0.0.1", 5000);
    ck_assert_int_eq(sr_recvmsg(r, &m, 0), 5);
    ck_assert_int_eq(m.msg_flags, MSG_CTRUNC);
    ck_assert_int_eq(m.msg_controllen, 0);
  }
}
END_TEST

/* ---- time stamps ---------------------------------------------------------------- */
START_TEST(siocgstamp_rules)
{
  CLAUSES("socket.7:ioctl:SIOCGSTAMP", "socket.7:ioctl:SIOCGSTAMP:4",
    "socket.7:ioctl:SIOCGSTAMP:5", "socket.7:SO_TIMESTAMP", "socket.7:SO_TIMESTAMP:3");
  int r = udp_bound("127.0.0.1", 5000), s = udp(), r2 = udp_bound("127.0.0.1", 5001);
  struct timeval tv, tv2;
  struct timespec ts;
  struct rx x;
  struct cmsghdr *c[4];
  char b[10];
  /* nothing asked for times: the ioctl answers its own time */
  sr_advance_ns(5000000000ull);
  send_to(s, "a", 1, "127.0.0.1", 5000);
  sr_advance_ns(400000000);
  ck_assert_int_eq(sr_recv(r, b, 10, 0), 1);
  sr_advance_ns(100000000);
  ck_assert_int_eq(sr_ioctl(r, SIOCGSTAMP, &tv), 0);
  ck_assert_int_eq(tv.tv_sec, 5);
  ck_assert_int_eq(tv.tv_usec, 500000);
  sr_advance_ns(100000000);
  ck_assert_int_eq(sr_ioctl(r, SIOCGSTAMP, &tv2), 0);
  ck_assert_int_eq(tv2.tv_usec, 500000);
  /* the first ioctl (even a failing one) asked for times */
  ck_fails(sr_ioctl(r2, SIOCGSTAMP, NULL), ENOENT);
  send_to(s, "a", 1, "127.0.0.1", 5001);
  ck_fails(sr_ioctl(r2, SIOCGSTAMP, &tv), ENOENT);
  sr_advance_ns(200000000);
  ck_assert_int_eq(sr_recv(r2, b, 10, 0), 1);
  ck_assert_int_eq(sr_ioctl(r2, SIOCGSTAMP, &tv), 0);
  ck_assert_int_eq(tv.tv_sec, 5);
  ck_assert_int_eq(tv.tv_usec, 600000);
  ck_assert_int_eq(sr_ioctl(r2, SIOCGSTAMPNS, &ts), 0);
  ck_assert_int_eq(ts.tv_nsec, 600000000);
  ck_fails(sr_ioctl(r2, SIOCGSTAMP, NULL), EFAULT);
  /* with SO_TIMESTAMP: a control message, and SIOCGSTAMP unchanged */
  ck_assert_int_eq(seti(r2, SOL_SOCKET, SO_TIMESTAMP, 1), 0);
  send_to(s, "a", 1, "127.0.0.1", 5001);
  sr_advance_ns(100000000);
  ck_assert_int_eq(rx_msg(r2, &x, 10, 512, 0), 1);
  ck_assert_int_eq(cmsgs(&x.m, c, 4), 1);
  ck_assert_int_eq(c[0]->cmsg_level, SOL_SOCKET);
  ck_assert_int_eq(c[0]->cmsg_type, SO_TIMESTAMP);
  ck_assert_int_eq(c[0]->cmsg_len, 32);
  memcpy(&tv2, CMSG_DATA(c[0]), sizeof tv2);
  ck_assert_int_eq(tv2.tv_sec, 5);
  ck_assert_int_eq(tv2.tv_usec, 800000);
  ck_assert_int_eq(sr_ioctl(r2, SIOCGSTAMP, &tv), 0);
  ck_assert_int_eq(tv.tv_usec, 600000);
  /* a fresh socket with SO_TIMESTAMP set never saw a plain read: ENOENT */
  int r3 = udp_bound("127.0.0.1", 5002);
  ck_assert_int_eq(seti(r3, SOL_SOCKET, SO_TIMESTAMP, 1), 0);
  send_to(s, "a", 1, "127.0.0.1", 5002);
  ck_assert_int_eq(sr_recv(r3, b, 10, 0), 1);
  ck_fails(sr_ioctl(r3, SIOCGSTAMP, &tv), ENOENT);
}
END_TEST

/* ---- errors from the network ------------------------------------------------------- */
START_TEST(port_unreachable_connected)
{
  CLAUSES("socket.7:SO_ERROR", "ip.7:IP_RECVERR:23", "ip.7:ERRORS");
  int c = udp();
  struct sockaddr_in cl = sr_test_sin("127.0.0.1", 5999);
  char b[100];
  int v;
  ck_assert_int_eq(sr_connect(c, (struct sockaddr *) &cl, sizeof cl), 0);
  ck_assert_int_eq(sr_send(c, "x", 1, 0), 1);
  ck_assert_int_eq(geti(c, SOL_SOCKET, SO_ERROR), ECONNREFUSED);
  ck_assert_int_eq(geti(c, SOL_SOCKET, SO_ERROR), 0);
  ck_assert_int_eq(sr_send(c, "x", 1, 0), 1);
  ck_fails(sr_send(c, "x", 1, 0), ECONNREFUSED);
  ck_assert_int_eq(sr_send(c, "x", 1, 0), 1);
  ck_fails(sr_recv(c, b, 100, MSG_DONTWAIT), ECONNREFUSED);
  ck_fails(sr_recv(c, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_send(c, "x", 1, 0), 1);
  ck_fails(sr_recv(c, b, 100, MSG_PEEK | MSG_DONTWAIT), ECONNREFUSED);
  ck_fails(sr_recv(c, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_send(c, "x", 1, 0), 1);
  ck_fails(sr_recv(c, b, 100, MSG_ERRQUEUE | MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_ioctl(c, FIONREAD, &v), 0);
  ck_fails(sr_recv(c, b, 100, MSG_DONTWAIT), ECONNREFUSED);
  /* an unconnected socket hears nothing */
  int u = udp();
  ck_assert_int_eq(send_to(u, "x", 1, "127.0.0.1", 5999), 1);
  ck_assert_int_eq(send_to(u, "x", 1, "127.0.0.1", 5999), 1);
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_ERROR), 0);
}
END_TEST

START_TEST(error_queue_entries)
{
  CLAUSES("ip.7:IP_RECVERR", "ip.7:IP_RECVERR:2", "ip.7:IP_RECVERR:3", "ip.7:IP_RECVERR:4",
    "ip.7:IP_RECVERR:6", "ip.7:IP_RECVERR:7", "ip.7:IP_RECVERR:8", "ip.7:IP_RECVERR:11",
    "ip.7:IP_RECVERR:13", "ip.7:IP_RECVERR:15", "ip.7:IP_RECVERR:17", "ip.7:IP_RECVERR:19",
    "ip.7:IP_RECVERR:20");
  int u = udp_bound("127.0.0.1", 4000);
  struct rx x;
  struct cmsghdr *c[8];
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(send_to(u, "hello", 5, "127.0.0.1", 5999), 5);
  ck_assert_int_eq(rx_msg(u, &x, 100, 512, MSG_ERRQUEUE), 5);
  ck_assert_int_eq(memcmp(x.data, "hello", 5), 0);
  ck_assert_int_eq(x.m.msg_flags, MSG_ERRQUEUE);
  ck_assert_int_eq(x.m.msg_controllen, 48);
  ck_assert_int_eq(x.m.msg_namelen, 16);
  ck_assert_int_eq(ntohs(x.from.sin_port), 5999);
  ck_assert_uint_eq(x.from.sin_addr.s_addr, inet_addr("127.0.0.1"));
  ck_assert_int_eq(cmsgs(&x.m, c, 8), 1);
  expect_ee(c[0], ECONNREFUSED, SO_EE_ORIGIN_ICMP, 3, 3, 0, AF_INET);
  /* reading the entry cleared the error */
  ck_assert_int_eq(geti(u, SOL_SOCKET, SO_ERROR), 0);
  /* with the error pending too: a normal read returns it; the entry stays */
  ck_assert_int_eq(send_to(u, "hello", 5, "127.0.0.1", 5999), 5);
  ck_fails(rx_msg(u, &x, 100, 512, MSG_DONTWAIT), ECONNREFUSED);
  ck_fails(rx_msg(u, &x, 100, 512, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(rx_msg(u, &x, 2, 512, MSG_ERRQUEUE), 2);
  ck_assert_int_eq(x.m.msg_flags, MSG_ERRQUEUE | MSG_TRUNC);
  /* a peek consumes an entry */
  ck_assert_int_eq(send_to(u, "hello", 5, "127.0.0.1", 5999), 5);
  ck_fails(send_to(u, "world", 5, "127.0.0.1", 5999), ECONNREFUSED);
  ck_assert_int_eq(rx_msg(u, &x, 100, 512, MSG_ERRQUEUE | MSG_PEEK), 5);
  ck_fails(rx_msg(u, &x, 100, 512, MSG_ERRQUEUE), EAGAIN);
  /* with receive options: time stamp, pktinfo, ttl, tos, origdstaddr, the error */
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_PKTINFO, 1), 0);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVTTL, 1), 0);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVTOS, 1), 0);
  ck_assert_int_eq(seti(u, SOL_SOCKET, SO_TIMESTAMP, 1), 0);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVOPTS, 1), 0);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVORIGDSTADDR, 1), 0);
  ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RETOPTS, 1), 0);
  ck_assert_int_eq(send_to(u, "hello", 5, "127.0.0.1", 5999), 5);
  ck_assert_int_eq(rx_msg(u, &x, 100, 512, MSG_ERRQUEUE), 5);
  ck_assert_int_eq(x.m.msg_controllen, 192);
  ck_assert_int_eq(cmsgs(&x.m, c, 8), 6);
  ck_assert_int_eq(c[0]->cmsg_type, SO_TIMESTAMP);
  ck_assert_int_eq(c[1]->cmsg_type, IP_PKTINFO);
  {
    struct in_pktinfo pi;
    int ttl;
    struct sockaddr_in od;
    memcpy(&pi, CMSG_DATA(c[1]), sizeof pi);
    ck_assert_int_eq(pi.ipi_ifindex, 1);
    ck_assert_uint_eq(pi.ipi_spec_dst.s_addr, 0);
    ck_assert_uint_eq(pi.ipi_addr.s_addr, inet_addr("127.0.0.1"));
    ck_assert_int_eq(c[2]->cmsg_type, IP_TTL);
    memcpy(&ttl, CMSG_DATA(c[2]), sizeof ttl);
    ck_assert_int_eq(ttl, 64);
    ck_assert_int_eq(c[3]->cmsg_type, IP_TOS);
    ck_assert_uint_eq(CMSG_DATA(c[3])[0], 0xc0);
    ck_assert_int_eq(c[4]->cmsg_type, IP_ORIGDSTADDR);
    memcpy(&od, CMSG_DATA(c[4]), sizeof od);
    ck_assert_int_eq(memcmp(&od.sin_port, "ll", 2), 0);
    ck_assert_uint_eq(od.sin_addr.s_addr, inet_addr("127.0.0.1"));
    ck_assert_int_eq(c[5]->cmsg_type, IP_RECVERR);
  }
  /* a 40-byte control buffer: the time stamp and MSG_CTRUNC */
  ck_assert_int_eq(send_to(u, "hello", 5, "127.0.0.1", 5999), 5);
  ck_assert_int_eq(rx_msg(u, &x, 100, 40, MSG_ERRQUEUE), 5);
  ck_assert_int_eq(x.m.msg_flags, MSG_ERRQUEUE | MSG_CTRUNC);
  ck_assert_int_eq(x.m.msg_controllen, 32);
  /* the original destination needs four bytes of data */
  for (int k = 0; k < 5; k++) {
    ck_assert_int_eq(send_to(u, "abcd", (size_t) k, "127.0.0.1", 5999), k);
    ck_assert_int_eq(rx_msg(u, &x, 100, 512, MSG_ERRQUEUE), k);
    ck_assert_int_eq(cmsgs(&x.m, c, 8), k < 4 ? 5 : 6);
  }
}
END_TEST

START_TEST(error_queue_quote_and_limits)
{
  CLAUSES("ip.7:IP_RECVERR:2", "ip.7:IP_RECVERR:20", "ip.7:IP_RECVERR:25");
  static char big[70000];
  static const struct { int n, got; } q[] = {{0, 0}, {100, 100}, {520, 520}, {521, 520},
    {65507, 520}};
  for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
    int u = udp();
    ck_assert_int_eq(seti(u, IPPROTO_IP, IP_RECVERR, 1), 0);
    ck_assert_int_eq(send_to(u, big, (size_t) q[i].n, "127.0.0.1", 5999), q[i].n);
    ck_assert_int_eq(sr_recv(u, big, sizeof big, MSG_ERRQUEUE), q[i].got);
    sr_close(u);
  }
  /* the entries are charged to the receive buffer */
  int w = udp(), k = 0;
  ck_assert_int_eq(seti(w, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(seti(w, SOL_SOCKET, SO_RCVBUF, 1), 0);
  for (int i = 0; i < 10; i++) send_to(w, "hello", 5, "127.0.0.1", 5999);
  while (sr_recv(w, big, 10, MSG_ERRQUEUE) >= 0) k++;
  ck_assert_int_eq(k, 2);
  /* turning IP_RECVERR off empties the queue */
  send_to(w, "hello", 5, "127.0.0.1", 5999);
  ck_assert_int_eq(seti(w, IPPROTO_IP, IP_RECVERR, 0), 0);
  ck_fails(sr_recv(w, big, 10, MSG_ERRQUEUE), EAGAIN);
  ck_fails(sr_recv(udp(), big, 10, MSG_ERRQUEUE), EAGAIN);
}
END_TEST

START_TEST(local_error_emsgsize)
{
  CLAUSES("ip.7:IP_MTU_DISCOVER:3", "ip.7:IP_MTU_DISCOVER:5", "ip.7:IP_RECVERR:13",
    "ip.7:IP_RECVERR:16");
  static char big[70000];
  int e = udp();
  struct rx x;
  struct cmsghdr *c[4];
  struct sockaddr_in d = sr_test_sin("10.0.0.2", 5100);
  ck_assert_int_eq(seti(e, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_assert_int_eq(seti(e, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO), 0);
  ck_fails(send_to(e, big, 1473, "10.0.0.2", 5100), EMSGSIZE);
  ck_assert_int_eq(rx_msg(e, &x, 100, 256, MSG_ERRQUEUE), 0);
  ck_assert_int_eq(x.m.msg_flags, MSG_ERRQUEUE);
  ck_assert_int_eq(x.m.msg_namelen, 16);
  ck_assert_uint_eq(x.from.sin_addr.s_addr, inet_addr("10.0.0.2"));
  ck_assert_int_eq(x.from.sin_port, 0);
  ck_assert_int_eq(cmsgs(&x.m, c, 4), 1);
  expect_ee(c[0], EMSGSIZE, SO_EE_ORIGIN_LOCAL, 0, 0, 1500, 0);
  ck_assert_int_eq(sr_connect(e, (struct sockaddr *) &d, sizeof d), 0);
  ck_fails(sr_send(e, big, 1473, 0), EMSGSIZE);
  ck_assert_int_eq(rx_msg(e, &x, 100, 256, MSG_ERRQUEUE), 0);
  ck_assert_int_eq(ntohs(x.from.sin_port), 5100);
  ck_assert_int_eq(geti(e, SOL_SOCKET, SO_ERROR), 0);
  int e2 = udp();
  ck_assert_int_eq(seti(e2, IPPROTO_IP, IP_RECVERR, 1), 0);
  ck_fails(send_to(e2, big, 65508, "127.0.0.1", 5000), EMSGSIZE);
  ck_assert_int_eq(rx_msg(e2, &x, 100, 256, MSG_ERRQUEUE), 0);
  ck_assert_int_eq(cmsgs(&x.m, c, 4), 1);
  expect_ee(c[0], EMSGSIZE, SO_EE_ORIGIN_LOCAL, 0, 0, 65535, 0);
}
END_TEST

/* ---- control messages on send ---------------------------------------------------------- */
static int smsg(int fd, int level, int type, const void *data, size_t have, int dlen,
  int lenadj)
{
  char cb[256] __attribute__((aligned(8)));
  unsigned char src[64];
  struct cmsghdr *c = (struct cmsghdr *) cb;
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000);
  struct iovec iv = {"x", 1};
  struct msghdr m;
  memset(cb, 0, sizeof cb);
  c->cmsg_level = level;
  c->cmsg_type = type;
  c->cmsg_len = CMSG_LEN((size_t) dlen) + (size_t) lenadj;
  memset(src, 0, sizeof src);
  memcpy(src, data, have);
  memcpy(CMSG_DATA(c), src, (size_t) dlen);
  msg_to(&m, &d, &iv, cb, CMSG_SPACE((size_t) dlen));
  return (int) sr_sendmsg(fd, &m, 0);
}

START_TEST(send_control_messages)
{
  CLAUSES("ip.7:IP_PKTINFO:7", "ip.7:IP_PKTINFO:8", "ip.7:IP_TTL", "ip.7:IP_TOS",
    "socket.7:call:sendmsg");
  int r = udp_bound("127.0.0.1", 5000), s = udp(), v;
  unsigned char b = 7, o[4] = {1, 1, 1, 0};
  struct in_pktinfo pi;
  memset(&pi, 0, sizeof pi);
  v = 7; ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_TTL, &v, sizeof v, 4, 0), 1);
  ck_fails(smsg(s, IPPROTO_IP, IP_TTL, &b, sizeof b, 1, 0), EINVAL);
  v = 0; ck_fails(smsg(s, IPPROTO_IP, IP_TTL, &v, sizeof v, 4, 0), EINVAL);
  v = 255; ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_TTL, &v, sizeof v, 4, 0), 1);
  v = 256; ck_fails(smsg(s, IPPROTO_IP, IP_TTL, &v, sizeof v, 4, 0), EINVAL);
  v = -1; ck_fails(smsg(s, IPPROTO_IP, IP_TTL, &v, sizeof v, 4, 0), EINVAL);
  v = 0x10; ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_TOS, &v, sizeof v, 4, 0), 1);
  ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_TOS, &b, sizeof b, 1, 0), 1);
  v = 256; ck_fails(smsg(s, IPPROTO_IP, IP_TOS, &v, sizeof v, 4, 0), EINVAL);
  v = -1; ck_fails(smsg(s, IPPROTO_IP, IP_TOS, &v, sizeof v, 4, 0), EINVAL);
  ck_fails(smsg(s, IPPROTO_IP, IP_TOS, &v, sizeof v, 2, 0), EINVAL);
  ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi, sizeof pi, 0), 1);
  pi.ipi_ifindex = 99;
  ck_fails(smsg(s, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi, sizeof pi, 0), ENODEV);
  pi.ipi_ifindex = 0;
  pi.ipi_spec_dst.s_addr = inet_addr("10.1.1.1");
  ck_fails(smsg(s, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi, sizeof pi, 0), ENETUNREACH);
  pi.ipi_spec_dst.s_addr = inet_addr("127.0.0.9");
  ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi, sizeof pi, 0), 1);
  ck_fails(smsg(s, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi, sizeof pi - 1, 0), EINVAL);
  ck_fails(smsg(s, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi, sizeof pi + 4, 0), EINVAL);
  ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_RETOPTS, o, sizeof o, 4, 0), 1);
  ck_assert_int_eq(smsg(s, IPPROTO_IP, IP_RETOPTS, o, sizeof o, 3, 0), 1);
  ck_fails(smsg(s, IPPROTO_IP, IP_OPTIONS, o, sizeof o, 4, 0), EINVAL);
  v = 1;
  ck_fails(smsg(s, IPPROTO_IP, IP_RECVTTL, &v, sizeof v, 4, 0), EINVAL);
  ck_fails(smsg(s, IPPROTO_IP, 200, &v, sizeof v, 4, 0), EINVAL);
  ck_assert_int_eq(smsg(s, SOL_SOCKET, SO_MARK, &v, sizeof v, 4, 0), 1);
  ck_assert_int_eq(smsg(s, SOL_SOCKET, SO_PRIORITY, &v, sizeof v, 4, 0), 1);
  ck_assert_int_eq(smsg(s, SOL_SOCKET, SCM_RIGHTS, &v, sizeof v, 4, 0), 1);
  ck_fails(smsg(s, SOL_SOCKET, SO_TIMESTAMP, &v, sizeof v, 4, 0), EINVAL);
  ck_fails(smsg(s, SOL_SOCKET, 999, &v, sizeof v, 4, 0), EINVAL);
  ck_fails(smsg(s, SOL_UDP, UDP_SEGMENT, &v, sizeof v, 4, 0), EINVAL);
  ck_fails(smsg(s, SOL_UDP, 999, &v, sizeof v, 4, 0), EINVAL);
  ck_assert_int_eq(smsg(s, 6, 1, &v, sizeof v, 4, 0), 1);
  ck_assert_int_eq(smsg(s, 12345, 1, &v, sizeof v, 4, 0), 1);
  ck_fails(smsg(s, IPPROTO_IP, IP_TTL, &v, sizeof v, 4, -6), EINVAL);
  ck_fails(smsg(s, IPPROTO_IP, IP_TTL, &v, sizeof v, 4, 100), EINVAL);
  ck_assert_int_eq(drain(r), 13);
}
END_TEST

START_TEST(udp_segment)
{
  CLAUSES("socket.7:call:sendmsg");
  static char data[70000];
  int r = udp_bound("127.0.0.1", 5000), g = udp();
  char cb[CMSG_SPACE(2)] __attribute__((aligned(8)));
  struct cmsghdr *cm = (struct cmsghdr *) cb;
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000);
  struct iovec iv = {data, 35};
  struct msghdr m;
  uint16_t gs = 10;
  char b[100];
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, 1 << 21), 0);
  cmsg_one(cb, SOL_UDP, UDP_SEGMENT, &gs, 2);
  msg_to(&m, &d, &iv, cb, sizeof cb);
  ck_assert_int_eq(sr_sendmsg(g, &m, 0), 35);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 10);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 10);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 10);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 5);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
  iv.iov_len = 1280;
  ck_assert_int_eq(sr_sendmsg(g, &m, 0), 1280);
  iv.iov_len = 1290;
  ck_fails(sr_sendmsg(g, &m, 0), EINVAL);
  ck_assert_int_eq(drain(r), 128);
  gs = 65508;
  memcpy(CMSG_DATA(cm), &gs, 2);
  iv.iov_len = 10;
  ck_assert_int_eq(sr_sendmsg(g, &m, 0), 10);
  gs = 1000;
  memcpy(CMSG_DATA(cm), &gs, 2);
  iv.iov_len = 65507;
  ck_assert_int_eq(sr_sendmsg(g, &m, 0), 65507);
  ck_assert_int_eq(drain(r), 67);
}
END_TEST

/* ---- corking with MSG_MORE ------------------------------------------------------------------ */
static int geti_ioctl(int fd, unsigned long req)
{
  int v = -1;
  ck_assert_int_eq(sr_ioctl(fd, req, &v), 0);
  return v;
}

START_TEST(msg_more_corks)
{
  CLAUSES("socket.7:call:sendto");
  static char big[70000];
  int r = udp_bound("127.0.0.1", 5000), r2 = udp_bound("127.0.0.1", 5001);
  int r3 = udp_bound("127.0.0.1", 5003), s = udp_bound("127.0.0.1", 6000), c;
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000), d3 = sr_test_sin("127.0.0.1", 5003);
  struct pollfd p = {s, 0x7fff, 0};
  char b[70000];
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RCVBUF, 1 << 20), 0);
  ck_assert_int_eq(sr_sendto(s, "ab", 2, MSG_MORE, (struct sockaddr *) &d, sizeof d), 2);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 832);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
  struct sockaddr_in d2 = sr_test_sin("127.0.0.1", 5001);
  ck_assert_int_eq(sr_sendto(s, "cd", 2, MSG_MORE, (struct sockaddr *) &d2, sizeof d2), 2);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 834);
  ck_assert_int_eq(sr_poll(&p, 1, 0), 1);
  ck_assert_int_eq(p.revents, 0x304);
  ck_assert_int_eq(sr_send(s, "ef", 2, 0), 2);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 0);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 6);
  ck_assert(memcmp(b, "abcdef", 6) == 0);
  ck_fails(sr_recv(r2, b, 100, MSG_DONTWAIT), EAGAIN);
  /* too long in total: the whole datagram goes */
  ck_assert_int_eq(sr_sendto(s, "x", 1, MSG_MORE, (struct sockaddr *) &d, sizeof d), 1);
  ck_assert_int_eq(sr_sendto(s, big, 65506, MSG_MORE, (struct sockaddr *) &d, sizeof d), 65506);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 66338);
  ck_fails(sr_sendto(s, "y", 1, 0, (struct sockaddr *) &d, sizeof d), EMSGSIZE);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 0);
  ck_fails(sr_recv(r, b, sizeof b, MSG_DONTWAIT), EAGAIN);
  ck_fails(sr_send(s, "z", 1, 0), EDESTADDRREQ);
  /* the charge: the first part as a datagram, then the bytes */
  ck_assert_int_eq(sr_sendto(s, big, 1000, MSG_MORE, (struct sockaddr *) &d, sizeof d), 1000);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 2304);
  ck_assert_int_eq(sr_sendto(s, big, 1000, MSG_MORE, (struct sockaddr *) &d, sizeof d), 1000);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 3304);
  ck_assert_int_eq(sr_sendto(s, big, 20000, MSG_MORE, (struct sockaddr *) &d, sizeof d), 20000);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 23304);
  ck_assert_int_eq(sr_sendto(s, big, 0, 0, (struct sockaddr *) &d, sizeof d), 0);
  ck_assert_int_eq(sr_recv(r, b, sizeof b, MSG_DONTWAIT), 22000);
  /* MSG_OOB keeps the datagram; a later part needs no address */
  ck_assert_int_eq(sr_sendto(s, "a", 1, MSG_MORE, (struct sockaddr *) &d, sizeof d), 1);
  ck_fails(sr_sendto(s, "b", 1, MSG_MORE | MSG_OOB, (struct sockaddr *) &d, sizeof d),
    EOPNOTSUPP);
  ck_assert_int_eq(sr_sendto(s, "c", 1, 0, NULL, 0), 1);
  ck_assert_int_eq(sr_recv(r, b, sizeof b, MSG_DONTWAIT), 2);
  /* a bad buffer, first or later part */
  ck_assert_int_eq(sr_sendto(s, "ab", 2, MSG_MORE, (struct sockaddr *) &d, sizeof d), 2);
  ck_fails(sr_sendto(s, NULL, 5, MSG_MORE, (struct sockaddr *) &d, sizeof d), EFAULT);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 0);
  ck_fails(sr_send(s, "z", 1, 0), EDESTADDRREQ);
  ck_fails(sr_sendto(s, NULL, 5, MSG_MORE, (struct sockaddr *) &d, sizeof d), EFAULT);
  ck_assert_int_eq(geti_ioctl(s, SIOCOUTQ), 0);
  ck_fails(sr_send(s, "z", 1, 0), EDESTADDRREQ);
  /* shut down for sending: later parts pass */
  ck_assert_int_eq(sr_sendto(s, "ab", 2, MSG_MORE, (struct sockaddr *) &d, sizeof d), 2);
  ck_fails(sr_shutdown(s, SHUT_WR), ENOTCONN);
  ck_assert_int_eq(sr_send(s, "cd", 2, MSG_MORE), 2);
  ck_assert_int_eq(sr_send(s, "ef", 2, 0), 2);
  ck_assert_int_eq(sr_recv(r, b, 100, MSG_DONTWAIT), 6);
  ck_fails(sr_sendto(s, "", 0, MSG_MORE, (struct sockaddr *) &d, sizeof d), EPIPE);
  /* connect moves the pending datagram */
  c = udp_bound("127.0.0.1", 6003);
  ck_assert_int_eq(sr_connect(c, (struct sockaddr *) &d, sizeof d), 0);
  ck_assert_int_eq(sr_send(c, "ab", 2, MSG_MORE), 2);
  ck_assert_int_eq(sr_connect(c, (struct sockaddr *) &d3, sizeof d3), 0);
  ck_assert_int_eq(sr_send(c, "cd", 2, 0), 2);
  ck_fails(sr_recv(r, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_recv(r3, b, 100, MSG_DONTWAIT), 4);
  /* closing discards it */
  ck_assert_int_eq(sr_send(c, "ab", 2, MSG_MORE), 2);
  ck_assert_int_eq(sr_close(c), 0);
  ck_fails(sr_recv(r3, b, 100, MSG_DONTWAIT), EAGAIN);
}
END_TEST

/* ---- socket filters ------------------------------------------------------------------------ */
START_TEST(filter_on_arrival)
{
  CLAUSES("socket.7:SO_ATTACH_FILTER", "socket.7:SO_ATTACH_FILTER:2");
  int f = udp_bound("127.0.0.1", 5001), c = udp();
  char b[100];
  struct sock_filter ret0[1] = {{BPF_RET | BPF_K, 0, 0, 0}}, ret10[1] = {{BPF_RET | BPF_K, 0, 0, 10}},
    ret4[1] = {{BPF_RET | BPF_K, 0, 0, 4}},
    port[4] = {{BPF_LD | BPF_H | BPF_ABS, 0, 0, 2}, {BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 5001},
      {BPF_RET | BPF_K, 0, 0, 0xffff}, {BPF_RET | BPF_K, 0, 0, 0}},
    far[2] = {{BPF_LD | BPF_W | BPF_ABS, 0, 0, 100}, {BPF_RET | BPF_K, 0, 0, 0xffff}};
  struct sock_fprog p0 = {1, ret0}, p10 = {1, ret10}, p4 = {1, ret4}, pp = {4, port}, pf = {2, far};
  int v;
  ck_assert_int_eq(sr_setsockopt(f, SOL_SOCKET, SO_ATTACH_FILTER, &p0, sizeof p0), 0);
  ck_assert_int_eq(send_to(c, "hello", 5, "127.0.0.1", 5001), 5);
  ck_fails(sr_recv(f, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(f, SOL_SOCKET, SO_RXQ_OVFL, 1), 0);
  ck_assert_int_eq(sr_setsockopt(f, SOL_SOCKET, SO_ATTACH_FILTER, &p10, sizeof p10), 0);
  ck_assert_int_eq(send_to(c, "hello", 5, "127.0.0.1", 5001), 5);
  {
    struct rx x;
    struct cmsghdr *cm[2];
    uint32_t drops;
    ck_assert_int_eq(rx_msg(f, &x, 100, 64, MSG_DONTWAIT), 2);
    ck_assert_int_eq(memcmp(x.data, "he", 2), 0);
    ck_assert_int_eq(cmsgs(&x.m, cm, 2), 1);
    memcpy(&drops, CMSG_DATA(cm[0]), 4);
    ck_assert_uint_eq(drops, 1);
  }
  ck_assert_int_eq(sr_setsockopt(f, SOL_SOCKET, SO_ATTACH_FILTER, &p4, sizeof p4), 0);
  ck_assert_int_eq(send_to(c, "hello", 5, "127.0.0.1", 5001), 5);
  ck_assert_int_eq(sr_recv(f, b, 100, MSG_DONTWAIT), 0);
  ck_assert_int_eq(sr_setsockopt(f, SOL_SOCKET, SO_ATTACH_FILTER, &pp, sizeof pp), 0);
  ck_assert_int_eq(send_to(c, "hello", 5, "127.0.0.1", 5001), 5);
  ck_assert_int_eq(sr_recv(f, b, 100, MSG_DONTWAIT), 5);
  ck_assert_int_eq(sr_setsockopt(f, SOL_SOCKET, SO_ATTACH_FILTER, &pf, sizeof pf), 0);
  ck_assert_int_eq(send_to(c, "hello", 5, "127.0.0.1", 5001), 5);
  ck_fails(sr_recv(f, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(sr_ioctl(f, FIONREAD, &v), 0);
}
END_TEST

/* ---- shutdown ----------------------------------------------------------------------------------- */
START_TEST(shutdown_datagram)
{
  CLAUSES("socket.7:call:shutdown", "socket.7:signal:SIGPIPE");
  int n = udp(), r = udp_bound("127.0.0.1", 5000), cs = udp();
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000), me, un;
  socklen_t l = sizeof me;
  char b[100];
  ck_fails(sr_shutdown(n, SHUT_RD), ENOTCONN);
  ck_fails(sr_shutdown(n, 3), EINVAL);
  ck_fails(sr_shutdown(n, -1), EINVAL);
  ck_assert_int_eq(sr_recv(n, b, 100, 0), 0);
  ck_fails(sr_recv(n, b, 100, MSG_DONTWAIT), EAGAIN);
  ck_fails(sr_shutdown(n, SHUT_WR), ENOTCONN);
  ck_fails(sr_sendto(n, "x", 1, 0, (struct sockaddr *) &d, sizeof d), EPIPE);
  ck_fails(sr_sendto(n, "x", 1, MSG_NOSIGNAL, (struct sockaddr *) &d, sizeof d), EPIPE);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 0);
  ck_assert_int_eq(sr_connect(cs, (struct sockaddr *) &d, sizeof d), 0);
  ck_assert_int_eq(sr_shutdown(cs, SHUT_RD), 0);
  ck_assert_int_eq(sr_recv(cs, b, 100, 0), 0);
  ck_assert_int_eq(sr_getsockname(cs, (struct sockaddr *) &me, &l), 0);
  ck_assert_int_eq(sr_sendto(r, "q", 1, 0, (struct sockaddr *) &me, sizeof me), 1);
  ck_assert_int_eq(sr_recv(cs, b, 100, 0), 1);
  ck_assert_int_eq(sr_recv(cs, b, 100, 0), 0);
  ck_assert_int_eq(sr_shutdown(cs, SHUT_WR), 0);
  ck_fails(sr_send(cs, "x", 1, 0), EPIPE);
  ck_fails(sr_write(cs, "x", 1), EPIPE);
  ck_assert_int_eq(sr_connect(cs, (struct sockaddr *) &d, sizeof d), 0);
  ck_fails(sr_send(cs, "x", 1, 0), EPIPE);
  memset(&un, 0, sizeof un);
  un.sin_family = AF_UNSPEC;
  ck_assert_int_eq(sr_connect(cs, (struct sockaddr *) &un, sizeof un), 0);
  ck_fails(sr_shutdown(cs, SHUT_RD), ENOTCONN);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 0);
  ck_fails(sr_shutdown(0, SHUT_RD), ENOTSOCK);
  ck_fails(sr_shutdown(99, SHUT_RD), EBADF);
}
END_TEST

/* ---- TCP and raw sockets ---------------------------------------------------------------------------- */
START_TEST(tcp_closed_socket_data_calls)
{
  CLAUSES("socket.7:signal:SIGPIPE", "socket.7:signal:SIGPIPE:2", "ip.7:IP_RECVERR:21");
  int t = sr_socket(AF_INET, SOCK_STREAM, 0), l = sr_socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in d = sr_test_sin("127.0.0.1", 5000), la = sr_test_sin("127.0.0.1", 7001);
  char b[4];
  ck_fails(sr_send(t, "a", 1, 0), EPIPE);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 1);
  ck_fails(sr_send(t, "a", 1, MSG_NOSIGNAL), EPIPE);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 1);
  ck_fails(sr_send(t, "a", 0, 0), EPIPE);
  ck_fails(sr_sendto(t, "a", 1, 0, (struct sockaddr *) &d, sizeof d), EPIPE);
  ck_fails(sr_send(t, "a", 1, MSG_OOB), EPIPE);
  ck_fails(sr_write(t, "a", 1), EPIPE);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 5);
  ck_fails(sr_recv(t, b, 4, 0), ENOTCONN);
  ck_fails(sr_recv(t, b, 0, 0), ENOTCONN);
  ck_assert_int_eq(sr_read(t, b, 0), 0);
  ck_fails(sr_recv(t, b, 4, MSG_OOB), EINVAL);
  ck_fails(sr_recv(t, b, 4, MSG_ERRQUEUE), EAGAIN);
  ck_fails(sr_recv(t, b, 4, MSG_PEEK), ENOTCONN);
  ck_fails(sr_shutdown(t, SHUT_RD), ENOTCONN);
  ck_assert_int_eq(sr_recv(t, b, 4, 0), 0);
  ck_assert_int_eq(sr_bind(l, (struct sockaddr *) &la, sizeof la), 0);
  ck_assert_int_eq(sr_listen(l, 1), 0);
  ck_fails(sr_send(l, "a", 1, MSG_NOSIGNAL), EPIPE);
  ck_fails(sr_recv(l, b, 4, 0), ENOTCONN);
  ck_assert_int_eq(sr_shutdown(l, SHUT_WR), 0);
  ck_assert_int_eq(geti(l, SOL_SOCKET, SO_ACCEPTCONN), 1);
  ck_assert_int_eq(sr_shutdown(l, SHUT_RD), 0);
  ck_assert_int_eq(geti(l, SOL_SOCKET, SO_ACCEPTCONN), 0);
  int rw = sr_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
  ck_fails(sr_recv(rw, b, 4, MSG_DONTWAIT), EAGAIN);
  ck_fails(sr_shutdown(rw, SHUT_RD), ENOTCONN);
  ck_fails(sr_send(rw, "a", 1, 0), EDESTADDRREQ);
}
END_TEST


/* ---- datagrams whose checksum fails ------------------------------------------------ */
static void inject_bad(int n, uint16_t port)
{
  uint8_t d[300];
  size_t len = nt_udp(d, "10.0.0.2", 12345, "10.0.0.1", port, (size_t) n, 64, 0, 1, 0);
  d[26] ^= 0x55; /* spoil the UDP checksum */
  ck_assert_int_eq(sr_inject(0, 2, d, len), 0);
}

START_TEST(bad_checksum_found_when_read)
{
  CLAUSES("socket.7:call:recv", "socket.7:poll:POLLIN", "socket.7:SO_RXQ_OVFL");
  int r = udp_bound("10.0.0.1", 5400), v, n;
  pid_t me = sr_getpid();
  struct pollfd p = {r, POLLIN, 0};
  struct rx x;
  struct cmsghdr *c[2];
  uint32_t dc;
  ck_assert_int_eq(sr_fcntl(r, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(seti(r, SOL_SOCKET, SO_RXQ_OVFL, 1), 0);
  /* short: checked on arrival, gone without a trace */
  inject_bad(68, 5400);
  ck_assert_int_eq(sr_signal_count(SIGIO), 0);
  ck_assert_int_eq(sr_poll(&p, 1, 0), 0);
  /* longer: queued, signalled; a blocking poll finds it bad */
  inject_bad(69, 5400);
  ck_assert_int_eq(sr_signal_count(SIGIO), 1);
  ck_assert_int_eq(sr_poll(&p, 1, 0), 0);
  inject_bad(100, 5400);
  ck_assert_int_eq(sr_fcntl(r, F_SETFL, O_ASYNC | O_NONBLOCK), 0);
  ck_assert_int_eq(sr_poll(&p, 1, 0), 1);
  ck_assert_int_eq(p.revents, POLLIN);
  ck_assert_int_eq(sr_ioctl(r, FIONREAD, &v), 0);
  ck_assert_int_eq(v, 0);
  inject_bad(100, 5400);
  ck_fails(sr_recv(r, x.data, 100, 0), EAGAIN);
  /* a bad one before a good one: the peek steps over it */
  inject_bad(100, 5400);
  {
    int s = udp();
    ck_assert_int_eq(send_to(s, "ok", 2, "10.0.0.1", 5400), 2);
  }
  n = (int) rx_msg(r, &x, 100, 64, MSG_PEEK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(cmsgs(&x.m, c, 2), 1);
  memcpy(&dc, CMSG_DATA(c[0]), 4);
  ck_assert_uint_eq(dc, 3);
  ck_assert_int_eq(sr_recv(r, x.data, 100, 0), 2);
}
END_TEST


/* ---- broadcast and multicast on the host's own LAN --------------------------------------- */
static void expect_pktinfo_ttl(int fd, const char *dst, int ttl)
{
  struct rx x;
  struct cmsghdr *c[4];
  struct in_pktinfo pi;
  int t;
  ck_assert_int_eq(rx_msg(fd, &x, 100, 512, MSG_DONTWAIT), 2);
  ck_assert_uint_eq(x.from.sin_addr.s_addr, inet_addr("10.0.0.1"));
  ck_assert_int_eq(ntohs(x.from.sin_port), 6500);
  ck_assert_int_eq(cmsgs(&x.m, c, 4), 2);
  memcpy(&pi, CMSG_DATA(c[0]), sizeof pi);
  ck_assert_int_eq(pi.ipi_ifindex, 2);
  ck_assert_uint_eq(pi.ipi_spec_dst.s_addr, inet_addr("10.0.0.1"));
  ck_assert_uint_eq(pi.ipi_addr.s_addr, inet_addr(dst));
  memcpy(&t, CMSG_DATA(c[1]), sizeof t);
  ck_assert_int_eq(t, ttl);
}

START_TEST(broadcast_and_multicast_delivery)
{
  CLAUSES("socket.7:SO_BROADCAST:2", "ip.7:addr:broadcast", "ip.7:IP_MULTICAST_TTL",
    "ip.7:IP_MULTICAST_LOOP", "ip.7:IP_MULTICAST_ALL", "ip.7:IP_ADD_MEMBERSHIP",
    "ip.7:IP_PKTINFO:6");
  int a = udp(), b = udp(), s = udp_bound("10.0.0.1", 6500);
  struct sockaddr_in any = sr_test_sin("0.0.0.0", 5500);
  struct ip_mreqn mr;
  char buf[10];
  ck_assert_int_eq(seti(a, SOL_SOCKET, SO_REUSEADDR, 1), 0);
  ck_assert_int_eq(seti(b, SOL_SOCKET, SO_REUSEADDR, 1), 0);
  ck_assert_int_eq(sr_bind(a, (struct sockaddr *) &any, sizeof any), 0);
  ck_assert_int_eq(sr_bind(b, (struct sockaddr *) &any, sizeof any), 0);
  ck_assert_int_eq(seti(a, IPPROTO_IP, IP_PKTINFO, 1), 0);
  ck_assert_int_eq(seti(a, IPPROTO_IP, IP_RECVTTL, 1), 0);
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_BROADCAST, 1), 0);
  ck_assert_int_eq(send_to(s, "bc", 2, "10.0.0.255", 5500), 2);
  expect_pktinfo_ttl(a, "10.0.0.255", 64);
  ck_assert_int_eq(sr_recv(b, buf, 10, MSG_DONTWAIT), 2);
  ck_fails(sr_recv(a, buf, 10, MSG_DONTWAIT), EAGAIN);
  memset(&mr, 0, sizeof mr);
  mr.imr_multiaddr.s_addr = inet_addr("239.1.2.3");
  mr.imr_ifindex = 2;
  ck_assert_int_eq(sr_setsockopt(a, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof mr), 0);
  ck_assert_int_eq(send_to(s, "mc", 2, "239.1.2.3", 5500), 2);
  expect_pktinfo_ttl(a, "239.1.2.3", 1);
  ck_assert_int_eq(sr_recv(b, buf, 10, MSG_DONTWAIT), 2);
  ck_assert_int_eq(seti(s, IPPROTO_IP, IP_MULTICAST_TTL, 5), 0);
  ck_assert_int_eq(send_to(s, "mc", 2, "239.1.2.3", 5500), 2);
  expect_pktinfo_ttl(a, "239.1.2.3", 5);
  ck_assert_int_eq(sr_recv(b, buf, 10, MSG_DONTWAIT), 2);
  ck_assert_int_eq(seti(s, IPPROTO_IP, IP_MULTICAST_LOOP, 0), 0);
  ck_assert_int_eq(send_to(s, "mc", 2, "239.1.2.3", 5500), 2);
  ck_fails(sr_recv(a, buf, 10, MSG_DONTWAIT), EAGAIN);
  ck_fails(sr_recv(b, buf, 10, MSG_DONTWAIT), EAGAIN);
  ck_assert_int_eq(seti(s, IPPROTO_IP, IP_MULTICAST_LOOP, 1), 0);
  ck_assert_int_eq(seti(b, IPPROTO_IP, IP_MULTICAST_ALL, 0), 0);
  ck_assert_int_eq(send_to(s, "mc", 2, "239.1.2.3", 5500), 2);
  expect_pktinfo_ttl(a, "239.1.2.3", 5);
  ck_fails(sr_recv(b, buf, 10, MSG_DONTWAIT), EAGAIN);
}
END_TEST


/* ---- the send buffer and frames waiting for ARP --------------------------------------------- */
START_TEST(send_buffer_held_by_unanswered_arp)
{
  CLAUSES("socket.7:SO_SNDBUF", "socket.7:nonblock:2", "socket.7:signal:SIGIO",
    "socket.7:call:ioctl");
  static char buf[30000];
  int s = udp_bound("10.0.0.1", 6100), v;
  struct sockaddr_in far = sr_test_sin("10.0.0.77", 5000);
  pid_t me = sr_getpid();
  struct pollfd p = {s, POLLOUT, 0};
  uint64_t t0;
  int c;
  ck_assert_int_eq(seti(s, SOL_SOCKET, SO_SNDBUF, 1), 0);
  ck_assert_int_eq(sr_fcntl(s, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(s, F_SETFL, O_ASYNC), 0);
  t0 = sr_now_ns();
  ck_assert_int_eq(send_to(s, buf, 1000, "10.0.0.77", 5000), 1000);
  ck_assert_int_eq(sr_ioctl(s, SIOCOUTQ, &v), 0);
  ck_assert_int_eq(v, 2304);
  ck_assert_int_eq(sr_poll(&p, 1, 0), 0);
  ck_assert_int_eq(send_to(s, buf, 1000, "10.0.0.77", 5000), 1000);
  ck_assert_int_eq(sr_ioctl(s, SIOCOUTQ, &v), 0);
  ck_assert_int_eq(v, 4608);
  /* a blocking send waits until ARP gives up and the frames go */
  ck_assert_int_eq(send_to(s, buf, 1000, "10.0.0.77", 5000), 1000);
  ck_assert_uint_eq(sr_now_ns() - t0, 3000000000u);
  ck_assert_int_eq(sr_ioctl(s, SIOCOUTQ, &v), 0);
  ck_assert_int_eq(v, 2304);
  sr_advance_ns(4000000000u);
  ck_assert_int_eq(sr_ioctl(s, SIOCOUTQ, &v), 0);
  ck_assert_int_eq(v, 0);
  ck_assert_int_eq(sr_signal_count(SIGIO), 0);
  /* a non-blocking one fails, and the release is signalled */
  ck_assert_int_eq(sr_sendto(s, buf, 1000, MSG_DONTWAIT, (struct sockaddr *) &far, sizeof far),
    1000);
  ck_assert_int_eq(send_to(s, buf, 1000, "10.0.0.77", 5000), 1000);
  ck_assert_int_eq(sr_fcntl(s, F_SETFL, O_ASYNC | O_NONBLOCK), 0);
  ck_fails(send_to(s, buf, 1000, "10.0.0.77", 5000), EAGAIN);
  sr_advance_ns(4000000000u);
  ck_assert_int_eq(sr_signal_count(SIGIO), 1);
  /* 30000 bytes are 21 fragments: more than twice the buffer */
  ck_fails(send_to(s, buf, 30000, "10.0.0.77", 5000), ENOBUFS);
  ck_assert_int_eq(sr_ioctl(s, SIOCOUTQ, &v), 0);
  ck_assert_int_eq(v, 0);
  ck_assert_int_eq(send_to(s, buf, 100, "10.0.0.77", 5000), 100);
  /* a socket closed with a frame waiting gives up its port at once */
  c = udp_bound("10.0.0.1", 6101);
  ck_assert_int_eq(send_to(c, buf, 1000, "10.0.0.77", 5000), 1000);
  ck_assert_int_eq(sr_close(c), 0);
  c = udp_bound("10.0.0.1", 6101);
  sr_advance_ns(4000000000u);
}
END_TEST

/* ---- two hosts on an Ethernet LAN ------------------------------------------------------------------ */
static int peer;
static void two_hosts(void)
{
  sr_reset();
  peer = peer_host(0);
}
/* on the peer: a socket bound to 10.0.0.2:port with the given SO_RCVBUF request;
   back in process 1000 afterwards */
static int peer_sock(pid_t *pp, int port, int rcvbuf)
{
  pid_t p = sr_proc_new(peer, 0);
  int fd;
  ck_assert_int_gt(p, 0);
  ck_assert_int_eq(sr_proc_switch(p), 0);
  fd = udp_bound("10.0.0.2", port);
  if (rcvbuf) ck_assert_int_eq(seti(fd, SOL_SOCKET, SO_RCVBUF, rcvbuf), 0);
  ck_assert_int_eq(sr_proc_switch(1000), 0);
  *pp = p;
  return fd;
}
static int peer_count(pid_t p, int fd)
{
  int n;
  ck_assert_int_eq(sr_proc_switch(p), 0);
  n = drain(fd);
  ck_assert_int_eq(sr_proc_switch(1000), 0);
  return n;
}

START_TEST(fragmented_datagram_costs)
{
  CLAUSES("socket.7:SO_RCVBUF");
  /* buffer 8192: 1684-byte datagrams cost 2304 (the second fragment fits
     the first buffer's tail), 1685-byte ones 3584, 2953-byte ones 5440 */
  static char big[4000];
  static const struct { size_t n; int fit; } t[] = {{1472, 3}, {1684, 3}, {1685, 2}, {2953, 1},
    {2125, 2}, {2126, 1}};
  int s = udp();
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    pid_t p;
    int fd = peer_sock(&p, 5000 + (int) i, 4096);
    for (int k = 0; k < 5; k++)
      ck_assert_int_eq(send_to(s, big, t[i].n, "10.0.0.2", 5000 + (int) i), (int) t[i].n);
    ck_assert_msg(peer_count(p, fd) == t[i].fit, "%zu bytes", t[i].n);
  }
}
END_TEST


Suite *suite_udp(void)
{
  Suite *s = suite_create("udp");
  TCase *tc = sr_tcase(s, "data");
  tcase_add_test(tc, send_receive_and_truncate);
  tcase_add_test(tc, receive_flags_and_faults);
  tcase_add_test(tc, recvmsg_outputs);
  tcase_add_test(tc, datagram_sizes);
  tcase_add_test(tc, reused_buffers_keep_data);
  tcase_add_test(tc, send_addresses_and_flags);
  tcase_add_test(tc, sendmsg_and_vectors);
  tcase_add_test(tc, connected_socket_sends);
  tcase_add_test(tc, peek_offset);
  tcase_add_test(tc, peek_empty_datagram);
  tcase_add_test(tc, queue_ioctls);
  tcase_add_test(tc, udp_segment);
  tcase_add_test(tc, msg_more_corks);
  tcase_add_test(tc, filter_on_arrival);
  tcase_add_test(tc, bad_checksum_found_when_read);
  tcase_add_test(tc, broadcast_and_multicast_delivery);
  tcase_add_test(tc, shutdown_datagram);
  tcase_add_test(tc, tcp_closed_socket_data_calls);
  tc = sr_tcase(s, "buffer");
  tcase_add_test(tc, receive_buffer_counts);
  tcase_add_test(tc, receive_buffer_given_back_in_batches);
  tcase_add_test(tc, rxq_ovfl_counts_drops);
  tcase_add_test(tc, send_buffer_held_by_unanswered_arp);
  tc = sr_tcase(s, "cmsg");
  tcase_add_test(tc, receive_options_each_and_order);
  tcase_add_test(tc, control_buffer_truncation);
  tcase_add_test(tc, siocgstamp_rules);
  tcase_add_test(tc, send_control_messages);
  tc = sr_tcase(s, "errors");
  tcase_add_test(tc, port_unreachable_connected);
  tcase_add_test(tc, error_queue_entries);
  tcase_add_test(tc, error_queue_quote_and_limits);
  tcase_add_test(tc, local_error_emsgsize);
  tc = tcase_create("lan");
  tcase_add_checked_fixture(tc, two_hosts, NULL);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, fragmented_datagram_costs);
  return s;
}
