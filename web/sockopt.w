@* Socket options: the dispatch.
|getsockopt| and |setsockopt| reach more than seventy options on two
levels.  Linux handles them in two long |switch| statements,
|sk_setsockopt| and |do_ip_setsockopt|, each case of which validates its
argument and then applies it, so that the rules a reader wants to
compare --- which options take a byte, which need a capability, which
refuse a socket type --- are spread over a thousand lines.  The model
separates the two concerns.  Everything about an option that can be said
as a fact goes into a table, \.{spec/options.tsv}, one row per option
citing its clause; a generator turns the table into C (the file
\.{sr\_options.h} in \.{generated/}); and the dispatcher below applies the
table's checks in the kernel's order before it calls the one function that
gives the option its effect.  That function lives in the section of this
book that implements the option's clause, and does only what the table
cannot say.

@ A row of the table, as the generator writes it.  |type| says how the
argument is decoded; |access| whether the option can be read, written or
both; |types| which socket types accept it and |type_errno| what the others
get, on writes only when |types_set_only| says so; |lo|, |hi| and |range_action| what happens to a value outside the
range; |caps| the capabilities of which one is needed, |cap_when| when
(always, or only outside the range, or only for a nonzero value) and
|cap_errno| what a caller without it gets; |setlen| the smallest |optlen| a
write accepts.

@<Type definitions@>=
typedef struct sr_optreq sr_optreq;
typedef int sr_setter(sr_sock *s, sr_optreq *rq);
typedef int sr_getter(sr_sock *s, sr_optreq *rq);
typedef struct {
  int level, name;
  const char *str, *clause, *since;
  int type;
  unsigned access, types;
  int type_errno;
  bool types_set_only;
  long long lo, hi;
  int range_action;
  uint64_t caps;
  int cap_when, cap_errno;
  int setlen;
  int store; /* |OPT_STORE_HANDLER| or where a generic handler keeps the value */
  unsigned bit; /* the flag of a one-bit option */
  size_t offset; /* the field of an integer option */
  sr_setter *set;
  sr_getter *get;
} sr_optdesc;

@ The codes the table uses.  The argument types are those the pages
describe; the socket-type bits are one per type.

@<Constants of the model@>=
enum {
  OPT_INT, /* an |int| */
  OPT_BOOL, /* an |int| read as true or false */
  OPT_BYTE, /* an |int|, or a single byte when |optlen| is 1 to 3 */
  OPT_BYTEBOOL, /* the same, read as true or false */
  OPT_LINGER, OPT_TIMEVAL,
  OPT_MREQ, /* |ip_mreqn|, |ip_mreq| or |in_addr|, chosen by |optlen| */
  OPT_MREQ_SOURCE, OPT_MSFILTER,
  OPT_STRING, OPT_BYTES, OPT_FPROG, OPT_U64, OPT_CUSTOM,
  OPT_GROUP_REQ, OPT_GROUP_SOURCE_REQ, /* RFC 3678's structures */
  OPT_GROUP_FILTER /* like |OPT_CUSTOM|, the handler writes to the caller */
};
#define OPT_GET 1u
#define OPT_SET 2u
#define OPT_STREAM (1u << SOCK_STREAM)
#define OPT_DGRAM (1u << SOCK_DGRAM)
#define OPT_RAW (1u << SOCK_RAW)
#define OPT_ALLTYPES (OPT_STREAM | OPT_DGRAM | OPT_RAW)
enum { RANGE_NONE, RANGE_EINVAL, RANGE_CLAMP, RANGE_CAP };
enum { CAP_NEVER, CAP_ALWAYS, CAP_OUTSIDE_RANGE, CAP_NONZERO };
enum { OPT_STORE_HANDLER, OPT_STORE_SOCK_FLAG, OPT_STORE_IP_FLAG,
  OPT_STORE_INT_FIELD };

