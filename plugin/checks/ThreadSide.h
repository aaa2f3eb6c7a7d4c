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

} // namespace sendsync

#endif // SENDSYNC_CHECKS_THREADSIDE_H
