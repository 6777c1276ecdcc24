/*1:*/
#line 60 "web/sockscript.w"

/*2:*/
#line 74 "web/sockscript.w"

#define _GNU_SOURCE 1
#include "sockscript.h"
#include "sockref.h"
#include <ctype.h> 
#include <errno.h> 
#include <fcntl.h> 
#include <limits.h> 
#include <poll.h> 
#include <signal.h> 
#include <stdarg.h> 
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <unistd.h> 
#include <sched.h> 
#include <arpa/inet.h> 
#include <net/if.h> 
#include <netinet/in.h> 
#include <netinet/ip.h> 
#include <netinet/ip_icmp.h> 
#include <netinet/udp.h> 
#include <sys/ioctl.h> 
#include <sys/mman.h> 
#include <sys/resource.h> 
#include <sys/select.h> 
#include <sys/socket.h> 
#include <sys/stat.h> 
#include <sys/syscall.h> 
#include <sys/time.h> 
#include <sys/uio.h> 
#include <sys/wait.h> 
#include <grp.h> 
#include <dirent.h> 
#include <time.h> 
#include <linux/capability.h> 
#include <linux/errqueue.h> 
#include <linux/filter.h> 
#include <linux/futex.h> 
#include <linux/in.h> 
#include <linux/sockios.h> 
#include <linux/netlink.h> 
#include <linux/rtnetlink.h> 
#include <linux/veth.h> 

/*:2*/
#line 61 "web/sockscript.w"

/*10:*/
#line 325 "web/sockscript.w"

typedef struct{const char*name;long long value;}ss_sym;
enum{SS_KIND_ENUM,SS_KIND_FLAGS,SS_KIND_OFLAGS};
typedef struct{const char*name;int kind;const ss_sym*sym;}ss_symclass;

/*:10*//*13:*/
#line 344 "web/sockscript.w"

typedef struct{const char*name;long long value;}ss_name;

/*:13*//*21:*/
#line 484 "web/sockscript.w"

enum{T_END,T_NUM,T_NAME,T_STR,T_VAR,T_PUNCT,T_BAD};
typedef struct{
const char*p,*end;
int tok;
const char*ts;
int tlen;
unsigned long long num;
char punct[4];
const char*err;
const char*errat;
}ss_lexer;

/*:21*//*66:*/
#line 11 "web/sscalls.w"

enum{FK_U8,FK_I16,FK_U16,FK_I32,FK_U32,FK_I64,FK_PORT,FK_ADDR,
FK_BYTES,FK_ADDRLIST,FK_FILTERS,FK_SPECIAL};
typedef struct{
const char*name;
int kind;
unsigned short off,size;
short cls;
bool hide_zero;
}ss_field;
enum{ST_PLAIN,ST_MSFILTER,ST_FPROG,ST_IOVEC,ST_CMSG,ST_MSGHDR};
struct ss_struct{
const char*name;
unsigned short size;
int special;
int nf;
ss_field f[8];
};

/*:66*//*71:*/
#line 256 "web/sscalls.w"

enum{AK_NONE,AK_INT,AK_LONG,AK_CSTR,AK_INBUF,AK_OUTBUF,AK_OPTIN,AK_OPTOUT,
AK_LENIO,AK_SAIN,AK_SAOUT,AK_MSGIN,AK_MSGIO,AK_IOVIN,AK_IOVOUT,AK_POLLFD,
AK_FDSET,AK_TVIO,AK_SV,AK_FCNTLARG,AK_IOCTLARG,AK_OUTSTR};
enum{C_SOCKET,C_SOCKETPAIR,C_CLOSE,C_FCNTL,C_IOCTL,C_PREAD,C_PWRITE,
C_GETSOCKOPT,C_SETSOCKOPT,C_BIND,C_CONNECT,C_LISTEN,C_GETSOCKNAME,
C_GETPEERNAME,C_SEND,C_SENDTO,C_SENDMSG,C_RECV,C_RECVFROM,C_RECVMSG,
C_READ,C_WRITE,C_READV,C_WRITEV,C_SHUTDOWN,C_POLL,C_SELECT,
C_SETUID,C_SETEUID,C_CAP_DROP,C_SYSCTL_SET,C_SYSCTL_GET,C_ADVANCE,
C_PROC_NEW,C_PROC_SWITCH,C_SIGNAL_COUNT,C_SIGACTION,C_SIGPROCMASK,C_SIGPENDING,
C_SETITIMER,C_ALARM,C_KILL,C_PPOLL,C_NCALLS};
typedef struct{
const char*name;
int min,max;
unsigned char kind[SS_MAXARGS];
short cls[SS_MAXARGS];
signed char lenarg[SS_MAXARGS];
}ss_call;

/*:71*//*86:*/
#line 88 "web/ssexec.w"

typedef struct{
const char*name;
int(*socket)(int,int,int);
int(*socketpair)(int,int,int,int*);
int(*close)(int);
int(*fcntl)(int,int,...);
int(*ioctl)(int,unsigned long,...);
ssize_t(*pread)(int,void*,size_t,off_t);
ssize_t(*pwrite)(int,const void*,size_t,off_t);
int(*getsockopt)(int,int,int,void*,socklen_t*);
int(*setsockopt)(int,int,int,const void*,socklen_t);
int(*bind)(int,const struct sockaddr*,socklen_t);
int(*connect)(int,const struct sockaddr*,socklen_t);
int(*listen)(int,int);
int(*getsockname)(int,struct sockaddr*,socklen_t*);
int(*getpeername)(int,struct sockaddr*,socklen_t*);
ssize_t(*send)(int,const void*,size_t,int);
ssize_t(*sendto)(int,const void*,size_t,int,const struct sockaddr*,socklen_t);
ssize_t(*sendmsg)(int,const struct msghdr*,int);
ssize_t(*recv)(int,void*,size_t,int);
ssize_t(*recvfrom)(int,void*,size_t,int,struct sockaddr*,socklen_t*);
ssize_t(*recvmsg)(int,struct msghdr*,int);
ssize_t(*read)(int,void*,size_t);
ssize_t(*write)(int,const void*,size_t);
ssize_t(*readv)(int,const struct iovec*,int);
ssize_t(*writev)(int,const struct iovec*,int);
int(*shutdown)(int,int);
int(*poll)(struct pollfd*,nfds_t,int);
int(*select)(int,fd_set*,fd_set*,fd_set*,struct timeval*);
int(*setuid)(uid_t);
int(*seteuid)(uid_t);
int(*cap_drop)(int);
int(*sysctl_set)(const char*,const char*);
int(*sysctl_get)(const char*,char*,size_t);
void(*advance)(uint64_t);
long(*signal_count)(int);
pid_t(*getpid)(void);
pid_t(*getpgrp)(void);
pid_t(*proc_new)(int,uid_t);
int(*proc_switch)(pid_t);
int(*sigaction)(int,const char*,int);
int(*sigprocmask)(int,int);
int(*sigpending)(int);
int(*setitimer)(int,long,long,long,long);
unsigned(*alarm)(unsigned);
int(*kill)(pid_t,int);
int(*ppoll)(struct pollfd*,nfds_t,int,int);
}ss_backend;

/*:86*//*90:*/
#line 191 "web/ssexec.w"

typedef struct ss_kshared ss_kshared;
typedef struct{
const ss_backend*b;
ss_script*s;
ss_outcome*o;
int proc;
ss_arena scratch,vals;
ss_kshared*sh;
}ss_exec;

/*:90*//*135:*/
#line 1193 "web/ssexec.w"

struct ss_kshared{
uint32_t seq;
int turn;
int next;
int done;
int spawn_req;
long long spawn_uid;
int ready[SS_MAXPROC];
long sigcount[SS_MAXPROC][65];
ss_script*s;
ss_outcome*o;
};

/*:135*/
#line 62 "web/sockscript.w"

/*11:*/
#line 330 "web/sockscript.w"

#include "ss_symbols.h"

/*:11*/
#line 63 "web/sockscript.w"

/*8:*/
#line 257 "web/sockscript.w"

static ss_value*val_new(ss_arena*a,int kind);
static ss_value*val_int(ss_arena*a,long long i,int cls,int fmt);
static ss_value*val_str(ss_arena*a,const void*s,size_t len);
static ss_value*val_bytes(ss_arena*a,const void*s,size_t len);
static ss_value*val_list(ss_arena*a,int n);
static ss_value*val_struct(ss_arena*a,const struct ss_struct*st,int n);

/*:8*//*27:*/
#line 609 "web/sockscript.w"

static ss_value*parse_value(ss_lexer*L,ss_arena*a);

/*:27*//*56:*/
#line 1443 "web/sockscript.w"

static bool ip_alike(const unsigned char*a,const unsigned char*b,size_t len,bool quoted);

/*:56*//*58:*/
#line 1499 "web/sockscript.w"

static const ss_value*struct_get(const ss_value*v,const char*name);

/*:58*//*65:*/
#line 1662 "web/sockscript.w"

static ss_value*pid_value(ss_arena*a,const ss_value*y,ss_env*e);
static bool is_pattern(const ss_value*v);
static const struct ss_struct*struct_for_fields(const char**names,int n);
static int call_lookup(const char*name,int len);
static void check_arity(ss_line*ln,ss_lexer*L);

/*:65*//*79:*/
#line 493 "web/sscalls.w"

static ss_value*decode_filters(ss_arena*a,const unsigned char*p,size_t len);

/*:79*//*89:*/
#line 172 "web/ssexec.w"

static int k_setuid(uid_t uid);
static int k_cap_drop(int cap);
static int k_sysctl_set(const char*name,const char*value);
static int k_sysctl_get(const char*name,char*buf,size_t len);
static void k_advance(uint64_t ns);
static int k_poll(struct pollfd*fds,nfds_t nfds,int timeout);
static long k_signal_count(int sig);
static int k_sigaction(int sig,const char*handler,int flags);
static int k_sigprocmask(int how,int sig);
static int k_sigpending(int sig);
static int k_setitimer(int which,long sec,long usec,long isec,long iusec);
static int k_ppoll(struct pollfd*fds,nfds_t n,int ms,int sig);

/*:89*//*110:*/
#line 722 "web/ssexec.w"

static bool make_control(ss_exec*x,const ss_value*ct,struct msghdr*m);
static bool make_iov(ss_exec*x,const ss_value*v,bool fill,struct iovec**out,int*nout);
static void bind_line(ss_exec*x,int li);

/*:110*//*128:*/
#line 998 "web/ssexec.w"

static long long lit(const ss_value*v);
static bool writes_through(int kind);
static bool carries_inputs(int kind);
static int return_class(const ss_line*ln);
static const ss_value*inout_of(ss_arena*a,int kind,const ss_value*x);
static ss_value*actual_msghdr(ss_arena*a,const ss_value*v,const ss_raw*r,
const unsigned char*p,size_t n);
static ss_value*actual_iov(ss_arena*a,const ss_value*v,const unsigned char*p,size_t n);
static ss_value*actual_pollfd(ss_arena*a,const ss_value*v,const unsigned char*p,size_t n);
static ss_value*actual_fdset(ss_arena*a,long long nfds,const unsigned char*p,size_t n);
static size_t gather(unsigned char*dst,const struct iovec*v,int nv,size_t n);

/*:128*//*139:*/
#line 1300 "web/ssexec.w"

static int k_helper(ss_kshared*sh,int timeout_s);
static int k_spawner(ss_kshared*sh);
static int k_build_world(int peerns,int peernl,char*note,size_t notelen);
static long long k_proc_action(ss_exec*x,int call,long long arg);

/*:139*//*143:*/
#line 1399 "web/ssexec.w"

static void k_fork_script_proc(ss_kshared*sh,int k,uid_t uid);
static void k_read_ports(ss_outcome*o);

/*:143*/
#line 64 "web/sockscript.w"

/*7:*/
#line 201 "web/sockscript.w"

#define SS_BLOCK 65536
#define SS_BLOCK_HEAD 16
typedef struct{char*prev;size_t cap;}ss_blockhead;

void*ss_alloc(ss_arena*a,size_t n)
{
char*p;
n= (n+15)&~(size_t)15;
if(!a->block||a->used+n> a->cap){
size_t cap= n+SS_BLOCK_HEAD> SS_BLOCK?n+SS_BLOCK_HEAD:SS_BLOCK;
char*b= malloc(cap);
ss_blockhead h;
if(!b){fputs("sockscript: out of memory\n",stderr);abort();}

h.prev= a->block;
h.cap= cap;
memcpy(b,&h,sizeof h);
a->block= b;
a->used= SS_BLOCK_HEAD;
a->cap= cap;
}
p= a->block+a->used;
a->used+= n;
memset(p,0,n);
return p;
}

void ss_arena_free(ss_arena*a)
{
while(a->block){
ss_blockhead h;
memcpy(&h,a->block,sizeof h);
free(a->block);
a->block= h.prev;
}
a->used= a->cap= 0;
}

void ss_arena_reset(ss_arena*a)
{
ss_blockhead h;
if(!a->block)return;
memcpy(&h,a->block,sizeof h);
while(h.prev){
char*b= a->block;
a->block= h.prev;
free(b);
memcpy(&h,a->block,sizeof h);
}
a->used= SS_BLOCK_HEAD;
a->cap= h.cap;
}

/*:7*//*9:*/
#line 265 "web/sockscript.w"

static ss_value*val_bytes(ss_arena*a,const void*s,size_t len)
{
ss_value*v= val_str(a,s,len);
v->fmt= SF_HEX;
return v;
}

static ss_value*val_new(ss_arena*a,int kind)
{
ss_value*v= ss_alloc(a,sizeof*v);
v->kind= kind;
v->cls= -1;
return v;
}

static ss_value*val_int(ss_arena*a,long long i,int cls,int fmt)
{
ss_value*v= val_new(a,SV_INT);
v->i= i;
v->cls= cls;
v->fmt= fmt;
return v;
}

static ss_value*val_str(ss_arena*a,const void*s,size_t len)
{
ss_value*v= val_new(a,SV_STR);
v->s= ss_alloc(a,len+1);
if(len)memcpy(v->s,s,len);
v->len= len;
return v;
}

static ss_value*val_list(ss_arena*a,int n)
{
ss_value*v= val_new(a,SV_LIST);
v->n= n;
v->item= ss_alloc(a,(size_t)(n?n:1)*sizeof*v->item);
return v;
}

static ss_value*val_struct(ss_arena*a,const struct ss_struct*st,int n)
{
ss_value*v= val_new(a,SV_STRUCT);
v->st= st;
v->n= n;
v->item= ss_alloc(a,(size_t)(n?n:1)*sizeof*v->item);
v->field= ss_alloc(a,(size_t)(n?n:1)*sizeof*v->field);
return v;
}

/*:9*/
#line 65 "web/sockscript.w"

/*14:*/
#line 347 "web/sockscript.w"

static int name_cmp(const void*x,const void*y)
{
return strcmp(((const ss_name*)x)->name,((const ss_name*)y)->name);
}

static const ss_name*name_index(size_t*count)
{
static ss_name*index;
static size_t n;
if(!index){
size_t cap= 0;
for(int c= 0;c<SS_NCLASSES;c++)
for(const ss_sym*s= ss_classes[c].sym;s->name;s++)cap++;
index= malloc(cap*sizeof*index);
if(!index)abort();
for(int c= 0;c<SS_NCLASSES;c++)
for(const ss_sym*s= ss_classes[c].sym;s->name;s++){
index[n].name= s->name;
index[n++].value= s->value;
}
qsort(index,n,sizeof*index,name_cmp);
}
*count= n;
return index;
}

static bool sym_lookup(const char*name,size_t len,long long*value)
{
char buf[128];
size_t n;
const ss_name*idx= name_index(&n),*hit;
ss_name key;
if(len>=sizeof buf)return false;
memcpy(buf,name,len);
buf[len]= '\0';
key.name= buf;
hit= bsearch(&key,idx,n,sizeof*idx,name_cmp);
if(!hit)return false;
*value= hit->value;
return true;
}

/*:14*//*15:*/
#line 392 "web/sockscript.w"

static const char*sym_name(int cls,long long value)
{
if(cls<0||cls>=SS_NCLASSES)return NULL;
for(const ss_sym*s= ss_classes[cls].sym;s->name;s++)
if(s->value==value)return s->name;
return NULL;
}

/*:15*//*17:*/
#line 409 "web/sockscript.w"

bool ss_symbol(const char*name,long long*value)
{
return sym_lookup(name,strlen(name),value);
}

const char*ss_symbol_name(const char*cls,long long value)
{
for(int c= 0;c<SS_NCLASSES;c++)
if(!strcmp(ss_classes[c].name,cls))return sym_name(c,value);
return NULL;
}

/*:17*/
#line 66 "web/sockscript.w"

/*22:*/
#line 497 "web/sockscript.w"

static void lex_next(ss_lexer*L)
{
while(L->p<L->end&&(*L->p==' '||*L->p=='\t'||*L->p=='\r'))L->p++;
L->ts= L->p;
L->punct[0]= '\0';
if(L->p>=L->end||*L->p=='#'){L->tok= T_END;L->tlen= 0;return;}
if(isdigit((unsigned char)*L->p))/*23:*/
#line 521 "web/sockscript.w"

{
char*e;
errno= 0;
L->num= strtoull(L->p,&e,0);
if(errno||e> L->end)L->tok= T_BAD;
else L->tok= T_NUM;
L->p= e;
}

/*:23*/
#line 504 "web/sockscript.w"

else if(isalpha((unsigned char)*L->p)||*L->p=='_'){
while(L->p<L->end&&(isalnum((unsigned char)*L->p)||*L->p=='_'))L->p++;
L->tok= T_NAME;
}else if(*L->p=='$'){
L->p++;
while(L->p<L->end&&(isalnum((unsigned char)*L->p)||*L->p=='_'))L->p++;
L->tok= L->p-L->ts> 1?T_VAR:T_BAD;
}else if(*L->p=='"')/*24:*/
#line 534 "web/sockscript.w"

{
L->p++;
while(L->p<L->end&&*L->p!='"')L->p+= *L->p=='\\'&&L->p+1<L->end?2:1;
if(L->p>=L->end)L->tok= T_BAD;
else{L->p++;L->tok= T_STR;}
}

/*:24*/
#line 512 "web/sockscript.w"

else/*25:*/
#line 545 "web/sockscript.w"

{
static const char*const multi[]= {"...","..","=>"};
L->tok= T_PUNCT;
for(size_t k= 0;k<3;k++){
size_t n= strlen(multi[k]);
if((size_t)(L->end-L->p)>=n&&!strncmp(L->p,multi[k],n)){
memcpy(L->punct,multi[k],n+1);
L->p+= n;
goto done;
}
}
if(strchr("()[]{},=|-?",*L->p)){
L->punct[0]= *L->p++;
L->punct[1]= '\0';
}else{L->p++;L->tok= T_BAD;}
done:;
}

/*:25*/
#line 513 "web/sockscript.w"

L->tlen= (int)(L->p-L->ts);
}

