/*2:*/
#line 67 "web/clauses.w"

/*3:*/
#line 90 "web/clauses.w"

#include <ctype.h> 
#include <stdarg.h> 
#include <stdint.h> 
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 

/*:3*/
#line 68 "web/clauses.w"

/*4:*/
#line 114 "web/clauses.w"

enum{K_SOL,K_IP,K_UNDOC,K_CALL,K_POLL,K_IOCTL,K_FCNTL,K_SIGNAL,
K_ADDR,K_PROC,K_SECTION,K_N};

/*:4*//*8:*/
#line 147 "web/clauses.w"

typedef struct{
char file[128],sha[72],page[64],edition[64],form[32];
char**line;
int n;
}seed;

/*:8*//*9:*/
#line 159 "web/clauses.w"

typedef struct{
char*s;int*ln;size_t n,cap;
}tbuf;
typedef struct{
char id[200];int kind;int seed;char title[160];
int first,last;
tbuf body;
int semi;
char note[300];
int ann[16];int nann;char ann_note[300];
}clause;
typedef struct{
char id[220];int kind,rule;char page[64],title[200];
char prov[900],rec[300];
char*quote;int seed,first,last;
}row;

/*:9*//*21:*/
#line 454 "web/clauses.w"

typedef struct{
int seed,anchor,used,tsvline;
char name[160],lost[400],source[240];
}recrow;

/*:21*//*27:*/
#line 567 "web/clauses.w"

typedef struct{size_t start,end;}span;

/*:27*//*31:*/
#line 650 "web/clauses.w"

enum{M_NONE,M_SKIP,M_NARR,M_PHRASE,M_ITEMS,M_CALLS,M_ADDR,M_SIGNALS};
typedef struct{const char*heading;int mode,kind;}modeentry;
typedef struct{const char*page,*phrase,*slug;}phrase;

/*:31*/
#line 69 "web/clauses.w"

/*7:*/
#line 137 "web/clauses.w"

/*5:*/
#line 118 "web/clauses.w"

static const char*kind_name[K_N]= {"sol-option","ip-option",
"undocumented-option","call","poll","ioctl","fcntl","signal","address",
"proc","section"};

/*:5*//*32:*/
#line 655 "web/clauses.w"

static const modeentry sh_modes[]= {
{"NAME",M_SKIP,0},{"SYNOPSIS",M_SKIP,0},{"LIBRARY",M_SKIP,0},
{"DESCRIPTION",M_PHRASE,0},
{"RETURN VALUE",M_NARR,0},{"ERRORS",M_NARR,0},{"VERSIONS",M_NARR,0},
{"STANDARDS",M_NARR,0},{"CONFORMING TO",M_NARR,0},{"HISTORY",M_NARR,0},
{"NOTES",M_NARR,0},{"CAVEATS",M_NARR,0},{"BUGS",M_NARR,0},
{"EXAMPLES",M_NARR,0},{"SEE ALSO",M_NARR,0},{"COLOPHON",M_NARR,0},
{NULL,0,0}};
static const modeentry ss_modes[]= {
{"Socket-layer functions",M_CALLS,K_CALL},
{"Socket address structures",M_ADDR,K_ADDR},
{"Address format",M_PHRASE,K_ADDR},
{"Socket options",M_ITEMS,-1},
{"Signals",M_SIGNALS,K_SIGNAL},
{"/proc interfaces",M_ITEMS,K_PROC},
{"Ioctls",M_ITEMS,K_IOCTL},
{NULL,0,0}};

/*:32*//*33:*/
#line 680 "web/clauses.w"

static const phrase phrases[]= {
{"ip.7","wants to receive new incoming packets","bind_local"},
{"ip.7","only one IP socket may be bound","one_socket_per_address_port"},
{"ip.7","When INADDR_ANY is specified","INADDR_ANY"},
{"ip.7","When listen(2) is called on an unbound socket","autobind_listen"},
{"ip.7","When connect(2) is called on an unbound socket","autobind_connect"},
{"ip.7","unavailable for some time after closing","reuse_after_close"},
{"ip.7","An IP socket address is defined","sockaddr_in"},
{"ip.7","sin_family is always set","sin_family"},
{"ip.7","sin_port contains the port","sin_port"},
{"ip.7","are called privileged ports","privileged_ports"},
{"ip.7","sin_addr is the IP host address","sin_addr"},
{"ip.7","divided into unicast, broadcast","address_classes"},
{"ip.7","Datagrams to broadcast addresses","broadcast"},
{"ip.7","allowed to use only unicast","connection_unicast"},
{"ip.7","always stored in network byte order","network_byte_order"},
{"ip.7","always refers to the local host","INADDR_LOOPBACK"},
{"ip.7","means any address for binding","INADDR_ANY"},
{"ip.7","means any host","INADDR_BROADCAST"},
{NULL,NULL,NULL}};

/*:33*/
#line 138 "web/clauses.w"

static struct context{
seed seeds[8];int nseeds;
recrow rec[128];int nrec;
clause*cl;int ncl,capcl;
row*rows;int nrows,caprows;
/*35:*/
#line 721 "web/clauses.w"

int cur_seed;
int mode,item_kind;
char sh[80],ss[80];
int items[8],nitems;
int last;
int paras;
int cur_addr,cur_sig;
tbuf para;
int fx_on,fx_cl;

/*:35*//*65:*/
#line 1272 "web/clauses.w"

int tb_phase,tb_block,tb_nf,tb_first;
tbuf tb_f[4];

/*:65*//*74:*/
#line 1431 "web/clauses.w"

tbuf fl_flags,fl_occ;int fl_first,fl_open;

/*:74*/
#line 144 "web/clauses.w"

}ctx;

/*:7*/
#line 70 "web/clauses.w"

/*10:*/
#line 177 "web/clauses.w"

static void fail(const char*fmt,...);
static void flush_para(void);

/*:10*/
#line 71 "web/clauses.w"

/*6:*/
#line 126 "web/clauses.w"

static int numbered_kind(int k)
{
return k!=K_SECTION&&k!=K_UNDOC;
}

/*:6*//*11:*/
#line 185 "web/clauses.w"

static void fail(const char*fmt,...)
{
va_list ap;
fputs("clauses: ",stderr);
va_start(ap,fmt);vfprintf(stderr,fmt,ap);va_end(ap);
fputc('\n',stderr);
exit(2);
}
static void*xrealloc(void*p,size_t n)
{
p= realloc(p,n?n:1);
if(!p)fail("out of memory");
return p;
}
static char*xstrdup(const char*s)
{
char*t= xrealloc(NULL,strlen(s)+1);
strcpy(t,s);return t;
}
static void copy(char*dst,size_t size,const char*src)
{
size_t n= strlen(src);
if(n>=size)n= size-1;
memmove(dst,src,n);dst[n]= 0;
}

/*:11*//*12:*/
#line 215 "web/clauses.w"

static char**read_lines(const char*path,int*n)
{
FILE*f= fopen(path,"rb");
char**v= NULL;int cap= 0,k= 0;
char*buf= NULL;size_t len= 0,bcap= 0;
int c;
if(!f)fail("cannot open %s",path);
v= xrealloc(v,sizeof(char*)*(cap= 256));
v[k++]= NULL;
for(;;){
c= getc(f);
if(c==EOF&&len==0)break;
if(c==EOF||c=='\n'){
if(len&&buf[len-1]=='\r')len--;
if(k==cap)v= xrealloc(v,sizeof(char*)*(cap*= 2));
if(len+1>=bcap)buf= xrealloc(buf,bcap= bcap?2*bcap:256);
buf[len]= 0;
v[k++]= xstrdup(buf);len= 0;
if(c==EOF)break;
continue;
}
if(len+1>=bcap)buf= xrealloc(buf,bcap= bcap?2*bcap:256);
buf[len++]= (char)c;
}
fclose(f);free(buf);
*n= k-1;
return v;
}

/*:12*//*13:*/
#line 247 "web/clauses.w"

