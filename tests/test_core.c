/* test_core.c -- socket creation, descriptors, fcntl, ioctl, positional
   I/O, credentials, resource limits.  Expected values were measured on
   Linux 6.18 in a fresh network namespace (see the book's \kernel notes). */
#include "sr_test.h"
#include <signal.h>
#include <linux/capability.h>

START_TEST(first_socket_is_fd_3)
{
  CLAUSES("socket.7:call:socket");
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 3);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_STREAM, 0), 4);
  ck_assert_int_eq(sr_close(0), 0);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 0);
}
END_TEST

START_TEST(socket_argument_errors_in_kernel_order)
{
  CLAUSES("socket.7:call:socket", "ip.7:DESCRIPTION");
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM | 0x40, 0), EINVAL);
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM | O_APPEND, 0), EINVAL);
  ck_fails(sr_socket(AF_INET, -1, 0), EINVAL);
  ck_fails(sr_socket(1000, SOCK_DGRAM | 0x40, 0), EINVAL);
  ck_fails(sr_socket(-1, SOCK_DGRAM, 0), EAFNOSUPPORT);
  ck_fails(sr_socket(46, SOCK_DGRAM, 0), EAFNOSUPPORT);
  ck_fails(sr_socket(1000, 11, 0), EAFNOSUPPORT);
  ck_fails(sr_socket(AF_UNSPEC, SOCK_DGRAM, 0), EAFNOSUPPORT);
  ck_fails(sr_socket(AF_INET, 11, 0), EINVAL);
  ck_fails(sr_socket(AF_INET, 15, 0), EINVAL);
  ck_fails(sr_socket(AF_INET, SOCK_RDM, -1), EINVAL);
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM, 263), EINVAL);
  ck_fails(sr_socket(AF_INET, SOCK_RAW, 1000), EINVAL);
  ck_fails(sr_socket(AF_INET, 0, 0), ESOCKTNOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_RDM, 0), ESOCKTNOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_SEQPACKET, 0), ESOCKTNOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_DCCP, IPPROTO_TCP), ESOCKTNOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP), EPROTONOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP), EPROTONOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_RAW), EPROTONOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_RAW, 0), EPROTONOSUPPORT);
  ck_fails(sr_socket(AF_INET, SOCK_STREAM, IPPROTO_ICMP), EPROTONOSUPPORT);
  /* nothing was allocated by the failures */
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 3);
}
END_TEST

START_TEST(raw_sockets_take_any_protocol_and_need_cap_net_raw)
{
  CLAUSES("socket.7:call:socket", "ip.7:DESCRIPTION");
  int p[] = {IPPROTO_ICMP, IPPROTO_IGMP, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_RAW, 256, 262};
  for (unsigned i = 0; i < sizeof p / sizeof p[0]; i++) {
    int fd = sr_socket(AF_INET, SOCK_RAW, p[i]);
    ck_assert_int_ge(fd, 3);
    ck_assert_int_eq(sr_close(fd), 0);
  }
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_fails(sr_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), EPERM);
  ck_fails(sr_socket(AF_INET, SOCK_RAW, 1000), EINVAL);
  ck_fails(sr_socket(AF_INET, SOCK_RAW, 0), EPROTONOSUPPORT);
  ck_assert_int_ge(sr_socket(AF_INET, SOCK_DGRAM, 0), 3);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_ge(sr_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), 3);
}
END_TEST

START_TEST(ping_sockets_follow_ping_group_range)
{
  CLAUSES("socket.7:call:socket", "ip.7:DESCRIPTION");
  char buf[64];
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), EACCES);
  ck_assert_int_eq(sr_sysctl_get("net.ipv4.ping_group_range", buf, sizeof buf), 3);
  ck_assert_str_eq(buf, "1\t0");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ping_group_range", "0 0"), 0);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), 3);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ping_group_range", "1 1"), 0);
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), EACCES);
}
END_TEST

START_TEST(udplite_is_a_datagram_protocol_mptcp_is_not_modelled)
{
  CLAUSES("ip.7:DESCRIPTION");
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE), 3);
  /* model limit: a kernel with CONFIG_MPTCP=y accepts this */
  ck_fails(sr_socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP), EPROTONOSUPPORT);
}
END_TEST