/*:22*//*26:*/
#line 567 "web/sockscript.w"

static bool is_punct(const ss_lexer*L,const char*p)
{
return L->tok==T_PUNCT&&!strcmp(L->punct,p);
}

static bool lex_accept(ss_lexer*L,const char*p)
{
if(!is_punct(L,p))return false;
lex_next(L);
return true;
}

static void lex_error(ss_lexer*L,const char*msg)
{
if(!L->err){L->err= msg;L->errat= L->ts;}
}

static bool expect(ss_lexer*L,const char*p)
{
if(lex_accept(L,p))return true;
lex_error(L,p[0]==')'?"expected ')'":p[0]==']'?"expected ']'":
p[0]=='}'?"expected '}'":p[0]=='('?"expected '('":p[0]=='='?
"expected '='":"expected ','");
return false;
}

/*:26*/
#line 67 "web/sockscript.w"

/*28:*/
#line 612 "web/sockscript.w"

static ss_value*parse_primary(ss_lexer*L,ss_arena*a);
static ss_value*parse_term(ss_lexer*L,ss_arena*a)
{
const char*start= L->ts;
bool neg= lex_accept(L,"-");
ss_value*v= parse_primary(L,a);
if(!v)return NULL;
if(neg){
if(v->kind==SV_INT)v->i= -v->i;
else if(v->kind==SV_VAR)v->neg= !v->neg;
else{lex_error(L,"'-' before a value that is not a number");return NULL;}
}
if(lex_accept(L,"..")){
bool hneg= lex_accept(L,"-");
ss_value*h= parse_primary(L,a);
if(!h||h->kind!=SV_INT||v->kind!=SV_INT){
lex_error(L,"a range joins two numbers");
return NULL;
}
v->kind= SV_RANGE;
v->hi= hneg?-h->i:h->i;
}
v->src= start;
v->srclen= (int)(L->ts-start);
while(v->srclen> 0&&isspace((unsigned char)start[v->srclen-1]))v->srclen--;
return v;
}

/*:28*//*29:*/
#line 644 "web/sockscript.w"

static ss_value*parse_alts(ss_lexer*L,ss_arena*a)
{
const char*start= L->ts;
ss_value*v= parse_term(L,a);
while(v&&is_punct(L,"|")){
ss_value*w;
lex_next(L);
w= parse_term(L,a);
if(!w)return NULL;
if(v->kind!=SV_INT||w->kind!=SV_INT){
lex_error(L,"'|' joins numbers");
return NULL;
}
v->i|= w->i;
if(w->fmt==SF_HEX)v->fmt= SF_HEX;
v->src= start;
v->srclen= (int)(w->src+w->srclen-start);
}
return v;
}

static ss_value*parse_value(ss_lexer*L,ss_arena*a)
{
const char*start= L->ts;
ss_value*v= parse_alts(L,a);
if(v&&is_punct(L,"=>")){
ss_value*io= val_new(a,SV_INOUT);
lex_next(L);
io->a= v;
io->b= parse_alts(L,a);
if(!io->b)return NULL;
io->src= start;
io->srclen= (int)(io->b->src+io->b->srclen-start);
v= io;
}
return v;
}

/*:29*//*30:*/
#line 685 "web/sockscript.w"

static ss_value*parse_list(ss_lexer*L,ss_arena*a);
static ss_value*parse_fields(ss_lexer*L,ss_arena*a);
static ss_value*parse_string(ss_lexer*L,ss_arena*a);
static ss_value*parse_name(ss_lexer*L,ss_arena*a);
static ss_value*parse_primary(ss_lexer*L,ss_arena*a)
{
ss_value*v;
const char*start= L->ts;
switch(L->tok){
case T_NUM:
v= val_int(a,(long long)L->num,-1,L->tlen> 2&&L->ts[1]=='x'?SF_HEX:SF_DEC);
lex_next(L);
break;
case T_NAME:v= parse_name(L,a);break;
case T_STR:v= parse_string(L,a);break;
case T_VAR:/*31:*/
#line 727 "web/sockscript.w"

{
v= val_new(a,SV_VAR);
v->name= L->ts+1;
{
char*nm= ss_alloc(a,(size_t)L->tlen);
memcpy(nm,L->ts+1,(size_t)L->tlen-1);
v->name= nm;
}
lex_next(L);
if(is_punct(L,"=")){
ss_value*b= val_new(a,SV_BIND);
lex_next(L);
b->name= v->name;
b->a= parse_term(L,a);
if(!b->a)return NULL;
v= b;
}
}

/*:31*/
#line 701 "web/sockscript.w"
break;
case T_PUNCT:
if(is_punct(L,"[")){v= parse_list(L,a);break;}
if(is_punct(L,"{")){v= parse_fields(L,a);break;}
if(lex_accept(L,"...")){v= val_new(a,SV_ANY);break;}
if(lex_accept(L,"?")){v= val_new(a,SV_UNKNOWN);break;}
lex_error(L,"expected a value");
return NULL;
default:
lex_error(L,"expected a value");
return NULL;
}
if(v&&!v->src){
v->src= start;
v->srclen= (int)(L->ts-start);
while(v->srclen> 0&&isspace((unsigned char)start[v->srclen-1]))v->srclen--;
}
return v;
}

/*:30*//*32:*/
#line 750 "web/sockscript.w"

static ss_value*parse_name(ss_lexer*L,ss_arena*a)
{
long long value;
ss_value*v;
int fmt= -1;
if(L->tlen==4&&!strncmp(L->ts,"NULL",4)){lex_next(L);return val_new(a,SV_NULL);}
if(L->tlen==5&&!strncmp(L->ts,"htons",5))fmt= SF_PORT;
else if(L->tlen==5&&!strncmp(L->ts,"htonl",5))fmt= SF_HEX;
else if(L->tlen==9&&!strncmp(L->ts,"inet_addr",9))fmt= SF_ADDR;
if(fmt>=0){
lex_next(L);
if(!expect(L,"("))return NULL;
if(fmt==SF_ADDR)/*33:*/
#line 779 "web/sockscript.w"

{
char buf[64];
struct in_addr in;
if(L->tok!=T_STR||L->tlen-2>=(int)sizeof buf){
lex_error(L,"inet_addr takes a dotted quad in quotes");
return NULL;
}
memcpy(buf,L->ts+1,(size_t)L->tlen-2);
buf[L->tlen-2]= '\0';
if(inet_pton(AF_INET,buf,&in)!=1){
lex_error(L,"not an IPv4 address");
return NULL;
}
v= val_int(a,(long long)ntohl(in.s_addr),-1,SF_ADDR);
lex_next(L);
}

/*:33*/
#line 763 "web/sockscript.w"

else v= parse_term(L,a);
if(!v||!expect(L,")"))return NULL;
if(v->kind==SV_INT||v->kind==SV_RANGE||v->kind==SV_VAR||v->kind==SV_BIND)
(v->kind==SV_BIND?v->a:v)->fmt= fmt;
v->src= NULL;
return v;
}
if(!sym_lookup(L->ts,(size_t)L->tlen,&value)){
lex_error(L,"unknown name");
return NULL;
}
lex_next(L);
return val_int(a,value,-1,SF_DEC);
}

/*:32*//*34:*/
#line 801 "web/sockscript.w"

static ss_value*parse_string(ss_lexer*L,ss_arena*a)
{
const char*p= L->ts+1,*e= L->ts+L->tlen-1;
unsigned char*buf= ss_alloc(a,(size_t)L->tlen);
size_t n= 0;
ss_value*v;
while(p<e){
if(*p!='\\'){buf[n++]= (unsigned char)*p++;continue;}
p++;
switch(*p){
case'n':buf[n++]= '\n';p++;break;
case't':buf[n++]= '\t';p++;break;
case'r':buf[n++]= '\r';p++;break;
case'x':{
unsigned c= 0;
int k= 0;
p++;
while(k<2&&p<e&&isxdigit((unsigned char)*p)){
c= c*16+(unsigned)(isdigit((unsigned char)*p)?*p-'0':tolower((unsigned char)*p)-'a'+10);
p++;k++;
}
buf[n++]= (unsigned char)c;
break;
}
default:
if(*p>='0'&&*p<='7'){
unsigned c= 0;
for(int k= 0;k<3&&p<e&&*p>='0'&&*p<='7';k++)c= c*8+(unsigned)(*p++-'0');
buf[n++]= (unsigned char)c;
}else buf[n++]= (unsigned char)*p++;
}
}
v= val_new(a,SV_STR);
v->s= buf;
v->len= n;
lex_next(L);
if(lex_accept(L,"..."))v->more= true;
return v;
}

/*:34*//*35:*/
#line 845 "web/sockscript.w"

static ss_value*parse_list(ss_lexer*L,ss_arena*a)
{
ss_value*items[256],*v;
int n= 0;
bool more= false;
lex_next(L);
while(!is_punct(L,"]")&&L->tok!=T_END&&!L->err){
if(is_punct(L,"...")){
lex_next(L);
more= true;
break;
}
if(n==256){lex_error(L,"list too long");return NULL;}
if(!(items[n++]= parse_value(L,a)))return NULL;
if(!lex_accept(L,","))break;
}
if(!expect(L,"]"))return NULL;
v= val_list(a,n);
memcpy(v->item,items,(size_t)n*sizeof*items);
v->more= more;
return v;
}

/*:35*//*36:*/
#line 873 "web/sockscript.w"

static ss_value*parse_fields(ss_lexer*L,ss_arena*a)
{
ss_value*items[32],*v;
const char*names[32];
int n= 0;
bool more= false;
lex_next(L);
while(!is_punct(L,"}")&&L->tok!=T_END&&!L->err){
char*nm;
if(is_punct(L,"...")){lex_next(L);more= true;break;}
if(L->tok!=T_NAME){lex_error(L,"expected a field name");return NULL;}
if(n==32){lex_error(L,"too many fields");return NULL;}
nm= ss_alloc(a,(size_t)L->tlen+1);
memcpy(nm,L->ts,(size_t)L->tlen);
names[n]= nm;
lex_next(L);
if(!expect(L,"="))return NULL;
if(!(items[n++]= parse_value(L,a)))return NULL;
if(!lex_accept(L,","))break;
}
if(!expect(L,"}"))return NULL;
v= val_struct(a,struct_for_fields(names,n),n);
if(!v->st){lex_error(L,"no structure has these fields");return NULL;}
memcpy(v->item,items,(size_t)n*sizeof*items);
memcpy(v->field,names,(size_t)n*sizeof*names);
v->more= more;
return v;
}

/*:36*//*37:*/
#line 907 "web/sockscript.w"

static void parse_call_line(ss_script*s,ss_line*ln,ss_lexer*L)
{
ss_arena*a= &s->arena;
int c;
if(L->tok!=T_NAME||(c= call_lookup(L->ts,L->tlen))<0){
lex_error(L,L->tok==T_NAME?"unknown call":"expected a call");
return;
}
ln->call= c;
lex_next(L);
if(!expect(L,"("))return;
while(!is_punct(L,")")&&!L->err){
if(ln->nargs==SS_MAXARGS){lex_error(L,"too many arguments");return;}
if(!(ln->arg[ln->nargs++]= parse_value(L,a)))return;
if(!lex_accept(L,","))break;
}
if(!expect(L,")")||!expect(L,"="))return;
if(!(ln->ret= parse_value(L,a)))return;
if(L->tok==T_NAME)/*38:*/
#line 936 "web/sockscript.w"

{
long long e;
if(!sym_lookup(L->ts,(size_t)L->tlen,&e)){lex_error(L,"unknown error name");return;}
ln->err= val_int(a,e,SS_CLASS_ERRNO,SF_DEC);
ln->err->src= L->ts;
ln->err->srclen= L->tlen;
lex_next(L);
}

/*:38*/
#line 926 "web/sockscript.w"

if(L->tok==T_PUNCT&&L->punct[0]=='(')/*39:*/
#line 946 "web/sockscript.w"

{
int depth= 0;
while(L->tok!=T_END){
if(is_punct(L,"("))depth++;
if(is_punct(L,")")&&--depth==0){lex_next(L);break;}
lex_next(L);
}
}

/*:39*/
#line 927 "web/sockscript.w"

if(L->tok!=T_END){lex_error(L,"unexpected text after the result");return;}
if(L->p<L->end&&*L->p=='#'){
ln->comment= L->p;
ln->commentlen= (int)(L->end-L->p);
}
check_arity(ln,L);
}

/*:37*//*40:*/
#line 958 "web/sockscript.w"

static bool val_has(const ss_value*v,int kind)
{
if(!v)return false;
if(v->kind==kind)return true;
if(v->kind==SV_INOUT||v->kind==SV_BIND)return val_has(v->a,kind)||val_has(v->b,kind);
for(int i= 0;(v->kind==SV_LIST||v->kind==SV_STRUCT)&&i<v->n;i++)
if(val_has(v->item[i],kind))return true;
return false;
}

/*:40*//*41:*/
#line 972 "web/sockscript.w"

ss_script*ss_parse(const char*name,const char*text,size_t len,FILE*errs)
{
ss_script*s= calloc(1,sizeof*s);
int errors= 0,cap= 0;
const char*p,*end;
if(!s)abort();
s->name= ss_alloc(&s->arena,strlen(name)+1);
strcpy(s->name,name);
s->text= ss_alloc(&s->arena,len+1);
memcpy(s->text,text,len);
s->textlen= len;
for(p= s->text,end= s->text+len;p<end;){
const char*nl= memchr(p,'\n',(size_t)(end-p));
const char*e= nl?nl:end;
ss_line*ln;
if(s->nlines==cap)/*42:*/
#line 1001 "web/sockscript.w"

{
ss_line*nl2;
cap= cap?2*cap:64;
nl2= ss_alloc(&s->arena,(size_t)cap*sizeof*nl2);
if(s->nlines)memcpy(nl2,s->line,(size_t)s->nlines*sizeof*nl2);
s->line= nl2;
}

/*:42*/
#line 988 "web/sockscript.w"

ln= &s->line[s->nlines++];
memset(ln,0,sizeof*ln);
ln->lineno= s->nlines;
ln->text= p;
ln->len= (int)(e-p);
/*43:*/
#line 1010 "web/sockscript.w"

{
const char*q= p;
while(q<e&&(*q==' '||*q=='\t'||*q=='\r'))q++;
if(q==e)ln->kind= SL_BLANK;
else if(e-q>=2&&q[0]=='#'&&q[1]=='!'){
ln->kind= SL_HEADER;
/*44:*/
#line 1046 "web/sockscript.w"

{
const char*w= q+2,*we;
while(w<e&&isspace((unsigned char)*w))w++;
we= w;
while(we<e&&!isspace((unsigned char)*we))we++;
if(we-w==7&&!strncmp(w,"clauses",7)){
for(w= we;w<e;){
while(w<e&&isspace((unsigned char)*w))w++;
we= w;
while(we<e&&!isspace((unsigned char)*we))we++;
if(we> w){
char*id= ss_alloc(&s->arena,(size_t)(we-w)+1);
const char**nc= ss_alloc(&s->arena,(size_t)(s->nclauses+1)*sizeof*nc);
memcpy(id,w,(size_t)(we-w));
if(s->nclauses)memcpy(nc,s->clause,(size_t)s->nclauses*sizeof*nc);
nc[s->nclauses++]= id;
s->clause= nc;
}
w= we;
}
}else{
if(errs)fprintf(errs,"%s:%d: unknown header word '%.*s'\n",name,ln->lineno,
(int)(we-w),w);

errors++;
}
}

/*:44*/
#line 1017 "web/sockscript.w"

}else if(*q=='#')ln->kind= SL_COMMENT;
else{
ss_lexer L;
memset(&L,0,sizeof L);
L.p= q;
L.end= e;
ln->kind= SL_CALL;
lex_next(&L);
parse_call_line(s,ln,&L);
if(L.err){
if(errs)fprintf(errs,"%s:%d:%d: %s\n",name,ln->lineno,
(int)(L.errat-p)+1,L.err);
errors++;
}else{
if(ln->ret->kind==SV_UNKNOWN)s->unrecorded= true;
for(int i= 0;i<ln->nargs;i++){
if(val_has(ln->arg[i],SV_BIND))ln->binds= true;
if(val_has(ln->arg[i],SV_UNKNOWN))s->unrecorded= true;
}
if(val_has(ln->ret,SV_BIND))ln->binds= true;
}
}
}

/*:43*/
#line 994 "web/sockscript.w"

p= nl?nl+1:end;
}
if(errors){ss_free(s);return NULL;}
return s;
}

/*:41*//*45:*/
#line 1077 "web/sockscript.w"

ss_script*ss_load(const char*path,FILE*errs)
{
FILE*f= fopen(path,"rb");
char*buf;
long n;
ss_script*s;
if(!f){if(errs)fprintf(errs,"%s: %s\n",path,strerror(errno));return NULL;}
fseek(f,0,SEEK_END);
n= ftell(f);
fseek(f,0,SEEK_SET);
buf= malloc((size_t)n+1);
if(!buf||fread(buf,1,(size_t)n,f)!=(size_t)n){
if(errs)fprintf(errs,"%s: cannot read\n",path);
free(buf);
fclose(f);
return NULL;
}
fclose(f);
s= ss_parse(path,buf,(size_t)n,errs);
free(buf);
return s;
}

void ss_free(ss_script*s)
{
if(!s)return;
ss_arena_free(&s->arena);
free(s);
}

/*:45*/
#line 68 "web/sockscript.w"

/*48:*/
#line 1132 "web/sockscript.w"

static void ss_reserve(ss_buf*b,size_t n)
{
if(b->n+n+1> b->cap){
size_t cap= b->cap?b->cap:256;
while(cap<b->n+n+1)cap*= 2;
b->p= realloc(b->p,cap);
if(!b->p)abort();
b->cap= cap;
}
}

void ss_puts(ss_buf*b,const char*s,size_t n)
{
ss_reserve(b,n);
memcpy(b->p+b->n,s,n);
b->n+= n;
b->p[b->n]= '\0';
}

