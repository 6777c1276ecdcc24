@* Options of IP.
The options of level \.{IPPROTO\_IP} are the knobs of the IPv4 layer that
a program can turn for one socket: the header fields it sends (\.{IP\_TTL},
\.{IP\_TOS}, \.{IP\_OPTIONS}), what it may bind to (\.{IP\_FREEBIND},
\.{IP\_TRANSPARENT}), which ancillary data it receives (\.{IP\_PKTINFO} and
its kin), how it treats the path MTU, and how it sends multicast.  They
deserve a chapter of their own because their argument rules differ from
those of \.{SOL\_SOCKET} in ways that programs trip over: an integer
option also accepts a single byte, a read into a short buffer returns a
byte, and several options refuse socket types on writes that they happily
answer on reads.  The dispatcher of the previous chapters applies the rules
that a table row can state; the sections below hold what remains, one
section per clause of {\it ip\/}(7).  The membership options are in the
next chapter.

Every value quoted in a \.{Kernel} note was measured on Linux~6.18 in a
fresh network namespace set up as the model's default world.

@ Most of the receive-side options are plain flags that the kernel keeps as
bits of the socket and that the model keeps in |ipflags|.  Their rows name
the bit (\.{ipflag:IPF\_PKTINFO}), and the dispatcher's generic
|set_flag| and |get_flag| move it; the value has already been made 0 or 1,
because the rows say \.{bytebool}.  The sections of such options have
prose and no code.

@ \clause{ip.7:IP_TTL}
@^ip.7:IP\_TTL@>
The hop limit written into every unicast datagram the socket sends.  A
program may set 1 to 255, or $-1$ to go back to the host's default;
until it sets a value, and after it sets $-1$, a read answers the current
\.{ip\_default\_ttl} of the host, so a change of that tunable shows
through.  Zero is refused, as is anything outside $-1\ldots255$.  No
privilege is needed.  The row's |setlen| of 1 makes an empty argument
|EINVAL| rather than the value 0.

\kernel{set 0, 256, 1000 and $-2$: |EINVAL|; set $-1$ after 7: the read
gives 64; the byte \.{0xc8} sets 200; |optlen| 0: |EINVAL|.}

@c
static int set_ttl(sr_sock *s, sr_optreq *rq)
{
  if (rq->val == 0) return -EINVAL;
  s->uc_ttl = rq->val;
  return 0;
}

static int get_ttl(sr_sock *s, sr_optreq *rq)
{
  rq->val = s->uc_ttl == -1 ? sysctl_value(s->host, SYS_IP_DEFAULT_TTL) : s->uc_ttl;
  return 0;
}

@ \clause{ip.7:IP_TOS}
@^ip.7:IP\_TOS@>
The type-of-service byte of outgoing datagrams.  The page's warning that
some values need \.{CAP\_NET\_ADMIN} no longer holds: Linux~6.x lets anyone
set any value.  The value is cut to a byte, so 256 stores 0.  On TCP the
two low bits belong to explicit congestion notification, which the
stack manages itself: a write keeps the socket's current two bits and
drops the caller's.  A change of the byte also sets the socket's priority
(\.{SO\_PRIORITY}) from the TOS bits by the kernel's |ip_tos2prio| table;
a write that leaves the stored byte as it was leaves the priority alone ---
except that the kernel compares the stored byte with the {\it uncut\/}
value, so 256 over 0 counts as a change and resets the priority to 0.
A change also drops the socket's cached route.
@^priority from TOS@>

\kernel{as user 65534 without capabilities \.{0xe0} is accepted.
On TCP \.{0xff} reads 252 and \.{0x03} reads 0; on UDP they read 255 and 3.
\.{0x10} sets priority 6, \.{0x08} 2, \.{0x18} 4, \.{0x04} 0; after
\.{SO\_PRIORITY} 3, writing the current TOS again leaves 3, and on TCP
\.{0x11} over \.{0x10} leaves 3 while on UDP it sets 6.}

