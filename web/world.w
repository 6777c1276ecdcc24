@* The world.
Everything that the model knows lives in one object, the {\it world}: the
virtual clock, the hosts with their interfaces, routes and tunables, and the
processes with their descriptor tables and sockets.  There is no other
mutable state in the library, so a test that calls |sr_reset| starts from a
state that does not depend on anything that ran before it, and a test
harness that forks before each case gets an independent copy of the world in
the child for free: nothing in the model refers to the real process.

The world is a single static object; the public calls take no world
argument, exactly as the calls they imitate take none.

@<The world@>=
static sr_world the_world;
#define W (&the_world)

@ The type names are declared once, so that the chapters can refer to each
other's structures in any order.

@<Type definitions@>=
typedef struct sr_world sr_world;
typedef struct sr_host sr_host;
typedef struct sr_iface sr_iface;
typedef struct sr_route sr_route;
typedef struct sr_proc sr_proc;
typedef struct sr_file sr_file;
typedef struct sr_sock sr_sock;

@ The world's fields.  |call_flags| holds what a public call must see to
before it starts: |SR_WORLD_READY|, clear until the first |sr_reset|, and
|SR_SIGNAL_READY|, set while some process may have a pending signal it
does not block (see the chapter on signals).  Every public call begins
with |world_ready()|, which builds the default world when a program forgot
to, so that the first call behaves as in a fresh network namespace, and
delivers the signals that are ready.  The two conditions share one word
so that the common case --- a world made, no signal ready --- costs one
test.

@<Composite types@>=
enum { SR_WORLD_READY = 1, SR_SIGNAL_READY = 2 };
struct sr_world {
  unsigned call_flags; /* |SR_WORLD_READY|, |SR_SIGNAL_READY| */
  uint64_t now_ns; /* the virtual clock */
  int hz; /* the tick rate: socket timeouts are kept in ticks */
  sr_host **host; /* |host[0]| is the default host */
  int nhosts;
  sr_proc **proc; /* every process, in order of creation */
  int nprocs;
  sr_proc *cur; /* the process that makes the calls */
  pid_t next_pid;
  @<Network fields of the world@>@;
  @<Fields of the world for waiting and signals@>@;
};

@ @<Private function prototypes@>=
static inline void world_ready(void);
static void world_make_ready(void);

@ @c
static inline void world_ready(void)
{
  W->idle_restarts = 0;
  if (W->call_flags != SR_WORLD_READY) world_make_ready();
}

static void world_make_ready(void)
{
  if (!(W->call_flags & SR_WORLD_READY)) sr_reset();
  if (W->call_flags & SR_SIGNAL_READY) signal_deliver_all(true);
}

@ Time is explicit and virtual.  It advances only when a caller advances it,
so a run is the same on a loaded machine as on an idle one; advancing it
runs the events that fall due on the way (|sr_advance_ns| is in the
chapter on links).  The tick rate
|hz| is that of the kernel being modelled: the machine this book was
checked on runs with \.{CONFIG\_HZ=250}, and the kernel stores socket
timeouts in ticks and reads them back rounded (see \.{SO\_RCVTIMEO}).

@<Constants of the model@>=
#define SR_DEFAULT_HZ 250

@ @<Public declarations@>=
uint64_t sr_now_ns(void);
void sr_advance_ns(uint64_t ns);
int sr_get_hz(void);
int sr_set_hz(int hz);

@ A tick rate must be one the kernel can be built with: 100, 250, 300 or
1000.  Changing it is refused with |EINVAL| otherwise.

@c
uint64_t sr_now_ns(void)
{
  world_ready();
  return W->now_ns;
}

int sr_get_hz(void)
{
  world_ready();
  return W->hz;
}

int sr_set_hz(int hz)
{
  world_ready();
  if (hz != 100 && hz != 250 && hz != 300 && hz != 1000) {
    errno = EINVAL;
    return -1;
  }
  W->hz = hz;
  return 0;
}

@* Hosts, interfaces and routes.
A host is what Linux calls a network namespace: its interfaces with their
addresses, its routing tables and its tunables (the files under
\.{/proc/sys/net}), and the sockets of the processes that live on it.  A
new host starts as \.{unshare -n} leaves one: a loopback interface that is
down and has no address, no other interface, empty routing tables and
every tunable at its default.  The world-building calls at the end of
this chapter then do what \.{ip link}, \.{ip addr} and \.{ip route} do,
with the side effects the kernel has: bringing \.{lo} up gives it
\.{127.0.0.1}, adding an address adds its local route, bringing an
interface up adds its broadcast and prefix routes and bringing it down
removes every route through it but the local ones.

