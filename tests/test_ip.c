/* test_ip.c -- the IPv4 layer (web/ip.w, web/wire.w, web/link.w): what a
   host puts on the wire in answer to datagrams offered to it, against
   values measured on Linux 6.18 with tcpdump on veth pairs between
   network namespaces (facts/net/m2, m3). */
#include "sr_net_test.h"

/* host0 (10.0.0.1, the default world) and host 1, "peer", 10.0.0.2/24 on LAN 1 */
static int peer;
static char cap_path[64];
static int cap;
static void two_hosts(void)
{
  sr_reset();
  peer = sr_host_new("peer");
  ck_assert_int_eq(peer, 1);
  int e = sr_if_add(peer, "eth0", 1500);
  ck_assert_int_eq(e, 2);
  ck_assert_int_eq(sr_if_set_up(peer, 1, 1), 0);
  ck_assert_int_eq(sr_addr_add(peer, e, "10.0.0.2/24", "+"), 0);
  ck_assert_int_eq(sr_if_set_up(peer, e, 1), 0);
  ck_assert_int_eq(sr_lan_attach(1, peer, e), 0);
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), -1, 0);
  ck_assert_int_gt(cap, 0);
}
static void done(void) { unlink(cap_path); }
static void frames(nt_cap *c)
{
  ck_assert_int_eq(sr_pcap_close(cap), 0);
  nt_read(cap_path, c);
  ck_assert_uint_eq(c->linktype, 101);
}

START_TEST(port_unreachable)
{
  CLAUSES("ip.7:DESCRIPTION", "ip.7:IP_RECVERR");
  uint8_t d[200];
  size_t n = nt_udp(d, "10.0.0.2", 58292, "10.0.0.1", 9, 100, 64, 0, 18519, IP_DF);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  const uint8_t *p = c.f[0].d;
  nt_check_sums(p, c.f[0].len);
  /* IP (tos 0xc0, ttl 64, flags [none], proto ICMP (1), length 156)
     10.0.0.2 > 10.0.0.1: ICMP 10.0.0.2 udp port 9 unreachable */
  ck_assert_uint_eq(NT_TOS(p), 0xc0);
  ck_assert_uint_eq(NT_TTL(p), 64);
  ck_assert_uint_eq(NT_FRAG(p), 0);
  ck_assert_uint_eq(NT_PROTO(p), IPPROTO_ICMP);
  ck_assert_uint_eq(NT_LEN(p), 156);
  ck_assert_uint_eq(NT_SRC(p), inet_addr("10.0.0.1"));
  ck_assert_uint_eq(NT_DST(p), inet_addr("10.0.0.2"));
  ck_assert_uint_eq(p[20], ICMP_DEST_UNREACH);
  ck_assert_uint_eq(p[21], ICMP_PORT_UNREACH);
  ck_assert_int_eq(memcmp(p + 28, d, n), 0);
  nt_free(&c);
}
END_TEST

START_TEST(port_unreachable_quote_576)
{
  CLAUSES("ip.7:DESCRIPTION");
  static uint8_t d[3100];
  size_t n = nt_udp(d, "10.0.0.2", 58292, "10.0.0.1", 9, 3000, 64, 0x10, 18562, 0);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  const uint8_t *p = c.f[0].d;
  nt_check_sums(p, c.f[0].len);
  /* 576 bytes, quoting the first 548 of the 3028-byte datagram; the TOS
     keeps the datagram's TOS bits under the precedence 0xc0 */
  ck_assert_uint_eq(NT_LEN(p), 576);
  ck_assert_uint_eq(NT_TOS(p), 0xd0);
  ck_assert_int_eq(memcmp(p + 28, d, 548), 0);
  nt_free(&c);
}
END_TEST

START_TEST(no_answer_to_bad_checksum_or_broadcast)
{
  CLAUSES("ip.7:DESCRIPTION");
  uint8_t d[200];
  size_t n = nt_udp(d, "10.0.0.2", 1000, "10.0.0.1", 9, 10, 64, 0, 1, 0);
  nt_cap c;
  d[n - 1] ^= 1; /* the UDP checksum no longer verifies */
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  n = nt_udp(d, "10.0.0.2", 1000, "10.0.0.255", 9, 10, 64, 0, 2, 0);
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  n = nt_udp(d, "10.0.0.2", 1000, "255.255.255.255", 9, 10, 64, 0, 3, 0);
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  d[10] ^= 1; /* a bad header checksum */
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 0);
  nt_free(&c);
}
END_TEST

