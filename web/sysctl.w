@* Tunables.
The files under \.{/proc/sys/net} that the pages describe are the model's
tunables.  A program reads and writes them by their \.{sysctl} names,
\.{"net.core.rmem\_max"} or \.{"net.ipv4.ip\_local\_port\_range"}, as text,
with the value a read of the file gives and the validation a write to the
file gets:

\smallskip
\item{$\bullet$} |sr_sysctl_get(name, buf, len)| copies the value, without
the newline, into |buf| and returns its length; |ENOENT| for a name that
is no tunable, |EINVAL| when |len| is too small.
\item{$\bullet$} |sr_sysctl_set(name, text)| writes |text| as one
\.{write(2)} of that text would, and returns 0; it fails with the error
number of that write, and a failed write changes nothing.
\smallskip

@<Public declarations@>=
int sr_sysctl_get(const char *name, char *buf, size_t len);
int sr_sysctl_set(const char *name, const char *value);

@ Most of \.{net.ipv4} belongs to the network namespace, so each host of
the model has its own.  A few tunables of \.{net.core} are global to the
machine: a new namespace shows \.{rmem\_max} and its kin read-only and does
not show \.{message\_cost}, \.{message\_burst}, \.{netdev\_max\_backlog},
\.{busy\_read} or \.{busy\_poll} at all.  The model keeps the global ones
in the world and lets |sr_sysctl_set| write them as root of the initial
namespace would; that is what a test that wants a larger \.{rmem\_max}
needs.

\kernel{in a fresh namespace (6.18, \.{unshare -n}) opening
\.{/proc/sys/net/core/rmem\_max} for writing fails with |EACCES| even for
root, \.{net/core/message\_cost} does not exist, and every \.{net.ipv4}
tunable below exists with its default value.}

@<Fields of a host@>=
long long sys[SR_NSYSCTL][2];
uint64_t *reserved_ports; /* \.{ip\_local\_reserved\_ports}, a bitmap */

@ The table of tunables.  Each row names the tunable, the clause that
describes it, its scope, the kind of value it takes, its default and the
bounds the kernel's handler enforces on a write.  |SYSV_INT| is
|proc_dointvec_minmax|; |SYSV_U8| is |proc_dou8vec_minmax|; |SYSV_PAIR|
holds two integers, |SYSV_ULONG| an unsigned long, |SYSV_PORTS| a list
of port ranges; |SYSV_JIFFIES| is |proc_dointvec_jiffies|, seconds that the
kernel keeps in ticks.

@<Type definitions@>=
enum { SYSV_INT, SYSV_U8, SYSV_ULONG, SYSV_PAIR, SYSV_PORTS, SYSV_JIFFIES };
enum { SYS_NETNS, SYS_GLOBAL };
typedef struct {
  const char *name, *clause;
  int scope, kind;
  long long def, def2;
  long long min, max;
} sr_sysctl;

@ The index of each row is a constant, so that the rest of the model reads
a tunable in constant time with |sysctl_value(h, SYS_RMEM_MAX)|.

@<Constants of the model@>=
enum {
  SYS_RMEM_DEFAULT, SYS_RMEM_MAX, SYS_WMEM_DEFAULT, SYS_WMEM_MAX,
  SYS_MESSAGE_COST, SYS_MESSAGE_BURST, SYS_NETDEV_MAX_BACKLOG,
  SYS_OPTMEM_MAX, SYS_BUSY_READ, SYS_BUSY_POLL, SYS_SOMAXCONN,
  SYS_IP_DEFAULT_TTL, SYS_IP_DYNADDR, SYS_IP_FORWARD,
  SYS_IP_LOCAL_PORT_RANGE, SYS_IP_LOCAL_RESERVED_PORTS,
  SYS_IP_NO_PMTU_DISC, SYS_IP_NONLOCAL_BIND, SYS_IP_UNPRIVILEGED_PORT_START,
  SYS_IP_AUTOBIND_REUSE, SYS_IPFRAG_HIGH_THRESH, SYS_IPFRAG_LOW_THRESH,
  SYS_IPFRAG_TIME, SYS_IPFRAG_MAX_DIST, SYS_IGMP_MAX_MEMBERSHIPS,
  SYS_IGMP_MAX_MSF, SYS_PING_GROUP_RANGE, SYS_ROUTE_MIN_PMTU,
  SYS_ROUTE_MTU_EXPIRES, SYS_ROUTE_MIN_ADV_MSS,
  SYS_IP6FRAG_HIGH_THRESH, SYS_IP6FRAG_LOW_THRESH, SYS_IP6FRAG_TIME,
  SR_NSYSCTL
};

