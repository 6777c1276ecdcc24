@* Multicast.
@ @c
static void mc_drop_all(sr_sock *s) { (void) s; }
@ @<Private function prototypes@>=
static void mc_drop_all(sr_sock *s);
