@* Binding and addressing.
A socket of the Internet family is named by an address and a port: the
local pair it is {\it bound\/} to, and for a connected socket the remote
pair it talks to.  This chapter gives sockets their names and finds
sockets by name.  It implements |bind|, |connect|, |listen|,
|getsockname| and |getpeername|; the tables in which each host keeps its
bound sockets, one set per protocol; the rules that decide whether two
sockets may share a port; the choice of an {\it ephemeral\/} port for a
socket that did not name one; and, for the datagram path, the lookup that
decides which socket receives an arriving datagram.

Linux spreads this over several files: the address checks of |bind| are in
\.{af\_inet.c} (|__inet_bind|) and, for raw and ping sockets, in
\.{raw.c} and \.{ping.c}; the port rules of UDP are in \.{udp.c}
(|udp_lib_get_port|), those of TCP in \.{inet\_connection\_sock.c}
(|inet_csk_get_port|); connecting a datagram socket is
|__ip4_datagram_connect| in \.{datagram.c}.  Each rule below names the
function it follows, and every \.{Kernel} note quotes what Linux~6.18
answered in a fresh network namespace set up as the model's default world
(\.{lo}, and \.{eth0} with \.{10.0.0.1/24}, broadcast \.{10.0.0.255},
default route via \.{10.0.0.254}).
@^binding@>

@ The fields a socket gains.  Linux keeps a pair of local addresses:
|inet_rcv_saddr| is the address the socket is bound to and is what arriving
packets are matched against; |inet_saddr| is the source of what it sends.
They differ only when the socket is bound to a broadcast or multicast
address, which can be received on but cannot be a source: then the
source is left to routing.  |inet_num| is the port the socket holds in its
protocol's table, in host order; |inet_sport| is the port |getsockname|
reports, in network order.  They too can differ: a TCP socket that stops
listening gives its port back but keeps reporting it (see
|tcp_disconnect|).  |userlocks| records whether the program chose the
address and the port itself, which decides what a disconnect forgets.

|connected| is the kernel's |TCP_ESTABLISHED| state of a datagram socket;
|dst_cached| says a route is cached, which is what \.{IP\_MTU} reads and
what several options throw away.  |hashed| says the socket is in its
protocol's tables, |tabno| which tables those are (they follow from its
type and protocol, which never change, and are found once, when the
socket is made).  The links |lk| chain it into those tables, and |rp| is
its \.{SO\_REUSEPORT} group.

@<Binding fields of a socket@>=
uint32_t inet_saddr; /* source of what it sends; 0: routing chooses */
uint32_t inet_rcv_saddr; /* the bound address; 0: any */
uint32_t inet_daddr; /* the peer */
uint16_t inet_num; /* the port held in the table, host order; 0: none */
uint16_t inet_sport, inet_dport; /* network order */
unsigned userlocks; /* |SR_BINDADDR_LOCK|, |SR_BINDPORT_LOCK| */
bool connected; /* a datagram socket with a peer */
bool dst_cached; /* a route is cached */
bool hashed; /* in its protocol's tables */
int8_t tabno; /* the table it belongs to, from its type and protocol */
struct sr_link { sr_sock *next, *prev; struct sr_slot *slot; } lk[SR_NLINKS];
struct sr_rpgroup *rp; /* its \.{SO\_REUSEPORT} group, or |NULL| */
int rp_index; /* its place in the group */

@ The kernel's names for the two locks are |SOCK_BINDADDR_LOCK| and
|SOCK_BINDPORT_LOCK|; the values are theirs.  A socket sits in up to three
tables, one link each: the table of ports, the table of (address, port)
pairs, and the table of connected four-tuples.

@<Constants of the model@>=
#define SR_BINDADDR_LOCK 4
#define SR_BINDPORT_LOCK 8
enum { LK_PORT, LK_ADDR, LK_CONN, SR_NLINKS };

@ A raw socket is born bound to its protocol: |inet_create| sets its
|inet_num| to the protocol number, reports that number as its port, and
puts it in the raw table at once.  No other socket has a port before it
binds.

@<Set the IP defaults of |s|@>=
s->tabno = (int8_t) proto_tabno(type, protocol);
if (type == SOCK_RAW) {
  s->inet_num = (uint16_t) protocol;
  s->inet_sport = htons((uint16_t) protocol);
  s->hashed = true;
}

@*1 Kinds of address.
Which addresses a socket may bind to depends on what the host's {\it
local\/} routing table says about the address, the kernel's
|inet_addr_type|: one of the host's own addresses (local), a broadcast
address of one of its networks, a multicast address, or anything else
(unicast, meaning ``someone else's''), in the route types of the routing
chapter.  The limited broadcast \.{255.255.255.255} and the multicast
block are recognized by their form.
\.{0.0.0.0} is the wildcard and is checked separately by every caller.

\kernel{\.{127.5.5.5} is local (the whole \.{127/8} is);
\.{127.255.255.255} and \.{10.0.0.255} are broadcast; \.{10.0.0.0}, the
network's own address, is unicast in Linux~6.x (no broadcast route is
made for it); \.{0.1.2.3} and \.{240.0.0.1} are unicast.}

Every |bind| asks, and the answer costs a walk of the routes (an eighth
of a bind), so the host remembers its last answer with the count of route
changes it was computed under (|route_gen|, which every addition and
removal of a route increments, among other changes): the answer depends
on nothing else, so while the count is unchanged a question about the
same address has the same answer.  A program that binds socket after socket to one address
walks the routes once.

@ @<Private function prototypes@>=
static int inet_addr_type(sr_host *h, uint32_t addr);
static bool inet_can_nonlocal_bind(const sr_sock *s);
static bool inet_addr_valid_or_nonlocal(const sr_sock *s, uint32_t addr,
  int type);

@ @c
static int inet_addr_type(sr_host *h, uint32_t addr)
{
  const sr_route *r;
  int type = SR_RT_UNICAST;
  if (ipv4_is_lbcast(addr)) return SR_RT_BROADCAST;
  if (ipv4_is_multicast(addr)) return SR_RT_MULTICAST;
  if (h->addr_type_gen == h->route_gen + 1 && h->addr_type_addr == addr)
    return h->addr_type;
  r = route_lookup(h, addr);
  if (r && r->table == SR_TABLE_LOCAL && (r->type == SR_RT_LOCAL || r->type == SR_RT_BROADCAST))
    type = r->type;
  h->addr_type_gen = h->route_gen + 1; /* 0 is never valid */
  h->addr_type_addr = addr;
  h->addr_type = type;
  return type;
}

@ \clause{ip.7:IP_FREEBIND}
\clause{ip.7:IP_FREEBIND:3}
\clause{ip.7:proc:ip_nonlocal_bind}
@^ip.7:IP\_FREEBIND@>
@^ip.7:proc:ip\_nonlocal\_bind@>
A socket may bind to an address that is not the host's when the host
allows it for every socket (\.{ip\_nonlocal\_bind}, any nonzero value) or
the socket allows it for itself: \.{IP\_FREEBIND}, or \.{IP\_TRANSPARENT},
which implies it.  Otherwise an address is acceptable when it is the
wildcard, one of the host's own, a broadcast or a multicast address ---
the last two are addresses one can receive on.  This is the kernel's
|inet_addr_valid_or_nonlocal|.  The permission does not lift the
privileged-port rule, which is checked after it.

\kernel{with \.{IP\_FREEBIND}, \.{10.9.9.9} and even \.{0.1.2.3} bind and
|getsockname| reports them; \.{ip\_nonlocal\_bind} 1 or 2 lets a plain
socket bind \.{10.9.9.9}; an unprivileged socket with either still gets
|EACCES| for port 80; a TCP socket with \.{IP\_TRANSPARENT} binds
\.{8.8.8.8} and listens.}

@c
static bool inet_can_nonlocal_bind(const sr_sock *s)
{
  return sysctl_value(s->host, SYS_IP_NONLOCAL_BIND) != 0 ||
    (s->ipflags & (IPF_FREEBIND | IPF_TRANSPARENT)) != 0;
}

static bool inet_addr_valid_or_nonlocal(const sr_sock *s, uint32_t addr,
  int type)
{
  return inet_can_nonlocal_bind(s) || addr == htonl(INADDR_ANY) ||
    type == SR_RT_LOCAL || type == SR_RT_MULTICAST ||
    type == SR_RT_BROADCAST;
}

@*1 The tables of bound sockets.
Every host keeps, for each protocol that has ports, a table of the
sockets bound to each port.  UDP (and UDP-Lite, which has a table of its
own) keeps two more: sockets by (bound address, port), which is where the
receive path looks, and connected sockets by their four-tuple, which it
looks at first.  TCP and ping sockets need only the first.  Linux keeps
these as hash tables with a chain per bucket; so does the model, with one
difference in shape: each distinct key has a {\it slot\/} holding the
sockets with exactly that key, in the order the kernel keeps them ---
most recently added first, since the kernel adds to the head of its
chains.  That order is visible: it decides which of several equal sockets
receives a datagram.

The slots are entries of the model's general hash table (see the chapter
on links), so lookup, insertion and removal cost a hash and a walk of one
slot, whatever the number of sockets on the host.
@^hash tables@>

@<Type definitions@>=
typedef struct sr_slot sr_slot;
struct sr_slot {
  sr_hent h; /* the key; first, as the table requires */
  sr_sock *first; /* its sockets, most recent first */
  int count;
  int fastreuseport; /* the TCP port cache: see |tcp_reuseport_match| */
  uid_t fastuid;
  uint32_t fast_rcv_saddr;
};

