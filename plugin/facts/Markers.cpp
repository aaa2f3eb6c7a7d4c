//===- Markers.cpp - Reading sendsync markers -----------------------------===//

#include "Markers.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace sendsync {

namespace {
struct MarkerInfo {
  Marker Kind;
  llvm::StringLiteral Spelling;
  MarkerClass Class;
};

constexpr MarkerInfo Vocabulary[] = {
    {Marker::Send, "send", MarkerClass::TypeClaim},
    {Marker::Sync, "sync", MarkerClass::TypeClaim},
    {Marker::NotSend, "not_send", MarkerClass::TypeNegative},
    {Marker::NotSync, "not_sync", MarkerClass::TypeNegative},
    {Marker::UnsafeSend, "unsafe_send", MarkerClass::TypeUnsafe},
    {Marker::UnsafeSync, "unsafe_sync", MarkerClass::TypeUnsafe},
    {Marker::Owned, "owned", MarkerClass::PointerKind},
    {Marker::Borrowed, "borrowed", MarkerClass::PointerKind},
    {Marker::Static, "static", MarkerClass::PointerKind},
    {Marker::ThreadEntry, "thread_entry", MarkerClass::SpawnParam},
    {Marker::ThreadArg, "thread_arg", MarkerClass::SpawnParam},
    {Marker::ThreadJoin, "thread_join", MarkerClass::SpawnParam},
    {Marker::Impl, "impl", MarkerClass::Impl},
    {Marker::AssumeSend, "sendsync_assume_send", MarkerClass::Assume},
    {Marker::AssumeSync, "sendsync_assume_sync", MarkerClass::Assume},
};

const MarkerInfo &info(Marker M) {
  return Vocabulary[static_cast<unsigned>(M)];
}
} // namespace

llvm::StringRef spelling(Marker M) { return info(M).Spelling; }
MarkerClass classOf(Marker M) { return info(M).Class; }

std::optional<Marker> markerFromSpelling(llvm::StringRef S) {
  for (const MarkerInfo &I : Vocabulary)
    if (I.Spelling == S)
      return I.Kind;
  return std::nullopt;
}

namespace {
/// Edit distance that also counts one swap of adjacent letters as a single
/// edit ("sned" is one typo away from "send", not two).
unsigned typoDistance(llvm::StringRef A, llvm::StringRef B) {
  unsigned D = A.edit_distance(B, /*AllowReplacements=*/true,
                               /*MaxEditDistance=*/3);
  if (A.size() != B.size() || D != 2)
    return D;
  for (size_t I = 0; I + 1 < A.size(); ++I)
    if (A[I] != B[I])
      return A[I] == B[I + 1] && A[I + 1] == B[I] &&
                     A.drop_front(I + 2) == B.drop_front(I + 2)
                 ? 1
                 : D;
  return D;
}
} // namespace

std::optional<Marker> nearMissMarker(llvm::StringRef S) {
  // Short strings are too easily "close" to something; leave them alone.
  if (S.size() < 3)
    return std::nullopt;
  std::string Lower = S.lower();
  std::optional<Marker> Best;
  unsigned BestDistance = 3;
  for (const MarkerInfo &I : Vocabulary) {
    unsigned D = typoDistance(Lower, I.Spelling);
    // A near miss must be closer than half its own length, so that
    // annotations of other tools ("sink", "static_init") are left alone.
    if (D < BestDistance && D * 2 < I.Spelling.size()) {
      Best = I.Kind;
      BestDistance = D;
    }
  }
  return Best;
}

bool isTypeMarker(Marker M) {
  MarkerClass C = classOf(M);
  return C == MarkerClass::TypeClaim || C == MarkerClass::TypeNegative ||
         C == MarkerClass::TypeUnsafe;
}

PointerKind pointerKindOf(Marker M) {
  switch (M) {
  case Marker::Owned:
    return PointerKind::Owned;
  case Marker::Borrowed:
    return PointerKind::Borrowed;
  case Marker::Static:
    return PointerKind::Static;
  default:
    return PointerKind::Raw;
  }
}

llvm::StringRef pointerKindName(PointerKind K) {
  switch (K) {
  case PointerKind::Owned:
    return "owned";
  case PointerKind::Borrowed:
    return "borrowed";
  case PointerKind::Static:
    return "static";
  case PointerKind::Raw:
    return "unannotated";
  }
  return "unannotated";
}

std::optional<llvm::StringRef> stringArg(const AnnotateAttr *A,
                                         unsigned Index) {
  if (Index >= A->args_size())
    return std::nullopt;
  const Expr *E = A->args_begin()[Index];
  if (!E)
    return std::nullopt;
  if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts()))
    if (SL->getCharByteWidth() == 1)
      return SL->getString();
  return std::nullopt;
}

llvm::ArrayRef<MarkerUse> MarkerIndex::of(const Decl *D) {
  const Decl *Canon = D->getCanonicalDecl();
  auto It = Cache.find(Canon);
  if (It != Cache.end())
    return It->second;
  llvm::SmallVector<MarkerUse, 2> Uses;
  for (const Decl *R : Canon->redecls()) {
    for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
      if (A->isInherited())
        continue;
      std::optional<Marker> M = markerFromSpelling(A->getAnnotation());
      if (!M || *M == Marker::Impl)
        continue;
      Uses.push_back({*M, A, R, stringArg(A, 0)});
    }
  }
  return Cache[Canon] = std::move(Uses);
}

const MarkerUse *MarkerIndex::find(const Decl *D, Marker M) {
  for (const MarkerUse &U : of(D))
    if (U.Kind == M)
      return &U;
  return nullptr;
}

PointerKind MarkerIndex::pointerKind(const Decl *D) {
  for (const MarkerUse &U : of(D))
    if (classOf(U.Kind) == MarkerClass::PointerKind)
      return pointerKindOf(U.Kind);
  return PointerKind::Raw;
}

void MarkerIndex::addImpl(const TypedefNameDecl *TD, const AnnotateAttr *A) {
  std::optional<llvm::StringRef> Spelled = stringArg(A, 0);
  if (!Spelled)
    return;
  std::optional<Marker> M = markerFromSpelling(*Spelled);
  if (!M || !isTypeMarker(*M))
    return;
  const RecordDecl *RD = TD->getUnderlyingType()->getAsRecordDecl();
  if (!RD)
    return;
  Impls[RD->getCanonicalDecl()].push_back({*M, A, TD, stringArg(A, 1)});
}

llvm::ArrayRef<MarkerUse> MarkerIndex::implsFor(const RecordDecl *RD) const {
  auto It = Impls.find(RD->getCanonicalDecl());
  if (It == Impls.end())
    return {};
  return It->second;
}

} // namespace sendsync
