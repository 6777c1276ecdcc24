/*1:*/
#line 65 "web/srfuzz.w"

/*2:*/
#line 90 "web/srfuzz.w"

#define _GNU_SOURCE 1
#include "fuzzgen.h"
#include "sockscript.h"
#include "sockref.h"
#include <errno.h> 
#include <fcntl.h> 
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <time.h> 
#include <unistd.h> 
#include <sys/mman.h> 
#include <sys/stat.h> 
#include <sys/wait.h> 

/*:2*/
#line 66 "web/srfuzz.w"

/*3:*/
#line 108 "web/srfuzz.w"

typedef struct{
long n;
unsigned long long seed;
int batch,lines,jobs,timeout;
bool print,print_batches,verbose,all_calls;
const char*save,*optpath,*catpath;
fg_options opts;
bool enabled[64];
char**catalogue;
int ncat;
ss_outcome*ko,*so;
/*18:*/
#line 504 "web/srfuzz.w"

long batches,ran,nlines,divergent,batchonly,failed,saved,known,tool;
double seconds;

/*:18*/
#line 120 "web/srfuzz.w"

}fuzz;

/*:3*//*6:*/
#line 195 "web/srfuzz.w"

typedef struct{
uint64_t seed;
int uid;
char*body;
size_t bodylen;
char*tail;
size_t taillen;
char*restore;
size_t restorelen;
}seqinfo;

/*:6*//*9:*/
#line 300 "web/srfuzz.w"

typedef struct{
ss_buf text;
long first;
int nseq;
int*seq,*bodyline;
int nlines,cap;
}batch;

/*:9*//*11:*/
#line 390 "web/srfuzz.w"

typedef struct{
int line;
int status,what;
long long kret,sret;
int kerr,serr;
}failure;

/*:11*//*17:*/
#line 496 "web/srfuzz.w"

typedef struct{
int status;
int lines;
int failed[SS_MAXPROC];
char note[160];
}verdict;

/*:17*/
#line 67 "web/srfuzz.w"

/*44:*/
#line 1109 "web/srfuzz.w"

static int print_sequences(const fuzz*F);
static int print_batches(const fuzz*F);
static void read_catalogue(fuzz*F);
static void run_batches(fuzz*F,verdict*V,int w);
static void handle_divergence(fuzz*F,long k);
static void shrink(fuzz*F,const seqinfo*q,char**ln,bool*keep,int n,int at,bool tail,
const failure*want);
static void save_divergence(fuzz*F,long k,const seqinfo*q,const char*rec);
static int describe(fuzz*F,const char*rec,char*kind,size_t klen,char*what,size_t wlen);
static int failing_line(fuzz*F,ss_script*s,char*what,size_t len);
static void divergence_kind(fuzz*F,ss_script*s,int li,char*kind,size_t len);
static const char*result_part(fuzz*F,ss_script*s,int li);
static const char*kind_file_name(const char*kind,char*name,size_t len);
static bool kind_known(const fuzz*F,const char*kind);
static bool write_script(const fuzz*F,const char*path,ss_script*s,const seqinfo*q,long k,
const char*kind,const char*what);
static void write_clauses(const fuzz*F,FILE*f,ss_script*s);

/*:44*/
#line 68 "web/srfuzz.w"

/*7:*/
#line 207 "web/srfuzz.w"

static uint64_t sequence_seed(unsigned long long seed,long k)
{
uint64_t s= seed*0x9e3779b97f4a7c15ULL+(uint64_t)k;
for(int i= 0;i<3;i++){
s^= s>>31;
s*= 0xbf58476d1ce4e5b9ULL;
s^= s>>29;
}
return s;
}

static void take(ss_buf*b,char**p,size_t*n)
{
*p= b->p?b->p:strdup("");
*n= b->n;
b->p= NULL;
b->n= b->cap= 0;
}

static void make_sequence(const fuzz*F,long k,seqinfo*q)
{
fg_rand r;
fg_gen g;
ss_buf b= {NULL,0,0};
static const int uids[]= {0,0,0,0,0,0,0,1000,65534,0};
q->seed= sequence_seed(F->seed,k);
fg_seed(&r,q->seed);
q->uid= uids[fg_below(&r,10)];
fg_init(&g,&r,&F->opts,F->enabled,&b);
fg_begin(&g,q->uid==0);
fg_sequence(&g,F->lines);
take(&b,&q->body,&q->bodylen);
fg_close_all(&g);
take(&b,&q->tail,&q->taillen);
fg_restore(&g);
take(&b,&q->restore,&q->restorelen);
fg_free(&g);
}

