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
#include <arpa/inet.h> 
#include <linux/capability.h> 
#include <linux/sockios.h> 
#include <linux/filter.h> 

/*:3*/
#line 41 "web/sockref.w"

/*11:*/
#line 62 "web/world.w"

#define SR_DEFAULT_HZ 250

/*:11*//*14:*/
#line 112 "web/world.w"

#define SR_MAX_IFADDR 8

/*:14*//*29:*/
#line 11 "web/proc.w"

#define SR_FIRST_PID 1000
#define SR_NSIG 65 

/*:29*//*31:*/
#line 32 "web/proc.w"

#define SR_ALL_CAPS ((((uint64_t) 1) << (CAP_LAST_CAP + 1)) - 1)
#define SR_NOFILE_CUR 1024
#define SR_NOFILE_MAX 4096

/*:31*//*44:*/
#line 218 "web/proc.w"

#define SR_NR_OPEN 1048576

/*:44*//*62:*/
#line 29 "web/socket.w"

#define SR_MAX_TIMEOUT LONG_MAX

/*:62*//*64:*/
#line 52 "web/socket.w"

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
#define SR_FILTER_NONE 0
#define SR_FILTER_CLASSIC 1
#define SR_FILTER_EBPF 2

/*:64*//*66:*/
#line 89 "web/socket.w"

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

/*:66*//*68:*/
#line 173 "web/socket.w"

#define SR_SOCK_TYPE_MASK 0xf
#define SR_SOCK_MAX 11 
#define SR_IPPROTO_MAX 263 

/*:68*//*75:*/
#line 279 "web/socket.w"

#define SR_TCP_RMEM_DEFAULT 131072
#define SR_TCP_WMEM_DEFAULT 16384

/*:75*//*79:*/
#line 22 "web/ioctl.w"

#define SR_SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_NOATIME | O_DIRECT)

/*:79*//*93:*/
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

/*:93*//*96:*/
#line 107 "web/sysctl.w"

#define SR_MIN_RCVBUF 2304
#define SR_MIN_SNDBUF 4608

/*:96*//*127:*/
#line 52 "web/sockopt.w"

