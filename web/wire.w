@* Wire formats.
Everything that crosses a link of the model is a real IPv4 datagram, byte
for byte what a Linux host would put on an Ethernet: a header with a
correct checksum, IP options in their wire form, and a UDP or ICMP message
behind it.  This chapter knows those formats and nothing else: it parses a
buffer into a small structure of host-order fields (a {\it
representation\/}, in the manner of smoltcp's \.{wire} module) and emits a
structure into a buffer.  It holds no state and makes no decision; routing,
fragmentation and delivery are the next chapters' business.  Keeping the
two apart means a reader who wants to know what a header looks like reads
only this chapter, and a test can take a captured packet apart with the
same code that built it.

Multi-byte fields are read and written a byte at a time, in network order,
so the code does not depend on the host's byte order or on alignment.
Addresses are the exception: they stay in network order throughout the
model, as in a |sockaddr_in|, and are copied as four bytes.
@^wire formats@>

@<Constants of the model@>=
#define SR_IPHDR_LEN 20 /* an IPv4 header without options */
#define SR_UDPHDR_LEN 8
#define SR_ICMPHDR_LEN 8
#define SR_IP_MAXPACKET 65535 /* the largest total length */

@ Reading and writing big-endian fields, and addresses.

@<Private function prototypes@>=
static uint16_t get16(const uint8_t *p);
static void put16(uint8_t *p, uint16_t v);
static uint32_t get_addr(const uint8_t *p);
static void put_addr(uint8_t *p, uint32_t a);

@ @c
static uint16_t get16(const uint8_t *p)
{
  return (uint16_t) (p[0] << 8 | p[1]);
}

static void put16(uint8_t *p, uint16_t v)
{
  p[0] = (uint8_t) (v >> 8);
  p[1] = (uint8_t) v;
}

static uint32_t get_addr(const uint8_t *p)
{
  uint32_t a;
  memcpy(&a, p, 4);
  return a;
}

static void put_addr(uint8_t *p, uint32_t a)
{
  memcpy(p, &a, 4);
}

@*1 The Internet checksum.
RFC~1071: the ones'-complement sum of the data taken as 16-bit big-endian
words, an odd last byte padded with zero, folded to 16 bits and
complemented.  The sum is kept unfolded in 32 bits while data is added, so
that a header and a pseudo-header can be summed separately and combined;
each piece is summed as if it began at an even offset.

@<Private function prototypes@>=
static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n);
static uint16_t csum_fold(uint32_t sum);
static uint16_t inet_csum(const uint8_t *p, size_t n);

@ A datagram that is fragmented, corked, UDP-Lite, or that comes from
outside the model is summed in full when it is made or received (most
datagrams are not: see |udp_csum_partial| below), so the sum is written
for speed: eight bytes at a time into a 64-bit accumulator whose carries
are added back (ones'-complement addition), in the machine's byte order.
RFC~1071 shows that the ones'-complement sum does not depend on byte
order except for a final swap of its two bytes, which |ntohs| makes (and
which is nothing on a big-endian machine).

@c
static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
  uint64_t acc = 0, w;
  uint16_t h;
  for (; n >= 8; p += 8, n -= 8) {
    memcpy(&w, p, 8);
    acc += w;
    acc += acc < w; /* the carry out of bit 63 */
  }
  acc = (acc & 0xffffffffu) + (acc >> 32);
  if (n >= 4) { uint32_t v; memcpy(&v, p, 4); acc += v; p += 4, n -= 4; }
  if (n >= 2) { memcpy(&h, p, 2); acc += h; p += 2, n -= 2; }
  if (n) { uint8_t last[2] = { p[0], 0 }; memcpy(&h, last, 2); acc += h; }
  while (acc >> 16) acc = (acc & 0xffff) + (acc >> 16);
  acc = (uint64_t) sum + ntohs((uint16_t) acc);
  while (acc >> 32) acc = (acc & 0xffffffffu) + (acc >> 32);
  return (uint32_t) acc;
}

static uint16_t csum_fold(uint32_t sum)
{
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return (uint16_t) ~sum;
}

