//===- CallerFacts.h - Facts that callers learn from their callees --------===//
//
// Inferred spawn wrappers (SpawnApis) and join helpers (scope/ScopeContext)
// are learnt from calls: a function that forwards its parameter to a spawn
// API (or to a join helper) becomes one too. Both were once fixpoints over
// TranslationUnitIndex::Calls: rounds over every call in index order, each
// call learning from a callee known at that moment, until a round learnt
// nothing. A chain of N functions defined callers first took N rounds, so
// O(N x calls) (docs/performance.md, issue 12).
//
// propagateToCallers computes the same result, down to which call a function
// learns its fact from, with a worklist over the calls to each function:
// every call is looked at once, when its callee becomes known.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_CALLERFACTS_H
#define SENDSYNC_FACTS_CALLERFACTS_H

#include "TranslationUnitIndex.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace sendsync {

/// Replays, in O(C log C) for C calls, the fixpoint
///
///   repeat until a round learns nothing:
///     for each call X of Index.Calls, in index order:
///       if X's callee is known and X's caller is not, and Learn(X):
///         X's caller is known from now on (later calls of the same round
///         see it)
///
/// Functions are their canonical declarations. Seeds are known before the
/// first round. Learn records the caller's fact and says whether it holds;
/// it may depend only on the call and the callee's fact (never on which
/// other functions are known), and is called at most once per call.
void propagateToCallers(
    const TranslationUnitIndex &Index,
    llvm::ArrayRef<const clang::FunctionDecl *> Seeds,
    llvm::function_ref<bool(const TranslationUnitIndex::Call &)> Learn);

} // namespace sendsync

#endif // SENDSYNC_FACTS_CALLERFACTS_H
