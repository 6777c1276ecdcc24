% srgen.w --- sr-gen: families of sockscripts for every row of the option table.
\def\title{SR-GEN}
\input srmac
@i format.w
@s row int
@s sock int

@* Families of scripts.
Most of what the option table says about an option is the same kind of
fact for every option: its default on each socket type, what a write of
a boundary value stores, what a short or long |optlen| does, which socket
types take it, and whether an unprivileged process may write it.
\.{sr-gen} writes, for every row of \.{spec/options.tsv}, a family of
sockscripts that asks those questions.  It writes only the questions:
every result is \.{?}, and \.{sr-record} fills them in from the kernel.
The generator never says what an answer should be, so a family cannot
encode a belief about Linux; it only decides which calls are worth
making.  Each script names the clauses of its row.

The families, each a file \.{DIR/OPTION.FAMILY.sr}:
\smallskip
\item{} \.{default}: the option read on a socket of every type (TCP, UDP,
raw of protocol \.{IPPROTO\_RAW} and \.{IPPROTO\_ICMP}, ping);
\item{} \.{values}: values written and read back, chosen by the argument
type and the row's range; \.{values-tcp}: the same on a TCP socket, whose
protocol handles some options itself;
\item{} \.{optlen}: writes and reads with lengths from 0 to 8, a null
value and a null length;
\item{} \.{types}: a write and a read on a socket of every type;
\item{} \.{unpriv}: writes and reads by a process that gave up root, and,
for a row that names capabilities, by one that dropped each of them.
\smallskip\noindent
An option whose argument is a structure, a string or bytes gets
\.{default}, \.{optlen}, \.{types} and \.{unpriv}, written with a probe
value of its type (a |linger| of one second, the group \.{224.1.1.1}, the
device \.{lo}, \dots); its other behaviour is in hand-written scripts.  The
directory is the book's chapter: \.{solsocket} for \.{SOL\_SOCKET},
\.{mcast} for the multicast options, \.{ipopt} for the other options of
\.{IPPROTO\_IP}.

Usage: \.{sr-gen spec/options.tsv DIR} writes the families under |DIR|
(normally \.{tests/scripts}) and prints how many it wrote.

@c
@<Header files@>@;
@<Types@>@;
@<Prototypes@>@;
@<Functions@>@;
int main(int argc, char **argv)
{
  int n = 0;
  if (argc != 3) {
    fprintf(stderr, "usage: sr-gen OPTIONS.tsv DIR\n");
    @.usage: sr-gen...@>
    return 2;
  }
  read_rows(argv[1]);
  for (int i = 0; i < nrows; i++) n += families(&rows[i], argv[2]);
  printf("sr-gen: %d scripts for %d options\n", n, nrows);
  ss_free_options(rows, nrows);
  return 0;
}

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "sockscript.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <stddef.h>
#include <netinet/in.h>
#include <arpa/inet.h>

@ A row of the option table, as the sockscript library reads it.

@<Types@>=
typedef ss_optrow row;

@ @<Functions@>=
static row *rows;
static int nrows;

static void read_rows(const char *path)
{
  if ((nrows = ss_read_options(path, &rows)) < 0) {
    fprintf(stderr, "sr-gen: cannot read %s\n", path);
    @.sr-gen: cannot read...@>
    exit(2);
  }
}

@ Facts of a row: its level as a script writes it, its directory, and
whether its argument is an integer the families can vary.

@<Functions@>=
static const char *level_of(const row *r)
{
  if (!strcmp(r->f[SS_OPT_LEVEL], "SOL_UDP")) return "SOL_UDP";
  return !strcmp(r->f[SS_OPT_LEVEL], "SOL_SOCKET") ? "SOL_SOCKET" : "SOL_IP";
}

static const char *dir_of(const row *r)
{
  const char *t = r->f[SS_OPT_TYPE];
  if (!strcmp(r->f[SS_OPT_LEVEL], "SOL_SOCKET")) return "solsocket";
  if (!strcmp(r->f[SS_OPT_LEVEL], "SOL_UDP")) return "udp";
  if (!strcmp(t, "mreq") || !strcmp(t, "mreq_source") || !strcmp(t, "msfilter") ||
      !strncmp(t, "group_", 6) ||
      !strncmp(r->f[SS_OPT_NAME], "IP_MULTICAST_", 13))
    return "mcast";
  return "ipopt";
}

