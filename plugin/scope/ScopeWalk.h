//===- ScopeWalk.h - The paths from one spawn to its join -----------------===//
//
// docs/rules.md §3 for one spawn site: what is borrowed and where it dies, the
// handle and its joins, then a walk forward from the spawn, path by path,
// until the handle is joined, recording leaks and the spawner's accesses.
// Internal to scope/.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_SCOPEWALK_H
#define SENDSYNC_SCOPE_SCOPEWALK_H

#include "ScopeContext.h"
#include "ScopeFacts.h"
#include "ScopePolicy.h"
#include "llvm/ADT/DenseSet.h"

namespace sendsync {

/// What a spawn lends or hands over, and how long it lives.
struct Borrow {
  /// The borrowed stack or thread-local variable.
  const clang::VarDecl *Var = nullptr;
  /// The memory dies when the function returns (parameters, alloca,
  /// borrowed pointers, handed-over objects that hold borrowed pointers).
  bool DiesAtExit = false;
  /// The heap object handed over, followed through its local pointer.
  const clang::VarDecl *HeapPtr = nullptr;

  /// A lifetime is at stake.
  bool lifetime() const { return Var || DiesAtExit; }
};

Borrow findBorrow(const Provenance &Prov, TraitOracle &Oracle);

/// Direct writes: the target of an assignment or increment, if St is one.
const clang::Expr *writtenLValue(const clang::Stmt *St);

/// The spawn's place in its function: the CFG, the handle, the argument and
/// the spawn's result.
struct SpawnPlace {
  FunctionCFG *G = nullptr;
  const clang::ParentMap *PM = nullptr;
  std::pair<const clang::CFGBlock *, unsigned> At{nullptr, 0};
  Place Handle;
  Place Arg;
  /// The variable the spawn's result is stored in, for the failure test.
  const clang::VarDecl *Result = nullptr;
  bool NonZeroIsSuccess = false;

  bool handleKnown() const { return Handle.Base != nullptr; }
};

/// What a wait of the spawner proves (docs/rules.md §3.4, §6.3).
enum class WaitKind {
  None,
  Signalled, // the thread signals that object last: proven, both modes
  Fixed,     // the fixed shape, where the thread's side is unknown
};

class ScopeWalk {
public:
  ScopeWalk(ScopeContext &Ctx, const SpawnSite &S, ScopePolicy Policy)
      : C(Ctx), S(S), Policy(Policy) {}

  ScopeFacts run();

private:
  bool decidedWithoutWalk();
  bool findSpawnInCFG();
  void setUp();
  void nameHandle();
  void collectJoinsAndDetaches();
  void collectJoinOrDetach(const clang::CallExpr *Call);
  void detach(const clang::CallExpr *Call);

  void walk();
  bool isJoinLoop(const clang::CFGBlock *B);
  bool visitElements(const clang::CFGBlock *B, unsigned From,
                     const clang::ReturnStmt *&Ret);
  bool visitLifetimeEnd(const clang::CFGLifetimeEnds &LE,
                        const clang::CFGBlock *B, const clang::ReturnStmt *Ret);
  bool visitStmt(const clang::Stmt *St, const clang::ReturnStmt *&Ret);
  bool visitCall(const clang::CallExpr *Call);
  void noteUnacceptedHandshake(const clang::CallExpr *Call);
  void readThreadSide();
  WaitKind waitKind(const clang::CallExpr *Call);
  std::optional<WaitKind> opaqueWait(const clang::CallExpr *Call);
  void visitCallArguments(const clang::CallExpr *Call,
                          const clang::FunctionDecl *Callee);
  bool reachesObject(const clang::Expr *ArgExpr, const Place &Arg) const;
  void visitCallArgument(const clang::CallExpr *Call,
                         const clang::FunctionDecl *Callee, unsigned A,
                         const Place &Arg);
  bool visitThroughSummary(const clang::CallExpr *Call,
                           const clang::FunctionDecl *Callee, unsigned A,
                           const Place &Arg, bool Heap);
  void visitWrite(const clang::Stmt *St, const clang::Expr *Target);
  Place throughAlias(Place T) const;
  bool incrementsSpawnLoop(const clang::Stmt *St, const Place &T) const;
  void visitRead(const clang::DeclRefExpr *DRE);
  Place readPlace(const clang::DeclRefExpr *DRE) const;
  bool subscripted(const clang::DeclRefExpr *DRE) const;
  void visitBatchedJoin(const clang::Stmt *Loop);
  void visitElementWrites(const clang::Stmt *St, const clang::VarDecl *Index);
  void followSuccessors(const clang::CFGBlock *B, const clang::ReturnStmt *Ret);
  std::optional<unsigned> failureSuccessor(const clang::CFGBlock *B) const;
  bool endsProcess() const;
  void leak(LeakKind Kind, clang::SourceLocation Loc,
            const clang::NamedDecl *Subject = nullptr);
  void record(AccessKind Kind, const clang::Expr *At, const Place &Part,
              const clang::FunctionDecl *Callee = nullptr);
  void setFinalStatus();

  ScopeContext &C;
  const SpawnSite &S;
  const ScopePolicy Policy;
  ScopeFacts Facts;
  Borrow B;
  SpawnPlace Sp;

  // Joins of this handle inside the function (for the loop idiom), and
  // handshake waits on the borrowed object.
  llvm::SmallVector<const clang::Stmt *, 4> JoinCalls, HandshakeCalls,
      SignalWaits;

  // The thread's side: known, touches the object at all, and the sync
  // objects it signals last, as the spawner names them.
  bool ThreadKnown = false, ThreadTouches = false;
  struct ThreadSignal {
    Place Object;
    const ParamSignal *Sig;
  };
  llvm::SmallVector<ThreadSignal, 2> ThreadSignals;

  // The walk.
  struct Item {
    const clang::CFGBlock *Block;
    unsigned From;
  };
  std::vector<Item> Work;
  llvm::DenseSet<const clang::CFGBlock *> Done;
  bool ByHandshake = false, BySignal = false;
  /// The handed-over pointer was reassigned or declared anew: a new object.
  bool HeapKilled = false;
  llvm::DenseSet<const clang::Stmt *> SeenAccess;
  /// The spawner's lock sets, loaded at its first access.
  const FunctionLocks *Locks = nullptr;
  bool LocksLoaded = false;
};

} // namespace sendsync

#endif // SENDSYNC_SCOPE_SCOPEWALK_H
