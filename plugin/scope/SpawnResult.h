//===- SpawnResult.h - The spawn's result and the failure branch ----------===//
//
// A spawn that failed starts nothing: the branch that tests its result for
// failure is not followed. In the default mode the failure branch of any
// thread-API call is left out too (docs/rules.md §3, error paths).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_SPAWNRESULT_H
#define SENDSYNC_SCOPE_SPAWNRESULT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include <optional>

namespace sendsync {

/// Where the result of a call is stored: the left side of an assignment
/// (`rc = pthread_create(...)`, `w->t = g_thread_new(...)`), or the
/// variable it initialises.
struct ResultStore {
  const clang::Expr *Assigned = nullptr;
  const clang::VarDecl *Initialised = nullptr;
};

ResultStore resultStore(const clang::CallExpr *Call,
                        const clang::ParentMap &PM);

/// The variable the result of Call is stored in, if any.
const clang::VarDecl *resultVariable(const clang::CallExpr *Call,
                                     const clang::ParentMap &PM);

/// Whether Cond tests the spawn's result: returns whether the condition is
/// true when the result is non-zero.
std::optional<bool> testsResult(const clang::Expr *Cond,
                                const clang::CallExpr *Call,
                                const clang::VarDecl *Result,
                                clang::ASTContext &Ctx);

} // namespace sendsync

#endif // SENDSYNC_SCOPE_SPAWNRESULT_H
