@* The executor.
The executor runs a parsed script on a {\it backend\/} and keeps, for
every call line, what the call returned: its result, its error number,
and the bytes it wrote into each buffer it was given.  It is written
once.  A backend is a table of functions with the signatures of the C
library: the kernel's backend is the C library itself, sockref's is
\.{libsockref}'s |sr_| calls.  Turning the values of a line into
arguments, calling, and keeping the results is the same code for both.

The raw results are kept apart from the values they mean, in an
{\it outcome\/}, for two reasons.  On the kernel the calls run in other
processes, in other namespaces, which write into shared memory; and a
raw result is cheap to keep while a value is only built when a line is
checked or recorded.

@<Public types@>=
#define SS_MAXLINES 4096
#define SS_DATA (4u << 20)
enum { RS_NOTRUN, RS_DONE, RS_MISSING, RS_BADINPUT };
typedef struct {
  long long ret;
  int err;
  short proc; /* the script's process that made the call, from 0 */
  unsigned char status; /* |RS_DONE|, or why the line did not run */
  uint32_t off[SS_MAXARGS], len[SS_MAXARGS]; /* each argument's bytes, in |data| */
} ss_raw;
typedef struct ss_outcome {
  int nlines;
  ss_env env; /* process IDs and bound variables */
  int stopped; /* the line at which the run stopped early, or $-1$ */
  char note[256]; /* why it stopped */
  long long eph_lo, eph_hi; /* the ephemeral ports at the end */
  uint32_t used;
  ss_raw raw[SS_MAXLINES];
  unsigned char data[SS_DATA];
} ss_outcome;

@ @<Public declarations@>=
ss_outcome *ss_outcome_new(bool shared);
void ss_outcome_free(ss_outcome *o, bool shared);
int ss_run_sockref(ss_script *s, ss_outcome *o);
typedef void ss_line_hook(void *arg, const ss_script *s, int li, const ss_outcome *o, bool after);
int ss_run_sockref_hooked(ss_script *s, ss_outcome *o, ss_line_hook *hook, void *arg);
int ss_run_kernel(ss_script *s, ss_outcome *o, int timeout_s);
void ss_actual(ss_arena *a, const ss_script *s, int li, const ss_outcome *o,
  ss_value **act, ss_value **ret, ss_value **err);

@ An outcome is large (its buffer holds everything the calls of a script
wrote), so a program allocates one and reuses it; a run resets only what
it uses.  For the kernel it is a shared mapping, which the processes that
run the script write into.

