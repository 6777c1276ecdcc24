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
#line 29 "sockios"

#define SR_MAX_TIMEOUT LONG_MAX

/*:62*//*64:*/
#line 52 "sockios"

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
#line 90 "sockios"

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

/*:66*//*68:*/
#line 169 "sockios"

#define SR_SOCK_TYPE_MASK 0xf
#define SR_SOCK_MAX 11 
#define SR_IPPROTO_MAX 263 

/*:68*//*75:*/
#line 265 "sockios"

#define SR_TCP_RMEM_DEFAULT 131072
#define SR_TCP_WMEM_DEFAULT 16384

/*:75*//*79:*/
#line 22 "abort"

#define SR_SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_NOATIME | O_DIRECT)

/*:79*//*93:*/
#line 59 "proc_by_pid"

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
SR_NSYSCTL
};

/*:93*//*94:*/
#line 84 "proc_by_pid"

#define SR_MIN_RCVBUF 2304
#define SR_MIN_SNDBUF 4608

/*:94*//*111:*/
#line 48 "linux"

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

/*:111*//*117:*/
#line 164 "linux"

#define SR_MRT_BASE 200
#define SR_MRT_MAX 212

/*:117*/
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
#line 13 "sockios"

struct sr_sock{
int family,type,protocol;
sr_file*file;
sr_host*host;
uid_t uid;
bool listening;
/*63:*/
#line 32 "sockios"

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
#line 201 "abort"

bool stamped;
uint64_t last_stamp_ns;
int rx_first_len;
int tx_queued;

/*:87*/
#line 20 "sockios"

/*65:*/
#line 74 "sockios"

int uc_ttl;
int tos;
int mc_ttl;
bool mc_loop,mc_all;
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

/*:65*/
#line 21 "sockios"

};

/*:61*//*92:*/
#line 46 "proc_by_pid"

enum{SYSV_INT,SYSV_U8,SYSV_ULONG,SYSV_PAIR,SYSV_PORTS};
enum{SYS_NETNS,SYS_GLOBAL};
typedef struct{
const char*name,*clause;
int scope,kind;
long long def,def2;
long long min,max;
}sr_sysctl;

/*:92*//*110:*/
#line 26 "linux"

typedef struct sr_optreq sr_optreq;
typedef int sr_setter(sr_sock*s,sr_optreq*rq);
typedef int sr_getter(sr_sock*s,sr_optreq*rq);
typedef struct{
int level,name;
const char*str,*clause,*since;
int type;
unsigned access,types;
int type_errno;
long long lo,hi;
int range_action;
uint64_t caps;
int cap_when,cap_errno;
int setlen;
sr_setter*set;
sr_getter*get;
}sr_optdesc;

/*:110*//*112:*/
#line 75 "linux"

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

/*:112*/
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
#line 35 "proc_by_pid"

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
#line 180 "sockios"

static int inet_protocol_check(int type,int*protocol);

/*:69*//*72:*/
#line 237 "sockios"

static sr_sock*sock_alloc(sr_proc*p,int type,int protocol);
static void sock_release(sr_sock*s);

/*:72*//*89:*/
#line 232 "abort"

static int file_setfl(sr_file*f,int arg);
static int file_setown(sr_file*f,int who);
static int generic_ioctl(sr_proc*p,int fd,sr_file*f,unsigned long req,
void*argp,bool*handled);
static int sock_ioctl(sr_file*f,unsigned long req,void*argp);
#line 1 "proc_by_pid"
/*:89*//*95:*/
#line 88 "proc_by_pid"

static const sr_sysctl sysctls[SR_NSYSCTL];

/*:95*//*99:*/
#line 172 "proc_by_pid"

static long long*sysctl_slot(sr_host*h,int i);
static long long sysctl_value(sr_host*h,int i);
static bool ping_group_allowed(const sr_proc*p);

/*:99*//*108:*/
#line 406 "proc_by_pid"

static int ports_parse(uint64_t*bits,const char*text);
static void ports_format(const uint64_t*bits,char*out,size_t len);
static int sysctl_parse(int i,const char*text,long long nv[2]);
static int sysctl_cross_check(sr_host*h,int i,long long nv[2]);
#line 1 "linux"
/*:108*//*114:*/
#line 98 "linux"

