//===- KnownCalls.cpp - What library calls do, as the scope walk needs it -===//

#include "KnownCalls.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace sendsync {

bool isLongjmp(const FunctionDecl *FD) {
  if (!FD->getIdentifier())
    return false;
  llvm::StringRef N = FD->getName();
  return N == "longjmp" || N == "siglongjmp" || N == "_longjmp" ||
         N == "__builtin_longjmp";
}

bool isLockAcquire(const FunctionDecl *FD) {
  if (!FD->getIdentifier())
    return false;
  static constexpr llvm::StringLiteral Names[] = {"pthread_mutex_lock",
                                                  "pthread_mutex_trylock",
                                                  "pthread_mutex_timedlock",
                                                  "pthread_rwlock_wrlock",
                                                  "pthread_rwlock_rdlock",
                                                  "pthread_spin_lock",
                                                  "mtx_lock",
                                                  "mtx_timedlock",
                                                  "mtx_trylock",
                                                  "EnterCriticalSection",
                                                  "AcquireSRWLockExclusive"};
  return llvm::is_contained(Names, FD->getName()) ||
         FD->hasAttr<AcquireCapabilityAttr>();
}

bool writesFirstArgument(const FunctionDecl *FD) {
  if (!FD->getIdentifier())
    return false;
  static constexpr llvm::StringLiteral Names[] = {
      "memset",         "memcpy",   "memmove",   "strcpy",
      "strncpy",        "strcat",   "strncat",   "sprintf",
      "snprintf",       "vsprintf", "vsnprintf", "bzero",
      "explicit_bzero", "fgets",    "read",      "pread"};
  unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BImemset || ID == Builtin::BImemcpy ||
      ID == Builtin::BImemmove || ID == Builtin::BI__builtin_memset ||
      ID == Builtin::BI__builtin_memcpy || ID == Builtin::BI__builtin_memmove)
    return true;
  return llvm::is_contained(Names, FD->getName());
}

bool isFree(const FunctionDecl *FD) {
  return FD->getIdentifier() &&
         (FD->getName() == "free" || FD->getName() == "g_free" ||
          FD->getBuiltinID() == Builtin::BIfree);
}

bool readOnlyParam(const FunctionDecl *FD, unsigned I) {
  if (I >= FD->getNumParams())
    return false; // variadic: printf("%p") reads, but scanf writes
  QualType T = FD->getParamDecl(I)->getType();
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType().isConstQualified();
  return !T->isPointerType();
}

bool isThreadApi(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef N = FD->getName();
  return N.starts_with("pthread_") || N.starts_with("thrd_") ||
         N.starts_with("mtx_") || N.starts_with("cnd_") ||
         N.starts_with("sem_");
}

/// The plain name of a function or variable; empty for operators and other
/// names that getName() asserts on (C++).
static llvm::StringRef plainName(const NamedDecl *D) {
  return D && D->getIdentifier() ? D->getName() : llvm::StringRef();
}

const Expr *createAttributes(const CallExpr *Call) {
  if (Call->getNumArgs() > 1 &&
      plainName(Call->getDirectCallee()) == "pthread_create")
    return Call->getArg(1);
  return nullptr;
}

const Expr *detachedAttributes(const CallExpr *Call, ASTContext &Ctx) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (plainName(Callee) != "pthread_attr_setdetachstate" ||
      Call->getNumArgs() != 2)
    return nullptr;
  const auto *DRE =
      dyn_cast<DeclRefExpr>(Call->getArg(1)->IgnoreParenImpCasts());
  Expr::EvalResult R;
  bool Detached =
      (DRE && plainName(DRE->getDecl()) == "PTHREAD_CREATE_DETACHED");
  if (!DRE && Call->getArg(1)->EvaluateAsInt(R, Ctx))
    Detached = R.Val.getInt() == 1; // glibc's PTHREAD_CREATE_DETACHED
  return Detached ? Call->getArg(0) : nullptr;
}

} // namespace sendsync