@ The tables of one protocol, and the set of them that a host has.  The
whole set is allocated when a host binds its first socket, so a host that
never binds costs nothing, and kept until the host goes: a program that
makes, binds and closes one socket after another would otherwise build
and tear down the tables, and grow their bucket arrays again, on every
socket.  (The kernel's tables are made once, when the namespace is.)

@<Type definitions@>=
enum { SR_TAB_UDP, SR_TAB_UDPLITE, SR_TAB_TCP, SR_TAB_PING, SR_NTABS };
typedef struct { sr_htab t[SR_NLINKS]; } sr_porttab;
typedef struct sr_bindtab {
  sr_porttab proto[SR_NTABS];
  sr_slot *spare; /* emptied slots, kept for the next new key */
} sr_bindtab;

@ @<Fields of a host@>=
struct sr_bindtab *bind; /* the port tables, from the first bind on */
uint32_t ehash_secret; /* the salt of the \.{SO\_REUSEPORT} hash */
uint16_t ping_rover; /* the last ping identifier chosen */
uint64_t addr_type_gen; /* the last |inet_addr_type|: |route_gen| + 1 then, 0: none */
uint32_t addr_type_addr;
int addr_type;

@ @<Private function prototypes@>=
static sr_slot *slot_find(const sr_htab *t, uint64_t k0, uint64_t k1);
static void link_add(sr_htab *t, int k, sr_sock *s, uint64_t k0, uint64_t k1);
static void link_at(sr_htab *t, sr_hent **at, int k, sr_sock *s, uint64_t k0,
  uint64_t k1);
static void link_del(sr_htab *t, int k, sr_sock *s);

@ A socket joins a slot at its head, creating the slot if it is the
first with its key, and leaves it from anywhere; an emptied slot is
freed, and with it the TCP port cache it carried, as the kernel frees an
empty bind bucket.  ``Freed'' means put on the host's list of spare
slots, from which the next new key takes its slot: binding and closing
sockets one after another then costs no allocation (the kernel keeps its
bind buckets in a cache of their own for the same reason).  A slot taken
from the list is cleared, so nothing of its last key survives.  A caller
that has already found the place of the key (|htab_where|) links there
with |link_at|.

@c
static sr_slot *slot_find(const sr_htab *t, uint64_t k0, uint64_t k1)
{
  return (sr_slot *) htab_find(t, k0, k1);
}

static sr_slot *slot_new(sr_bindtab *bt)
{
  sr_slot *sl = bt->spare;
  if (!sl) return xcalloc(1, sizeof *sl);
  bt->spare = (sr_slot *) sl->h.next;
  memset(sl, 0, sizeof *sl);
  return sl;
}

static void link_add(sr_htab *t, int k, sr_sock *s, uint64_t k0, uint64_t k1)
{
  link_at(t, htab_where(t, k0, k1), k, s, k0, k1);
}

static void link_at(sr_htab *t, sr_hent **at, int k, sr_sock *s, uint64_t k0,
  uint64_t k1)
{
  sr_slot *sl = (sr_slot *) *at;
  if (!sl) {
    sl = slot_new(s->host->bind);
    sl->h.k0 = k0;
    sl->h.k1 = k1;
    htab_link(t, at, &sl->h);
  }
  s->lk[k].slot = sl;
  s->lk[k].prev = NULL;
  s->lk[k].next = sl->first;
  if (sl->first) sl->first->lk[k].prev = s;
  sl->first = s;
  sl->count++;
}

static void link_del(sr_htab *t, int k, sr_sock *s)
{
  sr_slot *sl = s->lk[k].slot;
  if (!sl) return;
  if (s->lk[k].prev) s->lk[k].prev->lk[k].next = s->lk[k].next;
  else sl->first = s->lk[k].next;
  if (s->lk[k].next) s->lk[k].next->lk[k].prev = s->lk[k].prev;
  memset(&s->lk[k], 0, sizeof s->lk[k]);
  if (--sl->count == 0) {
    htab_remove(t, &sl->h);
    sl->h.next = (sr_hent *) s->host->bind->spare;
    s->host->bind->spare = sl;
  }
}

@ The keys.  A port is its own key; an (address, port) pair and a
four-tuple pack into the two words.  Addresses are in network order,
ports in host order.

@<Constants of the model@>=
#define KEY_PORT(port) (uint64_t) (port), 0
#define KEY_ADDR(addr, port) ((uint64_t) (addr) << 16 | (port)), 0
#define KEY_CONN(laddr, lport, raddr, rport) \
  ((uint64_t) (laddr) << 32 | (raddr)), ((uint64_t) (lport) << 16 | (rport))

@ Which table a socket belongs to: UDP and UDP-Lite have one each, so a
UDP and a UDP-Lite socket may hold the same port, and so may a TCP socket;
ping sockets have a table of identifiers.  Raw sockets have no ports.

\kernel{UDP, UDP-Lite, TCP and ping sockets all bind \.{0.0.0.0:7xxx}
at once.}

@<Private function prototypes@>=
static int proto_tabno(int type, int protocol);
static int sock_tabno(const sr_sock *s);
static sr_porttab *sock_tab(sr_sock *s);
static sr_bindtab *bind_tables(sr_host *h);
static sr_sock *port_first(sr_host *h, int tab, uint16_t port);
static void sock_hash(sr_sock *s, sr_hent **port_at);
static void sock_unhash(sr_sock *s);

@ @c
static int proto_tabno(int type, int protocol)
{
  if (type == SOCK_STREAM) return SR_TAB_TCP;
  if (type != SOCK_DGRAM) return -1;
  if (protocol == IPPROTO_ICMP) return SR_TAB_PING;
  return protocol == IPPROTO_UDPLITE ? SR_TAB_UDPLITE : SR_TAB_UDP;
}

static int sock_tabno(const sr_sock *s)
{
  return s->tabno;
}

static sr_porttab *sock_tab(sr_sock *s)
{
  int n = sock_tabno(s);
  if (n < 0) return NULL;
  return &bind_tables(s->host)->proto[n];
}

static sr_bindtab *bind_tables(sr_host *h)
{
  if (!h->bind) h->bind = xcalloc(1, sizeof *h->bind);
  return h->bind;
}

static sr_sock *port_first(sr_host *h, int tab, uint16_t port)
{
  sr_slot *sl;
  if (!h->bind) return NULL;
  sl = slot_find(&h->bind->proto[tab].t[LK_PORT], KEY_PORT(port));
  return sl ? sl->first : NULL;
}

@ Hashing a socket enters it under its port and, for UDP, under its
(address, port) pair; raw sockets only change their flag.  A caller that
has just looked the port up to check it passes the place it found,
|port_at|, so that the port is not looked up twice; others pass |NULL|.  Unhashing
takes it out of every table, out of its \.{SO\_REUSEPORT} group, and gives
the port up.

@c
static void sock_hash(sr_sock *s, sr_hent **port_at)
{
  sr_porttab *pt = sock_tab(s);
  s->hashed = true;
  if (!pt) return;
  if (port_at) link_at(&pt->t[LK_PORT], port_at, LK_PORT, s, KEY_PORT(s->inet_num));
  else link_add(&pt->t[LK_PORT], LK_PORT, s, KEY_PORT(s->inet_num));
  if (s->type == SOCK_DGRAM && s->protocol != IPPROTO_ICMP)
    link_add(&pt->t[LK_ADDR], LK_ADDR, s, KEY_ADDR(s->inet_rcv_saddr, s->inet_num));
}

static void sock_unhash(sr_sock *s)
{
  sr_porttab *pt;
  if (!s->hashed) return;
  s->hashed = false;
  if (s->rp) rp_detach(s);
  if (s->type == SOCK_RAW) {
    raw_unhash(s);
    return;
  }
  pt = sock_tab(s);
  for (int k = 0; k < SR_NLINKS; k++) link_del(&pt->t[k], k, s);
  s->inet_num = 0;
}

@ The tables go with the host, after its sockets have been released.

@<Free the network state of host |fh|@>=
if (fh->bind) bind_tables_free(fh);

@ @<Private function prototypes@>=
static void bind_tables_free(sr_host *h);

@ @c
static void bind_tables_free(sr_host *h)
{
  for (int p = 0; p < SR_NTABS; p++)
    for (int k = 0; k < SR_NLINKS; k++) free(h->bind->proto[p].t[k].b);
  while (h->bind->spare) {
    sr_slot *sl = h->bind->spare;
    h->bind->spare = (sr_slot *) sl->h.next;
    free(sl);
  }
  free(h->bind);
  h->bind = NULL;
}

@*1 Random numbers.
Linux chooses ephemeral ports, and salts the hash that spreads datagrams
over a \.{SO\_REUSEPORT} group, with random numbers.  The model draws them
from the world's seeded generator (|rng_next|), so the same sequence of
calls gives the same ports on every run.  Which port a given call receives
therefore differs from Linux's, as it differs between two runs of Linux;
the rules --- the range, the reserved ports, which ports may be shared,
the order in which the kernel tries candidates --- are the kernel's.
|bind_random_below| is the kernel's |reciprocal_scale| of a random word,
which is also how it draws a number below |n|.
@^model limits@>
@^random numbers@>

@<Private function prototypes@>=
static uint32_t bind_random32(void);
static uint32_t bind_random_below(uint32_t n);

@ @c
static uint32_t bind_random32(void)
{
  return (uint32_t) (rng_next() >> 32);
}

static uint32_t bind_random_below(uint32_t n)
{
  return (uint32_t) (((uint64_t) bind_random32() * n) >> 32);
}

@*1 Whether two sockets may share a port.
Two bound sockets {\it overlap\/} when their addresses are equal or either
is the wildcard, and they are {\it on compatible devices\/} when either is
bound to no device or both to the same one (\.{SO\_BINDTODEVICE}).  Only
sockets that overlap on compatible devices can be in each other's way;
the protocols then differ in what lets them share.

\kernel{UDP on \.{127.0.0.1:P} and \.{10.0.0.1:P} bind together, and so
do \.{127.0.0.1} and \.{127.0.0.2}; the wildcard and \.{127.0.0.1} do not,
in either order.  Two wildcard sockets bound to \.{lo} and \.{eth0} share
a port; one bound to \.{lo} and one bound to no device do not.  A device
or a flag changed after |bind| counts with its new value.}

@c
static bool addr_overlap(uint32_t a, uint32_t b)
{
  return a == b || !a || !b;
}

static bool dev_compatible(const sr_sock *s, const sr_sock *o)
{
  return !s->bound_dev_if || !o->bound_dev_if || s->bound_dev_if == o->bound_dev_if;
}

@ @<Private function prototypes@>=
static bool addr_overlap(uint32_t a, uint32_t b);
static bool dev_compatible(const sr_sock *s, const sr_sock *o);

@ \clause{ip.7:addr:one_socket_per_address_port}
\clause{socket.7:SO_REUSEADDR}
\clause{socket.7:SO_REUSEPORT}
\clause{socket.7:SO_REUSEPORT:2}
\clause{socket.7:SO_REUSEPORT:3}
@^ip.7:addr:one\_socket\_per\_address\_port@>
@^socket.7:SO\_REUSEPORT@>
UDP, |udp_lib_lport_inuse|.  A socket |o| already on the port is in the
way of a new socket |s| unless both have \.{SO\_REUSEADDR} --- for UDP
that alone lets any number of sockets share an address and port, whoever
owns them --- or they do not overlap.  If it is in the way, \.{SO\_REUSEPORT}
on both, the same effective user, and |s| not yet in a group of its own
(one made by attaching a group program before |bind|) turn it into a
partner.  The kernel walks the sockets on the port, most recent first,
and the {\it first\/} one that is a partner or in the way decides: a
partner ends the search with success, even if an older socket would have
been in the way.

\kernel{UDP: \.{SO\_REUSEADDR} on one socket only, or
\.{SO\_REUSEPORT} on one only: |EADDRINUSE|; both \.{SO\_REUSEADDR}: 0
whatever the users; both \.{SO\_REUSEPORT}: 0 for the same user, for user
1000 after root |EADDRINUSE|, also for \.{127.0.0.1} after a wildcard;
\.{SO\_REUSEPORT} on A and B, then A clears it: C with it binds (B, the
newer, decides); a socket that attached a group program before |bind|
gets |EADDRINUSE| beside a \.{SO\_REUSEPORT} socket.}

@<Constants of the model@>=
enum { CLASH_NONE, CLASH_PARTNER, CLASH_YES };

@ @c
static int udp_clash(const sr_sock *s, const sr_sock *o)
{
  if (o == s || (o->reuse && s->reuse)) return CLASH_NONE;
  if (!dev_compatible(s, o) || !addr_overlap(s->inet_rcv_saddr, o->inet_rcv_saddr))
    return CLASH_NONE;
  if (o->reuseport && s->reuseport && !s->rp && o->uid == s->uid)
    return CLASH_PARTNER;
  return CLASH_YES;
}

@ Two uses of the rule.  Binding a named port lets the first deciding
socket of the port's slot |sl| decide; searching for a free port counts a port as used when any
socket on it is in the way (there, partners are simply not in the way).

@c
static bool udp_port_taken(const sr_sock *s, const sr_slot *sl)
{
  for (sr_sock *o = sl ? sl->first : NULL; o; o = o->lk[LK_PORT].next)
    switch (udp_clash(s, o)) {
    case CLASH_PARTNER: return false;
    case CLASH_YES: return true;
    }
  return false;
}

static bool udp_port_used(const sr_sock *s, uint16_t port)
{
  for (sr_sock *o = port_first(s->host, sock_tabno(s), port); o; o = o->lk[LK_PORT].next)
    if (udp_clash(s, o) == CLASH_YES) return true;
  return false;
}

@ @<Private function prototypes@>=
static int udp_clash(const sr_sock *s, const sr_sock *o);
static bool udp_port_taken(const sr_sock *s, const sr_slot *sl);
static bool udp_port_used(const sr_sock *s, uint16_t port);

@ \clause{socket.7:SO_REUSEADDR:2}
\clause{socket.7:SO_REUSEADDR:3}
\clause{socket.7:SO_REUSEPORT:4}
@^socket.7:SO\_REUSEADDR@>
@^listening socket@>
TCP, |inet_bind_conflict|.  Here \.{SO\_REUSEADDR} on both sockets lets
them share only while the older one is not listening; a listener blocks its
port on every address it overlaps --- a wildcard listener blocks the port
on all of the host's addresses.  Otherwise \.{SO\_REUSEPORT} on both with
the same user lets them share, listening or not, unless |s| already has a
group of its own.  Two flags change the rule for the search of a free
port: |relax| false makes \.{SO\_REUSEADDR} sharing count as a conflict,
and |reuseport_ok| false does the same for \.{SO\_REUSEPORT}, so an
automatically chosen port is never shared with an overlapping socket.
(Sockets in \.{TIME\_WAIT}, which the kernel treats specially here, do not
exist in the model.)

\kernel{TCP: two \.{SO\_REUSEADDR} sockets bind one port; after the first
listens a third gets |EADDRINUSE|, on \.{10.0.0.1} too when the listener
is the wildcard, but not when it is \.{127.0.0.1}; of two bound
\.{SO\_REUSEADDR} sockets the second to |listen| gets |EADDRINUSE|; two
\.{SO\_REUSEPORT} sockets both bind and both listen; with the one-port
range \.{40000 40000}, a second port-0 bind fails even with
\.{SO\_REUSEADDR} or \.{SO\_REUSEPORT}.}

@c
static bool tcp_clash(const sr_sock *s, const sr_sock *o, bool relax,
  bool reuseport_ok)
{
  bool cb_ok = !s->rp;
  if (o == s || !dev_compatible(s, o)) return false;
  if (!addr_overlap(s->inet_rcv_saddr, o->inet_rcv_saddr)) return false;
  if (s->reuse && o->reuse && !o->listening)
    return !relax || (!reuseport_ok && s->reuseport && o->reuseport && cb_ok &&
      o->uid == s->uid);
  return !reuseport_ok || !s->reuseport || !o->reuseport || !cb_ok ||
    o->uid != s->uid;
}

static bool tcp_port_taken(const sr_sock *s, uint16_t port, bool relax,
  bool reuseport_ok)
{
  for (sr_sock *o = port_first(s->host, SR_TAB_TCP, port); o; o = o->lk[LK_PORT].next)
    if (tcp_clash(s, o, relax, reuseport_ok)) return true;
  return false;
}

@ @<Private function prototypes@>=
static bool tcp_clash(const sr_sock *s, const sr_sock *o, bool relax,
  bool reuseport_ok);
static bool tcp_port_taken(const sr_sock *s, uint16_t port, bool relax,
  bool reuseport_ok);

@ TCP's port cache.  The kernel remembers, per port, that the sockets on it
all had \.{SO\_REUSEPORT} and one user, and lets a new socket that matches
skip the check above.  The cache is filled when a socket binds or listens
and is not revised when a socket later changes its flags, so a socket
that clears \.{SO\_REUSEPORT} after |bind| still lets a partner in.  The
cache has two states here: empty, and ``strict'', which also remembers one
address (a matching socket must have that address, or the remembered one
must be the wildcard).  Linux also has a cache for \.{SO\_REUSEADDR}, but
in 6.x it is never filled (the bucket is never empty when it would be),
so there is nothing to model.

\kernel{TCP: A with \.{SO\_REUSEPORT} binds, clears the flag, and B with it
still binds the same address and port --- UDP refuses B; the same after
A clears \.{SO\_REUSEADDR} gives |EADDRINUSE| on both protocols.}

@c
static bool tcp_reuseport_match(const sr_slot *sl, const sr_sock *s)
{
  return sl->fastreuseport > 0 && s->reuseport && !s->rp &&
    sl->fastuid == s->uid &&
    (sl->fast_rcv_saddr == s->inet_rcv_saddr || !sl->fast_rcv_saddr);
}

static void tcp_update_fastreuse(sr_slot *sl, const sr_sock *s)
{
  if (!s->reuseport) sl->fastreuseport = 0;
  else if (!tcp_reuseport_match(sl, s)) {
    sl->fastreuseport = 1;
    sl->fastuid = s->uid;
    sl->fast_rcv_saddr = s->inet_rcv_saddr;
  }
}

@ @<Private function prototypes@>=
static bool tcp_reuseport_match(const sr_slot *sl, const sr_sock *s);
static void tcp_update_fastreuse(sr_slot *sl, const sr_sock *s);

@*1 Ephemeral ports.
\clause{ip.7:proc:ip_local_port_range}
\clause{ip.7:proc_interfaces}
@^ip.7:proc:ip\_local\_port\_range@>
@^ephemeral ports@>
A socket that binds to port 0, or is bound implicitly, gets a port from
\.{ip\_local\_port\_range}, never one listed in
\.{ip\_local\_reserved\_ports} (an explicit |bind| may still name a
reserved port).  Which free port it gets is random, and the protocols draw
differently:

\smallskip
\item{$\bullet$} UDP, |udp_lib_get_port|, starts at a random port of the
range and walks upward, trying at each step the four ports that share the
step's slot of a 16384-bucket table, in a random order; a port is free when
no socket on it is in the way (so sockets on different addresses, or with
\.{SO\_REUSEADDR} on both, may be given the same port).
\item{$\bullet$} TCP, |inet_csk_find_open_port|, tries the odd offsets from
the start of the range first, leaving even ones to outgoing connections;
a socket with \.{SO\_REUSEADDR} tries the lower half of the range before
the upper.  The range's last port can be unreachable: with \.{40000
40002}, 40002 is never chosen.
\item{$\bullet$} Ping sockets take the next free identifier after the last
one given out.
\smallskip\noindent
When nothing is free, |bind| fails with |EADDRINUSE| and an implicit bind
with |EAGAIN| (|connect|, |sendto| of UDP and ping; TCP's |connect| says
|EADDRNOTAVAIL| --- see there).

