/* test_solsocket.c -- the SOL_SOCKET options (web/solsocket.w).  Every
   expected value was measured on Linux 6.18, HZ=250, rmem_max = wmem_max =
   4194304 (/work/facts/solsocket/FACTS.md and /work/facts/solsocket2/). */
#include "sr_test.h"
#include <linux/capability.h>
#include <linux/filter.h>

#define ST SOCK_STREAM
#define DG SOCK_DGRAM
#define RW SOCK_RAW
#define NSO(x) ((int) (sizeof (x) / sizeof (x)[0]))

static int sock(int type)
{
  int fd = sr_socket(AF_INET, type, type == RW ? 255 : 0);
  ck_assert_int_ge(fd, 0);
  return fd;
}
static int geti(int fd, int name) { return sr_test_geti(fd, SOL_SOCKET, name); }
static int seti(int fd, int name, int v) { return sr_test_seti(fd, SOL_SOCKET, name, v); }
static int ping_sock(void)
{
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ping_group_range", "0 0"), 0);
  int fd = sr_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
  ck_assert_int_ge(fd, 0);
  return fd;
}
static const int types[3] = {ST, DG, RW};

/* ---- the rows exist: every option reaches its handler ------------------ */
static const struct { int name; int get_err, set_err; } rows[] = {
  /* get_err / set_err: the answer to a call with 32 zero bytes on a fresh
     UDP socket (0 = success). */
  {SO_ACCEPTCONN, 0, ENOPROTOOPT}, {SO_ATTACH_FILTER, 0, EINVAL},
  {SO_ATTACH_BPF, ENOPROTOOPT, EINVAL}, {SO_ATTACH_REUSEPORT_CBPF, ENOPROTOOPT, EINVAL},
  {SO_ATTACH_REUSEPORT_EBPF, ENOPROTOOPT, EINVAL}, {SO_BINDTODEVICE, 0, 0},
  {SO_BROADCAST, 0, 0}, {SO_BSDCOMPAT, 0, 0}, {SO_DEBUG, 0, 0},
  {SO_DETACH_FILTER, ENOPROTOOPT, ENOENT}, {SO_DOMAIN, 0, ENOPROTOOPT},
  {SO_ERROR, 0, ENOPROTOOPT}, {SO_DONTROUTE, 0, 0}, {SO_INCOMING_CPU, 0, 0},
  {SO_INCOMING_NAPI_ID, 0, ENOPROTOOPT}, {SO_KEEPALIVE, 0, 0},
  {SO_LINGER, 0, 0}, {SO_LOCK_FILTER, 0, 0}, {SO_MARK, 0, 0}, {SO_OOBINLINE, 0, 0},
  {SO_PASSCRED, EOPNOTSUPP, EOPNOTSUPP}, {SO_PASSSEC, EOPNOTSUPP, EOPNOTSUPP},
  {SO_PEEK_OFF, 0, 0}, {SO_PEERCRED, 0, ENOPROTOOPT}, {SO_PEERSEC, ENOPROTOOPT, ENOPROTOOPT},
  {SO_PRIORITY, 0, 0}, {SO_PROTOCOL, 0, ENOPROTOOPT}, {SO_RCVBUF, 0, 0},
  {SO_RCVBUFFORCE, ENOPROTOOPT, 0}, {SO_RCVLOWAT, 0, 0}, {SO_SNDLOWAT, 0, ENOPROTOOPT},
  {SO_RCVTIMEO, 0, 0}, {SO_SNDTIMEO, 0, 0}, {SO_REUSEADDR, 0, 0}, {SO_REUSEPORT, 0, 0},
  {SO_RXQ_OVFL, 0, 0}, {SO_SELECT_ERR_QUEUE, 0, 0}, {SO_SNDBUF, 0, 0},
  {SO_SNDBUFFORCE, ENOPROTOOPT, 0}, {SO_TIMESTAMP, 0, 0}, {SO_TIMESTAMPNS, 0, 0},
  {SO_TYPE, 0, ENOPROTOOPT}, {SO_BUSY_POLL, 0, 0}, {SO_PEERNAME, ENOTCONN, ENOPROTOOPT},
  {SO_TIMESTAMPING, 0, 0}, {SO_NOFCS, 0, 0}, {SO_MAX_PACING_RATE, 0, 0},
  {SO_BPF_EXTENSIONS, 0, ENOPROTOOPT}, {SO_WIFI_STATUS, 0, 0},
};

START_TEST(every_row_reaches_its_handler)
{
  CLAUSES("socket.7:SO_ACCEPTCONN", "socket.7:SO_ATTACH_FILTER", "socket.7:SO_ATTACH_BPF",
    "socket.7:SO_ATTACH_REUSEPORT_CBPF", "socket.7:SO_ATTACH_REUSEPORT_EBPF",
    "socket.7:SO_BINDTODEVICE", "socket.7:SO_BROADCAST", "socket.7:SO_BSDCOMPAT",
    "socket.7:SO_DEBUG", "socket.7:SO_DETACH_FILTER", "socket.7:SO_DETACH_BPF",
    "socket.7:SO_DOMAIN", "socket.7:SO_ERROR", "socket.7:SO_DONTROUTE",
    "socket.7:SO_INCOMING_CPU", "socket.7:SO_INCOMING_NAPI_ID", "socket.7:SO_KEEPALIVE",
    "socket.7:SO_LINGER", "socket.7:SO_LOCK_FILTER", "socket.7:SO_MARK",
    "socket.7:SO_OOBINLINE", "socket.7:SO_PASSCRED", "socket.7:SO_PASSSEC",
    "socket.7:SO_PEEK_OFF", "socket.7:SO_PEERCRED", "socket.7:SO_PEERSEC",
    "socket.7:SO_PRIORITY", "socket.7:SO_PROTOCOL", "socket.7:SO_RCVBUF",
    "socket.7:SO_RCVBUFFORCE", "socket.7:SO_RCVLOWAT", "socket.7:SO_SNDLOWAT",
    "socket.7:SO_RCVTIMEO", "socket.7:SO_SNDTIMEO", "socket.7:SO_REUSEADDR",
    "socket.7:SO_REUSEPORT", "socket.7:SO_RXQ_OVFL", "socket.7:SO_SELECT_ERR_QUEUE",
    "socket.7:SO_SNDBUF", "socket.7:SO_SNDBUFFORCE", "socket.7:SO_TIMESTAMP",
    "socket.7:SO_TIMESTAMPNS", "socket.7:SO_TYPE", "socket.7:SO_BUSY_POLL",
    "socket.7:SO_PEERNAME", "socket.7:SO_TIMESTAMPING", "socket.7:SO_NOFCS",
    "socket.7:SO_MAX_PACING_RATE", "socket.7:SO_BPF_EXTENSIONS", "socket.7:SO_WIFI_STATUS",
    "socket.7:SO_GET_FILTER");
  for (int i = 0; i < NSO(rows); i++) {
    int fd = sock(DG);
    long long buf[4] = {0, 0, 0, 0}, zero[4] = {0, 0, 0, 0};
    socklen_t len = sizeof buf;
    errno = 0;
    int r = sr_getsockopt(fd, SOL_SOCKET, rows[i].name, buf, &len);
    ck_assert_msg(rows[i].get_err ? r == -1 && errno == rows[i].get_err : r == 0,
      "get of option %d: %d errno %d", rows[i].name, r, errno);
    sr_close(fd);
    fd = sock(DG);
    errno = 0;
    r = sr_setsockopt(fd, SOL_SOCKET, rows[i].name, zero, sizeof zero);
    ck_assert_msg(rows[i].set_err ? r == -1 && errno == rows[i].set_err : r == 0,
      "set of option %d: %d errno %d", rows[i].name, r, errno);
    sr_close(fd);
  }
}
END_TEST

