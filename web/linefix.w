% linefix.w --- restores the file names of ctangle's #line directives.
\def\title{LINEFIX}
\input srmac
@i format.w

@* Why this program exists.
The library is one web, \.{sockref.w}, that includes a dozen chapter files
with \.{@@i}.  ctangle writes a \.{\#line} directive before each piece of
code, so that the C compiler's diagnostics and \.{gcov}'s line counts point
at the web, not at the tangled C.  CWEB~4.7's ctangle records the name of
an included file as an identifier and refers to it by its index in the
name table, with two bytes whose first must stay below the range it uses
for module names; in a web with more than about ten thousand names, the
files included late get an index in that range, and their \.{\#line}
directives come out with the name of some other identifier (\.{"filter"},
\.{"linux"}, \dots).  The line numbers are right; only the names are
wrong --- and may hold any bytes, a null byte or a newline of a module
name among them, so a directive is recognized by its first words only.
@^ctangle bug@>

This program repairs them.  It reads the webs in the order ctangle reads
them, numbering the sections as ctangle numbers them, and so knows for each
section the file and the range of lines it occupies.  Then it copies the
tangled file, and replaces the file name of every \.{\#line} directive by
the file of the innermost section that encloses it (ctangle brackets the
code of section~$N$ with \.{/*N:*/} and \.{/*:N*/}).  It checks that the
line number falls inside that section's range and stops with an error if
not, so a change in ctangle's numbering cannot go unnoticed.  One kind of
directive is expected to fall outside: when an included file begins,
ctangle may announce it with \.{\#line 1} at the very end of the previous
section, just before that section's closing marker.  Such a directive
governs no code --- only blank lines and section markers stand between it
and the next directive --- so it is dropped.

Usage: \.{linefix MASTER.w TANGLED.c OUT.c}, run from the directory in
which ctangle ran, with the same search path for included files (the
directory of the master web).

@c
@<Header files@>@;
@<Data@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  if (argc != 4) {
    fprintf(stderr, "usage: linefix MASTER.w TANGLED.c OUT.c\n");
    @.usage: linefix...@>
    return 2;
  }
  @<Set |dir| to the directory of the master web@>@;
  read_web(argv[1], 0);
  fix(argv[2], argv[3]);
  return 0;
}

@ @<Header files@>=
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>

@ For each section: its file and first and last line.

@<Data@>=
#define MAXSECT 8192
static struct { char *file; int first, last; } sect[MAXSECT];
static int nsect;
static char dir[1024];

@ @<Set |dir| to the directory of the master web@>=
{
  const char *slash = strrchr(argv[1], '/');
  snprintf(dir, sizeof dir, "%.*s", slash ? (int) (slash - argv[1] + 1) : 0, argv[1]);
}

@ Reading a web.  A section begins where a line starts with \.{@@ },
\.{@@*}, a tab after \.{@@}, or a lone \.{@@}; a line \.{@@i FILE}
includes a file, found in the current directory or beside the master
web.  Each section ends where the next begins or its file ends.

@<Functions@>=
static FILE *open_web(const char *name, char *found, size_t len)
{
  FILE *f = fopen(name, "r");
  snprintf(found, len, "%s", name);
  if (!f) {
    snprintf(found, len, "%s%s", dir, name);
    f = fopen(found, "r");
  }
  return f;
}

static void read_web(const char *name, int depth)
{
  char buf[8192], found[2048];
  int line = 0;
  FILE *in = open_web(name, found, sizeof found);
  if (!in || depth > 10) {
    fprintf(stderr, "linefix: cannot read %s\n", name);
    @.linefix: cannot read...@>
    exit(1);
  }
  while (fgets(buf, sizeof buf, in)) {
    line++;
    if (buf[0] != '@@') continue;
    if (buf[1] == 'i' && (buf[2] == ' ' || buf[2] == '\t')) {
      char inc[1024];
      if (nsect > 0 && !strcmp(sect[nsect - 1].file, found))
        sect[nsect - 1].last = line - 1;
      if (sscanf(buf + 2, " %1023s", inc) == 1) read_web(inc, depth + 1);
      continue;
    }
    if (buf[1] == ' ' || buf[1] == '*' || buf[1] == '\t' || buf[1] == '\n') {
      if (nsect == MAXSECT) { fprintf(stderr, "linefix: too many sections\n"); exit(1); }
      if (nsect > 0 && !strcmp(sect[nsect - 1].file, found))
        sect[nsect - 1].last = line - 1;
      sect[nsect].file = strdup(found);
      sect[nsect].first = line;
      sect[nsect].last = 1 << 30;
      nsect++;
    }
  }
  if (nsect > 0 && !strcmp(sect[nsect - 1].file, found) && sect[nsect - 1].last == 1 << 30)
    sect[nsect - 1].last = line;
  fclose(in);
}

@ Copying the tangled file.  The innermost open section is the one whose
marker came last and has not been closed.  A directive outside any section
(the header of an output file) keeps its name when that name is a web we
read, and is an error otherwise.

@<Functions@>=
static int known_file(const char *name)
{
  for (int i = 0; i < nsect; i++) if (!strcmp(sect[i].file, name)) return 1;
  return 0;
}

static int governs_nothing(char **line, int i, int n)
{
  for (i++; i < n && strncmp(line[i], "#line ", 6); i++) {
    const char *p = line[i];
    while (*p) {
      int k = 0;
      if (*p == ' ' || *p == '\t' || *p == '\n') { p++; continue; }
      if (sscanf(p, "/*%*d:*/%n", &k) == 0 && k > 0) { p += k; continue; }
      k = 0;
      if (sscanf(p, "/*:%*d*/%n", &k) == 0 && k > 0) { p += k; continue; }
      return 0;
    }
  }
  return 1;
}

static void fix(const char *inpath, const char *outpath)
{
  char buf[16384], name[1024], **line = NULL;
  int stack[512], depth = 0, nlines = 0, cap = 0, l, n;
  FILE *in = fopen(inpath, "r"), *out = fopen(outpath, "w");
  if (!in || !out) { fprintf(stderr, "linefix: cannot open %s or %s\n", inpath, outpath); exit(1); }
  while (fgets(buf, sizeof buf, in)) {
    if (nlines == cap) {
      cap = cap ? 2 * cap : 4096;
      line = realloc(line, (size_t) cap * sizeof *line);
      if (!line) { fprintf(stderr, "linefix: out of memory\n"); exit(1); }
    }
    line[nlines++] = strdup(buf);
  }
  fclose(in);
  for (int i = 0; i < nlines; i++) {
    int lineno = i + 1;
    if (!strncmp(line[i], "#line ", 6) && sscanf(line[i], "#line %d", &l) == 1) {
      if (sscanf(line[i], "#line %*d \"%1023[^\"]\"", name) != 1) name[0] = '\0';
      @<Repair and write the directive@>@;
      continue;
    }
    fputs(line[i], out);
    for (char *p = line[i]; (p = strstr(p, "/*")); p += 2) {
      if (sscanf(p, "/*%d:*/", &n) == 1 && depth < 512) stack[depth++] = n;
      else if (sscanf(p, "/*:%d*/", &n) == 1 && depth > 0) depth--;
    }
  }
  if (fclose(out)) { fprintf(stderr, "linefix: cannot write %s\n", outpath); exit(1); }
}

@ @<Repair and write the directive@>=
if (depth == 0) {
  if (!known_file(name)) {
    fprintf(stderr, "%s:%d: #line outside any section names %s\n", inpath, lineno, name);
    @.#line outside any section...@>
    exit(1);
  }
  fprintf(out, "#line %d \"%s\"\n", l, name);
} else {
  int s = stack[depth - 1];
  bool inside = s >= 1 && s <= nsect && l >= sect[s - 1].first && l <= sect[s - 1].last;
  if (!inside && governs_nothing(line, i, nlines)) continue;
  if (!inside) {
    fprintf(stderr, "%s:%d: line %d is not in section %d (%s:%d-%d)\n", inpath,
      lineno, l, s, s >= 1 && s <= nsect ? sect[s - 1].file : "?",
      s >= 1 && s <= nsect ? sect[s - 1].first : 0, s >= 1 && s <= nsect ? sect[s - 1].last : 0);
    @.line N is not in section M@>
    exit(1);
  }
  fprintf(out, "#line %d \"%s\"\n", l, sect[s - 1].file);
}

@* Index.