@ A request carries the decoded argument to the handler and its answer back.
On a write, |val| is the integer for the integer types and |buf|, |len| the
caller's bytes for the others.  On a read, an integer handler stores into
|val|; a structure handler fills |out| and sets |outlen| to the structure's
natural size; a |OPT_CUSTOM| handler writes to the caller's buffer itself,
through |ubuf| and |ulen|, because its length rules are its own.

A request is made on the stack by every call, so it is cheap to make:
|optreq_init| sets every field but |out|, which is not cleared --- a handler
that reports a structure writes the whole of it and says how long it is in
|outlen|, and nothing reads |out| beyond |outlen|.  (Clearing its 256 bytes
cost more than the rest of an option call.)

@<Type definitions@>=
struct sr_optreq {
  const sr_optdesc *d;
  int val;
  const unsigned char *buf;
  int len;
  int outlen;
  void *ubuf;
  socklen_t *ulen;
  unsigned char out[256];
};

@ @<Private function prototypes@>=
static void optreq_init(sr_optreq *rq, const sr_optdesc *d, int len);

@ @c
static void optreq_init(sr_optreq *rq, const sr_optdesc *d, int len)
{
  rq->d = d;
  rq->val = 0;
  rq->buf = NULL;
  rq->len = len;
  rq->outlen = 0;
  rq->ubuf = NULL;
  rq->ulen = NULL;
}

@ The generated table is included here, after the types and before the
handlers, whose prototypes it declares.  A handler that the table names and
no section defines is an error of the C compiler; a clause without a row
or a row without a clause is an error of the generator.

@<The generated option table@>=
#include "sr_options.h"

@ Looking an option up is two array references: the generator writes, for
each level, an index from option number to table row.

@<Private function prototypes@>=
static const sr_optdesc *opt_lookup(int level, int name);

@ @c
static const sr_optdesc *opt_lookup(int level, int name)
{
  const short *index;
  if (name < 0 || name >= SR_OPTNAME_LIMIT) return NULL;
  if (level == SOL_SOCKET) index = sr_sol_index;
  else if (level == IPPROTO_IP) index = sr_ip_index;
  else if (level == SOL_UDP) index = sr_udp_index;
  else return NULL;
  return index[name] ? &sr_optdescs[index[name] - 1] : NULL;
}

@*1 Options that are a bit or a number.
Most options need no handler of their own: their whole effect is to store
a flag, or an integer, in the socket.  A row says so in its handler column
--- \.{flag:SK\_BROADCAST} for a bit of the socket layer's |flags|,
\.{ipflag:IPF\_PKTINFO} for a bit of IP's |ipflags|, \.{field:reuse} for
an |int| field --- and the generator points the row at the four handlers
below, with the bit or the field's offset in the row.  A handler with rules
of its own can still name the bit it guards (\.{router\_alert/ipflag:\dots})
and call |set_flag| and |get_flag| once its rules are satisfied.  The
dispatcher has already turned the value of a \.{bool} or \.{bytebool} row
into 0 or~1.

A field named this way must be as wide as an |int| (the generator has the
compiler check it); \.{SO\_MARK}'s |uint32_t| and \.{SO\_BUSY\_POLL}'s
|unsigned| are, and the kernel moves their bits through an |int| too.

@<Private function prototypes@>=
static int set_flag(sr_sock *s, sr_optreq *rq);
static int get_flag(sr_sock *s, sr_optreq *rq);
static int set_int_field(sr_sock *s, sr_optreq *rq);
static int get_int_field(sr_sock *s, sr_optreq *rq);

@ @c
static unsigned *flag_word(sr_sock *s, const sr_optdesc *d)
{
  return d->store == OPT_STORE_IP_FLAG ? &s->ipflags : &s->flags;
}

static int set_flag(sr_sock *s, sr_optreq *rq)
{
  unsigned *word = flag_word(s, rq->d);
  if (rq->val) *word |= rq->d->bit;
  else *word &= ~rq->d->bit;
  return 0;
}

static int get_flag(sr_sock *s, sr_optreq *rq)
{
  rq->val = (*flag_word(s, rq->d) & rq->d->bit) != 0;
  return 0;
}

