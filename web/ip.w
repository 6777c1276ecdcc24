@* The IPv4 layer.
This chapter follows a datagram the way Stevens follows one in {\it
TCP/IP Illustrated}, volume~2: out of a socket through route selection,
header construction and fragmentation to an interface; in from an
interface through validation, routing, reassembly and forwarding to the
transport protocol or back out; and the ICMP messages that either
direction may provoke.  The transport protocols sit above it and call
three functions: |ip_route_output| to choose a route and a source
address, |ip_output| to send, and --- through the event loop --- they are
called back by |udp_rcv| and |udp_err|.
@^IPv4 layer@>

@*1 Route selection.
A sender describes what it knows as a {\it flow}: the destination, a
source address if the socket is bound to one, an output interface if the
socket is bound to a device or names one for multicast, whether it asked
not to route, and whether the source may be an address the host does not
have.  Route selection answers with the route type, the source address
the datagram will carry, the next hop, the interface, and the MTU of the
path.

The socket remembers a flow and its route (below), so these types come
before the socket's.

@<Types of route selection@>=
struct sr_flow { /* what a sender knows; all addresses network order */
  uint32_t daddr, saddr; /* |saddr| 0: let routing choose */
  int oif; /* output interface, 0: any */
  bool dontroute; /* \.{SO\_DONTROUTE} or |MSG_DONTROUTE|: on-link only */
  bool freebind; /* the source need not be local */
};
struct sr_rtres { /* the result of route selection */
  int type; /* |SR_RT_UNICAST|, |SR_RT_LOCAL|, |SR_RT_BROADCAST|, |SR_RT_MULTICAST| */
  uint32_t saddr; /* the source address chosen */
  uint32_t nexthop; /* the gateway, or the destination */
  int ifindex; /* the output interface (\.{lo} for local destinations) */
  int iif; /* where a datagram looped back over \.{lo} is taken to arrive, or 0 */
  int mtu; /* the path MTU: the interface's, or a learnt smaller one */
  bool mtu_locked; /* a learnt MTU below \.{min\_pmtu}: never set DF */
};

@ The loopback device is always interface 1, as in the kernel.

@<Constants of the model@>=
#define SR_LOOPBACK_IFINDEX 1

@ @<Private function prototypes@>=
static uint32_t inet_select_addr(sr_host *h, const sr_iface *dev, uint32_t dst,
  int scope);
static int ip_route_output(sr_host *h, const struct sr_flow *fl,
  struct sr_rtres *rt);

@ Source-address selection, |inet_select_addr|: the first primary
address of the interface whose scope is no wider than asked, preferring
one on the same prefix as |dst|; failing that, the first suitable
address of any interface, in index order (so \.{lo}'s addresses first,
but a host-scope address never qualifies where link scope is asked).

\kernel{\.{ip route get 8.8.8.8 oif lo} answers \.{src 10.1.0.1}: the
host-scope \.{127.0.0.1} is passed over for the first universe address.}

@c
static uint32_t inet_select_addr(sr_host *h, const sr_iface *dev, uint32_t dst,
  int scope)
{
  uint32_t addr = 0;
  for (int i = 0; dev && i < dev->naddr; i++) {
    const struct sr_ifaddr *a = &dev->addr[i];
    if (a->secondary || a->scope > scope) continue;
    if (!dst || ((a->addr ^ dst) & prefix_mask(a->prefixlen)) == 0) return a->addr;
    if (!addr) addr = a->addr;
  }
  if (addr) return addr;
  for (int k = 0; k < h->nifs; k++)
    for (int i = 0; i < h->ifs[k].naddr; i++) {
      const struct sr_ifaddr *a = &h->ifs[k].addr[i];
      if (!a->secondary && a->scope <= scope && a->scope != RT_SCOPE_LINK)
        return a->addr;
    }
  return 0;
}

@ Output route selection, the kernel's |ip_route_output_key_hash_rcu|
step by step.

\smallskip
\item{1.} A source address that is multicast, the limited broadcast or
in \.{0/8} is |EINVAL|.  With a source and no interface, a multicast or
limited-broadcast destination leaves from the interface that owns the
source (|ENETUNREACH| if none does: the ``special hack'' that lets a
program choose the interface by binding).  Otherwise a source must be local unless
the flow may use any source (|ENETUNREACH|: a UDP, ping or raw socket bound
with \.{IP\_FREEBIND} to \.{10.0.0.99} gets it from |connect| to
\.{10.0.0.2}).
\item{2.} A named interface must exist (|ENODEV|) and be up
(|ENETUNREACH|).  To a link-local multicast group or the limited
broadcast the datagram leaves there without consulting the tables, from
a link-scope source.  For other multicast the source is chosen on that
interface.
\item{3.} No destination means the host itself, over loopback.
\item{4.} The tables are searched with the flow's scope and interface.
If nothing is found but an interface was named, the destination is
assumed to be on that link --- how |SO_BINDTODEVICE| and
\.{IP\_MULTICAST\_IF} reach addresses no route mentions.  Otherwise the
lookup's error is the answer.
\item{5.} A local route sends the datagram to the loopback device, from
the route's preferred source or the destination itself; the datagram is
taken to arrive on the interface that has the address (the kernel's
|rt_iif| is the device of the local route), so that a socket bound to
that device receives it and \.{IP\_PKTINFO} names it.  Other routes
leave from their interface, from the preferred source or the address
that |inet_select_addr| picks for the gateway.
\item{6.} Finally (|__mkroute_output|): a loopback source may not leave
on another device (|EINVAL|); the limited broadcast and multicast
destinations make the route broadcast or multicast whatever the table
said; a destination in \.{0/8} is |EINVAL|; and a unicast route that
leaves by the loopback device is local, whatever its destination: the
datagram comes back in over \.{lo} and is delivered to this host's
sockets --- as a datagram to an address no route knows is, when the
socket is bound to \.{lo} (step 4).
\smallskip

\kernel{a socket bound with \.{SO\_BINDTODEVICE} to \.{eth0} receives
a datagram the host sends to \.{10.0.0.1}, one bound to \.{lo} does not,
and \.{IP\_PKTINFO} gives it |ipi_ifindex| 2 (scripts
\.{udp/bindtodevice.rx.sr}, \.{udp/ip-cmsgs.sr}).  \.{ip route get}: \.{10.9.1.1 via 10.1.0.253 dev va src
10.1.0.1}; \.{local 10.1.0.1 dev lo src 10.1.0.1}; \.{broadcast
255.255.255.255 dev va src 10.1.0.1}; \.{broadcast 10.1.0.255 dev va};
\.{multicast 239.1.1.1 dev va src 10.1.0.1}; a UDP socket with
\.{SO\_DONTROUTE} sending to \.{8.8.8.8} gets |ENETUNREACH|, and so does
one bound with \.{IP\_FREEBIND} to \.{192.0.2.1} sending to
\.{224.0.0.251} (scripts found by \.{sr-fuzz}).  A raw \.{IPPROTO\_UDP}
socket bound to \.{lo} that sends to \.{192.0.2.1} reads its own datagram
back, from \.{10.0.0.1}, and a UDP socket bound to \.{0.0.0.0} with that
port receives it (script \.{raw/lo-bound-unrouted.sr}).}

@c
static int ip_route_output(sr_host *h, const struct sr_flow *fl,
  struct sr_rtres *rt)
{
  uint32_t saddr = fl->saddr, daddr = fl->daddr;
  int oif = fl->oif, err;
  int scope = fl->dontroute ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
  int type = SR_RT_UNICAST;
  const sr_route *r = NULL;
  sr_iface *dev = NULL;
  memset(rt, 0, sizeof *rt);
  @<Check the source address of the flow, perhaps choosing the device@>@;
  @<Apply the flow's output interface@>@;
  if (!daddr) {
    daddr = saddr;
    if (!daddr) daddr = saddr = htonl(INADDR_LOOPBACK);
    dev = iface_by_index(h, SR_LOOPBACK_IFINDEX);
    type = SR_RT_LOCAL;
    goto make_route;
  }
  r = fib_lookup(h, daddr, oif, scope, &err);
  if (!r) {
    if (!oif) return err;
    if (!saddr) saddr = inet_select_addr(h, dev, 0, RT_SCOPE_LINK);
    goto make_route;
  }
  if (r->type == SR_RT_LOCAL) {
    if (!saddr) saddr = r->prefsrc ? r->prefsrc : daddr;
    oif = r->ifindex;
    dev = iface_by_index(h, SR_LOOPBACK_IFINDEX);
    type = SR_RT_LOCAL;
    r = NULL;
    goto make_route;
  }
  dev = iface_by_index(h, r->ifindex);
  type = r->type;
  if (!saddr) saddr = r->prefsrc ? r->prefsrc : inet_select_addr(h, dev, r->gw, r->scope);
make_route:
  @<Finish the route |rt|@>@;
  return 0;
}

@ @<Check the source address of the flow, perhaps choosing the device@>=
if (saddr) {
  if (ipv4_is_multicast(saddr) || ipv4_is_lbcast(saddr) || ipv4_is_zeronet(saddr))
    return -EINVAL;
  if (!oif && (ipv4_is_multicast(daddr) || ipv4_is_lbcast(daddr))) {
    if (!(dev = ip_dev_find(h, saddr))) return -ENETUNREACH;
    goto make_route;
  }
  if (!fl->freebind && !ip_dev_find(h, saddr)) return -ENETUNREACH;
}

