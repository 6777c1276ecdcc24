@* Fuzzing.
The corpus of scripts asks the questions its authors thought of.  Two
programs ask questions nobody wrote down.  The {\it differential
fuzzer}, \.{sr-fuzz}, writes random call sequences, runs each on the
Linux kernel and on sockref, and compares the answers; the {\it libFuzzer
harness}, \.{sr-libfuzz}, runs sequences made from arbitrary bytes on
sockref alone, under the address and undefined-behaviour sanitizers, and
checks after every call that sockref kept the promises any socket layer
must keep.  Both draw their sequences from one generator.  The three are
literate programs of their own (the webs \.{fuzzgen.w}, \.{srfuzz.w} and
\.{srlibfuzz.w}, typeset as books of their own); this chapter says what
they do and what they found.

@ The sequences.  A sequence is a few dozen calls made by one process:
it opens sockets, mostly of the kinds \.{AF\_INET} has, and then calls
whatever sockref has --- options of every row of the option table with
values near the row's range and values that are garbage, lengths short,
long, zero and negative, null pointers, descriptors that are closed or
were never open, \.{fcntl} and \.{ioctl}, the calls of the data path,
\.{poll} and \.{select} that never wait, giving up root, dropping a
capability, writing and reading tunables.  It is written as a sockscript
with every result left as \.{?}.  The generator keeps a prediction of the
process's descriptors and privileges, so that most calls land on
something real; it never says what a call should return.  A sequence is
named by a seed and a number: \.{sr-fuzz --print --seed S -n N} shows
the first $N$.

@ The differential run.  A fresh network namespace takes the kernel
milliseconds; sockref takes microseconds to make a world.  So the fuzzer
runs sequences in batches of fifteen, in one namespace, each in a
process made for it, with lines after each sequence that close its
descriptors and put back the tunables it wrote.  A batch runs as one
script, first on the kernel --- recorded as \.{sr-record} records, so
that an ephemeral port becomes the range of ephemeral ports and a time
stamp \.{...} --- then on sockref, checked line by line as \.{sr-check}
checks.  The comparison is therefore exactly the checker's.  The matcher
knows one more thing for the fuzzer's sake: the bytes a raw socket reads
begin with an IP header whose identification, and perhaps a UDP port the
kernel chose, vary from run to run, and it does not compare those (see
the matcher in the book of the sockscript library).  On this machine a campaign runs 400 to
700 sequences a second with two jobs.

A sequence that fails is run again alone, in a namespace of its own; if
it fails there too, it is shrunk by delta debugging to the fewest lines
that still fail on the same line with the same two answers, recorded on
the kernel, and saved in \.{tests/scripts/fuzz/} with the clauses its
lines exercise and a comment that shows both answers.  From then on it is
an ordinary script of the corpus: \.{make check} replays it on sockref.