static void free_sequence(seqinfo*q)
{
free(q->body);
free(q->tail);
free(q->restore);
}

/*:7*//*8:*/
#line 257 "web/srfuzz.w"

static int print_sequences(const fuzz*F)
{
if(F->print_batches)return print_batches(F);
for(long k= 0;k<F->n;k++){
seqinfo q;
make_sequence(F,k,&q);
printf("# sequence %ld of seed %llu, for user %d\n",k,F->seed,q.uid);
if(q.uid)printf("proc_new(%d) = ?\nproc_switch(2) = ?\n",q.uid);
fwrite(q.body,1,q.bodylen,stdout);
free_sequence(&q);
}
return 0;
}

/*:8*//*10:*/
#line 309 "web/srfuzz.w"

static void batch_add(batch*B,const char*p,size_t n,int seq,bool body)
{
int k= 0;
ss_puts(&B->text,p,n);
for(size_t i= 0;i<n;i++)
if(p[i]=='\n'){
if(B->nlines==B->cap){
B->cap= B->cap?2*B->cap:256;
B->seq= realloc(B->seq,(size_t)B->cap*sizeof*B->seq);
B->bodyline= realloc(B->bodyline,(size_t)B->cap*sizeof*B->bodyline);
if(!B->seq||!B->bodyline)abort();
}
B->seq[B->nlines]= seq;
B->bodyline[B->nlines++]= body?k++:-1;
}
}

static void batch_line(batch*B,int seq,const char*fmt,int arg)
{
char buf[64];
int n= snprintf(buf,sizeof buf,fmt,arg);
batch_add(B,buf,(size_t)n,seq,false);
}

static void make_batch(const fuzz*F,long first,int nseq,batch*B)
{
memset(B,0,sizeof*B);
B->first= first;
B->nseq= nseq;
for(int j= 0;j<nseq;j++){
seqinfo q;
make_sequence(F,first+j,&q);
batch_line(B,j,"proc_new(%d) = ?\n",q.uid);
batch_line(B,j,"proc_switch(%d) = ?\n",j+2);
batch_add(B,q.body,q.bodylen,j,true);
batch_add(B,q.tail,q.taillen,j,false);
batch_line(B,j,"proc_switch(%d) = ?\n",1);
batch_add(B,q.restore,q.restorelen,j,false);
free_sequence(&q);
}
}

static void free_batch(batch*B)
{
free(B->text.p);
free(B->seq);
free(B->bodyline);
}

static int print_batches(const fuzz*F)
{
for(long k0= 0;k0<F->n;k0+= F->batch){
batch B;
int nseq= (int)(F->n-k0<F->batch?F->n-k0:F->batch);
make_batch(F,k0,nseq,&B);
printf("# batch of sequences %ld to %ld of seed %llu\n",k0,k0+nseq-1,F->seed);
fwrite(B.text.p,1,B.text.n,stdout);
free_batch(&B);
}
return 0;
}

/*:10*//*12:*/
#line 398 "web/srfuzz.w"

static bool same_failure(const failure*a,const failure*b)
{
return a->status==b->status&&a->what==b->what&&a->kret==b->kret&&
a->sret==b->sret&&a->kerr==b->kerr&&a->serr==b->serr;
}

/*:12*//*13:*/
#line 405 "web/srfuzz.w"

