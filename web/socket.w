@* Sockets.
A socket of the model is what the kernel calls a |struct sock| together
with the part of |struct inet_sock| that the IPv4 options touch.  The
fields are grouped as the man pages group the options: those of the socket
layer (\.{SOL\_SOCKET}) first, then those of IP (\.{IPPROTO\_IP}).  Each
field is read and written by the handler of the clause that names it, in
the chapters that follow; this chapter creates and destroys sockets.

The model implements the \.{AF\_INET} family, which is what {\it ip\/}(7)
specifies, with its three socket types: \.{SOCK\_STREAM} (TCP),
\.{SOCK\_DGRAM} (UDP, and ICMP ``ping'' sockets) and \.{SOCK\_RAW}.

@<Type definitions@>=
@<Types of route selection@>@;
struct sr_sock {
  int family, type, protocol;
  sr_file *file;
  sr_host *host;
  uid_t uid; /* effective user that created it: \.{SO\_REUSEPORT} compares it */
  bool listening; /* |listen| was called: \.{SO\_ACCEPTCONN} */
  @<Binding fields of a socket@>@;
  @<Socket-layer fields of a socket@>@;
  @<UDP fields of a socket@>@;
  @<IP fields of a socket@>@;
  @<Network fields of a socket@>@;
  @<Raw fields of a socket@>@;
};