@c
static const unsigned char ip_tos2prio[16] = {
  0, 0, 0, 0, 2, 2, 2, 2, 6, 6, 6, 6, 4, 4, 4, 4
}; /* |TC_PRIO_BESTEFFORT|, |BULK|, |INTERACTIVE|, |INTERACTIVE_BULK| */

static int set_tos(sr_sock *s, sr_optreq *rq)
{
  int val = rq->val;
  if (s->type == SOCK_STREAM)
    val = (val & ~SR_INET_ECN_MASK) | (s->tos & SR_INET_ECN_MASK);
  if (s->tos != val) {
    s->tos = (unsigned char) val;
    s->priority = ip_tos2prio[(s->tos & 0x1e) >> 1];
    s->dst_cached = false;
  }
  return 0;
}


@ @<Constants of the model@>=
#define SR_INET_ECN_MASK 3

@ \clause{ip.7:IP_HDRINCL}
@^ip.7:IP\_HDRINCL@>
On a raw socket, says that the program writes the IP header itself.  A
raw socket of protocol \.{IPPROTO\_RAW} starts with it on (it can only
send complete datagrams) and may turn it off; other raw sockets start with
it off.  Any socket may read it, but only raw sockets may write it: the
others get |ENOPROTOOPT|, which is why the row says \.{all} and the test is
here.  No capability is checked after the socket exists.

\kernel{defaults: 1 on \.{SOCK\_RAW}/\.{IPPROTO\_RAW}, 0 on
\.{IPPROTO\_ICMP} raw, UDP and TCP; TCP and UDP writes of 0 or 1:
|ENOPROTOOPT|; reads there: 0.}


@ \clause{ip.7:IP_NODEFRAG}
@^ip.7:IP\_NODEFRAG@>
A raw-socket flag that keeps the connection tracker from reassembling the
socket's outgoing fragments.  As for \.{IP\_HDRINCL}, writes on other
socket types are |ENOPROTOOPT| and reads answer 0.


@ \clause{ip.7:IP_OPTIONS}
@^ip.7:IP\_OPTIONS@>
The IP options carried by every datagram the socket sends, as raw bytes.
At most 40 bytes (|EINVAL| beyond).  The kernel pads the bytes with
end-of-list to a multiple of four, then parses them (its
|ip_options_compile|): a malformed option is |EINVAL|, and so is, for a
caller without \.{CAP\_NET\_RAW}, an option type the parser does not know
or the security option.  Source routes (loose or strict) parse for
anyone, but once the whole list has parsed a caller without
\.{CAP\_NET\_RAW} is refused with |EPERM|.  An empty write clears the
options.  A read returns the stored bytes cut to |optlen|; the one-byte
rule of integer options does not apply.
@^source routing@>

\kernel{1, 3 and 5 NOPs store \.{01000000}, \.{01010100} and
\.{0101010101000000}; \.{01 00 55 66} stores \.{01000000}; 41 bytes:
|EINVAL|; CIPSO: |EINVAL| even for root; without capabilities LSRR and
SSRR are |EPERM|, an LSRR with pointer 5 is |EINVAL|, an LSRR followed
by an unknown option is |EINVAL|, type \.{0x55} and SEC are |EINVAL|.}

@c
static int set_options(sr_sock *s, sr_optreq *rq)
{
  unsigned char opt[SR_MAX_IPOPTLEN];
  int len = rq->len, err;
  bool srr;
  if (len > SR_MAX_IPOPTLEN) return -EINVAL;
  if (len && !rq->buf) return -EFAULT;
  memset(opt, IPOPT_END, sizeof opt);
  if (len) memcpy(opt, rq->buf, (size_t) len);
  len = (len + 3) & ~3;
  if (len) {
    err = ip_options_compile(s->host, opt, len, &srr);
    if (err) return err;
    if (srr && !proc_capable(W->cur, CAP_NET_RAW)) return -EPERM;
  }
  memcpy(s->opt, opt, (size_t) len);
  s->optlen = len;
  s->opt_set = true;
  return 0;
}

static int get_options(sr_sock *s, sr_optreq *rq)
{
  memcpy(rq->out, s->opt, (size_t) s->optlen);
  rq->outlen = s->optlen;
  return 0;
}