static bool is_int_like(const row *r)
{
  const char *t = r->f[SS_OPT_TYPE];
  return !strcmp(t, "int") || !strcmp(t, "bool") || !strcmp(t, "byte") || !strcmp(t, "bytebool");
}

static bool can_get(const row *r) { return strcmp(r->f[SS_OPT_ACCESS], "set") != 0; }
static bool can_set(const row *r) { return strcmp(r->f[SS_OPT_ACCESS], "get") != 0; }

@ The sockets.  Each family starts by making the sockets it uses, in a
fixed order, so that their descriptors are 3, 4, \dots.  A ping socket
needs the group range opened first.

@<Types@>=
enum { S_STREAM, S_DGRAM, S_RAW, S_ICMPRAW, S_PING, NSOCK };
static const char *const sock_call[NSOCK] = {
  "socket(AF_INET, SOCK_STREAM, 0) = ?",
  "socket(AF_INET, SOCK_DGRAM, 0) = ?",
  "socket(AF_INET, SOCK_RAW, IPPROTO_RAW) = ?",
  "socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) = ?",
  "socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) = ?"};
static const char *const sock_name[NSOCK] = {"TCP", "UDP", "raw (IPPROTO_RAW)",
  "raw (IPPROTO_ICMP)", "ping"};

@ The socket a family writes on: the first of UDP, raw and TCP that the
row allows writes on.

@<Functions@>=
static bool allows(const row *r, int s)
{
  const char *t = r->f[SS_OPT_TYPES];
  const char *want = s == S_STREAM ? "stream" : s == S_DGRAM || s == S_PING ? "dgram" : "raw";
  if (!strncmp(t, "set:", 4)) t += 4;
  return !strncmp(t, "all", 3) || strstr(t, want) != NULL;
}

static int write_sock(const row *r)
{
  if (allows(r, S_DGRAM)) return S_DGRAM;
  if (allows(r, S_RAW)) return S_ICMPRAW;
  return S_STREAM;
}

@ Writing a family's file.  The header names the row's clauses (the
first column, split at semicolons), then says where the script came
from.

@<Functions@>=
static FILE *open_script(const row *r, const char *root, const char *family, const char *what)
{
  char path[4096], ids[1024], *id, *save;
  FILE *f;
  mkdir(root, 0755);
  snprintf(path, sizeof path, "%s/%s", root, dir_of(r));
  mkdir(path, 0755);
  snprintf(path, sizeof path, "%s/%s/%s.%s.sr", root, dir_of(r), r->f[SS_OPT_NAME], family);
  @<Refuse to overwrite a script that sr-gen did not write@>@;
  if (!(f = fopen(path, "w"))) { fprintf(stderr, "sr-gen: cannot write %s\n", path); exit(1); }
  snprintf(ids, sizeof ids, "%s", r->f[SS_OPT_CLAUSE]);
  fprintf(f, "#! clauses");
  for (id = strtok_r(ids, ";", &save); id; id = strtok_r(NULL, ";", &save)) fprintf(f, " %s", id);
  fprintf(f, "\n# %s (%s): %s.\n", r->f[SS_OPT_NAME], r->f[SS_OPT_TYPE], what);
  fprintf(f, "# Generated by sr-gen from spec/options.tsv; make record regenerates and records it.\n");
  return f;
}

@ A hand-written script may not have the name of a family: the generator
would replace it.  So before writing, the generator looks for its own mark
in the file that is there, and stops if it is missing.

@<Refuse to overwrite a script that sr-gen did not write@>=
if ((f = fopen(path, "r"))) {
  char line[512];
  bool mine = false;
  while (fgets(line, sizeof line, f)) if (strstr(line, "Generated by sr-gen")) mine = true;
  fclose(f);
  if (!mine) {
    fprintf(stderr, "sr-gen: %s exists and was not generated; rename it\n", path);
    @.sr-gen: X exists and was not generated@>
    exit(1);
  }
}

