/*1:*/
#line 38 "web/srfuzz.w"

/*2:*/
#line 49 "web/srfuzz.w"

#define _GNU_SOURCE 1
#include "sockscript.h"
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <time.h> 
#include <sys/stat.h> 

/*:2*/
#line 39 "web/srfuzz.w"

/*4:*/
#line 82 "web/srfuzz.w"

typedef ss_optrow row;

/*:4*//*6:*/
#line 101 "web/srfuzz.w"

typedef struct{
unsigned long long state;
ss_buf b;
int nsock;
bool stream,dropped;
}gen;

/*:6*/
#line 40 "web/srfuzz.w"

/*20:*/
#line 464 "web/srfuzz.w"

static void read_rows(const char*path);
static char*generate(unsigned long long seed);
static char*record(const char*text,ss_outcome*ko);
static int diverges(const char*recorded,ss_outcome*so);
static char*minimise(char*text,ss_outcome*ko,ss_outcome*so);

/*:20*/
#line 41 "web/srfuzz.w"

/*5:*/
#line 85 "web/srfuzz.w"

static row*rows;
static int nrows;

static void read_rows(const char*path)
{
if((nrows= ss_read_options(path,&rows))<=0){
fprintf(stderr,"sr-fuzz: cannot read %s\n",path);
exit(2);
}
}

/*:5*//*7:*/
#line 109 "web/srfuzz.w"

static unsigned long long next(gen*g)
{
unsigned long long z= (g->state+= 0x9e3779b97f4a7c15ULL);
z= (z^(z>>30))*0xbf58476d1ce4e5b9ULL;
z= (z^(z>>27))*0x94d049bb133111ebULL;
return z^(z>>31);
}

static int pick(gen*g,int n){return(int)(next(g)%(unsigned long long)n);}

#define ONE_OF(g, a) (a)[pick((g), (int) (sizeof (a) / sizeof (a)[0]))]

/*:7*//*8:*/
#line 130 "web/srfuzz.w"

static int fd_any(gen*g,bool std)
{
static const int odd[]= {0,2,99,-1};
int k;
if(pick(g,10)==0||g->nsock==0){
do k= ONE_OF(g,odd);while(!std&&k>=0&&k<=2);
return k;
}
return 3+pick(g,g->nsock);
}

static int fd_of(gen*g){return fd_any(g,true);}
static int fd_nonstd(gen*g){return fd_any(g,false);}

static const char*int_of(gen*g)
{
static const char*const v[]= {"0","1","2","-1","3","6","7","64","255","256",
"1000","65535","65536","2147483647","-2147483648","0x80","0xe0","0xff"};
return ONE_OF(g,v);
}

static int len_of(gen*g,int natural)
{
static const int v[]= {0,1,2,3,5,7,8,11,12,13,15,16,17,20,24,40,41,-1};
return pick(g,10)<7?natural:ONE_OF(g,v);
}

static const char*group_of(gen*g)
{
static const char*const v[]= {"224.1.1.1","224.1.1.2","232.1.1.1","239.255.255.255",
"10.0.0.1","0.0.0.0"};
return ONE_OF(g,v);
}

static const char*local_of(gen*g)
{
static const char*const v[]= {"0.0.0.0","10.0.0.1","127.0.0.1","1.2.3.4","10.0.0.255"};
return ONE_OF(g,v);
}

/*:8*//*9:*/
#line 175 "web/srfuzz.w"

