% sockref.w --- the master web of libsockref.
% Weave: cweave sockref.w; pdftex sockref.tex.  Tangle: ctangle sockref.w.
\def\title{SOCKREF}
\def\topofcontents{\null\vfill
  \centerline{\titlefont SOCKREF}
  \vskip 12pt
  \centerline{A literate reference implementation of the Linux socket layer}
  \centerline{and of IPv4, derived clause by clause from socket(7), ip(7)}
  \centerline{and IP\_PASSSEC(2const)}
  \vfill}
\input srmac

@i format.w

@* Introduction.
This book is the source of \.{libsockref}, a model of the socket layer and of
the IPv4 stack of a Linux~6.x host.  It is written for two kinds of reader.
A network engineer opens it to answer the question ``what exactly does Linux
do when \dots?''; a test suite links the library as an oracle that answers
the same question at the speed of a function call, on a simulated world of
hosts, interfaces and processes that is deterministic from one run to the
next.

The specification is a set of three manual pages: {\it socket\/}(7), of
which we read two editions, {\it ip\/}(7), and {\it IP\_PASSSEC\/}(2const).
A separate program, the clause extractor, cuts those pages into
{\it clauses\/}, each with a stable identifier such as
\.{socket.7:SO\_RCVBUF} or \.{ip.7:IP\_TTL}; the sections of this book that
implement a clause name it in their first line, restate it in our own
words, and, when the pages were present at the time the book was woven,
quote the page beside it.  Where the page and the running kernel disagree we
follow the kernel, and the section says what was measured.

@ The library is one C file and one header, both tangled from this web and
the chapters it includes.  The C file has the familiar shape: headers,
types, the private prototypes, the table of socket options that a generator
wrote from \.{spec/options.tsv}, and then the functions, in the order in
which the chapters of this book present them.

@c
@<Header files@>@;
@<Constants of the model@>@;
@<Type definitions@>@;
@<Composite types@>@;
@<Private function prototypes@>@;
@<The world@>@;
@<The generated option table@>@;

@ @<Header files@>=
#define _GNU_SOURCE 1
#include "sockref.h"
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <signal.h>
#include <net/if.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <linux/rtnetlink.h>
#include <arpa/inet.h>
#include <linux/capability.h>
#include <linux/sockios.h>
#include <linux/filter.h>
#include <linux/errqueue.h>
#include <netinet/udp.h>
#include <poll.h>

@ The public header declares nothing but the calls.  Every call has the
name of its \.{libc} counterpart with the prefix \.{sr\_}, the same
signature, the same return value and the same |errno|; a test that was
written against the kernel runs against the model after a textual
substitution.  The world-building calls follow.

@(generated/sockref.h@>=
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
@<Public declarations@>@;
#endif

@ @<Public declarations@>=
void sr_reset(void);
int sr_socket(int domain, int type, int protocol);
int sr_socketpair(int domain, int type, int protocol, int sv[2]);
int sr_close(int fd);
int sr_fcntl(int fd, int cmd, ...);
int sr_ioctl(int fd, unsigned long request, ...);
ssize_t sr_pread(int fd, void *buf, size_t count, off_t offset);
ssize_t sr_pwrite(int fd, const void *buf, size_t count, off_t offset);
int sr_getsockopt(int fd, int level, int optname, void *optval,
  socklen_t *optlen);
int sr_setsockopt(int fd, int level, int optname, const void *optval,
  socklen_t optlen);

@i world.w
@i proc.w
@i fd.w
@i socket.w
@i ioctl.w
@i sysctl.w
@i sockopt.w
@i solsocket.w
@i ipopt.w
@i mcast.w
@i wire.w
@i link.w
@i ip.w
@i pcap.w
@i bind.w
@i udp.w
@i poll.w
@i signal.w
@i raw.w
@i ping.w
@i beyond.w

@i scripts.w
@i fuzzing.w
@i errata.w

@* Index.
