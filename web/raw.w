@* Raw sockets.
@^raw sockets@>
A raw socket (\.{SOCK\_RAW}) reaches the IP layer without a transport
protocol between: it names an IP protocol number when it is created, it
receives a copy of every datagram of that protocol that arrives for the
host, IP header included, and it sends datagrams of that protocol whose IP
header the kernel builds --- or, with \.{IP\_HDRINCL}, the program.  This
chapter and the next, on ICMP ``ping'' sockets, are the kernel's
\.{net/ipv4/raw.c} and \.{net/ipv4/ping.c}.  The data calls, the queues,
the control messages and the error queue are the datagram path's (the
chapter on UDP); this chapter supplies what is particular to raw sockets.

Every \.{Kernel} note quotes Linux~6.18 measured in a fresh network
namespace set up as the model's default world (\.{lo}, and \.{eth0} with
\.{10.0.0.1/24}), and, for routers, in three namespaces joined by veth
pairs; the probe programs and their output are kept with the book's
evidence (\.{facts/raw}).

@ A raw socket keeps a few things of its own: the filter of ICMP types
(next section), its place on the host's chain of router-alert listeners,
and whether \.{IP\_OPTIONS} was ever written (the kernel then holds an
options block, possibly empty, and a raw socket that writes its own
headers refuses to send: see |raw_sendmsg|).

@<Raw fields of a socket@>=
uint32_t icmp_filter; /* \.{ICMP\_FILTER}: a set bit $t$ drops ICMP type $t$ */
sr_sock *ra_next; /* the next socket on the host's router-alert chain */
bool ra_on; /* on that chain */
bool opt_set; /* \.{IP\_OPTIONS} was written: the kernel's |inet_opt| exists */

@*1 The ICMP filter.
A raw socket of protocol \.{IPPROTO\_ICMP} may refuse ICMP messages by
type: \.{ICMP\_FILTER} at level \.{SOL\_RAW} holds a 32-bit mask, and a
message whose type $t$ is below 32 and whose bit $1\ll t$ is set is not
delivered to the socket.  The mask starts empty.  This is {\it raw\/}(7)'s
option, which the pages of this book do not cover; the kernel's answers
are these (|raw_setsockopt|, |raw_getsockopt|):
\smallskip
\item{$\bullet$} Level \.{SOL\_RAW} reaches this handler only on a raw
socket; on any other socket the level is an unknown level of IP
(|ENOPROTOOPT| on a write, |EOPNOTSUPP| on a read), as the option layer
already answers.
\item{$\bullet$} An option other than \.{ICMP\_FILTER} is |ENOPROTOOPT|;
\.{ICMP\_FILTER} on a raw socket of another protocol is |EOPNOTSUPP|,
before the arguments are looked at.
\item{$\bullet$} A write copies at most four bytes --- only |optlen| of
them when fewer are given, so the rest of the mask stays as it was, and a
write of nothing changes nothing --- and fails with |EFAULT| for a null
buffer with a length.
\item{$\bullet$} A read takes the length (|EFAULT| for a null pointer,
|EINVAL| when negative), cuts it to four, writes it back, then copies that
many bytes of the mask (|EFAULT| for a null buffer).
\smallskip

\kernel{a fresh ICMP raw socket reads 0 with length 4; after writing
\.{0x100} the one byte \.{0xff} reads \.{0x1ff}; eight bytes write the
first four and read back four; length 0 leaves \.{0x55}; a null buffer
with length 4 is |EFAULT|, length $-1$ |EINVAL|; a read with length 2
gives the two low bytes, with 0 nothing, with $-1$ |EINVAL|, with a null
length pointer or buffer |EFAULT|; options 0 and 2 are |ENOPROTOOPT|;
raw sockets of protocols 17 and 255: |EOPNOTSUPP| both ways; UDP, TCP and
ping sockets: |ENOPROTOOPT| to write and |EOPNOTSUPP| to read.}

@<Private function prototypes@>=
static int raw_setsockopt(sr_sock *s, int optname, const void *optval, int len);
static int raw_getsockopt(sr_sock *s, int optname, void *optval, socklen_t *optlen);

@ @c
static int raw_setsockopt(sr_sock *s, int optname, const void *optval, int len)
{
  if (optname != ICMP_FILTER) return -ENOPROTOOPT;
  if (s->inet_num != IPPROTO_ICMP) return -EOPNOTSUPP;
  if (len > (int) sizeof s->icmp_filter) len = sizeof s->icmp_filter;
  if (len > 0 && !optval) return -EFAULT;
  if (len > 0) memcpy(&s->icmp_filter, optval, (size_t) len);
  return 0;
}

static int raw_getsockopt(sr_sock *s, int optname, void *optval, socklen_t *optlen)
{
  int len;
  if (optname != ICMP_FILTER) return -ENOPROTOOPT;
  if (s->inet_num != IPPROTO_ICMP) return -EOPNOTSUPP;
  if (!optlen) return -EFAULT;
  len = (int) *optlen;
  if (len < 0) return -EINVAL;
  if (len > (int) sizeof s->icmp_filter) len = sizeof s->icmp_filter;
  *optlen = (socklen_t) len;
  if (len > 0 && !optval) return -EFAULT;
  if (len > 0) memcpy(optval, &s->icmp_filter, (size_t) len);
  return 0;
}

@ The option's number and level come from the kernel's \.{linux/icmp.h},
which cannot be included beside the C library's \.{netinet/ip\_icmp.h}
(both define |struct icmphdr|); the C library defines \.{SOL\_RAW}.

@<Constants of the model@>=
#ifndef ICMP_FILTER
#define ICMP_FILTER 1
#endif

@*1 The raw table.
Every host keeps its raw sockets in a table keyed by protocol number, the
kernel's |raw_v4_hashinfo|: a socket enters it when it is created (its
``port'' is its protocol, see the chapter on binding) and leaves it when it
is closed or disconnected --- for good, in the second case: a raw socket
that was disconnected with \.{AF\_UNSPEC} never receives again, though it
may still send.  The table uses the slots of the binding chapter, one slot
per protocol with the newest socket first, through the socket's first
link (raw sockets are in no port table); its slots come and go as the
binding chapter's do.  A socket of protocol 256 to 262,
which \.{SOCK\_RAW} accepts, sits in a slot no datagram's one-byte
protocol field can name.

\kernel{an ICMP raw socket disconnected with \.{AF\_UNSPEC}, or connected
and then disconnected, receives none of the echo requests and replies
that other ICMP raw sockets of the host see, even after a |bind| to
\.{0.0.0.0}.}

