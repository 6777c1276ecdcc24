/*1:*/
#line 40 "web/bench.w"

/*2:*/
#line 67 "web/bench.w"

#define _GNU_SOURCE 1
#include "sockref.h"
#include <arpa/inet.h> 
#include <errno.h> 
#include <fcntl.h> 
#include <malloc.h> 
#include <sched.h> 
#include <signal.h> 
#include <stdarg.h> 
#include <stdbool.h> 
#include <stdint.h> 
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <sys/resource.h> 
#include <sys/socket.h> 
#include <sys/wait.h> 
#include <time.h> 
#include <unistd.h> 

/*:2*/
#line 41 "web/bench.w"

/*3:*/
#line 105 "web/bench.w"

typedef struct{
const char*name;
int(*socket)(int,int,int);
int(*close)(int);
int(*setsockopt)(int,int,int,const void*,socklen_t);
int(*getsockopt)(int,int,int,void*,socklen_t*);
int(*bind)(int,const struct sockaddr*,socklen_t);
ssize_t(*sendto)(int,const void*,size_t,int,const struct sockaddr*,
socklen_t);
ssize_t(*recv)(int,void*,size_t,int);
int(*second_host)(void);
int(*on_host)(int host);
bool fds_per_host;
}bench_ops;

/*:3*//*5:*/
#line 128 "web/bench.w"

/*4:*/
#line 125 "web/bench.w"

#define PEER_ADDR "10.0.0.2"

/*:4*//*13:*/
#line 306 "web/bench.w"

#define PASSES 7
#define ROUNDS 9
#define QUICK_PASSES 1
#define QUICK_ROUNDS 3
#define BATCH_S 0.001
#define QUICK_BATCH_S 0.001 

/*:13*//*23:*/
#line 551 "web/bench.w"

#define FILL_PORT0 20000
#define FILL_PORTS 40000
#define FILL_PER_CHILD 15000
#define RECEIVERS 64

/*:23*/
#line 129 "web/bench.w"


/*:5*//*12:*/
#line 290 "web/bench.w"

typedef long(*workload)(const bench_ops*b,void*ctx,long n);
typedef struct{
const char*what;
workload w;
void*ctx[2];
double*clock[2];
}timing;
typedef struct{
const char*what;
long n[2];
double ns[2];
double round[2][PASSES*ROUNDS];
int nrounds;
}result;

/*:12*//*20:*/
#line 481 "web/bench.w"

typedef struct{
int tx,rx;
int tx_host,rx_host;
struct sockaddr_in to;
size_t size;
char buf[65536];
}dgram_ctx;

/*:20*//*28:*/
#line 658 "web/bench.w"

typedef struct{
int tx,rx[RECEIVERS];
struct sockaddr_in to[RECEIVERS];
char buf[64];
}demux_ctx;

/*:28*/
#line 42 "web/bench.w"

/*8:*/
#line 168 "web/bench.w"

static int kernel_enter(void);
static int kernel_second_host(void);
static int kernel_on_host(int host);
static int run(const char*fmt,...);

/*:8*/
#line 43 "web/bench.w"

/*6:*/
#line 134 "web/bench.w"

static pid_t sr_host_pid[2];

static int sr_second_host(void)
{
int h= sr_host_new("peer"),ifx;
if(h<0||(ifx= sr_if_add(h,"eth0",1500))<0)return-1;
if(sr_addr_add(h,ifx,PEER_ADDR"/24","+")<0)return-1;
if(sr_if_set_up(h,ifx,1)<0)return-1;
if(sr_lan_attach(1,h,ifx)<0)return-1;
sr_host_pid[0]= sr_getpid();
if((sr_host_pid[1]= sr_proc_new(h,0))<0)return-1;
return 0;
}

static int sr_on_host(int host)
{
return sr_proc_switch(sr_host_pid[host]);
}

static const bench_ops sockref_ops= {
"sockref",sr_socket,sr_close,sr_setsockopt,sr_getsockopt,sr_bind,
sr_sendto,sr_recv,sr_second_host,sr_on_host,true
};

/*:6*//*7:*/
#line 162 "web/bench.w"

