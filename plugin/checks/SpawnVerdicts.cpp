//===- SpawnVerdicts.cpp - Send/Sync required where data crosses threads --===//

#include "SpawnVerdicts.h"
#include "ProvenanceWording.h"
#include "Requirements.h"
#include "ScopeWording.h"

using namespace clang;

namespace sendsync {

void appendSpawnNotes(CheckContext &C, Finding &F, const SpawnSite &S,
                      Trait Required) {
  std::string What = C.Tracer.spell(stripCasts(S.Arg));
  std::string From = describeOrigin(S.Prov.From, C.Ctx.getSourceManager());
  if (!From.empty() && "'" + From + "'" != What)
    What += " (" + From + ")";
  if (S.Shared && S.SharedByLoop) {
    F.Notes.push_back({S.SharedWith,
                       "this loop starts a thread in each iteration and "
                       "hands the same object to all of them"});
  } else if (S.Shared) {
    F.Notes.push_back({S.SharedWith,
                       "the same object is also handed to the thread "
                       "started here"});
  }
  SourceLocation Forwards;
  if (S.Api->Origin == SpawnOrigin::Inferred && S.Api->Forwards)
    Forwards = S.Api->Forwards->getBeginLoc();
  else if (S.Api->Origin == SpawnOrigin::Program && C.External)
    Forwards = C.External->locate(S.Api->ForwardsExternal);
  if (Forwards.isValid())
    F.Notes.push_back(
        {Forwards, "'" + S.Call->getDirectCallee()->getNameAsString() +
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

bool borrowEscapesInObject(CheckContext &C, const SpawnSite &S,
                           Judgement *Why) {
  const ScopeFacts &Sc = C.Scopes.of(S);
  if (!S.Prov.transfers() || S.Prov.Pointee.isNull() || S.Prov.AssumeSend ||
      (Sc.Status != ScopeStatus::Unscoped &&
       Sc.Status != ScopeStatus::Detached &&
       Sc.Status != ScopeStatus::NeverJoined))
    return false;
  Judgement J = C.Oracle.judgeStatic(S.Prov.Pointee);
  if (J.holds())
    return false;
  if (Why)
    *Why = std::move(J);
  return true;
}

std::optional<SpawnTraitVerdict> judgeSpawnTrait(CheckContext &C,
                                                 const SpawnSite &S) {
  std::optional<Trait> Required = requiredTrait(S, C.Scopes.of(S));
  if (!Required)
    return std::nullopt;
  Trait P = *Required;
  if (P == Trait::Send ? S.Prov.AssumeSend : S.Prov.AssumeSync)
    return std::nullopt;
  if (P == Trait::Send && borrowEscapesInObject(C, S, nullptr))
    return std::nullopt; // sendsync-not-send reports the borrow instead
  SpawnTraitVerdict V{P, {}, {}};
  if (S.Prov.Pointee.isNull())
    return V; // untyped: nothing to judge
  V.J = C.Oracle.judgeType(S.Prov.Pointee, P);
  if (V.J->holds())
    return std::nullopt;
  V.Type = C.Oracle.typeName(S.Prov.Pointee);
  return V;
}

void appendTraitNotes(CheckContext &C, Finding &F, const SpawnSite &S,
                      const SpawnTraitVerdict &V) {
  if (V.J->Chain.empty()) {
    // A direct reason (a mutable scalar, a thread-affine type): say it of
    // the object itself.
    std::string Subject = S.Prov.Object
                              ? "'" + S.Prov.Object->getName().str() + "'"
                              : "'" + V.Type + "'";
    F.Notes.push_back(
        {S.Prov.Object ? S.Prov.Object->getLocation() : S.Arg->getExprLoc(),
         Subject + " " + V.J->Phrase});
  }
  appendChain(F, V.J->Chain);
  appendSpawnNotes(C, F, S, V.P);
}

std::optional<Finding> traitViolation(CheckContext &C, const SpawnSite &S,
                                      Trait P) {
  std::optional<SpawnTraitVerdict> V = judgeSpawnTrait(C, S);
  if (!V || V->P != P || !V->J || V->J->V != Verdict::No)
    return std::nullopt;
  if (!C.isStrictAt(S.Call->getBeginLoc()) && !isExplicitCause(V->J->Root))
    return std::nullopt;
  Finding F;
  F.Check = P == Trait::Send ? CheckId::NotSend : CheckId::NotSync;
  F.Loc = S.Arg->getExprLoc();
  F.Message = P == Trait::Send
                  ? "'" + V->Type + "' cannot be sent to another thread safely"
                  : "'" + V->Type + "' cannot be shared between threads safely";
  appendTraitNotes(C, F, S, *V);
  return F;
}

} // namespace sendsync