enum{
OPT_INT,
OPT_BOOL,
OPT_BYTE,
OPT_BYTEBOOL,
OPT_LINGER,OPT_TIMEVAL,
OPT_MREQ,
OPT_MREQ_SOURCE,OPT_MSFILTER,
OPT_STRING,OPT_BYTES,OPT_FPROG,OPT_U64,OPT_CUSTOM
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

/*:127*//*135:*/
#line 224 "web/sockopt.w"

#define SR_MRT_BASE 200
#define SR_MRT_MAX 212

/*:135*//*150:*/
#line 153 "web/solsocket.w"

#define SR_TCP_RMEM_MAX 33554432 

/*:150*//*181:*/
#line 584 "web/solsocket.w"

#define SR_SOF_OPT_ID (1u << 7)
#define SR_SOF_OPT_TSONLY (1u << 11)
#define SR_SOF_OPT_STATS (1u << 12)
#define SR_SOF_BIND_PHC (1u << 15)
#define SR_SOF_OPT_ID_TCP (1u << 16)
#define SR_SOF_MASK ((1u << 19) - 1) 

/*:181*//*212:*/
#line 91 "web/ipopt.w"

#define SR_INET_ECN_MASK 3

/*:212*//*216:*/
#line 162 "web/ipopt.w"

#define SR_MAX_IPOPTLEN 40
#define SR_IPOPT_CIPSO 134

/*:216*//*236:*/
#line 429 "web/ipopt.w"

#define SR_IP_MAX_MTU 65535

/*:236*/
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

/*:7*//*8:*/
#line 34 "web/world.w"

struct sr_world{
bool ready;
uint64_t now_ns;
int hz;
sr_host**host;
int nhosts;
sr_proc**proc;
int nprocs;
sr_proc*cur;
pid_t next_pid;
};

/*:8*//*15:*/
#line 119 "web/world.w"

struct sr_ifaddr{
uint32_t addr,brd;
int prefixlen;
};
struct sr_iface{
int ifindex;
char name[IFNAMSIZ];
unsigned flags;
int mtu;
struct sr_ifaddr addr[SR_MAX_IFADDR];
int naddr;
};

/*:15*//*16:*/
#line 137 "web/world.w"

enum{SR_RT_UNICAST,SR_RT_LOCAL,SR_RT_BROADCAST};
struct sr_route{
uint32_t dst;
int prefixlen;
uint32_t gw,prefsrc;
int ifindex;
int type;
};

/*:16*//*47:*/
#line 13 "web/fd.w"

enum{SR_FILE_TTY,SR_FILE_SOCKET};
struct sr_file{
int refs;
int kind;
int flags;
uid_t owner_uid;
pid_t owner;
int sig;
sr_sock*sock;
};

/*:47*//*48:*/
#line 32 "web/fd.w"

typedef struct{
sr_file**file;
unsigned char*cloexec;
uint64_t*used,*full;
int cap;
int open;
}sr_fdtab;

/*:48*//*61:*/
#line 13 "web/socket.w"

struct sr_sock{
int family,type,protocol;
sr_file*file;
sr_host*host;
uid_t uid;
bool listening;
/*63:*/
#line 32 "web/socket.w"

int rcvbuf,sndbuf;
bool rcvbuf_locked,sndbuf_locked;
int rcvlowat;
long rcvtimeo,sndtimeo;
bool linger;
long lingertime;
int priority;
uint32_t mark;
int reuse,reuseport;
int bound_dev_if;
int incoming_cpu;
unsigned int busy_poll;
int peek_off;
int err;
unsigned flags;
int filter_kind;
struct sock_filter*filter;
int filter_len;

/*:63*//*87:*/
#line 204 "web/ioctl.w"

bool stamped;
uint64_t last_stamp_ns;
int rx_first_len;
int tx_queued;

/*:87*//*143:*/
#line 35 "web/solsocket.w"

uint32_t tsflags;
uint64_t max_pacing_rate;
int nofcs,wifi_status;
bool reuseport_prog;

/*:143*/
#line 20 "web/socket.w"

/*65:*/
#line 74 "web/socket.w"

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

/*:65*//*234:*/
#line 412 "web/ipopt.w"

bool connected;
uint32_t daddr;

/*:234*/
#line 21 "web/socket.w"

};

/*:61*//*92:*/
#line 47 "web/sysctl.w"

enum{SYSV_INT,SYSV_U8,SYSV_ULONG,SYSV_PAIR,SYSV_PORTS,SYSV_JIFFIES};
enum{SYS_NETNS,SYS_GLOBAL};
typedef struct{
const char*name,*clause;
int scope,kind;
long long def,def2;
long long min,max;
}sr_sysctl;

/*:92*//*126:*/
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

/*:126*//*128:*/
#line 81 "web/sockopt.w"

struct sr_optreq{
const sr_optdesc*d;
int val;
const unsigned char*buf;
int len;
unsigned char out[256];
int outlen;
void*ubuf;
socklen_t*ulen;
};

/*:128*//*242:*/
#line 30 "web/mcast.w"

typedef struct sr_mcsock sr_mcsock;
struct sr_mcsock{
sr_mcsock*next;
uint32_t group;
uint32_t addr;
int ifindex;
int mode;
bool has_list;
int nsrc,maxsrc;
uint32_t*src;
};

/*:242*/
#line 43 "web/sockref.w"

/*17:*/
#line 150 "web/world.w"

struct sr_host{
int id;
char name[32];
sr_iface*ifs;
int nifs;
sr_route*routes;
int nroutes;
/*91:*/
#line 35 "web/sysctl.w"

long long sys[SR_NSYSCTL][2];
uint64_t*reserved_ports;

/*:91*/
#line 158 "web/world.w"

};

/*:17*//*30:*/
#line 15 "web/proc.w"

struct sr_proc{
pid_t pid,pgrp;
uid_t ruid,euid,suid,fsuid;
uint64_t cap_eff,cap_perm;
struct rlimit nofile;
/*49:*/
#line 41 "web/fd.w"

sr_fdtab fds;

/*:49*/
#line 21 "web/proc.w"

sr_host*host;
unsigned long sigcount[SR_NSIG];
};

/*:30*/
#line 44 "web/sockref.w"

/*9:*/
#line 47 "web/world.w"

static void world_ready(void);

/*:9*//*18:*/
#line 165 "web/world.w"

static void*xcalloc(size_t n,size_t size);
static void*xrealloc(void*p,size_t n,size_t size);

/*:18*//*20:*/
#line 186 "web/world.w"

static sr_iface*host_add_iface(sr_host*h,const char*name,unsigned flags,
int mtu);
static void iface_add_addr(sr_iface*ifp,const char*addr,int prefixlen,
const char*brd);
static void host_add_route(sr_host*h,const char*dst,int prefixlen,
const char*gw,int ifindex,uint32_t prefsrc,int type);

/*:20*//*22:*/
#line 238 "web/world.w"

static sr_iface*iface_by_index(sr_host*h,int ifindex);
static sr_iface*iface_by_name(sr_host*h,const char*name);
static sr_iface*iface_by_addr(sr_host*h,uint32_t addr);
static const sr_route*route_lookup(sr_host*h,uint32_t dst);

/*:22*//*32:*/
#line 37 "web/proc.w"

static sr_proc*proc_new(sr_host*h,uid_t uid);
static void proc_free(sr_proc*p);
static sr_proc*proc_by_pid(pid_t pid);
static bool pgrp_exists(pid_t pgrp);

/*:32*//*40:*/
#line 168 "web/proc.w"

static bool proc_capable(const sr_proc*p,int cap);

/*:40*//*50:*/
#line 44 "web/fd.w"

static void fdtab_init(sr_proc*p);
static void fdtab_free(sr_proc*p);
static int fd_install(sr_proc*p,sr_file*f,int minfd,bool cloexec);
static sr_file*fd_file(sr_proc*p,int fd);
static void fd_release(sr_proc*p,int fd);
static void file_put(sr_file*f);

/*:50*//*55:*/
#line 166 "web/fd.w"

static sr_sock*sock_lookup(int fd,int*err);

/*:55*//*57:*/
#line 182 "web/fd.w"

static int sys_return(int r);

/*:57*//*69:*/
#line 194 "web/socket.w"

static int inet_protocol_check(int type,int*protocol);

/*:69*//*72:*/
#line 251 "web/socket.w"

static sr_sock*sock_alloc(sr_proc*p,int type,int protocol);
static void sock_release(sr_sock*s);

/*:72*//*89:*/
#line 235 "web/ioctl.w"

static int file_setfl(sr_file*f,int arg);
static int file_setown(sr_file*f,int who);
static int generic_ioctl(sr_proc*p,int fd,sr_file*f,unsigned long req,
void*argp,bool*handled);
static int sock_ioctl(sr_file*f,unsigned long req,void*argp);
/*:89*//*94:*/
#line 78 "web/sysctl.w"

static const sr_sysctl sysctls[SR_NSYSCTL];

/*:94*//*115:*/
#line 327 "web/sysctl.w"

static long long*sysctl_slot(sr_host*h,int i);
static long long sysctl_value(sr_host*h,int i);
static bool ping_group_allowed(const sr_proc*p);

/*:115*//*124:*/
#line 570 "web/sysctl.w"

static int ports_parse(uint64_t*bits,const char*text);
static void ports_format(const uint64_t*bits,char*out,size_t len);
static int sysctl_parse(int i,const char*text,long long nv[2]);
static int sysctl_cross_check(sr_host*h,int i,long long nv[2]);
/*:124*//*130:*/
#line 104 "web/sockopt.w"

static const sr_optdesc*opt_lookup(int level,int name);

/*:130*//*132:*/
#line 134 "web/sockopt.w"

static int set_flag(sr_sock*s,sr_optreq*rq);
static int get_flag(sr_sock*s,sr_optreq*rq);
static int set_int_field(sr_sock*s,sr_optreq*rq);
static int get_int_field(sr_sock*s,sr_optreq*rq);

/*:132*//*138:*/
#line 293 "web/sockopt.w"

static int opt_validate_set(sr_sock*s,const sr_optdesc*d,sr_optreq*rq);
static bool opt_capable(uint64_t caps);
static int opt_copy_out(const sr_optdesc*d,sr_optreq*rq,void*optval,
socklen_t*optlen,int len);

/*:138*//*146:*/
#line 73 "web/solsocket.w"

static int buffer_request(const sr_sock*s,int tunable,int val);
static int buffer_store(int*size,bool*locked,int val,int min);

/*:146*//*155:*/
#line 242 "web/solsocket.w"

static int timeo_set(long*timeo,const sr_optreq*rq);
static int timeo_get(long timeo,sr_optreq*rq);

/*:155*//*169:*/
#line 401 "web/solsocket.w"

static bool sock_may_scm_recv(const sr_sock*s);

/*:169*//*171:*/
#line 436 "web/solsocket.w"

static int tstamp_set(sr_sock*s,bool on,bool ns);

/*:171*//*179:*/
#line 525 "web/solsocket.w"

static bool sock_has_peek_off(const sr_sock*s);

/*:179*//*197:*/
#line 808 "web/solsocket.w"

static int filter_check(const sr_sock*s,const struct sock_fprog*fp);
static bool insn_ok(const struct sock_filter*f,int pc,int len);
static bool filter_mem_ok(const struct sock_filter*f,int len);

/*:197*//*204:*/
#line 991 "web/solsocket.w"

static int bpf_prog_get(const sr_sock*s,const sr_optreq*rq);

/*:204*//*217:*/
#line 166 "web/ipopt.w"

static int ip_options_compile(sr_host*h,unsigned char*p,int len,bool*srr);
static bool inet_addr_is_unicast(sr_host*h,const unsigned char*a);

/*:217*//*243:*/
#line 45 "web/mcast.w"

static void mc_drop_all(sr_sock*s);
static bool ipv4_is_multicast(uint32_t addr);
static sr_iface*ip_dev_find(sr_host*h,uint32_t addr);
static sr_iface*mc_find_dev(sr_host*h,uint32_t group,uint32_t addr,
int*ifindex);
static void mreq_decode(const sr_optreq*rq,struct ip_mreqn*mr);
static sr_mcsock**mc_find(sr_sock*s,uint32_t group,int ifindex);
static int mc_join(sr_sock*s,struct ip_mreqn*mr,int mode);
static int mc_leave(sr_sock*s,struct ip_mreqn*mr);
static int mc_source(sr_sock*s,bool add,int omode,
const struct ip_mreq_source*mrs);

/*:243*//*258:*/
#line 344 "web/mcast.w"

static int mreq_source_decode(const sr_optreq*rq,struct ip_mreq_source*mrs);

/*:258*/
#line 45 "web/sockref.w"

/*6:*/
#line 13 "web/world.w"

static sr_world the_world;
#define W (&the_world)

/*:6*/
#line 46 "web/sockref.w"

/*129:*/
#line 98 "web/sockopt.w"

#include "sr_options.h"

/*:129*/
#line 47 "web/sockref.w"


/*:2*//*10:*/
#line 50 "web/world.w"

static void world_ready(void)
{
if(!W->ready)sr_reset();
}

/*:10*//*13:*/
#line 74 "web/world.w"

uint64_t sr_now_ns(void)
{
world_ready();
return W->now_ns;
}

void sr_advance_ns(uint64_t ns)
{
world_ready();
W->now_ns+= ns;
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
#line 169 "web/world.w"

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
#line 197 "web/world.w"

static sr_iface*host_add_iface(sr_host*h,const char*name,unsigned flags,
int mtu)
{
sr_iface*ifp;
h->ifs= xrealloc(h->ifs,(size_t)h->nifs+1,sizeof*h->ifs);
ifp= &h->ifs[h->nifs];
memset(ifp,0,sizeof*ifp);
ifp->ifindex= ++h->nifs;
snprintf(ifp->name,sizeof ifp->name,"%s",name);
ifp->flags= flags;
ifp->mtu= mtu;
return ifp;
}

static void iface_add_addr(sr_iface*ifp,const char*addr,int prefixlen,
const char*brd)
{
struct sr_ifaddr*a= &ifp->addr[ifp->naddr++];
a->addr= inet_addr(addr);
a->prefixlen= prefixlen;
a->brd= brd?inet_addr(brd):0;
}

static void host_add_route(sr_host*h,const char*dst,int prefixlen,
const char*gw,int ifindex,uint32_t prefsrc,int type)
{
sr_route*r;
h->routes= xrealloc(h->routes,(size_t)h->nroutes+1,sizeof*h->routes);
r= &h->routes[h->nroutes++];
r->dst= inet_addr(dst);
r->prefixlen= prefixlen;
r->gw= gw?inet_addr(gw):0;
r->ifindex= ifindex;
r->prefsrc= prefsrc;
r->type= type;
}

/*:21*//*23:*/
#line 244 "web/world.w"

static sr_iface*iface_by_index(sr_host*h,int ifindex)
{
for(int i= 0;i<h->nifs;i++)
if(h->ifs[i].ifindex==ifindex)return&h->ifs[i];
return NULL;
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

/*:23*//*24:*/
#line 270 "web/world.w"

static uint32_t prefix_mask(int len)
{
return len<=0?0:htonl(len>=32?0xffffffffu:~(0xffffffffu>>len));
}

static const sr_route*route_lookup(sr_host*h,uint32_t dst)
{
const sr_route*best= NULL;
for(int i= 0;i<h->nroutes;i++){
const sr_route*r= &h->routes[i];
if((dst&prefix_mask(r->prefixlen))!=(r->dst&prefix_mask(r->prefixlen)))
continue;
if(!best||r->prefixlen> best->prefixlen||
(r->prefixlen==best->prefixlen&&r->type==SR_RT_LOCAL))
best= r;
}
return best;
}

/*:24*//*27:*/
#line 327 "web/world.w"

void sr_reset(void)
{
sr_host*h;
if(W->ready)/*28:*/
#line 354 "web/world.w"

{
for(int i= 0;i<W->nprocs;i++)proc_free(W->proc[i]);
free(W->proc);
for(int i= 0;i<W->nhosts;i++){
free(W->host[i]->ifs);
free(W->host[i]->routes);
free(W->host[i]->reserved_ports);
free(W->host[i]);
}
free(W->host);
}
/*:28*/
#line 331 "web/world.w"

memset(W,0,sizeof*W);
W->ready= true;
W->hz= SR_DEFAULT_HZ;
W->next_pid= SR_FIRST_PID;
h= xcalloc(1,sizeof*h);
snprintf(h->name,sizeof h->name,"host0");
/*25:*/
#line 300 "web/world.w"

{
sr_iface*lo,*eth;
uint32_t src= inet_addr("10.0.0.1");
lo= host_add_iface(h,"lo",IFF_UP|IFF_LOOPBACK|IFF_RUNNING,65536);
iface_add_addr(lo,"127.0.0.1",8,NULL);
host_add_route(h,"127.0.0.0",8,NULL,lo->ifindex,inet_addr("127.0.0.1"),
SR_RT_LOCAL);
eth= host_add_iface(h,"eth0",
IFF_UP|IFF_BROADCAST|IFF_RUNNING|IFF_MULTICAST,1500);
iface_add_addr(eth,"10.0.0.1",24,"10.0.0.255");
host_add_route(h,"10.0.0.1",32,NULL,eth->ifindex,src,SR_RT_LOCAL);
host_add_route(h,"10.0.0.255",32,NULL,eth->ifindex,src,
SR_RT_BROADCAST);
host_add_route(h,"10.0.0.0",24,NULL,eth->ifindex,src,SR_RT_UNICAST);
host_add_route(h,"0.0.0.0",0,"10.0.0.254",eth->ifindex,0,
SR_RT_UNICAST);
}

/*:25*/
#line 338 "web/world.w"

/*114:*/
#line 320 "web/sysctl.w"

for(int i= 0;i<SR_NSYSCTL;i++){
h->sys[i][0]= sysctls[i].def;
h->sys[i][1]= sysctls[i].def2;
}
h->reserved_ports= xcalloc(65536/64,sizeof(uint64_t));

/*:114*/
#line 339 "web/world.w"

W->host= xcalloc(1,sizeof*W->host);
W->host[W->nhosts++]= h;
W->cur= proc_new(h,0);
}

int sr_world_hosts(void)
{
world_ready();
return W->nhosts;
}

/*:27*//*33:*/
#line 43 "web/proc.w"

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

/*:33*//*34:*/
#line 68 "web/proc.w"

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

/*:34*//*36:*/
#line 94 "web/proc.w"

uid_t sr_getuid(void){world_ready();return W->cur->ruid;}
uid_t sr_geteuid(void){world_ready();return W->cur->euid;}
pid_t sr_getpid(void){world_ready();return W->cur->pid;}
pid_t sr_getpgrp(void){world_ready();return W->cur->pgrp;}

/*:36*//*37:*/
#line 110 "web/proc.w"

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

/*:37*//*38:*/
#line 139 "web/proc.w"

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

/*:38*//*41:*/
#line 171 "web/proc.w"

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

/*:41*//*43:*/
#line 200 "web/proc.w"

long sr_signal_count(int signo)
{
world_ready();
if(signo<=0||signo>=SR_NSIG){errno= EINVAL;return-1;}
return(long)W->cur->sigcount[signo];
}


/*:43*//*46:*/
#line 225 "web/proc.w"

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
/*:46*//*51:*/
#line 52 "web/fd.w"

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
fdtab_grow(&p->fds,0);
for(int i= 0;i<3;i++){
sr_file*f= xcalloc(1,sizeof*f);
f->kind= SR_FILE_TTY;
f->flags= O_RDWR;
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

/*:51*//*52:*/
#line 93 "web/fd.w"

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

/*:52*//*53:*/
#line 117 "web/fd.w"

static int fd_install(sr_proc*p,sr_file*f,int minfd,bool cloexec)
{
sr_fdtab*t= &p->fds;
int fd= fd_lowest_free(t,minfd);
if((rlim_t)fd>=p->nofile.rlim_cur)return-EMFILE;
if(fd>=t->cap)fdtab_grow(t,fd);
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

/*:53*//*54:*/
#line 154 "web/fd.w"

static void file_put(sr_file*f)
{
if(--f->refs> 0)return;
if(f->sock)sock_release(f->sock);
free(f);
}

/*:54*//*56:*/
#line 169 "web/fd.w"

static sr_sock*sock_lookup(int fd,int*err)
{
sr_file*f= fd_file(W->cur,fd);
if(!f){*err= -EBADF;return NULL;}
if(f->kind!=SR_FILE_SOCKET){*err= -ENOTSOCK;return NULL;}
return f->sock;
}

/*:56*//*58:*/
#line 185 "web/fd.w"

static int sys_return(int r)
{
if(r<0){errno= -r;return-1;}
return r;
}

/*:58*//*59:*/
#line 197 "web/fd.w"

int sr_close(int fd)
{
world_ready();
if(!fd_file(W->cur,fd))return sys_return(-EBADF);
fd_release(W->cur,fd);
return 0;
}

/*:59*//*60:*/
#line 219 "web/fd.w"

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
/*:60*//*67:*/
#line 138 "web/socket.w"

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

/*:67*//*70:*/
#line 197 "web/socket.w"

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

/*:70*//*71:*/
#line 236 "web/socket.w"

int sr_socketpair(int domain,int type,int protocol,int sv[2])
{
int fd= sr_socket(domain,type,protocol);
if(fd<0)return-1;
fd_release(W->cur,fd);
return sys_return(sv?-EOPNOTSUPP:-EFAULT);
}

/*:71*//*73:*/
#line 255 "web/socket.w"

static sr_sock*sock_alloc(sr_proc*p,int type,int protocol)
{
sr_sock*s= xcalloc(1,sizeof*s);
sr_host*h= p->host;
s->family= AF_INET;
s->type= type;
s->protocol= protocol;
s->host= h;
s->uid= p->euid;
/*74:*/
#line 270 "web/socket.w"

s->rcvbuf= type==SOCK_STREAM?SR_TCP_RMEM_DEFAULT:sysctl_value(h,SYS_RMEM_DEFAULT);
s->sndbuf= type==SOCK_STREAM?SR_TCP_WMEM_DEFAULT:sysctl_value(h,SYS_WMEM_DEFAULT);
s->rcvlowat= 1;
s->rcvtimeo= s->sndtimeo= SR_MAX_TIMEOUT;
s->peek_off= -1;
s->incoming_cpu= -1;
s->busy_poll= (unsigned)sysctl_value(h,SYS_BUSY_READ);

/*:74*//*144:*/
#line 41 "web/solsocket.w"

s->reuse= type==SOCK_RAW||(type==SOCK_DGRAM&&protocol==IPPROTO_ICMP);
s->max_pacing_rate= UINT64_MAX;

/*:144*/
#line 265 "web/socket.w"

/*76:*/
#line 283 "web/socket.w"

s->uc_ttl= -1;
s->mc_ttl= 1;
s->ipflags|= IPF_MC_LOOP|IPF_MC_ALL;
s->pmtudisc= sysctl_value(h,SYS_IP_NO_PMTU_DISC)?IP_PMTUDISC_DONT:IP_PMTUDISC_WANT;
if(type==SOCK_RAW&&protocol==IPPROTO_RAW)s->ipflags|= IPF_HDRINCL;

/*:76*/
#line 266 "web/socket.w"

return s;
}

/*:73*//*77:*/
#line 292 "web/socket.w"

static void sock_release(sr_sock*s)
{
mc_drop_all(s);
free(s->filter);
free(s);
}
/*:77*//*80:*/
#line 25 "web/ioctl.w"

static int file_setfl(sr_file*f,int arg)
{
if((arg&O_DIRECT)&&f->kind==SR_FILE_SOCKET)return-EINVAL;
if((arg&O_NOATIME)&&!(f->flags&O_NOATIME)&&
W->cur->fsuid!=f->owner_uid&&!proc_capable(W->cur,CAP_FOWNER))
return-EPERM;
f->flags= (f->flags&~SR_SETFL_MASK)|(arg&SR_SETFL_MASK);
return 0;
}

/*:80*//*81:*/
#line 50 "web/ioctl.w"

static int file_setown(sr_file*f,int who)
{
if(who==INT_MIN)return-EINVAL;
if(who> 0&&!proc_by_pid(who))return-ESRCH;
if(who<0&&!pgrp_exists(-who))return-ESRCH;
f->owner= who;
return 0;
}

/*:81*//*83:*/
#line 72 "web/ioctl.w"

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

/*:83*//*84:*/
#line 115 "web/ioctl.w"

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

/*:84*//*85:*/
#line 149 "web/ioctl.w"

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
/*86:*/
#line 184 "web/ioctl.w"

case SIOCGSTAMP:
if(!s->stamped)return-ENOENT;
if(!argp)return-EFAULT;
{
struct timeval tv;
tv.tv_sec= (time_t)(s->last_stamp_ns/1000000000u);
tv.tv_usec= (suseconds_t)(s->last_stamp_ns%1000000000u/1000u);
memcpy(argp,&tv,sizeof tv);
}
return 0;
case SIOCINQ:case SIOCOUTQ:
if(s->type==SOCK_STREAM&&s->listening)return-EINVAL;
if(!argp)return-EFAULT;
v= req==SIOCINQ?s->rx_first_len:s->tx_queued;
memcpy(argp,&v,sizeof v);
return 0;

/*:86*/
#line 163 "web/ioctl.w"

}
return-ENOTTY;
}

/*:85*//*88:*/
#line 216 "web/ioctl.w"

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
return sys_return(sock_ioctl(f,request,argp));
}

/*:88*//*95:*/
#line 81 "web/sysctl.w"

static const sr_sysctl sysctls[SR_NSYSCTL]= {

/*97:*/
#line 111 "web/sysctl.w"

[SYS_RMEM_DEFAULT]= {"net.core.rmem_default","socket.7:proc:rmem_default",
SYS_GLOBAL,SYSV_INT,212992,0,SR_MIN_RCVBUF,INT_MAX},
[SYS_RMEM_MAX]= {"net.core.rmem_max","socket.7:proc:rmem_max",
SYS_GLOBAL,SYSV_INT,4194304,0,SR_MIN_RCVBUF,INT_MAX},
[SYS_WMEM_DEFAULT]= {"net.core.wmem_default","socket.7:proc:wmem_default",
SYS_GLOBAL,SYSV_INT,212992,0,SR_MIN_SNDBUF,INT_MAX},
[SYS_WMEM_MAX]= {"net.core.wmem_max","socket.7:proc:wmem_max",
SYS_GLOBAL,SYSV_INT,4194304,0,SR_MIN_SNDBUF,INT_MAX},

/*:97*//*98:*/
#line 129 "web/sysctl.w"

[SYS_MESSAGE_COST]= {"net.core.message_cost","socket.7:proc:message_cost",
SYS_GLOBAL,SYSV_INT,5,0,INT_MIN,INT_MAX},
[SYS_MESSAGE_BURST]= {"net.core.message_burst","socket.7:proc:message_burst",
SYS_GLOBAL,SYSV_INT,10,0,INT_MIN,INT_MAX},

/*:98*//*99:*/
#line 140 "web/sysctl.w"

[SYS_NETDEV_MAX_BACKLOG]= {"net.core.netdev_max_backlog",
"socket.7:proc:netdev_max_backlog",SYS_GLOBAL,SYSV_INT,1000,0,
INT_MIN,INT_MAX},

/*:99*//*100:*/
#line 150 "web/sysctl.w"

[SYS_OPTMEM_MAX]= {"net.core.optmem_max","socket.7:proc:optmem_max",
SYS_NETNS,SYSV_INT,131072,0,0,INT_MAX},

/*:100*//*101:*/
#line 160 "web/sysctl.w"

[SYS_BUSY_READ]= {"net.core.busy_read","socket.7:SO_BUSY_POLL",
SYS_GLOBAL,SYSV_INT,0,0,0,INT_MAX},
[SYS_BUSY_POLL]= {"net.core.busy_poll","socket.7:SO_BUSY_POLL:5",
SYS_GLOBAL,SYSV_INT,0,0,0,INT_MAX},
[SYS_SOMAXCONN]= {"net.core.somaxconn","socket.7:call:listen",
SYS_NETNS,SYSV_INT,4096,0,0,INT_MAX},

/*:101*//*102:*/
#line 173 "web/sysctl.w"

[SYS_IP_DEFAULT_TTL]= {"net.ipv4.ip_default_ttl","ip.7:proc:ip_default_ttl",
SYS_NETNS,SYSV_U8,64,0,1,255},

/*:102*//*103:*/
#line 182 "web/sysctl.w"

[SYS_IP_DYNADDR]= {"net.ipv4.ip_dynaddr","ip.7:proc:ip_dynaddr",
SYS_NETNS,SYSV_U8,0,0,0,255},

/*:103*//*104:*/
#line 194 "web/sysctl.w"

[SYS_IP_FORWARD]= {"net.ipv4.ip_forward","ip.7:proc:ip_forward",
SYS_NETNS,SYSV_INT,0,0,INT_MIN,INT_MAX},

/*:104*//*105:*/
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

/*:105*//*106:*/
#line 228 "web/sysctl.w"

[SYS_IP_NO_PMTU_DISC]= {"net.ipv4.ip_no_pmtu_disc","ip.7:proc:ip_no_pmtu_disc",
SYS_NETNS,SYSV_U8,0,0,0,255},
[SYS_ROUTE_MIN_PMTU]= {"net.ipv4.route.min_pmtu","ip.7:IP_MTU_DISCOVER",
SYS_NETNS,SYSV_INT,552,0,68,INT_MAX},
[SYS_ROUTE_MTU_EXPIRES]= {"net.ipv4.route.mtu_expires",
"ip.7:IP_MTU_DISCOVER",SYS_NETNS,SYSV_JIFFIES,600,0,INT_MIN,INT_MAX},
[SYS_ROUTE_MIN_ADV_MSS]= {"net.ipv4.route.min_adv_mss",
"ip.7:IP_MTU_DISCOVER",SYS_NETNS,SYSV_INT,256,0,INT_MIN,INT_MAX},

/*:106*//*107:*/
#line 243 "web/sysctl.w"

[SYS_IP_NONLOCAL_BIND]= {"net.ipv4.ip_nonlocal_bind",
"ip.7:proc:ip_nonlocal_bind",SYS_NETNS,SYSV_U8,0,0,0,255},

/*:107*//*108:*/
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

/*:108*//*109:*/
#line 274 "web/sysctl.w"

[SYS_IP6FRAG_HIGH_THRESH]= {"net.ipv6.ip6frag_high_thresh",
"ip.7:proc_interfaces",SYS_NETNS,SYSV_ULONG,4194304,0,0,
LLONG_MAX},
[SYS_IP6FRAG_LOW_THRESH]= {"net.ipv6.ip6frag_low_thresh",
"ip.7:proc_interfaces",SYS_NETNS,SYSV_ULONG,3145728,0,0,
LLONG_MAX},
[SYS_IP6FRAG_TIME]= {"net.ipv6.ip6frag_time","ip.7:proc:ip6frag_time",
SYS_NETNS,SYSV_JIFFIES,60,0,INT_MIN,INT_MAX},

/*:109*//*112:*/
#line 308 "web/sysctl.w"

[SYS_IGMP_MAX_MEMBERSHIPS]= {"net.ipv4.igmp_max_memberships",
"ip.7:IP_ADD_MEMBERSHIP",SYS_NETNS,SYSV_INT,20,0,INT_MIN,INT_MAX},
[SYS_IGMP_MAX_MSF]= {"net.ipv4.igmp_max_msf","ip.7:IP_MSFILTER",
SYS_NETNS,SYSV_INT,10,0,INT_MIN,INT_MAX},
[SYS_PING_GROUP_RANGE]= {"net.ipv4.ping_group_range","ip.7:DESCRIPTION",
SYS_NETNS,SYSV_PAIR,1,0,0,4294967294LL},


/*:112*/
#line 84 "web/sysctl.w"


};

/*:95*//*116:*/
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

/*:116*//*117:*/
#line 351 "web/sysctl.w"

static bool ping_group_allowed(const sr_proc*p)
{
long long*r= sysctl_slot(p->host,SYS_PING_GROUP_RANGE);
return(long long)p->ruid>=r[0]&&(long long)p->ruid<=r[1];
}

/*:117*//*118:*/
#line 361 "web/sysctl.w"

int sr_sysctl_get(const char*name,char*buf,size_t len)
{
int i;
char text[8192];
long long*v;
world_ready();
if(!name||!buf)return sys_return(-EFAULT);
for(i= 0;i<SR_NSYSCTL&&strcmp(sysctls[i].name,name)!=0;i++);
if(i==SR_NSYSCTL)return sys_return(-ENOENT);
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

/*:118*//*119:*/
#line 390 "web/sysctl.w"

int sr_sysctl_set(const char*name,const char*value)
{
int i,r;
sr_proc*p;
long long nv[2];
world_ready();
p= W->cur;
if(!name||!value)return sys_return(-EFAULT);
for(i= 0;i<SR_NSYSCTL&&strcmp(sysctls[i].name,name)!=0;i++);
if(i==SR_NSYSCTL)return sys_return(-ENOENT);
if(p->fsuid!=0&&!proc_capable(p,sysctls[i].scope==SYS_GLOBAL?
CAP_DAC_OVERRIDE:CAP_NET_ADMIN))
return sys_return(-EACCES);
if(!*value)return 0;
if(sysctls[i].kind==SYSV_PORTS)
return sys_return(ports_parse(p->host->reserved_ports,value));
memcpy(nv,sysctl_slot(p->host,i),sizeof nv);
r= sysctl_parse(i,value,nv);
if(r==0)r= sysctl_cross_check(p->host,i,nv);
if(r<0)return sys_return(r);
memcpy(sysctl_slot(p->host,i),nv,sizeof nv);
return 0;
}

/*:119*//*120:*/
#line 426 "web/sysctl.w"

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

/*:120*//*121:*/
#line 454 "web/sysctl.w"

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

/*:121*//*122:*/
#line 499 "web/sysctl.w"

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

/*:122*//*123:*/
#line 528 "web/sysctl.w"

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
if(!((bits[k/64]>>(k%64))&1))continue;
for(e= k;e+1<65536&&((bits[(e+1)/64]>>((e+1)%64))&1);e++);
if(n+16>=len)break;
n+= (size_t)snprintf(out+n,len-n,n?",%ld":"%ld",k);
if(e> k)n+= (size_t)snprintf(out+n,len-n,"-%ld",e);
k= e;
}
}

/*:123*//*131:*/
#line 107 "web/sockopt.w"

static const sr_optdesc*opt_lookup(int level,int name)
{
const short*index;
if(name<0||name>=SR_OPTNAME_LIMIT)return NULL;
if(level==SOL_SOCKET)index= sr_sol_index;
else if(level==IPPROTO_IP)index= sr_ip_index;
else return NULL;
return index[name]?&sr_optdescs[index[name]-1]:NULL;
}

/*:131*//*133:*/
#line 140 "web/sockopt.w"

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

/*:133*//*134:*/
#line 190 "web/sockopt.w"

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
if(level!=SOL_SOCKET&&level!=IPPROTO_IP)return sys_return(-ENOPROTOOPT);
d= opt_lookup(level,optname);
if(level==SOL_SOCKET&&!(d&&d->type==OPT_STRING)){
if(len<(int)sizeof(int))return sys_return(-EINVAL);
if(!optval)return sys_return(-EFAULT);
}
if(level==IPPROTO_IP&&optname>=SR_MRT_BASE&&optname<=SR_MRT_MAX)
return sys_return(-EOPNOTSUPP);
if(!d||!(d->access&OPT_SET))return sys_return(-ENOPROTOOPT);
memset(&rq,0,sizeof rq);
rq.d= d;
rq.buf= optval;
rq.len= len;
err= opt_validate_set(s,d,&rq);
if(err==0)err= d->set(s,&rq);
return sys_return(err);
}