void ss_putc(ss_buf*b,char c){ss_puts(b,&c,1);}

void ss_vprintf(ss_buf*b,const char*fmt,va_list ap)
{
va_list measure;
int n;
va_copy(measure,ap);
n= vsnprintf(NULL,0,fmt,measure);
va_end(measure);
if(n<0)return;
ss_reserve(b,(size_t)n);
vsnprintf(b->p+b->n,(size_t)n+1,fmt,ap);
b->n+= (size_t)n;
}

void ss_printf(ss_buf*b,const char*fmt,...)
{
va_list ap;
va_start(ap,fmt);
ss_vprintf(b,fmt,ap);
va_end(ap);
}

/*:48*//*49:*/
#line 1179 "web/sockscript.w"

static void print_flags(ss_buf*b,int cls,long long v)
{
const ss_symclass*c= &ss_classes[cls];
unsigned long long rest= (unsigned long long)v;
bool first= true;
if(c->kind==SS_KIND_OFLAGS){
const char*acc= sym_name(cls,v&O_ACCMODE);
if(acc){ss_puts(b,acc,strlen(acc));first= false;rest&= ~(unsigned long long)O_ACCMODE;}
}
for(const ss_sym*s= c->sym;s->name&&rest;s++){
unsigned long long bit= (unsigned long long)s->value;
if(!bit||(bit&(bit-1))||!(rest&bit))continue;
if(c->kind==SS_KIND_OFLAGS&&(bit&O_ACCMODE))continue;
if(!first)ss_putc(b,'|');
ss_puts(b,s->name,strlen(s->name));
rest&= ~bit;
first= false;
}
if(rest||first){
if(!first)ss_putc(b,'|');
if(rest)ss_printf(b,"%#llx",rest);
else ss_putc(b,'0');
}
}

static void print_int(ss_buf*b,long long v,int cls,int fmt)
{
if(fmt==SF_PORT){ss_printf(b,"htons(%lld)",v);return;}
if(fmt==SF_ADDR){
ss_printf(b,"inet_addr(\"%u.%u.%u.%u\")",(unsigned)(v>>24)&255,
(unsigned)(v>>16)&255,(unsigned)(v>>8)&255,(unsigned)v&255);
return;
}
if(fmt==SF_U64){ss_printf(b,"%llu",(unsigned long long)v);return;}
if(cls>=0&&cls<SS_NCLASSES){
if(ss_classes[cls].kind!=SS_KIND_ENUM){print_flags(b,cls,v);return;}
{
const char*nm= sym_name(cls,v);
if(nm){ss_puts(b,nm,strlen(nm));return;}
}
}
if(fmt==SF_HEX)ss_printf(b,"%#llx",v);
else ss_printf(b,"%lld",v);
}

/*:49*//*50:*/
#line 1231 "web/sockscript.w"

static void print_string(ss_buf*b,const unsigned char*s,size_t n,bool more,bool hex)
{
ss_putc(b,'"');
for(size_t i= 0;i<n;i++){
unsigned char c= s[i];
if(hex)ss_printf(b,"\\x%02x",c);
else if(c=='"'||c=='\\'){ss_putc(b,'\\');ss_putc(b,(char)c);}
else if(c=='\n')ss_puts(b,"\\n",2);
else if(c=='\t')ss_puts(b,"\\t",2);
else if(c>=32&&c<127)ss_putc(b,(char)c);
else ss_printf(b,"\\x%02x",c);
}
ss_putc(b,'"');
if(more)ss_puts(b,"...",3);
}

/*:50*//*51:*/
#line 1251 "web/sockscript.w"

void ss_print_value(ss_buf*b,const ss_value*v,bool use_source)
{
if(!v){ss_putc(b,'?');return;}
if(use_source&&v->src&&v->srclen> 0){ss_puts(b,v->src,(size_t)v->srclen);return;}
switch(v->kind){
case SV_INT:print_int(b,v->i,v->cls,v->fmt);break;
case SV_RANGE:
if(v->fmt==SF_PORT)ss_printf(b,"htons(%lld..%lld)",v->i,v->hi);
else ss_printf(b,"%lld..%lld",v->i,v->hi);
break;
case SV_STR:print_string(b,v->s,v->len,v->more,v->fmt==SF_HEX);break;
case SV_NULL:ss_puts(b,"NULL",4);break;
case SV_ANY:ss_puts(b,"...",3);break;
case SV_UNKNOWN:ss_putc(b,'?');break;
case SV_VAR:
if(v->fmt==SF_PORT)ss_printf(b,"htons(%s$%s)",v->neg?"-":"",v->name);
else ss_printf(b,"%s$%s",v->neg?"-":"",v->name);
break;
case SV_BIND:
if(v->a&&v->a->fmt==SF_PORT){
ss_printf(b,"htons($%s=",v->name);
if(v->a->kind==SV_RANGE)ss_printf(b,"%lld..%lld",v->a->i,v->a->hi);
else{ss_value t= *v->a;t.fmt= SF_DEC;t.src= NULL;ss_print_value(b,&t,false);}
ss_putc(b,')');
}else{
ss_printf(b,"$%s=",v->name);
ss_print_value(b,v->a,use_source);
}
break;
case SV_INOUT:
ss_print_value(b,v->a,use_source);
ss_puts(b," => ",4);
ss_print_value(b,v->b,use_source);
break;
case SV_LIST:
ss_putc(b,'[');
for(int i= 0;i<v->n;i++){
if(i)ss_puts(b,", ",2);
ss_print_value(b,v->item[i],use_source);
}
if(v->more)ss_puts(b,v->n?", ...":"...",v->n?5:3);
ss_putc(b,']');
break;
case SV_STRUCT:
ss_putc(b,'{');
for(int i= 0;i<v->n;i++){
if(i)ss_puts(b,", ",2);
ss_printf(b,"%s=",v->field[i]);
ss_print_value(b,v->item[i],use_source);
}
if(v->more)ss_puts(b,v->n?", ...":"...",v->n?5:3);
ss_putc(b,'}');
break;
}
}

/*:51*/
#line 69 "web/sockscript.w"

/*54:*/
#line 1339 "web/sockscript.w"

bool ss_env_get(const ss_env*e,const char*name,long long*value)
{
int k= 0;
if(!strncmp(name,"pid",3)||!strncmp(name,"pgrp",4)){
bool pg= name[1]=='g';
const char*num= name+(pg?4:3);
if(!*num)k= e->cur;
else{
char*end;
long n= strtol(num,&end,10);
if(*end||n<1||n> e->nprocs)goto bound;
k= (int)n-1;
}
if(k<0||k>=e->nprocs)return false;
*value= pg?e->pgrp[k]:e->pid[k];
return true;
}
bound:
for(int i= 0;i<e->nvars;i++)
if(!strcmp(e->var[i].name,name)){*value= e->var[i].value;return true;}
return false;
}

static bool env_bind(ss_env*e,const char*name,long long value)
{
long long old;
if(ss_env_get(e,name,&old))return old==value;
if(e->nvars==SS_MAXVARS||strlen(name)>=sizeof e->var[0].name)return false;
snprintf(e->var[e->nvars].name,sizeof e->var[0].name,"%s",name);
e->var[e->nvars++].value= value;
return true;
}

/*:54*//*55:*/
#line 1379 "web/sockscript.w"

bool ss_match(const ss_value*x,const ss_value*y,ss_env*e)
{
long long v;
if(!x)return true;
if(x->kind==SV_INOUT)return ss_match(x->b,y,e);
if(x->kind==SV_ANY)return true;
if(!y)return false;
switch(x->kind){
case SV_UNKNOWN:return false;
case SV_INT:return y->kind==SV_INT&&y->i==x->i;
case SV_RANGE:return y->kind==SV_INT&&y->i>=x->i&&y->i<=x->hi;
case SV_NULL:return y->kind==SV_NULL;
case SV_VAR:
if(!ss_env_get(e,x->name,&v))return false;
return y->kind==SV_INT&&y->i==(x->neg?-v:v);
case SV_BIND:
return(x->a->kind==SV_UNKNOWN||ss_match(x->a,y,e))&&y->kind==SV_INT&&
env_bind(e,x->name,y->i);
case SV_STR:
if(y->kind!=SV_STR)return false;
if(x->more?y->len<x->len:y->len!=x->len)return false;
return!x->len||!memcmp(x->s,y->s,x->len)||
ip_alike((const unsigned char*)x->s,(const unsigned char*)y->s,x->len,false);
case SV_LIST:
if(y->kind!=SV_LIST||(x->more?y->n<x->n:y->n!=x->n))return false;
for(int i= 0;i<x->n;i++)
if(!ss_match(x->item[i],y->item[i],e))return false;
return true;
case SV_STRUCT:
if(y->kind!=SV_STRUCT)return false;
for(int i= 0;i<x->n;i++){
const ss_value*f= struct_get(y,x->field[i]);
if(!f||!ss_match(x->item[i],f,e))return false;
}
return true;
}
return false;
}

/*:55*//*57:*/
#line 1446 "web/sockscript.w"

static bool ip_header_sums(const unsigned char*p,size_t hl)
{
unsigned long sum= 0;
for(size_t i= 0;i+1<hl;i+= 2)sum+= (unsigned long)(p[i]<<8|p[i+1]);
while(sum>>16)sum= (sum&0xffff)+(sum>>16);
return sum==0xffff;
}

static bool ephemeral(unsigned port){return port>=32768&&port<=60999;}

static bool ip_alike(const unsigned char*a,const unsigned char*b,size_t len,bool quoted)
{
size_t hl,n;
bool id,ports= false;
unsigned proto;
if(len<5||a[0]<0x45||a[0]> 0x4f)return false;
hl= (size_t)(a[0]&0xf)*4;
id= a[4]||(len> 5&&a[5]);
if(!quoted&&len>=hl&&(!ip_header_sums(a,hl)||!ip_header_sums(b,hl)))return false;
for(size_t i= 0;i<len&&i<hl;i++)
if(a[i]!=b[i]&&!(id&&(i==4||i==5||i==10||i==11)))return false;
if(len<=hl)return true;
proto= a[9];
n= len-hl;
a+= hl;
b+= hl;
switch(proto){
case 17:case 136:
for(size_t k= 0;k<4&&k<n;k+= 2){
if(k+1>=n)return a[k]==b[k];
if(a[k]!=b[k]||a[k+1]!=b[k+1]){
if(!ephemeral((unsigned)(a[k]<<8|a[k+1]))||
!ephemeral((unsigned)(b[k]<<8|b[k+1])))
return false;
ports= true;
}
}
for(size_t i= 4;i<n;i++)
if(a[i]!=b[i]&&!(ports&&(i==6||i==7)))return false;
return true;
case 1:
if(quoted||n<=8||!(a[0]==3||a[0]==4||a[0]==5||a[0]==11||a[0]==12))
return!memcmp(a,b,n);
if(memcmp(a,b,2)||memcmp(a+4,b+4,4))return false;
if(!memcmp(a+8,b+8,n-8))return a[2]==b[2]&&a[3]==b[3];
return ip_alike(a+8,b+8,n-8,true);
}
return!memcmp(a,b,n);
}

/*:57*//*59:*/
#line 1502 "web/sockscript.w"

static const ss_value*struct_get(const ss_value*v,const char*name)
{
for(int i= 0;i<v->n;i++)
if(!strcmp(v->field[i],name))return v->item[i];
return NULL;
}

/*:59*//*61:*/
#line 1532 "web/sockscript.w"

ss_value*ss_merge(ss_arena*a,const ss_value*x,const ss_value*y,ss_env*e,
long long lo,long long hi)
{
ss_value*m;
if(!y)return(ss_value*)x;
if(x&&x->kind==SV_INOUT){
ss_env scratch= *e;
if(x->b!=x->a&&is_pattern(x->b)&&ss_match(x->b,y,&scratch))return(ss_value*)x;
scratch= *e;
if(x->b==x->a&&ss_match(x->a,y,&scratch))return(ss_value*)x->a;
m= val_new(a,SV_INOUT);
m->a= x->a;
m->b= ss_merge(a,x->b==x->a?NULL:x->b,y,e,lo,hi);
return m;
}
if(x&&x->kind==SV_BIND){
ss_env scratch= *e;
m= val_new(a,SV_BIND);
m->name= x->name;
m->a= x->a->kind!=SV_UNKNOWN&&ss_match(x->a,y,&scratch)?x->a:
ss_merge(a,x->a->kind==SV_UNKNOWN?NULL:x->a,y,e,lo,hi);
return m;
}
if(x&&x->kind!=SV_INT&&x->kind!=SV_STR&&x->kind!=SV_LIST&&
x->kind!=SV_STRUCT&&x->kind!=SV_NULL&&x->kind!=SV_UNKNOWN){
ss_env scratch= *e;
if(ss_match(x,y,&scratch)){*e= scratch;return(ss_value*)x;}
}
if(x&&x->kind==SV_STR&&x->more){
ss_env scratch= *e;
if(ss_match(x,y,&scratch))return(ss_value*)x;
}
if(y->nondet==ND_TIME)return val_new(a,SV_ANY);
if(y->nondet==ND_CPU&&y->kind==SV_INT&&y->i>=0&&y->i<=SS_MAX_CPU&&
!(x&&x->kind==SV_INT&&x->i==y->i)){
m= val_int(a,0,-1,SF_DEC);
m->kind= SV_RANGE;
m->hi= SS_MAX_CPU;
return m;
}
if(y->nondet==ND_PORT&&y->kind==SV_INT)
for(int k= 0;k<e->nvars;k++)
if(e->var[k].value==y->i){
m= val_new(a,SV_VAR);
m->name= e->var[k].name;
m->fmt= SF_PORT;
return m;
}
if(y->nondet==ND_PORT&&y->kind==SV_INT&&y->i>=lo&&y->i<=hi){
m= val_int(a,lo,-1,SF_PORT);
m->kind= SV_RANGE;
m->hi= hi;
return m;
}
/*63:*/
#line 1609 "web/sockscript.w"

if(x&&y->kind==SV_LIST&&x->kind==SV_LIST&&!x->more&&x->n==y->n){
m= val_list(a,y->n);
for(int i= 0;i<y->n;i++)m->item[i]= ss_merge(a,x->item[i],y->item[i],e,lo,hi);
return m;
}
if(y->kind==SV_LIST){
bool any= false;
for(int i= 0;i<y->n;i++)if(y->item[i]->nondet||y->item[i]->kind>=SV_LIST)any= true;
if(any){
m= val_list(a,y->n);
for(int i= 0;i<y->n;i++)m->item[i]= ss_merge(a,NULL,y->item[i],e,lo,hi);
return m;
}
}
if(y->kind==SV_STRUCT){
m= val_struct(a,y->st,y->n);
for(int i= 0;i<y->n;i++){
const ss_value*xf= x&&x->kind==SV_STRUCT?struct_get(x,y->field[i]):NULL;
m->field[i]= y->field[i];
m->item[i]= ss_merge(a,xf,y->item[i],e,lo,hi);
}
return m;
}

/*:63*/
#line 1587 "web/sockscript.w"

if(y->kind==SV_INT&&y->cls==SS_CLS_PID)return pid_value(a,y,e);
return(ss_value*)y;
}

/*:61*//*62:*/
#line 1595 "web/sockscript.w"

static bool is_pattern(const ss_value*v)
{
switch(v->kind){
case SV_ANY:case SV_RANGE:case SV_VAR:case SV_BIND:return true;
case SV_STR:case SV_LIST:case SV_STRUCT:return v->more;
}
return false;
}

/*:62*//*64:*/
#line 1639 "web/sockscript.w"

static ss_value*pid_value(ss_arena*a,const ss_value*y,ss_env*e)
{
static const char*const names[2]= {"pid","pgrp"};
for(int turn= 0;turn<2;turn++){
int pass= y->i<0?1-turn:turn;
for(int sign= 1;sign>=-1;sign-= 2)
for(int k= -1;k<e->nprocs;k++){
long long id= (pass?e->pgrp:e->pid)[k<0?e->cur:k];
if(id&&y->i==sign*id){
ss_value*v= val_new(a,SV_VAR);
char*nm= ss_alloc(a,16);
if(k<0)snprintf(nm,16,"%s",names[pass]);
else snprintf(nm,16,"%s%d",names[pass],k+1);
v->name= nm;
v->neg= sign<0;
return v;
}
}
}
return(ss_value*)y;
}

/*:64*/
#line 70 "web/sockscript.w"

/*67:*/
#line 36 "web/sscalls.w"

