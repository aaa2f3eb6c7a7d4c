//===- SpawnTraits.h - Send/Sync required where data crosses threads ------===//
//
// Shared by sendsync-not-send and sendsync-not-sync (and sendsync-unknown at
// spawn sites in strict mode): which property a spawn site requires of what
// it hands over (RULES.md §2), and the report when the pointee lacks it.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_SPAWNTRAITS_H
#define SENDSYNC_CHECKS_SPAWNTRAITS_H

#include "CheckContext.h"
#include "SpawnSites.h"
#include <optional>

namespace sendsync {

/// "required because 'j' (heap memory from malloc at job.c:40) is handed
/// over to the thread started here", and the wrapper and sharing notes.
void appendSpawnNotes(Finding &F, const SpawnSite &S, Trait Required,
                      const ProvenanceTracer &Tracer);

/// Reports the sites that require P and whose pointee lacks it, as
/// sendsync-not-send / sendsync-not-sync, or sendsync-unknown in strict mode.
void checkSpawnTrait(CheckContext &C, Trait P, FindingList &Out);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_SPAWNTRAITS_H
