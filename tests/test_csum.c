/* test_csum.c -- the UDP checksum on the wire (web/wire.w, web/udp.w,
   web/ip.w): what a capture and an ICMP quote show of a datagram the model
   sends, against values measured on Linux 6.18 with a packet socket and a
   raw IPPROTO_UDP socket on lo and on both ends of a veth pair. */
#include "sr_net_test.h"

static char cap_path[64];
static int cap;
static void done(void) { unlink(cap_path); }

/* host0 and host 1 "peer", 10.0.0.2/24 on LAN 1; a capture of every frame */
static void two_hosts(void)
{
  int peer, e;
  sr_reset();
  peer = sr_host_new("peer");
  ck_assert_int_eq(peer, 1);
  e = sr_if_add(peer, "eth0", 1500);
  ck_assert_int_eq(sr_if_set_up(peer, 1, 1), 0);
  ck_assert_int_eq(sr_addr_add(peer, e, "10.0.0.2/24", "+"), 0);
  ck_assert_int_eq(sr_if_set_up(peer, e, 1), 0);
  ck_assert_int_eq(sr_lan_attach(1, peer, e), 0);
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), -1, 0);
  ck_assert_int_gt(cap, 0);
}

static void frames(nt_cap *c)
{
  ck_assert_int_eq(sr_pcap_close(cap), 0);
  nt_read(cap_path, c);
}

static struct sockaddr_in sin_at(const char *addr, int port)
{
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t) port);
  a.sin_addr.s_addr = inet_addr(addr);
  return a;
}

/* A socket of the current process bound to addr:port. */
static int bound(const char *addr, int port)
{
  struct sockaddr_in a = sin_at(addr, port);
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(sr_bind(fd, (struct sockaddr *) &a, sizeof a), 0);
  return fd;
}

/* The full checksum of the UDP message u of n bytes between two addresses,
   computed here from the bytes, with the checksum field taken as zero. */
static uint16_t full_sum(const uint8_t *ip, const uint8_t *u, size_t n)
{
  uint8_t ph[12], *m = malloc(n);
  uint16_t s;
  memcpy(ph, ip + 12, 8);
  ph[8] = 0;
  ph[9] = IPPROTO_UDP;
  nt_put16(ph + 10, (uint16_t) n);
  memcpy(m, u, n);
  nt_put16(m + 6, 0);
  s = nt_sum(m, n, (uint16_t) ~nt_sum(ph, 12, 0));
  free(m);
  return s ? s : 0xffff;
}

START_TEST(partial_on_loopback)
{
  CLAUSES("ip.7:DESCRIPTION", "socket.7:call:sendto");
  struct sockaddr_in to = sin_at("127.0.0.1", 7777);
  char buf[100];
  int rx = bound("127.0.0.1", 7777), tx = sr_socket(AF_INET, SOCK_DGRAM, 0);
  int raw = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
  uint8_t seen[200];
  nt_cap c;
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), 0, 1);
  memset(buf, 'x', sizeof buf);
  ck_assert_int_eq(sr_sendto(tx, buf, 64, 0, (struct sockaddr *) &to, sizeof to), 64);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 64);
  /* 92 bytes of IP; a raw socket sees the field Linux leaves: the folded
     pseudo-header sum 0xfe5b */
  ck_assert_int_eq(sr_recv(raw, seen, sizeof seen, MSG_DONTWAIT), 92);
  ck_assert_uint_eq(nt_get16(seen + 26), 0xfe5b);
  /* the capture shows the datagram as a wire would carry it: summed */
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  ck_assert_uint_eq(c.f[0].len, 92);
  ck_assert_uint_eq(nt_get16(c.f[0].d + 26), full_sum(c.f[0].d, c.f[0].d + 20, 72));
  nt_free(&c);
}
END_TEST

START_TEST(partial_across_a_lan)
{
  CLAUSES("ip.7:DESCRIPTION", "socket.7:call:sendto");
  struct sockaddr_in to = sin_at("10.0.0.2", 7777);
  char buf[100];
  int rx, tx;
  pid_t home, there;
  nt_cap c;
  two_hosts();
  tx = sr_socket(AF_INET, SOCK_DGRAM, 0);
  home = sr_getpid();
  there = sr_proc_new(1, 0);
  ck_assert_int_eq(sr_proc_switch(there), 0);
  rx = bound("10.0.0.2", 7777);
  ck_assert_int_eq(sr_proc_switch(home), 0);
  memset(buf, 'x', sizeof buf);
  ck_assert_int_eq(sr_sendto(tx, buf, 64, 0, (struct sockaddr *) &to, sizeof to), 64);
  ck_assert_int_eq(sr_proc_switch(there), 0);
  /* trusted by the receiver: the datagram is delivered whole */
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 64);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  /* Linux's tcpdump -vv on the veth shows the partial field ("bad udp
     cksum"); the model's capture completes it */
  ck_assert_uint_eq(nt_get16(c.f[0].d + 26), full_sum(c.f[0].d, c.f[0].d + 20, 72));
  nt_free(&c);
}
END_TEST

