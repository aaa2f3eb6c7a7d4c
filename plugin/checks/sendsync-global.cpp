//===- sendsync-global.cpp - A thread reaches a global that is not Sync ---===//
//
// Strict mode. Every global is shared by all threads; a thread entry (or a
// function of this translation unit that it calls) that reads or writes one
// needs it Sync: const, _Atomic, a lock, or guarded_by. Thread-locals are
// per thread. Globals of system headers (stdout, environ) are the library's
// contract and are not judged.
//
// With a program database (docs/rules.md §6.6), the globals of another
// unit's code count too: of an entry defined there, and of the functions
// there that this unit's thread code calls. Only globals with external
// linkage that this unit declares are judged here; another unit's statics
// are its own check's business.
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

/// The reports of one translation unit: each global once.
class GlobalReporter {
public:
  GlobalReporter(CheckContext &C, FindingList &Out) : C(C), Out(Out) {}

  void entry(const SpawnSite &S);
  void externalEntry(const SpawnSite &S);

private:
  /// A finding for VD used at Use (with its first notes), or none when VD is
  /// Sync, guarded, a library's, already reported, or Use is not strict.
  std::optional<Finding> judge(const VarDecl *VD, SourceLocation Use);
  void externalGlobals(const SpawnSite &S, const ExternalFunction &EF,
                       const FunctionDecl *Callee, const ExternalCall *Call);
  void spawnNote(Finding &F, const SpawnSite &S, const FunctionDecl *Entry);
  const VarDecl *globalNamed(llvm::StringRef Name) const;

  CheckContext &C;
  FindingList &Out;
  ThreadGlobalsCache Cache;
  llvm::DenseSet<const VarDecl *> Reported;
};

std::optional<Finding> GlobalReporter::judge(const VarDecl *VD,
                                             SourceLocation Use) {
  const SourceManager &SM = C.Ctx.getSourceManager();
  if (Reported.count(VD->getCanonicalDecl()) || isGuarded(VD) ||
      SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())) ||
      !C.isStrictAt(Use))
    return std::nullopt;
  Judgement J =
      C.Oracle.judgeType(VD->getType(), Trait::Sync, C.Markers.pointerKind(VD));
  if (J.holds())
    return std::nullopt;
  Reported.insert(VD->getCanonicalDecl());
  Finding F;
  F.Check = CheckId::Global;
  F.Loc = Use;
  F.Message = "global '" + VD->getName().str() +
              "' is used by a thread but is not Sync";
  F.Notes.push_back(
      {VD->getLocation(), "'" + VD->getName().str() + "' " + J.Phrase});
  appendChain(F, J.Chain);
  return F;
}

void GlobalReporter::spawnNote(Finding &F, const SpawnSite &S,
                               const FunctionDecl *Entry) {
  F.Notes.push_back(
      {S.Call->getBeginLoc(),
       "the thread started here runs '" + Entry->getNameAsString() + "'"});
}

/// The global of external linkage this unit declares by Name, as its last
/// declaration has it (with every attribute); null when there is none.
const VarDecl *GlobalReporter::globalNamed(llvm::StringRef Name) const {
  if (Name.empty())
    return nullptr;
  for (const NamedDecl *D :
       C.Ctx.getTranslationUnitDecl()->lookup(&C.Ctx.Idents.get(Name)))
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (VD->hasExternalFormalLinkage() && VD->hasGlobalStorage() &&
          VD->getTLSKind() == VarDecl::TLS_None)
        return VD->getMostRecentDecl();
  return nullptr;
}

void GlobalReporter::entry(const SpawnSite &S) {
  ThreadCode Code = threadCodeFrom(C.Index, S.EntryFn, Cache);
  for (const GlobalAccess &A : Code.Globals) {
    std::optional<Finding> F = judge(A.Global, A.Ref->getLocation());
    if (!F)
      continue;
    if (A.Via)
      F->Notes.push_back(
          {A.Via->getBeginLoc(), "'" + A.Fn->getNameAsString() +
                                     "' is called by the thread's code here"});
    spawnNote(*F, S, S.EntryFn);
    Out.push_back(std::move(*F));
  }
  if (!C.Program)
    return;
  for (const ExternalCall &Call : Code.Calls)
    if (const ExternalFunction *EF =
            C.Program->function(Call.Callee->getName()))
      externalGlobals(S, *EF, Call.Callee, &Call);
}

void GlobalReporter::externalEntry(const SpawnSite &S) {
  const FunctionDecl *Entry = S.EntryDecl;
  if (!C.Program || !Entry->getIdentifier() ||
      !Entry->hasExternalFormalLinkage() || C.Index.hasUsableBody(Entry))
    return;
  if (const ExternalFunction *EF = C.Program->function(Entry->getName()))
    externalGlobals(S, *EF, Entry, nullptr);
}

/// The globals of another unit's function: reported at the call that
/// reaches it (Call), or at the spawn site when it is the entry.
void GlobalReporter::externalGlobals(const SpawnSite &S,
                                     const ExternalFunction &EF,
                                     const FunctionDecl *Callee,
                                     const ExternalCall *Call) {
  SourceLocation Use = Call ? Call->Call->getBeginLoc() : S.Call->getBeginLoc();
  for (const ExternalGlobal &G : EF.Globals) {
    if (G.Static || !G.InFunction.empty())
      continue; // another unit's own: its check judges it
    const VarDecl *VD = globalNamed(G.Name);
    std::optional<Finding> F = VD ? judge(VD, Use) : std::nullopt;
    if (!F)
      continue;
    std::string Who = "'" + Callee->getNameAsString() + "'";
    if (!G.Via.empty())
      Who = "'" + G.Via + "', called by " + Who + ",";
    std::string Text = Who + (G.Write ? " writes '" : " uses '") + G.Name +
                       "' here, in another translation unit";
    SourceLocation There = C.External->locate(G.At);
    if (There.isInvalid() && G.At)
      Text += " (" + G.At->File + ":" + std::to_string(G.At->Line) + ")";
    F->Notes.push_back({There, std::move(Text)});
    if (Call && Call->Via)
      F->Notes.push_back({Call->Via->getBeginLoc(),
                          "'" + Call->Fn->getNameAsString() +
                              "' is called by the thread's code here"});
    if (Call)
      spawnNote(*F, S, S.EntryFn);
    Out.push_back(std::move(*F));
  }
}

} // namespace

void checkGlobals(CheckContext &C, FindingList &Out) {
  // A strict-mode check: nothing to do unless some file is strict.
  if (!C.StrictEverywhere && C.Index.StrictFiles.empty())
    return;
  GlobalReporter Reporter(C, Out);
  llvm::DenseSet<const FunctionDecl *> EntriesDone;
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (S.EntryFn) {
      if (EntriesDone.insert(S.EntryFn).second)
        Reporter.entry(S);
    } else if (S.EntryDecl &&
               EntriesDone.insert(S.EntryDecl->getCanonicalDecl()).second) {
      Reporter.externalEntry(S);
    }
  }
}

} // namespace sendsync