@ @<Apply the flow's output interface@>=
if (oif) {
  if (!(dev = iface_by_index(h, oif))) return -ENODEV;
  if (!(dev->flags & IFF_UP)) return -ENETUNREACH;
  if (ipv4_is_local_multicast(daddr) || ipv4_is_lbcast(daddr)) {
    if (!saddr) saddr = inet_select_addr(h, dev, 0, RT_SCOPE_LINK);
    goto make_route;
  }
  if (!saddr) {
    if (ipv4_is_multicast(daddr)) saddr = inet_select_addr(h, dev, 0, scope);
    else if (!daddr) saddr = inet_select_addr(h, dev, 0, RT_SCOPE_HOST);
  }
}

@ The next hop is the route's gateway for unicast, the destination
otherwise.  The MTU is the interface's, capped at the largest datagram,
or a smaller one learnt for this destination (next section); a learnt
MTU applies to unicast routes only, as the kernel keeps it with the
route's next hop.

@<Finish the route |rt|@>=
if (ipv4_is_loopback(saddr) && !(dev->flags & IFF_LOOPBACK)) return -EINVAL;
if (ipv4_is_lbcast(daddr)) type = SR_RT_BROADCAST;
else if (ipv4_is_multicast(daddr)) type = SR_RT_MULTICAST;
else if (ipv4_is_zeronet(daddr)) return -EINVAL;
else if (type == SR_RT_UNICAST && (dev->flags & IFF_LOOPBACK)) type = SR_RT_LOCAL; /* |RTCF_LOCAL| */
rt->type = type;
rt->saddr = saddr;
rt->ifindex = dev->ifindex;
rt->iif = oif;
rt->nexthop = type == SR_RT_UNICAST && r && r->gw ? r->gw : daddr;
rt->mtu = ip_path_mtu(h, dev, type, daddr, &rt->mtu_locked);


@ The MTU of a path: the interface's, capped at the largest datagram, or
for a unicast destination a smaller one learnt for it.  A socket's cached
route asks the same question whenever \.{IP\_MTU} is read, so the answer
follows the interface and what is learnt later.

@<Private function prototypes@>=
static int ip_path_mtu(sr_host *h, const sr_iface *dev, int type, uint32_t daddr,
  bool *locked);

@ @c
static int ip_path_mtu(sr_host *h, const sr_iface *dev, int type, uint32_t daddr,
  bool *locked)
{
  int mtu = dev->mtu > SR_IP_MAX_MTU ? SR_IP_MAX_MTU : dev->mtu;
  *locked = false;
  if (type == SR_RT_UNICAST) {
    const sr_pmtu *pm = pmtu_find(h, daddr);
    if (pm && pm->mtu < mtu) {
      mtu = pm->mtu;
      *locked = pm->locked;
    }
  }
  return mtu;
}

@ A datagram socket that sends without connecting looks its route up on
every send, and in the common case it asks the same question as last
time.  So each socket remembers its last successful answer with the flow
that asked it, as the kernel keeps a cached |dst| per socket: a send whose
flow is the same takes the remembered route instead of walking the tables
(saves 70 of 1,250 instructions of an unconnected loopback send).

The answer of |ip_route_output| is a function of the flow and of the
host's routing state alone: the routes (|fib_lookup|, |ip_dev_find|), the
interfaces (their number, |IFF_UP|, |IFF_LOOPBACK|, their index) and
their addresses (|inet_select_addr|, |ip_dev_find|) --- all read through
the host, none through the socket, no sysctl, no clock --- except the MTU,
which also reads the interface's MTU and the learnt path MTUs, with their
expiry by the clock.  So the memo keeps everything but the MTU, and asks
|ip_path_mtu| again on every use, exactly as the lookup would (same
answer, same forgetting of an expired entry).  The rest stays right as
long as the host's |route_gen| has not moved: it counts every change to
the routes, and also every change to the interfaces and addresses
(|host_add_iface|, |iface_add_addr|, |iface_set_up|, the only places that
write them).  The key is every field of the flow.  Only successes are
remembered; a failing lookup is looked up again each time.

@<Types of route selection@>=
struct sr_rtmemo { /* a socket's last route: valid while |gen| is |route_gen| + 1 */
  uint64_t gen; /* 0: none */
  struct sr_flow fl;
  struct sr_rtres rt; /* its |mtu| and |mtu_locked| are asked afresh */
};

@ @<Network fields of a socket@>=
struct sr_rtmemo rt_memo;

@ @<Private function prototypes@>=
static int sk_route_output(sr_sock *s, struct sr_flow fl, struct sr_rtres *rt);
SR_OUT_OF_LINE static int sk_route_remember(sr_sock *s, struct sr_flow fl,
  struct sr_rtres *rt);

@ The destination whose learnt MTU applies is the flow's, or for a flow
without one (the host itself) the source chosen, as in |ip_route_output|.
The flow comes by value and only the lookup, a call away, takes its
address, so that on the way through the memo the compiler need not keep
it in memory (saves 3 of 278 stores a round trip, with as many
instructions as before).

@c
static int sk_route_output(sr_sock *s, struct sr_flow fl, struct sr_rtres *rt)
{
  sr_host *h = s->host;
  struct sr_rtmemo *m = &s->rt_memo;
  if (m->gen == h->route_gen + 1 && m->fl.daddr == fl.daddr && m->fl.saddr == fl.saddr &&
      m->fl.oif == fl.oif && m->fl.dontroute == fl.dontroute &&
      m->fl.freebind == fl.freebind) {
    *rt = m->rt;
    rt->mtu = ip_path_mtu(h, iface_by_index(h, rt->ifindex), rt->type,
      fl.daddr ? fl.daddr : rt->saddr, &rt->mtu_locked);
    return 0;
  }
  return sk_route_remember(s, fl, rt);
}

@ A flow the memo does not hold is looked up, and a success remembered.

@c
SR_OUT_OF_LINE static int sk_route_remember(sr_sock *s, struct sr_flow fl,
  struct sr_rtres *rt)
{
  sr_host *h = s->host;
  struct sr_rtmemo *m = &s->rt_memo;
  int err;
  if ((err = ip_route_output(h, &fl, rt)) < 0) return err;
  m->gen = h->route_gen + 1;
  m->fl = fl;
  m->rt = *rt;
  return 0;
}

@ \clause{socket.7:SO_DONTROUTE}
\clause{socket.7:SO_DONTROUTE:2}
@^socket.7:SO\_DONTROUTE@>
``Do not route'' is a scope: a flow with it set asks the tables for
link scope, so every route through a gateway --- the default route
included --- is passed over, and a destination that only a gateway
reaches has no route (|ENETUNREACH|).  Destinations on a connected
network, the host's own addresses and its broadcast addresses are still
found.  The socket option and the per-call flag set the same field of
the flow.  With an output interface named as well, the kernel assumes the
destination is on that link and sends straight to it.

\kernel{with \.{SO\_DONTROUTE} a UDP socket's |sendto| to \.{8.8.8.8}
fails with |ENETUNREACH|; to \.{10.1.0.2}, on the connected network, the
datagram leaves as usual.}

@*1 Learnt path MTUs.
\clause{ip.7:IP_MTU_DISCOVER:8}
\clause{ip.7:IP_MTU_DISCOVER:10}
\clause{ip.7:IP_MTU_DISCOVER:15}
@^ip.7:IP\_MTU\_DISCOVER@>
When a router answers a datagram with ``fragmentation needed'', the
sender learns that the path to that destination carries no more than
the MTU the router named, and remembers it for \.{route.mtu\_expires}
seconds (600).  A smaller value than \.{route.min\_pmtu} (552) is raised
to it and the entry is {\it locked\/}: datagrams to that destination are
then sent without DF, so that routers fragment them.  A value not below
what is known already changes nothing.  Each host keeps its entries in
a hash table by destination; an expired entry is forgotten when it is
next looked at.  The transport protocol calls |ip_rt_update_pmtu| when
an ICMP error names an MTU for a datagram one of its sockets sent
(|ipv4_sk_update_pmtu| in Linux).

\kernel{after a router with a 1400-byte next link answers a 1478-byte
datagram with \.{need to frag (mtu 1400)}, \.{ip route get 10.2.0.3}
shows \.{cache expires 595sec mtu 1400}; a socket connected to it reads
\.{IP\_MTU} 1400, a 1450-byte datagram of an \.{IP\_PMTUDISC\_WANT}
socket leaves as fragments of 1396 and 102 bytes (offsets 0 and 1376),
and with \.{IP\_PMTUDISC\_DO} the send fails with |EMSGSIZE|.
A raw socket of the host itself can play the router: an ICMP type 3
code 4 that it sends to \.{10.0.0.1}, naming MTU 1400 and quoting a
datagram from \.{10.0.0.1:5000} to \.{10.0.0.2:6000}, is taken as if it
came from the wire.  Afterwards every socket connected to \.{10.0.0.2},
whatever its ports, reads \.{IP\_MTU} 1400, one connected to
\.{10.0.0.3} still 1500; an unconnected \.{IP\_PMTUDISC\_DO} socket whose
1472 bytes went before now gets |EMSGSIZE| for them and for 1373, and
sends 1372; updates to 1300, then 1450, then 500 leave the MTU at 1300,
1300 and 552; one quoting a port no socket has changes nothing (scripts
\.{pmtu/learned.sr}, \.{pmtu/changes.sr}, \.{pmtu/bootstrap.sr}).}
@^path MTU@>