/* ---- defaults ------------------------------------------------------------ */
START_TEST(defaults_per_socket_type)
{
  CLAUSES("socket.7:SO_TYPE", "socket.7:SO_PROTOCOL", "socket.7:SO_DOMAIN",
    "socket.7:SO_RCVBUF", "socket.7:SO_SNDBUF", "socket.7:SO_REUSEADDR",
    "socket.7:SO_RCVLOWAT", "socket.7:SO_SNDLOWAT", "socket.7:SO_PEEK_OFF",
    "socket.7:SO_INCOMING_CPU", "socket.7:SO_BPF_EXTENSIONS", "socket.7:SO_ACCEPTCONN",
    "socket.7:SO_ERROR", "socket.7:SO_INCOMING_NAPI_ID", "socket.7:SO_BUSY_POLL");
  static const struct { int name, v[3]; } d[] = {
    {SO_TYPE, {1, 2, 3}}, {SO_PROTOCOL, {6, 17, 255}}, {SO_DOMAIN, {2, 2, 2}},
    {SO_RCVBUF, {131072, 212992, 212992}}, {SO_SNDBUF, {16384, 212992, 212992}},
    {SO_REUSEADDR, {0, 0, 1}}, {SO_RCVLOWAT, {1, 1, 1}}, {SO_SNDLOWAT, {1, 1, 1}},
    {SO_INCOMING_CPU, {-1, -1, -1}}, {SO_BPF_EXTENSIONS, {64, 64, 64}},
    {SO_ACCEPTCONN, {0, 0, 0}}, {SO_BROADCAST, {0, 0, 0}}, {SO_BSDCOMPAT, {0, 0, 0}},
    {SO_DEBUG, {0, 0, 0}}, {SO_DONTROUTE, {0, 0, 0}}, {SO_ERROR, {0, 0, 0}},
    {SO_INCOMING_NAPI_ID, {0, 0, 0}}, {SO_KEEPALIVE, {0, 0, 0}}, {SO_LOCK_FILTER, {0, 0, 0}},
    {SO_MARK, {0, 0, 0}}, {SO_OOBINLINE, {0, 0, 0}}, {SO_PRIORITY, {0, 0, 0}},
    {SO_REUSEPORT, {0, 0, 0}}, {SO_RXQ_OVFL, {0, 0, 0}}, {SO_SELECT_ERR_QUEUE, {0, 0, 0}},
    {SO_TIMESTAMP, {0, 0, 0}}, {SO_TIMESTAMPNS, {0, 0, 0}}, {SO_BUSY_POLL, {0, 0, 0}},
    {SO_NOFCS, {0, 0, 0}}, {SO_WIFI_STATUS, {0, 0, 0}},
  };
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]);
    for (int i = 0; i < NSO(d); i++)
      ck_assert_msg(geti(fd, d[i].name) == d[i].v[t], "option %d type %d: %d, expected %d",
        d[i].name, types[t], geti(fd, d[i].name), d[i].v[t]);
    if (types[t] != RW) ck_assert_int_eq(geti(fd, SO_PEEK_OFF), -1);
  }
  int fd = sock(RW);
  int v; socklen_t len = 4;
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PEEK_OFF, &v, &len), EOPNOTSUPP);
  fd = sr_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
  ck_assert_int_eq(geti(fd, SO_REUSEADDR), 1);
  ck_assert_int_eq(geti(fd, SO_PROTOCOL), 1);
}
END_TEST

START_TEST(structured_defaults)
{
  CLAUSES("socket.7:SO_LINGER", "socket.7:SO_RCVTIMEO", "socket.7:SO_SNDTIMEO",
    "socket.7:SO_PEERCRED", "socket.7:SO_BINDTODEVICE", "socket.7:SO_MAX_PACING_RATE",
    "socket.7:SO_TIMESTAMPING", "socket.7:SO_GET_FILTER");
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]);
    struct linger l = {7, 7};
    struct timeval tv = {7, 7};
    struct ucred c = {7, 7, 7};
    uint64_t rate = 0;
    int ts[2] = {7, 7};
    char name[IFNAMSIZ] = "x";
    socklen_t len = sizeof l;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_LINGER, &l, &len), 0);
    ck_assert_int_eq(len, 8); ck_assert_int_eq(l.l_onoff, 0); ck_assert_int_eq(l.l_linger, 0);
    len = 64;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, &len), 0);
    ck_assert_int_eq(len, 16); ck_assert_int_eq(tv.tv_sec, 0); ck_assert_int_eq(tv.tv_usec, 0);
    len = 16; tv.tv_sec = 7;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, &len), 0);
    ck_assert_int_eq(tv.tv_sec, 0);
    len = 100;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &c, &len), 0);
    ck_assert_int_eq(len, 12); ck_assert_int_eq(c.pid, 0);
    ck_assert_int_eq(c.uid, (uid_t) -1); ck_assert_int_eq(c.gid, (gid_t) -1);
    len = sizeof name;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, &len), 0);
    ck_assert_int_eq(len, 0); ck_assert_int_eq(name[0], 'x');
    len = 8;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &rate, &len), 0);
    ck_assert(rate == UINT64_MAX);
    len = 100;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, ts, &len), 0);
    ck_assert_int_eq(len, 8); ck_assert_int_eq(ts[0], 0); ck_assert_int_eq(ts[1], 0);
    len = 100;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, NULL, &len), 0);
    ck_assert_int_eq(len, 0);
  }
}
END_TEST

/* ---- the generic length rules -------------------------------------------- */
START_TEST(get_truncates_and_checks_pointers)
{
  CLAUSES("socket.7:SO_RCVBUF", "socket.7:SO_TYPE", "socket.7:SO_LINGER");
  int fd = sock(DG);
  unsigned char b[8];
  socklen_t len = 2;
  memset(b, 0xee, sizeof b);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_RCVBUF, b, &len), 0);
  ck_assert_int_eq(len, 2);
  ck_assert_int_eq(b[0], 212992 & 0xff); ck_assert_int_eq(b[1], (212992 >> 8) & 0xff);
  ck_assert_int_eq(b[2], 0xee);
  len = 200;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_TYPE, b, &len), 0);
  ck_assert_int_eq(len, 4);
  len = 0;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_TYPE, NULL, &len), 0);
  ck_assert_int_eq(len, 0);
  len = 4;
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_TYPE, NULL, &len), EFAULT);
  ck_assert_int_eq(len, 4);
  len = (socklen_t) -1;
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_TYPE, b, &len), EINVAL);
  ck_assert_int_eq((int) len, -1);
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_TYPE, b, NULL), EFAULT);
  len = 5;
  memset(b, 0xee, sizeof b);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_LINGER, b, &len), 0);
  ck_assert_int_eq(len, 5); ck_assert_int_eq(b[4], 0); ck_assert_int_eq(b[5], 0xee);
}
END_TEST

START_TEST(set_needs_an_int_before_the_name)
{
  CLAUSES("socket.7:SO_TYPE", "socket.7:SO_RCVBUF", "socket.7:SO_PASSCRED");
  int fd = sock(DG), v = 1;
  for (socklen_t l = 0; l < 4; l++) {
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, l), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_TYPE, &v, l), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &v, l), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, 9999, &v, l), EINVAL);
  }
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, NULL, 4), EFAULT);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, NULL, 0), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, (socklen_t) -1), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, 9999, &v, 4), ENOPROTOOPT);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, (long long[]){5}, 8), 0);
  ck_assert_int_eq(geti(fd, SO_KEEPALIVE), 1);
}
END_TEST

START_TEST(read_only_and_write_only)
{
  CLAUSES("socket.7:SO_ACCEPTCONN", "socket.7:SO_TYPE", "socket.7:SO_DOMAIN",
    "socket.7:SO_PROTOCOL", "socket.7:SO_ERROR", "socket.7:SO_PEERCRED",
    "socket.7:SO_PEERNAME", "socket.7:SO_PEERSEC", "socket.7:SO_INCOMING_NAPI_ID",
    "socket.7:SO_BPF_EXTENSIONS", "socket.7:SO_SNDLOWAT", "socket.7:SO_ATTACH_BPF",
    "socket.7:SO_ATTACH_REUSEPORT_CBPF", "socket.7:SO_ATTACH_REUSEPORT_EBPF",
    "socket.7:SO_DETACH_FILTER", "socket.7:SO_RCVBUFFORCE", "socket.7:SO_SNDBUFFORCE");
  static const int ro[] = {SO_ACCEPTCONN, SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR,
    SO_PEERCRED, SO_PEERNAME, SO_PEERSEC, SO_INCOMING_NAPI_ID, SO_BPF_EXTENSIONS, SO_SNDLOWAT};
  static const int wo[] = {SO_ATTACH_BPF, SO_ATTACH_REUSEPORT_CBPF, SO_ATTACH_REUSEPORT_EBPF,
    SO_DETACH_FILTER, SO_RCVBUFFORCE, SO_SNDBUFFORCE};
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]), v[16] = {0};
    for (int i = 0; i < NSO(ro); i++) {
      ck_fails(sr_setsockopt(fd, SOL_SOCKET, ro[i], v, 4), ENOPROTOOPT);
      ck_fails(sr_setsockopt(fd, SOL_SOCKET, ro[i], v, 64), ENOPROTOOPT);
      ck_fails(sr_setsockopt(fd, SOL_SOCKET, ro[i], v, 3), EINVAL);
    }
    for (int i = 0; i < NSO(wo); i++) {
      socklen_t len = 7;
      ck_fails(sr_getsockopt(fd, SOL_SOCKET, wo[i], v, &len), ENOPROTOOPT);
      ck_assert_int_eq(len, 7);
      len = 4;
      ck_fails(sr_getsockopt(fd, SOL_SOCKET, wo[i], NULL, &len), ENOPROTOOPT);
    }
  }
  int fd = sock(DG);
  ck_fails(seti(fd, SO_SNDLOWAT, 5), ENOPROTOOPT);
  ck_assert_int_eq(geti(fd, SO_SNDLOWAT), 1);
}
END_TEST

