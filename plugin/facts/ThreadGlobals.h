//===- ThreadGlobals.h - The globals a thread's code touches --------------===//
//
// Every global is shared by all threads. The globals a thread entry names,
// or a function of this translation unit that it calls (followed to a
// bounded depth), in breadth-first order. Thread-locals are per thread and
// left out. Used by sendsync-global and by the per-TU facts file.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_THREADGLOBALS_H
#define SENDSYNC_FACTS_THREADGLOBALS_H

#include "TranslationUnitIndex.h"
#include "clang/AST/Expr.h"
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
};

/// The uses of globals by Entry and the functions of this TU it calls.
std::vector<GlobalAccess> globalsReachedFrom(const TranslationUnitIndex &Index,
                                             const clang::FunctionDecl *Entry);

} // namespace sendsync

#endif // SENDSYNC_FACTS_THREADGLOBALS_H