static int compare(fuzz*F,const char*text,size_t len,const int*seqof,int nseq,
failure*fl,char*note,size_t notelen,ss_buf*recorded)
{
ss_script*s= ss_parse("sequence",text,len,stderr),*rs= NULL;
ss_buf rec= {NULL,0,0};
ss_arena a= {NULL,0,0};
int rc= 0;
for(int j= 0;j<(seqof?nseq:1);j++)fl[j].line= -1;
if(!s){snprintf(note,notelen,"the generator wrote a line that does not parse");return-1;}
/*15:*/
#line 444 "web/srfuzz.w"

{
ss_outcome*ko= F->ko;
if(ss_run_kernel(s,ko,F->timeout)<0){
snprintf(note,notelen,"%s",ko->note[0]?ko->note:"the kernel run failed");
rc= -1;
}else
for(int li= 0;li<s->nlines;li++){
ss_env e= ko->env;
ss_print_line(&rec,s,li,ko,&a,&e);
ss_putc(&rec,'\n');
}
}

/*:15*/
#line 415 "web/srfuzz.w"

if(rc==0&&!(rs= ss_parse("recorded",rec.p,rec.n,stderr))){
snprintf(note,notelen,"the recorded script does not parse");
rc= -1;
}
if(rc==0)/*16:*/
#line 463 "web/srfuzz.w"

{
ss_outcome*so= F->so;
ss_env e;
ss_run_sockref(rs,so);
e= so->env;
for(int li= 0;li<rs->nlines;li++){
int what,j= seqof?seqof[li]:0;
if(rs->line[li].kind!=SL_CALL)continue;
{
int st= ss_check_line(rs,li,so,&a,&e,&what);
if(st!=SS_PASS&&fl[j].line<0){
fl[j].line= li;
fl[j].status= st;
fl[j].what= what;
fl[j].kret= F->ko->raw[li].ret;
fl[j].kerr= F->ko->raw[li].err;
fl[j].sret= so->raw[li].ret;
fl[j].serr= so->raw[li].err;
}
}
ss_arena_reset(&a);
}
}

/*:16*/
#line 420 "web/srfuzz.w"

if(recorded&&rc==0){free(recorded->p);*recorded= rec;}
else free(rec.p);
ss_free(s);
ss_free(rs);
ss_arena_free(&a);
return rc;
}

/*:13*//*14:*/
#line 433 "web/srfuzz.w"

static void make_outcomes(fuzz*F)
{
if(!F->ko)F->ko= ss_outcome_new(true);
if(!F->so)F->so= ss_outcome_new(false);
if(!F->ko||!F->so){fputs("sr-fuzz: out of memory\n",stderr);exit(1);}
}

/*:14*//*20:*/
#line 538 "web/srfuzz.w"

static void run_batches(fuzz*F,verdict*V,int w)
{
make_outcomes(F);
for(long b= w;b<F->batches;b+= F->jobs){
batch B;
failure fl[SS_MAXPROC];
long k0= b*F->batch;
int nseq= (int)(F->n-k0<F->batch?F->n-k0:F->batch);
make_batch(F,k0,nseq,&B);
V[b].lines= B.nlines;
if(compare(F,B.text.p,B.text.n,B.seq,nseq,fl,V[b].note,sizeof V[b].note,NULL)<0)
V[b].status= -1;
else{
V[b].status= 1;
for(int j= 0;j<nseq;j++)V[b].failed[j]= fl[j].line>=0?B.bodyline[fl[j].line]:-1;
/*21:*/
#line 568 "web/srfuzz.w"

for(int j= 0;j<nseq;j++)
if(fl[j].line>=0&&B.bodyline[fl[j].line]<0)V[b].failed[j]= INT32_MAX;

/*:21*/
#line 554 "web/srfuzz.w"

if(F->verbose)/*22:*/
#line 576 "web/srfuzz.w"

for(int j= 0;j<nseq;j++)
if(fl[j].line>=0){
const char*p= B.text.p;
for(int li= 0;li<fl[j].line&&p;li++){p= strchr(p,'\n');if(p)p++;}
if(p)fprintf(stderr,"sr-fuzz: sequence %ld fails in its batch at: %.*s\n",k0+j,
(int)strcspn(p,"\n"),p);
}

/*:22*/
#line 555 "web/srfuzz.w"

}
if(F->verbose)fprintf(stderr,"sr-fuzz: batch %ld done\n",b);
free_batch(&B);
}
}

/*:20*//*25:*/
#line 631 "web/srfuzz.w"

static void alone_text(ss_buf*b,const seqinfo*q,char**ln,const bool*keep,int n,bool tail)
{
b->n= 0;
if(q->uid)ss_printf(b,"proc_new(%d) = ?\nproc_switch(2) = ?\n",q->uid);
for(int i= 0;i<n;i++)
if(keep[i]){ss_puts(b,ln[i],strlen(ln[i]));ss_putc(b,'\n');}
if(tail)ss_puts(b,q->tail,q->taillen);
if(!b->p)ss_puts(b,"",0);
}

/*:25*//*26:*/
#line 644 "web/srfuzz.w"

static int split_lines(char*body,char***out)
{
int n= 0,cap= 16;
char**v= malloc((size_t)cap*sizeof*v);
for(char*p= body;p&&*p;){
char*nl= strchr(p,'\n');
if(nl)*nl= '\0';
if(n==cap){cap*= 2;v= realloc(v,(size_t)cap*sizeof*v);}
if(!v)abort();
v[n++]= p;
p= nl?nl+1:NULL;
}
*out= v;
return n;
}

