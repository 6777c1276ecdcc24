/*1:*/
#line 28 "web/optgen.w"

/*2:*/
#line 53 "web/optgen.w"

#define _POSIX_C_SOURCE 200809L
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <ctype.h> 

/*:2*/
#line 29 "web/optgen.w"

/*3:*/
#line 63 "web/optgen.w"

#define MAXROWS 256
#define MAXCLAUSES 8192
struct row{
char*field[11];
int line;
};
struct gen{
char*clause[MAXCLAUSES];
int is_option[MAXCLAUSES],cited[MAXCLAUSES];
int nclauses;
struct row row[MAXROWS];
int nrows;
int errors;
};

/*:3*//*4:*/
#line 83 "web/optgen.w"

enum{F_CLAUSE,F_LEVEL,F_NAME,F_TYPE,F_ACCESS,F_TYPES,F_RANGE,F_CAP,
F_SETLEN,F_SINCE,F_HANDLER,NFIELDS};
static const char*column[NFIELDS]= {"clause","level","name","type",
"access","types","range","cap","setlen","since","handler"};

/*:4*/
#line 30 "web/optgen.w"

/*5:*/
#line 91 "web/optgen.w"

static int split(char*line,char**f,int max)
{
int n= 0;
char*p= line;
line[strcspn(line,"\r\n")]= '\0';
while(n<max){
f[n++]= p;
p= strchr(p,'\t');
if(!p)break;
*p++= '\0';
}
return n;
}

static char*xstrdup(const char*s)
{
char*d= malloc(strlen(s)+1);
if(!d){fprintf(stderr,"optgen: out of memory\n");exit(1);}

return strcpy(d,s);
}

/*:5*//*6:*/
#line 119 "web/optgen.w"

static int is_sentence_id(const char*id)
{
const char*c= strrchr(id,':');
if(!c||!c[1])return 0;
for(c++;*c;c++)if(!isdigit((unsigned char)*c))return 0;
return 1;
}

static void read_catalogue(struct gen*g,const char*path)
{
char line[65536],*f[16];
int idcol= -1,kindcol= -1,n;
FILE*in= fopen(path,"r");
if(!in){fprintf(stderr,"optgen: cannot read %s\n",path);exit(1);}

if(!fgets(line,sizeof line,in)){fprintf(stderr,"optgen: %s is empty\n",path);exit(1);}
n= split(line,f,16);
for(int i= 0;i<n;i++){
if(!strcmp(f[i],"id"))idcol= i;
if(!strcmp(f[i],"kind"))kindcol= i;
}
if(idcol<0||kindcol<0){
fprintf(stderr,"optgen: %s has no id/kind columns\n",path);

exit(1);
}
while(fgets(line,sizeof line,in)&&g->nclauses<MAXCLAUSES){
n= split(line,f,16);
if(n<=idcol||n<=kindcol)continue;
g->clause[g->nclauses]= xstrdup(f[idcol]);
g->is_option[g->nclauses]= !is_sentence_id(f[idcol])&&
(!strcmp(f[kindcol],"sol-option")||!strcmp(f[kindcol],"ip-option"));
g->nclauses++;
}
fclose(in);
}

/*:6*//*7:*/
#line 168 "web/optgen.w"

static int find_clause(struct gen*g,const char*id)
{
for(int i= 0;i<g->nclauses;i++)
if(!strcmp(g->clause[i],id))return i;
return-1;
}

