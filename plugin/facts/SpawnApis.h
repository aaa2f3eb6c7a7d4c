//===- SpawnApis.h - Functions that start threads, and those that join ----===//
//
// docs/rules.md §2: a spawn site is a call that runs entry(arg) on another
// thread. The functions that do so come from three places, in this order:
//   1. the built-in table (SpawnApis.cpp; documented in docs/spawn-apis.md):
//      POSIX, C11, libuv, GLib, Windows, Apple's dispatch;
//   2. parameters marked thread_entry / thread_arg on any redeclaration (a
//      user's thread pool, or a redeclaration that extends the table);
//   3. inferred wrappers: a function of this translation unit that forwards
//      its own parameter to a spawn's argument is a spawn API for its callers;
//   4. with a program database (program=<path>), the wrappers and join
//      helpers other units define (docs/rules.md §6.6). Markers win: a marked
//      function's facts are never taken from the database, and a database
//      fact that contradicts the marker is reported (sendsync-annotation).
// Join functions come from the built-in table and thread_join parameters.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SPAWNAPIS_H
#define SENDSYNC_SPAWNAPIS_H

#include "AstHelpers.h"
#include "Markers.h"
#include "ProgramFacts.h"
#include "TranslationUnitIndex.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>

namespace sendsync {

enum class SpawnOrigin { Builtin, Marked, Inferred, Program };

struct SpawnApi {
  /// Parameter that receives the entry function; none when a wrapper fixes
  /// the entry itself (then FixedEntry names it).
  std::optional<unsigned> EntryParam;
  const clang::Expr *FixedEntry = nullptr;
  /// Parameter that receives the argument handed to the thread.
  unsigned ArgParam = 0;
  /// Parameter through which the handle is returned (pthread_t *) or the
  /// pool that is later joined; or the handle is the call's result.
  std::optional<unsigned> HandleParam;
  bool HandleReturned = false;
  /// A wrapper that keeps the handle in a global (`pthread_create(&worker,
  /// ...)`): the callers join that global.
  const clang::Expr *FixedHandle = nullptr;
  /// The call itself waits for the thread (dispatch_sync_f).
  bool WaitsForThread = false;
  /// The thread can never be joined (dispatch_async_f).
  bool NeverJoined = false;
  SpawnOrigin Origin = SpawnOrigin::Builtin;
  /// For inferred wrappers: the call inside the wrapper that starts the
  /// thread (for the note "'start_worker' starts a thread here").
  const clang::CallExpr *Forwards = nullptr;
  /// For wrappers of another unit (Origin Program): the call there that
  /// starts the thread, and the entry it fixes when this unit declares it.
  const ExternalLoc *ForwardsExternal = nullptr;
  const clang::FunctionDecl *FixedEntryDecl = nullptr;
};

struct JoinApi {
  unsigned HandleParam = 0;
  /// A wait that is not a join: the thread may still run afterwards, it has
  /// only signalled (sem_wait, barriers, condition waits). Strict mode does
  /// not accept these (issue: handshakes).
  bool IsHandshake = false;
};

/// A marker that says otherwise than the program database (the marker is
/// used).
struct MarkerContradiction {
  const clang::FunctionDecl *Fn = nullptr;
  const ExternalFunction *Inferred = nullptr;
};

class SpawnApiIndex {
public:
  /// Builds the table for a translation unit: built-ins, marked functions,
  /// the program database's wrappers (Program may be null), and wrappers
  /// inferred to a fixpoint.
  static SpawnApiIndex build(const TranslationUnitIndex &Index,
                             MarkerIndex &Markers,
                             const ProgramFacts *Program = nullptr);

  const SpawnApi *spawn(const clang::FunctionDecl *FD) const;
  const JoinApi *join(const clang::FunctionDecl *FD) const;
  /// Whether FD detaches the handle it gets (pthread_detach, thrd_detach).
  bool isDetach(const clang::FunctionDecl *FD) const;
  /// Join helpers of other units this one calls (program database): the
  /// parameter each joins, by canonical declaration.
  const llvm::DenseMap<const clang::FunctionDecl *, unsigned> &
  programJoinHelpers() const {
    return ProgramJoins;
  }
  /// Markers the program database contradicts.
  const std::vector<MarkerContradiction> &contradictions() const {
    return Contradictions;
  }

private:
  std::optional<SpawnApi> lookupDeclared(const clang::FunctionDecl *FD,
                                         MarkerIndex &Markers) const;
  std::optional<JoinApi> lookupJoin(const clang::FunctionDecl *FD,
                                    MarkerIndex &Markers) const;
  void addProgramFacts(const clang::FunctionDecl *FD,
                       const TranslationUnitIndex &Index,
                       const ProgramFacts &Program);

  llvm::DenseMap<const clang::FunctionDecl *, SpawnApi> Spawns;
  llvm::DenseMap<const clang::FunctionDecl *, JoinApi> Joins;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Detaches;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> ProgramJoins;
  std::vector<MarkerContradiction> Contradictions;
};

} // namespace sendsync

#endif // SENDSYNC_SPAWNAPIS_H
