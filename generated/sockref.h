/*4:*/
#line 77 "web/sockref.w"

#ifndef SOCKREF_H
#define SOCKREF_H
#include <stddef.h> 
#include <stdint.h> 
#include <sys/types.h> 
#include <sys/socket.h> 
#include <sys/resource.h> 
#include <netinet/in.h> 
/*5:*/
#line 89 "web/sockref.w"

void sr_reset(void);
int sr_socket(int domain,int type,int protocol);
int sr_socketpair(int domain,int type,int protocol,int sv[2]);
int sr_close(int fd);
int sr_fcntl(int fd,int cmd,...);
int sr_ioctl(int fd,unsigned long request,...);
ssize_t sr_pread(int fd,void*buf,size_t count,off_t offset);
ssize_t sr_pwrite(int fd,const void*buf,size_t count,off_t offset);
int sr_getsockopt(int fd,int level,int optname,void*optval,
socklen_t*optlen);
int sr_setsockopt(int fd,int level,int optname,const void*optval,
socklen_t optlen);

/*:5*//*12:*/
#line 65 "web/world.w"

uint64_t sr_now_ns(void);
void sr_advance_ns(uint64_t ns);
int sr_get_hz(void);
int sr_set_hz(int hz);

/*:12*//*26:*/
#line 324 "web/world.w"

int sr_world_hosts(void);

/*:26*//*35:*/
#line 86 "web/proc.w"

uid_t sr_getuid(void);
uid_t sr_geteuid(void);
int sr_setuid(uid_t uid);
int sr_seteuid(uid_t euid);
pid_t sr_getpid(void);
pid_t sr_getpgrp(void);

/*:35*//*39:*/
#line 164 "web/proc.w"

int sr_cap_has(int cap);
int sr_cap_drop(int cap);

/*:39*//*42:*/
#line 197 "web/proc.w"

long sr_signal_count(int signo);

/*:42*//*45:*/
#line 221 "web/proc.w"

int sr_getrlimit(int resource,struct rlimit*rlim);
int sr_setrlimit(int resource,const struct rlimit*rlim);

/*:45*//*90:*/
#line 17 "web/sysctl.w"

int sr_sysctl_get(const char*name,char*buf,size_t len);
int sr_sysctl_set(const char*name,const char*value);

/*:90*//*316:*/
#line 1019 "web/bind.w"

int sr_bind(int fd,const struct sockaddr*addr,socklen_t addrlen);

/*:316*//*330:*/
#line 1307 "web/bind.w"

int sr_listen(int fd,int backlog);

/*:330*//*336:*/
#line 1409 "web/bind.w"

int sr_getsockname(int fd,struct sockaddr*addr,socklen_t*addrlen);
int sr_getpeername(int fd,struct sockaddr*addr,socklen_t*addrlen);

/*:336*//*339:*/
#line 1464 "web/bind.w"

int sr_connect(int fd,const struct sockaddr*addr,socklen_t addrlen);

/*:339*//*368:*/
#line 2102 "web/bind.w"

int sr_udp_receiver(const struct sockaddr_in*from,const struct sockaddr_in*to,
int ifindex);
int sr_udp_receivers(const struct sockaddr_in*from,const struct sockaddr_in*to,
int ifindex,int*fds,int max);

/*:368*/
#line 86 "web/sockref.w"

#endif
#line 88 "web/sockref.w"

/*:4*/