START_TEST(full_when_fragmented)
{
  CLAUSES("ip.7:IP_MTU_DISCOVER:17", "socket.7:call:sendto");
  static uint8_t buf[3000], whole[3008];
  struct sockaddr_in to = sin_at("10.0.0.2", 7777);
  int tx;
  size_t at = 0;
  nt_cap c;
  two_hosts();
  tx = sr_socket(AF_INET, SOCK_DGRAM, 0);
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t) (i * 7);
  ck_assert_int_eq(sr_sendto(tx, buf, sizeof buf, 0, (struct sockaddr *) &to, sizeof to),
    (int) sizeof buf);
  frames(&c);
  /* three fragments (1500, 1500, 68 bytes at offsets 0, 1480, 2960), then the
     peer's port unreachable */
  ck_assert_int_eq(c.n, 4);
  for (int i = 0; i < 3; i++) {
    ck_assert_uint_eq(c.f[i].d[9], IPPROTO_UDP);
    memcpy(whole + at, c.f[i].d + 20, c.f[i].len - 20);
    at += c.f[i].len - 20;
  }
  ck_assert_uint_eq(at, sizeof whole);
  ck_assert_uint_eq(nt_get16(whole + 6), full_sum(c.f[0].d, whole, sizeof whole));
  nt_free(&c);
}
END_TEST

START_TEST(full_when_corked)
{
  CLAUSES("socket.7:call:sendto");
  struct sockaddr_in to = sin_at("127.0.0.1", 7777);
  char buf[100];
  int rx = bound("127.0.0.1", 7777), tx = sr_socket(AF_INET, SOCK_DGRAM, 0);
  nt_cap c;
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), 0, 1);
  memset(buf, 'x', sizeof buf);
  ck_assert_int_eq(sr_sendto(tx, buf, 30, MSG_MORE, (struct sockaddr *) &to, sizeof to), 30);
  ck_assert_int_eq(sr_sendto(tx, buf, 30, 0, (struct sockaddr *) &to, sizeof to), 30);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 60);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  ck_assert_uint_eq(nt_get16(c.f[0].d + 26), full_sum(c.f[0].d, c.f[0].d + 20, 68));
  nt_free(&c);
}
END_TEST

START_TEST(icmp_quotes_the_partial_field)
{
  CLAUSES("ip.7:DESCRIPTION");
  struct sockaddr_in to = sin_at("127.0.0.1", 7778);
  char buf[30];
  int tx = sr_socket(AF_INET, SOCK_DGRAM, 0);
  nt_cap c;
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), 0, 1);
  memset(buf, 'x', sizeof buf);
  ck_assert_int_eq(sr_sendto(tx, buf, 30, 0, (struct sockaddr *) &to, sizeof to), 30);
  frames(&c);
  ck_assert_int_eq(c.n, 2);
  ck_assert_uint_eq(nt_get16(c.f[0].d + 26), full_sum(c.f[0].d, c.f[0].d + 20, 38));
  ck_assert_uint_eq(c.f[1].d[9], IPPROTO_ICMP);
  ck_assert_uint_eq(nt_get16(c.f[1].d + 28 + 26), 0xfe39);
  nt_free(&c);
}
END_TEST

/* A datagram from outside the model is summed: one with the partial field
   a capture shows is bad there, and a short one is dropped at once. */
START_TEST(injected_partial_is_summed)
{
  CLAUSES("ip.7:DESCRIPTION");
  uint8_t d[100];
  char buf[100];
  int rx;
  size_t n;
  two_hosts();
  rx = bound("10.0.0.1", 9);
  n = nt_udp(d, "10.0.0.2", 58292, "10.0.0.1", 9, 30, 64, 0, 1, IP_DF);
  ck_assert_uint_ne(nt_get16(d + 26), 0x143a);
  nt_put16(d + 26, 0x143a); /* the folded pseudo-header sum of this datagram */
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  ck_fails(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
}
END_TEST

Suite *suite_csum(void)
{
  Suite *s = suite_create("csum");
  TCase *tc = sr_tcase(s, "wire");
  tcase_add_checked_fixture(tc, NULL, done);
  tcase_add_test(tc, partial_on_loopback);
  tcase_add_test(tc, partial_across_a_lan);
  tcase_add_test(tc, full_when_fragmented);
  tcase_add_test(tc, full_when_corked);
  tcase_add_test(tc, icmp_quotes_the_partial_field);
  tcase_add_test(tc, injected_partial_is_summed);
  return s;
}
