/* test_sysctl.c -- the tunables under /proc/sys/net: defaults of a fresh
   namespace and the kernel's validation of writes (measured on 6.18). */
#include "sr_test.h"
#include <linux/capability.h>

static const char *get(const char *name)
{
  static char buf[256];
  ck_assert_int_ge(sr_sysctl_get(name, buf, sizeof buf), 0);
  return buf;
}

START_TEST(defaults_of_a_fresh_namespace)
{
  CLAUSES("socket.7:proc:rmem_default", "socket.7:proc:rmem_max",
          "socket.7:proc:wmem_default", "socket.7:proc:wmem_max",
          "socket.7:proc:message_cost", "socket.7:proc:netdev_max_backlog",
          "socket.7:proc:optmem_max", "ip.7:proc:ip_default_ttl",
          "ip.7:proc:ip_local_port_range", "ip.7:proc:ip_no_pmtu_disc",
          "ip.7:proc:ip_nonlocal_bind", "ip.7:proc:ip_forward");
  ck_assert_str_eq(get("net.core.rmem_default"), "212992");
  ck_assert_str_eq(get("net.core.wmem_default"), "212992");
  ck_assert_str_eq(get("net.core.rmem_max"), "4194304");
  ck_assert_str_eq(get("net.core.wmem_max"), "4194304");
  ck_assert_str_eq(get("net.core.message_cost"), "5");
  ck_assert_str_eq(get("net.core.message_burst"), "10");
  ck_assert_str_eq(get("net.core.netdev_max_backlog"), "1000");
  ck_assert_str_eq(get("net.core.optmem_max"), "131072");
  ck_assert_str_eq(get("net.core.busy_read"), "0");
  ck_assert_str_eq(get("net.core.busy_poll"), "0");
  ck_assert_str_eq(get("net.core.somaxconn"), "4096");
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "64");
  ck_assert_str_eq(get("net.ipv4.ip_dynaddr"), "0");
  ck_assert_str_eq(get("net.ipv4.ip_forward"), "0");
  ck_assert_str_eq(get("net.ipv4.ip_local_port_range"), "32768\t60999");
  ck_assert_str_eq(get("net.ipv4.ip_local_reserved_ports"), "");
  ck_assert_str_eq(get("net.ipv4.ip_no_pmtu_disc"), "0");
  ck_assert_str_eq(get("net.ipv4.ip_nonlocal_bind"), "0");
  ck_assert_str_eq(get("net.ipv4.ip_unprivileged_port_start"), "1024");
  ck_assert_str_eq(get("net.ipv4.ipfrag_high_thresh"), "4194304");
  ck_assert_str_eq(get("net.ipv4.ipfrag_low_thresh"), "3145728");
  ck_assert_str_eq(get("net.ipv4.ipfrag_time"), "30");
  ck_assert_str_eq(get("net.ipv4.igmp_max_memberships"), "20");
  ck_assert_str_eq(get("net.ipv4.igmp_max_msf"), "10");
  ck_assert_str_eq(get("net.ipv4.ping_group_range"), "1\t0");
}
END_TEST

START_TEST(unknown_names_and_small_buffers)
{
  CLAUSES("ip.7:proc:ip_default_ttl");
  char buf[4];
  ck_fails(sr_sysctl_get("net.ipv4.no_such_thing", buf, sizeof buf), ENOENT);
  ck_fails(sr_sysctl_set("net.ipv4.no_such_thing", "1"), ENOENT);
  ck_fails(sr_sysctl_get("net.core.rmem_max", buf, sizeof buf), EINVAL);
  ck_assert_int_eq(sr_sysctl_get("net.ipv4.ip_default_ttl", buf, sizeof buf), 2);
  ck_assert_str_eq(buf, "64");
  ck_fails(sr_sysctl_get(NULL, buf, sizeof buf), EFAULT);
}
END_TEST

