/* Stable fingerprints of findings, for baselines and SARIF's
 * partialFingerprints.
 *
 * A fingerprint hashes what identifies a finding independently of where it
 * sits in the file: the check id, the file (relative to the project root),
 * the message, and the notes' messages. Line and column are left out, so an
 * edit that moves the finding up or down keeps its fingerprint; changing the
 * message (a renamed field or type) makes it a new finding. */
#ifndef SENDSYNC_FINGERPRINT_H
#define SENDSYNC_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "findings.h"

#define SS_FINGERPRINT_LEN 32 /* hex digits (128 bits) */

/* FNV-1a 64-bit, continuing from `hash` (start with SS_FNV_OFFSET). */
#define SS_FNV_OFFSET UINT64_C(0xcbf29ce484222325)
uint64_t ss_fnv1a(uint64_t hash, const void *data, size_t size);

/* Writes SS_FINGERPRINT_LEN hex digits and a NUL into out.
 * `relative_file` is the finding's file as reported (relative to the root
 * when it lies under it); `occurrence` distinguishes otherwise identical
 * findings in one file (0 for the first, 1 for the next, ...). */
void ss_fingerprint(const ss_finding *finding, const char *relative_file,
                    unsigned occurrence, char out[SS_FINGERPRINT_LEN + 1]);

#endif
