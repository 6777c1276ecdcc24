/* test_csum.c -- the UDP checksum on the wire (web/wire.w, web/udp.w,
   web/ip.w, web/pcap.w): what a raw socket, an ICMP quote and a capture show
   of a datagram the model sends, against values measured on Linux 6.18 with
   a packet socket and a raw IPPROTO_UDP socket on lo and on both ends of a
   veth pair.  (The model's captures complete a partial checksum, as a wire
   would carry it; Linux's tcpdump on lo or veth shows the partial field.) */
#include "sr_data_test.h"

static char cap_path[64];
static int cap;
static void done(void) { unlink(cap_path); }

/* a capture of host 0's lo (host -1: every frame of the world) */
static void capture(int host, int ifindex)
{
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), host, ifindex);
  ck_assert_int_gt(cap, 0);
}

static void frames(nt_cap *c)
{
  ck_assert_int_eq(sr_pcap_close(cap), 0);
  nt_read(cap_path, c);
}

/* A datagram of n bytes of 'x' to addr:port from a fresh socket. */
static void send_x(const char *addr, int port, size_t n, int flags)
{
  static char buf[3000];
  struct sockaddr_in to = sr_test_sin(addr, port);
  memset(buf, 'x', n);
  ck_assert_int_eq(sr_sendto(udp(), buf, n, flags, (struct sockaddr *) &to, sizeof to),
    (int) n);
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
  char buf[100];
  int rx = udp_bound("127.0.0.1", 7777), raw = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
  uint8_t seen[200];
  nt_cap c;
  capture(0, 1);
  send_x("127.0.0.1", 7777, 64, 0);
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
  char buf[100];
  pid_t home = sr_getpid(), there = sr_proc_new(peer_host(0), 0);
  int rx;
  nt_cap c;
  capture(-1, 0);
  ck_assert_int_eq(sr_proc_switch(there), 0);
  rx = udp_bound("10.0.0.2", 7777);
  ck_assert_int_eq(sr_proc_switch(home), 0);
  send_x("10.0.0.2", 7777, 64, 0);
  ck_assert_int_eq(sr_proc_switch(there), 0);
  /* trusted by the receiver: the datagram is delivered whole */
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 64);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  /* Linux's tcpdump -vv on the veth shows the partial field ("bad udp
     cksum 0x145c"); the model's capture completes it */
  ck_assert_uint_eq(nt_get16(c.f[0].d + 26), full_sum(c.f[0].d, c.f[0].d + 20, 72));
  nt_free(&c);
}
END_TEST

START_TEST(full_when_fragmented)
{
  CLAUSES("ip.7:IP_MTU_DISCOVER:17", "socket.7:call:sendto");
  static uint8_t whole[3008];
  size_t at = 0;
  nt_cap c;
  peer_host(0);
  capture(-1, 0);
  send_x("10.0.0.2", 7777, 3000, 0);
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
  struct sockaddr_in to = sr_test_sin("127.0.0.1", 7777);
  char buf[100];
  int rx = udp_bound("127.0.0.1", 7777), tx = udp();
  int raw = sr_socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
  uint8_t seen[200];
  memset(buf, 'x', sizeof buf);
  ck_assert_int_eq(sr_sendto(tx, buf, 30, MSG_MORE, (struct sockaddr *) &to, sizeof to), 30);
  ck_assert_int_eq(sr_sendto(tx, buf, 30, 0, (struct sockaddr *) &to, sizeof to), 30);
  ck_assert_int_eq(sr_recv(rx, buf, sizeof buf, MSG_DONTWAIT), 60);
  /* a raw socket sees the field as sent: the whole checksum */
  ck_assert_int_eq(sr_recv(raw, seen, sizeof seen, MSG_DONTWAIT), 88);
  ck_assert_uint_eq(nt_get16(seen + 26), full_sum(seen, seen + 20, 68));
}
END_TEST

START_TEST(icmp_quotes_the_partial_field)
{
  CLAUSES("ip.7:DESCRIPTION");
  nt_cap c;
  capture(0, 1);
  send_x("127.0.0.1", 7778, 30, 0);
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
  peer_host(0);
  rx = udp_bound("10.0.0.1", 9);
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
