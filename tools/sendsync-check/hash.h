/* The cache's hash: 128 bits, as 32 hex digits. Two 64-bit FNV-1a lanes
 * with different seeds and multipliers; fast, not cryptographic (the cache
 * directory is the tool's own, see docs/ci.md "Whole program"). */
#ifndef SENDSYNC_CHECK_HASH_H
#define SENDSYNC_CHECK_HASH_H

#include <stddef.h>
#include <stdint.h>

#define SS_HASH_HEX 32 /* hex digits */

typedef struct ss_hasher {
  uint64_t a, b;
} ss_hasher;

void ss_hash_init(ss_hasher *h);
void ss_hash_bytes(ss_hasher *h, const void *data, size_t size);
/* A string with its NUL, so that "ab"+"c" differs from "a"+"bc". */
void ss_hash_str(ss_hasher *h, const char *s);
void ss_hash_hex(const ss_hasher *h, char out[SS_HASH_HEX + 1]);

/* The hash of a file's content as hex; -1 if it cannot be read. */
int ss_hash_file(const char *path, char out[SS_HASH_HEX + 1]);

#endif