@ @<Constants of the model@>=
#define SR_MAX_IPOPTLEN 40
#define SR_IPOPT_CIPSO 134

@ @<Private function prototypes@>=
static int ip_options_compile(sr_host *h, unsigned char *p, int len, bool *srr);
static bool inet_addr_is_unicast(sr_host *h, const unsigned char *a);

@ The parser walks the options.  End-of-list ends the walk and zeroes
what follows; no-operation is one byte; every other option has a length
byte of at least 2 that must fit.  The route-record and timestamp options
carry a pointer to their next free slot, which must be in range; when the
slot lies inside the option the kernel fills it in for the first hop and
undoes that on a read, and the visible result is that the slot reads back
as zeros --- we zero it at once.  (A timestamp with prespecified addresses
is filled only when its address is not an ordinary unicast one.)

\kernel{RR \.{07 07 04 09 09 09 09 01} reads \.{0707040000000001}; with
pointer 8 it reads back unchanged; TS \.{44 0c 05 00 09\dots} zeroes 4
bytes, with flag 1 it zeroes 8; an RR of length 7 with pointer 4 and SSRR
with two hops are accepted as given.}

@c
static int ip_options_compile(sr_host *h, unsigned char *p, int len, bool *srr)
{
  bool rr = false, ts = false, raw = proc_capable(W->cur, CAP_NET_RAW);
  int l = len, n;
  *srr = false;
  while (l > 0) {
    if (p[0] == IPOPT_END) {
      memset(p, IPOPT_END, (size_t) l);
      return 0;
    }
    if (p[0] == IPOPT_NOOP) { p++; l--; continue; }
    if (l < 2) return -EINVAL;
    n = p[1];
    if (n < 2 || n > l) return -EINVAL;
    switch (p[0]) {
    case IPOPT_SSRR: case IPOPT_LSRR:
      if (n < 3 || p[2] < 4 || *srr) return -EINVAL;
      if (p[2] != 4 || n < 7 || ((n - 3) & 3)) return -EINVAL;
      *srr = true;
      break;
    case IPOPT_RR:
      if (rr || n < 3 || p[2] < 4) return -EINVAL;
      if (p[2] <= n) {
        if (p[2] + 3 > n) return -EINVAL;
        memset(p + p[2] - 1, 0, 4);
      }
      rr = true;
      break;
    case IPOPT_TIMESTAMP:
      if (ts || n < 4 || p[2] < 5) return -EINVAL;
      if (p[2] <= n) @<Check a timestamp option with a free slot@>@;
      else if ((p[3] >> 4) == 15) return -EINVAL;
      ts = true;
      break;
    case IPOPT_RA:
      if (n < 4) return -EINVAL;
      break;
    case SR_IPOPT_CIPSO:
      return -EINVAL; /* no CIPSO domain is configured */
    default: /* the security option, stream ID, and unknown types */
      if (!raw) return -EINVAL;
      break;
    }
    p += n;
    l -= n;
  }
  return 0;
}

@ @<Check a timestamp option with a free slot@>=
{
  if (p[2] + 3 > n) return -EINVAL;
  switch (p[3] & 0xf) {
  case IPOPT_TS_TSONLY:
    memset(p + p[2] - 1, 0, 4);
    break;
  case IPOPT_TS_TSANDADDR:
    if (p[2] + 7 > n) return -EINVAL;
    memset(p + p[2] - 1, 0, 8);
    break;
  case IPOPT_TS_PRESPEC:
    if (p[2] + 7 > n) return -EINVAL;
    if (!inet_addr_is_unicast(h, p + p[2] - 1)) memset(p + p[2] + 3, 0, 4);
    break;
  default:
    if (!raw) return -EINVAL;
    break;
  }
}

@ ``Ordinary unicast'' is what the kernel's |inet_addr_type| calls
|RTN_UNICAST|: not zero, not the limited broadcast, not multicast, and not
local or broadcast by the local routing table.

