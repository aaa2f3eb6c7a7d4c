//===- SpawnResult.cpp - The spawn's result and the failure branch --------===//

#include "SpawnResult.h"
#include "AstHelpers.h"
#include "KnownCalls.h"

using namespace clang;

namespace sendsync {

ResultStore resultStore(const CallExpr *Call, const ParentMap &PM) {
  const Stmt *Child = Call;
  for (const Stmt *P = PM.getParent(Child); P; P = PM.getParent(P)) {
    if (isa<ParenExpr, CastExpr>(P)) {
      Child = P;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      if (BO->getOpcode() == BO_Assign && BO->getRHS() == Child)
        return {BO->getLHS(), nullptr};
    if (const auto *DS = dyn_cast<DeclStmt>(P))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() == Child)
            return {nullptr, VD};
    break;
  }
  return {};
}

/// The variable the result of Call is stored in, if any.
const VarDecl *resultVariable(const CallExpr *Call, const ParentMap &PM) {
  ResultStore R = resultStore(Call, PM);
  if (R.Initialised)
    return R.Initialised;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
          R.Assigned ? R.Assigned->IgnoreParenImpCasts() : nullptr))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// Whether Cond tests the spawn's result: returns whether the condition is
/// true when the result is non-zero.
std::optional<bool> testsResult(const Expr *Cond, const CallExpr *Call,
                                const VarDecl *Result, ASTContext &Ctx) {
  if (!Cond)
    return std::nullopt;
  const Expr *E = stripCasts(Cond);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_LNot) {
      std::optional<bool> Inner =
          testsResult(UO->getSubExpr(), Call, Result, Ctx);
      return Inner ? std::optional<bool>(!*Inner) : std::nullopt;
    }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign)
      return testsResult(BO->getRHS(), Call, Result, Ctx);
    if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
      auto isZero = [&](const Expr *X) {
        return X->isNullPointerConstant(Ctx,
                                        Expr::NPC_ValueDependentIsNotNull) !=
               Expr::NPCK_NotNull;
      };
      const Expr *Other = isZero(BO->getRHS())   ? BO->getLHS()
                          : isZero(BO->getLHS()) ? BO->getRHS()
                                                 : nullptr;
      if (!Other)
        return std::nullopt;
      std::optional<bool> Inner = testsResult(Other, Call, Result, Ctx);
      if (!Inner)
        return std::nullopt;
      return BO->getOpcode() == BO_NE ? *Inner : !*Inner;
    }
    return std::nullopt;
  }
  if (E == Call)
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (Result && DRE->getDecl() == Result)
      return true;
  return std::nullopt;
}

} // namespace sendsync