@ The length of a read that gets the whole value, by argument type: an
integer 4, a 64-bit value 8, a |linger| 8, a |timeval| 16, an
|ip_msfilter| header 16, an interface name |IFNAMSIZ|, option bytes 40;
\.{IP\_MULTICAST\_IF}, which reads back an |in_addr|, is asked with the
size of an |ip_mreqn|.  \.{SO\_GET\_FILTER} counts instructions, and 0
asks only for the count.

@<Functions@>=
static int get_len(const row *r)
{
  const char *t = r->f[SS_OPT_TYPE];
  if (!strcmp(t, "u64") || !strcmp(t, "linger")) return 8;
  if (!strcmp(t, "timeval") || !strcmp(t, "msfilter") || !strcmp(t, "string")) return 16;
  if (!strcmp(t, "mreq")) return 12;
  if (!strcmp(t, "bytes")) return 40;
  if (!strcmp(t, "custom")) return 0;
  if (!strcmp(t, "group_filter")) return (int) GROUP_FILTER_SIZE(1);
  if (!strncmp(t, "group_", 6)) return (int) sizeof(struct group_source_req);
  return 4;
}

static void get_line(FILE *f, const row *r, int fd, int len)
{
  fprintf(f, "getsockopt(%d, %s, %s, ?, [%d]) = ?\n", fd, level_of(r), r->f[SS_OPT_NAME], len);
}

@ The families.  Each returns the number of scripts it wrote.

@<Functions@>=
static int families(const row *r, const char *root)
{
  int n = 0, len;
  bool ints = is_int_like(r) || !strcmp(r->f[SS_OPT_TYPE], "u64");
  n += family_default(r, root);
  if (ints && can_set(r)) n += family_values(r, root, write_sock(r), "values");
  if (ints && can_set(r) && write_sock(r) != S_STREAM && allows(r, S_STREAM))
    n += family_values(r, root, S_STREAM, "values-tcp");
  if (ints || (can_set(r) && probe(r, &len))) {
    n += family_optlen(r, root);
    if (can_set(r)) n += family_types(r, root);
    if (can_set(r)) n += family_unpriv(r, root);
  }
  return n;
}

@ The probe value of a row: what the families write, and its length.  An
integer option is written \.{[1]}; the others as their type asks.  A row
with no probe gets only \.{default}.

@<Functions@>=
static const char *probe(const row *r, int *len)
{
  const char *t = r->f[SS_OPT_TYPE], *n = r->f[SS_OPT_NAME];
  *len = 4;
  if (is_int_like(r) || !strcmp(t, "u64")) return "[1]";
  if (!strcmp(t, "linger")) { *len = 8; return "{l_onoff=1, l_linger=1}"; }
  if (!strcmp(t, "timeval")) { *len = 16; return "{tv_sec=1, tv_usec=0}"; }
  if (!strcmp(t, "mreq")) {
    *len = 12;
    return "{imr_multiaddr=inet_addr(\"224.1.1.1\"), imr_address=inet_addr(\"0.0.0.0\"), imr_ifindex=0}";
  }
  if (!strcmp(t, "mreq_source")) {
    *len = 12;
    return "{imr_multiaddr=inet_addr(\"232.1.1.1\"), imr_interface=inet_addr(\"0.0.0.0\"), "
      "imr_sourceaddr=inet_addr(\"1.2.3.4\")}";
  }
  if (!strcmp(t, "string")) { *len = 2; return "\"lo\""; }
  if (!strcmp(n, "IP_OPTIONS")) return "\"\\x01\\x01\\x01\\x01\"";
  if (!strncmp(n, "SO_TIMESTAMPING", 15)) return "[1]";
  if (!strcmp(n, "IP_MSFILTER")) {
    *len = 20;
    return "{imsf_multiaddr=inet_addr(\"224.1.1.1\"), imsf_interface=inet_addr(\"0.0.0.0\"), "
      "imsf_fmode=MCAST_INCLUDE, imsf_numsrc=1, imsf_slist=[inet_addr(\"1.2.3.4\")]}";
  }
  if (!strcmp(t, "custom") || !strcmp(t, "fprog")) {
    *len = 16;
    return "{len=1, filter=[{code=BPF_RET|BPF_K, jt=0, jf=0, k=0}]}";
  }
  if (!strncmp(t, "group_", 6)) return group_probe(t, len);
  return NULL;
}