START_TEST(passcred_passsec_not_on_inet)
{
  CLAUSES("socket.7:SO_PASSCRED", "socket.7:SO_PASSSEC");
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]), v = 1;
    socklen_t len = 4;
    ck_fails(seti(fd, SO_PASSCRED, 1), EOPNOTSUPP);
    ck_fails(seti(fd, SO_PASSSEC, 0), EOPNOTSUPP);
    ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PASSCRED, &v, &len), EOPNOTSUPP);
    ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PASSSEC, &v, &len), EOPNOTSUPP);
    ck_assert_int_eq(len, 4);
  }
}
END_TEST

/* ---- buffers ------------------------------------------------------------- */
START_TEST(rcvbuf_and_sndbuf)
{
  CLAUSES("socket.7:SO_RCVBUF", "socket.7:SO_SNDBUF");
  static const int in[] = {0, 1, 1152, 1153, 2048, 2304, 4607, 100000, 212992, 2097152,
    4194304, 4194305, INT_MAX, -1, -2, INT_MIN};
  static const int rcv[] = {2304, 2304, 2304, 2306, 4096, 4608, 9214, 200000, 425984, 4194304,
    8388608, 8388608, 8388608, 8388608, 8388608, 8388608};
  static const int snd[] = {4608, 4608, 4608, 4608, 4608, 4608, 9214, 200000, 425984, 4194304,
    8388608, 8388608, 8388608, 8388608, 8388608, 8388608};
  for (int t = 0; t < 3; t++)
    for (int i = 0; i < NSO(in); i++) {
      int fd = sock(types[t]);
      ck_assert_int_eq(seti(fd, SO_RCVBUF, in[i]), 0);
      ck_assert_int_eq(seti(fd, SO_SNDBUF, in[i]), 0);
      ck_assert_int_eq(geti(fd, SO_RCVBUF), rcv[i]);
      ck_assert_int_eq(geti(fd, SO_SNDBUF), snd[i]);
      sr_close(fd);
    }
  int fd = sock(DG);
  ck_assert_int_eq(seti(fd, SO_SNDBUF, 2305), 0);
  ck_assert_int_eq(geti(fd, SO_SNDBUF), 4610);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_assert_int_eq(seti(fd, SO_RCVBUF, INT_MAX), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(geti(fd, SO_RCVBUF), 8388608);
}
END_TEST

START_TEST(bufforce)
{
  CLAUSES("socket.7:SO_RCVBUFFORCE", "socket.7:SO_SNDBUFFORCE");
  static const int in[] = {4194305, INT_MAX, 1 << 30, -1, INT_MIN, 0, 1000};
  static const int rcv[] = {8388610, 2147483646, 2147483646, 2304, 2304, 2304, 2304};
  static const int snd[] = {8388610, 2147483646, 2147483646, 4608, 4608, 4608, 4608};
  for (int i = 0; i < NSO(in); i++) {
    int fd = sock(i % 2 ? ST : DG);
    ck_assert_int_eq(seti(fd, SO_RCVBUFFORCE, in[i]), 0);
    ck_assert_int_eq(seti(fd, SO_SNDBUFFORCE, in[i]), 0);
    ck_assert_int_eq(geti(fd, SO_RCVBUF), rcv[i]);
    ck_assert_int_eq(geti(fd, SO_SNDBUF), snd[i]);
  }
  int fd = sock(DG);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_fails(seti(fd, SO_RCVBUFFORCE, 5000), EPERM);
  ck_fails(seti(fd, SO_SNDBUFFORCE, 5000), EPERM);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(geti(fd, SO_RCVBUF), 212992);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_RAW), 0);
  ck_assert_int_eq(seti(fd, SO_RCVBUFFORCE, 5000), 0);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_ADMIN), 0);
  ck_fails(seti(fd, SO_SNDBUFFORCE, 5000), EPERM);
}
END_TEST

START_TEST(bufforce_needs_net_admin_not_net_raw)
{
  CLAUSES("socket.7:SO_RCVBUFFORCE", "socket.7:SO_SNDBUFFORCE");
  int fd = sock(DG);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_ADMIN), 0);
  ck_fails(seti(fd, SO_RCVBUFFORCE, 5000), EPERM);
  ck_fails(seti(fd, SO_SNDBUFFORCE, 5000), EPERM);
}
END_TEST

START_TEST(rcvlowat)
{
  CLAUSES("socket.7:SO_RCVLOWAT");
  static const int in[] = {0, 1, 2, 100, 65536, 212993, INT_MAX, -1, INT_MIN};
  static const int tcp[] = {1, 1, 2, 100, 65536, 212993, 16777216, 16777216, 16777216};
  static const int other[] = {1, 1, 2, 100, 65536, 212993, INT_MAX, INT_MAX, INT_MAX};
  for (int t = 0; t < 3; t++)
    for (int i = 0; i < NSO(in); i++) {
      int fd = sock(types[t]);
      ck_assert_int_eq(seti(fd, SO_RCVLOWAT, in[i]), 0);
      ck_assert_int_eq(geti(fd, SO_RCVLOWAT), types[t] == ST ? tcp[i] : other[i]);
      sr_close(fd);
    }
  int fd = sock(ST);
  ck_assert_int_eq(seti(fd, SO_RCVBUF, 1000), 0);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, 100000), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), 1152);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, INT_MAX), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), 1152);
  fd = sock(DG);
  ck_assert_int_eq(seti(fd, SO_RCVBUF, 1000), 0);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, 100000), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), 100000);
}
END_TEST

START_TEST(tcp_rcvlowat_grows_the_buffer)
{
  CLAUSES("socket.7:SO_RCVLOWAT", "socket.7:SO_RCVBUF");
  static const int in[] = {1000, 65536, 65537, 100000, 16777216, -1};
  static const int buf[] = {131072, 131072, 131074, 200000, 33554432, 33554432};
  for (int i = 0; i < NSO(in); i++) {
    int fd = sock(ST);
    ck_assert_int_eq(seti(fd, SO_RCVLOWAT, in[i]), 0);
    ck_assert_int_eq(geti(fd, SO_RCVBUF), buf[i]);
    sr_close(fd);
  }
  int fd = sock(ST);
  ck_assert_int_eq(seti(fd, SO_RCVBUF, 100000), 0);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, 150000), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), 100000);
  ck_assert_int_eq(geti(fd, SO_RCVBUF), 200000);
  fd = sock(ST);
  ck_assert_int_eq(seti(fd, SO_RCVBUFFORCE, 1000), 0);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, 5000), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), 1152);
  fd = sock(ST);
  ck_assert_int_eq(seti(fd, SO_SNDBUF, 1000), 0);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, 100000), 0);
  ck_assert_int_eq(geti(fd, SO_RCVBUF), 200000);
  fd = sock(ST);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, 100000), 0);
  ck_assert_int_eq(seti(fd, SO_RCVBUF, 1000), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), 100000);
  ck_assert_int_eq(geti(fd, SO_RCVBUF), 2304);
}
END_TEST

START_TEST(ping_sockets)
{
  CLAUSES("socket.7:SO_PEEK_OFF", "socket.7:SO_REUSEADDR", "socket.7:SO_RCVLOWAT");
  int fd = ping_sock(), v;
  socklen_t len = 4;
  ck_assert_int_eq(geti(fd, SO_TYPE), 2);
  ck_assert_int_eq(geti(fd, SO_PROTOCOL), 1);
  ck_assert_int_eq(geti(fd, SO_REUSEADDR), 1);
  ck_assert_int_eq(geti(fd, SO_RCVBUF), 212992);
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PEEK_OFF, &v, &len), EOPNOTSUPP);
  ck_fails(seti(fd, SO_PEEK_OFF, 3), EOPNOTSUPP);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, -1), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), INT_MAX);
  ck_assert_int_eq(seti(fd, SO_RCVLOWAT, 0), 0);
  ck_assert_int_eq(geti(fd, SO_RCVLOWAT), 1);
}
END_TEST

