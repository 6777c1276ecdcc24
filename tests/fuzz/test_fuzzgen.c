/* test_fuzzgen.c -- tests of the sequence generator of the fuzzers
   (web/fuzzgen.w): sequences are determined by their seed or bytes, always
   parse, use only the calls sockref has when asked to, and end with lines
   that undo what they did to the world (descriptors, tunables). */
#define _GNU_SOURCE 1
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include "fuzzgen.h"
#include "sockscript.h"
#include "sockref.h"

static fg_options opts;
static bool enabled[64];

static void setup(void)
{
  if (!opts.n) {
    ck_assert_int_gt(fg_load_options("spec/options.tsv", &opts), 40);
    fg_probe_sockref(&opts, enabled);
  }
}

/* The text of one sequence: seeded, or from bytes when bytes is not null;
   as a batch of the differential fuzzer has it, in a process of its own
   (2), with its closing lines, then the tunables put back by process 1. */
static char *sequence(uint64_t seed, const uint8_t *bytes, size_t n, const bool *en, int lines)
{
  fg_rand r;
  fg_gen g;
  ss_buf b = {NULL, 0, 0};
  if (bytes) fg_from_bytes(&r, bytes, n);
  else fg_seed(&r, seed);
  fg_init(&g, &r, &opts, en, &b);
  fg_begin(&g, true);
  ss_printf(&b, "proc_new(0) = ?\nproc_switch(2) = ?\n");
  fg_sequence(&g, lines);
  fg_close_all(&g);
  ss_printf(&b, "proc_switch(1) = ?\n");
  fg_restore(&g);
  fg_free(&g);
  return b.p;
}

static int call_of(const char *name)
{
  for (int c = 0; c < ss_ncalls(); c++) if (!strcmp(ss_call_name(c), name)) return c;
  return -1;
}

START_TEST(a_seed_names_one_sequence)
{
  char *a = sequence(7, NULL, 0, NULL, 30), *b = sequence(7, NULL, 0, NULL, 30), *c = sequence(8, NULL, 0, NULL, 30);
  ck_assert_str_eq(a, b);
  ck_assert_str_ne(a, c);
  free(a); free(b); free(c);
}
END_TEST

START_TEST(bytes_name_one_sequence_and_run_out)
{
  uint8_t in[64];
  char *a, *b, *e;
  for (int i = 0; i < 64; i++) in[i] = (uint8_t) (i * 37 + 11);
  a = sequence(0, in, sizeof in, NULL, 1000);
  b = sequence(0, in, sizeof in, NULL, 1000);
  ck_assert_str_eq(a, b);
  /* 64 bytes make a few lines, not a thousand: the sequence stops when they run out */
  ck_assert_int_lt((int) strlen(a), 64 * 200);
  e = sequence(0, in, 0, NULL, 1000);
  ck_assert_int_lt((int) strlen(e), 200);
  free(a); free(b); free(e);
}
END_TEST

START_TEST(every_sequence_parses)
{
  for (uint64_t seed = 1; seed <= 400; seed++) {
    char *t = sequence(seed, NULL, 0, NULL, 40);
    ss_script *s = ss_parse("generated", t, strlen(t), stderr);
    ck_assert_msg(s != NULL, "seed %llu wrote a script that does not parse:\n%s", (unsigned long long) seed, t);
    ck_assert(s->unrecorded);
    ss_free(s);
    free(t);
  }
}
END_TEST

START_TEST(only_enabled_calls_are_made)
{
  bool only[64] = {false};
  only[call_of("socket")] = only[call_of("close")] = true;
  for (uint64_t seed = 1; seed <= 50; seed++) {
    char *t = sequence(seed, NULL, 0, only, 30);
    ss_script *s = ss_parse("generated", t, strlen(t), stderr);
    ck_assert(s != NULL);
    for (int li = 0; li < s->nlines; li++)
      if (s->line[li].kind == SL_CALL) {
        const char *c = ss_call_name(s->line[li].call);
        ck_assert_msg(!strcmp(c, "socket") || !strcmp(c, "close") || !strncmp(c, "proc_", 5),
          "seed %llu made %s", (unsigned long long) seed, c);
      }
    ss_free(s);
    free(t);
  }
}
END_TEST

