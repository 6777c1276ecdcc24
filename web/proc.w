@* Processes and credentials.
Several clauses depend on who makes a call: \.{SO\_DEBUG}, \.{SO\_MARK},
\.{SO\_PRIORITY} above~6, the \.{*BUFFORCE} options, \.{IP\_TRANSPARENT} and
raw sockets need a capability; \.{SO\_REUSEPORT} compares effective user
IDs; \.{F\_SETOWN} and \.{SIOCSPGRP} name processes and process groups, and
signals are sent to them.  A process of the model therefore carries what a
Linux task carries for these purposes: its IDs, its capability sets, its
descriptor table and resource limit, and what the chapter on signals
adds: dispositions, a mask, pending signals, a timer, and a counter per
signal.  No real signal is ever raised: a handler the program installed
is called by the model, and a test reads the counters.

@<Constants of the model@>=
#define SR_FIRST_PID 1000
#define SR_NSIG 65 /* signals 1 to 64, as |_NSIG| on Linux */

@ @<Composite types@>=
struct sr_proc {
  pid_t pid, pgrp;
  uid_t ruid, euid, suid, fsuid;
  uint64_t cap_eff, cap_perm; /* bit |c| stands for capability |c| */
  struct rlimit nofile;
  @<Fields of a process@>@;
  sr_host *host;
  unsigned long sigcount[SR_NSIG];
};

@ A new process gets the next process ID and is the leader of its own
process group.  A process made with uid 0 has every capability, as a root
shell has; any other starts with none.  The descriptor limit is Linux's
default, 1024 soft and 4096 hard (the kernel's |INR_OPEN_CUR| and
|INR_OPEN_MAX|).

@<Constants of the model@>=
#define SR_ALL_CAPS ((((uint64_t) 1) << (CAP_LAST_CAP + 1)) - 1)
#define SR_NOFILE_CUR 1024
#define SR_NOFILE_MAX 4096

@ @<Private function prototypes@>=
static sr_proc *proc_new(sr_host *h, uid_t uid);
static void proc_free(sr_proc *p);
static sr_proc *proc_by_pid(pid_t pid);
static bool pgrp_exists(pid_t pgrp);

@ @c
static sr_proc *proc_new(sr_host *h, uid_t uid)
{
  sr_proc *p = xcalloc(1, sizeof *p);
  p->pid = p->pgrp = W->next_pid++;
  p->ruid = p->euid = p->suid = p->fsuid = uid;
  p->cap_eff = p->cap_perm = uid == 0 ? SR_ALL_CAPS : 0;
  p->nofile.rlim_cur = SR_NOFILE_CUR;
  p->nofile.rlim_max = SR_NOFILE_MAX;
  p->host = h;
  fdtab_init(p);
  W->proc = xrealloc(W->proc, (size_t) W->nprocs + 1, sizeof *W->proc);
  W->proc[W->nprocs++] = p;
  return p;
}

static void proc_free(sr_proc *p)
{
  fdtab_free(p);
  free(p);
}

@ Process lookup is by scan: a world has a handful of processes, not
thousands.

@c
static sr_proc *proc_by_pid(pid_t pid)
{
  for (int i = 0; i < W->nprocs; i++)
    if (W->proc[i]->pid == pid) return W->proc[i];
  return NULL;
}

static bool pgrp_exists(pid_t pgrp)
{
  for (int i = 0; i < W->nprocs; i++)
    if (W->proc[i]->pgrp == pgrp) return true;
  return false;
}

@ Processes of a world.  |sr_proc_new(host, uid)| starts a process on a
host, with the credentials a process of that user would have (see
|proc_new|), and returns its process ID; |sr_proc_switch(pid)| makes it
the process that makes the following calls, so that a test can play
client on one host and server on another.  A host that does not exist is
|ENOENT|; the user ID $-1$ is |EINVAL|; a process ID that names no
process is |ESRCH|, as |kill| answers.

@<Public declarations@>=
pid_t sr_proc_new(int host, uid_t uid);
int sr_proc_switch(pid_t pid);

@ @c
pid_t sr_proc_new(int host, uid_t uid)
{
  sr_host *h;
  world_ready();
  if (!(h = host_by_id(host))) return sys_return(-ENOENT);
  if (uid == (uid_t) -1) return sys_return(-EINVAL);
  return proc_new(h, uid)->pid;
}

int sr_proc_switch(pid_t pid)
{
  sr_proc *p;
  world_ready();
  if (!(p = proc_by_pid(pid))) return sys_return(-ESRCH);
  W->cur = p;
  return 0;
}

@ The identity calls.  They behave as the Linux system calls of the same
names do for a process without \.{SECBIT\_KEEP\_CAPS}.

@<Public declarations@>=
uid_t sr_getuid(void);
uid_t sr_geteuid(void);
int sr_setuid(uid_t uid);
int sr_seteuid(uid_t euid);
pid_t sr_getpid(void);
pid_t sr_getpgrp(void);

@ @c
uid_t sr_getuid(void) { world_ready(); return W->cur->ruid; }
uid_t sr_geteuid(void) { world_ready(); return W->cur->euid; }
pid_t sr_getpid(void) { world_ready(); return W->cur->pid; }
pid_t sr_getpgrp(void) { world_ready(); return W->cur->pgrp; }

@ |setuid| with \.{CAP\_SETUID} sets all four user IDs; without it, it may
only set the effective ID to the real or the saved one, else |EPERM|.  The
value $-1$ is no user ID at all: |EINVAL|.  After the change the kernel
adjusts the capability sets, in |cap_emulate_setxuid|:
@^capabilities@>
leaving a state in which some ID was~0 for one in which none is clears the
permitted and effective sets; an effective ID leaving~0 clears the
effective set; an effective ID becoming~0 restores the effective set from
the permitted one.