@ The socket-layer state.  Timeouts and the linger time are kept in ticks,
as the kernel keeps them, with |SR_MAX_TIMEOUT| standing for ``forever''
(the kernel's |MAX_SCHEDULE_TIMEOUT|).  Flags that the kernel keeps as bits
of |sk_flags| or |sk_tsflags| are bits of |flags| here, named below.
The fields come in the order the data path reads them: what the receive
path's lookup and delivery read first, right behind the binding fields,
then the queues of the UDP chapter; so a datagram's delivery reads a few
cache lines of its socket, not all of them --- which counts when a
program talks to many sockets in turn, as a test of demultiplexing
does.

@<Constants of the model@>=
#define SR_MAX_TIMEOUT LONG_MAX

@ @<Socket-layer fields of a socket@>=
int reuse, reuseport;
int bound_dev_if;
int incoming_cpu;
unsigned flags; /* |SK_BROADCAST| etc. */
int filter_kind; /* |SR_FILTER_NONE|, |SR_FILTER_CLASSIC| or |SR_FILTER_EBPF| */
int rcvbuf, sndbuf; /* bytes, already doubled */
int err; /* the pending error that \.{SO\_ERROR} reads and clears */
int peek_off;
long rcvtimeo, sndtimeo; /* ticks */
bool rcvbuf_locked, sndbuf_locked; /* set by the user: no autotuning */
int rcvlowat;
bool linger;
long lingertime; /* ticks */
int priority;
uint32_t mark;
unsigned int busy_poll; /* microseconds */
struct sock_filter *filter; /* a classic filter, as attached */
int filter_len;
int omem; /* option memory in use, the kernel's |sk_omem_alloc| (bytes) */

@ @<Constants of the model@>=
#define SK_DEBUG (1u << 0)
#define SK_BROADCAST (1u << 1)
#define SK_KEEPALIVE (1u << 2)
#define SK_OOBINLINE (1u << 3)
#define SK_PASSCRED (1u << 4)
#define SK_PASSSEC (1u << 5)
#define SK_DONTROUTE (1u << 6)
#define SK_RXQ_OVFL (1u << 7)
#define SK_SELECT_ERR_QUEUE (1u << 8)
#define SK_TIMESTAMP (1u << 9) /* |SOCK_RCVTSTAMP| */
#define SK_TIMESTAMPNS (1u << 10) /* |SOCK_RCVTSTAMPNS| */
#define SK_FILTER_LOCKED (1u << 11)
#define SK_BSDCOMPAT (1u << 12)
#define SK_TSTAMP_NEW (1u << 13) /* |SOCK_TSTAMP_NEW|: time stamps of the 64-bit kind */
#define SR_FILTER_NONE 0
#define SR_FILTER_CLASSIC 1
#define SR_FILTER_EBPF 2

@ The IP state.  |uc_ttl| is $-1$ until a program sets \.{IP\_TTL}; the
route's hop limit (the tunable \.{ip\_default\_ttl}) applies then.  The
multicast memberships are kept by the chapter on multicast.

@<IP fields of a socket@>=
int uc_ttl;
int tos;
int mc_ttl;
int mc_index; /* \.{IP\_MULTICAST\_IF}: interface index */
uint32_t mc_addr; /* \.{IP\_MULTICAST\_IF}: local address */
int uc_index; /* \.{IP\_UNICAST\_IF} */
int pmtudisc;
int minttl;
unsigned ipflags; /* |IPF_PKTINFO| etc. */
unsigned char opt[40]; /* \.{IP\_OPTIONS} as the kernel stored them */
int optlen;
struct sr_mcsock *mc_list; /* joined groups */
int mc_count;

@ @<Constants of the model@>=
#define IPF_PKTINFO (1u << 0)
#define IPF_RECVTTL (1u << 1)
#define IPF_RECVTOS (1u << 2)
#define IPF_RECVOPTS (1u << 3)
#define IPF_RETOPTS (1u << 4)
#define IPF_PASSSEC (1u << 5)
#define IPF_ORIGDSTADDR (1u << 6)
#define IPF_CHECKSUM (1u << 7)
#define IPF_RECVFRAGSIZE (1u << 8)
#define IPF_RECVERR (1u << 9)
#define IPF_RECVERR_RFC4884 (1u << 10)
#define IPF_FREEBIND (1u << 11)
#define IPF_TRANSPARENT (1u << 12)
#define IPF_HDRINCL (1u << 13)
#define IPF_NODEFRAG (1u << 14)
#define IPF_BIND_ADDRESS_NO_PORT (1u << 15)
#define IPF_ROUTER_ALERT (1u << 16)
#define IPF_MC_LOOP (1u << 17) /* \.{IP\_MULTICAST\_LOOP}, on by default */
#define IPF_MC_ALL (1u << 18) /* \.{IP\_MULTICAST\_ALL}, on by default */

@ \clause{socket.7:call:socket}
@^socket.7:call:socket@>
@^ip.7:DESCRIPTION@>
|sr_socket| checks its arguments in the order |__sys_socket|,
|__sock_create| and |inet_create| check them, because when several are
wrong the first check decides the error number:
\smallskip
\item{1.} flag bits in |type| other than \.{SOCK\_NONBLOCK} and
\.{SOCK\_CLOEXEC}: |EINVAL|;
\item{2.} a family outside $0\ldots$|AF_MAX|$-1$: |EAFNOSUPPORT|; a type
outside $0\ldots$|SOCK_MAX|$-1$: |EINVAL|;
\item{3.} a family other than \.{AF\_INET}: |EAFNOSUPPORT| (see below);
\item{4.} a protocol outside $0\ldots$|IPPROTO_MAX|$-1$: |EINVAL|;
\item{5.} a type with no \.{AF\_INET} protocol: |ESOCKTNOSUPPORT|; a
protocol the type does not carry: |EPROTONOSUPPORT|;
\item{6.} \.{SOCK\_RAW} without \.{CAP\_NET\_RAW}: |EPERM|; a ping socket
for a group outside \.{ping\_group\_range}: |EACCES|;
\item{7.} no free descriptor below the limit: |EMFILE|.
\smallskip\noindent
The model implements \.{AF\_INET} only.  Linux has other families
(\.{AF\_UNIX}, \.{AF\_INET6}, \.{AF\_PACKET}, \dots); the model refuses them
with |EAFNOSUPPORT|, the answer of a kernel built without them, and this
is the one place where a call of the model and of a full kernel may differ
by design.  The obsolete \.{SOCK\_PACKET} type asked of \.{AF\_INET}
is, in the kernel, silently turned into an \.{AF\_PACKET} socket; the model
turns it into the same unimplemented family.
@^model limits@>

@c
int sr_socket(int domain, int type, int protocol)
{
  int flags, err, fd;
  sr_sock *s;
  sr_file *f;
  world_ready();
  flags = type & ~SR_SOCK_TYPE_MASK;
  type &= SR_SOCK_TYPE_MASK;
  if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return sys_return(-EINVAL);
  if (domain < 0 || domain >= AF_MAX) return sys_return(-EAFNOSUPPORT);
  if (type < 0 || type >= SR_SOCK_MAX) return sys_return(-EINVAL);
  if (domain == AF_INET && type == SOCK_PACKET) domain = AF_PACKET;
  if (domain != AF_INET) return sys_return(-EAFNOSUPPORT);
  err = inet_protocol_check(type, &protocol);
  if (err) return sys_return(err);
  s = sock_alloc(W->cur, type, protocol);
  f = xcalloc(1, sizeof *f);
  f->kind = SR_FILE_SOCKET;
  f->flags = O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0);
  f->owner_uid = W->cur->fsuid;
  f->sock = s;
  s->file = f;
  fd = fd_install(W->cur, f, 0, (flags & SOCK_CLOEXEC) != 0);
  if (fd < 0) {
    f->refs = 1;
    file_put(f);
    return sys_return(fd);
  }
  return fd;
}