START_TEST(icmp_rate_limit)
{
  CLAUSES("ip.7:DESCRIPTION");
  uint8_t d[200];
  nt_cap c;
  /* a burst of ten: six answered; then one a second */
  for (int i = 0; i < 10; i++) {
    size_t n = nt_udp(d, "10.0.0.2", 35567, "10.0.0.1", (uint16_t) (9 + i), 1, 64, 0,
      (uint16_t) (100 + i), IP_DF);
    ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  }
  for (int i = 0; i < 8; i++) {
    sr_advance_ns(250000000);
    size_t n = nt_udp(d, "10.0.0.2", 35567, "10.0.0.1", 100, 1, 64, 0,
      (uint16_t) (200 + i), IP_DF);
    ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  }
  frames(&c);
  ck_assert_int_eq(c.n, 8);
  for (int i = 0; i < 6; i++) ck_assert_uint_eq(c.f[i].t_ns, 0);
  ck_assert_uint_eq(c.f[6].t_ns, 1000000000u);
  ck_assert_uint_eq(c.f[7].t_ns, 2000000000u);
  nt_free(&c);
}
END_TEST

START_TEST(echo_reply)
{
  CLAUSES("ip.7:DESCRIPTION");
  uint8_t d[200];
  size_t n = nt_echo(d, "10.0.0.2", "10.0.0.1", 100, 0x1234, 7, 0x10, 999);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  const uint8_t *p = c.f[0].d;
  nt_check_sums(p, c.f[0].len);
  ck_assert_uint_eq(NT_LEN(p), n);
  ck_assert_uint_eq(NT_TOS(p), 0x10);
  ck_assert_uint_eq(NT_TTL(p), 64);
  ck_assert_uint_eq(NT_SRC(p), inet_addr("10.0.0.1"));
  ck_assert_uint_eq(NT_DST(p), inet_addr("10.0.0.2"));
  ck_assert_uint_eq(p[20], ICMP_ECHOREPLY);
  ck_assert_int_eq(memcmp(p + 24, d + 24, n - 24), 0);
  nt_free(&c);
}
END_TEST

/* A datagram carrying a source route is dropped on input
   (accept_source_route is 0 in a new namespace): no answer. */
START_TEST(source_route_dropped)
{
  CLAUSES("ip.7:IP_OPTIONS:8");
  uint8_t d[200], c8[8];
  static const uint8_t lsrr[8] = {IPOPT_NOP, IPOPT_LSRR, 7, 4, 10, 0, 0, 1};
  nt_cap c;
  size_t hl = nt_ip(d, "10.0.0.2", "10.0.0.1", IPPROTO_ICMP, 64, 0, 1, 0, 8, lsrr, 8);
  memset(c8, 0, 8);
  c8[0] = ICMP_ECHO;
  nt_put16(c8 + 2, nt_sum(c8, 8, 0));
  memcpy(d + hl, c8, 8);
  ck_assert_int_eq(sr_inject(0, 2, d, hl + 8), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 0);
  nt_free(&c);
}
END_TEST

/* The reply to a 3008-byte echo is a 3028-byte datagram: fragments of
   1500, 1500 and 68 bytes at offsets 0, 1480, 2960, without DF, with one
   identification (the pattern measured for a 3000-byte UDP payload). */
static void check_three_fragments(const nt_cap *c, int first)
{
  static const unsigned len[3] = {1500, 1500, 68}, off[3] = {0, 185, 370};
  for (int i = 0; i < 3; i++) {
    const uint8_t *p = c->f[first + i].d;
    nt_check_sums(p, c->f[first + i].len);
    ck_assert_uint_eq(NT_LEN(p), len[i]);
    ck_assert_uint_eq(NT_FRAG(p), off[i] | (i < 2 ? IP_MF : 0));
    ck_assert_uint_eq(NT_ID(p), NT_ID(c->f[first].d));
  }
}

START_TEST(fragmented_output)
{
  CLAUSES("ip.7:IP_MTU_DISCOVER", "ip.7:IP_MTU_DISCOVER:6");
  static uint8_t d[3100];
  size_t n = nt_echo(d, "10.0.0.2", "10.0.0.1", 3000, 1, 1, 0, 5);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 3);
  check_three_fragments(&c, 0);
  nt_free(&c);
}
END_TEST

/* The request arrives in three fragments, last first; a duplicate of the
   middle one is ignored. */
