/*4:*/
#line 82 "web/sockref.w"

#ifndef SOCKREF_H
#define SOCKREF_H
#include <stddef.h> 
#include <stdint.h> 
#include <sys/types.h> 
#include <sys/socket.h> 
#include <sys/resource.h> 
#include <sys/uio.h> 
#include <sys/select.h> 
#include <sys/time.h> 
#include <poll.h> 
#include <signal.h> 
#include <time.h> 
#include <netinet/in.h> 
/*5:*/
#line 100 "web/sockref.w"

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
#line 83 "web/world.w"

uint64_t sr_now_ns(void);
void sr_advance_ns(uint64_t ns);
int sr_get_hz(void);
int sr_set_hz(int hz);

/*:12*//*35:*/
#line 608 "web/world.w"

int sr_host_new(const char*name);
int sr_if_add(int host,const char*name,int mtu);
int sr_if_set_up(int host,int ifindex,int up);
int sr_if_set_mtu(int host,int ifindex,int mtu);
int sr_addr_add(int host,int ifindex,const char*cidr,const char*brd);
int sr_route_add(int host,const char*cidr,const char*gw,int ifindex);
int sr_route_add_type(int host,const char*cidr,int type);
int sr_route_del(int host,const char*cidr);
#define SR_ROUTE_UNREACHABLE 4
#define SR_ROUTE_BLACKHOLE 5
#define SR_ROUTE_PROHIBIT 6

/*:35*//*44:*/
#line 822 "web/world.w"

int sr_world_hosts(void);

/*:44*//*53:*/
#line 93 "web/proc.w"

pid_t sr_proc_new(int host,uid_t uid);
int sr_proc_switch(pid_t pid);

/*:53*//*55:*/
#line 119 "web/proc.w"

uid_t sr_getuid(void);
uid_t sr_geteuid(void);
int sr_setuid(uid_t uid);
int sr_seteuid(uid_t euid);
pid_t sr_getpid(void);
pid_t sr_getpgrp(void);

/*:55*//*59:*/
#line 197 "web/proc.w"

int sr_cap_has(int cap);
int sr_cap_drop(int cap);

/*:59*//*62:*/
#line 231 "web/proc.w"

long sr_signal_count(int signo);

/*:62*//*65:*/
#line 255 "web/proc.w"

int sr_getrlimit(int resource,struct rlimit*rlim);
int sr_setrlimit(int resource,const struct rlimit*rlim);

/*:65*//*111:*/
#line 17 "web/sysctl.w"

int sr_sysctl_get(const char*name,char*buf,size_t len);
int sr_sysctl_set(const char*name,const char*value);

/*:111*//*142:*/
#line 453 "web/sysctl.w"

int sr_host_sysctl_set(int host,const char*name,const char*value);

/*:142*//*331:*/
#line 167 "web/link.w"

void sr_world_seed(uint64_t seed);

/*:331*//*343:*/
#line 428 "web/link.w"

struct sr_lan_config{
uint64_t delay_ns;
uint64_t jitter_ns;
double loss;
double duplicate;
double reorder;
uint64_t reorder_ns;
};
int sr_lan_new(int mtu);
int sr_lan_attach(int lan,int host,int ifindex);
int sr_lan_configure(int lan,const struct sr_lan_config*cfg);

/*:343*//*360:*/
#line 823 "web/link.w"

int sr_inject(int host,int ifindex,const void*datagram,size_t len);

/*:360*//*448:*/
#line 41 "web/pcap.w"

int sr_pcap_open(const char*path,int host,int ifindex);
int sr_pcap_close(int capture);

/*:448*//*506:*/
#line 1032 "web/bind.w"

int sr_bind(int fd,const struct sockaddr*addr,socklen_t addrlen);

/*:506*//*520:*/
#line 1331 "web/bind.w"

int sr_listen(int fd,int backlog);

/*:520*//*526:*/
#line 1433 "web/bind.w"

int sr_getsockname(int fd,struct sockaddr*addr,socklen_t*addrlen);
int sr_getpeername(int fd,struct sockaddr*addr,socklen_t*addrlen);

/*:526*//*529:*/
#line 1495 "web/bind.w"

int sr_connect(int fd,const struct sockaddr*addr,socklen_t addrlen);

/*:529*//*561:*/
#line 2251 "web/bind.w"

int sr_udp_receiver(const struct sockaddr_in*from,const struct sockaddr_in*to,
int ifindex);
int sr_udp_receivers(const struct sockaddr_in*from,const struct sockaddr_in*to,
int ifindex,int*fds,int max);

/*:561*//*719:*/
#line 3472 "web/udp.w"

int sr_shutdown(int fd,int how);

/*:719*//*721:*/
#line 3524 "web/udp.w"

ssize_t sr_send(int fd,const void*buf,size_t len,int flags);
ssize_t sr_sendto(int fd,const void*buf,size_t len,int flags,
const struct sockaddr*dest_addr,socklen_t addrlen);
ssize_t sr_sendmsg(int fd,const struct msghdr*msg,int flags);
ssize_t sr_write(int fd,const void*buf,size_t count);
ssize_t sr_writev(int fd,const struct iovec*iov,int iovcnt);

/*:721*//*733:*/
#line 3742 "web/udp.w"

ssize_t sr_recv(int fd,void*buf,size_t len,int flags);
ssize_t sr_recvfrom(int fd,void*buf,size_t len,int flags,
struct sockaddr*src_addr,socklen_t*addrlen);
ssize_t sr_recvmsg(int fd,struct msghdr*msg,int flags);
ssize_t sr_read(int fd,void*buf,size_t count);
ssize_t sr_readv(int fd,const struct iovec*iov,int iovcnt);

/*:733*//*761:*/
#line 261 "web/poll.w"

int sr_poll(struct pollfd*fds,nfds_t nfds,int timeout);
int sr_ppoll(struct pollfd*fds,nfds_t nfds,const struct timespec*tmo,
const sigset_t*sigmask);

/*:761*//*766:*/
#line 372 "web/poll.w"

int sr_select(int nfds,fd_set*readfds,fd_set*writefds,fd_set*exceptfds,
struct timeval*timeout);
int sr_pselect(int nfds,fd_set*readfds,fd_set*writefds,fd_set*exceptfds,
const struct timespec*timeout,const sigset_t*sigmask);

/*:766*//*794:*/
#line 415 "web/signal.w"

int sr_sigaction(int sig,const struct sigaction*act,struct sigaction*oldact);

/*:794*//*797:*/
#line 485 "web/signal.w"

int sr_sigprocmask(int how,const sigset_t*set,sigset_t*oldset);
int sr_sigpending(sigset_t*set);

/*:797*//*801:*/
#line 568 "web/signal.w"

int sr_kill(pid_t pid,int sig);

/*:801*//*804:*/
#line 623 "web/signal.w"

int sr_setitimer(int which,const struct itimerval*new_value,struct itimerval*old_value);
int sr_getitimer(int which,struct itimerval*curr_value);
unsigned sr_alarm(unsigned seconds);

/*:804*/
#line 97 "web/sockref.w"

#endif
#line 99 "web/sockref.w"

/*:4*/