@ The rows are given below, a section for each clause, and gathered here.

@<Private function prototypes@>=
static const sr_sysctl sysctls[SR_NSYSCTL];

@ @c
static const sr_sysctl sysctls[SR_NSYSCTL] = {
@t\1@>@/
@<Rows of the tunables table@>@/
@t\2@>@/
};

@ \clause{socket.7:proc:rmem_default}
\clause{socket.7:proc:rmem_max}
\clause{socket.7:proc:wmem_default}
\clause{socket.7:proc:wmem_max}
@^socket.7:proc:rmem\_max@>
The four buffer tunables give a new socket its buffer sizes and cap what
\.{SO\_RCVBUF} and \.{SO\_SNDBUF} may ask for.  Their defaults are those of
the machine this model is checked against.  One differs from the kernel's
compiled-in value: \.{rmem\_max} and \.{wmem\_max} are 212992 in the kernel
source (|SK_RMEM_MAX|) but 4194304 on these machines, whose initial
namespace is configured so at boot and whose new namespaces mirror it.
The model follows the machine, because its answers are compared with the
machine's.  A write below the kernel's smallest buffer --- 2304 bytes for
receiving (|SOCK_MIN_RCVBUF|), 4608 for sending (|SOCK_MIN_SNDBUF|) --- is
|EINVAL|.

\kernel{in a new namespace the four files read 212992, 4194304, 212992,
4194304, and are read-only there (global to the machine).}

@<Constants of the model@>=
#define SR_MIN_RCVBUF 2304
#define SR_MIN_SNDBUF 4608

@ @<Rows of the tunables table@>=
@[ [SYS_RMEM_DEFAULT] = {"net.core.rmem_default", "socket.7:proc:rmem_default",
    SYS_GLOBAL, SYSV_INT, 212992, 0, SR_MIN_RCVBUF, INT_MAX} @],
@[ [SYS_RMEM_MAX] = {"net.core.rmem_max", "socket.7:proc:rmem_max",
    SYS_GLOBAL, SYSV_INT, 4194304, 0, SR_MIN_RCVBUF, INT_MAX} @],
@[ [SYS_WMEM_DEFAULT] = {"net.core.wmem_default", "socket.7:proc:wmem_default",
    SYS_GLOBAL, SYSV_INT, 212992, 0, SR_MIN_SNDBUF, INT_MAX} @],
@[ [SYS_WMEM_MAX] = {"net.core.wmem_max", "socket.7:proc:wmem_max",
    SYS_GLOBAL, SYSV_INT, 4194304, 0, SR_MIN_SNDBUF, INT_MAX} @],

