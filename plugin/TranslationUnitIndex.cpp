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
};
} // namespace

TranslationUnitIndex TranslationUnitIndex::build(ASTContext &Ctx) {
  TranslationUnitIndex Index;
  IndexBuilder(Ctx, Index).TraverseDecl(Ctx.getTranslationUnitDecl());
  return Index;
}

} // namespace sendsync
