//===- BuiltinTypes.cpp - Library types with a fixed Send/Sync meaning ----===//

#include "BuiltinTypes.h"
#include "clang/AST/Decl.h"

namespace sendsync {

namespace {
struct NamedKind {
  llvm::StringLiteral Name;
  BuiltinKind Kind;
};

constexpr NamedKind TypedefNames[] = {
    // Locks and synchronisation objects (docs/rules.md §1).
    {"pthread_mutex_t", BuiltinKind::SyncObject},
    {"pthread_rwlock_t", BuiltinKind::SyncObject},
    {"pthread_spinlock_t", BuiltinKind::SyncObject},
    {"pthread_cond_t", BuiltinKind::SyncObject},
    {"pthread_barrier_t", BuiltinKind::SyncObject},
    {"pthread_once_t", BuiltinKind::SyncObject},
    {"sem_t", BuiltinKind::SyncObject},
    {"mtx_t", BuiltinKind::SyncObject},
    {"cnd_t", BuiltinKind::SyncObject},
    {"once_flag", BuiltinKind::SyncObject},
    // C11 atomics that are not spelled _Atomic.
    {"atomic_flag", BuiltinKind::Atomic},
    // Handles: plain values, Sync by the storage rule.
    {"pthread_t", BuiltinKind::Handle},
    {"thrd_t", BuiltinKind::Handle},
    {"pthread_key_t", BuiltinKind::Handle},
    {"tss_t", BuiltinKind::Handle},
    {"pid_t", BuiltinKind::Handle},
    // Thread-affine: one thread's execution context.
    {"jmp_buf", BuiltinKind::ThreadAffine},
    {"sigjmp_buf", BuiltinKind::ThreadAffine},
    {"ucontext_t", BuiltinKind::ThreadAffine},
    {"va_list", BuiltinKind::ThreadAffine},
    {"__builtin_va_list", BuiltinKind::ThreadAffine},
    {"__gnuc_va_list", BuiltinKind::ThreadAffine},
};

constexpr NamedKind TagNames[] = {
    {"__jmp_buf_tag", BuiltinKind::ThreadAffine},
    {"__va_list_tag", BuiltinKind::ThreadAffine},
    {"ucontext_t", BuiltinKind::ThreadAffine},
    {"atomic_flag", BuiltinKind::Atomic},
};

template <size_t N>
BuiltinKind lookup(const NamedKind (&Table)[N], llvm::StringRef Name) {
  for (const NamedKind &Entry : Table)
    if (Entry.Name == Name)
      return Entry.Kind;
  return BuiltinKind::None;
}
} // namespace

BuiltinKind classifyTypedefName(llvm::StringRef Name) {
  return lookup(TypedefNames, Name);
}

BuiltinKind classifyTagName(llvm::StringRef Name) {
  return lookup(TagNames, Name);
}

bool typedefChainIs(clang::QualType T,
                    llvm::function_ref<bool(BuiltinKind)> Is) {
  for (; const auto *TT = T->getAs<clang::TypedefType>(); T = TT->desugar())
    if (Is(classifyTypedefName(TT->getDecl()->getName())))
      return true;
  return false;
}

} // namespace sendsync