/*:134*//*136:*/
#line 239 "web/sockopt.w"

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
if(rq->len> 0&&!rq->buf)return-EFAULT;
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

/*:136*//*137:*/
#line 285 "web/sockopt.w"

static bool opt_capable(uint64_t caps)
{
for(int c= 0;c<=CAP_LAST_CAP;c++)
if(((caps>>c)&1)&&proc_capable(W->cur,c))return true;
return false;
}

/*:137*//*139:*/
#line 313 "web/sockopt.w"

int sr_getsockopt(int fd,int level,int optname,void*optval,
socklen_t*optlen)
{
int err= 0,len;
sr_sock*s;
const sr_optdesc*d;
sr_optreq rq;
world_ready();
if(!(s= sock_lookup(fd,&err)))return sys_return(err);
if(level!=SOL_SOCKET&&level!=IPPROTO_IP)return sys_return(-EOPNOTSUPP);
if(level==IPPROTO_IP&&optname>=SR_MRT_BASE&&optname<=SR_MRT_MAX)
return sys_return(-EOPNOTSUPP);
if(!optlen)return sys_return(-EFAULT);
len= (int)*optlen;
if(len<0)return sys_return(-EINVAL);
d= opt_lookup(level,optname);
if(!d||!(d->access&OPT_GET))return sys_return(-ENOPROTOOPT);
if(!d->types_set_only&&!(d->types&(1u<<s->type)))
return sys_return(-d->type_errno);
memset(&rq,0,sizeof rq);
rq.d= d;
rq.len= len;
rq.ubuf= optval;
rq.ulen= optlen;
err= d->get(s,&rq);
if(err<0)return sys_return(err);
if(d->type==OPT_CUSTOM)return 0;
return sys_return(opt_copy_out(d,&rq,optval,optlen,len));
}