static int blank(const char*s)
{
while(*s)if(!isspace((unsigned char)*s++))return 0;
return 1;
}
static int indent(const char*s)
{
int i= 0;while(s[i]==' ')i++;return i;
}
static void trim_into(char*dst,size_t size,const char*s)
{
size_t n;
while(isspace((unsigned char)*s))s++;
n= strlen(s);
while(n&&isspace((unsigned char)s[n-1]))n--;
if(n>=size)n= size-1;
memmove(dst,s,n);dst[n]= 0;
}
static int last_char(const char*s)
{
size_t n= strlen(s);
while(n&&isspace((unsigned char)s[n-1]))n--;
return n?(unsigned char)s[n-1]:0;
}
static int starts(const char*s,const char*p)
{
return strncmp(s,p,strlen(p))==0;
}

/*:13*//*14:*/
#line 282 "web/clauses.w"

static int ident_len(const char*s)
{
int i= 0,caps= 1,under= 0,slash= 0;
if(!isalpha((unsigned char)s[0]))return 0;
while(isalnum((unsigned char)s[i])||s[i]=='_'||s[i]=='/'||s[i]=='*'){
if(islower((unsigned char)s[i]))caps= 0;
if(s[i]=='_')under= 1;
if(s[i]=='/')slash= 1;
i++;
}
if(under||slash||(caps&&i>=4))return i;
return 0;
}

/*:14*//*15:*/
#line 301 "web/clauses.w"

static const char*find_const(const char*s,const char*prefix,char*out,size_t size)
{
size_t p= strlen(prefix);
const char*t;
for(t= s;(t= strstr(t,prefix))!=NULL;t++){
size_t n= p;
if(t> s&&(isalnum((unsigned char)t[-1])||t[-1]=='_'))continue;
while(isupper((unsigned char)t[n])||isdigit((unsigned char)t[n])||t[n]=='_')n++;
if(n==p||!isupper((unsigned char)t[p]))continue;
if(n>=size)n= size-1;
memcpy(out,t,n);out[n]= 0;
return t;
}
return NULL;
}

/*:15*//*16:*/
#line 322 "web/clauses.w"

static void slug(char*dst,size_t size,const char*s)
{
size_t k= 0;
for(;*s&&k+1<size;s++){
if(*s==' '){if(k)dst[k++]= '_';}
else if(isalnum((unsigned char)*s)||*s=='-'||*s=='_')dst[k++]= *s;
}
dst[k]= 0;
}

/*:16*//*34:*/
#line 702 "web/clauses.w"

static const modeentry*lookup_mode(const modeentry*t,const char*h)
{
for(;t->heading;t++){
const char*a= t->heading,*b= h;
while(*a&&*b&&toupper((unsigned char)*a)==toupper((unsigned char)*b)){a++;b++;}
if(!*a&&!*b)return t;
}
return NULL;
}

/*:34*//*55:*/
#line 1085 "web/clauses.w"

static void nbsp_to_space(char*d,size_t size,const char*s)
{
size_t k= 0;
for(;*s&&k+1<size;s++){
if((unsigned char)s[0]==0xc2&&(unsigned char)s[1]==0xa0){d[k++]= ' ';s++;}
else d[k++]= *s;
}
d[k]= 0;
}

/*:55*/
#line 72 "web/clauses.w"

/*17:*/
#line 338 "web/clauses.w"

static const uint32_t sha_k[64]= {
0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,
0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,
0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,
0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,
0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2};
#define ROR(x,n) (((x)>>(n))|((x)<<(32-(n))))
static void sha_block(uint32_t h[8],const unsigned char*p)
{
uint32_t w[64],a,b,c,d,e,f,g,hh,t1,t2;
int i;
for(i= 0;i<16;i++)
w[i]= (uint32_t)p[4*i]<<24|(uint32_t)p[4*i+1]<<16|(uint32_t)p[4*i+2]<<8|p[4*i+3];
for(i= 16;i<64;i++){
uint32_t s0= ROR(w[i-15],7)^ROR(w[i-15],18)^(w[i-15]>>3);
uint32_t s1= ROR(w[i-2],17)^ROR(w[i-2],19)^(w[i-2]>>10);
w[i]= w[i-16]+s0+w[i-7]+s1;
}
a= h[0];b= h[1];c= h[2];d= h[3];e= h[4];f= h[5];g= h[6];hh= h[7];
for(i= 0;i<64;i++){
t1= hh+(ROR(e,6)^ROR(e,11)^ROR(e,25))+((e&f)^(~e&g))+sha_k[i]+w[i];
t2= (ROR(a,2)^ROR(a,13)^ROR(a,22))+((a&b)^(a&c)^(b&c));
hh= g;g= f;f= e;e= d+t1;d= c;c= b;b= a;a= t1+t2;
}
h[0]+= a;h[1]+= b;h[2]+= c;h[3]+= d;h[4]+= e;h[5]+= f;h[6]+= g;h[7]+= hh;
}

/*:17*//*18:*/
#line 371 "web/clauses.w"

static void sha256_file(const char*path,char out[65])
{
uint32_t h[8]= {0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,
0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19};
unsigned char blk[128];
uint64_t total= 0;
size_t n,i;
FILE*f= fopen(path,"rb");
if(!f)fail("cannot open %s",path);
while((n= fread(blk,1,64,f))==64){sha_block(h,blk);total+= 64;}
total+= n;
blk[n++]= 0x80;
if(n> 56){memset(blk+n,0,64-n);sha_block(h,blk);n= 0;}
memset(blk+n,0,56-n);
for(i= 0;i<8;i++)blk[56+i]= (unsigned char)((total*8)>>(56-8*i));
sha_block(h,blk);
fclose(f);
for(i= 0;i<8;i++)sprintf(out+8*i,"%08x",(unsigned)h[i]);
}

/*:18*/
#line 73 "web/clauses.w"

/*19:*/
#line 400 "web/clauses.w"

static void read_manifest(const char*path,const char*dir)
{
int n,i;
char**v= read_lines(path,&n);
for(i= 1;i<=n;i++){
char*f[5];int k= 0;char*p= v[i];
seed*s;
char full[1024],got[65];
if(v[i][0]=='#'||blank(v[i]))continue;
while(k<5&&p){f[k++]= p;p= strchr(p,'\t');if(p)*p++= 0;}
if(k<5)fail("%s:%d: expected 5 tab-separated fields",path,i);

if(ctx.nseeds==8)fail("%s: too many seeds",path);
s= &ctx.seeds[ctx.nseeds++];
copy(s->file,sizeof s->file,f[0]);copy(s->sha,sizeof s->sha,f[1]);
copy(s->page,sizeof s->page,f[2]);copy(s->edition,sizeof s->edition,f[3]);
copy(s->form,sizeof s->form,f[4]);
snprintf(full,sizeof full,"%s/%s",dir,s->file);
sha256_file(full,got);
if(strcmp(got,s->sha)!=0)
fail("seed %s differs from the manifest: sha256 is %s, manifest says %s",
full,got,s->sha);

s->line= read_lines(full,&s->n);
}
if(!ctx.nseeds)fail("%s lists no seeds",path);
}

/*:19*//*20:*/
#line 431 "web/clauses.w"

static void page_display(char*dst,size_t size,const char*page)
{
const char*dot= strrchr(page,'.');
if(!dot){copy(dst,size,page);return;}
snprintf(dst,size,"%.*s(%s)",(int)(dot-page),page,dot+1);
}

/*:20*/
#line 74 "web/clauses.w"

/*22:*/
#line 460 "web/clauses.w"

static void read_recovered(const char*path)
{
int n,i,j,k;
char**v= read_lines(path,&n);
for(i= 1;i<=n;i++){
char*f[5];int m= 0;char*p= v[i];
recrow*r;
if(v[i][0]=='#'||blank(v[i]))continue;
while(m<5&&p){f[m++]= p;p= strchr(p,'\t');if(p)*p++= 0;}
if(m<5)fail("%s:%d: expected 5 tab-separated fields",path,i);
if(ctx.nrec==128)fail("%s: too many rows",path);
r= &ctx.rec[ctx.nrec++];
r->tsvline= i;r->used= 0;r->seed= -1;r->anchor= 0;
copy(r->name,sizeof r->name,f[2]);copy(r->lost,sizeof r->lost,f[3]);
copy(r->source,sizeof r->source,f[4]);
/*23:*/
#line 480 "web/clauses.w"

{
int digits= 1,hits= 0;
for(p= f[1];*p;p++)if(!isdigit((unsigned char)*p))digits= 0;
for(j= 0;j<ctx.nseeds;j++){
if(strcmp(ctx.seeds[j].page,f[0])!=0)continue;
if(digits){r->seed= j;r->anchor= atoi(f[1]);hits++;continue;}
for(k= 1;k<=ctx.seeds[j].n;k++)
if(strstr(ctx.seeds[j].line[k],f[1])){r->seed= j;r->anchor= k;hits++;}
}
if(hits!=1)
fail("%s:%d: anchor \"%s\" matches %d lines of page %s (exactly one wanted)",
path,i,f[1],hits,f[0]);

if(r->anchor<1||r->anchor> ctx.seeds[r->seed].n)
fail("%s:%d: line %d is outside %s",path,i,r->anchor,ctx.seeds[r->seed].file);
}

/*:23*/
#line 476 "web/clauses.w"
;
}
}

