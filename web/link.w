@* Links, time and events.
Below IP lies the physical world of the model: interfaces plugged into
LANs, a loopback device on every host, and a clock.  A LAN is a broadcast
domain --- a switch, or a veth pair when it has two members --- that
carries a frame from one interface to the others after a delay, and may
lose, duplicate or reorder it, each by a probability drawn from a random
generator kept in the world and seeded, so that a run with a given seed
always loses the same frames.  Nothing here looks inside a frame beyond
the one question a link layer asks: which member of the LAN owns the
next-hop address (the answer ARP would give).

Every frame in flight is an {\it event\/} in a queue ordered by virtual
time.  A frame sent on a LAN without delay, or on the loopback device, is
an event due now; |net_run| delivers everything due before a public call
returns, so a datagram sent over loopback or a zero-delay LAN is in the
receiver's queue when |sr_sendto| returns, as it is under Linux, where the
softirq that delivers it runs before the system call returns.  Delayed
events wait until |sr_advance_ns| moves the clock past them.
@^virtual time@>
@^events@>

@*1 Tools: a hash table and a random generator.
The network chapters keep several tables whose size grows with traffic:
fragments being reassembled, path MTUs learnt, ICMP rate-limit state per
peer, multicast memberships per interface, neighbours being resolved.
They share one chained hash table with 128-bit keys.  An entry is any
structure that begins with an |sr_hent|; the table grows by doubling when
it holds as many entries as buckets, so lookup, insertion and removal are
constant time on average.

@<Type definitions@>=
typedef struct sr_hent sr_hent;
struct sr_hent {
  sr_hent *next;
  uint64_t k0, k1;
};
typedef struct {
  sr_hent **b;
  size_t nb, n;
  int shift; /* 64 minus the number of bits of a bucket's index */
} sr_htab;

@ A caller that looks a key up to insert it when it is missing (the binding
tables, on every bind) asks |htab_where| for the place of the key ---
the link that holds its entry, or the empty link at the end of its chain
--- and, finding it empty, puts the new entry there with |htab_link|:
one hash and one walk instead of two.  (|htab_where| makes room first,
so that the place stays valid.)  The test for room is made where the
table is used and the doubling is a function of its own, so the common
case pays for a comparison and not for a call whose prologue saves the
registers the rare case needs.

@<Private function prototypes@>=
static sr_hent *htab_find(const sr_htab *t, uint64_t k0, uint64_t k1);
static void htab_insert(sr_htab *t, sr_hent *e);
static sr_hent **htab_where(sr_htab *t, uint64_t k0, uint64_t k1);
static void htab_link(sr_htab *t, sr_hent **at, sr_hent *e);
static void htab_remove(sr_htab *t, sr_hent *e);
static void htab_free(sr_htab *t, void (*fn)(sr_hent *));
static void htab_grow(sr_htab *t);