/*:139*//*140:*/
#line 359 "web/sockopt.w"

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
if(len> 0&&!optval)return-EFAULT;
if(len> 0)memcpy(optval,rq->out,(size_t)len);
*optlen= (socklen_t)len;
return 0;
}
/*:140*//*145:*/
#line 58 "web/solsocket.w"

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

/*:145*//*147:*/
#line 87 "web/solsocket.w"

static int set_rcvbuf(sr_sock*s,sr_optreq*rq)
{
return buffer_store(&s->rcvbuf,&s->rcvbuf_locked,
buffer_request(s,SYS_RMEM_MAX,rq->val),SR_MIN_RCVBUF);
}


/*:147*//*148:*/
#line 103 "web/solsocket.w"

static int set_sndbuf(sr_sock*s,sr_optreq*rq)
{
return buffer_store(&s->sndbuf,&s->sndbuf_locked,
buffer_request(s,SYS_WMEM_MAX,rq->val),SR_MIN_SNDBUF);
}


/*:148*//*149:*/
#line 125 "web/solsocket.w"

static int set_rcvbufforce(sr_sock*s,sr_optreq*rq)
{
return buffer_store(&s->rcvbuf,&s->rcvbuf_locked,rq->val<0?0:rq->val,
SR_MIN_RCVBUF);
}

