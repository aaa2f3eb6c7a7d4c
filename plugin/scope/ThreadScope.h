//===- ThreadScope.h - Is a spawned thread joined before its borrow dies? -===//
//
// docs/rules.md §3 on clang's CFG (with lifetime-end markers): for each spawn
// site, the paths from the spawn forward until its handle is joined. Along
// them it records where a borrowed object's storage dies (an escape), what
// the spawner does to the borrowed object (a race, or a touch that makes the
// borrow shared), and what it does to a heap object it handed over (use
// after send). Facts only (ScopeFacts.h); the checks sendsync-escape,
// sendsync-race and sendsync-use-after-send word them.
//
// The CFG is built once per function that spawns, and only for those.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_THREADSCOPE_H
#define SENDSYNC_SCOPE_THREADSCOPE_H

#include "ScopeFacts.h"
#include "ScopePolicy.h"
#include "SpawnSites.h"
#include "SummaryIndex.h"
#include "TypeRules.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace sendsync {

/// The scope facts of every spawn site of a translation unit, in the order
/// of SpawnSiteIndex::sites().
class ScopeIndex {
public:
  /// Analyses every site; PolicyAt gives the policy of the mode of the file
  /// a site is in. With Analyse false (clang stopped at a fatal error),
  /// every site keeps empty facts; so does a site whose function calls,
  /// directly or not, a function whose body a compile error touches.
  static ScopeIndex
  build(clang::ASTContext &Ctx, const TranslationUnitIndex &Index,
        const SpawnApiIndex &Apis, TraitOracle &Oracle, SummaryIndex &Summaries,
        const SpawnSiteIndex &Spawns,
        llvm::function_ref<ScopePolicy(const SpawnSite &)> PolicyAt,
        bool Analyse);

  const ScopeFacts &of(const SpawnSite &S) const;

private:
  const SpawnSiteIndex *Spawns = nullptr;
  std::vector<ScopeFacts> Facts;
};

} // namespace sendsync

#endif // SENDSYNC_SCOPE_THREADSCOPE_H
