//===- ScopeFacts.h - What happens between a spawn and its join, as data --===//
//
// The typed facts of the thread-scope analysis (docs/rules.md §3): whether a
// spawned thread is joined before the memory it borrows dies, where a path
// leaves without joining, and what the spawner does to the object meanwhile.
// Facts carry no English: the checks and reporters word them.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_SCOPEFACTS_H
#define SENDSYNC_SCOPE_SCOPEFACTS_H

#include "AccessSummary.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace sendsync {

enum class ScopeStatus {
  NotBorrowed,       // heap, static, values: lifetimes are not at stake
  Scoped,            // joined on every path before the storage dies
  ScopedByHandshake, // ... or a wait of the fixed shape (default mode)
  ScopedBySignal,    // ... or a wait on what the thread signals last
  Unscoped,          // a path leaves without joining (Leak says where)
  Detached,          // pthread_detach / PTHREAD_CREATE_DETACHED
  NeverJoined,       // an API without a join (dispatch_async_f)
  UnknownHandle,     // the handle cannot be followed
};

/// What the spawner does to the object, one access at a time.
enum class AccessKind {
  Assign,             // x = ...
  Increment,          // x++, ++x
  Decrement,          // x--, --x
  CompoundUpdate,     // x += ..., x |= ...
  WriteThroughCallee, // memset(&x, ...): a callee known to write its target
  PassAddress,        // f(&x) to a parameter that may write it
  Free,               // free(p)
  Realloc,            // realloc(p, n)
  Read,               // any read of the object's value
};

/// Whether the access changes the object (everything but a read).
inline bool isWrite(AccessKind K) {
  return K != AccessKind::Read && K != AccessKind::Free &&
         K != AccessKind::Realloc;
}

/// One thing the spawner does while the thread may run.
struct SpawnerAccess {
  AccessKind Kind = AccessKind::Read;
  const clang::Expr *At = nullptr;
  /// The callee, for WriteThroughCallee, PassAddress, Free and Realloc.
  const clang::FunctionDecl *Callee = nullptr;
  /// The part touched, as fields from the object (empty: the whole object).
  llvm::SmallVector<const clang::FieldDecl *, 2> Part;
  /// The locks the spawner holds at the access (must-hold), named from the
  /// spawning function: `m`, `c.mu`, `p->mu` (docs/rules.md §6.2).
  LockSet Held;
  /// The write steps a loop that contains the spawn and whose counter is the
  /// borrowed object: the increment of a for loop, or a write of the whole
  /// object in the body or condition of a while or do loop.
  bool LoopCounter = false;
  /// The write stores the spawn's own result, the thread's handle, in the
  /// object (`w->thread = spawn(fn, w)`): a thread rarely reads its own
  /// handle, so with the thread's side unknown only strict mode judges it.
  bool StoresHandle = false;
};

/// How a path leaves without joining.
enum class LeakKind {
  Return,      // return ...;
  FunctionEnd, // the end of the function's body
  Break,       // break out of the borrowed variable's block
  Continue,    // continue, likewise
  Goto,        // goto, likewise
  Longjmp,     // longjmp and its variants
  EndOfBlock,  // the borrowed variable's block ends
  ThreadLocal, // the memory is the spawning thread's own (no path needed)
};

struct LeakPath {
  LeakKind Kind = LeakKind::Return;
  clang::SourceLocation Loc;
  /// The borrowed variable (EndOfBlock) or the longjmp function (Longjmp).
  const clang::NamedDecl *Subject = nullptr;
};

struct ScopeFacts {
  ScopeStatus Status = ScopeStatus::NotBorrowed;
  /// The first path found that leaves without joining, if any.
  std::optional<LeakPath> Leak;
  clang::SourceLocation DetachLoc;
  /// The handle as written, for messages ("'tid'"); empty when the site has
  /// no handle expression (then it reads "the thread").
  std::string HandleText;
  /// Whether the spawn has a handle expression at all.
  bool HasHandle = false;
  /// Accesses to the borrowed object (stack) or the handed-over object
  /// (heap, through the local pointer) between spawn and join, in the order
  /// found. Accesses to parts that are Sync (locks, atomics) are left out.
  std::vector<SpawnerAccess> Accesses;
  /// The spawning function hands a lock to a function whose effect is not
  /// known (a lock wrapper from another file): an access that seems to hold
  /// no lock may hold one.
  bool LocksUnknown = false;
  /// Strict mode: a handshake wait on the borrowed object was seen but not
  /// accepted as a join.
  bool SawHandshake = false;
  /// The spawner waits on a sync object the thread signals, but the thread
  /// touches the object after that signal: the wait proves nothing
  /// (docs/rules.md §6.3). The thread's signal and its later access.
  const clang::Expr *LateSignal = nullptr, *UsedAfterSignal = nullptr;

  /// The spawner reads or writes the object while the thread may run: the
  /// object is then shared.
  bool spawnerTouches() const { return !Accesses.empty(); }
};

} // namespace sendsync

#endif // SENDSYNC_SCOPE_SCOPEFACTS_H
