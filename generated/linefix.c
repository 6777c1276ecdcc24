/*1:*/
#line 39 "web/linefix.w"

/*2:*/
#line 56 "web/linefix.w"

#define _POSIX_C_SOURCE 200809L
#include <stdio.h> 
#include <stdlib.h> 
#include <string.h> 
#include <stdbool.h> 

/*:2*/
#line 40 "web/linefix.w"

/*3:*/
#line 65 "web/linefix.w"

#define MAXSECT 8192
static struct{char*file;int first,last;}sect[MAXSECT];
static int nsect;
static char dir[1024];

/*:3*/
#line 41 "web/linefix.w"

/*5:*/
#line 82 "web/linefix.w"

static FILE*open_web(const char*name,char*found,size_t len)
{
FILE*f= fopen(name,"r");
snprintf(found,len,"%s",name);
if(!f){
snprintf(found,len,"%s%s",dir,name);
f= fopen(found,"r");
}
return f;
}

static void read_web(const char*name,int depth)
{
char buf[8192],found[2048];
int line= 0;
FILE*in= open_web(name,found,sizeof found);
if(!in||depth> 10){
fprintf(stderr,"linefix: cannot read %s\n",name);

exit(1);
}
while(fgets(buf,sizeof buf,in)){
line++;
if(buf[0]!='@')continue;
if(buf[1]=='i'&&(buf[2]==' '||buf[2]=='\t')){
char inc[1024];
if(nsect> 0&&!strcmp(sect[nsect-1].file,found))
sect[nsect-1].last= line-1;
if(sscanf(buf+2," %1023s",inc)==1)read_web(inc,depth+1);
continue;
}
if(buf[1]==' '||buf[1]=='*'||buf[1]=='\t'||buf[1]=='\n'){
if(nsect==MAXSECT){fprintf(stderr,"linefix: too many sections\n");exit(1);}
if(nsect> 0&&!strcmp(sect[nsect-1].file,found))
sect[nsect-1].last= line-1;
sect[nsect].file= strdup(found);
sect[nsect].first= line;
sect[nsect].last= 1<<30;
nsect++;
}
}
if(nsect> 0&&!strcmp(sect[nsect-1].file,found)&&sect[nsect-1].last==1<<30)
sect[nsect-1].last= line;
fclose(in);
}

/*:5*//*6:*/
#line 134 "web/linefix.w"

static int known_file(const char*name)
{
for(int i= 0;i<nsect;i++)if(!strcmp(sect[i].file,name))return 1;
return 0;
}

static int governs_nothing(char**line,int i,int n)
{
for(i++;i<n&&strncmp(line[i],"#line ",6);i++){
const char*p= line[i];
while(*p){
int k= 0;
if(*p==' '||*p=='\t'||*p=='\n'){p++;continue;}
if(sscanf(p,"/*%*d:*/%n",&k)==0&&k> 0){p+= k;continue;}
k= 0;
if(sscanf(p,"/*:%*d*/%n",&k)==0&&k> 0){p+= k;continue;}
return 0;
}
}
return 1;
}

static void fix(const char*inpath,const char*outpath)
{
char buf[16384],name[1024],**line= NULL;
int stack[512],depth= 0,nlines= 0,cap= 0,l,n;
FILE*in= fopen(inpath,"r"),*out= fopen(outpath,"w");
if(!in||!out){fprintf(stderr,"linefix: cannot open %s or %s\n",inpath,outpath);exit(1);}
while(fgets(buf,sizeof buf,in)){
if(nlines==cap){
cap= cap?2*cap:4096;
line= realloc(line,(size_t)cap*sizeof*line);
if(!line){fprintf(stderr,"linefix: out of memory\n");exit(1);}
}
line[nlines++]= strdup(buf);
}
fclose(in);
for(int i= 0;i<nlines;i++){
int lineno= i+1;
if(!strncmp(line[i],"#line ",6)&&sscanf(line[i],"#line %d",&l)==1){
if(sscanf(line[i],"#line %*d \"%1023[^\"]\"",name)!=1)name[0]= '\0';
/*7:*/
#line 188 "web/linefix.w"

if(depth==0){
if(!known_file(name)){
fprintf(stderr,"%s:%d: #line outside any section names %s\n",inpath,lineno,name);

exit(1);
}
fprintf(out,"#line %d \"%s\"\n",l,name);
}else{
int s= stack[depth-1];
bool inside= s>=1&&s<=nsect&&l>=sect[s-1].first&&l<=sect[s-1].last;
if(!inside&&governs_nothing(line,i,nlines))continue;
if(!inside){
fprintf(stderr,"%s:%d: line %d is not in section %d (%s:%d-%d)\n",inpath,
lineno,l,s,s>=1&&s<=nsect?sect[s-1].file:"?",
s>=1&&s<=nsect?sect[s-1].first:0,s>=1&&s<=nsect?sect[s-1].last:0);

exit(1);
}
fprintf(out,"#line %d \"%s\"\n",l,sect[s-1].file);
}

/*:7*/
#line 176 "web/linefix.w"

continue;
}
fputs(line[i],out);
for(char*p= line[i];(p= strstr(p,"/*"));p+= 2){
if(sscanf(p,"/*%d:*/",&n)==1&&depth<512)stack[depth++]= n;
else if(sscanf(p,"/*:%d*/",&n)==1&&depth> 0)depth--;
}
}
if(fclose(out)){fprintf(stderr,"linefix: cannot write %s\n",outpath);exit(1);}
}

/*:6*/
#line 42 "web/linefix.w"

int main(int argc,char**argv)
{
if(argc!=4){
fprintf(stderr,"usage: linefix MASTER.w TANGLED.c OUT.c\n");

return 2;
}
/*4:*/
#line 71 "web/linefix.w"

{
const char*slash= strrchr(argv[1],'/');
snprintf(dir,sizeof dir,"%.*s",slash?(int)(slash-argv[1]+1):0,argv[1]);
}

/*:4*/
#line 50 "web/linefix.w"

read_web(argv[1],0);
fix(argv[2],argv[3]);
return 0;
}

/*:1*/
