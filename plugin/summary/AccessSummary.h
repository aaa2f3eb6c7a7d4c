//===- AccessSummary.h - What a function does to what its pointers reach --===//
//
// docs/rules.md §6.1: for every pointer parameter of a function defined in
// the translation unit, what the function and the TU-local functions it
// calls do to the pointee: which part (a field path, an element, or the
// whole object), how (read, write, free, realloc), and under which locks.
// Facts only; checks compare them (the thread's side of a hand-off against
// the spawner's, or two threads against each other).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SUMMARY_ACCESSSUMMARY_H
#define SENDSYNC_SUMMARY_ACCESSSUMMARY_H

#include "LockCalls.h"
#include "ProgramFacts.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace sendsync {

enum class UseKind { Read, Write, Free, Realloc };

/// A part of the pointee: fields from the object, and whether an element
/// of an array on the way is chosen (any element: indices are not compared).
struct Part {
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  bool Indexed = false;

  /// Whether the two parts may overlap: one is a prefix of the other.
  bool overlaps(const Part &O) const;
  /// This part, below Prefix (a callee's part seen from its caller).
  Part below(const Part &Prefix) const;
  bool operator==(const Part &O) const {
    return Fields == O.Fields && Indexed == O.Indexed;
  }
};

/// A lock, named by the object it is: a global (`g_lock`), or a part of what
/// a parameter points to (`arg->mu`: Base is the parameter, Fields {mu}).
struct LockName {
  const clang::ValueDecl *Base = nullptr;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  /// Base is a parameter and the lock is in its pointee.
  bool InPointee = false;

  bool operator==(const LockName &O) const {
    return Base == O.Base && Fields == O.Fields && InPointee == O.InPointee;
  }
};
using LockSet = llvm::SmallVector<LockName, 2>;

/// Whether two locks, named from the same function, are the same object:
/// `&p->mu` (in a parameter's pointee) and `&s.mu` compare by their base and
/// fields alone.
bool sameLock(const LockName &A, const LockName &B);
/// Whether the two lock sets have a lock in common.
bool shareLock(const LockSet &A, const LockSet &B);
/// Whether the two lock sets hold the same locks, in any order.
bool sameLocks(const LockSet &A, const LockSet &B);
/// The locks in both (held on both paths where two meet), in A's order.
LockSet meetLocks(const LockSet &A, const LockSet &B);

/// One access to a parameter's pointee.
struct ParamUse {
  UseKind Kind = UseKind::Read;
  Part Where;
  /// The locks held at the access (must-hold: on every path to it).
  LockSet Held;
  /// The access itself, in the function that makes it (maybe a callee).
  const clang::Expr *At = nullptr;
  /// Instead of At, for an access made in another translation unit (a
  /// summary of the program database): where it is made there.
  const ExternalLoc *External = nullptr;
};

/// A sync object in the pointee that the function posts, signals or meets
/// at (a barrier): how the thread tells the spawner it is done with the
/// object (docs/rules.md §6.3).
struct ParamSignal {
  SyncOp Kind = SyncOp::Signal;
  /// The sync object: a part of the pointee (`arg->done`), or of Global.
  Part Object;
  /// The signalling call, in the function that makes it (maybe a callee).
  const clang::Expr *At = nullptr;
  /// Instead of At, for a signal made in another translation unit.
  const ExternalLoc *External = nullptr;
  /// The first access to the pointee found on a path after the signal;
  /// null when nothing of the object is touched after it.
  const clang::Expr *UsedAfter = nullptr;
  /// A global sync object (`pthread_barrier_wait(&dock)`): Object is its
  /// part.
  const clang::ValueDecl *Global = nullptr;
  /// A function of the program whose name says it signals or waits
  /// (`gomp_barrier_wait`), on an object that is not named: the spawner's
  /// call of the same function may be the other side (default mode only).
  const clang::FunctionDecl *Opaque = nullptr;
};

struct ParamSummary {
  /// One use per kind, part and lock set, the earliest in source order;
  /// in source order.
  std::vector<ParamUse> Uses;
  /// Signals on sync objects in the pointee, in source order.
  std::vector<ParamSignal> Signals;
  /// The pointer is passed to a function whose effect is not known (not
  /// defined in the TU, not in the known tables), or stored where another
  /// function can reach it: what happens to the pointee is unknown.
  bool Unknown = false;
  /// Where it became unknown (null when the body could not be walked).
  const clang::Expr *UnknownAt = nullptr;
  /// Instead of UnknownAt, where in another translation unit.
  const ExternalLoc *UnknownExternal = nullptr;
};

/// The uses of one parameter as a function's walk finds them, merged: one
/// per kind, part and lock set (compared as sets). A caller copies its
/// callees' uses, so without merging a chain of N functions would hold N^2
/// uses and a call DAG one per path. The use kept is the earliest in source
/// order: the checks report the first use that matches, and merged uses
/// match alike, so they report the same one.
class UseMerger {
public:
  /// Adds U, unless a use with the same facts is there, found no later in
  /// the source; an earlier one replaces it.
  void add(ParamUse U, const clang::SourceManager &SM);
  /// The merged uses in source order (equal places keep the order they were
  /// added in): the uses added, sorted, without their later duplicates.
  std::vector<ParamUse> take(const clang::SourceManager &SM);

private:
  /// In the order added; a use replaced by an earlier one has a null At.
  std::vector<ParamUse> Uses;
  /// Positions in Uses by a hash of the facts.
  llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 1>> ByFacts;
};

/// Merges the signals with the same kind and object (the same Global or
/// Opaque too), and alike in whether the object is used after them: each
/// group stays where its first one is, as the earliest of them in source
/// order.
void mergeSignals(std::vector<ParamSignal> &Signals,
                  const clang::SourceManager &SM);

/// The locks held at each statement of one function (must-hold), for the
/// spawner's side of a hand-off (docs/rules.md §6.2).
struct FunctionLocks {
  /// Statements where a lock is held; any other statement holds none.
  llvm::DenseMap<const clang::Stmt *, LockSet> HeldAt;
  /// A function whose effect is not known got a lock: "no lock held" may be
  /// wrong (see FunctionSummary::LocksUnknown).
  bool Unknown = false;

  const LockSet &at(const clang::Stmt *S) const;
};

struct FunctionSummary {
  /// One entry per parameter (empty for parameters that are no pointers).
  std::vector<ParamSummary> Params;
  /// Locks held when the function returns that it took (a lock helper),
  /// and locks it releases that it did not take: its callers' lock sets
  /// change by these at the call.
  LockSet Acquires, Releases;
  /// A function whose effect is not known got a lock: the lock sets of this
  /// function cannot be trusted (a lock wrapper from another file).
  bool LocksUnknown = false;
  /// Signals on objects no parameter reaches (Global or Opaque), made here
  /// or by callees; each parameter's Signals has them too.
  std::vector<ParamSignal> Unrooted;
  /// The summary of a function of another translation unit, read from the
  /// program database (docs/rules.md §6.8): its facts carry External places.
  bool Imported = false;
};

} // namespace sendsync

#endif // SENDSYNC_SUMMARY_ACCESSSUMMARY_H