static int set_int_field(sr_sock *s, sr_optreq *rq)
{
  memcpy((char *) s + rq->d->offset, &rq->val, sizeof(int));
  return 0;
}

static int get_int_field(sr_sock *s, sr_optreq *rq)
{
  memcpy(&rq->val, (char *) s + rq->d->offset, sizeof(int));
  return 0;
}

@*1 Writing an option.
\clause{socket.7:call:setsockopt}
@^socket.7:call:setsockopt@>
The order of the checks is the kernel's: the descriptor; a negative
|optlen| (|EINVAL|, for every level and name); then the level.
Level \.{SOL\_RAW} of a raw socket goes to the raw socket's own handler
(chapter {\it Raw sockets\/}); \.{SOL\_UDP} (and \.{SOL\_UDPLITE}) of a
UDP socket to the table's third level, whose rules are those of
\.{SOL\_SOCKET} for an |int| (chapter {\it Options beyond the pages\/});
other unknown levels are |ENOPROTOOPT| on a write.  At \.{SOL\_SOCKET} the
kernel reads an |int| before it looks at the name, so an |optlen| below 4
is |EINVAL| and a null |optval| is |EFAULT| even for a name that does not
exist; \.{SO\_BINDTODEVICE} alone escapes this, having its own length
rule.  At \.{IPPROTO\_IP} the name comes first.  After the lookup the
argument is decoded by type, the socket type, capability and range are
checked, and the handler runs.  A call that fails at any step has changed
nothing.

\kernel{\.{setsockopt(udp, SOL\_SOCKET, 9999, \&v, 2)} is |EINVAL|, with
|optlen| 4 it is |ENOPROTOOPT|; \.{setsockopt(udp, 9999, 1, \&v, 4)} is
|ENOPROTOOPT|.}

@c
int sr_setsockopt(int fd, int level, int optname, const void *optval,
  socklen_t optlen)
{
  int err = 0, len = (int) optlen;
  sr_sock *s;
  const sr_optdesc *d;
  sr_optreq rq;
  world_ready();
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if (len < 0) return sys_return(-EINVAL);
  if (level == SOL_RAW && s->type == SOCK_RAW)
    return sys_return(raw_setsockopt(s, optname, optval, len));
  if (opt_udp_level(s, level)) level = SOL_UDP;
  else if (level != SOL_SOCKET && level != IPPROTO_IP) return sys_return(-ENOPROTOOPT);
  d = opt_lookup(level, optname);
  if ((level == SOL_SOCKET && !(d && d->type == OPT_STRING)) || level == SOL_UDP) {
    if (len < (int) sizeof(int)) return sys_return(-EINVAL);
    if (!optval) return sys_return(-EFAULT);
  }
  if (level == IPPROTO_IP && optname >= SR_MRT_BASE && optname <= SR_MRT_MAX)
    return sys_return(-EOPNOTSUPP);
  if (!d || !(d->access & OPT_SET)) return sys_return(-ENOPROTOOPT);
  optreq_init(&rq, d, len);
  rq.buf = optval;
  err = opt_validate_set(s, d, &rq);
  if (err == 0) err = d->set(s, &rq);
  return sys_return(err);
}

@ The multicast routing options, numbers 200 to 212, belong to a raw IGMP
socket of a multicast router daemon; on any other socket the kernel answers
|EOPNOTSUPP| for them, on both calls, before it reads anything.  The
model has no multicast router, so every socket answers that way.

@<Constants of the model@>=
#define SR_MRT_BASE 200
#define SR_MRT_MAX 212

@ Decoding and the generic checks.  The integer types read an |int| when
|optlen| is at least 4; the byte types of \.{IPPROTO\_IP} read one byte
when it is 1 to 3 and take 0 when it is 0.  A row's |setlen| refuses a
shorter argument with |EINVAL| before anything is read.  The kernel reads
an integer argument before it looks at the socket type, but a structure
only after, in the option's own code: so for integers a null |optval| is
|EFAULT| even on the wrong socket type, while for structures the socket
type is checked first (\.{IP\_ADD\_MEMBERSHIP} on TCP is |EPROTO| even
with a null pointer).  Structures are otherwise left to the handler,
which knows their sizes: at \.{IPPROTO\_IP} the handler checks the length
before it reads, so a null pointer with a wrong length is |EINVAL|, and
the handler answers |EFAULT| for a null pointer only after that.

