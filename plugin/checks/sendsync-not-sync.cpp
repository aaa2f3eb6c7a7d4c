//===- sendsync-not-sync.cpp - A non-Sync object shared with a thread -----===//
//
// Static memory is reachable by every thread, and one object handed to
// several threads (a spawn in a loop, two spawns) or used by the spawner
// while the thread runs is shared: both require Sync of the pointee
// (RULES.md §2). Reporting follows sendsync-not-send (SpawnTraits.cpp).
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "SpawnTraits.h"

namespace sendsync {

void checkNotSync(CheckContext &C, FindingList &Out) {
  checkSpawnTrait(C, Trait::Sync, Out);
}

} // namespace sendsync
