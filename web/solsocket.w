@* Options of the socket layer.
@ \clause{socket.7:SO_TYPE}
@c
static int get_type(sr_sock *s, sr_optreq *rq) { rq->val = s->type; return 0; }