\kernel{in a fresh namespace \.{ip link} shows \.{1: lo: <LOOPBACK> mtu
65536 \dots\ state DOWN} and \.{ip addr} shows no address; the local table
does not exist yet.  After \.{ip link set lo up}: \.{127.0.0.1/8 scope
host}, and the local table holds \.{local 127.0.0.0/8}, \.{local
127.0.0.1} and \.{broadcast 127.255.255.255}, each \.{src 127.0.0.1}.}

@<Constants of the model@>=
#define SR_MAX_IFADDR 8 /* addresses per interface */

@ An interface has an index, a name, flags as \.{ip link} shows them, an
MTU, its IPv4 addresses and the LAN it is plugged into (0: none).
Addresses are kept in network byte order throughout the model, as they
are on the wire and in |sockaddr_in|.  An address has a scope (host for
\.{127/8}, universe otherwise) and is {\it secondary\/} when another
address of the interface already covers its prefix; a secondary address
adds no routes of its own, and source-address selection skips it.

@<Type definitions@>=
struct sr_ifaddr {
  uint32_t addr, brd; /* network byte order; |brd| 0: none */
  int prefixlen;
  int scope; /* |RT_SCOPE_HOST| or |RT_SCOPE_UNIVERSE| */
  bool secondary;
};
struct sr_iface {
  int ifindex;
  char name[IFNAMSIZ];
  unsigned flags; /* |IFF_UP|, |IFF_LOOPBACK|, |IFF_BROADCAST|, \dots */
  int mtu;
  struct sr_ifaddr addr[SR_MAX_IFADDR];
  int naddr;
  int lan; /* the LAN it is attached to, 0 for none */
};

@ A route says where a destination prefix goes.  Linux keeps two tables
that matter here: {\it local}, which the kernel fills itself with the
host's own addresses (type local) and broadcast addresses (type
broadcast), and {\it main}, which holds the prefix routes of the
interfaces and whatever the administrator adds.  A route has a type
(unicast, or one of the kinds that answer with an error), an output
interface, perhaps a gateway, a preferred source address, and a scope:
host for local routes, link for routes to the interface's own network,
universe for routes through a gateway.  |kernel| marks the routes the
kernel added (\.{proto kernel}).

@<Type definitions@>=
enum { SR_RT_UNICAST, SR_RT_LOCAL, SR_RT_BROADCAST, SR_RT_MULTICAST,
  SR_RT_UNREACHABLE, SR_RT_BLACKHOLE, SR_RT_PROHIBIT };
enum { SR_TABLE_LOCAL, SR_TABLE_MAIN };
struct sr_route {
  uint32_t dst; /* network byte order */
  uint32_t mask; /* the prefix as a mask, network byte order */
  int prefixlen;
  uint32_t gw, prefsrc;
  int ifindex;
  int type;
  int table;
  int scope;
  bool kernel;
};

@ A host is defined after the other types, because it holds some of them
by value.

@<Composite types@>=
struct sr_host {
  int id;
  char name[32];
  sr_iface *ifs;
  int nifs;
  sr_route *routes; /* both tables, longest prefix first */
  int nroutes;
  uint64_t route_gen; /* counts the changes to |routes|, |ifs| and their addresses */
  @<Fields of a host@>@;
};

@ Building a host.  Interfaces and routes are added with the helpers
below; both grow their arrays geometrically.  Allocation failure is fatal
for the model, as it would be for a kernel that cannot boot.  |xmalloc|
leaves the memory as it finds it, for the data path, whose buffers are
filled at once and made too often to be cleared first.

@<Private function prototypes@>=
static void *xcalloc(size_t n, size_t size);
static void *xmalloc(size_t size);
static void *xrealloc(void *p, size_t n, size_t size);

@ @c
static void *xmalloc(size_t size)
{
  void *p = malloc(size ? size : 1);
  if (!p) { fputs("sockref: out of memory\n", stderr); abort(); }
  return p;
}

static void *xcalloc(size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) { fputs("sockref: out of memory\n", stderr); abort(); }
  @.out of memory@>
  return p;
}

static void *xrealloc(void *p, size_t n, size_t size)
{
  if (n && size > SIZE_MAX / n) { fputs("sockref: out of memory\n", stderr); abort(); }
  p = realloc(p, n * size != 0 ? n * size : 1);
  if (!p) { fputs("sockref: out of memory\n", stderr); abort(); }
  return p;
}

