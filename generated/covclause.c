/*1:*/
#line 32 "web/covclause.w"

/*2:*/
#line 56 "web/covclause.w"

#define _POSIX_C_SOURCE 200809L
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <dirent.h> 

/*:2*/
#line 33 "web/covclause.w"

/*3:*/
#line 68 "web/covclause.w"

#define MAXFILES 32
#define MAXLINES 65536
#define MAXSECT 4096
#define MAXCL 1024
static char*file[MAXFILES];
static int nfiles;
static short*section_of[MAXFILES];
static int*count_of[MAXFILES];
static char*clause[MAXCL];
static int nclauses;
static unsigned char names[MAXCL][MAXSECT/8];
static char*tests_of[MAXCL];
static int scripts_of[MAXCL],errata_of[MAXCL],with_scripts;

/*:3*/
#line 34 "web/covclause.w"

/*4:*/
#line 83 "web/covclause.w"

static void*xmalloc(size_t n)
{
void*p= calloc(1,n);
if(!p){fprintf(stderr,"covclause: out of memory\n");exit(1);}

return p;
}

static int file_index(const char*name)
{
for(int i= 0;i<nfiles;i++)if(!strcmp(file[i],name))return i;
if(nfiles==MAXFILES){fprintf(stderr,"covclause: too many webs\n");exit(1);}
file[nfiles]= strdup(name);
section_of[nfiles]= xmalloc(MAXLINES*sizeof(short));
count_of[nfiles]= xmalloc(MAXLINES*sizeof(int));
for(int k= 0;k<MAXLINES;k++)count_of[nfiles][k]= -1;
return nfiles++;
}

static int clause_index(const char*id)
{
for(int i= 0;i<nclauses;i++)if(!strcmp(clause[i],id))return i;
if(nclauses==MAXCL){fprintf(stderr,"covclause: too many clauses\n");exit(1);}
clause[nclauses]= strdup(id);
tests_of[nclauses]= strdup("");
return nclauses++;
}

static FILE*open_or_die(const char*path)
{
FILE*f= fopen(path,"r");
if(!f){fprintf(stderr,"covclause: cannot read %s\n",path);exit(1);}

return f;
}

/*:4*//*5:*/
#line 126 "web/covclause.w"

static void read_tangled(const char*path)
{
char buf[8192],name[1024];
int stack[256],depth= 0,fi= -1,line= 0;
FILE*in= open_or_die(path);
while(fgets(buf,sizeof buf,in)){
int l,n;
char*p;
if(sscanf(buf,"#line %d \"%1023[^\"]\"",&l,name)==2){
fi= file_index(name);line= l;
continue;
}
for(p= buf;(p= strstr(p,"/*"));p+= 2){
if(sscanf(p,"/*%d:*/",&n)==1&&depth<256)stack[depth++]= n;
else if(sscanf(p,"/*:%d*/",&n)==1&&depth> 0)depth--;
}
if(fi>=0&&line> 0&&line<MAXLINES&&depth> 0)
section_of[fi][line]= (short)stack[depth-1];
if(fi>=0)line++;
}
fclose(in);
}

/*:5*//*6:*/
#line 154 "web/covclause.w"

static void read_woven(const char*path)
{
char buf[16384];
int sect= 0;
FILE*in= open_or_die(path);
while(fgets(buf,sizeof buf,in)){
char*p;
int n,d;
if(sscanf(buf,"\\M{%d}",&n)==1)sect= n;
else if(sscanf(buf,"\\N{%d}{%d}",&d,&n)==2)sect= n;
for(p= buf;(p= strstr(p,"\\clause{"));){
char*q= strchr(p+8,'}');
if(!q)break;
*q= '\0';
if(sect> 0&&sect<MAXSECT){
int c= clause_index(p+8);
names[c][sect/8]|= (unsigned char)(1<<(sect%8));
}
p= q+1;
}
}
fclose(in);
}

/*:6*//*7:*/
#line 181 "web/covclause.w"

static void read_trace(const char*path)
{
char buf[4096];
int fi= -1;
FILE*in= open_or_die(path);
while(fgets(buf,sizeof buf,in)){
int l;
long c;
buf[strcspn(buf,"\n")]= '\0';
if(!strncmp(buf,"SF:",3)){
const char*w= strstr(buf,"web/");
fi= w?file_index(w):-1;
}else if(fi>=0&&sscanf(buf,"DA:%d,%ld",&l,&c)==2&&l> 0&&l<MAXLINES)
count_of[fi][l]= (int)c;
}
fclose(in);
}

/*:7*//*8:*/
#line 205 "web/covclause.w"