@<Type definitions@>=
typedef struct {
  sr_hent h; /* key: the destination */
  int mtu;
  bool locked;
  uint64_t expires_ns;
} sr_pmtu;

@ @<Fields of a host@>=
sr_htab pmtu;

@ @<Free the network state of host |fh|@>=
htab_free(&fh->pmtu, hent_free);

@ @<Private function prototypes@>=
static void hent_free(sr_hent *e);
static const sr_pmtu *pmtu_find(sr_host *h, uint32_t daddr);
SR_TRANSPORT_API static void ip_rt_update_pmtu(sr_host *h, uint32_t daddr,
  uint32_t mtu);

@ @c
static void hent_free(sr_hent *e)
{
  free(e);
}

static const sr_pmtu *pmtu_find(sr_host *h, uint32_t daddr)
{
  sr_pmtu *pm = (sr_pmtu *) htab_find(&h->pmtu, daddr, 0);
  if (pm && pm->expires_ns <= W->now_ns) {
    htab_remove(&h->pmtu, &pm->h);
    free(pm);
    pm = NULL;
  }
  return pm;
}

static void ip_rt_update_pmtu(sr_host *h, uint32_t daddr, uint32_t mtu)
{
  struct sr_flow fl = { .daddr = daddr };
  struct sr_rtres rt;
  sr_pmtu *pm;
  long long min_pmtu = sysctl_value(h, SYS_ROUTE_MIN_PMTU);
  bool locked = false;
  if (ip_route_output(h, &fl, &rt) || rt.type != SR_RT_UNICAST) return;
  if (mtu < (uint32_t) min_pmtu) {
    mtu = (uint32_t) (rt.mtu < min_pmtu ? rt.mtu : min_pmtu);
    locked = true;
  }
  if (mtu >= (uint32_t) rt.mtu && !(locked && !rt.mtu_locked)) return;
  pmtu_find(h, daddr);
  pm = (sr_pmtu *) htab_find(&h->pmtu, daddr, 0);
  if (!pm) {
    pm = xcalloc(1, sizeof *pm);
    pm->h.k0 = daddr;
    htab_insert(&h->pmtu, &pm->h);
  }
  pm->mtu = (int) mtu;
  pm->locked = locked;
  pm->expires_ns = W->now_ns +
    (uint64_t) sysctl_value(h, SYS_ROUTE_MTU_EXPIRES) * 1000000000u;
}

@*1 Sending a datagram.
The transport protocol has chosen a route and built its header and
data; |ip_output| puts an IP header in front and sends.  What the header
carries comes from the socket, resolved by the caller into an
|sr_ipout|: the protocol, the TTL (from \.{IP\_TTL}, a control message,
the multicast TTL or the host default), the TOS byte, the path-MTU mode,
the options in wire form, and whether multicast is looped back.

@<Type definitions@>=
struct sr_ipout { /* per-datagram IP parameters */
  uint8_t protocol, ttl, tos; /* |ttl| already resolved */
  int pmtudisc; /* |IP_PMTUDISC_*| */
  const uint8_t *opt; /* IP options, already in wire form, padded */
  int optlen;
  uint32_t mark;
  int priority;
  bool mc_loop; /* loop multicast back to local members */
  sr_sock *sk; /* the originator, or |NULL| */
  uint8_t tx_flags; /* send time stamps asked for: |SR_SKBTX_| */
  uint32_t tskey; /* the datagram's \.{OPT\_ID} number */
};

@ The identification field.  Linux picks it in |ip_select_ident_segs|: a
connected socket numbers its datagrams from a counter of its own; an
unconnected socket's datagram with DF that may not be fragmented locally
(modes \.{DO}, \.{PROBE}, \.{INTERFACE}) gets 0, since no fragment will
ever need it; everything else draws from a counter chosen by hashing the
addresses and protocol, perturbed by random increments.  The model keeps
the first two rules exactly and replaces the hashed counters by one
counter per host, counting from 1: deterministic, and like the kernel's
it never repeats within a short time.  |ip_sk_connected| is the one
place that asks whether a socket is connected.
@^model limits@>

