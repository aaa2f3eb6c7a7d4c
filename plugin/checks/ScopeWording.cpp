//===- ScopeWording.cpp - The English of the thread-scope facts -----------===//

#include "ScopeWording.h"

namespace sendsync {

std::string handleName(const ScopeFacts &Sc) {
  if (!Sc.HandleText.empty())
    return "'" + Sc.HandleText + "'";
  return Sc.HasHandle ? "the thread's handle" : "the thread";
}

static std::string calleeName(const SpawnerAccess &A) {
  return A.Callee ? "'" + A.Callee->getNameAsString() + "'" : "a function";
}

std::string describeAccess(const SpawnerAccess &A, llvm::StringRef Name) {
  switch (A.Kind) {
  case AccessKind::Assign:
    return "assigns to " + Name.str();
  case AccessKind::Increment:
    return "increments " + Name.str();
  case AccessKind::Decrement:
    return "decrements " + Name.str();
  case AccessKind::CompoundUpdate:
    return "updates " + Name.str();
  case AccessKind::WriteThroughCallee:
    return "writes " + Name.str() + " with " + calleeName(A);
  case AccessKind::PassAddress:
    return "passes the address of " + Name.str() + " to " + calleeName(A) +
           ", which may write it,";
  case AccessKind::Free:
    return "frees " + Name.str();
  case AccessKind::Realloc:
    return "reallocates " + Name.str();
  case AccessKind::Read:
    return "reads it";
  }
  llvm_unreachable("unknown access kind");
}

std::string describeLeak(const ScopeFacts &Sc, const LeakPath &L) {
  std::string Handle = handleName(Sc);
  switch (L.Kind) {
  case LeakKind::Return:
    return "this path returns without joining " + Handle;
  case LeakKind::FunctionEnd:
    return "the function ends here without joining " + Handle;
  case LeakKind::Break:
    return "this path leaves the block ('break') without joining " + Handle;
  case LeakKind::Continue:
    return "this path leaves the block ('continue') without joining " + Handle;
  case LeakKind::Goto:
    return "this path leaves the block ('goto') without joining " + Handle;
  case LeakKind::Longjmp:
    return "this path leaves the function through '" +
           L.Subject->getNameAsString() + "' without joining " + Handle;
  case LeakKind::EndOfBlock:
    return "'" + L.Subject->getName().str() +
           "' dies here, at the end of its block, and " + Handle +
           " may not be joined yet";
  case LeakKind::ThreadLocal:
    return "a thread-local variable belongs to the thread that starts the new "
           "one; the new thread sees memory of another thread";
  }
  llvm_unreachable("unknown leak kind");
}

} // namespace sendsync
