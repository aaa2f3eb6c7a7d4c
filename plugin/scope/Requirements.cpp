//===- Requirements.cpp - What a hand-off requires of its pointee ---------===//

#include "Requirements.h"

namespace sendsync {

std::optional<Trait> requiredTrait(const SpawnSite &S, const ScopeFacts &Sc) {
  const Provenance &P = S.Prov;
  if (P.Kind == Storage::Value)
    return std::nullopt;
  // One object, several threads (or the spawner too): Sync, like Arc<T>.
  if (S.Shared || P.isStatic())
    return Trait::Sync;
  if (P.transfers())
    return Trait::Send;
  // A scoped borrow of the spawner's memory: the thread gets it alone while
  // the spawner leaves it alone (thread::scope with a moved &mut).
  if (P.borrowsStack())
    return Sc.spawnerTouches() ? Trait::Sync : Trait::Send;
  // &'a T is Send when T is Sync.
  if ((P.Kind == Storage::Field || P.Kind == Storage::Parameter) &&
      P.Marked == PointerKind::Borrowed)
    return Trait::Sync;
  return std::nullopt;
}

} // namespace sendsync