@ The classes of addresses that routing treats specially, as the kernel's
|ipv4_is_*| helpers name them: the limited broadcast \.{255.255.255.255},
the ``this network'' block \.{0/8}, loopback \.{127/8}, and the
link-local multicast block \.{224.0.0.0/24}, which never leaves the link.
All take network order.

@<Private function prototypes@>=
static uint32_t prefix_mask(int len);
static bool ipv4_is_lbcast(uint32_t a);
static bool ipv4_is_zeronet(uint32_t a);
static bool ipv4_is_loopback(uint32_t a);
static bool ipv4_is_local_multicast(uint32_t a);

@ @c
static uint32_t prefix_mask(int len)
{
  return len <= 0 ? 0 : htonl(len >= 32 ? 0xffffffffu : ~(0xffffffffu >> len));
}

static bool ipv4_is_lbcast(uint32_t a) { return a == 0xffffffffu; }
static bool ipv4_is_zeronet(uint32_t a) { return (ntohl(a) >> 24) == 0; }
static bool ipv4_is_loopback(uint32_t a) { return (ntohl(a) >> 24) == 127; }
static bool ipv4_is_local_multicast(uint32_t a)
{
  return (ntohl(a) & 0xffffff00u) == 0xe0000000u;
}

@ Interfaces.  Indexes are handed out in order from 1, as the kernel does
in a fresh namespace (its loopback device is always index 1).  Adding an
interface may move the array, so callers hold indexes, not pointers,
across a call that adds one.
Adding an interface, an address, or bringing an interface up or down
counts as a change of the host's routing state (|route_gen|), like a
change of the routes: route selection reads all of them, and a socket
remembers what it selected (|sk_route_output|) only while the count
stands still.

@<Private function prototypes@>=
static sr_iface *host_add_iface(sr_host *h, const char *name, unsigned flags,
  int mtu);
static sr_iface *iface_by_index(sr_host *h, int ifindex);
static sr_iface *iface_by_name(sr_host *h, const char *name);
static sr_iface *iface_by_addr(sr_host *h, uint32_t addr);

@ @c
static sr_iface *host_add_iface(sr_host *h, const char *name, unsigned flags,
  int mtu)
{
  sr_iface *ifp;
  h->ifs = xrealloc(h->ifs, (size_t) h->nifs + 1, sizeof *h->ifs);
  ifp = &h->ifs[h->nifs];
  memset(ifp, 0, sizeof *ifp);
  ifp->ifindex = ++h->nifs;
  h->route_gen++;
  snprintf(ifp->name, sizeof ifp->name, "%s", name);
  ifp->flags = flags;
  ifp->mtu = mtu;
  return ifp;
}

@ Looking interfaces up.  Interfaces are few, so a scan is the right
structure; sockets, which are many, get hash tables in their own
chapters.  Indexes are dense, so that lookup is direct.

@c
static sr_iface *iface_by_index(sr_host *h, int ifindex)
{
  if (ifindex < 1 || ifindex > h->nifs) return NULL;
  return &h->ifs[ifindex - 1];
}

static sr_iface *iface_by_name(sr_host *h, const char *name)
{
  for (int i = 0; i < h->nifs; i++)
    if (strcmp(h->ifs[i].name, name) == 0) return &h->ifs[i];
  return NULL;
}

static sr_iface *iface_by_addr(sr_host *h, uint32_t addr)
{
  for (int i = 0; i < h->nifs; i++)
    for (int j = 0; j < h->ifs[i].naddr; j++)
      if (h->ifs[i].addr[j].addr == addr) return &h->ifs[i];
  return NULL;
}

@*1 The routing tables.
Routes are kept in one array, the two tables together, sorted by table
(local first) and then by decreasing prefix length.  A lookup walks the
array and takes the first route that covers the destination and passes
the lookup's filters: that is longest-prefix match within the local
table, then within the main table, which is the order of Linux's default
policy rules (\.{ip rule}: local, main, default).  A host has tens of
routes, not thousands; the table does not grow with the number of
sockets, so a scan is the honest structure.

A route is refused with |EEXIST| when the table already has one for the
same prefix, as \.{ip route add} is.

@<Private function prototypes@>=
static int route_add(sr_host *h, int table, int type, uint32_t dst,
  int prefixlen, uint32_t gw, int ifindex, uint32_t prefsrc, int scope,
  bool kernel);