\kernel{UDP: 200 port-0 binds land anywhere in 33112\dots60899, odd and
even alike; TCP: all 200 are odd, and with \.{SO\_REUSEADDR} all 200 are
in the lower half; TCP |listen| on an unbound socket picks odd ports too.
With the range \.{40000 40002}: UDP gives 40000, 40002, 40001, then
|EADDRINUSE| for |bind| and |EAGAIN| for |connect| and |sendto|; TCP gives
40001, 40000, then |EADDRINUSE| for |bind| and |listen| and
|EADDRNOTAVAIL| for |connect|.  With \.{40000 40000}, UDP and TCP sockets on
\.{127.0.0.1} and \.{10.0.0.1} both get 40000, a wildcard one then fails.
With \.{40000-40002} reserved in \.{40000 40003}, port 0 gives 40003, then
fails; |bind| to 40001 works.}

@<Constants of the model@>=
#define SR_UDP_HTABLE_SIZE 16384 /* the machine's \.{UDP hash table entries} */

@ @<Private function prototypes@>=
static bool port_reserved(sr_host *h, uint16_t port);
static void local_port_range(sr_host *h, int *low, int *high);
static uint16_t udp_find_port(sr_sock *s);
static uint16_t tcp_find_port(sr_sock *s);

@ @c
static bool port_reserved(sr_host *h, uint16_t port)
{
  return (h->reserved_ports[port / 64] >> (port % 64)) & 1;
}

static void local_port_range(sr_host *h, int *low, int *high)
{
  long long *r = sysctl_slot(h, SYS_IP_LOCAL_PORT_RANGE);
  *low = (int) r[0];
  *high = (int) r[1];
}

@ UDP's search, with the kernel's arithmetic on 16-bit port numbers: the
step between the ports of a slot is an odd multiple of the table size,
which is either 16384 or 49152 modulo 65536, so each slot's four ports
come in one of two orders.

@c
static uint16_t udp_find_port(sr_sock *s)
{
  sr_host *h = s->host;
  int low, high;
  uint32_t remaining, rnd;
  uint16_t first, last, step, snum;
  inet_sk_local_port_range(s, &low, &high);
  remaining = (uint32_t) (high - low + 1);
  rnd = bind_random32();
  first = (uint16_t) ((((uint64_t) rnd * remaining) >> 32) + (uint32_t) low);
  step = (uint16_t) ((rnd | 1) * SR_UDP_HTABLE_SIZE);
  last = (uint16_t) (first + SR_UDP_HTABLE_SIZE);
  do {
    snum = first;
    do {
      if (low <= snum && snum <= high && !port_reserved(h, snum) &&
          !udp_port_used(s, snum))
        return snum;
      snum = (uint16_t) (snum + step);
    } while (snum != first);
  } while (++first != last);
  return 0;
}

@ TCP's search.  The range is taken as $[low, high+1)$; with
\.{SO\_REUSEADDR} (and at least four ports) the lower part up to an even
midpoint is tried first.  In each part the odd offsets come first, from a
random odd start, then the even ones; a port is free when no socket on it
conflicts with |relax| and |reuseport_ok| both false.  When
\.{ip\_autobind\_reuse} is set a last pass allows \.{SO\_REUSEADDR}
sharing after all.

@c
static uint16_t tcp_find_port(sr_sock *s)
{
  sr_host *h = s->host;
  int low, high, half, attempt_half, port;
  uint32_t remaining, offset, i;
  bool relax = false;
ports_exhausted:
  attempt_half = s->reuse ? 1 : 0;
other_half_scan:
  inet_sk_local_port_range(s, &low, &high);
  high++;
  if (high - low < 4) attempt_half = 0;
  if (attempt_half) {
    half = low + (((high - low) >> 2) << 1);
    if (attempt_half == 1) high = half;
    else low = half;
  }
  remaining = (uint32_t) (high - low);
  if (remaining > 1) remaining &= ~1u;
  offset = bind_random_below(remaining) | 1u;
other_parity_scan:
  port = low + (int) offset;
  for (i = 0; i < remaining; i += 2, port += 2) {
    if (port >= high) port -= (int) remaining;
    if (port_reserved(h, (uint16_t) port)) continue;
    if (!tcp_port_taken(s, (uint16_t) port, relax, false)) return (uint16_t) port;
  }
  offset--;
  if (!(offset & 1)) goto other_parity_scan;
  if (attempt_half == 1) {
    attempt_half = 2;
    goto other_half_scan;
  }
  if (sysctl_value(h, SYS_IP_AUTOBIND_REUSE) && !relax) {
    relax = true;
    goto ports_exhausted;
  }
  return 0;
}

@*1 Taking a port.
Each protocol's |get_port| takes the port a socket asked for, or finds
one when it asked for 0, and enters the socket in its tables.  All three
answer 0 or |-EADDRINUSE|; |sk_get_port| dispatches.  A socket already in
its tables (a TCP socket bound before it listens) only has its claim
checked again.

@<Private function prototypes@>=
static int sk_get_port(sr_sock *s, uint16_t snum);
static int udp_get_port(sr_sock *s, uint16_t snum);
static int tcp_get_port(sr_sock *s, uint16_t snum);
static int ping_get_port(sr_sock *s, uint16_t ident);

@ @c
static int sk_get_port(sr_sock *s, uint16_t snum)
{
  switch (sock_tabno(s)) {
  case SR_TAB_UDP: case SR_TAB_UDPLITE: return udp_get_port(s, snum);
  case SR_TAB_TCP: return tcp_get_port(s, snum);
  case SR_TAB_PING: return ping_get_port(s, snum);
  }
  return -EADDRINUSE;
}

@ UDP.  A socket with \.{SO\_REUSEPORT} joins its group as it enters the
table (see |udp_reuseport_join|).  The port is looked up once: the place
|htab_where| finds holds the slot whose sockets are checked, or is where
the new slot goes.  Nothing is added to the table between the two, so the
place stays valid (the group search only reads).  Making room in the
table before a refusal changes nothing anyone can see: the slots and
their order stay as they were.

@c
static int udp_get_port(sr_sock *s, uint16_t snum)
{
  bool named = snum != 0;
  sr_hent **at;
  if (!named && !(snum = udp_find_port(s))) return -EADDRINUSE;
  at = htab_where(&sock_tab(s)->t[LK_PORT], KEY_PORT(snum));
  if (named && udp_port_taken(s, (const sr_slot *) *at)) return -EADDRINUSE;
  s->inet_num = snum;
  if (!s->hashed) {
    if (s->reuseport) udp_reuseport_join(s);
    sock_hash(s, at);
  }
  return 0;
}

@ TCP.  The port cache is consulted only when the port already has
sockets, and is updated whenever a socket takes or re-takes the port.

@c
static int tcp_get_port(sr_sock *s, uint16_t snum)
{
  sr_slot *sl;
  if (!snum) {
    if (!(snum = tcp_find_port(s))) return -EADDRINUSE;
  } else {
    sl = s->host->bind ?
      slot_find(&s->host->bind->proto[SR_TAB_TCP].t[LK_PORT], KEY_PORT(snum)) : NULL;
    if (!(sl && tcp_reuseport_match(sl, s)) && tcp_port_taken(s, snum, true, true))
      return -EADDRINUSE;
  }
  if (!s->hashed) {
    s->inet_num = snum;
    sock_hash(s, NULL);
  }
  tcp_update_fastreuse(s->lk[LK_PORT].slot, s);
  return 0;
}

@ Ping sockets, |ping_get_port|.  Their ``port'' is the identifier of the
ICMP echo requests they send.  An identifier is taken when another socket
holds it and either lacks \.{SO\_REUSEADDR} --- which ping sockets have
from birth, so two of them normally share --- and nothing else: the
address plays no part.  Identifier 0 takes the next one free after the
last one chosen, skipping 0.  Linux keeps that last identifier for the
whole machine, so in Linux the sequence is shared by all namespaces; the
model keeps it per host.
@^model limits@>

\kernel{consecutive port-0 binds and connects of ping sockets get
consecutive identifiers (15936, 15937, \dots); two ping sockets bind the
same identifier on different addresses, but not after one of them clears
\.{SO\_REUSEADDR}.}

@c
static int ping_get_port(sr_sock *s, uint16_t ident)
{
  sr_host *h = s->host;
  if (!ident) {
    uint16_t result = (uint16_t) (h->ping_rover + 1);
    long i;
    for (i = 0; i < 65536; i++, result++) {
      if (!result) result++;
      if (!port_first(h, SR_TAB_PING, result)) break;
    }
    if (i == 65536) return -EADDRINUSE;
    h->ping_rover = ident = result;
  } else
    for (sr_sock *o = port_first(h, SR_TAB_PING, ident); o; o = o->lk[LK_PORT].next)
      if (o != s && (!o->reuse || !s->reuse)) return -EADDRINUSE;
  s->inet_num = ident;
  if (!s->hashed) sock_hash(s, NULL);
  return 0;
}

@*1 \.{SO\_REUSEPORT} groups.
Sockets that share an address and port through \.{SO\_REUSEPORT} form a
group, and an arriving datagram goes to one member chosen by a hash of
its addresses and ports, so that one flow always reaches the same socket.
A group lists its members in the order they joined; a member that leaves
is replaced by the last one, as the kernel's |reuseport_detach_sock|
does.  |has_conns| remembers that a member was ever connected, which
makes the lookup check the chosen member against the others.
|prog| is the classic program attached to the group, if any.
@^reuseport groups@>

@<Type definitions@>=
typedef struct sr_rpgroup {
  sr_sock **sock;
  int n, cap;
  bool has_conns;
  struct sock_filter *prog; /* the group's classic program, or |NULL| */
  int prog_len;
} sr_rpgroup;

@ @<Private function prototypes@>=
static void rp_alloc(sr_sock *s);
static void rp_add(sr_sock *s, sr_sock *o);
static void rp_detach(sr_sock *s);

@ A socket that already has a group (made by attaching a program before
it bound) keeps it.  Joining another socket's group gives one up; the
other socket gets a group first if it has none.

@c
static void rp_alloc(sr_sock *s)
{
  if (s->rp) return;
  s->rp = xcalloc(1, sizeof *s->rp);
  s->rp->cap = 4;
  s->rp->sock = xcalloc((size_t) s->rp->cap, sizeof *s->rp->sock);
  s->rp->sock[0] = s;
  s->rp->n = 1;
  s->rp_index = 0;
}

static void rp_add(sr_sock *s, sr_sock *o)
{
  sr_rpgroup *g;
  if (!o->rp) rp_alloc(o);
  g = o->rp;
  if (s->rp) rp_detach(s);
  if (g->n == g->cap) {
    g->cap *= 2;
    g->sock = xrealloc(g->sock, (size_t) g->cap, sizeof *g->sock);
  }
  s->rp = g;
  s->rp_index = g->n;
  g->sock[g->n++] = s;
}