/*:22*/
#line 75 "web/clauses.w"

/*24:*/
#line 505 "web/clauses.w"

static void tb_put(tbuf*b,char c,int ln)
{
if(b->n+1>=b->cap){
b->cap= b->cap?2*b->cap:256;
b->s= xrealloc(b->s,b->cap);b->ln= xrealloc(b->ln,b->cap*sizeof(int));
}
b->s[b->n]= c;b->ln[b->n]= ln;b->n++;b->s[b->n]= 0;
}
static void tb_reset(tbuf*b)
{
b->n= 0;if(b->s)b->s[0]= 0;
}

/*:24*//*25:*/
#line 522 "web/clauses.w"

static void tb_line(tbuf*b,const char*s,int ln)
{
while(isspace((unsigned char)*s))s++;
if(!*s)return;
if(b->n&&b->s[b->n-1]!='\n'){
size_t w= b->n-1;
int joined= 0;
if(b->s[w]=='-'&&w> 0&&islower((unsigned char)b->s[w-1])&&islower((unsigned char)*s)){
size_t k= w;
while(k> 0&&b->s[k-1]!=' '&&b->s[k-1]!='\'')k--;
if(k==0||b->s[k-1]==' '){b->n--;joined= 1;}
}
if(!joined)tb_put(b,' ',ln);
}
for(;*s;s++){
if(isspace((unsigned char)*s)){
if(b->n&&b->s[b->n-1]!=' ')tb_put(b,' ',ln);
}else tb_put(b,*s,ln);
}
while(b->n&&b->s[b->n-1]==' ')b->s[--b->n]= 0;
}

/*:25*//*26:*/
#line 548 "web/clauses.w"

static void tb_cat(tbuf*d,const tbuf*s,size_t from,size_t to,char sep)
{
size_t i;
if(from>=to)return;
if(d->n&&d->s[d->n-1]!='\n')tb_put(d,sep,s->ln[from]);
for(i= from;i<to;i++)tb_put(d,s->s[i],s->ln[i]);
}

/*:26*/
#line 76 "web/clauses.w"

/*28:*/
#line 570 "web/clauses.w"

static int abbreviation(const char*s,size_t i)
{
static const char*ab[]= {"e.g","i.e","etc","vs","cf"};
size_t k= i,j;
while(k> 0&&(isalpha((unsigned char)s[k-1])||s[k-1]=='.'))k--;
for(j= 0;j<sizeof ab/sizeof ab[0];j++)
if(i-k==strlen(ab[j])&&strncmp(s+k,ab[j],i-k)==0)return 1;
return 0;
}

/*:28*//*29:*/
#line 584 "web/clauses.w"

static int c_name(const char*s)
{
size_t k= 0;int under= 0;
while(islower((unsigned char)s[k])||isdigit((unsigned char)s[k])||s[k]=='_'){
if(s[k]=='_')under= 1;
k++;
}
return under&&k> 2&&s[k]==' ';
}

/*:29*//*30:*/
#line 595 "web/clauses.w"

static int split_sentences(const tbuf*b,int semi,span**out)
{
int n= 0,cap= 0;
size_t i,start= 0,len= b->n;
const char*s= b->s;
*out= NULL;
for(i= 0;i<=len;i++){
size_t end= 0;int cut= 0;
if(i==len||s[i]=='\n'){end= i;cut= 1;}
else if(s[i]=='.'||s[i]=='?'||s[i]=='!'){
size_t j= i+1;
while(j<len&&(s[j]==')'||s[j]=='"'))j++;
if(j<len&&s[j]==' '&&j+1<len&&!abbreviation(s,i)){
unsigned char c= (unsigned char)s[j+1];
if(isupper(c)||isdigit(c)||c=='('||c=='"'||c_name(s+j+1)){end= j;cut= 1;}
}
}else if(semi&&s[i]==';'&&i+2<len&&s[i+1]==' '){
char tok[64];
const char*t= find_const(s+i+2,"INADDR_",tok,sizeof tok);
if(t==s+i+2){end= i+1;cut= 1;}
}
if(!cut)continue;
while(start<end&&(s[start]==' '||s[start]=='\n'))start++;
{size_t e= end;
while(e> start&&s[e-1]==' ')e--;
if(e> start){
if(n==cap)*out= xrealloc(*out,sizeof(span)*(cap= cap?2*cap:16));
(*out)[n].start= start;(*out)[n].end= e;n++;
}
}
start= end;i= end> i?end-1:i;
}
return n;
}

/*:30*/
#line 77 "web/clauses.w"

/*36:*/
#line 735 "web/clauses.w"

static void extend(int c,int line)
{
clause*p= &ctx.cl[c];
if(line<p->first)p->first= line;
if(line> p->last)p->last= line;
}
static int clause_for(const char*id,int kind,const char*title,int line)
{
int i;
clause*p;
for(i= ctx.ncl-1;i>=0;i--)
if(ctx.cl[i].seed==ctx.cur_seed&&strcmp(ctx.cl[i].id,id)==0){
extend(i,line);return i;
}
if(ctx.ncl==ctx.capcl)
ctx.cl= xrealloc(ctx.cl,sizeof(clause)*(ctx.capcl= ctx.capcl?2*ctx.capcl:256));
p= &ctx.cl[ctx.ncl];
memset(p,0,sizeof*p);
copy(p->id,sizeof p->id,id);p->kind= kind;p->seed= ctx.cur_seed;
copy(p->title,sizeof p->title,title);
p->first= p->last= line;
return ctx.ncl++;
}

/*:36*//*37:*/
#line 762 "web/clauses.w"

static int named_clause(int kind,const char*name,int line)
{
static const char*prefix[K_N]= {"","","","call:","poll:","ioctl:","fcntl:",
"signal:","addr:","proc:",""};
char id[200];
snprintf(id,sizeof id,"%.60s:%.10s%.120s",ctx.seeds[ctx.cur_seed].page,prefix[kind],name);
return clause_for(id,kind,name,line);
}

/*:37*//*38:*/
#line 776 "web/clauses.w"

static int section_clause(int line)
{
char id[200],s[100];
const char*h= ctx.ss[0]?ctx.ss:ctx.sh;
slug(s,sizeof s,h);
snprintf(id,sizeof id,"%s:%s",ctx.seeds[ctx.cur_seed].page,s);
return clause_for(id,K_SECTION,h,line);
}

/*:38*//*39:*/
#line 788 "web/clauses.w"

static void give(int c,size_t from,size_t to,char sep)
{
if(from>=to)return;
tb_cat(&ctx.cl[c].body,&ctx.para,from,to,sep);
extend(c,ctx.para.ln[from]);extend(c,ctx.para.ln[to-1]);
ctx.last= c;
}

/*:39*//*40:*/
#line 801 "web/clauses.w"

static void heading(int level,const char*name,int line,int forced)
{
const modeentry*m;
flush_para();
ctx.nitems= 0;ctx.paras= 0;ctx.cur_addr= -1;ctx.cur_sig= -1;ctx.last= -1;
if(level==1){
copy(ctx.sh,sizeof ctx.sh,name);ctx.ss[0]= 0;
m= lookup_mode(sh_modes,name);
ctx.mode= m?m->mode:M_NARR;ctx.item_kind= -1;
}else{
copy(ctx.ss,sizeof ctx.ss,name);
m= lookup_mode(ss_modes,name);
ctx.mode= m?m->mode:M_NARR;ctx.item_kind= m?m->kind:-1;
}
if(ctx.mode==M_NARR||(forced&&ctx.mode!=M_SKIP))
ctx.last= section_clause(line);
}

