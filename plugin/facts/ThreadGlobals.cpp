//===- ThreadGlobals.cpp - The globals a thread's code touches ------------===//

#include "ThreadGlobals.h"
#include "BuiltinTypes.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

namespace {

/// The global an assignment's target is, or a part of: through fields
/// (not `->`) and subscripts of arrays (not pointers).
const DeclRefExpr *writtenGlobal(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE;
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType())
        return nullptr;
      E = Base;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// A lock, condition, semaphore, barrier or atomic (by its typedef name, or
/// `_Atomic`).
bool isSyncObject(QualType T) {
  return T->isAtomicType() || typedefChainIs(T, [](BuiltinKind K) {
           return K == BuiltinKind::SyncObject || K == BuiltinKind::Atomic;
         });
}

class GlobalAccessFinder : public RecursiveASTVisitor<GlobalAccessFinder> {
public:
  // sizeof, _Alignof and typeof read nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const DeclRefExpr *DRE = writtenGlobal(BO->getLHS()))
        Written.insert(DRE);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      if (const DeclRefExpr *DRE = writtenGlobal(UO->getSubExpr()))
        Written.insert(DRE);
    if (UO->getOpcode() == UO_AddrOf &&
        isSyncObject(UO->getSubExpr()->getType()))
      if (const DeclRefExpr *DRE = writtenGlobal(UO->getSubExpr()))
        Synchronising.insert(DRE);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage() && VD->getTLSKind() == VarDecl::TLS_None)
        Out.Uses.push_back({DRE, VD, false, isSyncObject(VD->getType())});
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    if (const FunctionDecl *Def = Callee->getDefinition();
        Def && Def->hasBody())
      Out.Defined.push_back({Call, Def});
    else
      Out.Undefined.push_back({Call, Callee->getCanonicalDecl()});
    return true;
  }
  FunctionGlobals Out;
  llvm::DenseSet<const DeclRefExpr *> Written, Synchronising;
};

} // namespace

const FunctionGlobals &ThreadGlobalsCache::of(const FunctionDecl *FD) {
  auto [It, New] = Done.try_emplace(FD);
  if (New) {
    GlobalAccessFinder Finder;
    Finder.TraverseStmt(FD->getBody());
    for (FunctionGlobals::Use &U : Finder.Out.Uses) {
      U.Write = Finder.Written.count(U.Ref);
      U.Sync |= Finder.Synchronising.count(U.Ref) > 0;
    }
    It->second = std::move(Finder.Out);
  }
  return It->second;
}

ThreadCode threadCodeFrom(const TranslationUnitIndex &Index,
                          const FunctionDecl *Entry, ThreadGlobalsCache &Cache,
                          const llvm::DenseSet<const FunctionDecl *> *Only) {
  ThreadCode Out;
  struct Item {
    const FunctionDecl *Fn;
    const CallExpr *Via;
    unsigned Depth;
  };
  // Breadth first over the calls, remembering how each function was
  // reached.
  std::vector<Item> Work{{Entry, nullptr, 0}};
  llvm::DenseSet<const FunctionDecl *> Seen{Entry};
  for (size_t I = 0; I < Work.size(); ++I) {
    Item It = Work[I];
    Out.Reached.push_back({It.Fn, It.Depth});
    const FunctionGlobals &G = Cache.of(It.Fn);
    for (const FunctionGlobals::Use &U : G.Uses)
      Out.Globals.push_back({U.Ref, U.Global, It.Fn, It.Via, U.Write, U.Sync});
    for (const auto &[Call, Callee] : G.Undefined)
      if (Callee->getIdentifier() && Callee->hasExternalFormalLinkage())
        Out.Calls.push_back({Call, Callee, It.Fn, It.Via});
    if (It.Depth >= MaxGlobalCallDepth)
      continue;
    for (const auto &[Call, Callee] : G.Defined)
      if (Index.hasUsableBody(Callee) && (!Only || Only->count(Callee)) &&
          Seen.insert(Callee).second)
        Work.push_back({Callee, Call, It.Depth + 1});
  }
  return Out;
}

llvm::DenseSet<const FunctionDecl *>
functionsReaching(const TranslationUnitIndex &Index,
                  const llvm::DenseSet<const FunctionDecl *> &Targets) {
  llvm::DenseSet<const FunctionDecl *> Out(Targets.begin(), Targets.end());
  llvm::SmallVector<const FunctionDecl *, 16> Work(Targets.begin(),
                                                   Targets.end());
  while (!Work.empty())
    for (unsigned I : Index.callsTo(Work.pop_back_val()))
      if (Out.insert(Index.Calls[I].Caller).second)
        Work.push_back(Index.Calls[I].Caller);
  return Out;
}

} // namespace sendsync