static int set_sndbufforce(sr_sock*s,sr_optreq*rq)
{
return buffer_store(&s->sndbuf,&s->sndbuf_locked,rq->val<0?0:rq->val,
SR_MIN_SNDBUF);
}

/*:149*//*151:*/
#line 156 "web/solsocket.w"

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


/*:151*//*152:*/
#line 177 "web/solsocket.w"

static int get_sndlowat(sr_sock*s,sr_optreq*rq)
{
(void)s;
rq->val= 1;
return 0;
}

/*:152*//*154:*/
#line 211 "web/solsocket.w"

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

/*:154*//*156:*/
#line 261 "web/solsocket.w"

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

/*:156*//*167:*/
#line 357 "web/solsocket.w"

static int set_bsdcompat(sr_sock*s,sr_optreq*rq){(void)s;(void)rq;return 0;}
static int get_bsdcompat(sr_sock*s,sr_optreq*rq){(void)s;rq->val= 0;return 0;}

/*:167*//*168:*/
#line 375 "web/solsocket.w"

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

/*:168*//*170:*/
#line 418 "web/solsocket.w"

static int tstamp_set(sr_sock*s,bool on,bool ns)
{
s->flags&= ~(SK_TIMESTAMP|SK_TIMESTAMPNS);
if(on)s->flags|= SK_TIMESTAMP|(ns?SK_TIMESTAMPNS:0);
return 0;
}

