/* test_world.c -- building worlds (web/world.w, web/proc.w, web/link.w,
   web/pcap.w): hosts as fresh network namespaces, processes, interfaces,
   addresses and the routes the kernel adds for them, LANs and their
   medium, per-host tunables.  Expected values measured on Linux 6.18
   (facts/net/m1: ip link / ip addr / ip route in a fresh namespace). */
#include "sr_net_test.h"

static char cap_path[64];
static void done(void) { unlink(cap_path); }
static int frames_of(int capno, nt_cap *c)
{
  ck_assert_int_eq(sr_pcap_close(capno), 0);
  nt_read(cap_path, c);
  return c->n;
}
/* A host with eth0 on LAN lan, address addr/24, up. Returns its number. */
static int host_on(int lan, const char *name, const char *cidr)
{
  int h = sr_host_new(name);
  ck_assert_int_ge(h, 1);
  int e = sr_if_add(h, "eth0", 1500);
  ck_assert_int_eq(e, 2);
  ck_assert_int_eq(sr_if_set_up(h, 1, 1), 0);
  ck_assert_int_eq(sr_addr_add(h, e, cidr, "+"), 0);
  ck_assert_int_eq(sr_if_set_up(h, e, 1), 0);
  ck_assert_int_eq(sr_lan_attach(lan, h, e), 0);
  return h;
}
/* Offer host h an echo request from src to dst on ifindex. */
static void ping(int h, int ifindex, const char *src, const char *dst, uint16_t seq)
{
  uint8_t d[200];
  size_t n = nt_echo(d, src, dst, 16, 1, seq, 0, seq);
  ck_assert_int_eq(sr_inject(h, ifindex, d, n), 0);
}

START_TEST(default_world_unchanged)
{
  CLAUSES("ip.7:DESCRIPTION");
  ck_assert_int_eq(sr_world_hosts(), 1);
  ck_assert_int_eq(sr_getpid(), 1000);
  /* eth0 is index 2 with 10.0.0.1: IP_MULTICAST_IF accepts it */
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  struct in_addr a = { inet_addr("10.0.0.1") };
  ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof a), 0);
  a.s_addr = inet_addr("127.0.0.5"); /* local by lo's 127.0.0.0/8 route */
  ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof a), 0);
}
END_TEST

/* A new host is a fresh namespace: lo exists (index 1) but is down and
   has no address; bringing it up gives it 127.0.0.1/8. */
START_TEST(new_host_is_fresh_netns)
{
  CLAUSES("ip.7:DESCRIPTION");
  nt_cap c;
  int h = sr_host_new("fresh");
  ck_assert_int_eq(h, 1);
  ck_assert_int_eq(sr_world_hosts(), 2);
  pid_t pid = sr_proc_new(h, 0);
  ck_assert_int_eq(pid, 1001);
  ck_assert_int_eq(sr_proc_switch(pid), 0);
  ck_assert_int_eq(sr_getpid(), 1001);
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(fd, 3);
  struct in_addr a = { inet_addr("127.0.0.1") };
  ck_fails(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof a), EADDRNOTAVAIL);
  int capno = sr_pcap_open(nt_path(cap_path, sizeof cap_path), h, 0);
  ping(h, 1, "127.0.0.1", "127.0.0.1", 1); /* lo down: dropped */
  ck_assert_int_eq(sr_if_set_up(h, 1, 1), 0);
  ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof a), 0);
  ping(h, 1, "127.0.0.1", "127.0.0.1", 2);
  ck_assert_int_eq(frames_of(capno, &c), 1);
  ck_assert_uint_eq(c.f[0].d[20], ICMP_ECHOREPLY);
  ck_assert_uint_eq(nt_get16(c.f[0].d + 26), 2);
  nt_free(&c);
  /* the default host is unaffected by the new one */
  ck_assert_int_eq(sr_proc_switch(1000), 0);
  ck_assert_int_eq(sr_getpid(), 1000);
}
END_TEST