static int value_of(gen*g,const row*r,ss_buf*v)
{
const char*t= r->f[SS_OPT_TYPE];
int shape= pick(g,12);
v->n= 0;
if(shape==0){ss_puts(v,"NULL",4);return 4;}
if(shape==1||!strcmp(t,"bytes")||!strcmp(t,"string"))/*10:*/
#line 199 "web/srfuzz.w"

{
int len= pick(g,44);
ss_putc(v,'"');
if(!strcmp(r->f[SS_OPT_NAME],"SO_BINDTODEVICE")&&pick(g,2)){
const char*dev= pick(g,2)?"lo":"eth0";
len= (int)strlen(dev);
ss_puts(v,dev,(size_t)len);
}else for(int k= 0;k<len;k++)
ss_printf(v,"\\x%02x",pick(g,3)?(int)ONE_OF(g,((const int[]){0,1,7,0x44,0x83,0x94,4,8})):pick(g,256));
ss_putc(v,'"');
return len;
}

/*:10*/
#line 182 "web/srfuzz.w"

if(!strcmp(t,"linger"))
{ss_printf(v,"{l_onoff=%s, l_linger=%s}",int_of(g),int_of(g));return 8;}
if(!strcmp(t,"timeval"))
{ss_printf(v,"{tv_sec=%s, tv_usec=%s}",int_of(g),pick(g,2)?"999999":int_of(g));return 16;}
if(!strcmp(t,"mreq"))/*11:*/
#line 213 "web/srfuzz.w"

{
if(pick(g,3)){
ss_printf(v,"{imr_multiaddr=inet_addr(\"%s\"), imr_address=inet_addr(\"%s\"), imr_ifindex=%d}",
group_of(g),local_of(g),ONE_OF(g,((const int[]){0,0,1,2,99})));
return 12;
}
ss_printf(v,"{imr_multiaddr=inet_addr(\"%s\"), imr_interface=inet_addr(\"%s\")}",group_of(g),
local_of(g));
return 8;
}

/*:11*/
#line 187 "web/srfuzz.w"

if(!strcmp(t,"mreq_source")){
ss_printf(v,"{imr_multiaddr=inet_addr(\"%s\"), imr_interface=inet_addr(\"%s\"), "
"imr_sourceaddr=inet_addr(\"%s\")}",group_of(g),local_of(g),pick(g,2)?"1.2.3.4":"5.6.7.8");
return 12;
}
if(!strcmp(r->f[SS_OPT_NAME],"IP_MSFILTER"))/*12:*/
#line 225 "web/srfuzz.w"

{
int ns= pick(g,4),numsrc= pick(g,5)?ns:pick(g,13);
ss_printf(v,"{imsf_multiaddr=inet_addr(\"%s\"), imsf_interface=inet_addr(\"%s\"), "
"imsf_fmode=%d, imsf_numsrc=%d, imsf_slist=[",group_of(g),local_of(g),
pick(g,8)?pick(g,2):2,numsrc);
for(int k= 0;k<ns;k++)ss_printf(v,"%sinet_addr(\"1.2.3.%d\")",k?", ":"",1+pick(g,3));
ss_puts(v,"]}",2);
return 16+4*ns;
}

/*:12*/
#line 193 "web/srfuzz.w"

if(!strcmp(t,"custom")||!strcmp(t,"fprog"))/*13:*/
#line 236 "web/srfuzz.w"

{
static const char*const insn[]= {"BPF_RET|BPF_K","BPF_RET|BPF_A","BPF_LD|BPF_W|BPF_LEN",
"BPF_ALU|BPF_ADD|BPF_K","BPF_ALU|BPF_DIV|BPF_K","BPF_JMP|BPF_JA","BPF_LD|BPF_MEM",
"BPF_ST","BPF_MISC|BPF_TAX","BPF_LD|BPF_W|BPF_ABS"};
int len= 1+pick(g,4);
ss_printf(v,"{len=%d, filter=[",pick(g,6)?len:pick(g,3));
for(int k= 0;k<len;k++)
ss_printf(v,"%s{code=%s, jt=%d, jf=%d, k=%d}",k?", ":"",
k==len-1&&pick(g,4)?"BPF_RET|BPF_K":ONE_OF(g,insn),pick(g,3),pick(g,3),
ONE_OF(g,((const int[]){0,1,15,16,31,32})));
ss_puts(v,"]}",2);
return 16;
}

/*:13*/
#line 194 "web/srfuzz.w"

ss_printf(v,"[%s]",int_of(g));
return!strcmp(t,"u64")&&pick(g,2)?8:4;
}

/*:9*//*14:*/
#line 254 "web/srfuzz.w"

static void line_socket(gen*g)
{
static const char*const s[]= {"SOCK_DGRAM, 0","SOCK_STREAM, 0","SOCK_RAW, IPPROTO_ICMP",
"SOCK_RAW, IPPROTO_RAW","SOCK_DGRAM, IPPROTO_UDPLITE","SOCK_DGRAM, IPPROTO_ICMP",
"SOCK_DGRAM|SOCK_NONBLOCK, 0","SOCK_STREAM|SOCK_CLOEXEC, 0","SOCK_SEQPACKET, 0",
"SOCK_RAW, 0","SOCK_DGRAM, IPPROTO_TCP"};
const char*t= ONE_OF(g,s);
ss_printf(&g->b,"socket(AF_INET, %s) = ?\n",t);
if(!strncmp(t,"SOCK_STREAM",11))g->stream= true;
g->nsock++;
}