static const sr_optdesc*opt_lookup(int level,int name);

/*:114*//*120:*/
#line 227 "linux"

static int opt_validate_set(sr_sock*s,const sr_optdesc*d,sr_optreq*rq);
static bool opt_capable(uint64_t caps);
static int opt_copy_out(const sr_optdesc*d,sr_optreq*rq,void*optval,
socklen_t*optlen,int len);

/*:120*//*129:*/
#line 4 "sr_advance_ns"

static void mc_drop_all(sr_sock*s);
#line 113 "web/sockref.w"

/*:129*/
#line 45 "web/sockref.w"

/*6:*/
#line 13 "web/world.w"

static sr_world the_world;
#define W (&the_world)

/*:6*/
#line 46 "web/sockref.w"

/*113:*/
#line 92 "linux"

#include "sr_options.h"

/*:113*/
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
#line 325 "web/world.w"

void sr_reset(void)
{
sr_host*h;
if(W->ready)/*28:*/
#line 352 "web/world.w"

{
for(int i= 0;i<W->nprocs;i++)proc_free(W->proc[i]);
free(W->proc);
for(int i= 0;i<W->nhosts;i++){
free(W->host[i]->ifs);
free(W->host[i]->routes);
free(W->host[i]);
}
free(W->host);
}
#line 1 "web/proc.w"
/*:28*/
#line 329 "web/world.w"

memset(W,0,sizeof*W);
W->ready= true;
W->hz= SR_DEFAULT_HZ;
W->next_pid= SR_FIRST_PID;
h= xcalloc(1,sizeof*h);
snprintf(h->name,sizeof h->name,"host0");
/*25:*/
#line 298 "web/world.w"

{
sr_iface*lo,*eth;
uint32_t src= inet_addr("10.0.0.1");
lo= host_add_iface(h,"lo",IFF_UP|IFF_LOOPBACK|IFF_RUNNING,65536);
iface_add_addr(lo,"127.0.0.1",8,NULL);
eth= host_add_iface(h,"eth0",
IFF_UP|IFF_BROADCAST|IFF_RUNNING|IFF_MULTICAST,1500);
iface_add_addr(eth,"10.0.0.1",24,"10.0.0.255");
host_add_route(h,"127.0.0.0",8,NULL,lo->ifindex,inet_addr("127.0.0.1"),
SR_RT_LOCAL);
host_add_route(h,"10.0.0.1",32,NULL,eth->ifindex,src,SR_RT_LOCAL);
host_add_route(h,"10.0.0.255",32,NULL,eth->ifindex,src,
SR_RT_BROADCAST);
host_add_route(h,"10.0.0.0",24,NULL,eth->ifindex,src,SR_RT_UNICAST);
host_add_route(h,"0.0.0.0",0,"10.0.0.254",eth->ifindex,0,
SR_RT_UNICAST);
}

/*:25*/
#line 336 "web/world.w"

/*98:*/
#line 165 "proc_by_pid"

for(int i= 0;i<SR_NSYSCTL;i++){
h->sys[i][0]= sysctls[i].def;
h->sys[i][1]= sysctls[i].def2;
}
h->reserved_ports= xcalloc(65536/64,sizeof(uint64_t));

/*:98*/
#line 337 "web/world.w"

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
#line 1 "web/fd.w"
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
#line 1 "sockios"
/*:60*//*67:*/
#line 135 "sockios"

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
#line 183 "sockios"

static const struct{int type,protocol;}inetsw[]= {
{SOCK_STREAM,IPPROTO_TCP},
{SOCK_DGRAM,IPPROTO_UDP},
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
#line 221 "sockios"

int sr_socketpair(int domain,int type,int protocol,int sv[2])
{
int fd= sr_socket(domain,type,protocol);
(void)sv;
if(fd<0)return-1;
if(fd_file(W->cur,fd))fd_release(W->cur,fd);
return sys_return(-EOPNOTSUPP);
}

/*:71*//*73:*/
#line 241 "sockios"

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
#line 256 "sockios"

s->rcvbuf= type==SOCK_STREAM?SR_TCP_RMEM_DEFAULT:sysctl_value(h,SYS_RMEM_DEFAULT);
s->sndbuf= type==SOCK_STREAM?SR_TCP_WMEM_DEFAULT:sysctl_value(h,SYS_WMEM_DEFAULT);
s->rcvlowat= 1;
s->rcvtimeo= s->sndtimeo= SR_MAX_TIMEOUT;
s->peek_off= -1;
s->incoming_cpu= -1;
s->busy_poll= (unsigned)sysctl_value(h,SYS_BUSY_READ);

/*:74*/
#line 251 "sockios"

/*76:*/
#line 269 "sockios"

s->uc_ttl= -1;
s->mc_ttl= 1;
s->mc_loop= true;
s->mc_all= true;
s->pmtudisc= sysctl_value(h,SYS_IP_NO_PMTU_DISC)?IP_PMTUDISC_DONT:IP_PMTUDISC_WANT;
if(type==SOCK_RAW&&protocol==IPPROTO_RAW)s->ipflags|= IPF_HDRINCL;

/*:76*/
#line 252 "sockios"

return s;
}

/*:73*//*77:*/
#line 279 "sockios"

static void sock_release(sr_sock*s)
{
mc_drop_all(s);
free(s->filter);
free(s);
}
#line 1 "abort"
/*:77*//*80:*/
#line 25 "abort"

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
#line 50 "abort"

static int file_setown(sr_file*f,int who)
{
if(who==INT_MIN)return-EINVAL;
if(who> 0&&!proc_by_pid(who))return-ESRCH;
if(who<0&&!pgrp_exists(-who))return-ESRCH;
f->owner= who;
return 0;
}

/*:81*//*83:*/
#line 72 "abort"

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
#line 115 "abort"

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
#line 146 "abort"

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
#line 181 "abort"

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
#line 160 "abort"

}
return-ENOTTY;
}

