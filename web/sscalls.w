@* Structures.
A structure in a script is written as \.{strace} writes it, a list of
\.{field=value} pairs in braces.  The table below gives each structure its
C layout: for every field, the name a script uses, where the field lies,
its size and how its bytes are read --- as a signed or unsigned integer,
as a port or an address in network order, as bytes, or, for the few
structures that hold pointers or have a tail of variable length, by code
of their own.  Offsets and sizes are the compiler's (|offsetof|,
|sizeof|), so the table cannot drift from the headers.

@<Private types@>=
enum { FK_U8, FK_I16, FK_U16, FK_I32, FK_U32, FK_I64, FK_PORT, FK_ADDR,
  FK_BYTES, FK_ADDRLIST, FK_FILTERS, FK_SPECIAL };
typedef struct {
  const char *name;
  int kind;
  unsigned short off, size;
  short cls; /* the symbol class the field prints with */
  bool hide_zero; /* printed only when not zero (padding) */
} ss_field;
enum { ST_PLAIN, ST_MSFILTER, ST_FPROG, ST_IOVEC, ST_CMSG, ST_MSGHDR };
struct ss_struct {
  const char *name;
  unsigned short size; /* the fixed part */
  int special;
  int nf;
  ss_field f[8];
};

@ The table.  The order matters where one structure's fields are a subset
of another's: \.{\{imr\_multiaddr=..., imr\_interface=...\}} is an
|ip_mreq|, which comes before |ip_mreq_source|; a |timeval| before a
|timespec|.  The family field of |sockaddr_in| is written
\.{sa\_family}, as \.{strace} writes it.