\kernel{an unconnected \.{IP\_PMTUDISC\_DO} socket's datagram has id 0
and DF; an unconnected default socket's has a nonzero id and DF; a
connected socket's ids go up by one: 20363, 20364.}

@<Network fields of a socket@>=
uint16_t inet_id; /* the connected socket's identification counter */

@ @<Fields of a host@>=
uint16_t ip_ident; /* the host's identification counter */
uint64_t serial; /* numbers the entries of the host's tables */

@ The host's tables start empty, as |host_new| allocates it zeroed; the
counter starts at 1.

@<Initialise the network state of host |h|@>=
h->ip_ident = 1;

@ @<Private function prototypes@>=
static bool ip_sk_connected(const sr_sock *sk);
SR_TRANSPORT_API static void ip_sk_new_ident(sr_sock *sk);

@ When a socket connects, the kernel starts its counter at a random
value; the model draws it from the world's generator.

@c
static bool ip_sk_connected(const sr_sock *sk)
{
  return sk && sk->connected;
}

static void ip_sk_new_ident(sr_sock *sk)
{
  sk->inet_id = (uint16_t) rng_next();
}

@ \clause{ip.7:IP_MTU_DISCOVER:3}
\clause{ip.7:IP_MTU_DISCOVER:5}
\clause{ip.7:IP_MTU_DISCOVER:6}
\clause{ip.7:IP_MTU_DISCOVER:17}
\clause{ip.7:IP_MTU_DISCOVER:18}
@^ip.7:IP\_MTU\_DISCOVER@>
The rules for DF and for refusing, from |__ip_append_data| and
|__ip_make_skb|.  A mode that ``ignores DF'' (\.{DONT}, \.{WANT},
\.{OMIT}) may fragment locally; the others refuse a datagram longer than
the MTU with |EMSGSIZE|.  Modes \.{PROBE}, \.{INTERFACE} and \.{OMIT}
measure against the interface's MTU, not the learnt one.  DF is set for
\.{DO} and \.{PROBE} always, and for \.{WANT} when the datagram fits the
path and the path's MTU is not locked.  No datagram exceeds 65535 bytes.

\kernel{on a veth of MTU 1500 a default UDP socket sends 1472 bytes of
data in one 1500-byte datagram with DF; 1473 bytes in two fragments
(1500 and 21 bytes) without DF; 3000 bytes in fragments of 1500, 1500 and
68 bytes at offsets 0, 1480, 2960; 65507 bytes in 45 fragments; 65508
bytes fail with |EMSGSIZE|.  With \.{IP\_PMTUDISC\_DONT} no DF; with
\.{DO} or \.{PROBE} 1473 bytes fail with |EMSGSIZE|.  Multicast and
broadcast datagrams that fit carry DF too.  Once the path's MTU is
known to be 1400, \.{PROBE} still sends 1472 bytes, and refuses 1473
(script \.{pmtu/bootstrap.sr}).}

@<Private function prototypes@>=
static int ip_output(sr_host *h, const struct sr_rtres *rt, uint32_t daddr,
  const struct sr_ipout *o, const void *l4, size_t l4len);
static int ip_output_pkt(sr_host *h, const struct sr_rtres *rt, uint32_t daddr,
  const struct sr_ipout *o, sr_pkt *pkt);
static void ip_send(sr_host *h, int type, int ifindex, uint32_t nexthop,
  sr_pkt *pkt, int mtu, bool mc_loop);

@ |ip_output| takes the transport's bytes from anywhere and copies them
behind a new header; |ip_output_pkt| takes a packet in which the
transport has already put its bytes, leaving room in front for the
header and its options (|pkt->len| counts them), so that a datagram can
be built where it will travel.  Either way the packet belongs to the IP
layer from then on, and a datagram refused is freed.  The packet's true
size, which its socket is charged while a neighbour holds it, is that of
a buffer built for it in one piece, unless the transport set another (a
corked UDP datagram, whose later parts went into page fragments).

A unicast or local datagram that fits the MTU goes straight to its
interface: |ip_send| would find nothing to loop back and |ip_fragment|
nothing to cut, and hand it to |dev_xmit| as it is, not as a group
datagram.  The interface's MTU is read only for the modes that use it.
(Together: saves 74 of 1,250 instructions a send.)
The header's representation |ip| is not cleared first: every field
|ipv4_emit| reads is set below, and a cleared copy on the stack kept the
compiler from holding the fields in registers (saves 21 instructions).

@c
static int ip_output(sr_host *h, const struct sr_rtres *rt, uint32_t daddr,
  const struct sr_ipout *o, const void *l4, size_t l4len)
{
  sr_pkt *pkt = pkt_alloc(0, (size_t) SR_IPHDR_LEN + (size_t) o->optlen + l4len);
  memcpy(pkt->data + SR_IPHDR_LEN + o->optlen, l4, l4len);
  return ip_output_pkt(h, rt, daddr, o, pkt);
}

static int ip_output_pkt(sr_host *h, const struct sr_rtres *rt, uint32_t daddr,
  const struct sr_ipout *o, sr_pkt *pkt)
{
  int hlen = SR_IPHDR_LEN + o->optlen;
  size_t tot = pkt->len, l4len = tot - (size_t) hlen;
  int mtu = rt->mtu;
  bool ignore_df = o->pmtudisc < IP_PMTUDISC_DO || o->pmtudisc == IP_PMTUDISC_OMIT;
  bool df;
  struct sr_ipv4 ip;
  if (o->pmtudisc >= IP_PMTUDISC_PROBE) {
    const sr_iface *dev = iface_by_index(h, rt->ifindex);
    mtu = dev->mtu > SR_IP_MAX_MTU ? SR_IP_MAX_MTU : dev->mtu;
  }
  if (tot > SR_IP_MAXPACKET || (!ignore_df && tot > (size_t) mtu)) {
    free(pkt);
    return -EMSGSIZE;
  }
  df = o->pmtudisc == IP_PMTUDISC_DO || o->pmtudisc == IP_PMTUDISC_PROBE ||
    (tot <= (size_t) rt->mtu && o->pmtudisc == IP_PMTUDISC_WANT && !rt->mtu_locked);
  ip.tos = o->tos;
  ip.ttl = o->ttl;
  ip.protocol = o->protocol;
  ip.tot_len = (uint16_t) tot;
  ip.frag_off = df ? IP_DF : 0;
  if (ip_sk_connected(o->sk)) ip.id = ++o->sk->inet_id;
  else if (df && !ignore_df) ip.id = 0;
  else ip.id = h->ip_ident++;
  ip.saddr = rt->saddr;
  ip.daddr = daddr;
  pkt->sk = o->sk;
  pkt->mark = o->mark;
  pkt->tx_flags = o->tx_flags;
  pkt->tskey = o->tskey;
  pkt->iif = rt->iif;
  pkt->local = rt->type == SR_RT_LOCAL;
  if (!pkt->truesize) pkt->truesize = skb_truesize((int) tot, (int) l4len - ip_head_l4len(o->sk));
  if (o->optlen) {
    memcpy(pkt->data + SR_IPHDR_LEN, o->opt, (size_t) o->optlen);
    ip_options_first_hop(o->opt, o->optlen, &ip.daddr);
    ip_options_build(h, pkt->data + SR_IPHDR_LEN, o->optlen, rt->saddr, daddr);
  }
  ip.opt = pkt->data + SR_IPHDR_LEN;
  ip.optlen = o->optlen;
  ipv4_emit(pkt->data, &ip);
  if (tot <= (size_t) mtu && rt->type != SR_RT_BROADCAST && rt->type != SR_RT_MULTICAST)
    dev_xmit(h, rt->ifindex, rt->nexthop, false, pkt);
  else ip_send(h, rt->type, rt->ifindex, rt->nexthop, pkt, mtu, o->mc_loop);
  return 0;
}

@ \clause{ip.7:IP_MULTICAST_LOOP}
\clause{ip.7:IP_MULTICAST_TTL:3}
@^ip.7:IP\_MULTICAST\_LOOP@>
Handing a datagram to its interface, |ip_mc_output| and
|ip_finish_output|.  A broadcast leaving an Ethernet-like interface is
also looped back to the sending host, always; a multicast datagram is
looped back when the socket asked for it (\.{IP\_MULTICAST\_LOOP}) and
the host is a member of the group on that interface; a multicast datagram
with TTL 0 goes no further than that.

\kernel{a socket joined to \.{239.1.2.3} receives the group datagram of
another socket of its host; with \.{IP\_MULTICAST\_LOOP} 0 on the sender,
nothing; with \.{IP\_MULTICAST\_TTL} 0 it receives it and \.{tcpdump}
on the interface sees nothing; the default TTL on the wire is 1, with DF.
A socket bound to port 5001 receives its own broadcast to
\.{10.1.0.255}; a socket that joined nothing receives a datagram to
\.{224.0.0.1}.  (The kernel also sends IGMP reports when a socket joins;
the model does not.)}  The looped copy is the whole
datagram and arrives on the output interface.  Then the datagram is
fragmented if it exceeds the MTU and sent.

@c
static void ip_send(sr_host *h, int type, int ifindex, uint32_t nexthop,
  sr_pkt *pkt, int mtu, bool mc_loop)
{
  sr_iface *dev = iface_by_index(h, ifindex);
  bool loopdev = (dev->flags & IFF_LOOPBACK) != 0;
  bool group = type == SR_RT_BROADCAST || type == SR_RT_MULTICAST;
  if (type == SR_RT_MULTICAST && !loopdev) {
    if (mc_loop && ip_check_mc(h, ifindex, get_addr(pkt->data + 16)))
      dev_loop(h, ifindex, pkt_clone(pkt), SR_RT_MULTICAST);
    if (pkt->data[8] == 0) { free(pkt); return; }
  }
  if (type == SR_RT_BROADCAST && !loopdev)
    dev_loop(h, ifindex, pkt_clone(pkt), SR_RT_BROADCAST);
  ip_fragment(h, ifindex, nexthop, group, pkt, mtu);
}

@ Fragmentation, |ip_do_fragment|.  Each fragment but the last carries
the largest multiple of eight bytes that fits the MTU after the header;
every fragment carries the header, the first with all options and the
others with the options that are copied (|ip_options_fragment|).  A
datagram that was itself a fragment (a router re-fragmenting) keeps its
offset and its more-fragments flag on the last piece.  DF is cleared.
A datagram whose UDP checksum was left partial has it completed first,
as |ip_do_fragment| does (|skb_checksum_help|): no receiver could
complete it from the pieces.

@<Private function prototypes@>=
static void ip_fragment(sr_host *h, int ifindex, uint32_t nexthop, bool group,
  sr_pkt *pkt, int mtu);

@ @c
static void ip_fragment(sr_host *h, int ifindex, uint32_t nexthop, bool group,
  sr_pkt *pkt, int mtu)
{
  uint8_t hdr[60];
  size_t hlen = (size_t) (pkt->data[0] & 0xf) * 4, left, pos, off, chunk;
  uint16_t fo;
  bool more;
  if (pkt->len <= (size_t) mtu) { dev_xmit(h, ifindex, nexthop, group, pkt); return; }
  if (pkt->csum_partial) udp_csum_complete(pkt->data);
  fo = get16(pkt->data + 6);
  off = (size_t) (fo & IP_OFFMASK) * 8;
  more = (fo & IP_MF) != 0;
  memcpy(hdr, pkt->data, hlen);
  left = pkt->len - hlen;
  pos = hlen;
  chunk = ((size_t) mtu - hlen) & ~(size_t) 7;
  while (left > 0) {
    size_t len = left > (size_t) mtu - hlen ? chunk : left;
    sr_pkt *f = pkt_alloc(0, hlen + len);
    f->sk = pkt->sk;
    f->local = pkt->local;
    f->mark = pkt->mark;
    if (pos == hlen) { f->tx_flags = pkt->tx_flags; f->tskey = pkt->tskey; }
    f->truesize = skb_truesize((int) (hlen + len),
      (int) len - (pos == hlen ? ip_head_l4len(pkt->sk) : 0));
    memcpy(f->data, hdr, hlen);
    memcpy(f->data + hlen, pkt->data + pos, len);
    put16(f->data + 2, (uint16_t) (hlen + len));
    put16(f->data + 6, (uint16_t) (off / 8 | (len < left || more ? IP_MF : 0)));
    ipv4_recsum(f->data);
    dev_xmit(h, ifindex, nexthop, group, f);
    if (pos == hlen) ip_options_fragment(hdr + SR_IPHDR_LEN, (int) hlen - SR_IPHDR_LEN);
    pos += len;
    off += len;
    left -= len;
  }
  free(pkt);
}

@*1 Receiving a datagram.
|ip_rcv| takes a frame from an interface.  A header that does not parse
is dropped; bytes after the total length are trimmed.  Then routing
decides whether the datagram is for this host --- addressed to one of its
addresses (on any interface: Linux is a ``weak host''), to a broadcast
address, or to a multicast group the host has joined on the arrival
interface --- or is to be forwarded, or dropped.  A looped-back copy of
the host's own broadcast or multicast arrives with its route type
already known.

@<Private function prototypes@>=
static void ip_rcv(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type);
static int ip_route_input(sr_host *h, int ifindex, const struct sr_ipv4 *ip);

@ @c
static void ip_rcv(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type)
{
  struct sr_ipv4 ip;
  if (!ipv4_parse(pkt->data, pkt->len, &ip)) { free(pkt); return; }
  pkt->len = ip.tot_len;
  if (rt_type < 0) rt_type = ip_route_input(h, ifindex, &ip);
  if (rt_type < 0) { free(pkt); return; }
  if (ip_options_have_srr(ip.opt, ip.optlen)) { free(pkt); return; }
  if (rt_type == SR_RT_UNICAST) ip_forward(h, ifindex, pkt);
  else ip_local_deliver(h, ifindex, pkt, rt_type);
}

@ Input routing, |ip_route_input_slow| reduced to what the model has.
A multicast destination is accepted when the host is a member on the
arrival interface.  Martian sources are dropped: multicast, the limited
broadcast, \.{0/8} (except the all-zero source sending to the limited
broadcast, as a DHCP client does), and loopback addresses arriving on a
real interface.  The limited broadcast and the host's broadcast
addresses are received as broadcast; local addresses as local; anything
else is for forwarding, which the forwarding path refuses when the host
is no router.  The result is a route type, or $-1$ to drop.

@c
static int ip_route_input(sr_host *h, int ifindex, const struct sr_ipv4 *ip)
{
  sr_iface *dev = iface_by_index(h, ifindex);
  const sr_route *r;
  if (ipv4_is_multicast(ip->daddr))
    return ip_check_mc(h, ifindex, ip->daddr) && !ipv4_is_multicast(ip->saddr) ?
      SR_RT_MULTICAST : -1;
  if (ipv4_is_multicast(ip->saddr) || ipv4_is_lbcast(ip->saddr)) return -1;
  if (ipv4_is_lbcast(ip->daddr)) return SR_RT_BROADCAST;
  if (ipv4_is_zeronet(ip->saddr)) return -1;
  if (!(dev->flags & IFF_LOOPBACK) &&
      (ipv4_is_loopback(ip->saddr) || ipv4_is_loopback(ip->daddr)))
    return -1;
  r = route_lookup(h, ip->daddr);
  if (r && r->type == SR_RT_BROADCAST) return SR_RT_BROADCAST;
  if (r && r->type == SR_RT_LOCAL) return SR_RT_LOCAL;
  return SR_RT_UNICAST;
}

@ Source routes.  A datagram carrying a loose or strict source-route
option is dropped on input: the kernel's \.{accept\_source\_route} is off
in a new namespace (the ``all'' setting is 0, and the interface's is
and-ed with it).  The page says the same of incoming source routes on
stream sockets.

@<Private function prototypes@>=
static bool ip_options_have_srr(const uint8_t *opt, int optlen);

@ @c
static bool ip_options_have_srr(const uint8_t *opt, int optlen)
{
  uint8_t *p;
  for (int pos = 0; (p = ipopt_next((uint8_t *) opt, optlen, &pos)) != NULL;)
    if (p[0] == IPOPT_LSRR || p[0] == IPOPT_SSRR) return true;
  return false;
}

@*1 Local delivery.
A datagram for this host is first reassembled if it is a fragment; then
its record-route and timestamp options get this host's entry (what the
kernel's |ip_options_compile| does on input, and what \.{IP\_RECVOPTS}
shows); then it goes to its protocol.  UDP (and UDP-Lite) go to
|udp_rcv|; when no socket takes a datagram sent to one of the host's own
addresses, the host answers ``port unreachable''.  ICMP is handled in
this chapter.  Before its protocol, the datagram is offered to the host's
raw sockets of that protocol (|raw_local_deliver|, chapter {\it Raw
sockets\/}).  TCP and IGMP are not modelled and their datagrams are
dropped; any other protocol is answered with ``protocol unreachable''
unless a raw socket matched.
@^model limits@>