/*:26*//*27:*/
#line 672 "web/srfuzz.w"

static int fails_at(fuzz*F,const seqinfo*q,char**ln,const bool*keep,int n,bool tail,
failure*fl,ss_buf*recorded)
{
ss_buf b= {NULL,0,0};
int at= -2,k= q->uid?2:0;
char note[256];
alone_text(&b,q,ln,keep,n,tail);
if(compare(F,b.p,b.n,NULL,1,fl,note,sizeof note,recorded)<0)at= -3;
else if(fl->line>=0){
if(fl->line<k)at= -1;
else{
at= n;
for(int i= 0;i<n;i++)
if(keep[i]&&k++==fl->line){at= i;break;}
}
}
if(F->verbose)fprintf(stderr,"sr-fuzz: a trial of %d bytes fails at %d\n",(int)b.n,at);
free(b.p);
return at;
}

static bool still_fails(fuzz*F,const seqinfo*q,char**ln,const bool*keep,int n,bool tail,
int at,const failure*want)
{
failure fl;
return fails_at(F,q,ln,keep,n,tail,&fl,NULL)==at&&same_failure(&fl,want);
}

/*:27*//*28:*/
#line 706 "web/srfuzz.w"

static void handle_divergence(fuzz*F,long k)
{
seqinfo q;
char**ln,kind[256],what[4096];
int n,at;
bool*keep,tail;
failure fl;
ss_buf rec= {NULL,0,0};
make_sequence(F,k,&q);
n= split_lines(q.body,&ln);
keep= malloc((size_t)(n+1)*sizeof*keep);
for(int i= 0;i<n;i++)keep[i]= true;
at= fails_at(F,&q,ln,keep,n,false,&fl,&rec);
tail= at<0;
if(tail)at= fails_at(F,&q,ln,keep,n,true,&fl,&rec);
if(at<-1){
F->batchonly++;
printf("sr-fuzz: sequence %ld failed in its batch but not alone\n",k);
}else if(describe(F,rec.p,kind,sizeof kind,what,sizeof what)<0){
F->batchonly++;
printf("sr-fuzz: sequence %ld: the recorded script no longer fails\n",k);
}else{
F->divergent++;
if(fl.status!=SS_DIVERGE)F->tool++;
printf("sr-fuzz: sequence %ld diverges: %s\n%s",k,kind,what);
if(kind_known(F,kind))F->known++;
else{
failure want= fl;
shrink(F,&q,ln,keep,n,at,tail,&want);
fails_at(F,&q,ln,keep,n,tail,&fl,&rec);
save_divergence(F,k,&q,rec.p?rec.p:"");
}
}
free(rec.p);
free(keep);
free(ln);
free_sequence(&q);
}

/*:28*//*29:*/
#line 756 "web/srfuzz.w"

static void shrink(fuzz*F,const seqinfo*q,char**ln,bool*keep,int n,int at,bool tail,
const failure*want)
{
int*cand= malloc((size_t)(n+1)*sizeof*cand),nc= 0,parts= 2;
bool*trial= malloc((size_t)(n+1)*sizeof*trial);
if(at<n)for(int i= at+1;i<n;i++)keep[i]= false;
for(int i= 0;i<n&&i<at;i++)if(keep[i])cand[nc++]= i;
while(nc>=1){
bool reduced= false;
if(parts> nc)parts= nc;
for(int p= 0;p<parts&&!reduced;p++)/*30:*/
#line 783 "web/srfuzz.w"

{
int lo= p*nc/parts,hi= (p+1)*nc/parts;
for(int mode= 0;mode<2&&!reduced;mode++){
if(mode==1&&parts<=2)break;
memcpy(trial,keep,(size_t)n*sizeof*trial);
for(int c= 0;c<nc;c++)
if((c>=lo&&c<hi)==(mode==0))trial[cand[c]]= false;
if(still_fails(F,q,ln,trial,n,tail,at,want)){
int m= 0;
memcpy(keep,trial,(size_t)n*sizeof*keep);
for(int c= 0;c<nc;c++)if(keep[cand[c]])cand[m++]= cand[c];
nc= m;
parts= mode==0?(parts> 2?parts-1:2):2;
reduced= true;
}
}
}

/*:30*/
#line 767 "web/srfuzz.w"

if(!reduced){
if(parts>=nc)break;
parts= parts*2<nc?parts*2:nc;
}
}
free(cand);
free(trial);
}

/*:29*//*31:*/
#line 816 "web/srfuzz.w"

