//===- AstHelpers.cpp - Small questions about clang's AST
//------------------===//

#include "AstHelpers.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace sendsync {

const FunctionDecl *calledFunction(const Expr *E) {
  const Expr *S = stripCasts(E);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(S))
    if (UO->getOpcode() == UO_AddrOf)
      S = stripCasts(UO->getSubExpr());
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(S);
  if (!DRE)
    return nullptr;
  const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
  if (!FD)
    return nullptr;
  if (const FunctionDecl *Def = FD->getDefinition())
    return Def;
  return FD;
}

bool isLoop(const Stmt *S) {
  return S && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

bool isWithin(const Stmt *Outer, const Stmt *Inner, const ParentMap &PM) {
  for (const Stmt *P = Inner; P; P = PM.getParent(P))
    if (P == Outer)
      return true;
  return false;
}

std::string fieldPathText(llvm::ArrayRef<const FieldDecl *> Fields) {
  std::string Out;
  for (const FieldDecl *FD : Fields) {
    if (!Out.empty())
      Out += ".";
    Out += FD->getName().str();
  }
  return Out;
}

std::string fileAndLine(const SourceManager &SM, SourceLocation Loc) {
  PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (PL.isInvalid())
    return "?";
  return llvm::sys::path::filename(PL.getFilename()).str() + ":" +
         std::to_string(PL.getLine());
}

std::string spellExpr(const ASTContext &Ctx, const Expr *E) {
  const SourceManager &SM = Ctx.getSourceManager();
  // Inside a macro (NULL, a wrapper macro): the text as the user wrote it.
  CharSourceRange R = E->getBeginLoc().isMacroID() || E->getEndLoc().isMacroID()
                          ? SM.getExpansionRange(E->getSourceRange())
                          : CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).trim();
  if (Text.empty() || Text.contains('\n'))
    return "the argument";
  if (Text.size() > 40)
    return "'" + Text.take_front(37).str() + "...'";
  return "'" + Text.str() + "'";
}

} // namespace sendsync
