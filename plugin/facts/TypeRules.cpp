//===- TypeRules.cpp - Send/Sync of C types -------------------------------===//

#include "TypeRules.h"
#include "BuiltinTypes.h"
#include "Compat.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace sendsync {

llvm::StringRef traitName(Trait P) {
  return P == Trait::Send ? "Send" : "Sync";
}

Marker claimMarker(Trait P) {
  return P == Trait::Send ? Marker::Send : Marker::Sync;
}
Marker negativeMarker(Trait P) {
  return P == Trait::Send ? Marker::NotSend : Marker::NotSync;
}
Marker unsafeMarker(Trait P) {
  return P == Trait::Send ? Marker::UnsafeSend : Marker::UnsafeSync;
}

bool isExplicitCause(Cause C) {
  return C == Cause::NegativeMarker || C == Cause::ThreadAffine ||
         C == Cause::BorrowedPointer;
}

namespace {
Judgement yes() { return Judgement(); }

/// "which is not Send" / "which cannot be proven Send".
std::string notTrait(Verdict V, Trait P) {
  return (V == Verdict::No ? "which is not " : "which cannot be proven ") +
         traitName(P).str();
}

std::string quote(llvm::StringRef S) { return ("'" + S + "'").str(); }

/// The storage rule: a scalar location is Sync when it cannot be written
/// (const) or is written atomically.
bool storageIsSync(QualType Canon) {
  return Canon.isConstQualified() || Canon->isAtomicType();
}

Judgement mutableStorage(llvm::StringRef What, llvm::StringRef Fix) {
  Judgement J;
  J.V = Verdict::No;
  J.Root = Cause::MutableStorage;
  J.Phrase = (What + "; " + Fix).str();
  return J;
}

/// A mutable integer, float, enum or handle, named as written.
Judgement mutableScalar(llvm::StringRef Name) {
  return mutableStorage("holds a mutable " + quote(Name),
                        "make it const, _Atomic, or guard it with a lock "
                        "(guarded_by)");
}

Judgement threadAffine(llvm::StringRef Name) {
  Judgement J;
  J.V = Verdict::No;
  J.Root = Cause::ThreadAffine;
  J.Phrase = "holds a " + quote(Name) +
             ", which is thread-affine: it belongs to the thread that "
             "created it";
  return J;
}

/// The lock a guarded_by attribute names, when it can be resolved.
const ValueDecl *guardingLock(const FieldDecl *FD) {
  const Expr *Arg = nullptr;
  if (const auto *G = FD->getAttr<GuardedByAttr>())
    Arg = G->getArg();
  else if (const auto *PG = FD->getAttr<PtGuardedByAttr>())
    Arg = PG->getArg();
  if (!Arg)
    return nullptr;
  Arg = Arg->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(Arg))
    return ME->getMemberDecl();
  return nullptr;
}

bool isGuarded(const FieldDecl *FD) {
  return FD->hasAttr<GuardedByAttr>() || FD->hasAttr<PtGuardedByAttr>();
}

bool hasCapability(const Decl *D) {
  for (const Decl *R : D->redecls())
    if (R->hasAttr<CapabilityAttr>())
      return true;
  return false;
}

unsigned keyBits(Trait P, unsigned Extra) {
  return static_cast<unsigned>(P) | (Extra << 1);
}
} // namespace

std::string TraitOracle::typeName(QualType T) const {
  // Clang prints an anonymous record C++-style ("union s::(anonymous at
  // /full/path:3:3)"); name it the way our notes do.
  if (!T->getAs<TypedefType>())
    if (const RecordDecl *RD = compat::recordOf(T))
      if (RD->getName().empty() && !RD->getTypedefNameForAnonDecl())
        return (T.getCanonicalType().isConstQualified() ? "const " : "") +
               recordName(RD);
  return T.getAsString(Ctx.getPrintingPolicy());
}

std::string TraitOracle::recordName(const RecordDecl *RD) const {
  std::string Kind = RD->getKindName().str();
  if (!RD->getName().empty())
    return Kind + " " + RD->getName().str();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName().str();
  PresumedLoc PL = Ctx.getSourceManager().getPresumedLoc(
      Ctx.getSourceManager().getExpansionLoc(RD->getLocation()));
  if (PL.isInvalid())
    return "anonymous " + Kind;
  return "anonymous " + Kind + " at " +
         llvm::sys::path::filename(PL.getFilename()).str() + ":" +
         std::to_string(PL.getLine());
}

std::string TraitOracle::fieldLabel(const FieldDecl *FD) {
  if (FD->getName().empty())
    return "anonymous member";
  return "field " + quote(FD->getName());
}

