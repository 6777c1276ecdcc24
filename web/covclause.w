% covclause.w --- coverage per clause.
\def\title{COVCLAUSE}
\input srmac
@i format.w

@* Coverage per clause.
\.{lcov} says which lines of the webs the tests ran; an auditor wants to
know it per {\it clause}: for each clause of the man pages, which sections
of the book implement it, how many of their lines the tests ran, and which
tests name it.  This program joins four files that already hold the
answer:
\smallskip
\item{1.} the tangled library, whose \.{/*N:*/} and \.{/*:N*/} markers
bracket the code of section~$N$ and whose \.{\#line} directives say from
which line of which web each line came;
\item{2.} the woven book, in which each section that implements a clause
says \.{\\clause\{ID\}} and each section begins with \.{\\M\{N\}} or
\.{\\N\{d\}\{N\}};
\item{3.} the \.{lcov} trace of the tests, with a count per web line;
\item{4.} the test sources, in which each test lists the clauses it checks
in \.{CLAUSES(...)};
\item{5.} optionally, the corpus of sockscripts, whose headers name the
clauses each script exercises, and the errata register, whose rows name
the clauses where the pages and Linux disagree.
\smallskip\noindent
Usage: \.{covclause sockref.c sockref.tex web.info TESTDIR [SCRIPTDIR
ERRATA]}; the table goes to standard output, one clause a line:
\.{clause}, \.{sections}, \.{hit/total}, \.{tests}, and with the last two
arguments \.{scripts} (how many scripts name the clause) and \.{errata}
(how many rows of the register).

@c
@<Header files@>@;
@<Data@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  if (argc != 5 && argc != 7) {
    fprintf(stderr, "usage: covclause SOCKREF.c SOCKREF.tex WEB.info TESTDIR [SCRIPTDIR ERRATA]\n");
    @.usage: covclause...@>
    return 2;
  }
  read_tangled(argv[1]);
  read_woven(argv[2]);
  read_trace(argv[3]);
  read_tests(argv[4]);
  if (argc == 7) {
    with_scripts = 1;
    read_scripts(argv[5]);
    read_errata(argv[6]);
  }
  report();
  return 0;
}

@ @<Header files@>=
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

@ The data: for every web line that carries code, its section; for every
section, the clauses it names; for every web line, its count; for every
clause, the tests that name it.  Webs are few and short, so plain arrays
indexed by a small file number and the line do.

@<Data@>=
#define MAXFILES 32
#define MAXLINES 65536
#define MAXSECT 4096
#define MAXCL 1024
static char *file[MAXFILES];
static int nfiles;
static short *section_of[MAXFILES]; /* web line $\to$ section, 0 if none */
static int *count_of[MAXFILES]; /* web line $\to$ hits, $-1$ if not in the trace */
static char *clause[MAXCL];
static int nclauses;
static unsigned char names[MAXCL][MAXSECT / 8]; /* clause $\times$ section */
static char *tests_of[MAXCL];
static int scripts_of[MAXCL], errata_of[MAXCL], with_scripts;

@ @<Functions@>=
static void *xmalloc(size_t n)
{
  void *p = calloc(1, n);
  if (!p) { fprintf(stderr, "covclause: out of memory\n"); exit(1); }
  @.covclause: out of memory@>
  return p;
}

static int file_index(const char *name)
{
  for (int i = 0; i < nfiles; i++) if (!strcmp(file[i], name)) return i;
  if (nfiles == MAXFILES) { fprintf(stderr, "covclause: too many webs\n"); exit(1); }
  file[nfiles] = strdup(name);
  section_of[nfiles] = xmalloc(MAXLINES * sizeof(short));
  count_of[nfiles] = xmalloc(MAXLINES * sizeof(int));
  for (int k = 0; k < MAXLINES; k++) count_of[nfiles][k] = -1;
  return nfiles++;
}