@<Structures and calls@>=
#define FLD(T, NAME, M, K, C) {NAME, K, offsetof(struct T, M), sizeof(((struct T *) 0)->M), C, false}
#define HIDDEN(T, NAME, M, K) {NAME, K, offsetof(struct T, M), sizeof(((struct T *) 0)->M), -1, true}
static const struct ss_struct ss_structs[] = {
  {"sockaddr_in", sizeof(struct sockaddr_in), ST_PLAIN, 4, {
    FLD(sockaddr_in, "sa_family", sin_family, FK_U16, SS_CLASS_AF),
    FLD(sockaddr_in, "sin_port", sin_port, FK_PORT, -1),
    FLD(sockaddr_in, "sin_addr", sin_addr, FK_ADDR, -1),
    HIDDEN(sockaddr_in, "sin_zero", sin_zero, FK_BYTES)}},
  {"in_addr", sizeof(struct in_addr), ST_PLAIN, 1, {
    FLD(in_addr, "s_addr", s_addr, FK_ADDR, -1)}},
  {"linger", sizeof(struct linger), ST_PLAIN, 2, {
    FLD(linger, "l_onoff", l_onoff, FK_I32, -1),
    FLD(linger, "l_linger", l_linger, FK_I32, -1)}},
  {"timeval", sizeof(struct timeval), ST_PLAIN, 2, {
    FLD(timeval, "tv_sec", tv_sec, FK_I64, -1),
    FLD(timeval, "tv_usec", tv_usec, FK_I64, -1)}},
  {"timespec", sizeof(struct timespec), ST_PLAIN, 2, {
    FLD(timespec, "tv_sec", tv_sec, FK_I64, -1),
    FLD(timespec, "tv_nsec", tv_nsec, FK_I64, -1)}},
  {"ip_mreq", sizeof(struct ip_mreq), ST_PLAIN, 2, {
    FLD(ip_mreq, "imr_multiaddr", imr_multiaddr, FK_ADDR, -1),
    FLD(ip_mreq, "imr_interface", imr_interface, FK_ADDR, -1)}},
  {"ip_mreqn", sizeof(struct ip_mreqn), ST_PLAIN, 3, {
    FLD(ip_mreqn, "imr_multiaddr", imr_multiaddr, FK_ADDR, -1),
    FLD(ip_mreqn, "imr_address", imr_address, FK_ADDR, -1),
    FLD(ip_mreqn, "imr_ifindex", imr_ifindex, FK_I32, -1)}},
  {"ip_mreq_source", sizeof(struct ip_mreq_source), ST_PLAIN, 3, {
    FLD(ip_mreq_source, "imr_multiaddr", imr_multiaddr, FK_ADDR, -1),
    FLD(ip_mreq_source, "imr_interface", imr_interface, FK_ADDR, -1),
    FLD(ip_mreq_source, "imr_sourceaddr", imr_sourceaddr, FK_ADDR, -1)}},
  {"ip_msfilter", offsetof(struct ip_msfilter, imsf_slist), ST_MSFILTER, 5, {
    FLD(ip_msfilter, "imsf_multiaddr", imsf_multiaddr, FK_ADDR, -1),
    FLD(ip_msfilter, "imsf_interface", imsf_interface, FK_ADDR, -1),
    FLD(ip_msfilter, "imsf_fmode", imsf_fmode, FK_U32, SS_CLASS_MCASTMODE),
    FLD(ip_msfilter, "imsf_numsrc", imsf_numsrc, FK_U32, -1),
    {"imsf_slist", FK_ADDRLIST, offsetof(struct ip_msfilter, imsf_slist), 4, -1, false}}},
  {"in_pktinfo", sizeof(struct in_pktinfo), ST_PLAIN, 3, {
    FLD(in_pktinfo, "ipi_ifindex", ipi_ifindex, FK_I32, -1),
    FLD(in_pktinfo, "ipi_spec_dst", ipi_spec_dst, FK_ADDR, -1),
    FLD(in_pktinfo, "ipi_addr", ipi_addr, FK_ADDR, -1)}},
  {"ucred", sizeof(struct ucred), ST_PLAIN, 3, {
    FLD(ucred, "pid", pid, FK_I32, -1),
    FLD(ucred, "uid", uid, FK_I32, -1),
    FLD(ucred, "gid", gid, FK_I32, -1)}},
  {"sock_extended_err", sizeof(struct sock_extended_err), ST_PLAIN, 7, {
    FLD(sock_extended_err, "ee_errno", ee_errno, FK_U32, SS_CLASS_ERRNO),
    FLD(sock_extended_err, "ee_origin", ee_origin, FK_U8, SS_CLASS_EEORIGIN),
    FLD(sock_extended_err, "ee_type", ee_type, FK_U8, -1),
    FLD(sock_extended_err, "ee_code", ee_code, FK_U8, -1),
    HIDDEN(sock_extended_err, "ee_pad", ee_pad, FK_U8),
    FLD(sock_extended_err, "ee_info", ee_info, FK_U32, -1),
    FLD(sock_extended_err, "ee_data", ee_data, FK_U32, -1)}},
  {"sock_filter", sizeof(struct sock_filter), ST_PLAIN, 4, {
    FLD(sock_filter, "code", code, FK_U16, -1),
    FLD(sock_filter, "jt", jt, FK_U8, -1),
    FLD(sock_filter, "jf", jf, FK_U8, -1),
    FLD(sock_filter, "k", k, FK_U32, -1)}},
  {"sock_fprog", sizeof(struct sock_fprog), ST_FPROG, 2, {
    FLD(sock_fprog, "len", len, FK_U16, -1),
    {"filter", FK_FILTERS, offsetof(struct sock_fprog, filter), sizeof(void *), -1, false}}},
  {"pollfd", sizeof(struct pollfd), ST_PLAIN, 3, {
    FLD(pollfd, "fd", fd, FK_I32, -1),
    FLD(pollfd, "events", events, FK_I16, SS_CLASS_POLLEV),
    FLD(pollfd, "revents", revents, FK_I16, SS_CLASS_POLLEV)}},
  {"iovec", sizeof(struct iovec), ST_IOVEC, 2, {
    {"iov_base", FK_SPECIAL, 0, 0, -1, false}, {"iov_len", FK_SPECIAL, 0, 0, -1, false}}},
  {"cmsghdr", sizeof(struct cmsghdr), ST_CMSG, 4, {
    {"cmsg_len", FK_SPECIAL, 0, 0, -1, false}, {"cmsg_level", FK_SPECIAL, 0, 0, SS_CLASS_LEVEL, false},
    {"cmsg_type", FK_SPECIAL, 0, 0, SS_CLS_CMSGTYPE, false}, {"cmsg_data", FK_SPECIAL, 0, 0, -1, false}}},
  {"msghdr", sizeof(struct msghdr), ST_MSGHDR, 7, {
    {"msg_name", FK_SPECIAL, 0, 0, -1, false}, {"msg_namelen", FK_SPECIAL, 0, 0, -1, false},
    {"msg_iov", FK_SPECIAL, 0, 0, -1, false}, {"msg_iovlen", FK_SPECIAL, 0, 0, -1, false},
    {"msg_control", FK_SPECIAL, 0, 0, -1, false}, {"msg_controllen", FK_SPECIAL, 0, 0, -1, false},
    {"msg_flags", FK_SPECIAL, 0, 0, SS_CLASS_MSGFLAGS, false}}},
};
#define SS_NSTRUCTS ((int) (sizeof ss_structs / sizeof ss_structs[0]))

