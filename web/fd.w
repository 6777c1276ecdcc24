@* Descriptors and open files.
Linux keeps two levels between a process and a socket: the descriptor,
a small integer private to the process with one flag of its own
(\.{FD\_CLOEXEC}), and the open file it refers to, which carries the status
flags (\.{O\_NONBLOCK}, \.{O\_ASYNC}, \dots) and the owner that receives
\.{SIGIO}.  The model keeps the same two levels, because \.{F\_SETFD} and
\.{F\_SETFL} act on different ones.

A process starts with descriptors 0, 1 and 2 open on a terminal, as a
process started from a shell has them; so the first socket a test creates
is descriptor~3, as it is under the kernel.  They were opened read-write
by |open|, which on a 64-bit machine always adds |O_LARGEFILE|, so
\.{F\_GETFL} shows that flag on them (a socket, made by the kernel
without |open|, has it not).  The C library of such a machine defines
|O_LARGEFILE| as 0, since it has no meaning there; the kernel's bit is
0100000.

\kernel{\.{fcntl(1, F\_GETFL)} is |O_RDWR|$\vert$0x8000 for a descriptor
opened with |open|, |O_RDWR| for a socket (a script found by \.{sr-fuzz}).}

@<Constants of the model@>=
#define SR_O_LARGEFILE 0100000 /* the kernel's |O_LARGEFILE| */

@ The descriptor's file.

@<Type definitions@>=
enum { SR_FILE_TTY, SR_FILE_SOCKET };
struct sr_file {
  int refs; /* descriptors that refer to this open file */
  int kind;
  int flags; /* |O_RDWR| and the status flags */
  uid_t owner_uid; /* the file system user that created it */
  pid_t owner; /* \.{F\_SETOWN}: a process, or minus a process group */
  uid_t fown_uid, fown_euid; /* who set the owner: \.{SIGIO} permission */
  int sig; /* \.{F\_SETSIG}: 0 means \.{SIGIO} */
  sr_sock *sock; /* for a socket */
};

@ The descriptor table must find a descriptor's file in constant time and
the lowest free descriptor without looking at every descriptor in use.
It is an array indexed by descriptor, with a bitmap of the descriptors in
use and a second bitmap with one bit for every word of the first that is
full; finding the lowest free descriptor reads one bit per 4096
descriptors, then one word.

@<Type definitions@>=
typedef struct {
  sr_file **file;
  unsigned char *cloexec;
  uint64_t *used, *full;
  int cap; /* a multiple of 4096 */
  int open; /* descriptors in use */
  @<Fields of a descriptor table@>@;
} sr_fdtab;

@ @<Fields of a process@>=
sr_fdtab fds;

@ @<Private function prototypes@>=
static void fdtab_init(sr_proc *p);
static void fdtab_free(sr_proc *p);
static int fd_install(sr_proc *p, sr_file *f, int minfd, bool cloexec);
static sr_file *fd_file(sr_proc *p, int fd);
static void fd_release(sr_proc *p, int fd);
static void file_put(sr_file *f);

@ @c
static void fdtab_grow(sr_fdtab *t, int need)
{
  int ncap = t->cap ? t->cap : 4096;
  while (ncap <= need) ncap *= 2;
  t->file = xrealloc(t->file, (size_t) ncap, sizeof *t->file);
  t->cloexec = xrealloc(t->cloexec, (size_t) ncap, 1);
  t->used = xrealloc(t->used, (size_t) ncap / 64, sizeof *t->used);
  t->full = xrealloc(t->full, (size_t) ncap / 4096, sizeof *t->full);
  memset(t->file + t->cap, 0, (size_t) (ncap - t->cap) * sizeof *t->file);
  memset(t->cloexec + t->cap, 0, (size_t) (ncap - t->cap));
  memset(t->used + t->cap / 64, 0, (size_t) (ncap - t->cap) / 64 * sizeof *t->used);
  memset(t->full + t->cap / 4096, 0,
    (size_t) (ncap - t->cap) / 4096 * sizeof *t->full);
  t->cap = ncap;
}

static void fdtab_init(sr_proc *p)
{
  memset(&p->fds, 0, sizeof p->fds);
  p->fds.kmax = 64;
  fdtab_grow(&p->fds, 0);
  for (int i = 0; i < 3; i++) {
    sr_file *f = xcalloc(1, sizeof *f);
    f->kind = SR_FILE_TTY;
    f->flags = O_RDWR | SR_O_LARGEFILE;
    fd_install(p, f, i, false);
  }
}

static void fdtab_free(sr_proc *p)
{
  sr_fdtab *t = &p->fds;
  for (int fd = 0; fd < t->cap; fd++)
    if (t->file[fd]) fd_release(p, fd);
  free(t->file); free(t->cloexec); free(t->used); free(t->full);
}

@ The lowest free descriptor at or above |minfd|.  The search looks at the
word holding |minfd| first, then skips full words with the summary bitmap.
The result may lie beyond the table; the caller grows it.

