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

/// Where a spawn that returns its handle puts it: the local it initialises
/// or is assigned to, or the join it is passed to directly
/// (`xpthread_join (xpthread_create (...))`).
class ReturnedHandle : public RecursiveASTVisitor<ReturnedHandle> {
public:
  ReturnedHandle(const CallExpr *Spawn, const SpawnApiIndex &Apis)
      : Spawn(Spawn), Apis(Apis) {}

  const VarDecl *Local = nullptr;
  bool JoinedAtOnce = false;

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getInit() && VD->getInit()->IgnoreParenImpCasts() == Spawn)
      Local = VD;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && BO->getRHS()->IgnoreParenImpCasts() == Spawn)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        Local = dyn_cast<VarDecl>(DRE->getDecl());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const JoinApi *J = Callee ? Apis.join(Callee) : nullptr;
    if (J && !J->IsHandshake && J->HandleParam < Call->getNumArgs() &&
        Call->getArg(J->HandleParam)->IgnoreParenImpCasts() == Spawn)
      JoinedAtOnce = true;
    return true;
  }

private:
  const CallExpr *Spawn;
  const SpawnApiIndex &Apis;
};

/// The local variable Inner's handle goes to, if it is one.
const VarDecl *handleLocal(const FunctionDecl *Wrapper, const CallExpr *Inner,
                           const SpawnApi &InnerApi, const SpawnApiIndex &Apis,
                           bool &JoinedAtOnce) {
  if (InnerApi.HandleReturned) {
    ReturnedHandle Finder(Inner, Apis);
    Finder.TraverseStmt(Wrapper->getBody());
    JoinedAtOnce = Finder.JoinedAtOnce;
    return Finder.Local;
  }
  if (!InnerApi.HandleParam || *InnerApi.HandleParam >= Inner->getNumArgs())
    return nullptr;
  Place H = placeOf(Inner->getArg(*InnerApi.HandleParam));
  if (!H.Fields.empty() || H.ThroughPointer)
    return nullptr;
  return dyn_cast_or_null<VarDecl>(H.Base);
}

} // namespace

HandleFate handleFateInWrapper(const FunctionDecl *Wrapper,
                               const CallExpr *Inner, const SpawnApi &InnerApi,
                               const SpawnApiIndex &Apis) {
  if (!Wrapper->hasBody())
    return HandleFate::Unknown;
  bool JoinedAtOnce = false;
  const VarDecl *VD = handleLocal(Wrapper, Inner, InnerApi, Apis, JoinedAtOnce);
  if (JoinedAtOnce)
    return HandleFate::Joined;
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
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
