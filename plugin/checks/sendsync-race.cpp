//===- sendsync-race.cpp - The spawner writes what it lent to a thread ----===//
//
// docs/rules.md §3: between the spawn and the join, the spawner must not write
// the object it borrowed to the thread. The classic case is the loop
// counter whose address goes to every thread while the loop increments it.
// Writes to parts that are Sync by themselves (atomics, locks, guarded_by
// fields) are fine. Lock sets are not tracked: when the spawner takes a lock
// between spawn and join, default mode stays silent and strict mode reports.
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

void checkRaces(CheckContext &C, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (!S.Prov.borrowsStack() || !S.Prov.Object || S.Prov.AssumeSync)
      continue;
    const ScopeFacts &Sc = C.Scopes.of(S);
    bool Strict = C.isStrictAt(S.Call->getBeginLoc());
    if (Sc.TakesLock && !Strict)
      continue;
    std::string Name = "'" + S.Prov.Object->getName().str() + "'";
    std::optional<ThreadSide> T = threadSide(C, S);
    Part ArgPart;
    ArgPart.Fields = placeOf(S.Arg).Fields;
    for (const SpawnerAccess &A : Sc.Accesses) {
      if (!isWrite(A.Kind))
        continue;
      // When the thread's side is known, a part it never touches is no race
      // (docs/rules.md §6.2); the report shows the thread's access.
      const ParamUse *U = nullptr;
      if (T) {
        Part Written;
        Written.Fields.assign(A.Part.begin(), A.Part.end());
        if (!(U = threadTouches(*T, Written, ArgPart)))
          continue;
      }
      Finding F;
      F.Check = CheckId::Race;
      if (A.LoopCounter) {
        F.Loc = S.Arg->getExprLoc();
        F.Message = "the same address of " + Name +
                    " is handed to every thread while the loop " +
                    (A.Kind == AccessKind::Decrement ? "decrements"
                     : A.Kind == AccessKind::Assign  ? "changes"
                                                     : "increments") +
                    " it";
        F.Notes.push_back({A.At->getExprLoc(),
                           Name + " changes here while the threads may read "
                                  "it"});
        F.Notes.push_back(
            {S.Arg->getExprLoc(),
             "give each thread its own copy: an array element per thread "
             "('ids[i] = i; ... &ids[i]'), or pass the value itself "
             "('(void *)(intptr_t)i')"});
      } else {
        F.Loc = A.At->getExprLoc();
        F.Message = "the spawner " +
                    describeAccess(
                        A, accessedPart(A, S.Prov.Object->getName(), C.Ctx)) +
                    " while a thread it was lent to may still use it";
        F.Notes.push_back({S.Call->getBeginLoc(),
                           Name + " is lent to the thread started here"});
        if (Sc.TakesLock)
          F.Notes.push_back(
              {A.At->getExprLoc(),
               "a lock is taken between spawn and join, but the plugin "
               "cannot tell that it protects this write; mark the field "
               "guarded_by its lock"});
        else
          F.Notes.push_back({S.Call->getBeginLoc(),
                             "join " + handleName(Sc) + " first, or make " +
                                 (writesMember(A.At) ? "the field" : "it") +
                                 " _Atomic or guarded by a lock"});
      }
      if (U)
        F.Notes.push_back({U->At->getExprLoc(), threadAccessNote(C, S, *U)});
      Out.push_back(std::move(F));
      break; // one report per spawn: the first write tells the story
    }
  }
  reportThreadRaces(C, Out);
}

} // namespace sendsync
