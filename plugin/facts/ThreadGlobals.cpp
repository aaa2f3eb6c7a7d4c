//===- ThreadGlobals.cpp - The globals a thread's code touches ------------===//

#include "ThreadGlobals.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

namespace {

class GlobalAccessFinder : public RecursiveASTVisitor<GlobalAccessFinder> {
public:
  // sizeof, _Alignof and typeof read nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage() && VD->getTLSKind() == VarDecl::TLS_None)
        Accesses.push_back({DRE, VD});
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (const FunctionDecl *Def = Callee->getDefinition())
        if (Def->hasBody())
          Callees.push_back({Call, Def});
    return true;
  }
  std::vector<std::pair<const DeclRefExpr *, const VarDecl *>> Accesses;
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Callees;
};

} // namespace

std::vector<GlobalAccess> globalsReachedFrom(const TranslationUnitIndex &Index,
                                             const FunctionDecl *Entry) {
  std::vector<GlobalAccess> Out;
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
    GlobalAccessFinder Finder;
    Finder.TraverseStmt(It.Fn->getBody());
    for (const auto &[Ref, VD] : Finder.Accesses)
      Out.push_back({Ref, VD, It.Fn, It.Via});
    if (It.Depth >= MaxGlobalCallDepth)
      continue;
    for (const auto &[Call, Callee] : Finder.Callees)
      if (Index.hasUsableBody(Callee) && Seen.insert(Callee).second)
        Work.push_back({Callee, Call, It.Depth + 1});
  }
  return Out;
}

} // namespace sendsync
