/* main.c -- runs every Check suite of tests/ (the Makefile collects the
   suite_* functions into suites.inc). */
#include "sr_test.h"
#include <stdlib.h>

#define X(f) Suite *f(void);
#include "suites.inc"
#undef X

int main(void)
{
  SRunner *sr = srunner_create(NULL);
  int failed;
#define X(f) srunner_add_suite(sr, f());
#include "suites.inc"
#undef X
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
