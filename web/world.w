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

@ The world's fields.  |ready| is false until the first |sr_reset|; every
public call begins with |world_ready()|, which builds the default world when
a program forgot to, so that the first call behaves as in a fresh network
namespace.

@<Type definitions@>=
struct sr_world {
  bool ready;
  uint64_t now_ns; /* the virtual clock */
  int hz; /* the tick rate: socket timeouts are kept in ticks */
  sr_host **host; /* |host[0]| is the default host */
  int nhosts;
  sr_proc **proc; /* every process, in order of creation */
  int nprocs;
  sr_proc *cur; /* the process that makes the calls */
  pid_t next_pid;
};

@ @<Private function prototypes@>=
static void world_ready(void);

@ @c
static void world_ready(void)
{
  if (!W->ready) sr_reset();
}

@ Time is explicit and virtual.  It advances only when a caller advances it,
so a run is the same on a loaded machine as on an idle one.  The tick rate
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

void sr_advance_ns(uint64_t ns)
{
  world_ready();
  W->now_ns += ns;
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
addresses, its routing table and its tunables (the files under
\.{/proc/sys/net}).  A process lives on one host and its sockets belong to
that host.  This chapter holds only what the socket layer needs to look up:
which interface carries a name or an index, which interface owns an
address, and which route a destination takes.

@<Constants of the model@>=
#define SR_MAX_IFADDR 8

@ An interface has an index, a name, flags as \.{ip link} shows them, an MTU
and its IPv4 addresses.  Addresses are kept in network byte order
throughout the model, as they are on the wire and in |sockaddr_in|.

@<Type definitions@>=
struct sr_ifaddr {
  uint32_t addr, brd; /* network byte order */
  int prefixlen;
};
struct sr_iface {
  int ifindex;
  char name[IFNAMSIZ];
  unsigned flags; /* |IFF_UP|, |IFF_LOOPBACK|, |IFF_BROADCAST|, \dots */
  int mtu;
  struct sr_ifaddr addr[SR_MAX_IFADDR];
  int naddr;
};

@ A route says where a destination prefix goes: through an interface,
perhaps via a gateway, with a preferred source address.  Routes of type
|SR_RT_LOCAL| are the host's own addresses (Linux's local table).

@<Type definitions@>=
enum { SR_RT_UNICAST, SR_RT_LOCAL, SR_RT_BROADCAST };
struct sr_route {
  uint32_t dst; /* network byte order */
  int prefixlen;
  uint32_t gw, prefsrc;
  int ifindex;
  int type;
};

@ A host is defined after the other types, because it holds some of them
by value.

@<Composite types@>=
struct sr_host {
  int id;
  char name[32];
  sr_iface *ifs;
  int nifs;
  sr_route *routes;
  int nroutes;
  @<Fields of a host@>@;
};

@ Building a host.  Interfaces and routes are added with the two helpers
below; both grow their arrays geometrically.  Allocation failure is fatal
for the model, as it would be for a kernel that cannot boot.

@<Private function prototypes@>=
static void *xcalloc(size_t n, size_t size);
static void *xrealloc(void *p, size_t n, size_t size);

@ @c
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

@ @<Private function prototypes@>=
static sr_iface *host_add_iface(sr_host *h, const char *name, unsigned flags,
  int mtu);
static void iface_add_addr(sr_iface *ifp, const char *addr, int prefixlen,
  const char *brd);
static void host_add_route(sr_host *h, const char *dst, int prefixlen,
  const char *gw, int ifindex, uint32_t prefsrc, int type);

@ Interface indexes are handed out in order from 1, as the kernel does in a
fresh namespace (its loopback device is always index 1).

@c
static sr_iface *host_add_iface(sr_host *h, const char *name, unsigned flags,
  int mtu)
{
  sr_iface *ifp;
  h->ifs = xrealloc(h->ifs, (size_t) h->nifs + 1, sizeof *h->ifs);
  ifp = &h->ifs[h->nifs];
  memset(ifp, 0, sizeof *ifp);
  ifp->ifindex = ++h->nifs;
  snprintf(ifp->name, sizeof ifp->name, "%s", name);
  ifp->flags = flags;
  ifp->mtu = mtu;
  return ifp;
}

static void iface_add_addr(sr_iface *ifp, const char *addr, int prefixlen,
  const char *brd)
{
  struct sr_ifaddr *a = &ifp->addr[ifp->naddr++];
  a->addr = inet_addr(addr);
  a->prefixlen = prefixlen;
  a->brd = brd ? inet_addr(brd) : 0;
}

