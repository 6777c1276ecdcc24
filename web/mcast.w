@* Multicast group membership.
A datagram or raw socket receives the traffic of a multicast group only
after it has asked to: it {\it joins\/} the group on one interface, and
from then on the host answers the routers' IGMP queries for that group on
that interface.  Since IGMPv3 a membership carries a {\it source filter\/}
as well: either an exclude list (all sources but these; an ordinary join
has the empty one) or an include list (only these sources; a
source-specific join starts one).  Six options of {\it ip\/}(7) change the
memberships of a socket and one, \.{IP\_MSFILTER}, reads and replaces a
filter whole.

This chapter keeps a socket's memberships and implements those options;
each join and leave is also counted in the host's membership of the group
on that interface (see ``Multicast membership of a host''), which decides
whether the host accepts a datagram for the group.  The model does not
send IGMP reports, so what it keeps is what the calls and the delivery
of datagrams can observe: which groups a socket has joined on which
interface, in which mode, with which sources, and the errors that follow
from that state and from the host's two limits,
\.{igmp\_max\_memberships} (groups per socket) and \.{igmp\_max\_msf}
(sources per group).
@^multicast@>

@ A membership.  The kernel keeps, per socket, a list of |ip_mc_socklist|
records; each remembers the |ip_mreqn| with which it was joined (the
interface index filled in by the interface lookup), the filter mode, and a
source list that exists only once a source was named.  That last
distinction matters: a membership whose list was never created may change
its mode, while one whose list exists --- even emptied again --- may not.
We keep it as |has_list|.  Sources stay in the order they were added, as
the kernel appends them.

@<Type definitions@>=
typedef struct sr_mcsock sr_mcsock;
struct sr_mcsock {
  sr_mcsock *next;
  uint32_t group; /* |imr_multiaddr|, network order */
  uint32_t addr; /* |imr_address| as the caller gave it */
  int ifindex; /* the interface the membership is on */
  int mode; /* |MCAST_INCLUDE| or |MCAST_EXCLUDE| */
  bool has_list; /* the kernel's |sflist| is allocated */
  int sfmax; /* the sources its allocated list holds, the kernel's |sl_max| */
  int nsrc, maxsrc;
  uint32_t *src;
};

@ The helpers of this chapter.

@<Private function prototypes@>=
static void mc_drop_all(sr_sock *s);
static bool ipv4_is_multicast(uint32_t addr);
static sr_iface *ip_dev_find(sr_host *h, uint32_t addr);
static sr_iface *mc_find_dev(sr_host *h, uint32_t group, uint32_t addr,
  int *ifindex);
static int mreq_decode(const sr_optreq *rq, struct ip_mreqn *mr);
static sr_mcsock **mc_find(sr_sock *s, uint32_t group, int ifindex);
static int mc_join(sr_sock *s, struct ip_mreqn *mr, int mode);
static int mc_leave(sr_sock *s, struct ip_mreqn *mr);
static bool omem_charge(sr_sock *s, int size);
static void mc_free(sr_sock *s, sr_mcsock *m);
static int mc_source(sr_sock *s, bool add, int omode,
  const struct ip_mreq_source *mrs, int ifindex);
static int mc_msfilter(sr_sock *s, uint32_t group, uint32_t ifaddr, int ifindex,
  uint32_t fmode, uint32_t n, const void *src);

@ A multicast address is one of class D, $224.0.0.0/4$.  Addresses are in
network order throughout.

@c
static bool ipv4_is_multicast(uint32_t addr)
{
  return (ntohl(addr) & 0xf0000000u) == 0xe0000000u;
}

@ Finding the interface that owns a local address is the kernel's
|__ip_dev_find|: an address configured on an interface, or else any
address that the local routing table routes to the host itself --- so
\.{127.0.0.2}, which no interface carries, belongs to \.{lo}.

\kernel{\.{IP\_MULTICAST\_IF} with \.{127.0.0.2} succeeds, and so does a
join through that interface address.}

@c
static sr_iface *ip_dev_find(sr_host *h, uint32_t addr)
{
  sr_iface *ifp = iface_by_addr(h, addr);
  const sr_route *r;
  if (ifp) return ifp;
  r = route_lookup(h, addr);
  if (r && r->type == SR_RT_LOCAL) return iface_by_index(h, r->ifindex);
  return NULL;
}

