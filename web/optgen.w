% optgen.w --- the option-table generator of sockref.
\def\title{OPTGEN}
\input srmac
@i format.w

@* The option-table generator.
The socket options are described twice in this project: in the man pages,
as prose, and in \.{spec/options.tsv}, as facts a program can read --- the
level, the argument type, the access, the socket types, the value range,
the capability, the Linux version, and the handler that gives the option
its effect.  This program joins the table with the clause catalogue and
writes the C that the library's dispatcher uses.  It refuses to write
anything when the two disagree:
\smallskip
\item{$\bullet$} a row that cites a clause the catalogue does not have (a
pseudo-clause \.{linux:NAME}, see below, excepted);
\item{$\bullet$} an option clause of the catalogue that no row cites;
\item{$\bullet$} two rows for the same level and option name;
\item{$\bullet$} a field it cannot read.
\smallskip\noindent
A handler that a row names and the library does not define is caught one
step later, by the C compiler, because the generated file declares every
handler |static|.

Usage: \.{optgen spec/options.tsv generated/catalogue.tsv > generated/sr\_options.h};
several tables may be given before the catalogue, and are read as one.

@c
@<Header files@>@;
@<Types@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  struct gen g;
  memset(&g, 0, sizeof g);
  if (argc < 3) {
    fprintf(stderr, "usage: optgen OPTIONS.tsv... CATALOGUE.tsv\n");
    @.usage: optgen ...@>
    return 2;
  }
  read_catalogue(&g, argv[argc - 1]);
  for (int i = 1; i < argc - 1; i++) read_options(&g, argv[i]);
  check_coverage(&g);
  if (g.errors) {
    fprintf(stderr, "optgen: %d error(s); nothing written\n", g.errors);
    @.optgen: N error(s)...@>
    return 1;
  }
  emit(&g);
  return 0;
}

@ @<Header files@>=
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

@ The program's state is one structure: the option clauses of the catalogue
(with a mark for those a row cites), all clause IDs, and the rows.

@<Types@>=
#define MAXROWS 256
#define MAXCLAUSES 8192
struct row {
  char *field[11];
  int line;
};
struct gen {
  char *clause[MAXCLAUSES];
  int is_option[MAXCLAUSES], cited[MAXCLAUSES];
  int nclauses;
  struct row row[MAXROWS];
  int nrows;
  int errors;
};

