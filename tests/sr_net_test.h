/* sr_net_test.h -- helpers of the network tests: build IPv4 datagrams to
   inject (with checksums computed here, independently of the library),
   and read back the frames a capture file recorded. */
#ifndef SR_NET_TEST_H
#define SR_NET_TEST_H
#include "sr_test.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <netinet/ip_icmp.h>

static inline uint16_t nt_sum(const uint8_t *p, size_t n, uint32_t s)
{
  for (size_t i = 0; i + 1 < n; i += 2) s += (uint32_t) (p[i] << 8 | p[i + 1]);
  if (n & 1) s += (uint32_t) p[n - 1] << 8;
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return (uint16_t) ~s;
}
static inline uint16_t nt_get16(const uint8_t *p) { return (uint16_t) (p[0] << 8 | p[1]); }
static inline void nt_put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t) (v >> 8); p[1] = (uint8_t) v; }
static inline uint32_t nt_addr(const uint8_t *p) { uint32_t a; memcpy(&a, p, 4); return a; }

/* An IPv4 header in buf; returns its length (20 + optlen). */
static inline size_t nt_ip(uint8_t *buf, const char *src, const char *dst, uint8_t proto,
  uint8_t ttl, uint8_t tos, uint16_t id, uint16_t frag, size_t l4len,
  const uint8_t *opt, size_t optlen)
{
  size_t hl = 20 + optlen;
  uint32_t a;
  memset(buf, 0, hl);
  buf[0] = (uint8_t) (0x40 | hl / 4);
  buf[1] = tos;
  nt_put16(buf + 2, (uint16_t) (hl + l4len));
  nt_put16(buf + 4, id);
  nt_put16(buf + 6, frag);
  buf[8] = ttl;
  buf[9] = proto;
  a = inet_addr(src); memcpy(buf + 12, &a, 4);
  a = inet_addr(dst); memcpy(buf + 16, &a, 4);
  if (optlen) memcpy(buf + 20, opt, optlen);
  nt_put16(buf + 10, nt_sum(buf, hl, 0));
  return hl;
}
/* A UDP datagram of n bytes of 'u' from src:sport to dst:dport; returns its length. */
static inline size_t nt_udp(uint8_t *buf, const char *src, uint16_t sport, const char *dst,
  uint16_t dport, size_t n, uint8_t ttl, uint8_t tos, uint16_t id, uint16_t frag)
{
  size_t hl = nt_ip(buf, src, dst, IPPROTO_UDP, ttl, tos, id, frag, 8 + n, NULL, 0);
  uint8_t *u = buf + hl, ph[12];
  uint32_t s;
  nt_put16(u, sport); nt_put16(u + 2, dport); nt_put16(u + 4, (uint16_t) (8 + n)); nt_put16(u + 6, 0);
  memset(u + 8, 'u', n);
  memcpy(ph, buf + 12, 8); ph[8] = 0; ph[9] = IPPROTO_UDP; nt_put16(ph + 10, (uint16_t) (8 + n));
  s = (uint16_t) ~nt_sum(ph, 12, 0);
  s = nt_sum(u, 8 + n, s);
  nt_put16(u + 6, s ? (uint16_t) s : 0xffff);
  return hl + 8 + n;
}
/* An ICMP echo request with n bytes of data; returns its length. */
static inline size_t nt_echo(uint8_t *buf, const char *src, const char *dst, size_t n,
  uint16_t ident, uint16_t seq, uint8_t tos, uint16_t id)
{
  size_t hl = nt_ip(buf, src, dst, IPPROTO_ICMP, 64, tos, id, 0, 8 + n, NULL, 0);
  uint8_t *c = buf + hl;
  c[0] = ICMP_ECHO; c[1] = 0; nt_put16(c + 2, 0);
  nt_put16(c + 4, ident); nt_put16(c + 6, seq);
  for (size_t i = 0; i < n; i++) c[8 + i] = (uint8_t) i;
  nt_put16(c + 2, nt_sum(c, 8 + n, 0));
  return hl + 8 + n;
}

/* The frames of a capture file. */
typedef struct { uint64_t t_ns; size_t len; uint8_t *d; } nt_frame;
typedef struct { nt_frame f[512]; int n; uint32_t linktype; } nt_cap;

static inline void nt_read(const char *path, nt_cap *c)
{
  FILE *f = fopen(path, "rb");
  uint32_t h[6], r[4];
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(fread(h, 4, 6, f), 6);
  ck_assert_uint_eq(h[0], 0xa1b23c4du);
  c->linktype = h[5];
  c->n = 0;
  while (c->n < 512 && fread(r, 4, 4, f) == 4) {
    nt_frame *x = &c->f[c->n++];
    x->t_ns = (uint64_t) r[0] * 1000000000u + r[1];
    x->len = r[2];
    x->d = malloc(r[2]);
    ck_assert_int_eq(fread(x->d, 1, r[2], f), r[2]);
  }
  fclose(f);
}
static inline void nt_free(nt_cap *c)
{
  for (int i = 0; i < c->n; i++) free(c->f[i].d);
  c->n = 0;
}
/* A temporary capture path, unique per test process. */
static inline const char *nt_path(char *buf, size_t n)
{
  snprintf(buf, n, "/tmp/sr_test_%d.pcap", (int) getpid());
  return buf;
}
/* Field readers of a captured IPv4 frame. */
#define NT_TOS(p) ((p)[1])
#define NT_LEN(p) nt_get16((p) + 2)
#define NT_ID(p) nt_get16((p) + 4)
#define NT_FRAG(p) nt_get16((p) + 6)
#define NT_TTL(p) ((p)[8])
#define NT_PROTO(p) ((p)[9])
#define NT_HL(p) (((p)[0] & 0xf) * 4)
#define NT_SRC(p) nt_addr((p) + 12)
#define NT_DST(p) nt_addr((p) + 16)
/* The header checksum and, for ICMP, the message checksum verify. */
static inline void nt_check_sums(const uint8_t *p, size_t len)
{
  ck_assert_uint_eq(nt_sum(p, NT_HL(p), 0), 0);
  ck_assert_uint_eq(NT_LEN(p), len);
  if (NT_PROTO(p) == IPPROTO_ICMP && !(NT_FRAG(p) & 0x3fff))
    ck_assert_uint_eq(nt_sum(p + NT_HL(p), len - NT_HL(p), 0), 0);
}
#endif