START_TEST(new_socket_file_flags)
{
  CLAUSES("socket.7:call:socket", "socket.7:nonblock");
  int a = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int b = sr_socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int c = sr_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  ck_assert_int_eq(sr_fcntl(a, F_GETFL), 0x2);
  ck_assert_int_eq(sr_fcntl(a, F_GETFD), 0);
  ck_assert_int_eq(sr_fcntl(b, F_GETFL), 0x802);
  ck_assert_int_eq(sr_fcntl(b, F_GETFD), 1);
  ck_assert_int_eq(sr_fcntl(c, F_GETFL), 0x802);
  ck_assert_int_eq(sr_fcntl(c, F_GETFD), 0);
}
END_TEST

START_TEST(emfile_at_the_descriptor_limit)
{
  CLAUSES("socket.7:call:socket");
  struct rlimit rl = {4, 4096};
  ck_assert_int_eq(sr_setrlimit(RLIMIT_NOFILE, &rl), 0);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 3);
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM, 0), EMFILE);
  /* argument errors still come first */
  ck_fails(sr_socket(AF_INET, 11, 0), EINVAL);
  ck_assert_int_eq(sr_close(3), 0);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 3);
  /* lowering below an open descriptor is allowed */
  rl.rlim_cur = 2;
  ck_assert_int_eq(sr_setrlimit(RLIMIT_NOFILE, &rl), 0);
  ck_fails(sr_socket(AF_INET, SOCK_DGRAM, 0), EMFILE);
  ck_assert_int_eq(sr_fcntl(3, F_GETFL), 2);
}
END_TEST

START_TEST(socketpair_is_not_supported_for_inet)
{
  CLAUSES("socket.7:call:socketpair");
  int sv[2] = {-7, -7};
  ck_fails(sr_socketpair(AF_INET, SOCK_DGRAM, 0, sv), EOPNOTSUPP);
  ck_fails(sr_socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);
  ck_fails(sr_socketpair(AF_INET, SOCK_DGRAM, IPPROTO_UDP, sv), EOPNOTSUPP);
  ck_fails(sr_socketpair(AF_INET, SOCK_RAW, 0, sv), EPROTONOSUPPORT);
  ck_fails(sr_socketpair(AF_INET, SOCK_SEQPACKET, 0, sv), ESOCKTNOSUPPORT);
  ck_fails(sr_socketpair(AF_INET, SOCK_DGRAM, 1000, sv), EINVAL);
  /* the kernel writes the two reserved descriptors before it fails */
  ck_assert_int_eq(sv[0], 3);
  ck_assert_int_eq(sv[1], 4);
  /* a null array is EFAULT before any check of family, type or protocol */
  ck_fails(sr_socketpair(AF_INET, SOCK_DGRAM, 0, NULL), EFAULT);
  ck_fails(sr_socketpair(-1, SOCK_SEQPACKET, 1000, NULL), EFAULT);
  /* but after the flags of the type, which leave the array alone */
  sv[0] = sv[1] = -7;
  ck_fails(sr_socketpair(AF_INET, SOCK_DGRAM | 0x100, 0, sv), EINVAL);
  ck_assert_int_eq(sv[0], -7);
  /* no descriptor leaked */
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 3);
}
END_TEST

START_TEST(close_and_lowest_free_reuse)
{
  CLAUSES("socket.7:call:close");
  for (int i = 3; i < 10; i++) ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), i);
  ck_assert_int_eq(sr_close(8), 0);
  ck_assert_int_eq(sr_close(5), 0);
  ck_assert_int_eq(sr_close(7), 0);
  ck_fails(sr_close(7), EBADF);
  ck_fails(sr_close(-1), EBADF);
  ck_fails(sr_close(100000), EBADF);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 5);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 7);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 8);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 10);
}
END_TEST