static int set_timestamp(sr_sock*s,sr_optreq*rq){return tstamp_set(s,rq->val,false);}
static int set_timestampns(sr_sock*s,sr_optreq*rq){return tstamp_set(s,rq->val,true);}

static int get_timestamp(sr_sock*s,sr_optreq*rq)
{
rq->val= (s->flags&SK_TIMESTAMP)&&!(s->flags&SK_TIMESTAMPNS);
return 0;
}


/*:170*//*178:*/
#line 505 "web/solsocket.w"

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

/*:178*//*180:*/
#line 540 "web/solsocket.w"

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

/*:180*//*182:*/
#line 592 "web/solsocket.w"

static int set_timestamping(sr_sock*s,sr_optreq*rq)
{
int flags;
uint32_t val;
memcpy(&flags,rq->buf,sizeof flags);
val= (uint32_t)flags;
if(val&~SR_SOF_MASK)return-EINVAL;
if((val&SR_SOF_OPT_ID_TCP)&&!(val&SR_SOF_OPT_ID))return-EINVAL;
if((val&SR_SOF_OPT_ID)&&!(s->tsflags&SR_SOF_OPT_ID)&&
s->type==SOCK_STREAM)
return-EINVAL;
if((val&SR_SOF_OPT_STATS)&&!(val&SR_SOF_OPT_TSONLY))return-EINVAL;
if(val&SR_SOF_BIND_PHC)return s->bound_dev_if?-EINVAL:-EOPNOTSUPP;
s->tsflags= val;
return 0;
}

static int get_timestamping(sr_sock*s,sr_optreq*rq)
{
int pair[2]= {(int)s->tsflags,0};
memcpy(rq->out,pair,sizeof pair);
rq->outlen= sizeof pair;
return 0;
}

/*:182*//*185:*/
#line 639 "web/solsocket.w"

static int get_acceptconn(sr_sock*s,sr_optreq*rq){rq->val= s->listening;return 0;}

/*:185*//*186:*/
#line 650 "web/solsocket.w"

static int get_error(sr_sock*s,sr_optreq*rq)
{
rq->val= s->err;
s->err= 0;
return 0;
}

/*:186*//*187:*/
#line 664 "web/solsocket.w"

