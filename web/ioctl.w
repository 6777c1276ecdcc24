@* Control operations: fcntl and ioctl.
Two calls change a socket's open file rather than the socket: |fcntl| and
the generic part of |ioctl|.  The page names them for three purposes ---
non-blocking mode, asynchronous notification with \.{SIGIO}, and the owner
that receives it --- and both calls reach the same fields of the open file,
so \.{FIONBIO} shows in \.{F\_GETFL} and \.{SIOCSPGRP} in \.{F\_GETOWN}.

@ \clause{socket.7:nonblock}
@^socket.7:nonblock@>
@^socket.7:nonblock@>
\.{F\_GETFL} returns the access mode and status flags: a new socket is
|O_RDWR| (2), and |O_RDWR|$\vert$|O_NONBLOCK| when created with
\.{SOCK\_NONBLOCK}.  \.{F\_SETFL} changes only |O_APPEND|, |O_NONBLOCK|,
|O_ASYNC| and |O_NOATIME| (the last only for the socket's owner or a
holder of \.{CAP\_FOWNER}, else |EPERM|), ignores the access mode and any
other bit, and refuses |O_DIRECT| with |EINVAL| because a socket has no
direct I/O.  The owner is checked first: a caller who may not set
|O_NOATIME| and asks for it with |O_DIRECT| gets |EPERM|.

\kernel{\.{F\_SETFL} with |O_APPEND|$\vert$|O_NONBLOCK|$\vert$|O_RDONLY|
reads back |0x802|$\vert$|O_APPEND|; with |O_DIRECT| it is |EINVAL|.}

@<Constants of the model@>=
#define SR_SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_NOATIME | O_DIRECT)

@ @c
static int file_setfl(sr_file *f, int arg)
{
  if ((arg & O_NOATIME) && !(f->flags & O_NOATIME) &&
      W->cur->fsuid != f->owner_uid && !proc_capable(W->cur, CAP_FOWNER))
    return -EPERM;
  if ((arg & O_DIRECT) && f->kind == SR_FILE_SOCKET) return -EINVAL;
  f->flags = (f->flags & ~SR_SETFL_MASK) | (arg & SR_SETFL_MASK);
  return 0;
}

@ \clause{socket.7:signal:SIGIO}
@^socket.7:signal:SIGIO@>
@^F\_SETOWN@>
The owner of an open file is the process, or with a negative number the
process group, that receives \.{SIGIO} (or the signal chosen with
\.{F\_SETSIG}).  Setting it to a process or group that does not exist is
|ESRCH|; |INT_MIN|, whose negation is no group, is |EINVAL|; 0 removes the
owner.  \.{F\_SETOWN}, \.{FIOSETOWN} and \.{SIOCSPGRP} all set the same
owner, and \.{F\_GETOWN}, \.{FIOGETOWN} and \.{SIOCGPGRP} all read it with
the same sign.

\kernel{\.{F\_SETOWN} with pid 99999 and with $-99999$ give |ESRCH|; after
\.{SIOCSPGRP} with $-$|getpgrp()|, \.{F\_GETOWN} returns $-$|getpgrp()|.}

@c
static int file_setown(sr_file *f, int who)
{
  if (who == INT_MIN) return -EINVAL;
  if (who > 0 && !proc_by_pid(who)) return -ESRCH;
  if (who < 0 && !pgrp_exists(-who)) return -ESRCH;
  f->owner = who;
  f->fown_uid = W->cur->ruid;
  f->fown_euid = W->cur->euid;
  return 0;
}

@ \clause{socket.7:signal:SIGIO:3}
@^socket.7:signal:F\_SETSIG@>
\.{F\_SETSIG} chooses the signal sent instead of \.{SIGIO}; 0 restores
\.{SIGIO}.  Any signal number from 0 to 64 is accepted; others are
|EINVAL|.

@ The |fcntl| call.  A descriptor that is not open is |EBADF| whatever the
command; an unknown command is |EINVAL|.  \.{F\_SETFD} keeps only
\.{FD\_CLOEXEC}.  \.{F\_DUPFD} and \.{F\_DUPFD\_CLOEXEC} are here as well,
because a program that tests descriptor limits uses them: a start at or
above the limit is |EINVAL|, no free descriptor below it |EMFILE|.

@c
int sr_fcntl(int fd, int cmd, ...)
{
  va_list ap;
  long arg;
  sr_proc *p;
  sr_file *f;
  int r;
  world_ready();
  p = W->cur;
  va_start(ap, cmd);
  arg = va_arg(ap, long);
  va_end(ap);
  if (!(f = fd_file(p, fd))) return sys_return(-EBADF);
  switch (cmd) {
  case F_GETFD: return p->fds.cloexec[fd] ? FD_CLOEXEC : 0;
  case F_SETFD: p->fds.cloexec[fd] = (arg & FD_CLOEXEC) != 0; return 0;
  case F_GETFL: return f->flags;
  case F_SETFL: return sys_return(file_setfl(f, (int) arg));
  case F_GETOWN: return f->owner;
  case F_SETOWN: return sys_return(file_setown(f, (int) arg));
  case F_GETSIG: return f->sig;
  case F_SETSIG:
    if (arg < 0 || arg >= SR_NSIG) return sys_return(-EINVAL);
    f->sig = (int) arg;
    return 0;
  case F_DUPFD: case F_DUPFD_CLOEXEC:
    if (arg < 0 || (rlim_t) arg >= p->nofile.rlim_cur) return sys_return(-EINVAL);
    r = fd_install(p, f, (int) arg, cmd == F_DUPFD_CLOEXEC);
    return sys_return(r);
  default: return sys_return(-EINVAL);
  }
}

