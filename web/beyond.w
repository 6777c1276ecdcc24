@* Options beyond the pages.
Linux 6.18 has more socket options than {\it socket\/}(7) and {\it ip\/}(7)
describe.  A program that uses sockref as an oracle meets them all the
same, and an answer of |ENOPROTOOPT| where the kernel says 0 is a
divergence.  This chapter implements those options.  They have rows in
\.{spec/options.tsv} like the others, but a row's clause is a
pseudo-clause \.{linux:NAME}: what the row says was measured on the kernel
and read in its source (\.{net/core/sock.c} |sk_setsockopt| and
|sk_getsockopt|, \.{net/ipv4/ip\_sockglue.c} |do_ip_setsockopt| and
|do_ip_getsockopt|, \.{net/ipv4/udp.c} |udp_lib_setsockopt| and
|udp_lib_getsockopt|), not read in the pages.  The catalogue does not count
them; each section below names its option with \.{\\beyond}, says where
in the kernel it lives, and records the measurement.

What a section cannot give --- an effect that needs a part of the kernel
the model does not have (TCP connections, eBPF, memory cgroups, IPv6,
time-based packet scheduling) --- is said in the section and in the
README's ``Model limits''; the validation and the values read back are the
kernel's all the same.
@^model limits@>

@ The kernel's structures and numbers of these options.

@<Header files@>=
#include <linux/sock_diag.h>
#include <linux/net_tstamp.h>

@ The state these options keep.  The cookie is given on first request,
as the kernel gives it (|sock_gen_cookie|).

@<Socket-layer fields of a socket@>=
uint64_t cookie; /* \.{SO\_COOKIE}; 0 until asked for */
int zerocopy, rcvmark, prefer_busy_poll, busy_poll_budget;
int txtime_clockid, txtime_flags; /* \.{SO\_TXTIME} */
bool txtime_on; /* \.{SO\_TXTIME} was set: \.{SCM\_TXTIME} is allowed */

@ @<IP fields of a socket@>=
uint32_t local_port_range; /* \.{IP\_LOCAL\_PORT\_RANGE}: low $\vert$ high${}\ll16$ */

@ @<UDP fields of a socket@>=
int udp_cork, udp_gso_size, udp_gro, udp_encap; /* the options of \.{SOL\_UDP} */
int udp_no_check6_tx, udp_no_check6_rx;
int fwd_alloc; /* |sk_forward_alloc|, for \.{SO\_MEMINFO} */
bool udp_encap_rcv; /* \.{UDP\_ENCAP} 0 or 2 was written: IPsec's hook is set */

@ @<Socket-layer fields of a socket@>=
int no_check_tx; /* \.{SO\_NO\_CHECK} */

@ @<Network fields of the world@>=
uint64_t last_cookie; /* the last socket cookie given out */

@*1 The level SOL\_UDP.
\beyond{SOL_UDP}
A UDP socket (and a UDP-Lite one) has options of its own at level
\.{SOL\_UDP}, which is the protocol's number, 17; the level
\.{SOL\_UDPLITE} (136) reaches the same options on both.  Every other
socket sends these levels to IP, which refuses them as an unknown level
(|ENOPROTOOPT| on a write, |EOPNOTSUPP| on a read), as it refuses them in
the model already.  The rules of the level (|udp_lib_setsockopt| and
|udp_lib_getsockopt|) are those of \.{SOL\_SOCKET} for an |int|: a write
reads an |int| before it looks at the name (|optlen| below 4 is
|EINVAL|, a null value |EFAULT|, even for a name that does not exist); a
read checks its length ($-1$ is |EINVAL|, for any name), then the name,
and gives the first $\min(optlen, 4)$ bytes of the |int|.

\kernel{on UDP: \.{setsockopt(SOL\_UDP, 999)} with |optlen| 3 is |EINVAL|,
with a null value |EFAULT|, with 4 bytes |ENOPROTOOPT|; \.{UDP\_CORK}
read with |optlen| 2 gives two bytes, with 0 none, with a null value
|EFAULT|; \.{SOL\_UDPLITE} sets \.{UDP\_CORK} on a UDP socket; on TCP and
raw sockets \.{SOL\_UDP} is |ENOPROTOOPT| to write and |EOPNOTSUPP| to
read.}

@<Private function prototypes@>=
static bool opt_udp_level(const sr_sock *s, int level);

@ @c
static bool opt_udp_level(const sr_sock *s, int level)
{
  return (level == SOL_UDP || level == SR_SOL_UDPLITE) && s->type == SOCK_DGRAM &&
    (s->protocol == IPPROTO_UDP || s->protocol == IPPROTO_UDPLITE);
}

@ @<Constants of the model@>=
#ifndef IP_PROTOCOL
#define IP_PROTOCOL 52
#endif
#ifndef IP_LOCAL_PORT_RANGE
#define IP_LOCAL_PORT_RANGE 51 /* \.{linux/in.h}; glibc's headers lack it */
#endif
#ifdef SOL_UDPLITE
#define SR_SOL_UDPLITE SOL_UDPLITE
#else
#define SR_SOL_UDPLITE 136 /* \.{linux/socket.h}; glibc's headers lack it */
#endif

@ \beyond{UDP_CORK}
\.{UDP\_CORK} is |MSG_MORE| made permanent: while it is set, every send
adds to the pending datagram (|udp_sendmsg| asks for corking when the
flag or |MSG_MORE| is set), and clearing it sends the pending datagram at
once (|udp_push_pending_frames|), whatever that send's fate --- the
write itself answers 0 --- and the network runs until it is quiet, as
after a send.  Any nonzero value sets it; a read gives 0 or 1.

\kernel{with \.{UDP\_CORK} 7, two sends of ``ab'' and ``cd'' deliver
nothing; \.{UDP\_CORK} 0 delivers one datagram ``abcd''; a read gives 1
(script \.{udp/UDP\_CORK.cork.sr}).}

@c
static int set_udp_cork(sr_sock *s, sr_optreq *rq)
{
  s->udp_cork = rq->val != 0;
  if (!s->udp_cork && s->cork) {
    udp_cork_push(s);
    net_run();
  }
  return 0;
}

@ \beyond{UDP_SEGMENT}
The segment size of every send, as if each carried a \.{UDP\_SEGMENT}
control message (which still overrides it): a send longer than one
segment leaves as datagrams of that size (see the control message, in
the chapter on the UDP data path).  0 to 65535 (|EINVAL| else); 0 turns
it off.