@c
static int opt_validate_set(sr_sock *s, const sr_optdesc *d, sr_optreq *rq)
{
  bool in_range;
  if (rq->len < d->setlen) return -EINVAL;
  switch (d->type) {
  case OPT_INT: case OPT_BOOL:
    if (rq->len < (int) sizeof(int)) return -EINVAL;
    if (!rq->buf) return -EFAULT;
    memcpy(&rq->val, rq->buf, sizeof(int));
    break;
  case OPT_BYTE: case OPT_BYTEBOOL:
    if (rq->len >= (int) sizeof(int)) {
      if (!rq->buf) return -EFAULT;
      memcpy(&rq->val, rq->buf, sizeof(int));
    } else if (rq->len >= 1) {
      if (!rq->buf) return -EFAULT;
      rq->val = rq->buf[0];
    } else rq->val = 0;
    break;
  default:
    if (!(d->types & (1u << s->type))) return -d->type_errno;
    if (d->level == SOL_SOCKET && rq->len > 0 && !rq->buf) return -EFAULT;
    break;
  }
  if (!(d->types & (1u << s->type))) return -d->type_errno;
  in_range = d->range_action == RANGE_NONE ||
    (rq->val >= d->lo && rq->val <= d->hi);
  if (d->caps && !opt_capable(d->caps)) {
    if (d->cap_when == CAP_ALWAYS ||
        (d->cap_when == CAP_OUTSIDE_RANGE && !in_range) ||
        (d->cap_when == CAP_NONZERO && rq->val != 0))
      return -d->cap_errno;
  }
  if (!in_range) {
    if (d->range_action == RANGE_EINVAL) return -EINVAL;
    if (d->range_action == RANGE_CLAMP)
      rq->val = (int) (rq->val < d->lo ? d->lo : d->hi);
  }
  if (d->type == OPT_BOOL || d->type == OPT_BYTEBOOL) rq->val = rq->val != 0;
  return 0;
}

@ A row may accept any one of several capabilities
(\.{IP\_TRANSPARENT} takes \.{CAP\_NET\_ADMIN} or \.{CAP\_NET\_RAW}).

@c
static bool opt_capable(uint64_t caps)
{
  for (int c = 0; c <= CAP_LAST_CAP; c++)
    if (((caps >> c) & 1) && proc_capable(W->cur, c)) return true;
  return false;
}

@ @<Private function prototypes@>=
static int opt_validate_set(sr_sock *s, const sr_optdesc *d, sr_optreq *rq);
static bool opt_capable(uint64_t caps);
static int opt_copy_out(const sr_optdesc *d, sr_optreq *rq, void *optval,
  socklen_t *optlen, int len);

@*1 Reading an option.
\clause{socket.7:call:getsockopt}
@^socket.7:call:getsockopt@>
A read checks the descriptor, then the level (\.{SOL\_RAW} of a raw
socket going to its own handler): an unknown level is
|EOPNOTSUPP| on a read --- not |ENOPROTOOPT| as on a write, and before
|optlen| is even looked at.  Then |optlen| is read (a null pointer is
|EFAULT|, a negative length |EINVAL|), the name is looked up (|ENOPROTOOPT|
for an unknown or write-only option), and the handler computes the value.
What the caller receives is decided by the level's copy-out rule; at
\.{SOL\_UDP} it is that of \.{SOL\_SOCKET}.

\kernel{\.{getsockopt(udp, 9999, 1, \&v, \&len)} is |EOPNOTSUPP| while
\.{setsockopt} with the same level is |ENOPROTOOPT|; with |len| $-1$ the
read still answers |EOPNOTSUPP|.}

