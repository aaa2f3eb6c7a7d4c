//===- sendsync-use-after-send.cpp - Using what was handed to a thread ----===//
//
// docs/rules.md §2: heap memory handed to a thread belongs to it until the
// spawner joins. Writing or freeing it before the join is reported in the
// default mode (free without any join always); strict mode also reports
// reads, unless what is read is Sync. The object is followed through the
// local pointer that was handed over, until that pointer is reassigned.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "ProvenanceWording.h"
#include "ScopeWording.h"
#include "ThreadSide.h"

using namespace clang;

namespace sendsync {

/// A free or a realloc: the object the thread got is gone.
static bool endsObject(AccessKind K) {
  return K == AccessKind::Free || K == AccessKind::Realloc;
}

/// " is freed", " is reallocated", " is freed by 'release'" (a function of
/// this file whose summary frees it).
static std::string endedHow(const SpawnerAccess &A) {
  std::string How =
      A.Kind == AccessKind::Free ? " is freed" : " is reallocated";
  if (A.Callee && A.Callee->hasBody())
    How += " by '" + A.Callee->getNameAsString() + "'";
  return How;
}

/// The thread frees (or reallocates) what it was handed, and the spawner
/// reads or writes it before the join (docs/rules.md §6.6): reported in
/// both modes, at the first such access.
static bool reportUseOfFreedByThread(CheckContext &C, const SpawnSite &S,
                                     FindingList &Out) {
  std::optional<ThreadSide> T = threadSide(C, S);
  const ParamUse *Ends = T ? threadEndsObject(*T) : nullptr;
  if (!Ends)
    return false;
  const ScopeFacts &Sc = C.Scopes.of(S);
  std::string Name = "'" + S.Prov.Through->getName().str() + "'";
  for (const SpawnerAccess &A : Sc.Accesses) {
    if (endsObject(A.Kind))
      continue; // the spawner's own free: reported as such
    Finding F;
    F.Check = CheckId::UseAfterSend;
    F.Loc = A.At->getExprLoc();
    F.Message = "the spawner " + describeAccess(A, Name) +
                " after handing it to a thread that frees it";
    F.Notes.push_back(
        {useLoc(C, *Ends), Ends->Kind == UseKind::Free
                               ? "the thread frees it here"
                               : "the thread reallocates it here"});
    F.Notes.push_back(
        {S.Call->getBeginLoc(),
         Name + " (" + describeOrigin(S.Prov.From, C.Ctx.getSourceManager()) +
             ") is handed over to the thread started here"});
    F.Notes.push_back({S.Call->getBeginLoc(),
                       "do not use it after the hand-off, or join " +
                           handleName(Sc) + " first and free it here"});
    Out.push_back(std::move(F));
    return true;
  }
  return false;
}

/// Whether the default or strict mode reports the spawner's access A to the
/// object it handed over; Thread is set to the thread's racing access when
/// the thread's side is known. A write to a part the thread does not touch,
/// or under a lock the thread holds there too, is no report (docs/rules.md
/// §6.2); with the thread's side unknown, a write under a lock stays silent
/// in the default mode.
static bool reportsAccess(CheckContext &C, const SpawnSite &S,
                          const ScopeFacts &Sc,
                          const std::optional<ThreadSide> &T,
                          const SpawnerAccess &A, bool Strict,
                          const ParamUse *&Thread) {
  Thread = nullptr;
  if (endsObject(A.Kind))
    return true;
  if (isWrite(A.Kind)) {
    if (T) {
      Thread = threadConflict(S, *T, A);
      return Thread && (!Sc.LocksUnknown || Strict);
    }
    return (A.Held.empty() && !Sc.LocksUnknown && !A.StoresHandle) || Strict;
  }
  // A read of a part the thread writes races. With the thread's side
  // unknown, a read is strict mode's, and only when what is read is surely
  // not Sync (unknown is sendsync-unknown's to say).
  if (T) {
    Thread = threadConflict(S, *T, A);
    return Thread && (!Sc.LocksUnknown || Strict);
  }
  return Strict && !S.Prov.Pointee.isNull() &&
         C.Oracle.judgeType(S.Prov.Pointee, Trait::Sync).V == Verdict::No;
}

void checkUseAfterSend(CheckContext &C, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (!S.Prov.transfers() || !S.Prov.Through || S.Prov.AssumeSend ||
        S.Prov.AssumeSync)
      continue;
    if (reportUseOfFreedByThread(C, S, Out))
      continue;
    bool Strict = C.isStrictAt(S.Call->getBeginLoc());
    const ScopeFacts &Sc = C.Scopes.of(S);
    std::string Name = "'" + S.Prov.Through->getName().str() + "'";
    // One report per spawn, for the worst access: a free, else a write,
    // else (strict) a read.
    const SpawnerAccess *Worst = nullptr;
    auto rank = [](AccessKind K) {
      return endsObject(K) ? 2 : isWrite(K) ? 1 : 0;
    };
    std::optional<ThreadSide> T = threadSide(C, S);
    const ParamUse *WorstThread = nullptr;
    for (const SpawnerAccess &A : Sc.Accesses) {
      const ParamUse *Thread = nullptr;
      if (reportsAccess(C, S, Sc, T, A, Strict, Thread) &&
          (!Worst || rank(A.Kind) > rank(Worst->Kind))) {
        Worst = &A;
        WorstThread = Thread;
      }
    }
    if (Worst) {
      const SpawnerAccess &A = *Worst;
      Finding F;
      F.Check = CheckId::UseAfterSend;
      F.Loc = A.At->getExprLoc();
      if (endsObject(A.Kind))
        F.Message = Name + endedHow(A) +
                    " while the thread it was handed to may still use it";
      else if (isWrite(A.Kind))
        F.Message = "the spawner " + describeAccess(A, Name) +
                    " after handing it over to another thread";
      else if (WorstThread)
        F.Message = "the spawner reads " + Name +
                    " while the thread it was handed to may write it";
      else
        F.Message = "the spawner reads " + Name +
                    " after handing it over to another thread, and '" +
                    C.Oracle.typeName(S.Prov.Pointee) + "' is not Sync";
      F.Notes.push_back(
          {S.Call->getBeginLoc(),
           Name + " (" + describeOrigin(S.Prov.From, C.Ctx.getSourceManager()) +
               ") is handed over to the thread started here"});
      if (WorstThread)
        F.Notes.push_back(
            {useLoc(C, *WorstThread), threadAccessNote(C, S, *WorstThread)});
      F.Notes.push_back(
          {S.Call->getBeginLoc(),
           A.Kind == AccessKind::Free ? "let the thread free it, or join " +
                                            handleName(Sc) + " before freeing"
           : A.Kind == AccessKind::Realloc
               ? "join " + handleName(Sc) +
                     " before reallocating it, or let the thread own it"
               : "join " + handleName(Sc) +
                     " first, or leave the object to the thread"});
      Out.push_back(std::move(F));
    }
  }
}

} // namespace sendsync
