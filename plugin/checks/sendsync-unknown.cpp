//===- sendsync-unknown.cpp - What strict mode cannot prove ---------------===//
//
// docs/rules.md §4: strict mode asks for proof. Where the plugin cannot tell
// (an unannotated pointer, an opaque type, an untyped 'void *' argument,
// memory of unknown or mixed provenance), the default mode counts the answer
// as "yes" and strict mode reports it here:
//   - a send/sync claim on a type that cannot be proven from its fields;
//   - a spawn site whose pointee's Send/Sync cannot be proven;
//   - a spawn site whose argument's memory cannot be traced.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "ClaimVerdicts.h"
#include "ProvenanceWording.h"
#include "Requirements.h"
#include "SpawnVerdicts.h"

using namespace clang;

namespace sendsync {

namespace {

void reportUnprovenClaims(CheckContext &C, FindingList &Out) {
  for (const ClaimVerdict &V : judgeClaims(C)) {
    // Unknown counts as "yes" unless strict mode asks for proof.
    if (V.J.V != Verdict::Unknown || !C.isStrictAt(V.Loc))
      continue;
    Finding F = claimFinding(C, V);
    F.Check = CheckId::Unknown;
    F.Message = "cannot prove the " + spelling(V.Use->Kind).str() +
                " claim on " + V.Subject + ": " + V.Holder + " " + V.J.Phrase;
    Out.push_back(std::move(F));
  }
}

/// Strict mode: a site whose argument's memory is unknown.
void reportUnknownProvenance(CheckContext &C, const SpawnSite &S,
                             FindingList &Out) {
  const Provenance &P = S.Prov;
  if (P.Kind == Storage::Value || requiredTrait(S, C.Scopes.of(S)) ||
      P.AssumeSend || P.AssumeSync || !C.isStrictAt(S.Call->getBeginLoc()))
    return;
  const SourceManager &SM = C.Ctx.getSourceManager();
  std::string From = describeOrigin(P.From, SM);
  Finding F;
  F.Check = CheckId::Unknown;
  F.Loc = S.Arg->getExprLoc();
  std::string What = C.Tracer.spell(stripCasts(S.Arg));
  F.Message =
      "cannot prove that " + What + " may be handed to another thread: ";
  if (P.Kind == Storage::Mixed) {
    F.Message += "it is assigned memory of different kinds";
    for (const MixedSource &M : P.Sources)
      F.Notes.push_back(
          {M.Loc, "assigned " + describeMixedSource(M, SM) + " here"});
  } else if (P.Kind == Storage::Field || P.Kind == Storage::Parameter) {
    F.Message += "it is " + describeOrigin(P.From, SM) +
                 "; mark that pointer SS_OWNED, SS_STATIC or SS_BORROWED";
    if (P.Object)
      F.Notes.push_back({P.Object->getLocation(),
                         "'" + P.Object->getName().str() +
                             "' is declared here without a pointer kind"});
  } else {
    F.Message += "where its memory lives is unknown" +
                 (From.empty() ? std::string() : " (" + From + ")") +
                 "; wrap it in sendsync_assume_send() if it is safe";
  }
  F.Notes.push_back(
      {S.Call->getBeginLoc(), "it is handed to the thread started here"});
  Out.push_back(std::move(F));
}

/// Strict mode: a site whose pointee cannot be judged.
void reportUnprovenTrait(CheckContext &C, const SpawnSite &S,
                         FindingList &Out) {
  if (!C.isStrictAt(S.Call->getBeginLoc()))
    return;
  std::optional<SpawnTraitVerdict> V = judgeSpawnTrait(C, S);
  if (!V || (V->J && V->J->V != Verdict::Unknown))
    return;
  const char *Verb = V->P == Trait::Send ? "sent to" : "shared with";
  Finding F;
  F.Check = CheckId::Unknown;
  F.Loc = S.Arg->getExprLoc();
  if (!V->J) {
    F.Message = "cannot prove that " + C.Tracer.spell(stripCasts(S.Arg)) +
                " may be " + Verb +
                " another thread: it is untyped ('void *'); pass it with "
                "its real pointer type";
    appendSpawnNotes(C, F, S, V->P);
  } else {
    F.Message = "cannot prove that '" + V->Type + "' may be " + Verb +
                " another thread";
    appendTraitNotes(C, F, S, *V);
  }
  Out.push_back(std::move(F));
}

} // namespace

void checkUnknown(CheckContext &C, FindingList &Out) {
  reportUnprovenClaims(C, Out);
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (borrowEscapesInObject(C, S, nullptr))
      continue; // sendsync-not-send reports the site
    reportUnknownProvenance(C, S, Out);
    reportUnprovenTrait(C, S, Out);
  }
}

} // namespace sendsync