static int describe(fuzz*F,const char*rec,char*kind,size_t klen,char*what,size_t wlen)
{
ss_script*s= rec?ss_parse("recorded",rec,strlen(rec),stderr):NULL;
int li= s?failing_line(F,s,what,wlen):-1;
if(li>=0)divergence_kind(F,s,li,kind,klen);
ss_free(s);
return li;
}

static void save_divergence(fuzz*F,long k,const seqinfo*q,const char*rec)
{
ss_script*s= ss_parse("saved",rec,strlen(rec),stderr);
char kind[256],path[4096],what[4096],fname[96];
int li;
if(!s)return;
li= failing_line(F,s,what,sizeof what);
if(li<0){printf("sr-fuzz: sequence %ld: the shrunk script no longer fails\n",k);ss_free(s);return;}
divergence_kind(F,s,li,kind,sizeof kind);
snprintf(path,sizeof path,"%s/%s-s%llu-%ld.sr",F->save,kind_file_name(kind,fname,sizeof fname),F->seed,k);
if(write_script(F,path,s,q,k,kind,what)){F->saved++;printf("sr-fuzz: saved %s\n",path);}
ss_free(s);
}

/*:31*//*32:*/
#line 843 "web/srfuzz.w"

static int failing_line(fuzz*F,ss_script*s,char*what,size_t len)
{
ss_outcome*so= F->so;
ss_arena a= {NULL,0,0};
ss_env e;
int found= -1;
ss_run_sockref(s,so);
e= so->env;
for(int li= 0;li<s->nlines&&found<0;li++){
int w;
if(s->line[li].kind!=SL_CALL)continue;
if(ss_check_line(s,li,so,&a,&e,&w)!=SS_PASS){
ss_buf b= {NULL,0,0};
ss_env e2= so->env;
ss_print_line(&b,s,li,so,&a,&e2);
snprintf(what,len,"  kernel:  %.*s\n  sockref: %s\n",s->line[li].len,s->line[li].text,b.p?b.p:"");
free(b.p);
found= li;
}
}
ss_arena_free(&a);
return found;
}

/*:32*//*33:*/
#line 873 "web/srfuzz.w"

static void divergence_kind(fuzz*F,ss_script*s,int li,char*kind,size_t len)
{
const ss_line*ln= &s->line[li];
const char*call= ss_call_name(ln->call),*part;
char arg[128]= "";
int ai= !strcmp(call,"getsockopt")||!strcmp(call,"setsockopt")?2:
!strcmp(call,"fcntl")||!strcmp(call,"ioctl")?1:
!strcmp(call,"sysctl_set")||!strcmp(call,"sysctl_get")?0:-1;
ss_buf b= {NULL,0,0};
if(ai>=0&&ai<ln->nargs){
ss_print_value(&b,ln->arg[ai],true);
snprintf(arg,sizeof arg," %s",b.p?b.p:"");
free(b.p);
}
part= result_part(F,s,li);
snprintf(kind,len,"%s%s: %s",call,arg,part);
}

/*:33*//*34:*/
#line 894 "web/srfuzz.w"

static const char*result_part(fuzz*F,ss_script*s,int li)
{
ss_outcome*so= F->so;
ss_arena a= {NULL,0,0};
ss_env e= so->env;
int w= SS_WHAT_NONE;
ss_check_line(s,li,so,&a,&e,&w);
ss_arena_free(&a);
return w==SS_WHAT_RET?"the result":w==SS_WHAT_ERR?"the error number":
w>=0?"an output":"an input sockref could not be given";
}

/*:34*//*35:*/
#line 910 "web/srfuzz.w"

static const char*kind_file_name(const char*kind,char*name,size_t len)
{
size_t n= 0;
for(const char*p= kind;*p&&*p!=':'&&n+1<len;p++){
char c= *p;
bool ok= (c>='a'&&c<='z')||(c>='A'&&c<='Z')||(c>='0'&&c<='9')||c=='_';
if(ok)name[n++]= c;
else if(n&&name[n-1]!='-')name[n++]= '-';
}
while(n&&name[n-1]=='-')n--;
name[n]= '\0';
return name;
}

/*:35*//*36:*/
#line 927 "web/srfuzz.w"