@ The structures the code refers to by name.

@<Structures and calls@>=
static const struct ss_struct *st_by_name(const char *name)
{
  for (int i = 0; i < SS_NSTRUCTS; i++)
    if (!strcmp(ss_structs[i].name, name)) return &ss_structs[i];
  return NULL;
}

static const ss_field *st_field(const struct ss_struct *st, const char *name)
{
  for (int i = 0; i < st->nf; i++)
    if (!strcmp(st->f[i].name, name)) return &st->f[i];
  return NULL;
}

static const struct ss_struct *struct_for_fields(const char **names, int n)
{
  for (int i = 0; i < SS_NSTRUCTS; i++) {
    int k;
    for (k = 0; k < n && st_field(&ss_structs[i], names[k]); k++) ;
    if (k == n) return &ss_structs[i];
  }
  return NULL;
}

@ Reading and writing one integer field of a plain structure.  Multi-byte
integers are in the machine's order, except ports and addresses, which
are in network order in memory and in host order in a value.

@<Structures and calls@>=
static long long field_get(const ss_field *f, const unsigned char *p)
{
  uint8_t u8; int16_t i16; uint16_t u16; int32_t i32; uint32_t u32; int64_t i64;
  p += f->off;
  switch (f->kind) {
  case FK_U8: memcpy(&u8, p, 1); return u8;
  case FK_I16: memcpy(&i16, p, 2); return i16;
  case FK_U16: memcpy(&u16, p, 2); return u16;
  case FK_I32: memcpy(&i32, p, 4); return i32;
  case FK_U32: memcpy(&u32, p, 4); return u32;
  case FK_I64: memcpy(&i64, p, 8); return i64;
  case FK_PORT: memcpy(&u16, p, 2); return ntohs(u16);
  case FK_ADDR: memcpy(&u32, p, 4); return ntohl(u32);
  }
  return 0;
}

static void field_put(const ss_field *f, unsigned char *p, long long v)
{
  uint8_t u8 = (uint8_t) v; uint16_t u16 = (uint16_t) v; uint32_t u32 = (uint32_t) v;
  int64_t i64 = v;
  p += f->off;
  switch (f->kind) {
  case FK_U8: memcpy(p, &u8, 1); break;
  case FK_I16: case FK_U16: memcpy(p, &u16, 2); break;
  case FK_I32: case FK_U32: memcpy(p, &u32, 4); break;
  case FK_I64: memcpy(p, &i64, 8); break;
  case FK_PORT: u16 = htons(u16); memcpy(p, &u16, 2); break;
  case FK_ADDR: u32 = htonl(u32); memcpy(p, &u32, 4); break;
  }
}

@ Decoding a plain structure from its bytes into a value with every
field.  A field that holds padding is left out when it is zero.  An
|ip_msfilter| has as many source addresses as the bytes hold.

@<Structures and calls@>=
static ss_value *decode_struct(ss_arena *a, const struct ss_struct *st,
  const unsigned char *p, size_t len)
{
  ss_value *v = val_struct(a, st, st->nf);
  int n = 0;
  for (int i = 0; i < st->nf; i++) {
    const ss_field *f = &st->f[i];
    ss_value *item;
    if (f->kind == FK_BYTES) {
      bool zero = true;
      for (int k = 0; k < f->size; k++) if (p[f->off + k]) zero = false;
      if (zero && f->hide_zero) continue;
      item = val_bytes(a, p + f->off, f->size);
    } else if (f->kind == FK_ADDRLIST) {
      size_t cnt = len > f->off ? (len - f->off) / 4 : 0;
      item = val_list(a, (int) cnt);
      for (size_t k = 0; k < cnt; k++) {
        uint32_t u;
        memcpy(&u, p + f->off + 4 * k, 4);
        item->item[k] = val_int(a, ntohl(u), -1, SF_ADDR);
      }
    } else {
      long long x = field_get(f, p);
      if (!x && f->hide_zero) continue;
      item = val_int(a, x, f->cls, f->kind == FK_PORT ? SF_PORT : f->kind == FK_ADDR ? SF_ADDR : SF_DEC);
    }
    v->field[n] = f->name;
    v->item[n++] = item;
  }
  v->n = n;
  return v;
}

@* Calls.
The calls a script can make are the public calls of sockref --- with
their \.{libc} names --- and a few actions on the process that makes
them.  Each argument has a {\it kind}, which says how the executor turns
the value into what the call receives and, for an argument the call
writes, how the bytes it wrote become a value again:

\smallskip
\item{} |AK_INT|, |AK_LONG|: an integer, passed by value;
\item{} |AK_CSTR|: a string, passed as a C string;
\item{} |AK_INBUF|: bytes the call reads (\.{write}, \.{send});
\item{} |AK_OUTBUF|: a buffer the call fills (\.{read}, \.{recv});
\item{} |AK_OPTIN|, |AK_OPTOUT|: an option value, in or out;
\item{} |AK_LENIO|: a |socklen_t| the call reads and writes, \.{[IN]} or
  \.{[IN => OUT]};
\item{} |AK_SAIN|, |AK_SAOUT|: a socket address, in or out;
\item{} |AK_MSGIN|, |AK_MSGIO|: a |msghdr| for \.{sendmsg} and \.{recvmsg};
\item{} |AK_IOVIN|, |AK_IOVOUT|: an array of |iovec|;
\item{} |AK_POLLFD|, |AK_FDSET|, |AK_TVIO|: the arguments of \.{poll} and
  \.{select};
\item{} |AK_SV|: the pair of descriptors of \.{socketpair};
\item{} |AK_FCNTLARG|, |AK_IOCTLARG|: the third argument of \.{fcntl} and
  \.{ioctl}, whose type depends on the command;
\item{} |AK_OUTSTR|: the text a \.{sysctl\_get} reads.
\smallskip\noindent
A buffer's capacity is given by another argument, named in the table by
its position (|lenarg|).

The signal calls are written flat, one signal at a time, so that a line
says what it does without a |sigset_t| or a function pointer:
\.{sigaction(SIG, "count", FLAGS)} gives |SIG| a handler that counts
(\.{"ign"}: |SIG_IGN|, \.{"dfl"}: |SIG_DFL|);
\.{sigprocmask(HOW, SIG)} blocks, unblocks or sets the mask to |SIG|
alone (0: the empty set); \.{sigpending(SIG)} is 1 when |SIG| is pending
and 0 when not; \.{setitimer(WHICH, SEC, USEC, ISEC, IUSEC)} sets a timer
from its four numbers, the old value not read; \.{ppoll(FDS, N, MS,
SIG)} is |ppoll| with a timeout in milliseconds ($-1$: none) and a mask
of |SIG| alone (0: empty; $-1$: no mask).  \.{alarm} and \.{kill} are the
C library's.

@<Private types@>=
enum { AK_NONE, AK_INT, AK_LONG, AK_CSTR, AK_INBUF, AK_OUTBUF, AK_OPTIN, AK_OPTOUT,
  AK_LENIO, AK_SAIN, AK_SAOUT, AK_MSGIN, AK_MSGIO, AK_IOVIN, AK_IOVOUT, AK_POLLFD,
  AK_FDSET, AK_TVIO, AK_SV, AK_FCNTLARG, AK_IOCTLARG, AK_OUTSTR };
enum { C_SOCKET, C_SOCKETPAIR, C_CLOSE, C_FCNTL, C_IOCTL, C_PREAD, C_PWRITE,
  C_GETSOCKOPT, C_SETSOCKOPT, C_BIND, C_CONNECT, C_LISTEN, C_GETSOCKNAME,
  C_GETPEERNAME, C_SEND, C_SENDTO, C_SENDMSG, C_RECV, C_RECVFROM, C_RECVMSG,
  C_READ, C_WRITE, C_READV, C_WRITEV, C_SHUTDOWN, C_POLL, C_SELECT,
  C_SETUID, C_SETEUID, C_CAP_DROP, C_SYSCTL_SET, C_SYSCTL_GET, C_ADVANCE,
  C_PROC_NEW, C_PROC_SWITCH, C_SIGNAL_COUNT, C_SIGACTION, C_SIGPROCMASK, C_SIGPENDING,
  C_SETITIMER, C_ALARM, C_KILL, C_PPOLL, C_NCALLS };
typedef struct {
  const char *name;
  int min, max; /* the number of arguments */
  unsigned char kind[SS_MAXARGS];
  short cls[SS_MAXARGS]; /* how an integer argument prints */
  signed char lenarg[SS_MAXARGS]; /* the argument that gives a buffer's capacity */
} ss_call;

@ The table, in the order of the |C_| codes.