@ Choosing the interface of a membership, |ip_mc_find_dev|.  An index,
when given, decides alone, and the address beside it is not even looked
at.  Otherwise an interface address names the interface that owns it;
failing both, the group address is routed like any destination, and the
interface of the route is taken --- in the default world that is the
default route, hence \.{eth0}.  The chosen index is written back, since
memberships are matched by (group, index).  \.{lo} is accepted although it
lacks \.{IFF\_MULTICAST}: the kernel does not look at that flag here.

\kernel{joins with interface address \.{1.2.3.4} or the broadcast address
\.{10.0.0.255}, and with index 99, fail with |ENODEV|; \.{127.0.0.1}
joins on \.{lo}; the wildcard joins on \.{eth0} (\.{/proc/net/igmp}
shows the group there).}

@c
static sr_iface *mc_find_dev(sr_host *h, uint32_t group, uint32_t addr,
  int *ifindex)
{
  sr_iface *dev = NULL;
  if (*ifindex) return iface_by_index(h, *ifindex);
  if (addr) {
    dev = ip_dev_find(h, addr);
    if (!dev) return NULL;
  } else {
    const sr_route *r = route_lookup(h, group);
    if (r) dev = iface_by_index(h, r->ifindex);
  }
  if (dev) *ifindex = dev->ifindex;
  return dev;
}

@ The argument of the join and leave options, and of
\.{IP\_MULTICAST\_IF}, is read by its length: 12 bytes or more are an
|ip_mreqn|; 8 to 11 an |ip_mreq|, whose two addresses land in the first
two fields of an |ip_mreqn| with index 0; 4 to 7 (only
\.{IP\_MULTICAST\_IF} admits them) a bare |in_addr|, which is the
interface address.  Extra bytes are ignored.  The callers have checked
the length already; only then is the argument read, so a null pointer of
a right length is |EFAULT| and one of a wrong length |EINVAL|.

\kernel{\.{IP\_ADD\_SOURCE\_MEMBERSHIP} and \.{IP\_BLOCK\_SOURCE} with a
null value and |optlen| 4 are |EINVAL| (scripts found by \.{sr-fuzz}).}

@c
static int mreq_decode(const sr_optreq *rq, struct ip_mreqn *mr)
{
  memset(mr, 0, sizeof *mr);
  if (!rq->buf) return -EFAULT;
  if (rq->len >= (int) sizeof(struct ip_mreqn))
    memcpy(mr, rq->buf, sizeof *mr);
  else if (rq->len >= (int) sizeof(struct ip_mreq))
    memcpy(mr, rq->buf, sizeof(struct ip_mreq));
  else if (rq->len >= (int) sizeof(struct in_addr))
    memcpy(&mr->imr_address, rq->buf, sizeof(struct in_addr));
  return 0;
}

@ Option memory.  The kernel allocates a membership and a source list
with |sock_kmalloc|, which charges them to the socket's option memory and
refuses (|ENOBUFS| here) an allocation of more than \.{optmem\_max}
bytes, or one that would bring the socket's total to \.{optmem\_max} or
more.  A membership (|struct ip_mc_socklist|) is 48 bytes; a source list
for |n| sources (|struct ip_sf_socklist|) is $24+4n$.  The first source
added to a membership makes a list for 10 (|IP_SFBLOCK|) and a full list
is replaced by one 10 longer, the old one still charged while the new one
is asked for; \.{IP\_MSFILTER} makes a list exactly as long as its
sources.  Leaving a group, or closing the socket, gives all of it back.
The sizes are those of the kernel's structures on a 64-bit machine.

\kernel{with \.{optmem\_max} 48 no group can be joined, with 49 one,
97 two, 145 three, 200 four; after a join, the first blocked source needs
\.{optmem\_max} 113 (112 is |ENOBUFS|); an \.{IP\_MSFILTER} of one
source needs 77 (76 is |ENOBUFS|); with 60, \.{IP\_ADD\_SOURCE\_MEMBERSHIP}
is |ENOBUFS| yet leaves the group joined in include mode with no source
(scripts found by \.{sr-fuzz}).}

