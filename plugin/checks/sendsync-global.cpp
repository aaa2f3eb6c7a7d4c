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
#include "ThreadGlobals.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

namespace {

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
  ThreadGlobalsCache Cache;
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (!S.EntryFn || !EntriesDone.insert(S.EntryFn).second)
      continue;
    for (const GlobalAccess &A :
         globalsReachedFrom(C.Index, S.EntryFn, Cache)) {
      const VarDecl *VD = A.Global;
      if (Reported.count(VD) || isGuarded(VD) ||
          SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())) ||
          !C.isStrictAt(A.Ref->getBeginLoc()))
        continue;
      Judgement J = C.Oracle.judgeType(VD->getType(), Trait::Sync,
                                       C.Markers.pointerKind(VD));
      if (J.holds())
        continue;
      Reported.insert(VD);
      Finding F;
      F.Check = CheckId::Global;
      F.Loc = A.Ref->getLocation();
      F.Message = "global '" + VD->getName().str() +
                  "' is used by a thread but is not Sync";
      F.Notes.push_back(
          {VD->getLocation(), "'" + VD->getName().str() + "' " + J.Phrase});
      appendChain(F, J.Chain);
      if (A.Via)
        F.Notes.push_back({A.Via->getBeginLoc(),
                           "'" + A.Fn->getNameAsString() +
                               "' is called by the thread's code here"});
      F.Notes.push_back(
          {S.Call->getBeginLoc(), "the thread started here runs '" +
                                      S.EntryFn->getNameAsString() + "'"});
      Out.push_back(std::move(F));
    }
  }
}

} // namespace sendsync
