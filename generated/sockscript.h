/*3:*/
#line 122 "web/sockscript.w"

#ifndef SOCKSCRIPT_H
#define SOCKSCRIPT_H
#include <stdbool.h> 
#include <stdarg.h> 
#include <stddef.h> 
#include <stdint.h> 
#include <stdio.h> 
/*4:*/
#line 153 "web/sockscript.w"

typedef struct ss_value ss_value;
enum{SV_INT,SV_STR,SV_LIST,SV_STRUCT,SV_NULL,SV_ANY,SV_RANGE,SV_VAR,
SV_BIND,SV_INOUT,SV_UNKNOWN};
enum{SF_DEC,SF_HEX,SF_PORT,SF_ADDR,SF_U64};
enum{ND_NONE,ND_PORT,ND_TIME,ND_CPU};
struct ss_value{
int kind;
int fmt;
int cls;
int nondet;
long long i,hi;
unsigned char*s;
size_t len;
bool more;
bool neg;
int n;
ss_value**item;
const char**field;
const struct ss_struct*st;
const char*name;
ss_value*a,*b;
const char*src;
int srclen;
};

/*:4*//*5:*/
#line 184 "web/sockscript.w"

typedef struct ss_arena ss_arena;
struct ss_arena{
char*block;
size_t used,cap;
};

/*:5*//*12:*/
#line 338 "web/sockscript.w"

enum{SS_CLS_PID= 1000,SS_CLS_OPTNAME,SS_CLS_CMSGTYPE,SS_CLS_SIGNAL};

/*:12*//*18:*/
#line 435 "web/sockscript.w"

#define SS_MAXARGS 6
typedef struct ss_line ss_line;
enum{SL_BLANK,SL_COMMENT,SL_HEADER,SL_CALL};
struct ss_line{
int kind;
int lineno;
const char*text;
int len;
int call;
int nargs;
ss_value*arg[SS_MAXARGS];
ss_value*ret;
ss_value*err;
const char*comment;
int commentlen;
bool binds;
};

/*:18*//*19:*/
#line 456 "web/sockscript.w"

typedef struct ss_script ss_script;
struct ss_script{
char*name;
char*text;
size_t textlen;
ss_line*line;
int nlines;
const char**clause;
int nclauses;
bool unrecorded;
ss_arena arena;
};

/*:19*//*46:*/
#line 1118 "web/sockscript.w"

typedef struct{char*p;size_t n,cap;}ss_buf;

/*:46*//*52:*/
#line 1321 "web/sockscript.w"

#define SS_MAXVARS 32
#define SS_MAXPROC 16
typedef struct{char name[24];long long value;}ss_var;
typedef struct{
ss_var var[SS_MAXVARS];
int nvars;
int nprocs;
long long pid[SS_MAXPROC],pgrp[SS_MAXPROC];
int cur;
}ss_env;

/*:52*//*83:*/
#line 16 "web/ssexec.w"

#define SS_MAXLINES 4096
#define SS_DATA (4u << 20)
enum{RS_NOTRUN,RS_DONE,RS_MISSING,RS_BADINPUT};
typedef struct{
long long ret;
int err;
short proc;
unsigned char status;
uint32_t off[SS_MAXARGS],len[SS_MAXARGS];
}ss_raw;
typedef struct ss_outcome{
int nlines;
ss_env env;
int stopped;
char note[256];
long long eph_lo,eph_hi;
uint32_t used;
ss_raw raw[SS_MAXLINES];
unsigned char data[SS_DATA];
}ss_outcome;

/*:83*//*155:*/
#line 1813 "web/ssexec.w"

enum{SS_PASS,SS_DIVERGE,SS_MISSING,SS_NOTRUN,SS_BADINPUT,SS_UNRECORDED};
enum{SS_WHAT_RET= -1,SS_WHAT_ERR= -2,SS_WHAT_NONE= -3};

/*:155*//*162:*/
#line 1994 "web/ssexec.w"

enum{SS_OPT_CLAUSE,SS_OPT_LEVEL,SS_OPT_NAME,SS_OPT_TYPE,SS_OPT_ACCESS,SS_OPT_TYPES,
SS_OPT_RANGE,SS_OPT_CAP,SS_OPT_SETLEN,SS_OPT_SINCE,SS_OPT_HANDLER,SS_OPT_NFIELDS};
typedef struct{char*f[SS_OPT_NFIELDS];}ss_optrow;

/*:162*/
#line 130 "web/sockscript.w"

/*6:*/
#line 191 "web/sockscript.w"

void*ss_alloc(ss_arena*a,size_t n);
void ss_arena_free(ss_arena*a);
void ss_arena_reset(ss_arena*a);

/*:6*//*16:*/
#line 405 "web/sockscript.w"

bool ss_symbol(const char*name,long long*value);
const char*ss_symbol_name(const char*cls,long long value);

/*:16*//*20:*/
#line 473 "web/sockscript.w"

ss_script*ss_parse(const char*name,const char*text,size_t len,FILE*errs);
ss_script*ss_load(const char*path,FILE*errs);
void ss_free(ss_script*s);

/*:20*//*47:*/
#line 1121 "web/sockscript.w"

void ss_putc(ss_buf*b,char c);
void ss_puts(ss_buf*b,const char*s,size_t n);
void ss_printf(ss_buf*b,const char*fmt,...);
void ss_vprintf(ss_buf*b,const char*fmt,va_list ap);
void ss_print_value(ss_buf*b,const ss_value*v,bool use_source);

/*:47*//*53:*/
#line 1333 "web/sockscript.w"

bool ss_env_get(const ss_env*e,const char*name,long long*value);
bool ss_match(const ss_value*expected,const ss_value*actual,ss_env*e);

/*:53*//*60:*/
#line 1527 "web/sockscript.w"

#define SS_MAX_CPU 4095 
ss_value*ss_merge(ss_arena*a,const ss_value*expected,const ss_value*actual,
ss_env*e,long long eph_lo,long long eph_hi);

/*:60*//*74:*/
#line 350 "web/sscalls.w"

const char*ss_call_name(int call);
int ss_ncalls(void);

/*:74*//*84:*/
#line 38 "web/ssexec.w"

ss_outcome*ss_outcome_new(bool shared);
void ss_outcome_free(ss_outcome*o,bool shared);
int ss_run_sockref(ss_script*s,ss_outcome*o);
typedef void ss_line_hook(void*arg,const ss_script*s,int li,const ss_outcome*o,bool after);
int ss_run_sockref_hooked(ss_script*s,ss_outcome*o,ss_line_hook*hook,void*arg);
int ss_run_kernel(ss_script*s,ss_outcome*o,int timeout_s);
void ss_actual(ss_arena*a,const ss_script*s,int li,const ss_outcome*o,
ss_value**act,ss_value**ret,ss_value**err);

/*:84*//*156:*/
#line 1817 "web/ssexec.w"

int ss_check_line(const ss_script*s,int li,const ss_outcome*o,ss_arena*a,
ss_env*e,int*what);
void ss_print_line(ss_buf*b,const ss_script*s,int li,const ss_outcome*o,
ss_arena*a,ss_env*e);

/*:156*//*160:*/
#line 1939 "web/ssexec.w"

int ss_collect(char**paths,int npaths,char***out);

/*:160*//*163:*/
#line 1999 "web/ssexec.w"

int ss_read_options(const char*path,ss_optrow**rows);
void ss_free_options(ss_optrow*rows,int n);

/*:163*/
#line 131 "web/sockscript.w"

#endif
#line 133 "web/sockscript.w"

/*:3*/