Judgement TraitOracle::negative(const MarkerUse &U, llvm::StringRef Subject,
                                llvm::StringRef Marked, Trait P,
                                bool ByImpl) const {
  Judgement J;
  J.V = Verdict::No;
  J.Root = Cause::NegativeMarker;
  J.Phrase = "has type " + quote(Subject) + ", " + notTrait(J.V, P);
  std::string Msg = quote(Marked) + " is marked " + spelling(U.Kind).str();
  Msg += ByImpl ? " by the impl declaration here" : " here";
  J.Chain.push_back({U.Attr->getLocation(), Msg});
  return J;
}

Judgement TraitOracle::judgeType(QualType T, Trait P, PointerKind K) {
  if (T.isNull())
    return yes();
  Key K0{T.getAsOpaquePtr(), keyBits(P, static_cast<unsigned>(K))};
  auto It = TypeMemo.find(K0);
  if (It != TypeMemo.end())
    return It->second;
  Judgement J = computeType(T, P, K);
  if (J.AssumedDepth == Judgement::NoAssumption)
    TypeMemo[K0] = J;
  return J;
}

Judgement TraitOracle::computeType(QualType T, Trait P, PointerKind K) {
  QualType Canon = T.getCanonicalType();
  if (Canon->isDependentType())
    return yes(); // templates are C++'s business, not ours

  // Typedef layers, outermost first: library names and markers on typedefs
  // describe that typedef name only, so they are read as written.
  for (QualType Cur = T; const auto *TT = Cur->getAs<TypedefType>();
       Cur = TT->desugar())
    if (std::optional<Judgement> J = judgeTypedefLayer(TT->getDecl(), T, P, K))
      return *J;

  if (const auto *AT = T->getAs<AtomicType>()) {
    QualType Value = AT->getValueType();
    // The atomic object is never torn; what a pointer in it points to is
    // judged by its marker like any pointer's.
    if (Value->isAnyPointerType())
      return judgePointer(Value, P, K, /*AtomicStorage=*/true);
    // An atomic struct still carries whatever its type forbids to move.
    if (P == Trait::Send && compat::recordOf(Value))
      return judgeType(Value, P, K);
    return yes();
  }

  if (const RecordDecl *RD = compat::recordOf(Canon)) {
    Judgement J = judgeRecord(RD, Canon.isConstQualified(), P);
    // A record's own phrase names the record; name it as written here.
    if (!J.holds() && !J.Chain.empty())
      J.Phrase = "has type " + quote(typeName(T)) + ", " + notTrait(J.V, P);
    return J;
  }

  if (Ctx.getAsArrayType(T)) {
    QualType Element = Ctx.getBaseElementType(T);
    Judgement J = judgeType(Element, P, K);
    if (J.holds() || J.Chain.empty())
      return J; // a direct reason reads the same for every element
    if (Element->isAnyPointerType())
      J.Phrase =
          "holds " + quote(typeName(Element)) + " elements; each " + J.Phrase;
    else
      J.Phrase = "holds elements of type " + quote(typeName(Element)) + ", " +
                 notTrait(J.V, P);
    return J;
  }

  // (C++ member pointers are offsets and fall through to the scalars.)
  if (Canon->isAnyPointerType() || Canon->isBlockPointerType())
    return judgePointer(T, P, K, /*AtomicStorage=*/false);

  if (Canon->isVoidType()) {
    Judgement J;
    J.V = Verdict::Unknown;
    J.Root = Cause::OpaqueType;
    J.Phrase = "is untyped ('void'), so what it holds cannot be judged";
    return J;
  }

  if (Canon->isFunctionType())
    return yes();

  // Integers, floating point, enums, _Bool, complex and vector types.
  if (P == Trait::Send || storageIsSync(Canon))
    return yes();
  return mutableScalar(typeName(T));
}

std::optional<Judgement>
TraitOracle::judgeTypedefLayer(const TypedefNameDecl *TD, QualType Whole,
                               Trait P, PointerKind &K) {
  QualType Canon = Whole.getCanonicalType();
  switch (classifyTypedefName(TD->getName())) {
  case BuiltinKind::SyncObject:
  case BuiltinKind::Atomic:
    return yes();
  case BuiltinKind::ThreadAffine:
    return threadAffine(TD->getName());
  case BuiltinKind::Handle:
    if (P == Trait::Send || storageIsSync(Canon))
      return yes();
    return mutableScalar(typeName(Whole));
  case BuiltinKind::None:
    break;
  }
  if (hasCapability(TD))
    return yes();
  Marker Negative = negativeMarker(P), Unsafe = unsafeMarker(P);
  if (const MarkerUse *U = Markers.find(TD, Negative))
    return negative(*U, typeName(Whole), TD->getName(), P, /*ByImpl=*/false);
  if (Markers.find(TD, Unsafe))
    return yes();
  if (K == PointerKind::Raw && TD->getUnderlyingType()->isPointerType())
    K = Markers.pointerKind(TD);
  return std::nullopt;
}