#define FLD(T, NAME, M, K, C) {NAME, K, offsetof(struct T, M), sizeof(((struct T *) 0)->M), C, false}
#define HIDDEN(T, NAME, M, K) {NAME, K, offsetof(struct T, M), sizeof(((struct T *) 0)->M), -1, true}
static const struct ss_struct ss_structs[]= {
{"sockaddr_in",sizeof(struct sockaddr_in),ST_PLAIN,4,{
FLD(sockaddr_in,"sa_family",sin_family,FK_U16,SS_CLASS_AF),
FLD(sockaddr_in,"sin_port",sin_port,FK_PORT,-1),
FLD(sockaddr_in,"sin_addr",sin_addr,FK_ADDR,-1),
HIDDEN(sockaddr_in,"sin_zero",sin_zero,FK_BYTES)}},
{"in_addr",sizeof(struct in_addr),ST_PLAIN,1,{
FLD(in_addr,"s_addr",s_addr,FK_ADDR,-1)}},
{"linger",sizeof(struct linger),ST_PLAIN,2,{
FLD(linger,"l_onoff",l_onoff,FK_I32,-1),
FLD(linger,"l_linger",l_linger,FK_I32,-1)}},
{"timeval",sizeof(struct timeval),ST_PLAIN,2,{
FLD(timeval,"tv_sec",tv_sec,FK_I64,-1),
FLD(timeval,"tv_usec",tv_usec,FK_I64,-1)}},
{"timespec",sizeof(struct timespec),ST_PLAIN,2,{
FLD(timespec,"tv_sec",tv_sec,FK_I64,-1),
FLD(timespec,"tv_nsec",tv_nsec,FK_I64,-1)}},
{"ip_mreq",sizeof(struct ip_mreq),ST_PLAIN,2,{
FLD(ip_mreq,"imr_multiaddr",imr_multiaddr,FK_ADDR,-1),
FLD(ip_mreq,"imr_interface",imr_interface,FK_ADDR,-1)}},
{"ip_mreqn",sizeof(struct ip_mreqn),ST_PLAIN,3,{
FLD(ip_mreqn,"imr_multiaddr",imr_multiaddr,FK_ADDR,-1),
FLD(ip_mreqn,"imr_address",imr_address,FK_ADDR,-1),
FLD(ip_mreqn,"imr_ifindex",imr_ifindex,FK_I32,-1)}},
{"ip_mreq_source",sizeof(struct ip_mreq_source),ST_PLAIN,3,{
FLD(ip_mreq_source,"imr_multiaddr",imr_multiaddr,FK_ADDR,-1),
FLD(ip_mreq_source,"imr_interface",imr_interface,FK_ADDR,-1),
FLD(ip_mreq_source,"imr_sourceaddr",imr_sourceaddr,FK_ADDR,-1)}},
{"ip_msfilter",offsetof(struct ip_msfilter,imsf_slist),ST_MSFILTER,5,{
FLD(ip_msfilter,"imsf_multiaddr",imsf_multiaddr,FK_ADDR,-1),
FLD(ip_msfilter,"imsf_interface",imsf_interface,FK_ADDR,-1),
FLD(ip_msfilter,"imsf_fmode",imsf_fmode,FK_U32,SS_CLASS_MCASTMODE),
FLD(ip_msfilter,"imsf_numsrc",imsf_numsrc,FK_U32,-1),
{"imsf_slist",FK_ADDRLIST,offsetof(struct ip_msfilter,imsf_slist),4,-1,false}}},
{"in_pktinfo",sizeof(struct in_pktinfo),ST_PLAIN,3,{
FLD(in_pktinfo,"ipi_ifindex",ipi_ifindex,FK_I32,-1),
FLD(in_pktinfo,"ipi_spec_dst",ipi_spec_dst,FK_ADDR,-1),
FLD(in_pktinfo,"ipi_addr",ipi_addr,FK_ADDR,-1)}},
{"ucred",sizeof(struct ucred),ST_PLAIN,3,{
FLD(ucred,"pid",pid,FK_I32,-1),
FLD(ucred,"uid",uid,FK_I32,-1),
FLD(ucred,"gid",gid,FK_I32,-1)}},
{"sock_extended_err",sizeof(struct sock_extended_err),ST_PLAIN,7,{
FLD(sock_extended_err,"ee_errno",ee_errno,FK_U32,SS_CLASS_ERRNO),
FLD(sock_extended_err,"ee_origin",ee_origin,FK_U8,SS_CLASS_EEORIGIN),
FLD(sock_extended_err,"ee_type",ee_type,FK_U8,-1),
FLD(sock_extended_err,"ee_code",ee_code,FK_U8,-1),
HIDDEN(sock_extended_err,"ee_pad",ee_pad,FK_U8),
FLD(sock_extended_err,"ee_info",ee_info,FK_U32,-1),
FLD(sock_extended_err,"ee_data",ee_data,FK_U32,-1)}},
{"sock_filter",sizeof(struct sock_filter),ST_PLAIN,4,{
FLD(sock_filter,"code",code,FK_U16,-1),
FLD(sock_filter,"jt",jt,FK_U8,-1),
FLD(sock_filter,"jf",jf,FK_U8,-1),
FLD(sock_filter,"k",k,FK_U32,-1)}},
{"sock_fprog",sizeof(struct sock_fprog),ST_FPROG,2,{
FLD(sock_fprog,"len",len,FK_U16,-1),
{"filter",FK_FILTERS,offsetof(struct sock_fprog,filter),sizeof(void*),-1,false}}},
{"pollfd",sizeof(struct pollfd),ST_PLAIN,3,{
FLD(pollfd,"fd",fd,FK_I32,-1),
FLD(pollfd,"events",events,FK_I16,SS_CLASS_POLLEV),
FLD(pollfd,"revents",revents,FK_I16,SS_CLASS_POLLEV)}},
{"iovec",sizeof(struct iovec),ST_IOVEC,2,{
{"iov_base",FK_SPECIAL,0,0,-1,false},{"iov_len",FK_SPECIAL,0,0,-1,false}}},
{"cmsghdr",sizeof(struct cmsghdr),ST_CMSG,4,{
{"cmsg_len",FK_SPECIAL,0,0,-1,false},{"cmsg_level",FK_SPECIAL,0,0,SS_CLASS_LEVEL,false},
{"cmsg_type",FK_SPECIAL,0,0,SS_CLS_CMSGTYPE,false},{"cmsg_data",FK_SPECIAL,0,0,-1,false}}},
{"msghdr",sizeof(struct msghdr),ST_MSGHDR,7,{
{"msg_name",FK_SPECIAL,0,0,-1,false},{"msg_namelen",FK_SPECIAL,0,0,-1,false},
{"msg_iov",FK_SPECIAL,0,0,-1,false},{"msg_iovlen",FK_SPECIAL,0,0,-1,false},
{"msg_control",FK_SPECIAL,0,0,-1,false},{"msg_controllen",FK_SPECIAL,0,0,-1,false},
{"msg_flags",FK_SPECIAL,0,0,SS_CLASS_MSGFLAGS,false}}},
};
#define SS_NSTRUCTS ((int) (sizeof ss_structs / sizeof ss_structs[0]))

/*:67*//*68:*/
#line 116 "web/sscalls.w"

static const struct ss_struct*st_by_name(const char*name)
{
for(int i= 0;i<SS_NSTRUCTS;i++)
if(!strcmp(ss_structs[i].name,name))return&ss_structs[i];
return NULL;
}

static const ss_field*st_field(const struct ss_struct*st,const char*name)
{
for(int i= 0;i<st->nf;i++)
if(!strcmp(st->f[i].name,name))return&st->f[i];
return NULL;
}

static const struct ss_struct*struct_for_fields(const char**names,int n)
{
for(int i= 0;i<SS_NSTRUCTS;i++){
int k;
for(k= 0;k<n&&st_field(&ss_structs[i],names[k]);k++);
if(k==n)return&ss_structs[i];
}
return NULL;
}

/*:68*//*69:*/
#line 145 "web/sscalls.w"

static long long field_get(const ss_field*f,const unsigned char*p)
{
uint8_t u8;int16_t i16;uint16_t u16;int32_t i32;uint32_t u32;int64_t i64;
p+= f->off;
switch(f->kind){
case FK_U8:memcpy(&u8,p,1);return u8;
case FK_I16:memcpy(&i16,p,2);return i16;
case FK_U16:memcpy(&u16,p,2);return u16;
case FK_I32:memcpy(&i32,p,4);return i32;
case FK_U32:memcpy(&u32,p,4);return u32;
case FK_I64:memcpy(&i64,p,8);return i64;
case FK_PORT:memcpy(&u16,p,2);return ntohs(u16);
case FK_ADDR:memcpy(&u32,p,4);return ntohl(u32);
}
return 0;
}

static void field_put(const ss_field*f,unsigned char*p,long long v)
{
uint8_t u8= (uint8_t)v;uint16_t u16= (uint16_t)v;uint32_t u32= (uint32_t)v;
int64_t i64= v;
p+= f->off;
switch(f->kind){
case FK_U8:memcpy(p,&u8,1);break;
case FK_I16:case FK_U16:memcpy(p,&u16,2);break;
case FK_I32:case FK_U32:memcpy(p,&u32,4);break;
case FK_I64:memcpy(p,&i64,8);break;
case FK_PORT:u16= htons(u16);memcpy(p,&u16,2);break;
case FK_ADDR:u32= htonl(u32);memcpy(p,&u32,4);break;
}
}

/*:69*//*70:*/
#line 182 "web/sscalls.w"

static ss_value*decode_struct(ss_arena*a,const struct ss_struct*st,
const unsigned char*p,size_t len)
{
ss_value*v= val_struct(a,st,st->nf);
int n= 0;
for(int i= 0;i<st->nf;i++){
const ss_field*f= &st->f[i];
ss_value*item;
if(f->kind==FK_BYTES){
bool zero= true;
for(int k= 0;k<f->size;k++)if(p[f->off+k])zero= false;
if(zero&&f->hide_zero)continue;
item= val_bytes(a,p+f->off,f->size);
}else if(f->kind==FK_ADDRLIST){
size_t cnt= len> f->off?(len-f->off)/4:0;
item= val_list(a,(int)cnt);
for(size_t k= 0;k<cnt;k++){
uint32_t u;
memcpy(&u,p+f->off+4*k,4);
item->item[k]= val_int(a,ntohl(u),-1,SF_ADDR);
}
}else{
long long x= field_get(f,p);
if(!x&&f->hide_zero)continue;
item= val_int(a,x,f->cls,f->kind==FK_PORT?SF_PORT:f->kind==FK_ADDR?SF_ADDR:SF_DEC);
}
v->field[n]= f->name;
v->item[n++]= item;
}
v->n= n;
return v;
}

/*:70*//*72:*/
#line 277 "web/sscalls.w"

#define I AK_INT
#define L AK_LONG
#define N (-1)
static const ss_call ss_calls[C_NCALLS]= {
{"socket",3,3,{I,I,I},{SS_CLASS_AF,SS_CLASS_SOCKTYPE,SS_CLASS_IPPROTO},{N,N,N}},
{"socketpair",4,4,{I,I,I,AK_SV},{SS_CLASS_AF,SS_CLASS_SOCKTYPE,SS_CLASS_IPPROTO,-1},{N,N,N,N}},
{"close",1,1,{I},{-1},{N}},
{"fcntl",2,3,{I,I,AK_FCNTLARG},{-1,SS_CLASS_FCNTL,-1},{N,N,N}},
{"ioctl",2,3,{I,AK_LONG,AK_IOCTLARG},{-1,SS_CLASS_IOCTL,-1},{N,N,N}},
{"pread",4,4,{I,AK_OUTBUF,L,L},{-1,-1,-1,-1},{N,2,N,N}},
{"pwrite",4,4,{I,AK_INBUF,L,L},{-1,-1,-1,-1},{N,2,N,N}},
{"getsockopt",5,5,{I,I,I,AK_OPTOUT,AK_LENIO},{-1,SS_CLASS_LEVEL,SS_CLS_OPTNAME,-1,-1},{N,N,N,4,N}},
{"setsockopt",5,5,{I,I,I,AK_OPTIN,I},{-1,SS_CLASS_LEVEL,SS_CLS_OPTNAME,-1,-1},{N,N,N,4,N}},
{"bind",3,3,{I,AK_SAIN,I},{-1,-1,-1},{N,2,N}},
{"connect",3,3,{I,AK_SAIN,I},{-1,-1,-1},{N,2,N}},
{"listen",2,2,{I,I},{-1,-1},{N,N}},
{"getsockname",3,3,{I,AK_SAOUT,AK_LENIO},{-1,-1,-1},{N,2,N}},
{"getpeername",3,3,{I,AK_SAOUT,AK_LENIO},{-1,-1,-1},{N,2,N}},
{"send",4,4,{I,AK_INBUF,L,I},{-1,-1,-1,SS_CLASS_MSGFLAGS},{N,2,N,N}},
{"sendto",6,6,{I,AK_INBUF,L,I,AK_SAIN,I},{-1,-1,-1,SS_CLASS_MSGFLAGS,-1,-1},{N,2,N,N,5,N}},
{"sendmsg",3,3,{I,AK_MSGIN,I},{-1,-1,SS_CLASS_MSGFLAGS},{N,N,N}},
{"recv",4,4,{I,AK_OUTBUF,L,I},{-1,-1,-1,SS_CLASS_MSGFLAGS},{N,2,N,N}},
{"recvfrom",6,6,{I,AK_OUTBUF,L,I,AK_SAOUT,AK_LENIO},{-1,-1,-1,SS_CLASS_MSGFLAGS,-1,-1},{N,2,N,N,5,N}},
{"recvmsg",3,3,{I,AK_MSGIO,I},{-1,-1,SS_CLASS_MSGFLAGS},{N,N,N}},
{"read",3,3,{I,AK_OUTBUF,L},{-1,-1,-1},{N,2,N}},
{"write",3,3,{I,AK_INBUF,L},{-1,-1,-1},{N,2,N}},
{"readv",3,3,{I,AK_IOVOUT,I},{-1,-1,-1},{N,N,N}},
{"writev",3,3,{I,AK_IOVIN,I},{-1,-1,-1},{N,N,N}},
{"shutdown",2,2,{I,I},{-1,SS_CLASS_SHUT},{N,N}},
{"poll",3,3,{AK_POLLFD,I,I},{-1,-1,-1},{N,N,N}},
{"select",5,5,{I,AK_FDSET,AK_FDSET,AK_FDSET,AK_TVIO},{-1,-1,-1,-1,-1},{N,N,N,N,N}},
{"setuid",1,1,{I},{-1},{N}},
{"seteuid",1,1,{I},{-1},{N}},
{"cap_drop",1,1,{I},{SS_CLASS_CAP},{N}},
{"sysctl_set",2,2,{AK_CSTR,AK_CSTR},{-1,-1},{N,N}},
{"sysctl_get",2,2,{AK_CSTR,AK_OUTSTR},{-1,-1},{N,N}},
{"advance",1,1,{L},{-1},{N}},
{"proc_new",1,1,{I},{-1},{N}},
{"proc_switch",1,1,{I},{-1},{N}},
{"signal_count",1,1,{I},{SS_CLASS_SIGNAL},{N}},
{"sigaction",3,3,{I,AK_CSTR,I},{SS_CLASS_SIGNAL,-1,SS_CLASS_SAFLAGS},{N,N,N}},
{"sigprocmask",2,2,{I,I},{SS_CLASS_SIGHOW,SS_CLASS_SIGNAL},{N,N}},
{"sigpending",1,1,{I},{SS_CLASS_SIGNAL},{N}},
{"setitimer",5,5,{I,L,L,L,L},{SS_CLASS_ITIMER,-1,-1,-1,-1},{N,N,N,N,N}},
{"alarm",1,1,{I},{-1},{N}},
{"kill",2,2,{I,I},{-1,SS_CLASS_SIGNAL},{N,N}},
{"ppoll",4,4,{AK_POLLFD,I,I,I},{-1,-1,-1,SS_CLASS_SIGNAL},{N,N,N,N}},
};
#undef I
#undef L
#undef N

/*:72*//*73:*/
#line 330 "web/sscalls.w"

static int call_lookup(const char*name,int len)
{
for(int i= 0;i<C_NCALLS;i++)
if((int)strlen(ss_calls[i].name)==len&&!strncmp(ss_calls[i].name,name,(size_t)len))
return i;
return-1;
}

static void check_arity(ss_line*ln,ss_lexer*L)
{
const ss_call*c= &ss_calls[ln->call];
if(ln->nargs<c->min||ln->nargs> c->max){
L->errat= ln->text;
L->err= ln->nargs<c->min?"too few arguments":"too many arguments";
}
}

/*:73*//*75:*/
#line 354 "web/sscalls.w"

const char*ss_call_name(int call){return call>=0&&call<C_NCALLS?ss_calls[call].name:NULL;}
int ss_ncalls(void){return C_NCALLS;}

/*:75*//*76:*/
#line 366 "web/sscalls.w"

static ss_value*int_list(ss_arena*a,const unsigned char*p,size_t len,int cls)
{
ss_value*v= val_list(a,(int)(len/4));
for(size_t k= 0;k<len/4;k++){
int32_t x;
memcpy(&x,p+4*k,4);
v->item[k]= val_int(a,x,cls,SF_DEC);
}
return v;
}

static ss_value*decode_optval(ss_arena*a,long long level,long long name,
const unsigned char*p,size_t len)
{
const char*st= NULL;
int cls= -1;
if(level==SOL_SOCKET){
switch(name){
case SO_LINGER:st= "linger";break;
case SO_RCVTIMEO:case SO_SNDTIMEO:case SO_RCVTIMEO_NEW:case SO_SNDTIMEO_NEW:st= "timeval";break;
case SO_PEERCRED:st= "ucred";break;
case SO_PEERNAME:st= "sockaddr_in";break;
case SO_BINDTODEVICE:return val_str(a,p,len);
case SO_GET_FILTER:return decode_filters(a,p,len);
case SO_MAX_PACING_RATE:
if(len==8){
uint64_t u;
memcpy(&u,p,8);
ss_value*v= val_list(a,1);
v->item[0]= val_int(a,(long long)u,-1,SF_U64);
return v;
}
break;
case SO_COOKIE:case SO_NETNS_COOKIE:
if(len==8){
uint64_t u;
memcpy(&u,p,8);
ss_value*v= val_list(a,1);
v->item[0]= val_int(a,(long long)u,-1,SF_U64);
v->nondet= ND_TIME;
return v;
}
break;
case SO_INCOMING_CPU:
if(len==4){
ss_value*v= int_list(a,p,len,-1);
v->item[0]->nondet= ND_CPU;
return v;
}
break;
case SO_TYPE:cls= SS_CLASS_SOCKTYPE;break;
case SO_DOMAIN:cls= SS_CLASS_AF;break;
case SO_PROTOCOL:cls= SS_CLASS_IPPROTO;break;
case SO_ERROR:cls= SS_CLASS_ERRNO;break;
case SO_TIMESTAMPING_OLD:case SO_TIMESTAMPING_NEW:
if(len==8)return int_list(a,p,len,-1);
break;
}
}else if(level==IPPROTO_IP){
switch(name){
case IP_MULTICAST_IF:st= "in_addr";break;
case IP_MSFILTER:if(len>=16)return decode_struct(a,st_by_name("ip_msfilter"),p,len);break;
case IP_OPTIONS:case IP_PKTOPTIONS:return val_bytes(a,p,len);
case IP_MTU_DISCOVER:cls= SS_CLASS_PMTUDISC;break;
case 52:
if(len==4){
ss_value*v= int_list(a,p,len,-1);
v->item[0]->nondet= ND_PORT;
return v;
}
if(len> 0&&len<4){
ss_value*v= val_bytes(a,p,len);
v->nondet= ND_TIME;
return v;
}
break;
}
}
if(st){
const struct ss_struct*s= st_by_name(st);
if(len==s->size)return decode_struct(a,s,p,len);
}
if(len==4)return int_list(a,p,len,cls);
return val_bytes(a,p,len);
}

/*:76*//*77:*/
#line 456 "web/sscalls.w"

static ss_value*decode_filters(ss_arena*a,const unsigned char*p,size_t len)
{
const struct ss_struct*st= st_by_name("sock_filter");
ss_value*v= val_list(a,(int)(len/st->size));
for(int k= 0;k<v->n;k++)v->item[k]= decode_struct(a,st,p+k*st->size,st->size);
return v;
}