static const bench_ops kernel_ops= {
"kernel",socket,close,setsockopt,getsockopt,bind,sendto,recv,
kernel_second_host,kernel_on_host,false
};

/*:7*//*9:*/
#line 186 "web/bench.w"

static int kernel_ns[2]= {-1,-1};

static int kernel_enter(void)
{
int pipefd[2];
pid_t child;
if(unshare(CLONE_NEWNET)<0){perror("sr-bench: unshare (need root)");return-1;}
if((kernel_ns[0]= open("/proc/self/ns/net",O_RDONLY))<0)return-1;
if(pipe(pipefd)<0)return-1;
if((child= fork())==0)/*10:*/
#line 218 "web/bench.w"

{
char c;
close(pipefd[1]);
if(unshare(CLONE_NEWNET)<0)_exit(1);
while(read(pipefd[0],&c,1)> 0)continue;
_exit(0);
}

/*:10*/
#line 196 "web/bench.w"

close(pipefd[0]);
if(run("ip link set lo up")||run("ip link add eth0 type veth peer name peer0")||
run("ip link set peer0 netns /proc/%d/ns/net",(int)child)||
run("ip addr add 10.0.0.1/24 brd 10.0.0.255 dev eth0")||
run("ip link set eth0 up")||
run("nsenter -t %d -n sh -c 'ip link set lo up; ip link set peer0 name eth0; "
"ip addr add %s/24 brd 10.0.0.255 dev eth0; ip link set eth0 up'",
(int)child,PEER_ADDR))return-1;
{
char path[64];
snprintf(path,sizeof path,"/proc/%d/ns/net",(int)child);
if((kernel_ns[1]= open(path,O_RDONLY))<0)return-1;
}
close(pipefd[1]);
waitpid(child,NULL,0);
return 0;
}

/*:9*//*11:*/
#line 229 "web/bench.w"

static int run(const char*fmt,...)
{
char cmd[512];
va_list ap;
va_start(ap,fmt);
vsnprintf(cmd,sizeof cmd,fmt,ap);
va_end(ap);
if(system(cmd)!=0){fprintf(stderr,"sr-bench: failed: %s\n",cmd);return 1;}
return 0;
}

static int kernel_second_host(void){return 0;}

static int kernel_on_host(int host)
{
return setns(kernel_ns[host],CLONE_NEWNET);
}

/*:11*//*14:*/
#line 314 "web/bench.w"

static double now_s(void)
{
struct timespec t;
clock_gettime(CLOCK_MONOTONIC,&t);
return(double)t.tv_sec+t.tv_nsec/1e9;
}

static bool quick_mode;
static const char*only;

static const bench_ops*backend(int side)
{
return side?&sockref_ops:&kernel_ops;
}

/*:14*//*15:*/
#line 332 "web/bench.w"

static double batch(const timing*t,int side,long n)
{
double t0= now_s(),secs;
if(t->clock[side])*t->clock[side]= 0;
if(t->w(backend(side),t->ctx[side],n)!=n){
fprintf(stderr,"sr-bench: %s failed on %s: %s\n",t->what,backend(side)->name,
strerror(errno));
exit(1);
}
secs= t->clock[side]?*t->clock[side]:now_s()-t0;
return secs/(double)n*1e9;
}

/*:15*//*16:*/
#line 349 "web/bench.w"

static long calibrate(const timing*t,int side)
{
double goal= (quick_mode?QUICK_BATCH_S:BATCH_S)*1e9;
long n= 16;
while(n<(1L<<26)&&batch(t,side,n)*(double)n<goal)n*= 2;
return n;
}

/*:16*//*17:*/
#line 361 "web/bench.w"

static int cmp_double(const void*a,const void*b)
{
double x= *(const double*)a,y= *(const double*)b;
return x<y?-1:x> y;
}

static void measure(const timing*t,bool kernel,result*r)
{
int rounds= quick_mode?QUICK_ROUNDS:ROUNDS;
r->what= t->what;
for(int side= kernel?0:1;side<2;side++)
if(!r->n[side])r->n[side]= calibrate(t,side);
for(int i= 0;i<rounds;i++){
for(int k= 0;k<2;k++){
int side= (i+k)%2;
double ns;
if(side==0&&!kernel)continue;
ns= batch(t,side,r->n[side]);
r->round[side][r->nrounds]= ns;
if(r->ns[side]==0||ns<r->ns[side])r->ns[side]= ns;
}
r->nrounds++;
}
}

