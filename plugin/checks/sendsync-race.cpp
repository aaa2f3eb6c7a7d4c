//===- sendsync-race.cpp - The spawner and its thread touch one part
//-------===//
//
// docs/rules.md §3.7 and §6.2: between the spawn and the join, the spawner
// must not write a part of the object it lent to the thread while the thread
// may read or write it, nor read a part the thread writes, unless both hold
// the same lock. The classic case is the loop counter whose address goes to
// every thread while the loop increments it. Parts that are Sync by
// themselves (atomics, locks, guarded_by fields) are left out. When the
// thread's side is unknown, a write under a lock stays silent in the default
// mode (the lock may be the thread's too) and strict mode reports it.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "Places.h"
#include "ScopeWording.h"
#include "ThreadRaces.h"
#include "ThreadSide.h"

using namespace clang;

namespace sendsync {

/// Whether the write goes to a field (`s.count++`), for the fix's wording.
static bool writesMember(const Expr *At) {
  const Expr *Target = At;
  if (const auto *BO = dyn_cast<BinaryOperator>(At))
    Target = BO->getLHS();
  else if (const auto *UO = dyn_cast<UnaryOperator>(At))
    Target = UO->getSubExpr();
  return isa<MemberExpr>(Target->IgnoreParenImpCasts());
}

namespace {

/// Why a spawner access races, when it does.
struct SpawnerRace {
  /// The thread's access it races with; null when the thread's side is
  /// unknown (then only the spawner's write is known).
  const ParamUse *Thread = nullptr;
};

/// Whether the spawner's access A races with the thread (docs/rules.md
/// §6.2), in this mode.
std::optional<SpawnerRace> raceOf(const SpawnSite &S, const ScopeFacts &Sc,
                                  const std::optional<ThreadSide> &T,
                                  const SpawnerAccess &A, bool Strict) {
  if (A.Kind == AccessKind::Free || A.Kind == AccessKind::Realloc)
    return std::nullopt;
  if (T) {
    const ParamUse *U = threadConflict(S, *T, A);
    // Locks handed to unknown functions: "no common lock" is not proven.
    if (!U || (Sc.LocksUnknown && !Strict))
      return std::nullopt;
    return SpawnerRace{U};
  }
  // The thread's side is unknown: its reads are unknown, and a lock the
  // spawner holds may be the thread's too.
  if (!isWrite(A.Kind) ||
      ((!A.Held.empty() || Sc.LocksUnknown || A.StoresHandle) && !Strict))
    return std::nullopt;
  return SpawnerRace{};
}

Finding loopCounterFinding(const SpawnSite &S, const SpawnerAccess &A,
                           const std::string &Name) {
  Finding F;
  F.Check = CheckId::Race;
  F.Loc = S.Arg->getExprLoc();
  F.Message = "the same address of " + Name +
              " is handed to every thread while the loop " +
              (A.Kind == AccessKind::Decrement ? "decrements"
               : A.Kind == AccessKind::Assign  ? "changes"
                                               : "increments") +
              " it";
  F.Notes.push_back(
      {A.At->getExprLoc(), Name + " changes here while the threads may read "
                                  "it"});
  F.Notes.push_back({S.Arg->getExprLoc(),
                     "give each thread its own copy: an array element per "
                     "thread ('ids[i] = i; ... &ids[i]'), or pass the value "
                     "itself ('(void *)(intptr_t)i')"});
  return F;
}

Finding accessFinding(CheckContext &C, const SpawnSite &S, const ScopeFacts &Sc,
                      const SpawnerAccess &A, const SpawnerRace &R,
                      const std::string &Name) {
  Finding F;
  F.Check = CheckId::Race;
  F.Loc = A.At->getExprLoc();
  std::string Part = accessedPart(A, S.Prov.Object->getName(), C.Ctx);
  F.Message = "the spawner " + describeAccess(A, Part) +
              (isWrite(A.Kind) ? " while a thread it was lent to may still "
                                 "use it"
                               : " while a thread it was lent to may write "
                                 "it");
  F.Notes.push_back(
      {S.Call->getBeginLoc(), Name + " is lent to the thread started here"});
  if (R.Thread || !A.Held.empty())
    F.Notes.push_back(
        {A.At->getExprLoc(), std::string("the spawner ") +
                                 (isWrite(A.Kind) ? "writes" : "reads") +
                                 " it here, " + spawnerHeldText(A)});
  if (R.Thread)
    F.Notes.push_back(
        {useLoc(C, *R.Thread), threadAccessNote(C, S, *R.Thread)});
  if (!R.Thread && !A.Held.empty())
    F.Notes.push_back({A.At->getExprLoc(),
                       "the thread's side is not known here, so the plugin "
                       "cannot tell that it takes the same lock; mark the "
                       "field guarded_by its lock"});
  else if (!A.Held.empty() || (R.Thread && !R.Thread->Held.empty()))
    F.Notes.push_back(
        {S.Call->getBeginLoc(), "take the same lock on both sides, or join " +
                                    handleName(Sc) + " first"});
  else
    F.Notes.push_back(
        {S.Call->getBeginLoc(), "join " + handleName(Sc) + " first, or make " +
                                    (writesMember(A.At) ? "the field" : "it") +
                                    " _Atomic or guarded by a lock"});
  return F;
}

} // namespace

void checkRaces(CheckContext &C, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (!S.Prov.borrowsStack() || !S.Prov.Object || S.Prov.AssumeSync)
      continue;
    const ScopeFacts &Sc = C.Scopes.of(S);
    bool Strict = C.isStrictAt(S.Call->getBeginLoc());
    std::string Name = "'" + S.Prov.Object->getName().str() + "'";
    std::optional<ThreadSide> T = threadSide(C, S);
    for (const SpawnerAccess &A : Sc.Accesses) {
      std::optional<SpawnerRace> R = raceOf(S, Sc, T, A, Strict);
      if (!R)
        continue;
      Finding F = A.LoopCounter ? loopCounterFinding(S, A, Name)
                                : accessFinding(C, S, Sc, A, *R, Name);
      if (A.LoopCounter && R->Thread)
        F.Notes.push_back(
            {useLoc(C, *R->Thread), threadAccessNote(C, S, *R->Thread)});
      Out.push_back(std::move(F));
      break; // one report per spawn: the first race tells the story
    }
  }
  reportThreadRaces(C, Out);
}

} // namespace sendsync