/*:85*//*88:*/
#line 213 "abort"

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

/*:88*//*96:*/
#line 91 "proc_by_pid"

static const sr_sysctl sysctls[SR_NSYSCTL]= {

[SYS_RMEM_DEFAULT]= {"net.core.rmem_default","socket.7:proc:rmem_default",
SYS_GLOBAL,SYSV_INT,212992,0,SR_MIN_RCVBUF,INT_MAX},
[SYS_RMEM_MAX]= {"net.core.rmem_max","socket.7:proc:rmem_max",
SYS_GLOBAL,SYSV_INT,4194304,0,SR_MIN_RCVBUF,INT_MAX},
[SYS_WMEM_DEFAULT]= {"net.core.wmem_default","socket.7:proc:wmem_default",
SYS_GLOBAL,SYSV_INT,212992,0,SR_MIN_SNDBUF,INT_MAX},
[SYS_WMEM_MAX]= {"net.core.wmem_max","socket.7:proc:wmem_max",
SYS_GLOBAL,SYSV_INT,4194304,0,SR_MIN_SNDBUF,INT_MAX},
[SYS_MESSAGE_COST]= {"net.core.message_cost","socket.7:proc:message_cost",
SYS_GLOBAL,SYSV_INT,5,0,INT_MIN,INT_MAX},
[SYS_MESSAGE_BURST]= {"net.core.message_burst","socket.7:proc:message_burst",
SYS_GLOBAL,SYSV_INT,10,0,INT_MIN,INT_MAX},
[SYS_NETDEV_MAX_BACKLOG]= {"net.core.netdev_max_backlog",
"socket.7:proc:netdev_max_backlog",SYS_GLOBAL,SYSV_INT,1000,0,
INT_MIN,INT_MAX},
[SYS_OPTMEM_MAX]= {"net.core.optmem_max","socket.7:proc:optmem_max",
SYS_NETNS,SYSV_INT,131072,0,0,INT_MAX},
[SYS_BUSY_READ]= {"net.core.busy_read","socket.7:SO_BUSY_POLL",
SYS_GLOBAL,SYSV_INT,0,0,0,INT_MAX},
[SYS_BUSY_POLL]= {"net.core.busy_poll","socket.7:SO_BUSY_POLL:5",
SYS_GLOBAL,SYSV_INT,0,0,0,INT_MAX},
[SYS_SOMAXCONN]= {"net.core.somaxconn","socket.7:call:listen",
SYS_NETNS,SYSV_INT,4096,0,0,INT_MAX},
[SYS_IP_DEFAULT_TTL]= {"net.ipv4.ip_default_ttl","ip.7:proc:ip_default_ttl",
SYS_NETNS,SYSV_U8,64,0,1,255},
[SYS_IP_DYNADDR]= {"net.ipv4.ip_dynaddr","ip.7:proc:ip_dynaddr",
SYS_NETNS,SYSV_U8,0,0,0,255},
[SYS_IP_FORWARD]= {"net.ipv4.ip_forward","ip.7:proc:ip_forward",
SYS_NETNS,SYSV_INT,0,0,INT_MIN,INT_MAX},
[SYS_IP_LOCAL_PORT_RANGE]= {"net.ipv4.ip_local_port_range",
"ip.7:proc:ip_local_port_range",SYS_NETNS,SYSV_PAIR,32768,60999,
1,65535},
[SYS_IP_LOCAL_RESERVED_PORTS]= {"net.ipv4.ip_local_reserved_ports",
"ip.7:proc:ip_local_reserved_ports",SYS_NETNS,SYSV_PORTS,0,0,0,
65535},
[SYS_IP_NO_PMTU_DISC]= {"net.ipv4.ip_no_pmtu_disc","ip.7:proc:ip_no_pmtu_disc",
SYS_NETNS,SYSV_U8,0,0,0,255},
[SYS_IP_NONLOCAL_BIND]= {"net.ipv4.ip_nonlocal_bind",
"ip.7:proc:ip_nonlocal_bind",SYS_NETNS,SYSV_U8,0,0,0,255},
[SYS_IP_UNPRIVILEGED_PORT_START]= {"net.ipv4.ip_unprivileged_port_start",
"ip.7:addr:privileged_ports",SYS_NETNS,SYSV_INT,1024,0,0,65535},
[SYS_IP_AUTOBIND_REUSE]= {"net.ipv4.ip_autobind_reuse",
"ip.7:addr:autobind",SYS_NETNS,SYSV_INT,0,0,0,1},
[SYS_IPFRAG_HIGH_THRESH]= {"net.ipv4.ipfrag_high_thresh",
"ip.7:proc:ipfrag_high_thresh",SYS_NETNS,SYSV_ULONG,4194304,0,0,
LLONG_MAX},
[SYS_IPFRAG_LOW_THRESH]= {"net.ipv4.ipfrag_low_thresh",
"ip.7:proc:ipfrag_low_thresh",SYS_NETNS,SYSV_ULONG,3145728,0,0,
LLONG_MAX},
[SYS_IPFRAG_TIME]= {"net.ipv4.ipfrag_time","ip.7:proc:ipfrag_time",
SYS_NETNS,SYSV_INT,30,0,INT_MIN,INT_MAX},
[SYS_IPFRAG_MAX_DIST]= {"net.ipv4.ipfrag_max_dist","ip.7:proc:ipfrag_max_dist",
SYS_NETNS,SYSV_INT,64,0,0,INT_MAX},
[SYS_IGMP_MAX_MEMBERSHIPS]= {"net.ipv4.igmp_max_memberships",
"ip.7:IP_ADD_MEMBERSHIP",SYS_NETNS,SYSV_INT,20,0,INT_MIN,INT_MAX},
[SYS_IGMP_MAX_MSF]= {"net.ipv4.igmp_max_msf","ip.7:IP_MSFILTER",
SYS_NETNS,SYSV_INT,10,0,INT_MIN,INT_MAX},
[SYS_PING_GROUP_RANGE]= {"net.ipv4.ping_group_range","ip.7:socket",
SYS_NETNS,SYSV_PAIR,1,0,0,4294967294LL},
[SYS_ROUTE_MIN_PMTU]= {"net.ipv4.route.min_pmtu","ip.7:IP_MTU_DISCOVER",
SYS_NETNS,SYSV_INT,552,0,68,65535},
[SYS_ROUTE_MTU_EXPIRES]= {"net.ipv4.route.mtu_expires",
"ip.7:IP_MTU_DISCOVER",SYS_NETNS,SYSV_INT,600,0,INT_MIN,INT_MAX},
[SYS_ROUTE_MIN_ADV_MSS]= {"net.ipv4.route.min_adv_mss",
"ip.7:IP_MTU_DISCOVER",SYS_NETNS,SYSV_INT,256,0,INT_MIN,INT_MAX}

};

