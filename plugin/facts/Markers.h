//===- Markers.h - Reading sendsync markers from annotate attributes ------===//
//
// A marker is `__attribute__((annotate("<spelling>", args...)))` on a
// declaration. This file knows the vocabulary (docs/rules.md §1) and finds the
// markers of a declaration across all its redeclarations, plus the impl
// declarations that mark a foreign type. It never reports: malformed markers
// are left for the sendsync-annotation check to judge.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_MARKERS_H
#define SENDSYNC_MARKERS_H

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <unordered_map>

namespace sendsync {

enum class Marker {
  Send,
  Sync,
  NotSend,
  NotSync,
  UnsafeSend,
  UnsafeSync,
  Owned,
  Borrowed,
  Static,
  ThreadEntry,
  ThreadArg,
  ThreadJoin,
  Impl,
  AssumeSend,
  AssumeSync,
};

/// What kind of declaration a marker belongs on.
enum class MarkerClass {
  TypeClaim,    // send, sync: verified claims on struct/union/typedef
  TypeNegative, // not_send, not_sync
  TypeUnsafe,   // unsafe_send, unsafe_sync: trusted, need a reason
  PointerKind,  // owned, borrowed, static
  SpawnParam,   // thread_entry, thread_arg, thread_join
  Impl,         // impl declarations (typedefs)
  Assume,       // the header's sendsync_assume_* identity functions
};

enum class PointerKind { Raw, Owned, Borrowed, Static };

llvm::StringRef spelling(Marker M);
MarkerClass classOf(Marker M);
std::optional<Marker> markerFromSpelling(llvm::StringRef S);
/// The known spelling closest to S (case-insensitive, at most two edits), for
/// near misses like "sned" or "Owned"; std::nullopt when S is not close to
/// any, which means the annotation belongs to some other tool.
std::optional<Marker> nearMissMarker(llvm::StringRef S);
/// Whether the marker may appear inside an impl declaration.
bool isTypeMarker(Marker M);
PointerKind pointerKindOf(Marker M);
llvm::StringRef pointerKindName(PointerKind K);

/// One marker as written.
struct MarkerUse {
  Marker Kind;
  const clang::AnnotateAttr *Attr; // the attribute that spells it
  const clang::Decl *On;           // the declaration it is attached to
  /// The reason string (unsafe_*; impl's third argument), when it is one.
  std::optional<llvm::StringRef> Reason;
};

/// The string value of an annotate argument, if it is a string literal.
std::optional<llvm::StringRef> stringArg(const clang::AnnotateAttr *A,
                                         unsigned Index);

/// Markers of declarations, read lazily and cached per canonical declaration.
class MarkerIndex {
public:
  /// Markers on D and on every redeclaration of it (inherited copies that
  /// clang makes on later redeclarations are skipped). Impl markers are not
  /// included; see implsFor.
  llvm::ArrayRef<MarkerUse> of(const clang::Decl *D);
  /// The first marker M on D; the pointer stays valid for the index's life.
  const MarkerUse *find(const clang::Decl *D, Marker M);
  /// The pointer kind declared on D (a field, variable, parameter or typedef).
  PointerKind pointerKind(const clang::Decl *D);

  /// Registers an impl declaration: a typedef of a struct or union carrying
  /// annotate("impl", "<marker>", "<reason>"). Others are ignored here
  /// and reported by the sendsync-annotation check.
  void addImpl(const clang::TypedefNameDecl *TD, const clang::AnnotateAttr *A);
  /// Impl markers that apply to a struct or union.
  llvm::ArrayRef<MarkerUse> implsFor(const clang::RecordDecl *RD) const;

private:
  // Node-based so that the MarkerUse pointers handed out by find() stay
  // valid while later lookups add entries.
  std::unordered_map<const clang::Decl *, llvm::SmallVector<MarkerUse, 2>>
      Cache;
  llvm::DenseMap<const clang::Decl *, llvm::SmallVector<MarkerUse, 1>> Impls;
};

} // namespace sendsync

#endif // SENDSYNC_MARKERS_H