@<The executor@>=
ss_outcome *ss_outcome_new(bool shared)
{
  ss_outcome *o;
  if (shared) {
    o = mmap(NULL, sizeof *o, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (o == MAP_FAILED) return NULL;
  } else if (!(o = malloc(sizeof *o))) return NULL;
  o->nlines = 0;
  return o;
}

void ss_outcome_free(ss_outcome *o, bool shared)
{
  if (!o) return;
  if (shared) munmap(o, sizeof *o);
  else free(o);
}

static void outcome_reset(ss_outcome *o, const ss_script *s)
{
  o->nlines = s->nlines < SS_MAXLINES ? s->nlines : SS_MAXLINES;
  memset(o->raw, 0, (size_t) o->nlines * sizeof o->raw[0]);
  memset(&o->env, 0, sizeof o->env);
  o->stopped = -1;
  o->note[0] = '\0';
  o->used = 0;
  o->eph_lo = 32768;
  o->eph_hi = 60999;
}

@* Backends.
A backend lists the calls.  A call a backend lacks is a null pointer, and
a line that makes it is reported as missing.

@<Private types@>=
typedef struct {
  const char *name;
  int (*socket)(int, int, int);
  int (*socketpair)(int, int, int, int *);
  int (*close)(int);
  int (*fcntl)(int, int, ...);
  int (*ioctl)(int, unsigned long, ...);
  ssize_t (*pread)(int, void *, size_t, off_t);
  ssize_t (*pwrite)(int, const void *, size_t, off_t);
  int (*getsockopt)(int, int, int, void *, socklen_t *);
  int (*setsockopt)(int, int, int, const void *, socklen_t);
  int (*bind)(int, const struct sockaddr *, socklen_t);
  int (*connect)(int, const struct sockaddr *, socklen_t);
  int (*listen)(int, int);
  int (*getsockname)(int, struct sockaddr *, socklen_t *);
  int (*getpeername)(int, struct sockaddr *, socklen_t *);
  ssize_t (*send)(int, const void *, size_t, int);
  ssize_t (*sendto)(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
  ssize_t (*sendmsg)(int, const struct msghdr *, int);
  ssize_t (*recv)(int, void *, size_t, int);
  ssize_t (*recvfrom)(int, void *, size_t, int, struct sockaddr *, socklen_t *);
  ssize_t (*recvmsg)(int, struct msghdr *, int);
  ssize_t (*read)(int, void *, size_t);
  ssize_t (*write)(int, const void *, size_t);
  ssize_t (*readv)(int, const struct iovec *, int);
  ssize_t (*writev)(int, const struct iovec *, int);
  int (*shutdown)(int, int);
  int (*poll)(struct pollfd *, nfds_t, int);
  int (*select)(int, fd_set *, fd_set *, fd_set *, struct timeval *);
  int (*setuid)(uid_t);
  int (*seteuid)(uid_t);
  int (*cap_drop)(int);
  int (*sysctl_set)(const char *, const char *);
  int (*sysctl_get)(const char *, char *, size_t);
  void (*advance)(uint64_t);
  long (*signal_count)(int);
  pid_t (*getpid)(void);
  pid_t (*getpgrp)(void);
  pid_t (*proc_new)(int, uid_t);
  int (*proc_switch)(pid_t);
  int (*sigaction)(int, const char *, int);
  int (*sigprocmask)(int, int);
  int (*sigpending)(int);
  int (*setitimer)(int, long, long, long, long);
  unsigned (*alarm)(unsigned);
  int (*kill)(pid_t, int);
  int (*ppoll)(struct pollfd *, nfds_t, int, int);
} ss_backend;

@ The sockref backend: \.{libsockref}'s |sr_| calls, which \.{sockref.h}
declares with the C library's signatures (a call missing from the library
is a link error, not a line reported missing).  Only advancing the
virtual clock needs a wrapper, for its signature.

@<The executor@>=
static void sr_advance(uint64_t ns) { sr_advance_ns(ns); }
@<The script's signal calls on sockref@>@;

static const ss_backend sockref_backend = {
  "sockref", sr_socket, sr_socketpair, sr_close, sr_fcntl, sr_ioctl, sr_pread, sr_pwrite,
  sr_getsockopt, sr_setsockopt, sr_bind, sr_connect, sr_listen, sr_getsockname,
  sr_getpeername, sr_send, sr_sendto, sr_sendmsg, sr_recv, sr_recvfrom, sr_recvmsg,
  sr_read, sr_write, sr_readv, sr_writev, sr_shutdown, sr_poll, sr_select,
  sr_setuid, sr_seteuid, sr_cap_drop, sr_sysctl_set, sr_sysctl_get, sr_advance,
  sr_signal_count, sr_getpid, sr_getpgrp, sr_proc_new, sr_proc_switch,
  s_sigaction, s_sigprocmask, s_sigpending, s_setitimer, sr_alarm, sr_kill, s_ppoll
};

@ The kernel backend is the C library, and a few functions of our own
for the actions on the process, defined with the kernel runner.  Process
creation and switching are the runner's business, not a call's.

@<The executor@>=
static const ss_backend kernel_backend = {
  "kernel", socket, socketpair, close, fcntl, ioctl, pread, pwrite,
  getsockopt, setsockopt, bind, connect, listen, getsockname,
  getpeername, send, sendto, sendmsg, recv, recvfrom, recvmsg,
  read, write, readv, writev, shutdown, k_poll, select,
  k_setuid, seteuid, k_cap_drop, k_sysctl_set, k_sysctl_get, k_advance,
  k_signal_count, getpid, getpgrp, NULL, NULL,
  k_sigaction, k_sigprocmask, k_sigpending, k_setitimer, alarm, kill, k_ppoll
};

@ @<Prototypes@>=
static int k_setuid(uid_t uid);
static int k_cap_drop(int cap);
static int k_sysctl_set(const char *name, const char *value);
static int k_sysctl_get(const char *name, char *buf, size_t len);
static void k_advance(uint64_t ns);
static int k_poll(struct pollfd *fds, nfds_t nfds, int timeout);
static long k_signal_count(int sig);
static int k_sigaction(int sig, const char *handler, int flags);
static int k_sigprocmask(int how, int sig);
static int k_sigpending(int sig);
static int k_setitimer(int which, long sec, long usec, long isec, long iusec);
static int k_ppoll(struct pollfd *fds, nfds_t n, int ms, int sig);

@* Running a line.
The executor's state: the backend, the script and outcome, the current
process, and two arenas --- one for the buffers of the line being run,
one for the values a binding needs.

@<Private types@>=
typedef struct ss_kshared ss_kshared;
typedef struct {
  const ss_backend *b;
  ss_script *s;
  ss_outcome *o;
  int proc;
  ss_arena scratch, vals;
  ss_kshared *sh; /* the kernel runner's shared state, or null */
} ss_exec;

@ Evaluating an integer: a number, a variable, the input of a pair, or
the one item of a list (\.{[16]} is how a |socklen_t| argument is
written).

@<The executor@>=
static bool eval_int(ss_exec *x, const ss_value *v, long long *out)
{
  long long t;
  if (!v) return false;
  switch (v->kind) {
  case SV_INT: *out = v->i; return true;
  case SV_VAR:
    x->o->env.cur = x->proc;
    if (!ss_env_get(&x->o->env, v->name, &t)) return false;
    *out = v->neg ? -t : t;
    return true;
  case SV_INOUT: return eval_int(x, v->a, out);
  case SV_LIST: return v->n == 1 && eval_int(x, v->item[0], out);
  }
  return false;
}

@ The size of the bytes a value stands for when it is the content of a
buffer: a string's length; a list's items, an |int| each or a structure
each; a structure's size (an |ip_msfilter| with its sources).

@<The executor@>=
static size_t value_size(const ss_value *v)
{
  size_t n = 0;
  if (!v) return 0;
  switch (v->kind) {
  case SV_INOUT: return value_size(v->a);
  case SV_STR: return v->len;
  case SV_INT: case SV_VAR: return sizeof(int);
  case SV_LIST:
    for (int i = 0; i < v->n; i++) n += value_size(v->item[i]);
    return n;
  case SV_STRUCT:
    n = v->st->size;
    if (v->st->special == ST_MSFILTER) {
      const ss_value *sl = struct_get(v, "imsf_slist");
      n += 4 * (size_t) (sl && sl->kind == SV_LIST ? sl->n : 0);
    }
    return n;
  }
  return 0;
}

@ Encoding a value into a buffer of at least |value_size| bytes.  It
fails (returns false) when a variable is unbound or a value has the wrong
shape for its place.

@<The executor@>=
static bool encode_value(ss_exec *x, const ss_value *v, unsigned char *p);
static bool encode_struct(ss_exec *x, const ss_value *v, unsigned char *p)
{
  const struct ss_struct *st = v->st;
  memset(p, 0, st->size);
  for (int i = 0; i < v->n; i++) {
    const ss_field *f = st_field(st, v->field[i]);
    const ss_value *it = v->item[i];
    long long n;
    if (!f) return false;
    switch (f->kind) {
    case FK_BYTES:
      if (it->kind != SV_STR) return false;
      memcpy(p + f->off, it->s, it->len < f->size ? it->len : f->size);
      break;
    case FK_ADDRLIST:
      if (it->kind != SV_LIST) return false;
      for (int k = 0; k < it->n; k++) {
        uint32_t u;
        if (!eval_int(x, it->item[k], &n)) return false;
        u = htonl((uint32_t) n);
        memcpy(p + f->off + 4 * k, &u, 4);
      }
      break;
    case FK_FILTERS: @<Encode the program of a |sock_fprog|@>@; break;
    case FK_SPECIAL: return false;
    default:
      if (!eval_int(x, it, &n)) return false;
      field_put(f, p, n);
    }
  }
  return true;
}

@ A classic program is an array of instructions elsewhere in memory; the
structure holds its address.  \.{filter=NULL} passes a null pointer.

@<Encode the program of a |sock_fprog|@>=
{
  unsigned char *prog = NULL;
  if (it->kind == SV_LIST) {
    prog = ss_alloc(&x->scratch, (size_t) (it->n ? it->n : 1) * sizeof(struct sock_filter));
    for (int k = 0; k < it->n; k++)
      if (it->item[k]->kind != SV_STRUCT || !encode_struct(x, it->item[k], prog + k * sizeof(struct sock_filter)))
        return false;
  } else if (it->kind != SV_NULL) return false;
  memcpy(p + f->off, &prog, sizeof prog);
}

@ @<The executor@>=
static bool encode_value(ss_exec *x, const ss_value *v, unsigned char *p)
{
  long long n;
  int32_t i32;
  switch (v->kind) {
  case SV_INOUT: return encode_value(x, v->a, p);
  case SV_STR: if (v->len) memcpy(p, v->s, v->len); return true;
  case SV_INT: case SV_VAR:
    if (!eval_int(x, v, &n)) return false;
    i32 = (int32_t) n;
    memcpy(p, &i32, sizeof i32);
    return true;
  case SV_LIST:
    for (int i = 0; i < v->n; i++) {
      if (!encode_value(x, v->item[i], p)) return false;
      p += value_size(v->item[i]);
    }
    return true;
  case SV_STRUCT:
    if (v->st->special != ST_PLAIN && v->st->special != ST_MSFILTER && v->st->special != ST_FPROG)
      return false;
    return encode_struct(x, v, p);
  }
  return false;
}

@ A buffer for an argument: zeroed, at least |need| bytes, with room to
spare so that a call that writes a little past what it was told (as
\.{IP\_MSFILTER} does, trusting the count in the buffer) writes into
memory the executor owns.  A capacity above 16~MiB is refused.

@<The executor@>=
#define SS_SLACK 4096
#define SS_BUFMAX (16u << 20)
static unsigned char *arg_buffer(ss_exec *x, size_t need)
{
  return ss_alloc(&x->scratch, need + SS_SLACK);
}

@ Keeping the bytes a call wrote: they are appended to the outcome's
data, and the line's raw result remembers where.

@<The executor@>=
static void keep(ss_exec *x, ss_raw *r, int i, const void *p, size_t n)
{
  ss_outcome *o = x->o;
  if (n > SS_DATA - o->used) n = SS_DATA - o->used;
  r->off[i] = o->used;
  r->len[i] = (uint32_t) n;
  if (n && p) memcpy(o->data + o->used, p, n);
  o->used += (uint32_t) n;
}

@ Running one call line.  Each argument is turned into a C argument by its
kind, the backend's function is called, and the outputs are kept.

@<The executor@>=
static void exec_line(ss_exec *x, int li)
{
  ss_line *ln = &x->s->line[li];
  ss_raw *r = &x->o->raw[li];
  const ss_call *c = &ss_calls[ln->call];
  long long iv[SS_MAXARGS] = {0}; /* integers */
  void *pv[SS_MAXARGS] = {0}; /* pointers */
  size_t cap[SS_MAXARGS] = {0}; /* capacities of the buffers */
  socklen_t *lenp[SS_MAXARGS] = {0}; /* |socklen_t| in and out */
  socklen_t lenin[SS_MAXARGS] = {0};
  long long ret = 0;
  int err = 0;
  @<Locals of the special kinds@>@;
  ss_arena_reset(&x->scratch);
  r->proc = (short) x->proc;
  r->status = RS_BADINPUT;
  x->o->env.cur = x->proc;
  @<Materialize the integer and length arguments@>@;
  for (int i = 0; i < ln->nargs; i++) @<Materialize argument |i|@>@;
  @<Call the backend@>@;
  r->ret = ret;
  r->err = err;
  r->status = RS_DONE;
  for (int i = 0; i < ln->nargs; i++) @<Keep what the call wrote through argument |i|@>@;
  if (ln->binds) bind_line(x, li);
}

@ The integers come first, because the buffers' capacities are among
them.  A |socklen_t| argument is both: an integer in, an integer out.

@<Materialize the integer and length arguments@>=
for (int i = 0; i < ln->nargs; i++) {
  const ss_value *v = ln->arg[i];
  switch (c->kind[i]) {
  case AK_INT: case AK_LONG: case AK_FCNTLARG:
    if (!eval_int(x, v, &iv[i])) return;
    break;
  case AK_LENIO:
    if (v->kind == SV_NULL) break;
    if (!eval_int(x, v, &iv[i])) return;
    lenin[i] = (socklen_t) iv[i];
    lenp[i] = ss_alloc(&x->scratch, sizeof(socklen_t));
    *lenp[i] = lenin[i];
    break;
  }
}

@ The capacity of a buffer is the integer of its |lenarg|, when that is a
sane size.

@<Materialize argument |i|@>=
{
  const ss_value *v = ln->arg[i];
  size_t want = 0;
  if (c->lenarg[i] >= 0) {
    long long n = iv[(int) c->lenarg[i]];
    want = n > 0 && n <= (long long) SS_BUFMAX ? (size_t) n : 0;
  }
  switch (c->kind[i]) {
  case AK_CSTR:
    if (v->kind == SV_NULL) break;
    if (v->kind != SV_STR) return;
    pv[i] = arg_buffer(x, v->len + 1);
    memcpy(pv[i], v->s, v->len);
    break;
  case AK_INBUF: case AK_OPTIN: case AK_SAIN: case AK_OUTBUF: case AK_OPTOUT:
  case AK_SAOUT: case AK_OUTSTR: case AK_SV:
    @<Make a plain buffer for argument |i|@>@;
    break;
  case AK_IOCTLARG:
    if (v->kind == SV_NULL) break;
    cap[i] = 64;
    pv[i] = arg_buffer(x, cap[i]);
    if (value_size(v) > cap[i] || !encode_value(x, v, pv[i])) return;
    break;
  case AK_MSGIN: case AK_MSGIO: @<Make the |msghdr| of argument |i|@>@; break;
  case AK_IOVIN: case AK_IOVOUT: @<Make the |iovec| array of argument |i|@>@; break;
  case AK_POLLFD: @<Make the |pollfd| array of argument |i|@>@; break;
  case AK_FDSET: @<Make the |fd_set| of argument |i|@>@; break;
  case AK_TVIO:
    if (v->kind == SV_NULL) break;
    cap[i] = sizeof(struct timeval);
    pv[i] = arg_buffer(x, cap[i]);
    if (value_size(v) != cap[i] || !encode_value(x, v, pv[i])) return;
    break;
  }
}

@ A plain buffer holds the encoded value --- for an output, the input half
of an \.{IN => OUT} pair, or nothing --- and is as large as the larger of
the value and the capacity argument.  An output's value is what the call
must write, not what it reads, so only its input half is encoded.
\.{sysctl\_get} reads into a page; \.{socketpair} into two |int|s.

@<Make a plain buffer for argument |i|@>=
{
  int k = c->kind[i];
  bool out = k == AK_OUTBUF || k == AK_OPTOUT || k == AK_SAOUT || k == AK_OUTSTR || k == AK_SV;
  const ss_value *in = out ? (v->kind == SV_INOUT ? v->a : NULL) : v;
  size_t vs;
  if (v->kind == SV_NULL) break;
  if (k == AK_OUTSTR) want = 8192;
  if (k == AK_SV) want = 2 * sizeof(int);
  if (k == AK_SAOUT || k == AK_SAIN) want = want > 128 ? want : 128;
  vs = in ? value_size(in) : 0;
  cap[i] = want > vs ? want : vs;
  pv[i] = arg_buffer(x, cap[i]);
  if (in && !encode_value(x, in, pv[i])) return;
}

@ The backend's functions, called with the arguments made above.  Both
backends have every call; only the kernel's lacks the making and
switching of processes, which its runner does itself.

@<Call the backend@>=
errno = 0;
switch (ln->call) {
case C_SOCKET: ret = x->b->socket((int) iv[0], (int) iv[1], (int) iv[2]); break;
case C_SOCKETPAIR: ret = x->b->socketpair((int) iv[0], (int) iv[1], (int) iv[2], pv[3]); break;
case C_CLOSE: ret = x->b->close((int) iv[0]); break;
case C_FCNTL: ret = x->b->fcntl((int) iv[0], (int) iv[1], (long) iv[2]); break;
case C_IOCTL: ret = x->b->ioctl((int) iv[0], (unsigned long) iv[1], pv[2]); break;
case C_PREAD: ret = x->b->pread((int) iv[0], pv[1], (size_t) iv[2], (off_t) iv[3]); break;
case C_PWRITE: ret = x->b->pwrite((int) iv[0], pv[1], (size_t) iv[2], (off_t) iv[3]); break;
case C_GETSOCKOPT:
  ret = x->b->getsockopt((int) iv[0], (int) iv[1], (int) iv[2], pv[3], lenp[4]);
  break;
case C_SETSOCKOPT:
  ret = x->b->setsockopt((int) iv[0], (int) iv[1], (int) iv[2], pv[3], (socklen_t) iv[4]);
  break;
case C_BIND: ret = x->b->bind((int) iv[0], pv[1], (socklen_t) iv[2]); break;
case C_CONNECT: ret = x->b->connect((int) iv[0], pv[1], (socklen_t) iv[2]); break;
case C_LISTEN: ret = x->b->listen((int) iv[0], (int) iv[1]); break;
case C_GETSOCKNAME: ret = x->b->getsockname((int) iv[0], pv[1], lenp[2]); break;
case C_GETPEERNAME: ret = x->b->getpeername((int) iv[0], pv[1], lenp[2]); break;
case C_SEND: ret = x->b->send((int) iv[0], pv[1], (size_t) iv[2], (int) iv[3]); break;
case C_SENDTO:
  ret = x->b->sendto((int) iv[0], pv[1], (size_t) iv[2], (int) iv[3], pv[4], (socklen_t) iv[5]);
  break;
case C_SENDMSG: ret = x->b->sendmsg((int) iv[0], pv[1], (int) iv[2]); break;
case C_RECV: ret = x->b->recv((int) iv[0], pv[1], (size_t) iv[2], (int) iv[3]); break;
case C_RECVFROM:
  ret = x->b->recvfrom((int) iv[0], pv[1], (size_t) iv[2], (int) iv[3], pv[4], lenp[5]);
  break;
case C_RECVMSG: ret = x->b->recvmsg((int) iv[0], pv[1], (int) iv[2]); break;
case C_READ: ret = x->b->read((int) iv[0], pv[1], (size_t) iv[2]); break;
case C_WRITE: ret = x->b->write((int) iv[0], pv[1], (size_t) iv[2]); break;
case C_READV: ret = x->b->readv((int) iv[0], pv[1], (int) iv[2]); break;
case C_WRITEV: ret = x->b->writev((int) iv[0], pv[1], (int) iv[2]); break;
case C_SHUTDOWN: ret = x->b->shutdown((int) iv[0], (int) iv[1]); break;
case C_POLL: ret = x->b->poll(pv[0], (nfds_t) iv[1], (int) iv[2]); break;
case C_SELECT: ret = x->b->select((int) iv[0], pv[1], pv[2], pv[3], pv[4]); break;
case C_SETUID: ret = x->b->setuid((uid_t) iv[0]); break;
case C_SETEUID: ret = x->b->seteuid((uid_t) iv[0]); break;
case C_CAP_DROP: ret = x->b->cap_drop((int) iv[0]); break;
case C_SYSCTL_SET: ret = x->b->sysctl_set(pv[0], pv[1]); break;
case C_SYSCTL_GET: ret = x->b->sysctl_get(pv[0], pv[1], pv[1] ? cap[1] : 0); break;
case C_ADVANCE: x->b->advance((uint64_t) iv[0]); ret = 0; break;
case C_SIGNAL_COUNT: ret = x->b->signal_count((int) iv[0]); break;
case C_SIGACTION: ret = x->b->sigaction((int) iv[0], pv[1], (int) iv[2]); break;
case C_SIGPROCMASK: ret = x->b->sigprocmask((int) iv[0], (int) iv[1]); break;
case C_SIGPENDING: ret = x->b->sigpending((int) iv[0]); break;
case C_SETITIMER: ret = x->b->setitimer((int) iv[0], (long) iv[1], (long) iv[2], (long) iv[3], (long) iv[4]); break;
case C_ALARM: ret = (long long) x->b->alarm((unsigned) iv[0]); break;
case C_KILL: ret = x->b->kill((pid_t) iv[0], (int) iv[1]); break;
case C_PPOLL: ret = x->b->ppoll(pv[0], (nfds_t) iv[1], (int) iv[2], (int) iv[3]); break;
case C_PROC_NEW: case C_PROC_SWITCH: @<Make or switch a process@>@; break;
}
err = ret == -1 ? errno : 0;

@ What the call wrote.  A buffer keeps as many bytes as the call says it
filled: its result for a read, the |socklen_t| it returned for an address
or an option.  \.{SO\_GET\_FILTER} counts its length in instructions.  An
option may be longer than the buffer the caller said it had
(\.{IP\_MSFILTER} trusts the count of sources in the buffer); what it
wrote into the spare room is kept too.

@<Keep what the call wrote through argument |i|@>=
{
  size_t n = 0;
  switch (c->kind[i]) {
  case AK_OUTBUF: case AK_OUTSTR:
    if (pv[i] && ret > 0) n = (size_t) ret < cap[i] ? (size_t) ret : cap[i];
    keep(x, r, i, pv[i], n);
    break;
  case AK_LENIO: keep(x, r, i, lenp[i], lenp[i] ? sizeof(socklen_t) : 0); break;
  case AK_OPTOUT:
    if (pv[i] && lenp[i + 1]) {
      n = *lenp[i + 1];
      if (iv[1] == SOL_SOCKET && iv[2] == SO_GET_FILTER) n *= sizeof(struct sock_filter);
      if (n > cap[i] + SS_SLACK) n = cap[i] + SS_SLACK;
    }
    keep(x, r, i, pv[i], n);
    break;
  case AK_SAOUT:
    if (pv[i] && lenp[i + 1]) {
      n = *lenp[i + 1] < lenin[i + 1] ? *lenp[i + 1] : lenin[i + 1];
      if (n > cap[i]) n = cap[i];
    }
    keep(x, r, i, pv[i], n);
    break;
  case AK_SV: keep(x, r, i, pv[i], pv[i] ? 2 * sizeof(int) : 0); break;
  case AK_IOCTLARG: keep(x, r, i, pv[i], pv[i] ? 16 : 0); break;
  case AK_TVIO: keep(x, r, i, pv[i], pv[i] ? sizeof(struct timeval) : 0); break;
  case AK_MSGIO: @<Keep what \.{recvmsg} wrote@>@; break;
  case AK_IOVOUT: @<Keep what \.{readv} wrote@>@; break;
  case AK_POLLFD: @<Keep the |revents| of \.{poll}@>@; break;
  case AK_FDSET: keep(x, r, i, pv[i], pv[i] ? sizeof(fd_set) : 0); break;
  }
}

@* Messages, vectors, polls and selects.
The structures with pointers in them.  A |msghdr| for \.{sendmsg} is
written with the data it sends and the control messages it carries:

\.{\{msg\_name=\{sa\_family=AF\_INET, sin\_port=htons(9),
sin\_addr=inet\_addr("127.0.0.1")\}, msg\_iov=[\{iov\_base="abc"\}],
msg\_control=[\{cmsg\_level=SOL\_IP, cmsg\_type=IP\_TTL,
cmsg\_data=[5]\}]\}}

\noindent and the lengths and counts left out are computed: |msg_namelen|
from the address, |iov_len| from the data, |cmsg_len| and
|msg_controllen| with \.{CMSG\_LEN} and \.{CMSG\_SPACE}.  For
\.{recvmsg}, |msg_namelen|, |iov_len| and |msg_controllen| are the
capacities of the buffers, |msg_name| and |msg_control| say whether there
is a buffer at all (\.{NULL} for none), and the contents, the lengths
and |msg_flags| after the call are the outputs.

@<Locals of the special kinds@>=
struct msghdr *msg = NULL;
struct iovec *iov = NULL;
int niov = 0;
size_t namecap = 0, ctlcap = 0;

@ @<Make the |msghdr| of argument |i|@>=
{
  bool rcv = c->kind[i] == AK_MSGIO;
  const ss_value *f;
  long long n;
  if (v->kind == SV_NULL) break;
  if (v->kind != SV_STRUCT || v->st->special != ST_MSGHDR) return;
  msg = ss_alloc(&x->scratch, sizeof *msg);
  pv[i] = msg;
  @<Make the name of |msg|@>@;
  if ((f = struct_get(v, "msg_iov")) && f->kind != SV_NULL) {
    if (!make_iov(x, f, rcv, &iov, &niov)) return;
    msg->msg_iov = iov;
  }
  msg->msg_iovlen = (size_t) niov;
  if ((f = struct_get(v, "msg_iovlen"))) { if (!eval_int(x, f, &n)) return; msg->msg_iovlen = (size_t) n; }
  @<Make the control data of |msg|@>@;
  if ((f = struct_get(v, "msg_flags"))) { if (!eval_int(x, f, &n)) return; msg->msg_flags = (int) n; }
}

@ @<Make the name of |msg|@>=
{
  const ss_value *nm = struct_get(v, "msg_name"), *nl = struct_get(v, "msg_namelen");
  if (nl && !eval_int(x, nl, &n)) return;
  if (nm && nm->kind != SV_NULL) {
    size_t vs = rcv ? 0 : value_size(nm);
    namecap = rcv ? (nl ? (size_t) (n > 0 && n < 65536 ? n : 0) : 0) : vs;
    msg->msg_name = arg_buffer(x, namecap > vs ? namecap : vs);
    if (!rcv && !encode_value(x, nm, msg->msg_name)) return;
    msg->msg_namelen = (socklen_t) (rcv ? namecap : vs);
  }
  if (nl) msg->msg_namelen = (socklen_t) n;
}

@ The control data of a message to send is a list of records, or bytes
as they are; of a message to receive, a buffer of |msg_controllen|.

@<Make the control data of |msg|@>=
{
  const ss_value *ct = struct_get(v, "msg_control"), *cl = struct_get(v, "msg_controllen");
  if (cl && !eval_int(x, cl, &n)) return;
  if (ct && ct->kind != SV_NULL) {
    if (rcv) {
      ctlcap = cl ? (size_t) (n > 0 && n < 65536 ? n : 0) : 0;
      msg->msg_control = arg_buffer(x, ctlcap);
      msg->msg_controllen = ctlcap;
    } else if (!make_control(x, ct, msg)) return;
  }
  if (cl) msg->msg_controllen = (size_t) n;
}

@ Building control messages to send.  Each record's data is encoded like
an option value; |cmsg_len| is \.{CMSG\_LEN} of the data unless the
script gives it, and records lie \.{CMSG\_SPACE} apart.

@<The executor@>=
static bool make_control(ss_exec *x, const ss_value *ct, struct msghdr *m)
{
  size_t total = 0;
  unsigned char *buf, *p;
  if (ct->kind == SV_STR) {
    m->msg_control = arg_buffer(x, ct->len);
    memcpy(m->msg_control, ct->s, ct->len);
    m->msg_controllen = ct->len;
    return true;
  }
  if (ct->kind != SV_LIST) return false;
  for (int k = 0; k < ct->n; k++) {
    const ss_value *d;
    if (ct->item[k]->kind != SV_STRUCT || ct->item[k]->st->special != ST_CMSG) return false;
    d = struct_get(ct->item[k], "cmsg_data");
    total += CMSG_SPACE(value_size(d));
  }
  buf = p = arg_buffer(x, total);
  for (int k = 0; k < ct->n; k++) {
    const ss_value *r = ct->item[k], *d = struct_get(r, "cmsg_data"), *f;
    struct cmsghdr h;
    long long n;
    size_t dl = value_size(d);
    memset(&h, 0, sizeof h);
    h.cmsg_len = CMSG_LEN(dl);
    if ((f = struct_get(r, "cmsg_len"))) { if (!eval_int(x, f, &n)) return false; h.cmsg_len = (size_t) n; }
    if ((f = struct_get(r, "cmsg_level"))) { if (!eval_int(x, f, &n)) return false; h.cmsg_level = (int) n; }
    if ((f = struct_get(r, "cmsg_type"))) { if (!eval_int(x, f, &n)) return false; h.cmsg_type = (int) n; }
    memcpy(p, &h, sizeof h);
    if (d && !encode_value(x, d, p + CMSG_LEN(0))) return false;
    p += CMSG_SPACE(dl);
  }
  m->msg_control = buf;
  m->msg_controllen = total;
  return true;
}

@ An array of |iovec|, to send or to fill.  To send, |iov_base| is the
data and |iov_len| its length unless given; to fill, |iov_len| is the
capacity.

@<The executor@>=
static bool make_iov(ss_exec *x, const ss_value *v, bool fill, struct iovec **out, int *nout)
{
  struct iovec *iv;
  if (v->kind != SV_LIST) return false;
  iv = ss_alloc(&x->scratch, (size_t) (v->n ? v->n : 1) * sizeof *iv);
  for (int k = 0; k < v->n; k++) {
    const ss_value *e = v->item[k], *base, *len;
    long long n = 0;
    if (e->kind != SV_STRUCT || e->st->special != ST_IOVEC) return false;
    base = struct_get(e, "iov_base");
    len = struct_get(e, "iov_len");
    if (len && !eval_int(x, len, &n)) return false;
    if (!len) n = fill || !base ? 0 : (long long) value_size(base);
    if (n < 0 || n > (long long) SS_BUFMAX) return false;
    if (base && base->kind == SV_NULL) iv[k].iov_base = NULL;
    else {
      size_t vs = fill ? 0 : value_size(base);
      iv[k].iov_base = arg_buffer(x, (size_t) n > vs ? (size_t) n : vs);
      if (!fill && base && !encode_value(x, base, iv[k].iov_base)) return false;
    }
    iv[k].iov_len = (size_t) n;
  }
  *out = iv;
  *nout = v->n;
  return true;
}

@ @<Prototypes@>=
static bool make_control(ss_exec *x, const ss_value *ct, struct msghdr *m);
static bool make_iov(ss_exec *x, const ss_value *v, bool fill, struct iovec **out, int *nout);
static void bind_line(ss_exec *x, int li);

@ @<Make the |iovec| array of argument |i|@>=
if (v->kind != SV_NULL) {
  if (!make_iov(x, v, c->kind[i] == AK_IOVOUT, &iov, &niov)) return;
  pv[i] = iov;
}

@ What \.{recvmsg} wrote, as one record: the three integers it sets
(|msg_namelen|, |msg_controllen|, |msg_flags|), then the address, the
control data, and the data it received, as far as each buffer held it.

@<Keep what \.{recvmsg} wrote@>=
if (msg) {
  uint32_t head[3];
  size_t nname = msg->msg_name ? (msg->msg_namelen < namecap ? msg->msg_namelen : namecap) : 0;
  size_t nctl = msg->msg_control ? (msg->msg_controllen < ctlcap ? msg->msg_controllen : ctlcap) : 0;
  size_t ndata = ret > 0 ? (size_t) ret : 0, off;
  unsigned char *blob;
  head[0] = msg->msg_namelen;
  head[1] = (uint32_t) msg->msg_controllen;
  head[2] = (uint32_t) msg->msg_flags;
  blob = ss_alloc(&x->scratch, sizeof head + nname + nctl + ndata);
  memcpy(blob, head, sizeof head);
  off = sizeof head;
  if (nname) memcpy(blob + off, msg->msg_name, nname);
  off += nname;
  if (nctl) memcpy(blob + off, msg->msg_control, nctl);
  off += nctl;
  ndata = gather(blob + off, msg->msg_iov, (int) msg->msg_iovlen < niov ? (int) msg->msg_iovlen : niov, ndata);
  keep(x, r, i, blob, off + ndata);
  @<Record the lengths of the name and control parts of the blob@>@;
}

@ The blob does not say where its name ends and its control data starts;
the two lengths are stored in the free fourth and fifth argument slots of
the raw result, which \.{recvmsg} (three arguments) does not use.

@<Record the lengths of the name and control parts of the blob@>=
r->off[4] = (uint32_t) nname;
r->off[5] = (uint32_t) nctl;

@ Gathering received data from an |iovec| array: |n| bytes in all, each
buffer as full as it got.

@<The executor@>=
static size_t gather(unsigned char *dst, const struct iovec *v, int nv, size_t n)
{
  size_t got = 0;
  for (int k = 0; k < nv && got < n; k++) {
    size_t take = v[k].iov_len < n - got ? v[k].iov_len : n - got;
    if (v[k].iov_base && take) memcpy(dst + got, v[k].iov_base, take);
    got += take;
  }
  return got;
}

@ @<Keep what \.{readv} wrote@>=
if (iov && ret > 0) {
  unsigned char *blob = ss_alloc(&x->scratch, (size_t) ret);
  keep(x, r, i, blob, gather(blob, iov, niov, (size_t) ret));
} else keep(x, r, i, NULL, 0);

@ A list of |pollfd| structures; \.{poll} writes their |revents|.

@<Make the |pollfd| array of argument |i|@>=
if (v->kind != SV_NULL) {
  const struct ss_struct *pst = st_by_name("pollfd");
  if (v->kind != SV_LIST) return;
  pv[i] = arg_buffer(x, (size_t) v->n * pst->size);
  for (int k = 0; k < v->n; k++) {
    ss_value *e = v->item[k];
    if (e->kind != SV_STRUCT || e->st != pst) return;
    @<Encode a |pollfd| without its outputs@>@;
  }
  cap[i] = (size_t) v->n;
}

@ The |revents| a script writes is what it expects, not an input: the
field is encoded as zero.

@<Encode a |pollfd| without its outputs@>=
{
  struct pollfd pf = {0, 0, 0};
  long long n;
  const ss_value *fv = struct_get(e, "fd"), *ev = struct_get(e, "events");
  if (fv) { if (!eval_int(x, fv, &n)) return; pf.fd = (int) n; }
  if (ev) { if (!eval_int(x, ev, &n)) return; pf.events = (short) n; }
  memcpy((unsigned char *) pv[i] + k * sizeof pf, &pf, sizeof pf);
}

@ @<Keep the |revents| of \.{poll}@>=
if (pv[i]) {
  short *rev = ss_alloc(&x->scratch, cap[i] * sizeof(short) + 1);
  for (size_t k = 0; k < cap[i]; k++) {
    struct pollfd pf;
    memcpy(&pf, (unsigned char *) pv[i] + k * sizeof pf, sizeof pf);
    rev[k] = pf.revents;
  }
  keep(x, r, i, rev, cap[i] * sizeof(short));
} else keep(x, r, i, NULL, 0);

@ A set of descriptors is written as the list of its members,
\.{[3, 4]}; \.{[3] => []} says that \.{select} emptied it.

@<Make the |fd_set| of argument |i|@>=
if (v->kind != SV_NULL) {
  const ss_value *in = v->kind == SV_INOUT ? v->a : v;
  fd_set *set = (fd_set *) arg_buffer(x, sizeof(fd_set));
  FD_ZERO(set);
  if (in->kind != SV_LIST) return;
  for (int k = 0; k < in->n; k++) {
    long long fd;
    if (!eval_int(x, in->item[k], &fd) || fd < 0 || fd >= FD_SETSIZE) return;
    FD_SET((int) fd, set);
  }
  pv[i] = set;
}

@ Binding variables after a line: the values the call produced are
built and matched against the line, which binds every \.{\$name=} in it.

@<The executor@>=
static void bind_line(ss_exec *x, int li)
{
  ss_line *ln = &x->s->line[li];
  ss_value *act[SS_MAXARGS], *ret, *err;
  x->o->env.cur = x->proc;
  ss_actual(&x->vals, x->s, li, x->o, act, &ret, &err);
  for (int i = 0; i < ln->nargs; i++)
    if (act[i]) (void) ss_match(ln->arg[i], act[i], &x->o->env);
  (void) ss_match(ln->ret, ret, &x->o->env);
  ss_arena_reset(&x->vals);
}

@* Results as values.
|ss_actual| turns the raw result of a line into values of the same shape
as the script's: one for each argument the call wrote through (null for
the others), one for the result, and the error number.  The checker
matches them against the script; the recorder merges them into it.