static void rp_detach(sr_sock *s)
{
  sr_rpgroup *g = s->rp;
  g->sock[s->rp_index] = g->sock[--g->n];
  g->sock[s->rp_index]->rp_index = s->rp_index;
  s->rp = NULL;
  if (!g->n) {
    free(g->sock);
    free(g->prog);
    free(g);
  }
}

@ \clause{socket.7:SO_REUSEPORT:7}
@^socket.7:SO\_REUSEPORT@>
A UDP socket joins the group of the first socket on its port that has the
same address (exactly: the wildcard joins only wildcards), the same
device, \.{SO\_REUSEPORT} and the same user; failing one it starts a group
of its own.  This is |udp_reuseport_add_sock|.

@c
static void udp_reuseport_join(sr_sock *s)
{
  for (sr_sock *o = port_first(s->host, sock_tabno(s), s->inet_num); o;
       o = o->lk[LK_PORT].next)
    if (o != s && o->bound_dev_if == s->bound_dev_if && o->reuseport &&
        o->uid == s->uid && o->inet_rcv_saddr == s->inet_rcv_saddr) {
      rp_add(s, o);
      return;
    }
  rp_alloc(s);
}

@ \clause{socket.7:SO_REUSEPORT:5}
A TCP socket joins a group when it starts to listen, with the same rule
among the listeners of its port (|inet_reuseport_add_sock|), and leaves it
when it stops.  Only the group's existence matters to the model, which has
no TCP connections to spread: it decides whether a group program can be
attached (below).

@c
static void tcp_reuseport_join(sr_sock *s)
{
  for (sr_sock *o = port_first(s->host, SR_TAB_TCP, s->inet_num); o;
       o = o->lk[LK_PORT].next)
    if (o != s && o->listening && o->bound_dev_if == s->bound_dev_if &&
        o->reuseport && o->uid == s->uid && o->inet_rcv_saddr == s->inet_rcv_saddr) {
      rp_add(s, o);
      return;
    }
  rp_alloc(s);
}

@ @<Private function prototypes@>=
static void udp_reuseport_join(sr_sock *s);
static void tcp_reuseport_join(sr_sock *s);

@ \clause{socket.7:SO_ATTACH_REUSEPORT_CBPF:4}
@^socket.7:SO\_ATTACH\_REUSEPORT\_CBPF@>
Attaching a group program (\.{SO\_ATTACH\_REUSEPORT\_CBPF}, after the
argument checks of its section) needs a group.  A socket not yet in its
protocol's tables must have \.{SO\_REUSEPORT} set, even if it made a group
earlier; it gets a group of its own at once, which it keeps when it binds --- and which then keeps it from
sharing with sockets that were bound before.  A socket already in the
tables must already be in a group: a UDP socket bound with
\.{SO\_REUSEPORT} (and not since connected, which leaves the group), a TCP
socket listening with it.  A raw socket is in its table from birth and
never in a group.  The program becomes the group's, replacing the one it
had, whichever member attaches it, and sockets that join later are
governed by it too.

\kernel{UDP with \.{SO\_REUSEPORT}: unbound 0, bound 0, connected
|EINVAL|; bound without it, even if set afterwards: |EINVAL|; TCP with
it: bound (not listening) 0, listening 0; TCP listening without it:
|EINVAL|.}

@c
static int reuseport_attach(sr_sock *s, const struct sock_filter *prog, int n)
{
  bool in_tables = s->type == SOCK_STREAM ? s->listening : s->hashed;
  sr_rpgroup *g;
  if (!in_tables) {
    if (!s->reuseport) return -EINVAL;
    rp_alloc(s);
  } else if (!s->rp) return -EINVAL;
  g = s->rp;
  free(g->prog);
  g->prog = xcalloc((size_t) n, sizeof *prog);
  memcpy(g->prog, prog, (size_t) n * sizeof *prog);
  g->prog_len = n;
  return 0;
}

@ @<Private function prototypes@>=
static int reuseport_attach(sr_sock *s, const struct sock_filter *prog, int n);

@*1 Binding.
\clause{socket.7:call:bind}
\clause{ip.7:addr:bind_local}
@^socket.7:call:bind@>
|bind| names the socket.  The descriptor is checked first (|EBADF|,
|ENOTSOCK|); then the address is copied in as the kernel copies any
socket address, |move_addr_to_kernel|: a length below zero or above the
128 bytes of a |sockaddr_storage| is |EINVAL|, a null pointer with a
positive length |EFAULT|; a length of 0 copies nothing.  The rest belongs
to the socket's protocol: raw sockets, ping sockets, and the rest (UDP,
UDP-Lite, TCP) each have their own |bind|.

\kernel{lengths 17 and 128 are accepted like 16; 129 and $-1$ are
|EINVAL|; |bind(fd, NULL, 16)| is |EFAULT|, |bind(fd, NULL, 0)| |EINVAL|.}

@<Public declarations@>=
int sr_bind(int fd, const struct sockaddr *addr, socklen_t addrlen);

@ @c
int sr_bind(int fd, const struct sockaddr *addr, socklen_t addrlen)
{
  int err = 0, len = (int) addrlen;
  sr_sock *s;
  struct sockaddr_storage a;
  world_ready();
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if ((err = move_addr_to_kernel(addr, len, &a)) < 0) return sys_return(err);
  if (s->type == SOCK_RAW) err = raw_bind(s, &a, len);
  else if (sock_tabno(s) == SR_TAB_PING) err = ping_bind(s, &a, len);
  else err = inet_bind(s, &a, len);
  return sys_return(err);
}

@ @<Private function prototypes@>=
static int move_addr_to_kernel(const void *uaddr, int len,
  struct sockaddr_storage *kaddr);
static int inet_bind(sr_sock *s, const struct sockaddr_storage *a, int len);
static int raw_bind(sr_sock *s, const struct sockaddr_storage *a, int len);
static int ping_bind(sr_sock *s, const struct sockaddr_storage *a, int len);

@ The copy.  The kernel's buffer holds whatever was on its stack beyond
the bytes copied; no path reads beyond the length it was given, so the
difference cannot show.  Every path reads a |sockaddr_in| at most, after
checking the length, and the model clears that much, no more: clearing
the whole 128 bytes on every send cost more than the rest of the copy.
The usual length, a |sockaddr_in|'s, is copied as a constant, which the
compiler does in two moves rather than with a string instruction.

@c
static int move_addr_to_kernel(const void *uaddr, int len,
  struct sockaddr_storage *kaddr)
{
  if (len < 0 || len > (int) sizeof *kaddr) return -EINVAL;
  if (len == 0) {
    memset(kaddr, 0, sizeof(struct sockaddr_in));
    return 0;
  }
  if (!uaddr) return -EFAULT;
  if (len == (int) sizeof(struct sockaddr_in)) {
    memcpy(kaddr, uaddr, sizeof(struct sockaddr_in));
    return 0;
  }
  memset(kaddr, 0, sizeof(struct sockaddr_in));
  memcpy(kaddr, uaddr, (size_t) len);
  return 0;
}

@ \clause{ip.7:addr:sockaddr_in}
\clause{ip.7:addr:sin_family}
\clause{ip.7:addr:sin_family:2}
\clause{socket.7:addr:sa_family_t:3}
@^ip.7:addr:sin\_family@>
@^AF\_UNSPEC@>
The address must be a whole |sockaddr_in|: fewer than 16 bytes is
|EINVAL|, whatever the family says.  The family must be \.{AF\_INET} ---
with one exception kept for old programs: \.{AF\_UNSPEC} is accepted as
\.{AF\_INET} when the address is the wildcard.  Any other family, or
\.{AF\_UNSPEC} with any other address, is |EAFNOSUPPORT| (the page's
|EINVAL| is what Linux~2.2 answered).  Raw sockets look at no family at
all.

\kernel{UDP, UDP-Lite, TCP and ping: \.{AF\_UNSPEC} with \.{0.0.0.0}
binds; \.{AF\_UNSPEC} with \.{127.0.0.1}, and \.{AF\_INET6}, \.{AF\_UNIX},
255 or 65535 with either: |EAFNOSUPPORT|; 8 bytes of \.{AF\_INET6}:
|EINVAL|.  Raw: every family binds.}

@c
static int inet_check_family(const struct sockaddr_in *sin, int len)
{
  if (len < (int) sizeof *sin) return -EINVAL;
  if (sin->sin_family != AF_INET &&
      !(sin->sin_family == AF_UNSPEC && sin->sin_addr.s_addr == htonl(INADDR_ANY)))
    return -EAFNOSUPPORT;
  return 0;
}

@ @<Private function prototypes@>=
static int inet_check_family(const struct sockaddr_in *sin, int len);

@ \clause{ip.7:addr:INADDR_ANY}
\clause{ip.7:addr:INADDR_ANY:2}
\clause{ip.7:addr:INADDR_LOOPBACK}
\clause{ip.7:addr:INADDR_BROADCAST}
\clause{ip.7:addr:address_classes}
\clause{ip.7:addr:privileged_ports}
\clause{ip.7:addr:privileged_ports:2}
@^ip.7:addr:INADDR\_ANY@>
@^ip.7:addr:privileged\_ports@>
@^privileged ports@>
UDP, UDP-Lite and TCP, |__inet_bind|.  In order:
\smallskip
\item{1.} the family, as above;
\item{2.} the address must be acceptable (|EADDRNOTAVAIL|): the wildcard,
a local, broadcast or multicast address, or any with the nonlocal
permission;
\item{3.} a port below \.{ip\_unprivileged\_port\_start} (1024) needs
\.{CAP\_NET\_BIND\_SERVICE} (|EACCES|);
\item{4.} a socket that already has a port, or is listening or connected,
cannot be bound again (|EINVAL|);
\item{5.} the port is taken (|EADDRINUSE|).
\smallskip\noindent
The bound address becomes the source of what the socket sends unless it
is a broadcast or multicast address; those leave the source to routing.
\.{INADDR\_BROADCAST} is thus an address like the others here: the socket
is bound to it and receives only what is sent to it; the page's claim that
it binds like \.{INADDR\_ANY} is not true of Linux~6.x.  The checks read
nothing of the socket before step~4, so a bound socket that is given a bad
address still says |EADDRNOTAVAIL|.

\kernel{|bind| accepts \.{0.0.0.0}, \.{127.0.0.1}, \.{127.5.5.5},
\.{127.255.255.255}, \.{10.0.0.1}, \.{10.0.0.255}, \.{255.255.255.255},
\.{224.0.0.1} and \.{239.1.2.3}, and |getsockname| reports each; it refuses
\.{10.0.0.0}, \.{10.0.0.2}, \.{8.8.8.8}, \.{0.1.2.3}, \.{240.0.0.1} and
\.{169.254.1.1} with |EADDRNOTAVAIL|.  A second |bind| is |EINVAL|, to a
nonlocal address |EADDRNOTAVAIL|.  As user 65534: ports 80 and 1023
|EACCES|, 1024 and 0 succeed; \.{10.0.0.2:80} |EADDRNOTAVAIL|;
\.{AF\_INET6} with port 80 |EAFNOSUPPORT|; with the start at 80, port 80
binds and 79 is |EACCES|; at 0, port 1 binds.  Root without
\.{CAP\_NET\_BIND\_SERVICE}: port 80 |EACCES|.}

@c
static int inet_bind(sr_sock *s, const struct sockaddr_storage *a, int len)
{
  const struct sockaddr_in *sin = (const struct sockaddr_in *) a;
  uint32_t addr = sin->sin_addr.s_addr;
  uint16_t snum = ntohs(sin->sin_port);
  int type, err;
  if ((err = inet_check_family(sin, len)) < 0) return err;
  type = inet_addr_type(s->host, addr);
  if (!inet_addr_valid_or_nonlocal(s, addr, type)) return -EADDRNOTAVAIL;
  if (snum && snum < sysctl_value(s->host, SYS_IP_UNPRIVILEGED_PORT_START) &&
      !proc_capable(W->cur, CAP_NET_BIND_SERVICE))
    return -EACCES;
  if (s->listening || s->connected || s->inet_num) return -EINVAL;
  s->inet_rcv_saddr = s->inet_saddr = addr;
  if (type == SR_RT_MULTICAST || type == SR_RT_BROADCAST) s->inet_saddr = 0;
  if (snum || !(s->ipflags & IPF_BIND_ADDRESS_NO_PORT)) {
    if (sk_get_port(s, snum) < 0) {
      s->inet_saddr = s->inet_rcv_saddr = 0;
      return -EADDRINUSE;
    }
  }
  bind_finish(s, snum);
  return 0;
}

@ What every successful |bind| ends with: the locks that record what the
program chose, the reported port, and no peer and no cached route.

@c
static void bind_finish(sr_sock *s, uint16_t snum)
{
  if (s->inet_rcv_saddr) s->userlocks |= SR_BINDADDR_LOCK;
  if (snum) s->userlocks |= SR_BINDPORT_LOCK;
  s->inet_sport = htons(s->inet_num);
  s->inet_daddr = 0;
  s->inet_dport = 0;
  s->dst_cached = false;
}

@ @<Private function prototypes@>=
static void bind_finish(sr_sock *s, uint16_t snum);