START_TEST(integer_parser_rules)
{
  CLAUSES("ip.7:proc:ip_default_ttl", "ip.7:proc:ip_forward");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_default_ttl", " 5"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "5");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_default_ttl", "010"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "8");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_default_ttl", "0x10"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "16");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_default_ttl", "7\n"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "7");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_default_ttl", "9 junk"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "9");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_default_ttl", ""), 0);
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "9");
  ck_fails(sr_sysctl_set("net.ipv4.ip_default_ttl", "+5"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_default_ttl", "abc"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_default_ttl", "5abc"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_default_ttl", "0"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_default_ttl", "256"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_default_ttl", "-1"), EINVAL);
  ck_assert_str_eq(get("net.ipv4.ip_default_ttl"), "9");
  /* ip_forward has no range check */
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_forward", "-1"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_forward"), "-1");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_forward", "2147483647"), 0);
  ck_fails(sr_sysctl_set("net.ipv4.ip_forward", "2147483648"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_forward", "9223372036854775808"), EINVAL);
  ck_assert_str_eq(get("net.ipv4.ip_forward"), "2147483647");
  /* strict booleans and small ranges */
  ck_fails(sr_sysctl_set("net.ipv4.ip_autobind_reuse", "2"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_autobind_reuse", "1 2"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_autobind_reuse"), "1");
  ck_fails(sr_sysctl_set("net.ipv4.ip_nonlocal_bind", "-1"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_nonlocal_bind", "2"), 0);
  ck_fails(sr_sysctl_set("net.core.optmem_max", "-1"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.igmp_max_memberships", "-1"), 0);
  ck_assert_str_eq(get("net.ipv4.igmp_max_memberships"), "-1");
}
END_TEST

START_TEST(buffer_tunables_have_the_kernel_minimum)
{
  CLAUSES("socket.7:proc:rmem_max", "socket.7:proc:wmem_max", "socket.7:NOTES");
  ck_fails(sr_sysctl_set("net.core.rmem_max", "2303"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.core.rmem_max", "2304"), 0);
  ck_fails(sr_sysctl_set("net.core.wmem_max", "4607"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.core.wmem_max", "4608"), 0);
  ck_fails(sr_sysctl_set("net.core.rmem_default", "1"), EINVAL);
  ck_assert_str_eq(get("net.core.rmem_max"), "2304");
}
END_TEST

START_TEST(port_range_and_unprivileged_start_check_each_other)
{
  CLAUSES("ip.7:proc:ip_local_port_range", "ip.7:addr:privileged_ports");
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_port_range", "1000 900"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_port_range", "0 65535"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_port_range", "1 65535"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_port_range", "1023 2000"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_port_range", "1024 65536"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_port_range", "-1 100"), EINVAL);
  ck_assert_str_eq(get("net.ipv4.ip_local_port_range"), "32768\t60999");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_port_range", "1024 1024"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_local_port_range"), "1024\t1024");
  ck_fails(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "1025"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "1024"), 0);
}
END_TEST

START_TEST(port_range_single_value_sets_the_low_end)
{
  CLAUSES("ip.7:proc:ip_local_port_range");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_port_range", "5000"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_local_port_range"), "5000\t60999");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_port_range", "5000 6000 7000"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_local_port_range"), "5000\t6000");
  ck_fails(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "5001"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "5000"), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "0"), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_port_range", "2000 60999"), 0);
  ck_fails(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "-1"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_unprivileged_port_start", "65536"), EINVAL);
}
END_TEST

START_TEST(fragment_thresholds_keep_their_order)
{
  CLAUSES("ip.7:proc:ipfrag_high_thresh", "ip.7:proc:ipfrag_low_thresh");
  ck_fails(sr_sysctl_set("net.ipv4.ipfrag_high_thresh", "2"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ipfrag_high_thresh", "-1"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ipfrag_high_thresh", "9223372036854775807"), 0);
  ck_assert_str_eq(get("net.ipv4.ipfrag_high_thresh"), "9223372036854775807");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ipfrag_low_thresh", "0"), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ipfrag_high_thresh", "1"), 0);
  ck_fails(sr_sysctl_set("net.ipv4.ipfrag_low_thresh", "2"), EINVAL);
}
END_TEST

START_TEST(reserved_ports_list)
{
  CLAUSES("ip.7:proc_interfaces");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", "1000-1002,2000"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_local_reserved_ports"), "1000-1002,2000");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", ""), 0);
  ck_assert_str_eq(get("net.ipv4.ip_local_reserved_ports"), "1000-1002,2000");
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", "2000-1000"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", "65536"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", "-1"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", " 5"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_local_reserved_ports", "0x10\n"), 0);
  ck_assert_str_eq(get("net.ipv4.ip_local_reserved_ports"), "16");
}
END_TEST

