//===- Provenance.cpp - Where the memory handed to a thread lives ---------===//

#include "Provenance.h"
#include "SpawnApis.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace sendsync {

llvm::StringRef storageName(Storage S) {
  switch (S) {
  case Storage::Stack:
    return "stack";
  case Storage::ThreadLocal:
    return "thread-local";
  case Storage::Static:
    return "static";
  case Storage::Heap:
    return "heap";
  case Storage::Value:
    return "value";
  case Storage::Field:
    return "field";
  case Storage::Parameter:
    return "parameter";
  case Storage::Mixed:
    return "mixed";
  case Storage::Unknown:
    return "unknown";
  }
  llvm_unreachable("unknown storage");
}

namespace {

/// Deep enough for any real chain of local pointer copies; stops cycles
/// (p = q; q = p;).
constexpr unsigned MaxDepth = 8;

bool isAllocator(const FunctionDecl *FD) {
  if (FD->hasAttr<RestrictAttr>()) // __attribute__((malloc))
    return true;
  if (!FD->getIdentifier())
    return false;
  static constexpr llvm::StringLiteral Allocators[] = {
      "malloc",  "calloc",        "realloc",  "reallocarray", "strdup",
      "strndup", "aligned_alloc", "memalign", "valloc",       "pvalloc"};
  return llvm::is_contained(Allocators, FD->getName());
}

bool isStackAllocator(const FunctionDecl *FD) {
  unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BI__builtin_alloca ||
      ID == Builtin::BI__builtin_alloca_with_align)
    return true;
  return FD->getIdentifier() && FD->getName() == "alloca";
}

std::optional<Marker> assumeMarker(const FunctionDecl *FD,
                                   MarkerIndex &Markers) {
  for (Marker M : {Marker::AssumeSend, Marker::AssumeSync})
    if (Markers.find(FD, M))
      return M;
  return std::nullopt;
}

class LocalFactsBuilder : public RecursiveASTVisitor<LocalFactsBuilder> {
public:
  explicit LocalFactsBuilder(LocalFacts &Out) : Out(Out) {}

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && VD->getInit())
      Out.Assignments[VD].push_back(VD->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasLocalStorage())
          Out.Assignments[VD].push_back(BO->getRHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() != UO_AddrOf)
      return true;
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->getType()->isPointerType())
          Out.AddressTaken.insert(VD);
    return true;
  }

private:
  LocalFacts &Out;
};

} // namespace

QualType writtenPointee(const Expr *E) {
  while (E) {
    // A string literal is `char[N]` in C, but writing it is undefined.
    if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParens()))
      return SL->getType()
          ->getAsArrayTypeUnsafe()
          ->getElementType()
          .withConst();
    QualType T = E->getType();
    if (const auto *PT = T->getAs<PointerType>())
      if (!PT->getPointeeType()->isVoidType())
        return PT->getPointeeType();
    if (T->isArrayType())
      return QualType(T->getPointeeOrArrayElementType(), 0);
    const Expr *Next = E->IgnoreParens();
    if (const auto *CE = dyn_cast<CastExpr>(Next))
      Next = CE->getSubExpr();
    if (Next == E)
      break;
    E = Next;
  }
  return QualType();
}

const LocalFacts &ProvenanceTracer::localFacts(const FunctionDecl *Fn) {
  std::unique_ptr<LocalFacts> &Slot = Facts[Fn];
  if (!Slot) {
    Slot = std::make_unique<LocalFacts>();
    LocalFactsBuilder(*Slot).TraverseStmt(Fn->getBody());
  }
  return *Slot;
}

std::string ProvenanceTracer::spell(const Expr *E) const {
  return spellExpr(Ctx, E);
}

Provenance ProvenanceTracer::trace(const Expr *Arg, const FunctionDecl *Fn) {
  Provenance P = traceValue(Arg, Fn, 0);
  // The type the argument had before void * wins over the type of the
  // memory it was traced to (&j->part is a part, not a job).
  if (QualType Written = writtenPointee(Arg); !Written.isNull())
    P.Pointee = Written;
  return P;
}

