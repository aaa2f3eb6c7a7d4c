//===- TranslationUnitIndex.cpp - One walk over the AST -------------------===//

#include "TranslationUnitIndex.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace sendsync {

namespace {
/// The message SS_STRICT_FILE puts in its static assertion.
constexpr llvm::StringLiteral StrictFileMessage = "sendsync:strict";

class IndexBuilder : public RecursiveASTVisitor<IndexBuilder> {
public:
  IndexBuilder(ASTContext &Ctx, TranslationUnitIndex &Out)
      : Ctx(Ctx), Out(Out) {}

  bool VisitDecl(Decl *D) {
    if (D->isInvalidDecl())
      return true;
    for (const auto *A : D->specific_attrs<AnnotateAttr>())
      if (!A->isInherited())
        Out.Annotations.emplace_back(D, A);
    return true;
  }

  bool VisitRecordDecl(RecordDecl *RD) {
    if (RD->isThisDeclarationADefinition() && !RD->isInvalidDecl() &&
        !RD->isDependentType())
      Out.Records.push_back(RD);
    return true;
  }

  bool VisitTypedefNameDecl(TypedefNameDecl *TD) {
    if (!TD->isInvalidDecl() && !TD->getUnderlyingType()->isDependentType())
      Out.Typedefs.push_back(TD);
    return true;
  }

  // Calls are attributed to the function whose body contains them; the
  // current function is tracked on traversal (nested blocks and lambdas
  // count as their enclosing function).
  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Saved = Current;
    if (FD->doesThisDeclarationHaveABody() && !FD->isInvalidDecl() &&
        !FD->isDependentContext()) {
      Out.FunctionDefs.push_back(FD);
      Current = FD;
    }
    bool Result = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Current = Saved;
    return Result;
  }

  // Statements: the index needs only the calls and the declarations inside
  // them, so bodies are walked by a lean pre-order loop over children()
  // instead of the visitor's per-node Traverse/WalkUpFrom chains (which also
  // walk TypeLocs and name infos). On the SQLite amalgamation this halves
  // the plugin's cost (docs/performance.md). Declarations found on the way
  // go back to the visitor.
  bool TraverseStmt(Stmt *Root, DataRecursionQueue * = nullptr) {
    llvm::SmallVector<Stmt *, 64> Stack{Root};
    while (!Stack.empty()) {
      Stmt *S = Stack.pop_back_val();
      if (!S)
        continue;
      if (auto *DS = dyn_cast<DeclStmt>(S)) {
        for (Decl *D : DS->decls())
          TraverseDecl(D);
        continue;
      }
      if (auto *BE = dyn_cast<BlockExpr>(S)) {
        TraverseDecl(BE->getBlockDecl());
        continue;
      }
      if (auto *CE = dyn_cast<CallExpr>(S))
        recordCall(CE);
      // Children go on the stack as they come, so siblings are visited last
      // to first; the users of Calls do not depend on their order (spawn
      // sites are sorted by position).
      for (Stmt *Child : S->children())
        pushInteresting(Child, Stack);
    }
    return true;
  }

  /// Pushes S, looking through the wrappers that have one child and
  /// leaving out the leaves that cannot hold a call or a declaration (most
  /// nodes of a body are one of these).
  static void pushInteresting(Stmt *S, llvm::SmallVectorImpl<Stmt *> &Stack) {
    if (auto *E = dyn_cast_or_null<Expr>(S))
      S = E->IgnoreParenImpCasts();
    if (!S || isa<DeclRefExpr, IntegerLiteral, StringLiteral, CharacterLiteral,
                  FloatingLiteral>(S))
      return;
    Stack.push_back(S);
  }

  void recordCall(CallExpr *CE) {
    if (!Current)
      return;
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Out.Calls.push_back({CE, Callee, Current});
  }

  // Written types hold nothing the index needs.
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool VisitStaticAssertDecl(StaticAssertDecl *SA) {
    const auto *Msg = dyn_cast_or_null<StringLiteral>(SA->getMessage());
    if (Msg && Msg->getCharByteWidth() == 1 &&
        Msg->getString() == StrictFileMessage) {
      SourceManager &SM = Ctx.getSourceManager();
      Out.StrictFiles.insert(
          SM.getFileID(SM.getExpansionLoc(SA->getLocation())));
    }
    return true;
  }

private:
  ASTContext &Ctx;
  TranslationUnitIndex &Out;
  const FunctionDecl *Current = nullptr;
};
} // namespace

TranslationUnitIndex TranslationUnitIndex::build(ASTContext &Ctx) {
  TranslationUnitIndex Index;
  IndexBuilder(Ctx, Index).TraverseDecl(Ctx.getTranslationUnitDecl());
  return Index;
}

} // namespace sendsync