static void route_del(sr_host *h, int i);

@ @c
static int route_add(sr_host *h, int table, int type, uint32_t dst,
  int prefixlen, uint32_t gw, int ifindex, uint32_t prefsrc, int scope,
  bool kernel)
{
  int i;
  sr_route *r;
  dst &= prefix_mask(prefixlen);
  for (i = 0; i < h->nroutes; i++) {
    r = &h->routes[i];
    if (r->table == table && r->dst == dst && r->prefixlen == prefixlen)
      return -EEXIST;
  }
  for (i = 0; i < h->nroutes; i++) {
    r = &h->routes[i];
    if (r->table > table || (r->table == table && r->prefixlen < prefixlen))
      break;
  }
  h->route_gen++;
  h->routes = xrealloc(h->routes, (size_t) h->nroutes + 1, sizeof *h->routes);
  memmove(&h->routes[i + 1], &h->routes[i],
    (size_t) (h->nroutes - i) * sizeof *h->routes);
  h->nroutes++;
  r = &h->routes[i];
  r->dst = dst;
  r->mask = prefix_mask(prefixlen);
  r->prefixlen = prefixlen;
  r->gw = gw;
  r->ifindex = ifindex;
  r->prefsrc = prefsrc;
  r->type = type;
  r->table = table;
  r->scope = scope;
  r->kernel = kernel;
  return 0;
}

static void route_del(sr_host *h, int i)
{
  h->route_gen++;
  memmove(&h->routes[i], &h->routes[i + 1],
    (size_t) (h->nroutes - i - 1) * sizeof *h->routes);
  h->nroutes--;
}

@ The lookup, |fib_lookup|.  Two filters apply, both from the flow being
routed: a route whose scope is narrower than the one asked for is skipped
(a sender that says ``do not route'' asks for link scope, which skips
every route through a gateway), and when the flow names an output
interface a route through another interface is skipped.  A route of an
error type stops the lookup with its error: |EHOSTUNREACH| for
\.{unreachable}, |EINVAL| for \.{blackhole}, |EACCES| for
\.{prohibit}.  No route at all is |ENETUNREACH|.  Every send and every
arrival looks a route up, so each route keeps its prefix as a mask, made
once when the route is added.

@<Private function prototypes@>=
static const sr_route *fib_lookup(sr_host *h, uint32_t dst, int oif,
  int scope, int *err);
static const sr_route *route_lookup(sr_host *h, uint32_t dst);

@ @c
static const sr_route *fib_lookup(sr_host *h, uint32_t dst, int oif,
  int scope, int *err)
{
  for (int i = 0; i < h->nroutes; i++) {
    const sr_route *r = &h->routes[i];
    if ((dst & r->mask) != r->dst) continue;
    if (r->scope < scope) continue;
    switch (r->type) {
    case SR_RT_UNREACHABLE: *err = -EHOSTUNREACH; return NULL;
    case SR_RT_BLACKHOLE: *err = -EINVAL; return NULL;
    case SR_RT_PROHIBIT: *err = -EACCES; return NULL;
    }
    if (oif && r->ifindex != oif) continue;
    *err = 0;
    return r;
  }
  *err = -ENETUNREACH;
  return NULL;
}

static const sr_route *route_lookup(sr_host *h, uint32_t dst)
{
  int err;
  return fib_lookup(h, dst, 0, RT_SCOPE_UNIVERSE, &err);
}

@*1 Addresses and the routes they bring.
Adding an address, |fib_add_ifaddr|: the address always gets a local
route in the local table, even on an interface that is down, with the
primary address of its prefix as preferred source (itself, unless it is
secondary).  On an interface that is up a primary address also gets a
broadcast route for its broadcast address when one was given, a prefix
route --- in the main table, or for the loopback device a local route in
the local table --- and a broadcast route for the prefix's highest
address when the prefix is shorter than /31.  A /32 gets no prefix route.

\kernel{\.{ip addr add 10.1.0.1/24 brd + dev va} with \.{va} down adds
\.{local 10.1.0.1 \dots\ src 10.1.0.1} only; \.{ip link set va up} adds
\.{broadcast 10.1.0.255 dev va proto kernel scope link} and, in main,
\.{10.1.0.0/24 dev va proto kernel scope link src 10.1.0.1}.  A second
address \.{10.1.0.7/24} adds \.{local 10.1.0.7 \dots\ src 10.1.0.1} and
nothing else; \.{192.168.5.5/16} without \.{brd} adds \.{broadcast
192.168.255.255}; \.{172.16.0.1/32} adds its local route only.}