Provenance ProvenanceTracer::traceValue(const Expr *E, const FunctionDecl *Fn,
                                        unsigned Depth) {
  Provenance P;
  P.Source = E;
  if (!E || Depth > MaxDepth)
    return P;
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)) {
    P.Kind = Storage::Value;
    P.From.Kind = OriginKind::NullPointer;
    return P;
  }
  // Casts: an integer turned into a pointer carries a value, not memory.
  const Expr *Cur = E->IgnoreParens();
  while (const auto *CE = dyn_cast<CastExpr>(Cur)) {
    if (CE->getCastKind() == CK_IntegralToPointer) {
      P.Kind = Storage::Value;
      P.From.Kind = OriginKind::IntegerValue;
      return P;
    }
    if (CE->getCastKind() == CK_ArrayToPointerDecay ||
        CE->getCastKind() == CK_FunctionToPointerDecay)
      return traceObject(CE->getSubExpr(), Fn, Depth);
    Cur = CE->getSubExpr()->IgnoreParens();
  }
  P.Source = Cur;

  if (const auto *UO = dyn_cast<UnaryOperator>(Cur)) {
    if (UO->getOpcode() == UO_AddrOf)
      return traceObject(UO->getSubExpr(), Fn, Depth);
    return P;
  }
  if (isa<StringLiteral>(Cur)) {
    P.Kind = Storage::Static;
    P.From.Kind = OriginKind::StringLiteral;
    return P;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Cur))
    return traceBinary(BO, std::move(P), Fn, Depth);
  if (const auto *CO = dyn_cast<ConditionalOperator>(Cur))
    return traceConditional(CO, std::move(P), Fn, Depth);
  if (const auto *Call = dyn_cast<CallExpr>(Cur))
    return traceCall(Call, std::move(P), Fn, Depth);
  if (const auto *ME = dyn_cast<MemberExpr>(Cur)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD || !FD->getType()->isPointerType())
      return P;
    P.Kind = Storage::Field;
    P.Object = FD;
    P.Marked = Markers.pointerKind(FD);
    P.From = {OriginKind::FieldPointer, FD, nullptr, {}, P.Marked};
    return P;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Cur))
    return traceVariable(DRE, std::move(P), Fn, Depth);
  return P;
}

/// a, b; p + n; p = q: the value that results.
Provenance ProvenanceTracer::traceBinary(const BinaryOperator *BO, Provenance P,
                                         const FunctionDecl *Fn,
                                         unsigned Depth) {
  if (BO->getOpcode() == BO_Comma)
    return traceValue(BO->getRHS(), Fn, Depth + 1);
  if (BO->isAdditiveOp()) // pointer arithmetic stays in its object
    return traceValue(BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                               : BO->getRHS(),
                      Fn, Depth + 1);
  if (BO->getOpcode() == BO_Assign)
    return traceValue(BO->getRHS(), Fn, Depth + 1);
  return P;
}

/// c ? a : b: one provenance when both sides agree (or one is a value),
/// else mixed, with both sources.
Provenance ProvenanceTracer::traceConditional(const ConditionalOperator *CO,
                                              Provenance P,
                                              const FunctionDecl *Fn,
                                              unsigned Depth) {
  Provenance A = traceValue(CO->getTrueExpr(), Fn, Depth + 1);
  Provenance B = traceValue(CO->getFalseExpr(), Fn, Depth + 1);
  if (A.Kind == B.Kind && A.Marked == B.Marked && A.Object == B.Object)
    return A;
  if (A.Kind == Storage::Value)
    return B;
  if (B.Kind == Storage::Value)
    return A;
  P.Kind = Storage::Mixed;
  P.Sources = {
      {A.Source ? A.Source->getExprLoc() : SourceLocation(), A.From, A.Kind},
      {B.Source ? B.Source->getExprLoc() : SourceLocation(), B.From, B.Kind}};
  P.From.Kind = OriginKind::DifferentKinds;
  return P;
}

