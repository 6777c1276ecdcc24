@* Options of the socket layer.
The options of level \.{SOL\_SOCKET} belong to the socket as such, whatever
its protocol: how much it may buffer, how long a call may wait, which
device it is tied to, which packets a filter lets through.  Linux keeps
them in |struct sock| and handles them in |sk_setsockopt| and
|sk_getsockopt|, where a few protocols hook in (TCP for the receive low-water
mark, the raw family by {\it not\/} offering a peek offset).  This chapter
gives each option its own section.  What the option table can say --- the
argument type, whether the option can be read or written, the socket types
that accept it, the capability --- is in the row of \.{spec/options.tsv};
the handlers below do the rest.  The dispatcher of the previous chapter has
already decoded the |int| of the integer options, refused a short |optlen|,
and checked type, capability and range, so most handlers are a line or two.

Two kinds of fact decide the numbers: the kernel source, and what a
Linux~6.18 machine answered when it was asked (\.{CONFIG\_HZ=250},
\.{rmem\_max} and \.{wmem\_max} 4194304).  The \.{Kernel} notes quote the
second.

@ Most options are flags.  Setting one stores ``nonzero'', reading it back
gives 0 or~1.  Their rows say which bit of |flags| they are, and the
dispatcher's generic |set_flag| and |get_flag| do the rest; the sections of
such options below have prose and no code.

@ The fields this chapter adds to a socket, and the defaults it adds to
those of |sock_alloc|.  A raw socket and a ping socket start with
\.{SO\_REUSEADDR} on: their entries in the kernel's protocol switch carry
the flag |INET_PROTOSW_REUSE|.  The pacing limit starts at ``none'', all
ones.

\kernel{a fresh raw socket (protocol 255 or 1) and a fresh ping socket read
\.{SO\_REUSEADDR} 1; TCP and UDP read 0.  \.{SO\_MAX\_PACING\_RATE} reads
\.{0xffffffffffffffff}.}

@<Socket-layer fields of a socket@>=
uint32_t tsflags; /* \.{SO\_TIMESTAMPING} flags */
uint64_t max_pacing_rate; /* bytes per second */
int nofcs, wifi_status; /* flags kept as |int| fields: their rows say \.{field:} */

@ @<Set the socket-layer defaults of |s|@>=
s->reuse = type == SOCK_RAW || (type == SOCK_DGRAM && protocol == IPPROTO_ICMP);
s->max_pacing_rate = UINT64_MAX;

@*1 Buffers.
The two buffer sizes are kept as the kernel keeps them: already doubled,
since the kernel reserves as much again for its bookkeeping.  A value
written through the ordinary option is first limited by the tunable
(\.{rmem\_max} or \.{wmem\_max}); every value is then limited to
|INT_MAX/2| so that the doubling cannot overflow, doubled, and raised to
the smallest buffer the kernel allows.  Writing either size marks it as
chosen by the user, which turns off TCP's automatic tuning of that buffer
and changes the rule of \.{SO\_RCVLOWAT}.  |buffer_request| applies the
tunable, comparing as the kernel does between unsigned numbers;
|buffer_store| does the rest, for either buffer.  Reads need no handler:
the rows name the fields, |rcvbuf| and |sndbuf|.

@c
static int buffer_request(const sr_sock *s, int tunable, int val)
{
  uint32_t max = (uint32_t) sysctl_value(s->host, tunable);
  return (uint32_t) val < max ? val : (int) max;
}

static int buffer_store(int *size, bool *locked, int val, int min)
{
  if (val > INT_MAX / 2) val = INT_MAX / 2;
  *locked = true;
  *size = val * 2 > min ? val * 2 : min;
  return 0;
}

@ @<Private function prototypes@>=
static int buffer_request(const sr_sock *s, int tunable, int val);
static int buffer_store(int *size, bool *locked, int val, int min);

@ \clause{socket.7:SO_RCVBUF}
@^socket.7:SO\_RCVBUF@>
The receive buffer.  A new size also resets the batch in which UDP gives
buffer space back (a quarter of the size; see the chapter on UDP).  The
comparison with \.{rmem\_max} is made between
unsigned numbers, so a negative request counts as a huge one and gets the
maximum.  TCP starts from \.{tcp\_rmem[1]} (131072), the others from
\.{rmem\_default} (212992).

\kernel{setting 0 to 1152 reads back 2304, 1153 reads 2306, 100000 reads
200000; 4194305, |INT_MAX|, $-1$ and |INT_MIN| all read 8388608.}

@c
static int set_rcvbuf(sr_sock *s, sr_optreq *rq)
{
  buffer_store(&s->rcvbuf, &s->rcvbuf_locked,
    buffer_request(s, SYS_RMEM_MAX, rq->val), SR_MIN_RCVBUF);
  s->forward_threshold = s->rcvbuf >> 2;
  return 0;
}


@ \clause{socket.7:SO_SNDBUF}
@^socket.7:SO\_SNDBUF@>
The send buffer, by the same rule with \.{wmem\_max} and a minimum of 4608
bytes.  TCP starts from \.{tcp\_wmem[1]} (16384).

\kernel{0 to 2304 read back 4608, 2305 reads 4610; |INT_MAX| and negative
values read 8388608.}

@c
static int set_sndbuf(sr_sock *s, sr_optreq *rq)
{
  return buffer_store(&s->sndbuf, &s->sndbuf_locked,
    buffer_request(s, SYS_WMEM_MAX, rq->val), SR_MIN_SNDBUF);
}


@ \clause{socket.7:SO_RCVBUFFORCE}
@^socket.7:SO\_RCVBUFFORCE@>
\clause{socket.7:SO_SNDBUFFORCE}
@^socket.7:SO\_SNDBUFFORCE@>
The forcing variants skip the tunable; the table demands
\.{CAP\_NET\_ADMIN} (|EPERM| without it).  A negative size counts as 0
here, so it gives the minimum, not the maximum.  Both options can only be
written: the size is read back through \.{SO\_RCVBUF} or \.{SO\_SNDBUF}.

\kernel{as root, 4194305 reads back 8388610, |INT_MAX| reads 2147483646,
$-1$ reads 2304 (4608 for the send buffer); a process whose effective
set lacks \.{CAP\_NET\_ADMIN} gets |EPERM| even when it holds
\.{CAP\_NET\_RAW}; reading either option is |ENOPROTOOPT|.}

@c
static int set_rcvbufforce(sr_sock *s, sr_optreq *rq)
{
  buffer_store(&s->rcvbuf, &s->rcvbuf_locked, rq->val < 0 ? 0 : rq->val, SR_MIN_RCVBUF);
  s->forward_threshold = s->rcvbuf >> 2;
  return 0;
}

static int set_sndbufforce(sr_sock *s, sr_optreq *rq)
{
  return buffer_store(&s->sndbuf, &s->sndbuf_locked, rq->val < 0 ? 0 : rq->val,
    SR_MIN_SNDBUF);
}