Judgement TraitOracle::judgeTypedef(const TypedefNameDecl *TD, Trait P) {
  PointerKind K = PointerKind::Raw;
  QualType Under = TD->getUnderlyingType();
  if (std::optional<Judgement> J = judgeTypedefLayer(TD, Under, P, K))
    return *J;
  return judgeType(Under, P, K);
}

Judgement TraitOracle::judgePointer(QualType T, Trait P, PointerKind K,
                                    bool AtomicStorage) {
  QualType Canon = T.getCanonicalType();
  QualType Pointee = T->getPointeeType();
  // The pointer object itself is a scalar location.
  if (P == Trait::Sync && !AtomicStorage && !storageIsSync(Canon))
    return mutableStorage("is a mutable pointer " + quote(typeName(T)),
                          "make the pointer itself const ('T *const'), "
                          "_Atomic, or guard it with a lock");
  // Functions are code: sharing or sending a pointer to one is harmless.
  if (Pointee.isNull() || Pointee->isFunctionType())
    return yes();

  Trait Required = P;
  llvm::StringRef Verb, VerbMemory; // "owns a 'T'", "owns memory that ..."
  switch (K) {
  case PointerKind::Raw: {
    Judgement J;
    J.V = Verdict::Unknown;
    J.Root = Cause::UnannotatedPointer;
    J.Phrase = "is an unannotated pointer " + quote(typeName(T)) +
               "; mark it SS_OWNED, SS_STATIC or SS_BORROWED";
    return J;
  }
  case PointerKind::Owned:
    Verb = "owns a";
    VerbMemory = "owns memory that";
    break;
  case PointerKind::Static:
    Required = Trait::Sync; // every thread shares the pointee: Arc<T>
    Verb = "points to a static";
    VerbMemory = "points to static memory that";
    break;
  case PointerKind::Borrowed:
    Required = Trait::Sync; // &T is Send iff T is Sync
    Verb = "borrows a";
    VerbMemory = "borrows memory that";
    break;
  }
  Judgement Sub = judgeType(Pointee, Required);
  if (Sub.holds())
    return Sub;
  Judgement J = Sub;
  if (Sub.Chain.empty())
    J.Phrase = VerbMemory.str() + " " + Sub.Phrase;
  else
    J.Phrase = Verb.str() + " " + quote(typeName(Pointee)) + ", " +
               notTrait(Sub.V, Required);
  return J;
}

Judgement TraitOracle::judgeRecord(const RecordDecl *RD, bool Const, Trait P) {
  if (const RecordDecl *Def = RD->getDefinition())
    RD = Def;
  Key K0{RD->getCanonicalDecl(), keyBits(P, Const)};
  auto Memo = RecordMemo.find(K0);
  if (Memo != RecordMemo.end())
    return Memo->second;
  auto Active = InProgress.find(K0);
  if (Active != InProgress.end()) {
    // Coinduction: on a cycle, assume the property holds.
    Judgement J;
    J.AssumedDepth = Active->second;
    return J;
  }
  unsigned MyDepth = ++Depth;
  InProgress[K0] = MyDepth;
  Judgement J = computeRecord(RD, Const, P);
  InProgress.erase(K0);
  --Depth;
  // A "no" is final even under assumptions (the rules are monotone); a "yes"
  // that assumed an enclosing record is only final once that record is.
  if (J.V == Verdict::No || J.AssumedDepth >= MyDepth) {
    J.AssumedDepth = Judgement::NoAssumption;
    RecordMemo[K0] = J;
  }
  return J;
}