START_TEST(many_descriptors_across_bitmap_words)
{
  CLAUSES("socket.7:call:socket", "socket.7:call:close");
  struct rlimit rl = {20000, 20000};
  ck_assert_int_eq(sr_setrlimit(RLIMIT_NOFILE, &rl), 0);
  for (int i = 3; i < 10000; i++) ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), i);
  ck_assert_int_eq(sr_close(4097), 0);
  ck_assert_int_eq(sr_close(63), 0);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 63);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 4097);
  ck_assert_int_eq(sr_socket(AF_INET, SOCK_DGRAM, 0), 10000);
  ck_assert_int_eq(sr_fcntl(5000, F_DUPFD, 9000), 10001);
  ck_assert_int_eq(sr_close(9500), 0);
  ck_assert_int_eq(sr_fcntl(5000, F_DUPFD, 9000), 9500);
}
END_TEST

START_TEST(pread_pwrite_are_espipe_at_any_offset)
{
  CLAUSES("socket.7:call:pread", "socket.7:call:pwrite");
  char buf[8] = "abc";
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_fails(sr_pread(fd, buf, 4, 0), ESPIPE);
  ck_fails(sr_pread(fd, buf, 4, 5), ESPIPE);
  ck_fails(sr_pwrite(fd, buf, 3, 0), ESPIPE);
  ck_fails(sr_pwrite(fd, buf, 3, 5), ESPIPE);
  ck_fails(sr_pread(fd, buf, 4, -1), EINVAL);
  ck_fails(sr_pread(-1, buf, 1, -1), EINVAL);
  ck_fails(sr_pread(99, buf, 1, 0), EBADF);
  ck_fails(sr_pwrite(99, buf, 1, 0), EBADF);
}
END_TEST

START_TEST(fcntl_status_flags)
{
  CLAUSES("socket.7:nonblock", "socket.7:nonblock");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFL, O_NONBLOCK), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x802);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFL, O_ASYNC), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x2002);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFL, O_APPEND), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x402);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFL, O_NOATIME), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x40002);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFL, O_NONBLOCK | O_ASYNC | O_WRONLY | O_SYNC), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x2802);
  ck_fails(sr_fcntl(fd, F_SETFL, O_DIRECT), EINVAL);
  ck_fails(sr_fcntl(fd, F_SETFL, -1), EINVAL);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x2802);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFL, 0), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x2);
}
END_TEST

START_TEST(fcntl_noatime_needs_owner)
{
  CLAUSES("socket.7:nonblock");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_fails(sr_fcntl(fd, F_SETFL, O_NOATIME), EPERM);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFL, O_NONBLOCK), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x802);
}
END_TEST

START_TEST(fcntl_descriptor_flags)
{
  CLAUSES("socket.7:nonblock");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFD), 1);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFD, 2), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFD), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFD, 3), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFD), 1);
  ck_assert_int_eq(sr_fcntl(fd, F_SETFD, -1), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFD), 1);
  /* the status flags are shared, the descriptor flag is not */
  int d = sr_fcntl(fd, F_DUPFD, 0);
  ck_assert_int_eq(d, fd + 1);
  ck_assert_int_eq(sr_fcntl(d, F_GETFD), 0);
  ck_assert_int_eq(sr_fcntl(d, F_SETFL, O_NONBLOCK), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x802);
  ck_assert_int_eq(sr_fcntl(fd, F_DUPFD_CLOEXEC, 0), fd + 2);
  ck_assert_int_eq(sr_fcntl(fd + 2, F_GETFD), 1);
  ck_fails(sr_fcntl(fd, F_DUPFD, 1024), EINVAL);
  ck_fails(sr_fcntl(fd, F_DUPFD, -1), EINVAL);
  /* closing one descriptor keeps the socket open for the other */
  ck_assert_int_eq(sr_close(fd), 0);
  ck_assert_int_eq(sr_fcntl(d, F_GETFL), 0x802);
}
END_TEST