/*:96*//*100:*/
#line 180 "proc_by_pid"

static long long*sysctl_slot(sr_host*h,int i)
{
return sysctls[i].scope==SYS_GLOBAL?W->host?W->host[0]->sys[i]:h->sys[i]
:h->sys[i];
}

static long long sysctl_value(sr_host*h,int i)
{
return sysctl_slot(h,i)[0];
}

/*:100*//*101:*/
#line 196 "proc_by_pid"

static bool ping_group_allowed(const sr_proc*p)
{
long long*r= sysctl_slot(p->host,SYS_PING_GROUP_RANGE);
return(long long)p->ruid>=r[0]&&(long long)p->ruid<=r[1];
}

/*:101*//*102:*/
#line 206 "proc_by_pid"

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

/*:102*//*103:*/
#line 235 "proc_by_pid"

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

/*:103*//*104:*/
#line 271 "proc_by_pid"

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

/*:104*//*105:*/
#line 292 "proc_by_pid"

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
if(u> (unsigned long long)LLONG_MAX)v= LLONG_MAX;
else v= (long long)u;
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

/*:105*//*106:*/
#line 335 "proc_by_pid"

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
case SYS_IPFRAG_HIGH_THRESH:
if(nv[0]<sysctl_value(h,SYS_IPFRAG_LOW_THRESH))return-EINVAL;
break;
case SYS_IPFRAG_LOW_THRESH:
if(nv[0]> sysctl_value(h,SYS_IPFRAG_HIGH_THRESH))return-EINVAL;
break;
case SYS_PING_GROUP_RANGE:
if(nv[1]<nv[0]){nv[0]= 1;nv[1]= 0;}
break;
}
return 0;
}

