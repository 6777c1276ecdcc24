/* test_catalogue.c -- checks generated/catalogue.tsv, the clause catalogue
   written by build/clauses extract (web/clauses.w).  Run from the repository
   root; a shared runner calls suite_catalogue(). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CATALOGUE "generated/catalogue.tsv"
#define MAXROWS 2000

/* One catalogue row split into its seven columns. */
struct cat_row {
    char *col[7]; /* id kind page title provenance recovered rule */
};

static struct cat_row rows[MAXROWS];
static int nrows = -1;
static char *text;

static void load(void)
{
    FILE *f;
    long n;
    char *p;
    int first = 1;
    if (nrows >= 0)
        return;
    f = fopen(CATALOGUE, "rb");
    ck_assert_msg(f != NULL, "cannot open %s (run from the repository root)", CATALOGUE);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq((long)fread(text, 1, (size_t)n, f), n);
    text[n] = 0;
    fclose(f);
    nrows = 0;
    for (p = text; *p;) {
        char *nl = strchr(p, '\n');
        int c;
        if (nl)
            *nl = 0;
        if (first) {
            ck_assert_str_eq(p, "id\tkind\tpage\ttitle\tprovenance\trecovered\trule");
            first = 0;
        } else if (*p) {
            ck_assert_int_lt(nrows, MAXROWS);
            rows[nrows].col[0] = p;
            for (c = 1; c < 7; c++) {
                char *tab = strchr(rows[nrows].col[c - 1], '\t');
                ck_assert_msg(tab != NULL, "row %d has fewer than 7 columns", nrows + 2);
                *tab = 0;
                rows[nrows].col[c] = tab + 1;
            }
            ck_assert_msg(strchr(rows[nrows].col[6], '\t') == NULL, "row %d has extra columns", nrows + 2);
            nrows++;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
}

static const struct cat_row *find(const char *id)
{
    int i;
    load();
    for (i = 0; i < nrows; i++)
        if (strcmp(rows[i].col[0], id) == 0)
            return &rows[i];
    return NULL;
}

static int count_kind(const char *kind, int heads_only)
{
    int i, n = 0;
    load();
    for (i = 0; i < nrows; i++)
        if (strcmp(rows[i].col[1], kind) == 0 && (!heads_only || strcmp(rows[i].col[6], "1") == 0))
            n++;
    return n;
}

/* Totals: 534 catalogue rows, of which 193 are clause heads (rule 1). */
START_TEST(test_total)
{
    int i, heads = 0;
    load();
    ck_assert_int_eq(nrows, 534);
    for (i = 0; i < nrows; i++)
        if (strcmp(rows[i].col[6], "1") == 0)
            heads++;
    ck_assert_int_eq(heads, 193);
}
END_TEST

/* Counts per kind, all rows and heads only. */
START_TEST(test_kinds)
{
    static const struct { const char *kind; int rows, heads; } k[] = {
        {"sol-option", 202, 45}, {"ip-option", 160, 30}, {"undocumented-option", 7, 7},
        {"call", 34, 30}, {"poll", 12, 5}, {"ioctl", 13, 4}, {"fcntl", 2, 2},
        {"signal", 8, 2}, {"address", 39, 20}, {"proc", 30, 21}, {"section", 27, 27},
    };
    size_t i;
    int sum = 0;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        ck_assert_msg(count_kind(k[i].kind, 0) == k[i].rows, "kind %s: %d rows", k[i].kind, count_kind(k[i].kind, 0));
        ck_assert_msg(count_kind(k[i].kind, 1) == k[i].heads, "kind %s: %d heads", k[i].kind, count_kind(k[i].kind, 1));
        sum += k[i].rows;
    }
    ck_assert_int_eq(sum, nrows); /* no row of another kind */
}
END_TEST

/* Must-have IDs, every kind:
   options socket.7:SO_RCVBUF socket.7:SO_RCVBUF:2 socket.7:SO_SNDBUF socket.7:SO_RCVLOWAT
   socket.7:SO_SNDLOWAT socket.7:SO_ATTACH_FILTER socket.7:SO_ATTACH_BPF socket.7:SO_LINGER
   socket.7:SO_REUSEADDR socket.7:SO_REUSEPORT socket.7:SO_PEEK_OFF socket.7:SO_PEERSEC
   socket.7:SO_BINDTODEVICE ip.7:IP_TTL ip.7:IP_TOS ip.7:IP_MTU_DISCOVER ip.7:IP_PKTINFO
   ip.7:IP_RECVERR ip.7:IP_ADD_MEMBERSHIP ip.7:IP_BLOCK_SOURCE ip.7:IP_PASSSEC ip.7:SO_PEERSEC;
   undocumented socket.7:SO_PEERNAME socket.7:SO_TIMESTAMPING socket.7:SO_WIFI_STATUS
   socket.7:SO_NOFCS socket.7:SO_GET_FILTER socket.7:SO_MAX_PACING_RATE socket.7:SO_BPF_EXTENSIONS;
   calls socket.7:call:socket socket.7:call:connect socket.7:call:bind socket.7:call:listen
   socket.7:call:accept socket.7:call:socketpair socket.7:call:send socket.7:call:sendto
   socket.7:call:sendmsg socket.7:call:recv socket.7:call:recvfrom socket.7:call:recvmsg
   socket.7:call:poll socket.7:call:select socket.7:call:write socket.7:call:writev
   socket.7:call:sendfile socket.7:call:read socket.7:call:readv socket.7:call:getsockname
   socket.7:call:getpeername socket.7:call:getsockopt socket.7:call:setsockopt
   socket.7:call:ioctl socket.7:call:close socket.7:call:shutdown socket.7:call:pread
   socket.7:call:pwrite socket.7:nonblock socket.7:async;
   poll socket.7:poll:POLLIN socket.7:poll:POLLHUP socket.7:poll:POLLHUP:2
   socket.7:poll:POLLHUP:3 socket.7:poll:POLLOUT socket.7:poll:POLLERR socket.7:poll:POLLPRI;
   ioctl/fcntl socket.7:ioctl:SIOCGSTAMP socket.7:ioctl:SIOCSPGRP socket.7:ioctl:FIOASYNC
   socket.7:ioctl:SIOCGPGRP socket.7:fcntl:FIOGETOWN socket.7:fcntl:FIOSETOWN;
   signals socket.7:signal:SIGPIPE socket.7:signal:SIGIO;
   addresses socket.7:addr:sockaddr socket.7:addr:sockaddr_storage ip.7:addr:sin_family
   ip.7:addr:sin_port ip.7:addr:privileged_ports ip.7:addr:INADDR_ANY ip.7:addr:INADDR_LOOPBACK
   ip.7:addr:INADDR_BROADCAST ip.7:addr:address_classes ip.7:addr:one_socket_per_address_port
   ip.7:addr:autobind_listen ip.7:addr:autobind_connect ip.7:addr:network_byte_order;
   proc socket.7:proc:rmem_max socket.7:proc:rmem_default socket.7:proc:wmem_max
   socket.7:proc:message_cost socket.7:proc:message_burst ip.7:proc:ip_nonlocal_bind
   ip.7:proc:ip_default_ttl ip.7:proc:ip_local_port_range ip.7:proc:ipfrag_high_thresh
   ip.7:proc:ipfrag_low_thresh ip.7:proc:neigh/(star);
   sections IP_PASSSEC.2const:CAVEATS IP_PASSSEC.2const:DESCRIPTION socket.7:NOTES
   socket.7:BUGS socket.7:VERSIONS ip.7:DESCRIPTION ip.7:NOTES */
START_TEST(test_must_have)
{
    static const char *const must[][2] = {
        {"socket.7:SO_RCVBUF", "sol-option"}, {"socket.7:SO_RCVBUF:2", "sol-option"},
        {"socket.7:SO_SNDBUF", "sol-option"}, {"socket.7:SO_RCVLOWAT", "sol-option"},
        {"socket.7:SO_SNDLOWAT", "sol-option"}, {"socket.7:SO_ATTACH_FILTER", "sol-option"},
        {"socket.7:SO_ATTACH_BPF", "sol-option"}, {"socket.7:SO_LINGER", "sol-option"},
        {"socket.7:SO_REUSEADDR", "sol-option"}, {"socket.7:SO_REUSEPORT", "sol-option"},
        {"socket.7:SO_PEEK_OFF", "sol-option"}, {"socket.7:SO_PEERSEC", "sol-option"},
        {"socket.7:SO_BINDTODEVICE", "sol-option"}, {"ip.7:IP_TTL", "ip-option"},
        {"ip.7:IP_TOS", "ip-option"}, {"ip.7:IP_MTU_DISCOVER", "ip-option"},
        {"ip.7:IP_PKTINFO", "ip-option"}, {"ip.7:IP_RECVERR", "ip-option"},
        {"ip.7:IP_ADD_MEMBERSHIP", "ip-option"}, {"ip.7:IP_BLOCK_SOURCE", "ip-option"},
        {"ip.7:IP_PASSSEC", "ip-option"}, {"ip.7:SO_PEERSEC", "sol-option"},
        {"socket.7:SO_PEERNAME", "undocumented-option"}, {"socket.7:SO_TIMESTAMPING", "undocumented-option"},
        {"socket.7:SO_WIFI_STATUS", "undocumented-option"}, {"socket.7:SO_NOFCS", "undocumented-option"},
        {"socket.7:SO_GET_FILTER", "undocumented-option"}, {"socket.7:SO_MAX_PACING_RATE", "undocumented-option"},
        {"socket.7:SO_BPF_EXTENSIONS", "undocumented-option"},
        {"socket.7:call:socket", "call"}, {"socket.7:call:connect", "call"}, {"socket.7:call:bind", "call"},
        {"socket.7:call:listen", "call"}, {"socket.7:call:accept", "call"}, {"socket.7:call:socketpair", "call"},
        {"socket.7:call:send", "call"}, {"socket.7:call:sendto", "call"}, {"socket.7:call:sendmsg", "call"},
        {"socket.7:call:recv", "call"}, {"socket.7:call:recvfrom", "call"}, {"socket.7:call:recvmsg", "call"},
        {"socket.7:call:poll", "call"}, {"socket.7:call:select", "call"}, {"socket.7:call:write", "call"},
        {"socket.7:call:writev", "call"}, {"socket.7:call:sendfile", "call"}, {"socket.7:call:read", "call"},
        {"socket.7:call:readv", "call"}, {"socket.7:call:getsockname", "call"},
        {"socket.7:call:getpeername", "call"}, {"socket.7:call:getsockopt", "call"},
        {"socket.7:call:setsockopt", "call"}, {"socket.7:call:ioctl", "call"}, {"socket.7:call:close", "call"},
        {"socket.7:call:shutdown", "call"}, {"socket.7:call:pread", "call"}, {"socket.7:call:pwrite", "call"},
        {"socket.7:nonblock", "call"}, {"socket.7:async", "call"},
        {"socket.7:poll:POLLIN", "poll"}, {"socket.7:poll:POLLHUP", "poll"}, {"socket.7:poll:POLLHUP:2", "poll"},
        {"socket.7:poll:POLLHUP:3", "poll"}, {"socket.7:poll:POLLOUT", "poll"}, {"socket.7:poll:POLLERR", "poll"},
        {"socket.7:poll:POLLPRI", "poll"},
        {"socket.7:ioctl:SIOCGSTAMP", "ioctl"}, {"socket.7:ioctl:SIOCSPGRP", "ioctl"},
        {"socket.7:ioctl:FIOASYNC", "ioctl"}, {"socket.7:ioctl:SIOCGPGRP", "ioctl"},
        {"socket.7:fcntl:FIOGETOWN", "fcntl"}, {"socket.7:fcntl:FIOSETOWN", "fcntl"},
        {"socket.7:signal:SIGPIPE", "signal"}, {"socket.7:signal:SIGIO", "signal"},
        {"socket.7:addr:sockaddr", "address"}, {"socket.7:addr:sockaddr_storage", "address"},
        {"ip.7:addr:sin_family", "address"}, {"ip.7:addr:sin_port", "address"},
        {"ip.7:addr:privileged_ports", "address"}, {"ip.7:addr:INADDR_ANY", "address"},
        {"ip.7:addr:INADDR_LOOPBACK", "address"}, {"ip.7:addr:INADDR_BROADCAST", "address"},
        {"ip.7:addr:address_classes", "address"}, {"ip.7:addr:one_socket_per_address_port", "address"},
        {"ip.7:addr:autobind_listen", "address"}, {"ip.7:addr:autobind_connect", "address"},
        {"ip.7:addr:network_byte_order", "address"},
        {"socket.7:proc:rmem_max", "proc"}, {"socket.7:proc:rmem_default", "proc"},
        {"socket.7:proc:wmem_max", "proc"}, {"socket.7:proc:message_cost", "proc"},
        {"socket.7:proc:message_burst", "proc"}, {"ip.7:proc:ip_nonlocal_bind", "proc"},
        {"ip.7:proc:ip_default_ttl", "proc"}, {"ip.7:proc:ip_local_port_range", "proc"},
        {"ip.7:proc:ipfrag_high_thresh", "proc"}, {"ip.7:proc:ipfrag_low_thresh", "proc"},
        {"ip.7:proc:neigh/*", "proc"},
        {"IP_PASSSEC.2const:CAVEATS", "section"}, {"IP_PASSSEC.2const:DESCRIPTION", "section"},
        {"socket.7:NOTES", "section"}, {"socket.7:BUGS", "section"}, {"socket.7:VERSIONS", "section"},
        {"ip.7:DESCRIPTION", "section"}, {"ip.7:NOTES", "section"},
    };
    size_t i;
    ck_assert_uint_ge(sizeof must / sizeof must[0], 60);
    for (i = 0; i < sizeof must / sizeof must[0]; i++) {
        const struct cat_row *r = find(must[i][0]);
        ck_assert_msg(r != NULL, "missing clause %s", must[i][0]);
        ck_assert_msg(strcmp(r->col[1], must[i][1]) == 0, "%s has kind %s, expected %s",
                      must[i][0], r->col[1], must[i][1]);
    }
}
END_TEST

/* Recovered entries: ip.7:proc:ip_nonlocal_bind ip.7:proc:ip_forward ip.7:proc:ip_always_defrag
   ip.7:DESCRIPTION ip.7:ERRORS (lost heads), ip.7:IP_BLOCK_SOURCE and its sentence
   ip.7:IP_BLOCK_SOURCE:2 (lost words), ip.7:IP_BLOCK_SOURCE:3 and ip.7:IP_TTL (nothing lost). */
START_TEST(test_recovered)
{
    static const char *const lost[] = {"ip.7:proc:ip_nonlocal_bind", "ip.7:proc:ip_forward",
        "ip.7:proc:ip_always_defrag", "ip.7:DESCRIPTION", "ip.7:ERRORS",
        "ip.7:IP_BLOCK_SOURCE", "ip.7:IP_BLOCK_SOURCE:2"};
    size_t i;
    int n = 0;
    for (i = 0; i < sizeof lost / sizeof lost[0]; i++) {
        const struct cat_row *r = find(lost[i]);
        ck_assert_msg(r != NULL, "missing %s", lost[i]);
        ck_assert_msg(strstr(r->col[5], "recovered") != NULL, "%s not marked recovered", lost[i]);
    }
    ck_assert_str_eq(find("ip.7:IP_BLOCK_SOURCE:3")->col[5], "-");
    ck_assert_str_eq(find("ip.7:IP_TTL")->col[5], "-");
    ck_assert(strstr(find("ip.7:proc:ip_nonlocal_bind")->col[5], "name recovered") != NULL);
    for (i = 0; i < (size_t)nrows; i++)
        if (strcmp(rows[i].col[5], "-") != 0 && strcmp(rows[i].col[6], "1") == 0)
            n++;
    ck_assert_int_eq(n, 37); /* recovered clause heads */
}
END_TEST

/* Provenance and rule numbers: socket.7:SO_RCVBUF (both editions), socket.7:SO_RCVBUF:2
   (5.11 lines only), socket.7:SO_PEERSEC (5.11 only), socket.7:SO_RXQ_OVFL (documented in
   5.11, FIXME list in 2013), ip.7:IP_TTL; every sentence row's rule matches its ID suffix. */
START_TEST(test_provenance_and_rules)
{
    const struct cat_row *r = find("socket.7:SO_RCVBUF");
    int i;
    ck_assert_ptr_nonnull(r);
    ck_assert(strstr(r->col[4], "socket.7@5.11:socket.7-5.11.txt:") == r->col[4]);
    ck_assert(strstr(r->col[4], ";socket.7@2013-06-21:socket.7-2013.roff.txt:") != NULL);
    r = find("socket.7:SO_RCVBUF:2");
    ck_assert_str_eq(r->col[6], "2");
    ck_assert(strchr(r->col[4], ';') == NULL);
    ck_assert(strstr(find("socket.7:SO_PEERSEC")->col[4], "2013") == NULL);
    ck_assert_str_eq(find("socket.7:SO_RXQ_OVFL")->col[1], "sol-option");
    ck_assert(strstr(find("socket.7:SO_RXQ_OVFL")->col[4], "2013-06-21") != NULL);
    ck_assert(strstr(find("ip.7:IP_TTL")->col[4], "ip.7@2020-11-01:ip.7.txt:") != NULL);
    for (i = 0; i < nrows; i++) {
        int rule = atoi(rows[i].col[6]);
        const char *colon = strrchr(rows[i].col[0], ':');
        ck_assert_int_ge(rule, 1);
        if (rule > 1)
            ck_assert_msg(atoi(colon + 1) == rule, "%s has rule %d", rows[i].col[0], rule);
        if (rule > 1)
            ck_assert_msg(strcmp(rows[i].col[1], "section") != 0 && strcmp(rows[i].col[1], "undocumented-option") != 0,
                          "%s: narrative clauses have no sentence rows", rows[i].col[0]);
    }
}
END_TEST

/* Order and uniqueness: all IDs distinct and sorted (a sentence row follows its head:
   socket.7:SO_RCVBUF, socket.7:SO_RCVBUF:2 ... before socket.7:SO_RCVBUFFORCE). */
START_TEST(test_order)
{
    int i;
    load();
    for (i = 1; i < nrows; i++)
        ck_assert_msg(strcmp(rows[i - 1].col[0], rows[i].col[0]) != 0, "duplicate %s", rows[i].col[0]);
    for (i = 0; i < nrows && strcmp(rows[i].col[0], "socket.7:SO_RCVBUF") != 0; i++)
        ;
    ck_assert_int_lt(i + 4, nrows);
    ck_assert_str_eq(rows[i + 1].col[0], "socket.7:SO_RCVBUF:2");
    ck_assert_str_eq(rows[i + 3].col[0], "socket.7:SO_RCVBUF:4");
    ck_assert_str_eq(rows[i + 4].col[0], "socket.7:SO_RCVBUFFORCE");
}
END_TEST

Suite *suite_catalogue(void)
{
    Suite *s = suite_create("catalogue");
    TCase *tc = tcase_create("catalogue");
    tcase_add_test(tc, test_total);
    tcase_add_test(tc, test_kinds);
    tcase_add_test(tc, test_must_have);
    tcase_add_test(tc, test_recovered);
    tcase_add_test(tc, test_provenance_and_rules);
    tcase_add_test(tc, test_order);
    suite_add_tcase(s, tc);
    return s;
}
