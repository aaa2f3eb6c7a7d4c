//===- KnownCalls.h - What library calls do, as the scope walk needs it ---===//
//
// The thread-scope analysis walks the spawner's code between a spawn and its
// join. What a call there means for the borrowed or handed-over object comes
// from its name: it takes a lock, leaves the function (longjmp), writes
// through its first argument (memset), frees it, or is a thread API whose
// failure ends the normal flow. Joins, detaches and spawns are SpawnApis.h's.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_KNOWNCALLS_H
#define SENDSYNC_KNOWNCALLS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace sendsync {

/// longjmp and its variants: the path leaves the function.
bool isLongjmp(const clang::FunctionDecl *FD);

/// Functions that take a lock (POSIX, C11, Windows, or annotated with
/// acquire_capability).
bool isLockAcquire(const clang::FunctionDecl *FD);

/// Functions that write through their first argument.
bool writesFirstArgument(const clang::FunctionDecl *FD);

bool isFree(const clang::FunctionDecl *FD);

/// Whether a parameter of pointer type promises not to write (const T *).
bool readOnlyParam(const clang::FunctionDecl *FD, unsigned I);

/// The thread and synchronisation APIs whose failure ends a program's
/// normal flow: their error branches bail out (and, in tests and tools,
/// end the process), so default mode does not judge paths through them.
bool isThreadApi(const clang::FunctionDecl *FD);

/// The attributes argument of a pthread_create call, or null.
const clang::Expr *createAttributes(const clang::CallExpr *Call);

/// The attributes object of `pthread_attr_setdetachstate(&attr,
/// PTHREAD_CREATE_DETACHED)`, or null when Call is no such call.
const clang::Expr *detachedAttributes(const clang::CallExpr *Call,
                                      clang::ASTContext &Ctx);

} // namespace sendsync

#endif // SENDSYNC_KNOWNCALLS_H
