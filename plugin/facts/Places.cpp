//===- Places.cpp - An object as a path from a declaration ----------------===//

#include "Places.h"
#include "SpawnApis.h"

using namespace clang;

namespace sendsync {

Place placeOf(const Expr *E) {
  Place P;
  llvm::SmallVector<const FieldDecl *, 2> Reversed;
  E = stripCasts(E);
  while (E) {
    E = stripCasts(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf) {
        E = UO->getSubExpr();
        continue;
      }
      if (UO->getOpcode() == UO_Deref) {
        P.ThroughPointer = true;
        E = UO->getSubExpr();
        continue;
      }
      return Place();
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD)
        return Place();
      Reversed.push_back(FD);
      if (ME->isArrow())
        P.ThroughPointer = true;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      P.Indexed = true;
      if (!stripCasts(ASE->getBase())->getType()->isArrayType())
        P.ThroughPointer = true;
      E = ASE->getBase();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (!BO->isAdditiveOp())
        return Place();
      P.Indexed = true;
      E = BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                   : BO->getRHS();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      P.Base = DRE->getDecl();
      P.Fields.assign(Reversed.rbegin(), Reversed.rend());
      return P;
    }
    return Place();
  }
  return Place();
}

Place resolveAlias(Place P) {
  const auto *VD = dyn_cast_or_null<VarDecl>(P.Base);
  if (!VD || !P.ThroughPointer || !P.Fields.empty() || P.Indexed ||
      !VD->hasLocalStorage() || !VD->getInit())
    return P;
  const auto *UO = dyn_cast<UnaryOperator>(stripCasts(VD->getInit()));
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return P;
  Place Target = placeOf(UO);
  return Target.Base ? Target : P;
}

} // namespace sendsync