static void read_options(struct gen*g,const char*path)
{
char line[4096],*f[NFIELDS+1];
int lineno= 0,header= 0;
FILE*in= fopen(path,"r");
if(!in){fprintf(stderr,"optgen: cannot read %s\n",path);exit(1);}
while(fgets(line,sizeof line,in)){
int n;
lineno++;
if(line[0]=='#'||line[0]=='\n')continue;
n= split(line,f,NFIELDS+1);
if(!header){
/*8:*/
#line 204 "web/optgen.w"

for(int i= 0;i<NFIELDS;i++)
if(i>=n||strcmp(f[i],column[i])){
fprintf(stderr,"%s:%d: column %d should be '%s'\n",path,lineno,i+1,column[i]);

exit(1);
}

/*:8*/
#line 188 "web/optgen.w"

header= 1;
continue;
}
if(n!=NFIELDS){
fprintf(stderr,"%s:%d: %d fields, expected %d\n",path,lineno,n,NFIELDS);

g->errors++;
continue;
}
if(g->nrows==MAXROWS){fprintf(stderr,"optgen: too many rows\n");exit(1);}
/*9:*/
#line 212 "web/optgen.w"

{
struct row*r= &g->row[g->nrows++];
char ids[1024],*id,*save;
for(int i= 0;i<NFIELDS;i++)r->field[i]= xstrdup(f[i]);
r->line= lineno;
snprintf(ids,sizeof ids,"%s",f[F_CLAUSE]);
if(!strncmp(ids,"linux:",6)){
if(strcmp(ids+6,f[F_NAME])){
fprintf(stderr,"%s:%d: %s cites %s, which is not linux:%s\n",path,lineno,
f[F_NAME],ids,f[F_NAME]);

g->errors++;
}
ids[0]= '\0';
}
if(strcmp(f[F_LEVEL],"SOL_SOCKET")&&strcmp(f[F_LEVEL],"IPPROTO_IP")&&
strcmp(f[F_LEVEL],"SOL_UDP")){
fprintf(stderr,"%s:%d: unknown level %s\n",path,lineno,f[F_LEVEL]);

g->errors++;
}
for(id= strtok_r(ids,";",&save);id;id= strtok_r(NULL,";",&save)){
int c= find_clause(g,id);
if(c<0){
fprintf(stderr,"%s:%d: %s cites clause %s, which the catalogue lacks\n",
path,lineno,f[F_NAME],id);

g->errors++;
}else g->cited[c]= 1;
}
for(int k= 0;k<g->nrows-1;k++)
if(!strcmp(g->row[k].field[F_LEVEL],f[F_LEVEL])&&
!strcmp(g->row[k].field[F_NAME],f[F_NAME])){
fprintf(stderr,"%s:%d: %s %s has a row already (line %d)\n",path,lineno,
f[F_LEVEL],f[F_NAME],g->row[k].line);

g->errors++;
}
}

/*:9*/
#line 199 "web/optgen.w"

}
fclose(in);
}

/*:7*//*10:*/
#line 255 "web/optgen.w"

static void check_coverage(struct gen*g)
{
for(int i= 0;i<g->nclauses;i++)
if(g->is_option[i]&&!g->cited[i]){
fprintf(stderr,"optgen: option clause %s has no row in the option table\n",
g->clause[i]);

g->errors++;
}
}

/*:10*//*11:*/
#line 276 "web/optgen.w"

static const char*types[]= {"int","bool","byte","bytebool","linger",
"timeval","mreq","mreq_source","msfilter","string","bytes","fprog",
"u64","custom","group_req","group_source_req","group_filter",NULL};

static void emit_type(struct gen*g,struct row*r)
{
for(int i= 0;types[i];i++)
if(!strcmp(r->field[F_TYPE],types[i])){
printf(" .type = OPT_");
for(const char*p= types[i];*p;p++)putchar(toupper((unsigned char)*p));
printf(",");
return;
}
fprintf(stderr,"options.tsv:%d: unknown type %s\n",r->line,r->field[F_TYPE]);

g->errors++;
}

/*:11*//*12:*/
#line 301 "web/optgen.w"

static void emit_access_types(struct gen*g,struct row*r)
{
char buf[256],*t,*save,*bang;
const char*a= r->field[F_ACCESS];
if(strcmp(a,"get")&&strcmp(a,"set")&&strcmp(a,"both")){
fprintf(stderr,"options.tsv:%d: bad access %s\n",r->line,a);

g->errors++;
}
printf(" .access = %s,",!strcmp(a,"get")?"OPT_GET":!strcmp(a,"set")?
"OPT_SET":"OPT_GET | OPT_SET");
snprintf(buf,sizeof buf,"%s",r->field[F_TYPES]);
bang= strchr(buf,'!');
if(bang)*bang++= '\0';
t= buf;
if(!strncmp(buf,"set:",4)){printf(" .types_set_only = true,");t= buf+4;}
printf(" .types = 0");
for(t= strtok_r(t,",",&save);t;t= strtok_r(NULL,",",&save)){
if(!strcmp(t,"all"))printf(" | OPT_ALLTYPES");
else if(!strcmp(t,"stream")||!strcmp(t,"dgram")||!strcmp(t,"raw")){
printf(" | OPT_");
for(const char*p= t;*p;p++)putchar(toupper((unsigned char)*p));
}else{
fprintf(stderr,"options.tsv:%d: bad socket type %s\n",r->line,t);

g->errors++;
}
}
printf(", .type_errno = %s,",bang?bang:"ENOPROTOOPT");
}