@<Structures and calls@>=
#define I AK_INT
#define L AK_LONG
#define N (-1)
static const ss_call ss_calls[C_NCALLS] = {
  {"socket", 3, 3, {I, I, I}, {SS_CLASS_AF, SS_CLASS_SOCKTYPE, SS_CLASS_IPPROTO}, {N, N, N}},
  {"socketpair", 4, 4, {I, I, I, AK_SV}, {SS_CLASS_AF, SS_CLASS_SOCKTYPE, SS_CLASS_IPPROTO, -1}, {N, N, N, N}},
  {"close", 1, 1, {I}, {-1}, {N}},
  {"fcntl", 2, 3, {I, I, AK_FCNTLARG}, {-1, SS_CLASS_FCNTL, -1}, {N, N, N}},
  {"ioctl", 2, 3, {I, AK_LONG, AK_IOCTLARG}, {-1, SS_CLASS_IOCTL, -1}, {N, N, N}},
  {"pread", 4, 4, {I, AK_OUTBUF, L, L}, {-1, -1, -1, -1}, {N, 2, N, N}},
  {"pwrite", 4, 4, {I, AK_INBUF, L, L}, {-1, -1, -1, -1}, {N, 2, N, N}},
  {"getsockopt", 5, 5, {I, I, I, AK_OPTOUT, AK_LENIO}, {-1, SS_CLASS_LEVEL, SS_CLS_OPTNAME, -1, -1}, {N, N, N, 4, N}},
  {"setsockopt", 5, 5, {I, I, I, AK_OPTIN, I}, {-1, SS_CLASS_LEVEL, SS_CLS_OPTNAME, -1, -1}, {N, N, N, 4, N}},
  {"bind", 3, 3, {I, AK_SAIN, I}, {-1, -1, -1}, {N, 2, N}},
  {"connect", 3, 3, {I, AK_SAIN, I}, {-1, -1, -1}, {N, 2, N}},
  {"listen", 2, 2, {I, I}, {-1, -1}, {N, N}},
  {"getsockname", 3, 3, {I, AK_SAOUT, AK_LENIO}, {-1, -1, -1}, {N, 2, N}},
  {"getpeername", 3, 3, {I, AK_SAOUT, AK_LENIO}, {-1, -1, -1}, {N, 2, N}},
  {"send", 4, 4, {I, AK_INBUF, L, I}, {-1, -1, -1, SS_CLASS_MSGFLAGS}, {N, 2, N, N}},
  {"sendto", 6, 6, {I, AK_INBUF, L, I, AK_SAIN, I}, {-1, -1, -1, SS_CLASS_MSGFLAGS, -1, -1}, {N, 2, N, N, 5, N}},
  {"sendmsg", 3, 3, {I, AK_MSGIN, I}, {-1, -1, SS_CLASS_MSGFLAGS}, {N, N, N}},
  {"recv", 4, 4, {I, AK_OUTBUF, L, I}, {-1, -1, -1, SS_CLASS_MSGFLAGS}, {N, 2, N, N}},
  {"recvfrom", 6, 6, {I, AK_OUTBUF, L, I, AK_SAOUT, AK_LENIO}, {-1, -1, -1, SS_CLASS_MSGFLAGS, -1, -1}, {N, 2, N, N, 5, N}},
  {"recvmsg", 3, 3, {I, AK_MSGIO, I}, {-1, -1, SS_CLASS_MSGFLAGS}, {N, N, N}},
  {"read", 3, 3, {I, AK_OUTBUF, L}, {-1, -1, -1}, {N, 2, N}},
  {"write", 3, 3, {I, AK_INBUF, L}, {-1, -1, -1}, {N, 2, N}},
  {"readv", 3, 3, {I, AK_IOVOUT, I}, {-1, -1, -1}, {N, N, N}},
  {"writev", 3, 3, {I, AK_IOVIN, I}, {-1, -1, -1}, {N, N, N}},
  {"shutdown", 2, 2, {I, I}, {-1, SS_CLASS_SHUT}, {N, N}},
  {"poll", 3, 3, {AK_POLLFD, I, I}, {-1, -1, -1}, {N, N, N}},
  {"select", 5, 5, {I, AK_FDSET, AK_FDSET, AK_FDSET, AK_TVIO}, {-1, -1, -1, -1, -1}, {N, N, N, N, N}},
  {"setuid", 1, 1, {I}, {-1}, {N}},
  {"seteuid", 1, 1, {I}, {-1}, {N}},
  {"cap_drop", 1, 1, {I}, {SS_CLASS_CAP}, {N}},
  {"sysctl_set", 2, 2, {AK_CSTR, AK_CSTR}, {-1, -1}, {N, N}},
  {"sysctl_get", 2, 2, {AK_CSTR, AK_OUTSTR}, {-1, -1}, {N, N}},
  {"advance", 1, 1, {L}, {-1}, {N}},
  {"proc_new", 1, 1, {I}, {-1}, {N}},
  {"proc_switch", 1, 1, {I}, {-1}, {N}},
  {"signal_count", 1, 1, {I}, {SS_CLASS_SIGNAL}, {N}},
  {"sigaction", 3, 3, {I, AK_CSTR, I}, {SS_CLASS_SIGNAL, -1, SS_CLASS_SAFLAGS}, {N, N, N}},
  {"sigprocmask", 2, 2, {I, I}, {SS_CLASS_SIGHOW, SS_CLASS_SIGNAL}, {N, N}},
  {"sigpending", 1, 1, {I}, {SS_CLASS_SIGNAL}, {N}},
  {"setitimer", 5, 5, {I, L, L, L, L}, {SS_CLASS_ITIMER, -1, -1, -1, -1}, {N, N, N, N, N}},
  {"alarm", 1, 1, {I}, {-1}, {N}},
  {"kill", 2, 2, {I, I}, {-1, SS_CLASS_SIGNAL}, {N, N}},
  {"ppoll", 4, 4, {AK_POLLFD, I, I, I}, {-1, -1, -1, SS_CLASS_SIGNAL}, {N, N, N, N}},
};
#undef I
#undef L
#undef N

