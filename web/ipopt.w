@* Options of IP.
@ \clause{ip.7:IP_TTL}
@c
static int get_ttl(sr_sock *s, sr_optreq *rq) { rq->val = s->uc_ttl; return 0; }
static int set_ttl(sr_sock *s, sr_optreq *rq) { s->uc_ttl = rq->val; return 0; }
