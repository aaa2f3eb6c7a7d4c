//===- sendsync-not-send.cpp - A non-Send object handed to a thread -------===//
//
// Heap memory and owned pointers move to the thread they are handed to; a
// scoped borrow that the spawner leaves alone is lent to it. Both require
// Send of the pointee (docs/rules.md §2). Default mode reports only chains
// that end at an explicit cause (a not_send marker, a borrowed pointer, a
// thread-affine type); strict mode reports all, and sendsync-unknown where
// the answer cannot be proven.
//
// An object that holds a borrowed pointer, handed to a thread that may
// outlive the function, is reported here too: Rust's "borrowed value does
// not live long enough" for thread::spawn's 'static bound.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "ScopeWording.h"
#include "SpawnVerdicts.h"

using namespace clang;

namespace sendsync {

static Finding borrowEscapeFinding(CheckContext &C, const SpawnSite &S,
                                   const Judgement &J) {
  const ScopeFacts &Sc = C.Scopes.of(S);
  Finding F;
  F.Check = CheckId::NotSend;
  F.Loc = S.Arg->getExprLoc();
  F.Message = "'" + C.Oracle.typeName(S.Prov.Pointee) +
              "' cannot be sent to a thread that may outlive what it borrows";
  appendChain(F, J.Chain);
  if (Sc.Status == ScopeStatus::Detached)
    F.Notes.push_back({Sc.DetachLoc, "the thread is detached here"});
  else if (Sc.Status == ScopeStatus::NeverJoined)
    F.Notes.push_back({S.Call->getBeginLoc(),
                       "'" + S.Call->getDirectCallee()->getNameAsString() +
                           "' does not wait for the work it starts"});
  else if (Sc.Leak && Sc.Leak->Loc.isValid())
    F.Notes.push_back({Sc.Leak->Loc, describeLeak(Sc, *Sc.Leak)});
  appendSpawnNotes(C, F, S, Trait::Send);
  return F;
}

void checkNotSend(CheckContext &C, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites()) {
    Judgement Why;
    if (borrowEscapesInObject(C, S, &Why))
      Out.push_back(borrowEscapeFinding(C, S, Why));
    else if (std::optional<Finding> F = traitViolation(C, S, Trait::Send))
      Out.push_back(std::move(*F));
  }
}

} // namespace sendsync