@<The executor@>=
void ss_actual(ss_arena *a, const ss_script *s, int li, const ss_outcome *o,
  ss_value **act, ss_value **ret, ss_value **err)
{
  const ss_line *ln = &s->line[li];
  const ss_raw *r = &o->raw[li];
  const ss_call *c = &ss_calls[ln->call];
  for (int i = 0; i < SS_MAXARGS; i++) act[i] = NULL;
  *ret = val_int(a, r->ret, return_class(ln), SF_DEC);
  *err = r->ret == -1 ? val_int(a, r->err, SS_CLASS_ERRNO, SF_DEC) : NULL;
  if (r->status != RS_DONE) return;
  for (int i = 0; i < ln->nargs; i++) {
    const unsigned char *p = o->data + r->off[i];
    size_t n = r->len[i];
    const ss_value *v = ln->arg[i];
    if (!writes_through(c->kind[i])) continue;
    if (v->kind == SV_NULL) { act[i] = val_new(a, SV_NULL); continue; }
    if (r->ret == -1 && carries_inputs(c->kind[i])) continue;
    if (r->ret == -1 && c->kind[i] != AK_LENIO && c->kind[i] != AK_IOCTLARG) {
      act[i] = val_new(a, SV_ANY);
      continue;
    }
    switch (c->kind[i]) {
    case AK_OUTBUF: case AK_OUTSTR: act[i] = val_str(a, p, n); break;
    case AK_OPTOUT: act[i] = decode_optval(a, lit(ln->arg[1]), lit(ln->arg[2]), p, n); break;
    case AK_LENIO: case AK_SV: case AK_IOCTLARG: @<Make the value of an integer output@>@; break;
    case AK_SAOUT: act[i] = decode_sockaddr(a, p, n); break;
    case AK_TVIO: @<Make the value of a \.{select} time-out@>@; break;
    case AK_MSGIO: act[i] = actual_msghdr(a, v, r, p, n); break;
    case AK_IOVOUT: act[i] = actual_iov(a, v, p, n); break;
    case AK_POLLFD: act[i] = actual_pollfd(a, v, p, n); break;
    case AK_FDSET: act[i] = actual_fdset(a, lit(ln->arg[0]), p, n); break;
    }
  }
}

