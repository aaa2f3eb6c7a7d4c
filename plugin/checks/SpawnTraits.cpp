//===- SpawnTraits.cpp - Send/Sync required where data crosses threads ----===//

#include "SpawnTraits.h"
#include "Requirements.h"
#include "ScopeWording.h"

using namespace clang;

namespace sendsync {

void appendSpawnNotes(Finding &F, const SpawnSite &S, Trait Required,
                      const ProvenanceTracer &Tracer) {
  std::string What = Tracer.spell(stripCasts(S.Arg));
  if (!S.Prov.Description.empty() && "'" + S.Prov.Description + "'" != What)
    What += " (" + S.Prov.Description + ")";
  if (S.Shared && S.SharedByLoop) {
    F.Notes.push_back({S.SharedWith,
                       "this loop starts a thread in each iteration and "
                       "hands the same object to all of them"});
  } else if (S.Shared) {
    F.Notes.push_back({S.SharedWith,
                       "the same object is also handed to the thread "
                       "started here"});
  }
  if (S.Api->Origin == SpawnOrigin::Inferred && S.Api->Forwards)
    F.Notes.push_back(
        {S.Api->Forwards->getBeginLoc(),
         "'" + S.Call->getDirectCallee()->getNameAsString() +
             "' passes its argument to the thread it starts here"});
  std::string Verb;
  if (Required == Trait::Send)
    Verb = S.Prov.transfers() ? "is handed over to" : "is lent to";
  else
    Verb = "is shared with";
  F.Notes.push_back(
      {S.Call->getBeginLoc(),
       "required because " + What + " " + Verb + " the thread started here"});
}

namespace {

bool silencedByAssume(const SpawnSite &S, Trait P) {
  return P == Trait::Send ? S.Prov.AssumeSend : S.Prov.AssumeSync;
}

std::string violationMessage(const std::string &Type, Trait P) {
  if (P == Trait::Send)
    return "'" + Type + "' cannot be sent to another thread safely";
  return "'" + Type + "' cannot be shared between threads safely";
}

/// Strict mode: a site whose argument's memory is unknown.
void reportUnknownProvenance(CheckContext &C, const SpawnSite &S,
                             FindingList &Out) {
  const Provenance &P = S.Prov;
  if (P.Kind == Storage::Value || requiredTrait(S, C.Scopes.of(S)) || P.AssumeSend ||
      P.AssumeSync || !C.isStrictAt(S.Call->getBeginLoc()))
    return;
  Finding F;
  F.Check = CheckId::Unknown;
  F.Loc = S.Arg->getExprLoc();
  std::string What = C.Tracer.spell(stripCasts(S.Arg));
  F.Message =
      "cannot prove that " + What + " may be handed to another thread: ";
  if (P.Kind == Storage::Mixed) {
    F.Message += "it is assigned memory of different kinds";
    for (const auto &[Loc, Text] : P.Sources)
      F.Notes.push_back({Loc, "assigned " + Text + " here"});
  } else if (P.Kind == Storage::Field || P.Kind == Storage::Parameter) {
    F.Message += "it is " + P.Description +
                 "; mark that pointer SS_OWNED, SS_STATIC or SS_BORROWED";
    if (P.Object)
      F.Notes.push_back({P.Object->getLocation(),
                         "'" + P.Object->getName().str() +
                             "' is declared here without a pointer kind"});
  } else {
    F.Message +=
        "where its memory lives is unknown" +
        (P.Description.empty() ? std::string() : " (" + P.Description + ")") +
        "; wrap it in sendsync_assume_send() if it is safe";
  }
  F.Notes.push_back(
      {S.Call->getBeginLoc(), "it is handed to the thread started here"});
  Out.push_back(std::move(F));
}

} // namespace

/// A handed-over object that holds a borrowed pointer, going to a thread
/// that may outlive the function: Rust's "borrowed value does not live long
/// enough" for thread::spawn's 'static bound.
static bool reportBorrowEscapingInObject(CheckContext &C, const SpawnSite &S,
                                  FindingList &Out) {
  const ScopeFacts &Sc = C.Scopes.of(S);
  if (!S.Prov.transfers() || S.Prov.Pointee.isNull() || S.Prov.AssumeSend ||
      (Sc.Status != ScopeStatus::Unscoped &&
       Sc.Status != ScopeStatus::Detached &&
       Sc.Status != ScopeStatus::NeverJoined))
    return false;
  Judgement J = C.Oracle.judgeStatic(S.Prov.Pointee);
  if (J.holds())
    return false;
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
  appendSpawnNotes(F, S, Trait::Send, C.Tracer);
  Out.push_back(std::move(F));
  return true;
}

void checkSpawnTrait(CheckContext &C, Trait P, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (P == Trait::Send && reportBorrowEscapingInObject(C, S, Out))
      continue;
    if (P == Trait::Send)
      reportUnknownProvenance(C, S, Out); // once per site, not per trait
    std::optional<Trait> Required = requiredTrait(S, C.Scopes.of(S));
    if (!Required || *Required != P || silencedByAssume(S, P))
      continue;
    bool Strict = C.isStrictAt(S.Call->getBeginLoc());
    Finding F;
    F.Loc = S.Arg->getExprLoc();
    if (S.Prov.Pointee.isNull()) {
      if (!Strict)
        continue;
      F.Check = CheckId::Unknown;
      F.Message = "cannot prove that " + C.Tracer.spell(stripCasts(S.Arg)) +
                  " may be " + (P == Trait::Send ? "sent to" : "shared with") +
                  " another thread: it is untyped ('void *'); pass it with "
                  "its real pointer type";
      appendSpawnNotes(F, S, P, C.Tracer);
      Out.push_back(std::move(F));
      continue;
    }
    Judgement J = C.Oracle.judgeType(S.Prov.Pointee, P);
    if (J.holds())
      continue;
    std::string Type = C.Oracle.typeName(S.Prov.Pointee);
    if (J.V == Verdict::Unknown) {
      if (!Strict)
        continue;
      F.Check = CheckId::Unknown;
      F.Message = "cannot prove that '" + Type + "' may be " +
                  (P == Trait::Send ? "sent to" : "shared with") +
                  " another thread";
    } else {
      if (!Strict && !isExplicitCause(J.Root))
        continue;
      F.Check = P == Trait::Send ? CheckId::NotSend : CheckId::NotSync;
      F.Message = violationMessage(Type, P);
    }
    if (J.Chain.empty()) {
      // A direct reason (a mutable scalar, a thread-affine type): say it of
      // the object itself.
      std::string Subject = S.Prov.Object
                                ? "'" + S.Prov.Object->getName().str() + "'"
                                : "'" + Type + "'";
      F.Notes.push_back(
          {S.Prov.Object ? S.Prov.Object->getLocation() : S.Arg->getExprLoc(),
           Subject + " " + J.Phrase});
    }
    appendChain(F, J.Chain);
    appendSpawnNotes(F, S, P, C.Tracer);
    Out.push_back(std::move(F));
  }
}

} // namespace sendsync