/* The probe enables what sockref has: a line of every enabled call runs. */
START_TEST(the_probe_enables_what_sockref_has)
{
  ss_outcome *o = ss_outcome_new(false);
  ck_assert(enabled[call_of("socket")]);
  ck_assert(enabled[call_of("setsockopt")]);
  ck_assert(enabled[call_of("getsockopt")]);
  ck_assert(!enabled[call_of("proc_new")]); /* the fuzzer makes processes itself */
  for (uint64_t seed = 1; seed <= 200; seed++) {
    char *t = sequence(seed, NULL, 0, enabled, 30);
    ss_script *s = ss_parse("generated", t, strlen(t), stderr);
    ck_assert(s != NULL);
    ss_run_sockref(s, o);
    for (int li = 0; li < s->nlines; li++)
      if (s->line[li].kind == SL_CALL)
        ck_assert_msg(o->raw[li].status != RS_MISSING, "seed %llu: %.*s is not in sockref",
          (unsigned long long) seed, s->line[li].len, s->line[li].text);
    ss_free(s);
    free(t);
  }
  ss_outcome_free(o, false);
}
END_TEST

/* A sequence and its closing lines leave no descriptor above 2 open and
   every tunable as a new world has it: what lets sequences share a
   namespace. */
START_TEST(a_sequence_undoes_what_it_did)
{
  static const char *const names[] = {"net.ipv4.ip_default_ttl", "net.ipv4.ip_local_port_range",
    "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.core.somaxconn",
    "net.ipv4.ip_forward", "net.ipv4.igmp_max_memberships", "net.ipv6.ip6frag_time"};
  char before[8][256], after[256];
  ss_outcome *o = ss_outcome_new(false);
  sr_reset();
  for (int i = 0; i < 8; i++) ck_assert_int_ge(sr_sysctl_get(names[i], before[i], sizeof before[i]), 0);
  for (uint64_t seed = 1; seed <= 300; seed++) {
    char *t = sequence(seed, NULL, 0, enabled, 40);
    ss_script *s = ss_parse("generated", t, strlen(t), stderr);
    ck_assert(s != NULL);
    ss_run_sockref(s, o);
    ck_assert_int_eq(sr_proc_switch((pid_t) o->env.pid[1]), 0);
    for (int fd = 3; fd < 64; fd++)
      ck_assert_msg(sr_fcntl(fd, F_GETFD) < 0, "seed %llu leaves descriptor %d open", (unsigned long long) seed, fd);
    for (int i = 0; i < 8; i++) {
      ck_assert_int_ge(sr_sysctl_get(names[i], after, sizeof after), 0);
      ck_assert_msg(!strcmp(after, before[i]), "seed %llu leaves %s at %s", (unsigned long long) seed, names[i], after);
    }
    ss_free(s);
    free(t);
  }
  ss_outcome_free(o, false);
}
END_TEST

static Suite *suite_fuzzgen(void)
{
  Suite *s = suite_create("fuzzgen");
  TCase *tc = tcase_create("sequences");
  tcase_add_unchecked_fixture(tc, setup, NULL);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, a_seed_names_one_sequence);
  tcase_add_test(tc, bytes_name_one_sequence_and_run_out);
  tcase_add_test(tc, every_sequence_parses);
  tcase_add_test(tc, only_enabled_calls_are_made);
  tcase_add_test(tc, the_probe_enables_what_sockref_has);
  tcase_add_test(tc, a_sequence_undoes_what_it_did);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(suite_fuzzgen());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  fg_free_options(&opts);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
