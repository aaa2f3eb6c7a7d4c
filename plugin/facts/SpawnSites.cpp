//===- SpawnSites.cpp - The places where data crosses into another thread -===//

#include "SpawnSites.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

using namespace clang;

namespace sendsync {

namespace {

/// The innermost loop of the function that contains S.
const Stmt *enclosingLoop(const Stmt *S, const ParentMap &PM) {
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
    if (isLoop(P))
      return P;
  return nullptr;
}

bool declaredIn(const ValueDecl *D, const Stmt *Loop, const SourceManager &SM) {
  // A local declared inside the loop's source range is made anew in each
  // iteration (ParentMap has no parents for declarations).
  // The body, not the whole loop: a for-init variable lives across all
  // iterations.
  const Stmt *Body = Loop;
  if (const auto *FS = dyn_cast<ForStmt>(Loop))
    Body = FS->getBody();
  else if (const auto *WS = dyn_cast<WhileStmt>(Loop))
    Body = WS->getBody();
  else if (const auto *DS = dyn_cast<DoStmt>(Loop))
    Body = DS->getBody();
  SourceRange R = Body->getSourceRange();
  SourceLocation L = D->getLocation();
  return R.isValid() && L.isValid() &&
         !SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
         !SM.isBeforeInTranslationUnit(R.getEnd(), L);
}

/// The identity of the object a site hands over, for "the same object goes
/// to two spawns": the variable, or the allocation expression.
const void *objectIdentity(const Provenance &P) {
  if (P.Object &&
      (P.borrowsStack() || P.isStatic() || P.Kind == Storage::Parameter))
    return P.Object;
  if (P.Kind == Storage::Heap)
    return P.Source;
  return nullptr;
}

/// The site of a spawn call C of Api, with its entry, handle and provenance.
SpawnSite makeSite(const TranslationUnitIndex &Index,
                   const TranslationUnitIndex::Call &C, const SpawnApi *Api,
                   ProvenanceTracer &Tracer) {
  SpawnSite S;
  S.Call = C.Expr;
  S.Api = Api;
  S.Caller = C.Caller;
  S.Arg = C.Expr->getArg(Api->ArgParam);
  if (Api->EntryParam && *Api->EntryParam < C.Expr->getNumArgs())
    S.Entry = C.Expr->getArg(*Api->EntryParam);
  else
    S.Entry = Api->FixedEntry;
  if (S.Entry)
    if (const FunctionDecl *FD = calledFunction(S.Entry)) {
      S.EntryDecl = FD;
      if (Index.hasUsableBody(FD))
        S.EntryFn = FD;
    }
  if (!S.Entry && Api->FixedEntryDecl) // another unit's wrapper's entry
    S.EntryDecl = Api->FixedEntryDecl;
  if (Api->HandleParam && *Api->HandleParam < C.Expr->getNumArgs())
    S.Handle = C.Expr->getArg(*Api->HandleParam);
  else if (Api->HandleReturned)
    S.Handle = C.Expr;
  else if (Api->FixedHandle)
    S.Handle = Api->FixedHandle;
  S.Prov = Tracer.trace(S.Arg, C.Caller);
  return S;
}

/// Whether the object a spawn in a loop hands over is made anew in each
/// iteration: a fresh malloc, a local of the loop's body, an alloca there.
bool freshPerIteration(const SpawnSite &S, const ParentMap &PM) {
  const SourceManager &SM = S.Caller->getASTContext().getSourceManager();
  if (S.Prov.Kind == Storage::Heap && S.Prov.Source)
    return isWithin(S.Loop, S.Prov.Source, PM);
  if (S.Prov.Kind == Storage::Stack && S.Prov.Object)
    return declaredIn(S.Prov.Object, S.Loop, SM);
  if (S.Prov.Kind == Storage::Stack && !S.Prov.Object && S.Prov.Source)
    return isWithin(S.Loop, S.Prov.Source, PM); // alloca, literal
  return false;
}

/// Where an argument points into an array: &a[i], a + i, &a[i].part (one
/// rule for loops and for sites, docs/rules.md §2.7).
struct ElementRef {
  bool IsElement = false;
  /// The index, when it is a constant (&a[0]).
  std::optional<llvm::APSInt> Index;
};

ElementRef elementOf(const Expr *Arg, const ASTContext &Ctx) {
  const Expr *E = stripCasts(Arg);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(E)) // &a[2].part
    E = ME->getBase()->IgnoreParenImpCasts();
  const Expr *Index = nullptr;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    Index = ASE->getIdx();
  else if (const auto *BO = dyn_cast<BinaryOperator>(E);
           BO && BO->isAdditiveOp())
    Index =
        BO->getLHS()->getType()->isPointerType() ? BO->getRHS() : BO->getLHS();
  ElementRef R;
  if (!Index)
    return R;
  R.IsElement = true;
  Expr::EvalResult V;
  if (Index->EvaluateAsInt(V, Ctx))
    R.Index = V.Val.getInt();
  return R;
}

/// The same object in every iteration of the loop around the spawn.
void markLoopSharing(SpawnSite &S, const ParentMap &PM) {
  S.Loop = enclosingLoop(S.Call, PM);
  if (!S.Loop || S.Prov.Kind == Storage::Value)
    return;
  // An element chosen by a varying index is a different object per
  // iteration; &a[0] is the same one in every iteration.
  ElementRef El = elementOf(S.Arg, S.Caller->getASTContext());
  bool PerElement = El.IsElement && !El.Index;
  if (!freshPerIteration(S, PM) && !PerElement && objectIdentity(S.Prov)) {
    S.Shared = true;
    S.SharedByLoop = true;
    S.SharedWith = S.Loop->getBeginLoc();
  }
}

/// Which part of an array a site hands over, as a key: two sites of one
/// object hand over the same thing only when their keys are equal. The
/// whole object (""), or the same constant element (&a[0] twice); &a[0] and
/// &a[1] differ, and &a[i] matches nothing, not even &a[i] elsewhere (none).
std::optional<std::string> elementKey(const SpawnSite &S) {
  ElementRef E = elementOf(S.Arg, S.Caller->getASTContext());
  if (!E.IsElement)
    return std::string();
  if (!E.Index)
    return std::nullopt;
  // The value, whatever its width and signedness (APSInt::isSameValue).
  llvm::SmallString<24> Key("#");
  E.Index->toString(Key, 10);
  return std::string(Key);
}

/// Marks every site of the group (sites of one function that hand over the
/// same object, in index order) as shared with the first other one.
void markGroup(std::vector<SpawnSite> &Sites, llvm::ArrayRef<unsigned> Group) {
  for (unsigned A : Group) {
    SpawnSite &S = Sites[A];
    if (S.Shared)
      continue; // shared by its loop
    const SpawnSite &Other = Sites[A == Group[0] ? Group[1] : Group[0]];
    S.Shared = true;
    S.SharedWith = Other.Call->getBeginLoc();
    S.SharedSite = &Other;
  }
}

/// The same object handed to several spawns of one function: the sites are
/// grouped by function and object identity, then by element.
void markSharingAcrossSites(std::vector<SpawnSite> &Sites) {
  llvm::DenseMap<std::pair<const FunctionDecl *, const void *>,
                 llvm::SmallVector<unsigned, 2>>
      ByObject;
  for (unsigned I = 0, N = Sites.size(); I < N; ++I)
    if (const void *Id = objectIdentity(Sites[I].Prov))
      ByObject[{Sites[I].Caller, Id}].push_back(I);
  for (const auto &KV : ByObject) {
    if (KV.second.size() < 2)
      continue;
    llvm::StringMap<llvm::SmallVector<unsigned, 2>> ByElement;
    llvm::SmallVector<llvm::SmallVector<unsigned, 2> *, 2> Groups;
    for (unsigned I : KV.second)
      if (std::optional<std::string> Key = elementKey(Sites[I])) {
        auto [It, New] = ByElement.try_emplace(*Key);
        if (New)
          Groups.push_back(&It->second);
        It->second.push_back(I);
      }
    for (const llvm::SmallVector<unsigned, 2> *G : Groups)
      if (G->size() >= 2)
        markGroup(Sites, *G);
  }
}

} // namespace