@ A buffer given to a call that failed holds nothing the call meant to
return; it is not compared, and a recorder writes it as \.{...}.  The
lengths are compared still (at level \.{IPPROTO\_IP} the kernel writes
|optlen| before it finds a null |optval|), and so is the |int| of an
\.{ioctl}, which the call only reads when it fails.  An argument whose
value is mostly input --- the |msghdr| of \.{recvmsg}, the |iovec|
array of \.{readv}, the |pollfd| array of \.{poll} --- is neither
compared nor rewritten: it stays as the script wrote it, so that the
line can run again.

@<The executor@>=
static bool carries_inputs(int kind)
{
  return kind == AK_MSGIO || kind == AK_IOVOUT || kind == AK_POLLFD;
}

@ The kinds of argument a call writes through.

@<The executor@>=
static bool writes_through(int kind)
{
  switch (kind) {
  case AK_OUTBUF: case AK_OUTSTR: case AK_OPTOUT: case AK_LENIO: case AK_SV:
  case AK_IOCTLARG: case AK_SAOUT: case AK_TVIO: case AK_MSGIO: case AK_IOVOUT:
  case AK_POLLFD: case AK_FDSET:
    return true;
  }
  return false;
}

@ The value of an integer argument of the script, for the decoders that
need the level and name of an option or the count of a \.{select}.  Those
are written as constants; a variable there gives $-1$, which matches no
option.

@<The executor@>=
static long long lit(const ss_value *v)
{
  if (v && v->kind == SV_INT) return v->i;
  return -1;
}

@ Integers a call writes through a pointer: a |socklen_t|, the two
descriptors of \.{socketpair}, and the argument of an \.{ioctl}, as many
|int|s as the script gave --- which for \.{SIOCGPGRP} and
\.{FIOGETOWN} is a process ID, and for a \.{SIOCGSTAMP} that succeeded a
time stamp.

@<Make the value of an integer output@>=
if (c->kind[i] == AK_IOCTLARG && r->ret == 0 &&
    (lit(ln->arg[1]) == SIOCGSTAMP || lit(ln->arg[1]) == SIOCGSTAMPNS)) {
  act[i] = decode_struct(a, st_by_name(lit(ln->arg[1]) == SIOCGSTAMP ? "timeval" : "timespec"), p,
    n >= 16 ? 16 : n);
  act[i]->nondet = ND_TIME;
} else {
  int cls = -1;
  if (c->kind[i] == AK_IOCTLARG && (lit(ln->arg[1]) == SIOCGPGRP || lit(ln->arg[1]) == FIOGETOWN))
    cls = SS_CLS_PID;
  if (c->kind[i] == AK_IOCTLARG) {
    size_t in = value_size(v);
    n = in < n ? in : n;
  }
  act[i] = int_list(a, p, n, cls);
}

