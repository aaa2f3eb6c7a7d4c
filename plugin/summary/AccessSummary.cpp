//===- AccessSummary.cpp - What a function does to what its pointers reach ===//

#include "AccessSummary.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

namespace sendsync {

bool Part::overlaps(const Part &O) const {
  size_t N = std::min(Fields.size(), O.Fields.size());
  for (size_t I = 0; I < N; ++I)
    if (Fields[I] != O.Fields[I])
      return false;
  return true;
}

Part Part::below(const Part &Prefix) const {
  Part Out = Prefix;
  Out.Fields.append(Fields.begin(), Fields.end());
  Out.Indexed = Prefix.Indexed || Indexed;
  return Out;
}

bool sameLock(const LockName &A, const LockName &B) {
  return A.Base == B.Base && A.Fields == B.Fields;
}

bool shareLock(const LockSet &A, const LockSet &B) {
  for (const LockName &L : A)
    for (const LockName &M : B)
      if (sameLock(L, M))
        return true;
  return false;
}

bool sameLocks(const LockSet &A, const LockSet &B) {
  return llvm::all_of(
             A, [&](const LockName &L) { return llvm::is_contained(B, L); }) &&
         llvm::all_of(
             B, [&](const LockName &L) { return llvm::is_contained(A, L); });
}

LockSet meetLocks(const LockSet &A, const LockSet &B) {
  LockSet Out;
  for (const LockName &L : A)
    if (llvm::is_contained(B, L))
      Out.push_back(L);
  return Out;
}

namespace {

/// Whether A is found before B in the source (their expansion locations).
bool isEarlier(const clang::Expr *A, const clang::Expr *B,
               const clang::SourceManager &SM) {
  // A fact of another translation unit (no expression here) comes after
  // this unit's; its place is never compared with SM (it is not in this
  // translation unit's include tree).
  if (!A || !B)
    return A && !B;
  clang::SourceLocation LA = SM.getExpansionLoc(A->getExprLoc());
  clang::SourceLocation LB = SM.getExpansionLoc(B->getExprLoc());
  return LA != LB && SM.isBeforeInTranslationUnit(LA, LB);
}

llvm::hash_code hashOf(const Part &P) {
  return llvm::hash_combine(
      P.Indexed, llvm::hash_combine_range(P.Fields.begin(), P.Fields.end()));
}

/// A DenseMap key (never its empty or tombstone key) for a use's facts.
unsigned hashOf(const ParamUse &U) {
  size_t Locks = 0; // a sum: the same for the same locks in any order
  for (const LockName &L : U.Held)
    Locks += llvm::hash_combine(
        L.Base, L.InPointee,
        llvm::hash_combine_range(L.Fields.begin(), L.Fields.end()));
  size_t H =
      llvm::hash_combine(static_cast<int>(U.Kind), hashOf(U.Where), Locks);
  return static_cast<unsigned>(H) & 0x7fffffffu;
}

bool sameFacts(const ParamUse &A, const ParamUse &B) {
  return A.Kind == B.Kind && A.Where == B.Where && sameLocks(A.Held, B.Held);
}

unsigned hashOf(const ParamSignal &S) {
  size_t H = llvm::hash_combine(static_cast<int>(S.Kind), hashOf(S.Object),
                                S.Global, S.Opaque, S.UsedAfter != nullptr);
  return static_cast<unsigned>(H) & 0x7fffffffu;
}

/// What a signal says, apart from where it is seen: the same for a signal
/// copied from a callee at two calls, or made on two paths.
bool sameFacts(const ParamSignal &A, const ParamSignal &B) {
  return A.Kind == B.Kind && A.Object == B.Object && A.Global == B.Global &&
         A.Opaque == B.Opaque &&
         (A.UsedAfter != nullptr) == (B.UsedAfter != nullptr);
}

} // namespace

/// A use not replaced by an earlier one (replaced ones lose their place).
static bool isKept(const ParamUse &U) { return U.At || U.External; }

/// Below this many uses, a use's duplicate is looked for by a scan: most
/// summaries are that small, and a hash index would cost more than it saves.
static constexpr size_t IndexFrom = 16;

void UseMerger::add(ParamUse U, const clang::SourceManager &SM) {
  llvm::SmallVector<unsigned, 1> *Bucket = nullptr;
  std::optional<unsigned> Same;
  if (Uses.size() < IndexFrom) {
    for (unsigned I = 0, N = Uses.size(); I < N && !Same; ++I)
      if (isKept(Uses[I]) && sameFacts(Uses[I], U))
        Same = I;
  } else {
    if (ByFacts.empty()) // the uses so far, the replaced ones left out
      for (unsigned I = 0, N = Uses.size(); I < N; ++I)
        if (isKept(Uses[I]))
          ByFacts[hashOf(Uses[I])].push_back(I);
    Bucket = &ByFacts[hashOf(U)];
    auto It = llvm::find_if(*Bucket,
                            [&](unsigned I) { return sameFacts(Uses[I], U); });
    if (It != Bucket->end())
      Same = *It;
  }
  if (Same && !isEarlier(U.At, Uses[*Same].At, SM))
    return;
  // An earlier one is kept, after the uses added so far, as sorting every
  // use and then dropping the later duplicates would keep it.
  unsigned New = Uses.size();
  if (Same) {
    Uses[*Same].At = nullptr;
    Uses[*Same].External = nullptr;
  }
  if (Bucket) {
    if (Same)
      *llvm::find(*Bucket, *Same) = New;
    else
      Bucket->push_back(New);
  }
  Uses.push_back(std::move(U));
}

std::vector<ParamUse> UseMerger::take(const clang::SourceManager &SM) {
  std::vector<ParamUse> Out = std::move(Uses);
  Uses.clear();
  ByFacts.clear();
  if (Out.size() < 2) // nothing replaced, nothing to sort
    return Out;
  llvm::erase_if(Out, [](const ParamUse &U) { return !isKept(U); });
  llvm::stable_sort(Out, [&](const ParamUse &A, const ParamUse &B) {
    return isEarlier(A.At, B.At, SM);
  });
  return Out;
}

void mergeSignals(std::vector<ParamSignal> &Signals,
                  const clang::SourceManager &SM) {
  if (Signals.size() < 2)
    return;
  llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 1>> ByFacts;
  std::vector<ParamSignal> Out;
  for (ParamSignal &Sig : Signals) {
    llvm::SmallVector<unsigned, 1> &Same = ByFacts[hashOf(Sig)];
    auto It =
        llvm::find_if(Same, [&](unsigned I) { return sameFacts(Out[I], Sig); });
    if (It == Same.end()) {
      Same.push_back(Out.size());
      Out.push_back(std::move(Sig));
    } else if (isEarlier(Sig.At, Out[*It].At, SM)) {
      Out[*It] = std::move(Sig);
    }
  }
  Signals = std::move(Out);
}

const LockSet &FunctionLocks::at(const clang::Stmt *S) const {
  static const LockSet None;
  auto It = HeldAt.find(S);
  return It == HeldAt.end() ? None : It->second;
}

} // namespace sendsync