@c
int sr_getsockopt(int fd, int level, int optname, void *optval,
  socklen_t *optlen)
{
  int err = 0, len;
  sr_sock *s;
  const sr_optdesc *d;
  sr_optreq rq;
  world_ready();
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if (level == SOL_RAW && s->type == SOCK_RAW)
    return sys_return(raw_getsockopt(s, optname, optval, optlen));
  if (opt_udp_level(s, level)) level = SOL_UDP;
  else if (level != SOL_SOCKET && level != IPPROTO_IP) return sys_return(-EOPNOTSUPP);
  if (level == IPPROTO_IP && optname >= SR_MRT_BASE && optname <= SR_MRT_MAX)
    return sys_return(-EOPNOTSUPP);
  if (!optlen) return sys_return(-EFAULT);
  len = (int) *optlen;
  if (len < 0) return sys_return(-EINVAL);
  d = opt_lookup(level, optname);
  if (!d || !(d->access & OPT_GET)) return sys_return(-ENOPROTOOPT);
  if (!d->types_set_only && !(d->types & (1u << s->type)))
    return sys_return(-d->type_errno);
  optreq_init(&rq, d, len);
  rq.ubuf = optval;
  rq.ulen = optlen;
  err = d->get(s, &rq);
  if (err < 0) return sys_return(err);
  if (d->type == OPT_CUSTOM || d->type == OPT_GROUP_FILTER) return 0;
  return sys_return(opt_copy_out(d, &rq, optval, optlen, len));
}

@ The copy-out rules.  At \.{SOL\_SOCKET} a short buffer is no error: the
value is cut to |optlen| bytes, a long one is cut to the value's size,
the bytes are written and then the length.  At \.{IPPROTO\_IP} an integer
option read into fewer than 4 bytes comes back as a single byte when its
value lies in $0\ldots255$ (the kernel's concession to programs that
declare a |char|), and otherwise as the first |optlen| bytes of the
|int|; the length is written {\it before\/} the value, so a null |optval|
leaves the length updated and fails with |EFAULT|.  Options whose value is
a structure or a byte string are cut, never converted.

\kernel{\.{IP\_TTL} read with |optlen| 1 gives one byte 64 and |optlen| 1;
\.{IP\_MTU} 1500 read with |optlen| 1 gives the byte \.{0xdc};
\.{SO\_RCVBUF} read with |optlen| 2 gives the low two bytes of 212992 and
|optlen| 2.  At \.{SOL\_UDP} the value is cut as at \.{SOL\_SOCKET},
but the length is written first, as at \.{IPPROTO\_IP}: a null |optval|
leaves it updated (|udp_lib_getsockopt|; found by \.{sr-fuzz}, script
\.{fuzz/getsockopt-UDP\_ENCAP-s1-82.sr}).}

@c
static int opt_copy_out(const sr_optdesc *d, sr_optreq *rq, void *optval,
  socklen_t *optlen, int len)
{
  bool is_int = d->type == OPT_INT || d->type == OPT_BOOL ||
    d->type == OPT_BYTE || d->type == OPT_BYTEBOOL;
  if (is_int) {
    memcpy(rq->out, &rq->val, sizeof(int));
    rq->outlen = sizeof(int);
  }
  if (d->level == IPPROTO_IP) {
    if (is_int && len > 0 && len < (int) sizeof(int) && rq->val >= 0 &&
        rq->val <= 255) {
      unsigned char byte = (unsigned char) rq->val;
      *optlen = 1;
      if (!optval) return -EFAULT;
      memcpy(optval, &byte, 1);
      return 0;
    }
    if (len > rq->outlen) len = rq->outlen;
    *optlen = (socklen_t) len;
    if (len > 0 && !optval) return -EFAULT;
    if (len > 0) memcpy(optval, rq->out, (size_t) len);
    return 0;
  }
  if (len > rq->outlen) len = rq->outlen;
  if (d->level == SOL_UDP) *optlen = (socklen_t) len;
  if (len > 0 && !optval) return -EFAULT;
  if (len > 0) memcpy(optval, rq->out, (size_t) len);
  *optlen = (socklen_t) len;
  return 0;
}