@c
static bool inet_addr_is_unicast(sr_host *h, const unsigned char *a)
{
  uint32_t addr;
  const sr_route *r;
  memcpy(&addr, a, 4);
  if (addr == 0 || addr == 0xffffffffu || ipv4_is_multicast(addr)) return false;
  r = route_lookup(h, addr);
  return !(r && (r->type == SR_RT_LOCAL || r->type == SR_RT_BROADCAST));
}

@ \clause{ip.7:IP_ROUTER_ALERT}
@^ip.7:IP\_ROUTER\_ALERT@>
Hands the socket every datagram the host would forward that carries the
router-alert option.  The kernel keeps the interested sockets on a chain
per network namespace and refuses any socket that is not raw, and the raw
sockets of protocol \.{IPPROTO\_RAW}, with |EINVAL|.  Turning it on twice
is |EADDRINUSE|; turning it off when it is off is |ENOBUFS| --- so is an
empty argument on a fresh socket, since it means 0.  A socket is on the
chain exactly when its flag |IPF_ROUTER_ALERT| is set, so the model needs
no chain of its own: the host's chain is the set of its sockets with the
flag, and a closed socket leaves it with its memory.  Reads work on every
socket.

\kernel{TCP, UDP and \.{IPPROTO\_RAW}: |EINVAL| for 0 and 1; ICMP raw: on
0, on again |EADDRINUSE|, off 0, off again |ENOBUFS|; 256 in two bytes is
the byte 0, hence off, hence |ENOBUFS|.}

@c
static int set_router_alert(sr_sock *s, sr_optreq *rq)
{
  bool on = (s->ipflags & IPF_ROUTER_ALERT) != 0;
  if (s->type != SOCK_RAW || s->protocol == IPPROTO_RAW) return -EINVAL;
  if (rq->val && on) return -EADDRINUSE;
  if (!rq->val && !on) return -ENOBUFS;
  ip_ra_control(s, rq->val != 0);
  return set_flag(s, rq);
}


@ \clause{ip.7:IP_RECVOPTS}
@^ip.7:IP\_RECVOPTS@>
Asks for the IP options of each received datagram as an \.{IP\_OPTIONS}
control message, with the route fields already processed for this host.
The page calls it unsupported on stream sockets; the flag is nevertheless
accepted and read back on TCP, as are all the receive flags below.

\kernel{TCP, UDP and both raw types: default 0; 2, 256 and $-1$ read as 1;
|optlen| 0 sets 0; the byte \.{0xff} sets 1.}


@ \clause{ip.7:IP_RETOPTS}
@^ip.7:IP\_RETOPTS@>
Like \.{IP\_RECVOPTS}, but the options arrive exactly as they were on the
wire.  A flag with the same rules.


@ \clause{ip.7:IP_PKTINFO}
@^ip.7:IP\_PKTINFO@>
Asks for an |in_pktinfo| control message with each datagram: the arrival
interface, the local address that matched, and the header's destination.
A flag.


@ \clause{ip.7:IP_RECVERR}
@^ip.7:IP\_RECVERR@>
Queues the errors the socket provokes (ICMP errors, local errors) on its
error queue, to be read with |MSG_ERRQUEUE|, each described by a
|sock_extended_err|.  TCP accepts the flag although it has no error queue.
A flag, off by default.


@ \clause{ip.7:IP_RECVTTL}
@^ip.7:IP\_RECVTTL@>
Asks for the TTL of each received datagram in an \.{IP\_TTL} control
message.  A flag.


@ \clause{ip.7:IP_RECVTOS}
@^ip.7:IP\_RECVTOS@>
Asks for the TOS byte of each received datagram in an \.{IP\_TOS}
control message.  A flag.


@ \clause{ip.7:IP_RECVORIGDSTADDR}
@^ip.7:IP\_RECVORIGDSTADDR@>
Asks for the destination a datagram had before any redirection by the
packet filter, as a |sockaddr_in| in an \.{IP\_ORIGDSTADDR} control
message; transparent proxies use it.  A flag.


