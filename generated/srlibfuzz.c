/*1:*/
#line 59 "web/srlibfuzz.w"

/*2:*/
#line 67 "web/srlibfuzz.w"

#define _GNU_SOURCE 1
#include "fuzzgen.h"
#include "sockscript.h"
#include "sockref.h"
#include <errno.h> 
#include <fcntl.h> 
#include <limits.h> 
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <sys/socket.h> 
#include <netinet/in.h> 
#include <linux/capability.h> 

/*:2*//*9:*/
#line 261 "web/srlibfuzz.w"

#include <stdarg.h> 

/*:9*/
#line 60 "web/srlibfuzz.w"

/*3:*/
#line 101 "web/srlibfuzz.w"

#define NFD 16
#define NOPT 2 
#define OPTMAX 80 
#define VALLEN 64
typedef struct{
int ret,err,len;
unsigned char val[VALLEN];
}optread;
typedef struct{
int open[NFD],fdflags[NFD],flflags[NFD],owner[NFD],sig[NFD];
bool sock[NFD];
int target;
optread opt[NOPT][OPTMAX];
long long uid,euid;
unsigned long long caps;
char tunables[8][64];
}snapshot;

/*:3*//*4:*/
#line 123 "web/srlibfuzz.w"

typedef struct{
fg_options opts;
bool enabled[64];
ss_outcome*o;
bool named[NOPT][OPTMAX];
snapshot before,after;
const char*text;
}harness;

/*:4*/
#line 61 "web/srlibfuzz.w"

/*10:*/
#line 264 "web/srlibfuzz.w"

static const char*fmt(char*buf,size_t len,const char*f,...);

/*:10*//*15:*/
#line 358 "web/srlibfuzz.w"

static void check_line(harness*H,const ss_script*s,int li,const ss_raw*r,int err_after);
static void broken(const harness*H,const ss_script*s,int li,const char*why);
static int call_number(const char*name);

/*:15*//*18:*/
#line 428 "web/srlibfuzz.w"

static void hook(void*arg,const ss_script*s,int li,const ss_outcome*o,bool after);
static int target_of(const ss_script*s,int li);
int LLVMFuzzerInitialize(int*argc,char***argv);
int LLVMFuzzerTestOneInput(const uint8_t*data,size_t size);

/*:18*/
#line 62 "web/srlibfuzz.w"

/*5:*/
#line 136 "web/srlibfuzz.w"

static const char*const tunable_names[8]= {"net.ipv4.ip_default_ttl",
"net.ipv4.ip_local_port_range","net.ipv4.ping_group_range","net.ipv4.ip_nonlocal_bind",
"net.ipv4.ip_unprivileged_port_start","net.core.somaxconn","net.ipv4.igmp_max_memberships",
"net.ipv4.ip_local_reserved_ports"};

static void take_snapshot(const harness*H,snapshot*S,int target)
{
memset(S,0,sizeof*S);
S->target= target;
for(int fd= 0;fd<NFD;fd++){
int t;
socklen_t tl= sizeof t;
S->open[fd]= sr_fcntl(fd,F_GETFD);
if(S->open[fd]<0)continue;
S->fdflags[fd]= S->open[fd];
S->flflags[fd]= sr_fcntl(fd,F_GETFL);
S->owner[fd]= sr_fcntl(fd,F_GETOWN);
S->sig[fd]= sr_fcntl(fd,F_GETSIG);
S->sock[fd]= sr_getsockopt(fd,SOL_SOCKET,SO_TYPE,&t,&tl)==0;
if(S->sock[fd]&&fd==target)/*6:*/
#line 167 "web/srlibfuzz.w"

for(int l= 0;l<NOPT;l++)
for(int n= 0;n<OPTMAX;n++){
optread*r= &S->opt[l][n];
socklen_t len= VALLEN;
if(!H->named[l][n]||(l==0&&n==SO_ERROR))continue;
errno= 0;
r->ret= sr_getsockopt(fd,l==0?SOL_SOCKET:IPPROTO_IP,n,r->val,&len);
r->err= r->ret<0?errno:0;
r->len= (int)len;
}

/*:6*/
#line 156 "web/srlibfuzz.w"

}
S->uid= sr_getuid();
S->euid= sr_geteuid();
for(int c= 0;c<=CAP_LAST_CAP&&c<64;c++)
if(sr_cap_has(c)> 0)S->caps|= 1ULL<<c;
for(int i= 0;i<8;i++)
if(sr_sysctl_get(tunable_names[i],S->tunables[i],sizeof S->tunables[i])<0)
S->tunables[i][0]= '\0';
}

/*:5*//*7:*/
#line 205 "web/srlibfuzz.w"

