% sockscript.w --- sockscripts: the format, the executor, and its two backends.
\def\title{SOCKSCRIPT}
\def\topofcontents{\null\vfill
  \centerline{\titlefont Sockscripts}
  \vskip 12pt
  \centerline{Socket-call scripts, run on the Linux kernel and on sockref}
  \vfill}
\input srmac
@i format.w
@s ss_value int
@s ss_line int
@s ss_script int
@s ss_outcome int
@s ss_backend int
@s ss_raw int
@s ss_exec int
@s ss_struct int
@s ss_field int
@s ss_call int
@s ss_sym int
@s ss_symclass int
@s ss_lexer int
@s ss_arena int
@s ss_buf int
@s fd_set int
@s nfds_t int
@s ss_var int
@s ss_kshared int
@s ss_blockhead int
@s k_nlreq int
@s ss_env int

@* Sockscripts.
A {\it sockscript\/} is a sequence of socket calls with their results,
written as \.{strace} prints them:
\smallskip
\.{socket(AF\_INET, SOCK\_DGRAM, 0) = 3}\par
\.{setsockopt(3, SOL\_SOCKET, SO\_RCVBUF, [1000], 4) = 0}\par
\.{getsockopt(3, SOL\_SOCKET, SO\_RCVBUF, [2304], [4]) = 0}
\smallskip\noindent
A script is a claim about Linux: run these calls, in a fresh network
namespace prepared like sockref's default world, and these are the
results.  The book of sockref (chapter {\it Sockscripts\/}) specifies the
format for its readers; this web implements it, and the programs built on
it: \.{sr-record}, which runs a script on the kernel and writes what the
kernel answered into it, and \.{sr-check}, which replays a script on
sockref and reports the first line where sockref answers differently.

The library has four parts, each a chapter: the values a script is made
of, with their parser, printer and matcher (this file); the structures and
calls a script can name, which tie the values to the bytes a call reads
and writes (\.{sscalls.w}); and the executor, which runs a parsed script
on a backend --- the kernel or sockref --- and collects the raw results
(\.{ssexec.w}).  A fuzzer drives the same three entry points: it writes a
script as text, parses it, runs it on both backends and compares.

The library is tangled into \.{generated/sockscript.c} and
\.{generated/sockscript.h}; the programs link it with \.{libsockref}.

@c
@<Header files@>@;
@<Private types@>@;
@<Symbol tables@>@;
@<Prototypes@>@;
@<The arena@>@;
@<Symbols@>@;
@<The lexer@>@;
@<The parser@>@;
@<The printer@>@;
@<The matcher@>@;
@<Structures and calls@>@;
@<The executor@>@;

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "sockscript.h"
#include "sockref.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <netinet/udp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <grp.h>
#include <dirent.h>
#include <time.h>
#include <linux/capability.h>
#include <linux/errqueue.h>
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/in.h>
#include <linux/sockios.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

@ The public header: the types a program that drives scripts needs, and
the entry points.  Everything else is |static|.