static double median(double*v,int n)
{
qsort(v,(size_t)n,sizeof v[0],cmp_double);
return n?v[n/2]:0;
}

/*:17*//*18:*/
#line 396 "web/bench.w"

static void quiet_machine(int cpu)
{
if(setpriority(PRIO_PROCESS,0,-20)<0)
fprintf(stderr,"sr-bench: cannot raise priority (%s); figures may be noisier\n",
strerror(errno));
if(cpu==-2)cpu= sched_getcpu();
if(cpu>=0){
cpu_set_t set;
CPU_ZERO(&set);
CPU_SET(cpu,&set);
if(sched_setaffinity(0,sizeof set,&set)<0){
fprintf(stderr,"sr-bench: cannot pin to CPU %d: %s\n",cpu,strerror(errno));
cpu= -1;
}
}
printf("# %s; nice -20; %d pass(es) of %d rounds a row, kernel and sockref interleaved,"
" batches of %g ms;\n"
"# ns/op: the fastest round; ratio: of the fastest rounds (of the medians in"
" brackets)\n",cpu>=0?"pinned to one CPU":"not pinned",
quick_mode?QUICK_PASSES:PASSES,quick_mode?QUICK_ROUNDS:ROUNDS,
(quick_mode?QUICK_BATCH_S:BATCH_S)*1e3);
}

/*:18*//*19:*/
#line 427 "web/bench.w"

static long w_socket_close(const bench_ops*b,void*ctx,long n)
{
long ok= 0;
(void)ctx;
for(long i= 0;i<n;i++){
int fd= b->socket(AF_INET,SOCK_DGRAM,0);
if(fd>=0&&b->close(fd)==0)ok++;
}
return ok;
}

static long w_setget(const bench_ops*b,void*ctx,long n)
{
int fd= *(int*)ctx;
long ok= 0;
for(long i= 0;i<n;i++){
int v= 1000+(int)(i&1023),got;
socklen_t len= sizeof got;
if(b->setsockopt(fd,SOL_SOCKET,SO_RCVBUF,&v,sizeof v)==0&&
b->getsockopt(fd,SOL_SOCKET,SO_RCVBUF,&got,&len)==0)ok++;
}
return ok;
}

static struct sockaddr_in sin_of(const char*addr,int port)
{
struct sockaddr_in a;
memset(&a,0,sizeof a);
a.sin_family= AF_INET;
a.sin_port= htons((uint16_t)port);
a.sin_addr.s_addr= inet_addr(addr);
return a;
}

static long w_socket_bind_close(const bench_ops*b,void*ctx,long n)
{
struct sockaddr_in a= sin_of("127.0.0.1",0);
long ok= 0;
(void)ctx;
for(long i= 0;i<n;i++){
int fd= b->socket(AF_INET,SOCK_DGRAM,0);
if(fd>=0&&b->bind(fd,(struct sockaddr*)&a,sizeof a)==0)ok++;
if(fd>=0)b->close(fd);
}
return ok;
}

/*:19*//*21:*/
#line 490 "web/bench.w"

static long w_dgram(const bench_ops*b,void*ctx,long n)
{
dgram_ctx*c= ctx;
long ok= 0;
bool two= c->tx_host!=c->rx_host&&b->fds_per_host;
for(long i= 0;i<n;i++){
if(two)b->on_host(c->tx_host);
if(b->sendto(c->tx,c->buf,c->size,0,(struct sockaddr*)&c->to,
sizeof c->to)!=(ssize_t)c->size)continue;
if(two)b->on_host(c->rx_host);
if(b->recv(c->rx,c->buf,sizeof c->buf,0)==(ssize_t)c->size)ok++;
}
if(two)b->on_host(0);
return ok;
}

/*:21*//*22:*/
#line 511 "web/bench.w"

