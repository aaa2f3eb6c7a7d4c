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
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
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
  /// Function definitions (with bodies), in source order; those a compile
  /// error touches are left out (they are in BrokenBodies).
  std::vector<const clang::FunctionDecl *> FunctionDefs;
  /// Function definitions whose body a compile error touches (docs/rules.md
  /// §4.14): their bodies are read by no fact and no check, as if they were
  /// defined in another translation unit.
  llvm::DenseSet<const clang::FunctionDecl *> BrokenBodies;
  /// Functions that call one of BrokenBodies, directly or through other
  /// functions of this translation unit (the broken ones included): what
  /// they do to a thread handle depends on code clang could not parse.
  llvm::DenseSet<const clang::FunctionDecl *> ReachesBrokenBody;
  /// Every call with a known callee made inside a function body, with the
  /// function that makes it: spawn sites, joins and wrappers are found here.
  /// Calls inside BrokenBodies are left out.
  struct Call {
    const clang::CallExpr *Expr;
    const clang::FunctionDecl *Callee;
    const clang::FunctionDecl *Caller;
  };
  std::vector<Call> Calls;
  /// The positions in Calls of the calls to FD (any of its declarations),
  /// in index order. Built on first use, for the facts that flow from
  /// callees to their callers (CallerFacts.h).
  llvm::ArrayRef<unsigned> callsTo(const clang::FunctionDecl *FD) const;
  /// Only when build() is asked to (the facts file needs it): the functions
  /// whose body names a global with external linkage (not thread-local), or
  /// declares or casts to a variably modified type (whose size expression
  /// this walk may not read). A superset of the functions whose own code
  /// touches a global another unit can name: the facts' `globals` walk only
  /// the functions that reach one of these.
  llvm::DenseSet<const clang::FunctionDecl *> NamesExternalGlobal;
  bool NotedExternalGlobals = false;

  /// Files that contain the SS_STRICT_FILE marker.
  llvm::DenseSet<clang::FileID> StrictFiles;

  /// Whether FD's definition is in this translation unit and its body may be
  /// read (no compile error touches it).
  bool hasUsableBody(const clang::FunctionDecl *FD) const {
    const clang::FunctionDecl *Def = nullptr;
    return FD && FD->hasBody(Def) && !BrokenBodies.count(Def);
  }

  /// ErrorLocs are where clang reported errors (the plugin's own and
  /// warnings made errors by -Werror excepted); HadErrors says whether any
  /// error occurred at all, located or not.
  static TranslationUnitIndex
  build(clang::ASTContext &Ctx,
        llvm::ArrayRef<clang::SourceLocation> ErrorLocs = {},
        bool HadErrors = false, bool NoteExternalGlobals = false);

private:
  /// callsTo's index, by canonical declaration.
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         llvm::SmallVector<unsigned, 2>>
      CallsByCallee;
  mutable bool CallsByCalleeBuilt = false;
};

} // namespace sendsync

#endif // SENDSYNC_TRANSLATIONUNITINDEX_H