/// The result of a call: an allocator's memory, an assume marker's
/// argument, or unknown.
Provenance ProvenanceTracer::traceCall(const CallExpr *Call, Provenance P,
                                       const FunctionDecl *Fn, unsigned Depth) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return P;
  if (std::optional<Marker> M = assumeMarker(Callee, Markers)) {
    if (Call->getNumArgs() != 1)
      return P;
    Provenance Inner = traceValue(Call->getArg(0), Fn, Depth + 1);
    if (Inner.Pointee.isNull())
      Inner.Pointee = writtenPointee(Call->getArg(0));
    (*M == Marker::AssumeSend ? Inner.AssumeSend : Inner.AssumeSync) = true;
    return Inner;
  }
  P.From.Decl = Callee;
  P.From.At = Call->getBeginLoc();
  if (isStackAllocator(Callee)) {
    P.Kind = Storage::Stack;
    P.From.Kind = OriginKind::Alloca;
    return P;
  }
  if (isAllocator(Callee)) {
    P.Kind = Storage::Heap;
    P.From.Kind = OriginKind::HeapAllocation;
    return P;
  }
  P.From.Kind = OriginKind::CallResult;
  return P;
}

/// A variable's value: a function, an array, a parameter, a marked or
/// global pointer, or a local pointer followed through its assignments.
Provenance ProvenanceTracer::traceVariable(const DeclRefExpr *DRE, Provenance P,
                                           const FunctionDecl *Fn,
                                           unsigned Depth) {
  const ValueDecl *D = DRE->getDecl();
  if (isa<FunctionDecl>(D)) {
    P.Kind = Storage::Static;
    P.Object = D;
    P.From = {OriginKind::Function, D, nullptr, {}, PointerKind::Raw};
    return P;
  }
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD)
    return P;
  if (VD->getType()->isArrayType())
    return traceObject(DRE, Fn, Depth);
  PointerKind K = Markers.pointerKind(VD);
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
    if (!Markers.find(PVD, Marker::Owned) && K == PointerKind::Raw)
      for (const FunctionDecl *R : Fn->redecls())
        if (PVD->getFunctionScopeIndex() < R->getNumParams())
          if (PointerKind RK = Markers.pointerKind(
                  R->getParamDecl(PVD->getFunctionScopeIndex()));
              RK != PointerKind::Raw)
            K = RK;
    P.Kind = Storage::Parameter;
    P.Object = PVD;
    P.Marked = K;
    P.From = {OriginKind::Parameter, PVD, Fn, {}, PointerKind::Raw};
    return P;
  }
  if (K != PointerKind::Raw || !VD->hasLocalStorage()) {
    // A marked variable says what it holds; a global pointer's target is
    // only known from its marker.
    P.Kind = Storage::Field;
    P.Object = VD;
    P.Marked = K;
    P.From = {OriginKind::VariablePointer, VD, nullptr, {}, K};
    if (K == PointerKind::Raw)
      P.Kind = Storage::Unknown;
    return P;
  }
  return traceLocalPointer(VD, DRE, Fn, Depth);
}

