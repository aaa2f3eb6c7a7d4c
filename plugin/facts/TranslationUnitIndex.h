//===- TranslationUnitIndex.h - One walk over the AST ---------------------===//
//
// Everything the checks need to enumerate, collected by a single
// RecursiveASTVisitor pass so that no check walks the AST again.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_TRANSLATIONUNITINDEX_H
#define SENDSYNC_TRANSLATIONUNITINDEX_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"
#include <utility>
#include <vector>

namespace sendsync {

struct TranslationUnitIndex {
  /// Every annotate attribute written in the TU (not clang's inherited
  /// copies), with the declaration it is attached to.
  std::vector<std::pair<const clang::Decl *, const clang::AnnotateAttr *>>
      Annotations;
  /// Struct and union definitions.
  std::vector<const clang::RecordDecl *> Records;
  /// Typedef and alias declarations.
  std::vector<const clang::TypedefNameDecl *> Typedefs;
  /// Function definitions (with bodies), in source order.
  std::vector<const clang::FunctionDecl *> FunctionDefs;
  /// Every call with a known callee made inside a function body, with the
  /// function that makes it: spawn sites, joins and wrappers are found here.
  struct Call {
    const clang::CallExpr *Expr;
    const clang::FunctionDecl *Callee;
    const clang::FunctionDecl *Caller;
  };
  std::vector<Call> Calls;
  /// Files that contain the SS_STRICT_FILE marker.
  llvm::DenseSet<clang::FileID> StrictFiles;

  static TranslationUnitIndex build(clang::ASTContext &Ctx);
};

} // namespace sendsync

#endif // SENDSYNC_TRANSLATIONUNITINDEX_H