@<Constants of the model@>=
#define SR_MC_SOCKLIST_SIZE 48
#define SR_SFLSIZE(n) (24 + 4 * (n))
#define SR_SFBLOCK 10

@ @c
static bool omem_charge(sr_sock *s, int size)
{
  long long max = sysctl_value(s->host, SYS_OPTMEM_MAX);
  if (size > max || s->omem + size >= max) return false;
  s->omem += size;
  return true;
}

static void mc_free(sr_sock *s, sr_mcsock *m)
{
  s->omem -= SR_MC_SOCKLIST_SIZE + (m->sfmax ? SR_SFLSIZE(m->sfmax) : 0);
  ip_mc_dec_group(s->host, m->ifindex, m->group);
  free(m->src);
  free(m);
}

@ A socket has at most \.{igmp\_max\_memberships} groups (20 by default),
so the list is searched linearly.  |mc_find| returns the link that points
at the membership of |group| on |ifindex|, or at the terminating null.

@c
static sr_mcsock **mc_find(sr_sock *s, uint32_t group, int ifindex)
{
  sr_mcsock **p;
  for (p = &s->mc_list; *p; p = &(*p)->next)
    if ((*p)->group == group && (*p)->ifindex == ifindex) break;
  return p;
}

@ Joining, |__ip_mc_join_group|: the group must be multicast (|EINVAL|),
an interface must be found (|ENODEV|), the pair (group, interface) must be
new to the socket (|EADDRINUSE|), and the socket must be below the limit
(|ENOBUFS|), and the option memory must have room for it (|ENOBUFS|).
Source-specific joins count against the same limit.
@^igmp\_max\_memberships@>

\kernel{the 21st join on one socket fails with |ENOBUFS|, after 20
ordinary or 20 source-specific joins alike; the same group on a second
interface is a second membership.}

@c
static int mc_join(sr_sock *s, struct ip_mreqn *mr, int mode)
{
  sr_mcsock *m;
  uint32_t group = mr->imr_multiaddr.s_addr;
  if (!ipv4_is_multicast(group)) return -EINVAL;
  if (!mc_find_dev(s->host, group, mr->imr_address.s_addr, &mr->imr_ifindex))
    return -ENODEV;
  if (*mc_find(s, group, mr->imr_ifindex)) return -EADDRINUSE;
  if (s->mc_count >= sysctl_value(s->host, SYS_IGMP_MAX_MEMBERSHIPS))
    return -ENOBUFS;
  if (!omem_charge(s, SR_MC_SOCKLIST_SIZE)) return -ENOBUFS;
  m = xcalloc(1, sizeof *m);
  m->group = group;
  m->addr = mr->imr_address.s_addr;
  m->ifindex = mr->imr_ifindex;
  m->mode = mode;
  m->next = s->mc_list;
  s->mc_list = m;
  s->mc_count++;
  ip_mc_inc_group(s->host, m->ifindex, group);
  return 0;
}

@ Leaving, |ip_mc_leave_group|, matches more loosely than joining: with an
index, by (group, index); with only an address, by (group, address as
given at the join) unless the address found an interface, whose index
then decides; with neither, by the routed interface.  A group that the
socket does not have --- including any address that is not multicast ---
is |EADDRNOTAVAIL|; |ENODEV| only when neither index nor address was
given and the group has no route.

\kernel{joined through \.{10.0.0.1}, the group is left through index 2;
a second leave, or a leave of \.{10.0.0.5}, is |EADDRNOTAVAIL|; a leave
with index 99 is |EADDRNOTAVAIL|, not |ENODEV|.}

@c
static int mc_leave(sr_sock *s, struct ip_mreqn *mr)
{
  uint32_t group = mr->imr_multiaddr.s_addr, addr = mr->imr_address.s_addr;
  sr_iface *dev = mc_find_dev(s->host, group, addr, &mr->imr_ifindex);
  if (!mr->imr_ifindex && !addr && !dev) return -ENODEV;
  for (sr_mcsock **p = &s->mc_list; *p; p = &(*p)->next) {
    sr_mcsock *m = *p;
    if (m->group != group) continue;
    if (mr->imr_ifindex) {
      if (m->ifindex != mr->imr_ifindex) continue;
    } else if (addr && addr != m->addr) continue;
    *p = m->next;
    mc_free(s, m);
    s->mc_count--;
    return 0;
  }
  return -EADDRNOTAVAIL;
}

