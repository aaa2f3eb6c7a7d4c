#include "fingerprint.h"

#include <stdio.h>
#include <string.h>

uint64_t ss_fnv1a(uint64_t hash, const void *data, size_t size) {
  const unsigned char *p = data;
  for (size_t i = 0; i < size; i++) {
    hash ^= p[i];
    hash *= UINT64_C(0x100000001b3);
  }
  return hash;
}

/* Each field is hashed with its terminating NUL, so "ab"+"c" != "a"+"bc". */
static uint64_t field(uint64_t hash, const char *s) {
  return ss_fnv1a(hash, s, strlen(s) + 1);
}

static uint64_t hash_finding(uint64_t hash, const ss_finding *f,
                             const char *file, unsigned occurrence) {
  hash = field(hash, "sendsync-fingerprint-v1");
  hash = field(hash, f->check);
  hash = field(hash, file);
  hash = field(hash, f->message);
  for (size_t i = 0; i < f->note_count; i++)
    hash = field(hash, f->notes[i].message);
  char occ[16];
  snprintf(occ, sizeof occ, "%u", occurrence);
  return field(hash, occ);
}

void ss_fingerprint(const ss_finding *finding, const char *relative_file,
                    unsigned occurrence, char out[SS_FINGERPRINT_LEN + 1]) {
  /* Two independent 64-bit hashes (different seeds) make 128 bits. */
  uint64_t a = hash_finding(SS_FNV_OFFSET, finding, relative_file, occurrence);
  uint64_t b = hash_finding(SS_FNV_OFFSET ^ UINT64_C(0x9e3779b97f4a7c15),
                            finding, relative_file, occurrence);
  snprintf(out, SS_FINGERPRINT_LEN + 1, "%016llx%016llx", (unsigned long long)a,
           (unsigned long long)b);
}