The datagram goes up with two things besides its fields.  Whether its
UDP checksum was left to hardware by the sending stack (|csum_ok|):
Linux trusts such a datagram without summing it (|skb_csum_unnecessary|),
and so does the model --- a datagram that arrived from outside the model
is always summed.  And the packet itself, which the transport may keep,
so that a datagram for one socket reaches its queue without a copy; the
IP layer then has nothing left to free.

@<Type definitions@>=
struct sr_rx { /* one received, reassembled IPv4 datagram */
  sr_host *host;
  int ifindex; /* the arrival interface, as sockets match it */
  int dev_ifindex; /* the device it came in on */
  uint32_t saddr, daddr;
  uint8_t ttl, tos, protocol;
  const uint8_t *opt; /* the received IP options, as this host processed them */
  const uint8_t *wire_opt; /* the same options as they arrived */
  int optlen;
  uint32_t spec_dst; /* the local address for |ipi_spec_dst| */
  int rt_type; /* |SR_RT_LOCAL|, |SR_RT_BROADCAST| or |SR_RT_MULTICAST| */
  const uint8_t *l4; /* transport header and payload */
  size_t l4len;
  uint64_t tstamp_ns; /* the virtual time of arrival */
  bool csum_ok; /* its sender left the UDP checksum partial: trust it */
  sr_pkt **pkt; /* the packet holding it; a transport that keeps it sets |*pkt| to |NULL| */
  int frag_max; /* its largest fragment's length, 0 if it came whole (\.{IP\_RECVFRAGSIZE}) */
  int truesize; /* what its buffer cost the sender, 0 if not known */
  uint32_t mark; /* the packet's mark (\.{SO\_RCVMARK}) */
};

@ @<Private function prototypes@>=
static void ip_local_deliver(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type);
static inline void ip_rx_fill(sr_host *h, int ifindex, const sr_pkt *pkt, int rt_type,
  struct sr_rx *rx);
static uint32_t fib_compute_spec_dst(sr_host *h, int ifindex,
  const struct sr_ipv4 *ip, int rt_type);

@ The arrival interface that the transport sees, the kernel's |inet_iif|:
a datagram the host sent itself over \.{lo} arrives where its route said
(|rt_iif|, above); any other on the interface that received it.

@c
static void ip_local_deliver(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type)
{
  struct sr_rx rx;
  uint8_t wire_opt[SR_MAX_IPOPTLEN];
  bool raw;
  if (get16(pkt->data + 6) & (IP_MF | IP_OFFMASK)) {
    if (!(pkt = ip_defrag(h, ifindex, pkt, rt_type))) return;
  }
  ip_rx_fill(h, ifindex, pkt, rt_type, &rx);
  if (rx.optlen) {
    memcpy(wire_opt, rx.opt, (size_t) rx.optlen);
    rx.wire_opt = wire_opt;
    ip_options_build(h, pkt->data + SR_IPHDR_LEN, rx.optlen, rx.spec_dst, rx.daddr);
    ipv4_recsum(pkt->data);
  }
  rx.pkt = &pkt;
  raw = raw_local_deliver(&rx, pkt->data, pkt->len);
  switch (rx.protocol) {
  case IPPROTO_UDP: case IPPROTO_UDPLITE:
    if (udp_rcv(&rx) < 0 && rt_type == SR_RT_LOCAL)
      icmp_send(h, pkt->data, pkt->len, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0,
        rt_type, ifindex);
    break;
  case IPPROTO_ICMP: icmp_rcv(&rx, pkt); break;
  case IPPROTO_TCP: case IPPROTO_IGMP: break;
  default:
    if (rt_type == SR_RT_LOCAL && !raw)
      icmp_send(h, pkt->data, pkt->len, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH, 0,
        rt_type, ifindex);
  }
  free(pkt);
}

@ What the protocols are told of a datagram: its addresses, TTL, TOS,
options (as they stand in the packet), the local address that answers it,
where its transport header begins, and when it arrived; and where it came
in, twice: the interface the transport sees (|inet_iif|, above), and the
device itself, by which an ICMP error is matched with its senders.
The filling is made part of |ip_local_deliver| (|inline|): as a call of
its own it cost 25 of 2\,276 instructions a round trip.

\kernel{a ``protocol unreachable'' from \.{127.0.0.1} to \.{10.0.0.1} reaches
the raw socket bound to \.{lo} and not the one bound to \.{eth0}, and so
does a ``port unreachable'' for UDP sockets.}

@c
static inline void ip_rx_fill(sr_host *h, int ifindex, const sr_pkt *pkt, int rt_type,
  struct sr_rx *rx)
{
  struct sr_ipv4 ip;
  ipv4_read(pkt->data, &ip);
  rx->host = h; /* every field of |rx| is set here: clearing it first costs more */
  rx->ifindex = ifindex == SR_LOOPBACK_IFINDEX && pkt->iif ? pkt->iif : ifindex;
  rx->dev_ifindex = ifindex;
  rx->saddr = ip.saddr;
  rx->daddr = ip.daddr;
  rx->ttl = ip.ttl;
  rx->tos = ip.tos;
  rx->protocol = ip.protocol;
  rx->spec_dst = fib_compute_spec_dst(h, ifindex, &ip, rt_type);
  rx->opt = rx->wire_opt = pkt->data + SR_IPHDR_LEN;
  rx->optlen = ip.optlen;
  rx->rt_type = rt_type;
  rx->l4 = pkt->data + ip.ihl;
  rx->l4len = ip.tot_len - ip.ihl;
  rx->tstamp_ns = W->now_ns;
  rx->csum_ok = pkt->csum_partial;
  rx->frag_max = pkt->frag_max;
  rx->truesize = pkt->truesize; /* 0 for a reassembled or injected one */
  rx->mark = pkt->mark;
  rx->pkt = NULL;
}

@ The local address that |IP_PKTINFO| reports as |ipi_spec_dst|,
|fib_compute_spec_dst|: for a unicast datagram to this host, its
destination; for a broadcast or multicast one, the address this host
would use to answer the sender --- the preferred source of its route
back --- or else an address of the arrival interface.

@c
static uint32_t fib_compute_spec_dst(sr_host *h, int ifindex,
  const struct sr_ipv4 *ip, int rt_type)
{
  int scope = RT_SCOPE_UNIVERSE;
  if (rt_type == SR_RT_LOCAL) return ip->daddr;
  if (!ipv4_is_zeronet(ip->saddr)) {
    const sr_route *r = route_lookup(h, ip->saddr);
    if (r)
      return r->prefsrc ? r->prefsrc :
        inet_select_addr(h, iface_by_index(h, r->ifindex), r->gw, r->scope);
  } else scope = RT_SCOPE_LINK;
  return inet_select_addr(h, iface_by_index(h, ifindex), 0, scope);
}