START_TEST(world_call_errors)
{
  CLAUSES("ip.7:DESCRIPTION");
  ck_fails(sr_proc_new(7, 0), ENOENT);
  ck_fails(sr_proc_new(0, (uid_t) -1), EINVAL);
  ck_fails(sr_proc_switch(4242), ESRCH);
  ck_fails(sr_host_new(NULL), EINVAL);
  ck_fails(sr_host_new(""), EINVAL);
  ck_fails(sr_if_add(5, "x", 1500), ENOENT);
  ck_fails(sr_if_add(0, "eth0", 1500), EEXIST);
  ck_fails(sr_if_add(0, "eth1", 67), EINVAL);
  ck_fails(sr_if_add(0, "eth1", 65536), EINVAL);
  ck_fails(sr_if_add(0, "a-name-that-is-too-long", 1500), EINVAL);
  ck_assert_int_eq(sr_if_add(0, "eth1", 68), 3);
  ck_fails(sr_if_set_up(0, 9, 1), ENODEV);
  ck_fails(sr_addr_add(0, 9, "10.1.0.1/24", NULL), ENODEV);
  ck_fails(sr_addr_add(0, 3, "10.1.0.1/33", NULL), EINVAL);
  ck_fails(sr_addr_add(0, 3, "10.1.0", NULL), EINVAL);
  ck_fails(sr_addr_add(0, 3, "224.0.0.1/4", NULL), EINVAL);
  ck_fails(sr_addr_add(0, 2, "10.0.0.1/24", NULL), EEXIST);
  ck_fails(sr_route_add(0, "10.9.0.0/16", "10.1.0.1", 0), ENETUNREACH);
  ck_fails(sr_route_add(0, "10.9.0.0/16", NULL, 0), EINVAL);
  ck_fails(sr_route_add(0, "default", "10.0.0.253", 0), EEXIST);
  ck_fails(sr_route_del(0, "10.9.0.0/16"), ESRCH);
  ck_fails(sr_route_add_type(0, "10.9.0.0/16", 0), EINVAL);
  ck_fails(sr_lan_new(10), EINVAL);
  ck_fails(sr_lan_attach(9, 0, 2), ENOENT);
  ck_fails(sr_lan_attach(1, 0, 2), EBUSY);
  ck_fails(sr_lan_attach(1, 0, 1), EINVAL);
  struct sr_lan_config cfg = { .loss = 1.5 };
  ck_fails(sr_lan_configure(1, &cfg), EINVAL);
  ck_fails(sr_pcap_open("/tmp/x", 0, 9), ENODEV);
  ck_fails(sr_pcap_open("/tmp/x", 9, 0), ENOENT);
  ck_fails(sr_pcap_open("/nonexistent-dir/x", 0, 0), ENOENT);
  ck_fails(sr_pcap_close(1), EBADF);
  ck_fails(sr_host_sysctl_set(0, "net.ipv4.nothing", "1"), ENOENT);
  ck_fails(sr_host_sysctl_set(3, "net.ipv4.ip_forward", "1"), ENOENT);
  uint8_t d[60] = {0};
  ck_fails(sr_inject(0, 2, d, 0), EINVAL);
  ck_fails(sr_inject(0, 7, d, 20), ENODEV);
}
END_TEST

/* Routes follow the interface: a gateway is accepted only when an
   on-link route reaches it; bringing the interface down removes its
   static routes with its prefix route; up again restores the prefix
   route but not the static one (ip route after ip link set down/up). */
START_TEST(routes_follow_interface)
{
  CLAUSES("ip.7:DESCRIPTION");
  int e = sr_if_add(0, "eth1", 1500);
  ck_assert_int_eq(sr_addr_add(0, e, "10.1.0.1/24", "+"), 0);
  ck_fails(sr_route_add(0, "10.9.0.0/16", "10.1.0.253", 0), ENETUNREACH);
  ck_assert_int_eq(sr_if_set_up(0, e, 1), 0);
  ck_assert_int_eq(sr_route_add(0, "10.9.0.0/16", "10.1.0.253", 0), 0);
  ck_fails(sr_route_add(0, "10.9.0.0/16", "10.1.0.252", 0), EEXIST);
  ck_assert_int_eq(sr_if_set_up(0, e, 0), 0);
  ck_fails(sr_route_add(0, "10.8.0.0/16", "10.1.0.253", 0), ENETUNREACH);
  ck_fails(sr_route_del(0, "10.9.0.0/16"), ESRCH);
  ck_assert_int_eq(sr_if_set_up(0, e, 1), 0);
  ck_fails(sr_route_del(0, "10.9.0.0/16"), ESRCH);
  ck_assert_int_eq(sr_route_add(0, "10.9.0.0/16", "10.1.0.253", 0), 0);
  ck_assert_int_eq(sr_route_del(0, "10.9.0.0/16"), 0);
  /* the local route of the address survives the interface going down */
  ck_assert_int_eq(sr_if_set_up(0, e, 0), 0);
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  struct in_addr a = { inet_addr("10.1.0.1") };
  ck_assert_int_eq(sr_setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof a), 0);
}
END_TEST