/*:40*//*41:*/
#line 827 "web/clauses.w"

static int tag_names(const char*head,char names[][80],int max)
{
int n= 0,depth= 0,len;
char flat[400];size_t k= 0;
const char*s;
for(s= head;*s&&k+1<sizeof flat;s++){
if(*s=='(')depth++;
else if(*s==')'){if(depth)depth--;}
else if(!depth)flat[k++]= (*s==',')?' ':*s;
}
flat[k]= 0;
for(s= flat;*s;){
while(*s==' ')s++;
if(!*s)break;
len= ident_len(s);
if(len&&n<max&&(s[len]==' '||!s[len])){
snprintf(names[n++],80,"%.*s",len,s);s+= len;
}else if(starts(s,"and "))s+= 4;
else return 0;
}
return n;
}

/*:41*//*42:*/
#line 853 "web/clauses.w"

static int is_tag(const char*t)
{
char names[8][80];
return tag_names(t,names,8)> 0;
}

/*:42*//*43:*/
#line 860 "web/clauses.w"

static void item(const char*head,int line,const char*note)
{
char names[8][80];
int n= tag_names(head,names,8),i;
flush_para();
ctx.nitems= 0;
for(i= 0;i<n;i++){
int kind= ctx.item_kind,c;
if(kind<0)kind= starts(names[i],"IP_")?K_IP:K_SOL;
c= named_clause(kind,names[i],line);
if(note)copy(ctx.cl[c].note,sizeof ctx.cl[c].note,note);
ctx.items[ctx.nitems++]= c;ctx.last= c;
}
}

/*:43*//*44:*/
#line 879 "web/clauses.w"

static void text(const char*s,int line)
{
tb_line(&ctx.para,s,line);
}
static void code(int line)
{
int i;
flush_para();
if(ctx.nitems)for(i= 0;i<ctx.nitems;i++)extend(ctx.items[i],line);
else if(ctx.last>=0)extend(ctx.last,line);
}

/*:44*//*45:*/
#line 894 "web/clauses.w"

static void flush_para(void)
{
tbuf*p= &ctx.para;
int i;
if(!p->n)return;
switch(ctx.mode){
case M_NARR:give(section_clause(p->ln[0]),0,p->n,'\n');break;
case M_PHRASE:/*52:*/
#line 1017 "web/clauses.w"

{
span*sp;int ns= split_sentences(p,1,&sp),j;
const char*page= ctx.seeds[ctx.cur_seed].page;
for(j= 0;j<ns;j++){
const phrase*f;
char save= p->s[sp[j].end];
int c;
p->s[sp[j].end]= 0;
for(f= phrases;f->page;f++)
if(strcmp(f->page,page)==0&&strstr(p->s+sp[j].start,f->phrase))break;
p->s[sp[j].end]= save;
if(f->page){
ctx.cur_addr= named_clause(K_ADDR,f->slug,p->ln[sp[j].start]);
ctx.cl[ctx.cur_addr].semi= 1;
}
c= ctx.cur_addr>=0?ctx.cur_addr:section_clause(p->ln[sp[j].start]);
give(c,sp[j].start,sp[j].end,j?' ':'\n');
}
free(sp);
}

/*:52*/
#line 902 "web/clauses.w"
;break;
case M_ITEMS:/*46:*/
#line 917 "web/clauses.w"

if(ctx.nitems&&last_char(p->s)==':'&&p->n<60){
if(strstr(p->s,"fcntl("))ctx.item_kind= K_FCNTL;
ctx.nitems= 0;
}else if(ctx.nitems)for(i= 0;i<ctx.nitems;i++)give(ctx.items[i],0,p->n,'\n');
else give(section_clause(p->ln[0]),0,p->n,'\n');

/*:46*/
#line 903 "web/clauses.w"
;break;
case M_CALLS:/*47:*/
#line 929 "web/clauses.w"

{
char flag[64];
if(ctx.paras==0)give(section_clause(p->ln[0]),0,p->n,'\n');
else if(find_const(p->s,"O_",flag,sizeof flag)){
char name[64];size_t k;
for(k= 0;flag[k+2];k++)name[k]= (char)tolower((unsigned char)flag[k+2]);
name[k]= 0;
{char id[200];
snprintf(id,sizeof id,"%s:%s",ctx.seeds[ctx.cur_seed].page,name);
i= clause_for(id,K_CALL,flag,p->ln[0]);}
give(i,0,p->n,'\n');
}else{
span*sp;int ns= split_sentences(p,0,&sp),j;
for(j= 0;j<ns;j++)/*48:*/
#line 951 "web/clauses.w"

{
size_t a= sp[j].start,b= sp[j].end,k;
char seen[16][32];int nseen= 0,q;
for(k= a;k+3<=b;k++){
size_t w= k;
char name[32];
if(!(islower((unsigned char)p->s[k])&&(k==a||!isalnum((unsigned char)p->s[k-1]))))continue;
while(w<b&&(islower((unsigned char)p->s[w])||p->s[w]=='_'))w++;
if(w+3> b||strncmp(p->s+w,"(2)",3)!=0||w-k>=sizeof name)continue;
snprintf(name,sizeof name,"%.*s",(int)(w-k),p->s+k);
for(q= 0;q<nseen;q++)if(strcmp(seen[q],name)==0)break;
if(q<nseen||nseen==16)continue;
copy(seen[nseen++],32,name);
give(named_clause(K_CALL,name,p->ln[a]),a,b,' ');
}
}

/*:48*/
#line 943 "web/clauses.w"
;
free(sp);
}
}

/*:47*/
#line 904 "web/clauses.w"
;break;
case M_ADDR:/*49:*/
#line 973 "web/clauses.w"

{
char name[64]= "";
const char*s= strstr(p->s,"struct ");
int c= -1;
if(s){int n= ident_len(s+7);if(!n)n= (int)strspn(s+7,"abcdefghijklmnopqrstuvwxyz_");
snprintf(name,sizeof name,"%.*s",n,s+7);}
if(!name[0])for(i= ctx.ncl-1;i>=0;i--)
if(ctx.cl[i].seed==ctx.cur_seed&&ctx.cl[i].kind==K_ADDR&&strstr(p->s,ctx.cl[i].title)){
c= i;break;
}
if(c<0&&!name[0])/*50:*/
#line 990 "web/clauses.w"

{
const char*t;
for(t= p->s;*t;t++){
size_t n= 0;
if(t> p->s&&(isalnum((unsigned char)t[-1])||t[-1]=='_'))continue;
while(islower((unsigned char)t[n])||t[n]=='_')n++;
if(n> 2&&t[n-1]=='t'&&t[n-2]=='_'&&n<sizeof name){
snprintf(name,sizeof name,"%.*s",(int)n,t);break;
}
}
}

/*:50*/
#line 984 "web/clauses.w"
;
if(c<0&&name[0])c= named_clause(K_ADDR,name,p->ln[0]);
if(c<0)c= ctx.last>=0?ctx.last:section_clause(p->ln[0]);
give(c,0,p->n,'\n');
}

/*:49*/
#line 905 "web/clauses.w"
;break;
case M_SIGNALS:/*51:*/
#line 1006 "web/clauses.w"

{
char sig[64];
if(find_const(p->s,"SIG",sig,sizeof sig))ctx.cur_sig= named_clause(K_SIGNAL,sig,p->ln[0]);
give(ctx.cur_sig>=0?ctx.cur_sig:section_clause(p->ln[0]),0,p->n,'\n');
}

/*:51*/
#line 906 "web/clauses.w"
;break;
default:break;
}
ctx.paras++;
tb_reset(p);
}

/*:45*//*53:*/
#line 1043 "web/clauses.w"

static void poll_row(const tbuf*flags,const tbuf*occ,int first,int last)
{
char tok[32];
const char*s= flags->s;
flush_para();
while(s&&(s= find_const(s,"POLL",tok,sizeof tok))!=NULL){
int c= named_clause(K_POLL,tok,first);
tb_cat(&ctx.cl[c].body,occ,0,occ->n,'\n');
extend(c,first);extend(c,last);
s+= strlen(tok);
}
}