@ @<Structures and calls@>=
static int call_lookup(const char *name, int len)
{
  for (int i = 0; i < C_NCALLS; i++)
    if ((int) strlen(ss_calls[i].name) == len && !strncmp(ss_calls[i].name, name, (size_t) len))
      return i;
  return -1;
}

static void check_arity(ss_line *ln, ss_lexer *L)
{
  const ss_call *c = &ss_calls[ln->call];
  if (ln->nargs < c->min || ln->nargs > c->max) {
    L->errat = ln->text;
    L->err = ln->nargs < c->min ? "too few arguments" : "too many arguments";
  }
}

@ The names of the calls, for programs that generate scripts.

@<Public declarations@>=
const char *ss_call_name(int call);
int ss_ncalls(void);

@ @<Structures and calls@>=
const char *ss_call_name(int call) { return call >= 0 && call < C_NCALLS ? ss_calls[call].name : NULL; }
int ss_ncalls(void) { return C_NCALLS; }

@* Option values.
What \.{getsockopt} writes is bytes; which value they are depends on the
option.  Most options are an |int|, printed \.{[N]}; an |int| option read
into fewer than four bytes gives one byte or a cut integer, printed as a
string.  The options whose value is a structure, a string or a list are
named here; a few integers print with a class (\.{SO\_TYPE} as a socket
type, \.{SO\_ERROR} as an error number).

@<Structures and calls@>=
static ss_value *int_list(ss_arena *a, const unsigned char *p, size_t len, int cls)
{
  ss_value *v = val_list(a, (int) (len / 4));
  for (size_t k = 0; k < len / 4; k++) {
    int32_t x;
    memcpy(&x, p + 4 * k, 4);
    v->item[k] = val_int(a, x, cls, SF_DEC);
  }
  return v;
}