@ \clause{socket.7:ioctl:FIOASYNC}
@^socket.7:ioctl:FIOASYNC@>
@^socket.7:ioctl:FIONBIO@>
The generic ioctls act on the open file and work on any descriptor:
\.{FIONBIO} and \.{FIOASYNC} set or clear |O_NONBLOCK| and |O_ASYNC| from
an |int| flag, and \.{FIOCLEX}, \.{FIONCLEX} set and clear the
descriptor's close-on-exec flag.  The flag is read from the caller's
memory, so a null pointer is |EFAULT|.

@c
static int generic_ioctl(sr_proc *p, int fd, sr_file *f, unsigned long req,
  void *argp, bool *handled)
{
  int on;
  *handled = true;
  switch (req) {
  case FIOCLEX: p->fds.cloexec[fd] = 1; return 0;
  case FIONCLEX: p->fds.cloexec[fd] = 0; return 0;
  case FIONBIO: case FIOASYNC:
    if (!argp) return -EFAULT;
    memcpy(&on, argp, sizeof on);
    if (on) f->flags |= req == FIONBIO ? O_NONBLOCK : O_ASYNC;
    else f->flags &= ~(req == FIONBIO ? O_NONBLOCK : O_ASYNC);
    return 0;
  }
  *handled = false;
  return 0;
}

@ \clause{socket.7:ioctl:SIOCSPGRP}
\clause{socket.7:ioctl:SIOCGPGRP}
\clause{socket.7:fcntl:FIOSETOWN}
\clause{socket.7:fcntl:FIOGETOWN}
@^socket.7:ioctl:SIOCSPGRP@>
@^socket.7:ioctl:SIOCGPGRP@>
@^socket.7:fcntl:FIOSETOWN@>
@^socket.7:fcntl:FIOGETOWN@>
The socket ioctls.  \.{SIOCSPGRP} and \.{FIOSETOWN} read a |pid_t| and set
the owner as \.{F\_SETOWN} does; \.{SIOCGPGRP} and \.{FIOGETOWN} store it.
The page lists \.{FIOGETOWN} and \.{FIOSETOWN} as ``valid fcntl
operations''; they are ioctl requests, and |fcntl| refuses them as unknown
commands with |EINVAL|.

@c
static int sock_ioctl(sr_file *f, unsigned long req, void *argp)
{
  sr_sock *s = f->sock;
  int v;
  switch (req) {
  case SIOCSPGRP: case FIOSETOWN:
    if (!argp) return -EFAULT;
    memcpy(&v, argp, sizeof v);
    return file_setown(f, v);
  case SIOCGPGRP: case FIOGETOWN:
    if (!argp) return -EFAULT;
    memcpy(argp, &f->owner, sizeof(int));
    return 0;
  @<Cases of the socket ioctls that read the queues@>@;
  }
  return -ENOTTY;
}

@ The requests that read a socket's queues --- \.{SIOCGSTAMP},
\.{SIOCGSTAMPNS}, \.{SIOCINQ} (the same number as \.{FIONREAD}) and
\.{SIOCOUTQ} --- are answered by the chapter on the UDP data path, which
keeps those queues.

@ The |ioctl| call: a bad descriptor is |EBADF|; the generic requests come
first; a socket then gets its own; anything else is |ENOTTY|, the answer
the kernel gives for a request no layer knows.  A request of the socket
type (\.{0x89} in its type byte) that no protocol answers is handed by the
kernel to the device layer, which first reads a |struct ifreq| from the
argument: with a null argument that is |EFAULT|, with any other the device
layer knows no such request either.  The model has no device requests.
@^model limits@>

\kernel{\.{SIOCATMARK} with a null argument is |EFAULT| on UDP and raw
sockets and |ENOTTY| with a buffer; \.{0x12345678} is |ENOTTY| either way.}

@<Constants of the model@>=
#define SR_IS_SOCK_IOCTL(req) ((((req) >> 8) & 0xff) == 0x89)

@ The call.

\kernel{\.{ioctl(udp, 0x12345678, \&v)} is |ENOTTY|.}

@c
int sr_ioctl(int fd, unsigned long request, ...)
{
  va_list ap;
  void *argp;
  sr_file *f;
  bool handled;
  int r;
  world_ready();
  va_start(ap, request);
  argp = va_arg(ap, void *);
  va_end(ap);
  if (!(f = fd_file(W->cur, fd))) return sys_return(-EBADF);
  r = generic_ioctl(W->cur, fd, f, request, argp, &handled);
  if (handled) return sys_return(r);
  if (f->kind != SR_FILE_SOCKET) return sys_return(-ENOTTY);
  r = sock_ioctl(f, request, argp);
  if (r == -ENOTTY && SR_IS_SOCK_IOCTL(request) && !argp) r = -EFAULT;
  return sys_return(r);
}

@ @<Private function prototypes@>=
static int file_setfl(sr_file *f, int arg);
static int file_setown(sr_file *f, int who);
static int generic_ioctl(sr_proc *p, int fd, sr_file *f, unsigned long req,
  void *argp, bool *handled);
static int sock_ioctl(sr_file *f, unsigned long req, void *argp);