@*1 Reassembly.
\clause{ip.7:proc:ipfrag_high_thresh}
\clause{ip.7:proc:ipfrag_low_thresh}
@^ip.7:proc:ipfrag\_high\_thresh@>
Fragments of a datagram for this host wait in a queue keyed by source,
destination, identification and protocol until all have arrived; the
datagram is then rebuilt from the first fragment's header and passed up.
The rules are those of Linux~6.x (|ip_frag_queue|,
|inet_frag_queue_insert|): a fragment entirely inside one already
received is a duplicate and is ignored; any other overlap discards the
whole queue (RFC~5722's rule, adopted for IPv4 too); a last fragment
that disagrees with the length already known discards the queue; a
non-last fragment is trimmed to a multiple of eight bytes; a datagram
that would exceed 65535 bytes is dropped.  An incomplete queue lives
\.{ipfrag\_time} seconds (30) from its first fragment; when it expires,
and its first fragment had arrived and it was for one of the host's own
addresses, the host sends ``fragment reassembly time exceeded'' to the
source.  New queues are refused while the fragments held exceed
\.{ipfrag\_high\_thresh}; the model counts the bytes of the fragments
where the kernel counts their buffers' true size, and, having no memory
pressure to relieve, never prunes old queues down to
\.{ipfrag\_low\_thresh}.  \.{ipfrag\_max\_dist} (the kernel's per-peer
disorder check) is not modelled.

\kernel{with \.{ipfrag\_time} 2 on the receiver, the first fragment
alone of a 2028-byte UDP datagram is answered 2~s later by \.{ICMP ip
reassembly time exceeded}, 576 bytes long, TOS \.{0xc0}, quoting the
fragment.}
@^reassembly@>
@^model limits@>

@<Type definitions@>=
typedef struct {
  size_t off, end;
  sr_pkt *pkt;
} sr_frag;
typedef struct {
  sr_hent h; /* key: the addresses, the identification, the protocol */
  uint64_t serial;
  sr_frag *f; /* sorted by offset */
  int nf;
  size_t len; /* the datagram's payload length, once known */
  size_t meat; /* payload bytes held */
  bool first_in, last_in;
  int rt_type;
} sr_fragq;

@ @<Fields of a host@>=
sr_htab frags;
size_t frag_mem;

@ @<Free the network state of host |fh|@>=
htab_free(&fh->frags, fragq_free);

@ @<Private function prototypes@>=
static sr_pkt *ip_defrag(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type);
static void ip_frag_expire(sr_host *h, uint64_t k0, uint64_t k1, uint64_t serial);
static void fragq_free(sr_hent *e);

@ @c
static void fragq_free(sr_hent *e)
{
  sr_fragq *q = (sr_fragq *) e;
  for (int i = 0; i < q->nf; i++) free(q->f[i].pkt);
  free(q->f);
  free(q);
}

static void fragq_kill(sr_host *h, sr_fragq *q)
{
  for (int i = 0; i < q->nf; i++) h->frag_mem -= q->f[i].pkt->len;
  htab_remove(&h->frags, &q->h);
  fragq_free(&q->h);
}

@ Finding or creating the queue of a fragment.

@c
static sr_fragq *fragq_get(sr_host *h, const struct sr_ipv4 *ip, int rt_type)
{
  uint64_t k0 = (uint64_t) ip->saddr << 32 | ip->daddr;
  uint64_t k1 = (uint64_t) ip->id << 8 | ip->protocol;
  sr_fragq *q = (sr_fragq *) htab_find(&h->frags, k0, k1);
  sr_event e;
  if (q) return q;
  if (h->frag_mem > (size_t) sysctl_value(h, SYS_IPFRAG_HIGH_THRESH)) return NULL;
  q = xcalloc(1, sizeof *q);
  q->h.k0 = k0;
  q->h.k1 = k1;
  q->serial = ++h->serial;
  q->rt_type = rt_type;
  htab_insert(&h->frags, &q->h);
  memset(&e, 0, sizeof e);
  e.t = W->now_ns + (uint64_t) sysctl_value(h, SYS_IPFRAG_TIME) * 1000000000u;
  e.kind = EV_FRAG_EXPIRE;
  e.host = h->id;
  e.k0 = k0;
  e.k1 = k1;
  e.serial = q->serial;
  ev_push(&e);
  return q;
}

@ Adding a fragment; returning the whole datagram when it is complete.

@c
static sr_pkt *ip_defrag(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type)
{
  struct sr_ipv4 ip;
  sr_fragq *q;
  size_t off, end;
  int i;
  (void) ifindex;
  ipv4_parse(pkt->data, pkt->len, &ip);
  if (!(q = fragq_get(h, &ip, rt_type))) { free(pkt); return NULL; }
  off = (size_t) (ip.frag_off & IP_OFFMASK) * 8;
  end = off + ip.tot_len - ip.ihl;
  @<Check the fragment's end against the queue, or discard the queue@>@;
  for (i = 0; i < q->nf && q->f[i].off < off; i++) ;
  @<Refuse a duplicate or an overlapping fragment@>@;
  q->f = xrealloc(q->f, (size_t) q->nf + 1, sizeof *q->f);
  memmove(&q->f[i + 1], &q->f[i], (size_t) (q->nf - i) * sizeof *q->f);
  q->f[i].off = off;
  q->f[i].end = end;
  q->f[i].pkt = pkt;
  q->nf++;
  q->meat += end - off;
  h->frag_mem += pkt->len;
  if (off == 0) q->first_in = true;
  if (q->first_in && q->last_in && q->meat == q->len) return ip_frag_reasm(h, q);
  return NULL;
}

@ @<Check the fragment's end against the queue, or discard the queue@>=
if (!(ip.frag_off & IP_MF)) {
  if (end < q->len || (q->last_in && end != q->len)) goto discard;
  q->last_in = true;
  q->len = end;
} else {
  end &= ~(size_t) 7;
  if (end > q->len) {
    if (q->last_in) goto discard;
    q->len = end;
  }
}
if (end <= off) goto discard;

@ @<Refuse a duplicate or an overlapping fragment@>=
if (i > 0 && q->f[i - 1].end > off) {
  if (end <= q->f[i - 1].end) { free(pkt); return NULL; }
  goto discard;
}
if (i < q->nf && q->f[i].off < end) {
  if (q->f[i].off == off && end <= q->f[i].end) { free(pkt); return NULL; }
  goto discard;
}
if (0) {
discard:
  fragq_kill(h, q);
  free(pkt);
  return NULL;
}

@ Rebuilding: the first fragment's header, the payloads in order, the
total length set and the fragment field cleared.

@<Private function prototypes@>=
static sr_pkt *ip_frag_reasm(sr_host *h, sr_fragq *q);

@ @c
static sr_pkt *ip_frag_reasm(sr_host *h, sr_fragq *q)
{
  sr_pkt *first = q->f[0].pkt, *whole;
  size_t hlen = (size_t) (first->data[0] & 0xf) * 4;
  if (hlen + q->len > SR_IP_MAXPACKET) { fragq_kill(h, q); return NULL; }
  whole = pkt_alloc(0, hlen + q->len);
  memcpy(whole->data, first->data, hlen);
  whole->frag_max = 0;
  whole->mark = first->mark;
  for (int i = 0; i < q->nf; i++) {
    sr_pkt *f = q->f[i].pkt;
    size_t fh = (size_t) (f->data[0] & 0xf) * 4;
    memcpy(whole->data + hlen + q->f[i].off, f->data + fh, q->f[i].end - q->f[i].off);
    if (get16(f->data + 2) > whole->frag_max) whole->frag_max = get16(f->data + 2);
  }
  put16(whole->data + 2, (uint16_t) whole->len);
  put16(whole->data + 6, 0);
  ipv4_recsum(whole->data);
  fragq_kill(h, q);
  return whole;
}

@ The deadline of a queue.  (A queue completed or discarded before its
deadline has gone, or has been replaced by one with another serial.)

@c
static void ip_frag_expire(sr_host *h, uint64_t k0, uint64_t k1, uint64_t serial)
{
  sr_fragq *q = (sr_fragq *) htab_find(&h->frags, k0, k1);
  if (!q || q->serial != serial) return;
  if (q->first_in && q->rt_type == SR_RT_LOCAL)
    icmp_send(h, q->f[0].pkt->data, q->f[0].pkt->len, ICMP_TIME_EXCEEDED,
      ICMP_EXC_FRAGTIME, 0, SR_RT_LOCAL, 0);
  fragq_kill(h, q);
}

@*1 Forwarding.
\clause{ip.7:proc:ip_forward}
A host whose \.{ip\_forward} is nonzero is a router: a datagram that
arrives for an address that is not its own is sent on towards its
destination.  A host that is no router drops it silently.  The router,
as |ip_forward| and |ip_error| do: hands a datagram with the router-alert
option to its listeners, if any match, instead of forwarding it (chapter
{\it Raw sockets\/}); answers a datagram whose TTL would
reach zero with ``time exceeded in transit''; looks up the route, and
answers ``net unreachable'' when there is none (``host unreachable'' for
an \.{unreachable} route, ``packet filtered'' for a \.{prohibit} one,
nothing for a \.{blackhole}); answers a datagram with DF that exceeds the
next interface's MTU with ``fragmentation needed'' naming that MTU;
records its outgoing address in a record-route option; decrements the
TTL; and sends the datagram, fragmenting it if it may.  A router uses the
interface's MTU, not learnt path MTUs (\.{ip\_forward\_use\_pmtu} is
0).  Broadcast and multicast are never forwarded.
@^routers@>
@^ip\_forward@>

