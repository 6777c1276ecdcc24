@* Sockscripts.
The sections of this book say what Linux does, and the \.{Kernel} notes
say what was measured; but a claim about Linux is only as good as the
means of checking it again.  A {\it sockscript\/} is such a means: a
sequence of socket calls with their results, written as \.{strace}
writes them, that was run on the Linux kernel of the machine that
recorded it and can be replayed on sockref.  The corpus of scripts in
\.{tests/scripts} is the conformance suite of this book: every script in
it was recorded on Linux~6.18, in a fresh network namespace prepared like
the default world of chapter {\it The world}, and every script passes on
sockref, except the few that the errata register (next chapter) names as
showing a limit of the model.

Here is one, as it stands in the corpus.  It shows that the receive buffer
has a floor of 2304 bytes, not the 256 the page promises:

\scriptfile{solsocket/SO_RCVBUF.minimum.sr}

\noindent The first line names the clauses the script exercises; the
lines that begin with \.{\#} are comments; each other line is a call, an
equals sign, and the result.  The programs that read, run and write
scripts are literate programs of their own (the web \.{sockscript.w}
and its three companions); this chapter is their specification.

@ The lines of a script.  A line is blank, a comment, a header or a call.
\smallskip
\item{$\bullet$} A {\it header\/} line begins with \.{\#!}.  The only
header is \.{\#!} followed by the word \.{clauses} and clause IDs of the catalogue,
separated by spaces; a script may have several.  The checker counts a
clause as covered when a script that passes names it, and fails a script
that names a clause the catalogue lacks.
\item{$\bullet$} A {\it comment\/} begins with \.{\#}; a call line may end
with one.
\item{$\bullet$} A {\it call\/} line is \.{NAME(ARGUMENTS) = RESULT}.  When
the result is $-1$ it is followed by the name of the error number, and
optionally by its explanation in parentheses, which is for the reader:
\smallskip
\centerline{\.{setsockopt(3, SOL\_IP, IP\_TTL, [0], 4) = -1 EINVAL (Invalid argument)}}
\smallskip\noindent
A result written \.{?} is not yet recorded; the checker refuses such a
script, and the recorder fills it in.
\smallskip

@ Values.  An argument or a result is a {\it value}:
\smallskip
\item{$\bullet$} a number, decimal, hexadecimal (\.{0x10}) or octal
(\.{010}); numbers up to $2^{64}-1$ may be written;
\item{$\bullet$} a name of the system's headers: \.{AF\_INET},
\.{SO\_RCVBUF}, \.{EINVAL}, \.{CAP\_NET\_ADMIN}; the names are collected
from the headers by the program \.{symgen} (the table
\.{spec/symbols.tsv} says which headers and which prefixes), and their
values are the compiler's, never typed by hand;
\item{$\bullet$} an or of numbers and names, \.{SOCK\_DGRAM$\vert$SOCK\_NONBLOCK};
\item{$\bullet$} \.{htons(N)}, a port, and \.{inet\_addr("A.B.C.D")}, an
address: they say how a number is written and where it goes in network
order;
\item{$\bullet$} a string in double quotes with C's escapes, \.{"lo"},
\.{"\\x01\\x01"}: bytes;
\item{$\bullet$} a list in brackets, \.{[1000]}: the contents of a
buffer, an |int| for each number (so \.{[1000]} is the usual |int| of an
option); the members of a set of descriptors for \.{select};
\item{$\bullet$} a structure in braces, with its fields by name, as
\.{strace} prints it: \.{\{l\_onoff=1, l\_linger=5\}}; which structure it
is follows from the field names (the first structure, in the order of
the table below, that has all of them), and a field left out of an input
is zero;
\item{$\bullet$} \.{NULL}, a null pointer.
\smallskip\noindent
The structures are |sockaddr_in| (its family written \.{sa\_family}, as
\.{strace} does), |in_addr|, |linger|, |timeval|, |timespec|, |ip_mreq|,
|ip_mreqn|, |ip_mreq_source|, |ip_msfilter| (with its list of sources
\.{imsf\_slist}), |in_pktinfo|, |ucred|, |sock_extended_err|,
|sock_filter|, |sock_fprog| (whose \.{filter} is the list of
instructions), |pollfd|, |iovec|, |cmsghdr| (with \.{cmsg\_data}) and
|msghdr|.

@ Patterns.  A value the script {\it expects\/} may stand for a set of
values, so that a script states what may legitimately vary:
\smallskip
\item{$\bullet$} \.{...} is anything;
\item{$\bullet$} \.{LO..HI} is a range, \.{htons(32768..60999)} a port
in it;
\item{$\bullet$} \.{"abc"...} is a string that begins with \.{abc};
\.{[1, ...]} and \.{\{a=1, ...\}} a list or structure that begins so (a
structure's fields left out are not compared in any case);
\item{$\bullet$} \.{\$name} is a variable: \.{\$pid} and \.{\$pgrp} are
the process ID and process group of the process making the call,
\.{\$pid2} and \.{\$pgrp2} those of the script's second process, and so
on; any other name must have been bound before;
\item{$\bullet$} \.{\$name=PATTERN} matches the pattern and binds the name
to the value found, for later lines to use, as inputs or as expectations.
\smallskip\noindent
Process IDs are written as variables because they differ between the
kernel and sockref: the recorder writes \.{F\_GETOWN}'s answer as
\.{\$pid} or \.{-\$pgrp2}.

@ Arguments that are read and written.  A |socklen_t| that a call reads
and rewrites, the argument of an \.{ioctl}, the sets and time-out of
\.{select}, and the lengths inside a |msghdr| are written \.{IN => OUT}
when the call changed them, and as \.{IN} alone when it did not; this
read asked for two bytes and got one:
\smallskip
\centerline{\.{getsockopt(3, SOL\_IP, IP\_TTL, "\\x01", [2 => 1]) = 0}}
\smallskip\noindent
A buffer that a call only writes (the value of
\.{getsockopt}, the address of \.{getsockname}, the data of \.{recv}) is
written as what the call must leave in it; when its input matters too, it
is written \.{IN => OUT}, as for \.{IP\_MSFILTER}, whose read takes the
count of sources from the caller's buffer:

\scriptfile{mcast/IP_MSFILTER.get-numsrc.sr}

\noindent A buffer given to a call that failed holds nothing the call
meant to return, and is written \.{...}; the |msghdr| of \.{recvmsg}, the
|iovec| array of \.{readv} and the |pollfd| array of \.{poll}, which are
mostly what the call reads, stay as written.  A received message's
control data is written \.{msg\_control=[]} in a script to be recorded:
the recorder fills in the records, which \.{...} would match without showing.

@ Calls and actions.  The calls are those of \.{libsockref} under their
C library names: \.{socket}, \.{socketpair}, \.{close}, \.{fcntl},
\.{ioctl}, \.{pread}, \.{pwrite}, \.{getsockopt}, \.{setsockopt},
\.{bind}, \.{connect}, \.{listen}, \.{getsockname}, \.{getpeername},
\.{send}, \.{sendto}, \.{sendmsg}, \.{recv}, \.{recvfrom}, \.{recvmsg},
\.{read}, \.{write}, \.{readv}, \.{writev}, \.{shutdown}, \.{poll} and
\.{select}, with the arguments of the C calls.  Actions on the process
making the calls look like calls too:
\smallskip
\item{$\bullet$} \.{setuid(U)}, \.{seteuid(U)}: give up root, for good or
for the effective ID; \.{setuid} also takes the group of the same number
(the convention of this book's processes, whose group is their user);
\item{$\bullet$} \.{cap\_drop(CAP\_X)}: drop one capability from the
effective and permitted sets;
\item{$\bullet$} \.{sysctl\_set("net.ipv4.ip\_default\_ttl", "5")} and
\.{sysctl\_get("NAME", VALUE)}: write a tunable as one |write| of the
text, read it without its newline;
\item{$\bullet$} \.{proc\_new(U)}: make a new process of user |U| with
descriptors 0 to 2 only; it is numbered 2, 3, \dots, in the order made,
and that number is the result; \.{proc\_switch(N)}: make process |N| the
one that makes the calls that follow;
\item{$\bullet$} \.{advance(NS)}: let |NS| nanoseconds pass (sockref's
virtual clock moves; on the kernel the process sleeps);
\item{$\bullet$} \.{signal\_count(SIG)}: how many times the signal was
delivered to the current process, to a handler or by the default action
that counts it (\.{SIGIO}, \.{SIGPIPE}, \.{SIGUSR1}: the names of
\.{signal.h});
\item{$\bullet$} \.{sigaction}, \.{sigprocmask}, \.{sigpending},
\.{setitimer}, \.{alarm}, \.{kill} and \.{ppoll}, written flat as the
chapter on calls says.
\smallskip

\scriptfile{proc/owner-other-process.sr}

@ The world of a script.  On the kernel a script runs in a network
namespace made for it: \.{lo} up; a veth pair whose \.{eth0} (interface~2)
is in the script's namespace and whose peer is in a namespace of its own;
\.{10.0.0.1/24} with broadcast \.{10.0.0.255} on \.{eth0}; a default
route via \.{10.0.0.254}.  Its processes run in a new PID namespace (so a
process ID such as 99999 names none), as root, with descriptors 0 to 2
open on \.{/dev/null} and no others, and a limit of 1024 descriptors.
On sockref a script runs on the default world after |sr_reset|, in its
first process; \.{proc\_new} makes processes on the same host.

@ Recording.  \.{sr-record} runs a script on the kernel and writes the
results into it: inputs stay as the author wrote them, outputs become what
the kernel answered.  Where the script had a pattern that the answer still
fits, the pattern stays.  Two kinds of answer vary from run to run by
themselves and are written as patterns: a port the kernel chose in the
ephemeral range (written as the range of \.{ip\_local\_port\_range} at the
end of the script) and a time stamp (written \.{...}).  A script may mark
any other varying value itself, and the recorder keeps the mark while the
answer fits it.  Recording a script twice gives the same text; a change
means the kernel changed.

@ Checking.  \.{sr-check} replays each script on a fresh world and
compares, line by line, the results with the sets the script states.  It
reports the first line that differs: the line as recorded, the line as
sockref answered it, which part differs, and the script's clauses.  A
call sockref does not have yet is reported as such.  It checks thousands
of scripts a second; \.{make check} prints the rate.

@ The corpus.  The scripts live in \.{tests/scripts}, in a directory per
chapter of this book (\.{socket}, \.{fd}, \.{ioctl}, \.{sysctl},
\.{solsocket}, \.{ipopt}, \.{mcast}, \.{proc}, \.{bind}, \.{addr}; the data
path in \.{udp}, readiness, waiting and signals in \.{poll}, the error
queue in \.{errq}, and stream sockets without a connection in \.{tcp}).  Most scripts were
written by hand, each for the sentences of the pages it names.  The rest
are {\it families\/} that \.{sr-gen} writes from the option table: for
every option its default on each kind of socket, boundary values, short
and long lengths, every socket type, and unprivileged writers; the
generator writes only the calls, and the recorder the answers.
\.{make record} regenerates the families and records the whole corpus on
the machine's kernel (it needs root and namespaces).  \.{make check}
replays the corpus on sockref, requires that nothing diverges except
what the errata register expects, prints how many clauses with observable
behaviour the scripts cover, and re-records a sample of forty scripts on
the kernel, failing if any has changed.

@ Driving the executor from a program.  The library that the programs
share (\.{generated/sockscript.h}) parses a script from text
(|ss_parse|), runs it on sockref (|ss_run_sockref|) or on the kernel
(|ss_run_kernel|), and checks or prints each line from the outcome
(|ss_check_line|, |ss_print_line|).  The fuzzers of the next chapter are
such programs: they write random, well-typed call sequences as script
text and run them through the same functions, so that a divergence they
find is already a script.