@ The time that \.{select} leaves in its time-out is what was left of the
wait, which differs from run to run unless the wait was zero.

@<Make the value of a \.{select} time-out@>=
act[i] = decode_struct(a, st_by_name("timeval"), p, n);
{
  const ss_value *in = v->kind == SV_INOUT ? v->a : v;
  long long sec = 0, usec = 0;
  const ss_value *fs = in->kind == SV_STRUCT ? struct_get(in, "tv_sec") : NULL;
  const ss_value *fu = in->kind == SV_STRUCT ? struct_get(in, "tv_usec") : NULL;
  if (fs) sec = lit(fs);
  if (fu) usec = lit(fu);
  if (sec || usec) act[i]->nondet = ND_TIME;
}

@ The class of a call's result: \.{F\_GETFL} returns file flags,
\.{F\_GETFD} descriptor flags, \.{F\_GETOWN} a process.

@<The executor@>=
static int return_class(const ss_line *ln)
{
  if (ln->call == C_FCNTL) {
    switch (lit(ln->arg[1])) {
    case F_GETFL: return SS_CLASS_OFLAGS;
    case F_GETFD: return SS_CLASS_FDFLAGS;
    case F_GETOWN: return SS_CLS_PID;
    }
  }
  return -1;
}

@ @<Prototypes@>=
static long long lit(const ss_value *v);
static bool writes_through(int kind);
static bool carries_inputs(int kind);
static int return_class(const ss_line *ln);
static const ss_value *inout_of(ss_arena *a, int kind, const ss_value *x);
static ss_value *actual_msghdr(ss_arena *a, const ss_value *v, const ss_raw *r,
  const unsigned char *p, size_t n);
static ss_value *actual_iov(ss_arena *a, const ss_value *v, const unsigned char *p, size_t n);
static ss_value *actual_pollfd(ss_arena *a, const ss_value *v, const unsigned char *p, size_t n);
static ss_value *actual_fdset(ss_arena *a, long long nfds, const unsigned char *p, size_t n);
static size_t gather(unsigned char *dst, const struct iovec *v, int nv, size_t n);

@ The value of a received message, field by field in \.{strace}'s order.
The fields the call only reads are copied from the script (they match
themselves); the others come from the blob.

@<The executor@>=
static ss_value *actual_msghdr(ss_arena *a, const ss_value *v, const ss_raw *r,
  const unsigned char *p, size_t n)
{
  ss_value *m = val_struct(a, st_by_name("msghdr"), 7);
  uint32_t head[3];
  size_t nname = r->off[4], nctl = r->off[5], off = sizeof head;
  const ss_value *f;
  int k = 0;
  memset(head, 0, sizeof head);
  if (n >= sizeof head) memcpy(head, p, sizeof head);
  if (off + nname + nctl > n) nname = nctl = 0;
  f = struct_get(v, "msg_name");
  m->field[k] = "msg_name";
  m->item[k++] = !f || f->kind == SV_NULL ? val_new(a, SV_NULL) : decode_sockaddr(a, p + off, nname);
  off += nname;
  m->field[k] = "msg_namelen"; m->item[k++] = val_int(a, head[0], -1, SF_DEC);
  f = struct_get(v, "msg_iov");
  m->field[k] = "msg_iov";
  m->item[k++] = f && f->kind == SV_LIST ? actual_iov(a, f, p + off + nctl, n - off - nctl) : val_new(a, SV_NULL);
  if ((f = struct_get(v, "msg_iovlen"))) { m->field[k] = "msg_iovlen"; m->item[k++] = (ss_value *) f; }
  f = struct_get(v, "msg_control");
  m->field[k] = "msg_control";
  m->item[k++] = !f || f->kind == SV_NULL ? val_new(a, SV_NULL) :
    decode_control(a, (unsigned char *) p + off, nctl);
  m->field[k] = "msg_controllen"; m->item[k++] = val_int(a, head[1], -1, SF_DEC);
  m->field[k] = "msg_flags"; m->item[k++] = val_int(a, (int32_t) head[2], SS_CLASS_MSGFLAGS, SF_DEC);
  m->n = k;
  return m;
}

@ Received data spread over an |iovec| array: each buffer's part, with the
capacity the script gave.

@<The executor@>=
static ss_value *actual_iov(ss_arena *a, const ss_value *v, const unsigned char *p, size_t n)
{
  ss_value *l = val_list(a, v->n);
  size_t got = 0;
  for (int k = 0; k < v->n; k++) {
    const ss_value *e = v->item[k], *len = e->kind == SV_STRUCT ? struct_get(e, "iov_len") : NULL;
    long long cap = len ? lit(len) : 0;
    size_t take = cap > 0 ? ((size_t) cap < n - got ? (size_t) cap : n - got) : 0;
    ss_value *io = val_struct(a, st_by_name("iovec"), 2);
    io->field[0] = "iov_base"; io->item[0] = val_str(a, p + got, take);
    io->field[1] = "iov_len"; io->item[1] = val_int(a, cap, -1, SF_DEC);
    got += take;
    l->item[k] = io;
  }
  return l;
}

@ @<The executor@>=
static ss_value *actual_pollfd(ss_arena *a, const ss_value *v, const unsigned char *p, size_t n)
{
  ss_value *l = val_list(a, v->n);
  for (int k = 0; k < v->n; k++) {
    const ss_value *e = v->item[k];
    ss_value *pf = val_struct(a, st_by_name("pollfd"), 3);
    short rev = 0;
    if ((size_t) (2 * k + 2) <= n) memcpy(&rev, p + 2 * k, 2);
    pf->field[0] = "fd"; pf->item[0] = val_int(a, lit(struct_get(e, "fd")), -1, SF_DEC);
    pf->field[1] = "events";
    pf->item[1] = val_int(a, struct_get(e, "events") ? lit(struct_get(e, "events")) : 0, SS_CLASS_POLLEV, SF_DEC);
    pf->field[2] = "revents"; pf->item[2] = val_int(a, rev, SS_CLASS_POLLEV, SF_DEC);
    l->item[k] = pf;
  }
  return l;
}

static ss_value *actual_fdset(ss_arena *a, long long nfds, const unsigned char *p, size_t n)
{
  fd_set set;
  ss_value *items[FD_SETSIZE], *l;
  int cnt = 0;
  if (n != sizeof set) return val_new(a, SV_NULL);
  memcpy(&set, p, sizeof set);
  for (int fd = 0; fd < nfds && fd < FD_SETSIZE; fd++)
    if (FD_ISSET(fd, &set)) items[cnt++] = val_int(a, fd, -1, SF_DEC);
  l = val_list(a, cnt);
  memcpy(l->item, items, (size_t) cnt * sizeof *items);
  return l;
}

@* Running on sockref.
A script runs on a fresh world: |sr_reset|, then every call line in
order, in process 1, which is sockref's first process.

@<The executor@>=
static void exec_init(ss_exec *x, const ss_backend *b, ss_script *s, ss_outcome *o)
{
  memset(x, 0, sizeof *x);
  x->b = b;
  x->s = s;
  x->o = o;
}

int ss_run_sockref(ss_script *s, ss_outcome *o) { return ss_run_sockref_hooked(s, o, NULL, NULL); }

@ A program that checks sockref between calls --- the libFuzzer harness
compares what sockref shows before and after each call --- runs the
script with a {\it hook\/}, a function called before and after every
call line, in the world as the line finds it and leaves it.

@<The executor@>=
int ss_run_sockref_hooked(ss_script *s, ss_outcome *o, ss_line_hook *hook, void *arg)
{
  ss_exec x;
  char range[64];
  exec_init(&x, &sockref_backend, s, o);
  outcome_reset(o, s);
  sr_reset();
  o->env.nprocs = 1;
  o->env.pid[0] = sr_getpid();
  o->env.pgrp[0] = sr_getpgrp();
  for (int li = 0; li < o->nlines; li++)
    if (s->line[li].kind == SL_CALL) {
      if (hook) hook(arg, s, li, o, false);
      exec_line(&x, li);
      if (hook) hook(arg, s, li, o, true);
    }
  if (sr_sysctl_get("net.ipv4.ip_local_port_range", range, sizeof range) > 0)
    sscanf(range, "%lld %lld", &o->eph_lo, &o->eph_hi);
  ss_arena_free(&x.scratch);
  ss_arena_free(&x.vals);
  return 0;
}

@ Making and switching processes on sockref.  |sr_proc_new| makes a
process for a user on a host (the default world has one, host~0) and
answers its ID;
|sr_proc_switch| makes a process the one whose calls follow.  The
script numbers its processes from 1 in the order it makes them, and
\.{proc\_new} answers that number.

@<Make or switch a process@>=
if (x->sh) { ret = k_proc_action(x, ln->call, iv[0]); break; }
if (ln->call == C_PROC_NEW) {
  pid_t pid;
  if (!x->b->proc_new) { r->status = RS_MISSING; return; }
  if (x->o->env.nprocs == SS_MAXPROC) { errno = EAGAIN; ret = -1; break; }
  pid = x->b->proc_new(0, (uid_t) iv[0]);
  if (pid < 0) { ret = -1; break; }
  x->o->env.pid[x->o->env.nprocs] = pid;
  x->o->env.pgrp[x->o->env.nprocs] = pid;
  ret = ++x->o->env.nprocs;
} else {
  if (!x->b->proc_switch) { r->status = RS_MISSING; return; }
  if (iv[0] < 1 || iv[0] > x->o->env.nprocs) { errno = ESRCH; ret = -1; break; }
  ret = x->b->proc_switch((pid_t) x->o->env.pid[iv[0] - 1]);
  if (ret == 0) x->proc = (int) iv[0] - 1;
}

@* Running on the kernel.
On the kernel a script runs where the calls cannot disturb the machine
and the machine cannot disturb the calls: in a fresh network namespace
built like sockref's default world, and a fresh PID namespace, so that
process IDs are small and a number like 99999 names no process.  The
recorder's process forks a {\it helper\/}, which
\smallskip
\item{1.} makes a namespace for the far end of the Ethernet link and
keeps a descriptor of it;
\item{2.} makes the script's network namespace and a PID namespace for
its children, and builds the world over netlink: \.{lo} up; a veth pair
whose \.{eth0} is here and whose peer is in the first namespace;
\.{10.0.0.1/24} with broadcast \.{10.0.0.255} on \.{eth0}; a default
route via \.{10.0.0.254};
\item{3.} forks the {\it spawner}, process 1 of the new PID namespace,
and waits for it, killing it if the script overruns its time.
\smallskip\noindent
The spawner gives itself the descriptors and limits of a fresh process
(descriptors 0 to 2 on \.{/dev/null}, no others; \.{RLIMIT\_NOFILE} 1024
and 4096, as in sockref) and forks the script's processes: the first at
once, the others when a line asks.  Each script process runs the lines
while it is its turn.  They share one mapping: the outcome, the turn, and
the requests to the spawner.  A futex on a sequence number wakes whoever
waits when anything changes.

