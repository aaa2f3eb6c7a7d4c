//===- GlobalLockSets.h - The locks held at every use of a global ---------===//
//
// For the facts file's `globals` (docs/facts.md): for each global a
// function's code reaches (ThreadGlobals.h), the locks held at every one of
// its uses, as Eraser's lock sets are. A use holds the locks its own
// function holds there, and those held at every call that leads to that
// function from the root (a must-hold set over the calls, to a fixpoint).
// Only locks another function can name cross a call: a global lock, or one
// in a global's fields. A lock a function takes through a parameter counts
// when every call to it hands the same global one (one call up). Sync uses
// (GlobalAccess::Sync) do not count.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SUMMARY_GLOBALLOCKSETS_H
#define SENDSYNC_SUMMARY_GLOBALLOCKSETS_H

#include "SummaryIndex.h"
#include "ThreadGlobals.h"

namespace sendsync {

struct GlobalLockSet {
  /// Global locks held at every use (in no particular order).
  LockSet Held;
  /// A function on the way gave a lock to code whose effect is not known:
  /// "not held" may be wrong.
  bool Unknown = false;
};

/// By canonical declaration of the global, for the uses in Code.Globals;
/// Code is threadCodeFrom(..., Root, Cache, ...), its uses filtered at will.
llvm::DenseMap<const clang::VarDecl *, GlobalLockSet>
globalLockSets(SummaryIndex &Summaries, const clang::FunctionDecl *Root,
               ThreadGlobalsCache &Cache, const ThreadCode &Code);

} // namespace sendsync

#endif // SENDSYNC_SUMMARY_GLOBALLOCKSETS_H
