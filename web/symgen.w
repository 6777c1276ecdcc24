% symgen.w --- the symbol-table generator of sockscripts.
\def\title{SYMGEN}
\input srmac
@i format.w

@* The symbol-table generator.
A sockscript names its constants as a C programmer does: \.{SOL\_SOCKET},
\.{SO\_RCVBUF}, \.{EINVAL}, \.{O\_NONBLOCK}$\vert$\.{O\_RDWR}.  The programs
that read and write scripts need a table from each name to its value, and,
for printing, from a value back to a name of the right {\it class\/} (an
error number prints as \.{EAGAIN}, an option of level \.{SOL\_SOCKET} as
\.{SO\_RCVBUF}).  Typing those numbers by hand would be a second source
of truth beside the system headers; this program therefore writes the
table with names only, each entry |{"NAME", NAME}| guarded by
\.{\#ifdef NAME}, and the C compiler fills in the values from the headers
of the machine that builds the tools --- the same headers the library was
compiled with.

The names come from the headers too.  \.{spec/symbols.tsv} lists, for each
class, the headers to read and the patterns the names must match; the
program collects every object-like \.{\#define} of those headers whose name
matches, in the order in which the headers define them.

Usage: \.{symgen spec/symbols.tsv INCLUDEDIR... > generated/ss\_symbols.h}.
A header is looked for in each include directory in turn.

@c
@<Header files@>@;
@<Data@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  if (argc < 3) {
    fprintf(stderr, "usage: symgen SYMBOLS.tsv INCLUDEDIR...\n");
    @.usage: symgen...@>
    return 2;
  }
  incdir = argv + 2;
  nincdir = argc - 2;
  read_spec(argv[1]);
  emit();
  return errors ? 1 : 0;
}

@ @<Header files@>=
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

@ A class has a name, a kind (\.{enum}, \.{flags} or \.{oflags}) and the
names found for it.  Classes are few and names a few hundred each.

@<Data@>=
#define MAXCLASS 64
#define MAXNAMES 1024
struct class {
  char name[32], kind[16];
  char *names[MAXNAMES];
  int n;
};
static struct class cls[MAXCLASS];
static int ncls, errors;
static char **incdir;
static int nincdir;

@ The patterns.  A pattern ending in \.{*} is a prefix; a pattern starting
with \.{-} excludes: \.{-X*} a prefix, \.{-*X} a suffix, \.{-X} one name.
A name is taken when some inclusion matches and no exclusion does.

@<Functions@>=
static int pattern_match(const char *pat, const char *name)
{
  size_t lp = strlen(pat), ln = strlen(name);
  if (pat[0] == '*') return ln >= lp - 1 && !strcmp(name + ln - (lp - 1), pat + 1);
  if (lp && pat[lp - 1] == '*') return !strncmp(name, pat, lp - 1);
  return !strcmp(name, pat);
}

static int wanted(char **pat, int npat, const char *name)
{
  int in = 0;
  for (int i = 0; i < npat; i++) {
    if (pat[i][0] == '-') {
      if (pattern_match(pat[i] + 1, name)) return 0;
    } else if (pattern_match(pat[i], name)) in = 1;
  }
  return in;
}

@ Scanning a header: a line \.{\#define NAME VALUE}, with any white space
around the \.{\#}, defines an object-like macro when the name is not
followed at once by a parenthesis; a definition with no value (an include
guard) is no constant.

@<Functions@>=
static FILE *open_header(const char *h)
{
  char path[4096];
  for (int i = 0; i < nincdir; i++) {
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", incdir[i], h);
    if ((f = fopen(path, "r"))) return f;
  }
  fprintf(stderr, "symgen: header %s not found\n", h);
  @.symgen: header X not found@>
  errors++;
  return NULL;
}

static void add_name(struct class *c, const char *name)
{
  for (int i = 0; i < c->n; i++) if (!strcmp(c->names[i], name)) return;
  if (c->n == MAXNAMES) { fprintf(stderr, "symgen: class %s too big\n", c->name); exit(1); }
  c->names[c->n++] = strdup(name);
}

static void scan_header(struct class *c, const char *h, char **pat, int npat)
{
  char line[4096], name[256];
  FILE *f = open_header(h);
  if (!f) return;
  while (fgets(line, sizeof line, f)) {
    char *p = line;
    size_t n = 0;
    while (isspace((unsigned char) *p)) p++;
    if (*p++ != '#') continue;
    while (isspace((unsigned char) *p)) p++;
    if (strncmp(p, "define", 6) || !isspace((unsigned char) p[6])) continue;
    p += 6;
    while (isspace((unsigned char) *p)) p++;
    while ((isalnum((unsigned char) *p) || *p == '_') && n < sizeof name - 1) name[n++] = *p++;
    name[n] = '\0';
    if (!n || *p == '(') continue;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '\n' || *p == '\0') continue;
    if (wanted(pat, npat, name)) add_name(c, name);
  }
  fclose(f);
}

@ The specification: a comment line starts with \.{\#}; the first other
line names the columns; every further line is a class.

@<Functions@>=
static void read_spec(const char *path)
{
  char line[4096];
  int header = 0;
  FILE *f = fopen(path, "r");
  if (!f) { fprintf(stderr, "symgen: cannot read %s\n", path); exit(2); }
  @.symgen: cannot read X@>
  while (fgets(line, sizeof line, f)) {
    char *col[4], *pat[128], *save, *t, *h;
    int n = 0, npat = 0;
    struct class *c;
    line[strcspn(line, "\n")] = '\0';
    if (line[0] == '#' || !line[0]) continue;
    if (!header) { header = 1; continue; }
    for (t = strtok_r(line, "\t", &save); t && n < 4; t = strtok_r(NULL, "\t", &save))
      col[n++] = t;
    if (n != 4 || ncls == MAXCLASS) {
      fprintf(stderr, "symgen: %s: bad line for class %s\n", path, n ? col[0] : "?");
      @.symgen: bad line...@>
      errors++;
      continue;
    }
    c = &cls[ncls++];
    snprintf(c->name, sizeof c->name, "%s", col[0]);
    snprintf(c->kind, sizeof c->kind, "%s", col[1]);
    for (t = strtok_r(col[3], " ", &save); t && npat < 128; t = strtok_r(NULL, " ", &save))
      pat[npat++] = t;
    for (h = strtok_r(col[2], " ", &save); h; h = strtok_r(NULL, " ", &save))
      scan_header(c, h, pat, npat);
    if (!c->n) {
      fprintf(stderr, "symgen: class %s has no names\n", c->name);
      @.symgen: class X has no names@>
      errors++;
    }
  }
  fclose(f);
}

@ The output: one array per class, ended by a null name, and the table of
classes, with an enumeration |SS_CLASS_NAME| for each, in |ss_classes|.

@<Functions@>=
static void emit(void)
{
  printf("/* ss_symbols.h: the symbolic constants of sockscripts, by class.\n"
         "   Generated by symgen from spec/symbols.tsv and the system headers;\n"
         "   do not edit.  The values are the headers'. */\n");
  printf("enum {");
  for (int i = 0; i < ncls; i++) {
    printf(" SS_CLASS_");
    for (const char *p = cls[i].name; *p; p++) putchar(toupper((unsigned char) *p));
    printf(",");
  }
  printf(" SS_NCLASSES };\n");
  for (int i = 0; i < ncls; i++) {
    printf("static const ss_sym ss_sym_%s[] = {\n", cls[i].name);
    for (int k = 0; k < cls[i].n; k++)
      printf("#ifdef %s\n  {\"%s\", (long long) (%s)},\n#endif\n", cls[i].names[k],
        cls[i].names[k], cls[i].names[k]);
    printf("  {0, 0}\n};\n");
  }
  printf("static const ss_symclass ss_classes[SS_NCLASSES] = {\n");
  for (int i = 0; i < ncls; i++)
    printf("  {\"%s\", SS_KIND_%s, ss_sym_%s},\n", cls[i].name,
      !strcmp(cls[i].kind, "flags") ? "FLAGS" : !strcmp(cls[i].kind, "oflags") ? "OFLAGS" :
      "ENUM", cls[i].name);
  printf("};\n");
}

@* Index.