@<Private types@>=
struct ss_kshared {
  uint32_t seq; /* bumped, and woken, on every change */
  int turn; /* the script process that runs lines */
  int next; /* the next line to run */
  int done;
  int spawn_req; /* a process is wanted */
  long long spawn_uid;
  int ready[SS_MAXPROC];
  long sigcount[SS_MAXPROC][65];
  ss_script *s;
  ss_outcome *o;
};

@ Waiting and waking.  A waiter reads the sequence number, tests its
condition, and sleeps while the number is unchanged, at most a tenth of a
second so that a lost wake costs little.

@<The executor@>=
static void k_wake(ss_kshared *sh)
{
  __atomic_add_fetch(&sh->seq, 1, __ATOMIC_SEQ_CST);
  syscall(SYS_futex, &sh->seq, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

static void k_wait(ss_kshared *sh, uint32_t seen)
{
  struct timespec ts = {0, 100000000};
  syscall(SYS_futex, &sh->seq, FUTEX_WAIT, seen, &ts, NULL, 0);
}

#define K_WAIT_UNTIL(sh, cond) for (;;) { \
    uint32_t seen_ = __atomic_load_n(&(sh)->seq, __ATOMIC_SEQ_CST); \
    if (cond) break; \
    k_wait((sh), seen_); }

@ The kernel runner.  The caller's outcome must be a shared one
(|ss_outcome_new(true)|); the shared state is mapped beside it.  The
result is 0, or $-1$ with a note in the outcome when the namespaces could
not be made or the script overran |timeout_s| seconds.

@<The executor@>=
int ss_run_kernel(ss_script *s, ss_outcome *o, int timeout_s)
{
  ss_kshared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  pid_t h;
  int status = 0, rc = 0;
  if (sh == MAP_FAILED) return -1;
  memset(sh, 0, sizeof *sh);
  sh->s = s;
  sh->o = o;
  outcome_reset(o, s);
  fflush(NULL);
  h = fork();
  if (h < 0) { munmap(sh, sizeof *sh); return -1; }
  if (h == 0) _exit(k_helper(sh, timeout_s));
  while (waitpid(h, &status, 0) < 0 && errno == EINTR) ;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    rc = -1;
    if (!o->note[0]) snprintf(o->note, sizeof o->note, "the kernel runner failed (status %#x)", status);
  }
  if (o->stopped < 0 && sh->next < o->nlines && !rc) {
    o->stopped = sh->next;
    snprintf(o->note, sizeof o->note, "the script stopped at line %d", sh->next + 1);
    rc = -1;
  }
  munmap(sh, sizeof *sh);
  return rc;
}

@ The helper.  Its |SIGALRM| kills the spawner, and with it every process
of the PID namespace.

@<The executor@>=
static pid_t k_spawner_pid;
static void k_alarm(int sig)
{
  (void) sig;
  if (k_spawner_pid > 0) kill(k_spawner_pid, SIGKILL);
}

static int k_helper(ss_kshared *sh, int timeout_s)
{
  int peer, peernl, status;
  ss_outcome *o = sh->o;
  if (unshare(CLONE_NEWNET) < 0 || (peer = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) < 0 ||
      (peernl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)) < 0 ||
      unshare(CLONE_NEWNET | CLONE_NEWPID) < 0) {
    snprintf(o->note, sizeof o->note, "cannot make namespaces: %s (needs root)", strerror(errno));
    return 1;
  }
  if (k_build_world(peer, peernl, o->note, sizeof o->note) < 0) return 1;
  signal(SIGALRM, k_alarm);
  k_spawner_pid = fork();
  if (k_spawner_pid < 0) return 1;
  if (k_spawner_pid == 0) _exit(k_spawner(sh));
  alarm((unsigned) timeout_s);
  while (waitpid(k_spawner_pid, &status, 0) < 0 && errno == EINTR) ;
  alarm(0);
  if (WIFSIGNALED(status)) {
    o->stopped = sh->next > 0 ? sh->next - 1 : 0;
    snprintf(o->note, sizeof o->note, "timed out after %d s at line %d", timeout_s, o->stopped + 1);
    return 1;
  }
  return 0;
}

@ @<Prototypes@>=
static int k_helper(ss_kshared *sh, int timeout_s);
static int k_spawner(ss_kshared *sh);
static int k_build_world(int peerns, int peernl, char *note, size_t notelen);
static long long k_proc_action(ss_exec *x, int call, long long arg);

@ The spawner: a clean process, then script processes on request.  It
reaps them as they end and leaves when the script is done.

@<The executor@>=
static int k_spawner(ss_kshared *sh)
{
  struct rlimit rl = {1024, 4096};
  int null = open("/dev/null", O_RDWR);
  if (null < 0) return 1;
  for (int fd = 0; fd < 3; fd++) if (null != fd) dup2(null, fd);
  syscall(SYS_close_range, 3, ~0U, 0);
  setrlimit(RLIMIT_NOFILE, &rl);
  sh->o->env.nprocs = 1;
  k_fork_script_proc(sh, 0, 0);
  for (;;) {
    K_WAIT_UNTIL(sh, sh->done || sh->spawn_req);
    while (waitpid(-1, NULL, WNOHANG) > 0) ;
    if (sh->done) break;
    if (sh->spawn_req) {
      int k = sh->o->env.nprocs;
      sh->o->env.nprocs = k + 1;
      k_fork_script_proc(sh, k, (uid_t) sh->spawn_uid);
      sh->spawn_req = 0;
      k_wake(sh);
    }
  }
  while (wait(NULL) > 0) ;
  return 0;
}

@ A script process.  It leads its own process group, takes its user (with
the group of the same number and no supplementary groups, the
convention of sockref's processes), counts the signals it gets --- every
one whose default action would end it, which is what the model's default
action counts; those the kernel ignores by default stay ignored --- and
runs lines while it is its turn.  The signal handler finds the counters
through the two static variables below --- the only mutable statics of
the tools, and they exist only in these processes.

@<The executor@>=
static ss_kshared *k_sh;
static int k_me;
static void k_count_signal(int sig)
{
  if (k_sh && sig > 0 && sig < 65) k_sh->sigcount[k_me][sig]++;
}

static void k_fork_script_proc(ss_kshared *sh, int k, uid_t uid)
{
  pid_t p = fork();
  ss_exec x;
  if (p != 0) return;
  k_sh = sh;
  k_me = k;
  setpgid(0, 0);
  sh->o->env.pid[k] = getpid();
  sh->o->env.pgrp[k] = getpgrp();
  if (uid != 0 && (setgroups(0, NULL) < 0 || setgid(uid) < 0 || setuid(uid) < 0)) _exit(1);
  @<Count every signal that can be caught@>@;
  sh->ready[k] = 1;
  k_wake(sh);
  exec_init(&x, &kernel_backend, sh->s, sh->o);
  x.sh = sh;
  x.proc = k;
  for (;;) {
    K_WAIT_UNTIL(sh, sh->done || sh->turn == k);
    if (sh->done) _exit(0);
    while (sh->turn == k && sh->next < sh->o->nlines) {
      int li = sh->next++;
      if (sh->s->line[li].kind == SL_CALL) exec_line(&x, li);
    }
    if (sh->next >= sh->o->nlines && sh->turn == k) {
      k_read_ports(sh->o);
      sh->done = 1;
      k_wake(sh);
      _exit(0);
    }
  }
}

@ @<Count every signal that can be caught@>=
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = k_count_signal;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (int sig = 1; sig < 65; sig++)
    if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD && sig != SIGCONT &&
        sig != SIGURG && sig != SIGWINCH)
      sigaction(sig, &sa, NULL);
}

@ @<Prototypes@>=
static void k_fork_script_proc(ss_kshared *sh, int k, uid_t uid);
static void k_read_ports(ss_outcome *o);

@ The range of ephemeral ports at the end of the run, for the recorder.

@<The executor@>=
static void k_read_ports(ss_outcome *o)
{
  char buf[64];
  if (k_sysctl_get("net.ipv4.ip_local_port_range", buf, sizeof buf) > 0)
    sscanf(buf, "%lld %lld", &o->eph_lo, &o->eph_hi);
}

@ Making and switching processes on the kernel: a new process is asked of
the spawner, and the caller waits until it is ready; switching hands the
turn over, and the process that switched stops running lines.

@<The executor@>=
static long long k_proc_action(ss_exec *x, int call, long long arg)
{
  ss_kshared *sh = x->sh;
  if (call == C_PROC_NEW) {
    int k = sh->o->env.nprocs;
    if (k == SS_MAXPROC) { errno = EAGAIN; return -1; }
    sh->spawn_uid = arg;
    sh->spawn_req = 1;
    k_wake(sh);
    K_WAIT_UNTIL(sh, !sh->spawn_req && sh->ready[k]);
    return k + 1;
  }
  if (arg < 1 || arg > sh->o->env.nprocs) { errno = ESRCH; return -1; }
  sh->turn = (int) arg - 1;
  k_wake(sh);
  return 0;
}

@ The actions on the kernel's process.  \.{setuid} also takes the group
of the same number and drops supplementary groups while it may, which is
how sockref's processes are made (their group is their user).
\.{cap\_drop} removes a capability from the effective and permitted sets
with \.{capset}.  \.{sysctl\_set} and \.{sysctl\_get} write and read the
file under \.{/proc/sys}, as |sr_sysctl_set| and |sr_sysctl_get| model
them: one write of the text; a read without its newline.

@<The executor@>=
static int k_setuid(uid_t uid)
{
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  if (syscall(SYS_capget, &h, d) == 0 && (d[0].effective >> CAP_SETGID) & 1) {
    setgroups(0, NULL);
    if (setgid(uid) < 0) return -1;
  }
  return setuid(uid);
}

static int k_cap_drop(int cap)
{
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  if (cap < 0 || cap > CAP_LAST_CAP) { errno = EINVAL; return -1; }
  if (syscall(SYS_capget, &h, d) < 0) return -1;
  d[cap / 32].effective &= ~(1u << (cap % 32));
  d[cap / 32].permitted &= ~(1u << (cap % 32));
  return (int) syscall(SYS_capset, &h, d);
}

static void sysctl_path(const char *name, char *path, size_t len)
{
  snprintf(path, len, "/proc/sys/%s", name);
  for (char *p = path + 10; *p; p++) if (*p == '.') *p = '/';
}

static int k_sysctl_set(const char *name, const char *value)
{
  char path[512];
  int fd;
  ssize_t n;
  if (!name || !value) { errno = EFAULT; return -1; }
  sysctl_path(name, path, sizeof path);
  if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0) return -1;
  n = write(fd, value, strlen(value));
  if (n < 0) { int e = errno; close(fd); errno = e; return -1; }
  close(fd);
  return 0;
}

static int k_sysctl_get(const char *name, char *buf, size_t len)
{
  char path[512], text[8192];
  int fd;
  ssize_t n;
  if (!name || !buf) { errno = EFAULT; return -1; }
  sysctl_path(name, path, sizeof path);
  if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) return -1;
  n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n < 0) return -1;
  while (n > 0 && text[n - 1] == '\n') n--;
  text[n] = '\0';
  if ((size_t) n + 1 > len) { errno = EINVAL; return -1; }
  memcpy(buf, text, (size_t) n + 1);
  return (int) n;
}

static void k_advance(uint64_t ns)
{
  struct timespec ts = {(time_t) (ns / 1000000000u), (long) (ns % 1000000000u)};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) ;
}

