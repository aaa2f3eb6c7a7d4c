//===- JoinHelpers.cpp - Functions of this TU that join a parameter -------===//

#include "JoinHelpers.h"
#include "CallerFacts.h"
#include "Places.h"

using namespace clang;

namespace sendsync {

/// The parameter of Caller that the handle argument H is, if any.
static std::optional<unsigned> handleParam(const Expr *H,
                                           const FunctionDecl *Caller) {
  Place P = placeOf(H);
  if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(P.Base))
    if (PVD->getDeclContext() == Caller)
      return PVD->getFunctionScopeIndex();
  return std::nullopt;
}

JoinHelperMap findJoinHelpers(const TranslationUnitIndex &Index,
                              const SpawnApiIndex &Apis) {
  // Other units' join helpers (program database) join here too.
  JoinHelperMap JoinHelpers = Apis.programJoinHelpers();
  for (const TranslationUnitIndex::Call &C : Index.Calls) {
    const JoinApi *J = Apis.join(C.Callee);
    if (!J || J->IsHandshake || J->HandleParam >= C.Expr->getNumArgs())
      continue;
    if (std::optional<unsigned> I =
            handleParam(C.Expr->getArg(J->HandleParam), C.Caller))
      JoinHelpers.try_emplace(C.Caller->getCanonicalDecl(), *I);
  }
  // A helper that passes its parameter on to a join helper joins it too:
  // learnt as the fixpoint over the calls in index order would.
  llvm::SmallVector<const FunctionDecl *, 16> Direct;
  for (const auto &KV : JoinHelpers)
    Direct.push_back(KV.first);
  propagateToCallers(Index, Direct, [&](const TranslationUnitIndex::Call &C) {
    unsigned Param = JoinHelpers.find(C.Callee->getCanonicalDecl())->second;
    if (Param >= C.Expr->getNumArgs())
      return false;
    std::optional<unsigned> I = handleParam(C.Expr->getArg(Param), C.Caller);
    if (I)
      JoinHelpers.try_emplace(C.Caller->getCanonicalDecl(), *I);
    return I.has_value();
  });
  return JoinHelpers;
}

} // namespace sendsync