/*:77*//*78:*/
#line 469 "web/sscalls.w"

static ss_value*decode_sockaddr(ss_arena*a,const unsigned char*p,size_t len)
{
uint16_t fam= 0;
if(len>=2)memcpy(&fam,p,2);
if(len==sizeof(struct sockaddr_in)&&fam==AF_INET){
ss_value*v= decode_struct(a,st_by_name("sockaddr_in"),p,len);
for(int i= 0;i<v->n;i++)
if(!strcmp(v->field[i],"sin_port"))v->item[i]->nondet= ND_PORT;
return v;
}
if(len==2||(len==sizeof(struct sockaddr_in)&&fam==AF_UNSPEC)){
bool zero= true;
for(size_t k= 2;k<len;k++)if(p[k])zero= false;
if(zero){
ss_value*v= val_struct(a,st_by_name("sockaddr_in"),1);
v->field[0]= "sa_family";
v->item[0]= val_int(a,fam,SS_CLASS_AF,SF_DEC);
return v;
}
}
return val_bytes(a,p,len);
}

/*:78*//*80:*/
#line 503 "web/sscalls.w"

static ss_value*decode_cmsg_data(ss_arena*a,int level,int type,
const unsigned char*p,size_t len)
{
const char*st= NULL;
ss_value*v;
if(level==SOL_SOCKET&&(type==SO_TIMESTAMP_OLD||type==SO_TIMESTAMPNS_OLD||
type==SO_TIMESTAMP_NEW||type==SO_TIMESTAMPNS_NEW)){
bool us= type==SO_TIMESTAMP_OLD||type==SO_TIMESTAMP_NEW;
v= decode_struct(a,st_by_name(us?"timeval":"timespec"),p,
len>=16?16:len);
v->nondet= ND_TIME;
return v;
}
if(level==SOL_SOCKET&&(type==SO_TIMESTAMPING_OLD||type==SO_TIMESTAMPING_NEW))
/*81:*/
#line 548 "web/sscalls.w"

{
const struct ss_struct*ts= st_by_name("timespec");
if(len!=3*ts->size){
v= val_bytes(a,p,len);
v->nondet= ND_TIME;
return v;
}
v= val_list(a,3);
for(int k= 0;k<3;k++)v->item[k]= decode_struct(a,ts,p+k*ts->size,ts->size);
for(int k= 0;k<v->item[0]->n;k++)v->item[0]->item[k]->nondet= ND_TIME;
return v;
}

/*:81*/
#line 518 "web/sscalls.w"

if(level==IPPROTO_IP){
switch(type){
case IP_PKTINFO:st= "in_pktinfo";break;
case IP_ORIGDSTADDR:if(len==sizeof(struct sockaddr_in))return decode_sockaddr(a,p,len);break;
case IP_RECVERR:
if(len>=sizeof(struct sock_extended_err)){
size_t ee= sizeof(struct sock_extended_err);
v= val_list(a,len>=ee+sizeof(struct sockaddr_in)?2:1);
v->item[0]= decode_struct(a,st_by_name("sock_extended_err"),p,ee);
if(v->n==2)v->item[1]= decode_sockaddr(a,p+ee,sizeof(struct sockaddr_in));
return v;
}
break;
case IP_RECVOPTS:case IP_RETOPTS:return val_bytes(a,p,len);
}
}
if(st&&len==st_by_name(st)->size)return decode_struct(a,st_by_name(st),p,len);
if(len==4)return int_list(a,p,len,-1);
return val_bytes(a,p,len);
}

/*:80*//*82:*/
#line 567 "web/sscalls.w"

static ss_value*decode_control(ss_arena*a,unsigned char*p,size_t len)
{
struct msghdr m;
struct cmsghdr*c;
ss_value*items[64];
int n= 0;
ss_value*v;
if(len){
unsigned char*aligned= ss_alloc(a,len);
memcpy(aligned,p,len);
p= aligned;
}
memset(&m,0,sizeof m);
m.msg_control= p;
m.msg_controllen= len;
for(c= CMSG_FIRSTHDR(&m);c&&n<64;c= CMSG_NXTHDR(&m,c)){
ss_value*r= val_struct(a,st_by_name("cmsghdr"),4);
size_t dlen= c->cmsg_len>=CMSG_LEN(0)?c->cmsg_len-CMSG_LEN(0):0;
if((unsigned char*)CMSG_DATA(c)+dlen> p+len)dlen= (size_t)(p+len-(unsigned char*)CMSG_DATA(c));
r->field[0]= "cmsg_len";r->item[0]= val_int(a,(long long)c->cmsg_len,-1,SF_DEC);
r->field[1]= "cmsg_level";r->item[1]= val_int(a,c->cmsg_level,SS_CLASS_LEVEL,SF_DEC);
r->field[2]= "cmsg_type";
r->item[2]= val_int(a,c->cmsg_type,c->cmsg_level==SOL_SOCKET?SS_CLASS_SCM:
c->cmsg_level==IPPROTO_IP?SS_CLASS_IP:-1,SF_DEC);
r->field[3]= "cmsg_data";
r->item[3]= decode_cmsg_data(a,c->cmsg_level,c->cmsg_type,CMSG_DATA(c),dlen);
items[n++]= r;
}
v= val_list(a,n);
memcpy(v->item,items,(size_t)n*sizeof*items);
return v;
}
/*:82*/
#line 71 "web/sockscript.w"

/*85:*/
#line 53 "web/ssexec.w"

ss_outcome*ss_outcome_new(bool shared)
{
ss_outcome*o;
if(shared){
o= mmap(NULL,sizeof*o,PROT_READ|PROT_WRITE,MAP_SHARED|MAP_ANONYMOUS,-1,0);
if(o==MAP_FAILED)return NULL;
}else if(!(o= malloc(sizeof*o)))return NULL;
o->nlines= 0;
return o;
}

void ss_outcome_free(ss_outcome*o,bool shared)
{
if(!o)return;
if(shared)munmap(o,sizeof*o);
else free(o);
}

static void outcome_reset(ss_outcome*o,const ss_script*s)
{
o->nlines= s->nlines<SS_MAXLINES?s->nlines:SS_MAXLINES;
memset(o->raw,0,(size_t)o->nlines*sizeof o->raw[0]);
memset(&o->env,0,sizeof o->env);
o->stopped= -1;
o->note[0]= '\0';
o->used= 0;
o->eph_lo= 32768;
o->eph_hi= 60999;
}

/*:85*//*87:*/
#line 143 "web/ssexec.w"

static void sr_advance(uint64_t ns){sr_advance_ns(ns);}
/*149:*/
#line 1603 "web/ssexec.w"

/*148:*/
#line 1543 "web/ssexec.w"

static const sigset_t*script_sigset(int sig,sigset_t*set)
{
if(sig==-1)return NULL;
sigemptyset(set);
if(sig> 0&&sig<65&&sig!=32&&sig!=33)sigaddset(set,sig);
return set;
}

static int script_sigaction(int sig,const char*handler,int flags,void(*count)(int),
int(*act)(int,const struct sigaction*,struct sigaction*))
{
struct sigaction a;
memset(&a,0,sizeof a);
sigemptyset(&a.sa_mask);
a.sa_flags= flags;
if(!handler){errno= EFAULT;return-1;}
if(!strcmp(handler,"count"))a.sa_handler= count;
else if(!strcmp(handler,"ign"))a.sa_handler= SIG_IGN;
else if(!strcmp(handler,"dfl"))a.sa_handler= SIG_DFL;
else{errno= EINVAL;return-1;}
return act(sig,&a,NULL);
}

static int script_sigprocmask(int how,int sig,
int(*mask)(int,const sigset_t*,sigset_t*))
{
sigset_t set;
return mask(how,script_sigset(sig,&set),NULL);
}

static int script_sigpending(int sig,int(*pending)(sigset_t*))
{
sigset_t set;
if(pending(&set)<0)return-1;
return sig> 0&&sig<65&&sigismember(&set,sig)==1;
}

static int script_setitimer(int which,long sec,long usec,long isec,long iusec,
int(*set)(int,const struct itimerval*,struct itimerval*))
{
struct itimerval v;
v.it_value.tv_sec= sec;
v.it_value.tv_usec= usec;
v.it_interval.tv_sec= isec;
v.it_interval.tv_usec= iusec;
return set(which,&v,NULL);
}

static int script_ppoll(struct pollfd*fds,nfds_t n,int ms,int sig,
int(*pp)(struct pollfd*,nfds_t,const struct timespec*,const sigset_t*))
{
sigset_t set;
struct timespec ts= {ms/1000,(long)(ms%1000)*1000000L};
return pp(fds,n,ms<0?NULL:&ts,script_sigset(sig,&set));
}

/*:148*/
#line 1604 "web/ssexec.w"

static void s_counted(int sig){(void)sig;}
static int s_sigaction(int sig,const char*handler,int flags)
{
return script_sigaction(sig,handler,flags,s_counted,sr_sigaction);
}
static int s_sigprocmask(int how,int sig){return script_sigprocmask(how,sig,sr_sigprocmask);}
static int s_sigpending(int sig){return script_sigpending(sig,sr_sigpending);}
static int s_setitimer(int which,long sec,long usec,long isec,long iusec)
{
return script_setitimer(which,sec,usec,isec,iusec,sr_setitimer);
}
static int s_ppoll(struct pollfd*fds,nfds_t n,int ms,int sig)
{
return script_ppoll(fds,n,ms,sig,sr_ppoll);
}

/*:149*/
#line 145 "web/ssexec.w"


static const ss_backend sockref_backend= {
"sockref",sr_socket,sr_socketpair,sr_close,sr_fcntl,sr_ioctl,sr_pread,sr_pwrite,
sr_getsockopt,sr_setsockopt,sr_bind,sr_connect,sr_listen,sr_getsockname,
sr_getpeername,sr_send,sr_sendto,sr_sendmsg,sr_recv,sr_recvfrom,sr_recvmsg,
sr_read,sr_write,sr_readv,sr_writev,sr_shutdown,sr_poll,sr_select,
sr_setuid,sr_seteuid,sr_cap_drop,sr_sysctl_set,sr_sysctl_get,sr_advance,
sr_signal_count,sr_getpid,sr_getpgrp,sr_proc_new,sr_proc_switch,
s_sigaction,s_sigprocmask,s_sigpending,s_setitimer,sr_alarm,sr_kill,s_ppoll
};

/*:87*//*88:*/
#line 161 "web/ssexec.w"

static const ss_backend kernel_backend= {
"kernel",socket,socketpair,close,fcntl,ioctl,pread,pwrite,
getsockopt,setsockopt,bind,connect,listen,getsockname,
getpeername,send,sendto,sendmsg,recv,recvfrom,recvmsg,
read,write,readv,writev,shutdown,k_poll,select,
k_setuid,seteuid,k_cap_drop,k_sysctl_set,k_sysctl_get,k_advance,
k_signal_count,getpid,getpgrp,NULL,NULL,
k_sigaction,k_sigprocmask,k_sigpending,k_setitimer,alarm,kill,k_ppoll
};

/*:88*//*91:*/
#line 206 "web/ssexec.w"

static bool eval_int(ss_exec*x,const ss_value*v,long long*out)
{
long long t;
if(!v)return false;
switch(v->kind){
case SV_INT:*out= v->i;return true;
case SV_VAR:
x->o->env.cur= x->proc;
if(!ss_env_get(&x->o->env,v->name,&t))return false;
*out= v->neg?-t:t;
return true;
case SV_INOUT:return eval_int(x,v->a,out);
case SV_LIST:return v->n==1&&eval_int(x,v->item[0],out);
}
return false;
}

/*:91*//*92:*/
#line 228 "web/ssexec.w"

static size_t value_size(const ss_value*v)
{
size_t n= 0;
if(!v)return 0;
switch(v->kind){
case SV_INOUT:return value_size(v->a);
case SV_STR:return v->len;
case SV_INT:case SV_VAR:return sizeof(int);
case SV_LIST:
for(int i= 0;i<v->n;i++)n+= value_size(v->item[i]);
return n;
case SV_STRUCT:
n= v->st->size;
if(v->st->special==ST_MSFILTER){
const ss_value*sl= struct_get(v,"imsf_slist");
n+= 4*(size_t)(sl&&sl->kind==SV_LIST?sl->n:0);
}
return n;
}
return 0;
}

/*:92*//*93:*/
#line 255 "web/ssexec.w"

static bool encode_value(ss_exec*x,const ss_value*v,unsigned char*p);
static bool encode_struct(ss_exec*x,const ss_value*v,unsigned char*p)
{
const struct ss_struct*st= v->st;
memset(p,0,st->size);
for(int i= 0;i<v->n;i++){
const ss_field*f= st_field(st,v->field[i]);
const ss_value*it= v->item[i];
long long n;
if(!f)return false;
switch(f->kind){
case FK_BYTES:
if(it->kind!=SV_STR)return false;
memcpy(p+f->off,it->s,it->len<f->size?it->len:f->size);
break;
case FK_ADDRLIST:
if(it->kind!=SV_LIST)return false;
for(int k= 0;k<it->n;k++){
uint32_t u;
if(!eval_int(x,it->item[k],&n))return false;
u= htonl((uint32_t)n);
memcpy(p+f->off+4*k,&u,4);
}
break;
case FK_FILTERS:/*94:*/
#line 293 "web/ssexec.w"

{
unsigned char*prog= NULL;
if(it->kind==SV_LIST){
prog= ss_alloc(&x->scratch,(size_t)(it->n?it->n:1)*sizeof(struct sock_filter));
for(int k= 0;k<it->n;k++)
if(it->item[k]->kind!=SV_STRUCT||!encode_struct(x,it->item[k],prog+k*sizeof(struct sock_filter)))
return false;
}else if(it->kind!=SV_NULL)return false;
memcpy(p+f->off,&prog,sizeof prog);
}

/*:94*/
#line 280 "web/ssexec.w"
break;
case FK_SPECIAL:return false;
default:
if(!eval_int(x,it,&n))return false;
field_put(f,p,n);
}
}
return true;
}

/*:93*//*95:*/
#line 305 "web/ssexec.w"

static bool encode_value(ss_exec*x,const ss_value*v,unsigned char*p)
{
long long n;
int32_t i32;
switch(v->kind){
case SV_INOUT:return encode_value(x,v->a,p);
case SV_STR:if(v->len)memcpy(p,v->s,v->len);return true;
case SV_INT:case SV_VAR:
if(!eval_int(x,v,&n))return false;
i32= (int32_t)n;
memcpy(p,&i32,sizeof i32);
return true;
case SV_LIST:
for(int i= 0;i<v->n;i++){
if(!encode_value(x,v->item[i],p))return false;
p+= value_size(v->item[i]);
}
return true;
case SV_STRUCT:
if(v->st->special!=ST_PLAIN&&v->st->special!=ST_MSFILTER&&v->st->special!=ST_FPROG)
return false;
return encode_struct(x,v,p);
}
return false;
}

/*:95*//*96:*/
#line 337 "web/ssexec.w"

#define SS_SLACK 4096
#define SS_BUFMAX (16u << 20)
static unsigned char*arg_buffer(ss_exec*x,size_t need)
{
return ss_alloc(&x->scratch,need+SS_SLACK);
}

/*:96*//*97:*/
#line 348 "web/ssexec.w"

static void keep(ss_exec*x,ss_raw*r,int i,const void*p,size_t n)
{
ss_outcome*o= x->o;
if(n> SS_DATA-o->used)n= SS_DATA-o->used;
r->off[i]= o->used;
r->len[i]= (uint32_t)n;
if(n&&p)memcpy(o->data+o->used,p,n);
o->used+= (uint32_t)n;
}

/*:97*//*98:*/
#line 362 "web/ssexec.w"

