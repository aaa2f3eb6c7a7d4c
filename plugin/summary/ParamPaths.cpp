//===- ParamPaths.cpp - Which parameter's pointee an expression reaches ---===//

#include "ParamPaths.h"
#include "AstHelpers.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

namespace {

/// The assignments to each local pointer, and the locals whose address is
/// taken.
class LocalStores : public RecursiveASTVisitor<LocalStores> {
public:
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> Stores;
  llvm::DenseSet<const VarDecl *> AddressTaken;

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
        VD->getType()->isPointerType())
      Stores[VD].push_back(VD->getInit()); // null: declared without a value
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const VarDecl *VD = localOf(BO->getLHS()))
        Stores[VD].push_back(BO->getOpcode() == BO_Assign ? BO->getRHS()
                                                          : nullptr);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      if (const VarDecl *VD = localOf(UO->getSubExpr()))
        AddressTaken.insert(VD);
    if (UO->isIncrementDecrementOp())
      if (const VarDecl *VD = localOf(UO->getSubExpr()))
        Stores[VD].push_back(nullptr); // p++ moves off the object's start
    return true;
  }

private:
  static const VarDecl *localOf(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) ? VD : nullptr;
  }
};

} // namespace

ParamPaths::ParamPaths(const FunctionDecl *Fn) : Fn(Fn) { findAliases(); }

void ParamPaths::findAliases() {
  // A local stands for a pointer parameter; without one there is nothing
  // to find (and no body walk to pay for).
  if (!Fn->hasBody() ||
      llvm::none_of(Fn->parameters(), [](const ParmVarDecl *P) {
        return P->getType()->isPointerType();
      }))
    return;
  LocalStores S;
  S.TraverseStmt(Fn->getBody());
  // Aliases of aliases: repeat until nothing is added (each round adds one
  // at least, so this ends).
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[VD, Values] : S.Stores) {
      if (Aliases.count(VD) || S.AddressTaken.count(VD))
        continue;
      std::optional<unsigned> Same;
      bool Agree = true;
      for (const Expr *V : Values) {
        std::optional<unsigned> P = V ? paramOf(V) : std::nullopt;
        if (!P || (Same && *Same != *P)) {
          Agree = false;
          break;
        }
        Same = P;
      }
      if (Agree && Same) {
        Aliases[VD] = *Same;
        Changed = true;
      }
    }
  }
}

std::optional<unsigned> ParamPaths::paramOf(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripCasts(E));
  if (!DRE)
    return std::nullopt;
  if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
    if (PVD->getDeclContext() == Fn && PVD->getType()->isPointerType())
      return PVD->getFunctionScopeIndex();
    return std::nullopt;
  }
  if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
    auto It = Aliases.find(VD);
    if (It != Aliases.end())
      return It->second;
  }
  return std::nullopt;
}

std::optional<Rooted> ParamPaths::lvalueIn(const Expr *E) const {
  llvm::SmallVector<const FieldDecl *, 2> Reversed;
  bool Indexed = false;
  const Expr *Pointer = nullptr;
  while (!Pointer) {
    E = E->IgnoreParenNoopCasts(Fn->getASTContext());
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD)
        return std::nullopt;
      Reversed.push_back(FD);
      if (ME->isArrow())
        Pointer = ME->getBase();
      else
        E = ME->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref)
        return std::nullopt;
      Pointer = UO->getSubExpr();
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      Indexed = true;
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (Base->getType()->isArrayType())
        E = Base; // an array inside the object: keep walking the lvalue
      else
        Pointer = ASE->getBase();
    } else {
      return std::nullopt;
    }
  }
  std::optional<Rooted> R = pointerInto(Pointer);
  if (!R)
    return std::nullopt;
  R->Where.Fields.append(Reversed.rbegin(), Reversed.rend());
  R->Where.Indexed |= Indexed;
  return R;
}

std::optional<Rooted> ParamPaths::pointerInto(const Expr *E) const {
  if (std::optional<unsigned> P = paramOf(E))
    return Rooted{*P, Part()};
  const Expr *S = stripCasts(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->getOpcode() == UO_AddrOf)
    return lvalueIn(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAdditiveOp()) {
    const Expr *Ptr =
        BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
    std::optional<Rooted> R = pointerInto(Ptr);
    if (R)
      R->Where.Indexed = true;
    return R;
  }
  if (isa<MemberExpr, ArraySubscriptExpr>(S) && S->getType()->isArrayType())
    return lvalueIn(S); // an array field decays to a pointer into the object
  return std::nullopt;
}

} // namespace sendsync