/*:106*//*107:*/
#line 364 "proc_by_pid"

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

/*:107*//*115:*/
#line 101 "linux"

static const sr_optdesc*opt_lookup(int level,int name)
{
const short*index;
if(name<0||name>=SR_OPTNAME_LIMIT)return NULL;
if(level==SOL_SOCKET)index= sr_sol_index;
else if(level==IPPROTO_IP)index= sr_ip_index;
else return NULL;
return index[name]?&sr_optdescs[index[name]-1]:NULL;
}

/*:115*//*116:*/
#line 130 "linux"

int sr_setsockopt(int fd,int level,int optname,const void*optval,
socklen_t optlen)
{
int err,len= (int)optlen;
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

/*:116*//*118:*/
#line 174 "linux"

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

/*:118*//*119:*/
#line 219 "linux"

static bool opt_capable(uint64_t caps)
{
for(int c= 0;c<=CAP_LAST_CAP;c++)
if(((caps>>c)&1)&&proc_capable(W->cur,c))return true;
return false;
}

/*:119*//*121:*/
#line 247 "linux"

int sr_getsockopt(int fd,int level,int optname,void*optval,
socklen_t*optlen)
{
int err,len;
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
if(!(d->types&(1u<<s->type)))return sys_return(-d->type_errno);
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

/*:121*//*122:*/
#line 292 "linux"

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
#line 1 "pid_t"
/*:122*//*124:*/
#line 3 "pid_t"

static int get_type(sr_sock*s,sr_optreq*rq){rq->val= s->type;return 0;}
#line 1 "world_ready"
/*:124*//*126:*/
#line 3 "world_ready"

static int get_ttl(sr_sock*s,sr_optreq*rq){rq->val= s->uc_ttl;return 0;}
static int set_ttl(sr_sock*s,sr_optreq*rq){s->uc_ttl= rq->val;return 0;}
#line 1 "sr_advance_ns"
/*:126*//*128:*/
#line 2 "sr_advance_ns"

static void mc_drop_all(sr_sock*s){(void)s;}
/*:128*/
