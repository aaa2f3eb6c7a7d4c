//===- CheckContext.h - What every check may read -------------------------===//
//
// Checks are small functions of facts: they read this context and append
// Findings; they never print.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKCONTEXT_H
#define SENDSYNC_CHECKCONTEXT_H

#include "ExternalSources.h"
#include "Finding.h"
#include "Markers.h"
#include "SpawnSites.h"
#include "SummaryIndex.h"
#include "ThreadScope.h"
#include "TranslationUnitIndex.h"
#include "TypeRules.h"
#include "clang/Basic/SourceManager.h"

namespace sendsync {

struct CheckContext {
  clang::ASTContext &Ctx;
  const TranslationUnitIndex &Index;
  MarkerIndex &Markers;
  TraitOracle &Oracle;
  const SpawnApiIndex &Apis;
  ProvenanceTracer &Tracer;
  const SpawnSiteIndex &Spawns;
  const ScopeIndex &Scopes;
  /// Access summaries, computed on demand (docs/rules.md §6.1).
  SummaryIndex &Summaries;
  /// Strict mode for the whole build (the `strict` plugin argument).
  bool StrictEverywhere;
  /// Places in other units' files, for facts of the program database
  /// (null without one).
  ExternalSources *External = nullptr;
  /// The program database (program=), null without one.
  const ProgramFacts *Program = nullptr;

  /// Strict mode holds for the whole build (`strict`) or for the file that
  /// contains the SS_STRICT_FILE marker.
  bool isStrictAt(clang::SourceLocation Loc) const {
    if (StrictEverywhere)
      return true;
    if (Loc.isInvalid() || Index.StrictFiles.empty())
      return false;
    const clang::SourceManager &SM = Ctx.getSourceManager();
    return Index.StrictFiles.count(SM.getFileID(SM.getExpansionLoc(Loc)));
  }
};

/// Appends a chain of hops as notes.
/// Where a use is made: in this unit, or in another one (a summary of the
/// program database); invalid when that unit's file cannot be read here.
inline clang::SourceLocation useLoc(CheckContext &C, const ParamUse &U) {
  if (U.At)
    return U.At->getExprLoc();
  return C.External ? C.External->locate(U.External) : clang::SourceLocation();
}

inline void appendChain(Finding &F, const std::vector<Hop> &Chain) {
  for (const Hop &H : Chain)
    F.Notes.push_back({H.Loc, H.Message});
}

} // namespace sendsync

#endif // SENDSYNC_CHECKCONTEXT_H