/* An unconnected socket sends again and again on what routing says now:
   the route it used last is not kept across a change of the routes, of
   an interface or of its addresses, and the MTU follows the interface
   (measured on a veth: sendto 8.8.8.8 after "ip route del default",
   10.0.0.2 after "ip link set va down", 10.5.0.1 before "ip addr add
   10.5.0.7/24 dev va" are ENETUNREACH, and succeed again after the
   route, the link or the address is back; with IP_PMTUDISC_DO 1472
   bytes to 10.0.0.2 pass, and after "ip link set va mtu 1400" are
   EMSGSIZE, 1372 passing). */
static long send_to(int fd, const char *addr, size_t n)
{
  static char buf[1500];
  struct sockaddr_in a = sr_test_sin(addr, 9);
  return (long) sr_sendto(fd, buf, n, 0, (struct sockaddr *) &a, sizeof a);
}

START_TEST(unconnected_send_follows_routing)
{
  CLAUSES("ip.7:DESCRIPTION");
  int fd = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(send_to(fd, "8.8.8.8", 1), 1);
  ck_assert_int_eq(sr_route_del(0, "default"), 0);
  ck_fails(send_to(fd, "8.8.8.8", 1), ENETUNREACH);
  ck_assert_int_eq(send_to(fd, "10.0.0.2", 1), 1);
  ck_assert_int_eq(sr_if_set_up(0, 2, 0), 0);
  ck_fails(send_to(fd, "10.0.0.2", 1), ENETUNREACH);
  ck_assert_int_eq(sr_if_set_up(0, 2, 1), 0);
  ck_assert_int_eq(send_to(fd, "10.0.0.2", 1), 1);
  ck_fails(send_to(fd, "10.5.0.1", 1), ENETUNREACH);
  ck_assert_int_eq(sr_addr_add(0, 2, "10.5.0.7/24", NULL), 0);
  ck_assert_int_eq(send_to(fd, "10.5.0.1", 1), 1);
  ck_assert_int_eq(sr_route_add(0, "default", "10.0.0.254", 0), 0);
  ck_assert_int_eq(send_to(fd, "8.8.8.8", 1), 1);
  ck_assert_int_eq(sr_test_seti(fd, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO), 0);
  ck_assert_int_eq(send_to(fd, "10.0.0.2", 1472), 1472);
  ck_assert_int_eq(sr_if_set_mtu(0, 2, 1400), 0);
  ck_fails(send_to(fd, "10.0.0.2", 1472), EMSGSIZE);
  ck_assert_int_eq(send_to(fd, "10.0.0.2", 1372), 1372);
  sr_close(fd);
}
END_TEST

/* Longest prefix wins: with a default route via 10.0.0.254 (owned by
   "gw") and 10.9.0.0/16 via 10.0.0.2 ("peer"), host0's answer to
   10.9.1.1 goes to peer and its answer to 10.8.1.1 to gw. */
START_TEST(longest_prefix_match)
{
  CLAUSES("ip.7:DESCRIPTION");
  nt_cap c;
  int peer = host_on(1, "peer", "10.0.0.2/24");
  int gw = host_on(1, "gw", "10.0.0.254/24");
  ck_assert_int_eq(sr_route_add(0, "10.9.0.0/16", "10.0.0.2", 0), 0);
  int cp = sr_pcap_open(nt_path(cap_path, sizeof cap_path), peer, 2);
  ping(0, 2, "10.9.1.1", "10.0.0.1", 1);
  ping(0, 2, "10.8.1.1", "10.0.0.1", 2);
  ck_assert_int_eq(frames_of(cp, &c), 1);
  ck_assert_uint_eq(NT_DST(c.f[0].d), inet_addr("10.9.1.1"));
  nt_free(&c);
  cp = sr_pcap_open(cap_path, gw, 2);
  ping(0, 2, "10.8.1.1", "10.0.0.1", 3);
  ck_assert_int_eq(frames_of(cp, &c), 1);
  ck_assert_uint_eq(NT_DST(c.f[0].d), inet_addr("10.8.1.1"));
  nt_free(&c);
}
END_TEST

/* A secondary address in a primary's prefix is answered from itself,
   but adds no routes: with the primary's interface down, both go. */
