//===- AstHelpers.h - Small questions about clang's AST
//--------------------===//
//
// Helpers every layer uses: what an expression is once casts are gone, which
// function it names, whether a statement is a loop, and how a location or an
// expression reads in a message. Where clang has its own helper, these are
// thin names over it.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SUPPORT_ASTHELPERS_H
#define SENDSYNC_SUPPORT_ASTHELPERS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include <string>

namespace sendsync {

/// E without the parentheses and casts around it (null stays null).
inline const clang::Expr *stripCasts(const clang::Expr *E) {
  return E ? E->IgnoreParenCasts() : nullptr;
}

/// The function E names (through casts and &), its definition when this
/// translation unit has one.
const clang::FunctionDecl *calledFunction(const clang::Expr *E);

/// for, while, do and range-for statements.
bool isLoop(const clang::Stmt *S);

/// Whether Inner is Outer or inside it, by the parent map.
bool isWithin(const clang::Stmt *Outer, const clang::Stmt *Inner,
              const clang::ParentMap &PM);

/// The names of a field path joined by '.' ("in.value"); empty for none.
std::string fieldPathText(llvm::ArrayRef<const clang::FieldDecl *> Fields);

/// "file.c:40" of a location (its expansion), or "?".
std::string fileAndLine(const clang::SourceManager &SM,
                        clang::SourceLocation Loc);

/// The source text of E, quoted and shortened for messages ('j', '&cfg');
/// "the argument" when it spans lines or is empty.
std::string spellExpr(const clang::ASTContext &Ctx, const clang::Expr *E);

} // namespace sendsync

#endif // SENDSYNC_SUPPORT_ASTHELPERS_H