/*:12*//*13:*/
#line 338 "web/optgen.w"

static void emit_range_cap(struct gen*g,struct row*r)
{
char buf[256],*dots,*colon;
snprintf(buf,sizeof buf,"%s",r->field[F_RANGE]);
if(!strcmp(buf,"-"))printf(" .range_action = RANGE_NONE,");
else if((dots= strstr(buf,".."))&&(colon= strrchr(buf,':'))&&colon> dots){
*dots= '\0';*colon= '\0';
printf(" .lo = %s, .hi = %s, .range_action = RANGE_",buf,dots+2);
for(const char*p= colon+1;*p;p++)putchar(toupper((unsigned char)*p));
printf(",");
if(strcmp(colon+1,"einval")&&strcmp(colon+1,"clamp")&&strcmp(colon+1,"cap")){
fprintf(stderr,"options.tsv:%d: bad range action %s\n",r->line,colon+1);

g->errors++;
}
}else{
fprintf(stderr,"options.tsv:%d: bad range %s\n",r->line,buf);

g->errors++;
}
snprintf(buf,sizeof buf,"%s",r->field[F_CAP]);
if(strcmp(buf,"-")){
char*when= strchr(buf,':'),*err= when?strchr(when+1,':'):NULL,*c,*save;
if(!when||!err){
fprintf(stderr,"options.tsv:%d: bad capability %s\n",r->line,buf);

g->errors++;
return;
}
*when++= '\0';*err++= '\0';
printf(" .caps = 0");
for(c= strtok_r(buf,"|",&save);c;c= strtok_r(NULL,"|",&save))
printf(" | ((uint64_t) 1 << %s)",c);
printf(", .cap_when = %s, .cap_errno = %s,",!strcmp(when,"always")?
"CAP_ALWAYS":!strcmp(when,"outside")?"CAP_OUTSIDE_RANGE":"CAP_NONZERO",err);
}
}

/*:13*//*14:*/
#line 388 "web/optgen.w"

enum{NO_HANDLER,BOTH_HANDLERS,SETTER_ONLY};
static int handler_name(const char*h,char*name,size_t len)
{
size_t n= strcspn(h,"/:");
if(h[n]==':')return NO_HANDLER;
if(h[n]=='/'&&!strncmp(h,"set_",4)){
snprintf(name,len,"%.*s",(int)n-4,h+4);
return SETTER_ONLY;
}
snprintf(name,len,"%.*s",(int)n,h);
return BOTH_HANDLERS;
}

static const char*handler_store(const char*h)
{
const char*slash= strchr(h,'/');
return slash?slash+1:strchr(h,':')?h:NULL;
}

/*:14*//*15:*/
#line 411 "web/optgen.w"

static int seen_before(struct gen*g,int k,int dir)
{
char a[256],b[256];
if(!handler_name(g->row[k].field[F_HANDLER],b,sizeof b))return 1;
for(int i= 0;i<k;i++)
if(handler_name(g->row[i].field[F_HANDLER],a,sizeof a)==(dir==0?BOTH_HANDLERS:handler_name(g->row[i].field[F_HANDLER],a,sizeof a))&&
handler_name(g->row[i].field[F_HANDLER],a,sizeof a)!=NO_HANDLER&&!strcmp(a,b)&&
(dir==0?strcmp(g->row[i].field[F_ACCESS],"set")
:strcmp(g->row[i].field[F_ACCESS],"get")))
return 1;
return 0;
}