static void line_option(gen*g,bool set)
{
ss_buf v= {NULL,0,0};
const row*r= &rows[pick(g,nrows)];
while(g->stream&&g->dropped&&(!strcmp(r->f[SS_OPT_NAME],"SO_ATTACH_FILTER")||
!strcmp(r->f[SS_OPT_NAME],"SO_ATTACH_REUSEPORT_CBPF")))
r= &rows[pick(g,nrows)];
char level[32],name[48];
int len;
snprintf(level,sizeof level,"%s",!strcmp(r->f[SS_OPT_LEVEL],"SOL_SOCKET")?"SOL_SOCKET":"SOL_IP");
snprintf(name,sizeof name,"%s",r->f[SS_OPT_NAME]);
if(pick(g,25)==0)snprintf(name,sizeof name,"%d",pick(g,2)?120+pick(g,80):1000+pick(g,100));
if(pick(g,40)==0)snprintf(level,sizeof level,"%s",pick(g,2)?"9999":"1000");
len= value_of(g,r,&v);
if(set)ss_printf(&g->b,"setsockopt(%d, %s, %s, %s, %d) = ?\n",fd_of(g),level,name,v.p,len_of(g,len));
else if(!strcmp(r->f[SS_OPT_NAME],"IP_MSFILTER")&&strncmp(v.p,"NULL",4))
ss_printf(&g->b,"getsockopt(%d, %s, %s, %s => ?, [%d]) = ?\n",fd_of(g),level,name,v.p,len_of(g,56));
else if(pick(g,30)==0)ss_printf(&g->b,"getsockopt(%d, %s, %s, ?, NULL) = ?\n",fd_of(g),level,name);
else ss_printf(&g->b,"getsockopt(%d, %s, %s, %s, [%d]) = ?\n",fd_of(g),level,name,
pick(g,30)?"?":"NULL",len_of(g,len<4?4:len));
free(v.p);
}

/*:14*//*15:*/
#line 290 "web/srfuzz.w"

static void line_fcntl(gen*g)
{
static const char*const get[]= {"F_GETFL","F_GETFD","F_GETOWN","F_GETSIG"};
static const char*const fl[]= {"O_NONBLOCK","O_ASYNC","O_APPEND","O_NOATIME","O_DIRECT",
"O_RDONLY","0","O_NONBLOCK|O_ASYNC","0x7fffffff"};
static const char*const own[]= {"$pid","-$pgrp","99999","-99999","0","-2147483648"};
switch(pick(g,8)){
case 0:case 1:ss_printf(&g->b,"fcntl(%d, %s) = ?\n",fd_nonstd(g),ONE_OF(g,get));break;
case 2:ss_printf(&g->b,"fcntl(%d, F_SETFL, %s) = ?\n",fd_nonstd(g),ONE_OF(g,fl));break;
case 3:ss_printf(&g->b,"fcntl(%d, F_SETFD, %s) = ?\n",fd_nonstd(g),int_of(g));break;
case 4:ss_printf(&g->b,"fcntl(%d, F_SETOWN, %s) = ?\n",fd_nonstd(g),ONE_OF(g,own));break;
case 5:ss_printf(&g->b,"fcntl(%d, F_SETSIG, %s) = ?\n",fd_nonstd(g),int_of(g));break;
case 6:ss_printf(&g->b,"fcntl(%d, %s, %d) = ?\n",fd_nonstd(g),pick(g,2)?"F_DUPFD":"F_DUPFD_CLOEXEC",
ONE_OF(g,((const int[]){0,10,100,1023,1024,-1})));break;
default:ss_printf(&g->b,"fcntl(%d, 9999) = ?\n",fd_nonstd(g));
}
}