static size_t frag_of(uint8_t *out, const uint8_t *whole, size_t wlen, size_t off, size_t len)
{
  memcpy(out, whole, 20);
  memcpy(out + 20, whole + 20 + off, len);
  nt_put16(out + 2, (uint16_t) (20 + len));
  nt_put16(out + 6, (uint16_t) (off / 8 | (20 + off + len < wlen ? IP_MF : 0)));
  nt_put16(out + 10, 0);
  nt_put16(out + 10, nt_sum(out, 20, 0));
  return 20 + len;
}

START_TEST(reassembly)
{
  CLAUSES("ip.7:proc:ipfrag_high_thresh");
  static uint8_t d[3100], f[1600];
  size_t n = nt_echo(d, "10.0.0.2", "10.0.0.1", 3000, 1, 1, 0, 77);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 2960, n - 20 - 2960)), 0);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 1480, 1480)), 0);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 1480, 1480)), 0);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 0, 1480)), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 3);
  check_three_fragments(&c, 0);
  nt_free(&c);
}
END_TEST

START_TEST(reassembly_overlap_discards)
{
  CLAUSES("ip.7:proc:ipfrag_high_thresh");
  static uint8_t d[3100], f[1600];
  size_t n = nt_echo(d, "10.0.0.2", "10.0.0.1", 3000, 1, 1, 0, 78);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 0, 1480)), 0);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 1472, 1480)), 0);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 1480, 1480)), 0);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 2960, n - 20 - 2960)), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 0);
  nt_free(&c);
}
END_TEST

/* Only the first fragment of a UDP datagram arrives: after ipfrag_time
   (30 s) the host sends "fragment reassembly time exceeded". */
START_TEST(reassembly_timeout)
{
  CLAUSES("ip.7:proc:ipfrag_high_thresh", "ip.7:proc_interfaces");
  static uint8_t d[3100], f[1600];
  size_t n = nt_udp(d, "10.0.0.2", 4000, "10.0.0.1", 9, 2000, 64, 0, 4242, 0);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 0, 1480)), 0);
  sr_advance_ns(29999999999u);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 0, 1480)), 0);
  sr_advance_ns(1);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  const uint8_t *p = c.f[0].d;
  nt_check_sums(p, c.f[0].len);
  ck_assert_uint_eq(c.f[0].t_ns, 30000000000u);
  ck_assert_uint_eq(p[20], ICMP_TIME_EXCEEDED);
  ck_assert_uint_eq(p[21], ICMP_EXC_FRAGTIME);
  ck_assert_uint_eq(NT_LEN(p), 576);
  nt_free(&c);
}
END_TEST

START_TEST(ipfrag_time_tunable)
{
  CLAUSES("ip.7:proc_interfaces");
  static uint8_t d[3100], f[1600];
  size_t n = nt_udp(d, "10.0.0.2", 4000, "10.0.0.1", 9, 2000, 64, 0, 4243, 0);
  nt_cap c;
  ck_assert_int_eq(sr_host_sysctl_set(0, "net.ipv4.ipfrag_time", "5"), 0);
  ck_assert_int_eq(sr_inject(0, 2, f, frag_of(f, d, n, 0, 1480)), 0);
  sr_advance_ns(5000000000u);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  ck_assert_uint_eq(c.f[0].t_ns, 5000000000u);
  nt_free(&c);
}
END_TEST

/* An answer to an address on the LAN that no host has: held while ARP
   asks, then "host unreachable" to the host itself, over lo, 3 s later. */
START_TEST(unanswered_arp)
{
  CLAUSES("ip.7:IP_RECVERR");
  uint8_t d[200];
  size_t n = nt_echo(d, "10.0.0.77", "10.0.0.1", 10, 1, 1, 0, 9);
  nt_cap c;
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  sr_advance_ns(2999999999u);
  ck_assert_int_eq(sr_pcap_close(cap), 0);
  nt_read(cap_path, &c);
  ck_assert_int_eq(c.n, 0); /* the echo reply waits for ARP: not on the wire */
  nt_free(&c);
  cap = sr_pcap_open(cap_path, -1, 0);
  sr_advance_ns(1);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  const uint8_t *p = c.f[0].d;
  nt_check_sums(p, c.f[0].len);
  ck_assert_uint_eq(NT_SRC(p), inet_addr("10.0.0.1"));
  ck_assert_uint_eq(NT_DST(p), inet_addr("10.0.0.1"));
  ck_assert_uint_eq(p[20], ICMP_DEST_UNREACH);
  ck_assert_uint_eq(p[21], ICMP_HOST_UNREACH);
  ck_assert_uint_eq(NT_DST(p + 28), inet_addr("10.0.0.77"));
  nt_free(&c);
}
END_TEST