@c
static int fd_lowest_free(const sr_fdtab *t, int minfd)
{
  int w = minfd / 64;
  int nw = t->cap / 64;
  if (w < nw) {
    uint64_t free_bits = ~t->used[w] & (~(uint64_t) 0 << (minfd % 64));
    if (free_bits) return w * 64 + __builtin_ctzll(free_bits);
    w++;
  }
  while (w < nw) {
    uint64_t notfull = ~t->full[w / 64] & (~(uint64_t) 0 << (w % 64));
    if (!notfull) { w = (w / 64 + 1) * 64; continue; }
    w = (w / 64) * 64 + __builtin_ctzll(notfull);
    if (w < nw && ~t->used[w]) return w * 64 + __builtin_ctzll(~t->used[w]);
    w++;
  }
  return nw * 64 > minfd ? nw * 64 : minfd;
}

@ Installing a file at the lowest free descriptor at or above |minfd|
fails with |EMFILE| when that descriptor would reach the soft limit
\.{RLIMIT\_NOFILE}, as |alloc_fd| does; the file is not consumed then.

@c
static int fd_install(sr_proc *p, sr_file *f, int minfd, bool cloexec)
{
  sr_fdtab *t = &p->fds;
  int fd = fd_lowest_free(t, minfd);
  if ((rlim_t) fd >= p->nofile.rlim_cur) return -EMFILE;
  if (fd >= t->cap) fdtab_grow(t, fd);
  @<Note descriptor |fd| in the kernel's table size of |t|@>@;
  t->file[fd] = f;
  t->cloexec[fd] = cloexec;
  t->used[fd / 64] |= (uint64_t) 1 << (fd % 64);
  if (!~t->used[fd / 64]) t->full[fd / 4096] |= (uint64_t) 1 << (fd / 64 % 64);
  t->open++;
  f->refs++;
  return fd;
}

static sr_file *fd_file(sr_proc *p, int fd)
{
  if (fd < 0 || fd >= p->fds.cap) return NULL;
  return p->fds.file[fd];
}

static void fd_release(sr_proc *p, int fd)
{
  sr_fdtab *t = &p->fds;
  sr_file *f = t->file[fd];
  t->file[fd] = NULL;
  t->cloexec[fd] = 0;
  t->used[fd / 64] &= ~((uint64_t) 1 << (fd % 64));
  t->full[fd / 4096] &= ~((uint64_t) 1 << (fd / 64 % 64));
  t->open--;
  file_put(f);
}

@ When the last descriptor of an open file goes, the file goes, and with it
its socket.

@c
static void file_put(sr_file *f)
{
  if (--f->refs > 0) return;
  if (f->sock) sock_release(f->sock);
  free(f);
}

@ Most calls begin by turning a descriptor into a socket.  A descriptor that
is not open is |EBADF|; one that is open on something else is |ENOTSOCK|.
The helper returns the socket or a negated error number.

@<Private function prototypes@>=
static sr_sock *sock_lookup(int fd, int *err);

@ @c
static sr_sock *sock_lookup(int fd, int *err)
{
  sr_file *f = fd_file(W->cur, fd);
  if (!f) { *err = -EBADF; return NULL; }
  if (f->kind != SR_FILE_SOCKET) { *err = -ENOTSOCK; return NULL; }
  return f->sock;
}

@ The calls return $-1$ and set |errno| from a negated error number, as
the C library does with what the kernel returns; this one helper does it
everywhere.  It is also where a call ends, so it first delivers the
signals that became deliverable during the call (chapter on signals):
their handlers run before the caller sees the result and |errno|.

@<Private function prototypes@>=
static int sys_return(int r);

@ @c
static int sys_return(int r)
{
  if (W->call_flags & SR_SIGNAL_READY) signal_deliver_all(true);
  if (r < 0) { errno = -r; return -1; }
  return r;
}

@ \clause{socket.7:call:close}
@^socket.7:call:close@>
Closing a descriptor releases it at once; the socket goes when its last
descriptor goes.  A descriptor that is not open is |EBADF|.

@c
int sr_close(int fd)
{
  world_ready();
  if (!fd_file(W->cur, fd)) return sys_return(-EBADF);
  fd_release(W->cur, fd);
  return 0;
}

@ \clause{socket.7:call:pread}
@^socket.7:call:pread@>
@^socket.7:call:pwrite@>
The page says that calling |pread| or |pwrite| with a nonzero position is
not supported on sockets.  The kernel is stricter: a socket is not opened
with \.{FMODE\_PREAD} or \.{FMODE\_PWRITE}, so both calls fail with
|ESPIPE| at {\it any\/} position, zero included.  A negative position is
checked before the descriptor and is |EINVAL| even for a bad descriptor.
The terminal on descriptors 0--2 cannot seek either.

\kernel{\.{pread(sock, buf, 4, 0)} and \.{pwrite(sock, "abc", 3, 0)} give
$-1$ |ESPIPE|; \.{pread(-1, buf, 1, -1)} gives |EINVAL|.}

@c
static ssize_t positional_io(int fd, off_t offset)
{
  world_ready();
  if (offset < 0) return sys_return(-EINVAL);
  if (!fd_file(W->cur, fd)) return sys_return(-EBADF);
  return sys_return(-ESPIPE);
}

ssize_t sr_pread(int fd, void *buf, size_t count, off_t offset)
{
  (void) buf; (void) count;
  return positional_io(fd, offset);
}

ssize_t sr_pwrite(int fd, const void *buf, size_t count, off_t offset)
{
  (void) buf; (void) count;
  return positional_io(fd, offset);
}