static uint16_t inet_csum(const uint8_t *p, size_t n)
{
  return csum_fold(csum_add(0, p, n));
}

@ The transport checksums of UDP and ICMP-less protocols cover a
pseudo-header: source and destination address, a zero byte, the protocol
and the transport length.  Its three 32-bit words are summed directly,
in the machine's order as |csum_add| sums, without being laid out in
memory first.

@<Private function prototypes@>=
static uint32_t csum_pseudo(uint32_t saddr, uint32_t daddr, uint8_t proto,
  size_t len);

@ @c
static uint32_t csum_pseudo(uint32_t saddr, uint32_t daddr, uint8_t proto,
  size_t len)
{
  uint8_t tail[4] = { 0, proto, (uint8_t) (len >> 8), (uint8_t) len };
  uint32_t w;
  uint64_t acc;
  memcpy(&w, tail, 4);
  acc = (uint64_t) saddr + daddr + w;
  while (acc >> 16) acc = (acc & 0xffff) + (acc >> 16);
  return ntohs((uint16_t) acc);
}

@ The IP header's own checksum, which every router and receiver
verifies and every sender and router writes, is summed by |ip_fast_csum|
(the kernel's name): the header is a whole number of 32-bit words, at
most fifteen, so their sum fits in 64 bits without carries to add back.
The five words every header has are summed without a loop.  It answers
what |inet_csum| answers.

@<Private function prototypes@>=
static uint16_t ip_fast_csum(const uint8_t *p, size_t hl);

@ @c
static uint16_t ip_fast_csum(const uint8_t *p, size_t hl)
{
  uint32_t w[5];
  uint64_t acc;
  memcpy(w, p, sizeof w);
  acc = (uint64_t) w[0] + w[1] + w[2] + w[3] + w[4];
  for (size_t i = SR_IPHDR_LEN; i + 4 <= hl; i += 4) {
    uint32_t o;
    memcpy(&o, p + i, 4);
    acc += o;
  }
  while (acc >> 16) acc = (acc & 0xffff) + (acc >> 16);
  return (uint16_t) ~ntohs((uint16_t) acc);
}

@*1 The IPv4 header.
RFC~791's twenty bytes and up to forty bytes of options.  The
representation keeps the fields a receiver looks at; |frag_off| holds the
flags and the offset as the header does (the offset in units of eight
bytes), and the masks come from \.{netinet/ip.h}: |IP_DF|, |IP_MF|,
|IP_OFFMASK|.

@<Type definitions@>=
struct sr_ipv4 {
  uint8_t ihl; /* header length in bytes, options included */
  uint8_t tos, ttl, protocol;
  uint16_t tot_len, id, frag_off;
  uint32_t saddr, daddr; /* network order */
  const uint8_t *opt; /* the options inside the parsed buffer */
  int optlen;
};

@ Parsing checks what |ip_rcv_core| checks before anything else looks at a
datagram: version 4, a header of at least five words that fits, a total
length that covers the header and fits the buffer, and the header
checksum.  A datagram that fails is dropped silently by the receiver, so
the parser only says yes or no.  Bytes after the total length (Ethernet
padding) are ignored, as the kernel trims them.

A header already parsed once --- by the receiving interface, before
the datagram was routed to this host --- is read again with |ipv4_read|,
which checks nothing.

@<Private function prototypes@>=
static bool ipv4_parse(const uint8_t *p, size_t len, struct sr_ipv4 *ip);
static void ipv4_read(const uint8_t *p, struct sr_ipv4 *ip);
static void ipv4_emit(uint8_t *p, const struct sr_ipv4 *ip);

@ @c
static bool ipv4_parse(const uint8_t *p, size_t len, struct sr_ipv4 *ip)
{
  size_t ihl, tot_len;
  if (len < SR_IPHDR_LEN || p[0] >> 4 != 4) return false;
  ihl = (size_t) (p[0] & 0xf) * 4;
  tot_len = get16(p + 2);
  if (ihl < SR_IPHDR_LEN || ihl > len) return false;
  if (tot_len < ihl || tot_len > len) return false;
  if (ip_fast_csum(p, ihl) != 0) return false;
  ipv4_read(p, ip);
  return true;
}

static void ipv4_read(const uint8_t *p, struct sr_ipv4 *ip)
{
  ip->ihl = (uint8_t) ((p[0] & 0xf) * 4);
  ip->tot_len = get16(p + 2);
  ip->tos = p[1];
  ip->id = get16(p + 4);
  ip->frag_off = get16(p + 6);
  ip->ttl = p[8];
  ip->protocol = p[9];
  ip->saddr = get_addr(p + 12);
  ip->daddr = get_addr(p + 16);
  ip->opt = p + SR_IPHDR_LEN;
  ip->optlen = ip->ihl - SR_IPHDR_LEN;
}

@ Emitting writes the header with its options (which must already be a
multiple of four bytes long) and the checksum.  The representation's |ihl|
is ignored and recomputed from |optlen|.  The checksum of the twenty
fixed bytes is summed from the fields, not read back from the bytes just
written: a processor cannot forward byte-wide stores to the word-wide
loads that would read them, and waits for them to reach its cache, which
made the header's checksum the slowest step of sending.

@c
static void ipv4_emit(uint8_t *p, const struct sr_ipv4 *ip)
{
  int hl = SR_IPHDR_LEN + ip->optlen;
  uint32_t sa = ntohl(ip->saddr), da = ntohl(ip->daddr), sum;
  p[0] = (uint8_t) (0x40 | hl / 4);
  p[1] = ip->tos;
  put16(p + 2, ip->tot_len);
  put16(p + 4, ip->id);
  put16(p + 6, ip->frag_off);
  p[8] = ip->ttl;
  p[9] = ip->protocol;
  put_addr(p + 12, ip->saddr);
  put_addr(p + 16, ip->daddr);
  sum = (uint32_t) (p[0] << 8 | ip->tos) + ip->tot_len + ip->id + ip->frag_off +
    (uint32_t) (ip->ttl << 8 | ip->protocol) + (sa >> 16) + (sa & 0xffff) + (da >> 16) +
    (da & 0xffff);
  if (ip->optlen) {
    if (ip->opt != p + SR_IPHDR_LEN) memcpy(p + SR_IPHDR_LEN, ip->opt, (size_t) ip->optlen);
    sum = csum_add(sum, p + SR_IPHDR_LEN, (size_t) ip->optlen);
  }
  put16(p + 10, csum_fold(sum));
}

@ A router changes two fields of a header it forwards, the TTL and, for
fragments, the length and offset; it recomputes the checksum.  (The kernel
adjusts the checksum incrementally; the result is the same number.)

@<Private function prototypes@>=
static void ipv4_recsum(uint8_t *p);

@ @c
static void ipv4_recsum(uint8_t *p)
{
  size_t hl = (size_t) (p[0] & 0xf) * 4;
  put16(p + 10, 0);
  put16(p + 10, ip_fast_csum(p, hl));
}

@*1 The UDP header.
Eight bytes: ports, length, checksum.  The checksum covers the
pseudo-header, the header and the data; a computed zero is sent as
\.{0xffff}, because zero on the wire means ``no checksum'', which a
receiver accepts without checking (RFC~768).

@<Type definitions@>=
struct sr_udp {
  uint16_t sport, dport; /* host order */
  uint16_t len; /* header and data */
  uint16_t check;
  const uint8_t *data;
  size_t datalen;
};

@ Parsing a UDP message, |__udp4_lib_rcv|'s checks: eight bytes at
least, a length field from 8 up to the bytes present (extra bytes are
trimmed), and a checksum that is zero or verifies.  UDP-Lite (protocol
136) has the same header and puts its own protocol number in the
pseudo-header, so the protocol is given.

\kernel{two UDP-Lite sockets on \.{lo}: \.{sendto} of ``hello'' arrives;
a connected UDP-Lite socket's second \.{send} to a closed port is
|ECONNREFUSED| (a script found by \.{sr-fuzz}).}

@<Private function prototypes@>=
static bool udp_parse(const uint8_t *p, size_t len, uint32_t saddr,
  uint32_t daddr, uint8_t proto, struct sr_udp *u);
SR_TRANSPORT_API static void udp_emit(uint8_t *p, uint16_t sport,
  uint16_t dport, const void *data, size_t datalen, uint32_t saddr,
  uint32_t daddr);

@ @c
static bool udp_parse(const uint8_t *p, size_t len, uint32_t saddr,
  uint32_t daddr, uint8_t proto, struct sr_udp *u)
{
  if (len < SR_UDPHDR_LEN) return false;
  u->sport = get16(p);
  u->dport = get16(p + 2);
  u->len = get16(p + 4);
  u->check = get16(p + 6);
  if (u->len < SR_UDPHDR_LEN || u->len > len) return false;
  if (u->check &&
      csum_fold(csum_add(csum_pseudo(saddr, daddr, proto, u->len), p,
        u->len)) != 0)
    return false;
  u->data = p + SR_UDPHDR_LEN;
  u->datalen = u->len - SR_UDPHDR_LEN;
  return true;
}

static void udp_emit(uint8_t *p, uint16_t sport, uint16_t dport,
  const void *data, size_t datalen, uint32_t saddr, uint32_t daddr)
{
  size_t len = SR_UDPHDR_LEN + datalen;
  uint16_t c;
  put16(p, sport);
  put16(p + 2, dport);
  put16(p + 4, (uint16_t) len);
  put16(p + 6, 0);
  if (datalen && data != p + SR_UDPHDR_LEN) memmove(p + SR_UDPHDR_LEN, data, datalen);
  c = csum_fold(csum_add(csum_pseudo(saddr, daddr, IPPROTO_UDP, len), p, len));
  put16(p + 6, c ? c : 0xffff);
}

@ A checksum left to hardware.  Linux does not compute the UDP checksum
of a datagram that leaves by a device able to compute it --- and the
loopback device and veth declare that they are, though neither ever
does: the datagram carries in its checksum field only the sum of the
pseudo-header, folded to 16 bits and not complemented (the kernel's
|CHECKSUM_PARTIAL|), and the receiving stack, knowing that the datagram
never left the machine, trusts it without looking.  That is what a
capture on \.{lo} or on a veth shows, and what a raw socket receives.
|udp_csum_partial| writes such a field.  |udp_csum_complete| finishes the
job for a datagram that must be cut into fragments, as
|skb_checksum_help| does: summing the whole message, field included,
gives the full sum, since the field holds the pseudo-header's part of it.

\kernel{a UDP datagram of 64 bytes sent to \.{127.0.0.1}, captured by a
packet socket on \.{lo} and by a raw \.{IPPROTO\_UDP} socket, has in its
checksum field the folded pseudo-header sum (\.{0xfe5b} for 92 bytes of
IP), and so have those of 2000, 20000 and 65507 bytes, one with IP
options, and a broadcast; across a veth pair the sender's and the
receiver's captures and a raw socket on the receiver show the same value
(\.{tcpdump -vv}: ``bad udp cksum 0x145c -> 0x0aa4''), and the datagram
is received.  A datagram of 3000 bytes, cut into fragments for an MTU of
1500, carries the full checksum; so does one sent after a call with
|MSG_MORE| or under \.{UDP\_CORK}, and a UDP-Lite datagram.  The
ICMP error about a datagram to a closed port quotes the partial field.}
@^checksum@>

@<Private function prototypes@>=
static void udp_csum_partial(uint8_t *p, size_t len, uint32_t saddr, uint32_t daddr,
  uint8_t proto);
static void udp_csum_complete(uint8_t *ip);

@ @c
static void udp_csum_partial(uint8_t *p, size_t len, uint32_t saddr, uint32_t daddr,
  uint8_t proto)
{
  put16(p + 6, (uint16_t) ~csum_fold(csum_pseudo(saddr, daddr, proto, len)));
}

static void udp_csum_complete(uint8_t *ip)
{
  size_t hl = (size_t) (ip[0] & 0xf) * 4, len = (size_t) get16(ip + 2) - hl;
  uint16_t c = csum_fold(csum_add(0, ip + hl, len));
  put16(ip + hl + 6, c ? c : 0xffff);
}

@*1 ICMP messages.
An ICMP message is a type, a code, a checksum over the whole message, four
bytes whose meaning depends on the type (the identifier and sequence of an
echo, the next-hop MTU of ``fragmentation needed'', the pointer of a
parameter problem), and a body: the echoed data, or for an error the
header and first bytes of the datagram that caused it.  The type and code
numbers are those of \.{netinet/ip\_icmp.h}.

@<Type definitions@>=
struct sr_icmp {
  uint8_t type, code;
  uint32_t rest; /* bytes 4--7, host order */
  const uint8_t *data;
  size_t datalen;
};

@ Parsing needs the eight bytes of the header and a checksum that
verifies; |icmp_rcv| drops anything else.

@<Private function prototypes@>=
static bool icmp_parse(const uint8_t *p, size_t len, struct sr_icmp *ic);
static void icmp_emit(uint8_t *p, const struct sr_icmp *ic);

@ @c
static bool icmp_parse(const uint8_t *p, size_t len, struct sr_icmp *ic)
{
  if (len < SR_ICMPHDR_LEN || inet_csum(p, len) != 0) return false;
  ic->type = p[0];
  ic->code = p[1];
  ic->rest = (uint32_t) get16(p + 4) << 16 | get16(p + 6);
  ic->data = p + SR_ICMPHDR_LEN;
  ic->datalen = len - SR_ICMPHDR_LEN;
  return true;
}

static void icmp_emit(uint8_t *p, const struct sr_icmp *ic)
{
  p[0] = ic->type;
  p[1] = ic->code;
  put16(p + 2, 0);
  put16(p + 4, (uint16_t) (ic->rest >> 16));
  put16(p + 6, (uint16_t) ic->rest);
  if (ic->datalen && ic->data != p + SR_ICMPHDR_LEN)
    memmove(p + SR_ICMPHDR_LEN, ic->data, ic->datalen);
  put16(p + 2, inet_csum(p, SR_ICMPHDR_LEN + ic->datalen));
}

@*1 IP options on the wire.
A socket's \.{IP\_OPTIONS} are stored as the program gave them, padded and
checked (see \.{IP\_OPTIONS}); a route-record or timestamp option there
has its pointer at its first free slot.  Sending fills that slot, as the
kernel's |ip_options_build| does: the record-route option gets the
source address of the datagram, the timestamp option the time in
milliseconds since midnight UT --- of the virtual clock --- and, in the
mode that wants one, the address too; a prespecified timestamp slot is
filled only when its address is one of the sender's own.  Each filled
slot moves the pointer on.  A source-route option sends the datagram to
its first hop and carries the final destination in its last slot; the
addresses in between move up one place, which is what
|ip_options_compile| does to the list when the option is set.

\kernel{a UDP socket with options \.{01 07 07 04 00000000} sends
\.{options (NOP,RR 10.1.0.1,)}: the source address in the first slot.}

@<Private function prototypes@>=
static void ip_options_build(sr_host *h, uint8_t *opt, int optlen,
  uint32_t saddr, uint32_t daddr);
static bool ip_options_first_hop(const uint8_t *opt, int optlen,
  uint32_t *faddr);

@ Some of the network chapters' functions exist for the transport layer
above them --- building a UDP header, learning a path MTU from an error,
starting a connected socket's identification counter --- and may have no
caller in a build that lacks that layer; the compiler is told so.

@<Constants of the model@>=
#define SR_TRANSPORT_API __attribute__((unused))

@ Walking a list of options: |ipopt_next| returns the next option that
has a length byte, skipping no-operation bytes, and stops at the end of
the list, at an end-of-list byte, or at a length that does not fit.
Every function below walks with it.

@<Private function prototypes@>=
static uint8_t *ipopt_next(uint8_t *opt, int optlen, int *pos);

@ @c
static uint8_t *ipopt_next(uint8_t *opt, int optlen, int *pos)
{
  while (*pos < optlen) {
    uint8_t *p = opt + *pos;
    if (p[0] == IPOPT_END) return NULL;
    if (p[0] == IPOPT_NOOP) { (*pos)++; continue; }
    if (optlen - *pos < 2 || p[1] < 2 || p[1] > optlen - *pos) return NULL;
    *pos += p[1];
    return p;
  }
  return NULL;
}

static uint32_t inet_current_timestamp(void)
{
  uint64_t ms = W->now_ns / 1000000u;
  return htonl((uint32_t) (ms % 86400000u));
}

static void ip_options_build(sr_host *h, uint8_t *opt, int optlen,
  uint32_t saddr, uint32_t daddr)
{
  uint8_t *p;
  for (int pos = 0; (p = ipopt_next(opt, optlen, &pos)) != NULL;) {
    int n = p[1];
    switch (p[0]) {
    case IPOPT_RR:
      if (p[2] + 3 <= n) { put_addr(p + p[2] - 1, saddr); p[2] += 4; }
      break;
    case IPOPT_TIMESTAMP:
      @<Fill the free slot of the timestamp option at |p|@>@;
      break;
    case IPOPT_LSRR: case IPOPT_SSRR:
      if (n >= 7) {
        memmove(p + 3, p + 7, (size_t) (n - 7));
        put_addr(p + n - 4, daddr);
      }
      break;
    }
  }
}

@ @<Fill the free slot of the timestamp option at |p|@>=
{
  uint32_t now = inet_current_timestamp();
  if (p[2] + 3 > n) break;
  switch (p[3] & 0xf) {
  case IPOPT_TS_TSONLY:
    memcpy(p + p[2] - 1, &now, 4);
    p[2] += 4;
    break;
  case IPOPT_TS_TSANDADDR:
    if (p[2] + 7 > n) break;
    put_addr(p + p[2] - 1, saddr);
    memcpy(p + p[2] + 3, &now, 4);
    p[2] += 8;
    break;
  case IPOPT_TS_PRESPEC:
    if (p[2] + 7 > n) break;
    if (ip_dev_find(h, get_addr(p + p[2] - 1))) {
      memcpy(p + p[2] + 3, &now, 4);
      p[2] += 8;
    }
    break;
  }
}

@ The first hop of a source-routed datagram: the first address of the
option's list.  A sender routes the datagram there, not to its final
destination (|udp_sendmsg| uses |faddr|).

@c
static bool ip_options_first_hop(const uint8_t *opt, int optlen,
  uint32_t *faddr)
{
  uint8_t *p;
  for (int pos = 0; (p = ipopt_next((uint8_t *) opt, optlen, &pos)) != NULL;)
    if ((p[0] == IPOPT_LSRR || p[0] == IPOPT_SSRR) && p[1] >= 7) {
      *faddr = get_addr(p + 3);
      return true;
    }
  return false;
}

@ The options of the second and later fragments.  An option whose type
byte has the ``copied'' bit (|IPOPT_COPY|, the high bit) is repeated in
every fragment; the others --- record route, timestamp --- travel in the
first fragment only, and |ip_options_fragment| overwrites them with
no-operation bytes so that every fragment has a header of the same length.

\kernel{a 3000-byte datagram with a record-route option leaves in
fragments of 1500, 1500 and 92 bytes at offsets 0, 1472 and 2944, each
with a 28-byte header; the second and third show \.{options (NOP,NOP,NOP,
NOP,NOP,NOP,NOP,NOP)}.}

@<Private function prototypes@>=
static void ip_options_fragment(uint8_t *opt, int optlen);

@ @c
static void ip_options_fragment(uint8_t *opt, int optlen)
{
  uint8_t *p;
  for (int pos = 0; (p = ipopt_next(opt, optlen, &pos)) != NULL;)
    if (!(p[0] & IPOPT_COPY)) memset(p, IPOPT_NOOP, p[1]);
}