/* A frame waiting for its neighbour is captured when it leaves: the echo
   reply to 10.0.0.9, an address the peer takes 1.5 s later, goes at the
   probe of 2 s (tcpdump on a veth: ARP requests at 0, 1, 2 s, the reply
   to the third, then the datagram), once, on the sender's interface, in
   the world's capture and at the peer. */
START_TEST(capture_after_resolution)
{
  CLAUSES("ip.7:DESCRIPTION");
  uint8_t d[200];
  size_t n = nt_echo(d, "10.0.0.9", "10.0.0.1", 10, 1, 1, 0, 9);
  char p0[80], p1[80];
  nt_cap c;
  snprintf(p0, sizeof p0, "%s.0", cap_path);
  snprintf(p1, sizeof p1, "%s.1", cap_path);
  int c0 = sr_pcap_open(p0, 0, 2), c1 = sr_pcap_open(p1, peer, 2);
  ck_assert_int_eq(sr_inject(0, 2, d, n), 0);
  sr_advance_ns(1500000000u);
  ck_assert_int_eq(sr_addr_add(peer, 2, "10.0.0.9/24", NULL), 0);
  sr_advance_ns(2000000000u);
  ck_assert_int_eq(sr_pcap_close(c0), 0);
  ck_assert_int_eq(sr_pcap_close(c1), 0);
  frames(&c);
  ck_assert_int_eq(c.n, 1);
  ck_assert_uint_eq(c.f[0].t_ns, 2000000000u);
  ck_assert_uint_eq(NT_DST(c.f[0].d), inet_addr("10.0.0.9"));
  ck_assert_uint_eq(c.f[0].d[20], ICMP_ECHOREPLY);
  nt_free(&c);
  nt_read(p0, &c); /* the request as received, the reply as sent */
  ck_assert_int_eq(c.n, 2);
  ck_assert_uint_eq(c.f[0].t_ns, 0);
  ck_assert_uint_eq(c.f[1].t_ns, 2000000000u);
  ck_assert_uint_eq(c.f[1].d[20], ICMP_ECHOREPLY);
  nt_free(&c);
  nt_read(p1, &c);
  ck_assert_int_eq(c.n, 1);
  ck_assert_uint_eq(c.f[0].t_ns, 2000000000u);
  nt_free(&c);
  unlink(p0);
  unlink(p1);
}
END_TEST

/* A router: host0 A (10.0.0.1, LAN 1) -- R (10.0.0.254 on LAN 1,
   10.2.0.254 on LAN 2 of MTU 1400, ip_forward 1) -- C (10.2.0.3, LAN 2).
   Datagrams from A are offered to R's first interface; A's interface
   captures what comes back. */
static int R, C;
static void routed(void)
{
  sr_reset();
  R = sr_host_new("R");
  C = sr_host_new("C");
  int r1 = sr_if_add(R, "r1", 1500), r2 = sr_if_add(R, "r2", 1500), c1 = sr_if_add(C, "c1", 1500);
  int lan2 = sr_lan_new(1400);
  ck_assert_int_eq(lan2, 2);
  ck_assert_int_eq(sr_lan_attach(1, R, r1), 0);
  ck_assert_int_eq(sr_lan_attach(lan2, R, r2), 0);
  ck_assert_int_eq(sr_lan_attach(lan2, C, c1), 0);
  ck_assert_int_eq(sr_addr_add(R, r1, "10.0.0.254/24", "+"), 0);
  ck_assert_int_eq(sr_addr_add(R, r2, "10.2.0.254/24", "+"), 0);
  ck_assert_int_eq(sr_addr_add(C, c1, "10.2.0.3/24", "+"), 0);
  for (int i = 1; i <= 3; i++) ck_assert_int_eq(sr_if_set_up(R, i, 1), 0);
  for (int i = 1; i <= 2; i++) ck_assert_int_eq(sr_if_set_up(C, i, 1), 0);
  ck_assert_int_eq(sr_route_add(C, "default", "10.2.0.254", 0), 0);
  ck_assert_int_eq(sr_host_sysctl_set(R, "net.ipv4.ip_forward", "1"), 0);
  cap = sr_pcap_open(nt_path(cap_path, sizeof cap_path), 0, 2);
  ck_assert_int_gt(cap, 0);
}
/* Offer R a UDP datagram from A (10.0.0.1:sport) with n bytes of data. */
static void offer(const char *dst, uint16_t sport, size_t n, uint8_t ttl, uint16_t id,
  uint16_t frag)
{
  static uint8_t d[1600];
  size_t len = nt_udp(d, "10.0.0.1", sport, dst, 9, n, ttl, 0, id, frag);
  ck_assert_int_eq(sr_inject(R, 2, d, len), 0);
}
static const uint8_t *one_icmp(nt_cap *c, int type, int code, const char *from)
{
  frames(c);
  ck_assert_int_eq(c->n, 1);
  const uint8_t *p = c->f[0].d;
  nt_check_sums(p, c->f[0].len);
  ck_assert_uint_eq(NT_PROTO(p), IPPROTO_ICMP);
  ck_assert_uint_eq(NT_SRC(p), inet_addr(from));
  ck_assert_uint_eq(NT_DST(p), inet_addr("10.0.0.1"));
  ck_assert_uint_eq(NT_TOS(p), 0xc0);
  ck_assert_uint_eq(NT_FRAG(p), 0);
  ck_assert_uint_eq(p[20], type);
  ck_assert_uint_eq(p[21], code);
  return p;
}

