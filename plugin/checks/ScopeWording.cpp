//===- ScopeWording.cpp - The English of the thread-scope facts -----------===//

#include "ScopeWording.h"
#include "clang/Lex/Lexer.h"

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
    return "reads " + Name.str();
  }
  llvm_unreachable("unknown access kind");
}

/// The source text of E, when it is short, on one line and not from a macro.
static llvm::StringRef textOf(const clang::Expr *E,
                              const clang::ASTContext &Ctx) {
  clang::SourceRange R = E->IgnoreParens()->getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return {};
  llvm::StringRef Text =
      clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(R),
                                  Ctx.getSourceManager(), Ctx.getLangOpts())
          .trim();
  return Text.size() <= 40 && !Text.contains('\n') ? Text : llvm::StringRef();
}

/// The expression that names the part written: the target of a direct
/// write, or the argument of a call that starts from the object
/// (`memset(&c.inner, ...)` gives `c.inner`).
static llvm::StringRef writtenText(const SpawnerAccess &A,
                                   llvm::StringRef Object,
                                   const clang::ASTContext &Ctx) {
  using namespace clang;
  if (const auto *BO = dyn_cast<BinaryOperator>(A.At))
    return BO->isAssignmentOp() ? textOf(BO->getLHS(), Ctx) : "";
  if (const auto *UO = dyn_cast<UnaryOperator>(A.At))
    return UO->isIncrementDecrementOp() ? textOf(UO->getSubExpr(), Ctx) : "";
  const auto *Call = dyn_cast<CallExpr>(A.At);
  if (!Call)
    return {};
  for (const Expr *Arg : Call->arguments()) {
    const Expr *E = Arg->IgnoreParenImpCasts();
    if (const auto *Addr = dyn_cast<UnaryOperator>(E);
        Addr && Addr->getOpcode() == UO_AddrOf)
      E = Addr->getSubExpr();
    llvm::StringRef Text = textOf(E, Ctx);
    if (Text.size() > Object.size() && Text.starts_with(Object) &&
        llvm::StringRef(".-[").contains(Text[Object.size()]))
      return Text;
  }
  return {};
}

std::string accessedPart(const SpawnerAccess &A, llvm::StringRef Object,
                         const clang::ASTContext &Ctx) {
  if (A.Part.empty())
    return "'" + Object.str() + "'";
  if (llvm::StringRef Text = A.At ? writtenText(A, Object, Ctx) : "";
      !Text.empty())
    return "'" + Text.str() + "'";
  std::string Path = Object.str();
  for (const clang::FieldDecl *FD : A.Part)
    Path += "." + FD->getNameAsString();
  return "'" + Path + "'";
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
