//===- ThreadSide.h - What the thread does with what it is given ----------===//
//
// docs/rules.md §6.1: the thread's side of a hand-off is its entry
// function's access summary of the parameter that receives the argument.
// Shared by the checks that compare it with the spawner's side or with
// another thread's.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_THREADSIDE_H
#define SENDSYNC_CHECKS_THREADSIDE_H

#include "CheckContext.h"
#include <optional>

namespace sendsync {

struct ThreadSide {
  /// The entry's definition; its first parameter receives the argument.
  const clang::FunctionDecl *Entry = nullptr;
  const ParamSummary *Uses = nullptr;
};

/// The thread side of a site, when the entry is a function of this file and
/// its summary is known (unknown stays silent in the default mode).
std::optional<ThreadSide> threadSide(CheckContext &C, const SpawnSite &S);

/// The thread's free or realloc of the whole object, if it has one.
const ParamUse *threadEndsObject(const ThreadSide &T);

/// The part of the object a thread access touches, as the user writes it
/// from the spawn's argument: 'total', 's.hits', 'p->count', '*p'.
std::string partName(CheckContext &C, const SpawnSite &S, const Part &P);

/// "holding no lock", "holding 's.mu', 'g_lock'": the locks held at a
/// thread's access, named as the spawner sees them.
std::string heldText(CheckContext &C, const SpawnSite &S, const ParamUse &U);

/// The first access of the thread that may touch SpawnerPart (a part of the
/// spawner's object), where ArgPart is the part the spawn's argument points
/// to (`&c.sub` hands over c.sub); null when the thread leaves it alone.
const ParamUse *threadTouches(const ThreadSide &T, const Part &SpawnerPart,
                              const Part &ArgPart);

/// "the thread reads it here, holding no lock".
std::string threadAccessNote(CheckContext &C, const SpawnSite &S,
                             const ParamUse &U);

/// The thread's access that races with a spawner's access A: one that
/// touches an overlapping part, where one of the two writes, and no lock is
/// held by both (docs/rules.md §6.2). Null when there is none.
const ParamUse *threadConflict(const SpawnSite &S, const ThreadSide &T,
                               const SpawnerAccess &A);

/// "holding no lock", "holding 'm2', 'c.mu'": the locks the spawner holds
/// at one of its accesses.
std::string spawnerHeldText(const SpawnerAccess &A);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_THREADSIDE_H
