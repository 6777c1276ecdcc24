@* Ping sockets.
@^ping sockets@>
A {\it ping socket\/} --- \.{SOCK\_DGRAM} with protocol \.{IPPROTO\_ICMP}
--- lets a program without \.{CAP\_NET\_RAW} send ICMP echo requests and
receive the replies.  Creating one needs the caller's group to lie in the
host's \.{ping\_group\_range} (the chapter on sockets checks it; a new
network namespace has the empty range \.{1 0}, so even root gets
|EACCES|).  The socket's ``port'' is the echo identifier: |bind| names one
(as the binding chapter describes), and a send or |connect| without one
picks one.  The program writes the ICMP header and the data; the kernel
replaces the identifier by the socket's and computes the checksum, and
hands the socket the echo replies that carry its identifier.  This is
\.{net/ipv4/ping.c}; the receive side is the raw socket's
(|raw_recvmsg|).

@*1 Sending an echo request.
|ping_v4_sendmsg| and |ping_common_sendmsg| check, in order:
\smallskip
\item{1.} more than 65535 bytes: |EMSGSIZE|; fewer than the eight bytes of
an ICMP header: |EINVAL|; |MSG_OOB|: |EOPNOTSUPP|; the header is read
(|EFAULT|); a type other than echo request or a code other than 0:
|EINVAL|;
\item{2.} an address shorter than a |sockaddr_in|: |EINVAL|; of a family
other than \.{AF\_INET} --- \.{AF\_UNSPEC} included: |EAFNOSUPPORT|; no
address on a socket that is not connected: |EDESTADDRREQ|.  The port is
ignored;
\item{3.} the control messages and options, the route and the broadcast
rule, as for UDP;
\item{4.} the size and the send buffer, as for UDP, the ICMP header
standing for the UDP header: at most 65515 bytes with the kernel's IP
header, no more than the MTU in the modes that may not fragment; a
pending error is returned here, and a socket shut for writing fails with
|EPIPE|.
\smallskip\noindent
The request carries the program's type, code, sequence number and data,
the socket's identifier and the checksum the kernel computes.  |MSG_PROBE|
succeeds without sending.

\kernel{(\.{ping\_group\_range} opened) an echo request with identifier
\.{0x4242}, sequence 7 and checksum \.{0x1234} leaves with the socket's
identifier (45503, chosen at the send), sequence 7 and a correct
checksum; 7 or 0 bytes |EINVAL|, a null buffer |EFAULT|, type 0 or 13 or
code 1 |EINVAL|, 8 bytes with |MSG_OOB| |EOPNOTSUPP| but 7 bytes with it
|EINVAL|, 70000 bytes |EMSGSIZE|; a 15-byte address |EINVAL|,
\.{AF\_UNSPEC} and \.{AF\_INET6} |EAFNOSUPPORT|, port 999 ignored, |send|
unconnected |EDESTADDRREQ|, \.{10.0.0.255} and \.{255.255.255.255}
|EACCES|, \.{0.0.0.0} reaches \.{127.0.0.1}; 65515 bytes pass and 65516
are |EMSGSIZE|; \.{IP\_TTL} 9 leaves with TTL 9.  Across a router whose
route to the destination is ``prohibit'': after the first request's
error, the next |send| fails with |EHOSTUNREACH| and the one after
succeeds.}

@<Private function prototypes@>=
static ssize_t ping_sendmsg(sr_sock *s, const struct msghdr *msg, size_t len, int flags);

@ @c
static ssize_t ping_sendmsg(sr_sock *s, const struct msghdr *msg, size_t len, int flags)
{
  uint8_t icmph[SR_ICMPHDR_LEN];
  uint32_t daddr, faddr, saddr;
  struct sr_ipcm ipc;
  struct sr_rtres rt;
  const uint8_t *opt;
  int optlen, err;
  if (len > 0xFFFF) return -EMSGSIZE;
  if (len < sizeof icmph) return -EINVAL;
  if (flags & MSG_OOB) return -EOPNOTSUPP;
  if (!iov_gather(msg, 0, icmph, sizeof icmph)) return -EFAULT;
  if (icmph[0] != ICMP_ECHO || icmph[1] != 0) return -EINVAL;
  if ((err = raw_msg_daddr(s, msg, false, &daddr)) < 0) return err;
  @<Start |ipc| from the raw socket and read the control messages@>@;
  opt = ipc.has_opt ? ipc.opt : s->opt;
  optlen = ipc.has_opt ? ipc.optlen : s->optlen;
  saddr = ipc.addr;
  faddr = daddr;
  if (optlen && ip_options_first_hop(opt, optlen, &faddr) && !daddr) return -EINVAL;
  if ((err = ip_route_dgram(s, daddr, faddr, saddr, &ipc, flags, false, false, &rt)) < 0)
    return err;
  if (flags & SR_MSG_PROBE) return (ssize_t) len;
  if (!daddr) daddr = rt.saddr;
  err = ip_send_built(s, msg, len, flags, &ipc, &rt, daddr, opt, optlen);
  return err < 0 ? err : (ssize_t) len;
}


@ The kernel's part of the request, |ping_getfrag| and
|ping_v4_push_pending_frames|: the socket's identifier, and the checksum
over the whole message.  The datagram is sent as a raw socket's
(|ip_send_built|).

@<Private function prototypes@>=
static void ping_complete_header(const sr_sock *s, uint8_t *icmp, size_t len);

