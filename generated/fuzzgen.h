/*3:*/
#line 86 "web/fuzzgen.w"

#ifndef FUZZGEN_H
#define FUZZGEN_H
#include <stdbool.h> 
#include <stddef.h> 
#include <stdint.h> 
#include "sockscript.h"
/*4:*/
#line 107 "web/fuzzgen.w"

typedef struct{
uint64_t state;
const uint8_t*bytes;
size_t len,pos;
}fg_rand;

/*:4*//*8:*/
#line 182 "web/fuzzgen.w"

typedef struct{
char name[40];
char level[12];
char type[16];
char clause[160];
bool get,set;
long long lo,hi;
bool ranged;
}fg_option;
#define FG_NTUNABLES 40
typedef struct{
fg_option*opt;
int n;
char defaults[FG_NTUNABLES][64];
bool have_default[FG_NTUNABLES];
}fg_options;

/*:8*//*18:*/
#line 360 "web/fuzzgen.w"

#define FG_NFD 1024 
#define FG_NFILES 64
typedef struct fg_gen fg_gen;
struct fg_gen{
fg_rand*r;
const fg_options*opts;
const bool*enabled;
ss_buf*out;
int fd[FG_NFD];
bool used[FG_NFD];
struct fg_file*file;
int highest;
int bound[8],nbound;
int last_port;
bool root;
bool saved_root;
bool cap_raw;
bool cap_admin;
bool cap_setuid;
bool ping_ok;
long ping_range[2];
bool optmem_written;
bool wrote[FG_NTUNABLES];
int lines;
};

/*:18*/
#line 93 "web/fuzzgen.w"

/*5:*/
#line 114 "web/fuzzgen.w"

void fg_seed(fg_rand*r,uint64_t seed);
void fg_from_bytes(fg_rand*r,const uint8_t*bytes,size_t len);
uint32_t fg_below(fg_rand*r,uint32_t n);
uint32_t fg_bits32(fg_rand*r);
bool fg_exhausted(const fg_rand*r);

/*:5*//*9:*/
#line 200 "web/fuzzgen.w"

int fg_load_options(const char*path,fg_options*t);
void fg_free_options(fg_options*t);
const fg_option*fg_find_option(const fg_options*t,bool sol_socket,long long value);

/*:9*//*19:*/
#line 387 "web/fuzzgen.w"

void fg_init(fg_gen*g,fg_rand*r,const fg_options*opts,const bool*enabled,ss_buf*out);
void fg_free(fg_gen*g);
void fg_begin(fg_gen*g,bool root);

/*:19*//*75:*/
#line 1826 "web/fuzzgen.w"

void fg_sequence(fg_gen*g,int nlines);
void fg_close_all(fg_gen*g);
void fg_restore(fg_gen*g);

/*:75*//*79:*/
#line 1896 "web/fuzzgen.w"

void fg_probe_sockref(const fg_options*opts,bool*enabled);

/*:79*/
#line 94 "web/fuzzgen.w"

#endif
#line 96 "web/fuzzgen.w"

/*:3*/