static void exec_line(ss_exec*x,int li)
{
ss_line*ln= &x->s->line[li];
ss_raw*r= &x->o->raw[li];
const ss_call*c= &ss_calls[ln->call];
long long iv[SS_MAXARGS]= {0};
void*pv[SS_MAXARGS]= {0};
size_t cap[SS_MAXARGS]= {0};
socklen_t*lenp[SS_MAXARGS]= {0};
socklen_t lenin[SS_MAXARGS]= {0};
long long ret= 0;
int err= 0;
/*104:*/
#line 591 "web/ssexec.w"

struct msghdr*msg= NULL;
struct iovec*iov= NULL;
int niov= 0;
size_t namecap= 0,ctlcap= 0;

/*:104*/
#line 375 "web/ssexec.w"

ss_arena_reset(&x->scratch);
r->proc= (short)x->proc;
r->status= RS_BADINPUT;
x->o->env.cur= x->proc;
/*99:*/
#line 393 "web/ssexec.w"

for(int i= 0;i<ln->nargs;i++){
const ss_value*v= ln->arg[i];
switch(c->kind[i]){
case AK_INT:case AK_LONG:case AK_FCNTLARG:
if(!eval_int(x,v,&iv[i]))return;
break;
case AK_LENIO:
if(v->kind==SV_NULL)break;
if(!eval_int(x,v,&iv[i]))return;
lenin[i]= (socklen_t)iv[i];
lenp[i]= ss_alloc(&x->scratch,sizeof(socklen_t));
*lenp[i]= lenin[i];
break;
}
}

/*:99*/
#line 380 "web/ssexec.w"

for(int i= 0;i<ln->nargs;i++)/*100:*/
#line 413 "web/ssexec.w"

{
const ss_value*v= ln->arg[i];
size_t want= 0;
if(c->lenarg[i]>=0){
long long n= iv[(int)c->lenarg[i]];
want= n> 0&&n<=(long long)SS_BUFMAX?(size_t)n:0;
}
switch(c->kind[i]){
case AK_CSTR:
if(v->kind==SV_NULL)break;
if(v->kind!=SV_STR)return;
pv[i]= arg_buffer(x,v->len+1);
memcpy(pv[i],v->s,v->len);
break;
case AK_INBUF:case AK_OPTIN:case AK_SAIN:case AK_OUTBUF:case AK_OPTOUT:
case AK_SAOUT:case AK_OUTSTR:case AK_SV:
/*101:*/
#line 457 "web/ssexec.w"

{
int k= c->kind[i];
bool out= k==AK_OUTBUF||k==AK_OPTOUT||k==AK_SAOUT||k==AK_OUTSTR||k==AK_SV;
const ss_value*in= out?(v->kind==SV_INOUT?v->a:NULL):v;
size_t vs;
if(v->kind==SV_NULL)break;
if(k==AK_OUTSTR)want= 8192;
if(k==AK_SV)want= 2*sizeof(int);
if(k==AK_SAOUT||k==AK_SAIN)want= want> 128?want:128;
vs= in?value_size(in):0;
cap[i]= want> vs?want:vs;
pv[i]= arg_buffer(x,cap[i]);
if(in&&!encode_value(x,in,pv[i]))return;
}

/*:101*/
#line 430 "web/ssexec.w"

break;
case AK_IOCTLARG:
if(v->kind==SV_NULL)break;
cap[i]= 64;
pv[i]= arg_buffer(x,cap[i]);
if(value_size(v)> cap[i]||!encode_value(x,v,pv[i]))return;
break;
case AK_MSGIN:case AK_MSGIO:/*105:*/
#line 597 "web/ssexec.w"

{
bool rcv= c->kind[i]==AK_MSGIO;
const ss_value*f;
long long n;
if(v->kind==SV_NULL)break;
if(v->kind!=SV_STRUCT||v->st->special!=ST_MSGHDR)return;
msg= ss_alloc(&x->scratch,sizeof*msg);
pv[i]= msg;
/*106:*/
#line 617 "web/ssexec.w"

{
const ss_value*nm= struct_get(v,"msg_name"),*nl= struct_get(v,"msg_namelen");
if(nl&&!eval_int(x,nl,&n))return;
if(nm&&nm->kind!=SV_NULL){
size_t vs= rcv?0:value_size(nm);
namecap= rcv?(nl?(size_t)(n> 0&&n<65536?n:0):0):vs;
msg->msg_name= arg_buffer(x,namecap> vs?namecap:vs);
if(!rcv&&!encode_value(x,nm,msg->msg_name))return;
msg->msg_namelen= (socklen_t)(rcv?namecap:vs);
}
if(nl)msg->msg_namelen= (socklen_t)n;
}

/*:106*/
#line 606 "web/ssexec.w"

if((f= struct_get(v,"msg_iov"))&&f->kind!=SV_NULL){
if(!make_iov(x,f,rcv,&iov,&niov))return;
msg->msg_iov= iov;
}
msg->msg_iovlen= (size_t)niov;
if((f= struct_get(v,"msg_iovlen"))){if(!eval_int(x,f,&n))return;msg->msg_iovlen= (size_t)n;}
/*107:*/
#line 634 "web/ssexec.w"

{
const ss_value*ct= struct_get(v,"msg_control"),*cl= struct_get(v,"msg_controllen");
if(cl&&!eval_int(x,cl,&n))return;
if(ct&&ct->kind!=SV_NULL){
if(rcv){
ctlcap= cl?(size_t)(n> 0&&n<65536?n:0):0;
msg->msg_control= arg_buffer(x,ctlcap);
msg->msg_controllen= ctlcap;
}else if(!make_control(x,ct,msg))return;
}
if(cl)msg->msg_controllen= (size_t)n;
}

/*:107*/
#line 613 "web/ssexec.w"

if((f= struct_get(v,"msg_flags"))){if(!eval_int(x,f,&n))return;msg->msg_flags= (int)n;}
}

/*:105*/
#line 438 "web/ssexec.w"
break;
case AK_IOVIN:case AK_IOVOUT:/*111:*/
#line 727 "web/ssexec.w"

if(v->kind!=SV_NULL){
if(!make_iov(x,v,c->kind[i]==AK_IOVOUT,&iov,&niov))return;
pv[i]= iov;
}

/*:111*/
#line 439 "web/ssexec.w"
break;
case AK_POLLFD:/*116:*/
#line 790 "web/ssexec.w"

if(v->kind!=SV_NULL){
const struct ss_struct*pst= st_by_name("pollfd");
if(v->kind!=SV_LIST)return;
pv[i]= arg_buffer(x,(size_t)v->n*pst->size);
for(int k= 0;k<v->n;k++){
ss_value*e= v->item[k];
if(e->kind!=SV_STRUCT||e->st!=pst)return;
/*117:*/
#line 806 "web/ssexec.w"

{
struct pollfd pf= {0,0,0};
long long n;
const ss_value*fv= struct_get(e,"fd"),*ev= struct_get(e,"events");
if(fv){if(!eval_int(x,fv,&n))return;pf.fd= (int)n;}
if(ev){if(!eval_int(x,ev,&n))return;pf.events= (short)n;}
memcpy((unsigned char*)pv[i]+k*sizeof pf,&pf,sizeof pf);
}

/*:117*/
#line 798 "web/ssexec.w"

}
cap[i]= (size_t)v->n;
}

/*:116*/
#line 440 "web/ssexec.w"
break;
case AK_FDSET:/*119:*/
#line 830 "web/ssexec.w"

if(v->kind!=SV_NULL){
const ss_value*in= v->kind==SV_INOUT?v->a:v;
fd_set*set= (fd_set*)arg_buffer(x,sizeof(fd_set));
FD_ZERO(set);
if(in->kind!=SV_LIST)return;
for(int k= 0;k<in->n;k++){
long long fd;
if(!eval_int(x,in->item[k],&fd)||fd<0||fd>=FD_SETSIZE)return;
FD_SET((int)fd,set);
}
pv[i]= set;
}

/*:119*/
#line 441 "web/ssexec.w"
break;
case AK_TVIO:
if(v->kind==SV_NULL)break;
cap[i]= sizeof(struct timeval);
pv[i]= arg_buffer(x,cap[i]);
if(value_size(v)!=cap[i]||!encode_value(x,v,pv[i]))return;
break;
}
}

/*:100*/
#line 381 "web/ssexec.w"

/*102:*/
#line 477 "web/ssexec.w"

errno= 0;
switch(ln->call){
case C_SOCKET:ret= x->b->socket((int)iv[0],(int)iv[1],(int)iv[2]);break;
case C_SOCKETPAIR:ret= x->b->socketpair((int)iv[0],(int)iv[1],(int)iv[2],pv[3]);break;
case C_CLOSE:ret= x->b->close((int)iv[0]);break;
case C_FCNTL:ret= x->b->fcntl((int)iv[0],(int)iv[1],(long)iv[2]);break;
case C_IOCTL:ret= x->b->ioctl((int)iv[0],(unsigned long)iv[1],pv[2]);break;
case C_PREAD:ret= x->b->pread((int)iv[0],pv[1],(size_t)iv[2],(off_t)iv[3]);break;
case C_PWRITE:ret= x->b->pwrite((int)iv[0],pv[1],(size_t)iv[2],(off_t)iv[3]);break;
case C_GETSOCKOPT:
ret= x->b->getsockopt((int)iv[0],(int)iv[1],(int)iv[2],pv[3],lenp[4]);
break;
case C_SETSOCKOPT:
ret= x->b->setsockopt((int)iv[0],(int)iv[1],(int)iv[2],pv[3],(socklen_t)iv[4]);
break;
case C_BIND:ret= x->b->bind((int)iv[0],pv[1],(socklen_t)iv[2]);break;
case C_CONNECT:ret= x->b->connect((int)iv[0],pv[1],(socklen_t)iv[2]);break;
case C_LISTEN:ret= x->b->listen((int)iv[0],(int)iv[1]);break;
case C_GETSOCKNAME:ret= x->b->getsockname((int)iv[0],pv[1],lenp[2]);break;
case C_GETPEERNAME:ret= x->b->getpeername((int)iv[0],pv[1],lenp[2]);break;
case C_SEND:ret= x->b->send((int)iv[0],pv[1],(size_t)iv[2],(int)iv[3]);break;
case C_SENDTO:
ret= x->b->sendto((int)iv[0],pv[1],(size_t)iv[2],(int)iv[3],pv[4],(socklen_t)iv[5]);
break;
case C_SENDMSG:ret= x->b->sendmsg((int)iv[0],pv[1],(int)iv[2]);break;
case C_RECV:ret= x->b->recv((int)iv[0],pv[1],(size_t)iv[2],(int)iv[3]);break;
case C_RECVFROM:
ret= x->b->recvfrom((int)iv[0],pv[1],(size_t)iv[2],(int)iv[3],pv[4],lenp[5]);
break;
case C_RECVMSG:ret= x->b->recvmsg((int)iv[0],pv[1],(int)iv[2]);break;
case C_READ:ret= x->b->read((int)iv[0],pv[1],(size_t)iv[2]);break;
case C_WRITE:ret= x->b->write((int)iv[0],pv[1],(size_t)iv[2]);break;
case C_READV:ret= x->b->readv((int)iv[0],pv[1],(int)iv[2]);break;
case C_WRITEV:ret= x->b->writev((int)iv[0],pv[1],(int)iv[2]);break;
case C_SHUTDOWN:ret= x->b->shutdown((int)iv[0],(int)iv[1]);break;
case C_POLL:ret= x->b->poll(pv[0],(nfds_t)iv[1],(int)iv[2]);break;
case C_SELECT:ret= x->b->select((int)iv[0],pv[1],pv[2],pv[3],pv[4]);break;
case C_SETUID:ret= x->b->setuid((uid_t)iv[0]);break;
case C_SETEUID:ret= x->b->seteuid((uid_t)iv[0]);break;
case C_CAP_DROP:ret= x->b->cap_drop((int)iv[0]);break;
case C_SYSCTL_SET:ret= x->b->sysctl_set(pv[0],pv[1]);break;
case C_SYSCTL_GET:ret= x->b->sysctl_get(pv[0],pv[1],pv[1]?cap[1]:0);break;
case C_ADVANCE:x->b->advance((uint64_t)iv[0]);ret= 0;break;
case C_SIGNAL_COUNT:ret= x->b->signal_count((int)iv[0]);break;
case C_SIGACTION:ret= x->b->sigaction((int)iv[0],pv[1],(int)iv[2]);break;
case C_SIGPROCMASK:ret= x->b->sigprocmask((int)iv[0],(int)iv[1]);break;
case C_SIGPENDING:ret= x->b->sigpending((int)iv[0]);break;
case C_SETITIMER:ret= x->b->setitimer((int)iv[0],(long)iv[1],(long)iv[2],(long)iv[3],(long)iv[4]);break;
case C_ALARM:ret= (long long)x->b->alarm((unsigned)iv[0]);break;
case C_KILL:ret= x->b->kill((pid_t)iv[0],(int)iv[1]);break;
case C_PPOLL:ret= x->b->ppoll(pv[0],(nfds_t)iv[1],(int)iv[2],(int)iv[3]);break;
case C_PROC_NEW:case C_PROC_SWITCH:/*134:*/
#line 1150 "web/ssexec.w"

if(x->sh){ret= k_proc_action(x,ln->call,iv[0]);break;}
if(ln->call==C_PROC_NEW){
pid_t pid;
if(!x->b->proc_new){r->status= RS_MISSING;return;}
if(x->o->env.nprocs==SS_MAXPROC){errno= EAGAIN;ret= -1;break;}
pid= x->b->proc_new(0,(uid_t)iv[0]);
if(pid<0){ret= -1;break;}
x->o->env.pid[x->o->env.nprocs]= pid;
x->o->env.pgrp[x->o->env.nprocs]= pid;
ret= ++x->o->env.nprocs;
}else{
if(!x->b->proc_switch){r->status= RS_MISSING;return;}
if(iv[0]<1||iv[0]> x->o->env.nprocs){errno= ESRCH;ret= -1;break;}
ret= x->b->proc_switch((pid_t)x->o->env.pid[iv[0]-1]);
if(ret==0)x->proc= (int)iv[0]-1;
}

/*:134*/
#line 529 "web/ssexec.w"
break;
}
err= ret==-1?errno:0;

/*:102*/
#line 382 "web/ssexec.w"

r->ret= ret;
r->err= err;
r->status= RS_DONE;
for(int i= 0;i<ln->nargs;i++)/*103:*/
#line 540 "web/ssexec.w"

{
size_t n= 0;
switch(c->kind[i]){
case AK_OUTBUF:case AK_OUTSTR:
if(pv[i]&&ret> 0)n= (size_t)ret<cap[i]?(size_t)ret:cap[i];
keep(x,r,i,pv[i],n);
break;
case AK_LENIO:keep(x,r,i,lenp[i],lenp[i]?sizeof(socklen_t):0);break;
case AK_OPTOUT:
if(pv[i]&&lenp[i+1]){
n= *lenp[i+1];
if(iv[1]==SOL_SOCKET&&iv[2]==SO_GET_FILTER)n*= sizeof(struct sock_filter);
if(n> cap[i]+SS_SLACK)n= cap[i]+SS_SLACK;
}
keep(x,r,i,pv[i],n);
break;
case AK_SAOUT:
if(pv[i]&&lenp[i+1]){
n= *lenp[i+1]<lenin[i+1]?*lenp[i+1]:lenin[i+1];
if(n> cap[i])n= cap[i];
}
keep(x,r,i,pv[i],n);
break;
case AK_SV:keep(x,r,i,pv[i],pv[i]?2*sizeof(int):0);break;
case AK_IOCTLARG:keep(x,r,i,pv[i],pv[i]?16:0);break;
case AK_TVIO:keep(x,r,i,pv[i],pv[i]?sizeof(struct timeval):0);break;
case AK_MSGIO:/*112:*/
#line 737 "web/ssexec.w"

if(msg){
uint32_t head[3];
size_t nname= msg->msg_name?(msg->msg_namelen<namecap?msg->msg_namelen:namecap):0;
size_t nctl= msg->msg_control?(msg->msg_controllen<ctlcap?msg->msg_controllen:ctlcap):0;
size_t ndata= ret> 0?(size_t)ret:0,off;
unsigned char*blob;
head[0]= msg->msg_namelen;
head[1]= (uint32_t)msg->msg_controllen;
head[2]= (uint32_t)msg->msg_flags;
blob= ss_alloc(&x->scratch,sizeof head+nname+nctl+ndata);
memcpy(blob,head,sizeof head);
off= sizeof head;
if(nname)memcpy(blob+off,msg->msg_name,nname);
off+= nname;
if(nctl)memcpy(blob+off,msg->msg_control,nctl);
off+= nctl;
ndata= gather(blob+off,msg->msg_iov,(int)msg->msg_iovlen<niov?(int)msg->msg_iovlen:niov,ndata);
keep(x,r,i,blob,off+ndata);
/*113:*/
#line 763 "web/ssexec.w"

r->off[4]= (uint32_t)nname;
r->off[5]= (uint32_t)nctl;

/*:113*/
#line 756 "web/ssexec.w"

}

/*:112*/
#line 567 "web/ssexec.w"
break;
case AK_IOVOUT:/*115:*/
#line 782 "web/ssexec.w"

if(iov&&ret> 0){
unsigned char*blob= ss_alloc(&x->scratch,(size_t)ret);
keep(x,r,i,blob,gather(blob,iov,niov,(size_t)ret));
}else keep(x,r,i,NULL,0);

/*:115*/
#line 568 "web/ssexec.w"
break;
case AK_POLLFD:/*118:*/
#line 816 "web/ssexec.w"

if(pv[i]){
short*rev= ss_alloc(&x->scratch,cap[i]*sizeof(short)+1);
for(size_t k= 0;k<cap[i];k++){
struct pollfd pf;
memcpy(&pf,(unsigned char*)pv[i]+k*sizeof pf,sizeof pf);
rev[k]= pf.revents;
}
keep(x,r,i,rev,cap[i]*sizeof(short));
}else keep(x,r,i,NULL,0);

/*:118*/
#line 569 "web/ssexec.w"
break;
case AK_FDSET:keep(x,r,i,pv[i],pv[i]?sizeof(fd_set):0);break;
}
}

/*:103*/
#line 386 "web/ssexec.w"

if(ln->binds)bind_line(x,li);
}

/*:98*//*108:*/
#line 652 "web/ssexec.w"

static bool make_control(ss_exec*x,const ss_value*ct,struct msghdr*m)
{
size_t total= 0;
unsigned char*buf,*p;
if(ct->kind==SV_STR){
m->msg_control= arg_buffer(x,ct->len);
memcpy(m->msg_control,ct->s,ct->len);
m->msg_controllen= ct->len;
return true;
}
if(ct->kind!=SV_LIST)return false;
for(int k= 0;k<ct->n;k++){
const ss_value*d;
if(ct->item[k]->kind!=SV_STRUCT||ct->item[k]->st->special!=ST_CMSG)return false;
d= struct_get(ct->item[k],"cmsg_data");
total+= CMSG_SPACE(value_size(d));
}
buf= p= arg_buffer(x,total);
for(int k= 0;k<ct->n;k++){
const ss_value*r= ct->item[k],*d= struct_get(r,"cmsg_data"),*f;
struct cmsghdr h;
long long n;
size_t dl= value_size(d);
memset(&h,0,sizeof h);
h.cmsg_len= CMSG_LEN(dl);
if((f= struct_get(r,"cmsg_len"))){if(!eval_int(x,f,&n))return false;h.cmsg_len= (size_t)n;}
if((f= struct_get(r,"cmsg_level"))){if(!eval_int(x,f,&n))return false;h.cmsg_level= (int)n;}
if((f= struct_get(r,"cmsg_type"))){if(!eval_int(x,f,&n))return false;h.cmsg_type= (int)n;}
memcpy(p,&h,sizeof h);
if(d&&!encode_value(x,d,p+CMSG_LEN(0)))return false;
p+= CMSG_SPACE(dl);
}
m->msg_control= buf;
m->msg_controllen= total;
return true;
}

/*:108*//*109:*/
#line 694 "web/ssexec.w"

static bool make_iov(ss_exec*x,const ss_value*v,bool fill,struct iovec**out,int*nout)
{
struct iovec*iv;
if(v->kind!=SV_LIST)return false;
iv= ss_alloc(&x->scratch,(size_t)(v->n?v->n:1)*sizeof*iv);
for(int k= 0;k<v->n;k++){
const ss_value*e= v->item[k],*base,*len;
long long n= 0;
if(e->kind!=SV_STRUCT||e->st->special!=ST_IOVEC)return false;
base= struct_get(e,"iov_base");
len= struct_get(e,"iov_len");
if(len&&!eval_int(x,len,&n))return false;
if(!len)n= fill||!base?0:(long long)value_size(base);
if(n<0||n> (long long)SS_BUFMAX)return false;
if(base&&base->kind==SV_NULL)iv[k].iov_base= NULL;
else{
size_t vs= fill?0:value_size(base);
iv[k].iov_base= arg_buffer(x,(size_t)n> vs?(size_t)n:vs);
if(!fill&&base&&!encode_value(x,base,iv[k].iov_base))return false;
}
iv[k].iov_len= (size_t)n;
}
*out= iv;
*nout= v->n;
return true;
}

