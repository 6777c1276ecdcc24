/*2:*/
#line 40 "web/sockref.w"

/*3:*/
#line 49 "web/sockref.w"

#define _GNU_SOURCE 1
#include "sockref.h"
#include <errno.h> 
#include <stdarg.h> 
#include <stdbool.h> 
#include <stdint.h> 
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <limits.h> 
#include <fcntl.h> 
#include <sys/ioctl.h> 
#include <sys/time.h> 
#include <signal.h> 
#include <net/if.h> 
#include <netinet/ip.h> 
#include <netinet/ip_icmp.h> 
#include <linux/rtnetlink.h> 
#include <arpa/inet.h> 
#include <linux/capability.h> 
#include <linux/sockios.h> 
#include <linux/filter.h> 
#include <linux/errqueue.h> 
#include <netinet/udp.h> 
#include <poll.h> 

/*:3*//*876:*/
#line 24 "web/beyond.w"

#include <linux/sock_diag.h> 
#include <linux/net_tstamp.h> 

/*:876*/
#line 41 "web/sockref.w"

/*11:*/
#line 80 "web/world.w"

#define SR_DEFAULT_HZ 250

/*:11*//*14:*/
#line 135 "web/world.w"

#define SR_MAX_IFADDR 8 

/*:14*//*40:*/
#line 694 "web/world.w"

#define SR_MIN_MTU 68

/*:40*//*47:*/
#line 13 "web/proc.w"

#define SR_FIRST_PID 1000
#define SR_NSIG 65 

/*:47*//*49:*/
#line 34 "web/proc.w"

#define SR_ALL_CAPS ((((uint64_t) 1) << (CAP_LAST_CAP + 1)) - 1)
#define SR_NOFILE_CUR 1024
#define SR_NOFILE_MAX 4096

/*:49*//*64:*/
#line 252 "web/proc.w"

#define SR_NR_OPEN 1048576

/*:64*//*67:*/
#line 21 "web/fd.w"

#define SR_O_LARGEFILE 0100000 

/*:67*//*83:*/
#line 40 "web/socket.w"

#define SR_MAX_TIMEOUT LONG_MAX

/*:83*//*85:*/
#line 64 "web/socket.w"

#define SK_DEBUG (1u << 0)
#define SK_BROADCAST (1u << 1)
#define SK_KEEPALIVE (1u << 2)
#define SK_OOBINLINE (1u << 3)
#define SK_PASSCRED (1u << 4)
#define SK_PASSSEC (1u << 5)
#define SK_DONTROUTE (1u << 6)
#define SK_RXQ_OVFL (1u << 7)
#define SK_SELECT_ERR_QUEUE (1u << 8)
#define SK_TIMESTAMP (1u << 9) 
#define SK_TIMESTAMPNS (1u << 10) 
#define SK_FILTER_LOCKED (1u << 11)
#define SK_BSDCOMPAT (1u << 12)
#define SK_TSTAMP_NEW (1u << 13) 
#define SR_FILTER_NONE 0
#define SR_FILTER_CLASSIC 1
#define SR_FILTER_EBPF 2

/*:85*//*87:*/
#line 102 "web/socket.w"

#define IPF_PKTINFO (1u << 0)
#define IPF_RECVTTL (1u << 1)
#define IPF_RECVTOS (1u << 2)
#define IPF_RECVOPTS (1u << 3)
#define IPF_RETOPTS (1u << 4)
#define IPF_PASSSEC (1u << 5)
#define IPF_ORIGDSTADDR (1u << 6)
#define IPF_CHECKSUM (1u << 7)
#define IPF_RECVFRAGSIZE (1u << 8)
#define IPF_RECVERR (1u << 9)
#define IPF_RECVERR_RFC4884 (1u << 10)
#define IPF_FREEBIND (1u << 11)
#define IPF_TRANSPARENT (1u << 12)
#define IPF_HDRINCL (1u << 13)
#define IPF_NODEFRAG (1u << 14)
#define IPF_BIND_ADDRESS_NO_PORT (1u << 15)
#define IPF_ROUTER_ALERT (1u << 16)
#define IPF_MC_LOOP (1u << 17) 
#define IPF_MC_ALL (1u << 18) 

/*:87*//*89:*/
#line 186 "web/socket.w"

#define SR_SOCK_TYPE_MASK 0xf
#define SR_SOCK_MAX 11 
#define SR_IPPROTO_MAX 263 

/*:89*//*96:*/
#line 313 "web/socket.w"

#define SR_TCP_RMEM_DEFAULT 131072
#define SR_TCP_WMEM_DEFAULT 16384

/*:96*//*100:*/
#line 23 "web/ioctl.w"

#define SR_SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_NOATIME | O_DIRECT)

/*:100*//*108:*/
#line 188 "web/ioctl.w"

#define SR_IS_SOCK_IOCTL(req) ((((req) >> 8) & 0xff) == 0x89)

/*:108*//*114:*/
#line 60 "web/sysctl.w"

enum{
SYS_RMEM_DEFAULT,SYS_RMEM_MAX,SYS_WMEM_DEFAULT,SYS_WMEM_MAX,
SYS_MESSAGE_COST,SYS_MESSAGE_BURST,SYS_NETDEV_MAX_BACKLOG,
SYS_OPTMEM_MAX,SYS_BUSY_READ,SYS_BUSY_POLL,SYS_SOMAXCONN,
SYS_IP_DEFAULT_TTL,SYS_IP_DYNADDR,SYS_IP_FORWARD,
SYS_IP_LOCAL_PORT_RANGE,SYS_IP_LOCAL_RESERVED_PORTS,
SYS_IP_NO_PMTU_DISC,SYS_IP_NONLOCAL_BIND,SYS_IP_UNPRIVILEGED_PORT_START,
SYS_IP_AUTOBIND_REUSE,SYS_IPFRAG_HIGH_THRESH,SYS_IPFRAG_LOW_THRESH,
SYS_IPFRAG_TIME,SYS_IPFRAG_MAX_DIST,SYS_IGMP_MAX_MEMBERSHIPS,
SYS_IGMP_MAX_MSF,SYS_PING_GROUP_RANGE,SYS_ROUTE_MIN_PMTU,
SYS_ROUTE_MTU_EXPIRES,SYS_ROUTE_MIN_ADV_MSS,
SYS_IP6FRAG_HIGH_THRESH,SYS_IP6FRAG_LOW_THRESH,SYS_IP6FRAG_TIME,
SR_NSYSCTL
};

/*:114*//*117:*/
#line 107 "web/sysctl.w"

#define SR_MIN_RCVBUF 2304
#define SR_MIN_SNDBUF 4608

/*:117*//*151:*/
#line 52 "web/sockopt.w"

enum{
OPT_INT,
OPT_BOOL,
OPT_BYTE,
OPT_BYTEBOOL,
OPT_LINGER,OPT_TIMEVAL,
OPT_MREQ,
OPT_MREQ_SOURCE,OPT_MSFILTER,
OPT_STRING,OPT_BYTES,OPT_FPROG,OPT_U64,OPT_CUSTOM,
OPT_GROUP_REQ,OPT_GROUP_SOURCE_REQ,
OPT_GROUP_FILTER
};
#define OPT_GET 1u
#define OPT_SET 2u
#define OPT_STREAM (1u << SOCK_STREAM)
#define OPT_DGRAM (1u << SOCK_DGRAM)
#define OPT_RAW (1u << SOCK_RAW)
#define OPT_ALLTYPES (OPT_STREAM | OPT_DGRAM | OPT_RAW)
enum{RANGE_NONE,RANGE_EINVAL,RANGE_CLAMP,RANGE_CAP};
enum{CAP_NEVER,CAP_ALWAYS,CAP_OUTSIDE_RANGE,CAP_NONZERO};
enum{OPT_STORE_HANDLER,OPT_STORE_SOCK_FLAG,OPT_STORE_IP_FLAG,
OPT_STORE_INT_FIELD};

/*:151*//*161:*/
#line 253 "web/sockopt.w"

#define SR_MRT_BASE 200
#define SR_MRT_MAX 212

/*:161*//*176:*/
#line 157 "web/solsocket.w"

#define SR_TCP_RMEM_MAX 33554432 

/*:176*//*207:*/
#line 675 "web/solsocket.w"

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
#define SR_SOF_MASK ((1u << 19) - 1) 

/*:207*//*240:*/
#line 93 "web/ipopt.w"

#define SR_INET_ECN_MASK 3

/*:240*//*244:*/
#line 166 "web/ipopt.w"

#define SR_MAX_IPOPTLEN 40
#define SR_IPOPT_CIPSO 134

/*:244*//*263:*/
#line 431 "web/ipopt.w"

#define SR_IP_MAX_MTU 65535

/*:263*//*275:*/
#line 170 "web/mcast.w"

#define SR_MC_SOCKLIST_SIZE 48
#define SR_SFLSIZE(n) (24 + 4 * (n))
#define SR_SFBLOCK 10

/*:275*//*296:*/
#line 20 "web/wire.w"

#define SR_IPHDR_LEN 20 
#define SR_UDPHDR_LEN 8
#define SR_ICMPHDR_LEN 8
#define SR_IP_MAXPACKET 65535 

/*:296*//*320:*/
#line 453 "web/wire.w"

#define SR_TRANSPORT_API __attribute__((unused))

/*:320*//*351:*/
#line 572 "web/link.w"

#define SR_OUT_OF_LINE __attribute__((noinline))


/*:351*//*362:*/
#line 860 "web/link.w"

#define SR_ARP_PROBES 3
#define SR_ARP_RETRANS_NS 1000000000u
#define SR_UNRES_QLEN_BYTES 212992

/*:362*//*371:*/
#line 44 "web/ip.w"

#define SR_LOOPBACK_IFINDEX 1

/*:371*//*427:*/
#line 1240 "web/ip.w"

#define SR_ICMP_QUOTE_MAX 576
#define SR_IPTOS_PREC_INTERNETCONTROL 0xc0

/*:427*//*432:*/
#line 1337 "web/ip.w"

#define SR_ICMP_RATELIMIT_MS 1000
#define SR_ICMP_RATEMASK 6168
#define SR_XRLIM_BURST_FACTOR 6

/*:432*//*449:*/
#line 45 "web/pcap.w"

#define SR_PCAP_MAGIC_NS 0xa1b23c4du
#define SR_LINKTYPE_RAW 101
#define SR_PCAP_SNAPLEN 262144

/*:449*//*458:*/
#line 64 "web/bind.w"

#define SR_BINDADDR_LOCK 4
#define SR_BINDPORT_LOCK 8
enum{LK_PORT,LK_ADDR,LK_CONN,SR_NLINKS};

/*:458*//*469:*/
#line 291 "web/bind.w"

#define KEY_PORT(port) (uint64_t) (port), 0
#define KEY_ADDR(addr, port) ((uint64_t) (addr) << 16 | (port)), 0
#define KEY_CONN(laddr, lport, raddr, rport) \
  ((uint64_t) (laddr) << 32 | (raddr)), ((uint64_t) (lport) << 16 | (rport))

/*:469*//*480:*/
#line 486 "web/bind.w"

enum{CLASH_NONE,CLASH_PARTNER,CLASH_YES};

/*:480*//*488:*/
#line 657 "web/bind.w"

#define SR_UDP_HTABLE_SIZE 16384 

/*:488*//*553:*/
#line 2043 "web/bind.w"

#define SR_THIS_CPU 0 

/*:553*//*579:*/
#line 277 "web/udp.w"

#define SR_RCV_SHUTDOWN 1
#define SR_SEND_SHUTDOWN 2
#define SR_SHUTDOWN_MASK 3
enum{SR_STAMP_NONE,SR_STAMP_UNKNOWN,SR_STAMP_VALID};

/*:579*//*581:*/
#line 313 "web/udp.w"

#define SR_SKB_EXTRA 31 
#define SR_SKB_SHINFO 320
#define SR_SKB_STRUCT 256
#define SR_SKB_SMALL_HEAD 576
#define SR_SKB_MAX_ALLOC (16384 - SR_SKB_SHINFO)

/*:581*//*589:*/
#line 469 "web/udp.w"

#define SR_CHECKSUM_BREAK 76

/*:589*//*621:*/
#line 1274 "web/udp.w"

#define SR_MSG_PROBE 0x10

/*:621*//*649:*/
#line 1884 "web/udp.w"

#define SR_VCOPY_MIN 1024 

/*:649*//*651:*/
#line 1936 "web/udp.w"

#define SR_UDP_MAX_SEGMENTS 128

/*:651*//*669:*/
#line 2314 "web/udp.w"

#define SR_SOF_TX_RECORD_MASK (1u | 2u | (1u << 8) | (1u << 9) | (1u << 18))
#define SR_SCM_TS_OPT_ID 81

/*:669*//*675:*/
#line 2455 "web/udp.w"

#define SR_IP_CMSG_FLAGS (IPF_PKTINFO | IPF_RECVTTL | IPF_RECVTOS | IPF_RECVOPTS | \
  IPF_RETOPTS | IPF_PASSSEC | IPF_ORIGDSTADDR | IPF_RECVFRAGSIZE)

/*:675*//*709:*/
#line 3272 "web/udp.w"

#define SR_SKBTX_SCHED 1u
#define SR_SKBTX_SW 2u
#define SR_SOF_TX_KEYED (SR_SOF_TX_HARDWARE | SR_SOF_TX_SOFTWARE | SR_SOF_TX_SCHED | \
  SR_SOF_TX_COMPLETION)
#define SR_ETH_HLEN 14

/*:709*//*722:*/
#line 3534 "web/udp.w"

#define SR_MAX_RW_COUNT (INT_MAX & ~4095)
#define SR_UIO_MAXIOV 1024

/*:722*//*725:*/
#line 3566 "web/udp.w"

#define SR_IN_CALLER inline __attribute__((always_inline))


/*:725*//*729:*/
#line 3667 "web/udp.w"

#define SR_CTL_STACK 36

/*:729*//*749:*/
#line 29 "web/poll.w"

#define SR_EWAITFOREVER (-EDEADLK)
#define SR_FOREVER UINT64_MAX

/*:749*//*767:*/
#line 378 "web/poll.w"

#define SR_POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define SR_POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define SR_POLLEX_SET POLLPRI

/*:767*//*775:*/
#line 573 "web/poll.w"

#define SR_SIGRTMIN 32 

/*:775*//*777:*/
#line 59 "web/signal.w"

#define SR_SIGBIT(sig) (((uint64_t) 1) << ((sig) - 1))
#define SR_UNBLOCKABLE (SR_SIGBIT(SIGKILL) | SR_SIGBIT(SIGSTOP))
#define SR_DEFAULT_IGNORED (SR_SIGBIT(SIGCHLD) | SR_SIGBIT(SIGCONT) | \
  SR_SIGBIT(SIGURG) | SR_SIGBIT(SIGWINCH))

/*:777*//*788:*/
#line 305 "web/signal.w"

#define SR_ERESTARTSYS 512 

/*:788*//*791:*/
#line 349 "web/signal.w"

#define SR_IDLE_RESTARTS 1000

/*:791*//*793:*/
#line 403 "web/signal.w"

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000 
#endif
#line 407 "web/signal.w"
#ifndef SA_EXPOSE_TAGBITS
#define SA_EXPOSE_TAGBITS 0x00000800
#endif
#line 410 "web/signal.w"
#define SR_SA_KNOWN (SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_EXPOSE_TAGBITS | \
  SA_ONSTACK | SA_RESTART | SA_NODEFER | SA_RESETHAND | SA_RESTORER)
#define SR_SIGCANCEL 32 
#define SR_SIGSETXID 33

/*:793*//*817:*/
#line 98 "web/raw.w"

#ifndef ICMP_FILTER
#define ICMP_FILTER 1
#endif
#line 102 "web/raw.w"

/*:817*//*865:*/
#line 1013 "web/raw.w"

#ifndef IP_PROTOCOL
#define IP_PROTOCOL 52
#endif
/*:865*//*884:*/
#line 83 "web/beyond.w"

#ifndef IP_PROTOCOL
#define IP_PROTOCOL 52
#endif
#line 87 "web/beyond.w"
#ifndef IP_LOCAL_PORT_RANGE
#define IP_LOCAL_PORT_RANGE 51 
#endif
#line 90 "web/beyond.w"
#ifdef SOL_UDPLITE
#define SR_SOL_UDPLITE SOL_UDPLITE
#else
#line 93 "web/beyond.w"
#define SR_SOL_UDPLITE 136 
#endif
#line 95 "web/beyond.w"

/*:884*//*908:*/
#line 725 "web/beyond.w"

#ifndef SOCK_SNDBUF_LOCK
#define SOCK_SNDBUF_LOCK 1
#define SOCK_RCVBUF_LOCK 2
#endif
#line 730 "web/beyond.w"

/*:908*/
#line 42 "web/sockref.w"

/*7:*/
#line 20 "web/world.w"

typedef struct sr_world sr_world;
typedef struct sr_host sr_host;
typedef struct sr_iface sr_iface;
typedef struct sr_route sr_route;
typedef struct sr_proc sr_proc;
typedef struct sr_file sr_file;
typedef struct sr_sock sr_sock;

/*:7*//*15:*/
#line 146 "web/world.w"

struct sr_ifaddr{
uint32_t addr,brd;
int prefixlen;
int scope;
bool secondary;
};
struct sr_iface{
int ifindex;
char name[IFNAMSIZ];
unsigned flags;
int mtu;
struct sr_ifaddr addr[SR_MAX_IFADDR];
int naddr;
int lan;
};

/*:15*//*16:*/
#line 174 "web/world.w"

enum{SR_RT_UNICAST,SR_RT_LOCAL,SR_RT_BROADCAST,SR_RT_MULTICAST,
SR_RT_UNREACHABLE,SR_RT_BLACKHOLE,SR_RT_PROHIBIT};
enum{SR_TABLE_LOCAL,SR_TABLE_MAIN};
struct sr_route{
uint32_t dst;
uint32_t mask;
int prefixlen;
uint32_t gw,prefsrc;
int ifindex;
int type;
int table;
int scope;
bool kernel;
};

/*:16*//*68:*/
#line 26 "web/fd.w"

enum{SR_FILE_TTY,SR_FILE_SOCKET};
struct sr_file{
int refs;
int kind;
int flags;
uid_t owner_uid;
pid_t owner;
uid_t fown_uid,fown_euid;
int sig;
sr_sock*sock;
};

/*:68*//*69:*/
#line 46 "web/fd.w"

typedef struct{
sr_file**file;
unsigned char*cloexec;
uint64_t*used,*full;
int cap;
int open;
/*771:*/
#line 486 "web/poll.w"

int kmax;

/*:771*/
#line 53 "web/fd.w"

}sr_fdtab;

/*:69*//*82:*/
#line 13 "web/socket.w"

/*370:*/
#line 25 "web/ip.w"

struct sr_flow{
uint32_t daddr,saddr;
int oif;
bool dontroute;
bool freebind;
};
struct sr_rtres{
int type;
uint32_t saddr;
uint32_t nexthop;
int ifindex;
int iif;
int mtu;
bool mtu_locked;
};

/*:370*//*380:*/
#line 271 "web/ip.w"

struct sr_rtmemo{
uint64_t gen;
struct sr_flow fl;
struct sr_rtres rt;
};

/*:380*/
#line 14 "web/socket.w"

struct sr_sock{
int family,type,protocol;
sr_file*file;
sr_host*host;
uid_t uid;
bool listening;
/*457:*/
#line 44 "web/bind.w"

uint32_t inet_saddr;
uint32_t inet_rcv_saddr;
uint32_t inet_daddr;
uint16_t inet_num;
uint16_t inet_sport,inet_dport;
unsigned userlocks;
bool connected;
bool dst_cached;
bool hashed;
int8_t tabno;
struct sr_link{sr_sock*next,*prev;struct sr_slot*slot;}lk[SR_NLINKS];
struct sr_rpgroup*rp;
int rp_index;

/*:457*//*535:*/
#line 1659 "web/bind.w"

int dst_ifindex,dst_type;

/*:535*//*536:*/
#line 1682 "web/bind.w"

uint32_t fl_daddr,fl_saddr;
uint16_t fl_dport;

/*:536*//*545:*/
#line 1898 "web/bind.w"

uint32_t tcp_write_seq;

/*:545*/
#line 21 "web/socket.w"

/*84:*/
#line 43 "web/socket.w"

int reuse,reuseport;
int bound_dev_if;
int incoming_cpu;
unsigned flags;
int filter_kind;
int rcvbuf,sndbuf;
int err;
int peek_off;
long rcvtimeo,sndtimeo;
bool rcvbuf_locked,sndbuf_locked;
int rcvlowat;
bool linger;
long lingertime;
int priority;
uint32_t mark;
unsigned int busy_poll;
struct sock_filter*filter;
int filter_len;
int omem;

/*:84*//*169:*/
#line 35 "web/solsocket.w"

uint32_t tsflags;
uint64_t max_pacing_rate;
int nofcs,wifi_status;

/*:169*//*208:*/
#line 692 "web/solsocket.w"

uint32_t tskey;

/*:208*//*877:*/
#line 31 "web/beyond.w"

uint64_t cookie;
int zerocopy,rcvmark,prefer_busy_poll,busy_poll_budget;
int txtime_clockid,txtime_flags;
bool txtime_on;

/*:877*//*880:*/
#line 46 "web/beyond.w"

int no_check_tx;

/*:880*//*914:*/
#line 886 "web/beyond.w"

int txrehash;

/*:914*/
#line 22 "web/socket.w"

/*578:*/
#line 261 "web/udp.w"

struct sr_dgram*rq_head,*rq_tail;
int rq_len;
int rq_reader;
int rmem;
int forward_deficit,forward_threshold;
uint32_t drops;
struct sr_dgram*eq_head,*eq_tail;
int wmem;
unsigned shutdown;
int stamp_state;
uint64_t stamp_ns;
bool netstamp;
bool stamp_asked;
uint64_t rq_seq;

/*:578*//*656:*/
#line 2025 "web/udp.w"

struct sr_udpcork*cork;

/*:656*//*745:*/
#line 4005 "web/udp.w"

int wheld;
bool orphaned;
bool nospace;

/*:745*//*879:*/
#line 40 "web/beyond.w"

int udp_cork,udp_gso_size,udp_gro,udp_encap;
int udp_no_check6_tx,udp_no_check6_rx;
int fwd_alloc;
bool udp_encap_rcv;

/*:879*/
#line 23 "web/socket.w"

/*86:*/
#line 87 "web/socket.w"

int uc_ttl;
int tos;
int mc_ttl;
int mc_index;
uint32_t mc_addr;
int uc_index;
int pmtudisc;
int minttl;
unsigned ipflags;
unsigned char opt[40];
int optlen;
struct sr_mcsock*mc_list;
int mc_count;

/*:86*//*878:*/
#line 37 "web/beyond.w"

uint32_t local_port_range;

/*:878*/
#line 24 "web/socket.w"

/*381:*/
#line 278 "web/ip.w"

struct sr_rtmemo rt_memo;

/*:381*//*392:*/
#line 477 "web/ip.w"

uint16_t inet_id;

/*:392*/
#line 25 "web/socket.w"

/*814:*/
#line 25 "web/raw.w"

uint32_t icmp_filter;
sr_sock*ra_next;
bool ra_on;
bool opt_set;

/*:814*/
#line 26 "web/socket.w"

};

/*:82*//*113:*/
#line 47 "web/sysctl.w"

enum{SYSV_INT,SYSV_U8,SYSV_ULONG,SYSV_PAIR,SYSV_PORTS,SYSV_JIFFIES};
enum{SYS_NETNS,SYS_GLOBAL};
typedef struct{
const char*name,*clause;
int scope,kind;
long long def,def2;
long long min,max;
}sr_sysctl;

/*:113*//*150:*/
#line 26 "web/sockopt.w"

typedef struct sr_optreq sr_optreq;
typedef int sr_setter(sr_sock*s,sr_optreq*rq);
typedef int sr_getter(sr_sock*s,sr_optreq*rq);
typedef struct{
int level,name;
const char*str,*clause,*since;
int type;
unsigned access,types;
int type_errno;
bool types_set_only;
long long lo,hi;
int range_action;
uint64_t caps;
int cap_when,cap_errno;
int setlen;
int store;
unsigned bit;
size_t offset;
sr_setter*set;
sr_getter*get;
}sr_optdesc;

/*:150*//*152:*/
#line 89 "web/sockopt.w"

struct sr_optreq{
const sr_optdesc*d;
int val;
const unsigned char*buf;
int len;
int outlen;
void*ubuf;
socklen_t*ulen;
unsigned char out[256];
};

/*:152*//*269:*/
#line 33 "web/mcast.w"

typedef struct sr_mcsock sr_mcsock;
struct sr_mcsock{
sr_mcsock*next;
uint32_t group;
uint32_t addr;
int ifindex;
int mode;
bool has_list;
int sfmax;
int nsrc,maxsrc;
uint32_t*src;
};

/*:269*//*305:*/
#line 166 "web/wire.w"

struct sr_ipv4{
uint8_t ihl;
uint8_t tos,ttl,protocol;
uint16_t tot_len,id,frag_off;
uint32_t saddr,daddr;
const uint8_t*opt;
int optlen;
};

/*:305*//*311:*/
#line 274 "web/wire.w"

struct sr_udp{
uint16_t sport,dport;
uint16_t len;
uint16_t check;
const uint8_t*data;
size_t datalen;
};

/*:311*//*316:*/
#line 386 "web/wire.w"

struct sr_icmp{
uint8_t type,code;
uint32_t rest;
const uint8_t*data;
size_t datalen;
};

/*:316*//*328:*/
#line 31 "web/link.w"

typedef struct sr_hent sr_hent;
struct sr_hent{
sr_hent*next;
uint64_t k0,k1;
};
typedef struct{
sr_hent**b;
size_t nb,n;
int shift;
}sr_htab;

/*:328*//*334:*/
#line 212 "web/link.w"

typedef struct{
size_t len;
uint8_t*data;
sr_sock*sk;
int truesize;
bool held;
bool csum_partial;
bool local;
bool last;
uint16_t frag_max;
int iif;
uint8_t tx_flags;
uint32_t mark;
uint32_t tskey;
}sr_pkt;
enum{EV_RX,EV_FRAG_EXPIRE,EV_NEIGH_PROBE,EV_ITIMER};
typedef struct{
uint64_t t,seq;
int kind;
int host,ifindex;
sr_pkt*pkt;
uint64_t k0,k1,serial;
int rt_type;
}sr_event;

/*:334*//*344:*/
#line 441 "web/link.w"

typedef struct{
int mtu;
struct sr_lan_config cfg;
struct sr_port{int host,ifindex;}*port;
int nports;
}sr_lan;

/*:344*//*363:*/
#line 865 "web/link.w"

typedef struct{
sr_hent h;
uint64_t serial;
int probes;
sr_pkt**q;
int nq;
size_t qbytes;
}sr_neigh;

/*:363*//*386:*/
#line 376 "web/ip.w"

typedef struct{
sr_hent h;
int mtu;
bool locked;
uint64_t expires_ns;
}sr_pmtu;

/*:386*//*391:*/
#line 447 "web/ip.w"

struct sr_ipout{
uint8_t protocol,ttl,tos;
int pmtudisc;
const uint8_t*opt;
int optlen;
uint32_t mark;
int priority;
bool mc_loop;
sr_sock*sk;
uint8_t tx_flags;
uint32_t tskey;
};

/*:391*//*407:*/
#line 807 "web/ip.w"

struct sr_rx{
sr_host*host;
int ifindex;
int dev_ifindex;
uint32_t saddr,daddr;
uint8_t ttl,tos,protocol;
const uint8_t*opt;
const uint8_t*wire_opt;
int optlen;
uint32_t spec_dst;
int rt_type;
const uint8_t*l4;
size_t l4len;
uint64_t tstamp_ns;
bool csum_ok;
sr_pkt**pkt;
int frag_max;
int truesize;
uint32_t mark;
};

/*:407*//*412:*/
#line 966 "web/ip.w"

typedef struct{
size_t off,end;
sr_pkt*pkt;
}sr_frag;
typedef struct{
sr_hent h;
uint64_t serial;
sr_frag*f;
int nf;
size_t len;
size_t meat;
bool first_in,last_in;
int rt_type;
}sr_fragq;

/*:412*//*433:*/
#line 1342 "web/ip.w"

typedef struct{
sr_hent h;
uint64_t tokens,last;
}sr_peer;

/*:433*//*444:*/
#line 1480 "web/ip.w"

typedef struct{
sr_hent h;
int users;
}sr_mcgroup;

/*:444*//*450:*/
#line 50 "web/pcap.w"

typedef struct{
FILE*f;
int host,ifindex;
}sr_capture;

/*:450*//*464:*/
#line 182 "web/bind.w"

typedef struct sr_slot sr_slot;
struct sr_slot{
sr_hent h;
sr_sock*first;
int count;
int fastreuseport;
uid_t fastuid;
uint32_t fast_rcv_saddr;
};

/*:464*//*465:*/
#line 200 "web/bind.w"

enum{SR_TAB_UDP,SR_TAB_UDPLITE,SR_TAB_TCP,SR_TAB_PING,SR_NTABS};
typedef struct{sr_htab t[SR_NLINKS];}sr_porttab;
typedef struct sr_bindtab{
sr_porttab proto[SR_NTABS];
sr_slot*spare;
}sr_bindtab;

/*:465*//*498:*/
#line 876 "web/bind.w"

typedef struct sr_rpgroup{
sr_sock**sock;
int n,cap;
bool has_conns;
struct sock_filter*prog;
int prog_len;
}sr_rpgroup;

/*:498*//*568:*/
#line 36 "web/udp.w"

typedef struct sr_dgram sr_dgram;
struct sr_dgram{
sr_dgram*next;
uint32_t saddr,daddr;
uint16_t sport,dport;
int ifindex;
uint32_t spec_dst;
uint8_t ttl,tos;
uint16_t frag_max;
uint32_t mark;
uint8_t opt[SR_MAX_IPOPTLEN];
uint8_t wire_opt[SR_MAX_IPOPTLEN];
int optlen;
bool stamped;
uint64_t tstamp_ns;
int truesize;
uint32_t dropcount;
bool peeked;
bool csum_bad;
uint8_t shift;
int l4off;
/*610:*/
#line 1071 "web/udp.w"

bool is_err;
struct sock_extended_err ee;
uint32_t offender;

/*:610*/
#line 58 "web/udp.w"

size_t len;
uint8_t data[];
};

/*:568*//*569:*/
#line 86 "web/udp.w"

#define SR_DGRAM_HEADROOM offsetof(sr_dgram, data)
#define SR_SMALL_DGRAM 256
#define SR_SMALL_BUF (SR_DGRAM_HEADROOM + SR_SMALL_DGRAM)
#define SR_SMALL_SPARE 64
#define SR_BIG_ORDER_MAX 17 
#define SR_BIG_SPARE 4
#define SR_DATA_ALIGN 32 
#if defined(__SANITIZE_ADDRESS__)
#define SR_ASAN 1
#elif defined(__has_feature)
#line 97 "web/udp.w"
#if __has_feature(address_sanitizer)
#define SR_ASAN 1
#endif
#line 100 "web/udp.w"
#endif
#line 101 "web/udp.w"
#ifdef SR_ASAN
#include <sanitizer/asan_interface.h> 
size_t __sanitizer_get_allocated_size(const volatile void*p);
#endif
#line 105 "web/udp.w"
 _Static_assert(offsetof(sr_dgram,wire_opt)==offsetof(sr_dgram,opt)+SR_MAX_IPOPTLEN,
"the two copies of the options are side by side");
_Static_assert(offsetof(sr_dgram,data)> sizeof(sr_pkt)+SR_IPHDR_LEN+
SR_MAX_IPOPTLEN+SR_UDPHDR_LEN,"a queue entry's header covers a packet's headers");
_Static_assert(((size_t)1<<SR_BIG_ORDER_MAX)>=SR_DGRAM_HEADROOM+65535+SR_DATA_ALIGN,
"the biggest spare holds the longest datagram");

/*:569*//*586:*/
#line 433 "web/udp.w"

struct udp_arrival{
const struct sr_rx*rx;
struct sr_udp u;
bool bad;
bool sole;
int truesize;
};

/*:586*//*622:*/
#line 1280 "web/udp.w"

struct sr_ipcm{
int oif;
uint32_t addr;
int ttl,tos;
int priority;
uint32_t mark;
int optlen;
bool has_opt;
int gso_size;
uint32_t tsflags;
uint32_t ts_opt_id;
bool has_ts_opt_id;
uint8_t opt[SR_MAX_IPOPTLEN];
};

/*:622*//*657:*/
#line 2028 "web/udp.w"

struct sr_udpcork{
struct sr_ipcm ipc;
struct sr_rtres rt;
uint8_t opt[SR_MAX_IPOPTLEN];
int optlen,mtu;
size_t len;
int charge;
uint8_t*data;
};

/*:657*//*672:*/
#line 2393 "web/udp.w"

struct sr_cmsg_out{
uint8_t*pos;
size_t room,used;
};

/*:672*/
#line 43 "web/sockref.w"

/*8:*/
#line 39 "web/world.w"

enum{SR_WORLD_READY= 1,SR_SIGNAL_READY= 2};
struct sr_world{
unsigned call_flags;
uint64_t now_ns;
int hz;
sr_host**host;
int nhosts;
sr_proc**proc;
int nprocs;
sr_proc*cur;
pid_t next_pid;
/*335:*/
#line 241 "web/link.w"

uint64_t rng;
sr_event*ev;
size_t nev,evcap;
uint64_t evseq;

/*:335*//*345:*/
#line 452 "web/link.w"

sr_lan*lan;
int nlans;

/*:345*//*451:*/
#line 56 "web/pcap.w"

sr_capture*cap;
int ncaps;

/*:451*//*576:*/
#line 237 "web/udp.w"

void*small_spare[SR_SMALL_SPARE];
int nsmall_spare;
void*big_spare[SR_BIG_ORDER_MAX+1][SR_BIG_SPARE];
uint8_t nbig_spare[SR_BIG_ORDER_MAX+1];

/*:576*//*698:*/
#line 3013 "web/udp.w"

int netstamp_sockets;

/*:698*//*881:*/
#line 49 "web/beyond.w"

uint64_t last_cookie;

/*:881*/
#line 51 "web/world.w"

/*779:*/
#line 78 "web/signal.w"

unsigned idle_restarts;
int timer_events;

/*:779*/
#line 52 "web/world.w"

};

/*:8*//*17:*/
#line 193 "web/world.w"

struct sr_host{
int id;
char name[32];
sr_iface*ifs;
int nifs;
sr_route*routes;
int nroutes;
uint64_t route_gen;
/*112:*/
#line 35 "web/sysctl.w"

long long sys[SR_NSYSCTL][2];
uint64_t*reserved_ports;

/*:112*//*364:*/
#line 875 "web/link.w"

sr_htab neigh;

/*:364*//*387:*/
#line 384 "web/ip.w"

sr_htab pmtu;

/*:387*//*393:*/
#line 480 "web/ip.w"

uint16_t ip_ident;
uint64_t serial;

/*:393*//*413:*/
#line 982 "web/ip.w"

sr_htab frags;
size_t frag_mem;

/*:413*//*434:*/
#line 1348 "web/ip.w"

sr_htab peers;

/*:434*//*442:*/
#line 1474 "web/ip.w"

sr_htab mc;

/*:442*//*466:*/
#line 208 "web/bind.w"

struct sr_bindtab*bind;
uint32_t ehash_secret;
uint16_t ping_rover;
uint64_t addr_type_gen;
uint32_t addr_type_addr;
int addr_type;

/*:466*//*818:*/
#line 121 "web/raw.w"

sr_htab raw;

/*:818*//*857:*/
#line 919 "web/raw.w"

sr_sock*ra_chain;

/*:857*/
#line 202 "web/world.w"

};

/*:17*//*48:*/
#line 17 "web/proc.w"

struct sr_proc{
pid_t pid,pgrp;
uid_t ruid,euid,suid,fsuid;
uint64_t cap_eff,cap_perm;
struct rlimit nofile;
/*70:*/
#line 56 "web/fd.w"

sr_fdtab fds;

/*:70*//*778:*/
#line 65 "web/signal.w"

struct sigaction act[SR_NSIG];
uint64_t blocked,pending;
unsigned rtqueue[SR_NSIG];
struct{int code;pid_t pid;uid_t uid;}sinfo[SR_NSIG];
uint64_t it_real_expiry,it_real_interval,it_real_serial;
struct itimerval it_cpu[2];

/*:778*/
#line 23 "web/proc.w"

sr_host*host;
unsigned long sigcount[SR_NSIG];
};

/*:48*/
#line 44 "web/sockref.w"

/*9:*/
#line 55 "web/world.w"

static inline void world_ready(void);
static void world_make_ready(void);

/*:9*//*18:*/
#line 211 "web/world.w"

static void*xcalloc(size_t n,size_t size);
static void*xmalloc(size_t size);
static void*xrealloc(void*p,size_t n,size_t size);

/*:18*//*20:*/
#line 246 "web/world.w"

static uint32_t prefix_mask(int len);
static bool ipv4_is_lbcast(uint32_t a);
static bool ipv4_is_zeronet(uint32_t a);
static bool ipv4_is_loopback(uint32_t a);
static bool ipv4_is_local_multicast(uint32_t a);

/*:20*//*22:*/
#line 277 "web/world.w"

static sr_iface*host_add_iface(sr_host*h,const char*name,unsigned flags,
int mtu);
static sr_iface*iface_by_index(sr_host*h,int ifindex);
static sr_iface*iface_by_name(sr_host*h,const char*name);
static sr_iface*iface_by_addr(sr_host*h,uint32_t addr);

/*:22*//*25:*/
#line 339 "web/world.w"

static int route_add(sr_host*h,int table,int type,uint32_t dst,
int prefixlen,uint32_t gw,int ifindex,uint32_t prefsrc,int scope,
bool kernel);
static void route_del(sr_host*h,int i);

/*:25*//*27:*/
#line 401 "web/world.w"

static const sr_route*fib_lookup(sr_host*h,uint32_t dst,int oif,
int scope,int*err);
static const sr_route*route_lookup(sr_host*h,uint32_t dst);

/*:27*//*29:*/
#line 451 "web/world.w"

static int iface_add_addr(sr_host*h,int ifindex,uint32_t addr,
int prefixlen,uint32_t brd);
static void fib_add_ifaddr(sr_host*h,const sr_iface*ifp,
const struct sr_ifaddr*a);

/*:29*//*32:*/
#line 535 "web/world.w"

static void iface_set_up(sr_host*h,int ifindex,bool up);

/*:32*//*36:*/
#line 624 "web/world.w"

_Static_assert(SR_ROUTE_UNREACHABLE==SR_RT_UNREACHABLE&&
SR_ROUTE_BLACKHOLE==SR_RT_BLACKHOLE&&SR_ROUTE_PROHIBIT==SR_RT_PROHIBIT,
"public route types");
static sr_host*host_by_id(int id);
static sr_host*host_new(const char*name);
static int parse_cidr(const char*s,uint32_t*addr,int*prefixlen);

/*:36*//*50:*/
#line 39 "web/proc.w"

static sr_proc*proc_new(sr_host*h,uid_t uid);
static void proc_free(sr_proc*p);
static sr_proc*proc_by_pid(pid_t pid);
static bool pgrp_exists(pid_t pgrp);

/*:50*//*60:*/
#line 201 "web/proc.w"

static bool proc_capable(const sr_proc*p,int cap);

/*:60*//*71:*/
#line 59 "web/fd.w"

static void fdtab_init(sr_proc*p);
static void fdtab_free(sr_proc*p);
static int fd_install(sr_proc*p,sr_file*f,int minfd,bool cloexec);
static sr_file*fd_file(sr_proc*p,int fd);
static void fd_release(sr_proc*p,int fd);
static void file_put(sr_file*f);

/*:71*//*76:*/
#line 183 "web/fd.w"

static sr_sock*sock_lookup(int fd,int*err);

/*:76*//*78:*/
#line 201 "web/fd.w"

static int sys_return(int r);

/*:78*//*90:*/
#line 207 "web/socket.w"

static int inet_protocol_check(int type,int*protocol);

/*:90*//*93:*/
#line 285 "web/socket.w"

static sr_sock*sock_alloc(sr_proc*p,int type,int protocol);
static void sock_release(sr_sock*s);

/*:93*//*110:*/
#line 216 "web/ioctl.w"

static int file_setfl(sr_file*f,int arg);
static int file_setown(sr_file*f,int who);
static int generic_ioctl(sr_proc*p,int fd,sr_file*f,unsigned long req,
void*argp,bool*handled);
static int sock_ioctl(sr_file*f,unsigned long req,void*argp);
/*:110*//*115:*/
#line 78 "web/sysctl.w"

static const sr_sysctl sysctls[SR_NSYSCTL];

/*:115*//*136:*/
#line 327 "web/sysctl.w"

static long long*sysctl_slot(sr_host*h,int i);
static long long sysctl_value(sr_host*h,int i);
static bool ping_group_allowed(const sr_proc*p);

/*:136*//*148:*/
#line 621 "web/sysctl.w"

static int ports_parse(uint64_t*bits,const char*text);
static void ports_format(const uint64_t*bits,char*out,size_t len);
static int sysctl_parse(int i,const char*text,long long nv[2]);
static bool sysctl_is_dir(const char*name);
static int sysctl_cross_check(sr_host*h,int i,long long nv[2]);
static int sysctl_write(sr_host*h,const sr_proc*p,const char*name,
const char*value);
/*:148*//*153:*/
#line 101 "web/sockopt.w"

static void optreq_init(sr_optreq*rq,const sr_optdesc*d,int len);

/*:153*//*156:*/
#line 127 "web/sockopt.w"

static const sr_optdesc*opt_lookup(int level,int name);

/*:156*//*158:*/
#line 158 "web/sockopt.w"

static int set_flag(sr_sock*s,sr_optreq*rq);
static int get_flag(sr_sock*s,sr_optreq*rq);
static int set_int_field(sr_sock*s,sr_optreq*rq);
static int get_int_field(sr_sock*s,sr_optreq*rq);

/*:158*//*164:*/
#line 324 "web/sockopt.w"

static int opt_validate_set(sr_sock*s,const sr_optdesc*d,sr_optreq*rq);
static bool opt_capable(uint64_t caps);
static int opt_copy_out(const sr_optdesc*d,sr_optreq*rq,void*optval,
socklen_t*optlen,int len);

/*:164*//*172:*/
#line 72 "web/solsocket.w"

static int buffer_request(const sr_sock*s,int tunable,int val);
static int buffer_store(int*size,bool*locked,int val,int min);

/*:172*//*181:*/
#line 246 "web/solsocket.w"

static int timeo_set(long*timeo,const sr_optreq*rq);
static int timeo_get(long timeo,sr_optreq*rq);

/*:181*//*195:*/
#line 413 "web/solsocket.w"

static bool sock_may_scm_recv(const sr_sock*s);

/*:195*//*197:*/
#line 494 "web/solsocket.w"

static int tstamp_set(sr_sock*s,bool on,bool ns,bool new);

/*:197*//*205:*/
#line 603 "web/solsocket.w"

static bool sock_has_peek_off(const sr_sock*s);

/*:205*//*220:*/
#line 862 "web/solsocket.w"

static int sock_bindtoindex(sr_sock*s,int index);

/*:220*//*225:*/
#line 930 "web/solsocket.w"

static int filter_check(const sr_sock*s,const struct sock_fprog*fp);
static bool insn_ok(const struct sock_filter*f,int pc,int len);
static bool filter_mem_ok(const struct sock_filter*f,int len);

/*:225*//*232:*/
#line 1113 "web/solsocket.w"

static int bpf_prog_get(const sr_sock*s,const sr_optreq*rq);

/*:232*//*245:*/
#line 170 "web/ipopt.w"

static int ip_options_compile(sr_host*h,unsigned char*p,int len,bool*srr);
static bool inet_addr_is_unicast(sr_host*h,const unsigned char*a);

/*:245*//*270:*/
#line 49 "web/mcast.w"

static void mc_drop_all(sr_sock*s);
static bool ipv4_is_multicast(uint32_t addr);
static sr_iface*ip_dev_find(sr_host*h,uint32_t addr);
static sr_iface*mc_find_dev(sr_host*h,uint32_t group,uint32_t addr,
int*ifindex);
static int mreq_decode(const sr_optreq*rq,struct ip_mreqn*mr);
static sr_mcsock**mc_find(sr_sock*s,uint32_t group,int ifindex);
static int mc_join(sr_sock*s,struct ip_mreqn*mr,int mode);
static int mc_leave(sr_sock*s,struct ip_mreqn*mr);
static bool omem_charge(sr_sock*s,int size);
static void mc_free(sr_sock*s,sr_mcsock*m);
static int mc_source(sr_sock*s,bool add,int omode,
const struct ip_mreq_source*mrs,int ifindex);
static int mc_msfilter(sr_sock*s,uint32_t group,uint32_t ifaddr,int ifindex,
uint32_t fmode,uint32_t n,const void*src);

/*:270*//*287:*/
#line 417 "web/mcast.w"

static int mreq_source_decode(const sr_optreq*rq,struct ip_mreq_source*mrs);

/*:287*//*297:*/
#line 28 "web/wire.w"

static uint16_t get16(const uint8_t*p);
static void put16(uint8_t*p,uint16_t v);
static uint32_t get_addr(const uint8_t*p);
static void put_addr(uint8_t*p,uint32_t a);

/*:297*//*299:*/
#line 65 "web/wire.w"

static uint32_t csum_add(uint32_t sum,const uint8_t*p,size_t n);
static uint16_t csum_fold(uint32_t sum);
static uint16_t inet_csum(const uint8_t*p,size_t n);

/*:299*//*301:*/
#line 116 "web/wire.w"

static uint32_t csum_pseudo(uint32_t saddr,uint32_t daddr,uint8_t proto,
size_t len);

/*:301*//*303:*/
#line 140 "web/wire.w"

static uint16_t ip_fast_csum(const uint8_t*p,size_t hl);

/*:303*//*306:*/
#line 187 "web/wire.w"

static bool ipv4_parse(const uint8_t*p,size_t len,struct sr_ipv4*ip);
static void ipv4_read(const uint8_t*p,struct sr_ipv4*ip);
static void ipv4_emit(uint8_t*p,const struct sr_ipv4*ip);

/*:306*//*309:*/
#line 257 "web/wire.w"

static void ipv4_recsum(uint8_t*p);

/*:309*//*312:*/
#line 293 "web/wire.w"

static bool udp_parse(const uint8_t*p,size_t len,uint32_t saddr,
uint32_t daddr,uint8_t proto,struct sr_udp*u);
SR_TRANSPORT_API static void udp_emit(uint8_t*p,uint16_t sport,
uint16_t dport,const void*data,size_t datalen,uint32_t saddr,
uint32_t daddr);

/*:312*//*314:*/
#line 359 "web/wire.w"

static void udp_csum_partial(uint8_t*p,size_t len,uint32_t saddr,uint32_t daddr,
uint8_t proto);
static void udp_csum_complete(uint8_t*ip);

/*:314*//*317:*/
#line 397 "web/wire.w"

static bool icmp_parse(const uint8_t*p,size_t len,struct sr_icmp*ic);
static void icmp_emit(uint8_t*p,const struct sr_icmp*ic);

/*:317*//*319:*/
#line 442 "web/wire.w"

static void ip_options_build(sr_host*h,uint8_t*opt,int optlen,
uint32_t saddr,uint32_t daddr);
static bool ip_options_first_hop(const uint8_t*opt,int optlen,
uint32_t*faddr);

/*:319*//*321:*/
#line 461 "web/wire.w"

static uint8_t*ipopt_next(uint8_t*opt,int optlen,int*pos);

/*:321*//*325:*/
#line 560 "web/wire.w"

static void ip_options_fragment(uint8_t*opt,int optlen);

/*:325*//*329:*/
#line 53 "web/link.w"

static sr_hent*htab_find(const sr_htab*t,uint64_t k0,uint64_t k1);
static void htab_insert(sr_htab*t,sr_hent*e);
static sr_hent**htab_where(sr_htab*t,uint64_t k0,uint64_t k1);
static void htab_link(sr_htab*t,sr_hent**at,sr_hent*e);
static void htab_remove(sr_htab*t,sr_hent*e);
static void htab_free(sr_htab*t,void(*fn)(sr_hent*));
static void htab_grow(sr_htab*t);

/*:329*//*332:*/
#line 170 "web/link.w"

static uint64_t rng_next(void);
static double rng_unit(void);

/*:332*//*338:*/
#line 254 "web/link.w"

static sr_pkt*pkt_alloc(size_t headroom,size_t len);
static sr_pkt*pkt_init(void*buf,size_t headroom,size_t len);
static sr_pkt*pkt_new(const void*data,size_t len);
static sr_pkt*pkt_clone(const sr_pkt*p);
static void ev_push(sr_event*e);
static inline void net_run(void);
static void net_run_due(void);
static bool net_next_event(uint64_t*t);

/*:338*//*350:*/
#line 550 "web/link.w"

static void dev_xmit(sr_host*h,int ifindex,uint32_t nexthop,bool bcast,
sr_pkt*pkt);
SR_OUT_OF_LINE static void dev_xmit_lan(sr_host*h,sr_iface*ifp,int ifindex,
uint32_t nexthop,bool bcast,sr_pkt*pkt);
static inline void dev_tap(sr_host*h,int ifindex,sr_pkt*pkt);
SR_OUT_OF_LINE static void dev_tap_frame(sr_host*h,int ifindex,sr_pkt*pkt);
static void dev_rcv(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type);
static void dev_loop(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type);
static bool loop_short_cut(const sr_pkt*pkt);
static bool lan_short_cut(const sr_lan*l);
static bool ev_due_now(void);

/*:350*//*355:*/
#line 680 "web/link.w"

static bool port_owns(const struct sr_port*pt,uint32_t addr);
static int lan_owner(const sr_host*h,int ifindex,const sr_lan*l,uint32_t addr);
static void lan_carry(sr_lan*l,const struct sr_port*pt,sr_pkt*pkt);

/*:355*//*366:*/
#line 881 "web/link.w"

static void neigh_enqueue(sr_host*h,int ifindex,uint32_t nexthop,sr_pkt*pkt);
static void neigh_probe(sr_host*h,uint64_t key,uint64_t serial);
static void neigh_free(sr_hent*e);

/*:366*//*372:*/
#line 47 "web/ip.w"

static uint32_t inet_select_addr(sr_host*h,const sr_iface*dev,uint32_t dst,
int scope);
static int ip_route_output(sr_host*h,const struct sr_flow*fl,
struct sr_rtres*rt);

/*:372*//*378:*/
#line 229 "web/ip.w"

static int ip_path_mtu(sr_host*h,const sr_iface*dev,int type,uint32_t daddr,
bool*locked);

/*:378*//*382:*/
#line 281 "web/ip.w"

static int sk_route_output(sr_sock*s,struct sr_flow fl,struct sr_rtres*rt);
SR_OUT_OF_LINE static int sk_route_remember(sr_sock*s,struct sr_flow fl,
struct sr_rtres*rt);

/*:382*//*389:*/
#line 390 "web/ip.w"

static void hent_free(sr_hent*e);
static const sr_pmtu*pmtu_find(sr_host*h,uint32_t daddr);
SR_TRANSPORT_API static void ip_rt_update_pmtu(sr_host*h,uint32_t daddr,
uint32_t mtu);

/*:389*//*395:*/
#line 490 "web/ip.w"

static bool ip_sk_connected(const sr_sock*sk);
SR_TRANSPORT_API static void ip_sk_new_ident(sr_sock*sk);

/*:395*//*397:*/
#line 532 "web/ip.w"

static int ip_output(sr_host*h,const struct sr_rtres*rt,uint32_t daddr,
const struct sr_ipout*o,const void*l4,size_t l4len);
static int ip_output_pkt(sr_host*h,const struct sr_rtres*rt,uint32_t daddr,
const struct sr_ipout*o,sr_pkt*pkt);
static void ip_send(sr_host*h,int type,int ifindex,uint32_t nexthop,
sr_pkt*pkt,int mtu,bool mc_loop);

/*:397*//*400:*/
#line 666 "web/ip.w"

static void ip_fragment(sr_host*h,int ifindex,uint32_t nexthop,bool group,
sr_pkt*pkt,int mtu);

/*:400*//*402:*/
#line 720 "web/ip.w"

static void ip_rcv(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type);
static int ip_route_input(sr_host*h,int ifindex,const struct sr_ipv4*ip);

/*:402*//*405:*/
#line 773 "web/ip.w"

static bool ip_options_have_srr(const uint8_t*opt,int optlen);

/*:405*//*408:*/
#line 829 "web/ip.w"

static void ip_local_deliver(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type);
static inline void ip_rx_fill(sr_host*h,int ifindex,const sr_pkt*pkt,int rt_type,
struct sr_rx*rx);
static uint32_t fib_compute_spec_dst(sr_host*h,int ifindex,
const struct sr_ipv4*ip,int rt_type);

/*:408*//*415:*/
#line 989 "web/ip.w"

static sr_pkt*ip_defrag(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type);
static void ip_frag_expire(sr_host*h,uint64_t k0,uint64_t k1,uint64_t serial);
static void fragq_free(sr_hent*e);

/*:415*//*421:*/
#line 1101 "web/ip.w"

static sr_pkt*ip_frag_reasm(sr_host*h,sr_fragq*q);

/*:421*//*424:*/
#line 1171 "web/ip.w"

static void ip_forward(sr_host*h,int ifindex,sr_pkt*pkt);

/*:424*//*428:*/
#line 1244 "web/ip.w"

static void icmp_send(sr_host*h,const uint8_t*orig,size_t len,int type,
int code,uint32_t info,int orig_rt_type,int in_ifindex);
static bool icmp_is_error(int type);

/*:428*//*430:*/
#line 1288 "web/ip.w"

static void icmp_push(sr_host*h,const struct sr_rtres*rt,uint32_t daddr,
uint8_t tos,int type,int code,uint32_t rest,const uint8_t*data,
size_t datalen);

/*:430*//*436:*/
#line 1354 "web/ip.w"

static bool icmp_rate_allow(sr_host*h,const struct sr_rtres*rt,int type,
uint32_t peer);
static uint64_t jiffies(void);

/*:436*//*438:*/
#line 1404 "web/ip.w"

static void icmp_rcv(const struct sr_rx*rx,const sr_pkt*pkt);

/*:438*//*440:*/
#line 1448 "web/ip.w"

static void icmp_echo(const struct sr_rx*rx,const struct sr_icmp*ic);

/*:440*//*445:*/
#line 1486 "web/ip.w"

static void ip_mc_inc_group(sr_host*h,int ifindex,uint32_t group);
static void ip_mc_dec_group(sr_host*h,int ifindex,uint32_t group);
static bool ip_check_mc(sr_host*h,int ifindex,uint32_t group);

/*:445*//*454:*/
#line 118 "web/pcap.w"

static inline void pcap_record(sr_host*h,int ifindex,const sr_pkt*pkt,bool tx);
static void pcap_write(sr_host*h,int ifindex,const sr_pkt*pkt,bool tx);

/*:454*//*461:*/
#line 105 "web/bind.w"

static int inet_addr_type(sr_host*h,uint32_t addr);
static bool inet_can_nonlocal_bind(const sr_sock*s);
static bool inet_addr_valid_or_nonlocal(const sr_sock*s,uint32_t addr,
int type);

/*:461*//*467:*/
#line 216 "web/bind.w"

static sr_slot*slot_find(const sr_htab*t,uint64_t k0,uint64_t k1);
static void link_add(sr_htab*t,int k,sr_sock*s,uint64_t k0,uint64_t k1);
static void link_at(sr_htab*t,sr_hent**at,int k,sr_sock*s,uint64_t k0,
uint64_t k1);
static void link_del(sr_htab*t,int k,sr_sock*s);

/*:467*//*470:*/
#line 304 "web/bind.w"

static int proto_tabno(int type,int protocol);
static int sock_tabno(const sr_sock*s);
static sr_porttab*sock_tab(sr_sock*s);
static sr_bindtab*bind_tables(sr_host*h);
static sr_sock*port_first(sr_host*h,int tab,uint16_t port);
static void sock_hash(sr_sock*s,sr_hent**port_at);
static void sock_unhash(sr_sock*s);

/*:470*//*474:*/
#line 387 "web/bind.w"

static void bind_tables_free(sr_host*h);

/*:474*//*476:*/
#line 417 "web/bind.w"

static uint32_t bind_random32(void);
static uint32_t bind_random_below(uint32_t n);

/*:476*//*479:*/
#line 456 "web/bind.w"

static bool addr_overlap(uint32_t a,uint32_t b);
static bool dev_compatible(const sr_sock*s,const sr_sock*o);

/*:479*//*483:*/
#line 522 "web/bind.w"

static int udp_clash(const sr_sock*s,const sr_sock*o);
static bool udp_port_taken(const sr_sock*s,const sr_slot*sl);
static bool udp_port_used(const sr_sock*s,uint16_t port);

/*:483*//*485:*/
#line 574 "web/bind.w"

static bool tcp_clash(const sr_sock*s,const sr_sock*o,bool relax,
bool reuseport_ok);
static bool tcp_port_taken(const sr_sock*s,uint16_t port,bool relax,
bool reuseport_ok);

/*:485*//*487:*/
#line 613 "web/bind.w"

static bool tcp_reuseport_match(const sr_slot*sl,const sr_sock*s);
static void tcp_update_fastreuse(sr_slot*sl,const sr_sock*s);

/*:487*//*489:*/
#line 660 "web/bind.w"

static bool port_reserved(sr_host*h,uint16_t port);
static void local_port_range(sr_host*h,int*low,int*high);
static uint16_t udp_find_port(sr_sock*s);
static uint16_t tcp_find_port(sr_sock*s);

/*:489*//*493:*/
#line 765 "web/bind.w"

static int sk_get_port(sr_sock*s,uint16_t snum);
static int udp_get_port(sr_sock*s,uint16_t snum);
static int tcp_get_port(sr_sock*s,uint16_t snum);
static int ping_get_port(sr_sock*s,uint16_t ident);

/*:493*//*499:*/
#line 885 "web/bind.w"

static void rp_alloc(sr_sock*s);
static void rp_add(sr_sock*s,sr_sock*o);
static void rp_detach(sr_sock*s);

/*:499*//*503:*/
#line 974 "web/bind.w"

static void udp_reuseport_join(sr_sock*s);
static void tcp_reuseport_join(sr_sock*s);

/*:503*//*505:*/
#line 1014 "web/bind.w"

static int reuseport_attach(sr_sock*s,const struct sock_filter*prog,int n);

/*:505*//*508:*/
#line 1050 "web/bind.w"

static int move_addr_to_kernel(const void*uaddr,int len,
struct sockaddr_storage*kaddr);
static int inet_bind(sr_sock*s,const struct sockaddr_storage*a,int len);
static int raw_bind(sr_sock*s,const struct sockaddr_storage*a,int len);
static int ping_bind(sr_sock*s,const struct sockaddr_storage*a,int len);

/*:508*//*511:*/
#line 1113 "web/bind.w"

static int inet_check_family(const struct sockaddr_in*sin,int len);

/*:511*//*514:*/
#line 1197 "web/bind.w"

static void bind_finish(sr_sock*s,uint16_t snum);

/*:514*//*518:*/
#line 1294 "web/bind.w"

static int inet_autobind(sr_sock*s);

/*:518*//*522:*/
#line 1377 "web/bind.w"

static int inet_getname(const sr_sock*s,struct sockaddr_in*sin,int peer);

/*:522*//*525:*/
#line 1428 "web/bind.w"

static int move_addr_to_user(const void*kaddr,int klen,void*uaddr,
socklen_t*ulen);
static int sock_name(int fd,struct sockaddr*addr,socklen_t*addrlen,int peer);

/*:525*//*531:*/
#line 1513 "web/bind.w"

static int dgram_connect(sr_sock*s,const struct sockaddr_storage*a,int len);
static int ip4_datagram_connect(sr_sock*s,const struct sockaddr_in*sin,int len);
static int dgram_disconnect(sr_sock*s);
static int tcp_connect(sr_sock*s,const struct sockaddr_storage*a,int len);
static void udp_rehash(sr_sock*s,uint32_t old_rcv_saddr);
static void udp_hash4(sr_sock*s);

/*:531*//*538:*/
#line 1701 "web/bind.w"

static void sk_flow(const sr_sock*s,uint32_t daddr,uint32_t saddr,int oif,
struct sr_flow*fl);
static void sk_dst_set(sr_sock*s,const struct sr_rtres*rt);
static int sk_dst_mtu(sr_sock*s);

/*:538*//*546:*/
#line 1901 "web/bind.w"

static int tcp_disconnect(sr_sock*s);
static bool tcp_connect_port_free(sr_sock*s);

/*:546*//*547:*/
#line 1932 "web/bind.w"

static sr_sock*udp_lookup(sr_host*h,uint32_t saddr,uint16_t sport,
uint32_t daddr,uint16_t dport,int ifindex);
static sr_sock*udp_table_lookup(sr_host*h,int proto,uint32_t saddr,
uint16_t sport,uint32_t daddr,uint16_t dport,int ifindex,const uint8_t*data,
size_t len);
static void udp_lookup_all(sr_host*h,uint32_t saddr,uint16_t sport,
uint32_t daddr,uint16_t dport,int ifindex,void(*fn)(sr_sock*,void*),
void*arg);
static void udp_table_lookup_all(sr_host*h,int proto,uint32_t saddr,
uint16_t sport,uint32_t daddr,uint16_t dport,int ifindex,
void(*fn)(sr_sock*,void*),void*arg);

/*:547*//*551:*/
#line 1996 "web/bind.w"

static bool udp_dev_match(const sr_sock*s,int ifindex);
static int udp_score(const sr_sock*s,uint32_t saddr,uint16_t sport,
uint32_t daddr,uint16_t hnum,int ifindex);
static sr_sock*udp_lookup2(sr_host*h,const sr_slot*sl,uint32_t saddr,
uint16_t sport,uint32_t daddr,uint16_t hnum,int ifindex,const uint8_t*data,
size_t len);

/*:551*//*557:*/
#line 2170 "web/bind.w"

static sr_sock*rp_select(const sr_rpgroup*g,uint32_t hash,const uint8_t*data,
size_t len);
static uint32_t udp_ehashfn(sr_host*h,uint32_t laddr,uint16_t lport,
uint32_t faddr,uint16_t fport);

/*:557*//*560:*/
#line 2240 "web/bind.w"

static bool mc_sf_allow(const sr_sock*s,uint32_t loc,uint32_t rmt,int ifindex);

/*:560*//*564:*/
#line 2298 "web/bind.w"

static int sock_fd(const sr_sock*s);

/*:564*//*565:*/
#line 2312 "web/bind.w"

static void inet_release(sr_sock*s);

/*:565*//*570:*/
#line 127 "web/udp.w"

static int dgram_buf_order(size_t len);
static void*dgram_buf(size_t len);
static void dgram_free(sr_dgram*d);
static void buf_lend(void*b,size_t need);
static void buf_shelve(void*b);
static inline const uint8_t*dgram_data(const sr_dgram*d);
static inline int pkt_data_shift(const sr_pkt*pkt,const uint8_t*data);

/*:570*//*582:*/
#line 320 "web/udp.w"

static int skb_alloc_size(int need);
static int skb_truesize(int iplen,int paylen);
static int udp_truesize(int hlen,size_t l4len,int mtu);

/*:582*//*585:*/
#line 427 "web/udp.w"

static int udp_rcv(const struct sr_rx*rx);

/*:585*//*587:*/
#line 442 "web/udp.w"

static void udp_deliver_one(sr_sock*s,void*arg);

/*:587*//*590:*/
#line 479 "web/udp.w"

static bool udp_parse_header(const struct sr_rx*rx,struct sr_udp*u,bool*bad);

/*:590*//*592:*/
#line 530 "web/udp.w"

static sr_dgram*dgram_new(size_t len);
static void dgram_take_ip(sr_dgram*d,const struct sr_rx*rx);
static void dgram_take_rx(sr_dgram*d,const struct sr_rx*rx,int truesize);
static sr_dgram*dgram_adopt(const struct sr_rx*rx,const uint8_t*data,size_t len,
int truesize);
static sr_dgram*dgram_from_rx(const struct udp_arrival*a);

/*:592*//*595:*/
#line 651 "web/udp.w"

static inline bool udp_rcvbuf_takes(sr_sock*s,int truesize);
static inline void udp_queue_rcv(sr_sock*s,sr_dgram*d);

/*:595*//*597:*/
#line 715 "web/udp.w"

static bool udp_loop_rcv(sr_host*h,int ifindex,sr_pkt*pkt);

/*:597*//*599:*/
#line 786 "web/udp.w"

static void dgram_pktinfo_prepare(const sr_sock*s,sr_dgram*d);

/*:599*//*601:*/
#line 800 "web/udp.w"

static void udp_queue_tail(sr_sock*s,sr_dgram*d);
static sr_dgram*udp_queue_head_remove(sr_sock*s);

/*:601*//*603:*/
#line 841 "web/udp.w"

static int sk_filter_run(const sr_sock*s,const uint8_t*p,size_t len);
static bool bpf_load(const uint8_t*p,size_t len,uint32_t k,int size,uint32_t*v);

/*:603*//*605:*/
#line 867 "web/udp.w"

static int bpf_classic_run(const struct sock_filter*prog,int n,const uint8_t*p,
size_t len);

/*:605*//*608:*/
#line 993 "web/udp.w"

static void udp_err(const struct sr_rx*icmp,int type,int code,uint32_t info,
const uint8_t*orig_ip,size_t len);

/*:608*//*611:*/
#line 1076 "web/udp.w"

static void ip_icmp_error(sr_sock*s,const struct sr_rx*icmp,int err,int type,
int code,uint32_t info,uint16_t port,uint32_t daddr,const uint8_t*payload,
size_t len);
static void sock_queue_err(sr_sock*s,sr_dgram*d);

/*:611*//*614:*/
#line 1134 "web/udp.w"

static void ip_local_error(sr_sock*s,int err,uint32_t daddr,uint16_t port,
uint32_t info);

/*:614*//*616:*/
#line 1165 "web/udp.w"

static sr_dgram*sock_dequeue_err(sr_sock*s);
static void sock_purge_err(sr_sock*s);

/*:616*//*618:*/
#line 1206 "web/udp.w"

static int set_recverr(sr_sock*s,sr_optreq*rq);

/*:618*//*620:*/
#line 1268 "web/udp.w"

static ssize_t udp_sendmsg(sr_sock*s,const struct msghdr*msg,size_t len,int flags);

/*:620*//*626:*/
#line 1374 "web/udp.w"

static void ipcm_init_sk(const sr_sock*s,struct sr_ipcm*ipc);

/*:626*//*630:*/
#line 1437 "web/udp.w"

static int ip_route_dgram(sr_sock*s,uint32_t daddr,uint32_t faddr,uint32_t saddr,
struct sr_ipcm*ipc,int flags,bool anysrc,bool cached,struct sr_rtres*rt);

/*:630*//*633:*/
#line 1483 "web/udp.w"

static int ip_append_size_check(sr_sock*s,const struct sr_rtres*rt,uint32_t daddr,
int optlen,size_t l4len,bool gso,int*mtu);

/*:633*//*635:*/
#line 1528 "web/udp.w"

static int udp_send_one(sr_sock*s,const struct msghdr*msg,size_t from,size_t len,
int flags,const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr,
uint16_t dport,const uint8_t*opt,int optlen,int mtu,bool last);
static sr_pkt*udp_pkt_new(int optlen,size_t l4len,const void*src);
static int udp_send_built(sr_sock*s,sr_pkt*pkt,const struct sr_ipcm*ipc,
const struct sr_rtres*rt,uint32_t daddr,uint16_t dport,const uint8_t*opt,int optlen,
bool partial);
static int sock_alloc_send(sr_sock*s,int flags,int truesize);
static int ip_frags_charge(sr_sock*s,int flags,int hlen,size_t l4len,int mtu,
int thlen,int*total);

/*:635*//*641:*/
#line 1736 "web/udp.w"

static void ip_sk_ipout(sr_sock*s,const struct sr_ipcm*ipc,const struct sr_rtres*rt,
const uint8_t*opt,int optlen,struct sr_ipout*o);
static int ip_output_sk(sr_sock*s,const struct sr_ipcm*ipc,const struct sr_rtres*rt,
uint32_t daddr,const uint8_t*opt,int optlen,const uint8_t*l4,size_t l4len);

/*:641*//*643:*/
#line 1781 "web/udp.w"

static void udp_header_emit(uint8_t*p,size_t len,uint16_t sport,uint16_t dport,
uint32_t saddr,uint32_t daddr,uint8_t proto,bool partial);

/*:643*//*645:*/
#line 1806 "web/udp.w"

static bool iov_gather(const struct msghdr*msg,size_t from,uint8_t*dst,size_t len);
static inline bool iov_scatter(const struct msghdr*msg,const uint8_t*src,size_t len);

/*:645*//*648:*/
#line 1881 "web/udp.w"

static void data_copy(void*dst,const void*src,size_t n);

/*:648*//*652:*/
#line 1944 "web/udp.w"

static int udp_gso_check(const sr_sock*s,size_t len,size_t seg,int optlen,int mtu);

/*:652*//*654:*/
#line 1958 "web/udp.w"

static ssize_t udp_send_segments(sr_sock*s,const struct msghdr*msg,size_t len,
int flags,const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr,
uint16_t dport,const uint8_t*opt,int optlen,int mtu);

/*:654*//*658:*/
#line 2039 "web/udp.w"

static bool ip_sk_ignore_df(const sr_sock*s);
static ssize_t udp_cork_start(sr_sock*s,const struct msghdr*msg,size_t len,int flags,
const struct sr_ipcm*ipc,const struct sr_rtres*rt,const uint8_t*opt,int optlen,
int mtu);
static ssize_t udp_cork_append(sr_sock*s,const struct msghdr*msg,size_t len,int flags);
static void udp_cork_discard(sr_sock*s);
static int udp_cork_push(sr_sock*s);

/*:658*//*664:*/
#line 2181 "web/udp.w"

static int udp_cmsg_send(sr_sock*s,const struct msghdr*msg,struct sr_ipcm*ipc);
static int ip_cmsg_send(sr_sock*s,const struct msghdr*msg,struct sr_ipcm*ipc);
static int ip_cmsg_send_one(sr_sock*s,const struct cmsghdr*c,const uint8_t*data,
struct sr_ipcm*ipc);
static int sock_cmsg_send_one(sr_sock*s,const struct cmsghdr*c,const uint8_t*data,
struct sr_ipcm*ipc);
static const uint8_t*cmsg_next(const struct msghdr*msg,const uint8_t*p,
struct cmsghdr*c);

/*:664*//*665:*/
#line 2198 "web/udp.w"

static bool cmsg_ok(const struct msghdr*msg,const uint8_t*p,const struct cmsghdr*c);

/*:665*//*671:*/
#line 2386 "web/udp.w"

SR_IN_CALLER static ssize_t udp_recvmsg(sr_sock*s,struct msghdr*msg,size_t len,int flags,
socklen_t*namelen,struct sr_cmsg_out*co);

/*:671*//*676:*/
#line 2484 "web/udp.w"

static void sk_peek_offset_bwd(sr_sock*s,int val);

/*:676*//*678:*/
#line 2503 "web/udp.w"

typedef sr_dgram*sr_try_recv(sr_sock*s,int flags,int*off);
static inline sr_dgram*skb_recv_wait(sr_sock*s,int flags,int*off,int*err,
sr_try_recv*try_recv);
SR_OUT_OF_LINE static sr_dgram*skb_recv_sleep(sr_sock*s,int flags,int*off,int*err,
sr_try_recv*try_recv);
static sr_dgram*udp_try_recv(sr_sock*s,int flags,int*off);
static void udp_queue_unlink(sr_sock*s,sr_dgram*d);

/*:678*//*681:*/
#line 2615 "web/udp.w"

static void udp_rmem_release(sr_sock*s,int size,int reader);

/*:681*//*683:*/
#line 2662 "web/udp.w"

static ssize_t ip_recv_error(sr_sock*s,struct msghdr*msg,size_t len,
socklen_t*namelen,struct sr_cmsg_out*co);

/*:683*//*685:*/
#line 2722 "web/udp.w"

static void put_cmsg(struct msghdr*msg,struct sr_cmsg_out*co,int level,int type,
size_t len,const void*data);

/*:685*//*687:*/
#line 2760 "web/udp.w"

static inline void sock_recv_cmsgs(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d);
static void sock_recv_cmsgs_all(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d);

/*:687*//*690:*/
#line 2841 "web/udp.w"

static void ip_cmsg_recv(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
const sr_dgram*d);

/*:690*//*694:*/
#line 2920 "web/udp.w"

static int ip_options_echo(sr_host*h,const sr_dgram*d,uint8_t*echo);

/*:694*//*699:*/
#line 3016 "web/udp.w"

static void sock_enable_timestamp(sr_sock*s);
static void sock_netstamp_update(sr_sock*s);

/*:699*//*701:*/
#line 3070 "web/udp.w"

static void sock_recv_timestamp(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d);
static void sock_recv_stamps(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d);

/*:701*//*704:*/
#line 3152 "web/udp.w"

static void scm_timestamping_put(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
const sr_dgram*d);

/*:704*//*710:*/
#line 3279 "web/udp.w"

static void ip_tx_tstamp_setup(sr_sock*s,const struct sr_ipcm*ipc,struct sr_ipout*o);
static void dev_tx_tstamp(int ifindex,sr_pkt*pkt);
static void skb_tstamp_tx(sr_sock*s,int ifindex,const sr_pkt*pkt,int tstype);

/*:710*//*714:*/
#line 3355 "web/udp.w"

static int sock_gettstamp(sr_sock*s,void*argp,bool ns);

/*:714*//*716:*/
#line 3395 "web/udp.w"

static int first_packet_length(sr_sock*s);

/*:716*//*723:*/
#line 3538 "web/udp.w"

SR_IN_CALLER static ssize_t sock_sendmsg(sr_sock*s,struct msghdr*m,int flags);
static ssize_t iov_total(const struct iovec*iov,size_t n);

/*:723*//*731:*/
#line 3687 "web/udp.w"

static ssize_t file_writev(int fd,const struct iovec*iov,int iovcnt,bool vector);

/*:731*//*734:*/
#line 3750 "web/udp.w"

static ssize_t sock_recvmsg(sr_sock*s,struct msghdr*m,int flags,socklen_t*namelen,
struct sr_cmsg_out*co);
SR_IN_CALLER static ssize_t sock_recv_len(sr_sock*s,struct msghdr*m,ssize_t len,
int flags,socklen_t*namelen,struct sr_cmsg_out*co);

/*:734*//*739:*/
#line 3877 "web/udp.w"

static ssize_t file_readv(int fd,const struct iovec*iov,int iovcnt);

/*:739*//*741:*/
#line 3933 "web/udp.w"

static ssize_t tcp_sendmsg_closed(sr_sock*s,const struct msghdr*m,int flags);
static ssize_t tcp_recvmsg_closed(sr_sock*s,struct msghdr*m,size_t len,int flags,
socklen_t*namelen,struct sr_cmsg_out*co);

/*:741*//*743:*/
#line 3970 "web/udp.w"

static void udp_release(sr_sock*s);

/*:743*//*746:*/
#line 4010 "web/udp.w"

static void pkt_hold(sr_pkt*p);
static void pkt_release(sr_pkt*p);

/*:746*//*750:*/
#line 33 "web/poll.w"

static int world_wait(uint64_t deadline);
static uint64_t sock_deadline(long timeo);
typedef bool sr_wait_cond(sr_sock*s,const void*arg);
static int sock_wait(sr_sock*s,sr_wait_cond*cond,const void*arg,uint64_t deadline);

/*:750*//*754:*/
#line 102 "web/poll.w"

static bool sock_recv_woken(sr_sock*s,const void*arg);
static bool sock_may_send(sr_sock*s,const void*arg);

/*:754*//*756:*/
#line 157 "web/poll.w"

static unsigned datagram_poll(sr_sock*s);
static unsigned udp_poll(sr_sock*s,const sr_file*f);
static unsigned tcp_poll(sr_sock*s);
static unsigned file_poll(const sr_file*f);

/*:756*//*762:*/
#line 266 "web/poll.w"

static int poll_scan(struct pollfd*fds,nfds_t nfds);
static int do_poll(struct pollfd*fds,nfds_t nfds,uint64_t deadline);

/*:762*//*764:*/
#line 325 "web/poll.w"

static int timespec_deadline(const struct timespec*ts,uint64_t*deadline);

/*:764*//*768:*/
#line 383 "web/poll.w"

static int do_select(int nfds,fd_set*sets[3],uint64_t deadline);
static int select_scan(int n,fd_set*const in[3],fd_set out[3]);

/*:768*//*773:*/
#line 535 "web/poll.w"

static inline void sk_wake_async(sr_sock*s);
static void sk_send_sigio(const sr_file*f);
static void sock_data_ready(sr_sock*s);
static void sock_error_report(sr_sock*s);
static bool sigio_perm(const sr_proc*p,const sr_file*f);

/*:773*//*780:*/
#line 82 "web/signal.w"

static bool sig_handled(const sr_proc*p,int sig);
static bool sig_caught(const sr_proc*p,int sig);
static bool sig_ignored(const sr_proc*p,int sig);
static void signal_send(sr_proc*p,int sig,int code,pid_t pid,uid_t uid);
static void proc_send_signal(sr_proc*p,int sig);

/*:780*//*784:*/
#line 165 "web/signal.w"

static void signal_deliver_one(sr_proc*p,int sig);
static void signal_deliver_all(bool handlers);
static void signal_call_handler(sr_proc*p,int sig,int code,pid_t pid,uid_t uid);

/*:784*//*789:*/
#line 308 "web/signal.w"

static bool signal_interrupts(void);
static bool signal_restart(ssize_t*r);
static bool signal_restart_decide(ssize_t*r);

/*:789*//*795:*/
#line 422 "web/signal.w"

static uint64_t sigset_bits(const sigset_t*set);
static void bits_sigset(uint64_t bits,sigset_t*set);

/*:795*//*799:*/
#line 528 "web/signal.w"

static uint64_t sigmask_enter(const sigset_t*mask);
static void sigmask_leave(const sigset_t*mask,uint64_t saved,int r);

/*:799*//*802:*/
#line 571 "web/signal.w"

static bool kill_permitted(const sr_proc*from,const sr_proc*to);

/*:802*//*805:*/
#line 628 "web/signal.w"

static void itimer_get(const sr_proc*p,int which,struct itimerval*v);
static bool timeval_bad(const struct timeval*tv);
static uint64_t timeval_ns(const struct timeval*tv);
static void ns_timeval(uint64_t ns,struct timeval*tv);
static void itimer_arm(sr_proc*p,uint64_t value,uint64_t interval);
static void itimer_fire(pid_t pid,uint64_t serial);

/*:805*//*810:*/
#line 753 "web/signal.w"

static bool timers_only_tick(void);

/*:810*//*815:*/
#line 64 "web/raw.w"

static int raw_setsockopt(sr_sock*s,int optname,const void*optval,int len);
static int raw_getsockopt(sr_sock*s,int optname,void*optval,socklen_t*optlen);

/*:815*//*821:*/
#line 130 "web/raw.w"

static void raw_hash(sr_sock*s);
static void raw_unhash(sr_sock*s);

/*:821*//*823:*/
#line 178 "web/raw.w"

static bool raw_v4_match(const sr_sock*s,int num,uint32_t raddr,uint32_t laddr,
int ifindex);
static bool raw_local_deliver(const struct sr_rx*rx,const uint8_t*pkt,size_t len);

/*:823*//*825:*/
#line 215 "web/raw.w"

static bool icmp_filter_drops(const sr_sock*s,const struct sr_rx*rx);

/*:825*//*827:*/
#line 246 "web/raw.w"

static void raw_rcv(sr_sock*s,const struct sr_rx*rx,const uint8_t*pkt,size_t len);

/*:827*//*829:*/
#line 281 "web/raw.w"

static sr_dgram*dgram_of_rx(const struct sr_rx*rx,const uint8_t*data,size_t len,
int truesize);
static int rx_truesize(const struct sr_rx*rx);
static int ip_head_l4len(const sr_sock*s);

/*:829*//*831:*/
#line 328 "web/raw.w"

static void sock_queue_rcv(sr_sock*s,sr_dgram*d);

/*:831*//*833:*/
#line 366 "web/raw.w"

static ssize_t raw_recvmsg(sr_sock*s,struct msghdr*msg,size_t len,int flags,
socklen_t*namelen,struct sr_cmsg_out*co);
static sr_dgram*raw_try_recv(sr_sock*s,int flags,int*off);

/*:833*//*835:*/
#line 462 "web/raw.w"

static ssize_t raw_sendmsg(sr_sock*s,const struct msghdr*msg,size_t len,int flags);

/*:835*//*838:*/
#line 507 "web/raw.w"

static int raw_msg_daddr(const sr_sock*s,const struct msghdr*msg,bool unspec_ok,
uint32_t*daddr);

/*:838*//*843:*/
#line 593 "web/raw.w"

static int ip_send_built(sr_sock*s,const struct msghdr*msg,size_t len,int flags,
const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr,
const uint8_t*opt,int optlen);

/*:843*//*847:*/
#line 690 "web/raw.w"

static int raw_send_hdrinc(sr_sock*s,const struct msghdr*msg,size_t len,int flags,
const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr);

/*:847*//*850:*/
#line 744 "web/raw.w"

static void ip_loop_local(sr_host*h,sr_pkt*pkt);

/*:850*//*853:*/
#line 814 "web/raw.w"

static void raw_icmp_error(const struct sr_rx*icmp,int type,int code,uint32_t info,
const uint8_t*orig_ip,size_t len);
static void raw_err(sr_sock*s,const struct sr_rx*icmp,int type,int code,
uint32_t info,const uint8_t*orig_ip,size_t len);

/*:853*//*855:*/
#line 857 "web/raw.w"

static int icmp_error_errno(const sr_sock*s,int type,int code,bool*hard);

/*:855*//*858:*/
#line 922 "web/raw.w"

static void ip_ra_control(sr_sock*s,bool on);
static bool ip_call_ra_chain(sr_host*h,int ifindex,sr_pkt*pkt);
static bool ip_has_router_alert(const uint8_t*pkt);

/*:858*//*863:*/
#line 1000 "web/raw.w"

static void raw_release(sr_sock*s);

/*:863*//*867:*/
#line 53 "web/ping.w"

static ssize_t ping_sendmsg(sr_sock*s,const struct msghdr*msg,size_t len,int flags);

/*:867*//*869:*/
#line 91 "web/ping.w"

static void ping_complete_header(const sr_sock*s,uint8_t*icmp,size_t len);

/*:869*//*871:*/
#line 126 "web/ping.w"

static void ping_rcv(const struct sr_rx*rx);
static sr_sock*ping_lookup(sr_host*h,uint16_t ident,uint32_t daddr,int ifindex);

/*:871*//*873:*/
#line 173 "web/ping.w"

static void ping_err(const struct sr_rx*icmp,int type,int code,uint32_t info,
const uint8_t*orig_ip,size_t len);

/*:873*//*882:*/
#line 73 "web/beyond.w"

static bool opt_udp_level(const sr_sock*s,int level);

/*:882*//*888:*/
#line 188 "web/beyond.w"

static bool udp_encap_takes(sr_sock*s,const struct udp_arrival*a);

/*:888*//*893:*/
#line 295 "web/beyond.w"

static void inet_sk_local_port_range(const sr_sock*s,int*low,int*high);

/*:893*//*898:*/
#line 409 "web/beyond.w"

static int group_req_decode(const sr_optreq*rq,struct ip_mreqn*mr);
static int group_source_decode(const sr_optreq*rq,struct ip_mreq_source*mrs,
int*ifindex);

/*:898*//*905:*/
#line 682 "web/beyond.w"

static void sk_fwd_schedule(sr_sock*s,int size);
static void sk_fwd_release(sr_sock*s,int size);

/*:905*/
#line 45 "web/sockref.w"

/*6:*/
#line 13 "web/world.w"

static sr_world the_world;
#define W (&the_world)

/*:6*/
#line 46 "web/sockref.w"

/*155:*/
#line 121 "web/sockopt.w"

#include "sr_options.h"

/*:155*/
#line 47 "web/sockref.w"


/*:2*//*10:*/
#line 59 "web/world.w"

static inline void world_ready(void)
{
W->idle_restarts= 0;
if(W->call_flags!=SR_WORLD_READY)world_make_ready();
}

static void world_make_ready(void)
{
if(!(W->call_flags&SR_WORLD_READY))sr_reset();
if(W->call_flags&SR_SIGNAL_READY)signal_deliver_all(true);
}

/*:10*//*13:*/
#line 92 "web/world.w"

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
if(hz!=100&&hz!=250&&hz!=300&&hz!=1000){
errno= EINVAL;
return-1;
}
W->hz= hz;
return 0;
}

/*:13*//*19:*/
#line 216 "web/world.w"

static void*xmalloc(size_t size)
{
void*p= malloc(size?size:1);
if(!p){fputs("sockref: out of memory\n",stderr);abort();}
return p;
}

static void*xcalloc(size_t n,size_t size)
{
void*p= calloc(n?n:1,size?size:1);
if(!p){fputs("sockref: out of memory\n",stderr);abort();}

return p;
}

static void*xrealloc(void*p,size_t n,size_t size)
{
if(n&&size> SIZE_MAX/n){fputs("sockref: out of memory\n",stderr);abort();}
p= realloc(p,n*size!=0?n*size:1);
if(!p){fputs("sockref: out of memory\n",stderr);abort();}
return p;
}

/*:19*//*21:*/
#line 253 "web/world.w"

static uint32_t prefix_mask(int len)
{
return len<=0?0:htonl(len>=32?0xffffffffu:~(0xffffffffu>>len));
}

static bool ipv4_is_lbcast(uint32_t a){return a==0xffffffffu;}
static bool ipv4_is_zeronet(uint32_t a){return(ntohl(a)>>24)==0;}
static bool ipv4_is_loopback(uint32_t a){return(ntohl(a)>>24)==127;}
static bool ipv4_is_local_multicast(uint32_t a)
{
return(ntohl(a)&0xffffff00u)==0xe0000000u;
}

/*:21*//*23:*/
#line 284 "web/world.w"

static sr_iface*host_add_iface(sr_host*h,const char*name,unsigned flags,
int mtu)
{
sr_iface*ifp;
h->ifs= xrealloc(h->ifs,(size_t)h->nifs+1,sizeof*h->ifs);
ifp= &h->ifs[h->nifs];
memset(ifp,0,sizeof*ifp);
ifp->ifindex= ++h->nifs;
h->route_gen++;
snprintf(ifp->name,sizeof ifp->name,"%s",name);
ifp->flags= flags;
ifp->mtu= mtu;
return ifp;
}

/*:23*//*24:*/
#line 304 "web/world.w"

static sr_iface*iface_by_index(sr_host*h,int ifindex)
{
if(ifindex<1||ifindex> h->nifs)return NULL;
return&h->ifs[ifindex-1];
}

static sr_iface*iface_by_name(sr_host*h,const char*name)
{
for(int i= 0;i<h->nifs;i++)
if(strcmp(h->ifs[i].name,name)==0)return&h->ifs[i];
return NULL;
}

static sr_iface*iface_by_addr(sr_host*h,uint32_t addr)
{
for(int i= 0;i<h->nifs;i++)
for(int j= 0;j<h->ifs[i].naddr;j++)
if(h->ifs[i].addr[j].addr==addr)return&h->ifs[i];
return NULL;
}

/*:24*//*26:*/
#line 345 "web/world.w"

static int route_add(sr_host*h,int table,int type,uint32_t dst,
int prefixlen,uint32_t gw,int ifindex,uint32_t prefsrc,int scope,
bool kernel)
{
int i;
sr_route*r;
dst&= prefix_mask(prefixlen);
for(i= 0;i<h->nroutes;i++){
r= &h->routes[i];
if(r->table==table&&r->dst==dst&&r->prefixlen==prefixlen)
return-EEXIST;
}
for(i= 0;i<h->nroutes;i++){
r= &h->routes[i];
if(r->table> table||(r->table==table&&r->prefixlen<prefixlen))
break;
}
h->route_gen++;
h->routes= xrealloc(h->routes,(size_t)h->nroutes+1,sizeof*h->routes);
memmove(&h->routes[i+1],&h->routes[i],
(size_t)(h->nroutes-i)*sizeof*h->routes);
h->nroutes++;
r= &h->routes[i];
r->dst= dst;
r->mask= prefix_mask(prefixlen);
r->prefixlen= prefixlen;
r->gw= gw;
r->ifindex= ifindex;
r->prefsrc= prefsrc;
r->type= type;
r->table= table;
r->scope= scope;
r->kernel= kernel;
return 0;
}

static void route_del(sr_host*h,int i)
{
h->route_gen++;
memmove(&h->routes[i],&h->routes[i+1],
(size_t)(h->nroutes-i-1)*sizeof*h->routes);
h->nroutes--;
}

/*:26*//*28:*/
#line 406 "web/world.w"

static const sr_route*fib_lookup(sr_host*h,uint32_t dst,int oif,
int scope,int*err)
{
for(int i= 0;i<h->nroutes;i++){
const sr_route*r= &h->routes[i];
if((dst&r->mask)!=r->dst)continue;
if(r->scope<scope)continue;
switch(r->type){
case SR_RT_UNREACHABLE:*err= -EHOSTUNREACH;return NULL;
case SR_RT_BLACKHOLE:*err= -EINVAL;return NULL;
case SR_RT_PROHIBIT:*err= -EACCES;return NULL;
}
if(oif&&r->ifindex!=oif)continue;
*err= 0;
return r;
}
*err= -ENETUNREACH;
return NULL;
}

static const sr_route*route_lookup(sr_host*h,uint32_t dst)
{
int err;
return fib_lookup(h,dst,0,RT_SCOPE_UNIVERSE,&err);
}

/*:28*//*30:*/
#line 460 "web/world.w"

static const struct sr_ifaddr*ifaddr_primary(const sr_iface*ifp,
uint32_t addr,int prefixlen)
{
uint32_t m= prefix_mask(prefixlen);
for(int i= 0;i<ifp->naddr;i++){
const struct sr_ifaddr*a= &ifp->addr[i];
if(!a->secondary&&a->prefixlen==prefixlen&&((a->addr^addr)&m)==0)
return a;
}
return NULL;
}

static int iface_add_addr(sr_host*h,int ifindex,uint32_t addr,
int prefixlen,uint32_t brd)
{
sr_iface*ifp= iface_by_index(h,ifindex);
struct sr_ifaddr*a;
for(int i= 0;i<ifp->naddr;i++)
if(ifp->addr[i].addr==addr&&ifp->addr[i].prefixlen==prefixlen)
return-EEXIST;
if(ifp->naddr==SR_MAX_IFADDR)return-ENOSPC;
h->route_gen++;
a= &ifp->addr[ifp->naddr];
a->addr= addr;
a->prefixlen= prefixlen;
a->brd= brd;
a->scope= ipv4_is_loopback(addr)?RT_SCOPE_HOST:RT_SCOPE_UNIVERSE;
a->secondary= ifaddr_primary(ifp,addr,prefixlen)!=NULL;
ifp->naddr++;
fib_add_ifaddr(h,ifp,a);
return 0;
}

/*:30*//*31:*/
#line 494 "web/world.w"

static void fib_add_ifaddr(sr_host*h,const sr_iface*ifp,
const struct sr_ifaddr*a)
{
const struct sr_ifaddr*prim= a->secondary?
ifaddr_primary(ifp,a->addr,a->prefixlen):a;
uint32_t src= prim->addr,m= prefix_mask(a->prefixlen);
uint32_t prefix= a->addr&m;
route_add(h,SR_TABLE_LOCAL,SR_RT_LOCAL,a->addr,32,0,ifp->ifindex,src,
RT_SCOPE_HOST,true);
if(!(ifp->flags&IFF_UP))return;
if(a->brd&&!ipv4_is_lbcast(a->brd))
route_add(h,SR_TABLE_LOCAL,SR_RT_BROADCAST,a->brd,32,0,ifp->ifindex,
src,RT_SCOPE_LINK,true);
if(ipv4_is_zeronet(prefix)||a->secondary||
(prefix==a->addr&&a->prefixlen>=32))
return;
if(ifp->flags&IFF_LOOPBACK)
route_add(h,SR_TABLE_LOCAL,SR_RT_LOCAL,prefix,a->prefixlen,0,
ifp->ifindex,src,RT_SCOPE_HOST,true);
else
route_add(h,SR_TABLE_MAIN,SR_RT_UNICAST,prefix,a->prefixlen,0,
ifp->ifindex,src,RT_SCOPE_LINK,true);
if(a->prefixlen<31)
route_add(h,SR_TABLE_LOCAL,SR_RT_BROADCAST,prefix|~m,32,0,
ifp->ifindex,src,RT_SCOPE_LINK,true);
}

/*:31*//*33:*/
#line 538 "web/world.w"

static void iface_set_up(sr_host*h,int ifindex,bool up)
{
sr_iface*ifp= iface_by_index(h,ifindex);
if(up==((ifp->flags&IFF_UP)!=0))return;
h->route_gen++;
if(up){
ifp->flags|= IFF_UP|IFF_RUNNING;
if((ifp->flags&IFF_LOOPBACK)&&!iface_by_addr(h,htonl(INADDR_LOOPBACK)))
iface_add_addr(h,ifindex,htonl(INADDR_LOOPBACK),8,0);
for(int i= 0;i<ifp->naddr;i++)fib_add_ifaddr(h,ifp,&ifp->addr[i]);
return;
}
ifp->flags&= ~(unsigned)(IFF_UP|IFF_RUNNING);
for(int i= h->nroutes-1;i>=0;i--)
if(h->routes[i].ifindex==ifindex&&h->routes[i].type!=SR_RT_LOCAL)
route_del(h,i);
}

/*:33*//*37:*/
#line 634 "web/world.w"

static sr_host*host_by_id(int id)
{
return id>=0&&id<W->nhosts?W->host[id]:NULL;
}

/*:37*//*38:*/
#line 642 "web/world.w"

static sr_host*host_new(const char*name)
{
sr_host*h= xcalloc(1,sizeof*h);
h->id= W->nhosts;
snprintf(h->name,sizeof h->name,"%s",name);
/*135:*/
#line 320 "web/sysctl.w"

for(int i= 0;i<SR_NSYSCTL;i++){
h->sys[i][0]= sysctls[i].def;
h->sys[i][1]= sysctls[i].def2;
}
h->reserved_ports= xcalloc(65536/64,sizeof(uint64_t));

/*:135*/
#line 648 "web/world.w"

/*394:*/
#line 487 "web/ip.w"

h->ip_ident= 1;

/*:394*/
#line 649 "web/world.w"

W->host= xrealloc(W->host,(size_t)W->nhosts+1,sizeof*W->host);
W->host[W->nhosts++]= h;
host_add_iface(h,"lo",IFF_LOOPBACK,65536);
return h;
}

int sr_host_new(const char*name)
{
world_ready();
if(!name||!*name||strlen(name)>=sizeof W->host[0]->name)
return sys_return(-EINVAL);
return host_new(name)->id;
}

/*:38*//*39:*/
#line 667 "web/world.w"

static int parse_cidr(const char*s,uint32_t*addr,int*prefixlen)
{
char buf[32];
const char*slash;
struct in_addr a;
if(!s)return-EINVAL;
if(strcmp(s,"default")==0){*addr= 0;*prefixlen= 0;return 0;}
slash= strchr(s,'/');
if(strlen(s)>=sizeof buf)return-EINVAL;
memcpy(buf,s,strlen(s)+1);
*prefixlen= 32;
if(slash){
char*end;
long n= strtol(slash+1,&end,10);
if(end==slash+1||*end||n<0||n> 32)return-EINVAL;
*prefixlen= (int)n;
buf[slash-s]= '\0';
}
if(inet_pton(AF_INET,buf,&a)!=1)return-EINVAL;
*addr= a.s_addr;
return 0;
}

/*:39*//*41:*/
#line 697 "web/world.w"

int sr_if_add(int host,const char*name,int mtu)
{
sr_host*h;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(!name||!*name||strlen(name)>=IFNAMSIZ)return sys_return(-EINVAL);
if(mtu<SR_MIN_MTU||mtu> SR_IP_MAX_MTU)return sys_return(-EINVAL);
if(iface_by_name(h,name))return sys_return(-EEXIST);
return host_add_iface(h,name,IFF_BROADCAST|IFF_MULTICAST,mtu)->ifindex;
}

int sr_if_set_up(int host,int ifindex,int up)
{
sr_host*h;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(!iface_by_index(h,ifindex))return sys_return(-ENODEV);
iface_set_up(h,ifindex,up!=0);
return 0;
}

int sr_if_set_mtu(int host,int ifindex,int mtu)
{
sr_host*h;
sr_iface*ifp;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(!(ifp= iface_by_index(h,ifindex)))return sys_return(-ENODEV);
if(mtu<SR_MIN_MTU||mtu> (ifp->flags&IFF_LOOPBACK?65536:SR_IP_MAX_MTU))
return sys_return(-EINVAL);
ifp->mtu= mtu;
return 0;
}

/*:41*//*42:*/
#line 735 "web/world.w"

int sr_addr_add(int host,int ifindex,const char*cidr,const char*brd)
{
sr_host*h;
uint32_t addr,b= 0;
int plen;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(!iface_by_index(h,ifindex))return sys_return(-ENODEV);
if(parse_cidr(cidr,&addr,&plen)||addr==0||ipv4_is_multicast(addr)||
ipv4_is_lbcast(addr))
return sys_return(-EINVAL);
if(brd&&strcmp(brd,"+")==0)b= addr|~prefix_mask(plen);
else if(brd){
struct in_addr a;
if(inet_pton(AF_INET,brd,&a)!=1)return sys_return(-EINVAL);
b= a.s_addr;
}
return sys_return(iface_add_addr(h,ifindex,addr,plen,b));
}

/*:42*//*43:*/
#line 761 "web/world.w"

int sr_route_add(int host,const char*cidr,const char*gw,int ifindex)
{
sr_host*h;
uint32_t dst,g= 0;
int plen,err;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(parse_cidr(cidr,&dst,&plen))return sys_return(-EINVAL);
if(ifindex&&!iface_by_index(h,ifindex))return sys_return(-ENODEV);
if(gw){
struct in_addr a;
const sr_route*r;
if(inet_pton(AF_INET,gw,&a)!=1)return sys_return(-EINVAL);
g= a.s_addr;
r= fib_lookup(h,g,ifindex,RT_SCOPE_LINK,&err);
if(!r||r->gw||r->type!=SR_RT_UNICAST)return sys_return(-ENETUNREACH);
ifindex= r->ifindex;
}else if(!ifindex)return sys_return(-EINVAL);
return sys_return(route_add(h,SR_TABLE_MAIN,SR_RT_UNICAST,dst,plen,g,
ifindex,0,g?RT_SCOPE_UNIVERSE:RT_SCOPE_LINK,false));
}

int sr_route_add_type(int host,const char*cidr,int type)
{
sr_host*h;
uint32_t dst;
int plen;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(parse_cidr(cidr,&dst,&plen))return sys_return(-EINVAL);
if(type!=SR_RT_UNREACHABLE&&type!=SR_RT_BLACKHOLE&&type!=SR_RT_PROHIBIT)
return sys_return(-EINVAL);
return sys_return(route_add(h,SR_TABLE_MAIN,type,dst,plen,0,0,0,
RT_SCOPE_UNIVERSE,false));
}

int sr_route_del(int host,const char*cidr)
{
sr_host*h;
uint32_t dst;
int plen;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(parse_cidr(cidr,&dst,&plen))return sys_return(-EINVAL);
dst&= prefix_mask(plen);
for(int i= 0;i<h->nroutes;i++){
sr_route*r= &h->routes[i];
if(r->table==SR_TABLE_MAIN&&r->dst==dst&&r->prefixlen==plen){
route_del(h,i);
return 0;
}
}
return sys_return(-ESRCH);
}

/*:43*//*45:*/
#line 825 "web/world.w"

void sr_reset(void)
{
sr_host*h;
if(W->call_flags&SR_WORLD_READY)/*46:*/
#line 850 "web/world.w"

{
for(int i= 0;i<W->nprocs;i++)proc_free(W->proc[i]);
free(W->proc);
/*337:*/
#line 250 "web/link.w"

for(size_t i= 0;i<W->nev;i++)free(W->ev[i].pkt);
free(W->ev);

/*:337*//*346:*/
#line 456 "web/link.w"

for(int i= 1;i<=W->nlans;i++)free(W->lan[i].port);
free(W->lan);

/*:346*//*452:*/
#line 60 "web/pcap.w"

for(int i= 0;i<W->ncaps;i++)
if(W->cap[i].f)fclose(W->cap[i].f);
free(W->cap);

/*:452*//*577:*/
#line 243 "web/udp.w"

while(W->nsmall_spare)free(W->small_spare[--W->nsmall_spare]);
for(int order= 0;order<=SR_BIG_ORDER_MAX;order++)
while(W->nbig_spare[order])free(W->big_spare[order][--W->nbig_spare[order]]);

/*:577*/
#line 854 "web/world.w"

for(int i= 0;i<W->nhosts;i++){
sr_host*fh= W->host[i];
/*365:*/
#line 878 "web/link.w"

htab_free(&fh->neigh,neigh_free);

/*:365*//*388:*/
#line 387 "web/ip.w"

htab_free(&fh->pmtu,hent_free);

/*:388*//*414:*/
#line 986 "web/ip.w"

htab_free(&fh->frags,fragq_free);

/*:414*//*435:*/
#line 1351 "web/ip.w"

htab_free(&fh->peers,hent_free);

/*:435*//*443:*/
#line 1477 "web/ip.w"

htab_free(&fh->mc,hent_free);

/*:443*//*473:*/
#line 384 "web/bind.w"

if(fh->bind)bind_tables_free(fh);

/*:473*//*819:*/
#line 124 "web/raw.w"

htab_free(&fh->raw,hent_free);

/*:819*/
#line 857 "web/world.w"

free(fh->ifs);
free(fh->routes);
free(fh->reserved_ports);
free(fh);
}
free(W->host);
}
/*:46*/
#line 829 "web/world.w"

memset(W,0,sizeof*W);
W->call_flags= SR_WORLD_READY;
W->hz= SR_DEFAULT_HZ;
W->next_pid= SR_FIRST_PID;
/*336:*/
#line 247 "web/link.w"

W->rng= 1;

/*:336*/
#line 834 "web/world.w"

h= host_new("host0");
/*34:*/
#line 566 "web/world.w"

{
int eth;
iface_set_up(h,SR_LOOPBACK_IFINDEX,true);
eth= host_add_iface(h,"eth0",IFF_BROADCAST|IFF_MULTICAST,1500)->ifindex;
iface_add_addr(h,eth,inet_addr("10.0.0.1"),24,inet_addr("10.0.0.255"));
iface_set_up(h,eth,true);
route_add(h,SR_TABLE_MAIN,SR_RT_UNICAST,0,0,inet_addr("10.0.0.254"),eth,
0,RT_SCOPE_UNIVERSE,false);
}

/*:34*/
#line 836 "web/world.w"

/*349:*/
#line 517 "web/link.w"

sr_lan_attach(sr_lan_new(0),h->id,iface_by_name(h,"eth0")->ifindex);

/*:349*/
#line 837 "web/world.w"

W->cur= proc_new(h,0);
}

int sr_world_hosts(void)
{
world_ready();
return W->nhosts;
}

/*:45*//*51:*/
#line 45 "web/proc.w"

static sr_proc*proc_new(sr_host*h,uid_t uid)
{
sr_proc*p= xcalloc(1,sizeof*p);
p->pid= p->pgrp= W->next_pid++;
p->ruid= p->euid= p->suid= p->fsuid= uid;
p->cap_eff= p->cap_perm= uid==0?SR_ALL_CAPS:0;
p->nofile.rlim_cur= SR_NOFILE_CUR;
p->nofile.rlim_max= SR_NOFILE_MAX;
p->host= h;
fdtab_init(p);
W->proc= xrealloc(W->proc,(size_t)W->nprocs+1,sizeof*W->proc);
W->proc[W->nprocs++]= p;
return p;
}

static void proc_free(sr_proc*p)
{
fdtab_free(p);
free(p);
}

/*:51*//*52:*/
#line 70 "web/proc.w"

static sr_proc*proc_by_pid(pid_t pid)
{
for(int i= 0;i<W->nprocs;i++)
if(W->proc[i]->pid==pid)return W->proc[i];
return NULL;
}

static bool pgrp_exists(pid_t pgrp)
{
for(int i= 0;i<W->nprocs;i++)
if(W->proc[i]->pgrp==pgrp)return true;
return false;
}

/*:52*//*54:*/
#line 97 "web/proc.w"

pid_t sr_proc_new(int host,uid_t uid)
{
sr_host*h;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(uid==(uid_t)-1)return sys_return(-EINVAL);
return proc_new(h,uid)->pid;
}

int sr_proc_switch(pid_t pid)
{
sr_proc*p;
world_ready();
if(!(p= proc_by_pid(pid)))return sys_return(-ESRCH);
W->cur= p;
return 0;
}

/*:54*//*56:*/
#line 127 "web/proc.w"

uid_t sr_getuid(void){world_ready();return W->cur->ruid;}
uid_t sr_geteuid(void){world_ready();return W->cur->euid;}
pid_t sr_getpid(void){world_ready();return W->cur->pid;}
pid_t sr_getpgrp(void){world_ready();return W->cur->pgrp;}

/*:56*//*57:*/
#line 143 "web/proc.w"

static void cap_fixup(sr_proc*p,uid_t oruid,uid_t oeuid,uid_t osuid)
{
if((oruid==0||oeuid==0||osuid==0)&&
p->ruid!=0&&p->euid!=0&&p->suid!=0)
p->cap_perm= p->cap_eff= 0;
if(oeuid==0&&p->euid!=0)p->cap_eff= 0;
if(oeuid!=0&&p->euid==0)p->cap_eff= p->cap_perm;
}

int sr_setuid(uid_t uid)
{
sr_proc*p;
uid_t r,e,s;
world_ready();
p= W->cur;
if(uid==(uid_t)-1){errno= EINVAL;return-1;}
r= p->ruid;e= p->euid;s= p->suid;
if(proc_capable(p,CAP_SETUID))p->ruid= p->euid= p->suid= p->fsuid= uid;
else if(uid==p->ruid||uid==p->suid)p->euid= p->fsuid= uid;
else{errno= EPERM;return-1;}
cap_fixup(p,r,e,s);
return 0;
}

/*:57*//*58:*/
#line 172 "web/proc.w"

int sr_seteuid(uid_t euid)
{
sr_proc*p;
uid_t r,e,s;
world_ready();
p= W->cur;
if(euid==(uid_t)-1){errno= EINVAL;return-1;}
if(!proc_capable(p,CAP_SETUID)&&euid!=p->ruid&&euid!=p->euid&&
euid!=p->suid){
errno= EPERM;
return-1;
}
r= p->ruid;e= p->euid;s= p->suid;
p->euid= p->fsuid= euid;
cap_fixup(p,r,e,s);
return 0;
}

/*:58*//*61:*/
#line 204 "web/proc.w"

static bool proc_capable(const sr_proc*p,int cap)
{
return(p->cap_eff>>cap)&1;
}

int sr_cap_has(int cap)
{
world_ready();
if(cap<0||cap> CAP_LAST_CAP){errno= EINVAL;return-1;}
return proc_capable(W->cur,cap);
}

int sr_cap_drop(int cap)
{
world_ready();
if(cap<0||cap> CAP_LAST_CAP){errno= EINVAL;return-1;}
W->cur->cap_eff&= ~(((uint64_t)1)<<cap);
W->cur->cap_perm&= ~(((uint64_t)1)<<cap);
return 0;
}

/*:61*//*63:*/
#line 234 "web/proc.w"

long sr_signal_count(int signo)
{
world_ready();
if(signo<=0||signo>=SR_NSIG){errno= EINVAL;return-1;}
return(long)W->cur->sigcount[signo];
}


/*:63*//*66:*/
#line 259 "web/proc.w"

int sr_getrlimit(int resource,struct rlimit*rlim)
{
world_ready();
if(resource!=RLIMIT_NOFILE){errno= EINVAL;return-1;}
if(!rlim){errno= EFAULT;return-1;}
*rlim= W->cur->nofile;
return 0;
}

int sr_setrlimit(int resource,const struct rlimit*rlim)
{
sr_proc*p;
world_ready();
p= W->cur;
if(resource!=RLIMIT_NOFILE){errno= EINVAL;return-1;}
if(!rlim){errno= EFAULT;return-1;}
if(rlim->rlim_cur> rlim->rlim_max){errno= EINVAL;return-1;}
if(rlim->rlim_max> p->nofile.rlim_max&&
!proc_capable(p,CAP_SYS_RESOURCE)){
errno= EPERM;
return-1;
}
if(rlim->rlim_max> SR_NR_OPEN){errno= EPERM;return-1;}
p->nofile= *rlim;
return 0;
}
/*:66*//*72:*/
#line 67 "web/fd.w"

static void fdtab_grow(sr_fdtab*t,int need)
{
int ncap= t->cap?t->cap:4096;
while(ncap<=need)ncap*= 2;
t->file= xrealloc(t->file,(size_t)ncap,sizeof*t->file);
t->cloexec= xrealloc(t->cloexec,(size_t)ncap,1);
t->used= xrealloc(t->used,(size_t)ncap/64,sizeof*t->used);
t->full= xrealloc(t->full,(size_t)ncap/4096,sizeof*t->full);
memset(t->file+t->cap,0,(size_t)(ncap-t->cap)*sizeof*t->file);
memset(t->cloexec+t->cap,0,(size_t)(ncap-t->cap));
memset(t->used+t->cap/64,0,(size_t)(ncap-t->cap)/64*sizeof*t->used);
memset(t->full+t->cap/4096,0,
(size_t)(ncap-t->cap)/4096*sizeof*t->full);
t->cap= ncap;
}

static void fdtab_init(sr_proc*p)
{
memset(&p->fds,0,sizeof p->fds);
p->fds.kmax= 64;
fdtab_grow(&p->fds,0);
for(int i= 0;i<3;i++){
sr_file*f= xcalloc(1,sizeof*f);
f->kind= SR_FILE_TTY;
f->flags= O_RDWR|SR_O_LARGEFILE;
fd_install(p,f,i,false);
}
}

static void fdtab_free(sr_proc*p)
{
sr_fdtab*t= &p->fds;
for(int fd= 0;fd<t->cap;fd++)
if(t->file[fd])fd_release(p,fd);
free(t->file);free(t->cloexec);free(t->used);free(t->full);
}

/*:72*//*73:*/
#line 109 "web/fd.w"

static int fd_lowest_free(const sr_fdtab*t,int minfd)
{
int w= minfd/64;
int nw= t->cap/64;
if(w<nw){
uint64_t free_bits= ~t->used[w]&(~(uint64_t)0<<(minfd%64));
if(free_bits)return w*64+__builtin_ctzll(free_bits);
w++;
}
while(w<nw){
uint64_t notfull= ~t->full[w/64]&(~(uint64_t)0<<(w%64));
if(!notfull){w= (w/64+1)*64;continue;}
w= (w/64)*64+__builtin_ctzll(notfull);
if(w<nw&&~t->used[w])return w*64+__builtin_ctzll(~t->used[w]);
w++;
}
return nw*64> minfd?nw*64:minfd;
}

/*:73*//*74:*/
#line 133 "web/fd.w"

static int fd_install(sr_proc*p,sr_file*f,int minfd,bool cloexec)
{
sr_fdtab*t= &p->fds;
int fd= fd_lowest_free(t,minfd);
if((rlim_t)fd>=p->nofile.rlim_cur)return-EMFILE;
if(fd>=t->cap)fdtab_grow(t,fd);
/*772:*/
#line 489 "web/poll.w"

if(fd>=t->kmax){
int nr= 1;
while(nr<fd+1)nr<<= 1;
t->kmax= nr;
}

/*:772*/
#line 140 "web/fd.w"

t->file[fd]= f;
t->cloexec[fd]= cloexec;
t->used[fd/64]|= (uint64_t)1<<(fd%64);
if(!~t->used[fd/64])t->full[fd/4096]|= (uint64_t)1<<(fd/64%64);
t->open++;
f->refs++;
return fd;
}

static sr_file*fd_file(sr_proc*p,int fd)
{
if(fd<0||fd>=p->fds.cap)return NULL;
return p->fds.file[fd];
}

static void fd_release(sr_proc*p,int fd)
{
sr_fdtab*t= &p->fds;
sr_file*f= t->file[fd];
t->file[fd]= NULL;
t->cloexec[fd]= 0;
t->used[fd/64]&= ~((uint64_t)1<<(fd%64));
t->full[fd/4096]&= ~((uint64_t)1<<(fd/64%64));
t->open--;
file_put(f);
}

/*:74*//*75:*/
#line 171 "web/fd.w"

static void file_put(sr_file*f)
{
if(--f->refs> 0)return;
if(f->sock)sock_release(f->sock);
free(f);
}

/*:75*//*77:*/
#line 186 "web/fd.w"

static sr_sock*sock_lookup(int fd,int*err)
{
sr_file*f= fd_file(W->cur,fd);
if(!f){*err= -EBADF;return NULL;}
if(f->kind!=SR_FILE_SOCKET){*err= -ENOTSOCK;return NULL;}
return f->sock;
}

/*:77*//*79:*/
#line 204 "web/fd.w"

static int sys_return(int r)
{
if(W->call_flags&SR_SIGNAL_READY)signal_deliver_all(true);
if(r<0){errno= -r;return-1;}
return r;
}

/*:79*//*80:*/
#line 217 "web/fd.w"

int sr_close(int fd)
{
world_ready();
if(!fd_file(W->cur,fd))return sys_return(-EBADF);
fd_release(W->cur,fd);
return 0;
}

/*:80*//*81:*/
#line 239 "web/fd.w"

static ssize_t positional_io(int fd,off_t offset)
{
world_ready();
if(offset<0)return sys_return(-EINVAL);
if(!fd_file(W->cur,fd))return sys_return(-EBADF);
return sys_return(-ESPIPE);
}

ssize_t sr_pread(int fd,void*buf,size_t count,off_t offset)
{
(void)buf;(void)count;
return positional_io(fd,offset);
}

ssize_t sr_pwrite(int fd,const void*buf,size_t count,off_t offset)
{
(void)buf;(void)count;
return positional_io(fd,offset);
}
/*:81*//*88:*/
#line 151 "web/socket.w"

int sr_socket(int domain,int type,int protocol)
{
int flags,err,fd;
sr_sock*s;
sr_file*f;
world_ready();
flags= type&~SR_SOCK_TYPE_MASK;
type&= SR_SOCK_TYPE_MASK;
if(flags&~(SOCK_CLOEXEC|SOCK_NONBLOCK))return sys_return(-EINVAL);
if(domain<0||domain>=AF_MAX)return sys_return(-EAFNOSUPPORT);
if(type<0||type>=SR_SOCK_MAX)return sys_return(-EINVAL);
if(domain==AF_INET&&type==SOCK_PACKET)domain= AF_PACKET;
if(domain!=AF_INET)return sys_return(-EAFNOSUPPORT);
err= inet_protocol_check(type,&protocol);
if(err)return sys_return(err);
s= sock_alloc(W->cur,type,protocol);
f= xcalloc(1,sizeof*f);
f->kind= SR_FILE_SOCKET;
f->flags= O_RDWR|(flags&SOCK_NONBLOCK?O_NONBLOCK:0);
f->owner_uid= W->cur->fsuid;
f->sock= s;
s->file= f;
fd= fd_install(W->cur,f,0,(flags&SOCK_CLOEXEC)!=0);
if(fd<0){
f->refs= 1;
file_put(f);
return sys_return(fd);
}
return fd;
}

/*:88*//*91:*/
#line 210 "web/socket.w"

static const struct{int type,protocol;}inetsw[]= {
{SOCK_STREAM,IPPROTO_TCP},
{SOCK_DGRAM,IPPROTO_UDP},
{SOCK_DGRAM,IPPROTO_UDPLITE},
{SOCK_DGRAM,IPPROTO_ICMP},
{SOCK_RAW,0}
};

static int inet_protocol_check(int type,int*protocol)
{
int err= -ESOCKTNOSUPPORT;
bool found= false;
if(*protocol<0||*protocol>=SR_IPPROTO_MAX)return-EINVAL;
for(size_t i= 0;i<sizeof inetsw/sizeof inetsw[0]&&!found;i++){
if(inetsw[i].type!=type)continue;
err= 0;
if(*protocol==inetsw[i].protocol){
if(*protocol!=0)found= true;
}else if(*protocol==0){
*protocol= inetsw[i].protocol;found= true;
}else if(inetsw[i].protocol==0)found= true;
if(!found)err= -EPROTONOSUPPORT;
}
if(err)return err;
if(type==SOCK_RAW&&!proc_capable(W->cur,CAP_NET_RAW))return-EPERM;
if(type==SOCK_DGRAM&&*protocol==IPPROTO_ICMP&&
!ping_group_allowed(W->cur))
return-EACCES;
return 0;
}

/*:91*//*92:*/
#line 259 "web/socket.w"

int sr_socketpair(int domain,int type,int protocol,int sv[2])
{
sr_proc*p;
int fd1,fd2,fd;
world_ready();
p= W->cur;
if((type&~SR_SOCK_TYPE_MASK)&~(SOCK_CLOEXEC|SOCK_NONBLOCK))return sys_return(-EINVAL);
fd1= fd_lowest_free(&p->fds,0);
fd2= fd_lowest_free(&p->fds,fd1+1);
if((rlim_t)fd1>=p->nofile.rlim_cur||(rlim_t)fd2>=p->nofile.rlim_cur)
return sys_return(-EMFILE);
if(!sv)return sys_return(-EFAULT);
sv[0]= fd1;
sv[1]= fd2;
if((fd= sr_socket(domain,type,protocol))<0)return-1;
fd_release(p,fd);
return sys_return(-EOPNOTSUPP);
}

/*:92*//*94:*/
#line 289 "web/socket.w"

static sr_sock*sock_alloc(sr_proc*p,int type,int protocol)
{
sr_sock*s= xcalloc(1,sizeof*s);
sr_host*h= p->host;
s->family= AF_INET;
s->type= type;
s->protocol= protocol;
s->host= h;
s->uid= p->euid;
/*95:*/
#line 304 "web/socket.w"

s->rcvbuf= type==SOCK_STREAM?SR_TCP_RMEM_DEFAULT:sysctl_value(h,SYS_RMEM_DEFAULT);
s->sndbuf= type==SOCK_STREAM?SR_TCP_WMEM_DEFAULT:sysctl_value(h,SYS_WMEM_DEFAULT);
s->rcvlowat= 1;
s->rcvtimeo= s->sndtimeo= SR_MAX_TIMEOUT;
s->peek_off= -1;
s->incoming_cpu= -1;
s->busy_poll= (unsigned)sysctl_value(h,SYS_BUSY_READ);

/*:95*//*170:*/
#line 40 "web/solsocket.w"

s->reuse= type==SOCK_RAW||(type==SOCK_DGRAM&&protocol==IPPROTO_ICMP);
s->max_pacing_rate= UINT64_MAX;

/*:170*//*580:*/
#line 287 "web/udp.w"

s->forward_threshold= s->rcvbuf>>2;

/*:580*//*915:*/
#line 889 "web/beyond.w"

s->txrehash= 1;

/*:915*/
#line 299 "web/socket.w"

/*97:*/
#line 317 "web/socket.w"

s->uc_ttl= -1;
s->mc_ttl= 1;
s->ipflags|= IPF_MC_LOOP|IPF_MC_ALL;
s->pmtudisc= sysctl_value(h,SYS_IP_NO_PMTU_DISC)?IP_PMTUDISC_DONT:IP_PMTUDISC_WANT;
if(type==SOCK_RAW&&protocol==IPPROTO_RAW)s->ipflags|= IPF_HDRINCL;

/*:97*//*459:*/
#line 74 "web/bind.w"

s->tabno= (int8_t)proto_tabno(type,protocol);
if(type==SOCK_RAW){
s->inet_num= (uint16_t)protocol;
s->inet_sport= htons((uint16_t)protocol);
s->hashed= true;
}

/*:459*//*820:*/
#line 127 "web/raw.w"

if(type==SOCK_RAW)raw_hash(s);

/*:820*/
#line 300 "web/socket.w"

return s;
}

/*:94*//*98:*/
#line 329 "web/socket.w"

static void sock_release(sr_sock*s)
{
inet_release(s);
raw_release(s);
udp_release(s);
mc_drop_all(s);
free(s->filter);
s->filter= NULL;
s->file= NULL;
if(s->wheld)s->orphaned= true;
else free(s);
}
/*:98*//*101:*/
#line 26 "web/ioctl.w"

static int file_setfl(sr_file*f,int arg)
{
if((arg&O_NOATIME)&&!(f->flags&O_NOATIME)&&
W->cur->fsuid!=f->owner_uid&&!proc_capable(W->cur,CAP_FOWNER))
return-EPERM;
if((arg&O_DIRECT)&&f->kind==SR_FILE_SOCKET)return-EINVAL;
f->flags= (f->flags&~SR_SETFL_MASK)|(arg&SR_SETFL_MASK);
return 0;
}

/*:101*//*102:*/
#line 51 "web/ioctl.w"

static int file_setown(sr_file*f,int who)
{
if(who==INT_MIN)return-EINVAL;
if(who> 0&&!proc_by_pid(who))return-ESRCH;
if(who<0&&!pgrp_exists(-who))return-ESRCH;
f->owner= who;
f->fown_uid= W->cur->ruid;
f->fown_euid= W->cur->euid;
return 0;
}

/*:102*//*104:*/
#line 75 "web/ioctl.w"

int sr_fcntl(int fd,int cmd,...)
{
va_list ap;
long arg;
sr_proc*p;
sr_file*f;
int r;
world_ready();
p= W->cur;
va_start(ap,cmd);
arg= va_arg(ap,long);
va_end(ap);
if(!(f= fd_file(p,fd)))return sys_return(-EBADF);
switch(cmd){
case F_GETFD:return p->fds.cloexec[fd]?FD_CLOEXEC:0;
case F_SETFD:p->fds.cloexec[fd]= (arg&FD_CLOEXEC)!=0;return 0;
case F_GETFL:return f->flags;
case F_SETFL:return sys_return(file_setfl(f,(int)arg));
case F_GETOWN:return f->owner;
case F_SETOWN:return sys_return(file_setown(f,(int)arg));
case F_GETSIG:return f->sig;
case F_SETSIG:
if(arg<0||arg>=SR_NSIG)return sys_return(-EINVAL);
f->sig= (int)arg;
return 0;
case F_DUPFD:case F_DUPFD_CLOEXEC:
if(arg<0||(rlim_t)arg>=p->nofile.rlim_cur)return sys_return(-EINVAL);
r= fd_install(p,f,(int)arg,cmd==F_DUPFD_CLOEXEC);
return sys_return(r);
default:return sys_return(-EINVAL);
}
}

/*:104*//*105:*/
#line 118 "web/ioctl.w"

static int generic_ioctl(sr_proc*p,int fd,sr_file*f,unsigned long req,
void*argp,bool*handled)
{
int on;
*handled= true;
switch(req){
case FIOCLEX:p->fds.cloexec[fd]= 1;return 0;
case FIONCLEX:p->fds.cloexec[fd]= 0;return 0;
case FIONBIO:case FIOASYNC:
if(!argp)return-EFAULT;
memcpy(&on,argp,sizeof on);
if(on)f->flags|= req==FIONBIO?O_NONBLOCK:O_ASYNC;
else f->flags&= ~(req==FIONBIO?O_NONBLOCK:O_ASYNC);
return 0;
}
*handled= false;
return 0;
}

/*:105*//*106:*/
#line 152 "web/ioctl.w"

static int sock_ioctl(sr_file*f,unsigned long req,void*argp)
{
sr_sock*s= f->sock;
int v;
switch(req){
case SIOCSPGRP:case FIOSETOWN:
if(!argp)return-EFAULT;
memcpy(&v,argp,sizeof v);
return file_setown(f,v);
case SIOCGPGRP:case FIOGETOWN:
if(!argp)return-EFAULT;
memcpy(argp,&f->owner,sizeof(int));
return 0;
/*718:*/
#line 3431 "web/udp.w"

case SIOCGSTAMP:return sock_gettstamp(s,argp,false);
case SIOCGSTAMPNS:return sock_gettstamp(s,argp,true);
case SIOCINQ:case SIOCOUTQ:case SIOCATMARK:case SIOCOUTQNSD:
if(s->type==SOCK_DGRAM&&s->protocol==IPPROTO_ICMP)return-ENOTTY;
if(s->type!=SOCK_STREAM&&(req==SIOCATMARK||req==SIOCOUTQNSD))return-ENOTTY;
if(s->type==SOCK_STREAM&&s->listening&&req!=SIOCATMARK)return-EINVAL;
if(!argp)return-EFAULT;
v= 0;
if(s->type!=SOCK_STREAM){
if(req==SIOCINQ){
int n= first_packet_length(s);
v= n<0?0:n;
}else v= s->wmem;
}else if(req==SIOCOUTQ||req==SIOCOUTQNSD)v= (int)s->tcp_write_seq;
memcpy(argp,&v,sizeof v);
return 0;

/*:718*/
#line 166 "web/ioctl.w"

}
return-ENOTTY;
}

/*:106*//*109:*/
#line 195 "web/ioctl.w"

int sr_ioctl(int fd,unsigned long request,...)
{
va_list ap;
void*argp;
sr_file*f;
bool handled;
int r;
world_ready();
va_start(ap,request);
argp= va_arg(ap,void*);
va_end(ap);
if(!(f= fd_file(W->cur,fd)))return sys_return(-EBADF);
r= generic_ioctl(W->cur,fd,f,request,argp,&handled);
if(handled)return sys_return(r);
if(f->kind!=SR_FILE_SOCKET)return sys_return(-ENOTTY);
r= sock_ioctl(f,request,argp);
if(r==-ENOTTY&&SR_IS_SOCK_IOCTL(request)&&!argp)r= -EFAULT;
return sys_return(r);
}

/*:109*//*116:*/
#line 81 "web/sysctl.w"

static const sr_sysctl sysctls[SR_NSYSCTL]= {

/*118:*/
#line 111 "web/sysctl.w"

[SYS_RMEM_DEFAULT]= {"net.core.rmem_default","socket.7:proc:rmem_default",
SYS_GLOBAL,SYSV_INT,212992,0,SR_MIN_RCVBUF,INT_MAX},
[SYS_RMEM_MAX]= {"net.core.rmem_max","socket.7:proc:rmem_max",
SYS_GLOBAL,SYSV_INT,4194304,0,SR_MIN_RCVBUF,INT_MAX},
[SYS_WMEM_DEFAULT]= {"net.core.wmem_default","socket.7:proc:wmem_default",
SYS_GLOBAL,SYSV_INT,212992,0,SR_MIN_SNDBUF,INT_MAX},
[SYS_WMEM_MAX]= {"net.core.wmem_max","socket.7:proc:wmem_max",
SYS_GLOBAL,SYSV_INT,4194304,0,SR_MIN_SNDBUF,INT_MAX},

/*:118*//*119:*/
#line 129 "web/sysctl.w"

[SYS_MESSAGE_COST]= {"net.core.message_cost","socket.7:proc:message_cost",
SYS_GLOBAL,SYSV_INT,5,0,INT_MIN,INT_MAX},
[SYS_MESSAGE_BURST]= {"net.core.message_burst","socket.7:proc:message_burst",
SYS_GLOBAL,SYSV_INT,10,0,INT_MIN,INT_MAX},

/*:119*//*120:*/
#line 140 "web/sysctl.w"

[SYS_NETDEV_MAX_BACKLOG]= {"net.core.netdev_max_backlog",
"socket.7:proc:netdev_max_backlog",SYS_GLOBAL,SYSV_INT,1000,0,
INT_MIN,INT_MAX},

/*:120*//*121:*/
#line 150 "web/sysctl.w"

[SYS_OPTMEM_MAX]= {"net.core.optmem_max","socket.7:proc:optmem_max",
SYS_NETNS,SYSV_INT,131072,0,0,INT_MAX},

/*:121*//*122:*/
#line 160 "web/sysctl.w"

[SYS_BUSY_READ]= {"net.core.busy_read","socket.7:SO_BUSY_POLL",
SYS_GLOBAL,SYSV_INT,0,0,0,INT_MAX},
[SYS_BUSY_POLL]= {"net.core.busy_poll","socket.7:SO_BUSY_POLL:5",
SYS_GLOBAL,SYSV_INT,0,0,0,INT_MAX},
[SYS_SOMAXCONN]= {"net.core.somaxconn","socket.7:call:listen",
SYS_NETNS,SYSV_INT,4096,0,0,INT_MAX},

/*:122*//*123:*/
#line 173 "web/sysctl.w"

[SYS_IP_DEFAULT_TTL]= {"net.ipv4.ip_default_ttl","ip.7:proc:ip_default_ttl",
SYS_NETNS,SYSV_U8,64,0,1,255},

/*:123*//*124:*/
#line 182 "web/sysctl.w"

[SYS_IP_DYNADDR]= {"net.ipv4.ip_dynaddr","ip.7:proc:ip_dynaddr",
SYS_NETNS,SYSV_U8,0,0,0,255},

/*:124*//*125:*/
#line 194 "web/sysctl.w"

[SYS_IP_FORWARD]= {"net.ipv4.ip_forward","ip.7:proc:ip_forward",
SYS_NETNS,SYSV_INT,0,0,INT_MIN,INT_MAX},

/*:125*//*126:*/
#line 206 "web/sysctl.w"

[SYS_IP_LOCAL_PORT_RANGE]= {"net.ipv4.ip_local_port_range",
"ip.7:proc:ip_local_port_range",SYS_NETNS,SYSV_PAIR,32768,60999,
1,65535},
[SYS_IP_LOCAL_RESERVED_PORTS]= {"net.ipv4.ip_local_reserved_ports",
"ip.7:proc_interfaces",SYS_NETNS,SYSV_PORTS,0,0,0,
65535},
[SYS_IP_UNPRIVILEGED_PORT_START]= {"net.ipv4.ip_unprivileged_port_start",
"ip.7:addr:privileged_ports",SYS_NETNS,SYSV_INT,1024,0,0,65535},
[SYS_IP_AUTOBIND_REUSE]= {"net.ipv4.ip_autobind_reuse",
"ip.7:addr:autobind_connect",SYS_NETNS,SYSV_INT,0,0,0,1},

/*:126*//*127:*/
#line 228 "web/sysctl.w"

[SYS_IP_NO_PMTU_DISC]= {"net.ipv4.ip_no_pmtu_disc","ip.7:proc:ip_no_pmtu_disc",
SYS_NETNS,SYSV_U8,0,0,0,255},
[SYS_ROUTE_MIN_PMTU]= {"net.ipv4.route.min_pmtu","ip.7:IP_MTU_DISCOVER",
SYS_NETNS,SYSV_INT,552,0,68,INT_MAX},
[SYS_ROUTE_MTU_EXPIRES]= {"net.ipv4.route.mtu_expires",
"ip.7:IP_MTU_DISCOVER",SYS_NETNS,SYSV_JIFFIES,600,0,INT_MIN,INT_MAX},
[SYS_ROUTE_MIN_ADV_MSS]= {"net.ipv4.route.min_adv_mss",
"ip.7:IP_MTU_DISCOVER",SYS_NETNS,SYSV_INT,256,0,INT_MIN,INT_MAX},

/*:127*//*128:*/
#line 243 "web/sysctl.w"

[SYS_IP_NONLOCAL_BIND]= {"net.ipv4.ip_nonlocal_bind",
"ip.7:proc:ip_nonlocal_bind",SYS_NETNS,SYSV_U8,0,0,0,255},

/*:128*//*129:*/
#line 257 "web/sysctl.w"

[SYS_IPFRAG_HIGH_THRESH]= {"net.ipv4.ipfrag_high_thresh",
"ip.7:proc:ipfrag_high_thresh",SYS_NETNS,SYSV_ULONG,4194304,0,0,
LLONG_MAX},
[SYS_IPFRAG_LOW_THRESH]= {"net.ipv4.ipfrag_low_thresh",
"ip.7:proc:ipfrag_low_thresh",SYS_NETNS,SYSV_ULONG,3145728,0,0,
LLONG_MAX},
[SYS_IPFRAG_TIME]= {"net.ipv4.ipfrag_time","ip.7:proc_interfaces",
SYS_NETNS,SYSV_JIFFIES,30,0,INT_MIN,INT_MAX},
[SYS_IPFRAG_MAX_DIST]= {"net.ipv4.ipfrag_max_dist","ip.7:proc_interfaces",
SYS_NETNS,SYSV_INT,64,0,0,INT_MAX},

/*:129*//*130:*/
#line 274 "web/sysctl.w"

[SYS_IP6FRAG_HIGH_THRESH]= {"net.ipv6.ip6frag_high_thresh",
"ip.7:proc_interfaces",SYS_NETNS,SYSV_ULONG,4194304,0,0,
LLONG_MAX},
[SYS_IP6FRAG_LOW_THRESH]= {"net.ipv6.ip6frag_low_thresh",
"ip.7:proc_interfaces",SYS_NETNS,SYSV_ULONG,3145728,0,0,
LLONG_MAX},
[SYS_IP6FRAG_TIME]= {"net.ipv6.ip6frag_time","ip.7:proc:ip6frag_time",
SYS_NETNS,SYSV_JIFFIES,60,0,INT_MIN,INT_MAX},

/*:130*//*133:*/
#line 308 "web/sysctl.w"

[SYS_IGMP_MAX_MEMBERSHIPS]= {"net.ipv4.igmp_max_memberships",
"ip.7:IP_ADD_MEMBERSHIP",SYS_NETNS,SYSV_INT,20,0,INT_MIN,INT_MAX},
[SYS_IGMP_MAX_MSF]= {"net.ipv4.igmp_max_msf","ip.7:IP_MSFILTER",
SYS_NETNS,SYSV_INT,10,0,INT_MIN,INT_MAX},
[SYS_PING_GROUP_RANGE]= {"net.ipv4.ping_group_range","ip.7:DESCRIPTION",
SYS_NETNS,SYSV_PAIR,1,0,0,4294967294LL},


/*:133*/
#line 84 "web/sysctl.w"


};

/*:116*//*137:*/
#line 335 "web/sysctl.w"

static long long*sysctl_slot(sr_host*h,int i)
{
return sysctls[i].scope==SYS_GLOBAL?W->host?W->host[0]->sys[i]:h->sys[i]
:h->sys[i];
}

static long long sysctl_value(sr_host*h,int i)
{
return sysctl_slot(h,i)[0];
}

/*:137*//*138:*/
#line 351 "web/sysctl.w"

static bool ping_group_allowed(const sr_proc*p)
{
long long*r= sysctl_slot(p->host,SYS_PING_GROUP_RANGE);
return(long long)p->ruid>=r[0]&&(long long)p->ruid<=r[1];
}

/*:138*//*139:*/
#line 369 "web/sysctl.w"

static bool sysctl_is_dir(const char*name)
{
size_t n= strlen(name);
while(n&&name[n-1]=='.')n--;
if(!n)return true;
for(int i= 0;i<SR_NSYSCTL;i++)
if(!strncmp(sysctls[i].name,name,n)&&sysctls[i].name[n]=='.')return true;
return false;
}

/*:139*//*140:*/
#line 383 "web/sysctl.w"

int sr_sysctl_get(const char*name,char*buf,size_t len)
{
int i;
char text[8192];
long long*v;
world_ready();
if(!name||!buf)return sys_return(-EFAULT);
for(i= 0;i<SR_NSYSCTL&&strcmp(sysctls[i].name,name)!=0;i++);
if(i==SR_NSYSCTL)return sys_return(sysctl_is_dir(name)?-EISDIR:-ENOENT);
v= sysctl_slot(W->cur->host,i);
switch(sysctls[i].kind){
case SYSV_PAIR:snprintf(text,sizeof text,"%lld\t%lld",v[0],v[1]);break;
case SYSV_ULONG:snprintf(text,sizeof text,"%llu",(unsigned long long)v[0]);break;
case SYSV_PORTS:ports_format(W->cur->host->reserved_ports,text,sizeof text);break;
default:snprintf(text,sizeof text,"%lld",v[0]);break;
}
if(strlen(text)+1> len)return sys_return(-EINVAL);
memcpy(buf,text,strlen(text)+1);
return(int)strlen(text);
}

/*:140*//*141:*/
#line 418 "web/sysctl.w"

static int sysctl_write(sr_host*h,const sr_proc*p,const char*name,
const char*value)
{
int i,r;
long long nv[2];
if(!name||!value)return-EFAULT;
for(i= 0;i<SR_NSYSCTL&&strcmp(sysctls[i].name,name)!=0;i++);
if(i==SR_NSYSCTL)return sysctl_is_dir(name)?-EISDIR:-ENOENT;
if(p&&p->fsuid!=0&&!proc_capable(p,sysctls[i].scope==SYS_GLOBAL?
CAP_DAC_OVERRIDE:CAP_NET_ADMIN))
return-EACCES;
if(p&&i==SYS_IP_FORWARD&&!proc_capable(p,CAP_NET_ADMIN))return-EPERM;
if(!*value)return 0;
if(sysctls[i].kind==SYSV_PORTS)return ports_parse(h->reserved_ports,value);
memcpy(nv,sysctl_slot(h,i),sizeof nv);
r= sysctl_parse(i,value,nv);
if(r==0)r= sysctl_cross_check(h,i,nv);
if(r<0)return r;
memcpy(sysctl_slot(h,i),nv,sizeof nv);
return 0;
}

int sr_sysctl_set(const char*name,const char*value)
{
world_ready();
return sys_return(sysctl_write(W->cur->host,W->cur,name,value));
}

/*:141*//*143:*/
#line 456 "web/sysctl.w"

int sr_host_sysctl_set(int host,const char*name,const char*value)
{
sr_host*h;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
return sys_return(sysctl_write(h,NULL,name,value));
}

/*:143*//*144:*/
#line 476 "web/sysctl.w"

static int read_number(const char**pp,bool*neg,unsigned long long*out)
{
const char*p= *pp;
char*end;
while(*p==' '||*p=='\t'||*p=='\n')p++;
*neg= false;
if(*p=='-'){*neg= true;p++;}
if(*p<'0'||*p> '9')return-EINVAL;
errno= 0;
*out= strtoull(p,&end,0);
if(errno==ERANGE||*out> ULONG_MAX)return-EINVAL;
if(*end&&*end!=' '&&*end!='\t'&&*end!='\n')return-EINVAL;
*pp= end;
return 0;
}

/*:144*//*145:*/
#line 504 "web/sysctl.w"

static int sysctl_parse(int i,const char*text,long long nv[2])
{
const sr_sysctl*s= &sysctls[i];
int count= s->kind==SYSV_PAIR?2:1;
const char*p= text;
for(int k= 0;k<count;k++){
bool neg;
unsigned long long u;
long long v;
if(k> 0){
const char*q= p;
while(*q==' '||*q=='\t'||*q=='\n')q++;
if(!*q)break;
}
if(read_number(&p,&neg,&u)<0)return-EINVAL;
if(s->kind==SYSV_ULONG){
if(neg)return-EINVAL;
v= (long long)u;
}else if(s->kind==SYSV_JIFFIES){
if(u> (unsigned long long)(INT_MAX/W->hz))return-EINVAL;
v= neg?-(long long)u:(long long)u;
}else{
if(neg?u> (unsigned long long)INT_MAX+1:u> (unsigned long long)INT_MAX)
if(i!=SYS_PING_GROUP_RANGE)return-EINVAL;
v= neg?-(long long)u:(long long)u;
if(v<s->min||v> s->max)return-EINVAL;
}
nv[k]= v;
}
return 0;
}

/*:145*//*146:*/
#line 549 "web/sysctl.w"

static int sysctl_cross_check(sr_host*h,int i,long long nv[2])
{
switch(i){
case SYS_IP_LOCAL_PORT_RANGE:
if(nv[1]<nv[0]||nv[0]<sysctl_value(h,SYS_IP_UNPRIVILEGED_PORT_START))
return-EINVAL;
break;
case SYS_IP_UNPRIVILEGED_PORT_START:
if(nv[0]> sysctl_value(h,SYS_IP_LOCAL_PORT_RANGE))return-EINVAL;
break;
case SYS_IPFRAG_HIGH_THRESH:case SYS_IP6FRAG_HIGH_THRESH:
if((unsigned long long)nv[0]<(unsigned long long)sysctl_value(h,i+1))return-EINVAL;
break;
case SYS_IPFRAG_LOW_THRESH:case SYS_IP6FRAG_LOW_THRESH:
if((unsigned long long)nv[0]> (unsigned long long)sysctl_value(h,i-1))return-EINVAL;
break;
case SYS_PING_GROUP_RANGE:
if(nv[1]<nv[0]){nv[0]= 1;nv[1]= 0;}
break;
}
return 0;
}

/*:146*//*147:*/
#line 578 "web/sysctl.w"

static int ports_parse(uint64_t*bits,const char*text)
{
uint64_t nb[65536/64];
const char*p= text;
memset(nb,0,sizeof nb);
while(*p&&*p!='\n'){
char*end;
unsigned long a,b;
if(*p<'0'||*p> '9')return-EINVAL;
a= strtoul(p,&end,0);
b= a;
if(*end=='-'){
p= end+1;
if(*p<'0'||*p> '9')return-EINVAL;
b= strtoul(p,&end,0);
}
if(a> 65535||b> 65535||b<a)return-EINVAL;
for(unsigned long k= a;k<=b;k++)nb[k/64]|= (uint64_t)1<<(k%64);
p= end;
if(*p==',')p++;
else if(*p&&*p!='\n')return-EINVAL;
}
memcpy(bits,nb,sizeof nb);
return 0;
}

static void ports_format(const uint64_t*bits,char*out,size_t len)
{
size_t n= 0;
out[0]= '\0';
for(long k= 0;k<65536;k++){
long e;
if(!bits[k/64]){k= k/64*64+63;continue;}
if(!((bits[k/64]>>(k%64))&1))continue;
for(e= k;e+1<65536&&((bits[(e+1)/64]>>((e+1)%64))&1);e++);
if(n+16>=len)break;
n+= (size_t)snprintf(out+n,len-n,n?",%ld":"%ld",k);
if(e> k)n+= (size_t)snprintf(out+n,len-n,"-%ld",e);
k= e;
}
}

/*:147*//*154:*/
#line 104 "web/sockopt.w"

static void optreq_init(sr_optreq*rq,const sr_optdesc*d,int len)
{
rq->d= d;
rq->val= 0;
rq->buf= NULL;
rq->len= len;
rq->outlen= 0;
rq->ubuf= NULL;
rq->ulen= NULL;
}

/*:154*//*157:*/
#line 130 "web/sockopt.w"

static const sr_optdesc*opt_lookup(int level,int name)
{
const short*index;
if(name<0||name>=SR_OPTNAME_LIMIT)return NULL;
if(level==SOL_SOCKET)index= sr_sol_index;
else if(level==IPPROTO_IP)index= sr_ip_index;
else if(level==SOL_UDP)index= sr_udp_index;
else return NULL;
return index[name]?&sr_optdescs[index[name]-1]:NULL;
}

/*:157*//*159:*/
#line 164 "web/sockopt.w"

static unsigned*flag_word(sr_sock*s,const sr_optdesc*d)
{
return d->store==OPT_STORE_IP_FLAG?&s->ipflags:&s->flags;
}

static int set_flag(sr_sock*s,sr_optreq*rq)
{
unsigned*word= flag_word(s,rq->d);
if(rq->val)*word|= rq->d->bit;
else*word&= ~rq->d->bit;
return 0;
}

static int get_flag(sr_sock*s,sr_optreq*rq)
{
rq->val= (*flag_word(s,rq->d)&rq->d->bit)!=0;
return 0;
}

static int set_int_field(sr_sock*s,sr_optreq*rq)
{
memcpy((char*)s+rq->d->offset,&rq->val,sizeof(int));
return 0;
}

static int get_int_field(sr_sock*s,sr_optreq*rq)
{
memcpy(&rq->val,(char*)s+rq->d->offset,sizeof(int));
return 0;
}

/*:159*//*160:*/
#line 218 "web/sockopt.w"

int sr_setsockopt(int fd,int level,int optname,const void*optval,
socklen_t optlen)
{
int err= 0,len= (int)optlen;
sr_sock*s;
const sr_optdesc*d;
sr_optreq rq;
world_ready();
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if(len<0)return sys_return(-EINVAL);
if(level==SOL_RAW&&s->type==SOCK_RAW)
return sys_return(raw_setsockopt(s,optname,optval,len));
if(opt_udp_level(s,level))level= SOL_UDP;
else if(level!=SOL_SOCKET&&level!=IPPROTO_IP)return sys_return(-ENOPROTOOPT);
d= opt_lookup(level,optname);
if((level==SOL_SOCKET&&!(d&&d->type==OPT_STRING))||level==SOL_UDP){
if(len<(int)sizeof(int))return sys_return(-EINVAL);
if(!optval)return sys_return(-EFAULT);
}
if(level==IPPROTO_IP&&optname>=SR_MRT_BASE&&optname<=SR_MRT_MAX)
return sys_return(-EOPNOTSUPP);
if(!d||!(d->access&OPT_SET))return sys_return(-ENOPROTOOPT);
optreq_init(&rq,d,len);
rq.buf= optval;
err= opt_validate_set(s,d,&rq);
if(err==0)err= d->set(s,&rq);
return sys_return(err);
}

/*:160*//*162:*/
#line 270 "web/sockopt.w"

static int opt_validate_set(sr_sock*s,const sr_optdesc*d,sr_optreq*rq)
{
bool in_range;
if(rq->len<d->setlen)return-EINVAL;
switch(d->type){
case OPT_INT:case OPT_BOOL:
if(rq->len<(int)sizeof(int))return-EINVAL;
if(!rq->buf)return-EFAULT;
memcpy(&rq->val,rq->buf,sizeof(int));
break;
case OPT_BYTE:case OPT_BYTEBOOL:
if(rq->len>=(int)sizeof(int)){
if(!rq->buf)return-EFAULT;
memcpy(&rq->val,rq->buf,sizeof(int));
}else if(rq->len>=1){
if(!rq->buf)return-EFAULT;
rq->val= rq->buf[0];
}else rq->val= 0;
break;
default:
if(!(d->types&(1u<<s->type)))return-d->type_errno;
if(d->level==SOL_SOCKET&&rq->len> 0&&!rq->buf)return-EFAULT;
break;
}
if(!(d->types&(1u<<s->type)))return-d->type_errno;
in_range= d->range_action==RANGE_NONE||
(rq->val>=d->lo&&rq->val<=d->hi);
if(d->caps&&!opt_capable(d->caps)){
if(d->cap_when==CAP_ALWAYS||
(d->cap_when==CAP_OUTSIDE_RANGE&&!in_range)||
(d->cap_when==CAP_NONZERO&&rq->val!=0))
return-d->cap_errno;
}
if(!in_range){
if(d->range_action==RANGE_EINVAL)return-EINVAL;
if(d->range_action==RANGE_CLAMP)
rq->val= (int)(rq->val<d->lo?d->lo:d->hi);
}
if(d->type==OPT_BOOL||d->type==OPT_BYTEBOOL)rq->val= rq->val!=0;
return 0;
}

/*:162*//*163:*/
#line 316 "web/sockopt.w"

static bool opt_capable(uint64_t caps)
{
for(int c= 0;c<=CAP_LAST_CAP;c++)
if(((caps>>c)&1)&&proc_capable(W->cur,c))return true;
return false;
}

/*:163*//*165:*/
#line 346 "web/sockopt.w"

int sr_getsockopt(int fd,int level,int optname,void*optval,
socklen_t*optlen)
{
int err= 0,len;
sr_sock*s;
const sr_optdesc*d;
sr_optreq rq;
world_ready();
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if(level==SOL_RAW&&s->type==SOCK_RAW)
return sys_return(raw_getsockopt(s,optname,optval,optlen));
if(opt_udp_level(s,level))level= SOL_UDP;
else if(level!=SOL_SOCKET&&level!=IPPROTO_IP)return sys_return(-EOPNOTSUPP);
if(level==IPPROTO_IP&&optname>=SR_MRT_BASE&&optname<=SR_MRT_MAX)
return sys_return(-EOPNOTSUPP);
if(!optlen)return sys_return(-EFAULT);
len= (int)*optlen;
if(len<0)return sys_return(-EINVAL);
d= opt_lookup(level,optname);
if(!d||!(d->access&OPT_GET))return sys_return(-ENOPROTOOPT);
if(!d->types_set_only&&!(d->types&(1u<<s->type)))
return sys_return(-d->type_errno);
optreq_init(&rq,d,len);
rq.ubuf= optval;
rq.ulen= optlen;
err= d->get(s,&rq);
if(err<0)return sys_return(err);
if(d->type==OPT_CUSTOM||d->type==OPT_GROUP_FILTER)return 0;
return sys_return(opt_copy_out(d,&rq,optval,optlen,len));
}

/*:165*//*166:*/
#line 396 "web/sockopt.w"

static int opt_copy_out(const sr_optdesc*d,sr_optreq*rq,void*optval,
socklen_t*optlen,int len)
{
bool is_int= d->type==OPT_INT||d->type==OPT_BOOL||
d->type==OPT_BYTE||d->type==OPT_BYTEBOOL;
if(is_int){
memcpy(rq->out,&rq->val,sizeof(int));
rq->outlen= sizeof(int);
}
if(d->level==IPPROTO_IP){
if(is_int&&len> 0&&len<(int)sizeof(int)&&rq->val>=0&&
rq->val<=255){
unsigned char byte= (unsigned char)rq->val;
*optlen= 1;
if(!optval)return-EFAULT;
memcpy(optval,&byte,1);
return 0;
}
if(len> rq->outlen)len= rq->outlen;
*optlen= (socklen_t)len;
if(len> 0&&!optval)return-EFAULT;
if(len> 0)memcpy(optval,rq->out,(size_t)len);
return 0;
}
if(len> rq->outlen)len= rq->outlen;
if(d->level==SOL_UDP)*optlen= (socklen_t)len;
if(len> 0&&!optval)return-EFAULT;
if(len> 0)memcpy(optval,rq->out,(size_t)len);
*optlen= (socklen_t)len;
return 0;
}
/*:166*//*171:*/
#line 57 "web/solsocket.w"

static int buffer_request(const sr_sock*s,int tunable,int val)
{
uint32_t max= (uint32_t)sysctl_value(s->host,tunable);
return(uint32_t)val<max?val:(int)max;
}

static int buffer_store(int*size,bool*locked,int val,int min)
{
if(val> INT_MAX/2)val= INT_MAX/2;
*locked= true;
*size= val*2> min?val*2:min;
return 0;
}

/*:171*//*173:*/
#line 88 "web/solsocket.w"

static int set_rcvbuf(sr_sock*s,sr_optreq*rq)
{
buffer_store(&s->rcvbuf,&s->rcvbuf_locked,
buffer_request(s,SYS_RMEM_MAX,rq->val),SR_MIN_RCVBUF);
s->forward_threshold= s->rcvbuf>>2;
return 0;
}


/*:173*//*174:*/
#line 106 "web/solsocket.w"

static int set_sndbuf(sr_sock*s,sr_optreq*rq)
{
return buffer_store(&s->sndbuf,&s->sndbuf_locked,
buffer_request(s,SYS_WMEM_MAX,rq->val),SR_MIN_SNDBUF);
}


/*:174*//*175:*/
#line 128 "web/solsocket.w"

static int set_rcvbufforce(sr_sock*s,sr_optreq*rq)
{
buffer_store(&s->rcvbuf,&s->rcvbuf_locked,rq->val<0?0:rq->val,SR_MIN_RCVBUF);
s->forward_threshold= s->rcvbuf>>2;
return 0;
}

static int set_sndbufforce(sr_sock*s,sr_optreq*rq)
{
return buffer_store(&s->sndbuf,&s->sndbuf_locked,rq->val<0?0:rq->val,
SR_MIN_SNDBUF);
}

/*:175*//*177:*/
#line 160 "web/solsocket.w"

static int set_rcvlowat(sr_sock*s,sr_optreq*rq)
{
int val= rq->val<0?INT_MAX:rq->val;
if(s->type==SOCK_STREAM){
int cap= s->rcvbuf_locked?s->rcvbuf>>1:SR_TCP_RMEM_MAX>>1;
if(val> cap)val= cap;
if(!s->rcvbuf_locked&&2*(long long)val> s->rcvbuf)
s->rcvbuf= 2*val;
}
s->rcvlowat= val?val:1;
return 0;
}


/*:177*//*178:*/
#line 181 "web/solsocket.w"

static int get_sndlowat(sr_sock*s,sr_optreq*rq)
{
(void)s;
rq->val= 1;
return 0;
}

/*:178*//*180:*/
#line 215 "web/solsocket.w"

static int timeo_set(long*timeo,const sr_optreq*rq)
{
struct timeval tv;
long usec_per_tick= 1000000L/W->hz;
memcpy(&tv,rq->buf,sizeof tv);
if(tv.tv_usec<0||tv.tv_usec>=1000000)return-EDOM;
if(tv.tv_sec<0){*timeo= 0;return 0;}
*timeo= SR_MAX_TIMEOUT;
if((tv.tv_sec||tv.tv_usec)&&tv.tv_sec<SR_MAX_TIMEOUT/W->hz-1)
*timeo= tv.tv_sec*W->hz+(tv.tv_usec+usec_per_tick-1)/usec_per_tick;
return 0;
}

static int timeo_get(long timeo,sr_optreq*rq)
{
struct timeval tv= {0,0};
if(timeo!=SR_MAX_TIMEOUT){
tv.tv_sec= timeo/W->hz;
tv.tv_usec= (timeo%W->hz)*1000000L/W->hz;
}
memcpy(rq->out,&tv,sizeof tv);
rq->outlen= sizeof tv;
return 0;
}

static int set_rcvtimeo(sr_sock*s,sr_optreq*rq){return timeo_set(&s->rcvtimeo,rq);}
static int get_rcvtimeo(sr_sock*s,sr_optreq*rq){return timeo_get(s->rcvtimeo,rq);}
static int set_sndtimeo(sr_sock*s,sr_optreq*rq){return timeo_set(&s->sndtimeo,rq);}
static int get_sndtimeo(sr_sock*s,sr_optreq*rq){return timeo_get(s->sndtimeo,rq);}

/*:180*//*182:*/
#line 265 "web/solsocket.w"

static int set_linger(sr_sock*s,sr_optreq*rq)
{
struct linger l;
memcpy(&l,rq->buf,sizeof l);
if(!l.l_onoff)s->linger= false;
else{
unsigned long t= (unsigned long)(long)l.l_linger;
s->lingertime= t>=(unsigned long)(SR_MAX_TIMEOUT/W->hz)?
SR_MAX_TIMEOUT:(long)t*W->hz;
s->linger= true;
}
return 0;
}

static int get_linger(sr_sock*s,sr_optreq*rq)
{
struct linger l;
l.l_onoff= s->linger;
l.l_linger= (int)(uint32_t)(s->lingertime/W->hz);
memcpy(rq->out,&l,sizeof l);
rq->outlen= sizeof l;
return 0;
}

/*:182*//*186:*/
#line 319 "web/solsocket.w"

static int set_dontroute(sr_sock*s,sr_optreq*rq)
{
s->dst_cached= false;
return set_flag(s,rq);
}

/*:186*//*193:*/
#line 369 "web/solsocket.w"

static int set_bsdcompat(sr_sock*s,sr_optreq*rq){(void)s;(void)rq;return 0;}
static int get_bsdcompat(sr_sock*s,sr_optreq*rq){(void)s;rq->val= 0;return 0;}

/*:193*//*194:*/
#line 387 "web/solsocket.w"

static bool sock_may_scm_recv(const sr_sock*s)
{
return s->family==AF_UNIX||s->family==AF_NETLINK;
}

static int set_sock_passcred(sr_sock*s,sr_optreq*rq)
{
return sock_may_scm_recv(s)?set_flag(s,rq):-EOPNOTSUPP;
}

static int get_sock_passcred(sr_sock*s,sr_optreq*rq)
{
return sock_may_scm_recv(s)?get_flag(s,rq):-EOPNOTSUPP;
}

static int set_sock_passsec(sr_sock*s,sr_optreq*rq)
{
return sock_may_scm_recv(s)?set_flag(s,rq):-EOPNOTSUPP;
}

static int get_sock_passsec(sr_sock*s,sr_optreq*rq)
{
return sock_may_scm_recv(s)?get_flag(s,rq):-EOPNOTSUPP;
}

/*:194*//*196:*/
#line 451 "web/solsocket.w"

static int tstamp_set(sr_sock*s,bool on,bool ns,bool new)
{
if(!on){
s->flags&= ~(SK_TIMESTAMP|SK_TIMESTAMPNS);
return 0;
}
s->flags&= ~(SK_TIMESTAMPNS|SK_TSTAMP_NEW);
s->flags|= SK_TIMESTAMP|(ns?SK_TIMESTAMPNS:0)|(new?SK_TSTAMP_NEW:0);
sock_enable_timestamp(s);
return 0;
}

static int set_timestamp(sr_sock*s,sr_optreq*rq){return tstamp_set(s,rq->val,false,false);}
static int set_timestampns(sr_sock*s,sr_optreq*rq){return tstamp_set(s,rq->val,true,false);}
static int set_timestamp_new(sr_sock*s,sr_optreq*rq){return tstamp_set(s,rq->val,false,true);}
static int set_timestampns_new(sr_sock*s,sr_optreq*rq){return tstamp_set(s,rq->val,true,true);}

static int get_timestamp(sr_sock*s,sr_optreq*rq)
{
rq->val= (s->flags&(SK_TIMESTAMP|SK_TIMESTAMPNS|SK_TSTAMP_NEW))==SK_TIMESTAMP;
return 0;
}

static int get_timestampns(sr_sock*s,sr_optreq*rq)
{
rq->val= (s->flags&(SK_TIMESTAMPNS|SK_TSTAMP_NEW))==SK_TIMESTAMPNS;
return 0;
}

static int get_timestamp_new(sr_sock*s,sr_optreq*rq)
{
rq->val= (s->flags&(SK_TIMESTAMP|SK_TSTAMP_NEW))==(SK_TIMESTAMP|SK_TSTAMP_NEW);
return 0;
}

static int get_timestampns_new(sr_sock*s,sr_optreq*rq)
{
rq->val= (s->flags&(SK_TIMESTAMPNS|SK_TSTAMP_NEW))==(SK_TIMESTAMPNS|SK_TSTAMP_NEW);
return 0;
}


/*:196*//*201:*/
#line 534 "web/solsocket.w"

static int set_mark(sr_sock*s,sr_optreq*rq)
{
if(s->mark!=(uint32_t)rq->val)s->dst_cached= false;
return set_int_field(s,rq);
}

/*:201*//*204:*/
#line 583 "web/solsocket.w"

static bool sock_has_peek_off(const sr_sock*s)
{
return!(s->type==SOCK_DGRAM&&s->protocol==IPPROTO_ICMP);
}

static int set_peek_off(sr_sock*s,sr_optreq*rq)
{
if(!sock_has_peek_off(s))return-EOPNOTSUPP;
s->peek_off= rq->val;
return 0;
}

static int get_peek_off(sr_sock*s,sr_optreq*rq)
{
if(!sock_has_peek_off(s))return-EOPNOTSUPP;
rq->val= s->peek_off;
return 0;
}

/*:204*//*206:*/
#line 618 "web/solsocket.w"

static int set_max_pacing_rate(sr_sock*s,sr_optreq*rq)
{
uint32_t v32;
uint64_t v;
memcpy(&v32,rq->buf,sizeof v32);
v= v32==UINT32_MAX?UINT64_MAX:v32;
if(rq->len>=(int)sizeof v)memcpy(&v,rq->buf,sizeof v);
s->max_pacing_rate= v;
return 0;
}

static int get_max_pacing_rate(sr_sock*s,sr_optreq*rq)
{
if(rq->len>=(int)sizeof(uint64_t)){
memcpy(rq->out,&s->max_pacing_rate,sizeof(uint64_t));
rq->outlen= sizeof(uint64_t);
}else{
uint32_t v= s->max_pacing_rate> UINT32_MAX?UINT32_MAX:(uint32_t)s->max_pacing_rate;
memcpy(rq->out,&v,sizeof v);
rq->outlen= sizeof v;
}
return 0;
}

/*:206*//*209:*/
#line 695 "web/solsocket.w"

static int set_timestamping(sr_sock*s,sr_optreq*rq)
{
int flags;
uint32_t val;
memcpy(&flags,rq->buf,sizeof flags);
val= (uint32_t)flags;
if(val&~SR_SOF_MASK)return-EINVAL;
if((val&SR_SOF_OPT_ID_TCP)&&!(val&SR_SOF_OPT_ID))return-EINVAL;
if((val&SR_SOF_OPT_ID)&&!(s->tsflags&SR_SOF_OPT_ID)){
if(s->type==SOCK_STREAM)return-EINVAL;
s->tskey= 0;
}
if((val&SR_SOF_OPT_STATS)&&!(val&SR_SOF_OPT_TSONLY))return-EINVAL;
if(val&SR_SOF_BIND_PHC)return s->bound_dev_if?-EINVAL:-EOPNOTSUPP;
s->tsflags= val;
if(rq->d->name==SO_TIMESTAMPING_NEW)s->flags|= SK_TSTAMP_NEW;
else s->flags&= ~SK_TSTAMP_NEW;
sock_netstamp_update(s);
return 0;
}

static int get_timestamping(sr_sock*s,sr_optreq*rq)
{
bool mine= rq->d->name==SO_TIMESTAMPING_OLD||(s->flags&SK_TSTAMP_NEW);
int pair[2]= {mine?(int)s->tsflags:0,0};
memcpy(rq->out,pair,sizeof pair);
rq->outlen= sizeof pair;
return 0;
}

/*:209*//*212:*/
#line 747 "web/solsocket.w"

static int get_acceptconn(sr_sock*s,sr_optreq*rq){rq->val= s->listening;return 0;}

/*:212*//*213:*/
#line 758 "web/solsocket.w"

static int get_error(sr_sock*s,sr_optreq*rq)
{
rq->val= s->err;
s->err= 0;
return 0;
}

/*:213*//*214:*/
#line 772 "web/solsocket.w"

static int get_napi_id(sr_sock*s,sr_optreq*rq){(void)s;rq->val= 0;return 0;}

/*:214*//*215:*/
#line 781 "web/solsocket.w"

static int get_bpf_extensions(sr_sock*s,sr_optreq*rq)
{
(void)s;
rq->val= SKF_AD_MAX;
return 0;
}

/*:215*//*216:*/
#line 798 "web/solsocket.w"

static int get_peercred(sr_sock*s,sr_optreq*rq)
{
struct ucred c= {0,(uid_t)-1,(gid_t)-1};
(void)s;
memcpy(rq->out,&c,sizeof c);
rq->outlen= sizeof c;
return 0;
}

/*:216*//*217:*/
#line 817 "web/solsocket.w"

static int get_peersec(sr_sock*s,sr_optreq*rq){(void)s;(void)rq;return-ENOPROTOOPT;}


/*:217*//*219:*/
#line 841 "web/solsocket.w"

static int set_bindtodevice(sr_sock*s,sr_optreq*rq)
{
char name[IFNAMSIZ];
int len= rq->len> IFNAMSIZ-1?IFNAMSIZ-1:rq->len,index= 0;
memset(name,0,sizeof name);
if(len> 0)memcpy(name,rq->buf,(size_t)len);
if(name[0]){
sr_iface*ifp= iface_by_name(s->host,name);
if(!ifp)return-ENODEV;
index= ifp->ifindex;
}
return sock_bindtoindex(s,index);
}

/*:219*//*221:*/
#line 865 "web/solsocket.w"

static int sock_bindtoindex(sr_sock*s,int index)
{
if(s->bound_dev_if&&!proc_capable(W->cur,CAP_NET_RAW))return-EPERM;
if(index<0)return-EINVAL;
s->bound_dev_if= index;
udp_rehash(s,s->inet_rcv_saddr);
s->dst_cached= false;
return 0;
}

/*:221*//*222:*/
#line 889 "web/solsocket.w"

static int get_bindtodevice(sr_sock*s,sr_optreq*rq)
{
sr_iface*ifp;
rq->outlen= 0;
if(!s->bound_dev_if)return 0;
if(rq->len<IFNAMSIZ)return-EINVAL;
if(!(ifp= iface_by_index(s->host,s->bound_dev_if)))return-ENODEV;
rq->outlen= (int)strlen(ifp->name)+1;
memcpy(rq->out,ifp->name,(size_t)rq->outlen);
return 0;
}

/*:222*//*224:*/
#line 916 "web/solsocket.w"

static int filter_check(const sr_sock*s,const struct sock_fprog*fp)
{
if(s->flags&SK_FILTER_LOCKED)return-EPERM;
if(!fp->filter||fp->len==0||fp->len> BPF_MAXINSNS)return-EINVAL;
for(int pc= 0;pc<fp->len;pc++)
if(!insn_ok(&fp->filter[pc],pc,fp->len))return-EINVAL;
switch(fp->filter[fp->len-1].code){
case BPF_RET|BPF_K:case BPF_RET|BPF_A:
return filter_mem_ok(fp->filter,fp->len)?0:-EINVAL;
}
return-EINVAL;
}

/*:224*//*226:*/
#line 946 "web/solsocket.w"

static bool insn_ok(const struct sock_filter*f,int pc,int len)
{
uint32_t k= f->k;
switch(f->code){
/*227:*/
#line 976 "web/solsocket.w"

case BPF_ALU|BPF_ADD|BPF_K:case BPF_ALU|BPF_ADD|BPF_X:
case BPF_ALU|BPF_SUB|BPF_K:case BPF_ALU|BPF_SUB|BPF_X:
case BPF_ALU|BPF_MUL|BPF_K:case BPF_ALU|BPF_MUL|BPF_X:
case BPF_ALU|BPF_DIV|BPF_X:case BPF_ALU|BPF_MOD|BPF_X:
case BPF_ALU|BPF_AND|BPF_K:case BPF_ALU|BPF_AND|BPF_X:
case BPF_ALU|BPF_OR|BPF_K:case BPF_ALU|BPF_OR|BPF_X:
case BPF_ALU|BPF_XOR|BPF_K:case BPF_ALU|BPF_XOR|BPF_X:
case BPF_ALU|BPF_LSH|BPF_X:case BPF_ALU|BPF_RSH|BPF_X:
case BPF_ALU|BPF_NEG:
case BPF_LD|BPF_W|BPF_LEN:case BPF_LD|BPF_W|BPF_IND:
case BPF_LD|BPF_H|BPF_IND:case BPF_LD|BPF_B|BPF_IND:
case BPF_LD|BPF_IMM:
case BPF_LDX|BPF_W|BPF_LEN:case BPF_LDX|BPF_B|BPF_MSH:
case BPF_LDX|BPF_IMM:
case BPF_MISC|BPF_TAX:case BPF_MISC|BPF_TXA:
case BPF_RET|BPF_K:case BPF_RET|BPF_A:

/*:227*/
#line 951 "web/solsocket.w"

return true;
case BPF_ALU|BPF_DIV|BPF_K:case BPF_ALU|BPF_MOD|BPF_K:
return k!=0;
case BPF_ALU|BPF_LSH|BPF_K:case BPF_ALU|BPF_RSH|BPF_K:
return k<32;
case BPF_LD|BPF_MEM:case BPF_LDX|BPF_MEM:case BPF_ST:case BPF_STX:
return k<BPF_MEMWORDS;
case BPF_JMP|BPF_JA:
return k<(uint32_t)(len-pc-1);
case BPF_JMP|BPF_JEQ|BPF_K:case BPF_JMP|BPF_JEQ|BPF_X:
case BPF_JMP|BPF_JGE|BPF_K:case BPF_JMP|BPF_JGE|BPF_X:
case BPF_JMP|BPF_JGT|BPF_K:case BPF_JMP|BPF_JGT|BPF_X:
case BPF_JMP|BPF_JSET|BPF_K:case BPF_JMP|BPF_JSET|BPF_X:
return pc+f->jt+1<len&&pc+f->jf+1<len;
case BPF_LD|BPF_W|BPF_ABS:case BPF_LD|BPF_H|BPF_ABS:
case BPF_LD|BPF_B|BPF_ABS:
return k<(uint32_t)SKF_AD_OFF||
(k-(uint32_t)SKF_AD_OFF<SKF_AD_MAX&&(k-(uint32_t)SKF_AD_OFF)%4==0);
}
return false;
}

/*:226*//*228:*/
#line 1002 "web/solsocket.w"

static bool filter_mem_ok(const struct sock_filter*f,int len)
{
uint16_t*mask= xcalloc((size_t)len,sizeof*mask),valid= 0;
bool ok= true;
memset(mask,0xff,(size_t)len*sizeof*mask);
for(int pc= 0;pc<len&&ok;pc++){
valid&= mask[pc];
if(f[pc].code==BPF_ST||f[pc].code==BPF_STX)
valid|= (uint16_t)(1u<<f[pc].k);
else if(f[pc].code==(BPF_LD|BPF_MEM)||f[pc].code==(BPF_LDX|BPF_MEM))
ok= (valid>>f[pc].k)&1;
else if(f[pc].code==(BPF_JMP|BPF_JA)){
mask[pc+1+f[pc].k]&= valid;
valid= 0xffff;
}else if(BPF_CLASS(f[pc].code)==BPF_JMP){
mask[pc+1+f[pc].jt]&= valid;
mask[pc+1+f[pc].jf]&= valid;
valid= 0xffff;
}
}
free(mask);
return ok;
}

/*:228*//*229:*/
#line 1046 "web/solsocket.w"

static int set_filter(sr_sock*s,sr_optreq*rq)
{
struct sock_fprog fp;
int err;
if(rq->len!=(int)sizeof fp)return-EINVAL;
memcpy(&fp,rq->buf,sizeof fp);
if((err= filter_check(s,&fp))!=0)return err;
free(s->filter);
s->filter= xcalloc(fp.len,sizeof*s->filter);
memcpy(s->filter,fp.filter,fp.len*sizeof*s->filter);
s->filter_len= fp.len;
s->filter_kind= SR_FILTER_CLASSIC;
return 0;
}

/*:229*//*230:*/
#line 1075 "web/solsocket.w"

static int get_filter(sr_sock*s,sr_optreq*rq)
{
socklen_t n= 0;
if(s->filter_kind==SR_FILTER_EBPF)return-EACCES;
if(s->filter_kind==SR_FILTER_CLASSIC)n= (socklen_t)s->filter_len;
if(rq->len> 0&&n> 0){
if(rq->len<(int)n)return-EINVAL;
if(!rq->ubuf)return-EFAULT;
memcpy(rq->ubuf,s->filter,n*sizeof*s->filter);
}
*rq->ulen= n;
return 0;
}

/*:230*//*231:*/
#line 1102 "web/solsocket.w"

static int bpf_prog_get(const sr_sock*s,const sr_optreq*rq)
{
if(rq->len!=(int)sizeof(uint32_t))return-EINVAL;
if(s->flags&SK_FILTER_LOCKED)return-EPERM;
if(!fd_file(W->cur,rq->val))return-EBADF;
return-EINVAL;
}

static int set_attach_bpf(sr_sock*s,sr_optreq*rq){return bpf_prog_get(s,rq);}

/*:231*//*233:*/
#line 1127 "web/solsocket.w"

static int set_detach_filter(sr_sock*s,sr_optreq*rq)
{
(void)rq;
if(s->flags&SK_FILTER_LOCKED)return-EPERM;
if(s->filter_kind==SR_FILTER_NONE)return-ENOENT;
free(s->filter);
s->filter= NULL;
s->filter_len= 0;
s->filter_kind= SR_FILTER_NONE;
return 0;
}

/*:233*//*234:*/
#line 1146 "web/solsocket.w"

static int set_lock_filter(sr_sock*s,sr_optreq*rq)
{
if((s->flags&SK_FILTER_LOCKED)&&!rq->val)return-EPERM;
return set_flag(s,rq);
}


/*:234*//*235:*/
#line 1173 "web/solsocket.w"

static int set_reuseport_cbpf(sr_sock*s,sr_optreq*rq)
{
struct sock_fprog fp;
int err;
if(rq->len!=(int)sizeof fp)return-EINVAL;
memcpy(&fp,rq->buf,sizeof fp);
if((err= filter_check(s,&fp))!=0)return err;
return reuseport_attach(s,fp.filter,fp.len);
}

static int set_reuseport_ebpf(sr_sock*s,sr_optreq*rq){return bpf_prog_get(s,rq);}
/*:235*//*238:*/
#line 39 "web/ipopt.w"

static int set_ttl(sr_sock*s,sr_optreq*rq)
{
if(rq->val==0)return-EINVAL;
s->uc_ttl= rq->val;
return 0;
}

static int get_ttl(sr_sock*s,sr_optreq*rq)
{
rq->val= s->uc_ttl==-1?sysctl_value(s->host,SYS_IP_DEFAULT_TTL):s->uc_ttl;
return 0;
}

/*:238*//*239:*/
#line 74 "web/ipopt.w"

static const unsigned char ip_tos2prio[16]= {
0,0,0,0,2,2,2,2,6,6,6,6,4,4,4,4
};

static int set_tos(sr_sock*s,sr_optreq*rq)
{
int val= rq->val;
if(s->type==SOCK_STREAM)
val= (val&~SR_INET_ECN_MASK)|(s->tos&SR_INET_ECN_MASK);
if(s->tos!=val){
s->tos= (unsigned char)val;
s->priority= ip_tos2prio[(s->tos&0x1e)>>1];
s->dst_cached= false;
}
return 0;
}


/*:239*//*243:*/
#line 137 "web/ipopt.w"

static int set_options(sr_sock*s,sr_optreq*rq)
{
unsigned char opt[SR_MAX_IPOPTLEN];
int len= rq->len,err;
bool srr;
if(len> SR_MAX_IPOPTLEN)return-EINVAL;
if(len&&!rq->buf)return-EFAULT;
memset(opt,IPOPT_END,sizeof opt);
if(len)memcpy(opt,rq->buf,(size_t)len);
len= (len+3)&~3;
if(len){
err= ip_options_compile(s->host,opt,len,&srr);
if(err)return err;
if(srr&&!proc_capable(W->cur,CAP_NET_RAW))return-EPERM;
}
memcpy(s->opt,opt,(size_t)len);
s->optlen= len;
s->opt_set= true;
return 0;
}

static int get_options(sr_sock*s,sr_optreq*rq)
{
memcpy(rq->out,s->opt,(size_t)s->optlen);
rq->outlen= s->optlen;
return 0;
}

/*:243*//*246:*/
#line 188 "web/ipopt.w"

static int ip_options_compile(sr_host*h,unsigned char*p,int len,bool*srr)
{
bool rr= false,ts= false,raw= proc_capable(W->cur,CAP_NET_RAW);
int l= len,n;
*srr= false;
while(l> 0){
if(p[0]==IPOPT_END){
memset(p,IPOPT_END,(size_t)l);
return 0;
}
if(p[0]==IPOPT_NOOP){p++;l--;continue;}
if(l<2)return-EINVAL;
n= p[1];
if(n<2||n> l)return-EINVAL;
switch(p[0]){
case IPOPT_SSRR:case IPOPT_LSRR:
if(n<3||p[2]<4||*srr)return-EINVAL;
if(p[2]!=4||n<7||((n-3)&3))return-EINVAL;
*srr= true;
break;
case IPOPT_RR:
if(rr||n<3||p[2]<4)return-EINVAL;
if(p[2]<=n){
if(p[2]+3> n)return-EINVAL;
memset(p+p[2]-1,0,4);
}
rr= true;
break;
case IPOPT_TIMESTAMP:
if(ts||n<4||p[2]<5)return-EINVAL;
if(p[2]<=n)/*247:*/
#line 238 "web/ipopt.w"

{
if(p[2]+3> n)return-EINVAL;
switch(p[3]&0xf){
case IPOPT_TS_TSONLY:
memset(p+p[2]-1,0,4);
break;
case IPOPT_TS_TSANDADDR:
if(p[2]+7> n)return-EINVAL;
memset(p+p[2]-1,0,8);
break;
case IPOPT_TS_PRESPEC:
if(p[2]+7> n)return-EINVAL;
if(!inet_addr_is_unicast(h,p+p[2]-1))memset(p+p[2]+3,0,4);
break;
default:
if(!raw)return-EINVAL;
break;
}
}

/*:247*/
#line 219 "web/ipopt.w"

else if((p[3]>>4)==15)return-EINVAL;
ts= true;
break;
case IPOPT_RA:
if(n<4)return-EINVAL;
break;
case SR_IPOPT_CIPSO:
return-EINVAL;
default:
if(!raw)return-EINVAL;
break;
}
p+= n;
l-= n;
}
return 0;
}

/*:246*//*248:*/
#line 263 "web/ipopt.w"

static bool inet_addr_is_unicast(sr_host*h,const unsigned char*a)
{
uint32_t addr;
const sr_route*r;
memcpy(&addr,a,4);
if(addr==0||addr==0xffffffffu||ipv4_is_multicast(addr))return false;
r= route_lookup(h,addr);
return!(r&&(r->type==SR_RT_LOCAL||r->type==SR_RT_BROADCAST));
}

/*:248*//*249:*/
#line 291 "web/ipopt.w"

static int set_router_alert(sr_sock*s,sr_optreq*rq)
{
bool on= (s->ipflags&IPF_ROUTER_ALERT)!=0;
if(s->type!=SOCK_RAW||s->protocol==IPPROTO_RAW)return-EINVAL;
if(rq->val&&on)return-EADDRINUSE;
if(!rq->val&&!on)return-ENOBUFS;
ip_ra_control(s,rq->val!=0);
return set_flag(s,rq);
}


/*:249*//*262:*/
#line 423 "web/ipopt.w"

static int get_mtu(sr_sock*s,sr_optreq*rq)
{
if(!s->dst_cached)return-ENOTCONN;
rq->val= sk_dst_mtu(s);
return 0;
}

/*:262*//*264:*/
#line 453 "web/ipopt.w"

static int set_multicast_if(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
sr_iface*dev;
int err;
if((err= mreq_decode(rq,&mr))!=0)return err;
if(!mr.imr_ifindex){
if(mr.imr_address.s_addr==htonl(INADDR_ANY)){
s->mc_index= 0;
s->mc_addr= 0;
return 0;
}
dev= ip_dev_find(s->host,mr.imr_address.s_addr);
if(dev)mr.imr_ifindex= dev->ifindex;
}else dev= iface_by_index(s->host,mr.imr_ifindex);
if(!dev)return-EADDRNOTAVAIL;
if(s->bound_dev_if&&mr.imr_ifindex!=s->bound_dev_if)return-EINVAL;
s->mc_index= mr.imr_ifindex;
s->mc_addr= mr.imr_address.s_addr;
return 0;
}

static int get_multicast_if(sr_sock*s,sr_optreq*rq)
{
memcpy(rq->out,&s->mc_addr,sizeof s->mc_addr);
rq->outlen= sizeof s->mc_addr;
return 0;
}

/*:264*//*265:*/
#line 492 "web/ipopt.w"

static int set_multicast_ttl(sr_sock*s,sr_optreq*rq)
{
s->mc_ttl= rq->val==-1?1:rq->val;
return 0;
}


/*:265*//*267:*/
#line 518 "web/ipopt.w"

/*:267*//*271:*/
#line 69 "web/mcast.w"

static bool ipv4_is_multicast(uint32_t addr)
{
return(ntohl(addr)&0xf0000000u)==0xe0000000u;
}

/*:271*//*272:*/
#line 83 "web/mcast.w"

static sr_iface*ip_dev_find(sr_host*h,uint32_t addr)
{
sr_iface*ifp= iface_by_addr(h,addr);
const sr_route*r;
if(ifp)return ifp;
r= route_lookup(h,addr);
if(r&&r->type==SR_RT_LOCAL)return iface_by_index(h,r->ifindex);
return NULL;
}

/*:272*//*273:*/
#line 108 "web/mcast.w"

static sr_iface*mc_find_dev(sr_host*h,uint32_t group,uint32_t addr,
int*ifindex)
{
sr_iface*dev= NULL;
if(*ifindex)return iface_by_index(h,*ifindex);
if(addr){
dev= ip_dev_find(h,addr);
if(!dev)return NULL;
}else{
const sr_route*r= route_lookup(h,group);
if(r)dev= iface_by_index(h,r->ifindex);
}
if(dev)*ifindex= dev->ifindex;
return dev;
}

/*:273*//*274:*/
#line 137 "web/mcast.w"

static int mreq_decode(const sr_optreq*rq,struct ip_mreqn*mr)
{
memset(mr,0,sizeof*mr);
if(!rq->buf)return-EFAULT;
if(rq->len>=(int)sizeof(struct ip_mreqn))
memcpy(mr,rq->buf,sizeof*mr);
else if(rq->len>=(int)sizeof(struct ip_mreq))
memcpy(mr,rq->buf,sizeof(struct ip_mreq));
else if(rq->len>=(int)sizeof(struct in_addr))
memcpy(&mr->imr_address,rq->buf,sizeof(struct in_addr));
return 0;
}

/*:274*//*276:*/
#line 175 "web/mcast.w"

static bool omem_charge(sr_sock*s,int size)
{
long long max= sysctl_value(s->host,SYS_OPTMEM_MAX);
if(size> max||s->omem+size>=max)return false;
s->omem+= size;
return true;
}

static void mc_free(sr_sock*s,sr_mcsock*m)
{
s->omem-= SR_MC_SOCKLIST_SIZE+(m->sfmax?SR_SFLSIZE(m->sfmax):0);
ip_mc_dec_group(s->host,m->ifindex,m->group);
free(m->src);
free(m);
}

/*:276*//*277:*/
#line 196 "web/mcast.w"

static sr_mcsock**mc_find(sr_sock*s,uint32_t group,int ifindex)
{
sr_mcsock**p;
for(p= &s->mc_list;*p;p= &(*p)->next)
if((*p)->group==group&&(*p)->ifindex==ifindex)break;
return p;
}

/*:277*//*278:*/
#line 216 "web/mcast.w"

static int mc_join(sr_sock*s,struct ip_mreqn*mr,int mode)
{
sr_mcsock*m;
uint32_t group= mr->imr_multiaddr.s_addr;
if(!ipv4_is_multicast(group))return-EINVAL;
if(!mc_find_dev(s->host,group,mr->imr_address.s_addr,&mr->imr_ifindex))
return-ENODEV;
if(*mc_find(s,group,mr->imr_ifindex))return-EADDRINUSE;
if(s->mc_count>=sysctl_value(s->host,SYS_IGMP_MAX_MEMBERSHIPS))
return-ENOBUFS;
if(!omem_charge(s,SR_MC_SOCKLIST_SIZE))return-ENOBUFS;
m= xcalloc(1,sizeof*m);
m->group= group;
m->addr= mr->imr_address.s_addr;
m->ifindex= mr->imr_ifindex;
m->mode= mode;
m->next= s->mc_list;
s->mc_list= m;
s->mc_count++;
ip_mc_inc_group(s->host,m->ifindex,group);
return 0;
}

/*:278*//*279:*/
#line 252 "web/mcast.w"

static int mc_leave(sr_sock*s,struct ip_mreqn*mr)
{
uint32_t group= mr->imr_multiaddr.s_addr,addr= mr->imr_address.s_addr;
sr_iface*dev= mc_find_dev(s->host,group,addr,&mr->imr_ifindex);
if(!mr->imr_ifindex&&!addr&&!dev)return-ENODEV;
for(sr_mcsock**p= &s->mc_list;*p;p= &(*p)->next){
sr_mcsock*m= *p;
if(m->group!=group)continue;
if(mr->imr_ifindex){
if(m->ifindex!=mr->imr_ifindex)continue;
}else if(addr&&addr!=m->addr)continue;
*p= m->next;
mc_free(s,m);
s->mc_count--;
return 0;
}
return-EADDRNOTAVAIL;
}

/*:279*//*280:*/
#line 274 "web/mcast.w"

static void mc_drop_all(sr_sock*s)
{
while(s->mc_list){
sr_mcsock*m= s->mc_list;
s->mc_list= m->next;
mc_free(s,m);
}
s->mc_count= 0;
}

/*:280*//*281:*/
#line 299 "web/mcast.w"

static int set_add_membership(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
int err;
if(rq->len<(int)sizeof(struct ip_mreq))return-EINVAL;
if((err= mreq_decode(rq,&mr))!=0)return err;
return mc_join(s,&mr,MCAST_EXCLUDE);
}

/*:281*//*282:*/
#line 315 "web/mcast.w"

static int set_drop_membership(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
int err;
if(rq->len<(int)sizeof(struct ip_mreq))return-EINVAL;
if((err= mreq_decode(rq,&mr))!=0)return err;
return mc_leave(s,&mr);
}

/*:282*//*283:*/
#line 345 "web/mcast.w"

static int mc_source(sr_sock*s,bool add,int omode,
const struct ip_mreq_source*mrs,int ifindex)
{
struct ip_mreqn mr;
sr_mcsock*m;
uint32_t src= mrs->imr_sourceaddr.s_addr;
int i;
if(!ipv4_is_multicast(mrs->imr_multiaddr.s_addr))return-EINVAL;
memset(&mr,0,sizeof mr);
mr.imr_multiaddr= mrs->imr_multiaddr;
mr.imr_address= mrs->imr_interface;
mr.imr_ifindex= ifindex;
if(!mc_find_dev(s->host,mr.imr_multiaddr.s_addr,mr.imr_address.s_addr,
&mr.imr_ifindex))
return-ENODEV;
m= *mc_find(s,mr.imr_multiaddr.s_addr,mr.imr_ifindex);
if(!m)return-EINVAL;
if(m->mode!=omode){
if(m->has_list)return-EINVAL;
m->mode= omode;
}
for(i= 0;i<m->nsrc&&m->src[i]!=src;i++);
if(!add)/*284:*/
#line 373 "web/mcast.w"

{
if(!m->has_list||i==m->nsrc)return-EADDRNOTAVAIL;
if(m->nsrc==1&&omode==MCAST_INCLUDE)return mc_leave(s,&mr);
memmove(&m->src[i],&m->src[i+1],(size_t)(m->nsrc-i-1)*sizeof*m->src);
m->nsrc--;
return 0;
}

/*:284*/
#line 368 "web/mcast.w"

/*285:*/
#line 386 "web/mcast.w"

if(m->has_list&&m->nsrc>=sysctl_value(s->host,SYS_IGMP_MAX_MSF))
return-ENOBUFS;
if(!m->has_list||m->nsrc==m->sfmax){
int count= (m->has_list?m->sfmax:0)+SR_SFBLOCK;
if(!omem_charge(s,SR_SFLSIZE(count)))return-ENOBUFS;
if(m->has_list)s->omem-= SR_SFLSIZE(m->sfmax);
m->sfmax= count;
m->has_list= true;
}
if(i<m->nsrc)return-EADDRNOTAVAIL;
if(m->nsrc==m->maxsrc){
m->maxsrc= m->maxsrc?2*m->maxsrc:4;
m->src= xrealloc(m->src,(size_t)m->maxsrc,sizeof*m->src);
}
m->src[m->nsrc++]= src;

/*:285*/
#line 369 "web/mcast.w"

return 0;
}

/*:283*//*286:*/
#line 408 "web/mcast.w"

static int mreq_source_decode(const sr_optreq*rq,struct ip_mreq_source*mrs)
{
if(rq->len!=(int)sizeof*mrs)return-EINVAL;
if(!rq->buf)return-EFAULT;
memcpy(mrs,rq->buf,sizeof*mrs);
return 0;
}

/*:286*//*288:*/
#line 432 "web/mcast.w"

static int set_add_source_membership(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
struct ip_mreqn mr;
int err= mreq_source_decode(rq,&mrs);
if(err)return err;
memset(&mr,0,sizeof mr);
mr.imr_multiaddr= mrs.imr_multiaddr;
mr.imr_address= mrs.imr_interface;
err= mc_join(s,&mr,MCAST_INCLUDE);
if(err&&err!=-EADDRINUSE)return err;
return mc_source(s,true,MCAST_INCLUDE,&mrs,0);
}

/*:288*//*289:*/
#line 455 "web/mcast.w"

static int set_drop_source_membership(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int err= mreq_source_decode(rq,&mrs);
return err?err:mc_source(s,false,MCAST_INCLUDE,&mrs,0);
}

/*:289*//*290:*/
#line 469 "web/mcast.w"

static int set_block_source(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int err= mreq_source_decode(rq,&mrs);
return err?err:mc_source(s,true,MCAST_EXCLUDE,&mrs,0);
}

/*:290*//*291:*/
#line 483 "web/mcast.w"

static int set_unblock_source(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int err= mreq_source_decode(rq,&mrs);
return err?err:mc_source(s,false,MCAST_EXCLUDE,&mrs,0);
}

/*:291*//*292:*/
#line 513 "web/mcast.w"

static int set_msfilter(sr_sock*s,sr_optreq*rq)
{
struct ip_msfilter hdr;
uint32_t n;
if(rq->len<(int)IP_MSFILTER_SIZE(0))return-EINVAL;
if(rq->len> sysctl_value(s->host,SYS_OPTMEM_MAX))return-ENOBUFS;
if(!rq->buf)return-EFAULT;
memcpy(&hdr,rq->buf,IP_MSFILTER_SIZE(0));
n= hdr.imsf_numsrc;
if(n>=0x3ffffffcu||n> (uint32_t)sysctl_value(s->host,SYS_IGMP_MAX_MSF))
return-ENOBUFS;
if((long)IP_MSFILTER_SIZE(n)> rq->len)return-EINVAL;
return mc_msfilter(s,hdr.imsf_multiaddr.s_addr,hdr.imsf_interface.s_addr,0,
hdr.imsf_fmode,n,rq->buf+IP_MSFILTER_SIZE(0));
}

/*:292*//*293:*/
#line 535 "web/mcast.w"

static int mc_msfilter(sr_sock*s,uint32_t group,uint32_t ifaddr,int ifindex,
uint32_t fmode,uint32_t n,const void*src)
{
struct ip_mreqn mr;
sr_mcsock*m;
if(!ipv4_is_multicast(group))return-EINVAL;
if(fmode!=MCAST_INCLUDE&&fmode!=MCAST_EXCLUDE)return-EINVAL;
memset(&mr,0,sizeof mr);
mr.imr_multiaddr.s_addr= group;
mr.imr_address.s_addr= ifaddr;
mr.imr_ifindex= ifindex;
if(!mc_find_dev(s->host,group,ifaddr,&mr.imr_ifindex))return-ENODEV;
if(fmode==MCAST_INCLUDE&&n==0)return mc_leave(s,&mr);
m= *mc_find(s,group,mr.imr_ifindex);
if(!m)return-EINVAL;
/*294:*/
#line 557 "web/mcast.w"

if(n&&!omem_charge(s,SR_SFLSIZE((int)n)))return-ENOBUFS;
if(m->has_list)s->omem-= SR_SFLSIZE(m->sfmax);
m->sfmax= (int)n;
if((int)n> m->maxsrc){
m->maxsrc= (int)n;
m->src= xrealloc(m->src,(size_t)m->maxsrc,sizeof*m->src);
}
if(n)memcpy(m->src,src,n*sizeof*m->src);
m->nsrc= (int)n;
m->has_list= n> 0;
m->mode= (int)fmode;

/*:294*/
#line 551 "web/mcast.w"

return 0;
}

/*:293*//*295:*/
#line 586 "web/mcast.w"

static int get_msfilter(sr_sock*s,sr_optreq*rq)
{
struct ip_msfilter hdr;
struct ip_mreqn mr;
sr_mcsock*m;
uint32_t copy;
int size;
if(rq->len<(int)IP_MSFILTER_SIZE(0))return-EINVAL;
if(!rq->ubuf)return-EFAULT;
memcpy(&hdr,rq->ubuf,IP_MSFILTER_SIZE(0));
if(!ipv4_is_multicast(hdr.imsf_multiaddr.s_addr))return-EINVAL;
memset(&mr,0,sizeof mr);
mr.imr_multiaddr= hdr.imsf_multiaddr;
mr.imr_address= hdr.imsf_interface;
if(!mc_find_dev(s->host,mr.imr_multiaddr.s_addr,mr.imr_address.s_addr,
&mr.imr_ifindex))
return-ENODEV;
m= *mc_find(s,mr.imr_multiaddr.s_addr,mr.imr_ifindex);
if(!m)return-EADDRNOTAVAIL;
copy= (uint32_t)m->nsrc<hdr.imsf_numsrc?(uint32_t)m->nsrc:hdr.imsf_numsrc;
hdr.imsf_fmode= (uint32_t)m->mode;
hdr.imsf_numsrc= (uint32_t)m->nsrc;
size= (int)IP_MSFILTER_SIZE(copy);
*rq->ulen= (socklen_t)size;
memcpy(rq->ubuf,&hdr,IP_MSFILTER_SIZE(0));
if(copy)memcpy((char*)rq->ubuf+IP_MSFILTER_SIZE(0),m->src,
copy*sizeof*m->src);
return 0;
}
/*:295*//*298:*/
#line 34 "web/wire.w"

static uint16_t get16(const uint8_t*p)
{
return(uint16_t)(p[0]<<8|p[1]);
}

static void put16(uint8_t*p,uint16_t v)
{
p[0]= (uint8_t)(v>>8);
p[1]= (uint8_t)v;
}

static uint32_t get_addr(const uint8_t*p)
{
uint32_t a;
memcpy(&a,p,4);
return a;
}

static void put_addr(uint8_t*p,uint32_t a)
{
memcpy(p,&a,4);
}

/*:298*//*300:*/
#line 79 "web/wire.w"

static uint32_t csum_add(uint32_t sum,const uint8_t*p,size_t n)
{
uint64_t acc= 0,w;
uint16_t h;
for(;n>=8;p+= 8,n-= 8){
memcpy(&w,p,8);
acc+= w;
acc+= acc<w;
}
acc= (acc&0xffffffffu)+(acc>>32);
if(n>=4){uint32_t v;memcpy(&v,p,4);acc+= v;p+= 4,n-= 4;}
if(n>=2){memcpy(&h,p,2);acc+= h;p+= 2,n-= 2;}
if(n){uint8_t last[2]= {p[0],0};memcpy(&h,last,2);acc+= h;}
while(acc>>16)acc= (acc&0xffff)+(acc>>16);
acc= (uint64_t)sum+ntohs((uint16_t)acc);
while(acc>>32)acc= (acc&0xffffffffu)+(acc>>32);
return(uint32_t)acc;
}

static uint16_t csum_fold(uint32_t sum)
{
while(sum>>16)sum= (sum&0xffff)+(sum>>16);
return(uint16_t)~sum;
}

static uint16_t inet_csum(const uint8_t*p,size_t n)
{
return csum_fold(csum_add(0,p,n));
}

/*:300*//*302:*/
#line 120 "web/wire.w"

static uint32_t csum_pseudo(uint32_t saddr,uint32_t daddr,uint8_t proto,
size_t len)
{
uint8_t tail[4]= {0,proto,(uint8_t)(len>>8),(uint8_t)len};
uint32_t w;
uint64_t acc;
memcpy(&w,tail,4);
acc= (uint64_t)saddr+daddr+w;
while(acc>>16)acc= (acc&0xffff)+(acc>>16);
return ntohs((uint16_t)acc);
}

/*:302*//*304:*/
#line 143 "web/wire.w"

static uint16_t ip_fast_csum(const uint8_t*p,size_t hl)
{
uint32_t w[5];
uint64_t acc;
memcpy(w,p,sizeof w);
acc= (uint64_t)w[0]+w[1]+w[2]+w[3]+w[4];
for(size_t i= SR_IPHDR_LEN;i+4<=hl;i+= 4){
uint32_t o;
memcpy(&o,p+i,4);
acc+= o;
}
while(acc>>16)acc= (acc&0xffff)+(acc>>16);
return(uint16_t)~ntohs((uint16_t)acc);
}

/*:304*//*307:*/
#line 192 "web/wire.w"

static bool ipv4_parse(const uint8_t*p,size_t len,struct sr_ipv4*ip)
{
size_t ihl,tot_len;
if(len<SR_IPHDR_LEN||p[0]>>4!=4)return false;
ihl= (size_t)(p[0]&0xf)*4;
tot_len= get16(p+2);
if(ihl<SR_IPHDR_LEN||ihl> len)return false;
if(tot_len<ihl||tot_len> len)return false;
if(ip_fast_csum(p,ihl)!=0)return false;
ipv4_read(p,ip);
return true;
}

static void ipv4_read(const uint8_t*p,struct sr_ipv4*ip)
{
ip->ihl= (uint8_t)((p[0]&0xf)*4);
ip->tot_len= get16(p+2);
ip->tos= p[1];
ip->id= get16(p+4);
ip->frag_off= get16(p+6);
ip->ttl= p[8];
ip->protocol= p[9];
ip->saddr= get_addr(p+12);
ip->daddr= get_addr(p+16);
ip->opt= p+SR_IPHDR_LEN;
ip->optlen= ip->ihl-SR_IPHDR_LEN;
}

/*:307*//*308:*/
#line 229 "web/wire.w"

static void ipv4_emit(uint8_t*p,const struct sr_ipv4*ip)
{
int hl= SR_IPHDR_LEN+ip->optlen;
uint32_t sa= ntohl(ip->saddr),da= ntohl(ip->daddr),sum;
p[0]= (uint8_t)(0x40|hl/4);
p[1]= ip->tos;
put16(p+2,ip->tot_len);
put16(p+4,ip->id);
put16(p+6,ip->frag_off);
p[8]= ip->ttl;
p[9]= ip->protocol;
put_addr(p+12,ip->saddr);
put_addr(p+16,ip->daddr);
sum= (uint32_t)(p[0]<<8|ip->tos)+ip->tot_len+ip->id+ip->frag_off+
(uint32_t)(ip->ttl<<8|ip->protocol)+(sa>>16)+(sa&0xffff)+(da>>16)+
(da&0xffff);
if(ip->optlen){
if(ip->opt!=p+SR_IPHDR_LEN)memcpy(p+SR_IPHDR_LEN,ip->opt,(size_t)ip->optlen);
sum= csum_add(sum,p+SR_IPHDR_LEN,(size_t)ip->optlen);
}
put16(p+10,csum_fold(sum));
}

/*:308*//*310:*/
#line 260 "web/wire.w"

static void ipv4_recsum(uint8_t*p)
{
size_t hl= (size_t)(p[0]&0xf)*4;
put16(p+10,0);
put16(p+10,ip_fast_csum(p,hl));
}

/*:310*//*313:*/
#line 300 "web/wire.w"

static bool udp_parse(const uint8_t*p,size_t len,uint32_t saddr,
uint32_t daddr,uint8_t proto,struct sr_udp*u)
{
if(len<SR_UDPHDR_LEN)return false;
u->sport= get16(p);
u->dport= get16(p+2);
u->len= get16(p+4);
u->check= get16(p+6);
if(u->len<SR_UDPHDR_LEN||u->len> len)return false;
if(u->check&&
csum_fold(csum_add(csum_pseudo(saddr,daddr,proto,u->len),p,
u->len))!=0)
return false;
u->data= p+SR_UDPHDR_LEN;
u->datalen= u->len-SR_UDPHDR_LEN;
return true;
}

static void udp_emit(uint8_t*p,uint16_t sport,uint16_t dport,
const void*data,size_t datalen,uint32_t saddr,uint32_t daddr)
{
size_t len= SR_UDPHDR_LEN+datalen;
uint16_t c;
put16(p,sport);
put16(p+2,dport);
put16(p+4,(uint16_t)len);
put16(p+6,0);
if(datalen&&data!=p+SR_UDPHDR_LEN)memmove(p+SR_UDPHDR_LEN,data,datalen);
c= csum_fold(csum_add(csum_pseudo(saddr,daddr,IPPROTO_UDP,len),p,len));
put16(p+6,c?c:0xffff);
}

/*:313*//*315:*/
#line 364 "web/wire.w"

static void udp_csum_partial(uint8_t*p,size_t len,uint32_t saddr,uint32_t daddr,
uint8_t proto)
{
put16(p+6,(uint16_t)~csum_fold(csum_pseudo(saddr,daddr,proto,len)));
}

static void udp_csum_complete(uint8_t*ip)
{
size_t hl= (size_t)(ip[0]&0xf)*4,len= (size_t)get16(ip+2)-hl;
uint16_t c= csum_fold(csum_add(0,ip+hl,len));
put16(ip+hl+6,c?c:0xffff);
}

/*:315*//*318:*/
#line 401 "web/wire.w"

static bool icmp_parse(const uint8_t*p,size_t len,struct sr_icmp*ic)
{
if(len<SR_ICMPHDR_LEN||inet_csum(p,len)!=0)return false;
ic->type= p[0];
ic->code= p[1];
ic->rest= (uint32_t)get16(p+4)<<16|get16(p+6);
ic->data= p+SR_ICMPHDR_LEN;
ic->datalen= len-SR_ICMPHDR_LEN;
return true;
}

static void icmp_emit(uint8_t*p,const struct sr_icmp*ic)
{
p[0]= ic->type;
p[1]= ic->code;
put16(p+2,0);
put16(p+4,(uint16_t)(ic->rest>>16));
put16(p+6,(uint16_t)ic->rest);
if(ic->datalen&&ic->data!=p+SR_ICMPHDR_LEN)
memmove(p+SR_ICMPHDR_LEN,ic->data,ic->datalen);
put16(p+2,inet_csum(p,SR_ICMPHDR_LEN+ic->datalen));
}

/*:318*//*322:*/
#line 464 "web/wire.w"

static uint8_t*ipopt_next(uint8_t*opt,int optlen,int*pos)
{
while(*pos<optlen){
uint8_t*p= opt+*pos;
if(p[0]==IPOPT_END)return NULL;
if(p[0]==IPOPT_NOOP){(*pos)++;continue;}
if(optlen-*pos<2||p[1]<2||p[1]> optlen-*pos)return NULL;
*pos+= p[1];
return p;
}
return NULL;
}

static uint32_t inet_current_timestamp(void)
{
uint64_t ms= W->now_ns/1000000u;
return htonl((uint32_t)(ms%86400000u));
}

static void ip_options_build(sr_host*h,uint8_t*opt,int optlen,
uint32_t saddr,uint32_t daddr)
{
uint8_t*p;
for(int pos= 0;(p= ipopt_next(opt,optlen,&pos))!=NULL;){
int n= p[1];
switch(p[0]){
case IPOPT_RR:
if(p[2]+3<=n){put_addr(p+p[2]-1,saddr);p[2]+= 4;}
break;
case IPOPT_TIMESTAMP:
/*323:*/
#line 507 "web/wire.w"

{
uint32_t now= inet_current_timestamp();
if(p[2]+3> n)break;
switch(p[3]&0xf){
case IPOPT_TS_TSONLY:
memcpy(p+p[2]-1,&now,4);
p[2]+= 4;
break;
case IPOPT_TS_TSANDADDR:
if(p[2]+7> n)break;
put_addr(p+p[2]-1,saddr);
memcpy(p+p[2]+3,&now,4);
p[2]+= 8;
break;
case IPOPT_TS_PRESPEC:
if(p[2]+7> n)break;
if(ip_dev_find(h,get_addr(p+p[2]-1))){
memcpy(p+p[2]+3,&now,4);
p[2]+= 8;
}
break;
}
}

/*:323*/
#line 495 "web/wire.w"

break;
case IPOPT_LSRR:case IPOPT_SSRR:
if(n>=7){
memmove(p+3,p+7,(size_t)(n-7));
put_addr(p+n-4,daddr);
}
break;
}
}
}

/*:322*//*324:*/
#line 536 "web/wire.w"

static bool ip_options_first_hop(const uint8_t*opt,int optlen,
uint32_t*faddr)
{
uint8_t*p;
for(int pos= 0;(p= ipopt_next((uint8_t*)opt,optlen,&pos))!=NULL;)
if((p[0]==IPOPT_LSRR||p[0]==IPOPT_SSRR)&&p[1]>=7){
*faddr= get_addr(p+3);
return true;
}
return false;
}

/*:324*//*326:*/
#line 563 "web/wire.w"

static void ip_options_fragment(uint8_t*opt,int optlen)
{
uint8_t*p;
for(int pos= 0;(p= ipopt_next(opt,optlen,&pos))!=NULL;)
if(!(p[0]&IPOPT_COPY))memset(p,IPOPT_NOOP,p[1]);
}
/*:326*//*330:*/
#line 75 "web/link.w"

static size_t htab_slot(const sr_htab*t,uint64_t k0,uint64_t k1)
{
uint64_t x= ((k0>>16)^k1*0xbf58476d1ce4e5b9u)*0x9e3779b97f4a7c15u;
return(size_t)((x>>t->shift)^(k0&0xffff))&(t->nb-1);
}

static sr_hent*htab_find(const sr_htab*t,uint64_t k0,uint64_t k1)
{
if(!t->nb)return NULL;
for(sr_hent*e= t->b[htab_slot(t,k0,k1)];e;e= e->next)
if(e->k0==k0&&e->k1==k1)return e;
return NULL;
}

static void htab_grow(sr_htab*t)
{
size_t s;
sr_htab g= {xcalloc(t->nb?2*t->nb:16,sizeof(sr_hent*)),
t->nb?2*t->nb:16,0,t->nb?t->shift-1:60};
for(size_t i= 0;i<t->nb;i++)
while(t->b[i]){
sr_hent*x= t->b[i];
t->b[i]= x->next;
s= htab_slot(&g,x->k0,x->k1);
x->next= g.b[s];
g.b[s]= x;
}
free(t->b);
t->b= g.b;
t->nb= g.nb;
t->shift= g.shift;
}

static inline void htab_grow_if_full(sr_htab*t)
{
if(t->n>=t->nb)htab_grow(t);
}

static void htab_insert(sr_htab*t,sr_hent*e)
{
size_t s;
htab_grow_if_full(t);
s= htab_slot(t,e->k0,e->k1);
e->next= t->b[s];
t->b[s]= e;
t->n++;
}

static sr_hent**htab_where(sr_htab*t,uint64_t k0,uint64_t k1)
{
sr_hent**at;
htab_grow_if_full(t);
for(at= &t->b[htab_slot(t,k0,k1)];*at;at= &(*at)->next)
if((*at)->k0==k0&&(*at)->k1==k1)break;
return at;
}

static void htab_link(sr_htab*t,sr_hent**at,sr_hent*e)
{
e->next= *at;
*at= e;
t->n++;
}

static void htab_remove(sr_htab*t,sr_hent*e)
{
sr_hent**p= &t->b[htab_slot(t,e->k0,e->k1)];
while(*p!=e)p= &(*p)->next;
*p= e->next;
t->n--;
}

static void htab_free(sr_htab*t,void(*fn)(sr_hent*))
{
for(size_t i= 0;i<t->nb;i++)
while(t->b[i]){
sr_hent*x= t->b[i];
t->b[i]= x->next;
fn(x);
}
free(t->b);
t->b= NULL;
t->nb= t->n= 0;
}

/*:330*//*333:*/
#line 174 "web/link.w"

static uint64_t rng_next(void)
{
uint64_t z= (W->rng+= 0x9e3779b97f4a7c15u);
z= (z^(z>>30))*0xbf58476d1ce4e5b9u;
z= (z^(z>>27))*0x94d049bb133111ebu;
return z^(z>>31);
}

static double rng_unit(void)
{
return(double)(rng_next()>>11)*(1.0/9007199254740992.0);
}

void sr_world_seed(uint64_t seed)
{
world_ready();
W->rng= seed;
}

/*:333*//*339:*/
#line 275 "web/link.w"

static sr_pkt*pkt_alloc(size_t headroom,size_t len)
{
if(headroom<sizeof(sr_pkt))headroom= sizeof(sr_pkt);
return pkt_init(xmalloc(headroom+len),headroom,len);
}

static sr_pkt*pkt_init(void*buf,size_t headroom,size_t len)
{
sr_pkt*p= buf;
p->len= len;
p->data= (uint8_t*)p+headroom;
p->sk= NULL;
p->truesize= 0;
p->held= false;
p->csum_partial= false;
p->local= false;
p->last= false;
p->frag_max= 0;
p->iif= 0;
p->tx_flags= 0;
p->mark= 0;
return p;
}

static sr_pkt*pkt_new(const void*data,size_t len)
{
sr_pkt*p= pkt_alloc(sizeof*p,len);
if(data)memcpy(p->data,data,len);
else memset(p->data,0,len);
return p;
}

static sr_pkt*pkt_clone(const sr_pkt*p)
{
sr_pkt*c= pkt_new(p->data,p->len);
c->csum_partial= p->csum_partial;
c->frag_max= p->frag_max;
c->mark= p->mark;
return c;
}

/*:339*//*340:*/
#line 320 "web/link.w"

static bool ev_before(const sr_event*a,const sr_event*b)
{
return a->t<b->t||(a->t==b->t&&a->seq<b->seq);
}

static void ev_push(sr_event*e)
{
size_t i;
if(W->nev==W->evcap){
W->evcap= W->evcap?2*W->evcap:64;
W->ev= xrealloc(W->ev,W->evcap,sizeof*W->ev);
}
e->seq= W->evseq++;
i= W->nev++;
while(i> 0&&ev_before(e,&W->ev[(i-1)/2])){
W->ev[i]= W->ev[(i-1)/2];
i= (i-1)/2;
}
W->ev[i]= *e;
}

static sr_event ev_pop(void)
{
sr_event top= W->ev[0],last= W->ev[--W->nev];
size_t i= 0;
for(;;){
size_t c= 2*i+1;
if(c>=W->nev)break;
if(c+1<W->nev&&ev_before(&W->ev[c+1],&W->ev[c]))c++;
if(!ev_before(&W->ev[c],&last))break;
W->ev[i]= W->ev[c];
i= c;
}
if(W->nev)W->ev[i]= last;
return top;
}

/*:340*//*341:*/
#line 369 "web/link.w"

static inline void net_run(void)
{
if(ev_due_now())net_run_due();
}

static void net_run_due(void)
{
while(W->nev&&W->ev[0].t<=W->now_ns){
sr_event e= ev_pop();
sr_host*h= host_by_id(e.host);
switch(e.kind){
case EV_RX:dev_rcv(h,e.ifindex,e.pkt,e.rt_type);break;
case EV_FRAG_EXPIRE:ip_frag_expire(h,e.k0,e.k1,e.serial);break;
case EV_NEIGH_PROBE:neigh_probe(h,e.k0,e.serial);break;
case EV_ITIMER:itimer_fire((pid_t)e.k0,e.serial);break;
}
}
}

static bool net_next_event(uint64_t*t)
{
if(!W->nev)return false;
*t= W->ev[0].t;
return true;
}

/*:341*//*342:*/
#line 402 "web/link.w"

void sr_advance_ns(uint64_t ns)
{
uint64_t target;
world_ready();
target= W->now_ns+ns<W->now_ns?UINT64_MAX:W->now_ns+ns;
uint64_t t;
net_run();
signal_deliver_all(true);
while(net_next_event(&t)&&t<=target){
if(t> W->now_ns)W->now_ns= t;
net_run();
signal_deliver_all(true);
}
if(W->now_ns<target)W->now_ns= target;
}

/*:342*//*347:*/
#line 466 "web/link.w"

int sr_lan_new(int mtu)
{
world_ready();
if(mtu!=0&&(mtu<SR_MIN_MTU||mtu> SR_IP_MAX_MTU))
return sys_return(-EINVAL);
W->lan= xrealloc(W->lan,(size_t)W->nlans+2,sizeof*W->lan);
W->nlans++;
memset(&W->lan[W->nlans],0,sizeof W->lan[0]);
W->lan[W->nlans].mtu= mtu;
return W->nlans;
}

int sr_lan_attach(int lan,int host,int ifindex)
{
sr_host*h;
sr_iface*ifp;
sr_lan*l;
world_ready();
if(lan<1||lan> W->nlans)return sys_return(-ENOENT);
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(!(ifp= iface_by_index(h,ifindex)))return sys_return(-ENODEV);
if(ifp->flags&IFF_LOOPBACK)return sys_return(-EINVAL);
if(ifp->lan)return sys_return(-EBUSY);
l= &W->lan[lan];
l->port= xrealloc(l->port,(size_t)l->nports+1,sizeof*l->port);
l->port[l->nports].host= host;
l->port[l->nports++].ifindex= ifindex;
ifp->lan= lan;
if(l->mtu)ifp->mtu= l->mtu;
return 0;
}

/*:347*//*348:*/
#line 501 "web/link.w"

int sr_lan_configure(int lan,const struct sr_lan_config*cfg)
{
world_ready();
if(lan<1||lan> W->nlans)return sys_return(-ENOENT);
if(!cfg)return sys_return(-EFAULT);
if(!(cfg->loss>=0&&cfg->loss<=1)||
!(cfg->duplicate>=0&&cfg->duplicate<=1)||
!(cfg->reorder>=0&&cfg->reorder<=1))
return sys_return(-EINVAL);
W->lan[lan].cfg= *cfg;
return 0;
}

/*:348*//*352:*/
#line 576 "web/link.w"

static void dev_xmit(sr_host*h,int ifindex,uint32_t nexthop,bool bcast,
sr_pkt*pkt)
{
sr_iface*ifp= iface_by_index(h,ifindex);
if(!ifp||!(ifp->flags&IFF_UP)){free(pkt);return;}
if(!(ifp->flags&IFF_LOOPBACK)){
dev_xmit_lan(h,ifp,ifindex,nexthop,bcast,pkt);
return;
}
dev_tap(h,ifindex,pkt);
if(loop_short_cut(pkt)){
pkt->last= false;
if(!udp_loop_rcv(h,ifindex,pkt))ip_local_deliver(h,ifindex,pkt,SR_RT_LOCAL);
}else dev_loop(h,ifindex,pkt,pkt->local?SR_RT_LOCAL:-1);
}

static inline void dev_tap(sr_host*h,int ifindex,sr_pkt*pkt)
{
if(pkt->tx_flags||W->ncaps)dev_tap_frame(h,ifindex,pkt);
}

SR_OUT_OF_LINE static void dev_tap_frame(sr_host*h,int ifindex,sr_pkt*pkt)
{
if(pkt->tx_flags)dev_tx_tstamp(ifindex,pkt);
pcap_record(h,ifindex,pkt,true);
}

static void dev_xmit_lan(sr_host*h,sr_iface*ifp,int ifindex,uint32_t nexthop,
bool bcast,sr_pkt*pkt)
{
sr_lan*l;
int owner= -1;
bool last= pkt->last;
pkt->last= false;
if(bcast)dev_tap(h,ifindex,pkt);
if(!ifp->lan){free(pkt);return;}
l= &W->lan[ifp->lan];
pkt->mark= 0;
if(!bcast)owner= lan_owner(h,ifindex,l,nexthop);
if(!bcast&&owner<0){neigh_enqueue(h,ifindex,nexthop,pkt);return;}
if(!bcast)dev_tap(h,ifindex,pkt);
if(l->mtu&&pkt->len> (size_t)l->mtu){free(pkt);return;}
for(int i= 0;i<l->nports;i++){
struct sr_port*pt= &l->port[i];
if(bcast&&!(pt->host==h->id&&pt->ifindex==ifindex))
lan_carry(l,pt,pkt_clone(pkt));
}
if(bcast)free(pkt);
else if(last&&lan_short_cut(l)){
const struct sr_port*pt= &l->port[owner];
dev_rcv(host_by_id(pt->host),pt->ifindex,pkt,-1);
}else lan_carry(l,&l->port[owner],pkt);
}

/*:352*//*353:*/
#line 636 "web/link.w"

static int lan_owner(const sr_host*h,int ifindex,const sr_lan*l,uint32_t addr)
{
for(int i= 0;i<l->nports;i++){
const struct sr_port*pt= &l->port[i];
if(!(pt->host==h->id&&pt->ifindex==ifindex)&&port_owns(pt,addr))return i;
}
return-1;
}

static bool port_owns(const struct sr_port*pt,uint32_t addr)
{
sr_host*th= host_by_id(pt->host);
sr_iface*tif= iface_by_index(th,pt->ifindex);
const sr_route*r;
if(!(tif->flags&IFF_UP))return false;
r= route_lookup(th,addr);
return r&&r->type==SR_RT_LOCAL;
}

/*:353*//*354:*/
#line 663 "web/link.w"

static void lan_carry(sr_lan*l,const struct sr_port*pt,sr_pkt*pkt)
{
int copies= 1;
if(l->cfg.loss> 0&&rng_unit()<l->cfg.loss){free(pkt);return;}
if(l->cfg.duplicate> 0&&rng_unit()<l->cfg.duplicate)copies= 2;
while(copies--){
sr_event e= {.t= W->now_ns+l->cfg.delay_ns,.kind= EV_RX,.host= pt->host,
.ifindex= pt->ifindex,.rt_type= -1};
if(l->cfg.jitter_ns)
e.t+= (uint64_t)(rng_unit()*(double)(l->cfg.jitter_ns+1));
if(l->cfg.reorder> 0&&rng_unit()<l->cfg.reorder)e.t+= l->cfg.reorder_ns;
e.pkt= copies?pkt_clone(pkt):pkt;
ev_push(&e);
}
}

/*:354*//*356:*/
#line 692 "web/link.w"

static void dev_loop(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type)
{
sr_event e= {.t= W->now_ns,.kind= EV_RX,.host= h->id,.ifindex= ifindex,
.pkt= pkt,.rt_type= rt_type};
ev_push(&e);
}

/*:356*//*357:*/
#line 754 "web/link.w"

static bool loop_short_cut(const sr_pkt*pkt)
{
return pkt->last&&pkt->local&&pkt->data[0]==0x45&&
!(get16(pkt->data+6)&(IP_MF|IP_OFFMASK))&&!ev_due_now();
}

static bool ev_due_now(void)
{
return W->nev&&W->ev[0].t<=W->now_ns;
}

/*:357*//*358:*/
#line 795 "web/link.w"

static bool lan_short_cut(const sr_lan*l)
{
const struct sr_lan_config*c= &l->cfg;
return!c->delay_ns&&!c->jitter_ns&&!(c->loss> 0)&&!(c->duplicate> 0)&&
!(c->reorder> 0)&&!ev_due_now();
}

/*:358*//*359:*/
#line 806 "web/link.w"

static void dev_rcv(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type)
{
sr_iface*ifp= iface_by_index(h,ifindex);
if(!(ifp->flags&IFF_UP)){free(pkt);return;}
if(rt_type<0&&!(ifp->flags&IFF_LOOPBACK))pcap_record(h,ifindex,pkt,false);
ip_rcv(h,ifindex,pkt,rt_type);
}

/*:359*//*361:*/
#line 826 "web/link.w"

int sr_inject(int host,int ifindex,const void*datagram,size_t len)
{
sr_host*h;
world_ready();
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(!iface_by_index(h,ifindex))return sys_return(-ENODEV);
if(!datagram)return sys_return(-EFAULT);
if(len==0||len> SR_IP_MAXPACKET)return sys_return(-EINVAL);
dev_rcv(h,ifindex,pkt_new(datagram,len),-1);
net_run();
return 0;
}

/*:361*//*367:*/
#line 886 "web/link.w"

static void neigh_free(sr_hent*e)
{
sr_neigh*n= (sr_neigh*)e;
for(int i= 0;i<n->nq;i++){pkt_release(n->q[i]);free(n->q[i]);}
free(n->q);
free(n);
}

static void neigh_schedule(sr_host*h,sr_neigh*n)
{
sr_event e;
memset(&e,0,sizeof e);
e.t= W->now_ns+SR_ARP_RETRANS_NS;
e.kind= EV_NEIGH_PROBE;
e.host= h->id;
e.k0= n->h.k0;
e.serial= n->serial;
ev_push(&e);
}

static void neigh_enqueue(sr_host*h,int ifindex,uint32_t nexthop,sr_pkt*pkt)
{
uint64_t key= (uint64_t)ifindex<<32|nexthop;
sr_neigh*n= (sr_neigh*)htab_find(&h->neigh,key,0);
if(!n){
n= xcalloc(1,sizeof*n);
n->h.k0= key;
n->serial= ++h->serial;
htab_insert(&h->neigh,&n->h);
neigh_schedule(h,n);
}
n->q= xrealloc(n->q,(size_t)n->nq+1,sizeof*n->q);
n->q[n->nq++]= pkt;
n->qbytes+= pkt->len;
pkt_hold(pkt);
while(n->qbytes> SR_UNRES_QLEN_BYTES&&n->nq> 1){
n->qbytes-= n->q[0]->len;
pkt_release(n->q[0]);
free(n->q[0]);
memmove(n->q,n->q+1,(size_t)--n->nq*sizeof*n->q);
}
}

/*:367*//*368:*/
#line 934 "web/link.w"

static void neigh_probe(sr_host*h,uint64_t key,uint64_t serial)
{
sr_neigh*n= (sr_neigh*)htab_find(&h->neigh,key,0);
int ifindex= (int)(key>>32);
uint32_t nexthop= (uint32_t)key;
bool resolved= false;
sr_iface*ifp= iface_by_index(h,ifindex);
if(!n||n->serial!=serial)return;
if(ifp->lan)resolved= lan_owner(h,ifindex,&W->lan[ifp->lan],nexthop)>=0;
if(!resolved&&++n->probes<SR_ARP_PROBES){neigh_schedule(h,n);return;}
htab_remove(&h->neigh,&n->h);
for(int i= 0;i<n->nq;i++){
if(resolved&&n->q[i]->tx_flags)dev_tx_tstamp(ifindex,n->q[i]);
pkt_release(n->q[i]);
if(resolved)dev_xmit(h,ifindex,nexthop,false,n->q[i]);
else{
icmp_send(h,n->q[i]->data,n->q[i]->len,ICMP_DEST_UNREACH,
ICMP_HOST_UNREACH,0,SR_RT_UNICAST,0);
free(n->q[i]);
}
}
n->nq= 0;
neigh_free(&n->h);
}
/*:368*//*373:*/
#line 62 "web/ip.w"

static uint32_t inet_select_addr(sr_host*h,const sr_iface*dev,uint32_t dst,
int scope)
{
uint32_t addr= 0;
for(int i= 0;dev&&i<dev->naddr;i++){
const struct sr_ifaddr*a= &dev->addr[i];
if(a->secondary||a->scope> scope)continue;
if(!dst||((a->addr^dst)&prefix_mask(a->prefixlen))==0)return a->addr;
if(!addr)addr= a->addr;
}
if(addr)return addr;
for(int k= 0;k<h->nifs;k++)
for(int i= 0;i<h->ifs[k].naddr;i++){
const struct sr_ifaddr*a= &h->ifs[k].addr[i];
if(!a->secondary&&a->scope<=scope&&a->scope!=RT_SCOPE_LINK)
return a->addr;
}
return 0;
}

/*:373*//*374:*/
#line 137 "web/ip.w"

static int ip_route_output(sr_host*h,const struct sr_flow*fl,
struct sr_rtres*rt)
{
uint32_t saddr= fl->saddr,daddr= fl->daddr;
int oif= fl->oif,err;
int scope= fl->dontroute?RT_SCOPE_LINK:RT_SCOPE_UNIVERSE;
int type= SR_RT_UNICAST;
const sr_route*r= NULL;
sr_iface*dev= NULL;
memset(rt,0,sizeof*rt);
/*375:*/
#line 179 "web/ip.w"

if(saddr){
if(ipv4_is_multicast(saddr)||ipv4_is_lbcast(saddr)||ipv4_is_zeronet(saddr))
return-EINVAL;
if(!oif&&(ipv4_is_multicast(daddr)||ipv4_is_lbcast(daddr))){
if(!(dev= ip_dev_find(h,saddr)))return-ENETUNREACH;
goto make_route;
}
if(!fl->freebind&&!ip_dev_find(h,saddr))return-ENETUNREACH;
}

/*:375*/
#line 148 "web/ip.w"

/*376:*/
#line 190 "web/ip.w"

if(oif){
if(!(dev= iface_by_index(h,oif)))return-ENODEV;
if(!(dev->flags&IFF_UP))return-ENETUNREACH;
if(ipv4_is_local_multicast(daddr)||ipv4_is_lbcast(daddr)){
if(!saddr)saddr= inet_select_addr(h,dev,0,RT_SCOPE_LINK);
goto make_route;
}
if(!saddr){
if(ipv4_is_multicast(daddr))saddr= inet_select_addr(h,dev,0,scope);
else if(!daddr)saddr= inet_select_addr(h,dev,0,RT_SCOPE_HOST);
}
}

/*:376*/
#line 149 "web/ip.w"

if(!daddr){
daddr= saddr;
if(!daddr)daddr= saddr= htonl(INADDR_LOOPBACK);
dev= iface_by_index(h,SR_LOOPBACK_IFINDEX);
type= SR_RT_LOCAL;
goto make_route;
}
r= fib_lookup(h,daddr,oif,scope,&err);
if(!r){
if(!oif)return err;
if(!saddr)saddr= inet_select_addr(h,dev,0,RT_SCOPE_LINK);
goto make_route;
}
if(r->type==SR_RT_LOCAL){
if(!saddr)saddr= r->prefsrc?r->prefsrc:daddr;
oif= r->ifindex;
dev= iface_by_index(h,SR_LOOPBACK_IFINDEX);
type= SR_RT_LOCAL;
r= NULL;
goto make_route;
}
dev= iface_by_index(h,r->ifindex);
type= r->type;
if(!saddr)saddr= r->prefsrc?r->prefsrc:inet_select_addr(h,dev,r->gw,r->scope);
make_route:
/*377:*/
#line 210 "web/ip.w"

if(ipv4_is_loopback(saddr)&&!(dev->flags&IFF_LOOPBACK))return-EINVAL;
if(ipv4_is_lbcast(daddr))type= SR_RT_BROADCAST;
else if(ipv4_is_multicast(daddr))type= SR_RT_MULTICAST;
else if(ipv4_is_zeronet(daddr))return-EINVAL;
else if(type==SR_RT_UNICAST&&(dev->flags&IFF_LOOPBACK))type= SR_RT_LOCAL;
rt->type= type;
rt->saddr= saddr;
rt->ifindex= dev->ifindex;
rt->iif= oif;
rt->nexthop= type==SR_RT_UNICAST&&r&&r->gw?r->gw:daddr;
rt->mtu= ip_path_mtu(h,dev,type,daddr,&rt->mtu_locked);


/*:377*/
#line 175 "web/ip.w"

return 0;
}

/*:374*//*379:*/
#line 233 "web/ip.w"

static int ip_path_mtu(sr_host*h,const sr_iface*dev,int type,uint32_t daddr,
bool*locked)
{
int mtu= dev->mtu> SR_IP_MAX_MTU?SR_IP_MAX_MTU:dev->mtu;
*locked= false;
if(type==SR_RT_UNICAST){
const sr_pmtu*pm= pmtu_find(h,daddr);
if(pm&&pm->mtu<mtu){
mtu= pm->mtu;
*locked= pm->locked;
}
}
return mtu;
}

/*:379*//*383:*/
#line 293 "web/ip.w"

static int sk_route_output(sr_sock*s,struct sr_flow fl,struct sr_rtres*rt)
{
sr_host*h= s->host;
struct sr_rtmemo*m= &s->rt_memo;
if(m->gen==h->route_gen+1&&m->fl.daddr==fl.daddr&&m->fl.saddr==fl.saddr&&
m->fl.oif==fl.oif&&m->fl.dontroute==fl.dontroute&&
m->fl.freebind==fl.freebind){
*rt= m->rt;
rt->mtu= ip_path_mtu(h,iface_by_index(h,rt->ifindex),rt->type,
fl.daddr?fl.daddr:rt->saddr,&rt->mtu_locked);
return 0;
}
return sk_route_remember(s,fl,rt);
}

/*:383*//*384:*/
#line 311 "web/ip.w"

SR_OUT_OF_LINE static int sk_route_remember(sr_sock*s,struct sr_flow fl,
struct sr_rtres*rt)
{
sr_host*h= s->host;
struct sr_rtmemo*m= &s->rt_memo;
int err;
if((err= ip_route_output(h,&fl,rt))<0)return err;
m->gen= h->route_gen+1;
m->fl= fl;
m->rt= *rt;
return 0;
}

/*:384*//*390:*/
#line 396 "web/ip.w"

static void hent_free(sr_hent*e)
{
free(e);
}

static const sr_pmtu*pmtu_find(sr_host*h,uint32_t daddr)
{
sr_pmtu*pm= (sr_pmtu*)htab_find(&h->pmtu,daddr,0);
if(pm&&pm->expires_ns<=W->now_ns){
htab_remove(&h->pmtu,&pm->h);
free(pm);
pm= NULL;
}
return pm;
}

static void ip_rt_update_pmtu(sr_host*h,uint32_t daddr,uint32_t mtu)
{
struct sr_flow fl= {.daddr= daddr};
struct sr_rtres rt;
sr_pmtu*pm;
long long min_pmtu= sysctl_value(h,SYS_ROUTE_MIN_PMTU);
bool locked= false;
if(ip_route_output(h,&fl,&rt)||rt.type!=SR_RT_UNICAST)return;
if(mtu<(uint32_t)min_pmtu){
mtu= (uint32_t)(rt.mtu<min_pmtu?rt.mtu:min_pmtu);
locked= true;
}
if(mtu>=(uint32_t)rt.mtu&&!(locked&&!rt.mtu_locked))return;
pmtu_find(h,daddr);
pm= (sr_pmtu*)htab_find(&h->pmtu,daddr,0);
if(!pm){
pm= xcalloc(1,sizeof*pm);
pm->h.k0= daddr;
htab_insert(&h->pmtu,&pm->h);
}
pm->mtu= (int)mtu;
pm->locked= locked;
pm->expires_ns= W->now_ns+
(uint64_t)sysctl_value(h,SYS_ROUTE_MTU_EXPIRES)*1000000000u;
}

/*:390*//*396:*/
#line 497 "web/ip.w"

static bool ip_sk_connected(const sr_sock*sk)
{
return sk&&sk->connected;
}

static void ip_sk_new_ident(sr_sock*sk)
{
sk->inet_id= (uint16_t)rng_next();
}

/*:396*//*398:*/
#line 559 "web/ip.w"

static int ip_output(sr_host*h,const struct sr_rtres*rt,uint32_t daddr,
const struct sr_ipout*o,const void*l4,size_t l4len)
{
sr_pkt*pkt= pkt_alloc(0,(size_t)SR_IPHDR_LEN+(size_t)o->optlen+l4len);
memcpy(pkt->data+SR_IPHDR_LEN+o->optlen,l4,l4len);
return ip_output_pkt(h,rt,daddr,o,pkt);
}

static int ip_output_pkt(sr_host*h,const struct sr_rtres*rt,uint32_t daddr,
const struct sr_ipout*o,sr_pkt*pkt)
{
int hlen= SR_IPHDR_LEN+o->optlen;
size_t tot= pkt->len,l4len= tot-(size_t)hlen;
int mtu= rt->mtu;
bool ignore_df= o->pmtudisc<IP_PMTUDISC_DO||o->pmtudisc==IP_PMTUDISC_OMIT;
bool df;
struct sr_ipv4 ip;
if(o->pmtudisc>=IP_PMTUDISC_PROBE){
const sr_iface*dev= iface_by_index(h,rt->ifindex);
mtu= dev->mtu> SR_IP_MAX_MTU?SR_IP_MAX_MTU:dev->mtu;
}
if(tot> SR_IP_MAXPACKET||(!ignore_df&&tot> (size_t)mtu)){
free(pkt);
return-EMSGSIZE;
}
df= o->pmtudisc==IP_PMTUDISC_DO||o->pmtudisc==IP_PMTUDISC_PROBE||
(tot<=(size_t)rt->mtu&&o->pmtudisc==IP_PMTUDISC_WANT&&!rt->mtu_locked);
ip.tos= o->tos;
ip.ttl= o->ttl;
ip.protocol= o->protocol;
ip.tot_len= (uint16_t)tot;
ip.frag_off= df?IP_DF:0;
if(ip_sk_connected(o->sk))ip.id= ++o->sk->inet_id;
else if(df&&!ignore_df)ip.id= 0;
else ip.id= h->ip_ident++;
ip.saddr= rt->saddr;
ip.daddr= daddr;
pkt->sk= o->sk;
pkt->mark= o->mark;
pkt->tx_flags= o->tx_flags;
pkt->tskey= o->tskey;
pkt->iif= rt->iif;
pkt->local= rt->type==SR_RT_LOCAL;
if(!pkt->truesize)pkt->truesize= skb_truesize((int)tot,(int)l4len-ip_head_l4len(o->sk));
if(o->optlen){
memcpy(pkt->data+SR_IPHDR_LEN,o->opt,(size_t)o->optlen);
ip_options_first_hop(o->opt,o->optlen,&ip.daddr);
ip_options_build(h,pkt->data+SR_IPHDR_LEN,o->optlen,rt->saddr,daddr);
}
ip.opt= pkt->data+SR_IPHDR_LEN;
ip.optlen= o->optlen;
ipv4_emit(pkt->data,&ip);
if(tot<=(size_t)mtu&&rt->type!=SR_RT_BROADCAST&&rt->type!=SR_RT_MULTICAST)
dev_xmit(h,rt->ifindex,rt->nexthop,false,pkt);
else ip_send(h,rt->type,rt->ifindex,rt->nexthop,pkt,mtu,o->mc_loop);
return 0;
}

/*:398*//*399:*/
#line 639 "web/ip.w"

static void ip_send(sr_host*h,int type,int ifindex,uint32_t nexthop,
sr_pkt*pkt,int mtu,bool mc_loop)
{
sr_iface*dev= iface_by_index(h,ifindex);
bool loopdev= (dev->flags&IFF_LOOPBACK)!=0;
bool group= type==SR_RT_BROADCAST||type==SR_RT_MULTICAST;
if(type==SR_RT_MULTICAST&&!loopdev){
if(mc_loop&&ip_check_mc(h,ifindex,get_addr(pkt->data+16)))
dev_loop(h,ifindex,pkt_clone(pkt),SR_RT_MULTICAST);
if(pkt->data[8]==0){free(pkt);return;}
}
if(type==SR_RT_BROADCAST&&!loopdev)
dev_loop(h,ifindex,pkt_clone(pkt),SR_RT_BROADCAST);
ip_fragment(h,ifindex,nexthop,group,pkt,mtu);
}

/*:399*//*401:*/
#line 670 "web/ip.w"

static void ip_fragment(sr_host*h,int ifindex,uint32_t nexthop,bool group,
sr_pkt*pkt,int mtu)
{
uint8_t hdr[60];
size_t hlen= (size_t)(pkt->data[0]&0xf)*4,left,pos,off,chunk;
uint16_t fo;
bool more;
if(pkt->len<=(size_t)mtu){dev_xmit(h,ifindex,nexthop,group,pkt);return;}
if(pkt->csum_partial)udp_csum_complete(pkt->data);
fo= get16(pkt->data+6);
off= (size_t)(fo&IP_OFFMASK)*8;
more= (fo&IP_MF)!=0;
memcpy(hdr,pkt->data,hlen);
left= pkt->len-hlen;
pos= hlen;
chunk= ((size_t)mtu-hlen)&~(size_t)7;
while(left> 0){
size_t len= left> (size_t)mtu-hlen?chunk:left;
sr_pkt*f= pkt_alloc(0,hlen+len);
f->sk= pkt->sk;
f->local= pkt->local;
f->mark= pkt->mark;
if(pos==hlen){f->tx_flags= pkt->tx_flags;f->tskey= pkt->tskey;}
f->truesize= skb_truesize((int)(hlen+len),
(int)len-(pos==hlen?ip_head_l4len(pkt->sk):0));
memcpy(f->data,hdr,hlen);
memcpy(f->data+hlen,pkt->data+pos,len);
put16(f->data+2,(uint16_t)(hlen+len));
put16(f->data+6,(uint16_t)(off/8|(len<left||more?IP_MF:0)));
ipv4_recsum(f->data);
dev_xmit(h,ifindex,nexthop,group,f);
if(pos==hlen)ip_options_fragment(hdr+SR_IPHDR_LEN,(int)hlen-SR_IPHDR_LEN);
pos+= len;
off+= len;
left-= len;
}
free(pkt);
}

/*:401*//*403:*/
#line 724 "web/ip.w"

static void ip_rcv(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type)
{
struct sr_ipv4 ip;
if(!ipv4_parse(pkt->data,pkt->len,&ip)){free(pkt);return;}
pkt->len= ip.tot_len;
if(rt_type<0)rt_type= ip_route_input(h,ifindex,&ip);
if(rt_type<0){free(pkt);return;}
if(ip_options_have_srr(ip.opt,ip.optlen)){free(pkt);return;}
if(rt_type==SR_RT_UNICAST)ip_forward(h,ifindex,pkt);
else ip_local_deliver(h,ifindex,pkt,rt_type);
}

/*:403*//*404:*/
#line 747 "web/ip.w"

static int ip_route_input(sr_host*h,int ifindex,const struct sr_ipv4*ip)
{
sr_iface*dev= iface_by_index(h,ifindex);
const sr_route*r;
if(ipv4_is_multicast(ip->daddr))
return ip_check_mc(h,ifindex,ip->daddr)&&!ipv4_is_multicast(ip->saddr)?
SR_RT_MULTICAST:-1;
if(ipv4_is_multicast(ip->saddr)||ipv4_is_lbcast(ip->saddr))return-1;
if(ipv4_is_lbcast(ip->daddr))return SR_RT_BROADCAST;
if(ipv4_is_zeronet(ip->saddr))return-1;
if(!(dev->flags&IFF_LOOPBACK)&&
(ipv4_is_loopback(ip->saddr)||ipv4_is_loopback(ip->daddr)))
return-1;
r= route_lookup(h,ip->daddr);
if(r&&r->type==SR_RT_BROADCAST)return SR_RT_BROADCAST;
if(r&&r->type==SR_RT_LOCAL)return SR_RT_LOCAL;
return SR_RT_UNICAST;
}

/*:404*//*406:*/
#line 776 "web/ip.w"

static bool ip_options_have_srr(const uint8_t*opt,int optlen)
{
uint8_t*p;
for(int pos= 0;(p= ipopt_next((uint8_t*)opt,optlen,&pos))!=NULL;)
if(p[0]==IPOPT_LSRR||p[0]==IPOPT_SSRR)return true;
return false;
}

/*:406*//*409:*/
#line 840 "web/ip.w"

static void ip_local_deliver(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type)
{
struct sr_rx rx;
uint8_t wire_opt[SR_MAX_IPOPTLEN];
bool raw;
if(get16(pkt->data+6)&(IP_MF|IP_OFFMASK)){
if(!(pkt= ip_defrag(h,ifindex,pkt,rt_type)))return;
}
ip_rx_fill(h,ifindex,pkt,rt_type,&rx);
if(rx.optlen){
memcpy(wire_opt,rx.opt,(size_t)rx.optlen);
rx.wire_opt= wire_opt;
ip_options_build(h,pkt->data+SR_IPHDR_LEN,rx.optlen,rx.spec_dst,rx.daddr);
ipv4_recsum(pkt->data);
}
rx.pkt= &pkt;
raw= raw_local_deliver(&rx,pkt->data,pkt->len);
switch(rx.protocol){
case IPPROTO_UDP:case IPPROTO_UDPLITE:
if(udp_rcv(&rx)<0&&rt_type==SR_RT_LOCAL)
icmp_send(h,pkt->data,pkt->len,ICMP_DEST_UNREACH,ICMP_PORT_UNREACH,0,
rt_type,ifindex);
break;
case IPPROTO_ICMP:icmp_rcv(&rx,pkt);break;
case IPPROTO_TCP:case IPPROTO_IGMP:break;
default:
if(rt_type==SR_RT_LOCAL&&!raw)
icmp_send(h,pkt->data,pkt->len,ICMP_DEST_UNREACH,ICMP_PROT_UNREACH,0,
rt_type,ifindex);
}
free(pkt);
}

/*:409*//*410:*/
#line 886 "web/ip.w"

static inline void ip_rx_fill(sr_host*h,int ifindex,const sr_pkt*pkt,int rt_type,
struct sr_rx*rx)
{
struct sr_ipv4 ip;
ipv4_read(pkt->data,&ip);
rx->host= h;
rx->ifindex= ifindex==SR_LOOPBACK_IFINDEX&&pkt->iif?pkt->iif:ifindex;
rx->dev_ifindex= ifindex;
rx->saddr= ip.saddr;
rx->daddr= ip.daddr;
rx->ttl= ip.ttl;
rx->tos= ip.tos;
rx->protocol= ip.protocol;
rx->spec_dst= fib_compute_spec_dst(h,ifindex,&ip,rt_type);
rx->opt= rx->wire_opt= pkt->data+SR_IPHDR_LEN;
rx->optlen= ip.optlen;
rx->rt_type= rt_type;
rx->l4= pkt->data+ip.ihl;
rx->l4len= ip.tot_len-ip.ihl;
rx->tstamp_ns= W->now_ns;
rx->csum_ok= pkt->csum_partial;
rx->frag_max= pkt->frag_max;
rx->truesize= pkt->truesize;
rx->mark= pkt->mark;
rx->pkt= NULL;
}

/*:410*//*411:*/
#line 920 "web/ip.w"

static uint32_t fib_compute_spec_dst(sr_host*h,int ifindex,
const struct sr_ipv4*ip,int rt_type)
{
int scope= RT_SCOPE_UNIVERSE;
if(rt_type==SR_RT_LOCAL)return ip->daddr;
if(!ipv4_is_zeronet(ip->saddr)){
const sr_route*r= route_lookup(h,ip->saddr);
if(r)
return r->prefsrc?r->prefsrc:
inet_select_addr(h,iface_by_index(h,r->ifindex),r->gw,r->scope);
}else scope= RT_SCOPE_LINK;
return inet_select_addr(h,iface_by_index(h,ifindex),0,scope);
}

/*:411*//*416:*/
#line 994 "web/ip.w"

static void fragq_free(sr_hent*e)
{
sr_fragq*q= (sr_fragq*)e;
for(int i= 0;i<q->nf;i++)free(q->f[i].pkt);
free(q->f);
free(q);
}

static void fragq_kill(sr_host*h,sr_fragq*q)
{
for(int i= 0;i<q->nf;i++)h->frag_mem-= q->f[i].pkt->len;
htab_remove(&h->frags,&q->h);
fragq_free(&q->h);
}

/*:416*//*417:*/
#line 1012 "web/ip.w"

static sr_fragq*fragq_get(sr_host*h,const struct sr_ipv4*ip,int rt_type)
{
uint64_t k0= (uint64_t)ip->saddr<<32|ip->daddr;
uint64_t k1= (uint64_t)ip->id<<8|ip->protocol;
sr_fragq*q= (sr_fragq*)htab_find(&h->frags,k0,k1);
sr_event e;
if(q)return q;
if(h->frag_mem> (size_t)sysctl_value(h,SYS_IPFRAG_HIGH_THRESH))return NULL;
q= xcalloc(1,sizeof*q);
q->h.k0= k0;
q->h.k1= k1;
q->serial= ++h->serial;
q->rt_type= rt_type;
htab_insert(&h->frags,&q->h);
memset(&e,0,sizeof e);
e.t= W->now_ns+(uint64_t)sysctl_value(h,SYS_IPFRAG_TIME)*1000000000u;
e.kind= EV_FRAG_EXPIRE;
e.host= h->id;
e.k0= k0;
e.k1= k1;
e.serial= q->serial;
ev_push(&e);
return q;
}

/*:417*//*418:*/
#line 1040 "web/ip.w"

static sr_pkt*ip_defrag(sr_host*h,int ifindex,sr_pkt*pkt,int rt_type)
{
struct sr_ipv4 ip;
sr_fragq*q;
size_t off,end;
int i;
(void)ifindex;
ipv4_parse(pkt->data,pkt->len,&ip);
if(!(q= fragq_get(h,&ip,rt_type))){free(pkt);return NULL;}
off= (size_t)(ip.frag_off&IP_OFFMASK)*8;
end= off+ip.tot_len-ip.ihl;
/*419:*/
#line 1068 "web/ip.w"

if(!(ip.frag_off&IP_MF)){
if(end<q->len||(q->last_in&&end!=q->len))goto discard;
q->last_in= true;
q->len= end;
}else{
end&= ~(size_t)7;
if(end> q->len){
if(q->last_in)goto discard;
q->len= end;
}
}
if(end<=off)goto discard;

/*:419*/
#line 1052 "web/ip.w"

for(i= 0;i<q->nf&&q->f[i].off<off;i++);
/*420:*/
#line 1082 "web/ip.w"

if(i> 0&&q->f[i-1].end> off){
if(end<=q->f[i-1].end){free(pkt);return NULL;}
goto discard;
}
if(i<q->nf&&q->f[i].off<end){
if(q->f[i].off==off&&end<=q->f[i].end){free(pkt);return NULL;}
goto discard;
}
if(0){
discard:
fragq_kill(h,q);
free(pkt);
return NULL;
}

/*:420*/
#line 1054 "web/ip.w"

q->f= xrealloc(q->f,(size_t)q->nf+1,sizeof*q->f);
memmove(&q->f[i+1],&q->f[i],(size_t)(q->nf-i)*sizeof*q->f);
q->f[i].off= off;
q->f[i].end= end;
q->f[i].pkt= pkt;
q->nf++;
q->meat+= end-off;
h->frag_mem+= pkt->len;
if(off==0)q->first_in= true;
if(q->first_in&&q->last_in&&q->meat==q->len)return ip_frag_reasm(h,q);
return NULL;
}

/*:418*//*422:*/
#line 1104 "web/ip.w"

static sr_pkt*ip_frag_reasm(sr_host*h,sr_fragq*q)
{
sr_pkt*first= q->f[0].pkt,*whole;
size_t hlen= (size_t)(first->data[0]&0xf)*4;
if(hlen+q->len> SR_IP_MAXPACKET){fragq_kill(h,q);return NULL;}
whole= pkt_alloc(0,hlen+q->len);
memcpy(whole->data,first->data,hlen);
whole->frag_max= 0;
whole->mark= first->mark;
for(int i= 0;i<q->nf;i++){
sr_pkt*f= q->f[i].pkt;
size_t fh= (size_t)(f->data[0]&0xf)*4;
memcpy(whole->data+hlen+q->f[i].off,f->data+fh,q->f[i].end-q->f[i].off);
if(get16(f->data+2)> whole->frag_max)whole->frag_max= get16(f->data+2);
}
put16(whole->data+2,(uint16_t)whole->len);
put16(whole->data+6,0);
ipv4_recsum(whole->data);
fragq_kill(h,q);
return whole;
}

/*:422*//*423:*/
#line 1130 "web/ip.w"

static void ip_frag_expire(sr_host*h,uint64_t k0,uint64_t k1,uint64_t serial)
{
sr_fragq*q= (sr_fragq*)htab_find(&h->frags,k0,k1);
if(!q||q->serial!=serial)return;
if(q->first_in&&q->rt_type==SR_RT_LOCAL)
icmp_send(h,q->f[0].pkt->data,q->f[0].pkt->len,ICMP_TIME_EXCEEDED,
ICMP_EXC_FRAGTIME,0,SR_RT_LOCAL,0);
fragq_kill(h,q);
}

/*:423*//*425:*/
#line 1174 "web/ip.w"

static void ip_forward(sr_host*h,int ifindex,sr_pkt*pkt)
{
struct sr_ipv4 ip;
const sr_route*r;
sr_iface*out;
int err,mtu;
uint32_t src;
ipv4_parse(pkt->data,pkt->len,&ip);
if(!sysctl_value(h,SYS_IP_FORWARD)){free(pkt);return;}
if(ip_call_ra_chain(h,ifindex,pkt))return;
if(ip.ttl<=1){
icmp_send(h,pkt->data,pkt->len,ICMP_TIME_EXCEEDED,ICMP_EXC_TTL,0,
SR_RT_UNICAST,ifindex);
free(pkt);
return;
}
r= fib_lookup(h,ip.daddr,0,RT_SCOPE_UNIVERSE,&err);
if(!r){
int code= err==-ENETUNREACH?ICMP_NET_UNREACH:
err==-EHOSTUNREACH?ICMP_HOST_UNREACH:err==-EACCES?ICMP_PKT_FILTERED:-1;
if(code>=0)
icmp_send(h,pkt->data,pkt->len,ICMP_DEST_UNREACH,code,0,SR_RT_UNICAST,
ifindex);
free(pkt);
return;
}
out= iface_by_index(h,r->ifindex);
mtu= out->mtu> SR_IP_MAX_MTU?SR_IP_MAX_MTU:out->mtu;
if(ip.tot_len> mtu&&(ip.frag_off&IP_DF)){
icmp_send(h,pkt->data,pkt->len,ICMP_DEST_UNREACH,ICMP_FRAG_NEEDED,
(uint32_t)mtu,SR_RT_UNICAST,ifindex);
free(pkt);
return;
}
src= r->prefsrc?r->prefsrc:inet_select_addr(h,out,r->gw,r->scope);
if(ip.optlen)ip_options_build(h,pkt->data+SR_IPHDR_LEN,ip.optlen,src,ip.daddr);
pkt->data[8]--;
ipv4_recsum(pkt->data);
ip_fragment(h,r->ifindex,r->gw?r->gw:ip.daddr,false,pkt,mtu);
}

/*:425*//*429:*/
#line 1249 "web/ip.w"

static bool icmp_is_error(int type)
{
return type==ICMP_DEST_UNREACH||type==ICMP_SOURCE_QUENCH||
type==ICMP_REDIRECT||type==ICMP_TIME_EXCEEDED||type==ICMP_PARAMETERPROB;
}

static void icmp_send(sr_host*h,const uint8_t*orig,size_t len,int type,
int code,uint32_t info,int orig_rt_type,int in_ifindex)
{
struct sr_ipv4 ip;
struct sr_flow fl;
struct sr_rtres rt;
(void)in_ifindex;
if(!ipv4_parse(orig,len,&ip))return;
if(orig_rt_type==SR_RT_BROADCAST||orig_rt_type==SR_RT_MULTICAST)return;
if(ip.frag_off&IP_OFFMASK)return;
if(ip.protocol==IPPROTO_ICMP){
if(len<(size_t)ip.ihl+1||orig[ip.ihl]> NR_ICMP_TYPES||
icmp_is_error(orig[ip.ihl]))
return;
}
memset(&fl,0,sizeof fl);
fl.daddr= ip.saddr;
fl.saddr= orig_rt_type==SR_RT_LOCAL?ip.daddr:0;
if(ip_route_output(h,&fl,&rt))return;
if(!(type==ICMP_DEST_UNREACH&&code==ICMP_FRAG_NEEDED)&&
!icmp_rate_allow(h,&rt,type,ip.saddr))
return;
icmp_push(h,&rt,ip.saddr,(uint8_t)((ip.tos&IPTOS_TOS_MASK)|
SR_IPTOS_PREC_INTERNETCONTROL),type,code,info,orig,
len<(size_t)(SR_ICMP_QUOTE_MAX-SR_IPHDR_LEN-SR_ICMPHDR_LEN)?
len:(size_t)(SR_ICMP_QUOTE_MAX-SR_IPHDR_LEN-SR_ICMPHDR_LEN));
}

/*:429*//*431:*/
#line 1293 "web/ip.w"

static void icmp_push(sr_host*h,const struct sr_rtres*rt,uint32_t daddr,
uint8_t tos,int type,int code,uint32_t rest,const uint8_t*data,
size_t datalen)
{
struct sr_ipout o;
struct sr_icmp ic;
uint8_t*buf= xcalloc(1,SR_ICMPHDR_LEN+datalen);
ic.type= (uint8_t)type;
ic.code= (uint8_t)code;
ic.rest= rest;
ic.data= data;
ic.datalen= datalen;
icmp_emit(buf,&ic);
memset(&o,0,sizeof o);
o.protocol= IPPROTO_ICMP;
o.ttl= (uint8_t)sysctl_value(h,SYS_IP_DEFAULT_TTL);
o.tos= tos;
o.pmtudisc= IP_PMTUDISC_DONT;
ip_output(h,rt,daddr,&o,buf,SR_ICMPHDR_LEN+datalen);
free(buf);
}

/*:431*//*437:*/
#line 1359 "web/ip.w"

static uint64_t jiffies(void)
{
return W->now_ns/(1000000000u/(uint64_t)W->hz);
}

static bool icmp_rate_allow(sr_host*h,const struct sr_rtres*rt,int type,
uint32_t peer)
{
uint64_t timeout= (uint64_t)SR_ICMP_RATELIMIT_MS*(uint64_t)W->hz/1000,now= jiffies();
sr_peer*p;
if(type> NR_ICMP_TYPES||!((SR_ICMP_RATEMASK>>type)&1))return true;
if(iface_by_index(h,rt->ifindex)->flags&IFF_LOOPBACK)return true;
p= (sr_peer*)htab_find(&h->peers,peer,0);
if(!p){
p= xcalloc(1,sizeof*p);
p->h.k0= peer;
p->tokens= SR_XRLIM_BURST_FACTOR*timeout;
p->last= now;
htab_insert(&h->peers,&p->h);
}
p->tokens+= now-p->last;
p->last= now;
if(p->tokens> SR_XRLIM_BURST_FACTOR*timeout)
p->tokens= SR_XRLIM_BURST_FACTOR*timeout;
if(p->tokens<timeout)return false;
p->tokens-= timeout;
return true;
}

/*:437*//*439:*/
#line 1407 "web/ip.w"

static void icmp_rcv(const struct sr_rx*rx,const sr_pkt*pkt)
{
struct sr_icmp ic;
struct sr_ipv4 q;
uint32_t info= 0;
sr_host*h= rx->host;
const sr_route*r;
(void)pkt;
if(!icmp_parse(rx->l4,rx->l4len,&ic))return;
if(rx->rt_type!=SR_RT_LOCAL&&ic.type!=ICMP_ECHOREPLY)return;
if(ic.type==ICMP_ECHO){icmp_echo(rx,&ic);return;}
if(ic.type==ICMP_ECHOREPLY){ping_rcv(rx);return;}
if(!icmp_is_error(ic.type)||ic.type==ICMP_REDIRECT)return;
if(ic.datalen<SR_IPHDR_LEN)return;
q.ihl= (uint8_t)((ic.data[0]&0xf)*4);
if(q.ihl<SR_IPHDR_LEN||ic.datalen<(size_t)q.ihl+8)return;
q.protocol= ic.data[9];
q.daddr= get_addr(ic.data+16);
if(ic.type==ICMP_DEST_UNREACH){
if(ic.code==ICMP_FRAG_NEEDED){
long long mode= sysctl_value(h,SYS_IP_NO_PMTU_DISC);
if(mode==2)return;
if(mode==0)info= ic.rest&0xffff;
}
if(ic.code> NR_ICMP_UNREACH)return;
}else if(ic.type==ICMP_PARAMETERPROB)info= ic.rest>>24;
r= route_lookup(h,q.daddr);
if(r&&r->type==SR_RT_BROADCAST)return;
raw_icmp_error(rx,ic.type,ic.code,info,ic.data,ic.datalen);
if(q.protocol==IPPROTO_UDP||q.protocol==IPPROTO_UDPLITE)
udp_err(rx,ic.type,ic.code,info,ic.data,ic.datalen);
else if(q.protocol==IPPROTO_ICMP)
ping_err(rx,ic.type,ic.code,info,ic.data,ic.datalen);
}

/*:439*//*441:*/
#line 1451 "web/ip.w"

static void icmp_echo(const struct sr_rx*rx,const struct sr_icmp*ic)
{
struct sr_flow fl;
struct sr_rtres rt;
memset(&fl,0,sizeof fl);
fl.daddr= rx->saddr;
fl.saddr= rx->spec_dst;
if(ip_route_output(rx->host,&fl,&rt))return;
icmp_push(rx->host,&rt,rx->saddr,rx->tos,ICMP_ECHOREPLY,ic->code,ic->rest,
ic->data,ic->datalen);
}

/*:441*//*446:*/
#line 1491 "web/ip.w"

static void ip_mc_inc_group(sr_host*h,int ifindex,uint32_t group)
{
uint64_t k= (uint64_t)(unsigned)ifindex<<32|group;
sr_mcgroup*g= (sr_mcgroup*)htab_find(&h->mc,k,0);
if(!g){
g= xcalloc(1,sizeof*g);
g->h.k0= k;
htab_insert(&h->mc,&g->h);
}
g->users++;
}

static void ip_mc_dec_group(sr_host*h,int ifindex,uint32_t group)
{
uint64_t k= (uint64_t)(unsigned)ifindex<<32|group;
sr_mcgroup*g= (sr_mcgroup*)htab_find(&h->mc,k,0);
if(g&&--g->users==0){
htab_remove(&h->mc,&g->h);
free(g);
}
}

static bool ip_check_mc(sr_host*h,int ifindex,uint32_t group)
{
sr_iface*ifp= iface_by_index(h,ifindex);
if(!ifp||!(ifp->flags&IFF_UP))return false;
if(group==htonl(INADDR_ALLHOSTS_GROUP))return true;
return htab_find(&h->mc,(uint64_t)(unsigned)ifindex<<32|group,0)!=NULL;
}

/*:446*//*453:*/
#line 69 "web/pcap.w"

int sr_pcap_open(const char*path,int host,int ifindex)
{
sr_host*h= NULL;
FILE*f;
struct{uint32_t magic;uint16_t major,minor;int32_t zone;
uint32_t sigfigs,snaplen,linktype;}hdr= {SR_PCAP_MAGIC_NS,2,4,0,0,
SR_PCAP_SNAPLEN,SR_LINKTYPE_RAW};
world_ready();
if(!path)return sys_return(-EFAULT);
if(host<-1)return sys_return(-EINVAL);
if(host>=0){
if(!(h= host_by_id(host)))return sys_return(-ENOENT);
if(ifindex&&!iface_by_index(h,ifindex))return sys_return(-ENODEV);
}
if(!(f= fopen(path,"wb")))return-1;
fwrite(&hdr,sizeof hdr,1,f);
W->cap= xrealloc(W->cap,(size_t)W->ncaps+1,sizeof*W->cap);
W->cap[W->ncaps].f= f;
W->cap[W->ncaps].host= host;
W->cap[W->ncaps].ifindex= host>=0?ifindex:0;
return++W->ncaps;
}

int sr_pcap_close(int capture)
{
world_ready();
if(capture<1||capture> W->ncaps||!W->cap[capture-1].f)
return sys_return(-EBADF);
if(fclose(W->cap[capture-1].f)){W->cap[capture-1].f= NULL;return-1;}
W->cap[capture-1].f= NULL;
return 0;
}

/*:453*//*455:*/
#line 122 "web/pcap.w"

static inline void pcap_record(sr_host*h,int ifindex,const sr_pkt*pkt,bool tx)
{
if(W->ncaps)pcap_write(h,ifindex,pkt,tx);
}

static void pcap_write(sr_host*h,int ifindex,const sr_pkt*pkt,bool tx)
{
for(int i= 0;i<W->ncaps;i++){
sr_capture*c= &W->cap[i];
struct{uint32_t sec,nsec,incl,orig;}rec;
if(!c->f)continue;
if(c->host<0?!tx:
c->host!=h->id||(c->ifindex&&c->ifindex!=ifindex))
continue;
rec.sec= (uint32_t)(W->now_ns/1000000000u);
rec.nsec= (uint32_t)(W->now_ns%1000000000u);
rec.incl= rec.orig= (uint32_t)pkt->len;
fwrite(&rec,sizeof rec,1,c->f);
if(pkt->csum_partial){
uint8_t*wire= xmalloc(pkt->len);
memcpy(wire,pkt->data,pkt->len);
udp_csum_complete(wire);
fwrite(wire,1,pkt->len,c->f);
free(wire);
}else fwrite(pkt->data,1,pkt->len,c->f);
}
}
/*:455*//*462:*/
#line 111 "web/bind.w"

static int inet_addr_type(sr_host*h,uint32_t addr)
{
const sr_route*r;
int type= SR_RT_UNICAST;
if(ipv4_is_lbcast(addr))return SR_RT_BROADCAST;
if(ipv4_is_multicast(addr))return SR_RT_MULTICAST;
if(h->addr_type_gen==h->route_gen+1&&h->addr_type_addr==addr)
return h->addr_type;
r= route_lookup(h,addr);
if(r&&r->table==SR_TABLE_LOCAL&&(r->type==SR_RT_LOCAL||r->type==SR_RT_BROADCAST))
type= r->type;
h->addr_type_gen= h->route_gen+1;
h->addr_type_addr= addr;
h->addr_type= type;
return type;
}

/*:462*//*463:*/
#line 149 "web/bind.w"

static bool inet_can_nonlocal_bind(const sr_sock*s)
{
return sysctl_value(s->host,SYS_IP_NONLOCAL_BIND)!=0||
(s->ipflags&(IPF_FREEBIND|IPF_TRANSPARENT))!=0;
}

static bool inet_addr_valid_or_nonlocal(const sr_sock*s,uint32_t addr,
int type)
{
return inet_can_nonlocal_bind(s)||addr==htonl(INADDR_ANY)||
type==SR_RT_LOCAL||type==SR_RT_MULTICAST||
type==SR_RT_BROADCAST;
}

/*:463*//*468:*/
#line 234 "web/bind.w"

static sr_slot*slot_find(const sr_htab*t,uint64_t k0,uint64_t k1)
{
return(sr_slot*)htab_find(t,k0,k1);
}

static sr_slot*slot_new(sr_bindtab*bt)
{
sr_slot*sl= bt->spare;
if(!sl)return xcalloc(1,sizeof*sl);
bt->spare= (sr_slot*)sl->h.next;
memset(sl,0,sizeof*sl);
return sl;
}

static void link_add(sr_htab*t,int k,sr_sock*s,uint64_t k0,uint64_t k1)
{
link_at(t,htab_where(t,k0,k1),k,s,k0,k1);
}

static void link_at(sr_htab*t,sr_hent**at,int k,sr_sock*s,uint64_t k0,
uint64_t k1)
{
sr_slot*sl= (sr_slot*)*at;
if(!sl){
sl= slot_new(s->host->bind);
sl->h.k0= k0;
sl->h.k1= k1;
htab_link(t,at,&sl->h);
}
s->lk[k].slot= sl;
s->lk[k].prev= NULL;
s->lk[k].next= sl->first;
if(sl->first)sl->first->lk[k].prev= s;
sl->first= s;
sl->count++;
}

static void link_del(sr_htab*t,int k,sr_sock*s)
{
sr_slot*sl= s->lk[k].slot;
if(!sl)return;
if(s->lk[k].prev)s->lk[k].prev->lk[k].next= s->lk[k].next;
else sl->first= s->lk[k].next;
if(s->lk[k].next)s->lk[k].next->lk[k].prev= s->lk[k].prev;
memset(&s->lk[k],0,sizeof s->lk[k]);
if(--sl->count==0){
htab_remove(t,&sl->h);
sl->h.next= (sr_hent*)s->host->bind->spare;
s->host->bind->spare= sl;
}
}

/*:468*//*471:*/
#line 313 "web/bind.w"

static int proto_tabno(int type,int protocol)
{
if(type==SOCK_STREAM)return SR_TAB_TCP;
if(type!=SOCK_DGRAM)return-1;
if(protocol==IPPROTO_ICMP)return SR_TAB_PING;
return protocol==IPPROTO_UDPLITE?SR_TAB_UDPLITE:SR_TAB_UDP;
}

static int sock_tabno(const sr_sock*s)
{
return s->tabno;
}

static sr_porttab*sock_tab(sr_sock*s)
{
int n= sock_tabno(s);
if(n<0)return NULL;
return&bind_tables(s->host)->proto[n];
}

static sr_bindtab*bind_tables(sr_host*h)
{
if(!h->bind)h->bind= xcalloc(1,sizeof*h->bind);
return h->bind;
}

static sr_sock*port_first(sr_host*h,int tab,uint16_t port)
{
sr_slot*sl;
if(!h->bind)return NULL;
sl= slot_find(&h->bind->proto[tab].t[LK_PORT],KEY_PORT(port));
return sl?sl->first:NULL;
}

/*:471*//*472:*/
#line 355 "web/bind.w"

static void sock_hash(sr_sock*s,sr_hent**port_at)
{
sr_porttab*pt= sock_tab(s);
s->hashed= true;
if(!pt)return;
if(port_at)link_at(&pt->t[LK_PORT],port_at,LK_PORT,s,KEY_PORT(s->inet_num));
else link_add(&pt->t[LK_PORT],LK_PORT,s,KEY_PORT(s->inet_num));
if(s->type==SOCK_DGRAM&&s->protocol!=IPPROTO_ICMP)
link_add(&pt->t[LK_ADDR],LK_ADDR,s,KEY_ADDR(s->inet_rcv_saddr,s->inet_num));
}

static void sock_unhash(sr_sock*s)
{
sr_porttab*pt;
if(!s->hashed)return;
s->hashed= false;
if(s->rp)rp_detach(s);
if(s->type==SOCK_RAW){
raw_unhash(s);
return;
}
pt= sock_tab(s);
for(int k= 0;k<SR_NLINKS;k++)link_del(&pt->t[k],k,s);
s->inet_num= 0;
}

/*:472*//*475:*/
#line 390 "web/bind.w"

static void bind_tables_free(sr_host*h)
{
for(int p= 0;p<SR_NTABS;p++)
for(int k= 0;k<SR_NLINKS;k++)free(h->bind->proto[p].t[k].b);
while(h->bind->spare){
sr_slot*sl= h->bind->spare;
h->bind->spare= (sr_slot*)sl->h.next;
free(sl);
}
free(h->bind);
h->bind= NULL;
}

/*:475*//*477:*/
#line 421 "web/bind.w"

static uint32_t bind_random32(void)
{
return(uint32_t)(rng_next()>>32);
}

static uint32_t bind_random_below(uint32_t n)
{
return(uint32_t)(((uint64_t)bind_random32()*n)>>32);
}

/*:477*//*478:*/
#line 445 "web/bind.w"

static bool addr_overlap(uint32_t a,uint32_t b)
{
return a==b||!a||!b;
}

static bool dev_compatible(const sr_sock*s,const sr_sock*o)
{
return!s->bound_dev_if||!o->bound_dev_if||s->bound_dev_if==o->bound_dev_if;
}

/*:478*//*481:*/
#line 489 "web/bind.w"

static int udp_clash(const sr_sock*s,const sr_sock*o)
{
if(o==s||(o->reuse&&s->reuse))return CLASH_NONE;
if(!dev_compatible(s,o)||!addr_overlap(s->inet_rcv_saddr,o->inet_rcv_saddr))
return CLASH_NONE;
if(o->reuseport&&s->reuseport&&!s->rp&&o->uid==s->uid)
return CLASH_PARTNER;
return CLASH_YES;
}

/*:481*//*482:*/
#line 504 "web/bind.w"

static bool udp_port_taken(const sr_sock*s,const sr_slot*sl)
{
for(sr_sock*o= sl?sl->first:NULL;o;o= o->lk[LK_PORT].next)
switch(udp_clash(s,o)){
case CLASH_PARTNER:return false;
case CLASH_YES:return true;
}
return false;
}

static bool udp_port_used(const sr_sock*s,uint16_t port)
{
for(sr_sock*o= port_first(s->host,sock_tabno(s),port);o;o= o->lk[LK_PORT].next)
if(udp_clash(s,o)==CLASH_YES)return true;
return false;
}

/*:482*//*484:*/
#line 552 "web/bind.w"

static bool tcp_clash(const sr_sock*s,const sr_sock*o,bool relax,
bool reuseport_ok)
{
bool cb_ok= !s->rp;
if(o==s||!dev_compatible(s,o))return false;
if(!addr_overlap(s->inet_rcv_saddr,o->inet_rcv_saddr))return false;
if(s->reuse&&o->reuse&&!o->listening)
return!relax||(!reuseport_ok&&s->reuseport&&o->reuseport&&cb_ok&&
o->uid==s->uid);
return!reuseport_ok||!s->reuseport||!o->reuseport||!cb_ok||
o->uid!=s->uid;
}

static bool tcp_port_taken(const sr_sock*s,uint16_t port,bool relax,
bool reuseport_ok)
{
for(sr_sock*o= port_first(s->host,SR_TAB_TCP,port);o;o= o->lk[LK_PORT].next)
if(tcp_clash(s,o,relax,reuseport_ok))return true;
return false;
}

/*:484*//*486:*/
#line 595 "web/bind.w"

static bool tcp_reuseport_match(const sr_slot*sl,const sr_sock*s)
{
return sl->fastreuseport> 0&&s->reuseport&&!s->rp&&
sl->fastuid==s->uid&&
(sl->fast_rcv_saddr==s->inet_rcv_saddr||!sl->fast_rcv_saddr);
}

static void tcp_update_fastreuse(sr_slot*sl,const sr_sock*s)
{
if(!s->reuseport)sl->fastreuseport= 0;
else if(!tcp_reuseport_match(sl,s)){
sl->fastreuseport= 1;
sl->fastuid= s->uid;
sl->fast_rcv_saddr= s->inet_rcv_saddr;
}
}

/*:486*//*490:*/
#line 666 "web/bind.w"

static bool port_reserved(sr_host*h,uint16_t port)
{
return(h->reserved_ports[port/64]>>(port%64))&1;
}

static void local_port_range(sr_host*h,int*low,int*high)
{
long long*r= sysctl_slot(h,SYS_IP_LOCAL_PORT_RANGE);
*low= (int)r[0];
*high= (int)r[1];
}

/*:490*//*491:*/
#line 684 "web/bind.w"

static uint16_t udp_find_port(sr_sock*s)
{
sr_host*h= s->host;
int low,high;
uint32_t remaining,rnd;
uint16_t first,last,step,snum;
inet_sk_local_port_range(s,&low,&high);
remaining= (uint32_t)(high-low+1);
rnd= bind_random32();
first= (uint16_t)((((uint64_t)rnd*remaining)>>32)+(uint32_t)low);
step= (uint16_t)((rnd|1)*SR_UDP_HTABLE_SIZE);
last= (uint16_t)(first+SR_UDP_HTABLE_SIZE);
do{
snum= first;
do{
if(low<=snum&&snum<=high&&!port_reserved(h,snum)&&
!udp_port_used(s,snum))
return snum;
snum= (uint16_t)(snum+step);
}while(snum!=first);
}while(++first!=last);
return 0;
}

/*:491*//*492:*/
#line 717 "web/bind.w"

static uint16_t tcp_find_port(sr_sock*s)
{
sr_host*h= s->host;
int low,high,half,attempt_half,port;
uint32_t remaining,offset,i;
bool relax= false;
ports_exhausted:
attempt_half= s->reuse?1:0;
other_half_scan:
inet_sk_local_port_range(s,&low,&high);
high++;
if(high-low<4)attempt_half= 0;
if(attempt_half){
half= low+(((high-low)>>2)<<1);
if(attempt_half==1)high= half;
else low= half;
}
remaining= (uint32_t)(high-low);
if(remaining> 1)remaining&= ~1u;
offset= bind_random_below(remaining)|1u;
other_parity_scan:
port= low+(int)offset;
for(i= 0;i<remaining;i+= 2,port+= 2){
if(port>=high)port-= (int)remaining;
if(port_reserved(h,(uint16_t)port))continue;
if(!tcp_port_taken(s,(uint16_t)port,relax,false))return(uint16_t)port;
}
offset--;
if(!(offset&1))goto other_parity_scan;
if(attempt_half==1){
attempt_half= 2;
goto other_half_scan;
}
if(sysctl_value(h,SYS_IP_AUTOBIND_REUSE)&&!relax){
relax= true;
goto ports_exhausted;
}
return 0;
}

/*:492*//*494:*/
#line 771 "web/bind.w"

static int sk_get_port(sr_sock*s,uint16_t snum)
{
switch(sock_tabno(s)){
case SR_TAB_UDP:case SR_TAB_UDPLITE:return udp_get_port(s,snum);
case SR_TAB_TCP:return tcp_get_port(s,snum);
case SR_TAB_PING:return ping_get_port(s,snum);
}
return-EADDRINUSE;
}

/*:494*//*495:*/
#line 790 "web/bind.w"

static int udp_get_port(sr_sock*s,uint16_t snum)
{
bool named= snum!=0;
sr_hent**at;
if(!named&&!(snum= udp_find_port(s)))return-EADDRINUSE;
at= htab_where(&sock_tab(s)->t[LK_PORT],KEY_PORT(snum));
if(named&&udp_port_taken(s,(const sr_slot*)*at))return-EADDRINUSE;
s->inet_num= snum;
if(!s->hashed){
if(s->reuseport)udp_reuseport_join(s);
sock_hash(s,at);
}
return 0;
}

/*:495*//*496:*/
#line 809 "web/bind.w"

static int tcp_get_port(sr_sock*s,uint16_t snum)
{
sr_slot*sl;
if(!snum){
if(!(snum= tcp_find_port(s)))return-EADDRINUSE;
}else{
sl= s->host->bind?
slot_find(&s->host->bind->proto[SR_TAB_TCP].t[LK_PORT],KEY_PORT(snum)):NULL;
if(!(sl&&tcp_reuseport_match(sl,s))&&tcp_port_taken(s,snum,true,true))
return-EADDRINUSE;
}
if(!s->hashed){
s->inet_num= snum;
sock_hash(s,NULL);
}
tcp_update_fastreuse(s->lk[LK_PORT].slot,s);
return 0;
}

/*:496*//*497:*/
#line 844 "web/bind.w"

static int ping_get_port(sr_sock*s,uint16_t ident)
{
sr_host*h= s->host;
if(!ident){
uint16_t result= (uint16_t)(h->ping_rover+1);
long i;
for(i= 0;i<65536;i++,result++){
if(!result)result++;
if(!port_first(h,SR_TAB_PING,result))break;
}
if(i==65536)return-EADDRINUSE;
h->ping_rover= ident= result;
}else
for(sr_sock*o= port_first(h,SR_TAB_PING,ident);o;o= o->lk[LK_PORT].next)
if(o!=s&&(!o->reuse||!s->reuse))return-EADDRINUSE;
s->inet_num= ident;
if(!s->hashed)sock_hash(s,NULL);
return 0;
}

/*:497*//*500:*/
#line 894 "web/bind.w"

static void rp_alloc(sr_sock*s)
{
if(s->rp)return;
s->rp= xcalloc(1,sizeof*s->rp);
s->rp->cap= 4;
s->rp->sock= xcalloc((size_t)s->rp->cap,sizeof*s->rp->sock);
s->rp->sock[0]= s;
s->rp->n= 1;
s->rp_index= 0;
}

static void rp_add(sr_sock*s,sr_sock*o)
{
sr_rpgroup*g;
if(!o->rp)rp_alloc(o);
g= o->rp;
if(s->rp)rp_detach(s);
if(g->n==g->cap){
g->cap*= 2;
g->sock= xrealloc(g->sock,(size_t)g->cap,sizeof*g->sock);
}
s->rp= g;
s->rp_index= g->n;
g->sock[g->n++]= s;
}

static void rp_detach(sr_sock*s)
{
sr_rpgroup*g= s->rp;
g->sock[s->rp_index]= g->sock[--g->n];
g->sock[s->rp_index]->rp_index= s->rp_index;
s->rp= NULL;
if(!g->n){
free(g->sock);
free(g->prog);
free(g);
}
}

/*:500*//*501:*/
#line 941 "web/bind.w"

static void udp_reuseport_join(sr_sock*s)
{
for(sr_sock*o= port_first(s->host,sock_tabno(s),s->inet_num);o;
o= o->lk[LK_PORT].next)
if(o!=s&&o->bound_dev_if==s->bound_dev_if&&o->reuseport&&
o->uid==s->uid&&o->inet_rcv_saddr==s->inet_rcv_saddr){
rp_add(s,o);
return;
}
rp_alloc(s);
}

/*:501*//*502:*/
#line 961 "web/bind.w"

static void tcp_reuseport_join(sr_sock*s)
{
for(sr_sock*o= port_first(s->host,SR_TAB_TCP,s->inet_num);o;
o= o->lk[LK_PORT].next)
if(o!=s&&o->listening&&o->bound_dev_if==s->bound_dev_if&&
o->reuseport&&o->uid==s->uid&&o->inet_rcv_saddr==s->inet_rcv_saddr){
rp_add(s,o);
return;
}
rp_alloc(s);
}

/*:502*//*504:*/
#line 997 "web/bind.w"

static int reuseport_attach(sr_sock*s,const struct sock_filter*prog,int n)
{
bool in_tables= s->type==SOCK_STREAM?s->listening:s->hashed;
sr_rpgroup*g;
if(!in_tables){
if(!s->reuseport)return-EINVAL;
rp_alloc(s);
}else if(!s->rp)return-EINVAL;
g= s->rp;
free(g->prog);
g->prog= xcalloc((size_t)n,sizeof*prog);
memcpy(g->prog,prog,(size_t)n*sizeof*prog);
g->prog_len= n;
return 0;
}

/*:504*//*507:*/
#line 1035 "web/bind.w"

int sr_bind(int fd,const struct sockaddr*addr,socklen_t addrlen)
{
int err= 0,len= (int)addrlen;
sr_sock*s;
struct sockaddr_storage a;
world_ready();
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if((err= move_addr_to_kernel(addr,len,&a))<0)return sys_return(err);
if(s->type==SOCK_RAW)err= raw_bind(s,&a,len);
else if(sock_tabno(s)==SR_TAB_PING)err= ping_bind(s,&a,len);
else err= inet_bind(s,&a,len);
return sys_return(err);
}

/*:507*//*509:*/
#line 1065 "web/bind.w"

static int move_addr_to_kernel(const void*uaddr,int len,
struct sockaddr_storage*kaddr)
{
if(len<0||len> (int)sizeof*kaddr)return-EINVAL;
if(len==0){
memset(kaddr,0,sizeof(struct sockaddr_in));
return 0;
}
if(!uaddr)return-EFAULT;
if(len==(int)sizeof(struct sockaddr_in)){
memcpy(kaddr,uaddr,sizeof(struct sockaddr_in));
return 0;
}
memset(kaddr,0,sizeof(struct sockaddr_in));
memcpy(kaddr,uaddr,(size_t)len);
return 0;
}

/*:509*//*510:*/
#line 1103 "web/bind.w"

static int inet_check_family(const struct sockaddr_in*sin,int len)
{
if(len<(int)sizeof*sin)return-EINVAL;
if(sin->sin_family!=AF_INET&&
!(sin->sin_family==AF_UNSPEC&&sin->sin_addr.s_addr==htonl(INADDR_ANY)))
return-EAFNOSUPPORT;
return 0;
}

/*:510*//*512:*/
#line 1157 "web/bind.w"

static int inet_bind(sr_sock*s,const struct sockaddr_storage*a,int len)
{
const struct sockaddr_in*sin= (const struct sockaddr_in*)a;
uint32_t addr= sin->sin_addr.s_addr;
uint16_t snum= ntohs(sin->sin_port);
int type,err;
if((err= inet_check_family(sin,len))<0)return err;
type= inet_addr_type(s->host,addr);
if(!inet_addr_valid_or_nonlocal(s,addr,type))return-EADDRNOTAVAIL;
if(snum&&snum<sysctl_value(s->host,SYS_IP_UNPRIVILEGED_PORT_START)&&
!proc_capable(W->cur,CAP_NET_BIND_SERVICE))
return-EACCES;
if(s->listening||s->connected||s->inet_num)return-EINVAL;
s->inet_rcv_saddr= s->inet_saddr= addr;
if(type==SR_RT_MULTICAST||type==SR_RT_BROADCAST)s->inet_saddr= 0;
if(snum||!(s->ipflags&IPF_BIND_ADDRESS_NO_PORT)){
if(sk_get_port(s,snum)<0){
s->inet_saddr= s->inet_rcv_saddr= 0;
return-EADDRINUSE;
}
}
bind_finish(s,snum);
return 0;
}

/*:512*//*513:*/
#line 1186 "web/bind.w"

static void bind_finish(sr_sock*s,uint16_t snum)
{
if(s->inet_rcv_saddr)s->userlocks|= SR_BINDADDR_LOCK;
if(snum)s->userlocks|= SR_BINDPORT_LOCK;
s->inet_sport= htons(s->inet_num);
s->inet_daddr= 0;
s->inet_dport= 0;
s->dst_cached= false;
}

/*:513*//*516:*/
#line 1233 "web/bind.w"

static int raw_bind(sr_sock*s,const struct sockaddr_storage*a,int len)
{
const struct sockaddr_in*sin= (const struct sockaddr_in*)a;
int type;
if(s->connected||len<(int)sizeof*sin)return-EINVAL;
type= inet_addr_type(s->host,sin->sin_addr.s_addr);
if(!inet_addr_valid_or_nonlocal(s,sin->sin_addr.s_addr,type))
return-EADDRNOTAVAIL;
s->inet_rcv_saddr= s->inet_saddr= sin->sin_addr.s_addr;
if(type==SR_RT_MULTICAST||type==SR_RT_BROADCAST)s->inet_saddr= 0;
s->dst_cached= false;
return 0;
}

/*:516*//*517:*/
#line 1258 "web/bind.w"

static int ping_bind(sr_sock*s,const struct sockaddr_storage*a,int len)
{
const struct sockaddr_in*sin= (const struct sockaddr_in*)a;
uint32_t addr= sin->sin_addr.s_addr;
uint16_t snum= ntohs(sin->sin_port);
int type,err;
if((err= inet_check_family(sin,len))<0)return err;
if(addr!=htonl(INADDR_ANY)){
type= inet_addr_type(s->host,addr);
if(type==SR_RT_MULTICAST||type==SR_RT_BROADCAST||
(type!=SR_RT_LOCAL&&!inet_can_nonlocal_bind(s)))
return-EADDRNOTAVAIL;
}
if(s->inet_num)return-EINVAL;
if(ping_get_port(s,snum)<0)return-EADDRINUSE;
s->inet_rcv_saddr= s->inet_saddr= addr;
bind_finish(s,snum);
return 0;
}

/*:517*//*519:*/
#line 1297 "web/bind.w"

static int inet_autobind(sr_sock*s)
{
if(!s->inet_num){
if(sk_get_port(s,0)<0)return-EAGAIN;
s->inet_sport= htons(s->inet_num);
}
return 0;
}

/*:519*//*521:*/
#line 1334 "web/bind.w"

int sr_listen(int fd,int backlog)
{
int err= 0;
sr_sock*s;
world_ready();
(void)backlog;
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if(s->type!=SOCK_STREAM)return sys_return(-EOPNOTSUPP);
if(s->listening)return 0;
s->listening= true;
if(tcp_get_port(s,s->inet_num)<0){
s->listening= false;
return sys_return(-EADDRINUSE);
}
s->inet_sport= htons(s->inet_num);
s->dst_cached= false;
if(s->reuseport)tcp_reuseport_join(s);
return 0;
}

/*:521*//*523:*/
#line 1380 "web/bind.w"

static int inet_getname(const sr_sock*s,struct sockaddr_in*sin,int peer)
{
memset(sin,0,sizeof*sin);
sin->sin_family= AF_INET;
if(peer){
if(!s->inet_dport||(peer==1&&!s->connected))return-ENOTCONN;
sin->sin_port= s->inet_dport;
sin->sin_addr.s_addr= s->inet_daddr;
}else{
sin->sin_port= s->inet_sport;
sin->sin_addr.s_addr= s->inet_rcv_saddr?s->inet_rcv_saddr:s->inet_saddr;
}
return(int)sizeof*sin;
}

/*:523*//*524:*/
#line 1411 "web/bind.w"

static int move_addr_to_user(const void*kaddr,int klen,void*uaddr,
socklen_t*ulen)
{
int len;
if(!ulen)return-EFAULT;
len= (int)*ulen;
if(len> klen)len= klen;
if(len>=0)*ulen= (socklen_t)klen;
if(len){
if(len<0)return-EINVAL;
if(!uaddr)return-EFAULT;
memcpy(uaddr,kaddr,(size_t)len);
}
return 0;
}

/*:524*//*527:*/
#line 1437 "web/bind.w"

static int sock_name(int fd,struct sockaddr*addr,socklen_t*addrlen,int peer)
{
int err= 0;
sr_sock*s;
struct sockaddr_in sin;
world_ready();
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if((err= inet_getname(s,&sin,peer))<0)return sys_return(err);
return sys_return(move_addr_to_user(&sin,err,addr,addrlen));
}

int sr_getsockname(int fd,struct sockaddr*addr,socklen_t*addrlen)
{
return sock_name(fd,addr,addrlen,0);
}

int sr_getpeername(int fd,struct sockaddr*addr,socklen_t*addrlen)
{
return sock_name(fd,addr,addrlen,1);
}

/*:527*//*528:*/
#line 1470 "web/bind.w"

static int get_peername(sr_sock*s,sr_optreq*rq)
{
struct sockaddr_in sin;
int lv= inet_getname(s,&sin,2);
if(lv<0)return-ENOTCONN;
if(lv<rq->len)return-EINVAL;
memcpy(rq->out,&sin,sizeof sin);
rq->outlen= lv;
return 0;
}

/*:528*//*530:*/
#line 1498 "web/bind.w"

int sr_connect(int fd,const struct sockaddr*addr,socklen_t addrlen)
{
int err= 0,len= (int)addrlen;
sr_sock*s;
struct sockaddr_storage a;
world_ready();
if(!fd_file(W->cur,fd))return sys_return(-EBADF);
if((err= move_addr_to_kernel(addr,len,&a))<0)return sys_return(err);
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if(s->type==SOCK_STREAM)err= tcp_connect(s,&a,len);
else err= dgram_connect(s,&a,len);
return sys_return(err);
}

/*:530*//*532:*/
#line 1533 "web/bind.w"

static int dgram_connect(sr_sock*s,const struct sockaddr_storage*a,int len)
{
if(len<(int)sizeof a->ss_family)return-EINVAL;
if(a->ss_family==AF_UNSPEC)return dgram_disconnect(s);
if(inet_autobind(s)<0)return-EAGAIN;
return ip4_datagram_connect(s,(const struct sockaddr_in*)a,len);
}

/*:532*//*533:*/
#line 1582 "web/bind.w"

static int ip4_datagram_connect(sr_sock*s,const struct sockaddr_in*sin,int len)
{
struct sr_flow fl;
struct sr_rtres rt;
uint32_t daddr,saddr;
int oif,err;
if(len<(int)sizeof*sin)return-EINVAL;
if(sin->sin_family!=AF_INET)return-EAFNOSUPPORT;
s->dst_cached= false;
daddr= sin->sin_addr.s_addr;
oif= s->bound_dev_if;
saddr= s->inet_saddr;
if(ipv4_is_multicast(daddr)){
if(!oif)oif= s->mc_index;
if(!saddr)saddr= s->mc_addr;
}else if(!oif)oif= s->uc_index;
if(!daddr){
sk_flow(s,0,saddr,oif,&fl);
if((err= ip_route_output(s->host,&fl,&rt))<0)return err;
daddr= rt.saddr;
}
sk_flow(s,daddr,saddr,oif,&fl);
s->fl_daddr= daddr;
s->fl_dport= sin->sin_port;
s->fl_saddr= saddr;
if((err= ip_route_output(s->host,&fl,&rt))<0)return err;
s->fl_saddr= rt.saddr;
if(rt.type==SR_RT_BROADCAST&&!(s->flags&SK_BROADCAST))return-EACCES;
if(!s->inet_saddr)s->inet_saddr= rt.saddr;
if(!s->inet_rcv_saddr){
s->inet_rcv_saddr= rt.saddr;
udp_rehash(s,0);
}
s->inet_daddr= daddr;
s->inet_dport= sin->sin_port;
if(s->rp)s->rp->has_conns= true;
s->connected= true;
ip_sk_new_ident(s);
sk_dst_set(s,&rt);
udp_hash4(s);
return 0;
}

/*:533*//*534:*/
#line 1636 "web/bind.w"

static void sk_flow(const sr_sock*s,uint32_t daddr,uint32_t saddr,int oif,
struct sr_flow*fl)
{
memset(fl,0,sizeof*fl);
fl->daddr= daddr;
fl->saddr= saddr;
fl->oif= oif;
fl->dontroute= (s->flags&SK_DONTROUTE)!=0;
fl->freebind= (s->ipflags&IPF_TRANSPARENT)!=0;
}

/*:534*//*537:*/
#line 1686 "web/bind.w"

static void sk_dst_set(sr_sock*s,const struct sr_rtres*rt)
{
s->dst_cached= true;
s->dst_ifindex= rt->ifindex;
s->dst_type= rt->type;
}

static int sk_dst_mtu(sr_sock*s)
{
bool locked;
return ip_path_mtu(s->host,iface_by_index(s->host,s->dst_ifindex),s->dst_type,
s->inet_daddr,&locked);
}

/*:537*//*539:*/
#line 1719 "web/bind.w"

static void udp_rehash(sr_sock*s,uint32_t old_rcv_saddr)
{
sr_porttab*pt;
int tab= sock_tabno(s);
if(!s->hashed||(tab!=SR_TAB_UDP&&tab!=SR_TAB_UDPLITE))return;
if(s->rp)rp_detach(s);
if(old_rcv_saddr==s->inet_rcv_saddr)return;
pt= sock_tab(s);
link_del(&pt->t[LK_ADDR],LK_ADDR,s);
link_add(&pt->t[LK_ADDR],LK_ADDR,s,KEY_ADDR(s->inet_rcv_saddr,s->inet_num));
}

/*:539*//*540:*/
#line 1736 "web/bind.w"

static void udp_hash4(sr_sock*s)
{
sr_porttab*pt;
int tab= sock_tabno(s);
if(!s->hashed||!s->inet_rcv_saddr||(tab!=SR_TAB_UDP&&tab!=SR_TAB_UDPLITE))
return;
pt= sock_tab(s);
if(s->lk[LK_CONN].slot){
sr_slot*sl= s->lk[LK_CONN].slot;
uint64_t k[2]= {KEY_CONN(s->inet_rcv_saddr,s->inet_num,s->inet_daddr,
ntohs(s->inet_dport))};
if(sl->h.k0==k[0]&&sl->h.k1==k[1])return;
link_del(&pt->t[LK_CONN],LK_CONN,s);
}else if(s->rp)rp_detach(s);
link_add(&pt->t[LK_CONN],LK_CONN,s,KEY_CONN(s->inet_rcv_saddr,s->inet_num,
s->inet_daddr,ntohs(s->inet_dport)));
}

/*:540*//*541:*/
#line 1771 "web/bind.w"

static int dgram_disconnect(sr_sock*s)
{
s->connected= false;
s->inet_daddr= 0;
s->inet_dport= 0;
s->bound_dev_if= 0;
if(s->lk[LK_CONN].slot)link_del(&sock_tab(s)->t[LK_CONN],LK_CONN,s);
if(!(s->userlocks&SR_BINDADDR_LOCK)){
uint32_t old= s->inet_rcv_saddr;
s->inet_rcv_saddr= s->inet_saddr= 0;
if(s->userlocks&SR_BINDPORT_LOCK)udp_rehash(s,old);
}
if(!(s->userlocks&SR_BINDPORT_LOCK)){
sock_unhash(s);
s->inet_sport= 0;
}
s->dst_cached= false;
return 0;
}

/*:541*//*542:*/
#line 1809 "web/bind.w"

static int tcp_connect(sr_sock*s,const struct sockaddr_storage*a,int len)
{
const struct sockaddr_in*sin= (const struct sockaddr_in*)a;
struct sr_flow fl;
struct sr_rtres rt;
uint32_t daddr;
int err;
if(len<(int)sizeof a->ss_family)return-EINVAL;
if(a->ss_family==AF_UNSPEC)return tcp_disconnect(s);
if(s->listening)return-EISCONN;
if(len<(int)sizeof*sin)return-EINVAL;
if(sin->sin_family!=AF_INET)return-EAFNOSUPPORT;
daddr= sin->sin_addr.s_addr;
if(!daddr)daddr= s->inet_saddr?s->inet_saddr:htonl(INADDR_LOOPBACK);
sk_flow(s,daddr,s->inet_saddr,s->bound_dev_if,&fl);
if((err= ip_route_output(s->host,&fl,&rt))<0)return err;
if(rt.type==SR_RT_BROADCAST||rt.type==SR_RT_MULTICAST)
return-ENETUNREACH;
if(!s->inet_num&&!tcp_connect_port_free(s))return-EADDRNOTAVAIL;
return-EOPNOTSUPP;
}

/*:542*//*543:*/
#line 1841 "web/bind.w"

static bool tcp_connect_port_free(sr_sock*s)
{
int low,high,remaining;
inet_sk_local_port_range(s,&low,&high);
remaining= high+1-low;
if(remaining> 1)remaining&= ~1;
for(int p= low;p<low+remaining;p++)
if(!port_reserved(s->host,(uint16_t)p)&&
!port_first(s->host,SR_TAB_TCP,(uint16_t)p))
return true;
return false;
}

/*:543*//*544:*/
#line 1883 "web/bind.w"

static int tcp_disconnect(sr_sock*s)
{
if(s->listening){
s->listening= false;
if(s->rp)rp_detach(s);
if(!(s->userlocks&SR_BINDPORT_LOCK))sock_unhash(s);
}
if(!(s->userlocks&SR_BINDADDR_LOCK))s->inet_rcv_saddr= s->inet_saddr= 0;
s->shutdown= 0;
s->tcp_write_seq+= 2;
if(!s->tcp_write_seq)s->tcp_write_seq= 1;
return 0;
}

/*:544*//*548:*/
#line 1945 "web/bind.w"

static sr_sock*udp_lookup(sr_host*h,uint32_t saddr,uint16_t sport,
uint32_t daddr,uint16_t dport,int ifindex)
{
return udp_table_lookup(h,IPPROTO_UDP,saddr,sport,daddr,dport,ifindex,NULL,0);
}

static sr_sock*udp_table_lookup(sr_host*h,int proto,uint32_t saddr,
uint16_t sport,uint32_t daddr,uint16_t dport,int ifindex,const uint8_t*data,
size_t len)
{
sr_porttab*pt;
sr_slot*sl;
sr_sock*r;
uint16_t hnum= ntohs(dport);
if(!h->bind)return NULL;
pt= &h->bind->proto[proto==IPPROTO_UDPLITE?SR_TAB_UDPLITE:SR_TAB_UDP];
if(pt->t[LK_CONN].n){
/*549:*/
#line 1979 "web/bind.w"

sl= slot_find(&pt->t[LK_CONN],KEY_CONN(daddr,hnum,saddr,ntohs(sport)));
for(r= sl?sl->first:NULL;r;r= r->lk[LK_CONN].next)
if(r->inet_daddr==saddr&&r->inet_dport==sport&&
r->inet_rcv_saddr==daddr&&r->inet_num==hnum&&
udp_dev_match(r,ifindex))
return r;

/*:549*/
#line 1963 "web/bind.w"

}
for(int step= 2;step<=3;step++){
uint32_t addr= step==2?daddr:htonl(INADDR_ANY);
r= udp_lookup2(h,slot_find(&pt->t[LK_ADDR],KEY_ADDR(addr,hnum)),saddr,sport,
addr,hnum,ifindex,data,len);
if(r)return r;
}
return NULL;
}

/*:548*//*550:*/
#line 1990 "web/bind.w"

static bool udp_dev_match(const sr_sock*s,int ifindex)
{
return!s->bound_dev_if||s->bound_dev_if==ifindex;
}

/*:550*//*552:*/
#line 2023 "web/bind.w"

static int udp_score(const sr_sock*s,uint32_t saddr,uint16_t sport,
uint32_t daddr,uint16_t hnum,int ifindex)
{
int score= 2;
if(s->inet_num!=hnum||s->inet_rcv_saddr!=daddr)return-1;
if(s->inet_daddr){
if(s->inet_daddr!=saddr)return-1;
score+= 4;
}
if(s->inet_dport){
if(s->inet_dport!=sport)return-1;
score+= 4;
}
if(!udp_dev_match(s,ifindex))return-1;
if(s->bound_dev_if)score+= 4;
if(s->incoming_cpu==SR_THIS_CPU)score++;
return score;
}

/*:552*//*554:*/
#line 2059 "web/bind.w"

static sr_sock*udp_lookup2(sr_host*h,const sr_slot*sl,uint32_t saddr,
uint16_t sport,uint32_t daddr,uint16_t hnum,int ifindex,const uint8_t*data,
size_t len)
{
sr_sock*result= NULL,*pick;
int badness= 0,score;
for(sr_sock*s= sl?sl->first:NULL;s;s= s->lk[LK_ADDR].next){
score= udp_score(s,saddr,sport,daddr,hnum,ifindex);
if(score<=badness)continue;
badness= score;
result= s;
if(s->connected||!s->reuseport||!s->rp)continue;
pick= rp_select(s->rp,udp_ehashfn(h,daddr,hnum,saddr,sport),data,len);
if(!pick)continue;
result= pick;
if(!s->rp->has_conns)return result;
score= udp_score(pick,saddr,sport,daddr,hnum,ifindex);
if(score> badness)badness= score;
}
return result;
}

/*:554*//*555:*/
#line 2108 "web/bind.w"

static sr_sock*rp_select(const sr_rpgroup*g,uint32_t hash,const uint8_t*data,
size_t len)
{
sr_sock*first_valid= NULL;
bool want_cpu= false;
int i,j;
if(g->prog&&data){
int idx= bpf_classic_run(g->prog,g->prog_len,data,len);
if(idx>=0&&idx<g->n)return g->sock[idx];
}
for(i= 0;i<g->n;i++)
if(g->sock[i]->incoming_cpu>=0)want_cpu= true;
i= j= (int)(((uint64_t)hash*(uint32_t)g->n)>>32);
do{
sr_sock*s= g->sock[i];
if(!s->connected){
if(!want_cpu||s->incoming_cpu==SR_THIS_CPU)return s;
if(!first_valid)first_valid= s;
}
if(++i>=g->n)i= 0;
}while(i!=j);
return first_valid;
}

/*:555*//*556:*/
#line 2141 "web/bind.w"

static uint32_t rol32(uint32_t x,int k)
{
return(x<<k)|(x>>(32-k));
}

static uint32_t jhash_3words(uint32_t a,uint32_t b,uint32_t c,uint32_t initval)
{
initval+= 0xdeadbeefu+(3u<<2);
a+= initval;
b+= initval;
c+= initval;
c^= b;c-= rol32(b,14);
a^= c;a-= rol32(c,11);
b^= a;b-= rol32(a,25);
c^= b;c-= rol32(b,16);
a^= c;a-= rol32(c,4);
b^= a;b-= rol32(a,14);
c^= b;c-= rol32(b,24);
return c;
}

static uint32_t udp_ehashfn(sr_host*h,uint32_t laddr,uint16_t lport,
uint32_t faddr,uint16_t fport)
{
if(!h->ehash_secret)h->ehash_secret= bind_random32()|1;
return jhash_3words(laddr,faddr,(uint32_t)lport<<16|fport,h->ehash_secret);
}

/*:556*//*558:*/
#line 2192 "web/bind.w"

static void udp_lookup_all(sr_host*h,uint32_t saddr,uint16_t sport,
uint32_t daddr,uint16_t dport,int ifindex,void(*fn)(sr_sock*,void*),
void*arg)
{
udp_table_lookup_all(h,IPPROTO_UDP,saddr,sport,daddr,dport,ifindex,fn,arg);
}

static void udp_table_lookup_all(sr_host*h,int proto,uint32_t saddr,
uint16_t sport,uint32_t daddr,uint16_t dport,int ifindex,
void(*fn)(sr_sock*,void*),void*arg)
{
sr_sock*first= NULL;
int tab= proto==IPPROTO_UDPLITE?SR_TAB_UDPLITE:SR_TAB_UDP;
for(sr_sock*s= port_first(h,tab,ntohs(dport));s;s= s->lk[LK_PORT].next){
if((s->inet_daddr&&s->inet_daddr!=saddr)||
(s->inet_dport&&s->inet_dport!=sport)||
(s->inet_rcv_saddr&&s->inet_rcv_saddr!=daddr)||
!udp_dev_match(s,ifindex)||!mc_sf_allow(s,daddr,saddr,ifindex))
continue;
if(!first)first= s;
else fn(s,arg);
}
if(first)fn(first,arg);
}

/*:558*//*559:*/
#line 2226 "web/bind.w"

static bool mc_sf_allow(const sr_sock*s,uint32_t loc,uint32_t rmt,int ifindex)
{
const sr_mcsock*m;
int i;
if(!ipv4_is_multicast(loc))return true;
for(m= s->mc_list;m;m= m->next)
if(m->group==loc&&m->ifindex==ifindex)break;
if(!m)return(s->ipflags&IPF_MC_ALL)!=0;
if(!m->has_list)return m->mode==MCAST_EXCLUDE;
for(i= 0;i<m->nsrc&&m->src[i]!=rmt;i++);
return m->mode==MCAST_INCLUDE?i<m->nsrc:i==m->nsrc;
}

/*:559*//*562:*/
#line 2257 "web/bind.w"

static int sock_fd(const sr_sock*s)
{
const sr_fdtab*t= &W->cur->fds;
for(int fd= 0;fd<t->cap;fd++)
if(t->file[fd]&&t->file[fd]->sock==s)return fd;
return-ENOENT;
}

int sr_udp_receiver(const struct sockaddr_in*from,const struct sockaddr_in*to,
int ifindex)
{
sr_sock*s;
world_ready();
if(!from||!to)return sys_return(-EFAULT);
s= udp_lookup(W->cur->host,from->sin_addr.s_addr,from->sin_port,
to->sin_addr.s_addr,to->sin_port,ifindex);
return sys_return(s?sock_fd(s):-ENOENT);
}

/*:562*//*563:*/
#line 2277 "web/bind.w"

struct receivers{int*fds,max,n;};

static void add_receiver(sr_sock*s,void*arg)
{
struct receivers*r= arg;
if(r->n<r->max)r->fds[r->n]= sock_fd(s);
r->n++;
}

int sr_udp_receivers(const struct sockaddr_in*from,const struct sockaddr_in*to,
int ifindex,int*fds,int max)
{
struct receivers r= {fds,max,0};
world_ready();
if(!from||!to||(max> 0&&!fds))return sys_return(-EFAULT);
udp_lookup_all(W->cur->host,from->sin_addr.s_addr,from->sin_port,
to->sin_addr.s_addr,to->sin_port,ifindex,add_receiver,&r);
return r.n;
}

/*:563*//*566:*/
#line 2315 "web/bind.w"

static void inet_release(sr_sock*s)
{
s->listening= false;
sock_unhash(s);
if(s->rp)rp_detach(s);
}
/*:566*//*571:*/
#line 138 "web/udp.w"

static int dgram_buf_order(size_t len)
{
size_t need= SR_DGRAM_HEADROOM+len;
return 64-__builtin_clzll((unsigned long long)need-1);
}

/*:571*//*572:*/
#line 148 "web/udp.w"

static void*dgram_buf(size_t len)
{
void*b;
int order;
if(len<=SR_SMALL_DGRAM)
b= W->nsmall_spare?W->small_spare[--W->nsmall_spare]:xmalloc(SR_SMALL_BUF);
else{
order= dgram_buf_order(len);
b= order<=SR_BIG_ORDER_MAX&&W->nbig_spare[order]?
W->big_spare[order][--W->nbig_spare[order]]:xmalloc((size_t)1<<order);
}
buf_lend(b,SR_DGRAM_HEADROOM+len);
return b;
}

/*:572*//*573:*/
#line 170 "web/udp.w"

static inline const uint8_t*dgram_data(const sr_dgram*d)
{
return d->data+d->shift;
}

static inline int pkt_data_shift(const sr_pkt*pkt,const uint8_t*data)
{
uintptr_t at= (uintptr_t)data-((uintptr_t)pkt+SR_DGRAM_HEADROOM);
return at<SR_DATA_ALIGN?(int)at:-1;
}

/*:573*//*574:*/
#line 185 "web/udp.w"

static void dgram_free(sr_dgram*d)
{
int order;
if(d->len<=SR_SMALL_DGRAM){
if(W->nsmall_spare<SR_SMALL_SPARE){
buf_shelve(d);
W->small_spare[W->nsmall_spare++]= d;
}else free(d);
return;
}
order= dgram_buf_order(d->len);
if(order<=SR_BIG_ORDER_MAX&&W->nbig_spare[order]<SR_BIG_SPARE){
buf_shelve(d);
W->big_spare[order][W->nbig_spare[order]++]= d;
}else free(d);
}

/*:574*//*575:*/
#line 212 "web/udp.w"

static void buf_lend(void*b,size_t need)
{
#ifdef SR_ASAN
size_t have= __sanitizer_get_allocated_size(b);
if(have<need){
fprintf(stderr,"sockref: a spare buffer of %zu bytes lent for %zu\n",have,need);
abort();
}
ASAN_UNPOISON_MEMORY_REGION(b,need);
ASAN_POISON_MEMORY_REGION((uint8_t*)b+need,have-need);
#else
#line 224 "web/udp.w"
(void)b,(void)need;
#endif
#line 226 "web/udp.w"
}

static void buf_shelve(void*b)
{
#ifdef SR_ASAN
ASAN_POISON_MEMORY_REGION(b,__sanitizer_get_allocated_size(b));
#else
#line 233 "web/udp.w"
(void)b;
#endif
#line 235 "web/udp.w"
}

/*:575*//*583:*/
#line 331 "web/udp.w"

static int skb_alloc_size(int need)
{
if(need<=SR_SKB_SMALL_HEAD)return SR_SKB_SMALL_HEAD;
if(need<=1024)return 1024;
#if defined(__GNUC__)
return(int)(2u<<(31-__builtin_clz((unsigned)need-1)));
#else
#line 339 "web/udp.w"
{
int size= 1024;
while(size<need)size*= 2;
return size;
}
#endif
#line 345 "web/udp.w"
}

static int skb_truesize(int iplen,int paylen)
{
if(iplen+SR_SKB_EXTRA>=SR_SKB_MAX_ALLOC)
return SR_SKB_SMALL_HEAD+SR_SKB_STRUCT+paylen;
return skb_alloc_size(iplen+SR_SKB_EXTRA+SR_SKB_SHINFO)+SR_SKB_STRUCT;
}

/*:583*//*584:*/
#line 374 "web/udp.w"

static int udp_truesize(int hlen,size_t l4len,int mtu)
{
int len= (int)l4len,per,first,total,tail,left;
if(hlen+len<=mtu)return skb_truesize(hlen+len,len-SR_UDPHDR_LEN);
per= (mtu-hlen)&~7;
first= per;
total= skb_truesize(hlen+first,first-SR_UDPHDR_LEN);
tail= skb_alloc_size(hlen+first+SR_SKB_EXTRA+SR_SKB_SHINFO)-
SR_SKB_SHINFO-16-(hlen+first);
left= len-first;
for(int i= 0;left> 0;i++){
int frag= left> mtu-hlen?per:left;
if(!(i==0&&frag<=tail))total+= skb_truesize(hlen+frag,frag);
left-= frag;
}
return total;
}

/*:584*//*588:*/
#line 445 "web/udp.w"


static int udp_rcv(const struct sr_rx*rx)
{
struct udp_arrival a;
sr_sock*s;
a.rx= rx;
a.sole= false;
if(!udp_parse_header(rx,&a.u,&a.bad))return 0;
if(a.bad&&a.u.len<=SR_CHECKSUM_BREAK)return 0;
a.truesize= rx_truesize(rx);
if(rx->rt_type==SR_RT_BROADCAST||rx->rt_type==SR_RT_MULTICAST){
udp_table_lookup_all(rx->host,rx->protocol,rx->saddr,htons(a.u.sport),
rx->daddr,htons(a.u.dport),rx->ifindex,udp_deliver_one,&a);
return 0;
}
s= udp_table_lookup(rx->host,rx->protocol,rx->saddr,htons(a.u.sport),rx->daddr,
htons(a.u.dport),rx->ifindex,a.u.data,a.u.datalen);
if(!s)return a.bad?0:-1;
a.sole= true;
udp_deliver_one(s,&a);
return 0;
}

/*:588*//*591:*/
#line 482 "web/udp.w"

static bool udp_parse_header(const struct sr_rx*rx,struct sr_udp*u,bool*bad)
{
const uint8_t*p= rx->l4;
*bad= false;
if(!rx->csum_ok&&udp_parse(p,rx->l4len,rx->saddr,rx->daddr,rx->protocol,u))return true;
if(rx->l4len<SR_UDPHDR_LEN)return false;
u->sport= get16(p);
u->dport= get16(p+2);
u->len= get16(p+4);
u->check= get16(p+6);
if(u->len<SR_UDPHDR_LEN||u->len> rx->l4len)return false;
u->data= p+SR_UDPHDR_LEN;
u->datalen= u->len-SR_UDPHDR_LEN;
*bad= !rx->csum_ok;
return true;
}

/*:591*//*593:*/
#line 538 "web/udp.w"

static sr_dgram*dgram_clear(sr_dgram*d,size_t len)
{
size_t after_opts= offsetof(sr_dgram,wire_opt)+sizeof d->wire_opt;
memset(d,0,offsetof(sr_dgram,opt));
memset((uint8_t*)d+after_opts,0,SR_DGRAM_HEADROOM-after_opts);
d->len= len;
return d;
}

static sr_dgram*dgram_new(size_t len)
{
return dgram_clear(dgram_buf(len),len);
}

static void dgram_take_ip(sr_dgram*d,const struct sr_rx*rx)
{
d->daddr= rx->daddr;
d->ifindex= rx->ifindex;
d->ttl= rx->ttl;
d->tos= rx->tos;
d->frag_max= (uint16_t)rx->frag_max;
d->mark= rx->mark;
d->optlen= rx->optlen> SR_MAX_IPOPTLEN?SR_MAX_IPOPTLEN:rx->optlen;
if(d->optlen){
memcpy(d->opt,rx->opt,(size_t)d->optlen);
memcpy(d->wire_opt,rx->wire_opt,(size_t)d->optlen);
}
d->stamped= W->netstamp_sockets> 0;
d->tstamp_ns= rx->tstamp_ns;
}

static void dgram_take_rx(sr_dgram*d,const struct sr_rx*rx,int truesize)
{
dgram_take_ip(d,rx);
d->saddr= rx->saddr;
d->spec_dst= rx->spec_dst;
d->truesize= truesize;
}

static sr_dgram*dgram_adopt(const struct sr_rx*rx,const uint8_t*data,size_t len,
int truesize)
{
sr_pkt*pkt= rx->pkt?*rx->pkt:NULL;
sr_dgram*d;
int shift;
if(!pkt||(shift= pkt_data_shift(pkt,data))<0||rx->optlen)return NULL;
*rx->pkt= NULL;
d= (sr_dgram*)(void*)pkt;
dgram_take_rx(d,rx,truesize);
d->shift= (uint8_t)shift;
d->peeked= false;
d->is_err= false;
d->len= len;
return d;
}

static sr_dgram*dgram_from_rx(const struct udp_arrival*a)
{
sr_dgram*d= a->sole?dgram_adopt(a->rx,a->u.data,a->u.datalen,a->truesize):NULL;
if(!d)d= dgram_of_rx(a->rx,a->u.data,a->u.datalen,a->truesize);
d->sport= htons(a->u.sport);
d->dport= htons(a->u.dport);
d->l4off= -1;
d->csum_bad= a->bad;
return d;
}

/*:593*//*594:*/
#line 630 "web/udp.w"

static void udp_deliver_one(sr_sock*s,void*arg)
{
const struct udp_arrival*a= arg;
sr_dgram*d;
int keep;
if(udp_encap_takes(s,a))return;
keep= sk_filter_run(s,a->rx->l4,a->u.len);
if(keep==0||(keep> 0&&a->bad)){s->drops++;return;}
if(!udp_rcvbuf_takes(s,a->truesize))return;
d= dgram_from_rx(a);
dgram_pktinfo_prepare(s,d);
if(keep> 0&&(size_t)keep<d->len+SR_UDPHDR_LEN)
d->len= keep> SR_UDPHDR_LEN?(size_t)keep-SR_UDPHDR_LEN:0;
udp_queue_rcv(s,d);
}

/*:594*//*596:*/
#line 655 "web/udp.w"

static inline bool udp_rcvbuf_takes(sr_sock*s,int truesize)
{
unsigned rmem= (unsigned)s->rmem,rcvbuf= (unsigned)s->rcvbuf;
if(s->inet_daddr)s->incoming_cpu= SR_THIS_CPU;
if(rmem+(unsigned)truesize> rcvbuf&&(rcvbuf> INT_MAX>>1||rmem)){
s->drops++;
return false;
}
return true;
}

static inline void udp_queue_rcv(sr_sock*s,sr_dgram*d)
{
d->dropcount= (s->flags&SK_RXQ_OVFL)?s->drops:0;
udp_queue_tail(s,d);
s->rmem+= d->truesize;
sk_fwd_schedule(s,d->truesize);
sock_data_ready(s);
}

/*:596*//*598:*/
#line 718 "web/udp.w"

static bool udp_loop_rcv(sr_host*h,int ifindex,sr_pkt*pkt)
{
const uint8_t*iph= pkt->data,*uh= iph+SR_IPHDR_LEN;
size_t ulen= get16(uh+4),l4len= (size_t)get16(iph+2)-SR_IPHDR_LEN;
uint32_t saddr,daddr,mark;
uint16_t sport,dport,frag_max;
int iif,truesize,shift;
uint8_t ttl,tos;
sr_sock*s;
sr_dgram*d;
if(iph[9]!=IPPROTO_UDP||h->raw.n||!pkt->csum_partial||!pkt->truesize||
(shift= pkt_data_shift(pkt,uh+SR_UDPHDR_LEN))<0||
ulen<SR_UDPHDR_LEN||ulen> l4len)
return false;
iif= ifindex==SR_LOOPBACK_IFINDEX&&pkt->iif?pkt->iif:ifindex;
saddr= get_addr(iph+12);
daddr= get_addr(iph+16);
memcpy(&sport,uh,sizeof sport);
memcpy(&dport,uh+2,sizeof dport);
s= udp_table_lookup(h,IPPROTO_UDP,saddr,sport,daddr,dport,iif,
uh+SR_UDPHDR_LEN,ulen-SR_UDPHDR_LEN);
if(!s||s->udp_encap||s->filter_kind==SR_FILTER_CLASSIC)return false;
truesize= pkt->truesize;
if(!udp_rcvbuf_takes(s,truesize)){free(pkt);return true;}
ttl= iph[8];
tos= iph[1];
mark= pkt->mark;
frag_max= pkt->frag_max;
d= (sr_dgram*)(void*)pkt;
d->saddr= saddr;
d->daddr= daddr;
d->sport= sport;
d->dport= dport;
d->ifindex= (s->ipflags&IPF_PKTINFO)?iif:0;
d->spec_dst= (s->ipflags&IPF_PKTINFO)?daddr:0;
d->ttl= ttl;
d->tos= tos;
d->frag_max= frag_max;
d->mark= mark;
d->optlen= 0;
d->stamped= W->netstamp_sockets> 0;
d->tstamp_ns= W->now_ns;
d->truesize= truesize;
d->peeked= false;
d->csum_bad= false;
d->l4off= -1;
d->is_err= false;
d->shift= (uint8_t)shift;
d->len= ulen-SR_UDPHDR_LEN;
udp_queue_rcv(s,d);
return true;
}

/*:598*//*600:*/
#line 789 "web/udp.w"

static void dgram_pktinfo_prepare(const sr_sock*s,sr_dgram*d)
{
if(!(s->ipflags&IPF_PKTINFO)){
d->ifindex= 0;
d->spec_dst= 0;
}
}

/*:600*//*602:*/
#line 804 "web/udp.w"

static void udp_queue_tail(sr_sock*s,sr_dgram*d)
{
d->next= NULL;
if(s->rq_tail)s->rq_tail->next= d;
else s->rq_head= d;
s->rq_tail= d;
s->rq_len++;
s->rq_seq++;
}

static sr_dgram*udp_queue_head_remove(sr_sock*s)
{
sr_dgram*d= s->rq_head;
s->rq_head= d->next;
if(!s->rq_head)s->rq_tail= NULL;
s->rq_len--;
if(s->rq_reader)s->rq_reader--;
return d;
}

/*:602*//*604:*/
#line 845 "web/udp.w"

static bool bpf_load(const uint8_t*p,size_t len,uint32_t k,int size,uint32_t*v)
{
if(k>=(uint32_t)SKF_AD_OFF){*v= 0;return true;}
if((size_t)k+(size_t)size> len)return false;
*v= size==4?(uint32_t)p[k]<<24|(uint32_t)p[k+1]<<16|
(uint32_t)p[k+2]<<8|p[k+3]:
size==2?(uint32_t)p[k]<<8|p[k+1]:p[k];
return true;
}

static int sk_filter_run(const sr_sock*s,const uint8_t*p,size_t len)
{
if(s->filter_kind!=SR_FILTER_CLASSIC)return-1;
return bpf_classic_run(s->filter,s->filter_len,p,len);
}

/*:604*//*606:*/
#line 871 "web/udp.w"

static int bpf_classic_run(const struct sock_filter*prog,int n,const uint8_t*p,
size_t len)
{
uint32_t A= 0,X= 0,M[BPF_MEMWORDS],v;
memset(M,0,sizeof M);
for(int pc= 0;pc<n;pc++){
const struct sock_filter*f= &prog[pc];
uint32_t k= f->k;
switch(f->code){
/*607:*/
#line 891 "web/udp.w"

case BPF_RET|BPF_K:return(int)(k> INT_MAX?INT_MAX:k);
case BPF_RET|BPF_A:return(int)(A> INT_MAX?INT_MAX:A);
case BPF_LD|BPF_W|BPF_ABS:if(!bpf_load(p,len,k,4,&A))return 0;break;
case BPF_LD|BPF_H|BPF_ABS:if(!bpf_load(p,len,k,2,&A))return 0;break;
case BPF_LD|BPF_B|BPF_ABS:if(!bpf_load(p,len,k,1,&A))return 0;break;
case BPF_LD|BPF_W|BPF_IND:if(!bpf_load(p,len,X+k,4,&A))return 0;break;
case BPF_LD|BPF_H|BPF_IND:if(!bpf_load(p,len,X+k,2,&A))return 0;break;
case BPF_LD|BPF_B|BPF_IND:if(!bpf_load(p,len,X+k,1,&A))return 0;break;
case BPF_LD|BPF_W|BPF_LEN:A= (uint32_t)len;break;
case BPF_LDX|BPF_W|BPF_LEN:X= (uint32_t)len;break;
case BPF_LD|BPF_IMM:A= k;break;
case BPF_LDX|BPF_IMM:X= k;break;
case BPF_LD|BPF_MEM:A= M[k];break;
case BPF_LDX|BPF_MEM:X= M[k];break;
case BPF_LDX|BPF_B|BPF_MSH:
if(!bpf_load(p,len,k,1,&v))return 0;
X= (v&0xf)<<2;
break;
case BPF_ST:M[k]= A;break;
case BPF_STX:M[k]= X;break;
case BPF_MISC|BPF_TAX:X= A;break;
case BPF_MISC|BPF_TXA:A= X;break;
case BPF_ALU|BPF_ADD|BPF_K:A+= k;break;
case BPF_ALU|BPF_ADD|BPF_X:A+= X;break;
case BPF_ALU|BPF_SUB|BPF_K:A-= k;break;
case BPF_ALU|BPF_SUB|BPF_X:A-= X;break;
case BPF_ALU|BPF_MUL|BPF_K:A*= k;break;
case BPF_ALU|BPF_MUL|BPF_X:A*= X;break;
case BPF_ALU|BPF_DIV|BPF_K:A/= k;break;
case BPF_ALU|BPF_DIV|BPF_X:if(!X)return 0;A/= X;break;
case BPF_ALU|BPF_MOD|BPF_K:A%= k;break;
case BPF_ALU|BPF_MOD|BPF_X:if(!X)return 0;A%= X;break;
case BPF_ALU|BPF_AND|BPF_K:A&= k;break;
case BPF_ALU|BPF_AND|BPF_X:A&= X;break;
case BPF_ALU|BPF_OR|BPF_K:A|= k;break;
case BPF_ALU|BPF_OR|BPF_X:A|= X;break;
case BPF_ALU|BPF_XOR|BPF_K:A^= k;break;
case BPF_ALU|BPF_XOR|BPF_X:A^= X;break;
case BPF_ALU|BPF_LSH|BPF_K:A<<= k;break;
case BPF_ALU|BPF_LSH|BPF_X:A= X<32?A<<X:0;break;
case BPF_ALU|BPF_RSH|BPF_K:A>>= k;break;
case BPF_ALU|BPF_RSH|BPF_X:A= X<32?A>>X:0;break;
case BPF_ALU|BPF_NEG:A= (uint32_t)-A;break;
case BPF_JMP|BPF_JA:pc+= (int)k;break;
case BPF_JMP|BPF_JEQ|BPF_K:pc+= A==k?f->jt:f->jf;break;
case BPF_JMP|BPF_JEQ|BPF_X:pc+= A==X?f->jt:f->jf;break;
case BPF_JMP|BPF_JGT|BPF_K:pc+= A> k?f->jt:f->jf;break;
case BPF_JMP|BPF_JGT|BPF_X:pc+= A> X?f->jt:f->jf;break;
case BPF_JMP|BPF_JGE|BPF_K:pc+= A>=k?f->jt:f->jf;break;
case BPF_JMP|BPF_JGE|BPF_X:pc+= A>=X?f->jt:f->jf;break;
case BPF_JMP|BPF_JSET|BPF_K:pc+= (A&k)?f->jt:f->jf;break;
case BPF_JMP|BPF_JSET|BPF_X:pc+= (A&X)?f->jt:f->jf;break;


/*:607*/
#line 881 "web/udp.w"

default:return 0;
}
}
return 0;
}

/*:606*//*609:*/
#line 1000 "web/udp.w"

static const struct{int err;bool hard;}icmp_unreach_err[NR_ICMP_UNREACH+1]= {
{ENETUNREACH,false},{EHOSTUNREACH,false},{ENOPROTOOPT,true},
{ECONNREFUSED,true},{EMSGSIZE,false},{EOPNOTSUPP,false},
{ENETUNREACH,true},{EHOSTDOWN,true},{ENONET,true},{ENETUNREACH,true},
{EHOSTUNREACH,true},{ENETUNREACH,false},{EHOSTUNREACH,false},
{EHOSTUNREACH,true},{EHOSTUNREACH,true},{EHOSTUNREACH,true}
};

static void udp_err(const struct sr_rx*icmp,int type,int code,uint32_t info,
const uint8_t*orig_ip,size_t len)
{
sr_host*h= icmp->host;
size_t ihl= (size_t)(orig_ip[0]&0xf)*4;
uint32_t saddr= get_addr(orig_ip+12),daddr= get_addr(orig_ip+16);
uint16_t sport,dport;
int err,proto= orig_ip[9];
bool hard= false;
sr_sock*s;
memcpy(&sport,orig_ip+ihl,2);
memcpy(&dport,orig_ip+ihl+2,2);
s= udp_table_lookup(h,proto,daddr,dport,saddr,sport,icmp->dev_ifindex,NULL,0);
if(!s)return;
switch(type){
case ICMP_SOURCE_QUENCH:case ICMP_REDIRECT:return;
case ICMP_PARAMETERPROB:err= EPROTO;hard= true;break;
case ICMP_DEST_UNREACH:
if(code==ICMP_FRAG_NEEDED){
ip_rt_update_pmtu(h,daddr,info);
if(s->pmtudisc==IP_PMTUDISC_DONT)return;
err= EMSGSIZE;
hard= true;
break;
}
err= EHOSTUNREACH;
if(code<=NR_ICMP_UNREACH){
err= icmp_unreach_err[code].err;
hard= icmp_unreach_err[code].hard;
}
break;
default:err= EHOSTUNREACH;break;
}
if(!(s->ipflags&IPF_RECVERR)){
if(!hard||!s->connected)return;
}else ip_icmp_error(s,icmp,err,type,code,info,dport,daddr,
orig_ip+ihl+SR_UDPHDR_LEN,len-ihl-SR_UDPHDR_LEN);
s->err= err;
sock_error_report(s);
}

/*:609*//*612:*/
#line 1082 "web/udp.w"

static void ip_icmp_error(sr_sock*s,const struct sr_rx*icmp,int err,int type,
int code,uint32_t info,uint16_t port,uint32_t daddr,const uint8_t*payload,
size_t len)
{
sr_dgram*d= dgram_new(len);
if(len)memcpy(d->data,payload,len);
d->is_err= true;
d->ee.ee_errno= (uint32_t)err;
d->ee.ee_origin= SO_EE_ORIGIN_ICMP;
d->ee.ee_type= (uint8_t)type;
d->ee.ee_code= (uint8_t)code;
d->ee.ee_info= info;
d->offender= icmp->saddr;
dgram_take_ip(d,icmp);
d->saddr= daddr;
d->dport= port;
d->ifindex= icmp->dev_ifindex;
d->truesize= skb_truesize(SR_IPHDR_LEN+icmp->optlen+(int)icmp->l4len,0);
sock_queue_err(s,d);
}

/*:612*//*613:*/
#line 1106 "web/udp.w"

static void sock_queue_err(sr_sock*s,sr_dgram*d)
{
if((unsigned)s->rmem+(unsigned)d->truesize>=(unsigned)s->rcvbuf){
free(d);
return;
}
d->next= NULL;
if(s->eq_tail)s->eq_tail->next= d;
else s->eq_head= d;
s->eq_tail= d;
s->rmem+= d->truesize;
sock_error_report(s);
}

/*:613*//*615:*/
#line 1138 "web/udp.w"

static void ip_local_error(sr_sock*s,int err,uint32_t daddr,uint16_t port,
uint32_t info)
{
sr_dgram*d;
if(!(s->ipflags&IPF_RECVERR))return;
d= dgram_new(0);
d->is_err= true;
d->ee.ee_errno= (uint32_t)err;
d->ee.ee_origin= SO_EE_ORIGIN_LOCAL;
d->ee.ee_info= info;
d->saddr= daddr;
d->dport= port;
d->stamped= W->netstamp_sockets> 0;
d->tstamp_ns= W->now_ns;
d->truesize= skb_truesize(SR_IPHDR_LEN,0);
sock_queue_err(s,d);
}

/*:615*//*617:*/
#line 1169 "web/udp.w"

static sr_dgram*sock_dequeue_err(sr_sock*s)
{
sr_dgram*d= s->eq_head,*next;
bool icmp_next= false;
if(!d)return NULL;
next= s->eq_head= d->next;
if(!next)s->eq_tail= NULL;
if(next&&next->ee.ee_origin==SO_EE_ORIGIN_ICMP){
icmp_next= true;
s->err= (int)next->ee.ee_errno;
}
if(d->ee.ee_origin==SO_EE_ORIGIN_ICMP&&!icmp_next)s->err= 0;
s->rmem-= d->truesize;
if(next)sock_error_report(s);
return d;
}

static void sock_purge_err(sr_sock*s)
{
while(s->eq_head){
sr_dgram*d= s->eq_head;
s->eq_head= d->next;
s->rmem-= d->truesize;
free(d);
}
s->eq_tail= NULL;
}

/*:617*//*619:*/
#line 1209 "web/udp.w"

static int set_recverr(sr_sock*s,sr_optreq*rq)
{
if(!rq->val){
sr_dgram**at= &s->eq_head;
s->eq_tail= NULL;
while(*at){
sr_dgram*d= *at;
if(d->ee.ee_origin==SO_EE_ORIGIN_TIMESTAMPING){
s->eq_tail= d;
at= &d->next;
continue;
}
*at= d->next;
s->rmem-= d->truesize;
free(d);
}
}
return set_flag(s,rq);
}

/*:619*//*623:*/
#line 1296 "web/udp.w"

static ssize_t udp_sendmsg(sr_sock*s,const struct msghdr*msg,size_t len,int flags)
{
const struct sockaddr_in*usin= msg->msg_name;
uint32_t daddr,faddr,saddr;
uint16_t dport;
bool connected= false,cached;
struct sr_ipcm ipc;
struct sr_rtres rt;
const uint8_t*opt;
int optlen,err,mtu;
if(len> 0xFFFF)return-EMSGSIZE;
if(flags&MSG_OOB)return-EOPNOTSUPP;
if(s->udp_cork)flags|= MSG_MORE;
if(s->cork)return udp_cork_append(s,msg,len,flags);
/*624:*/
#line 1336 "web/udp.w"

if(usin){
if(msg->msg_namelen<(socklen_t)sizeof*usin)return-EINVAL;
if(usin->sin_family!=AF_INET&&usin->sin_family!=AF_UNSPEC)
return-EAFNOSUPPORT;
daddr= usin->sin_addr.s_addr;
dport= usin->sin_port;
if(dport==0)return-EINVAL;
}else{
if(!s->connected)return-EDESTADDRREQ;
daddr= s->inet_daddr;
dport= s->inet_dport;
connected= true;
}

/*:624*/
#line 1311 "web/udp.w"

/*625:*/
#line 1362 "web/udp.w"

ipcm_init_sk(s,&ipc);
if(msg->msg_controllen){
err= udp_cmsg_send(s,msg,&ipc);
if(err<0)return err;
connected= false;
}

/*:625*/
#line 1312 "web/udp.w"

opt= ipc.has_opt?ipc.opt:s->opt;
optlen= ipc.has_opt?ipc.optlen:s->optlen;
saddr= ipc.addr;
faddr= daddr;
if(optlen&&ip_options_first_hop(opt,optlen,&faddr)){
if(!daddr)return-EINVAL;
connected= false;
}
/*628:*/
#line 1407 "web/udp.w"

if(ipv4_is_multicast(daddr)||(flags&MSG_DONTROUTE)||(s->flags&SK_DONTROUTE))
connected= false;
cached= connected&&s->dst_cached;
err= ip_route_dgram(s,daddr,faddr,saddr,&ipc,flags,false,cached,&rt);
if(err)return err;
if(connected)sk_dst_set(s,&rt);

/*:628*/
#line 1321 "web/udp.w"

if(!daddr)daddr= rt.saddr;
/*629:*/
#line 1421 "web/udp.w"

if(cached)rt.saddr= s->fl_saddr;
if(flags&MSG_MORE){
s->fl_daddr= daddr;
s->fl_dport= dport;
s->fl_saddr= rt.saddr;
}else if(cached){
daddr= s->fl_daddr;
dport= s->fl_dport;
}

/*:629*/
#line 1323 "web/udp.w"

if((flags&MSG_CONFIRM)&&(flags&SR_MSG_PROBE)&&len==0)return 0;
if(flags&SR_MSG_PROBE)return(ssize_t)len;
/*632:*/
#line 1473 "web/udp.w"

err= ip_append_size_check(s,&rt,daddr,optlen,len+SR_UDPHDR_LEN,ipc.gso_size!=0,
&mtu);
if(err)return err;

/*:632*/
#line 1326 "web/udp.w"

if(flags&MSG_MORE)
return udp_cork_start(s,msg,len,flags,&ipc,&rt,opt,optlen,mtu);
if(ipc.gso_size)return udp_send_segments(s,msg,len,flags,&ipc,&rt,daddr,dport,
opt,optlen,mtu);
err= udp_send_one(s,msg,0,len,flags,&ipc,&rt,daddr,dport,opt,optlen,mtu,
true);
return err<0?err:(ssize_t)len;
}

/*:623*//*627:*/
#line 1377 "web/udp.w"

static void ipcm_init_sk(const sr_sock*s,struct sr_ipcm*ipc)
{
memset(ipc,0,offsetof(struct sr_ipcm,opt));
ipc->addr= s->inet_saddr;
ipc->oif= s->bound_dev_if;
ipc->ttl= ipc->tos= -1;
ipc->priority= s->priority;
ipc->mark= s->mark;
ipc->tsflags= s->tsflags;
ipc->gso_size= s->udp_gso_size;
}

/*:627*//*631:*/
#line 1441 "web/udp.w"

static inline int ip_route_dgram(sr_sock*s,uint32_t daddr,uint32_t faddr,uint32_t saddr,
struct sr_ipcm*ipc,int flags,bool anysrc,bool cached,struct sr_rtres*rt)
{
struct sr_flow fl;
int err;
if(ipv4_is_multicast(daddr)){
if(!ipc->oif)ipc->oif= s->mc_index;
if(!saddr)saddr= s->mc_addr;
}else if(!ipc->oif)ipc->oif= s->uc_index;
sk_flow(s,faddr,saddr,ipc->oif,&fl);
if(anysrc)fl.freebind= true;
if(flags&MSG_DONTROUTE)fl.dontroute= true;
if((err= sk_route_output(s,fl,rt))<0)return err;
if(rt->type==SR_RT_BROADCAST&&!(s->flags&SK_BROADCAST)&&!cached)return-EACCES;
return 0;
}

/*:631*//*634:*/
#line 1487 "web/udp.w"

static int ip_append_size_check(sr_sock*s,const struct sr_rtres*rt,uint32_t daddr,
int optlen,size_t l4len,bool gso,int*mtu)
{
bool ignore_df= ip_sk_ignore_df(s);
int maxsize;
*mtu= rt->mtu;
if(s->pmtudisc>=IP_PMTUDISC_PROBE){
const sr_iface*dev= iface_by_index(s->host,rt->ifindex);
*mtu= dev->mtu> SR_IP_MAX_MTU?SR_IP_MAX_MTU:dev->mtu;
}
maxsize= ignore_df||gso?SR_IP_MAXPACKET:*mtu;
if(l4len> (size_t)(maxsize-SR_IPHDR_LEN-optlen)){
ip_local_error(s,EMSGSIZE,daddr,s->inet_dport,
(uint32_t)((gso?SR_IP_MAXPACKET:*mtu)-optlen));
return-EMSGSIZE;
}
return 0;
}

/*:634*//*636:*/
#line 1560 "web/udp.w"

static int ip_frags_charge(sr_sock*s,int flags,int hlen,size_t l4len,int mtu,
int thlen,int*total)
{
int len= (int)l4len,per= (mtu-hlen)&~7,left= len,delta= 0,err;
if(thlen&&hlen+len<=mtu){
*total= skb_truesize(hlen+len,len-thlen);
if(!s->err&&!(s->shutdown&SR_SEND_SHUTDOWN)&&s->wmem<s->sndbuf){
s->wmem+= *total;
return 0;
}
return sock_alloc_send(s,flags,*total);
}
*total= 0;
if(thlen){
int first= hlen+len<=mtu?len:per;
*total= skb_truesize(hlen+first,first-thlen);
if((err= sock_alloc_send(s,flags,*total))!=0)return err;
left-= first;
}
while(left> 0){
int frag= left> mtu-hlen?per:left;
int ts= skb_truesize(hlen+frag,frag);
if((long long)s->wmem+delta>=2LL*s->sndbuf){
s->wmem-= *total;
return-ENOBUFS;
}
delta+= ts;
left-= frag;
}
s->wmem+= delta;
*total+= delta;
return 0;
}

/*:636*//*637:*/
#line 1600 "web/udp.w"

static int sock_alloc_send(sr_sock*s,int flags,int truesize)
{
uint64_t deadline= 0;
bool timed= false;
for(;;){
int err;
if(s->err){err= s->err;s->err= 0;return-err;}
if(s->shutdown&SR_SEND_SHUTDOWN)return-EPIPE;
if(s->wmem<s->sndbuf)break;
if(!timed)deadline= sock_deadline((flags&MSG_DONTWAIT)?0:s->sndtimeo);
timed= true;
s->nospace= true;
if(deadline<=W->now_ns)return-EAGAIN;
s->nospace= false;
err= sock_wait(s,sock_may_send,NULL,deadline);
if(err)return err;
}
s->wmem+= truesize;
return 0;
}

/*:637*//*638:*/
#line 1643 "web/udp.w"

static inline int udp_send_one(sr_sock*s,const struct msghdr*msg,size_t from,size_t len,
int flags,const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr,
uint16_t dport,const uint8_t*opt,int optlen,int mtu,bool last)
{
size_t l4len= SR_UDPHDR_LEN+len;
int hlen= SR_IPHDR_LEN+optlen,total,err;
bool fits= (size_t)hlen+l4len<=(size_t)mtu;
sr_pkt*pkt;
err= ip_frags_charge(s,flags,hlen,l4len,mtu,SR_UDPHDR_LEN,&total);
if(err)return err;
pkt= udp_pkt_new(optlen,l4len,msg->msg_iovlen&&from<msg->msg_iov[0].iov_len?
(const uint8_t*)msg->msg_iov[0].iov_base+from:NULL);
pkt->last= last;
if(fits)pkt->truesize= total;
if(!iov_gather(msg,from,pkt->data+hlen+SR_UDPHDR_LEN,len)){
free(pkt);
s->wmem-= total;
return-EFAULT;
}
err= udp_send_built(s,pkt,ipc,rt,daddr,dport,opt,optlen,fits);
s->wmem-= total;
return err;
}

/*:638*//*639:*/
#line 1683 "web/udp.w"

static sr_pkt*udp_pkt_new(int optlen,size_t l4len,const void*src)
{
size_t hlen= (size_t)SR_IPHDR_LEN+(size_t)optlen;
size_t headroom= SR_DGRAM_HEADROOM-SR_UDPHDR_LEN-hlen,len= l4len-SR_UDPHDR_LEN;
uintptr_t shift= 0;
void*b;
if(!src||len<SR_VCOPY_MIN)b= dgram_buf(len);
else{
b= dgram_buf(len+SR_DATA_ALIGN-1);
shift= ((uintptr_t)src-((uintptr_t)b+SR_DGRAM_HEADROOM))&(SR_DATA_ALIGN-1);
}
return pkt_init(b,headroom+shift,hlen+l4len);
}

/*:639*//*640:*/
#line 1702 "web/udp.w"

static inline int udp_send_built(sr_sock*s,sr_pkt*pkt,const struct sr_ipcm*ipc,
const struct sr_rtres*rt,uint32_t daddr,uint16_t dport,const uint8_t*opt,int optlen,
bool partial)
{
struct sr_ipout o;
uint8_t*l4= pkt->data+SR_IPHDR_LEN+optlen;
size_t l4len= pkt->len-SR_IPHDR_LEN-(size_t)optlen;
pkt->csum_partial= partial&&s->protocol==IPPROTO_UDP;
udp_header_emit(l4,l4len,s->inet_sport,dport,rt->saddr,daddr,(uint8_t)s->protocol,
pkt->csum_partial);
if(s->no_check_tx&&s->protocol==IPPROTO_UDP){
put16(l4+6,0);
pkt->csum_partial= false;
}
ip_sk_ipout(s,ipc,rt,opt,optlen,&o);
return ip_output_pkt(s->host,rt,daddr,&o,pkt);
}

/*:640*//*642:*/
#line 1746 "web/udp.w"

static void ip_sk_ipout(sr_sock*s,const struct sr_ipcm*ipc,const struct sr_rtres*rt,
const uint8_t*opt,int optlen,struct sr_ipout*o)
{
memset(o,0,sizeof*o);
o->protocol= (uint8_t)s->protocol;
o->ttl= (uint8_t)(ipc->ttl>=0?ipc->ttl:rt->type==SR_RT_MULTICAST?s->mc_ttl:
s->uc_ttl>=0?s->uc_ttl:(int)sysctl_value(s->host,SYS_IP_DEFAULT_TTL));
o->tos= (uint8_t)(ipc->tos>=0?ipc->tos:s->tos);
o->pmtudisc= s->pmtudisc;
o->opt= opt;
o->optlen= optlen;
o->mark= ipc->mark;
o->priority= ipc->priority;
o->mc_loop= (s->ipflags&IPF_MC_LOOP)!=0;
o->sk= s;
if(ipc->tsflags&SR_SOF_TX_RECORD_MASK)ip_tx_tstamp_setup(s,ipc,o);
}

static int ip_output_sk(sr_sock*s,const struct sr_ipcm*ipc,const struct sr_rtres*rt,
uint32_t daddr,const uint8_t*opt,int optlen,const uint8_t*l4,size_t l4len)
{
struct sr_ipout o;
ip_sk_ipout(s,ipc,rt,opt,optlen,&o);
return ip_output(s->host,rt,daddr,&o,l4,l4len);
}

/*:642*//*644:*/
#line 1785 "web/udp.w"

static void udp_header_emit(uint8_t*p,size_t len,uint16_t sport,uint16_t dport,
uint32_t saddr,uint32_t daddr,uint8_t proto,bool partial)
{
uint16_t c;
memcpy(p,&sport,2);
memcpy(p+2,&dport,2);
put16(p+4,(uint16_t)len);
if(partial){
udp_csum_partial(p,len,saddr,daddr,proto);
return;
}
put16(p+6,0);
c= csum_fold(csum_add(csum_pseudo(saddr,daddr,proto,(uint16_t)len),p,len));
put16(p+6,c?c:0xffff);
}

/*:644*//*646:*/
#line 1810 "web/udp.w"

static bool iov_gather(const struct msghdr*msg,size_t from,uint8_t*dst,size_t len)
{
for(size_t i= 0;i<(size_t)msg->msg_iovlen&&len> 0;i++){
const struct iovec*v= &msg->msg_iov[i];
size_t n= v->iov_len;
if(from>=n){from-= n;continue;}
n-= from;
if(n> len)n= len;
if(!v->iov_base)return false;
data_copy(dst,(const uint8_t*)v->iov_base+from,n);
dst+= n;
len-= n;
from= 0;
}
return true;
}

static inline bool iov_scatter(const struct msghdr*msg,const uint8_t*src,size_t len)
{
if(msg->msg_iovlen==1){
/*647:*/
#line 1849 "web/udp.w"

const struct iovec*v= msg->msg_iov;
size_t n= v->iov_len<len?v->iov_len:len;
if(!n)return true;
if(!v->iov_base)return false;
data_copy(v->iov_base,src,n);
return true;

/*:647*/
#line 1831 "web/udp.w"

}
for(size_t i= 0;i<(size_t)msg->msg_iovlen&&len> 0;i++){
const struct iovec*v= &msg->msg_iov[i];
size_t n= v->iov_len<len?v->iov_len:len;
if(!n)continue;
if(!v->iov_base)return false;
data_copy(v->iov_base,src,n);
src+= n;
len-= n;
}
return true;
}

/*:646*//*650:*/
#line 1887 "web/udp.w"

#if defined(__x86_64__) && defined(__GNUC__)
typedef char sr_v32 __attribute__((vector_size(32),aligned(1),may_alias));

__attribute__((target("avx2")))static void vcopy_avx2(uint8_t*d,const uint8_t*s,
size_t n)
{
size_t i= 32-((uintptr_t)d&31);
*(sr_v32*)d= *(const sr_v32*)s;
for(;i+128<=n;i+= 128){
sr_v32 a= *(const sr_v32*)(s+i),b= *(const sr_v32*)(s+i+32),
c= *(const sr_v32*)(s+i+64),e= *(const sr_v32*)(s+i+96);
*(sr_v32*)(d+i)= a;
*(sr_v32*)(d+i+32)= b;
*(sr_v32*)(d+i+64)= c;
*(sr_v32*)(d+i+96)= e;
}
for(;i+32<=n;i+= 32)*(sr_v32*)(d+i)= *(const sr_v32*)(s+i);
if(i<n)*(sr_v32*)(d+n-32)= *(const sr_v32*)(s+n-32);
}
#endif
#line 1908 "web/udp.w"

static void data_copy(void*dst,const void*src,size_t n)
{
#if defined(__x86_64__) && defined(__GNUC__)
if(n>=SR_VCOPY_MIN&&__builtin_cpu_supports("avx2")){
vcopy_avx2(dst,src,n);
return;
}
#endif
#line 1917 "web/udp.w"
 memcpy(dst,src,n);
}

/*:650*//*653:*/
#line 1947 "web/udp.w"

static int udp_gso_check(const sr_sock*s,size_t len,size_t seg,int optlen,int mtu)
{
if(SR_IPHDR_LEN+optlen+SR_UDPHDR_LEN+(int)(len<seg?len:seg)> mtu)
return-EMSGSIZE;
if(len> seg*SR_UDP_MAX_SEGMENTS)return-EINVAL;
if(s->no_check_tx)return-EINVAL;
if(s->protocol==IPPROTO_UDPLITE)return-EIO;
return 0;
}

/*:653*//*655:*/
#line 1963 "web/udp.w"

static ssize_t udp_send_segments(sr_sock*s,const struct msghdr*msg,size_t len,
int flags,const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr,
uint16_t dport,const uint8_t*opt,int optlen,int mtu)
{
size_t seg= (size_t)ipc->gso_size;
int err= udp_gso_check(s,len,seg,optlen,mtu);
if(err)return err;
if(len<=seg)
err= udp_send_one(s,msg,0,len,flags,ipc,rt,daddr,dport,opt,optlen,mtu,false);
else
for(size_t off= 0;off<len;off+= seg){
err= udp_send_one(s,msg,off,len-off<seg?len-off:seg,flags,ipc,rt,
daddr,dport,opt,optlen,mtu,false);
if(err)break;
}
return err<0?err:(ssize_t)len;
}

/*:655*//*659:*/
#line 2050 "web/udp.w"

static bool ip_sk_ignore_df(const sr_sock*s)
{
return s->pmtudisc<IP_PMTUDISC_DO||s->pmtudisc==IP_PMTUDISC_OMIT;
}

/*:659*//*660:*/
#line 2056 "web/udp.w"

static ssize_t udp_cork_start(sr_sock*s,const struct msghdr*msg,size_t len,int flags,
const struct sr_ipcm*ipc,const struct sr_rtres*rt,const uint8_t*opt,int optlen,
int mtu)
{
struct sr_udpcork*c;
int total,err;
err= ip_frags_charge(s,flags,SR_IPHDR_LEN+optlen,SR_UDPHDR_LEN+len,mtu,SR_UDPHDR_LEN,
&total);
if(err)return err;
c= xcalloc(1,sizeof*c);
c->data= xcalloc(len?len:1,1);
if(!iov_gather(msg,0,c->data,len)){
free(c->data);
free(c);
s->wmem-= total;
return-EFAULT;
}
c->ipc= *ipc;
c->rt= *rt;
memcpy(c->opt,opt,(size_t)optlen);
c->optlen= optlen;
c->mtu= mtu;
c->len= SR_UDPHDR_LEN+len;
c->charge= total;
s->cork= c;
return(ssize_t)len;
}

/*:660*//*661:*/
#line 2088 "web/udp.w"

static ssize_t udp_cork_append(sr_sock*s,const struct msghdr*msg,size_t len,int flags)
{
struct sr_udpcork*c= s->cork;
int hlen= SR_IPHDR_LEN+c->optlen,err;
int limit= c->ipc.gso_size?SR_IP_MAXPACKET:c->mtu;
int maxsize= ip_sk_ignore_df(s)?SR_IP_MAXPACKET:limit;
if(c->len+len> (size_t)(maxsize-hlen)){
ip_local_error(s,EMSGSIZE,s->fl_daddr,s->inet_dport,(uint32_t)(limit-c->optlen));
udp_cork_discard(s);
return-EMSGSIZE;
}
c->data= xrealloc(c->data,c->len-SR_UDPHDR_LEN+len+1,1);
if(!iov_gather(msg,0,c->data+c->len-SR_UDPHDR_LEN,len)){
udp_cork_discard(s);
return-EFAULT;
}
c->len+= len;
c->charge+= (int)len;
s->wmem+= (int)len;
if(flags&MSG_MORE)return(ssize_t)len;
err= udp_cork_push(s);
return err<0?err:(ssize_t)len;
}

/*:661*//*662:*/
#line 2116 "web/udp.w"

static int udp_cork_push(sr_sock*s)
{
struct sr_udpcork*c= s->cork;
int hlen= SR_IPHDR_LEN+c->optlen,err;
sr_pkt*pkt;
if(c->ipc.gso_size&&
(err= udp_gso_check(s,c->len-SR_UDPHDR_LEN,(size_t)c->ipc.gso_size,c->optlen,
c->mtu))!=0){
udp_cork_discard(s);
return err;
}
pkt= udp_pkt_new(c->optlen,c->len,NULL);
memcpy(pkt->data+hlen+SR_UDPHDR_LEN,c->data,c->len-SR_UDPHDR_LEN);
c->rt.saddr= s->fl_saddr;
pkt->truesize= c->charge;
err= udp_send_built(s,pkt,&c->ipc,&c->rt,s->fl_daddr,s->fl_dport,c->opt,c->optlen,
false);
udp_cork_discard(s);
return err;
}

/*:662*//*663:*/
#line 2138 "web/udp.w"

static void udp_cork_discard(sr_sock*s)
{
s->wmem-= s->cork->charge;
free(s->cork->data);
free(s->cork);
s->cork= NULL;
}

/*:663*//*666:*/
#line 2201 "web/udp.w"

static const uint8_t*cmsg_next(const struct msghdr*msg,const uint8_t*p,
struct cmsghdr*c)
{
const uint8_t*ctl= msg->msg_control;
if(!p){
if(msg->msg_controllen<sizeof*c)return NULL;
p= ctl;
}else{
p+= CMSG_ALIGN(c->cmsg_len);
if((size_t)(p+sizeof*c-ctl)> msg->msg_controllen)return NULL;
}
memcpy(c,p,sizeof*c);
return p;
}

static bool cmsg_ok(const struct msghdr*msg,const uint8_t*p,const struct cmsghdr*c)
{
size_t used= (size_t)(p-(const uint8_t*)msg->msg_control);
return c->cmsg_len>=sizeof*c&&c->cmsg_len<=msg->msg_controllen-used;
}

static int udp_cmsg_send(sr_sock*s,const struct msghdr*msg,struct sr_ipcm*ipc)
{
const uint8_t*p;
struct cmsghdr c;
bool need_ip= false;
for(p= cmsg_next(msg,NULL,&c);p;p= cmsg_next(msg,p,&c)){
uint16_t gso;
if(!cmsg_ok(msg,p,&c))return-EINVAL;
if(c.cmsg_level!=SOL_UDP){need_ip= true;continue;}
if(c.cmsg_type!=UDP_SEGMENT||c.cmsg_len!=CMSG_LEN(sizeof gso))return-EINVAL;
memcpy(&gso,p+CMSG_LEN(0),sizeof gso);
ipc->gso_size= gso;
}
return need_ip?ip_cmsg_send(s,msg,ipc):0;
}

static int ip_cmsg_send(sr_sock*s,const struct msghdr*msg,struct sr_ipcm*ipc)
{
const uint8_t*p;
struct cmsghdr c;
int err;
for(p= cmsg_next(msg,NULL,&c);p;p= cmsg_next(msg,p,&c)){
if(!cmsg_ok(msg,p,&c))return-EINVAL;
if(c.cmsg_level==SOL_SOCKET)err= sock_cmsg_send_one(s,&c,p+CMSG_LEN(0),ipc);
else if(c.cmsg_level==IPPROTO_IP)err= ip_cmsg_send_one(s,&c,p+CMSG_LEN(0),ipc);
else err= 0;
if(err)return err;
}
return 0;
}

/*:666*//*667:*/
#line 2254 "web/udp.w"

static int ip_cmsg_send_one(sr_sock*s,const struct cmsghdr*c,const uint8_t*data,
struct sr_ipcm*ipc)
{
int val;
switch(c->cmsg_type){
case IP_RETOPTS:/*668:*/
#line 2295 "web/udp.w"

{
int len= (int)(c->cmsg_len-sizeof(struct cmsghdr));
bool srr;
if(len> SR_MAX_IPOPTLEN)len= SR_MAX_IPOPTLEN;
memset(ipc->opt,IPOPT_END,sizeof ipc->opt);
memcpy(ipc->opt,data,(size_t)len);
len= (len+3)&~3;
if(len&&ip_options_compile(s->host,ipc->opt,len,&srr))return-EINVAL;
ipc->optlen= len;
ipc->has_opt= true;
return 0;
}

/*:668*/
#line 2260 "web/udp.w"

case IP_PKTINFO:{
struct in_pktinfo info;
if(c->cmsg_len!=CMSG_LEN(sizeof info))return-EINVAL;
memcpy(&info,data,sizeof info);
if(info.ipi_ifindex)ipc->oif= info.ipi_ifindex;
ipc->addr= info.ipi_spec_dst.s_addr;
return 0;
}
case IP_TTL:
if(c->cmsg_len!=CMSG_LEN(sizeof(int)))return-EINVAL;
memcpy(&val,data,sizeof val);
if(val<1||val> 255)return-EINVAL;
ipc->ttl= val;
return 0;
case IP_TOS:
if(c->cmsg_len==CMSG_LEN(sizeof(int)))memcpy(&val,data,sizeof val);
else if(c->cmsg_len==CMSG_LEN(1))val= *data;
else return-EINVAL;
if(val<0||val> 255)return-EINVAL;
ipc->tos= val;
ipc->priority= ip_tos2prio[(val&0x1e)>>1];
return 0;
case IP_PROTOCOL:
if(c->cmsg_len!=CMSG_LEN(sizeof(int)))return-EINVAL;
memcpy(&val,data,sizeof val);
return val<1||val> 255?-EINVAL:0;
}
return-EINVAL;
}

/*:667*//*670:*/
#line 2318 "web/udp.w"

static int sock_cmsg_send_one(sr_sock*s,const struct cmsghdr*c,const uint8_t*data,
struct sr_ipcm*ipc)
{
uint32_t v;
switch(c->cmsg_type){
case SO_MARK:
if(!proc_capable(W->cur,CAP_NET_RAW)&&!proc_capable(W->cur,CAP_NET_ADMIN))
return-EPERM;
if(c->cmsg_len!=CMSG_LEN(sizeof v))return-EINVAL;
memcpy(&ipc->mark,data,sizeof v);
return 0;
case SO_PRIORITY:
if(c->cmsg_len!=CMSG_LEN(sizeof v))return-EINVAL;
memcpy(&v,data,sizeof v);
if(v> 6&&!proc_capable(W->cur,CAP_NET_RAW)&&!proc_capable(W->cur,CAP_NET_ADMIN))
return-EPERM;
ipc->priority= (int)v;
return 0;
case SO_TIMESTAMPING_OLD:case SO_TIMESTAMPING_NEW:
if(c->cmsg_len!=CMSG_LEN(sizeof v))return-EINVAL;
memcpy(&v,data,sizeof v);
if(v&~SR_SOF_TX_RECORD_MASK)return-EINVAL;
ipc->tsflags= (ipc->tsflags&~SR_SOF_TX_RECORD_MASK)|v;
return 0;
case SR_SCM_TS_OPT_ID:
if(s->type==SOCK_STREAM||!(s->tsflags&SR_SOF_OPT_ID))return-EINVAL;
if(c->cmsg_len!=CMSG_LEN(sizeof v))return-EINVAL;
memcpy(&ipc->ts_opt_id,data,sizeof v);
ipc->has_ts_opt_id= true;
return 0;
case SCM_TXTIME:
if(!s->txtime_on||c->cmsg_len!=CMSG_LEN(sizeof(uint64_t)))return-EINVAL;
return 0;
case SCM_RIGHTS:case SCM_CREDENTIALS:return 0;
}
return-EINVAL;
}

/*:670*//*673:*/
#line 2399 "web/udp.w"

SR_IN_CALLER static ssize_t udp_recvmsg(sr_sock*s,struct msghdr*msg,size_t len,int flags,
socklen_t*namelen,struct sr_cmsg_out*co)
{
bool peeking= (flags&MSG_PEEK)!=0;
sr_dgram*d;
int off,err;
size_t ulen,copied;
if(flags&MSG_ERRQUEUE)return ip_recv_error(s,msg,len,namelen,co);
try_again:
off= peeking?s->peek_off:0;
d= skb_recv_wait(s,flags,&off,&err,udp_try_recv);
if(!d)return err;
ulen= d->len;
copied= len;
if(copied> ulen-(size_t)off)copied= ulen-(size_t)off;
else if(copied<ulen)msg->msg_flags|= MSG_TRUNC;
if(d->csum_bad){
/*674:*/
#line 2446 "web/udp.w"

if(peeking)udp_queue_unlink(s,d);
s->drops++;
free(d);
msg->msg_flags&= ~MSG_TRUNC;

/*:674*/
#line 2417 "web/udp.w"

goto try_again;
}
if(!iov_scatter(msg,dgram_data(d)+off,copied)){
if(!peeking){s->drops++;free(d);}
return-EFAULT;
}
sock_recv_cmsgs(s,msg,co,d);
if(msg->msg_name){
struct sockaddr_in sin;
memset(&sin,0,sizeof sin);
sin.sin_family= AF_INET;
sin.sin_port= d->sport;
sin.sin_addr.s_addr= d->saddr;
memcpy(msg->msg_name,&sin,sizeof sin);
*namelen= sizeof sin;
}
if(s->ipflags&SR_IP_CMSG_FLAGS)ip_cmsg_recv(s,msg,co,d);
err= (int)copied;
if(flags&MSG_TRUNC)err= (int)ulen;
sk_peek_offset_bwd(s,peeking?-err:err);
if(!peeking)dgram_free(d);
return err;
}

/*:673*//*677:*/
#line 2487 "web/udp.w"

static void sk_peek_offset_bwd(sr_sock*s,int val)
{
long long off= s->peek_off;
if(off<0)return;
off-= val;
s->peek_off= off<0?0:off> INT_MAX?INT_MAX:(int)off;
}

/*:677*//*679:*/
#line 2512 "web/udp.w"

static sr_dgram*udp_try_recv(sr_sock*s,int flags,int*off)
{
sr_dgram*d;
int skip= *off,i= 0;
bool at_off= *off>=0;
if(!(flags&MSG_PEEK)){
int reader;
if(!(d= s->rq_head))return NULL;
reader= (s->rq_reader?s->rq_reader:s->rq_len)-1;
udp_queue_head_remove(s);
udp_rmem_release(s,d->truesize,reader);
*off= 0;
return d;
}
if(!at_off)skip= 0;
for(d= s->rq_head;d;d= d->next,i++){
if(i==s->rq_reader&&i<s->rq_len)s->rq_reader= s->rq_len;
if(at_off&&skip>=(int)d->len&&(skip||d->peeked)){
skip-= (int)d->len;
continue;
}
if(d->len==0)d->peeked= true;
*off= skip;
return d;
}
if(s->rq_len)s->rq_reader= s->rq_len;
return NULL;
}

static void udp_queue_unlink(sr_sock*s,sr_dgram*d)
{
sr_dgram**p,*prev= NULL;
int i= 0;
for(p= &s->rq_head;*p&&*p!=d;p= &(*p)->next,i++)prev= *p;
if(!*p)return;
*p= d->next;
if(s->rq_tail==d)s->rq_tail= prev;
s->rq_len--;
if(i<s->rq_reader)s->rq_reader--;
udp_rmem_release(s,d->truesize,s->rq_reader);
}

/*:679*//*680:*/
#line 2574 "web/udp.w"

static inline sr_dgram*skb_recv_wait(sr_sock*s,int flags,int*off,int*err,
sr_try_recv*try_recv)
{
sr_dgram*d;
if(s->err){*err= -s->err;s->err= 0;return NULL;}
if((d= try_recv(s,flags,off))!=NULL)return d;
return skb_recv_sleep(s,flags,off,err,try_recv);
}

SR_OUT_OF_LINE static sr_dgram*skb_recv_sleep(sr_sock*s,int flags,int*off,int*err,
sr_try_recv*try_recv)
{
uint64_t deadline= sock_deadline((flags&MSG_DONTWAIT)?0:s->rcvtimeo);
for(;;){
sr_dgram*d;
uint64_t seen;
int w;
*err= -EAGAIN;
if(deadline<=W->now_ns)return NULL;
if(s->shutdown&SR_RCV_SHUTDOWN){*err= 0;return NULL;}
seen= s->rq_seq;
w= sock_wait(s,sock_recv_woken,&seen,deadline);
if(w){*err= w;return NULL;}
if(s->err){*err= -s->err;s->err= 0;return NULL;}
if((d= try_recv(s,flags,off))!=NULL)return d;
}
}

/*:680*//*682:*/
#line 2622 "web/udp.w"

static void udp_rmem_release(sr_sock*s,int size,int reader)
{
size+= s->forward_deficit;
if(size<s->forward_threshold&&reader> 0){
s->forward_deficit= size;
s->rq_reader= reader;
return;
}
s->forward_deficit= 0;
s->rmem-= size;
sk_fwd_release(s,size);
s->rq_reader= s->rq_len;
}

/*:682*//*684:*/
#line 2666 "web/udp.w"

static ssize_t ip_recv_error(sr_sock*s,struct msghdr*msg,size_t len,
socklen_t*namelen,struct sr_cmsg_out*co)
{
sr_dgram*d= sock_dequeue_err(s);
size_t copied;
struct{struct sock_extended_err ee;struct sockaddr_in offender;}errhdr;
if(!d)return-EAGAIN;
copied= d->len;
if(copied> len){msg->msg_flags|= MSG_TRUNC;copied= len;}
if(!iov_scatter(msg,dgram_data(d),copied)){free(d);return-EFAULT;}
sock_recv_timestamp(s,msg,co,d);
if(msg->msg_name&&d->ee.ee_origin!=SO_EE_ORIGIN_TIMESTAMPING){
struct sockaddr_in sin;
memset(&sin,0,sizeof sin);
sin.sin_family= AF_INET;
sin.sin_addr.s_addr= d->saddr;
sin.sin_port= d->dport;
memcpy(msg->msg_name,&sin,sizeof sin);
*namelen= sizeof sin;
}
memset(&errhdr,0,sizeof errhdr);
errhdr.ee= d->ee;
if(d->ee.ee_origin==SO_EE_ORIGIN_ICMP){
errhdr.offender.sin_family= AF_INET;
errhdr.offender.sin_addr.s_addr= d->offender;
if(s->ipflags&SR_IP_CMSG_FLAGS)ip_cmsg_recv(s,msg,co,d);
}else if(d->ee.ee_origin==SO_EE_ORIGIN_TIMESTAMPING&&d->ifindex&&
(s->tsflags&SR_SOF_OPT_CMSG)){
errhdr.offender.sin_family= AF_INET;
errhdr.offender.sin_addr.s_addr= d->offender;
if(s->ipflags&SR_IP_CMSG_FLAGS)ip_cmsg_recv(s,msg,co,d);
}
put_cmsg(msg,co,IPPROTO_IP,IP_RECVERR,sizeof errhdr,&errhdr);
msg->msg_flags|= MSG_ERRQUEUE;
free(d);
return(ssize_t)copied;
}

/*:684*//*686:*/
#line 2726 "web/udp.w"

static void put_cmsg(struct msghdr*msg,struct sr_cmsg_out*co,int level,int type,
size_t len,const void*data)
{
struct cmsghdr h;
size_t cmlen= CMSG_LEN(len),take;
if(!co->pos||co->room<sizeof h){msg->msg_flags|= MSG_CTRUNC;return;}
if(co->room<cmlen){msg->msg_flags|= MSG_CTRUNC;cmlen= co->room;}
memset(&h,0,sizeof h);
h.cmsg_len= cmlen;
h.cmsg_level= level;
h.cmsg_type= type;
memcpy(co->pos,&h,sizeof h);
if(cmlen> sizeof h)memcpy(co->pos+sizeof h,data,cmlen-sizeof h);
take= CMSG_SPACE(len)<co->room?CMSG_SPACE(len):co->room;
co->pos+= take;
co->room-= take;
co->used+= take;
}

/*:686*//*688:*/
#line 2770 "web/udp.w"

static inline void sock_recv_cmsgs(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d)
{
if(!(s->flags&(SK_RXQ_OVFL|SK_TIMESTAMP))&&!s->rcvmark&&
!(s->tsflags&(SR_SOF_SOFTWARE|SR_SOF_RAW_HARDWARE))){
/*689:*/
#line 2802 "web/udp.w"

if(s->stamp_asked){
s->stamp_state= d->stamped?SR_STAMP_VALID:SR_STAMP_UNKNOWN;
s->stamp_ns= d->tstamp_ns;
}else if(s->stamp_state==SR_STAMP_NONE)s->stamp_state= SR_STAMP_UNKNOWN;

/*:689*/
#line 2776 "web/udp.w"

}else sock_recv_cmsgs_all(s,msg,co,d);
}

static void sock_recv_cmsgs_all(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d)
{
sock_recv_timestamp(s,msg,co,d);
if((s->flags&SK_RXQ_OVFL)&&d->dropcount)
put_cmsg(msg,co,SOL_SOCKET,SO_RXQ_OVFL,sizeof d->dropcount,&d->dropcount);
if(s->rcvmark)put_cmsg(msg,co,SOL_SOCKET,SO_MARK,sizeof d->mark,&d->mark);
}

/*:688*//*691:*/
#line 2845 "web/udp.w"

static void ip_cmsg_recv(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
const sr_dgram*d)
{
unsigned f= s->ipflags;
if(f&IPF_PKTINFO){
struct in_pktinfo info;
info.ipi_ifindex= d->ifindex;
info.ipi_spec_dst.s_addr= d->spec_dst;
info.ipi_addr.s_addr= d->daddr;
put_cmsg(msg,co,IPPROTO_IP,IP_PKTINFO,sizeof info,&info);
}
if(f&IPF_RECVTTL){
int ttl= d->ttl;
put_cmsg(msg,co,IPPROTO_IP,IP_TTL,sizeof ttl,&ttl);
}
if(f&IPF_RECVTOS)put_cmsg(msg,co,IPPROTO_IP,IP_TOS,1,&d->tos);
if((f&IPF_RECVOPTS)&&d->optlen)
put_cmsg(msg,co,IPPROTO_IP,IP_RECVOPTS,(size_t)d->optlen,d->opt);
if((f&IPF_RETOPTS)&&d->optlen)/*693:*/
#line 2896 "web/udp.w"

{
uint8_t echo[SR_MAX_IPOPTLEN];
int n= ip_options_echo(s->host,d,echo);
if(n<0)msg->msg_flags|= MSG_CTRUNC;
else put_cmsg(msg,co,IPPROTO_IP,IP_RETOPTS,(size_t)n,echo);
}

/*:693*/
#line 2864 "web/udp.w"

if(f&IPF_ORIGDSTADDR)/*692:*/
#line 2883 "web/udp.w"

{
struct sockaddr_in sin;
memset(&sin,0,sizeof sin);
sin.sin_family= AF_INET;
sin.sin_addr.s_addr= d->daddr;
sin.sin_port= d->dport;
if(d->l4off>=0&&d->len>=(size_t)d->l4off+4)
memcpy(&sin.sin_port,dgram_data(d)+d->l4off+2,2);
if(d->l4off<0||d->len>=(size_t)d->l4off+4)
put_cmsg(msg,co,IPPROTO_IP,IP_ORIGDSTADDR,sizeof sin,&sin);
}

/*:692*/
#line 2865 "web/udp.w"

if((f&IPF_RECVFRAGSIZE)&&d->frag_max){
int size= d->frag_max;
put_cmsg(msg,co,IPPROTO_IP,IP_RECVFRAGSIZE,sizeof size,&size);
}
}

/*:691*//*695:*/
#line 2923 "web/udp.w"

static int ip_options_echo(sr_host*h,const sr_dgram*d,uint8_t*echo)
{
const uint8_t*rr= NULL,*ts= NULL,*wrr= NULL,*wts= NULL;
uint8_t*p;
int n= 0,pos= 0;
for(pos= 0;(p= ipopt_next((uint8_t*)d->opt,d->optlen,&pos))!=NULL;){
if(p[0]==IPOPT_RR&&!rr){rr= p;wrr= d->wire_opt+(p-d->opt);}
if(p[0]==IPOPT_TIMESTAMP&&!ts){ts= p;wts= d->wire_opt+(p-d->opt);}
}
if(rr)/*696:*/
#line 2939 "web/udp.w"

{
int len= rr[1],soff= rr[2];
bool need= wrr[2]<=len;
if(len<3||n+len> SR_MAX_IPOPTLEN)return-1;
memcpy(echo+n,rr,(size_t)len);
if(need&&soff<=len){
if(soff+3> len)return-1;
memset(echo+n+soff-1,0,4);
}
n+= len;
}

/*:696*/
#line 2933 "web/udp.w"

if(ts)/*697:*/
#line 2957 "web/udp.w"

{
int len= ts[1],soff= ts[2],flag= wts[3]&0xf;
bool room= wts[2]<=len,need_addr= false,need_time= false;
uint8_t*t= echo+n;
if(len<4||n+len> SR_MAX_IPOPTLEN)return-1;
if(room){
need_addr= flag==IPOPT_TS_TSANDADDR;
need_time= flag!=IPOPT_TS_PRESPEC||!inet_addr_is_unicast(h,wts+wts[2]-1);
}
memcpy(t,ts,(size_t)len);
if(soff<=len){
bool dtime= false,daddr= false;
if(need_addr){
if(soff+3> len)return-1;
daddr= true;
soff+= 4;
}
if(need_time){
if(soff+3> len)return-1;
if(flag!=IPOPT_TS_PRESPEC){dtime= true;soff+= 4;}
else if(soff+7<=len&&!inet_addr_is_unicast(h,t+soff-1)){
dtime= true;
soff+= 8;
}
}
t[2]= (uint8_t)soff;
if(dtime){
t[2]-= 4;
memset(t+t[2]-1,0,4);
if(flag==IPOPT_TS_PRESPEC)t[2]-= 4;
}
if(daddr){
t[2]-= 4;
memset(t+t[2]-1,0,4);
}
}
n+= len;
}

/*:697*/
#line 2934 "web/udp.w"

while(n&3)echo[n++]= IPOPT_END;
return n;
}

/*:695*//*700:*/
#line 3027 "web/udp.w"

static void sock_enable_timestamp(sr_sock*s)
{
s->stamp_asked= true;
sock_netstamp_update(s);
}

static void sock_netstamp_update(sr_sock*s)
{
bool want= s->stamp_asked||(s->tsflags&SR_SOF_RX_SOFTWARE);
if(want==s->netstamp)return;
s->netstamp= want;
W->netstamp_sockets+= want?1:-1;
}

/*:700*//*702:*/
#line 3086 "web/udp.w"

static void sock_recv_timestamp(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d)
{
uint32_t f= s->tsflags;
if((s->flags&SK_TIMESTAMP)||((f&(SR_SOF_RX_SOFTWARE|SR_SOF_SOFTWARE))&&
((f&SR_SOF_RX_SOFTWARE)||d->stamped))){
sock_recv_stamps(s,msg,co,d);
return;
}
s->stamp_state= d->stamped?SR_STAMP_VALID:SR_STAMP_UNKNOWN;
s->stamp_ns= d->tstamp_ns;
}

/*:702*//*703:*/
#line 3100 "web/udp.w"

static void sock_recv_stamps(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
sr_dgram*d)
{
if(!(s->flags&SK_TIMESTAMP)){
if(s->tsflags&SR_SOF_SOFTWARE)scm_timestamping_put(s,msg,co,d);
return;
}
if(!d->stamped){
d->stamped= true;
d->tstamp_ns= W->now_ns;
}
if(s->flags&SK_TIMESTAMPNS){
struct timespec ts;
ts.tv_sec= (time_t)(d->tstamp_ns/1000000000u);
ts.tv_nsec= (long)(d->tstamp_ns%1000000000u);
put_cmsg(msg,co,SOL_SOCKET,(s->flags&SK_TSTAMP_NEW)?SO_TIMESTAMPNS_NEW:
SO_TIMESTAMPNS_OLD,sizeof ts,&ts);
}else{
struct timeval tv;
tv.tv_sec= (time_t)(d->tstamp_ns/1000000000u);
tv.tv_usec= (suseconds_t)(d->tstamp_ns%1000000000u/1000u);
put_cmsg(msg,co,SOL_SOCKET,(s->flags&SK_TSTAMP_NEW)?SO_TIMESTAMP_NEW:
SO_TIMESTAMP_OLD,sizeof tv,&tv);
}
if(s->tsflags&SR_SOF_SOFTWARE)scm_timestamping_put(s,msg,co,d);
}

/*:703*//*705:*/
#line 3156 "web/udp.w"

static void scm_timestamping_put(sr_sock*s,struct msghdr*msg,struct sr_cmsg_out*co,
const sr_dgram*d)
{
struct timespec ts[3];
if(!d->stamped)return;
if((s->tsflags&SR_SOF_OPT_RX_FILTER)&&!(s->tsflags&SR_SOF_RX_SOFTWARE)&&!d->is_err)
return;
memset(ts,0,sizeof ts);
ts[0].tv_sec= (time_t)(d->tstamp_ns/1000000000u);
ts[0].tv_nsec= (long)(d->tstamp_ns%1000000000u);
put_cmsg(msg,co,SOL_SOCKET,(s->flags&SK_TSTAMP_NEW)?SO_TIMESTAMPING_NEW:
SO_TIMESTAMPING_OLD,sizeof ts,ts);
}

/*:705*//*711:*/
#line 3288 "web/udp.w"

static void ip_tx_tstamp_setup(sr_sock*s,const struct sr_ipcm*ipc,struct sr_ipout*o)
{
uint32_t f= ipc->tsflags;
if(f&SR_SOF_TX_SCHED)o->tx_flags|= SR_SKBTX_SCHED;
if(f&SR_SOF_TX_SOFTWARE)o->tx_flags|= SR_SKBTX_SW;
if(!(s->tsflags&SR_SOF_OPT_ID)||!(f&SR_SOF_TX_KEYED))return;
o->tskey= ipc->has_ts_opt_id?ipc->ts_opt_id:s->tskey++;
}

/*:711*//*712:*/
#line 3301 "web/udp.w"

static void dev_tx_tstamp(int ifindex,sr_pkt*pkt)
{
sr_sock*s= pkt->sk;
unsigned f= pkt->tx_flags;
pkt->tx_flags= 0;
if(!s||s->orphaned)return;
if(f&SR_SKBTX_SCHED)skb_tstamp_tx(s,ifindex,pkt,SCM_TSTAMP_SCHED);
if(f&SR_SKBTX_SW)skb_tstamp_tx(s,ifindex,pkt,SCM_TSTAMP_SND);
}

/*:712*//*713:*/
#line 3317 "web/udp.w"

static void skb_tstamp_tx(sr_sock*s,int ifindex,const sr_pkt*pkt,int tstype)
{
bool tsonly= (s->tsflags&SR_SOF_OPT_TSONLY)!=0;
sr_dgram*d= dgram_new(tsonly?0:SR_ETH_HLEN+pkt->len);
d->is_err= true;
d->ee.ee_errno= ENOMSG;
d->ee.ee_origin= SO_EE_ORIGIN_TIMESTAMPING;
d->ee.ee_info= (uint32_t)tstype;
if(s->tsflags&SR_SOF_OPT_ID)d->ee.ee_data= pkt->tskey;
d->stamped= true;
d->tstamp_ns= W->now_ns;
d->l4off= -1;
if(tsonly)d->truesize= skb_truesize(0,0);
else{
memset(d->data,0,SR_ETH_HLEN);
d->data[12]= 0x08;
memcpy(d->data+SR_ETH_HLEN,pkt->data,pkt->len);
d->truesize= pkt->truesize;
d->ifindex= ifindex;
d->offender= d->spec_dst= get_addr(pkt->data+12);
d->daddr= get_addr(pkt->data+16);
d->ttl= pkt->data[8];
d->tos= pkt->data[1];
d->l4off= SR_ETH_HLEN+(pkt->data[0]&0xf)*4;
}
sock_queue_err(s,d);
}

/*:713*//*715:*/
#line 3358 "web/udp.w"

static int sock_gettstamp(sr_sock*s,void*argp,bool ns)
{
sock_enable_timestamp(s);
if(s->stamp_state==SR_STAMP_NONE)return-ENOENT;
if(s->stamp_state==SR_STAMP_UNKNOWN){
s->stamp_state= SR_STAMP_VALID;
s->stamp_ns= W->now_ns;
}
if(!argp)return-EFAULT;
if(ns){
struct timespec ts;
ts.tv_sec= (time_t)(s->stamp_ns/1000000000u);
ts.tv_nsec= (long)(s->stamp_ns%1000000000u);
memcpy(argp,&ts,sizeof ts);
}else{
struct timeval tv;
tv.tv_sec= (time_t)(s->stamp_ns/1000000000u);
tv.tv_usec= (suseconds_t)(s->stamp_ns%1000000000u/1000u);
memcpy(argp,&tv,sizeof tv);
}
return 0;
}

/*:715*//*717:*/
#line 3398 "web/udp.w"

static int first_packet_length(sr_sock*s)
{
int total= 0;
if(!s->rq_reader&&s->rq_len)s->rq_reader= s->rq_len;
while(s->rq_head&&s->rq_head->csum_bad){
sr_dgram*d= udp_queue_head_remove(s);
total+= d->truesize;
s->drops++;
free(d);
if(!s->rq_reader&&s->rq_len)s->rq_reader= s->rq_len;
}
if(total)udp_rmem_release(s,total,s->rq_reader);
return s->rq_head?(int)s->rq_head->len:-1;
}

/*:717*//*720:*/
#line 3475 "web/udp.w"

int sr_shutdown(int fd,int how)
{
int err= 0;
sr_sock*s;
world_ready();
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
how++;
if((how&~SR_SHUTDOWN_MASK)||!how)return sys_return(-EINVAL);
if(s->type==SOCK_STREAM&&s->listening){
if(how&SR_RCV_SHUTDOWN)tcp_disconnect(s);
return 0;
}
if(!s->connected)err= -ENOTCONN;
s->shutdown|= (unsigned)how;
return sys_return(err);
}

/*:720*//*724:*/
#line 3545 "web/udp.w"

static ssize_t iov_total(const struct iovec*iov,size_t n)
{
size_t total= 0;
for(size_t i= 0;i<n;i++){
if(iov[i].iov_len> (size_t)SSIZE_MAX)return-EINVAL;
if(iov[i].iov_len> (size_t)SR_MAX_RW_COUNT-total)return SR_MAX_RW_COUNT;
total+= iov[i].iov_len;
}
return(ssize_t)total;
}

/*:724*//*726:*/
#line 3575 "web/udp.w"

SR_IN_CALLER static ssize_t sock_sendmsg(sr_sock*s,struct msghdr*m,int flags)
{
ssize_t r,len= iov_total(m->msg_iov,(size_t)m->msg_iovlen);
if(len<0)return len;
if(s->file&&(s->file->flags&O_NONBLOCK))flags|= MSG_DONTWAIT;
if(s->type==SOCK_STREAM)return tcp_sendmsg_closed(s,m,flags);
if(s->type==SOCK_RAW)r= raw_sendmsg(s,m,(size_t)len,flags);
else{
if(inet_autobind(s))return-EAGAIN;
r= s->protocol==IPPROTO_ICMP?ping_sendmsg(s,m,(size_t)len,flags):
udp_sendmsg(s,m,(size_t)len,flags);
}
net_run();
return r;
}

/*:726*//*727:*/
#line 3592 "web/udp.w"

ssize_t sr_sendto(int fd,const void*buf,size_t len,int flags,
const struct sockaddr*dest_addr,socklen_t addrlen)
{
int err= 0;
sr_sock*s;
struct sockaddr_storage a;
struct iovec v;
struct msghdr m;
ssize_t r;
world_ready();
restart:
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
memset(&m,0,sizeof m);
v.iov_base= (void*)buf;
v.iov_len= len> SR_MAX_RW_COUNT?SR_MAX_RW_COUNT:len;
m.msg_iov= &v;
m.msg_iovlen= 1;
if(dest_addr){
if((err= move_addr_to_kernel(dest_addr,(int)addrlen,&a))<0)
return sys_return(err);
m.msg_name= &a;
m.msg_namelen= addrlen;
}
r= sock_sendmsg(s,&m,flags);
if(signal_restart(&r))goto restart;
return sys_return((int)r);
}

ssize_t sr_send(int fd,const void*buf,size_t len,int flags)
{
return sr_sendto(fd,buf,len,flags,NULL,0);
}

/*:727*//*728:*/
#line 3629 "web/udp.w"

ssize_t sr_sendmsg(int fd,const struct msghdr*msg,int flags)
{
int err= 0;
sr_sock*s;
struct sockaddr_storage a;
struct msghdr m;
ssize_t r;
world_ready();
restart:
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if(!msg)return sys_return(-EFAULT);
m= *msg;
if(!m.msg_name||(int)m.msg_namelen==0){
m.msg_name= NULL;
m.msg_namelen= 0;
}else{
if((int)m.msg_namelen<0)return sys_return(-EINVAL);
if(m.msg_namelen> sizeof a)m.msg_namelen= sizeof a;
if((err= move_addr_to_kernel(msg->msg_name,(int)m.msg_namelen,&a))<0)
return sys_return(err);
m.msg_name= &a;
}
if(m.msg_iovlen> SR_UIO_MAXIOV)return sys_return(-EMSGSIZE);
if(m.msg_iovlen&&!m.msg_iov)return sys_return(-EFAULT);
if(m.msg_controllen> INT_MAX)return sys_return(-ENOBUFS);
if(m.msg_controllen> SR_CTL_STACK&&
m.msg_controllen> (size_t)sysctl_value(s->host,SYS_OPTMEM_MAX))
return sys_return(-ENOBUFS);
if(m.msg_controllen&&!m.msg_control)return sys_return(-EFAULT);
r= sock_sendmsg(s,&m,flags);
if(signal_restart(&r))goto restart;
return sys_return((int)r);
}

/*:728*//*730:*/
#line 3673 "web/udp.w"

ssize_t sr_write(int fd,const void*buf,size_t count)
{
struct iovec v;
v.iov_base= (void*)buf;
v.iov_len= count;
return file_writev(fd,&v,1,false);
}

ssize_t sr_writev(int fd,const struct iovec*iov,int iovcnt)
{
return file_writev(fd,iov,iovcnt,true);
}

/*:730*//*732:*/
#line 3690 "web/udp.w"

static ssize_t file_writev(int fd,const struct iovec*iov,int iovcnt,bool vector)
{
sr_file*f;
struct msghdr m;
ssize_t total;
world_ready();
restart:
if(!(f= fd_file(W->cur,fd)))return sys_return(-EBADF);
if(iovcnt<0||iovcnt> SR_UIO_MAXIOV)return sys_return(-EINVAL);
if(iovcnt&&!iov)return sys_return(-EFAULT);
total= iov_total(iov,(size_t)iovcnt);
if(total<0)return sys_return((int)total);
if(vector&&total==0)return 0;
if(f->kind!=SR_FILE_SOCKET)return total;
memset(&m,0,sizeof m);
m.msg_iov= (struct iovec*)iov;
m.msg_iovlen= (size_t)iovcnt;
total= sock_sendmsg(f->sock,&m,0);
if(signal_restart(&total))goto restart;
return sys_return((int)total);
}

/*:732*//*735:*/
#line 3762 "web/udp.w"

static ssize_t sock_recvmsg(sr_sock*s,struct msghdr*m,int flags,socklen_t*namelen,
struct sr_cmsg_out*co)
{
ssize_t len= iov_total(m->msg_iov,(size_t)m->msg_iovlen);
if(len<0)return len;
return sock_recv_len(s,m,len,flags,namelen,co);
}

SR_IN_CALLER static ssize_t sock_recv_len(sr_sock*s,struct msghdr*m,ssize_t len,
int flags,socklen_t*namelen,struct sr_cmsg_out*co)
{
ssize_t r;
if(s->file&&(s->file->flags&O_NONBLOCK))flags|= MSG_DONTWAIT;
if(s->type==SOCK_STREAM)r= tcp_recvmsg_closed(s,m,(size_t)len,flags,namelen,co);
else if(s->type==SOCK_RAW||s->protocol==IPPROTO_ICMP)
r= raw_recvmsg(s,m,(size_t)len,flags,namelen,co);
else r= udp_recvmsg(s,m,(size_t)len,flags,namelen,co);
net_run();
return r;
}

/*:735*//*736:*/
#line 3787 "web/udp.w"

SR_IN_CALLER static ssize_t recvfrom_body(int fd,void*buf,size_t len,int flags,
struct sockaddr*src_addr,socklen_t*addrlen)
{
int err= 0;
sr_sock*s;
struct sockaddr_storage a;
struct iovec v;
struct msghdr m;
struct sr_cmsg_out co= {NULL,0,0};
socklen_t klen= 0;
ssize_t r;
world_ready();
restart:
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
memset(&m,0,sizeof m);
v.iov_base= buf;
v.iov_len= len> SR_MAX_RW_COUNT?SR_MAX_RW_COUNT:len;
m.msg_iov= &v;
m.msg_iovlen= 1;
m.msg_name= src_addr?&a:NULL;
r= sock_recv_len(s,&m,(ssize_t)v.iov_len,flags,&klen,&co);
if(signal_restart(&r))goto restart;
if(r>=0&&src_addr){
err= move_addr_to_user(&a,(int)klen,src_addr,addrlen);
if(err<0)return sys_return(err);
}
return sys_return((int)r);
}

ssize_t sr_recvfrom(int fd,void*buf,size_t len,int flags,
struct sockaddr*src_addr,socklen_t*addrlen)
{
return recvfrom_body(fd,buf,len,flags,src_addr,addrlen);
}

ssize_t sr_recv(int fd,void*buf,size_t len,int flags)
{
return recvfrom_body(fd,buf,len,flags,NULL,NULL);
}

/*:736*//*737:*/
#line 3828 "web/udp.w"

ssize_t sr_recvmsg(int fd,struct msghdr*msg,int flags)
{
int err= 0;
sr_sock*s;
struct sockaddr_storage a;
struct msghdr m;
struct sr_cmsg_out co;
socklen_t klen= 0;
ssize_t r;
world_ready();
restart:
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if(!msg)return sys_return(-EFAULT);
if(msg->msg_name&&(int)msg->msg_namelen<0)return sys_return(-EINVAL);
if(msg->msg_iovlen> SR_UIO_MAXIOV)return sys_return(-EMSGSIZE);
if(msg->msg_iovlen&&!msg->msg_iov)return sys_return(-EFAULT);
m= *msg;
m.msg_name= msg->msg_name?&a:NULL;
m.msg_flags= flags&MSG_CMSG_CLOEXEC;
co.pos= msg->msg_control;
co.room= msg->msg_controllen;
co.used= 0;
r= sock_recvmsg(s,&m,flags,&klen,&co);
if(signal_restart(&r))goto restart;
if(r<0)return sys_return((int)r);
if(msg->msg_name){
err= move_addr_to_user(&a,(int)klen,msg->msg_name,&msg->msg_namelen);
if(err<0)return sys_return(err);
}
msg->msg_flags= m.msg_flags;
msg->msg_controllen= co.used;
return sys_return((int)r);
}

/*:737*//*738:*/
#line 3863 "web/udp.w"

ssize_t sr_read(int fd,void*buf,size_t count)
{
struct iovec v;
v.iov_base= buf;
v.iov_len= count;
return file_readv(fd,&v,1);
}

ssize_t sr_readv(int fd,const struct iovec*iov,int iovcnt)
{
return file_readv(fd,iov,iovcnt);
}

/*:738*//*740:*/
#line 3880 "web/udp.w"

static ssize_t file_readv(int fd,const struct iovec*iov,int iovcnt)
{
sr_file*f;
struct msghdr m;
struct sr_cmsg_out co= {NULL,0,0};
socklen_t klen= 0;
ssize_t total;
world_ready();
restart:
if(!(f= fd_file(W->cur,fd)))return sys_return(-EBADF);
if(iovcnt<0||iovcnt> SR_UIO_MAXIOV)return sys_return(-EINVAL);
if(iovcnt&&!iov)return sys_return(-EFAULT);
total= iov_total(iov,(size_t)iovcnt);
if(total<0)return sys_return((int)total);
if(total==0)return 0;
if(f->kind!=SR_FILE_SOCKET)
return sys_return((f->flags&O_NONBLOCK)?-EAGAIN:SR_EWAITFOREVER);
memset(&m,0,sizeof m);
m.msg_iov= (struct iovec*)iov;
m.msg_iovlen= (size_t)iovcnt;
total= sock_recvmsg(f->sock,&m,0,&klen,&co);
if(signal_restart(&total))goto restart;
return sys_return((int)total);
}

/*:740*//*742:*/
#line 3938 "web/udp.w"

static ssize_t tcp_sendmsg_closed(sr_sock*s,const struct msghdr*m,int flags)
{
(void)m;
if(s->err){
int err= s->err;
s->err= 0;
return-err;
}
if(!(flags&MSG_NOSIGNAL))proc_send_signal(W->cur,SIGPIPE);
return-EPIPE;
}

static ssize_t tcp_recvmsg_closed(sr_sock*s,struct msghdr*m,size_t len,int flags,
socklen_t*namelen,struct sr_cmsg_out*co)
{
if(flags&MSG_ERRQUEUE)return ip_recv_error(s,m,len,namelen,co);
if(s->listening)return-ENOTCONN;
if(flags&MSG_OOB)return-EINVAL;
if(s->err){
int err= s->err;
s->err= 0;
return-err;
}
if(s->shutdown&SR_RCV_SHUTDOWN)return 0;
return-ENOTCONN;
}

/*:742*//*744:*/
#line 3973 "web/udp.w"

static void udp_release(sr_sock*s)
{
while(s->rq_head)free(udp_queue_head_remove(s));
sock_purge_err(s);
if(s->cork)udp_cork_discard(s);
if(s->netstamp)W->netstamp_sockets--;
}

/*:744*//*747:*/
#line 4014 "web/udp.w"

static void pkt_hold(sr_pkt*p)
{
if(!p->sk||p->held)return;
p->held= true;
p->sk->wmem+= p->truesize;
p->sk->wheld++;
}

static void pkt_release(sr_pkt*p)
{
sr_sock*s= p->sk;
if(!s||!p->held)return;
p->held= false;
p->sk= NULL;
s->wmem-= p->truesize;
if(--s->wheld==0&&s->orphaned){
free(s);
return;
}
if(!s->orphaned&&s->wmem<s->sndbuf>>1&&s->nospace){
s->nospace= false;
sk_wake_async(s);
}
}
/*:747*//*751:*/
#line 46 "web/poll.w"

static int world_wait(uint64_t deadline)
{
uint64_t t;
if(!net_next_event(&t)||t> deadline||
(deadline==SR_FOREVER&&timers_only_tick())){
if(deadline==SR_FOREVER)return SR_EWAITFOREVER;
if(deadline> W->now_ns)W->now_ns= deadline;
return-EAGAIN;
}
if(t> W->now_ns)W->now_ns= t;
net_run();
signal_deliver_all(false);
return 0;
}

/*:751*//*752:*/
#line 66 "web/poll.w"

static int sock_wait(sr_sock*s,sr_wait_cond*cond,const void*arg,uint64_t deadline)
{
for(;;){
int w;
if(cond(s,arg))return 0;
if(signal_interrupts())return deadline==SR_FOREVER?-SR_ERESTARTSYS:-EINTR;
if((w= world_wait(deadline))!=0)return w;
}
}

/*:752*//*753:*/
#line 86 "web/poll.w"

static uint64_t sock_deadline(long timeo)
{
uint64_t tick;
if(timeo==SR_MAX_TIMEOUT)return SR_FOREVER;
if(timeo<=0)return W->now_ns;
tick= 1000000000u/(uint64_t)W->hz;
if((uint64_t)timeo> (SR_FOREVER-W->now_ns)/tick)return SR_FOREVER;
return W->now_ns+(uint64_t)timeo*tick;
}

/*:753*//*755:*/
#line 106 "web/poll.w"

static bool sock_recv_woken(sr_sock*s,const void*arg)
{
const uint64_t*seen= arg;
return s->err||s->rq_seq!=*seen||(s->shutdown&SR_RCV_SHUTDOWN);
}

static bool sock_may_send(sr_sock*s,const void*arg)
{
(void)arg;
return s->err||(s->shutdown&SR_SEND_SHUTDOWN)||s->wmem<s->sndbuf;
}

/*:755*//*757:*/
#line 163 "web/poll.w"

static unsigned datagram_poll(sr_sock*s)
{
unsigned mask= 0;
if(s->err||s->eq_head)
mask|= POLLERR|((s->flags&SK_SELECT_ERR_QUEUE)?POLLPRI:0);
if(s->shutdown&SR_RCV_SHUTDOWN)mask|= POLLRDHUP|POLLIN|POLLRDNORM;
if(s->shutdown==SR_SHUTDOWN_MASK)mask|= POLLHUP;
if(s->rq_len)mask|= POLLIN|POLLRDNORM;
if(s->wmem<s->sndbuf>>1)mask|= POLLOUT|POLLWRNORM|POLLWRBAND;
else s->nospace= true;
return mask;
}

/*:757*//*758:*/
#line 189 "web/poll.w"

static unsigned udp_poll(sr_sock*s,const sr_file*f)
{
unsigned mask= datagram_poll(s);
if((mask&POLLRDNORM)&&!(f->flags&O_NONBLOCK)&&
!(s->shutdown&SR_RCV_SHUTDOWN)&&first_packet_length(s)==-1)
mask&= ~(unsigned)(POLLIN|POLLRDNORM);
return mask;
}

/*:758*//*759:*/
#line 213 "web/poll.w"

static unsigned tcp_poll(sr_sock*s)
{
unsigned mask= POLLHUP;
if(s->listening)return 0;
if(s->shutdown&SR_RCV_SHUTDOWN)mask|= POLLIN|POLLRDNORM|POLLRDHUP;
mask|= POLLOUT|POLLWRNORM;
if(s->err||s->eq_head)mask|= POLLERR;
return mask;
}

/*:759*//*760:*/
#line 229 "web/poll.w"

static unsigned file_poll(const sr_file*f)
{
sr_sock*s= f->sock;
if(f->kind!=SR_FILE_SOCKET)return POLLOUT|POLLWRNORM;
if(s->type==SOCK_STREAM)return tcp_poll(s);
if(s->type==SOCK_DGRAM&&s->protocol!=IPPROTO_ICMP)return udp_poll(s,f);
return datagram_poll(s);
}

/*:760*//*763:*/
#line 270 "web/poll.w"

static int poll_scan(struct pollfd*fds,nfds_t nfds)
{
int count= 0;
for(nfds_t i= 0;i<nfds;i++){
sr_file*f;
fds[i].revents= 0;
if(fds[i].fd<0)continue;
if(!(f= fd_file(W->cur,fds[i].fd)))fds[i].revents= POLLNVAL;
else fds[i].revents= (short)(file_poll(f)&
((unsigned short)fds[i].events|POLLERR|POLLHUP));
if(fds[i].revents)count++;
}
return count;
}

static int do_poll(struct pollfd*fds,nfds_t nfds,uint64_t deadline)
{
if(nfds> (nfds_t)W->cur->nofile.rlim_cur)return-EINVAL;
if(nfds&&!fds)return-EFAULT;
for(;;){
int n= poll_scan(fds,nfds),w;
if(n)return n;
if(signal_interrupts())return-EINTR;
if(deadline<=W->now_ns)return 0;
w= world_wait(deadline);
if(w==-EAGAIN)return poll_scan(fds,nfds);
if(w)return w;
}
}

int sr_poll(struct pollfd*fds,nfds_t nfds,int timeout)
{
world_ready();
return sys_return(do_poll(fds,nfds,
timeout<0?SR_FOREVER:W->now_ns+(uint64_t)timeout*1000000u));
}

int sr_ppoll(struct pollfd*fds,nfds_t nfds,const struct timespec*tmo,
const sigset_t*sigmask)
{
uint64_t deadline,saved;
int r;
world_ready();
if(timespec_deadline(tmo,&deadline))return sys_return(-EINVAL);
saved= sigmask_enter(sigmask);
r= do_poll(fds,nfds,deadline);
sigmask_leave(sigmask,saved,r);
return sys_return(r);
}

/*:763*//*765:*/
#line 328 "web/poll.w"

static int timespec_deadline(const struct timespec*ts,uint64_t*deadline)
{
uint64_t ns;
*deadline= SR_FOREVER;
if(!ts)return 0;
if(ts->tv_sec<0||ts->tv_nsec<0||ts->tv_nsec>=1000000000L)return-EINVAL;
if((uint64_t)ts->tv_sec> (SR_FOREVER-W->now_ns)/1000000000u-1)return 0;
ns= (uint64_t)ts->tv_sec*1000000000u+(uint64_t)ts->tv_nsec;
*deadline= W->now_ns+ns;
return 0;
}

/*:765*//*769:*/
#line 390 "web/poll.w"

static int select_scan(int n,fd_set*const in[3],fd_set out[3])
{
static const unsigned want[3]= {SR_POLLIN_SET,SR_POLLOUT_SET,SR_POLLEX_SET};
int count= 0;
for(int k= 0;k<3;k++)FD_ZERO(&out[k]);
for(int fd= 0;fd<n;fd++){
unsigned mask;
sr_file*f;
if(!((in[0]&&FD_ISSET(fd,in[0]))||(in[1]&&FD_ISSET(fd,in[1]))||
(in[2]&&FD_ISSET(fd,in[2]))))
continue;
f= fd_file(W->cur,fd);
mask= file_poll(f);
for(int k= 0;k<3;k++)
if(in[k]&&FD_ISSET(fd,in[k])&&(mask&want[k])){
FD_SET(fd,&out[k]);
count++;
}
}
return count;
}

static int do_select(int nfds,fd_set*sets[3],uint64_t deadline)
{
fd_set out[3];
int n,count;
if(nfds<0)return-EINVAL;
n= nfds<W->cur->fds.kmax?nfds:W->cur->fds.kmax;
if(n> FD_SETSIZE)n= FD_SETSIZE;
for(int fd= 0;fd<n;fd++)
for(int k= 0;k<3;k++)
if(sets[k]&&FD_ISSET(fd,sets[k])&&!fd_file(W->cur,fd))return-EBADF;
for(;;){
int w;
count= select_scan(n,sets,out);
if(count)break;
if(signal_interrupts())return-EINTR;
if(deadline<=W->now_ns)break;
w= world_wait(deadline);
if(w==-EAGAIN){count= select_scan(n,sets,out);break;}
if(w)return w;
}
for(int k= 0;k<3;k++){
if(!sets[k])continue;
for(int fd= 0;fd<n;fd++){
if(FD_ISSET(fd,&out[k]))FD_SET(fd,sets[k]);
else FD_CLR(fd,sets[k]);
}
}
return count;
}

/*:769*//*770:*/
#line 443 "web/poll.w"

int sr_select(int nfds,fd_set*readfds,fd_set*writefds,fd_set*exceptfds,
struct timeval*timeout)
{
fd_set*sets[3]= {readfds,writefds,exceptfds};
uint64_t deadline= SR_FOREVER;
int r;
world_ready();
if(timeout){
struct timespec ts;
if(timeout->tv_sec<0||timeout->tv_usec<0)return sys_return(-EINVAL);
ts.tv_sec= timeout->tv_sec+timeout->tv_usec/1000000;
ts.tv_nsec= (long)(timeout->tv_usec%1000000)*1000;
if(timespec_deadline(&ts,&deadline))return sys_return(-EINVAL);
}
r= do_select(nfds,sets,deadline);
if(timeout&&(r>=0||r==-EINTR)&&deadline!=SR_FOREVER){
uint64_t left= deadline> W->now_ns?deadline-W->now_ns:0;
timeout->tv_sec= (time_t)(left/1000000000u);
timeout->tv_usec= (suseconds_t)(left%1000000000u/1000u);
}
return sys_return(r);
}

int sr_pselect(int nfds,fd_set*readfds,fd_set*writefds,fd_set*exceptfds,
const struct timespec*timeout,const sigset_t*sigmask)
{
fd_set*sets[3]= {readfds,writefds,exceptfds};
uint64_t deadline,saved;
int r;
world_ready();
if(timespec_deadline(timeout,&deadline))return sys_return(-EINVAL);
saved= sigmask_enter(sigmask);
r= do_select(nfds,sets,deadline);
sigmask_leave(sigmask,saved,r);
return sys_return(r);
}

/*:770*//*774:*/
#line 542 "web/poll.w"

static void sock_data_ready(sr_sock*s){sk_wake_async(s);}
static void sock_error_report(sr_sock*s){sk_wake_async(s);}

static inline void sk_wake_async(sr_sock*s)
{
sr_file*f= s->file;
if(f&&(f->flags&O_ASYNC)&&f->owner)sk_send_sigio(f);
}

static void sk_send_sigio(const sr_file*f)
{
int sig= f->sig?f->sig:SIGIO;
if(f->owner> 0){
sr_proc*p= proc_by_pid(f->owner);
if(p&&sigio_perm(p,f))proc_send_signal(p,sig);
return;
}
for(int i= 0;i<W->nprocs;i++)
if(W->proc[i]->pgrp==-f->owner&&sigio_perm(W->proc[i],f))
proc_send_signal(W->proc[i],sig);
}

static bool sigio_perm(const sr_proc*p,const sr_file*f)
{
return f->fown_euid==0||f->fown_euid==p->suid||f->fown_euid==p->ruid||
f->fown_uid==p->suid||f->fown_uid==p->ruid;
}

/*:774*//*781:*/
#line 94 "web/signal.w"

static bool sig_handled(const sr_proc*p,int sig)
{
return p->act[sig].sa_handler!=SIG_DFL&&p->act[sig].sa_handler!=SIG_IGN;
}

static bool sig_caught(const sr_proc*p,int sig)
{
return!sig_ignored(p,sig);
}

static bool sig_ignored(const sr_proc*p,int sig)
{
return p->act[sig].sa_handler==SIG_IGN||
(p->act[sig].sa_handler==SIG_DFL&&(SR_DEFAULT_IGNORED&SR_SIGBIT(sig)));
}

/*:781*//*782:*/
#line 126 "web/signal.w"

static void signal_send(sr_proc*p,int sig,int code,pid_t pid,uid_t uid)
{
uint64_t bit= SR_SIGBIT(sig);
if(!(p->blocked&bit)&&sig_ignored(p,sig))return;
if(sig>=SR_SIGRTMIN)p->rtqueue[sig]++;
else if(p->pending&bit)return;
if(!(p->pending&bit)){
p->sinfo[sig].code= code;
p->sinfo[sig].pid= pid;
p->sinfo[sig].uid= uid;
}
p->pending|= bit;
if(!(p->blocked&bit))W->call_flags|= SR_SIGNAL_READY;
}

/*:782*//*783:*/
#line 151 "web/signal.w"

static void proc_send_signal(sr_proc*p,int sig)
{
if(sig==SIGPIPE)signal_send(p,sig,SI_USER,p->pid,p->ruid);
else signal_send(p,sig,SI_KERNEL,0,0);
}

/*:783*//*785:*/
#line 170 "web/signal.w"

static void signal_deliver_one(sr_proc*p,int sig)
{
int code= p->sinfo[sig].code;
pid_t pid= p->sinfo[sig].pid;
uid_t uid= p->sinfo[sig].uid;
if(sig<SR_SIGRTMIN||--p->rtqueue[sig]==0)p->pending&= ~SR_SIGBIT(sig);
if(sig_ignored(p,sig))return;
p->sigcount[sig]++;
if(sig_handled(p,sig))signal_call_handler(p,sig,code,pid,uid);
}

/*:785*//*786:*/
#line 194 "web/signal.w"

static void signal_deliver_all(bool handlers)
{
bool again= true;
if(!(W->call_flags&SR_SIGNAL_READY))return;
while(again){
again= false;
for(int i= 0;i<W->nprocs;i++){
sr_proc*p= W->proc[i];
uint64_t skip= 0;
int sig;
for(;;){
uint64_t ready= p->pending&~p->blocked&~skip;
if(!ready)break;
sig= __builtin_ctzll(ready)+1;
if(!handlers&&(sig_handled(p,sig)||(p==W->cur&&sig_caught(p,sig)))){
skip|= SR_SIGBIT(sig);
continue;
}
signal_deliver_one(p,sig);
again= handlers;
}
}
}
if(handlers)W->call_flags&= ~(unsigned)SR_SIGNAL_READY;
}

/*:786*//*787:*/
#line 239 "web/signal.w"

static void signal_call_handler(sr_proc*p,int sig,int code,pid_t pid,uid_t uid)
{
struct sigaction a= p->act[sig];
uint64_t saved= p->blocked;
sr_proc*cur= W->cur;
p->blocked|= sigset_bits(&a.sa_mask);
if(!(a.sa_flags&SA_NODEFER))p->blocked|= SR_SIGBIT(sig);
p->blocked&= ~SR_UNBLOCKABLE;
if(a.sa_flags&SA_RESETHAND){
memset(&p->act[sig],0,sizeof p->act[sig]);
sigemptyset(&p->act[sig].sa_mask);
}
W->cur= p;
if(a.sa_flags&SA_SIGINFO){
siginfo_t info;
memset(&info,0,sizeof info);
info.si_signo= sig;
info.si_code= code;
info.si_pid= pid;
info.si_uid= uid;
a.sa_sigaction(sig,&info,NULL);
}else a.sa_handler(sig);
W->cur= cur;
p->blocked= saved;
if(p->pending&~p->blocked)W->call_flags|= SR_SIGNAL_READY;
}

/*:787*//*790:*/
#line 316 "web/signal.w"

static bool signal_interrupts(void)
{
sr_proc*p= W->cur;
uint64_t ready;
if(!(W->call_flags&SR_SIGNAL_READY))return false;
ready= p->pending&~p->blocked;
while(ready){
int sig= __builtin_ctzll(ready)+1;
if(sig_caught(p,sig))return true;
ready&= ready-1;
}
return false;
}

/*:790*//*792:*/
#line 352 "web/signal.w"

static bool signal_restart(ssize_t*r)
{
return*r==-SR_ERESTARTSYS&&signal_restart_decide(r);
}

static bool signal_restart_decide(ssize_t*r)
{
sr_proc*p= W->cur;
uint64_t ready;
bool restart= true;
unsigned idle= W->idle_restarts;
ready= p->pending&~p->blocked;
while(ready){
int sig= __builtin_ctzll(ready)+1;
if(sig_caught(p,sig)){
restart= !sig_handled(p,sig)||(p->act[sig].sa_flags&SA_RESTART)!=0;
break;
}
ready&= ready-1;
}
signal_deliver_all(true);
W->idle_restarts= (size_t)W->timer_events==W->nev?idle+1:0;
if(!restart)*r= -EINTR;
else if(W->idle_restarts>=SR_IDLE_RESTARTS){
*r= SR_EWAITFOREVER;
restart= false;
}
return restart;
}

/*:792*//*796:*/
#line 426 "web/signal.w"

static uint64_t sigset_bits(const sigset_t*set)
{
uint64_t bits= 0;
for(int s= 1;s<SR_NSIG;s++)
if(sigismember(set,s)==1)bits|= SR_SIGBIT(s);
return bits&~(SR_SIGBIT(SR_SIGCANCEL)|SR_SIGBIT(SR_SIGSETXID));
}

static void bits_sigset(uint64_t bits,sigset_t*set)
{
sigemptyset(set);
for(int s= 1;s<SR_NSIG;s++)
if((bits&SR_SIGBIT(s))&&s!=SR_SIGCANCEL&&s!=SR_SIGSETXID)sigaddset(set,s);
}

int sr_sigaction(int sig,const struct sigaction*act,struct sigaction*oldact)
{
sr_proc*p;
struct sigaction a;
world_ready();
p= W->cur;
if(sig<1||sig>=SR_NSIG||sig==SR_SIGCANCEL||sig==SR_SIGSETXID)
return sys_return(-EINVAL);
if(act&&(sig==SIGKILL||sig==SIGSTOP))return sys_return(-EINVAL);
if(act){
a= *act;
a.sa_flags= (a.sa_flags|SA_RESTORER)&SR_SA_KNOWN;
bits_sigset(sigset_bits(&act->sa_mask)&~SR_UNBLOCKABLE,&a.sa_mask);
}
if(oldact){
*oldact= p->act[sig];
if(!p->act[sig].sa_handler&&!p->act[sig].sa_flags)sigemptyset(&oldact->sa_mask);
}
if(act){
p->act[sig]= a;
if(sig_ignored(p,sig)){
p->pending&= ~SR_SIGBIT(sig);
p->rtqueue[sig]= 0;
}
}
return sys_return(0);
}

/*:796*//*798:*/
#line 489 "web/signal.w"

int sr_sigprocmask(int how,const sigset_t*set,sigset_t*oldset)
{
sr_proc*p;
uint64_t bits;
world_ready();
p= W->cur;
if(set&&how!=SIG_BLOCK&&how!=SIG_UNBLOCK&&how!=SIG_SETMASK)
return sys_return(-EINVAL);
if(oldset)bits_sigset(p->blocked,oldset);
if(!set)return sys_return(0);
bits= sigset_bits(set)&~SR_UNBLOCKABLE;
if(how==SIG_BLOCK)p->blocked|= bits;
else if(how==SIG_UNBLOCK)p->blocked&= ~bits;
else p->blocked= bits;
if(p->pending&~p->blocked)W->call_flags|= SR_SIGNAL_READY;
return sys_return(0);
}

int sr_sigpending(sigset_t*set)
{
world_ready();
if(!set)return sys_return(-EFAULT);
bits_sigset(W->cur->pending&W->cur->blocked,set);
return sys_return(0);
}

/*:798*//*800:*/
#line 532 "web/signal.w"

static uint64_t sigmask_enter(const sigset_t*mask)
{
sr_proc*p= W->cur;
uint64_t saved= p->blocked;
if(mask){
p->blocked= sigset_bits(mask)&~SR_UNBLOCKABLE;
if(p->pending&~p->blocked)W->call_flags|= SR_SIGNAL_READY;
}
return saved;
}

static void sigmask_leave(const sigset_t*mask,uint64_t saved,int r)
{
sr_proc*p= W->cur;
if(!mask)return;
if(r==-EINTR)signal_deliver_all(true);
p->blocked= saved;
if(p->pending&~p->blocked)W->call_flags|= SR_SIGNAL_READY;
}

/*:800*//*803:*/
#line 574 "web/signal.w"

static bool kill_permitted(const sr_proc*from,const sr_proc*to)
{
return proc_capable(from,CAP_KILL)||from->euid==to->suid||
from->euid==to->ruid||from->ruid==to->suid||from->ruid==to->ruid;
}

int sr_kill(pid_t pid,int sig)
{
sr_proc*me;
int found= 0,sent= 0;
world_ready();
me= W->cur;
if(sig<0||sig>=SR_NSIG)return sys_return(-EINVAL);
for(int i= 0;i<W->nprocs;i++){
sr_proc*p= W->proc[i];
bool target= pid> 0?p->pid==pid:pid==0?p->pgrp==me->pgrp:
pid==-1?p!=me:p->pgrp==-pid;
if(!target)continue;
found++;
if(!kill_permitted(me,p))continue;
sent++;
if(sig)signal_send(p,sig,SI_USER,me->pid,me->ruid);
}
if(!found)return sys_return(-ESRCH);
return sys_return(sent?0:-EPERM);
}

/*:803*//*806:*/
#line 636 "web/signal.w"

static bool timeval_bad(const struct timeval*tv)
{
return tv->tv_sec<0||tv->tv_usec<0||tv->tv_usec>=1000000;
}

static uint64_t timeval_ns(const struct timeval*tv)
{
return(uint64_t)tv->tv_sec*1000000000u+(uint64_t)tv->tv_usec*1000u;
}

static void ns_timeval(uint64_t ns,struct timeval*tv)
{
tv->tv_sec= (time_t)(ns/1000000000u);
tv->tv_usec= (suseconds_t)(ns%1000000000u/1000u);
}

static void itimer_get(const sr_proc*p,int which,struct itimerval*v)
{
if(which!=ITIMER_REAL){*v= p->it_cpu[which-1];return;}
memset(v,0,sizeof*v);
if(!p->it_real_expiry)return;
ns_timeval(p->it_real_expiry> W->now_ns?p->it_real_expiry-W->now_ns:1000u,
&v->it_value);
ns_timeval(p->it_real_interval,&v->it_interval);
}

/*:806*//*807:*/
#line 667 "web/signal.w"

static void itimer_arm(sr_proc*p,uint64_t value,uint64_t interval)
{
sr_event e;
p->it_real_serial++;
p->it_real_interval= interval;
p->it_real_expiry= 0;
if(!value)return;
p->it_real_expiry= value> UINT64_MAX-W->now_ns?UINT64_MAX:W->now_ns+value;
memset(&e,0,sizeof e);
e.t= p->it_real_expiry;
e.kind= EV_ITIMER;
e.host= p->host->id;
e.k0= (uint64_t)p->pid;
e.serial= p->it_real_serial;
ev_push(&e);
W->timer_events++;
}

static void itimer_fire(pid_t pid,uint64_t serial)
{
sr_proc*p= proc_by_pid(pid);
W->timer_events--;
if(!p||p->it_real_serial!=serial)return;
proc_send_signal(p,SIGALRM);
itimer_arm(p,p->it_real_interval,p->it_real_interval);
}

/*:807*//*808:*/
#line 695 "web/signal.w"

int sr_setitimer(int which,const struct itimerval*new_value,struct itimerval*old_value)
{
sr_proc*p;
struct itimerval zero;
world_ready();
p= W->cur;
if(which!=ITIMER_REAL&&which!=ITIMER_VIRTUAL&&which!=ITIMER_PROF)
return sys_return(-EINVAL);
if(!new_value){
memset(&zero,0,sizeof zero);
new_value= &zero;
}
if(timeval_bad(&new_value->it_value)||timeval_bad(&new_value->it_interval))
return sys_return(-EINVAL);
if(old_value)itimer_get(p,which,old_value);
if(which!=ITIMER_REAL)p->it_cpu[which-1]= *new_value;
else itimer_arm(p,timeval_ns(&new_value->it_value),timeval_ns(&new_value->it_interval));
return sys_return(0);
}

int sr_getitimer(int which,struct itimerval*curr_value)
{
world_ready();
if(which!=ITIMER_REAL&&which!=ITIMER_VIRTUAL&&which!=ITIMER_PROF)
return sys_return(-EINVAL);
if(!curr_value)return sys_return(-EFAULT);
itimer_get(W->cur,which,curr_value);
return sys_return(0);
}

/*:808*//*809:*/
#line 734 "web/signal.w"

unsigned sr_alarm(unsigned seconds)
{
sr_proc*p;
struct itimerval old;
world_ready();
p= W->cur;
itimer_get(p,ITIMER_REAL,&old);
itimer_arm(p,(uint64_t)seconds*1000000000u,0);
if((!old.it_value.tv_sec&&old.it_value.tv_usec)||old.it_value.tv_usec>=500000)
old.it_value.tv_sec++;
return(unsigned)old.it_value.tv_sec;
}

/*:809*//*811:*/
#line 756 "web/signal.w"

static bool timers_only_tick(void)
{
const sr_proc*p= W->cur;
if((size_t)W->timer_events!=W->nev)return false;
return!(p->it_real_expiry&&sig_caught(p,SIGALRM)&&
!(p->blocked&SR_SIGBIT(SIGALRM)));
}

/*:811*//*816:*/
#line 68 "web/raw.w"

static int raw_setsockopt(sr_sock*s,int optname,const void*optval,int len)
{
if(optname!=ICMP_FILTER)return-ENOPROTOOPT;
if(s->inet_num!=IPPROTO_ICMP)return-EOPNOTSUPP;
if(len> (int)sizeof s->icmp_filter)len= sizeof s->icmp_filter;
if(len> 0&&!optval)return-EFAULT;
if(len> 0)memcpy(&s->icmp_filter,optval,(size_t)len);
return 0;
}

static int raw_getsockopt(sr_sock*s,int optname,void*optval,socklen_t*optlen)
{
int len;
if(optname!=ICMP_FILTER)return-ENOPROTOOPT;
if(s->inet_num!=IPPROTO_ICMP)return-EOPNOTSUPP;
if(!optlen)return-EFAULT;
len= (int)*optlen;
if(len<0)return-EINVAL;
if(len> (int)sizeof s->icmp_filter)len= sizeof s->icmp_filter;
*optlen= (socklen_t)len;
if(len> 0&&!optval)return-EFAULT;
if(len> 0)memcpy(optval,&s->icmp_filter,(size_t)len);
return 0;
}

/*:816*//*822:*/
#line 134 "web/raw.w"

static void raw_hash(sr_sock*s)
{
bind_tables(s->host);
link_add(&s->host->raw,LK_PORT,s,KEY_PORT(s->inet_num));
}

static void raw_unhash(sr_sock*s)
{
link_del(&s->host->raw,LK_PORT,s);
}

/*:822*//*824:*/
#line 183 "web/raw.w"

static bool raw_v4_match(const sr_sock*s,int num,uint32_t raddr,uint32_t laddr,
int ifindex)
{
return s->inet_num==num&&!(s->inet_daddr&&s->inet_daddr!=raddr)&&
!(s->inet_rcv_saddr&&s->inet_rcv_saddr!=laddr)&&
!(s->bound_dev_if&&s->bound_dev_if!=ifindex);
}

static bool raw_local_deliver(const struct sr_rx*rx,const uint8_t*pkt,size_t len)
{
sr_slot*sl= slot_find(&rx->host->raw,KEY_PORT(rx->protocol));
bool delivered= false;
for(sr_sock*s= sl?sl->first:NULL;s;s= s->lk[LK_PORT].next){
if(!raw_v4_match(s,rx->protocol,rx->saddr,rx->daddr,rx->ifindex))continue;
delivered= true;
if(rx->protocol==IPPROTO_ICMP&&icmp_filter_drops(s,rx))continue;
if(!mc_sf_allow(s,rx->daddr,rx->saddr,rx->ifindex))continue;
raw_rcv(s,rx,pkt,len);
}
return delivered;
}

/*:824*//*826:*/
#line 218 "web/raw.w"

static bool icmp_filter_drops(const sr_sock*s,const struct sr_rx*rx)
{
int type;
if(rx->l4len<SR_ICMPHDR_LEN)return true;
type= rx->l4[0];
return type<32&&((s->icmp_filter>>type)&1);
}

/*:826*//*828:*/
#line 249 "web/raw.w"

static void raw_rcv(sr_sock*s,const struct sr_rx*rx,const uint8_t*pkt,size_t len)
{
sr_dgram*d= dgram_of_rx(rx,pkt,len,rx_truesize(rx));
d->l4off= (int)(len-rx->l4len);
dgram_pktinfo_prepare(s,d);
sock_queue_rcv(s,d);
}

/*:828*//*830:*/
#line 287 "web/raw.w"

static int rx_truesize(const struct sr_rx*rx)
{
if(rx->truesize)return rx->truesize;
sr_iface*dev= iface_by_index(rx->host,rx->ifindex);
int mtu= dev?(dev->mtu> SR_IP_MAX_MTU?SR_IP_MAX_MTU:dev->mtu):SR_IP_MAX_MTU;
return udp_truesize(SR_IPHDR_LEN+rx->optlen,rx->l4len,mtu);
}

static int ip_head_l4len(const sr_sock*s)
{
return s&&s->type==SOCK_RAW?0:SR_UDPHDR_LEN;
}

static sr_dgram*dgram_of_rx(const struct sr_rx*rx,const uint8_t*data,size_t len,
int truesize)
{
sr_dgram*d= dgram_new(len);
if(len)memcpy(d->data,data,len);
dgram_take_rx(d,rx,truesize);
return d;
}

/*:830*//*832:*/
#line 331 "web/raw.w"

static void sock_queue_rcv(sr_sock*s,sr_dgram*d)
{
int keep= sk_filter_run(s,dgram_data(d),d->len);
if(keep==0||s->rmem>=s->rcvbuf){
if(keep)s->drops++;
free(d);
return;
}
if(keep> 0&&(size_t)keep<d->len)d->len= (size_t)keep;
d->dropcount= (s->flags&SK_RXQ_OVFL)?s->drops:0;
udp_queue_tail(s,d);
s->rmem+= d->truesize;
sock_data_ready(s);
}

/*:832*//*834:*/
#line 371 "web/raw.w"

static sr_dgram*raw_try_recv(sr_sock*s,int flags,int*off)
{
sr_dgram*d= s->rq_head;
*off= 0;
if(d&&!(flags&MSG_PEEK)){
udp_queue_head_remove(s);
s->rmem-= d->truesize;
}
return d;
}

static ssize_t raw_recvmsg(sr_sock*s,struct msghdr*msg,size_t len,int flags,
socklen_t*namelen,struct sr_cmsg_out*co)
{
bool peeking= (flags&MSG_PEEK)!=0;
int off,err;
size_t copied;
sr_dgram*d;
if(flags&MSG_OOB)return-EOPNOTSUPP;
if(flags&MSG_ERRQUEUE)return ip_recv_error(s,msg,len,namelen,co);
if(!(d= skb_recv_wait(s,flags,&off,&err,raw_try_recv)))return err;
copied= d->len;
if(len<copied){
msg->msg_flags|= MSG_TRUNC;
copied= len;
}
if(!iov_scatter(msg,dgram_data(d),copied)){
if(!peeking)free(d);
return-EFAULT;
}
sock_recv_cmsgs(s,msg,co,d);
if(msg->msg_name){
struct sockaddr_in sin;
memset(&sin,0,sizeof sin);
sin.sin_family= AF_INET;
sin.sin_addr.s_addr= d->saddr;
memcpy(msg->msg_name,&sin,sizeof sin);
*namelen= sizeof sin;
}
if(s->ipflags&SR_IP_CMSG_FLAGS)ip_cmsg_recv(s,msg,co,d);
if(s->type==SOCK_RAW&&(flags&MSG_TRUNC))copied= d->len;
if(!peeking)free(d);
return(ssize_t)copied;
}

/*:834*//*836:*/
#line 465 "web/raw.w"

static ssize_t raw_sendmsg(sr_sock*s,const struct msghdr*msg,size_t len,int flags)
{
bool hdrincl= (s->ipflags&IPF_HDRINCL)!=0;
uint32_t daddr,faddr,saddr;
struct sr_ipcm ipc;
struct sr_rtres rt;
const uint8_t*opt;
int optlen,err;
if(len> 0xFFFF)return-EMSGSIZE;
if(flags&MSG_OOB)return-EOPNOTSUPP;
/*837:*/
#line 493 "web/raw.w"

if((err= raw_msg_daddr(s,msg,true,&daddr))<0)return err;

/*:837*/
#line 476 "web/raw.w"

/*840:*/
#line 528 "web/raw.w"

ipcm_init_sk(s,&ipc);
if(msg->msg_controllen&&(err= ip_cmsg_send(s,msg,&ipc))<0)return err;

/*:840*/
#line 477 "web/raw.w"

/*841:*/
#line 541 "web/raw.w"

opt= ipc.has_opt?ipc.opt:s->opt;
optlen= ipc.has_opt?ipc.optlen:s->optlen;
faddr= daddr;
if(ipc.has_opt||s->opt_set){
if(hdrincl)return-EINVAL;
if(optlen&&ip_options_first_hop(opt,optlen,&faddr)&&!daddr)return-EINVAL;
}

/*:841*/
#line 478 "web/raw.w"

if(!hdrincl&&s->protocol==IPPROTO_ICMP){
uint8_t type_code[2];
if(len<sizeof type_code||!iov_gather(msg,0,type_code,sizeof type_code))
return-EFAULT;
}
/*842:*/
#line 568 "web/raw.w"

saddr= ipc.addr;
if((err= ip_route_dgram(s,daddr,faddr,saddr,&ipc,flags,hdrincl,false,&rt))<0)
return err;

/*:842*/
#line 484 "web/raw.w"

if((flags&MSG_CONFIRM)&&(flags&SR_MSG_PROBE)&&len==0)return 0;
if(!daddr)daddr= rt.saddr;
if(hdrincl)err= raw_send_hdrinc(s,msg,len,flags,&ipc,&rt,daddr);
else if(flags&SR_MSG_PROBE)err= 0;
else err= ip_send_built(s,msg,len,flags,&ipc,&rt,daddr,opt,optlen);
return err<0?err:(ssize_t)len;
}

/*:836*//*839:*/
#line 511 "web/raw.w"

static int raw_msg_daddr(const sr_sock*s,const struct msghdr*msg,bool unspec_ok,
uint32_t*daddr)
{
const struct sockaddr_in*usin= msg->msg_name;
if(!usin||(unspec_ok&&!msg->msg_namelen)){
if(!s->connected)return-EDESTADDRREQ;
*daddr= s->inet_daddr;
return 0;
}
if(msg->msg_namelen<(socklen_t)sizeof*usin)return-EINVAL;
if(usin->sin_family!=AF_INET&&!(unspec_ok&&usin->sin_family==AF_UNSPEC))
return-EAFNOSUPPORT;
*daddr= usin->sin_addr.s_addr;
return 0;
}

/*:839*//*844:*/
#line 598 "web/raw.w"

static int ip_send_built(sr_sock*s,const struct msghdr*msg,size_t len,int flags,
const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr,
const uint8_t*opt,int optlen)
{
int thlen= ip_head_l4len(s);
uint8_t*l4;
int mtu,total,err;
if((err= ip_append_size_check(s,rt,daddr,optlen,len,false,&mtu))<0)return err;
err= ip_frags_charge(s,flags,SR_IPHDR_LEN+optlen,len,mtu,thlen,&total);
if(err)return err;
l4= xcalloc(1,len?len:1);
if(!iov_gather(msg,0,l4,len))err= -EFAULT;
else{
if(thlen)ping_complete_header(s,l4,len);
err= ip_output_sk(s,ipc,rt,daddr,opt,optlen,l4,len);
}
free(l4);
s->wmem-= total;
return err;
}

/*:844*//*848:*/
#line 694 "web/raw.w"

static int raw_send_hdrinc(sr_sock*s,const struct msghdr*msg,size_t len,int flags,
const struct sr_ipcm*ipc,const struct sr_rtres*rt,uint32_t daddr)
{
sr_host*h= s->host;
sr_iface*dev= iface_by_index(h,rt->ifindex);
int truesize,err;
size_t ihl;
sr_pkt*pkt;
if(len> (size_t)dev->mtu){
ip_local_error(s,EMSGSIZE,daddr,s->inet_dport,(uint32_t)dev->mtu);
return-EMSGSIZE;
}
if(len<SR_IPHDR_LEN)return-EINVAL;
if(flags&SR_MSG_PROBE)return 0;
truesize= skb_alloc_size((int)len+SR_SKB_EXTRA+SR_SKB_SHINFO)+SR_SKB_STRUCT;
if((err= sock_alloc_send(s,flags,truesize))!=0)return err;
pkt= pkt_new(NULL,len);
if(!iov_gather(msg,0,pkt->data,len))err= -EFAULT;
else if((ihl= (size_t)(pkt->data[0]&0xf)*4)> len||ihl<SR_IPHDR_LEN)
err= -EINVAL;
if(err){
free(pkt);
s->wmem-= truesize;
return err;
}
/*849:*/
#line 732 "web/raw.w"

if(get_addr(pkt->data+12)==0)put_addr(pkt->data+12,rt->saddr);
put16(pkt->data+2,(uint16_t)len);
if(get16(pkt->data+4)==0&&!(get16(pkt->data+6)&IP_DF))
put16(pkt->data+4,h->ip_ident++);
put16(pkt->data+10,0);
put16(pkt->data+10,inet_csum(pkt->data,ihl));

/*:849*/
#line 720 "web/raw.w"

pkt->iif= rt->iif;
pkt->sk= s;
pkt->truesize= truesize;
if(ipc->tsflags&SR_SOF_TX_RECORD_MASK)/*846:*/
#line 680 "web/raw.w"

{
struct sr_ipout o;
memset(&o,0,sizeof o);
ip_tx_tstamp_setup(s,ipc,&o);
pkt->tx_flags= o.tx_flags;
pkt->tskey= o.tskey;
if(rt->type==SR_RT_LOCAL&&pkt->tx_flags)dev_tx_tstamp(rt->ifindex,pkt);
}

/*:846*/
#line 724 "web/raw.w"

if(rt->type==SR_RT_LOCAL)ip_loop_local(h,pkt);
else ip_send(h,rt->type,rt->ifindex,rt->nexthop,pkt,dev->mtu,
(s->ipflags&IPF_MC_LOOP)!=0);
s->wmem-= truesize;
return 0;
}

/*:848*//*851:*/
#line 747 "web/raw.w"

static void ip_loop_local(sr_host*h,sr_pkt*pkt)
{
sr_iface*lo= iface_by_index(h,SR_LOOPBACK_IFINDEX);
if(!(lo->flags&IFF_UP)){free(pkt);return;}
pcap_record(h,SR_LOOPBACK_IFINDEX,pkt,true);
dev_loop(h,SR_LOOPBACK_IFINDEX,pkt,SR_RT_LOCAL);
}

/*:851*//*854:*/
#line 820 "web/raw.w"

static void raw_icmp_error(const struct sr_rx*icmp,int type,int code,uint32_t info,
const uint8_t*orig_ip,size_t len)
{
int proto= orig_ip[9];
uint32_t saddr= get_addr(orig_ip+12),daddr= get_addr(orig_ip+16);
sr_slot*sl= slot_find(&icmp->host->raw,KEY_PORT(proto));
for(sr_sock*s= sl?sl->first:NULL;s;s= s->lk[LK_PORT].next)
if(raw_v4_match(s,proto,daddr,saddr,icmp->dev_ifindex))
raw_err(s,icmp,type,code,info,orig_ip,len);
}

static void raw_err(sr_sock*s,const struct sr_rx*icmp,int type,int code,
uint32_t info,const uint8_t*orig_ip,size_t len)
{
size_t ihl= (size_t)(orig_ip[0]&0xf)*4;
bool recverr= (s->ipflags&IPF_RECVERR)!=0,hard= false;
int err;
if(type==ICMP_DEST_UNREACH&&code==ICMP_FRAG_NEEDED)
ip_rt_update_pmtu(s->host,get_addr(orig_ip+16),info);
if(!recverr&&!s->connected)return;
if(type==ICMP_SOURCE_QUENCH)return;
err= icmp_error_errno(s,type,code,&hard);
if(recverr){
size_t skip= (s->ipflags&IPF_HDRINCL)?0:ihl;
ip_icmp_error(s,icmp,err,type,code,info,0,get_addr(orig_ip+16),
orig_ip+skip,len-skip);
}
if(recverr||hard){
s->err= err;
sock_error_report(s);
}
}

/*:854*//*856:*/
#line 860 "web/raw.w"

static int icmp_error_errno(const sr_sock*s,int type,int code,bool*hard)
{
*hard= false;
switch(type){
case ICMP_PARAMETERPROB:*hard= true;return EPROTO;
case ICMP_DEST_UNREACH:
if(code> NR_ICMP_UNREACH)return EHOSTUNREACH;
if(code==ICMP_FRAG_NEEDED){
*hard= s->pmtudisc!=IP_PMTUDISC_DONT;
return EMSGSIZE;
}
*hard= icmp_unreach_err[code].hard;
return icmp_unreach_err[code].err;
default:return EHOSTUNREACH;
}
}

/*:856*//*859:*/
#line 927 "web/raw.w"

static void ip_ra_control(sr_sock*s,bool on)
{
sr_sock**pp= &s->host->ra_chain;
if(on==s->ra_on)return;
while(*pp&&*pp!=s)pp= &(*pp)->ra_next;
if(on)*pp= s;
else*pp= s->ra_next;
s->ra_next= NULL;
s->ra_on= on;
}

/*:859*//*860:*/
#line 943 "web/raw.w"

static bool ip_call_ra_chain(sr_host*h,int ifindex,sr_pkt*pkt)
{
struct sr_rx rx;
bool tapped= false;
if(!ip_has_router_alert(pkt->data))return false;
for(sr_sock*s= h->ra_chain;s;s= s->ra_next){
if(s->inet_num!=pkt->data[9]||(s->bound_dev_if&&s->bound_dev_if!=ifindex))
continue;
if(!tapped&&(get16(pkt->data+6)&(IP_MF|IP_OFFMASK))){
tapped= true;
if(!(pkt= ip_defrag(h,ifindex,pkt,SR_RT_UNICAST)))return true;
}
tapped= true;
ip_rx_fill(h,ifindex,pkt,SR_RT_UNICAST,&rx);
raw_rcv(s,&rx,pkt->data,pkt->len);
}
if(tapped)free(pkt);
return tapped;
}

/*:860*//*861:*/
#line 967 "web/raw.w"

static bool ip_has_router_alert(const uint8_t*pkt)
{
int optlen= (pkt[0]&0xf)*4-SR_IPHDR_LEN;
uint8_t*p;
for(int pos= 0;(p= ipopt_next((uint8_t*)pkt+SR_IPHDR_LEN,optlen,&pos))!=NULL;)
if(p[0]==IPOPT_RA&&p[1]==4&&p[2]==0&&p[3]==0)return true;
return false;
}

/*:861*//*864:*/
#line 1003 "web/raw.w"

static void raw_release(sr_sock*s)
{
ip_ra_control(s,false);
}

/*:864*//*868:*/
#line 56 "web/ping.w"

static ssize_t ping_sendmsg(sr_sock*s,const struct msghdr*msg,size_t len,int flags)
{
uint8_t icmph[SR_ICMPHDR_LEN];
uint32_t daddr,faddr,saddr;
struct sr_ipcm ipc;
struct sr_rtres rt;
const uint8_t*opt;
int optlen,err;
if(len> 0xFFFF)return-EMSGSIZE;
if(len<sizeof icmph)return-EINVAL;
if(flags&MSG_OOB)return-EOPNOTSUPP;
if(!iov_gather(msg,0,icmph,sizeof icmph))return-EFAULT;
if(icmph[0]!=ICMP_ECHO||icmph[1]!=0)return-EINVAL;
if((err= raw_msg_daddr(s,msg,false,&daddr))<0)return err;
/*840:*/
#line 528 "web/raw.w"

ipcm_init_sk(s,&ipc);
if(msg->msg_controllen&&(err= ip_cmsg_send(s,msg,&ipc))<0)return err;

/*:840*/
#line 71 "web/ping.w"

opt= ipc.has_opt?ipc.opt:s->opt;
optlen= ipc.has_opt?ipc.optlen:s->optlen;
saddr= ipc.addr;
faddr= daddr;
if(optlen&&ip_options_first_hop(opt,optlen,&faddr)&&!daddr)return-EINVAL;
if((err= ip_route_dgram(s,daddr,faddr,saddr,&ipc,flags,false,false,&rt))<0)
return err;
if(flags&SR_MSG_PROBE)return(ssize_t)len;
if(!daddr)daddr= rt.saddr;
err= ip_send_built(s,msg,len,flags,&ipc,&rt,daddr,opt,optlen);
return err<0?err:(ssize_t)len;
}


/*:868*//*870:*/
#line 94 "web/ping.w"

static void ping_complete_header(const sr_sock*s,uint8_t*icmp,size_t len)
{
memcpy(icmp+4,&s->inet_sport,2);
put16(icmp+2,0);
put16(icmp+2,inet_csum(icmp,len));
}

/*:870*//*872:*/
#line 130 "web/ping.w"

static sr_sock*ping_lookup(sr_host*h,uint16_t ident,uint32_t daddr,int ifindex)
{
for(sr_sock*s= port_first(h,SR_TAB_PING,ident);s;s= s->lk[LK_PORT].next)
if(!(s->inet_rcv_saddr&&s->inet_rcv_saddr!=daddr)&&
!(s->bound_dev_if&&s->bound_dev_if!=ifindex))
return s;
return NULL;
}

static void ping_rcv(const struct sr_rx*rx)
{
sr_sock*s= ping_lookup(rx->host,get16(rx->l4+4),rx->daddr,rx->ifindex);
sr_dgram*d;
if(!s)return;
d= dgram_of_rx(rx,rx->l4,rx->l4len,rx_truesize(rx));
d->spec_dst= 0;
sock_queue_rcv(s,d);
}

/*:872*//*874:*/
#line 177 "web/ping.w"

static void ping_err(const struct sr_rx*icmp,int type,int code,uint32_t info,
const uint8_t*orig_ip,size_t len)
{
size_t ihl= (size_t)(orig_ip[0]&0xf)*4;
const uint8_t*echo= orig_ip+ihl;
bool hard;
int err;
sr_sock*s;
if(echo[0]!=ICMP_ECHO||echo[1]!=0)return;
if(!(s= ping_lookup(icmp->host,get16(echo+4),icmp->daddr,icmp->ifindex)))return;
if(type==ICMP_DEST_UNREACH&&code==ICMP_FRAG_NEEDED){
ip_rt_update_pmtu(s->host,get_addr(orig_ip+16),info);
if(s->pmtudisc==IP_PMTUDISC_DONT)return;
}
if(type==ICMP_SOURCE_QUENCH){
err= EREMOTEIO;
hard= false;
}else err= icmp_error_errno(s,type,code,&hard);
if(s->ipflags&IPF_RECVERR)
ip_icmp_error(s,icmp,err,type,code,info,0,get_addr(orig_ip+16),echo,
len-ihl);
else if(!hard||!s->connected)return;
s->err= err;
sock_error_report(s);
}
/*:874*//*883:*/
#line 76 "web/beyond.w"

static bool opt_udp_level(const sr_sock*s,int level)
{
return(level==SOL_UDP||level==SR_SOL_UDPLITE)&&s->type==SOCK_DGRAM&&
(s->protocol==IPPROTO_UDP||s->protocol==IPPROTO_UDPLITE);
}

/*:883*//*885:*/
#line 108 "web/beyond.w"

static int set_udp_cork(sr_sock*s,sr_optreq*rq)
{
s->udp_cork= rq->val!=0;
if(!s->udp_cork&&s->cork){
udp_cork_push(s);
net_run();
}
return 0;
}

/*:885*//*887:*/
#line 175 "web/beyond.w"

static int set_udp_encap(sr_sock*s,sr_optreq*rq)
{
if(rq->val!=0&&rq->val!=UDP_ENCAP_ESPINUDP&&rq->val!=UDP_ENCAP_L2TPINUDP)
return-ENOPROTOOPT;
if(rq->val!=UDP_ENCAP_L2TPINUDP)s->udp_encap_rcv= true;
s->udp_encap= rq->val;
return 0;
}

/*:887*//*889:*/
#line 191 "web/beyond.w"

static bool udp_encap_takes(sr_sock*s,const struct udp_arrival*a)
{
uint32_t spi;
if(!s->udp_encap||!s->udp_encap_rcv)return false;
if(a->bad){
s->drops++;
return true;
}
if(a->u.datalen==1&&a->u.data[0]==0xff)return true;
if(a->u.datalen<=8)return false;
memcpy(&spi,a->u.data,sizeof spi);
return spi!=0;
}

/*:889*//*891:*/
#line 236 "web/beyond.w"

static int set_unicast_if(sr_sock*s,sr_optreq*rq)
{
int ifindex;
if(rq->len!=(int)sizeof(int))return-EINVAL;
ifindex= (int)ntohl((uint32_t)rq->val);
if(ifindex==0){
s->uc_index= 0;
return 0;
}
if(!iface_by_index(s->host,ifindex))return-EADDRNOTAVAIL;
if(s->bound_dev_if)return-EINVAL;
s->uc_index= ifindex;
return 0;
}

static int get_unicast_if(sr_sock*s,sr_optreq*rq)
{
rq->val= (int)htonl((uint32_t)s->uc_index);
return 0;
}

/*:891*//*892:*/
#line 276 "web/beyond.w"

static int set_local_port_range(sr_sock*s,sr_optreq*rq)
{
uint32_t v= (uint32_t)rq->val;
uint16_t lo= (uint16_t)v,hi= (uint16_t)(v>>16);
if(rq->len!=(int)sizeof(uint32_t))return-EINVAL;
if(lo&&hi&&lo> hi)return-EINVAL;
s->local_port_range= v;
return 0;
}

static int get_local_port_range(sr_sock*s,sr_optreq*rq)
{
rq->val= (int)s->local_port_range;
return 0;
}

/*:892*//*894:*/
#line 298 "web/beyond.w"

static void inet_sk_local_port_range(const sr_sock*s,int*low,int*high)
{
int sk_lo= (int)(s->local_port_range&0xffff),sk_hi= (int)(s->local_port_range>>16);
local_port_range(s->host,low,high);
if(!s->local_port_range)return;
if(*low<=sk_lo&&sk_lo<=*high)*low= sk_lo;
if(*low<=sk_hi&&sk_hi<=*high)*high= sk_hi;
}

/*:894*//*895:*/
#line 319 "web/beyond.w"

static int get_protocol_num(sr_sock*s,sr_optreq*rq)
{
rq->val= s->inet_num;
return 0;
}

/*:895*//*897:*/
#line 379 "web/beyond.w"

static int group_req_decode(const sr_optreq*rq,struct ip_mreqn*mr)
{
struct group_req gr;
struct sockaddr_in sin;
if(rq->len<(int)sizeof gr)return-EINVAL;
if(!rq->buf)return-EFAULT;
memcpy(&gr,rq->buf,sizeof gr);
memcpy(&sin,&gr.gr_group,sizeof sin);
if(sin.sin_family!=AF_INET)return-EINVAL;
memset(mr,0,sizeof*mr);
mr->imr_multiaddr= sin.sin_addr;
mr->imr_ifindex= (int)gr.gr_interface;
return 0;
}

static int set_mcast_join_group(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
int err= group_req_decode(rq,&mr);
return err?err:mc_join(s,&mr,MCAST_EXCLUDE);
}

static int set_mcast_leave_group(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
int err= group_req_decode(rq,&mr);
return err?err:mc_leave(s,&mr);
}

/*:897*//*899:*/
#line 434 "web/beyond.w"

static int group_source_decode(const sr_optreq*rq,struct ip_mreq_source*mrs,
int*ifindex)
{
struct group_source_req gsr;
struct sockaddr_in group,source;
if(rq->len!=(int)sizeof gsr)return-EINVAL;
if(!rq->buf)return-EFAULT;
memcpy(&gsr,rq->buf,sizeof gsr);
memcpy(&group,&gsr.gsr_group,sizeof group);
memcpy(&source,&gsr.gsr_source,sizeof source);
if(group.sin_family!=AF_INET||source.sin_family!=AF_INET)return-EADDRNOTAVAIL;
memset(mrs,0,sizeof*mrs);
mrs->imr_multiaddr= group.sin_addr;
mrs->imr_sourceaddr= source.sin_addr;
*ifindex= (int)gsr.gsr_interface;
return 0;
}

static int set_mcast_join_source_group(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
struct ip_mreqn mr;
int ifindex,err= group_source_decode(rq,&mrs,&ifindex);
if(err)return err;
memset(&mr,0,sizeof mr);
mr.imr_multiaddr= mrs.imr_multiaddr;
mr.imr_ifindex= ifindex;
err= mc_join(s,&mr,MCAST_INCLUDE);
if(err&&err!=-EADDRINUSE)return err;
return mc_source(s,true,MCAST_INCLUDE,&mrs,mr.imr_ifindex);
}

static int set_mcast_leave_source_group(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int ifindex,err= group_source_decode(rq,&mrs,&ifindex);
return err?err:mc_source(s,false,MCAST_INCLUDE,&mrs,ifindex);
}

static int set_mcast_block_source(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int ifindex,err= group_source_decode(rq,&mrs,&ifindex);
return err?err:mc_source(s,true,MCAST_EXCLUDE,&mrs,ifindex);
}

static int set_mcast_unblock_source(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int ifindex,err= group_source_decode(rq,&mrs,&ifindex);
return err?err:mc_source(s,false,MCAST_EXCLUDE,&mrs,ifindex);
}

/*:899*//*900:*/
#line 518 "web/beyond.w"

static int set_mcast_msfilter(sr_sock*s,sr_optreq*rq)
{
struct group_filter hdr;
struct sockaddr_in sin;
uint32_t n,*src;
int err;
if(rq->len<(int)GROUP_FILTER_SIZE(0))return-EINVAL;
if(rq->len> sysctl_value(s->host,SYS_OPTMEM_MAX))return-ENOBUFS;
if(!rq->buf)return-EFAULT;
memcpy(&hdr,rq->buf,GROUP_FILTER_SIZE(0));
n= hdr.gf_numsrc;
if(n>=0x1ffffffu||n> (uint32_t)sysctl_value(s->host,SYS_IGMP_MAX_MSF))
return-ENOBUFS;
if((long)GROUP_FILTER_SIZE(n)> rq->len)return-EINVAL;
memcpy(&sin,&hdr.gf_group,sizeof sin);
if(sin.sin_family!=AF_INET)return-EADDRNOTAVAIL;
src= xcalloc(n?n:1,sizeof*src);
for(uint32_t i= 0;i<n;i++){
struct sockaddr_in one;
memcpy(&one,rq->buf+GROUP_FILTER_SIZE(i),sizeof one);
if(one.sin_family!=AF_INET){
free(src);
return-EADDRNOTAVAIL;
}
src[i]= one.sin_addr.s_addr;
}
err= mc_msfilter(s,sin.sin_addr.s_addr,0,(int)hdr.gf_interface,hdr.gf_fmode,n,src);
free(src);
return err;
}

/*:900*//*901:*/
#line 550 "web/beyond.w"

static int get_mcast_msfilter(sr_sock*s,sr_optreq*rq)
{
struct group_filter hdr;
struct sockaddr_in sin;
sr_mcsock*m;
uint32_t copy;
int size;
if(rq->len<(int)GROUP_FILTER_SIZE(0))return-EINVAL;
if(!rq->ubuf)return-EFAULT;
memcpy(&hdr,rq->ubuf,GROUP_FILTER_SIZE(0));
memcpy(&sin,&hdr.gf_group,sizeof sin);
if(sin.sin_family!=AF_INET||!ipv4_is_multicast(sin.sin_addr.s_addr))return-EINVAL;
m= *mc_find(s,sin.sin_addr.s_addr,(int)hdr.gf_interface);
if(!m)return-EADDRNOTAVAIL;
copy= (uint32_t)m->nsrc<hdr.gf_numsrc?(uint32_t)m->nsrc:hdr.gf_numsrc;
for(uint32_t i= 0;i<copy;i++){
struct sockaddr_storage ss;
struct sockaddr_in one;
memset(&ss,0,sizeof ss);
memset(&one,0,sizeof one);
one.sin_family= AF_INET;
one.sin_addr.s_addr= m->src[i];
memcpy(&ss,&one,sizeof one);
memcpy((char*)rq->ubuf+GROUP_FILTER_SIZE(i),&ss,sizeof ss);
}
hdr.gf_fmode= (uint32_t)m->mode;
hdr.gf_numsrc= (uint32_t)m->nsrc;
size= (int)GROUP_FILTER_SIZE(copy);
*rq->ulen= (socklen_t)size;
memcpy(rq->ubuf,&hdr,GROUP_FILTER_SIZE(0));
return 0;
}

/*:901*//*902:*/
#line 598 "web/beyond.w"

static int get_cookie(sr_sock*s,sr_optreq*rq)
{
if(rq->len<(int)sizeof(uint64_t))return-EINVAL;
if(!s->cookie)s->cookie= ++W->last_cookie;
memcpy(rq->out,&s->cookie,sizeof s->cookie);
rq->outlen= sizeof s->cookie;
return 0;
}

/*:902*//*903:*/
#line 616 "web/beyond.w"

static int get_netns_cookie(sr_sock*s,sr_optreq*rq)
{
uint64_t c= (uint64_t)s->host->id+1;
if(rq->len!=(int)sizeof c)return-EINVAL;
memcpy(rq->out,&c,sizeof c);
rq->outlen= sizeof c;
return 0;
}

/*:903*//*904:*/
#line 657 "web/beyond.w"

static int get_meminfo(sr_sock*s,sr_optreq*rq)
{
uint32_t m[SK_MEMINFO_VARS];
memset(m,0,sizeof m);
m[SK_MEMINFO_RMEM_ALLOC]= (uint32_t)s->rmem;
m[SK_MEMINFO_RCVBUF]= (uint32_t)s->rcvbuf;
m[SK_MEMINFO_WMEM_ALLOC]= (uint32_t)s->wmem;
m[SK_MEMINFO_SNDBUF]= (uint32_t)s->sndbuf;
m[SK_MEMINFO_FWD_ALLOC]= (uint32_t)s->fwd_alloc;
m[SK_MEMINFO_OPTMEM]= (uint32_t)s->omem;
m[SK_MEMINFO_DROPS]= s->drops;
memcpy(rq->out,m,sizeof m);
rq->outlen= sizeof m;
return 0;
}

/*:904*//*906:*/
#line 686 "web/beyond.w"

static void sk_fwd_schedule(sr_sock*s,int size)
{
if(size> s->fwd_alloc)s->fwd_alloc+= (size-s->fwd_alloc+4095)/4096*4096;
s->fwd_alloc-= size;
}

static void sk_fwd_release(sr_sock*s,int size)
{
s->fwd_alloc+= size;
s->fwd_alloc-= (s->fwd_alloc-1)&~4095;
}

/*:906*//*907:*/
#line 711 "web/beyond.w"

static int set_buf_lock(sr_sock*s,sr_optreq*rq)
{
s->sndbuf_locked= (rq->val&SOCK_SNDBUF_LOCK)!=0;
s->rcvbuf_locked= (rq->val&SOCK_RCVBUF_LOCK)!=0;
return 0;
}

static int get_buf_lock(sr_sock*s,sr_optreq*rq)
{
rq->val= (s->sndbuf_locked?SOCK_SNDBUF_LOCK:0)|(s->rcvbuf_locked?SOCK_RCVBUF_LOCK:0);
return 0;
}

/*:907*//*909:*/
#line 772 "web/beyond.w"

static int set_zerocopy(sr_sock*s,sr_optreq*rq)
{
bool tcp= s->type==SOCK_STREAM,udp= s->type==SOCK_DGRAM&&s->protocol==IPPROTO_UDP;
if(!tcp&&!udp)return-EOPNOTSUPP;
if(rq->val<0||rq->val> 1)return-EINVAL;
s->zerocopy= rq->val;
return 0;
}

/*:909*//*910:*/
#line 794 "web/beyond.w"

static int set_busy_poll_budget(sr_sock*s,sr_optreq*rq)
{
if(rq->val> s->busy_poll_budget&&!proc_capable(W->cur,CAP_NET_ADMIN))return-EPERM;
if(rq->val<0||rq->val> 65535)return-EINVAL;
s->busy_poll_budget= rq->val;
return 0;
}

/*:910*//*911:*/
#line 819 "web/beyond.w"

static int set_txtime(sr_sock*s,sr_optreq*rq)
{
struct sock_txtime t;
if(rq->len!=(int)sizeof t)return-EINVAL;
memcpy(&t,rq->buf,sizeof t);
if(t.flags&~(uint32_t)SOF_TXTIME_FLAGS_MASK)return-EINVAL;
if(t.clockid!=CLOCK_MONOTONIC&&!proc_capable(W->cur,CAP_NET_ADMIN))return-EPERM;
if(t.clockid!=CLOCK_REALTIME&&t.clockid!=CLOCK_MONOTONIC&&t.clockid!=CLOCK_TAI)
return-EINVAL;
s->txtime_clockid= t.clockid;
s->txtime_flags= (int)t.flags;
s->txtime_on= true;
return 0;
}

static int get_txtime(sr_sock*s,sr_optreq*rq)
{
struct sock_txtime t;
memset(&t,0,sizeof t);
t.clockid= s->txtime_clockid;
t.flags= (uint32_t)s->txtime_flags;
memcpy(rq->out,&t,sizeof t);
rq->outlen= sizeof t;
return 0;
}

/*:911*//*912:*/
#line 855 "web/beyond.w"

static int set_reserve_mem(sr_sock*s,sr_optreq*rq)
{
(void)s;
return rq->val<0?-EINVAL:-EOPNOTSUPP;
}

static int get_reserve_mem(sr_sock*s,sr_optreq*rq)
{
(void)s;
rq->val= 0;
return 0;
}

/*:912*//*913:*/
#line 878 "web/beyond.w"

static int set_txrehash(sr_sock*s,sr_optreq*rq)
{
if(rq->val<-1||rq->val> 1)return-EINVAL;
s->txrehash= rq->val==-1?1:rq->val;
return 0;
}

/*:913*//*916:*/
#line 898 "web/beyond.w"

static int get_peergroups(sr_sock*s,sr_optreq*rq)
{
(void)s;
(void)rq;
return-ENODATA;
}

/*:916*//*917:*/
#line 916 "web/beyond.w"

static int set_cnx_advice(sr_sock*s,sr_optreq*rq)
{
(void)s;
(void)rq;
return 0;
}

/*:917*//*918:*/
#line 933 "web/beyond.w"

static int set_bindtoifindex(sr_sock*s,sr_optreq*rq)
{
return sock_bindtoindex(s,rq->val);
}

/*:918*//*921:*/
#line 970 "web/beyond.w"

static int set_detach_reuseport_bpf(sr_sock*s,sr_optreq*rq)
{
(void)rq;
if(!s->rp)return s->reuseport?-ENOENT:-EINVAL;
if(!s->rp->prog)return-ENOENT;
free(s->rp->prog);
s->rp->prog= NULL;
s->rp->prog_len= 0;
return 0;
}

/*:921*/
