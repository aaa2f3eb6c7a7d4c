//===- ScopeContext.cpp - What every scope walk of a TU shares ------------===//

#include "ScopeContext.h"
#include "KnownCalls.h"
#include "SpawnResult.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

ScopeContext::ScopeContext(ASTContext &Ctx, const TranslationUnitIndex &Index,
                           const SpawnApiIndex &Apis, TraitOracle &Oracle,
                           SummaryIndex &Summaries)
    : Ctx(Ctx), Apis(Apis), Oracle(Oracle), Summaries(Summaries),
      Uses(Apis, Oracle), JoinHelpers(findJoinHelpers(Index, Apis)) {}

namespace {

/// Local pointers initialised with `&object` and never stored to again,
/// nor their address taken.
class AliasFinder : public RecursiveASTVisitor<AliasFinder> {
public:
  llvm::DenseMap<const VarDecl *, Place> Candidates;
  llvm::DenseSet<const VarDecl *> Spoiled;

  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
        !VD->getType()->isPointerType() || !VD->getInit())
      return true;
    const auto *UO = dyn_cast<UnaryOperator>(stripCasts(VD->getInit()));
    if (!UO || UO->getOpcode() != UO_AddrOf)
      return true;
    Place P = placeOf(UO->getSubExpr());
    if (P.Base && !P.ThroughPointer && !P.Indexed)
      Candidates[VD] = P;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      spoil(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp())
      spoil(UO->getSubExpr());
    return true;
  }

private:
  void spoil(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Spoiled.insert(VD);
  }
};

} // namespace

FunctionCFG *ScopeContext::cfgOf(const FunctionDecl *FD) {
  if (CFGFunction == FD)
    return CurrentCFG->Graph ? CurrentCFG.get() : nullptr;
  CFGFunction = FD;
  CurrentCFG = std::make_unique<FunctionCFG>();
  FunctionCFG &G = *CurrentCFG;
  CFG::BuildOptions Opts;
  Opts.AddLifetime = true;
  // Every sub-expression is an element: writes inside larger expressions
  // (use(n++)) and reads are seen where they happen.
  Opts.setAllAlwaysAdd();
  Opts.PruneTriviallyFalseEdges = true;
  G.Graph = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (!G.Graph)
    return nullptr;
  G.Parents = std::make_unique<ParentMap>(FD->getBody());
  AliasFinder Aliases;
  Aliases.TraverseStmt(FD->getBody());
  for (const auto &[VD, P] : Aliases.Candidates)
    if (!Aliases.Spoiled.count(VD))
      G.StableAliases[VD] = P;
  for (const CFGBlock *B : *G.Graph)
    for (unsigned I = 0; I < B->size(); ++I)
      if (std::optional<CFGStmt> CS = (*B)[I].getAs<CFGStmt>()) {
        G.Where.try_emplace(CS->getStmt(), B, I);
        if (const auto *Call = dyn_cast<CallExpr>(CS->getStmt()))
          if (const FunctionDecl *Callee = Call->getDirectCallee())
            if (Apis.join(Callee) || Apis.isDetach(Callee) ||
                syncOpOf(Callee).value_or(SyncOp::Signal) != SyncOp::Signal ||
                JoinHelpers.count(Callee->getCanonicalDecl()) ||
                detachedAttributes(Call, Ctx))
              G.ScopeCalls.push_back(Call);
      }
  return &G;
}

std::optional<JoinedPlace>
ScopeContext::joinedPlace(const CallExpr *Call, bool AcceptHandshakes) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  if (const JoinApi *J = Apis.join(Callee)) {
    if (J->IsHandshake && !AcceptHandshakes)
      return std::nullopt;
    if (J->HandleParam >= Call->getNumArgs())
      return std::nullopt;
    return JoinedPlace{resolveAlias(placeOf(Call->getArg(J->HandleParam))),
                       J->IsHandshake};
  }
  auto It = JoinHelpers.find(Callee->getCanonicalDecl());
  if (It != JoinHelpers.end() && It->second < Call->getNumArgs())
    return JoinedPlace{resolveAlias(placeOf(Call->getArg(It->second))), false};
  return std::nullopt;
}

Place ScopeContext::handlePlace(const SpawnSite &S, const ParentMap &PM) const {
  if (!S.Handle)
    return Place();
  if (S.Handle != S.Call)
    return placeOf(S.Handle);
  ResultStore R = resultStore(S.Call, PM);
  if (R.Assigned)
    return placeOf(R.Assigned);
  Place Result;
  Result.Base = R.Initialised;
  return Result;
}

} // namespace sendsync