static void emit(struct gen*g)
{
printf("/* sr_options.h: the socket-option table of sockref.\n"
"   Generated by optgen from spec/options.tsv and the clause catalogue;\n"
"   do not edit. */\n");
for(int k= 0;k<g->nrows;k++){
struct row*r= &g->row[k];
char name[256];
int kind= handler_name(r->field[F_HANDLER],name,sizeof name);
if(kind==NO_HANDLER)continue;
if(kind==BOTH_HANDLERS&&strcmp(r->field[F_ACCESS],"set")&&!seen_before(g,k,0))
printf("static int get_%s(sr_sock *s, sr_optreq *rq);\n",name);
if(strcmp(r->field[F_ACCESS],"get")&&!seen_before(g,k,1))
printf("static int set_%s(sr_sock *s, sr_optreq *rq);\n",name);
}
printf("static const sr_optdesc sr_optdescs[] = {\n");
for(int k= 0;k<g->nrows;k++)/*16:*/
#line 447 "web/optgen.w"

{
struct row*r= &g->row[k];
char*cl= r->field[F_CLAUSE],first[256];
snprintf(first,sizeof first,"%.*s",(int)strcspn(cl,";"),cl);
printf("  { .level = %s, .name = %s, .str = \"%s\", .clause = \"%s\", .since = \"%s\",",
r->field[F_LEVEL],r->field[F_NAME],r->field[F_NAME],first,r->field[F_SINCE]);
emit_type(g,r);
emit_access_types(g,r);
emit_range_cap(g,r);
printf(" .setlen = %d,",atoi(r->field[F_SETLEN]));
/*17:*/
#line 461 "web/optgen.w"

{
char name[256];
const char*store= handler_store(r->field[F_HANDLER]),*generic= NULL;
int custom= handler_name(r->field[F_HANDLER],name,sizeof name);
if(store&&!strncmp(store,"flag:",5))
printf(" .store = OPT_STORE_SOCK_FLAG, .bit = %s,",store+5),generic= "flag";
else if(store&&!strncmp(store,"ipflag:",7))
printf(" .store = OPT_STORE_IP_FLAG, .bit = %s,",store+7),generic= "flag";
else if(store&&!strncmp(store,"field:",6))
printf(" .store = OPT_STORE_INT_FIELD, .offset = offsetof(sr_sock, %s),",store+6),
generic= "int_field";
else if(store){
fprintf(stderr,"options.tsv:%d: bad handler %s\n",r->line,r->field[F_HANDLER]);

g->errors++;
}
if(custom==SETTER_ONLY&&!generic){
fprintf(stderr,"options.tsv:%d: %s names no store for its reads\n",r->line,
r->field[F_HANDLER]);

g->errors++;
}
printf(" .set = %s%s, .get = %s%s },\n",
strcmp(r->field[F_ACCESS],"get")?"set_":"NULL",
strcmp(r->field[F_ACCESS],"get")?(custom?name:generic?generic:"?"):"",
strcmp(r->field[F_ACCESS],"set")?"get_":"NULL",
strcmp(r->field[F_ACCESS],"set")?(custom==BOTH_HANDLERS?name:generic?generic:"?"):"");
}

/*:17*/
#line 458 "web/optgen.w"

}

/*:16*/
#line 441 "web/optgen.w"

printf("};\n");
/*18:*/
#line 495 "web/optgen.w"

for(int k= 0;k<g->nrows;k++){
const char*store= handler_store(g->row[k].field[F_HANDLER]);
if(store&&!strncmp(store,"field:",6))
printf("_Static_assert(sizeof ((sr_sock *) 0)->%s == sizeof(int), "
"\"%s: field %s must be as wide as an int\");\n",store+6,
g->row[k].field[F_NAME],store+6);
}

/*:18*/
#line 443 "web/optgen.w"

/*19:*/
#line 509 "web/optgen.w"

printf("#define SR_OPTNAME_LIMIT 256\n");
for(int lv= 0;lv<3;lv++){
static const char*const level_name[]= {"SOL_SOCKET","IPPROTO_IP","SOL_UDP"};
static const char*const index_name[]= {"sol","ip","udp"};
const char*level= level_name[lv];
printf("static const short sr_%s_index[SR_OPTNAME_LIMIT] = {\n",index_name[lv]);
for(int k= 0;k<g->nrows;k++)
if(!strcmp(g->row[k].field[F_LEVEL],level))
printf("  [%s] = %d,\n",g->row[k].field[F_NAME],k+1);
printf("};\n");
}

/*:19*/
#line 444 "web/optgen.w"

}

/*:15*/
#line 31 "web/optgen.w"

int main(int argc,char**argv)
{
struct gen g;
memset(&g,0,sizeof g);
if(argc<3){
fprintf(stderr,"usage: optgen OPTIONS.tsv... CATALOGUE.tsv\n");

return 2;
}
read_catalogue(&g,argv[argc-1]);
for(int i= 1;i<argc-1;i++)read_options(&g,argv[i]);
check_coverage(&g);
if(g.errors){
fprintf(stderr,"optgen: %d error(s); nothing written\n",g.errors);

return 1;
}
emit(&g);
return 0;
}

/*:1*/