@(generated/sockscript.h@>=
#ifndef SOCKSCRIPT_H
#define SOCKSCRIPT_H
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
@<Public types@>@;
@<Public declarations@>@;
#endif

@* Values.
Every argument and every result of a script line is a {\it value}: an
integer (\.{3}, \.{SO\_RCVBUF}, \.{O\_RDWR$\vert$O\_NONBLOCK},
\.{htons(53)}, \.{inet\_addr("10.0.0.1")}), a byte string (\.{"abc"}), a
list (\.{[2304]}), a structure (\.{\{l\_onoff=1, l\_linger=5\}}), or
\.{NULL}.  A value the script expects may also be a {\it pattern\/} that
stands for a set of values: \.{...} (anything), a range \.{32768..60999},
a string or list that only has to begin as given (\.{"ab"...}), a
variable (\.{\$pid}) or a binding (\.{\$p=32768..60999}, which matches the
range and remembers the value).  \.{IN => OUT} gives what a call reads
and what it must leave, for arguments that are both; \.{?} is a value not
yet recorded.

A value also remembers the text it was parsed from, so that a recorder
can write an input back exactly as its author wrote it, and, when it was
made from a call's result rather than parsed, the class by which it is
printed: an error number as \.{EAGAIN}, a set of poll events as
\.{POLLIN$\vert$POLLOUT}.

@<Public types@>=
typedef struct ss_value ss_value;
enum { SV_INT, SV_STR, SV_LIST, SV_STRUCT, SV_NULL, SV_ANY, SV_RANGE, SV_VAR,
  SV_BIND, SV_INOUT, SV_UNKNOWN };
enum { SF_DEC, SF_HEX, SF_PORT, SF_ADDR, SF_U64 };
enum { ND_NONE, ND_PORT, ND_TIME, ND_CPU };
struct ss_value {
  int kind;
  int fmt; /* how an integer is written: |SF_DEC|, |htons|, |inet_addr|, \dots */
  int cls; /* the symbol class it prints with, or $-1$ */
  int nondet; /* a result that differs from run to run: |ND_PORT|, |ND_TIME|, |ND_CPU| */
  long long i, hi; /* an integer, or the bounds of a range */
  unsigned char *s; /* a string's bytes */
  size_t len;
  bool more; /* the string, list or structure may go on */
  bool neg; /* a variable used negated, \.{-\$pgrp} */
  int n; /* items of a list or fields of a structure */
  ss_value **item;
  const char **field;
  const struct ss_struct *st; /* the structure type */
  const char *name; /* a variable's name */
  ss_value *a, *b; /* |SV_INOUT|: in, out; |SV_BIND|: the pattern in |a| */
  const char *src; /* the text it was parsed from, if any */
  int srclen;
};

@ All the memory of a parsed script, and of the values made from results,
comes from an arena: allocation is a pointer bump, and a script is freed
at once.  This is what lets the checker parse and run thousands of
scripts a second.

@<Public types@>=
typedef struct ss_arena ss_arena;
struct ss_arena {
  char *block; /* the current block; the previous one's address is in its first word */
  size_t used, cap;
};

@ @<Public declarations@>=
void *ss_alloc(ss_arena *a, size_t n);
void ss_arena_free(ss_arena *a);
void ss_arena_reset(ss_arena *a);

@ Blocks are 64~KiB or the size asked for, whichever is larger; each
begins with a header holding the address of the block before it and its
own size.  Resetting keeps the oldest block, so a program that reuses an
arena for script after script stops calling |malloc| altogether.

@<The arena@>=
#define SS_BLOCK 65536
#define SS_BLOCK_HEAD 16
typedef struct { char *prev; size_t cap; } ss_blockhead;

void *ss_alloc(ss_arena *a, size_t n)
{
  char *p;
  n = (n + 15) & ~(size_t) 15;
  if (!a->block || a->used + n > a->cap) {
    size_t cap = n + SS_BLOCK_HEAD > SS_BLOCK ? n + SS_BLOCK_HEAD : SS_BLOCK;
    char *b = malloc(cap);
    ss_blockhead h;
    if (!b) { fputs("sockscript: out of memory\n", stderr); abort(); }
    @.sockscript: out of memory@>
    h.prev = a->block;
    h.cap = cap;
    memcpy(b, &h, sizeof h);
    a->block = b;
    a->used = SS_BLOCK_HEAD;
    a->cap = cap;
  }
  p = a->block + a->used;
  a->used += n;
  memset(p, 0, n);
  return p;
}

void ss_arena_free(ss_arena *a)
{
  while (a->block) {
    ss_blockhead h;
    memcpy(&h, a->block, sizeof h);
    free(a->block);
    a->block = h.prev;
  }
  a->used = a->cap = 0;
}

void ss_arena_reset(ss_arena *a)
{
  ss_blockhead h;
  if (!a->block) return;
  memcpy(&h, a->block, sizeof h);
  while (h.prev) {
    char *b = a->block;
    a->block = h.prev;
    free(b);
    memcpy(&h, a->block, sizeof h);
  }
  a->used = SS_BLOCK_HEAD;
  a->cap = h.cap;
}

@ Making values.

@<Prototypes@>=
static ss_value *val_new(ss_arena *a, int kind);
static ss_value *val_int(ss_arena *a, long long i, int cls, int fmt);
static ss_value *val_str(ss_arena *a, const void *s, size_t len);
static ss_value *val_bytes(ss_arena *a, const void *s, size_t len);
static ss_value *val_list(ss_arena *a, int n);
static ss_value *val_struct(ss_arena *a, const struct ss_struct *st, int n);

@ @<The arena@>=
static ss_value *val_bytes(ss_arena *a, const void *s, size_t len)
{
  ss_value *v = val_str(a, s, len);
  v->fmt = SF_HEX;
  return v;
}

static ss_value *val_new(ss_arena *a, int kind)
{
  ss_value *v = ss_alloc(a, sizeof *v);
  v->kind = kind;
  v->cls = -1;
  return v;
}

static ss_value *val_int(ss_arena *a, long long i, int cls, int fmt)
{
  ss_value *v = val_new(a, SV_INT);
  v->i = i;
  v->cls = cls;
  v->fmt = fmt;
  return v;
}

static ss_value *val_str(ss_arena *a, const void *s, size_t len)
{
  ss_value *v = val_new(a, SV_STR);
  v->s = ss_alloc(a, len + 1);
  if (len) memcpy(v->s, s, len);
  v->len = len;
  return v;
}

static ss_value *val_list(ss_arena *a, int n)
{
  ss_value *v = val_new(a, SV_LIST);
  v->n = n;
  v->item = ss_alloc(a, (size_t) (n ? n : 1) * sizeof *v->item);
  return v;
}

static ss_value *val_struct(ss_arena *a, const struct ss_struct *st, int n)
{
  ss_value *v = val_new(a, SV_STRUCT);
  v->st = st;
  v->n = n;
  v->item = ss_alloc(a, (size_t) (n ? n : 1) * sizeof *v->item);
  v->field = ss_alloc(a, (size_t) (n ? n : 1) * sizeof *v->field);
  return v;
}

@* Symbols.
The names a script may use are the system's: \.{symgen} collected them
from the headers into \.{generated/ss\_symbols.h}, class by class, and
the compiler gave them their values.  A class is of one of three kinds:
an {\it enumeration\/} prints a value as the first name that has it, a
set of {\it flags\/} as the names of its bits joined by \.{$\vert$}, and
the flags of an open file as an access mode followed by bits.

@<Private types@>=
typedef struct { const char *name; long long value; } ss_sym;
enum { SS_KIND_ENUM, SS_KIND_FLAGS, SS_KIND_OFLAGS };
typedef struct { const char *name; int kind; const ss_sym *sym; } ss_symclass;

@ @<Symbol tables@>=
#include "ss_symbols.h"

@ Besides the classes of the headers, a few classes are the printer's own:
a process ID, which a script writes as a variable because it differs
between the kernel and sockref, and the option names, whose class depends
on the level of the call.

@<Public types@>=
enum { SS_CLS_PID = 1000, SS_CLS_OPTNAME, SS_CLS_CMSGTYPE, SS_CLS_SIGNAL };

@ Finding a name is a binary search in one sorted index of every name of
every class, built on first use.

@<Private types@>=
typedef struct { const char *name; long long value; } ss_name;

@ @<Symbols@>=
static int name_cmp(const void *x, const void *y)
{
  return strcmp(((const ss_name *) x)->name, ((const ss_name *) y)->name);
}

static const ss_name *name_index(size_t *count)
{
  static ss_name *index;
  static size_t n;
  if (!index) {
    size_t cap = 0;
    for (int c = 0; c < SS_NCLASSES; c++)
      for (const ss_sym *s = ss_classes[c].sym; s->name; s++) cap++;
    index = malloc(cap * sizeof *index);
    if (!index) abort();
    for (int c = 0; c < SS_NCLASSES; c++)
      for (const ss_sym *s = ss_classes[c].sym; s->name; s++) {
        index[n].name = s->name;
        index[n++].value = s->value;
      }
    qsort(index, n, sizeof *index, name_cmp);
  }
  *count = n;
  return index;
}

static bool sym_lookup(const char *name, size_t len, long long *value)
{
  char buf[128];
  size_t n;
  const ss_name *idx = name_index(&n), *hit;
  ss_name key;
  if (len >= sizeof buf) return false;
  memcpy(buf, name, len);
  buf[len] = '\0';
  key.name = buf;
  hit = bsearch(&key, idx, n, sizeof *idx, name_cmp);
  if (!hit) return false;
  *value = hit->value;
  return true;
}

@ The name of a value in a class: the first name with that value.

@<Symbols@>=
static const char *sym_name(int cls, long long value)
{
  if (cls < 0 || cls >= SS_NCLASSES) return NULL;
  for (const ss_sym *s = ss_classes[cls].sym; s->name; s++)
    if (s->value == value) return s->name;
  return NULL;
}

@ The public face of the symbol table, for programs that generate
scripts: the value of a name, and the name of a value in a class given by
its name.

@<Public declarations@>=
bool ss_symbol(const char *name, long long *value);
const char *ss_symbol_name(const char *cls, long long value);

@ @<Symbols@>=
bool ss_symbol(const char *name, long long *value)
{
  return sym_lookup(name, strlen(name), value);
}

const char *ss_symbol_name(const char *cls, long long value)
{
  for (int c = 0; c < SS_NCLASSES; c++)
    if (!strcmp(ss_classes[c].name, cls)) return sym_name(c, value);
  return NULL;
}

@* Scripts and lines.
A script is a file of lines.  A line is blank; a comment, starting with
\.{\#}; a header line, starting with \.{\#!}, which names the clauses the
script exercises (\.{\#! clauses socket.7:SO\_RCVBUF socket.7:SO\_RCVBUF:2});
or a call.  A call line is a call, an equals sign, the result, and
optionally a comment:
\smallskip
\.{getsockopt(3, SOL\_SOCKET, SO\_TYPE, [SOCK\_DGRAM], [4]) = 0}\par
\.{setsockopt(3, SOL\_IP, IP\_TTL, [0], 4) = -1 EINVAL (Invalid argument)}
\smallskip\noindent
The result is a value, and when it is $-1$, the name of the error number;
the explanation in parentheses is for the reader and is not checked.

@<Public types@>=
#define SS_MAXARGS 6
typedef struct ss_line ss_line;
enum { SL_BLANK, SL_COMMENT, SL_HEADER, SL_CALL };
struct ss_line {
  int kind;
  int lineno;
  const char *text; /* the line, without its newline */
  int len;
  int call; /* index in the call table */
  int nargs;
  ss_value *arg[SS_MAXARGS];
  ss_value *ret; /* the expected result */
  ss_value *err; /* the expected error number, when |ret| is $-1$ */
  const char *comment; /* a trailing comment, from its \.{\#} */
  int commentlen;
  bool binds; /* some value in the line binds a variable */
};

@ A script owns its text, its lines and the clause IDs of its header.

@<Public types@>=
typedef struct ss_script ss_script;
struct ss_script {
  char *name;
  char *text;
  size_t textlen;
  ss_line *line;
  int nlines;
  const char **clause;
  int nclauses;
  bool unrecorded; /* some result is still \.{?} */
  ss_arena arena;
};

@ Parsing never stops at the first bad line: each error is reported with
the file name and line, and the parse fails when there was any.

@<Public declarations@>=
ss_script *ss_parse(const char *name, const char *text, size_t len, FILE *errs);
ss_script *ss_load(const char *path, FILE *errs);
void ss_free(ss_script *s);

@* The lexer.
Tokens are those of C with a few of strace's: numbers (decimal,
hexadecimal after \.{0x}, octal after \.{0}), names, strings with C's
escapes, variables (\.{\$name}), and the punctuation
\.{( ) [ ] \{ \} , = $\vert$ - .. ... => ?}.

@<Private types@>=
enum { T_END, T_NUM, T_NAME, T_STR, T_VAR, T_PUNCT, T_BAD };
typedef struct {
  const char *p, *end; /* the rest of the line */
  int tok; /* the current token */
  const char *ts; /* its text */
  int tlen;
  unsigned long long num;
  char punct[4];
  const char *err; /* the first error */
  const char *errat;
} ss_lexer;

@ @<The lexer@>=
static void lex_next(ss_lexer *L)
{
  while (L->p < L->end && (*L->p == ' ' || *L->p == '\t' || *L->p == '\r')) L->p++;
  L->ts = L->p;
  L->punct[0] = '\0';
  if (L->p >= L->end || *L->p == '#') { L->tok = T_END; L->tlen = 0; return; }
  if (isdigit((unsigned char) *L->p)) @<Lex a number@>@;
  else if (isalpha((unsigned char) *L->p) || *L->p == '_') {
    while (L->p < L->end && (isalnum((unsigned char) *L->p) || *L->p == '_')) L->p++;
    L->tok = T_NAME;
  } else if (*L->p == '$') {
    L->p++;
    while (L->p < L->end && (isalnum((unsigned char) *L->p) || *L->p == '_')) L->p++;
    L->tok = L->p - L->ts > 1 ? T_VAR : T_BAD;
  } else if (*L->p == '"') @<Lex a string@>@;
  else @<Lex punctuation@>@;
  L->tlen = (int) (L->p - L->ts);
}

@ A number is read as an unsigned 64-bit quantity, so that
\.{18446744073709551615} (a |uint64_t| of all ones) can be written.  A
period that follows a number begins a range, \.{1..5}, not a fraction.

@<Lex a number@>=
{
  char *e;
  errno = 0;
  L->num = strtoull(L->p, &e, 0);
  if (errno || e > L->end) L->tok = T_BAD;
  else L->tok = T_NUM;
  L->p = e;
}

@ Strings are kept in the source; the parser decodes them.  A string ends
at the next quote that is not escaped.

@<Lex a string@>=
{
  L->p++;
  while (L->p < L->end && *L->p != '"') L->p += *L->p == '\\' && L->p + 1 < L->end ? 2 : 1;
  if (L->p >= L->end) L->tok = T_BAD;
  else { L->p++; L->tok = T_STR; }
}

@ The punctuation of more than one character is \.{...}, \.{..} and
\.{=>}.

@<Lex punctuation@>=
{
  static const char *const multi[] = {"...", "..", "=>"};
  L->tok = T_PUNCT;
  for (size_t k = 0; k < 3; k++) {
    size_t n = strlen(multi[k]);
    if ((size_t) (L->end - L->p) >= n && !strncmp(L->p, multi[k], n)) {
      memcpy(L->punct, multi[k], n + 1);
      L->p += n;
      goto done;
    }
  }
  if (strchr("()[]{},=|-?", *L->p)) {
    L->punct[0] = *L->p++;
    L->punct[1] = '\0';
  } else { L->p++; L->tok = T_BAD; }
 done: ;
}

@ Helpers for the parser: is the current token a given punctuation, and
the error report, which keeps only the first error of a line.

@<The lexer@>=
static bool is_punct(const ss_lexer *L, const char *p)
{
  return L->tok == T_PUNCT && !strcmp(L->punct, p);
}

static bool lex_accept(ss_lexer *L, const char *p)
{
  if (!is_punct(L, p)) return false;
  lex_next(L);
  return true;
}

static void lex_error(ss_lexer *L, const char *msg)
{
  if (!L->err) { L->err = msg; L->errat = L->ts; }
}

static bool expect(ss_lexer *L, const char *p)
{
  if (lex_accept(L, p)) return true;
  lex_error(L, p[0] == ')' ? "expected ')'" : p[0] == ']' ? "expected ']'" :
    p[0] == '}' ? "expected '}'" : p[0] == '(' ? "expected '('" : p[0] == '=' ?
    "expected '='" : "expected ','");
  return false;
}

@* The parser.
Values are parsed by recursive descent.  The grammar, from the loosest
operator to the tightest:
\smallskip
\item{} {\it value\/} = {\it alternatives\/} [ \.{=>} {\it alternatives\/} ]
\item{} {\it alternatives\/} = {\it term\/} $\{$ \.{$\vert$} {\it term\/} $\}$
\item{} {\it term\/} = [ \.{-} ] {\it primary\/} [ \.{..} [ \.{-} ] {\it primary\/} ]
\item{} {\it primary\/} = number $\vert$ name $\vert$ function\.{(}value\.{)}
  $\vert$ string [\.{...}] $\vert$ \.{[} list \.{]} $\vert$ \.{\{} fields \.{\}}
  $\vert$ \.{NULL} $\vert$ \.{...} $\vert$ \.{?} $\vert$ variable [\.{=} term]
\smallskip\noindent
The functions are \.{htons}, \.{htonl} and \.{inet\_addr}, which only
mark how an integer is written: a port or an address is kept in host
order, and the structure field that holds it puts it in network order.

@<Prototypes@>=
static ss_value *parse_value(ss_lexer *L, ss_arena *a);

@ @<The parser@>=
static ss_value *parse_primary(ss_lexer *L, ss_arena *a);
static ss_value *parse_term(ss_lexer *L, ss_arena *a)
{
  const char *start = L->ts;
  bool neg = lex_accept(L, "-");
  ss_value *v = parse_primary(L, a);
  if (!v) return NULL;
  if (neg) {
    if (v->kind == SV_INT) v->i = -v->i;
    else if (v->kind == SV_VAR) v->neg = !v->neg;
    else { lex_error(L, "'-' before a value that is not a number"); return NULL; }
  }
  if (lex_accept(L, "..")) {
    bool hneg = lex_accept(L, "-");
    ss_value *h = parse_primary(L, a);
    if (!h || h->kind != SV_INT || v->kind != SV_INT) {
      lex_error(L, "a range joins two numbers");
      return NULL;
    }
    v->kind = SV_RANGE;
    v->hi = hneg ? -h->i : h->i;
  }
  v->src = start;
  v->srclen = (int) (L->ts - start);
  while (v->srclen > 0 && isspace((unsigned char) start[v->srclen - 1])) v->srclen--;
  return v;
}

@ Alternatives are the bitwise or of integers, \.{SOCK\_DGRAM$\vert$SOCK\_NONBLOCK};
an \.{IN => OUT} pair is the loosest.

@<The parser@>=
static ss_value *parse_alts(ss_lexer *L, ss_arena *a)
{
  const char *start = L->ts;
  ss_value *v = parse_term(L, a);
  while (v && is_punct(L, "|")) {
    ss_value *w;
    lex_next(L);
    w = parse_term(L, a);
    if (!w) return NULL;
    if (v->kind != SV_INT || w->kind != SV_INT) {
      lex_error(L, "'|' joins numbers");
      return NULL;
    }
    v->i |= w->i;
    if (w->fmt == SF_HEX) v->fmt = SF_HEX;
    v->src = start;
    v->srclen = (int) (w->src + w->srclen - start);
  }
  return v;
}

static ss_value *parse_value(ss_lexer *L, ss_arena *a)
{
  const char *start = L->ts;
  ss_value *v = parse_alts(L, a);
  if (v && is_punct(L, "=>")) {
    ss_value *io = val_new(a, SV_INOUT);
    lex_next(L);
    io->a = v;
    io->b = parse_alts(L, a);
    if (!io->b) return NULL;
    io->src = start;
    io->srclen = (int) (io->b->src + io->b->srclen - start);
    v = io;
  }
  return v;
}

@ The primaries.

@<The parser@>=
static ss_value *parse_list(ss_lexer *L, ss_arena *a);
static ss_value *parse_fields(ss_lexer *L, ss_arena *a);
static ss_value *parse_string(ss_lexer *L, ss_arena *a);
static ss_value *parse_name(ss_lexer *L, ss_arena *a);
static ss_value *parse_primary(ss_lexer *L, ss_arena *a)
{
  ss_value *v;
  const char *start = L->ts;
  switch (L->tok) {
  case T_NUM:
    v = val_int(a, (long long) L->num, -1, L->tlen > 2 && L->ts[1] == 'x' ? SF_HEX : SF_DEC);
    lex_next(L);
    break;
  case T_NAME: v = parse_name(L, a); break;
  case T_STR: v = parse_string(L, a); break;
  case T_VAR: @<Parse a variable or a binding@>@; break;
  case T_PUNCT:
    if (is_punct(L, "[")) { v = parse_list(L, a); break; }
    if (is_punct(L, "{")) { v = parse_fields(L, a); break; }
    if (lex_accept(L, "...")) { v = val_new(a, SV_ANY); break; }
    if (lex_accept(L, "?")) { v = val_new(a, SV_UNKNOWN); break; }
    lex_error(L, "expected a value");
    return NULL;
  default:
    lex_error(L, "expected a value");
    return NULL;
  }
  if (v && !v->src) {
    v->src = start;
    v->srclen = (int) (L->ts - start);
    while (v->srclen > 0 && isspace((unsigned char) start[v->srclen - 1])) v->srclen--;
  }
  return v;
}

@ A variable stands for a value found at run time.  \.{\$pid} and
\.{\$pgrp} are the current process's IDs, \.{\$pid2} and \.{\$pgrp2}
those of the script's second process, and so on; any other variable must
have been bound earlier in the script by \.{\$name=pattern}, in an output
that the call filled in.

@<Parse a variable or a binding@>=
{
  v = val_new(a, SV_VAR);
  v->name = L->ts + 1;
  {
    char *nm = ss_alloc(a, (size_t) L->tlen);
    memcpy(nm, L->ts + 1, (size_t) L->tlen - 1);
    v->name = nm;
  }
  lex_next(L);
  if (is_punct(L, "=") ) {
    ss_value *b = val_new(a, SV_BIND);
    lex_next(L);
    b->name = v->name;
    b->a = parse_term(L, a);
    if (!b->a) return NULL;
    v = b;
  }
}

@ A name is \.{NULL}, one of the three functions, or a constant of the
headers.

@<The parser@>=
static ss_value *parse_name(ss_lexer *L, ss_arena *a)
{
  long long value;
  ss_value *v;
  int fmt = -1;
  if (L->tlen == 4 && !strncmp(L->ts, "NULL", 4)) { lex_next(L); return val_new(a, SV_NULL); }
  if (L->tlen == 5 && !strncmp(L->ts, "htons", 5)) fmt = SF_PORT;
  else if (L->tlen == 5 && !strncmp(L->ts, "htonl", 5)) fmt = SF_HEX;
  else if (L->tlen == 9 && !strncmp(L->ts, "inet_addr", 9)) fmt = SF_ADDR;
  if (fmt >= 0) {
    lex_next(L);
    if (!expect(L, "(")) return NULL;
    if (fmt == SF_ADDR) @<Parse the dotted quad of |inet_addr|@>@;
    else v = parse_term(L, a);
    if (!v || !expect(L, ")")) return NULL;
    if (v->kind == SV_INT || v->kind == SV_RANGE || v->kind == SV_VAR || v->kind == SV_BIND)
      (v->kind == SV_BIND ? v->a : v)->fmt = fmt;
    v->src = NULL;
    return v;
  }
  if (!sym_lookup(L->ts, (size_t) L->tlen, &value)) {
    lex_error(L, "unknown name");
    return NULL;
  }
  lex_next(L);
  return val_int(a, value, -1, SF_DEC);
}

@ @<Parse the dotted quad of |inet_addr|@>=
{
  char buf[64];
  struct in_addr in;
  if (L->tok != T_STR || L->tlen - 2 >= (int) sizeof buf) {
    lex_error(L, "inet_addr takes a dotted quad in quotes");
    return NULL;
  }
  memcpy(buf, L->ts + 1, (size_t) L->tlen - 2);
  buf[L->tlen - 2] = '\0';
  if (inet_pton(AF_INET, buf, &in) != 1) {
    lex_error(L, "not an IPv4 address");
    return NULL;
  }
  v = val_int(a, (long long) ntohl(in.s_addr), -1, SF_ADDR);
  lex_next(L);
}

@ A string holds bytes, written with C's escapes: \.{\\n}, \.{\\t},
\.{\\0}, \.{\\\\}, \.{\\"}, octal \.{\\ooo} and hexadecimal \.{\\xhh}.
\.{"abc"...} is a string that need only begin with \.{abc}.

@<The parser@>=
static ss_value *parse_string(ss_lexer *L, ss_arena *a)
{
  const char *p = L->ts + 1, *e = L->ts + L->tlen - 1;
  unsigned char *buf = ss_alloc(a, (size_t) L->tlen);
  size_t n = 0;
  ss_value *v;
  while (p < e) {
    if (*p != '\\') { buf[n++] = (unsigned char) *p++; continue; }
    p++;
    switch (*p) {
    case 'n': buf[n++] = '\n'; p++; break;
    case 't': buf[n++] = '\t'; p++; break;
    case 'r': buf[n++] = '\r'; p++; break;
    case 'x': {
      unsigned c = 0;
      int k = 0;
      p++;
      while (k < 2 && p < e && isxdigit((unsigned char) *p)) {
        c = c * 16 + (unsigned) (isdigit((unsigned char) *p) ? *p - '0' : tolower((unsigned char) *p) - 'a' + 10);
        p++; k++;
      }
      buf[n++] = (unsigned char) c;
      break;
    }
    default:
      if (*p >= '0' && *p <= '7') {
        unsigned c = 0;
        for (int k = 0; k < 3 && p < e && *p >= '0' && *p <= '7'; k++) c = c * 8 + (unsigned) (*p++ - '0');
        buf[n++] = (unsigned char) c;
      } else buf[n++] = (unsigned char) *p++;
    }
  }
  v = val_new(a, SV_STR);
  v->s = buf;
  v->len = n;
  lex_next(L);
  if (lex_accept(L, "...")) v->more = true;
  return v;
}

@ A list: values separated by commas; a last item \.{...} says the list
may go on.

@<The parser@>=
static ss_value *parse_list(ss_lexer *L, ss_arena *a)
{
  ss_value *items[256], *v;
  int n = 0;
  bool more = false;
  lex_next(L);
  while (!is_punct(L, "]") && L->tok != T_END && !L->err) {
    if (is_punct(L, "...")) {
      lex_next(L);
      more = true;
      break;
    }
    if (n == 256) { lex_error(L, "list too long"); return NULL; }
    if (!(items[n++] = parse_value(L, a))) return NULL;
    if (!lex_accept(L, ",")) break;
  }
  if (!expect(L, "]")) return NULL;
  v = val_list(a, n);
  memcpy(v->item, items, (size_t) n * sizeof *items);
  v->more = more;
  return v;
}

@ A structure: \.{name=value} pairs.  Its type is the first structure in
the table of structures (next chapter) whose fields include every name
given; a field left out is zero in an input and anything in an output.

@<The parser@>=
static ss_value *parse_fields(ss_lexer *L, ss_arena *a)
{
  ss_value *items[32], *v;
  const char *names[32];
  int n = 0;
  bool more = false;
  lex_next(L);
  while (!is_punct(L, "}") && L->tok != T_END && !L->err) {
    char *nm;
    if (is_punct(L, "...")) { lex_next(L); more = true; break; }
    if (L->tok != T_NAME) { lex_error(L, "expected a field name"); return NULL; }
    if (n == 32) { lex_error(L, "too many fields"); return NULL; }
    nm = ss_alloc(a, (size_t) L->tlen + 1);
    memcpy(nm, L->ts, (size_t) L->tlen);
    names[n] = nm;
    lex_next(L);
    if (!expect(L, "=")) return NULL;
    if (!(items[n++] = parse_value(L, a))) return NULL;
    if (!lex_accept(L, ",")) break;
  }
  if (!expect(L, "}")) return NULL;
  v = val_struct(a, struct_for_fields(names, n), n);
  if (!v->st) { lex_error(L, "no structure has these fields"); return NULL; }
  memcpy(v->item, items, (size_t) n * sizeof *items);
  memcpy(v->field, names, (size_t) n * sizeof *names);
  v->more = more;
  return v;
}

@ A call line: the name of a call from the call table, its arguments,
\.{=}, the result, the error name when the result is $-1$, and an
optional explanation in parentheses.

@<The parser@>=
static void parse_call_line(ss_script *s, ss_line *ln, ss_lexer *L)
{
  ss_arena *a = &s->arena;
  int c;
  if (L->tok != T_NAME || (c = call_lookup(L->ts, L->tlen)) < 0) {
    lex_error(L, L->tok == T_NAME ? "unknown call" : "expected a call");
    return;
  }
  ln->call = c;
  lex_next(L);
  if (!expect(L, "(")) return;
  while (!is_punct(L, ")") && !L->err) {
    if (ln->nargs == SS_MAXARGS) { lex_error(L, "too many arguments"); return; }
    if (!(ln->arg[ln->nargs++] = parse_value(L, a))) return;
    if (!lex_accept(L, ",")) break;
  }
  if (!expect(L, ")") || !expect(L, "=")) return;
  if (!(ln->ret = parse_value(L, a))) return;
  if (L->tok == T_NAME) @<Parse the error name of the result@>@;
  if (L->tok == T_PUNCT && L->punct[0] == '(') @<Skip the explanation@>@;
  if (L->tok != T_END) { lex_error(L, "unexpected text after the result"); return; }
  if (L->p < L->end && *L->p == '#') {
    ln->comment = L->p;
    ln->commentlen = (int) (L->end - L->p);
  }
  check_arity(ln, L);
}

@ @<Parse the error name of the result@>=
{
  long long e;
  if (!sym_lookup(L->ts, (size_t) L->tlen, &e)) { lex_error(L, "unknown error name"); return; }
  ln->err = val_int(a, e, SS_CLASS_ERRNO, SF_DEC);
  ln->err->src = L->ts;
  ln->err->srclen = L->tlen;
  lex_next(L);
}

@ @<Skip the explanation@>=
{
  int depth = 0;
  while (L->tok != T_END) {
    if (is_punct(L, "(")) depth++;
    if (is_punct(L, ")") && --depth == 0) { lex_next(L); break; }
    lex_next(L);
  }
}

@ Whether a value holds a binding, and whether it holds a \.{?}.

@<The parser@>=
static bool val_has(const ss_value *v, int kind)
{
  if (!v) return false;
  if (v->kind == kind) return true;
  if (v->kind == SV_INOUT || v->kind == SV_BIND) return val_has(v->a, kind) || val_has(v->b, kind);
  for (int i = 0; (v->kind == SV_LIST || v->kind == SV_STRUCT) && i < v->n; i++)
    if (val_has(v->item[i], kind)) return true;
  return false;
}

@ Parsing a script: split the text into lines and parse each.  The text
is copied into the script, which then owns it.

@<The parser@>=
ss_script *ss_parse(const char *name, const char *text, size_t len, FILE *errs)
{
  ss_script *s = calloc(1, sizeof *s);
  int errors = 0, cap = 0;
  const char *p, *end;
  if (!s) abort();
  s->name = ss_alloc(&s->arena, strlen(name) + 1);
  strcpy(s->name, name);
  s->text = ss_alloc(&s->arena, len + 1);
  memcpy(s->text, text, len);
  s->textlen = len;
  for (p = s->text, end = s->text + len; p < end; ) {
    const char *nl = memchr(p, '\n', (size_t) (end - p));
    const char *e = nl ? nl : end;
    ss_line *ln;
    if (s->nlines == cap) @<Grow the line array@>@;
    ln = &s->line[s->nlines++];
    memset(ln, 0, sizeof *ln);
    ln->lineno = s->nlines;
    ln->text = p;
    ln->len = (int) (e - p);
    @<Classify and parse the line |ln|@>@;
    p = nl ? nl + 1 : end;
  }
  if (errors) { ss_free(s); return NULL; }
  return s;
}

@ @<Grow the line array@>=
{
  ss_line *nl2;
  cap = cap ? 2 * cap : 64;
  nl2 = ss_alloc(&s->arena, (size_t) cap * sizeof *nl2);
  if (s->nlines) memcpy(nl2, s->line, (size_t) s->nlines * sizeof *nl2);
  s->line = nl2;
}

@ @<Classify and parse the line |ln|@>=
{
  const char *q = p;
  while (q < e && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
  if (q == e) ln->kind = SL_BLANK;
  else if (e - q >= 2 && q[0] == '#' && q[1] == '!') {
    ln->kind = SL_HEADER;
    @<Read the header line@>@;
  } else if (*q == '#') ln->kind = SL_COMMENT;
  else {
    ss_lexer L;
    memset(&L, 0, sizeof L);
    L.p = q;
    L.end = e;
    ln->kind = SL_CALL;
    lex_next(&L);
    parse_call_line(s, ln, &L);
    if (L.err) {
      if (errs) fprintf(errs, "%s:%d:%d: %s\n", name, ln->lineno,
        (int) (L.errat - p) + 1, L.err);
      errors++;
    } else {
      if (ln->ret->kind == SV_UNKNOWN) s->unrecorded = true;
      for (int i = 0; i < ln->nargs; i++) {
        if (val_has(ln->arg[i], SV_BIND)) ln->binds = true;
        if (val_has(ln->arg[i], SV_UNKNOWN)) s->unrecorded = true;
      }
      if (val_has(ln->ret, SV_BIND)) ln->binds = true;
    }
  }
}

@ The header.  \.{\#! clauses} is followed by clause IDs separated by
white space; a script may have several such lines.  Other header words
are errors, so that a misspelt one does not pass silently.

@<Read the header line@>=
{
  const char *w = q + 2, *we;
  while (w < e && isspace((unsigned char) *w)) w++;
  we = w;
  while (we < e && !isspace((unsigned char) *we)) we++;
  if (we - w == 7 && !strncmp(w, "clauses", 7)) {
    for (w = we; w < e; ) {
      while (w < e && isspace((unsigned char) *w)) w++;
      we = w;
      while (we < e && !isspace((unsigned char) *we)) we++;
      if (we > w) {
        char *id = ss_alloc(&s->arena, (size_t) (we - w) + 1);
        const char **nc = ss_alloc(&s->arena, (size_t) (s->nclauses + 1) * sizeof *nc);
        memcpy(id, w, (size_t) (we - w));
        if (s->nclauses) memcpy(nc, s->clause, (size_t) s->nclauses * sizeof *nc);
        nc[s->nclauses++] = id;
        s->clause = nc;
      }
      w = we;
    }
  } else {
    if (errs) fprintf(errs, "%s:%d: unknown header word '%.*s'\n", name, ln->lineno,
      (int) (we - w), w);
    @.unknown header word@>
    errors++;
  }
}

@ Loading a script from a file, and freeing one.

@<The parser@>=
ss_script *ss_load(const char *path, FILE *errs)
{
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  ss_script *s;
  if (!f) { if (errs) fprintf(errs, "%s: %s\n", path, strerror(errno)); return NULL; }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t) n + 1);
  if (!buf || fread(buf, 1, (size_t) n, f) != (size_t) n) {
    if (errs) fprintf(errs, "%s: cannot read\n", path);
    free(buf);
    fclose(f);
    return NULL;
  }
  fclose(f);
  s = ss_parse(path, buf, (size_t) n, errs);
  free(buf);
  return s;
}

void ss_free(ss_script *s)
{
  if (!s) return;
  ss_arena_free(&s->arena);
  free(s);
}

@* The printer.
Values are printed as they are parsed, so that printing and parsing
again gives the same value.  An integer with a class prints as a name or
an or of names; a port as \.{htons(N)}, an address as
\.{inet\_addr("A.B.C.D")}; a string with C's escapes, printable
characters as themselves and others as \.{\\xhh}.  A value that was
parsed prints as its source text.

Output goes to a growing buffer.

@<Public types@>=
typedef struct { char *p; size_t n, cap; } ss_buf;

@ @<Public declarations@>=
void ss_putc(ss_buf *b, char c);
void ss_puts(ss_buf *b, const char *s, size_t n);
void ss_printf(ss_buf *b, const char *fmt, ...);
void ss_vprintf(ss_buf *b, const char *fmt, va_list ap);
void ss_print_value(ss_buf *b, const ss_value *v, bool use_source);

@ |ss_reserve| makes room for |n| more bytes and the closing null.
Formatted output is measured first and then written in place, so that no
line is ever cut, however long.

@<The printer@>=
static void ss_reserve(ss_buf *b, size_t n)
{
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + n + 1) cap *= 2;
    b->p = realloc(b->p, cap);
    if (!b->p) abort();
    b->cap = cap;
  }
}

void ss_puts(ss_buf *b, const char *s, size_t n)
{
  ss_reserve(b, n);
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

void ss_putc(ss_buf *b, char c) { ss_puts(b, &c, 1); }

void ss_vprintf(ss_buf *b, const char *fmt, va_list ap)
{
  va_list measure;
  int n;
  va_copy(measure, ap);
  n = vsnprintf(NULL, 0, fmt, measure);
  va_end(measure);
  if (n < 0) return;
  ss_reserve(b, (size_t) n);
  vsnprintf(b->p + b->n, (size_t) n + 1, fmt, ap);
  b->n += (size_t) n;
}

void ss_printf(ss_buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  ss_vprintf(b, fmt, ap);
  va_end(ap);
}

@ Integers.  A flags value is split into the names of its single bits, in
the order of the class; what no name covers is written in hexadecimal.
The flags of an open file start with their access mode.

@<The printer@>=
static void print_flags(ss_buf *b, int cls, long long v)
{
  const ss_symclass *c = &ss_classes[cls];
  unsigned long long rest = (unsigned long long) v;
  bool first = true;
  if (c->kind == SS_KIND_OFLAGS) {
    const char *acc = sym_name(cls, v & O_ACCMODE);
    if (acc) { ss_puts(b, acc, strlen(acc)); first = false; rest &= ~(unsigned long long) O_ACCMODE; }
  }
  for (const ss_sym *s = c->sym; s->name && rest; s++) {
    unsigned long long bit = (unsigned long long) s->value;
    if (!bit || (bit & (bit - 1)) || !(rest & bit)) continue;
    if (c->kind == SS_KIND_OFLAGS && (bit & O_ACCMODE)) continue;
    if (!first) ss_putc(b, '|');
    ss_puts(b, s->name, strlen(s->name));
    rest &= ~bit;
    first = false;
  }
  if (rest || first) {
    if (!first) ss_putc(b, '|');
    if (rest) ss_printf(b, "%#llx", rest);
    else ss_putc(b, '0');
  }
}

static void print_int(ss_buf *b, long long v, int cls, int fmt)
{
  if (fmt == SF_PORT) { ss_printf(b, "htons(%lld)", v); return; }
  if (fmt == SF_ADDR) {
    ss_printf(b, "inet_addr(\"%u.%u.%u.%u\")", (unsigned) (v >> 24) & 255,
      (unsigned) (v >> 16) & 255, (unsigned) (v >> 8) & 255, (unsigned) v & 255);
    return;
  }
  if (fmt == SF_U64) { ss_printf(b, "%llu", (unsigned long long) v); return; }
  if (cls >= 0 && cls < SS_NCLASSES) {
    if (ss_classes[cls].kind != SS_KIND_ENUM) { print_flags(b, cls, v); return; }
    {
      const char *nm = sym_name(cls, v);
      if (nm) { ss_puts(b, nm, strlen(nm)); return; }
    }
  }
  if (fmt == SF_HEX) ss_printf(b, "%#llx", v);
  else ss_printf(b, "%lld", v);
}

@ Strings.  Text prints as text, with C's escapes for what is not
printable.  Bytes a call wrote as binary --- an option's value, the data of
a control message --- are marked |SF_HEX| by the decoder and print all in
hexadecimal, so that the byte 64 of \.{IP\_TTL} reads \.{"\\x40"}, not
\.{"@"}.

@<The printer@>=
static void print_string(ss_buf *b, const unsigned char *s, size_t n, bool more, bool hex)
{
  ss_putc(b, '"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (hex) ss_printf(b, "\\x%02x", c);
    else if (c == '"' || c == '\\') { ss_putc(b, '\\'); ss_putc(b, (char) c); }
    else if (c == '\n') ss_puts(b, "\\n", 2);
    else if (c == '\t') ss_puts(b, "\\t", 2);
    else if (c >= 32 && c < 127) ss_putc(b, (char) c);
    else ss_printf(b, "\\x%02x", c);
  }
  ss_putc(b, '"');
  if (more) ss_puts(b, "...", 3);
}

@ A value.  With |use_source|, a value that came from the script prints
as its author wrote it.

@<The printer@>=
void ss_print_value(ss_buf *b, const ss_value *v, bool use_source)
{
  if (!v) { ss_putc(b, '?'); return; }
  if (use_source && v->src && v->srclen > 0) { ss_puts(b, v->src, (size_t) v->srclen); return; }
  switch (v->kind) {
  case SV_INT: print_int(b, v->i, v->cls, v->fmt); break;
  case SV_RANGE:
    if (v->fmt == SF_PORT) ss_printf(b, "htons(%lld..%lld)", v->i, v->hi);
    else ss_printf(b, "%lld..%lld", v->i, v->hi);
    break;
  case SV_STR: print_string(b, v->s, v->len, v->more, v->fmt == SF_HEX); break;
  case SV_NULL: ss_puts(b, "NULL", 4); break;
  case SV_ANY: ss_puts(b, "...", 3); break;
  case SV_UNKNOWN: ss_putc(b, '?'); break;
  case SV_VAR:
    if (v->fmt == SF_PORT) ss_printf(b, "htons(%s$%s)", v->neg ? "-" : "", v->name);
    else ss_printf(b, "%s$%s", v->neg ? "-" : "", v->name);
    break;
  case SV_BIND:
    if (v->a && v->a->fmt == SF_PORT) {
      ss_printf(b, "htons($%s=", v->name);
      if (v->a->kind == SV_RANGE) ss_printf(b, "%lld..%lld", v->a->i, v->a->hi);
      else { ss_value t = *v->a; t.fmt = SF_DEC; t.src = NULL; ss_print_value(b, &t, false); }
      ss_putc(b, ')');
    } else {
      ss_printf(b, "$%s=", v->name);
      ss_print_value(b, v->a, use_source);
    }
    break;
  case SV_INOUT:
    ss_print_value(b, v->a, use_source);
    ss_puts(b, " => ", 4);
    ss_print_value(b, v->b, use_source);
    break;
  case SV_LIST:
    ss_putc(b, '[');
    for (int i = 0; i < v->n; i++) {
      if (i) ss_puts(b, ", ", 2);
      ss_print_value(b, v->item[i], use_source);
    }
    if (v->more) ss_puts(b, v->n ? ", ..." : "...", v->n ? 5 : 3);
    ss_putc(b, ']');
    break;
  case SV_STRUCT:
    ss_putc(b, '{');
    for (int i = 0; i < v->n; i++) {
      if (i) ss_puts(b, ", ", 2);
      ss_printf(b, "%s=", v->field[i]);
      ss_print_value(b, v->item[i], use_source);
    }
    if (v->more) ss_puts(b, v->n ? ", ..." : "...", v->n ? 5 : 3);
    ss_putc(b, '}');
    break;
  }
}

@* The matcher.
A result {\it matches\/} what a script expects when every part of it is
in the set the expected value stands for.  The matcher walks the two
values together: the expected one as parsed, the actual one made by the
executor from the bytes a call returned, in the same shape.  Where the
expected value is an \.{IN => OUT} pair only its output counts.  A
structure or list that the script gives in part (\.{\{a=1, ...\}},
\.{[1, ...]}) matches an actual one that begins with those parts; a field
the script leaves out is not compared.

Variables are looked up, and bindings made, in an environment of named
integers the executor keeps for the run.

@<Public types@>=
#define SS_MAXVARS 32
#define SS_MAXPROC 16
typedef struct { char name[24]; long long value; } ss_var;
typedef struct {
  ss_var var[SS_MAXVARS];
  int nvars;
  int nprocs;
  long long pid[SS_MAXPROC], pgrp[SS_MAXPROC];
  int cur; /* the process whose line is matched */
} ss_env;

@ @<Public declarations@>=
bool ss_env_get(const ss_env *e, const char *name, long long *value);
bool ss_match(const ss_value *expected, const ss_value *actual, ss_env *e);

@ The predefined variables and the bound ones.

@<The matcher@>=
bool ss_env_get(const ss_env *e, const char *name, long long *value)
{
  int k = 0;
  if (!strncmp(name, "pid", 3) || !strncmp(name, "pgrp", 4)) {
    bool pg = name[1] == 'g';
    const char *num = name + (pg ? 4 : 3);
    if (!*num) k = e->cur;
    else {
      char *end;
      long n = strtol(num, &end, 10);
      if (*end || n < 1 || n > e->nprocs) goto bound;
      k = (int) n - 1;
    }
    if (k < 0 || k >= e->nprocs) return false;
    *value = pg ? e->pgrp[k] : e->pid[k];
    return true;
  }
 bound:
  for (int i = 0; i < e->nvars; i++)
    if (!strcmp(e->var[i].name, name)) { *value = e->var[i].value; return true; }
  return false;
}

static bool env_bind(ss_env *e, const char *name, long long value)
{
  long long old;
  if (ss_env_get(e, name, &old)) return old == value;
  if (e->nvars == SS_MAXVARS || strlen(name) >= sizeof e->var[0].name) return false;
  snprintf(e->var[e->nvars].name, sizeof e->var[0].name, "%s", name);
  e->var[e->nvars++].value = value;
  return true;
}

@ Matching.  An unrecorded \.{?} matches nothing: a script must be
recorded before it is checked.  The one exception is a binding to \.{?},
\.{\$p=?}, which an author writes to say ``remember whatever comes
here'': it binds at once, so that the lines after it can run, and the
recorder writes the value it found in place of the \.{?}.

@<The matcher@>=
bool ss_match(const ss_value *x, const ss_value *y, ss_env *e)
{
  long long v;
  if (!x) return true;
  if (x->kind == SV_INOUT) return ss_match(x->b, y, e);
  if (x->kind == SV_ANY) return true;
  if (!y) return false;
  switch (x->kind) {
  case SV_UNKNOWN: return false;
  case SV_INT: return y->kind == SV_INT && y->i == x->i;
  case SV_RANGE: return y->kind == SV_INT && y->i >= x->i && y->i <= x->hi;
  case SV_NULL: return y->kind == SV_NULL;
  case SV_VAR:
    if (!ss_env_get(e, x->name, &v)) return false;
    return y->kind == SV_INT && y->i == (x->neg ? -v : v);
  case SV_BIND:
    return (x->a->kind == SV_UNKNOWN || ss_match(x->a, y, e)) && y->kind == SV_INT &&
      env_bind(e, x->name, y->i);
  case SV_STR:
    if (y->kind != SV_STR) return false;
    if (x->more ? y->len < x->len : y->len != x->len) return false;
    return !x->len || !memcmp(x->s, y->s, x->len) ||
      ip_alike((const unsigned char *) x->s, (const unsigned char *) y->s, x->len, false);
  case SV_LIST:
    if (y->kind != SV_LIST || (x->more ? y->n < x->n : y->n != x->n)) return false;
    for (int i = 0; i < x->n; i++)
      if (!ss_match(x->item[i], y->item[i], e)) return false;
    return true;
  case SV_STRUCT:
    if (y->kind != SV_STRUCT) return false;
    for (int i = 0; i < x->n; i++) {
      const ss_value *f = struct_get(y, x->field[i]);
      if (!f || !ss_match(x->item[i], f, e)) return false;
    }
    return true;
  }
  return false;
}

@ Bytes received on a raw socket begin with the IP header, and a few of
its fields vary from run to run.  Linux makes the identification random:
a connected socket's counter starts at a random number, and an
unconnected socket's datagrams that may be fragmented take theirs from
counters hashed with a secret key.  A UDP port the kernel chose for an
unbound socket is random too, and so are the checksums that cover these
fields.  So where the expected bytes begin with an IPv4 header, they
match bytes that differ from them only in
\smallskip
\item{$\bullet$} the identification (bytes 4 and 5) and the header
checksum (bytes 10 and 11), when the expected identification is not 0
--- a zero one, which Linux writes on a datagram that must not be
fragmented, is compared as any byte is;
\item{$\bullet$} for UDP and UDP-Lite, a port that is in the default
ephemeral range (32768 to 60999) in both, and then the UDP checksum;
\item{$\bullet$} for an ICMP error (destination unreachable, source
quench, redirect, time exceeded, parameter problem), the quoted datagram,
by the same rules, and then the ICMP checksum.
\smallskip\noindent
To keep other data that happens to begin with a byte from \.{0x45} to
\.{0x4f} from being taken for a header, a string holding the whole
header must have a correct header checksum in both values.  (A rule of
the matcher added for the differential fuzzer, which reads raw sockets.)

@<Prototypes@>=
static bool ip_alike(const unsigned char *a, const unsigned char *b, size_t len, bool quoted);

@ @<The matcher@>=
static bool ip_header_sums(const unsigned char *p, size_t hl)
{
  unsigned long sum = 0;
  for (size_t i = 0; i + 1 < hl; i += 2) sum += (unsigned long) (p[i] << 8 | p[i + 1]);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return sum == 0xffff;
}

static bool ephemeral(unsigned port) { return port >= 32768 && port <= 60999; }

static bool ip_alike(const unsigned char *a, const unsigned char *b, size_t len, bool quoted)
{
  size_t hl, n;
  bool id, ports = false;
  unsigned proto;
  if (len < 5 || a[0] < 0x45 || a[0] > 0x4f) return false;
  hl = (size_t) (a[0] & 0xf) * 4;
  id = a[4] || (len > 5 && a[5]);
  if (!quoted && len >= hl && (!ip_header_sums(a, hl) || !ip_header_sums(b, hl))) return false;
  for (size_t i = 0; i < len && i < hl; i++)
    if (a[i] != b[i] && !(id && (i == 4 || i == 5 || i == 10 || i == 11))) return false;
  if (len <= hl) return true;
  proto = a[9];
  n = len - hl;
  a += hl;
  b += hl;
  switch (proto) {
  case 17: case 136:
    for (size_t k = 0; k < 4 && k < n; k += 2) {
      if (k + 1 >= n) return a[k] == b[k];
      if (a[k] != b[k] || a[k + 1] != b[k + 1]) {
        if (!ephemeral((unsigned) (a[k] << 8 | a[k + 1])) ||
            !ephemeral((unsigned) (b[k] << 8 | b[k + 1])))
          return false;
        ports = true;
      }
    }
    for (size_t i = 4; i < n; i++)
      if (a[i] != b[i] && !(ports && (i == 6 || i == 7))) return false;
    return true;
  case 1:
    if (quoted || n <= 8 || !(a[0] == 3 || a[0] == 4 || a[0] == 5 || a[0] == 11 || a[0] == 12))
      return !memcmp(a, b, n);
    if (memcmp(a, b, 2) || memcmp(a + 4, b + 4, 4)) return false;
    if (!memcmp(a + 8, b + 8, n - 8)) return a[2] == b[2] && a[3] == b[3];
    return ip_alike(a + 8, b + 8, n - 8, true);
  }
  return !memcmp(a, b, n);
}

@ A field of a structure value, by name.

@<Prototypes@>=
static const ss_value *struct_get(const ss_value *v, const char *name);

@ @<The matcher@>=
static const ss_value *struct_get(const ss_value *v, const char *name)
{
  for (int i = 0; i < v->n; i++)
    if (!strcmp(v->field[i], name)) return v->item[i];
  return NULL;
}

@ Recording keeps the patterns of the script where the new result still
fits them, and otherwise takes the result: |ss_merge| makes the value a
recorder writes.  A result the executor marked as varying from run to
run --- a port the kernel chose, a time stamp --- is written as a
pattern, unless the script already has one that fits: a port that a
variable of the script holds is written as that variable, another one in
the ephemeral range as the range; a processor number (which the kernel
takes from whichever processor ran the sender) as the range
\.{0..4095}, so that $-1$, ``none yet'', still differs --- unless the
script has that very number, or the number is beyond any processor's:
those a program wrote.  An \.{IN => OUT}
pair keeps its input.  A pair the printer made from a plain value (for an
argument that is both read and written, whose plain form means ``in, and
the same out'') is written as the input alone when the output equals it;
a pair the author wrote stays a pair, because for an output buffer the
plain form means the output only.

@<Public declarations@>=
#define SS_MAX_CPU 4095 /* the largest processor number a script accepts */
ss_value *ss_merge(ss_arena *a, const ss_value *expected, const ss_value *actual,
  ss_env *e, long long eph_lo, long long eph_hi);

@ @<The matcher@>=
ss_value *ss_merge(ss_arena *a, const ss_value *x, const ss_value *y, ss_env *e,
  long long lo, long long hi)
{
  ss_value *m;
  if (!y) return (ss_value *) x;
  if (x && x->kind == SV_INOUT) {
    ss_env scratch = *e;
    if (x->b != x->a && is_pattern(x->b) && ss_match(x->b, y, &scratch)) return (ss_value *) x;
    scratch = *e;
    if (x->b == x->a && ss_match(x->a, y, &scratch)) return (ss_value *) x->a;
    m = val_new(a, SV_INOUT);
    m->a = x->a;
    m->b = ss_merge(a, x->b == x->a ? NULL : x->b, y, e, lo, hi);
    return m;
  }
  if (x && x->kind == SV_BIND) {
    ss_env scratch = *e;
    m = val_new(a, SV_BIND);
    m->name = x->name;
    m->a = x->a->kind != SV_UNKNOWN && ss_match(x->a, y, &scratch) ? x->a :
      ss_merge(a, x->a->kind == SV_UNKNOWN ? NULL : x->a, y, e, lo, hi);
    return m;
  }
  if (x && x->kind != SV_INT && x->kind != SV_STR && x->kind != SV_LIST &&
      x->kind != SV_STRUCT && x->kind != SV_NULL && x->kind != SV_UNKNOWN) {
    ss_env scratch = *e;
    if (ss_match(x, y, &scratch)) { *e = scratch; return (ss_value *) x; }
  }
  if (x && x->kind == SV_STR && x->more) {
    ss_env scratch = *e;
    if (ss_match(x, y, &scratch)) return (ss_value *) x;
  }
  if (y->nondet == ND_TIME) return val_new(a, SV_ANY);
  if (y->nondet == ND_CPU && y->kind == SV_INT && y->i >= 0 && y->i <= SS_MAX_CPU &&
      !(x && x->kind == SV_INT && x->i == y->i)) {
    m = val_int(a, 0, -1, SF_DEC);
    m->kind = SV_RANGE;
    m->hi = SS_MAX_CPU;
    return m;
  }
  if (y->nondet == ND_PORT && y->kind == SV_INT)
    for (int k = 0; k < e->nvars; k++)
      if (e->var[k].value == y->i) {
        m = val_new(a, SV_VAR);
        m->name = e->var[k].name;
        m->fmt = SF_PORT;
        return m;
      }
  if (y->nondet == ND_PORT && y->kind == SV_INT && y->i >= lo && y->i <= hi) {
    m = val_int(a, lo, -1, SF_PORT);
    m->kind = SV_RANGE;
    m->hi = hi;
    return m;
  }
  @<Merge the items of a list or structure@>@;
  if (y->kind == SV_INT && y->cls == SS_CLS_PID) return pid_value(a, y, e);
  return (ss_value *) y;
}

@ A pattern is a value that stands for more than one: \.{...}, a range, a
variable, a binding, or a string, list or structure that may go on.

@<The matcher@>=
static bool is_pattern(const ss_value *v)
{
  switch (v->kind) {
  case SV_ANY: case SV_RANGE: case SV_VAR: case SV_BIND: return true;
  case SV_STR: case SV_LIST: case SV_STRUCT: return v->more;
  }
  return false;
}

@ A list or structure merges item by item when the script had one of the
same shape; a structure keeps the order of the result's fields and the
fields the script left out stay out only if the script said \.{...}.

@<Merge the items of a list or structure@>=
if (x && y->kind == SV_LIST && x->kind == SV_LIST && !x->more && x->n == y->n) {
  m = val_list(a, y->n);
  for (int i = 0; i < y->n; i++) m->item[i] = ss_merge(a, x->item[i], y->item[i], e, lo, hi);
  return m;
}
if (y->kind == SV_LIST) {
  bool any = false;
  for (int i = 0; i < y->n; i++) if (y->item[i]->nondet || y->item[i]->kind >= SV_LIST) any = true;
  if (any) {
    m = val_list(a, y->n);
    for (int i = 0; i < y->n; i++) m->item[i] = ss_merge(a, NULL, y->item[i], e, lo, hi);
    return m;
  }
}
if (y->kind == SV_STRUCT) {
  m = val_struct(a, y->st, y->n);
  for (int i = 0; i < y->n; i++) {
    const ss_value *xf = x && x->kind == SV_STRUCT ? struct_get(x, y->field[i]) : NULL;
    m->field[i] = y->field[i];
    m->item[i] = ss_merge(a, xf, y->item[i], e, lo, hi);
  }
  return m;
}

@ A process ID in a result is written as the variable that names it in
the script: \.{\$pid} for the process making the call, \.{\$pid2} for the
second process, \.{-\$pgrp} for a process group (a negative number is
taken for a group first, as that is what it means to \.{F\_SETOWN}).

@<The matcher@>=
static ss_value *pid_value(ss_arena *a, const ss_value *y, ss_env *e)
{
  static const char *const names[2] = {"pid", "pgrp"};
  for (int turn = 0; turn < 2; turn++) {
    int pass = y->i < 0 ? 1 - turn : turn;
    for (int sign = 1; sign >= -1; sign -= 2)
      for (int k = -1; k < e->nprocs; k++) {
        long long id = (pass ? e->pgrp : e->pid)[k < 0 ? e->cur : k];
        if (id && y->i == sign * id) {
          ss_value *v = val_new(a, SV_VAR);
          char *nm = ss_alloc(a, 16);
          if (k < 0) snprintf(nm, 16, "%s", names[pass]);
          else snprintf(nm, 16, "%s%d", names[pass], k + 1);
          v->name = nm;
          v->neg = sign < 0;
          return v;
        }
      }
  }
  return (ss_value *) y;
}

@ @<Prototypes@>=
static ss_value *pid_value(ss_arena *a, const ss_value *y, ss_env *e);
static bool is_pattern(const ss_value *v);
static const struct ss_struct *struct_for_fields(const char **names, int n);
static int call_lookup(const char *name, int len);
static void check_arity(ss_line *ln, ss_lexer *L);

@i sscalls.w
@i ssexec.w

@* Index.