static void line_ioctl(gen*g)
{
static const char*const rq[]= {"FIONBIO","FIOASYNC","SIOCSPGRP","SIOCGPGRP","FIOSETOWN",
"FIOGETOWN","SIOCINQ","SIOCOUTQ","SIOCATMARK","SIOCOUTQNSD","0x12345678"};
static const char*const arg[]= {"[0]","[$pid]","[-$pgrp]","[99999]","[-99999]"};
static const char*const flag[]= {"[0]","[1]","[256]","[-1]"};
int k= pick(g,14);
if(k<11)ss_printf(&g->b,"ioctl(%d, %s, %s) = ?\n",fd_nonstd(g),rq[k],!pick(g,12)?"NULL":
k<2?ONE_OF(g,flag):ONE_OF(g,arg));
else if(k==11)ss_printf(&g->b,"ioctl(%d, %s) = ?\n",fd_nonstd(g),pick(g,2)?"FIOCLEX":"FIONCLEX");
else ss_printf(&g->b,"ioctl(%d, %s, %s) = ?\n",fd_nonstd(g),pick(g,2)?"SIOCGSTAMP":"SIOCGSTAMPNS",
pick(g,2)?"NULL":"[0, 0, 0, 0]");
}

/*:15*//*16:*/
#line 329 "web/srfuzz.w"

static void line_sysctl(gen*g)
{
static const char*const name[]= {"net.ipv4.ip_default_ttl","net.ipv4.ip_no_pmtu_disc",
"net.ipv4.igmp_max_memberships","net.ipv4.igmp_max_msf","net.ipv4.ping_group_range",
"net.ipv4.ip_local_port_range","net.ipv4.ip_unprivileged_port_start","net.core.somaxconn",
"net.ipv4.ipfrag_time","net.ipv4.ip_forward"};
static const char*const val[]= {"0","1","2","-1","5","255","256","0 0","1 0",
"1024 65535","abc","","0x10","2147483648","40000 50000"};
if(pick(g,3))ss_printf(&g->b,"sysctl_set(\"%s\", \"%s\") = ?\n",ONE_OF(g,name),ONE_OF(g,val));
else ss_printf(&g->b,"sysctl_get(\"%s\", ?) = ?\n",ONE_OF(g,name));
}

static void line_process(gen*g)
{
static const char*const cap[]= {"CAP_NET_ADMIN","CAP_NET_RAW","CAP_SETUID","CAP_FOWNER"};
g->dropped= true;
switch(pick(g,4)){
case 0:ss_printf(&g->b,"setuid(65534) = ?\n");break;
case 1:ss_printf(&g->b,"seteuid(%d) = ?\n",pick(g,2)?0:1000);break;
default:ss_printf(&g->b,"cap_drop(%s) = ?\n",ONE_OF(g,cap));
}
}

/*:16*//*17:*/
#line 355 "web/srfuzz.w"

static char*generate(unsigned long long seed)
{
gen g;
int len;
memset(&g,0,sizeof g);
g.state= seed;
ss_printf(&g.b,"# sr-fuzz sequence %llu\n",seed);
if(pick(&g,2))ss_printf(&g.b,"sysctl_set(\"net.ipv4.ping_group_range\", \"0 0\") = ?\n");
for(int k= 1+pick(&g,3);k> 0;k--)line_socket(&g);
len= 5+pick(&g,26);
for(int k= 0;k<len;k++){
int w= pick(&g,100);
if(w<36)line_option(&g,true);
else if(w<70)line_option(&g,false);
else if(w<78)line_fcntl(&g);
else if(w<85)line_ioctl(&g);
else if(w<89)line_socket(&g);
else if(w<92)ss_printf(&g.b,"close(%d) = ?\n",fd_of(&g));
else if(w<97)line_sysctl(&g);
else line_process(&g);
}
return g.b.p;
}

/*:17*//*18:*/
#line 387 "web/srfuzz.w"

static char*record(const char*text,ss_outcome*ko)
{
ss_script*s= ss_parse("fuzz",text,strlen(text),stderr);
ss_buf b= {NULL,0,0};
ss_arena a= {NULL,0,0};
if(!s)return NULL;
if(ss_run_kernel(s,ko,5)<0){ss_free(s);return NULL;}
for(int li= 0;li<s->nlines;li++){
ss_env e= ko->env;
ss_print_line(&b,s,li,ko,&a,&e);
ss_putc(&b,'\n');
}
ss_arena_free(&a);
ss_free(s);
return b.p;
}

static int diverges(const char*recorded,ss_outcome*so)
{
ss_script*s= ss_parse("fuzz",recorded,strlen(recorded),stderr);
ss_arena a= {NULL,0,0};
int first= -1;
if(!s)return-2;
ss_run_sockref(s,so);
for(int li= 0;li<s->nlines&&first<0;li++){
ss_env e= so->env;
int what;
if(s->line[li].kind==SL_CALL&&ss_check_line(s,li,so,&a,&e,&what)!=SS_PASS)first= li;
}
ss_arena_free(&a);
ss_free(s);
return first;
}