@ \.{poll} goes to the kernel as the system call itself, not through the
C library's function: under the sanitizers that function is wrapped by
one that reads every entry the count claims before the call, and a line
like \.{poll([...], -1, 0)}, which the kernel refuses with |EINVAL|
without reading anything, then never returns.  The system call is
\.{ppoll} with no signal mask, which is what \.{poll} is on machines
without a \.{poll} system call; the time-out becomes a |timespec|.

@<The executor@>=
static int k_poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
  struct timespec ts, *tp = NULL;
  if (timeout >= 0) {
    ts.tv_sec = timeout / 1000;
    ts.tv_nsec = (long) (timeout % 1000) * 1000000L;
    tp = &ts;
  }
  return (int) syscall(SYS_ppoll, fds, nfds, tp, NULL, (size_t) 8);
}

static long k_signal_count(int sig)
{
  if (sig <= 0 || sig >= 65) { errno = EINVAL; return -1; }
  return k_sh ? k_sh->sigcount[k_me][sig] : 0;
}

@ The script's signal calls, shared by both backends: a script's signal
names a set of one signal ($-1$ no set, 0 the empty one, and so are 32
and 33, which the C library keeps out of every set), its handler
name a disposition, its four numbers an |itimerval|.  A name that is no
disposition is |EINVAL|, as a bad signal number is.

@<Helpers for the signal calls of scripts@>=
static const sigset_t *script_sigset(int sig, sigset_t *set)
{
  if (sig == -1) return NULL;
  sigemptyset(set);
  if (sig > 0 && sig < 65 && sig != 32 && sig != 33) sigaddset(set, sig); /* not the C library's own */
  return set;
}

static int script_sigaction(int sig, const char *handler, int flags, void (*count)(int),
  int (*act)(int, const struct sigaction *, struct sigaction *))
{
  struct sigaction a;
  memset(&a, 0, sizeof a);
  sigemptyset(&a.sa_mask);
  a.sa_flags = flags;
  if (!handler) { errno = EFAULT; return -1; }
  if (!strcmp(handler, "count")) a.sa_handler = count;
  else if (!strcmp(handler, "ign")) a.sa_handler = SIG_IGN;
  else if (!strcmp(handler, "dfl")) a.sa_handler = SIG_DFL;
  else { errno = EINVAL; return -1; }
  return act(sig, &a, NULL);
}

static int script_sigprocmask(int how, int sig,
  int (*mask)(int, const sigset_t *, sigset_t *))
{
  sigset_t set;
  return mask(how, script_sigset(sig, &set), NULL);
}

static int script_sigpending(int sig, int (*pending)(sigset_t *))
{
  sigset_t set;
  if (pending(&set) < 0) return -1;
  return sig > 0 && sig < 65 && sigismember(&set, sig) == 1;
}

static int script_setitimer(int which, long sec, long usec, long isec, long iusec,
  int (*set)(int, const struct itimerval *, struct itimerval *))
{
  struct itimerval v;
  v.it_value.tv_sec = sec;
  v.it_value.tv_usec = usec;
  v.it_interval.tv_sec = isec;
  v.it_interval.tv_usec = iusec;
  return set(which, &v, NULL);
}

static int script_ppoll(struct pollfd *fds, nfds_t n, int ms, int sig,
  int (*pp)(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *))
{
  sigset_t set;
  struct timespec ts = {ms / 1000, (long) (ms % 1000) * 1000000L};
  return pp(fds, n, ms < 0 ? NULL : &ts, script_sigset(sig, &set));
}

@ On sockref the model counts every delivery itself, so the handler that
counts does nothing.

@<The script's signal calls on sockref@>=
@<Helpers for the signal calls of scripts@>@;
static void s_counted(int sig) { (void) sig; }
static int s_sigaction(int sig, const char *handler, int flags)
{
  return script_sigaction(sig, handler, flags, s_counted, sr_sigaction);
}
static int s_sigprocmask(int how, int sig) { return script_sigprocmask(how, sig, sr_sigprocmask); }
static int s_sigpending(int sig) { return script_sigpending(sig, sr_sigpending); }
static int s_setitimer(int which, long sec, long usec, long isec, long iusec)
{
  return script_setitimer(which, sec, usec, isec, iusec, sr_setitimer);
}
static int s_ppoll(struct pollfd *fds, nfds_t n, int ms, int sig)
{
  return script_ppoll(fds, n, ms, sig, sr_ppoll);
}

@ On the kernel the handler that counts is the one every script process
starts with.  \.{"dfl"} cannot be the kernel's default for a signal
whose default ends the process --- the run would die with it --- so it
puts back that starting handler, which counts with \.{SA\_RESTART} ---
the very stand-in the model gives such a signal's default action; for a
signal whose default is to ignore it is the real |SIG_DFL|.  The other
calls go to the system call: |ppoll| as |k_poll| does,
with the kernel's 8-byte mask.

@<The executor@>=
static int k_sigaction(int sig, const char *handler, int flags)
{
  if (handler && !strcmp(handler, "dfl") && sig > 0 && sig < 65 && sig != SIGCHLD &&
      sig != SIGCONT && sig != SIGURG && sig != SIGWINCH && sig != SIGKILL && sig != SIGSTOP)
    return script_sigaction(sig, "count", SA_RESTART, k_count_signal, sigaction);
  return script_sigaction(sig, handler, flags, k_count_signal, sigaction);
}

static int k_sigprocmask(int how, int sig) { return script_sigprocmask(how, sig, sigprocmask); }
static int k_sigpending(int sig) { return script_sigpending(sig, sigpending); }
static int k_sys_setitimer(int which, const struct itimerval *v, struct itimerval *old)
{
  return setitimer(which, v, old); /* the C library's |which| is an enumeration */
}

static int k_setitimer(int which, long sec, long usec, long isec, long iusec)
{
  return script_setitimer(which, sec, usec, isec, iusec, k_sys_setitimer);
}

static int k_sys_ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask)
{
  return (int) syscall(SYS_ppoll, fds, n, ts, mask, (size_t) 8);
}

static int k_ppoll(struct pollfd *fds, nfds_t n, int ms, int sig)
{
  return script_ppoll(fds, n, ms, sig, k_sys_ppoll);
}

@*1 The default world over netlink.
The requests that \.{ip link}, \.{ip addr} and \.{ip route} would send,
each acknowledged.  A request is built in a buffer: the message header,
the fixed part, then attributes, some nested.

@<The executor@>=
typedef struct { struct nlmsghdr h; char body[1024]; } k_nlreq;

static struct rtattr *nl_attr(k_nlreq *r, int type, const void *data, size_t len)
{
  size_t off = NLMSG_ALIGN(r->h.nlmsg_len);
  struct rtattr *a = (struct rtattr *) ((char *) r + off);
  a->rta_type = (unsigned short) type;
  a->rta_len = (unsigned short) RTA_LENGTH(len);
  if (len) memcpy(RTA_DATA(a), data, len);
  r->h.nlmsg_len = (uint32_t) (off + RTA_ALIGN(a->rta_len));
  return a;
}

static void nl_end(k_nlreq *r, struct rtattr *nest)
{
  nest->rta_len = (unsigned short) ((char *) r + r->h.nlmsg_len - (char *) nest);
}

static void nl_start(k_nlreq *r, int type, int flags, const void *fixed, size_t len)
{
  memset(r, 0, sizeof *r);
  r->h.nlmsg_len = (uint32_t) NLMSG_LENGTH(len);
  r->h.nlmsg_type = (unsigned short) type;
  r->h.nlmsg_flags = (unsigned short) (NLM_F_REQUEST | NLM_F_ACK | flags);
  memcpy(NLMSG_DATA(&r->h), fixed, len);
}

static int nl_talk(int fd, k_nlreq *r)
{
  char buf[4096];
  ssize_t n;
  static uint32_t seq;
  r->h.nlmsg_seq = ++seq;
  if (send(fd, r, r->h.nlmsg_len, 0) < 0) return -errno;
  n = recv(fd, buf, sizeof buf, 0);
  if (n < (ssize_t) NLMSG_LENGTH(sizeof(struct nlmsgerr))) return -EIO;
  {
    struct nlmsghdr *h = (struct nlmsghdr *) buf;
    struct nlmsgerr e;
    if (h->nlmsg_type != NLMSG_ERROR) return -EIO;
    memcpy(&e, NLMSG_DATA(h), sizeof e);
    return e.error;
  }
}

@ The world, request by request.  The peer of \.{eth0}, also named
\.{eth0}, is created in the other namespace and brought up there through
a netlink socket the helper opened while it was in that namespace, so
that the script's \.{eth0} has a carrier.  (A veth device cannot be
created up: it may only open once its peer exists.)

@<The executor@>=
static int k_build_world(int peerns, int peernl, char *note, size_t notelen)
{
  k_nlreq r;
  struct ifinfomsg ifi;
  struct rtattr *li, *data, *peer;
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE), err, eth;
  uint32_t ns = (uint32_t) peerns, a;
  const char *step;
  if (fd < 0) { snprintf(note, notelen, "netlink: %s", strerror(errno)); return -1; }
  memset(&ifi, 0, sizeof ifi);
  step = "lo up";
  ifi.ifi_index = 1;
  ifi.ifi_flags = ifi.ifi_change = IFF_UP;
  nl_start(&r, RTM_NEWLINK, 0, &ifi, sizeof ifi);
  if ((err = nl_talk(fd, &r))) goto fail;
  step = "veth";
  memset(&ifi, 0, sizeof ifi);
  nl_start(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof ifi);
  nl_attr(&r, IFLA_IFNAME, "eth0", 5);
  li = nl_attr(&r, IFLA_LINKINFO, NULL, 0);
  nl_attr(&r, IFLA_INFO_KIND, "veth", 5);
  data = nl_attr(&r, IFLA_INFO_DATA, NULL, 0);
  peer = nl_attr(&r, VETH_INFO_PEER, &ifi, sizeof ifi);
  nl_attr(&r, IFLA_IFNAME, "eth0", 5);
  nl_attr(&r, IFLA_NET_NS_FD, &ns, sizeof ns);
  nl_end(&r, peer);
  nl_end(&r, data);
  nl_end(&r, li);
  if ((err = nl_talk(fd, &r))) goto fail;
  step = "peer up";
  ifi.ifi_flags = ifi.ifi_change = IFF_UP;
  nl_start(&r, RTM_NEWLINK, 0, &ifi, sizeof ifi);
  nl_attr(&r, IFLA_IFNAME, "eth0", 5);
  if ((err = nl_talk(peernl, &r))) goto fail;
  close(peernl);
  step = "eth0 up";
  eth = (int) if_nametoindex("eth0");
  memset(&ifi, 0, sizeof ifi);
  ifi.ifi_index = eth;
  ifi.ifi_flags = ifi.ifi_change = IFF_UP;
  nl_start(&r, RTM_NEWLINK, 0, &ifi, sizeof ifi);
  if ((err = nl_talk(fd, &r))) goto fail;
  @<Give \.{eth0} its address@>@;
  @<Add the default route@>@;
  close(fd);
  return 0;
 fail:
  snprintf(note, notelen, "building the world (%s): %s", step, strerror(-err));
  close(fd);
  return -1;
}

