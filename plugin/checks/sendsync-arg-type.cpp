//===- sendsync-arg-type.cpp - The entry reads its argument as another type
//===//
//
// pthread_create and friends take the argument as void *, so nothing stops
// `pthread_create(&t, 0, worker, &cfg)` when worker reads a `struct job *`.
// The entry function is followed (through casts, wrappers, and helpers of
// the translation unit it forwards the parameter to) to the conversion of
// its parameter, and the type it converts to is compared with the type the
// spawner had before the conversion to void *.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace sendsync {

namespace {

/// How deep a parameter is followed into helpers.
constexpr unsigned MaxForwarding = 3;

struct Conversion {
  const Expr *At = nullptr;
  QualType To; // the pointee type read
  const FunctionDecl *In = nullptr;
  const ParmVarDecl *Param = nullptr;
};

/// The first conversion of Param to a typed pointer in Fn's body, or of the
/// parameter it is forwarded to.
class ConversionFinder : public RecursiveASTVisitor<ConversionFinder> {
public:
  explicit ConversionFinder(const ParmVarDecl *Param) : Param(Param) {}

  bool VisitCastExpr(CastExpr *CE) {
    if (Found.At || !refersToParam(CE->getSubExpr()))
      return true;
    const auto *PT = CE->getType()->getAs<PointerType>();
    if (!PT || PT->getPointeeType()->isVoidType())
      return true;
    Found = {CE, PT->getPointeeType(), nullptr, Param};
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Forward.second)
      return true;
    const FunctionDecl *Def = Callee->getDefinition();
    if (!Def || !Def->hasBody())
      return true;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Def->getNumParams(); ++I)
      if (refersToParam(Call->getArg(I)) &&
          Def->getParamDecl(I)->getType()->isVoidPointerType())
        Forward = {Def, Def->getParamDecl(I)};
    return true;
  }

  Conversion Found;
  std::pair<const FunctionDecl *, const ParmVarDecl *> Forward{nullptr,
                                                               nullptr};

private:
  bool refersToParam(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == Param;
  }
  const ParmVarDecl *Param;
};

Conversion findConversion(const TranslationUnitIndex &Index,
                          const FunctionDecl *Fn, const ParmVarDecl *Param,
                          unsigned Depth) {
  ConversionFinder Finder(Param);
  Finder.TraverseStmt(Fn->getBody());
  if (Finder.Found.At) {
    Finder.Found.In = Fn;
    return Finder.Found;
  }
  if (Finder.Forward.first && Depth < MaxForwarding &&
      Finder.Forward.first != Fn && Index.hasUsableBody(Finder.Forward.first))
    return findConversion(Index, Finder.Forward.first, Finder.Forward.second,
                          Depth + 1);
  return {};
}

bool isByteType(QualType T) {
  return T->isCharType() || T->isVoidType() ||
         T->isSpecificBuiltinType(BuiltinType::UChar) ||
         T->isSpecificBuiltinType(BuiltinType::SChar);
}

/// Whether reading a `Read` where a `Passed` lives is how C programs do it:
/// the same type, bytes, or the first member ("C inheritance").
bool compatible(ASTContext &Ctx, QualType Passed, QualType Read) {
  Read = Read.getCanonicalType().getUnqualifiedType();
  if (isByteType(Read))
    return true;
  for (unsigned Guard = 0; Guard < 16; ++Guard) {
    QualType P = Passed.getCanonicalType().getUnqualifiedType();
    if (Ctx.hasSameType(P, Read))
      return true;
    if (const auto *AT = Ctx.getAsArrayType(P)) { // &arr: reads elements
      Passed = AT->getElementType();
      continue;
    }
    const RecordDecl *RD = P->getAsRecordDecl();
    if (!RD || !RD->getDefinition() || RD->getDefinition()->field_empty())
      return false;
    Passed = (*RD->getDefinition()->field_begin())->getType();
  }
  return false;
}

} // namespace

void checkArgType(CheckContext &C, FindingList &Out) {
  llvm::DenseMap<const FunctionDecl *, Conversion> Cache;
  for (const SpawnSite &S : C.Spawns.sites()) {
    if (!S.EntryFn || S.EntryFn->getNumParams() < 1 ||
        S.Prov.Kind == Storage::Value || S.Prov.Pointee.isNull())
      continue;
    auto It = Cache.find(S.EntryFn);
    if (It == Cache.end())
      It = Cache
               .try_emplace(S.EntryFn,
                            findConversion(C.Index, S.EntryFn,
                                           S.EntryFn->getParamDecl(0), 0))
               .first;
    const Conversion &Conv = It->second;
    if (!Conv.At || compatible(C.Ctx, S.Prov.Pointee, Conv.To))
      continue;
    std::string Entry = S.EntryFn->getNameAsString();
    Finding F;
    F.Check = CheckId::ArgType;
    F.Loc = S.Arg->getExprLoc();
    F.Message = "thread entry '" + Entry + "' reads its argument as '" +
                C.Oracle.typeName(Conv.To) + " *', but '" +
                C.Oracle.typeName(S.Prov.Pointee) + " *' is passed here";
    std::string Through = Conv.In == S.EntryFn
                              ? "'" + Entry + "'"
                              : "'" + Conv.In->getNameAsString() +
                                    "' (called by '" + Entry + "')";
    F.Notes.push_back(
        {Conv.At->getExprLoc(), Through + " converts its parameter '" +
                                    Conv.Param->getName().str() + "' to '" +
                                    C.Oracle.typeName(Conv.To) + " *' here"});
    F.Notes.push_back({S.Call->getBeginLoc(),
                       "the thread started here runs '" + Entry + "'"});
    Out.push_back(std::move(F));
  }
}

} // namespace sendsync