@ \clause{socket.7:SO_RCVLOWAT}
@^socket.7:SO\_RCVLOWAT@>
The receive low-water mark: how many bytes must be queued before a read
or |poll| reports data.  Zero is stored as 1 and a negative value as
|INT_MAX|.  TCP adds its own rule (|tcp_set_rcvlowat|): the mark may not
exceed half the receive buffer if the user chose the buffer, or half of
\.{tcp\_rmem[2]} otherwise; and while the buffer is not the user's, TCP
grows it to twice the mark so that the mark can be reached (twice,
because a fresh TCP socket assumes half of the buffer becomes window).

\kernel{on UDP and raw sockets $-1$ and |INT_MIN| read back |INT_MAX|; on
TCP they read 16777216, and setting 100000 raises \.{SO\_RCVBUF} from
131072 to 200000 while 65536 leaves it alone; after \.{SO\_RCVBUF} 1000
(2304 stored) TCP's mark 100000 reads 1152.}

@<Constants of the model@>=
#define SR_TCP_RMEM_MAX 33554432 /* \.{tcp\_rmem[2]} */

@ @c
static int set_rcvlowat(sr_sock *s, sr_optreq *rq)
{
  int val = rq->val < 0 ? INT_MAX : rq->val;
  if (s->type == SOCK_STREAM) {
    int cap = s->rcvbuf_locked ? s->rcvbuf >> 1 : SR_TCP_RMEM_MAX >> 1;
    if (val > cap) val = cap;
    if (!s->rcvbuf_locked && 2 * (long long) val > s->rcvbuf)
      s->rcvbuf = 2 * val;
  }
  s->rcvlowat = val ? val : 1;
  return 0;
}


@ \clause{socket.7:SO_SNDLOWAT}
@^socket.7:SO\_SNDLOWAT@>
Linux has no send low-water mark.  Reading the option gives the constant~1;
the row makes it read-only, so writing it is |ENOPROTOOPT| (after the
dispatcher's |EINVAL| for an |optlen| below~4).

@c
static int get_sndlowat(sr_sock *s, sr_optreq *rq)
{
  (void) s;
  rq->val = 1;
  return 0;
}

@*1 Timeouts.
The two timeouts and the linger time are stored in ticks, and the
conversions between |struct timeval| or seconds and ticks are where the
surprises are: a timeout is rounded {\it up\/} to whole ticks, read back in
ticks, and ``forever'' is the largest |long|.

@ \clause{socket.7:SO_RCVTIMEO}
@^socket.7:SO\_RCVTIMEO@>
\clause{socket.7:SO_SNDTIMEO}
@^socket.7:SO\_SNDTIMEO@>
How long a blocking receive or send waits before it fails with |EAGAIN|.
The argument is a 16-byte |struct timeval| (the table's |setlen|).  The
microseconds are checked first: outside $0\ldots999999$ they are |EDOM|.
A negative number of seconds then stores 0 ticks --- which the kernel's
waits read as ``do not wait'', although the option reads back $\{0,0\}$
like ``forever''.  $\{0,0\}$ means forever, and so does any number of
seconds that would come near |LONG_MAX| ticks; everything else becomes
|sec*hz| plus the microseconds rounded up to whole ticks.

\kernel{with \.{HZ=250}, $\{0,1\}$, $\{0,3999\}$ and $\{0,4000\}$ read back
$\{0,4000\}$, $\{0,4001\}$ reads $\{0,8000\}$, $\{0,999999\}$ reads
$\{1,0\}$; $\{0,1000000\}$ and $\{-5,-1\}$ are |EDOM|; after $\{-1,0\}$ a
|recv| on an empty UDP socket fails at once with |EAGAIN|;
$\{|LONG_MAX|/250-2, 999999\}$ reads $\{|LONG_MAX|/250-1, 0\}$ and
$\{|LONG_MAX|/250-1, 0\}$ reads $\{0,0\}$.}

@c
static int timeo_set(long *timeo, const sr_optreq *rq)
{
  struct timeval tv;
  long usec_per_tick = 1000000L / W->hz;
  memcpy(&tv, rq->buf, sizeof tv);
  if (tv.tv_usec < 0 || tv.tv_usec >= 1000000) return -EDOM;
  if (tv.tv_sec < 0) { *timeo = 0; return 0; }
  *timeo = SR_MAX_TIMEOUT;
  if ((tv.tv_sec || tv.tv_usec) && tv.tv_sec < SR_MAX_TIMEOUT / W->hz - 1)
    *timeo = tv.tv_sec * W->hz + (tv.tv_usec + usec_per_tick - 1) / usec_per_tick;
  return 0;
}

static int timeo_get(long timeo, sr_optreq *rq)
{
  struct timeval tv = {0, 0};
  if (timeo != SR_MAX_TIMEOUT) {
    tv.tv_sec = timeo / W->hz;
    tv.tv_usec = (timeo % W->hz) * 1000000L / W->hz;
  }
  memcpy(rq->out, &tv, sizeof tv);
  rq->outlen = sizeof tv;
  return 0;
}

static int set_rcvtimeo(sr_sock *s, sr_optreq *rq) { return timeo_set(&s->rcvtimeo, rq); }
static int get_rcvtimeo(sr_sock *s, sr_optreq *rq) { return timeo_get(s->rcvtimeo, rq); }
static int set_sndtimeo(sr_sock *s, sr_optreq *rq) { return timeo_set(&s->sndtimeo, rq); }
static int get_sndtimeo(sr_sock *s, sr_optreq *rq) { return timeo_get(s->sndtimeo, rq); }

@ @<Private function prototypes@>=
static int timeo_set(long *timeo, const sr_optreq *rq);
static int timeo_get(long timeo, sr_optreq *rq);

@ \clause{socket.7:SO_LINGER}
@^socket.7:SO\_LINGER@>
Whether |close| waits for unsent data, and for how many seconds.  The
argument is a |struct linger| of 8 bytes.  A nonzero |l_onoff| is stored
as~1; turning lingering off leaves the time as it was.  The time is kept
in ticks: the kernel converts the |int| to an |unsigned long|, so a
negative time is a huge one and becomes ``forever'', |LONG_MAX| ticks.
Reading divides by the tick rate and cuts the quotient to an |int|, which
is why ``forever'' reads back as the strange number
$(|int|)(|LONG_MAX|/|hz|)$, $-1752346657$ at 250 ticks a second.

\kernel{$\{2,5\}$ reads $\{1,5\}$; $\{1,5\}$ then $\{0,9\}$ reads $\{0,5\}$;
$\{1,8589934\}$ and $\{1,|INT_MAX|\}$ read back exactly; $\{1,-1\}$ and
$\{1,|INT_MIN|\}$ read $\{1,-1752346657\}$; |optlen| 4 or 7 is |EINVAL|.}

@c
static int set_linger(sr_sock *s, sr_optreq *rq)
{
  struct linger l;
  memcpy(&l, rq->buf, sizeof l);
  if (!l.l_onoff) s->linger = false;
  else {
    unsigned long t = (unsigned long) (long) l.l_linger;
    s->lingertime = t >= (unsigned long) (SR_MAX_TIMEOUT / W->hz) ?
      SR_MAX_TIMEOUT : (long) t * W->hz;
    s->linger = true;
  }
  return 0;
}

static int get_linger(sr_sock *s, sr_optreq *rq)
{
  struct linger l;
  l.l_onoff = s->linger;
  l.l_linger = (int) (uint32_t) (s->lingertime / W->hz); /* the kernel's truncation */
  memcpy(rq->out, &l, sizeof l);
  rq->outlen = sizeof l;
  return 0;
}

@*1 Flags.
The options in this part are flags of the socket with no rule of their own
beyond the capability some of them need, which is in their rows.

@ \clause{socket.7:SO_BROADCAST}
@^socket.7:SO\_BROADCAST@>
Permission for a datagram socket to send to a broadcast address.  Every
socket type accepts and keeps it, though only datagrams consult it.

\kernel{2, $-1$, |0x100|, |0x10000| and |INT_MIN| all read back 1.}


@ \clause{socket.7:SO_DEBUG}
@^socket.7:SO\_DEBUG@>
A debugging flag that protocols may consult.  Turning it on needs
\.{CAP\_NET\_ADMIN}, and a caller without it gets |EACCES|, not the usual
|EPERM|; turning it off needs nothing.

\kernel{without \.{CAP\_NET\_ADMIN} (even with \.{CAP\_NET\_RAW}) setting 1
is |EACCES| and setting 0 succeeds.}


@ \clause{socket.7:SO_DONTROUTE}
@^socket.7:SO\_DONTROUTE@>
Send only to destinations on a directly attached network, bypassing
gateways, as the flag |MSG_DONTROUTE| does for one message.  Writing it,
even the value it has, drops the socket's cached route (\.{IP\_MTU} then
says |ENOTCONN| until the socket routes again).

@c
static int set_dontroute(sr_sock *s, sr_optreq *rq)
{
  s->dst_cached = false;
  return set_flag(s, rq);
}

@ \clause{socket.7:SO_KEEPALIVE}
@^socket.7:SO\_KEEPALIVE@>
Probe an idle connection periodically.  Only TCP acts on it, but UDP and
raw sockets store the flag and read it back.


@ \clause{socket.7:SO_OOBINLINE}
@^socket.7:SO\_OOBINLINE@>
Deliver urgent data in the ordinary stream instead of only to a read with
|MSG_OOB|.


@ \clause{socket.7:SO_REUSEADDR}
@^socket.7:SO\_REUSEADDR@>
Relax |bind|'s test for an address in use.  Raw and ping sockets start with
it on (see the defaults above); the others start with it off.


@ \clause{socket.7:SO_REUSEPORT}
@^socket.7:SO\_REUSEPORT@>
Allow several sockets of the same effective user to bind the same address
and port and share its traffic.  The kernel refuses it only for families
other than \.{AF\_INET} and \.{AF\_INET6}, so every socket of the model
takes it, without privilege.


@ \clause{socket.7:SO_RXQ_OVFL}
@^socket.7:SO\_RXQ\_OVFL@>
Ask for a control message with every datagram that counts the packets the
socket has dropped so far.


@ \clause{socket.7:SO_SELECT_ERR_QUEUE}
@^socket.7:SO\_SELECT\_ERR\_QUEUE@>
Report a pending error also as an exceptional condition to |select| and as
|POLLPRI| to |poll|.


@ \clause{socket.7:SO_BSDCOMPAT}
@^socket.7:SO\_BSDCOMPAT@>
A relic of Linux~2.0.  The kernel accepts any value and forgets it, so it
always reads~0.

@c
static int set_bsdcompat(sr_sock *s, sr_optreq *rq) { (void) s; (void) rq; return 0; }
static int get_bsdcompat(sr_sock *s, sr_optreq *rq) { (void) s; rq->val = 0; return 0; }

@ \clause{socket.7:SO_PASSCRED}
@^socket.7:SO\_PASSCRED@>
\clause{socket.7:SO_PASSSEC}
@^socket.7:SO\_PASSSEC@>
Ask for the sender's credentials, or its security context, as a control
message.  Only the families that can deliver them (\.{AF\_UNIX},
\.{AF\_NETLINK}, Bluetooth) accept the options since Linux~6.16; an
\.{AF\_INET} socket answers |EOPNOTSUPP| to both calls, where older kernels
and the page accepted them everywhere.
@^model limits@>

\kernel{on TCP, UDP and raw sockets, reading or writing either option with
|optlen| 4 is |EOPNOTSUPP|.}

@c
static bool sock_may_scm_recv(const sr_sock *s)
{
  return s->family == AF_UNIX || s->family == AF_NETLINK;
}

static int set_sock_passcred(sr_sock *s, sr_optreq *rq)
{
  return sock_may_scm_recv(s) ? set_flag(s, rq) : -EOPNOTSUPP;
}

static int get_sock_passcred(sr_sock *s, sr_optreq *rq)
{
  return sock_may_scm_recv(s) ? get_flag(s, rq) : -EOPNOTSUPP;
}

static int set_sock_passsec(sr_sock *s, sr_optreq *rq)
{
  return sock_may_scm_recv(s) ? set_flag(s, rq) : -EOPNOTSUPP;
}

static int get_sock_passsec(sr_sock *s, sr_optreq *rq)
{
  return sock_may_scm_recv(s) ? get_flag(s, rq) : -EOPNOTSUPP;
}

@ @<Private function prototypes@>=
static bool sock_may_scm_recv(const sr_sock *s);

@ \clause{socket.7:SO_TIMESTAMP}
@^socket.7:SO\_TIMESTAMP@>
\clause{socket.7:SO_TIMESTAMPNS}
@^socket.7:SO\_TIMESTAMPNS@>
Ask for the arrival time of each datagram as a control message, as a
|timeval| or as a |timespec|.  The kernel keeps one flag for ``stamp'' and a
second for ``in nanoseconds'', so the two options exclude each other:
turning one on switches the other off, and turning {\it either\/} off clears
both.

Each option has a second number, \.{SO\_TIMESTAMP\_NEW} (63) and
\.{SO\_TIMESTAMPNS\_NEW} (64), as \.{SO\_TIMESTAMPING} has
\.{SO\_TIMESTAMPING\_NEW} (65): the kernel's ``new'' options, whose
control messages carry 64-bit times on every machine and have those
numbers as their types.  On x86-64 the C library's names are the old
numbers (29, 35, 37) and the structures are the same either way; only the
types of the messages differ.  The socket has one flag for ``new'': turning
a stamp option on sets it (to new or old, by the number used), turning it
off leaves it, and every successful write of \.{SO\_TIMESTAMPING} sets it
by its number.  A read by the old number answers only while the flag says
old; by the new number, only while it says new --- except
\.{SO\_TIMESTAMPING}'s old number, which answers always, and
\.{SO\_TIMESTAMP\_NEW}, which answers for nanoseconds too.

\kernel{\.{SO\_TIMESTAMPNS} 1 then \.{SO\_TIMESTAMP} 1 reads 1 and 0;
\.{SO\_TIMESTAMPNS} 1 then \.{SO\_TIMESTAMP} 0 reads 0 and 0;
\.{SO\_TIMESTAMPING} does not touch either.  Reading 29, 35, 63, 64, 37,
65: after 64 set to 1, 0 0 1 1 0 0; then 63 to 1, 0 0 1 0 0 0; 63 to 0,
all 0; 65 to |0x10|: 37 and 65 read 16; 29 to 0: the same; 35 to 1: 35
reads 1, 65 reads 0; 65 to |0x10| and 63 to 0: 65 reads 16 again; 37 to
|0x10|: 65 reads 0.  With 65 set to |0x18| the receive stamp has type 65;
with 63 set too, types 63 and 65; after 29 is set, 29 and 37; after 64,
64 and 65; after 37, 35 and 37.  A send stamp on a socket with 65: type
65.}

@c
static int tstamp_set(sr_sock *s, bool on, bool ns, bool new)
{
  if (!on) {
    s->flags &= ~(SK_TIMESTAMP | SK_TIMESTAMPNS);
    return 0;
  }
  s->flags &= ~(SK_TIMESTAMPNS | SK_TSTAMP_NEW);
  s->flags |= SK_TIMESTAMP | (ns ? SK_TIMESTAMPNS : 0) | (new ? SK_TSTAMP_NEW : 0);
  sock_enable_timestamp(s);
  return 0;
}

static int set_timestamp(sr_sock *s, sr_optreq *rq) { return tstamp_set(s, rq->val, false, false); }
static int set_timestampns(sr_sock *s, sr_optreq *rq) { return tstamp_set(s, rq->val, true, false); }
static int set_timestamp_new(sr_sock *s, sr_optreq *rq) { return tstamp_set(s, rq->val, false, true); }
static int set_timestampns_new(sr_sock *s, sr_optreq *rq) { return tstamp_set(s, rq->val, true, true); }

static int get_timestamp(sr_sock *s, sr_optreq *rq)
{
  rq->val = (s->flags & (SK_TIMESTAMP | SK_TIMESTAMPNS | SK_TSTAMP_NEW)) == SK_TIMESTAMP;
  return 0;
}

static int get_timestampns(sr_sock *s, sr_optreq *rq)
{
  rq->val = (s->flags & (SK_TIMESTAMPNS | SK_TSTAMP_NEW)) == SK_TIMESTAMPNS;
  return 0;
}

static int get_timestamp_new(sr_sock *s, sr_optreq *rq)
{
  rq->val = (s->flags & (SK_TIMESTAMP | SK_TSTAMP_NEW)) == (SK_TIMESTAMP | SK_TSTAMP_NEW);
  return 0;
}

static int get_timestampns_new(sr_sock *s, sr_optreq *rq)
{
  rq->val = (s->flags & (SK_TIMESTAMPNS | SK_TSTAMP_NEW)) == (SK_TIMESTAMPNS | SK_TSTAMP_NEW);
  return 0;
}


@ @<Private function prototypes@>=
static int tstamp_set(sr_sock *s, bool on, bool ns, bool new);

@ \clause{socket.7:SO_NOFCS}
@^socket.7:SO\_NOFCS@>
\clause{socket.7:SO_WIFI_STATUS}
@^socket.7:SO\_WIFI\_STATUS@>
Two flags the page only names: send frames without a checksum (meant for
packet sockets), and report whether a wireless frame was acknowledged.
Linux keeps both on any socket.

\kernel{both read back 0/1 on TCP, UDP and raw sockets.}


@*1 Values.
Options that store a number.

@ \clause{socket.7:SO_PRIORITY}
@^socket.7:SO\_PRIORITY@>
The queueing priority of the socket's packets.  The values 0 to 6 are free;
any other value, even the one already set, needs \.{CAP\_NET\_ADMIN} or
\.{CAP\_NET\_RAW} (|EPERM|).  The kernel checks no range beyond that.

\kernel{as root 7, 256, |INT_MAX|, $-1$ and |INT_MIN| read back as set;
without both capabilities 7 and $-1$ are |EPERM| and 6 succeeds; with
either one alone 7 succeeds.}


@ \clause{socket.7:SO_MARK}
@^socket.7:SO\_MARK@>
A 32-bit mark on every packet, for policy routing and filtering.  The page
names \.{CAP\_NET\_ADMIN}; since Linux~5.17 \.{CAP\_NET\_RAW} does as well.
Without either, every write is |EPERM|, even of the current value.

A new value drops the cached route; writing the mark the socket already
has does not.

\kernel{as root $-1$ and |INT_MIN| read back as set; with only one of the
two capabilities 1 succeeds; with neither, 0 on a fresh socket is |EPERM|.}

@c
static int set_mark(sr_sock *s, sr_optreq *rq)
{
  if (s->mark != (uint32_t) rq->val) s->dst_cached = false;
  return set_int_field(s, rq);
}

@ \clause{socket.7:SO_INCOMING_CPU}
@^socket.7:SO\_INCOMING\_CPU@>
The processor that handles the socket's incoming packets, $-1$ until one
has arrived.  Writing it stores any |int| without a check.  Of UDP sockets
only a connected one notes the processor, when a datagram passes its
filter (|udp_deliver_one|); an unconnected UDP socket, a raw or a ping
socket keeps what it has.  The model's one processor is |SR_THIS_CPU|, 0;
the kernel's is whichever the sender ran on, so scripts accept any
processor number there, but not $-1$ (the matcher's |ND_CPU|).

\kernel{0, 64, 1000, $-2$, |INT_MAX| and |INT_MIN| read back as set.  A
socket bound to \.{127.0.0.1:7000} that receives a datagram still reads
$-1$ (or 64 after writing 64); connected to itself, it reads the
processor the process was pinned to, 0 or 1, after its own datagram
arrives; a raw \.{IPPROTO\_UDP} socket that saw it, and a ping socket
that got its reply, read $-1$ (script \.{solsocket/incoming-cpu.sr}, found by
\.{sr-fuzz} seed 2718).}


@ \clause{socket.7:SO_BUSY_POLL}
@^socket.7:SO\_BUSY\_POLL@>
Microseconds to spin on the device queue before a blocking read sleeps;
the default is \.{net.core.busy\_read}.  The table refuses a negative value
with |EINVAL|.  The page says raising it needs \.{CAP\_NET\_ADMIN}; the
kernel dropped that check, and so does the model.

\kernel{an unprivileged caller sets 1, 1000000 and |INT_MAX|; $-1$ is
|EINVAL|.}


@ \clause{socket.7:SO_PEEK_OFF}
@^socket.7:SO\_PEEK\_OFF@>
The offset at which a read with |MSG_PEEK| starts, $-1$ for ``the
front''.  Only the protocols whose operations define a peek offset have
it: TCP and UDP do, the raw socket operations (which ping sockets share)
do not, and answer |EOPNOTSUPP| to both calls --- the row for the raw
type, the handler for ping.  The page claims the option for \.{AF\_UNIX}
only; that is out of date.

\kernel{TCP and UDP read $-1$ and keep $-2$, |INT_MIN| and |INT_MAX|; raw
and ping sockets answer |EOPNOTSUPP| to reading and writing.}

@c
static bool sock_has_peek_off(const sr_sock *s)
{
  return !(s->type == SOCK_DGRAM && s->protocol == IPPROTO_ICMP);
}

static int set_peek_off(sr_sock *s, sr_optreq *rq)
{
  if (!sock_has_peek_off(s)) return -EOPNOTSUPP;
  s->peek_off = rq->val;
  return 0;
}

static int get_peek_off(sr_sock *s, sr_optreq *rq)
{
  if (!sock_has_peek_off(s)) return -EOPNOTSUPP;
  rq->val = s->peek_off;
  return 0;
}

@ @<Private function prototypes@>=
static bool sock_has_peek_off(const sr_sock *s);

@ \clause{socket.7:SO_MAX_PACING_RATE}
@^socket.7:SO\_MAX\_PACING\_RATE@>
An upper limit, in bytes per second, on the rate at which the packet
scheduler (or TCP's own pacing) sends.  The value is 64 bits wide but
programs written for 32 bits pass an |int|: with |optlen| 4 to 7 the
kernel reads 32 bits and turns \.{0xffffffff} into ``unlimited'', with 8
or more it reads 64.  A read with |optlen| 8 or more returns 64 bits; a
shorter read returns 32, saturated.

\kernel{a 4-byte write of 1 reads back 1 as 8 bytes; a 4-byte read of the
default gives \.{ffffffff} and |optlen| 4 (also for |optlen| 5 to 7).}

@c
static int set_max_pacing_rate(sr_sock *s, sr_optreq *rq)
{
  uint32_t v32;
  uint64_t v;
  memcpy(&v32, rq->buf, sizeof v32);
  v = v32 == UINT32_MAX ? UINT64_MAX : v32;
  if (rq->len >= (int) sizeof v) memcpy(&v, rq->buf, sizeof v);
  s->max_pacing_rate = v;
  return 0;
}

static int get_max_pacing_rate(sr_sock *s, sr_optreq *rq)
{
  if (rq->len >= (int) sizeof(uint64_t)) {
    memcpy(rq->out, &s->max_pacing_rate, sizeof(uint64_t));
    rq->outlen = sizeof(uint64_t);
  } else {
    uint32_t v = s->max_pacing_rate > UINT32_MAX ? UINT32_MAX : (uint32_t) s->max_pacing_rate;
    memcpy(rq->out, &v, sizeof v);
    rq->outlen = sizeof v;
  }
  return 0;
}

@ \clause{socket.7:SO_TIMESTAMPING}
@^socket.7:SO\_TIMESTAMPING@>
The general time-stamping interface, of which the page only gives the
name: a word of |SOF_TIMESTAMPING_| flags choosing which stamps are
generated and which are reported (the chapter on datagrams tells what they
do: time stamps on receiving, and on sending stamps that come back on the
error queue).  Read, it is a pair of |int|s, the flags and the index of a
hardware clock.  Written, it is the flags, or the pair when |optlen| is
exactly~8.  The kernel refuses unknown bits, \.{OPT\_ID\_TCP} without
\.{OPT\_ID}, and \.{OPT\_STATS} without \.{OPT\_TSONLY}; it refuses to
start \.{OPT\_ID} on a TCP socket that is closed or listening, which in
the model every TCP socket is; and \.{BIND\_PHC} needs a bound device
(|EOPNOTSUPP|) that has the clock asked for --- the model's devices have
no clocks, so that is |EINVAL|.  Turning \.{OPT\_ID} on (when it was off)
restarts the socket's counter of sent datagrams at 0, before the check of
\.{OPT\_STATS}: a write refused for that has still restarted it, which
nothing can see, since the counter is read only while \.{OPT\_ID} is on and
turning it on again restarts it anyway.  \.{RX\_SOFTWARE} asks the machine
for arrival times while it is set; clearing it withdraws that ask (unlike
\.{SO\_TIMESTAMP}'s, which lasts).  \.{SO\_TIMESTAMPING} is 37 on
x86-64, the kernel's |SO_TIMESTAMPING_OLD|; |SO_TIMESTAMPING_NEW|, 65, is
the same option but for the types of the control messages it brings and
for what a read answers (with \.{SO\_TIMESTAMP} above).

\kernel{1, 2, |0x10|, |0x40|, |0x800|, |0x20000| and |0x40000| read back;
|0x1000|, |0x10000|, |0x80000| and $-1$ are |EINVAL|; |0x80| is |EINVAL| on
an unconnected TCP socket and accepted on UDP; |0x8000| is |EOPNOTSUPP|
unbound and |EINVAL| bound to \.{lo}; the pair $\{3,7\}$ reads back
$\{3,0\}$.  A socket with \.{OPT\_ID} numbers its stamped datagrams 0, 1,
2; after the option is written again with \.{OPT\_ID} still on the count
goes on; written without it and then with it, it starts again at 0.}

@<Constants of the model@>=
#define SR_SOF_TX_HARDWARE (1u << 0)
#define SR_SOF_TX_SOFTWARE (1u << 1)
#define SR_SOF_RX_SOFTWARE (1u << 3)
#define SR_SOF_SOFTWARE (1u << 4)
#define SR_SOF_RAW_HARDWARE (1u << 6)
#define SR_SOF_OPT_ID (1u << 7)
#define SR_SOF_TX_SCHED (1u << 8)
#define SR_SOF_OPT_CMSG (1u << 10)
#define SR_SOF_OPT_TSONLY (1u << 11)
#define SR_SOF_OPT_STATS (1u << 12)
#define SR_SOF_BIND_PHC (1u << 15)
#define SR_SOF_OPT_ID_TCP (1u << 16)
#define SR_SOF_OPT_RX_FILTER (1u << 17)
#define SR_SOF_TX_COMPLETION (1u << 18)
#define SR_SOF_MASK ((1u << 19) - 1) /* up to \.{TX\_COMPLETION}, Linux 6.18 */

@ @<Socket-layer fields of a socket@>=
uint32_t tskey; /* the next \.{OPT\_ID} number: |sk_tskey| */

@ @c
static int set_timestamping(sr_sock *s, sr_optreq *rq)
{
  int flags;
  uint32_t val;
  memcpy(&flags, rq->buf, sizeof flags); /* the pair starts with the flags */
  val = (uint32_t) flags;
  if (val & ~SR_SOF_MASK) return -EINVAL;
  if ((val & SR_SOF_OPT_ID_TCP) && !(val & SR_SOF_OPT_ID)) return -EINVAL;
  if ((val & SR_SOF_OPT_ID) && !(s->tsflags & SR_SOF_OPT_ID)) {
    if (s->type == SOCK_STREAM) return -EINVAL;
    s->tskey = 0;
  }
  if ((val & SR_SOF_OPT_STATS) && !(val & SR_SOF_OPT_TSONLY)) return -EINVAL;
  if (val & SR_SOF_BIND_PHC) return s->bound_dev_if ? -EINVAL : -EOPNOTSUPP;
  s->tsflags = val;
  if (rq->d->name == SO_TIMESTAMPING_NEW) s->flags |= SK_TSTAMP_NEW;
  else s->flags &= ~SK_TSTAMP_NEW;
  sock_netstamp_update(s);
  return 0;
}

static int get_timestamping(sr_sock *s, sr_optreq *rq)
{
  bool mine = rq->d->name == SO_TIMESTAMPING_OLD || (s->flags & SK_TSTAMP_NEW);
  int pair[2] = { mine ? (int) s->tsflags : 0, 0 };
  memcpy(rq->out, pair, sizeof pair);
  rq->outlen = sizeof pair;
  return 0;
}

@*1 Read-only options.
These options describe the socket; the table allows only reading them, so
a write is |ENOPROTOOPT| (or |EINVAL| when |optlen| is below~4).

@ \clause{socket.7:SO_TYPE}
@^socket.7:SO\_TYPE@>
\clause{socket.7:SO_DOMAIN}
@^socket.7:SO\_DOMAIN@>
\clause{socket.7:SO_PROTOCOL}
@^socket.7:SO\_PROTOCOL@>
The three arguments of |socket|, as the kernel resolved them: the protocol
0 reads back as the one chosen.

\kernel{TCP reads 1, 2, 6; UDP 2, 2, 17; a raw socket of protocol 255
reads 3, 2, 255.}


@ \clause{socket.7:SO_ACCEPTCONN}
@^socket.7:SO\_ACCEPTCONN@>
Whether |listen| has been called on the socket.

@c
static int get_acceptconn(sr_sock *s, sr_optreq *rq) { rq->val = s->listening; return 0; }

@ \clause{socket.7:SO_ERROR}
@^socket.7:SO\_ERROR@>
The error a failed asynchronous operation left on the socket (a positive
error number).  Reading it also clears it.

\kernel{a UDP socket connected to a closed port reads 111
(|ECONNREFUSED|) after a |send|, then 0.}

@c
static int get_error(sr_sock *s, sr_optreq *rq)
{
  rq->val = s->err;
  s->err = 0;
  return 0;
}

@ \clause{socket.7:SO_INCOMING_NAPI_ID}
@^socket.7:SO\_INCOMING\_NAPI\_ID@>
The identifier of the device receive queue that delivered the socket's
last packet; values below the first real identifier, and ``none'', read
as~0.  The model's devices have no such queues.

@c
static int get_napi_id(sr_sock *s, sr_optreq *rq) { (void) s; rq->val = 0; return 0; }

@ \clause{socket.7:SO_BPF_EXTENSIONS}
@^socket.7:SO\_BPF\_EXTENSIONS@>
How far the classic filter language has been extended: the number
|SKF_AD_MAX|, 64, one past the last ancillary-data offset a filter may
load (see |filter_check| below).

@c
static int get_bpf_extensions(sr_sock *s, sr_optreq *rq)
{
  (void) s;
  rq->val = SKF_AD_MAX;
  return 0;
}

@ \clause{socket.7:SO_PEERCRED}
@^socket.7:SO\_PEERCRED@>
The process, user and group at the other end, as a |struct ucred|.  Only
\.{AF\_UNIX} records them; an \.{AF\_INET} socket always answers process
0, user and group $-1$, 12 bytes, cut like any value.

\kernel{$\{0,-1,-1\}$ with |optlen| 12, on unconnected and connected
sockets.}

@c
static int get_peercred(sr_sock *s, sr_optreq *rq)
{
  struct ucred c = {0, (uid_t) -1, (gid_t) -1};
  (void) s;
  memcpy(rq->out, &c, sizeof c);
  rq->outlen = sizeof c;
  return 0;
}

@ \clause{socket.7:SO_PEERSEC}
@^socket.7:SO\_PEERSEC@>
@^ip.7:SO\_PEERSEC@>
\clause{ip.7:SO_PEERSEC}
The security context of the peer, as a string.  Only a security module
(SELinux, Smack) answers; the measured machine runs none, and the kernel
then says |ENOPROTOOPT|.  The model has no security module either.
@^model limits@>

@c
static int get_peersec(sr_sock *s, sr_optreq *rq) { (void) s; (void) rq; return -ENOPROTOOPT; }


@*1 The device binding.

@ \clause{socket.7:SO_BINDTODEVICE}
@^socket.7:SO\_BINDTODEVICE@>
Restrict the socket to one interface, named by a string.  The name is
whatever the first |optlen| bytes hold, cut to 15 characters; an empty
name or an |optlen| of 0 removes the binding.  Because it is a string the
dispatcher lets an |optlen| below~4 through.  The name is looked up first
(|ENODEV|); then, if the socket is already bound, the change --- even to
the same device, even an unbinding --- needs \.{CAP\_NET\_RAW} (|EPERM|).
A first binding needs nothing since Linux~5.7.  A new binding drops the
cached route, and takes a UDP socket out of its \.{SO\_REUSEPORT} group
(see |udp_rehash|).

\kernel{\.{"lo"} with |optlen| 2, \.{"lo\\0garbage"} with |optlen| 24
bind; \.{"lo"} with |optlen| 1 and a 21-character name are |ENODEV|; an
unprivileged rebind to \.{lo} or unbind of a bound socket is |EPERM|, of an
unbound socket 0; an unprivileged rebind to a name that does not exist is
|ENODEV|.}

@c
static int set_bindtodevice(sr_sock *s, sr_optreq *rq)
{
  char name[IFNAMSIZ];
  int len = rq->len > IFNAMSIZ - 1 ? IFNAMSIZ - 1 : rq->len, index = 0;
  memset(name, 0, sizeof name);
  if (len > 0) memcpy(name, rq->buf, (size_t) len);
  if (name[0]) {
    sr_iface *ifp = iface_by_name(s->host, name);
    if (!ifp) return -ENODEV;
    index = ifp->ifindex;
  }
  return sock_bindtoindex(s, index);
}

@ Binding to an interface by its index, |sock_bindtoindex_locked|, for
\.{SO\_BINDTODEVICE} and \.{SO\_BINDTOIFINDEX} (chapter ``Options beyond
the pages''): a socket already bound needs \.{CAP\_NET\_RAW} to change
its binding; a negative index is |EINVAL|; the index is not checked
against the interfaces.

@<Private function prototypes@>=
static int sock_bindtoindex(sr_sock *s, int index);

@ @c
static int sock_bindtoindex(sr_sock *s, int index)
{
  if (s->bound_dev_if && !proc_capable(W->cur, CAP_NET_RAW)) return -EPERM;
  if (index < 0) return -EINVAL;
  s->bound_dev_if = index;
  udp_rehash(s, s->inet_rcv_saddr);
  s->dst_cached = false;
  return 0;
}

@ Reading the binding has rules of its own.  An unbound socket answers an
empty string of length~0 to any |optlen|, even with a null buffer.  A bound
one wants room for any interface name, |IFNAMSIZ| bytes, and otherwise
answers |EINVAL|; it returns the name with its terminating null and sets
|optlen| to that length.

An index no interface has (\.{SO\_BINDTOIFINDEX} accepts one) is |ENODEV|
(|netdev_get_name|).

\kernel{bound to \.{lo}, |optlen| 15 is |EINVAL| and 40 returns
\.{"lo\\0"} with |optlen| 3; a null buffer with |optlen| 16 is |EFAULT|;
bound to index 99 by \.{SO\_BINDTOIFINDEX}, |ENODEV|.}

@c
static int get_bindtodevice(sr_sock *s, sr_optreq *rq)
{
  sr_iface *ifp;
  rq->outlen = 0;
  if (!s->bound_dev_if) return 0;
  if (rq->len < IFNAMSIZ) return -EINVAL;
  if (!(ifp = iface_by_index(s->host, s->bound_dev_if))) return -ENODEV;
  rq->outlen = (int) strlen(ifp->name) + 1;
  memcpy(rq->out, ifp->name, (size_t) rq->outlen);
  return 0;
}

@*1 Filters.
A socket may carry a program that decides which incoming packets it
accepts: a classic BPF program, given as instructions, or an extended one,
given as a descriptor returned by |bpf|.  A socket has at most one; a new
one replaces the old.  The model keeps classic programs and checks them as
the kernel does; it has no |bpf| call, so no descriptor can name an
extended program.
@^model limits@>

@ Checking a classic program, in the kernel's order: the lock
(\.{SO\_LOCK\_FILTER}) first, then a program must exist and have 1 to
|BPF_MAXINSNS| instructions, then every instruction must pass
|bpf_check_classic|.  All failures but the lock are |EINVAL|.

@c
static int filter_check(const sr_sock *s, const struct sock_fprog *fp)
{
  if (s->flags & SK_FILTER_LOCKED) return -EPERM;
  if (!fp->filter || fp->len == 0 || fp->len > BPF_MAXINSNS) return -EINVAL;
  for (int pc = 0; pc < fp->len; pc++)
    if (!insn_ok(&fp->filter[pc], pc, fp->len)) return -EINVAL;
  switch (fp->filter[fp->len - 1].code) {
  case BPF_RET | BPF_K: case BPF_RET | BPF_A:
    return filter_mem_ok(fp->filter, fp->len) ? 0 : -EINVAL;
  }
  return -EINVAL;
}

@ @<Private function prototypes@>=
static int filter_check(const sr_sock *s, const struct sock_fprog *fp);
static bool insn_ok(const struct sock_filter *f, int pc, int len);
static bool filter_mem_ok(const struct sock_filter *f, int len);

@ One instruction.  The opcode must be one the classic machine has
(|BPF_RET| of |X| is not); a constant divisor must not be zero, a constant
shift must be below 32; a scratch-memory index must be below
|BPF_MEMWORDS|; a jump must land inside the program; and a load from the
ancillary area above |SKF_AD_OFF| must name one of the 16 extensions.

\kernel{each of these is |EINVAL| on attaching: |DIV| or |MOD| by 0, |LSH|
by 32, a store to \.{M[16]}, a jump one past the end, opcode
\.{0xffff}, \.{RET X}, a load from |SKF_AD_OFF|${}+64$; |LSH| by 31,
\.{JA 0} and a load from |SKF_AD_OFF| pass.}

@c
static bool insn_ok(const struct sock_filter *f, int pc, int len)
{
  uint32_t k = f->k;
  switch (f->code) {
  @<Cases of the classic opcodes without an operand check@>@;
    return true;
  case BPF_ALU | BPF_DIV | BPF_K: case BPF_ALU | BPF_MOD | BPF_K:
    return k != 0;
  case BPF_ALU | BPF_LSH | BPF_K: case BPF_ALU | BPF_RSH | BPF_K:
    return k < 32;
  case BPF_LD | BPF_MEM: case BPF_LDX | BPF_MEM: case BPF_ST: case BPF_STX:
    return k < BPF_MEMWORDS;
  case BPF_JMP | BPF_JA:
    return k < (uint32_t) (len - pc - 1);
  case BPF_JMP | BPF_JEQ | BPF_K: case BPF_JMP | BPF_JEQ | BPF_X:
  case BPF_JMP | BPF_JGE | BPF_K: case BPF_JMP | BPF_JGE | BPF_X:
  case BPF_JMP | BPF_JGT | BPF_K: case BPF_JMP | BPF_JGT | BPF_X:
  case BPF_JMP | BPF_JSET | BPF_K: case BPF_JMP | BPF_JSET | BPF_X:
    return pc + f->jt + 1 < len && pc + f->jf + 1 < len;
  case BPF_LD | BPF_W | BPF_ABS: case BPF_LD | BPF_H | BPF_ABS:
  case BPF_LD | BPF_B | BPF_ABS:
    return k < (uint32_t) SKF_AD_OFF ||
      (k - (uint32_t) SKF_AD_OFF < SKF_AD_MAX && (k - (uint32_t) SKF_AD_OFF) % 4 == 0);
  }
  return false;
}

@ The opcodes that need no further check.

@<Cases of the classic opcodes without an operand check@>=
case BPF_ALU | BPF_ADD | BPF_K: case BPF_ALU | BPF_ADD | BPF_X:
case BPF_ALU | BPF_SUB | BPF_K: case BPF_ALU | BPF_SUB | BPF_X:
case BPF_ALU | BPF_MUL | BPF_K: case BPF_ALU | BPF_MUL | BPF_X:
case BPF_ALU | BPF_DIV | BPF_X: case BPF_ALU | BPF_MOD | BPF_X:
case BPF_ALU | BPF_AND | BPF_K: case BPF_ALU | BPF_AND | BPF_X:
case BPF_ALU | BPF_OR | BPF_K: case BPF_ALU | BPF_OR | BPF_X:
case BPF_ALU | BPF_XOR | BPF_K: case BPF_ALU | BPF_XOR | BPF_X:
case BPF_ALU | BPF_LSH | BPF_X: case BPF_ALU | BPF_RSH | BPF_X:
case BPF_ALU | BPF_NEG:
case BPF_LD | BPF_W | BPF_LEN: case BPF_LD | BPF_W | BPF_IND:
case BPF_LD | BPF_H | BPF_IND: case BPF_LD | BPF_B | BPF_IND:
case BPF_LD | BPF_IMM:
case BPF_LDX | BPF_W | BPF_LEN: case BPF_LDX | BPF_B | BPF_MSH:
case BPF_LDX | BPF_IMM:
case BPF_MISC | BPF_TAX: case BPF_MISC | BPF_TXA:
case BPF_RET | BPF_K: case BPF_RET | BPF_A:

@ Finally no path through the program may read a scratch cell before
writing it.  The kernel follows the program once, carrying the set of
written cells; a jump passes the set to its targets, which keep only the
cells written on every path that reaches them.

\kernel{a load from \.{M[0]} (by |LD| or |LDX|) before any store is
|EINVAL|; a store to \.{M[15]} followed by a load from it passes.}

@c
static bool filter_mem_ok(const struct sock_filter *f, int len)
{
  uint16_t *mask = xcalloc((size_t) len, sizeof *mask), valid = 0;
  bool ok = true;
  memset(mask, 0xff, (size_t) len * sizeof *mask);
  for (int pc = 0; pc < len && ok; pc++) {
    valid &= mask[pc];
    if (f[pc].code == BPF_ST || f[pc].code == BPF_STX)
      valid |= (uint16_t) (1u << f[pc].k);
    else if (f[pc].code == (BPF_LD | BPF_MEM) || f[pc].code == (BPF_LDX | BPF_MEM))
      ok = (valid >> f[pc].k) & 1;
    else if (f[pc].code == (BPF_JMP | BPF_JA)) {
      mask[pc + 1 + f[pc].k] &= valid;
      valid = 0xffff;
    } else if (BPF_CLASS(f[pc].code) == BPF_JMP) {
      mask[pc + 1 + f[pc].jt] &= valid;
      mask[pc + 1 + f[pc].jf] &= valid;
      valid = 0xffff;
    }
  }
  free(mask);
  return ok;
}

@ \clause{socket.7:SO_ATTACH_FILTER}
@^socket.7:SO\_ATTACH\_FILTER@>
Attach a classic program.  The argument is a |struct sock_fprog| and
|optlen| must be exactly its size, 16 bytes.  The program is copied, so
the caller's array may go away.  The socket layer's |int| rule still comes
first: an |optlen| below~4 or a null |optval| fails before the size is
checked.

On the measured machine an unprivileged process gets |EPERM| when it
attaches a filter to a TCP socket, whoever created the socket, while UDP
and raw sockets accept the same program.  Nothing in the mainline source
explains it (it looks like a local security policy), so the model does not
reproduce it: its TCP sockets accept filters from anybody.
@^model limits@>

\kernel{|optlen| 8, 15 and 32 are |EINVAL|; a program of length 0, of
length 4097, or with a null pointer is |EINVAL|; 4096 return instructions
pass.}

@c
static int set_filter(sr_sock *s, sr_optreq *rq)
{
  struct sock_fprog fp;
  int err;
  if (rq->len != (int) sizeof fp) return -EINVAL;
  memcpy(&fp, rq->buf, sizeof fp);
  if ((err = filter_check(s, &fp)) != 0) return err;
  free(s->filter);
  s->filter = xcalloc(fp.len, sizeof *s->filter);
  memcpy(s->filter, fp.filter, fp.len * sizeof *s->filter);
  s->filter_len = fp.len;
  s->filter_kind = SR_FILTER_CLASSIC;
  return 0;
}

@ \clause{socket.7:SO_GET_FILTER}
@^socket.7:SO\_GET\_FILTER@>
Reading option 26 returns the attached classic program.  Its |optlen|
counts {\it instructions}, not bytes: 0 asks only for the count, a number
below the count is |EINVAL|, anything else receives the whole program, and
|optlen| is set to the count.  With no program the answer is 0
instructions; an extended program, which has no classic form, is
|EACCES|.

\kernel{with a program of three instructions, |optlen| 0 returns 0 and sets
|optlen| to 3, |optlen| 1 and 2 are |EINVAL| and leave it, 5 writes 24
bytes and sets 3; a null buffer with |optlen| 3 is |EFAULT|.}

@c
static int get_filter(sr_sock *s, sr_optreq *rq)
{
  socklen_t n = 0;
  if (s->filter_kind == SR_FILTER_EBPF) return -EACCES;
  if (s->filter_kind == SR_FILTER_CLASSIC) n = (socklen_t) s->filter_len;
  if (rq->len > 0 && n > 0) {
    if (rq->len < (int) n) return -EINVAL;
    if (!rq->ubuf) return -EFAULT;
    memcpy(rq->ubuf, s->filter, n * sizeof *s->filter);
  }
  *rq->ulen = n;
  return 0;
}

@ \clause{socket.7:SO_ATTACH_BPF}
@^socket.7:SO\_ATTACH\_BPF@>
Attach an extended program, named by a descriptor.  The argument must be
exactly 4 bytes.  A locked filter is |EPERM|; a descriptor that is not open
is |EBADF|, and one that is open but not a socket-filter program is
|EINVAL| --- which, the model having no |bpf|, is every open descriptor.
@^model limits@>

\kernel{descriptor $-1$ or a closed one is |EBADF|; a socket's descriptor,
standard input or \.{/dev/null} is |EINVAL|; with |optlen| 8 even $-1$ is
|EINVAL|.}

@c
static int bpf_prog_get(const sr_sock *s, const sr_optreq *rq)
{
  if (rq->len != (int) sizeof(uint32_t)) return -EINVAL;
  if (s->flags & SK_FILTER_LOCKED) return -EPERM;
  if (!fd_file(W->cur, rq->val)) return -EBADF;
  return -EINVAL; /* open, but not a BPF program */
}

static int set_attach_bpf(sr_sock *s, sr_optreq *rq) { return bpf_prog_get(s, rq); }

@ @<Private function prototypes@>=
static int bpf_prog_get(const sr_sock *s, const sr_optreq *rq);

@ \clause{socket.7:SO_DETACH_FILTER}
@^socket.7:SO\_DETACH\_FILTER@>
\clause{socket.7:SO_DETACH_BPF}
@^socket.7:SO\_DETACH\_BPF@>
Remove the program, classic or extended.  The two names are one option
(27); its |int| argument is read and ignored.  A locked filter is |EPERM|,
a socket without a program |ENOENT|.

\kernel{detaching twice gives 0 then |ENOENT|; with \.{SO\_LOCK\_FILTER}
set it is |EPERM| whether or not a program is attached.}

@c
static int set_detach_filter(sr_sock *s, sr_optreq *rq)
{
  (void) rq;
  if (s->flags & SK_FILTER_LOCKED) return -EPERM;
  if (s->filter_kind == SR_FILTER_NONE) return -ENOENT;
  free(s->filter);
  s->filter = NULL;
  s->filter_len = 0;
  s->filter_kind = SR_FILTER_NONE;
  return 0;
}

@ \clause{socket.7:SO_LOCK_FILTER}
@^socket.7:SO\_LOCK\_FILTER@>
Freeze the socket's filters: once the flag is set, attaching, detaching and
clearing the flag itself are |EPERM| for everyone; setting it again is
allowed.  No privilege is needed to lock.

@c
static int set_lock_filter(sr_sock *s, sr_optreq *rq)
{
  if ((s->flags & SK_FILTER_LOCKED) && !rq->val) return -EPERM;
  return set_flag(s, rq);
}


@ \clause{socket.7:SO_ATTACH_REUSEPORT_CBPF}
@^socket.7:SO\_ATTACH\_REUSEPORT\_CBPF@>
\clause{socket.7:SO_ATTACH_REUSEPORT_EBPF}
@^socket.7:SO\_ATTACH\_REUSEPORT\_EBPF@>
A program that picks, for each packet, the socket of a \.{SO\_REUSEPORT}
group that receives it.  The arguments are those of \.{SO\_ATTACH\_FILTER}
and \.{SO\_ATTACH\_BPF}, checked the same way and in the same order (the
lock included).  Then the socket must have \.{SO\_REUSEPORT} set and must
not yet be in its protocol's tables, or must already be in a group ---
the rule is |reuseport_attach| in the chapter on binding; a raw socket is
in its table from its creation and in no group: |EINVAL|.  This program is the group's, not the
socket's filter: \.{SO\_GET\_FILTER} does not see it and
\.{SO\_DETACH\_FILTER} does not remove it.

\kernel{a valid program on UDP is |EINVAL| with \.{SO\_REUSEPORT} 0, 0 with
it 1, and |EINVAL| on a raw socket; afterwards \.{SO\_GET\_FILTER} reads 0
instructions and \.{SO\_DETACH\_FILTER} is |ENOENT|; with the lock set it is
|EPERM|, except for an |optlen| other than 16, which is |EINVAL| first.}

@c
static int set_reuseport_cbpf(sr_sock *s, sr_optreq *rq)
{
  struct sock_fprog fp;
  int err;
  if (rq->len != (int) sizeof fp) return -EINVAL;
  memcpy(&fp, rq->buf, sizeof fp);
  if ((err = filter_check(s, &fp)) != 0) return err;
  return reuseport_attach(s, fp.filter, fp.len);
}

static int set_reuseport_ebpf(sr_sock *s, sr_optreq *rq) { return bpf_prog_get(s, rq); }
