//===- ThreadGlobals.h - The globals a thread's code touches --------------===//
//
// Every global is shared by all threads. The globals a thread entry names,
// or a function of this translation unit that it calls (followed to a
// bounded depth), in breadth-first order; and the calls that code makes to
// functions of other translation units, whose globals the program database
// knows. Thread-locals are per thread and left out. Used by sendsync-global
// and by the per-TU facts file.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_THREADGLOBALS_H
#define SENDSYNC_FACTS_THREADGLOBALS_H

#include "TranslationUnitIndex.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace sendsync {

/// Functions reached from an entry are followed this far (call depth).
constexpr unsigned MaxGlobalCallDepth = 16;

/// One use of a global by a thread's code.
struct GlobalAccess {
  const clang::DeclRefExpr *Ref = nullptr;
  const clang::VarDecl *Global = nullptr;
  /// The function that makes it, and the call that reached that function
  /// (null in the entry itself).
  const clang::FunctionDecl *Fn = nullptr;
  const clang::CallExpr *Via = nullptr;
  /// The use assigns to the global, or to a part of it (`g = 1`, `g.n++`,
  /// `a[i] += 2`); a write through its address (`memset(&g, ...)`) is not
  /// seen.
  bool Write = false;
  /// The use hands a sync object or an atomic to the code that synchronises
  /// (`pthread_mutex_lock(&g_lock)`, `&g.mu`, `atomic_fetch_add(&n, 1)`),
  /// or the global is one: cooperation, not an access a lock must guard.
  bool Sync = false;
};

/// A call by a thread's code to a function with external linkage that has
/// no body here: another unit's, whose facts the program database has.
struct ExternalCall {
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  /// The function of this unit that makes it, and the call that reached
  /// that function (null in the entry itself).
  const clang::FunctionDecl *Fn = nullptr;
  const clang::CallExpr *Via = nullptr;
};

/// What one function's own body does, without its callees.
struct FunctionGlobals {
  struct Use {
    const clang::DeclRefExpr *Ref;
    const clang::VarDecl *Global;
    bool Write, Sync;
  };
  std::vector<Use> Uses;
  /// Calls to functions defined here, and to functions that are not.
  std::vector<std::pair<const clang::CallExpr *, const clang::FunctionDecl *>>
      Defined, Undefined;
};

/// Each function's body is read once, however many entries reach it.
class ThreadGlobalsCache {
public:
  const FunctionGlobals &of(const clang::FunctionDecl *FD);

private:
  llvm::DenseMap<const clang::FunctionDecl *, FunctionGlobals> Done;
};

/// The code a thread entry runs in this unit: its uses of globals, and its
/// calls to other units.
struct ThreadCode {
  std::vector<GlobalAccess> Globals;
  std::vector<ExternalCall> Calls;
  /// The functions read, with their call depth (the entry: 0); the calls
  /// of those at MaxGlobalCallDepth were not followed.
  std::vector<std::pair<const clang::FunctionDecl *, unsigned>> Reached;
};

/// Only, when given, limits the walk to the functions in it: code outside
/// it is known to add nothing the caller keeps.
ThreadCode threadCodeFrom(
    const TranslationUnitIndex &Index, const clang::FunctionDecl *Entry,
    ThreadGlobalsCache &Cache,
    const llvm::DenseSet<const clang::FunctionDecl *> *Only = nullptr);

/// The functions of this unit that reach one of Targets through calls
/// (Targets included): a search backwards along the index's calls.
llvm::DenseSet<const clang::FunctionDecl *>
functionsReaching(const TranslationUnitIndex &Index,
                  const llvm::DenseSet<const clang::FunctionDecl *> &Targets);

} // namespace sendsync

#endif // SENDSYNC_FACTS_THREADGLOBALS_H
