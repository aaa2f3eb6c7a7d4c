//===- sendsync-annotation.cpp - Malformed, misplaced, conflicting markers ===//
//
// Every annotate attribute whose string is a sendsync marker, or a near miss
// of one, is checked here: spelling (with a fix-it), arguments, the kind of
// declaration it sits on, conflicts with other markers of the same
// declaration (across redeclarations), and impl declarations.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

namespace {
std::string quote(llvm::StringRef S) { return ("'" + S + "'").str(); }

/// What the missing-reason fix-it inserts; still "no reason" until edited.
constexpr llvm::StringLiteral ReasonPlaceholder = "<why this is safe>";

/// Pointer kinds describe pointers, _Atomic pointers, or arrays of them.
bool isPointerLike(QualType T) {
  QualType Base = T.getCanonicalType();
  while (const auto *AT = dyn_cast<ArrayType>(Base))
    Base = AT->getElementType().getCanonicalType();
  if (const auto *Atomic = dyn_cast<AtomicType>(Base))
    Base = Atomic->getValueType().getCanonicalType();
  return Base->isAnyPointerType() || Base->isBlockPointerType();
}

bool conflicts(Marker A, Marker B) {
  if (A == B)
    return false;
  if (classOf(A) == MarkerClass::PointerKind &&
      classOf(B) == MarkerClass::PointerKind)
    return true;
  auto Pair = [&](Marker X, Marker Y) {
    return (A == X && B == Y) || (A == Y && B == X);
  };
  return Pair(Marker::Send, Marker::NotSend) ||
         Pair(Marker::Sync, Marker::NotSync) ||
         Pair(Marker::UnsafeSend, Marker::NotSend) ||
         Pair(Marker::UnsafeSync, Marker::NotSync) ||
         Pair(Marker::Send, Marker::UnsafeSend) ||
         Pair(Marker::Sync, Marker::UnsafeSync);
}

class AnnotationChecker {
public:
  AnnotationChecker(CheckContext &C, FindingList &Out)
      : C(C), Out(Out), SM(C.Ctx.getSourceManager()) {}

  void check(const Decl *D, const AnnotateAttr *A) {
    llvm::StringRef S = A->getAnnotation();
    std::optional<Marker> M = markerFromSpelling(S);
    if (!M) {
      if (std::optional<Marker> Near = nearMissMarker(S)) {
        Finding &F = error(A->getLocation(), "unknown sendsync marker " +
                                                 quote(S) + "; did you mean " +
                                                 quote(spelling(*Near)) + "?");
        addReplacement(F, literalRange(A, 0), spelling(*Near));
      }
      return;
    }
    checkArguments(A, *M);
    checkPlacement(D, A, *M);
    checkConflicts(D);
  }

private:
  Finding &error(SourceLocation Loc, std::string Message) {
    Finding F;
    F.Check = CheckId::Annotation;
    F.Level = Severity::Error;
    F.Loc = Loc;
    F.Message = std::move(Message);
    Out.push_back(std::move(F));
    return Out.back();
  }

  /// The source range of the Index-th string literal inside annotate(...):
  /// 0 is the marker itself, then its arguments.
  CharSourceRange literalRange(const AnnotateAttr *A, unsigned Index) {
    if (Index > 0) {
      if (Index - 1 >= A->args_size())
        return {};
      const Expr *E = A->args_begin()[Index - 1];
      SourceRange R = E->getSourceRange();
      SourceLocation Begin = SM.getSpellingLoc(R.getBegin());
      // A string made by the preprocessor (SS_IMPL stringizes its marker)
      // has no place in the user's file to fix.
      if (SM.isWrittenInScratchSpace(Begin))
        return {};
      return CharSourceRange::getTokenRange(Begin,
                                            SM.getSpellingLoc(R.getEnd()));
    }
    // The marker string is not an expression: lex `annotate ( "..."`.
    SourceLocation Loc = SM.getSpellingLoc(A->getLocation());
    const LangOptions &LO = C.Ctx.getLangOpts();
    for (int Step = 0; Step < 2 && Loc.isValid(); ++Step) {
      std::optional<Token> Next = Lexer::findNextToken(Loc, SM, LO);
      if (!Next)
        return {};
      Loc = Next->getLocation();
      if (Step == 1 && Next->is(tok::string_literal) &&
          !SM.isWrittenInScratchSpace(Loc))
        return CharSourceRange::getTokenRange(Loc, Loc);
    }
    return {};
  }