@ Closing a socket leaves every group.

@c
static void mc_drop_all(sr_sock *s)
{
  while (s->mc_list) {
    sr_mcsock *m = s->mc_list;
    s->mc_list = m->next;
    mc_free(s, m);
  }
  s->mc_count = 0;
}

@ \clause{ip.7:IP_ADD_MEMBERSHIP}
@^ip.7:IP\_ADD\_MEMBERSHIP@>
Joins a group, on an interface given by index or by address or left to
the routing table, with an empty exclude filter: every source is
received.  Stream sockets cannot join: TCP answers |EPROTO| for any
argument, even one too short to read, and the table says so.  Then an
argument shorter than an |ip_mreq| is |EINVAL|.  Only writes exist.

\kernel{on TCP every length from 0 to 20 gives |EPROTO|; on UDP and both
raw sockets lengths 0, 4 and 7 are |EINVAL| and 8 to 20 succeed; a second
identical join is |EADDRINUSE|; \.{10.0.0.5}, \.{240.0.0.1},
\.{255.255.255.255} and \.{0.0.0.0} are |EINVAL|, \.{224.0.0.1} and
\.{239.255.255.255} are accepted.}

@c
static int set_add_membership(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreqn mr;
  int err;
  if (rq->len < (int) sizeof(struct ip_mreq)) return -EINVAL;
  if ((err = mreq_decode(rq, &mr)) != 0) return err;
  return mc_join(s, &mr, MCAST_EXCLUDE);
}

@ \clause{ip.7:IP_DROP_MEMBERSHIP}
@^ip.7:IP\_DROP\_MEMBERSHIP@>
Leaves a group with its whole filter.  The argument is read as for the
join, with the same |EPROTO| on TCP and |EINVAL| below 8 bytes; the match
rules are those of |mc_leave|.

@c
static int set_drop_membership(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreqn mr;
  int err;
  if (rq->len < (int) sizeof(struct ip_mreq)) return -EINVAL;
  if ((err = mreq_decode(rq, &mr)) != 0) return err;
  return mc_leave(s, &mr);
}

@ The source-list operations, |ip_mc_source|.  They find the membership
by (group, interface) --- a missing one is |EINVAL| here, not
|EADDRNOTAVAIL| --- and then check the mode.  An operation belongs to one
mode: blocking and unblocking to exclude, adding and dropping sources to
include.  When the membership's list already exists, a different mode is
|EINVAL|; when it was never created, the membership silently changes mode
first, even if the operation then fails.  Removing a source not in the
list, or adding one already there, is |EADDRNOTAVAIL|; adding beyond
\.{igmp\_max\_msf} is |ENOBUFS|, a test made before the duplicate test.
Dropping the last source of an include list is a leave of the group.
The interface is named by the request's address or, for the options of
the chapter ``Options beyond the pages'', by |ifindex| (0 when not).
@^igmp\_max\_msf@>

\kernel{after an ordinary join, \.{IP\_DROP\_SOURCE\_MEMBERSHIP} fails
with |EADDRNOTAVAIL| and \.{IP\_MSFILTER} then reports include mode;
after a join, a block and an unblock, \.{IP\_ADD\_SOURCE\_MEMBERSHIP} is
|EINVAL|; after an ordinary join alone it succeeds and the filter becomes
include $\{\hbox{source}\}$; at 10 sources even a duplicate is |ENOBUFS|.}