#define SR_IP_PROTOCOL 52 
static const struct{const char*call;int level,name;}may_change[]= {
{"connect",IPPROTO_IP,IP_MTU},
{"connect",IPPROTO_IP,SR_IP_PROTOCOL},{"send",IPPROTO_IP,SR_IP_PROTOCOL},
{"sendto",IPPROTO_IP,SR_IP_PROTOCOL},{"sendmsg",IPPROTO_IP,SR_IP_PROTOCOL},
{"write",IPPROTO_IP,SR_IP_PROTOCOL},{"writev",IPPROTO_IP,SR_IP_PROTOCOL},
{"send",SOL_SOCKET,SO_MEMINFO},{"sendto",SOL_SOCKET,SO_MEMINFO},
{"sendmsg",SOL_SOCKET,SO_MEMINFO},{"write",SOL_SOCKET,SO_MEMINFO},
{"writev",SOL_SOCKET,SO_MEMINFO}
};

static bool exempt(const char*call,int l,int n)
{
for(size_t i= 0;i<sizeof may_change/sizeof may_change[0];i++)
if(!strcmp(may_change[i].call,call)&&may_change[i].level==(l?IPPROTO_IP:SOL_SOCKET)&&
may_change[i].name==n)
return true;
return false;
}

/*:7*//*8:*/
#line 230 "web/srlibfuzz.w"

static const char*difference(const snapshot*a,const snapshot*b,const char*call,char*buf,size_t len)
{
for(int fd= 0;fd<NFD;fd++){
if(a->open[fd]!=b->open[fd])return fmt(buf,len,"descriptor %d: open %d, then %d",fd,a->open[fd],b->open[fd]);
if(a->flflags[fd]!=b->flflags[fd])return fmt(buf,len,"descriptor %d: F_GETFL %#x, then %#x",fd,a->flflags[fd],b->flflags[fd]);
if(a->owner[fd]!=b->owner[fd])return fmt(buf,len,"descriptor %d: F_GETOWN %d, then %d",fd,a->owner[fd],b->owner[fd]);
if(a->sig[fd]!=b->sig[fd])return fmt(buf,len,"descriptor %d: F_GETSIG %d, then %d",fd,a->sig[fd],b->sig[fd]);
}
for(int l= 0;l<NOPT;l++)
for(int n= 0;n<OPTMAX;n++)
if(memcmp(&a->opt[l][n],&b->opt[l][n],sizeof a->opt[l][n])&&!exempt(call,l,n))
return fmt(buf,len,"descriptor %d: option %d of level %s: result %d/%d length %d, then %d/%d length %d",
a->target,n,l?"IPPROTO_IP":"SOL_SOCKET",a->opt[l][n].ret,a->opt[l][n].err,
a->opt[l][n].len,b->opt[l][n].ret,b->opt[l][n].err,b->opt[l][n].len);
if(a->uid!=b->uid||a->euid!=b->euid)return fmt(buf,len,"the users changed");
if(a->caps!=b->caps)return fmt(buf,len,"the capabilities changed");
for(int i= 0;i<8;i++)
if(strcmp(a->tunables[i],b->tunables[i]))return fmt(buf,len,"%s changed",tunable_names[i]);
return NULL;
}

static const char*fmt(char*buf,size_t len,const char*f,...)
{
va_list ap;
va_start(ap,f);
vsnprintf(buf,len,f,ap);
va_end(ap);
return buf;
}

/*:8*/
#line 63 "web/srlibfuzz.w"

/*11:*/
#line 276 "web/srlibfuzz.w"

static int target_of(const ss_script*s,int li)
{
const ss_line*ln= &s->line[li];
const char*c= ss_call_name(ln->call);
static const char*const nofd[]= {"socket","socketpair","poll","select","setuid",
"seteuid","cap_drop","sysctl_set","sysctl_get","advance","proc_new","proc_switch",
"signal_count","sigaction","sigprocmask","sigpending","kill","setitimer","alarm","ppoll"};
for(size_t i= 0;i<sizeof nofd/sizeof nofd[0];i++)if(!strcmp(c,nofd[i]))return-1;
return ln->nargs> 0&&ln->arg[0]->kind==SV_INT?(int)ln->arg[0]->i:-1;
}

static void hook(void*arg,const ss_script*s,int li,const ss_outcome*o,bool after)
{
harness*H= arg;
int saved= errno;
if(!after){
take_snapshot(H,&H->before,target_of(s,li));
errno= 0;
return;
}
take_snapshot(H,&H->after,target_of(s,li));
check_line(H,s,li,&o->raw[li],saved);
}

/*:11*//*12:*/
#line 305 "web/srlibfuzz.w"