  void addReplacement(Finding &F, CharSourceRange Range, llvm::StringRef Text) {
    if (Range.isValid())
      F.FixIts.push_back({Range, ("\"" + Text + "\"").str()});
  }

  void checkArguments(const AnnotateAttr *A, Marker M) {
    llvm::StringRef S = spelling(M);
    switch (classOf(M)) {
    case MarkerClass::TypeUnsafe:
      checkReason(A, M, /*ArgIndex=*/0);
      if (A->args_size() > 1)
        error(A->getLocation(),
              "marker " + quote(S) + " takes one argument, the reason");
      return;
    case MarkerClass::Impl:
      checkImplArguments(A);
      return;
    default:
      if (A->args_size() > 0)
        error(A->getLocation(), "marker " + quote(S) + " takes no arguments");
      return;
    }
  }

  void checkReason(const AnnotateAttr *A, Marker M, unsigned ArgIndex) {
    std::optional<llvm::StringRef> Reason = stringArg(A, ArgIndex);
    std::string Msg;
    if (ArgIndex < A->args_size() && !Reason)
      Msg = "the reason of marker " + quote(spelling(M)) +
            " must be a string literal";
    else if (Reason && Reason->trim() == ReasonPlaceholder)
      Msg = "marker " + quote(spelling(M)) +
            " still has the placeholder reason; replace it with why the "
            "type is safe anyway (the audit report lists it)";
    else if (!Reason || Reason->trim().empty())
      Msg = "marker " + quote(spelling(M)) +
            " needs a reason: say why the type is safe anyway (the audit "
            "report lists it)";
    if (Msg.empty())
      return;
    Finding &F = error(A->getLocation(), Msg);
    std::string Placeholder = ("\"" + ReasonPlaceholder + "\"").str();
    if (ArgIndex < A->args_size()) {
      // An empty or non-string reason: replace it. The placeholder itself
      // is left for the user to write.
      CharSourceRange Range = literalRange(A, ArgIndex + 1);
      if (Range.isValid() && !(Reason && Reason->trim() == ReasonPlaceholder))
        F.FixIts.push_back({Range, Placeholder});
      return;
    }
    // Missing: insert after the last literal (the marker, or impl's marker).
    CharSourceRange Last = literalRange(A, ArgIndex);
    if (Last.isValid()) {
      SourceLocation End =
          Lexer::getLocForEndOfToken(Last.getEnd(), 0, SM, C.Ctx.getLangOpts());
      if (End.isValid())
        F.FixIts.push_back(
            {CharSourceRange::getCharRange(End, End), ", " + Placeholder});
    }
  }

  void checkImplArguments(const AnnotateAttr *A) {
    std::optional<llvm::StringRef> Spelled = stringArg(A, 0);
    if (!Spelled) {
      error(A->getLocation(),
            "an impl declaration needs the marker it applies: "
            "annotate(\"impl\", \"<marker>\", \"<reason>\")");
      return;
    }
    std::optional<Marker> M = markerFromSpelling(*Spelled);
    if (!M) {
      Finding &F =
          error(A->getLocation(), "unknown sendsync marker " + quote(*Spelled) +
                                      " in impl declaration");
      if (std::optional<Marker> Near = nearMissMarker(*Spelled)) {
        F.Message += "; did you mean " + quote(spelling(*Near)) + "?";
        addReplacement(F, literalRange(A, 1), spelling(*Near));
      }
      return;
    }
    if (!isTypeMarker(*M)) {
      error(A->getLocation(),
            "an impl declaration applies a type marker (send, sync, "
            "not_send, not_sync, unsafe_send, unsafe_sync), not " +
                quote(*Spelled));
      return;
    }
    if (classOf(*M) == MarkerClass::TypeUnsafe)
      checkReason(A, *M, /*ArgIndex=*/1);
    if (A->args_size() > 2)
      error(A->getLocation(), "an impl declaration takes a marker and a "
                              "reason, nothing more");
  }