\kernel{through a router \.{R} (\.{ip\_forward=1}) between \.{10.1.0/24}
and \.{10.2.0/24} whose second link has MTU 1400: a datagram with TTL~1
is answered by \.{10.1.0.254 > 10.1.0.1: ICMP time exceeded in-transit}
(TOS \.{0xc0}, TTL 64, no DF) quoting the datagram with TTL 1; with TTL 2
it reaches \.{10.2.0.3}, whose port unreachable comes back with TTL 63
quoting TTL 1; a 1478-byte datagram with DF is answered by \.{ICMP
10.2.0.3 unreachable - need to frag (mtu 1400)}, 576 bytes long; a
datagram to \.{10.3.0.3}, which \.{R} has no route to, by \.{ICMP net
10.3.0.3 unreachable}.}

@<Private function prototypes@>=
static void ip_forward(sr_host *h, int ifindex, sr_pkt *pkt);

@ @c
static void ip_forward(sr_host *h, int ifindex, sr_pkt *pkt)
{
  struct sr_ipv4 ip;
  const sr_route *r;
  sr_iface *out;
  int err, mtu;
  uint32_t src;
  ipv4_parse(pkt->data, pkt->len, &ip);
  if (!sysctl_value(h, SYS_IP_FORWARD)) { free(pkt); return; }
  if (ip_call_ra_chain(h, ifindex, pkt)) return;
  if (ip.ttl <= 1) {
    icmp_send(h, pkt->data, pkt->len, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0,
      SR_RT_UNICAST, ifindex);
    free(pkt);
    return;
  }
  r = fib_lookup(h, ip.daddr, 0, RT_SCOPE_UNIVERSE, &err);
  if (!r) {
    int code = err == -ENETUNREACH ? ICMP_NET_UNREACH :
      err == -EHOSTUNREACH ? ICMP_HOST_UNREACH : err == -EACCES ? ICMP_PKT_FILTERED : -1;
    if (code >= 0)
      icmp_send(h, pkt->data, pkt->len, ICMP_DEST_UNREACH, code, 0, SR_RT_UNICAST,
        ifindex);
    free(pkt);
    return;
  }
  out = iface_by_index(h, r->ifindex);
  mtu = out->mtu > SR_IP_MAX_MTU ? SR_IP_MAX_MTU : out->mtu;
  if (ip.tot_len > mtu && (ip.frag_off & IP_DF)) {
    icmp_send(h, pkt->data, pkt->len, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED,
      (uint32_t) mtu, SR_RT_UNICAST, ifindex);
    free(pkt);
    return;
  }
  src = r->prefsrc ? r->prefsrc : inet_select_addr(h, out, r->gw, r->scope);
  if (ip.optlen) ip_options_build(h, pkt->data + SR_IPHDR_LEN, ip.optlen, src, ip.daddr);
  pkt->data[8]--;
  ipv4_recsum(pkt->data);
  ip_fragment(h, r->ifindex, r->gw ? r->gw : ip.daddr, false, pkt, mtu);
}

@*1 ICMP.
The Internet Control Message Protocol carries the errors of IP and its
echo service.  This section sends errors and echo replies and receives
errors on behalf of the transport protocols.  Its numbers --- types,
codes --- are those of \.{netinet/ip\_icmp.h}.