START_TEST(fcntl_owner_and_signal)
{
  CLAUSES("socket.7:signal:SIGIO", "socket.7:signal:SIGIO:3");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  pid_t me = sr_getpid(), pg = sr_getpgrp();
  ck_assert_int_eq(sr_fcntl(fd, F_GETOWN), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_SETOWN, me), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETOWN), me);
  ck_assert_int_eq(sr_fcntl(fd, F_SETOWN, -pg), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETOWN), -pg);
  ck_fails(sr_fcntl(fd, F_SETOWN, 99999), ESRCH);
  ck_fails(sr_fcntl(fd, F_SETOWN, -99999), ESRCH);
  ck_fails(sr_fcntl(fd, F_SETOWN, INT_MIN), EINVAL);
  ck_assert_int_eq(sr_fcntl(fd, F_GETOWN), -pg);
  ck_assert_int_eq(sr_fcntl(fd, F_SETOWN, 0), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETOWN), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETSIG), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_SETSIG, SIGRTMIN), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETSIG), SIGRTMIN);
  ck_assert_int_eq(sr_fcntl(fd, F_SETSIG, 64), 0);
  ck_fails(sr_fcntl(fd, F_SETSIG, 65), EINVAL);
  ck_fails(sr_fcntl(fd, F_SETSIG, -1), EINVAL);
  ck_assert_int_eq(sr_fcntl(fd, F_GETSIG), 64);
  ck_assert_int_eq(sr_fcntl(fd, F_SETSIG, 0), 0);
  ck_fails(sr_fcntl(fd, 9999), EINVAL);
  ck_fails(sr_fcntl(77, 9999), EBADF);
  ck_fails(sr_fcntl(77, F_GETFL), EBADF);
}
END_TEST

START_TEST(ioctl_nonblocking_and_async)
{
  CLAUSES("socket.7:ioctl:FIOASYNC", "socket.7:nonblock");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0), on = 1, off = 0;
  ck_assert_int_eq(sr_ioctl(fd, FIONBIO, &on), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x802);
  ck_assert_int_eq(sr_ioctl(fd, FIOASYNC, &on), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x2802);
  ck_assert_int_eq(sr_ioctl(fd, FIONBIO, &off), 0);
  ck_assert_int_eq(sr_ioctl(fd, FIOASYNC, &off), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFL), 0x2);
  ck_fails(sr_ioctl(fd, FIONBIO, NULL), EFAULT);
  ck_assert_int_eq(sr_ioctl(fd, FIOCLEX), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFD), 1);
  ck_assert_int_eq(sr_ioctl(fd, FIONCLEX), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETFD), 0);
}
END_TEST

START_TEST(ioctl_owner_is_the_fcntl_owner)
{
  CLAUSES("socket.7:ioctl:SIOCSPGRP", "socket.7:ioctl:SIOCGPGRP",
          "socket.7:fcntl:FIOSETOWN", "socket.7:fcntl:FIOGETOWN");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int v = -sr_getpgrp(), got = 12345;
  ck_assert_int_eq(sr_ioctl(fd, SIOCGPGRP, &got), 0);
  ck_assert_int_eq(got, 0);
  ck_assert_int_eq(sr_ioctl(fd, SIOCSPGRP, &v), 0);
  ck_assert_int_eq(sr_fcntl(fd, F_GETOWN), v);
  ck_assert_int_eq(sr_ioctl(fd, FIOGETOWN, &got), 0);
  ck_assert_int_eq(got, v);
  v = sr_getpid();
  ck_assert_int_eq(sr_ioctl(fd, FIOSETOWN, &v), 0);
  ck_assert_int_eq(sr_ioctl(fd, SIOCGPGRP, &got), 0);
  ck_assert_int_eq(got, sr_getpid());
  v = 99999;
  ck_fails(sr_ioctl(fd, SIOCSPGRP, &v), ESRCH);
  ck_fails(sr_ioctl(fd, SIOCSPGRP, NULL), EFAULT);
  /* FIOGETOWN and FIOSETOWN are ioctl requests, not fcntl commands */
  ck_fails(sr_fcntl(fd, FIOGETOWN), EINVAL);
}
END_TEST