START_TEST(sndlowat)
{
  CLAUSES("socket.7:SO_SNDLOWAT");
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]), v = 0;
    ck_assert_int_eq(geti(fd, SO_SNDLOWAT), 1);
    ck_fails(seti(fd, SO_SNDLOWAT, 0), ENOPROTOOPT);
    ck_fails(seti(fd, SO_SNDLOWAT, -1), ENOPROTOOPT);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_SNDLOWAT, &v, 2), EINVAL);
  }
}
END_TEST

/* ---- timeouts -------------------------------------------------------------- */
static void timeo_case(int name, long sec, long usec, int err, long rsec, long rusec)
{
  int fd = sock(DG);
  struct timeval tv = {sec, usec}, g = {7, 7};
  socklen_t len = sizeof g;
  if (err) ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, &tv, sizeof tv), err);
  else ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, name, &tv, sizeof tv), 0);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, name, &g, &len), 0);
  ck_assert_int_eq(len, 16);
  ck_assert_msg(g.tv_sec == rsec && g.tv_usec == rusec, "{%ld,%ld} read {%ld,%ld}, expected {%ld,%ld}",
    sec, usec, (long) g.tv_sec, (long) g.tv_usec, rsec, rusec);
  sr_close(fd);
}

START_TEST(timeouts_round_to_ticks)
{
  CLAUSES("socket.7:SO_RCVTIMEO", "socket.7:SO_SNDTIMEO");
  static const long c[][5] = {
    {0, 1, 0, 0, 4000}, {0, 2000, 0, 0, 4000}, {0, 3999, 0, 0, 4000}, {0, 4000, 0, 0, 4000},
    {0, 4001, 0, 0, 8000}, {0, 8001, 0, 0, 12000}, {0, 999999, 0, 1, 0}, {1, 1, 0, 1, 4000},
    {3, 250000, 0, 3, 252000}, {2147483648L, 0, 0, 2147483648L, 0}, {100000000, 0, 0, 100000000, 0},
    {0, 0, 0, 0, 0}, {-1, 0, 0, 0, 0}, {LONG_MIN, 0, 0, 0, 0}, {LONG_MAX, 0, 0, 0, 0},
    {LONG_MAX / 250, 0, 0, 0, 0}, {LONG_MAX / 250 - 1, 999999, 0, 0, 0},
    {LONG_MAX / 250 - 1, 0, 0, 0, 0},
    {LONG_MAX / 250 - 2, 999999, 0, LONG_MAX / 250 - 1, 0},
    {LONG_MAX / 250 - 2, 0, 0, LONG_MAX / 250 - 2, 0},
    {0, 1000000, EDOM, 0, 0}, {0, -1, EDOM, 0, 0}, {-5, -1, EDOM, 0, 0}, {-1, 1000000, EDOM, 0, 0},
  };
  for (int n = 0; n < 2; n++)
    for (int i = 0; i < NSO(c); i++)
      timeo_case(n ? SO_SNDTIMEO : SO_RCVTIMEO, c[i][0], c[i][1], (int) c[i][2], c[i][3], c[i][4]);
}
END_TEST

START_TEST(timeouts_lengths)
{
  CLAUSES("socket.7:SO_RCVTIMEO", "socket.7:SO_SNDTIMEO");
  int fd = sock(ST);
  struct { struct timeval tv; long pad; } big = {{2, 0}, 0};
  struct timeval g;
  socklen_t len;
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &big, 8), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &big, 12), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &big, 3), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, NULL, 16), EFAULT);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &big, 24), 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &big, 20), 0);
  len = 8;
  g.tv_sec = 0;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &g, &len), 0);
  ck_assert_int_eq(len, 8); ck_assert_int_eq(g.tv_sec, 2);
  /* a negative second count after a real timeout: {0,0} again */
  big.tv.tv_sec = -1;
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &big, 16), 0);
  len = 16;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &g, &len), 0);
  ck_assert_int_eq(g.tv_sec, 0); ck_assert_int_eq(g.tv_usec, 0);
}
END_TEST

START_TEST(linger)
{
  CLAUSES("socket.7:SO_LINGER");
  int fd = sock(ST);
  struct linger l, g;
  socklen_t len = sizeof g;
#define LSET(on, t) (l.l_onoff = (on), l.l_linger = (t), sr_setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l))
#define LGET() do { len = sizeof g; \
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_LINGER, &g, &len), 0); } while (0)
  ck_assert_int_eq(LSET(0, 5), 0); LGET();
  ck_assert_int_eq(g.l_onoff, 0); ck_assert_int_eq(g.l_linger, 0);
  ck_assert_int_eq(LSET(2, 5), 0); LGET();
  ck_assert_int_eq(g.l_onoff, 1); ck_assert_int_eq(g.l_linger, 5);
  ck_assert_int_eq(LSET(0, 9), 0); LGET();
  ck_assert_int_eq(g.l_onoff, 0); ck_assert_int_eq(g.l_linger, 5);
  static const int exact[] = {0, 1000000, 8589934, 8589935, INT_MAX};
  for (int i = 0; i < NSO(exact); i++) {
    ck_assert_int_eq(LSET(-1, exact[i]), 0); LGET();
    ck_assert_int_eq(g.l_onoff, 1); ck_assert_int_eq(g.l_linger, exact[i]);
  }
  ck_assert_int_eq(LSET(256, -1), 0); LGET();
  ck_assert_int_eq(g.l_onoff, 1); ck_assert_int_eq(g.l_linger, -1752346657);
  ck_assert_int_eq(LSET(1, INT_MIN), 0); LGET();
  ck_assert_int_eq(g.l_linger, -1752346657);
  ck_assert_int_eq(LSET(0, 3), 0); LGET();
  ck_assert_int_eq(g.l_onoff, 0); ck_assert_int_eq(g.l_linger, -1752346657);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, 4), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, 7), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_LINGER, NULL, 8), EFAULT);
  long long wide[2] = {0, 0};
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_LINGER, wide, 16), 0);
  unsigned char b[8];
  memset(b, 0xee, sizeof b);
  len = 3;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_LINGER, b, &len), 0);
  ck_assert_int_eq(len, 3); ck_assert_int_eq(b[3], 0xee);
#undef LSET
#undef LGET
}
END_TEST

START_TEST(linger_forever_follows_hz)
{
  CLAUSES("socket.7:SO_LINGER");
  int fd = sock(ST);
  struct linger l = {1, -1}, g;
  socklen_t len = sizeof g;
  ck_assert_int_eq(sr_set_hz(1000), 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l), 0);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_LINGER, &g, &len), 0);
  ck_assert_int_eq(g.l_linger, (int) (uint32_t) (LONG_MAX / 1000));
}
END_TEST

/* ---- flags and values ------------------------------------------------------ */
START_TEST(boolean_flags)
{
  CLAUSES("socket.7:SO_BROADCAST", "socket.7:SO_KEEPALIVE", "socket.7:SO_OOBINLINE",
    "socket.7:SO_DONTROUTE", "socket.7:SO_RXQ_OVFL", "socket.7:SO_SELECT_ERR_QUEUE",
    "socket.7:SO_NOFCS", "socket.7:SO_WIFI_STATUS", "socket.7:SO_REUSEPORT",
    "socket.7:SO_REUSEADDR", "socket.7:SO_DEBUG", "socket.7:SO_LOCK_FILTER");
  static const int names[] = {SO_BROADCAST, SO_KEEPALIVE, SO_OOBINLINE, SO_DONTROUTE,
    SO_RXQ_OVFL, SO_SELECT_ERR_QUEUE, SO_NOFCS, SO_WIFI_STATUS, SO_REUSEPORT, SO_REUSEADDR,
    SO_DEBUG};
  static const int on[] = {1, 2, -1, 0x100, 0x10000, INT_MIN};
  for (int t = 0; t < 3; t++)
    for (int i = 0; i < NSO(names); i++) {
      int fd = sock(types[t]);
      for (int k = 0; k < NSO(on); k++) {
        ck_assert_int_eq(seti(fd, names[i], on[k]), 0);
        ck_assert_int_eq(geti(fd, names[i]), 1);
        ck_assert_int_eq(seti(fd, names[i], 0), 0);
        ck_assert_int_eq(geti(fd, names[i]), 0);
      }
      sr_close(fd);
    }
  /* the flags are independent */
  int fd = sock(DG);
  ck_assert_int_eq(seti(fd, SO_BROADCAST, 1), 0);
  ck_assert_int_eq(geti(fd, SO_KEEPALIVE), 0);
  ck_assert_int_eq(geti(fd, SO_DONTROUTE), 0);
  ck_assert_int_eq(geti(fd, SO_BROADCAST), 1);
  ck_assert_int_eq(seti(fd, SO_LOCK_FILTER, 7), 0);
  ck_assert_int_eq(geti(fd, SO_LOCK_FILTER), 1);
}
END_TEST

