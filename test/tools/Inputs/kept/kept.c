/* Compiles, and reports its finding, only if the filter keeps every flag
 * of its compile database entry. */
#ifndef FROM_D
#error "-DFROM_D was dropped"
#endif
#ifdef GONE
#error "-UGONE was dropped"
#endif
#ifndef FROM_INCLUDE
#error "-include forced.h was dropped"
#endif
#ifndef FROM_IMACROS
#error "-imacros macros.h was dropped"
#endif
#ifndef FROM_RSP
#error "-DFROM_RSP in flags.rsp was dropped"
#endif
#if __STDC_VERSION__ != 199901L
#error "-std=c99 was dropped"
#endif
#include <sendsync.h>
#include "types.h"
#include <sys_types.h>

struct SS_SYNC counter {
  count_t hits;
  sys_word_t word;
};
