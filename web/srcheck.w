% srcheck.w --- sr-check: replays sockscripts on sockref; the errata register; script coverage.
\def\title{SR-CHECK}
\input srmac
@i format.w
@s ss_value int
@s ss_script int
@s ss_outcome int
@s ss_buf int
@s ss_arena int
@s ss_env int
@s erratum int
@s clause int

@* The checker.
\.{sr-check} replays sockscripts on sockref, each on a fresh world
(|sr_reset|), and reports for each script that it passed, or the first
line at which sockref's answer is not in the set the script states:
the line, what the script expected, what sockref did, which part
differs, and the clauses the script exercises.  With \.{-v} it lists
every line.  The scripts were recorded on the kernel, so a divergence is
a difference between sockref and Linux --- a bug of sockref, unless the
errata register names the script as showing one of the model's
documented limits.

The same program keeps the errata register honest, measures how much of
the catalogue the scripts cover, and typesets the register for the book:
\smallskip
\item{} \.{sr-check [-v] [--kernel] [--repeat N] [--errata REG]
[--catalogue CAT --nobehaviour NB [--report FILE]] PATH...} checks;
\item{} \.{sr-check --errata-tex REG} writes the register as \TeX.
\smallskip\noindent
With \.{--kernel} the scripts are replayed on the kernel instead (as the
recorder runs them), which is how one asks whether a script still holds
on a new kernel without rewriting it.  \.{--repeat N} runs the whole set
|N| times, to measure the rate at which sockref checks scripts.  The exit
status is 0 when every script passed or diverged as the register says, 1
otherwise, 2 for a usage error.

@c
@<Header files@>@;
@<Types@>@;
@<Prototypes@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  @<Read the options@>@;
  if (tex) return errata_tex(tex);
  @<Load the register and the catalogue@>@;
  @<Check the scripts@>@;
  @<Audit the register@>@;
  @<Report the coverage@>@;
  @<Free everything@>@;
  return failed ? 1 : 0;
}

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "sockscript.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

@ @<Read the options@>=
bool verbose = false, kernel = false;
int repeat = 1, npaths = 0, nfiles, failed = 0, passed = 0, expected_div = 0;
long lines = 0;
const char *tex = NULL, *regpath = NULL, *catpath = NULL, *nbpath = NULL, *report = NULL;
char **paths = calloc((size_t) argc + 1, sizeof *paths), **files;
for (int i = 1; i < argc; i++) {
  if (!strcmp(argv[i], "-v")) verbose = true;
  else if (!strcmp(argv[i], "--kernel")) kernel = true;
  else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
  else if (!strcmp(argv[i], "--errata") && i + 1 < argc) regpath = argv[++i];
  else if (!strcmp(argv[i], "--errata-tex") && i + 1 < argc) tex = argv[++i];
  else if (!strcmp(argv[i], "--catalogue") && i + 1 < argc) catpath = argv[++i];
  else if (!strcmp(argv[i], "--nobehaviour") && i + 1 < argc) nbpath = argv[++i];
  else if (!strcmp(argv[i], "--report") && i + 1 < argc) report = argv[++i];
  else if (argv[i][0] == '-') {
    fprintf(stderr, "usage: sr-check [-v] [--kernel] [--repeat N] [--errata REG] "
      "[--catalogue CAT --nobehaviour NB [--report FILE]] PATH...\n"
      "       sr-check --errata-tex REG\n");
    @.usage: sr-check...@>
    return 2;
  } else paths[npaths++] = argv[i];
}
if (repeat < 1) repeat = 1;
nfiles = ss_collect(paths, npaths, &files);