/*:53*//*54:*/
#line 1062 "web/clauses.w"

static void fixme_line(const char*raw,int line)
{
char tok[64],buf[600];
const char*s= buf;
nbsp_to_space(buf,sizeof buf,raw);
while(isspace((unsigned char)*s))s++;
if(strstr(s,"not yet documented")){ctx.fx_on= 1;ctx.fx_cl= -1;return;}
if(!ctx.fx_on)return;
if(find_const(s,"SO_",tok,sizeof tok)==s){
char id[200];
snprintf(id,sizeof id,"%s:%s",ctx.seeds[ctx.cur_seed].page,tok);
ctx.fx_cl= clause_for(id,K_UNDOC,tok,line);
}else if(ctx.fx_cl>=0&&*s)extend(ctx.fx_cl,line);
}
static void fixme_end(void)
{
ctx.fx_on= 0;ctx.fx_cl= -1;
}

/*:54*//*56:*/
#line 1098 "web/clauses.w"

static void begin_seed(int si)
{
ctx.cur_seed= si;ctx.mode= M_NONE;ctx.item_kind= -1;
ctx.sh[0]= ctx.ss[0]= 0;ctx.nitems= 0;ctx.last= -1;ctx.paras= 0;
ctx.cur_addr= ctx.cur_sig= -1;
tb_reset(&ctx.para);fixme_end();
}

/*:56*//*57:*/
#line 1113 "web/clauses.w"

static int recovered_heads(int line,int level)
{
int i,n= 0;
for(i= 0;i<ctx.nrec;i++){
recrow*r= &ctx.rec[i];
char note[300];
if(r->seed!=ctx.cur_seed||r->anchor!=line||strchr(r->name,':'))continue;
r->used= 1;n++;
snprintf(note,sizeof note,"name recovered from %s (lost in rendering)",r->source);
if(level||lookup_mode(sh_modes,r->name))
heading(level?level:1,r->name,line,1);
else item(r->name,line,note);
if(ctx.last>=0&&!ctx.cl[ctx.last].note[0])
copy(ctx.cl[ctx.last].note,sizeof ctx.cl[ctx.last].note,note);
}
return n;
}

/*:57*/
#line 78 "web/clauses.w"

/*58:*/
#line 1140 "web/clauses.w"

/*62:*/
#line 1210 "web/clauses.w"

static int font_request(const char*r)
{
static const char*f[]= {"B","I","BR","IR","RB","RI","BI","IB","SM","SB",NULL};
int i;
for(i= 0;f[i];i++)if(!strcmp(r,f[i]))return 1;
return 0;
}

/*:62*//*63:*/
#line 1223 "web/clauses.w"

static void deroff_text(const char*s,char*d,size_t size)
{
size_t k= 0;
while(*s&&k+4<size){
if(*s!='\\'){d[k++]= *s++;continue;}
s++;
if(*s=='-'){d[k++]= '-';s++;}
else if(*s=='('){
if(starts(s+1,"lq")||starts(s+1,"rq"))d[k++]= '"';
else if(starts(s+1,"em")){d[k++]= '-';d[k++]= '-';}
else if(starts(s+1,"bu"))d[k++]= '*';
else if(starts(s+1,"aq"))d[k++]= '\'';
s+= s[1]&&s[2]?3:1;
}else if(*s=='f')s+= s[1]?2:1;
else if(*s=='e'){d[k++]= '\\';s++;}
else if(*s=='&'||*s==':')s++;
else if(*s==' '){d[k++]= ' ';s++;}
else if(*s)d[k++]= *s++;
}
d[k]= 0;
}

/*:63*//*64:*/
#line 1249 "web/clauses.w"

static void deroff_args(const char*s,const char*req,char*d,size_t size)
{
char raw[600];size_t k= 0;
int alt= strlen(req)==2&&font_request(req);
while(*s&&k+2<sizeof raw){
while(*s==' '||*s=='\t')s++;
if(!*s)break;
if(k&&!alt)raw[k++]= ' ';
if(*s=='"'){s++;while(*s&&*s!='"'&&k+2<sizeof raw)raw[k++]= *s++;if(*s)s++;}
else while(*s&&*s!=' '&&*s!='\t'&&k+2<sizeof raw)raw[k++]= *s++;
}
raw[k]= 0;
deroff_text(raw,d,size);
}

/*:64*//*66:*/
#line 1276 "web/clauses.w"

static void table_begin(void)
{
int j;
ctx.tb_phase= 0;ctx.tb_block= 0;ctx.tb_nf= 0;
for(j= 0;j<4;j++)tb_reset(&ctx.tb_f[j]);
}
static void table_row_end(int line)
{
if(ctx.tb_nf>=3&&strstr(ctx.tb_f[1].s?ctx.tb_f[1].s:"","POLL"))
poll_row(&ctx.tb_f[1],&ctx.tb_f[2],ctx.tb_first,line);
table_begin();ctx.tb_phase= 2;
}

/*:66*//*67:*/
#line 1290 "web/clauses.w"

static void table_fields(const char*s,int line)
{
for(;;){
size_t n= strcspn(s,":");
char piece[300];
snprintf(piece,sizeof piece,"%.*s",(int)n,s);
if(ctx.tb_nf<4)ctx.tb_nf++;
if(!strcmp(piece,"T{")){ctx.tb_block= 1;return;}
{char t[300];deroff_text(piece,t,sizeof t);tb_line(&ctx.tb_f[ctx.tb_nf-1],t,line);}
if(!s[n])break;
s+= n+1;
}
table_row_end(line);
}

/*:67*//*68:*/
#line 1306 "web/clauses.w"

static void table_line(const char*L,int line)
{
if(ctx.tb_phase==0){ctx.tb_phase= 1;if(strchr(L,';'))return;}
if(ctx.tb_phase==1){if(last_char(L)=='.')ctx.tb_phase= 2;return;}
if(ctx.tb_block){
if(starts(L,"T}")){
ctx.tb_block= 0;
if(L[2]==':')table_fields(L+3,line);else table_row_end(line);
}else if(L[0]=='.'){
char req[8],arg[300];size_t n= strcspn(L+1," \t");
snprintf(req,sizeof req,"%.*s",(int)(n<7?n:7),L+1);
if(font_request(req)){
deroff_args(L+1+n,req,arg,sizeof arg);
tb_line(&ctx.tb_f[ctx.tb_nf-1],arg,line);
}
}else{char t[300];deroff_text(L,t,sizeof t);tb_line(&ctx.tb_f[ctx.tb_nf-1],t,line);}
return;
}
if(ctx.tb_nf==0)ctx.tb_first= line;
table_fields(L,line);
}

/*:68*/
#line 1141 "web/clauses.w"