static ss_value *decode_optval(ss_arena *a, long long level, long long name,
  const unsigned char *p, size_t len)
{
  const char *st = NULL;
  int cls = -1;
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_LINGER: st = "linger"; break;
    case SO_RCVTIMEO: case SO_SNDTIMEO: case SO_RCVTIMEO_NEW: case SO_SNDTIMEO_NEW: st = "timeval"; break;
    case SO_PEERCRED: st = "ucred"; break;
    case SO_PEERNAME: st = "sockaddr_in"; break;
    case SO_BINDTODEVICE: return val_str(a, p, len);
    case SO_GET_FILTER: return decode_filters(a, p, len);
    case SO_MAX_PACING_RATE:
      if (len == 8) {
        uint64_t u;
        memcpy(&u, p, 8);
        ss_value *v = val_list(a, 1);
        v->item[0] = val_int(a, (long long) u, -1, SF_U64);
        return v;
      }
      break;
    case SO_COOKIE: case SO_NETNS_COOKIE:
      if (len == 8) { /* numbers the kernel gives out machine-wide: they vary */
        uint64_t u;
        memcpy(&u, p, 8);
        ss_value *v = val_list(a, 1);
        v->item[0] = val_int(a, (long long) u, -1, SF_U64);
        v->nondet = ND_TIME;
        return v;
      }
      break;
    case SO_INCOMING_CPU:
      if (len == 4) { /* the processor that ran the sender: it varies */
        ss_value *v = int_list(a, p, len, -1);
        v->item[0]->nondet = ND_CPU;
        return v;
      }
      break;
    case SO_TYPE: cls = SS_CLASS_SOCKTYPE; break;
    case SO_DOMAIN: cls = SS_CLASS_AF; break;
    case SO_PROTOCOL: cls = SS_CLASS_IPPROTO; break;
    case SO_ERROR: cls = SS_CLASS_ERRNO; break;
    case SO_TIMESTAMPING_OLD: case SO_TIMESTAMPING_NEW:
      if (len == 8) return int_list(a, p, len, -1);
      break;
    }
  } else if (level == IPPROTO_IP) {
    switch (name) {
    case IP_MULTICAST_IF: st = "in_addr"; break;
    case IP_MSFILTER: if (len >= 16) return decode_struct(a, st_by_name("ip_msfilter"), p, len); break;
    case IP_OPTIONS: case IP_PKTOPTIONS: return val_bytes(a, p, len);
    case IP_MTU_DISCOVER: cls = SS_CLASS_PMTUDISC; break;
    case 52: /* \.{IP\_PROTOCOL}: the local port, which may be an ephemeral one */
      if (len == 4) {
        ss_value *v = int_list(a, p, len, -1);
        v->item[0]->nondet = ND_PORT;
        return v;
      }
      if (len > 0 && len < 4) { /* a part of the port: any */
        ss_value *v = val_bytes(a, p, len);
        v->nondet = ND_TIME;
        return v;
      }
      break;
    }
  }
  if (st) {
    const struct ss_struct *s = st_by_name(st);
    if (len == s->size) return decode_struct(a, s, p, len);
  }
  if (len == 4) return int_list(a, p, len, cls);
  return val_bytes(a, p, len);
}

@ A classic filter read back by \.{SO\_GET\_FILTER} is a list of
instructions.

@<Structures and calls@>=
static ss_value *decode_filters(ss_arena *a, const unsigned char *p, size_t len)
{
  const struct ss_struct *st = st_by_name("sock_filter");
  ss_value *v = val_list(a, (int) (len / st->size));
  for (int k = 0; k < v->n; k++) v->item[k] = decode_struct(a, st, p + k * st->size, st->size);
  return v;
}

@ A socket address: a |sockaddr_in| when it is one, bytes otherwise.  The
port of an address that a call returns may be one the kernel chose; the
value is marked so that a recorder writes the range of ephemeral ports.

@<Structures and calls@>=
static ss_value *decode_sockaddr(ss_arena *a, const unsigned char *p, size_t len)
{
  uint16_t fam = 0;
  if (len >= 2) memcpy(&fam, p, 2);
  if (len == sizeof(struct sockaddr_in) && fam == AF_INET) {
    ss_value *v = decode_struct(a, st_by_name("sockaddr_in"), p, len);
    for (int i = 0; i < v->n; i++)
      if (!strcmp(v->field[i], "sin_port")) v->item[i]->nondet = ND_PORT;
    return v;
  }
  if (len == 2 || (len == sizeof(struct sockaddr_in) && fam == AF_UNSPEC)) {
    bool zero = true;
    for (size_t k = 2; k < len; k++) if (p[k]) zero = false;
    if (zero) {
      ss_value *v = val_struct(a, st_by_name("sockaddr_in"), 1);
      v->field[0] = "sa_family";
      v->item[0] = val_int(a, fam, SS_CLASS_AF, SF_DEC);
      return v;
    }
  }
  return val_bytes(a, p, len);
}

@ @<Prototypes@>=
static ss_value *decode_filters(ss_arena *a, const unsigned char *p, size_t len);

@* Control messages.
Ancillary data travels in |cmsghdr| records: \.{\{cmsg\_len=20,
cmsg\_level=SOL\_IP, cmsg\_type=IP\_TTL, cmsg\_data=[64]\}}.  The data's
type depends on the level and type; a time stamp is marked as varying
from run to run.  The ``new'' stamps (types 63, 64, 65) have on x86-64
the structures of the old ones.