static int dgram_pair(const bench_ops*b,dgram_ctx*c,int rx_host,
const char*rx_addr,int port)
{
int big= 1<<20;
struct sockaddr_in a= sin_of(rx_addr,port);
c->tx_host= 0,c->rx_host= rx_host;
if(b->on_host(rx_host)<0)return-1;
if((c->rx= b->socket(AF_INET,SOCK_DGRAM,0))<0)return-1;
b->setsockopt(c->rx,SOL_SOCKET,SO_RCVBUF,&big,sizeof big);
if(b->bind(c->rx,(struct sockaddr*)&a,sizeof a)<0)return-1;
if(b->on_host(0)<0)return-1;
if((c->tx= b->socket(AF_INET,SOCK_DGRAM,0))<0)return-1;
c->to= a;
memset(c->buf,'x',sizeof c->buf);
return 0;
}

static void dgram_unpair(const bench_ops*b,dgram_ctx*c)
{
b->on_host(c->rx_host);
b->close(c->rx);
b->on_host(0);
b->close(c->tx);
}

/*:22*//*24:*/
#line 559 "web/bench.w"

static struct sockaddr_in fill_addr(long i)
{
char addr[32];
snprintf(addr,sizeof addr,"127.0.0.%ld",1+i/FILL_PORTS);
return sin_of(addr,FILL_PORT0+(int)(i%FILL_PORTS));
}

static int fill_range(const bench_ops*b,long from,long to,int*fds)
{
for(long i= from;i<to;i++){
struct sockaddr_in a= fill_addr(i);
int fd= b->socket(AF_INET,SOCK_DGRAM,0);
if(fd<0||b->bind(fd,(struct sockaddr*)&a,sizeof a)<0)return-1;
if(fds)fds[i-from]= fd;
}
return 0;
}

/*:24*//*25:*/
#line 580 "web/bench.w"

static int sr_fill(long n,int**fds)
{
struct rlimit rl= {(rlim_t)n+1024,(rlim_t)n+1024};
if(sr_setrlimit(RLIMIT_NOFILE,&rl)<0)return-1;
*fds= malloc(sizeof**fds*(size_t)n);
return fill_range(&sockref_ops,0,n,*fds);
}

/*:25*//*26:*/
#line 593 "web/bench.w"

static int kernel_fill(long n,pid_t*kids,int*nkids)
{
*nkids= 0;
for(long from= 0;from<n;from+= FILL_PER_CHILD){
long to= from+FILL_PER_CHILD<n?from+FILL_PER_CHILD:n;
int p[2];
char c= 0;
if(pipe(p)<0)return-1;
if((kids[*nkids]= fork())==0){
close(p[0]);
c= fill_range(&kernel_ops,from,to,NULL)==0?'y':'n';
if(write(p[1],&c,1)!=1)_exit(1);
pause();
_exit(0);
}
close(p[1]);
(*nkids)++;
if(read(p[0],&c,1)!=1||c!='y'){close(p[0]);return-1;}
close(p[0]);
}
return 0;
}

static void kernel_unfill(pid_t*kids,int nkids)
{
for(int i= 0;i<nkids;i++){kill(kids[i],SIGKILL);waitpid(kids[i],NULL,0);}
}

/*:26*//*27:*/
#line 630 "web/bench.w"

#define BIND_BATCH 512
static long w_bind_batch(const bench_ops*b,void*ctx,long n)
{
static struct sockaddr_in to[BIND_BATCH];
int fds[BIND_BATCH];
long ok= 0;
double*timed= ctx;
if(!to[0].sin_family)
for(int i= 0;i<BIND_BATCH;i++)to[i]= sin_of("127.0.0.200",10000+i);
for(long done= 0;done<n;done+= BIND_BATCH){
int k= n-done<BIND_BATCH?(int)(n-done):BIND_BATCH;
double t0;
for(int i= 0;i<k;i++)fds[i]= b->socket(AF_INET,SOCK_DGRAM,0);
t0= now_s();
for(int i= 0;i<k;i++)
if(b->bind(fds[i],(struct sockaddr*)&to[i],sizeof to[i])==0)ok++;
*timed+= now_s()-t0;
for(int i= 0;i<k;i++)b->close(fds[i]);
}
return ok;
}

/*:27*//*29:*/
#line 665 "web/bench.w"