static void read_roff(int si)
{
seed*s= &ctx.seeds[si];
int k= 0,N= 0,i,in_code= 0,expect_tag= 0,in_table= 0;
for(i= 1;i<=s->n&&!k;i++)if(strcmp(s->line[i],"1")==0)k= i;
if(!k)fail("%s: no line-number column",s->file);

while(k+N<=s->n&&atoi(s->line[k+N])==N+1&&isdigit((unsigned char)s->line[k+N][0]))N++;
if(s->n-(k+N)+1!=N)
fail("%s: the line-number column counts 1-%d but %d roff lines follow it",
s->file,N,s->n-(k+N)+1);

begin_seed(si);
for(i= k+N;i<=s->n;i++){
const char*L= s->line[i];
recovered_heads(i,0);
/*59:*/
#line 1166 "web/clauses.w"

if(starts(L,".\\\"")||starts(L,"'\\\"")){fixme_line(L+3,i);continue;}
fixme_end();
if(in_table){
if(starts(L,".TE"))in_table= 0;else table_line(L,i);
continue;
}
if(L[0]=='.'){
char req[8],arg[600];
size_t n= strcspn(L+1," \t");
snprintf(req,sizeof req,"%.*s",(int)(n<7?n:7),L+1);
deroff_args(L+1+n,req,arg,sizeof arg);
/*60:*/
#line 1185 "web/clauses.w"

if(!strcmp(req,"SH"))heading(1,arg,i,0);
else if(!strcmp(req,"SS"))heading(2,arg,i,0);
else if(!strcmp(req,"TP")){flush_para();expect_tag= 1;}
else if(!strcmp(req,"PP")||!strcmp(req,"LP")||!strcmp(req,"P")
||!strcmp(req,"IP")||!strcmp(req,"sp"))flush_para();
else if(!strcmp(req,"nf")||!strcmp(req,"EX"))in_code= 1;
else if(!strcmp(req,"fi")||!strcmp(req,"EE"))in_code= 0;
else if(!strcmp(req,"TS")){flush_para();in_table= 1;table_begin();}
else if(font_request(req)){
const char*t= arg;
/*61:*/
#line 1199 "web/clauses.w"

if(in_code)code(i);
else if(expect_tag){
expect_tag= 0;
if(ctx.mode==M_ITEMS&&is_tag(t))item(t,i,NULL);
else text(t,i);
}else text(t,i);

/*:61*/
#line 1196 "web/clauses.w"
;
}

/*:60*/
#line 1178 "web/clauses.w"
;
}else if(!L[0]){if(in_code)code(i);else flush_para();}
else{
char t[600];deroff_text(L,t,sizeof t);
/*61:*/
#line 1199 "web/clauses.w"

if(in_code)code(i);
else if(expect_tag){
expect_tag= 0;
if(ctx.mode==M_ITEMS&&is_tag(t))item(t,i,NULL);
else text(t,i);
}else text(t,i);

/*:61*/
#line 1182 "web/clauses.w"
;
}

/*:59*/
#line 1158 "web/clauses.w"
;
}
flush_para();
}

/*:58*/
#line 79 "web/clauses.w"

/*69:*/
#line 1353 "web/clauses.w"

/*71:*/
#line 1392 "web/clauses.w"

static int is_subheading(const char*t)
{
int c= last_char(t),words= 1;
const char*s;
if(strlen(t)> 40||!(isupper((unsigned char)t[0])||t[0]=='/'))return 0;
if(c=='.'||c==':'||c==','||c==';'||c==')')return 0;
if(strchr(t,'|')||strstr(t,"POLL"))return 0;
for(s= t;*s;s++)if(*s==' ')words++;
return words<=4;
}

/*:71*//*72:*/
#line 1406 "web/clauses.w"

static const char*upper(const char*t)
{
const modeentry*m= lookup_mode(sh_modes,t);
return m?m->heading:t;
}

/*:72*//*73:*/
#line 1413 "web/clauses.w"

static int flat_code(const char*raw,const char*t)
{
int c= last_char(t);
if(raw[0]==' '||raw[0]=='\t')return 1;
if(c==';'||c=='{')return 1;
if(starts(t,"}")||starts(t,"/*")||starts(t,"#")||strstr(t," // "))return 1;
if(!strchr(t,' ')&&islower((unsigned char)t[0])&&c!='.'&&c!=')')return 1;
return 0;
}

/*:73*//*75:*/
#line 1434 "web/clauses.w"

static int flat_table(const seed*s,int i,const char*t)
{
char tok[32];
const char*f= find_const(t,"POLL",tok,sizeof tok);
int words= 1,c= last_char(t),j;
const char*q;
for(q= t;*q;q++)if(*q==' ')words++;
if(f){
const char*end= f;
if(!ctx.fl_open){tb_reset(&ctx.fl_flags);tb_reset(&ctx.fl_occ);ctx.fl_first= i;}
while((q= find_const(end,"POLL",tok,sizeof tok))!=NULL)end= q+strlen(tok);
while(*end==' '||*end=='|')end++;
tb_line(&ctx.fl_flags,t,i);
if(*end){
tb_line(&ctx.fl_occ,end,i);
poll_row(&ctx.fl_flags,&ctx.fl_occ,ctx.fl_first,i);ctx.fl_open= 0;
}else ctx.fl_open= 1;
return 1;
}
if(ctx.fl_open&&ctx.fl_flags.n){
tb_reset(&ctx.fl_occ);tb_line(&ctx.fl_occ,t,i);
poll_row(&ctx.fl_flags,&ctx.fl_occ,ctx.fl_first,i);ctx.fl_open= 0;
return 1;
}
if(words==1){
for(j= i+1;j<=s->n&&blank(s->line[j]);j++);
if(j<=s->n&&find_const(s->line[j],"POLL",tok,sizeof tok)){
tb_reset(&ctx.fl_flags);tb_reset(&ctx.fl_occ);
ctx.fl_first= i;ctx.fl_open= 1;return 1;
}
}
if(words<=4&&c!='.'&&c!=':'&&c!=';'&&c!=')'&&c!=',')return 1;
return 0;
}

/*:75*/
#line 1354 "web/clauses.w"

static void read_flat(int si)
{
seed*s= &ctx.seeds[si];
int i,in_code= 0,blanks= 0,comments= 0;
begin_seed(si);
for(i= 1;i<=s->n;i++){
const char*L= s->line[i];
char t[4000];
int alone,after_code= in_code;
recovered_heads(i,0);
if(comments){fixme_line(L,i);continue;}
if(blank(L)){
flush_para();in_code= 0;
if(++blanks>=2&&lookup_mode(sh_modes,ctx.sh)&&!strcmp(ctx.sh,"COLOPHON"))comments= 1;
continue;
}
trim_into(t,sizeof t,L);
alone= (i==1||blank(s->line[i-1])||after_code)&&(i==s->n||blank(s->line[i+1]));
blanks= 0;
/*70:*/
#line 1379 "web/clauses.w"

if(alone&&lookup_mode(sh_modes,t)){in_code= 0;heading(1,upper(t),i,0);}
else if(alone&&ctx.mode==M_ITEMS&&last_char(t)!='.'&&is_tag(t)){
in_code= 0;item(t,i,NULL);
}else if(alone&&!after_code&&is_subheading(t)){in_code= 0;heading(2,t,i,0);}
else if(in_code||flat_code(L,t)){in_code= 1;code(i);}
else if(ctx.mode==M_CALLS&&flat_table(s,i,t));
else text(t,i);

/*:70*/
#line 1374 "web/clauses.w"
;
}
flush_para();fixme_end();
}

/*:69*/
#line 80 "web/clauses.w"

/*76:*/
#line 1483 "web/clauses.w"

/*77:*/
#line 1517 "web/clauses.w"

static void collapse(char*d,size_t size,const char*s)
{
size_t k= 0;
for(;*s&&k+1<size;s++){
if(isspace((unsigned char)*s)){if(k&&d[k-1]!=' ')d[k++]= ' ';}
else d[k++]= *s;
}
while(k&&d[k-1]==' ')k--;
d[k]= 0;
}

/*:77*//*80:*/
#line 1567 "web/clauses.w"

static int is_tag_p(const char*t)
{
char names[8][80];
return last_char(t)!='.'&&tag_names(t,names,8)> 0;
}
static int next_deeper(const seed*s,const char*skip,int i)
{
int j;
for(j= i+1;j<=s->n;j++){
if(skip[j]||blank(s->line[j]))continue;
return indent(s->line[j])>=13;
}
return 0;
}

/*:80*/
#line 1484 "web/clauses.w"