Judgement TraitOracle::computeRecord(const RecordDecl *RD, bool Const,
                                     Trait P) {
  std::string Name = recordName(RD);
  // Hops name the record as it is seen: members of a const struct are const.
  std::string Seen = Const ? "const " + Name : Name;
  Marker Negative = negativeMarker(P), Unsafe = unsafeMarker(P);
  if (const MarkerUse *U = Markers.find(RD, Negative))
    return negative(*U, Name, Name, P, /*ByImpl=*/false);
  for (const MarkerUse &U : Markers.implsFor(RD))
    if (U.Kind == Negative)
      return negative(U, Name, Name, P, /*ByImpl=*/true);
  if (Markers.find(RD, Unsafe))
    return yes();
  for (const MarkerUse &U : Markers.implsFor(RD))
    if (U.Kind == Unsafe)
      return yes();
  if (hasCapability(RD))
    return yes();
  switch (classifyTagName(RD->getName())) {
  case BuiltinKind::ThreadAffine:
    return threadAffine(Name);
  case BuiltinKind::Atomic:
  case BuiltinKind::SyncObject:
    return yes();
  case BuiltinKind::Handle:
  case BuiltinKind::None:
    break;
  }
  if (RD->isInvalidDecl())
    return yes(); // clang has already reported it
  if (!RD->isCompleteDefinition()) {
    Judgement J;
    J.V = Verdict::Unknown;
    J.Root = Cause::OpaqueType;
    J.Phrase = "has type " + quote(Name) + ", " + notTrait(J.V, P);
    J.Chain.push_back(
        {RD->getLocation(),
         quote(Name) +
             " is incomplete here and carries no sendsync marker; mark a "
             "declaration of it, e.g. '" +
             (RD->getName().empty()
                  ? std::string("SS_UNSAFE_SEND(\"why\")")
                  : RD->getKindName().str() + " SS_UNSAFE_SEND(\"why\") " +
                        RD->getName().str() + ";") +
             "'"});
    return J;
  }

  Judgement Result;
  for (const FieldDecl *FD : RD->fields()) {
    if (FD->isUnnamedBitField())
      continue; // padding: holds no value
    Judgement F = judgeField(FD, Const, P);
    Result.AssumedDepth = std::min(Result.AssumedDepth, F.AssumedDepth);
    if (F.V >= Result.V)
      continue;
    unsigned Assumed = Result.AssumedDepth;
    Result = F;
    Result.AssumedDepth = Assumed;
    Result.Phrase = "has type " + quote(Seen) + ", " + notTrait(F.V, P);
    std::string Hop =
        quote(Seen) + (F.V == Verdict::No ? " is not " : " cannot be proven ") +
        traitName(P).str() + " because its " + fieldLabel(FD) + " " + F.Phrase;
    Result.Chain.insert(Result.Chain.begin(), {FD->getLocation(), Hop});
    if (F.V == Verdict::No)
      break;
  }
  return Result;
}

const FieldDecl *TraitOracle::unsafeBitFieldNeighbour(const FieldDecl *FD,
                                                      bool RecordConst) const {
  if (RecordConst)
    return nullptr; // nobody writes any of them
  // A memory location is a maximal run of adjacent non-zero-width
  // bit-fields (C11 3.14); find the run that holds FD.
  llvm::SmallVector<const FieldDecl *, 8> Run;
  bool Found = false;
  for (const FieldDecl *F : FD->getParent()->fields()) {
    bool InRun = F->isBitField() && !F->isInvalidDecl() &&
                 !F->getBitWidth()->isValueDependent() &&
                 compat::bitWidth(F, Ctx) != 0;
    if (!InRun) {
      if (Found)
        break;
      Run.clear();
      continue;
    }
    Found |= F == FD;
    if (!F->isUnnamedBitField()) // padding is never written
      Run.push_back(F);
  }
  // Writing any bit-field rewrites the whole location, so the location is
  // Sync only when nobody writes it (all const) or every access takes the
  // same lock (all guarded by it).
  auto Compatible = [&](const FieldDecl *A, const FieldDecl *B) {
    bool ConstA = A->getType().getCanonicalType().isConstQualified();
    bool ConstB = B->getType().getCanonicalType().isConstQualified();
    if (!isGuarded(A) && !isGuarded(B))
      return ConstA && ConstB;
    if (!isGuarded(A) || !isGuarded(B))
      return false;
    const ValueDecl *LA = guardingLock(A);
    return LA && LA == guardingLock(B);
  };
  for (const FieldDecl *F : Run)
    if (F != FD && !Compatible(FD, F))
      return F;
  return nullptr;
}

Judgement TraitOracle::judgeField(const FieldDecl *FD, bool RecordConst,
                                  Trait P) {
  QualType FT = FD->getType();
  if (RecordConst)
    FT.addConst();
  PointerKind K = Markers.pointerKind(FD);
  bool Guarded = isGuarded(FD);

  if (P == Trait::Sync && FD->isBitField() &&
      (Guarded || FT.getCanonicalType().isConstQualified())) {
    if (const FieldDecl *N = unsafeBitFieldNeighbour(FD, RecordConst)) {
      Judgement J;
      J.V = Verdict::No;
      J.Root = Cause::SharedBitField;
      J.Phrase = "is a bit-field that shares its memory location with " +
                 fieldLabel(N) +
                 "; writing one rewrites the other, so make all of them "
                 "const or guard all of them with the same lock";
      return J;
    }
  }

  if (P == Trait::Sync && Guarded) {
    // Like Mutex<T>: a guarded value is Sync when it may move between the
    // threads that take turns holding the lock.
    Judgement J = judgeType(FT, Trait::Send, K);
    if (!J.holds())
      J.Phrase = "is guarded by a lock, yet " + J.Phrase;
    return J;
  }
  return judgeType(FT, P, K);
}

