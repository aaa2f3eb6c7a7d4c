//===- LockCalls.h - Calls that take or release a lock, and reallocations
//--===//
//
// The lock set of an access (docs/rules.md §6.2) is the set of locks held
// there. A lock is named by the object whose address the call gets
// (`&arg->mu`, `&g_lock`). The table covers POSIX, C11, Windows, libuv and
// GLib, and functions marked with clang's acquire_capability /
// release_capability attributes (the lock is then their first argument).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_LOCKCALLS_H
#define SENDSYNC_FACTS_LOCKCALLS_H

#include "clang/AST/Decl.h"
#include <optional>

namespace sendsync {

enum class LockOp { Acquire, Release };

/// What a call does to the lock named by its first argument, if anything.
/// Try-locks are not acquisitions: whether they succeeded is not followed.
std::optional<LockOp> lockOpOf(const clang::FunctionDecl *FD);

/// What a call does to the sync object its first argument points to, for
/// derived handshakes (docs/rules.md §6.3): posts or signals it, waits on
/// it, or meets there (a barrier, where both sides wait).
enum class SyncOp { Signal, Wait, Rendezvous };

std::optional<SyncOp> syncOpOf(const clang::FunctionDecl *FD);

/// realloc and its variants: the old block dies, a new one is returned.
bool isRealloc(const clang::FunctionDecl *FD);

} // namespace sendsync

#endif // SENDSYNC_FACTS_LOCKCALLS_H