@ \clause{ip.7:IP_PASSSEC}
@^ip.7:IP\_PASSSEC@>
@^IP\_PASSSEC.2const:DESCRIPTION@>
Asks for the peer's security label as an \.{SCM\_SECURITY} control
message, where labelled networking is configured.  Both pages limit it to
UDP; Linux~6.x accepts and reads back the flag on every socket type,
TCP included, and needs no privilege.

\kernel{TCP, UDP and both raw types: 1 reads 1, as user 65534 too.}


@ \clause{ip.7:IP_BIND_ADDRESS_NO_PORT}
@^ip.7:IP\_BIND\_ADDRESS\_NO\_PORT@>
Lets |bind| to port 0 fix only the address and leaves the choice of the
port to |connect|, which can then share a port among connections to
different peers.  A flag, on every socket type.


@ \clause{ip.7:IP_FREEBIND}
@^ip.7:IP\_FREEBIND@>
Lets the socket bind to an address the host does not (yet) have: the
per-socket form of \.{ip\_nonlocal\_bind}.  A flag that needs no
privilege; unlike the receive flags, an empty argument is |EINVAL|
(|setlen| 1).

\kernel{|optlen| 0: |EINVAL|; as user 65534: 1 reads 1.}


@ \clause{ip.7:IP_TRANSPARENT}
@^ip.7:IP\_TRANSPARENT@>
Lets the socket act with foreign addresses as its own, for transparent
proxying.  Turning it on needs \.{CAP\_NET\_ADMIN} or \.{CAP\_NET\_RAW}
(|EPERM|); turning it off needs nothing.  The row states both facts; an
empty argument is |EINVAL|.

\kernel{as user 65534: 1 is |EPERM|, 0 succeeds.}


@ \clause{ip.7:IP_MTU_DISCOVER}
@^ip.7:IP\_MTU\_DISCOVER@>
Chooses how the socket treats the don't-fragment bit and the path MTU:
0 never sets it, 1 follows the route, 2 always sets it, 3 sets it but
ignores the learnt path MTU, 4 and 5 use the interface MTU.  Values 0 to
5 are accepted, others are |EINVAL|; the default is 1 unless
\.{ip\_no\_pmtu\_disc} is set, then 0.  An empty argument sets 0.

\kernel{6, 7, 100, $-1$, 256: |EINVAL| on every socket type.}


@ \clause{ip.7:IP_MTU}
@^ip.7:IP\_MTU@>
Reads the path MTU of the route the socket has cached: the MTU of the
route's device, at most 65535, or a smaller one the host has learnt for
the socket's destination from ``fragmentation needed'' (|sk_dst_mtu|).  A datagram socket caches a route when it
connects, and loses it to a failed |connect|, to a disconnect, and to the
options that change how it routes (\.{SO\_BINDTODEVICE}, \.{SO\_MARK},
\.{SO\_DONTROUTE}, \.{IP\_TOS}); a socket with no route cached --- one
never connected, one only bound, a TCP listener --- gets |ENOTCONN|.
Writes are |ENOPROTOOPT| (the row is read-only).

\kernel{unconnected, or a UDP socket only bound: |ENOTCONN|; a datagram
socket connected to \.{10.0.0.2} or \.{8.8.8.8} reads 1500, one
connected to \.{127.0.0.1} reads 65535; read into 1 byte, 1500 gives
\.{0xdc}; after ``need to frag (mtu 1400)'' from a router, 1400.  After
\.{SO\_MARK} 5, \.{SO\_DONTROUTE}, \.{IP\_TOS} \.{0x10} or
\.{SO\_BINDTODEVICE}: |ENOTCONN|; after \.{SO\_PRIORITY}, \.{IP\_TTL},
\.{IP\_OPTIONS}, \.{IP\_MULTICAST\_IF} and the like it still reads
1500.}

@c
static int get_mtu(sr_sock *s, sr_optreq *rq)
{
  if (!s->dst_cached) return -ENOTCONN;
  rq->val = sk_dst_mtu(s);
  return 0;
}

@ @<Constants of the model@>=
#define SR_IP_MAX_MTU 65535