@ The kernel's masks, as in \.{linux/net.h}; the C library does not export
them.

@<Constants of the model@>=
#define SR_SOCK_TYPE_MASK 0xf
#define SR_SOCK_MAX 11 /* one more than |SOCK_PACKET| */
#define SR_IPPROTO_MAX 263 /* one more than |IPPROTO_MPTCP| */

@ The protocol switch of \.{AF\_INET}, |inetsw|, as a table: for each
socket type, the protocols registered for it.  A protocol of 0 picks the
first one; \.{SOCK\_RAW}'s single entry is a wildcard that takes any
nonzero protocol.  Ping sockets (\.{SOCK\_DGRAM}, \.{IPPROTO\_ICMP}) are
an entry too, and so is UDP-Lite, which at the socket layer behaves as UDP.
Multipath TCP (\.{IPPROTO\_MPTCP}) is not: its option layer is a protocol
of its own, outside these pages, and the model answers
|EPROTONOSUPPORT| as a kernel built without it does.
@^model limits@>

\kernel{\.{socket(AF\_INET, SOCK\_RAW, 0)} is |EPROTONOSUPPORT|;
\.{SOCK\_RAW} with 1, 255, 256 or 262 succeeds and \.{SO\_PROTOCOL}
reads the number back; \.{SOCK\_SEQPACKET} is |ESOCKTNOSUPPORT|;
protocol 263 is |EINVAL|; \.{(SOCK\_DGRAM, IPPROTO\_ICMP)} is |EACCES|
for root in a new namespace.}

@<Private function prototypes@>=
static int inet_protocol_check(int type, int *protocol);

@ @c
static const struct { int type, protocol; } inetsw[] = {
  { SOCK_STREAM, IPPROTO_TCP },
  { SOCK_DGRAM, IPPROTO_UDP },
  { SOCK_DGRAM, IPPROTO_UDPLITE },
  { SOCK_DGRAM, IPPROTO_ICMP },
  { SOCK_RAW, 0 } /* wildcard */
};

static int inet_protocol_check(int type, int *protocol)
{
  int err = -ESOCKTNOSUPPORT;
  bool found = false;
  if (*protocol < 0 || *protocol >= SR_IPPROTO_MAX) return -EINVAL;
  for (size_t i = 0; i < sizeof inetsw / sizeof inetsw[0] && !found; i++) {
    if (inetsw[i].type != type) continue;
    err = 0;
    if (*protocol == inetsw[i].protocol) {
      if (*protocol != 0) found = true;
    } else if (*protocol == 0) {
      *protocol = inetsw[i].protocol; found = true;
    } else if (inetsw[i].protocol == 0) found = true;
    if (!found) err = -EPROTONOSUPPORT;
  }
  if (err) return err;
  if (type == SOCK_RAW && !proc_capable(W->cur, CAP_NET_RAW)) return -EPERM;
  if (type == SOCK_DGRAM && *protocol == IPPROTO_ICMP &&
      !ping_group_allowed(W->cur))
    return -EACCES;
  return 0;
}

@ \clause{socket.7:call:socketpair}
@^socket.7:call:socketpair@>
\.{AF\_INET} has no socket pairs: the kernel's |inet_stream_ops| and
|inet_dgram_ops| have |sock_no_socketpair|, which answers |EOPNOTSUPP|
after the two sockets were created.  Before it creates them, the kernel
checks the flags of the type (|EINVAL|), reserves two descriptors
(|EMFILE|) and writes their numbers into the caller's array (|EFAULT| for
a null array) --- so a failing call still leaves the two numbers there,
and a null array is |EFAULT| whatever the family, type and protocol.
Every other error of |socket| comes after.  Nothing is left open.