\kernel{$-1$ and 65536 are |EINVAL|, 65535 reads back.}

@ \beyond{UDP_GRO}
\beyond{UDP_ENCAP}
\beyond{UDP_NO_CHECK6_TX}
\beyond{UDP_NO_CHECK6_RX}
Flags and a number kept for reads.  \.{UDP\_GRO} lets the socket receive a
datagram that generic receive offload merged, or a segmentation-offload
packet that was never cut, whole, with its segment size in a
\.{UDP\_GRO} control message (level \.{SOL\_UDP}, an |int|).  The model
does not: its links merge nothing, and a send with \.{UDP\_SEGMENT} is
cut into datagrams when it is sent (chapter {\it The UDP data path\/}),
where Linux sends one packet over \.{lo} and veth and cuts it only for a
receiving socket without \.{UDP\_GRO} --- so in Linux a \.{UDP\_GRO}
socket receives 250 bytes sent in segments of 100 as one datagram with
the message 100, and a raw socket sees one datagram of 278 bytes, where
the model delivers three datagrams to both.  \.{UDP\_NO\_CHECK6\_TX}
and \.{\_RX} concern UDP over IPv6 only; on an \.{AF\_INET} socket they
are stored and read and change nothing, in Linux as here.  \.{UDP\_ENCAP}
takes 0, \.{UDP\_ENCAP\_ESPINUDP} (2) and \.{UDP\_ENCAP\_L2TPINUDP} (3),
and |ENOPROTOOPT| for any other value (1, \.{ESPINUDP\_NON\_IKE}, is gone
from Linux).  A write of 0 or \.{UDP\_ENCAP\_ESPINUDP} also sets the
socket's hook to IPsec's (|xfrm4_udp_encap_rcv|), which stays; from then
on, while the value is not 0, the hook looks at every datagram before the
socket does (after checking its checksum: a bad one is dropped and
counted): a one-byte \.{0xff} (a NAT keep-alive) is eaten, and one of
more than 8 bytes whose first four are not zero is an ESP packet, handed
to IPsec, which --- with no security association, as the model never has
one --- drops it uncounted.  The rest, IKE with its zero marker among
them, is received as usual, marker and all.  \.{UDP\_ENCAP\_L2TPINUDP}
alone sets no hook (the L2TP module would), so it changes nothing ---
unless a write of 0 or 2 came before.  Raw sockets see every datagram.
@^model limits@>

\kernel{\.{UDP\_ENCAP} 0, 2, 3 succeed and read back; 1, 4, 5 are
|ENOPROTOOPT| and leave the value; \.{UDP\_GRO} 5 reads 1.  With
\.{ESPINUDP}: of \.{ff}, \.{00}, \.{ffff}, eight nonzero bytes, nine,
twelve beginning with four zeros, twenty nonzero and none, the socket
receives all but the first, the nine and the twenty, and counts no drop;
a raw socket sees the twenty.  A new socket with \.{L2TPINUDP} receives
the twenty, one after 0 then \.{L2TPINUDP}, or 2 then 0 then
\.{L2TPINUDP}, does not; after 2 then 0 it does (script
\.{udp/UDP\_ENCAP.espinudp.sr}).  On \.{lo},
250 bytes sent with \.{UDP\_SEGMENT} 100 reach a socket with
\.{UDP\_GRO} as one datagram of 250 bytes and the message
$\{$\.{SOL\_UDP}, \.{UDP\_GRO}, 100$\}$, a socket without it as 100,
100 and 50 bytes, and a raw socket of protocol UDP as one datagram of 278
bytes (UDP length 258); 50 bytes arrive plain.}

@c
static int set_udp_encap(sr_sock *s, sr_optreq *rq)
{
  if (rq->val != 0 && rq->val != UDP_ENCAP_ESPINUDP && rq->val != UDP_ENCAP_L2TPINUDP)
    return -ENOPROTOOPT;
  if (rq->val != UDP_ENCAP_L2TPINUDP) s->udp_encap_rcv = true;
  s->udp_encap = rq->val;
  return 0;
}

@ The hook, |__xfrm4_udp_encap_rcv|: whether it takes the arrival from the
socket.

@<Private function prototypes@>=
static bool udp_encap_takes(sr_sock *s, const struct udp_arrival *a);

@ @c
static bool udp_encap_takes(sr_sock *s, const struct udp_arrival *a)
{
  uint32_t spi;
  if (!s->udp_encap || !s->udp_encap_rcv) return false;
  if (a->bad) {
    s->drops++;
    return true;
  }
  if (a->u.datalen == 1 && a->u.data[0] == 0xff) return true;
  if (a->u.datalen <= 8) return false;
  memcpy(&spi, a->u.data, sizeof spi);
  return spi != 0;
}

@*1 IP options beyond the pages.
\beyond{IP_MINTTL}
The smallest TTL a received packet may carry (RFC 5082, the ``generalized
TTL security mechanism''): a byte, 0 to 255, 0 turning it off.  Linux
applies it to TCP only (|tcp_v4_rcv| drops the segment): UDP and raw
sockets receive datagrams of any TTL, and so does the model.  TCP
connections are not modelled, so the option has no effect here that Linux
would show.
@^model limits@>

\kernel{$-1$ and 300 are |EINVAL|; optlen 0 is |EINVAL|; one byte
\.{0xff} sets 255; a UDP socket with \.{IP\_MINTTL} 100 receives a
datagram of TTL 64, and so does a raw socket.}

@ \beyond{IP_UNICAST_IF}
The interface that unicast datagrams leave by when nothing else chose one
(no \.{SO\_BINDTODEVICE}, no \.{IP\_PKTINFO} on the call): the route is
looked up for that interface, as \.{SO\_BINDTODEVICE} would have it, but
receiving is not restricted.  The value is an interface index in {\it
network\/} byte order, exactly 4 bytes (|EINVAL|), and is read back in
the same order; 0 clears it; an index no interface has is
|EADDRNOTAVAIL|; a socket bound to a device refuses it (|EINVAL|) --- but
still accepts 0.  The effect is in |ip_route_dgram| (UDP, raw and ping
sockets) and in |connect|.

\kernel{\.{htonl(3)} on \.{eth0}'s index 3 succeeds and reads back as
\.{00 00 00 03}; the host-order 3 is |EADDRNOTAVAIL|; optlen 3 and 8 are
|EINVAL|; after \.{SO\_BINDTODEVICE} ``lo'' both \.{eth0} and \.{lo} are
|EINVAL| and 0 succeeds.}