static int get_napi_id(sr_sock*s,sr_optreq*rq){(void)s;rq->val= 0;return 0;}

/*:187*//*188:*/
#line 673 "web/solsocket.w"

static int get_bpf_extensions(sr_sock*s,sr_optreq*rq)
{
(void)s;
rq->val= SKF_AD_MAX;
return 0;
}

/*:188*//*189:*/
#line 690 "web/solsocket.w"

static int get_peercred(sr_sock*s,sr_optreq*rq)
{
struct ucred c= {0,(uid_t)-1,(gid_t)-1};
(void)s;
memcpy(rq->out,&c,sizeof c);
rq->outlen= sizeof c;
return 0;
}

/*:189*//*190:*/
#line 709 "web/solsocket.w"

static int get_peersec(sr_sock*s,sr_optreq*rq){(void)s;(void)rq;return-ENOPROTOOPT;}

/*:190*//*191:*/
#line 720 "web/solsocket.w"

static int get_peername(sr_sock*s,sr_optreq*rq){(void)s;(void)rq;return-ENOTCONN;}

/*:191*//*193:*/
#line 741 "web/solsocket.w"

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
if(s->bound_dev_if&&!proc_capable(W->cur,CAP_NET_RAW))return-EPERM;
s->bound_dev_if= index;
return 0;
}

/*:193*//*194:*/
#line 767 "web/solsocket.w"

static int get_bindtodevice(sr_sock*s,sr_optreq*rq)
{
sr_iface*ifp;
rq->outlen= 0;
if(!s->bound_dev_if)return 0;
if(rq->len<IFNAMSIZ)return-EINVAL;
if(!(ifp= iface_by_index(s->host,s->bound_dev_if)))return-ENXIO;
rq->outlen= (int)strlen(ifp->name)+1;
memcpy(rq->out,ifp->name,(size_t)rq->outlen);
return 0;
}

/*:194*//*196:*/
#line 794 "web/solsocket.w"

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

/*:196*//*198:*/
#line 824 "web/solsocket.w"

static bool insn_ok(const struct sock_filter*f,int pc,int len)
{
uint32_t k= f->k;
switch(f->code){
/*199:*/
#line 854 "web/solsocket.w"

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

/*:199*/
#line 829 "web/solsocket.w"

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

/*:198*//*200:*/
#line 880 "web/solsocket.w"

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

/*:200*//*201:*/
#line 924 "web/solsocket.w"

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

/*:201*//*202:*/
#line 953 "web/solsocket.w"

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

/*:202*//*203:*/
#line 980 "web/solsocket.w"

static int bpf_prog_get(const sr_sock*s,const sr_optreq*rq)
{
if(rq->len!=(int)sizeof(uint32_t))return-EINVAL;
if(s->flags&SK_FILTER_LOCKED)return-EPERM;
if(!fd_file(W->cur,rq->val))return-EBADF;
return-EINVAL;
}

static int set_attach_bpf(sr_sock*s,sr_optreq*rq){return bpf_prog_get(s,rq);}

/*:203*//*205:*/
#line 1005 "web/solsocket.w"

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

/*:205*//*206:*/
#line 1024 "web/solsocket.w"

static int set_lock_filter(sr_sock*s,sr_optreq*rq)
{
if((s->flags&SK_FILTER_LOCKED)&&!rq->val)return-EPERM;
return set_flag(s,rq);
}


/*:206*//*207:*/
#line 1050 "web/solsocket.w"

static int set_reuseport_cbpf(sr_sock*s,sr_optreq*rq)
{
struct sock_fprog fp;
int err;
if(rq->len!=(int)sizeof fp)return-EINVAL;
memcpy(&fp,rq->buf,sizeof fp);
if((err= filter_check(s,&fp))!=0)return err;
if(!s->reuseport||s->type==SOCK_RAW)return-EINVAL;
s->reuseport_prog= true;
return 0;
}

static int set_reuseport_ebpf(sr_sock*s,sr_optreq*rq){return bpf_prog_get(s,rq);}
/*:207*//*210:*/
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

/*:210*//*211:*/
#line 73 "web/ipopt.w"

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
}
return 0;
}


/*:211*//*215:*/
#line 135 "web/ipopt.w"

static int set_options(sr_sock*s,sr_optreq*rq)
{
unsigned char opt[SR_MAX_IPOPTLEN];
int len= rq->len,err;
bool srr;
if(len> SR_MAX_IPOPTLEN)return-EINVAL;
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
return 0;
}

static int get_options(sr_sock*s,sr_optreq*rq)
{
memcpy(rq->out,s->opt,(size_t)s->optlen);
rq->outlen= s->optlen;
return 0;
}

/*:215*//*218:*/
#line 184 "web/ipopt.w"

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
if(p[2]<=n)/*219:*/
#line 234 "web/ipopt.w"

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

/*:219*/
#line 215 "web/ipopt.w"

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

/*:218*//*220:*/
#line 259 "web/ipopt.w"

static bool inet_addr_is_unicast(sr_host*h,const unsigned char*a)
{
uint32_t addr;
const sr_route*r;
memcpy(&addr,a,4);
if(addr==0||addr==0xffffffffu||ipv4_is_multicast(addr))return false;
r= route_lookup(h,addr);
return!(r&&(r->type==SR_RT_LOCAL||r->type==SR_RT_BROADCAST));
}

/*:220*//*221:*/
#line 287 "web/ipopt.w"

static int set_router_alert(sr_sock*s,sr_optreq*rq)
{
bool on= (s->ipflags&IPF_ROUTER_ALERT)!=0;
if(s->type!=SOCK_RAW||s->protocol==IPPROTO_RAW)return-EINVAL;
if(rq->val&&on)return-EADDRINUSE;
if(!rq->val&&!on)return-ENOBUFS;
return set_flag(s,rq);
}


/*:221*//*235:*/
#line 416 "web/ipopt.w"

static int get_mtu(sr_sock*s,sr_optreq*rq)
{
const sr_route*r;
const sr_iface*ifp;
if(!s->connected)return-ENOTCONN;
r= route_lookup(s->host,s->daddr);
ifp= r?iface_by_index(s->host,r->ifindex):NULL;
if(!ifp)return-ENOTCONN;
rq->val= ifp->mtu> SR_IP_MAX_MTU?SR_IP_MAX_MTU:ifp->mtu;
return 0;
}

/*:235*//*237:*/
#line 451 "web/ipopt.w"