@ The hash is Fibonacci hashing (Knuth's multiplicative method): the key
without its low sixteen bits is multiplied by $2^{64}$ over the golden
ratio, and the product's top bits --- which every bit of the key reaches
--- are xored with those low sixteen bits, unmixed.  In the binding
tables' keys the low sixteen bits are a port, so this places sockets as
the kernel's UDP tables do (the port, xored with a hash of the address):
consecutive ports of one address fall in consecutive buckets, and binding
or receiving on a run of ports touches a few cache lines of a big table
instead of one line a port --- at 100\,000 sockets, the difference
between a bind that stays in the processor's cache and one that does
not.  Every bind, send and arrival hashes several keys, so the hash is
kept to two multiplications.

@c
static size_t htab_slot(const sr_htab *t, uint64_t k0, uint64_t k1)
{
  uint64_t x = ((k0 >> 16) ^ k1 * 0xbf58476d1ce4e5b9u) * 0x9e3779b97f4a7c15u;
  return (size_t) ((x >> t->shift) ^ (k0 & 0xffff)) & (t->nb - 1);
}

static sr_hent *htab_find(const sr_htab *t, uint64_t k0, uint64_t k1)
{
  if (!t->nb) return NULL;
  for (sr_hent *e = t->b[htab_slot(t, k0, k1)]; e; e = e->next)
    if (e->k0 == k0 && e->k1 == k1) return e;
  return NULL;
}

static void htab_grow(sr_htab *t)
{
  size_t s;
  sr_htab g = { xcalloc(t->nb ? 2 * t->nb : 16, sizeof(sr_hent *)),
    t->nb ? 2 * t->nb : 16, 0, t->nb ? t->shift - 1 : 60 };
  for (size_t i = 0; i < t->nb; i++)
    while (t->b[i]) {
      sr_hent *x = t->b[i];
      t->b[i] = x->next;
      s = htab_slot(&g, x->k0, x->k1);
      x->next = g.b[s];
      g.b[s] = x;
    }
  free(t->b);
  t->b = g.b;
  t->nb = g.nb;
  t->shift = g.shift;
}

static inline void htab_grow_if_full(sr_htab *t)
{
  if (t->n >= t->nb) htab_grow(t);
}

static void htab_insert(sr_htab *t, sr_hent *e)
{
  size_t s;
  htab_grow_if_full(t);
  s = htab_slot(t, e->k0, e->k1);
  e->next = t->b[s];
  t->b[s] = e;
  t->n++;
}

static sr_hent **htab_where(sr_htab *t, uint64_t k0, uint64_t k1)
{
  sr_hent **at;
  htab_grow_if_full(t);
  for (at = &t->b[htab_slot(t, k0, k1)]; *at; at = &(*at)->next)
    if ((*at)->k0 == k0 && (*at)->k1 == k1) break;
  return at;
}

static void htab_link(sr_htab *t, sr_hent **at, sr_hent *e)
{
  e->next = *at;
  *at = e;
  t->n++;
}

static void htab_remove(sr_htab *t, sr_hent *e)
{
  sr_hent **p = &t->b[htab_slot(t, e->k0, e->k1)];
  while (*p != e) p = &(*p)->next;
  *p = e->next;
  t->n--;
}

static void htab_free(sr_htab *t, void (*fn)(sr_hent *))
{
  for (size_t i = 0; i < t->nb; i++)
    while (t->b[i]) {
      sr_hent *x = t->b[i];
      t->b[i] = x->next;
      fn(x);
    }
  free(t->b);
  t->b = NULL;
  t->nb = t->n = 0;
}

@ The random generator is splitmix64: one 64-bit word of state, a fixed
sequence for a given seed, and good enough statistics for deciding which
frames a lossy link drops.  |sr_world_seed| sets the seed; |sr_reset|
seeds with 1.  The links draw from it, and so do the choices of ports
and of identification counters.

@<Public declarations@>=
void sr_world_seed(uint64_t seed);

@ @<Private function prototypes@>=
static uint64_t rng_next(void);
static double rng_unit(void);

@ @c
static uint64_t rng_next(void)
{
  uint64_t z = (W->rng += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static double rng_unit(void)
{
  return (double) (rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

void sr_world_seed(uint64_t seed)
{
  world_ready();
  W->rng = seed;
}

@*1 Packets and events.
A packet is a buffer holding one IPv4 datagram or fragment, header
included.  An event is something due at a virtual time: a frame arriving
at an interface, the deadline of a datagram being reassembled, the next
probe of a neighbour being resolved.  Events at the same time run in the
order they were queued (|seq| breaks ties), so a burst sent in one call
arrives in order.

A packet's bytes need not begin right after its header: like the
kernel's socket buffer, a packet may have {\it headroom}, room in its
buffer in front of the datagram.  The UDP chapter uses it so that the
socket that receives a datagram can keep the very buffer the sender
filled, instead of copying the data out of it.  |csum_partial| is the
kernel's |CHECKSUM_PARTIAL|: the transport checksum in the packet holds
only the sum of the pseudo-header, the rest being left to hardware that
will complete it --- which no device of the model has, as neither the
loopback device nor veth has (see the UDP chapter).

@<Type definitions@>=
typedef struct {
  size_t len;
  uint8_t *data; /* the datagram, inside the packet's own buffer */
  sr_sock *sk; /* the socket that sent it, while the host holds it for it */
  int truesize; /* what it is charged to that socket */
  bool held; /* charged now (see |pkt_hold|) */
  bool csum_partial; /* its UDP checksum holds only the pseudo-header's sum */
  bool local; /* routed to its own host: it arrives over \.{lo} with its route */
  bool last; /* the only frame its call sends: see |loop_short_cut| */
  uint16_t frag_max; /* reassembled: its largest fragment's length (\.{IP\_RECVFRAGSIZE}) */
  int iif; /* sent by this host over \.{lo}: the arrival interface to report */
  uint8_t tx_flags; /* send time stamps still to make: |SR_SKBTX_| */
  uint32_t mark; /* \.{SO\_MARK} of its sender; a LAN clears it */
  uint32_t tskey; /* their \.{OPT\_ID} number */
} sr_pkt;
enum { EV_RX, EV_FRAG_EXPIRE, EV_NEIGH_PROBE, EV_ITIMER };
typedef struct {
  uint64_t t, seq;
  int kind;
  int host, ifindex;
  sr_pkt *pkt; /* |EV_RX|: the frame, owned by the event */
  uint64_t k0, k1, serial; /* the table entry the event concerns */
  int rt_type; /* |EV_RX|: a looped copy's route type, or $-1$ */
} sr_event;

@ The world holds the queue, a binary heap, and the other network state
of the world: the random generator, the LANs and the capture files.

@<Network fields of the world@>=
uint64_t rng;
sr_event *ev; /* a binary heap ordered by |(t, seq)| */
size_t nev, evcap;
uint64_t evseq;

@ @<Initialise the network state of the world@>=
W->rng = 1;

@ @<Free the network state of the world@>=
for (size_t i = 0; i < W->nev; i++) free(W->ev[i].pkt);
free(W->ev);

@ @<Private function prototypes@>=
static sr_pkt *pkt_alloc(size_t headroom, size_t len);
static sr_pkt *pkt_init(void *buf, size_t headroom, size_t len);
static sr_pkt *pkt_new(const void *data, size_t len);
static sr_pkt *pkt_clone(const sr_pkt *p);
static void ev_push(sr_event *e);
static inline void net_run(void);
static void net_run_due(void);
static bool net_next_event(uint64_t *t);

@ Making a packet.  |pkt_alloc| makes one of |len| bytes whose datagram
begins |headroom| bytes into the buffer (the header itself takes the
first bytes of the headroom); its bytes are not cleared, since whoever
makes a packet fills it.  |pkt_new| makes one without spare room,
holding a copy of |data| when that is not |NULL|; |pkt_init| makes one in
a buffer the caller has, big enough; |pkt_clone| copies a
packet, its checksum state included, as the kernel's |skb_clone| shares
it.  The buffers come from |malloc| and not |calloc|: the C library's
|calloc| bypasses the allocator's per-thread cache, which made every
packet cost several times what |malloc| does.

@c
static sr_pkt *pkt_alloc(size_t headroom, size_t len)
{
  if (headroom < sizeof(sr_pkt)) headroom = sizeof(sr_pkt);
  return pkt_init(xmalloc(headroom + len), headroom, len);
}

static sr_pkt *pkt_init(void *buf, size_t headroom, size_t len)
{
  sr_pkt *p = buf;
  p->len = len;
  p->data = (uint8_t *) p + headroom;
  p->sk = NULL;
  p->truesize = 0;
  p->held = false;
  p->csum_partial = false;
  p->local = false;
  p->last = false;
  p->frag_max = 0;
  p->iif = 0;
  p->tx_flags = 0;
  p->mark = 0;
  return p;
}

static sr_pkt *pkt_new(const void *data, size_t len)
{
  sr_pkt *p = pkt_alloc(sizeof *p, len);
  if (data) memcpy(p->data, data, len);
  else memset(p->data, 0, len);
  return p;
}

static sr_pkt *pkt_clone(const sr_pkt *p)
{
  sr_pkt *c = pkt_new(p->data, p->len);
  c->csum_partial = p->csum_partial;
  c->frag_max = p->frag_max;
  c->mark = p->mark;
  return c;
}

@ The heap.  Pushing sifts the new event up; popping moves the last event
to the root and sifts it down.  Both are $O(\log n)$.

@c
static bool ev_before(const sr_event *a, const sr_event *b)
{
  return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

static void ev_push(sr_event *e)
{
  size_t i;
  if (W->nev == W->evcap) {
    W->evcap = W->evcap ? 2 * W->evcap : 64;
    W->ev = xrealloc(W->ev, W->evcap, sizeof *W->ev);
  }
  e->seq = W->evseq++;
  i = W->nev++;
  while (i > 0 && ev_before(e, &W->ev[(i - 1) / 2])) {
    W->ev[i] = W->ev[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  W->ev[i] = *e;
}

static sr_event ev_pop(void)
{
  sr_event top = W->ev[0], last = W->ev[--W->nev];
  size_t i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= W->nev) break;
    if (c + 1 < W->nev && ev_before(&W->ev[c + 1], &W->ev[c])) c++;
    if (!ev_before(&W->ev[c], &last)) break;
    W->ev[i] = W->ev[c];
    i = c;
  }
  if (W->nev) W->ev[i] = last;
  return top;
}

@ Running the events that are due.  Each kind goes to the chapter that
owns it.  An event may queue others, due now or later; those due now run
in the same loop, so the network is quiescent when |net_run| returns.
The sources of new events at the same time are finite --- every
forwarding decrements a TTL, and nothing forwards broadcasts --- so the
loop ends.

Every public call that may send ends here, and mostly nothing is due:
the test for an event due now is made in the caller, and only when one
is does |net_run_due| run the loop.

@c
static inline void net_run(void)
{
  if (ev_due_now()) net_run_due();
}

static void net_run_due(void)
{
  while (W->nev && W->ev[0].t <= W->now_ns) {
    sr_event e = ev_pop();
    sr_host *h = host_by_id(e.host);
    switch (e.kind) {
    case EV_RX: dev_rcv(h, e.ifindex, e.pkt, e.rt_type); break;
    case EV_FRAG_EXPIRE: ip_frag_expire(h, e.k0, e.k1, e.serial); break;
    case EV_NEIGH_PROBE: neigh_probe(h, e.k0, e.serial); break;
    case EV_ITIMER: itimer_fire((pid_t) e.k0, e.serial); break;
    }
  }
}

static bool net_next_event(uint64_t *t)
{
  if (!W->nev) return false;
  *t = W->ev[0].t;
  return true;
}

@ Advancing the clock runs every event that falls due on the way, each
at its own time, then leaves the clock at the target.  The program is
busy elsewhere meanwhile, so a signal an event raises is delivered at
once, its handler included (which may move the clock on itself).  A caller that
advances by an amount that overflows the clock stops at its end.

@c
void sr_advance_ns(uint64_t ns)
{
  uint64_t target;
  world_ready();
  target = W->now_ns + ns < W->now_ns ? UINT64_MAX : W->now_ns + ns;
  uint64_t t;
  net_run();
  signal_deliver_all(true);
  while (net_next_event(&t) && t <= target) {
    if (t > W->now_ns) W->now_ns = t;
    net_run();
    signal_deliver_all(true);
  }
  if (W->now_ns < target) W->now_ns = target;
}

@*1 LANs.
A LAN joins interfaces of different hosts (or of one host).  It has an
MTU --- frames longer than it are dropped, as a switch drops giants ---
and the properties of its medium: a fixed delay, a random extra delay
(jitter) spread evenly up to a bound, and the probabilities that a frame
is lost, duplicated, or held back by a further delay so that later frames
overtake it.  A duplicate and its original are delayed independently.
The default is a perfect wire: no delay, no loss.

@<Public declarations@>=
struct sr_lan_config {
  uint64_t delay_ns; /* every frame */
  uint64_t jitter_ns; /* plus up to this much, uniformly */
  double loss; /* probability that a frame is lost */
  double duplicate; /* probability that it arrives twice */
  double reorder; /* probability that it is held back \dots */
  uint64_t reorder_ns; /* \dots\ by this much more */
};
int sr_lan_new(int mtu);
int sr_lan_attach(int lan, int host, int ifindex);
int sr_lan_configure(int lan, const struct sr_lan_config *cfg);

@ @<Type definitions@>=
typedef struct {
  int mtu; /* 0: no limit of its own */
  struct sr_lan_config cfg;
  struct sr_port { int host, ifindex; } *port;
  int nports;
} sr_lan;

@ LANs are numbered from 1; number 0 means ``not attached''.  The default
world's \.{eth0} is on LAN~1.

@<Network fields of the world@>=
sr_lan *lan; /* |lan[0]| is unused */
int nlans;

@ @<Free the network state of the world@>=
for (int i = 1; i <= W->nlans; i++) free(W->lan[i].port);
free(W->lan);

@ Creating a LAN; attaching an interface to it.  An MTU of 0 gives a LAN
without a limit of its own; any other must be one IPv4 can use.
Attaching sets the interface's MTU to the LAN's, as an administrator
sets both ends of a link alike.  The loopback device cannot be attached
(|EINVAL|), an interface can be on one LAN only (|EBUSY|).

@c
int sr_lan_new(int mtu)
{
  world_ready();
  if (mtu != 0 && (mtu < SR_MIN_MTU || mtu > SR_IP_MAX_MTU))
    return sys_return(-EINVAL);
  W->lan = xrealloc(W->lan, (size_t) W->nlans + 2, sizeof *W->lan);
  W->nlans++;
  memset(&W->lan[W->nlans], 0, sizeof W->lan[0]);
  W->lan[W->nlans].mtu = mtu;
  return W->nlans;
}

int sr_lan_attach(int lan, int host, int ifindex)
{
  sr_host *h;
  sr_iface *ifp;
  sr_lan *l;
  world_ready();
  if (lan < 1 || lan > W->nlans) return sys_return(-ENOENT);
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (!(ifp = iface_by_index(h, ifindex))) return sys_return(-ENODEV);
  if (ifp->flags & IFF_LOOPBACK) return sys_return(-EINVAL);
  if (ifp->lan) return sys_return(-EBUSY);
  l = &W->lan[lan];
  l->port = xrealloc(l->port, (size_t) l->nports + 1, sizeof *l->port);
  l->port[l->nports].host = host;
  l->port[l->nports++].ifindex = ifindex;
  ifp->lan = lan;
  if (l->mtu) ifp->mtu = l->mtu;
  return 0;
}

@ Configuring the medium.  Probabilities must lie in $[0,1]$.

@c
int sr_lan_configure(int lan, const struct sr_lan_config *cfg)
{
  world_ready();
  if (lan < 1 || lan > W->nlans) return sys_return(-ENOENT);
  if (!cfg) return sys_return(-EFAULT);
  if (!(cfg->loss >= 0 && cfg->loss <= 1) ||
      !(cfg->duplicate >= 0 && cfg->duplicate <= 1) ||
      !(cfg->reorder >= 0 && cfg->reorder <= 1))
    return sys_return(-EINVAL);
  W->lan[lan].cfg = *cfg;
  return 0;
}

@ The default world's LAN.

@<Build the default LAN of host |h|@>=
sr_lan_attach(sr_lan_new(0), h->id, iface_by_name(h, "eth0")->ifindex);

@*1 Sending a frame.
|dev_xmit| is the bottom of the output path: IP hands it a finished
datagram (or fragment), the interface to send it on, and the next-hop
address.  The loopback device hands the frame straight back to its own
host --- with its route, when the sender routed it to this host: Linux's
loopback device keeps a buffer's route, and the receiving side routes
only a buffer that has none, so a datagram a host sends itself is not
routed a second time (the raw chapter's |ip_loop_local| does the same).
An Ethernet-like interface that is down, or on no LAN, drops it.
Otherwise the frame goes to the LAN, leaving its mark (\.{SO\_MARK})
behind, as a veth pair between namespaces scrubs it: to every other member when the next
hop is a broadcast or multicast address, to the one member that owns the
next hop otherwise.  Ownership is what ARP asks: with Linux's default
\.{arp\_ignore} of 0 a host answers for any of its addresses on whichever
interface the question arrives.  When no member answers, the frame waits
for the neighbour to be resolved (below).

A capture records the frame when it leaves the interface: a broadcast or
a frame to a neighbour that answers, now; a frame held for an unresolved
neighbour, only when the neighbour answers and the frame goes, and never
if it does not.  (The model has no ARP, so the requests that a capture on
Linux shows meanwhile are not in the file.)  A frame too long for the
LAN's medium has left the sender all the same, and is recorded.

\kernel{\.{tcpdump -i} on a veth whose peer namespace has no address: a
datagram to \.{10.9.0.77} shows three ARP requests a second apart and
never the datagram; one to \.{10.9.0.2}, an address the peer takes
1.5~s after the send, shows ARP requests at 0~s, 1~s and 2~s, the reply
to the third, and the datagram just after it.}

@<Private function prototypes@>=
static void dev_xmit(sr_host *h, int ifindex, uint32_t nexthop, bool bcast,
  sr_pkt *pkt);
SR_OUT_OF_LINE static void dev_xmit_lan(sr_host *h, sr_iface *ifp, int ifindex,
  uint32_t nexthop, bool bcast, sr_pkt *pkt);
static inline void dev_tap(sr_host *h, int ifindex, sr_pkt *pkt);
SR_OUT_OF_LINE static void dev_tap_frame(sr_host *h, int ifindex, sr_pkt *pkt);
static void dev_rcv(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type);
static void dev_loop(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type);
static bool loop_short_cut(const sr_pkt *pkt);
static bool lan_short_cut(const sr_lan *l);
static bool ev_due_now(void);

@ The loopback device's part is a few tests, and most datagrams take it;
a UDP datagram that it hands straight back goes to its socket's queue by
a shorter way still when it can (|udp_loop_rcv|, chapter {\it The UDP data path\/});
the LAN's part is a function of its own, and so are the taps of a
frame leaving (the time stamp and the capture, |dev_tap_frame|), both kept
out of line (|SR_OUT_OF_LINE|) behind |dev_tap|'s one test, so that a frame on \.{lo} that nobody
taps does not pay for the registers they save (which cost 12 of 2\,276
instructions a round trip).

@<Constants of the model@>=
#define SR_OUT_OF_LINE __attribute__((noinline))
  /* a rare path the compiler must not merge into a hot one */

@ @c
static void dev_xmit(sr_host *h, int ifindex, uint32_t nexthop, bool bcast,
  sr_pkt *pkt)
{
  sr_iface *ifp = iface_by_index(h, ifindex);
  if (!ifp || !(ifp->flags & IFF_UP)) { free(pkt); return; }
  if (!(ifp->flags & IFF_LOOPBACK)) {
    dev_xmit_lan(h, ifp, ifindex, nexthop, bcast, pkt);
    return;
  }
  dev_tap(h, ifindex, pkt);
  if (loop_short_cut(pkt)) {
    pkt->last = false;
    if (!udp_loop_rcv(h, ifindex, pkt)) ip_local_deliver(h, ifindex, pkt, SR_RT_LOCAL);
  } else dev_loop(h, ifindex, pkt, pkt->local ? SR_RT_LOCAL : -1);
}

static inline void dev_tap(sr_host *h, int ifindex, sr_pkt *pkt)
{
  if (pkt->tx_flags || W->ncaps) dev_tap_frame(h, ifindex, pkt);
}

SR_OUT_OF_LINE static void dev_tap_frame(sr_host *h, int ifindex, sr_pkt *pkt)
{
  if (pkt->tx_flags) dev_tx_tstamp(ifindex, pkt);
  pcap_record(h, ifindex, pkt, true);
}

static void dev_xmit_lan(sr_host *h, sr_iface *ifp, int ifindex, uint32_t nexthop,
  bool bcast, sr_pkt *pkt)
{
  sr_lan *l;
  int owner = -1;
  bool last = pkt->last;
  pkt->last = false; /* read here and by the loopback device only */
  if (bcast) dev_tap(h, ifindex, pkt);
  if (!ifp->lan) { free(pkt); return; }
  l = &W->lan[ifp->lan];
  pkt->mark = 0; /* a veth pair between namespaces scrubs it */
  if (!bcast) owner = lan_owner(h, ifindex, l, nexthop);
  if (!bcast && owner < 0) { neigh_enqueue(h, ifindex, nexthop, pkt); return; }
  if (!bcast) dev_tap(h, ifindex, pkt);
  if (l->mtu && pkt->len > (size_t) l->mtu) { free(pkt); return; }
  for (int i = 0; i < l->nports; i++) {
    struct sr_port *pt = &l->port[i];
    if (bcast && !(pt->host == h->id && pt->ifindex == ifindex))
      lan_carry(l, pt, pkt_clone(pkt));
  }
  if (bcast) free(pkt);
  else if (last && lan_short_cut(l)) {
    const struct sr_port *pt = &l->port[owner];
    dev_rcv(host_by_id(pt->host), pt->ifindex, pkt, -1);
  } else lan_carry(l, &l->port[owner], pkt);
}

@ A port owns an address when its interface is up and its host has the
address as a local one; the neighbour that answers for an address is the
first port of the LAN, other than the asker's own, that owns it
($-1$ when none does).

@c
static int lan_owner(const sr_host *h, int ifindex, const sr_lan *l, uint32_t addr)
{
  for (int i = 0; i < l->nports; i++) {
    const struct sr_port *pt = &l->port[i];
    if (!(pt->host == h->id && pt->ifindex == ifindex) && port_owns(pt, addr)) return i;
  }
  return -1;
}

static bool port_owns(const struct sr_port *pt, uint32_t addr)
{
  sr_host *th = host_by_id(pt->host);
  sr_iface *tif = iface_by_index(th, pt->ifindex);
  const sr_route *r;
  if (!(tif->flags & IFF_UP)) return false;
  r = route_lookup(th, addr);
  return r && r->type == SR_RT_LOCAL;
}

@ Carrying a frame to one port, through the medium: the frame may be
lost, may be duplicated, and arrives after the LAN's delay plus its
jitter plus, sometimes, the reordering delay.  The draws are made in a
fixed order, so a seed decides everything.  The frame passes to the
port's event (a duplicate travels as a copy), so that a unicast frame
crosses the LAN without being copied.

@c
static void lan_carry(sr_lan *l, const struct sr_port *pt, sr_pkt *pkt)
{
  int copies = 1;
  if (l->cfg.loss > 0 && rng_unit() < l->cfg.loss) { free(pkt); return; }
  if (l->cfg.duplicate > 0 && rng_unit() < l->cfg.duplicate) copies = 2;
  while (copies--) {
    sr_event e = { .t = W->now_ns + l->cfg.delay_ns, .kind = EV_RX, .host = pt->host,
      .ifindex = pt->ifindex, .rt_type = -1 };
    if (l->cfg.jitter_ns)
      e.t += (uint64_t) (rng_unit() * (double) (l->cfg.jitter_ns + 1));
    if (l->cfg.reorder > 0 && rng_unit() < l->cfg.reorder) e.t += l->cfg.reorder_ns;
    e.pkt = copies ? pkt_clone(pkt) : pkt;
    ev_push(&e);
  }
}

@ @<Private function prototypes@>=
static bool port_owns(const struct sr_port *pt, uint32_t addr);
static int lan_owner(const sr_host *h, int ifindex, const sr_lan *l, uint32_t addr);
static void lan_carry(sr_lan *l, const struct sr_port *pt, sr_pkt *pkt);

@ The loopback path: a frame handed back to the host that sent it,
arriving now on the given interface.  The loopback device uses it, and so
does IP when it loops a copy of a broadcast or multicast datagram back to
the sending host (|rt_type| then says how the copy was routed: it arrives
on the interface it was sent from, as the kernel's |dev_loopback_xmit|
leaves it).

@c
static void dev_loop(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type)
{
  sr_event e = { .t = W->now_ns, .kind = EV_RX, .host = h->id, .ifindex = ifindex,
    .pkt = pkt, .rt_type = rt_type };
  ev_push(&e);
}

@ The short cut.  A datagram a host sends to one of its own addresses
takes the long way above: the loopback device queues it as an event due
now, the call's closing |net_run| takes it off the queue, the interface
receives it, IP parses and checks its header (and, holding its route,
does not route it again) and hands it to |ip_local_deliver|.  For the
commonest datagram of all, a UDP |sendto| or |send| of one datagram to the
host itself, that way costs a tenth of the whole call, and every step of
it is known to change nothing; so such a datagram goes from the device
straight to |ip_local_deliver|, at once, and meets the very code that
delivers every other datagram (raw sockets, the UDP table, the queues,
\.{SO\_RXQ\_OVFL}, control messages, \.{SIGIO}, ICMP errors).  Linux
itself delivers such a datagram before |sendmsg| returns: the loopback
device hands it to the backlog of the CPU, which is processed as the
sender leaves its softirq-disabled section.

It is taken when all of these hold:
\smallskip
\item{1.} The sender marked the frame |last|: it is the one frame its
call sends.  Only UDP's send of one datagram marks it, in full, not cut
by \.{UDP\_SEGMENT}, not the end of a corked datagram; nothing leaves
after it before the call returns.  (The frames of a call arrive in the
order they were queued, and the errors the arrival of one provokes are
queued behind the frames sent after it; delivering one of several at once
would put its errors ahead of its successors.)
\item{2.} It is routed to the host itself (|local|), so its route type
is known, as the looped frame's would be.
\item{3.} Its header is the plain twenty bytes, and it is whole (no
more-fragments flag, offset 0): no options that arrival would process or
that make a receiver drop it (a source route), and no reassembly.
\item{4.} No event is due now.  Every call ends by running the events
due, so at its start none is; one due now was queued earlier in the same
call, and must run first.  Events due later run after the frame on
either way.
\smallskip\noindent
What the long way does and the short cut skips is then idle: the capture
of a frame leaving \.{lo} is recorded before either, and one arriving on
\.{lo} is never recorded (|dev_rcv|); the interface is up, as sending
on it required; the header that IP would parse and check is the one its
own output just wrote, its total length the packet's length; the route
type is the one the loopback device would have passed.  Nothing of the
sender's own path runs between the moment the frame would have been
queued and the closing |net_run| but returning (and releasing the send
buffer's charge, which arrival does not read).  So every observable ---
counters, drops, true sizes, time stamps, control messages, signals,
poll states, the error queue, IP identifications --- comes out as it did.
The mark is cleared as the frame is taken, and by every other device
the frame leaves by, so that no frame forwarded, held for a neighbour or
made later from its buffer inherits it.

Measured with \.{callgrind} on 64-byte datagrams sent and read on
\.{lo}: 188 of 2\,130 instructions a round trip saved, 9\% of its
time (\.{sr-bench}: 182 to 166\,ns); of which skipping the queue alone is
90.

@c
static bool loop_short_cut(const sr_pkt *pkt)
{
  return pkt->last && pkt->local && pkt->data[0] == 0x45 &&
    !(get16(pkt->data + 6) & (IP_MF | IP_OFFMASK)) && !ev_due_now();
}

static bool ev_due_now(void)
{
  return W->nev && W->ev[0].t <= W->now_ns;
}

@ The short cut across a LAN.  A frame that crosses a perfect LAN (no
delay, jitter, loss, duplication or reordering) to the neighbour that
answers for its next hop is queued as an event due now, like the looped
frame above, and arrives at that neighbour's interface in the call's
closing |net_run|.  When the frame is the one frame its call sends
(|last|, item~1 above) and no event is due now (item~4), it reaches the
neighbour's interface at once instead, by the very |dev_rcv| the event
would run: the capture of its arrival, the parsing and checking of its
header, routing, forwarding and delivery all happen as they would.  The
argument is the one above: nothing of the sender's path between the
queueing and the closing |net_run| is read by the arrival, and whatever
the arrival queues in its turn (an ICMP error, a forwarded frame, whose
marks are cleared) is queued now either way, and runs in that same
|net_run|.

The mark is read before it is cleared, and the frame takes the short cut
only when it leaves at once: a frame held for a neighbour that has not
answered is queued at the neighbour (unmarked), and the frames held
together leave together when it answers, through the queue, in their
order.  Medium draws are made only for a LAN with a loss, duplication,
jitter or reordering, which never takes the short cut, so the random
sequence is the same.  The Check test \.{tests/test\_shortcut.c} runs
a scenario across the LAN both ways and compares everything a program
can see, the receiving interface's capture included.

Measured with \.{callgrind} on 64-byte datagrams sent from one host and
read on another: 131 of 2\,513 instructions a round trip saved, the
event queue's push and pop and the loop that runs it.

@c
static bool lan_short_cut(const sr_lan *l)
{
  const struct sr_lan_config *c = &l->cfg;
  return !c->delay_ns && !c->jitter_ns && !(c->loss > 0) && !(c->duplicate > 0) &&
    !(c->reorder > 0) && !ev_due_now();
}

@ Receiving: a frame reaches an interface.  One that is down drops it;
otherwise capture sees it and IP takes it.

@c
static void dev_rcv(sr_host *h, int ifindex, sr_pkt *pkt, int rt_type)
{
  sr_iface *ifp = iface_by_index(h, ifindex);
  if (!(ifp->flags & IFF_UP)) { free(pkt); return; }
  if (rt_type < 0 && !(ifp->flags & IFF_LOOPBACK)) pcap_record(h, ifindex, pkt, false);
  ip_rcv(h, ifindex, pkt, rt_type);
}

@ A frame from outside the model: |sr_inject(host, ifindex, datagram,
len)| delivers an IPv4 datagram to an interface as if a neighbour had
sent it, and runs the network until it is quiet.  A test uses it to
offer a host exactly the packet it wants --- a fragment, an ICMP error,
an echo request --- and reads the host's answers from a capture.
|ENOENT|, |ENODEV| as for the other world calls; |EINVAL| for an empty
datagram or one longer than 65535 bytes.

@<Public declarations@>=
int sr_inject(int host, int ifindex, const void *datagram, size_t len);

@ @c
int sr_inject(int host, int ifindex, const void *datagram, size_t len)
{
  sr_host *h;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (!iface_by_index(h, ifindex)) return sys_return(-ENODEV);
  if (!datagram) return sys_return(-EFAULT);
  if (len == 0 || len > SR_IP_MAXPACKET) return sys_return(-EINVAL);
  dev_rcv(h, ifindex, pkt_new(datagram, len), -1);
  net_run();
  return 0;
}

@*1 Neighbours that do not answer.
A unicast frame whose next hop no member of the LAN owns is what Linux
holds in an incomplete neighbour entry while ARP asks for the address:
it probes once a second, three times, and then gives up; every datagram
held meanwhile is answered, on the sending host itself, with an ICMP
``host unreachable'' --- which reaches the socket that sent it as
|EHOSTUNREACH|, and which a router sends back to the datagram's source.
If the address appears on the LAN before the last probe, the held frames
go out at that probe.  A new datagram to an address that has failed
starts again.  The entry holds at most \.{unres\_qlen\_bytes} (212992)
bytes of frames; older ones are dropped first, as the kernel does.

\kernel{a connected UDP socket with \.{IP\_RECVERR} sending to
\.{10.1.0.77}, an address of the LAN that no host has, finds
|EHOSTUNREACH| (origin ICMP, type 3, code 1, offender its own address
\.{10.1.0.1}) on its error queue 3.1~s later; a router forwarding to an
absent host sends \.{ICMP host 10.2.0.77 unreachable} from its own
address 3~s after the datagram, quoting it with the TTL it had after
forwarding.}

@<Constants of the model@>=
#define SR_ARP_PROBES 3
#define SR_ARP_RETRANS_NS 1000000000u
#define SR_UNRES_QLEN_BYTES 212992

@ @<Type definitions@>=
typedef struct {
  sr_hent h; /* key: interface index, next hop */
  uint64_t serial;
  int probes;
  sr_pkt **q;
  int nq;
  size_t qbytes;
} sr_neigh;

@ @<Fields of a host@>=
sr_htab neigh;

@ @<Free the network state of host |fh|@>=
htab_free(&fh->neigh, neigh_free);

@ @<Private function prototypes@>=
static void neigh_enqueue(sr_host *h, int ifindex, uint32_t nexthop, sr_pkt *pkt);
static void neigh_probe(sr_host *h, uint64_t key, uint64_t serial);
static void neigh_free(sr_hent *e);

@ @c
static void neigh_free(sr_hent *e)
{
  sr_neigh *n = (sr_neigh *) e;
  for (int i = 0; i < n->nq; i++) { pkt_release(n->q[i]); free(n->q[i]); }
  free(n->q);
  free(n);
}

static void neigh_schedule(sr_host *h, sr_neigh *n)
{
  sr_event e;
  memset(&e, 0, sizeof e);
  e.t = W->now_ns + SR_ARP_RETRANS_NS;
  e.kind = EV_NEIGH_PROBE;
  e.host = h->id;
  e.k0 = n->h.k0;
  e.serial = n->serial;
  ev_push(&e);
}

static void neigh_enqueue(sr_host *h, int ifindex, uint32_t nexthop, sr_pkt *pkt)
{
  uint64_t key = (uint64_t) ifindex << 32 | nexthop;
  sr_neigh *n = (sr_neigh *) htab_find(&h->neigh, key, 0);
  if (!n) {
    n = xcalloc(1, sizeof *n);
    n->h.k0 = key;
    n->serial = ++h->serial;
    htab_insert(&h->neigh, &n->h);
    neigh_schedule(h, n);
  }
  n->q = xrealloc(n->q, (size_t) n->nq + 1, sizeof *n->q);
  n->q[n->nq++] = pkt;
  n->qbytes += pkt->len;
  pkt_hold(pkt);
  while (n->qbytes > SR_UNRES_QLEN_BYTES && n->nq > 1) {
    n->qbytes -= n->q[0]->len;
    pkt_release(n->q[0]);
    free(n->q[0]);
    memmove(n->q, n->q + 1, (size_t) --n->nq * sizeof *n->q);
  }
}

@ A probe: if the address has an owner now, the held frames are sent;
after the last probe they fail, each with its ICMP error; otherwise the
next probe is due in a second.

@c
static void neigh_probe(sr_host *h, uint64_t key, uint64_t serial)
{
  sr_neigh *n = (sr_neigh *) htab_find(&h->neigh, key, 0);
  int ifindex = (int) (key >> 32);
  uint32_t nexthop = (uint32_t) key;
  bool resolved = false;
  sr_iface *ifp = iface_by_index(h, ifindex);
  if (!n || n->serial != serial) return;
  if (ifp->lan) resolved = lan_owner(h, ifindex, &W->lan[ifp->lan], nexthop) >= 0;
  if (!resolved && ++n->probes < SR_ARP_PROBES) { neigh_schedule(h, n); return; }
  htab_remove(&h->neigh, &n->h);
  for (int i = 0; i < n->nq; i++) {
    if (resolved && n->q[i]->tx_flags) dev_tx_tstamp(ifindex, n->q[i]);
    pkt_release(n->q[i]);
    if (resolved) dev_xmit(h, ifindex, nexthop, false, n->q[i]);
    else {
      icmp_send(h, n->q[i]->data, n->q[i]->len, ICMP_DEST_UNREACH,
        ICMP_HOST_UNREACH, 0, SR_RT_UNICAST, 0);
      free(n->q[i]);
    }
  }
  n->nq = 0;
  neigh_free(&n->h);
}
