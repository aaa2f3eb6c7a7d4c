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

/// Whether a statement of Body holds an error clang recovered from: an
/// expression rebuilt around it (RecoveryExpr, or anything containsErrors())
/// or an invalid declaration. This catches errors reported elsewhere that
/// reach the body, such as a local of a struct type whose definition failed.
bool holdsRecoveredError(const Stmt *Body) {
  llvm::SmallVector<const Stmt *, 64> Stack{Body};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors())
      return true;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (D->isInvalidDecl())
          return true;
    if (const auto *BE = dyn_cast<BlockExpr>(S))
      Stack.push_back(BE->getBody());
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  return false;
}

class IndexBuilder : public RecursiveASTVisitor<IndexBuilder> {
public:
  IndexBuilder(ASTContext &Ctx, TranslationUnitIndex &Out,
               llvm::ArrayRef<SourceLocation> ErrorLocs, bool HadErrors,
               bool NoteGlobals)
      : Ctx(Ctx), Out(Out), ErrorLocs(ErrorLocs), HadErrors(HadErrors),
        NoteGlobals(NoteGlobals) {}

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
    noteVariablyModified(TD->getUnderlyingType());
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    noteVariablyModified(VD->getType());
    return true;
  }

  // Calls are attributed to the function whose body contains them; the
  // current function is tracked on traversal (nested blocks and lambdas
  // count as their enclosing function). A body a compile error touches
  // records no calls: nothing is judged from it.
  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Saved = Current;
    if (FD->doesThisDeclarationHaveABody() && !FD->isInvalidDecl() &&
        !FD->isDependentContext()) {
      bool Broken = touchedByError(FD);
      if (Broken)
        Out.BrokenBodies.insert(FD);
      else
        Out.FunctionDefs.push_back(FD);
      Current = Broken ? nullptr : FD;
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
      else if (auto *DRE = dyn_cast<DeclRefExpr>(S))
        noteGlobal(DRE);
      else if (auto *Cast = dyn_cast<ExplicitCastExpr>(S))
        noteVariablyModified(Cast->getTypeAsWritten());
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
  void pushInteresting(Stmt *S, llvm::SmallVectorImpl<Stmt *> &Stack) {
    // By hand, not IgnoreParenImpCasts(): this runs for every node of every
    // body, and clang's out-of-line helper (which also steps through full
    // expressions and temporaries) made the whole index walk 2.5 times as
    // expensive on SQLite (callgrind, docs/performance.md).
    while (S) {
      if (auto *ICE = dyn_cast<ImplicitCastExpr>(S))
        S = ICE->getSubExpr();
      else if (auto *PE = dyn_cast<ParenExpr>(S))
        S = PE->getSubExpr();
      else
        break;
    }
    if (auto *DRE = dyn_cast_or_null<DeclRefExpr>(S)) {
      noteGlobal(DRE);
      return;
    }
    if (!S ||
        isa<IntegerLiteral, StringLiteral, CharacterLiteral, FloatingLiteral>(
            S))
      return;
    Stack.push_back(S);
  }

  /// For NamesExternalGlobal: the current function names a global that
  /// other units can name too.
  void noteGlobal(const DeclRefExpr *DRE) {
    if (!NoteGlobals || !Current)
      return;
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && VD->hasGlobalStorage() && VD->getTLSKind() == VarDecl::TLS_None &&
        VD->hasExternalFormalLinkage())
      Out.NamesExternalGlobal.insert(Current);
  }

  /// For NamesExternalGlobal: a size expression this walk may not read.
  void noteVariablyModified(QualType T) {
    if (NoteGlobals && Current && T->isVariablyModifiedType())
      Out.NamesExternalGlobal.insert(Current);
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
  /// Whether a compile error touches FD's definition (docs/rules.md §4.14):
  /// an error located between its first token and its closing brace, or a
  /// statement of its body that holds a recovered error. Both are needed:
  /// error recovery often leaves no trace in the AST (`int x = = 3;` becomes
  /// `int x;`, a statement that does not parse is dropped), and an error
  /// reported at a declaration elsewhere can make a statement here invalid.
  bool touchedByError(const FunctionDecl *FD) const {
    if (!HadErrors)
      return false;
    const SourceManager &SM = Ctx.getSourceManager();
    SourceLocation Begin = SM.getExpansionLoc(FD->getBeginLoc());
    SourceLocation End = SM.getExpansionLoc(FD->getEndLoc());
    for (SourceLocation L : ErrorLocs) {
      L = SM.getExpansionLoc(L);
      if (Begin.isValid() && End.isValid() &&
          !SM.isBeforeInTranslationUnit(L, Begin) &&
          !SM.isBeforeInTranslationUnit(End, L))
        return true;
    }
    return holdsRecoveredError(FD->getBody());
  }

  ASTContext &Ctx;
  TranslationUnitIndex &Out;
  llvm::ArrayRef<SourceLocation> ErrorLocs;
  bool HadErrors;
  bool NoteGlobals;
  const FunctionDecl *Current = nullptr;
};

/// The functions that call a broken body, directly or through others: a
/// search backwards along the calls, from the broken bodies.
void findCallersOfBrokenBodies(TranslationUnitIndex &Index) {
  if (Index.BrokenBodies.empty())
    return;
  Index.ReachesBrokenBody.insert(Index.BrokenBodies.begin(),
                                 Index.BrokenBodies.end());
  llvm::SmallVector<const FunctionDecl *, 16> Work(Index.BrokenBodies.begin(),
                                                   Index.BrokenBodies.end());
  while (!Work.empty()) {
    const FunctionDecl *Reached = Work.pop_back_val();
    for (unsigned I : Index.callsTo(Reached)) {
      const TranslationUnitIndex::Call &C = Index.Calls[I];
      // The call names some declaration of the function reached; what
      // reaches a broken body is its definition.
      const FunctionDecl *Def = C.Callee->getDefinition();
      if (Def && Index.ReachesBrokenBody.count(Def) &&
          Index.ReachesBrokenBody.insert(C.Caller).second)
        Work.push_back(C.Caller);
    }
  }
}
} // namespace

TranslationUnitIndex
TranslationUnitIndex::build(ASTContext &Ctx,
                            llvm::ArrayRef<SourceLocation> ErrorLocs,
                            bool HadErrors, bool NoteExternalGlobals) {
  TranslationUnitIndex Index;
  Index.NotedExternalGlobals = NoteExternalGlobals;
  IndexBuilder(Ctx, Index, ErrorLocs, HadErrors || !ErrorLocs.empty(),
               NoteExternalGlobals)
      .TraverseDecl(Ctx.getTranslationUnitDecl());
  findCallersOfBrokenBodies(Index);
  return Index;
}

llvm::ArrayRef<unsigned>
TranslationUnitIndex::callsTo(const FunctionDecl *FD) const {
  if (!CallsByCalleeBuilt) {
    CallsByCalleeBuilt = true;
    for (unsigned I = 0, N = Calls.size(); I < N; ++I)
      CallsByCallee[Calls[I].Callee->getCanonicalDecl()].push_back(I);
  }
  auto It = CallsByCallee.find(FD->getCanonicalDecl());
  if (It == CallsByCallee.end())
    return {};
  return It->second;
}

} // namespace sendsync