/*:109*//*114:*/
#line 770 "web/ssexec.w"

static size_t gather(unsigned char*dst,const struct iovec*v,int nv,size_t n)
{
size_t got= 0;
for(int k= 0;k<nv&&got<n;k++){
size_t take= v[k].iov_len<n-got?v[k].iov_len:n-got;
if(v[k].iov_base&&take)memcpy(dst+got,v[k].iov_base,take);
got+= take;
}
return got;
}

/*:114*//*120:*/
#line 847 "web/ssexec.w"

static void bind_line(ss_exec*x,int li)
{
ss_line*ln= &x->s->line[li];
ss_value*act[SS_MAXARGS],*ret,*err;
x->o->env.cur= x->proc;
ss_actual(&x->vals,x->s,li,x->o,act,&ret,&err);
for(int i= 0;i<ln->nargs;i++)
if(act[i])(void)ss_match(ln->arg[i],act[i],&x->o->env);
(void)ss_match(ln->ret,ret,&x->o->env);
ss_arena_reset(&x->vals);
}

/*:120*//*121:*/
#line 866 "web/ssexec.w"

void ss_actual(ss_arena*a,const ss_script*s,int li,const ss_outcome*o,
ss_value**act,ss_value**ret,ss_value**err)
{
const ss_line*ln= &s->line[li];
const ss_raw*r= &o->raw[li];
const ss_call*c= &ss_calls[ln->call];
for(int i= 0;i<SS_MAXARGS;i++)act[i]= NULL;
*ret= val_int(a,r->ret,return_class(ln),SF_DEC);
*err= r->ret==-1?val_int(a,r->err,SS_CLASS_ERRNO,SF_DEC):NULL;
if(r->status!=RS_DONE)return;
for(int i= 0;i<ln->nargs;i++){
const unsigned char*p= o->data+r->off[i];
size_t n= r->len[i];
const ss_value*v= ln->arg[i];
if(!writes_through(c->kind[i]))continue;
if(v->kind==SV_NULL){act[i]= val_new(a,SV_NULL);continue;}
if(r->ret==-1&&carries_inputs(c->kind[i]))continue;
if(r->ret==-1&&c->kind[i]!=AK_LENIO&&c->kind[i]!=AK_IOCTLARG){
act[i]= val_new(a,SV_ANY);
continue;
}
switch(c->kind[i]){
case AK_OUTBUF:case AK_OUTSTR:act[i]= val_str(a,p,n);break;
case AK_OPTOUT:act[i]= decode_optval(a,lit(ln->arg[1]),lit(ln->arg[2]),p,n);break;
case AK_LENIO:case AK_SV:case AK_IOCTLARG:/*125:*/
#line 950 "web/ssexec.w"

if(c->kind[i]==AK_IOCTLARG&&r->ret==0&&
(lit(ln->arg[1])==SIOCGSTAMP||lit(ln->arg[1])==SIOCGSTAMPNS)){
act[i]= decode_struct(a,st_by_name(lit(ln->arg[1])==SIOCGSTAMP?"timeval":"timespec"),p,
n>=16?16:n);
act[i]->nondet= ND_TIME;
}else{
int cls= -1;
if(c->kind[i]==AK_IOCTLARG&&(lit(ln->arg[1])==SIOCGPGRP||lit(ln->arg[1])==FIOGETOWN))
cls= SS_CLS_PID;
if(c->kind[i]==AK_IOCTLARG){
size_t in= value_size(v);
n= in<n?in:n;
}
act[i]= int_list(a,p,n,cls);
}

/*:125*/
#line 891 "web/ssexec.w"
break;
case AK_SAOUT:act[i]= decode_sockaddr(a,p,n);break;
case AK_TVIO:/*126:*/
#line 970 "web/ssexec.w"

act[i]= decode_struct(a,st_by_name("timeval"),p,n);
{
const ss_value*in= v->kind==SV_INOUT?v->a:v;
long long sec= 0,usec= 0;
const ss_value*fs= in->kind==SV_STRUCT?struct_get(in,"tv_sec"):NULL;
const ss_value*fu= in->kind==SV_STRUCT?struct_get(in,"tv_usec"):NULL;
if(fs)sec= lit(fs);
if(fu)usec= lit(fu);
if(sec||usec)act[i]->nondet= ND_TIME;
}

/*:126*/
#line 893 "web/ssexec.w"
break;
case AK_MSGIO:act[i]= actual_msghdr(a,v,r,p,n);break;
case AK_IOVOUT:act[i]= actual_iov(a,v,p,n);break;
case AK_POLLFD:act[i]= actual_pollfd(a,v,p,n);break;
case AK_FDSET:act[i]= actual_fdset(a,lit(ln->arg[0]),p,n);break;
}
}
}

/*:121*//*122:*/
#line 912 "web/ssexec.w"

static bool carries_inputs(int kind)
{
return kind==AK_MSGIO||kind==AK_IOVOUT||kind==AK_POLLFD;
}

/*:122*//*123:*/
#line 920 "web/ssexec.w"

static bool writes_through(int kind)
{
switch(kind){
case AK_OUTBUF:case AK_OUTSTR:case AK_OPTOUT:case AK_LENIO:case AK_SV:
case AK_IOCTLARG:case AK_SAOUT:case AK_TVIO:case AK_MSGIO:case AK_IOVOUT:
case AK_POLLFD:case AK_FDSET:
return true;
}
return false;
}

/*:123*//*124:*/
#line 937 "web/ssexec.w"

static long long lit(const ss_value*v)
{
if(v&&v->kind==SV_INT)return v->i;
return-1;
}

/*:124*//*127:*/
#line 985 "web/ssexec.w"

static int return_class(const ss_line*ln)
{
if(ln->call==C_FCNTL){
switch(lit(ln->arg[1])){
case F_GETFL:return SS_CLASS_OFLAGS;
case F_GETFD:return SS_CLASS_FDFLAGS;
case F_GETOWN:return SS_CLS_PID;
}
}
return-1;
}

/*:127*//*129:*/
#line 1015 "web/ssexec.w"

static ss_value*actual_msghdr(ss_arena*a,const ss_value*v,const ss_raw*r,
const unsigned char*p,size_t n)
{
ss_value*m= val_struct(a,st_by_name("msghdr"),7);
uint32_t head[3];
size_t nname= r->off[4],nctl= r->off[5],off= sizeof head;
const ss_value*f;
int k= 0;
memset(head,0,sizeof head);
if(n>=sizeof head)memcpy(head,p,sizeof head);
if(off+nname+nctl> n)nname= nctl= 0;
f= struct_get(v,"msg_name");
m->field[k]= "msg_name";
m->item[k++]= !f||f->kind==SV_NULL?val_new(a,SV_NULL):decode_sockaddr(a,p+off,nname);
off+= nname;
m->field[k]= "msg_namelen";m->item[k++]= val_int(a,head[0],-1,SF_DEC);
f= struct_get(v,"msg_iov");
m->field[k]= "msg_iov";
m->item[k++]= f&&f->kind==SV_LIST?actual_iov(a,f,p+off+nctl,n-off-nctl):val_new(a,SV_NULL);
if((f= struct_get(v,"msg_iovlen"))){m->field[k]= "msg_iovlen";m->item[k++]= (ss_value*)f;}
f= struct_get(v,"msg_control");
m->field[k]= "msg_control";
m->item[k++]= !f||f->kind==SV_NULL?val_new(a,SV_NULL):
decode_control(a,(unsigned char*)p+off,nctl);
m->field[k]= "msg_controllen";m->item[k++]= val_int(a,head[1],-1,SF_DEC);
m->field[k]= "msg_flags";m->item[k++]= val_int(a,(int32_t)head[2],SS_CLASS_MSGFLAGS,SF_DEC);
m->n= k;
return m;
}

/*:129*//*130:*/
#line 1049 "web/ssexec.w"

static ss_value*actual_iov(ss_arena*a,const ss_value*v,const unsigned char*p,size_t n)
{
ss_value*l= val_list(a,v->n);
size_t got= 0;
for(int k= 0;k<v->n;k++){
const ss_value*e= v->item[k],*len= e->kind==SV_STRUCT?struct_get(e,"iov_len"):NULL;
long long cap= len?lit(len):0;
size_t take= cap> 0?((size_t)cap<n-got?(size_t)cap:n-got):0;
ss_value*io= val_struct(a,st_by_name("iovec"),2);
io->field[0]= "iov_base";io->item[0]= val_str(a,p+got,take);
io->field[1]= "iov_len";io->item[1]= val_int(a,cap,-1,SF_DEC);
got+= take;
l->item[k]= io;
}
return l;
}

/*:130*//*131:*/
#line 1067 "web/ssexec.w"

static ss_value*actual_pollfd(ss_arena*a,const ss_value*v,const unsigned char*p,size_t n)
{
ss_value*l= val_list(a,v->n);
for(int k= 0;k<v->n;k++){
const ss_value*e= v->item[k];
ss_value*pf= val_struct(a,st_by_name("pollfd"),3);
short rev= 0;
if((size_t)(2*k+2)<=n)memcpy(&rev,p+2*k,2);
pf->field[0]= "fd";pf->item[0]= val_int(a,lit(struct_get(e,"fd")),-1,SF_DEC);
pf->field[1]= "events";
pf->item[1]= val_int(a,struct_get(e,"events")?lit(struct_get(e,"events")):0,SS_CLASS_POLLEV,SF_DEC);
pf->field[2]= "revents";pf->item[2]= val_int(a,rev,SS_CLASS_POLLEV,SF_DEC);
l->item[k]= pf;
}
return l;
}

static ss_value*actual_fdset(ss_arena*a,long long nfds,const unsigned char*p,size_t n)
{
fd_set set;
ss_value*items[FD_SETSIZE],*l;
int cnt= 0;
if(n!=sizeof set)return val_new(a,SV_NULL);
memcpy(&set,p,sizeof set);
for(int fd= 0;fd<nfds&&fd<FD_SETSIZE;fd++)
if(FD_ISSET(fd,&set))items[cnt++]= val_int(a,fd,-1,SF_DEC);
l= val_list(a,cnt);
memcpy(l->item,items,(size_t)cnt*sizeof*items);
return l;
}

/*:131*//*132:*/
#line 1103 "web/ssexec.w"

static void exec_init(ss_exec*x,const ss_backend*b,ss_script*s,ss_outcome*o)
{
memset(x,0,sizeof*x);
x->b= b;
x->s= s;
x->o= o;
}

int ss_run_sockref(ss_script*s,ss_outcome*o){return ss_run_sockref_hooked(s,o,NULL,NULL);}

/*:132*//*133:*/
#line 1119 "web/ssexec.w"

int ss_run_sockref_hooked(ss_script*s,ss_outcome*o,ss_line_hook*hook,void*arg)
{
ss_exec x;
char range[64];
exec_init(&x,&sockref_backend,s,o);
outcome_reset(o,s);
sr_reset();
o->env.nprocs= 1;
o->env.pid[0]= sr_getpid();
o->env.pgrp[0]= sr_getpgrp();
for(int li= 0;li<o->nlines;li++)
if(s->line[li].kind==SL_CALL){
if(hook)hook(arg,s,li,o,false);
exec_line(&x,li);
if(hook)hook(arg,s,li,o,true);
}
if(sr_sysctl_get("net.ipv4.ip_local_port_range",range,sizeof range)> 0)
sscanf(range,"%lld %lld",&o->eph_lo,&o->eph_hi);
ss_arena_free(&x.scratch);
ss_arena_free(&x.vals);
return 0;
}

/*:133*//*136:*/
#line 1211 "web/ssexec.w"

static void k_wake(ss_kshared*sh)
{
__atomic_add_fetch(&sh->seq,1,__ATOMIC_SEQ_CST);
syscall(SYS_futex,&sh->seq,FUTEX_WAKE,INT_MAX,NULL,NULL,0);
}

static void k_wait(ss_kshared*sh,uint32_t seen)
{
struct timespec ts= {0,100000000};
syscall(SYS_futex,&sh->seq,FUTEX_WAIT,seen,&ts,NULL,0);
}

#define K_WAIT_UNTIL(sh, cond) for (;;) { \
    uint32_t seen_ =  __atomic_load_n(&(sh)->seq, __ATOMIC_SEQ_CST); \
    if (cond) break; \
    k_wait((sh), seen_); }

/*:136*//*137:*/
#line 1234 "web/ssexec.w"

int ss_run_kernel(ss_script*s,ss_outcome*o,int timeout_s)
{
ss_kshared*sh= mmap(NULL,sizeof*sh,PROT_READ|PROT_WRITE,MAP_SHARED|MAP_ANONYMOUS,-1,0);
pid_t h;
int status= 0,rc= 0;
if(sh==MAP_FAILED)return-1;
memset(sh,0,sizeof*sh);
sh->s= s;
sh->o= o;
outcome_reset(o,s);
fflush(NULL);
h= fork();
if(h<0){munmap(sh,sizeof*sh);return-1;}
if(h==0)_exit(k_helper(sh,timeout_s));
while(waitpid(h,&status,0)<0&&errno==EINTR);
if(!WIFEXITED(status)||WEXITSTATUS(status)!=0){
rc= -1;
if(!o->note[0])snprintf(o->note,sizeof o->note,"the kernel runner failed (status %#x)",status);
}
if(o->stopped<0&&sh->next<o->nlines&&!rc){
o->stopped= sh->next;
snprintf(o->note,sizeof o->note,"the script stopped at line %d",sh->next+1);
rc= -1;
}
munmap(sh,sizeof*sh);
return rc;
}

/*:137*//*138:*/
#line 1266 "web/ssexec.w"

static pid_t k_spawner_pid;
static void k_alarm(int sig)
{
(void)sig;
if(k_spawner_pid> 0)kill(k_spawner_pid,SIGKILL);
}

static int k_helper(ss_kshared*sh,int timeout_s)
{
int peer,peernl,status;
ss_outcome*o= sh->o;
if(unshare(CLONE_NEWNET)<0||(peer= open("/proc/self/ns/net",O_RDONLY|O_CLOEXEC))<0||
(peernl= socket(AF_NETLINK,SOCK_RAW|SOCK_CLOEXEC,NETLINK_ROUTE))<0||
unshare(CLONE_NEWNET|CLONE_NEWPID)<0){
snprintf(o->note,sizeof o->note,"cannot make namespaces: %s (needs root)",strerror(errno));
return 1;
}
if(k_build_world(peer,peernl,o->note,sizeof o->note)<0)return 1;
signal(SIGALRM,k_alarm);
k_spawner_pid= fork();
if(k_spawner_pid<0)return 1;
if(k_spawner_pid==0)_exit(k_spawner(sh));
alarm((unsigned)timeout_s);
while(waitpid(k_spawner_pid,&status,0)<0&&errno==EINTR);
alarm(0);
if(WIFSIGNALED(status)){
o->stopped= sh->next> 0?sh->next-1:0;
snprintf(o->note,sizeof o->note,"timed out after %d s at line %d",timeout_s,o->stopped+1);
return 1;
}
return 0;
}

/*:138*//*140:*/
#line 1309 "web/ssexec.w"

static int k_spawner(ss_kshared*sh)
{
struct rlimit rl= {1024,4096};
int null= open("/dev/null",O_RDWR);
if(null<0)return 1;
for(int fd= 0;fd<3;fd++)if(null!=fd)dup2(null,fd);
syscall(SYS_close_range,3,~0U,0);
setrlimit(RLIMIT_NOFILE,&rl);
sh->o->env.nprocs= 1;
k_fork_script_proc(sh,0,0);
for(;;){
K_WAIT_UNTIL(sh,sh->done||sh->spawn_req);
while(waitpid(-1,NULL,WNOHANG)> 0);
if(sh->done)break;
if(sh->spawn_req){
int k= sh->o->env.nprocs;
sh->o->env.nprocs= k+1;
k_fork_script_proc(sh,k,(uid_t)sh->spawn_uid);
sh->spawn_req= 0;
k_wake(sh);
}
}
while(wait(NULL)> 0);
return 0;
}

/*:140*//*141:*/
#line 1345 "web/ssexec.w"

static ss_kshared*k_sh;
static int k_me;
static void k_count_signal(int sig)
{
if(k_sh&&sig> 0&&sig<65)k_sh->sigcount[k_me][sig]++;
}

static void k_fork_script_proc(ss_kshared*sh,int k,uid_t uid)
{
pid_t p= fork();
ss_exec x;
if(p!=0)return;
k_sh= sh;
k_me= k;
setpgid(0,0);
sh->o->env.pid[k]= getpid();
sh->o->env.pgrp[k]= getpgrp();
if(uid!=0&&(setgroups(0,NULL)<0||setgid(uid)<0||setuid(uid)<0))_exit(1);
/*142:*/
#line 1386 "web/ssexec.w"

{
struct sigaction sa;
memset(&sa,0,sizeof sa);
sa.sa_handler= k_count_signal;
sa.sa_flags= SA_RESTART;
sigemptyset(&sa.sa_mask);
for(int sig= 1;sig<65;sig++)
if(sig!=SIGKILL&&sig!=SIGSTOP&&sig!=SIGCHLD&&sig!=SIGCONT&&
sig!=SIGURG&&sig!=SIGWINCH)
sigaction(sig,&sa,NULL);
}

/*:142*/
#line 1364 "web/ssexec.w"

sh->ready[k]= 1;
k_wake(sh);
exec_init(&x,&kernel_backend,sh->s,sh->o);
x.sh= sh;
x.proc= k;
for(;;){
K_WAIT_UNTIL(sh,sh->done||sh->turn==k);
if(sh->done)_exit(0);
while(sh->turn==k&&sh->next<sh->o->nlines){
int li= sh->next++;
if(sh->s->line[li].kind==SL_CALL)exec_line(&x,li);
}
if(sh->next>=sh->o->nlines&&sh->turn==k){
k_read_ports(sh->o);
sh->done= 1;
k_wake(sh);
_exit(0);
}
}
}

/*:141*//*144:*/
#line 1405 "web/ssexec.w"

static void k_read_ports(ss_outcome*o)
{
char buf[64];
if(k_sysctl_get("net.ipv4.ip_local_port_range",buf,sizeof buf)> 0)
sscanf(buf,"%lld %lld",&o->eph_lo,&o->eph_hi);
}

/*:144*//*145:*/
#line 1417 "web/ssexec.w"