@ RFC 3678's structures, which the script language has no syntax for, are
written as their bytes, up to the last that is not zero (the executor
fills the buffer out with zeros to |optlen|): the group \.{224.1.1.1}
(\.{232.1.1.1} with the source \.{1.2.3.4} for a source request) on
interface 0; a filter of include mode with that one source.

@<Functions@>=
static void put_sin(unsigned char *p, const char *addr)
{
  struct sockaddr_in sin;
  memset(&sin, 0, sizeof sin);
  sin.sin_family = AF_INET;
  inet_pton(AF_INET, addr, &sin.sin_addr);
  memcpy(p, &sin, sizeof sin);
}

static const char *group_probe(const char *t, int *len)
{
  static char text[4 * 400 + 3];
  unsigned char b[400];
  size_t n, used = 0;
  memset(b, 0, sizeof b);
  if (!strcmp(t, "group_req")) {
    put_sin(b + offsetof(struct group_req, gr_group), "224.1.1.1");
    *len = (int) sizeof(struct group_req);
  } else if (!strcmp(t, "group_source_req")) {
    put_sin(b + offsetof(struct group_source_req, gsr_group), "232.1.1.1");
    put_sin(b + offsetof(struct group_source_req, gsr_source), "1.2.3.4");
    *len = (int) sizeof(struct group_source_req);
  } else {
    struct group_filter gf;
    memset(&gf, 0, sizeof gf);
    gf.gf_fmode = MCAST_INCLUDE;
    gf.gf_numsrc = 1;
    memcpy(b, &gf, GROUP_FILTER_SIZE(0));
    put_sin(b + offsetof(struct group_filter, gf_group), "224.1.1.1");
    put_sin(b + GROUP_FILTER_SIZE(0), "1.2.3.4");
    *len = (int) GROUP_FILTER_SIZE(1);
  }
  for (n = (size_t) *len; n > 0 && !b[n - 1]; n--) ;
  text[used++] = '"';
  for (size_t i = 0; i < n; i++) used += (size_t) snprintf(text + used, sizeof text - used, "\\x%02x", b[i]);
  snprintf(text + used, sizeof text - used, "\"");
  return text;
}

@ \.{default}: the option read on every kind of socket.  A write-only
option is read too: the read is refused, and that is a fact.

@<Functions@>=
static int family_default(const row *r, const char *root)
{
  FILE *f = open_script(r, root, "default", "read on a fresh socket of every type");
  fprintf(f, "sysctl_set(\"net.ipv4.ping_group_range\", \"0 0\") = ?\n");
  for (int s = 0; s < NSOCK; s++) fprintf(f, "%s\n", sock_call[s]);
  for (int s = 0; s < NSOCK; s++) get_line(f, r, 3 + s, get_len(r));
  fclose(f);
  return 1;
}

@ \.{values}: each value is written with an |int| and read back.  The
values are the edges of an |int|, the small numbers every option treats
specially, and the edges of the row's range; byte options are also
written as one and two bytes, boolean ones with numbers that are not 0
or 1.  A 64-bit option is written with 4 and with 8 bytes.

