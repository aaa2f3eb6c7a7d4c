//===- ThreadRaces.cpp - Two threads, one object, no common lock ----------===//

#include "ThreadRaces.h"
#include "AstHelpers.h"
#include "ThreadSide.h"

using namespace clang;

namespace sendsync {

namespace {

/// Whether two locks, each named in its own entry, are the same lock: a
/// global is itself; a lock in the handed-over object is its field path.
bool sameLockAcross(const LockName &A, const FunctionDecl *EntryA,
                    const LockName &B, const FunctionDecl *EntryB) {
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
      if (sameLockAcross(A, TU.Entry, B, TV.Entry))
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

/// The sites that share one object across spawn sites form a group, named by
/// its first site (every site's SharedSite is the first other site).
const SpawnSite *groupOf(const SpawnSite &S) {
  return S.SharedSite && S.SharedSite < &S ? S.SharedSite : &S;
}

Finding raceFinding(CheckContext &C, const SpawnSite &S, const RacePair &R,
                    const SpawnSite &Other) {
  std::string What = partName(C, S, R.First->Where);
  Finding F;
  F.Check = CheckId::Race;
  F.Loc = S.Arg->getExprLoc();
  F.Message = "threads started here may write " + What +
              " while another thread " +
              (writes(R.Second->Kind) ? "writes" : "reads") +
              " it, with no lock held by both";
  F.Notes.push_back({useLoc(C, *R.First),
                     "a thread writes it here, " + heldText(C, S, *R.First)});
  if (R.First == R.Second)
    F.Notes.push_back({useLoc(C, *R.First),
                       "and so may every other thread that gets the object"});
  else
    F.Notes.push_back({useLoc(C, *R.Second),
                       std::string("another thread ") +
                           (writes(R.Second->Kind) ? "writes" : "reads") +
                           " it here, " + heldText(C, S, *R.Second)});
  if (S.SharedByLoop)
    F.Notes.push_back({S.SharedWith, "this loop starts a thread in each "
                                     "iteration and hands the same object to "
                                     "all of them"});
  else
    F.Notes.push_back({Other.Call->getBeginLoc(),
                       "the same object is also handed to the thread started "
                       "here"});
  F.Notes.push_back({S.Arg->getExprLoc(),
                     "take one lock around every access to it, make it "
                     "_Atomic, or give each thread its own object"});
  return F;
}

} // namespace

void reportThreadRaces(CheckContext &C, FindingList &Out) {
  const std::vector<SpawnSite> &Sites = C.Spawns.sites();
  for (const SpawnSite &S : Sites) {
    if (!S.Shared || S.Prov.AssumeSync || S.Prov.Kind == Storage::Value)
      continue;
    std::optional<ThreadSide> A = threadSide(C, S);
    if (!A)
      continue;
    if (S.SharedByLoop) {
      if (std::optional<RacePair> R = findRace(*A, *A))
        Out.push_back(raceFinding(C, S, *R, S));
      continue;
    }
    // The sites that hand over one object: each against the later ones,
    // reported at the first of the pair.
    for (const SpawnSite &O : Sites) {
      if (&O <= &S || !O.Shared || O.SharedByLoop || groupOf(O) != groupOf(S))
        continue;
      std::optional<ThreadSide> B = threadSide(C, O);
      if (!B)
        continue;
      if (std::optional<RacePair> R = findRace(*A, *B)) {
        Out.push_back(raceFinding(C, S, *R, O));
        break;
      }
    }
  }
}

} // namespace sendsync
