//===- sendsync-claim.cpp - Verify send/sync claims -----------------------===//
//
// A `send` or `sync` marker on a struct, union or typedef is a claim the
// plugin verifies from the fields: one report per breaking field, with the
// chain down to the root cause and a note at the claim. In strict mode a
// claim that cannot be proven (unannotated pointer, opaque type) is reported
// as sendsync-unknown.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "Compat.h"

using namespace clang;

namespace sendsync {

namespace {
struct Claim {
  Trait P;
  const MarkerUse *Use;
};

class ClaimChecker {
public:
  ClaimChecker(CheckContext &C, FindingList &Out) : C(C), Out(Out) {}

  void checkRecord(const RecordDecl *RD) {
    for (Trait P : {Trait::Send, Trait::Sync}) {
      const MarkerUse *U = C.Markers.find(RD, claimMarker(P));
      if (!U || C.Markers.find(RD, negativeMarker(P)))
        continue; // a claim beside its negation is sendsync-annotation's
      checkFields(RD, /*Const=*/false, C.Oracle.recordName(RD), {P, U});
    }
    for (const MarkerUse &U : C.Markers.implsFor(RD))
      for (Trait P : {Trait::Send, Trait::Sync})
        if (U.Kind == claimMarker(P))
          checkFields(RD, false, C.Oracle.recordName(RD), {P, &U});
  }

  void checkTypedef(const TypedefNameDecl *TD) {
    for (Trait P : {Trait::Send, Trait::Sync}) {
      const MarkerUse *U = C.Markers.find(TD, claimMarker(P));
      if (!U || C.Markers.find(TD, negativeMarker(P)))
        continue;
      QualType Under = TD->getUnderlyingType();
      const RecordDecl *RD = compat::recordOf(Under);
      // A typedef of a plain struct: report each breaking field, as for a
      // claim on the struct itself.
      if (RD && RD->isCompleteDefinition() && !hasOwnMarkers(RD, P) &&
          !Under->getAs<TypedefType>()) {
        checkFields(RD, Under.getCanonicalType().isConstQualified(),
                    TD->getName().str(), {P, U});
        continue;
      }
      Judgement J = C.Oracle.judgeTypedef(TD, P);
      report(J, TD->getLocation(), "'" + TD->getName().str() + "'", "it",
             TD->getName().str(), {P, U});
    }
  }

private:
  bool hasOwnMarkers(const RecordDecl *RD, Trait P) {
    return C.Markers.find(RD, negativeMarker(P)) ||
           C.Markers.find(RD, unsafeMarker(P)) ||
           !C.Markers.implsFor(RD).empty();
  }

  void checkFields(const RecordDecl *RD, bool Const, const std::string &Name,
                   Claim Cl) {
    for (const FieldDecl *FD : RD->fields()) {
      if (FD->isUnnamedBitField())
        continue;
      Judgement J = C.Oracle.judgeField(FD, Const, Cl.P);
      report(J, FD->getLocation(), "'" + Name + "'",
             "its " + TraitOracle::fieldLabel(FD), Name, Cl);
    }
  }

  /// Subject is the claimed type as quoted; Holder starts the phrase.
  void report(const Judgement &J, SourceLocation Loc,
              const std::string &Subject, const std::string &Holder,
              const std::string &Name, Claim Cl) {
    if (J.holds())
      return;
    llvm::StringRef Claimed = spelling(Cl.Use->Kind);
    Finding F;
    if (J.V == Verdict::No) {
      F.Check = CheckId::Claim;
      F.Message = Subject + " is marked " + Claimed.str() + ", but " + Holder +
                  " " + J.Phrase;
    } else {
      // Unknown counts as "yes" unless strict mode asks for proof.
      if (!C.isStrictAt(Loc))
        return;
      F.Check = CheckId::Unknown;
      F.Message = "cannot prove the " + Claimed.str() + " claim on " + Subject +
                  ": " + Holder + " " + J.Phrase;
    }
    F.Loc = Loc;
    // A claim the user makes about a type from a system header is still the
    // user's: report it at the claim, with the breaking field as a note.
    const SourceManager &SM = C.Ctx.getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(Loc))) {
      F.Loc = Cl.Use->Attr->getLocation();
      F.Notes.push_back({Loc, Holder + " is declared here"});
    }
    appendChain(F, J.Chain);
    bool ByImpl = isa<TypedefNameDecl>(Cl.Use->On) &&
                  Cl.Use->Attr->getAnnotation() == "impl";
    F.Notes.push_back(
        {Cl.Use->Attr->getLocation(),
         "'" + Name + "' is claimed " + Claimed.str() +
             (ByImpl ? " by the impl declaration here" : " here")});
    Out.push_back(std::move(F));
  }

  CheckContext &C;
  FindingList &Out;
};
} // namespace

void checkClaims(CheckContext &C, FindingList &Out) {
  ClaimChecker Checker(C, Out);
  for (const RecordDecl *RD : C.Index.Records)
    Checker.checkRecord(RD);
  for (const TypedefNameDecl *TD : C.Index.Typedefs)
    Checker.checkTypedef(TD);
}

} // namespace sendsync