/*:18*//*19:*/
#line 427 "web/srfuzz.w"

static char*without_line(const char*text,int drop)
{
ss_buf b= {NULL,0,0};
int li= 0;
for(const char*p= text;*p;li++){
const char*nl= strchr(p,'\n');
size_t len= nl?(size_t)(nl-p+1):strlen(p);
if(li!=drop)ss_puts(&b,p,len);
p+= len;
}
if(!b.p)ss_puts(&b,"",0);
return b.p;
}

static int count_lines(const char*text)
{
int n= 0;
for(const char*p= text;*p;p++)if(*p=='\n')n++;
return n;
}

static char*minimise(char*text,ss_outcome*ko,ss_outcome*so)
{
bool changed= true;
while(changed){
changed= false;
for(int li= count_lines(text)-1;li>=1;li--){
char*shorter= without_line(text,li),*rec= record(shorter,ko);
if(rec&&diverges(rec,so)>=0){free(text);text= shorter;changed= true;}
else free(shorter);
free(rec);
}
}
return text;
}

/*:19*/
#line 42 "web/srfuzz.w"

int main(int argc,char**argv)
{
/*3:*/
#line 58 "web/srfuzz.w"

long n= 2000;
unsigned long long seed= 1;
const char*save= NULL,*table= NULL;
bool verbose= false;
for(int i= 1;i<argc;i++){
if(!strcmp(argv[i],"-n")&&i+1<argc)n= atol(argv[++i]);
else if(!strcmp(argv[i],"--seed")&&i+1<argc)seed= strtoull(argv[++i],NULL,0);
else if(!strcmp(argv[i],"--save")&&i+1<argc)save= argv[++i];
else if(!strcmp(argv[i],"-v"))verbose= true;
else if(argv[i][0]!='-'&&!table)table= argv[i];
else{
fprintf(stderr,"usage: sr-fuzz [-n N] [--seed S] [--save DIR] [-v] OPTIONS.tsv\n");

return 2;
}
}
if(!table){fprintf(stderr,"sr-fuzz: no option table\n");return 2;}
read_rows(table);

/*:3*/
#line 45 "web/srfuzz.w"

/*21:*/
#line 476 "web/srfuzz.w"

{
ss_outcome*ko= ss_outcome_new(true),*so= ss_outcome_new(false);
long found= 0,skipped= 0,lines= 0;
struct timespec t0,t1;
double secs;
clock_gettime(CLOCK_MONOTONIC,&t0);
for(long i= 0;i<n;i++){
char*text= generate(seed+(unsigned long long)i),*rec= record(text,ko);
int d;
lines+= count_lines(text);
if(!rec){skipped++;free(text);continue;}
d= diverges(rec,so);
if(verbose)printf("%s",rec);
if(d>=0)/*22:*/
#line 504 "web/srfuzz.w"

{
char*small= minimise(strdup(text),ko,so),*srec= record(small,ko);
found++;
printf("DIVERGENCE seed %llu (minimised):\n%s",seed+(unsigned long long)i,srec?srec:small);
if(save&&srec){
char path[4096];
FILE*f;
mkdir(save,0755);
snprintf(path,sizeof path,"%s/fuzz-%llu.sr",save,seed+(unsigned long long)i);
if((f= fopen(path,"w"))){fputs(srec,f);fclose(f);}
}
free(small);
free(srec);
}

/*:22*/
#line 490 "web/srfuzz.w"

free(text);
free(rec);
}
clock_gettime(CLOCK_MONOTONIC,&t1);
secs= (double)(t1.tv_sec-t0.tv_sec)+(double)(t1.tv_nsec-t0.tv_nsec)/1e9;
ss_free_options(rows,nrows);
printf("sr-fuzz: %ld sequences (%ld lines, seeds %llu to %llu) on the kernel and sockref in %.1f s: "
"%ld divergences, %ld not run\n",n,lines,seed,seed+(unsigned long long)n-1,secs,found,skipped);
ss_outcome_free(ko,true);
ss_outcome_free(so,false);
return found?1:0;
}

/*:21*/
#line 46 "web/srfuzz.w"

}

/*:1*/