@<Functions@>=
static int family_values(const row *r, const char *root, int s, const char *family)
{
  static const char *const ints[] = {"0", "1", "2", "-1", "7", "255", "256", "65535",
    "1000000", "2147483647", "-2147483648", NULL};
  static const char *const bytes[] = {"\"\\x00\"", "\"\\x05\"", "\"\\xff\"", NULL};
  char what[128];
  FILE *f;
  snprintf(what, sizeof what, "values written and read back on a %s socket", sock_name[s]);
  f = open_script(r, root, family, what);
  const char *t = r->f[SS_OPT_TYPE];
  if (s == S_PING) fprintf(f, "sysctl_set(\"net.ipv4.ping_group_range\", \"0 0\") = ?\n");
  fprintf(f, "%s\n", sock_call[s]);
  if (!strcmp(t, "u64")) @<Write the 64-bit values@>@;
  else {
    for (int i = 0; ints[i]; i++) set_get(f, r, ints[i], 4);
    @<Write the edges of the row's range@>@;
    if (!strcmp(t, "byte") || !strcmp(t, "bytebool")) {
      for (int i = 0; bytes[i]; i++) set_get(f, r, bytes[i], 1);
      set_get(f, r, "\"\\x00\\x01\"", 2);
      set_get(f, r, "[9]", 0);
    }
  }
  fclose(f);
  return 1;
}

static void set_get(FILE *f, const row *r, const char *v, int len)
{
  if (v[0] == '"' || v[0] == '[') fprintf(f, "setsockopt(3, %s, %s, %s, %d) = ?\n", level_of(r), r->f[SS_OPT_NAME], v, len);
  else fprintf(f, "setsockopt(3, %s, %s, [%s], %d) = ?\n", level_of(r), r->f[SS_OPT_NAME], v, len);
  if (can_get(r)) get_line(f, r, 3, !strcmp(r->f[SS_OPT_TYPE], "u64") ? 8 : 4);
}

@ A range \.{LO..HI:ACTION} whose bounds are numbers adds the values just
inside and just outside it.

@<Write the edges of the row's range@>=
if (strcmp(r->f[SS_OPT_RANGE], "-")) {
  long lo, hi;
  char *end;
  lo = strtol(r->f[SS_OPT_RANGE], &end, 10);
  if (end != r->f[SS_OPT_RANGE] && !strncmp(end, "..", 2)) {
    char *e2;
    hi = strtol(end + 2, &e2, 10);
    if (e2 != end + 2 && *e2 == ':') {
      long edge[4] = {lo - 1, lo, hi, hi + 1};
      for (int i = 0; i < 4; i++) {
        char v[32];
        snprintf(v, sizeof v, "%ld", edge[i]);
        set_get(f, r, v, 4);
      }
    }
  }
}

@ @<Write the 64-bit values@>=
{
  set_get(f, r, "1", 4);
  set_get(f, r, "-1", 4);
  set_get(f, r, "\"\\x00\\x10\\x00\\x00\\x01\\x00\\x00\\x00\"", 8);
  set_get(f, r, "\"\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\"", 8);
  get_line(f, r, 3, 4);
}

@ @<Prototypes@>=
static void set_get(FILE *f, const row *r, const char *v, int len);
static int family_default(const row *r, const char *root);
static int family_values(const row *r, const char *root, int s, const char *family);
static int family_optlen(const row *r, const char *root);
static int family_types(const row *r, const char *root);
static int family_unpriv(const row *r, const char *root);
static const char *probe(const row *r, int *len);
static const char *group_probe(const char *t, int *len);

@ \.{optlen}: lengths from 0 to 8 and past an |int|, a negative length,
a null value; for reads, the same lengths, a null value and a null
length.