  void checkPlacement(const Decl *D, const AnnotateAttr *A, Marker M) {
    llvm::StringRef S = spelling(M);
    SourceLocation Loc = A->getLocation();
    switch (classOf(M)) {
    case MarkerClass::TypeClaim:
    case MarkerClass::TypeNegative:
    case MarkerClass::TypeUnsafe:
      if (isa<RecordDecl>(D) || isa<TypedefNameDecl>(D))
        return;
      error(Loc, "marker " + quote(S) +
                     " belongs on a struct, union or "
                     "typedef, not on " +
                     describe(D) +
                     (isa<FieldDecl, VarDecl>(D)
                          ? "; a pointer declaration takes owned, borrowed or "
                            "static"
                          : ""));
      return;
    case MarkerClass::PointerKind: {
      QualType T;
      if (const auto *VD = dyn_cast<DeclaratorDecl>(D))
        T = VD->getType();
      else if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        T = TD->getUnderlyingType();
      if (T.isNull() || isa<FunctionDecl>(D)) {
        error(Loc, "marker " + quote(S) +
                       " belongs on a pointer field, "
                       "variable, parameter or typedef, not on " +
                       describe(D));
        return;
      }
      if (!isPointerLike(T)) {
        error(Loc, "marker " + quote(S) + " applies to pointers, but " +
                       describe(D) + " has type " + quote(typeName(T)));
        return;
      }
      checkTypedefPointerKind(D, A, M, T);
      return;
    }
    case MarkerClass::SpawnParam: {
      const auto *PD = dyn_cast<ParmVarDecl>(D);
      if (!PD) {
        error(Loc, "marker " + quote(S) +
                       " belongs on a parameter of a "
                       "function that starts or joins a thread, not on " +
                       describe(D));
        return;
      }
      QualType T = PD->getType().getCanonicalType();
      if (M == Marker::ThreadEntry && !T->isFunctionPointerType())
        error(Loc, "marker 'thread_entry' applies to a function-pointer "
                   "parameter, but " +
                       describe(D) + " has type " +
                       quote(typeName(PD->getType())));
      else if (M == Marker::ThreadArg && !T->isAnyPointerType() &&
               !T->isIntegerType())
        error(Loc, "marker 'thread_arg' applies to a pointer or integer "
                   "parameter, but " +
                       describe(D) + " has type " +
                       quote(typeName(PD->getType())));
      return;
    }
    case MarkerClass::Impl: {
      const auto *TD = dyn_cast<TypedefNameDecl>(D);
      if (!TD) {
        error(Loc, "an impl declaration is a typedef: SS_IMPL(type, marker, "
                   "reason), not " +
                       describe(D));
        return;
      }
      if (!TD->getUnderlyingType()->getAsRecordDecl()) {
        error(Loc, "an impl declaration applies to a struct or union type, "
                   "but " +
                       quote(TD->getName()) + " names " +
                       quote(typeName(TD->getUnderlyingType())));
        return;
      }
      checkImplConflicts(TD);
      return;
    }
    case MarkerClass::Assume:
      if (!isa<FunctionDecl>(D))
        error(Loc, "marker " + quote(S) +
                       " is reserved for the identity "
                       "functions of sendsync.h");
      return;
    }
  }

  /// A pointer kind on a declaration must agree with one on its typedef.
  void checkTypedefPointerKind(const Decl *D, const AnnotateAttr *A, Marker M,
                               QualType T) {
    if (isa<TypedefNameDecl>(D) && T->getAs<TypedefType>() == nullptr)
      return;
    for (QualType Cur = T; const auto *TT = Cur->getAs<TypedefType>();
         Cur = TT->desugar()) {
      PointerKind K = C.Markers.pointerKind(TT->getDecl());
      if (K == PointerKind::Raw)
        continue;
      if (K != pointerKindOf(M)) {
        Finding &F = error(A->getLocation(),
                           "marker " + quote(spelling(M)) +
                               " conflicts with the typedef " +
                               quote(TT->getDecl()->getName()) + ", which is " +
                               pointerKindName(K).str());
        F.Notes.push_back(
            {TT->getDecl()->getLocation(),
             quote(TT->getDecl()->getName()) + " is declared here"});
      }
      return;
    }
  }

  void checkConflicts(const Decl *D) {
    if (!ConflictsChecked.insert(D->getCanonicalDecl()).second)
      return;
    llvm::ArrayRef<MarkerUse> Uses = C.Markers.of(D);
    for (size_t I = 0; I < Uses.size(); ++I)
      for (size_t J = 0; J < I; ++J)
        if (conflicts(Uses[I].Kind, Uses[J].Kind))
          reportConflict(Uses[I], Uses[J], "");
  }