static int clause_index(const char *id)
{
  for (int i = 0; i < nclauses; i++) if (!strcmp(clause[i], id)) return i;
  if (nclauses == MAXCL) { fprintf(stderr, "covclause: too many clauses\n"); exit(1); }
  clause[nclauses] = strdup(id);
  tests_of[nclauses] = strdup("");
  return nclauses++;
}

static FILE *open_or_die(const char *path)
{
  FILE *f = fopen(path, "r");
  if (!f) { fprintf(stderr, "covclause: cannot read %s\n", path); exit(1); }
  @.covclause: cannot read...@>
  return f;
}

@ The tangled file.  A \.{\#line L "F"} directive says that the next line
is line $L$ of web $F$; each further line advances the count.  The
markers \.{/*N:*/} open section $N$ and \.{/*:N*/} close it; sections
nest when a named module is used inside another, and the innermost is the
one a line belongs to.

@<Functions@>=
static void read_tangled(const char *path)
{
  char buf[8192], name[1024];
  int stack[256], depth = 0, fi = -1, line = 0;
  FILE *in = open_or_die(path);
  while (fgets(buf, sizeof buf, in)) {
    int l, n;
    char *p;
    if (sscanf(buf, "#line %d \"%1023[^\"]\"", &l, name) == 2) {
      fi = file_index(name); line = l;
      continue;
    }
    for (p = buf; (p = strstr(p, "/*")); p += 2) {
      if (sscanf(p, "/*%d:*/", &n) == 1 && depth < 256) stack[depth++] = n;
      else if (sscanf(p, "/*:%d*/", &n) == 1 && depth > 0) depth--;
    }
    if (fi >= 0 && line > 0 && line < MAXLINES && depth > 0)
      section_of[fi][line] = (short) stack[depth - 1];
    if (fi >= 0) line++;
  }
  fclose(in);
}

@ The woven file.  A section begins at \.{\\M\{N\}} or \.{\\N\{d\}\{N\}};
every \.{\\clause\{ID\}} after it, up to the next section, names a clause
of that section.

@<Functions@>=
static void read_woven(const char *path)
{
  char buf[16384];
  int sect = 0;
  FILE *in = open_or_die(path);
  while (fgets(buf, sizeof buf, in)) {
    char *p;
    int n, d;
    if (sscanf(buf, "\\M{%d}", &n) == 1) sect = n;
    else if (sscanf(buf, "\\N{%d}{%d}", &d, &n) == 2) sect = n;
    for (p = buf; (p = strstr(p, "\\clause{")); ) {
      char *q = strchr(p + 8, '}');
      if (!q) break;
      *q = '\0';
      if (sect > 0 && sect < MAXSECT) {
        int c = clause_index(p + 8);
        names[c][sect / 8] |= (unsigned char) (1 << (sect % 8));
      }
      p = q + 1;
    }
  }
  fclose(in);
}

@ The \.{lcov} trace: \.{SF:} names the web, \.{DA:L,C} gives a count.

@<Functions@>=
static void read_trace(const char *path)
{
  char buf[4096];
  int fi = -1;
  FILE *in = open_or_die(path);
  while (fgets(buf, sizeof buf, in)) {
    int l;
    long c;
    buf[strcspn(buf, "\n")] = '\0';
    if (!strncmp(buf, "SF:", 3)) {
      const char *w = strstr(buf, "web/");
      fi = w ? file_index(w) : -1;
    } else if (fi >= 0 && sscanf(buf, "DA:%d,%ld", &l, &c) == 2 && l > 0 && l < MAXLINES)
      count_of[fi][l] = (int) c;
  }
  fclose(in);
}

@ The tests: in each \.{tests/test\_*.c}, \.{START\_TEST(name)} opens a
test and every string in a following \.{CLAUSES(...)}, which may span
lines, is a clause it checks.  Other strings that look like clause IDs
(the catalogue's own tests list hundreds of them as data) do not count.

@<Functions@>=
static void note_test(int c, const char *test)
{
  size_t n = strlen(tests_of[c]) + strlen(test) + 2;
  char *s = xmalloc(n);
  snprintf(s, n, "%s%s%s", tests_of[c], *tests_of[c] ? "," : "", test);
  free(tests_of[c]);
  tests_of[c] = s;
}

static void read_tests(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d) { fprintf(stderr, "covclause: cannot open %s\n", dir); exit(1); }
  while ((e = readdir(d))) {
    char path[4096], buf[4096], test[256] = "";
    int in_list = 0;
    FILE *in;
    if (strncmp(e->d_name, "test_", 5) || !strstr(e->d_name, ".c")) continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    in = open_or_die(path);
    while (fgets(buf, sizeof buf, in)) {
      char *p = strstr(buf, "START_TEST(");
      if (p) sscanf(p, "START_TEST(%255[^)])", test);
      p = strstr(buf, "CLAUSES(");
      if (p) in_list = 1;
      else p = buf;
      if (!in_list) continue;
      for (; (p = strchr(p, '"')); ) {
        char *q = strchr(p + 1, '"');
        if (!q) break;
        *q = '\0';
        if (*test) note_test(clause_index(p + 1), test);
        p = q + 1;
      }
      if (strstr(buf, ");")) in_list = 0;
    }
    fclose(in);
  }
  closedir(d);
}

@ The scripts: every file under the directory whose name ends in
\.{.sr}; a header line \.{\#! clauses ID...} names clauses.

@<Functions@>=
static void read_scripts(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d) { fprintf(stderr, "covclause: cannot open %s\n", dir); exit(1); }
  while ((e = readdir(d))) {
    char path[4096], buf[8192];
    size_t n = strlen(e->d_name);
    FILE *in;
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (n < 3 || strcmp(e->d_name + n - 3, ".sr")) {
      DIR *sub = opendir(path);
      if (sub) { closedir(sub); read_scripts(path); }
      continue;
    }
    in = open_or_die(path);
    while (fgets(buf, sizeof buf, in)) {
      char *tok, *save;
      if (strncmp(buf, "#! clauses", 10)) continue;
      for (tok = strtok_r(buf + 10, " \t\n", &save); tok; tok = strtok_r(NULL, " \t\n", &save))
        scripts_of[clause_index(tok)]++;
    }
    fclose(in);
  }
  closedir(d);
}

@ The register: a tab-separated file whose first column is a clause; comment
lines and the header line are skipped.

@<Functions@>=
static void read_errata(const char *path)
{
  char buf[8192];
  int header = 0;
  FILE *in = open_or_die(path);
  while (fgets(buf, sizeof buf, in)) {
    if (buf[0] == '#' || buf[0] == '\n') continue;
    buf[strcspn(buf, "\t\n")] = '\0';
    if (!header) { header = 1; continue; }
    errata_of[clause_index(buf)]++;
  }
  fclose(in);
}

@ The report.  For each clause: the sections that name it, the code lines
of those sections that the trace knows and how many of them ran, and the
tests.  A clause that no section names still appears when a test names
it, with no sections.

@<Functions@>=
static void report(void)
{
  printf("clause\tsections\tlines_hit/total\ttests%s\n", with_scripts ? "\tscripts\terrata" : "");
  for (int c = 0; c < nclauses; c++) {
    char sects[4096] = "";
    size_t n = 0;
    long hit = 0, total = 0;
    for (int s = 1; s < MAXSECT; s++) {
      if (!(names[c][s / 8] & (1 << (s % 8)))) continue;
      n += (size_t) snprintf(sects + n, sizeof sects - n, n ? ",%d" : "%d", s);
      for (int f = 0; f < nfiles; f++)
        for (int l = 1; l < MAXLINES; l++)
          if (section_of[f][l] == s && count_of[f][l] >= 0) {
            total++;
            if (count_of[f][l] > 0) hit++;
          }
      if (n >= sizeof sects - 16) break;
    }
    printf("%s\t%s\t%ld/%ld\t%s", clause[c], *sects ? sects : "-", hit, total,
      *tests_of[c] ? tests_of[c] : "-");
    if (with_scripts) printf("\t%d\t%d", scripts_of[c], errata_of[c]);
    putchar('\n');
  }
}

@* Index.
