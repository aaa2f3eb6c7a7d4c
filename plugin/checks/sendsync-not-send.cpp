//===- sendsync-not-send.cpp - A non-Send object handed to a thread -------===//
//
// Heap memory and owned pointers move to the thread they are handed to; a
// scoped borrow that the spawner leaves alone is lent to it. Both require
// Send of the pointee (RULES.md §2). Default mode reports only chains that
// end at an explicit cause (a not_send marker, a borrowed pointer, a
// thread-affine type); strict mode reports all, and sendsync-unknown where
// the answer cannot be proven. The logic is shared with sendsync-not-sync
// in SpawnTraits.cpp.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "SpawnTraits.h"

namespace sendsync {

void checkNotSend(CheckContext &C, FindingList &Out) {
  checkSpawnTrait(C, Trait::Send, Out);
}

} // namespace sendsync
