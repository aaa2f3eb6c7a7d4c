//===- JoinHelpers.cpp - Functions of this TU that join a parameter -------===//

#include "JoinHelpers.h"
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
  JoinHelperMap JoinHelpers;
  for (const TranslationUnitIndex::Call &C : Index.Calls) {
    const JoinApi *J = Apis.join(C.Callee);
    if (!J || J->IsHandshake || J->HandleParam >= C.Expr->getNumArgs())
      continue;
    if (std::optional<unsigned> I =
            handleParam(C.Expr->getArg(J->HandleParam), C.Caller))
      JoinHelpers.try_emplace(C.Caller->getCanonicalDecl(), *I);
  }
  // A helper that passes its parameter on to a join helper joins it too;
  // each round adds at least one function, so this ends.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const TranslationUnitIndex::Call &C : Index.Calls) {
      auto It = JoinHelpers.find(C.Callee->getCanonicalDecl());
      if (It == JoinHelpers.end() || It->second >= C.Expr->getNumArgs() ||
          JoinHelpers.count(C.Caller->getCanonicalDecl()))
        continue;
      if (std::optional<unsigned> I =
              handleParam(C.Expr->getArg(It->second), C.Caller)) {
        JoinHelpers.try_emplace(C.Caller->getCanonicalDecl(), *I);
        Changed = true;
      }
    }
  }
  return JoinHelpers;
}

} // namespace sendsync
