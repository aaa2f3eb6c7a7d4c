//===- TypeRules.h - Send/Sync of C types, with the chain that explains it ===//
//
// The facts of docs/rules.md §1: whether a type (as written: typedef markers
// count) is Send or Sync, and when it is not, the located path of hops from the
// type down to the root cause. Judgements are memoized per translation unit;
// recursive types are judged coinductively (a cycle is assumed to hold).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_TYPERULES_H
#define SENDSYNC_TYPERULES_H

#include "Markers.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <climits>
#include <string>
#include <vector>

namespace sendsync {

enum class Trait { Send, Sync };
llvm::StringRef traitName(Trait P);
/// The markers that speak of one trait: send/sync, not_*, unsafe_*.
Marker claimMarker(Trait P);
Marker negativeMarker(Trait P);
Marker unsafeMarker(Trait P);

/// Ordered: combining judgements takes the minimum.
enum class Verdict { No = 0, Unknown = 1, Yes = 2 };

/// What a chain ends at. Default mode reports trait violations only for the
/// explicit causes (docs/rules.md §4); strict mode reports all of them.
enum class Cause {
  None,
  NegativeMarker,     // not_send / not_sync, on the type or by an impl
  ThreadAffine,       // jmp_buf, va_list, ucontext_t ...
  BorrowedPointer,    // a borrowed pointer where 'static is required
  MutableStorage,     // storage rule: not const, _Atomic, or guarded
  SharedBitField,     // bit-field sharing its memory location unsafely
  UnannotatedPointer, // raw pointer: unknown
  OpaqueType,         // incomplete type or void: unknown
};
bool isExplicitCause(Cause C);

/// One located step of an explanation.
struct Hop {
  clang::SourceLocation Loc;
  std::string Message;
};

struct Judgement {
  static constexpr unsigned NoAssumption = UINT_MAX;

  Verdict V = Verdict::Yes;
  Cause Root = Cause::None;
  /// Completes the sentence "... because its field 'f' <Phrase>", e.g.
  /// "holds a mutable 'int'; make it const, ..." or "owns a 'struct logger',
  /// which is not Send". Empty when the verdict is Yes.
  std::string Phrase;
  /// Located hops below the holder, ending at the root cause (a marker or a
  /// declaration). Empty when the root cause is a built-in rule that Phrase
  /// states in full.
  std::vector<Hop> Chain;
  /// Coinduction bookkeeping: the shallowest record still being judged that
  /// this result assumed to hold. Such results are not memoized.
  unsigned AssumedDepth = NoAssumption;

  bool holds() const { return V == Verdict::Yes; }
};

class TraitOracle {
public:
  TraitOracle(clang::ASTContext &Ctx, MarkerIndex &Markers)
      : Ctx(Ctx), Markers(Markers) {}

  /// Judges T as written, as the type of a declaration whose pointer kind is
  /// K (a marker on the field, variable or parameter).
  Judgement judgeType(clang::QualType T, Trait P,
                      PointerKind K = PointerKind::Raw);
  /// Judges a field of a record that is seen const when RecordConst (members
  /// of a const struct are const).
  Judgement judgeField(const clang::FieldDecl *FD, bool RecordConst, Trait P);
  /// Judges a struct or union: its markers, then its fields.
  Judgement judgeRecord(const clang::RecordDecl *RD, bool Const, Trait P);
  /// Judges a typedef name: its own markers, then the type it aliases.
  Judgement judgeTypedef(const clang::TypedefNameDecl *TD, Trait P);

  /// Whether T, and what it owns (fields, arrays, owned pointers), lives
  /// "forever" from the thread's point of view ('static): No, with the chain
  /// down to the field, when a borrowed pointer is reachable (docs/rules.md §1:
  /// a borrowed pointer may not cross into an unscoped thread).
  Judgement judgeStatic(clang::QualType T);

  /// Whether an lvalue is Sync by itself (a lock, an atomic, a guarded_by
  /// field): touching it is how threads cooperate, not an access to judge.
  bool isSyncPart(const clang::Expr *LValue);

  std::string typeName(clang::QualType T) const;
  std::string recordName(const clang::RecordDecl *RD) const;
  static std::string fieldLabel(const clang::FieldDecl *FD);

  clang::ASTContext &context() const { return Ctx; }
  MarkerIndex &markers() const { return Markers; }

private:
  Judgement computeType(clang::QualType T, Trait P, PointerKind K);
  Judgement computeRecord(const clang::RecordDecl *RD, bool Const, Trait P);
  /// Pointers (also the value of an _Atomic pointer, whose own storage is
  /// then Sync by construction).
  Judgement judgePointer(clang::QualType T, Trait P, PointerKind K,
                         bool AtomicStorage);
  /// What one typedef layer of a type decides by itself (library names,
  /// markers), or std::nullopt to look further. May set the pointer kind.
  std::optional<Judgement> judgeTypedefLayer(const clang::TypedefNameDecl *TD,
                                             clang::QualType Whole, Trait P,
                                             PointerKind &K);
  /// A negative marker: Subject names the type as written, Marked the
  /// declaration that carries the marker.
  Judgement negative(const MarkerUse &U, llvm::StringRef Subject,
                     llvm::StringRef Marked, Trait P, bool ByImpl) const;
  /// The bit-field rule (CERT CON32-C); returns the offending neighbour.
  const clang::FieldDecl *unsafeBitFieldNeighbour(const clang::FieldDecl *FD,
                                                  bool RecordConst) const;

  clang::ASTContext &Ctx;
  MarkerIndex &Markers;
  using Key = std::pair<const void *, unsigned>;
  Judgement
  computeStatic(clang::QualType T,
                llvm::SmallPtrSetImpl<const clang::RecordDecl *> &Seen);
  Judgement
  computeStaticFields(const clang::RecordDecl *RD,
                      llvm::SmallPtrSetImpl<const clang::RecordDecl *> &Seen);

  llvm::DenseMap<Key, Judgement> TypeMemo;
  llvm::DenseMap<const void *, Judgement> StaticMemo;
  llvm::DenseMap<const clang::RecordDecl *, Judgement> RecordStaticMemo;
  unsigned StaticCycleCuts = 0;
  llvm::DenseMap<Key, Judgement> RecordMemo;
  llvm::DenseMap<Key, unsigned> InProgress; // record key -> depth
  unsigned Depth = 0;
};

} // namespace sendsync

#endif // SENDSYNC_TYPERULES_H
