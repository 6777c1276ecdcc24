/*23:*/
#line 533 "web/srfuzz.w"

#define _GNU_SOURCE 1
#include "sockref.h"
#include <errno.h> 
#include <fcntl.h> 
#include <stdint.h> 
#include <stdlib.h> 
#include <string.h> 
#include <sys/ioctl.h> 
#include <linux/sockios.h> 
#include <netinet/in.h> 
/*24:*/
#line 557 "web/srfuzz.w"

typedef struct{const uint8_t*p;size_t n;}input;
static unsigned byte(input*in)
{
unsigned b= 0;
if(in->n){b= *in->p++;in->n--;}
return b;
}
static int32_t i32(input*in)
{
uint32_t v= 0;
for(int k= 0;k<4;k++)v= v<<8|byte(in);
return(int32_t)v;
}
static int small_int(input*in)
{
static const int v[]= {0,1,2,3,4,5,7,8,12,16,20,24,40,41,255,256,
65535,-1,2147483647,(int)0x80000000u};
unsigned b= byte(in);
return b<128?v[b%(sizeof v/sizeof v[0])]:i32(in);
}

/*:24*/
#line 544 "web/srfuzz.w"

/*25:*/
#line 584 "web/srfuzz.w"

static void check_result(long r)
{
if(r==-1?(errno<=0||errno> 133):r<0)abort();
}

static void one_call(input*in)
{
static const int levels[]= {SOL_SOCKET,IPPROTO_IP,IPPROTO_TCP,9999};
static const int types[]= {SOCK_DGRAM,SOCK_STREAM,SOCK_RAW,SOCK_SEQPACKET,0,15};
static const unsigned long reqs[]= {FIONBIO,FIOASYNC,FIOCLEX,FIONCLEX,SIOCSPGRP,
SIOCGPGRP,FIOSETOWN,FIOGETOWN,SIOCINQ,SIOCOUTQ,SIOCATMARK,SIOCOUTQNSD,SIOCGSTAMP,
SIOCGSTAMPNS,0x8999};
static const char*const tun[]= {"net.ipv4.ip_default_ttl","net.ipv4.ping_group_range",
"net.ipv4.igmp_max_memberships","net.ipv4.igmp_max_msf","net.core.optmem_max",
"net.ipv4.ip_local_port_range","net.core.rmem_max","net.ipv4.ip_local_reserved_ports"};
uint8_t buf[512+64];
unsigned op= byte(in)%14;
int fd= (int)(byte(in)%8),len;
socklen_t sl;
long r= 0;
memset(buf,0,sizeof buf);
errno= 0;
switch(op){
case 0:r= sr_socket(AF_INET,types[byte(in)%6]|(byte(in)&1?SOCK_NONBLOCK:0),
(int)(byte(in)%4==0?small_int(in):(int)byte(in)));break;
case 1:case 2:case 3:
len= small_int(in);
for(int k= 0;k<(len> 0&&len<512?len:16);k++)buf[k]= (uint8_t)byte(in);
r= sr_setsockopt(fd,levels[byte(in)%4],(int)byte(in),byte(in)%16?buf:NULL,
(socklen_t)len);
break;
case 4:case 5:
len= small_int(in);
sl= (socklen_t)(len> 512?512:len);
for(int k= 0;k<16;k++)buf[k]= (uint8_t)byte(in);
r= sr_getsockopt(fd,levels[byte(in)%4],(int)byte(in),byte(in)%16?buf:NULL,
byte(in)%16?&sl:NULL);
break;
case 6:r= sr_fcntl(fd,(int)(byte(in)%16),(long)small_int(in));break;
case 7:
memcpy(buf,&(int){small_int(in)},sizeof(int));
r= sr_ioctl(fd,reqs[byte(in)%15],byte(in)%8?buf:NULL);
break;
case 8:r= sr_close(fd);break;
case 9:{
char text[16];
snprintf(text,sizeof text,"%d",small_int(in));
r= sr_sysctl_set(tun[byte(in)%8],text);
break;
}
case 10:{
struct sockaddr_in a;
memset(&a,0,sizeof a);
a.sin_family= (sa_family_t)(byte(in)%4?AF_INET:byte(in));
a.sin_port= (in_port_t)(byte(in)<<8|byte(in));
a.sin_addr.s_addr= (in_addr_t)i32(in);
memcpy(buf,&a,sizeof a);
len= small_int(in);
if(len> 128)len= 16;
r= byte(in)&1?sr_bind(fd,(struct sockaddr*)buf,(socklen_t)len)
:sr_connect(fd,(struct sockaddr*)buf,(socklen_t)len);
break;
}
case 11:r= sr_listen(fd,small_int(in));break;
case 12:
sl= (socklen_t)(byte(in)%32);
r= byte(in)&1?sr_getsockname(fd,(struct sockaddr*)buf,&sl)
:sr_getpeername(fd,(struct sockaddr*)buf,&sl);
break;
default:
switch(byte(in)%4){
case 0:r= sr_setuid((uid_t)(byte(in)%2?65534:0));break;
case 1:r= sr_cap_drop((int)(byte(in)%42));break;
case 2:r= sr_proc_new(0,(uid_t)(byte(in)%2?65534:0));break;
default:r= sr_proc_switch((pid_t)(1000+byte(in)%4));break;
}
}
check_result(r);
}

/*:25*/
#line 545 "web/srfuzz.w"

int LLVMFuzzerTestOneInput(const uint8_t*data,size_t size)
{
input in= {data,size};
sr_reset();
for(int k= 0;k<64&&in.n> 0;k++)one_call(&in);
return 0;
}

/*:23*/
