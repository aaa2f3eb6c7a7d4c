//===- ThreadScope.cpp - The scope facts of every spawn site -------------===//

#include "ThreadScope.h"
#include "ScopeWalk.h"

using namespace clang;

namespace sendsync {

ScopeIndex
ScopeIndex::build(ASTContext &Ctx, const TranslationUnitIndex &Index,
                  const SpawnApiIndex &Apis, TraitOracle &Oracle,
                  SummaryIndex &Summaries, const SpawnSiteIndex &Spawns,
                  llvm::function_ref<ScopePolicy(const SpawnSite &)> PolicyAt,
                  bool Analyse) {
  ScopeIndex Out;
  Out.Spawns = &Spawns;
  Out.Facts.resize(Spawns.sites().size());
  if (!Analyse || Spawns.sites().empty())
    return Out;
  // Thread scope, once per site, in the mode of the site's file.
  ScopeContext Scope(Ctx, Index, Apis, Oracle, Summaries);
  for (size_t I = 0; I < Spawns.sites().size(); ++I) {
    const SpawnSite &S = Spawns.sites()[I];
    // A callee clang could not parse may join, detach or write anything:
    // the site is not judged (docs/rules.md §4.14).
    if (Index.ReachesBrokenBody.count(S.Caller))
      continue;
    Out.Facts[I] = ScopeWalk(Scope, S, PolicyAt(S)).run();
  }
  return Out;
}

const ScopeFacts &ScopeIndex::of(const SpawnSite &S) const {
  size_t I = &S - Spawns->sites().data();
  assert(I < Facts.size() && "a site of another SpawnSiteIndex");
  return Facts[I];
}

} // namespace sendsync