static long long k_proc_action(ss_exec*x,int call,long long arg)
{
ss_kshared*sh= x->sh;
if(call==C_PROC_NEW){
int k= sh->o->env.nprocs;
if(k==SS_MAXPROC){errno= EAGAIN;return-1;}
sh->spawn_uid= arg;
sh->spawn_req= 1;
k_wake(sh);
K_WAIT_UNTIL(sh,!sh->spawn_req&&sh->ready[k]);
return k+1;
}
if(arg<1||arg> sh->o->env.nprocs){errno= ESRCH;return-1;}
sh->turn= (int)arg-1;
k_wake(sh);
return 0;
}

/*:145*//*146:*/
#line 1444 "web/ssexec.w"

static int k_setuid(uid_t uid)
{
struct __user_cap_header_struct h= {_LINUX_CAPABILITY_VERSION_3,0};
struct __user_cap_data_struct d[2];
if(syscall(SYS_capget,&h,d)==0&&(d[0].effective>>CAP_SETGID)&1){
setgroups(0,NULL);
if(setgid(uid)<0)return-1;
}
return setuid(uid);
}

static int k_cap_drop(int cap)
{
struct __user_cap_header_struct h= {_LINUX_CAPABILITY_VERSION_3,0};
struct __user_cap_data_struct d[2];
if(cap<0||cap> CAP_LAST_CAP){errno= EINVAL;return-1;}
if(syscall(SYS_capget,&h,d)<0)return-1;
d[cap/32].effective&= ~(1u<<(cap%32));
d[cap/32].permitted&= ~(1u<<(cap%32));
return(int)syscall(SYS_capset,&h,d);
}

static void sysctl_path(const char*name,char*path,size_t len)
{
snprintf(path,len,"/proc/sys/%s",name);
for(char*p= path+10;*p;p++)if(*p=='.')*p= '/';
}

static int k_sysctl_set(const char*name,const char*value)
{
char path[512];
int fd;
ssize_t n;
if(!name||!value){errno= EFAULT;return-1;}
sysctl_path(name,path,sizeof path);
if((fd= open(path,O_WRONLY|O_CLOEXEC))<0)return-1;
n= write(fd,value,strlen(value));
if(n<0){int e= errno;close(fd);errno= e;return-1;}
close(fd);
return 0;
}

static int k_sysctl_get(const char*name,char*buf,size_t len)
{
char path[512],text[8192];
int fd;
ssize_t n;
if(!name||!buf){errno= EFAULT;return-1;}
sysctl_path(name,path,sizeof path);
if((fd= open(path,O_RDONLY|O_CLOEXEC))<0)return-1;
n= read(fd,text,sizeof text-1);
close(fd);
if(n<0)return-1;
while(n> 0&&text[n-1]=='\n')n--;
text[n]= '\0';
if((size_t)n+1> len){errno= EINVAL;return-1;}
memcpy(buf,text,(size_t)n+1);
return(int)n;
}

static void k_advance(uint64_t ns)
{
struct timespec ts= {(time_t)(ns/1000000000u),(long)(ns%1000000000u)};
while(nanosleep(&ts,&ts)<0&&errno==EINTR);
}

/*:146*//*147:*/
#line 1519 "web/ssexec.w"

static int k_poll(struct pollfd*fds,nfds_t nfds,int timeout)
{
struct timespec ts,*tp= NULL;
if(timeout>=0){
ts.tv_sec= timeout/1000;
ts.tv_nsec= (long)(timeout%1000)*1000000L;
tp= &ts;
}
return(int)syscall(SYS_ppoll,fds,nfds,tp,NULL,(size_t)8);
}

static long k_signal_count(int sig)
{
if(sig<=0||sig>=65){errno= EINVAL;return-1;}
return k_sh?k_sh->sigcount[k_me][sig]:0;
}

/*:147*//*150:*/
#line 1630 "web/ssexec.w"

static int k_sigaction(int sig,const char*handler,int flags)
{
if(handler&&!strcmp(handler,"dfl")&&sig> 0&&sig<65&&sig!=SIGCHLD&&
sig!=SIGCONT&&sig!=SIGURG&&sig!=SIGWINCH&&sig!=SIGKILL&&sig!=SIGSTOP)
return script_sigaction(sig,"count",SA_RESTART,k_count_signal,sigaction);
return script_sigaction(sig,handler,flags,k_count_signal,sigaction);
}

static int k_sigprocmask(int how,int sig){return script_sigprocmask(how,sig,sigprocmask);}
static int k_sigpending(int sig){return script_sigpending(sig,sigpending);}
static int k_sys_setitimer(int which,const struct itimerval*v,struct itimerval*old)
{
return setitimer(which,v,old);
}

static int k_setitimer(int which,long sec,long usec,long isec,long iusec)
{
return script_setitimer(which,sec,usec,isec,iusec,k_sys_setitimer);
}

static int k_sys_ppoll(struct pollfd*fds,nfds_t n,const struct timespec*ts,const sigset_t*mask)
{
return(int)syscall(SYS_ppoll,fds,n,ts,mask,(size_t)8);
}

static int k_ppoll(struct pollfd*fds,nfds_t n,int ms,int sig)
{
return script_ppoll(fds,n,ms,sig,k_sys_ppoll);
}

/*:150*//*151:*/
#line 1666 "web/ssexec.w"

typedef struct{struct nlmsghdr h;char body[1024];}k_nlreq;

static struct rtattr*nl_attr(k_nlreq*r,int type,const void*data,size_t len)
{
size_t off= NLMSG_ALIGN(r->h.nlmsg_len);
struct rtattr*a= (struct rtattr*)((char*)r+off);
a->rta_type= (unsigned short)type;
a->rta_len= (unsigned short)RTA_LENGTH(len);
if(len)memcpy(RTA_DATA(a),data,len);
r->h.nlmsg_len= (uint32_t)(off+RTA_ALIGN(a->rta_len));
return a;
}

static void nl_end(k_nlreq*r,struct rtattr*nest)
{
nest->rta_len= (unsigned short)((char*)r+r->h.nlmsg_len-(char*)nest);
}

static void nl_start(k_nlreq*r,int type,int flags,const void*fixed,size_t len)
{
memset(r,0,sizeof*r);
r->h.nlmsg_len= (uint32_t)NLMSG_LENGTH(len);
r->h.nlmsg_type= (unsigned short)type;
r->h.nlmsg_flags= (unsigned short)(NLM_F_REQUEST|NLM_F_ACK|flags);
memcpy(NLMSG_DATA(&r->h),fixed,len);
}

static int nl_talk(int fd,k_nlreq*r)
{
char buf[4096];
ssize_t n;
static uint32_t seq;
r->h.nlmsg_seq= ++seq;
if(send(fd,r,r->h.nlmsg_len,0)<0)return-errno;
n= recv(fd,buf,sizeof buf,0);
if(n<(ssize_t)NLMSG_LENGTH(sizeof(struct nlmsgerr)))return-EIO;
{
struct nlmsghdr*h= (struct nlmsghdr*)buf;
struct nlmsgerr e;
if(h->nlmsg_type!=NLMSG_ERROR)return-EIO;
memcpy(&e,NLMSG_DATA(h),sizeof e);
return e.error;
}
}

/*:151*//*152:*/
#line 1718 "web/ssexec.w"

static int k_build_world(int peerns,int peernl,char*note,size_t notelen)
{
k_nlreq r;
struct ifinfomsg ifi;
struct rtattr*li,*data,*peer;
int fd= socket(AF_NETLINK,SOCK_RAW|SOCK_CLOEXEC,NETLINK_ROUTE),err,eth;
uint32_t ns= (uint32_t)peerns,a;
const char*step;
if(fd<0){snprintf(note,notelen,"netlink: %s",strerror(errno));return-1;}
memset(&ifi,0,sizeof ifi);
step= "lo up";
ifi.ifi_index= 1;
ifi.ifi_flags= ifi.ifi_change= IFF_UP;
nl_start(&r,RTM_NEWLINK,0,&ifi,sizeof ifi);
if((err= nl_talk(fd,&r)))goto fail;
step= "veth";
memset(&ifi,0,sizeof ifi);
nl_start(&r,RTM_NEWLINK,NLM_F_CREATE|NLM_F_EXCL,&ifi,sizeof ifi);
nl_attr(&r,IFLA_IFNAME,"eth0",5);
li= nl_attr(&r,IFLA_LINKINFO,NULL,0);
nl_attr(&r,IFLA_INFO_KIND,"veth",5);
data= nl_attr(&r,IFLA_INFO_DATA,NULL,0);
peer= nl_attr(&r,VETH_INFO_PEER,&ifi,sizeof ifi);
nl_attr(&r,IFLA_IFNAME,"eth0",5);
nl_attr(&r,IFLA_NET_NS_FD,&ns,sizeof ns);
nl_end(&r,peer);
nl_end(&r,data);
nl_end(&r,li);
if((err= nl_talk(fd,&r)))goto fail;
step= "peer up";
ifi.ifi_flags= ifi.ifi_change= IFF_UP;
nl_start(&r,RTM_NEWLINK,0,&ifi,sizeof ifi);
nl_attr(&r,IFLA_IFNAME,"eth0",5);
if((err= nl_talk(peernl,&r)))goto fail;
close(peernl);
step= "eth0 up";
eth= (int)if_nametoindex("eth0");
memset(&ifi,0,sizeof ifi);
ifi.ifi_index= eth;
ifi.ifi_flags= ifi.ifi_change= IFF_UP;
nl_start(&r,RTM_NEWLINK,0,&ifi,sizeof ifi);
if((err= nl_talk(fd,&r)))goto fail;
/*153:*/
#line 1771 "web/ssexec.w"

{
struct ifaddrmsg ifa;
step= "address";
memset(&ifa,0,sizeof ifa);
ifa.ifa_family= AF_INET;
ifa.ifa_prefixlen= 24;
ifa.ifa_index= (unsigned)eth;
nl_start(&r,RTM_NEWADDR,NLM_F_CREATE|NLM_F_EXCL,&ifa,sizeof ifa);
a= inet_addr("10.0.0.1");
nl_attr(&r,IFA_LOCAL,&a,4);
nl_attr(&r,IFA_ADDRESS,&a,4);
a= inet_addr("10.0.0.255");
nl_attr(&r,IFA_BROADCAST,&a,4);
if((err= nl_talk(fd,&r)))goto fail;
}

/*:153*/
#line 1761 "web/ssexec.w"

/*154:*/
#line 1788 "web/ssexec.w"

{
struct rtmsg rt;
uint32_t oif= (uint32_t)eth;
step= "default route";
memset(&rt,0,sizeof rt);
rt.rtm_family= AF_INET;
rt.rtm_table= RT_TABLE_MAIN;
rt.rtm_protocol= RTPROT_BOOT;
rt.rtm_scope= RT_SCOPE_UNIVERSE;
rt.rtm_type= RTN_UNICAST;
nl_start(&r,RTM_NEWROUTE,NLM_F_CREATE|NLM_F_EXCL,&rt,sizeof rt);
a= inet_addr("10.0.0.254");
nl_attr(&r,RTA_GATEWAY,&a,4);
nl_attr(&r,RTA_OIF,&oif,4);
if((err= nl_talk(fd,&r)))goto fail;
}

/*:154*/
#line 1762 "web/ssexec.w"

close(fd);
return 0;
fail:
snprintf(note,notelen,"building the world (%s): %s",step,strerror(-err));
close(fd);
return-1;
}

/*:152*//*157:*/
#line 1826 "web/ssexec.w"

int ss_check_line(const ss_script*s,int li,const ss_outcome*o,ss_arena*a,
ss_env*e,int*what)
{
const ss_line*ln= &s->line[li];
const ss_raw*r= &o->raw[li];
ss_value*act[SS_MAXARGS],*ret,*err;
*what= SS_WHAT_NONE;
if(li>=o->nlines)return SS_NOTRUN;
switch(r->status){
case RS_MISSING:return SS_MISSING;
case RS_BADINPUT:return SS_BADINPUT;
case RS_NOTRUN:return SS_NOTRUN;
}
e->cur= r->proc;
ss_actual(a,s,li,o,act,&ret,&err);
for(int i= 0;i<ln->nargs;i++)
if(act[i]&&val_has(ln->arg[i],SV_UNKNOWN)){*what= i;return SS_UNRECORDED;}
if(ln->ret->kind==SV_UNKNOWN){*what= SS_WHAT_RET;return SS_UNRECORDED;}
if(!ss_match(ln->ret,ret,e)){*what= SS_WHAT_RET;return SS_DIVERGE;}
if(err&&ln->err&&ln->err->i!=err->i){*what= SS_WHAT_ERR;return SS_DIVERGE;}
if(!err&&ln->err){*what= SS_WHAT_ERR;return SS_DIVERGE;}
for(int i= 0;i<ln->nargs;i++)
if(act[i]&&!ss_match(ln->arg[i],act[i],e)){*what= i;return SS_DIVERGE;}
return SS_PASS;
}

/*:157*//*158:*/
#line 1861 "web/ssexec.w"

static ss_value*pair_of(ss_arena*a,const ss_value*x)
{
ss_value*io;
if(!x||x->kind==SV_INOUT||x->kind==SV_NULL)return(ss_value*)x;
io= val_new(a,SV_INOUT);
io->a= (ss_value*)x;
io->b= (ss_value*)x;
return io;
}

static const ss_value*inout_of(ss_arena*a,int kind,const ss_value*x)
{
ss_value*v;
switch(kind){
case AK_LENIO:case AK_IOCTLARG:
if(x->kind!=SV_LIST||x->n!=1)return kind==AK_IOCTLARG?pair_of(a,x):x;
v= val_list(a,1);
v->item[0]= pair_of(a,x->item[0]);
v->src= NULL;
return v;
case AK_FDSET:case AK_TVIO:return pair_of(a,x);
case AK_MSGIO:
if(x->kind!=SV_STRUCT)return x;
v= val_struct(a,x->st,x->n);
for(int i= 0;i<x->n;i++){
v->field[i]= x->field[i];
v->item[i]= !strcmp(x->field[i],"msg_namelen")||!strcmp(x->field[i],"msg_controllen")?
pair_of(a,x->item[i]):x->item[i];
}
v->more= x->more;
return v;
}
return x;
}

/*:158*//*159:*/
#line 1900 "web/ssexec.w"

void ss_print_line(ss_buf*b,const ss_script*s,int li,const ss_outcome*o,
ss_arena*a,ss_env*e)
{
const ss_line*ln= &s->line[li];
const ss_raw*r= &o->raw[li];
ss_value*act[SS_MAXARGS],*ret,*err;
if(ln->kind!=SL_CALL||li>=o->nlines||r->status!=RS_DONE){
ss_puts(b,ln->text,(size_t)ln->len);
return;
}
e->cur= r->proc;
ss_actual(a,s,li,o,act,&ret,&err);
ss_printf(b,"%s(",ss_calls[ln->call].name);
for(int i= 0;i<ln->nargs;i++){
const ss_value*x= inout_of(a,ss_calls[ln->call].kind[i],ln->arg[i]);
if(i)ss_puts(b,", ",2);
if(act[i])ss_print_value(b,ss_merge(a,x,act[i],e,o->eph_lo,o->eph_hi),true);
else ss_print_value(b,ln->arg[i],true);
}
ss_puts(b,") = ",4);
ss_print_value(b,ss_merge(a,ln->ret,ret,e,o->eph_lo,o->eph_hi),true);
if(err){
const char*nm= sym_name(SS_CLASS_ERRNO,err->i);
if(nm)ss_printf(b," %s (%s)",nm,strerror((int)err->i));
else ss_printf(b," %lld",err->i);
}
if(ln->comment){
ss_puts(b,"  ",2);
ss_puts(b,ln->comment,(size_t)ln->commentlen);
}
}

/*:159*//*161:*/
#line 1942 "web/ssexec.w"

static int path_cmp(const void*x,const void*y)
{
return strcmp(*(char*const*)x,*(char*const*)y);
}

static void collect_one(const char*path,char***list,int*n,int*cap)
{
struct stat st;
if(stat(path,&st)<0)return;
if(S_ISDIR(st.st_mode)){
DIR*d= opendir(path);
struct dirent*e;
if(!d)return;
while((e= readdir(d))){
char sub[4096];
if(e->d_name[0]=='.')continue;
snprintf(sub,sizeof sub,"%s/%s",path,e->d_name);
if(stat(sub,&st)==0&&(S_ISDIR(st.st_mode)||
(strlen(e->d_name)> 3&&!strcmp(e->d_name+strlen(e->d_name)-3,".sr"))))
collect_one(sub,list,n,cap);
}
closedir(d);
return;
}
if(*n==*cap){
*cap= *cap?2**cap:256;
*list= realloc(*list,(size_t)*cap*sizeof**list);
if(!*list)abort();
}
(*list)[(*n)++]= strdup(path);
}

int ss_collect(char**paths,int npaths,char***out)
{
char**list= NULL;
int n= 0,cap= 0;
for(int i= 0;i<npaths;i++)collect_one(paths[i],&list,&n,&cap);
if(n)qsort(list,(size_t)n,sizeof*list,path_cmp);
*out= list;
return n;
}

/*:161*//*164:*/
#line 2003 "web/ssexec.w"

int ss_read_options(const char*path,ss_optrow**rows)
{
char line[4096];
bool header= false;
int n= 0,cap= 0;
FILE*in= fopen(path,"r");
*rows= NULL;
if(!in)return-1;
while(fgets(line,sizeof line,in)){
char*f[SS_OPT_NFIELDS],*p= line;
int k= 0;
if(line[0]=='#'||line[0]=='\n')continue;
line[strcspn(line,"\n")]= '\0';
if(!header){header= true;continue;}
while(k<SS_OPT_NFIELDS){f[k++]= p;if(!(p= strchr(p,'\t')))break;*p++= '\0';}
if(k!=SS_OPT_NFIELDS)continue;
if(n==cap){
cap= cap?2*cap:64;
*rows= realloc(*rows,(size_t)cap*sizeof**rows);
if(!*rows)abort();
}
for(k= 0;k<SS_OPT_NFIELDS;k++)(*rows)[n].f[k]= strdup(f[k]);
n++;
}
fclose(in);
return n;
}

void ss_free_options(ss_optrow*rows,int n)
{
for(int i= 0;i<n;i++)
for(int k= 0;k<SS_OPT_NFIELDS;k++)free(rows[i].f[k]);
free(rows);
}

/*:164*/
#line 72 "web/sockscript.w"


/*:1*/
