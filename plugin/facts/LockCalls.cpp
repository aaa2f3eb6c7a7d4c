//===- LockCalls.cpp - Calls that take or release a lock, and reallocations
//===//

#include "LockCalls.h"
#include "clang/AST/Attr.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace sendsync {

std::optional<LockOp> lockOpOf(const FunctionDecl *FD) {
  if (!FD)
    return std::nullopt;
  if (FD->hasAttr<AcquireCapabilityAttr>())
    return LockOp::Acquire;
  if (FD->hasAttr<ReleaseCapabilityAttr>())
    return LockOp::Release;
  if (!FD->getIdentifier())
    return std::nullopt;
  static constexpr llvm::StringLiteral Acquires[] = {
      "pthread_mutex_lock",      "pthread_mutex_timedlock",
      "pthread_rwlock_rdlock",   "pthread_rwlock_wrlock",
      "pthread_spin_lock",       "mtx_lock",
      "mtx_timedlock",           "EnterCriticalSection",
      "AcquireSRWLockExclusive", "AcquireSRWLockShared",
      "uv_mutex_lock",           "uv_rwlock_rdlock",
      "uv_rwlock_wrlock",        "g_mutex_lock",
      "g_rec_mutex_lock",        "g_rw_lock_reader_lock",
      "g_rw_lock_writer_lock"};
  static constexpr llvm::StringLiteral Releases[] = {
      "pthread_mutex_unlock",    "pthread_rwlock_unlock",
      "pthread_spin_unlock",     "mtx_unlock",
      "LeaveCriticalSection",    "ReleaseSRWLockExclusive",
      "ReleaseSRWLockShared",    "uv_mutex_unlock",
      "uv_rwlock_rdunlock",      "uv_rwlock_wrunlock",
      "g_mutex_unlock",          "g_rec_mutex_unlock",
      "g_rw_lock_reader_unlock", "g_rw_lock_writer_unlock"};
  llvm::StringRef N = FD->getName();
  if (llvm::is_contained(Acquires, N))
    return LockOp::Acquire;
  if (llvm::is_contained(Releases, N))
    return LockOp::Release;
  return std::nullopt;
}

std::optional<SyncOp> syncOpOf(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  static constexpr llvm::StringLiteral Signals[] = {
      "sem_post",        "pthread_cond_signal", "pthread_cond_broadcast",
      "cnd_signal",      "cnd_broadcast",       "uv_sem_post",
      "uv_cond_signal",  "uv_cond_broadcast",   "g_cond_signal",
      "g_cond_broadcast"};
  static constexpr llvm::StringLiteral Waits[] = {
      "sem_wait",          "sem_timedwait",          "sem_clockwait",
      "pthread_cond_wait", "pthread_cond_timedwait", "pthread_cond_clockwait",
      "cnd_wait",          "cnd_timedwait",          "uv_sem_wait",
      "uv_cond_wait",      "uv_cond_timedwait",      "g_cond_wait",
      "g_cond_wait_until"};
  static constexpr llvm::StringLiteral Rendezvous[] = {"pthread_barrier_wait",
                                                       "uv_barrier_wait"};
  llvm::StringRef N = FD->getName();
  if (llvm::is_contained(Signals, N))
    return SyncOp::Signal;
  if (llvm::is_contained(Waits, N))
    return SyncOp::Wait;
  if (llvm::is_contained(Rendezvous, N))
    return SyncOp::Rendezvous;
  return std::nullopt;
}

bool isRealloc(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef N = FD->getName();
  return N == "realloc" || N == "reallocarray" || N == "g_realloc" ||
         N == "g_realloc_n";
}

} // namespace sendsync