START_TEST(addresses_and_source_selection)
{
  CLAUSES("ip.7:DESCRIPTION");
  nt_cap c;
  int peer = host_on(1, "peer", "10.0.0.2/24");
  ck_assert_int_eq(sr_addr_add(0, 2, "10.0.0.7/24", NULL), 0);
  int cp = sr_pcap_open(nt_path(cap_path, sizeof cap_path), peer, 2);
  ping(0, 2, "10.0.0.2", "10.0.0.7", 1);
  ping(0, 2, "10.0.0.2", "10.0.0.255", 2); /* broadcast echo: ignored */
  ck_assert_int_eq(frames_of(cp, &c), 1);
  ck_assert_uint_eq(NT_SRC(c.f[0].d), inet_addr("10.0.0.7"));
  nt_free(&c);
}
END_TEST

/* The LAN's medium: delay, loss, duplication; a seed decides. */
START_TEST(lan_delay)
{
  CLAUSES("ip.7:DESCRIPTION");
  nt_cap c;
  int peer = host_on(1, "peer", "10.0.0.2/24");
  struct sr_lan_config cfg = { .delay_ns = 5000000 };
  ck_assert_int_eq(sr_lan_configure(1, &cfg), 0);
  int cp = sr_pcap_open(nt_path(cap_path, sizeof cap_path), peer, 2);
  ping(0, 2, "10.0.0.2", "10.0.0.1", 1);
  sr_advance_ns(4999999);
  ck_assert_int_eq(sr_now_ns(), 4999999);
  sr_advance_ns(10000000);
  ck_assert_int_eq(sr_now_ns(), 14999999);
  ck_assert_int_eq(frames_of(cp, &c), 1);
  ck_assert_uint_eq(c.f[0].t_ns, 5000000);
  nt_free(&c);
}
END_TEST

static int count_arrivals(uint64_t seed, const struct sr_lan_config *cfg, int n, nt_cap *c)
{
  sr_reset();
  sr_world_seed(seed);
  int peer = host_on(1, "peer", "10.0.0.2/24");
  ck_assert_int_eq(sr_lan_configure(1, cfg), 0);
  int cp = sr_pcap_open(nt_path(cap_path, sizeof cap_path), peer, 2);
  for (int i = 0; i < n; i++) ping(0, 2, "10.0.0.2", "10.0.0.1", (uint16_t) i);
  sr_advance_ns(1000000000u);
  return frames_of(cp, c);
}

START_TEST(lan_loss_duplicate_reorder)
{
  CLAUSES("ip.7:DESCRIPTION");
  nt_cap c, c2;
  struct sr_lan_config all = { .loss = 1 };
  ck_assert_int_eq(count_arrivals(1, &all, 10, &c), 0);
  nt_free(&c);
  struct sr_lan_config dup = { .duplicate = 1 };
  ck_assert_int_eq(count_arrivals(1, &dup, 10, &c), 20);
  nt_free(&c);
  struct sr_lan_config mix = { .delay_ns = 1000, .jitter_ns = 1000, .loss = 0.3,
    .duplicate = 0.2, .reorder = 0.3, .reorder_ns = 1000000 };
  int n1 = count_arrivals(42, &mix, 100, &c);
  int n2 = count_arrivals(42, &mix, 100, &c2);
  ck_assert_int_eq(n1, n2);
  ck_assert_int_gt(n1, 50);
  ck_assert_int_lt(n1, 100);
  int reordered = 0;
  for (int i = 0; i < n1; i++) {
    ck_assert_uint_eq(c.f[i].t_ns, c2.f[i].t_ns);
    ck_assert_int_eq(memcmp(c.f[i].d, c2.f[i].d, c.f[i].len), 0);
    ck_assert_uint_ge(c.f[i].t_ns, 1000);
    if (i && nt_get16(c.f[i].d + 26) < nt_get16(c.f[i - 1].d + 26)) reordered++;
  }
  ck_assert_int_gt(reordered, 0);
  nt_free(&c);
  nt_free(&c2);
  count_arrivals(43, &mix, 100, &c2);
  ck_assert(c2.n != n1 || memcmp(c2.f[0].d, c.f[0].d, 0) == 0);
  nt_free(&c2);
}
END_TEST

/* A LAN's MTU becomes its members' MTU: a 3028-byte answer leaves in
   fragments of at most 1400 bytes. */