START_TEST(ioctl_stamp_queues_and_unknown)
{
  CLAUSES("socket.7:ioctl:SIOCGSTAMP", "socket.7:call:ioctl");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0), v = 77;
  struct timeval tv;
  ck_fails(sr_ioctl(fd, SIOCGSTAMP, &tv), ENOENT);
  ck_fails(sr_ioctl(fd, SIOCGSTAMP, NULL), ENOENT);
  ck_assert_int_eq(sr_ioctl(fd, SIOCINQ, &v), 0);
  ck_assert_int_eq(v, 0);
  v = 77;
  ck_assert_int_eq(sr_ioctl(fd, SIOCOUTQ, &v), 0);
  ck_assert_int_eq(v, 0);
  ck_fails(sr_ioctl(fd, 0x12345678, &v), ENOTTY);
  ck_fails(sr_ioctl(99, FIONBIO, &v), EBADF);
  /* a terminal is no socket */
  ck_fails(sr_ioctl(0, SIOCINQ, &v), ENOTTY);
}
END_TEST

START_TEST(socket_calls_on_non_sockets)
{
  CLAUSES("socket.7:call:getsockopt", "socket.7:call:setsockopt");
  int v = 1;
  socklen_t len = sizeof v;
  ck_fails(sr_setsockopt(0, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v), ENOTSOCK);
  ck_fails(sr_getsockopt(1, SOL_SOCKET, SO_TYPE, &v, &len), ENOTSOCK);
  ck_fails(sr_setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v), EBADF);
  ck_fails(sr_getsockopt(9999, SOL_SOCKET, SO_TYPE, &v, &len), EBADF);
}
END_TEST