@c
static int mc_source(sr_sock *s, bool add, int omode,
  const struct ip_mreq_source *mrs, int ifindex)
{
  struct ip_mreqn mr;
  sr_mcsock *m;
  uint32_t src = mrs->imr_sourceaddr.s_addr;
  int i;
  if (!ipv4_is_multicast(mrs->imr_multiaddr.s_addr)) return -EINVAL;
  memset(&mr, 0, sizeof mr);
  mr.imr_multiaddr = mrs->imr_multiaddr;
  mr.imr_address = mrs->imr_interface;
  mr.imr_ifindex = ifindex;
  if (!mc_find_dev(s->host, mr.imr_multiaddr.s_addr, mr.imr_address.s_addr,
      &mr.imr_ifindex))
    return -ENODEV;
  m = *mc_find(s, mr.imr_multiaddr.s_addr, mr.imr_ifindex);
  if (!m) return -EINVAL;
  if (m->mode != omode) {
    if (m->has_list) return -EINVAL;
    m->mode = omode;
  }
  for (i = 0; i < m->nsrc && m->src[i] != src; i++) ;
  if (!add) @<Remove source |i| of |m|, or fail@>@;
  @<Append |src| to |m|, or fail@>@;
  return 0;
}

@ @<Remove source |i| of |m|, or fail@>=
{
  if (!m->has_list || i == m->nsrc) return -EADDRNOTAVAIL;
  if (m->nsrc == 1 && omode == MCAST_INCLUDE) return mc_leave(s, &mr);
  memmove(&m->src[i], &m->src[i + 1], (size_t) (m->nsrc - i - 1) * sizeof *m->src);
  m->nsrc--;
  return 0;
}

@ Adding a source: the limit first, then a longer list when the list is
missing or full (which stays even when the source then turns out to be
there already), then the duplicate.

@<Append |src| to |m|, or fail@>=
if (m->has_list && m->nsrc >= sysctl_value(s->host, SYS_IGMP_MAX_MSF))
  return -ENOBUFS;
if (!m->has_list || m->nsrc == m->sfmax) {
  int count = (m->has_list ? m->sfmax : 0) + SR_SFBLOCK;
  if (!omem_charge(s, SR_SFLSIZE(count))) return -ENOBUFS;
  if (m->has_list) s->omem -= SR_SFLSIZE(m->sfmax);
  m->sfmax = count;
  m->has_list = true;
}
if (i < m->nsrc) return -EADDRNOTAVAIL;
if (m->nsrc == m->maxsrc) {
  m->maxsrc = m->maxsrc ? 2 * m->maxsrc : 4;
  m->src = xrealloc(m->src, (size_t) m->maxsrc, sizeof *m->src);
}
m->src[m->nsrc++] = src;

@ The four options share the argument, an |ip_mreq_source| of exactly 12
bytes (|EINVAL| for any other length, on every socket type).

\kernel{lengths 11 and 16 are |EINVAL|.}

@c
static int mreq_source_decode(const sr_optreq *rq, struct ip_mreq_source *mrs)
{
  if (rq->len != (int) sizeof *mrs) return -EINVAL;
  if (!rq->buf) return -EFAULT;
  memcpy(mrs, rq->buf, sizeof *mrs);
  return 0;
}

@ @<Private function prototypes@>=
static int mreq_source_decode(const sr_optreq *rq, struct ip_mreq_source *mrs);