START_TEST(lan_mtu)
{
  CLAUSES("ip.7:IP_MTU_DISCOVER:6");
  nt_cap c;
  static uint8_t d[3100];
  int lan = sr_lan_new(1400);
  int peer = host_on(lan, "peer", "10.5.0.2/24");
  int e = sr_if_add(0, "eth1", 1500);
  ck_assert_int_eq(sr_lan_attach(lan, 0, e), 0);
  ck_assert_int_eq(sr_addr_add(0, e, "10.5.0.1/24", "+"), 0);
  ck_assert_int_eq(sr_if_set_up(0, e, 1), 0);
  int cp = sr_pcap_open(nt_path(cap_path, sizeof cap_path), peer, 2);
  size_t n = nt_echo(d, "10.5.0.2", "10.5.0.1", 3000, 1, 1, 0, 5);
  ck_assert_int_eq(sr_inject(0, e, d, n), 0);
  ck_assert_int_eq(frames_of(cp, &c), 3);
  ck_assert_uint_eq(NT_LEN(c.f[0].d), 1396);
  ck_assert_uint_eq(NT_LEN(c.f[1].d), 1396);
  ck_assert_uint_eq(NT_LEN(c.f[2].d), 3028 - 2 * 1376);
  nt_free(&c);
}
END_TEST

/* ip_default_ttl is per host and sets the TTL of what the host sends. */
START_TEST(default_ttl_per_host)
{
  CLAUSES("ip.7:proc:ip_default_ttl");
  nt_cap c;
  int peer = host_on(1, "peer", "10.0.0.2/24");
  ck_assert_int_eq(sr_host_sysctl_set(peer, "net.ipv4.ip_default_ttl", "100"), 0);
  int cp = sr_pcap_open(nt_path(cap_path, sizeof cap_path), -1, 0);
  ping(0, 2, "10.0.0.2", "10.0.0.1", 1);
  ping(peer, 2, "10.0.0.1", "10.0.0.2", 2);
  ck_assert_int_eq(frames_of(cp, &c), 2);
  ck_assert_uint_eq(NT_TTL(c.f[0].d), 64);
  ck_assert_uint_eq(NT_TTL(c.f[1].d), 100);
  nt_free(&c);
  /* a process on the peer reads its own host's value */
  ck_assert_int_eq(sr_proc_switch(sr_proc_new(peer, 0)), 0);
  char buf[16];
  ck_assert_int_eq(sr_sysctl_get("net.ipv4.ip_default_ttl", buf, sizeof buf), 3);
  ck_assert_str_eq(buf, "100");
}
END_TEST

/* Captures: one interface sees both directions; the world sees each
   frame once; timestamps are the virtual clock. */
START_TEST(pcap_scopes)
{
  CLAUSES("ip.7:DESCRIPTION");
  nt_cap c;
  char p2[80];
  int peer = host_on(1, "peer", "10.0.0.2/24");
  (void) peer;
  snprintf(p2, sizeof p2, "%s.w", nt_path(cap_path, sizeof cap_path));
  int ci = sr_pcap_open(cap_path, 0, 2), cw = sr_pcap_open(p2, -1, 0);
  sr_advance_ns(1234567890);
  ping(peer, 2, "10.0.0.1", "10.0.0.2", 1); /* peer answers host0 */
  ping(0, 2, "10.0.0.2", "10.0.0.1", 2); /* host0 answers peer */
  /* host0's eth0: the peer's answer, the injected request, host0's answer;
     the world: the two answers */
  ck_assert_int_eq(frames_of(ci, &c), 3);
  ck_assert_uint_eq(c.f[0].t_ns, 1234567890);
  ck_assert_uint_eq(c.f[1].d[20], ICMP_ECHO);
  nt_free(&c);
  ck_assert_int_eq(sr_pcap_close(cw), 0);
  nt_read(p2, &c);
  unlink(p2);
  ck_assert_int_eq(c.n, 2);
  nt_free(&c);
}
END_TEST

Suite *suite_world(void)
{
  Suite *s = suite_create("world");
  TCase *tc = tcase_create("build");
  tcase_add_checked_fixture(tc, sr_reset, done);
  tcase_add_test(tc, default_world_unchanged);
  tcase_add_test(tc, new_host_is_fresh_netns);
  tcase_add_test(tc, world_call_errors);
  tcase_add_test(tc, routes_follow_interface);
  tcase_add_test(tc, longest_prefix_match);
  tcase_add_test(tc, addresses_and_source_selection);
  tcase_add_test(tc, default_ttl_per_host);
  tcase_add_test(tc, pcap_scopes);
  suite_add_tcase(s, tc);
  tc = tcase_create("lan");
  tcase_add_checked_fixture(tc, sr_reset, done);
  tcase_add_test(tc, lan_delay);
  tcase_add_test(tc, lan_loss_duplicate_reorder);
  tcase_add_test(tc, lan_mtu);
  tcase_add_test(tc, unconnected_send_follows_routing);
  suite_add_tcase(s, tc);
  return s;
}