@* Tab-separated tables.
The register, the catalogue and the list of clauses without behaviour
are tab-separated files with \.{\#} comments and a header line that names
the columns.  |read_table| reads one into rows of fields.

@<Types@>=
typedef struct { char **f; int n; int line; } row;
typedef struct { row *r; int n; char **col; int ncol; } table;

@ @<Functions@>=
static int split(char *line, char **f, int max)
{
  int n = 0;
  line[strcspn(line, "\r\n")] = '\0';
  for (char *p = line; n < max; ) {
    f[n++] = p;
    if (!(p = strchr(p, '\t'))) break;
    *p++ = '\0';
  }
  return n;
}

static bool read_table(const char *path, table *t)
{
  FILE *in = fopen(path, "r");
  char buf[16384];
  int lineno = 0;
  memset(t, 0, sizeof *t);
  if (!in) { fprintf(stderr, "sr-check: cannot read %s\n", path); return false; }
  @.sr-check: cannot read...@>
  while (fgets(buf, sizeof buf, in)) {
    char *f[32];
    int n;
    lineno++;
    if (buf[0] == '#' || buf[0] == '\n') continue;
    n = split(buf, f, 32);
    if (!t->col) {
      t->col = malloc((size_t) n * sizeof *t->col);
      for (int i = 0; i < n; i++) t->col[i] = strdup(f[i]);
      t->ncol = n;
      continue;
    }
    t->r = realloc(t->r, (size_t) (t->n + 1) * sizeof *t->r);
    t->r[t->n].f = malloc((size_t) n * sizeof(char *));
    for (int i = 0; i < n; i++) t->r[t->n].f[i] = strdup(f[i]);
    t->r[t->n].n = n;
    t->r[t->n++].line = lineno;
  }
  fclose(in);
  return t->col != NULL;
}

static int column(const table *t, const char *name)
{
  for (int i = 0; i < t->ncol; i++) if (!strcmp(t->col[i], name)) return i;
  return -1;
}

static const char *cell(const table *t, int r, int c)
{
  return c >= 0 && c < t->r[r].n ? t->r[r].f[c] : "";
}

@* The errata register.
Where the pages and Linux~6.18 disagree, sockref does what Linux does,
and \.{spec/errata.tsv} records the disagreement: the clause, what the
page says, what the kernel does, and the script that shows it.  The
script is recorded on the kernel like every other, so it shows the
kernel's behaviour, and sockref, which follows the kernel, passes it.
The register's last column says so: \.{pass}.

A register is not a way to excuse a difference between sockref and the
kernel.  Such a difference is a bug of sockref, and the cure is to fix
sockref.  The only other value of the last column, \.{diverge}, is for a
script that shows a limit of the model which the book states (the model
has one address family; a machine's local security policy is not
modelled): the checker then expects the script to diverge, and fails
when it passes, so that the register cannot go stale.

The audit checks every row: its clause is in the catalogue, its script
exists, and the script's header names the clause.

@<Types@>=
typedef struct { const char *clause, *page, *kernel, *script, *expect; int line; } erratum;

@ @<Functions@>=
static erratum *read_register(const char *path, table *tp, int *n)
{
  table t;
  erratum *e;
  int cc, cp, ck, cs, ce;
  if (!read_table(path, &t)) { *n = -1; return NULL; }
  cc = column(&t, "clause"); cp = column(&t, "page"); ck = column(&t, "kernel");
  cs = column(&t, "script"); ce = column(&t, "sockref");
  if (cc < 0 || cp < 0 || ck < 0 || cs < 0 || ce < 0) {
    fprintf(stderr, "%s: the columns must be clause, page, kernel, script, sockref\n", path);
    @.the columns must be...@>
    *n = -1;
    return NULL;
  }
  e = calloc((size_t) (t.n ? t.n : 1), sizeof *e);
  for (int i = 0; i < t.n; i++) {
    e[i].clause = cell(&t, i, cc); e[i].page = cell(&t, i, cp);
    e[i].kernel = cell(&t, i, ck); e[i].script = cell(&t, i, cs);
    e[i].expect = cell(&t, i, ce); e[i].line = t.r[i].line;
  }
  *n = t.n;
  *tp = t;
  return e;
}

static void free_table(table *t)
{
  for (int i = 0; i < t->n; i++) {
    for (int k = 0; k < t->r[i].n; k++) free(t->r[i].f[k]);
    free(t->r[i].f);
  }
  for (int i = 0; i < t->ncol; i++) free(t->col[i]);
  free(t->r);
  free(t->col);
  memset(t, 0, sizeof *t);
}

static const erratum *erratum_for(const erratum *e, int n, const char *script)
{
  for (int i = 0; i < n; i++)
    if (!strcmp(e[i].script, script) && !strcmp(e[i].expect, "diverge")) return &e[i];
  return NULL;
}

@ @<Load the register and the catalogue@>=
erratum *reg = NULL;
int nreg = 0;
table cat, nb, regt;
bool have_cat = false;
memset(&cat, 0, sizeof cat);
memset(&nb, 0, sizeof nb);
memset(&regt, 0, sizeof regt);
if (regpath && !(reg = read_register(regpath, &regt, &nreg)) && nreg < 0) return 2;
if (catpath) {
  if (!read_table(catpath, &cat) || (nbpath && !read_table(nbpath, &nb))) return 2;
  if (!nbpath) memset(&nb, 0, sizeof nb);
  have_cat = true;
}

@* Checking.
Each script is parsed once and run |repeat| times; only the first run is
reported.  The clock covers parsing and running, which is what a user of
the checker waits for.

@<Check the scripts@>=
ss_outcome *o = ss_outcome_new(kernel);
ss_arena a = {NULL, 0, 0};
char **covered = calloc((size_t) nfiles + 1, sizeof *covered);
ss_script **scripts = calloc((size_t) nfiles + 1, sizeof *scripts);
struct timespec t0, t1;
clock_gettime(CLOCK_MONOTONIC, &t0);
for (int rep = 0; rep < repeat; rep++)
  for (int f = 0; f < nfiles; f++) {
    ss_script *s = rep ? scripts[f] : (scripts[f] = ss_load(files[f], stderr));
    int r;
    if (!s) { if (!rep) failed++; continue; }
    if (kernel) ss_run_kernel(s, o, 10);
    else ss_run_sockref(s, o);
    lines += s->nlines;
    if (rep) continue;
    r = check_script(s, o, &a, verbose, erratum_for(reg, nreg, files[f]));
    if (r > 0) passed++;
    else if (r == 0) expected_div++;
    else failed++;
    ss_arena_reset(&a);
  }
clock_gettime(CLOCK_MONOTONIC, &t1);
@<Report the counts and the rate@>@;

@ @<Report the counts and the rate@>=
{
  double s = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
  long runs = (long) nfiles * repeat;
  printf("sr-check: %d scripts on %s: %d passed, %d diverged as the register says, %d failed\n",
    nfiles, kernel ? "the kernel" : "sockref", passed, expected_div, failed);
  printf("sr-check: %ld script runs (%ld lines) in %.3f s: %.0f scripts/s\n", runs, lines, s,
    s > 0 ? (double) runs / s : 0.0);
}

@ Checking one script: every call line in order, stopping at the first
that fails.  The answer is 1 for a pass, 0 for a divergence the register
expects, $-1$ for a failure.

@<Functions@>=
static const char *const status_text[] = {"pass", "diverges", "is not in sockref",
  "did not run", "has an input that could not be made", "is not recorded"};

static int check_script(ss_script *s, ss_outcome *o, ss_arena *a, bool verbose,
  const erratum *exp)
{
  ss_env e = o->env;
  for (int li = 0; li < s->nlines; li++) {
    int what, st;
    if (s->line[li].kind != SL_CALL) continue;
    st = ss_check_line(s, li, o, a, &e, &what);
    if (verbose) printf("%s:%d: %s\n", s->name, li + 1, status_text[st]);
    if (st == SS_PASS) continue;
    if (exp) {
      printf("EXPECTED %s:%d: diverges, as the register says (line %d: %s)\n", s->name, li + 1,
        exp->line, exp->clause);
      return 0;
    }
    report_failure(s, li, o, a, st, what);
    return -1;
  }
  if (o->stopped >= 0) {
    printf("FAIL %s: %s\n", s->name, o->note);
    return -1;
  }
  if (exp) {
    printf("FAIL %s: the register (line %d) says it diverges, but it passes\n", s->name, exp->line);
    @.the register says it diverges...@>
    return -1;
  }
  return 1;
}

@ A failure report shows the line as the script has it and as sockref
answered it, printed the way a recorder would write it.

@<Functions@>=
static void report_failure(ss_script *s, int li, ss_outcome *o, ss_arena *a, int st, int what)
{
  ss_buf b = {NULL, 0, 0};
  ss_env e = o->env;
  printf("FAIL %s:%d: the line %s", s->name, li + 1, status_text[st]);
  if (st == SS_DIVERGE || st == SS_UNRECORDED)
    printf(" (%s)", what == SS_WHAT_RET ? "the result" : what == SS_WHAT_ERR ? "the error number" :
      "an argument");
  if (what >= 0) printf(" in argument %d", what + 1);
  printf("\n  expected: %.*s\n", s->line[li].len, s->line[li].text);
  ss_print_line(&b, s, li, o, a, &e);
  if (st == SS_DIVERGE) printf("  actual:   %s\n", b.p);
  printf("  clauses:  ");
  for (int i = 0; i < s->nclauses; i++) printf("%s%s", i ? " " : "", s->clause[i]);
  printf("%s\n", s->nclauses ? "" : "(none named)");
  free(b.p);
}

@ @<Prototypes@>=
static void report_failure(ss_script *s, int li, ss_outcome *o, ss_arena *a, int st, int what);
static int find_clause(const table *t, const char *id);
static int errata_tex(const char *path);
static void free_table(table *t);

@* The audit.
Every row of the register must name a clause of the catalogue and a
script that exists and names that clause.

@<Audit the register@>=
for (int i = 0; i < nreg; i++) {
  ss_script *s = NULL;
  bool named = false;
  ss_script *loaded = NULL;
  for (int f = 0; f < nfiles; f++) if (!strcmp(files[f], reg[i].script)) s = scripts[f];
  if (!s) s = loaded = ss_load(reg[i].script, NULL);
  if (!s) {
    printf("FAIL %s:%d: the script %s does not exist or does not parse\n", regpath, reg[i].line, reg[i].script);
    @.the script X does not exist...@>
    failed++;
    continue;
  }
  for (int k = 0; k < s->nclauses; k++) if (!strcmp(s->clause[k], reg[i].clause)) named = true;
  if (!named) {
    printf("FAIL %s:%d: %s does not name the clause %s\n", regpath, reg[i].line, reg[i].script, reg[i].clause);
    @.does not name the clause@>
    failed++;
  }
  if (strcmp(reg[i].expect, "pass") && strcmp(reg[i].expect, "diverge")) {
    printf("FAIL %s:%d: the last column must be pass or diverge\n", regpath, reg[i].line);
    failed++;
  }
  if (have_cat && find_clause(&cat, reg[i].clause) < 0) {
    printf("FAIL %s:%d: the catalogue has no clause %s\n", regpath, reg[i].line, reg[i].clause);
    failed++;
  }
  ss_free(loaded);
}
if (regpath) printf("sr-check: errata register: %d entries\n", nreg);

@ @<Functions@>=
static int find_clause(const table *t, const char *id)
{
  for (int i = 0; i < t->n; i++) if (!strcmp(t->r[i].f[0], id)) return i;
  return -1;
}

@* Coverage.
A clause is {\it covered by scripts\/} when a script that passed names it
in its header.  The ratio that matters is over the clauses that have
behaviour a script can observe: all of the catalogue except those that
\.{spec/nobehaviour.tsv} lists, each with the reason (a colophon, a list
of related pages, a version history).  A script that names a clause the
catalogue lacks is a failure.  The report file has one line per clause:
its ID, kind, whether it has behaviour, and the number of scripts and
the first script that name it.  A script may also name a pseudo-clause
\.{linux:NAME}, an option beyond the pages (chapter ``Options beyond the
pages'' of the book), which the catalogue does not have and the coverage
does not count.

@<Report the coverage@>=
if (have_cat) {
  int *count = calloc((size_t) cat.n + 1, sizeof *count), beh = 0, cov = 0;
  const char **first = calloc((size_t) cat.n + 1, sizeof *first);
  for (int f = 0; f < nfiles; f++) {
    ss_script *s = scripts[f];
    if (!s) continue;
    for (int k = 0; k < s->nclauses; k++) {
      int c;
      if (!strncmp(s->clause[k], "linux:", 6)) continue; /* beyond the pages */
      c = find_clause(&cat, s->clause[k]);
      if (c < 0) {
        printf("FAIL %s: names %s, which the catalogue lacks\n", files[f], s->clause[k]);
        failed++;
        continue;
      }
      if (!count[c]++) first[c] = files[f];
    }
  }
  @<Check the list of clauses without behaviour@>@;
  for (int c = 0; c < cat.n; c++) {
    bool has = find_clause(&nb, cat.r[c].f[0]) < 0;
    if (has) { beh++; if (count[c]) cov++; }
  }
  printf("sr-check: clauses covered by scripts: %d of %d with behaviour (%.1f%%); %d clauses in the catalogue\n",
    cov, beh, beh ? 100.0 * cov / beh : 0.0, cat.n);
  if (report) @<Write the coverage report@>@;
  free(count);
  free(first);
}

@ @<Check the list of clauses without behaviour@>=
for (int i = 0; i < nb.n; i++)
  if (find_clause(&cat, nb.r[i].f[0]) < 0) {
    printf("FAIL %s:%d: the catalogue has no clause %s\n", nbpath, nb.r[i].line, nb.r[i].f[0]);
    failed++;
  }

@ @<Write the coverage report@>=
{
  FILE *out = fopen(report, "w");
  int kc = column(&cat, "kind");
  if (!out) { fprintf(stderr, "sr-check: cannot write %s\n", report); return 1; }
  fprintf(out, "clause\tkind\tbehaviour\tscripts\tfirst_script\n");
  for (int c = 0; c < cat.n; c++) {
    int n = find_clause(&nb, cat.r[c].f[0]);
    fprintf(out, "%s\t%s\t%s\t%d\t%s\n", cat.r[c].f[0], cell(&cat, c, kc),
      n < 0 ? "yes" : cell(&nb, n, 1), count[c], count[c] ? first[c] : "-");
  }
  fclose(out);
  printf("sr-check: coverage by clause written to %s\n", report);
}

@ Freeing everything, so that the leak checker of a sanitized build has
nothing to say.

@<Free everything@>=
for (int f = 0; f < nfiles; f++) { ss_free(scripts[f]); free(files[f]); }
free(scripts);
free(files);
free(paths);
free(covered);
free(reg);
free_table(&regt);
free_table(&cat);
free_table(&nb);
ss_arena_free(&a);
ss_outcome_free(o, kernel);

@* The register in the book.
The book's chapter on errata is typeset from the register: for each row,
the clause, what the page says, what the kernel does, and the script.
The text is escaped for \TeX.

@<Functions@>=
static void tex_text(const char *s)
{
  for (; *s; s++) {
    switch (*s) {
    case '\\': fputs("$\\backslash$", stdout); break;
    case '{': case '}': case '$': case '&': case '#': case '_': case '%':
      printf("\\%c", *s); break;
    case '^': fputs("\\^{}", stdout); break;
    case '~': fputs("\\~{}", stdout); break;
    case '|': fputs("$\\vert$", stdout); break;
    case '<': fputs("$<$", stdout); break;
    case '>': fputs("$>$", stdout); break;
    default: putchar(*s);
    }
  }
}

static int errata_tex(const char *path)
{
  int n;
  table t;
  erratum *e = read_register(path, &t, &n);
  if (n < 0) return 2;
  printf("%% errata.tex: generated by sr-check --errata-tex from %s; do not edit.\n", path);
  printf("\\def\\srerratacount{%d}\n", n);
  for (int i = 0; i < n; i++) {
    printf("\\srerratum{");
    tex_text(e[i].clause);
    printf("}{");
    tex_text(e[i].page);
    printf("}{");
    tex_text(e[i].kernel);
    printf("}{");
    tex_text(e[i].script);
    printf("}{%s}\n", e[i].expect);
  }
  free(e);
  free_table(&t);
  return 0;
}

@* Index.