START_TEST(flags_unprivileged)
{
  CLAUSES("socket.7:SO_REUSEADDR", "socket.7:SO_REUSEPORT", "socket.7:SO_KEEPALIVE",
    "socket.7:SO_BROADCAST", "socket.7:SO_DONTROUTE", "socket.7:SO_NOFCS",
    "socket.7:SO_WIFI_STATUS", "socket.7:SO_RXQ_OVFL", "socket.7:SO_PEEK_OFF",
    "socket.7:SO_LOCK_FILTER", "socket.7:SO_INCOMING_CPU", "socket.7:SO_MAX_PACING_RATE",
    "socket.7:SO_TIMESTAMPING");
  int fd = sock(DG);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  static const int names[] = {SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, SO_BROADCAST,
    SO_DONTROUTE, SO_NOFCS, SO_WIFI_STATUS, SO_RXQ_OVFL, SO_PEEK_OFF, SO_LOCK_FILTER,
    SO_INCOMING_CPU, SO_MAX_PACING_RATE, SO_TIMESTAMPING};
  for (int i = 0; i < NSO(names); i++) ck_assert_int_eq(seti(fd, names[i], 1), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(geti(fd, SO_REUSEPORT), 1);
  ck_assert_int_eq(geti(fd, SO_PEEK_OFF), 1);
}
END_TEST

START_TEST(bsdcompat)
{
  CLAUSES("socket.7:SO_BSDCOMPAT");
  int fd = sock(DG);
  ck_assert_int_eq(seti(fd, SO_BSDCOMPAT, 1), 0);
  ck_assert_int_eq(geti(fd, SO_BSDCOMPAT), 0);
  ck_assert_int_eq(seti(fd, SO_BSDCOMPAT, -7), 0);
  ck_assert_int_eq(geti(fd, SO_BSDCOMPAT), 0);
}
END_TEST

START_TEST(debug_privilege)
{
  CLAUSES("socket.7:SO_DEBUG");
  int fd = sock(DG);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_fails(seti(fd, SO_DEBUG, 1), EACCES);
  ck_fails(seti(fd, SO_DEBUG, -1), EACCES);
  ck_assert_int_eq(seti(fd, SO_DEBUG, 0), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(geti(fd, SO_DEBUG), 0);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_ADMIN), 0);
  ck_fails(seti(fd, SO_DEBUG, 1), EACCES);
}
END_TEST

START_TEST(priority)
{
  CLAUSES("socket.7:SO_PRIORITY");
  static const int any[] = {7, 8, 256, 65536, INT_MAX, -1, INT_MIN, 0, 6};
  int fd = sock(DG);
  for (int i = 0; i < NSO(any); i++) {
    ck_assert_int_eq(seti(fd, SO_PRIORITY, any[i]), 0);
    ck_assert_int_eq(geti(fd, SO_PRIORITY), any[i]);
  }
  ck_assert_int_eq(seti(fd, SO_PRIORITY, 9), 0);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_fails(seti(fd, SO_PRIORITY, 9), EPERM);
  ck_fails(seti(fd, SO_PRIORITY, 7), EPERM);
  ck_fails(seti(fd, SO_PRIORITY, -1), EPERM);
  for (int v = 0; v <= 6; v++) ck_assert_int_eq(seti(fd, SO_PRIORITY, v), 0);
  ck_assert_int_eq(seti(fd, SO_PRIORITY, 3), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(geti(fd, SO_PRIORITY), 3);
}
END_TEST

START_TEST(priority_and_mark_take_either_capability)
{
  CLAUSES("socket.7:SO_PRIORITY", "socket.7:SO_MARK");
  int fd = sock(DG);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_ADMIN), 0);
  ck_assert_int_eq(seti(fd, SO_PRIORITY, 7), 0);
  ck_assert_int_eq(seti(fd, SO_PRIORITY, -1), 0);
  ck_assert_int_eq(seti(fd, SO_MARK, 1), 0);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_RAW), 0);
  ck_fails(seti(fd, SO_PRIORITY, 7), EPERM);
  ck_assert_int_eq(seti(fd, SO_PRIORITY, 6), 0);
  ck_fails(seti(fd, SO_MARK, 1), EPERM);
  ck_fails(seti(fd, SO_MARK, 0), EPERM);
  ck_assert_int_eq(geti(fd, SO_MARK), 1);
}
END_TEST

START_TEST(mark)
{
  CLAUSES("socket.7:SO_MARK");
  int fd = sock(RW);
  static const int v[] = {1, -1, INT_MIN, INT_MAX, 0};
  for (int i = 0; i < NSO(v); i++) {
    ck_assert_int_eq(seti(fd, SO_MARK, v[i]), 0);
    ck_assert_int_eq(geti(fd, SO_MARK), v[i]);
  }
  fd = sock(DG);
  ck_assert_int_eq(seti(fd, SO_MARK, 7), 0);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_fails(seti(fd, SO_MARK, 7), EPERM);
  ck_fails(seti(fd, SO_MARK, 0), EPERM);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(geti(fd, SO_MARK), 7);
}
END_TEST

START_TEST(incoming_cpu_and_napi_id)
{
  CLAUSES("socket.7:SO_INCOMING_CPU", "socket.7:SO_INCOMING_NAPI_ID");
  static const int v[] = {0, 1, 63, 64, 1000, -1, -2, INT_MAX, INT_MIN};
  int fd = sock(ST);
  for (int i = 0; i < NSO(v); i++) {
    ck_assert_int_eq(seti(fd, SO_INCOMING_CPU, v[i]), 0);
    ck_assert_int_eq(geti(fd, SO_INCOMING_CPU), v[i]);
  }
  ck_assert_int_eq(geti(fd, SO_INCOMING_NAPI_ID), 0);
  ck_fails(seti(fd, SO_INCOMING_NAPI_ID, 5), ENOPROTOOPT);
}
END_TEST

START_TEST(busy_poll)
{
  CLAUSES("socket.7:SO_BUSY_POLL");
  int fd = sock(DG);
  ck_fails(seti(fd, SO_BUSY_POLL, -1), EINVAL);
  ck_fails(seti(fd, SO_BUSY_POLL, INT_MIN), EINVAL);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  static const int v[] = {1, 1000000, INT_MAX, 0, 5};
  for (int i = 0; i < NSO(v); i++) {
    ck_assert_int_eq(seti(fd, SO_BUSY_POLL, v[i]), 0);
    ck_assert_int_eq(geti(fd, SO_BUSY_POLL), v[i]);
  }
  ck_fails(seti(fd, SO_BUSY_POLL, -1), EINVAL);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(geti(fd, SO_BUSY_POLL), 5);
}
END_TEST

START_TEST(peek_off)
{
  CLAUSES("socket.7:SO_PEEK_OFF");
  static const int v[] = {-2, INT_MIN, INT_MAX, 0, 4};
  for (int t = 0; t < 2; t++) {
    int fd = sock(types[t]);
    for (int i = 0; i < NSO(v); i++) {
      ck_assert_int_eq(seti(fd, SO_PEEK_OFF, v[i]), 0);
      ck_assert_int_eq(geti(fd, SO_PEEK_OFF), v[i]);
    }
  }
  int fd = sock(RW), x = 3;
  socklen_t len = 4;
  ck_fails(seti(fd, SO_PEEK_OFF, 3), EOPNOTSUPP);
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PEEK_OFF, &x, &len), EOPNOTSUPP);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_PEEK_OFF, &x, 2), EINVAL);
}
END_TEST

