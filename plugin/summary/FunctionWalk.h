//===- FunctionWalk.h - One function's access summary ---------------------===//
//
// Two passes over the function's CFG: the locks held at the start of each
// block (a must-hold set: intersected where paths meet), then every access
// to a parameter's pointee with the locks held there. Calls to functions of
// the TU bring in their summaries; calls to known library functions count as
// what they do; any other call that gets the pointer makes it unknown.
// Internal to summary/.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SUMMARY_FUNCTIONWALK_H
#define SENDSYNC_SUMMARY_FUNCTIONWALK_H

#include "ParamPaths.h"
#include "SummaryIndex.h"
#include "clang/Analysis/CFG.h"

namespace sendsync {

class FunctionWalk {
public:
  FunctionWalk(clang::ASTContext &Ctx, TraitOracle &Oracle,
               const SummaryIndex &Done, const clang::FunctionDecl *Fn)
      : Ctx(Ctx), Oracle(Oracle), Done(Done), Fn(Fn), Paths(Fn) {}

  FunctionSummary run();

  /// Also keep the locks held at each statement (for the spawner's side of
  /// a hand-off); only statements with a lock held are stored.
  void recordLocksInto(FunctionLocks *Into) { LocksOut = Into; }

private:
  void computeLockSets();
  void transfer(const clang::CFGBlock &B, LockSet &Held, bool Record);
  void lockCall(const clang::CallExpr *Call, LockSet &Held);
  std::optional<LockName> lockNameOf(const clang::Expr *Arg) const;
  void calleeLocks(const clang::CallExpr *Call, const FunctionSummary &S,
                   LockSet &Held);
  std::optional<LockName> seenFromCaller(const clang::CallExpr *Call,
                                         const LockName &L) const;
  void noteUnknownLockUse(const clang::CallExpr *Call);
  void visit(const clang::Stmt *S, const LockSet &Held);
  void visitCall(const clang::CallExpr *Call, const LockSet &Held);
  void visitCallArg(const clang::CallExpr *Call, unsigned I, const Rooted &R,
                    const LockSet &Held);
  void applyCallee(const clang::FunctionDecl *Callee, unsigned I,
                   const Rooted &R, const clang::CallExpr *Call,
                   const LockSet &Held);
  void use(UseKind Kind, const Rooted &R, const LockSet &Held,
           const clang::Expr *At);
  void signal(ParamSignal Sig, unsigned Param);
  void noteUnrootedSignals(const clang::CallExpr *Call);
  std::optional<ParamSignal> unrootedSignal(const clang::CallExpr *Call) const;
  void unrooted(const ParamSignal &Sig);
  void findUsesAfterSignals();
  const clang::Expr *firstUseAfter(unsigned Param, unsigned Block,
                                   unsigned Index) const;
  void unknown(unsigned Param, const clang::Expr *At);
  bool isAliasVariable(const clang::Expr *E) const;
  void storedIn(const clang::Expr *Init);
  void mergeFacts();

  clang::ASTContext &Ctx;
  TraitOracle &Oracle;
  const SummaryIndex &Done;
  const clang::FunctionDecl *Fn;
  ParamPaths Paths;
  std::unique_ptr<clang::CFG> Graph;
  /// The locks held at the start of each block; empty optional: not
  /// reached yet (the top of the lattice).
  std::vector<std::optional<LockSet>> In;
  FunctionSummary Out;
  FunctionLocks *LocksOut = nullptr;

  /// Where in the CFG an access or a signal happens: the element of the
  /// function being walked (for a callee's, the call).
  struct Point {
    unsigned Block = 0, Index = 0;
    const clang::Stmt *At = nullptr;
  };
  Point Cur;
  /// Per parameter, the points that touch its pointee.
  std::vector<std::vector<Point>> UsePoints;
  /// Per parameter, its uses as they are found (Out.Params[I].Uses is
  /// filled from them at the end, by mergeFacts).
  std::vector<UseMerger> Merged;
  struct PendingSignal {
    unsigned Param;
    size_t Slot; // in Out.Params[Param].Signals
    Point At;
  };
  std::vector<PendingSignal> Pending;
};

} // namespace sendsync

#endif // SENDSYNC_SUMMARY_FUNCTIONWALK_H