static int demux_setup(const bench_ops*b,demux_ctx*c)
{
int big= 1<<20;
if((c->tx= b->socket(AF_INET,SOCK_DGRAM,0))<0)return-1;
for(int i= 0;i<RECEIVERS;i++){
c->to[i]= sin_of("127.0.0.201",FILL_PORT0+i*(FILL_PORTS/RECEIVERS));
if((c->rx[i]= b->socket(AF_INET,SOCK_DGRAM,0))<0)return-1;
b->setsockopt(c->rx[i],SOL_SOCKET,SO_RCVBUF,&big,sizeof big);
if(b->bind(c->rx[i],(struct sockaddr*)&c->to[i],sizeof c->to[i])<0)return-1;
}
memset(c->buf,'d',sizeof c->buf);
return 0;
}

static void demux_teardown(const bench_ops*b,demux_ctx*c)
{
b->close(c->tx);
for(int i= 0;i<RECEIVERS;i++)b->close(c->rx[i]);
}

static long w_demux(const bench_ops*b,void*ctx,long n)
{
demux_ctx*c= ctx;
long ok= 0;
for(long i= 0;i<n;i++){
int r= (int)(i%RECEIVERS);
if(b->sendto(c->tx,c->buf,sizeof c->buf,0,(struct sockaddr*)&c->to[r],
sizeof c->to[r])==(ssize_t)sizeof c->buf&&
b->recv(c->rx[r],c->buf,sizeof c->buf,0)==(ssize_t)sizeof c->buf)ok++;
}
return ok;
}

/*:29*//*31:*/
#line 716 "web/bench.w"

static bool wanted(const char*what)
{
return!only||strstr(what,only)!=NULL;
}

static void print_row(result*r,bool kernel)
{
if(!r->what)return;
if(kernel)
printf("%-34s %12.1f %13.1f %7.1fx (%5.1fx)\n",r->what,r->ns[0],r->ns[1],
r->ns[0]/r->ns[1],median(r->round[0],r->nrounds)/median(r->round[1],r->nrounds));
else printf("%-34s %12s %13.1f %8s\n",r->what,"-",r->ns[1],"-");
fflush(stdout);
}

static int passes(void)
{
return quick_mode?QUICK_PASSES:PASSES;
}

/*:31*/
#line 44 "web/bench.w"