START_TEST(timestamp_and_timestampns)
{
  CLAUSES("socket.7:SO_TIMESTAMP", "socket.7:SO_TIMESTAMPNS");
  int fd = sock(DG);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMP, 5), 0);
  ck_assert_int_eq(geti(fd, SO_TIMESTAMP), 1); ck_assert_int_eq(geti(fd, SO_TIMESTAMPNS), 0);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMPNS, 1), 0);
  ck_assert_int_eq(geti(fd, SO_TIMESTAMP), 0); ck_assert_int_eq(geti(fd, SO_TIMESTAMPNS), 1);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMP, 1), 0);
  ck_assert_int_eq(geti(fd, SO_TIMESTAMP), 1); ck_assert_int_eq(geti(fd, SO_TIMESTAMPNS), 0);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMPNS, 1), 0);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMP, 0), 0);
  ck_assert_int_eq(geti(fd, SO_TIMESTAMP), 0); ck_assert_int_eq(geti(fd, SO_TIMESTAMPNS), 0);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMP, 1), 0);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMPNS, 0), 0);
  ck_assert_int_eq(geti(fd, SO_TIMESTAMP), 0);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMP, 1), 0);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMPING, 5), 0);
  ck_assert_int_eq(geti(fd, SO_TIMESTAMP), 1);
  ck_assert_int_eq(seti(fd, SO_TIMESTAMPING, 0), 0);
  ck_assert_int_eq(geti(fd, SO_TIMESTAMP), 1);
}
END_TEST

START_TEST(timestamping)
{
  CLAUSES("socket.7:SO_TIMESTAMPING");
  static const int ok[] = {1, 2, 0x10, 0x40, 0x800, 0x20000, 0x40000, 0};
  static const int bad[] = {0x1000, 0x10000, 0x80000, -1};
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]);
    for (int i = 0; i < NSO(ok); i++) {
      int r[2] = {7, 7};
      socklen_t len = 8;
      ck_assert_int_eq(seti(fd, SO_TIMESTAMPING, ok[i]), 0);
      ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, r, &len), 0);
      ck_assert_int_eq(len, 8); ck_assert_int_eq(r[0], ok[i]); ck_assert_int_eq(r[1], 0);
    }
    for (int i = 0; i < NSO(bad); i++) ck_fails(seti(fd, SO_TIMESTAMPING, bad[i]), EINVAL);
    if (types[t] == ST) {
      ck_fails(seti(fd, SO_TIMESTAMPING, 0x80), EINVAL);
      ck_fails(seti(fd, SO_TIMESTAMPING, 0x7fff), EINVAL);
      ck_fails(seti(fd, SO_TIMESTAMPING, 0x10080), EINVAL);
    } else {
      ck_assert_int_eq(seti(fd, SO_TIMESTAMPING, 0x80), 0);
      ck_assert_int_eq(seti(fd, SO_TIMESTAMPING, 0x7fff), 0);
      ck_assert_int_eq(seti(fd, SO_TIMESTAMPING, 0x10080), 0);
      ck_assert_int_eq(seti(fd, SO_TIMESTAMPING, 0x1800), 0);
    }
    ck_fails(seti(fd, SO_TIMESTAMPING, 0x8000), EOPNOTSUPP);
  }
  int fd = sock(DG);
  int pair[2] = {3, 7}, r[2];
  socklen_t len = 5;
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, pair, 8), 0);
  memset(r, 0xee, sizeof r);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, r, &len), 0);
  ck_assert_int_eq(len, 5); ck_assert_int_eq(r[0], 3);
  ck_assert_int_eq(((unsigned char *) r)[4], 0); ck_assert_int_eq(((unsigned char *) r)[5], 0xee);
  long long q = 0x0000000100000011LL;
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, &q, 12), 0);
  len = 8;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, r, &len), 0);
  ck_assert_int_eq(r[0], 0x11); ck_assert_int_eq(r[1], 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), 0);
  ck_fails(seti(fd, SO_TIMESTAMPING, 0x8000), EINVAL);
  pair[0] = 0x8000; pair[1] = 0;
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, pair, 8), EINVAL);
}
END_TEST

START_TEST(max_pacing_rate)
{
  CLAUSES("socket.7:SO_MAX_PACING_RATE");
  int fd = sock(ST);
  uint64_t v64 = 0;
  unsigned char b[8];
  socklen_t len;
  for (socklen_t l = 5; l <= 7; l++) {
    len = l;
    memset(b, 0, sizeof b);
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, b, &len), 0);
    ck_assert_int_eq(len, 4); ck_assert_int_eq(b[3], 0xff); ck_assert_int_eq(b[4], 0);
  }
  len = 2;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, b, &len), 0);
  ck_assert_int_eq(len, 2);
  ck_assert_int_eq(seti(fd, SO_MAX_PACING_RATE, 1), 0);
  len = 64;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &v64, &len), 0);
  ck_assert_int_eq(len, 8); ck_assert(v64 == 1);
  v64 = 0x100000000ULL;
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &v64, 8), 0);
  uint32_t v32 = 0;
  len = 4;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &v32, &len), 0);
  ck_assert_uint_eq(v32, 0xffffffffu);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &v64, 4), 0);
  len = 8;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &v64, &len), 0);
  ck_assert(v64 == 0);
  ck_assert_int_eq(seti(fd, SO_MAX_PACING_RATE, -1), 0);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &v64, &len), 0);
  ck_assert(v64 == UINT64_MAX);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_MAX_PACING_RATE, &v64, 3), EINVAL);
}
END_TEST

/* ---- read-only options ------------------------------------------------------ */
START_TEST(identity_and_error)
{
  CLAUSES("socket.7:SO_TYPE", "socket.7:SO_DOMAIN", "socket.7:SO_PROTOCOL",
    "socket.7:SO_ERROR", "socket.7:SO_ACCEPTCONN", "socket.7:SO_BPF_EXTENSIONS");
  int fd = sr_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
  ck_assert_int_eq(geti(fd, SO_TYPE), SOCK_STREAM);
  ck_assert_int_eq(geti(fd, SO_PROTOCOL), IPPROTO_TCP);
  ck_assert_int_eq(geti(fd, SO_DOMAIN), AF_INET);
  ck_assert_int_eq(geti(fd, SO_ERROR), 0);
  ck_assert_int_eq(geti(fd, SO_ERROR), 0);
  ck_assert_int_eq(geti(fd, SO_ACCEPTCONN), 0);
  ck_assert_int_eq(geti(fd, SO_BPF_EXTENSIONS), 64);
  unsigned char b = 0;
  socklen_t len = 1;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_BPF_EXTENSIONS, &b, &len), 0);
  ck_assert_int_eq(b, 0x40); ck_assert_int_eq(len, 1);
}
END_TEST

START_TEST(peer_options)
{
  CLAUSES("socket.7:SO_PEERCRED", "socket.7:SO_PEERSEC", "ip.7:SO_PEERSEC",
    "socket.7:SO_PEERNAME");
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]);
    unsigned char b[64];
    socklen_t len = 5;
    memset(b, 0xee, sizeof b);
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_PEERCRED, b, &len), 0);
    ck_assert_int_eq(len, 5);
    ck_assert_int_eq(b[0], 0); ck_assert_int_eq(b[4], 0xff); ck_assert_int_eq(b[5], 0xee);
    for (socklen_t l = 0; l <= 64; l += 16) {
      len = l;
      ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PEERSEC, b, &len), ENOPROTOOPT);
      ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PEERNAME, b, &len), ENOTCONN);
      ck_assert_int_eq(len, l);
    }
    len = 4;
    ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_PEERNAME, NULL, &len), ENOTCONN);
  }
}
END_TEST

/* ---- the device binding --------------------------------------------------------- */
static void expect_bound(int fd, const char *name)
{
  char b[32];
  socklen_t len = sizeof b;
  memset(b, 'z', sizeof b);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, b, &len), 0);
  if (!name) { ck_assert_int_eq(len, 0); ck_assert_int_eq(b[0], 'z'); return; }
  ck_assert_int_eq(len, strlen(name) + 1);
  ck_assert_str_eq(b, name);
  ck_assert_int_eq(b[len], 'z');
}

START_TEST(bindtodevice_set)
{
  CLAUSES("socket.7:SO_BINDTODEVICE");
  int fd = sock(DG);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), 0);
  expect_bound(fd, "lo");
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "", 0), 0);
  expect_bound(fd, NULL);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 2), 0);
  expect_bound(fd, "lo");
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, NULL, 0), 0);
  expect_bound(fd, NULL);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lox", 2), 0);
  expect_bound(fd, "lo");
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "\0lo", 3), 0);
  expect_bound(fd, NULL);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo\0garbage\0garbage\0garb", 24), 0);
  char padded[40] = "lo";
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, padded, 40), 0);
  expect_bound(fd, "lo");
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "eth0", 5), 0);
  expect_bound(fd, "eth0");
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 1), ENODEV);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "eth9", 5), ENODEV);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "abcdefghijklmno", 15), ENODEV);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "abcdefghijklmnopqrstu", 22), ENODEV);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "loxxxxxxxxxxxxx", 16), ENODEV);
  expect_bound(fd, "eth0");
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, NULL, 3), EFAULT);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", (socklen_t) -1), EINVAL);
}
END_TEST

