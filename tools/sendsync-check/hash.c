#include "hash.h"

#include <stdio.h>
#include <string.h>

void ss_hash_init(ss_hasher *h) {
  h->a = UINT64_C(0xcbf29ce484222325);
  h->b = UINT64_C(0x84222325cbf29ce4) ^ UINT64_C(0x9e3779b97f4a7c15);
}

void ss_hash_bytes(ss_hasher *h, const void *data, size_t size) {
  const unsigned char *p = data;
  uint64_t a = h->a, b = h->b;
  for (size_t i = 0; i < size; i++) {
    a = (a ^ p[i]) * UINT64_C(0x100000001b3);
    b = (b ^ p[i]) * UINT64_C(0x9e3779b97f4a7c13);
    b ^= b >> 29;
  }
  h->a = a;
  h->b = b;
}

void ss_hash_str(ss_hasher *h, const char *s) {
  ss_hash_bytes(h, s, strlen(s) + 1);
}

void ss_hash_hex(const ss_hasher *h, char out[SS_HASH_HEX + 1]) {
  snprintf(out, SS_HASH_HEX + 1, "%016llx%016llx", (unsigned long long)h->a,
           (unsigned long long)h->b);
}

int ss_hash_file(const char *path, char out[SS_HASH_HEX + 1]) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return -1;
  ss_hasher h;
  ss_hash_init(&h);
  unsigned char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    ss_hash_bytes(&h, buf, n);
  int failed = ferror(f);
  fclose(f);
  if (failed)
    return -1;
  ss_hash_hex(&h, out);
  return 0;
}
