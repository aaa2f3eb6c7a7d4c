//===- Explain.cpp - The whole Send/Sync derivation of one type -----------===//

#include "Explain.h"
#include "Compat.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace sendsync {

namespace {
class Explainer {
public:
  Explainer(TraitOracle &Oracle, llvm::raw_ostream &OS)
      : Oracle(Oracle), OS(OS), SM(Oracle.context().getSourceManager()) {}

  void explainRecordTop(const RecordDecl *RD) {
    OS << "sendsync: derivation of '" << Oracle.recordName(RD) << "' ("
       << where(RD->getLocation()) << ")\n";
    for (Trait P : {Trait::Send, Trait::Sync}) {
      Judgement J = Oracle.judgeRecord(RD, /*Const=*/false, P);
      OS << "  " << traitName(P) << ": " << verdict(J.V) << "\n";
      if (!J.holds() && J.Chain.empty())
        OS << "    it " << J.Phrase << "\n";
    }
    explainRecord(RD, /*Const=*/false, 1);
  }

  void explainTop(QualType T, const std::string &Name, SourceLocation Loc) {
    OS << "sendsync: derivation of '" << Name << "' (" << where(Loc) << ")\n";
    for (Trait P : {Trait::Send, Trait::Sync}) {
      Judgement J = Oracle.judgeType(T, P);
      OS << "  " << traitName(P) << ": " << verdict(J.V) << "\n";
    }
    const RecordDecl *RD = compat::recordOf(T);
    if (RD && RD->isCompleteDefinition()) {
      explainRecord(RD, T.getCanonicalType().isConstQualified(), 1);
      return;
    }
    for (Trait P : {Trait::Send, Trait::Sync}) {
      Judgement J = Oracle.judgeType(T, P);
      if (!J.holds()) {
        OS << "  " << traitName(P) << " fails: it " << J.Phrase << "\n";
        printChain(J, 2);
      }
    }
  }

private:
  void explainRecord(const RecordDecl *RD, bool Const, unsigned Indent) {
    if (!Shown.insert(RD->getCanonicalDecl()).second) {
      pad(Indent) << "(fields of '" << Oracle.recordName(RD)
                  << "' are shown above)\n";
      return;
    }
    for (const FieldDecl *FD : RD->fields()) {
      pad(Indent) << TraitOracle::fieldLabel(FD) << " '"
                  << Oracle.typeName(FD->getType()) << "'";
      PointerKind K = Oracle.markers().pointerKind(FD);
      if (K != PointerKind::Raw)
        OS << " " << pointerKindName(K);
      OS << " (" << where(FD->getLocation()) << ")\n";
      for (Trait P : {Trait::Send, Trait::Sync}) {
        Judgement J = Oracle.judgeField(FD, Const, P);
        pad(Indent + 1) << traitName(P) << ": " << verdict(J.V);
        if (!J.holds())
          OS << ": it " << J.Phrase;
        OS << "\n";
        printChain(J, Indent + 2);
      }
      if (const RecordDecl *Inner = reachedRecord(FD, K))
        if (Inner->isCompleteDefinition())
          explainRecord(Inner, Const && !FD->getType()->isPointerType(),
                        Indent + 1);
    }
  }

  /// The record a field holds, or points to through a marked pointer.
  static const RecordDecl *reachedRecord(const FieldDecl *FD, PointerKind K) {
    QualType T = FD->getType();
    while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType();
    if (T->isPointerType()) {
      if (K == PointerKind::Raw)
        return nullptr;
      T = T->getPointeeType();
    }
    return compat::recordOf(T);
  }

  void printChain(const Judgement &J, unsigned Indent) {
    for (const Hop &H : J.Chain)
      pad(Indent) << "- " << H.Message << " (" << where(H.Loc) << ")\n";
  }

  static llvm::StringRef verdict(Verdict V) {
    switch (V) {
    case Verdict::Yes:
      return "yes";
    case Verdict::No:
      return "no";
    case Verdict::Unknown:
      return "unknown (an unannotated pointer or opaque type; strict mode "
             "reports it)";
    }
    return "";
  }

  std::string where(SourceLocation Loc) const {
    PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
    if (PL.isInvalid())
      return "<unknown location>";
    return llvm::sys::path::filename(PL.getFilename()).str() + ":" +
           std::to_string(PL.getLine()) + ":" + std::to_string(PL.getColumn());
  }

  llvm::raw_ostream &pad(unsigned Indent) {
    return OS.indent(2 * Indent);
  }

  TraitOracle &Oracle;
  llvm::raw_ostream &OS;
  const SourceManager &SM;
  llvm::DenseSet<const Decl *> Shown;
};
} // namespace

std::optional<std::string> explainType(llvm::StringRef Name,
                                       const TranslationUnitIndex &Index,
                                       TraitOracle &Oracle) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  Explainer E(Oracle, OS);
  for (const TypedefNameDecl *TD : Index.Typedefs)
    if (TD->getName() == Name) {
      E.explainTop(TD->getUnderlyingType(), TD->getName().str(),
                   TD->getLocation());
      return Out;
    }
  // "struct job" or plain "job" for a tag.
  llvm::StringRef Tag = Name;
  llvm::StringRef Kind;
  for (llvm::StringRef K : {"struct ", "union "})
    if (Tag.consume_front(K))
      Kind = K.trim();
  for (const RecordDecl *RD : Index.Records)
    if (RD->getName() == Tag && (Kind.empty() || RD->getKindName() == Kind)) {
      E.explainRecordTop(RD);
      return Out;
    }
  return std::nullopt;
}

} // namespace sendsync