START_TEST(credentials_and_capabilities)
{
  CLAUSES("socket.7:SO_DEBUG", "ip.7:addr:privileged_ports");
  ck_assert_int_eq(sr_getuid(), 0);
  ck_assert_int_eq(sr_geteuid(), 0);
  ck_assert_int_eq(sr_cap_has(CAP_NET_ADMIN), 1);
  ck_assert_int_eq(sr_cap_has(CAP_NET_RAW), 1);
  ck_fails(sr_cap_has(CAP_LAST_CAP + 1), EINVAL);
  ck_fails(sr_cap_has(-1), EINVAL);
  /* seteuid away from 0 clears the effective set; back to 0 restores it */
  ck_assert_int_eq(sr_seteuid(1000), 0);
  ck_assert_int_eq(sr_geteuid(), 1000);
  ck_assert_int_eq(sr_getuid(), 0);
  ck_assert_int_eq(sr_cap_has(CAP_NET_ADMIN), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(sr_cap_has(CAP_NET_ADMIN), 1);
  ck_fails(sr_seteuid((uid_t) -1), EINVAL);
  ck_fails(sr_setuid((uid_t) -1), EINVAL);
  /* dropping a capability is for good */
  ck_assert_int_eq(sr_cap_drop(CAP_NET_RAW), 0);
  ck_assert_int_eq(sr_cap_has(CAP_NET_RAW), 0);
  ck_fails(sr_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), EPERM);
  ck_assert_int_eq(sr_seteuid(1000), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(sr_cap_has(CAP_NET_RAW), 0);
  ck_assert_int_eq(sr_cap_has(CAP_NET_ADMIN), 1);
  /* setuid as root sets every ID and clears both sets */
  ck_assert_int_eq(sr_setuid(1000), 0);
  ck_assert_int_eq(sr_getuid(), 1000);
  ck_assert_int_eq(sr_geteuid(), 1000);
  ck_assert_int_eq(sr_cap_has(CAP_NET_ADMIN), 0);
  ck_fails(sr_setuid(0), EPERM);
  ck_fails(sr_seteuid(0), EPERM);
  ck_fails(sr_seteuid(2000), EPERM);
  ck_assert_int_eq(sr_setuid(1000), 0);
}
END_TEST

START_TEST(processes_and_signals)
{
  CLAUSES("socket.7:signal:SIGIO");
  ck_assert_int_gt(sr_getpid(), 1);
  ck_assert_int_eq(sr_getpgrp(), sr_getpid());
  ck_assert_int_eq(sr_signal_count(SIGIO), 0);
  ck_assert_int_eq(sr_signal_count(SIGPIPE), 0);
  ck_fails(sr_signal_count(0), EINVAL);
  ck_fails(sr_signal_count(65), EINVAL);
}
END_TEST

START_TEST(rlimit_nofile_rules)
{
  CLAUSES("socket.7:call:socket");
  struct rlimit rl;
  ck_assert_int_eq(sr_getrlimit(RLIMIT_NOFILE, &rl), 0);
  ck_assert_int_eq(rl.rlim_cur, 1024);
  ck_assert_int_eq(rl.rlim_max, 4096);
  rl.rlim_cur = 5000;
  ck_fails(sr_setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
  rl.rlim_cur = 8192; rl.rlim_max = 8192;
  ck_assert_int_eq(sr_setrlimit(RLIMIT_NOFILE, &rl), 0);
  rl.rlim_cur = rl.rlim_max = 2000000;
  ck_fails(sr_setrlimit(RLIMIT_NOFILE, &rl), EPERM);
  ck_assert_int_eq(sr_cap_drop(CAP_SYS_RESOURCE), 0);
  rl.rlim_cur = rl.rlim_max = 9000;
  ck_fails(sr_setrlimit(RLIMIT_NOFILE, &rl), EPERM);
  rl.rlim_cur = rl.rlim_max = 100;
  ck_assert_int_eq(sr_setrlimit(RLIMIT_NOFILE, &rl), 0);
  ck_assert_int_eq(sr_getrlimit(RLIMIT_NOFILE, &rl), 0);
  ck_assert_int_eq(rl.rlim_max, 100);
  ck_fails(sr_getrlimit(RLIMIT_NOFILE, NULL), EFAULT);
  ck_fails(sr_getrlimit(RLIMIT_STACK, &rl), EINVAL);
}
END_TEST

START_TEST(virtual_clock_and_tick_rate)
{
  CLAUSES("socket.7:SO_RCVTIMEO");
  ck_assert_uint_eq(sr_now_ns(), 0);
  sr_advance_ns(1500);
  ck_assert_uint_eq(sr_now_ns(), 1500);
  ck_assert_int_eq(sr_get_hz(), 250);
  ck_assert_int_eq(sr_set_hz(1000), 0);
  ck_assert_int_eq(sr_get_hz(), 1000);
  ck_fails(sr_set_hz(123), EINVAL);
  sr_reset();
  ck_assert_uint_eq(sr_now_ns(), 0);
  ck_assert_int_eq(sr_get_hz(), 250);
  ck_assert_int_eq(sr_world_hosts(), 1);
}
END_TEST

Suite *suite_core(void)
{
  Suite *s = suite_create("core");
  TCase *tc = sr_tcase(s, "sockets");
  tcase_add_test(tc, first_socket_is_fd_3);
  tcase_add_test(tc, socket_argument_errors_in_kernel_order);
  tcase_add_test(tc, raw_sockets_take_any_protocol_and_need_cap_net_raw);
  tcase_add_test(tc, ping_sockets_follow_ping_group_range);
  tcase_add_test(tc, udplite_is_a_datagram_protocol_mptcp_is_not_modelled);
  tcase_add_test(tc, new_socket_file_flags);
  tcase_add_test(tc, emfile_at_the_descriptor_limit);
  tcase_add_test(tc, socketpair_is_not_supported_for_inet);
  tc = sr_tcase(s, "descriptors");
  tcase_add_test(tc, close_and_lowest_free_reuse);
  tcase_add_test(tc, many_descriptors_across_bitmap_words);
  tcase_add_test(tc, pread_pwrite_are_espipe_at_any_offset);
  tcase_add_test(tc, socket_calls_on_non_sockets);
  tc = sr_tcase(s, "fcntl-ioctl");
  tcase_add_test(tc, fcntl_status_flags);
  tcase_add_test(tc, fcntl_noatime_needs_owner);
  tcase_add_test(tc, fcntl_descriptor_flags);
  tcase_add_test(tc, fcntl_owner_and_signal);
  tcase_add_test(tc, ioctl_nonblocking_and_async);
  tcase_add_test(tc, ioctl_owner_is_the_fcntl_owner);
  tcase_add_test(tc, ioctl_stamp_queues_and_unknown);
  tc = sr_tcase(s, "processes");
  tcase_add_test(tc, credentials_and_capabilities);
  tcase_add_test(tc, processes_and_signals);
  tcase_add_test(tc, rlimit_nofile_rules);
  tcase_add_test(tc, virtual_clock_and_tick_rate);
  return s;
}
