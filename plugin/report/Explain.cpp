//===- Explain.cpp - The whole Send/Sync derivation of one type -----------===//

#include "Explain.h"
#include "BuiltinTypes.h"
#include "Compat.h"
#include "clang/AST/Attr.h"
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
    for (Trait P : {Trait::Send, Trait::Sync})
      printVerdict(P, Oracle.judgeRecord(RD, /*Const=*/false, P));
    if (RD->isCompleteDefinition())
      explainRecord(RD, /*Const=*/false, 1);
  }

  void explainTypedefTop(const TypedefNameDecl *TD) {
    OS << "sendsync: derivation of '" << TD->getName() << "' ("
       << where(TD->getLocation()) << ")\n";
    for (Trait P : {Trait::Send, Trait::Sync})
      printVerdict(P, Oracle.judgeTypedef(TD, P));
    QualType Under = TD->getUnderlyingType();
    if (const RecordDecl *RD = derivedRecord(Under))
      explainRecord(RD, Under.getCanonicalType().isConstQualified(), 1);
  }

private:
  void explainRecord(const RecordDecl *RD, bool Const, unsigned Indent) {
    // A record seen const (through a pointer to const) is a different view
    // of its fields than the mutable one.
    if (!Shown.insert({RD->getCanonicalDecl(), unsigned(Const)}).second) {
      pad(Indent) << "(fields of '" << (Const ? "const " : "")
                  << Oracle.recordName(RD) << "' are shown above)\n";
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
      QualType Inner = reachedType(FD, K, Const);
      if (const RecordDecl *Reached = derivedRecord(Inner))
        explainRecord(Reached, Inner.getCanonicalType().isConstQualified(),
                      Indent + 1);
    }
  }

  /// The type a field holds, or points to through a marked pointer, with
  /// the qualifiers it is seen with (const of the holder, of the pointee).
  QualType reachedType(const FieldDecl *FD, PointerKind K, bool Const) const {
    QualType T = FD->getType();
    if (Const)
      T.addConst();
    ASTContext &Ctx = Oracle.context();
    while (const ArrayType *AT = Ctx.getAsArrayType(T))
      T = AT->getElementType();
    if (T->isPointerType()) {
      if (K == PointerKind::Raw)
        return QualType();
      T = T->getPointeeType();
    }
    return T;
  }

  /// The record behind T when its verdict is derived from its fields: not a
  /// library type known by name, not fixed by a marker, not a system
  /// header's business.
  const RecordDecl *derivedRecord(QualType T) const {
    if (T.isNull())
      return nullptr;
    if (typedefChainIs(T, [](BuiltinKind K) { return K != BuiltinKind::None; }))
      return nullptr;
    const RecordDecl *RD = compat::recordOf(T);
    if (!RD || !RD->isCompleteDefinition() ||
        classifyTagName(RD->getName()) != BuiltinKind::None ||
        SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
      return nullptr;
    MarkerIndex &Markers = Oracle.markers();
    for (const MarkerUse &U : Markers.of(RD))
      if (isTypeMarker(U.Kind) && classOf(U.Kind) != MarkerClass::TypeClaim)
        return nullptr;
    if (!Markers.implsFor(RD).empty() || RD->hasAttr<CapabilityAttr>())
      return nullptr;
    return RD;
  }

  /// The verdict of the type itself, and why when it does not hold.
  void printVerdict(Trait P, const Judgement &J) {
    OS << "  " << traitName(P) << ": " << verdict(J.V) << "\n";
    if (J.holds())
      return;
    if (J.Chain.empty())
      OS << "    it " << J.Phrase << "\n";
    printChain(J, 2);
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

  llvm::raw_ostream &pad(unsigned Indent) { return OS.indent(2 * Indent); }

  TraitOracle &Oracle;
  llvm::raw_ostream &OS;
  const SourceManager &SM;
  llvm::DenseSet<std::pair<const Decl *, unsigned>> Shown; // (record, const)
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
      E.explainTypedefTop(TD);
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