static bool kind_known(const fuzz*F,const char*kind)
{
char**files,*dirs[1];
int n;
bool known= false;
dirs[0]= (char*)F->save;
n= ss_collect(dirs,1,&files);
for(int i= 0;i<n;i++){
FILE*f= known?NULL:fopen(files[i],"r");
char line[1024];
while(f&&fgets(line,sizeof line,f))
if(!strncmp(line,"# divergence: ",14)){
line[strcspn(line,"\n")]= '\0';
if(!strcmp(line+14,kind))known= true;
}
if(f)fclose(f);
free(files[i]);
}
free(files);
return known;
}

/*:36*//*37:*/
#line 952 "web/srfuzz.w"

static bool write_script(const fuzz*F,const char*path,ss_script*s,const seqinfo*q,long k,
const char*kind,const char*what)
{
FILE*f;
mkdir(F->save,0755);
if(!(f= fopen(path,"w"))){fprintf(stderr,"sr-fuzz: cannot write %s\n",path);return false;}

fprintf(f,"#! clauses");
write_clauses(F,f,s);
fprintf(f,"\n# Found by sr-fuzz --seed %llu (sequence %ld, user %d) and shrunk; recorded on Linux.\n",
F->seed,k,q->uid);
fprintf(f,"# divergence: %s\n",kind);
for(const char*p= what;*p;){
const char*nl= strchr(p,'\n');
int len= nl?(int)(nl-p):(int)strlen(p);
fprintf(f,"#%.*s\n",len,p);
p+= len+(nl!=NULL);
}
fwrite(s->text,1,s->textlen,f);
return fclose(f)==0;
}

/*:37*//*38:*/
#line 993 "web/srfuzz.w"

static void read_catalogue(fuzz*F)
{
FILE*in= fopen(F->catpath,"r");
char line[8192];
int cap= 0;
if(!in)return;
while(fgets(line,sizeof line,in)){
line[strcspn(line,"\t\n")]= '\0';
if(!line[0]||line[0]=='#'||!strcmp(line,"id"))continue;
if(F->ncat==cap){
cap= cap?2*cap:1024;
F->catalogue= realloc(F->catalogue,(size_t)cap*sizeof*F->catalogue);
if(!F->catalogue)abort();
}
F->catalogue[F->ncat++]= strdup(line);
}
fclose(in);
}

static bool in_catalogue(const fuzz*F,const char*id)
{
for(int i= 0;i<F->ncat;i++)if(!strcmp(F->catalogue[i],id))return true;
return false;
}

/*:38*//*39:*/
#line 1022 "web/srfuzz.w"

#define MAXCL 64
static void add_clause(const fuzz*F,char(*cl)[128],int*n,const char*id)
{
if(*n==MAXCL||!in_catalogue(F,id))return;
for(int i= 0;i<*n;i++)if(!strcmp(cl[i],id))return;
snprintf(cl[(*n)++],128,"%s",id);
}

static void add_clauses_of_row(const fuzz*F,char(*cl)[128],int*n,const fg_option*o)
{
char ids[160],*save,*id;
snprintf(ids,sizeof ids,"%s",o->clause);
for(id= strtok_r(ids,";",&save);id;id= strtok_r(NULL,";",&save))add_clause(F,cl,n,id);
}

/*:39*//*40:*/
#line 1038 "web/srfuzz.w"

static void write_clauses(const fuzz*F,FILE*f,ss_script*s)
{
char cl[MAXCL][128],id[160];
int n= 0;
for(int li= 0;li<s->nlines;li++){
const ss_line*ln= &s->line[li];
const char*call;
if(ln->kind!=SL_CALL)continue;
call= ss_call_name(ln->call);
snprintf(id,sizeof id,"socket.7:call:%s",call);
add_clause(F,cl,&n,id);
/*41:*/
#line 1055 "web/srfuzz.w"

if((!strcmp(call,"setsockopt")||!strcmp(call,"getsockopt"))&&ln->nargs>=3&&
ln->arg[1]->kind==SV_INT&&ln->arg[2]->kind==SV_INT){
const fg_option*o= fg_find_option(&F->opts,ln->arg[1]->i==SOL_SOCKET,ln->arg[2]->i);
if(o&&(ln->arg[1]->i==SOL_SOCKET||ln->arg[1]->i==IPPROTO_IP))add_clauses_of_row(F,cl,&n,o);
}
if(!strcmp(call,"ioctl")&&ln->nargs>=2&&ln->arg[1]->kind==SV_INT){
const char*nm= ss_symbol_name("ioctl",ln->arg[1]->i);
if(nm){
snprintf(id,sizeof id,"socket.7:ioctl:%s",nm);add_clause(F,cl,&n,id);
snprintf(id,sizeof id,"socket.7:fcntl:%s",nm);add_clause(F,cl,&n,id);
}
}
if(!strcmp(call,"fcntl")&&ln->nargs>=2&&ln->arg[1]->kind==SV_INT){
long long c= ln->arg[1]->i;
if(c==F_GETFL||c==F_SETFL)add_clause(F,cl,&n,"socket.7:nonblock");
if(c==F_GETOWN||c==F_SETOWN||c==F_GETSIG||c==F_SETSIG)add_clause(F,cl,&n,"socket.7:signal:SIGIO");
}
if((!strcmp(call,"sysctl_set")||!strcmp(call,"sysctl_get"))&&ln->nargs>=1&&
ln->arg[0]->kind==SV_STR){
const char*nm= (const char*)ln->arg[0]->s,*last= strrchr(nm,'.');
const char*page= !strncmp(nm,"net.core.",9)?"socket.7":"ip.7";
int before= n;
snprintf(id,sizeof id,"%s:proc:%s",page,last?last+1:nm);
add_clause(F,cl,&n,id);
if(n==before){
snprintf(id,sizeof id,"%s:proc_interfaces",page);
add_clause(F,cl,&n,id);
}
}

/*:41*/
#line 1050 "web/srfuzz.w"

}
for(int i= 0;i<n;i++)fprintf(f," %s",cl[i]);
}

