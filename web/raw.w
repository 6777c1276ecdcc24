@* Raw sockets.
\clause{ip.7:DESCRIPTION}
@^ip.7:DESCRIPTION@>
@^raw sockets@>
A raw socket (\.{SOCK\_RAW}) reaches the IP layer without a transport
protocol between: it names an IP protocol number when it is created, it
receives a copy of every datagram of that protocol that arrives for the
host, IP header included, and it sends datagrams of that protocol whose IP
header the kernel builds --- or, with \.{IP\_HDRINCL}, the program.  This
chapter and the next, on ICMP ``ping'' sockets, are the kernel's
\.{net/ipv4/raw.c} and \.{net/ipv4/ping.c}.  The data calls, the queues,
the control messages and the error queue are the datagram path's (the
chapter on UDP); this chapter supplies what is particular to raw sockets.

Every \.{Kernel} note quotes Linux~6.18 measured in a fresh network
namespace set up as the model's default world (\.{lo}, and \.{eth0} with
\.{10.0.0.1/24}), and, for routers, in three namespaces joined by veth
pairs; the probe programs and their output are kept with the book's
evidence (\.{facts/raw}).

@ A raw socket keeps one thing of its own: the filter of ICMP types
(next section).

@<Raw fields of a socket@>=
uint32_t icmp_filter; /* \.{ICMP\_FILTER}: a set bit $t$ drops ICMP type $t$ */

@*1 The ICMP filter.
A raw socket of protocol \.{IPPROTO\_ICMP} may refuse ICMP messages by
type: \.{ICMP\_FILTER} at level \.{SOL\_RAW} holds a 32-bit mask, and a
message whose type $t$ is below 32 and whose bit $1\ll t$ is set is not
delivered to the socket.  The mask starts empty.  This is {\it raw\/}(7)'s
option, which the pages of this book do not cover; the kernel's answers
are these (|raw_setsockopt|, |raw_getsockopt|):
\smallskip
\item{$\bullet$} Level \.{SOL\_RAW} reaches this handler only on a raw
socket; on any other socket the level is an unknown level of IP
(|ENOPROTOOPT| on a write, |EOPNOTSUPP| on a read), as the option layer
already answers.
\item{$\bullet$} An option other than \.{ICMP\_FILTER} is |ENOPROTOOPT|;
\.{ICMP\_FILTER} on a raw socket of another protocol is |EOPNOTSUPP|,
before the arguments are looked at.
\item{$\bullet$} A write copies at most four bytes --- only |optlen| of
them when fewer are given, so the rest of the mask stays as it was, and a
write of nothing changes nothing --- and fails with |EFAULT| for a null
buffer with a length.
\item{$\bullet$} A read takes the length (|EFAULT| for a null pointer,
|EINVAL| when negative), cuts it to four, writes it back, then copies that
many bytes of the mask (|EFAULT| for a null buffer).
\smallskip

\kernel{a fresh ICMP raw socket reads 0 with length 4; after writing
\.{0x100} the one byte \.{0xff} reads \.{0x1ff}; eight bytes write the
first four and read back four; length 0 leaves \.{0x55}; a null buffer
with length 4 is |EFAULT|, length $-1$ |EINVAL|; a read with length 2
gives the two low bytes, with 0 nothing, with $-1$ |EINVAL|, with a null
length pointer or buffer |EFAULT|; options 0 and 2 are |ENOPROTOOPT|;
raw sockets of protocols 17 and 255: |EOPNOTSUPP| both ways; UDP, TCP and
ping sockets: |ENOPROTOOPT| to write and |EOPNOTSUPP| to read.}

@<Private function prototypes@>=
static int raw_setsockopt(sr_sock *s, int optname, const void *optval, int len);
static int raw_getsockopt(sr_sock *s, int optname, void *optval, socklen_t *optlen);

@ @c
static int raw_setsockopt(sr_sock *s, int optname, const void *optval, int len)
{
  if (optname != ICMP_FILTER) return -ENOPROTOOPT;
  if (s->inet_num != IPPROTO_ICMP) return -EOPNOTSUPP;
  if (len > (int) sizeof s->icmp_filter) len = sizeof s->icmp_filter;
  if (len > 0 && !optval) return -EFAULT;
  if (len > 0) memcpy(&s->icmp_filter, optval, (size_t) len);
  return 0;
}

static int raw_getsockopt(sr_sock *s, int optname, void *optval, socklen_t *optlen)
{
  int len;
  if (optname != ICMP_FILTER) return -ENOPROTOOPT;
  if (s->inet_num != IPPROTO_ICMP) return -EOPNOTSUPP;
  if (!optlen) return -EFAULT;
  len = (int) *optlen;
  if (len < 0) return -EINVAL;
  if (len > (int) sizeof s->icmp_filter) len = sizeof s->icmp_filter;
  *optlen = (socklen_t) len;
  if (len > 0 && !optval) return -EFAULT;
  if (len > 0) memcpy(optval, &s->icmp_filter, (size_t) len);
  return 0;
}

@ The option's number and level come from the kernel's \.{linux/icmp.h},
which cannot be included beside the C library's \.{netinet/ip\_icmp.h}
(both define |struct icmphdr|); the C library defines \.{SOL\_RAW}.

@<Constants of the model@>=
#ifndef ICMP_FILTER
#define ICMP_FILTER 1
#endif