static int set_multicast_if(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
sr_iface*dev;
mreq_decode(rq,&mr);
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

/*:237*//*238:*/
#line 489 "web/ipopt.w"

static int set_multicast_ttl(sr_sock*s,sr_optreq*rq)
{
s->mc_ttl= rq->val==-1?1:rq->val;
return 0;
}


/*:238*//*240:*/
#line 515 "web/ipopt.w"

/*:240*//*244:*/
#line 61 "web/mcast.w"

static bool ipv4_is_multicast(uint32_t addr)
{
return(ntohl(addr)&0xf0000000u)==0xe0000000u;
}

/*:244*//*245:*/
#line 75 "web/mcast.w"

static sr_iface*ip_dev_find(sr_host*h,uint32_t addr)
{
sr_iface*ifp= iface_by_addr(h,addr);
const sr_route*r;
if(ifp)return ifp;
r= route_lookup(h,addr);
if(r&&r->type==SR_RT_LOCAL)return iface_by_index(h,r->ifindex);
return NULL;
}

/*:245*//*246:*/
#line 100 "web/mcast.w"

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

/*:246*//*247:*/
#line 124 "web/mcast.w"

static void mreq_decode(const sr_optreq*rq,struct ip_mreqn*mr)
{
memset(mr,0,sizeof*mr);
if(rq->len>=(int)sizeof(struct ip_mreqn))
memcpy(mr,rq->buf,sizeof*mr);
else if(rq->len>=(int)sizeof(struct ip_mreq))
memcpy(mr,rq->buf,sizeof(struct ip_mreq));
else if(rq->len>=(int)sizeof(struct in_addr))
memcpy(&mr->imr_address,rq->buf,sizeof(struct in_addr));
}

/*:247*//*248:*/
#line 140 "web/mcast.w"

static sr_mcsock**mc_find(sr_sock*s,uint32_t group,int ifindex)
{
sr_mcsock**p;
for(p= &s->mc_list;*p;p= &(*p)->next)
if((*p)->group==group&&(*p)->ifindex==ifindex)break;
return p;
}

/*:248*//*249:*/
#line 159 "web/mcast.w"

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
m= xcalloc(1,sizeof*m);
m->group= group;
m->addr= mr->imr_address.s_addr;
m->ifindex= mr->imr_ifindex;
m->mode= mode;
m->next= s->mc_list;
s->mc_list= m;
s->mc_count++;
return 0;
}

/*:249*//*250:*/
#line 193 "web/mcast.w"

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
free(m->src);
free(m);
s->mc_count--;
return 0;
}
return-EADDRNOTAVAIL;
}

/*:250*//*251:*/
#line 216 "web/mcast.w"

static void mc_drop_all(sr_sock*s)
{
while(s->mc_list){
sr_mcsock*m= s->mc_list;
s->mc_list= m->next;
free(m->src);
free(m);
}
s->mc_count= 0;
}

/*:251*//*252:*/
#line 242 "web/mcast.w"

static int set_add_membership(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
if(rq->len<(int)sizeof(struct ip_mreq))return-EINVAL;
mreq_decode(rq,&mr);
return mc_join(s,&mr,MCAST_EXCLUDE);
}

/*:252*//*253:*/
#line 257 "web/mcast.w"

static int set_drop_membership(sr_sock*s,sr_optreq*rq)
{
struct ip_mreqn mr;
if(rq->len<(int)sizeof(struct ip_mreq))return-EINVAL;
mreq_decode(rq,&mr);
return mc_leave(s,&mr);
}

/*:253*//*254:*/
#line 284 "web/mcast.w"

static int mc_source(sr_sock*s,bool add,int omode,
const struct ip_mreq_source*mrs)
{
struct ip_mreqn mr;
sr_mcsock*m;
uint32_t src= mrs->imr_sourceaddr.s_addr;
int i;
if(!ipv4_is_multicast(mrs->imr_multiaddr.s_addr))return-EINVAL;
memset(&mr,0,sizeof mr);
mr.imr_multiaddr= mrs->imr_multiaddr;
mr.imr_address= mrs->imr_interface;
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
if(!add)/*255:*/
#line 311 "web/mcast.w"

{
if(!m->has_list||i==m->nsrc)return-EADDRNOTAVAIL;
if(m->nsrc==1&&omode==MCAST_INCLUDE)return mc_leave(s,&mr);
memmove(&m->src[i],&m->src[i+1],(size_t)(m->nsrc-i-1)*sizeof*m->src);
m->nsrc--;
return 0;
}

/*:255*/
#line 306 "web/mcast.w"

/*256:*/
#line 320 "web/mcast.w"

if(m->has_list&&m->nsrc>=sysctl_value(s->host,SYS_IGMP_MAX_MSF))
return-ENOBUFS;
if(i<m->nsrc)return-EADDRNOTAVAIL;
if(m->nsrc==m->maxsrc){
m->maxsrc= m->maxsrc?2*m->maxsrc:4;
m->src= xrealloc(m->src,(size_t)m->maxsrc,sizeof*m->src);
}
m->src[m->nsrc++]= src;
m->has_list= true;

/*:256*/
#line 307 "web/mcast.w"

return 0;
}

/*:254*//*257:*/
#line 336 "web/mcast.w"

static int mreq_source_decode(const sr_optreq*rq,struct ip_mreq_source*mrs)
{
if(rq->len!=(int)sizeof*mrs)return-EINVAL;
memcpy(mrs,rq->buf,sizeof*mrs);
return 0;
}

/*:257*//*259:*/
#line 359 "web/mcast.w"

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
return mc_source(s,true,MCAST_INCLUDE,&mrs);
}

/*:259*//*260:*/
#line 382 "web/mcast.w"

static int set_drop_source_membership(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int err= mreq_source_decode(rq,&mrs);
return err?err:mc_source(s,false,MCAST_INCLUDE,&mrs);
}

/*:260*//*261:*/
#line 396 "web/mcast.w"

static int set_block_source(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int err= mreq_source_decode(rq,&mrs);
return err?err:mc_source(s,true,MCAST_EXCLUDE,&mrs);
}

/*:261*//*262:*/
#line 410 "web/mcast.w"

static int set_unblock_source(sr_sock*s,sr_optreq*rq)
{
struct ip_mreq_source mrs;
int err= mreq_source_decode(rq,&mrs);
return err?err:mc_source(s,false,MCAST_EXCLUDE,&mrs);
}

/*:262*//*263:*/
#line 440 "web/mcast.w"

static int set_msfilter(sr_sock*s,sr_optreq*rq)
{
struct ip_msfilter hdr;
struct ip_mreqn mr;
sr_mcsock*m;
uint32_t n;
if(rq->len<(int)IP_MSFILTER_SIZE(0))return-EINVAL;
if(rq->len> sysctl_value(s->host,SYS_OPTMEM_MAX))return-ENOBUFS;
memcpy(&hdr,rq->buf,IP_MSFILTER_SIZE(0));
n= hdr.imsf_numsrc;
if(n>=0x3ffffffcu||n> (uint32_t)sysctl_value(s->host,SYS_IGMP_MAX_MSF))
return-ENOBUFS;
if((long)IP_MSFILTER_SIZE(n)> rq->len)return-EINVAL;
if(!ipv4_is_multicast(hdr.imsf_multiaddr.s_addr))return-EINVAL;
if(hdr.imsf_fmode!=MCAST_INCLUDE&&hdr.imsf_fmode!=MCAST_EXCLUDE)
return-EINVAL;
memset(&mr,0,sizeof mr);
mr.imr_multiaddr= hdr.imsf_multiaddr;
mr.imr_address= hdr.imsf_interface;
if(!mc_find_dev(s->host,mr.imr_multiaddr.s_addr,mr.imr_address.s_addr,
&mr.imr_ifindex))
return-ENODEV;
if(hdr.imsf_fmode==MCAST_INCLUDE&&n==0)return mc_leave(s,&mr);
m= *mc_find(s,mr.imr_multiaddr.s_addr,mr.imr_ifindex);
if(!m)return-EINVAL;
/*264:*/
#line 470 "web/mcast.w"

if((int)n> m->maxsrc){
m->maxsrc= (int)n;
m->src= xrealloc(m->src,(size_t)m->maxsrc,sizeof*m->src);
}
if(n)memcpy(m->src,rq->buf+IP_MSFILTER_SIZE(0),n*sizeof*m->src);
m->nsrc= (int)n;
m->has_list= n> 0;
m->mode= (int)hdr.imsf_fmode;

/*:264*/
#line 466 "web/mcast.w"

return 0;
}

/*:263*//*265:*/
#line 496 "web/mcast.w"

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

/*:265*/