@ \clause{ip.7:IP_BIND_ADDRESS_NO_PORT}
\clause{ip.7:IP_BIND_ADDRESS_NO_PORT:2}
@^ip.7:IP\_BIND\_ADDRESS\_NO\_PORT@>
With \.{IP\_BIND\_ADDRESS\_NO\_PORT}, a |bind| to port 0 records the
address and takes no port (step 5 above is skipped).  The socket is then
in no table: another socket may take any port on that address, and the
socket itself may be bound again.  Its port is chosen when it needs one,
by |connect| or a send, with the recorded address taken into account.  A
|bind| naming a port takes it as usual.

\kernel{UDP and TCP with the flag, |bind| to \.{127.0.0.1:0}:
|getsockname| gives \.{127.0.0.1:0}; another socket binds
\.{127.0.0.1:40500}; binding the flagged socket again to
\.{10.0.0.1:40501} succeeds.  A UDP socket so bound to \.{10.0.0.1}
|connect|s to \.{127.0.0.1} or sends there from \.{10.0.0.1} and a new
port; TCP |listen| picks a port for \.{127.0.0.1}.  With port 5558 named,
the port is taken.}

@ \clause{ip.7:addr:sockaddr_in:3}
\clause{ip.7:addr:privileged_ports:3}
@^ip.7:addr:sockaddr\_in@>
@^raw sockets@>
Raw sockets, |raw_bind|: there is no port, so no family check, no port
rule and no table; the socket may be bound any number of times, until it
is connected (|EINVAL|).  The port field of the address is ignored, and
|getsockname| reports the protocol number in its place.

\kernel{an ICMP raw socket reports port 1, an \.{IPPROTO\_RAW} one 255;
|bind| with families 0, 10, 1, 255 and 65535 and any port succeeds and
reports the same; a second and third |bind| succeed; \.{10.9.9.9} is
|EADDRNOTAVAIL|, 8 bytes |EINVAL|; after |connect|, |bind| is
|EINVAL|.}

@c
static int raw_bind(sr_sock *s, const struct sockaddr_storage *a, int len)
{
  const struct sockaddr_in *sin = (const struct sockaddr_in *) a;
  int type;
  if (s->connected || len < (int) sizeof *sin) return -EINVAL;
  type = inet_addr_type(s->host, sin->sin_addr.s_addr);
  if (!inet_addr_valid_or_nonlocal(s, sin->sin_addr.s_addr, type))
    return -EADDRNOTAVAIL;
  s->inet_rcv_saddr = s->inet_saddr = sin->sin_addr.s_addr;
  if (type == SR_RT_MULTICAST || type == SR_RT_BROADCAST) s->inet_saddr = 0;
  s->dst_cached = false;
  return 0;
}

@ Ping sockets, |ping_bind|: the family rule of the others; a specific
address must be one of the host's own (or nonlocal with the permission),
never broadcast or multicast; the ``port'' is the identifier and needs no
privilege; a socket with an identifier cannot be bound again.

\kernel{ping sockets (with \.{ping\_group\_range} opened to all) bind
\.{127.0.0.1}, \.{127.5.5.5} and \.{10.0.0.1} but not \.{127.255.255.255},
\.{10.0.0.255}, \.{255.255.255.255} or \.{224.0.0.1}
(|EADDRNOTAVAIL|); user 65534 binds identifiers 80 and 1023.}

@c
static int ping_bind(sr_sock *s, const struct sockaddr_storage *a, int len)
{
  const struct sockaddr_in *sin = (const struct sockaddr_in *) a;
  uint32_t addr = sin->sin_addr.s_addr;
  uint16_t snum = ntohs(sin->sin_port);
  int type, err;
  if ((err = inet_check_family(sin, len)) < 0) return err;
  if (addr != htonl(INADDR_ANY)) {
    type = inet_addr_type(s->host, addr);
    if (type == SR_RT_MULTICAST || type == SR_RT_BROADCAST ||
        (type != SR_RT_LOCAL && !inet_can_nonlocal_bind(s)))
      return -EADDRNOTAVAIL;
  }
  if (s->inet_num) return -EINVAL;
  if (ping_get_port(s, snum) < 0) return -EADDRINUSE;
  s->inet_rcv_saddr = s->inet_saddr = addr;
  bind_finish(s, snum);
  return 0;
}