static void note_test(int c,const char*test)
{
size_t n= strlen(tests_of[c])+strlen(test)+2;
char*s= xmalloc(n);
snprintf(s,n,"%s%s%s",tests_of[c],*tests_of[c]?",":"",test);
free(tests_of[c]);
tests_of[c]= s;
}

static void read_tests(const char*dir)
{
DIR*d= opendir(dir);
struct dirent*e;
if(!d){fprintf(stderr,"covclause: cannot open %s\n",dir);exit(1);}
while((e= readdir(d))){
char path[4096],buf[4096],test[256]= "";
int in_list= 0;
FILE*in;
if(strncmp(e->d_name,"test_",5)||!strstr(e->d_name,".c"))continue;
snprintf(path,sizeof path,"%s/%s",dir,e->d_name);
in= open_or_die(path);
while(fgets(buf,sizeof buf,in)){
char*p= strstr(buf,"START_TEST(");
if(p)sscanf(p,"START_TEST(%255[^)])",test);
p= strstr(buf,"CLAUSES(");
if(p)in_list= 1;
else p= buf;
if(!in_list)continue;
for(;(p= strchr(p,'"'));){
char*q= strchr(p+1,'"');
if(!q)break;
*q= '\0';
if(*test)note_test(clause_index(p+1),test);
p= q+1;
}
if(strstr(buf,");"))in_list= 0;
}
fclose(in);
}
closedir(d);
}

/*:8*//*9:*/
#line 251 "web/covclause.w"

static void read_scripts(const char*dir)
{
DIR*d= opendir(dir);
struct dirent*e;
if(!d){fprintf(stderr,"covclause: cannot open %s\n",dir);exit(1);}
while((e= readdir(d))){
char path[4096],buf[8192];
size_t n= strlen(e->d_name);
FILE*in;
if(e->d_name[0]=='.')continue;
snprintf(path,sizeof path,"%s/%s",dir,e->d_name);
if(n<3||strcmp(e->d_name+n-3,".sr")){
DIR*sub= opendir(path);
if(sub){closedir(sub);read_scripts(path);}
continue;
}
in= open_or_die(path);
while(fgets(buf,sizeof buf,in)){
char*tok,*save;
if(strncmp(buf,"#! clauses",10))continue;
for(tok= strtok_r(buf+10," \t\n",&save);tok;tok= strtok_r(NULL," \t\n",&save))
scripts_of[clause_index(tok)]++;
}
fclose(in);
}
closedir(d);
}

/*:9*//*10:*/
#line 283 "web/covclause.w"

static void read_errata(const char*path)
{
char buf[8192];
int header= 0;
FILE*in= open_or_die(path);
while(fgets(buf,sizeof buf,in)){
if(buf[0]=='#'||buf[0]=='\n')continue;
buf[strcspn(buf,"\t\n")]= '\0';
if(!header){header= 1;continue;}
errata_of[clause_index(buf)]++;
}
fclose(in);
}

/*:10*//*11:*/
#line 303 "web/covclause.w"

static void report(void)
{
printf("clause\tsections\tlines_hit/total\ttests%s\n",with_scripts?"\tscripts\terrata":"");
for(int c= 0;c<nclauses;c++){
char sects[4096]= "";
size_t n= 0;
long hit= 0,total= 0;
for(int s= 1;s<MAXSECT;s++){
if(!(names[c][s/8]&(1<<(s%8))))continue;
n+= (size_t)snprintf(sects+n,sizeof sects-n,n?",%d":"%d",s);
for(int f= 0;f<nfiles;f++)
for(int l= 1;l<MAXLINES;l++)
if(section_of[f][l]==s&&count_of[f][l]>=0){
total++;
if(count_of[f][l]> 0)hit++;
}
if(n>=sizeof sects-16)break;
}
printf("%s\t%s\t%ld/%ld\t%s",clause[c],*sects?sects:"-",hit,total,
*tests_of[c]?tests_of[c]:"-");
if(with_scripts)printf("\t%d\t%d",scripts_of[c],errata_of[c]);
putchar('\n');
}
}

/*:11*/
#line 35 "web/covclause.w"

int main(int argc,char**argv)
{
if(argc!=5&&argc!=7){
fprintf(stderr,"usage: covclause SOCKREF.c SOCKREF.tex WEB.info TESTDIR [SCRIPTDIR ERRATA]\n");

return 2;
}
read_tangled(argv[1]);
read_woven(argv[2]);
read_trace(argv[3]);
read_tests(argv[4]);
if(argc==7){
with_scripts= 1;
read_scripts(argv[5]);
read_errata(argv[6]);
}
report();
return 0;
}

/*:1*/