START_TEST(forward_ttl_exceeded)
{
  CLAUSES("ip.7:proc:ip_forward");
  nt_cap c;
  offer("10.2.0.3", 37935, 4, 1, 35625, IP_DF);
  const uint8_t *p = one_icmp(&c, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, "10.0.0.254");
  ck_assert_uint_eq(NT_TTL(p), 64);
  ck_assert_uint_eq(NT_LEN(p), 60);
  ck_assert_uint_eq(NT_TTL(p + 28), 1);
  nt_free(&c);
}
END_TEST

START_TEST(forward_ttl_decrement)
{
  CLAUSES("ip.7:proc:ip_forward");
  nt_cap c;
  offer("10.2.0.3", 37935, 4, 2, 35627, IP_DF);
  /* C's answer has crossed R: TTL 63, quoting the datagram with TTL 1 */
  const uint8_t *p = one_icmp(&c, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, "10.2.0.3");
  ck_assert_uint_eq(NT_TTL(p), 63);
  ck_assert_uint_eq(NT_TTL(p + 28), 1);
  nt_free(&c);
}
END_TEST

START_TEST(forward_frag_needed)
{
  CLAUSES("ip.7:proc:ip_forward", "ip.7:IP_MTU_DISCOVER:8");
  nt_cap c;
  offer("10.2.0.3", 37935, 1450, 64, 35630, IP_DF);
  const uint8_t *p = one_icmp(&c, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, "10.0.0.254");
  ck_assert_uint_eq(NT_LEN(p), 576);
  ck_assert_uint_eq(nt_get16(p + 26), 1400);
  nt_free(&c);
}
END_TEST

START_TEST(forward_fragments)
{
  CLAUSES("ip.7:proc:ip_forward", "ip.7:IP_MTU_DISCOVER:6");
  nt_cap c;
  int cc;
  char path2[80];
  snprintf(path2, sizeof path2, "%s.c", cap_path);
  cc = sr_pcap_open(path2, C, 2);
  offer("10.2.0.3", 37693, 1450, 64, 65360, 0);
  ck_assert_int_eq(sr_pcap_close(cc), 0);
  nt_read(path2, &c);
  unlink(path2);
  /* on C's link: 1396 + 102 bytes, offsets 0 and 1376, then C's answer */
  ck_assert_int_eq(c.n, 3);
  ck_assert_uint_eq(NT_LEN(c.f[0].d), 1396);
  ck_assert_uint_eq(NT_FRAG(c.f[0].d), IP_MF);
  ck_assert_uint_eq(NT_LEN(c.f[1].d), 102);
  ck_assert_uint_eq(NT_FRAG(c.f[1].d), 1376 / 8);
  ck_assert_uint_eq(NT_TTL(c.f[0].d), 63);
  ck_assert_uint_eq(NT_ID(c.f[1].d), 65360);
  nt_free(&c);
  /* the reassembled datagram reached C, whose answer quotes it whole */
  const uint8_t *p = one_icmp(&c, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, "10.2.0.3");
  ck_assert_uint_eq(NT_LEN(p + 28), 1478);
  ck_assert_uint_eq(NT_FRAG(p + 28), 0);
  nt_free(&c);
}
END_TEST