START_TEST(bindtodevice_get)
{
  CLAUSES("socket.7:SO_BINDTODEVICE");
  int fd = sock(ST);
  char b[40];
  socklen_t len;
  for (socklen_t l = 0; l <= 16; l++) {
    len = l;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, NULL, &len), 0);
    ck_assert_int_eq(len, 0);
  }
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), 0);
  for (socklen_t l = 0; l < 16; l++) {
    len = l;
    ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, b, &len), EINVAL);
    ck_assert_int_eq(len, l);
  }
  len = 16;
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, NULL, &len), EFAULT);
  ck_assert_int_eq(len, 16);
  memset(b, 'z', sizeof b);
  len = 40;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, b, &len), 0);
  ck_assert_int_eq(len, 3);
  ck_assert_int_eq(b[0], 'l'); ck_assert_int_eq(b[2], 0); ck_assert_int_eq(b[3], 'z');
}
END_TEST

START_TEST(bindtodevice_privilege)
{
  CLAUSES("socket.7:SO_BINDTODEVICE");
  int fd = sock(DG), fd2 = sock(DG);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "", 0), 0);
  ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), 0);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "", 1), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, NULL, 0), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "nosuch", 7), ENODEV);
  ck_assert_int_eq(sr_seteuid(0), 0);
  expect_bound(fd, "lo");
  ck_assert_int_eq(sr_setsockopt(fd2, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), 0);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_ADMIN), 0);
  ck_assert_int_eq(sr_setsockopt(fd2, SOL_SOCKET, SO_BINDTODEVICE, "", 0), 0);
  ck_assert_int_eq(sr_setsockopt(fd2, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), 0);
  ck_assert_int_eq(sr_cap_drop(CAP_NET_RAW), 0);
  ck_fails(sr_setsockopt(fd2, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3), EPERM);
}
END_TEST

/* ---- filters ------------------------------------------------------------------ */
static struct sock_filter ret1[] = {{BPF_RET | BPF_K, 0, 0, 0xffff}};

static int attach(int fd, struct sock_filter *f, unsigned short n)
{
  struct sock_fprog p = {n, f};
  return sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p, sizeof p);
}

START_TEST(attach_get_detach)
{
  CLAUSES("socket.7:SO_ATTACH_FILTER", "socket.7:SO_GET_FILTER",
    "socket.7:SO_DETACH_FILTER", "socket.7:SO_DETACH_BPF");
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]), v = 0;
    struct sock_filter g[4];
    socklen_t len;
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &v, 4), ENOENT);
    ck_assert_int_eq(attach(fd, ret1, 1), 0);
    for (socklen_t l = 1; l <= 100; l = l * 2 + 6) {
      len = l;
      memset(g, 0xee, sizeof g);
      ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), 0);
      ck_assert_int_eq(len, 1);
      ck_assert_int_eq(g[0].code, BPF_RET | BPF_K); ck_assert_uint_eq(g[0].k, 0xffff);
      ck_assert_int_eq(g[1].code, 0xeeee);
    }
    len = 0;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), 0);
    ck_assert_int_eq(len, 1);
    len = 1;
    ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, NULL, &len), EFAULT);
    ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_DETACH_BPF, &v, 4), 0);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &v, 4), ENOENT);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &v, 3), EINVAL);
    len = 4;
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), 0);
    ck_assert_int_eq(len, 0);
  }
}
END_TEST

START_TEST(get_filter_counts_instructions)
{
  CLAUSES("socket.7:SO_GET_FILTER");
  struct sock_filter f3[] = {{BPF_LD | BPF_IMM, 0, 0, 5}, {BPF_ALU | BPF_ADD | BPF_K, 0, 0, 1},
    {BPF_RET | BPF_A, 0, 0, 0}};
  struct sock_filter g[8];
  int fd = sock(DG);
  socklen_t len;
  ck_assert_int_eq(attach(fd, f3, 3), 0);
  len = 0;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, NULL, &len), 0);
  ck_assert_int_eq(len, 3);
  for (socklen_t l = 1; l <= 2; l++) {
    len = l;
    ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), EINVAL);
    ck_assert_int_eq(len, l);
  }
  len = 5;
  memset(g, 0xee, sizeof g);
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), 0);
  ck_assert_int_eq(len, 3);
  ck_assert_uint_eq(g[0].k, 5); ck_assert_int_eq(g[2].code, BPF_RET | BPF_A);
  ck_assert_int_eq(g[3].code, 0xeeee);
  len = 3;
  ck_fails(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, NULL, &len), EFAULT);
  ck_assert_int_eq(attach(fd, ret1, 1), 0);
  len = 8;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), 0);
  ck_assert_int_eq(len, 1);
}
END_TEST

START_TEST(attach_filter_lengths)
{
  CLAUSES("socket.7:SO_ATTACH_FILTER");
  int fd = sock(DG);
  struct sock_fprog p = {1, ret1}, p0 = {0, ret1}, pnull = {1, NULL};
  struct { struct sock_fprog p; char pad[16]; } big = {{1, ret1}, {0}};
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p, 8), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p, 15), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &big, 32), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p, 3), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, NULL, 4), EFAULT);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, NULL, 16), EFAULT);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p0, 16), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &pnull, 16), EINVAL);
  static struct sock_filter many[BPF_MAXINSNS + 1];
  for (int i = 0; i <= BPF_MAXINSNS; i++) many[i] = ret1[0];
  ck_fails(attach(fd, many, BPF_MAXINSNS + 1), EINVAL);
  ck_assert_int_eq(attach(fd, many, BPF_MAXINSNS), 0);
  socklen_t len = 0;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, NULL, &len), 0);
  ck_assert_int_eq(len, BPF_MAXINSNS);
  /* a failed attach leaves the old program */
  ck_fails(attach(fd, ret1, 0), EINVAL);
  len = 0;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, NULL, &len), 0);
  ck_assert_int_eq(len, BPF_MAXINSNS);
}
END_TEST

START_TEST(classic_program_checks)
{
  CLAUSES("socket.7:SO_ATTACH_FILTER");
  static const struct { struct sock_filter f[3]; unsigned short n; int err; } c[] = {
    {{{BPF_RET | BPF_A, 0, 0, 0}}, 1, 0},
    {{{BPF_RET | BPF_X, 0, 0, 0}}, 1, EINVAL},
    {{{BPF_LD | BPF_IMM, 0, 0, 5}, {BPF_RET | BPF_K, 0, 0, 1}}, 2, 0},
    {{{BPF_LD | BPF_IMM, 0, 0, 5}}, 1, EINVAL},
    {{{BPF_ALU | BPF_DIV | BPF_K, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_ALU | BPF_MOD | BPF_K, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_ALU | BPF_DIV | BPF_X, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_ALU | BPF_LSH | BPF_K, 0, 0, 31}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_ALU | BPF_LSH | BPF_K, 0, 0, 32}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_JMP | BPF_JA, 0, 0, 1}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_JMP | BPF_JA, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_ST, 0, 0, 15}, {BPF_LD | BPF_MEM, 0, 0, 15}, {BPF_RET | BPF_A, 0, 0, 0}}, 3, 0},
    {{{BPF_ST, 0, 0, 16}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_LD | BPF_MEM, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_LDX | BPF_MEM, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{0xffff, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_RET | BPF_K, 0, 0, 1}, {0xffff, 0, 0, 0}, {BPF_RET | BPF_K, 0, 0, 1}}, 3, EINVAL},
    {{{BPF_LD | BPF_W | BPF_ABS, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_LD | BPF_W | BPF_ABS, 0, 0, (uint32_t) SKF_AD_OFF}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_LD | BPF_W | BPF_ABS, 0, 0, (uint32_t) SKF_AD_OFF + 64}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, EINVAL},
    {{{BPF_ALU | BPF_NEG, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_MISC | BPF_TAX, 0, 0, 0}, {BPF_MISC | BPF_TXA, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 3, 0},
    {{{BPF_LDX | BPF_B | BPF_MSH, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_ALU | BPF_XOR | BPF_K, 0, 0, 7}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
    {{{BPF_LD | BPF_H | BPF_IND, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}}, 2, 0},
  };
  for (int i = 0; i < NSO(c); i++) {
    int fd = sock(DG);
    struct sock_fprog p = {c[i].n, (struct sock_filter *) c[i].f};
    errno = 0;
    int r = sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p, sizeof p);
    ck_assert_msg(c[i].err ? r == -1 && errno == c[i].err : r == 0, "case %d: %d errno %d", i, r, errno);
    sr_close(fd);
  }
}
END_TEST

START_TEST(lock_filter)
{
  CLAUSES("socket.7:SO_LOCK_FILTER", "socket.7:SO_ATTACH_FILTER", "socket.7:SO_ATTACH_BPF",
    "socket.7:SO_DETACH_FILTER", "socket.7:SO_ATTACH_REUSEPORT_CBPF",
    "socket.7:SO_ATTACH_REUSEPORT_EBPF");
  int fd = sock(DG), fdv = -1;
  long long big = -1;
  struct sock_fprog p1 = {1, ret1}, p0 = {0, ret1};
  ck_assert_int_eq(seti(fd, SO_LOCK_FILTER, 0), 0);
  ck_assert_int_eq(seti(fd, SO_REUSEPORT, 1), 0);
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_assert_int_eq(seti(fd, SO_LOCK_FILTER, 1), 0);
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p0, 16), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p1, 16), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p1, 8), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 16), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p0, 16), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 8), EINVAL);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &fdv, 4), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_BPF, &fdv, 4), EPERM);
  ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_BPF, &big, 8), EINVAL);
  ck_fails(seti(fd, SO_DETACH_FILTER, 0), EPERM);
  ck_fails(seti(fd, SO_LOCK_FILTER, 0), EPERM);
  ck_assert_int_eq(seti(fd, SO_LOCK_FILTER, 5), 0);
  ck_assert_int_eq(geti(fd, SO_LOCK_FILTER), 1);
  /* locked with a program attached: it stays */
  fd = sock(RW);
  ck_assert_int_eq(attach(fd, ret1, 1), 0);
  ck_assert_int_eq(seti(fd, SO_LOCK_FILTER, 1), 0);
  ck_fails(seti(fd, SO_DETACH_FILTER, 0), EPERM);
  socklen_t len = 0;
  ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, NULL, &len), 0);
  ck_assert_int_eq(len, 1);
}
END_TEST