@ Sending an error, |__icmp_send|.  No error is sent about a datagram
that was addressed to a broadcast or multicast address, about a fragment
other than the first, or about an ICMP error (which would invite loops).
The error goes back to the datagram's source; its source address is the
datagram's destination when that was one of the host's own addresses,
else whatever the route back chooses.  Its TOS is the datagram's TOS bits
with the precedence ``internetwork control'' (\.{0xc0}); its TTL the
host's default; it is never sent with DF.  It quotes as much of the
datagram as fits in 576 bytes (RFC~1812's advice).  Errors are rate
limited per destination (below), except ``fragmentation needed'' and
those sent over loopback.

\kernel{a UDP datagram to a closed port of \.{10.1.0.2} is answered by
\.{IP (tos 0xc0, ttl 64, flags [none], proto ICMP, length 156) 10.1.0.2 >
10.1.0.1: ICMP 10.1.0.2 udp port 9 unreachable}, quoting the whole
128-byte datagram; for a 3000-byte datagram the answer is 576 bytes
long and quotes its first 548 bytes.}

@<Constants of the model@>=
#define SR_ICMP_QUOTE_MAX 576
#define SR_IPTOS_PREC_INTERNETCONTROL 0xc0

@ @<Private function prototypes@>=
static void icmp_send(sr_host *h, const uint8_t *orig, size_t len, int type,
  int code, uint32_t info, int orig_rt_type, int in_ifindex);
static bool icmp_is_error(int type);

@ @c
static bool icmp_is_error(int type)
{
  return type == ICMP_DEST_UNREACH || type == ICMP_SOURCE_QUENCH ||
    type == ICMP_REDIRECT || type == ICMP_TIME_EXCEEDED || type == ICMP_PARAMETERPROB;
}

static void icmp_send(sr_host *h, const uint8_t *orig, size_t len, int type,
  int code, uint32_t info, int orig_rt_type, int in_ifindex)
{
  struct sr_ipv4 ip;
  struct sr_flow fl;
  struct sr_rtres rt;
  (void) in_ifindex;
  if (!ipv4_parse(orig, len, &ip)) return;
  if (orig_rt_type == SR_RT_BROADCAST || orig_rt_type == SR_RT_MULTICAST) return;
  if (ip.frag_off & IP_OFFMASK) return;
  if (ip.protocol == IPPROTO_ICMP) {
    if (len < (size_t) ip.ihl + 1 || orig[ip.ihl] > NR_ICMP_TYPES ||
        icmp_is_error(orig[ip.ihl]))
      return;
  }
  memset(&fl, 0, sizeof fl);
  fl.daddr = ip.saddr;
  fl.saddr = orig_rt_type == SR_RT_LOCAL ? ip.daddr : 0;
  if (ip_route_output(h, &fl, &rt)) return;
  if (!(type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED) &&
      !icmp_rate_allow(h, &rt, type, ip.saddr))
    return;
  icmp_push(h, &rt, ip.saddr, (uint8_t) ((ip.tos & IPTOS_TOS_MASK) |
    SR_IPTOS_PREC_INTERNETCONTROL), type, code, info, orig,
    len < (size_t) (SR_ICMP_QUOTE_MAX - SR_IPHDR_LEN - SR_ICMPHDR_LEN) ?
      len : (size_t) (SR_ICMP_QUOTE_MAX - SR_IPHDR_LEN - SR_ICMPHDR_LEN));
}

@ Building and sending an ICMP message: the host's ICMP ``socket'' sends
with the default TTL, without DF, and with an identification from the
host's counter.

@<Private function prototypes@>=
static void icmp_push(sr_host *h, const struct sr_rtres *rt, uint32_t daddr,
  uint8_t tos, int type, int code, uint32_t rest, const uint8_t *data,
  size_t datalen);

@ @c
static void icmp_push(sr_host *h, const struct sr_rtres *rt, uint32_t daddr,
  uint8_t tos, int type, int code, uint32_t rest, const uint8_t *data,
  size_t datalen)
{
  struct sr_ipout o;
  struct sr_icmp ic;
  uint8_t *buf = xcalloc(1, SR_ICMPHDR_LEN + datalen);
  ic.type = (uint8_t) type;
  ic.code = (uint8_t) code;
  ic.rest = rest;
  ic.data = data;
  ic.datalen = datalen;
  icmp_emit(buf, &ic);
  memset(&o, 0, sizeof o);
  o.protocol = IPPROTO_ICMP;
  o.ttl = (uint8_t) sysctl_value(h, SYS_IP_DEFAULT_TTL);
  o.tos = tos;
  o.pmtudisc = IP_PMTUDISC_DONT;
  ip_output(h, rt, daddr, &o, buf, SR_ICMPHDR_LEN + datalen);
  free(buf);
}

@ The rate limit of errors, |icmpv4_xrlim_allow|.  The types in
\.{icmp\_ratemask} (6168: destination unreachable, source quench, time
exceeded, parameter problem) are limited per destination host by a token
bucket: it holds up to six times \.{icmp\_ratelimit} (1000~ms) worth of
time, fills with elapsed time, and each error costs \.{icmp\_ratelimit};
a bucket starts full.  So a burst of six errors to one host passes, then
one a second.  Errors that leave by the loopback device are not limited.
The kernel also has a global limit (\.{icmp\_msgs\_per\_sec}, 1000 with a
burst of 50, spent in random amounts); the model does not keep it, and
a world that makes more than fifty errors a second to different hosts may
see more of them than Linux would send.  Time is counted in ticks, as the
kernel counts it.
@^model limits@>
@^rate limit@>

\kernel{thirty datagrams sent at once to thirty closed ports of
\.{10.1.0.2}, one second after six earlier errors, draw one ``port
unreachable''; then datagrams every 250~ms draw one error a second.
The first six datagrams of a fresh namespace to closed ports all draw
errors, the seventh, 50~ms later, none.}

@<Constants of the model@>=
#define SR_ICMP_RATELIMIT_MS 1000
#define SR_ICMP_RATEMASK 6168
#define SR_XRLIM_BURST_FACTOR 6

@ @<Type definitions@>=
typedef struct {
  sr_hent h; /* key: the peer's address */
  uint64_t tokens, last; /* ticks */
} sr_peer;

@ @<Fields of a host@>=
sr_htab peers;

@ @<Free the network state of host |fh|@>=
htab_free(&fh->peers, hent_free);

@ @<Private function prototypes@>=
static bool icmp_rate_allow(sr_host *h, const struct sr_rtres *rt, int type,
  uint32_t peer);
static uint64_t jiffies(void);

@ @c
static uint64_t jiffies(void)
{
  return W->now_ns / (1000000000u / (uint64_t) W->hz);
}

static bool icmp_rate_allow(sr_host *h, const struct sr_rtres *rt, int type,
  uint32_t peer)
{
  uint64_t timeout = (uint64_t) SR_ICMP_RATELIMIT_MS * (uint64_t) W->hz / 1000, now = jiffies();
  sr_peer *p;
  if (type > NR_ICMP_TYPES || !((SR_ICMP_RATEMASK >> type) & 1)) return true;
  if (iface_by_index(h, rt->ifindex)->flags & IFF_LOOPBACK) return true;
  p = (sr_peer *) htab_find(&h->peers, peer, 0);
  if (!p) {
    p = xcalloc(1, sizeof *p);
    p->h.k0 = peer;
    p->tokens = SR_XRLIM_BURST_FACTOR * timeout;
    p->last = now;
    htab_insert(&h->peers, &p->h);
  }
  p->tokens += now - p->last;
  p->last = now;
  if (p->tokens > SR_XRLIM_BURST_FACTOR * timeout)
    p->tokens = SR_XRLIM_BURST_FACTOR * timeout;
  if (p->tokens < timeout) return false;
  p->tokens -= timeout;
  return true;
}

@ \clause{ip.7:proc:ip_no_pmtu_disc}
@^ip.7:proc:ip\_no\_pmtu\_disc@>
Receiving ICMP, |icmp_rcv|.  A message whose checksum fails is
dropped.  Echo requests are answered; but one sent to a broadcast or
multicast address is ignored (\.{icmp\_echo\_ignore\_broadcasts} is 1),
and so is any error sent to one.  An error is passed to the transport
protocol of the datagram it quotes --- UDP here --- once the quoted header
has been checked: it must hold a whole IP header and the first eight
bytes behind it, and an error about a datagram sent to a broadcast
address is ignored (\.{icmp\_ignore\_bogus\_error\_responses}).  For
``fragmentation needed'' the fourth word's low half is the next-hop MTU,
passed on as |info| while \.{ip\_no\_pmtu\_disc} is 0, as 0 when it is 1,
and the error is dropped when it is 2; for a parameter problem |info| is
the pointer.

@<Private function prototypes@>=
static void icmp_rcv(const struct sr_rx *rx, const sr_pkt *pkt);

@ @c
static void icmp_rcv(const struct sr_rx *rx, const sr_pkt *pkt)
{
  struct sr_icmp ic;
  struct sr_ipv4 q;
  uint32_t info = 0;
  sr_host *h = rx->host;
  const sr_route *r;
  (void) pkt;
  if (!icmp_parse(rx->l4, rx->l4len, &ic)) return;
  if (rx->rt_type != SR_RT_LOCAL && ic.type != ICMP_ECHOREPLY) return;
  if (ic.type == ICMP_ECHO) { icmp_echo(rx, &ic); return; }
  if (ic.type == ICMP_ECHOREPLY) { ping_rcv(rx); return; }
  if (!icmp_is_error(ic.type) || ic.type == ICMP_REDIRECT) return;
  if (ic.datalen < SR_IPHDR_LEN) return;
  q.ihl = (uint8_t) ((ic.data[0] & 0xf) * 4);
  if (q.ihl < SR_IPHDR_LEN || ic.datalen < (size_t) q.ihl + 8) return;
  q.protocol = ic.data[9];
  q.daddr = get_addr(ic.data + 16);
  if (ic.type == ICMP_DEST_UNREACH) {
    if (ic.code == ICMP_FRAG_NEEDED) {
      long long mode = sysctl_value(h, SYS_IP_NO_PMTU_DISC);
      if (mode == 2) return;
      if (mode == 0) info = ic.rest & 0xffff;
    }
    if (ic.code > NR_ICMP_UNREACH) return;
  } else if (ic.type == ICMP_PARAMETERPROB) info = ic.rest >> 24;
  r = route_lookup(h, q.daddr);
  if (r && r->type == SR_RT_BROADCAST) return;
  raw_icmp_error(rx, ic.type, ic.code, info, ic.data, ic.datalen);
  if (q.protocol == IPPROTO_UDP || q.protocol == IPPROTO_UDPLITE)
    udp_err(rx, ic.type, ic.code, info, ic.data, ic.datalen);
  else if (q.protocol == IPPROTO_ICMP)
    ping_err(rx, ic.type, ic.code, info, ic.data, ic.datalen);
}

@ The echo service, |icmp_echo|: the reply carries the request's
identifier, sequence and data, goes back to the requester from the
address the request was sent to, with the request's TOS.  Echo replies
are not rate limited.

@<Private function prototypes@>=
static void icmp_echo(const struct sr_rx *rx, const struct sr_icmp *ic);

@ @c
static void icmp_echo(const struct sr_rx *rx, const struct sr_icmp *ic)
{
  struct sr_flow fl;
  struct sr_rtres rt;
  memset(&fl, 0, sizeof fl);
  fl.daddr = rx->saddr;
  fl.saddr = rx->spec_dst;
  if (ip_route_output(rx->host, &fl, &rt)) return;
  icmp_push(rx->host, &rt, rx->saddr, rx->tos, ICMP_ECHOREPLY, ic->code, ic->rest,
    ic->data, ic->datalen);
}

@*1 Multicast membership of a host.
A host receives a multicast datagram on an interface when some socket of
the host has joined the group there (the per-socket lists are kept by the
chapter on multicast membership, which reports each join and leave
here), and every interface that is up is a member of the all-hosts group
\.{224.0.0.1}, which the kernel joins on each device it brings up.  The
counts live in a hash table keyed by interface and group, so the test on
every arriving datagram is constant time.  Which of the host's sockets
then receive the datagram is the transport protocol's question.

@<Fields of a host@>=
sr_htab mc;

@ @<Free the network state of host |fh|@>=
htab_free(&fh->mc, hent_free);

@ @<Type definitions@>=
typedef struct {
  sr_hent h; /* key: the interface and the group */
  int users;
} sr_mcgroup;

@ @<Private function prototypes@>=
static void ip_mc_inc_group(sr_host *h, int ifindex, uint32_t group);
static void ip_mc_dec_group(sr_host *h, int ifindex, uint32_t group);
static bool ip_check_mc(sr_host *h, int ifindex, uint32_t group);

@ @c
static void ip_mc_inc_group(sr_host *h, int ifindex, uint32_t group)
{
  uint64_t k = (uint64_t) (unsigned) ifindex << 32 | group;
  sr_mcgroup *g = (sr_mcgroup *) htab_find(&h->mc, k, 0);
  if (!g) {
    g = xcalloc(1, sizeof *g);
    g->h.k0 = k;
    htab_insert(&h->mc, &g->h);
  }
  g->users++;
}

static void ip_mc_dec_group(sr_host *h, int ifindex, uint32_t group)
{
  uint64_t k = (uint64_t) (unsigned) ifindex << 32 | group;
  sr_mcgroup *g = (sr_mcgroup *) htab_find(&h->mc, k, 0);
  if (g && --g->users == 0) {
    htab_remove(&h->mc, &g->h);
    free(g);
  }
}

static bool ip_check_mc(sr_host *h, int ifindex, uint32_t group)
{
  sr_iface *ifp = iface_by_index(h, ifindex);
  if (!ifp || !(ifp->flags & IFF_UP)) return false;
  if (group == htonl(INADDR_ALLHOSTS_GROUP)) return true;
  return htab_find(&h->mc, (uint64_t) (unsigned) ifindex << 32 | group, 0) != NULL;
}

@*1 What the model leaves out.
\clause{ip.7:proc:ip_dynaddr}
@^ip.7:proc:ip\_dynaddr@>
Interfaces of the model never change their addresses by themselves ---
there is no dial-up link and no DHCP --- so \.{ip\_dynaddr}, which lets
sockets follow such a change, has nothing to act on; the tunable is kept
and read back.  Also absent: ICMP redirects (a router forwarding back
out of the arrival interface would send one), the reply options of ICMP
errors and echo replies (the kernel echoes a received record-route or
timestamp option), the ``parameter problem'' answer to a received
datagram whose options are malformed (the model passes such options up
as they are), the timestamp and address-mask requests, IGMP reports, and
TCP.
@^model limits@>