START_TEST(forward_no_route)
{
  CLAUSES("ip.7:proc:ip_forward");
  nt_cap c;
  offer("10.3.0.3", 37935, 10, 64, 18587, IP_DF);
  one_icmp(&c, ICMP_DEST_UNREACH, ICMP_NET_UNREACH, "10.0.0.254");
  nt_free(&c);
}
END_TEST

START_TEST(forward_unreachable_route)
{
  CLAUSES("ip.7:proc:ip_forward");
  nt_cap c;
  ck_assert_int_eq(sr_route_add_type(R, "10.3.0.0/16", SR_ROUTE_UNREACHABLE), 0);
  ck_assert_int_eq(sr_route_add_type(R, "10.4.0.0/16", SR_ROUTE_BLACKHOLE), 0);
  ck_assert_int_eq(sr_route_add_type(R, "10.5.0.0/16", SR_ROUTE_PROHIBIT), 0);
  offer("10.4.0.3", 37935, 10, 64, 1, IP_DF);
  offer("10.5.0.3", 37935, 10, 64, 2, IP_DF);
  offer("10.3.0.3", 37935, 10, 64, 3, IP_DF);
  frames(&c);
  ck_assert_int_eq(c.n, 2);
  ck_assert_uint_eq(c.f[0].d[21], ICMP_PKT_FILTERED);
  ck_assert_uint_eq(c.f[1].d[21], ICMP_HOST_UNREACH);
  nt_free(&c);
}
END_TEST

START_TEST(forward_absent_host)
{
  CLAUSES("ip.7:proc:ip_forward");
  nt_cap c;
  offer("10.2.0.77", 37935, 10, 64, 11875, IP_DF);
  sr_advance_ns(3000000000u);
  const uint8_t *p = one_icmp(&c, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH, "10.0.0.254");
  ck_assert_uint_eq(c.f[0].t_ns, 3000000000u);
  ck_assert_uint_eq(NT_TTL(p + 28), 63);
  nt_free(&c);
}
END_TEST

START_TEST(no_forwarding_by_default)
{
  CLAUSES("ip.7:proc:ip_forward");
  nt_cap c;
  ck_assert_int_eq(sr_host_sysctl_set(R, "net.ipv4.ip_forward", "0"), 0);
  offer("10.2.0.3", 37935, 4, 1, 1, IP_DF);
  offer("10.3.0.3", 37935, 4, 64, 2, IP_DF);
  frames(&c);
  ck_assert_int_eq(c.n, 0);
  nt_free(&c);
}
END_TEST

Suite *suite_ip(void)
{
  Suite *s = suite_create("ip");
  TCase *tc = tcase_create("icmp");
  tcase_add_checked_fixture(tc, two_hosts, done);
  tcase_add_test(tc, port_unreachable);
  tcase_add_test(tc, port_unreachable_quote_576);
  tcase_add_test(tc, no_answer_to_bad_checksum_or_broadcast);
  tcase_add_test(tc, icmp_rate_limit);
  tcase_add_test(tc, echo_reply);
  tcase_add_test(tc, source_route_dropped);
  tcase_add_test(tc, unanswered_arp);
  tcase_add_test(tc, capture_after_resolution);
  suite_add_tcase(s, tc);
  tc = tcase_create("fragments");
  tcase_add_checked_fixture(tc, two_hosts, done);
  tcase_add_test(tc, fragmented_output);
  tcase_add_test(tc, reassembly);
  tcase_add_test(tc, reassembly_overlap_discards);
  tcase_add_test(tc, reassembly_timeout);
  tcase_add_test(tc, ipfrag_time_tunable);
  suite_add_tcase(s, tc);
  tc = tcase_create("router");
  tcase_add_checked_fixture(tc, routed, done);
  tcase_add_test(tc, forward_ttl_exceeded);
  tcase_add_test(tc, forward_ttl_decrement);
  tcase_add_test(tc, forward_frag_needed);
  tcase_add_test(tc, forward_fragments);
  tcase_add_test(tc, forward_no_route);
  tcase_add_test(tc, forward_unreachable_route);
  tcase_add_test(tc, forward_absent_host);
  tcase_add_test(tc, no_forwarding_by_default);
  suite_add_tcase(s, tc);
  return s;
}