  void checkImplConflicts(const TypedefNameDecl *TD) {
    const RecordDecl *RD = TD->getUnderlyingType()->getAsRecordDecl();
    if (!RD || !ImplsChecked.insert(RD->getCanonicalDecl()).second)
      return;
    llvm::ArrayRef<MarkerUse> Impls = C.Markers.implsFor(RD);
    for (size_t I = 0; I < Impls.size(); ++I) {
      for (size_t J = 0; J < I; ++J)
        if (conflicts(Impls[I].Kind, Impls[J].Kind))
          reportConflict(Impls[I], Impls[J], " by another impl declaration");
      for (const MarkerUse &Own : C.Markers.of(RD))
        if (conflicts(Impls[I].Kind, Own.Kind))
          reportConflict(Impls[I], Own, " on the type's declaration");
    }
  }

  void reportConflict(const MarkerUse &Later, const MarkerUse &Earlier,
                      llvm::StringRef Where) {
    Finding &F = error(
        Later.Attr->getLocation(),
        "marker " + quote(spelling(Later.Kind)) + " conflicts with marker " +
            quote(spelling(Earlier.Kind)) + Where.str() + "; keep one of them");
    F.Notes.push_back({Earlier.Attr->getLocation(),
                       "marker " + quote(spelling(Earlier.Kind)) + " is here"});
  }

  // One spelling of types across all messages (anonymous records too).
  std::string typeName(QualType T) const { return C.Oracle.typeName(T); }

  static std::string describe(const Decl *D) {
    std::string Name;
    if (const auto *ND = dyn_cast<NamedDecl>(D))
      Name = ND->getName().str();
    std::string Kind;
    if (isa<FieldDecl>(D))
      Kind = "field";
    else if (isa<ParmVarDecl>(D))
      Kind = "parameter";
    else if (isa<VarDecl>(D))
      Kind = "variable";
    else if (isa<FunctionDecl>(D))
      Kind = "function";
    else if (isa<TypedefNameDecl>(D))
      Kind = "typedef";
    else if (const auto *TD = dyn_cast<TagDecl>(D))
      Kind = TD->getKindName().str();
    else
      Kind = "declaration";
    return Name.empty() ? "this " + Kind : Kind + " " + quote(Name);
  }

  CheckContext &C;
  FindingList &Out;
  SourceManager &SM;
  llvm::DenseSet<const Decl *> ConflictsChecked;
  llvm::DenseSet<const Decl *> ImplsChecked;
};
} // namespace

namespace {
/// What a marked function does, as its markers say.
std::string markedText(const SpawnApi *Spawn, const JoinApi *Join) {
  if (Spawn)
    return "it starts a thread with parameter " +
           std::to_string(Spawn->ArgParam + 1) + " as the argument";
  return "it joins the thread of parameter " +
         std::to_string(Join->HandleParam + 1);
}

/// What its definition in another unit does, as the program database says.
std::string inferredText(const ExternalFunction &F) {
  if (F.Wrapper)
    return "starts a thread with parameter " +
           std::to_string(F.Wrapper->ArgParam + 1) + " as the argument";
  return "joins the thread of parameter " + std::to_string(*F.JoinParam + 1);
}
} // namespace

/// docs/rules.md §6.6: a marker wins over what the program database infers
/// about the function, but one that says otherwise is probably stale.
static void checkContradictions(CheckContext &C, FindingList &Out) {
  for (const MarkerContradiction &M : C.Apis.contradictions()) {
    const SpawnApi *Spawn = C.Apis.spawn(M.Fn);
    const JoinApi *Join = C.Apis.join(M.Fn);
    if (!Spawn && !Join)
      continue;
    std::string Name = quote(M.Fn->getName());
    Finding F;
    F.Check = CheckId::Annotation;
    F.Loc = M.Fn->getMostRecentDecl()->getLocation();
    F.Message = "the markers on " + Name + " say " + markedText(Spawn, Join) +
                ", but its definition " + inferredText(*M.Inferred) +
                "; the markers are used";
    if (C.External)
      if (SourceLocation Def = C.External->locate(M.Inferred->At);
          Def.isValid())
        F.Notes.push_back({Def, Name + " is defined here"});
    F.Notes.push_back({F.Loc, "fix the markers, or remove them: without "
                              "markers the definition's facts are used"});
    Out.push_back(std::move(F));
  }
}

void checkAnnotations(CheckContext &C, FindingList &Out) {
  AnnotationChecker Checker(C, Out);
  for (const auto &[D, A] : C.Index.Annotations)
    Checker.check(D, A);
  checkContradictions(C, Out);
}

} // namespace sendsync