@*1 Binding implicitly.
\clause{ip.7:addr:autobind_connect}
@^ip.7:addr:autobind\_connect@>
@^autobind@>
A datagram socket without a port gets one when it first needs one: on
|connect|, or when it sends.  The address stays what it was --- the
wildcard, or the address bound with \.{IP\_BIND\_ADDRESS\_NO\_PORT} ---
until |connect| fills it in.  When no port can be found the call fails with
|EAGAIN| (the kernel's |inet_autobind|).  This is the function the sending
path calls.

\kernel{|sendto| from an unbound UDP socket leaves it bound to
\.{0.0.0.0} and an ephemeral port; with the range exhausted |sendto| and
|connect| fail with |EAGAIN| and the socket stays unbound.}

@<Private function prototypes@>=
static int inet_autobind(sr_sock *s);

@ @c
static int inet_autobind(sr_sock *s)
{
  if (!s->inet_num) {
    if (sk_get_port(s, 0) < 0) return -EAGAIN;
    s->inet_sport = htons(s->inet_num);
  }
  return 0;
}

@*1 Listening.
\clause{socket.7:call:listen}
\clause{ip.7:addr:autobind_listen}
\clause{socket.7:SO_ACCEPTCONN}
\clause{socket.7:SO_ACCEPTCONN:2}
@^socket.7:call:listen@>
@^ip.7:addr:autobind\_listen@>
Only stream sockets listen; the others answer |EOPNOTSUPP|.  A socket
that starts to listen takes its port again under the rule for listeners
--- which a partner bound with \.{SO\_REUSEADDR} may now break
(|EADDRINUSE|, and the socket does not listen) --- or, if it has none,
gets an ephemeral one on its address.  A listener joins its
\.{SO\_REUSEPORT} group.  Calling |listen| again only changes the backlog,
which the model does not keep (a backlog above \.{net.core.somaxconn} is
cut to it, and nothing can observe it).  After |listen|, \.{SO\_ACCEPTCONN}
reads 1 and |bind| is |EINVAL|.
@^model limits@>

\kernel{|listen| on a fresh TCP socket succeeds, binds \.{0.0.0.0} and an
odd ephemeral port, \.{SO\_ACCEPTCONN} reads 1; |listen| again with
backlog $-1$ succeeds; a TCP socket bound to \.{224.1.1.1} listens; UDP,
raw and ping sockets: |EOPNOTSUPP|; |listen(-1, 1)| |EBADF|, on
descriptor 0 |ENOTSOCK|.}

@<Public declarations@>=
int sr_listen(int fd, int backlog);

@ @c
int sr_listen(int fd, int backlog)
{
  int err = 0;
  sr_sock *s;
  world_ready();
  (void) backlog;
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if (s->type != SOCK_STREAM) return sys_return(-EOPNOTSUPP);
  if (s->listening) return 0;
  s->listening = true;
  if (tcp_get_port(s, s->inet_num) < 0) {
    s->listening = false;
    return sys_return(-EADDRINUSE);
  }
  s->inet_sport = htons(s->inet_num);
  s->dst_cached = false;
  if (s->reuseport) tcp_reuseport_join(s);
  return 0;
}

@*1 Names.
\clause{socket.7:call:getsockname}
\clause{socket.7:call:getpeername}
\clause{ip.7:addr:sin_port}
\clause{ip.7:addr:sin_addr}
\clause{ip.7:addr:network_byte_order}
@^socket.7:call:getsockname@>
@^socket.7:call:getpeername@>
The local name is the bound address --- or, for a socket bound to the
wildcard, the source address it sends from, which is still the wildcard
unless it connected --- and the reported port.  The peer's name exists
when the socket has a peer port: a socket connected to port 0 has no
peer as far as |getpeername| is concerned.  Addresses and ports are in
network order.  This is the kernel's |inet_getname|; |peer| is 1 for
|getpeername| and 2 for \.{SO\_PEERNAME}, which does not look at the
socket's state.

\kernel{a fresh UDP socket is \.{0.0.0.0:0}, a raw one \.{0.0.0.0:1};
|getpeername| is |ENOTCONN| on both; a UDP socket connected to
\.{127.0.0.1:0} has a name but |getpeername| and \.{SO\_PEERNAME} give
|ENOTCONN|.}

@<Private function prototypes@>=
static int inet_getname(const sr_sock *s, struct sockaddr_in *sin, int peer);

@ @c
static int inet_getname(const sr_sock *s, struct sockaddr_in *sin, int peer)
{
  memset(sin, 0, sizeof *sin);
  sin->sin_family = AF_INET;
  if (peer) {
    if (!s->inet_dport || (peer == 1 && !s->connected)) return -ENOTCONN;
    sin->sin_port = s->inet_dport;
    sin->sin_addr.s_addr = s->inet_daddr;
  } else {
    sin->sin_port = s->inet_sport;
    sin->sin_addr.s_addr = s->inet_rcv_saddr ? s->inet_rcv_saddr : s->inet_saddr;
  }
  return (int) sizeof *sin;
}

@ Handing a name back, |move_addr_to_user|.  The caller's length is read
first (a null pointer is |EFAULT|); the name is cut to it, and the
length written back is the name's full length, 16, so a caller can see
that it was cut.  A negative length is |EINVAL| and is left as it was; a
length of 0 asks for nothing and may come with a null buffer.  The name is
computed before any of this, so an unconnected socket answers |ENOTCONN|
to |getpeername| even with null pointers.

\kernel{|getsockname| with length 4 returns 0, writes the first 4 bytes
and sets the length to 16; length 0 with a null buffer: 0, length 16;
length 16 with a null buffer: |EFAULT|, length 16; length $-1$:
|EINVAL|, length still $-1$; length 200: 0, length 16; null length
pointer: |EFAULT|; |getpeername(fd, NULL, NULL)| unconnected: |ENOTCONN|;
|getsockname| of descriptor $-1$: |EBADF|, of descriptor 0: |ENOTSOCK|.}

@c
static int move_addr_to_user(const void *kaddr, int klen, void *uaddr,
  socklen_t *ulen)
{
  int len;
  if (!ulen) return -EFAULT;
  len = (int) *ulen;
  if (len > klen) len = klen;
  if (len >= 0) *ulen = (socklen_t) klen;
  if (len) {
    if (len < 0) return -EINVAL;
    if (!uaddr) return -EFAULT;
    memcpy(uaddr, kaddr, (size_t) len);
  }
  return 0;
}

@ @<Private function prototypes@>=
static int move_addr_to_user(const void *kaddr, int klen, void *uaddr,
  socklen_t *ulen);
static int sock_name(int fd, struct sockaddr *addr, socklen_t *addrlen, int peer);

@ @<Public declarations@>=
int sr_getsockname(int fd, struct sockaddr *addr, socklen_t *addrlen);
int sr_getpeername(int fd, struct sockaddr *addr, socklen_t *addrlen);

@ @c
static int sock_name(int fd, struct sockaddr *addr, socklen_t *addrlen, int peer)
{
  int err = 0;
  sr_sock *s;
  struct sockaddr_in sin;
  world_ready();
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if ((err = inet_getname(s, &sin, peer)) < 0) return sys_return(err);
  return sys_return(move_addr_to_user(&sin, err, addr, addrlen));
}

int sr_getsockname(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
  return sock_name(fd, addr, addrlen, 0);
}

int sr_getpeername(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
  return sock_name(fd, addr, addrlen, 1);
}

@ \clause{socket.7:SO_PEERNAME}
@^socket.7:SO\_PEERNAME@>
The peer's name as an option.  It has its own length rule: an |optlen|
above the name's 16 bytes is |EINVAL| rather than cut; a shorter one is
cut, and |optlen| says how much was written.  A socket without a peer port
answers |ENOTCONN| before the length is looked at.

\kernel{connected UDP, raw and ping sockets: |optlen| 8 gives 8 bytes and
8, 16 gives 16, 17 |EINVAL|, 0 gives 0; a null buffer with 16: |EFAULT|;
unconnected, or connected to port 0, or a TCP listener: |ENOTCONN|.}

@c
static int get_peername(sr_sock *s, sr_optreq *rq)
{
  struct sockaddr_in sin;
  int lv = inet_getname(s, &sin, 2);
  if (lv < 0) return -ENOTCONN;
  if (lv < rq->len) return -EINVAL;
  memcpy(rq->out, &sin, sizeof sin);
  rq->outlen = lv;
  return 0;
}

@*1 Connecting.
\clause{socket.7:call:connect}
@^socket.7:call:connect@>
|connect| gives a socket its peer.  After the descriptor and the copy of
the address, stream and datagram sockets go separate ways.  The order of
the first checks is not |bind|'s: the kernel's |__sys_connect| takes the
open file, copies the address, and only then asks whether the file is a
socket, so a bad length on a descriptor that is not a socket is |EINVAL|,
not |ENOTSOCK|.

\kernel{\.{connect(2, \&sin, 65536)} with descriptor 2 on \.{/dev/null} is
|EINVAL|; with length 16 it is |ENOTSOCK| (a script found by \.{sr-fuzz}).}

@<Public declarations@>=
int sr_connect(int fd, const struct sockaddr *addr, socklen_t addrlen);

@ @c
int sr_connect(int fd, const struct sockaddr *addr, socklen_t addrlen)
{
  int err = 0, len = (int) addrlen;
  sr_sock *s;
  struct sockaddr_storage a;
  world_ready();
  if (!fd_file(W->cur, fd)) return sys_return(-EBADF);
  if ((err = move_addr_to_kernel(addr, len, &a)) < 0) return sys_return(err);
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if (s->type == SOCK_STREAM) err = tcp_connect(s, &a, len);
  else err = dgram_connect(s, &a, len);
  return sys_return(err);
}

@ @<Private function prototypes@>=
static int dgram_connect(sr_sock *s, const struct sockaddr_storage *a, int len);
static int ip4_datagram_connect(sr_sock *s, const struct sockaddr_in *sin, int len);
static int dgram_disconnect(sr_sock *s);
static int tcp_connect(sr_sock *s, const struct sockaddr_storage *a, int len);
static void udp_rehash(sr_sock *s, uint32_t old_rcv_saddr);
static void udp_hash4(sr_sock *s);

@ Datagram sockets (UDP, UDP-Lite, ping and raw), |inet_dgram_connect|.
The address must hold at least its family (|EINVAL|); the family
\.{AF\_UNSPEC} dissolves the association (below).  Otherwise the socket is
given a port {\it before\/} the rest of the address is even looked at, so
a |connect| that then fails --- with a short address, a wrong family, no
route --- leaves the socket bound to an ephemeral port.

\kernel{UDP and ping: |connect| with 0 or 1 bytes is |EINVAL| and leaves
the socket unbound; with 2, 8 or 15 bytes of \.{AF\_INET} it is |EINVAL|
and |getsockname| shows an ephemeral port; 16 bytes of \.{AF\_INET6}:
|EAFNOSUPPORT|, bound likewise; \.{AF\_UNSPEC} with 2 or more bytes: 0.}

@c
static int dgram_connect(sr_sock *s, const struct sockaddr_storage *a, int len)
{
  if (len < (int) sizeof a->ss_family) return -EINVAL;
  if (a->ss_family == AF_UNSPEC) return dgram_disconnect(s);
  if (inet_autobind(s) < 0) return -EAGAIN;
  return ip4_datagram_connect(s, (const struct sockaddr_in *) a, len);
}

@ \clause{ip.7:addr:broadcast}
\clause{ip.7:addr:connection_unicast}
@^ip.7:addr:broadcast@>
@^SO\_BROADCAST@>
|__ip4_datagram_connect|.  The full address is checked (16 bytes,
\.{AF\_INET}); the cached route is dropped at once, so even a |connect|
that fails leaves none.  The destination is routed from the socket's
source address, through the device it is bound to or else, for a
multicast destination, the \.{IP\_MULTICAST\_IF} device and address, and
for any other the \.{IP\_UNICAST\_IF} device.  A route to a broadcast
address needs \.{SO\_BROADCAST} (|EACCES|).  Then a socket without a source
address takes the route's, and one bound to the wildcard is from now on
bound to that address too --- which is why a connected socket's name shows
an address and stays so until it disconnects.  The destination
\.{0.0.0.0} means this host: as |ip_route_connect| does, a first lookup
names the destination --- the source address the route chooses, its own
address if it has one, else the first address of the device it is bound
to, else \.{127.0.0.1} --- and the route to that address is looked up as
for any other.  A socket may connect again, to another peer; its
address stays what the first |connect| chose.  The socket's flow (below) takes the
new destination before the route is looked up.

\kernel{UDP, ping and ICMP raw sockets: to \.{127.0.0.1}, \.{127.0.0.2},
\.{10.0.0.1}: name \.{127.0.0.1}, \.{127.0.0.1}, \.{10.0.0.1}, \.{IP\_MTU}
65535; to \.{10.0.0.2}, \.{8.8.8.8}, \.{10.0.0.0} and \.{224.1.1.1}: name
\.{10.0.0.1}, \.{IP\_MTU} 1500; to \.{10.0.0.255},
\.{255.255.255.255} and \.{127.255.255.255}: |EACCES|, and 0 with
\.{SO\_BROADCAST}; to \.{0.0.0.0:9}: the peer is \.{127.0.0.1:9}, and
for a raw UDP socket bound to device \.{eth0} (10.0.0.1) the peer is
\.{10.0.0.1}, which then receives its own datagram (script
\.{fuzz/recv-s556-13317.sr}); one bound to \.{127.0.0.1} and to device
\.{eth0}: |EINVAL|, from the second lookup (\.{fuzz/connect-s602-1257.sr}).  A
socket bound to \.{127.0.0.1} connecting to \.{10.0.0.2}: |EINVAL|; one
connected to \.{127.0.0.1} reconnecting to \.{10.0.0.2}: |EINVAL|, and it
keeps its peer but \.{IP\_MTU} says |ENOTCONN|; bound to \.{10.0.0.1},
connecting to \.{127.0.0.1}: 0, name \.{10.0.0.1}.  A UDP socket bound
to \.{224.1.1.1} or \.{10.0.0.255} connects to \.{10.0.0.2} and keeps
reporting the bound address.  With \.{IP\_FREEBIND} and \.{10.0.0.99}:
|ENETUNREACH|; with \.{IP\_TRANSPARENT}: 0.}

@c
static int ip4_datagram_connect(sr_sock *s, const struct sockaddr_in *sin, int len)
{
  struct sr_flow fl;
  struct sr_rtres rt;
  uint32_t daddr, saddr;
  int oif, err;
  if (len < (int) sizeof *sin) return -EINVAL;
  if (sin->sin_family != AF_INET) return -EAFNOSUPPORT;
  s->dst_cached = false;
  daddr = sin->sin_addr.s_addr;
  oif = s->bound_dev_if;
  saddr = s->inet_saddr;
  if (ipv4_is_multicast(daddr)) {
    if (!oif) oif = s->mc_index;
    if (!saddr) saddr = s->mc_addr;
  } else if (!oif) oif = s->uc_index;
  if (!daddr) { /* |ip_route_connect|: a first lookup names the destination */
    sk_flow(s, 0, saddr, oif, &fl);
    if ((err = ip_route_output(s->host, &fl, &rt)) < 0) return err;
    daddr = rt.saddr;
  }
  sk_flow(s, daddr, saddr, oif, &fl);
  s->fl_daddr = daddr;
  s->fl_dport = sin->sin_port;
  s->fl_saddr = saddr;
  if ((err = ip_route_output(s->host, &fl, &rt)) < 0) return err;
  s->fl_saddr = rt.saddr;
  if (rt.type == SR_RT_BROADCAST && !(s->flags & SK_BROADCAST)) return -EACCES;
  if (!s->inet_saddr) s->inet_saddr = rt.saddr;
  if (!s->inet_rcv_saddr) {
    s->inet_rcv_saddr = rt.saddr;
    udp_rehash(s, 0);
  }
  s->inet_daddr = daddr;
  s->inet_dport = sin->sin_port;
  if (s->rp) s->rp->has_conns = true;
  s->connected = true;
  ip_sk_new_ident(s);
  sk_dst_set(s, &rt);
  udp_hash4(s);
  return 0;
}

@ The flow a socket routes with.  A transparent socket may connect from an
address the host does not have (the kernel's |FLOWI_FLAG_ANYSRC|);
\.{IP\_FREEBIND} is not enough, and neither is \.{IP\_HDRINCL}, which
lets a raw socket {\it send\/} from any source but not connect from one.
\.{SO\_DONTROUTE} limits the route to the attached networks.

\kernel{an \.{IPPROTO\_RAW} socket, and an ICMP raw socket with
\.{IP\_HDRINCL}, bound with \.{IP\_FREEBIND} to \.{10.0.0.99}:
|connect| to \.{10.0.0.2} is |ENETUNREACH|.}

@c
static void sk_flow(const sr_sock *s, uint32_t daddr, uint32_t saddr, int oif,
  struct sr_flow *fl)
{
  memset(fl, 0, sizeof *fl);
  fl->daddr = daddr;
  fl->saddr = saddr;
  fl->oif = oif;
  fl->dontroute = (s->flags & SK_DONTROUTE) != 0;
  fl->freebind = (s->ipflags & IPF_TRANSPARENT) != 0;
}

@ The cached route.  Like the kernel's cached entry it remembers the
device and the kind of route; its MTU is asked afresh whenever
\.{IP\_MTU} is read, so that a change of the device's MTU or an MTU learnt
later for the destination shows, while a change of the routing tables
does not --- the socket keeps its route until something drops it
(|dst_cached| false).  The sending path caches the route of a connected
socket again with |sk_dst_set|.

\kernel{a UDP socket connected to \.{10.0.0.2} still reads 1500 after
the route to \.{10.0.0.0/24} is deleted.}

@<Binding fields of a socket@>=
int dst_ifindex, dst_type; /* the cached route's device and kind */

@ The flow.  Besides the route, the kernel keeps with a datagram socket
one flow (|inet->cork.fl|): the destination, port and source that the
last |connect| asked for --- written before routing, so even a |connect|
that fails leaves its address there --- or that the first part of the
last corked UDP datagram was sent to.  A pending datagram goes to that
flow, and so does every send of a connected UDP socket that takes its
cached route (chapter {\it UDP\/}): after a |MSG_MORE| datagram to
another address, or a refused |connect|, a connected socket sends to
that other address until its route is dropped.
@^corking@>

\kernel{a socket connected to port 5000 of \.{10.0.0.1} sends ``x''
with |MSG_MORE| to port 5001, then ``y'' and ``z'' without an address:
port 5001 receives ``xy'' and then ``z'', port 5000 nothing.  A socket
connected to port 5000 whose |connect| to \.{10.0.0.255} port 5001 is
refused (|EACCES|): its first |send| reaches port 5000, its second the
broadcast port 5001; a datagram pending to port 5000 when such a
|connect| is refused arrives at port 5001 (scripts found by
\.{sr-fuzz}, \.{fuzz/udp-flow.sr}).}

@<Binding fields of a socket@>=
uint32_t fl_daddr, fl_saddr; /* the flow's destination and source */
uint16_t fl_dport; /* its port, network order */

@ @c
static void sk_dst_set(sr_sock *s, const struct sr_rtres *rt)
{
  s->dst_cached = true;
  s->dst_ifindex = rt->ifindex;
  s->dst_type = rt->type;
}

static int sk_dst_mtu(sr_sock *s)
{
  bool locked;
  return ip_path_mtu(s->host, iface_by_index(s->host, s->dst_ifindex), s->dst_type,
    s->inet_daddr, &locked);
}

@ @<Private function prototypes@>=
static void sk_flow(const sr_sock *s, uint32_t daddr, uint32_t saddr, int oif,
  struct sr_flow *fl);
static void sk_dst_set(sr_sock *s, const struct sr_rtres *rt);
static int sk_dst_mtu(sr_sock *s);

@ UDP's tables follow the socket's address.  When |connect| gives a
wildcard socket an address, or a disconnect takes it away from a socket
that keeps its port, the socket moves to the head of its new (address,
port) slot; and it leaves its \.{SO\_REUSEPORT} group, since it now has an
address or a peer of its own --- so does a socket that changes its device.
This is the kernel's |udp_lib_rehash|.

\kernel{three \.{SO\_REUSEPORT} sockets on \.{0.0.0.0:P}: when the second
connects elsewhere, 3000 datagrams from random ports split 1509/1491
between the other two; after it disconnects it is back on the wildcard and
receives all 3000; after it binds to a device the other two share them.}

@c
static void udp_rehash(sr_sock *s, uint32_t old_rcv_saddr)
{
  sr_porttab *pt;
  int tab = sock_tabno(s);
  if (!s->hashed || (tab != SR_TAB_UDP && tab != SR_TAB_UDPLITE)) return;
  if (s->rp) rp_detach(s);
  if (old_rcv_saddr == s->inet_rcv_saddr) return;
  pt = sock_tab(s);
  link_del(&pt->t[LK_ADDR], LK_ADDR, s);
  link_add(&pt->t[LK_ADDR], LK_ADDR, s, KEY_ADDR(s->inet_rcv_saddr, s->inet_num));
}

@ A connected UDP socket also enters the table of four-tuples, at the head
of its slot, leaving its \.{SO\_REUSEPORT} group; reconnecting moves it to
its new four-tuple (|udp4_hash4|).

@c
static void udp_hash4(sr_sock *s)
{
  sr_porttab *pt;
  int tab = sock_tabno(s);
  if (!s->hashed || !s->inet_rcv_saddr || (tab != SR_TAB_UDP && tab != SR_TAB_UDPLITE))
    return;
  pt = sock_tab(s);
  if (s->lk[LK_CONN].slot) {
    sr_slot *sl = s->lk[LK_CONN].slot;
    uint64_t k[2] = { KEY_CONN(s->inet_rcv_saddr, s->inet_num, s->inet_daddr,
      ntohs(s->inet_dport)) };
    if (sl->h.k0 == k[0] && sl->h.k1 == k[1]) return;
    link_del(&pt->t[LK_CONN], LK_CONN, s);
  } else if (s->rp) rp_detach(s);
  link_add(&pt->t[LK_CONN], LK_CONN, s, KEY_CONN(s->inet_rcv_saddr, s->inet_num,
    s->inet_daddr, ntohs(s->inet_dport)));
}

@ Disconnecting, |__udp_disconnect|, which raw and ping sockets share.
The peer goes, and so do the device binding and the cached route.  What
the program did not choose itself goes too: an address it did not bind is
forgotten, and a port it did not bind is given back, which for a raw
socket means it leaves the raw table and reports port 0 from then on.  A
socket that only disconnected may be bound again if it lost its port.
Disconnecting a socket that was never connected does the same.

\kernel{UDP autobound by |connect|, then \.{AF\_UNSPEC}: \.{0.0.0.0:0};
bound to \.{0.0.0.0:4444}: back to \.{0.0.0.0:4444}; bound to
\.{127.0.0.1:0}: \.{127.0.0.1:0}; bound to \.{127.0.0.1:4450}: unchanged;
bound to \.{lo} by \.{SO\_BINDTODEVICE}: the device binding reads empty
afterwards, connected or not.  Ping sockets alike.  An ICMP raw socket is
\.{0.0.0.0:0} after any of these, and |bind| works again (reporting port
0).}

@c
static int dgram_disconnect(sr_sock *s)
{
  s->connected = false;
  s->inet_daddr = 0;
  s->inet_dport = 0;
  s->bound_dev_if = 0;
  if (s->lk[LK_CONN].slot) link_del(&sock_tab(s)->t[LK_CONN], LK_CONN, s);
  if (!(s->userlocks & SR_BINDADDR_LOCK)) {
    uint32_t old = s->inet_rcv_saddr;
    s->inet_rcv_saddr = s->inet_saddr = 0;
    if (s->userlocks & SR_BINDPORT_LOCK) udp_rehash(s, old);
  }
  if (!(s->userlocks & SR_BINDPORT_LOCK)) {
    sock_unhash(s);
    s->inet_sport = 0;
  }
  s->dst_cached = false;
  return 0;
}

@ Stream sockets.  The model has no TCP connections: it keeps what a TCP
socket does before a connection exists and refuses the rest.  |connect|
checks, in the kernel's order (|__inet_stream_connect|, |tcp_v4_connect|):
the family field (|EINVAL| below 2 bytes); \.{AF\_UNSPEC}, which makes a
listener stop listening (below); a listening socket (|EISCONN|); the
length and family of the rest (|EINVAL|, |EAFNOSUPPORT|); a route that is
broadcast or multicast (|ENETUNREACH|, the ``only unicast'' rule); a
socket that has no port and finds none free --- ports bound by |bind| are
never used for outgoing connections --- |EADDRNOTAVAIL|.  What would come
next, the handshake, is beyond the model, which answers |EOPNOTSUPP|
and leaves the socket as it was.
@^model limits@>

\kernel{TCP: 8 bytes |EINVAL|; \.{AF\_INET6} |EAFNOSUPPORT|; to
\.{10.0.0.255} or \.{224.1.1.1} |ENETUNREACH|; on a listener |EISCONN|;
with the port range exhausted |EADDRNOTAVAIL|, the socket still unbound.}

@c
static int tcp_connect(sr_sock *s, const struct sockaddr_storage *a, int len)
{
  const struct sockaddr_in *sin = (const struct sockaddr_in *) a;
  struct sr_flow fl;
  struct sr_rtres rt;
  uint32_t daddr;
  int err;
  if (len < (int) sizeof a->ss_family) return -EINVAL;
  if (a->ss_family == AF_UNSPEC) return tcp_disconnect(s);
  if (s->listening) return -EISCONN;
  if (len < (int) sizeof *sin) return -EINVAL;
  if (sin->sin_family != AF_INET) return -EAFNOSUPPORT;
  daddr = sin->sin_addr.s_addr;
  if (!daddr) daddr = s->inet_saddr ? s->inet_saddr : htonl(INADDR_LOOPBACK);
  sk_flow(s, daddr, s->inet_saddr, s->bound_dev_if, &fl);
  if ((err = ip_route_output(s->host, &fl, &rt)) < 0) return err;
  if (rt.type == SR_RT_BROADCAST || rt.type == SR_RT_MULTICAST)
    return -ENETUNREACH;
  if (!s->inet_num && !tcp_connect_port_free(s)) return -EADDRNOTAVAIL;
  return -EOPNOTSUPP;
}

@ An outgoing connection may use any port that is not reserved and that no
socket holds, among those the kernel's search (|__inet_hash_connect|)
reaches: it takes the range as $[low, high+1)$ and, like the search for
|bind|, walks an even number of ports from its start, so the last port
of a range of odd length is never reached.

\kernel{with the range \.{40000 40002}, 40000 and 40001 bound by TCP
sockets and 40002 free, |connect| is |EADDRNOTAVAIL|.}

@c
static bool tcp_connect_port_free(sr_sock *s)
{
  int low, high, remaining;
  inet_sk_local_port_range(s, &low, &high);
  remaining = high + 1 - low;
  if (remaining > 1) remaining &= ~1;
  for (int p = low; p < low + remaining; p++)
    if (!port_reserved(s->host, (uint16_t) p) &&
        !port_first(s->host, SR_TAB_TCP, (uint16_t) p))
      return true;
  return false;
}

@ Disconnecting a stream socket, |tcp_disconnect|: a listener stops
listening and leaves its group; its port is given back unless the program
bound it --- but the port it reports stays what it was, the kernel's
|inet_sport| not being cleared.  An address the program did not bind is
forgotten.  A shutdown is undone: the kernel clears |sk_shutdown|, so
a socket shut both ways before is neither any longer.  Any other state is
unchanged, but for one number: the
kernel moves the next sequence number to send two past the largest
window the peer ever offered (none here), so that what \.{SIOCOUTQ} and
\.{SIOCOUTQNSD} compute --- that number less the first unacknowledged, or
less the next to send, both still 0 --- grows by 2 with every disconnect
(|tcp_write_seq|).

\kernel{a listener that |listen| bound to port 39375: after
\.{AF\_UNSPEC}, \.{SO\_ACCEPTCONN} reads 0, |getsockname| still says
39375, and another socket binds 39375; |listen| again picks a new port.
Bound to \.{127.0.0.1:5555}: keeps it.  Bound to \.{0.0.0.0:0} and not
listening: keeps its port (another |bind| to it is |EADDRINUSE|, a
second |bind| |EINVAL|).  A fresh socket: 0, still \.{0.0.0.0:0}.
\.{SIOCOUTQ} on a fresh socket: 0; after \.{AF\_UNSPEC}: 2, and
\.{SIOCOUTQNSD} 2; after |listen| and \.{SHUT\_RDWR}: 4 (a script found
by \.{sr-fuzz}, \.{fuzz/tcp-outq.sr}).  A fresh socket after
\.{SHUT\_RDWR} (|ENOTCONN|) polls
|POLLIN|$\vert$|POLLOUT|$\vert$|POLLRDHUP|$\vert$|POLLHUP|, after
\.{AF\_UNSPEC} |POLLOUT|$\vert$|POLLHUP|; a listener shut for reading
the same (script \.{tcp/disconnect-undoes-shutdown.sr}, after one
\.{sr-fuzz --seed 17} found).}

@c
static int tcp_disconnect(sr_sock *s)
{
  if (s->listening) {
    s->listening = false;
    if (s->rp) rp_detach(s);
    if (!(s->userlocks & SR_BINDPORT_LOCK)) sock_unhash(s);
  }
  if (!(s->userlocks & SR_BINDADDR_LOCK)) s->inet_rcv_saddr = s->inet_saddr = 0;
  s->shutdown = 0;
  s->tcp_write_seq += 2;
  if (!s->tcp_write_seq) s->tcp_write_seq = 1;
  return 0;
}

@ @<Binding fields of a socket@>=
uint32_t tcp_write_seq; /* TCP: |write_seq| less |snd_una|, moved by disconnects */

@ @<Private function prototypes@>=
static int tcp_disconnect(sr_sock *s);
static bool tcp_connect_port_free(sr_sock *s);

@*1 Finding the receiver of a datagram.
When a UDP datagram arrives for one of the host's addresses, the receive
path asks which socket takes it.  Linux answers in |__udp4_lib_lookup| in
three steps, and so does the model:
\smallskip
\item{1.} a socket connected to exactly the datagram's four-tuple, on a
compatible device, takes it --- the most recently connected one if there
are several;
\item{2.} otherwise the sockets bound to the datagram's destination
address compete, by score (below);
\item{3.} if none qualifies, the sockets bound to the wildcard compete.
\smallskip\noindent
Each step looks at one slot of one table, so the cost does not grow with
the number of sockets on the host.

Ports are in network order in the arguments, as in the UDP header;
|ifindex| is the interface the datagram arrived on (for a datagram the
host sent to itself, the interface of the route to the destination);
|data| and |len| are the datagram's data, for a group program (|NULL| when
an error from the network is looked up).
|udp_lookup| searches the UDP tables, |udp_table_lookup| those of UDP or
UDP-Lite.

\kernel{A on \.{0.0.0.0:P} and B on \.{127.0.0.1:P} (both
\.{SO\_REUSEADDR}), in either order: a datagram to \.{127.0.0.1} goes to
B, one to \.{10.0.0.1} to A.}

@<Private function prototypes@>=
static sr_sock *udp_lookup(sr_host *h, uint32_t saddr, uint16_t sport,
  uint32_t daddr, uint16_t dport, int ifindex);
static sr_sock *udp_table_lookup(sr_host *h, int proto, uint32_t saddr,
  uint16_t sport, uint32_t daddr, uint16_t dport, int ifindex, const uint8_t *data,
  size_t len);
static void udp_lookup_all(sr_host *h, uint32_t saddr, uint16_t sport,
  uint32_t daddr, uint16_t dport, int ifindex, void (*fn)(sr_sock *, void *),
  void *arg);
static void udp_table_lookup_all(sr_host *h, int proto, uint32_t saddr,
  uint16_t sport, uint32_t daddr, uint16_t dport, int ifindex,
  void (*fn)(sr_sock *, void *), void *arg);

@ @c
static sr_sock *udp_lookup(sr_host *h, uint32_t saddr, uint16_t sport,
  uint32_t daddr, uint16_t dport, int ifindex)
{
  return udp_table_lookup(h, IPPROTO_UDP, saddr, sport, daddr, dport, ifindex, NULL, 0);
}

static sr_sock *udp_table_lookup(sr_host *h, int proto, uint32_t saddr,
  uint16_t sport, uint32_t daddr, uint16_t dport, int ifindex, const uint8_t *data,
  size_t len)
{
  sr_porttab *pt;
  sr_slot *sl;
  sr_sock *r;
  uint16_t hnum = ntohs(dport);
  if (!h->bind) return NULL;
  pt = &h->bind->proto[proto == IPPROTO_UDPLITE ? SR_TAB_UDPLITE : SR_TAB_UDP];
  if (pt->t[LK_CONN].n) {
    @<Look for a socket connected to the four-tuple, and return it@>@;
  }
  for (int step = 2; step <= 3; step++) {
    uint32_t addr = step == 2 ? daddr : htonl(INADDR_ANY);
    r = udp_lookup2(h, slot_find(&pt->t[LK_ADDR], KEY_ADDR(addr, hnum)), saddr, sport,
      addr, hnum, ifindex, data, len);
    if (r) return r;
  }
  return NULL;
}

@ Step~1 is skipped when no socket of the protocol is connected, as most
hosts have none.  Steps 2 and~3 are one loop, so that the walk of a slot
is one piece of code, made part of the lookup by the compiler: with the
first step's hash skipped, 44 of 2\,276 instructions a round trip saved.

@<Look for a socket connected to the four-tuple...@>=
sl = slot_find(&pt->t[LK_CONN], KEY_CONN(daddr, hnum, saddr, ntohs(sport)));
for (r = sl ? sl->first : NULL; r; r = r->lk[LK_CONN].next)
  if (r->inet_daddr == saddr && r->inet_dport == sport &&
      r->inet_rcv_saddr == daddr && r->inet_num == hnum &&
      udp_dev_match(r, ifindex))
    return r;

@ A socket bound to a device hears only what arrives on it
(\.{SO\_BINDTODEVICE}); one bound to none hears every device.

@c
static bool udp_dev_match(const sr_sock *s, int ifindex)
{
  return !s->bound_dev_if || s->bound_dev_if == ifindex;
}

@ @<Private function prototypes@>=
static bool udp_dev_match(const sr_sock *s, int ifindex);
static int udp_score(const sr_sock *s, uint32_t saddr, uint16_t sport,
  uint32_t daddr, uint16_t hnum, int ifindex);
static sr_sock *udp_lookup2(sr_host *h, const sr_slot *sl, uint32_t saddr,
  uint16_t sport, uint32_t daddr, uint16_t hnum, int ifindex, const uint8_t *data,
  size_t len);

@ \clause{socket.7:SO_BINDTODEVICE:4}
@^socket.7:SO\_BINDTODEVICE@>
@^receive demultiplexing@>
The score, |compute_score|.  A socket qualifies when its address and port
are the datagram's destination, its peer (if it has one) is the
datagram's source, and its device matches.  It scores 2, plus 4 for a peer
address, 4 for a peer port, 4 for a device binding, and 1 when its
\.{SO\_INCOMING\_CPU} names the processor handling the datagram --- in the
model, which has one processor, processor~0.  Among sockets of equal score
the first in the slot wins, that is the one bound (or moved there) last.
@^model limits@>

\kernel{three \.{SO\_REUSEADDR} sockets bound in turn to \.{127.0.0.1:P},
or to \.{0.0.0.0:P}: all datagrams go to the last.  A device-bound socket
(\.{lo}) beats an unbound one whatever the order of binding; one bound to
\.{eth0} hears nothing sent to \.{127.0.0.1}.  With the process pinned to
CPU~0, \.{SO\_INCOMING\_CPU} 0 on the older of two sockets wins it the
datagrams, 1 does not.}

@c
static int udp_score(const sr_sock *s, uint32_t saddr, uint16_t sport,
  uint32_t daddr, uint16_t hnum, int ifindex)
{
  int score = 2;
  if (s->inet_num != hnum || s->inet_rcv_saddr != daddr) return -1;
  if (s->inet_daddr) {
    if (s->inet_daddr != saddr) return -1;
    score += 4;
  }
  if (s->inet_dport) {
    if (s->inet_dport != sport) return -1;
    score += 4;
  }
  if (!udp_dev_match(s, ifindex)) return -1;
  if (s->bound_dev_if) score += 4;
  if (s->incoming_cpu == SR_THIS_CPU) score++;
  return score;
}

@ @<Constants of the model@>=
#define SR_THIS_CPU 0 /* the processor that handles every packet */

@ \clause{socket.7:SO_REUSEPORT:7}
The walk of one slot, |udp4_lib_lookup2|.  The best-scoring socket wins;
when it belongs to a \.{SO\_REUSEPORT} group (and still has the flag), a
member of its group is chosen by hash instead, and if the group never had
a connected member that choice is final.  Otherwise the chosen member
stands, but the walk goes on and a better-scoring socket may still take
its place.

\kernel{four \.{SO\_REUSEPORT} sockets on \.{127.0.0.1:P}: 64 datagrams
from 64 source ports spread 20/18/18/8; eight from one source port all go
to one socket.  A connected member takes what its peer sends; the others
share the rest.}

@c
static sr_sock *udp_lookup2(sr_host *h, const sr_slot *sl, uint32_t saddr,
  uint16_t sport, uint32_t daddr, uint16_t hnum, int ifindex, const uint8_t *data,
  size_t len)
{
  sr_sock *result = NULL, *pick;
  int badness = 0, score;
  for (sr_sock *s = sl ? sl->first : NULL; s; s = s->lk[LK_ADDR].next) {
    score = udp_score(s, saddr, sport, daddr, hnum, ifindex);
    if (score <= badness) continue;
    badness = score;
    result = s;
    if (s->connected || !s->reuseport || !s->rp) continue;
    pick = rp_select(s->rp, udp_ehashfn(h, daddr, hnum, saddr, sport), data, len);
    if (!pick) continue;
    result = pick;
    if (!s->rp->has_conns) return result;
    score = udp_score(pick, saddr, sport, daddr, hnum, ifindex);
    if (score > badness) badness = score;
  }
  return result;
}

@ \clause{socket.7:SO_ATTACH_REUSEPORT_CBPF:2}
\clause{socket.7:SO_ATTACH_REUSEPORT_CBPF:3}
\clause{socket.7:SO_ATTACH_REUSEPORT_CBPF:4}
\clause{socket.7:SO_ATTACH_REUSEPORT_CBPF:5}
\clause{socket.7:SO_ATTACH_REUSEPORT_CBPF:6}
\clause{socket.7:SO_ATTACH_REUSEPORT_CBPF:7}
@^socket.7:SO\_ATTACH\_REUSEPORT\_CBPF@>
Choosing a member, |reuseport_select_sock|.  A group with a program runs
it over the datagram's data (the UDP header stripped, |data| and |len|);
a result below the number of members is the index of the member that
gets the datagram, connected or not, and any other result falls back to
the hash.  Members are numbered in the order they joined, and one that
leaves hands its number to the last.  An error from the network is
looked up without data, by hash alone.

Then |reuseport_select_sock_by_hash|: the hash is scaled
to the number of members, and from that member on the first one that is
not connected is taken --- unless some member asked for a processor with
\.{SO\_INCOMING\_CPU}, in which case a member on this processor is
preferred, else the first unconnected one met.

\kernel{three members on \.{127.0.0.1:P} with the program ``return the
first data byte'': datagrams starting with 0, 1, 2 reach the members in
bind order, 7 falls back to the hash; after the first member closes, 0
reaches the third (script \.{udp/reuseport.cbpf.sr}).}

@c
static sr_sock *rp_select(const sr_rpgroup *g, uint32_t hash, const uint8_t *data,
  size_t len)
{
  sr_sock *first_valid = NULL;
  bool want_cpu = false;
  int i, j;
  if (g->prog && data) {
    int idx = bpf_classic_run(g->prog, g->prog_len, data, len);
    if (idx >= 0 && idx < g->n) return g->sock[idx];
  }
  for (i = 0; i < g->n; i++)
    if (g->sock[i]->incoming_cpu >= 0) want_cpu = true;
  i = j = (int) (((uint64_t) hash * (uint32_t) g->n) >> 32);
  do {
    sr_sock *s = g->sock[i];
    if (!s->connected) {
      if (!want_cpu || s->incoming_cpu == SR_THIS_CPU) return s;
      if (!first_valid) first_valid = s;
    }
    if (++i >= g->n) i = 0;
  } while (i != j);
  return first_valid;
}

@ The hash of a datagram, the kernel's |udp_ehashfn|: Bob Jenkins's
|jhash_3words| over the local address, the remote address, and the two
ports, salted with a secret of the host.  The secret is random in Linux;
in the model it is the host's first random number after it is needed, so
which member takes a given flow is fixed from run to run but not the
member Linux would pick.
@^model limits@>

@c
static uint32_t rol32(uint32_t x, int k)
{
  return (x << k) | (x >> (32 - k));
}

static uint32_t jhash_3words(uint32_t a, uint32_t b, uint32_t c, uint32_t initval)
{
  initval += 0xdeadbeefu + (3u << 2);
  a += initval;
  b += initval;
  c += initval;
  c ^= b; c -= rol32(b, 14);
  a ^= c; a -= rol32(c, 11);
  b ^= a; b -= rol32(a, 25);
  c ^= b; c -= rol32(b, 16);
  a ^= c; a -= rol32(c, 4);
  b ^= a; b -= rol32(a, 14);
  c ^= b; c -= rol32(b, 24);
  return c;
}

static uint32_t udp_ehashfn(sr_host *h, uint32_t laddr, uint16_t lport,
  uint32_t faddr, uint16_t fport)
{
  if (!h->ehash_secret) h->ehash_secret = bind_random32() | 1;
  return jhash_3words(laddr, faddr, (uint32_t) lport << 16 | fport, h->ehash_secret);
}

@ @<Private function prototypes@>=
static sr_sock *rp_select(const sr_rpgroup *g, uint32_t hash, const uint8_t *data,
  size_t len);
static uint32_t udp_ehashfn(sr_host *h, uint32_t laddr, uint16_t lport,
  uint32_t faddr, uint16_t fport);

@ \clause{socket.7:SO_BINDTODEVICE:4}
Broadcast and multicast datagrams go to every socket that would take them,
|__udp4_lib_mcast_deliver|: bound to the port, to the wildcard or the
datagram's destination, on a matching device, without a peer or with the
datagram's source as peer --- \.{SO\_REUSEPORT} groups included, every
member receiving a copy --- and, for multicast, admitted by the socket's
multicast filter.  The kernel delivers to all but the first socket it
finds and to that one last; |fn| is called in the same order.

\kernel{sockets on \.{0.0.0.0}, \.{10.0.0.255}, \.{10.0.0.1} and
\.{127.0.0.1}: a datagram to \.{10.0.0.255} reaches the first two, one to
\.{255.255.255.255} only the first; a wildcard socket bound to \.{eth0}
receives broadcasts; three wildcard \.{SO\_REUSEPORT} sockets each get a
copy, except one connected elsewhere; a socket on \.{224.1.1.1} that joined
the group and a wildcard one both receive a datagram to \.{224.1.1.1}.}

@c
static void udp_lookup_all(sr_host *h, uint32_t saddr, uint16_t sport,
  uint32_t daddr, uint16_t dport, int ifindex, void (*fn)(sr_sock *, void *),
  void *arg)
{
  udp_table_lookup_all(h, IPPROTO_UDP, saddr, sport, daddr, dport, ifindex, fn, arg);
}

static void udp_table_lookup_all(sr_host *h, int proto, uint32_t saddr,
  uint16_t sport, uint32_t daddr, uint16_t dport, int ifindex,
  void (*fn)(sr_sock *, void *), void *arg)
{
  sr_sock *first = NULL;
  int tab = proto == IPPROTO_UDPLITE ? SR_TAB_UDPLITE : SR_TAB_UDP;
  for (sr_sock *s = port_first(h, tab, ntohs(dport)); s; s = s->lk[LK_PORT].next) {
    if ((s->inet_daddr && s->inet_daddr != saddr) ||
        (s->inet_dport && s->inet_dport != sport) ||
        (s->inet_rcv_saddr && s->inet_rcv_saddr != daddr) ||
        !udp_dev_match(s, ifindex) || !mc_sf_allow(s, daddr, saddr, ifindex))
      continue;
    if (!first) first = s;
    else fn(s, arg);
  }
  if (first) fn(first, arg);
}

@ The multicast filter of a socket, |ip_mc_sf_allow|.  Anything that is
not multicast passes.  A socket that has not joined the group on the
arrival interface takes the datagram only if \.{IP\_MULTICAST\_ALL} is on
(whether the host as a whole accepts the group is the IP layer's
question).  A membership without a source list passes everything in
exclude mode and nothing in include mode; with a list, an include-mode
membership passes the listed sources and an exclude-mode one the others.

@c
static bool mc_sf_allow(const sr_sock *s, uint32_t loc, uint32_t rmt, int ifindex)
{
  const sr_mcsock *m;
  int i;
  if (!ipv4_is_multicast(loc)) return true;
  for (m = s->mc_list; m; m = m->next)
    if (m->group == loc && m->ifindex == ifindex) break;
  if (!m) return (s->ipflags & IPF_MC_ALL) != 0;
  if (!m->has_list) return m->mode == MCAST_EXCLUDE;
  for (i = 0; i < m->nsrc && m->src[i] != rmt; i++) ;
  return m->mode == MCAST_INCLUDE ? i < m->nsrc : i == m->nsrc;
}

@ @<Private function prototypes@>=
static bool mc_sf_allow(const sr_sock *s, uint32_t loc, uint32_t rmt, int ifindex);

@ A question a test may ask the model directly: which socket would receive
a UDP datagram from |from| to |to| arriving on interface |ifindex|.  The
answer is a descriptor of the calling process (|ENOENT| when no socket
would, or when the socket is not one of the caller's); broadcast and
multicast destinations are answered with the number of receivers, each
written to |fds| (at most |max|) in delivery order.  No datagram is sent
and nothing changes.

@<Public declarations@>=
int sr_udp_receiver(const struct sockaddr_in *from, const struct sockaddr_in *to,
  int ifindex);
int sr_udp_receivers(const struct sockaddr_in *from, const struct sockaddr_in *to,
  int ifindex, int *fds, int max);

@ @c
static int sock_fd(const sr_sock *s)
{
  const sr_fdtab *t = &W->cur->fds;
  for (int fd = 0; fd < t->cap; fd++)
    if (t->file[fd] && t->file[fd]->sock == s) return fd;
  return -ENOENT;
}

int sr_udp_receiver(const struct sockaddr_in *from, const struct sockaddr_in *to,
  int ifindex)
{
  sr_sock *s;
  world_ready();
  if (!from || !to) return sys_return(-EFAULT);
  s = udp_lookup(W->cur->host, from->sin_addr.s_addr, from->sin_port,
    to->sin_addr.s_addr, to->sin_port, ifindex);
  return sys_return(s ? sock_fd(s) : -ENOENT);
}

@ @c
struct receivers { int *fds, max, n; };

static void add_receiver(sr_sock *s, void *arg)
{
  struct receivers *r = arg;
  if (r->n < r->max) r->fds[r->n] = sock_fd(s);
  r->n++;
}

int sr_udp_receivers(const struct sockaddr_in *from, const struct sockaddr_in *to,
  int ifindex, int *fds, int max)
{
  struct receivers r = { fds, max, 0 };
  world_ready();
  if (!from || !to || (max > 0 && !fds)) return sys_return(-EFAULT);
  udp_lookup_all(W->cur->host, from->sin_addr.s_addr, from->sin_port,
    to->sin_addr.s_addr, to->sin_port, ifindex, add_receiver, &r);
  return r.n;
}

@ @<Private function prototypes@>=
static int sock_fd(const sr_sock *s);

@*1 Releasing.
A socket that is closed leaves its tables and its group; a listener stops
listening.  Its port is free at once: UDP has no lingering state, and
the model has no TCP connections that would linger in \.{TIME\_WAIT}.
\clause{ip.7:addr:reuse_after_close}
@^ip.7:addr:reuse\_after\_close@>
@^model limits@>

\kernel{after |close|, a new UDP socket, and a new TCP socket after a
listener, bind the same port at once.}

@<Private function prototypes@>=
static void inet_release(sr_sock *s);

@ @c
static void inet_release(sr_sock *s)
{
  s->listening = false;
  sock_unhash(s);
  if (s->rp) rp_detach(s);
}
