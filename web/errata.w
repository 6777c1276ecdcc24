@* Errata.
Where the pages and Linux~6.18 disagree, sockref follows Linux.  This
chapter lists every such disagreement that a script shows: for each, the
clause, what the page says (in our words), what the kernel does, and the
recorded script that shows it.  The list is typeset from the register,
\.{spec/errata.tsv}, by \.{sr-check --errata-tex}; the checker audits the
register on every \.{make check}: each row must name a clause of the
catalogue and an existing script whose header names that clause.

The register does not excuse differences between sockref and the kernel.
Its scripts were recorded on the kernel like all others, and sockref,
following the kernel, passes them.  A difference between sockref and the
kernel is a bug of sockref, and is fixed there.  The only rows whose
scripts sockref does not pass are marked as limits of the model that this
book states: it has the \.{AF\_INET} family only, and its default host
keeps the tunables that Linux keeps in the initial network namespace
(chapter {\it Tunables}), which a new namespace shows read-only or not at
all.  For those the checker requires the script to diverge, so that a
row cannot outlive the limit it describes.

@ The register.

\srinputifexists{errata.tex}