static void host_add_route(sr_host *h, const char *dst, int prefixlen,
  const char *gw, int ifindex, uint32_t prefsrc, int type)
{
  sr_route *r;
  h->routes = xrealloc(h->routes, (size_t) h->nroutes + 1, sizeof *h->routes);
  r = &h->routes[h->nroutes++];
  r->dst = inet_addr(dst);
  r->prefixlen = prefixlen;
  r->gw = gw ? inet_addr(gw) : 0;
  r->ifindex = ifindex;
  r->prefsrc = prefsrc;
  r->type = type;
}

@ Looking things up.  Interfaces are few, so a scan is the right structure;
sockets, which are many, get hash tables in their own chapters.

@<Private function prototypes@>=
static sr_iface *iface_by_index(sr_host *h, int ifindex);
static sr_iface *iface_by_name(sr_host *h, const char *name);
static sr_iface *iface_by_addr(sr_host *h, uint32_t addr);
static const sr_route *route_lookup(sr_host *h, uint32_t dst);

@ @c
static sr_iface *iface_by_index(sr_host *h, int ifindex)
{
  for (int i = 0; i < h->nifs; i++)
    if (h->ifs[i].ifindex == ifindex) return &h->ifs[i];
  return NULL;
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

@ Route lookup is longest-prefix match; among routes of equal length a local
route wins, as Linux consults its local table before the main table.

@c
static uint32_t prefix_mask(int len)
{
  return len <= 0 ? 0 : htonl(len >= 32 ? 0xffffffffu : ~(0xffffffffu >> len));
}

static const sr_route *route_lookup(sr_host *h, uint32_t dst)
{
  const sr_route *best = NULL;
  for (int i = 0; i < h->nroutes; i++) {
    const sr_route *r = &h->routes[i];
    if ((dst & prefix_mask(r->prefixlen)) != (r->dst & prefix_mask(r->prefixlen)))
      continue;
    if (!best || r->prefixlen > best->prefixlen ||
        (r->prefixlen == best->prefixlen && r->type == SR_RT_LOCAL))
      best = r;
  }
  return best;
}

@ The default world is a fresh network namespace prepared as a test
harness would prepare it:
\.{ip link set lo up}; a veth pair whose far end sits in another namespace,
\.{ip addr add 10.0.0.1/24 brd 10.0.0.255 dev eth0}, \.{ip link set eth0 up},
and \.{ip route add default via 10.0.0.254 dev eth0}.  The routes listed
are those the kernel then shows in its local and main tables.  The LAN
behind \.{eth0} has no other host.  (Adding an interface may move the
array that holds them, so each interface's routes are added before the
next interface.)

@<Build the default host |h|@>=
{
  sr_iface *lo, *eth;
  uint32_t src = inet_addr("10.0.0.1");
  lo = host_add_iface(h, "lo", IFF_UP | IFF_LOOPBACK | IFF_RUNNING, 65536);
  iface_add_addr(lo, "127.0.0.1", 8, NULL);
  host_add_route(h, "127.0.0.0", 8, NULL, lo->ifindex, inet_addr("127.0.0.1"),
    SR_RT_LOCAL);
  eth = host_add_iface(h, "eth0",
    IFF_UP | IFF_BROADCAST | IFF_RUNNING | IFF_MULTICAST, 1500);
  iface_add_addr(eth, "10.0.0.1", 24, "10.0.0.255");
  host_add_route(h, "10.0.0.1", 32, NULL, eth->ifindex, src, SR_RT_LOCAL);
  host_add_route(h, "10.0.0.255", 32, NULL, eth->ifindex, src,
    SR_RT_BROADCAST);
  host_add_route(h, "10.0.0.0", 24, NULL, eth->ifindex, src, SR_RT_UNICAST);
  host_add_route(h, "0.0.0.0", 0, "10.0.0.254", eth->ifindex, 0,
    SR_RT_UNICAST);
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
  if (W->ready) @<Free the whole world@>@;
  memset(W, 0, sizeof *W);
  W->ready = true;
  W->hz = SR_DEFAULT_HZ;
  W->next_pid = SR_FIRST_PID;
  h = xcalloc(1, sizeof *h);
  snprintf(h->name, sizeof h->name, "host0");
  @<Build the default host |h|@>@;
  @<Set the tunables of host |h| to their defaults@>@;
  W->host = xcalloc(1, sizeof *W->host);
  W->host[W->nhosts++] = h;
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
  for (int i = 0; i < W->nhosts; i++) {
    free(W->host[i]->ifs);
    free(W->host[i]->routes);
    free(W->host[i]->reserved_ports);
    free(W->host[i]);
  }
  free(W->host);
}
