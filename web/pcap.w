@* Capturing packets.
A world can be watched as a network engineer watches a real one: with a
capture file that \.{tcpdump -r} or Wireshark reads.
|sr_pcap_open(path, host, ifindex)| starts writing one and returns a
capture number; |sr_pcap_close(number)| finishes it.  What it records:

\smallskip
\item{$\bullet$} |host| $\ge0$ and |ifindex| $>0$: the frames sent and
received on that interface, as \.{tcpdump -i IFACE} in that namespace
shows them (loopback frames once, when sent; frames given to |sr_inject|
as received);
\item{$\bullet$} |host| $\ge0$ and |ifindex| 0: the same for every
interface of the host;
\item{$\bullet$} |host| $-1$: every frame of the world, once, when it is
sent (so a frame that a lossy LAN loses is still in the file, as it would
be in a capture at the sender).
\smallskip
\noindent
A frame is sent when it leaves its interface: one waiting for its next
hop to answer ARP is recorded when the answer comes and it goes, and not
at all if the neighbour never answers (chapter {\it Links, time and events\/}, sending a
frame).
\noindent
Looped-back copies of a host's own broadcast and multicast datagrams are
not frames and are not recorded, as \.{tcpdump} does not see them either.
Timestamps are the virtual clock, to the nanosecond: the file uses the
nanosecond variant of the classic format (magic \.{0xa1b23c4d}), which
\.{tcpdump} and Wireshark read.  The link type is \.{LINKTYPE\_RAW}
(101): each record is a bare IPv4 datagram.  The model has no link
layer --- no MAC addresses, no ARP --- so a fake Ethernet header would
show addresses that exist nowhere; raw IP records exactly what the model
knows, and every reader decodes it.

The calls fail with |ENOENT| or |ENODEV| for a host or interface that
does not exist, |EINVAL| for a host below $-1$, and with the error of
|fopen| when the file cannot be created; closing a number that is not
open is |EBADF|.  |sr_reset| closes every capture.
@^pcap@>
@^tcpdump@>

@<Public declarations@>=
int sr_pcap_open(const char *path, int host, int ifindex);
int sr_pcap_close(int capture);

@ @<Constants of the model@>=
#define SR_PCAP_MAGIC_NS 0xa1b23c4du
#define SR_LINKTYPE_RAW 101
#define SR_PCAP_SNAPLEN 262144

@ @<Type definitions@>=
typedef struct {
  FILE *f; /* |NULL| once closed */
  int host, ifindex;
} sr_capture;

@ @<Network fields of the world@>=
sr_capture *cap;
int ncaps;

@ @<Free the network state of the world@>=
for (int i = 0; i < W->ncaps; i++)
  if (W->cap[i].f) fclose(W->cap[i].f);
free(W->cap);

@ The file header: magic, version 2.4, no time zone, the snapshot length
and the link type, each in the writer's byte order, which readers detect
from the magic.

@c
int sr_pcap_open(const char *path, int host, int ifindex)
{
  sr_host *h = NULL;
  FILE *f;
  struct { uint32_t magic; uint16_t major, minor; int32_t zone;
    uint32_t sigfigs, snaplen, linktype; } hdr = { SR_PCAP_MAGIC_NS, 2, 4, 0, 0,
    SR_PCAP_SNAPLEN, SR_LINKTYPE_RAW };
  world_ready();
  if (!path) return sys_return(-EFAULT);
  if (host < -1) return sys_return(-EINVAL);
  if (host >= 0) {
    if (!(h = host_by_id(host))) return sys_return(-ENOENT);
    if (ifindex && !iface_by_index(h, ifindex)) return sys_return(-ENODEV);
  }
  if (!(f = fopen(path, "wb"))) return -1;
  fwrite(&hdr, sizeof hdr, 1, f);
  W->cap = xrealloc(W->cap, (size_t) W->ncaps + 1, sizeof *W->cap);
  W->cap[W->ncaps].f = f;
  W->cap[W->ncaps].host = host;
  W->cap[W->ncaps].ifindex = host >= 0 ? ifindex : 0;
  return ++W->ncaps;
}

int sr_pcap_close(int capture)
{
  world_ready();
  if (capture < 1 || capture > W->ncaps || !W->cap[capture - 1].f)
    return sys_return(-EBADF);
  if (fclose(W->cap[capture - 1].f)) { W->cap[capture - 1].f = NULL; return -1; }
  W->cap[capture - 1].f = NULL;
  return 0;
}

@ Recording a frame: every capture that watches the interface (or, for
a frame being sent, the whole world) gets a record with the virtual time.

A capture shows a UDP checksum that the sender left partial (see the
wire chapter) completed, as the checksum the datagram would carry on a
wire, so that \.{tcpdump -vv} and Wireshark find every datagram
correct.  This is the one place where a capture differs from one made
with \.{tcpdump} on a Linux \.{lo} or veth, which shows the partial
field (``bad udp cksum''); inside the model, a raw socket still receives
the partial field, as on Linux.

Every frame passes here, and a world mostly has no capture at all; so
the test for one is made where the frame passes, and only a world that
has one calls the function that writes.

@<Private function prototypes@>=
static inline void pcap_record(sr_host *h, int ifindex, const sr_pkt *pkt, bool tx);
static void pcap_write(sr_host *h, int ifindex, const sr_pkt *pkt, bool tx);

@ @c
static inline void pcap_record(sr_host *h, int ifindex, const sr_pkt *pkt, bool tx)
{
  if (W->ncaps) pcap_write(h, ifindex, pkt, tx);
}

static void pcap_write(sr_host *h, int ifindex, const sr_pkt *pkt, bool tx)
{
  for (int i = 0; i < W->ncaps; i++) {
    sr_capture *c = &W->cap[i];
    struct { uint32_t sec, nsec, incl, orig; } rec;
    if (!c->f) continue;
    if (c->host < 0 ? !tx :
        c->host != h->id || (c->ifindex && c->ifindex != ifindex))
      continue;
    rec.sec = (uint32_t) (W->now_ns / 1000000000u);
    rec.nsec = (uint32_t) (W->now_ns % 1000000000u);
    rec.incl = rec.orig = (uint32_t) pkt->len;
    fwrite(&rec, sizeof rec, 1, c->f);
    if (pkt->csum_partial) {
      uint8_t *wire = xmalloc(pkt->len);
      memcpy(wire, pkt->data, pkt->len);
      udp_csum_complete(wire);
      fwrite(wire, 1, pkt->len, c->f);
      free(wire);
    } else fwrite(pkt->data, 1, pkt->len, c->f);
  }
}
