//===- WrapperHandles.cpp - What a spawn wrapper does with its thread -----===//

#include "WrapperHandles.h"
#include "Places.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace sendsync {

namespace {

/// Every reference to the handle variable, and those that are the handle
/// argument of a join, of a detach, or of the spawn itself.
class HandleUses : public RecursiveASTVisitor<HandleUses> {
public:
  HandleUses(const VarDecl *Handle, const CallExpr *Spawn,
             const SpawnApiIndex &Apis)
      : Handle(Handle), Spawn(Spawn), Apis(Apis) {}

  unsigned References = 0, Explained = 0;
  bool Joined = false, Returned = false;

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (DRE->getDecl() == Handle)
      ++References;
    return true;
  }
  /// `return thr;`: the wrapper hands the handle to its caller.
  bool VisitReturnStmt(ReturnStmt *RS) {
    const Expr *V = RS->getRetValue();
    const auto *DRE =
        V ? dyn_cast<DeclRefExpr>(V->IgnoreParenImpCasts()) : nullptr;
    if (DRE && DRE->getDecl() == Handle) {
      ++Explained;
      Returned = true;
    }
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    const JoinApi *J = Apis.join(Callee);
    bool Detach = Apis.isDetach(Callee);
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (placeOf(Call->getArg(I)).Base != Handle)
        continue;
      if (Call == Spawn) {
        ++Explained;
      } else if (J && !J->IsHandshake && J->HandleParam == I) {
        ++Explained;
        Joined = true;
      } else if (Detach && I == 0) {
        ++Explained;
      }
    }
    return true;
  }

private:
  const VarDecl *Handle;
  const CallExpr *Spawn;
  const SpawnApiIndex &Apis;
};

} // namespace

HandleFate handleFateInWrapper(const FunctionDecl *Wrapper,
                               const CallExpr *Inner, const SpawnApi &InnerApi,
                               const SpawnApiIndex &Apis) {
  if (!InnerApi.HandleParam || *InnerApi.HandleParam >= Inner->getNumArgs() ||
      !Wrapper->hasBody())
    return HandleFate::Unknown;
  Place H = placeOf(Inner->getArg(*InnerApi.HandleParam));
  const auto *VD = dyn_cast_or_null<VarDecl>(H.Base);
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
      !H.Fields.empty() || H.ThroughPointer)
    return HandleFate::Unknown;
  HandleUses Uses(VD, Inner, Apis);
  Uses.TraverseStmt(Wrapper->getBody());
  // Every reference is the spawn's, a join's, a detach's or a return's: the
  // wrapper decides, or its caller gets the handle as the call's result.
  // Any other use (stored, passed on) may hand it out.
  if (Uses.References != Uses.Explained || (Uses.Joined && Uses.Returned))
    return HandleFate::Unknown;
  if (Uses.Returned)
    return HandleFate::Returned;
  return Uses.Joined ? HandleFate::Joined : HandleFate::NeverJoined;
}

} // namespace sendsync