@<Private function prototypes@>=
static int iface_add_addr(sr_host *h, int ifindex, uint32_t addr,
  int prefixlen, uint32_t brd);
static void fib_add_ifaddr(sr_host *h, const sr_iface *ifp,
  const struct sr_ifaddr *a);

@ The primary address of a prefix is the first non-secondary address of
the interface in it.

@c
static const struct sr_ifaddr *ifaddr_primary(const sr_iface *ifp,
  uint32_t addr, int prefixlen)
{
  uint32_t m = prefix_mask(prefixlen);
  for (int i = 0; i < ifp->naddr; i++) {
    const struct sr_ifaddr *a = &ifp->addr[i];
    if (!a->secondary && a->prefixlen == prefixlen && ((a->addr ^ addr) & m) == 0)
      return a;
  }
  return NULL;
}

static int iface_add_addr(sr_host *h, int ifindex, uint32_t addr,
  int prefixlen, uint32_t brd)
{
  sr_iface *ifp = iface_by_index(h, ifindex);
  struct sr_ifaddr *a;
  for (int i = 0; i < ifp->naddr; i++)
    if (ifp->addr[i].addr == addr && ifp->addr[i].prefixlen == prefixlen)
      return -EEXIST;
  if (ifp->naddr == SR_MAX_IFADDR) return -ENOSPC;
  h->route_gen++;
  a = &ifp->addr[ifp->naddr];
  a->addr = addr;
  a->prefixlen = prefixlen;
  a->brd = brd;
  a->scope = ipv4_is_loopback(addr) ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
  a->secondary = ifaddr_primary(ifp, addr, prefixlen) != NULL;
  ifp->naddr++;
  fib_add_ifaddr(h, ifp, a);
  return 0;
}

@ @c
static void fib_add_ifaddr(sr_host *h, const sr_iface *ifp,
  const struct sr_ifaddr *a)
{
  const struct sr_ifaddr *prim = a->secondary ?
    ifaddr_primary(ifp, a->addr, a->prefixlen) : a;
  uint32_t src = prim->addr, m = prefix_mask(a->prefixlen);
  uint32_t prefix = a->addr & m;
  route_add(h, SR_TABLE_LOCAL, SR_RT_LOCAL, a->addr, 32, 0, ifp->ifindex, src,
    RT_SCOPE_HOST, true);
  if (!(ifp->flags & IFF_UP)) return;
  if (a->brd && !ipv4_is_lbcast(a->brd))
    route_add(h, SR_TABLE_LOCAL, SR_RT_BROADCAST, a->brd, 32, 0, ifp->ifindex,
      src, RT_SCOPE_LINK, true);
  if (ipv4_is_zeronet(prefix) || a->secondary ||
      (prefix == a->addr && a->prefixlen >= 32))
    return;
  if (ifp->flags & IFF_LOOPBACK)
    route_add(h, SR_TABLE_LOCAL, SR_RT_LOCAL, prefix, a->prefixlen, 0,
      ifp->ifindex, src, RT_SCOPE_HOST, true);
  else
    route_add(h, SR_TABLE_MAIN, SR_RT_UNICAST, prefix, a->prefixlen, 0,
      ifp->ifindex, src, RT_SCOPE_LINK, true);
  if (a->prefixlen < 31)
    route_add(h, SR_TABLE_LOCAL, SR_RT_BROADCAST, prefix | ~m, 32, 0,
      ifp->ifindex, src, RT_SCOPE_LINK, true);
}

@ Bringing an interface up or down.  Up: the loopback device gets
\.{127.0.0.1/8} if it has no such address, and every address gets the
routes that need an interface that is up.  Down: every route through the
interface goes, static ones included, except the local routes of its
addresses --- the host still owns them.

\kernel{after \.{ip link set va down} the local table keeps \.{local
10.1.0.1} and the other local routes of \.{va} but loses \.{broadcast
10.1.0.255}; main loses the prefix route, \.{default via 10.1.0.254} and
\.{10.9.0.0/16 via 10.1.0.253}; \.{ip route get 10.1.0.1} still answers
\.{local 10.1.0.1 dev lo}.  \.{lo} down keeps \.{local 127.0.0.0/8} and
\.{local 127.0.0.1} and loses \.{broadcast 127.255.255.255}.}

@<Private function prototypes@>=
static void iface_set_up(sr_host *h, int ifindex, bool up);

