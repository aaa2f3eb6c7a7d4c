//===- ThreadScope.h - Is a spawned thread joined before its borrow dies? -===//
//
// RULES.md §3 on clang's CFG (with lifetime-end markers): for each spawn
// site, the paths from the spawn forward until its handle is joined. Along
// them it records where a borrowed object's storage dies (an escape), what
// the spawner does to the borrowed object (a race, or a touch that makes the
// borrow shared), and what it does to a heap object it handed over (use
// after send). Facts only; the checks sendsync-escape, sendsync-race and
// sendsync-use-after-send report them.
//
// The CFG is built once per function that spawns, and only for those.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_THREADSCOPE_H
#define SENDSYNC_THREADSCOPE_H

#include "SpawnApis.h"
#include "TypeRules.h"
#include <memory>
#include <string>
#include <vector>

namespace sendsync {

enum class ScopeStatus {
  NotBorrowed,       // heap, static, values: lifetimes are not at stake
  Scoped,            // joined on every path before the storage dies
  ScopedByHandshake, // ... or a wait the thread signals (default mode)
  Unscoped,          // a path leaves without joining (Leak says where)
  Detached,          // pthread_detach / PTHREAD_CREATE_DETACHED
  NeverJoined,       // an API without a join (dispatch_async_f)
  UnknownHandle,     // the handle cannot be followed
};

/// One thing the spawner does while the thread may run.
struct SpawnerAccess {
  enum Kind { Read, Write, Free } K;
  const clang::Expr *At;
  /// How, for the message, with {} for the object's name: "assigns to {}",
  /// "increments {}", "writes {} with 'memset'", "frees {}".
  std::string How;
  /// The write is the increment of a loop that contains the spawn and whose
  /// counter is the borrowed object.
  bool LoopCounter = false;

  /// How, with the object's name filled in: "assigns to 'x'".
  std::string describe(llvm::StringRef Name) const {
    auto [Before, After] = llvm::StringRef(How).split("{}");
    return (Before + Name + After).str();
  }
};

struct ScopeFacts {
  ScopeStatus Status = ScopeStatus::NotBorrowed;
  /// Where a path leaves without joining, and how it reads.
  clang::SourceLocation LeakLoc;
  std::string LeakWhy;
  clang::SourceLocation DetachLoc;
  /// The handle as written, for messages ("'tid'").
  std::string HandleName;
  /// Accesses to the borrowed object (stack) or the handed-over object
  /// (heap, through the local pointer) between spawn and join, in the order
  /// found. Accesses to parts that are Sync (locks, atomics) are left out.
  std::vector<SpawnerAccess> Accesses;
  /// The function takes a lock between the spawn and the join; writes may
  /// be protected by it (lock sets are not tracked).
  bool TakesLock = false;
  /// Strict mode: a handshake wait on the borrowed object was seen but not
  /// accepted as a join.
  bool SawHandshake = false;
};

struct SpawnSite;

class ThreadScopeAnalysis {
public:
  ThreadScopeAnalysis(clang::ASTContext &Ctx, const TranslationUnitIndex &Index,
                      const SpawnApiIndex &Apis, TraitOracle &Oracle);
  ~ThreadScopeAnalysis();

  /// The scope facts of one site; Handshakes says whether waits the thread
  /// signals count as joins (default mode yes, strict mode no).
  ScopeFacts analyze(const SpawnSite &S, bool Handshakes);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace sendsync

#endif // SENDSYNC_THREADSCOPE_H