@ @c
static void ping_complete_header(const sr_sock *s, uint8_t *icmp, size_t len)
{
  memcpy(icmp + 4, &s->inet_sport, 2);
  put16(icmp + 2, 0);
  put16(icmp + 2, inet_csum(icmp, len));
}

@*1 Echo replies.
An echo reply for this host whose checksum is sound goes to the ping
socket whose identifier it carries (|ping_rcv|, |ping_lookup|): the most
recently bound socket with that identifier that is bound to no address or
to the reply's destination, and to no device or to the arrival interface.
The socket receives the ICMP message, header included; the sender's
address with port 0.  Nothing else reaches a ping socket: not the echo
requests it sends to its own host, not a reply whose checksum fails.
The raw ICMP sockets of the host see the replies too, and an echo request
that a raw socket sent draws a reply that a ping socket with the same
identifier receives.  The kernel does not prepare the packet information
of a ping socket's datagrams, so its \.{IP\_PKTINFO} message has
|ipi_spec_dst| 0.  The receive buffer rule is the raw socket's.

\kernel{(\.{ping\_group\_range} opened) the reply to a 13-byte request
reads as the 13 bytes \.{00 00 24 72 b1 bf 00 07 61 \dots} from
\.{127.0.0.1}, port 0; ping sockets with identifiers 5555 and 5556 (the
second bound to \.{10.0.0.1}) each receive their own replies only, the
second also when it sends from \.{10.0.0.1} to \.{127.0.0.1}; a raw
socket's echo request with identifier 5555 draws a reply that the first
receives; a raw socket's echo reply with identifier 5555 reaches it too,
but not with a wrong checksum; \.{IP\_PKTINFO} gives interface 1,
|ipi_spec_dst| \.{0.0.0.0}, |ipi_addr| \.{127.0.0.1}.}

@<Private function prototypes@>=
static void ping_rcv(const struct sr_rx *rx);
static sr_sock *ping_lookup(sr_host *h, uint16_t ident, uint32_t daddr, int ifindex);

@ @c
static sr_sock *ping_lookup(sr_host *h, uint16_t ident, uint32_t daddr, int ifindex)
{
  for (sr_sock *s = port_first(h, SR_TAB_PING, ident); s; s = s->lk[LK_PORT].next)
    if (!(s->inet_rcv_saddr && s->inet_rcv_saddr != daddr) &&
        !(s->bound_dev_if && s->bound_dev_if != ifindex))
      return s;
  return NULL;
}

static void ping_rcv(const struct sr_rx *rx)
{
  sr_sock *s = ping_lookup(rx->host, get16(rx->l4 + 4), rx->daddr, rx->ifindex);
  sr_dgram *d;
  if (!s) return;
  d = dgram_of_rx(rx, rx->l4, rx->l4len, rx_truesize(rx));
  d->spec_dst = 0;
  sock_queue_rcv(s, d);
}

@*1 Errors.
An ICMP error that quotes an echo request goes, after the raw sockets
have seen it, to the ping socket of the request's identifier
(|ping_err|), found as a reply would find it.  The error numbers are the
raw socket's, except that source quench is |EREMOTEIO| (not hard) and
``fragmentation needed'' is no error at all for a socket in mode
\.{IP\_PMTUDISC\_DONT}.  With \.{IP\_RECVERR} the error joins the error
queue --- its data the quoted ICMP message, header included, its name the
request's destination with port 0 --- and is pending; without it only a
connected socket hears of a hard error.

\kernel{across a router: TTL 1 draws ``time exceeded'': the ping socket
with \.{IP\_RECVERR} reads \.{SO\_ERROR} 113 and finds the 12 bytes
\.{08 00 60 c9 \dots} of its request, name the destination port 0, errno
113, type 11, offender the router; without the flag, connected or not,
nothing.  A ``prohibit'' route (code 13, hard): a connected socket reads
113.  An ``unreachable'' route (code 1): a connected socket without the
flag reads 0, with it 113.  ``Fragmentation needed'' with MTU 1400 for a
1450-byte request of a connected socket: \.{SO\_ERROR} 90, \.{IP\_MTU}
1400, and the next request leaves in fragments.  A raw socket's echo
request with a ping socket's identifier: the error reaches that ping
socket too.}

@<Private function prototypes@>=
static void ping_err(const struct sr_rx *icmp, int type, int code, uint32_t info,
  const uint8_t *orig_ip, size_t len);

@ @c
static void ping_err(const struct sr_rx *icmp, int type, int code, uint32_t info,
  const uint8_t *orig_ip, size_t len)
{
  size_t ihl = (size_t) (orig_ip[0] & 0xf) * 4;
  const uint8_t *echo = orig_ip + ihl;
  bool hard;
  int err;
  sr_sock *s;
  if (echo[0] != ICMP_ECHO || echo[1] != 0) return;
  if (!(s = ping_lookup(icmp->host, get16(echo + 4), icmp->daddr, icmp->ifindex))) return;
  if (type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED) {
    ip_rt_update_pmtu(s->host, get_addr(orig_ip + 16), info);
    if (s->pmtudisc == IP_PMTUDISC_DONT) return;
  }
  if (type == ICMP_SOURCE_QUENCH) {
    err = EREMOTEIO;
    hard = false;
  } else err = icmp_error_errno(s, type, code, &hard);
  if (s->ipflags & IPF_RECVERR)
    ip_icmp_error(s, icmp, err, type, code, info, 0, get_addr(orig_ip + 16), echo,
      len - ihl);
  else if (!hard || !s->connected) return;
  s->err = err;
  sock_error_report(s);
}