Provenance ProvenanceTracer::traceLocalPointer(const VarDecl *VD,
                                               const Expr *Use,
                                               const FunctionDecl *Fn,
                                               unsigned Depth) {
  Provenance P;
  P.Source = Use;
  P.Through = VD;
  const LocalFacts &LF = localFacts(Fn);
  if (LF.AddressTaken.count(VD)) {
    P.From = {
        OriginKind::AddressTakenPointer, VD, nullptr, {}, PointerKind::Raw};
    return P;
  }
  auto It = LF.Assignments.find(VD);
  if (It == LF.Assignments.end() || It->second.empty()) {
    P.From = {OriginKind::NeverAssigned, VD, nullptr, {}, PointerKind::Raw};
    return P;
  }
  // The assignments that can reach the use: those before it in the source
  // (a loop's later assignments reach it too, but also come after a spawn
  // of the previous iteration's value, so this is the common reading).
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const Expr *> Reaching;
  for (const Expr *A : It->second)
    if (SM.isBeforeInTranslationUnit(A->getBeginLoc(), Use->getBeginLoc()))
      Reaching.push_back(A);
  if (Reaching.empty())
    Reaching = It->second;

  std::optional<Provenance> Agreed;
  std::vector<MixedSource> All;
  bool Disagree = false;
  for (const Expr *A : Reaching) {
    Provenance Q = traceValue(A, Fn, Depth + 1);
    All.push_back({A->getExprLoc(), Q.From, Q.Kind});
    if (Q.Kind == Storage::Value && Reaching.size() > 1)
      continue; // p = NULL; ... p = malloc(): the null start shares nothing
    if (!Agreed) {
      Agreed = Q;
      continue;
    }
    if (Q.Kind != Agreed->Kind || Q.Marked != Agreed->Marked ||
        (Q.borrowsStack() && Q.Object != Agreed->Object))
      Disagree = true;
    else
      Agreed = Q; // the latest assignment names the source
  }
  if (!Agreed) {
    P.Kind = Storage::Value;
    P.From.Kind = OriginKind::NullPointer;
    return P;
  }
  if (Disagree) {
    P.Kind = Storage::Mixed;
    P.Sources = std::move(All);
    P.From = {OriginKind::MixedAssignments, VD, nullptr, {}, PointerKind::Raw};
    return P;
  }
  Provenance Result = *Agreed;
  Result.Through = VD;
  if (Result.Pointee.isNull())
    Result.Pointee = writtenPointee(Use);
  if (Result.Pointee.isNull() && Result.Source)
    Result.Pointee = writtenPointee(Result.Source);
  return Result;
}

Provenance ProvenanceTracer::traceObject(const Expr *LValue,
                                         const FunctionDecl *Fn,
                                         unsigned Depth) {
  Provenance P;
  P.Source = LValue;
  const Expr *E = LValue->IgnoreParenImpCasts();
  // &x.f and &x[i] live where x lives; &p->f and &p[i] where p points.
  while (true) {
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return traceValue(ME->getBase(), Fn, Depth + 1);
      E = ME->getBase()->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType())
        return traceValue(ASE->getBase(), Fn, Depth + 1);
      E = Base;
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_Deref)
        return traceValue(UO->getSubExpr(), Fn, Depth + 1);
    break;
  }
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E)) {
    P.Kind = CL->isFileScope() ? Storage::Static : Storage::Stack;
    P.From.Kind = OriginKind::CompoundLiteral;
    return P;
  }
  if (isa<StringLiteral>(E)) {
    P.Kind = Storage::Static;
    P.From.Kind = OriginKind::StringLiteral;
    return P;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE)
    return P;
  if (isa<FunctionDecl>(DRE->getDecl())) {
    P.Kind = Storage::Static;
    P.Object = DRE->getDecl();
    P.From = {
        OriginKind::Function, DRE->getDecl(), nullptr, {}, PointerKind::Raw};
    return P;
  }
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD)
    return P;
  P.Object = VD;
  P.From.Decl = VD;
  P.From.Fn = Fn;
  if (VD->getTLSKind() != VarDecl::TLS_None) {
    P.Kind = Storage::ThreadLocal;
    P.From.Kind = OriginKind::ThreadLocalVariable;
  } else if (VD->hasLocalStorage()) {
    P.Kind = Storage::Stack;
    P.From.Kind = isa<ParmVarDecl>(VD) ? OriginKind::ParameterVariable
                                       : OriginKind::LocalVariable;
  } else {
    P.Kind = Storage::Static;
    P.From.Kind = VD->isStaticLocal() ? OriginKind::StaticLocal
                                      : OriginKind::GlobalVariable;
  }
  return P;
}

} // namespace sendsync