static void read_paged(int si)
{
seed*s= &ctx.seeds[si];
char*skip= xrealloc(NULL,(size_t)s->n+2);
char head[200];
int i,tbl= 0,last_ind= -1;
memset(skip,0,(size_t)s->n+2);
collapse(head,sizeof head,s->line[1]);
/*78:*/
#line 1529 "web/clauses.w"

for(i= 2;i<=s->n;i++){
char c[200];
int j;
if(!starts(s->line[i]+indent(s->line[i]),"Page "))continue;
skip[i]= 1;
if(i> 1&&blank(s->line[i-1]))skip[i-1]= 1;
for(j= i+1;j<=s->n&&j<=i+2;j++){
collapse(c,sizeof c,s->line[j]);
if(blank(s->line[j]))skip[j]= 1;
else if(!strcmp(c,head)){skip[j]= 1;if(j<s->n&&blank(s->line[j+1]))skip[j+1]= 1;break;}
else break;
}
}

/*:78*/
#line 1493 "web/clauses.w"
;
begin_seed(si);
for(i= 2;i<=s->n;i++){
char t[600];
const char*L= s->line[i];
int ind= indent(L);
if(strstr(L,"html<H4>")){
if(!recovered_heads(i,ind<=6?1:2))
fail("%s:%d: a heading was lost in rendering and spec/recovered.tsv does not name it",
s->file,i);

continue;
}
recovered_heads(i,0);
if(skip[i])continue;
if(blank(L)){flush_para();tbl= 0;last_ind= -1;continue;}
trim_into(t,sizeof t,L);
if(starts(t,".}f "))memmove(t,t+4,strlen(t+4)+1);
/*79:*/
#line 1548 "web/clauses.w"

if(tbl||strstr(t,"tab(")){
char*p= strstr(t,"tab(");
if(!tbl&&p&&p> t){*p= 0;text(t,i);}
tbl= 1;code(i);
}else if(ind<=6){
if(lookup_mode(sh_modes,t))heading(1,t,i,0);else text(t,i);
}else if(ind<=9)heading(2,t,i,0);
else if((ind>=13&&ind<=14)||ind>=18)code(i);
else{
int body= ind<=12;
if(body&&ctx.mode==M_ITEMS&&is_tag_p(t)&&next_deeper(s,skip,i)){
item(t,i,NULL);last_ind= -1;
}else{
if(last_ind>=0&&last_ind!=body)flush_para();
text(t,i);last_ind= body;
}
}

/*:79*/
#line 1511 "web/clauses.w"
;
}
flush_para();
free(skip);
}

/*:76*/
#line 81 "web/clauses.w"

/*81:*/
#line 1590 "web/clauses.w"

static void read_mandoc(int si)
{
seed*s= &ctx.seeds[si];
int i;
begin_seed(si);
for(i= 1;i<=s->n;i++){
const char*L= s->line[i];
char t[600];
size_t n;
recovered_heads(i,0);
if(blank(L)){flush_para();continue;}
trim_into(t,sizeof t,L);
n= strlen(t);
if(!isspace((unsigned char)L[0])){
if(n> 4&&!strcmp(t+n-3,"top")&&!isalpha((unsigned char)t[n-4])){
size_t k= strspn(t,"ABCDEFGHIJKLMNOPQRSTUVWXYZ ");
t[k]= 0;trim_into(t,sizeof t,t);
heading(1,t,i,0);
}else{flush_para();ctx.mode= M_NONE;}
continue;
}
if(ctx.mode==M_ITEMS||ctx.mode==M_NONE||ctx.mode==M_SKIP)continue;
text(t,i);
}
flush_para();
}

/*:81*/
#line 82 "web/clauses.w"

/*82:*/
#line 1624 "web/clauses.w"

static void apply_recovered(void)
{
int i,c;
for(i= 0;i<ctx.nrec;i++){
recrow*r= &ctx.rec[i];
if(!strchr(r->name,':'))continue;
for(c= 0;c<ctx.ncl;c++)
if(ctx.cl[c].seed==r->seed&&!strcmp(ctx.cl[c].id,r->name))break;
if(c==ctx.ncl)fail("spec/recovered.tsv:%d: no clause %s in %s",
r->tsvline,r->name,ctx.seeds[r->seed].file);

if(r->anchor<ctx.cl[c].first||r->anchor> ctx.cl[c].last)
fail("spec/recovered.tsv:%d: line %d is outside %s (lines %d-%d)",r->tsvline,
r->anchor,r->name,ctx.cl[c].first,ctx.cl[c].last);

if(ctx.cl[c].nann<16)ctx.cl[c].ann[ctx.cl[c].nann++]= r->anchor;
snprintf(ctx.cl[c].ann_note,sizeof ctx.cl[c].ann_note,
"lost words recovered from %s",r->source);
r->used= 1;
}
for(i= 0;i<ctx.nrec;i++)if(!ctx.rec[i].used)
fail("spec/recovered.tsv:%d: %s is anchored where no lost head was found",
ctx.rec[i].tsvline,ctx.rec[i].name);

}

/*:82*/
#line 83 "web/clauses.w"

/*83:*/
#line 1658 "web/clauses.w"

static int by_id(const void*a,const void*b)
{
const clause*x= a,*y= b;
int d= strcmp(x->id,y->id);
if(d)return d;
if((x->kind==K_UNDOC)!=(y->kind==K_UNDOC))return x->kind==K_UNDOC?1:-1;
return x->seed-y->seed;
}

/*:83*//*84:*/
#line 1668 "web/clauses.w"

static row*new_row(void)
{
if(ctx.nrows==ctx.caprows)
ctx.rows= xrealloc(ctx.rows,sizeof(row)*(ctx.caprows= ctx.caprows?2*ctx.caprows:512));
memset(&ctx.rows[ctx.nrows],0,sizeof(row));
return&ctx.rows[ctx.nrows++];
}
static void prov_of(char*d,size_t size,int si,int first,int last)
{
const seed*s= &ctx.seeds[si];
snprintf(d,size,"%s@%s:%s:%d-%d",s->page,s->edition,s->file,first,last);
}
static char*flat_quote(const tbuf*b,size_t from,size_t to)
{
char*q= xrealloc(NULL,to-from+1);size_t i;
for(i= from;i<to;i++)q[i-from]= b->s[i]=='\n'?' ':b->s[i];
q[to-from]= 0;
return q;
}

/*:84*//*85:*/
#line 1689 "web/clauses.w"

static void build_rows(void)
{
int g,h,j;
qsort(ctx.cl,(size_t)ctx.ncl,sizeof(clause),by_id);
for(g= 0;g<ctx.ncl;g= h){
clause*p= &ctx.cl[g];
row*r;
span*sp= NULL;int ns= 0;
for(h= g+1;h<ctx.ncl&&!strcmp(ctx.cl[h].id,p->id);h++);
r= new_row();
/*86:*/
#line 1713 "web/clauses.w"

{
int m,k;
char one[300];
copy(r->id,sizeof r->id,p->id);r->kind= p->kind;r->rule= 1;
copy(r->page,sizeof r->page,ctx.seeds[p->seed].page);
copy(r->title,sizeof r->title,p->title);
for(k= 0;k<ctx.nseeds;k++)for(m= g;m<h;m++)if(ctx.cl[m].seed==k){
prov_of(one,sizeof one,k,ctx.cl[m].first,ctx.cl[m].last);
if(r->prov[0])strncat(r->prov,";",sizeof r->prov-strlen(r->prov)-1);
strncat(r->prov,one,sizeof r->prov-strlen(r->prov)-1);
}
copy(r->rec,sizeof r->rec,"-");
for(m= g;m<h;m++){
if(ctx.cl[m].note[0])copy(r->rec,sizeof r->rec,ctx.cl[m].note);
else if(ctx.cl[m].ann_note[0])copy(r->rec,sizeof r->rec,ctx.cl[m].ann_note);
}
r->quote= flat_quote(&p->body,0,p->body.n);
r->seed= p->seed;r->first= p->first;r->last= p->last;
}

/*:86*/
#line 1700 "web/clauses.w"
;
if(numbered_kind(p->kind)){
ns= split_sentences(&p->body,p->semi,&sp);
if(ns){
free(r->quote);r->quote= flat_quote(&p->body,sp[0].start,sp[0].end);
r->first= p->body.ln[sp[0].start];r->last= p->body.ln[sp[0].end-1];
}
for(j= 1;j<ns;j++)/*87:*/
#line 1738 "web/clauses.w"

{
row*s= new_row();
int a= p->body.ln[sp[j].start],b= p->body.ln[sp[j].end-1],k;
r= s-j;
snprintf(s->id,sizeof s->id,"%s:%d",p->id,j+1);
s->kind= p->kind;s->rule= j+1;
copy(s->page,sizeof s->page,r->page);
snprintf(s->title,sizeof s->title,"%s, sentence %d",p->title,j+1);
prov_of(s->prov,sizeof s->prov,p->seed,a,b);
copy(s->rec,sizeof s->rec,"-");
if(p->note[0])copy(s->rec,sizeof s->rec,p->note);
for(k= 0;k<p->nann;k++)if(p->ann[k]>=a&&p->ann[k]<=b)
copy(s->rec,sizeof s->rec,p->ann_note);
s->quote= flat_quote(&p->body,sp[j].start,sp[j].end);
s->seed= p->seed;s->first= a;s->last= b;
}

/*:87*/
#line 1707 "web/clauses.w"
;
}
free(sp);
}
}