@c
static int set_unicast_if(sr_sock *s, sr_optreq *rq)
{
  int ifindex;
  if (rq->len != (int) sizeof(int)) return -EINVAL;
  ifindex = (int) ntohl((uint32_t) rq->val);
  if (ifindex == 0) {
    s->uc_index = 0;
    return 0;
  }
  if (!iface_by_index(s->host, ifindex)) return -EADDRNOTAVAIL;
  if (s->bound_dev_if) return -EINVAL;
  s->uc_index = ifindex;
  return 0;
}

static int get_unicast_if(sr_sock *s, sr_optreq *rq)
{
  rq->val = (int) htonl((uint32_t) s->uc_index);
  return 0;
}

@ \beyond{IP_LOCAL_PORT_RANGE}
A socket's own narrowing of the ephemeral ports: a 32-bit word, the low
port in its lower half and the high one in its upper half, either 0 for
``no bound''.  Exactly 4 bytes (|EINVAL|); both bounds nonzero with the
low above the high is |EINVAL|; nothing else is checked when it is
written.  When a port is chosen (|inet_sk_get_local_port_range|), a bound
that lies inside the host's \.{ip\_local\_port\_range} replaces the
host's; one outside it is ignored.  UDP's and TCP's searches for a free
port and TCP's |connect| use the narrowed range.

