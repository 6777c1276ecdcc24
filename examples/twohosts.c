/* twohosts.c — a two-host world on one LAN, a UDP exchange with ancillary
   data on both sides, and a capture of everything that crossed the wire.

   Build:  cc -o twohosts twohosts.c $(pkg-config --cflags --libs sockref)
   Run:    ./twohosts twohosts.pcap && tcpdump -nv -r twohosts.pcap       */
#define _GNU_SOURCE 1
#include <sockref.h>
#include <arpa/inet.h>
#include <netinet/ip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(call) do { if ((call) < 0) { perror(#call); exit(1); } } while (0)

static struct sockaddr_in addr_of(const char *ip, int port)
{
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
  a.sin_addr.s_addr = inet_addr(ip);
  return a;
}

/* Receive one datagram and print it with every control message. */
static void receive(int fd, const char *who)
{
  char data[256], ctl[256], from[INET_ADDRSTRLEN];
  struct sockaddr_in src;
  struct iovec iov = { data, sizeof data - 1 };
  struct msghdr m = { .msg_name = &src, .msg_namelen = sizeof src,
                      .msg_iov = &iov, .msg_iovlen = 1,
                      .msg_control = ctl, .msg_controllen = sizeof ctl };
  ssize_t n;
  CHECK(n = sr_recvmsg(fd, &m, 0)); /* blocks in virtual time */
  data[n] = 0;
  inet_ntop(AF_INET, &src.sin_addr, from, sizeof from);
  printf("%s: t=%.3f ms  %zd bytes \"%s\" from %s:%d\n", who,
         sr_now_ns() / 1e6, n, data, from, ntohs(src.sin_port));
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
    if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
      struct in_pktinfo pi;
      char dst[INET_ADDRSTRLEN], spec[INET_ADDRSTRLEN];
      memcpy(&pi, CMSG_DATA(c), sizeof pi);
      inet_ntop(AF_INET, &pi.ipi_addr, dst, sizeof dst);
      inet_ntop(AF_INET, &pi.ipi_spec_dst, spec, sizeof spec);
      printf("    IP_PKTINFO  ifindex %d, to %s, local %s\n", pi.ipi_ifindex, dst, spec);
    } else if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL) {
      int ttl;
      memcpy(&ttl, CMSG_DATA(c), sizeof ttl);
      printf("    IP_TTL      %d\n", ttl);
    } else if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TOS) {
      printf("    IP_TOS      0x%02x\n", *(unsigned char *) CMSG_DATA(c));
    } else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
      struct timespec ts;
      memcpy(&ts, CMSG_DATA(c), sizeof ts);
      printf("    SCM_TIMESTAMPNS %lld.%09ld\n", (long long) ts.tv_sec, ts.tv_nsec);
    } else
      printf("    cmsg level %d type %d\n", c->cmsg_level, c->cmsg_type);
  }
}

int main(int argc, char **argv)
{
  const char *pcap = argc > 1 ? argv[1] : "twohosts.pcap";
  struct sr_lan_config lan_cfg = { .delay_ns = 250000 }; /* 250 us each way */
  int one = 1, b, ifx, lan, cap, srv, cli;
  pid_t alice, bob;

  /* The default world is host 0, "alice": lo and eth0 10.0.0.1/24, its
     eth0 on LAN 1.  Add host "bob" with eth0 10.0.0.2/24 on the same LAN. */
  sr_reset();
  alice = sr_getpid();
  CHECK(b = sr_host_new("bob"));
  CHECK(ifx = sr_if_add(b, "eth0", 1500));
  CHECK(sr_addr_add(b, ifx, "10.0.0.2/24", "+"));
  CHECK(sr_if_set_up(b, ifx, 1));
  lan = 1;
  CHECK(sr_lan_configure(lan, &lan_cfg));
  CHECK(sr_lan_attach(lan, b, ifx));
  CHECK(bob = sr_proc_new(b, 0));
  CHECK(cap = sr_pcap_open(pcap, -1, 0)); /* every frame of the world */

  /* Bob: a server on port 5000 that wants to know where datagrams went. */
  CHECK(sr_proc_switch(bob));
  struct sockaddr_in any = addr_of("0.0.0.0", 5000);
  CHECK(srv = sr_socket(AF_INET, SOCK_DGRAM, 0));
  CHECK(sr_setsockopt(srv, IPPROTO_IP, IP_PKTINFO, &one, sizeof one));
  CHECK(sr_setsockopt(srv, IPPROTO_IP, IP_RECVTTL, &one, sizeof one));
  CHECK(sr_setsockopt(srv, IPPROTO_IP, IP_RECVTOS, &one, sizeof one));
  CHECK(sr_setsockopt(srv, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one));
  CHECK(sr_bind(srv, (struct sockaddr *) &any, sizeof any));

  /* Alice: one datagram, its TTL and TOS chosen per message. */
  CHECK(sr_proc_switch(alice));
  CHECK(cli = sr_socket(AF_INET, SOCK_DGRAM, 0));
  {
    struct sockaddr_in to = addr_of("10.0.0.2", 5000);
    char msg[] = "hello, bob";
    union { char buf[CMSG_SPACE(sizeof(int)) * 2]; struct cmsghdr align; } u;
    struct iovec iov = { msg, strlen(msg) };
    struct msghdr m = { .msg_name = &to, .msg_namelen = sizeof to,
                        .msg_iov = &iov, .msg_iovlen = 1,
                        .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    int ttl = 7, tos = IPTOS_LOWDELAY;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    memset(u.buf, 0, sizeof u.buf);
    c->cmsg_level = IPPROTO_IP, c->cmsg_type = IP_TTL, c->cmsg_len = CMSG_LEN(sizeof ttl);
    memcpy(CMSG_DATA(c), &ttl, sizeof ttl);
    c = CMSG_NXTHDR(&m, c);
    c->cmsg_level = IPPROTO_IP, c->cmsg_type = IP_TOS, c->cmsg_len = CMSG_LEN(sizeof tos);
    memcpy(CMSG_DATA(c), &tos, sizeof tos);
    CHECK(sr_sendmsg(cli, &m, 0));
  }

  /* Bob receives (the call waits 250 us of virtual time) and answers. */
  CHECK(sr_proc_switch(bob));
  receive(srv, "bob");
  {
    struct sockaddr_in back = addr_of("10.0.0.1", 0);
    socklen_t len = sizeof back;
    char reply[] = "hello, alice";
    CHECK(sr_proc_switch(alice));
    CHECK(sr_getsockname(cli, (struct sockaddr *) &back, &len)); /* autobound port */
    back.sin_addr.s_addr = inet_addr("10.0.0.1");
    CHECK(sr_proc_switch(bob));
    CHECK(sr_sendto(srv, reply, strlen(reply), 0, (struct sockaddr *) &back, sizeof back));
  }
  CHECK(sr_proc_switch(alice));
  receive(cli, "alice");

  CHECK(sr_pcap_close(cap));
  printf("capture written to %s\n", pcap);
  return 0;
}