@ \clause{socket.7:proc:message_cost}
\clause{socket.7:proc:message_burst}
@^socket.7:proc:message\_cost@>
The rate limit of kernel warnings: a token bucket refilled every
\.{message\_cost} seconds, holding \.{message\_burst} tokens.  The model
prints no warnings; it keeps the two values, global to the machine, with
no range check (the kernel's |proc_dointvec|).

@<Rows of the tunables table@>=
@[ [SYS_MESSAGE_COST] = {"net.core.message_cost", "socket.7:proc:message_cost",
    SYS_GLOBAL, SYSV_INT, 5, 0, INT_MIN, INT_MAX} @],
@[ [SYS_MESSAGE_BURST] = {"net.core.message_burst", "socket.7:proc:message_burst",
    SYS_GLOBAL, SYSV_INT, 10, 0, INT_MIN, INT_MAX} @],

@ \clause{socket.7:proc:netdev_max_backlog}
@^socket.7:proc:netdev\_max\_backlog@>
The length of the per-CPU input queue, 1000 packets by default, global to
the machine.

@<Rows of the tunables table@>=
@[ [SYS_NETDEV_MAX_BACKLOG] = {"net.core.netdev_max_backlog",
    "socket.7:proc:netdev_max_backlog", SYS_GLOBAL, SYSV_INT, 1000, 0,
    INT_MIN, INT_MAX} @],

@ \clause{socket.7:proc:optmem_max}
@^socket.7:proc:optmem\_max@>
The most ancillary data and option memory a socket may hold: 131072 bytes,
per namespace, any value from 0 to |INT_MAX|.

@<Rows of the tunables table@>=
@[ [SYS_OPTMEM_MAX] = {"net.core.optmem_max", "socket.7:proc:optmem_max",
    SYS_NETNS, SYSV_INT, 131072, 0, 0, INT_MAX} @],

@ \clause{socket.7:SO_BUSY_POLL:4}
Two more tunables of \.{net.core} that the pages name in passing:
\.{busy\_read}, the default of \.{SO\_BUSY\_POLL} for new sockets, and
\.{busy\_poll}, the busy-polling time of |poll| and |select|; both are
global, from 0 up.  \.{somaxconn} bounds the backlog of |listen|.

@<Rows of the tunables table@>=
@[ [SYS_BUSY_READ] = {"net.core.busy_read", "socket.7:SO_BUSY_POLL",
    SYS_GLOBAL, SYSV_INT, 0, 0, 0, INT_MAX} @],
@[ [SYS_BUSY_POLL] = {"net.core.busy_poll", "socket.7:SO_BUSY_POLL:5",
    SYS_GLOBAL, SYSV_INT, 0, 0, 0, INT_MAX} @],
@[ [SYS_SOMAXCONN] = {"net.core.somaxconn", "socket.7:call:listen",
    SYS_NETNS, SYSV_INT, 4096, 0, 0, INT_MAX} @],

@ \clause{ip.7:proc:ip_default_ttl}
@^ip.7:proc:ip\_default\_ttl@>
The TTL of outgoing packets when \.{IP\_TTL} was not set: 64, from 1 to
255 (|proc_dou8vec_minmax|).

@<Rows of the tunables table@>=
@[ [SYS_IP_DEFAULT_TTL] = {"net.ipv4.ip_default_ttl", "ip.7:proc:ip_default_ttl",
    SYS_NETNS, SYSV_U8, 64, 0, 1, 255} @],

@ \clause{ip.7:proc:ip_dynaddr}
@^ip.7:proc:ip\_dynaddr@>
Rewriting of sockets' addresses when a dial-up interface's address
changes: 0 by default; the kernel stores 0 to 255 without comment.

@<Rows of the tunables table@>=
@[ [SYS_IP_DYNADDR] = {"net.ipv4.ip_dynaddr", "ip.7:proc:ip_dynaddr",
    SYS_NETNS, SYSV_U8, 0, 0, 0, 255} @],

@ \clause{ip.7:proc:ip_forward}
@^ip.7:proc:ip\_forward@>
Whether the host forwards packets between interfaces.  The page calls it a
boolean; the kernel stores any |int|, $-1$ and 2 included, and treats
nonzero as on.

\kernel{\.{echo -1 > ip\_forward} succeeds and reads back $-1$.}

@<Rows of the tunables table@>=
@[ [SYS_IP_FORWARD] = {"net.ipv4.ip_forward", "ip.7:proc:ip_forward",
    SYS_NETNS, SYSV_INT, 0, 0, INT_MIN, INT_MAX} @],

@ \clause{ip.7:proc:ip_local_port_range}
@^ip.7:proc:ip\_local\_port\_range@>
The range from which ports are chosen when a socket binds to port 0 or is
bound implicitly.  With it come the tunables that constrain it: the
reserved ports, never chosen automatically; the first unprivileged port,
which the range may not start below; and whether an automatic bind may
share a port.

@<Rows of the tunables table@>=
@[ [SYS_IP_LOCAL_PORT_RANGE] = {"net.ipv4.ip_local_port_range",
    "ip.7:proc:ip_local_port_range", SYS_NETNS, SYSV_PAIR, 32768, 60999,
    1, 65535} @],
@[ [SYS_IP_LOCAL_RESERVED_PORTS] = {"net.ipv4.ip_local_reserved_ports",
    "ip.7:proc_interfaces", SYS_NETNS, SYSV_PORTS, 0, 0, 0,
    65535} @],
@[ [SYS_IP_UNPRIVILEGED_PORT_START] = {"net.ipv4.ip_unprivileged_port_start",
    "ip.7:addr:privileged_ports", SYS_NETNS, SYSV_INT, 1024, 0, 0, 65535} @],
@[ [SYS_IP_AUTOBIND_REUSE] = {"net.ipv4.ip_autobind_reuse",
    "ip.7:addr:autobind_connect", SYS_NETNS, SYSV_INT, 0, 0, 0, 1} @],

@ \clause{ip.7:proc:ip_no_pmtu_disc}
@^ip.7:proc:ip\_no\_pmtu\_disc@>
Nonzero makes new sockets start with \.{IP\_PMTUDISC\_DONT} instead of
\.{IP\_PMTUDISC\_WANT}.  The route cache's tunables that path-MTU
discovery uses come with it: the smallest MTU a discovery may lower a
route to (552, with no upper bound), how long a learnt MTU lives
(600~s), and the smallest advertised MSS (256).

\kernel{\.{route/min\_pmtu} takes 2147483647 and refuses 67.}

@<Rows of the tunables table@>=
@[ [SYS_IP_NO_PMTU_DISC] = {"net.ipv4.ip_no_pmtu_disc", "ip.7:proc:ip_no_pmtu_disc",
    SYS_NETNS, SYSV_U8, 0, 0, 0, 255} @],
@[ [SYS_ROUTE_MIN_PMTU] = {"net.ipv4.route.min_pmtu", "ip.7:IP_MTU_DISCOVER",
    SYS_NETNS, SYSV_INT, 552, 0, 68, INT_MAX} @],
@[ [SYS_ROUTE_MTU_EXPIRES] = {"net.ipv4.route.mtu_expires",
    "ip.7:IP_MTU_DISCOVER", SYS_NETNS, SYSV_JIFFIES, 600, 0, INT_MIN, INT_MAX} @],
@[ [SYS_ROUTE_MIN_ADV_MSS] = {"net.ipv4.route.min_adv_mss",
    "ip.7:IP_MTU_DISCOVER", SYS_NETNS, SYSV_INT, 256, 0, INT_MIN, INT_MAX} @],

@ \clause{ip.7:proc:ip_nonlocal_bind}
@^ip.7:proc:ip\_nonlocal\_bind@>
Nonzero lets every socket of the namespace bind to an address the host does
not have, as \.{IP\_FREEBIND} does for one socket.

@<Rows of the tunables table@>=
@[ [SYS_IP_NONLOCAL_BIND] = {"net.ipv4.ip_nonlocal_bind",
    "ip.7:proc:ip_nonlocal_bind", SYS_NETNS, SYSV_U8, 0, 0, 0, 255} @],

@ \clause{ip.7:proc:ipfrag_high_thresh}
\clause{ip.7:proc:ipfrag_low_thresh}
@^ip.7:proc:ipfrag\_high\_thresh@>
The memory for reassembling fragments: above the high mark the kernel
drops fragments until usage is below the low mark.  Both are unsigned
longs; a write that would put the low mark above the high one is
|EINVAL|.  Each low mark follows its high mark in the table, which the
cross-check below relies on.  The lifetime of an incomplete datagram
(30~s) and the largest gap in fragment order (64) come with them.

@<Rows of the tunables table@>=
@[ [SYS_IPFRAG_HIGH_THRESH] = {"net.ipv4.ipfrag_high_thresh",
    "ip.7:proc:ipfrag_high_thresh", SYS_NETNS, SYSV_ULONG, 4194304, 0, 0,
    LLONG_MAX} @],
@[ [SYS_IPFRAG_LOW_THRESH] = {"net.ipv4.ipfrag_low_thresh",
    "ip.7:proc:ipfrag_low_thresh", SYS_NETNS, SYSV_ULONG, 3145728, 0, 0,
    LLONG_MAX} @],
@[ [SYS_IPFRAG_TIME] = {"net.ipv4.ipfrag_time", "ip.7:proc_interfaces",
    SYS_NETNS, SYSV_JIFFIES, 30, 0, INT_MIN, INT_MAX} @],
@[ [SYS_IPFRAG_MAX_DIST] = {"net.ipv4.ipfrag_max_dist", "ip.7:proc_interfaces",
    SYS_NETNS, SYSV_INT, 64, 0, 0, INT_MAX} @],

@ \clause{ip.7:proc:ip6frag_time}
@^ip.7:proc:ip6frag\_time@>
The page lists the IPv6 reassembly tunables among the IPv4 ones; they live
under \.{net.ipv6} and follow the same rules as their IPv4 twins.

@<Rows of the tunables table@>=
@[ [SYS_IP6FRAG_HIGH_THRESH] = {"net.ipv6.ip6frag_high_thresh",
    "ip.7:proc_interfaces", SYS_NETNS, SYSV_ULONG, 4194304, 0, 0,
    LLONG_MAX} @],
@[ [SYS_IP6FRAG_LOW_THRESH] = {"net.ipv6.ip6frag_low_thresh",
    "ip.7:proc_interfaces", SYS_NETNS, SYSV_ULONG, 3145728, 0, 0,
    LLONG_MAX} @],
@[ [SYS_IP6FRAG_TIME] = {"net.ipv6.ip6frag_time", "ip.7:proc:ip6frag_time",
    SYS_NETNS, SYSV_JIFFIES, 60, 0, INT_MIN, INT_MAX} @],

@ \clause{ip.7:proc:ip_always_defrag}
\clause{ip.7:proc:ip_autoconfig}
\clause{ip.7:proc:ip6frag_secret_interval}
@^errata@>
The page lists three files that this kernel no longer has:
\.{ip\_always\_defrag} (always-on reassembly went with the old firewall
code), \.{ip\_autoconfig} and \.{ip6frag\_secret\_interval}.  The model has
exactly the files the kernel has, so reading or writing them is |ENOENT|.

\kernel{\.{cat /proc/sys/net/ipv4/ip\_always\_defrag}: no such file, and
likewise for the other two.}

@ \clause{ip.7:proc:neigh/*}
The neighbour (ARP) tunables belong to {\it arp\/}(7), which the pages
only point to; a new namespace has no \.{neigh/default} directory at all.
The model has no ARP cache and keeps none of them.
@^model limits@>

@ \clause{ip.7:IP_ADD_MEMBERSHIP:2}
Two limits of multicast membership are tunables: the groups a socket may
join (20) and the sources of one group's filter (10).  The kernel checks
neither on a write, so $-1$ is stored and means no socket may join.
\.{ping\_group\_range} decides who may open ping sockets; see |sr_socket|.

@<Rows of the tunables table@>=
@[ [SYS_IGMP_MAX_MEMBERSHIPS] = {"net.ipv4.igmp_max_memberships",
    "ip.7:IP_ADD_MEMBERSHIP", SYS_NETNS, SYSV_INT, 20, 0, INT_MIN, INT_MAX} @],
@[ [SYS_IGMP_MAX_MSF] = {"net.ipv4.igmp_max_msf", "ip.7:IP_MSFILTER",
    SYS_NETNS, SYSV_INT, 10, 0, INT_MIN, INT_MAX} @],
@[ [SYS_PING_GROUP_RANGE] = {"net.ipv4.ping_group_range", "ip.7:DESCRIPTION",
    SYS_NETNS, SYSV_PAIR, 1, 0, 0, 4294967294LL} @],


@ Every host starts with the defaults; the global tunables are read from the
first host, which stands for the initial namespace.

@ @<Set the tunables of host |h| to their defaults@>=
for (int i = 0; i < SR_NSYSCTL; i++) {
  h->sys[i][0] = sysctls[i].def;
  h->sys[i][1] = sysctls[i].def2;
}
h->reserved_ports = xcalloc(65536 / 64, sizeof(uint64_t));

@ @<Private function prototypes@>=
static long long *sysctl_slot(sr_host *h, int i);
static long long sysctl_value(sr_host *h, int i);
static bool ping_group_allowed(const sr_proc *p);

@ A global tunable is kept in the first host of the world, which stands for
the initial namespace.

@c
static long long *sysctl_slot(sr_host *h, int i)
{
  return sysctls[i].scope == SYS_GLOBAL ? W->host ? W->host[0]->sys[i] : h->sys[i]
                                        : h->sys[i];
}

static long long sysctl_value(sr_host *h, int i)
{
  return sysctl_slot(h, i)[0];
}

@ Ping sockets are open to the groups in \.{ping\_group\_range}, which is
``1 0'' --- no group at all, root's included --- in a new namespace.  The
model's processes belong to the group of the same number as their user.

@c
static bool ping_group_allowed(const sr_proc *p)
{
  long long *r = sysctl_slot(p->host, SYS_PING_GROUP_RANGE);
  return (long long) p->ruid >= r[0] && (long long) p->ruid <= r[1];
}

@ A name is a path under \.{/proc/sys} with dots for slashes, and the
names that lead to tunables are directories: reading or writing
\.{"net.ipv4"}, \.{"net.ipv4."} or \.{""} (\.{/proc/sys} itself) is
|EISDIR|, as opening a directory for reading and reading it, or opening it
for writing, is.  The model knows the directories on the way to its own
tunables.
@^model limits@>

\kernel{\.{sysctl\_get("net.ipv4")} and \.{sysctl\_get("")} are
|EISDIR| (scripts found by \.{sr-fuzz}).}

@c
static bool sysctl_is_dir(const char *name)
{
  size_t n = strlen(name);
  while (n && name[n - 1] == '.') n--;
  if (!n) return true;
  for (int i = 0; i < SR_NSYSCTL; i++)
    if (!strncmp(sysctls[i].name, name, n) && sysctls[i].name[n] == '.') return true;
  return false;
}

@ Reading.  Integers print in decimal, pairs with a tab between them, and
the reserved ports as a comma-separated list of ranges.

@c
int sr_sysctl_get(const char *name, char *buf, size_t len)
{
  int i;
  char text[8192];
  long long *v;
  world_ready();
  if (!name || !buf) return sys_return(-EFAULT);
  for (i = 0; i < SR_NSYSCTL && strcmp(sysctls[i].name, name) != 0; i++) ;
  if (i == SR_NSYSCTL) return sys_return(sysctl_is_dir(name) ? -EISDIR : -ENOENT);
  v = sysctl_slot(W->cur->host, i);
  switch (sysctls[i].kind) {
  case SYSV_PAIR: snprintf(text, sizeof text, "%lld\t%lld", v[0], v[1]); break;
  case SYSV_ULONG: snprintf(text, sizeof text, "%llu", (unsigned long long) v[0]); break;
  case SYSV_PORTS: ports_format(W->cur->host->reserved_ports, text, sizeof text); break;
  default: snprintf(text, sizeof text, "%lld", v[0]); break;
  }
  if (strlen(text) + 1 > len) return sys_return(-EINVAL);
  memcpy(buf, text, strlen(text) + 1);
  return (int) strlen(text);
}

@ Writing.  A process may write a tunable of its namespace when its file
system user is root or it holds \.{CAP\_NET\_ADMIN}, and a global one when
it is root or holds \.{CAP\_DAC\_OVERRIDE}; anyone else gets |EACCES| when
the file is opened.  One handler asks for more: \.{ip\_forward} is
written only with \.{CAP\_NET\_ADMIN}, else |EPERM|, before it reads the
text.  An empty write succeeds and changes nothing.  The text is then
parsed and checked by kind; only when every check passes is the value
stored.

\kernel{root without \.{CAP\_NET\_ADMIN} writes every tunable of the
namespace except \.{ip\_forward}, which is |EPERM| even for an empty
write (script \.{sysctl/without-net-admin.sr}, found by \.{sr-fuzz}).}

@c
static int sysctl_write(sr_host *h, const sr_proc *p, const char *name,
  const char *value)
{
  int i, r;
  long long nv[2];
  if (!name || !value) return -EFAULT;
  for (i = 0; i < SR_NSYSCTL && strcmp(sysctls[i].name, name) != 0; i++) ;
  if (i == SR_NSYSCTL) return sysctl_is_dir(name) ? -EISDIR : -ENOENT;
  if (p && p->fsuid != 0 && !proc_capable(p, sysctls[i].scope == SYS_GLOBAL ?
      CAP_DAC_OVERRIDE : CAP_NET_ADMIN))
    return -EACCES;
  if (p && i == SYS_IP_FORWARD && !proc_capable(p, CAP_NET_ADMIN)) return -EPERM;
  if (!*value) return 0;
  if (sysctls[i].kind == SYSV_PORTS) return ports_parse(h->reserved_ports, value);
  memcpy(nv, sysctl_slot(h, i), sizeof nv);
  r = sysctl_parse(i, value, nv);
  if (r == 0) r = sysctl_cross_check(h, i, nv);
  if (r < 0) return r;
  memcpy(sysctl_slot(h, i), nv, sizeof nv);
  return 0;
}

int sr_sysctl_set(const char *name, const char *value)
{
  world_ready();
  return sys_return(sysctl_write(W->cur->host, W->cur, name, value));
}

@ A world builder sets the tunables of a host without a process on it:
|sr_host_sysctl_set(host, name, value)| writes as the host's
administrator would (\.{ip netns exec H sysctl -w}); a global tunable
written this way changes for every host, as it does on the machine.
|ENOENT| names no host or no tunable.

@<Public declarations@>=
int sr_host_sysctl_set(int host, const char *name, const char *value);

@ @c
int sr_host_sysctl_set(int host, const char *name, const char *value)
{
  sr_host *h;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  return sys_return(sysctl_write(h, NULL, name, value));
}

@ The kernel's number reader, |proc_get_long|: white space is skipped; an
optional minus sign; then digits in the base their prefix implies
(\.{0x} hexadecimal, a leading \.{0} octal, as |strtoul| with base 0);
the number must end at white space or at the end of the text.  A plus
sign, letters, or a number that does not fit in an unsigned long are
|EINVAL|.  After the first number (or pair) the rest of the text is
ignored: the kernel stops reading and \.{"5 junk"} stores 5.

\kernel{\.{"010"} stores 8, \.{"0x10"} stores 16, \.{"+5"} and \.{"5abc"}
are |EINVAL|, \.{" 5"} and \.{"5\\n"} store 5.}

@c
static int read_number(const char **pp, bool *neg, unsigned long long *out)
{
  const char *p = *pp;
  char *end;
  while (*p == ' ' || *p == '\t' || *p == '\n') p++;
  *neg = false;
  if (*p == '-') { *neg = true; p++; }
  if (*p < '0' || *p > '9') return -EINVAL;
  errno = 0;
  *out = strtoull(p, &end, 0);
  if (errno == ERANGE || *out > ULONG_MAX) return -EINVAL;
  if (*end && *end != ' ' && *end != '\t' && *end != '\n') return -EINVAL;
  *pp = end;
  return 0;
}

@ Parsing by kind.  An int must fit in an |int|, then in the row's bounds;
an unsigned long must not be negative, and is kept as its bits (up to
|ULONG_MAX|).  A number of seconds kept in ticks must not overflow an
|int| of ticks: its magnitude is at most |INT_MAX/hz|.  A pair reads one
or two numbers: a single number sets the first and keeps the second.

\kernel{with \.{HZ=250}, \.{ipfrag\_time}, \.{ip6frag\_time} and
\.{route/mtu\_expires} take 8589934 and $-8589934$ and refuse 8589935
and $-8589935$; \.{ipfrag\_high\_thresh} takes and reads back
18446744073709551615.}

@c
static int sysctl_parse(int i, const char *text, long long nv[2])
{
  const sr_sysctl *s = &sysctls[i];
  int count = s->kind == SYSV_PAIR ? 2 : 1;
  const char *p = text;
  for (int k = 0; k < count; k++) {
    bool neg;
    unsigned long long u;
    long long v;
    if (k > 0) {
      const char *q = p;
      while (*q == ' ' || *q == '\t' || *q == '\n') q++;
      if (!*q) break;
    }
    if (read_number(&p, &neg, &u) < 0) return -EINVAL;
    if (s->kind == SYSV_ULONG) {
      if (neg) return -EINVAL;
      v = (long long) u;
    } else if (s->kind == SYSV_JIFFIES) {
      if (u > (unsigned long long) (INT_MAX / W->hz)) return -EINVAL;
      v = neg ? -(long long) u : (long long) u;
    } else {
      if (neg ? u > (unsigned long long) INT_MAX + 1 : u > (unsigned long long) INT_MAX)
        if (i != SYS_PING_GROUP_RANGE) return -EINVAL;
      v = neg ? -(long long) u : (long long) u;
      if (v < s->min || v > s->max) return -EINVAL;
    }
    nv[k] = v;
  }
  return 0;
}

@ Some tunables are checked against others.  The local port range must not
be empty and must not start below \.{ip\_unprivileged\_port\_start}, which
in turn may not exceed the start of the range; the kernel enforces this
from both sides.  The fragment thresholds must keep low $\le$ high.  A
ping group range whose end precedes its start is stored as ``1 0'', which
disables ping sockets.

\kernel{\.{"1000 900"}, \.{"0 65535"} and \.{"1 65535"} are |EINVAL| for
\.{ip\_local\_port\_range} while the unprivileged start is 1024;
\.{"1024 1024"} is accepted; \.{"5 4"} written to
\.{ping\_group\_range} reads back as \.{"1\\t0"}.}

@c
static int sysctl_cross_check(sr_host *h, int i, long long nv[2])
{
  switch (i) {
  case SYS_IP_LOCAL_PORT_RANGE:
    if (nv[1] < nv[0] || nv[0] < sysctl_value(h, SYS_IP_UNPRIVILEGED_PORT_START))
      return -EINVAL;
    break;
  case SYS_IP_UNPRIVILEGED_PORT_START:
    if (nv[0] > sysctl_value(h, SYS_IP_LOCAL_PORT_RANGE)) return -EINVAL;
    break;
  case SYS_IPFRAG_HIGH_THRESH: case SYS_IP6FRAG_HIGH_THRESH:
    if ((unsigned long long) nv[0] < (unsigned long long) sysctl_value(h, i + 1)) return -EINVAL;
    break;
  case SYS_IPFRAG_LOW_THRESH: case SYS_IP6FRAG_LOW_THRESH:
    if ((unsigned long long) nv[0] > (unsigned long long) sysctl_value(h, i - 1)) return -EINVAL;
    break;
  case SYS_PING_GROUP_RANGE:
    if (nv[1] < nv[0]) { nv[0] = 1; nv[1] = 0; }
    break;
  }
  return 0;
}

@ The reserved ports are a bitmap of 65536 bits, written as the kernel's
|proc_do_large_bitmap| reads it: comma-separated numbers and ranges
\.{a-b} with $a\le b<65536$.  A write replaces the whole set.  Leading
white space is an error for this handler, unlike the integer ones.

@c
static int ports_parse(uint64_t *bits, const char *text)
{
  uint64_t nb[65536 / 64];
  const char *p = text;
  memset(nb, 0, sizeof nb);
  while (*p && *p != '\n') {
    char *end;
    unsigned long a, b;
    if (*p < '0' || *p > '9') return -EINVAL;
    a = strtoul(p, &end, 0);
    b = a;
    if (*end == '-') {
      p = end + 1;
      if (*p < '0' || *p > '9') return -EINVAL;
      b = strtoul(p, &end, 0);
    }
    if (a > 65535 || b > 65535 || b < a) return -EINVAL;
    for (unsigned long k = a; k <= b; k++) nb[k / 64] |= (uint64_t) 1 << (k % 64);
    p = end;
    if (*p == ',') p++;
    else if (*p && *p != '\n') return -EINVAL;
  }
  memcpy(bits, nb, sizeof nb);
  return 0;
}

static void ports_format(const uint64_t *bits, char *out, size_t len)
{
  size_t n = 0;
  out[0] = '\0';
  for (long k = 0; k < 65536; k++) {
    long e;
    if (!bits[k / 64]) { k = k / 64 * 64 + 63; continue; } /* a word of no reserved port */
    if (!((bits[k / 64] >> (k % 64)) & 1)) continue;
    for (e = k; e + 1 < 65536 && ((bits[(e + 1) / 64] >> ((e + 1) % 64)) & 1); e++) ;
    if (n + 16 >= len) break;
    n += (size_t) snprintf(out + n, len - n, n ? ",%ld" : "%ld", k);
    if (e > k) n += (size_t) snprintf(out + n, len - n, "-%ld", e);
    k = e;
  }
}

@ @<Private function prototypes@>=
static int ports_parse(uint64_t *bits, const char *text);
static void ports_format(const uint64_t *bits, char *out, size_t len);
static int sysctl_parse(int i, const char *text, long long nv[2]);
static bool sysctl_is_dir(const char *name);
static int sysctl_cross_check(sr_host *h, int i, long long nv[2]);
static int sysctl_write(sr_host *h, const sr_proc *p, const char *name,
  const char *value);