@<Fields of a host@>=
sr_htab raw; /* raw sockets by protocol */

@ @<Free the network state of host |fh|@>=
htab_free(&fh->raw, hent_free);

@ @<Set the IP defaults of |s|@>=
if (type == SOCK_RAW) raw_hash(s);

@ @<Private function prototypes@>=
static void raw_hash(sr_sock *s);
static void raw_unhash(sr_sock *s);

@ @c
static void raw_hash(sr_sock *s)
{
  bind_tables(s->host);
  link_add(&s->host->raw, LK_PORT, s, KEY_PORT(s->inet_num));
}

static void raw_unhash(sr_sock *s)
{
  link_del(&s->host->raw, LK_PORT, s);
}

@*1 Delivery to raw sockets.
\clause{ip.7:DESCRIPTION}
@^ip.7:DESCRIPTION@>
A datagram for this host, once reassembled and before its protocol sees
it, is offered to the host's raw sockets of its protocol
(|raw_local_deliver|, called where the kernel's
|ip_local_deliver_finish| calls it).  A socket takes a copy when it
matches, |raw_v4_match|: it is connected to nothing or to the datagram's
source; it is bound to no address or to the datagram's destination; it is
bound to no device or to the arrival interface.  Two further checks may
then refuse the copy without unmatching the socket: an ICMP raw socket's
filter, and for a multicast destination the socket's membership filter
(|ip_mc_sf_allow|).  The protocol handler still runs --- UDP still answers
``port unreachable'' when no UDP socket takes the datagram --- but a
protocol the host does not implement draws ``protocol unreachable'' only
when no raw socket matched.  A raw socket of \.{IPPROTO\_RAW} is no
exception: it receives the datagrams whose protocol field is 255, which
only another raw socket sends.

\kernel{two ICMP raw sockets and the sender of an echo request to
\.{127.0.0.1} each receive the request and the host's reply, 32 bytes
from the IP header on; a raw UDP socket receives a UDP datagram and the
UDP socket receives it too; with no UDP socket on the port, the raw
socket still receives it and the host still answers ``port
unreachable''; a protocol-253 datagram draws ``protocol unreachable''
only once the protocol-253 raw socket is closed; an \.{IPPROTO\_RAW}
socket receives a protocol-255 datagram.  A socket bound to
\.{127.0.0.1} sees the echo to \.{127.0.0.1} and not the one to
\.{10.0.0.1}; one connected to \.{10.0.0.1} the reverse; one bound to
device \.{eth0} only the one to \.{10.0.0.1}, one bound to \.{lo} only the
one to \.{127.0.0.1} (both arrive on \.{lo}).}

@<Private function prototypes@>=
static bool raw_v4_match(const sr_sock *s, int num, uint32_t raddr, uint32_t laddr,
  int ifindex);
static bool raw_local_deliver(const struct sr_rx *rx, const uint8_t *pkt, size_t len);

@ @c
static bool raw_v4_match(const sr_sock *s, int num, uint32_t raddr, uint32_t laddr,
  int ifindex)
{
  return s->inet_num == num && !(s->inet_daddr && s->inet_daddr != raddr) &&
    !(s->inet_rcv_saddr && s->inet_rcv_saddr != laddr) &&
    !(s->bound_dev_if && s->bound_dev_if != ifindex);
}

static bool raw_local_deliver(const struct sr_rx *rx, const uint8_t *pkt, size_t len)
{
  sr_slot *sl = slot_find(&rx->host->raw, KEY_PORT(rx->protocol));
  bool delivered = false;
  for (sr_sock *s = sl ? sl->first : NULL; s; s = s->lk[LK_PORT].next) {
    if (!raw_v4_match(s, rx->protocol, rx->saddr, rx->daddr, rx->ifindex)) continue;
    delivered = true;
    if (rx->protocol == IPPROTO_ICMP && icmp_filter_drops(s, rx)) continue;
    if (!mc_sf_allow(s, rx->daddr, rx->saddr, rx->ifindex)) continue;
    raw_rcv(s, rx, pkt, len);
  }
  return delivered;
}

@ The ICMP filter at work, |icmp_filter|.  A message too short to hold an
ICMP header is dropped for every ICMP raw socket, filter or none; a type
of 32 or more is never filtered.

\kernel{an ICMP raw socket filtering echo replies (bit 0) receives only
the request, one filtering echo requests (bit 8) only the reply; with every
bit set it still receives type 40; a 2-byte ICMP datagram reaches no ICMP
raw socket.}

@<Private function prototypes@>=
static bool icmp_filter_drops(const sr_sock *s, const struct sr_rx *rx);

@ @c
static bool icmp_filter_drops(const sr_sock *s, const struct sr_rx *rx)
{
  int type;
  if (rx->l4len < SR_ICMPHDR_LEN) return true;
  type = rx->l4[0];
  return type < 32 && ((s->icmp_filter >> type) & 1);
}

