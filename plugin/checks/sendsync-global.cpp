//===- sendsync-global.cpp - A thread reaches a global that is not Sync ---===//
//
// Strict mode. Every global is shared by all threads; a thread entry (or a
// function of this translation unit that it calls) that reads or writes one
// needs it Sync: const, _Atomic, a lock, or guarded_by. Thread-locals are
// per thread. Globals of system headers (stdout, environ) are the library's
// contract and are not judged.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

namespace {

/// Functions reached from an entry are followed this far (call depth).
constexpr unsigned MaxCallDepth = 16;

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

bool isGuarded(const VarDecl *VD) {
  return VD->hasAttr<GuardedByAttr>() || VD->hasAttr<PtGuardedByAttr>();
}

} // namespace

void checkGlobals(CheckContext &C, FindingList &Out) {
  // A strict-mode check: nothing to do unless some file is strict.
  if (!C.StrictEverywhere && C.Index.StrictFiles.empty())
    return;
  const SourceManager &SM = C.Ctx.getSourceManager();
  llvm::DenseSet<const VarDecl *> Reported;
  llvm::DenseSet<const FunctionDecl *> EntriesDone;
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (!S.EntryFn || !EntriesDone.insert(S.EntryFn).second)
      continue;
    // Breadth first over the calls, remembering how each function was
    // reached for the note.
    struct Item {
      const FunctionDecl *Fn;
      const CallExpr *Via;
      unsigned Depth;
    };
    std::vector<Item> Work{{S.EntryFn, nullptr, 0}};
    llvm::DenseSet<const FunctionDecl *> Seen{S.EntryFn};
    for (size_t I = 0; I < Work.size(); ++I) {
      Item It = Work[I];
      GlobalAccessFinder Finder;
      Finder.TraverseStmt(It.Fn->getBody());
      for (const auto &[Ref, VD] : Finder.Accesses) {
        if (Reported.count(VD) || isGuarded(VD) ||
            SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())) ||
            !C.isStrictAt(Ref->getBeginLoc()))
          continue;
        Judgement J = C.Oracle.judgeType(VD->getType(), Trait::Sync,
                                         C.Markers.pointerKind(VD));
        if (J.holds())
          continue;
        Reported.insert(VD);
        Finding F;
        F.Check = CheckId::Global;
        F.Loc = Ref->getLocation();
        F.Message = "global '" + VD->getName().str() +
                    "' is used by a thread but is not Sync";
        F.Notes.push_back(
            {VD->getLocation(), "'" + VD->getName().str() + "' " + J.Phrase});
        appendChain(F, J.Chain);
        if (It.Via)
          F.Notes.push_back({It.Via->getBeginLoc(),
                             "'" + It.Fn->getNameAsString() +
                                 "' is called by the thread's code here"});
        F.Notes.push_back(
            {S.Call->getBeginLoc(), "the thread started here runs '" +
                                        S.EntryFn->getNameAsString() + "'"});
        Out.push_back(std::move(F));
      }
      if (It.Depth >= MaxCallDepth)
        continue;
      for (const auto &[Call, Callee] : Finder.Callees)
        if (C.Index.hasUsableBody(Callee) && Seen.insert(Callee).second)
          Work.push_back({Callee, Call, It.Depth + 1});
    }
  }
}

} // namespace sendsync