@ @c
static void iface_set_up(sr_host *h, int ifindex, bool up)
{
  sr_iface *ifp = iface_by_index(h, ifindex);
  if (up == ((ifp->flags & IFF_UP) != 0)) return;
  h->route_gen++;
  if (up) {
    ifp->flags |= IFF_UP | IFF_RUNNING;
    if ((ifp->flags & IFF_LOOPBACK) && !iface_by_addr(h, htonl(INADDR_LOOPBACK)))
      iface_add_addr(h, ifindex, htonl(INADDR_LOOPBACK), 8, 0);
    for (int i = 0; i < ifp->naddr; i++) fib_add_ifaddr(h, ifp, &ifp->addr[i]);
    return;
  }
  ifp->flags &= ~(unsigned) (IFF_UP | IFF_RUNNING);
  for (int i = h->nroutes - 1; i >= 0; i--)
    if (h->routes[i].ifindex == ifindex && h->routes[i].type != SR_RT_LOCAL)
      route_del(h, i);
}

@ The default world is a fresh network namespace prepared as a test
harness would prepare it:
\.{ip link set lo up}; a veth pair whose far end sits in another namespace,
\.{ip addr add 10.0.0.1/24 brd 10.0.0.255 dev eth0}, \.{ip link set eth0 up},
and \.{ip route add default via 10.0.0.254 dev eth0}.  The routes that
follow are exactly those the kernel then shows in its local and main
tables.  \.{eth0} is plugged into LAN~1, which has no other member until
a program attaches one (see |sr_lan_attach|).

@<Build the default host |h|@>=
{
  int eth;
  iface_set_up(h, SR_LOOPBACK_IFINDEX, true);
  eth = host_add_iface(h, "eth0", IFF_BROADCAST | IFF_MULTICAST, 1500)->ifindex;
  iface_add_addr(h, eth, inet_addr("10.0.0.1"), 24, inet_addr("10.0.0.255"));
  iface_set_up(h, eth, true);
  route_add(h, SR_TABLE_MAIN, SR_RT_UNICAST, 0, 0, inet_addr("10.0.0.254"), eth,
    0, RT_SCOPE_UNIVERSE, false);
}

@*1 Building worlds.
The calls a program uses to build a world beyond the default one.  They
are the model's own, not imitations of system calls, but each mirrors a
command an engineer would type, and each is named in its comment:

\smallskip
\item{$\bullet$} |sr_host_new(name)|: a new host, a fresh network
namespace (\.{ip netns add}); returns its number.  Host~0 is the default
host of |sr_reset|.
\item{$\bullet$} |sr_if_add(host, name, mtu)|: an Ethernet-like
interface, down, with broadcast and multicast capability (\.{ip link
add}); returns its index.
\item{$\bullet$} |sr_if_set_up(host, ifindex, up)| and
|sr_if_set_mtu(host, ifindex, mtu)|: \.{ip link set \dots\ up/down/mtu}.
\item{$\bullet$} |sr_addr_add(host, ifindex, "a.b.c.d/len", brd)|:
\.{ip addr add}; |brd| is |NULL| for none, \.{"+"} for the prefix's
highest address, or an address.
\item{$\bullet$} |sr_route_add(host, "prefix/len", gw, ifindex)|:
\.{ip route add}; \.{"default"} is \.{0.0.0.0/0}; |gw| may be |NULL| for
an on-link route, |ifindex| 0 to take the interface from the gateway.
|sr_route_add_type| adds an \.{unreachable}, \.{blackhole} or
\.{prohibit} route, |sr_route_del| deletes the main table's route for a
prefix.
\smallskip
\noindent
Each returns $-1$ with |errno| set on failure, and changes nothing then:
|ENOENT| for a host that does not exist, |ENODEV| for an interface that
does not, |EINVAL| for a malformed address, prefix, name or MTU,
|EEXIST| for a duplicate, |ENETUNREACH| for a gateway that no route of
the interface reaches (\.{ip}'s ``Nexthop has invalid gateway'').

@<Public declarations@>=
int sr_host_new(const char *name);
int sr_if_add(int host, const char *name, int mtu);
int sr_if_set_up(int host, int ifindex, int up);
int sr_if_set_mtu(int host, int ifindex, int mtu);
int sr_addr_add(int host, int ifindex, const char *cidr, const char *brd);
int sr_route_add(int host, const char *cidr, const char *gw, int ifindex);
int sr_route_add_type(int host, const char *cidr, int type);
int sr_route_del(int host, const char *cidr);
#define SR_ROUTE_UNREACHABLE 4
#define SR_ROUTE_BLACKHOLE 5
#define SR_ROUTE_PROHIBIT 6

@ The public route types are the model's own codes; the compiler checks
that they stay equal.

@<Private function prototypes@>=
_Static_assert(SR_ROUTE_UNREACHABLE == SR_RT_UNREACHABLE &&
  SR_ROUTE_BLACKHOLE == SR_RT_BLACKHOLE && SR_ROUTE_PROHIBIT == SR_RT_PROHIBIT,
  "public route types");
static sr_host *host_by_id(int id);
static sr_host *host_new(const char *name);
static int parse_cidr(const char *s, uint32_t *addr, int *prefixlen);

@ Host numbers are indexes into the world's array of hosts.

@c
static sr_host *host_by_id(int id)
{
  return id >= 0 && id < W->nhosts ? W->host[id] : NULL;
}

@ A new host: a loopback device, down; no routes; default tunables.

@c
static sr_host *host_new(const char *name)
{
  sr_host *h = xcalloc(1, sizeof *h);
  h->id = W->nhosts;
  snprintf(h->name, sizeof h->name, "%s", name);
  @<Set the tunables of host |h| to their defaults@>@;
  @<Initialise the network state of host |h|@>@;
  W->host = xrealloc(W->host, (size_t) W->nhosts + 1, sizeof *W->host);
  W->host[W->nhosts++] = h;
  host_add_iface(h, "lo", IFF_LOOPBACK, 65536);
  return h;
}

int sr_host_new(const char *name)
{
  world_ready();
  if (!name || !*name || strlen(name) >= sizeof W->host[0]->name)
    return sys_return(-EINVAL);
  return host_new(name)->id;
}

@ A prefix in \.{ip}'s notation: an address, optionally \.{/len}; or
\.{default}.

@c
static int parse_cidr(const char *s, uint32_t *addr, int *prefixlen)
{
  char buf[32];
  const char *slash;
  struct in_addr a;
  if (!s) return -EINVAL;
  if (strcmp(s, "default") == 0) { *addr = 0; *prefixlen = 0; return 0; }
  slash = strchr(s, '/');
  if (strlen(s) >= sizeof buf) return -EINVAL;
  memcpy(buf, s, strlen(s) + 1);
  *prefixlen = 32;
  if (slash) {
    char *end;
    long n = strtol(slash + 1, &end, 10);
    if (end == slash + 1 || *end || n < 0 || n > 32) return -EINVAL;
    *prefixlen = (int) n;
    buf[slash - s] = '\0';
  }
  if (inet_pton(AF_INET, buf, &a) != 1) return -EINVAL;
  *addr = a.s_addr;
  return 0;
}

@ Interfaces.  A name must fit \.{IFNAMSIZ} and be new on the host; an
MTU must be one IPv4 can use, 68 to 65535 bytes.

@<Constants of the model@>=
#define SR_MIN_MTU 68

@ @c
int sr_if_add(int host, const char *name, int mtu)
{
  sr_host *h;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (!name || !*name || strlen(name) >= IFNAMSIZ) return sys_return(-EINVAL);
  if (mtu < SR_MIN_MTU || mtu > SR_IP_MAX_MTU) return sys_return(-EINVAL);
  if (iface_by_name(h, name)) return sys_return(-EEXIST);
  return host_add_iface(h, name, IFF_BROADCAST | IFF_MULTICAST, mtu)->ifindex;
}

int sr_if_set_up(int host, int ifindex, int up)
{
  sr_host *h;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (!iface_by_index(h, ifindex)) return sys_return(-ENODEV);
  iface_set_up(h, ifindex, up != 0);
  return 0;
}

int sr_if_set_mtu(int host, int ifindex, int mtu)
{
  sr_host *h;
  sr_iface *ifp;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (!(ifp = iface_by_index(h, ifindex))) return sys_return(-ENODEV);
  if (mtu < SR_MIN_MTU || mtu > (ifp->flags & IFF_LOOPBACK ? 65536 : SR_IP_MAX_MTU))
    return sys_return(-EINVAL);
  ifp->mtu = mtu;
  return 0;
}

@ Addresses.  \.{"+"} as broadcast address is the prefix's highest
address, as \.{ip addr add \dots\ brd +} computes it.

@c
int sr_addr_add(int host, int ifindex, const char *cidr, const char *brd)
{
  sr_host *h;
  uint32_t addr, b = 0;
  int plen;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (!iface_by_index(h, ifindex)) return sys_return(-ENODEV);
  if (parse_cidr(cidr, &addr, &plen) || addr == 0 || ipv4_is_multicast(addr) ||
      ipv4_is_lbcast(addr))
    return sys_return(-EINVAL);
  if (brd && strcmp(brd, "+") == 0) b = addr | ~prefix_mask(plen);
  else if (brd) {
    struct in_addr a;
    if (inet_pton(AF_INET, brd, &a) != 1) return sys_return(-EINVAL);
    b = a.s_addr;
  }
  return sys_return(iface_add_addr(h, ifindex, addr, plen, b));
}

@ Routes.  A gateway must be reachable on-link: some route of the main
table that is not itself through a gateway must cover it, through the
given interface if one is given; the route then goes out of that route's
interface.  A route without gateway needs an interface.

@c
int sr_route_add(int host, const char *cidr, const char *gw, int ifindex)
{
  sr_host *h;
  uint32_t dst, g = 0;
  int plen, err;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (parse_cidr(cidr, &dst, &plen)) return sys_return(-EINVAL);
  if (ifindex && !iface_by_index(h, ifindex)) return sys_return(-ENODEV);
  if (gw) {
    struct in_addr a;
    const sr_route *r;
    if (inet_pton(AF_INET, gw, &a) != 1) return sys_return(-EINVAL);
    g = a.s_addr;
    r = fib_lookup(h, g, ifindex, RT_SCOPE_LINK, &err);
    if (!r || r->gw || r->type != SR_RT_UNICAST) return sys_return(-ENETUNREACH);
    ifindex = r->ifindex;
  } else if (!ifindex) return sys_return(-EINVAL);
  return sys_return(route_add(h, SR_TABLE_MAIN, SR_RT_UNICAST, dst, plen, g,
    ifindex, 0, g ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK, false));
}

int sr_route_add_type(int host, const char *cidr, int type)
{
  sr_host *h;
  uint32_t dst;
  int plen;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (parse_cidr(cidr, &dst, &plen)) return sys_return(-EINVAL);
  if (type != SR_RT_UNREACHABLE && type != SR_RT_BLACKHOLE && type != SR_RT_PROHIBIT)
    return sys_return(-EINVAL);
  return sys_return(route_add(h, SR_TABLE_MAIN, type, dst, plen, 0, 0, 0,
    RT_SCOPE_UNIVERSE, false));
}

int sr_route_del(int host, const char *cidr)
{
  sr_host *h;
  uint32_t dst;
  int plen;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (parse_cidr(cidr, &dst, &plen)) return sys_return(-EINVAL);
  dst &= prefix_mask(plen);
  for (int i = 0; i < h->nroutes; i++) {
    sr_route *r = &h->routes[i];
    if (r->table == SR_TABLE_MAIN && r->dst == dst && r->prefixlen == plen) {
      route_del(h, i);
      return 0;
    }
  }
  return sys_return(-ESRCH);
}

@* Resetting the world.
|sr_reset| throws the old world away and builds the default one: one host,
one process on it (root, with every capability), no sockets, the clock at
zero and the tick rate at 250.

@<Public declarations@>=
int sr_world_hosts(void);

@ @c
void sr_reset(void)
{
  sr_host *h;
  if (W->call_flags & SR_WORLD_READY) @<Free the whole world@>@;
  memset(W, 0, sizeof *W);
  W->call_flags = SR_WORLD_READY;
  W->hz = SR_DEFAULT_HZ;
  W->next_pid = SR_FIRST_PID;
  @<Initialise the network state of the world@>@;
  h = host_new("host0");
  @<Build the default host |h|@>@;
  @<Build the default LAN of host |h|@>@;
  W->cur = proc_new(h, 0);
}

int sr_world_hosts(void)
{
  world_ready();
  return W->nhosts;
}

@ Freeing closes every descriptor of every process first, so that sockets
are released through the same path |sr_close| takes.

@<Free the whole world@>=
{
  for (int i = 0; i < W->nprocs; i++) proc_free(W->proc[i]);
  free(W->proc);
  @<Free the network state of the world@>@;
  for (int i = 0; i < W->nhosts; i++) {
    sr_host *fh = W->host[i];
    @<Free the network state of host |fh|@>@;
    free(fh->ifs);
    free(fh->routes);
    free(fh->reserved_ports);
    free(fh);
  }
  free(W->host);
}