@ The columns of \.{spec/options.tsv}, in order.  A line that begins with
\.{\#} is a comment; the first other line is the header and must name
these columns.

@<Types@>=
enum { F_CLAUSE, F_LEVEL, F_NAME, F_TYPE, F_ACCESS, F_TYPES, F_RANGE, F_CAP,
  F_SETLEN, F_SINCE, F_HANDLER, NFIELDS };
static const char *column[NFIELDS] = {"clause", "level", "name", "type",
  "access", "types", "range", "cap", "setlen", "since", "handler"};

@ Reading a tab-separated line into fields, in place.

@<Functions@>=
static int split(char *line, char **f, int max)
{
  int n = 0;
  char *p = line;
  line[strcspn(line, "\r\n")] = '\0';
  while (n < max) {
    f[n++] = p;
    p = strchr(p, '\t');
    if (!p) break;
    *p++ = '\0';
  }
  return n;
}

static char *xstrdup(const char *s)
{
  char *d = malloc(strlen(s) + 1);
  if (!d) { fprintf(stderr, "optgen: out of memory\n"); exit(1); }
  @.optgen: out of memory@>
  return strcpy(d, s);
}

@ The catalogue: its header names the columns; we need \.{id} and
\.{kind}.  An option clause is a row of kind \.{sol-option} or
\.{ip-option} whose ID carries no sentence number (the sentence rows
\.{socket.7:SO\_RCVBUF:2} belong to the same option).

@<Functions@>=
static int is_sentence_id(const char *id)
{
  const char *c = strrchr(id, ':');
  if (!c || !c[1]) return 0;
  for (c++; *c; c++) if (!isdigit((unsigned char) *c)) return 0;
  return 1;
}

static void read_catalogue(struct gen *g, const char *path)
{
  char line[65536], *f[16];
  int idcol = -1, kindcol = -1, n;
  FILE *in = fopen(path, "r");
  if (!in) { fprintf(stderr, "optgen: cannot read %s\n", path); exit(1); }
  @.optgen: cannot read...@>
  if (!fgets(line, sizeof line, in)) { fprintf(stderr, "optgen: %s is empty\n", path); exit(1); }
  n = split(line, f, 16);
  for (int i = 0; i < n; i++) {
    if (!strcmp(f[i], "id")) idcol = i;
    if (!strcmp(f[i], "kind")) kindcol = i;
  }
  if (idcol < 0 || kindcol < 0) {
    fprintf(stderr, "optgen: %s has no id/kind columns\n", path);
    @.optgen: ... has no id/kind columns@>
    exit(1);
  }
  while (fgets(line, sizeof line, in) && g->nclauses < MAXCLAUSES) {
    n = split(line, f, 16);
    if (n <= idcol || n <= kindcol) continue;
    g->clause[g->nclauses] = xstrdup(f[idcol]);
    g->is_option[g->nclauses] = !is_sentence_id(f[idcol]) &&
      (!strcmp(f[kindcol], "sol-option") || !strcmp(f[kindcol], "ip-option"));
    g->nclauses++;
  }
  fclose(in);
}

@ Reading the option table.  Every row's clause field is a list of clause
IDs separated by \.{;}; each must exist, and each is marked cited.

An option that Linux has and the pages do not document cites instead the
pseudo-clause \.{linux:NAME}, NAME being the row's own option name: the
row is a fact of the kernel, measured and read in its source, not of the
pages (the book's chapter ``Options beyond the pages'').  Such an ID is
not looked up in the catalogue, and must be the row's only clause and
name the row's option --- a typing slip cannot pass as a clause of the
pages, nor a clause of the pages hide behind one.

@<Functions@>=
static int find_clause(struct gen *g, const char *id)
{
  for (int i = 0; i < g->nclauses; i++)
    if (!strcmp(g->clause[i], id)) return i;
  return -1;
}

static void read_options(struct gen *g, const char *path)
{
  char line[4096], *f[NFIELDS + 1];
  int lineno = 0, header = 0;
  FILE *in = fopen(path, "r");
  if (!in) { fprintf(stderr, "optgen: cannot read %s\n", path); exit(1); }
  while (fgets(line, sizeof line, in)) {
    int n;
    lineno++;
    if (line[0] == '#' || line[0] == '\n') continue;
    n = split(line, f, NFIELDS + 1);
    if (!header) {
      @<Check the header of the option table@>@;
      header = 1;
      continue;
    }
    if (n != NFIELDS) {
      fprintf(stderr, "%s:%d: %d fields, expected %d\n", path, lineno, n, NFIELDS);
      @.N fields, expected M@>
      g->errors++;
      continue;
    }
    if (g->nrows == MAXROWS) { fprintf(stderr, "optgen: too many rows\n"); exit(1); }
    @<Record the row and mark its clauses@>@;
  }
  fclose(in);
}

@ @<Check the header of the option table@>=
for (int i = 0; i < NFIELDS; i++)
  if (i >= n || strcmp(f[i], column[i])) {
    fprintf(stderr, "%s:%d: column %d should be '%s'\n", path, lineno, i + 1, column[i]);
    @.column N should be...@>
    exit(1);
  }

@ @<Record the row and mark its clauses@>=
{
  struct row *r = &g->row[g->nrows++];
  char ids[1024], *id, *save;
  for (int i = 0; i < NFIELDS; i++) r->field[i] = xstrdup(f[i]);
  r->line = lineno;
  snprintf(ids, sizeof ids, "%s", f[F_CLAUSE]);
  if (!strncmp(ids, "linux:", 6)) {
    if (strcmp(ids + 6, f[F_NAME])) {
      fprintf(stderr, "%s:%d: %s cites %s, which is not linux:%s\n", path, lineno,
        f[F_NAME], ids, f[F_NAME]);
      @.cites X, which is not linux:NAME@>
      g->errors++;
    }
    ids[0] = '\0';
  }
  if (strcmp(f[F_LEVEL], "SOL_SOCKET") && strcmp(f[F_LEVEL], "IPPROTO_IP") &&
      strcmp(f[F_LEVEL], "SOL_UDP")) {
    fprintf(stderr, "%s:%d: unknown level %s\n", path, lineno, f[F_LEVEL]);
    @.unknown level X@>
    g->errors++;
  }
  for (id = strtok_r(ids, ";", &save); id; id = strtok_r(NULL, ";", &save)) {
    int c = find_clause(g, id);
    if (c < 0) {
      fprintf(stderr, "%s:%d: %s cites clause %s, which the catalogue lacks\n",
        path, lineno, f[F_NAME], id);
      @.cites clause X, which the catalogue lacks@>
      g->errors++;
    } else g->cited[c] = 1;
  }
  for (int k = 0; k < g->nrows - 1; k++)
    if (!strcmp(g->row[k].field[F_LEVEL], f[F_LEVEL]) &&
        !strcmp(g->row[k].field[F_NAME], f[F_NAME])) {
      fprintf(stderr, "%s:%d: %s %s has a row already (line %d)\n", path, lineno,
        f[F_LEVEL], f[F_NAME], g->row[k].line);
      @.has a row already@>
      g->errors++;
    }
}

@ Every option clause must be cited by a row.

@<Functions@>=
static void check_coverage(struct gen *g)
{
  for (int i = 0; i < g->nclauses; i++)
    if (g->is_option[i] && !g->cited[i]) {
      fprintf(stderr, "optgen: option clause %s has no row in the option table\n",
        g->clause[i]);
      @.option clause X has no row...@>
      g->errors++;
    }
}

@* Translating the fields.
Each field is translated to a C expression.  Symbolic names (option
names, levels, capabilities, error numbers) are written as they are, so
that their values come from the host's headers when the library is
compiled.

The argument type: one of the names below, which are the |OPT_| codes in
lower case.

@<Functions@>=
static const char *types[] = {"int", "bool", "byte", "bytebool", "linger",
  "timeval", "mreq", "mreq_source", "msfilter", "string", "bytes", "fprog",
  "u64", "custom", "group_req", "group_source_req", "group_filter", NULL};

static void emit_type(struct gen *g, struct row *r)
{
  for (int i = 0; types[i]; i++)
    if (!strcmp(r->field[F_TYPE], types[i])) {
      printf(" .type = OPT_");
      for (const char *p = types[i]; *p; p++) putchar(toupper((unsigned char) *p));
      printf(",");
      return;
    }
  fprintf(stderr, "options.tsv:%d: unknown type %s\n", r->line, r->field[F_TYPE]);
  @.unknown type X@>
  g->errors++;
}

@ Access is \.{get}, \.{set} or \.{both}; the socket types a list of
\.{stream}, \.{dgram}, \.{raw} or \.{all}, optionally followed by
\.{!ERRNO}, the error of the types not listed (|ENOPROTOOPT| if not
given).  A list that begins with \.{set:} restricts writes only: the
option can still be read on every type.

@<Functions@>=
static void emit_access_types(struct gen *g, struct row *r)
{
  char buf[256], *t, *save, *bang;
  const char *a = r->field[F_ACCESS];
  if (strcmp(a, "get") && strcmp(a, "set") && strcmp(a, "both")) {
    fprintf(stderr, "options.tsv:%d: bad access %s\n", r->line, a);
    @.bad access X@>
    g->errors++;
  }
  printf(" .access = %s,", !strcmp(a, "get") ? "OPT_GET" : !strcmp(a, "set") ?
    "OPT_SET" : "OPT_GET | OPT_SET");
  snprintf(buf, sizeof buf, "%s", r->field[F_TYPES]);
  bang = strchr(buf, '!');
  if (bang) *bang++ = '\0';
  t = buf;
  if (!strncmp(buf, "set:", 4)) { printf(" .types_set_only = true,"); t = buf + 4; }
  printf(" .types = 0");
  for (t = strtok_r(t, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    if (!strcmp(t, "all")) printf(" | OPT_ALLTYPES");
    else if (!strcmp(t, "stream") || !strcmp(t, "dgram") || !strcmp(t, "raw")) {
      printf(" | OPT_");
      for (const char *p = t; *p; p++) putchar(toupper((unsigned char) *p));
    } else {
      fprintf(stderr, "options.tsv:%d: bad socket type %s\n", r->line, t);
      @.bad socket type X@>
      g->errors++;
    }
  }
  printf(", .type_errno = %s,", bang ? bang : "ENOPROTOOPT");
}

@ The range is \.{-} or \.{LO..HI:ACTION}, the action being \.{einval},
\.{clamp} or \.{cap}; the bounds are numbers or C constants such as
|INT_MAX|.  The capability is \.{-} or \.{CAP\_A[}$\vert$\.{CAP\_B]:WHEN:ERRNO},
\.{WHEN} being \.{always}, \.{outside} (the range) or \.{nonzero}.

@<Functions@>=
static void emit_range_cap(struct gen *g, struct row *r)
{
  char buf[256], *dots, *colon;
  snprintf(buf, sizeof buf, "%s", r->field[F_RANGE]);
  if (!strcmp(buf, "-")) printf(" .range_action = RANGE_NONE,");
  else if ((dots = strstr(buf, "..")) && (colon = strrchr(buf, ':')) && colon > dots) {
    *dots = '\0'; *colon = '\0';
    printf(" .lo = %s, .hi = %s, .range_action = RANGE_", buf, dots + 2);
    for (const char *p = colon + 1; *p; p++) putchar(toupper((unsigned char) *p));
    printf(",");
    if (strcmp(colon + 1, "einval") && strcmp(colon + 1, "clamp") && strcmp(colon + 1, "cap")) {
      fprintf(stderr, "options.tsv:%d: bad range action %s\n", r->line, colon + 1);
      @.bad range action X@>
      g->errors++;
    }
  } else {
    fprintf(stderr, "options.tsv:%d: bad range %s\n", r->line, buf);
    @.bad range X@>
    g->errors++;
  }
  snprintf(buf, sizeof buf, "%s", r->field[F_CAP]);
  if (strcmp(buf, "-")) {
    char *when = strchr(buf, ':'), *err = when ? strchr(when + 1, ':') : NULL, *c, *save;
    if (!when || !err) {
      fprintf(stderr, "options.tsv:%d: bad capability %s\n", r->line, buf);
      @.bad capability X@>
      g->errors++;
      return;
    }
    *when++ = '\0'; *err++ = '\0';
    printf(" .caps = 0");
    for (c = strtok_r(buf, "|", &save); c; c = strtok_r(NULL, "|", &save))
      printf(" | ((uint64_t) 1 << %s)", c);
    printf(", .cap_when = %s, .cap_errno = %s,", !strcmp(when, "always") ?
      "CAP_ALWAYS" : !strcmp(when, "outside") ? "CAP_OUTSIDE_RANGE" : "CAP_NONZERO", err);
  }
}

@ The handler column names the function pair \.{set\_NAME}/\.{get\_NAME}
that gives the option its effect; or, for an option that only stores a
value, where the value goes: \.{flag:BIT} (a bit of the socket's |flags|),
\.{ipflag:BIT} (a bit of |ipflags|) or \.{field:NAME} (an |int| field),
which the library's generic handlers serve; or both: \.{NAME/flag:BIT}
for a pair of handlers with rules of their own around a bit, and
\.{set\_NAME/STORE} for an option whose writes have rules of their own
but whose reads only fetch what the writes stored.  |handler_name| gives
the custom name and answers |NO_HANDLER|, |BOTH_HANDLERS| or
|SETTER_ONLY|.

@<Functions@>=
enum { NO_HANDLER, BOTH_HANDLERS, SETTER_ONLY };
static int handler_name(const char *h, char *name, size_t len)
{
  size_t n = strcspn(h, "/:");
  if (h[n] == ':') return NO_HANDLER;
  if (h[n] == '/' && !strncmp(h, "set_", 4)) {
    snprintf(name, len, "%.*s", (int) n - 4, h + 4);
    return SETTER_ONLY;
  }
  snprintf(name, len, "%.*s", (int) n, h);
  return BOTH_HANDLERS;
}

static const char *handler_store(const char *h)
{
  const char *slash = strchr(h, '/');
  return slash ? slash + 1 : strchr(h, ':') ? h : NULL;
}

@ Writing the file: a banner, the handler prototypes (one per custom
handler name and direction, each once), the table, and the two indexes.

@<Functions@>=
static int seen_before(struct gen *g, int k, int dir)
{
  char a[256], b[256];
  if (!handler_name(g->row[k].field[F_HANDLER], b, sizeof b)) return 1;
  for (int i = 0; i < k; i++)
    if (handler_name(g->row[i].field[F_HANDLER], a, sizeof a) == (dir == 0 ? BOTH_HANDLERS : handler_name(g->row[i].field[F_HANDLER], a, sizeof a)) &&
        handler_name(g->row[i].field[F_HANDLER], a, sizeof a) != NO_HANDLER && !strcmp(a, b) &&
        (dir == 0 ? strcmp(g->row[i].field[F_ACCESS], "set")
                  : strcmp(g->row[i].field[F_ACCESS], "get")))
      return 1;
  return 0;
}

static void emit(struct gen *g)
{
  printf("/* sr_options.h: the socket-option table of sockref.\n"
         "   Generated by optgen from spec/options.tsv and the clause catalogue;\n"
         "   do not edit. */\n");
  for (int k = 0; k < g->nrows; k++) {
    struct row *r = &g->row[k];
    char name[256];
    int kind = handler_name(r->field[F_HANDLER], name, sizeof name);
    if (kind == NO_HANDLER) continue;
    if (kind == BOTH_HANDLERS && strcmp(r->field[F_ACCESS], "set") && !seen_before(g, k, 0))
      printf("static int get_%s(sr_sock *s, sr_optreq *rq);\n", name);
    if (strcmp(r->field[F_ACCESS], "get") && !seen_before(g, k, 1))
      printf("static int set_%s(sr_sock *s, sr_optreq *rq);\n", name);
  }
  printf("static const sr_optdesc sr_optdescs[] = {\n");
  for (int k = 0; k < g->nrows; k++) @<Emit row |k|@>@;
  printf("};\n");
  @<Emit a size check for every field a row names@>@;
  @<Emit the indexes@>@;
}

@ @<Emit row |k|@>=
{
  struct row *r = &g->row[k];
  char *cl = r->field[F_CLAUSE], first[256];
  snprintf(first, sizeof first, "%.*s", (int) strcspn(cl, ";"), cl);
  printf("  { .level = %s, .name = %s, .str = \"%s\", .clause = \"%s\", .since = \"%s\",",
    r->field[F_LEVEL], r->field[F_NAME], r->field[F_NAME], first, r->field[F_SINCE]);
  emit_type(g, r);
  emit_access_types(g, r);
  emit_range_cap(g, r);
  printf(" .setlen = %d,", atoi(r->field[F_SETLEN]));
  @<Emit the store and the handlers of row |r|@>@;
}

@ @<Emit the store and the handlers of row |r|@>=
{
  char name[256];
  const char *store = handler_store(r->field[F_HANDLER]), *generic = NULL;
  int custom = handler_name(r->field[F_HANDLER], name, sizeof name);
  if (store && !strncmp(store, "flag:", 5))
    printf(" .store = OPT_STORE_SOCK_FLAG, .bit = %s,", store + 5), generic = "flag";
  else if (store && !strncmp(store, "ipflag:", 7))
    printf(" .store = OPT_STORE_IP_FLAG, .bit = %s,", store + 7), generic = "flag";
  else if (store && !strncmp(store, "field:", 6))
    printf(" .store = OPT_STORE_INT_FIELD, .offset = offsetof(sr_sock, %s),", store + 6),
      generic = "int_field";
  else if (store) {
    fprintf(stderr, "options.tsv:%d: bad handler %s\n", r->line, r->field[F_HANDLER]);
    @.bad handler X@>
    g->errors++;
  }
  if (custom == SETTER_ONLY && !generic) {
    fprintf(stderr, "options.tsv:%d: %s names no store for its reads\n", r->line,
      r->field[F_HANDLER]);
    @.names no store for its reads@>
    g->errors++;
  }
  printf(" .set = %s%s, .get = %s%s },\n",
    strcmp(r->field[F_ACCESS], "get") ? "set_" : "NULL",
    strcmp(r->field[F_ACCESS], "get") ? (custom ? name : generic ? generic : "?") : "",
    strcmp(r->field[F_ACCESS], "set") ? "get_" : "NULL",
    strcmp(r->field[F_ACCESS], "set") ? (custom == BOTH_HANDLERS ? name : generic ? generic : "?") : "");
}

@ The generic handlers move an |int|; a row that names a field narrower or
wider than that would corrupt the socket, so the compiler is asked to check
every such field.

@<Emit a size check for every field a row names@>=
for (int k = 0; k < g->nrows; k++) {
  const char *store = handler_store(g->row[k].field[F_HANDLER]);
  if (store && !strncmp(store, "field:", 6))
    printf("_Static_assert(sizeof ((sr_sock *) 0)->%s == sizeof(int), "
      "\"%s: field %s must be as wide as an int\");\n", store + 6,
      g->row[k].field[F_NAME], store + 6);
}

@ The indexes map an option number to its row plus one (zero: no such
option), one per level: \.{SOL\_SOCKET}, \.{IPPROTO\_IP} and
\.{SOL\_UDP}.  They are designated initializers, so the numbers come from
the headers.  (A row of another level was refused when it was read.)

@<Emit the indexes@>=
printf("#define SR_OPTNAME_LIMIT 256\n");
for (int lv = 0; lv < 3; lv++) {
  static const char *const level_name[] = {"SOL_SOCKET", "IPPROTO_IP", "SOL_UDP"};
  static const char *const index_name[] = {"sol", "ip", "udp"};
  const char *level = level_name[lv];
  printf("static const short sr_%s_index[SR_OPTNAME_LIMIT] = {\n", index_name[lv]);
  for (int k = 0; k < g->nrows; k++)
    if (!strcmp(g->row[k].field[F_LEVEL], level))
      printf("  [%s] = %d,\n", g->row[k].field[F_NAME], k + 1);
  printf("};\n");
}

@* Index.