\kernel{\.{socketpair(AF\_INET, SOCK\_DGRAM, 0, sv)} is |EOPNOTSUPP| and
leaves 3 and 4 in |sv|; \.{SOCK\_SEQPACKET} is |ESOCKTNOSUPPORT| with
3 and 4 in |sv|; with a null |sv| both are |EFAULT|, and so is family
$-1$; \.{SOCK\_DGRAM$\vert$0x100} is |EINVAL| and leaves |sv| alone
(scripts found by \.{sr-fuzz}).}

@c
int sr_socketpair(int domain, int type, int protocol, int sv[2])
{
  sr_proc *p;
  int fd1, fd2, fd;
  world_ready();
  p = W->cur;
  if ((type & ~SR_SOCK_TYPE_MASK) & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return sys_return(-EINVAL);
  fd1 = fd_lowest_free(&p->fds, 0);
  fd2 = fd_lowest_free(&p->fds, fd1 + 1);
  if ((rlim_t) fd1 >= p->nofile.rlim_cur || (rlim_t) fd2 >= p->nofile.rlim_cur)
    return sys_return(-EMFILE);
  if (!sv) return sys_return(-EFAULT);
  sv[0] = fd1;
  sv[1] = fd2;
  if ((fd = sr_socket(domain, type, protocol)) < 0) return -1;
  fd_release(p, fd);
  return sys_return(-EOPNOTSUPP);
}

@ A new socket takes its defaults from the host's tunables and its type, as
|sock_init_data|, |inet_create| and the protocols' |init| functions set
them.  The buffer sizes of TCP come from the middle values of
\.{tcp\_rmem} and \.{tcp\_wmem} (131072 and 16384) rather than from
\.{rmem\_default} and \.{wmem\_default}.

@<Private function prototypes@>=
static sr_sock *sock_alloc(sr_proc *p, int type, int protocol);
static void sock_release(sr_sock *s);

@ @c
static sr_sock *sock_alloc(sr_proc *p, int type, int protocol)
{
  sr_sock *s = xcalloc(1, sizeof *s);
  sr_host *h = p->host;
  s->family = AF_INET;
  s->type = type;
  s->protocol = protocol;
  s->host = h;
  s->uid = p->euid;
  @<Set the socket-layer defaults of |s|@>@;
  @<Set the IP defaults of |s|@>@;
  return s;
}

@ @<Set the socket-layer defaults of |s|@>=
s->rcvbuf = type == SOCK_STREAM ? SR_TCP_RMEM_DEFAULT : sysctl_value(h, SYS_RMEM_DEFAULT);
s->sndbuf = type == SOCK_STREAM ? SR_TCP_WMEM_DEFAULT : sysctl_value(h, SYS_WMEM_DEFAULT);
s->rcvlowat = 1;
s->rcvtimeo = s->sndtimeo = SR_MAX_TIMEOUT;
s->peek_off = -1;
s->incoming_cpu = -1;
s->busy_poll = (unsigned) sysctl_value(h, SYS_BUSY_READ);

@ @<Constants of the model@>=
#define SR_TCP_RMEM_DEFAULT 131072
#define SR_TCP_WMEM_DEFAULT 16384

@ @<Set the IP defaults of |s|@>=
s->uc_ttl = -1;
s->mc_ttl = 1;
s->ipflags |= IPF_MC_LOOP | IPF_MC_ALL;
s->pmtudisc = sysctl_value(h, SYS_IP_NO_PMTU_DISC) ? IP_PMTUDISC_DONT : IP_PMTUDISC_WANT;
if (type == SOCK_RAW && protocol == IPPROTO_RAW) s->ipflags |= IPF_HDRINCL;

@ Releasing a socket gives up its name and its multicast memberships,
and frees it --- unless the host still holds frames it sent, which keep it
alive, orphaned, until they are gone (see the send buffer in the chapter on
UDP).

@c
static void sock_release(sr_sock *s)
{
  inet_release(s);
  raw_release(s);
  udp_release(s);
  mc_drop_all(s);
  free(s->filter);
  s->filter = NULL;
  s->file = NULL;
  if (s->wheld) s->orphaned = true;
  else free(s);
}
