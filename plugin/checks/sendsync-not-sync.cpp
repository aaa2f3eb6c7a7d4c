//===- sendsync-not-sync.cpp - A non-Sync value shared between threads ----===//
//
// docs/rules.md §2: memory that several threads see at once (the same object
// handed to several threads, static memory, a borrow the spawner keeps
// touching, a borrowed pointer) must be Sync. Default mode reports only when
// the chain ends at an explicit cause (a marker, a thread-affine type).
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "SpawnVerdicts.h"

namespace sendsync {

void checkNotSync(CheckContext &C, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites())
    if (std::optional<Finding> F = traitViolation(C, S, Trait::Sync))
      Out.push_back(std::move(*F));
}

} // namespace sendsync
