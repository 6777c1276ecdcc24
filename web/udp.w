@* The UDP data path.
This chapter moves data through datagram sockets: the arrival of a UDP
datagram from the IP layer and its place in a socket's receive queue; the
errors that ICMP reports about datagrams a socket sent, and the error queue
that keeps them for a program that asked; the send calls, from the checks of
their arguments through routing to the datagram handed to |ip_output|; the
receive calls, with the peek offset, the truncation flags and the control
messages; and |shutdown|.  The readiness of a socket for |poll| and
|select|, the waiting of blocking calls in virtual time and the signals that
announce I/O are the next chapter's.

Linux spreads this over \.{net/socket.c} (the system calls: flags, address
lengths, vectors), \.{net/ipv4/af\_inet.c} (|inet_sendmsg| binds a socket
that has no port), \.{net/ipv4/udp.c} (|udp_sendmsg|, |udp_recvmsg|,
|__udp_enqueue_schedule_skb|, |__udp4_lib_err|), \.{net/ipv4/ip\_sockglue.c}
(the control messages of IP and the error queue) and \.{net/core/sock.c},
\.{datagram.c} and \.{skbuff.c} (buffers, waiting, peeking).  Every
\.{Kernel} note quotes Linux~6.18 measured in a fresh network namespace
(\.{lo} up; for the Ethernet cases, a veth pair between two namespaces);
the probe programs and their raw output are kept beside the book's
sources of evidence (\.{facts/udp}).
@^UDP@>

@*1 Datagrams in a socket.
A received datagram is kept as what the receive calls will need of it:
its payload, the addresses and ports it came from and went to, the arrival
interface and the local address that answers it (for \.{IP\_PKTINFO}), the
TTL, TOS and IP options of its header (for the receive options), the time
it arrived, and the {\it true size\/} the kernel charges for it to the
socket's receive buffer.  An entry of the error queue is a datagram too:
the part of a datagram that the socket sent and that an ICMP error quotes,
with the extended error that describes what happened.  One structure serves
both, so that both queues share one set of helpers and one way of building
control messages.

@<Type definitions@>=
typedef struct sr_dgram sr_dgram;
struct sr_dgram {
  sr_dgram *next;
  uint32_t saddr, daddr; /* network order: the IP header's addresses */
  uint16_t sport, dport; /* network order: the UDP header's ports */
  int ifindex; /* the arrival interface */
  uint32_t spec_dst; /* the local address for |ipi_spec_dst| */
  uint8_t ttl, tos;
  uint16_t frag_max; /* its largest fragment's length; 0: it came whole */
  uint32_t mark; /* the packet's mark, for \.{SO\_RCVMARK} */
  uint8_t opt[SR_MAX_IPOPTLEN]; /* the IP options as this host processed them */
  uint8_t wire_opt[SR_MAX_IPOPTLEN]; /* the same options as they arrived */
  int optlen;
  bool stamped; /* it carries its arrival time */
  uint64_t tstamp_ns; /* that time */
  int truesize; /* what it costs the receive buffer */
  uint32_t dropcount; /* the socket's drops when it was queued */
  bool peeked; /* an empty datagram already seen by a peek */
  bool csum_bad; /* its checksum fails; found out when it is read */
  uint8_t shift; /* the data begin this many bytes into |data|: see |dgram_data| */
  int l4off; /* where the data hold the transport header; $-1$: the ports are |dport| */
  @<Fields of an error-queue entry@>@;
  size_t len; /* bytes of data, at |dgram_data| */
  uint8_t data[];
};

@ A datagram the model sends is built in a packet whose headroom is
exactly what makes its UDP payload fall where the |data| of a queue
entry begins: |SR_DGRAM_HEADROOM| bytes into the buffer (a big one may lie
up to 31 bytes further, aligned with the sender's buffer: see
|udp_pkt_new|).  The receiving
socket, when it is the datagram's only taker, then writes its entry's
fields over the packet's header and the IP and UDP headers, which it has
read, and queues the buffer itself; the data is never copied between
the two calls (the kernel too queues the sender's buffer on loopback and
veth).  The packet's own header, the IP header with the longest options
and the UDP header must fit in front of the payload.

A buffer that a read has emptied is kept for the next datagram of its
size, as the kernel keeps its buffers in caches of its own: a datagram
then costs no call to the allocator at either end.  The buffers of small
datagrams --- up to |SR_SMALL_DGRAM| bytes of data, which is most of
what tests send --- all have one size, enough for that much, and at most
|SR_SMALL_SPARE| of them are kept.  A bigger buffer has a power of two
bytes, the least that holds its datagram, and at most |SR_BIG_SPARE|
buffers of each such size are kept, for sizes up to $2^{17}$ bytes (which
holds the longest datagram).  Only the read that consumes a datagram
returns its buffer; every other way an entry goes frees it.

@<Type definitions@>=
#define SR_DGRAM_HEADROOM offsetof(sr_dgram, data)
#define SR_SMALL_DGRAM 256
#define SR_SMALL_BUF (SR_DGRAM_HEADROOM + SR_SMALL_DGRAM)
#define SR_SMALL_SPARE 64
#define SR_BIG_ORDER_MAX 17 /* the biggest buffer kept: $2^{17}$ bytes */
#define SR_BIG_SPARE 4
#define SR_DATA_ALIGN 32 /* the width of the vector copy: see |udp_pkt_new| */
#if defined(__SANITIZE_ADDRESS__)
#define SR_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SR_ASAN 1
#endif
#endif
#ifdef SR_ASAN
#include <sanitizer/asan_interface.h>
size_t __sanitizer_get_allocated_size(const volatile void *p); /* the sanitizer's allocator */
#endif
_Static_assert(offsetof(sr_dgram, wire_opt) == offsetof(sr_dgram, opt) + SR_MAX_IPOPTLEN,
  "the two copies of the options are side by side");
_Static_assert(offsetof(sr_dgram, data) > sizeof(sr_pkt) + SR_IPHDR_LEN +
  SR_MAX_IPOPTLEN + SR_UDPHDR_LEN, "a queue entry's header covers a packet's headers");
_Static_assert(((size_t) 1 << SR_BIG_ORDER_MAX) >= SR_DGRAM_HEADROOM + 65535 + SR_DATA_ALIGN,
  "the biggest spare holds the longest datagram");

@ Which buffers a read may keep.  A read keeps an entry's buffer by the
size of the entry's data, so every entry must have at least the bytes its
data's size asks for: the small size for up to |SR_SMALL_DGRAM| bytes,
and above that the power of two |dgram_buf_order| names.  That holds
because an entry's buffer is made by |dgram_buf| --- either the entry's
own (|dgram_new|) or, when the receiver adopts the sender's packet, the
packet's (|udp_pkt_new|, which asks for room for the payload's shift
too) --- and an entry's data never grows: a filter may only cut it.  No
other packet can be adopted: a packet from |pkt_alloc| has its datagram
right after its own header, and the assertion above puts even its longest
headers short of |SR_DGRAM_HEADROOM|, where an adopted packet's payload
must begin (give or take its shift, which only moves it further in).  A big
buffer cut down to a small datagram has more than the small size, which
is as good.

@<Private function prototypes@>=
static int dgram_buf_order(size_t len);
static void *dgram_buf(size_t len);
static void dgram_free(sr_dgram *d);
static void buf_lend(void *b, size_t need);
static void buf_shelve(void *b);
static inline const uint8_t *dgram_data(const sr_dgram *d);
static inline int pkt_data_shift(const sr_pkt *pkt, const uint8_t *data);

@ The least power of two that holds the header of an entry and |len| bytes of data.

@c
static int dgram_buf_order(size_t len)
{
  size_t need = SR_DGRAM_HEADROOM + len;
  return 64 - __builtin_clzll((unsigned long long) need - 1);
}

@ A buffer for |len| bytes of data at |SR_DGRAM_HEADROOM|: a spare if there
is one.

@c
static void *dgram_buf(size_t len)
{
  void *b;
  int order;
  if (len <= SR_SMALL_DGRAM)
    b = W->nsmall_spare ? W->small_spare[--W->nsmall_spare] : xmalloc(SR_SMALL_BUF);
  else {
    order = dgram_buf_order(len);
    b = order <= SR_BIG_ORDER_MAX && W->nbig_spare[order] ?
      W->big_spare[order][--W->nbig_spare[order]] : xmalloc((size_t) 1 << order);
  }
  buf_lend(b, SR_DGRAM_HEADROOM + len);
  return b;
}

@ Where an entry's data lie: |shift| bytes into |data|.  An entry the
model makes has its data at |data| itself; a packet adopted as an entry
may have its payload up to |SR_DATA_ALIGN|${}-1$ bytes further in (see
|udp_pkt_new|), and |pkt_data_shift| finds how far, or answers $-1$ when
|data| is not where an entry's data can begin.

@c
static inline const uint8_t *dgram_data(const sr_dgram *d)
{
  return d->data + d->shift;
}

static inline int pkt_data_shift(const sr_pkt *pkt, const uint8_t *data)
{
  uintptr_t at = (uintptr_t) data - ((uintptr_t) pkt + SR_DGRAM_HEADROOM);
  return at < SR_DATA_ALIGN ? (int) at : -1;
}

@ A consumed entry's buffer goes back to the spares of its size, if there
is room.

@c
static void dgram_free(sr_dgram *d)
{
  int order;
  if (d->len <= SR_SMALL_DGRAM) {
    if (W->nsmall_spare < SR_SMALL_SPARE) {
      buf_shelve(d);
      W->small_spare[W->nsmall_spare++] = d;
    } else free(d);
    return;
  }
  order = dgram_buf_order(d->len);
  if (order <= SR_BIG_ORDER_MAX && W->nbig_spare[order] < SR_BIG_SPARE) {
    buf_shelve(d);
    W->big_spare[order][W->nbig_spare[order]++] = d;
  } else free(d);
}

@ Under AddressSanitizer the spares are checked.  A buffer on the shelf is
poisoned whole, so that a buffer used after its datagram was read is
caught as it would be after |free|; a buffer lent is unpoisoned only as far
as its datagram needs, so that a write past the datagram is caught too;
and the size the allocator really gave it is compared with that need,
which checks the argument above on every datagram of \.{make check
SANITIZE=1}.  Without the sanitizer both do nothing.
@^AddressSanitizer@>

@c
static void buf_lend(void *b, size_t need)
{
#ifdef SR_ASAN
  size_t have = __sanitizer_get_allocated_size(b);
  if (have < need) {
    fprintf(stderr, "sockref: a spare buffer of %zu bytes lent for %zu\n", have, need);
    abort();
  }
  ASAN_UNPOISON_MEMORY_REGION(b, need);
  ASAN_POISON_MEMORY_REGION((uint8_t *) b + need, have - need);
#else
  (void) b, (void) need;
#endif
}

static void buf_shelve(void *b)
{
#ifdef SR_ASAN
  ASAN_POISON_MEMORY_REGION(b, __sanitizer_get_allocated_size(b));
#else
  (void) b;
#endif
}

@ @<Network fields of the world@>=
void *small_spare[SR_SMALL_SPARE]; /* emptied small datagram buffers */
int nsmall_spare;
void *big_spare[SR_BIG_ORDER_MAX + 1][SR_BIG_SPARE]; /* emptied bigger ones, by size */
uint8_t nbig_spare[SR_BIG_ORDER_MAX + 1];

@ @<Free the network state of the world@>=
while (W->nsmall_spare) free(W->small_spare[--W->nsmall_spare]);
for (int order = 0; order <= SR_BIG_ORDER_MAX; order++)
  while (W->nbig_spare[order]) free(W->big_spare[order][--W->nbig_spare[order]]);

@ The fields a socket gains.  The receive queue is one list in arrival
order.  Linux keeps it as two --- the queue the network appends to and a
{\it reader queue\/} that |recvmsg| takes from, refilled from the first
whenever it runs empty --- and the split shows in one place only, the
accounting of the receive buffer (below), so the model keeps the list
whole and remembers how many datagrams at its head are in the reader part.
|rmem| is the kernel's |sk_rmem_alloc|: the true sizes charged for the
queued datagrams and for the entries of the error queue.  |drops| counts
the datagrams the socket has lost (\.{SO\_RXQ\_OVFL} reports it).
|wmem| is |sk_wmem_alloc|, the true sizes of sent datagrams the host still
holds.  |shutdown| holds the two bits of |shutdown|; |stamp_state| and
|stamp_ns| are what \.{SIOCGSTAMP} reports.

@<UDP fields of a socket@>=
struct sr_dgram *rq_head, *rq_tail; /* the receive queue */
int rq_len; /* datagrams in it */
int rq_reader; /* of those, how many are in the reader part */
int rmem; /* |sk_rmem_alloc| */
int forward_deficit, forward_threshold; /* the receive buffer's release batching */
uint32_t drops; /* |sk_drops| */
struct sr_dgram *eq_head, *eq_tail; /* the error queue */
int wmem; /* |sk_wmem_alloc| */
unsigned shutdown; /* |SR_RCV_SHUTDOWN|, |SR_SEND_SHUTDOWN| */
int stamp_state; /* what \.{SIOCGSTAMP} has: |SR_STAMP_NONE|, |UNKNOWN| or |VALID| */
uint64_t stamp_ns; /* the time it reports when |SR_STAMP_VALID| */
bool netstamp; /* counted among the sockets that want arrivals stamped */
bool stamp_asked; /* it asked for good (|SOCK_TIMESTAMP|) */
uint64_t rq_seq; /* counts arrivals, for a waiting peek */

@ @<Constants of the model@>=
#define SR_RCV_SHUTDOWN 1
#define SR_SEND_SHUTDOWN 2
#define SR_SHUTDOWN_MASK 3
enum { SR_STAMP_NONE, SR_STAMP_UNKNOWN, SR_STAMP_VALID };

@ A new socket has an empty queue; the release threshold is a quarter of
the receive buffer, as |udp_lib_init_sock| sets it, and \.{SIOCGSTAMP} has
nothing to report.

@<Set the socket-layer defaults of |s|@>=
s->forward_threshold = s->rcvbuf >> 2;

@*1 What a datagram costs.
A socket's receive buffer is not measured in bytes of data.  The kernel
charges every queued datagram with the {\it true size\/} of the buffer
that holds it: the memory the allocator handed out for the data, rounded
up to its size classes, plus the bookkeeping structure.  So a queue fills
long before the sum of its payloads reaches \.{SO\_RCVBUF}, and how long
before depends on the sizes.  The model reproduces the charge exactly, from
the way the sending kernel allocates its buffers, because on loopback and on
a veth pair the receiver is charged for the very buffer the sender built.

A buffer of a datagram whose IP packet is $L$ bytes long asks the allocator
for $L$ plus 31 bytes of link-layer reserve plus the 320-byte shared-info
trailer.  Up to 576 bytes come from a small-head cache of exactly 576;
beyond that from the next power of two.  The 256-byte |sk_buff| is added.
A packet too long for an allocation of four pages ($L+31\ge16064$) is built
from a small head and pages instead, and costs 832 bytes plus its payload.

\kernel{one datagram of $n$ payload bytes on \.{lo} reads in
\.{/proc/net/udp} as 832 for $n\le197$, 1280 up to 645, 2304 up to 1669,
4352 up to 3717, 8448 up to 7813, 16640 up to 16004, and $n+832$ from 16005
to 65507 --- every size measured.}
@^true size@>

@<Constants of the model@>=
#define SR_SKB_EXTRA 31 /* link-layer reserve and alignment */
#define SR_SKB_SHINFO 320
#define SR_SKB_STRUCT 256
#define SR_SKB_SMALL_HEAD 576
#define SR_SKB_MAX_ALLOC (16384 - SR_SKB_SHINFO)

@ @<Private function prototypes@>=
static int skb_alloc_size(int need);
static int skb_truesize(int iplen, int paylen);
static int udp_truesize(int hlen, size_t l4len, int mtu);

@ |skb_truesize| is the charge for one buffer holding an IP packet of
|iplen| bytes whose data beyond the headers is |paylen| bytes (which only a
paged buffer charges by the byte).  |skb_alloc_size| rounds a need above
1024 up to the next power of two with one count of leading zeros where
the compiler has it, not a doubling loop.

@c
static int skb_alloc_size(int need)
{
  if (need <= SR_SKB_SMALL_HEAD) return SR_SKB_SMALL_HEAD;
  if (need <= 1024) return 1024;
#if defined(__GNUC__)
  return (int) (2u << (31 - __builtin_clz((unsigned) need - 1)));
#else
  {
    int size = 1024;
    while (size < need) size *= 2;
    return size;
  }
#endif
}

static int skb_truesize(int iplen, int paylen)
{
  if (iplen + SR_SKB_EXTRA >= SR_SKB_MAX_ALLOC)
    return SR_SKB_SMALL_HEAD + SR_SKB_STRUCT + paylen;
  return skb_alloc_size(iplen + SR_SKB_EXTRA + SR_SKB_SHINFO) + SR_SKB_STRUCT;
}

@ A datagram longer than the MTU leaves as fragments, each in a buffer of
its own, and the receiver's reassembly links them behind the first one ---
except that the second fragment is copied into the first buffer's unused
tail when it fits there, and then costs nothing.  Each fragment but the last
carries the largest multiple of eight bytes that fits; the last may carry
up to the MTU.  The options, whatever they are, keep the header of every
fragment the same length.

The arrival path does not know at which MTU a datagram was cut; the model
assumes the MTU of the interface it arrived on, which is what a sender on
the same LAN uses.  A datagram cut smaller on its way (by a learnt path MTU
or a router) is charged as if it had been cut at the arrival MTU.
@^model limits@>