@ A socket's copy, |raw_rcv|: the whole datagram from the IP header on ---
the header as this host processed it, so a record-route option already
holds this host's address --- with what the receive calls and the
receive options need of it (an entry of the datagram path's queue).  The
sender's address is the header's source; a raw socket has no ports, so
the port reported is 0.

The copies of UDP datagrams show what Linux shows: over \.{lo} and veth
Linux leaves the UDP checksum for the device to complete, and since neither
device computes it, the field a raw socket (or a capture) sees holds the sum
of the pseudo-header only; so does the model's (see the wire chapter).
@^checksum@>

\kernel{|recvfrom| reports family 2, port 0, length 16; a datagram sent
with a record-route option arrives with \.{07 07 08 7f000001}: the slot
filled with the receiving address; a UDP socket's 5-byte datagram from port
5000 to port 5000 of \.{127.0.0.1} shows the checksum \.{0xfe20}, the sum
of its pseudo-header.}

@<Private function prototypes@>=
static void raw_rcv(sr_sock *s, const struct sr_rx *rx, const uint8_t *pkt, size_t len);

@ @c
static void raw_rcv(sr_sock *s, const struct sr_rx *rx, const uint8_t *pkt, size_t len)
{
  sr_dgram *d = dgram_of_rx(rx, pkt, len, rx_truesize(rx));
  d->l4off = (int) (len - rx->l4len);
  dgram_pktinfo_prepare(s, d);
  sock_queue_rcv(s, d);
}

@ The queue entry of an arrival, for any datagram socket: the bytes the
socket will read and the metadata of the datagram (|dgram_from_rx| of the
UDP chapter completes it with ports).  Its true size is what the sender's
buffer cost (see the UDP chapter), for the receiver is charged for that
very buffer.  A datagram that arrived whole carries the charge its sender
computed; one that was reassembled, or injected, is charged as if it had
been built with an eight-byte transport header, which is exact for UDP,
ping and the host's own ICMP messages and for every datagram up to 16032
bytes.  What the sender computes depends on how much of the datagram went
into the buffer's head (|ip_head_l4len|): a large datagram is built as a
small head and pages, and only the head's bytes are not charged by the
byte --- the eight bytes of a UDP or ICMP header that the kernel writes,
and nothing of a raw socket's data, which is the program's.
@^true size@>

\kernel{received on \.{lo}, every datagram of 225 bytes or less costs
832, up to 673 bytes 1280, and so on, whether a UDP, ping or raw socket
sent it and whether a UDP, ping or raw socket receives it; a raw socket's
16128-byte ICMP datagram costs 16940 (UDP's of the same length 16932), a
16120-byte datagram with the program's header 33024; a raw
\.{IPPROTO\_UDP} socket that receives its own 65508-byte datagram reports
66340 in \.{SO\_MEMINFO} (script \.{fuzz/getsockopt-SO\_MEMINFO-s4242-2745.sr}).}

@<Private function prototypes@>=
static sr_dgram *dgram_of_rx(const struct sr_rx *rx, const uint8_t *data, size_t len,
  int truesize);
static int rx_truesize(const struct sr_rx *rx);
static int ip_head_l4len(const sr_sock *s);

@ @c
static int rx_truesize(const struct sr_rx *rx)
{
  if (rx->truesize) return rx->truesize;
  sr_iface *dev = iface_by_index(rx->host, rx->ifindex);
  int mtu = dev ? (dev->mtu > SR_IP_MAX_MTU ? SR_IP_MAX_MTU : dev->mtu) : SR_IP_MAX_MTU;
  return udp_truesize(SR_IPHDR_LEN + rx->optlen, rx->l4len, mtu);
}

static int ip_head_l4len(const sr_sock *s)
{
  return s && s->type == SOCK_RAW ? 0 : SR_UDPHDR_LEN; /* |SR_ICMPHDR_LEN| too */
}

static sr_dgram *dgram_of_rx(const struct sr_rx *rx, const uint8_t *data, size_t len,
  int truesize)
{
  sr_dgram *d = dgram_new(len);
  if (len) memcpy(d->data, data, len);
  dgram_take_rx(d, rx, truesize);
  return d;
}

@ \clause{socket.7:SO_RCVBUF}
@^socket.7:SO\_RCVBUF@>
Queueing for raw and ping sockets, |sock_queue_rcv_skb|, which is simpler
than UDP's: the socket filter runs over the bytes the socket will read
(for a raw socket the IP header comes first) and may drop them --- a drop
that \.{SO\_RXQ\_OVFL} does not count, unlike UDP's --- or cut them;
then the datagram is dropped, and counted, when the buffer already holds
\.{SO\_RCVBUF} or more --- a datagram is taken whatever its size while the
buffer holds less, even when it makes the total exceed the limit.

\kernel{with \.{SO\_RCVBUF} written 0 (2304), a ping socket queues three
8-byte replies (832 each) of ten and one 1008-byte reply of ten; an ICMP
raw socket of the default buffer (212992) queues 256 of 300 28-byte
requests.  A raw socket whose filter returns 0 loses two datagrams, and
the next one, after the filter is detached, carries no \.{SO\_RXQ\_OVFL}
count (\.{/proc/net/raw} shows 0 drops); a filter returning 21 keeps the
IP header and one byte; one that loads byte 0 finds \.{0x45}.}

@<Private function prototypes@>=
static void sock_queue_rcv(sr_sock *s, sr_dgram *d);

@ @c
static void sock_queue_rcv(sr_sock *s, sr_dgram *d)
{
  int keep = sk_filter_run(s, dgram_data(d), d->len);
  if (keep == 0 || s->rmem >= s->rcvbuf) {
    if (keep) s->drops++;
    free(d);
    return;
  }
  if (keep > 0 && (size_t) keep < d->len) d->len = (size_t) keep;
  d->dropcount = (s->flags & SK_RXQ_OVFL) ? s->drops : 0;
  udp_queue_tail(s, d);
  s->rmem += d->truesize;
  sock_data_ready(s);
}

@*1 Receiving.
A receive on a raw or ping socket, |raw_recvmsg| and |ping_recvmsg|, takes
the datagram at the head of the queue (or, with |MSG_PEEK|, looks at it),
copies as much as the buffers hold, and fills in the sender's address
(port 0) and the control messages.  The buffer space goes back at once.
|MSG_OOB| is |EOPNOTSUPP|, |MSG_ERRQUEUE| reads the error queue; a pending
error is returned first; an empty queue waits as UDP's does.  A datagram is
consumed even when copying it out fails.  The two protocols differ in what
they copy --- a raw socket the IP header and all, a ping socket the ICMP
message --- and in |MSG_TRUNC|: a raw socket then returns the datagram's
length, a ping socket the bytes copied.  Neither has a peek offset.

\kernel{a 48-byte datagram read into 10 bytes: a raw socket returns 10 and
sets |MSG_TRUNC| in |msg_flags|, 48 with the flag |MSG_TRUNC|; a ping
socket returns 10 either way; |MSG_OOB| is |EOPNOTSUPP|; |recv| into a
null buffer is |EFAULT| and the next |recv| returns the next datagram;
|recv| of 0 bytes returns 0 and consumes; \.{FIONREAD} answers 30 for a
10-byte protocol-253 datagram.}

@<Private function prototypes@>=
static ssize_t raw_recvmsg(sr_sock *s, struct msghdr *msg, size_t len, int flags,
  socklen_t *namelen, struct sr_cmsg_out *co);
static sr_dgram *raw_try_recv(sr_sock *s, int flags, int *off);

@ @c
static sr_dgram *raw_try_recv(sr_sock *s, int flags, int *off)
{
  sr_dgram *d = s->rq_head;
  *off = 0;
  if (d && !(flags & MSG_PEEK)) {
    udp_queue_head_remove(s);
    s->rmem -= d->truesize;
  }
  return d;
}

static ssize_t raw_recvmsg(sr_sock *s, struct msghdr *msg, size_t len, int flags,
  socklen_t *namelen, struct sr_cmsg_out *co)
{
  bool peeking = (flags & MSG_PEEK) != 0;
  int off, err;
  size_t copied;
  sr_dgram *d;
  if (flags & MSG_OOB) return -EOPNOTSUPP;
  if (flags & MSG_ERRQUEUE) return ip_recv_error(s, msg, len, namelen, co);
  if (!(d = skb_recv_wait(s, flags, &off, &err, raw_try_recv))) return err;
  copied = d->len;
  if (len < copied) {
    msg->msg_flags |= MSG_TRUNC;
    copied = len;
  }
  if (!iov_scatter(msg, dgram_data(d), copied)) {
    if (!peeking) free(d);
    return -EFAULT;
  }
  sock_recv_cmsgs(s, msg, co, d);
  if (msg->msg_name) {
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = d->saddr;
    memcpy(msg->msg_name, &sin, sizeof sin);
    *namelen = sizeof sin;
  }
  if (s->ipflags & SR_IP_CMSG_FLAGS) ip_cmsg_recv(s, msg, co, d);
  if (s->type == SOCK_RAW && (flags & MSG_TRUNC)) copied = d->len;
  if (!peeking) free(d);
  return (ssize_t) copied;
}

@*1 Sending.
A send on a raw socket, |raw_sendmsg|, checks its arguments in this order:
\smallskip
\item{1.} more than 65535 bytes: |EMSGSIZE|; |MSG_OOB|: |EOPNOTSUPP|;
\item{2.} an address shorter than a |sockaddr_in|: |EINVAL|; of a family
other than \.{AF\_INET} and \.{AF\_UNSPEC}: |EAFNOSUPPORT|; no address on
a socket that is not connected: |EDESTADDRREQ|.  The port is ignored;
\item{3.} the control messages, as for UDP;
\item{4.} options --- the call's (\.{IP\_RETOPTS}) or the socket's --- on a
socket that writes its own headers: |EINVAL|; a source route with no
destination: |EINVAL|;
\item{5.} for an ICMP raw socket that builds no headers, the first two
bytes of the data are read (the ICMP type and code, which the kernel's
routing may look at): fewer than two bytes are |EFAULT|;
\item{6.} the route, and a broadcast without \.{SO\_BROADCAST}: |EACCES|;
\item{7.} the datagram, as the next sections say.
\smallskip\noindent
The destination \.{0.0.0.0} means this host: the datagram goes to the
route's source address (\.{127.0.0.1} for an unbound socket), and that is
the destination its header carries.
The socket's options apply as for UDP: its TTL or the multicast TTL, TOS,
IP options, the path-MTU mode, the multicast interface and loop; the
protocol field is the socket's protocol --- 255 for an \.{IPPROTO\_RAW}
socket that turned \.{IP\_HDRINCL} off.  The kernel computes no checksum
of the data: the program writes the ICMP checksum, or the UDP one (where 0
means none).  |MSG_PROBE| (the C library's |MSG_PROXY|) makes the call
succeed without sending once the route is known.  |MSG_MORE| is not
modelled: Linux keeps a raw socket's data sent with it and sends it with
the next send that comes without it, as one datagram; the model sends
every call's data at once.
@^model limits@>

\kernel{on an ICMP raw socket: a 15-byte address |EINVAL|, \.{AF\_UNSPEC}
accepted, \.{AF\_INET6} |EAFNOSUPPORT|, port 99 ignored, |send| unconnected
|EDESTADDRREQ|, |MSG_OOB| |EOPNOTSUPP|, \.{10.0.0.255} and
\.{255.255.255.255} |EACCES|, \.{0.0.0.0} reaches \.{127.0.0.1}; 0 and 1
bytes |EFAULT|, 2 bytes sent; 65515 bytes pass and 65516, 65535, 65536 are
|EMSGSIZE|; with \.{IP\_TTL} 33, \.{IP\_TOS} \.{0x10} and four option
bytes, the header is \.{46 10 00 20 \dots\ 21 01}.  A protocol-253 socket
sends 0 bytes as a 20-byte datagram.  A raw UDP socket's datagram with a
zero checksum is received by the UDP socket, one with a wrong checksum is
not.  An \.{IPPROTO\_RAW} socket with \.{IP\_HDRINCL} off sends protocol
255.  |MSG_PROBE| with 10 or 65516 bytes returns the count and sends
nothing.}

@<Private function prototypes@>=
static ssize_t raw_sendmsg(sr_sock *s, const struct msghdr *msg, size_t len, int flags);

@ @c
static ssize_t raw_sendmsg(sr_sock *s, const struct msghdr *msg, size_t len, int flags)
{
  bool hdrincl = (s->ipflags & IPF_HDRINCL) != 0;
  uint32_t daddr, faddr, saddr;
  struct sr_ipcm ipc;
  struct sr_rtres rt;
  const uint8_t *opt;
  int optlen, err;
  if (len > 0xFFFF) return -EMSGSIZE;
  if (flags & MSG_OOB) return -EOPNOTSUPP;
  @<Find the destination of a raw datagram, or fail@>@;
  @<Start |ipc| from the raw socket and read the control messages@>@;
  @<Choose the options of a raw datagram, or fail@>@;
  if (!hdrincl && s->protocol == IPPROTO_ICMP) {
    uint8_t type_code[2];
    if (len < sizeof type_code || !iov_gather(msg, 0, type_code, sizeof type_code))
      return -EFAULT;
  }
  @<Route a raw datagram to |daddr|, or fail@>@;
  if ((flags & MSG_CONFIRM) && (flags & SR_MSG_PROBE) && len == 0) return 0;
  if (!daddr) daddr = rt.saddr;
  if (hdrincl) err = raw_send_hdrinc(s, msg, len, flags, &ipc, &rt, daddr);
  else if (flags & SR_MSG_PROBE) err = 0;
  else err = ip_send_built(s, msg, len, flags, &ipc, &rt, daddr, opt, optlen);
  return err < 0 ? err : (ssize_t) len;
}

@ @<Find the destination of a raw datagram, or fail@>=
if ((err = raw_msg_daddr(s, msg, true, &daddr)) < 0) return err;

@ The destination of a raw or ping socket's send: the call's address (a
whole |sockaddr_in|, of family \.{AF\_INET} --- or \.{AF\_UNSPEC}, which a
raw socket takes as \.{AF\_INET} and a ping socket refuses), or the peer of
a connected socket.  A raw socket asks whether there is an address by its
length, a ping socket by its pointer: |sendto| with an address of length
0 is a send without one on a raw socket, |EINVAL| on a ping socket.

\kernel{a raw UDP socket, not connected: |sendto| ``hello'' to
\.{10.0.0.1} with length 0 is |EDESTADDRREQ| (a script found by
\.{sr-fuzz}).}

@<Private function prototypes@>=
static int raw_msg_daddr(const sr_sock *s, const struct msghdr *msg, bool unspec_ok,
  uint32_t *daddr);

@ @c
static int raw_msg_daddr(const sr_sock *s, const struct msghdr *msg, bool unspec_ok,
  uint32_t *daddr)
{
  const struct sockaddr_in *usin = msg->msg_name;
  if (!usin || (unspec_ok && !msg->msg_namelen)) {
    if (!s->connected) return -EDESTADDRREQ;
    *daddr = s->inet_daddr;
    return 0;
  }
  if (msg->msg_namelen < (socklen_t) sizeof *usin) return -EINVAL;
  if (usin->sin_family != AF_INET && !(unspec_ok && usin->sin_family == AF_UNSPEC))
    return -EAFNOSUPPORT;
  *daddr = usin->sin_addr.s_addr;
  return 0;
}

@ @<Start |ipc| from the raw socket and read the control messages@>=
ipcm_init_sk(s, &ipc);
if (msg->msg_controllen && (err = ip_cmsg_send(s, msg, &ipc)) < 0) return err;

@ The kernel holds the socket's options as a block that exists from the
first write of \.{IP\_OPTIONS} on, even when that write was empty, so a
socket that once wrote the option cannot send its own headers any more.

\kernel{with \.{IP\_HDRINCL}: after \.{IP\_OPTIONS} of four bytes, and
still after an empty \.{IP\_OPTIONS}, every send is |EINVAL|; an
\.{IP\_RETOPTS} message, even an empty one, is |EINVAL|; an \.{IP\_TTL}
message is accepted and changes nothing.}

@<Choose the options of a raw datagram, or fail@>=
opt = ipc.has_opt ? ipc.opt : s->opt;
optlen = ipc.has_opt ? ipc.optlen : s->optlen;
faddr = daddr;
if (ipc.has_opt || s->opt_set) {
  if (hdrincl) return -EINVAL;
  if (optlen && ip_options_first_hop(opt, optlen, &faddr) && !daddr) return -EINVAL;
}

@ The route, to the first hop of a source route if the options hold one,
found as UDP finds it (|ip_route_dgram|): a multicast destination leaves by
\.{IP\_MULTICAST\_IF}'s interface and source unless the call chose them,
and |MSG_DONTROUTE| limits the route to the attached networks.  A socket
that writes its own headers may use any source address --- the one it is
bound to or the one an \.{IP\_PKTINFO} message names, local or not ---
which the kernel grants as it grants a transparent socket.  An
\.{IP\_PKTINFO} message always replaces the source, even with
\.{0.0.0.0}, which leaves it to routing again.

\kernel{an \.{IP\_PKTINFO} message naming \.{10.9.9.9} as the source:
|ENETUNREACH| for a protocol-253 socket, and with \.{IP\_HDRINCL} the
datagram arrives from \.{10.9.9.9}; an \.{IPPROTO\_RAW} socket bound with
\.{IP\_FREEBIND} to \.{10.9.9.9} sends from it.  An ICMP raw socket bound
with \.{IP\_FREEBIND} to \.{192.0.2.1}: a send with an \.{IP\_PKTINFO}
message of interface 3 and source \.{0.0.0.0} is |ENODEV| (no interface 3)
rather than |ENETUNREACH| (a script found by \.{sr-fuzz}).}

@<Route a raw datagram to |daddr|, or fail@>=
saddr = ipc.addr;
if ((err = ip_route_dgram(s, daddr, faddr, saddr, &ipc, flags, hdrincl, false, &rt)) < 0)
  return err;

@ A datagram whose header the kernel builds, |ip_append_data|: the size
rule and the IP parameters are UDP's (the same section of the UDP chapter
applies, with its local error for \.{IP\_RECVERR}); the data is the
caller's.  For a raw socket there is no transport header, so the buffers
are charged against twice \.{SO\_SNDBUF} fragment by fragment, without
waiting --- and so, unlike UDP, a raw socket's send neither returns a
pending error nor refuses after \.{SHUT\_WR}.  A ping socket's datagram
starts with its ICMP header, which the kernel completes (next chapter),
and its buffers are charged as UDP's.

\kernel{with \.{IP\_PMTUDISC\_DO} on \.{eth0}, 1480 bytes pass and 1481
are |EMSGSIZE|, the error queue then holding errno 90, origin 1, info
1500, name \.{10.0.0.2} port 0; with four bytes of options 1477 bytes
fail with info 1496.  A connected protocol-253 socket whose datagram drew
``protocol unreachable'' still sends (the error waits for |recv|); after
\.{SHUT\_WR} it still sends.  Identification and DF as for UDP: an
unconnected socket's datagrams carry DF and consecutive identifiers, with
\.{IP\_PMTUDISC\_DO} identifier 0, a connected socket's come from its own
counter.}

@<Private function prototypes@>=
static int ip_send_built(sr_sock *s, const struct msghdr *msg, size_t len, int flags,
  const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr,
  const uint8_t *opt, int optlen);

@ @c
static int ip_send_built(sr_sock *s, const struct msghdr *msg, size_t len, int flags,
  const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr,
  const uint8_t *opt, int optlen)
{
  int thlen = ip_head_l4len(s);
  uint8_t *l4;
  int mtu, total, err;
  if ((err = ip_append_size_check(s, rt, daddr, optlen, len, false, &mtu)) < 0) return err;
  err = ip_frags_charge(s, flags, SR_IPHDR_LEN + optlen, len, mtu, thlen, &total);
  if (err) return err;
  l4 = xcalloc(1, len ? len : 1);
  if (!iov_gather(msg, 0, l4, len)) err = -EFAULT;
  else {
    if (thlen) ping_complete_header(s, l4, len);
    err = ip_output_sk(s, ipc, rt, daddr, opt, optlen, l4, len);
  }
  free(l4);
  s->wmem -= total;
  return err;
}

@*1 Headers written by the program.
\clause{ip.7:IP_HDRINCL}
\clause{ip.7:IP_HDRINCL:3}
@^ip.7:IP\_HDRINCL@>
With \.{IP\_HDRINCL} (always, for \.{IPPROTO\_RAW}) the data of a send is
the whole datagram, header first, and the kernel changes only what it must
(|raw_send_hdrinc|): a datagram longer than the interface's MTU is refused
with |EMSGSIZE| and a local error for \.{IP\_RECVERR} --- it is never
fragmented --- and one shorter than an IP header is |EINVAL|.  Then the
header is checked: a header length (|ihl|) below five words or beyond the
data is |EINVAL|.  The kernel fills in the source address when it is 0
(with the route's), the total length (always, from the length of the
send), the identification when it is 0 (with 0 if the program set DF,
from the host's counter otherwise), and the checksum (always).  Everything
else is the program's: version, TOS, TTL, flags and fragment offset (a
program may send fragments), protocol, destination, options.  The socket's
\.{IP\_TTL}, \.{IP\_TOS} and \.{IP\_OPTIONS} do not apply (options make the
send fail, above).  The datagram is routed by the address of the call,
whatever the header says: on a network it goes to that neighbour, and over
loopback it is delivered to this host whatever its destination field
says, since the kernel keeps the route it chose.  The buffer comes from the
send buffer as UDP's does, so a pending error is returned and a socket shut
for writing fails with |EPIPE|; and, as UDP's, a datagram that waits for a
neighbour to answer stays charged to the socket (\.{SIOCOUTQ} shows it:
2304 for 1473 bytes to a neighbour that does not answer; script
\.{raw/hdrincl-held.sr}, found by the differential fuzzer).

\kernel{an \.{IPPROTO\_RAW} socket sending to \.{127.0.0.1} a header with
TOS \.{0x20}, TTL 7, length 1234, checksum \.{0x5555} and the data:
source 0 and identifier 0 arrive as \.{127.0.0.1} and a fresh identifier;
source \.{127.0.0.5} (or \.{10.9.9.9}, not local) and identifier 77 arrive
as written; the length and checksum are corrected; a header with
destination \.{127.0.0.2}, \.{10.0.0.1}, \.{8.8.8.8} or \.{0.0.0.0}, sent
to \.{127.0.0.1}, is received by the host's ICMP raw socket with that
destination.  19 bytes, 0 bytes, |ihl| 4, |ihl| 0, |ihl| 6 with 20 bytes,
|ihl| 15 with 59 bytes: |EINVAL|; |ihl| 15 with 60 bytes passes; version 6
and version 0 are sent (and dropped by the receiving IP).  65535 bytes pass
on \.{lo}, 65536 are |EMSGSIZE|; 1500 bytes pass on \.{eth0}, 1501 are
|EMSGSIZE| (errno 90, origin 1, info 1500, name \.{10.0.0.2} port 0).
DF with identifier 0 arrives with identifier 0; a fragment (MF set) waits
for reassembly at the receiver; \.{IP\_TTL} 99 changes nothing; a
broadcast destination without \.{SO\_BROADCAST} is |EACCES|; a pending
``protocol unreachable'' is returned by the next send (|ENOPROTOOPT|);
after \.{SHUT\_WR}, |EPIPE|; |MSG_PROBE| with 30 bytes returns 30, with 10
|EINVAL|, with 1600 to \.{10.0.0.2} |EMSGSIZE|.}

@ \clause{socket.7:SO_TIMESTAMPING}
@^socket.7:SO\_TIMESTAMPING@>
A datagram written whole gets the send time stamps that
\.{SO\_TIMESTAMPING} asks for, as any other (the chapter on datagrams):
the packet takes the flags and the number; it names its socket, to which the
stamps go.  One that this host sends itself leaves by \.{lo}, whose
stamps the loopback path here makes.

\kernel{an \.{IPPROTO\_RAW} socket with |0x92| sending a 23-byte
datagram to \.{127.0.0.1}: one entry, 37 bytes (14 of link header and the
datagram as sent, with the source, length, identification and checksum
the kernel filled in), ``sent'', number 0 (script
\.{errq/timestamping-raw.sr}).}

@<Ask for the send time stamps of |pkt|@>=
{
  struct sr_ipout o;
  memset(&o, 0, sizeof o);
  ip_tx_tstamp_setup(s, ipc, &o);
  pkt->tx_flags = o.tx_flags;
  pkt->tskey = o.tskey;
  if (rt->type == SR_RT_LOCAL && pkt->tx_flags) dev_tx_tstamp(rt->ifindex, pkt);
}

@ @<Private function prototypes@>=
static int raw_send_hdrinc(sr_sock *s, const struct msghdr *msg, size_t len, int flags,
  const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr);

@ @c
static int raw_send_hdrinc(sr_sock *s, const struct msghdr *msg, size_t len, int flags,
  const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr)
{
  sr_host *h = s->host;
  sr_iface *dev = iface_by_index(h, rt->ifindex);
  int truesize, err;
  size_t ihl;
  sr_pkt *pkt;
  if (len > (size_t) dev->mtu) {
    ip_local_error(s, EMSGSIZE, daddr, s->inet_dport, (uint32_t) dev->mtu);
    return -EMSGSIZE;
  }
  if (len < SR_IPHDR_LEN) return -EINVAL;
  if (flags & SR_MSG_PROBE) return 0;
  truesize = skb_alloc_size((int) len + SR_SKB_EXTRA + SR_SKB_SHINFO) + SR_SKB_STRUCT;
  if ((err = sock_alloc_send(s, flags, truesize)) != 0) return err;
  pkt = pkt_new(NULL, len);
  if (!iov_gather(msg, 0, pkt->data, len)) err = -EFAULT;
  else if ((ihl = (size_t) (pkt->data[0] & 0xf) * 4) > len || ihl < SR_IPHDR_LEN)
    err = -EINVAL;
  if (err) {
    free(pkt);
    s->wmem -= truesize;
    return err;
  }
  @<Fill in the fields of the program's header that the kernel owns@>@;
  pkt->iif = rt->iif;
  pkt->sk = s; /* charged to |s| while a neighbour holds it */
  pkt->truesize = truesize;
  if (ipc->tsflags & SR_SOF_TX_RECORD_MASK) @<Ask for the send time stamps of |pkt|@>@;
  if (rt->type == SR_RT_LOCAL) ip_loop_local(h, pkt);
  else ip_send(h, rt->type, rt->ifindex, rt->nexthop, pkt, dev->mtu,
    (s->ipflags & IPF_MC_LOOP) != 0);
  s->wmem -= truesize;
  return 0;
}

@ @<Fill in the fields of the program's header that the kernel owns@>=
if (get_addr(pkt->data + 12) == 0) put_addr(pkt->data + 12, rt->saddr);
put16(pkt->data + 2, (uint16_t) len);
if (get16(pkt->data + 4) == 0 && !(get16(pkt->data + 6) & IP_DF))
  put16(pkt->data + 4, h->ip_ident++);
put16(pkt->data + 10, 0);
put16(pkt->data + 10, inet_csum(pkt->data, ihl));

@ A datagram routed to this host over loopback keeps its route: it is
captured on \.{lo} and delivered here as a local datagram, without the
input routing that would look at its destination field.

@<Private function prototypes@>=
static void ip_loop_local(sr_host *h, sr_pkt *pkt);

@ @c
static void ip_loop_local(sr_host *h, sr_pkt *pkt)
{
  sr_iface *lo = iface_by_index(h, SR_LOOPBACK_IFINDEX);
  if (!(lo->flags & IFF_UP)) { free(pkt); return; }
  pcap_record(h, SR_LOOPBACK_IFINDEX, pkt, true);
  dev_loop(h, SR_LOOPBACK_IFINDEX, pkt, SR_RT_LOCAL);
}

@ \clause{ip.7:IP_HDRINCL:2}
@^ip.7:IP\_HDRINCL@>
Only raw sockets write their own headers; the option layer refuses the
flag elsewhere (chapter on IP options).  A raw socket of any protocol may
turn it on: the protocol field is then the program's, and the datagram
reaches the raw sockets of that protocol.

\kernel{an ICMP raw socket with \.{IP\_HDRINCL} sending a header of
protocol 17: a raw UDP socket receives it, the ICMP raw socket does
not.}

@*1 Errors.
\clause{ip.7:IP_RECVERR:23}
@^ip.7:IP\_RECVERR@>
An ICMP error that quotes a datagram of protocol $p$ is shown to every raw
socket of protocol $p$ that matches the quoted datagram as if it were the
sender --- connected to nothing or to the quoted destination, bound to
nothing or to the quoted source, bound to no device or to the interface
the error arrived on --- whether or not that socket sent it
(|raw_icmp_error|); then the protocol itself handles the error (UDP, or
the ping sockets for an echo request).  For each socket, |raw_err|:
\smallskip
\item{1.} ``fragmentation needed'' teaches the host the path MTU;
\item{2.} a socket without \.{IP\_RECVERR} that is not connected hears
nothing more;
\item{3.} source quench is ignored; a parameter problem is |EPROTO|, hard;
``time exceeded'' and unknown types |EHOSTUNREACH|; destination unreachable
as UDP converts it (|icmp_err_convert|), except that ``fragmentation
needed'' is |EMSGSIZE|, hard unless the socket's \.{IP\_MTU\_DISCOVER} mode
is \.{DONT};
\item{4.} with \.{IP\_RECVERR} the error joins the error queue, its data
the quoted datagram after the IP header --- or from the IP header on, for a
socket that writes its own headers --- named by the quoted destination
with port 0, and the error is pending;
\item{5.} without it, a connected socket finds a hard error pending.
\smallskip\noindent
A pending error is returned by the next receive (and by a send only when
the socket writes its own headers, above).  The ICMP filter does not
apply to errors.

\kernel{a protocol-253 socket bound to \.{10.0.0.1} with \.{IP\_RECVERR}
sends 13 bytes to \.{127.0.0.1}, which has no such socket: \.{SO\_ERROR}
reads 92, the error queue gives the 13 bytes, name \.{127.0.0.1} port 0,
errno 92, origin 2, type 3, code 2, offender \.{127.0.0.1}; a socket bound
to \.{10.0.0.1} and connected to \.{127.0.0.1} without the flag reads 92,
then |recv| fails with |ENOPROTOOPT|; an unconnected one without the flag
reads 0; one with \.{IP\_HDRINCL} gets the 33 bytes from the IP header
on.  A raw UDP socket with \.{IP\_RECVERR} hears of a UDP socket's
datagram to a closed port: 111, data from the UDP header on.  Across a
router: an ICMP raw socket filtering every type, with \.{IP\_RECVERR},
sends an echo to a prohibited network and gets the 12-byte quoted echo
(errno 113, code 13, offender the router); a raw ICMP socket connected to
that destination reads 113; a protocol-253 datagram to a host without
such a socket draws errno 92 for the sender with \.{IP\_RECVERR} and for
a socket connected to that host, not for one connected elsewhere.  An
error that quotes fewer than eight bytes after the IP header reaches
nobody.}

@<Private function prototypes@>=
static void raw_icmp_error(const struct sr_rx *icmp, int type, int code, uint32_t info,
  const uint8_t *orig_ip, size_t len);
static void raw_err(sr_sock *s, const struct sr_rx *icmp, int type, int code,
  uint32_t info, const uint8_t *orig_ip, size_t len);

@ @c
static void raw_icmp_error(const struct sr_rx *icmp, int type, int code, uint32_t info,
  const uint8_t *orig_ip, size_t len)
{
  int proto = orig_ip[9];
  uint32_t saddr = get_addr(orig_ip + 12), daddr = get_addr(orig_ip + 16);
  sr_slot *sl = slot_find(&icmp->host->raw, KEY_PORT(proto));
  for (sr_sock *s = sl ? sl->first : NULL; s; s = s->lk[LK_PORT].next)
    if (raw_v4_match(s, proto, daddr, saddr, icmp->dev_ifindex))
      raw_err(s, icmp, type, code, info, orig_ip, len);
}

static void raw_err(sr_sock *s, const struct sr_rx *icmp, int type, int code,
  uint32_t info, const uint8_t *orig_ip, size_t len)
{
  size_t ihl = (size_t) (orig_ip[0] & 0xf) * 4;
  bool recverr = (s->ipflags & IPF_RECVERR) != 0, hard = false;
  int err;
  if (type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED)
    ip_rt_update_pmtu(s->host, get_addr(orig_ip + 16), info);
  if (!recverr && !s->connected) return;
  if (type == ICMP_SOURCE_QUENCH) return;
  err = icmp_error_errno(s, type, code, &hard);
  if (recverr) {
    size_t skip = (s->ipflags & IPF_HDRINCL) ? 0 : ihl;
    ip_icmp_error(s, icmp, err, type, code, info, 0, get_addr(orig_ip + 16),
      orig_ip + skip, len - skip);
  }
  if (recverr || hard) {
    s->err = err;
    sock_error_report(s);
  }
}

@ The error number of an ICMP error as raw and ping sockets see it, and
whether it is hard.

@<Private function prototypes@>=
static int icmp_error_errno(const sr_sock *s, int type, int code, bool *hard);

@ @c
static int icmp_error_errno(const sr_sock *s, int type, int code, bool *hard)
{
  *hard = false;
  switch (type) {
  case ICMP_PARAMETERPROB: *hard = true; return EPROTO;
  case ICMP_DEST_UNREACH:
    if (code > NR_ICMP_UNREACH) return EHOSTUNREACH;
    if (code == ICMP_FRAG_NEEDED) {
      *hard = s->pmtudisc != IP_PMTUDISC_DONT;
      return EMSGSIZE;
    }
    *hard = icmp_unreach_err[code].hard;
    return icmp_unreach_err[code].err;
  default: return EHOSTUNREACH;
  }
}

@*1 Router alert.
\clause{ip.7:IP_ROUTER_ALERT}
\clause{ip.7:IP_ROUTER_ALERT:4}
\clause{ip.7:IP_ROUTER_ALERT:5}
@^ip.7:IP\_ROUTER\_ALERT@>
@^routers@>
A router hands a datagram it is about to forward to its router-alert
listeners when the datagram carries the router-alert option with value 0
(RFC~2113) and some listener matches: a raw socket with
\.{IP\_ROUTER\_ALERT} set, of the datagram's protocol, bound to no device
or to the arrival interface.  Its address and its peer do not matter.
Every matching listener gets a copy of the datagram as it arrived (TTL
not yet decremented), fragments first reassembled, and the datagram is
not forwarded --- the listener may send it on.  This happens before the
TTL is checked, so a datagram with TTL 1 is tapped rather than answered
with ``time exceeded''; it happens only on a host that forwards.  The
ICMP filter does not apply.  A datagram with the option addressed to the
host itself is delivered as any other, raw sockets included.  The kernel's
chain of listeners (|ip_ra_control|) is kept per host, in the order the
sockets joined; a socket leaves it when it turns the option off or is
closed.  (The fragments of a tapped datagram wait for reassembly in the
host's queue; should the queue expire, Linux answers ``reassembly time
exceeded'' as for a local datagram, the model does not.)
@^model limits@>

\kernel{router \.{R} between \.{10.1.0.0/24} and \.{10.2.0.0/24}, a UDP
datagram with the option from \.{10.1.0.1} to \.{10.2.0.3}: \.{R}'s raw
UDP socket with the option receives it (TTL 64, the option \.{94 04 00
00}), the raw ICMP socket with the option and a plain raw UDP socket do
not, and \.{10.2.0.3} receives nothing; the same datagram without the
option is forwarded; with TTL 1 it is tapped and no ``time exceeded''
comes back; sockets bound to \.{10.2.0.254} or ``connected'' elsewhere
receive it too; one bound to device \.{r2} (not the arrival interface)
does not, and the datagram is forwarded; bound to \.{r1b} it does; an
ICMP listener filtering echo requests still receives a tapped echo
request; after the option is turned off the echo is forwarded; with
\.{ip\_forward} 0 nothing is tapped; a 3000-byte datagram arriving in
fragments reaches two listeners whole (3032 bytes); the option on a
datagram to \.{R} itself: the listener and a plain raw UDP socket both
receive it as local raw sockets.}

@<Fields of a host@>=
sr_sock *ra_chain; /* the router-alert listeners, in the order they joined */

@ @<Private function prototypes@>=
static void ip_ra_control(sr_sock *s, bool on);
static bool ip_call_ra_chain(sr_host *h, int ifindex, sr_pkt *pkt);
static bool ip_has_router_alert(const uint8_t *pkt);

@ @c
static void ip_ra_control(sr_sock *s, bool on)
{
  sr_sock **pp = &s->host->ra_chain;
  if (on == s->ra_on) return;
  while (*pp && *pp != s) pp = &(*pp)->ra_next;
  if (on) *pp = s;
  else *pp = s->ra_next;
  s->ra_next = NULL;
  s->ra_on = on;
}

@ Delivering to the listeners, |ip_call_ra_chain|.  When the datagram is
tapped the function takes it (and frees it); otherwise the caller still
owns it and forwards it.

@c
static bool ip_call_ra_chain(sr_host *h, int ifindex, sr_pkt *pkt)
{
  struct sr_rx rx;
  bool tapped = false;
  if (!ip_has_router_alert(pkt->data)) return false;
  for (sr_sock *s = h->ra_chain; s; s = s->ra_next) {
    if (s->inet_num != pkt->data[9] || (s->bound_dev_if && s->bound_dev_if != ifindex))
      continue;
    if (!tapped && (get16(pkt->data + 6) & (IP_MF | IP_OFFMASK))) {
      tapped = true;
      if (!(pkt = ip_defrag(h, ifindex, pkt, SR_RT_UNICAST))) return true;
    }
    tapped = true;
    ip_rx_fill(h, ifindex, pkt, SR_RT_UNICAST, &rx);
    raw_rcv(s, &rx, pkt->data, pkt->len);
  }
  if (tapped) free(pkt);
  return tapped;
}

@ The option counts when it is the four-byte router alert with value 0,
as the kernel's |ip_options_compile| records it.

@c
static bool ip_has_router_alert(const uint8_t *pkt)
{
  int optlen = (pkt[0] & 0xf) * 4 - SR_IPHDR_LEN;
  uint8_t *p;
  for (int pos = 0; (p = ipopt_next((uint8_t *) pkt + SR_IPHDR_LEN, optlen, &pos)) != NULL;)
    if (p[0] == IPOPT_RA && p[1] == 4 && p[2] == 0 && p[3] == 0) return true;
  return false;
}

@*1 \.{IP\_NODEFRAG}.
\clause{ip.7:IP_NODEFRAG}
\clause{ip.7:IP_NODEFRAG:3}
@^ip.7:IP\_NODEFRAG@>
The flag keeps the connection tracker of the packet filter from
reassembling the fragments a raw socket sends (a program writing its own
fragments may want them to leave as written).  The model has no packet
filter, and a network namespace has none either until a rule asks for
connection tracking, so the flag has no effect beyond being read back: a
raw socket's fragments always leave as written, and raw sockets always
receive datagrams reassembled --- the flag on a receiving socket changes
nothing.
@^model limits@>

\kernel{an \.{IPPROTO\_RAW} socket with the flag sends the two fragments
of a 24-byte protocol-253 datagram to \.{127.0.0.1}; a protocol-253
socket with the flag, like one without, receives nothing after the first
fragment and the whole 44-byte datagram after the second.}

@*1 Releasing.
A raw socket that is closed leaves the router-alert chain (the raw table
it leaves through the binding chapter's |sock_unhash|).

@<Private function prototypes@>=
static void raw_release(sr_sock *s);

@ @c
static void raw_release(sr_sock *s)
{
  ip_ra_control(s, false);
}

@ \.{IP\_PROTOCOL} (52), the control message that names the protocol a raw
socket's datagram is routed as, is the kernel's; the C library does not
define it.

@<Constants of the model@>=
#ifndef IP_PROTOCOL
#define IP_PROTOCOL 52
#endif