Judgement TraitOracle::judgeStatic(QualType T) {
  if (T.isNull())
    return yes();
  auto It = StaticMemo.find(T.getAsOpaquePtr());
  if (It != StaticMemo.end())
    return It->second;
  llvm::SmallPtrSet<const RecordDecl *, 8> Seen;
  Judgement J = computeStatic(T, Seen);
  StaticMemo[T.getAsOpaquePtr()] = J;
  return J;
}

Judgement
TraitOracle::computeStatic(QualType T,
                           llvm::SmallPtrSetImpl<const RecordDecl *> &Seen) {
  QualType Canon = T.getCanonicalType();
  if (const auto *AT = Canon->getAs<AtomicType>())
    Canon = AT->getValueType().getCanonicalType();
  if (Ctx.getAsArrayType(Canon))
    return computeStatic(Ctx.getBaseElementType(Canon), Seen);
  const RecordDecl *RD = compat::recordOf(Canon);
  if (!RD || !RD->isCompleteDefinition())
    return yes(); // scalars own nothing
  if (!Seen.insert(RD).second) {
    ++StaticCycleCuts; // searched from where the cycle started
    return yes();
  }
  // One walk per record: a "no" holds for every asker; a "yes" only when
  // no cycle was cut below (the cut part was not searched from here).
  auto Memo = RecordStaticMemo.find(RD);
  if (Memo != RecordStaticMemo.end())
    return Memo->second;
  unsigned CutsBefore = StaticCycleCuts;
  Judgement Result = computeStaticFields(RD, Seen);
  if (!Result.holds() || StaticCycleCuts == CutsBefore)
    RecordStaticMemo[RD] = Result;
  return Result;
}

Judgement TraitOracle::computeStaticFields(
    const RecordDecl *RD, llvm::SmallPtrSetImpl<const RecordDecl *> &Seen) {
  for (const FieldDecl *FD : RD->fields()) {
    QualType FT = FD->getType();
    PointerKind K = Markers.pointerKind(FD);
    if (FT->isAnyPointerType() && K == PointerKind::Raw)
      for (QualType Cur = FT; const auto *TT = Cur->getAs<TypedefType>();
           Cur = TT->desugar())
        if ((K = Markers.pointerKind(TT->getDecl())) != PointerKind::Raw)
          break;
    Judgement Sub;
    if (FT->isAnyPointerType() && K == PointerKind::Borrowed) {
      Sub.V = Verdict::No;
      Sub.Root = Cause::BorrowedPointer;
      Sub.Phrase = "borrows a " + quote(typeName(FT->getPointeeType())) +
                   ", which may not outlive its owner";
    } else if (FT->isAnyPointerType() && K == PointerKind::Owned) {
      Sub = computeStatic(FT->getPointeeType(), Seen);
      if (!Sub.holds() && !Sub.Chain.empty())
        Sub.Phrase = "owns a " + quote(typeName(FT->getPointeeType())) +
                     ", which holds a borrowed pointer";
    } else if (!FT->isAnyPointerType()) {
      Sub = computeStatic(FT, Seen);
      if (!Sub.holds() && !Sub.Chain.empty())
        Sub.Phrase = "has type " + quote(typeName(FT)) +
                     ", which holds a borrowed pointer";
    }
    if (Sub.holds())
      continue;
    std::string Name = recordName(RD); // only for the answer "no"
    Judgement J = Sub;
    J.Phrase = "has type " + quote(Name) + ", which holds a borrowed pointer";
    J.Chain.insert(J.Chain.begin(),
                   {FD->getLocation(), quote(Name) +
                                           " may not outlive what it borrows: "
                                           "its " +
                                           fieldLabel(FD) + " " + Sub.Phrase});
    return J;
  }
  return yes();
}

bool TraitOracle::isSyncPart(const Expr *LValue) {
  const Expr *E = LValue->IgnoreParens();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (FD->hasAttr<GuardedByAttr>() || FD->hasAttr<PtGuardedByAttr>())
        return true;
  return judgeType(E->getType(), Trait::Sync).holds();
}

} // namespace sendsync