int main(int argc,char**argv)
{
bool quick= false,kernel= true;
int cpu= -2;
for(int i= 1;i<argc;i++){
if(strcmp(argv[i],"-q")==0)quick= true;
else if(strcmp(argv[i],"-k")==0)kernel= false;
else if(strcmp(argv[i],"-c")==0&&i+1<argc)cpu= atoi(argv[++i]);
else if(strcmp(argv[i],"-w")==0&&i+1<argc)only= argv[++i];
else{
fprintf(stderr,"usage: sr-bench [-q] [-k] [-c CPU] [-w WORKLOAD]\n");
return 2;
}
}
if(kernel&&kernel_enter()<0)return 1;
quick_mode= quick;
quiet_machine(cpu);
/*30:*/
#line 705 "web/bench.w"

sr_reset();
if(sr_second_host()<0){perror("sr-bench: building sockref's world");return 1;}
printf("%-34s %12s %13s %8s %8s\n","workload","kernel ns/op","sockref ns/op","ratio",
"(median)");
fflush(stdout);
/*32:*/
#line 740 "web/bench.w"

{
static dgram_ctx dk,ds;
static result res[6];
int fk= -1,fs;
static const struct{const char*what;int host;size_t size;}dg[]= {
{"UDP send+recv 64 B, loopback",0,64},
{"UDP send+recv 8 KiB, loopback",0,8192},
{"UDP send+recv 64 B, two hosts",1,64},
};
timing t;
if(kernel)fk= socket(AF_INET,SOCK_DGRAM,0);
fs= sr_socket(AF_INET,SOCK_DGRAM,0);
for(int pass= 0;pass<passes();pass++){
t= (timing){"UDP socket+close",w_socket_close,{NULL,NULL},{NULL,NULL}};
if(wanted(t.what))measure(&t,kernel,&res[0]);
t= (timing){"setsockopt+getsockopt SO_RCVBUF",w_setget,{&fk,&fs},
{NULL,NULL}};
if(wanted(t.what))measure(&t,kernel,&res[1]);
t= (timing){"UDP socket+bind(port 0)+close",w_socket_bind_close,{NULL,NULL},
{NULL,NULL}};
if(wanted(t.what))measure(&t,kernel,&res[2]);
for(size_t i= 0;i<sizeof dg/sizeof dg[0];i++){
const char*addr= dg[i].host?PEER_ADDR:"127.0.0.1";
if(!wanted(dg[i].what))continue;
dk.size= ds.size= dg[i].size;
if((kernel&&dgram_pair(&kernel_ops,&dk,dg[i].host,addr,9000)<0)||
dgram_pair(&sockref_ops,&ds,dg[i].host,addr,9000)<0){
perror("pair");
return 1;
}
t= (timing){dg[i].what,w_dgram,{&dk,&ds},{NULL,NULL}};
measure(&t,kernel,&res[3+i]);
if(kernel)dgram_unpair(&kernel_ops,&dk);
dgram_unpair(&sockref_ops,&ds);
}
}
if(kernel)close(fk);
sr_close(fs);
for(int i= 0;i<6;i++)print_row(&res[i],kernel);
}

/*:32*/
#line 711 "web/bench.w"

/*33:*/
#line 789 "web/bench.w"

{
static const long sizes[]= {1000,10000,100000};
double sb[3]= {0,0,0},sd[3]= {0,0,0};
for(int si= 0;si<3;si++){
long n= sizes[si];
char bwhat[64],dwhat[64];
pid_t kids[16];
int nkids= 0,*fds= NULL;
double clock[2];
static demux_ctx ck,cs;
result rb,rd;
timing tb,td;
memset(&rb,0,sizeof rb);
memset(&rd,0,sizeof rd);
snprintf(bwhat,sizeof bwhat,"bind at %ldk sockets",n/1000);
snprintf(dwhat,sizeof dwhat,"demux send+recv at %ldk sockets",n/1000);
if(!wanted(bwhat)&&!wanted(dwhat))continue;
if(kernel&&kernel_fill(n,kids,&nkids)<0){
perror("sr-bench: filling the kernel");
return 1;
}
sr_reset();
if(sr_fill(n,&fds)<0){perror("sr-bench: filling sockref");return 1;}
if((kernel&&demux_setup(&kernel_ops,&ck)<0)||demux_setup(&sockref_ops,&cs)<0){
perror("demux");
return 1;
}
tb= (timing){bwhat,w_bind_batch,{&clock[0],&clock[1]},{&clock[0],&clock[1]}};
td= (timing){dwhat,w_demux,{&ck,&cs},{NULL,NULL}};
for(int pass= 0;pass<passes();pass++){
if(wanted(bwhat))measure(&tb,kernel,&rb);
if(wanted(dwhat))measure(&td,kernel,&rd);
}
print_row(&rb,kernel);
print_row(&rd,kernel);
sb[si]= rb.ns[1];
sd[si]= rd.ns[1];
if(kernel){
demux_teardown(&kernel_ops,&ck);
kernel_unfill(kids,nkids);
}
sr_reset();
free(fds);
}
if(sb[0]> 0&&sb[2]> 0&&sd[0]> 0&&sd[2]> 0)
printf("sockref cost at 100k / cost at 1k: bind %.2f, demux %.2f (target <= 1.5)\n",
sb[2]/sb[0],sd[2]/sd[0]);
}

/*:33*/
#line 712 "web/bench.w"


/*:30*/
#line 62 "web/bench.w"

/*34:*/
#line 846 "web/bench.w"

{
struct mallinfo2 before,after;
int*fds= NULL;
long n= 10000;
sr_reset();
before= mallinfo2();
if(sr_fill(n,&fds)<0){perror("sr-bench: memory");return 1;}
after= mallinfo2();
printf("sockref memory per idle bound UDP socket: %.0f bytes (target <= 1024)\n",
((double)after.uordblks-(double)before.uordblks-
(double)sizeof*fds*(double)n)/(double)n);
free(fds);
sr_reset();
}

/*:34*/
#line 63 "web/bench.w"

return 0;
}

/*:1*/