/*:85*/
#line 84 "web/clauses.w"

/*88:*/
#line 1757 "web/clauses.w"

static void extract(const char*dir,const char*manifest,const char*recovered)
{
int i;
read_manifest(manifest,dir);
read_recovered(recovered);
for(i= 0;i<ctx.nseeds;i++){
const char*f= ctx.seeds[i].form;
if(!strcmp(f,"roff-numbered"))read_roff(i);
else if(!strcmp(f,"text-flat"))read_flat(i);
else if(!strcmp(f,"text-paged"))read_paged(i);
else if(!strcmp(f,"text-mandoc"))read_mandoc(i);
else fail("%s: unknown form %s",ctx.seeds[i].file,f);

}
apply_recovered();
build_rows();
}

/*:88*//*89:*/
#line 1776 "web/clauses.w"

static void print_catalogue(FILE*out)
{
int i;
fputs("id\tkind\tpage\ttitle\tprovenance\trecovered\trule\n",out);
for(i= 0;i<ctx.nrows;i++){
const row*r= &ctx.rows[i];
fprintf(out,"%s\t%s\t%s\t%s\t%s\t%s\t%d\n",r->id,kind_name[r->kind],r->page,
r->title,r->prov,r->rec,r->rule);
}
}

/*:89*/
#line 85 "web/clauses.w"

/*90:*/
#line 1794 "web/clauses.w"

static char**column_one(const char*path,int header,int*n,char***rest)
{
int m,i,k= 0;
char**v= read_lines(path,&m);
char**ids= xrealloc(NULL,sizeof(char*)*(size_t)(m+1));
char**tail= xrealloc(NULL,sizeof(char*)*(size_t)(m+1));
for(i= 1+(header?1:0);i<=m;i++){
char*tab;
if(!v[i][0]||v[i][0]=='#')continue;
tab= strchr(v[i],'\t');
if(tab)*tab= 0;
ids[k]= v[i];tail[k]= tab?tab+1:v[i]+strlen(v[i]);k++;
}
*n= k;if(rest)*rest= tail;else free(tail);
return ids;
}
static int cmp_str(const void*a,const void*b)
{
return strcmp(*(char*const*)a,*(char*const*)b);
}

/*:90*//*91:*/
#line 1816 "web/clauses.w"

static int check(const char*cat,const char*stm)
{
int nc,ns,i,bad= 0,miss= 0,orphan= 0,dup= 0;
char**c= column_one(cat,1,&nc,NULL),**s= column_one(stm,0,&ns,NULL);
qsort(c,(size_t)nc,sizeof(char*),cmp_str);qsort(s,(size_t)ns,sizeof(char*),cmp_str);
for(i= 0;i<nc;i++)if(!bsearch(&c[i],s,(size_t)ns,sizeof(char*),cmp_str)){
printf("no statement: %s\n",c[i]);miss++;
}

for(i= 0;i<ns;i++){
if(i&&!strcmp(s[i],s[i-1])){printf("statement given twice: %s\n",s[i]);dup++;}

if(!bsearch(&s[i],c,(size_t)nc,sizeof(char*),cmp_str)){
printf("no clause: %s\n",s[i]);orphan++;
}

}
bad= miss+orphan+dup;
printf("clauses: %d, statements: %d, without statement: %d, without clause: %d, twice: %d\n",
nc,ns,miss,orphan,dup);
return bad?1:0;
}

/*:91*/
#line 86 "web/clauses.w"

/*92:*/
#line 1847 "web/clauses.w"

static void tex_escape(FILE*o,const char*s)
{
for(;*s;s++){
unsigned char c= (unsigned char)*s;
switch(c){
case'\\':fputs("$\\backslash$",o);break;
case'{':fputs("$\\{$",o);break;
case'}':fputs("$\\}$",o);break;
case'$':case'&':case'#':case'%':case'_':fputc('\\',o);fputc(c,o);break;
case'^':fputs("\\^{}",o);break;
case'~':fputs("\\~{}",o);break;
case'<':case'>':case'|':fputc('$',o);fputc(c,o);fputc('$',o);break;
default:
if(c<128)fputc(c,o);
else/*93:*/
#line 1870 "web/clauses.w"

{
const unsigned char*u= (const unsigned char*)s;
if(u[0]==0xc2&&u[1]==0xa0)fputc(' ',o);
else if(u[0]==0xe2&&u[1]==0x80&&u[2]==0x94)fputs("---",o);
else if(u[0]==0xe2&&u[1]==0x88&&u[2]==0x92)fputs("$-$",o);
else if(u[0]==0xe2&&u[1]==0x9f&&u[2]==0xa8)fputs("$\\langle$",o);
else if(u[0]==0xe2&&u[1]==0x9f&&u[2]==0xa9)fputs("$\\rangle$",o);
else if(u[0]==0xe2&&u[1]==0x80&&(u[2]==0x98||u[2]==0x99))fputc('\'',o);
else fputc('?',o);
while((unsigned char)s[1]>=0x80&&(unsigned char)s[1]<0xc0)s++;
}

/*:93*/
#line 1862 "web/clauses.w"
;
}
}
}

/*:92*//*94:*/
#line 1883 "web/clauses.w"

static void def(FILE*o,const char*kind,const char*id)
{
fprintf(o,"\\expandafter\\def\\csname %s:%s\\endcsname{",kind,id);
}
static void tex(const char*cat,const char*stm,const char*dir,const char*man,const char*rec)
{
int nc,ns,i;
char**st_rest;
char**c= column_one(cat,1,&nc,NULL),**s= column_one(stm,0,&ns,&st_rest);
if(dir)extract(dir,man,rec);
printf("%% generated by clauses tex; do not edit\n");
for(i= 0;i<nc;i++){
int j;
for(j= 0;j<ns;j++)if(!strcmp(s[j],c[i])){
def(stdout,"srstmt",c[i]);tex_escape(stdout,st_rest[j]);printf("}\n");break;
}
if(dir)/*95:*/
#line 1904 "web/clauses.w"

for(j= 0;j<ctx.nrows;j++)if(!strcmp(ctx.rows[j].id,c[i])){
const row*r= &ctx.rows[j];
char disp[80];
page_display(disp,sizeof disp,r->page);
def(stdout,"srquote",c[i]);tex_escape(stdout,r->quote?r->quote:"");printf("}\n");
def(stdout,"srsrc",c[i]);tex_escape(stdout,disp);
printf(", %s edition, lines %d--%d}\n",ctx.seeds[r->seed].edition,r->first,r->last);
break;
}

/*:95*/
#line 1900 "web/clauses.w"
;
}
}

/*:94*/
#line 87 "web/clauses.w"

/*96:*/
#line 1916 "web/clauses.w"

static void usage(void)
{
fail("usage: clauses extract --seeds DIR [--manifest F] [--recovered F]\n"
"       clauses check --catalogue F --statements F\n"
"       clauses tex --catalogue F --statements F [--seeds DIR] [--manifest F] [--recovered F]");

}
int main(int argc,char**argv)
{
const char*seeds= NULL,*man= "spec/seeds.manifest",*rec= "spec/recovered.tsv";
const char*cat= NULL,*stm= NULL;
int i;
if(argc<2)usage();
for(i= 2;i<argc;i++){
if(i+1>=argc)usage();
if(!strcmp(argv[i],"--seeds"))seeds= argv[++i];
else if(!strcmp(argv[i],"--manifest"))man= argv[++i];
else if(!strcmp(argv[i],"--recovered"))rec= argv[++i];
else if(!strcmp(argv[i],"--catalogue"))cat= argv[++i];
else if(!strcmp(argv[i],"--statements"))stm= argv[++i];
else usage();
}
if(!strcmp(argv[1],"extract")&&seeds){extract(seeds,man,rec);print_catalogue(stdout);return 0;}
if(!strcmp(argv[1],"check")&&cat&&stm)return check(cat,stm);
if(!strcmp(argv[1],"tex")&&cat&&stm){tex(cat,stm,seeds,man,rec);return 0;}
usage();
return 2;
}

/*:96*/
#line 88 "web/clauses.w"


/*:2*/