static void check_line(harness*H,const ss_script*s,int li,const ss_raw*r,int err_after)
{
const ss_line*ln= &s->line[li];
char why[512];
const char*d;
if(r->status!=RS_DONE)return;
if(r->ret==-1&&r->err==0)broken(H,s,li,"the call returned -1 and left errno 0");
if(r->ret!=-1&&err_after!=0&&ln->call!=call_number("advance"))
broken(H,s,li,fmt(why,sizeof why,"the call succeeded and set errno to %d",err_after));
if(r->ret==-1&&ln->call!=call_number("proc_switch")&&
(d= difference(&H->before,&H->after,ss_call_name(ln->call),why,sizeof why))!=NULL)
broken(H,s,li,d);
if(r->ret>=0)/*13:*/
#line 327 "web/srlibfuzz.w"

{
int min= -1;
if(ln->call==call_number("socket"))min= 0;
else if(ln->call==call_number("fcntl")&&ln->nargs==3&&ln->arg[1]->kind==SV_INT&&
(ln->arg[1]->i==F_DUPFD||ln->arg[1]->i==F_DUPFD_CLOEXEC)&&ln->arg[2]->kind==SV_INT)
min= (int)ln->arg[2]->i;
if(min>=0&&min<NFD){
int want= -1;
for(int fd= min;fd<NFD&&want<0;fd++)if(H->before.open[fd]<0)want= fd;
if(want>=0&&r->ret!=want)
broken(H,s,li,fmt(why,sizeof why,"the new descriptor is %lld, the lowest free one %d",r->ret,want));
}
}

/*:13*/
#line 318 "web/srlibfuzz.w"

}

/*:12*//*14:*/
#line 344 "web/srlibfuzz.w"

static void broken(const harness*H,const ss_script*s,int li,const char*why)
{
fprintf(stderr,"sr-libfuzz: line %d broke a promise: %s\n  %.*s\nthe script:\n%s",li+1,why,
s->line[li].len,s->line[li].text,H->text);
abort();
}

static int call_number(const char*name)
{
for(int c= 0;c<ss_ncalls();c++)if(!strcmp(ss_call_name(c),name))return c;
return-1;
}

/*:14*/
#line 64 "web/srlibfuzz.w"

/*16:*/
#line 371 "web/srlibfuzz.w"

static harness*the_harness;

int LLVMFuzzerInitialize(int*argc,char***argv)
{
harness*H= calloc(1,sizeof*H);
const char*path= getenv("SRFUZZ_OPTIONS");
(void)argc;(void)argv;
if(!H)abort();
if(fg_load_options(path?path:"spec/options.tsv",&H->opts)<=0){
fprintf(stderr,"sr-libfuzz: cannot read the option table (set SRFUZZ_OPTIONS)\n");

exit(2);
}
fg_probe_sockref(&H->opts,H->enabled);
H->o= ss_outcome_new(false);
for(int n= 0;n<OPTMAX;n++){
H->named[0][n]= ss_symbol_name("so",n)!=NULL;
H->named[1][n]= ss_symbol_name("ip",n)!=NULL;
}
the_harness= H;
return 0;
}

/*:16*//*17:*/
#line 399 "web/srlibfuzz.w"

int LLVMFuzzerTestOneInput(const uint8_t*data,size_t size)
{
harness*H= the_harness;
static const int uids[]= {0,0,0,0,0,0,0,1000,65534,0};
fg_rand r;
fg_gen g;
ss_buf b= {NULL,0,0};
ss_script*s;
int uid;
fg_from_bytes(&r,data,size);
uid= uids[fg_below(&r,10)];
fg_init(&g,&r,&H->opts,H->enabled,&b);
fg_begin(&g,uid==0);
if(uid)ss_printf(&b,"proc_new(%d) = ?\nproc_switch(2) = ?\n",uid);
fg_sequence(&g,40);
fg_free(&g);
if(!b.p)return 0;
if(!(s= ss_parse("input",b.p,b.n,stderr))){
fprintf(stderr,"sr-libfuzz: the generator wrote a script that does not parse:\n%s",b.p);
abort();
}
H->text= b.p;
ss_run_sockref_hooked(s,H->o,hook,H);
ss_free(s);
free(b.p);
return 0;
}

/*:17*//*19:*/
#line 442 "web/srlibfuzz.w"

#ifdef SR_LIBFUZZ_STANDALONE
int main(int argc,char**argv)
{
int n= 0;
LLVMFuzzerInitialize(&argc,&argv);
for(int i= 1;i<argc;i++){
FILE*f= fopen(argv[i],"rb");
unsigned char buf[1<<16];
size_t len;
if(!f){fprintf(stderr,"sr-libfuzz: cannot read %s\n",argv[i]);return 2;}
len= fread(buf,1,sizeof buf,f);
fclose(f);
LLVMFuzzerTestOneInput(buf,len);
n++;
}
printf("sr-libfuzz: %d inputs run, every promise kept\n",n);
ss_outcome_free(the_harness->o,false);
fg_free_options(&the_harness->opts);
free(the_harness);
return 0;
}
#endif
#line 465 "web/srlibfuzz.w"

/*:19*/
#line 65 "web/srlibfuzz.w"


/*:1*/