START_TEST(ping_group_range_rules)
{
  CLAUSES("ip.7:DESCRIPTION");
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ping_group_range", "0 4294967294"), 0);
  ck_assert_str_eq(get("net.ipv4.ping_group_range"), "0\t4294967294");
  ck_fails(sr_sysctl_set("net.ipv4.ping_group_range", "0 4294967295"), EINVAL);
  ck_fails(sr_sysctl_set("net.ipv4.ping_group_range", "-1 5"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ping_group_range", "5 4"), 0);
  ck_assert_str_eq(get("net.ipv4.ping_group_range"), "1\t0");
}
END_TEST

START_TEST(writing_needs_privilege)
{
  CLAUSES("ip.7:proc:ip_forward");
  ck_assert_int_eq(sr_seteuid(65534), 0);
  ck_fails(sr_sysctl_set("net.ipv4.ip_forward", "1"), EACCES);
  ck_fails(sr_sysctl_set("net.core.rmem_max", "100000"), EACCES);
  ck_assert_str_eq(get("net.ipv4.ip_forward"), "0");
  ck_assert_int_eq(sr_seteuid(0), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_forward", "1"), 0);
}
END_TEST

START_TEST(new_sockets_take_their_defaults_from_the_tunables)
{
  CLAUSES("socket.7:proc:rmem_default", "socket.7:proc:wmem_default",
          "ip.7:proc:ip_no_pmtu_disc");
  ck_assert_int_eq(sr_sysctl_set("net.core.rmem_default", "100000"), 0);
  ck_assert_int_eq(sr_sysctl_set("net.ipv4.ip_no_pmtu_disc", "1"), 0);
  int u = sr_socket(AF_INET, SOCK_DGRAM, 0);
  ck_assert_int_eq(sr_test_geti(u, SOL_SOCKET, SO_RCVBUF), 100000);
  ck_assert_int_eq(sr_test_geti(u, SOL_SOCKET, SO_SNDBUF), 212992);
  ck_assert_int_eq(sr_test_geti(u, IPPROTO_IP, IP_MTU_DISCOVER), IP_PMTUDISC_DONT);
  int t = sr_socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_eq(sr_test_geti(t, SOL_SOCKET, SO_RCVBUF), 131072);
  ck_assert_int_eq(sr_test_geti(t, SOL_SOCKET, SO_SNDBUF), 16384);
}
END_TEST

START_TEST(files_the_kernel_no_longer_has)
{
  CLAUSES("ip.7:proc:ip_always_defrag", "ip.7:proc:ip_autoconfig",
          "ip.7:proc:ip6frag_time", "ip.7:proc_interfaces");
  char buf[32];
  ck_fails(sr_sysctl_get("net.ipv4.ip_always_defrag", buf, sizeof buf), ENOENT);
  ck_fails(sr_sysctl_get("net.ipv4.ip_autoconfig", buf, sizeof buf), ENOENT);
  ck_fails(sr_sysctl_get("net.ipv6.ip6frag_secret_interval", buf, sizeof buf), ENOENT);
  ck_assert_str_eq(get("net.ipv6.ip6frag_time"), "60");
  ck_assert_str_eq(get("net.ipv6.ip6frag_high_thresh"), "4194304");
  ck_fails(sr_sysctl_set("net.ipv6.ip6frag_high_thresh", "0"), EINVAL);
  ck_assert_int_eq(sr_sysctl_set("net.ipv6.ip6frag_time", "-1"), 0);
  ck_assert_str_eq(get("net.ipv6.ip6frag_time"), "-1");
}
END_TEST

Suite *suite_sysctl(void)
{
  Suite *s = suite_create("sysctl");
  TCase *tc = sr_tcase(s, "tunables");
  tcase_add_test(tc, defaults_of_a_fresh_namespace);
  tcase_add_test(tc, unknown_names_and_small_buffers);
  tcase_add_test(tc, integer_parser_rules);
  tcase_add_test(tc, buffer_tunables_have_the_kernel_minimum);
  tcase_add_test(tc, port_range_and_unprivileged_start_check_each_other);
  tcase_add_test(tc, port_range_single_value_sets_the_low_end);
  tcase_add_test(tc, fragment_thresholds_keep_their_order);
  tcase_add_test(tc, reserved_ports_list);
  tcase_add_test(tc, ping_group_range_rules);
  tcase_add_test(tc, writing_needs_privilege);
  tcase_add_test(tc, new_sockets_take_their_defaults_from_the_tunables);
  tcase_add_test(tc, files_the_kernel_no_longer_has);
  return s;
}
