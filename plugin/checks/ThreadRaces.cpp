//===- ThreadRaces.cpp - Two threads, one object, no common lock ----------===//

#include "ThreadRaces.h"
#include "AstHelpers.h"
#include "ThreadSide.h"

using namespace clang;

namespace sendsync {

namespace {

/// Whether two locks, each named in its own entry, are the same lock: a
/// global is itself; a lock in the handed-over object is its field path.
bool sameLock(const LockName &A, const FunctionDecl *EntryA, const LockName &B,
              const FunctionDecl *EntryB) {
  if (A.InPointee != B.InPointee)
    return false;
  if (!A.InPointee)
    return A.Base == B.Base && A.Fields == B.Fields;
  return A.Base == EntryA->getParamDecl(0) &&
         B.Base == EntryB->getParamDecl(0) && A.Fields == B.Fields;
}

bool commonLock(const ParamUse &U, const ThreadSide &TU, const ParamUse &V,
                const ThreadSide &TV) {
  for (const LockName &A : U.Held)
    for (const LockName &B : V.Held)
      if (sameLock(A, TU.Entry, B, TV.Entry))
        return true;
  return false;
}

bool writes(UseKind K) { return K != UseKind::Read; }

struct RacePair {
  const ParamUse *First = nullptr, *Second = nullptr;
};

/// The first pair of accesses, one per thread, that race.
std::optional<RacePair> findRace(const ThreadSide &A, const ThreadSide &B) {
  for (const ParamUse &U : A.Uses->Uses)
    for (const ParamUse &V : B.Uses->Uses)
      if ((writes(U.Kind) || writes(V.Kind)) && U.Where.overlaps(V.Where) &&
          !commonLock(U, A, V, B))
        return RacePair{writes(U.Kind) ? &U : &V, writes(U.Kind) ? &V : &U};
  return std::nullopt;
}

Finding raceFinding(CheckContext &C, const SpawnSite &S, const RacePair &R) {
  std::string What = partName(C, S, R.First->Where);
  Finding F;
  F.Check = CheckId::Race;
  F.Loc = S.Arg->getExprLoc();
  F.Message = "threads started here may write " + What +
              " while another thread " +
              (writes(R.Second->Kind) ? "writes" : "reads") +
              " it, with no lock held by both";
  F.Notes.push_back({R.First->At->getExprLoc(),
                     "a thread writes it here, " + heldText(C, S, *R.First)});
  if (R.First == R.Second)
    F.Notes.push_back({R.First->At->getExprLoc(),
                       "and so may every other thread that gets the object"});
  else
    F.Notes.push_back({R.Second->At->getExprLoc(),
                       std::string("another thread ") +
                           (writes(R.Second->Kind) ? "writes" : "reads") +
                           " it here, " + heldText(C, S, *R.Second)});
  if (S.SharedByLoop)
    F.Notes.push_back({S.SharedWith, "this loop starts a thread in each "
                                     "iteration and hands the same object to "
                                     "all of them"});
  else
    F.Notes.push_back({S.SharedWith, "the same object is also handed to the "
                                     "thread started here"});
  F.Notes.push_back({S.Arg->getExprLoc(),
                     "take one lock around every access to it, make it "
                     "_Atomic, or give each thread its own object"});
  return F;
}

} // namespace

void reportThreadRaces(CheckContext &C, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (!S.Shared || S.Prov.AssumeSync || S.Prov.Kind == Storage::Value)
      continue;
    // Two sites: report once, at the first.
    const SpawnSite *Other = S.SharedByLoop ? &S : S.SharedSite;
    if (!Other || (Other != &S && Other < &S))
      continue;
    std::optional<ThreadSide> A = threadSide(C, S);
    std::optional<ThreadSide> B = A ? threadSide(C, *Other) : std::nullopt;
    if (!A || !B)
      continue;
    if (std::optional<RacePair> R = findRace(*A, *B))
      Out.push_back(raceFinding(C, S, *R));
  }
}

} // namespace sendsync