@ \clause{ip.7:IP_MULTICAST_IF}
@^ip.7:IP\_MULTICAST\_IF@>
Chooses the interface of outgoing multicast.  The argument's length picks
its form (see |mreq_decode|): an |in_addr| from 4 bytes, an |ip_mreq|
from 8 (its second address is used), an |ip_mreqn| from 12.  The wildcard
address with no index resets the choice.  An address alone must be a
local one (|EADDRNOTAVAIL|); an index must exist (|EADDRNOTAVAIL|), and
the address given with it is stored without any check.  A socket bound to
a device may choose only that device (|EINVAL|).  TCP refuses every write
with |EINVAL| but answers reads.  A read returns the stored address as an
|in_addr|, cut to |optlen| like a byte string; the index is never
returned.

\kernel{\.{1.2.3.4}, \.{10.0.0.255}, \.{10.0.0.254}, \.{224.1.1.1}:
|EADDRNOTAVAIL|; index 2 with \.{1.2.3.4} succeeds and reads
\.{1.2.3.4}; index 99: |EADDRNOTAVAIL|; |optlen| 3: |EINVAL|; with
\.{10.0.0.1} stored, a read into 1 byte gives \.{0x0a}; index 2 on a
socket bound to \.{lo}: |EINVAL|.}

@c
static int set_multicast_if(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreqn mr;
  sr_iface *dev;
  int err;
  if ((err = mreq_decode(rq, &mr)) != 0) return err;
  if (!mr.imr_ifindex) {
    if (mr.imr_address.s_addr == htonl(INADDR_ANY)) {
      s->mc_index = 0;
      s->mc_addr = 0;
      return 0;
    }
    dev = ip_dev_find(s->host, mr.imr_address.s_addr);
    if (dev) mr.imr_ifindex = dev->ifindex;
  } else dev = iface_by_index(s->host, mr.imr_ifindex);
  if (!dev) return -EADDRNOTAVAIL;
  if (s->bound_dev_if && mr.imr_ifindex != s->bound_dev_if) return -EINVAL;
  s->mc_index = mr.imr_ifindex;
  s->mc_addr = mr.imr_address.s_addr;
  return 0;
}

static int get_multicast_if(sr_sock *s, sr_optreq *rq)
{
  memcpy(rq->out, &s->mc_addr, sizeof s->mc_addr);
  rq->outlen = sizeof s->mc_addr;
  return 0;
}

@ \clause{ip.7:IP_MULTICAST_TTL}
@^ip.7:IP\_MULTICAST\_TTL@>
The TTL of outgoing multicast, 1 by default so that groups stay on the
local network.  0 to 255 are accepted (0 keeps datagrams on the host);
$-1$ restores 1.  TCP refuses writes with |EINVAL|; reads answer 1.

\kernel{$-1$ after 9 reads 1; 256 and $-2$: |EINVAL|; the byte \.{0xff}
sets 255; |optlen| 0: |EINVAL| on every type.}

@c
static int set_multicast_ttl(sr_sock *s, sr_optreq *rq)
{
  s->mc_ttl = rq->val == -1 ? 1 : rq->val;
  return 0;
}


@ \clause{ip.7:IP_MULTICAST_LOOP}
@^ip.7:IP\_MULTICAST\_LOOP@>
Whether the socket's outgoing multicast is also delivered to the host's
own members.  A flag, on by default, accepted on every type; an empty
argument is |EINVAL|.  The bit is |IPF_MC_LOOP|.

\kernel{2, $-1$, 256 read 1; the two bytes \.{00 01} are the byte 0.}


@ \clause{ip.7:IP_MULTICAST_ALL}
@^ip.7:IP\_MULTICAST\_ALL@>
Whether a socket bound to the wildcard receives the groups that any
socket of the host joined (1, the default) or only its own.  Unlike the
other flags it takes 0 or 1 and nothing else (the row's range); the bit
is |IPF_MC_ALL|.

\kernel{2, 5, $-1$, 256: |EINVAL|; |optlen| 0: |EINVAL|; TCP accepts it.}

@c
