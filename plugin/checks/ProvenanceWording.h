//===- ProvenanceWording.h - The English of where memory comes from -------===//
//
// Provenance is data (facts/Provenance.h); the checks that report it word it
// here, so a source reads the same in every message.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_PROVENANCEWORDING_H
#define SENDSYNC_CHECKS_PROVENANCEWORDING_H

#include "Provenance.h"
#include "clang/Basic/SourceManager.h"
#include <string>

namespace sendsync {

/// "heap memory from malloc at job.c:40", "a local of 'main'", "the owned
/// pointer in field 'buf'"; empty when nothing is known.
std::string describeOrigin(const Origin &O, const clang::SourceManager &SM);

/// A disagreeing source of a mixed provenance: its origin, else its storage.
std::string describeMixedSource(const MixedSource &M,
                                const clang::SourceManager &SM);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_PROVENANCEWORDING_H