\kernel{on a veth pair of MTU 1500 a 1472-byte datagram costs 2304; 1473 to
1684 bytes still 2304 (the 1- to 212-byte second fragment fits the first
buffer's tail), 1685 bytes 3584, 2953 bytes 5440; the formula matches every
size sampled (one in 97 from 0 to 65507) at MTU 576, 1500 and 9000, with
options of 0, 4 and 40 bytes.}

@c
static int udp_truesize(int hlen, size_t l4len, int mtu)
{
  int len = (int) l4len, per, first, total, tail, left;
  if (hlen + len <= mtu) return skb_truesize(hlen + len, len - SR_UDPHDR_LEN);
  per = (mtu - hlen) & ~7;
  first = per;
  total = skb_truesize(hlen + first, first - SR_UDPHDR_LEN);
  tail = skb_alloc_size(hlen + first + SR_SKB_EXTRA + SR_SKB_SHINFO) -
    SR_SKB_SHINFO - 16 - (hlen + first);
  left = len - first;
  for (int i = 0; left > 0; i++) {
    int frag = left > mtu - hlen ? per : left;
    if (!(i == 0 && frag <= tail)) total += skb_truesize(hlen + frag, frag);
    left -= frag;
  }
  return total;
}

@*1 Arrival.
|udp_rcv| is where the IP layer hands over a datagram for this host whose
protocol is UDP or UDP-Lite.  The header must be sound --- eight bytes, a
length between 8 and the bytes present --- or the datagram is dropped
without a word.  Then the datagram goes to its socket (unicast) or to every
socket that takes it (broadcast and multicast).  A unicast datagram that no
socket takes is refused: |udp_rcv| answers $-1$ and the IP layer sends
``port unreachable''.  A broadcast or multicast datagram that nobody wants
is dropped in silence.

The checksum is verified, but when it fails the kernel does not always
know yet: a device that does not check checksums hands the datagram up
unverified, and UDP checks at once only a short datagram (76 bytes or
fewer of header and data, the kernel's |CHECKSUM_BREAK|), dropping it
silently.  A longer one is looked at only when it must be --- when no
socket takes it (it is then dropped, and no ICMP error is sent about it),
or when it is read (it is then discarded and counted as a drop, and the
read moves on to the next one).  Until then it sits in the queue like any
datagram: it is charged, it wakes and signals.  The model behaves as such a
device.  Loopback and veth mark their own datagrams as checked, so only a
datagram built elsewhere --- offered with |sr_inject|, say --- can be bad.

\kernel{a UDP datagram to a closed port of the host is answered with
``port unreachable''; a datagram whose checksum fails, to the same port,
is not.  Datagrams written by a raw socket with a wrong UDP checksum to a
socket across a veth pair: with 68 bytes of data nothing arrives and no
drop is counted; with 69 or 100 the socket is charged 832 bytes and its
owner gets \.{SIGIO}, a |poll| of the blocking socket reports nothing and
counts a drop, one of a non-blocking socket reports |POLLIN|, |FIONREAD|
reads 0 and counts a drop, a |recv| is |EAGAIN| and counts one; a peek
steps over a bad datagram to a good one behind it (counting a drop), whose
\.{SO\_RXQ\_OVFL} count is the drops before it was queued.}
@^checksum@>

@<Private function prototypes@>=
static int udp_rcv(const struct sr_rx *rx);

@ An arrival as the delivery to each socket sees it: the datagram, its
parsed header, whether its checksum failed, and its cost.

@<Type definitions@>=
struct udp_arrival {
  const struct sr_rx *rx;
  struct sr_udp u;
  bool bad;
  bool sole; /* one socket takes it: it may keep the packet */
  int truesize;
};

@ @<Private function prototypes@>=
static void udp_deliver_one(sr_sock *s, void *arg);

@ @c

static int udp_rcv(const struct sr_rx *rx)
{
  struct udp_arrival a;
  sr_sock *s;
  a.rx = rx;
  a.sole = false;
  if (!udp_parse_header(rx, &a.u, &a.bad)) return 0;
  if (a.bad && a.u.len <= SR_CHECKSUM_BREAK) return 0;
  a.truesize = rx_truesize(rx);
  if (rx->rt_type == SR_RT_BROADCAST || rx->rt_type == SR_RT_MULTICAST) {
    udp_table_lookup_all(rx->host, rx->protocol, rx->saddr, htons(a.u.sport),
      rx->daddr, htons(a.u.dport), rx->ifindex, udp_deliver_one, &a);
    return 0;
  }
  s = udp_table_lookup(rx->host, rx->protocol, rx->saddr, htons(a.u.sport), rx->daddr,
    htons(a.u.dport), rx->ifindex, a.u.data, a.u.datalen);
  if (!s) return a.bad ? 0 : -1;
  a.sole = true;
  udp_deliver_one(s, &a);
  return 0;
}

@ @<Constants of the model@>=
#define SR_CHECKSUM_BREAK 76

@ The header checks of |__udp4_lib_rcv|.  |udp_parse| of the wire chapter
checks the length and the checksum together; a datagram that fails it is
looked at again to tell a bad length (dropped here) from a bad checksum
(delivered, flagged).  A zero checksum means ``none'' and always passes.
A datagram whose checksum its sender left partial is not summed at all,
only its length checked: the kernel trusts it (see the wire chapter).

@<Private function prototypes@>=
static bool udp_parse_header(const struct sr_rx *rx, struct sr_udp *u, bool *bad);

@ @c
static bool udp_parse_header(const struct sr_rx *rx, struct sr_udp *u, bool *bad)
{
  const uint8_t *p = rx->l4;
  *bad = false;
  if (!rx->csum_ok && udp_parse(p, rx->l4len, rx->saddr, rx->daddr, rx->protocol, u)) return true;
  if (rx->l4len < SR_UDPHDR_LEN) return false;
  u->sport = get16(p);
  u->dport = get16(p + 2);
  u->len = get16(p + 4);
  u->check = get16(p + 6);
  if (u->len < SR_UDPHDR_LEN || u->len > rx->l4len) return false;
  u->data = p + SR_UDPHDR_LEN;
  u->datalen = u->len - SR_UDPHDR_LEN;
  *bad = !rx->csum_ok;
  return true;
}

@ Making the queue entry of an arrival.  Every receiver of a broadcast gets
its own copy, charged at the same true size (the kernel clones the buffer).
The only receiver of a unicast datagram keeps the packet instead, when
the packet was built with the headroom a queue entry needs (a datagram
the model sent; not one reassembled from fragments or given to
|sr_inject|) and carries no IP options: |dgram_adopt| writes the entry
over the headers.  (A datagram with options is copied like a broadcast's:
its options lie where the entry's fields go, and saving them first made
every adoption pay for a copy of the arrival, 6 of 2\,276 instructions a
round trip.)
|dgram_take_ip| copies what the receive options report of an IP packet ---
for an error-queue entry, of the ICMP message that brought the error ---
and |dgram_take_rx| that and the rest an arrival tells its entry.
The arrival is stamped with its time only when some socket of the world
wants arrival times (see the section on time stamps); otherwise it carries
no time.  An entry's data is not cleared when it is made, since it is
filled at once, and neither are its two copies of the IP options, which
are read only as far as |optlen| says.  (A cleared entry costs a string
instruction whose start-up alone is a tenth of a datagram's journey.)
An adopted entry's header is not cleared at all: |dgram_take_rx| and
|dgram_from_rx| write every field that the reading of a queue entry
reads, |dgram_adopt| the last three (|peeked|, |is_err|, |len|), and the
fields of an error-queue entry are read only of one that |is_err| marks;
|next| and |dropcount| are written as the entry is queued.  (Saves 19
instructions and 8 of 279 stores a round trip on \.{lo}, measured before
|udp_loop_rcv| below took that trip over; datagrams from a LAN still come
this way.)  For the same reason
|udp_rcv| does not clear its arrival: the parse writes the header's
fields, and |udp_rcv| the others.

@<Private function prototypes@>=
static sr_dgram *dgram_new(size_t len);
static void dgram_take_ip(sr_dgram *d, const struct sr_rx *rx);
static void dgram_take_rx(sr_dgram *d, const struct sr_rx *rx, int truesize);
static sr_dgram *dgram_adopt(const struct sr_rx *rx, const uint8_t *data, size_t len,
  int truesize);
static sr_dgram *dgram_from_rx(const struct udp_arrival *a);

@ @c
static sr_dgram *dgram_clear(sr_dgram *d, size_t len)
{
  size_t after_opts = offsetof(sr_dgram, wire_opt) + sizeof d->wire_opt;
  memset(d, 0, offsetof(sr_dgram, opt));
  memset((uint8_t *) d + after_opts, 0, SR_DGRAM_HEADROOM - after_opts);
  d->len = len;
  return d;
}

static sr_dgram *dgram_new(size_t len)
{
  return dgram_clear(dgram_buf(len), len);
}

static void dgram_take_ip(sr_dgram *d, const struct sr_rx *rx)
{
  d->daddr = rx->daddr;
  d->ifindex = rx->ifindex;
  d->ttl = rx->ttl;
  d->tos = rx->tos;
  d->frag_max = (uint16_t) rx->frag_max;
  d->mark = rx->mark;
  d->optlen = rx->optlen > SR_MAX_IPOPTLEN ? SR_MAX_IPOPTLEN : rx->optlen;
  if (d->optlen) {
    memcpy(d->opt, rx->opt, (size_t) d->optlen);
    memcpy(d->wire_opt, rx->wire_opt, (size_t) d->optlen);
  }
  d->stamped = W->netstamp_sockets > 0;
  d->tstamp_ns = rx->tstamp_ns;
}

static void dgram_take_rx(sr_dgram *d, const struct sr_rx *rx, int truesize)
{
  dgram_take_ip(d, rx);
  d->saddr = rx->saddr;
  d->spec_dst = rx->spec_dst;
  d->truesize = truesize;
}

static sr_dgram *dgram_adopt(const struct sr_rx *rx, const uint8_t *data, size_t len,
  int truesize)
{
  sr_pkt *pkt = rx->pkt ? *rx->pkt : NULL;
  sr_dgram *d;
  int shift;
  if (!pkt || (shift = pkt_data_shift(pkt, data)) < 0 || rx->optlen) return NULL;
  *rx->pkt = NULL;
  d = (sr_dgram *) (void *) pkt;
  dgram_take_rx(d, rx, truesize);
  d->shift = (uint8_t) shift;
  d->peeked = false;
  d->is_err = false;
  d->len = len;
  return d;
}

static sr_dgram *dgram_from_rx(const struct udp_arrival *a)
{
  sr_dgram *d = a->sole ? dgram_adopt(a->rx, a->u.data, a->u.datalen, a->truesize) : NULL;
  if (!d) d = dgram_of_rx(a->rx, a->u.data, a->u.datalen, a->truesize);
  d->sport = htons(a->u.sport);
  d->dport = htons(a->u.dport);
  d->l4off = -1;
  d->csum_bad = a->bad;
  return d;
}

@ Delivery to one socket, |udp_queue_rcv_one_skb| and
|__udp_enqueue_schedule_skb|.  A socket filter (\.{SO\_ATTACH\_FILTER}) may
refuse the datagram or cut it short (and a socket with a filter finds out
about a bad checksum at once, and drops the datagram); then the receive
buffer decides.  A connected socket notes, whether or not the buffer then
takes the datagram, the processor that handled it (\.{SO\_INCOMING\_CPU}).

\clause{socket.7:SO_RCVBUF}
@^socket.7:SO\_RCVBUF@>
The buffer takes a datagram when its true size fits beside what is
already charged, $|rmem|+|truesize|\le|rcvbuf|$; a datagram that does not
fit is dropped and counted --- unless the queue is empty, for then it is
taken whatever its size, so that a socket with a small buffer can still
receive a large datagram.  (A buffer of more than |INT_MAX|/2 takes no
exception.)  The entry remembers the socket's drop count at that moment;
\.{SO\_RXQ\_OVFL} reports it.  Then the socket is ready to read: its
waiters wake and its owner is signalled (next chapter).

\kernel{with the default \.{SO\_RCVBUF} of 212992, 256 datagrams of 100
bytes (832 each) queue and the 257th is dropped; of 1000 bytes (2304), 92;
of 65507 bytes (66339), 3.  With \.{SO\_RCVBUF} 2304, two empty datagrams
queue (1664) but one of 1000 bytes, and one of 65507 bytes, queue alone
when the queue is empty.}

@c
static void udp_deliver_one(sr_sock *s, void *arg)
{
  const struct udp_arrival *a = arg;
  sr_dgram *d;
  int keep;
  if (udp_encap_takes(s, a)) return; /* \.{UDP\_ENCAP}: chapter {\it Options beyond the pages\/} */
  keep = sk_filter_run(s, a->rx->l4, a->u.len);
  if (keep == 0 || (keep > 0 && a->bad)) { s->drops++; return; }
  if (!udp_rcvbuf_takes(s, a->truesize)) return;
  d = dgram_from_rx(a);
  dgram_pktinfo_prepare(s, d);
  if (keep > 0 && (size_t) keep < d->len + SR_UDPHDR_LEN)
    d->len = keep > SR_UDPHDR_LEN ? (size_t) keep - SR_UDPHDR_LEN : 0;
  udp_queue_rcv(s, d);
}

@ The two steps of a delivery that the short cut of the next section
shares: the receive buffer's decision, which a connected socket precedes
by noting its processor, and the queueing of the entry.

@<Private function prototypes@>=
static inline bool udp_rcvbuf_takes(sr_sock *s, int truesize);
static inline void udp_queue_rcv(sr_sock *s, sr_dgram *d);

@ @c
static inline bool udp_rcvbuf_takes(sr_sock *s, int truesize)
{
  unsigned rmem = (unsigned) s->rmem, rcvbuf = (unsigned) s->rcvbuf;
  if (s->inet_daddr) s->incoming_cpu = SR_THIS_CPU; /* |sk_incoming_cpu_update| */
  if (rmem + (unsigned) truesize > rcvbuf && (rcvbuf > INT_MAX >> 1 || rmem)) {
    s->drops++;
    return false;
  }
  return true;
}

static inline void udp_queue_rcv(sr_sock *s, sr_dgram *d)
{
  d->dropcount = (s->flags & SK_RXQ_OVFL) ? s->drops : 0;
  udp_queue_tail(s, d);
  s->rmem += d->truesize;
  sk_fwd_schedule(s, d->truesize);
  sock_data_ready(s);
}

@ The short cut of a datagram the host sends itself.  A UDP datagram that
the loopback device hands straight back (|loop_short_cut|: the only frame
of its call, whole, without options, routed to this host) would go
through |ip_local_deliver|, |udp_rcv| and |udp_deliver_one|, each
writing a description of it (|struct sr_rx|, |struct udp_arrival|) that
the next reads back, and then into its queue entry.  |udp_loop_rcv| reads
the header the sender has just written and writes the entry's fields once,
where they end up, when these cheap tests show that the general path
would do nothing else:
\item{1.} the protocol is UDP and the host has no raw socket at all, so
|raw_local_deliver| would find none;
\item{2.} the sender left the checksum partial and the header's length
lies between 8 and the datagram's, so |udp_parse_header| would accept it
without summing and flag nothing (|bad| false);
\item{3.} the packet has a true size (|rx_truesize| would return it) and
the headroom of a queue entry (|dgram_adopt| would take it, as
|loop_short_cut| let through no options);
\item{4.} a socket takes it (the very lookup of |udp_rcv|, which changes
nothing, so a refusal after it costs only the repeated lookup), and that
socket has no \.{UDP\_ENCAP} and no classic filter, so
|udp_encap_takes| would answer false and |sk_filter_run| $-1$.
\medskip\noindent
The fields then are those the general path writes: the arrival
interface as |ip_rx_fill| reckons it, and the destination as |ipi_spec_dst|
(|fib_compute_spec_dst| of a local route), both only if the socket has
\.{IP\_PKTINFO} on (|dgram_pktinfo_prepare|); TTL and TOS from the
header; the packet's mark, largest fragment and true size; the time
stamp as |dgram_take_ip| makes it; no options; a good checksum; the
ports as the header holds them.  Every value is read before the first
field is written, for the entry lies over the packet's header.  When a
test fails, |udp_loop_rcv| answers false having changed nothing, and the
datagram takes the general path.  The Check test
\.{tests/test\_shortcut.c} runs a scenario on \.{lo} both ways (plain
sends, which take this way when the host has no raw socket, and sends
that the loopback device's short cut excludes) and compares everything a
program can see, for a receiver with every receive option and one with
none.
(Saves 168 of 1\,481 instructions and 39 of 271 stores a round trip.)

@<Private function prototypes@>=
static bool udp_loop_rcv(sr_host *h, int ifindex, sr_pkt *pkt);

@ @c
static bool udp_loop_rcv(sr_host *h, int ifindex, sr_pkt *pkt)
{
  const uint8_t *iph = pkt->data, *uh = iph + SR_IPHDR_LEN;
  size_t ulen = get16(uh + 4), l4len = (size_t) get16(iph + 2) - SR_IPHDR_LEN;
  uint32_t saddr, daddr, mark;
  uint16_t sport, dport, frag_max;
  int iif, truesize, shift;
  uint8_t ttl, tos;
  sr_sock *s;
  sr_dgram *d;
  if (iph[9] != IPPROTO_UDP || h->raw.n || !pkt->csum_partial || !pkt->truesize ||
      (shift = pkt_data_shift(pkt, uh + SR_UDPHDR_LEN)) < 0 ||
      ulen < SR_UDPHDR_LEN || ulen > l4len)
    return false;
  iif = ifindex == SR_LOOPBACK_IFINDEX && pkt->iif ? pkt->iif : ifindex;
  saddr = get_addr(iph + 12);
  daddr = get_addr(iph + 16);
  memcpy(&sport, uh, sizeof sport);
  memcpy(&dport, uh + 2, sizeof dport);
  s = udp_table_lookup(h, IPPROTO_UDP, saddr, sport, daddr, dport, iif,
    uh + SR_UDPHDR_LEN, ulen - SR_UDPHDR_LEN);
  if (!s || s->udp_encap || s->filter_kind == SR_FILTER_CLASSIC) return false;
  truesize = pkt->truesize;
  if (!udp_rcvbuf_takes(s, truesize)) { free(pkt); return true; }
  ttl = iph[8];
  tos = iph[1];
  mark = pkt->mark;
  frag_max = pkt->frag_max;
  d = (sr_dgram *) (void *) pkt;
  d->saddr = saddr;
  d->daddr = daddr;
  d->sport = sport;
  d->dport = dport;
  d->ifindex = (s->ipflags & IPF_PKTINFO) ? iif : 0;
  d->spec_dst = (s->ipflags & IPF_PKTINFO) ? daddr : 0;
  d->ttl = ttl;
  d->tos = tos;
  d->frag_max = frag_max;
  d->mark = mark;
  d->optlen = 0;
  d->stamped = W->netstamp_sockets > 0;
  d->tstamp_ns = W->now_ns;
  d->truesize = truesize;
  d->peeked = false;
  d->csum_bad = false;
  d->l4off = -1;
  d->is_err = false;
  d->shift = (uint8_t) shift;
  d->len = ulen - SR_UDPHDR_LEN;
  udp_queue_rcv(s, d);
  return true;
}

@ The interface and local address that \.{IP\_PKTINFO} reports are
noted when the datagram is queued, and only if the socket has the option
on then (|ipv4_pktinfo_prepare|); a datagram queued before the option was
turned on reports interface 0 and address \.{0.0.0.0}, though its
destination is reported all the same, from its header.  UDP and raw
sockets alike.

\kernel{a UDP socket receives ``a'' to \.{127.0.0.2}, turns
\.{IP\_PKTINFO} on, receives ``b'': ``a'' reports $\{0, \.{0.0.0.0},
\.{127.0.0.2}\}$, ``b'' $\{1, \.{127.0.0.2}, \.{127.0.0.2}\}$; one that
arrived while the option was off again, $\{0, \.{0.0.0.0},
\.{127.0.0.2}\}$ (a raw socket's script found by \.{sr-fuzz},
\.{fuzz/pktinfo-late.sr}).}

@<Private function prototypes@>=
static void dgram_pktinfo_prepare(const sr_sock *s, sr_dgram *d);

@ @c
static void dgram_pktinfo_prepare(const sr_sock *s, sr_dgram *d)
{
  if (!(s->ipflags & IPF_PKTINFO)) {
    d->ifindex = 0;
    d->spec_dst = 0;
  }
}

@ The queue's two ends.  The reader part is the prefix |rq_reader| long.

@<Private function prototypes@>=
static void udp_queue_tail(sr_sock *s, sr_dgram *d);
static sr_dgram *udp_queue_head_remove(sr_sock *s);

@ @c
static void udp_queue_tail(sr_sock *s, sr_dgram *d)
{
  d->next = NULL;
  if (s->rq_tail) s->rq_tail->next = d;
  else s->rq_head = d;
  s->rq_tail = d;
  s->rq_len++;
  s->rq_seq++;
}

static sr_dgram *udp_queue_head_remove(sr_sock *s)
{
  sr_dgram *d = s->rq_head;
  s->rq_head = d->next;
  if (!s->rq_head) s->rq_tail = NULL;
  s->rq_len--;
  if (s->rq_reader) s->rq_reader--;
  return d;
}

@ \clause{socket.7:SO_ATTACH_FILTER:2}
@^socket.7:SO\_ATTACH\_FILTER@>
A classic filter attached to the socket runs on every arriving datagram,
over the UDP header and the data: its return value is how many bytes to
keep, so 0 drops the datagram (counted as a drop) and a smaller value cuts
it.  The model runs the program with the classic machine's semantics;
|sk_filter_run| answers $-1$ when there is no filter; raw and ping sockets run
it too, over what they queue (chapter {\it Raw sockets\/}).  The loads from the
ancillary area above |SKF_AD_OFF| read as 0, and a load outside the packet
ends the program with 0, as the kernel's interpreter does.
@^model limits@>

\kernel{a filter \.{RET \#0} on a UDP socket: datagrams sent to it are not
received and \.{/proc/net/udp} counts them as drops; \.{RET \#10} delivers
the first two data bytes of a datagram (the header is eight).}

@<Private function prototypes@>=
static int sk_filter_run(const sr_sock *s, const uint8_t *p, size_t len);
static bool bpf_load(const uint8_t *p, size_t len, uint32_t k, int size, uint32_t *v);

@ @c
static bool bpf_load(const uint8_t *p, size_t len, uint32_t k, int size, uint32_t *v)
{
  if (k >= (uint32_t) SKF_AD_OFF) { *v = 0; return true; }
  if ((size_t) k + (size_t) size > len) return false;
  *v = size == 4 ? (uint32_t) p[k] << 24 | (uint32_t) p[k + 1] << 16 |
      (uint32_t) p[k + 2] << 8 | p[k + 3] :
    size == 2 ? (uint32_t) p[k] << 8 | p[k + 1] : p[k];
  return true;
}

static int sk_filter_run(const sr_sock *s, const uint8_t *p, size_t len)
{
  if (s->filter_kind != SR_FILTER_CLASSIC) return -1;
  return bpf_classic_run(s->filter, s->filter_len, p, len);
}

@ The classic machine itself, over the bytes |p| of length |len|: the
program's result, at most |INT_MAX|.  A socket's filter sees the UDP
header and data; a group program of \.{SO\_REUSEPORT} sees the data only
(the chapter on binding).

@<Private function prototypes@>=
static int bpf_classic_run(const struct sock_filter *prog, int n, const uint8_t *p,
  size_t len);

@ @c
static int bpf_classic_run(const struct sock_filter *prog, int n, const uint8_t *p,
  size_t len)
{
  uint32_t A = 0, X = 0, M[BPF_MEMWORDS], v;
  memset(M, 0, sizeof M);
  for (int pc = 0; pc < n; pc++) {
    const struct sock_filter *f = &prog[pc];
    uint32_t k = f->k;
    switch (f->code) {
    @<Cases of the classic machine@>@;
    default: return 0;
    }
  }
  return 0;
}

@ The instructions, in the classes of \.{linux/filter.h}.  A division by a
zero register ends the program with 0.

@<Cases of the classic machine@>=
case BPF_RET | BPF_K: return (int) (k > INT_MAX ? INT_MAX : k);
case BPF_RET | BPF_A: return (int) (A > INT_MAX ? INT_MAX : A);
case BPF_LD | BPF_W | BPF_ABS: if (!bpf_load(p, len, k, 4, &A)) return 0; break;
case BPF_LD | BPF_H | BPF_ABS: if (!bpf_load(p, len, k, 2, &A)) return 0; break;
case BPF_LD | BPF_B | BPF_ABS: if (!bpf_load(p, len, k, 1, &A)) return 0; break;
case BPF_LD | BPF_W | BPF_IND: if (!bpf_load(p, len, X + k, 4, &A)) return 0; break;
case BPF_LD | BPF_H | BPF_IND: if (!bpf_load(p, len, X + k, 2, &A)) return 0; break;
case BPF_LD | BPF_B | BPF_IND: if (!bpf_load(p, len, X + k, 1, &A)) return 0; break;
case BPF_LD | BPF_W | BPF_LEN: A = (uint32_t) len; break;
case BPF_LDX | BPF_W | BPF_LEN: X = (uint32_t) len; break;
case BPF_LD | BPF_IMM: A = k; break;
case BPF_LDX | BPF_IMM: X = k; break;
case BPF_LD | BPF_MEM: A = M[k]; break;
case BPF_LDX | BPF_MEM: X = M[k]; break;
case BPF_LDX | BPF_B | BPF_MSH:
  if (!bpf_load(p, len, k, 1, &v)) return 0;
  X = (v & 0xf) << 2;
  break;
case BPF_ST: M[k] = A; break;
case BPF_STX: M[k] = X; break;
case BPF_MISC | BPF_TAX: X = A; break;
case BPF_MISC | BPF_TXA: A = X; break;
case BPF_ALU | BPF_ADD | BPF_K: A += k; break;
case BPF_ALU | BPF_ADD | BPF_X: A += X; break;
case BPF_ALU | BPF_SUB | BPF_K: A -= k; break;
case BPF_ALU | BPF_SUB | BPF_X: A -= X; break;
case BPF_ALU | BPF_MUL | BPF_K: A *= k; break;
case BPF_ALU | BPF_MUL | BPF_X: A *= X; break;
case BPF_ALU | BPF_DIV | BPF_K: A /= k; break;
case BPF_ALU | BPF_DIV | BPF_X: if (!X) return 0; A /= X; break;
case BPF_ALU | BPF_MOD | BPF_K: A %= k; break;
case BPF_ALU | BPF_MOD | BPF_X: if (!X) return 0; A %= X; break;
case BPF_ALU | BPF_AND | BPF_K: A &= k; break;
case BPF_ALU | BPF_AND | BPF_X: A &= X; break;
case BPF_ALU | BPF_OR | BPF_K: A |= k; break;
case BPF_ALU | BPF_OR | BPF_X: A |= X; break;
case BPF_ALU | BPF_XOR | BPF_K: A ^= k; break;
case BPF_ALU | BPF_XOR | BPF_X: A ^= X; break;
case BPF_ALU | BPF_LSH | BPF_K: A <<= k; break;
case BPF_ALU | BPF_LSH | BPF_X: A = X < 32 ? A << X : 0; break;
case BPF_ALU | BPF_RSH | BPF_K: A >>= k; break;
case BPF_ALU | BPF_RSH | BPF_X: A = X < 32 ? A >> X : 0; break;
case BPF_ALU | BPF_NEG: A = (uint32_t) -A; break;
case BPF_JMP | BPF_JA: pc += (int) k; break;
case BPF_JMP | BPF_JEQ | BPF_K: pc += A == k ? f->jt : f->jf; break;
case BPF_JMP | BPF_JEQ | BPF_X: pc += A == X ? f->jt : f->jf; break;
case BPF_JMP | BPF_JGT | BPF_K: pc += A > k ? f->jt : f->jf; break;
case BPF_JMP | BPF_JGT | BPF_X: pc += A > X ? f->jt : f->jf; break;
case BPF_JMP | BPF_JGE | BPF_K: pc += A >= k ? f->jt : f->jf; break;
case BPF_JMP | BPF_JGE | BPF_X: pc += A >= X ? f->jt : f->jf; break;
case BPF_JMP | BPF_JSET | BPF_K: pc += (A & k) ? f->jt : f->jf; break;
case BPF_JMP | BPF_JSET | BPF_X: pc += (A & X) ? f->jt : f->jf; break;


@*1 Errors from the network.
\clause{ip.7:IP_RECVERR}
\clause{ip.7:IP_RECVERR:23}
\clause{ip.7:IP_MTU_DISCOVER:11}
\clause{ip.7:IP_MTU_DISCOVER:12}
@^ip.7:IP\_RECVERR@>
When a datagram a socket sent provokes an ICMP error somewhere, the error
comes back quoting the datagram's IP header and the first bytes behind it;
the IP layer passes it to |udp_err| with the quoted bytes and the ICMP
message as it arrived.  The quoted ports and addresses, read from the
sender's side, find the socket that sent it.  Then, as |__udp4_lib_err|
decides:
\smallskip
\item{1.} ``Fragmentation needed'' teaches the host the path MTU; it is an
error (|EMSGSIZE|) only for a socket whose \.{IP\_MTU\_DISCOVER} mode is not
\.{DONT}.  Source quench and redirects are not errors.
\item{2.} A parameter problem is |EPROTO|; ``time exceeded'' and unknown
types |EHOSTUNREACH|; a destination unreachable has one error number per
code (the kernel's |icmp_err_convert|), some of them ``hard''.
\item{3.} A socket without \.{IP\_RECVERR} hears only of hard errors, and
only when connected; a socket with it hears of every error, connected or
not, and also finds an entry on its error queue.
\item{4.} Whoever hears of the error finds it pending (\.{SO\_ERROR}, and
the next send or receive fails with it) and is told: waiters wake, and the
owner of an asynchronous socket gets its signal.
\smallskip

\kernel{a UDP socket connected to a closed port of \.{127.0.0.1}: the
first |send| succeeds, \.{SO\_ERROR} then reads 111 (|ECONNREFUSED|) once;
after another |send| the next |send|, |recv|, or |recv| with |MSG_PEEK|
fails with |ECONNREFUSED| and clears it, while |FIONREAD| and |recv| with
|MSG_ERRQUEUE| leave it.  An unconnected socket sending to a closed port
sees nothing; with \.{IP\_RECVERR} its \.{SO\_ERROR} reads 111.
Two ``fragmentation needed'' for \.{10.0.0.2}, naming 1400 then 1300, that
a raw socket of the host sends to itself, quoting a datagram from
\.{10.0.0.1:5000} to \.{10.0.0.2:6000}: the unconnected \.{IP\_RECVERR}
socket bound to \.{10.0.0.1:5000} (which need not have sent it) finds \.{SO\_ERROR}
|EMSGSIZE| and two entries on its error queue, each |EMSGSIZE| from the
ICMP origin, type 3, code 4, |ee_info| 1400 and 1300, offender
\.{10.0.0.1}, named \.{10.0.0.2:6000}; a later send of 1273 bytes fails
with a local |EMSGSIZE| entry, |ee_info| 1300; a connected socket without
\.{IP\_RECVERR} finds \.{SO\_ERROR} |EMSGSIZE| after each update, one in
\.{IP\_PMTUDISC\_DONT} mode nothing (scripts \.{pmtu/errqueue.sr},
\.{pmtu/changes.sr}).}
@^ICMP errors@>
@^ECONNREFUSED@>

@<Private function prototypes@>=
static void udp_err(const struct sr_rx *icmp, int type, int code, uint32_t info,
  const uint8_t *orig_ip, size_t len);

@ The table of |icmp_err_convert|: the error number of each code of
``destination unreachable'', and whether it is hard.

@c
static const struct { int err; bool hard; } icmp_unreach_err[NR_ICMP_UNREACH + 1] = {
  {ENETUNREACH, false}, {EHOSTUNREACH, false}, {ENOPROTOOPT, true},
  {ECONNREFUSED, true}, {EMSGSIZE, false}, {EOPNOTSUPP, false},
  {ENETUNREACH, true}, {EHOSTDOWN, true}, {ENONET, true}, {ENETUNREACH, true},
  {EHOSTUNREACH, true}, {ENETUNREACH, false}, {EHOSTUNREACH, false},
  {EHOSTUNREACH, true}, {EHOSTUNREACH, true}, {EHOSTUNREACH, true}
};

static void udp_err(const struct sr_rx *icmp, int type, int code, uint32_t info,
  const uint8_t *orig_ip, size_t len)
{
  sr_host *h = icmp->host;
  size_t ihl = (size_t) (orig_ip[0] & 0xf) * 4;
  uint32_t saddr = get_addr(orig_ip + 12), daddr = get_addr(orig_ip + 16);
  uint16_t sport, dport;
  int err, proto = orig_ip[9];
  bool hard = false;
  sr_sock *s;
  memcpy(&sport, orig_ip + ihl, 2);
  memcpy(&dport, orig_ip + ihl + 2, 2);
  s = udp_table_lookup(h, proto, daddr, dport, saddr, sport, icmp->dev_ifindex, NULL, 0);
  if (!s) return;
  switch (type) {
  case ICMP_SOURCE_QUENCH: case ICMP_REDIRECT: return;
  case ICMP_PARAMETERPROB: err = EPROTO; hard = true; break;
  case ICMP_DEST_UNREACH:
    if (code == ICMP_FRAG_NEEDED) {
      ip_rt_update_pmtu(h, daddr, info);
      if (s->pmtudisc == IP_PMTUDISC_DONT) return;
      err = EMSGSIZE;
      hard = true;
      break;
    }
    err = EHOSTUNREACH;
    if (code <= NR_ICMP_UNREACH) {
      err = icmp_unreach_err[code].err;
      hard = icmp_unreach_err[code].hard;
    }
    break;
  default: err = EHOSTUNREACH; break;
  }
  if (!(s->ipflags & IPF_RECVERR)) {
    if (!hard || !s->connected) return;
  } else ip_icmp_error(s, icmp, err, type, code, info, dport, daddr,
    orig_ip + ihl + SR_UDPHDR_LEN, len - ihl - SR_UDPHDR_LEN);
  s->err = err;
  sock_error_report(s);
}

@ \clause{ip.7:IP_RECVERR:2}
\clause{ip.7:IP_RECVERR:13}
\clause{ip.7:IP_RECVERR:15}
@^ip.7:IP\_RECVERR@>
An entry of the error queue, |ip_icmp_error|.  It holds the data of the
datagram that provoked the error --- as much of it as the ICMP message
quoted, without the IP and UDP headers --- and describes the error with a
|sock_extended_err|: the error number, the origin \.{SO\_EE\_ORIGIN\_ICMP},
the ICMP type and code, and |ee_info| (the MTU of ``fragmentation
needed'', the pointer of a parameter problem).  The {\it offender\/} is the
host that sent the ICMP message; the entry's name is the destination and
port the datagram was sent to.  The entry is a buffer of the host like any
other and is charged to the receive buffer with the ICMP message's true
size; when the buffer is full ($|rmem|+|truesize|\ge|rcvbuf|$) the entry is
lost, though the error is still pending.

\kernel{an ICMP error quotes 520 bytes of a datagram's data at most (576
bytes of ICMP message); its entry costs 832 bytes for up to 169 quoted
bytes and 1280 beyond; with \.{SO\_RCVBUF} 2304 a socket keeps two
entries.}

@<Fields of an error-queue entry@>=
bool is_err; /* an entry of the error queue */
struct sock_extended_err ee;
uint32_t offender; /* the ICMP message's source; 0: none */

@ @<Private function prototypes@>=
static void ip_icmp_error(sr_sock *s, const struct sr_rx *icmp, int err, int type,
  int code, uint32_t info, uint16_t port, uint32_t daddr, const uint8_t *payload,
  size_t len);
static void sock_queue_err(sr_sock *s, sr_dgram *d);

@ @c
static void ip_icmp_error(sr_sock *s, const struct sr_rx *icmp, int err, int type,
  int code, uint32_t info, uint16_t port, uint32_t daddr, const uint8_t *payload,
  size_t len)
{
  sr_dgram *d = dgram_new(len);
  if (len) memcpy(d->data, payload, len);
  d->is_err = true;
  d->ee.ee_errno = (uint32_t) err;
  d->ee.ee_origin = SO_EE_ORIGIN_ICMP;
  d->ee.ee_type = (uint8_t) type;
  d->ee.ee_code = (uint8_t) code;
  d->ee.ee_info = info;
  d->offender = icmp->saddr;
  dgram_take_ip(d, icmp);
  d->saddr = daddr; /* the name reported: where the datagram went */
  d->dport = port;
  d->ifindex = icmp->dev_ifindex;
  d->truesize = skb_truesize(SR_IPHDR_LEN + icmp->optlen + (int) icmp->l4len, 0);
  sock_queue_err(s, d);
}

@ Queueing an entry, |sock_queue_err_skb|, and telling the socket.

@c
static void sock_queue_err(sr_sock *s, sr_dgram *d)
{
  if ((unsigned) s->rmem + (unsigned) d->truesize >= (unsigned) s->rcvbuf) {
    free(d);
    return;
  }
  d->next = NULL;
  if (s->eq_tail) s->eq_tail->next = d;
  else s->eq_head = d;
  s->eq_tail = d;
  s->rmem += d->truesize;
  sock_error_report(s);
}

@ \clause{ip.7:IP_RECVERR:16}
Local errors, |ip_local_error|.  When a send fails because the datagram
exceeds the MTU it may not exceed, a socket with \.{IP\_RECVERR} also
finds the error on its queue: origin \.{SO\_EE\_ORIGIN\_LOCAL}, type and
code 0, |ee_info| the MTU less the options; no data, no offender; the
name is the destination, with the peer's port on a connected socket and 0
otherwise.

\kernel{\.{IP\_PMTUDISC\_DO} on a veth of MTU 1500, 1473 bytes to
\.{10.9.0.2}: |EMSGSIZE|, and the error queue holds errno 90, origin 1,
info 1500, name \.{10.9.0.2} port 0 (port 5100 once connected to it);
\.{SO\_ERROR} stays 0.  65508 bytes to \.{127.0.0.1}: info 65535.}

@<Private function prototypes@>=
static void ip_local_error(sr_sock *s, int err, uint32_t daddr, uint16_t port,
  uint32_t info);

@ @c
static void ip_local_error(sr_sock *s, int err, uint32_t daddr, uint16_t port,
  uint32_t info)
{
  sr_dgram *d;
  if (!(s->ipflags & IPF_RECVERR)) return;
  d = dgram_new(0);
  d->is_err = true;
  d->ee.ee_errno = (uint32_t) err;
  d->ee.ee_origin = SO_EE_ORIGIN_LOCAL;
  d->ee.ee_info = info;
  d->saddr = daddr;
  d->dport = port;
  d->stamped = W->netstamp_sockets > 0;
  d->tstamp_ns = W->now_ns;
  d->truesize = skb_truesize(SR_IPHDR_LEN, 0);
  sock_queue_err(s, d);
}

@ Taking the head of the error queue, |sock_dequeue_err_skb|.  What is
pending follows the queue: after an entry from ICMP leaves, the error
pending is that of the next entry if it too is from ICMP, and none
otherwise; and if another entry waits, the socket is told again.

\kernel{after two errors, reading one from the error queue leaves
\.{SO\_ERROR} 111; reading the last leaves 0.}

@<Private function prototypes@>=
static sr_dgram *sock_dequeue_err(sr_sock *s);
static void sock_purge_err(sr_sock *s);

@ @c
static sr_dgram *sock_dequeue_err(sr_sock *s)
{
  sr_dgram *d = s->eq_head, *next;
  bool icmp_next = false;
  if (!d) return NULL;
  next = s->eq_head = d->next;
  if (!next) s->eq_tail = NULL;
  if (next && next->ee.ee_origin == SO_EE_ORIGIN_ICMP) {
    icmp_next = true;
    s->err = (int) next->ee.ee_errno;
  }
  if (d->ee.ee_origin == SO_EE_ORIGIN_ICMP && !icmp_next) s->err = 0;
  s->rmem -= d->truesize;
  if (next) sock_error_report(s);
  return d;
}

static void sock_purge_err(sr_sock *s)
{
  while (s->eq_head) {
    sr_dgram *d = s->eq_head;
    s->eq_head = d->next;
    s->rmem -= d->truesize;
    free(d);
  }
  s->eq_tail = NULL;
}

@ Turning \.{IP\_RECVERR} off empties the error queue of its errors,
|skb_errqueue_purge|: the send time stamps of \.{SO\_TIMESTAMPING} stay.

\kernel{an error queued, then \.{IP\_RECVERR} set to 0: |recv| with
|MSG_ERRQUEUE| fails with |EAGAIN|.  An error from ICMP, a local
|EMSGSIZE| and a send stamp queued, then \.{IP\_RECVERR} set to 0: the
stamp is read, then |EAGAIN| (script \.{errq/timestamping-tx.sr}).}

@<Private function prototypes@>=
static int set_recverr(sr_sock *s, sr_optreq *rq);

@ @c
static int set_recverr(sr_sock *s, sr_optreq *rq)
{
  if (!rq->val) {
    sr_dgram **at = &s->eq_head;
    s->eq_tail = NULL;
    while (*at) {
      sr_dgram *d = *at;
      if (d->ee.ee_origin == SO_EE_ORIGIN_TIMESTAMPING) {
        s->eq_tail = d;
        at = &d->next;
        continue;
      }
      *at = d->next;
      s->rmem -= d->truesize;
      free(d);
    }
  }
  return set_flag(s, rq);
}

@*1 Sending.
A send on a UDP socket, |inet_sendmsg| and |udp_sendmsg|, checks its
arguments, reads its control messages, chooses a route, builds the
datagram and hands it to |ip_output|.  The order of the checks decides which
error a call with several faults gets, so it is the kernel's:
\smallskip
\item{1.} a socket without a port gets one (|EAGAIN| if none is free) ---
before anything else is looked at, so even a send that then fails leaves the
socket bound;
\item{2.} more than 65535 bytes: |EMSGSIZE|; |MSG_OOB|: |EOPNOTSUPP|;
\item{3.} the address: shorter than a |sockaddr_in|, |EINVAL|; a family
other than \.{AF\_INET} or \.{AF\_UNSPEC}, |EAFNOSUPPORT|; port 0, |EINVAL|;
no address on a socket that is not connected, |EDESTADDRREQ|;
\item{4.} the control messages (below);
\item{5.} the route: the errors of |ip_route_output|; a broadcast route on a
socket without \.{SO\_BROADCAST}, |EACCES|;
\item{6.} the size against the MTU the socket may not exceed: |EMSGSIZE|;
\item{7.} the buffers: a pending error is returned (and cleared); a socket
shut down for sending, |EPIPE|; then the send buffer (|EAGAIN|, |ENOBUFS|);
\item{8.} the data is copied: a bad buffer is |EFAULT| and nothing is sent.
\smallskip\noindent
A datagram with a source route in its options is routed to the route's
first hop.  A datagram to the wildcard address goes to the host itself,
from and to the source routing chose.  A zero-length datagram is a
datagram.

\kernel{on \.{lo}: 65507 bytes pass and 65508, 65535, 65536 and 70000 are
|EMSGSIZE|, 65503 with four bytes of options; a 15-byte address is
|EINVAL|, a 100-byte one fine; \.{AF\_UNSPEC} is taken as \.{AF\_INET},
\.{AF\_INET6} and 99 are |EAFNOSUPPORT|; port 0 is |EINVAL|; address
\.{0.0.0.0} reaches the host itself; \.{127.255.255.255} without
\.{SO\_BROADCAST} is |EACCES|; |send| on an unconnected socket is
|EDESTADDRREQ| (with |MSG_OOB| |EOPNOTSUPP|) and leaves it bound to an
ephemeral port, as do the |EINVAL| and |EMSGSIZE| above; a connected socket
may still |sendto| another address; a null buffer with a nonzero length is
|EFAULT| and nothing arrives; after \.{SHUT\_WR}, |EPIPE|.}
@^sending@>

@<Private function prototypes@>=
static ssize_t udp_sendmsg(sr_sock *s, const struct msghdr *msg, size_t len, int flags);

@ |MSG_PROBE| is the kernel's name; the C library calls the same bit
|MSG_PROXY|.  A send with it routes the datagram and sends nothing.

@<Constants of the model@>=
#define SR_MSG_PROBE 0x10

@ What one datagram is sent with: the socket's settings, overridden by the
control messages of the call (|ipcm_cookie| in the kernel).

@<Type definitions@>=
struct sr_ipcm {
  int oif; /* output interface; 0: any */
  uint32_t addr; /* source address asked for (|IP_PKTINFO|); 0: any */
  int ttl, tos; /* $-1$: the socket's */
  int priority;
  uint32_t mark;
  int optlen;
  bool has_opt;
  int gso_size; /* \.{UDP\_SEGMENT} */
  uint32_t tsflags; /* \.{SO\_TIMESTAMPING} flags for this datagram */
  uint32_t ts_opt_id; /* its number, when |has_ts_opt_id| */
  bool has_ts_opt_id;
  uint8_t opt[SR_MAX_IPOPTLEN]; /* options given by \.{IP\_RETOPTS}; last, see below */
};

@ @c
static ssize_t udp_sendmsg(sr_sock *s, const struct msghdr *msg, size_t len, int flags)
{
  const struct sockaddr_in *usin = msg->msg_name;
  uint32_t daddr, faddr, saddr;
  uint16_t dport;
  bool connected = false, cached;
  struct sr_ipcm ipc;
  struct sr_rtres rt;
  const uint8_t *opt;
  int optlen, err, mtu;
  if (len > 0xFFFF) return -EMSGSIZE;
  if (flags & MSG_OOB) return -EOPNOTSUPP;
  if (s->udp_cork) flags |= MSG_MORE; /* \.{UDP\_CORK}: chapter {\it Options beyond the pages\/} */
  if (s->cork) return udp_cork_append(s, msg, len, flags);
  @<Find the destination of the datagram, or fail@>@;
  @<Start |ipc| from the socket and read the control messages@>@;
  opt = ipc.has_opt ? ipc.opt : s->opt;
  optlen = ipc.has_opt ? ipc.optlen : s->optlen;
  saddr = ipc.addr;
  faddr = daddr;
  if (optlen && ip_options_first_hop(opt, optlen, &faddr)) {
    if (!daddr) return -EINVAL;
    connected = false;
  }
  @<Route the datagram to |faddr|, or fail@>@;
  if (!daddr) daddr = rt.saddr;
  @<Send by the socket's flow, or make it this datagram's@>@;
  if ((flags & MSG_CONFIRM) && (flags & SR_MSG_PROBE) && len == 0) return 0;
  if (flags & SR_MSG_PROBE) return (ssize_t) len;
  @<Refuse a datagram longer than the socket's MTU@>@;
  if (flags & MSG_MORE)
    return udp_cork_start(s, msg, len, flags, &ipc, &rt, opt, optlen, mtu);
  if (ipc.gso_size) return udp_send_segments(s, msg, len, flags, &ipc, &rt, daddr, dport,
    opt, optlen, mtu);
  err = udp_send_one(s, msg, 0, len, flags, &ipc, &rt, daddr, dport, opt, optlen, mtu,
    true);
  return err < 0 ? err : (ssize_t) len;
}

@ @<Find the destination of the datagram, or fail@>=
if (usin) {
  if (msg->msg_namelen < (socklen_t) sizeof *usin) return -EINVAL;
  if (usin->sin_family != AF_INET && usin->sin_family != AF_UNSPEC)
    return -EAFNOSUPPORT;
  daddr = usin->sin_addr.s_addr;
  dport = usin->sin_port;
  if (dport == 0) return -EINVAL;
} else {
  if (!s->connected) return -EDESTADDRREQ;
  daddr = s->inet_daddr;
  dport = s->inet_dport;
  connected = true;
}

@ The socket's own settings, then the control messages; a call with
control messages does not use the connected socket's cached route, and
neither does one with a source route or a link-scope destination.  The
source starts as the socket's own address (|ipcm_init_sk|): a socket
bound to an address sends from it wherever the route leaves, and only
\.{IP\_PKTINFO} on the call replaces it.

\kernel{a socket bound to \.{127.0.0.1} sending to \.{10.0.0.1} (the
address of \.{eth0}, reached over \.{lo}): the receiver's |recvfrom|
names \.{127.0.0.1} (script \.{udp/sendto-recvfrom.sr}).}

@<Start |ipc| from the socket and read the control messages@>=
ipcm_init_sk(s, &ipc);
if (msg->msg_controllen) {
  err = udp_cmsg_send(s, msg, &ipc);
  if (err < 0) return err;
  connected = false;
}

@ The option bytes of |ipc|, last in the structure, are not cleared: they
are read only as far as |optlen| says, and clearing them cost a string
instruction on every send.

@<Private function prototypes@>=
static void ipcm_init_sk(const sr_sock *s, struct sr_ipcm *ipc);

@ @c
static void ipcm_init_sk(const sr_sock *s, struct sr_ipcm *ipc)
{
  memset(ipc, 0, offsetof(struct sr_ipcm, opt));
  ipc->addr = s->inet_saddr;
  ipc->oif = s->bound_dev_if;
  ipc->ttl = ipc->tos = -1;
  ipc->priority = s->priority;
  ipc->mark = s->mark;
  ipc->tsflags = s->tsflags;
  ipc->gso_size = s->udp_gso_size; /* \.{UDP\_SEGMENT} of \.{SOL\_UDP} */
}

@ \clause{socket.7:SO_BROADCAST:2}
@^socket.7:SO\_BROADCAST@>
The route.  The flow asks for link scope when the socket has
\.{SO\_DONTROUTE} or the call |MSG_DONTROUTE|.  A multicast destination
leaves by \.{IP\_MULTICAST\_IF}'s interface and source unless the call
named them; a unicast one by \.{IP\_UNICAST\_IF}'s interface.  A
connected socket's route is cached for \.{IP\_MTU}.  A broadcast route
needs \.{SO\_BROADCAST} (|EACCES|), but the kernel asks only when it
looks a route up: a connected socket sending on the route it cached does
not check again.  A send with |MSG_DONTROUTE|, or from a socket with
\.{SO\_DONTROUTE}, looks its route up.

\kernel{a socket connected to \.{10.0.0.255} with \.{SO\_BROADCAST} set
still sends after clearing it; |sendto| the same address is |EACCES|
(script \.{udp/broadcast.sr}), and so is |send| with |MSG_DONTROUTE| or
after setting \.{SO\_DONTROUTE} (\.{fuzz/udp-flow.sr}).}

@<Route the datagram to |faddr|, or fail@>=
if (ipv4_is_multicast(daddr) || (flags & MSG_DONTROUTE) || (s->flags & SK_DONTROUTE))
  connected = false;
cached = connected && s->dst_cached;
err = ip_route_dgram(s, daddr, faddr, saddr, &ipc, flags, false, cached, &rt);
if (err) return err;
if (connected) sk_dst_set(s, &rt);

@ The flow (chapter {\it Binding\/}).  A send on the cached route is
built from the socket's flow: its destination, port and source, which
are the peer's unless a corked datagram or a refused |connect| wrote
another.  The first part of a corked datagram makes the flow its own,
before its size, the send buffer or |MSG_PROBE| are looked at.

@<Send by the socket's flow, or make it this datagram's@>=
if (cached) rt.saddr = s->fl_saddr;
if (flags & MSG_MORE) {
  s->fl_daddr = daddr;
  s->fl_dport = dport;
  s->fl_saddr = rt.saddr;
} else if (cached) {
  daddr = s->fl_daddr;
  dport = s->fl_dport;
}

@ The same for every datagram socket, |anysrc| saying whether the source may
be an address the host does not have (a raw socket writing its own headers),
|cached| whether the socket sends on the route it cached (UDP only: raw and
ping sockets look their route up every time).

@<Private function prototypes@>=
static int ip_route_dgram(sr_sock *s, uint32_t daddr, uint32_t faddr, uint32_t saddr,
  struct sr_ipcm *ipc, int flags, bool anysrc, bool cached, struct sr_rtres *rt);

@ @c
static inline int ip_route_dgram(sr_sock *s, uint32_t daddr, uint32_t faddr, uint32_t saddr,
  struct sr_ipcm *ipc, int flags, bool anysrc, bool cached, struct sr_rtres *rt)
{
  struct sr_flow fl;
  int err;
  if (ipv4_is_multicast(daddr)) {
    if (!ipc->oif) ipc->oif = s->mc_index;
    if (!saddr) saddr = s->mc_addr;
  } else if (!ipc->oif) ipc->oif = s->uc_index;
  sk_flow(s, faddr, saddr, ipc->oif, &fl);
  if (anysrc) fl.freebind = true;
  if (flags & MSG_DONTROUTE) fl.dontroute = true;
  if ((err = sk_route_output(s, fl, rt)) < 0) return err;
  if (rt->type == SR_RT_BROADCAST && !(s->flags & SK_BROADCAST) && !cached) return -EACCES;
  return 0;
}

@ \clause{ip.7:IP_MTU_DISCOVER:5}
@^ip.7:IP\_MTU\_DISCOVER@>
The size check of |__ip_append_data|.  A socket whose mode lets the
kernel fragment (\.{DONT}, \.{WANT}, \.{OMIT}) may send up to the IP limit
of 65535 bytes; the others no more than the MTU --- the route's for
\.{WANT} and \.{DO}, the interface's for the modes that ignore what was
learnt.  A longer datagram is |EMSGSIZE|, and a socket with
\.{IP\_RECVERR} also finds a local error naming the MTU.  The
interface is looked at only by the modes that use its MTU (saves 10
instructions a send).

\kernel{on a veth of MTU 1500 with \.{IP\_PMTUDISC\_DO}, 1473 bytes of
data are |EMSGSIZE|.}

@<Refuse a datagram longer than the socket's MTU@>=
err = ip_append_size_check(s, &rt, daddr, optlen, len + SR_UDPHDR_LEN, ipc.gso_size != 0,
  &mtu);
if (err) return err;

@ The rule itself, for a datagram of |l4len| bytes behind an IP header with
|optlen| bytes of options; a send that asked for segmentation is measured
against the IP limit.  |*mtu| receives the MTU the datagram is cut at.
Raw and ping sockets apply it too.

@<Private function prototypes@>=
static int ip_append_size_check(sr_sock *s, const struct sr_rtres *rt, uint32_t daddr,
  int optlen, size_t l4len, bool gso, int *mtu);

@ @c
static int ip_append_size_check(sr_sock *s, const struct sr_rtres *rt, uint32_t daddr,
  int optlen, size_t l4len, bool gso, int *mtu)
{
  bool ignore_df = ip_sk_ignore_df(s);
  int maxsize;
  *mtu = rt->mtu;
  if (s->pmtudisc >= IP_PMTUDISC_PROBE) {
    const sr_iface *dev = iface_by_index(s->host, rt->ifindex);
    *mtu = dev->mtu > SR_IP_MAX_MTU ? SR_IP_MAX_MTU : dev->mtu;
  }
  maxsize = ignore_df || gso ? SR_IP_MAXPACKET : *mtu;
  if (l4len > (size_t) (maxsize - SR_IPHDR_LEN - optlen)) {
    ip_local_error(s, EMSGSIZE, daddr, s->inet_dport,
      (uint32_t) ((gso ? SR_IP_MAXPACKET : *mtu) - optlen));
    return -EMSGSIZE;
  }
  return 0;
}

@ \clause{socket.7:SO_SNDBUF}
@^socket.7:SO\_SNDBUF@>
The send buffer.  A datagram is built in one buffer per fragment, each
charged to the socket's |wmem| with its true size.  The first may be taken
only while |wmem| is below \.{SO\_SNDBUF} --- otherwise the call waits, or
fails with |EAGAIN| if it may not wait --- and the check is where a
pending error and a shut-down socket are found.  Each further fragment
only needs |wmem| and the fragments before it to stay within twice
\.{SO\_SNDBUF}; when they do not, the datagram is dropped and the call
fails with |ENOBUFS|.  A buffer is released when the host lets go of it;
in the model every datagram leaves the host at once (the kernel too
releases a buffer at the loopback device, and at the border of a namespace
on a veth pair), so |wmem| only measures the datagram being built.
@^model limits@>

\kernel{a socket with \.{SO\_SNDBUF} 4608 sending to an address on its
veth's LAN that no host has (its datagrams wait for ARP): two 1000-byte
datagrams pass (\.{SIOCOUTQ} 2304, then 4608), the third is |EAGAIN| and
with \.{SO\_SNDTIMEO} of 300~ms |EAGAIN| after the wait; a 30000-byte
datagram (21 fragments) is |ENOBUFS|.}

@<Private function prototypes@>=
static int udp_send_one(sr_sock *s, const struct msghdr *msg, size_t from, size_t len,
  int flags, const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr,
  uint16_t dport, const uint8_t *opt, int optlen, int mtu, bool last);
static sr_pkt *udp_pkt_new(int optlen, size_t l4len, const void *src);
static int udp_send_built(sr_sock *s, sr_pkt *pkt, const struct sr_ipcm *ipc,
  const struct sr_rtres *rt, uint32_t daddr, uint16_t dport, const uint8_t *opt, int optlen,
  bool partial);
static int sock_alloc_send(sr_sock *s, int flags, int truesize);
static int ip_frags_charge(sr_sock *s, int flags, int hlen, size_t l4len, int mtu,
  int thlen, int *total);

@ The charge of a datagram's fragments: the first through
|sock_alloc_send|, the others by the doubled limit.  |*total| receives the
sum, to be released when the datagram is gone.  This is for a datagram
with a transport header of |thlen| bytes (UDP's, a ping socket's ICMP
header); one without (|thlen| 0: a raw socket's) has every buffer taken by
the doubled limit, the first included, so that nothing waits and neither a
pending error nor a shutdown is looked at.  The kernel's count of the
send buffer starts at 1 (the socket holds a reference of its own), so a
fragment is refused as soon as the count reaches twice \.{SO\_SNDBUF}.
A datagram that fits the MTU has its one buffer charged at once: the loop
over further fragments would find none; and when there is no error, no
shutdown and room in the buffer, the charge is made here, as
|sock_alloc_send| would make it at once (with the rounding above, saves 57
of 1,250 instructions of an 8\,KiB send, 39 of a 64-byte one).

\kernel{a raw socket with \.{SO\_SNDBUF} 4608 (written 0) sends 4440 and
5920 bytes to an unresolved neighbour on a veth of MTU 1500 (three and four
fragments, \.{SIOCOUTQ} 6912 and 9216); 7400 bytes (five fragments) and more
are |ENOBUFS|.}

@c
static int ip_frags_charge(sr_sock *s, int flags, int hlen, size_t l4len, int mtu,
  int thlen, int *total)
{
  int len = (int) l4len, per = (mtu - hlen) & ~7, left = len, delta = 0, err;
  if (thlen && hlen + len <= mtu) {
    *total = skb_truesize(hlen + len, len - thlen);
    if (!s->err && !(s->shutdown & SR_SEND_SHUTDOWN) && s->wmem < s->sndbuf) {
      s->wmem += *total;
      return 0;
    }
    return sock_alloc_send(s, flags, *total);
  }
  *total = 0;
  if (thlen) {
    int first = hlen + len <= mtu ? len : per;
    *total = skb_truesize(hlen + first, first - thlen);
    if ((err = sock_alloc_send(s, flags, *total)) != 0) return err;
    left -= first;
  }
  while (left > 0) {
    int frag = left > mtu - hlen ? per : left;
    int ts = skb_truesize(hlen + frag, frag);
    if ((long long) s->wmem + delta >= 2LL * s->sndbuf) {
      s->wmem -= *total;
      return -ENOBUFS;
    }
    delta += ts;
    left -= frag;
  }
  s->wmem += delta;
  *total += delta;
  return 0;
}

@ |sock_alloc_send_pskb|: the checks that come with the first buffer, and
the wait for room in the send buffer, \.{SO\_SNDTIMEO} long at most.
The deadline counts from the call's start; it is worked out only when the
buffer is full, as the clock has not moved by then.

@c
static int sock_alloc_send(sr_sock *s, int flags, int truesize)
{
  uint64_t deadline = 0;
  bool timed = false;
  for (;;) {
    int err;
    if (s->err) { err = s->err; s->err = 0; return -err; }
    if (s->shutdown & SR_SEND_SHUTDOWN) return -EPIPE;
    if (s->wmem < s->sndbuf) break;
    if (!timed) deadline = sock_deadline((flags & MSG_DONTWAIT) ? 0 : s->sndtimeo);
    timed = true;
    s->nospace = true;
    if (deadline <= W->now_ns) return -EAGAIN;
    s->nospace = false;
    err = sock_wait(s, sock_may_send, NULL, deadline);
    if (err) return err;
  }
  s->wmem += truesize;
  return 0;
}

@ One datagram: its buffers are charged, the data is copied from the
caller (|EFAULT| for a null buffer) into the packet it will travel in,
the UDP header and checksum are put in front, and the IP layer sends it
with what |ipc| and the socket say.  A datagram that fits the MTU leaves
its checksum partial, as Linux leaves it for \.{lo} and veth, which
compute none; a longer one is cut into fragments and has it computed in
full (|__ip_append_data| asks the device only for a datagram that fits).
|last| says that the datagram is all its call sends (the loopback
device's short cut, in the chapter on links, depends on it).  The
charge of a datagram that fits is the true size of its one buffer, which
|ip_output_pkt| would work out again: it is handed over in the packet
(saves 15 instructions of an 8\,KiB send, 7 of a 64-byte one).

A datagram passes once through each function of this path, from the
route (|ip_route_dgram|) through |udp_send_one| to |udp_send_built|, and
each is called from a few places only; they are declared |inline|, so
that the compiler builds the path into |udp_sendmsg| and does not save
registers and pass a dozen arguments at every step (saves 100 of 1,250
instructions a send).  |ip_output_pkt|, which every protocol calls, stays
a function of its own.

@c
static inline int udp_send_one(sr_sock *s, const struct msghdr *msg, size_t from, size_t len,
  int flags, const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr,
  uint16_t dport, const uint8_t *opt, int optlen, int mtu, bool last)
{
  size_t l4len = SR_UDPHDR_LEN + len;
  int hlen = SR_IPHDR_LEN + optlen, total, err;
  bool fits = (size_t) hlen + l4len <= (size_t) mtu;
  sr_pkt *pkt;
  err = ip_frags_charge(s, flags, hlen, l4len, mtu, SR_UDPHDR_LEN, &total);
  if (err) return err;
  pkt = udp_pkt_new(optlen, l4len, msg->msg_iovlen && from < msg->msg_iov[0].iov_len ?
    (const uint8_t *) msg->msg_iov[0].iov_base + from : NULL);
  pkt->last = last;
  if (fits) pkt->truesize = total;
  if (!iov_gather(msg, from, pkt->data + hlen + SR_UDPHDR_LEN, len)) {
    free(pkt);
    s->wmem -= total;
    return -EFAULT;
  }
  err = udp_send_built(s, pkt, ipc, rt, daddr, dport, opt, optlen, fits);
  s->wmem -= total;
  return err;
}

@ The packet of a datagram with |optlen| bytes of IP options and |l4len|
bytes of UDP: laid out so that its payload lies |SR_DGRAM_HEADROOM| bytes
into the buffer, where a queue entry's data begin --- or a little further,
for a datagram big enough for the vector copy whose data come from |src|.
Such a payload is shifted by up to |SR_DATA_ALIGN|${}-1$ bytes so that it
lies at the same place as |src| modulo |SR_DATA_ALIGN|.  The copy into the
packet then reads and writes whole aligned vectors, and so does the copy
out of it, when the reader's buffer is aligned as the sender's was (the
same buffer, or two alike).  A copy between buffers aligned differently
loads vectors that straddle cache lines: measured alone, 90--92\,ns for
8\,KiB against 85--88 aligned, and on the 8\,KiB round trip of the
benchmark 253--258\,ns against 241--243 when the caller's buffer happened to
lie right.  The kernel cannot do this, its buffers' layout being fixed;
nothing a program sees depends on it.

@c
static sr_pkt *udp_pkt_new(int optlen, size_t l4len, const void *src)
{
  size_t hlen = (size_t) SR_IPHDR_LEN + (size_t) optlen;
  size_t headroom = SR_DGRAM_HEADROOM - SR_UDPHDR_LEN - hlen, len = l4len - SR_UDPHDR_LEN;
  uintptr_t shift = 0;
  void *b;
  if (!src || len < SR_VCOPY_MIN) b = dgram_buf(len);
  else {
    b = dgram_buf(len + SR_DATA_ALIGN - 1);
    shift = ((uintptr_t) src - ((uintptr_t) b + SR_DGRAM_HEADROOM)) & (SR_DATA_ALIGN - 1);
  }
  return pkt_init(b, headroom + shift, hlen + l4len);
}

@ Putting the header on a datagram whose data is in place in its packet,
and handing the packet to the IP layer.  Only UDP leaves its checksum to
the device; UDP-Lite computes its own, always.

@c
static inline int udp_send_built(sr_sock *s, sr_pkt *pkt, const struct sr_ipcm *ipc,
  const struct sr_rtres *rt, uint32_t daddr, uint16_t dport, const uint8_t *opt, int optlen,
  bool partial)
{
  struct sr_ipout o;
  uint8_t *l4 = pkt->data + SR_IPHDR_LEN + optlen;
  size_t l4len = pkt->len - SR_IPHDR_LEN - (size_t) optlen;
  pkt->csum_partial = partial && s->protocol == IPPROTO_UDP;
  udp_header_emit(l4, l4len, s->inet_sport, dport, rt->saddr, daddr, (uint8_t) s->protocol,
    pkt->csum_partial);
  if (s->no_check_tx && s->protocol == IPPROTO_UDP) { /* \.{SO\_NO\_CHECK}: no checksum */
    put16(l4 + 6, 0);
    pkt->csum_partial = false;
  }
  ip_sk_ipout(s, ipc, rt, opt, optlen, &o);
  return ip_output_pkt(s->host, rt, daddr, &o, pkt);
}

@ \clause{ip.7:IP_TTL}
\clause{ip.7:IP_TOS}
@^ip.7:IP\_TTL@>
@^ip.7:IP\_TOS@>
The header fields.  The TTL is the control message's; else, for a
multicast route, \.{IP\_MULTICAST\_TTL}; else \.{IP\_TTL}, or the host's
\.{ip\_default\_ttl} when the socket never set it.  The TOS byte is the
control message's or \.{IP\_TOS}.  The options are the call's
(\.{IP\_RETOPTS}) or the socket's (\.{IP\_OPTIONS}).  Priority and mark
go with the datagram too, though nothing on the wire shows them.

\kernel{a datagram sent with \.{IP\_TTL} 33, \.{IP\_TOS} \.{0x10} and a
record-route option arrives with TTL 33, TOS \.{0x10} and the option
holding the sender's address.}

@<Private function prototypes@>=
static void ip_sk_ipout(sr_sock *s, const struct sr_ipcm *ipc, const struct sr_rtres *rt,
  const uint8_t *opt, int optlen, struct sr_ipout *o);
static int ip_output_sk(sr_sock *s, const struct sr_ipcm *ipc, const struct sr_rtres *rt,
  uint32_t daddr, const uint8_t *opt, int optlen, const uint8_t *l4, size_t l4len);

@ |ip_sk_ipout| resolves the parameters; |ip_output_sk| sends bytes that
are anywhere, with them; UDP, which has built its datagram in its packet
already, hands that to |ip_output_pkt| itself.

@c
static void ip_sk_ipout(sr_sock *s, const struct sr_ipcm *ipc, const struct sr_rtres *rt,
  const uint8_t *opt, int optlen, struct sr_ipout *o)
{
  memset(o, 0, sizeof *o);
  o->protocol = (uint8_t) s->protocol;
  o->ttl = (uint8_t) (ipc->ttl >= 0 ? ipc->ttl : rt->type == SR_RT_MULTICAST ? s->mc_ttl :
    s->uc_ttl >= 0 ? s->uc_ttl : (int) sysctl_value(s->host, SYS_IP_DEFAULT_TTL));
  o->tos = (uint8_t) (ipc->tos >= 0 ? ipc->tos : s->tos);
  o->pmtudisc = s->pmtudisc;
  o->opt = opt;
  o->optlen = optlen;
  o->mark = ipc->mark;
  o->priority = ipc->priority;
  o->mc_loop = (s->ipflags & IPF_MC_LOOP) != 0;
  o->sk = s;
  if (ipc->tsflags & SR_SOF_TX_RECORD_MASK) ip_tx_tstamp_setup(s, ipc, o);
}

static int ip_output_sk(sr_sock *s, const struct sr_ipcm *ipc, const struct sr_rtres *rt,
  uint32_t daddr, const uint8_t *opt, int optlen, const uint8_t *l4, size_t l4len)
{
  struct sr_ipout o;
  ip_sk_ipout(s, ipc, rt, opt, optlen, &o);
  return ip_output(s->host, rt, daddr, &o, l4, l4len);
}

@ The UDP header, with the checksum over the pseudo-header --- or only the
pseudo-header's part of it, when |partial|.  UDP-Lite (protocol 136)
uses the same header; its length field is the checksum coverage, which
the model always makes the whole datagram, and its pseudo-header carries
its own protocol number.  A checksum that comes out zero is sent as
\.{0xffff}.
@^UDP-Lite@>

@<Private function prototypes@>=
static void udp_header_emit(uint8_t *p, size_t len, uint16_t sport, uint16_t dport,
  uint32_t saddr, uint32_t daddr, uint8_t proto, bool partial);

@ @c
static void udp_header_emit(uint8_t *p, size_t len, uint16_t sport, uint16_t dport,
  uint32_t saddr, uint32_t daddr, uint8_t proto, bool partial)
{
  uint16_t c;
  memcpy(p, &sport, 2);
  memcpy(p + 2, &dport, 2);
  put16(p + 4, (uint16_t) len);
  if (partial) {
    udp_csum_partial(p, len, saddr, daddr, proto);
    return;
  }
  put16(p + 6, 0);
  c = csum_fold(csum_add(csum_pseudo(saddr, daddr, proto, (uint16_t) len), p, len));
  put16(p + 6, c ? c : 0xffff);
}

@ Gathering the caller's data from its vector, starting |from| bytes in.
A null buffer with a nonzero length is the model's bad address.  The
bytes are moved by |data_copy| (below).

@<Private function prototypes@>=
static bool iov_gather(const struct msghdr *msg, size_t from, uint8_t *dst, size_t len);
static inline bool iov_scatter(const struct msghdr *msg, const uint8_t *src, size_t len);

@ @c
static bool iov_gather(const struct msghdr *msg, size_t from, uint8_t *dst, size_t len)
{
  for (size_t i = 0; i < (size_t) msg->msg_iovlen && len > 0; i++) {
    const struct iovec *v = &msg->msg_iov[i];
    size_t n = v->iov_len;
    if (from >= n) { from -= n; continue; }
    n -= from;
    if (n > len) n = len;
    if (!v->iov_base) return false;
    data_copy(dst, (const uint8_t *) v->iov_base + from, n);
    dst += n;
    len -= n;
    from = 0;
  }
  return true;
}

static inline bool iov_scatter(const struct msghdr *msg, const uint8_t *src, size_t len)
{
  if (msg->msg_iovlen == 1) {
    @<Scatter to the one piece of the vector@>@;
  }
  for (size_t i = 0; i < (size_t) msg->msg_iovlen && len > 0; i++) {
    const struct iovec *v = &msg->msg_iov[i];
    size_t n = v->iov_len < len ? v->iov_len : len;
    if (!n) continue;
    if (!v->iov_base) return false;
    data_copy(v->iov_base, src, n);
    src += n;
    len -= n;
  }
  return true;
}

@ A vector of one piece --- every |recv| and |recvfrom|, and most
|recvmsg| calls --- is the loop above done once, with nothing to carry
to a next piece (saves 21 of 2\,276 instructions a round trip).

@<Scatter to the one piece of the vector@>=
const struct iovec *v = msg->msg_iov;
size_t n = v->iov_len < len ? v->iov_len : len;
if (!n) return true;
if (!v->iov_base) return false;
data_copy(v->iov_base, src, n);
return true;

@ Copying the data.  Every datagram is copied twice, as in the kernel:
into its packet when it is sent, out of it when it is read.  For a large
datagram the copies are most of the cost of the journey, and the C
library's |memcpy| is not the best copy on every machine: on the one the
benchmark runs on (AMD Zen~3, glibc~2.36) it moves blocks of 4\,KiB and
more with the string instruction \.{rep movsb}, which costs 125--175\,ns
for 8\,KiB in the cache and, when the destination lies a few bytes past
the source modulo 64 (as a packet's data does behind its headers, or a
caller's buffer may), 2--4\,{\it micro\/}seconds; for 64\,KiB, 1.6 to
36\,$\mu$s.  A loop of 32-byte vector moves that first aligns the
destination --- one unaligned 32-byte move at the start, the aligned body,
one unaligned move that ends exactly at the end --- costs 80--90\,ns for
8\,KiB at every offset measured (and up to 135\,ns when the two buffers
are a few dozen bytes apart modulo 4\,KiB, where loads wait on the
stores before them), 42--70\,ns for 4\,KiB, 1.4--2.0\,$\mu$s for
64\,KiB.  Below 1\,KiB the library's own vector code is as fast, so
smaller copies stay with |memcpy|.

The vector loop needs AVX2, chosen when the program runs
(|__builtin_cpu_supports|), so the library still runs on a processor
without it; compilers other than GCC-compatible ones, and other
processors, use |memcpy| for everything.  The copy only ever reads and
writes within the two buffers' |n| bytes.

@<Private function prototypes@>=
static void data_copy(void *dst, const void *src, size_t n);

@ @<Constants of the model@>=
#define SR_VCOPY_MIN 1024 /* from here on, the vector loop */

@ @c
#if defined(__x86_64__) && defined(__GNUC__)
typedef char sr_v32 __attribute__((vector_size(32), aligned(1), may_alias));

__attribute__((target("avx2"))) static void vcopy_avx2(uint8_t *d, const uint8_t *s,
  size_t n)
{
  size_t i = 32 - ((uintptr_t) d & 31);
  *(sr_v32 *) d = *(const sr_v32 *) s;
  for (; i + 128 <= n; i += 128) {
    sr_v32 a = *(const sr_v32 *) (s + i), b = *(const sr_v32 *) (s + i + 32),
      c = *(const sr_v32 *) (s + i + 64), e = *(const sr_v32 *) (s + i + 96);
    *(sr_v32 *) (d + i) = a;
    *(sr_v32 *) (d + i + 32) = b;
    *(sr_v32 *) (d + i + 64) = c;
    *(sr_v32 *) (d + i + 96) = e;
  }
  for (; i + 32 <= n; i += 32) *(sr_v32 *) (d + i) = *(const sr_v32 *) (s + i);
  if (i < n) *(sr_v32 *) (d + n - 32) = *(const sr_v32 *) (s + n - 32);
}
#endif

static void data_copy(void *dst, const void *src, size_t n)
{
#if defined(__x86_64__) && defined(__GNUC__)
  if (n >= SR_VCOPY_MIN && __builtin_cpu_supports("avx2")) {
    vcopy_avx2(dst, src, n);
    return;
  }
#endif
  memcpy(dst, src, n);
}

@ \.{UDP\_SEGMENT}: a control message of level \.{SOL\_UDP} asks the stack
to cut the data into datagrams of a given size (generic segmentation
offload, done in software on the model's devices).  The whole is limited to
65535 bytes of IP whatever the path MTU; there may be no more than 128
segments (|EINVAL|); one segment (or all the data, if less) plus the
headers must fit the MTU (|EMSGSIZE|); a socket with \.{SO\_NO\_CHECK} is
|EINVAL| and a UDP-Lite socket |EIO|, even when the data fits one segment
(\.{fuzz/sendmsg-s7-2758.sr}, found by \.{sr-fuzz}).  Data no longer than one segment is
one ordinary datagram.  Each segment is a datagram of its own, with its own
header and checksum.

\kernel{35 bytes with segments of 10 arrive as 10, 10, 10 and 5; 1280
bytes in 10-byte segments pass, 1290 are |EINVAL|; a segment size of
65508 with 10 bytes sends one datagram; 65507 bytes in segments of 1000
arrive as 66 datagrams.}

@<Constants of the model@>=
#define SR_UDP_MAX_SEGMENTS 128

@ The checks of |udp_send_skb| for a datagram of |len| bytes of data that
asks for segments of |seg|; the corked datagram, sent when its last part
comes, meets them too (\.{fuzz/sendto-s604-10021.sr}: a UDP-Lite socket
with \.{UDP\_SEGMENT} finishing a corked datagram, |EIO|).

@<Private function prototypes@>=
static int udp_gso_check(const sr_sock *s, size_t len, size_t seg, int optlen, int mtu);

@ @c
static int udp_gso_check(const sr_sock *s, size_t len, size_t seg, int optlen, int mtu)
{
  if (SR_IPHDR_LEN + optlen + SR_UDPHDR_LEN + (int) (len < seg ? len : seg) > mtu)
    return -EMSGSIZE;
  if (len > seg * SR_UDP_MAX_SEGMENTS) return -EINVAL;
  if (s->no_check_tx) return -EINVAL; /* \.{SO\_NO\_CHECK}: segments need checksums */
  if (s->protocol == IPPROTO_UDPLITE) return -EIO; /* no offload for UDP-Lite */
  return 0;
}

@ @<Private function prototypes@>=
static ssize_t udp_send_segments(sr_sock *s, const struct msghdr *msg, size_t len,
  int flags, const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr,
  uint16_t dport, const uint8_t *opt, int optlen, int mtu);

@ @c
static ssize_t udp_send_segments(sr_sock *s, const struct msghdr *msg, size_t len,
  int flags, const struct sr_ipcm *ipc, const struct sr_rtres *rt, uint32_t daddr,
  uint16_t dport, const uint8_t *opt, int optlen, int mtu)
{
  size_t seg = (size_t) ipc->gso_size;
  int err = udp_gso_check(s, len, seg, optlen, mtu);
  if (err) return err;
  if (len <= seg)
    err = udp_send_one(s, msg, 0, len, flags, ipc, rt, daddr, dport, opt, optlen, mtu, false);
  else
    for (size_t off = 0; off < len; off += seg) {
      err = udp_send_one(s, msg, off, len - off < seg ? len - off : seg, flags, ipc, rt,
        daddr, dport, opt, optlen, mtu, false);
      if (err) break;
    }
  return err < 0 ? err : (ssize_t) len;
}

@*1 Corking.
A send with |MSG_MORE| does not send: it starts a datagram that later
sends add to, until one without |MSG_MORE| sends the whole as one
datagram (|udp_sendmsg|'s {\it pending\/} frames).  The first call is
checked as any send is, and fixes what the datagram will be: its
destination, route, control messages, options and MTU.  The later calls
check only the size and |MSG_OOB|, then append --- their address, if
any, and their control messages are not looked at, and neither are a
pending error, a shut-down socket or the send buffer.  A later call that
would make the datagram longer than the first call's size limit allows
fails with |EMSGSIZE|, and one whose buffer is bad with |EFAULT|; either
throws the whole datagram away, as does closing the socket.  The
datagram goes to the socket's flow (chapter {\it Binding\/}), from its
source: a |connect| while it is pending, even one refused, sends it to
the address the |connect| named.  The datagram's first part is
charged to the send buffer as a datagram of that size is; each later
part adds its length (the bytes go into page fragments on a device
that gathers, as \.{lo} and veth do), and a datagram that waits for a
neighbour is charged that much.  The datagram's checksum is
computed in full: the kernel leaves it to the device only for a datagram
sent in one call.  Not modelled: \.{UDP\_CORK}, which
the option tables do not have a level for, and \.{UDP\_SEGMENT} on a
corked datagram (the model sends it as one datagram).
@^MSG\_MORE@>
@^corking@>
@^model limits@>

\kernel{on \.{lo}: |sendto| ``ab'' with |MSG_MORE| to port 5000:
\.{SIOCOUTQ} 832, nothing arrives; ``cd'' with |MSG_MORE| to port 5001:
834, |poll| \.{0x304}; |send| ``ef'' without an address: port 5000
receives ``abcdef'' and port 5001 nothing, \.{SIOCOUTQ} 0.  1 byte, then
65506 (\.{SIOCOUTQ} 66338), then 1 more: |EMSGSIZE| and nothing arrives,
\.{SIOCOUTQ} 0.  1000, 1000, 20000 bytes: \.{SIOCOUTQ} 2304, 3304, 23304;
a zero-length send then delivers 22000 bytes.  A |MSG_OOB| part is
|EOPNOTSUPP| and the datagram stays pending (the next part, sent with no
address by an unconnected socket, delivers both).  A bad buffer, first or
later part: |EFAULT|, \.{SIOCOUTQ} 0, nothing sent.  After
\.{SHUT\_WR} later parts still pass and the datagram is delivered; a
socket whose \.{IP\_RECVERR} error is pending gets |ECONNREFUSED| from its
first |MSG_MORE| send.  A socket connected to port 5000 sends ``ab'' with
|MSG_MORE|, connects to port 5003 and sends ``cd'': port 5003 receives 4
bytes.  Closing a socket with a pending datagram sends nothing.}

@<UDP fields of a socket@>=
struct sr_udpcork *cork; /* the pending datagram, or null */

@ @<Type definitions@>=
struct sr_udpcork {
  struct sr_ipcm ipc; /* the first call's settings */
  struct sr_rtres rt;
  uint8_t opt[SR_MAX_IPOPTLEN];
  int optlen, mtu;
  size_t len; /* the datagram so far, UDP header included */
  int charge; /* what it costs the send buffer */
  uint8_t *data; /* its |len - 8| bytes of data */
};

@ @<Private function prototypes@>=
static bool ip_sk_ignore_df(const sr_sock *s);
static ssize_t udp_cork_start(sr_sock *s, const struct msghdr *msg, size_t len, int flags,
  const struct sr_ipcm *ipc, const struct sr_rtres *rt, const uint8_t *opt, int optlen,
  int mtu);
static ssize_t udp_cork_append(sr_sock *s, const struct msghdr *msg, size_t len, int flags);
static void udp_cork_discard(sr_sock *s);
static int udp_cork_push(sr_sock *s);

@ Whether the socket lets the kernel fragment what it sends.

@c
static bool ip_sk_ignore_df(const sr_sock *s)
{
  return s->pmtudisc < IP_PMTUDISC_DO || s->pmtudisc == IP_PMTUDISC_OMIT;
}

@ @c
static ssize_t udp_cork_start(sr_sock *s, const struct msghdr *msg, size_t len, int flags,
  const struct sr_ipcm *ipc, const struct sr_rtres *rt, const uint8_t *opt, int optlen,
  int mtu)
{
  struct sr_udpcork *c;
  int total, err;
  err = ip_frags_charge(s, flags, SR_IPHDR_LEN + optlen, SR_UDPHDR_LEN + len, mtu, SR_UDPHDR_LEN,
    &total);
  if (err) return err;
  c = xcalloc(1, sizeof *c);
  c->data = xcalloc(len ? len : 1, 1);
  if (!iov_gather(msg, 0, c->data, len)) {
    free(c->data);
    free(c);
    s->wmem -= total;
    return -EFAULT;
  }
  c->ipc = *ipc;
  c->rt = *rt;
  memcpy(c->opt, opt, (size_t) optlen);
  c->optlen = optlen;
  c->mtu = mtu;
  c->len = SR_UDPHDR_LEN + len;
  c->charge = total;
  s->cork = c;
  return (ssize_t) len;
}

@ A later part.  The size limit is the one the first call was held to,
with the socket's present \.{IP\_MTU\_DISCOVER} mode.

@c
static ssize_t udp_cork_append(sr_sock *s, const struct msghdr *msg, size_t len, int flags)
{
  struct sr_udpcork *c = s->cork;
  int hlen = SR_IPHDR_LEN + c->optlen, err;
  int limit = c->ipc.gso_size ? SR_IP_MAXPACKET : c->mtu;
  int maxsize = ip_sk_ignore_df(s) ? SR_IP_MAXPACKET : limit;
  if (c->len + len > (size_t) (maxsize - hlen)) {
    ip_local_error(s, EMSGSIZE, s->fl_daddr, s->inet_dport, (uint32_t) (limit - c->optlen));
    udp_cork_discard(s);
    return -EMSGSIZE;
  }
  c->data = xrealloc(c->data, c->len - SR_UDPHDR_LEN + len + 1, 1);
  if (!iov_gather(msg, 0, c->data + c->len - SR_UDPHDR_LEN, len)) {
    udp_cork_discard(s);
    return -EFAULT;
  }
  c->len += len;
  c->charge += (int) len;
  s->wmem += (int) len;
  if (flags & MSG_MORE) return (ssize_t) len;
  err = udp_cork_push(s);
  return err < 0 ? err : (ssize_t) len;
}

@ Sending the pending datagram, |udp_push_pending_frames|: after its last
part, and when \.{UDP\_CORK} is cleared.

@c
static int udp_cork_push(sr_sock *s)
{
  struct sr_udpcork *c = s->cork;
  int hlen = SR_IPHDR_LEN + c->optlen, err;
  sr_pkt *pkt;
  if (c->ipc.gso_size &&
      (err = udp_gso_check(s, c->len - SR_UDPHDR_LEN, (size_t) c->ipc.gso_size, c->optlen,
        c->mtu)) != 0) {
    udp_cork_discard(s);
    return err;
  }
  pkt = udp_pkt_new(c->optlen, c->len, NULL);
  memcpy(pkt->data + hlen + SR_UDPHDR_LEN, c->data, c->len - SR_UDPHDR_LEN);
  c->rt.saddr = s->fl_saddr;
  pkt->truesize = c->charge;
  err = udp_send_built(s, pkt, &c->ipc, &c->rt, s->fl_daddr, s->fl_dport, c->opt, c->optlen,
    false);
  udp_cork_discard(s);
  return err;
}

@ @c
static void udp_cork_discard(sr_sock *s)
{
  s->wmem -= s->cork->charge;
  free(s->cork->data);
  free(s->cork);
  s->cork = NULL;
}

@*1 Control messages on sending.
\clause{ip.7:IP_PKTINFO:7}
\clause{ip.7:IP_PKTINFO:8}
@^ip.7:IP\_PKTINFO@>
The control messages of a send, |udp_cmsg_send|, |ip_cmsg_send| and
|__sock_cmsg_send|.  Every message must lie inside the buffer and be at
least a header long (|EINVAL|); those of level \.{SOL\_UDP} are read first
(\.{UDP\_SEGMENT}, two bytes), then the others in order: of level
\.{SOL\_SOCKET}, \.{SO\_MARK} (|EPERM| without \.{CAP\_NET\_ADMIN} or
\.{CAP\_NET\_RAW}), \.{SO\_PRIORITY} (|EPERM| above 6 without them) and the
time-stamping requests, with \.{SCM\_RIGHTS} and \.{SCM\_CREDENTIALS}
ignored; of level \.{IPPROTO\_IP}, \.{IP\_PKTINFO} (exactly an
|in_pktinfo|: a nonzero |ipi_ifindex| chooses the interface, |ipi_spec_dst|
the source address), \.{IP\_TTL} (exactly an |int|, 1 to 255),
\.{IP\_TOS} (an |int| or a byte, 0 to 255; it also sets the priority as
\.{IP\_TOS} does) and \.{IP\_RETOPTS} (options, at most 40 bytes, parsed as
\.{IP\_OPTIONS} parses them), and \.{IP\_PROTOCOL} (an |int|, 1 to 255: the
protocol number routing looks at, which a raw socket writing its own
headers may set; nothing the model routes by).  Any other type of these two levels is
|EINVAL|; other levels are ignored.  An unknown interface or a source
address the host does not have shows later, in routing (|ENODEV|,
|ENETUNREACH|).

\kernel{\.{IP\_TTL} 7 as an |int| passes, as one byte |EINVAL|; 0, 256 and
$-1$ |EINVAL|; \.{IP\_TOS} as an |int| or a byte passes, as two bytes, or
256, or $-1$, |EINVAL|; \.{IP\_PKTINFO} one byte short or four long
|EINVAL|, with index 99 |ENODEV|, with source \.{10.1.1.1} |ENETUNREACH|,
with \.{127.0.0.9} passes; \.{IP\_RETOPTS} of 3 or 4 NOP bytes passes,
\.{IP\_OPTIONS}, \.{IP\_RECVTTL} and type 200 are |EINVAL|; \.{SO\_MARK},
\.{SO\_PRIORITY} and \.{SCM\_RIGHTS} pass, \.{SO\_TIMESTAMP} and 999
|EINVAL|; \.{SOL\_UDP} type 103 with four bytes and type 999 |EINVAL|;
levels 6 and 12345 are ignored; a |cmsg_len| of 14, or beyond the buffer,
|EINVAL|.}

@<Private function prototypes@>=
static int udp_cmsg_send(sr_sock *s, const struct msghdr *msg, struct sr_ipcm *ipc);
static int ip_cmsg_send(sr_sock *s, const struct msghdr *msg, struct sr_ipcm *ipc);
static int ip_cmsg_send_one(sr_sock *s, const struct cmsghdr *c, const uint8_t *data,
  struct sr_ipcm *ipc);
static int sock_cmsg_send_one(sr_sock *s, const struct cmsghdr *c, const uint8_t *data,
  struct sr_ipcm *ipc);
static const uint8_t *cmsg_next(const struct msghdr *msg, const uint8_t *p,
  struct cmsghdr *c);

@ The kernel's walk over a control buffer (|for_each_cmsghdr| and
|CMSG_OK|), which differs in its bounds from the C library's macros.
|cmsg_next| answers the next message's address and copies its header to
|*c|; the caller's buffer need not be aligned.  A message shorter than a
header, or running past the buffer, is |EINVAL| for the caller, which
learns it from |cmsg_ok|.

@<Private function prototypes@>=
static bool cmsg_ok(const struct msghdr *msg, const uint8_t *p, const struct cmsghdr *c);

@ @c
static const uint8_t *cmsg_next(const struct msghdr *msg, const uint8_t *p,
  struct cmsghdr *c)
{
  const uint8_t *ctl = msg->msg_control;
  if (!p) {
    if (msg->msg_controllen < sizeof *c) return NULL;
    p = ctl;
  } else {
    p += CMSG_ALIGN(c->cmsg_len);
    if ((size_t) (p + sizeof *c - ctl) > msg->msg_controllen) return NULL;
  }
  memcpy(c, p, sizeof *c);
  return p;
}

static bool cmsg_ok(const struct msghdr *msg, const uint8_t *p, const struct cmsghdr *c)
{
  size_t used = (size_t) (p - (const uint8_t *) msg->msg_control);
  return c->cmsg_len >= sizeof *c && c->cmsg_len <= msg->msg_controllen - used;
}

static int udp_cmsg_send(sr_sock *s, const struct msghdr *msg, struct sr_ipcm *ipc)
{
  const uint8_t *p;
  struct cmsghdr c;
  bool need_ip = false;
  for (p = cmsg_next(msg, NULL, &c); p; p = cmsg_next(msg, p, &c)) {
    uint16_t gso;
    if (!cmsg_ok(msg, p, &c)) return -EINVAL;
    if (c.cmsg_level != SOL_UDP) { need_ip = true; continue; }
    if (c.cmsg_type != UDP_SEGMENT || c.cmsg_len != CMSG_LEN(sizeof gso)) return -EINVAL;
    memcpy(&gso, p + CMSG_LEN(0), sizeof gso);
    ipc->gso_size = gso;
  }
  return need_ip ? ip_cmsg_send(s, msg, ipc) : 0;
}

static int ip_cmsg_send(sr_sock *s, const struct msghdr *msg, struct sr_ipcm *ipc)
{
  const uint8_t *p;
  struct cmsghdr c;
  int err;
  for (p = cmsg_next(msg, NULL, &c); p; p = cmsg_next(msg, p, &c)) {
    if (!cmsg_ok(msg, p, &c)) return -EINVAL;
    if (c.cmsg_level == SOL_SOCKET) err = sock_cmsg_send_one(s, &c, p + CMSG_LEN(0), ipc);
    else if (c.cmsg_level == IPPROTO_IP) err = ip_cmsg_send_one(s, &c, p + CMSG_LEN(0), ipc);
    else err = 0;
    if (err) return err;
  }
  return 0;
}

@ @c
static int ip_cmsg_send_one(sr_sock *s, const struct cmsghdr *c, const uint8_t *data,
  struct sr_ipcm *ipc)
{
  int val;
  switch (c->cmsg_type) {
  case IP_RETOPTS: @<Read the options of an \.{IP\_RETOPTS} message@>@;
  case IP_PKTINFO: {
    struct in_pktinfo info;
    if (c->cmsg_len != CMSG_LEN(sizeof info)) return -EINVAL;
    memcpy(&info, data, sizeof info);
    if (info.ipi_ifindex) ipc->oif = info.ipi_ifindex;
    ipc->addr = info.ipi_spec_dst.s_addr;
    return 0;
  }
  case IP_TTL:
    if (c->cmsg_len != CMSG_LEN(sizeof(int))) return -EINVAL;
    memcpy(&val, data, sizeof val);
    if (val < 1 || val > 255) return -EINVAL;
    ipc->ttl = val;
    return 0;
  case IP_TOS:
    if (c->cmsg_len == CMSG_LEN(sizeof(int))) memcpy(&val, data, sizeof val);
    else if (c->cmsg_len == CMSG_LEN(1)) val = *data;
    else return -EINVAL;
    if (val < 0 || val > 255) return -EINVAL;
    ipc->tos = val;
    ipc->priority = ip_tos2prio[(val & 0x1e) >> 1];
    return 0;
  case IP_PROTOCOL:
    if (c->cmsg_len != CMSG_LEN(sizeof(int))) return -EINVAL;
    memcpy(&val, data, sizeof val);
    return val < 1 || val > 255 ? -EINVAL : 0;
  }
  return -EINVAL;
}

@ The bytes are padded and parsed as a write of \.{IP\_OPTIONS} parses them,
but a source route needs no privilege here.  An empty message gives the
datagram no options, even when the socket has some.

@<Read the options of an \.{IP\_RETOPTS} message@>=
{
  int len = (int) (c->cmsg_len - sizeof(struct cmsghdr));
  bool srr;
  if (len > SR_MAX_IPOPTLEN) len = SR_MAX_IPOPTLEN;
  memset(ipc->opt, IPOPT_END, sizeof ipc->opt);
  memcpy(ipc->opt, data, (size_t) len);
  len = (len + 3) & ~3;
  if (len && ip_options_compile(s->host, ipc->opt, len, &srr)) return -EINVAL;
  ipc->optlen = len;
  ipc->has_opt = true;
  return 0;
}

@ The socket-level messages.  \.{SO\_TIMESTAMPING} gives the sending flags
of this datagram in place of the socket's; \.{SCM\_TS\_OPT\_ID} its
\.{OPT\_ID} number, when the socket has \.{OPT\_ID} (refused on TCP
first).

@<Constants of the model@>=
#define SR_SOF_TX_RECORD_MASK (1u | 2u | (1u << 8) | (1u << 9) | (1u << 18))
#define SR_SCM_TS_OPT_ID 81

@ @c
static int sock_cmsg_send_one(sr_sock *s, const struct cmsghdr *c, const uint8_t *data,
  struct sr_ipcm *ipc)
{
  uint32_t v;
  switch (c->cmsg_type) {
  case SO_MARK:
    if (!proc_capable(W->cur, CAP_NET_RAW) && !proc_capable(W->cur, CAP_NET_ADMIN))
      return -EPERM;
    if (c->cmsg_len != CMSG_LEN(sizeof v)) return -EINVAL;
    memcpy(&ipc->mark, data, sizeof v);
    return 0;
  case SO_PRIORITY:
    if (c->cmsg_len != CMSG_LEN(sizeof v)) return -EINVAL;
    memcpy(&v, data, sizeof v);
    if (v > 6 && !proc_capable(W->cur, CAP_NET_RAW) && !proc_capable(W->cur, CAP_NET_ADMIN))
      return -EPERM;
    ipc->priority = (int) v;
    return 0;
  case SO_TIMESTAMPING_OLD: case SO_TIMESTAMPING_NEW:
    if (c->cmsg_len != CMSG_LEN(sizeof v)) return -EINVAL;
    memcpy(&v, data, sizeof v);
    if (v & ~SR_SOF_TX_RECORD_MASK) return -EINVAL;
    ipc->tsflags = (ipc->tsflags & ~SR_SOF_TX_RECORD_MASK) | v;
    return 0;
  case SR_SCM_TS_OPT_ID:
    if (s->type == SOCK_STREAM || !(s->tsflags & SR_SOF_OPT_ID)) return -EINVAL;
    if (c->cmsg_len != CMSG_LEN(sizeof v)) return -EINVAL;
    memcpy(&ipc->ts_opt_id, data, sizeof v);
    ipc->has_ts_opt_id = true;
    return 0;
  case SCM_TXTIME: /* chapter {\it Options beyond the pages\/}, \.{SO\_TXTIME} */
    if (!s->txtime_on || c->cmsg_len != CMSG_LEN(sizeof(uint64_t))) return -EINVAL;
    return 0;
  case SCM_RIGHTS: case SCM_CREDENTIALS: return 0;
  }
  return -EINVAL;
}

@*1 Receiving.
A receive on a UDP socket, |udp_recvmsg|, takes the datagram at the head
of the queue --- or, with |MSG_PEEK|, looks at it and leaves it --- copies
as much of its data as the caller's buffers hold, and reports the rest:
the sender's address, the flags, the control messages.  A pending error is
returned first, and cleared.  An empty queue makes the call wait
(\.{SO\_RCVTIMEO} long at most, not at all with |MSG_DONTWAIT| or
|O_NONBLOCK|: |EAGAIN|); a socket shut down for reading returns 0 instead of
waiting.

\clause{socket.7:call:recv}
@^socket.7:call:recv@>
\clause{socket.7:call:recvmsg}
@^socket.7:call:recvmsg@>
The flags a UDP receive heeds are |MSG_PEEK|, |MSG_TRUNC| (return the
datagram's full length rather than the bytes copied), |MSG_DONTWAIT| and
|MSG_ERRQUEUE| (read the error queue instead); |MSG_WAITALL| and |MSG_OOB|
change nothing, and unknown bits are ignored.  A datagram longer than the
buffer is cut, and |msg_flags| says |MSG_TRUNC|.  A datagram is consumed
even when copying it out fails (|EFAULT|): it is lost, and counted as a
drop.

\kernel{a 10-byte datagram read into 3 bytes returns 3 with |MSG_TRUNC|
in |msg_flags|; with the flag |MSG_TRUNC| it returns 10; |MSG_PEEK| with
|MSG_TRUNC| returns 10 and leaves it; |recv| with a null buffer and length
6 is |EFAULT| and the datagram is gone (a drop); with length 0 it returns 0
and consumes the datagram; |MSG_OOB| and |MSG_WAITALL| return the datagram;
a receive with |MSG_ERRQUEUE| on an empty error queue is |EAGAIN|.}

@<Private function prototypes@>=
SR_IN_CALLER static ssize_t udp_recvmsg(sr_sock *s, struct msghdr *msg, size_t len, int flags,
  socklen_t *namelen, struct sr_cmsg_out *co);

@ The state of the caller's control buffer while messages are written to
it: where the next goes and how much room is left.

@<Type definitions@>=
struct sr_cmsg_out {
  uint8_t *pos; /* |NULL| when the caller gave no buffer */
  size_t room, used;
};

@ @c
SR_IN_CALLER static ssize_t udp_recvmsg(sr_sock *s, struct msghdr *msg, size_t len, int flags,
  socklen_t *namelen, struct sr_cmsg_out *co)
{
  bool peeking = (flags & MSG_PEEK) != 0;
  sr_dgram *d;
  int off, err;
  size_t ulen, copied;
  if (flags & MSG_ERRQUEUE) return ip_recv_error(s, msg, len, namelen, co);
try_again:
  off = peeking ? s->peek_off : 0;
  d = skb_recv_wait(s, flags, &off, &err, udp_try_recv);
  if (!d) return err;
  ulen = d->len;
  copied = len;
  if (copied > ulen - (size_t) off) copied = ulen - (size_t) off;
  else if (copied < ulen) msg->msg_flags |= MSG_TRUNC;
  if (d->csum_bad) {
    @<Discard the datagram whose checksum fails, and try again@>@;
    goto try_again;
  }
  if (!iov_scatter(msg, dgram_data(d) + off, copied)) {
    if (!peeking) { s->drops++; free(d); }
    return -EFAULT;
  }
  sock_recv_cmsgs(s, msg, co, d);
  if (msg->msg_name) {
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = d->sport;
    sin.sin_addr.s_addr = d->saddr;
    memcpy(msg->msg_name, &sin, sizeof sin);
    *namelen = sizeof sin;
  }
  if (s->ipflags & SR_IP_CMSG_FLAGS) ip_cmsg_recv(s, msg, co, d);
  err = (int) copied;
  if (flags & MSG_TRUNC) err = (int) ulen;
  sk_peek_offset_bwd(s, peeking ? -err : err);
  if (!peeking) dgram_free(d);
  return err;
}

@ A bad checksum is found when the datagram is read: it is taken off the
queue whether the read was a peek or not, counted as a drop, and the read
goes on with the next datagram.

@<Discard the datagram whose checksum fails, and try again@>=
if (peeking) udp_queue_unlink(s, d);
s->drops++;
free(d);
msg->msg_flags &= ~MSG_TRUNC;

@ The receive options that |ip_cmsg_recv| answers; with none of them set
it is not called.

@<Constants of the model@>=
#define SR_IP_CMSG_FLAGS (IPF_PKTINFO | IPF_RECVTTL | IPF_RECVTOS | IPF_RECVOPTS | \
  IPF_RETOPTS | IPF_PASSSEC | IPF_ORIGDSTADDR | IPF_RECVFRAGSIZE)

@ \clause{socket.7:SO_PEEK_OFF:3}
\clause{socket.7:SO_PEEK_OFF:4}
\clause{socket.7:SO_PEEK_OFF:5}
\clause{socket.7:SO_PEEK_OFF:7}
@^socket.7:SO\_PEEK\_OFF@>
The peek offset on a datagram socket.  A peek with an offset of 0 or more
skips whole datagrams while the offset reaches past them, and starts inside
the datagram it lands in; each peek moves the offset on by what it returned
--- the bytes copied, or the datagram's whole length when the call passed
|MSG_TRUNC| --- and each ordinary read moves it back by the same measure,
never below 0.  A read that starts inside a datagram sets |MSG_TRUNC|
unless it takes everything from the offset on and more.  An empty datagram
is skipped by a peek at offset 0 once a peek has seen it.  With the offset
at $-1$ nothing of this happens.

\kernel{\.{SO\_PEEK\_OFF} 0, queue ``hello'', ``world!'', ``xyz'': peeks
of 2 bytes return ``he'' (offset 2), ``ll'' with |MSG_TRUNC| (4); a peek of
100 returns ``o'' (5), then ``world!'' (11); a peek of 1 with |MSG_TRUNC|
returns 3 and ``x'' with |MSG_TRUNC| (14); the next peek is |EAGAIN|; a
read returns ``hello'' (9), a read of 2 ``wo'' (7), a read of 2 with
|MSG_TRUNC| 3 (4).  Offset 7 over ``abc'', ``defgh'' peeks ``h''; offset 3
peeks ``defgh''.  An empty datagram before ``abc'': peeks at offset $-1$
return 0 twice; at offset 0 they return 3 (the empty one was seen), and
the offset is then 3.}

@<Private function prototypes@>=
static void sk_peek_offset_bwd(sr_sock *s, int val);

@ @c
static void sk_peek_offset_bwd(sr_sock *s, int val)
{
  long long off = s->peek_off;
  if (off < 0) return;
  off -= val;
  s->peek_off = off < 0 ? 0 : off > INT_MAX ? INT_MAX : (int) off;
}

@ Finding the datagram to read, |__skb_recv_udp| and
|__skb_try_recv_from_queue|.  A read (not a peek) first moves the whole
queue into the reader part if that part is empty, then takes the head,
whose true size goes back to the buffer (next section).  A peek walks the
reader part with the offset; if it finds nothing there, the rest of the
queue joins the reader part and the walk goes on.

@<Private function prototypes@>=
typedef sr_dgram *sr_try_recv(sr_sock *s, int flags, int *off);
static inline sr_dgram *skb_recv_wait(sr_sock *s, int flags, int *off, int *err,
  sr_try_recv *try_recv);
SR_OUT_OF_LINE static sr_dgram *skb_recv_sleep(sr_sock *s, int flags, int *off, int *err,
  sr_try_recv *try_recv);
static sr_dgram *udp_try_recv(sr_sock *s, int flags, int *off);
static void udp_queue_unlink(sr_sock *s, sr_dgram *d);

@ @c
static sr_dgram *udp_try_recv(sr_sock *s, int flags, int *off)
{
  sr_dgram *d;
  int skip = *off, i = 0;
  bool at_off = *off >= 0;
  if (!(flags & MSG_PEEK)) {
    int reader;
    if (!(d = s->rq_head)) return NULL;
    reader = (s->rq_reader ? s->rq_reader : s->rq_len) - 1;
    udp_queue_head_remove(s);
    udp_rmem_release(s, d->truesize, reader);
    *off = 0;
    return d;
  }
  if (!at_off) skip = 0;
  for (d = s->rq_head; d; d = d->next, i++) {
    if (i == s->rq_reader && i < s->rq_len) s->rq_reader = s->rq_len;
    if (at_off && skip >= (int) d->len && (skip || d->peeked)) {
      skip -= (int) d->len;
      continue;
    }
    if (d->len == 0) d->peeked = true;
    *off = skip;
    return d;
  }
  if (s->rq_len) s->rq_reader = s->rq_len;
  return NULL;
}

static void udp_queue_unlink(sr_sock *s, sr_dgram *d)
{
  sr_dgram **p, *prev = NULL;
  int i = 0;
  for (p = &s->rq_head; *p && *p != d; p = &(*p)->next, i++) prev = *p;
  if (!*p) return;
  *p = d->next;
  if (s->rq_tail == d) s->rq_tail = prev;
  s->rq_len--;
  if (i < s->rq_reader) s->rq_reader--;
  udp_rmem_release(s, d->truesize, s->rq_reader);
}

@ The wait.  A read that finds nothing returns a pending error first;
then |EAGAIN| if it may not wait; then 0 if the socket is shut down for
reading; otherwise it waits for an arrival, an error or a shutdown, and
looks again.  When \.{SO\_RCVTIMEO} runs out the answer is |EAGAIN|.  How
a datagram is taken from the queue is the protocol's (|try_recv|): UDP's
above, the raw and ping sockets' in their chapter.

\kernel{an unconnected UDP socket after \.{SHUT\_RD}: a blocking |recv|
returns 0 at once, one with |MSG_DONTWAIT| is |EAGAIN|; a connected one
still receives a datagram that arrives afterwards, then returns 0 again.}

As for a send, the deadline counts from the call's start and is worked
out only when nothing is there.

The first look is made in the reader; the waiting, and every look after
it, are a call away (|skb_recv_sleep|), so that a read that finds its
datagram does not keep the wait's state in registers or on the stack
(saves 29 of 1\,460 instructions and 8 of 274 stores a round trip).

@c
static inline sr_dgram *skb_recv_wait(sr_sock *s, int flags, int *off, int *err,
  sr_try_recv *try_recv)
{
  sr_dgram *d;
  if (s->err) { *err = -s->err; s->err = 0; return NULL; }
  if ((d = try_recv(s, flags, off)) != NULL) return d;
  return skb_recv_sleep(s, flags, off, err, try_recv);
}

SR_OUT_OF_LINE static sr_dgram *skb_recv_sleep(sr_sock *s, int flags, int *off, int *err,
  sr_try_recv *try_recv)
{
  uint64_t deadline = sock_deadline((flags & MSG_DONTWAIT) ? 0 : s->rcvtimeo);
  for (;;) {
    sr_dgram *d;
    uint64_t seen;
    int w;
    *err = -EAGAIN;
    if (deadline <= W->now_ns) return NULL;
    if (s->shutdown & SR_RCV_SHUTDOWN) { *err = 0; return NULL; }
    seen = s->rq_seq;
    w = sock_wait(s, sock_recv_woken, &seen, deadline);
    if (w) { *err = w; return NULL; }
    if (s->err) { *err = -s->err; s->err = 0; return NULL; }
    if ((d = try_recv(s, flags, off)) != NULL) return d;
  }
}

@ \clause{socket.7:SO_RCVBUF:2}
Giving back the receive buffer, |udp_rmem_release|.  The kernel does not
return each datagram's true size as the datagram is read: it gathers the
sizes in a {\it deficit\/} and returns them in one step when the deficit
reaches a quarter of \.{SO\_RCVBUF} or when the reader part of the queue
runs empty.  Until then the buffer still counts the datagrams already
read, and new arrivals find it fuller than the queue is.  (The kernel's
\.{/proc/net/udp} shows the charge less the deficit, which hides this.)

\kernel{256 datagrams of 100 bytes fill the default buffer; after 12 of
them are read, a new datagram is still dropped.}

@<Private function prototypes@>=
static void udp_rmem_release(sr_sock *s, int size, int reader);

@ |reader| is what the reader part of the queue holds after the read
(the read works it out before it takes the datagram off the queue); the
function writes it, the deficit and the buffer once each.

@c
static void udp_rmem_release(sr_sock *s, int size, int reader)
{
  size += s->forward_deficit;
  if (size < s->forward_threshold && reader > 0) {
    s->forward_deficit = size;
    s->rq_reader = reader;
    return;
  }
  s->forward_deficit = 0;
  s->rmem -= size;
  sk_fwd_release(s, size);
  s->rq_reader = s->rq_len;
}

@ \clause{ip.7:IP_RECVERR:3}
\clause{ip.7:IP_RECVERR:4}
\clause{ip.7:IP_RECVERR:6}
\clause{ip.7:IP_RECVERR:11}
\clause{ip.7:IP_RECVERR:19}
Reading the error queue, |ip_recv_error|.  The entry is taken off the
queue even by a peek.  Its data is what the ICMP message quoted of the
datagram (cut to the buffer, with |MSG_TRUNC|); its name, when it has one,
is where the datagram was going (always given); its control messages are the time stamp,
for an error from ICMP the receive options that apply to the ICMP message,
and last the \.{IP\_RECVERR} message itself: the |sock_extended_err|
followed by the offender's address (all zero for a local error).
|msg_flags| gets |MSG_ERRQUEUE|.

\kernel{for a datagram ``hello'' to a closed port of \.{127.0.0.1}: 5
bytes ``hello'', |msg_flags| |MSG_ERRQUEUE|, name \.{127.0.0.1} port 5999,
one message of level \.{SOL\_IP} type 11, 48 bytes: errno 111, origin 2,
type 3, code 3, info 0, data 0, offender \.{AF\_INET} \.{127.0.0.1} port
0.  With the receive options on, first the time stamp, then
\.{IP\_PKTINFO} (interface 1, |ipi_spec_dst| 0, address \.{127.0.0.1}),
\.{IP\_TTL} 64, \.{IP\_TOS} \.{0xc0} and \.{IP\_ORIGDSTADDR} whose port is
the third and fourth bytes of the data (``ll''), absent below four bytes;
a 40-byte control buffer gets the time stamp and |MSG_CTRUNC|.  A peek
consumes the entry.}

@<Private function prototypes@>=
static ssize_t ip_recv_error(sr_sock *s, struct msghdr *msg, size_t len,
  socklen_t *namelen, struct sr_cmsg_out *co);

@ @c
static ssize_t ip_recv_error(sr_sock *s, struct msghdr *msg, size_t len,
  socklen_t *namelen, struct sr_cmsg_out *co)
{
  sr_dgram *d = sock_dequeue_err(s);
  size_t copied;
  struct { struct sock_extended_err ee; struct sockaddr_in offender; } errhdr;
  if (!d) return -EAGAIN;
  copied = d->len;
  if (copied > len) { msg->msg_flags |= MSG_TRUNC; copied = len; }
  if (!iov_scatter(msg, dgram_data(d), copied)) { free(d); return -EFAULT; }
  sock_recv_timestamp(s, msg, co, d);
  if (msg->msg_name && d->ee.ee_origin != SO_EE_ORIGIN_TIMESTAMPING) {
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = d->saddr;
    sin.sin_port = d->dport;
    memcpy(msg->msg_name, &sin, sizeof sin);
    *namelen = sizeof sin;
  }
  memset(&errhdr, 0, sizeof errhdr);
  errhdr.ee = d->ee;
  if (d->ee.ee_origin == SO_EE_ORIGIN_ICMP) {
    errhdr.offender.sin_family = AF_INET;
    errhdr.offender.sin_addr.s_addr = d->offender;
    if (s->ipflags & SR_IP_CMSG_FLAGS) ip_cmsg_recv(s, msg, co, d);
  } else if (d->ee.ee_origin == SO_EE_ORIGIN_TIMESTAMPING && d->ifindex &&
             (s->tsflags & SR_SOF_OPT_CMSG)) {
    errhdr.offender.sin_family = AF_INET;
    errhdr.offender.sin_addr.s_addr = d->offender;
    if (s->ipflags & SR_IP_CMSG_FLAGS) ip_cmsg_recv(s, msg, co, d);
  }
  put_cmsg(msg, co, IPPROTO_IP, IP_RECVERR, sizeof errhdr, &errhdr);
  msg->msg_flags |= MSG_ERRQUEUE;
  free(d);
  return (ssize_t) copied;
}

@*1 Control messages on receiving.
Each control message goes into the caller's buffer as |put_cmsg| puts
it.  No buffer, or less room than a header, sets |MSG_CTRUNC| and writes
nothing.  A message longer than the room is written cut, its |cmsg_len|
saying how much was written, with |MSG_CTRUNC|.  A message takes its
aligned size (|CMSG_SPACE|) of the room, or all the room if that is less;
at the end |msg_controllen| says how many bytes were used.

\kernel{with \.{IP\_PKTINFO} and \.{IP\_RECVTTL}: a buffer of 0 to 15
bytes gets nothing, |MSG_CTRUNC|, |msg_controllen| 0; 16 bytes get a
header with |cmsg_len| 16; 17, 20, 24, 27 bytes a cut \.{IP\_PKTINFO} whose
|cmsg_len| is the buffer's size; 28 to 47 bytes the whole \.{IP\_PKTINFO}
(|cmsg_len| 28) and |MSG_CTRUNC|, |msg_controllen| 28 to 31 and then 32; 48
bytes also an \.{IP\_TTL} header of 16; a null buffer of 100 bytes
|MSG_CTRUNC| and 0.}
@^control messages@>

@<Private function prototypes@>=
static void put_cmsg(struct msghdr *msg, struct sr_cmsg_out *co, int level, int type,
  size_t len, const void *data);

@ @c
static void put_cmsg(struct msghdr *msg, struct sr_cmsg_out *co, int level, int type,
  size_t len, const void *data)
{
  struct cmsghdr h;
  size_t cmlen = CMSG_LEN(len), take;
  if (!co->pos || co->room < sizeof h) { msg->msg_flags |= MSG_CTRUNC; return; }
  if (co->room < cmlen) { msg->msg_flags |= MSG_CTRUNC; cmlen = co->room; }
  memset(&h, 0, sizeof h);
  h.cmsg_len = cmlen;
  h.cmsg_level = level;
  h.cmsg_type = type;
  memcpy(co->pos, &h, sizeof h);
  if (cmlen > sizeof h) memcpy(co->pos + sizeof h, data, cmlen - sizeof h);
  take = CMSG_SPACE(len) < co->room ? CMSG_SPACE(len) : co->room;
  co->pos += take;
  co->room -= take;
  co->used += take;
}

@ \clause{socket.7:SO_RXQ_OVFL}
@^socket.7:SO\_RXQ\_OVFL@>
The socket layer's messages come first, |sock_recv_cmsgs|: the time stamp,
then \.{SO\_RXQ\_OVFL}, a 32-bit count of the datagrams the socket had
dropped when this one was queued --- sent only when the count is not zero,
and zero for a datagram queued while the option was off --- then, with
\.{SO\_RCVMARK} (chapter {\it Options beyond the pages\/}), the packet's
mark in a \.{SO\_MARK} message, always, 0 for a packet that has none.

\kernel{with \.{SO\_RCVBUF} 2304 and the option on, five datagrams sent at
once leave two queued, which carry no count; the next two carry 3.  The
order with \.{SO\_TIMESTAMP} and \.{IP\_PKTINFO} is time stamp, count,
packet information.}

@<Private function prototypes@>=
static inline void sock_recv_cmsgs(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d);
static void sock_recv_cmsgs_all(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d);

@ The test for a socket that wants none of the messages is made where the
reads call, and only the messages themselves are a call away (saves 8 of
2\,276 instructions a round trip).

@c
static inline void sock_recv_cmsgs(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d)
{
  if (!(s->flags & (SK_RXQ_OVFL | SK_TIMESTAMP)) && !s->rcvmark &&
      !(s->tsflags & (SR_SOF_SOFTWARE | SR_SOF_RAW_HARDWARE))) {
    @<Remember the time for \.{SIOCGSTAMP} the quick way@>@;
  } else sock_recv_cmsgs_all(s, msg, co, d);
}

static void sock_recv_cmsgs_all(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d)
{
  sock_recv_timestamp(s, msg, co, d);
  if ((s->flags & SK_RXQ_OVFL) && d->dropcount)
    put_cmsg(msg, co, SOL_SOCKET, SO_RXQ_OVFL, sizeof d->dropcount, &d->dropcount);
  if (s->rcvmark) put_cmsg(msg, co, SOL_SOCKET, SO_MARK, sizeof d->mark, &d->mark);
}

@ A socket that wants none of these messages takes the kernel's short
way, which remembers a datagram's time only for a socket that has called
\.{SIOCGSTAMP} (or asked for \.{SO\_TIMESTAMP} once); any other
socket's first read leaves ``no time'', so that \.{SIOCGSTAMP} answers
with the time of its call, and later reads leave what is there.  So a
socket with \.{SO\_TIMESTAMPING}'s \.{RX\_SOFTWARE} alone, whose reads
report nothing, has an answer for \.{SIOCGSTAMP}, while one with
\.{SOFTWARE}, whose reads report the time, has none.

\kernel{with |0x8|, a read and then \.{SIOCGSTAMP}: success; with |0x10|
and a datagram that has a time: |ENOENT| (script
\.{udp/timestamping-rx.sr}).}

@<Remember the time for \.{SIOCGSTAMP} the quick way@>=
if (s->stamp_asked) {
  s->stamp_state = d->stamped ? SR_STAMP_VALID : SR_STAMP_UNKNOWN;
  s->stamp_ns = d->tstamp_ns;
} else if (s->stamp_state == SR_STAMP_NONE) s->stamp_state = SR_STAMP_UNKNOWN;

@ \clause{ip.7:IP_PKTINFO:5}
\clause{ip.7:IP_PKTINFO:6}
\clause{ip.7:IP_RECVTTL}
\clause{ip.7:IP_RECVTOS:2}
\clause{ip.7:IP_RECVOPTS:2}
\clause{ip.7:IP_RECVORIGDSTADDR:2}
@^ip.7:IP\_RECVTTL@>
@^ip.7:IP\_RECVTOS@>
@^ip.7:IP\_RECVOPTS@>
@^ip.7:IP\_RECVORIGDSTADDR@>
The messages of IP, |ip_cmsg_recv_offset|, in a fixed order whatever the
order the options were set in: \.{IP\_PKTINFO} (|ipi_ifindex| the arrival
interface, |ipi_spec_dst| the local address that answers, |ipi_addr| the
header's destination), \.{IP\_TTL} (an |int|), \.{IP\_TOS} (one byte),
\.{IP\_RECVOPTS} and \.{IP\_RETOPTS} (only when the datagram had options),
and \.{IP\_ORIGDSTADDR} (a |sockaddr_in| of the destination and port).
\.{IP\_PASSSEC} has nothing to send without a security module.  Linux has
two more receive options that the pages do not name (chapter ``Options
beyond the pages''): \.{IP\_CHECKSUM}, which adds nothing on the model's
links, and \.{IP\_RECVFRAGSIZE}, the length of the largest fragment of a
reassembled datagram (an |int|, last; none for a datagram that came
whole).
@^model limits@>

\kernel{each option alone: \.{IP\_PKTINFO} 28 bytes
$\{1, \.{127.0.0.1}, \.{127.0.0.1}\}$; \.{IP\_RECVTTL} type 2, 20 bytes,
33; \.{IP\_RECVTOS} type 1, 17 bytes, \.{0x10}; \.{IP\_RECVOPTS} type 6
\.{07 07 08 7f000001 01}; \.{IP\_RETOPTS} type 7 \.{07 07 08 7f000001
00}; \.{IP\_RECVORIGDSTADDR} type 20, 32 bytes, port 5000, \.{127.0.0.1};
\.{IP\_PASSSEC}: nothing; \.{IP\_RECVFRAGSIZE} gives nothing for a
datagram that came whole and 1500 for one of 3000 bytes over a veth of MTU
1500.  All of them together come in that order, after the time stamp.}

@<Private function prototypes@>=
static void ip_cmsg_recv(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  const sr_dgram *d);

@ @c
static void ip_cmsg_recv(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  const sr_dgram *d)
{
  unsigned f = s->ipflags;
  if (f & IPF_PKTINFO) {
    struct in_pktinfo info;
    info.ipi_ifindex = d->ifindex;
    info.ipi_spec_dst.s_addr = d->spec_dst;
    info.ipi_addr.s_addr = d->daddr;
    put_cmsg(msg, co, IPPROTO_IP, IP_PKTINFO, sizeof info, &info);
  }
  if (f & IPF_RECVTTL) {
    int ttl = d->ttl;
    put_cmsg(msg, co, IPPROTO_IP, IP_TTL, sizeof ttl, &ttl);
  }
  if (f & IPF_RECVTOS) put_cmsg(msg, co, IPPROTO_IP, IP_TOS, 1, &d->tos);
  if ((f & IPF_RECVOPTS) && d->optlen)
    put_cmsg(msg, co, IPPROTO_IP, IP_RECVOPTS, (size_t) d->optlen, d->opt);
  if ((f & IPF_RETOPTS) && d->optlen) @<Put the echo of the options, or truncate@>@;
  if (f & IPF_ORIGDSTADDR) @<Put the original destination, if the data has ports@>@;
  if ((f & IPF_RECVFRAGSIZE) && d->frag_max) {
    int size = d->frag_max;
    put_cmsg(msg, co, IPPROTO_IP, IP_RECVFRAGSIZE, sizeof size, &size);
  }
}

@ A UDP datagram's port is the one its header had.  Other entries have
their transport header in their data, and the kernel reads the ``ports''
there: an entry of the error queue where its data begins, a raw socket's
datagram behind the IP header, a ping socket's at the ICMP header.  The
port reported is then the third and fourth bytes of that header, and when
fewer than four bytes are there, there is no message.

\kernel{a raw protocol-253 socket with \.{IP\_RECVORIGDSTADDR}: for the data
\.{11 22 33 44 55} the port is \.{0x3344}; for three bytes or none, no
message; a ping socket's port is the reply's checksum.}

@<Put the original destination, if the data has ports@>=
{
  struct sockaddr_in sin;
  memset(&sin, 0, sizeof sin);
  sin.sin_family = AF_INET;
  sin.sin_addr.s_addr = d->daddr;
  sin.sin_port = d->dport;
  if (d->l4off >= 0 && d->len >= (size_t) d->l4off + 4)
    memcpy(&sin.sin_port, dgram_data(d) + d->l4off + 2, 2);
  if (d->l4off < 0 || d->len >= (size_t) d->l4off + 4)
    put_cmsg(msg, co, IPPROTO_IP, IP_ORIGDSTADDR, sizeof sin, &sin);
}

@ @<Put the echo of the options, or truncate@>=
{
  uint8_t echo[SR_MAX_IPOPTLEN];
  int n = ip_options_echo(s->host, d, echo);
  if (n < 0) msg->msg_flags |= MSG_CTRUNC;
  else put_cmsg(msg, co, IPPROTO_IP, IP_RETOPTS, (size_t) n, echo);
}

@ \clause{ip.7:IP_RETOPTS}
@^ip.7:IP\_RETOPTS@>
\.{IP\_RETOPTS} returns the options a reply should carry,
|ip_options_echo| followed by |ip_options_undo|: the record-route option
and then the timestamp option, each as this host processed it, with the
slot the reply will fill cleared; other options are left out; the result
is padded to four bytes with end-of-list.  Whether a slot is to be filled
depends on the option as it arrived (was there room?), which is why the
datagram keeps both forms.  A source route never reaches a socket (the
host drops such datagrams on input).  An option the echo cannot follow
sets |MSG_CTRUNC| instead.

\kernel{a datagram whose record-route option the sender filled and
followed by a NOP: \.{IP\_RECVOPTS} gives \.{07 07 08 7f000001 01},
\.{IP\_RETOPTS} \.{07 07 08 7f000001 00}.}

@<Private function prototypes@>=
static int ip_options_echo(sr_host *h, const sr_dgram *d, uint8_t *echo);

@ @c
static int ip_options_echo(sr_host *h, const sr_dgram *d, uint8_t *echo)
{
  const uint8_t *rr = NULL, *ts = NULL, *wrr = NULL, *wts = NULL;
  uint8_t *p;
  int n = 0, pos = 0;
  for (pos = 0; (p = ipopt_next((uint8_t *) d->opt, d->optlen, &pos)) != NULL;) {
    if (p[0] == IPOPT_RR && !rr) { rr = p; wrr = d->wire_opt + (p - d->opt); }
    if (p[0] == IPOPT_TIMESTAMP && !ts) { ts = p; wts = d->wire_opt + (p - d->opt); }
  }
  if (rr) @<Echo the record-route option@>@;
  if (ts) @<Echo the timestamp option@>@;
  while (n & 3) echo[n++] = IPOPT_END;
  return n;
}

@ @<Echo the record-route option@>=
{
  int len = rr[1], soff = rr[2];
  bool need = wrr[2] <= len;
  if (len < 3 || n + len > SR_MAX_IPOPTLEN) return -1;
  memcpy(echo + n, rr, (size_t) len);
  if (need && soff <= len) {
    if (soff + 3 > len) return -1;
    memset(echo + n + soff - 1, 0, 4);
  }
  n += len;
}

@ The timestamp option's flags say what the slot holds: a time
(|IPOPT_TS_TSONLY|), an address and a time (|IPOPT_TS_TSANDADDR|), or a
time for a named address (|IPOPT_TS_PRESPEC|, whose slot this host fills
only when the address is its own).

@<Echo the timestamp option@>=
{
  int len = ts[1], soff = ts[2], flag = wts[3] & 0xf;
  bool room = wts[2] <= len, need_addr = false, need_time = false;
  uint8_t *t = echo + n;
  if (len < 4 || n + len > SR_MAX_IPOPTLEN) return -1;
  if (room) {
    need_addr = flag == IPOPT_TS_TSANDADDR;
    need_time = flag != IPOPT_TS_PRESPEC || !inet_addr_is_unicast(h, wts + wts[2] - 1);
  }
  memcpy(t, ts, (size_t) len);
  if (soff <= len) {
    bool dtime = false, daddr = false;
    if (need_addr) {
      if (soff + 3 > len) return -1;
      daddr = true;
      soff += 4;
    }
    if (need_time) {
      if (soff + 3 > len) return -1;
      if (flag != IPOPT_TS_PRESPEC) { dtime = true; soff += 4; }
      else if (soff + 7 <= len && !inet_addr_is_unicast(h, t + soff - 1)) {
        dtime = true;
        soff += 8;
      }
    }
    t[2] = (uint8_t) soff;
    if (dtime) {
      t[2] -= 4;
      memset(t + t[2] - 1, 0, 4);
      if (flag == IPOPT_TS_PRESPEC) t[2] -= 4;
    }
    if (daddr) {
      t[2] -= 4;
      memset(t + t[2] - 1, 0, 4);
    }
  }
  n += len;
}

@*1 Time stamps.
The kernel takes an arrival time for a packet only while some socket ---
any socket of the machine --- has asked for arrival times: with
\.{SO\_TIMESTAMP}, \.{SO\_TIMESTAMPNS}, or by calling \.{SIOCGSTAMP} once
--- or while it has \.{SO\_TIMESTAMPING}'s \.{RX\_SOFTWARE} flag.
Asking the first way is for the socket's life: turning the option off
later does not withdraw it; clearing \.{RX\_SOFTWARE} does.  The world
counts the sockets that ask, and an arrival is stamped while the count is
not zero.  Linux switches its stamping on and off through a deferred work
item, so for a moment after the count leaves or reaches zero a datagram
may or may not get a time; the model switches at once.  (A socket with
\.{SO\_TIMESTAMP} never sees the difference: a datagram without a time gets
the time of the read.)
@^model limits@>
@^time stamps@>

@<Network fields of the world@>=
int netstamp_sockets; /* sockets that want arrival times */

@ @<Private function prototypes@>=
static void sock_enable_timestamp(sr_sock *s);
static void sock_netstamp_update(sr_sock *s);

@ |sock_enable_timestamp| is the lasting ask; |sock_netstamp_update|
brings the count up to date with both ways of asking.

\kernel{a socket with \.{SO\_TIMESTAMPING} \.{SOFTWARE} alone, while
another has \.{RX\_SOFTWARE}, gets stamps; once that one has written
\.{SOFTWARE} alone too, neither does.}

@c
static void sock_enable_timestamp(sr_sock *s)
{
  s->stamp_asked = true;
  sock_netstamp_update(s);
}

static void sock_netstamp_update(sr_sock *s)
{
  bool want = s->stamp_asked || (s->tsflags & SR_SOF_RX_SOFTWARE);
  if (want == s->netstamp) return;
  s->netstamp = want;
  W->netstamp_sockets += want ? 1 : -1;
}

@ \clause{socket.7:SO_TIMESTAMP:2}
\clause{socket.7:SO_TIMESTAMPNS:2}
\clause{socket.7:ioctl:SIOCGSTAMP:4}
\clause{socket.7:ioctl:SIOCGSTAMP:5}
@^socket.7:SO\_TIMESTAMP@>
@^socket.7:SO\_TIMESTAMPNS@>
@^socket.7:ioctl:SIOCGSTAMP@>
What a receive does with the time, |sock_recv_timestamp|.  A socket with
\.{SO\_TIMESTAMP} gets a control message of level \.{SOL\_SOCKET} and type
\.{SO\_TIMESTAMP} holding a |timeval|, one with \.{SO\_TIMESTAMPNS} type
\.{SO\_TIMESTAMPNS} holding a |timespec|; a datagram that arrived without a
time (because nobody wanted times then) gets the time of the read.  A socket
without either option instead remembers the datagram's time for
\.{SIOCGSTAMP} --- or that it had none, in which case \.{SIOCGSTAMP}
answers with the time it is called, and keeps that answer.

The kernel recognises ``no time'' by a zero in the seconds, which never
happens on a real clock; virtual time starts at zero, so the model keeps
that state explicitly instead.
@^model limits@>

\kernel{the control messages are 32 bytes: level 1, type 29 or 35.  On a
machine where nothing asked for times, a datagram read 400~ms after it
arrived, then \.{SIOCGSTAMP}: the time of the |ioctl|, and the same again
later; after a first \.{SIOCGSTAMP} (even one that failed with |ENOENT|),
the arrival time.  With \.{SO\_TIMESTAMP} set, a read leaves
\.{SIOCGSTAMP} as it was.}

@<Private function prototypes@>=
static void sock_recv_timestamp(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d);
static void sock_recv_stamps(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d);

@ |sock_recv_timestamp| decides whether the socket reports a time
(|__sock_recv_timestamp|, below) or only remembers it for \.{SIOCGSTAMP}:
it reports with \.{SO\_TIMESTAMP}, with \.{SO\_TIMESTAMPING}'s
\.{RX\_SOFTWARE}, or with its \.{SOFTWARE} when the datagram has a time.
A socket that reports leaves \.{SIOCGSTAMP} alone.

\kernel{after a read that brought an \.{SCM\_TIMESTAMPING} message
(flags |0x18|, or |0x10| for a datagram that had a time), \.{SIOCGSTAMP}
is |ENOENT|.}

@c
static void sock_recv_timestamp(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d)
{
  uint32_t f = s->tsflags;
  if ((s->flags & SK_TIMESTAMP) || ((f & (SR_SOF_RX_SOFTWARE | SR_SOF_SOFTWARE)) &&
      ((f & SR_SOF_RX_SOFTWARE) || d->stamped))) {
    sock_recv_stamps(s, msg, co, d);
    return;
  }
  s->stamp_state = d->stamped ? SR_STAMP_VALID : SR_STAMP_UNKNOWN;
  s->stamp_ns = d->tstamp_ns;
}

@ @c
static void sock_recv_stamps(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  sr_dgram *d)
{
  if (!(s->flags & SK_TIMESTAMP)) {
    if (s->tsflags & SR_SOF_SOFTWARE) scm_timestamping_put(s, msg, co, d);
    return;
  }
  if (!d->stamped) {
    d->stamped = true;
    d->tstamp_ns = W->now_ns;
  }
  if (s->flags & SK_TIMESTAMPNS) {
    struct timespec ts;
    ts.tv_sec = (time_t) (d->tstamp_ns / 1000000000u);
    ts.tv_nsec = (long) (d->tstamp_ns % 1000000000u);
    put_cmsg(msg, co, SOL_SOCKET, (s->flags & SK_TSTAMP_NEW) ? SO_TIMESTAMPNS_NEW :
      SO_TIMESTAMPNS_OLD, sizeof ts, &ts);
  } else {
    struct timeval tv;
    tv.tv_sec = (time_t) (d->tstamp_ns / 1000000000u);
    tv.tv_usec = (suseconds_t) (d->tstamp_ns % 1000000000u / 1000u);
    put_cmsg(msg, co, SOL_SOCKET, (s->flags & SK_TSTAMP_NEW) ? SO_TIMESTAMP_NEW :
      SO_TIMESTAMP_OLD, sizeof tv, &tv);
  }
  if (s->tsflags & SR_SOF_SOFTWARE) scm_timestamping_put(s, msg, co, d);
}

@ \clause{socket.7:SO_TIMESTAMPING}
@^socket.7:SO\_TIMESTAMPING@>
The message of \.{SO\_TIMESTAMPING}, |scm_timestamping|: level
\.{SOL\_SOCKET}, type \.{SCM\_TIMESTAMPING} (the option's number), three
|timespec|s --- the software time, a slot no longer used, and the
hardware time, which the model's devices never give, so the last two are
zero.  It needs the reporting flag \.{SOFTWARE} and a datagram with a time;
for a received datagram, with \.{OPT\_RX\_FILTER} also \.{RX\_SOFTWARE} (an
entry of the error queue is not filtered).  It follows \.{SO\_TIMESTAMP}'s
or \.{SO\_TIMESTAMPNS}'s message, which has the same time: a datagram that
arrived with none is given the time of the read for that message, and
then for this one.  \.{OPT\_PKTINFO} adds a message only to hardware
stamps, so never here.
@^model limits@>

\kernel{with |0x18| (\.{RX\_SOFTWARE}, \.{SOFTWARE}) a 64-byte message,
level 1, type 37, the first time that of the arrival, the others zero;
|0x8| or |0x10| on their own (no other socket asking for times) nothing;
|0x20010| nothing, |0x20018| the message; |0x2018| and |0x58| the message
and nothing more.  With \.{SO\_TIMESTAMPNS}, \.{SO\_RXQ\_OVFL} and
\.{IP\_PKTINFO} too: \.{SCM\_TIMESTAMPNS} (type 35), then
\.{SCM\_TIMESTAMPING} with the same time, then \.{IP\_PKTINFO}; with
\.{SO\_TIMESTAMP}, type 29 first.}

@<Private function prototypes@>=
static void scm_timestamping_put(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  const sr_dgram *d);

@ @c
static void scm_timestamping_put(sr_sock *s, struct msghdr *msg, struct sr_cmsg_out *co,
  const sr_dgram *d)
{
  struct timespec ts[3];
  if (!d->stamped) return;
  if ((s->tsflags & SR_SOF_OPT_RX_FILTER) && !(s->tsflags & SR_SOF_RX_SOFTWARE) && !d->is_err)
    return;
  memset(ts, 0, sizeof ts);
  ts[0].tv_sec = (time_t) (d->tstamp_ns / 1000000000u);
  ts[0].tv_nsec = (long) (d->tstamp_ns % 1000000000u);
  put_cmsg(msg, co, SOL_SOCKET, (s->flags & SK_TSTAMP_NEW) ? SO_TIMESTAMPING_NEW :
    SO_TIMESTAMPING_OLD, sizeof ts, ts);
}

@*1 Time stamps of sending.
\clause{socket.7:SO_TIMESTAMPING}
@^socket.7:SO\_TIMESTAMPING@>
A datagram sent with \.{SO\_TIMESTAMPING}'s \.{TX\_SCHED} or
\.{TX\_SOFTWARE} flag --- the socket's, or those of an \.{SO\_TIMESTAMPING}
control message of the call, which replaces the socket's sending flags
for that datagram --- comes back to its socket's error queue when it leaves
the host: once when it enters the device's queueing (``scheduled'',
|SCM_TSTAMP_SCHED|), once when the driver takes it (``sent'',
|SCM_TSTAMP_SND|).  Both happen when the frame leaves the interface ---
on the spot for \.{lo} and on a LAN, when ARP has an answer for a frame
that waited --- first the scheduling, then the sending; only the first
fragment of a datagram carries the request, and a frame that never
leaves (its neighbour never answers) is never stamped, nor is one whose
socket was closed meanwhile.  A datagram built by several sends
(|MSG_MORE|) is stamped once, with the flags of its first send.  \.{TX\_HARDWARE} and \.{TX\_COMPLETION} ask
what no device of the model gives; \.{TX\_ACK} is TCP's; so are the
statistics of \.{OPT\_STATS}, and \.{OPT\_TX\_SWHW} (software stamps beside
hardware ones) has no hardware stamps to go beside.

\kernel{a socket with |0x12| (\.{TX\_SOFTWARE}, \.{SOFTWARE}) sending over
\.{lo}: one ``sent'' entry per datagram; with |0x110| one ``scheduled''
(info 1); with |0x112| two, info 1 then 0, though \.{lo} has no queueing
discipline.  Over a veth of a namespace: ``scheduled'' and ``sent'' too.
A 3000-byte datagram over that veth: two entries, of its first fragment.
To an address of the LAN that no host has: no entry, then or after ARP
gave up; to one that a host of another namespace takes 1.5~s after the
send: ``scheduled'' and ``sent'' at 2.03~s, when ARP's answer let the
frame go.  A send with an \.{SO\_TIMESTAMPING} message of 2 on a socket
with |0x10| gets a ``sent'' entry, a plain send none; a message of 4
(\.{RX\_HARDWARE}) is |EINVAL|; a message of |0x100| on a socket with
|0x92| gets ``scheduled'' only.  |0x5812| (\.{OPT\_STATS},
\.{OPT\_TX\_SWHW}) gives what |0x812| gives.  With |MSG_MORE|: ``a'' with
a message of 2, then ``b'', then ``c'' without |MSG_MORE|: one entry;
``d'', then ``e'' with a message of 2: none (script
\.{errq/timestamping-cork.sr}).}

@ What an entry holds.  It is a copy of the frame as the device had it:
the 14 bytes of an Ethernet header (all zero on \.{lo} but for the type
\.{0x0800}; the model, which has no link addresses, writes zeros for them
on a LAN too, where Linux has the neighbour's and the device's), then the
IP datagram; with \.{OPT\_TSONLY}, no data at all.  It has no name.  It is
described by a |sock_extended_err| with |ENOMSG|, origin
\.{SO\_EE\_ORIGIN\_TIMESTAMPING}, |ee_info| the kind of stamp and no
offender.  Its time is when it was made; the reading call reports it as
an \.{SCM\_TIMESTAMPING} message when the socket has \.{SOFTWARE}
(nothing otherwise; \.{SO\_TIMESTAMP}'s message comes first when that is
on), then the \.{IP\_RECVERR} message.  Entries are charged to the
receive buffer with the frame's true size (the size of an empty buffer
with \.{OPT\_TSONLY}) and dropped when it is full, as every entry of the
error queue is.  They set no pending error (\.{SO\_ERROR} stays 0), but
they make the socket readable for |POLLERR| (and |POLLPRI| with
\.{SO\_SELECT\_ERR\_QUEUE}) and wake a waiter, as every entry does.
@^model limits@>

\kernel{|0x12|, ``hello'' from \.{127.0.0.1:6000} to port 5000: an
entry of 47 bytes (12 zero bytes, \.{08 00}, the IP header, the UDP
header, ``hello''), |msg_flags| |MSG_ERRQUEUE|, |msg_namelen| 0, an
\.{SCM\_TIMESTAMPING} of 64 bytes and an \.{IP\_RECVERR} of 48: errno 42,
origin 4, type 0, code 0, info 0, data 0, offender all zero;
\.{SO\_MEMINFO} shows 832 bytes charged per entry; |poll| gives
|POLLOUT| and |POLLERR|, and \.{SO\_ERROR} 0.  With |0x2| the entry has
only the \.{IP\_RECVERR} message; with |0x892| the entries are empty.
With \.{SO\_RCVBUF} 2304 (written 1152) two 5-byte entries fit (832
each), the third is lost, and then a datagram for the socket's receive
queue is dropped too; no 1000-byte entry fits (2304 each), though empty
\.{OPT\_TSONLY} ones do.  \.{SO\_SELECT\_ERR\_QUEUE}: |POLLPRI| too.  Over
the veth: 14 bytes of Ethernet header (the neighbour's address, the
device's, \.{08 00}) and the datagram; for the 3000-byte datagram, 1514
bytes (length 1500, more-fragments set).}

@ The numbers of \.{OPT\_ID}.  With \.{OPT\_ID} an entry's |ee_data| is
its datagram's number: the socket numbers the datagrams that asked for
any stamp (hardware and completion included) from 0 up, unless the call
gave a number of its own with an \.{SCM\_TS\_OPT\_ID} message, which does
not advance the count.

\kernel{with |0x92| (\.{OPT\_ID}) the data are 0, 1, \dots;
\.{SCM\_TS\_OPT\_ID} 77 on a socket with |0x92|: data 77 twice, and the
next plain send 0; on a socket without \.{OPT\_ID} |EINVAL|.  Messages of
1 (\.{TX\_HARDWARE}) or |0x40000| (\.{TX\_COMPLETION}) bring no entry but
advance the count, |0x200| (\.{TX\_ACK}) does not.}

@ \.{OPT\_CMSG}.  With it, an entry that has data is read as an error
from ICMP is: the offender is the frame's source, and the socket's
receive options report the frame sent --- \.{IP\_PKTINFO} with the
interface that sent it, the source as |ipi_spec_dst| and the destination,
\.{IP\_TTL}, \.{IP\_TOS}, \.{IP\_ORIGDSTADDR} with the destination port;
the frame's IP options are not reported.  An entry without data
(\.{OPT\_TSONLY}) has neither.

\kernel{|0x412| with \.{IP\_PKTINFO}, \.{IP\_RECVTTL}, \.{IP\_RECVTOS}
and \.{IP\_RECVORIGDSTADDR} on, \.{IP\_TOS} \.{0x10}: the stamp, then
\.{IP\_PKTINFO} $\{1, \.{127.0.0.1}, \.{127.0.0.1}\}$, \.{IP\_TTL} 64,
\.{IP\_TOS} \.{0x10}, \.{IP\_ORIGDSTADDR} \.{127.0.0.1:5000}, then
\.{IP\_RECVERR} with offender \.{AF\_INET} \.{127.0.0.1}; over the veth
\.{IP\_PKTINFO} index 3, the veth's.  |0xc12|: the stamp and
\.{IP\_RECVERR} only, offender all zero.  |0x412| with a record-route
option on the socket and \.{IP\_RECVOPTS} and \.{IP\_RETOPTS} on: a
51-byte entry and no option message.}

@<Constants of the model@>=
#define SR_SKBTX_SCHED 1u
#define SR_SKBTX_SW 2u
#define SR_SOF_TX_KEYED (SR_SOF_TX_HARDWARE | SR_SOF_TX_SOFTWARE | SR_SOF_TX_SCHED | \
  SR_SOF_TX_COMPLETION)
#define SR_ETH_HLEN 14

@ @<Private function prototypes@>=
static void ip_tx_tstamp_setup(sr_sock *s, const struct sr_ipcm *ipc, struct sr_ipout *o);
static void dev_tx_tstamp(int ifindex, sr_pkt *pkt);
static void skb_tstamp_tx(sr_sock *s, int ifindex, const sr_pkt *pkt, int tstype);

@ What a datagram asks for, |sock_tx_timestamp| and the choice of its
number in |__ip_append_data|: set into the IP parameters, whence the
packet takes it.  Only a send whose flags ask for a stamp comes here.

@c
static void ip_tx_tstamp_setup(sr_sock *s, const struct sr_ipcm *ipc, struct sr_ipout *o)
{
  uint32_t f = ipc->tsflags;
  if (f & SR_SOF_TX_SCHED) o->tx_flags |= SR_SKBTX_SCHED;
  if (f & SR_SOF_TX_SOFTWARE) o->tx_flags |= SR_SKBTX_SW;
  if (!(s->tsflags & SR_SOF_OPT_ID) || !(f & SR_SOF_TX_KEYED)) return;
  o->tskey = ipc->has_ts_opt_id ? ipc->ts_opt_id : s->tskey++;
}

@ The frame leaves: |dev_tx_tstamp| is called from the device (the links
chapter) for a packet that asked for stamps, and makes them, once.

@c
static void dev_tx_tstamp(int ifindex, sr_pkt *pkt)
{
  sr_sock *s = pkt->sk;
  unsigned f = pkt->tx_flags;
  pkt->tx_flags = 0;
  if (!s || s->orphaned) return;
  if (f & SR_SKBTX_SCHED) skb_tstamp_tx(s, ifindex, pkt, SCM_TSTAMP_SCHED);
  if (f & SR_SKBTX_SW) skb_tstamp_tx(s, ifindex, pkt, SCM_TSTAMP_SND);
}

@ One entry, |__skb_tstamp_tx| and |__skb_complete_tx_timestamp|.  For
\.{OPT\_CMSG} the entry keeps what a reader's \.{IP\_PKTINFO} and the other
receive options show: the interface that sent it, the header's fields,
and where its transport header lies for \.{IP\_ORIGDSTADDR}.

@c
static void skb_tstamp_tx(sr_sock *s, int ifindex, const sr_pkt *pkt, int tstype)
{
  bool tsonly = (s->tsflags & SR_SOF_OPT_TSONLY) != 0;
  sr_dgram *d = dgram_new(tsonly ? 0 : SR_ETH_HLEN + pkt->len);
  d->is_err = true;
  d->ee.ee_errno = ENOMSG;
  d->ee.ee_origin = SO_EE_ORIGIN_TIMESTAMPING;
  d->ee.ee_info = (uint32_t) tstype;
  if (s->tsflags & SR_SOF_OPT_ID) d->ee.ee_data = pkt->tskey;
  d->stamped = true;
  d->tstamp_ns = W->now_ns;
  d->l4off = -1;
  if (tsonly) d->truesize = skb_truesize(0, 0);
  else {
    memset(d->data, 0, SR_ETH_HLEN);
    d->data[12] = 0x08;
    memcpy(d->data + SR_ETH_HLEN, pkt->data, pkt->len);
    d->truesize = pkt->truesize;
    d->ifindex = ifindex;
    d->offender = d->spec_dst = get_addr(pkt->data + 12);
    d->daddr = get_addr(pkt->data + 16);
    d->ttl = pkt->data[8];
    d->tos = pkt->data[1];
    d->l4off = SR_ETH_HLEN + (pkt->data[0] & 0xf) * 4;
  }
  sock_queue_err(s, d);
}

@ \clause{socket.7:ioctl:SIOCGSTAMP}
\.{SIOCGSTAMP} and \.{SIOCGSTAMPNS}, |sock_gettstamp|: the call asks for
arrival times first; then |ENOENT| when no datagram was read, the current
time (kept) when the last one had none, the time otherwise.  The argument
is looked at only after that.

\kernel{on a fresh socket \.{SIOCGSTAMP} with a null argument is |ENOENT|;
after a read, |EFAULT|; \.{SIOCGSTAMPNS} answers a |timespec|.}

@<Private function prototypes@>=
static int sock_gettstamp(sr_sock *s, void *argp, bool ns);

@ @c
static int sock_gettstamp(sr_sock *s, void *argp, bool ns)
{
  sock_enable_timestamp(s);
  if (s->stamp_state == SR_STAMP_NONE) return -ENOENT;
  if (s->stamp_state == SR_STAMP_UNKNOWN) {
    s->stamp_state = SR_STAMP_VALID;
    s->stamp_ns = W->now_ns;
  }
  if (!argp) return -EFAULT;
  if (ns) {
    struct timespec ts;
    ts.tv_sec = (time_t) (s->stamp_ns / 1000000000u);
    ts.tv_nsec = (long) (s->stamp_ns % 1000000000u);
    memcpy(argp, &ts, sizeof ts);
  } else {
    struct timeval tv;
    tv.tv_sec = (time_t) (s->stamp_ns / 1000000000u);
    tv.tv_usec = (suseconds_t) (s->stamp_ns % 1000000000u / 1000u);
    memcpy(argp, &tv, sizeof tv);
  }
  return 0;
}

@*1 The queues seen from outside.
\clause{socket.7:call:ioctl}
@^socket.7:call:ioctl@>
\.{SIOCINQ} (\.{FIONREAD}) on a datagram socket answers the length of the
datagram at the head of the queue, not the bytes queued --- 0 for an empty
queue and for an empty datagram --- discarding on the way any datagram at
the head whose checksum fails (|first_packet_length|).  \.{SIOCOUTQ}
answers |wmem|.

\kernel{with a 5-byte and a 3-byte datagram queued, \.{FIONREAD} reads 5;
with an empty datagram before a 3-byte one, 0, and 3 once the empty one
is read.}

@<Private function prototypes@>=
static int first_packet_length(sr_sock *s);

@ @c
static int first_packet_length(sr_sock *s)
{
  int total = 0;
  if (!s->rq_reader && s->rq_len) s->rq_reader = s->rq_len;
  while (s->rq_head && s->rq_head->csum_bad) {
    sr_dgram *d = udp_queue_head_remove(s);
    total += d->truesize;
    s->drops++;
    free(d);
    if (!s->rq_reader && s->rq_len) s->rq_reader = s->rq_len;
  }
  if (total) udp_rmem_release(s, total, s->rq_reader);
  return s->rq_head ? (int) s->rq_head->len : -1;
}

@ The cases of |sock_ioctl| (the chapter on control operations) that read
the queues.  These requests belong to the protocols.  TCP also answers
\.{SIOCATMARK} (whether urgent data is next: 0, none ever comes) and
\.{SIOCOUTQNSD} (bytes not yet sent); a listening TCP socket has no queues,
and all but \.{SIOCATMARK} are |EINVAL| for it.  UDP and raw sockets
answer only \.{SIOCINQ} and \.{SIOCOUTQ} (the others are |ENOTTY|); ping
sockets have no handler at all, so all four are |ENOTTY| for them.  The
model's TCP sockets never hold data, so their answers are 0 --- but for
the two that count from the next sequence number to send, which a
disconnect moves (chapter {\it Binding\/}, |tcp_disconnect|).

\kernel{\.{SIOCATMARK} and \.{SIOCOUTQNSD} store 0 on a fresh TCP socket
and are |ENOTTY| on UDP and raw ones; on a ping socket \.{SIOCINQ} and
\.{SIOCOUTQ} are |ENOTTY|; on a listening TCP socket \.{SIOCINQ} and
\.{SIOCOUTQ} are |EINVAL| and \.{SIOCATMARK} stores 0 (scripts
\.{ioctl/sweep.*.sr}).}

@<Cases of the socket ioctls that read the queues@>=
case SIOCGSTAMP: return sock_gettstamp(s, argp, false);
case SIOCGSTAMPNS: return sock_gettstamp(s, argp, true);
case SIOCINQ: case SIOCOUTQ: case SIOCATMARK: case SIOCOUTQNSD:
  if (s->type == SOCK_DGRAM && s->protocol == IPPROTO_ICMP) return -ENOTTY;
  if (s->type != SOCK_STREAM && (req == SIOCATMARK || req == SIOCOUTQNSD)) return -ENOTTY;
  if (s->type == SOCK_STREAM && s->listening && req != SIOCATMARK) return -EINVAL;
  if (!argp) return -EFAULT;
  v = 0;
  if (s->type != SOCK_STREAM) {
    if (req == SIOCINQ) {
      int n = first_packet_length(s);
      v = n < 0 ? 0 : n;
    } else v = s->wmem;
  } else if (req == SIOCOUTQ || req == SIOCOUTQNSD) v = (int) s->tcp_write_seq;
  memcpy(argp, &v, sizeof v);
  return 0;

@*1 Shutting down.
\clause{socket.7:call:shutdown}
@^socket.7:call:shutdown@>
|shutdown| closes one or both directions of a socket, |inet_shutdown|:
|how| must be \.{SHUT\_RD}, \.{SHUT\_WR} or \.{SHUT\_RDWR} (|EINVAL|).  A
datagram socket that is not connected answers |ENOTCONN| --- and is shut
down all the same, as is a TCP socket that never connected: the kernel
records the directions before it looks at the state.  A listening socket
stops listening when its reading side is shut, and records nothing.  A
socket shut for reading returns 0 from a receive that would wait, yet
still takes the datagrams that arrive; one shut for writing fails every
send with |EPIPE|, without \.{SIGPIPE}.  Connecting again or disconnecting
does not undo a shutdown.  The readiness bits follow (next chapter).

\kernel{an unconnected UDP socket: \.{SHUT\_RD} is |ENOTCONN|, yet a
blocking |recv| then returns 0 and |poll| shows
|POLLIN|$\vert$|POLLRDNORM|$\vert$|POLLRDHUP|; |how| 3 and $-1$ are
|EINVAL|.  A connected one: 0.  After \.{SHUT\_WR}, |send|, |sendto| and
|write| are |EPIPE|, with or without |MSG_NOSIGNAL|, and no signal comes;
after |connect| again still |EPIPE|.  A listening TCP socket:
\.{SHUT\_WR} is 0 and changes nothing; \.{SHUT\_RD} is 0 and
\.{SO\_ACCEPTCONN} reads 0.  Raw sockets: |ENOTCONN|.}

@<Public declarations@>=
int sr_shutdown(int fd, int how);

@ @c
int sr_shutdown(int fd, int how)
{
  int err = 0;
  sr_sock *s;
  world_ready();
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  how++;
  if ((how & ~SR_SHUTDOWN_MASK) || !how) return sys_return(-EINVAL);
  if (s->type == SOCK_STREAM && s->listening) {
    if (how & SR_RCV_SHUTDOWN) tcp_disconnect(s);
    return 0;
  }
  if (!s->connected) err = -ENOTCONN;
  s->shutdown |= (unsigned) how;
  return sys_return(err);
}

@*1 The calls.
The eleven calls that move data share two paths: every send becomes a
|msghdr| handed to the socket's protocol, and so does every receive.  The
system-call layer's checks come first and are the same for every
protocol; the calls differ only in which of them apply.

\clause{socket.7:call:send}
\clause{socket.7:call:sendto}
\clause{socket.7:call:sendmsg}
@^socket.7:call:send@>
@^socket.7:call:sendto@>
@^socket.7:call:sendmsg@>
The sending side (|__sys_sendto|, |____sys_sendmsg|, |sock_write_iter|,
|vfs_writev|): a descriptor that is not open is |EBADF|, one that is not a
socket |ENOTSOCK| (|write| and |writev| on the terminal just succeed); an
address length of |sendto| outside $0\ldots128$ is |EINVAL| (|sendmsg|
cuts it to 128, and a null name or a zero length means no address); a
vector of more than 1024 pieces is |EMSGSIZE| for |sendmsg| and |EINVAL|
for |writev|, a null vector |EFAULT|; a control buffer longer than
\.{optmem\_max} is |ENOBUFS|, a null one with a length |EFAULT|; an open
file with |O_NONBLOCK| adds |MSG_DONTWAIT|.  |writev| of nothing returns
0 and sends nothing, where |write| of nothing sends an empty datagram.

\kernel{|sendto| with address length 200 or $-1$ is |EINVAL| and, unlike
the protocol's errors, leaves the socket unbound; |sendmsg| with 2000
pieces is |EMSGSIZE| and leaves it unbound; |sendmsg| with |msg_namelen| 0
is |EDESTADDRREQ|; a control buffer of 8 or 15 bytes is ignored, a null
one of 16 is |EFAULT|; |writev| of 1025 pieces or $-1$ is |EINVAL| (a bad
descriptor is |EBADF| first), of two empty pieces 0 with nothing sent,
|writev(fd, NULL, 1)| |EFAULT|.}

@<Public declarations@>=
ssize_t sr_send(int fd, const void *buf, size_t len, int flags);
ssize_t sr_sendto(int fd, const void *buf, size_t len, int flags,
  const struct sockaddr *dest_addr, socklen_t addrlen);
ssize_t sr_sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t sr_write(int fd, const void *buf, size_t count);
ssize_t sr_writev(int fd, const struct iovec *iov, int iovcnt);

@ The largest count a read or write moves at once, |MAX_RW_COUNT|.

@<Constants of the model@>=
#define SR_MAX_RW_COUNT (INT_MAX & ~4095)
#define SR_UIO_MAXIOV 1024

@ @<Private function prototypes@>=
SR_IN_CALLER static ssize_t sock_sendmsg(sr_sock *s, struct msghdr *m, int flags);
static ssize_t iov_total(const struct iovec *iov, size_t n);

@ The total of a vector, clamped as the kernel clamps it; a piece longer
than |SSIZE_MAX| is |EINVAL|.

@c
static ssize_t iov_total(const struct iovec *iov, size_t n)
{
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    if (iov[i].iov_len > (size_t) SSIZE_MAX) return -EINVAL;
    if (iov[i].iov_len > (size_t) SR_MAX_RW_COUNT - total) return SR_MAX_RW_COUNT;
    total += iov[i].iov_len;
  }
  return (ssize_t) total;
}

@ The steps between a call's entry and the protocol are short, but each
one left to itself is a frame: its saved registers pushed and popped, its
arguments spilled --- stores that compete with the payload copy's.  The
hot ones are placed in their caller (|SR_IN_CALLER|): |sock_sendmsg|
in |sr_sendto|, and on the read |sock_recv_len| and |udp_recvmsg| in the
body of |sr_recvfrom|, which |sr_recv| takes as its own instead of
calling |sr_recvfrom| (together these save 33 of 1\,500 instructions and
2 of 280 stores a round trip).

@<Constants of the model@>=
#define SR_IN_CALLER inline __attribute__((always_inline))
  /* a hot step whose own frame would cost more than its copies */

@ The protocol's send.  UDP, UDP-Lite and ping sockets first take a port
(an identifier, for ping); raw sockets have theirs; TCP's model sockets
are never connected (see |tcp_sendmsg_closed|).  The network runs until it
is quiet before the call returns.

@c
SR_IN_CALLER static ssize_t sock_sendmsg(sr_sock *s, struct msghdr *m, int flags)
{
  ssize_t r, len = iov_total(m->msg_iov, (size_t) m->msg_iovlen);
  if (len < 0) return len;
  if (s->file && (s->file->flags & O_NONBLOCK)) flags |= MSG_DONTWAIT;
  if (s->type == SOCK_STREAM) return tcp_sendmsg_closed(s, m, flags);
  if (s->type == SOCK_RAW) r = raw_sendmsg(s, m, (size_t) len, flags);
  else {
    if (inet_autobind(s)) return -EAGAIN;
    r = s->protocol == IPPROTO_ICMP ? ping_sendmsg(s, m, (size_t) len, flags) :
      udp_sendmsg(s, m, (size_t) len, flags);
  }
  net_run();
  return r;
}

@ @c
ssize_t sr_sendto(int fd, const void *buf, size_t len, int flags,
  const struct sockaddr *dest_addr, socklen_t addrlen)
{
  int err = 0;
  sr_sock *s;
  struct sockaddr_storage a;
  struct iovec v;
  struct msghdr m;
  ssize_t r;
  world_ready();
restart:
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  memset(&m, 0, sizeof m);
  v.iov_base = (void *) buf;
  v.iov_len = len > SR_MAX_RW_COUNT ? SR_MAX_RW_COUNT : len;
  m.msg_iov = &v;
  m.msg_iovlen = 1;
  if (dest_addr) {
    if ((err = move_addr_to_kernel(dest_addr, (int) addrlen, &a)) < 0)
      return sys_return(err);
    m.msg_name = &a;
    m.msg_namelen = addrlen;
  }
  r = sock_sendmsg(s, &m, flags);
  if (signal_restart(&r)) goto restart;
  return sys_return((int) r);
}

ssize_t sr_send(int fd, const void *buf, size_t len, int flags)
{
  return sr_sendto(fd, buf, len, flags, NULL, 0);
}

@ |sendmsg| copies the caller's header; the name, the vector and the
control buffer are checked as said above.

@c
ssize_t sr_sendmsg(int fd, const struct msghdr *msg, int flags)
{
  int err = 0;
  sr_sock *s;
  struct sockaddr_storage a;
  struct msghdr m;
  ssize_t r;
  world_ready();
restart:
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if (!msg) return sys_return(-EFAULT);
  m = *msg;
  if (!m.msg_name || (int) m.msg_namelen == 0) {
    m.msg_name = NULL;
    m.msg_namelen = 0;
  } else {
    if ((int) m.msg_namelen < 0) return sys_return(-EINVAL);
    if (m.msg_namelen > sizeof a) m.msg_namelen = sizeof a;
    if ((err = move_addr_to_kernel(msg->msg_name, (int) m.msg_namelen, &a)) < 0)
      return sys_return(err);
    m.msg_name = &a;
  }
  if (m.msg_iovlen > SR_UIO_MAXIOV) return sys_return(-EMSGSIZE);
  if (m.msg_iovlen && !m.msg_iov) return sys_return(-EFAULT);
  if (m.msg_controllen > INT_MAX) return sys_return(-ENOBUFS);
  if (m.msg_controllen > SR_CTL_STACK &&
      m.msg_controllen > (size_t) sysctl_value(s->host, SYS_OPTMEM_MAX))
    return sys_return(-ENOBUFS);
  if (m.msg_controllen && !m.msg_control) return sys_return(-EFAULT);
  r = sock_sendmsg(s, &m, flags);
  if (signal_restart(&r)) goto restart;
  return sys_return((int) r);
}

@ The kernel keeps a small control buffer on its stack and allocates a
larger one against \.{optmem\_max}.

@<Constants of the model@>=
#define SR_CTL_STACK 36

@ |write| and |writev| on a socket send without an address and without
flags; on the terminal they succeed.

@c
ssize_t sr_write(int fd, const void *buf, size_t count)
{
  struct iovec v;
  v.iov_base = (void *) buf;
  v.iov_len = count;
  return file_writev(fd, &v, 1, false);
}

ssize_t sr_writev(int fd, const struct iovec *iov, int iovcnt)
{
  return file_writev(fd, iov, iovcnt, true);
}

@ @<Private function prototypes@>=
static ssize_t file_writev(int fd, const struct iovec *iov, int iovcnt, bool vector);

@ @c
static ssize_t file_writev(int fd, const struct iovec *iov, int iovcnt, bool vector)
{
  sr_file *f;
  struct msghdr m;
  ssize_t total;
  world_ready();
restart:
  if (!(f = fd_file(W->cur, fd))) return sys_return(-EBADF);
  if (iovcnt < 0 || iovcnt > SR_UIO_MAXIOV) return sys_return(-EINVAL);
  if (iovcnt && !iov) return sys_return(-EFAULT);
  total = iov_total(iov, (size_t) iovcnt);
  if (total < 0) return sys_return((int) total);
  if (vector && total == 0) return 0;
  if (f->kind != SR_FILE_SOCKET) return total;
  memset(&m, 0, sizeof m);
  m.msg_iov = (struct iovec *) iov;
  m.msg_iovlen = (size_t) iovcnt;
  total = sock_sendmsg(f->sock, &m, 0);
  if (signal_restart(&total)) goto restart;
  return sys_return((int) total);
}

@ \clause{socket.7:call:recvfrom}
@^socket.7:call:recvfrom@>
The receiving side (|__sys_recvfrom|, |____sys_recvmsg|,
|sock_read_iter|, |vfs_readv|): the same descriptor checks; |read| and
|readv| of nothing return 0 and leave the queue alone, where |recv| of
nothing consumes a datagram; |recvmsg| refuses a negative |msg_namelen|
(|EINVAL|, before anything is read) and more than 1024 pieces
(|EMSGSIZE|); |readv| more than 1024 (|EINVAL|).  After the protocol has
read, the sender's address goes back to the caller as |getsockname|'s does
--- which is where a negative length, or a null pointer to it, fails
(|EINVAL|, |EFAULT|) with the datagram already consumed.  |recvmsg|
answers |msg_flags| (with the caller's |MSG_CMSG_CLOEXEC| kept),
|msg_controllen| (the bytes of control messages written) and, when it has
a name buffer, |msg_namelen| (16, or 0 when the protocol gave no name); a
failed call writes none of them.  The terminal has no input: a read from
it would wait forever.  The buffer the protocol writes the name into is
not cleared first: only the |klen| bytes the protocol wrote are copied
out.

\kernel{|recvfrom| with address length 4 copies 4 bytes and sets 16; with
$-1$ it is |EINVAL| and the datagram is gone; with a null length pointer
|EFAULT|, gone too; |recvmsg| with |msg_namelen| $-1$ is |EINVAL| and the
datagram stays; |msg_namelen| 200 comes back 16; a name buffer with
|msg_namelen| 0 gets no byte of the name, with 4 or 15 the first 4 or 15,
and |msg_namelen| comes back 16 each time, on UDP, raw and ping sockets
alike (script \.{udp/recvmsg-namelen.sr}); |MSG_CMSG_CLOEXEC|
shows in |msg_flags|; |read| of 0 bytes returns 0 and the datagram
stays; |readv| of 1025 pieces is |EINVAL|.}

@<Public declarations@>=
ssize_t sr_recv(int fd, void *buf, size_t len, int flags);
ssize_t sr_recvfrom(int fd, void *buf, size_t len, int flags,
  struct sockaddr *src_addr, socklen_t *addrlen);
ssize_t sr_recvmsg(int fd, struct msghdr *msg, int flags);
ssize_t sr_read(int fd, void *buf, size_t count);
ssize_t sr_readv(int fd, const struct iovec *iov, int iovcnt);

@ @<Private function prototypes@>=
static ssize_t sock_recvmsg(sr_sock *s, struct msghdr *m, int flags, socklen_t *namelen,
  struct sr_cmsg_out *co);
SR_IN_CALLER static ssize_t sock_recv_len(sr_sock *s, struct msghdr *m, ssize_t len,
  int flags, socklen_t *namelen, struct sr_cmsg_out *co);

@ The protocol's receive: raw and ping sockets have their own
(|raw_recvmsg|, chapter {\it Raw sockets\/}).  |sock_recv_len| is the
receive of a vector whose total the caller already knows: |sr_recvfrom|'s
one piece, clamped, is its own total (not summing it again saves 23 of
2\,276 instructions a round trip).

@c
static ssize_t sock_recvmsg(sr_sock *s, struct msghdr *m, int flags, socklen_t *namelen,
  struct sr_cmsg_out *co)
{
  ssize_t len = iov_total(m->msg_iov, (size_t) m->msg_iovlen);
  if (len < 0) return len;
  return sock_recv_len(s, m, len, flags, namelen, co);
}

SR_IN_CALLER static ssize_t sock_recv_len(sr_sock *s, struct msghdr *m, ssize_t len,
  int flags, socklen_t *namelen, struct sr_cmsg_out *co)
{
  ssize_t r;
  if (s->file && (s->file->flags & O_NONBLOCK)) flags |= MSG_DONTWAIT;
  if (s->type == SOCK_STREAM) r = tcp_recvmsg_closed(s, m, (size_t) len, flags, namelen, co);
  else if (s->type == SOCK_RAW || s->protocol == IPPROTO_ICMP)
    r = raw_recvmsg(s, m, (size_t) len, flags, namelen, co);
  else r = udp_recvmsg(s, m, (size_t) len, flags, namelen, co);
  net_run();
  return r;
}

@ |sr_recvfrom| and |sr_recv| share one body, placed in each, so that
|sr_recv| does not pay a second frame to pass two null pointers on.

@c
SR_IN_CALLER static ssize_t recvfrom_body(int fd, void *buf, size_t len, int flags,
  struct sockaddr *src_addr, socklen_t *addrlen)
{
  int err = 0;
  sr_sock *s;
  struct sockaddr_storage a;
  struct iovec v;
  struct msghdr m;
  struct sr_cmsg_out co = { NULL, 0, 0 };
  socklen_t klen = 0;
  ssize_t r;
  world_ready();
restart:
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  memset(&m, 0, sizeof m);
  v.iov_base = buf;
  v.iov_len = len > SR_MAX_RW_COUNT ? SR_MAX_RW_COUNT : len;
  m.msg_iov = &v;
  m.msg_iovlen = 1;
  m.msg_name = src_addr ? &a : NULL;
  r = sock_recv_len(s, &m, (ssize_t) v.iov_len, flags, &klen, &co);
  if (signal_restart(&r)) goto restart;
  if (r >= 0 && src_addr) {
    err = move_addr_to_user(&a, (int) klen, src_addr, addrlen);
    if (err < 0) return sys_return(err);
  }
  return sys_return((int) r);
}

ssize_t sr_recvfrom(int fd, void *buf, size_t len, int flags,
  struct sockaddr *src_addr, socklen_t *addrlen)
{
  return recvfrom_body(fd, buf, len, flags, src_addr, addrlen);
}

ssize_t sr_recv(int fd, void *buf, size_t len, int flags)
{
  return recvfrom_body(fd, buf, len, flags, NULL, NULL);
}

@ @c
ssize_t sr_recvmsg(int fd, struct msghdr *msg, int flags)
{
  int err = 0;
  sr_sock *s;
  struct sockaddr_storage a;
  struct msghdr m;
  struct sr_cmsg_out co;
  socklen_t klen = 0;
  ssize_t r;
  world_ready();
restart:
  if (!(s = sock_lookup(fd, &err))) return sys_return(err);
  if (!msg) return sys_return(-EFAULT);
  if (msg->msg_name && (int) msg->msg_namelen < 0) return sys_return(-EINVAL);
  if (msg->msg_iovlen > SR_UIO_MAXIOV) return sys_return(-EMSGSIZE);
  if (msg->msg_iovlen && !msg->msg_iov) return sys_return(-EFAULT);
  m = *msg;
  m.msg_name = msg->msg_name ? &a : NULL;
  m.msg_flags = flags & MSG_CMSG_CLOEXEC;
  co.pos = msg->msg_control;
  co.room = msg->msg_controllen;
  co.used = 0;
  r = sock_recvmsg(s, &m, flags, &klen, &co);
  if (signal_restart(&r)) goto restart;
  if (r < 0) return sys_return((int) r);
  if (msg->msg_name) {
    err = move_addr_to_user(&a, (int) klen, msg->msg_name, &msg->msg_namelen);
    if (err < 0) return sys_return(err);
  }
  msg->msg_flags = m.msg_flags;
  msg->msg_controllen = co.used;
  return sys_return((int) r);
}

@ @c
ssize_t sr_read(int fd, void *buf, size_t count)
{
  struct iovec v;
  v.iov_base = buf;
  v.iov_len = count;
  return file_readv(fd, &v, 1);
}

ssize_t sr_readv(int fd, const struct iovec *iov, int iovcnt)
{
  return file_readv(fd, iov, iovcnt);
}

@ @<Private function prototypes@>=
static ssize_t file_readv(int fd, const struct iovec *iov, int iovcnt);

@ @c
static ssize_t file_readv(int fd, const struct iovec *iov, int iovcnt)
{
  sr_file *f;
  struct msghdr m;
  struct sr_cmsg_out co = { NULL, 0, 0 };
  socklen_t klen = 0;
  ssize_t total;
  world_ready();
restart:
  if (!(f = fd_file(W->cur, fd))) return sys_return(-EBADF);
  if (iovcnt < 0 || iovcnt > SR_UIO_MAXIOV) return sys_return(-EINVAL);
  if (iovcnt && !iov) return sys_return(-EFAULT);
  total = iov_total(iov, (size_t) iovcnt);
  if (total < 0) return sys_return((int) total);
  if (total == 0) return 0;
  if (f->kind != SR_FILE_SOCKET)
    return sys_return((f->flags & O_NONBLOCK) ? -EAGAIN : SR_EWAITFOREVER);
  memset(&m, 0, sizeof m);
  m.msg_iov = (struct iovec *) iov;
  m.msg_iovlen = (size_t) iovcnt;
  total = sock_recvmsg(f->sock, &m, 0, &klen, &co);
  if (signal_restart(&total)) goto restart;
  return sys_return((int) total);
}

@*1 Sockets without a modelled data path.
The model has no TCP connections, so a TCP socket is always closed or
listening, and its data calls have one answer each (|tcp_sendmsg| and
|tcp_recvmsg| on such a socket).  A send: a pending error is returned;
otherwise |EPIPE|, and the sender gets \.{SIGPIPE} unless it passed
|MSG_NOSIGNAL|.  Control messages are not looked at: Linux~6.18 reads them
at once but reports a fault in them only after it has waited for the
connection, which a closed socket never gets past.
A receive: the error queue is read with |MSG_ERRQUEUE|; a listener is
|ENOTCONN|; |MSG_OOB| is |EINVAL|; a pending error is returned; a socket
shut for reading returns 0; otherwise |ENOTCONN|.  Even an empty receive
is |ENOTCONN|.
@^model limits@>

\clause{socket.7:signal:SIGPIPE}
\clause{socket.7:signal:SIGPIPE:2}
@^socket.7:signal:SIGPIPE@>
\kernel{a fresh TCP socket: |send|, |sendto|, |send| of nothing and |send|
with |MSG_OOB| are |EPIPE| (\.{SIGPIPE} unless |MSG_NOSIGNAL|), and so is
|sendmsg| with a control message whose length is 8, or an \.{SO\_MARK}
message from a process without the capability (scripts found by
\.{sr-fuzz}); |recv| of
4 or 0 bytes and with |MSG_PEEK| is |ENOTCONN|, with |MSG_OOB| |EINVAL|,
with |MSG_ERRQUEUE| |EAGAIN|; |read| of 0 bytes returns 0; after
\.{SHUT\_RD} (|ENOTCONN|) |recv| returns 0.  A listener: |send| |EPIPE|,
|recv| |ENOTCONN|.}

@<Private function prototypes@>=
static ssize_t tcp_sendmsg_closed(sr_sock *s, const struct msghdr *m, int flags);
static ssize_t tcp_recvmsg_closed(sr_sock *s, struct msghdr *m, size_t len, int flags,
  socklen_t *namelen, struct sr_cmsg_out *co);

@ @c
static ssize_t tcp_sendmsg_closed(sr_sock *s, const struct msghdr *m, int flags)
{
  (void) m;
  if (s->err) {
    int err = s->err;
    s->err = 0;
    return -err;
  }
  if (!(flags & MSG_NOSIGNAL)) proc_send_signal(W->cur, SIGPIPE);
  return -EPIPE;
}

static ssize_t tcp_recvmsg_closed(sr_sock *s, struct msghdr *m, size_t len, int flags,
  socklen_t *namelen, struct sr_cmsg_out *co)
{
  if (flags & MSG_ERRQUEUE) return ip_recv_error(s, m, len, namelen, co);
  if (s->listening) return -ENOTCONN;
  if (flags & MSG_OOB) return -EINVAL;
  if (s->err) {
    int err = s->err;
    s->err = 0;
    return -err;
  }
  if (s->shutdown & SR_RCV_SHUTDOWN) return 0;
  return -ENOTCONN;
}

@*1 Releasing a socket's queues.
A socket that goes takes its queues and its pending datagram with it,
and stops wanting arrival times.

@<Private function prototypes@>=
static void udp_release(sr_sock *s);

@ @c
static void udp_release(sr_sock *s)
{
  while (s->rq_head) free(udp_queue_head_remove(s));
  sock_purge_err(s);
  if (s->cork) udp_cork_discard(s);
  if (s->netstamp) W->netstamp_sockets--;
}

@*1 Frames the host holds.
A datagram leaves the host at once on loopback and on a LAN: the kernel
too stops charging a buffer to its socket at the loopback device and where a
veth pair crosses into another namespace.  One place keeps sent frames:
the queue of a neighbour that has not answered ARP yet (the chapter on
links).  While a frame waits there it stays charged to the socket that sent
it --- \.{SIOCOUTQ} shows it, and the send buffer fills --- and the socket
may not disappear: closing it leaves it {\it orphaned\/} until its last
frame is sent or dropped.  When a frame is let go and the send buffer is
again less than half full, a socket that had found it full (a send that
failed with |EAGAIN|, a |poll| that found it unwritable) is told, with
\.{SIGIO} to an asynchronous owner; a send that waited is not, for it
clears that mark before waiting (|sock_wait_for_wmem|).

\kernel{with \.{SO\_SNDBUF} 4608, to an address of the veth's LAN that no
host has: a third blocking |send| of 1000 bytes waits about 3~s, until
ARP gives up and the two held frames are freed, then succeeds; no
\.{SIGIO}; after a non-blocking |send| failed with |EAGAIN|, the release
brings one \.{SIGIO}.  The port of a socket closed with a frame waiting can
be bound again at once.}
@^send buffer@>
@^orphaned socket@>

@<UDP fields of a socket@>=
int wheld; /* frames the host holds for it */
bool orphaned; /* closed, but kept alive by held frames */
bool nospace; /* found the send buffer full: |SOCKWQ_ASYNC_NOSPACE| */

@ @<Private function prototypes@>=
static void pkt_hold(sr_pkt *p);
static void pkt_release(sr_pkt *p);

@ @c
static void pkt_hold(sr_pkt *p)
{
  if (!p->sk || p->held) return;
  p->held = true;
  p->sk->wmem += p->truesize;
  p->sk->wheld++;
}

static void pkt_release(sr_pkt *p)
{
  sr_sock *s = p->sk;
  if (!s || !p->held) return;
  p->held = false;
  p->sk = NULL;
  s->wmem -= p->truesize;
  if (--s->wheld == 0 && s->orphaned) {
    free(s);
    return;
  }
  if (!s->orphaned && s->wmem < s->sndbuf >> 1 && s->nospace) {
    s->nospace = false;
    sk_wake_async(s);
  }
}
