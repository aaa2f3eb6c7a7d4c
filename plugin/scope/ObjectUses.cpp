//===- ObjectUses.cpp - What a use of the borrowed object does to it ------===//

#include "ObjectUses.h"
#include "KnownCalls.h"
#include "clang/AST/Attr.h"

using namespace clang;

namespace sendsync {

namespace {

/// Parentheses and implicit casts that keep the same lvalue (no load).
bool keepsLValue(const Stmt *S) {
  if (isa<ParenExpr>(S))
    return true;
  const auto *ICE = dyn_cast<ImplicitCastExpr>(S);
  return ICE && ICE->getCastKind() != CK_LValueToRValue;
}

/// readsObject of the borrowed variable: Child is the reference with its
/// parentheses and non-reading casts, Parent its parent.
bool readsValue(const Stmt *Child, const Stmt *Parent, const ParentMap &PM) {
  // Up to the whole lvalue (x.f, x[i]): its address taken, or the target
  // of a plain assignment, is no read.
  while (Parent &&
         (isa<MemberExpr, ArraySubscriptExpr>(Parent) || keepsLValue(Parent))) {
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Parent);
        ASE && ASE->getBase()->IgnoreParenImpCasts() !=
                   cast<Expr>(Child)->IgnoreParenImpCasts())
      break; // we are the index, which is read
    Child = Parent;
    Parent = PM.getParent(Parent);
  }
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent))
    return UO->getOpcode() != UO_AddrOf;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent))
    return !(BO->getOpcode() == BO_Assign && BO->getLHS() == Child);
  return true;
}

} // namespace

bool ObjectUses::readsObject(const DeclRefExpr *Ref, bool ThroughPointer,
                             const ParentMap &PM) const {
  const Stmt *Child = Ref;
  const Stmt *Parent = PM.getParent(Child);
  while (Parent &&
         (keepsLValue(Parent) || (ThroughPointer && isa<CastExpr>(Parent)))) {
    Child = Parent;
    Parent = PM.getParent(Parent);
  }
  return ThroughPointer ? readsPointee(Child, Parent, PM)
                        : readsValue(Child, Parent, PM);
}

/// readsObject of the handed-over pointer: Child is the reference with its
/// parentheses and casts, Parent its parent.
bool ObjectUses::readsPointee(const Stmt *Child, const Stmt *Parent,
                              const ParentMap &PM) const {
  // The pointer's value is read (LValueToRValue); look at its user.
  if (const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(Parent)) {
    Child = ICE;
    Parent = PM.getParent(ICE);
    while (Parent && (isa<ParenExpr>(Parent) || isa<CastExpr>(Parent))) {
      Child = Parent;
      Parent = PM.getParent(Parent);
    }
  }
  if (!Parent)
    return false;
  if (const auto *ME = dyn_cast<MemberExpr>(Parent))
    return ME->isArrow();
  if (const auto *UO = dyn_cast<UnaryOperator>(Parent))
    return UO->getOpcode() == UO_Deref;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Parent))
    return ASE->getBase()->IgnoreParenImpCasts() ==
           cast<Expr>(Child)->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    return Callee && Call->getCallee() != Child && !Apis.spawn(Callee) &&
           !Apis.join(Callee) && !isFree(Callee);
  }
  return false;
}

bool ObjectUses::touchesOnlySyncPart(const Expr *Ref,
                                     const ParentMap &PM) const {
  const Expr *Outer = Ref;
  for (const Stmt *Parent = PM.getParent(Outer); Parent;
       Parent = PM.getParent(Parent)) {
    const Expr *Base = nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(Parent))
      Base = ME->getBase();
    else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Parent))
      Base = ASE->getBase();
    if (Base) {
      if (Base->IgnoreParenImpCasts() != Outer->IgnoreParenImpCasts())
        break;
      Outer = cast<Expr>(Parent);
      continue;
    }
    if (keepsLValue(Parent))
      continue; // decay and parentheses keep the same object
    break;
  }
  return Oracle.isSyncPart(Outer);
}

} // namespace sendsync