SpawnSiteIndex SpawnSiteIndex::build(const TranslationUnitIndex &Index,
                                     const SpawnApiIndex &Apis,
                                     ProvenanceTracer &Tracer) {
  SpawnSiteIndex Out;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ParentMap>> Parents;
  for (const TranslationUnitIndex::Call &C : Index.Calls) {
    const SpawnApi *Api = Apis.spawn(C.Callee);
    if (!Api || Api->ArgParam >= C.Expr->getNumArgs())
      continue;
    // The thread-starting call inside a wrapper is not a site of its own:
    // its argument is the wrapper's parameter, judged at the wrapper's
    // callers. A parameter that says what it holds (SS_OWNED, ...) is
    // judged here too: the wrapper may have no caller in this translation
    // unit.
    const SpawnApi *Self = Apis.spawn(C.Caller);
    if (Self && Self->Forwards == C.Expr &&
        Tracer.trace(C.Expr->getArg(Api->ArgParam), C.Caller).Marked ==
            PointerKind::Raw)
      continue;
    SpawnSite S = makeSite(Index, C, Api, Tracer);
    std::unique_ptr<ParentMap> &PM = Parents[C.Caller];
    if (!PM)
      PM = std::make_unique<ParentMap>(C.Caller->getBody());
    markLoopSharing(S, *PM);
    Out.Sites.push_back(std::move(S));
  }
  // In source order, whatever the order the calls were indexed in (ties,
  // such as two calls in one macro expansion, keep their indexed order).
  if (!Out.Sites.empty()) {
    const SourceManager &SM =
        Out.Sites.front().Caller->getASTContext().getSourceManager();
    llvm::stable_sort(Out.Sites, [&](const SpawnSite &A, const SpawnSite &B) {
      SourceLocation LA = SM.getExpansionLoc(A.Call->getBeginLoc());
      SourceLocation LB = SM.getExpansionLoc(B.Call->getBeginLoc());
      return LA != LB && SM.isBeforeInTranslationUnit(LA, LB);
    });
  }
  markSharingAcrossSites(Out.Sites);
  return Out;
}

} // namespace sendsync
