//===- ScopeContext.h - What every scope walk of a TU shares --------------===//
//
// The translation unit's facts, the join helpers found once, and the CFG of
// the function whose spawn sites are being walked. Internal to scope/.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_SCOPECONTEXT_H
#define SENDSYNC_SCOPE_SCOPECONTEXT_H

#include "JoinHelpers.h"
#include "ObjectUses.h"
#include "Places.h"
#include "SpawnSites.h"
#include "SummaryIndex.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace sendsync {

/// One function's CFG, with each statement's block and index.
struct FunctionCFG {
  std::unique_ptr<clang::CFG> Graph;
  std::unique_ptr<clang::ParentMap> Parents;
  llvm::DenseMap<const clang::Stmt *,
                 std::pair<const clang::CFGBlock *, unsigned>>
      Where;
  /// The calls that may join, wait for or detach a thread (or set detached
  /// attributes), found once per function: each spawn site looks only at
  /// these, so the cost stays linear in the function's size.
  std::vector<const clang::CallExpr *> ScopeCalls;
  /// Local pointers set once, by their initializer, to the address of an
  /// object of the function (`int *q = &x;`), whose own address is never
  /// taken: a write through one is a write to that object.
  llvm::DenseMap<const clang::VarDecl *, Place> StableAliases;
};

/// A call that joins a handle, or waits on a handshake object.
struct JoinedPlace {
  Place Of;
  bool IsHandshake = false;
};

class ScopeContext {
public:
  ScopeContext(clang::ASTContext &Ctx, const TranslationUnitIndex &Index,
               const SpawnApiIndex &Apis, TraitOracle &Oracle,
               SummaryIndex &Summaries);

  /// The CFG of FD, built on first use. Sites come in source order, so one
  /// function's sites are consecutive: only the latest function's CFG is
  /// kept, which bounds memory by the largest function instead of the file.
  FunctionCFG *cfgOf(const clang::FunctionDecl *FD);

  /// The handle argument of a join call (or the object of a handshake wait
  /// when AcceptHandshakes), if Call is one.
  std::optional<JoinedPlace> joinedPlace(const clang::CallExpr *Call,
                                         bool AcceptHandshakes) const;

  /// The place of the handle of a spawn: its handle argument, or the
  /// variable its result is stored in.
  Place handlePlace(const SpawnSite &S, const clang::ParentMap &PM) const;

  clang::ASTContext &Ctx;
  const SpawnApiIndex &Apis;
  TraitOracle &Oracle;
  /// What the functions the spawner calls do to what they are given.
  SummaryIndex &Summaries;
  const ObjectUses Uses;

private:
  /// Helpers of this TU that join (or detach) a parameter: function ->
  /// parameter index.
  const JoinHelperMap JoinHelpers;
  const clang::FunctionDecl *CFGFunction = nullptr;
  std::unique_ptr<FunctionCFG> CurrentCFG;
};

} // namespace sendsync

#endif // SENDSYNC_SCOPE_SCOPECONTEXT_H