@ \clause{ip.7:IP_ADD_SOURCE_MEMBERSHIP}
@^ip.7:IP\_ADD\_SOURCE\_MEMBERSHIP@>
Adds a source to an include filter, joining the group first when the
socket is not yet a member --- a source-specific join, which TCP may make
too, since this path has no stream test.  A membership that exists is
reused (the join's |EADDRINUSE| is swallowed); any other failure of the
join is the answer.

\kernel{on TCP the source-specific join succeeds; an ordinary join after
it is |EADDRINUSE|; a second identical add is |EADDRNOTAVAIL|; the 11th
source is |ENOBUFS|; an interface address \.{1.2.3.4} is |ENODEV|.}

@c
static int set_add_source_membership(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  struct ip_mreqn mr;
  int err = mreq_source_decode(rq, &mrs);
  if (err) return err;
  memset(&mr, 0, sizeof mr);
  mr.imr_multiaddr = mrs.imr_multiaddr;
  mr.imr_address = mrs.imr_interface;
  err = mc_join(s, &mr, MCAST_INCLUDE);
  if (err && err != -EADDRINUSE) return err;
  return mc_source(s, true, MCAST_INCLUDE, &mrs, 0);
}

@ \clause{ip.7:IP_DROP_SOURCE_MEMBERSHIP}
@^ip.7:IP\_DROP\_SOURCE\_MEMBERSHIP@>
Removes a source from an include filter; removing the last one leaves the
group.

\kernel{after the last source is dropped, \.{IP\_MSFILTER} reads
|EADDRNOTAVAIL|; on a group never joined the drop is |EINVAL|.}

@c
static int set_drop_source_membership(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  int err = mreq_source_decode(rq, &mrs);
  return err ? err : mc_source(s, false, MCAST_INCLUDE, &mrs, 0);
}

@ \clause{ip.7:IP_BLOCK_SOURCE}
@^ip.7:IP\_BLOCK\_SOURCE@>
Adds a source to the exclude filter of a group joined in the ordinary
way.  On an include filter it is |EINVAL|; a source blocked twice is
|EADDRNOTAVAIL|.

@c
static int set_block_source(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  int err = mreq_source_decode(rq, &mrs);
  return err ? err : mc_source(s, true, MCAST_EXCLUDE, &mrs, 0);
}

@ \clause{ip.7:IP_UNBLOCK_SOURCE}
@^ip.7:IP\_UNBLOCK\_SOURCE@>
Takes a source out of an exclude filter; one that is not blocked is
|EADDRNOTAVAIL|, as the page says.  An exclude list emptied this way still
exists, so the membership keeps its mode.

@c
static int set_unblock_source(sr_sock *s, sr_optreq *rq)
{
  struct ip_mreq_source mrs;
  int err = mreq_source_decode(rq, &mrs);
  return err ? err : mc_source(s, false, MCAST_EXCLUDE, &mrs, 0);
}

@ \clause{ip.7:IP_MSFILTER}
@^ip.7:IP\_MSFILTER@>
The full-state interface: a write replaces the mode and the whole source
list of a membership; a read returns them.  Both identify the membership
by |imsf_multiaddr| and |imsf_interface| (an address, or the wildcard for
the routed interface).

A write checks, in order: at least the 16-byte header (|EINVAL|); no more
than \.{optmem\_max} bytes and no more than \.{igmp\_max\_msf} sources
(|ENOBUFS|, before anything else is looked at); room for the sources the
header announces (|EINVAL|); a multicast group and a mode of 0 or 1
(|EINVAL|); an interface (|ENODEV|).  Include mode with no sources is a
leave of the group, with the leave's errors; otherwise the group must be
joined (|EINVAL|).  The list is taken as given, duplicates included.  An
empty exclude list is stored as no list at all, so the membership may
change mode again.

\kernel{numsrc 11 is |ENOBUFS| even on a group not joined; numsrc 2 with
|optlen| 20 is |EINVAL|; include with a duplicated source reads back with
the duplicate; include with 0 sources leaves the group and a new join then
succeeds.}

@c
static int set_msfilter(sr_sock *s, sr_optreq *rq)
{
  struct ip_msfilter hdr;
  uint32_t n;
  if (rq->len < (int) IP_MSFILTER_SIZE(0)) return -EINVAL;
  if (rq->len > sysctl_value(s->host, SYS_OPTMEM_MAX)) return -ENOBUFS;
  if (!rq->buf) return -EFAULT;
  memcpy(&hdr, rq->buf, IP_MSFILTER_SIZE(0));
  n = hdr.imsf_numsrc;
  if (n >= 0x3ffffffcu || n > (uint32_t) sysctl_value(s->host, SYS_IGMP_MAX_MSF))
    return -ENOBUFS;
  if ((long) IP_MSFILTER_SIZE(n) > rq->len) return -EINVAL;
  return mc_msfilter(s, hdr.imsf_multiaddr.s_addr, hdr.imsf_interface.s_addr, 0,
    hdr.imsf_fmode, n, rq->buf + IP_MSFILTER_SIZE(0));
}

@ The filter itself, |ip_mc_msfilter|, for \.{IP\_MSFILTER} (interface by
address) and \.{MCAST\_MSFILTER} (by index): the group, the mode, the
interface, then the leave or the replacement.  The sources are read
with |memcpy|, as they need not be aligned.

@c
static int mc_msfilter(sr_sock *s, uint32_t group, uint32_t ifaddr, int ifindex,
  uint32_t fmode, uint32_t n, const void *src)
{
  struct ip_mreqn mr;
  sr_mcsock *m;
  if (!ipv4_is_multicast(group)) return -EINVAL;
  if (fmode != MCAST_INCLUDE && fmode != MCAST_EXCLUDE) return -EINVAL;
  memset(&mr, 0, sizeof mr);
  mr.imr_multiaddr.s_addr = group;
  mr.imr_address.s_addr = ifaddr;
  mr.imr_ifindex = ifindex;
  if (!mc_find_dev(s->host, group, ifaddr, &mr.imr_ifindex)) return -ENODEV;
  if (fmode == MCAST_INCLUDE && n == 0) return mc_leave(s, &mr);
  m = *mc_find(s, group, mr.imr_ifindex);
  if (!m) return -EINVAL;
  @<Replace the filter of |m| by the |n| sources of the request@>@;
  return 0;
}

@ The new list is asked for while the old one is still charged.

@<Replace the filter of |m| by the |n| sources of the request@>=
if (n && !omem_charge(s, SR_SFLSIZE((int) n))) return -ENOBUFS;
if (m->has_list) s->omem -= SR_SFLSIZE(m->sfmax);
m->sfmax = (int) n;
if ((int) n > m->maxsrc) {
  m->maxsrc = (int) n;
  m->src = xrealloc(m->src, (size_t) m->maxsrc, sizeof *m->src);
}
if (n) memcpy(m->src, src, n * sizeof *m->src);
m->nsrc = (int) n;
m->has_list = n > 0;
m->mode = (int) fmode;

@ A read needs the 16-byte header in |optlen| (|EINVAL|), reads the
caller's header, and answers |EINVAL| for a group that is not multicast,
|ENODEV| for an interface address that is not local, and
|EADDRNOTAVAIL| for a group not joined there; |optlen| is untouched
then.  Otherwise it writes |optlen|, the header (with the mode and the
true number of sources, the caller's |imsf_interface| echoed) and as many
sources as the smaller of the true number and the caller's
|imsf_numsrc|.  The kernel sizes that copy by |imsf_numsrc| alone, not by
|optlen|, and so does the model: a caller that announces more sources
than its buffer holds gets its buffer overrun.
@^kernel trusts the caller@>

\kernel{with two sources, |imsf_numsrc| 10 and |optlen| 18, the read
writes 24 bytes and sets |optlen| to 24; with |imsf_numsrc| 0 it writes
the 16-byte header, whose |imsf_numsrc| is then 2.}

@c
static int get_msfilter(sr_sock *s, sr_optreq *rq)
{
  struct ip_msfilter hdr;
  struct ip_mreqn mr;
  sr_mcsock *m;
  uint32_t copy;
  int size;
  if (rq->len < (int) IP_MSFILTER_SIZE(0)) return -EINVAL;
  if (!rq->ubuf) return -EFAULT;
  memcpy(&hdr, rq->ubuf, IP_MSFILTER_SIZE(0));
  if (!ipv4_is_multicast(hdr.imsf_multiaddr.s_addr)) return -EINVAL;
  memset(&mr, 0, sizeof mr);
  mr.imr_multiaddr = hdr.imsf_multiaddr;
  mr.imr_address = hdr.imsf_interface;
  if (!mc_find_dev(s->host, mr.imr_multiaddr.s_addr, mr.imr_address.s_addr,
      &mr.imr_ifindex))
    return -ENODEV;
  m = *mc_find(s, mr.imr_multiaddr.s_addr, mr.imr_ifindex);
  if (!m) return -EADDRNOTAVAIL;
  copy = (uint32_t) m->nsrc < hdr.imsf_numsrc ? (uint32_t) m->nsrc : hdr.imsf_numsrc;
  hdr.imsf_fmode = (uint32_t) m->mode;
  hdr.imsf_numsrc = (uint32_t) m->nsrc;
  size = (int) IP_MSFILTER_SIZE(copy);
  *rq->ulen = (socklen_t) size;
  memcpy(rq->ubuf, &hdr, IP_MSFILTER_SIZE(0));
  if (copy) memcpy((char *) rq->ubuf + IP_MSFILTER_SIZE(0), m->src,
    copy * sizeof *m->src);
  return 0;
}