/*:40*/
#line 69 "web/srfuzz.w"

int main(int argc,char**argv)
{
fuzz F;
setvbuf(stdout,NULL,_IOLBF,0);
/*4:*/
#line 123 "web/srfuzz.w"

memset(&F,0,sizeof F);
F.n= 100;
F.seed= 1;
F.batch= 15;
F.lines= 24;
F.jobs= 1;
F.timeout= 20;
F.save= "tests/scripts/fuzz";
F.optpath= "spec/options.tsv";
F.catpath= "generated/catalogue.tsv";
for(int i= 1;i<argc;i++){
const char*a= argv[i],*v= i+1<argc?argv[i+1]:NULL;
if(!strcmp(a,"-n")&&v){F.n= atol(v);i++;}
else if(!strcmp(a,"--seed")&&v){F.seed= strtoull(v,NULL,0);i++;}
else if(!strcmp(a,"--batch")&&v){F.batch= atoi(v);i++;}
else if(!strcmp(a,"--lines")&&v){F.lines= atoi(v);i++;}
else if(!strcmp(a,"--jobs")&&v){F.jobs= atoi(v);i++;}
else if(!strcmp(a,"--timeout")&&v){F.timeout= atoi(v);i++;}
else if(!strcmp(a,"--save")&&v){F.save= v;i++;}
else if(!strcmp(a,"--options")&&v){F.optpath= v;i++;}
else if(!strcmp(a,"--catalogue")&&v){F.catpath= v;i++;}
else if(!strcmp(a,"--print"))F.print= true;
else if(!strcmp(a,"--print-batches"))F.print= F.print_batches= true;
else if(!strcmp(a,"-v"))F.verbose= true;
else if(!strcmp(a,"--all-calls"))F.all_calls= true;
else{
fprintf(stderr,"usage: sr-fuzz [-n N] [--seed S] [--batch K] [--lines L] [--jobs J] [--save DIR]\n"
"               [--options FILE] [--catalogue FILE] [--timeout S] [-v] [--all-calls]\n"
"               [--print | --print-batches]\n");

return 2;
}
}
if(F.batch<1)F.batch= 1;
if(F.batch> SS_MAXPROC-1)F.batch= SS_MAXPROC-1;
if(F.jobs<1)F.jobs= 1;
if(F.lines<1)F.lines= 1;

/*:4*/
#line 74 "web/srfuzz.w"

/*5:*/
#line 166 "web/srfuzz.w"

if(fg_load_options(F.optpath,&F.opts)<=0){
fprintf(stderr,"sr-fuzz: cannot read the option table %s\n",F.optpath);

return 2;
}
if((size_t)ss_ncalls()> sizeof F.enabled/sizeof F.enabled[0]){
fprintf(stderr,"sr-fuzz: the executor has more calls than the fuzzer can enable\n");
return 2;
}
fg_probe_sockref(&F.opts,F.enabled);
if(F.all_calls)for(int c= 0;c<ss_ncalls();c++)F.enabled[c]= true;
read_catalogue(&F);
if(F.verbose){
fprintf(stderr,"sr-fuzz: the calls sockref has, which the sequences make:");
for(int c= 0;c<ss_ncalls();c++)if(F.enabled[c])fprintf(stderr," %s",ss_call_name(c));
fputc('\n',stderr);
}

/*:5*/
#line 75 "web/srfuzz.w"

if(F.print){
int rc= print_sequences(&F);
fg_free_options(&F.opts);
for(int i= 0;i<F.ncat;i++)free(F.catalogue[i]);
free(F.catalogue);
return rc;
}
/*19:*/
#line 508 "web/srfuzz.w"

struct timespec t0,t1;
verdict*V;
F.batches= (F.n+F.batch-1)/F.batch;
V= mmap(NULL,(size_t)(F.batches?F.batches:1)*sizeof*V,PROT_READ|PROT_WRITE,
MAP_SHARED|MAP_ANONYMOUS,-1,0);
if(V==MAP_FAILED){perror("sr-fuzz: mmap");return 1;}
memset(V,0,(size_t)(F.batches?F.batches:1)*sizeof*V);
clock_gettime(CLOCK_MONOTONIC,&t0);
if(F.jobs==1)run_batches(&F,V,0);
else{
int status;
pid_t p;
for(int w= 0;w<F.jobs;w++){
fflush(NULL);
if((p= fork())==0){run_batches(&F,V,w);_exit(0);}
if(p<0){perror("sr-fuzz: fork");return 1;}
}
while((p= wait(&status))> 0||errno==EINTR)
if(p> 0&&!(WIFEXITED(status)&&WEXITSTATUS(status)==0)){
fprintf(stderr,"sr-fuzz: a worker died (status %#x); its batches that did not finish are failures\n",status);

}
}
clock_gettime(CLOCK_MONOTONIC,&t1);
F.seconds= (double)(t1.tv_sec-t0.tv_sec)+(double)(t1.tv_nsec-t0.tv_nsec)/1e9;
/*23:*/
#line 588 "web/srfuzz.w"

for(long b= 0;b<F.batches;b++){
long k0= b*F.batch;
int nseq= (int)(F.n-k0<F.batch?F.n-k0:F.batch);
if(V[b].status==0){
F.failed++;
fprintf(stderr,"sr-fuzz: batch %ld (sequences %ld to %ld) did not finish\n",b,k0,k0+nseq-1);
continue;
}
if(V[b].status<0){
F.failed++;
fprintf(stderr,"sr-fuzz: batch %ld (sequences %ld to %ld): %s\n",b,k0,k0+nseq-1,V[b].note);
if(strstr(V[b].note,"namespaces")){fprintf(stderr,"sr-fuzz: skipped: the kernel runner needs root\n");return 77;}
continue;
}
F.ran+= nseq;
F.nlines+= V[b].lines;
}

/*:23*/
#line 534 "web/srfuzz.w"


/*:19*/
#line 83 "web/srfuzz.w"

/*24:*/
#line 615 "web/srfuzz.w"

make_outcomes(&F);
for(long b= 0;b<F.batches;b++){
long k0= b*F.batch;
int nseq= (int)(F.n-k0<F.batch?F.n-k0:F.batch);
if(V[b].status<=0)continue;
for(int j= 0;j<nseq;j++)
if(V[b].failed[j]>=0)handle_divergence(&F,k0+j);
}

/*:24*/
#line 84 "web/srfuzz.w"

/*42:*/
#line 1092 "web/srfuzz.w"

printf("sr-fuzz: seed %llu: %ld sequences (%ld lines, %ld batches) on the kernel and on sockref in %.1f s: %.0f sequences/s\n",
F.seed,F.ran,F.nlines,F.batches,F.seconds,F.seconds> 0?(double)F.ran/F.seconds:0.0);
printf("sr-fuzz: %ld divergent sequences (%ld of a kind already saved, %ld new scripts; %ld lines sockref could not be given), %ld failed only in their batch, %ld kernel runs failed\n",
F.divergent,F.known,F.saved,F.tool,F.batchonly,F.failed);

/*:42*/
#line 85 "web/srfuzz.w"

/*43:*/
#line 1101 "web/srfuzz.w"

munmap(V,(size_t)(F.batches?F.batches:1)*sizeof*V);
ss_outcome_free(F.ko,true);
ss_outcome_free(F.so,false);
fg_free_options(&F.opts);
for(int i= 0;i<F.ncat;i++)free(F.catalogue[i]);
free(F.catalogue);

/*:43*/
#line 86 "web/srfuzz.w"

return F.failed||F.divergent?1:0;
}

/*:1*/