@c
static void cap_fixup(sr_proc *p, uid_t oruid, uid_t oeuid, uid_t osuid)
{
  if ((oruid == 0 || oeuid == 0 || osuid == 0) &&
      p->ruid != 0 && p->euid != 0 && p->suid != 0)
    p->cap_perm = p->cap_eff = 0;
  if (oeuid == 0 && p->euid != 0) p->cap_eff = 0;
  if (oeuid != 0 && p->euid == 0) p->cap_eff = p->cap_perm;
}

int sr_setuid(uid_t uid)
{
  sr_proc *p;
  uid_t r, e, s;
  world_ready();
  p = W->cur;
  if (uid == (uid_t) -1) { errno = EINVAL; return -1; }
  r = p->ruid; e = p->euid; s = p->suid;
  if (proc_capable(p, CAP_SETUID)) p->ruid = p->euid = p->suid = p->fsuid = uid;
  else if (uid == p->ruid || uid == p->suid) p->euid = p->fsuid = uid;
  else { errno = EPERM; return -1; }
  cap_fixup(p, r, e, s);
  return 0;
}

@ |seteuid| is |setresuid(-1, euid, -1)|: without \.{CAP\_SETUID} the new
effective ID must be one of the three current IDs.  The C library refuses
$-1$ itself with |EINVAL|.

@c
int sr_seteuid(uid_t euid)
{
  sr_proc *p;
  uid_t r, e, s;
  world_ready();
  p = W->cur;
  if (euid == (uid_t) -1) { errno = EINVAL; return -1; }
  if (!proc_capable(p, CAP_SETUID) && euid != p->ruid && euid != p->euid &&
      euid != p->suid) {
    errno = EPERM;
    return -1;
  }
  r = p->ruid; e = p->euid; s = p->suid;
  p->euid = p->fsuid = euid;
  cap_fixup(p, r, e, s);
  return 0;
}

@ Capabilities.  The kernel asks whether the {\it effective\/} set holds a
capability; that is |proc_capable|.  |sr_cap_drop| removes a capability
from both the effective and the permitted set, as \.{capset} does when a
program gives a capability up for good.  Both calls refuse a number that
names no capability with |EINVAL|.

@<Public declarations@>=
int sr_cap_has(int cap);
int sr_cap_drop(int cap);

@ @<Private function prototypes@>=
static bool proc_capable(const sr_proc *p, int cap);

@ @c
static bool proc_capable(const sr_proc *p, int cap)
{
  return (p->cap_eff >> cap) & 1;
}

int sr_cap_has(int cap)
{
  world_ready();
  if (cap < 0 || cap > CAP_LAST_CAP) { errno = EINVAL; return -1; }
  return proc_capable(W->cur, cap);
}

int sr_cap_drop(int cap)
{
  world_ready();
  if (cap < 0 || cap > CAP_LAST_CAP) { errno = EINVAL; return -1; }
  W->cur->cap_eff &= ~(((uint64_t) 1) << cap);
  W->cur->cap_perm &= ~(((uint64_t) 1) << cap);
  return 0;
}

@ |sr_signal_count| answers how many times a signal was delivered to the
current process --- to a handler, or by a default action, which in the
model counts it (see the chapter on signals); a number that is no signal
counts nothing and gets |EINVAL|.

@<Public declarations@>=
long sr_signal_count(int signo);

@ @c
long sr_signal_count(int signo)
{
  world_ready();
  if (signo <= 0 || signo >= SR_NSIG) { errno = EINVAL; return -1; }
  return (long) W->cur->sigcount[signo];
}


@ The resource limit on descriptors.  Only |RLIMIT_NOFILE| concerns
sockets; any other resource is refused with |EINVAL| rather than
pretending to keep it.  Linux's rules: the soft limit may not exceed the
hard one (|EINVAL|); raising the hard limit needs \.{CAP\_SYS\_RESOURCE}
(|EPERM|); and the hard limit of |RLIMIT_NOFILE| may not exceed
\.{fs.nr\_open}, 1048576 by default (|EPERM|).  Lowering the limit below a
descriptor that is open is allowed; it only stops new descriptors.
@^RLIMIT\_NOFILE@>

@<Constants of the model@>=
#define SR_NR_OPEN 1048576

@ @<Public declarations@>=
int sr_getrlimit(int resource, struct rlimit *rlim);
int sr_setrlimit(int resource, const struct rlimit *rlim);

@ @c
int sr_getrlimit(int resource, struct rlimit *rlim)
{
  world_ready();
  if (resource != RLIMIT_NOFILE) { errno = EINVAL; return -1; }
  if (!rlim) { errno = EFAULT; return -1; }
  *rlim = W->cur->nofile;
  return 0;
}

int sr_setrlimit(int resource, const struct rlimit *rlim)
{
  sr_proc *p;
  world_ready();
  p = W->cur;
  if (resource != RLIMIT_NOFILE) { errno = EINVAL; return -1; }
  if (!rlim) { errno = EFAULT; return -1; }
  if (rlim->rlim_cur > rlim->rlim_max) { errno = EINVAL; return -1; }
  if (rlim->rlim_max > p->nofile.rlim_max &&
      !proc_capable(p, CAP_SYS_RESOURCE)) {
    errno = EPERM;
    return -1;
  }
  if (rlim->rlim_max > SR_NR_OPEN) { errno = EPERM; return -1; }
  p->nofile = *rlim;
  return 0;
}
