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

  bool VisitCallExpr(CallExpr *CE) {
    if (!Current)
      return true;
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Out.Calls.push_back({CE, Callee, Current});
    return true;
  }

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