\kernel{optlen 3, 5 and 8 are |EINVAL|, a null value of 4 bytes
|EFAULT|; 40000 to 40010 reads back \.{0x9c4a9c40}; 40010 to 40000 is
|EINVAL|; a low bound alone, a high bound alone, and 5 to 7 are
accepted.  With 40000 to 40002 a UDP bind to port 0 gets 40002, a TCP one
40001; with 61000 to 61005 (outside the host's range) a port anywhere in
the host's; with 40000 to 40001, two UDP binds get 40000 and 40001, a
third |EADDRINUSE|, and |connect| |EAGAIN|.}

@c
static int set_local_port_range(sr_sock *s, sr_optreq *rq)
{
  uint32_t v = (uint32_t) rq->val;
  uint16_t lo = (uint16_t) v, hi = (uint16_t) (v >> 16);
  if (rq->len != (int) sizeof(uint32_t)) return -EINVAL;
  if (lo && hi && lo > hi) return -EINVAL;
  s->local_port_range = v;
  return 0;
}

static int get_local_port_range(sr_sock *s, sr_optreq *rq)
{
  rq->val = (int) s->local_port_range;
  return 0;
}

@ The range a socket draws from.

@<Private function prototypes@>=
static void inet_sk_local_port_range(const sr_sock *s, int *low, int *high);

@ @c
static void inet_sk_local_port_range(const sr_sock *s, int *low, int *high)
{
  int sk_lo = (int) (s->local_port_range & 0xffff), sk_hi = (int) (s->local_port_range >> 16);
  local_port_range(s->host, low, high);
  if (!s->local_port_range) return;
  if (*low <= sk_lo && sk_lo <= *high) *low = sk_lo;
  if (*low <= sk_hi && sk_hi <= *high) *high = sk_hi;
}

@ \beyond{IP_PROTOCOL}
Read only: the kernel's |inet_num|, which is the protocol number of a raw
socket and the local port of any other (0 while it has none) --- not the
protocol of a UDP or TCP socket, whatever the name says.  Writing it is
|ENOPROTOOPT|; as a control message on a send it is the protocol a raw
socket's route is looked up for (chapter {\it Raw sockets\/}).

\kernel{UDP and TCP sockets read 0, then bound to ports 5000 and 6000 read
5000 and 6000; a UDP socket after |connect| reads its ephemeral port; raw
sockets read 17, 253 and 255; with |optlen| 1 the byte 253.}

@c
static int get_protocol_num(sr_sock *s, sr_optreq *rq)
{
  rq->val = s->inet_num;
  return 0;
}

@ \beyond{IP_CHECKSUM}
\beyond{IP_RECVFRAGSIZE}
\beyond{IP_RECVERR_RFC4884}
Three receive options, each a flag.  \.{IP\_CHECKSUM} asks for the
checksum the device computed over a received datagram's payload, in an
\.{IP\_CHECKSUM} control message --- only for a datagram whose device
summed it whole (|CHECKSUM_COMPLETE|), which \.{lo} and veth never do:
so on the model's links, as on those, it adds nothing.
\.{IP\_RECVFRAGSIZE} asks for the size of the largest fragment of a
reassembled datagram; it is refused on a stream socket (|EINVAL|, on
writes only).  Reassembly notes the IP length of the largest fragment in
the whole datagram's packet (|ip_frag_reasm|), the arrival carries it to
the queue entry, and |ip_cmsg_recv| (chapter {\it The UDP data path\/})
puts it last among IP's messages, for UDP and raw sockets alike.
\.{IP\_RECVERR\_RFC4884} (0 or 1, as an |int| or a byte: |EINVAL| else)
asks that an ICMP error's RFC~4884 length field be checked and reported
in |ee_rfc4884|; the ICMP errors Linux and the model send carry no
extension, so for them nothing changes, and the model does not parse the
extensions of an ICMP message injected with one.
@^model limits@>

\kernel{\.{IP\_CHECKSUM} 2 reads 1, and with |optlen| 0 clears it; a
datagram on \.{lo} with \.{IP\_CHECKSUM} and \.{IP\_RECVFRAGSIZE} has no
control message; \.{IP\_RECVFRAGSIZE} on TCP is |EINVAL| even for 0 and
reads 0; fragments of 52 and 36 bytes written by a raw socket give a UDP
and a raw socket the message 52, a whole datagram none (script
\.{ipopt/IP\_RECVFRAGSIZE.reassembled.sr}); 3000 bytes over a veth of
MTU 1500 give 1500; \.{IP\_RECVERR\_RFC4884} 2 and $-1$ are |EINVAL|, so is the
byte \.{0xff}, and |optlen| 0 clears it.}

@*1 Multicast with protocol-independent structures.
\beyond{MCAST_JOIN_GROUP}
\beyond{MCAST_LEAVE_GROUP}
RFC 3678's options name groups and sources with |sockaddr_storage|
members, so that one interface serves IPv4 and IPv6, and interfaces by
index only.  On an \.{AF\_INET} socket they are the options of the
multicast chapter in other clothes, and share its code: memberships,
source lists, limits and option memory are the same.  Unlike
\.{IP\_ADD\_MEMBERSHIP} they have no stream test: a TCP socket joins.

\.{MCAST\_JOIN\_GROUP} and \.{MCAST\_LEAVE\_GROUP} take a |group_req| (at
least 136 bytes: |EINVAL|); the group's family must be \.{AF\_INET}
(|EINVAL|); the interface index 0 leaves the interface to the routing
table, as a join without an address does.

\kernel{on TCP and raw sockets the join succeeds; 135 bytes are |EINVAL|,
a null value of 136 |EFAULT|, of 135 |EINVAL|; family \.{AF\_INET6} or 0
|EINVAL|; \.{10.0.0.5} |EINVAL|, also with index 99; \.{224.1.1.1} with
index 99 |ENODEV|; joined with index 0, a join with \.{eth0}'s index is
|EADDRINUSE| and one with \.{lo}'s succeeds; a leave of a group not
joined, or of \.{10.0.0.5}, is |EADDRNOTAVAIL|, and so is a leave with
index 99; a leave with family \.{AF\_INET6} is |EINVAL|.}

@c
static int group_req_decode(const sr_optreq *rq, struct ip_mreqn *mr)
{
  struct group_req gr;
  struct sockaddr_in sin;
  if (rq->len < (int) sizeof gr) return -EINVAL;
  if (!rq->buf) return -EFAULT;
  memcpy(&gr, rq->buf, sizeof gr);
  memcpy(&sin, &gr.gr_group, sizeof sin);
  if (sin.sin_family != AF_INET) return -EINVAL;
  memset(mr, 0, sizeof *mr);
  mr->imr_multiaddr = sin.sin_addr;
  mr->imr_ifindex = (int) gr.gr_interface;
  return 0;
}

static int set_mcast_join_group(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreqn mr;
  int err = group_req_decode(rq, &mr);
  return err ? err : mc_join(s, &mr, MCAST_EXCLUDE);
}

static int set_mcast_leave_group(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreqn mr;
  int err = group_req_decode(rq, &mr);
  return err ? err : mc_leave(s, &mr);
}

@ @<Private function prototypes@>=
static int group_req_decode(const sr_optreq *rq, struct ip_mreqn *mr);
static int group_source_decode(const sr_optreq *rq, struct ip_mreq_source *mrs,
  int *ifindex);

@ \beyond{MCAST_JOIN_SOURCE_GROUP}
\beyond{MCAST_LEAVE_SOURCE_GROUP}
\beyond{MCAST_BLOCK_SOURCE}
\beyond{MCAST_UNBLOCK_SOURCE}
The four source operations take a |group_source_req| of exactly 264
bytes (|EINVAL|); a group or a source whose family is not \.{AF\_INET}
is |EADDRNOTAVAIL|.  They are \.{IP\_ADD\_SOURCE\_MEMBERSHIP},
\.{IP\_DROP\_SOURCE\_MEMBERSHIP}, \.{IP\_BLOCK\_SOURCE} and
\.{IP\_UNBLOCK\_SOURCE} with the interface given by index: the join
finds the interface (by route for index 0) and the source operation then
uses the index the join found.

\kernel{\.{MCAST\_BLOCK\_SOURCE} before a join is |EINVAL|, with 263 or
265 bytes |EINVAL|, with a source of family \.{AF\_INET6} |EADDRNOTAVAIL|;
\.{MCAST\_JOIN\_SOURCE\_GROUP} with index 0 joins on \.{eth0} in include
mode, a second time |EADDRNOTAVAIL|; blocking on that include filter is
|EINVAL|; a second source with \.{eth0}'s index joins it; leaving a source
twice is |EADDRNOTAVAIL|; with index 99 |ENODEV|; a group \.{10.2.2.2}
|EINVAL|; leaving the last source leaves the group.}

@c
static int group_source_decode(const sr_optreq *rq, struct ip_mreq_source *mrs,
  int *ifindex)
{
  struct group_source_req gsr;
  struct sockaddr_in group, source;
  if (rq->len != (int) sizeof gsr) return -EINVAL;
  if (!rq->buf) return -EFAULT;
  memcpy(&gsr, rq->buf, sizeof gsr);
  memcpy(&group, &gsr.gsr_group, sizeof group);
  memcpy(&source, &gsr.gsr_source, sizeof source);
  if (group.sin_family != AF_INET || source.sin_family != AF_INET) return -EADDRNOTAVAIL;
  memset(mrs, 0, sizeof *mrs);
  mrs->imr_multiaddr = group.sin_addr;
  mrs->imr_sourceaddr = source.sin_addr;
  *ifindex = (int) gsr.gsr_interface;
  return 0;
}

static int set_mcast_join_source_group(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  struct ip_mreqn mr;
  int ifindex, err = group_source_decode(rq, &mrs, &ifindex);
  if (err) return err;
  memset(&mr, 0, sizeof mr);
  mr.imr_multiaddr = mrs.imr_multiaddr;
  mr.imr_ifindex = ifindex;
  err = mc_join(s, &mr, MCAST_INCLUDE);
  if (err && err != -EADDRINUSE) return err;
  return mc_source(s, true, MCAST_INCLUDE, &mrs, mr.imr_ifindex);
}

static int set_mcast_leave_source_group(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  int ifindex, err = group_source_decode(rq, &mrs, &ifindex);
  return err ? err : mc_source(s, false, MCAST_INCLUDE, &mrs, ifindex);
}

static int set_mcast_block_source(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  int ifindex, err = group_source_decode(rq, &mrs, &ifindex);
  return err ? err : mc_source(s, true, MCAST_EXCLUDE, &mrs, ifindex);
}

static int set_mcast_unblock_source(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  int ifindex, err = group_source_decode(rq, &mrs, &ifindex);
  return err ? err : mc_source(s, false, MCAST_EXCLUDE, &mrs, ifindex);
}

@ \beyond{MCAST_MSFILTER}
The whole filter, as \.{IP\_MSFILTER} has it, in a |group_filter|: the
interface index, the group, the mode, the number of sources and the
sources, each a |sockaddr_storage| (a header of 144 bytes, then 128 per
source, on a 64-bit machine).  A write checks, in order: the header's
length (|EINVAL|); no more than \.{optmem\_max} bytes (|ENOBUFS|); the
number of sources against \.{igmp\_max\_msf} (|ENOBUFS|) and against the
bytes given (|EINVAL|); the family of the group and then of every source
(|EADDRNOTAVAIL|); and then everything \.{IP\_MSFILTER} checks, with the
interface given by index (|mc_msfilter|).

A read needs the header (|EINVAL|); the group's family must be
\.{AF\_INET} and the group multicast (|EINVAL|); the membership is found
by the group and the index {\it exactly\/} --- no route is looked up, so a
membership made with index 0 must be asked for with the index the join
found (|EADDRNOTAVAIL|).  It writes the sources first (as many as the
smaller of the true number and the caller's |gf_numsrc|, each an
\.{AF\_INET} address in a |sockaddr_storage| of zeros), then the length,
then the header, with the mode and the true number of sources.

\kernel{a filter on a group not joined is |EINVAL|; with index 0 after
the join it is accepted; a source of family \.{AF\_INET6} or a group of
that family is |EADDRNOTAVAIL|; mode 2 |EINVAL|; 11 sources |ENOBUFS|;
group \.{10.0.0.1} |EINVAL|; index 99 |ENODEV|; exclude with no sources
reads back mode 0 and no source, include with none leaves the group.  A
read with index 0 of a group joined with index 0 is |EADDRNOTAVAIL|, with
\.{eth0}'s index it gives 144 bytes; with one of two sources asked, the
length 272 and |gf_numsrc| 2; 143 bytes are |EINVAL|; family
\.{AF\_INET6} |EINVAL|; a null value |EFAULT|.}

@c
static int set_mcast_msfilter(sr_sock *s, sr_optreq *rq)
{
  struct group_filter hdr;
  struct sockaddr_in sin;
  uint32_t n, *src;
  int err;
  if (rq->len < (int) GROUP_FILTER_SIZE(0)) return -EINVAL;
  if (rq->len > sysctl_value(s->host, SYS_OPTMEM_MAX)) return -ENOBUFS;
  if (!rq->buf) return -EFAULT;
  memcpy(&hdr, rq->buf, GROUP_FILTER_SIZE(0));
  n = hdr.gf_numsrc;
  if (n >= 0x1ffffffu || n > (uint32_t) sysctl_value(s->host, SYS_IGMP_MAX_MSF))
    return -ENOBUFS;
  if ((long) GROUP_FILTER_SIZE(n) > rq->len) return -EINVAL;
  memcpy(&sin, &hdr.gf_group, sizeof sin);
  if (sin.sin_family != AF_INET) return -EADDRNOTAVAIL;
  src = xcalloc(n ? n : 1, sizeof *src);
  for (uint32_t i = 0; i < n; i++) {
    struct sockaddr_in one;
    memcpy(&one, rq->buf + GROUP_FILTER_SIZE(i), sizeof one);
    if (one.sin_family != AF_INET) {
      free(src);
      return -EADDRNOTAVAIL;
    }
    src[i] = one.sin_addr.s_addr;
  }
  err = mc_msfilter(s, sin.sin_addr.s_addr, 0, (int) hdr.gf_interface, hdr.gf_fmode, n, src);
  free(src);
  return err;
}

@ @c
static int get_mcast_msfilter(sr_sock *s, sr_optreq *rq)
{
  struct group_filter hdr;
  struct sockaddr_in sin;
  sr_mcsock *m;
  uint32_t copy;
  int size;
  if (rq->len < (int) GROUP_FILTER_SIZE(0)) return -EINVAL;
  if (!rq->ubuf) return -EFAULT;
  memcpy(&hdr, rq->ubuf, GROUP_FILTER_SIZE(0));
  memcpy(&sin, &hdr.gf_group, sizeof sin);
  if (sin.sin_family != AF_INET || !ipv4_is_multicast(sin.sin_addr.s_addr)) return -EINVAL;
  m = *mc_find(s, sin.sin_addr.s_addr, (int) hdr.gf_interface);
  if (!m) return -EADDRNOTAVAIL;
  copy = (uint32_t) m->nsrc < hdr.gf_numsrc ? (uint32_t) m->nsrc : hdr.gf_numsrc;
  for (uint32_t i = 0; i < copy; i++) {
    struct sockaddr_storage ss;
    struct sockaddr_in one;
    memset(&ss, 0, sizeof ss);
    memset(&one, 0, sizeof one);
    one.sin_family = AF_INET;
    one.sin_addr.s_addr = m->src[i];
    memcpy(&ss, &one, sizeof one);
    memcpy((char *) rq->ubuf + GROUP_FILTER_SIZE(i), &ss, sizeof ss);
  }
  hdr.gf_fmode = (uint32_t) m->mode;
  hdr.gf_numsrc = (uint32_t) m->nsrc;
  size = (int) GROUP_FILTER_SIZE(copy);
  *rq->ulen = (socklen_t) size;
  memcpy(rq->ubuf, &hdr, GROUP_FILTER_SIZE(0));
  return 0;
}

@*1 Socket-layer options beyond the pages.
\beyond{SO_COOKIE}
A number that names the socket for as long as it lives and is never
given to another (eBPF programs and \.{ss} name sockets by it): 64 bits,
read only, given when first asked for.  The kernel hands cookies out from
one counter for the machine (in batches per CPU); the model numbers them
1, 2, \dots\ in the world, in the order in which they are first asked
for, so a cookie is unique in the world, nonzero, and stable.  A read
needs 8 bytes (|EINVAL|).

\kernel{three sockets asked in turn read 15, 16 and 17 (the numbers
before them went to the sockets of \.{ip}), and each reads its own again;
|optlen| 4 and 7 are |EINVAL|; a write is |ENOPROTOOPT|.}

@c
static int get_cookie(sr_sock *s, sr_optreq *rq)
{
  if (rq->len < (int) sizeof(uint64_t)) return -EINVAL;
  if (!s->cookie) s->cookie = ++W->last_cookie;
  memcpy(rq->out, &s->cookie, sizeof s->cookie);
  rq->outlen = sizeof s->cookie;
  return 0;
}

@ \beyond{SO_NETNS_COOKIE}
The cookie of the socket's network namespace, the same for every socket
of a host: the model gives each host its number in the world plus one
(the default host 1).  A read needs exactly 8 bytes.

\kernel{every socket of a namespace reads the same value; |optlen| 4 and
64 are |EINVAL|.}

@c
static int get_netns_cookie(sr_sock *s, sr_optreq *rq)
{
  uint64_t c = (uint64_t) s->host->id + 1;
  if (rq->len != (int) sizeof c) return -EINVAL;
  memcpy(rq->out, &c, sizeof c);
  rq->outlen = sizeof c;
  return 0;
}

@ \beyond{SO_MEMINFO}
The socket's memory, nine |uint32_t| in the order of \.{SK\_MEMINFO\_}:
the receive charge (|rmem|, which counts datagrams read but not yet
released, see the UDP chapter), the receive buffer, the send charge, the
send buffer, the memory reserved in advance (|fwd_alloc|, below), the
queued send memory (0 for datagrams), the option memory, the backlog (0:
the model has no softirq side to defer to) and the drops.  Read only; the
copy is cut to |optlen|.

UDP reserves receive memory in whole pages (|__udp_enqueue_schedule_skb|):
a datagram that does not fit the reserve takes as many 4096-byte pages as
it needs, and then spends its true size from the reserve.  Releasing
gives the size back and returns all whole pages but the last byte's
(|udp_rmem_release|).  The error queue's entries are charged to |rmem|
only: the reserve does not see them.  Other sockets keep no reserve.  The
option memory counts memberships and source lists; the kernel also counts
a socket filter there, as the length of the program it converts the filter
into, which the model does not compute: a socket with a filter reads less
option memory than on Linux (the Errata chapter has the script).
@^model limits@>

\kernel{a fresh UDP socket: 0, 212992, 0, 212992, 0, 0, 0, 0, 0; after one
datagram of 5 bytes on \.{lo}, 832 and a reserve of 3264; after a second,
1664 and 2432; after one read still 1664 and 2432; after the second read
0 and 4096; a datagram of 2000 bytes: 4352 and 3840.  A sender with a
corked datagram: send charge 832.  An entry of the error queue: 832 and
a reserve of 0; read, 0 and 0 (script \.{solsocket/SO\_MEMINFO.errqueue.sr}).
After a join: option memory 48.  With
\.{SO\_RCVBUF} 1000 and ten datagrams: 8 drops.  A TCP socket: receive
buffer 131072, send buffer 16384.  |optlen| 4 gives the first word.}

@c
static int get_meminfo(sr_sock *s, sr_optreq *rq)
{
  uint32_t m[SK_MEMINFO_VARS];
  memset(m, 0, sizeof m);
  m[SK_MEMINFO_RMEM_ALLOC] = (uint32_t) s->rmem;
  m[SK_MEMINFO_RCVBUF] = (uint32_t) s->rcvbuf;
  m[SK_MEMINFO_WMEM_ALLOC] = (uint32_t) s->wmem;
  m[SK_MEMINFO_SNDBUF] = (uint32_t) s->sndbuf;
  m[SK_MEMINFO_FWD_ALLOC] = (uint32_t) s->fwd_alloc;
  m[SK_MEMINFO_OPTMEM] = (uint32_t) s->omem;
  m[SK_MEMINFO_DROPS] = s->drops;
  memcpy(rq->out, m, sizeof m);
  rq->outlen = sizeof m;
  return 0;
}

@ The reserve, kept only for sockets that account their memory (UDP and
UDP-Lite).  It moves only where their datagrams arrive (|udp_deliver_one|)
and where their reads give the buffer back (|udp_rmem_release|), which
no other socket's path reaches --- raw and ping sockets have queues of
their own, and no datagram of theirs has a failed checksum for
\.{SIOCINQ} to discard --- so the two steps need not ask (which cost 12
of 2\,276 instructions a round trip).

@<Private function prototypes@>=
static void sk_fwd_schedule(sr_sock *s, int size);
static void sk_fwd_release(sr_sock *s, int size);

@ @c
static void sk_fwd_schedule(sr_sock *s, int size)
{
  if (size > s->fwd_alloc) s->fwd_alloc += (size - s->fwd_alloc + 4095) / 4096 * 4096;
  s->fwd_alloc -= size;
}

static void sk_fwd_release(sr_sock *s, int size)
{
  s->fwd_alloc += size;
  s->fwd_alloc -= (s->fwd_alloc - 1) & ~4095; /* every release is a read's: a byte stays */
}

@ \beyond{SO_BUF_LOCK}
The two bits that say the program chose its buffer sizes:
\.{SOCK\_SNDBUF\_LOCK} (1) and \.{SOCK\_RCVBUF\_LOCK} (2).  Writing
\.{SO\_SNDBUF} or \.{SO\_RCVBUF} sets its bit (see ``Buffers''); this
option reads them and writes them, other bits being |EINVAL|.  A locked
receive buffer is one TCP does not grow: the model's one use of it is
\.{SO\_RCVLOWAT} on TCP.

\kernel{$-1$ and 4 are |EINVAL|, 0 to 3 accepted; a fresh socket reads 0;
after \.{SO\_SNDBUF} 1, after \.{SO\_BUF\_LOCK} 0 again 0, after
\.{SO\_RCVBUF} 2.}

@c
static int set_buf_lock(sr_sock *s, sr_optreq *rq)
{
  s->sndbuf_locked = (rq->val & SOCK_SNDBUF_LOCK) != 0;
  s->rcvbuf_locked = (rq->val & SOCK_RCVBUF_LOCK) != 0;
  return 0;
}

static int get_buf_lock(sr_sock *s, sr_optreq *rq)
{
  rq->val = (s->sndbuf_locked ? SOCK_SNDBUF_LOCK : 0) | (s->rcvbuf_locked ? SOCK_RCVBUF_LOCK : 0);
  return 0;
}

@ @<Constants of the model@>=
#ifndef SOCK_SNDBUF_LOCK
#define SOCK_SNDBUF_LOCK 1
#define SOCK_RCVBUF_LOCK 2
#endif

@ \beyond{SO_ZEROCOPY}
Permission to send with |MSG_ZEROCOPY|: TCP and UDP only (not UDP-Lite,
raw or ping: |EOPNOTSUPP|, before the value is looked at), 0 or 1
(|EINVAL|).  Read on any socket.
@^model limits@>

The effect is not modelled: the model sends a |MSG_ZEROCOPY| datagram as
any other and queues no completion.  What Linux does, measured on
\.{lo}, is this.  Each UDP send with |MSG_ZEROCOPY| on a socket with the
option takes the next number of a counter of the socket, from 0 (a send
that fails before it is built, such as one answering a pending error,
takes none; a corked datagram takes one per part).  When the kernel frees
the datagram's buffers a completion is queued on the error queue --- not
charged to the receive buffer but to the option memory, 832 bytes while
it waits --- or, when the entry at the tail of the queue is a completion
whose range ends just before, that entry's range is extended instead.  A
completion is read with |MSG_ERRQUEUE|, with or without \.{IP\_RECVERR}:
no data, no address (|msg_namelen| 0), |MSG_ERRQUEUE| in the flags, and an
\.{IP\_RECVERR} message with |ee_errno| 0, |ee_origin|
\.{SO\_EE\_ORIGIN\_ZEROCOPY} (5), |ee_info| and |ee_data| the first and last
numbers of the range, and |ee_code| \.{SO\_EE\_CODE\_ZEROCOPY\_COPIED} (1)
when a receiver copied the data (every datagram delivered over \.{lo}),
0 when the buffers were freed unread (a datagram dropped after three
unanswered ARP requests, 3~s later); the offender address is zeros.  A
waiting completion makes |poll| report |POLLERR|.  A model of this would
follow each datagram's buffers to where they are freed --- in the links'
queues, the neighbour queues, delivery and reassembly --- which the model
does not do yet.

\kernel{on UDP $-1$ and 2 are |EINVAL|, 0 and 1 succeed; on raw and
UDP-Lite sockets every value is |EOPNOTSUPP|, on TCP 1 succeeds.  Without
the option |MSG_ZEROCOPY| is ignored.  With it: one send, then |poll|
gives \.{POLLOUT} and \.{POLLERR} and the error queue $\{0, 5, 1, 0, 0\}$
(errno, origin, code, info, data); three sends before a read, one entry
1 to 3; a send of 3000 bytes, a send of 0 bytes, one number each; a
corked send of two parts, one entry 9 to 10.  On a socket connected to a
closed port with \.{IP\_RECVERR}: the completion of the first send comes
before its ICMP error, the second send answers |ECONNREFUSED| and takes no
number.  \.{SO\_MEMINFO}: option memory 832 while completions wait, 0
after they are read.}

@c
static int set_zerocopy(sr_sock *s, sr_optreq *rq)
{
  bool tcp = s->type == SOCK_STREAM, udp = s->type == SOCK_DGRAM && s->protocol == IPPROTO_UDP;
  if (!tcp && !udp) return -EOPNOTSUPP;
  if (rq->val < 0 || rq->val > 1) return -EINVAL;
  s->zerocopy = rq->val;
  return 0;
}

@ \beyond{SO_BUSY_POLL_BUDGET}
\beyond{SO_PREFER_BUSY_POLL}
Busy polling of a device queue (NAPI), which the model's devices do not
have: the values are kept.  \.{SO\_PREFER\_BUSY\_POLL} is a flag that
needs \.{CAP\_NET\_ADMIN} to set (the table's row); \.{SO\_BUSY\_POLL\_BUDGET}
is written only: raising it above its present value (0 at first) needs
\.{CAP\_NET\_ADMIN} (|EPERM|), and then it must lie in 0 to 65535 (|EINVAL|).
@^model limits@>

\kernel{as root $-1$ is |EINVAL| and 0 to 2 succeed; a read is
|ENOPROTOOPT|.}

@c
static int set_busy_poll_budget(sr_sock *s, sr_optreq *rq)
{
  if (rq->val > s->busy_poll_budget && !proc_capable(W->cur, CAP_NET_ADMIN)) return -EPERM;
  if (rq->val < 0 || rq->val > 65535) return -EINVAL;
  s->busy_poll_budget = rq->val;
  return 0;
}

@ \beyond{SO_TXTIME}
Transmit times: a |sock_txtime| (exactly 8 bytes: |EINVAL|) names the
clock of the times that \.{SCM\_TXTIME} messages give, and two flags;
other flag bits are |EINVAL|; a clock other than \.{CLOCK\_MONOTONIC}
needs \.{CAP\_NET\_ADMIN} (|EPERM|) and must be \.{CLOCK\_REALTIME},
\.{CLOCK\_MONOTONIC} or \.{CLOCK\_TAI} (|EINVAL|).  Read, the structure
comes back.  Once it was set --- it cannot be unset --- a send may carry an
\.{SCM\_TXTIME} message of exactly 8 bytes, the time to send at
(|EINVAL| before, or with another length; checked with the other messages
of level \.{SOL\_SOCKET} in the UDP chapter).  Only the \.{etf} and \.{fq}
queueing disciplines act on the times, and the model's links, like \.{lo}
and veth, have none: the datagrams leave at once, in Linux as here.
@^model limits@>

\kernel{an |int| is |EINVAL|; a fresh socket reads 8 zero bytes.}

@c
static int set_txtime(sr_sock *s, sr_optreq *rq)
{
  struct sock_txtime t;
  if (rq->len != (int) sizeof t) return -EINVAL;
  memcpy(&t, rq->buf, sizeof t);
  if (t.flags & ~(uint32_t) SOF_TXTIME_FLAGS_MASK) return -EINVAL;
  if (t.clockid != CLOCK_MONOTONIC && !proc_capable(W->cur, CAP_NET_ADMIN)) return -EPERM;
  if (t.clockid != CLOCK_REALTIME && t.clockid != CLOCK_MONOTONIC && t.clockid != CLOCK_TAI)
    return -EINVAL;
  s->txtime_clockid = t.clockid;
  s->txtime_flags = (int) t.flags;
  s->txtime_on = true;
  return 0;
}

static int get_txtime(sr_sock *s, sr_optreq *rq)
{
  struct sock_txtime t;
  memset(&t, 0, sizeof t);
  t.clockid = s->txtime_clockid;
  t.flags = (uint32_t) s->txtime_flags;
  memcpy(rq->out, &t, sizeof t);
  rq->outlen = sizeof t;
  return 0;
}

@ \beyond{SO_RESERVE_MEM}
Memory reserved in advance for the socket, which Linux allows only to a
socket charged to a memory cgroup; the model has no cgroups, so every
nonnegative value is |EOPNOTSUPP|, as for a socket of the root cgroup, and
a negative one |EINVAL|.  A read gives 0.
@^model limits@>

\kernel{$-1$ is |EINVAL|, 0 to 2 |EOPNOTSUPP|; a read gives 0.}

@c
static int set_reserve_mem(sr_sock *s, sr_optreq *rq)
{
  (void) s;
  return rq->val < 0 ? -EINVAL : -EOPNOTSUPP;
}

static int get_reserve_mem(sr_sock *s, sr_optreq *rq)
{
  (void) s;
  rq->val = 0;
  return 0;
}

@ \beyond{SO_TXREHASH}
Whether TCP picks a new flow label on a retransmission time-out: TCP only
(|EOPNOTSUPP| on other sockets, the table's row), $-1$ to 1 (|EINVAL|),
$-1$ meaning the tunable \.{net.core.txrehash}, whose default 1 the model
takes.  A fresh TCP socket reads 1.

\kernel{on UDP every value and the read are |EOPNOTSUPP|; a TCP socket
reads 1.}

@c
static int set_txrehash(sr_sock *s, sr_optreq *rq)
{
  if (rq->val < -1 || rq->val > 1) return -EINVAL;
  s->txrehash = rq->val == -1 ? 1 : rq->val;
  return 0;
}

@ @<Socket-layer fields of a socket@>=
int txrehash; /* \.{SO\_TXREHASH}, TCP only */

@ @<Set the socket-layer defaults of |s|@>=
s->txrehash = 1;

@ \beyond{SO_PEERGROUPS}
The supplementary groups of the peer's credentials, which only a Unix
socket's peer has: on an \.{AF\_INET} socket a read is |ENODATA|.

\kernel{on TCP and UDP |ENODATA|; a write |ENOPROTOOPT|.}

@c
static int get_peergroups(sr_sock *s, sr_optreq *rq)
{
  (void) s;
  (void) rq;
  return -ENODATA;
}

@ \beyond{SO_CNX_ADVICE}
A hint that the connection's path seems bad; with the value 1 the kernel
asks the cached route whether to drop itself (|dst_negative_advice|),
which an IPv4 route does only once it is obsolete or was redirected ---
never so in the model, whose routes change only by the calls that rebuild
them.  Every value is accepted; written only.
@^model limits@>

\kernel{$-1$ to 2 succeed; a read is |ENOPROTOOPT|.}

@c
static int set_cnx_advice(sr_sock *s, sr_optreq *rq)
{
  (void) s;
  (void) rq;
  return 0;
}

@ \beyond{SO_BINDTOIFINDEX}
\.{SO\_BINDTODEVICE} by index: an |int|, negative |EINVAL|, 0 unbinds; an
index no interface has is accepted (the socket then hears and reaches
nothing).  Rebinding needs \.{CAP\_NET\_RAW} (|sock_bindtoindex|).  Read,
it is the index.

\kernel{index 99 is accepted and reads back, after which
\.{SO\_BINDTODEVICE} reads |ENODEV|; $-1$ is |EINVAL|; 0 unbinds.}

@c
static int set_bindtoifindex(sr_sock *s, sr_optreq *rq)
{
  return sock_bindtoindex(s, rq->val);
}

@ \beyond{SO_NO_CHECK}
No UDP checksum on what the socket sends: the field goes out as 0, which
receivers take for ``not computed''.  Any socket takes the flag, only UDP
acts on it (not UDP-Lite); a send asking for segmentation
(\.{UDP\_SEGMENT}) is then |EINVAL|, since offloaded segments need
their checksums.

\kernel{\.{SO\_NO\_CHECK} 2 reads 1 on UDP and TCP; a raw socket sees a
datagram of a socket with it on \.{lo} with checksum 0, and with the
partial sum once it is off (script \.{udp/SO\_NO\_CHECK.wire.sr}).}

@ \beyond{SO_RCVTIMEO_NEW}
\beyond{SO_SNDTIMEO_NEW}
The time-outs with a 64-bit |tv_sec| on every machine; on a 64-bit one the
structure is |struct timeval|, so they are \.{SO\_RCVTIMEO} and
\.{SO\_SNDTIMEO} under other numbers, and share their handlers.

\kernel{\.{SO\_RCVTIMEO\_NEW} of one second reads back as one second
through both numbers; 8 bytes are |EINVAL|.}

@ \beyond{SO_DETACH_REUSEPORT_BPF}
Takes the program off the socket's \.{SO\_REUSEPORT} group
(|reuseport_detach_prog|), whose selection is then the plain hash again.
A socket in no group answers |ENOENT| when it has \.{SO\_REUSEPORT} set
and |EINVAL| when not; a group without a program |ENOENT|.  The value
written is not looked at.

\kernel{see the script \.{solsocket/SO\_DETACH\_REUSEPORT\_BPF.detach.sr}:
a fresh UDP socket |EINVAL|, with \.{SO\_REUSEPORT} |ENOENT|, bound with a
classic program attached 0, a second time |ENOENT|.}

@c
static int set_detach_reuseport_bpf(sr_sock *s, sr_optreq *rq)
{
  (void) rq;
  if (!s->rp) return s->reuseport ? -ENOENT : -EINVAL;
  if (!s->rp->prog) return -ENOENT;
  free(s->rp->prog);
  s->rp->prog = NULL;
  s->rp->prog_len = 0;
  return 0;
}

@ \beyond{SO_RCVMARK}
Asks for the mark of each received packet in a \.{SO\_MARK} control
message, 32 bits, after the time stamp and the drop count
(|sock_recv_cmsgs|), on every read --- 0 for a packet without a mark.  A
packet carries the \.{SO\_MARK} of the socket that sent it (or the mark of
an \.{SO\_MARK} control message) over \.{lo}, and loses it crossing a LAN,
as a veth pair between namespaces scrubs it.

\kernel{$-1$ to 2 succeed and read back 0 or 1.  A UDP socket with
\.{SO\_RCVMARK}, \.{SO\_RXQ\_OVFL} and \.{SO\_TIMESTAMP} receives from a
sender with \.{SO\_MARK} 5 over \.{lo}: \.{SCM\_TIMESTAMP}, then
\.{SO\_MARK} 5 (no drop count, none dropped); from an unmarked sender
\.{SO\_MARK} 0.  From a sender with \.{SO\_MARK} 5 in another namespace,
across a veth pair: \.{SO\_MARK} 0.  A raw ICMP socket reading its own
datagram: \.{SO\_MARK} 0 (script \.{solsocket/rcvmark.sr}, found by
\.{sr-fuzz} seed 4; Check test |rcvmark_keeps_lo_mark_and_loses_it_across_a_lan|).}
