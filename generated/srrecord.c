/*1:*/
#line 41 "web/srrecord.w"

/*2:*/
#line 50 "web/srrecord.w"

#define _GNU_SOURCE 1
#include "sockscript.h"
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <time.h> 

/*:2*/
#line 42 "web/srrecord.w"

/*4:*/
#line 84 "web/srrecord.w"

static unsigned long long splitmix(unsigned long long*s)
{
unsigned long long z= (*s+= 0x9e3779b97f4a7c15ULL);
z= (z^(z>>30))*0xbf58476d1ce4e5b9ULL;
z= (z^(z>>27))*0x94d049bb133111ebULL;
return z^(z>>31);
}

/*:4*//*7:*/
#line 138 "web/srrecord.w"

static void show_changes(const char*path,const ss_script*s,const char*text,size_t n);
static bool drifted(const ss_script*s,const ss_outcome*o,ss_arena*a);
static int record(const char*path,ss_outcome*o,int timeout,bool dry,bool quiet,
bool match)
{
ss_script*s= ss_load(path,stderr);
ss_buf b= {NULL,0,0};
ss_arena a= {NULL,0,0};
int rc= 0;
if(!s)return-1;
if(ss_run_kernel(s,o,timeout)<0){
fprintf(stderr,"%s: %s\n",path,o->note[0]?o->note:"the kernel run failed");
ss_free(s);
return-1;
}
/*8:*/
#line 171 "web/srrecord.w"

for(int li= 0;li<s->nlines;li++){
ss_env e= o->env;
ss_print_line(&b,s,li,o,&a,&e);
if(li+1<s->nlines||(s->textlen&&s->text[s->textlen-1]=='\n'))ss_putc(&b,'\n');
}

/*:8*/
#line 154 "web/srrecord.w"

if(match)rc= drifted(s,o,&a)?1:0;
if(match&&rc)show_changes(path,s,b.p,b.n);
else if(!match&&(b.n!=s->textlen||memcmp(b.p,s->text,b.n))){
rc= 1;
if(!quiet||dry)show_changes(path,s,b.p,b.n);
if(!dry)/*9:*/
#line 178 "web/srrecord.w"

{
FILE*f= fopen(path,"w");
if(!f||fwrite(b.p,1,b.n,f)!=b.n||fclose(f)!=0){
fprintf(stderr,"%s: cannot write\n",path);
rc= -1;
}
}

/*:9*/
#line 160 "web/srrecord.w"

}
free(b.p);
ss_arena_free(&a);
ss_free(s);
return rc;
}

/*:7*//*10:*/
#line 189 "web/srrecord.w"

static bool drifted(const ss_script*s,const ss_outcome*o,ss_arena*a)
{
ss_env e= o->env;
for(int li= 0;li<s->nlines;li++){
int what;
if(s->line[li].kind!=SL_CALL)continue;
if(ss_check_line(s,li,o,a,&e,&what)!=SS_PASS)return true;
}
return false;
}

/*:10*//*11:*/
#line 203 "web/srrecord.w"

static void show_changes(const char*path,const ss_script*s,const char*text,size_t n)
{
const char*p= text,*end= text+n;
for(int li= 0;li<s->nlines&&p<end;li++){
const char*nl= memchr(p,'\n',(size_t)(end-p));
size_t len= nl?(size_t)(nl-p):(size_t)(end-p);
if(len!=(size_t)s->line[li].len||memcmp(p,s->line[li].text,len))
printf("%s:%d:\n  was: %.*s\n  now: %.*s\n",path,li+1,s->line[li].len,
s->line[li].text,(int)len,p);
p= nl?nl+1:end;
}
}

/*:11*/
#line 43 "web/srrecord.w"

int main(int argc,char**argv)
{
/*3:*/
#line 58 "web/srrecord.w"

bool dry= false,drift= false,quiet= false;
int timeout= 10,sample= 0,npaths= 0,nfiles,nfiles0,failed= 0,changed= 0;
unsigned long long seed= 1;
char**paths= calloc((size_t)argc,sizeof*paths),**files;
ss_outcome*o= ss_outcome_new(true);
if(!paths||!o){fprintf(stderr,"sr-record: out of memory\n");return 1;}
for(int i= 1;i<argc;i++){
if(!strcmp(argv[i],"-n"))dry= true;
else if(!strcmp(argv[i],"-q"))quiet= true;
else if(!strcmp(argv[i],"--drift")){drift= true;dry= true;}
else if(!strcmp(argv[i],"--timeout")&&i+1<argc)timeout= atoi(argv[++i]);
else if(!strcmp(argv[i],"--sample")&&i+1<argc)sample= atoi(argv[++i]);
else if(!strcmp(argv[i],"--seed")&&i+1<argc)seed= strtoull(argv[++i],NULL,0);
else if(argv[i][0]=='-'){
fprintf(stderr,"usage: sr-record [-n] [-q] [--timeout S] [--drift --sample N --seed S] PATH...\n");

return 2;
}else paths[npaths++]= argv[i];
}
nfiles= nfiles0= ss_collect(paths,npaths,&files);

/*:3*/
#line 46 "web/srrecord.w"

/*5:*/
#line 93 "web/srrecord.w"

if(sample> 0&&sample<nfiles){
unsigned long long st= seed;
for(int i= nfiles-1;i> 0;i--){
int j= (int)(splitmix(&st)%(unsigned long long)(i+1));
char*t= files[i];files[i]= files[j];files[j]= t;
}
nfiles= sample;
}
{
struct timespec t0,t1;
clock_gettime(CLOCK_MONOTONIC,&t0);
for(int f= 0;f<nfiles;f++){
int r= record(files[f],o,timeout,dry,quiet||drift,drift);
if(r<0)failed++;
else if(r> 0)changed++;
}
clock_gettime(CLOCK_MONOTONIC,&t1);
/*6:*/
#line 119 "web/srrecord.w"

{
double s= (double)(t1.tv_sec-t0.tv_sec)+(double)(t1.tv_nsec-t0.tv_nsec)/1e9;
if(drift)
printf("sr-record: drift check of %d scripts (seed %llu) on the kernel: %d changed, %d failed, %.1f s\n",
nfiles,seed,changed,failed,s);
else
printf("sr-record: %d scripts recorded on the kernel in %.1f s: %d changed%s, %d failed\n",
nfiles,s,changed,dry?" (not written)":"",failed);
}

/*:6*/
#line 111 "web/srrecord.w"

}
for(int f= 0;f<nfiles0;f++)free(files[f]);
free(files);
free(paths);
ss_outcome_free(o,true);
return failed||(drift&&changed)?1:0;

/*:5*/
#line 47 "web/srrecord.w"

}

/*:1*/
