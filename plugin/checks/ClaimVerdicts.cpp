//===- ClaimVerdicts.cpp - Every send/sync claim judged against its fields ===//

#include "ClaimVerdicts.h"
#include "Compat.h"

using namespace clang;

namespace sendsync {

namespace {

class ClaimJudge {
public:
  ClaimJudge(CheckContext &C, std::vector<ClaimVerdict> &Out)
      : C(C), Out(Out) {}

  void judgeRecord(const RecordDecl *RD) {
    for (Trait P : {Trait::Send, Trait::Sync}) {
      const MarkerUse *U = C.Markers.find(RD, claimMarker(P));
      if (!U || C.Markers.find(RD, negativeMarker(P)))
        continue; // a claim beside its negation is sendsync-annotation's
      judgeFields(RD, /*Const=*/false, C.Oracle.recordName(RD), P, U);
    }
    for (const MarkerUse &U : C.Markers.implsFor(RD))
      for (Trait P : {Trait::Send, Trait::Sync})
        if (U.Kind == claimMarker(P))
          judgeFields(RD, false, C.Oracle.recordName(RD), P, &U);
  }

  void judgeTypedef(const TypedefNameDecl *TD) {
    for (Trait P : {Trait::Send, Trait::Sync}) {
      const MarkerUse *U = C.Markers.find(TD, claimMarker(P));
      if (!U || C.Markers.find(TD, negativeMarker(P)))
        continue;
      QualType Under = TD->getUnderlyingType();
      const RecordDecl *RD = compat::recordOf(Under);
      // A typedef of a plain struct: judge each field, as for a claim on
      // the struct itself.
      if (RD && RD->isCompleteDefinition() && !hasOwnMarkers(RD, P) &&
          !Under->getAs<TypedefType>()) {
        judgeFields(RD, Under.getCanonicalType().isConstQualified(),
                    TD->getName().str(), P, U);
        continue;
      }
      add(C.Oracle.judgeTypedef(TD, P), TD->getLocation(),
          "'" + TD->getName().str() + "'", "it", TD->getName().str(), P, U);
    }
  }

private:
  bool hasOwnMarkers(const RecordDecl *RD, Trait P) {
    return C.Markers.find(RD, negativeMarker(P)) ||
           C.Markers.find(RD, unsafeMarker(P)) ||
           !C.Markers.implsFor(RD).empty();
  }

  void judgeFields(const RecordDecl *RD, bool Const, const std::string &Name,
                   Trait P, const MarkerUse *U) {
    for (const FieldDecl *FD : RD->fields()) {
      if (FD->isUnnamedBitField())
        continue;
      add(C.Oracle.judgeField(FD, Const, P), FD->getLocation(),
          "'" + Name + "'", "its " + TraitOracle::fieldLabel(FD), Name, P, U);
    }
  }

  void add(Judgement J, SourceLocation Loc, std::string Subject,
           std::string Holder, std::string Name, Trait P, const MarkerUse *U) {
    if (J.holds())
      return;
    Out.push_back({std::move(J), P, U, Loc, std::move(Subject),
                   std::move(Holder), std::move(Name)});
  }

  CheckContext &C;
  std::vector<ClaimVerdict> &Out;
};

} // namespace

std::vector<ClaimVerdict> judgeClaims(CheckContext &C) {
  std::vector<ClaimVerdict> Out;
  ClaimJudge Judge(C, Out);
  for (const RecordDecl *RD : C.Index.Records)
    Judge.judgeRecord(RD);
  for (const TypedefNameDecl *TD : C.Index.Typedefs)
    Judge.judgeTypedef(TD);
  return Out;
}

Finding claimFinding(CheckContext &C, const ClaimVerdict &V) {
  Finding F;
  F.Loc = V.Loc;
  // A claim the user makes about a type from a system header is still the
  // user's: report it at the claim, with the breaking field as a note.
  const SourceManager &SM = C.Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(V.Loc))) {
    F.Loc = V.Use->Attr->getLocation();
    F.Notes.push_back({V.Loc, V.Holder + " is declared here"});
  }
  appendChain(F, V.J.Chain);
  bool ByImpl =
      isa<TypedefNameDecl>(V.Use->On) && V.Use->Attr->getAnnotation() == "impl";
  F.Notes.push_back({V.Use->Attr->getLocation(),
                     "'" + V.Name + "' is claimed " +
                         spelling(V.Use->Kind).str() +
                         (ByImpl ? " by the impl declaration here" : " here")});
  return F;
}

} // namespace sendsync