@<Functions@>=
static int family_optlen(const row *r, const char *root)
{
  static const int lens[] = {0, 1, 2, 3, 4, 5, 8, 16};
  FILE *f = open_script(r, root, "optlen", "short, long and null arguments");
  int s = write_sock(r), plen;
  const char *pv = probe(r, &plen);
  bool ints = is_int_like(r) || !strcmp(r->f[SS_OPT_TYPE], "u64");
  if (s == S_PING) fprintf(f, "sysctl_set(\"net.ipv4.ping_group_range\", \"0 0\") = ?\n");
  fprintf(f, "%s\n", sock_call[s]);
  if (can_set(r)) {
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
      fprintf(f, "setsockopt(3, %s, %s, %s, %d) = ?\n", level_of(r), r->f[SS_OPT_NAME],
        ints ? "[1, 0, 0, 0]" : pv, lens[i]);
    if (!ints) for (int d = -1; d <= 1; d++)
      fprintf(f, "setsockopt(3, %s, %s, %s, %d) = ?\n", level_of(r), r->f[SS_OPT_NAME], pv, plen + d);
    fprintf(f, "setsockopt(3, %s, %s, %s, -1) = ?\n", level_of(r), r->f[SS_OPT_NAME], ints ? "[1]" : pv);
    fprintf(f, "setsockopt(3, %s, %s, NULL, %d) = ?\n", level_of(r), r->f[SS_OPT_NAME], ints ? 4 : plen);
    fprintf(f, "setsockopt(3, %s, %s, NULL, 0) = ?\n", level_of(r), r->f[SS_OPT_NAME]);
  }
  for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) get_line(f, r, 3, lens[i]);
  fprintf(f, "getsockopt(3, %s, %s, ?, [-1]) = ?\n", level_of(r), r->f[SS_OPT_NAME]);
  fprintf(f, "getsockopt(3, %s, %s, NULL, [4]) = ?\n", level_of(r), r->f[SS_OPT_NAME]);
  fprintf(f, "getsockopt(3, %s, %s, ?, NULL) = ?\n", level_of(r), r->f[SS_OPT_NAME]);
  fclose(f);
  return 1;
}

@ \.{types}: one write and one read on each kind of socket.

@<Functions@>=
static int family_types(const row *r, const char *root)
{
  FILE *f = open_script(r, root, "types", "written and read on a socket of every type");
  fprintf(f, "sysctl_set(\"net.ipv4.ping_group_range\", \"0 0\") = ?\n");
  for (int s = 0; s < NSOCK; s++) fprintf(f, "%s\n", sock_call[s]);
  for (int s = 0; s < NSOCK; s++) {
    int plen;
    const char *pv = probe(r, &plen);
    fprintf(f, "# %s\n", sock_name[s]);
    fprintf(f, "setsockopt(%d, %s, %s, %s, %d) = ?\n", 3 + s, level_of(r), r->f[SS_OPT_NAME], pv, plen);
    if (can_get(r)) get_line(f, r, 3 + s, get_len(r));
  }
  fclose(f);
  return 1;
}

@ \.{unpriv}: a socket made by root, then the process gives up root
(\.{setuid}), and writes and reads.  A row that names capabilities gets
two more scripts, each dropping one of them only.

@<Functions@>=
static void unpriv_body(FILE *f, const row *r)
{
  static const char *const vals[] = {"0", "1", "6", "7", "-1", NULL};
  int plen;
  const char *pv = probe(r, &plen);
  if (!is_int_like(r) && strcmp(r->f[SS_OPT_TYPE], "u64")) {
    fprintf(f, "setsockopt(3, %s, %s, %s, %d) = ?\n", level_of(r), r->f[SS_OPT_NAME], pv, plen);
    if (can_get(r)) get_line(f, r, 3, get_len(r));
    return;
  }
  for (int i = 0; vals[i]; i++) set_get(f, r, vals[i], 4);
}

static int family_unpriv(const row *r, const char *root)
{
  FILE *f = open_script(r, root, "unpriv", "written by a process that gave up root");
  int s = write_sock(r), n = 1;
  fprintf(f, "%s\n", sock_call[s]);
  fprintf(f, "setuid(65534) = ?\n");
  unpriv_body(f, r);
  fclose(f);
  if (strcmp(r->f[SS_OPT_CAP], "-")) {
    static const char *const caps[] = {"CAP_NET_ADMIN", "CAP_NET_RAW"};
    for (int c = 0; c < 2; c++) {
      char fam[64], what[128];
      snprintf(fam, sizeof fam, "drop-%s", caps[c] + 8);
      snprintf(what, sizeof what, "written by root without %s", caps[c]);
      f = open_script(r, root, fam, what);
      fprintf(f, "%s\n", sock_call[s]);
      fprintf(f, "cap_drop(%s) = ?\n", caps[c]);
      unpriv_body(f, r);
      fclose(f);
      n++;
    }
  }
  return n;
}

@* Index.