@<Structures and calls@>=
static ss_value *decode_cmsg_data(ss_arena *a, int level, int type,
  const unsigned char *p, size_t len)
{
  const char *st = NULL;
  ss_value *v;
  if (level == SOL_SOCKET && (type == SO_TIMESTAMP_OLD || type == SO_TIMESTAMPNS_OLD ||
      type == SO_TIMESTAMP_NEW || type == SO_TIMESTAMPNS_NEW)) {
    bool us = type == SO_TIMESTAMP_OLD || type == SO_TIMESTAMP_NEW;
    v = decode_struct(a, st_by_name(us ? "timeval" : "timespec"), p,
      len >= 16 ? 16 : len);
    v->nondet = ND_TIME;
    return v;
  }
  if (level == SOL_SOCKET && (type == SO_TIMESTAMPING_OLD || type == SO_TIMESTAMPING_NEW))
    @<Decode an |scm_timestamping|@>@;
  if (level == IPPROTO_IP) {
    switch (type) {
    case IP_PKTINFO: st = "in_pktinfo"; break;
    case IP_ORIGDSTADDR: if (len == sizeof(struct sockaddr_in)) return decode_sockaddr(a, p, len); break;
    case IP_RECVERR:
      if (len >= sizeof(struct sock_extended_err)) {
        size_t ee = sizeof(struct sock_extended_err);
        v = val_list(a, len >= ee + sizeof(struct sockaddr_in) ? 2 : 1);
        v->item[0] = decode_struct(a, st_by_name("sock_extended_err"), p, ee);
        if (v->n == 2) v->item[1] = decode_sockaddr(a, p + ee, sizeof(struct sockaddr_in));
        return v;
      }
      break;
    case IP_RECVOPTS: case IP_RETOPTS: return val_bytes(a, p, len);
    }
  }
  if (st && len == st_by_name(st)->size) return decode_struct(a, st_by_name(st), p, len);
  if (len == 4) return int_list(a, p, len, -1);
  return val_bytes(a, p, len);
}

@ \.{SO\_TIMESTAMPING}'s message holds three |timespec|s: the software
time, which varies from run to run, and two slots (a retired one and the
hardware time) that are zero unless a device stamps in hardware.  Only
the first is marked as varying, so that a script still says the others are
zero: \.{cmsg\_data=[\{tv\_sec=..., tv\_nsec=...\}, \{tv\_sec=0,
tv\_nsec=0\}, \{tv\_sec=0, tv\_nsec=0\}]}.  A message cut short by a small control buffer is bytes
that vary.

@<Decode an |scm_timestamping|@>=
{
  const struct ss_struct *ts = st_by_name("timespec");
  if (len != 3 * ts->size) {
    v = val_bytes(a, p, len);
    v->nondet = ND_TIME;
    return v;
  }
  v = val_list(a, 3);
  for (int k = 0; k < 3; k++) v->item[k] = decode_struct(a, ts, p + k * ts->size, ts->size);
  for (int k = 0; k < v->item[0]->n; k++) v->item[0]->item[k]->nondet = ND_TIME;
  return v;
}

@ Decoding the control buffer of a received message: the records as
\.{CMSG\_FIRSTHDR} and \.{CMSG\_NXTHDR} walk them, over a copy in the arena,
since in a received message's record the control bytes follow data of any
length and need not be aligned.

@<Structures and calls@>=
static ss_value *decode_control(ss_arena *a, unsigned char *p, size_t len)
{
  struct msghdr m;
  struct cmsghdr *c;
  ss_value *items[64];
  int n = 0;
  ss_value *v;
  if (len) {
    unsigned char *aligned = ss_alloc(a, len);
    memcpy(aligned, p, len);
    p = aligned;
  }
  memset(&m, 0, sizeof m);
  m.msg_control = p;
  m.msg_controllen = len;
  for (c = CMSG_FIRSTHDR(&m); c && n < 64; c = CMSG_NXTHDR(&m, c)) {
    ss_value *r = val_struct(a, st_by_name("cmsghdr"), 4);
    size_t dlen = c->cmsg_len >= CMSG_LEN(0) ? c->cmsg_len - CMSG_LEN(0) : 0;
    if ((unsigned char *) CMSG_DATA(c) + dlen > p + len) dlen = (size_t) (p + len - (unsigned char *) CMSG_DATA(c));
    r->field[0] = "cmsg_len"; r->item[0] = val_int(a, (long long) c->cmsg_len, -1, SF_DEC);
    r->field[1] = "cmsg_level"; r->item[1] = val_int(a, c->cmsg_level, SS_CLASS_LEVEL, SF_DEC);
    r->field[2] = "cmsg_type";
    r->item[2] = val_int(a, c->cmsg_type, c->cmsg_level == SOL_SOCKET ? SS_CLASS_SCM :
      c->cmsg_level == IPPROTO_IP ? SS_CLASS_IP : -1, SF_DEC);
    r->field[3] = "cmsg_data";
    r->item[3] = decode_cmsg_data(a, c->cmsg_level, c->cmsg_type, CMSG_DATA(c), dlen);
    items[n++] = r;
  }
  v = val_list(a, n);
  memcpy(v->item, items, (size_t) n * sizeof *items);
  return v;
}
