//===- BuiltinTypes.h - Library types with a fixed Send/Sync meaning ------===//
//
// docs/rules.md §1 names types by their library spelling (pthread_mutex_t,
// jmp_buf, ...). They are recognised by typedef or tag name wherever they
// appear in the sugar of a type, so the platform's definition of them
// (a union, an array, an integer) does not matter.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_BUILTINTYPES_H
#define SENDSYNC_BUILTINTYPES_H

#include "clang/AST/Type.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

namespace sendsync {

enum class BuiltinKind {
  None,
  SyncObject,   // locks, condition variables, semaphores: Send and Sync
  Atomic,       // atomic_flag and friends: Send and Sync
  Handle,       // pthread_t, pid_t ...: Send; Sync by the storage rule
  ThreadAffine, // jmp_buf, va_list, ucontext_t: neither
};

/// Classifies a typedef name.
BuiltinKind classifyTypedefName(llvm::StringRef Name);
/// Classifies a struct/union tag name (the platform's spelling behind some
/// of the typedefs above, e.g. glibc's struct __jmp_buf_tag).
BuiltinKind classifyTagName(llvm::StringRef Name);
/// Whether a typedef in T's sugar (T itself, the type that typedef aliases,
/// and so on) has a name classifyTypedefName puts in a kind Is accepts.
bool typedefChainIs(clang::QualType T,
                    llvm::function_ref<bool(BuiltinKind)> Is);

} // namespace sendsync

#endif // SENDSYNC_BUILTINTYPES_H