START_TEST(attach_bpf_descriptors)
{
  CLAUSES("socket.7:SO_ATTACH_BPF", "socket.7:SO_ATTACH_REUSEPORT_EBPF");
  int fd = sock(DG), fdv;
  long long big = -1;
  for (int k = 0; k < 2; k++) {
    int name = k ? SO_ATTACH_REUSEPORT_EBPF : SO_ATTACH_BPF;
    fdv = -1; ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, &fdv, 4), EBADF);
    fdv = 1000; ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, &fdv, 4), EBADF);
    fdv = fd; ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, &fdv, 4), EINVAL);
    fdv = 0; ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, &fdv, 4), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, &big, 8), EINVAL);
    fdv = fd; ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, &fdv, 8), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, name, NULL, 4), EFAULT);
  }
  ck_assert_int_eq(seti(fd, SO_REUSEPORT, 1), 0);
  fdv = -1; ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &fdv, 4), EBADF);
  fdv = fd; ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &fdv, 4), EINVAL);
  int raw = sock(RW);
  ck_assert_int_eq(seti(raw, SO_REUSEPORT, 1), 0);
  fdv = -1; ck_fails(sr_setsockopt(raw, SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &fdv, 4), EBADF);
  fdv = raw; ck_fails(sr_setsockopt(raw, SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &fdv, 4), EINVAL);
}
END_TEST

START_TEST(reuseport_cbpf)
{
  CLAUSES("socket.7:SO_ATTACH_REUSEPORT_CBPF");
  struct sock_fprog p1 = {1, ret1}, p0 = {0, ret1};
  struct sock_filter bad[] = {{0xffff, 0, 0, 0}, {BPF_RET | BPF_A, 0, 0, 0}};
  struct sock_fprog pbad = {2, bad};
  for (int t = 0; t < 3; t++) {
    int fd = sock(types[t]), v = 0;
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p0, 16), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 16), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 8), EINVAL);
    ck_assert_int_eq(seti(fd, SO_REUSEPORT, 1), 0);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 8), EINVAL);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &pbad, 16), EINVAL);
    if (types[t] == RW) {
      ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 16), EINVAL);
      continue;
    }
    ck_assert_int_eq(sr_seteuid(65534), 0);
    ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 16), 0);
    ck_assert_int_eq(sr_seteuid(0), 0);
    socklen_t len = 4;
    struct sock_filter g[4];
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), 0);
    ck_assert_int_eq(len, 0);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &v, 4), ENOENT);
    ck_assert_int_eq(seti(fd, SO_REUSEPORT, 0), 0);
    ck_fails(sr_setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &p1, 16), EINVAL);
  }
}
END_TEST

START_TEST(unprivileged_filters_on_udp_and_raw)
{
  CLAUSES("socket.7:SO_ATTACH_FILTER", "socket.7:SO_DETACH_FILTER", "socket.7:SO_GET_FILTER");
  for (int t = 1; t < 3; t++) {
    int fd = sock(types[t]), v = 0;
    socklen_t len = 1;
    struct sock_filter g[1];
    ck_assert_int_eq(sr_seteuid(65534), 0);
    ck_assert_int_eq(attach(fd, ret1, 1), 0);
    ck_assert_int_eq(sr_getsockopt(fd, SOL_SOCKET, SO_GET_FILTER, g, &len), 0);
    ck_assert_int_eq(len, 1);
    ck_assert_int_eq(sr_setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &v, 4), 0);
    ck_assert_int_eq(sr_seteuid(0), 0);
  }
}
END_TEST

Suite *suite_solsocket(void)
{
  Suite *s = suite_create("solsocket");
  TCase *tc = sr_tcase(s, "table");
  tcase_add_test(tc, every_row_reaches_its_handler);
  tcase_add_test(tc, defaults_per_socket_type);
  tcase_add_test(tc, structured_defaults);
  tcase_add_test(tc, get_truncates_and_checks_pointers);
  tcase_add_test(tc, set_needs_an_int_before_the_name);
  tcase_add_test(tc, read_only_and_write_only);
  tcase_add_test(tc, passcred_passsec_not_on_inet);
  tc = sr_tcase(s, "buffers");
  tcase_add_test(tc, rcvbuf_and_sndbuf);
  tcase_add_test(tc, bufforce);
  tcase_add_test(tc, bufforce_needs_net_admin_not_net_raw);
  tcase_add_test(tc, rcvlowat);
  tcase_add_test(tc, tcp_rcvlowat_grows_the_buffer);
  tcase_add_test(tc, ping_sockets);
  tcase_add_test(tc, sndlowat);
  tc = sr_tcase(s, "timeouts");
  tcase_add_test(tc, timeouts_round_to_ticks);
  tcase_add_test(tc, timeouts_lengths);
  tcase_add_test(tc, linger);
  tcase_add_test(tc, linger_forever_follows_hz);
  tc = sr_tcase(s, "flags and values");
  tcase_add_test(tc, boolean_flags);
  tcase_add_test(tc, flags_unprivileged);
  tcase_add_test(tc, bsdcompat);
  tcase_add_test(tc, debug_privilege);
  tcase_add_test(tc, priority);
  tcase_add_test(tc, priority_and_mark_take_either_capability);
  tcase_add_test(tc, mark);
  tcase_add_test(tc, incoming_cpu_and_napi_id);
  tcase_add_test(tc, busy_poll);
  tcase_add_test(tc, peek_off);
  tcase_add_test(tc, timestamp_and_timestampns);
  tcase_add_test(tc, timestamping);
  tcase_add_test(tc, max_pacing_rate);
  tc = sr_tcase(s, "read-only");
  tcase_add_test(tc, identity_and_error);
  tcase_add_test(tc, peer_options);
  tc = sr_tcase(s, "device binding");
  tcase_add_test(tc, bindtodevice_set);
  tcase_add_test(tc, bindtodevice_get);
  tcase_add_test(tc, bindtodevice_privilege);
  tc = sr_tcase(s, "filters");
  tcase_add_test(tc, attach_get_detach);
  tcase_add_test(tc, get_filter_counts_instructions);
  tcase_add_test(tc, attach_filter_lengths);
  tcase_add_test(tc, classic_program_checks);
  tcase_add_test(tc, lock_filter);
  tcase_add_test(tc, attach_bpf_descriptors);
  tcase_add_test(tc, reuseport_cbpf);
  tcase_add_test(tc, unprivileged_filters_on_udp_and_raw);
  return s;
}