@ @<Give \.{eth0} its address@>=
{
  struct ifaddrmsg ifa;
  step = "address";
  memset(&ifa, 0, sizeof ifa);
  ifa.ifa_family = AF_INET;
  ifa.ifa_prefixlen = 24;
  ifa.ifa_index = (unsigned) eth;
  nl_start(&r, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof ifa);
  a = inet_addr("10.0.0.1");
  nl_attr(&r, IFA_LOCAL, &a, 4);
  nl_attr(&r, IFA_ADDRESS, &a, 4);
  a = inet_addr("10.0.0.255");
  nl_attr(&r, IFA_BROADCAST, &a, 4);
  if ((err = nl_talk(fd, &r))) goto fail;
}

@ @<Add the default route@>=
{
  struct rtmsg rt;
  uint32_t oif = (uint32_t) eth;
  step = "default route";
  memset(&rt, 0, sizeof rt);
  rt.rtm_family = AF_INET;
  rt.rtm_table = RT_TABLE_MAIN;
  rt.rtm_protocol = RTPROT_BOOT;
  rt.rtm_scope = RT_SCOPE_UNIVERSE;
  rt.rtm_type = RTN_UNICAST;
  nl_start(&r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &rt, sizeof rt);
  a = inet_addr("10.0.0.254");
  nl_attr(&r, RTA_GATEWAY, &a, 4);
  nl_attr(&r, RTA_OIF, &oif, 4);
  if ((err = nl_talk(fd, &r))) goto fail;
}

@* Checking and printing a line.
The two uses of an outcome.  |ss_check_line| says whether a line's results
are in the sets its script states, and if not, which part differs: the
result (|SS_WHAT_RET|), the error number (|SS_WHAT_ERR|) or an argument
(its index).  |ss_print_line| writes the line as a recorder writes it:
the inputs as the script had them, the outputs merged from the results.

@<Public types@>=
enum { SS_PASS, SS_DIVERGE, SS_MISSING, SS_NOTRUN, SS_BADINPUT, SS_UNRECORDED };
enum { SS_WHAT_RET = -1, SS_WHAT_ERR = -2, SS_WHAT_NONE = -3 };

@ @<Public declarations@>=
int ss_check_line(const ss_script *s, int li, const ss_outcome *o, ss_arena *a,
  ss_env *e, int *what);
void ss_print_line(ss_buf *b, const ss_script *s, int li, const ss_outcome *o,
  ss_arena *a, ss_env *e);

@ A line is unrecorded when its result or any output is still \.{?};
such a line fails, whatever the call did.

@<The executor@>=
int ss_check_line(const ss_script *s, int li, const ss_outcome *o, ss_arena *a,
  ss_env *e, int *what)
{
  const ss_line *ln = &s->line[li];
  const ss_raw *r = &o->raw[li];
  ss_value *act[SS_MAXARGS], *ret, *err;
  *what = SS_WHAT_NONE;
  if (li >= o->nlines) return SS_NOTRUN;
  switch (r->status) {
  case RS_MISSING: return SS_MISSING;
  case RS_BADINPUT: return SS_BADINPUT;
  case RS_NOTRUN: return SS_NOTRUN;
  }
  e->cur = r->proc;
  ss_actual(a, s, li, o, act, &ret, &err);
  for (int i = 0; i < ln->nargs; i++)
    if (act[i] && val_has(ln->arg[i], SV_UNKNOWN)) { *what = i; return SS_UNRECORDED; }
  if (ln->ret->kind == SV_UNKNOWN) { *what = SS_WHAT_RET; return SS_UNRECORDED; }
  if (!ss_match(ln->ret, ret, e)) { *what = SS_WHAT_RET; return SS_DIVERGE; }
  if (err && ln->err && ln->err->i != err->i) { *what = SS_WHAT_ERR; return SS_DIVERGE; }
  if (!err && ln->err) { *what = SS_WHAT_ERR; return SS_DIVERGE; }
  for (int i = 0; i < ln->nargs; i++)
    if (act[i] && !ss_match(ln->arg[i], act[i], e)) { *what = i; return SS_DIVERGE; }
  return SS_PASS;
}

@ An argument that a call both reads and writes --- a length, a set of
descriptors, a time-out, the lengths in a |msghdr|, the argument of an
\.{ioctl} --- is written
\.{IN => OUT} when the call changed it and as \.{IN} alone when it did
not.  A script may write it plainly; before merging, the printer makes
such a value a pair whose output is the value itself, so that a change is
recorded beside the input instead of replacing it.

@<The executor@>=
static ss_value *pair_of(ss_arena *a, const ss_value *x)
{
  ss_value *io;
  if (!x || x->kind == SV_INOUT || x->kind == SV_NULL) return (ss_value *) x;
  io = val_new(a, SV_INOUT);
  io->a = (ss_value *) x;
  io->b = (ss_value *) x;
  return io;
}

static const ss_value *inout_of(ss_arena *a, int kind, const ss_value *x)
{
  ss_value *v;
  switch (kind) {
  case AK_LENIO: case AK_IOCTLARG:
    if (x->kind != SV_LIST || x->n != 1) return kind == AK_IOCTLARG ? pair_of(a, x) : x;
    v = val_list(a, 1);
    v->item[0] = pair_of(a, x->item[0]);
    v->src = NULL;
    return v;
  case AK_FDSET: case AK_TVIO: return pair_of(a, x);
  case AK_MSGIO:
    if (x->kind != SV_STRUCT) return x;
    v = val_struct(a, x->st, x->n);
    for (int i = 0; i < x->n; i++) {
      v->field[i] = x->field[i];
      v->item[i] = !strcmp(x->field[i], "msg_namelen") || !strcmp(x->field[i], "msg_controllen") ?
        pair_of(a, x->item[i]) : x->item[i];
    }
    v->more = x->more;
    return v;
  }
  return x;
}

@ Printing.  A line that did not run prints as it stands.  The error
number is followed by its explanation, as \.{strace} prints it.

@<The executor@>=
void ss_print_line(ss_buf *b, const ss_script *s, int li, const ss_outcome *o,
  ss_arena *a, ss_env *e)
{
  const ss_line *ln = &s->line[li];
  const ss_raw *r = &o->raw[li];
  ss_value *act[SS_MAXARGS], *ret, *err;
  if (ln->kind != SL_CALL || li >= o->nlines || r->status != RS_DONE) {
    ss_puts(b, ln->text, (size_t) ln->len);
    return;
  }
  e->cur = r->proc;
  ss_actual(a, s, li, o, act, &ret, &err);
  ss_printf(b, "%s(", ss_calls[ln->call].name);
  for (int i = 0; i < ln->nargs; i++) {
    const ss_value *x = inout_of(a, ss_calls[ln->call].kind[i], ln->arg[i]);
    if (i) ss_puts(b, ", ", 2);
    if (act[i]) ss_print_value(b, ss_merge(a, x, act[i], e, o->eph_lo, o->eph_hi), true);
    else ss_print_value(b, ln->arg[i], true);
  }
  ss_puts(b, ") = ", 4);
  ss_print_value(b, ss_merge(a, ln->ret, ret, e, o->eph_lo, o->eph_hi), true);
  if (err) {
    const char *nm = sym_name(SS_CLASS_ERRNO, err->i);
    if (nm) ss_printf(b, " %s (%s)", nm, strerror((int) err->i));
    else ss_printf(b, " %lld", err->i);
  }
  if (ln->comment) {
    ss_puts(b, "  ", 2);
    ss_puts(b, ln->comment, (size_t) ln->commentlen);
  }
}

@* Finding scripts.
The programs take files and directories; a directory stands for every
file under it whose name ends in \.{.sr}.  The list is sorted, so that a
run's order, and a sample drawn from it by a seed, is the same on every
machine.

@<Public declarations@>=
int ss_collect(char **paths, int npaths, char ***out);

@ @<The executor@>=
static int path_cmp(const void *x, const void *y)
{
  return strcmp(*(char *const *) x, *(char *const *) y);
}

static void collect_one(const char *path, char ***list, int *n, int *cap)
{
  struct stat st;
  if (stat(path, &st) < 0) return;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    struct dirent *e;
    if (!d) return;
    while ((e = readdir(d))) {
      char sub[4096];
      if (e->d_name[0] == '.') continue;
      snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
      if (stat(sub, &st) == 0 && (S_ISDIR(st.st_mode) ||
          (strlen(e->d_name) > 3 && !strcmp(e->d_name + strlen(e->d_name) - 3, ".sr"))))
        collect_one(sub, list, n, cap);
    }
    closedir(d);
    return;
  }
  if (*n == *cap) {
    *cap = *cap ? 2 * *cap : 256;
    *list = realloc(*list, (size_t) *cap * sizeof **list);
    if (!*list) abort();
  }
  (*list)[(*n)++] = strdup(path);
}

int ss_collect(char **paths, int npaths, char ***out)
{
  char **list = NULL;
  int n = 0, cap = 0;
  for (int i = 0; i < npaths; i++) collect_one(paths[i], &list, &n, &cap);
  if (n) qsort(list, (size_t) n, sizeof *list, path_cmp);
  *out = list;
  return n;
}

@* The option table.
The tools that generate scripts (\.{sr-gen}, \.{sr-fuzz}) read
\.{spec/options.tsv}, the table the library's option layer is generated
from, to know the options, their levels and the types of their
arguments.  |ss_read_options| reads it as \.{optgen} does: lines
beginning with \.{\#} are comments, the first other line names the
columns, and every further line with all eleven columns is a row.  It
answers the number of rows, or $-1$ when the file cannot be read.

@<Public types@>=
enum { SS_OPT_CLAUSE, SS_OPT_LEVEL, SS_OPT_NAME, SS_OPT_TYPE, SS_OPT_ACCESS, SS_OPT_TYPES,
  SS_OPT_RANGE, SS_OPT_CAP, SS_OPT_SETLEN, SS_OPT_SINCE, SS_OPT_HANDLER, SS_OPT_NFIELDS };
typedef struct { char *f[SS_OPT_NFIELDS]; } ss_optrow;

@ @<Public declarations@>=
int ss_read_options(const char *path, ss_optrow **rows);
void ss_free_options(ss_optrow *rows, int n);

@ @<The executor@>=
int ss_read_options(const char *path, ss_optrow **rows)
{
  char line[4096];
  bool header = false;
  int n = 0, cap = 0;
  FILE *in = fopen(path, "r");
  *rows = NULL;
  if (!in) return -1;
  while (fgets(line, sizeof line, in)) {
    char *f[SS_OPT_NFIELDS], *p = line;
    int k = 0;
    if (line[0] == '#' || line[0] == '\n') continue;
    line[strcspn(line, "\n")] = '\0';
    if (!header) { header = true; continue; }
    while (k < SS_OPT_NFIELDS) { f[k++] = p; if (!(p = strchr(p, '\t'))) break; *p++ = '\0'; }
    if (k != SS_OPT_NFIELDS) continue;
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      *rows = realloc(*rows, (size_t) cap * sizeof **rows);
      if (!*rows) abort();
    }
    for (k = 0; k < SS_OPT_NFIELDS; k++) (*rows)[n].f[k] = strdup(f[k]);
    n++;
  }
  fclose(in);
  return n;
}

void ss_free_options(ss_optrow *rows, int n)
{
  for (int i = 0; i < n; i++)
    for (int k = 0; k < SS_OPT_NFIELDS; k++) free(rows[i].f[k]);
  free(rows);
}