@ What the generator does not ask.  Some questions have answers that
differ by design, or by the way the two systems are run, and asking them
would only find the same known difference again and again.  The
generator leaves them out, and its book says why, at the place where it
does:
\smallskip
\item{$\bullet$} families other than \.{AF\_INET}, the \.{SOCK\_PACKET}
type and Multipath TCP, which the model refuses as a kernel built
without them would (chapter {\it Sockets});
\item{$\bullet$} options that no page names --- Linux~6.18 has about thirty
of them at the two levels, from \.{SO\_COOKIE} to \.{IP\_LOCAL\_PORT\_RANGE} and
the protocol-independent \.{MCAST\_*} requests --- and the option levels
of {\it tcp\/}(7), {\it udp\/}(7) and {\it raw\/}(7);
\item{$\bullet$} the \.{fcntl} commands that the pages do not name for
sockets (locks, leases, directory notification, pipe sizes, seals, write
hints, the extended owner) and the interface requests of
{\it netdevice\/}(7);
\item{$\bullet$} connections of TCP, whose handshake is outside the
pages (nor \.{MSG\_FASTOPEN}, which would make one);
\item{$\bullet$} |MSG_MORE| on raw sockets, which Linux corks and the
model does not (chapter {\it Raw sockets\/});
\item{$\bullet$} writes of \.{SO\_TIMESTAMPING}, whose send stamps copy
the kernel's random IP identification and whose arrival stamps start a
moment late (see the generator), and sends that could wait (every send
carries \.{MSG\_DONTWAIT}: a datagram waiting for a neighbour that never
answers waits seconds of real time on the kernel);
\item{$\bullet$} writes to the machine-wide tunables, which the kernel
runner's new namespace shows read-only and the model's first host, which
stands for the initial namespace, lets root write (chapter {\it
Tunables});
\item{$\bullet$} calls that could tell a terminal from \.{/dev/null} on
descriptors 0 to 2: the model's processes start on a terminal, the
runner's on \.{/dev/null}, shared by every process of a script;
\item{$\bullet$} address lengths of 3 to 15 bytes on \.{getsockname},
\.{getpeername}, \.{recvfrom} and \.{SO\_PEERNAME}: the cut address comes
back as bytes, so a port the kernel chose at random could not be
compared as the range it is;
\item{$\bullet$} garbage bytes as the value of an option that holds a
pointer (a classic program's |sock_fprog|): the kernel answers |EFAULT|
for a bad pointer, while the model, living in the caller's memory, can
only follow it --- the first campaign that made one crashed;
\item{$\bullet$} classic BPF programs attached by a process that is not
root with \.{CAP\_NET\_ADMIN}: the kernel of the machine these scripts
were recorded on refuses them by a policy of its own (a security module),
which is not Linux's behaviour.
\smallskip

@ The promises.  The libFuzzer harness takes its bytes as the generator's
randomness: every choice reads the next bytes, so every input is a
well-typed sequence and a small change of the input a small change of
the sequence.  After each call it checks that the call returned; that
|errno| is set exactly when the call returned $-1$; that a call that
failed changed nothing observable --- every option of both levels on
every socket, the descriptor and status flags, owners and signals,
which descriptors are open, users, capabilities and tunables are read
before and after and compared; and that a new descriptor is the lowest
free one.  Linux itself breaks the third promise in one place the
harness knows: a datagram socket's \.{connect} drops its cached route
before it looks at the new address, so a failed \.{connect} leaves
\.{IP\_MTU} answering |ENOTCONN|; the harness's book gives the
measurement.  \.{make fuzz FUZZ\_SECONDS=N} runs the harness; the seed
corpus and a dictionary are in \.{fuzz/}.

@ What they found.  The differential fuzzer found these differences
between sockref and Linux, each fixed in the section it concerns, each
kept as a script of \.{tests/scripts/fuzz} (or, where a script was
written by hand to show the boundary, elsewhere in the corpus):
\smallskip
\item{$\bullet$} \.{socketpair} checked the family, type and protocol
before the array; Linux reserves the two descriptors and writes them into
the array first, so a null array is |EFAULT| whatever the rest, and a
failing call still leaves the two numbers there;
\item{$\bullet$} \.{connect} asked whether the descriptor is a socket
before it copied the address; Linux copies first, so a bad length on a
descriptor that is not a socket is |EINVAL|;
\item{$\bullet$} descriptors 0 to 2 showed no |O_LARGEFILE|, which
\.{open} always adds on a 64-bit machine;
\item{$\bullet$} the directories of \.{/proc/sys} (\.{"net.ipv4"},
\.{""}) were |ENOENT| instead of |EISDIR|;
\item{$\bullet$} \.{ip\_forward} was written without
\.{CAP\_NET\_ADMIN}, tunables kept in ticks had no bound, and
\.{route.min\_pmtu} had one it should not have (these three were found
at the same time by the first version of the fuzzer, in the branch that
wrote the scripts chapter);
\item{$\bullet$} multicast memberships and source lists charged no option
memory: Linux refuses a join, a first source or a source filter with
|ENOBUFS| when \.{optmem\_max} has no room for it;
\item{$\bullet$} UDP-Lite datagrams were checked against the pseudo-header
of UDP, failed, and were dropped: nothing arrived and no ``port
unreachable'' came back;
\item{$\bullet$} a send on a TCP socket that is not connected checked its
control messages first; Linux answers |EPIPE| (or the pending error)
before it looks at them;
\item{$\bullet$} a send on a ping socket was checked as a raw socket's
is; Linux first wants an ICMP echo request of at least eight bytes
(|EINVAL|), and only an \.{AF\_INET} address (the chapter on ping
sockets, written meanwhile, checks it so too);
\item{$\bullet$} a datagram to a multicast group from a source the host
does not have (\.{IP\_FREEBIND}) was |EINVAL|; Linux says |ENETUNREACH|;
\item{$\bullet$} a raw socket took a |sendto| address of length 0 for
a bad address (|EINVAL|); Linux asks for the length, and sends to the
peer or answers |EDESTADDRREQ|;
\item{$\bullet$} \.{IP\_PKTINFO} reported the arrival interface and
address of a datagram queued while the option was off; Linux notes them
at queueing, and reports interface 0 and \.{0.0.0.0};
\item{$\bullet$} raw and ping sockets kept their bound source when an
\.{IP\_PKTINFO} message named \.{0.0.0.0}; Linux lets routing choose
it then (so a foreign bound source no longer makes the send
|ENETUNREACH|);
\item{$\bullet$} a TCP socket's \.{SIOCOUTQ} and \.{SIOCOUTQNSD} were
always 0; every disconnect moves Linux's next sequence number by two, and
they count from it;
\item{$\bullet$} a corked UDP datagram waiting for a neighbour was
charged to its socket as a datagram built in one piece; Linux charges
what the parts cost (\.{SIOCOUTQ} 835, not 832, for three bytes and
three);
\item{$\bullet$} a connected UDP socket always sent to its peer.  Linux
sends on the cached route to the socket's {\it flow}, which a |MSG_MORE|
datagram to another address, or even a refused |connect|, overwrites ---
an erratum of the register; and a send with |MSG_DONTROUTE| or
\.{SO\_DONTROUTE} looks its route up again, so a broadcast peer without
\.{SO\_BROADCAST} is |EACCES| then.
\smallskip

\scriptfile{fuzz/socketpair-s3-19.sr}

@ Running them.  \.{make check} runs, when it is root and can make
namespaces, a campaign of 3000 sequences from seed 1 (2000 under
\.{SANITIZE=1}, where every fork of the kernel runner is slower), which
must find no divergence; it runs the tests of the generator, the seed
corpus through the harness built with the ordinary compiler, and, when
clang is there, the libFuzzer harness for four thousand inputs or twenty
seconds.  \.{make fuzz-diff N=... SEED=... JOBS=...} runs any campaign
and saves what it finds into the corpus; \.{make fuzz FUZZ\_SECONDS=...}
runs the harness for as long as one likes.
