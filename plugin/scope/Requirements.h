//===- Requirements.h - What a hand-off requires of its pointee -----------===//
//
// docs/rules.md §2: heap memory handed over must be Send; memory that several
// threads see (the same object to several threads, static memory, a borrow
// the spawner keeps touching) must be Sync; a scoped borrow the spawner
// leaves alone must be Send.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_REQUIREMENTS_H
#define SENDSYNC_SCOPE_REQUIREMENTS_H

#include "ScopeFacts.h"
#include "SpawnSites.h"
#include "TypeRules.h"
#include <optional>

namespace sendsync {

/// The property the site requires of its pointee, or std::nullopt when the
/// argument shares no memory or its provenance is not known.
std::optional<Trait> requiredTrait(const SpawnSite &S, const ScopeFacts &Sc);

} // namespace sendsync

#endif // SENDSYNC_SCOPE_REQUIREMENTS_H
