//===- JoinHelpers.h - Functions of this TU that join a parameter ---------===//
//
// docs/rules.md §3: a function of this translation unit that joins (or
// detaches) the handle it gets as a parameter, directly or by passing it on
// to another such function, ends the thread's scope at its callers' call.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_JOINHELPERS_H
#define SENDSYNC_FACTS_JOINHELPERS_H

#include "SpawnApis.h"
#include "TranslationUnitIndex.h"
#include "llvm/ADT/DenseMap.h"

namespace sendsync {

/// Join helpers (canonical declarations) -> the index of the parameter
/// they join.
using JoinHelperMap = llvm::DenseMap<const clang::FunctionDecl *, unsigned>;

/// Finds the join helpers of a translation unit, to a fixpoint.
JoinHelperMap findJoinHelpers(const TranslationUnitIndex &Index,
                              const SpawnApiIndex &Apis);

} // namespace sendsync

#endif // SENDSYNC_FACTS_JOINHELPERS_H
